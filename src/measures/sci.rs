//! The Secure Customer Index (SCI) and the Customer Loyalty Index (CLI), from
//! three answers per respondent: overall satisfaction, likelihood to buy
//! again, and likelihood to recommend.
//!
//! A respondent is **secure** when all three answers are in the top two boxes
//! of the scale, **favorable** when all three reach the favorable threshold but
//! not all are secure, and **at risk** otherwise. The SCI is the percentage of
//! secure respondents (Burke's Secure Customer Index, after Hayes, *Measuring
//! Customer Satisfaction and Loyalty*, 3rd ed., 2008). The CLI is the mean over
//! respondents of the mean of their three answers, rescaled to 0–100 (Hayes 2008).
//!
//! | scale | secure (all three) | favorable (all three) | at risk (any) |
//! | --- | --- | --- | --- |
//! | 0–10 | 9–10 | 7–10 | 0–6 |
//! | 1–7 | 6–7 | 5–7 | 1–4 |
//! | 1–5 | 4–5 | 3–5 | 1–2 |

use super::likert::{Bounds, ScaleRange};
use crate::options::{ConfidenceLevel, OptionError};
use crate::read::decode::{Decoder, Encoding};
use crate::read::layout::{
    column_headers, find_column, header_row_count, shorten, modal_width, mostly_scores, split_records, ColumnHeader, ColumnSelector,
    Delimiter, Record,
};
use crate::read::parse::{
    classify_entry, is_preview_or_test, sample_complete, sample_of, test_responses_warning, ColumnProfiles, ColumnSummary,
    Rejected, Tally, Warning,
};
use crate::read::rows::{for_each_whitespace_row, Row, RowReader, WhitespaceRowReader};
use crate::read::token::{trim_cell, Answers, Cell, RejectReason, Scale};
use crate::stats::proportion::wilson;
use crate::read::breakdown::sorted_positions;
use serde::Serialize;
use std::collections::BTreeMap;

/// The scales the three SCI questions may use.
pub const SCI_SCALES: [Scale; 3] = [Scale::ZERO_TO_TEN, Scale { min: 1, max: 5 }, Scale { min: 1, max: 7 }];

/// At-risk line numbers kept in a report.
const MAX_AT_RISK_LINES: usize = 100;

/// The lowest answer that is secure, and the lowest that is favorable.
pub fn thresholds(scale: Scale) -> (u8, u8) {
    match (scale.min, scale.max) {
        (0, 10) => (9, 7),
        (1, 7) => (6, 5),
        // 1–5, and any other scale: the top two boxes, and one box below them.
        _ => (scale.max.saturating_sub(1), scale.max.saturating_sub(2)),
    }
}

const SATISFACTION_WORDS: &[&str] = &["satisf", "tevreden", "csat"];
const REPURCHASE_WORDS: &[&str] = &[
    "repurchase", "re-purchase", "buy again", "purchase again", "buy from us again", "rebuy", "herhaalaankoop",
    "opnieuw kopen", "weer kopen", "nogmaals kopen", "opnieuw", "again", "terugkomen",
];
const RECOMMEND_WORDS: &[&str] = &["recommend", "aanbevel", "aanraden", "aanbeveling", "nps", "promot"];

/// Where one question's answers were read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SciColumn {
    /// From 1.
    pub index: u32,
    pub name: Option<String>,
}

/// Which column was read as which question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SciColumns {
    pub satisfaction: SciColumn,
    pub repurchase: SciColumn,
    pub recommend: SciColumn,
    /// `header` when the header named all three questions; `order` when the
    /// columns were taken as satisfaction, repurchase, recommend from the left;
    /// `option` when the caller named them (the `columns` option).
    pub chosen_by: &'static str,
    pub delimiter: Option<Delimiter>,
    pub header: bool,
}

/// Top-two-box percentage of each question.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PerQuestion {
    pub satisfaction: Option<f64>,
    pub repurchase: Option<f64>,
    pub recommend: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SciReport {
    pub scale: ScaleRange,
    pub respondents: u64,
    pub secure: u64,
    pub favorable: u64,
    pub at_risk: u64,
    /// % secure, 0–100; `None` with no respondents.
    pub index: Option<f64>,
    /// Wilson interval for the index, in percent.
    pub interval: Option<Bounds>,
    pub secure_pct: Option<f64>,
    pub favorable_pct: Option<f64>,
    pub at_risk_pct: Option<f64>,
    pub per_question: PerQuestion,
    /// Customer Loyalty Index, 0–100.
    pub cli: Option<f64>,
    /// Lines of the first 100 at-risk respondents, to follow up.
    pub at_risk_lines: Vec<u64>,
    pub columns: SciColumns,
    pub rejected: Vec<Rejected>,
    pub rejected_count: u64,
    /// Every column of the text with its profile on the scale.
    pub table: Vec<ColumnSummary>,
    pub warnings: Vec<Warning>,
    pub encoding: Encoding,
    /// Rows of data read.
    pub rows: u64,
    /// The column read as segment (the `segment` option).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_column: Option<SciColumn>,
    /// The index of each value of the segment column, largest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SciSegment>>,
}

/// The SCI of the respondents with one value in the segment column.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SciSegment {
    pub name: String,
    pub respondents: u64,
    pub secure: u64,
    pub favorable: u64,
    pub at_risk: u64,
    /// % secure, 0–100.
    pub index: Option<f64>,
    /// Wilson interval for the index, in percent.
    pub interval: Option<Bounds>,
    /// Fewer than 30 respondents.
    pub few_answers: bool,
}

/// Segments listed one by one; the rest are one `(other)`.
const MAX_SCI_SEGMENTS: usize = 50;

fn header_question(name: &str) -> Option<usize> {
    let name = name.to_ascii_lowercase();
    let named = |words: &[&str]| words.iter().any(|w| name.contains(w));
    // Recommend first: "would you recommend us again" is about recommending.
    if named(RECOMMEND_WORDS) {
        Some(2)
    } else if named(SATISFACTION_WORDS) {
        Some(0)
    } else if named(REPURCHASE_WORDS) {
        Some(1)
    } else {
        None
    }
}

/// Chooses the three columns (satisfaction, repurchase, recommend).
fn choose_columns(header: Option<&Record>, body: &[Record], width: usize, scale: Scale) -> ([usize; 3], &'static str) {
    if let Some(header) = header {
        let mut found: [Option<usize>; 3] = [None; 3];
        for (index, cell) in header.iter().enumerate() {
            if let Some(q) = header_question(&String::from_utf8_lossy(cell)) {
                found[q].get_or_insert(index);
            }
        }
        if let [Some(s), Some(r), Some(m)] = found {
            return ([s, r, m], "header");
        }
    }
    let scored: Vec<usize> = (0..width).filter(|&c| mostly_scores(body, c, &Answers::numbers(scale))).collect();
    match scored[..] {
        [s, r, m, ..] => ([s, r, m], "order"),
        _ => ([0, 1, 2], "order"),
    }
}

struct Plan {
    columns: [usize; 3],
    delimiter: Option<Delimiter>,
    header_rows: usize,
    headers: Vec<ColumnHeader>,
    status_column: Option<usize>,
    report: SciColumns,
    /// The segment column (from 0), when asked for.
    segment: Option<usize>,
}

/// The three columns the caller asked for; a question left out is found as usual.
pub type SciSelectors = [Option<ColumnSelector>; 3];

const QUESTION_OPTIONS: [&str; 3] = ["satisfaction", "repurchase", "recommend"];

fn plan(sample: &[u8], scale: Scale, selectors: &SciSelectors, segment: Option<&ColumnSelector>) -> Result<Plan, OptionError> {
    let answers = Answers::numbers(scale);
    let mut chosen: Option<(Option<Delimiter>, Vec<Record>)> = None;
    for delimiter in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        if sample.contains(&delimiter.byte()) {
            let records = split_records(sample, delimiter.byte());
            let (width, share) = modal_width(&records);
            if width >= 3 && share >= 0.8 {
                chosen = Some((Some(delimiter), records));
                break;
            }
        }
    }
    // Failing a clean table, a delimiter on most lines still beats white space.
    if chosen.is_none() {
        let lines: Vec<&[u8]> = sample.split(|&b| b == b'\n').filter(|l| !trim_cell(l).is_empty()).collect();
        chosen = [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma]
            .into_iter()
            .find(|d| lines.iter().filter(|l| l.contains(&d.byte())).count() * 2 > lines.len())
            .map(|d| (Some(d), split_records(sample, d.byte())));
    }
    let (delimiter, records) = chosen.unwrap_or_else(|| {
        let mut records = Vec::new();
        for_each_whitespace_row(sample, |row| records.push(row.cells.iter().map(|c| c.bytes.to_vec()).collect()));
        (None, records)
    });
    let header_rows = header_row_count(&records, &answers);
    let body = &records[header_rows..];
    let width = records.iter().map(Vec::len).max().unwrap_or(0);
    let headers = column_headers(&records[..header_rows], width);
    let named = |c: usize| headers.get(c).and_then(|h| h.name.clone()).filter(|_| header_rows > 0);
    let (mut columns, mut chosen_by) = choose_columns(
        (header_rows > 0).then(|| &records[header_rows - 1]).map(|last| {
            // The row that names the questions: the question texts when there are several.
            let texts: Record = (0..width).map(|c| named(c).unwrap_or_default().into_bytes()).collect();
            if texts.iter().all(Vec::is_empty) { last.clone() } else { texts }
        }).as_ref(),
        body,
        width,
        scale,
    );
    for (q, selector) in selectors.iter().enumerate() {
        if let Some(selector) = selector {
            columns[q] = find_column(selector, &headers, width)
                .map_err(|e| OptionError::new("columns", format!("{}: {}", QUESTION_OPTIONS[q], e.problem)))?;
            chosen_by = "option";
        }
    }
    let describe = |index: usize| SciColumn { index: index as u32 + 1, name: named(index) };
    let report = SciColumns {
        satisfaction: describe(columns[0]),
        repurchase: describe(columns[1]),
        recommend: describe(columns[2]),
        chosen_by,
        delimiter,
        header: header_rows > 0,
    };
    let status_column = (header_rows > 0).then(|| headers.iter().position(|h| h.texts.iter().any(|t| t == "status"))).flatten();
    let segment = segment.map(|selector| find_column(selector, &headers, width).map_err(|e| e.renamed("segment"))).transpose()?;
    Ok(Plan { columns, delimiter, header_rows, headers, status_column, report, segment })
}

/// Counts kept while reading the rows.
struct Counts {
    scale: Scale,
    secure_min: u8,
    favorable_min: u8,
    secure: u64,
    favorable: u64,
    at_risk: u64,
    top_two: [u64; 3],
    /// Sum over respondents of their mean answer, rescaled to 0–1.
    loyalty_sum: f64,
    at_risk_lines: Vec<u64>,
    log: Tally,
}

impl Counts {
    fn respondent(&mut self, answers: [u8; 3], line: u64) {
        for (count, &answer) in self.top_two.iter_mut().zip(&answers) {
            if answer >= self.secure_min {
                *count += 1;
            }
        }
        if answers.iter().all(|&a| a >= self.secure_min) {
            self.secure += 1;
        } else if answers.iter().all(|&a| a >= self.favorable_min) {
            self.favorable += 1;
        } else {
            self.at_risk += 1;
            if self.at_risk_lines.len() < MAX_AT_RISK_LINES {
                self.at_risk_lines.push(line);
            }
        }
        let mean = answers.iter().map(|&a| f64::from(a)).sum::<f64>() / 3.0;
        let span = f64::from(self.scale.max - self.scale.min).max(1.0);
        self.loyalty_sum += (mean - f64::from(self.scale.min)) / span;
    }

    fn row(&mut self, row: Row<'_>, columns: [usize; 3]) {
        let mut answers = [0u8; 3];
        // Problems are reported in reading order, left to right.
        let mut order = [0usize, 1, 2];
        order.sort_by_key(|&q| columns[q]);
        for q in order {
            let problem = match row.cells.get(columns[q]) {
                None => Some((row.start, row.cells.first().map(|c| c.bytes), RejectReason::MissingValue)),
                Some(cell) => match classify_entry(cell.bytes, cell.overflowed, self.scale) {
                    Cell::Score(v) => {
                        answers[q] = v;
                        None
                    }
                    Cell::Empty => Some((row.start_of(columns[q]), None, RejectReason::MissingValue)),
                    Cell::Rejected(reason) => Some((row.start_of(columns[q]), Some(cell.bytes), reason)),
                },
            };
            if let Some((at, text, reason)) = problem {
                self.log.reject(at, text.unwrap_or_default(), reason);
                return;
            }
        }
        self.respondent(answers, row.start.line);
    }
}

/// Reads three columns of answers on `scale` and reports SCI and CLI.
///
/// ```
/// use loyalty_score::{sci::analyze_sci, ConfidenceLevel, Scale};
/// let text = "Tevredenheid;Opnieuw kopen;Aanbevelen\n9;10;9\n8;7;9\n6;9;10\n";
/// let report = analyze_sci(text.as_bytes(), Scale::ZERO_TO_TEN, ConfidenceLevel::DEFAULT);
/// assert_eq!((report.secure, report.favorable, report.at_risk), (1, 1, 1));
/// assert_eq!(report.at_risk_lines, vec![4]);
/// ```
pub fn analyze_sci(text: &[u8], scale: Scale, level: ConfidenceLevel) -> SciReport {
    let mut reader = SciReader::new(scale, level, Default::default());
    reader.push_bytes(text);
    // Without the `columns` option there is nothing to refuse.
    reader.finish().unwrap_or_else(|_| empty_report(scale, level))
}

fn empty_report(scale: Scale, level: ConfidenceLevel) -> SciReport {
    report_of(&new_counts(scale), &empty_columns(), level, Vec::new(), Vec::new(), Encoding::Utf8, 0)
}

fn empty_columns() -> SciColumns {
    let none = |index| SciColumn { index, name: None };
    SciColumns { satisfaction: none(1), repurchase: none(2), recommend: none(3), chosen_by: "order", delimiter: None, header: false }
}

fn new_counts(scale: Scale) -> Counts {
    let (secure_min, favorable_min) = thresholds(scale);
    Counts {
        scale,
        secure_min,
        favorable_min,
        secure: 0,
        favorable: 0,
        at_risk: 0,
        top_two: [0; 3],
        loyalty_sum: 0.0,
        at_risk_lines: Vec::new(),
        log: Tally::new(scale),
    }
}

fn report_of(
    counts: &Counts,
    columns: &SciColumns,
    level: ConfidenceLevel,
    table: Vec<ColumnSummary>,
    warnings: Vec<Warning>,
    encoding: Encoding,
    rows: u64,
) -> SciReport {
    let scale = counts.scale;
    let n = counts.secure + counts.favorable + counts.at_risk;
    let pct = |count: u64| (n > 0).then(|| 100.0 * count as f64 / n as f64);
    SciReport {
        scale: ScaleRange { min: scale.min, max: scale.max },
        respondents: n,
        secure: counts.secure,
        favorable: counts.favorable,
        at_risk: counts.at_risk,
        index: pct(counts.secure),
        interval: wilson(counts.secure, n, level).map(|(low, high)| Bounds {
            method: "wilson",
            level: level.value(),
            low: 100.0 * low,
            high: 100.0 * high,
        }),
        secure_pct: pct(counts.secure),
        favorable_pct: pct(counts.favorable),
        at_risk_pct: pct(counts.at_risk),
        per_question: PerQuestion {
            satisfaction: pct(counts.top_two[0]),
            repurchase: pct(counts.top_two[1]),
            recommend: pct(counts.top_two[2]),
        },
        cli: (n > 0).then(|| 100.0 * counts.loyalty_sum / n as f64),
        at_risk_lines: counts.at_risk_lines.clone(),
        columns: columns.clone(),
        rejected: counts.log.rejected.clone(),
        rejected_count: counts.log.rejected_count,
        table,
        warnings,
        encoding,
        rows,
        segment_column: None,
        segments: None,
    }
}

enum Rows {
    Delimited(RowReader),
    Typed(WhitespaceRowReader),
}

/// What is read once the layout is known.
struct Reading {
    plan: Plan,
    rows: Rows,
    counts: Counts,
    profiles: ColumnProfiles,
    header_rows_left: usize,
    data_rows: u64,
    preview_rows: u64,
    /// Secure, favorable and at-risk respondents of each segment value.
    segments: BTreeMap<String, [u64; 3]>,
}

impl Reading {
    fn row(&mut self, row: Row<'_>) {
        if !row.has_content() {
            return;
        }
        if self.header_rows_left > 0 {
            self.header_rows_left -= 1;
            return;
        }
        self.data_rows += 1;
        if let Some(status) = self.plan.status_column.and_then(|s| row.cells.get(s)) {
            if is_preview_or_test(trim_cell(status.bytes)) {
                self.preview_rows += 1;
            }
        }
        self.profiles.row(&row, &Answers::numbers(self.counts.scale));
        let Some(segment) = self.plan.segment else {
            self.counts.row(row, self.plan.columns);
            return;
        };
        let name = match row.cells.get(segment).map(|c| trim_cell(c.bytes)) {
            Some(text) if !text.is_empty() => shorten(&String::from_utf8_lossy(text), 80),
            _ => "(blank)".to_string(),
        };
        let before = [self.counts.secure, self.counts.favorable, self.counts.at_risk];
        self.counts.row(row, self.plan.columns);
        let after = [self.counts.secure, self.counts.favorable, self.counts.at_risk];
        if let Some(group) = (0..3).find(|&g| after[g] > before[g]) {
            self.segments.entry(name).or_default()[group] += 1;
        }
    }

    /// The segments, largest first (ties by name); beyond 50, one `(other)`.
    fn segment_scores(&self, level: ConfidenceLevel) -> Vec<SciSegment> {
        let all: Vec<(&String, &[u64; 3])> = self.segments.iter().collect();
        let size = |c: &[u64; 3]| c[0] + c[1] + c[2];
        let order = sorted_positions(all.len(), &|a, b| (size(all[b].1), all[a].0) < (size(all[a].1), all[b].0));
        let mut listed: Vec<(String, [u64; 3])> = order.iter().take(MAX_SCI_SEGMENTS).map(|&i| (all[i].0.clone(), *all[i].1)).collect();
        if order.len() > MAX_SCI_SEGMENTS {
            let mut other = [0u64; 3];
            for &i in &order[MAX_SCI_SEGMENTS..] {
                for g in 0..3 {
                    other[g] += all[i].1[g];
                }
            }
            listed.push(("(other)".to_string(), other));
        }
        listed
            .into_iter()
            .map(|(name, [secure, favorable, at_risk])| {
                let n = secure + favorable + at_risk;
                SciSegment {
                    name,
                    respondents: n,
                    secure,
                    favorable,
                    at_risk,
                    index: (n > 0).then(|| 100.0 * secure as f64 / n as f64),
                    interval: wilson(secure, n, level).map(|(low, high)| Bounds { method: "wilson", level: level.value(), low: 100.0 * low, high: 100.0 * high }),
                    few_answers: n < 30,
                }
            })
            .collect()
    }

    fn feed(&mut self, text: &[u8]) {
        let mut rows = core::mem::replace(&mut self.rows, Rows::Typed(WhitespaceRowReader::new()));
        match &mut rows {
            Rows::Delimited(reader) => reader.feed(text, &mut |row| self.row(row)),
            Rows::Typed(reader) => reader.feed(text, &mut |row| self.row(row)),
        }
        self.rows = rows;
    }

    fn finish(&mut self) {
        let mut rows = core::mem::replace(&mut self.rows, Rows::Typed(WhitespaceRowReader::new()));
        match &mut rows {
            Rows::Delimited(reader) => reader.finish(&mut |row| self.row(row)),
            Rows::Typed(reader) => reader.finish(&mut |row| self.row(row)),
        }
        self.rows = rows;
    }
}

enum Stage {
    Sampling { held: Vec<u8>, lines: usize },
    Reading(Box<Reading>),
    Refused(OptionError),
}

/// Reads SCI answers pushed in chunks of text or file bytes of any size.
///
/// ```
/// use loyalty_score::{sci::SciReader, ColumnSelector, ConfidenceLevel, Scale};
/// let mut reader = SciReader::new(Scale::ZERO_TO_TEN, ConfidenceLevel::DEFAULT, Default::default());
/// reader.push_text(b"a;b;c\n9;10;9\n8;7;");
/// reader.push_text(b"9\n");
/// let report = reader.finish().unwrap();
/// assert_eq!((report.secure, report.favorable), (1, 1));
/// ```
pub struct SciReader {
    scale: Scale,
    level: ConfidenceLevel,
    selectors: SciSelectors,
    segment: Option<ColumnSelector>,
    decoder: Option<Decoder>,
    stage: Stage,
    ended: bool,
}

impl SciReader {
    pub fn new(scale: Scale, level: ConfidenceLevel, selectors: SciSelectors) -> Self {
        SciReader { scale, level, selectors, segment: None, decoder: None, stage: Stage::Sampling { held: Vec::new(), lines: 0 }, ended: false }
    }

    /// Also reports the index of each value of the column `segment` names.
    pub fn with_segment(mut self, segment: Option<ColumnSelector>) -> Self {
        self.segment = segment;
        self
    }

    /// The next chunk of UTF-8 text; the first chunk decides text or bytes.
    pub fn push_text(&mut self, chunk: &[u8]) {
        self.push(chunk, Decoder::utf8);
    }

    /// The next chunk of a file's bytes.
    pub fn push_bytes(&mut self, chunk: &[u8]) {
        self.push(chunk, Decoder::detect);
    }

    /// The `columns` option's error, as soon as the layout shows it names no column.
    pub fn error(&self) -> Option<&OptionError> {
        match &self.stage {
            Stage::Refused(error) => Some(error),
            _ => None,
        }
    }

    fn push(&mut self, chunk: &[u8], decoder: fn() -> Decoder) {
        if self.ended {
            return;
        }
        let mut decoder = self.decoder.take().unwrap_or_else(decoder);
        decoder.push(chunk, &mut |text| self.text(text));
        self.decoder = Some(decoder);
    }

    fn text(&mut self, text: &[u8]) {
        match &mut self.stage {
            Stage::Sampling { held, lines } => {
                held.extend_from_slice(text);
                *lines += text.iter().filter(|&&b| b == b'\n').count();
                if sample_complete(held, *lines) {
                    self.start();
                }
            }
            Stage::Reading(reading) => reading.feed(text),
            Stage::Refused(_) => {}
        }
    }

    fn start(&mut self) {
        let Stage::Sampling { held, .. } = &mut self.stage else { return };
        let held = core::mem::take(held);
        self.stage = match plan(sample_of(&held), self.scale, &self.selectors, self.segment.as_ref()) {
            Err(error) => Stage::Refused(error),
            Ok(plan) => Stage::Reading(Box::new(Reading {
                rows: match plan.delimiter {
                    Some(delimiter) => Rows::Delimited(RowReader::new(delimiter.byte())),
                    None => Rows::Typed(WhitespaceRowReader::new()),
                },
                header_rows_left: plan.header_rows,
                plan,
                counts: new_counts(self.scale),
                profiles: ColumnProfiles::new(self.scale),
                data_rows: 0,
                preview_rows: 0,
                segments: BTreeMap::new(),
            })),
        };
        if let Stage::Reading(reading) = &mut self.stage {
            reading.feed(&held);
        }
    }

    /// Ends the input and reports.
    pub fn finish(&mut self) -> Result<SciReport, OptionError> {
        if !self.ended {
            self.ended = true;
            let mut decoder = self.decoder.take().unwrap_or_else(Decoder::utf8);
            decoder.finish(&mut |text| self.text(text));
            self.decoder = Some(decoder);
            self.start();
            if let Stage::Reading(reading) = &mut self.stage {
                reading.finish();
            }
        }
        let encoding = self.decoder.as_ref().and_then(Decoder::encoding).unwrap_or(Encoding::Utf8);
        match &self.stage {
            Stage::Refused(error) => Err(error.clone()),
            Stage::Sampling { .. } => Ok(empty_report(self.scale, self.level)),
            Stage::Reading(reading) => {
                let mut warnings = Vec::new();
                if reading.data_rows > 0 && reading.preview_rows == reading.data_rows {
                    warnings.push(test_responses_warning(reading.data_rows, reading.plan.status_column));
                }
                let table = reading.profiles.summaries(&reading.plan.headers);
                let mut report = report_of(&reading.counts, &reading.plan.report, self.level, table, warnings, encoding, reading.data_rows);
                if let Some(c) = reading.plan.segment {
                    let header = reading.plan.headers.get(c).and_then(|h| h.name.clone());
                    report.segment_column = Some(SciColumn { index: c as u32 + 1, name: header });
                    report.segments = Some(reading.segment_scores(self.level));
                }
                Ok(report)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const L: ConfidenceLevel = ConfidenceLevel::DEFAULT;

    fn sci(text: &str) -> SciReport {
        analyze_sci(text.as_bytes(), Scale::ZERO_TO_TEN, L)
    }

    #[test]
    fn groups_index_and_cli_by_hand() {
        // Rows (satisfaction, repurchase, recommend), 0–10:
        //   10 9 9 → secure;  9 9 8 → favorable (8 < 9, all ≥ 7);
        //   7 7 7 → favorable;  9 10 6 → at risk (6);  3 5 2 → at risk.
        // n = 5; SCI = 1/5 = 20 %; favorable 40 %, at risk 40 %.
        // Top two boxes: satisfaction 10, 9, 9 → 3/5 = 60 %; repurchase 9, 9, 10 → 60 %;
        //   recommend 9 → 1/5 = 20 %.
        // CLI: row means 28/3, 26/3, 7, 25/3, 10/3 → sum 26 + ... = (28 + 26 + 21 + 25 + 10)/3 = 110/3;
        //   mean of means 110/15 = 7.3333 → ×10 = 73.333.
        let r = sci("10\t9\t9\n9\t9\t8\n7\t7\t7\n9\t10\t6\n3\t5\t2\n");
        assert_eq!((r.respondents, r.secure, r.favorable, r.at_risk), (5, 1, 2, 2));
        assert_eq!(r.index, Some(20.0));
        assert_eq!((r.favorable_pct, r.at_risk_pct), (Some(40.0), Some(40.0)));
        assert_eq!(r.per_question, PerQuestion { satisfaction: Some(60.0), repurchase: Some(60.0), recommend: Some(20.0) });
        assert!((r.cli.unwrap() - 220.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.at_risk_lines, vec![4, 5]);
        assert_eq!(r.columns.chosen_by, "order");
        assert!(!r.columns.header);
        let i = r.interval.unwrap();
        // Wilson 1 of 5: centre (0.2 + 0.384146)/1.768292 = 0.330345;
        // half = 1.959964/1.768292 × sqrt(0.032 + 0.038415) = 0.294127 → [3.62, 62.45] %.
        assert!((i.low - 3.622).abs() < 1e-2 && (i.high - 62.447).abs() < 1e-2, "{i:?}");
    }

    #[test]
    fn dutch_and_english_headers_in_any_order() {
        let orders = [
            ("Aanbevelen;Tevredenheid;Opnieuw kopen", [1, 2, 0]),
            ("How satisfied are you?,Would you buy again?,Would you recommend us?", [0, 1, 2]),
            ("Herhaalaankoop\tAanbeveling\tAlgemene tevredenheid", [2, 0, 1]),
        ];
        // `positions` gives the 0-based column of satisfaction, repurchase and recommend.
        for (header, positions) in orders {
            let delimiter = if header.contains(';') { ";" } else if header.contains('\t') { "\t" } else { "," };
            // The respondent answers satisfaction 9, repurchase 8, recommend 3.
            let mut row = ["", "", ""];
            row[positions[0]] = "9";
            row[positions[1]] = "8";
            row[positions[2]] = "3";
            let r = sci(&format!("{header}\n{}\n", row.join(delimiter)));
            assert_eq!(r.columns.chosen_by, "header", "{header}");
            assert_eq!(r.columns.satisfaction.index as usize, positions[0] + 1);
            assert_eq!(r.columns.repurchase.index as usize, positions[1] + 1);
            assert_eq!(r.columns.recommend.index as usize, positions[2] + 1);
            // Satisfaction 9 is in the top two boxes, recommend 3 is not: at risk.
            assert_eq!(r.per_question.satisfaction, Some(100.0), "{header}");
            assert_eq!(r.per_question.recommend, Some(0.0), "{header}");
            assert_eq!(r.at_risk, 1);
        }
    }

    #[test]
    fn rows_with_a_missing_or_bad_answer_are_rejected_where_the_problem_is() {
        let r = sci("Satisfaction,Repurchase,Recommend\n9,9,9\n9,,9\n9,9,11\n9,9\nx,9,9\n");
        assert_eq!(r.respondents, 1);
        let got: Vec<_> = r.rejected.iter().map(|e| (e.line, e.column, e.text.as_str(), e.reason)).collect();
        assert_eq!(
            got,
            vec![
                (3, 3, "", RejectReason::MissingValue),
                (4, 5, "11", RejectReason::OutOfRange),
                (5, 1, "9", RejectReason::MissingValue),
                (6, 1, "x", RejectReason::NotANumber),
            ]
        );
    }

    #[test]
    fn five_and_seven_point_scales_use_their_thresholds() {
        // 1–5: 5 4 4 secure; 4 3 5 favorable; 2 5 5 at risk.
        let r = analyze_sci(b"5 4 4\n4 3 5\n2 5 5\n", Scale { min: 1, max: 5 }, L);
        assert_eq!((r.secure, r.favorable, r.at_risk), (1, 1, 1));
        // CLI on 1–5: means 13/3, 4, 4 → rescaled (x − 1)/4: (10/3)/4, 3/4, 3/4
        //   → mean (5/6 + 3/4 + 3/4)/3 = 0.777… → 77.78.
        assert!((r.cli.unwrap() - 700.0 / 9.0).abs() < 1e-9);
        // 1–7: 7 6 6 secure; 5 6 7 favorable; 4 7 7 at risk.
        let r = analyze_sci(b"7;6;6\n5;6;7\n4;7;7\n", Scale { min: 1, max: 7 }, L);
        assert_eq!((r.secure, r.favorable, r.at_risk), (1, 1, 1));
        assert_eq!(thresholds(Scale::ZERO_TO_TEN), (9, 7));
    }

    #[test]
    fn many_short_comma_rows_are_still_read_as_comma_rows() {
        // Two of three rows lack an answer: they are missing values, not words.
        let r = sci("9,9,9\n9,9\n9,9\n");
        assert_eq!(r.respondents, 1);
        assert_eq!(r.columns.delimiter, Some(Delimiter::Comma));
        assert!(r.rejected.iter().all(|e| e.reason == RejectReason::MissingValue));
    }

    #[test]
    fn nothing_pasted_gives_nulls() {
        let r = sci("");
        assert_eq!((r.respondents, r.index, r.cli, r.interval), (0, None, None, None));
    }
}
