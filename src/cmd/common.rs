//! What the subcommands share: exit codes, messages on standard error, and the options and
//! lexicons every command builds the same way.

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
