//! Tail probabilities used by the tests: the two-sided normal p-value of a z-score and the
//! upper tail of a chi-square distribution with one degree of freedom. Both reduce to the
//! complementary error function: P(|Z| > z) = erfc(z / √2) and, since a χ²₁ variable is Z²,
//! P(χ²₁ > x) = erfc(√(x / 2)). `erfc` comes from the `libm` crate (a port of the FreeBSD/musl
//! implementation, accurate to about one unit in the last place), so p-values stay accurate
//! far into the tail where `1 − erf` would round to zero.

/// Two-sided p-value of a standard-normal statistic: P(|Z| ≥ |z|). `None` for NaN.
pub fn normal_two_sided(z: f64) -> Option<f64> {
    if z.is_nan() {
        return None;
    }
    Some(libm::erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0))
}

/// Upper tail of chi-square with one degree of freedom: P(χ²₁ ≥ x). `None` for NaN or a
/// negative statistic.
pub fn chi2_1_upper(x: f64) -> Option<f64> {
    if x.is_nan() || x < 0.0 {
        return None;
    }
    Some(libm::erfc((x / 2.0).sqrt()).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1e-300)
    }

    #[test]
    fn known_quantiles() {
        // Reference values: 1.959963984540054 is the 97.5 % normal quantile; 3.841458820694124
        // the 95 % chi-square(1) quantile; 6.634896601021214 the 99 % one.
        assert!(close(normal_two_sided(1.959963984540054).unwrap(), 0.05));
        assert!(close(normal_two_sided(-1.959963984540054).unwrap(), 0.05));
        assert!(close(chi2_1_upper(3.841458820694124).unwrap(), 0.05));
        assert!(close(chi2_1_upper(6.634896601021214).unwrap(), 0.01));
        assert_eq!(normal_two_sided(0.0), Some(1.0));
        assert_eq!(chi2_1_upper(0.0), Some(1.0));
    }

    #[test]
    fn far_tail_is_not_zero() {
        // P(|Z| > 10) = erfc(10/√2) ≈ 1.5239706048e-23.
        let p = normal_two_sided(10.0).unwrap();
        assert!((p / 1.5239706048321186e-23 - 1.0).abs() < 1e-9, "{p:e}");
        assert!(chi2_1_upper(1000.0).unwrap() > 0.0);
        assert_eq!(chi2_1_upper(-1.0), None);
        assert_eq!(normal_two_sided(f64::NAN), None);
    }
}
