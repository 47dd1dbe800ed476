//! `framelens merge OUTDIR... -o DEST`: the output folders of `analyze --shard` runs over
//! disjoint shards of a corpus merged into the output of one run over the whole corpus (see
//! the library's `merge`), written atomically like `analyze`.

use super::common::{documents, load_lexicon, outputs};
use super::output::{check_output, write_atomically};
use crate::cli::{DictArgs, MergeArgs};
use framelens::merge::{self, Shard};
use framelens::report::{analyze_outputs, shard::SHARD_STATE, write_json};
use std::path::{Path, PathBuf};

pub fn run(args: MergeArgs) -> anyhow::Result<u8> {
    let shards = args.shards.iter().map(|d| Shard::open(d)).collect::<Result<Vec<_>, _>>()?;
    merge::check_compatible(&shards)?;
    let dicts = dictionaries(&shards[0]);
    let lexicon =
        load_lexicon(lexicon_dir(&args, &shards[0]).as_deref(), &dicts, lang(&shards[0]))?;
    let precious: Vec<&Path> = args.shards.iter().map(PathBuf::as_path).collect();
    check_output(&args.output, args.force, &precious)?;
    let merged = write_atomically(&args.output, args.force, |tmp| -> anyhow::Result<_> {
        let merged = merge::merge(&shards, &lexicon, tmp)?;
        let level = merge::report_options(&shards[0]).html;
        let mut outputs = outputs(analyze_outputs(), level);
        outputs.push(SHARD_STATE);
        let manifest = merge::manifest(&shards, std::env::args().collect(), &outputs);
        write_json(&tmp.join("manifest.json"), &manifest)?;
        Ok(merged)
    })?;
    if !args.quiet {
        eprintln!(
            "framelens: merged {} of {} output folders -> {}",
            documents(merged.documents as u64),
            shards.len(),
            args.output.display()
        );
    }
    Ok(0)
}

/// `--lexicons`, else the folder the first shard's manifest names (`None`: bundled).
fn lexicon_dir(args: &MergeArgs, shard: &Shard) -> Option<PathBuf> {
    if let Some(d) = &args.lexicons {
        return Some(d.clone());
    }
    match shard.manifest["options"]["lexicons"].as_str() {
        None | Some("bundled" | "none") => None,
        Some(path) => Some(PathBuf::from(path)),
    }
}

/// The `--dict`, `--valence` and `--no-bundled` of the shards' run, from its manifest (the
/// merge checks the lexicons' digests against them).
fn dictionaries(shard: &Shard) -> DictArgs {
    let o = &shard.manifest["options"];
    let strings = |key: &str| -> Vec<String> {
        o[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    };
    DictArgs {
        dicts: strings("dicts"),
        valence: strings("valence").into_iter().map(PathBuf::from).collect(),
        no_bundled: o["lexicons"].as_str() == Some("none"),
    }
}

fn lang(shard: &Shard) -> &str {
    shard.manifest["options"]["lang"].as_str().unwrap_or("en")
}
