//! What the subcommands share: exit codes, messages on standard error, and the options and
//! lexicons every command builds the same way.

use framelens::compare::GroupMap;

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

/// `1 document`, `2 documents`: a count of documents for a message.
pub fn documents(n: u64) -> String {
    format!("{n} document{}", if n == 1 { "" } else { "s" })
}

/// Refuses a workbook path that does not end in `.xlsx` (`--xlsx out/v2.csv` would
/// otherwise write a workbook under a CSV's name), before any work is done.
pub fn check_xlsx(
    path: Option<&std::path::Path>,
    format: crate::cli::Format,
) -> anyhow::Result<()> {
    match path {
        Some(p) if !p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) => {
            anyhow::bail!("--xlsx {}: the workbook's name must end in .xlsx", p.display())
        }
        Some(_) if format == crate::cli::Format::Parquet => {
            anyhow::bail!("--xlsx reads the CSV tables: leave out --format parquet, or --xlsx")
        }
        _ => Ok(()),
    }
}

/// The grouping options of a manifest, only when given (so other manifests keep their bytes).
pub fn grouping_options(g: &crate::cli::GroupArgs, options: &mut serde_json::Value) {
    if let Some(by) = &g.group_by {
        options["group_by"] = by.as_str().into();
    }
    if let Some(f) = &g.groups {
        options["groups_file"] = f.display().to_string().into();
    }
}

/// The comparison options given on the command line.
pub fn compare_options(
    stats: &crate::cli::StatsArgs,
    groups: GroupMap,
) -> anyhow::Result<framelens::compare::CompareOptions> {
    let opts = framelens::compare::CompareOptions {
        prior_strength: stats.prior_strength,
        seed: stats.seed,
        bootstrap: stats.bootstrap,
        max_pair_groups: stats.max_pair_outlets,
        min_count: stats.min_count,
        by_event: stats.by_event,
        groups,
    };
    opts.validate()?;
    Ok(opts)
}

/// The outlet → group map of `--group OUTLET=GROUP` flags and a `--groups` file; an error
/// when `--group-by` is given too (documents are grouped one way).
pub fn group_map(flags: &[String], g: &crate::cli::GroupArgs) -> anyhow::Result<GroupMap> {
    let mut map = GroupMap::parse(flags)?;
    if let Some(file) = &g.groups {
        map.merge(GroupMap::read_csv(file)?)?;
    }
    if g.group_by.is_some() && !map.is_empty() {
        anyhow::bail!("--group-by and --groups (or --group) both group documents: give one");
    }
    Ok(map)
}

/// Says which outlets a `--groups` file leaves out (they stay groups of their own), how
/// documents fell into groups, and when `--group-by` found its column in no document.
pub fn group_notes(
    map: &GroupMap,
    input: &framelens::compare::CompareInput,
    g: &crate::cli::GroupArgs,
) {
    let file = g.groups.is_some();
    let unmapped = map.unmapped(input.outlets());
    if file && !unmapped.is_empty() {
        const SHOWN: usize = 20;
        let more = unmapped.len().saturating_sub(SHOWN);
        let list = unmapped.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
        let tail = if more > 0 { format!(", … ({more} more)") } else { String::new() };
        message(format_args!(
            "framelens: note: {} outlets are not in the --groups file and are groups of their own: {list}{tail}",
            unmapped.len()
        ));
    }
    let sizes = input.group_sizes(map);
    if !sizes.is_empty() {
        let list: Vec<String> =
            sizes.iter().map(|(g, n)| format!("{g} ({})", documents(*n))).collect();
        message(format_args!("framelens: {} groups: {}", sizes.len(), list.join(", ")));
    }
    if let (Some(by), [(only, _)]) = (&g.group_by, sizes.as_slice()) {
        if only == framelens::compare::NO_GROUP {
            message(format_args!(
                "framelens: warning: --group-by {by}: no document has a value in '{by}', so every document is in one group, {only} (is the column named differently? see the note on columns not read)"
            ));
        }
    }
}

/// The other tools' dictionaries (`.dic`, `.cat`, `.yml`, …; not `.csv`) of a `--lexicons`
/// folder (or its `<lang>` folder), in name order: they are added, not ignored.
fn dictionaries_in(
    dir: &std::path::Path,
    lang: &str,
) -> anyhow::Result<Vec<framelens::lexicon::import::DictSpec>> {
    use framelens::lexicon::import::{DictSpec, FORMATS, Format};
    let dir = if dir.join(lang).is_dir() { dir.join(lang) } else { dir.to_path_buf() };
    let known = |p: &std::path::Path| {
        let ext = p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        FORMATS.iter().any(|(_, f, exts)| {
            *f != Format::Csv && ext.as_deref().is_some_and(|e| exts.contains(&e))
        })
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| known(p))
        .collect();
    paths.sort();
    Ok(paths.into_iter().map(|path| DictSpec { path, format: None }).collect())
}

/// The bundled lexicons (none with `--no-bundled`), or those of `dir`, then every `--dict`
/// and `--valence` file in order.
pub fn load_lexicon(
    dir: Option<&std::path::Path>,
    dicts: &crate::cli::DictArgs,
    lang: &str,
) -> anyhow::Result<framelens::Lexicon> {
    use framelens::lexicon::import::DictSpec;
    let language = framelens::Language::from_code(lang)?;
    let mut b = framelens::LexiconBuilder::new(language);
    match dir {
        Some(d) => {
            b.add_dir(d)?;
            for spec in dictionaries_in(d, lang)? {
                b.add_dictionary(&spec)?;
            }
        }
        None if !dicts.no_bundled => b.add_bundled()?,
        None if dicts.dicts.is_empty() && dicts.valence.is_empty() => {
            anyhow::bail!(
                "--no-bundled leaves no lexicons: add --dict FILE, --valence FILE or --lexicons DIR"
            )
        }
        None => {}
    }
    for d in &dicts.dicts {
        b.add_dictionary(&DictSpec::parse(d))?;
    }
    for v in &dicts.valence {
        b.add_valence(v)?;
    }
    Ok(b.build())
}

/// The `--report` level (clap has checked the value).
pub fn report_level(s: &str) -> framelens::report::ReportLevel {
    framelens::report::ReportLevel::parse(s).unwrap_or_default()
}

/// The output files of a run: `all` without `report.html` when `--report none`.
pub fn outputs(all: Vec<&'static str>, level: framelens::report::ReportLevel) -> Vec<&'static str> {
    let none = level == framelens::report::ReportLevel::None;
    all.into_iter().filter(|f| !(none && *f == framelens::report::REPORT_HTML)).collect()
}

/// The cue model of `--cue-model`: none by default (the rules), the bundled one for `bundled`.
pub fn load_cue_model(
    path: Option<&std::path::Path>,
) -> anyhow::Result<Option<std::sync::Arc<framelens::cuemodel::CueModel>>> {
    path.map(cue_model_at).transpose()
}

/// The cue model at `path` (`bundled`: the one compiled in).
pub fn cue_model_at(
    path: &std::path::Path,
) -> anyhow::Result<std::sync::Arc<framelens::cuemodel::CueModel>> {
    use anyhow::Context;
    if path.as_os_str() == "bundled" {
        return Ok(framelens::cuemodel::bundled());
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let model = framelens::cuemodel::CueModel::parse(&bytes)
        .with_context(|| format!("{}: not a cue model", path.display()))?;
    Ok(std::sync::Arc::new(model))
}
