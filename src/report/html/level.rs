//! The `--report` levels: what `report.html` holds.

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
