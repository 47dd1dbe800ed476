//! Benjamini–Hochberg false discovery rate control: Benjamini & Hochberg (1995), "Controlling
//! the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing", *JRSS B*
//! 57(1), 289–300. The q-value of the i-th smallest of m p-values is
//! q₍ᵢ₎ = min over j ≥ i of min(1, p₍ⱼ₎ · m / j), the adjusted p-value R's
//! `p.adjust(method = "BH")` returns. Undefined p-values are not counted in m.

/// q-values for `p`, in the same order; `None` stays `None`.
///
/// Tied p-values get the same q (the running minimum over a run of ties ends at the tie
/// with the largest rank, p · m / that rank), so only the sorted p-values are needed, not
/// their positions: each distinct value's q is computed once and looked up.
pub fn bh(p: &[Option<f64>]) -> Vec<Option<f64>> {
    // Keys that order like `f64::total_cmp`, ascending.
    let mut keys: Vec<i64> =
        p.iter().filter_map(|v| v.filter(|x| !x.is_nan()).map(total_key)).collect();
    keys.sort_unstable();
    let m = keys.len() as f64;
    // (key, q) of each distinct p, from the largest p down.
    let mut distinct: Vec<(i64, f64)> = Vec::new();
    let mut running = 1.0f64;
    let mut end = keys.len();
    while end > 0 {
        let key = keys[end - 1];
        let pv = f64::from_bits(total_key_inverse(key));
        running = running.min(pv * m / end as f64);
        distinct.push((key, running.min(1.0)));
        end = keys[..end].partition_point(|&k| k < key);
    }
    distinct.reverse();
    p.iter()
        .map(|v| {
            let key = total_key(v.filter(|x| !x.is_nan())?);
            let at = distinct.binary_search_by_key(&key, |d| d.0).ok()?;
            Some(distinct[at].1)
        })
        .collect()
}

/// The bits of the number whose [`total_key`] is `key`.
fn total_key_inverse(key: i64) -> u64 {
    // The mask depends only on the sign bit, which it leaves alone: its own inverse.
    total_key(f64::from_bits(key as u64)) as u64
}

/// [`bh`] by the definition: the p-values sorted with their positions (ties in input order),
/// the running minimum from the largest down.
#[cfg(test)]
fn bh_reference(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<(i64, usize)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| !x.is_nan()).map(|x| (total_key(x), i)))
        .collect();
    order.sort_unstable();
    let m = order.len() as f64;
    let mut q = vec![None; p.len()];
    let mut running = 1.0f64;
    for (rank, &(_, i)) in order.iter().enumerate().rev() {
        let pv = p[i].unwrap_or(f64::NAN);
        running = running.min(pv * m / (rank + 1) as f64);
        q[i] = Some(running.min(1.0));
    }
    q
}

/// An integer that orders as [`f64::total_cmp`] orders `x`.
fn total_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::bh;

    #[test]
    fn matches_hand_computation() {
        // m = 4: sorted 0.01, 0.02, 0.03, 0.5 → 0.04, 0.04, 0.04, 0.5 after the running min
        // (0.01·4/1 = 0.04, 0.02·4/2 = 0.04, 0.03·4/3 = 0.04, 0.5·4/4 = 0.5).
        let q = bh(&[Some(0.5), Some(0.01), None, Some(0.03), Some(0.02)]);
        let want = [Some(0.5), Some(0.04), None, Some(0.04), Some(0.04)];
        for (g, w) in q.iter().zip(want) {
            match (g, w) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-15, "{q:?}"),
                (None, None) => {}
                _ => panic!("{q:?}"),
            }
        }
    }

    #[test]
    fn key_orders_like_total_cmp() {
        let xs = [-1.5, -0.0, 0.0, 1e-300, 0.04, 0.5, 1.0, f64::INFINITY, -f64::INFINITY];
        for a in xs {
            for b in xs {
                assert_eq!(
                    super::total_key(a).cmp(&super::total_key(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn monotone_capped_and_tied() {
        let q = bh(&[Some(0.04), Some(0.04), Some(0.9), Some(1.0)]);
        // 0.04·4/2 = 0.08 for both ties; 0.9·4/3 = 1.2 → min with 1.0·4/4 = 1 → 1.
        assert_eq!(q, vec![Some(0.08), Some(0.08), Some(1.0), Some(1.0)]);
        assert!(bh(&[]).is_empty());
        assert_eq!(bh(&[None]), vec![None]);
    }

    use proptest::prelude::*;

    proptest::proptest! {
        #[test]
        fn distinct_values_give_the_q_of_the_definition(
            p in proptest::collection::vec(
                proptest::option::weighted(0.9, proptest::prop_oneof![
                    (0u32..8).prop_map(|k| f64::from(k) / 8.0),
                    0.0f64..1.0,
                    proptest::strategy::Just(-0.0),
                    proptest::strategy::Just(f64::NAN),
                ]),
                0..300,
            ),
        ) {
            let bits = |q: Vec<Option<f64>>| q.into_iter().map(|v| v.map(f64::to_bits)).collect::<Vec<_>>();
            prop_assert_eq!(bits(bh(&p)), bits(super::bh_reference(&p)));
        }
    }
}
