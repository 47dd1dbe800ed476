//! `framelens lexicon check|stems`: lint a lexicon, or print every entry with its stems.

use super::common::load_lexicon;
use crate::cli::LexiconArgs;
use framelens::lexicon::{Elem, check::check as lint};
use std::io::Write;

pub fn check(args: LexiconArgs) -> anyhow::Result<u8> {
    let lex = load_lexicon(args.dir.as_deref(), &args.lang)?;
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
    let lex = load_lexicon(args.dir.as_deref(), &args.lang)?;
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
