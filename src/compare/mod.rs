//! Comparing outlets: turns the integer counts of a run ([`CompareInput`]) into the
//! comparison tables `compare.csv`, `rates.csv` and `compare_paired.csv`. Everything here is
//! computed once, serially, after the documents are analysed, from integer sums, so the
//! bytes depend only on the input and the options ([`CompareOptions`]), never on threads.
//!
//! - [`input`]: what is read (per-document tokens and term counts), from memory or a folder;
//! - [`features`]: categories at every level and terms, in one sorted index space;
//! - [`groups`]: `--group OUTLET=GROUP` mappings;
//! - `scopes`: all documents, then each event, with per-group integer sums;
//! - `contrast`: one comparison (group vs rest, group vs group) with its statistics;
//! - `paired`: the paired summary across events;
//! - `support`: which rows are written (`--min-count`);
//! - `store`: where per-document counts wait (memory or a spill file);
//! - `tables`: the CSV writers.
//!
//! The formulas are in [`crate::stats`] and in README.md ("Comparing outlets").

pub mod features;
pub mod groups;
pub mod input;

mod contrast;
mod paired;
mod scopes;
mod store;
mod support;
mod tables;

pub use features::{Feature, FeatureKind};
pub use groups::GroupMap;
pub use input::{CompareInput, TermKey};

use crate::error::{Error, Result};
use crate::report::{Closed, ReportOptions};
use std::path::Path;

/// The spill file of per-document counts that `analyze` and `framelens compare` keep in their
/// partial output folder while they run (removed before the folder is renamed into place).
pub const COUNTS_SPILL: &str = ".doc_counts.spill";

/// Default α₀ of the informative Dirichlet prior.
pub const DEFAULT_PRIOR_STRENGTH: f64 = 1000.0;
/// Default seed of the bootstrap.
pub const DEFAULT_SEED: u64 = 1;
/// Default number of bootstrap replicates.
pub const DEFAULT_BOOTSTRAP: u32 = 1000;
/// Most bootstrap replicates accepted: the replicate rates of one outlet's features are held
/// in memory (8 bytes × features × replicates).
pub const MAX_BOOTSTRAP: u32 = 100_000;

/// Default limit on the outlets (or groups) of a scope for pairwise rows: 20 outlets make
/// 190 pairs; beyond that the pairs dwarf everything else (159 outlets: 12,561 pairs).
pub const DEFAULT_MAX_PAIR_GROUPS: usize = 20;

/// Default support a row needs to be written (see [`CompareOptions::min_count`]).
pub const DEFAULT_MIN_COUNT: u64 = 5;

/// How the comparison runs.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareOptions {
    /// α₀: the total pseudo-count of the informative Dirichlet prior (> 0).
    pub prior_strength: f64,
    /// Seed of the bootstrap generator.
    pub seed: u64,
    /// Bootstrap replicates per rate interval (0: no intervals).
    pub bootstrap: u32,
    /// Outlet → group mappings.
    pub groups: GroupMap,
    /// Pairwise rows (and the paired summary) only with at most this many groups.
    pub max_pair_groups: usize,
    /// Rows are written only for features with support: an outlet (either outlet of a
    /// pair) counts the feature at least this often, or would be expected to at the pooled
    /// rate of the two sides (of its scope, in `rates.csv`); in `compare_paired.csv` the two
    /// outlets together count it this often over their shared events. Statistics, including
    /// q-values, are computed over every feature and do not depend on it. 0 writes every row.
    pub min_count: u64,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            prior_strength: DEFAULT_PRIOR_STRENGTH,
            seed: DEFAULT_SEED,
            bootstrap: DEFAULT_BOOTSTRAP,
            groups: GroupMap::default(),
            max_pair_groups: DEFAULT_MAX_PAIR_GROUPS,
            min_count: DEFAULT_MIN_COUNT,
        }
    }
}

impl CompareOptions {
    /// Checks the options that cannot work.
    pub fn validate(&self) -> Result<()> {
        if !(self.prior_strength > 0.0 && self.prior_strength.is_finite()) {
            return Err(Error::Usage(format!(
                "--prior-strength must be a positive number (got {})",
                self.prior_strength
            )));
        }
        if self.bootstrap > MAX_BOOTSTRAP {
            return Err(Error::Usage(format!(
                "--bootstrap: at most {MAX_BOOTSTRAP} replicates (got {})",
                self.bootstrap
            )));
        }
        Ok(())
    }

    /// Whether `groups` outlets (or groups) are few enough for pairwise rows: pairs within a
    /// scope, and the paired summary across events for the whole corpus.
    pub fn compares_pairs(&self, groups: usize) -> bool {
        groups <= self.max_pair_groups
    }

    /// The options as recorded in a manifest.
    pub fn to_json(&self) -> serde_json::Value {
        let groups: serde_json::Map<String, serde_json::Value> =
            self.groups.mappings().map(|(o, g)| (o.to_string(), g.into())).collect();
        serde_json::json!({
            "prior_strength": self.prior_strength,
            "seed": self.seed,
            "bootstrap": self.bootstrap,
            "max_pair_outlets": self.max_pair_groups,
            "min_count": self.min_count,
            "confidence": tables::CONFIDENCE,
            "groups": groups,
        })
    }
}

/// Writes the comparison tables for `input` into `dir`.
pub fn write_tables(
    dir: &Path,
    input: &CompareInput,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<()> {
    Closed::sync_all(write_unsynced(dir, input, opts, report)?)
}

/// [`write_tables`] without waiting for the disk: the caller syncs the returned files.
pub(crate) fn write_unsynced(
    dir: &Path,
    input: &CompareInput,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<Vec<Closed>> {
    opts.validate()?;
    opts.groups.check(input.outlets())?;
    let prepared = scopes::Prepared::new(input, &opts.groups);
    tables::write(dir, &prepared, opts, report)
}
