//! `framelens lexicon check|stems`: lint a lexicon, or print every entry with its stems.

use super::common::load_lexicon;
use crate::cli::{ExportArgs, ImportArgs, LexiconArgs};
use framelens::lexicon::{Elem, check::check as lint};
use std::io::Write;

pub fn check(args: LexiconArgs) -> anyhow::Result<u8> {
    let lex = load_lexicon(args.dir.as_deref(), &args.dicts, &args.lang)?;
    let findings = lint(&lex);
    let mut out = std::io::stdout().lock();
    for f in &findings {
        writeln!(out, "{}: {}: {}", f.location, f.kind, f.message)?;
    }
    let entries = lex.entries().len();
    out.flush()?;
    super::common::message(format_args!(
        "framelens: {} lexicon files, {entries} entries, {} findings",
        lex.files().len(),
        findings.len()
    ));
    Ok(if findings.is_empty() { 0 } else { super::common::EXIT_PARTIAL })
}

pub fn stems(args: LexiconArgs) -> anyhow::Result<u8> {
    let lex = load_lexicon(args.dir.as_deref(), &args.dicts, &args.lang)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "lexicon\tline\tpattern\tcategory\tmatches")?;
    for e in lex.entries() {
        let elems: Vec<String> = e
            .elems
            .iter()
            .map(|&el| match el {
                Elem::Stem(_) => format!("stem:{}", lex.elem_text(el)),
                Elem::Exact(_) => format!("exact:{}", lex.elem_text(el)),
                Elem::Prefix(_) => format!("prefix:{}*", lex.elem_text(el)),
            })
            .collect();
        let cat = &lex.category(e.category).path;
        writeln!(
            out,
            "{}\t{}\t{}\t{cat}\t{}",
            lex.file(e.file).name,
            e.line,
            e.pattern,
            elems.join(" ")
        )?;
    }
    out.flush()?;
    Ok(0)
}

/// Writes `files` (`(name, text)`) into `dir`, refusing to overwrite unless `force`.
fn write_files(
    dir: &std::path::Path,
    files: &[(String, String)],
    force: bool,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    if !force {
        if let Some((name, _)) = files.iter().find(|(n, _)| dir.join(n).exists()) {
            anyhow::bail!("{}: exists (pass --force to overwrite)", dir.join(name).display());
        }
    }
    for (name, text) in files {
        std::fs::write(dir.join(name), text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", dir.join(name).display()))?;
    }
    super::common::message(format_args!(
        "framelens: wrote {} files to {}",
        files.len(),
        dir.display()
    ));
    Ok(())
}

pub fn export(args: ExportArgs) -> anyhow::Result<u8> {
    let language = framelens::Language::from_code(&args.lang)?;
    let files: Vec<(String, String)> = framelens::lexicon::bundled_files(language.code())
        .into_iter()
        .map(|(name, text)| (format!("{name}.csv"), text.to_string()))
        .collect();
    if files.is_empty() {
        anyhow::bail!("no bundled lexicons for '{}'", args.lang);
    }
    write_files(&args.dir, &files, args.force)?;
    Ok(0)
}

pub fn import(args: ImportArgs) -> anyhow::Result<u8> {
    let spec = framelens::lexicon::import::DictSpec::parse(&args.file);
    let files = framelens::lexicon::import::to_csv_files(&spec)?;
    write_files(&args.output, &files, args.force)?;
    Ok(0)
}
