//! The Net Promoter Score: counts, score, confidence interval, comparison of
//! two samples and the sample size a margin of error needs.
//!
//! NPS = % promoters (9–10) − % detractors (0–6), on −100..100 (Reichheld 2003,
//! "The One Number You Need to Grow", Harvard Business Review). Every share in
//! this module is a fraction of 1; reports turn them into points and percents.

use crate::options::{show_number, ConfidenceLevel, IntervalMethod, IntervalOptions, OptionError};
use crate::read::layout::{ColumnSelector, HeaderWords, Layout, ScoreColumn};
use crate::read::parse::{parse_scores, ColumnReader, ColumnSummary, Encoding, Rejected, Tally, Warning};
use crate::read::breakdown::{ExtraColumn, ExtraSelectors, SuggestedColumns};
use crate::read::dates::{DateOrder, Period};
use crate::read::token::Answers;
use super::nps_breakdown::{nps_breakdown, NpsComments, PeriodScore, SegmentScore};
use crate::stats::tango;
use crate::read::token::Scale;
use serde::Serialize;

/// Pseudo-observations the adjusted-Wald interval adds (Rocks 2016): 3/4 of a
/// promoter, 3/2 of a passive and 3/4 of a detractor.
const ADJUST_PROMOTERS: f64 = 0.75;
const ADJUST_PASSIVES: f64 = 1.5;
const ADJUST_DETRACTORS: f64 = 0.75;
/// Tango's interval ends are found to within this (as a fraction: 1e-8 = 1e-6 NPS points).
const TANGO_TOLERANCE: f64 = 1e-9;

/// Respondents in the three NPS groups.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NpsCounts {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
}

impl NpsCounts {
    pub fn new(promoters: u64, passives: u64, detractors: u64) -> Self {
        NpsCounts { promoters, passives, detractors }
    }

    pub fn respondents(self) -> u64 {
        self.promoters.saturating_add(self.passives).saturating_add(self.detractors)
    }

    /// Groups an 11-bin 0–10 histogram: 0–6, 7–8 and 9–10.
    pub fn from_histogram(histogram: &[u64]) -> Self {
        let sum = |range: core::ops::Range<usize>| histogram.get(range).map_or(0, |s| s.iter().sum());
        NpsCounts { detractors: sum(0..7), passives: sum(7..9), promoters: sum(9..11) }
    }

    /// NPS as a fraction in [−1, 1]; `None` with no respondents.
    pub fn score_fraction(self) -> Option<f64> {
        let n = self.respondents();
        (n > 0).then(|| (self.promoters as f64 - self.detractors as f64) / n as f64)
    }
}

/// A confidence interval in NPS points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub method: IntervalMethod,
    pub level: f64,
    pub low: f64,
    pub high: f64,
}

/// Centre and standard error (fractions) of the normal-approximation
/// interval, per Wald or adjusted Wald.
fn wald_centre_and_se(counts: NpsCounts, adjusted: bool) -> Option<(f64, f64)> {
    let (mut p, mut m, mut d) = (counts.promoters as f64, counts.passives as f64, counts.detractors as f64);
    if counts.respondents() == 0 {
        return None;
    }
    if adjusted {
        p += ADJUST_PROMOTERS;
        m += ADJUST_PASSIVES;
        d += ADJUST_DETRACTORS;
    }
    let n = p + m + d;
    let (share_p, share_d) = (p / n, d / n);
    let centre = share_p - share_d;
    // Var(p̂ − d̂) for one multinomial sample: (p + d − (p − d)²) / n.
    let variance = (share_p + share_d - centre * centre).max(0.0) / n;
    Some((centre, variance.sqrt()))
}

/// The interval (fractions, unclamped) for `counts`; `None` with no respondents.
fn interval_fractions(counts: NpsCounts, options: IntervalOptions) -> Option<(f64, f64)> {
    let z = options.level.critical_z();
    match options.method {
        IntervalMethod::Wald | IntervalMethod::AdjustedWald => {
            let adjusted = options.method == IntervalMethod::AdjustedWald;
            let (centre, se) = wald_centre_and_se(counts, adjusted)?;
            Some((centre - z * se, centre + z * se))
        }
        IntervalMethod::Tango => {
            let n = counts.respondents();
            (n > 0).then(|| tango::interval(counts.promoters, counts.detractors, n, z, TANGO_TOLERANCE))
        }
    }
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

/// Everything known about one sample's NPS.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsReport {
    pub respondents: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// % promoters − % detractors, unrounded; `None` with no respondents.
    pub score: Option<f64>,
    pub promoter_pct: Option<f64>,
    pub passive_pct: Option<f64>,
    pub detractor_pct: Option<f64>,
    /// Answers 0 to 10 counted; `None` for a report made from counts.
    pub histogram: Option<Vec<u64>>,
    /// Clamped to −100..100.
    pub interval: Option<Interval>,
    /// Half the interval's width before clamping, in NPS points.
    pub margin_of_error: Option<f64>,
    pub rejected: Vec<Rejected>,
    pub rejected_count: u64,
    /// The column read as scores, for a table or a column under a header.
    pub column: Option<ScoreColumn>,
    /// How the text was read; `None` for a report made from counts.
    pub layout: Option<Layout>,
    /// Every column of the text with its profile; empty for a report made from counts.
    pub columns: Vec<ColumnSummary>,
    pub warnings: Vec<Warning>,
    /// How the bytes were decoded; `None` for a report made from counts.
    pub encoding: Option<Encoding>,
    /// Rows of data read (entries, for a list); `None` for a report made from counts.
    pub rows: Option<u64>,
    /// Columns of a table that fit as segment, date or comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested: Option<SuggestedColumns>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_column: Option<ExtraColumn>,
    /// The NPS of each value of the segment column, largest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentScore>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_column: Option<ExtraColumn>,
    /// The NPS of each period, in time order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<PeriodScore>>,
    /// The period used (chosen by `auto` or given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// With `date`: the day-and-month order of the dates, `Some(None)` (null)
    /// when no date needed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<Option<DateOrder>>,
    /// Counted answers whose date cell is blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated: Option<u64>,
    /// The first 100 dates that could not be read (their answers still count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_rejected: Option<Vec<Rejected>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_rejected_count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment_column: Option<ExtraColumn>,
    /// The comments by promoters, passives and detractors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<NpsComments>,
}

impl NpsReport {
    /// The report for counts given directly.
    ///
    /// ```
    /// use loyalty_score::{NpsCounts, NpsReport, IntervalOptions};
    /// let r = NpsReport::from_counts(NpsCounts::new(100, 30, 80), IntervalOptions::default());
    /// assert!((r.score.unwrap() - 9.523_809_523_809_524).abs() < 1e-12);
    /// ```
    pub fn from_counts(counts: NpsCounts, options: IntervalOptions) -> Self {
        let n = counts.respondents();
        let bounds = interval_fractions(counts, options);
        NpsReport {
            respondents: n,
            promoters: counts.promoters,
            passives: counts.passives,
            detractors: counts.detractors,
            score: counts.score_fraction().map(|s| 100.0 * s),
            promoter_pct: percent(counts.promoters, n),
            passive_pct: percent(counts.passives, n),
            detractor_pct: percent(counts.detractors, n),
            histogram: None,
            interval: bounds.map(|(low, high)| Interval {
                method: options.method,
                level: options.level.value(),
                low: (100.0 * low).clamp(-100.0, 100.0),
                high: (100.0 * high).clamp(-100.0, 100.0),
            }),
            margin_of_error: bounds.map(|(low, high)| 50.0 * (high - low)),
            rejected: Vec::new(),
            rejected_count: 0,
            column: None,
            layout: None,
            columns: Vec::new(),
            warnings: Vec::new(),
            encoding: None,
            rows: None,
            suggested: None,
            segment_column: None,
            segments: None,
            date_column: None,
            periods: None,
            period: None,
            date_order: None,
            undated: None,
            date_rejected: None,
            date_rejected_count: None,
            comment_column: None,
            comments: None,
        }
    }

    /// The report for a paste that has been read.
    pub fn from_tally(tally: Tally, options: IntervalOptions) -> Self {
        NpsReport::from_tally_by(tally, options, None)
    }

    /// The report for a paste that has been read, with its periods of
    /// `period` (`None`: the longest that gives four).
    pub fn from_tally_by(tally: Tally, options: IntervalOptions, period: Option<Period>) -> Self {
        let counts = NpsCounts::from_histogram(&tally.histogram);
        let mut warnings = tally.warnings;
        let breakdown = tally.breakdown.map(|b| nps_breakdown(&b, period, options, &mut warnings)).unwrap_or_default();
        NpsReport {
            histogram: Some(tally.histogram),
            rejected: tally.rejected,
            rejected_count: tally.rejected_count,
            column: tally.column,
            layout: Some(tally.layout),
            columns: tally.columns,
            warnings,
            encoding: Some(tally.encoding),
            rows: Some(tally.rows),
            suggested: tally.suggested,
            segment_column: breakdown.segment_column,
            segments: breakdown.segments,
            date_column: breakdown.date_column,
            periods: breakdown.periods,
            period: breakdown.period,
            date_order: breakdown.period.map(|_| breakdown.date_order),
            undated: breakdown.undated,
            date_rejected: breakdown.date_rejected,
            date_rejected_count: breakdown.date_rejected_count,
            comment_column: breakdown.comment_column,
            comments: breakdown.comments,
            ..NpsReport::from_counts(counts, options)
        }
    }

    pub fn counts(&self) -> NpsCounts {
        NpsCounts::new(self.promoters, self.passives, self.detractors)
    }
}

/// Reads pasted 0–10 answers and reports their NPS.
///
/// ```
/// use loyalty_score::{analyze_nps, IntervalOptions};
/// let report = analyze_nps("10\n9\n8\n3\noops", IntervalOptions::default());
/// assert_eq!((report.promoters, report.passives, report.detractors), (2, 1, 1));
/// assert_eq!(report.score, Some(25.0));
/// assert_eq!(report.rejected[0].line, 5);
/// ```
pub fn analyze_nps(text: &str, options: IntervalOptions) -> NpsReport {
    analyze_nps_bytes(text.as_bytes(), options)
}

/// [`analyze_nps`] for the bytes of a file, in any encoding the reader knows
/// (invalid sequences are shown as U+FFFD in rejects).
pub fn analyze_nps_bytes(text: &[u8], options: IntervalOptions) -> NpsReport {
    NpsReport::from_tally(parse_scores(text, Scale::ZERO_TO_TEN), options)
}

/// [`analyze_nps`] reading the column `column` names; an error when it names none.
///
/// ```
/// use loyalty_score::{nps::analyze_nps_column, ColumnSelector, IntervalOptions};
/// let text = "id,Q1,Q2\n1,9,3\n2,10,4\n";
/// let r = analyze_nps_column(text, IntervalOptions::default(), Some(ColumnSelector::Name("q2".into()))).unwrap();
/// assert_eq!((r.detractors, r.column.unwrap().index), (2, 3));
/// assert!(analyze_nps_column(text, IntervalOptions::default(), Some(ColumnSelector::Index(9))).is_err());
/// ```
pub fn analyze_nps_column(text: &str, options: IntervalOptions, column: Option<ColumnSelector>) -> Result<NpsReport, OptionError> {
    NpsReader::new(options, column).finish_with_text(text.as_bytes())
}

/// Reads NPS answers pushed in chunks of text or file bytes of any size, and
/// afterwards reports any column without reading again.
pub struct NpsReader {
    options: IntervalOptions,
    period: Option<Period>,
    reader: ColumnReader,
}

impl NpsReader {
    pub fn new(options: IntervalOptions, column: Option<ColumnSelector>) -> Self {
        NpsReader { options, period: None, reader: ColumnReader::new(Answers::numbers(Scale::ZERO_TO_TEN), HeaderWords::RECOMMEND, column) }
    }

    /// Also reports the segments, periods (of `period`; `None` for `auto`)
    /// and comments of the columns `extras` names.
    pub fn with_breakdown(mut self, extras: ExtraSelectors, period: Option<Period>) -> Self {
        self.reader = self.reader.with_extras(extras);
        self.period = period;
        self
    }

    /// The next chunk of UTF-8 text (a string's). The first chunk decides
    /// whether the reader reads text or file bytes.
    pub fn push_text(&mut self, chunk: &[u8]) {
        self.reader.push_text(chunk);
    }

    /// The next chunk of a file's bytes, in whatever encoding they are.
    pub fn push_bytes(&mut self, chunk: &[u8]) {
        self.reader.push_bytes(chunk);
    }

    /// The `column` option's error, as soon as the layout shows it names no column.
    pub fn error(&self) -> Option<&OptionError> {
        self.reader.error()
    }

    /// Ends the input and reports the column read.
    pub fn finish(&mut self) -> Result<NpsReport, OptionError> {
        self.finish_with_text(&[])
    }

    /// The last (or only) chunk of UTF-8 text, then [`finish`](Self::finish);
    /// a whole text given at once is read without a copy however short it is.
    pub fn finish_with_text(&mut self, text: &[u8]) -> Result<NpsReport, OptionError> {
        Ok(NpsReport::from_tally_by(self.reader.finish_with_text(text)?, self.options, self.period))
    }

    /// After [`finish`](Self::finish): the report of another column.
    pub fn report_for(&self, column: &ColumnSelector) -> Result<NpsReport, OptionError> {
        Ok(NpsReport::from_tally_by(self.reader.tally_for(column)?, self.options, self.period))
    }
}

/// The change in NPS from one sample to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsComparison {
    pub before: NpsReport,
    pub after: NpsReport,
    /// after − before in NPS points, unadjusted; `None` if either is empty.
    pub difference: Option<f64>,
    /// Interval for the difference, clamped to −200..200.
    pub interval: Option<Interval>,
    pub margin_of_error: Option<f64>,
    /// Standard error of the difference, in NPS points.
    pub standard_error: Option<f64>,
    /// The z statistic of the (adjusted, for adjusted-wald) difference.
    pub z: Option<f64>,
    /// Two-sided p-value for "no change".
    pub p_value: Option<f64>,
    /// Whether the p-value is below 1 − level (the interval excludes 0).
    pub significant: Option<bool>,
}

/// Compares two independent samples.
///
/// The variance of the difference is the sum of the two samples' variances.
/// With `adjusted-wald` both samples get the pseudo-observations and the
/// interval and test are centred on the adjusted difference, as in R's `NPS`
/// package (Rocks); `difference` is always the raw after − before. Tango's
/// interval has no two-sample form here, so `tango` is refused.
///
/// ```
/// use loyalty_score::{compare_nps, NpsCounts, IntervalOptions, IntervalMethod};
/// let wald = IntervalOptions { method: IntervalMethod::Wald, ..Default::default() };
/// let c = compare_nps(NpsCounts::new(50, 30, 20), NpsCounts::new(60, 25, 15), wald).unwrap();
/// assert!((c.difference.unwrap() - 15.0).abs() < 1e-12);
/// ```
pub fn compare_nps(before: NpsCounts, after: NpsCounts, options: IntervalOptions) -> Result<NpsComparison, OptionError> {
    let adjusted = match options.method {
        IntervalMethod::Wald => false,
        IntervalMethod::AdjustedWald => true,
        IntervalMethod::Tango => {
            return Err(OptionError::new(
                "method",
                "\"tango\" has no two-sample interval here; compare with \"adjusted-wald\" or \"wald\"",
            ))
        }
    };
    let difference = match (before.score_fraction(), after.score_fraction()) {
        (Some(b), Some(a)) => Some(100.0 * (a - b)),
        _ => None,
    };
    let stats = match (wald_centre_and_se(before, adjusted), wald_centre_and_se(after, adjusted)) {
        (Some((centre_b, se_b)), Some((centre_a, se_a))) => {
            let centre = centre_a - centre_b;
            let se = (se_a * se_a + se_b * se_b).sqrt();
            Some((centre, se))
        }
        _ => None,
    };
    let z_crit = options.level.critical_z();
    let z = stats.map(|(centre, se)| {
        if se > 0.0 {
            centre / se
        } else if centre == 0.0 {
            0.0
        } else {
            centre.signum() * f64::INFINITY
        }
    });
    let p_value = z.map(crate::stats::normal::two_sided_p);
    Ok(NpsComparison {
        before: NpsReport::from_counts(before, options),
        after: NpsReport::from_counts(after, options),
        difference,
        interval: stats.map(|(centre, se)| Interval {
            method: options.method,
            level: options.level.value(),
            low: (100.0 * (centre - z_crit * se)).clamp(-200.0, 200.0),
            high: (100.0 * (centre + z_crit * se)).clamp(-200.0, 200.0),
        }),
        margin_of_error: stats.map(|(_, se)| 100.0 * z_crit * se),
        standard_error: stats.map(|(_, se)| 100.0 * se),
        z,
        p_value,
        significant: p_value.map(|p| p < 1.0 - options.level.value()),
    })
}

/// What a planned survey needs: its margin, level and the shares assumed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SampleSizePlan {
    /// Respondents needed.
    pub respondents: u64,
    /// The margin of error asked for, in NPS points.
    pub margin: f64,
    pub level: f64,
    /// The promoter share assumed (given, or the worst case).
    pub promoter_share: f64,
    /// The detractor share assumed (given, or the worst case).
    pub detractor_share: f64,
}

/// Respondents needed for a Wald margin of error of ±`margin` NPS points.
///
/// n = z² · (p + d − (p − d)²) / (margin/100)², rounded up. A share not given
/// is the one that makes the variance largest given the other; with neither
/// given that is p = d = ½, whose variance 1 is the most any NPS can have.
///
/// ```
/// use loyalty_score::{nps_sample_size, ConfidenceLevel};
/// // (1.959964 × 100 / 5)² = 1536.6 → 1537 respondents for ±5 points.
/// let plan = nps_sample_size(5.0, ConfidenceLevel::DEFAULT, None, None).unwrap();
/// assert_eq!(plan.respondents, 1537);
/// ```
pub fn nps_sample_size(
    margin: f64,
    level: ConfidenceLevel,
    promoter_share: Option<f64>,
    detractor_share: Option<f64>,
) -> Result<SampleSizePlan, OptionError> {
    if !(margin.is_finite() && margin > 0.0 && margin <= 200.0) {
        return Err(OptionError::new(
            "margin",
            format!("must be a number of NPS points above 0 and at most 200 (such as 5), got {}", show_number(margin)),
        ));
    }
    let check = |name: &'static str, share: Option<f64>| match share {
        Some(s) if !(s.is_finite() && (0.0..=1.0).contains(&s)) => Err(OptionError::new(
            name,
            format!("must be a share between 0 and 1 (such as 0.4), got {}", show_number(s)),
        )),
        _ => Ok(share),
    };
    let promoter_share = check("promoterShare", promoter_share)?;
    let detractor_share = check("detractorShare", detractor_share)?;
    // The variance p + d − (p − d)² is concave in each share: with one fixed,
    // the other is best at (fixed + ½), kept within what is left of 1.
    let worst_other = |fixed: f64| (fixed + 0.5).min(1.0 - fixed);
    let (p, d) = match (promoter_share, detractor_share) {
        (Some(p), Some(d)) => {
            if p + d > 1.0 + 1e-12 {
                return Err(OptionError::new(
                    "detractorShare",
                    format!("promoterShare + detractorShare must be at most 1, got {} + {}", show_number(p), show_number(d)),
                ));
            }
            (p, d)
        }
        (Some(p), None) => (p, worst_other(p)),
        (None, Some(d)) => (worst_other(d), d),
        (None, None) => (0.5, 0.5),
    };
    let variance = (p + d - (p - d) * (p - d)).max(0.0);
    let z = level.critical_z();
    let exact = z * z * variance / (margin / 100.0).powi(2);
    // A hair below a whole number is that number, not the next one up.
    let respondents = ((exact - 1e-9).ceil().max(1.0)) as u64;
    Ok(SampleSizePlan { respondents, margin, level: level.value(), promoter_share: p, detractor_share: d })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(method: IntervalMethod, level: f64) -> IntervalOptions {
        IntervalOptions { method, level: ConfidenceLevel::new(level).unwrap() }
    }

    #[test]
    fn score_and_percentages_by_hand() {
        // 100 promoters, 30 passives, 80 detractors: n = 210,
        // 100/210 = 47.619 %, 80/210 = 38.095 %, NPS = 20/210 = 9.5238 points.
        let r = NpsReport::from_counts(NpsCounts::new(100, 30, 80), IntervalOptions::default());
        assert_eq!(r.respondents, 210);
        assert!((r.score.unwrap() - 9.523_809_523_809_524).abs() < 1e-12);
        assert!((r.promoter_pct.unwrap() - 47.619_047_619_047_62).abs() < 1e-12);
        assert!((r.detractor_pct.unwrap() - 38.095_238_095_238_095).abs() < 1e-12);
        assert!((r.passive_pct.unwrap() - 14.285_714_285_714_286).abs() < 1e-12);
    }

    #[test]
    fn wald_interval_by_hand() {
        // p = 100/210, d = 80/210: var = (p + d − (p − d)²)/n
        //   = (0.857143 − 0.00907029)/210 = 0.00403844, se = 0.0635487;
        // 1.959964 × 0.0635487 = 0.124553 → 9.5238 ± 12.4553 points.
        let r = NpsReport::from_counts(NpsCounts::new(100, 30, 80), opts(IntervalMethod::Wald, 0.95));
        let i = r.interval.unwrap();
        assert!((r.margin_of_error.unwrap() - 12.4553).abs() < 1e-3, "{:?}", r.margin_of_error);
        assert!((i.low - (9.5238 - 12.4553)).abs() < 1e-3);
        assert!((i.high - (9.5238 + 12.4553)).abs() < 1e-3);
    }

    #[test]
    fn adjusted_wald_for_one_promoter_matches_rocks() {
        // n' = 4, p' = 1.75/4 = .4375, d' = .75/4 = .1875, centre .25,
        // var = (.625 − .0625)/4 = .140625, se = .375, ±1.96 × .375 = ±.735
        // → [−48.5, 98.5].
        let r = NpsReport::from_counts(NpsCounts::new(1, 0, 0), IntervalOptions::default());
        let i = r.interval.unwrap();
        assert_eq!(r.score, Some(100.0));
        assert!((i.low - -48.499).abs() < 0.01, "{}", i.low);
        assert!((i.high - 98.499).abs() < 0.01, "{}", i.high);
        assert!((r.margin_of_error.unwrap() - 73.4987).abs() < 1e-3);
    }

    #[test]
    fn tango_for_a_unanimous_sample_by_hand() {
        // All 10 promoters, no passives: q̃(Δ) = (1 − Δ)/2, so
        // T(Δ) = sqrt(10(1 − Δ)/(1 + Δ)), and T = z at Δ = (10 − z²)/(10 + z²)
        // = 0.44493 — the same as Wilson's lower bound 10/(10 + z²) for the
        // promoter share, mapped to NPS by 2·share − 1.
        let z: f64 = crate::stats::normal::two_sided_critical(0.95);
        let expected = 100.0 * (10.0 - z * z) / (10.0 + z * z);
        assert!((expected - 44.493).abs() < 1e-3);
        let r = NpsReport::from_counts(NpsCounts::new(10, 0, 0), opts(IntervalMethod::Tango, 0.95));
        let i = r.interval.unwrap();
        assert!((i.low - expected).abs() < 1e-6, "{} vs {expected}", i.low);
        assert_eq!(i.high, 100.0);
    }

    #[test]
    fn intervals_are_clamped_but_the_margin_is_not() {
        let r = NpsReport::from_counts(NpsCounts::new(3, 0, 0), opts(IntervalMethod::AdjustedWald, 0.99));
        let i = r.interval.unwrap();
        assert_eq!(i.high, 100.0);
        assert!(r.margin_of_error.unwrap() > (i.high - i.low) / 2.0);
    }

    #[test]
    fn no_respondents_gives_nulls_not_nans() {
        let r = NpsReport::from_counts(NpsCounts::default(), IntervalOptions::default());
        assert_eq!((r.score, r.interval, r.margin_of_error, r.promoter_pct), (None, None, None, None));
    }

    #[test]
    fn comparison_by_hand_with_wald() {
        // before 50/30/20 of 100: NPS 30, var = (.5 + .2 − .09)/100 = .0061
        // after 60/25/15 of 100: NPS 45, var = (.6 + .15 − .2025)/100 = .005475
        // se = sqrt(.011575) = .107587; z = .15/.107587 = 1.39422; p = erfc(z/√2) = .16325.
        let c = compare_nps(NpsCounts::new(50, 30, 20), NpsCounts::new(60, 25, 15), opts(IntervalMethod::Wald, 0.95)).unwrap();
        assert!((c.standard_error.unwrap() - 10.7587).abs() < 1e-3);
        assert!((c.z.unwrap() - 1.39422).abs() < 1e-4);
        assert!((c.p_value.unwrap() - 0.163_25).abs() < 1e-4, "{:?}", c.p_value);
        assert_eq!(c.significant, Some(false));
        let i = c.interval.unwrap();
        assert!((i.low - (15.0 - 1.959964 * 10.7587)).abs() < 1e-2);
    }

    #[test]
    fn comparison_with_adjusted_wald_centres_on_the_adjusted_difference() {
        // before 0/0/10 → adjusted (.75, 1.5, 10.75)/13: centre −10/13
        // after 10/0/0 → adjusted (10.75, 1.5, .75)/13: centre +10/13
        // raw difference 200 points; adjusted centre 2·10/13 = 153.846 points.
        let c = compare_nps(NpsCounts::new(0, 0, 10), NpsCounts::new(10, 0, 0), IntervalOptions::default()).unwrap();
        assert_eq!(c.difference, Some(200.0));
        let i = c.interval.unwrap();
        assert!(((i.low + i.high) / 2.0 - 153.846).abs() < 1e-2);
        assert_eq!(c.significant, Some(true));
    }

    #[test]
    fn comparison_refuses_tango_naming_the_method() {
        let err = compare_nps(NpsCounts::new(1, 1, 1), NpsCounts::new(1, 1, 1), opts(IntervalMethod::Tango, 0.95)).unwrap_err();
        assert_eq!(err.option, "method");
    }

    #[test]
    fn comparison_with_an_empty_sample_has_no_statistics() {
        let c = compare_nps(NpsCounts::default(), NpsCounts::new(1, 1, 1), IntervalOptions::default()).unwrap();
        assert_eq!((c.difference, c.p_value, c.significant), (None, None, None));
    }

    #[test]
    fn sample_size_by_hand() {
        // Worst case ±5 at 95 %: (1.959964/0.05)² × 1 = 1536.58 → 1537.
        let plan = nps_sample_size(5.0, ConfidenceLevel::DEFAULT, None, None).unwrap();
        assert_eq!((plan.respondents, plan.promoter_share, plan.detractor_share), (1537, 0.5, 0.5));
        // p = .5, d = .2: var = .7 − .09 = .61; ±5 → 1536.58 × .61 = 937.3 → 938.
        let plan = nps_sample_size(5.0, ConfidenceLevel::DEFAULT, Some(0.5), Some(0.2)).unwrap();
        assert_eq!(plan.respondents, 938);
        // Only p = .3 given: worst d = .7 (capped by 1 − p); var = 1 − .16 = .84.
        let plan = nps_sample_size(10.0, ConfidenceLevel::DEFAULT, Some(0.3), None).unwrap();
        assert_eq!(plan.detractor_share, 0.7);
        assert_eq!(plan.respondents, (384.1459 * 0.84f64).ceil() as u64);
    }

    #[test]
    fn sample_size_names_the_bad_option() {
        let level = ConfidenceLevel::DEFAULT;
        assert_eq!(nps_sample_size(0.0, level, None, None).unwrap_err().option, "margin");
        assert_eq!(nps_sample_size(f64::NAN, level, None, None).unwrap_err().option, "margin");
        assert_eq!(nps_sample_size(5.0, level, Some(1.5), None).unwrap_err().option, "promoterShare");
        assert_eq!(nps_sample_size(5.0, level, None, Some(-0.1)).unwrap_err().option, "detractorShare");
        assert_eq!(nps_sample_size(5.0, level, Some(0.7), Some(0.6)).unwrap_err().option, "detractorShare");
    }
}
