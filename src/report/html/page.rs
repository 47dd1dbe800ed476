//! The page around the sections: the document head with its Content-Security-Policy, the
//! inline style and script (allowed by their SHA-256 hashes, computed here from the exact
//! bytes embedded, so nothing else inline can run or style the page), the navigation, and
//! the sections in order.

use super::escape::text;
use sha2::{Digest, Sha256};

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

/// Standard base64 of `bytes`.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source expression allowing inline `content`.
fn hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// The Content-Security-Policy of the page: nothing may load (`default-src 'none'`), only
/// the embedded style and script apply, images only as `data:` (none are used today).
pub(crate) fn policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        hash(CSS),
        hash(JS)
    )
}

/// One section of the page.
pub(crate) struct Section {
    /// Its element id (ASCII).
    pub(crate) id: &'static str,
    /// Its heading.
    pub(crate) title: String,
    /// Its content (HTML, every user string already escaped).
    pub(crate) body: String,
}

/// The whole page.
pub(crate) fn page(title: &str, intro: &str, sections: &[Section]) -> String {
    let mut s =
        String::with_capacity(sections.iter().map(|x| x.body.len()).sum::<usize>() + 16_384);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    s.push_str(&policy());
    s.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    s.push_str(&text(title));
    s.push_str("</title>\n<style>");
    s.push_str(CSS);
    s.push_str("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the results</a>\n<header><h1>");
    s.push_str(&text(title));
    s.push_str("</h1>");
    s.push_str(intro);
    s.push_str("<nav aria-label=\"Sections\"><ul>");
    for x in sections {
        s.push_str(&format!("<li><a href=\"#{}\">{}</a></li>", x.id, text(&x.title)));
    }
    s.push_str("</ul></nav></header>\n<main id=\"main\">\n");
    for x in sections {
        s.push_str(&format!(
            "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">{}</h2>\n",
            x.id,
            x.id,
            x.id,
            text(&x.title)
        ));
        s.push_str(&x.body);
        s.push_str("\n</section>\n");
    }
    s.push_str("</main>\n<script>");
    s.push_str(JS);
    s.push_str("</script>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // echo -n abc | openssl dgst -sha256 -binary | base64
        assert_eq!(hash("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    }

    #[test]
    fn the_page_carries_the_policy_and_escapes_titles() {
        let s = page(
            "</title><script>alert(1)</script>",
            "",
            &[Section { id: "overview", title: "<b>".into(), body: "<p>x</p>".into() }],
        );
        assert!(s.contains("default-src 'none'"));
        assert!(s.contains(&hash(CSS)) && s.contains(&hash(JS)));
        assert_eq!(s.matches("<script>").count(), 1, "only the page's own script");
        assert!(s.contains("&lt;/title&gt;&lt;script&gt;"));
        assert!(s.contains("<h2 id=\"overview-h\">&lt;b&gt;</h2>"));
        assert!(!CSS.contains("</style") && !JS.contains("</script"));
    }
}
