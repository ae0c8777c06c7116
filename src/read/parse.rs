//! The push parser: feed it a paste in chunks of any size, in order, and
//! finish it to get every score counted and every other entry rejected with
//! its line and column.
//!
//! The first lines are held back until the layout can be decided (see
//! [`layout`](super::layout)); after that each chunk is read as it comes,
//! with the state of a half-read entry kept across chunk boundaries.

use super::layout::{self, HeaderWords, Layout, LayoutKind, ScoreColumn};
use super::rows::{Field, Row, RowReader};
pub use super::rows::Position;
use super::token::{classify, trim_cell, Cell, RejectReason, Scale};
use serde::Serialize;

/// Lines held back to decide the layout, unless the paste ends sooner.
const SAMPLE_LINES: usize = 64;
/// Bytes held back at most to decide the layout (for pastes with long lines).
const SAMPLE_BYTES: usize = 64 * 1024;
/// A report keeps this many rejected entries; it counts all of them.
pub const MAX_REJECTED_KEPT: usize = 100;
/// Characters of a rejected entry's text kept in the report.
const MAX_REJECTED_TEXT_CHARS: usize = 40;

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

/// Everything read from a paste: the answers by value, and the rejects.
#[derive(Clone, Debug, PartialEq, Eq)]
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
        }
    }

    /// Answers counted.
    pub fn respondents(&self) -> u64 {
        self.histogram.iter().sum()
    }

    pub(crate) fn reject(&mut self, at: Position, entry: &[u8], reason: RejectReason) {
        self.rejected_count += 1;
        if self.rejected.len() < MAX_REJECTED_KEPT {
            let text = layout::shorten(&String::from_utf8_lossy(trim_cell(entry)), MAX_REJECTED_TEXT_CHARS);
            self.rejected.push(Rejected {
                line: at.line,
                column: at.column,
                text,
                reason,
                message: reason.explain(self.scale),
            });
        }
    }

    fn record(&mut self, at: Position, entry: &[u8], overflowed: bool) {
        match classify_entry(entry, overflowed, self.scale) {
            Cell::Score(v) => {
                if let Some(slot) = self.histogram.get_mut(usize::from(v - self.scale.min)) {
                    *slot += 1;
                }
            }
            Cell::Empty => {}
            Cell::Rejected(reason) => self.reject(at, entry, reason),
        }
    }
}

/// Classifies an entry of which only the first bytes may have been kept.
pub(crate) fn classify_entry(entry: &[u8], overflowed: bool, scale: Scale) -> Cell {
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
    /// Still to skip: the header line (true until its end is passed).
    skipping_header: bool,
    header_seen: bool,
    entry: Field,
    at: Position,
}

impl ListReader {
    fn new(layout: Layout) -> Self {
        let mut separators = [false; 256];
        for b in [b' ', b'\t', b'\r', b'\n', b';', 0x0B, 0x0C] {
            separators[usize::from(b)] = true;
        }
        separators[usize::from(b',')] = !layout.decimal_comma;
        ListReader {
            separators,
            skipping_header: layout.header,
            header_seen: false,
            entry: Field::default(),
            at: Position::START,
        }
    }

    fn feed(&mut self, mut bytes: &[u8], tally: &mut Tally) {
        if self.skipping_header {
            bytes = self.skip_header(bytes);
        }
        let mut i = 0;
        while i < bytes.len() {
            if self.entry.start.is_none() {
                if let Some(consumed) = self.whole_line_score(&bytes[i..], tally) {
                    i += consumed;
                    continue;
                }
            }
            let byte = bytes[i];
            if self.separators[usize::from(byte)] {
                if let Some(start) = self.entry.start {
                    tally.record(start, &self.entry.bytes, self.entry.overflowed);
                    self.entry.clear();
                }
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

    /// The fast path for a pasted column: a line of one or two digits that is
    /// a score on the scale is counted without the general entry machinery.
    /// Returns the bytes consumed, or `None` to read them the general way.
    #[inline]
    fn whole_line_score(&mut self, rest: &[u8], tally: &mut Tally) -> Option<usize> {
        let digit = |i: usize| rest.get(i).filter(|b| b.is_ascii_digit()).map(|b| b - b'0');
        let first = digit(0)?;
        let (value, digits) = match digit(1) {
            Some(second) => (first * 10 + second, 2),
            None => (first, 1),
        };
        let end = match (rest.get(digits), rest.get(digits + 1)) {
            (Some(b'\n'), _) => digits + 1,
            (Some(b'\r'), Some(b'\n')) => digits + 2,
            _ => return None,
        };
        let slot = tally.histogram.get_mut(usize::from(value.checked_sub(tally.scale.min)?))?;
        *slot += 1;
        self.at.line += 1;
        self.at.column = 1;
        Some(end)
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

    fn finish(&mut self, tally: &mut Tally) {
        if let Some(start) = self.entry.start {
            tally.record(start, &self.entry.bytes, self.entry.overflowed);
            self.entry.clear();
        }
    }
}

/// Reads a table, counting the cells of one column.
struct TableReader {
    rows: RowReader,
    column: usize,
    skipping_header: bool,
}

impl TableReader {
    fn new(delimiter: u8, column: usize, header: bool) -> Self {
        TableReader { rows: RowReader::new(delimiter), column, skipping_header: header }
    }

    fn feed(&mut self, input: &[u8], tally: &mut Tally) {
        let TableReader { rows, column, skipping_header } = self;
        rows.feed(input, &mut |row| count_row(row, *column, skipping_header, tally));
    }

    fn finish(&mut self, tally: &mut Tally) {
        let TableReader { rows, column, skipping_header } = self;
        rows.finish(&mut |row| count_row(row, *column, skipping_header, tally));
    }
}

fn count_row(row: Row<'_>, column: usize, skipping_header: &mut bool, tally: &mut Tally) {
    if *skipping_header {
        // A row of blanks before the header is not the header.
        if row.has_content() {
            *skipping_header = false;
        }
        return;
    }
    match row.fields.get(column) {
        Some(field) => tally.record(field.start_or(row.start), &field.bytes, field.overflowed),
        None if row.has_content() => {
            let first = row.fields.first().map_or(&[][..], |f| &f.bytes[..]);
            tally.reject(row.start, first, RejectReason::MissingValue);
        }
        None => {}
    }
}

enum Phase {
    Sampling { held: Vec<u8>, lines: usize },
    List(ListReader),
    Table(Box<TableReader>),
}

/// A push parser for pasted answers.
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
    phase: Phase,
    tally: Tally,
    words: HeaderWords,
}

impl ScoreParser {
    /// A parser for answers to the recommend question on `scale`.
    pub fn new(scale: Scale) -> Self {
        ScoreParser::for_question(scale, HeaderWords::RECOMMEND)
    }

    /// A parser that finds the answer column of a table by `words` in its header.
    pub fn for_question(scale: Scale, words: HeaderWords) -> Self {
        ScoreParser { phase: Phase::Sampling { held: Vec::new(), lines: 0 }, tally: Tally::new(scale), words }
    }

    /// Reads the next piece of the text. Pieces may split lines, entries and
    /// even UTF-8 characters anywhere.
    pub fn feed(&mut self, chunk: &[u8]) {
        match &mut self.phase {
            Phase::Sampling { held, lines } => {
                held.extend_from_slice(chunk);
                *lines += chunk.iter().filter(|&&b| b == b'\n').count();
                // Enough is held once the sample is certain to be complete.
                if *lines >= SAMPLE_LINES || held.len() > SAMPLE_BYTES + BOM.len() {
                    self.start_reading();
                }
            }
            Phase::List(reader) => reader.feed(chunk, &mut self.tally),
            Phase::Table(reader) => reader.feed(chunk, &mut self.tally),
        }
    }

    /// Ends the text and returns what was read.
    pub fn finish(mut self) -> Tally {
        if let Phase::Sampling { .. } = self.phase {
            self.start_reading();
        }
        match &mut self.phase {
            Phase::List(reader) => reader.finish(&mut self.tally),
            Phase::Table(reader) => reader.finish(&mut self.tally),
            Phase::Sampling { .. } => {}
        }
        self.tally
    }

    /// Decides the layout from what is held back, then reads it.
    fn start_reading(&mut self) {
        let held = match &mut self.phase {
            Phase::Sampling { held, .. } => core::mem::take(held),
            _ => return,
        };
        let text = held.strip_prefix(BOM).unwrap_or(&held);
        let plan = layout::plan(sample_of(text), self.tally.scale, self.words);
        self.tally.layout = plan.layout;
        self.tally.column = plan.column.clone();
        self.phase = match (plan.layout.kind, plan.layout.delimiter, &plan.column) {
            (LayoutKind::Table, Some(delimiter), Some(column)) => Phase::Table(Box::new(TableReader::new(
                delimiter.byte(),
                (column.index as usize).saturating_sub(1),
                plan.layout.header,
            ))),
            _ => Phase::List(ListReader::new(plan.layout)),
        };
        match &mut self.phase {
            Phase::List(reader) => reader.feed(text, &mut self.tally),
            Phase::Table(reader) => reader.feed(text, &mut self.tally),
            Phase::Sampling { .. } => {}
        }
    }
}

pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The part of a text the layout is decided on: its first [`SAMPLE_LINES`]
/// lines, within its first [`SAMPLE_BYTES`] bytes and cut at a line end. It
/// depends on the text alone, so the layout does not depend on how the text
/// was cut into chunks.
pub(crate) fn sample_of(text: &[u8]) -> &[u8] {
    let window = &text[..text.len().min(SAMPLE_BYTES)];
    let mut newlines = window.iter().enumerate().filter(|(_, &b)| b == b'\n');
    if let Some((end, _)) = newlines.nth(SAMPLE_LINES - 1) {
        return &window[..=end];
    }
    if text.len() > SAMPLE_BYTES {
        if let Some(last) = window.iter().rposition(|&b| b == b'\n') {
            return &window[..=last];
        }
    }
    window
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
