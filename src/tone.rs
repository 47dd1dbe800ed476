//! Tone: a score in −1..1 per sentence from the valence of its hits, with VADER's rules
//! (Hutto & Gilbert 2014) for negation, boosters, emphasis and contrast. Each content entry
//! with a polarity carries valence polarity × (intensity + 1) / 2 (−4..+4, VADER's scale);
//! where hits of several files overlap, the strongest counts once. For each hit, in the
//! window of three words before it (within its phrase, nearest first), a booster adds
//! ±0.293 × (strength + 1) / 2 (× 0.95 at two words, × 0.9 at three) towards the hit's sign
//! and a negator multiplies by −0.74; an all-caps hit in a mixed-case sentence gains ±0.733.
//! With a contrastive `but` (not after "not only"), hits before it count × 0.5 and after it
//! × 1.5. `!` (up to 4) adds 0.292 each and `??`… adds 0.18 each (0.96 from four on) to the
//! magnitude of the sum x, and the sentence tone is x / √(x² + 15), clamped to −1..1.
//!
//! Sentence tones are quantised to millionths (integers), so per-document and per-outlet
//! means are exact sums whatever the thread count.

use crate::lexicon::Role;
use crate::segment::{ALL_CAPS, TokenBuffer};
use crate::view::SectionView;
use crate::view::marks::{DAMP, INT, Marks, NEG, NOT_ONLY, window};

/// Multiplier for a negated valence.
pub const NEGATION_SCALAR: f64 = -0.74;
/// Increment of a booster of strength 1.
pub const BOOSTER_INCREMENT: f64 = 0.293;
/// Increment of an all-caps word in a mixed-case sentence.
pub const CAPS_INCREMENT: f64 = 0.733;
/// Weight of hits before a contrastive `but`.
pub const BUT_BEFORE: f64 = 0.5;
/// Weight of hits after a contrastive `but`.
pub const BUT_AFTER: f64 = 1.5;
/// Normalisation constant: x / √(x² + ALPHA).
pub const ALPHA: f64 = 15.0;
/// Booster weight by distance (1, 2, 3 words before the hit).
const DISTANCE: [f64; 3] = [1.0, 0.95, 0.9];
/// Sentence tones are stored as integers in these units.
pub const TONE_SCALE: f64 = 1_000_000.0;

/// The tone of one sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SentenceTone {
    /// Tone × [`TONE_SCALE`], rounded.
    pub(crate) micro: i32,
    /// Whether any hit with valence occurs in the sentence.
    pub(crate) toned: bool,
}

/// Reusable buffers: the valence-bearing hits of a section, overlaps resolved.
#[derive(Default)]
pub(crate) struct ToneScratch {
    carriers: Vec<(u32, u32, f64)>,
}

/// VADER's normalisation of a sum of valences to −1..1.
pub fn normalize(x: f64) -> f64 {
    (x / (x * x + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// Scores every sentence of a section into `out` (one entry per sentence, in order).
pub(crate) fn score_sentences(
    view: &SectionView,
    scratch: &mut ToneScratch,
    out: &mut Vec<SentenceTone>,
) {
    out.clear();
    let c = &mut scratch.carriers;
    carriers(view, c);
    let mut next = 0;
    for s in &view.buf.sentences {
        let (first, end) = (s.first_token as usize, s.end_token as usize);
        let start = next;
        while next < c.len() && (c[next].0 as usize) < end {
            next += 1;
        }
        let carriers = &c[start..next];
        if carriers.is_empty() {
            out.push(SentenceTone::default());
            continue;
        }
        let toks = &view.buf.tokens[first..end];
        let cap_diff = toks.iter().any(|t| t.flags & ALL_CAPS == 0);
        let but = contrast(view.buf, view.marks, first, end);
        let sum =
            carriers.iter().fold(0.0, |sum, &c| sum + carrier_valence(view, c, cap_diff, but));
        let amp = emphasis(&view.text[s.span.range()]);
        let sum = if sum == 0.0 { sum } else { sum + amp.copysign(sum) };
        out.push(SentenceTone { micro: (normalize(sum) * TONE_SCALE).round() as i32, toned: true });
    }
}

/// The valence-bearing hits of the section into `c` as (first token, end token, valence);
/// where hits overlap, the strongest.
fn carriers(view: &SectionView, c: &mut Vec<(u32, u32, f64)>) {
    c.clear();
    for h in view.hits {
        let v = view.roles.valence(h.entry);
        if v == 0.0 || view.roles.role(h.entry) != Role::Content {
            continue;
        }
        match c.last_mut() {
            Some(last) if h.first < last.1 => {
                if v.abs() > last.2.abs() {
                    *last = (h.first, h.end, v);
                }
            }
            _ => c.push((h.first, h.end, v)),
        }
    }
}

/// The valence of one carrier after capitals, boosters, negators and a contrastive `but`
/// (token `but` of its sentence); `cap_diff`: its sentence is not all capitals.
fn carrier_valence(
    view: &SectionView,
    (h_first, h_end, valence): (u32, u32, f64),
    cap_diff: bool,
    but: Option<usize>,
) -> f64 {
    let marks = view.marks;
    let mut v = valence;
    let caps =
        view.buf.tokens[h_first as usize..h_end as usize].iter().all(|t| t.flags & ALL_CAPS != 0);
    if caps && cap_diff {
        v += CAPS_INCREMENT.copysign(v);
    }
    for (d, j) in window(h_first as usize, view.units) {
        let bits = marks.bits[j];
        if bits & (INT | DAMP) != 0 {
            let mut step = BOOSTER_INCREMENT * (f64::from(marks.strength[j]) + 1.0) / 2.0;
            if bits & DAMP != 0 {
                step = -step;
            }
            if v < 0.0 {
                step = -step;
            }
            v += step * DISTANCE[d - 1];
        }
        if bits & NEG != 0 {
            v *= NEGATION_SCALAR;
        }
    }
    match but {
        Some(b) if (h_first as usize) < b => v * BUT_BEFORE,
        Some(b) if (h_first as usize) > b => v * BUT_AFTER,
        _ => v,
    }
}

/// The token index of the sentence's contrastive `but`, if any: the first `but` with no
/// "not only" before it in the sentence.
fn contrast(buf: &TokenBuffer, marks: &Marks, first: usize, end: usize) -> Option<usize> {
    let mut additive = false;
    for i in first..end {
        additive |= marks.bits[i] & NOT_ONLY != 0;
        if buf.norm(&buf.tokens[i]) == "but" {
            return (!additive).then_some(i);
        }
    }
    None
}

/// VADER's punctuation emphasis: 0.292 per `!` (at most 4); with two or three `?`, 0.18 each,
/// with more, 0.96.
fn emphasis(sentence: &str) -> f64 {
    let bangs = sentence.bytes().filter(|&b| b == b'!').count().min(4);
    let questions = sentence.bytes().filter(|&b| b == b'?').count();
    let q = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    bangs as f64 * 0.292 + q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::testing::lexicon;
    use crate::view::{Section, ViewScratch};

    /// The tone of each sentence of `text`, as floats.
    fn tones(text: &str) -> Vec<f64> {
        let lex = lexicon();
        let mut vs = ViewScratch::new();
        let view = vs.build(&lex, Section::Body, text);
        let mut out = Vec::new();
        score_sentences(&view, &mut ToneScratch::default(), &mut out);
        out.iter().map(|t| f64::from(t.micro) / TONE_SCALE).collect()
    }

    fn tone(text: &str) -> f64 {
        let t = tones(text);
        assert_eq!(t.len(), 1, "{text}");
        t[0]
    }

    /// Hand-computed: x / sqrt(x² + 15) for the x given in each test.
    fn close(got: f64, want: f64) {
        assert!((got - want).abs() <= 1e-6, "got {got}, want {want}");
    }

    #[test]
    fn valence_is_polarity_scaled_by_intensity() {
        // brutal: −2 at intensity 2 → −3; −3/√24 = −0.612372.
        close(tone("The raid was brutal."), -0.612372);
        // heroic +3 and justified +1 → 4; 4/√31 = 0.718421.
        close(tone("A heroic and justified act."), 0.718421);
        assert_eq!(tone("A calm day."), 0.0);
    }

    #[test]
    fn negation_flips_and_scales() {
        // −3 × −0.74 = 2.22; 2.22/√(4.9284 + 15) = 0.497298.
        close(tone("The raid was not brutal."), 0.497298);
        // Double negation: 1 × −0.74 × −0.74 = 0.5476; /√15.29987 = 0.139997.
        close(tone("It was not never justified."), 0.139997);
    }

    #[test]
    fn boosters_add_towards_the_sign_by_distance() {
        // −3 − 0.293 = −3.293 → −0.647759.
        close(tone("A very brutal raid."), -0.647759);
        // dampener: −3 + 0.293 = −2.707 → −0.572882.
        close(tone("A somewhat brutal raid."), -0.572882);
        // deeply (strength 2) two words before: 3 + 0.293 × 1.5 × 0.95 = 3.417525 → 0.661642.
        close(tone("A deeply and heroic act."), 0.661642);
        // not very brutal: (−3 − 0.293) × −0.74 = 2.43682 → 0.532543.
        close(tone("It was not very brutal."), 0.532543);
    }

    #[test]
    fn but_weights_and_not_only() {
        // (1 + 1) × 0.5 + (−3) × 1.5 = −3.5 → −0.670478.
        close(tone("The reform was justified, but the raid was brutal."), -0.670478);
        // "not only … but" is additive: 3 + 1 = 4 → 0.718421.
        close(tone("Not only heroic but justified."), 0.718421);
    }

    #[test]
    fn capitals_and_exclamation_marks_emphasise() {
        // −3 − 0.733 = −3.733 → −0.693975.
        close(tone("The raid was BRUTAL."), -0.693975);
        // −3 − 2 × 0.292 = −3.584 → −0.679194.
        close(tone("The raid was brutal!!"), -0.679194);
        // All caps everywhere: no emphasis.
        close(tone("THE RAID WAS BRUTAL."), -0.612372);
    }

    #[test]
    fn overlapping_hits_count_once_and_sentences_score_separately() {
        // "terrorist" is loaded (−4) only; the strongest of overlapping hits counts once.
        close(tone("A terrorist."), -4.0 / 31f64.sqrt());
        let t = tones("Brutal. Calm. Heroic!");
        assert_eq!(t.len(), 3);
        close(t[0], -0.612372);
        assert_eq!(t[1], 0.0);
        // 3 + 0.292 = 3.292 → 0.647644.
        close(t[2], 0.647644);
    }
}
