//! Attitudes inside reported content. `Ryan said he would support Trump` reports what Ryan
//! said; the support is part of what he said, not a second attribution by the outlet. Verbs
//! of belief, wish, expectation, appearance and position (`think`, `want`, `expect`, `seem`,
//! `support`) are attributions in the outlet's own voice (`Ryan supports Trump`) but not
//! inside the content of another attribution; speech verbs stay (`said that aides told
//! him`), since a report of a report names a second source. `detect_section` drops an
//! attitude whose cue a [`Contents`] covers.

use crate::segment::Span;

/// The content spans of one section's attributions, for asking whether a point lies inside
/// one of them.
#[derive(Default)]
pub(super) struct Contents {
    /// (start, largest end of the spans starting at or before it), sorted by start.
    spans: Vec<(u32, u32)>,
}

impl Contents {
    /// Indexes `spans`.
    pub(super) fn index(&mut self, spans: impl Iterator<Item = Span>) {
        self.spans.clear();
        self.spans.extend(spans.map(|c| (c.start, c.end)));
        self.spans.sort_unstable();
        // Running maximum of the ends: the content spans starting at or before a point reach
        // up to it when the largest end among them is past it.
        let mut reach = 0;
        for s in self.spans.iter_mut() {
            reach = reach.max(s.1);
            s.1 = reach;
        }
    }

    /// Whether byte `at` is inside a content span.
    pub(super) fn cover(&self, at: u32) -> bool {
        let k = self.spans.partition_point(|s| s.0 <= at);
        k > 0 && self.spans[k - 1].1 > at
    }
}
