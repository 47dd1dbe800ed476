//! Subcommands, one file each. Each returns the process exit code on success.

mod analyze;
mod compare;
mod lexicon;
mod output;
mod progress;

use crate::cli::{Cli, Command, LexiconCommand};

/// Exit code: finished, but some documents failed (see errors.csv).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code: usage or fatal error; no output folder was produced.
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Lexicon(LexiconCommand::Check(args)) => lexicon::check(args),
        Command::Lexicon(LexiconCommand::Stems(args)) => lexicon::stems(args),
    }
}

/// The comparison options given on the command line.
pub fn compare_options(
    stats: &crate::cli::StatsArgs,
    groups: &[String],
) -> anyhow::Result<framelens::compare::CompareOptions> {
    let opts = framelens::compare::CompareOptions {
        prior_strength: stats.prior_strength,
        seed: stats.seed,
        bootstrap: stats.bootstrap,
        groups: framelens::compare::GroupMap::parse(groups)?,
    };
    opts.validate()?;
    Ok(opts)
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
