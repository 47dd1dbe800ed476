//! Groups of documents as researchers hold them, compared beside the outlets: by an input
//! column (`--group-by lean`: each document's value), or by outlet (`--groups FILE.csv` with
//! `outlet,group` rows, or `--group OUTLET=GROUP`). Outlets a map does not name stay groups of
//! their own (and are reported); a document with an empty group column is in [`NO_GROUP`].
//! Names are matched exactly as they appear in `documents.csv`.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// The group of a document whose group column is empty.
pub const NO_GROUP: &str = "(no group)";

/// Outlet → group mappings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupMap {
    map: BTreeMap<String, String>,
    /// Whether every mapped outlet must exist (`--group` flags: a typo is an error); a file
    /// may list more outlets than a corpus has.
    strict: bool,
}

impl GroupMap {
    /// Parses `OUTLET=GROUP` mappings; the last `=` separates them, so outlet names may
    /// contain `=`. An outlet mapped twice to different groups is an error.
    pub fn parse(mappings: &[String]) -> Result<GroupMap> {
        let mut g = GroupMap { map: BTreeMap::new(), strict: !mappings.is_empty() };
        for m in mappings {
            let (outlet, group) = m
                .rsplit_once('=')
                .filter(|(o, g)| !o.is_empty() && !g.is_empty())
                .ok_or_else(|| Error::Usage(format!("--group '{m}': expected OUTLET=GROUP")))?;
            g.insert(outlet, group).map_err(|e| Error::Usage(format!("--group: {e}")))?;
        }
        Ok(g)
    }

    /// Reads a `--groups` file: CSV with the columns `outlet` and `group` (others are
    /// ignored), one outlet per row. Errors name the file, line and column.
    pub fn read_csv(path: &Path) -> Result<GroupMap> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        GroupMap::from_csv(&bytes).map_err(|(line, message)| Error::input_at(path, line, message))
    }

    /// [`GroupMap::read_csv`] of bytes; an error is (line, message).
    pub fn from_csv(bytes: &[u8]) -> std::result::Result<GroupMap, (u64, String)> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let csv_err = |e: csv::Error| (e.position().map_or(1, |p| p.line()), e.to_string());
        let header = reader.headers().map_err(csv_err)?.clone();
        let find = |name: &str| {
            header.iter().position(|h| h.trim() == name).ok_or_else(|| {
                let found: Vec<&str> = header.iter().collect();
                (1, format!("no column '{name}' (columns found: {})", found.join(", ")))
            })
        };
        let (o, gi) = (find("outlet")?, find("group")?);
        let mut g = GroupMap::default();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(csv_err)? {
            let line = record.position().map_or(0, |p| p.line());
            let cell = |i: usize, name: &str| match record.get(i).map(str::trim) {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err((line, format!("column '{name}' (column {}) is empty", i + 1))),
            };
            let (outlet, group) = (cell(o, "outlet")?, cell(gi, "group")?);
            g.insert(outlet, group).map_err(|e| (line, format!("column 'group': {e}")))?;
        }
        Ok(g)
    }

    /// Maps `outlet` to `group`; mapping it again to another group is an error.
    fn insert(&mut self, outlet: &str, group: &str) -> std::result::Result<(), String> {
        match self.map.insert(outlet.to_string(), group.to_string()) {
            Some(old) if old != group => {
                Err(format!("outlet '{outlet}' is mapped to both '{old}' and '{group}'"))
            }
            _ => Ok(()),
        }
    }

    /// Adds the mappings of `other` (an outlet mapped differently is an error).
    pub fn merge(&mut self, other: GroupMap) -> Result<()> {
        self.strict |= other.strict;
        for (o, g) in &other.map {
            self.insert(o, g).map_err(Error::Usage)?;
        }
        Ok(())
    }

    /// Whether there are no mappings.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The group of `outlet`.
    pub fn group<'a>(&'a self, outlet: &'a str) -> &'a str {
        self.map.get(outlet).map_or(outlet, String::as_str)
    }

    /// The outlets of `outlets` that no mapping names (they stay groups of their own).
    pub fn unmapped<'a>(&self, outlets: &'a [String]) -> Vec<&'a str> {
        let mut v: Vec<&str> =
            outlets.iter().map(String::as_str).filter(|o| !self.map.contains_key(*o)).collect();
        v.sort_unstable();
        v
    }

    /// Checks that every mapped outlet of `--group` exists, so a typo does not pass silently.
    pub fn check(&self, outlets: &[String]) -> Result<()> {
        if !self.strict {
            return Ok(());
        }
        for o in self.map.keys() {
            if !outlets.iter().any(|x| x == o) {
                let mut known: Vec<&str> = outlets.iter().map(String::as_str).collect();
                known.sort_unstable();
                return Err(Error::Usage(format!(
                    "--group: no outlet '{o}' in the documents (outlets: {})",
                    known.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// The mappings, for the manifest.
    pub fn mappings(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().map(|(o, g)| (o.as_str(), g.as_str()))
    }
}

/// The input columns `analyze` carries into `documents.csv` and how it groups documents: the
/// kept columns (`--keep`, positions `0..keep.len()` of a document's extra values), then a
/// `group` column when documents are grouped, by an extra value (`--group-by`) or by outlet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocColumns {
    /// Kept columns, by name.
    pub keep: Vec<String>,
    /// The position among a document's extra values of the `--group-by` column.
    pub group_by: Option<usize>,
    /// Outlet → group (`--groups`, `--group`), when not grouping by a column.
    pub map: GroupMap,
}

/// The name of the column of `documents.csv` that holds each document's group.
pub const GROUP_COLUMN: &str = "group";

impl DocColumns {
    /// Whether documents are grouped.
    pub fn grouped(&self) -> bool {
        self.group_by.is_some() || !self.map.is_empty()
    }

    /// The names of the columns appended to `documents.csv`.
    pub fn header(&self) -> Vec<&str> {
        let mut h: Vec<&str> = self.keep.iter().map(String::as_str).collect();
        h.extend(self.grouped().then_some(GROUP_COLUMN));
        h
    }

    /// A document's group, from its outlet and extra values; `None` when not grouped.
    pub fn group<'a>(&'a self, outlet: &'a str, extra: &'a [String]) -> Option<&'a str> {
        match self.group_by {
            Some(i) => {
                Some(extra.get(i).map(String::as_str).filter(|v| !v.is_empty()).unwrap_or(NO_GROUP))
            }
            None => (!self.map.is_empty()).then(|| self.map.group(outlet)),
        }
    }

    /// A document's cells of the appended columns ([`DocColumns::header`]).
    pub fn cells<'a>(&'a self, outlet: &'a str, extra: &'a [String]) -> Vec<&'a str> {
        let mut v: Vec<&str> =
            (0..self.keep.len()).map(|i| extra.get(i).map_or("", String::as_str)).collect();
        v.extend(self.group(outlet, extra));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_maps_and_checks() {
        let g = GroupMap::parse(&["A=left".into(), "x=y=right".into()]).unwrap();
        assert_eq!(g.group("A"), "left");
        assert_eq!(g.group("x=y"), "right");
        assert_eq!(g.group("B"), "B");
        assert!(g.check(&["A".into(), "x=y".into(), "B".into()]).is_ok());
        let err = g.check(&["A".into()]).unwrap_err().to_string();
        assert!(err.contains("'x=y'") && err.contains("outlets: A"), "{err}");
        assert!(GroupMap::parse(&["novalue".into()]).is_err());
        assert!(GroupMap::parse(&["A=".into()]).is_err());
        assert!(GroupMap::parse(&["A=l".into(), "A=r".into()]).is_err());
        assert!(GroupMap::parse(&["A=l".into(), "A=l".into()]).is_ok());
    }

    #[test]
    fn reads_a_groups_file_and_names_line_and_column() {
        let g = GroupMap::from_csv(b"\xEF\xBB\xBFoutlet,group,note\nA,left,x\n\"B, Inc\",right,\n")
            .unwrap();
        assert_eq!((g.group("A"), g.group("B, Inc"), g.group("C")), ("left", "right", "C"));
        assert_eq!(g.unmapped(&["C".into(), "A".into()]), ["C"]);
        // A file may list outlets the corpus lacks.
        assert!(g.check(&["A".into()]).is_ok());
        let err = GroupMap::from_csv(b"outlet,lean\nA,left\n").unwrap_err();
        assert_eq!(err.0, 1);
        assert!(err.1.contains("no column 'group'") && err.1.contains("outlet, lean"), "{err:?}");
        let err = GroupMap::from_csv(b"outlet,group\nA,left\nB,\n").unwrap_err();
        assert_eq!(err, (3, "column 'group' (column 2) is empty".into()));
        let err = GroupMap::from_csv(b"outlet,group\nA,left\nA,right\n").unwrap_err();
        assert_eq!(err.0, 3);
        assert!(err.1.contains("both 'left' and 'right'"), "{err:?}");
        let err = GroupMap::from_csv(b"outlet,group\n\"A,left\n").unwrap_err();
        assert!(err.0 >= 1, "{err:?}");
    }

    #[test]
    fn doc_columns_append_kept_values_and_the_group() {
        let by_column =
            DocColumns { keep: vec!["lean".into()], group_by: Some(0), ..Default::default() };
        assert_eq!(by_column.header(), ["lean", "group"]);
        assert_eq!(by_column.cells("A", &["left".into()]), ["left", "left"]);
        assert_eq!(by_column.cells("A", &[String::new()]), ["", NO_GROUP]);
        let by_outlet =
            DocColumns { map: GroupMap::parse(&["A=x".into()]).unwrap(), ..Default::default() };
        assert_eq!(by_outlet.cells("A", &[]), ["x"]);
        assert_eq!(by_outlet.cells("B", &[]), ["B"]);
        assert!(DocColumns::default().header().is_empty());
    }

    proptest::proptest! {
        /// The groups file parser never panics, whatever the bytes.
        #[test]
        fn groups_file_parser_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut v = b"outlet,group\n".to_vec();
            v.extend(&bytes);
            let _ = GroupMap::from_csv(&v);
            let _ = GroupMap::from_csv(&bytes);
        }
    }
}
