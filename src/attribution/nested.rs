//! Attitudes inside reported content. `Ryan said he would support Trump` reports what Ryan
//! said; the support is part of what he said, not a second attribution by the outlet. Verbs
//! of belief, wish, expectation, appearance and position (`think`, `want`, `expect`, `seem`,
//! `support`) are attributions in the outlet's own voice (`Ryan supports Trump`) but not
//! inside the content of another attribution; speech verbs stay (`said that aides told
//! him`), since a report of a report names a second source.

use super::Attribution;
use crate::lexicon::Lexicon;

/// Removes from `atts[from..]` (one section's attributions) those whose cue is an attitude
/// verb inside the content of another attribution. `spans` is scratch space.
pub(super) fn drop_nested_attitudes(
    lex: &Lexicon,
    atts: &mut Vec<Attribution>,
    from: usize,
    spans: &mut Vec<(u32, u32)>,
) {
    spans.clear();
    spans.extend(
        atts[from..].iter().filter_map(|a| a.content.map(|c| (c.bytes.start, c.bytes.end))),
    );
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    // Running maximum of the ends: the content spans starting at or before a point reach
    // up to it when the largest end among them is past it.
    let mut reach = 0;
    for s in spans.iter_mut() {
        reach = reach.max(s.1);
        s.1 = reach;
    }
    let nested = |a: &Attribution| {
        let at = a.cue.bytes.start;
        let k = spans.partition_point(|s| s.0 <= at);
        k > 0 && spans[k - 1].1 > at && is_attitude(a.kind.lemma(lex))
    };
    let mut kept = from;
    for k in from..atts.len() {
        if !nested(&atts[k]) {
            atts.swap(kept, k);
            kept += 1;
        }
    }
    atts.truncate(kept);
}

/// Lemmas of the belief, wish and expectation, appearance and position classes of the
/// attribution lexicon (`lexicons/README.md`, *Verb classes added for attribution recall*).
fn is_attitude(lemma: &str) -> bool {
    matches!(
        lemma,
        "think"
            | "believe"
            | "consider"
            | "assume"
            | "suspect"
            | "guess"
            | "imagine"
            | "doubt"
            | "wonder"
            | "know"
            | "see"
            | "view"
            | "want"
            | "wish"
            | "prefer"
            | "hope"
            | "expect"
            | "anticipate"
            | "seek"
            | "fear"
            | "worry"
            | "decide"
            | "seem"
            | "appear"
            | "show"
            | "support"
            | "oppose"
            | "endorse"
            | "favor"
            | "favour"
            | "agree"
            | "disagree"
            | "approve"
            | "embrace"
            | "advocate"
            | "refuse"
            | "offer"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::detect;

    fn cues(text: &str) -> Vec<String> {
        detect(text).into_iter().map(|r| r.cue).collect()
    }

    #[test]
    fn attitudes_inside_reported_content_are_not_attributions() {
        assert_eq!(cues("Ortiz said he would support Mora in May."), vec!["said"]);
        assert_eq!(cues("Ortiz supports Mora, and Mora said so."), vec!["supports", "said"]);
        assert_eq!(
            cues("Ortiz said that aides told him the port was closed."),
            vec!["said", "told"]
        );
    }
}
