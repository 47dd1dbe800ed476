//! What the page shows, gathered in one value: the counts of the run, the dimensions, the
//! kept comparison rows and, for `analyze`, the lexicon, aggregates and gathered documents.

use super::gather::Gathered;
use super::kept::{KeptRows, NamedContrast, NamedRate, NamedStance};
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
    /// The groups' rates and contrasts, when documents are grouped.
    pub(crate) grouped: Option<(Vec<NamedRate>, Vec<NamedContrast>)>,
    /// Stance shares of the outlets, then of the groups.
    pub(crate) stance: [Vec<NamedStance>; 2],
    pub(crate) analysis: Option<Analysis<'a>>,
}

impl<'a> Model<'a> {
    /// The model of a run over `input`, with the kept comparison rows.
    pub(crate) fn new(
        command: &'static str,
        level: ReportLevel,
        input: &CompareInput,
        kept: KeptRows,
        analysis: Option<Analysis<'a>>,
    ) -> Model<'a> {
        let (rates, contrasts) = kept.outlets;
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
            grouped: kept.groups,
            stance: [kept.stance, kept.group_stance],
            analysis,
        }
    }

    /// The outlets' view and, when documents are grouped, the groups'.
    pub(crate) fn views(&self) -> Vec<View<'_>> {
        let mut v = vec![View {
            noun: "outlet",
            id: "",
            suffix: "",
            rates: &self.rates,
            contrasts: &self.contrasts,
            members: self.chart_groups(),
            voice: true,
        }];
        if let Some((rates, contrasts)) = &self.grouped {
            v.push(View {
                noun: "group",
                id: "group-",
                suffix: " by group",
                rates,
                contrasts,
                members: members(rates, &[]),
                voice: false,
            });
        }
        v
    }

    /// The groups of the charts: the outlets with rates, most documents first, then groups
    /// of `--group` by name; at most [`OUTLETS_SHOWN`].
    pub(crate) fn chart_groups(&self) -> Vec<String> {
        members(&self.rates, &self.outlets)
    }
}

/// One partition of the documents as the charts show it: the outlets, or the groups.
pub(crate) struct View<'m> {
    /// What a member is called ("outlet", "group").
    pub(crate) noun: &'static str,
    /// Prefix of the element ids of this view.
    pub(crate) id: &'static str,
    /// Added to a dimension's heading.
    pub(crate) suffix: &'static str,
    pub(crate) rates: &'m [NamedRate],
    pub(crate) contrasts: &'m [NamedContrast],
    /// The members drawn, in order.
    pub(crate) members: Vec<String>,
    /// Whether the authorial vs quoted voice is shown (from the per-outlet aggregates).
    pub(crate) voice: bool,
}

/// The members with rates: those of `order` first, in its order, then the others by name;
/// at most [`OUTLETS_SHOWN`].
fn members(rates: &[NamedRate], order: &[(String, u64, u64)]) -> Vec<String> {
    let with_rates: BTreeSet<&str> = rates.iter().map(|r| r.outlet.as_str()).collect();
    let known: BTreeSet<&str> = order.iter().map(|o| o.0.as_str()).collect();
    let mut v: Vec<String> =
        order.iter().filter(|o| with_rates.contains(o.0.as_str())).map(|o| o.0.clone()).collect();
    v.extend(with_rates.iter().filter(|g| !known.contains(*g)).map(|g| g.to_string()));
    v.truncate(OUTLETS_SHOWN);
    v
}
