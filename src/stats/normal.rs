//! The standard normal distribution: its quantile (for interval half-widths)
//! and its upper tail (for p-values), both to full double precision.
//!
//! The quantile is Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3),
//! 1988, pp. 477–484, whose rational approximations are accurate to about one
//! part in 10^16 — the same algorithm R's `qnorm` uses. The tail comes from
//! `libm::erfc`, a port of the correctly tested musl/FreeBSD routine, because a
//! p-value for a large z must not be computed as `1 - cdf`, which cancels to 0.

/// Evaluates a polynomial given lowest-order coefficient first (Horner's rule).
fn polynomial(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, &c| acc * x + c)
}

// Coefficients of AS 241, as published (lowest order first).
const CENTRAL_NUMERATOR: [f64; 8] = [
    3.387_132_872_796_366_608,
    1.331_416_678_917_843_774_5e2,
    1.971_590_950_306_551_442_7e3,
    1.373_169_376_550_946_112_5e4,
    4.592_195_393_154_987_145_7e4,
    6.726_577_092_700_870_085_3e4,
    3.343_057_558_358_812_810_5e4,
    2.509_080_928_730_122_672_7e3,
];
const CENTRAL_DENOMINATOR: [f64; 8] = [
    1.0,
    4.231_333_070_160_091_125_2e1,
    6.871_870_074_920_579_083e2,
    5.394_196_021_424_751_107_7e3,
    2.121_379_430_158_659_586_7e4,
    3.930_789_580_009_271_061e4,
    2.872_908_573_572_194_267_4e4,
    5.226_495_278_852_854_561e3,
];
const INTERMEDIATE_NUMERATOR: [f64; 8] = [
    1.423_437_110_749_683_577_34,
    4.630_337_846_156_545_295_9,
    5.769_497_221_460_691_405_5,
    3.647_848_324_763_204_605_04,
    1.270_458_252_452_368_382_58,
    2.417_807_251_774_506_117_7e-1,
    2.272_384_498_926_918_458_33e-2,
    7.745_450_142_783_414_076_4e-4,
];
const INTERMEDIATE_DENOMINATOR: [f64; 8] = [
    1.0,
    2.053_191_626_637_758_821_87,
    1.676_384_830_183_803_849_4,
    6.897_673_349_851_000_045_5e-1,
    1.481_039_764_274_800_745_9e-1,
    1.519_866_656_361_645_719_66e-2,
    5.475_938_084_995_344_946e-4,
    1.050_750_071_644_416_843_24e-9,
];
const TAIL_NUMERATOR: [f64; 8] = [
    6.657_904_643_501_103_777_2,
    5.463_784_911_164_114_369_9,
    1.784_826_539_917_291_335_8,
    2.965_605_718_285_048_912_3e-1,
    2.653_218_952_657_612_309_3e-2,
    1.242_660_947_388_078_438_6e-3,
    2.711_555_568_743_487_578_15e-5,
    2.010_334_399_292_288_132_65e-7,
];
const TAIL_DENOMINATOR: [f64; 8] = [
    1.0,
    5.998_322_065_558_879_376_9e-1,
    1.369_298_809_227_358_053_1e-1,
    1.487_536_129_085_061_485_25e-2,
    7.868_691_311_456_132_591e-4,
    1.846_318_317_510_054_681_8e-5,
    1.421_511_758_316_445_888_7e-7,
    2.044_263_103_389_939_785_64e-15,
];

/// The z with P(Z ≤ z) = `p` for a standard normal Z.
///
/// Returns negative or positive infinity at `p` = 0 or 1 and NaN outside [0, 1],
/// so callers validate `p` themselves (they know which option it came from).
///
/// ```
/// let z = loyalty_score::normal::quantile(0.975);
/// assert!((z - 1.959_963_984_540_054).abs() < 1e-15);
/// ```
pub fn quantile(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) || p.is_nan() {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * polynomial(&CENTRAL_NUMERATOR, r) / polynomial(&CENTRAL_DENOMINATOR, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let magnitude = if r <= 5.0 {
        let r = r - 1.6;
        polynomial(&INTERMEDIATE_NUMERATOR, r) / polynomial(&INTERMEDIATE_DENOMINATOR, r)
    } else {
        let r = r - 5.0;
        polynomial(&TAIL_NUMERATOR, r) / polynomial(&TAIL_DENOMINATOR, r)
    };
    if q < 0.0 {
        -magnitude
    } else {
        magnitude
    }
}

/// P(Z ≤ z) for a standard normal Z.
pub fn cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / core::f64::consts::SQRT_2)
}

/// The two-sided p-value of a z statistic: P(|Z| ≥ |z|).
pub fn two_sided_p(z: f64) -> f64 {
    libm::erfc(z.abs() / core::f64::consts::SQRT_2)
}

/// The critical value z for a two-sided interval at confidence `level` in (0, 1).
pub fn two_sided_critical(level: f64) -> f64 {
    // 1 - (1 - level)/2 loses digits for levels near 1; the upper quantile of
    // the small tail is exact by symmetry.
    -quantile((1.0 - level) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values: R 4.x `qnorm` (which uses AS 241) and published tables
    // (Abramowitz & Stegun 26.2), quoted to the digits those sources give.
    #[test]
    fn quantile_matches_published_values() {
        let cases = [
            (0.5, 0.0),
            (0.975, 1.959_963_984_540_054),
            (0.95, 1.644_853_626_951_472_2),
            (0.995, 2.575_829_303_548_900_4),
            (0.9, 1.281_551_565_544_600_5),
            (0.8, 0.841_621_233_572_914_3),
            (0.025, -1.959_963_984_540_054),
            (1e-10, -6.361_340_902_404_056),
        ];
        for (p, z) in cases {
            let got = quantile(p);
            assert!(
                (got - z).abs() <= 1e-14 * z.abs().max(1.0),
                "quantile({p}) = {got}, expected {z}"
            );
        }
    }

    #[test]
    fn quantile_inverts_the_cdf_across_all_three_regions() {
        // 0.3 is central, 1e-5 intermediate (r ≤ 5), 1e-20 the far tail (r > 5).
        for p in [0.3, 0.6, 0.07, 0.93, 1e-5, 1.0 - 1e-5, 1e-20, 1e-300] {
            let z = quantile(p);
            let back = cdf(z);
            assert!(((back - p) / p).abs() < 1e-13, "cdf(quantile({p})) = {back}");
        }
    }

    #[test]
    fn quantile_edges_do_not_panic() {
        assert_eq!(quantile(0.0), f64::NEG_INFINITY);
        assert_eq!(quantile(1.0), f64::INFINITY);
        assert!(quantile(-0.1).is_nan());
        assert!(quantile(1.1).is_nan());
        assert!(quantile(f64::NAN).is_nan());
    }

    #[test]
    fn two_sided_p_of_the_95_percent_critical_value_is_5_percent() {
        let z = two_sided_critical(0.95);
        assert!((two_sided_p(z) - 0.05).abs() < 1e-15);
        // A very large z still gives a positive, tiny p-value rather than 0 from 1 - cdf.
        let p = two_sided_p(9.0);
        assert!(p > 0.0 && p < 1e-18, "{p}");
        assert!((two_sided_critical(0.99) - 2.575_829_303_548_900_4).abs() < 1e-14);
    }
}
