//! `report.html`: the page a reader opens first. One self-contained file (inline CSS,
//! JavaScript and SVG, no request of any kind, a Content-Security-Policy that allows only
//! its own style and script) built from the values the tables are written from: the
//! comparison's rows (`kept`), the integer aggregates, and what `gather` keeps of the
//! documents. Sections: overview (rates with bootstrap intervals, authorial vs quoted
//! voice), attribution (stance mix, sources and their verbs), distinctive terms (Fightin'
//! Words plot and ranked table per dimension and comparison), labels, and the event view
//! (articles side by side with every hit marked; `analyze` only). Every dimension (top-level
//! category) gets its part of each section from one list, so new ones slot in. Caps keep
//! the page small on large runs; each is stated on the page. `escape` is the one way user
//! text reaches the page.

mod distinct;
mod escape;
mod events;
pub(crate) mod gather;
pub(crate) mod kept;
mod page;
mod sections;
mod svg;

use crate::aggregate::Aggregates;
use crate::compare::CompareInput;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use gather::Gathered;
use kept::{NamedContrast, NamedRate};
use std::collections::BTreeSet;
use std::path::Path;

/// The page's file name.
pub(crate) const FILE: &str = "report.html";

/// What `report.html` holds (`--report`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReportLevel {
    /// No page.
    None,
    /// Every section but the event view and the occurrences in context.
    Summary,
    /// Every section (the default).
    #[default]
    Full,
}

impl ReportLevel {
    /// `none`, `summary` or `full`.
    pub fn parse(s: &str) -> Option<ReportLevel> {
        match s {
            "none" => Some(ReportLevel::None),
            "summary" => Some(ReportLevel::Summary),
            "full" => Some(ReportLevel::Full),
            _ => None,
        }
    }
}

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

    /// The page.
    pub(crate) fn render(&self) -> String {
        sections::page(self)
    }
}

/// Writes `dir/report.html` from `model` and syncs it.
pub(crate) fn write(dir: &Path, model: &Model) -> Result<()> {
    use std::io::Write;
    let path = dir.join(FILE);
    let page = model.render();
    let mut f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    f.write_all(page.as_bytes()).and_then(|()| f.sync_all()).map_err(|e| Error::io(&path, e))
}
