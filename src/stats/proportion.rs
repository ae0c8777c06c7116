//! Confidence intervals for a single proportion.

use crate::options::ConfidenceLevel;

/// Wilson's score interval for `successes` out of `n` (Wilson 1927, JASA 22),
/// as fractions in [0, 1]; `None` when n = 0. Unlike the Wald interval it
/// stays inside [0, 1] and does not collapse to a point at 0 % or 100 %.
///
/// ```
/// use loyalty_score::{proportion::wilson, ConfidenceLevel};
/// // 0 of 10: [0, z²/(n + z²)] = [0, 3.8415/13.8415] = [0, 0.2775].
/// let (low, high) = wilson(0, 10, ConfidenceLevel::DEFAULT).unwrap();
/// assert_eq!(low, 0.0);
/// assert!((high - 0.277_532).abs() < 1e-6);
/// ```
pub fn wilson(successes: u64, n: u64, level: ConfidenceLevel) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let successes = successes.min(n);
    let (k, n) = (successes as f64, n as f64);
    let z = level.critical_z();
    let z2 = z * z;
    let share = k / n;
    let centre = (share + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (share * (1.0 - share) / n + z2 / (4.0 * n * n)).sqrt();
    // At 0 and n successes the ends are exactly 0 and 1; rounding in
    // centre ± half must not move them off the observed share.
    let low = if successes == 0 { 0.0 } else { (centre - half).max(0.0) };
    let high = if successes >= n as u64 { 1.0 } else { (centre + half).min(1.0) };
    Some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_by_hand() {
        // 8 of 10 at 95 %: z² = 3.841459; centre = (0.8 + 0.192073)/1.384146 = 0.716738;
        // half = 1.959964/1.384146 × sqrt(0.016 + 0.009604) = 0.226578
        // → [0.490162, 0.943318].
        let (low, high) = wilson(8, 10, ConfidenceLevel::DEFAULT).unwrap();
        assert!((low - 0.490_162).abs() < 1e-6, "{low}");
        assert!((high - 0.943_318).abs() < 1e-6, "{high}");
        assert_eq!(wilson(3, 0, ConfidenceLevel::DEFAULT), None);
        let (low, high) = wilson(10, 10, ConfidenceLevel::DEFAULT).unwrap();
        assert!((low - 10.0 / 13.841_459).abs() < 1e-6 && high == 1.0);
    }
}
