//! `framelens analyze`: inputs → pipeline → reporter, written into a temporary folder beside
//! OUTDIR and renamed into place only when complete. On an error or an interrupt the temporary
//! folder is removed and OUTDIR is left as it was (see `output`).

use super::common::report_level;
use super::common::{EXIT_PARTIAL, check_xlsx, compare_options, documents, load_lexicon, message};
use super::common::{group_map, group_notes, grouping_options};
use super::output::{check_output, write_atomically};
use super::progress::Progress;
use crate::cli::AnalyzeArgs;
use anyhow::bail;
use framelens::boilerplate::{Boilerplate, Builder};
use framelens::compare::{CompareOptions, DocColumns, GroupMap};
use framelens::corpus::FieldMap;
use framelens::pipeline::RunCounts;
use framelens::report::{Hits, InputInfo, Manifest, ReportOptions, Reporter, RunInfo, xlsx};
use framelens::{Analyzer, Input, InputKind, InputOptions, Lexicon, Record, Sections, pipeline};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

pub fn run(args: AnalyzeArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    check_xlsx(args.xlsx.as_deref(), args.format)?;
    let lexicon = Arc::new(load_lexicon(args.lexicons.as_deref(), &args.dicts, &args.lang)?);
    let sections = parse_sections(&args.sections)?;
    let map = group_map(&[], &args.grouping)?;
    let (columns, extra) = doc_columns(&args, map.clone())?;
    let cue_model = super::common::load_cue_model(args.cue_model.as_deref())?;
    let input_opts = InputOptions {
        fields: FieldMap::with_mappings(&args.columns)?,
        lossy: args.lossy,
        outlet: args.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()).map(String::from),
        extra,
    };
    let out = &args.output;
    let mut precious: Vec<&std::path::Path> = args.inputs.iter().map(|p| p.as_path()).collect();
    precious.extend(args.lexicons.as_deref());
    check_output(out, args.force, &precious)?;
    // Documents carry their group into the comparison (DocColumns): no outlet map there.
    let mut compare = compare_options(&args.stats, GroupMap::default())?;
    compare.by_event |= args.full;
    let parquet = args.format == crate::cli::Format::Parquet;
    let mut inputs = open_inputs(&args, &input_opts)?;
    let threads = thread_count(args.threads)?;
    let boilerplate = match args.count_boilerplate {
        true => Arc::default(),
        false => find_boilerplate(&args.inputs, &input_opts, threads)?,
    };
    let opts = report_options(&args);
    let files = opts.analyze_outputs();
    let counts = write_atomically(out, args.force, |tmp| -> anyhow::Result<pipeline::RunCounts> {
        let mut reporter = Reporter::create_with_columns(tmp, lexicon.clone(), opts, columns)?;
        reporter.set_compare_options(compare.clone());
        reporter.write_shard_state(args.shard);
        reporter.set_boilerplate(boilerplate.clone());
        let analyzer = Analyzer::new(lexicon.clone(), sections)
            .with_boilerplate(boilerplate.clone())
            .counting_names(args.count_names)
            .with_cue_model(cue_model.clone());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
        let mut progress = Progress::new(&mut reporter, &inputs, !args.quiet);
        let counts = pool.install(|| {
            let records = inputs.iter_mut().flat_map(|i| i.by_ref());
            pipeline::run(records, &analyzer, threads, &mut progress)
        });
        progress.finish();
        let counts = counts?;
        if !args.quiet {
            group_notes(&map, reporter.compare_input(), &args.grouping);
        }
        let manifest = manifest(&args, (&lexicon, &compare, &files), &inputs, counts, threads);
        if !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            eprintln!("framelens: writing the aggregate and comparison tables...");
        }
        // In the pool: the comparison tables are computed in parallel too.
        pool.install(|| reporter.finish(&manifest))?;
        if parquet {
            framelens::report::parquet::convert_folder(tmp, &files)?;
        }
        Ok(counts)
    })?;
    if counts.read == 0 {
        message(format_args!("framelens: warning: the inputs held no documents"));
    }
    // From the finished folder, so FILE may also be inside OUTDIR.
    if let Some(path) = &args.xlsx {
        xlsx::write_workbook(out, &files, path)?;
    }
    if !args.quiet {
        summary(&args, &inputs, &counts, started);
    }
    Ok(if counts.failed > 0 { EXIT_PARTIAL } else { 0 })
}

/// What the tables hold, from the flags (`--full` turns on every opt-in part).
fn report_options(args: &AnalyzeArgs) -> ReportOptions {
    ReportOptions {
        cells: framelens::report::CellStyle { safe_text: !args.raw_cells },
        bom: args.excel,
        context: context(args),
        hits: hits(args),
        doc_terms: args.doc_terms || args.full || args.shard,
        html: report_level(&args.report),
        tone_terms: args.tone_terms || args.full,
    }
}

/// Opens every input, and refuses flags that none of them can serve.
fn open_inputs(args: &AnalyzeArgs, input_opts: &InputOptions) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in &args.inputs {
        inputs.push(Input::open(path, input_opts)?);
    }
    if args.outlet.is_some() && !inputs.iter().any(|i| i.kind == InputKind::Text) {
        bail!("--outlet names the outlet of .txt file inputs, and no input is one");
    }
    if !input_opts.extra.is_empty()
        && let Some(i) =
            inputs.iter().find(|i| matches!(i.kind, InputKind::Folder | InputKind::Text))
    {
        bail!(
            "{}: --group-by and --keep read input columns, and a folder or .txt input has none (group its outlets with --groups FILE.csv)",
            i.path.display()
        );
    }
    Ok(inputs)
}

/// The first pass over the inputs: the lines each outlet repeats (see `framelens::boilerplate`).
/// None when an input is standard input, which cannot be read twice. With more than one
/// thread, lines are hashed on a pool of `threads` while the input is read.
fn find_boilerplate(
    paths: &[PathBuf],
    opts: &InputOptions,
    threads: usize,
) -> anyhow::Result<Arc<Boilerplate>> {
    let mut b = Builder::new();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return Ok(Arc::default());
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    for path in paths {
        let docs = Input::open(path, opts)?.filter_map(|r| match r {
            Record::Doc(doc) => Some(*doc),
            Record::Failed(_) => None,
        });
        pool.install(|| b.add_all(docs, threads > 1));
    }
    Ok(Arc::new(b.finish()))
}

/// What the run did and with what, for `manifest.json`.
fn manifest(
    args: &AnalyzeArgs,
    (lexicon, compare, files): (&Lexicon, &CompareOptions, &[&str]),
    inputs: &[Input],
    counts: RunCounts,
    threads: usize,
) -> Manifest {
    let mut options = serde_json::json!({
        "lang": lexicon.language().code(),
        "lexicons": args.lexicons.as_ref().map_or(
            if args.dicts.no_bundled { "none" } else { "bundled" }.into(),
            |p| p.display().to_string()
        ),
        "sections": args.sections,
        "columns": args.columns,
        "lossy": args.lossy,
        "excel": args.excel,
        "raw_cells": args.raw_cells,
        "compare": compare.to_json(),
        "xlsx": args.xlsx.as_ref().map(|p| p.display().to_string()),
        "report": args.report,
    });
    // Only when given, so manifests of runs without .txt inputs keep their bytes.
    if let Some(outlet) = &args.outlet {
        options["outlet"] = outlet.as_str().into();
    }
    let mut outputs: Vec<String> = files.iter().map(|f| f.to_string()).collect();
    if args.shard {
        options["shard"] = true.into();
        outputs.push(framelens::report::shard::SHARD_STATE.into());
    }
    if args.format == crate::cli::Format::Parquet {
        options["format"] = "parquet".into();
        outputs = outputs.iter().map(|f| framelens::report::parquet::parquet_name(f)).collect();
    }
    optional_options(args, &mut options);
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
        outputs,
    }
}

/// The options a manifest records only when given, so manifests of runs without them keep
/// their bytes.
fn optional_options(args: &AnalyzeArgs, options: &mut serde_json::Value) {
    if args.full {
        options["full"] = true.into();
    }
    if context(args) > 0 {
        options["context"] = context(args).into();
    }
    for (name, on) in [
        ("hit_details", args.hit_details),
        ("all_hits", args.all_hits),
        ("tone_hits", args.tone_hits),
        ("tone_terms", args.tone_terms),
        ("doc_terms", args.doc_terms),
    ] {
        if on {
            options[name] = true.into();
        }
    }
    grouping_options(&args.grouping, options);
    if !args.keep.is_empty() {
        options["keep"] = args.keep.clone().into();
    }
    if args.count_names {
        options["count_names"] = true.into();
    }
    if args.count_boilerplate {
        options["count_boilerplate"] = true.into();
    }
    if let Some(model) = &args.cue_model {
        options["cue_model"] = model.display().to_string().into();
    }
    if !args.dicts.dicts.is_empty() {
        options["dicts"] = args.dicts.dicts.clone().into();
    }
    if !args.dicts.valence.is_empty() {
        let v: Vec<String> = args.dicts.valence.iter().map(|p| p.display().to_string()).collect();
        options["valence"] = v.into();
    }
}

/// `--threads`, else every core.
fn thread_count(threads: Option<usize>) -> anyhow::Result<usize> {
    let n = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if n == 0 {
        bail!("--threads must be at least 1");
    }
    Ok(n)
}

/// The columns carried into `documents.csv` and the grouping, and the input columns to read
/// for them (kept ones, then the `--group-by` one unless kept).
fn doc_columns(args: &AnalyzeArgs, map: GroupMap) -> anyhow::Result<(DocColumns, Vec<String>)> {
    let mut extra: Vec<String> = Vec::new();
    for k in &args.keep {
        if !extra.contains(k) {
            extra.push(k.clone());
        }
    }
    let keep = extra.clone();
    let group_by =
        args.grouping.group_by.as_ref().map(|g| match extra.iter().position(|e| e == g) {
            Some(i) => i,
            None => {
                extra.push(g.clone());
                extra.len() - 1
            }
        });
    let columns = DocColumns { keep, group_by, map };
    if columns.grouped() && columns.keep.iter().any(|k| k == framelens::compare::GROUP_COLUMN) {
        bail!(
            "--keep group: documents.csv already has a 'group' column when documents are grouped"
        );
    }
    Ok((columns, extra))
}

/// The closing messages on standard error.
fn summary(args: &AnalyzeArgs, inputs: &[Input], counts: &RunCounts, started: Instant) {
    for i in inputs {
        let ignored = i.ignored_columns();
        if !ignored.is_empty() {
            message(format_args!(
                "framelens: note: {}: not read (carry one into documents.csv with --keep COLUMN): {}",
                i.path.display(),
                ignored.join(", ")
            ));
        }
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

/// Characters of context in `matches.csv`: `--context N`, else 40 with `--full`, else none.
fn context(args: &AnalyzeArgs) -> usize {
    args.context.unwrap_or(if args.full { FULL_CONTEXT } else { 0 })
}

/// What `matches.csv` holds beyond its compact default: `--full` or each flag.
fn hits(args: &AnalyzeArgs) -> Hits {
    if args.full {
        return Hits::ALL;
    }
    Hits { details: args.hit_details, uncounted: args.all_hits, tone: args.tone_hits }
}

/// The context `--full` writes without `--context`: what every run wrote before it was opt-in.
const FULL_CONTEXT: usize = 40;

fn parse_sections(list: &str) -> anyhow::Result<Sections> {
    let names = list.split(',').map(str::trim).filter(|p| !p.is_empty());
    Sections::from_names(names).map_err(|e| anyhow::anyhow!("--sections: {e}"))
}
