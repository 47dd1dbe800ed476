//! Subcommands, one file each. Each returns the process exit code on success.

mod analyze;
mod compare;
mod interrupt;
mod lexicon;
mod output;
mod progress;

use crate::cli::{Cli, Command, LexiconCommand};

/// Exit code: finished, but some documents failed (see errors.csv).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit code: usage or fatal error; no output folder was produced.
pub const EXIT_ERROR: u8 = 2;
/// Exit code: interrupted (Ctrl-C, SIGTERM, SIGHUP); no output folder was produced.
pub const EXIT_INTERRUPTED: u8 = 130;

/// Writes one line to standard error, ignoring failure: a closed stderr (`2>&1 | head`) must
/// not turn into a panic.
pub fn message(args: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{args}");
}

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
        max_pair_groups: stats.max_pair_outlets,
        min_count: stats.min_count,
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
