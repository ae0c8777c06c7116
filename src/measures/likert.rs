//! Likert items and CSAT: one question answered on a 1–5, 1–7 or 0–10 scale.
//!
//! CSAT is the top-two-box share on a 1–5 scale: the percentage of answers
//! of 4 ("satisfied") or 5 ("very satisfied").

use crate::options::OptionError;
use crate::read::layout::{ColumnSelector, HeaderWords, Layout, ScoreColumn};
use crate::options::ConfidenceLevel;
use crate::read::parse::{ColumnReader, ColumnSummary, Encoding, Rejected, Tally, Warning};
use crate::read::token::Answers;
use crate::stats::proportion::wilson;
use crate::read::token::Scale;
use serde::Serialize;

/// The scales a Likert or CSAT question may use.
pub const LIKERT_SCALES: [Scale; 3] = [Scale { min: 1, max: 5 }, Scale { min: 1, max: 7 }, Scale::ZERO_TO_TEN];

/// An interval for a mean or a share, in the report's own units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bounds {
    /// `t` (Student's t, for a mean) or `wilson` (for a share).
    pub method: &'static str,
    pub level: f64,
    pub low: f64,
    pub high: f64,
}

/// The lowest and highest answer of a scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScaleRange {
    pub min: u8,
    pub max: u8,
}

/// Summary of the answers to one Likert or CSAT question.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LikertReport {
    pub scale: ScaleRange,
    pub respondents: u64,
    pub mean: Option<f64>,
    /// Sample standard deviation (divisor n − 1); `None` below two answers.
    pub sd: Option<f64>,
    pub median: Option<f64>,
    /// Answers counted from the scale's lowest value up.
    pub histogram: Vec<u64>,
    /// % of answers in the highest box.
    pub top_box_pct: Option<f64>,
    /// % in the two highest boxes (CSAT on a 1–5 scale).
    pub top_two_box_pct: Option<f64>,
    /// % in the two lowest boxes.
    pub bottom_two_box_pct: Option<f64>,
    /// Student's t interval for the mean, clamped to the scale; `None` below two answers.
    pub mean_interval: Option<Bounds>,
    /// Wilson interval for the top-two-box %, in percent.
    pub top_two_box_interval: Option<Bounds>,
    pub rejected: Vec<Rejected>,
    pub rejected_count: u64,
    pub column: Option<ScoreColumn>,
    pub layout: Layout,
    /// Every column of the text with its profile on the scale.
    pub columns: Vec<ColumnSummary>,
    pub warnings: Vec<Warning>,
    pub encoding: Encoding,
    /// Rows of data read (entries, for a list).
    pub rows: u64,
    /// The label scale that answers written as words were read with
    /// ("agreement (English, 5 points)"), or `None`.
    pub labels: Option<&'static str>,
}

fn median(histogram: &[u64], min: u8, n: u64) -> Option<f64> {
    if n == 0 {
        return None;
    }
    // The values at 0-based ranks ⌊(n−1)/2⌋ and ⌊n/2⌋, averaged.
    let value_at = |rank: u64| {
        let mut seen = 0;
        for (i, &count) in histogram.iter().enumerate() {
            seen += count;
            if seen > rank {
                return f64::from(min) + i as f64;
            }
        }
        f64::from(min) + histogram.len().saturating_sub(1) as f64
    };
    Some((value_at((n - 1) / 2) + value_at(n / 2)) / 2.0)
}

impl LikertReport {
    pub fn from_tally(tally: Tally, level: ConfidenceLevel) -> Self {
        let scale = tally.scale;
        let histogram = tally.histogram;
        let n: u64 = histogram.iter().sum();
        let nf = n as f64;
        let value = |i: usize| f64::from(scale.min) + i as f64;
        let sum: f64 = histogram.iter().enumerate().map(|(i, &c)| c as f64 * value(i)).sum();
        let mean = (n > 0).then(|| sum / nf);
        let sd = mean.filter(|_| n >= 2).map(|m| {
            let squares: f64 = histogram.iter().enumerate().map(|(i, &c)| c as f64 * (value(i) - m).powi(2)).sum();
            (squares / (nf - 1.0)).sqrt()
        });
        let boxes = |range: core::ops::Range<usize>| histogram.get(range).map_or(0, |s| s.iter().sum::<u64>());
        let len = histogram.len();
        let top_two = boxes(len.saturating_sub(2)..len);
        let pct = |count: u64| (n > 0).then(|| 100.0 * count as f64 / nf);
        let mean_interval = match (mean, sd) {
            (Some(m), Some(s)) => {
                let t = crate::stats::student_t::quantile(1.0 - (1.0 - level.value()) / 2.0, nf - 1.0);
                let half = t * s / nf.sqrt();
                // No mean can leave the scale, so neither do the interval's ends.
                let (min, max) = (f64::from(scale.min), f64::from(scale.max));
                Some(Bounds { method: "t", level: level.value(), low: (m - half).max(min), high: (m + half).min(max) })
            }
            _ => None,
        };
        LikertReport {
            scale: ScaleRange { min: scale.min, max: scale.max },
            respondents: n,
            mean,
            sd,
            median: median(&histogram, scale.min, n),
            top_box_pct: pct(boxes(len.saturating_sub(1)..len)),
            top_two_box_pct: pct(top_two),
            bottom_two_box_pct: pct(boxes(0..2.min(len))),
            mean_interval,
            top_two_box_interval: wilson(top_two, n, level).map(|(low, high)| Bounds {
                method: "wilson",
                level: level.value(),
                low: 100.0 * low,
                high: 100.0 * high,
            }),
            histogram,
            rejected: tally.rejected,
            rejected_count: tally.rejected_count,
            column: tally.column,
            layout: tally.layout,
            columns: tally.columns,
            warnings: tally.warnings,
            encoding: tally.encoding,
            rows: tally.rows,
            labels: tally.labels,
        }
    }
}

/// Reads pasted answers on `scale` and summarises them.
///
/// ```
/// use loyalty_score::{likert::analyze_likert, ConfidenceLevel, Scale};
/// let report = analyze_likert(b"5\n4\n4\n2\n", Scale { min: 1, max: 5 }, ConfidenceLevel::DEFAULT);
/// assert_eq!(report.mean, Some(3.75));
/// assert_eq!(report.top_two_box_pct, Some(75.0)); // CSAT
/// ```
pub fn analyze_likert(text: &[u8], scale: Scale, level: ConfidenceLevel) -> LikertReport {
    let mut reader = LikertReader::new(scale, level, None);
    reader.push_bytes(text);
    reader.finish().unwrap_or_else(|_| LikertReport::from_tally(Tally::new(scale), level))
}

/// Reads Likert answers (numbers, or the labels of a 5- or 7-point scale)
/// pushed in chunks, and afterwards reports any column without reading again.
///
/// ```
/// use loyalty_score::{likert::LikertReader, ConfidenceLevel, Scale};
/// let mut reader = LikertReader::new(Scale { min: 1, max: 5 }, ConfidenceLevel::DEFAULT, None);
/// reader.push_text("Answer\nStrongly agree\nAgree\nDisag".as_bytes());
/// reader.push_text("ree\n".as_bytes());
/// let report = reader.finish().unwrap();
/// assert_eq!(report.histogram, vec![0, 1, 0, 1, 1]);
/// assert_eq!(report.labels, Some("agreement (English, 5 points)"));
/// ```
pub struct LikertReader {
    level: ConfidenceLevel,
    reader: ColumnReader,
}

impl LikertReader {
    pub fn new(scale: Scale, level: ConfidenceLevel, column: Option<ColumnSelector>) -> Self {
        LikertReader { level, reader: ColumnReader::new(Answers::likert(scale), HeaderWords::SATISFACTION, column) }
    }

    /// The next chunk of UTF-8 text; the first chunk decides text or bytes.
    pub fn push_text(&mut self, chunk: &[u8]) {
        self.reader.push_text(chunk);
    }

    /// The next chunk of a file's bytes.
    pub fn push_bytes(&mut self, chunk: &[u8]) {
        self.reader.push_bytes(chunk);
    }

    /// The `column` option's error, as soon as the layout shows it names no column.
    pub fn error(&self) -> Option<&OptionError> {
        self.reader.error()
    }

    pub fn finish(&mut self) -> Result<LikertReport, OptionError> {
        self.finish_with_text(&[])
    }

    /// The last (or only) chunk of UTF-8 text, then [`finish`](Self::finish).
    pub fn finish_with_text(&mut self, text: &[u8]) -> Result<LikertReport, OptionError> {
        Ok(LikertReport::from_tally(self.reader.finish_with_text(text)?, self.level))
    }

    /// After [`finish`](Self::finish): the report of another column.
    pub fn report_for(&self, column: &ColumnSelector) -> Result<LikertReport, OptionError> {
        Ok(LikertReport::from_tally(self.reader.tally_for(column)?, self.level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const FIVE: Scale = Scale { min: 1, max: 5 };

    #[test]
    fn a_csat_sample_by_hand() {
        // Answers 5, 5, 4, 4, 4, 3, 2, 1, 5, 4 (n = 10):
        // sum = 37 → mean 3.7; deviations² = 1.69·3 + 0.09·4 + 0.49 + 2.89 + 7.29
        //   = 5.07 + 0.36 + 0.49 + 2.89 + 7.29 = 16.1 → sd = sqrt(16.1/9) = 1.337494;
        // sorted 1 2 3 4 4 4 4 5 5 5 → median (4 + 4)/2 = 4;
        // top box 3/10 = 30 %, top two 7/10 = 70 % (CSAT), bottom two 2/10 = 20 %;
        // t(0.975, 9) = 2.262157 → 3.7 ± 2.262157 × 1.337494/√10 = 3.7 ± 0.956786.
        let r = analyze_likert(b"5\n5\n4\n4\n4\n3\n2\n1\n5\n4", FIVE, ConfidenceLevel::DEFAULT);
        assert_eq!(r.respondents, 10);
        assert!((r.mean.unwrap() - 3.7).abs() < 1e-12);
        assert!((r.sd.unwrap() - 1.337_494).abs() < 1e-6);
        assert_eq!(r.median, Some(4.0));
        assert_eq!(r.histogram, vec![1, 1, 1, 4, 3]);
        assert!((r.top_box_pct.unwrap() - 30.0).abs() < 1e-12);
        assert!((r.top_two_box_pct.unwrap() - 70.0).abs() < 1e-12);
        assert!((r.bottom_two_box_pct.unwrap() - 20.0).abs() < 1e-12);
        let i = r.mean_interval.unwrap();
        assert!((i.high - i.low - 2.0 * 0.956_786).abs() < 1e-5, "{i:?}");
        let w = r.top_two_box_interval.unwrap();
        // Wilson for 7 of 10: centre (0.7 + 0.192073)/1.384146 = 0.644491 …
        assert!(w.low < 70.0 && w.high > 70.0 && w.method == "wilson");
    }

    #[test]
    fn one_answer_has_no_spread_and_no_answers_have_nothing() {
        let r = analyze_likert(b"4", FIVE, ConfidenceLevel::DEFAULT);
        assert_eq!((r.mean, r.sd, r.median, r.mean_interval), (Some(4.0), None, Some(4.0), None));
        let r = analyze_likert(b"", FIVE, ConfidenceLevel::DEFAULT);
        assert_eq!((r.mean, r.top_two_box_pct, r.top_two_box_interval), (None, None, None));
    }

    #[test]
    fn answers_off_the_scale_are_rejected_with_the_scale_in_the_message() {
        let r = analyze_likert(b"Tevredenheid\n5\n6\n4\n3\n0", FIVE, ConfidenceLevel::DEFAULT);
        assert_eq!(r.respondents, 3);
        assert_eq!(r.rejected_count, 2);
        assert_eq!(r.rejected[0].message, "outside the 1–5 scale");
        assert_eq!(r.column.as_ref().and_then(|c| c.name.as_deref()), Some("Tevredenheid"));
    }

    #[test]
    fn seven_point_and_eleven_point_scales() {
        // 1–7: 7, 6 top two of 4 answers → 50 %; median of 1 4 6 7 = 5.
        let r = analyze_likert(b"7 6 4 1", Scale { min: 1, max: 7 }, ConfidenceLevel::DEFAULT);
        assert_eq!((r.top_two_box_pct, r.median), (Some(50.0), Some(5.0)));
        let r = analyze_likert(b"0 10 10", Scale::ZERO_TO_TEN, ConfidenceLevel::DEFAULT);
        assert_eq!(r.histogram.len(), 11);
        assert!((r.mean.unwrap() - 20.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn scale_names() {
        use crate::options::scale_from_name;
        assert_eq!(scale_from_name("1-7", &LIKERT_SCALES), Ok(Scale { min: 1, max: 7 }));
        assert_eq!(scale_from_name("0–10", &LIKERT_SCALES), Ok(Scale::ZERO_TO_TEN));
        assert_eq!(scale_from_name("1-10", &LIKERT_SCALES).unwrap_err().option, "scale");
    }
}
