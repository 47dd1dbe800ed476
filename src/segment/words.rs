//! Word boundaries (UAX #29 words that contain a letter or digit). A hand-written fast path
//! covers text made of ASCII plus the typographic punctuation common in news (’ ‘ “ ” – — …
//! and no-break space) and gives exactly what `unicode_word_indices` gives there (a property
//! test checks it); any other character sends the paragraph to unicode-segmentation.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f(offset, word)` for each word of `text`, offsets relative to `text`.
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(usize, &str)) {
    if fast_path_applies(text) {
        ascii_words(text, f);
    } else {
        for (off, w) in text.unicode_word_indices() {
            f(off, w);
        }
    }
}

/// Whether every character is ASCII or one of the punctuation marks the fast path knows:
/// ’ ‘ “ ” – — … (E2 80 xx) and the no-break space (C2 A0).
pub(super) fn fast_path_applies(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&x| x >= 0x80) {
        i += off;
        match b[i..] {
            [0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6, ..] => i += 3,
            [0xC2, 0xA0, ..] => i += 2,
            _ => return false,
        }
    }
    true
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Under,
    /// `:` (MidLetter): joins letters.
    MidLetter,
    /// `.` `’` `‘` `'` (MidNumLet, Single_Quote): join letters, and digits.
    MidNumLet,
    /// `,` `;` (MidNum): join digits.
    MidNum,
    Other,
}

/// The class of an ASCII byte; every non-ASCII byte is `Other` (in the fast path the only
/// non-ASCII characters are punctuation, and ’ ‘ are recognised separately).
const fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Under,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidNumLet,
        b',' | b';' => Class::MidNum,
        _ => Class::Other,
    }
}

const CLASSES: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class(i as u8);
        i += 1;
    }
    t
};

fn is_core(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Under)
}

/// Whether `mid` between `left` and `right` keeps them in one word (WB6/7, WB11/12).
fn joins(left: Class, mid: Class, right: Class) -> bool {
    match mid {
        Class::MidLetter => left == Class::Letter && right == Class::Letter,
        Class::MidNumLet => {
            (left == Class::Letter && right == Class::Letter)
                || (left == Class::Digit && right == Class::Digit)
        }
        Class::MidNum => left == Class::Digit && right == Class::Digit,
        _ => false,
    }
}

fn ascii_words(text: &str, mut f: impl FnMut(usize, &str)) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let first = CLASSES[b[i] as usize];
        if !is_core(first) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = first;
        let mut has_alnum = first != Class::Under;
        i += 1;
        while i < n {
            let c = CLASSES[b[i] as usize];
            if is_core(c) {
                last = c;
                has_alnum |= c != Class::Under;
                i += 1;
                continue;
            }
            // A mid character joins only when the characters on both sides allow it.
            let (mid, len) = match b[i..] {
                [0xE2, 0x80, 0x98 | 0x99, ..] => (Class::MidNumLet, 3),
                _ => (c, 1),
            };
            let after = b.get(i + len).map_or(Class::Other, |&x| CLASSES[x as usize]);
            if !joins(last, mid, after) {
                break;
            }
            i += len;
        }
        if has_alnum {
            f(start, &text[start..i]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast(text: &str) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        ascii_words(text, |o, w| v.push((o, w.to_string())));
        v
    }

    fn reference(text: &str) -> Vec<(usize, String)> {
        text.unicode_word_indices().map(|(o, w)| (o, w.to_string())).collect()
    }

    #[test]
    fn news_cases_equal_unicode_segmentation() {
        for t in [
            "The U.S. said 1,000.5 people—“don’t” go; a:b e.g. x_y __ _a 3'4 it's ‘quoted’ end…",
            "Trump’s regime’s; ’90s, rock’n’roll. A.L.F. 2024-25 $12.5m 9/11",
            "",
            "...",
            "a.",
            "'tis the 1990s' end",
        ] {
            assert_eq!(fast(t), reference(t), "{t}");
        }
    }

    fn fast_alphabet() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("a"),
            Just("Z"),
            Just("7"),
            Just("_"),
            Just(":"),
            Just("."),
            Just("'"),
            Just(","),
            Just(";"),
            Just(" "),
            Just("-"),
            Just("’"),
            Just("‘"),
            Just("“"),
            Just("”"),
            Just("–"),
            Just("—"),
            Just("…"),
            Just("\u{a0}"),
            Just("!"),
            Just("\""),
            Just("("),
            Just("\n"),
            Just("$")
        ];
        proptest::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_path_equals_unicode_segmentation(text in fast_alphabet()) {
            prop_assert!(fast_path_applies(&text));
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
