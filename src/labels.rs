//! Label choice: which name an outlet uses for one referent ("hostages" or "captives" for the
//! same people). Entries whose compiled role is [`Role::Label`] name a label of its referent
//! (`label/israel-gaza/captives` → `israel-gaza/captives`, see `lexicon::role`); the entry's
//! lemma (else its term) is the label, so several forms count as one label.
//! Built once per lexicon; counts come from the per-entry totals of `aggregate`.

use crate::lexicon::{EntryId, Lexicon, Role};

/// One label of one referent.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Label {
    /// The referent (category path below `label/`; empty for a bare `label` category).
    pub referent: Box<str>,
    /// The label name.
    pub name: Box<str>,
}

/// The labels of a lexicon, sorted by referent then name, and each entry's label.
#[derive(Clone, Debug, Default)]
pub struct LabelSet {
    labels: Vec<Label>,
    by_entry: Vec<Option<u32>>,
}

impl LabelSet {
    /// The labels of `lex`'s label entries.
    pub fn new(lex: &Lexicon) -> LabelSet {
        let mut named: Vec<(Label, EntryId)> = Vec::new();
        for (id, e) in lex.entries().iter().enumerate() {
            let Role::Label { referent } = lex.role(EntryId(id as u32)) else { continue };
            let referent = lex.roles().referents()[referent as usize].clone();
            let label = Label { referent, name: e.term_lemma().into() };
            named.push((label, EntryId(id as u32)));
        }
        named.sort();
        let mut labels: Vec<Label> = Vec::new();
        let mut by_entry = vec![None; lex.entries().len()];
        for (label, id) in named {
            if labels.last() != Some(&label) {
                labels.push(label);
            }
            by_entry[id.index()] = Some(labels.len() as u32 - 1);
        }
        LabelSet { labels, by_entry }
    }

    /// The labels `labels` (in any order, repeats allowed), without entries: the set
    /// `framelens compare` reads back from `labels.csv`.
    pub fn of_labels(mut labels: Vec<Label>) -> LabelSet {
        labels.sort();
        labels.dedup();
        LabelSet { labels, by_entry: Vec::new() }
    }

    /// The index of the label `name` of `referent`, if the set has it.
    pub fn position(&self, referent: &str, name: &str) -> Option<u32> {
        let at = self.labels.binary_search_by(|l| (&*l.referent, &*l.name).cmp(&(referent, name)));
        at.ok().map(|i| i as u32)
    }

    /// All labels, sorted by referent then name.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The label index of `entry`, if it names one.
    pub fn of(&self, entry: EntryId) -> Option<u32> {
        self.by_entry.get(entry.index()).copied().flatten()
    }

    /// Index ranges of `labels()` that share a referent, in order.
    pub fn referents(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let mut start = 0;
        std::iter::from_fn(move || {
            if start >= self.labels.len() {
                return None;
            }
            let r = &self.labels[start].referent;
            let end = start + self.labels[start..].iter().take_while(|l| &l.referent == r).count();
            let range = start..end;
            start = end;
            Some(range)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;

    #[test]
    fn labels_group_forms_by_lemma_under_their_referent() {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "labels",
            "labels",
            "pattern,category,lemma\nhostage,label/captives,hostages\n\
             =held hostage,label/captives,hostages\ncaptive,label/captives,captives\n\
             militant,label/region/fighters,\nfighter,label/region/fighters,\nthing,labels/x,\n",
        )
        .unwrap();
        let lex = b.build();
        let set = LabelSet::new(&lex);
        let names: Vec<_> =
            set.labels().iter().map(|l| format!("{}:{}", l.referent, l.name)).collect();
        assert_eq!(
            names,
            vec![
                "captives:captives",
                "captives:hostages",
                "region/fighters:fighter",
                "region/fighters:militant"
            ]
        );
        assert_eq!(set.of(EntryId(0)), Some(1));
        assert_eq!(set.of(EntryId(1)), Some(1));
        assert_eq!(set.of(EntryId(2)), Some(0));
        assert_eq!(set.of(EntryId(5)), None, "labels/x is not under label/");
        let groups: Vec<_> = set.referents().collect();
        assert_eq!(groups, vec![0..2, 2..4]);
        let read =
            LabelSet::of_labels(set.labels().iter().rev().chain(set.labels()).cloned().collect());
        assert_eq!(read.labels(), set.labels());
        assert_eq!(read.position("region/fighters", "fighter"), Some(2));
        assert_eq!(read.position("captives", "fighter"), None);
    }
}
