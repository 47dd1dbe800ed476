//! `framelens analyze`: inputs → pipeline → reporter, written into a temporary folder beside
//! OUTDIR and renamed into place only when complete. On an error or an interrupt the temporary
//! folder is removed and OUTDIR is left as it was.

use super::interrupt::{self, Partial};
use super::progress::Progress;
use super::{EXIT_PARTIAL, load_lexicon, message};
use crate::cli::AnalyzeArgs;
use anyhow::{Context, bail};
use framelens::corpus::FieldMap;
use framelens::report::{InputInfo, Manifest, ReportOptions, Reporter, RunInfo};
use framelens::{Analyzer, Input, InputOptions, Sections, pipeline};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

pub fn run(args: AnalyzeArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let lexicon = Arc::new(load_lexicon(args.lexicons.as_deref(), &args.lang)?);
    let sections = parse_sections(&args.sections)?;
    let input_opts =
        InputOptions { fields: FieldMap::with_mappings(&args.columns)?, lossy: args.lossy };
    let out = &args.output;
    check_output(out, &args)?;
    let mut inputs = Vec::new();
    for path in &args.inputs {
        inputs.push(Input::open(path, &input_opts)?);
    }
    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads == 0 {
        bail!("--threads must be at least 1");
    }
    interrupt::install();
    let partial = Partial::new(partial_dir(out)?);
    let tmp = partial.path().to_path_buf();
    let result = (|| -> anyhow::Result<pipeline::RunCounts> {
        let opts = ReportOptions {
            cells: framelens::report::CellStyle { safe_text: !args.raw_cells },
            bom: args.excel,
        };
        let mut reporter = Reporter::create(&tmp, lexicon.clone(), opts)?;
        let analyzer = Analyzer::new(lexicon.clone(), sections);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
        let mut progress = Progress::new(&mut reporter, !args.quiet);
        let counts = pool.install(|| {
            let records = inputs.iter_mut().flat_map(|i| i.by_ref());
            pipeline::run(records, &analyzer, threads, &mut progress)
        });
        progress.finish();
        let counts = counts?;
        let manifest = Manifest {
            framelens_version: env!("CARGO_PKG_VERSION").into(),
            run: RunInfo { command: std::env::args().collect(), threads },
            options: serde_json::json!({
                "lang": lexicon.language().code(),
                "lexicons": args.lexicons.as_ref().map_or("bundled".into(), |p| p.display().to_string()),
                "sections": args.sections,
                "columns": args.columns,
                "lossy": args.lossy,
                "excel": args.excel,
                "raw_cells": args.raw_cells,
            }),
            inputs: inputs
                .iter()
                .map(|i| InputInfo {
                    path: i.path.display().to_string(),
                    kind: format!("{:?}", i.kind).to_lowercase(),
                    sha256: i.sha256(),
                    bytes: i.bytes_read(),
                    skipped: i.skipped(),
                })
                .collect(),
            lexicons: Manifest::lexicon_info(&lexicon),
            counts,
            outputs: OUTPUTS.iter().map(|s| s.to_string()).collect(),
        };
        reporter.finish(&manifest)?;
        Ok(counts)
    })();
    // On an error `partial` is dropped, which removes the temporary folder.
    let counts = result
        .with_context(|| format!("no results written ({} was left as it was)", out.display()))?;
    if !args.force && std::fs::symlink_metadata(out).is_ok() {
        let kept = partial.keep();
        bail!(
            "{}: appeared during the run and was not replaced (no --force); the complete results are in {}",
            out.display(),
            kept.display()
        );
    }
    partial.commit(|tmp| move_into_place(tmp, out))?;
    if counts.read == 0 {
        message(format_args!("framelens: warning: the inputs held no documents"));
    }
    if !args.quiet {
        for i in &inputs {
            let s = i.skipped();
            if s.not_txt + s.hidden > 0 {
                message(format_args!(
                    "framelens: {}: skipped {} files that are not *.txt and {} hidden entries",
                    i.path.display(),
                    s.not_txt,
                    s.hidden
                ));
            }
        }
        let secs = started.elapsed().as_secs_f64();
        message(format_args!(
            "framelens: {} documents analysed, {} failed, {:.1} MB of text in {:.2} s ({:.1} MB/s) -> {}",
            counts.analysed,
            counts.failed,
            counts.text_bytes as f64 / 1e6,
            secs,
            counts.text_bytes as f64 / 1e6 / secs.max(1e-9),
            out.display()
        ));
        if counts.failed > 0 {
            message(format_args!(
                "framelens: see {} for the documents that failed",
                out.join("errors.csv").display()
            ));
        }
    }
    Ok(if counts.failed > 0 { EXIT_PARTIAL } else { 0 })
}

const OUTPUTS: &[&str] = &[
    "documents.csv",
    "matches.csv",
    "errors.csv",
    "outlets.csv",
    "categories.csv",
    "terms.csv",
    "manifest.json",
];

fn parse_sections(list: &str) -> anyhow::Result<Sections> {
    let mut s = Sections { title: false, body: false };
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part {
            "title" => s.title = true,
            "body" => s.body = true,
            other => bail!("--sections: unknown section '{other}' (title, body)"),
        }
    }
    if !s.title && !s.body {
        bail!("--sections: name at least one of title, body");
    }
    Ok(s)
}

/// Refuses an OUTDIR that exists (unless `--force`), and with `--force` one that is not a
/// folder or that holds an input, the lexicons or the current folder, which replacing it
/// would delete.
fn check_output(out: &Path, args: &AnalyzeArgs) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(out) else { return Ok(()) };
    if !args.force {
        bail!("{}: output folder exists (use --force to replace it)", out.display());
    }
    if !meta.is_dir() && !meta.file_type().is_symlink() {
        bail!(
            "{}: exists and is not a folder; --force only replaces an output folder",
            out.display()
        );
    }
    let Ok(out_c) = std::fs::canonicalize(out) else { return Ok(()) };
    let cwd = std::env::current_dir().ok();
    let precious = args
        .inputs
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .chain(args.lexicons.as_ref())
        .chain(cwd.as_ref());
    for p in precious {
        if std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&out_c)) {
            bail!(
                "{}: not replacing it with --force: it holds {}, which would be deleted",
                out.display(),
                p.display()
            );
        }
    }
    Ok(())
}

/// Moves the finished `tmp` folder to `out`. An old `out` is first renamed aside and deleted
/// only once the new results are in place, so a failure leaves the old results.
fn move_into_place(tmp: &Path, out: &Path) -> anyhow::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(tmp, out)
            .with_context(|| format!("moving results into {}", out.display()));
    }
    let old = sibling(out, "old")?;
    std::fs::rename(out, &old).with_context(|| format!("moving old {} aside", out.display()))?;
    if let Err(e) = std::fs::rename(tmp, out) {
        let _ = std::fs::rename(&old, out);
        return Err(e).with_context(|| format!("moving results into {}", out.display()));
    }
    if let Err(e) = std::fs::remove_dir_all(&old).or_else(|_| std::fs::remove_file(&old)) {
        message(format_args!(
            "framelens: warning: could not delete the old results in {}: {e}",
            old.display()
        ));
    }
    Ok(())
}

/// `.NAME.<what>-PID` beside `out`: hidden, so it never looks like finished results.
fn sibling(out: &Path, what: &str) -> anyhow::Result<PathBuf> {
    let name = out.file_name().map_or("framelens-out".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let path = parent.join(format!(".{name}.{what}-{}", std::process::id()));
    if std::fs::symlink_metadata(&path).is_ok() {
        std::fs::remove_dir_all(&path)
            .or_else(|_| std::fs::remove_file(&path))
            .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(path)
}

/// A fresh folder beside `out` that does not look like a finished result.
fn partial_dir(out: &Path) -> anyhow::Result<PathBuf> {
    let tmp = sibling(out, "partial")?;
    std::fs::create_dir_all(&tmp)
        .with_context(|| format!("cannot create the output folder {}", tmp.display()))?;
    Ok(tmp)
}
