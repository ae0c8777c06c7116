//! Student's t distribution, for the confidence interval of a mean from a
//! sample whose standard deviation is estimated.
//!
//! The CDF uses the regularized incomplete beta function,
//! P(T ≤ t) = 1 − ½ I_x(ν/2, ½) with x = ν/(ν + t²) for t ≥ 0 (Abramowitz &
//! Stegun 26.7.1 and 26.5.27), evaluated by its continued fraction (A&S
//! 26.5.8) with the modified Lentz method. The quantile inverts the CDF by
//! bisection, which converges for every ν, however heavy the tails.

/// ln Γ(x) for x > 0.
fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// The continued fraction of I_x(a, b), to be used where x < (a + 1)/(a + b + 2).
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    let mut fraction = d;
    for m in 1..500 {
        let m = f64::from(m);
        let even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        fraction *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let step = d * c;
        fraction *= step;
        if (step - 1.0).abs() < 1e-16 {
            break;
        }
    }
    fraction
}

/// The regularized incomplete beta function I_x(a, b), for a, b > 0.
pub(crate) fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln();
    let front = ln_front.exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b
    }
}

/// P(T ≤ t) for Student's t with `df` > 0 degrees of freedom.
pub fn cdf(t: f64, df: f64) -> f64 {
    let tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The t with P(T ≤ t) = `p`, for 0 < p < 1 and `df` > 0 (NaN otherwise).
///
/// ```
/// let t = loyalty_score::student_t::quantile(0.975, 9.0);
/// assert!((t - 2.262_157_162_854_099).abs() < 1e-9);
/// ```
pub fn quantile(p: f64, df: f64) -> f64 {
    if !(p > 0.0 && p < 1.0 && df > 0.0) {
        return f64::NAN;
    }
    if p < 0.5 {
        return -quantile(1.0 - p, df);
    }
    let mut high = 1.0;
    while cdf(high, df) < p && high < 1e300 {
        high *= 2.0;
    }
    let mut low = 0.0;
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if cdf(middle, df) < p {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Published two-sided 95 % and 99 % critical values (tables of Student's t,
    // e.g. Fisher & Yates; R's qt gives the same digits).
    #[test]
    fn quantiles_match_published_tables() {
        let cases = [
            (0.975, 1.0, 12.706_204_736_174_707),
            (0.975, 2.0, 4.302_652_729_749_464),
            (0.975, 9.0, 2.262_157_162_854_099),
            (0.975, 29.0, 2.045_229_642_132_703),
            (0.995, 10.0, 3.169_272_672_616_78),
            (0.95, 5.0, 2.015_048_372_669_157),
        ];
        for (p, df, expected) in cases {
            let got = quantile(p, df);
            assert!((got - expected).abs() < 1e-9 * expected, "t({p}, {df}) = {got}, expected {expected}");
        }
    }

    #[test]
    fn one_degree_of_freedom_is_the_cauchy_distribution() {
        // P(T ≤ t) = ½ + atan(t)/π for ν = 1.
        for t in [-30.0, -1.0, 0.0, 0.3, 2.0, 100.0] {
            let exact = 0.5 + f64::atan(t) / core::f64::consts::PI;
            assert!((cdf(t, 1.0) - exact).abs() < 1e-13, "t = {t}");
        }
    }

    #[test]
    fn many_degrees_of_freedom_approach_the_normal() {
        let t = quantile(0.975, 1e7);
        assert!((t - crate::stats::normal::quantile(0.975)).abs() < 1e-6);
        assert!(quantile(0.5, 3.0).abs() < 1e-12);
        assert!(quantile(1.0, 3.0).is_nan() && quantile(0.5, 0.0).is_nan());
    }
}
