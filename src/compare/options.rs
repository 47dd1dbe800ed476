//! How the comparison runs ([`CompareOptions`]) and its defaults.

use super::groups::GroupMap;
use crate::error::{Error, Result};

/// Coverage of the bootstrap intervals, and the quantiles that bound them.
pub(crate) const CONFIDENCE: f64 = 0.95;
pub(crate) const QUANTILES: (f64, f64) = (0.025, 0.975);

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
    /// Rate and comparison rows of every event scope too (`--by-event`), not only of all
    /// documents. The paired summary is computed from the events either way.
    pub by_event: bool,
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
            by_event: false,
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
            "by_event": self.by_event,
            "confidence": CONFIDENCE,
            "groups": groups,
        })
    }
}
