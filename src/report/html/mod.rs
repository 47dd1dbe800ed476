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
pub(crate) mod level;
mod model;
mod page;
mod sections;
mod svg;

pub use level::ReportLevel;
pub(crate) use model::{Analysis, Model};

use crate::error::{Error, Result};
use page::Section;
use std::path::Path;

/// The page's file name.
pub(crate) const FILE: &str = "report.html";

/// The page of `m`.
pub(crate) fn render(m: &Model) -> String {
    let mut sections = vec![
        Section { id: "overview", title: "Overview".into(), body: sections::overview(m) },
        Section { id: "attribution", title: "Attribution".into(), body: sections::attribution(m) },
        Section {
            id: "distinctive",
            title: "Distinctive terms".into(),
            body: distinct::section(m),
        },
        Section { id: "labels", title: "Labels".into(), body: sections::labels(m) },
    ];
    if let (Some(a), ReportLevel::Full) = (&m.analysis, m.level) {
        sections.push(Section {
            id: "occurrences",
            title: "Occurrences in context".into(),
            body: distinct::occurrences(m, a),
        });
        sections.push(Section {
            id: "events",
            title: "Event view".into(),
            body: events::section(a.lex, &m.dims, &a.gathered.candidates),
        });
    }
    page::page("framelens report", &sections::intro(m), &sections)
}

/// Writes `dir/report.html` from `model` and syncs it.
pub(crate) fn write(dir: &Path, model: &Model) -> Result<()> {
    use std::io::Write;
    let path = dir.join(FILE);
    let page = render(model);
    let mut f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    f.write_all(page.as_bytes()).and_then(|()| f.sync_all()).map_err(|e| Error::io(&path, e))
}
