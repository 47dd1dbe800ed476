//! The profile columns that `documents.csv`, `outlets.csv` and `group_outlets.csv` share:
//! per top-level category its count and rate, the tokens covered, the same by voice (rates
//! per 1,000 tokens of that voice), scare quotes, tone, the headline score (intensity-weighted
//! loaded language in authorial voice) and the attribution shares. A [`Profile`] holds the
//! integers of one document or group; every rate and share is computed from them when a row
//! is rendered. Profiles add up, so `framelens compare` rebuilds a group's from the
//! documents' rows of `documents.csv` ([`ProfileColumns`]) and writes the same cells.

use super::cells::{per_1k, share, tone};
use crate::aggregate::GroupTotals;
use crate::analysis::DocAnalysis;
use crate::lexicon::{CueClass, Lexicon};

/// The integer counts behind the profile columns of one document or group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    pub(crate) tokens: u64,
    pub(crate) sentences: u64,
    /// Tokens covered by a hit.
    pub(crate) matched_tokens: u64,
    /// Hits per top-level category, in [`Lexicon::top_categories`] order.
    pub(crate) tops: Vec<u64>,
    /// The same inside quotations.
    pub(crate) tops_quoted: Vec<u64>,
    pub(crate) quoted_tokens: u64,
    pub(crate) scare_quotes: u64,
    /// Intensity-weighted counted loaded hits in authorial voice.
    pub(crate) loaded_weight: u64,
    /// Sum of sentence tones in millionths.
    pub(crate) tone_micro: i64,
    pub(crate) attributions: u64,
    /// Attributions per cue class, in [`CueClass::ALL`] order.
    pub(crate) classes: [u64; 6],
}

impl Profile {
    /// One document's profile.
    pub(super) fn of_document(lex: &Lexicon, a: &DocAnalysis) -> Profile {
        let top =
            |v: &[u32]| lex.top_categories().iter().map(|t| u64::from(v[t.index()])).collect();
        let mut classes = [0u64; 6];
        a.attributions.iter().filter_map(|at| at.class).for_each(|c| classes[c.index()] += 1);
        Profile {
            tokens: u64::from(a.tokens),
            sentences: u64::from(a.sentences),
            matched_tokens: u64::from(a.matched_tokens),
            tops: top(&a.category_counts),
            tops_quoted: top(&a.category_counts_quoted),
            quoted_tokens: u64::from(a.quoted_tokens),
            scare_quotes: u64::from(a.scare_quotes()),
            loaded_weight: u64::from(a.loaded_weight_authorial),
            tone_micro: a.tone_micro,
            attributions: a.attributions.len() as u64,
            classes,
        }
    }

    /// A group's profile from its totals.
    pub(super) fn of_group(lex: &Lexicon, g: &GroupTotals) -> Profile {
        let top = |v: &[u64]| {
            let at = |i: usize| v.get(i).copied().unwrap_or(0);
            lex.top_categories().iter().map(|t| at(t.index())).collect()
        };
        let d = &g.devices;
        Profile {
            tokens: g.tokens,
            sentences: g.sentences,
            matched_tokens: g.matched_tokens,
            tops: top(&g.categories),
            tops_quoted: top(&d.categories_quoted),
            quoted_tokens: d.quoted_tokens,
            scare_quotes: d.scare_quotes,
            loaded_weight: d.loaded_weight_authorial,
            tone_micro: d.tone_micro,
            attributions: g.attributions,
            classes: g.attribution_classes,
        }
    }

    /// Adds another document's or group's counts.
    pub(crate) fn add(&mut self, o: &Profile) {
        let sum = |a: &mut Vec<u64>, b: &[u64]| {
            a.resize(a.len().max(b.len()), 0);
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        };
        self.tokens += o.tokens;
        self.sentences += o.sentences;
        self.matched_tokens += o.matched_tokens;
        sum(&mut self.tops, &o.tops);
        sum(&mut self.tops_quoted, &o.tops_quoted);
        self.quoted_tokens += o.quoted_tokens;
        self.scare_quotes += o.scare_quotes;
        self.loaded_weight += o.loaded_weight;
        self.tone_micro += o.tone_micro;
        self.attributions += o.attributions;
        self.classes.iter_mut().zip(o.classes).for_each(|(x, y)| *x += y);
    }

    /// The cells from the first category count to `coverage`.
    pub(super) fn counts(&self) -> Vec<String> {
        let mut row = Vec::with_capacity(2 * self.tops.len() + 2);
        for &n in &self.tops {
            row.push(n.to_string());
            row.push(per_1k(n, self.tokens));
        }
        row.push(self.matched_tokens.to_string());
        row.push(share(self.matched_tokens, self.tokens));
        row
    }

    /// The cells from `authorial_tokens` to the last cue-class share.
    pub(super) fn voice(&self) -> Vec<String> {
        let authorial_tokens = self.tokens - self.quoted_tokens;
        let mut row = vec![authorial_tokens.to_string(), self.quoted_tokens.to_string()];
        for (&all, &quoted) in self.tops.iter().zip(&self.tops_quoted) {
            let authorial = all - quoted;
            row.push(authorial.to_string());
            row.push(per_1k(authorial, authorial_tokens));
            row.push(quoted.to_string());
            row.push(per_1k(quoted, self.quoted_tokens));
        }
        row.push(self.scare_quotes.to_string());
        row.push(per_1k(self.scare_quotes, self.tokens));
        row.push(format!("{:.6}", self.tone_micro as f64 / 1e6));
        row.push(tone(self.tone_micro, self.sentences));
        row.push(self.loaded_weight.to_string());
        row.push(per_1k(self.loaded_weight, authorial_tokens));
        row.push(self.attributions.to_string());
        row.push(per_1k(self.attributions, self.tokens));
        row.extend(self.classes.iter().map(|&n| share(n, self.attributions)));
        row
    }
}

/// The columns of `documents.csv` a [`Profile`] is read back from: eight counts, the
/// cue-class shares (times `attributions`: whole numbers), each top-level category's count
/// and quoted count.
const COUNTS: [&str; 8] = [
    "tokens",
    "sentences",
    "matched_tokens",
    "quoted_tokens",
    "scare_quote_count",
    "loaded_weighted_authorial",
    "tone_sum",
    "attributions",
];

/// The columns of a `documents.csv` header that hold a [`Profile`], and its top-level
/// categories (the `<category>_count` columns between `sentences` and `matched_tokens`).
pub(crate) struct ProfileColumns {
    pub(crate) tops: Vec<String>,
    names: Vec<String>,
}

impl ProfileColumns {
    /// The columns of `header`; an error names one that is missing (a folder of an older
    /// version).
    pub(crate) fn new(header: &[String]) -> std::result::Result<ProfileColumns, String> {
        let find = |name: &str| {
            header.iter().position(|h| h == name).ok_or_else(|| format!("no column '{name}'"))
        };
        let (first, last) = (find("sentences")? + 1, find("matched_tokens")?);
        let tops: Vec<String> = header[first.min(last)..last]
            .iter()
            .filter_map(|h| h.strip_suffix("_count").map(str::to_string))
            .collect();
        let mut names: Vec<String> = COUNTS.iter().map(|c| c.to_string()).collect();
        names.extend(CueClass::ALL.iter().map(|c| format!("{}_share", c.name())));
        names.extend(tops.iter().map(|t| format!("{t}_count")));
        names.extend(tops.iter().map(|t| format!("{t}_quoted_count")));
        for n in &names {
            find(n)?;
        }
        Ok(ProfileColumns { tops, names })
    }

    /// The columns to read, in the order [`ProfileColumns::read`] takes their cells.
    pub(crate) fn names(&self) -> Vec<&str> {
        self.names.iter().map(String::as_str).collect()
    }

    /// A document's profile from its cells of [`ProfileColumns::names`]; an error is the
    /// column name and what it holds.
    pub(crate) fn read(&self, cells: &[&str]) -> std::result::Result<Profile, String> {
        let bad = |i: usize, what: &str| {
            format!("column '{}': expected {what}, found '{}'", self.names[i], cells[i])
        };
        let int = |i: usize| cells[i].parse::<u64>().map_err(|_| bad(i, "a count"));
        let n = self.tops.len();
        let tops =
            (0..n).map(|k| int(COUNTS.len() + 6 + k)).collect::<std::result::Result<_, _>>()?;
        let quoted =
            (0..n).map(|k| int(COUNTS.len() + 6 + n + k)).collect::<std::result::Result<_, _>>()?;
        let tone: f64 = cells[6].parse().map_err(|_| bad(6, "a tone sum"))?;
        let attributions = int(7)?;
        let mut classes = [0u64; 6];
        for (k, c) in classes.iter_mut().enumerate() {
            let i = COUNTS.len() + k;
            let share: f64 = match cells[i] {
                "" => 0.0,
                v => v.parse().map_err(|_| bad(i, "a share"))?,
            };
            *c = (share * attributions as f64).round() as u64;
        }
        Ok(Profile {
            tokens: int(0)?,
            sentences: int(1)?,
            matched_tokens: int(2)?,
            tops,
            tops_quoted: quoted,
            quoted_tokens: int(3)?,
            scare_quotes: int(4)?,
            loaded_weight: int(5)?,
            tone_micro: (tone * 1e6).round() as i64,
            attributions,
            classes,
        })
    }
}
