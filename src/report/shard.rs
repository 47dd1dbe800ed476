//! `shard.json`, the state `analyze --shard` (and `merge`) leaves beside the tables: every
//! group's integer totals, entry and category ids as in the run's lexicon, so that merged
//! totals are sums of integers.

use crate::aggregate::{Aggregates, DeviceTotals, GroupKey, GroupTotals};
use crate::error::{Error, Result};
use crate::lexicon::{CategoryId, EntryId, Lexicon};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The file `analyze --shard` writes beside the tables.
pub const SHARD_STATE: &str = "shard.json";

/// Version of the [`SHARD_STATE`] format.
const STATE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct State {
    version: u32,
    groups: Vec<GroupState>,
    /// The totals per group of documents ([`Aggregates::by_group`]), when grouped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    document_groups: Vec<GroupState>,
}

/// One group's [`GroupTotals`], maps as sorted lists.
#[derive(Serialize, Deserialize)]
struct GroupState {
    event: Option<String>,
    outlet: String,
    docs: u64,
    tokens: u64,
    sentences: u64,
    matched_tokens: u64,
    categories: Vec<u64>,
    category_docs: Vec<u64>,
    /// (entry id, hits, documents).
    entries: Vec<(u32, u64, u64)>,
    quoted_tokens: u64,
    categories_quoted: Vec<u64>,
    /// (entry id, quoted hits).
    entries_quoted: Vec<(u32, u64)>,
    scare_quotes: u64,
    #[serde(default)]
    loaded_weight_authorial: u64,
    tone_micro: i64,
    toned_sentences: u64,
    attributions: u64,
    attribution_classes: [u64; 6],
    /// (resolved source, cue category id, attributions, documents).
    sources: Vec<(String, Option<u32>, u64, u64)>,
}

impl GroupState {
    fn new(k: &GroupKey, g: &GroupTotals) -> GroupState {
        let mut entries: Vec<_> = g.entries.iter().map(|(id, &(n, d))| (id.0, n, d)).collect();
        entries.sort_unstable();
        let d = &g.devices;
        let mut entries_quoted: Vec<_> =
            d.entries_quoted.iter().map(|(id, &n)| (id.0, n)).collect();
        entries_quoted.sort_unstable();
        GroupState {
            event: k.event.clone(),
            outlet: k.outlet.clone(),
            docs: g.docs,
            tokens: g.tokens,
            sentences: g.sentences,
            matched_tokens: g.matched_tokens,
            categories: g.categories.clone(),
            category_docs: g.category_docs.clone(),
            entries,
            quoted_tokens: d.quoted_tokens,
            categories_quoted: d.categories_quoted.clone(),
            entries_quoted,
            scare_quotes: d.scare_quotes,
            loaded_weight_authorial: d.loaded_weight_authorial,
            tone_micro: d.tone_micro,
            toned_sentences: d.toned_sentences,
            attributions: g.attributions,
            attribution_classes: g.attribution_classes,
            sources: g
                .sources
                .iter()
                .map(|((s, c), &(n, docs))| (s.to_string(), c.map(|c| c.0), n, docs))
                .collect(),
        }
    }

    /// The totals, every id checked against the lexicon's.
    fn totals(
        self,
        lex: &Lexicon,
        bad: &dyn Fn(String) -> Error,
    ) -> Result<(GroupKey, GroupTotals)> {
        let entry = |id: u32| {
            ((id as usize) < lex.entries().len())
                .then_some(EntryId(id))
                .ok_or_else(|| bad(format!("entry id {id} is not in the lexicons")))
        };
        let category = |id: u32| {
            ((id as usize) < lex.categories().len())
                .then_some(CategoryId(id))
                .ok_or_else(|| bad(format!("category id {id} is not in the lexicons")))
        };
        let n = lex.categories().len();
        if [&self.categories, &self.category_docs, &self.categories_quoted]
            .iter()
            .any(|v| v.len() > n)
        {
            return Err(bad("more categories than the lexicons have".into()));
        }
        let mut g = GroupTotals {
            docs: self.docs,
            tokens: self.tokens,
            sentences: self.sentences,
            matched_tokens: self.matched_tokens,
            categories: self.categories,
            category_docs: self.category_docs,
            devices: DeviceTotals {
                quoted_tokens: self.quoted_tokens,
                categories_quoted: self.categories_quoted,
                scare_quotes: self.scare_quotes,
                loaded_weight_authorial: self.loaded_weight_authorial,
                tone_micro: self.tone_micro,
                toned_sentences: self.toned_sentences,
                ..DeviceTotals::default()
            },
            attributions: self.attributions,
            attribution_classes: self.attribution_classes,
            ..GroupTotals::default()
        };
        for (id, hits, docs) in self.entries {
            g.entries.insert(entry(id)?, (hits, docs));
        }
        for (id, hits) in self.entries_quoted {
            g.devices.entries_quoted.insert(entry(id)?, hits);
        }
        for (source, cat, hits, docs) in self.sources {
            let cat = cat.map(category).transpose()?;
            g.sources.insert((source.into(), cat), (hits, docs));
        }
        Ok((GroupKey { event: self.event, outlet: self.outlet }, g))
    }
}

/// Writes `agg` as [`SHARD_STATE`] into `dir`.
pub(crate) fn write_state(dir: &Path, agg: &Aggregates) -> Result<()> {
    let states = |m: &BTreeMap<GroupKey, GroupTotals>| {
        m.iter().map(|(k, g)| GroupState::new(k, g)).collect()
    };
    let state = State {
        version: STATE_VERSION,
        groups: states(&agg.groups),
        document_groups: states(&agg.by_group),
    };
    super::manifest::write_json(&dir.join(SHARD_STATE), &state)
}

/// Reads the [`SHARD_STATE`] of `dir`, written with the lexicons `lex`.
pub fn read_state(dir: &Path, lex: &Lexicon) -> Result<Aggregates> {
    let path = dir.join(SHARD_STATE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let message = "no shard.json: this folder was not written by `framelens analyze \
                           --shard` (or by `framelens merge`); run analyze again with --shard";
            return Err(Error::Input { path: path.display().to_string(), message: message.into() });
        }
        Err(e) => return Err(Error::io(&path, e)),
    };
    parse_state(&text, lex, &path.display().to_string())
}

/// Parses the text of a [`SHARD_STATE`] written with the lexicons `lex`; errors name `path`
/// (and the line and column of a syntax error). Every id is checked against `lex`.
pub fn parse_state(text: &str, lex: &Lexicon, path: &str) -> Result<Aggregates> {
    let bad = |message: String| Error::Input { path: path.to_string(), message };
    let state: State = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if state.version != STATE_VERSION {
        let v = state.version;
        return Err(bad(format!("format version {v} (this framelens reads {STATE_VERSION})")));
    }
    let mut agg = Aggregates::new();
    for (states, map) in
        [(state.groups, &mut agg.groups), (state.document_groups, &mut agg.by_group)]
    {
        for g in states {
            let (k, totals) = g.totals(lex, &bad)?;
            if map.insert(k, totals).is_some() {
                return Err(bad("a group is listed twice".into()));
            }
        }
    }
    Ok(agg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;
    use crate::{Analyzer, Document, Scratch, Sections};
    use proptest::prelude::*;
    use std::sync::Arc;

    fn lexicon() -> Arc<Lexicon> {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        let rows =
            "pattern,category,polarity\nregime,loaded/deleg,-1\nmassacre,loaded/violence,-2\n";
        b.add_text("l.csv", "l", rows).unwrap();
        Arc::new(b.build())
    }

    #[test]
    fn totals_survive_the_round_trip_and_bad_ids_are_errors() {
        let lex = lexicon();
        let analyzer = Analyzer::new(lex.clone(), Sections::default());
        let mut agg = Aggregates::new();
        for (i, text) in ["The regime lied, \"officials\" said.", "A massacre. The regime fell."]
            .iter()
            .enumerate()
        {
            let doc = Document {
                id: format!("d{i}"),
                outlet: "A".into(),
                event: (i == 1).then(|| "e".into()),
                text: text.to_string(),
                ..Document::default()
            };
            let a = analyzer.analyze(&doc, &mut Scratch::new());
            agg.add(&doc, &a);
            agg.add_to_group("left", &doc, &a);
        }
        let dir = tempfile::tempdir().unwrap();
        write_state(dir.path(), &agg).unwrap();
        let back = read_state(dir.path(), &lex).unwrap();
        assert_eq!(back.groups, agg.groups);
        assert_eq!(back.by_group, agg.by_group);
        assert_eq!(back.by_group.len(), 2);
        let text = std::fs::read_to_string(dir.path().join(SHARD_STATE)).unwrap();
        let bad = text.replacen("\"entries\": [\n", "\"entries\": [\n[999, 1, 1],\n", 1);
        let err = parse_state(&bad, &lex, "x/shard.json").unwrap_err().to_string();
        assert!(err.contains("x/shard.json") && err.contains("entry id 999"), "{err}");
        let err = parse_state("{", &lex, "x/shard.json").unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        let err = read_state(tempfile::tempdir().unwrap().path(), &lex).unwrap_err();
        assert!(err.to_string().contains("--shard"), "{err}");
    }

    proptest! {
        /// Arbitrary text, and arbitrary numbers in the right shape, never panic.
        #[test]
        fn parsing_arbitrary_state_never_panics(
            text in ".{0,200}",
            ids in proptest::collection::vec(any::<u32>(), 0..4),
            n in any::<u64>(),
        ) {
            let lex = lexicon();
            let _ = parse_state(&text, &lex, "p");
            let cats: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
            let state = format!(
                r#"{{"version":1,"groups":[{{"event":null,"outlet":"A","docs":{n},"tokens":{n},
                "sentences":0,"matched_tokens":0,"categories":[{c}],"category_docs":[],
                "entries":[[{i},{n},1]],"quoted_tokens":0,"categories_quoted":[],
                "entries_quoted":[],"scare_quotes":0,"tone_micro":-1,"toned_sentences":0,
                "attributions":0,"attribution_classes":[0,0,0,0,0,0],
                "sources":[["x",{i},1,1]]}}]}}"#,
                c = cats.join(","),
                i = ids.first().copied().unwrap_or(0),
            );
            let _ = parse_state(&state, &lex, "p");
        }
    }
}
