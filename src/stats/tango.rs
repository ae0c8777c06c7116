//! Tango's score interval for the difference of two proportions from one
//! multinomial sample, applied to the Net Promoter Score.
//!
//! Tango (1998, Statistics in Medicine 17, 891–908) derived the interval for
//! matched pairs; Rocks (2016, The American Statistician 70(4), 365–372) showed
//! it applies unchanged to NPS, which is the difference of the promoter share
//! and the detractor share of one trinomial sample (passives play the part of
//! the concordant pairs). The interval is every Δ whose score statistic
//!
//! ```text
//! T(Δ) = (P − D − nΔ) / sqrt(n · (2·q̃(Δ) + Δ(1 − Δ)))
//! ```
//!
//! lies within ±z, where q̃(Δ) is the maximum-likelihood detractor share under
//! the constraint promoter share − detractor share = Δ: the larger root of
//! `2n·q² + B·q + C = 0` with `B = −P − D + (2n − P + D)·Δ` and
//! `C = −D·Δ·(1 − Δ)`.

/// The constrained maximum-likelihood detractor share q̃(Δ).
pub(crate) fn constrained_detractor_share(promoters: f64, detractors: f64, n: f64, delta: f64) -> f64 {
    let a = 2.0 * n;
    let b = -promoters - detractors + (2.0 * n - promoters + detractors) * delta;
    let c = -detractors * delta * (1.0 - delta);
    let discriminant = (b * b - 4.0 * a * c).max(0.0);
    ((discriminant.sqrt() - b) / (2.0 * a)).max(0.0)
}

/// Tango's score statistic T(Δ), with shares as fractions (Δ in [−1, 1]).
pub(crate) fn score_statistic(promoters: f64, detractors: f64, n: f64, delta: f64) -> f64 {
    let q = constrained_detractor_share(promoters, detractors, n, delta);
    let numerator = promoters - detractors - n * delta;
    let variance = n * (2.0 * q + delta * (1.0 - delta));
    if variance > 0.0 {
        numerator / variance.sqrt()
    } else if numerator > 0.0 {
        f64::INFINITY
    } else if numerator < 0.0 {
        f64::NEG_INFINITY
    } else {
        0.0
    }
}

/// Finds Δ in [from, to] where `f` changes sign, by bisection to `tolerance`.
/// `f(from)` and `f(to)` must have opposite signs (or either be zero).
fn bisect(mut from: f64, mut to: f64, tolerance: f64, f: impl Fn(f64) -> f64) -> f64 {
    let rising = f(from) < f(to);
    for _ in 0..200 {
        if (to - from).abs() <= tolerance {
            break;
        }
        let middle = 0.5 * (from + to);
        if (f(middle) < 0.0) == rising {
            from = middle;
        } else {
            to = middle;
        }
    }
    0.5 * (from + to)
}

/// The interval (low, high) as fractions in [−1, 1], for `n` ≥ 1 respondents.
///
/// `tolerance` is in fraction units: 1e-8 is 1e-6 NPS points.
pub(crate) fn interval(promoters: u64, detractors: u64, n: u64, z: f64, tolerance: f64) -> (f64, f64) {
    let (p, d, n) = (promoters as f64, detractors as f64, n as f64);
    let estimate = (p - d) / n;
    let t = |delta: f64| score_statistic(p, d, n, delta);
    // T falls from +∞ towards −∞ as Δ rises through the estimate, where it is 0.
    let low = if t(-1.0) <= z { -1.0 } else { bisect(-1.0, estimate, tolerance, |x| t(x) - z) };
    let high = if t(1.0) >= -z { 1.0 } else { bisect(estimate, 1.0, tolerance, |x| t(x) + z) };
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constrained MLE found another way: maximising the trinomial
    /// log-likelihood P·ln(q+Δ) + D·ln(q) + M·ln(1−2q−Δ) over q by golden section.
    fn detractor_share_by_search(p: f64, d: f64, n: f64, delta: f64) -> f64 {
        let m = n - p - d;
        let loglik = |q: f64| {
            let term = |count: f64, share: f64| if count == 0.0 { 0.0 } else { count * share.ln() };
            term(p, q + delta) + term(d, q) + term(m, 1.0 - 2.0 * q - delta)
        };
        let (mut lo, mut hi) = ((-delta).max(0.0), (1.0 - delta) / 2.0);
        let g = (5f64.sqrt() - 1.0) / 2.0;
        for _ in 0..200 {
            let a = hi - g * (hi - lo);
            let b = lo + g * (hi - lo);
            if loglik(a) < loglik(b) {
                lo = a;
            } else {
                hi = b;
            }
        }
        0.5 * (lo + hi)
    }

    #[test]
    fn the_closed_form_constrained_share_maximises_the_likelihood() {
        for (p, d, n) in [(100.0, 80.0, 210.0), (5.0, 2.0, 10.0), (1.0, 0.0, 1.0), (3.0, 9.0, 20.0)] {
            for delta in [-0.6, -0.2, 0.0, 0.1, 0.4, 0.7] {
                let closed = constrained_detractor_share(p, d, n, delta);
                let searched = detractor_share_by_search(p, d, n, delta);
                assert!((closed - searched).abs() < 1e-6, "p={p} d={d} n={n} Δ={delta}: {closed} vs {searched}");
            }
        }
    }

    #[test]
    fn the_ends_are_where_the_statistic_equals_plus_and_minus_z() {
        let z = 1.959_963_984_540_054;
        let (low, high) = interval(100, 80, 210, z, 1e-10);
        assert!((score_statistic(100.0, 80.0, 210.0, low) - z).abs() < 1e-6);
        assert!((score_statistic(100.0, 80.0, 210.0, high) + z).abs() < 1e-6);
        assert!(low < 20.0 / 210.0 && 20.0 / 210.0 < high);
    }

    #[test]
    fn unanimous_samples_reach_the_edge_of_the_scale() {
        let z = 1.96;
        let (low, high) = interval(10, 0, 10, z, 1e-10);
        assert_eq!(high, 1.0);
        assert!(low > 0.0 && low < 1.0);
        let (low, high) = interval(0, 10, 10, z, 1e-10);
        assert_eq!(low, -1.0);
        assert!(high < 0.0 && high > -1.0);
    }
}
