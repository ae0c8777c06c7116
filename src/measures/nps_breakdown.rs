//! The NPS by segment and by period, each with its interval and a test
//! against the rest or the period before, and the comments behind the score
//! grouped by promoters, passives and detractors.
//!
//! Every test is the two-sample test of [`compare_nps`]: the difference of
//! two independent NPS, its variance the sum of theirs (Rocks 2016). Tango's
//! interval has no two-sample form here, so under `tango` the tests use
//! adjusted Wald (and say so in their `method`). Segments are tested each
//! against all other respondents, and their p-values adjusted by Holm's
//! step-down procedure (Holm 1979) for the number of segments; a period is
//! compared with the one before it, unadjusted.

use super::nps::{compare_nps, Interval, NpsCounts, NpsReport};
use crate::options::{IntervalMethod, IntervalOptions};
use crate::read::breakdown::{in_order, sorted_positions, Breakdown, Comment, ExtraColumn, MAX_COMMENTS_KEPT};
use crate::read::dates::{iso_date, DateOrder, Period};
use crate::read::parse::{Rejected, Warning};
use serde::Serialize;

/// Segments listed one by one; the rest are one `(other)`.
pub const MAX_SEGMENTS: usize = 50;
/// Fewer respondents than this make a segment's or period's score `fewAnswers`.
pub const FEW_ANSWERS: u64 = 30;
/// `auto` takes the longest period that gives at least this many points.
pub const AUTO_MIN_PERIODS: usize = 4;
/// The name of the segment that holds those beyond the 50 largest.
pub const OTHER_SEGMENT: &str = "(other)";

/// A segment or period against what it is compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versus {
    /// This one minus the other, in NPS points.
    pub difference: Option<f64>,
    pub interval: Option<Interval>,
    pub p_value: Option<f64>,
    /// Holm-adjusted over all segments; segments only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_value_adjusted: Option<f64>,
    /// The (adjusted, for segments) p-value is below 1 − level.
    pub significant: Option<bool>,
}

/// The NPS of one group of respondents: `$name` with the fields of a group's
/// score, written out (not flattened) so that reports stay plain objects.
macro_rules! group_score {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            pub respondents: u64,
            pub promoters: u64,
            pub passives: u64,
            pub detractors: u64,
            pub score: Option<f64>,
            pub interval: Option<Interval>,
            pub margin_of_error: Option<f64>,
            /// Fewer than 30 respondents: the score moves a lot with a few answers.
            pub few_answers: bool,
        }
    };
}

group_score! {
    /// One segment: the respondents with one value in the segment column.
    SegmentScore {
        name: String,
        versus_rest: Versus,
    }
}

group_score! {
    /// One period of time.
    PeriodScore {
        /// Its first day, `YYYY-MM-DD`.
        start: String,
        /// `2024-01-05`, `2024-W01`, `2024-01`, `2024-Q1` or `2024`.
        label: String,
        /// Against the period listed before; `None` for the first.
        versus_previous: Option<Versus>,
    }
}

/// Fills the group fields of a segment or period from its counts.
macro_rules! scored {
    ($name:ident { $($field:ident: $value:expr),* $(,)? }, $counts:expr, $options:expr) => {{
        let r = NpsReport::from_counts($counts, $options);
        $name {
            $($field: $value,)*
            respondents: r.respondents,
            promoters: r.promoters,
            passives: r.passives,
            detractors: r.detractors,
            score: r.score,
            interval: r.interval,
            margin_of_error: r.margin_of_error,
            few_answers: r.respondents < FEW_ANSWERS,
        }
    }};
}

/// The comments of one NPS group.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CommentGroup {
    /// Comments written, kept or not.
    pub total: u64,
    /// The first 500, in order.
    pub items: Vec<Comment>,
}

/// The comments by NPS group.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NpsComments {
    pub promoters: CommentGroup,
    pub passives: CommentGroup,
    pub detractors: CommentGroup,
}

/// Everything the segment, date and comment columns add to a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NpsBreakdown {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_column: Option<ExtraColumn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentScore>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_column: Option<ExtraColumn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<PeriodScore>>,
    /// The period used (chosen by `auto` or given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The day-and-month order of the dates, when any date needed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Counted answers whose date cell is blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated: Option<u64>,
    /// Dates that could not be read (their answers still count overall).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_rejected: Option<Vec<Rejected>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_rejected_count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment_column: Option<ExtraColumn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<NpsComments>,
}

/// The options for the tests: the report's, with adjusted Wald for Tango.
fn test_options(options: IntervalOptions) -> IntervalOptions {
    match options.method {
        IntervalMethod::Tango => IntervalOptions { method: IntervalMethod::AdjustedWald, ..options },
        _ => options,
    }
}

/// `this` against `other`: this minus other.
fn versus(this: NpsCounts, other: NpsCounts, options: IntervalOptions) -> Versus {
    match compare_nps(other, this, test_options(options)) {
        Ok(c) => Versus { difference: c.difference, interval: c.interval, p_value: c.p_value, p_value_adjusted: None, significant: c.significant },
        Err(_) => Versus { difference: None, interval: None, p_value: None, p_value_adjusted: None, significant: None },
    }
}

/// Holm's step-down adjustment of `p` (missing values stay missing and do
/// not count among the tests): the i-th smallest of m p-values becomes the
/// largest of (m − j + 1)·p₍ⱼ₎ over j ≤ i, at most 1.
pub fn holm(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let tested: Vec<usize> = (0..p.len()).filter(|&i| p[i].is_some()).collect();
    let value = |i: usize| p[tested[i]].unwrap_or(1.0);
    let order: Vec<usize> = sorted_positions(tested.len(), &|a, b| value(a) < value(b)).into_iter().map(|i| tested[i]).collect();
    let m = order.len();
    let mut adjusted = vec![None; p.len()];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        let value = ((m - rank) as f64 * p[i].unwrap_or(1.0)).min(1.0);
        running = running.max(value);
        adjusted[i] = Some(running);
    }
    adjusted
}

fn segments(breakdown: &Breakdown, options: IntervalOptions, warnings: &mut Vec<Warning>) -> Vec<SegmentScore> {
    let all: Vec<(String, NpsCounts)> =
        breakdown.segments.iter().map(|(name, histogram)| (name.clone(), NpsCounts::from_histogram(histogram))).collect();
    let mut all = in_order(all, &|a, b| (b.1.respondents(), &a.0) < (a.1.respondents(), &b.0));
    let unlisted = NpsCounts::from_histogram(&breakdown.unlisted_segments);
    let distinct = all.len() + usize::from(unlisted.respondents() > 0);
    if all.len() > MAX_SEGMENTS || unlisted.respondents() > 0 {
        let rest = all.split_off(MAX_SEGMENTS.min(all.len()));
        let other = rest.iter().fold(unlisted, |sum, (_, c)| {
            NpsCounts::new(sum.promoters + c.promoters, sum.passives + c.passives, sum.detractors + c.detractors)
        });
        let more = if breakdown.unlisted_segments.iter().any(|&n| n > 0) { "more than 10,000".to_string() } else { distinct.to_string() };
        warnings.push(Warning {
            code: "many-segments",
            message: format!("the segment column has {more} values; the {MAX_SEGMENTS} largest are shown and the rest are one “{OTHER_SEGMENT}”"),
            columns: breakdown.segment_column.iter().map(|c| c.index).collect(),
            at: None,
        });
        all.push((OTHER_SEGMENT.to_string(), other));
    }
    let total = all.iter().fold(NpsCounts::default(), |sum, (_, c)| {
        NpsCounts::new(sum.promoters + c.promoters, sum.passives + c.passives, sum.detractors + c.detractors)
    });
    let mut scored: Vec<SegmentScore> = all
        .into_iter()
        .map(|(name, counts)| {
            let rest = NpsCounts::new(total.promoters - counts.promoters, total.passives - counts.passives, total.detractors - counts.detractors);
            scored!(SegmentScore { name: name, versus_rest: versus(counts, rest, options) }, counts, options)
        })
        .collect();
    let adjusted = holm(&scored.iter().map(|s| s.versus_rest.p_value).collect::<Vec<_>>());
    let alpha = 1.0 - options.level.value();
    for (segment, p) in scored.iter_mut().zip(adjusted) {
        segment.versus_rest.p_value_adjusted = p;
        segment.versus_rest.significant = p.map(|p| p < alpha);
    }
    scored
}

/// The period `auto` takes: the longest that gives at least four points, or days.
pub fn auto_period(days: &[i64]) -> Period {
    Period::LONGEST_FIRST
        .into_iter()
        .find(|period| {
            let mut starts: Vec<i64> = days.iter().map(|&d| period.start(d)).collect();
            starts.dedup();
            starts.len() >= AUTO_MIN_PERIODS
        })
        .unwrap_or(Period::Day)
}

fn periods(breakdown: &Breakdown, period: Option<Period>, options: IntervalOptions, out: &mut NpsBreakdown, warnings: &mut Vec<Warning>) {
    let dates = breakdown.resolve_dates();
    let days: Vec<i64> = dates.days.keys().copied().collect();
    let period = period.unwrap_or_else(|| auto_period(&days));
    let mut grouped: Vec<(i64, Vec<u64>)> = Vec::new();
    for (&day, histogram) in &dates.days {
        let start = period.start(day);
        match grouped.last_mut() {
            Some((s, sum)) if *s == start => sum.iter_mut().zip(histogram).for_each(|(t, n)| *t += n),
            _ => grouped.push((start, histogram.clone())),
        }
    }
    let mut scored: Vec<PeriodScore> = Vec::with_capacity(grouped.len());
    let mut previous: Option<NpsCounts> = None;
    for (start, histogram) in grouped {
        let counts = NpsCounts::from_histogram(&histogram);
        scored.push(scored!(
            PeriodScore {
                start: iso_date(start),
                label: period.label(start),
                versus_previous: previous.map(|before| versus(counts, before, options)),
            },
            counts,
            options
        ));
        previous = Some(counts);
    }
    if let (true, Some(order)) = (dates.order_assumed, dates.order) {
        let (read, other) = match order {
            DateOrder::DayFirst => ("day first (5/1 is 5 January)", "month-first"),
            DateOrder::MonthFirst => ("month first (5/1 is 1 May)", "day-first"),
        };
        warnings.push(Warning {
            code: "date-order-unsure",
            message: format!("no date shows whether the day or the month comes first; they were read {read}. Set dateOrder to \"{other}\" if that is wrong"),
            columns: breakdown.date_column.iter().map(|c| c.index).collect(),
            at: None,
        });
    }
    out.periods = Some(scored);
    out.period = Some(period);
    out.date_order = dates.order;
    out.undated = Some(breakdown.undated);
    out.date_rejected = Some(dates.rejected);
    out.date_rejected_count = Some(dates.rejected_count);
}

fn comments(breakdown: &Breakdown) -> NpsComments {
    let group = |values: core::ops::Range<usize>| {
        let total = breakdown.comment_totals.get(values.clone()).map_or(0, |t| t.iter().sum());
        let items: Vec<Comment> = breakdown.comments.get(values).map_or_else(Vec::new, |c| c.iter().flatten().cloned().collect());
        let mut items = in_order(items, &|a, b| a.line < b.line);
        items.truncate(MAX_COMMENTS_KEPT);
        CommentGroup { total, items }
    };
    NpsComments { detractors: group(0..7), passives: group(7..9), promoters: group(9..11) }
}

/// What the breakdown of the answers read adds to their report.
pub fn nps_breakdown(breakdown: &Breakdown, period: Option<Period>, options: IntervalOptions, warnings: &mut Vec<Warning>) -> NpsBreakdown {
    let mut out = NpsBreakdown::default();
    if breakdown.segment_column.is_some() {
        out.segment_column.clone_from(&breakdown.segment_column);
        out.segments = Some(segments(breakdown, options, warnings));
    }
    if breakdown.date_column.is_some() {
        out.date_column.clone_from(&breakdown.date_column);
        periods(breakdown, period, options, &mut out, warnings);
    }
    if breakdown.comment_column.is_some() {
        out.comment_column.clone_from(&breakdown.comment_column);
        out.comments = Some(comments(breakdown));
    }
    out
}
