//! `framelens compare OUTDIR -o DEST`: recomputes the comparison tables of an `analyze`
//! output folder from its `documents.csv` and `doc_terms.csv` — with another prior, seed,
//! number of bootstrap replicates or outlet grouping — without reading the texts again.

use super::common::{check_xlsx, compare_options, documents, group_map, group_notes};
use super::common::{grouping_options, outputs, report_level};
use super::output::{check_output, write_atomically};
use crate::cli::CompareArgs;
use framelens::compare::{COUNTS_SPILL, CompareInput};
use framelens::report::parquet::parquet_name;
use framelens::report::{
    CellStyle, ReportOptions, compare_outputs, write_comparison, write_group_tables, write_json,
    xlsx,
};

pub fn run(args: CompareArgs) -> anyhow::Result<u8> {
    check_xlsx(args.xlsx.as_deref(), args.format)?;
    CompareInput::check_dir(&args.source)?;
    let opts = compare_options(&args.stats, group_map(&args.group, &args.grouping)?)?;
    let group_by = args.grouping.group_by.as_deref();
    check_output(&args.output, args.force, &[args.source.as_path()])?;
    if same_folder(&args.source, &args.output) {
        anyhow::bail!(
            "{}: DEST must differ from OUTDIR (it would replace the analysis)",
            args.output.display()
        );
    }
    let source_manifest = std::fs::read_to_string(args.source.join("manifest.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    let report = ReportOptions {
        cells: CellStyle { safe_text: !args.raw_cells },
        bom: args.excel,
        context: 0,
        hits: Default::default(),
        doc_terms: false,
        html: report_level(&args.report),
        tone_terms: args.tone_terms,
    };
    let parquet = args.format == crate::cli::Format::Parquet;
    let outputs = outputs(compare_outputs(), report.html);
    let compared = write_atomically(&args.output, args.force, |tmp| {
        // The per-document counts wait in a file in the partial folder, as in `analyze`, so
        // memory does not grow with the corpus.
        let spill = tmp.join(COUNTS_SPILL);
        let input = CompareInput::read_dir_spilled(&args.source, &spill, group_by)?;
        let documents = input.len();
        if !args.quiet {
            group_notes(&opts.groups, &input, &args.grouping);
        }
        write_comparison(tmp, &input, &opts, &report)?;
        write_group_tables(&args.source, tmp, &input, &opts, &report)?;
        input.remove_spill()?;
        let manifest = serde_json::json!({
            "framelens_version": env!("CARGO_PKG_VERSION"),
            "run": { "command": std::env::args().collect::<Vec<_>>() },
            "source": args.source.display().to_string(),
            "documents": documents,
            "options": {
                "compare": opts.to_json(),
                "excel": args.excel,
                "raw_cells": args.raw_cells,
                "xlsx": args.xlsx.as_ref().map(|p| p.display().to_string()),
                "report": args.report,
            },
            "source_manifest": source_manifest,
            "outputs": outputs,
        });
        let mut manifest = manifest;
        grouping_options(&args.grouping, &mut manifest["options"]);
        if args.tone_terms {
            manifest["options"]["tone_terms"] = true.into();
        }
        if parquet {
            framelens::report::parquet::convert_folder(tmp, &outputs)?;
            let names: Vec<String> = outputs.iter().map(|f| parquet_name(f)).collect();
            manifest["outputs"] = names.into();
            manifest["options"]["format"] = "parquet".into();
        }
        write_json(&tmp.join("manifest.json"), &manifest)?;
        Ok(documents)
    })?;
    if let Some(path) = &args.xlsx {
        xlsx::write_workbook(&args.output, &outputs, path)?;
    }
    if !args.quiet {
        eprintln!(
            "framelens: compared {} of {} -> {}",
            documents(compared as u64),
            args.source.display(),
            args.output.display()
        );
    }
    Ok(0)
}

/// Whether two paths name the same existing folder.
fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
