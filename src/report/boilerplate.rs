//! `boilerplate.csv`: the lines each outlet repeats verbatim in several documents (found by
//! the first pass of `crate::boilerplate`), sorted by outlet, then text.

use super::schema;
use super::table::{Closed, ReportOptions, Table};
use crate::boilerplate::Boilerplate;
use crate::error::Result;
use std::path::Path;

pub(super) fn write(dir: &Path, bp: &Boilerplate, opts: &ReportOptions) -> Result<Closed> {
    let mut t = Table::create(dir, &schema::BOILERPLATE, &[], opts)?;
    let c = &opts.cells;
    for line in bp.lines() {
        let r = t.cells();
        r.text(c, &line.outlet);
        r.int(line.documents);
        r.text_one_line(c, &line.text);
        t.end_row()?;
    }
    t.close()
}
