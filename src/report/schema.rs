//! One descriptor per table: its file name, what it holds, and every column's name, type and
//! meaning, in file order. The header rows, the list of output files (`analyze`, `compare`,
//! the manifest), the workbook's README sheet and cell types, and README.md's column tables
//! (checked by a test below) all derive from these. Columns repeated per top-level category
//! or per cue class are templates (`{category}_count`, `{class}_share`). Each table's rows
//! are encoded by the module of the same name (`documents`, `matches`, …; the comparison
//! tables by `comparison`).

use crate::attribution::CueClass;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColumnType {
    /// Free or categorical text.
    Text,
    /// A whole number.
    Integer,
    /// A real number (fixed decimals, or scientific notation for p- and q-values).
    Number,
    /// A date as given in the input; a date cell in the workbook when it reads as one.
    Date,
}

impl ColumnType {
    /// `text`, `integer`, `number` or `date`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Integer => "integer",
            ColumnType::Number => "number",
            ColumnType::Date => "date",
        }
    }
}

use ColumnType::{Integer as I, Number as N, Text as T};

/// What a template column is repeated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Each {
    /// Written once.
    Once,
    /// Once per top-level category of the lexicons (`{category}` in name and meaning); a run of
    /// such columns repeats together.
    Category,
    /// Once per attribution cue class (`{class}`).
    CueClass,
}

/// One column (or a template of columns).
pub(crate) struct Column {
    /// The header cell.
    pub(crate) name: &'static str,
    pub(crate) ty: ColumnType,
    /// What it means.
    pub(crate) doc: &'static str,
    each: Each,
}

const fn c(name: &'static str, ty: ColumnType, doc: &'static str) -> Column {
    Column { name, ty, doc, each: Each::Once }
}

const fn per_category(name: &'static str, ty: ColumnType, doc: &'static str) -> Column {
    Column { name, ty, doc, each: Each::Category }
}

const fn per_class(name: &'static str, ty: ColumnType, doc: &'static str) -> Column {
    Column { name, ty, doc, each: Each::CueClass }
}

/// One table.
pub(crate) struct TableSchema {
    /// The file name.
    pub(crate) file: &'static str,
    /// One line about the table.
    pub(crate) about: &'static str,
    /// Its columns, in order.
    pub(crate) columns: &'static [Column],
}

impl Each {
    /// The placeholder of a template's name and meaning.
    fn slot(self) -> &'static str {
        match self {
            Each::Once => "",
            Each::Category => "{category}",
            Each::CueClass => "{class}",
        }
    }
}

impl TableSchema {
    /// The header row, templates expanded for the top-level categories `top`.
    pub(crate) fn header(&self, top: &[&str]) -> Vec<String> {
        let classes = CueClass::ALL.map(|c| c.name());
        let mut h = Vec::new();
        for run in self.columns.chunk_by(|a, b| a.each == b.each && a.each != Each::Once) {
            let (slot, values) = match run[0].each {
                Each::Once => {
                    h.push(run[0].name.to_string());
                    continue;
                }
                Each::Category => (Each::Category.slot(), top),
                Each::CueClass => (Each::CueClass.slot(), &classes[..]),
            };
            for v in values {
                h.extend(run.iter().map(|c| c.name.replace(slot, v)));
            }
        }
        h
    }

    /// Type and meaning of the column `name`, a template's filled in; `None` for a column
    /// this version does not know.
    fn column(&self, name: &str) -> Option<(ColumnType, String)> {
        if let Some(c) = self.columns.iter().find(|c| c.each == Each::Once && c.name == name) {
            return Some((c.ty, c.doc.to_string()));
        }
        // The template with the longest fixed part that fits (`{category}_authorial_count`
        // before `{category}_count`), and what fills its slot.
        let fits = |col: &'static Column| {
            let (pre, post) = col.name.split_once(col.each.slot())?;
            let fixed = pre.len() + post.len();
            let fits = name.len() > fixed && name.starts_with(pre) && name.ends_with(post);
            fits.then(|| (fixed, col, &name[pre.len()..name.len() - post.len()]))
        };
        let templates = self.columns.iter().filter(|c| c.each != Each::Once);
        let (_, col, value) = templates.filter_map(fits).max_by_key(|t| t.0)?;
        Some((col.ty, col.doc.replace(col.each.slot(), value)))
    }
}

const SCOPE: Column =
    c("scope", T, "all = every document of the group; event = the documents of one event");
const EVENT: Column = c("event", T, "the event for scope = event, else empty");

/// The columns of `documents.csv` and `outlets.csv`: `$head`, the count and rate of every
/// top-level category, `$mid`, then the voice, scare-quote, tone and attribution columns.
macro_rules! counted {
    ([$($head:expr),* $(,)?], [$($mid:expr),* $(,)?]) => {
        &[
            $($head,)*
            per_category("{category}_count", I, "hits in the top-level category {category}"),
            per_category("{category}_per_1k", N, "{category} hits per 1,000 tokens (4 decimals)"),
            c("matched_tokens", I, "tokens covered by any lexicon hit"),
            $($mid,)*
            c("authorial_tokens", I, "tokens outside quotations (the outlet's own voice)"),
            c("quoted_tokens", I, "tokens inside direct quotations"),
            per_category(
                "{category}_authorial_count",
                I,
                "hits in the top-level category {category}, authorial voice",
            ),
            per_category(
                "{category}_authorial_per_1k",
                N,
                "{category} hits per 1,000 authorial tokens (4 decimals)",
            ),
            per_category(
                "{category}_quoted_count",
                I,
                "hits in the top-level category {category}, quoted voice",
            ),
            per_category(
                "{category}_quoted_per_1k",
                N,
                "{category} hits per 1,000 quoted tokens (4 decimals)",
            ),
            c("scare_quote_count", I, "scare quotes"),
            c("scare_quote_per_1k", N, "scare quotes per 1,000 tokens (4 decimals)"),
            c(
                "tone_sum",
                N,
                "sum of the sentence tones (6 decimals, exact: tones are kept in millionths), so tones of documents add up",
            ),
            c("tone", N, "mean sentence tone in -1..1 (6 decimals): tone_sum / sentences; empty without sentences"),
            c(
                "loaded_weighted_authorial",
                I,
                "counted loaded-language hits in authorial voice, each weighted by its intensity (1-3)",
            ),
            c(
                "loaded_weighted_authorial_per_1k",
                N,
                "the headline score: loaded_weighted_authorial per 1,000 authorial tokens (4 decimals)",
            ),
            c("attributions", I, "attributions (see attributions.csv)"),
            c("attributions_per_1k", N, "attributions per 1,000 tokens (4 decimals)"),
            per_class(
                "{class}_share",
                N,
                "share of the attributions whose cue is {class} (6 decimals)",
            ),
        ]
    };
}

/// `documents.csv`.
pub(crate) const DOCUMENTS: TableSchema = TableSchema {
    file: "documents.csv",
    about: "one row per analysed document, in input order",
    columns: counted!(
        [
            c("doc_id", T, "document id from the input (or <file stem>:<record>)"),
            c("outlet", T, "outlet from the input"),
            c("event", T, "event from the input, empty when not given"),
            c("title", T, "title from the input"),
            c("date", ColumnType::Date, "date from the input, as given"),
            c("url", T, "URL from the input"),
            c("tokens", I, "words (UAX #29) in the analysed sections"),
            c("sentences", I, "sentences in the analysed sections"),
        ],
        [
            c("coverage", N, "matched_tokens / tokens (6 decimals)"),
            c("repaired", I, "1 when --lossy replaced invalid bytes in this document"),
        ]
    ),
};

/// `matches.csv`.
pub(crate) const MATCHES: TableSchema = TableSchema {
    file: "matches.csv",
    about: "one row per lexicon hit",
    columns: &[
        c("doc_id", T, "the document"),
        c("outlet", T, "its outlet"),
        c("section", T, "title or body"),
        c("sentence", I, "0-based sentence index within the section"),
        c("lexicon", T, "lexicon file of the entry"),
        c("category", T, "category of the entry"),
        c("term", T, "the entry as a reader would write it"),
        c("lemma", T, "canonical form, where the lexicon gives one"),
        c("polarity", I, "-2..+2, empty where meaningless"),
        c("intensity", I, "1..3, empty where meaningless"),
        c(
            "text",
            T,
            "the matched words exactly as in the document (only with --hit-details or --full: \
             the offsets give them)",
        ),
        c("start", I, "code-point offset of the match in its section"),
        c("end", I, "code-point end offset (exclusive)"),
        c("byte_start", I, "UTF-8 byte offset of the match"),
        c("byte_end", I, "UTF-8 byte end offset (exclusive)"),
        c("left", T, "up to N characters of context before (only with --context N or --full)"),
        c("right", T, "up to N characters of context after (only with --context N or --full)"),
        c("in_quote", I, "1 when the hit is inside a direct quotation (quoted voice)"),
        c("negated", I, "1 when an odd number of negators precede it in its clause (3 words)"),
        c("intensified", I, "1 when an intensifying booster precedes it (3 words)"),
        c("dampened", I, "1 when a dampening booster precedes it (3 words)"),
        c("hedged", I, "1 when a hedge governs its clause"),
        c("scare_quote", I, "1 when it sits in a short unattributed quotation"),
        c("in_name", I, "1 when it stands inside a longer proper name (left out of the counts)"),
        c(
            "boilerplate",
            I,
            "1 when its line recurs verbatim in 3+ documents of the outlet or 3+ times in one (left out of the counts)",
        ),
        c(
            "reported",
            I,
            "1 when it stands, outside quotation marks, in what an indirect attribution reports (still counted)",
        ),
        c(
            "flags",
            T,
            "the names of the flags below that are 1, space-separated (written instead of \
             them unless --hit-details or --full)",
        ),
        c(
            "counted",
            I,
            "1 when it counts in the rates: not in a name, boilerplate or set phrase, an \
             attribution word only as a detected cue, and each token in one dimension (only \
             with --all-hits or --full: the default rows all count)",
        ),
    ],
};

/// The context columns of `matches.csv`, written only with `--context N` (N > 0): they
/// repeat the document's text around every hit, most of the table's bytes.
pub(crate) const CONTEXT_COLUMNS: [&str; 2] = ["left", "right"];

/// The columns of `matches.csv` written only with `--hit-details` (or `--full`): what a join
/// gives (outlet from documents.csv; lexicon, lemma, polarity and intensity from the entry,
/// i.e. category and term), what the offsets give (the matched text, the byte offsets), and
/// one 0/1 column per flag (the default packs the flags that are 1 into `flags`).
pub(crate) const DETAIL_COLUMNS: [&str; 17] = [
    "outlet",
    "lexicon",
    "lemma",
    "polarity",
    "intensity",
    "text",
    "byte_start",
    "byte_end",
    "in_quote",
    "negated",
    "intensified",
    "dampened",
    "hedged",
    "scare_quote",
    "in_name",
    "boilerplate",
    "reported",
];

/// The columns of `attributions.csv` written only with `--hit-details` (or `--full`): the
/// outlet (documents.csv gives it) and what the offsets give (the cue and source as written).
pub(crate) const ATTRIBUTION_DETAIL_COLUMNS: [&str; 3] = ["outlet", "cue", "source"];

/// The columns of `scare_quotes.csv` written only with `--hit-details` (or `--full`): the
/// outlet and the byte offsets.
pub(crate) const SCARE_QUOTE_DETAIL_COLUMNS: [&str; 3] = ["outlet", "byte_start", "byte_end"];

/// What the per-hit tables hold beyond their compact default (issue 18: default tables no
/// larger than the text): by default `matches.csv` has one row per counted hit of loaded
/// language, labels and hedges (the counted attribution cues are the rows of
/// `attributions.csv`), with its offsets, category, term and flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// `--hit-details`: the columns of `schema::DETAIL_COLUMNS` in `matches.csv` (one 0/1
    /// column per flag instead of `flags`), of `schema::ATTRIBUTION_DETAIL_COLUMNS` in
    /// `attributions.csv` and of `schema::SCARE_QUOTE_DETAIL_COLUMNS` in `scare_quotes.csv`.
    pub details: bool,
    /// `--all-hits`: also the hits of the attribution cues (each one a row of
    /// attributions.csv) and the hits that do not count (in a name, on a boilerplate line, a
    /// set phrase, an attribution word that is no detected cue, a token another dimension
    /// took), with the `counted` column.
    pub uncounted: bool,
    /// `--tone-hits`: also the hits of the tone inputs (the top-level categories of
    /// `schema::TONE_INPUTS`: valence words, negators, boosters), which tone.csv and the
    /// counts of documents.csv sum and the flags of the other hits show.
    pub tone: bool,
}

impl Hits {
    /// Every row and column (`--full`).
    pub const ALL: Hits = Hits { details: true, uncounted: true, tone: true };
}

/// The top-level categories whose hits are tone inputs: their hits are in `matches.csv` only
/// with `--tone-hits`, their term rows in the comparison tables and `terms.csv` only with
/// `--tone-terms` (or `--full` for both).
pub(crate) const TONE_INPUTS: [&str; 3] = ["valence", "negator", "booster"];

/// Whether the category `path` (any level) is under one of [`TONE_INPUTS`].
pub(crate) fn is_tone_input(path: &str) -> bool {
    TONE_INPUTS.contains(&path.split('/').next().unwrap_or(path))
}

/// Whether column `name` of `table` is written with these options: the default per-hit,
/// attribution and short-quote tables are compact (issue 18); `--context N` adds the context
/// columns (and the sentence of each short quotation), `--hit-details` the columns of
/// [`DETAIL_COLUMNS`], [`ATTRIBUTION_DETAIL_COLUMNS`] and [`SCARE_QUOTE_DETAIL_COLUMNS`],
/// `--all-hits` `counted`.
pub(crate) fn written(table: &TableSchema, name: &str, context: usize, hits: Hits) -> bool {
    if table.file == SCARE_QUOTES.file && name == "sentence_text" {
        return context > 0;
    }
    if table.file == SCARE_QUOTES.file {
        return hits.details || !SCARE_QUOTE_DETAIL_COLUMNS.contains(&name);
    }
    if table.file == ATTRIBUTIONS.file {
        return hits.details || !ATTRIBUTION_DETAIL_COLUMNS.contains(&name);
    }
    if table.file != MATCHES.file {
        return true;
    }
    if CONTEXT_COLUMNS.contains(&name) {
        return context > 0;
    }
    match name {
        "flags" => !hits.details,
        "counted" => hits.uncounted,
        _ => hits.details || !DETAIL_COLUMNS.contains(&name),
    }
}

/// `scare_quotes.csv`.
pub(crate) const SCARE_QUOTES: TableSchema = TableSchema {
    file: "scare_quotes.csv",
    about: "one row per short quotation (1-4 words): scare quote, attributed phrase or title",
    columns: &[
        c("doc_id", T, "the document"),
        c("outlet", T, "its outlet (only with --hit-details or --full: documents.csv gives it)"),
        c("section", T, "title or body"),
        c("sentence", I, "0-based sentence index within the section"),
        c("kind", T, "scare, attributed or title"),
        c("quoted", T, "the quoted words"),
        c("start", I, "code-point offset of the quoted words in the section"),
        c("end", I, "code-point end offset (exclusive)"),
        c("byte_start", I, "UTF-8 byte offset (only with --hit-details or --full)"),
        c("byte_end", I, "UTF-8 byte end offset (exclusive)"),
        c("cue", T, "the naming or reporting word that attributes it, when one does"),
        c(
            "sentence_text",
            T,
            "the sentence around the quotation: up to 200 characters on each side, … where cut \
             (only with --context N or --full)",
        ),
    ],
};

/// `tone.csv`.
pub(crate) const TONE: TableSchema = TableSchema {
    file: "tone.csv",
    about: "mean sentence tone per document (VADER-style rules over the lexicon polarities)",
    columns: &[
        c("doc_id", T, "the document"),
        c("outlet", T, "its outlet"),
        c("event", T, "its event"),
        c("sentences", I, "sentences analysed"),
        c("toned_sentences", I, "sentences with at least one word that carries tone"),
        c("score", N, "mean sentence tone in -1..1 (6 decimals)"),
    ],
};

/// `attributions.csv`.
pub(crate) const ATTRIBUTIONS: TableSchema = TableSchema {
    file: "attributions.csv",
    about: "one row per attribution: cue, source, content (who is quoted, how)",
    columns: &[
        c("doc_id", T, "the document"),
        c("outlet", T, "its outlet (only with --hit-details or --full: documents.csv gives it)"),
        c("section", T, "title or body"),
        c("sentence", I, "0-based sentence index of the cue within the section"),
        c(
            "cue",
            T,
            "the reporting expression as written (said, According to, told reporters), or : for a speaker colon (Sanders: …); only with --hit-details or --full (cue_start and cue_end give it)",
        ),
        c(
            "cue_lemma",
            T,
            "its lemma from the attribution lexicon (say, according to); : for a speaker colon",
        ),
        c(
            "cue_class",
            T,
            "stance class: neutral, endorsing, doubting, guilt, insistent, confrontational",
        ),
        c("cue_start", I, "code-point offset of the cue in its section"),
        c("cue_end", I, "code-point end offset of the cue (exclusive)"),
        c(
            "source",
            T,
            "the speaker as written (Press Secretary Maren Holt, she, officials); empty for an agentless cue (is expected to, when asked); only with --hit-details or --full (source_start and source_end give it)",
        ),
        c("source_start", I, "code-point offset of the source; empty when absent"),
        c("source_end", I, "code-point end offset of the source (exclusive)"),
        c(
            "source_resolved",
            T,
            "the entity the source refers to (titles dropped, pronouns and descriptions resolved); empty when unknown",
        ),
        c(
            "quote_type",
            T,
            "order of source S, cue V and content C, Q for quotation marks (QCQSV, SVC, CSV, VSC, SVQCQ)",
        ),
        c("direct", I, "1 when at least part of the content is the source's own quoted words"),
        c("content_start", I, "code-point offset of the content; empty when absent"),
        c("content_end", I, "code-point end offset of the content (exclusive)"),
    ],
};

/// `errors.csv`.
pub(crate) const ERRORS: TableSchema = TableSchema {
    file: "errors.csv",
    about: "every record that could not be analysed",
    columns: &[
        c("input", T, "the input file or folder"),
        c("location", T, "line N, or the file path below a folder input"),
        c("doc_id", T, "the document id when known"),
        c("reason", T, "why the record failed"),
    ],
};

/// The columns of `outlets.csv` and `group_outlets.csv`.
macro_rules! outlet_columns {
    ($who:literal) => {
        counted!(
            [
                SCOPE,
                EVENT,
                c($who, T, concat!("the ", $who)),
                c("docs", I, "documents"),
                c("tokens", I, "tokens"),
                c("sentences", I, "sentences"),
            ],
            [c("coverage", N, "matched_tokens / tokens (6 decimals)"),]
        )
    };
}

/// `outlets.csv`.
pub(crate) const OUTLETS: TableSchema = TableSchema {
    file: "outlets.csv",
    about: "one row per outlet, and per event x outlet",
    columns: outlet_columns!("outlet"),
};

/// `group_outlets.csv`.
pub(crate) const GROUP_OUTLETS: TableSchema = TableSchema {
    file: "group_outlets.csv",
    about: "one row per group (--group-by, --groups), and per event x group, as outlets.csv",
    columns: outlet_columns!("group"),
};

/// `categories.csv`.
pub(crate) const CATEGORIES: TableSchema = TableSchema {
    file: "categories.csv",
    about: "every category at every level, per outlet (and event x outlet)",
    columns: &[
        SCOPE,
        EVENT,
        c("outlet", T, "the outlet"),
        c("category", T, "category path (loaded, loaded/violence)"),
        c("level", I, "1 for a top-level category, 2 below it, ..."),
        c("count", I, "hits"),
        c("docs", I, "documents with at least one hit"),
        c("docs_share", N, "docs / all documents of the group"),
        c("per_1k", N, "hits per 1,000 tokens (4 decimals)"),
    ],
};

/// `terms.csv`.
pub(crate) const TERMS: TableSchema = TableSchema {
    file: "terms.csv",
    about: "every lexicon entry that occurred (the tone inputs' with --tone-terms), per outlet (and event x outlet)",
    columns: &[
        SCOPE,
        EVENT,
        c("outlet", T, "the outlet"),
        c("lexicon", T, "lexicon file"),
        c("category", T, "category of the entry"),
        c("term", T, "the entry"),
        c("lemma", T, "canonical form, where given"),
        c("count", I, "hits"),
        c("docs", I, "documents with at least one hit"),
        c("per_1k", N, "hits per 1,000 tokens (4 decimals)"),
    ],
};

/// The columns of `sources.csv` and `group_sources.csv`.
macro_rules! source_columns {
    ($who:literal, $share:literal) => {
        &[
            SCOPE,
            EVENT,
            c($who, T, concat!("the ", $who)),
            c(
                "source_resolved",
                T,
                "the resolved source; empty for unresolved pronouns and agentless cues",
            ),
            c("cue_class", T, "stance class of the cues"),
            c("count", I, "attributions"),
            c("docs", I, "documents with at least one such attribution"),
            c(
                "source_share",
                N,
                "count / all attributions of this source in the group (6 decimals)",
            ),
            c($share, N, "count / all attributions of the group (6 decimals)"),
        ]
    };
}

/// `sources.csv`.
pub(crate) const SOURCES: TableSchema = TableSchema {
    file: "sources.csv",
    about: "attributions per outlet x resolved source x cue class (a pivot source)",
    columns: source_columns!("outlet", "outlet_share"),
};

/// `group_sources.csv`.
pub(crate) const GROUP_SOURCES: TableSchema = TableSchema {
    file: "group_sources.csv",
    about: "attributions per group x resolved source x cue class, as sources.csv",
    columns: source_columns!("group", "group_share"),
};

/// `doc_terms.csv`.
pub(crate) const DOC_TERMS: TableSchema = TableSchema {
    file: "doc_terms.csv",
    about: "per document, each lexicon entry that occurred (what framelens compare reads)",
    columns: &[
        c("doc_id", T, "the document (as in documents.csv)"),
        c("lexicon", T, "lexicon file"),
        c("category", T, "category of the entry"),
        c("term", T, "the entry"),
        c("count", I, "hits in the document"),
    ],
};

/// The columns of `compare.csv` and `group_compare.csv`: `$a` and `$b` name the sides.
macro_rules! compare_columns {
    ($who:literal, $a:literal, $b:literal) => {
        &[
            SCOPE,
            EVENT,
            c(
                "comparison",
                T,
                concat!(
                    "rest = ", $a, " against all other ", $who, "s of the scope; pair = ", $a,
                    " against ", $b
                ),
            ),
            c($a, T, concat!("the first ", $who)),
            c($b, T, concat!("the second ", $who, "; empty for comparison = rest")),
            c("kind", T, "category (every level) or term"),
            c("lexicon", T, "lexicon file (terms only)"),
            c("category", T, "category path"),
            c("term", T, "the entry (terms only)"),
            c("docs_a", I, "documents of side a"),
            c("tokens_a", I, "tokens of side a (n_a)"),
            c("count_a", I, "hits of side a (y_a)"),
            c("per_1k_a", N, "1000 y_a / n_a"),
            c("docs_b", I, "documents of side b"),
            c("tokens_b", I, "tokens of side b (n_b)"),
            c("count_b", I, "hits of side b (y_b)"),
            c("per_1k_b", N, "1000 y_b / n_b"),
            c("prior", N, "alpha_w = alpha0 * pooled count / pooled tokens of the scope"),
            c(
                "log_odds",
                N,
                "delta = ln((y_a+alpha_w)/(n_a+alpha0-y_a-alpha_w)) - ln((y_b+alpha_w)/(n_b+alpha0-y_b-alpha_w)); > 0: a uses it more (Monroe et al. 2008)",
            ),
            c("se", N, "sqrt(1/(y_a+alpha_w) + 1/(y_b+alpha_w))"),
            c("z", N, "log_odds / se"),
            c("z_p", N, "two-sided normal p-value of z, erfc(|z|/sqrt 2)"),
            c("z_q", N, "Benjamini-Hochberg q-value of z_p within the comparison and kind"),
            c(
                "g2",
                N,
                "Dunning's log-likelihood G2 of the 2x2 table (hits, other tokens) x (a, b)",
            ),
            c("g2_p", N, "chi-square(1) p-value of g2, erfc(sqrt(g2/2))"),
            c("g2_q", N, "Benjamini-Hochberg q-value of g2_p within the comparison and kind"),
        ]
    };
}

/// `compare.csv`.
pub(crate) const COMPARE: TableSchema = TableSchema {
    file: "compare.csv",
    about: "every outlet against the rest of its scope and against every other outlet, per category and term",
    columns: compare_columns!("outlet", "outlet_a", "outlet_b"),
};

/// `group_compare.csv`.
pub(crate) const GROUP_COMPARE: TableSchema = TableSchema {
    file: "group_compare.csv",
    about: "every group (--group-by, --groups) against the rest and against every other group, as compare.csv",
    columns: compare_columns!("group", "group_a", "group_b"),
};

/// What a pivot of `rates.csv` shows where a row was left out, and how to fill it: said on
/// the workbook's README sheet and, word for word, in README.md (a test below checks).
macro_rules! rates_gaps {
    () => {
        "A pivot shows a blank where an outlet's row was left out for lack of support \
         (--min-count N): the outlet used the feature fewer than N times and was not expected \
         to use it N times, so its rate is small, not unknown. To fill the blanks, run \
         framelens compare OUTDIR -o DEST --min-count 0 on a folder analysed with --doc-terms \
         (every row; the statistics and intervals do not change); a blank filled with 0 is \
         less than 1000 N / tokens too low."
    };
}

/// The columns of `rates.csv` and `group_rates.csv`.
macro_rules! rate_columns {
    ($who:literal) => {
        &[
            SCOPE,
            EVENT,
            c($who, T, concat!("the ", $who)),
            c("kind", T, "category or term"),
            c("lexicon", T, "lexicon file (terms only)"),
            c("category", T, "category path"),
            c("term", T, "the entry (terms only)"),
            c("docs", I, concat!("documents of the ", $who, " in the scope")),
            c("tokens", I, "their tokens"),
            c("count", I, "hits"),
            c("docs_with", I, "documents with at least one hit"),
            c("per_1k", N, "1000 count / tokens"),
            c(
                "per_1k_low",
                N,
                "2.5 % percentile of the bootstrap rates (documents resampled with replacement)",
            ),
            c("per_1k_high", N, "97.5 % percentile of the bootstrap rates"),
            c(
                "replicates",
                I,
                "bootstrap replicates with at least one token (--bootstrap; seed --seed)",
            ),
        ]
    };
}

/// `rates.csv`.
pub(crate) const RATES: TableSchema = TableSchema {
    file: "rates.csv",
    about: concat!(
        "every outlet rate with a 95 % bootstrap interval over documents. ",
        rates_gaps!()
    ),
    columns: rate_columns!("outlet"),
};

/// `group_rates.csv`.
pub(crate) const GROUP_RATES: TableSchema = TableSchema {
    file: "group_rates.csv",
    about: "every group rate with a 95 % bootstrap interval over documents, as rates.csv",
    columns: rate_columns!("group"),
};

/// The columns of `compare_paired.csv` and `group_compare_paired.csv`.
macro_rules! paired_columns {
    ($who:literal, $a:literal, $b:literal) => {
        &[
            c($a, T, concat!("the first ", $who)),
            c($b, T, concat!("the second ", $who)),
            c("kind", T, "category or term"),
            c("lexicon", T, "lexicon file (terms only)"),
            c("category", T, "category path"),
            c("term", T, "the entry (terms only)"),
            c("events", I, "events with documents (and tokens) from both sides"),
            c(
                "a_higher",
                I,
                concat!("events in which ", $a, "'s rate per 1,000 tokens was higher"),
            ),
            c("b_higher", I, concat!("events in which ", $b, "'s rate was higher")),
            c("ties", I, "events with equal rates (often both 0)"),
            c("mean_per_1k_a", N, concat!("mean over the events of ", $a, "'s rate")),
            c("mean_per_1k_b", N, concat!("mean over the events of ", $b, "'s rate")),
            c("sign_p", N, "exact two-sided sign test of a_higher against b_higher (ties dropped)"),
            c("sign_q", N, "Benjamini-Hochberg q-value of sign_p within the pair and kind"),
        ]
    };
}

/// `compare_paired.csv`.
pub(crate) const COMPARE_PAIRED: TableSchema = TableSchema {
    file: "compare_paired.csv",
    about: "outlet pairs compared event by event, on the events both covered",
    columns: paired_columns!("outlet", "outlet_a", "outlet_b"),
};

/// `group_compare_paired.csv`.
pub(crate) const GROUP_COMPARE_PAIRED: TableSchema = TableSchema {
    file: "group_compare_paired.csv",
    about: "group pairs compared event by event, as compare_paired.csv",
    columns: paired_columns!("group", "group_a", "group_b"),
};

/// `distinctive.csv`.
pub(crate) const DISTINCTIVE: TableSchema = TableSchema {
    file: "distinctive.csv",
    about: "per outlet and group, the terms of each framing dimension it uses more than the rest, ranked by z",
    columns: &[
        c("partition", T, "outlet or group"),
        c("name", T, "the outlet or group"),
        c(
            "dimension",
            T,
            "loaded (lexicon category loaded), labels (label), reporting_verbs (attribution), hedges (hedge); one block each",
        ),
        c("rank", I, "1 = the most distinctive term of the block (highest z)"),
        c("lexicon", T, "lexicon file"),
        c("category", T, "category of the entry"),
        c("term", T, "the entry"),
        c("count", I, "hits of the outlet or group (all documents)"),
        c(
            "docs",
            I,
            "its documents with the term: a high count in few documents is one story (or a live blog), not a habit",
        ),
        c("per_1k", N, "its hits per 1,000 tokens"),
        c("count_rest", I, "hits of all other outlets or groups"),
        c("per_1k_rest", N, "their hits per 1,000 tokens"),
        c(
            "share",
            N,
            "labels: the term's share of the outlet's labels for the same referent (its category); reporting_verbs: its share of the outlet's attribution cues; empty for loaded and hedges",
        ),
        c("share_rest", N, "the same share for all other outlets or groups"),
        c(
            "log_odds",
            N,
            "log-odds ratio against the rest (> 0): of the rates per token for loaded and hedges (as in compare.csv); of the shares for labels and reporting_verbs",
        ),
        c("z", N, "log_odds / se (for shares, se with the full variance, as in stance.csv)"),
        c(
            "z_q",
            N,
            "q-value of z within the dimension (Benjamini-Hochberg over every term of the dimension for this outlet or group against the rest)",
        ),
    ],
};

/// `stance.csv`.
pub(crate) const STANCE: TableSchema = TableSchema {
    file: "stance.csv",
    about: "per outlet and group, the share of its detected attributions of each stance class, with an interval and a test against the rest",
    columns: &[
        c("partition", T, "outlet or group"),
        c("name", T, "the outlet or group"),
        c(
            "cue_class",
            T,
            "stance class: neutral, endorsing, doubting, guilt, insistent, confrontational",
        ),
        c("docs", I, "documents of the outlet or group"),
        c("attributions", I, "its detected attributions (attributions.csv)"),
        c("count", I, "those whose cue is of this class"),
        c("share", N, "count / attributions"),
        c(
            "share_low",
            N,
            "2.5 % percentile of the bootstrap shares (documents resampled with replacement)",
        ),
        c("share_high", N, "97.5 % percentile of the bootstrap shares"),
        c("replicates", I, "bootstrap replicates with at least one attribution"),
        c("attributions_rest", I, "detected attributions of all other outlets or groups"),
        c("count_rest", I, "those of this class"),
        c("share_rest", N, "count_rest / attributions_rest"),
        c("prior", N, "alpha_w as in compare.csv, with attributions in place of tokens"),
        c("log_odds", N, "log-odds ratio of the class against the rest, as in compare.csv"),
        c(
            "se",
            N,
            "sqrt(1/(y_a+alpha_w) + 1/(n_a+alpha0-y_a-alpha_w) + the same for b): the full variance, as classes are common",
        ),
        c("z", N, "log_odds / se"),
        c("z_p", N, "two-sided normal p-value of z"),
        c("z_q", N, "Benjamini-Hochberg q-value of z_p over the six classes of the comparison"),
        c("g2", N, "Dunning's G2 of (class, other attributions) x (outlet, rest)"),
        c("g2_p", N, "chi-square(1) p-value of g2"),
        c("g2_q", N, "Benjamini-Hochberg q-value of g2_p over the six classes"),
    ],
};

/// The columns of `labels.csv` and `group_labels.csv`.
macro_rules! label_columns {
    ($who:literal) => {
        &[
            SCOPE,
            EVENT,
            c($who, T, concat!("the ", $who)),
            c("referent", T, "what is named (label set of lexicons/en/labels.csv)"),
            c("label", T, "the label chosen"),
            c("count", I, "uses of the label"),
            c("share", N, "count / all uses of labels of this referent by the group (6 decimals)"),
            c("authorial_count", I, concat!("uses in the ", $who, "'s own voice")),
            c("authorial_share", N, "share among authorial uses of the referent's labels"),
            c("quoted_count", I, "uses inside quotations"),
            c("quoted_share", N, "share among quoted uses of the referent's labels"),
        ]
    };
}

/// `labels.csv`.
pub(crate) const LABELS: TableSchema = TableSchema {
    file: "labels.csv",
    about: "label choice: per outlet and referent, each competing label's count and share",
    columns: label_columns!("outlet"),
};

/// `group_labels.csv`.
pub(crate) const GROUP_LABELS: TableSchema = TableSchema {
    file: "group_labels.csv",
    about: "label choice per group and referent, as labels.csv",
    columns: label_columns!("group"),
};

/// `boilerplate.csv`.
pub(crate) const BOILERPLATE: TableSchema = TableSchema {
    file: "boilerplate.csv",
    about: "lines an outlet repeats verbatim in 3+ documents or 3+ times in one; their hits are left out of the counts",
    columns: &[
        c("outlet", T, "the outlet"),
        c("documents", I, "documents of the outlet the line occurs in"),
        c("text", T, "the line (compared trimmed, white space collapsed, lowercased)"),
    ],
};

/// Every table, in the order of the manifest's output list and the workbook's sheets.
pub(crate) const TABLES: [&TableSchema; 24] = [
    &DOCUMENTS,
    &MATCHES,
    &SCARE_QUOTES,
    &TONE,
    &ATTRIBUTIONS,
    &ERRORS,
    &OUTLETS,
    &CATEGORIES,
    &TERMS,
    &SOURCES,
    &DOC_TERMS,
    &COMPARE,
    &RATES,
    &COMPARE_PAIRED,
    &LABELS,
    &DISTINCTIVE,
    &GROUP_COMPARE,
    &GROUP_RATES,
    &GROUP_COMPARE_PAIRED,
    &STANCE,
    &BOILERPLATE,
    &GROUP_OUTLETS,
    &GROUP_LABELS,
    &GROUP_SOURCES,
];

/// The comparison tables (what `framelens compare` writes).
pub(crate) const COMPARISON: [&TableSchema; 8] = [
    &COMPARE,
    &RATES,
    &COMPARE_PAIRED,
    &DISTINCTIVE,
    &GROUP_COMPARE,
    &GROUP_RATES,
    &GROUP_COMPARE_PAIRED,
    &STANCE,
];

/// The manifest, the last output file.
pub(crate) const MANIFEST: &str = "manifest.json";

/// The page a reader opens first (`--report`, see `report::html`), written after the tables.
pub const REPORT_HTML: &str = "report.html";

/// The files `analyze` writes, in order (`report.html` unless `--report none`).
pub fn analyze_outputs() -> Vec<&'static str> {
    TABLES.iter().map(|t| t.file).chain([REPORT_HTML, MANIFEST]).collect()
}

/// The files `framelens compare` writes, in order (`report.html` unless `--report none`).
pub fn compare_outputs() -> Vec<&'static str> {
    let groups = [GROUP_OUTLETS.file, GROUP_LABELS.file, GROUP_SOURCES.file];
    let tables = COMPARISON.iter().map(|t| t.file).chain(groups);
    tables.chain([REPORT_HTML, MANIFEST]).collect()
}

/// The schema of `file`.
pub(crate) fn table(file: &str) -> Option<&'static TableSchema> {
    TABLES.into_iter().find(|t| t.file == file)
}

/// Type and meaning of column `name` of `file`, including the per-category and per-class
/// columns of `documents.csv` and `outlets.csv`; `None` for a column this version does not
/// know.
pub(crate) fn column(file: &str, name: &str) -> Option<(ColumnType, String)> {
    table(file)?.column(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns README.md lists after `<!-- columns: FILE -->`: the backquoted names in
    /// the first cell of each row of a table, or the first backquoted list of a paragraph.
    fn readme_columns(readme: &str, file: &str) -> Vec<String> {
        let marker = format!("<!-- columns: {file} -->\n");
        let at = readme.find(&marker).unwrap_or_else(|| panic!("README.md: no {marker}"));
        let rest = &readme[at + marker.len()..];
        let block = &rest[..rest.find("\n\n").unwrap_or(rest.len())];
        let spans = |s: &str| -> Vec<String> {
            s.split('`').skip(1).step_by(2).map(|x| x.replace('\n', " ")).collect()
        };
        if block.starts_with('|') {
            let firsts = block.lines().skip(2).map(|l| l.split(" | ").next().unwrap_or(""));
            firsts.flat_map(spans).collect()
        } else {
            let list = spans(block).into_iter().find(|s| s.contains(", ")).unwrap_or_default();
            list.split(',').map(|c| c.trim().to_string()).collect()
        }
    }

    /// README.md explains the gaps of `rates.csv` in the words of the README sheet.
    #[test]
    fn readme_says_how_to_fill_the_rates_gaps() {
        let words = |s: &str| s.replace('`', "").split_whitespace().collect::<Vec<_>>().join(" ");
        let readme = words(include_str!("../../README.md"));
        assert!(readme.contains(&words(rates_gaps!())), "README.md: {}", rates_gaps!());
    }

    /// README.md's column tables say, column by column, what the descriptors say.
    #[test]
    fn readme_lists_every_column_of_every_table() {
        let readme = include_str!("../../README.md");
        for t in TABLES {
            let expected: Vec<String> = t
                .columns
                .iter()
                .map(|c| c.name.replace("{category}", "<category>").replace("{class}", "<class>"))
                .collect();
            assert_eq!(readme_columns(readme, t.file), expected, "README.md, {}", t.file);
        }
    }

    #[test]
    fn templates_expand_in_headers_and_document_their_columns() {
        let h = DOCUMENTS.header(&["hedge", "loaded"]);
        let at = |name: &str| h.iter().position(|c| c == name).unwrap();
        assert_eq!(&h[8..12], ["hedge_count", "hedge_per_1k", "loaded_count", "loaded_per_1k"]);
        assert!(at("hedge_quoted_per_1k") < at("loaded_authorial_count"));
        assert_eq!(h.last().unwrap(), "confrontational_share");
        assert_eq!(h.len(), 8 + 4 + 3 + 2 + 8 + 4 + 2 + 2 + 6);
        let (ty, doc) = column("outlets.csv", "loaded_authorial_count").unwrap();
        assert_eq!((ty, &*doc), (I, "hits in the top-level category loaded, authorial voice"));
        assert_eq!(column("documents.csv", "loaded_per_1k").unwrap().0, N);
        assert_eq!(column("outlets.csv", "hedge_count").unwrap().0, I);
        assert_eq!(column("outlets.csv", "doubting_share").unwrap().0, N);
        assert!(column("terms.csv", "nope").is_none());
        assert_eq!(MATCHES.header(&[]).len(), 28, "the 27 of --full and flags");
        let files = analyze_outputs();
        assert_eq!(
            (files.len(), files[14], files[20], files[23], files[25]),
            (26, "labels.csv", "boilerplate.csv", "group_sources.csv", "manifest.json")
        );
    }
}
