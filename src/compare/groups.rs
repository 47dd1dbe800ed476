//! Outlet grouping for `framelens compare --group OUTLET=GROUP`: several outlets can be
//! compared as one group (e.g. by political leaning). Outlets without a mapping stay groups
//! of their own. Names are matched exactly as they appear in `documents.csv`.

use crate::error::{Error, Result};
use std::collections::BTreeMap;

/// Outlet → group mappings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupMap {
    map: BTreeMap<String, String>,
}

impl GroupMap {
    /// Parses `OUTLET=GROUP` mappings; the last `=` separates them, so outlet names may
    /// contain `=`. An outlet mapped twice to different groups is an error.
    pub fn parse(mappings: &[String]) -> Result<GroupMap> {
        let mut map = BTreeMap::new();
        for m in mappings {
            let (outlet, group) = m
                .rsplit_once('=')
                .filter(|(o, g)| !o.is_empty() && !g.is_empty())
                .ok_or_else(|| Error::Usage(format!("--group '{m}': expected OUTLET=GROUP")))?;
            if let Some(old) = map.insert(outlet.to_string(), group.to_string())
                && old != group
            {
                return Err(Error::Usage(format!(
                    "--group: outlet '{outlet}' is mapped to both '{old}' and '{group}'"
                )));
            }
        }
        Ok(GroupMap { map })
    }

    /// Whether there are no mappings.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The group of `outlet`.
    pub fn group<'a>(&'a self, outlet: &'a str) -> &'a str {
        self.map.get(outlet).map_or(outlet, String::as_str)
    }

    /// Checks that every mapped outlet exists, so a typo does not pass silently.
    pub fn check(&self, outlets: &[String]) -> Result<()> {
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
}
