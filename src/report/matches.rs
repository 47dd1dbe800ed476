//! `matches.csv`: one row per lexicon hit, with the text as it stands in the document,
//! code-point offsets into its section and the framing-device flags. Compact by default
//! (counted hits of loaded language, labels and hedges — the counted attribution cues are
//! the rows of `attributions.csv` —, flags packed into one cell); `--hit-details`,
//! `--all-hits`, `--tone-hits` and `--context N` add columns and rows (see `schema::Hits`).

use super::cells::CellStyle;
use super::rows::{Encoded, Rows};
use super::schema::{Hits, is_tone_input};
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::devices::Flags;
use crate::lexicon::{EntryId, Lexicon, Role};

/// The flag of a hit inside a direct quotation (quoted voice).
const IN_QUOTE: &str = "in_quote";

/// The device flags in column order, with their column names.
const FLAGS: [(Flags, &str); 9] = [
    (Flags::IN_QUOTE, IN_QUOTE),
    (Flags::NEGATED, "negated"),
    (Flags::INTENSIFIED, "intensified"),
    (Flags::DAMPENED, "dampened"),
    (Flags::HEDGED, "hedged"),
    (Flags::SCARE_QUOTE, "scare_quote"),
    (Flags::IN_NAME, "in_name"),
    (Flags::BOILERPLATE, "boilerplate"),
    (Flags::REPORTED, "reported"),
];

/// Which rows of `matches.csv` an entry's hits need beyond the default.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// None: a framing dimension whose counted hits are the default rows.
    Nothing,
    /// `--tone-hits`: a tone input.
    Tone,
    /// `--all-hits`: an attribution cue, whose counted hits are rows of `attributions.csv`.
    AllHits,
}

/// Per entry: the cells of `matches.csv` that depend only on it (`lexicon` to `intensity`
/// with details, `category` and `term` without), encoded once, and what its rows need.
pub(super) struct EntryCells(Vec<(Encoded, Needs)>);

impl EntryCells {
    pub(super) fn new(lex: &Lexicon, c: &CellStyle, details: bool) -> EntryCells {
        EntryCells(
            lex.entries()
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let mut r = Rows::new();
                    if details {
                        r.text(c, &lex.file(e.file).name);
                    }
                    let category = lex.category(e.category);
                    r.text(c, &category.path);
                    r.text(c, &e.term);
                    if details {
                        r.text(c, e.lemma.as_deref().unwrap_or(""));
                        r.opt_int(e.polarity);
                        r.opt_int(e.intensity);
                    }
                    let needs = match lex.role(EntryId(i as u32)) {
                        _ if is_tone_input(&category.path) => Needs::Tone,
                        Role::AttributionCue { .. } => Needs::AllHits,
                        _ => Needs::Nothing,
                    };
                    (Encoded::from_row(r), needs)
                })
                .collect(),
        )
    }
}

/// Renders one document's rows.
pub(super) fn write(
    out: &mut Rows,
    cells: &EntryCells,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
    (context, hits): (usize, Hits),
) {
    // The document's cells, encoded once for all its rows.
    let mut head = Rows::new();
    head.text(c, &d.id);
    if hits.details {
        head.text(c, &d.outlet);
    }
    let head = Encoded::from_row(head);
    let mut packed = String::new();
    for m in &a.matches {
        let (entry, needs) = &cells.0[m.entry.index()];
        let wanted = match needs {
            Needs::Tone => hits.tone,
            Needs::AllHits => hits.uncounted,
            Needs::Nothing => true,
        };
        if !wanted || (!m.flags.counted() && !hits.uncounted) {
            continue;
        }
        let text = m.section.text(d);
        let (s, end) = (m.bytes.start as usize, m.bytes.end as usize);
        out.encoded(&head);
        out.raw(m.section.name());
        out.int(m.sentence);
        out.encoded(entry);
        if hits.details {
            out.text(c, &text[s..end]);
        }
        out.int(m.chars.start);
        out.int(m.chars.end);
        if hits.details {
            out.int(m.bytes.start);
            out.int(m.bytes.end);
        }
        if context > 0 {
            let left = text[..s].char_indices().rev().nth(context - 1).map_or(0, |(i, _)| i);
            let right =
                text[end..].char_indices().nth(context).map_or(text.len(), |(i, _)| end + i);
            out.text_one_line(c, &text[left..s]);
            out.text_one_line(c, &text[end..right]);
        }
        if hits.details {
            FLAGS.iter().for_each(|&(f, _)| out.flag(m.flags.contains(f)));
        } else {
            packed.clear();
            for (_, name) in FLAGS.iter().filter(|(f, _)| m.flags.contains(*f)) {
                if !packed.is_empty() {
                    packed.push(' ');
                }
                packed.push_str(name);
            }
            out.raw(&packed);
        }
        if hits.uncounted {
            out.flag(m.flags.counted());
        }
        out.end();
    }
}

/// How `framelens compare` reads `matches.csv` back, whatever options wrote it: a row's
/// document, entry and voice, its lemma when the table names it (`--hit-details`), and
/// whether it counts (`--all-hits`; else every row does).
pub(super) struct HitColumns {
    names: Vec<&'static str>,
    /// Whether the flags are packed into `flags` (else one 0/1 column each).
    packed: bool,
    counted: bool,
    lemma: bool,
}

/// One row of `matches.csv` as [`HitColumns::read`] gives it, cells as written.
pub(super) struct Hit<'a> {
    pub(super) doc_id: &'a str,
    pub(super) category: &'a str,
    pub(super) term: &'a str,
    /// The entry's lemma (empty when it has none), when the table names it.
    pub(super) lemma: Option<&'a str>,
    pub(super) quoted: bool,
    pub(super) counted: bool,
}

impl HitColumns {
    /// The columns to read of a `matches.csv` with `header`.
    pub(super) fn new(header: &[String]) -> HitColumns {
        let has = |name: &str| header.iter().any(|h| h == name);
        let (packed, counted, lemma) = (has("flags"), has("counted"), has("lemma"));
        let mut names = vec!["doc_id", "category", "term", if packed { "flags" } else { IN_QUOTE }];
        names.extend(counted.then_some("counted"));
        names.extend(lemma.then_some("lemma"));
        HitColumns { names, packed, counted, lemma }
    }

    /// The columns, in the order [`HitColumns::read`] takes their cells.
    pub(super) fn names(&self) -> &[&'static str] {
        &self.names
    }

    /// Whether rows name their entry's lemma.
    pub(super) fn has_lemma(&self) -> bool {
        self.lemma
    }

    /// A row from its cells of [`HitColumns::names`].
    pub(super) fn read<'a>(&self, cells: &[&'a str]) -> Hit<'a> {
        let quoted = match self.packed {
            true => cells[3].split(' ').any(|f| f == IN_QUOTE),
            false => cells[3] == "1",
        };
        let mut rest = cells[4..].iter().copied();
        let counted = !self.counted || rest.next() == Some("1");
        let lemma = if self.lemma { rest.next() } else { None };
        Hit { doc_id: cells[0], category: cells[1], term: cells[2], lemma, quoted, counted }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed flags are named as their own columns, in the schema's order.
    #[test]
    fn flag_names_are_the_schema_columns_in_order() {
        let names: Vec<&str> =
            super::super::schema::MATCHES.columns.iter().map(|c| c.name).collect();
        let at: Vec<usize> =
            FLAGS.iter().map(|(_, n)| names.iter().position(|c| c == n).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] + 1 == w[1]), "{at:?}");
        assert_eq!(names[at[at.len() - 1] + 1], "flags");
    }

    /// A row reads the same whether its flags are packed (default) or one column each, and
    /// counts unless `--all-hits` marks it otherwise.
    #[test]
    fn hit_columns_read_every_layout() {
        let header = |h: &str| h.split(',').map(String::from).collect::<Vec<_>>();
        let packed = HitColumns::new(&header("doc_id,section,category,term,start,flags"));
        assert_eq!(packed.names(), ["doc_id", "category", "term", "flags"]);
        let hit = packed.read(&["d", "label/x", "y", "negated in_quote"]);
        assert!(hit.quoted && hit.counted && hit.lemma.is_none());
        assert!(!packed.read(&["d", "label/x", "y", "scare_quote"]).quoted);
        let full = HitColumns::new(&header("doc_id,category,term,lemma,in_quote,negated,counted"));
        assert_eq!(full.names(), ["doc_id", "category", "term", "in_quote", "counted", "lemma"]);
        let hit = full.read(&["d", "label/x", "y", "0", "0", "z"]);
        assert!(!hit.quoted && !hit.counted && hit.lemma == Some("z"));
        assert!(full.has_lemma() && !packed.has_lemma());
    }
}
