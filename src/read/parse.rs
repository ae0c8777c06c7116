//! The push parser: feed it a paste or a file in chunks of any size, in
//! order, and finish it to get every score counted and every other entry
//! rejected with its line and column, and every column of a table profiled.
//!
//! Bytes pass through the [`decode`](super::decode) step first (encoding,
//! line ends). The first lines are then held back until the layout can be
//! decided (see [`layout`](super::layout)); after that each chunk is read as
//! it comes, with the state of a half-read entry kept across chunk boundaries.

use super::breakdown::{Breakdown, ExtraColumns, ExtraSelectors, SuggestedColumns};
use super::decode::Decoder;
pub use super::decode::Encoding;
use super::layout::{self, ColumnChoice, ColumnHeader, ColumnSelector, HeaderWords, Layout, LayoutKind, Plan, ScoreColumn};
use super::rows::{CellPlace, Field, Row, RowCell, RowReader, MAX_FIELD_BYTES};
use super::scan::{self, Separators};
pub use super::rows::Position;
use super::token::{classify, is_blank_line_or_row, number_value, trim_cell, Answers, Cell, RejectReason, Scale};
use crate::options::OptionError;
use serde::Serialize;

/// Lines held back to decide the layout, unless the paste ends sooner.
const SAMPLE_LINES: usize = 64;
/// Bytes held back to decide the layout (for pastes with long lines)...
const SAMPLE_BYTES: usize = 64 * 1024;
/// ...unless fewer lines than this fit in them: a header row of 10,000
/// columns is longer than 64 KiB and must still be seen whole.
const MIN_SAMPLE_LINES: usize = 8;
/// The most held back, whatever the lines.
const MAX_SAMPLE_BYTES: usize = 16 * 1024 * 1024;
/// A report keeps this many rejected entries; it counts all of them.
pub const MAX_REJECTED_KEPT: usize = 100;
/// Rejected entries kept for each other column of a table, so that a report
/// for another column can show some without reading the text again...
const OTHER_COLUMN_REJECTED_KEPT: usize = 20;
/// ...for this many columns from the left.
const COLUMNS_WITH_REJECTS: usize = 256;
/// Characters of a rejected entry's text kept in the report.
const MAX_REJECTED_TEXT_CHARS: usize = 40;
/// Answers at least, for the warning that they stop at 5 or 7.
const SHORT_SCALE_MIN_ANSWERS: u64 = 20;

/// An entry that was not counted, where it stands, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejected {
    pub line: u64,
    pub column: u64,
    /// The entry as pasted, shortened to 40 characters.
    pub text: String,
    pub reason: RejectReason,
    /// The reason in an English sentence.
    pub message: String,
}

/// What one column holds: answers on the scale, blanks, anything else, and
/// the smallest and largest number seen in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Profile {
    pub scores: u64,
    pub blank: u64,
    pub other: u64,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// One column of the text, as reports list them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnSummary {
    /// From 1.
    pub index: u32,
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub profile: Profile,
}

/// Something a careful analyst would stop at: a stable `code`, an English
/// `message`, and the columns (from 1) it is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<u32>,
    /// The place in the text it is about, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Position>,
}

/// Everything read from a paste: the answers by value, and the rejects.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub scale: Scale,
    /// `histogram[i]` counts answers of value `scale.min + i`.
    pub histogram: Vec<u64>,
    /// The first [`MAX_REJECTED_KEPT`] rejected entries, in order.
    pub rejected: Vec<Rejected>,
    /// All rejected entries, kept or not.
    pub rejected_count: u64,
    pub layout: Layout,
    /// The column read, for a table or a column under a header.
    pub column: Option<ScoreColumn>,
    /// Every column of the text with its profile (one for a list).
    pub columns: Vec<ColumnSummary>,
    pub warnings: Vec<Warning>,
    pub encoding: Encoding,
    /// Rows of data read (entries, for a list).
    pub rows: u64,
    /// The Likert label scale answers were written in, if any.
    pub labels: Option<&'static str>,
    /// Columns of a table that fit as segment, date or comment.
    pub suggested: Option<SuggestedColumns>,
    /// The segments, dates and comments of the answers, when asked for.
    pub breakdown: Option<Box<Breakdown>>,
}

impl Tally {
    pub(crate) fn new(scale: Scale) -> Self {
        Tally {
            scale,
            histogram: vec![0; scale.len()],
            rejected: Vec::new(),
            rejected_count: 0,
            layout: Layout::PLAIN_LIST,
            column: None,
            columns: Vec::new(),
            warnings: Vec::new(),
            encoding: Encoding::Utf8,
            rows: 0,
            labels: None,
            suggested: None,
            breakdown: None,
        }
    }

    /// Answers counted.
    pub fn respondents(&self) -> u64 {
        self.histogram.iter().sum()
    }

    pub(crate) fn reject(&mut self, at: Position, entry: &[u8], reason: RejectReason) {
        self.rejected_count += 1;
        if self.rejected.len() < MAX_REJECTED_KEPT {
            self.rejected.push(rejected(at, entry, reason, self.scale));
        }
    }
}

pub(crate) fn rejected(at: Position, entry: &[u8], reason: RejectReason, scale: Scale) -> Rejected {
    let text = layout::shorten(&String::from_utf8_lossy(trim_cell(entry)), MAX_REJECTED_TEXT_CHARS);
    Rejected { line: at.line, column: at.column, text, reason, message: reason.explain(scale) }
}

/// The counts of one column while it is read.
#[derive(Clone, Debug, PartialEq)]
struct ColumnCount {
    histogram: Vec<u64>,
    blank: u64,
    other: u64,
    low: Option<f64>,
    high: Option<f64>,
    rejected: Vec<Rejected>,
    rejected_count: u64,
    keep: usize,
    labels: Option<&'static str>,
}

impl ColumnCount {
    fn new(scale: Scale, keep: usize) -> Self {
        ColumnCount {
            histogram: vec![0; scale.len()],
            blank: 0,
            other: 0,
            low: None,
            high: None,
            rejected: Vec::new(),
            rejected_count: 0,
            keep,
            labels: None,
        }
    }

    #[inline]
    fn number(&mut self, value: f64) {
        self.low = Some(self.low.map_or(value, |l| l.min(value)));
        self.high = Some(self.high.map_or(value, |h| h.max(value)));
    }

    /// Answers on the scale count in the histogram alone; the smallest and
    /// largest of them come from it at the end (see `profile`).
    #[inline]
    fn score(&mut self, value: u8, scale: Scale) -> Option<usize> {
        let at = usize::from(value - scale.min);
        let slot = self.histogram.get_mut(at)?;
        *slot += 1;
        Some(at)
    }

    /// `place` is worked out only for a rejected entry that is kept.
    #[inline]
    fn reject(&mut self, place: &CellPlace<'_>, entry: &[u8], reason: RejectReason, scale: Scale) {
        self.rejected_count += 1;
        if self.rejected.len() < self.keep {
            self.keep_rejected(place, entry, reason, scale);
        }
    }

    /// The first rejects of a column are kept; the rest only counted.
    #[cold]
    #[inline(never)]
    fn keep_rejected(&mut self, place: &CellPlace<'_>, entry: &[u8], reason: RejectReason, scale: Scale) {
        self.rejected.push(rejected(place.of(entry), entry, reason, scale));
    }

    /// Counts one cell, which starts at `place`; returns the histogram slot of an answer on the scale.
    #[inline]
    fn record(&mut self, answers: &Answers, cell: &RowCell<'_>, place: &CellPlace<'_>) -> Option<usize> {
        // Most cells of an export are one or two digits: counted here, in
        // the loop over a row's cells.
        if let Some(value) = short_number(cell.bytes) {
            if value >= answers.scale.min && value <= answers.scale.max {
                return self.score(value, answers.scale);
            }
        }
        self.record_other(answers, place, cell.bytes, cell.overflowed)
    }

    /// Counts a cell that is not a short number on the scale.
    #[inline(never)]
    fn record_other(&mut self, answers: &Answers, at: &CellPlace<'_>, entry: &[u8], overflowed: bool) -> Option<usize> {
        self.record_looked(answers, at, entry, overflowed, byte_classes(entry))
    }

    /// [`record_other`](Self::record_other) in the caller's loop: most cells
    /// of an export that are not short numbers (ids, dates, words) are known
    /// by a quick look, here, and the rest are read in full out of line. The
    /// rows lent unsplit take it; split rows would run slower with it.
    #[inline(always)]
    fn record_looked(&mut self, answers: &Answers, at: &CellPlace<'_>, entry: &[u8], overflowed: bool, classes: u8) -> Option<usize> {
        match quick_look(entry, overflowed, answers.labels, classes) {
            Some(QuickLook::Whole(value)) => {
                if value >= u32::from(answers.scale.min) && value <= u32::from(answers.scale.max) {
                    return self.score(value as u8, answers.scale);
                }
                self.other += 1;
                self.number(f64::from(value));
                self.reject(at, entry, RejectReason::OutOfRange, answers.scale);
                None
            }
            Some(QuickLook::NoNumber) => {
                self.other += 1;
                self.reject(at, entry, RejectReason::NotANumber, answers.scale);
                None
            }
            None => self.record_read(answers, at, entry, overflowed),
        }
    }

    /// Counts a cell that the quick look left to the general reading.
    #[inline(never)]
    fn record_read(&mut self, answers: &Answers, at: &CellPlace<'_>, entry: &[u8], overflowed: bool) -> Option<usize> {
        let (cell, label) = if overflowed { (classify_entry(entry, true, answers.scale), None) } else { answers.read(entry) };
        match cell {
            Cell::Score(v) => {
                if self.labels.is_none() {
                    self.labels = label.map(|l| l.name);
                }
                self.score(v, answers.scale)
            }
            Cell::Empty => {
                self.blank += 1;
                None
            }
            Cell::Rejected(reason) => {
                self.other += 1;
                if matches!(reason, RejectReason::OutOfRange | RejectReason::NotWholeNumber) {
                    if let Some(value) = number_value(entry) {
                        self.number(value);
                    }
                }
                self.reject(at, entry, reason, answers.scale);
                None
            }
        }
    }

    fn profile(&self, scale: Scale) -> Profile {
        let value = |i: usize| f64::from(scale.min) + i as f64;
        let low = self.histogram.iter().position(|&n| n > 0).map(value);
        let high = self.histogram.iter().rposition(|&n| n > 0).map(value);
        let pick = |a: Option<f64>, b: Option<f64>, f: fn(f64, f64) -> f64| match (a, b) {
            (Some(a), Some(b)) => Some(f(a, b)),
            (a, b) => a.or(b),
        };
        Profile {
            scores: self.histogram.iter().sum(),
            blank: self.blank,
            other: self.other,
            min: pick(low, self.low, f64::min),
            max: pick(high, self.high, f64::max),
        }
    }
}

/// Profiles of every column of a table read row by row, for measures that
/// read several columns at once (the SCI).
pub(crate) struct ColumnProfiles {
    counts: Vec<ColumnCount>,
    scale: Scale,
}

impl ColumnProfiles {
    pub fn new(scale: Scale) -> Self {
        ColumnProfiles { counts: Vec::new(), scale }
    }

    pub fn row(&mut self, row: &Row<'_>, answers: &Answers) {
        while self.counts.len() < row.cells.len() {
            self.counts.push(ColumnCount::new(answers.scale, 0));
        }
        for (c, (count, cell)) in self.counts.iter_mut().zip(row.cells).enumerate() {
            let _ = count.record(answers, cell, &row.place_of(c));
        }
    }

    /// The columns with their names from `headers`, as wide as the widest row or header.
    pub fn summaries(&self, headers: &[ColumnHeader]) -> Vec<ColumnSummary> {
        (0..self.counts.len().max(headers.len()))
            .map(|c| {
                let header = headers.get(c).cloned().unwrap_or_default();
                let profile = self.counts.get(c).map(|count| count.profile(self.scale)).unwrap_or_default();
                ColumnSummary { index: c as u32 + 1, name: header.name, short_name: header.short_name, profile }
            })
            .collect()
    }
}

/// What a quick look makes of a cell, before the general reading.
enum QuickLook {
    /// Up to nine ASCII digits alone.
    Whole(u32),
    /// A word with no digit and no "l", which is neither a number nor a
    /// scale's end (every such label has an "l"), when no Likert words are
    /// looked up; or a date.
    NoNumber,
}

/// The quick look at `entry`, whose [`byte_classes`] are `classes`.
#[inline]
fn quick_look(entry: &[u8], overflowed: bool, labels: bool, classes: u8) -> Option<QuickLook> {
    if overflowed {
        return None;
    }
    if classes == DIGIT && entry.len() <= 9 {
        return Some(QuickLook::Whole(entry.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))));
    }
    let word = !labels && entry.first().is_some_and(u8::is_ascii_alphabetic) && classes & (DIGIT | LETTER_L) == 0;
    // Dates and time stamps, of which exports have a column or three; with
    // labels too, as every label has a letter.
    // (What `is_date_like` asks of the rest of a cell, no letter and nothing
    // but ASCII, the classes have answered.)
    let date = || classes & (DATE_SIGN | LETTER_L | OTHER_LETTER | NON_ASCII) == DATE_SIGN && starts_like_a_date(entry);
    (word || date()).then_some(QuickLook::NoNumber)
}

/// Kinds of bytes, one bit each, gathered over a cell by OR so that the
/// quick look needs one pass: a cell of digits alone has exactly `DIGIT`.
const DIGIT: u8 = 1;
/// `l` and `L`, which every end label of a scale has.
const LETTER_L: u8 = 2;
const OTHER_LETTER: u8 = 4;
/// `-` and `/`, which dates are written with.
const DATE_SIGN: u8 = 8;
const NON_ASCII: u8 = 16;
const OTHER_ASCII: u8 = 32;

const BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'l' | b'L' => LETTER_L,
            b'a'..=b'z' | b'A'..=b'Z' => OTHER_LETTER,
            b'-' | b'/' => DATE_SIGN,
            0x80..=0xff => NON_ASCII,
            _ => OTHER_ASCII,
        };
        b += 1;
    }
    class
};

/// The kinds of the bytes of `entry`; 0 for an empty one.
#[inline]
fn byte_classes(entry: &[u8]) -> u8 {
    entry.iter().fold(0, |classes, &b| classes | BYTE_CLASS[usize::from(b)])
}

/// The end of the cell that starts at `from` in `row` (the delimiter's
/// index, or the row's length) and the [`byte_classes`] of the cell, found
/// in one pass.
#[inline]
fn cell_end_and_classes(row: &[u8], from: usize, delimiter: u8) -> (usize, u8) {
    let mut classes = 0;
    for (i, &b) in row.iter().enumerate().skip(from) {
        if b == delimiter {
            return (i, classes);
        }
        classes |= BYTE_CLASS[usize::from(b)];
    }
    (row.len(), classes)
}

/// Digits, then `-` or `/`, in ASCII with no letter anywhere: a date or a
/// time stamp (`2024-01-01 10:00:00`, `15/01/2024`), which `classify` reads
/// as no number, since neither sign starts a fraction and a number's label
/// has letters. The quick look asks it in two parts, the byte classes it
/// has gathered and [`starts_like_a_date`]; the tests hold the parts to it.
#[cfg(test)]
fn is_date_like(entry: &[u8]) -> bool {
    starts_like_a_date(entry) && entry.iter().all(|&b| b.is_ascii() && !b.is_ascii_alphabetic())
}

/// Digits, then `-` or `/`: the start of a date.
#[inline]
fn starts_like_a_date(entry: &[u8]) -> bool {
    let digits = entry.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && matches!(entry.get(digits), Some(b'-' | b'/'))
}

/// The histogram slot of a cell of one or two ASCII digits starting at
/// `from` in `row`, and the cell's end (the delimiter's index, or the row's
/// length): `None` when the cell is anything else. The slot may lie past the
/// scale's end, and one below its start wraps to a large number; the caller
/// checks it against the histogram.
#[inline]
fn short_score_at(row: &[u8], from: usize, delimiter: u8, scale: Scale) -> Option<(usize, usize)> {
    let digit = |i: usize| row.get(i).map(|b| b.wrapping_sub(b'0')).filter(|&d| d < 10);
    let ends_at = |i: usize| row.get(i).map_or(true, |&b| b == delimiter);
    let first = digit(from)?;
    let (value, end) = if ends_at(from + 1) {
        (first, from + 1)
    } else {
        let second = digit(from + 1)?;
        if !ends_at(from + 2) {
            return None;
        }
        (first * 10 + second, from + 2)
    };
    Some((usize::from(value).wrapping_sub(usize::from(scale.min)), end))
}

/// The value of an entry of one or two ASCII digits alone.
#[inline]
fn short_number(entry: &[u8]) -> Option<u8> {
    match *entry {
        [a] if a.is_ascii_digit() => Some(a - b'0'),
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => Some((a - b'0') * 10 + (b - b'0')),
        _ => None,
    }
}

/// Classifies an entry of which only the first bytes may have been kept.
pub(crate) fn classify_entry(entry: &[u8], overflowed: bool, scale: Scale) -> Cell {
    // Most answers are one or two digits, which `classify` reads as their value.
    if let Some(value) = short_number(entry).filter(|v| (scale.min..=scale.max).contains(v)) {
        return Cell::Score(value);
    }
    if overflowed {
        // Hundreds of bytes with no separator: never a score.
        let reason = if entry.iter().all(|b| b.is_ascii_digit()) {
            RejectReason::OutOfRange
        } else {
            RejectReason::NotANumber
        };
        return Cell::Rejected(reason);
    }
    classify(entry, scale)
}

/// Reads a list: entries separated by white space, semicolons and (unless the
/// layout says they are decimal commas) commas.
#[derive(Debug)]
struct ListReader {
    separators: [bool; 256],
    decimal_comma: bool,
    /// Still to skip: the header line (true until its end is passed).
    skipping_header: bool,
    header_seen: bool,
    entry: Field,
    at: Position,
    count: ColumnCount,
    /// The separators again, for counting whole blocks (see [`scan`]).
    block_separators: Separators,
    /// Bytes of the text fed before the current chunk.
    fed: u64,
    /// After a block that was not all short scores, blocks are tried again
    /// from this offset on, further each time, so that a list of other
    /// entries is not counted twice over.
    blocks_from: u64,
    block_backoff: u64,
}

/// Bytes counted as one block: large enough to pay for the vector set-up,
/// small enough that a block read again the general way costs little.
const BLOCK_BYTES: usize = 4096;
/// Below this a block is not worth trying.
const MIN_BLOCK_BYTES: usize = 64;
/// Blocks pay only where vectors count them: without SIMD (the wasm2js
/// build, native release builds) the per-line fast paths are faster. Debug
/// and fuzzing builds try them anyway, so that `cargo test` and `make fuzz`
/// read through them.
const COUNT_BLOCKS: bool = cfg!(any(target_feature = "simd128", debug_assertions, fuzzing));
const MAX_BLOCK_BACKOFF: u64 = 1 << 20;

impl ListReader {
    fn new(layout: Layout, scale: Scale, whole_lines: bool) -> Self {
        let mut separators = [false; 256];
        let between: &[u8] = if whole_lines { b"\r\n" } else { b" \t\r\n;\x0B\x0C" };
        for &b in between {
            separators[usize::from(b)] = true;
        }
        separators[usize::from(b',')] = !layout.decimal_comma && !whole_lines;
        ListReader {
            separators,
            decimal_comma: layout.decimal_comma,
            skipping_header: layout.header,
            header_seen: false,
            entry: Field::default(),
            at: Position::START,
            count: ColumnCount::new(scale, MAX_REJECTED_KEPT),
            block_separators: Separators { blanks: !whole_lines, comma: !layout.decimal_comma && !whole_lines },
            fed: 0,
            blocks_from: 0,
            block_backoff: BLOCK_BYTES as u64,
        }
    }

    fn feed(&mut self, chunk: &[u8], answers: &Answers) {
        let mut bytes = chunk;
        if self.skipping_header {
            bytes = self.skip_header(bytes);
        }
        let base = self.fed + (chunk.len() - bytes.len()) as u64;
        self.fed += chunk.len() as u64;
        let mut i = 0;
        while i < bytes.len() {
            if self.entry.start.is_none() {
                // The end of a chunk too short for a block says nothing of
                // the text: no backing off for it.
                if COUNT_BLOCKS && base + i as u64 >= self.blocks_from && bytes.len() - i >= MIN_BLOCK_BYTES {
                    if let Some(consumed) = self.short_scores_block(&bytes[i..], answers.scale) {
                        i += consumed;
                        continue;
                    }
                    self.blocks_from = base + i as u64 + self.block_backoff;
                    self.block_backoff = (self.block_backoff * 2).min(MAX_BLOCK_BACKOFF);
                }
                let consumed = self.score_lines(&bytes[i..], answers.scale);
                if consumed > 0 {
                    i += consumed;
                    continue;
                }
                if let Some(consumed) = self.separated_score(&bytes[i..], answers.scale) {
                    i += consumed;
                    continue;
                }
            }
            let byte = bytes[i];
            if self.separators[usize::from(byte)] {
                self.end_entry(answers);
            } else if self.entry.start.is_none() && (byte == b' ' || byte == b'\t') {
                // Only where lines are whole entries do spaces reach here: an
                // entry starts at its first character, as it does elsewhere.
            } else {
                if self.entry.start.is_none() {
                    self.entry.start = Some(self.at);
                }
                self.entry.push(byte);
            }
            self.at.advance(byte);
            i += 1;
        }
    }

    /// Counts the entry just read. With decimal commas, an entry of several
    /// commas (`9,10,7,3`) is still a list of answers, wherever it stands.
    fn end_entry(&mut self, answers: &Answers) {
        let Some(start) = self.entry.start else { return };
        if self.decimal_comma && !self.entry.overflowed && self.entry.bytes.iter().filter(|&&b| b == b',').count() >= 2 {
            let mut at = start;
            for piece in self.entry.bytes.split(|&b| b == b',') {
                if !trim_cell(piece).is_empty() {
                    self.count.record(answers, &RowCell { bytes: piece, overflowed: false }, &CellPlace::At(at));
                }
                for &b in piece {
                    at.advance(b);
                }
                at.advance(b',');
            }
        } else {
            self.count.record(answers, &RowCell { bytes: &self.entry.bytes, overflowed: self.entry.overflowed }, &CellPlace::At(start));
        }
        self.entry.clear();
    }

    /// The fastest path: a block of entries that are all one digit or `10`
    /// on the scale, counted at once (see [`scan`]). `None` when the block
    /// holds anything else. The caller tries it only where at least
    /// [`MIN_BLOCK_BYTES`] are left.
    fn short_scores_block(&mut self, rest: &[u8], scale: Scale) -> Option<usize> {
        let window = &rest[..rest.len().min(BLOCK_BYTES)];
        // Only whole entries: the block ends after its last separator.
        let end = window.iter().rposition(|&b| self.block_separators.contains(b))? + 1;
        let block = &window[..end];
        let counts = scan::count_block(block, self.block_separators);
        let on_scale = |v: usize| v >= usize::from(scale.min) && v <= usize::from(scale.max);
        if !counts.all_short_scores() || counts.values.iter().enumerate().any(|(v, &n)| n > 0 && !on_scale(v)) {
            return None;
        }
        for (v, &n) in counts.values.iter().enumerate().filter(|(_, &n)| n > 0) {
            self.count.histogram[v - usize::from(scale.min)] += n;
        }
        // A block of short scores is ASCII: its columns are its bytes.
        match (counts.newlines > 0).then(|| scan::find_last_byte(block, b'\n')).flatten() {
            Some(last) => {
                self.at.line += counts.newlines;
                self.at.column = (end - last) as u64;
            }
            None => self.at.column += end as u64,
        }
        self.block_backoff = BLOCK_BYTES as u64;
        Some(end)
    }

    /// The fast path for a pasted column: lines of one or two digits that are
    /// scores on the scale, counted in one tight loop without the general
    /// entry machinery. Returns the bytes consumed (0 to read them the
    /// general way); a line cut by the chunk's end is left to the general way.
    #[inline]
    fn score_lines(&mut self, bytes: &[u8], scale: Scale) -> usize {
        let histogram = &mut self.count.histogram[..];
        let (mut i, mut lines) = (0usize, 0u64);
        while let Some(&first) = bytes.get(i) {
            if !first.is_ascii_digit() {
                break;
            }
            let (value, after) = match bytes.get(i + 1) {
                Some(&second) if second.is_ascii_digit() => ((first - b'0') * 10 + (second - b'0'), i + 2),
                _ => (first - b'0', i + 1),
            };
            let end = match bytes.get(after) {
                Some(b'\n') => after + 1,
                Some(b'\r') if bytes.get(after + 1) == Some(&b'\n') => after + 2,
                _ => break,
            };
            let Some(slot) = value.checked_sub(scale.min).and_then(|k| histogram.get_mut(usize::from(k))) else { break };
            *slot += 1;
            lines += 1;
            i = end;
        }
        if lines > 0 {
            self.at.line += lines;
            self.at.column = 1;
        }
        i
    }

    /// The fast path for a typed list (`9 10 7 3`): one or two digits that are
    /// a score, followed by a separator, are counted at once; the separator is
    /// then read as usual. At a chunk's end the general way takes over.
    #[inline]
    fn separated_score(&mut self, rest: &[u8], scale: Scale) -> Option<usize> {
        let digits = rest.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 2 || !self.separators[usize::from(*rest.get(digits)?)] {
            return None;
        }
        let value = short_number(&rest[..digits])?;
        let slot = self.count.histogram.get_mut(usize::from(value.checked_sub(scale.min)?))?;
        *slot += 1;
        self.at.column += digits as u64;
        Some(digits)
    }

    /// Passes over blank lines and then the first non-blank one.
    fn skip_header<'a>(&mut self, bytes: &'a [u8]) -> &'a [u8] {
        for (i, &byte) in bytes.iter().enumerate() {
            self.at.advance(byte);
            if byte == b'\n' && self.header_seen {
                self.skipping_header = false;
                return &bytes[i + 1..];
            }
            // The bytes of U+00A0 (no-break space) are blank here, as in the layout guess.
            if !byte.is_ascii_whitespace() && byte != 0xC2 && byte != 0xA0 {
                self.header_seen = true;
            }
        }
        &[]
    }

    fn finish(&mut self, answers: &Answers) {
        self.end_entry(answers);
    }
}

/// Reads a table, counting the cells of every column.
struct TableReader {
    rows: RowReader,
    table: TableCounts,
}

/// The counts of a table as its rows arrive, apart from the row reader that
/// lends them, so that one can call the other without a second reader.
struct TableCounts {
    header_rows_left: usize,
    chosen: usize,
    counts: Vec<ColumnCount>,
    scale: Scale,
    status_column: Option<usize>,
    data_rows: u64,
    preview_rows: u64,
    /// The segment, date and comment of each answer, when asked for.
    breakdown: Option<Box<Breakdown>>,
    delimiter: u8,
}

impl TableReader {
    fn new(delimiter: u8, plan: &Plan, scale: Scale, chosen: usize, breakdown: Option<Box<Breakdown>>) -> Self {
        // A breakdown takes its cells from the split row.
        let mut rows = if breakdown.is_some() { RowReader::new(delimiter) } else { RowReader::unsplit(delimiter) };
        if let Some(comment) = breakdown.as_ref().and_then(|b| b.columns.comment) {
            rows.keep_long(comment);
        }
        TableReader {
            rows,
            table: TableCounts {
                header_rows_left: plan.header_rows,
                chosen,
                counts: Vec::new(),
                scale,
                status_column: plan.status_column,
                data_rows: 0,
                preview_rows: 0,
                breakdown,
                delimiter,
            },
        }
    }

    fn feed(&mut self, input: &[u8], answers: &Answers) {
        let TableReader { rows, table } = self;
        rows.feed(input, &mut |row| table.count_row(row, answers));
    }

    fn finish(&mut self, answers: &Answers) {
        let TableReader { rows, table } = self;
        rows.finish(&mut |row| table.count_row(row, answers));
    }

    fn unclosed_quote(&self) -> Option<Position> {
        self.rows.unclosed_quote()
    }
}

impl TableCounts {
    fn column(&mut self, c: usize) -> &mut ColumnCount {
        while self.counts.len() <= c {
            let index = self.counts.len();
            let keep = if index == self.chosen {
                MAX_REJECTED_KEPT
            } else if index < COLUMNS_WITH_REJECTS {
                OTHER_COLUMN_REJECTED_KEPT
            } else {
                0
            };
            self.counts.push(ColumnCount::new(self.scale, keep));
        }
        &mut self.counts[c]
    }

    fn count_row(&mut self, row: Row<'_>, answers: &Answers) {
        if let Some(text) = row.unsplit_text() {
            self.count_unsplit_row(text, row.start, answers);
            return;
        }
        // A row of nothing but separators (`, ;`) is as blank as an empty one.
        if row.cells.iter().all(|c| is_blank_line_or_row(c.bytes)) {
            return;
        }
        if self.header_rows_left > 0 {
            self.header_rows_left -= 1;
            // The header's width sets the columns, so that a column with no
            // data still has a profile.
            self.column(row.cells.len().saturating_sub(1));
            return;
        }
        self.data_rows += 1;
        if let Some(status) = self.status_column.and_then(|s| row.cells.get(s)) {
            if is_preview_or_test(trim_cell(status.bytes)) {
                self.preview_rows += 1;
            }
        }
        self.column(self.chosen.max(row.cells.len().saturating_sub(1)));
        let mut answer = None;
        for (c, (count, cell)) in self.counts.iter_mut().zip(row.cells).enumerate() {
            let slot = count.record(answers, cell, &row.place_of(c));
            if c == self.chosen {
                answer = slot;
            }
        }
        if let (Some(slot), Some(breakdown)) = (answer, self.breakdown.as_mut()) {
            breakdown.row(&row, slot);
        }
        let first = row.cells.first().map_or(&[][..], |c| c.bytes);
        for count in &mut self.counts[row.cells.len()..] {
            count.reject(&CellPlace::At(row.start), first, RejectReason::MissingValue, self.scale);
        }
    }
}

impl TableCounts {
    /// [`count_row`](Self::count_row) of a row lent as its text (one line,
    /// no quotes, starting at `start`), split here as it is counted: the
    /// same counts as of its cells, without storing them first.
    fn count_unsplit_row(&mut self, text: &[u8], start: Position, answers: &Answers) {
        let delimiter = self.delimiter;
        let cells = || text.split(move |&b| b == delimiter).map(|cell| RowCell::of_text(cell, MAX_FIELD_BYTES));
        if !text.first().is_some_and(u8::is_ascii_alphanumeric) && cells().all(|c| is_blank_line_or_row(c.bytes)) {
            return;
        }
        if self.header_rows_left > 0 {
            self.header_rows_left -= 1;
            self.column(cells().count().saturating_sub(1));
            return;
        }
        self.data_rows += 1;
        if let Some(status) = self.status_column.and_then(|s| cells().nth(s)) {
            if is_preview_or_test(trim_cell(status.bytes)) {
                self.preview_rows += 1;
            }
        }
        // Out of line, and needed only until the chosen column has its count.
        if self.counts.len() <= self.chosen {
            self.column(self.chosen);
        }
        let place = CellPlace::InLine { line: text, at: start };
        let mut read = 0;
        let mut from = 0;
        loop {
            if read == self.counts.len() {
                self.column(read);
            }
            let count = &mut self.counts[read];
            read += 1;
            // Most cells of an export are one or two digits on the scale,
            // counted here without finding the cell's end first.
            if let Some((slot, end)) = short_score_at(text, from, delimiter, answers.scale) {
                if let Some(n) = count.histogram.get_mut(slot) {
                    *n += 1;
                    if end == text.len() {
                        break;
                    }
                    // A cell of one digit is often one of a grid of questions.
                    let one_digit = end == from + 1;
                    from = end + 1;
                    if one_digit {
                        let run = self.count_digit_run(text, from, read, answers.scale);
                        read += run;
                        from += 2 * run;
                    }
                    continue;
                }
            }
            let (end, classes) = cell_end_and_classes(text, from, delimiter);
            let cell = RowCell::of_text(&text[from..end], MAX_FIELD_BYTES);
            let _ = count.record_looked(answers, &place, cell.bytes, cell.overflowed, classes);
            if end == text.len() {
                break;
            }
            from = end + 1;
        }
        if read < self.counts.len() {
            let first = cells().next().map_or(&[][..], |c| c.bytes);
            for count in &mut self.counts[read..] {
                count.reject(&CellPlace::At(start), first, RejectReason::MissingValue, self.scale);
            }
        }
    }
}

impl TableCounts {
    /// Counts the cells of one digit on the scale, each followed by the
    /// delimiter, that start at `from` in `row` in columns `first` onwards
    /// (`3,3,3,3,`, as grids of questions are exported), tested eight bytes
    /// at a time; returns how many it counted.
    #[inline(always)]
    fn count_digit_run(&mut self, row: &[u8], from: usize, first: usize, scale: Scale) -> usize {
        let mut counted = 0;
        loop {
            let four = self.count_digit_word(row, from + 2 * counted, first + counted, scale);
            counted += four;
            if four < 4 {
                return counted;
            }
        }
    }

    /// [`count_digit_run`](Self::count_digit_run) over eight bytes: up to four cells.
    #[inline(always)]
    fn count_digit_word(&mut self, row: &[u8], from: usize, first: usize, scale: Scale) -> usize {
        const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
        let Some(Ok(bytes)) = row.get(from..from + 8).map(<[u8; 8]>::try_from) else { return 0 };
        // Digits become their values and delimiters zero; a pair is good
        // when its odd byte is zero and its even byte below ten.
        let digit_then_delimiter = 0x0030_0030_0030_0030 | (u64::from(self.delimiter) * 0x0100_0100_0100_0100);
        let pairs = u64::from_le_bytes(bytes) ^ digit_then_delimiter;
        let values = pairs & EVEN;
        let bad_value = (((values & 0x007f_007f_007f_007f) + 0x0076_0076_0076_0076) | values) & 0x0080_0080_0080_0080;
        let bad_delimiter = pairs & !EVEN;
        if (bad_value | bad_delimiter) & 0xffff != 0 {
            return 0;
        }
        let good = ((bad_value | bad_delimiter).trailing_zeros() / 16) as usize;
        if first + good > self.counts.len() {
            return 0;
        }
        let min = usize::from(scale.min);
        for (i, count) in self.counts[first..first + good].iter_mut().enumerate() {
            let value = (values >> (16 * i)) as u8;
            match count.histogram.get_mut(usize::from(value).wrapping_sub(min)) {
                Some(n) => *n += 1,
                // Off the scale: left to the reading of one cell.
                None => return i,
            }
        }
        good
    }
}

/// Qualtrics' `Status` of a preview or test response: 1 and 2, or their names.
pub(crate) fn is_preview_or_test(status: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(status).to_ascii_lowercase();
    matches!(lower.as_str(), "1" | "2" | "survey preview" | "survey test" | "preview" | "test")
}

enum Phase {
    Sampling { held: Vec<u8>, lines: usize },
    List(Box<ListReader>),
    Table(Box<TableReader>),
    /// The `column` option named no column; nothing more is read.
    Refused,
}

/// Everything of a parser but its decoder, so that the decoder can hand it text.
struct Reading {
    answers: Answers,
    words: HeaderWords,
    selector: Option<ColumnSelector>,
    extras: ExtraSelectors,
    phase: Phase,
    plan: Option<Plan>,
    error: Option<OptionError>,
}

impl Reading {
    fn feed(&mut self, text: &[u8]) {
        match &mut self.phase {
            Phase::Sampling { held, lines } => {
                // A first chunk that holds the whole sample (a paste) is read
                // where it lies, without a copy.
                let found = count_lines(text, SAMPLE_LINES);
                if held.is_empty() && sample_complete(text, found) {
                    self.start_reading_on(text);
                    return;
                }
                held.extend_from_slice(text);
                *lines += found;
                if sample_complete(held, *lines) {
                    self.start_reading();
                }
            }
            Phase::List(reader) => reader.feed(text, &self.answers),
            Phase::Table(reader) => reader.feed(text, &self.answers),
            Phase::Refused => {}
        }
    }

    /// `text` is the whole input: the layout is decided on it where it lies,
    /// however short it is, instead of on a copy held until the end.
    fn feed_whole(&mut self, text: &[u8]) {
        match &self.phase {
            Phase::Sampling { held, .. } if held.is_empty() => self.start_reading_on(text),
            _ => self.feed(text),
        }
    }

    fn finish(&mut self) {
        if let Phase::Sampling { .. } = self.phase {
            self.start_reading();
        }
        match &mut self.phase {
            Phase::List(reader) => reader.finish(&self.answers),
            Phase::Table(reader) => reader.finish(&self.answers),
            Phase::Sampling { .. } | Phase::Refused => {}
        }
    }

    /// Decides the layout from what is held back, then reads it.
    fn start_reading(&mut self) {
        let held = match &mut self.phase {
            Phase::Sampling { held, .. } => core::mem::take(held),
            _ => return,
        };
        self.start_reading_on(&held);
    }

    /// Decides the layout from `text`, the start of the input, then reads it.
    fn start_reading_on(&mut self, held: &[u8]) {
        let plan = match layout::plan(sample_of(held), &self.answers, self.words, self.selector.as_ref()) {
            Ok(plan) => plan,
            Err(error) => {
                self.error = Some(error);
                self.phase = Phase::Refused;
                return;
            }
        };
        self.phase = match (plan.layout.kind, plan.layout.delimiter, &plan.column) {
            (LayoutKind::Table, Some(delimiter), Some(column)) => {
                let chosen = (column.index as usize).saturating_sub(1);
                let breakdown = if self.extras.is_empty() {
                    None
                } else {
                    match ExtraColumns::find(&self.extras, &plan.headers, plan.headers.len()) {
                        Ok(columns) => Some(Box::new(Breakdown::new(columns, &plan.headers, self.answers.scale, self.extras.date_order))),
                        Err(error) => {
                            self.error = Some(error);
                            self.phase = Phase::Refused;
                            return;
                        }
                    }
                };
                Phase::Table(Box::new(TableReader::new(delimiter.byte(), &plan, self.answers.scale, chosen, breakdown)))
            }
            _ if !self.extras.is_empty() => {
                let option = if self.extras.segment.is_some() {
                    "segment"
                } else if self.extras.date.is_some() {
                    "date"
                } else {
                    "comment"
                };
                self.error = Some(OptionError::new(
                    option,
                    "the text is a single column of answers; segments, dates and comments need a table with a column for each",
                ));
                self.phase = Phase::Refused;
                return;
            }
            _ => Phase::List(Box::new(ListReader::new(plan.layout, self.answers.scale, plan.whole_lines))),
        };
        self.plan = Some(plan);
        self.feed(held);
    }

    /// The tally of column `c` (from 0), chosen as `chosen_by`.
    fn tally(&self, c: usize, chosen_by: Option<ColumnChoice>, encoding: Encoding) -> Tally {
        let scale = self.answers.scale;
        let mut tally = Tally::new(scale);
        tally.encoding = encoding;
        let Some(plan) = &self.plan else { return tally };
        tally.layout = plan.layout;
        let header = |c: usize| plan.headers.get(c).cloned().unwrap_or_default();
        let summary = |c: usize, count: &ColumnCount| {
            let ColumnHeader { name, short_name, .. } = header(c);
            ColumnSummary { index: c as u32 + 1, name, short_name, profile: count.profile(scale) }
        };
        let empty = ColumnCount::new(scale, 0);
        let (count, counts): (&ColumnCount, Vec<ColumnSummary>) = match &self.phase {
            Phase::List(reader) => (&reader.count, vec![summary(0, &reader.count)]),
            Phase::Table(reader) => (
                reader.table.counts.get(c).unwrap_or(&empty),
                reader.table.counts.iter().enumerate().map(|(i, count)| summary(i, count)).collect(),
            ),
            _ => (&empty, Vec::new()),
        };
        tally.histogram.clone_from(&count.histogram);
        tally.rejected = count.rejected.iter().take(MAX_REJECTED_KEPT).cloned().collect();
        tally.rejected_count = count.rejected_count;
        tally.labels = count.labels;
        tally.columns = counts;
        tally.column = plan.column.as_ref().map(|chosen| {
            let ColumnHeader { name, short_name, .. } = header(c);
            let chosen_by = chosen_by.unwrap_or(chosen.chosen_by);
            ScoreColumn { index: c as u32 + 1, name: if plan.headers.is_empty() { chosen.name.clone() } else { name }, short_name, chosen_by }
        });
        if let (None, Some(_)) = (&plan.column, chosen_by) {
            tally.column = Some(ScoreColumn { index: 1, name: None, short_name: None, chosen_by: ColumnChoice::Option });
        }
        tally.rows = match &self.phase {
            Phase::Table(reader) => reader.table.data_rows,
            _ => tally.respondents() + tally.rejected_count,
        };
        tally.suggested = plan.suggested;
        if let Phase::Table(reader) = &self.phase {
            if c == reader.table.chosen {
                tally.breakdown.clone_from(&reader.table.breakdown);
            }
        }
        tally.warnings = self.warnings(&tally, chosen_by.is_none());
        tally
    }

    fn warnings(&self, tally: &Tally, as_planned: bool) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let Some(plan) = &self.plan else { return warnings };
        let describe = |index: u32| match tally.columns.get(index as usize - 1).and_then(|c| c.name.as_ref()) {
            Some(name) => format!("{index} “{name}”"),
            None => format!("{index}"),
        };
        let chosen = tally.column.as_ref();
        if let (true, Some(column)) = (as_planned && plan.candidates.len() > 1, chosen) {
            let listed: Vec<String> = plan.candidates.iter().map(|&c| describe(c)).collect();
            warnings.push(Warning {
                code: "several-columns",
                message: format!("columns {} could each hold the answers; column {} was read", listed.join(", "), column.index),
                columns: plan.candidates.clone(),
                at: None,
            });
        }
        if let Some(column) = chosen.filter(|c| c.chosen_by == ColumnChoice::Values) {
            warnings.push(Warning {
                code: "chosen-by-values",
                message: format!("no header named the question, so column {} was chosen by its values", describe(column.index)),
                columns: vec![column.index],
                at: None,
            });
        }
        let scale = tally.scale;
        if scale.max == 10 && tally.respondents() >= SHORT_SCALE_MIN_ANSWERS {
            let top = tally.histogram.iter().rposition(|&n| n > 0).map(|i| scale.min as usize + i);
            if let Some(top @ (5 | 7)) = top {
                warnings.push(Warning {
                    code: "short-scale",
                    message: format!(
                        "the answers stop at {top} among {}: is this a 1–{top} scale? The NPS needs answers from 0 to 10",
                        tally.respondents()
                    ),
                    columns: chosen.map(|c| vec![c.index]).unwrap_or_default(),
                    at: None,
                });
            }
        }
        if let Phase::Table(reader) = &self.phase {
            if reader.table.data_rows > 0 && reader.table.preview_rows == reader.table.data_rows {
                warnings.push(test_responses_warning(reader.table.data_rows, plan.status_column));
            }
            if let Some(at) = reader.unclosed_quote() {
                warnings.push(Warning {
                    code: "unclosed-quote",
                    message: format!(
                        "a quote opened at line {}, column {} never closes, so everything after it was read as one cell",
                        at.line, at.column
                    ),
                    columns: Vec::new(),
                    at: Some(at),
                });
            }
        }
        warnings
    }
}

/// A push parser for pasted answers and file bytes.
///
/// ```
/// use loyalty_score::{ScoreParser, Scale};
/// let mut parser = ScoreParser::new(Scale::ZERO_TO_TEN);
/// parser.feed(b"9\n1");       // the 10 is split across two chunks
/// parser.feed(b"0\nabc\n7");
/// let tally = parser.finish();
/// assert_eq!(tally.respondents(), 3);
/// assert_eq!(tally.histogram[10], 1);
/// assert_eq!(tally.rejected[0].text, "abc");
/// assert_eq!((tally.rejected[0].line, tally.rejected[0].column), (3, 1));
/// ```
pub struct ScoreParser {
    decoder: Decoder,
    reading: Reading,
    ended: bool,
}

impl ScoreParser {
    /// A parser for answers to the recommend question on `scale`.
    pub fn new(scale: Scale) -> Self {
        ScoreParser::for_question(scale, HeaderWords::RECOMMEND)
    }

    /// A parser that finds the answer column of a table by `words` in its header.
    pub fn for_question(scale: Scale, words: HeaderWords) -> Self {
        ScoreParser::reading(Answers::numbers(scale), words, None, Decoder::detect())
    }

    /// A parser for `answers`, reading the column `selector` names (or the one
    /// its header `words` name), with `decoder` in front
    /// ([`Decoder::detect`] for file bytes, [`Decoder::utf8`] for text).
    pub fn reading(answers: Answers, words: HeaderWords, selector: Option<ColumnSelector>, decoder: Decoder) -> Self {
        ScoreParser {
            decoder,
            reading: Reading {
                answers,
                words,
                selector,
                extras: ExtraSelectors::default(),
                phase: Phase::Sampling { held: Vec::new(), lines: 0 },
                plan: None,
                error: None,
            },
            ended: false,
        }
    }

    /// Also reads the segment, date and comment columns `extras` names, for
    /// the answers of the column read (a table's).
    pub fn with_extras(mut self, extras: ExtraSelectors) -> Self {
        self.reading.extras = extras;
        self
    }

    /// Reads the next piece of the text. Pieces may split lines, entries and
    /// even UTF-8 characters anywhere.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.push(chunk, None);
    }

    /// [`feed`](Self::feed) of all the text there is, to a parser of text
    /// ([`Decoder::utf8`]) that has been fed nothing.
    fn feed_whole_text(&mut self, text: &[u8]) {
        self.push(text, Some(text.len()));
    }

    /// Decodes `chunk` for the reading. With `whole`, the length of a text
    /// that is all the input: the decoder of text passes on pieces of its
    /// input (after a BOM, between bare CRs) and holds a CR at the end, so a
    /// piece as long as the input is all of it, with nothing after.
    // One closure for both callers, so that the decoder is compiled once.
    fn push(&mut self, chunk: &[u8], whole: Option<usize>) {
        if self.ended {
            return;
        }
        let ScoreParser { decoder, reading, .. } = self;
        decoder.push(chunk, &mut |piece| if Some(piece.len()) == whole { reading.feed_whole(piece) } else { reading.feed(piece) });
    }

    /// The `column` option's error, once the layout has been decided and it named no column.
    pub fn error(&self) -> Option<&OptionError> {
        self.reading.error.as_ref()
    }

    /// Ends the text. Afterwards [`tally`](Self::tally) and
    /// [`tally_for`](Self::tally_for) give the reports; more input is ignored.
    pub fn end(&mut self) -> Result<(), OptionError> {
        if !self.ended {
            self.ended = true;
            let ScoreParser { decoder, reading, .. } = self;
            decoder.finish(&mut |text| reading.feed(text));
            reading.finish();
        }
        match &self.reading.error {
            Some(error) => Err(error.clone()),
            None => Ok(()),
        }
    }

    fn encoding(&self) -> Encoding {
        self.decoder.encoding().unwrap_or(Encoding::Utf8)
    }

    /// What was read of the chosen column (after [`end`](Self::end)).
    pub fn tally(&self) -> Tally {
        let chosen = self.reading.plan.as_ref().and_then(|p| p.column.as_ref()).map_or(0, |c| c.index as usize - 1);
        let option = self.reading.selector.as_ref().map(|_| ColumnChoice::Option);
        self.reading.tally(chosen, option, self.encoding())
    }

    /// What was read of another column, without reading the text again (after
    /// [`end`](Self::end)): exact counts, and up to 20 of its rejected entries.
    pub fn tally_for(&self, selector: &ColumnSelector) -> Result<Tally, OptionError> {
        let plan = self.reading.plan.as_ref();
        let width = match &self.reading.phase {
            Phase::Table(reader) => reader.table.counts.len(),
            _ => 1,
        };
        let headers = plan.map_or(&[][..], |p| &p.headers[..]);
        let c = layout::find_column(selector, headers, width)?;
        Ok(self.reading.tally(c, Some(ColumnChoice::Option), self.encoding()))
    }

    /// Ends the text and returns what was read (nothing, when the `column`
    /// option named no column: see [`end`](Self::end)).
    pub fn finish(mut self) -> Tally {
        let _ = self.end();
        self.tally()
    }
}

/// A [`ScoreParser`] made on the first chunk: for text (a string's UTF-8)
/// when that chunk is text, for file bytes in any encoding when it is bytes.
/// The measures' readers are this with their report on top.
pub struct ColumnReader {
    answers: Answers,
    words: HeaderWords,
    column: Option<ColumnSelector>,
    extras: ExtraSelectors,
    parser: Option<ScoreParser>,
}

impl ColumnReader {
    pub fn new(answers: Answers, words: HeaderWords, column: Option<ColumnSelector>) -> Self {
        ColumnReader { answers, words, column, extras: ExtraSelectors::default(), parser: None }
    }

    /// Also reads the segment, date and comment columns `extras` names.
    pub fn with_extras(mut self, extras: ExtraSelectors) -> Self {
        self.extras = extras;
        self
    }

    fn parser(&mut self, decoder: impl FnOnce() -> Decoder) -> &mut ScoreParser {
        let ColumnReader { answers, words, column, extras, parser } = self;
        parser.get_or_insert_with(|| ScoreParser::reading(*answers, *words, column.clone(), decoder()).with_extras(core::mem::take(extras)))
    }

    /// The next chunk of UTF-8 text; the first chunk decides text or bytes.
    pub fn push_text(&mut self, chunk: &[u8]) {
        self.parser(Decoder::utf8).feed(chunk);
    }

    /// The next chunk of a file's bytes, in whatever encoding they are.
    pub fn push_bytes(&mut self, chunk: &[u8]) {
        self.parser(Decoder::detect).feed(chunk);
    }

    /// All of the input as one chunk of UTF-8 text, then [`finish`](Self::finish):
    /// what a text given at once is read with. A text of fewer lines than the
    /// layout's sample is read where it lies, not copied to be held first.
    pub fn finish_with_text(&mut self, text: &[u8]) -> Result<Tally, OptionError> {
        match &mut self.parser {
            Some(parser) => parser.feed(text),
            None => self.parser(Decoder::utf8).feed_whole_text(text),
        }
        self.finish()
    }

    /// The `column` option's error, as soon as the layout shows it names no column.
    pub fn error(&self) -> Option<&OptionError> {
        self.parser.as_ref().and_then(ScoreParser::error)
    }

    /// Ends the input; what was read of the column chosen.
    pub fn finish(&mut self) -> Result<Tally, OptionError> {
        let parser = self.parser(Decoder::utf8);
        parser.end()?;
        Ok(parser.tally())
    }

    /// After [`finish`](Self::finish): what was read of another column.
    pub fn tally_for(&self, column: &ColumnSelector) -> Result<Tally, OptionError> {
        let parser = self.parser.as_ref().ok_or_else(|| OptionError::new("column", "nothing has been read yet"))?;
        parser.tally_for(column)
    }
}

/// The part of a text the layout is decided on: its first [`SAMPLE_LINES`]
/// lines, within its first [`SAMPLE_BYTES`] bytes and cut at a line end, but
/// never fewer than its first [`MIN_SAMPLE_LINES`] lines (up to
/// [`MAX_SAMPLE_BYTES`]). It depends on the text alone, so the layout does not
/// depend on how the text was cut into chunks.
pub(crate) fn sample_of(text: &[u8]) -> &[u8] {
    // (The conditions under which a parser holds enough text for this are in
    // `sample_complete`.) One pass: the ends of the first lines, no further
    // than the most a sample may hold.
    let bounded = &text[..text.len().min(MAX_SAMPLE_BYTES)];
    let mut ends = [0usize; SAMPLE_LINES];
    let mut found = 0;
    for i in scan::newlines(bounded) {
        ends[found] = i + 1;
        found += 1;
        if found == SAMPLE_LINES || i >= SAMPLE_BYTES && found >= MIN_SAMPLE_LINES {
            break;
        }
    }
    let end_of = |n: usize| (n <= found).then(|| ends[n - 1]);
    match end_of(SAMPLE_LINES) {
        Some(end) if end <= SAMPLE_BYTES => return &text[..end],
        None if text.len() <= SAMPLE_BYTES => return text,
        _ => {}
    }
    // Too long for all of its first lines: the whole lines within the first
    // bytes, but at least the first few lines, whole.
    let fits = ends[..found].iter().rev().find(|&&e| e <= SAMPLE_BYTES).copied().unwrap_or(0);
    let least = end_of(MIN_SAMPLE_LINES).unwrap_or(bounded.len());
    &text[..fits.max(least)]
}

/// Newlines in `text`, counting no further than `most`.
fn count_lines(text: &[u8], most: usize) -> usize {
    scan::newlines(text).take(most).count()
}

/// Whether `held` text of `lines` newlines is certain to hold all of its
/// [`sample_of`], so that the layout can be decided on it.
pub(crate) fn sample_complete(held: &[u8], lines: usize) -> bool {
    lines >= SAMPLE_LINES || (held.len() > SAMPLE_BYTES && lines >= MIN_SAMPLE_LINES) || held.len() > MAX_SAMPLE_BYTES
}

/// The warning that every response is a preview or test one.
pub(crate) fn test_responses_warning(rows: u64, status_column: Option<usize>) -> Warning {
    Warning {
        code: "test-responses",
        message: format!("every response ({rows}) is a survey preview or test (the Status column)"),
        columns: status_column.map(|s| vec![s as u32 + 1]).unwrap_or_default(),
        at: None,
    }
}

/// Reads a whole paste of answers to the recommend question at once.
pub fn parse_scores(text: &[u8], scale: Scale) -> Tally {
    parse_answers(text, scale, HeaderWords::RECOMMEND)
}

/// Reads a whole paste at once, finding a table's column by `words`.
pub fn parse_answers(text: &[u8], scale: Scale, words: HeaderWords) -> Tally {
    let mut parser = ScoreParser::for_question(scale, words);
    parser.feed(text);
    parser.finish()
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::layout::{ColumnChoice, Delimiter};
    const S: Scale = Scale::ZERO_TO_TEN;

    fn read(text: &str) -> Tally {
        parse_scores(text.as_bytes(), S)
    }

    fn rejects(t: &Tally) -> Vec<(u64, u64, &str, RejectReason)> {
        t.rejected.iter().map(|r| (r.line, r.column, r.text.as_str(), r.reason)).collect()
    }

    #[test]
    fn every_separator_a_person_pastes_is_understood() {
        for text in ["9\n10\n7\n3", "9,10,7,3", "9;10;7;3", "9\t10\t7\t3", "9 10  7 3", "9\r\n10\r\n7\r\n3\r\n", "\u{feff}9\n10\n7\n3"] {
            let t = read(text);
            assert_eq!(t.respondents(), 4, "{text:?}");
            assert_eq!((t.histogram[9], t.histogram[10], t.histogram[7], t.histogram[3]), (1, 1, 1, 1));
            assert_eq!(t.rejected_count, 0, "{text:?}");
        }
    }

    #[test]
    fn rejects_carry_line_column_text_and_reason() {
        let t = read("9\n  ten\n8.5\n11, 4\n");
        use RejectReason::*;
        assert_eq!(
            rejects(&t),
            vec![(2, 3, "ten", NotANumber), (3, 1, "8.5", NotWholeNumber), (4, 1, "11", OutOfRange)]
        );
        assert_eq!(t.respondents(), 2);
        assert_eq!(t.rejected[2].message, "outside the 0–10 scale");
    }

    #[test]
    fn columns_count_characters_and_skip_the_bom() {
        let t = read("\u{feff}é x");
        assert_eq!(rejects(&t), vec![(1, 1, "é", RejectReason::NotANumber), (1, 3, "x", RejectReason::NotANumber)]);
    }

    #[test]
    fn dates_passed_over_early_are_what_classify_calls_no_number() {
        for entry in ["2024-01-01", "2024-01-01 10:00:00", "15/01/2024", "1/2", "5-", "10-", "3/4/5 "] {
            assert!(is_date_like(entry.as_bytes()), "{entry:?}");
            assert_eq!(classify(entry.as_bytes(), S), Cell::Rejected(RejectReason::NotANumber), "{entry:?}");
            // No Likert label either: they are passed over with labels too.
            for points in [5, 7] {
                let likert = Answers::likert(Scale { min: 1, max: points });
                assert_eq!(likert.read(entry.as_bytes()), (Cell::Rejected(RejectReason::NotANumber), None), "{entry:?}");
            }
        }
        // Letters, another script, a sign or no digit first: read the general way.
        for entry in ["2024-01-01T10:00:00", "01/15/2024 10:11 AM", "10 - Extremely likely", "9-Likely", "٩-", "9.5", "7", "-3", " 5-3", "/5"] {
            assert!(!is_date_like(entry.as_bytes()), "{entry:?}");
        }
        // The quick look asks only how a date starts, of a cell whose byte
        // classes show no letter and nothing but ASCII.
        proptest::proptest!(|(entry in "[0-9a-zA-Z/ :.-]{0,12}|[0-9]{1,2}[-/].{0,4}")| {
            let bytes = entry.as_bytes();
            let plain = byte_classes(bytes) & (LETTER_L | OTHER_LETTER | NON_ASCII) == 0;
            proptest::prop_assert_eq!(plain && starts_like_a_date(bytes), is_date_like(bytes));
        });
        proptest::proptest!(|(entry in "[0-9]{1,4}[-/][0-9 :/.,;+-]{0,16}")| {
            proptest::prop_assert!(is_date_like(entry.as_bytes()));
            proptest::prop_assert_eq!(classify(entry.as_bytes(), S), Cell::Rejected(RejectReason::NotANumber));
            let likert = Answers::likert(Scale { min: 1, max: 5 });
            proptest::prop_assert_eq!(likert.read(entry.as_bytes()), (Cell::Rejected(RejectReason::NotANumber), None));
        });
    }

    #[test]
    fn short_numbers_on_the_scale_are_what_classify_reads() {
        // classify_entry and the row loops count them without classify.
        for scale in [S, Scale { min: 1, max: 5 }, Scale { min: 1, max: 7 }] {
            for n in 0..100u8 {
                for text in [n.to_string(), format!("{n:02}")] {
                    if let Some(value) = short_number(text.as_bytes()).filter(|v| (scale.min..=scale.max).contains(v)) {
                        assert_eq!(value, n, "{text:?}");
                        assert_eq!(classify(text.as_bytes(), scale), Cell::Score(n), "{text:?} on {scale:?}");
                    } else {
                        assert_ne!(classify(text.as_bytes(), scale), Cell::Score(n), "{text:?} on {scale:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn empty_cells_are_skipped_and_nothing_else_is() {
        let t = read("9,,10,\n\n ,7\n");
        assert_eq!(t.respondents(), 3);
        assert_eq!(t.rejected_count, 0);
    }

    #[test]
    fn a_dutch_decimal_in_a_column_is_not_a_whole_number() {
        let t = read("9\n8,5\n7\n");
        assert_eq!(t.respondents(), 2);
        assert_eq!(rejects(&t), vec![(2, 1, "8,5", RejectReason::NotWholeNumber)]);
    }

    #[test]
    fn the_end_of_a_chunk_does_not_put_off_the_counting_of_blocks() {
        // A column fed in chunks of whole lines, as a file reader gives it:
        // 4,126 bytes, a block of 4,096 and 30 bytes too few for another.
        // Only a block that holds something other than short scores puts
        // the next try off (by 4,096 bytes, doubled after each such block).
        let chunk = b"9\n".repeat(2_063);
        let answers = Answers::numbers(S);
        let mut list = ListReader::new(Layout::PLAIN_LIST, S, true);
        for _ in 0..10 {
            list.feed(&chunk, &answers);
            assert_eq!((list.blocks_from, list.block_backoff), (0, BLOCK_BYTES as u64));
        }
        let mut with_x = chunk.clone();
        with_x[1_000] = b'x';
        list.feed(&with_x, &answers);
        assert_eq!(list.blocks_from, 10 * 4_126 + 4_096);
        list.finish(&answers);
        assert_eq!(list.count.histogram[9], 11 * 2_063 - 1);
        assert_eq!(list.count.rejected.len(), 1);
    }

    /// The counts of a table read with `rows`, its first row a header and
    /// its second column the status.
    fn table_counts(text: &[u8], delimiter: u8, mut rows: RowReader) -> (Vec<ColumnCount>, u64, u64) {
        let answers = Answers::numbers(S);
        let plan = layout::plan(b"id;Score\n1;9\n", &answers, HeaderWords::RECOMMEND, None).unwrap();
        let mut table = TableReader::new(delimiter, &plan, S, 2, None).table;
        table.status_column = Some(1);
        rows.feed(text, &mut |row| table.count_row(row, &answers));
        rows.finish(&mut |row| table.count_row(row, &answers));
        (table.counts, table.data_rows, table.preview_rows)
    }

    #[test]
    fn rows_counted_as_they_are_split_count_as_their_cells() {
        // Blank rows, a row of separators, short and long rows, a cell over
        // the limit, rejects after non-ASCII text, a quoted row (which comes
        // split either way), preview responses and a CRLF.
        let long = "7".repeat(300);
        let text = format!(
            "id,status,score,name\n\n1,0,9,Jösé\n,,,\n2,1,x,é\r\n3,0,10\n4,0,8,a,b,c\n5,0,{long},z\n\"6\",2,7,\"q, r\"\n7,ü,11,w\n ,\u{a0},3,\n"
        );
        for cut in [1, 7, text.len()] {
            let read = |rows: fn(u8) -> RowReader| {
                let mut all = Vec::new();
                for piece in text.as_bytes().chunks(cut) {
                    all.extend_from_slice(piece);
                }
                table_counts(&all, b',', rows(b','))
            };
            let split = read(RowReader::new);
            let unsplit = read(RowReader::unsplit);
            assert_eq!(unsplit, split, "cut {cut}");
            let (counts, data_rows, preview_rows) = split;
            assert_eq!((data_rows, preview_rows, counts.len()), (8, 2, 6));
            assert_eq!(counts[2].histogram[9] + counts[2].histogram[10] + counts[2].histogram[8], 3);
            let places: Vec<(u64, u64)> = counts[2].rejected.iter().map(|r| (r.line, r.column)).collect();
            assert_eq!(places, [(5, 5), (8, 5), (10, 5)]);
            assert_eq!(counts[3].rejected.iter().map(|r| (r.line, r.column)).collect::<Vec<_>>()[..2], [(3, 7), (5, 7)]);
        }
    }

    #[test]
    fn short_cells_counted_in_the_row_loop_count_as_cells_read_whole() {
        // Every row of up to three cells from these, on a 0–10 and a 1–5
        // scale: one and two digits on and off the scale (`0` below 1–5
        // wraps), a leading zero, digits with more after them, empty cells
        // and a row ending in its delimiter.
        let cells = ["", "0", "5", "9", "10", "05", "11", "99", "100", "3x", "7 ", "-1"];
        let mut text = String::from("id,status,score\n");
        for a in cells {
            text.push_str(&format!("{a}\n"));
            for b in cells {
                text.push_str(&format!("{a},{b}\n"));
                for c in cells {
                    text.push_str(&format!("{a},{b},{c}\n{a},{b},{c},\n"));
                }
            }
        }
        for scale in [S, Scale { min: 1, max: 5 }] {
            let (split, unsplit) = (read_table(&text, b',', scale, false), read_table(&text, b',', scale, true));
            assert_eq!(unsplit, split, "scale {scale:?}");
            // The third column holds each cell 12 × 12 × 2 times (every
            // first and second cell, with and without the delimiter after
            // it): `5` and `05` on both scales, `0`, `9` and `10` only on 0–10.
            let histogram = &split.0[2].histogram;
            if scale == S {
                assert_eq!((histogram[5], histogram[9], histogram[10], histogram[0]), (576, 288, 288, 288));
            } else {
                assert_eq!((histogram[4], histogram.iter().sum::<u64>()), (576, 576));
            }
        }
    }

    #[test]
    fn runs_of_one_digit_cells_count_as_cells_read_whole() {
        // Rows of 1 to 30 cells, mostly one digit (counted eight bytes at a
        // time, in runs of up to 28), broken by every other kind of cell at
        // every place.
        let kinds = ["3", "0", "9", "7", "10", "", "x", "05", "6", "1", "12", "4"];
        let mut seed = 12345u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as usize % n
        };
        for delimiter in [b',', b';'] {
            let d = char::from(delimiter);
            let mut text = format!("id{d}status{d}score\n");
            for _ in 0..3000 {
                let width = 1 + next(30);
                let cells: Vec<&str> = (0..width).map(|_| if next(5) == 0 { kinds[next(kinds.len())] } else { "3" }).collect();
                text.push_str(&cells.join(&d.to_string()));
                text.push_str(if next(4) == 0 { "\r\n" } else { "\n" });
            }
            for scale in [S, Scale { min: 1, max: 5 }] {
                let (split, unsplit) = (read_table(&text, delimiter, scale, false), read_table(&text, delimiter, scale, true));
                assert_eq!(unsplit, split, "scale {scale:?}, delimiter {d}");
            }
        }
        // By hand: ten columns get a 3 each, nine a 5, and the tenth a 0,
        // which is below the 1–5 scale.
        for scale in [S, Scale { min: 1, max: 5 }] {
            let (counts, _) = read_table("a,b,c\n3,3,3,3,3,3,3,3,3,3\n5,5,5,5,5,5,5,5,5,0\n", b',', scale, true);
            let at = |v: u8| usize::from(v - scale.min);
            assert!(counts.iter().all(|c| c.histogram[at(3)] == 1), "scale {scale:?}");
            assert!(counts[..9].iter().all(|c| c.histogram[at(5)] == 1 && c.rejected_count == 0), "scale {scale:?}");
            let zero = (counts[9].histogram.iter().sum::<u64>(), counts[9].rejected_count);
            assert_eq!(zero, if scale == S { (2, 0) } else { (1, 1) }, "scale {scale:?}");
        }
    }

    /// Every column's counts of `text`, a table read with its rows split or
    /// lent unsplit, and its data rows.
    fn read_table(text: &str, delimiter: u8, scale: Scale, unsplit: bool) -> (Vec<ColumnCount>, u64) {
        let answers = Answers::numbers(scale);
        let plan = layout::plan(b"id;Score\n1;3\n", &answers, HeaderWords::RECOMMEND, None).unwrap();
        let mut table = TableReader::new(delimiter, &plan, scale, 2, None).table;
        let mut rows = if unsplit { RowReader::unsplit(delimiter) } else { RowReader::new(delimiter) };
        rows.feed(text.as_bytes(), &mut |row| table.count_row(row, &answers));
        rows.finish(&mut |row| table.count_row(row, &answers));
        (table.counts, table.data_rows)
    }

    #[test]
    fn a_csv_export_with_quotes_reads_the_named_column() {
        let text = "id,comment,\"How likely are you to recommend us?\"\n\
                    1,\"great, thanks\",9\n\
                    2,\"said \"\"meh\"\"\",6\n\
                    3,\"multi\nline\",eleven\n\
                    4,short\n\
                    5,,\n";
        let t = read(text);
        assert_eq!(t.layout.delimiter, Some(Delimiter::Comma));
        assert_eq!(t.column.as_ref().map(|c| (c.index, c.chosen_by)), Some((3, ColumnChoice::Header)));
        assert_eq!(t.respondents(), 2);
        assert_eq!(t.histogram[9], 1);
        assert_eq!(t.histogram[6], 1);
        assert_eq!(
            rejects(&t),
            vec![(5, 7, "eleven", RejectReason::NotANumber), (6, 1, "4", RejectReason::MissingValue)]
        );
    }

    #[test]
    fn a_spreadsheet_selection_reads_only_the_score_column() {
        let t = read("Anna\t9\t2024\r\nBob\t6\t2023\r\n\r\nCees\t\t2022\r\nDirk\tx\t2021\r\n");
        assert_eq!(t.column.as_ref().map(|c| c.index), Some(2));
        assert_eq!(t.respondents(), 2);
        assert_eq!(rejects(&t), vec![(5, 6, "x", RejectReason::NotANumber)]);
    }

    #[test]
    fn a_header_over_a_single_column_is_not_rejected() {
        let t = read("Score\n9\n10\nabc\n");
        assert_eq!(t.respondents(), 2);
        assert_eq!(rejects(&t), vec![(4, 1, "abc", RejectReason::NotANumber)]);
    }

    #[test]
    fn only_the_first_hundred_rejects_are_kept_but_all_are_counted() {
        let text = "x\n".repeat(250) + "9";
        let t = read(&text);
        assert_eq!(t.rejected.len(), MAX_REJECTED_KEPT);
        assert_eq!(t.rejected_count, 250);
        assert_eq!(t.rejected[99].line, 100);
        assert_eq!(t.respondents(), 1);
    }

    #[test]
    fn long_entries_are_shortened_in_the_report() {
        let long = "a".repeat(1000);
        let t = read(&format!("9\n{long}\n{}\n", "9".repeat(400)));
        assert_eq!(t.rejected[0].text.chars().count(), 41);
        assert_eq!(t.rejected[0].reason, RejectReason::NotANumber);
        assert_eq!(t.rejected[1].reason, RejectReason::OutOfRange);
        assert_eq!(t.rejected[1].line, 3);
    }

    #[test]
    fn chunk_boundaries_anywhere_give_the_same_result() {
        let text = "id;Aanbeveling;naam\n".to_string() + &"1;9;\"Jan; de\"\n2;10;é\n3;8,5;x\n".repeat(30);
        let whole = read(&text);
        let bytes = text.as_bytes();
        for size in [1, 2, 3, 7, 64, 1000] {
            let mut p = ScoreParser::new(S);
            for chunk in bytes.chunks(size) {
                p.feed(chunk);
            }
            assert_eq!(p.finish(), whole, "chunk size {size}");
        }
        assert_eq!(whole.respondents(), 60);
        assert_eq!(whole.rejected_count, 30);
    }

    #[test]
    fn a_long_paste_is_decided_on_its_first_lines_and_read_to_the_end() {
        let text = "7\n".repeat(10_000) + "9\n";
        let mut p = ScoreParser::new(S);
        for chunk in text.as_bytes().chunks(4096) {
            p.feed(chunk);
        }
        let t = p.finish();
        assert_eq!(t.histogram[7], 10_000);
        assert_eq!(t.histogram[9], 1);
    }

    #[test]
    fn empty_and_blank_pastes_count_nothing() {
        for text in ["", "\n\n", "   ", "\u{feff}"] {
            let t = read(text);
            assert_eq!((t.respondents(), t.rejected_count), (0, 0), "{text:?}");
        }
    }
}
