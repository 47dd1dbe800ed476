//! What the page shows, gathered in one value: the counts of the run, the dimensions, the
//! kept comparison rows and, for `analyze`, the lexicon, aggregates and gathered documents.

use super::gather::Gathered;
use super::kept::{NamedContrast, NamedRate};
use super::level::ReportLevel;
use crate::aggregate::Aggregates;
use crate::compare::CompareInput;
use crate::lexicon::Lexicon;
use std::collections::BTreeSet;

/// Outlets (or groups) drawn in the charts and tables, most documents first.
pub(crate) const OUTLETS_SHOWN: usize = 30;

/// What only an `analyze` run has: the lexicon, the aggregates and the gathered texts.
pub(crate) struct Analysis<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) agg: &'a Aggregates,
    pub(crate) gathered: &'a Gathered,
}

/// Everything the page shows.
pub(crate) struct Model<'a> {
    pub(crate) command: &'static str,
    pub(crate) level: ReportLevel,
    pub(crate) docs: u64,
    /// Records that failed (`analyze` only).
    pub(crate) failed: Option<u64>,
    pub(crate) events: usize,
    /// (outlet, documents, tokens), most documents first.
    pub(crate) outlets: Vec<(String, u64, u64)>,
    /// The dimensions: top-level categories, sorted.
    pub(crate) dims: Vec<String>,
    pub(crate) rates: Vec<NamedRate>,
    pub(crate) contrasts: Vec<NamedContrast>,
    pub(crate) analysis: Option<Analysis<'a>>,
}

impl<'a> Model<'a> {
    /// The model of a run over `input`, with the kept comparison rows.
    pub(crate) fn new(
        command: &'static str,
        level: ReportLevel,
        input: &CompareInput,
        (rates, contrasts): (Vec<NamedRate>, Vec<NamedContrast>),
        analysis: Option<Analysis<'a>>,
    ) -> Model<'a> {
        let mut per = vec![(0u64, 0u64); input.outlets.len()];
        for d in &input.docs {
            per[d.outlet as usize].0 += 1;
            per[d.outlet as usize].1 += d.tokens;
        }
        let mut outlets: Vec<(String, u64, u64)> =
            input.outlets.iter().zip(per).map(|(o, (d, t))| (o.clone(), d, t)).collect();
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut dims: BTreeSet<String> = rates
            .iter()
            .filter(|r| {
                r.kind == crate::compare::FeatureKind::Category && !r.category.contains('/')
            })
            .map(|r| r.category.clone())
            .collect();
        if let Some(a) = &analysis {
            dims.extend(a.lex.top_categories().iter().map(|&c| a.lex.category(c).path.to_string()));
        }
        Model {
            command,
            level,
            docs: input.docs.len() as u64,
            failed: analysis.as_ref().map(|a| a.gathered.failed),
            events: input.events.len(),
            outlets,
            dims: dims.into_iter().collect(),
            rates,
            contrasts,
            analysis,
        }
    }

    /// The groups of the charts: the outlets with rates, most documents first, then groups
    /// of `--group` by name; at most [`OUTLETS_SHOWN`].
    pub(crate) fn chart_groups(&self) -> Vec<String> {
        let with_rates: BTreeSet<&str> = self.rates.iter().map(|r| r.outlet.as_str()).collect();
        let known: BTreeSet<&str> = self.outlets.iter().map(|o| o.0.as_str()).collect();
        let mut v: Vec<String> = self
            .outlets
            .iter()
            .filter(|o| with_rates.contains(o.0.as_str()))
            .map(|o| o.0.clone())
            .collect();
        v.extend(with_rates.iter().filter(|g| !known.contains(*g)).map(|g| g.to_string()));
        v.truncate(OUTLETS_SHOWN);
        v
    }
}
