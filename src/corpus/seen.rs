//! The document ids a run has seen (their positions, and where each was first read), kept
//! compactly: a run holds one entry per document for its whole length, so an entry costs its
//! id's and location's bytes plus about 30 bytes (one text buffer, one fixed-size mark, one
//! slot of a hash table of `u64` keys), not two allocations and a map of boxed strings.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// Every id seen so far, with the origin (`input: location`) it was first read at.
#[derive(Debug, Default)]
pub(crate) struct SeenIds {
    /// Each entry's id, then its location, back to back.
    text: String,
    /// Per entry: its input (in `inputs`), the id's length, and where it ends in `text`.
    marks: Vec<Mark>,
    /// Input names, in order of first use.
    inputs: Vec<String>,
    /// Id hash → entry. The first id with a hash owns the slot.
    by_hash: FxHashMap<u64, u32>,
    /// Ids whose hash is owned by another id (a 64-bit collision: almost never used).
    collided: FxHashMap<Box<str>, u32>,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    input: u32,
    id_len: u32,
    end: u64,
}

impl SeenIds {
    /// No ids yet.
    pub fn new() -> SeenIds {
        SeenIds::default()
    }

    /// Where `id` was first read, if it was seen before.
    pub fn first_seen(&self, id: &str) -> Option<String> {
        self.position(id).map(|k| self.origin(k))
    }

    /// The position (in insertion order) of `id`, if it was recorded.
    pub fn position(&self, id: &str) -> Option<u32> {
        match self.by_hash.get(&hash(id)) {
            None => None,
            Some(&k) if self.id(k) == id => Some(k),
            Some(_) => self.collided.get(id).copied(),
        }
    }

    /// Records `id`, first read at `origin`; if it was seen before, returns where instead.
    pub fn insert(&mut self, id: &str, origin: &str) -> Result<(), String> {
        if let Some(k) = self.position(id) {
            return Err(self.origin(k));
        }
        let next = self.marks.len() as u32;
        // A hash slot owned by another id: this one goes to the collisions.
        if *self.by_hash.entry(hash(id)).or_insert(next) != next {
            self.collided.insert(id.into(), next);
        }
        self.push(id, origin);
        Ok(())
    }

    fn push(&mut self, id: &str, origin: &str) {
        let (input, location) = origin.split_once(": ").unwrap_or((origin, ""));
        let input = match self.inputs.iter().rposition(|i| i == input) {
            Some(i) => i as u32,
            None => {
                self.inputs.push(input.to_string());
                self.inputs.len() as u32 - 1
            }
        };
        self.text.push_str(id);
        self.text.push_str(location);
        self.marks.push(Mark { input, id_len: id.len() as u32, end: self.text.len() as u64 });
    }

    fn start(&self, k: u32) -> usize {
        if k == 0 { 0 } else { self.marks[k as usize - 1].end as usize }
    }

    fn id(&self, k: u32) -> &str {
        let start = self.start(k);
        &self.text[start..start + self.marks[k as usize].id_len as usize]
    }

    fn origin(&self, k: u32) -> String {
        let m = self.marks[k as usize];
        let location = &self.text[self.start(k) + m.id_len as usize..m.end as usize];
        let input = &self.inputs[m.input as usize];
        if location.is_empty() { input.clone() } else { format!("{input}: {location}") }
    }
}

fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repeated_id_names_where_it_was_first_read() {
        let mut s = SeenIds::new();
        assert_eq!(s.insert("a", "in.jsonl: line 1"), Ok(()));
        assert_eq!(s.insert("b", "in.jsonl: line 2"), Ok(()));
        assert_eq!(s.insert("a", "other.csv: record 9"), Err("in.jsonl: line 1".into()));
        assert_eq!(s.insert("", "folder: A/x.txt"), Ok(()));
        assert_eq!(s.insert("", "stdin"), Err("folder: A/x.txt".into()));
        assert_eq!(s.insert("c", "stdin"), Ok(()));
        assert_eq!(s.insert("c", "x"), Err("stdin".into()));
        assert_eq!(s.marks.len(), 4);
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_the_id() {
        let mut s = SeenIds::new();
        // Force the collision path: an id whose hash slot another id owns.
        s.push("owner", "in: line 1");
        s.by_hash.insert(hash("owner"), 0);
        s.by_hash.insert(hash("x"), 0);
        assert_eq!(s.insert("x", "in: line 2"), Ok(()));
        assert_eq!(s.insert("x", "in: line 3"), Err("in: line 2".into()));
        assert_eq!(s.insert("owner", "in: line 4"), Err("in: line 1".into()));
    }

    proptest! {
        #[test]
        fn agrees_with_a_map_of_strings(ids in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
            let mut seen = SeenIds::new();
            let mut map: std::collections::HashMap<String, String> = Default::default();
            for (i, id) in ids.iter().enumerate() {
                let origin = format!("in{}: line {}", i % 3, i + 1);
                let expected = match map.get(id) {
                    Some(first) => Err(first.clone()),
                    None => { map.insert(id.clone(), origin.clone()); Ok(()) }
                };
                prop_assert_eq!(seen.first_seen(id), expected.clone().err());
                prop_assert_eq!(seen.position(id).is_some(), expected.is_err());
                prop_assert_eq!(seen.insert(id, &origin), expected);
            }
        }
    }
}
