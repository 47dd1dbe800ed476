//! `framelens train-cues`: trains a cue model on brat-annotated articles and writes it.

use super::common::{cue_model_at, load_lexicon, message};
use crate::cli::TrainCuesArgs;
use anyhow::Context;
use framelens::cuemodel::CueModel;
use framelens::cuetrain::{TrainOptions, brat, prune, train};

pub fn run(args: TrainCuesArgs) -> anyhow::Result<u8> {
    let lexicon = load_lexicon(args.lexicons.as_deref(), &Default::default(), &args.lang)?;
    let arts = brat::read_dir(&args.brat)?;
    if let Some(base) = &args.base {
        return prune_base(&args, &lexicon, &arts, base);
    }
    let dev = match &args.dev {
        Some(d) => brat::read_dir(d)?,
        None => Vec::new(),
    };
    let defaults = TrainOptions::default();
    let opts = TrainOptions {
        bits: args.bits.unwrap_or(defaults.bits),
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed.unwrap_or(defaults.seed),
        margin_permille: args.margin.unwrap_or(defaults.margin_permille),
        min_cue_permille: args.vocabulary_share.unwrap_or(defaults.min_cue_permille),
        prune_permille: args.prune,
        ..defaults
    };
    if !(8..=22).contains(&opts.bits) {
        anyhow::bail!("--bits must be between 8 and 22");
    }
    let (model, report) = train(&lexicon, &arts, &dev, &opts);
    let written = write_model(&model, &args.output)?;
    if !args.quiet {
        message(format_args!(
            "framelens: {} articles, {} examples ({} cue tokens), vocabulary {}",
            arts.len(),
            report.examples,
            report.positives,
            report.vocabulary
        ));
        if args.prune.is_some() {
            message(format_args!("framelens: pruned vocabulary {}", report.pruned_vocabulary));
        }
        for (k, (p, r, f)) in report.dev.iter().enumerate() {
            message(format_args!("  epoch {}: dev token P {p:.4} R {r:.4} F1 {f:.4}", k + 1));
        }
        message(format_args!(
            "framelens: kept epoch {}, threshold {} (rule cues {}); wrote {} bytes to {}",
            report.epoch,
            model.threshold(),
            model.keep_threshold(),
            written,
            args.output.display()
        ));
    }
    Ok(0)
}

/// `--base`: the vocabulary of the model `base` pruned on `arts`, written to `--output`.
fn prune_base(
    args: &TrainCuesArgs,
    lexicon: &framelens::lexicon::Lexicon,
    arts: &[brat::Article],
    base: &std::path::Path,
) -> anyhow::Result<u8> {
    let model = cue_model_at(base)?;
    let pruned = prune(lexicon, arts, &model, args.prune.unwrap_or(0));
    let written = write_model(&pruned, &args.output)?;
    if !args.quiet {
        message(format_args!(
            "framelens: {} articles, vocabulary {} of {}; wrote {} bytes to {}",
            arts.len(),
            pruned.vocabulary().len(),
            model.vocabulary().len(),
            written,
            args.output.display()
        ));
    }
    Ok(0)
}

/// Writes `model` to `path`; the number of bytes written.
fn write_model(model: &CueModel, path: &std::path::Path) -> anyhow::Result<usize> {
    let bytes = model.to_bytes();
    std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(bytes.len())
}
