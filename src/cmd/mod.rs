//! Subcommands, one file each. Each returns the process exit code on success.

mod analyze;
mod lexicon;
mod progress;

use crate::cli::{Cli, Command, LexiconCommand};

/// Exit code: finished, but some documents failed (see errors.csv).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code: usage or fatal error; no output folder was produced.
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Lexicon(LexiconCommand::Check(args)) => lexicon::check(args),
        Command::Lexicon(LexiconCommand::Stems(args)) => lexicon::stems(args),
    }
}

/// The bundled lexicons, or those of `dir`.
pub fn load_lexicon(
    dir: Option<&std::path::Path>,
    lang: &str,
) -> anyhow::Result<framelens::Lexicon> {
    let language = framelens::Language::from_code(lang)?;
    Ok(match dir {
        Some(d) => framelens::Lexicon::from_dir(d, language)?,
        None => framelens::Lexicon::bundled(language)?,
    })
}
