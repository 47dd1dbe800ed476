//! Patterns that can never match: the words of a phrase must stand in one sentence separated
//! only by white space or hyphens, so a pattern that needs any other character between two of
//! its words (`9/11`, `and/or`, `u.s. troops`, `u.s.-backed`) is dead as written.

use super::context::{Ctx, Findings};
use crate::lexicon::EntryId;
use crate::segment::joinable;
use unicode_segmentation::UnicodeSegmentation;

pub(super) fn never_matches(cx: &Ctx, out: &mut Findings) {
    for (id, e) in cx.lex.entries().iter().enumerate() {
        if let Some(why) = blocking_gap(&e.pattern) {
            out.push(
                EntryId(id as u32),
                "never-matches",
                format!(
                    "'{}' can never match: {why}, but the words of a phrase may be separated only by spaces or hyphens",
                    e.pattern
                ),
            );
        }
    }
}

/// Why `pattern` needs a character between two of its words that matching never allows.
fn blocking_gap(pattern: &str) -> Option<String> {
    let raws: Vec<&str> = pattern.split_whitespace().collect();
    for (r, raw) in raws.iter().enumerate() {
        let body = raw.strip_prefix('=').unwrap_or(raw);
        let body = body.strip_suffix('*').unwrap_or(body);
        let words: Vec<(usize, &str)> = body.unicode_word_indices().collect();
        let (Some(&(first, _)), Some(&(last_off, last))) = (words.first(), words.last()) else {
            continue;
        };
        for pair in words.windows(2) {
            let (a_off, a) = pair[0];
            let gap = &body[a_off + a.len()..pair[1].0];
            if !joinable(gap) {
                return Some(format!("'{}' is split into words at '{gap}'", raw));
            }
        }
        let lead = &body[..first];
        let trail = &body[last_off + last.len()..];
        if r > 0 && !joinable(lead) {
            return Some(format!("'{raw}' starts with '{lead}', which would stand between words"));
        }
        if r + 1 < raws.len() && !joinable(trail) {
            return Some(format!("'{raw}' ends with '{trail}', which would stand between words"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_that_block_a_phrase() {
        for dead in ["9/11", "=and/or", "u.s. troops", "=u.s.-backed", "war (on) terror", "a, b"] {
            assert!(blocking_gap(dead).is_some(), "{dead}");
        }
        for live in [
            "u.s.",
            "=u.s",
            "so-called",
            "=so-called",
            "=don't",
            "#metoo",
            "anti- semit*",
            "x",
            "=e.g.",
        ] {
            assert_eq!(blocking_gap(live), None, "{live}");
        }
    }
}
