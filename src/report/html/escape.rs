//! Escaping for `report.html`: every piece of user text (article text, titles, outlet,
//! event and source names, URLs, lexicon terms) reaches the page through these functions.
//! Markup characters become entities, control and bidirectional formatting characters
//! become visible `⟨U+202E⟩` markers (so a right-to-left override cannot reorder what a
//! reader sees), and only `http:`/`https:` URLs become links.

use std::fmt::Write;

/// Whether `c` is shown as a `⟨U+XXXX⟩` marker rather than itself: C0/C1 controls other
/// than tab and newline, the bidirectional formatting characters, and other invisible
/// format characters that can disguise text.
fn shown_as_code(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}'
        | '\u{feff}' | '\u{061c}' | '\u{fff9}'..='\u{fffb}')
}

/// Appends `s` escaped for an element's content or a double-quoted attribute value.
pub(crate) fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if shown_as_code(c) => {
                let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// `s` escaped (see [`push_text`]).
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_text(&mut out, s);
    out
}

/// `url` when it is an absolute `http:` or `https:` URL without spaces or controls, else
/// `None` (a `javascript:` or `data:` URL is shown as text, never linked).
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !u.chars().any(|c| c.is_whitespace() || c.is_control() || shown_as_code(c));
    (scheme_ok && clean && u.len() > 8).then_some(u)
}

/// A link to `url` showing `label` when the URL is safe, else `label` and the URL as text.
pub(crate) fn link(url: &str, label: &str) -> String {
    match safe_url(url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            text(u),
            text(label)
        ),
        None if url.is_empty() => text(label),
        None => format!("{} <span class=\"unlinked\">({})</span>", text(label), text(url)),
    }
}

/// An id-safe token for `s` (letters, digits and `-`), unique for distinct inputs: a
/// readable prefix and a hash of the whole.
pub(crate) fn id_token(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    let _ = write!(out, "-{h:016x}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            text("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            text("</textarea><b a=\"1\">&amp;"),
            "&lt;/textarea&gt;&lt;b a=&quot;1&quot;&gt;&amp;amp;"
        );
    }

    #[test]
    fn bidi_and_controls_are_shown_as_codes() {
        assert_eq!(
            text("a\u{202e}b\u{2066}c\u{0}d\u{200b}"),
            "a⟨U+202E⟩b⟨U+2066⟩c⟨U+0000⟩d⟨U+200B⟩"
        );
        assert_eq!(text("line\nnext\ttab é 中"), "line\nnext\ttab é 中");
    }

    #[test]
    fn only_http_urls_are_links() {
        assert_eq!(safe_url(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url("HTTP://EXAMPLE.ORG"), Some("HTTP://EXAMPLE.ORG"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//example.org",
            "https://exa mple.org",
            "https://example.org/\u{202e}gpj",
            "http://",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
        let l = link("javascript:alert(1)", "t");
        assert!(!l.contains("href"), "{l}");
        let l = link("https://e.org/\"><script>", "<i>");
        assert_eq!(
            l,
            "<a href=\"https://e.org/&quot;&gt;&lt;script&gt;\" rel=\"noopener noreferrer nofollow\">&lt;i&gt;</a>"
        );
    }

    #[test]
    fn id_tokens_are_safe_and_distinct() {
        let a = id_token("Harbor Daily");
        assert!(a.starts_with("harbordaily-"), "{a}");
        assert_ne!(id_token("a b"), id_token("ab"));
        assert!(id_token("\"><script>").chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    proptest! {
        /// Whatever the input, the escaped text holds no markup character and no bidi control.
        #[test]
        fn escaped_text_has_no_markup(s in "\\PC*|[<>&\"'\u{202a}-\u{202e}\u{2066}-\u{2069}a ]*") {
            let t = text(&s);
            prop_assert!(!t.contains(['<', '>', '"', '\'']));
            prop_assert!(!t.chars().any(shown_as_code));
            prop_assert!(t.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")
                .replace("&quot;", "").replace("&#39;", "").matches('&').count() == 0);
        }
    }
}
