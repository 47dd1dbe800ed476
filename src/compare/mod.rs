//! Comparing outlets: turns the integer counts of a run ([`CompareInput`]) into the rows of
//! the comparison tables `compare.csv`, `rates.csv` and `compare_paired.csv`, as values keyed
//! by ids ([`Comparison`]); `report` renders and writes them. Everything here is computed
//! once, after the documents are analysed, from integer sums, so the values depend only on
//! the input and the options ([`CompareOptions`]), never on threads.
//!
//! - `input`: what is read (per-document tokens and term counts), from memory or a folder,
//!   and what regrouping a folder reads (`Regrouping`: its documents' positions, its tables);
//! - `features`: categories at every level and terms, in one sorted index space;
//! - `groups`: groups of documents (`--group-by`, `--groups`, `--group`) and the columns
//!   `analyze` carries into `documents.csv`;
//! - `scopes`: the partitions (outlets, groups) and the scopes (all documents, then each
//!   event), with per-group integer sums;
//! - `contrast`: one comparison (group vs rest, group vs group) with its statistics;
//! - `paired`: the paired summary across events;
//! - `stance`: stance shares of detected attributions, per outlet or group;
//! - `support`: which rows are written (`--min-count`);
//! - `store`: where per-document counts wait (memory or a spill file);
//! - `options`: [`CompareOptions`];
//! - `run`: the rows, scope by scope, as values ([`Comparison`], [`RateRow`]).
//!
//! The formulas are in [`crate::stats`] and in README.md ("Comparing outlets").

mod features;
mod groups;
mod input;

mod contrast;
mod options;
mod paired;
mod run;
mod scopes;
mod stance;
mod store;
mod support;

pub use crate::stats::logodds::{LogOdds, Side};
pub use contrast::{ContrastRow, Sides};
pub use features::{Feature, FeatureKind};
pub use groups::{DocColumns, GROUP_COLUMN, GroupMap, NO_GROUP};
pub use input::{CompareInput, StanceCounts, TermKey};
pub(crate) use input::{
    DocPositions, Regrouping, header as input_header, read_table as read_input_table,
};
pub use options::{
    CompareOptions, DEFAULT_BOOTSTRAP, DEFAULT_MAX_PAIR_GROUPS, DEFAULT_MIN_COUNT,
    DEFAULT_PRIOR_STRENGTH, DEFAULT_SEED, MAX_BOOTSTRAP,
};
pub use paired::PairedRow;
pub use run::{Comparison, RateRow, Rows};
pub use scopes::{Partition, ScopeKind};
pub use stance::StanceRow;

/// The spill file of per-document counts that `analyze` and `framelens compare` keep in their
/// partial output folder while they run (removed before the folder is renamed into place).
pub const COUNTS_SPILL: &str = ".doc_counts.spill";
