//! What every column of every table means and holds: the documentation the workbook's
//! README sheet shows, and the cell types the workbook writes (text columns stay text even
//! when they look like numbers, e.g. an id `00123`). README.md ("Outputs", "Comparing
//! outlets") says the same in prose; keep the two in step.

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// Free or categorical text.
    Text,
    /// A whole number.
    Integer,
    /// A real number (fixed decimals, or scientific notation for p- and q-values).
    Number,
}

impl ColumnType {
    /// `text`, `integer` or `number`.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Integer => "integer",
            ColumnType::Number => "number",
        }
    }
}

use ColumnType::{Integer as I, Number as N, Text as T};

/// One documented table.
pub struct TableSchema {
    /// The file name.
    pub file: &'static str,
    /// One line about the table.
    pub about: &'static str,
    /// Its fixed columns.
    pub columns: &'static [(&'static str, ColumnType, &'static str)],
}

const SCOPE: (&str, ColumnType, &str) =
    ("scope", T, "all = every document of the group; event = the documents of one event");
const EVENT: (&str, ColumnType, &str) = ("event", T, "the event for scope = event, else empty");

/// Every table framelens writes.
pub const TABLES: &[TableSchema] = &[
    TableSchema {
        file: "documents.csv",
        about: "one row per analysed document, in input order",
        columns: &[
            ("doc_id", T, "document id from the input (or <file stem>:<record>)"),
            ("outlet", T, "outlet from the input"),
            ("event", T, "event from the input, empty when not given"),
            ("title", T, "title from the input"),
            ("date", T, "date from the input, as given"),
            ("url", T, "URL from the input"),
            ("tokens", I, "words (UAX #29) in the analysed sections"),
            ("sentences", I, "sentences in the analysed sections"),
            ("coverage", N, "share of tokens covered by any lexicon hit (0..1, 6 decimals)"),
            ("repaired", I, "1 when --lossy replaced invalid bytes in this document"),
            ("authorial_tokens", I, "tokens outside quotations (the outlet's own voice)"),
            ("quoted_tokens", I, "tokens inside direct quotations"),
            ("scare_quote_count", I, "scare quotes"),
            ("scare_quote_per_1k", N, "scare quotes per 1,000 tokens (4 decimals)"),
            ("tone", N, "mean sentence tone in -1..1 (6 decimals); empty without sentences"),
        ],
    },
    TableSchema {
        file: "matches.csv",
        about: "one row per lexicon hit",
        columns: &[
            ("doc_id", T, "the document"),
            ("outlet", T, "its outlet"),
            ("section", T, "title or body"),
            ("sentence", I, "0-based sentence index within the section"),
            ("lexicon", T, "lexicon file of the entry"),
            ("category", T, "category of the entry"),
            ("term", T, "the entry as a reader would write it"),
            ("lemma", T, "canonical form, where the lexicon gives one"),
            ("polarity", I, "-2..+2, empty where meaningless"),
            ("intensity", I, "1..3, empty where meaningless"),
            ("text", T, "the matched words exactly as in the document"),
            ("start", I, "code-point offset of the match in its section"),
            ("end", I, "code-point end offset (exclusive)"),
            ("byte_start", I, "UTF-8 byte offset of the match"),
            ("byte_end", I, "UTF-8 byte end offset (exclusive)"),
            ("left", T, "up to 40 characters of context before"),
            ("right", T, "up to 40 characters of context after"),
            ("in_quote", I, "1 when the hit is inside a direct quotation (quoted voice)"),
            ("negated", I, "1 when an odd number of negators precede it in its clause (3 words)"),
            ("intensified", I, "1 when an intensifying booster precedes it (3 words)"),
            ("dampened", I, "1 when a dampening booster precedes it (3 words)"),
            ("hedged", I, "1 when a hedge governs its clause"),
            ("scare_quote", I, "1 when it sits in a short unattributed quotation"),
        ],
    },
    TableSchema {
        file: "scare_quotes.csv",
        about: "one row per short quotation (1-4 words): scare quote, attributed phrase or title",
        columns: &[
            ("doc_id", T, "the document"),
            ("outlet", T, "its outlet"),
            ("section", T, "title or body"),
            ("sentence", I, "0-based sentence index within the section"),
            ("kind", T, "scare, attributed or title"),
            ("quoted", T, "the quoted words"),
            ("start", I, "code-point offset of the quoted words in the section"),
            ("end", I, "code-point end offset (exclusive)"),
            ("byte_start", I, "UTF-8 byte offset"),
            ("byte_end", I, "UTF-8 byte end offset (exclusive)"),
            ("cue", T, "the naming or reporting word that attributes it, when one does"),
            (
                "sentence_text",
                T,
                "the sentence around the quotation: up to 200 characters on each side, … where cut",
            ),
        ],
    },
    TableSchema {
        file: "tone.csv",
        about: "mean sentence tone per document (VADER-style rules over the lexicon polarities)",
        columns: &[
            ("doc_id", T, "the document"),
            ("outlet", T, "its outlet"),
            ("event", T, "its event"),
            ("sentences", I, "sentences analysed"),
            ("toned_sentences", I, "sentences with at least one word that carries tone"),
            ("score", N, "mean sentence tone in -1..1 (6 decimals)"),
        ],
    },
    TableSchema {
        file: "labels.csv",
        about: "label choice: per outlet and referent, each competing label's count and share",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet"),
            ("referent", T, "what is named (label set of lexicons/en/labels.csv)"),
            ("label", T, "the label chosen"),
            ("count", I, "uses of the label"),
            ("share", N, "count / all uses of labels of this referent by the group (6 decimals)"),
            ("authorial_count", I, "uses in the outlet's own voice"),
            ("authorial_share", N, "share among authorial uses of the referent's labels"),
            ("quoted_count", I, "uses inside quotations"),
            ("quoted_share", N, "share among quoted uses of the referent's labels"),
        ],
    },
    TableSchema {
        file: "attributions.csv",
        about: "one row per attribution: cue, source, content (who is quoted, how)",
        columns: &[
            ("doc_id", T, "the document"),
            ("outlet", T, "its outlet"),
            ("section", T, "title or body"),
            ("sentence", I, "0-based sentence index of the cue within the section"),
            (
                "cue",
                T,
                "the reporting expression as written (said, According to, told reporters), or : for a speaker colon (Sanders: …)",
            ),
            (
                "cue_lemma",
                T,
                "its lemma from the attribution lexicon (say, according to); : for a speaker colon",
            ),
            (
                "cue_class",
                T,
                "stance class: neutral, endorsing, doubting, guilt, insistent, confrontational",
            ),
            ("cue_start", I, "code-point offset of the cue in its section"),
            ("cue_end", I, "code-point end offset of the cue (exclusive)"),
            (
                "source",
                T,
                "the speaker as written (Press Secretary Maren Holt, she, officials); empty for an agentless cue (is expected to, when asked)",
            ),
            ("source_start", I, "code-point offset of the source; empty when absent"),
            ("source_end", I, "code-point end offset of the source (exclusive)"),
            (
                "source_resolved",
                T,
                "the entity the source refers to (titles dropped, pronouns and descriptions resolved); empty when unknown",
            ),
            (
                "quote_type",
                T,
                "order of source S, cue V and content C, Q for quotation marks (QCQSV, SVC, CSV, VSC, SVQCQ)",
            ),
            ("direct", I, "1 when at least part of the content is the source's own quoted words"),
            ("content_start", I, "code-point offset of the content; empty when absent"),
            ("content_end", I, "code-point end offset of the content (exclusive)"),
        ],
    },
    TableSchema {
        file: "sources.csv",
        about: "attributions per outlet x resolved source x cue class (a pivot source)",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet"),
            (
                "source_resolved",
                T,
                "the resolved source; empty for unresolved pronouns and agentless cues",
            ),
            ("cue_class", T, "stance class of the cues"),
            ("count", I, "attributions"),
            ("docs", I, "documents with at least one such attribution"),
            (
                "source_share",
                N,
                "count / all attributions of this source in the group (6 decimals)",
            ),
            ("outlet_share", N, "count / all attributions of the group (6 decimals)"),
        ],
    },
    TableSchema {
        file: "errors.csv",
        about: "every record that could not be analysed",
        columns: &[
            ("input", T, "the input file or folder"),
            ("location", T, "line N, or the file path below a folder input"),
            ("doc_id", T, "the document id when known"),
            ("reason", T, "why the record failed"),
        ],
    },
    TableSchema {
        file: "outlets.csv",
        about: "one row per outlet, and per event x outlet",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet"),
            ("docs", I, "documents"),
            ("tokens", I, "tokens"),
            ("sentences", I, "sentences"),
            ("coverage", N, "share of tokens covered by any lexicon hit"),
            ("authorial_tokens", I, "tokens outside quotations (the outlet's own voice)"),
            ("quoted_tokens", I, "tokens inside direct quotations"),
            ("scare_quote_count", I, "scare quotes"),
            ("scare_quote_per_1k", N, "scare quotes per 1,000 tokens (4 decimals)"),
            ("tone", N, "mean sentence tone in -1..1 (6 decimals); empty without sentences"),
        ],
    },
    TableSchema {
        file: "categories.csv",
        about: "every category at every level, per outlet (and event x outlet)",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet"),
            ("category", T, "category path (loaded, loaded/violence)"),
            ("level", I, "1 for a top-level category, 2 below it, ..."),
            ("count", I, "hits"),
            ("docs", I, "documents with at least one hit"),
            ("docs_share", N, "docs / all documents of the group"),
            ("per_1k", N, "hits per 1,000 tokens (4 decimals)"),
        ],
    },
    TableSchema {
        file: "terms.csv",
        about: "every lexicon entry that occurred, per outlet (and event x outlet)",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet"),
            ("lexicon", T, "lexicon file"),
            ("category", T, "category of the entry"),
            ("term", T, "the entry"),
            ("lemma", T, "canonical form, where given"),
            ("count", I, "hits"),
            ("docs", I, "documents with at least one hit"),
            ("per_1k", N, "hits per 1,000 tokens (4 decimals)"),
        ],
    },
    TableSchema {
        file: "doc_terms.csv",
        about: "per document, each lexicon entry that occurred (what framelens compare reads)",
        columns: &[
            ("doc_id", T, "the document (as in documents.csv)"),
            ("lexicon", T, "lexicon file"),
            ("category", T, "category of the entry"),
            ("term", T, "the entry"),
            ("count", I, "hits in the document"),
        ],
    },
    TableSchema {
        file: "compare.csv",
        about: "every outlet against the rest of its scope and against every other outlet, per category and term",
        columns: &[
            SCOPE,
            EVENT,
            (
                "comparison",
                T,
                "rest = outlet_a against all other outlets of the scope; pair = outlet_a against outlet_b",
            ),
            ("outlet_a", T, "the first outlet (or --group group)"),
            ("outlet_b", T, "the second outlet; empty for comparison = rest"),
            ("kind", T, "category (every level) or term"),
            ("lexicon", T, "lexicon file (terms only)"),
            ("category", T, "category path"),
            ("term", T, "the entry (terms only)"),
            ("docs_a", I, "documents of side a"),
            ("tokens_a", I, "tokens of side a (n_a)"),
            ("count_a", I, "hits of side a (y_a)"),
            ("per_1k_a", N, "1000 y_a / n_a"),
            ("docs_b", I, "documents of side b"),
            ("tokens_b", I, "tokens of side b (n_b)"),
            ("count_b", I, "hits of side b (y_b)"),
            ("per_1k_b", N, "1000 y_b / n_b"),
            ("prior", N, "alpha_w = alpha0 * pooled count / pooled tokens of the scope"),
            (
                "log_odds",
                N,
                "delta = ln((y_a+alpha_w)/(n_a+alpha0-y_a-alpha_w)) - ln((y_b+alpha_w)/(n_b+alpha0-y_b-alpha_w)); > 0: a uses it more (Monroe et al. 2008)",
            ),
            ("se", N, "sqrt(1/(y_a+alpha_w) + 1/(y_b+alpha_w))"),
            ("z", N, "log_odds / se"),
            ("z_p", N, "two-sided normal p-value of z, erfc(|z|/sqrt 2)"),
            ("z_q", N, "Benjamini-Hochberg q-value of z_p within the comparison and kind"),
            ("g2", N, "Dunning's log-likelihood G2 of the 2x2 table (hits, other tokens) x (a, b)"),
            ("g2_p", N, "chi-square(1) p-value of g2, erfc(sqrt(g2/2))"),
            ("g2_q", N, "Benjamini-Hochberg q-value of g2_p within the comparison and kind"),
        ],
    },
    TableSchema {
        file: "rates.csv",
        about: "every outlet rate with a 95 % bootstrap interval over documents",
        columns: &[
            SCOPE,
            EVENT,
            ("outlet", T, "the outlet (or --group group)"),
            ("kind", T, "category or term"),
            ("lexicon", T, "lexicon file (terms only)"),
            ("category", T, "category path"),
            ("term", T, "the entry (terms only)"),
            ("docs", I, "documents of the outlet in the scope"),
            ("tokens", I, "their tokens"),
            ("count", I, "hits"),
            ("docs_with", I, "documents with at least one hit"),
            ("per_1k", N, "1000 count / tokens"),
            (
                "per_1k_low",
                N,
                "2.5 % percentile of the bootstrap rates (documents resampled with replacement)",
            ),
            ("per_1k_high", N, "97.5 % percentile of the bootstrap rates"),
            (
                "replicates",
                I,
                "bootstrap replicates with at least one token (--bootstrap; seed --seed)",
            ),
        ],
    },
    TableSchema {
        file: "compare_paired.csv",
        about: "outlet pairs compared event by event, on the events both covered",
        columns: &[
            ("outlet_a", T, "the first outlet (or group)"),
            ("outlet_b", T, "the second outlet"),
            ("kind", T, "category or term"),
            ("lexicon", T, "lexicon file (terms only)"),
            ("category", T, "category path"),
            ("term", T, "the entry (terms only)"),
            ("events", I, "events with documents (and tokens) from both outlets"),
            ("a_higher", I, "events in which outlet_a's rate per 1,000 tokens was higher"),
            ("b_higher", I, "events in which outlet_b's rate was higher"),
            ("ties", I, "events with equal rates (often both 0)"),
            ("mean_per_1k_a", N, "mean over the events of outlet_a's rate"),
            ("mean_per_1k_b", N, "mean over the events of outlet_b's rate"),
            ("sign_p", N, "exact two-sided sign test of a_higher against b_higher (ties dropped)"),
            ("sign_q", N, "Benjamini-Hochberg q-value of sign_p within the pair and kind"),
        ],
    },
];

/// The schema of `file`.
pub fn table(file: &str) -> Option<&'static TableSchema> {
    TABLES.iter().find(|t| t.file == file)
}

/// Type and meaning of column `name` of `file`, including the per-category columns of
/// `documents.csv` and `outlets.csv`; `None` for a column this version does not know.
pub fn column(file: &str, name: &str) -> Option<(ColumnType, String)> {
    let t = table(file)?;
    if let Some(&(_, ty, doc)) = t.columns.iter().find(|c| c.0 == name) {
        return Some((ty, doc.to_string()));
    }
    if matches!(file, "documents.csv" | "outlets.csv") {
        for voice in ["authorial", "quoted"] {
            if let Some(cat) = name.strip_suffix(&format!("_{voice}_count")) {
                return Some((I, format!("hits in the top-level category {cat}, {voice} voice")));
            }
            if let Some(cat) = name.strip_suffix(&format!("_{voice}_per_1k")) {
                return Some((N, format!("{cat} hits per 1,000 {voice} tokens (4 decimals)")));
            }
        }
        if let Some(cat) = name.strip_suffix("_count") {
            return Some((I, format!("hits in the top-level category {cat}")));
        }
        match name {
            "attributions" => return Some((I, "attributions (see attributions.csv)".into())),
            "attributions_per_1k" => {
                return Some((N, "attributions per 1,000 tokens (4 decimals)".into()));
            }
            _ => {}
        }
        if let Some(class) = name.strip_suffix("_share") {
            return Some((
                N,
                format!("share of the attributions whose cue is {class} (6 decimals)"),
            ));
        }
        if let Some(cat) = name.strip_suffix("_per_1k") {
            return Some((N, format!("{cat} hits per 1,000 tokens (4 decimals)")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_headers_are_documented() {
        use crate::compare::{COMPARE_HEADER, PAIRED_HEADER, RATES_HEADER};
        for (file, header) in [
            ("compare.csv", &COMPARE_HEADER[..]),
            ("rates.csv", &RATES_HEADER[..]),
            ("compare_paired.csv", &PAIRED_HEADER[..]),
        ] {
            let names: Vec<&str> = table(file).unwrap().columns.iter().map(|c| c.0).collect();
            assert_eq!(names, header, "{file}");
        }
        assert_eq!(column("documents.csv", "loaded_per_1k").unwrap().0, ColumnType::Number);
        assert_eq!(column("outlets.csv", "hedge_count").unwrap().0, ColumnType::Integer);
        assert!(column("terms.csv", "nope").is_none());
        assert_eq!(
            super::super::matches::HEADER.len(),
            table("matches.csv").unwrap().columns.len()
        );
        for (file, header) in [
            ("attributions.csv", &super::super::attributions::HEADER[..]),
            ("sources.csv", &super::super::sources::HEADER[..]),
        ] {
            let names: Vec<&str> = table(file).unwrap().columns.iter().map(|c| c.0).collect();
            assert_eq!(names, header, "{file}");
        }
        assert_eq!(column("outlets.csv", "doubting_share").unwrap().0, ColumnType::Number);
    }
}
