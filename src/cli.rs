//! Command-line arguments (clap derive). Only parsing and help text live here; each
//! subcommand's behaviour is in `cmd/`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Measure how news outlets frame the same event.
#[derive(Parser, Debug)]
#[command(name = "framelens", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse a corpus and write the comparison tables to OUTDIR.
    Analyze(AnalyzeArgs),
    /// Recompute the comparison tables of an `analyze` output folder, without the texts.
    Compare(CompareArgs),
    /// Inspect lexicons: lint them, or list the stems of every entry.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Train an attribution-cue model on brat-annotated articles (for `analyze --cue-model`).
    TrainCues(TrainCuesArgs),
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Inputs: a folder of OUTLET/DOC.txt files, a .txt file (one document), a .csv/.tsv file,
    /// a .jsonl file, or - (JSONL on stdin).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output folder (must not exist unless --force).
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
    /// Replace the bundled lexicons with the *.csv files of DIR (or DIR/<lang>).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Language of the texts (ISO 639-1), for stemming and the bundled lexicons.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Map a document field to an input column or key, e.g. --column text=body (repeatable).
    #[arg(long = "column", value_name = "FIELD=NAME")]
    pub columns: Vec<String>,
    /// The outlet of .txt file inputs (default: the name of each file's folder).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Sections to analyse: title, body or both (comma-separated).
    #[arg(long, default_value = "title,body", value_name = "LIST")]
    pub sections: String,
    /// Replace OUTDIR if it exists.
    #[arg(long)]
    pub force: bool,
    /// Replace invalid UTF-8 with U+FFFD (the document is flagged `repaired`) instead of failing it.
    #[arg(long)]
    pub lossy: bool,
    /// Start every CSV with a UTF-8 byte-order mark so Excel reads it correctly.
    #[arg(long)]
    pub excel: bool,
    /// Write text cells verbatim, without neutralising spreadsheet formulas (for pipelines).
    #[arg(long)]
    pub raw_cells: bool,
    /// No progress messages on stderr.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub stats: StatsArgs,
    /// Also write every table into one Excel workbook FILE (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Attribution cues decided by a learned cue model: `bundled` (trained on PolNeAR, see
    /// README "Attribution model") or a FILE from `train-cues`. Default: the rules alone.
    #[arg(long, value_name = "FILE")]
    pub cue_model: Option<PathBuf>,
}

/// Options of the comparison statistics, shared by `analyze` and `compare`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// α₀, the total pseudo-count of the informative Dirichlet prior of the log-odds ratios.
    #[arg(long, value_name = "ALPHA0", default_value_t = framelens::compare::DEFAULT_PRIOR_STRENGTH)]
    pub prior_strength: f64,
    /// Seed of the bootstrap; the same seed gives the same intervals.
    #[arg(long, default_value_t = framelens::compare::DEFAULT_SEED)]
    pub seed: u64,
    /// Bootstrap replicates per rate interval, at most 100000 (0 leaves the intervals empty).
    #[arg(long, value_name = "N", default_value_t = framelens::compare::DEFAULT_BOOTSTRAP)]
    pub bootstrap: u32,
    /// Pairwise (outlet vs outlet) rows only in scopes with at most N outlets or groups; larger
    /// scopes still get every outlet-vs-rest row (N(N-1)/2 pairs grow fast: use --group).
    #[arg(long, value_name = "N", default_value_t = framelens::compare::DEFAULT_MAX_PAIR_GROUPS)]
    pub max_pair_outlets: usize,
    /// Write a comparison or rate row only when the outlet uses the feature at least N times or
    /// would be expected to at the pooled rate (statistics and q-values do not change; 0: every row).
    #[arg(long, value_name = "N", default_value_t = framelens::compare::DEFAULT_MIN_COUNT)]
    pub min_count: u64,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// An output folder of `framelens analyze` (reads documents.csv and doc_terms.csv).
    #[arg(value_name = "OUTDIR")]
    pub source: PathBuf,
    /// Folder for the comparison tables (must not exist unless --force).
    #[arg(short, long, value_name = "DEST")]
    pub output: PathBuf,
    /// Compare groups of outlets: OUTLET=GROUP (repeatable); unmapped outlets stay alone.
    #[arg(long = "group", value_name = "OUTLET=GROUP")]
    pub groups: Vec<String>,
    #[command(flatten)]
    pub stats: StatsArgs,
    /// Replace DEST if it exists.
    #[arg(long)]
    pub force: bool,
    /// Start every CSV with a UTF-8 byte-order mark so Excel reads it correctly.
    #[arg(long)]
    pub excel: bool,
    /// Write text cells verbatim, without neutralising spreadsheet formulas (for pipelines).
    #[arg(long)]
    pub raw_cells: bool,
    /// Also write the tables into one Excel workbook FILE (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// No progress messages on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Subcommand, Debug)]
pub enum LexiconCommand {
    /// Lint lexicons: dead or shadowed entries, stem collisions, verb families, provenance.
    Check(LexiconArgs),
    /// Print every entry with the stems it matches (tab-separated).
    Stems(LexiconArgs),
}

#[derive(Args, Debug)]
pub struct LexiconArgs {
    /// A lexicon folder (default: the bundled lexicons).
    pub dir: Option<PathBuf>,
    /// Language for stemming.
    #[arg(long, default_value = "en")]
    pub lang: String,
}

#[derive(Args, Debug)]
pub struct TrainCuesArgs {
    /// Brat folder of the training articles: text/*.txt + attributions/*.ann (PolNeAR), or
    /// *.txt + *.ann side by side. `Cue` spans are the cues; the first .ann per article by name.
    #[arg(long, value_name = "DIR")]
    pub brat: PathBuf,
    /// Brat folder of development articles: picks the epoch and the threshold.
    #[arg(long, value_name = "DIR")]
    pub dev: Option<PathBuf>,
    /// The model file to write.
    #[arg(short, long, value_name = "MODEL")]
    pub output: PathBuf,
    /// Lexicon folder whose roles the features read (default: the bundled lexicons).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Language for stemming and the bundled lexicons.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Passes over the training data (default 12).
    #[arg(long)]
    pub epochs: Option<u32>,
    /// The weight table has 2^BITS entries, 8..=22 (default 18).
    #[arg(long)]
    pub bits: Option<u32>,
    /// Seed of the example order (default 19).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Confidence the model needs to overrule the rules, in ‰ of its weight range: new cues
    /// need the best dev threshold plus it, rule cues are dropped below the threshold minus it
    /// (default 150).
    #[arg(long, value_name = "PERMILLE")]
    pub margin: Option<i32>,
    /// No report on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}
