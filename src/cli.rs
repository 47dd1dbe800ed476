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
    Analyze(Box<AnalyzeArgs>),
    /// Recompute the comparison tables of an `analyze` output folder, without the texts.
    Compare(CompareArgs),
    /// Merge the output folders of `analyze --shard` runs over disjoint shards of a corpus into
    /// the output of one run over the whole corpus (counts summed, statistics recomputed).
    Merge(MergeArgs),
    /// Inspect lexicons: lint them, or list the stems of every entry.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Score an `analyze` output's matches against your own gold spans (precision, recall, F1).
    Validate(ValidateArgs),
    /// Train an attribution-cue model on brat-annotated articles (for `analyze --cue-model`).
    TrainCues(TrainCuesArgs),
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// An output folder of `framelens analyze` (reads matches.csv).
    #[arg(value_name = "OUTDIR")]
    pub source: PathBuf,
    /// Gold spans: CSV with doc_id,start,end,category (code points into the body text, end
    /// exclusive) and an optional text column.
    #[arg(long, value_name = "FILE.csv")]
    pub gold: PathBuf,
    /// Where to write the scores (default OUTDIR/validation.csv; the error lists go beside it
    /// as validation_errors.csv).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Bootstrap replicates (documents resampled) per interval.
    #[arg(long, default_value_t = 1000)]
    pub bootstrap: u32,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = framelens::compare::DEFAULT_SEED)]
    pub seed: u64,
    /// How many of the most frequent false positives and misses to list.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
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
    #[command(flatten)]
    pub dicts: DictArgs,
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
    /// Count hits inside longer proper names in the rates (they are still flagged `in_name`).
    #[arg(long)]
    pub count_names: bool,
    /// Count hits on lines an outlet repeats in 3+ documents or 3+ times in one (skips the boilerplate pass).
    #[arg(long)]
    pub count_boilerplate: bool,
    #[command(flatten)]
    pub grouping: GroupArgs,
    /// Carry the input column (or JSON key) COLUMN into documents.csv (repeatable).
    #[arg(long, value_name = "COLUMN")]
    pub keep: Vec<String>,
    #[command(flatten)]
    pub stats: StatsArgs,
    /// Also write every table into one Excel workbook FILE (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Table format: csv, or parquet (typed, compressed; read by pandas, polars, DuckDB, R
    /// arrow). `framelens compare`, `merge` and --xlsx read CSV tables.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// This run is one shard of a corpus: also write shard.json, the integer totals that
    /// `framelens merge` sums (and doc_terms.csv, which it reads).
    #[arg(long)]
    pub shard: bool,
    /// Also write doc_terms.csv (per document, the count of every lexicon entry): what
    /// `framelens compare OUTDIR` reads to recompute the comparison without the texts.
    #[arg(long)]
    pub doc_terms: bool,
    /// Add N characters of context on each side of every hit to matches.csv (columns left
    /// and right; default: none, the offsets locate each hit), and the sentence of each short
    /// quotation to scare_quotes.csv (sentence_text).
    #[arg(long, value_name = "N")]
    pub context: Option<usize>,
    /// Add the columns a join or the offsets give: to matches.csv outlet, lexicon, lemma,
    /// polarity, intensity, the matched text, the byte offsets and one 0/1 column per flag
    /// instead of the packed flags; to attributions.csv the outlet and the cue and source as
    /// written; to scare_quotes.csv the outlet and the byte offsets
    #[arg(long)]
    pub hit_details: bool,
    /// Add to matches.csv the hits of the attribution cues (each a row of attributions.csv)
    /// and the hits that do not count in the rates (inside names, on boilerplate lines, set
    /// phrases, attribution words that are no detected cue), with the column counted
    #[arg(long)]
    pub all_hits: bool,
    /// Add to matches.csv the hits of the tone inputs (valence words, negators, boosters; their
    /// sums are in tone.csv and documents.csv)
    #[arg(long)]
    pub tone_hits: bool,
    /// Add to terms.csv, rates.csv and compare.csv (and compare_paired.csv, the group_
    /// tables) the rows of the tone inputs' single terms (valence words, negators, boosters;
    /// their categories' rows are always written; the other rows do not change)
    #[arg(long)]
    pub tone_terms: bool,
    /// Write every column and row left out by default for size: the context of matches.csv
    /// (40 characters unless --context says otherwise) and the sentence of each short quote,
    /// --hit-details, --all-hits, --tone-hits, --tone-terms, --doc-terms, and the rows of
    /// --by-event.
    #[arg(long)]
    pub full: bool,
    /// What OUTDIR/report.html holds: full (every section, with the event view and the
    /// occurrences in context), summary (no article text), or none (no page).
    #[arg(long, value_name = "LEVEL", default_value = "full", value_parser = ["full", "summary", "none"])]
    pub report: String,
    /// Attribution cues decided by a learned cue model: `bundled` (trained on PolNeAR, see
    /// README "Attribution model") or a FILE from `train-cues`. Default: the rules alone.
    #[arg(long, value_name = "FILE")]
    pub cue_model: Option<PathBuf>,
}

/// How documents are grouped beside the outlets, shared by `analyze` and `compare`.
#[derive(Args, Debug)]
pub struct GroupArgs {
    /// Compare groups of documents by the value of COLUMN (an input column or JSON key for
    /// `analyze`, a column of documents.csv for `compare`), e.g. --group-by lean.
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Option<String>,
    /// Compare groups of outlets listed in FILE.csv (columns outlet,group; outlets not in it
    /// stay groups of their own and are reported).
    #[arg(long, value_name = "FILE.csv")]
    pub groups: Option<PathBuf>,
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
    /// Also write the event × outlet rows of the long tables (categories, terms, labels,
    /// sources, rates, compare); by default they hold the all-documents rows only.
    #[arg(long)]
    pub by_event: bool,
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
    pub group: Vec<String>,
    #[command(flatten)]
    pub grouping: GroupArgs,
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
    /// Table format: csv, or parquet (typed, compressed; read by pandas, polars, DuckDB, R
    /// arrow). `framelens compare`, `merge` and --xlsx read CSV tables.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Add to rates.csv and compare.csv (and compare_paired.csv, the group_ tables) the rows
    /// of the tone inputs' single terms (valence words, negators, boosters), as analyze
    /// --tone-terms does
    #[arg(long)]
    pub tone_terms: bool,
    /// What DEST/report.html holds: full or summary (the same here: a comparison has
    /// no texts, so no event view), or none (no page).
    #[arg(long, value_name = "LEVEL", default_value = "full", value_parser = ["full", "summary", "none"])]
    pub report: String,
    /// No progress messages on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The format of the output tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Parquet,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Output folders of `framelens analyze --shard` (or `merge`), in corpus order.
    #[arg(required = true, value_name = "OUTDIR")]
    pub shards: Vec<PathBuf>,
    /// Folder for the merged output (must not exist unless --force).
    #[arg(short, long, value_name = "DEST")]
    pub output: PathBuf,
    /// The lexicon folder the shards were made with, when it has moved since (default: the
    /// path or the bundled lexicons their manifests name; the content must match).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Replace DEST if it exists.
    #[arg(long)]
    pub force: bool,
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
    /// Write the bundled lexicons to DIR as the CSV files they were built from.
    Export(ExportArgs),
    /// Convert a dictionary (LIWC, WordStat, Lexicoder, Yoshikoder, YAML) to framelens CSV files.
    Import(ImportArgs),
}

#[derive(Args, Debug)]
pub struct LexiconArgs {
    /// A lexicon folder (default: the bundled lexicons).
    pub dir: Option<PathBuf>,
    /// Language for stemming.
    #[arg(long, default_value = "en")]
    pub lang: String,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// Dictionaries added to the lexicons (see README, "Your own dictionaries").
#[derive(Args, Debug, Default)]
pub struct DictArgs {
    /// Add a dictionary: LIWC .dic/.dicx, WordStat .cat, Lexicoder .lc3/.lcd, Yoshikoder .ykd,
    /// YAML, or framelens .csv; the format from the extension or FORMAT (repeatable).
    #[arg(long = "dict", value_name = "FILE[:FORMAT]")]
    pub dicts: Vec<String>,
    /// Add a valence list, token<TAB>score per line (VADER's format), whose words carry tone
    /// (repeatable).
    #[arg(long = "valence", value_name = "FILE")]
    pub valence: Vec<PathBuf>,
    /// Start from no bundled lexicons: only --lexicons, --dict and --valence.
    #[arg(long)]
    pub no_bundled: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Folder to write NAME.csv files into (created if missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Language of the bundled lexicons.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The dictionary: FILE or FILE:FORMAT.
    #[arg(value_name = "FILE[:FORMAT]")]
    pub file: String,
    /// Folder to write one CSV file per category into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
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
    /// The weight table has 2^BITS entries, 8..=22 (default 19).
    #[arg(long)]
    pub bits: Option<u32>,
    /// Seed of the example order (default 19).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Confidence the model needs to overrule the rules, in ‰ of its weight range: new cues
    /// need the best dev threshold plus it, rule cues are dropped below the threshold minus it
    /// (default 250).
    #[arg(long, value_name = "PERMILLE")]
    pub margin: Option<i32>,
    /// A word outside the attribution lexicon becomes a candidate cue when annotators marked
    /// it as one in at least this share of its training occurrences, in ‰ (default 30): higher
    /// means fewer candidates, so a faster model.
    #[arg(long, value_name = "PERMILLE")]
    pub vocabulary_share: Option<u32>,
    /// After training, keep only the vocabulary words of which some training use outside
    /// the attribution lexicon's hits scores above the new-cue threshold minus this share of
    /// the weight range, in ‰ (0: exactly the words that become cues in training): fewer
    /// candidates, so a faster model; the other decisions are unchanged.
    #[arg(long, value_name = "PERMILLE")]
    pub prune: Option<i32>,
    /// Do not train: prune the vocabulary of MODEL (a file or `bundled`) on the --brat
    /// articles (--prune, default 0) and write it; its weights and thresholds stay.
    #[arg(
        long,
        value_name = "MODEL",
        conflicts_with_all = ["dev", "epochs", "bits", "seed", "margin", "vocabulary_share"]
    )]
    pub base: Option<PathBuf>,
    /// No report on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}
