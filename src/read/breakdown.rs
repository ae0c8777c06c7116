//! What else a table's row says about its answer: the segment it belongs to,
//! the date it was given and the comment written with it. Kept by the
//! answer's value, so that a measure can group them as it scores (the NPS
//! by promoters, passives and detractors).

use super::dates::{read_date, DateOrder, OrderEvidence, Period, RawDate};
use super::layout::{self, ColumnHeader, ColumnSelector};
use super::parse::{rejected, Rejected, MAX_REJECTED_KEPT};
use super::rows::{Position, Row};
use super::token::{trim_cell, RejectReason, Scale};
use crate::options::OptionError;
use serde::Serialize;
use std::collections::BTreeMap;

/// Distinct segment values counted one by one; any more go together.
const MAX_DISTINCT_SEGMENTS: usize = 10_000;
/// Characters of a segment name kept.
const MAX_SEGMENT_CHARS: usize = 80;
/// Comments kept for each answer value (their totals count all).
pub const MAX_COMMENTS_KEPT: usize = 500;
/// Characters of a comment kept.
const MAX_COMMENT_CHARS: usize = 2000;
/// The name of the segment of blank cells.
pub const BLANK_SEGMENT: &str = "(blank)";

/// The columns asked for beside the answers, as options name them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtraSelectors {
    pub segment: Option<ColumnSelector>,
    pub date: Option<ColumnSelector>,
    pub comment: Option<ColumnSelector>,
    /// Overrides the day-and-month order the dates show.
    pub date_order: Option<DateOrder>,
}

impl ExtraSelectors {
    pub fn is_empty(&self) -> bool {
        self.segment.is_none() && self.date.is_none() && self.comment.is_none()
    }
}

/// A column used beside the answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraColumn {
    /// From 1.
    pub index: u32,
    pub name: Option<String>,
    pub short_name: Option<String>,
}

/// The extra columns found in a table, from 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ExtraColumns {
    pub segment: Option<usize>,
    pub date: Option<usize>,
    pub comment: Option<usize>,
}

impl ExtraColumns {
    /// Finds each column asked for among `headers` (`width` columns), with an
    /// error that names the option when one is not there.
    pub fn find(selectors: &ExtraSelectors, headers: &[ColumnHeader], width: usize) -> Result<Self, OptionError> {
        let find = |option: &'static str, selector: &Option<ColumnSelector>| -> Result<Option<usize>, OptionError> {
            match selector {
                None => Ok(None),
                Some(selector) => layout::find_column(selector, headers, width).map(Some).map_err(|error| error.renamed(option)),
            }
        };
        Ok(ExtraColumns {
            segment: find("segment", &selectors.segment)?,
            date: find("date", &selectors.date)?,
            comment: find("comment", &selectors.comment)?,
        })
    }
}

/// One comment with the answer it came with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The line of the row (from 1).
    pub line: u64,
    /// The answer given with it.
    pub score: u8,
    pub text: String,
}

/// The answers of one date, and where it was first seen.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DateCount {
    pub histogram: Vec<u64>,
    pub first: Position,
    pub text: String,
}

/// The extras of every counted answer of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub(crate) columns: ExtraColumns,
    pub segment_column: Option<ExtraColumn>,
    pub date_column: Option<ExtraColumn>,
    pub comment_column: Option<ExtraColumn>,
    scale: Scale,
    segment_index: BTreeMap<String, usize>,
    /// Each segment's answers by value, in the order first seen.
    pub segments: Vec<(String, Vec<u64>)>,
    /// The answers of segments beyond the first 10,000 distinct ones.
    pub unlisted_segments: Vec<u64>,
    pub(crate) dates: BTreeMap<RawDate, DateCount>,
    pub(crate) evidence: OrderEvidence,
    date_order_option: Option<DateOrder>,
    /// Counted answers whose date cell is blank.
    pub undated: u64,
    invalid_dates: Vec<Rejected>,
    invalid_date_count: u64,
    /// The first comments of each answer value, in order.
    pub comments: Vec<Vec<Comment>>,
    /// All comments of each answer value.
    pub comment_totals: Vec<u64>,
}

/// The dates of a breakdown once their order is known.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedDates {
    /// Answers by value for each day (days since 1970-01-01), in order.
    pub days: BTreeMap<i64, Vec<u64>>,
    /// The order used, if any date needed one.
    pub order: Option<DateOrder>,
    /// Whether the order was assumed rather than shown by the values or given.
    pub order_assumed: bool,
    pub rejected: Vec<Rejected>,
    pub rejected_count: u64,
}

impl Breakdown {
    pub(crate) fn new(columns: ExtraColumns, headers: &[ColumnHeader], scale: Scale, date_order: Option<DateOrder>) -> Self {
        let describe = |c: Option<usize>| {
            c.map(|c| {
                let header = headers.get(c).cloned().unwrap_or_default();
                ExtraColumn { index: c as u32 + 1, name: header.name, short_name: header.short_name }
            })
        };
        Breakdown {
            columns,
            segment_column: describe(columns.segment),
            date_column: describe(columns.date),
            comment_column: describe(columns.comment),
            scale,
            segment_index: BTreeMap::new(),
            segments: Vec::new(),
            unlisted_segments: vec![0; scale.len()],
            dates: BTreeMap::new(),
            evidence: OrderEvidence::default(),
            date_order_option: date_order,
            undated: 0,
            invalid_dates: Vec::new(),
            invalid_date_count: 0,
            comments: vec![Vec::new(); scale.len()],
            comment_totals: vec![0; scale.len()],
        }
    }

    /// The row's extras, for an answer of value `scale.min + slot`. Kept out
    /// of line so that the loop over a table's cells stays as tight as
    /// without a breakdown.
    #[inline(never)]
    pub(crate) fn row(&mut self, row: &Row<'_>, slot: usize) {
        let (cells, row_start) = (row.cells, row.start);
        let cell = |c: Option<usize>| c.map(|c| cells.get(c).map_or(&[][..], |cell| trim_cell(cell.bytes)));
        if let Some(text) = cell(self.columns.segment) {
            self.segment(text, slot);
        }
        if let Some(text) = cell(self.columns.date) {
            let at = self.columns.date.filter(|&c| c < cells.len()).map_or(row_start, |c| row.start_of(c));
            self.date(text, at, slot);
        }
        if let Some(text) = cell(self.columns.comment) {
            if !text.is_empty() {
                self.comment_totals[slot] += 1;
                if self.comments[slot].len() < MAX_COMMENTS_KEPT {
                    let text = layout::shorten(&String::from_utf8_lossy(text), MAX_COMMENT_CHARS);
                    let score = self.scale.min + slot as u8;
                    self.comments[slot].push(Comment { line: row_start.line, score, text });
                }
            }
        }
    }

    fn segment(&mut self, text: &[u8], slot: usize) {
        let name = if text.is_empty() { BLANK_SEGMENT.to_string() } else { layout::shorten(&String::from_utf8_lossy(text), MAX_SEGMENT_CHARS) };
        let at = match self.segment_index.get(&name) {
            Some(&at) => at,
            None if self.segments.len() < MAX_DISTINCT_SEGMENTS => {
                self.segments.push((name.clone(), vec![0; self.scale.len()]));
                self.segment_index.insert(name, self.segments.len() - 1);
                self.segments.len() - 1
            }
            None => {
                self.unlisted_segments[slot] += 1;
                return;
            }
        };
        self.segments[at].1[slot] += 1;
    }

    fn date(&mut self, text: &[u8], at: Position, slot: usize) {
        if text.is_empty() {
            self.undated += 1;
            return;
        }
        let read = core::str::from_utf8(text).ok().and_then(read_date);
        let Some(date) = read else {
            self.invalid_date_count += 1;
            if self.invalid_dates.len() < MAX_REJECTED_KEPT {
                self.invalid_dates.push(rejected(at, text, RejectReason::InvalidDate, self.scale));
            }
            return;
        };
        self.evidence.add(date, 1);
        let len = self.scale.len();
        let count = self.dates.entry(date).or_insert_with(|| DateCount {
            histogram: vec![0; len],
            first: at,
            text: String::from_utf8_lossy(text).into_owned(),
        });
        count.histogram[slot] += 1;
    }

    /// The days of the dates read, in the order given, shown by the values,
    /// or (when they fit both) assumed; dates that do not fit it are rejected.
    pub fn resolve_dates(&self) -> ResolvedDates {
        let shown = self.evidence.decided();
        let order = self.date_order_option.or(shown).unwrap_or_else(|| self.evidence.assumed());
        let mut days: BTreeMap<i64, Vec<u64>> = BTreeMap::new();
        let mut rejected_rows = self.invalid_dates.clone();
        let mut rejected_count = self.invalid_date_count;
        for (date, count) in &self.dates {
            match date.resolve(order) {
                Some((year, month, day)) => {
                    let slot = days.entry(super::dates::days_from_civil(year, month, day)).or_insert_with(|| vec![0; self.scale.len()]);
                    for (total, n) in slot.iter_mut().zip(&count.histogram) {
                        *total += n;
                    }
                }
                None => {
                    // Rows of one such date are one entry, at the first of them.
                    let rows: u64 = count.histogram.iter().sum();
                    rejected_count += rows;
                    if rejected_rows.len() < MAX_REJECTED_KEPT {
                        rejected_rows.push(rejected(count.first, count.text.as_bytes(), RejectReason::DateAgainstOrder, self.scale));
                    }
                }
            }
        }
        let rejected_rows = in_order(rejected_rows, &|a: &Rejected, b: &Rejected| (a.line, a.column) < (b.line, b.column));
        ResolvedDates {
            days,
            order: self.evidence.has_pairs().then_some(order),
            order_assumed: self.evidence.has_pairs() && self.date_order_option.is_none() && shown.is_none(),
            rejected: rejected_rows,
            rejected_count,
        }
    }
}

/// Columns of a table that fit as segment, date or comment (from 1), judged
/// from the sample, for a form to offer; nothing is read by them unless asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SuggestedColumns {
    pub segment: Option<u32>,
    pub date: Option<u32>,
    pub comment: Option<u32>,
}

const DATE_HEADER_WORDS: &[&str] = &["date", "datum", "timestamp", "tijdstempel", "time", "tijd", "fecha", "zeitstempel", "submitted", "ingediend"];
const SEGMENT_HEADER_WORDS: &[&str] = &[
    "segment", "region", "regio", "country", "land", "plan", "channel", "kanaal", "branch", "filiaal", "store", "winkel", "product", "team", "type",
];
const COMMENT_HEADER_WORDS: &[&str] = &[
    "comment", "opmerking", "why", "waarom", "reason", "reden", "toelichting", "feedback", "explain", "motiv", "suggest", "coment", "por qu", "razon",
    "warum", "grund", "pourquoi", "raison",
];
/// Data rows of the sample the suggestions are judged on.
const SUGGESTION_ROWS: usize = 32;
/// Values that make a column a yes-or-no flag rather than a segment.
const FLAG_VALUES: &[&str] = &["true", "false", "yes", "no", "ja", "nee", "0", "1", "y", "n"];

/// What the sample shows of one column.
#[derive(Default)]
struct ColumnLook {
    filled: usize,
    numbers: usize,
    dates: usize,
    written_dates: usize,
    flags: usize,
    /// Answers in the words of a Likert scale: a question, not a segment.
    scale_words: usize,
    /// Values with a space in them (words, not codes or addresses).
    spaced: usize,
    /// E-mail addresses, never a comment or a segment.
    emails: usize,
    chars: usize,
    /// Up to 65 distinct values (enough to tell few from many).
    distinct: Vec<Vec<u8>>,
}

/// Suggests columns from the sample's data rows (`body`), beside the answer column `chosen` (from 0).
pub(crate) fn suggest_columns(body: &[layout::Record], headers: &[ColumnHeader], chosen: usize) -> SuggestedColumns {
    let width = headers.len().max(body.iter().map(Vec::len).max().unwrap_or(0));
    let mut looks: Vec<ColumnLook> = (0..width).map(|_| ColumnLook::default()).collect();
    // The first rows tell enough, and a paste of a few rows should not pay for more.
    for record in body.iter().take(SUGGESTION_ROWS) {
        for (c, cell) in record.iter().enumerate() {
            let text = trim_cell(cell);
            if text.is_empty() {
                continue;
            }
            let look = &mut looks[c];
            look.filled += 1;
            look.chars += text.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            let numeric = text.iter().all(|&b| b.is_ascii_digit() || b == b'.' || b == b',' || b == b'-');
            if numeric {
                look.numbers += 1;
            }
            if text.first().is_some_and(u8::is_ascii_digit) && core::str::from_utf8(text).ok().and_then(read_date).is_some() {
                look.dates += 1;
                // A plain number reads as an Excel serial day; only a written
                // date says by its values that the column holds dates.
                if !text.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
                    look.written_dates += 1;
                }
            }
            if FLAG_VALUES.iter().any(|flag| flag.as_bytes().eq_ignore_ascii_case(text)) {
                look.flags += 1;
            }
            let worded = text.first().is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80);
            if worded && (super::labels::likert_label(text, 5).is_some() || super::labels::likert_label(text, 7).is_some()) {
                look.scale_words += 1;
            }
            if text.contains(&b' ') {
                look.spaced += 1;
            }
            if text.contains(&b'@') && !text.contains(&b' ') {
                look.emails += 1;
            }
            if look.distinct.len() <= 64 && !look.distinct.iter().any(|d| d == text) {
                look.distinct.push(text.to_vec());
            }
        }
    }
    let header_has = |c: usize, words: &[&str]| headers.get(c).is_some_and(|h| h.texts.iter().any(|t| words.iter().any(|w| t.contains(w))));
    let about_nps = |c: usize| header_has(c, &["nps"]);
    let most = |part: usize, whole: usize| whole > 0 && part * 10 >= whole * 9;
    let others = || (0..width).filter(move |&c| c != chosen);

    let date = others()
        .find(|&c| header_has(c, DATE_HEADER_WORDS) && most(looks[c].dates, looks[c].filled))
        .or_else(|| others().find(|&c| most(looks[c].written_dates, looks[c].filled)));
    let is_text = |c: usize| {
        let look = &looks[c];
        look.filled > 0
            && look.numbers * 2 < look.filled
            && look.dates * 2 < look.filled
            && look.scale_words * 2 < look.filled
            && look.emails * 2 < look.filled
            && Some(c) != date
            && !about_nps(c)
    };
    // Few distinct short values, some repeated (most of them, unless the header names a segment).
    let fits_segment = |c: usize, named: bool| {
        let look = &looks[c];
        let distinct = look.distinct.len();
        let repeated = if named { distinct < look.filled } else { distinct * 2 <= look.filled };
        // Labels, not sentences: short, and under a header that does not ask for a comment.
        is_text(c)
            && !header_has(c, COMMENT_HEADER_WORDS)
            && look.flags * 2 < look.filled
            && (2..=12).contains(&distinct)
            && repeated
            && look.chars <= 24 * look.filled
    };
    let segment = others()
        .find(|&c| header_has(c, SEGMENT_HEADER_WORDS) && fits_segment(c, true))
        .or_else(|| others().find(|&c| fits_segment(c, false)));
    // Texts of words, of some length: 8 characters on average under a header
    // that asks for a comment, 20 otherwise.
    let fits_comment = |c: usize, named: bool| {
        let look = &looks[c];
        let least = if named { 8 } else { 20 };
        is_text(c)
            && Some(c) != segment
            && look.chars >= least * look.filled
            && look.spaced * 2 >= look.filled
            // Mostly different: three in four, or under a header that asks
            // for comments one in three (stock answers repeat).
            && look.distinct.len() * if named { 3 } else { 4 } >= look.filled.min(65) * if named { 1 } else { 3 }
    };
    let comment = others()
        .find(|&c| header_has(c, COMMENT_HEADER_WORDS) && fits_comment(c, true))
        .or_else(|| others().find(|&c| fits_comment(c, false)));
    let one_based = |c: Option<usize>| c.map(|c| c as u32 + 1);
    SuggestedColumns { segment: one_based(segment), date: one_based(date), comment: one_based(comment) }
}

/// The `period` option: `auto` (`None`) or a period's name.
pub fn period_option(name: &str) -> Result<Option<Period>, OptionError> {
    if name == "auto" {
        return Ok(None);
    }
    Period::parse(name).map(Some).ok_or_else(|| {
        OptionError::new("period", format!("must be \"auto\", \"day\", \"week\", \"month\", \"quarter\" or \"year\", got {name:?}"))
    })
}

/// The `dateOrder` option: `day-first` or `month-first`.
pub fn date_order_option(name: &str) -> Result<DateOrder, OptionError> {
    DateOrder::parse(name).ok_or_else(|| OptionError::new("dateOrder", format!("must be \"day-first\" or \"month-first\", got {name:?}")))
}

/// The positions of `0..len` in the order `before` sets (stable: a merge
/// sort). The comparison is a trait object so that every sort of the crate
/// shares this one function: the standard library's sorts, made anew for
/// each element type, would add kilobytes to the wasm for lists this short.
pub(crate) fn sorted_positions(len: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut spare = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut spare[start..end] {
                // Take from the right only when it comes strictly before: stable.
                let take_right = right < end && (left >= middle || before(order[right], order[left]));
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// `items` in the order `before` sets, stable.
pub(crate) fn in_order<T>(items: Vec<T>, before: &dyn Fn(&T, &T) -> bool) -> Vec<T> {
    let order = sorted_positions(items.len(), &|a, b| before(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
