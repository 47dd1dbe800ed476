//! Word boundaries (UAX #29 words that contain a letter or digit). A hand-written fast path
//! covers text made of ASCII plus the typographic punctuation common in news (’ ‘ “ ” – — …
//! and no-break space) and gives exactly what `unicode_word_indices` gives there (a property
//! test checks it); any other character sends the paragraph to unicode-segmentation.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f(offset, word)` for each word of `text`, offsets relative to `text`.
///
/// The fast path covers all of `text` but the stretches around characters it does not know:
/// such a stretch reaches from the last safe cut before the character to the first after it
/// and goes to unicode-segmentation. A safe cut is a position after an ASCII space and before
/// another ASCII character that is not a space: UAX #29 always breaks there, and no rule looks
/// across it, so segmenting either side alone gives the same words.
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(usize, &str)) {
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let Some(unknown) = first_unknown(b, start) else {
            ascii_words(&text[start..], |o, w| f(start + o, w));
            return;
        };
        let cut = (start + 1..=unknown).rev().find(|&i| safe_cut(b, i)).unwrap_or(start);
        let resume = (unknown + 1..b.len()).find(|&i| safe_cut(b, i)).unwrap_or(b.len());
        ascii_words(&text[start..cut], |o, w| f(start + o, w));
        for (o, w) in text[cut..resume].unicode_word_indices() {
            f(cut + o, w);
        }
        start = resume;
    }
}

/// Whether segmentation may restart at `i` (see `for_each_word`).
fn safe_cut(b: &[u8], i: usize) -> bool {
    b[i - 1] == b' ' && b.get(i).is_some_and(|&c| c < 0x80 && c != b' ')
}

/// The offset of the first character from `from` on that the fast path does not know.
fn first_unknown(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = b[i..].iter().position(|&x| x >= 0x80) {
        i += off;
        match b[i..] {
            [0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6, ..] => i += 3,
            [0xC2, 0xA0, ..] => i += 2,
            _ => return Some(i),
        }
    }
    None
}

/// Whether every character is ASCII or one of the punctuation marks the fast path knows:
/// ’ ‘ “ ” – — … (E2 80 xx) and the no-break space (C2 A0).
#[cfg(test)]
fn fast_path_applies(text: &str) -> bool {
    first_unknown(text.as_bytes(), 0).is_none()
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

/// Whether a byte is a letter, digit or underscore (the bytes a word is made of).
const CORE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(class(i as u8), Class::Letter | Class::Digit | Class::Under);
        i += 1;
    }
    t
};

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

/// The words of `text` (where `fast_path_applies`). A word is a run of core bytes, joined
/// across one mid character when the core characters on both sides allow it; when a mid
/// character is looked at, the byte before it is always a core byte (a mid character is
/// consumed only when a core byte follows it), so that byte's class is the left side.
fn ascii_words(text: &str, mut f: impl FnMut(usize, &str)) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    loop {
        while i < n && !CORE[b[i] as usize] {
            i += 1;
        }
        if i == n {
            return;
        }
        let start = i;
        i += 1;
        loop {
            while i < n && CORE[b[i] as usize] {
                i += 1;
            }
            if i == n {
                break;
            }
            // A mid character joins only when the characters on both sides allow it.
            let (mid, len) = match b[i..] {
                [0xE2, 0x80, 0x98 | 0x99, ..] => (Class::MidNumLet, 3),
                _ => (CLASSES[b[i] as usize], 1),
            };
            let last = CLASSES[b[i - 1] as usize];
            let after = b.get(i + len).map_or(Class::Other, |&x| CLASSES[x as usize]);
            if !joins(last, mid, after) {
                break;
            }
            i += len;
        }
        // Only words with a letter or digit: not a run of underscores alone.
        if b[start] != b'_' || b[start..i].iter().any(|&c| c != b'_' && CORE[c as usize]) {
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

    fn mixed() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            fast_alphabet(),
            Just("é\u{301}".to_string()),
            Just("\u{345}".to_string()),
            Just("\u{200d}".to_string()),
            Just("\u{3000}".to_string()),
            Just("José".to_string()),
            Just("👍🏽".to_string()),
            Just("🇺🇸".to_string()),
            Just("™".to_string()),
            Just("\r\n".to_string()),
            "\\PC{0,4}",
        ];
        proptest::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    fn words(text: &str) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for_each_word(text, |o, w| v.push((o, w.to_string())));
        v
    }

    #[test]
    fn stretches_around_unknown_characters_equal_unicode_segmentation() {
        for t in
            ["José said: “no” — fine. Then ͅa b", "a \u{345}b c", "x  é y", " ™ ", "™", "ab™ cd ef"]
        {
            assert_eq!(words(t), reference(t), "{t}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn whole_texts_equal_unicode_segmentation(text in mixed()) {
            prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn fast_path_equals_unicode_segmentation(text in fast_alphabet()) {
            prop_assert!(fast_path_applies(&text));
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
