//! `framelens._framelens`: the Rust side of the Python package. Each function runs the crate's
//! library in this process — no subprocess — with the GIL released, and writes its tables
//! through the crate's report layer into a folder the Python side owns (the same encoders,
//! hence the same bytes, as the command line). `framelens/__init__.py` turns the folder into
//! typed Arrow tables, using [`column_type`] (the crate's table descriptors) for the types.

use framelens::compare::{
    CompareInput, CompareOptions, DEFAULT_BOOTSTRAP, DEFAULT_MAX_PAIR_GROUPS, DEFAULT_MIN_COUNT,
    DEFAULT_PRIOR_STRENGTH, DEFAULT_SEED, GroupMap,
};
use framelens::corpus::FieldMap;
use framelens::merge::{self, Shard};
use framelens::pipeline::{self, RunCounts};
use framelens::report::{
    CellStyle, InputInfo, Manifest, ReportLevel, ReportOptions, Reporter, RunInfo, analyze_outputs,
    compare_outputs, shard::SHARD_STATE, write_comparison, write_group_tables, write_json,
};
use framelens::{Analyzer, Input, InputOptions, Language, Lexicon, Sections};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

create_exception!(
    _framelens,
    FramelensError,
    PyException,
    "An error of framelens: bad input, options or lexicons, naming the document, file or option."
);

fn err(e: impl std::fmt::Display) -> PyErr {
    FramelensError::new_err(e.to_string())
}

/// The comparison options (defaults where `None`).
#[derive(Clone, Debug, FromPyObject)]
#[pyo3(from_item_all)]
struct Stats {
    prior_strength: Option<f64>,
    seed: Option<u64>,
    bootstrap: Option<u32>,
    max_pair_outlets: Option<usize>,
    min_count: Option<u64>,
}

impl Stats {
    fn options(&self, groups: &[String]) -> PyResult<CompareOptions> {
        let opts = CompareOptions {
            prior_strength: self.prior_strength.unwrap_or(DEFAULT_PRIOR_STRENGTH),
            seed: self.seed.unwrap_or(DEFAULT_SEED),
            bootstrap: self.bootstrap.unwrap_or(DEFAULT_BOOTSTRAP),
            max_pair_groups: self.max_pair_outlets.unwrap_or(DEFAULT_MAX_PAIR_GROUPS),
            min_count: self.min_count.unwrap_or(DEFAULT_MIN_COUNT),
            groups: GroupMap::parse(groups).map_err(err)?,
            by_event: false,
        };
        opts.validate().map_err(err)?;
        Ok(opts)
    }
}

/// How `analyze` reads and writes.
#[derive(Clone, Debug, FromPyObject)]
#[pyo3(from_item_all)]
struct Run {
    lexicons: Option<PathBuf>,
    lang: String,
    threads: Option<usize>,
    sections: Vec<String>,
    columns: Vec<String>,
    lossy: bool,
    raw_cells: bool,
}

fn sections(list: &[String]) -> PyResult<Sections> {
    Sections::from_names(list.iter().map(String::as_str)).map_err(|e| err(format!("sections: {e}")))
}

fn load_lexicon(dir: Option<&Path>, lang: &str) -> PyResult<Lexicon> {
    let language = Language::from_code(lang).map_err(err)?;
    match dir {
        Some(d) => Lexicon::from_dir(d, language),
        None => Lexicon::bundled(language),
    }
    .map_err(err)
}

/// Analyses the JSONL file `input` into the existing empty folder `out`, as
/// `framelens analyze INPUT -o OUT --shard` does; returns (read, analysed, failed).
#[pyfunction]
fn analyze_file(
    py: Python<'_>,
    input: PathBuf,
    out: PathBuf,
    run: Run,
    stats: Stats,
) -> PyResult<(u64, u64, u64)> {
    let sections = sections(&run.sections)?;
    let compare = stats.options(&[])?;
    let counts = py.detach(|| -> PyResult<RunCounts> {
        let lexicon = Arc::new(load_lexicon(run.lexicons.as_deref(), &run.lang)?);
        let input_opts = InputOptions {
            fields: FieldMap::with_mappings(&run.columns).map_err(err)?,
            lossy: run.lossy,
            outlet: None,
            extra: Vec::new(),
        };
        let mut input = Input::open(&input, &input_opts).map_err(err)?;
        let threads = run
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let opts = ReportOptions {
            cells: CellStyle { safe_text: !run.raw_cells },
            bom: false,
            context: 0,
            hits: Default::default(),
            // A shard: `merge_dirs` and `compare_dir` read it back.
            doc_terms: true,
            html: ReportLevel::None,
            tone_terms: false,
        };
        let mut reporter = Reporter::create(&out, lexicon.clone(), opts).map_err(err)?;
        reporter.set_compare_options(compare.clone());
        reporter.write_shard_state(true);
        let analyzer = Analyzer::new(lexicon.clone(), sections);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(err)?;
        let counts = pool
            .install(|| pipeline::run(input.by_ref(), &analyzer, threads, &mut reporter))
            .map_err(err)?;
        let manifest = manifest(&run, &lexicon, &compare, &input, counts, threads);
        pool.install(|| reporter.finish(&manifest)).map_err(err)?;
        Ok(counts)
    })?;
    Ok((counts.read, counts.analysed, counts.failed))
}

/// The manifest of an `analyze_file` run: the options as `framelens analyze --shard` records
/// them, so folders of both can be merged together.
fn manifest(
    run: &Run,
    lexicon: &Lexicon,
    compare: &CompareOptions,
    input: &Input,
    counts: RunCounts,
    threads: usize,
) -> Manifest {
    let lexicons = run.lexicons.as_ref().map_or("bundled".into(), |p| p.display().to_string());
    let options = serde_json::json!({
        "lang": lexicon.language().code(),
        "lexicons": lexicons,
        "sections": run.sections.join(","),
        "columns": run.columns,
        "lossy": run.lossy,
        "excel": false,
        "raw_cells": run.raw_cells,
        "compare": compare.to_json(),
        "xlsx": null,
        "shard": true,
        "report": "none",
    });
    let mut outputs: Vec<String> = without_page(analyze_outputs()).map(String::from).collect();
    outputs.push(SHARD_STATE.into());
    Manifest {
        framelens_version: env!("CARGO_PKG_VERSION").into(),
        run: RunInfo { command: vec!["python: framelens.analyze".into()], threads },
        options,
        inputs: vec![InputInfo {
            path: "<python>".into(),
            kind: "jsonl".into(),
            sha256: input.sha256(),
            bytes: input.bytes_read(),
            skipped: input.skipped(),
        }],
        lexicons: Manifest::lexicon_info(lexicon),
        counts,
        outputs,
    }
}

/// Recomputes the comparison tables of the output folder `source` into the existing empty
/// folder `out`, as `framelens compare SOURCE -o OUT` does; returns the documents compared.
#[pyfunction]
fn compare_dir(
    py: Python<'_>,
    source: PathBuf,
    out: PathBuf,
    groups: Vec<String>,
    raw_cells: bool,
    stats: Stats,
) -> PyResult<usize> {
    let opts = stats.options(&groups)?;
    py.detach(|| {
        let input = CompareInput::read_dir(&source).map_err(err)?;
        let report = ReportOptions {
            cells: CellStyle { safe_text: !raw_cells },
            bom: false,
            context: 0,
            hits: Default::default(),
            doc_terms: false,
            html: ReportLevel::None,
            tone_terms: false,
        };
        write_comparison(&out, &input, &opts, &report).map_err(err)?;
        write_group_tables(&source, &out, &input, &opts, &report).map_err(err)?;
        let manifest = serde_json::json!({
            "framelens_version": env!("CARGO_PKG_VERSION"),
            "run": { "command": ["python: framelens.compare"] },
            "source": source.display().to_string(),
            "documents": input.len(),
            "options": { "compare": opts.to_json(), "excel": false, "raw_cells": raw_cells },
            "outputs": without_page(compare_outputs()).collect::<Vec<_>>(),
        });
        write_json(&out.join("manifest.json"), &manifest).map_err(err)?;
        Ok(input.len())
    })
}

/// Merges the output folders `shards` (of `analyze_file` or `framelens analyze --shard`) into
/// the existing empty folder `out`, as `framelens merge` does; returns the documents merged.
#[pyfunction]
#[pyo3(signature = (shards, out, lexicons=None))]
fn merge_dirs(
    py: Python<'_>,
    shards: Vec<PathBuf>,
    out: PathBuf,
    lexicons: Option<PathBuf>,
) -> PyResult<usize> {
    py.detach(|| {
        let shards = shards.iter().map(|d| Shard::open(d)).collect::<Result<Vec<_>, _>>();
        let shards = shards.map_err(err)?;
        merge::check_compatible(&shards).map_err(err)?;
        let first = &shards[0].manifest["options"];
        let dir = lexicons.or_else(|| match first["lexicons"].as_str() {
            None | Some("bundled") => None,
            Some(p) => Some(PathBuf::from(p)),
        });
        let lexicon = load_lexicon(dir.as_deref(), first["lang"].as_str().unwrap_or("en"))?;
        let merged = merge::merge(&shards, &lexicon, &out).map_err(err)?;
        let mut outputs: Vec<&str> = without_page(analyze_outputs()).collect();
        outputs.push(SHARD_STATE);
        let command = vec!["python: framelens.merge".to_string()];
        write_json(&out.join("manifest.json"), &merge::manifest(&shards, command, &outputs))
            .map_err(err)?;
        Ok(merged.documents)
    })
}

/// The type of column `name` of the table `file` (`text`, `integer`, `number` or `date`), from
/// the crate's table descriptors; `None` for a column this version does not know.
#[pyfunction]
fn column_type(file: &str, name: &str) -> Option<&'static str> {
    framelens::report::column_type(file, name)
}

#[pymodule]
fn _framelens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_file, m)?)?;
    m.add_function(wrap_pyfunction!(compare_dir, m)?)?;
    m.add_function(wrap_pyfunction!(merge_dirs, m)?)?;
    m.add_function(wrap_pyfunction!(column_type, m)?)?;
    m.add("FramelensError", m.py().get_type::<FramelensError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// The package writes tables only: `report.html` is the command line's.
fn without_page(files: Vec<&'static str>) -> impl Iterator<Item = &'static str> {
    files.into_iter().filter(|f| *f != framelens::report::REPORT_HTML)
}
