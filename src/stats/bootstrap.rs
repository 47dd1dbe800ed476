//! Seeded percentile bootstrap (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*,
//! ch. 13) for ratios of sums: a rate such as hits per 1,000 tokens over a group of documents
//! is resampled by drawing the group's documents with replacement.
//!
//! The procedure is fixed so that anyone can reproduce the bytes (README, "Comparing outlets"):
//! - the generator is SplitMix64 (Steele, Lea & Flood 2014), its state starting at
//!   `seed XOR FNV-1a-64(key)`, where `key` names the group, so a group's intervals do not
//!   depend on which other groups exist;
//! - a replicate draws n units (n = the group's documents), each as `(x · n) >> 64` for the
//!   next 64-bit output x;
//! - its rate is `scale · Σ counts / Σ totals` over the drawn units, from integer sums; a
//!   replicate whose total is 0 is skipped (the rate is undefined);
//! - the interval is a pair of type-7 quantiles ([`super::quantile`]) of the replicate rates,
//!   0.025 and 0.975 for a 95 % interval.

/// The SplitMix64 generator.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose state starts at `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// A generator for the stream named `key`: state `seed XOR FNV-1a-64(key)`.
    pub fn for_stream(seed: u64, key: &[u8]) -> SplitMix64 {
        SplitMix64::new(seed ^ fnv1a64(key))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` by multiply-shift (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// FNV-1a, 64-bit.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// The resampling units (documents) of one group, each with its denominator (tokens) and its
/// non-zero counts of features `0..features`, stored compactly: per chunk of
/// `FEATURE_CHUNK` features, one `u32` per (feature, count) — the feature within the chunk
/// in the high bits, the count in the low `COUNT_BITS` (a larger count takes several
/// entries; only sums matter).
#[derive(Clone, Debug)]
pub struct Sample {
    features: usize,
    totals: Vec<u64>,
    /// The largest sum of one unit's counts (bounds every replicate's sums).
    largest: u64,
    /// Per chunk: the packed entries, and where each unit's start (one more offset than units).
    chunks: Vec<(Vec<u32>, Vec<usize>)>,
}

/// Bits of a count in a packed entry.
const COUNT_BITS: u32 = 23;
const COUNT_MAX: u64 = (1 << COUNT_BITS) - 1;

impl Sample {
    /// No units yet, over `features` features.
    pub fn new(features: usize) -> Sample {
        let chunks = features.div_ceil(FEATURE_CHUNK).max(1);
        Sample {
            features,
            totals: Vec::new(),
            largest: 0,
            chunks: vec![(Vec::new(), vec![0]); chunks],
        }
    }

    /// Adds a unit: its denominator and (feature, count) pairs with features below the
    /// sample's (in any order; a feature may repeat).
    pub fn push(&mut self, total: u64, counts: impl IntoIterator<Item = (u32, u64)>) {
        self.totals.push(total);
        let mut sum = 0u64;
        for (f, mut c) in counts {
            sum = sum.saturating_add(c);
            debug_assert!((f as usize) < self.features);
            let (entries, _) = &mut self.chunks[f as usize / FEATURE_CHUNK];
            let high = ((f as usize % FEATURE_CHUNK) as u32) << COUNT_BITS;
            while c > 0 {
                let part = c.min(COUNT_MAX);
                entries.push(high | part as u32);
                c -= part;
            }
        }
        for (entries, offsets) in &mut self.chunks {
            offsets.push(entries.len());
        }
        self.largest = self.largest.max(sum);
    }

    /// Units added.
    pub fn len(&self) -> usize {
        self.totals.len()
    }

    /// Whether no unit was added.
    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }
}

/// A percentile interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The result for a set of features: one interval per feature (`None` when no replicate was
/// valid) and how many replicates were valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Intervals {
    /// Per feature.
    pub intervals: Vec<Option<Interval>>,
    /// Replicates with a non-zero total.
    pub valid: u32,
}

/// Features whose replicate values are held at once: the replicates are drawn again for each
/// chunk (the same draws: the generator restarts from the same state), so memory is bounded by
/// this × replicates, not by the number of features.
const FEATURE_CHUNK: usize = 512;

/// Replicates computed together in one pass over the counts (a vector of sums per feature),
/// so the counts are read once per block instead of once per replicate.
const BLOCK: usize = 16;

/// One block's sums per feature: `u32` when no sum can exceed it (the largest unit's count
/// times the units drawn per replicate), which the baseline x86-64 target adds 4 at a time
/// (a count of 1, most of them, needs no multiply); `f64` otherwise (exact: integers far
/// below 2^53). Either way each sum is the same integer, so the rates are the same bits.
enum Sums {
    Narrow(Vec<[u32; BLOCK]>),
    Wide(Vec<[f64; BLOCK]>),
}

impl Sums {
    fn new(sample: &Sample, width: usize) -> Sums {
        let bound = sample.largest.checked_mul(sample.len() as u64);
        match bound.is_some_and(|b| b <= u64::from(u32::MAX)) {
            true => Sums::Narrow(vec![[0; BLOCK]; width]),
            false => Sums::Wide(vec![[0.0; BLOCK]; width]),
        }
    }

    /// Σ count · weight per feature of the first `width` over every unit, from zero. With
    /// AVX2 when the processor has it (8 lanes and a 32-bit multiply: the same integers).
    fn accumulate(
        &mut self,
        width: usize,
        chunk: &(Vec<u32>, Vec<usize>),
        weights: &[[u32; BLOCK]],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, the only requirement of the function.
            unsafe { self.accumulate_avx2(width, chunk, weights) };
            return;
        }
        self.accumulate_inline(width, chunk, weights);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn accumulate_avx2(
        &mut self,
        width: usize,
        chunk: &(Vec<u32>, Vec<usize>),
        weights: &[[u32; BLOCK]],
    ) {
        self.accumulate_inline(width, chunk, weights);
    }

    #[inline(always)]
    fn accumulate_inline(
        &mut self,
        width: usize,
        chunk: &(Vec<u32>, Vec<usize>),
        weights: &[[u32; BLOCK]],
    ) {
        let (entries, offsets) = chunk;
        let spans =
            weights.iter().enumerate().map(|(d, w)| (w, &entries[offsets[d]..offsets[d + 1]]));
        match self {
            Sums::Narrow(sums) => {
                sums[..width].iter_mut().for_each(|s| *s = [0; BLOCK]);
                for (w, span) in spans {
                    for &e in span {
                        let (f, c) = ((e >> COUNT_BITS) as usize, e & COUNT_MAX as u32);
                        let s = &mut sums[f];
                        if c == 1 {
                            (0..BLOCK).for_each(|r| s[r] = s[r].wrapping_add(w[r]));
                        } else {
                            (0..BLOCK).for_each(|r| s[r] = s[r].wrapping_add(c.wrapping_mul(w[r])));
                        }
                    }
                }
            }
            Sums::Wide(sums) => {
                sums[..width].iter_mut().for_each(|s| *s = [0.0; BLOCK]);
                for (w, span) in spans {
                    let w = w.map(f64::from);
                    for &e in span {
                        let (f, c) = ((e >> COUNT_BITS) as usize, f64::from(e & COUNT_MAX as u32));
                        let s = &mut sums[f];
                        (0..BLOCK).for_each(|r| s[r] += c * w[r]);
                    }
                }
            }
        }
    }

    /// The rates `scale · sum / total` (as bits) of the block's `live` replicates (position in
    /// the block, total), for the first `width` features: feature f's at `values[f · b + at..]`.
    fn rates(
        &self,
        width: usize,
        live: &[(usize, f64)],
        scale: f64,
        values: &mut [u64],
        b: usize,
        at: usize,
    ) {
        fn write<T: Copy + Into<f64>>(
            sums: &[[T; BLOCK]],
            live: &[(usize, f64)],
            scale: f64,
            values: &mut [u64],
            b: usize,
            at: usize,
        ) {
            if live.len() == BLOCK {
                // Every replicate of a full block valid (the usual case): lane r is replicate r.
                let totals: [f64; BLOCK] = std::array::from_fn(|r| live[r].1);
                for (f, s) in sums.iter().enumerate() {
                    let out = &mut values[f * b + at..f * b + at + BLOCK];
                    for r in 0..BLOCK {
                        out[r] = (s[r].into() * scale / totals[r]).to_bits();
                    }
                }
                return;
            }
            for (f, s) in sums.iter().enumerate() {
                let out = &mut values[f * b + at..f * b + at + live.len()];
                for (v, &(r, total)) in out.iter_mut().zip(live) {
                    *v = (s[r].into() * scale / total).to_bits();
                }
            }
        }
        match self {
            Sums::Narrow(s) => write(&s[..width], live, scale, values, b, at),
            Sums::Wide(s) => write(&s[..width], live, scale, values, b, at),
        }
    }
}

/// Percentile intervals (the `probs` quantiles, e.g. 0.025 and 0.975) of
/// `scale · Σ count / Σ total` for every feature of `sample`, from `replicates` resamples of
/// its units drawn with `rng`.
///
/// Sums are exact integers ([`Sums`]), so each rate is the same number as
/// `(Σ count) as f64 · scale / (Σ total) as f64` from integer sums. `scale`
/// must be positive: rates are then non-negative, and their bit patterns order like them,
/// which the quantile selection uses.
pub fn ratio_intervals(
    sample: &Sample,
    replicates: u32,
    scale: f64,
    probs: (f64, f64),
    rng: &mut SplitMix64,
) -> Intervals {
    let (n, features) = (sample.len(), sample.features);
    if n == 0 || replicates == 0 {
        return Intervals { intervals: vec![None; features], valid: 0 };
    }
    let b = replicates as usize;
    let width_max = FEATURE_CHUNK.min(features);
    let mut weights = vec![[0u32; BLOCK]; n];
    let mut sums = Sums::new(sample, width_max);
    debug_assert!(scale > 0.0);
    // Feature-major: the replicate rates (as bits) of feature f are values[f·b .. f·b + valid].
    let mut values = vec![0u64; width_max * b];
    let mut intervals = Vec::with_capacity(features);
    let start = rng.clone();
    let mut valid = 0;
    for (k, chunk) in sample.chunks.iter().enumerate() {
        let width = (features - k * FEATURE_CHUNK).min(FEATURE_CHUNK);
        *rng = start.clone();
        valid = 0;
        let mut done = 0;
        while done < b {
            let block = BLOCK.min(b - done);
            let totals = draw_block(sample, &mut weights, block, rng);
            done += block;
            sums.accumulate(width, chunk, &weights);
            // The block's valid replicates, written feature by feature (contiguous per feature).
            let mut live = [(0usize, 0f64); BLOCK];
            let mut k = 0;
            for (r, &total) in totals.iter().enumerate().take(block) {
                if total != 0 {
                    live[k] = (r, total as f64);
                    k += 1;
                }
            }
            sums.rates(width, &live[..k], scale, &mut values, b, valid);
            valid += k;
        }
        intervals.extend((0..width).map(|f| {
            let (low, high) = rate_quantiles(&mut values[f * b..f * b + valid], probs)?;
            Some(Interval { low, high })
        }));
    }
    Intervals { intervals, valid: valid as u32 }
}

/// Draws `block` replicates: each unit's weight (times drawn) per replicate into `weights`;
/// returns each replicate's total.
fn draw_block(
    sample: &Sample,
    weights: &mut [[u32; BLOCK]],
    block: usize,
    rng: &mut SplitMix64,
) -> [u64; BLOCK] {
    let n = weights.len();
    weights.iter_mut().for_each(|w| *w = [0; BLOCK]);
    let mut totals = [0u64; BLOCK];
    for (r, total) in totals.iter_mut().enumerate().take(block) {
        for _ in 0..n {
            weights[rng.below(n as u64) as usize][r] += 1;
        }
        *total = sample.totals.iter().zip(weights.iter()).map(|(t, w)| t * u64::from(w[r])).sum();
    }
    totals
}

/// [`super::quantile`]s `p.0` ≤ `p.1` of non-negative rates given as bits (ordered as the
/// rates are), by selection: the first order statistic among all values, the second among
/// those above it.
fn rate_quantiles(bits: &mut [u64], p: (f64, f64)) -> Option<(f64, f64)> {
    let last = bits.len().checked_sub(1)?;
    let h = |p: f64| last as f64 * p.clamp(0.0, 1.0);
    let (h0, h1) = (h(p.0), h(p.1));
    let (lo0, lo1) = (h0.floor() as usize, h1.floor() as usize);
    let (a0, b0, a1, b1);
    if let Some(t) = tails(bits, lo0, lo1) {
        (a0, b0, a1, b1) = t;
    } else {
        (a0, b0, a1, b1) = selected(bits, lo0, lo1);
    }
    let lerp = |a: u64, b: u64, h: f64, lo: usize| {
        let (a, b) = (f64::from_bits(a), f64::from_bits(b));
        a + (h - lo as f64) * (b - a)
    };
    Some((lerp(a0, b0, h0, lo0), lerp(a1, b1, h1, lo1)))
}

/// The most values kept at each end by [`tails`].
const TAIL_MAX: usize = 64;

/// Order statistics `lo0`, `lo0 + 1`, `lo1` and `lo1 + 1` (the last one where that is past
/// the end) of `bits`, when both ends are short (an interval's tails): one pass keeping the
/// smallest `lo0 + 2` and the largest `len − lo1` values in small sorted arrays. `None` when
/// the ends are long or meet ([`selected`] then).
fn tails(bits: &[u64], lo0: usize, lo1: usize) -> Option<(u64, u64, u64, u64)> {
    let (k_lo, k_hi) = (lo0 + 2, bits.len() - lo1);
    if k_lo > TAIL_MAX || k_hi > TAIL_MAX || 2 * (k_lo + k_hi) > bits.len() {
        return None;
    }
    // The first k values sorted give both ends' starting contents.
    let k = k_lo.max(k_hi);
    let mut first = [0u64; TAIL_MAX];
    let first = &mut first[..k];
    first.copy_from_slice(&bits[..k]);
    first.sort_unstable();
    let mut low = [0u64; TAIL_MAX];
    let low = &mut low[..k_lo];
    low.copy_from_slice(&first[..k_lo]);
    // `high` runs from the largest down.
    let mut high = [0u64; TAIL_MAX];
    let high = &mut high[..k_hi];
    high.iter_mut().zip(first.iter().rev()).for_each(|(h, &x)| *h = x);
    for &x in &bits[k..] {
        if x < low[k_lo - 1] {
            insert(low, x, |a, b| a < b);
        }
        if x > high[k_hi - 1] {
            insert(high, x, |a, b| a > b);
        }
    }
    // Order statistic lo1 is the last of `high`.
    let b1 = if k_hi >= 2 { high[k_hi - 2] } else { high[0] };
    Some((low[lo0], low[lo0 + 1], high[k_hi - 1], b1))
}

/// Puts `x` into `keep` (sorted by `before`, a strict order, and `x` before its last) in
/// order, dropping the last.
fn insert(keep: &mut [u64], x: u64, before: impl Fn(u64, u64) -> bool) {
    let mut i = keep.len() - 1;
    while i > 0 && before(x, keep[i - 1]) {
        keep[i] = keep[i - 1];
        i -= 1;
    }
    keep[i] = x;
}

/// [`tails`] by selection, for any `lo0` ≤ `lo1` < `bits.len()`.
fn selected(bits: &mut [u64], lo0: usize, lo1: usize) -> (u64, u64, u64, u64) {
    let (_, &mut a0, right) = bits.select_nth_unstable(lo0);
    let (a1, b0, b1);
    if lo1 == lo0 {
        b0 = right.iter().copied().min().unwrap_or(a0);
        (a1, b1) = (a0, b0);
    } else {
        // `right` holds the order statistics lo0+1 ..= last.
        let (left, &mut x, rest) = right.select_nth_unstable(lo1 - lo0 - 1);
        b0 = left.iter().copied().min().unwrap_or(x);
        a1 = x;
        b1 = rest.iter().copied().min().unwrap_or(x);
    }
    (a0, b0, a1, b1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit as the tests write it.
    struct Unit<'a> {
        total: u64,
        counts: &'a [(u32, u64)],
    }

    fn boot(
        units: &[Unit],
        features: usize,
        replicates: u32,
        scale: f64,
        probs: (f64, f64),
        rng: &mut SplitMix64,
    ) -> Intervals {
        let mut s = Sample::new(features);
        for u in units {
            s.push(u.total, u.counts.iter().copied());
        }
        ratio_intervals(&s, replicates, scale, probs, rng)
    }

    #[test]
    fn counts_too_large_for_one_entry_are_split() {
        let big = [(1u32, (1u64 << 23) * 3 + 5)];
        let units = [Unit { total: 1 << 40, counts: &big }];
        let r = boot(&units, 2, 5, 1.0, P95, &mut SplitMix64::new(1));
        let rate = big[0].1 as f64 / (1u64 << 40) as f64;
        assert_eq!(r.intervals[1], Some(Interval { low: rate, high: rate }));
        assert_eq!(r.intervals[0], Some(Interval { low: 0.0, high: 0.0 }));
    }

    const P95: (f64, f64) = (0.025, 0.975);

    #[test]
    fn splitmix64_reference_outputs() {
        // First outputs for seed 0 of the reference implementation (Vigna, splitmix64.c).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SplitMix64::new(7);
        assert!((0..1000).all(|_| r.below(3) < 3));
        assert_eq!(r.below(1), 0);
    }

    #[test]
    fn chunks_of_features_give_the_intervals_of_one_pass() {
        // 1,200 features over 30 units (three chunks): every interval equals the one computed
        // for that feature alone, with the same generator state.
        let counts: Vec<Vec<(u32, u64)>> = (0..30u64)
            .map(|u| {
                (0..1200u32)
                    .filter(|f| (u32::from(u as u8) + f) % 3 != 0)
                    .map(|f| (f, (u + u64::from(f)) % 5))
                    .collect()
            })
            .collect();
        let units: Vec<Unit> = counts
            .iter()
            .enumerate()
            .map(|(i, c)| Unit { total: 50 + i as u64, counts: c })
            .collect();
        let mut rng = SplitMix64::new(9);
        let all = boot(&units, 1200, 40, 1000.0, P95, &mut rng);
        let mut after_one = SplitMix64::new(9);
        for f in [0u32, 511, 512, 1023, 1199] {
            let one: Vec<Vec<(u32, u64)>> = counts
                .iter()
                .map(|c| c.iter().filter(|x| x.0 == f).map(|&(_, n)| (0, n)).collect())
                .collect();
            let one: Vec<Unit> = one
                .iter()
                .enumerate()
                .map(|(i, c)| Unit { total: 50 + i as u64, counts: c })
                .collect();
            after_one = SplitMix64::new(9);
            let alone = boot(&one, 1, 40, 1000.0, P95, &mut after_one);
            assert_eq!(all.intervals[f as usize], alone.intervals[0], "feature {f}");
            assert_eq!(all.valid, alone.valid);
        }
        // The generator ends where one pass leaves it.
        assert_eq!(rng.next_u64(), after_one.next_u64());
    }

    /// The quantiles `pair` of `v` (non-empty) by [`rate_quantiles`], and by sorting.
    fn quantiles_both_ways(v: &[f64], pair: (f64, f64)) -> (Option<(f64, f64)>, (f64, f64)) {
        let mut sorted = v.to_vec();
        sorted.sort_by(f64::total_cmp);
        let want = (
            crate::stats::quantile(&sorted, pair.0).unwrap(),
            crate::stats::quantile(&sorted, pair.1).unwrap(),
        );
        let mut bits: Vec<u64> = v.iter().map(|x| x.to_bits()).collect();
        (rate_quantiles(&mut bits, pair), want)
    }

    #[test]
    fn quantiles_of_rate_bits_equal_sorted_quantiles() {
        let mut seed = 3u64;
        for n in [1usize, 2, 3, 4, 5, 40, 63, 129, 999, 1000] {
            let v: Vec<f64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if seed >> 60 == 0 { 0.0 } else { ((seed >> 33) % 1000) as f64 / 3.0 }
                })
                .collect();
            let pairs =
                [(0.025, 0.975), (0.0, 1.0), (0.5, 0.5), (0.3, 0.31), (0.05, 0.95), (0.0, 0.999)];
            for pair in pairs {
                let (got, want) = quantiles_both_ways(&v, pair);
                assert_eq!(got, Some(want), "n {n} {pair:?}");
            }
        }
        assert_eq!(rate_quantiles(&mut [], (0.1, 0.9)), None);
    }

    proptest::proptest! {
        #[test]
        fn quantiles_by_selection_equal_sorted_quantiles(
            v in proptest::prop_oneof![
                proptest::collection::vec(0u32..40, 1..1200),
                proptest::collection::vec(0u32..1_000_000, 1..1200),
            ],
            (p0, width) in proptest::prop_oneof![
                (0.0f64..1.0, 0.0f64..1.0),
                // Both tails, as intervals ask.
                (0.0f64..0.1, 0.8f64..1.0),
            ],
        ) {
            let v: Vec<f64> = v.into_iter().map(|x| f64::from(x) / 7.0).collect();
            let (got, want) = quantiles_both_ways(&v, (p0, (p0 + width).min(1.0)));
            proptest::prop_assert_eq!(got, Some(want));
        }
    }

    proptest::proptest! {
        #[test]
        fn tails_equal_selection(
            v in proptest::collection::vec(proptest::prop_oneof![0u64..5, proptest::prelude::any::<u64>()], 1..1200),
            (p0, p1) in (0.0f64..0.1, 0.9f64..=1.0),
        ) {
            let last = v.len() - 1;
            let (lo0, lo1) = ((last as f64 * p0) as usize, (last as f64 * p1) as usize);
            if let Some(t) = tails(&v, lo0, lo1) {
                proptest::prop_assert_eq!(t, selected(&mut v.clone(), lo0, lo1));
            }
        }

        /// Counts so large that the sums leave `u32` ([`Sums::Wide`]).
        #[test]
        fn wide_sums_equal_the_naive_procedure_bit_for_bit(
            units in proptest::collection::vec(
                (1u64..1 << 40, proptest::collection::vec(proptest::prop_oneof![0u64..3, (1u64 << 29)..(1 << 31)], 4)),
                1..12,
            ),
            replicates in 1u32..40,
            seed in proptest::prelude::any::<u64>(),
        ) {
            let mut s = Sample::new(4);
            for (total, counts) in &units {
                s.push(*total, counts.iter().enumerate().map(|(f, &c)| (f as u32, c)));
            }
            let got = ratio_intervals(&s, replicates, 1000.0, P95, &mut SplitMix64::new(seed));
            let want = naive(&units, replicates, 1000.0, seed);
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// The portable loop gives the sums of the dispatched one (AVX2 where the tests run).
        #[test]
        fn portable_sums_equal_dispatched_sums(
            units in proptest::collection::vec(proptest::collection::vec((0u32..20, 1u64..5), 0..8), 1..30),
            wide in proptest::prelude::any::<bool>(),
            seed in proptest::prelude::any::<u64>(),
        ) {
            let mut s = Sample::new(20);
            for u in &units {
                s.push(1, u.iter().copied());
            }
            let mut weights = vec![[0u32; BLOCK]; s.len()];
            draw_block(&s, &mut weights, BLOCK, &mut SplitMix64::new(seed));
            let make = || match wide {
                true => Sums::Wide(vec![[0.0; BLOCK]; 20]),
                false => Sums::Narrow(vec![[0; BLOCK]; 20]),
            };
            let (mut a, mut b) = (make(), make());
            a.accumulate(20, &s.chunks[0], &weights);
            b.accumulate_inline(20, &s.chunks[0], &weights);
            let all = |x: &Sums| -> Vec<u64> {
                let mut v = vec![0u64; 20 * BLOCK];
                let live: Vec<(usize, f64)> = (0..BLOCK).map(|r| (r, 1.0)).collect();
                x.rates(20, &live, 1.0, &mut v, BLOCK, 0);
                v
            };
            proptest::prop_assert_eq!(all(&a), all(&b));
        }
    }

    #[test]
    fn sums_are_narrow_only_when_no_sum_can_overflow() {
        let mut s = Sample::new(1);
        s.push(1, [(0, u64::from(u32::MAX) / 2)]);
        s.push(1, []);
        assert!(matches!(Sums::new(&s, 1), Sums::Narrow(_)));
        s.push(1, []);
        assert!(matches!(Sums::new(&s, 1), Sums::Wide(_)));
    }

    #[test]
    fn one_unit_gives_a_degenerate_interval() {
        let counts = [(0, 3)];
        let units = [Unit { total: 1000, counts: &counts }];
        let r = boot(&units, 2, 50, 1000.0, P95, &mut SplitMix64::new(1));
        assert_eq!(r.valid, 50);
        assert_eq!(r.intervals[0], Some(Interval { low: 3.0, high: 3.0 }));
        assert_eq!(r.intervals[1], Some(Interval { low: 0.0, high: 0.0 }));
    }

    #[test]
    fn hand_checked_replicates() {
        // Two units; with three replicates the draws are fixed by the seed. Recompute them
        // here independently and check the percentile arithmetic.
        let (c0, c1) = ([(0u32, 1u64)], [(0u32, 5u64)]);
        let units = [Unit { total: 10, counts: &c0 }, Unit { total: 10, counts: &c1 }];
        let mut check = SplitMix64::new(42);
        let mut rates = Vec::new();
        for _ in 0..3 {
            let picks = [check.below(2), check.below(2)];
            let count: u64 = picks.iter().map(|&p| if p == 0 { 1 } else { 5 }).sum();
            rates.push(count as f64 * 1000.0 / 20.0);
        }
        rates.sort_by(f64::total_cmp);
        let r = boot(&units, 1, 3, 1000.0, P95, &mut SplitMix64::new(42));
        let iv = r.intervals[0].unwrap();
        // Type 7 with 3 values: h = 2 · 0.025 = 0.05 and 2 · 0.975 = 1.95.
        assert!((iv.low - (rates[0] + 0.05 * (rates[1] - rates[0]))).abs() < 1e-9);
        assert!((iv.high - (rates[1] + 0.95 * (rates[2] - rates[1]))).abs() < 1e-9);
        // Rates lie between 2 and 10 hits in 20 tokens.
        assert!(iv.low >= 100.0 && iv.high <= 500.0);
    }

    #[test]
    fn zero_totals_are_skipped_and_reruns_are_identical() {
        let c = [(0u32, 1u64)];
        let units = [Unit { total: 0, counts: &[] }, Unit { total: 4, counts: &c }];
        let a = boot(&units, 1, 200, 1000.0, P95, &mut SplitMix64::for_stream(5, b"x"));
        let b = boot(&units, 1, 200, 1000.0, P95, &mut SplitMix64::for_stream(5, b"x"));
        assert_eq!(a, b);
        // P(both draws hit the empty unit) = ¼: some replicates are skipped, not all.
        assert!(a.valid > 100 && a.valid < 200, "{}", a.valid);
        // Every valid replicate has rate 250 or, with the other unit twice, 250 as well.
        assert_eq!(a.intervals[0], Some(Interval { low: 250.0, high: 250.0 }));
        assert!(boot(&[], 1, 10, 1.0, P95, &mut SplitMix64::new(0)).intervals[0].is_none());
    }

    /// The procedure of the module documentation, one replicate and one feature at a time.
    fn naive(units: &[(u64, Vec<u64>)], replicates: u32, scale: f64, seed: u64) -> Intervals {
        let (n, features) = (units.len(), units.first().map_or(0, |u| u.1.len()));
        let mut rng = SplitMix64::new(seed);
        let mut rates = vec![Vec::new(); features];
        for _ in 0..replicates {
            let drawn: Vec<usize> = (0..n).map(|_| rng.below(n as u64) as usize).collect();
            let total: u64 = drawn.iter().map(|&d| units[d].0).sum();
            if total == 0 {
                continue;
            }
            for (f, r) in rates.iter_mut().enumerate() {
                let count: u64 = drawn.iter().map(|&d| units[d].1[f]).sum();
                r.push(count as f64 * scale / total as f64);
            }
        }
        let valid = rates.first().map_or(0, Vec::len) as u32;
        let intervals = rates
            .into_iter()
            .map(|mut r| {
                r.sort_by(f64::total_cmp);
                let (low, high) =
                    (super::super::quantile(&r, P95.0)?, super::super::quantile(&r, P95.1)?);
                Some(Interval { low, high })
            })
            .collect();
        Intervals { intervals, valid }
    }

    proptest::proptest! {
        #[test]
        fn intervals_equal_the_naive_procedure_bit_for_bit(
            units in proptest::collection::vec(
                (0u64..40, proptest::collection::vec(proptest::prop_oneof![3 => proptest::strategy::Just(0u64), 1 => 0u64..6], 4)),
                1..25,
            ),
            replicates in 1u32..40,
            scale in proptest::prop_oneof![proptest::strategy::Just(1.0), proptest::strategy::Just(1000.0)],
            seed in proptest::prelude::any::<u64>(),
        ) {
            let mut s = Sample::new(4);
            for (total, counts) in &units {
                s.push(*total, counts.iter().enumerate().map(|(f, &c)| (f as u32, c)));
            }
            let got = ratio_intervals(&s, replicates, scale, P95, &mut SplitMix64::new(seed));
            let want = naive(&units, replicates, scale, seed);
            let bits = |i: &Intervals| -> Vec<Option<(u64, u64)>> {
                i.intervals.iter().map(|v| v.map(|v| (v.low.to_bits(), v.high.to_bits()))).collect()
            };
            proptest::prop_assert_eq!(got.valid, want.valid);
            proptest::prop_assert_eq!(bits(&got), bits(&want));
        }
    }
}
