//! `framelens analyze`: inputs → pipeline → reporter, written into a temporary folder beside
//! OUTDIR and renamed into place only when complete. On an error or an interrupt the temporary
//! folder is removed and OUTDIR is left as it was (see `output`).

use super::common::{EXIT_PARTIAL, check_xlsx, compare_options, documents, load_lexicon, message};
use super::output::{check_output, write_atomically};
use super::progress::Progress;
use crate::cli::AnalyzeArgs;
use anyhow::bail;
use framelens::compare::CompareOptions;
use framelens::corpus::FieldMap;
use framelens::pipeline::RunCounts;
use framelens::report::{
    InputInfo, Manifest, ReportOptions, Reporter, RunInfo, analyze_outputs, xlsx,
};
use framelens::{Analyzer, Input, InputKind, InputOptions, Lexicon, Sections, pipeline};
use std::sync::Arc;
use std::time::Instant;

pub fn run(args: AnalyzeArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    check_xlsx(args.xlsx.as_deref())?;
    let lexicon = Arc::new(load_lexicon(args.lexicons.as_deref(), &args.lang)?);
    let sections = parse_sections(&args.sections)?;
    let cue_model = load_cue_model(args.cue_model.as_deref())?;
    let input_opts = InputOptions {
        fields: FieldMap::with_mappings(&args.columns)?,
        lossy: args.lossy,
        outlet: args.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()).map(String::from),
    };
    let out = &args.output;
    let mut precious: Vec<&std::path::Path> = args.inputs.iter().map(|p| p.as_path()).collect();
    precious.extend(args.lexicons.as_deref());
    check_output(out, args.force, &precious)?;
    let compare = compare_options(&args.stats, &[])?;
    let mut inputs = Vec::new();
    for path in &args.inputs {
        inputs.push(Input::open(path, &input_opts)?);
    }
    if args.outlet.is_some() && !inputs.iter().any(|i| i.kind == InputKind::Text) {
        bail!("--outlet names the outlet of .txt file inputs, and no input is one");
    }
    let threads =
        args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads == 0 {
        bail!("--threads must be at least 1");
    }
    let counts = write_atomically(out, args.force, |tmp| -> anyhow::Result<pipeline::RunCounts> {
        let opts = ReportOptions {
            cells: framelens::report::CellStyle { safe_text: !args.raw_cells },
            bom: args.excel,
        };
        let mut reporter = Reporter::create(tmp, lexicon.clone(), opts)?;
        reporter.set_compare_options(compare.clone());
        let analyzer = Analyzer::new(lexicon.clone(), sections).with_cue_model(cue_model.clone());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
        let mut progress = Progress::new(&mut reporter, &inputs, !args.quiet);
        let counts = pool.install(|| {
            let records = inputs.iter_mut().flat_map(|i| i.by_ref());
            pipeline::run(records, &analyzer, threads, &mut progress)
        });
        progress.finish();
        let counts = counts?;
        let manifest = manifest(&args, &lexicon, &compare, &inputs, counts, threads);
        if !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            eprintln!("framelens: writing the aggregate and comparison tables...");
        }
        // In the pool: the comparison tables are computed in parallel too.
        pool.install(|| reporter.finish(&manifest))?;
        Ok(counts)
    })?;
    if counts.read == 0 {
        message(format_args!("framelens: warning: the inputs held no documents"));
    }
    // From the finished folder, so FILE may also be inside OUTDIR.
    if let Some(path) = &args.xlsx {
        xlsx::write_workbook(out, &analyze_outputs(), path)?;
    }
    if !args.quiet {
        summary(&args, &inputs, &counts, started);
    }
    Ok(if counts.failed > 0 { EXIT_PARTIAL } else { 0 })
}

/// What the run did and with what, for `manifest.json`.
fn manifest(
    args: &AnalyzeArgs,
    lexicon: &Lexicon,
    compare: &CompareOptions,
    inputs: &[Input],
    counts: RunCounts,
    threads: usize,
) -> Manifest {
    let mut options = serde_json::json!({
        "lang": lexicon.language().code(),
        "lexicons": args.lexicons.as_ref().map_or("bundled".into(), |p| p.display().to_string()),
        "sections": args.sections,
        "columns": args.columns,
        "lossy": args.lossy,
        "excel": args.excel,
        "raw_cells": args.raw_cells,
        "compare": compare.to_json(),
        "xlsx": args.xlsx.as_ref().map(|p| p.display().to_string()),
    });
    // Only when given, so manifests of runs without .txt inputs keep their bytes.
    if let Some(outlet) = &args.outlet {
        options["outlet"] = outlet.as_str().into();
    }
    Manifest {
        framelens_version: env!("CARGO_PKG_VERSION").into(),
        run: RunInfo { command: std::env::args().collect(), threads },
        options,
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
        lexicons: Manifest::lexicon_info(lexicon),
        counts,
        outputs: analyze_outputs().into_iter().map(String::from).collect(),
    }
}

/// The closing messages on standard error.
fn summary(args: &AnalyzeArgs, inputs: &[Input], counts: &RunCounts, started: Instant) {
    for i in inputs {
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
        "framelens: {} analysed, {} failed, {:.1} MB of text in {:.2} s ({:.1} MB/s) -> {}",
        documents(counts.analysed),
        counts.failed,
        counts.text_bytes as f64 / 1e6,
        secs,
        counts.text_bytes as f64 / 1e6 / secs.max(1e-9),
        args.output.display()
    ));
    if counts.failed > 0 {
        message(format_args!(
            "framelens: see {} for the documents that failed",
            args.output.join("errors.csv").display()
        ));
    }
}

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

/// The cue model of `--cue-model`: none by default (the rules), the bundled one for `bundled`.
fn load_cue_model(
    path: Option<&std::path::Path>,
) -> anyhow::Result<Option<Arc<framelens::cuemodel::CueModel>>> {
    use anyhow::Context;
    match path {
        None => Ok(None),
        Some(p) if p.as_os_str() == "bundled" => Ok(Some(framelens::cuemodel::bundled())),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}", p.display()))?;
            let model = framelens::cuemodel::CueModel::parse(&bytes)
                .with_context(|| format!("{}: not a cue model", p.display()))?;
            Ok(Some(Arc::new(model)))
        }
    }
}
