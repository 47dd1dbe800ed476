//! Exact merge of `analyze --shard` output folders made over disjoint shards of one corpus
//! into the output of one run over the whole corpus: the per-document tables concatenated in
//! the order the shards are given, the integer totals of `shard.json` summed and the aggregate
//! tables written from them, and the comparison recomputed from the merged `documents.csv`
//! and `doc_terms.csv` by the path `framelens compare` takes. Shards must come from the same
//! framelens, lexicons and options (their manifests say); a document id in two shards is an
//! error naming both.

use crate::aggregate::Aggregates;
use crate::compare::{COUNTS_SPILL, CompareInput, CompareOptions};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::report::{
    CellStyle, Hits, Manifest, ReportLevel, ReportOptions, merge as files, write_comparison,
};
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One `analyze --shard` (or `merge`) output folder and its manifest.
pub struct Shard {
    /// The folder.
    pub dir: PathBuf,
    /// Its `manifest.json`.
    pub manifest: Value,
}

impl Shard {
    /// Opens the output folder `dir`: it must hold `documents.csv`, `manifest.json` and
    /// `shard.json`.
    pub fn open(dir: &Path) -> Result<Shard> {
        CompareInput::check_dir(dir)?;
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let manifest = serde_json::from_str(&text).map_err(|e| Error::Input {
            path: path.display().to_string(),
            message: format!("not a framelens manifest: {e}"),
        })?;
        if !dir.join(crate::report::shard::SHARD_STATE).exists() {
            return Err(Error::Input {
                path: dir.display().to_string(),
                message: "no shard.json: run `framelens analyze --shard` to make a folder \
                          that can be merged"
                    .into(),
            });
        }
        Ok(Shard { dir: dir.to_path_buf(), manifest })
    }

    /// The options that shape the tables: everything but where a workbook went and where the
    /// lexicons were read from (their content is compared through the manifest's `lexicons`).
    fn shaping_options(&self) -> Value {
        let mut o = self.manifest["options"].clone();
        if let Some(map) = o.as_object_mut() {
            map.remove("xlsx");
            map.remove("lexicons");
        }
        o
    }

    fn option(&self, name: &str) -> &Value {
        &self.manifest["options"][name]
    }
}

/// Fails unless every shard was made by this framelens with the same lexicons and options;
/// the error names both folders and what differs.
pub fn check_compatible(shards: &[Shard]) -> Result<()> {
    let Some(first) = shards.first() else {
        return Err(Error::Usage("merge needs at least one output folder".into()));
    };
    let differs = |s: &Shard, what: &str, a: &Value, b: &Value| Error::Input {
        path: s.dir.display().to_string(),
        message: format!(
            "cannot merge with {}: {what} differ ({b} there, {a} here)",
            first.dir.display()
        ),
    };
    for s in shards {
        let version = &s.manifest["framelens_version"];
        if version != env!("CARGO_PKG_VERSION") {
            let ours = Value::from(env!("CARGO_PKG_VERSION"));
            return Err(differs(
                s,
                "framelens versions (this merge's and the shard's)",
                version,
                &ours,
            ));
        }
        let (a, b) = (&s.manifest["lexicons"], &first.manifest["lexicons"]);
        if a != b {
            return Err(differs(s, "the lexicons (names, origins or sha256)", a, b));
        }
        let (a, b) = (s.shaping_options(), first.shaping_options());
        if a != b {
            return Err(differs(s, "the analysis options", &a, &b));
        }
    }
    Ok(())
}

/// Fails if `lex` is not the lexicons the shards were made with.
pub fn check_lexicon(shards: &[Shard], lex: &Lexicon) -> Result<()> {
    let ours = Manifest::lexicon_info(lex);
    match shards.iter().find(|s| s.manifest["lexicons"] != ours) {
        None => Ok(()),
        Some(s) => Err(Error::Input {
            path: s.dir.display().to_string(),
            message: format!(
                "made with other lexicons than those loaded for the merge ({} there, {ours} here)",
                s.manifest["lexicons"]
            ),
        }),
    }
}

/// Fails if a document id is in two shards (or twice in one), naming both folders.
pub fn check_ids(shards: &[Shard]) -> Result<()> {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, s) in shards.iter().enumerate() {
        let path = s.dir.join("documents.csv");
        let bad = |message: String| Error::Input { path: path.display().to_string(), message };
        let mut r = csv::Reader::from_path(&path).map_err(|e| bad(e.to_string()))?;
        let mut record = csv::StringRecord::new();
        while r.read_record(&mut record).map_err(|e| bad(e.to_string()))? {
            let id = record.get(0).unwrap_or("");
            if let Some(&j) = seen.get(id) {
                let other = shards[j].dir.display();
                return Err(bad(format!("document id '{id}' is also in {other}/documents.csv")));
            }
            seen.insert(id.to_string(), i);
        }
    }
    Ok(())
}

/// The comparison options the shards were made with (their manifests' `options.compare`).
pub fn compare_options(shard: &Shard) -> Result<CompareOptions> {
    let c = shard.option("compare");
    let bad = |field: &str| Error::Input {
        path: shard.dir.join("manifest.json").display().to_string(),
        message: format!("options.compare.{field} is missing or invalid"),
    };
    let uint = |field: &str| c[field].as_u64().ok_or_else(|| bad(field));
    let groups: Vec<String> = match c["groups"].as_object() {
        Some(map) => map.iter().map(|(o, g)| format!("{o}={}", g.as_str().unwrap_or(""))).collect(),
        None => Vec::new(),
    };
    let opts = CompareOptions {
        prior_strength: c["prior_strength"].as_f64().ok_or_else(|| bad("prior_strength"))?,
        seed: uint("seed")?,
        bootstrap: u32::try_from(uint("bootstrap")?).map_err(|_| bad("bootstrap"))?,
        max_pair_groups: uint("max_pair_outlets")? as usize,
        min_count: uint("min_count")?,
        groups: crate::compare::GroupMap::parse(&groups)?,
        by_event: c["by_event"].as_bool().unwrap_or(false),
    };
    opts.validate()?;
    Ok(opts)
}

/// How the shards wrote their tables (`--raw-cells`, `--excel`, `--context`, what
/// `matches.csv` holds). A merge has no
/// texts: its `report.html` is the page of a comparison (as `framelens compare` writes), or
/// none when the shards wrote none.
pub fn report_options(shard: &Shard) -> ReportOptions {
    let flag = |name: &str| shard.option(name).as_bool().unwrap_or(false);
    let context = shard.option("context").as_u64().map_or(0, |n| n as usize);
    let html = match shard.option("report").as_str().and_then(ReportLevel::parse) {
        Some(ReportLevel::None) => ReportLevel::None,
        _ => ReportLevel::Summary,
    };
    let hits = match flag("full") {
        true => Hits::ALL,
        false => Hits {
            details: flag("hit_details"),
            uncounted: flag("all_hits"),
            tone: flag("tone_hits"),
        },
    };
    ReportOptions {
        cells: CellStyle { safe_text: !flag("raw_cells") },
        bom: flag("excel"),
        context,
        hits,
        // The shards wrote theirs (`--shard` always does), and the merged folder has them.
        doc_terms: true,
        html,
        tone_terms: flag("full") || flag("tone_terms"),
    }
}

/// Adds every total of `b` (outlets and groups) to `a`.
pub fn add_aggregates(a: &mut Aggregates, b: &Aggregates) {
    a.add_aggregates(b);
}

/// What a merge wrote.
#[derive(Clone, Copy, Debug, Default)]
pub struct Merged {
    /// Documents in the merged `documents.csv`.
    pub documents: usize,
}

/// Merges the (checked) `shards`, made with `lex`, into the existing empty folder `out`: every
/// table and `shard.json`; the caller writes the manifest ([`manifest`]).
pub fn merge(shards: &[Shard], lex: &Lexicon, out: &Path) -> Result<Merged> {
    check_compatible(shards)?;
    check_lexicon(shards, lex)?;
    check_ids(shards)?;
    let report = report_options(&shards[0]);
    let compare = compare_options(&shards[0])?;
    let dirs: Vec<&Path> = shards.iter().map(|s| s.dir.as_path()).collect();
    files::concat_tables(&dirs, out)?;
    let mut agg = Aggregates::new();
    for s in shards {
        add_aggregates(&mut agg, &crate::report::shard::read_state(&s.dir, lex)?);
    }
    files::write_aggregates(out, lex, &agg, &report, compare.by_event)?;
    let input = CompareInput::read_dir_spilled(out, &out.join(COUNTS_SPILL), None)?;
    let documents = input.len();
    write_comparison(out, &input, &compare, &report)?;
    input.remove_spill()?;
    Ok(Merged { documents })
}

/// The merged run's manifest: the shards' options and lexicons, their inputs in order, their
/// counts summed, `run` naming `command` and the shards.
pub fn manifest(shards: &[Shard], command: Vec<String>, outputs: &[&str]) -> Value {
    let first = &shards[0].manifest;
    let inputs: Vec<Value> = shards
        .iter()
        .flat_map(|s| s.manifest["inputs"].as_array().cloned().unwrap_or_default())
        .collect();
    let mut counts = serde_json::Map::new();
    for key in ["read", "analysed", "failed", "text_bytes"] {
        let sum: u64 = shards.iter().filter_map(|s| s.manifest["counts"][key].as_u64()).sum();
        counts.insert(key.into(), sum.into());
    }
    let dirs: Vec<String> = shards.iter().map(|s| s.dir.display().to_string()).collect();
    serde_json::json!({
        "framelens_version": env!("CARGO_PKG_VERSION"),
        "run": { "command": command, "merged": dirs },
        "options": first["options"],
        "inputs": inputs,
        "lexicons": first["lexicons"],
        "counts": counts,
        "outputs": outputs,
    })
}
