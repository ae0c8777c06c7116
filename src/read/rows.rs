//! Rows of cells from delimited text (a spreadsheet selection or a CSV
//! export), read with csv-core in chunks of any size, each cell with the line
//! and column where it starts.

use super::token::trim_cell;
use serde::Serialize;

/// Bytes of one cell kept while reading it; no answer is anywhere near this long.
pub(crate) const MAX_FIELD_BYTES: usize = 256;
/// Bytes kept of a cell of a free-text column read whole (comments).
pub(crate) const MAX_LONG_FIELD_BYTES: usize = 4096;

/// A place in the pasted text. Both counts start at 1; the column counts
/// characters (not bytes) from the start of the line. A leading byte-order
/// mark is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    #[inline]
    pub(crate) fn advance(&mut self, byte: u8) {
        if byte == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes of a UTF-8 character do not start a new column.
            self.column += 1;
        }
    }
}

/// One cell being read, possibly across chunks.
#[derive(Debug, Default, Clone)]
pub(crate) struct Field {
    pub bytes: Vec<u8>,
    /// More than [`MAX_FIELD_BYTES`] arrived; only the first ones are kept.
    pub overflowed: bool,
    pub start: Option<Position>,
    /// The cell is free text kept up to [`MAX_LONG_FIELD_BYTES`].
    long: bool,
}

/// Bytes kept of a cell, of a free-text column or another.
#[inline]
fn cell_limit(long: bool) -> usize {
    if long {
        MAX_LONG_FIELD_BYTES
    } else {
        MAX_FIELD_BYTES
    }
}

impl Field {
    #[inline]
    fn limit(&self) -> usize {
        cell_limit(self.long)
    }

    #[inline]
    pub fn push(&mut self, byte: u8) {
        if self.bytes.len() < self.limit() {
            self.bytes.push(byte);
        } else {
            self.overflowed = true;
        }
    }

    pub fn extend(&mut self, bytes: &[u8]) {
        let room = self.limit().saturating_sub(self.bytes.len());
        if bytes.len() > room {
            self.overflowed = true;
        }
        let kept = &bytes[..bytes.len().min(room)];
        // Most cells are a few bytes, which WebAssembly's memory.copy (a call
        // out of the module's code) takes longer to copy than a loop.
        if kept.len() <= 16 {
            self.bytes.reserve(kept.len());
            for &b in kept {
                self.bytes.push(b);
            }
        } else {
            self.bytes.extend_from_slice(kept);
        }
    }

    pub fn clear(&mut self) {
        self.bytes.clear();
        self.overflowed = false;
        self.start = None;
    }

    /// The cell as a row lends it, and where it starts (at `fallback` if it took no bytes).
    fn lend(&self, fallback: Position) -> (RowCell<'_>, Position) {
        (RowCell { bytes: &self.bytes, overflowed: self.overflowed }, self.start.unwrap_or(fallback))
    }
}

/// One cell of a row as the reader lends it: its bytes (no more than the
/// cell's limit) and whether more came; [`Row::start_of`] tells where it
/// starts. A row without quotes lends its cells straight from the text, uncopied.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowCell<'a> {
    pub bytes: &'a [u8],
    pub overflowed: bool,
}

impl<'a> RowCell<'a> {
    /// The cell of the text `cell`: no more than `limit` of its bytes.
    pub(crate) fn of_text(cell: &'a [u8], limit: usize) -> Self {
        RowCell { bytes: &cell[..cell.len().min(limit)], overflowed: cell.len() > limit }
    }

    pub fn is_blank(&self) -> bool {
        trim_cell(self.bytes).is_empty()
    }
}

/// A complete row, lent to the caller while it is read.
pub(crate) struct Row<'a> {
    pub cells: &'a [RowCell<'a>],
    pub start: Position,
    starts: CellStarts<'a>,
}

/// Where a row's cells start. Only rejected entries that are kept, and
/// dates, need it, so a row of one line says it with its text instead of
/// counting the characters of every cell.
#[derive(Clone, Copy)]
enum CellStarts<'a> {
    /// The cells are pieces of `text`, one line that starts at `at`.
    Text { text: &'a [u8], at: Position },
    /// A place for each cell.
    Each(&'a [Position]),
    /// No cells: the row's text, a line that starts at the row's start.
    Unsplit(&'a [u8]),
}

/// Where a cell starts, or how to find it when asked: most places are never
/// asked for (only those of rejected entries that are kept, and of dates).
#[derive(Clone, Copy, Debug)]
pub(crate) enum CellPlace<'a> {
    At(Position),
    /// The cell is a piece of `line`, which starts `at`.
    InLine { line: &'a [u8], at: Position },
}

impl CellPlace<'_> {
    /// Where `cell`, the cell this place is of, starts.
    pub fn of(&self, cell: &[u8]) -> Position {
        match *self {
            CellPlace::At(at) => at,
            CellPlace::InLine { line, at } => place_in_line(line, cell, at),
        }
    }
}

/// Where `piece`, a part of `line` (which starts `at`), starts.
/// A quoted cell starts at its opening quote, right before its piece: no
/// other piece follows a quote, as a row is split here only when every quote
/// in it opens or closes a cell.
pub(crate) fn place_in_line(line: &[u8], piece: &[u8], at: Position) -> Position {
    let mut offset = (piece.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize).min(line.len());
    if offset > 0 && line[offset - 1] == b'"' {
        offset -= 1;
    }
    Position { line: at.line, column: at.column + characters(&line[..offset]) }
}

impl<'a> Row<'a> {
    /// Where cell `c` (from 0, one of `cells`) starts.
    pub fn start_of(&self, c: usize) -> Position {
        self.place_of(c).of(self.cells[c].bytes)
    }

    /// How to find where cell `c` starts, without finding it yet.
    pub fn place_of(&self, c: usize) -> CellPlace<'a> {
        match self.starts {
            CellStarts::Text { text, at } => CellPlace::InLine { line: text, at },
            CellStarts::Each(starts) => CellPlace::At(starts[c]),
            // It has no cells to ask about.
            CellStarts::Unsplit(_) => CellPlace::At(self.start),
        }
    }

    /// The text of a row lent unsplit (see [`RowReader::unsplit`]): one line
    /// without a quote, its cells between the reader's delimiters. Its
    /// `cells` are then empty.
    pub fn unsplit_text(&self) -> Option<&'a [u8]> {
        match self.starts {
            CellStarts::Unsplit(text) => Some(text),
            _ => None,
        }
    }

    pub fn has_content(&self) -> bool {
        self.cells.iter().any(|c| !c.is_blank())
    }
}

/// `cells` emptied, to lend the cells of rows from another text: one
/// allocation serves every row (collecting an emptied `Vec` into one of the
/// same layout reuses its memory).
fn recycle<'b>(mut cells: Vec<RowCell<'_>>) -> Vec<RowCell<'b>> {
    cells.clear();
    cells.into_iter().map(|cell| RowCell { bytes: &[], ..cell }).collect()
}


/// Reads rows with csv-core (RFC 4180 quoting; CR, LF or CRLF line ends).
pub(crate) struct RowReader {
    csv: CsvReader,
    fields: Vec<Field>,
    /// Fields of the current row filled so far.
    used: usize,
    row_start: Option<Position>,
    /// Between rows csv-core skips blank lines; they start no cell.
    between_rows: bool,
    at: Position,
    /// Where the cell being read opened its quote, if it starts with one.
    quoted: Option<Position>,
    /// Whether that quote is open now (a doubled quote closes and opens again).
    quote_open: bool,
    /// The quote left open when the text ended: the rest was one cell.
    unclosed_quote: Option<Position>,
    /// A column (from 0) whose cells are free text, kept longer.
    long_column: Option<usize>,
    /// The memory of the cells lent with each row, and of their places.
    lent: Vec<RowCell<'static>>,
    lent_starts: Vec<Position>,
    /// Rows without quotes are lent as their text, for a reader that splits
    /// them as it counts them (see [`RowReader::unsplit`]).
    unsplit: bool,
    /// Rows with quotes to leave to csv-core before [`split_quoted_row`] is
    /// tried again, and how many were left after its last miss: a text
    /// whose quoted rows it cannot split (doubled quotes in every row) is
    /// not walked twice, row after row.
    quoted_rows_to_skip: u32,
    quoted_rows_skipped: u32,
}

/// A csv-core reader that is kept for the next text with the same delimiter.
/// Building one compiles its state machine (about 26 µs natively, longer than
/// reading a thousand answers), and csv-core's `Clone` copies only part of
/// that machine, so finished readers are reset and reused instead.
pub(crate) struct CsvReader {
    delimiter: u8,
    inner: Option<csv_core::Reader>,
}

std::thread_local! {
    static SPARE_READERS: core::cell::RefCell<Vec<(u8, csv_core::Reader)>> = const { core::cell::RefCell::new(Vec::new()) };
}

impl CsvReader {
    pub fn new(delimiter: u8) -> Self {
        let spare = SPARE_READERS
            .try_with(|spare| {
                let mut spare = spare.try_borrow_mut().ok()?;
                let at = spare.iter().position(|(d, _)| *d == delimiter)?;
                Some(spare.swap_remove(at).1)
            })
            .ok()
            .flatten();
        let mut inner = spare.unwrap_or_else(|| csv_core::ReaderBuilder::new().delimiter(delimiter).build());
        // csv-core drops a UTF-8 BOM at the start of its first input, and its
        // first input may come from mid-text (the rows before were split
        // without it): a blank line read first, which it passes over, makes
        // such a BOM the text it is. (The decoder drops the text's own BOM.)
        let _ = inner.read_field(b"\n", &mut [0u8; 1]);
        CsvReader { delimiter, inner: Some(inner) }
    }

    #[inline]
    pub fn read_field(&mut self, input: &[u8], output: &mut [u8]) -> (csv_core::ReadFieldResult, usize, usize) {
        match self.inner.as_mut() {
            Some(reader) => reader.read_field(input, output),
            None => (csv_core::ReadFieldResult::End, 0, 0),
        }
    }
}

impl Drop for CsvReader {
    fn drop(&mut self) {
        let Some(mut reader) = self.inner.take() else { return };
        reader.reset();
        let delimiter = self.delimiter;
        let _ = SPARE_READERS.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.len() < 4 {
                    spare.push((delimiter, reader));
                }
            }
        });
    }
}

impl RowReader {
    pub fn new(delimiter: u8) -> Self {
        RowReader {
            csv: CsvReader::new(delimiter),
            fields: vec![Field::default()],
            used: 0,
            row_start: None,
            between_rows: true,
            at: Position::START,
            quoted: None,
            quote_open: false,
            unclosed_quote: None,
            long_column: None,
            lent: Vec::new(),
            lent_starts: Vec::new(),
            unsplit: false,
            quoted_rows_to_skip: 0,
            quoted_rows_skipped: 0,
        }
    }

    /// Keeps the cells of `column` (from 0) up to [`MAX_LONG_FIELD_BYTES`].
    /// A reader that lends each row without quotes as its text
    /// ([`Row::unsplit_text`]), for a caller that splits it as it goes: a
    /// table's counts, which otherwise spent a quarter of their time storing
    /// and loading the cells. Rows with quotes still come split. Such a row
    /// has no long column.
    pub fn unsplit(delimiter: u8) -> Self {
        RowReader { unsplit: true, ..RowReader::new(delimiter) }
    }

    pub fn keep_long(&mut self, column: usize) {
        self.long_column = Some(column);
        if let Some(field) = self.fields.get_mut(column) {
            field.long = true;
        }
    }

    /// Where a quote was opened that the text never closed, so that
    /// everything after it was read as one cell (RFC 4180); `None` when all
    /// quotes closed. Known after [`finish`](Self::finish).
    pub fn unclosed_quote(&self) -> Option<Position> {
        self.unclosed_quote
    }

    fn current(&mut self) -> &mut Field {
        if self.used == self.fields.len() {
            let long = self.long_column == Some(self.used);
            self.fields.push(Field { long, ..Field::default() });
        }
        let used = self.used;
        &mut self.fields[used]
    }

    fn track(&mut self, consumed: &[u8]) {
        for &byte in consumed {
            let starts_field = !(self.between_rows && (byte == b'\r' || byte == b'\n'));
            if starts_field {
                let at = self.at;
                let field = self.current();
                if field.start.is_none() {
                    field.start = Some(at);
                    self.row_start.get_or_insert(at);
                    self.between_rows = false;
                    // Only a cell that starts with a quote is quoted; a doubled
                    // quote inside it closes and opens again.
                    self.quoted = (byte == b'"').then_some(at);
                    self.quote_open = self.quoted.is_some();
                } else if byte == b'"' && self.quoted.is_some() {
                    self.quote_open = !self.quote_open;
                }
            }
            self.at.advance(byte);
        }
    }

    /// Reads the next piece of text, calling `on_row` for each row it completes.
    pub fn feed(&mut self, input: &[u8], on_row: &mut impl FnMut(Row<'_>)) {
        // csv-core takes an empty input as the end of the text, so it is never
        // called with one here; and since it writes no more than it reads, an
        // output buffer as large as each window never fills.
        let mut out = [0u8; 1024];
        let mut rest = input;
        while !rest.is_empty() {
            if self.between_rows && self.used == 0 {
                rest = &rest[self.plain_rows(rest, on_row)..];
                if rest.is_empty() {
                    break;
                }
            }
            let window = &rest[..rest.len().min(out.len())];
            let (result, read, written) = self.csv.read_field(window, &mut out);
            self.track(&window[..read]);
            rest = &rest[read..];
            self.current().extend(&out[..written]);
            if let csv_core::ReadFieldResult::Field { record_end } = result {
                self.end_field(record_end, on_row);
            }
        }
    }

    /// The fast path between rows: whole rows without a quote are split at
    /// the delimiter here, as csv-core would split them, with the same
    /// places; returns the bytes read. A row with a quote, or one that the
    /// chunk cuts, is left to csv-core, which is then at the start of a
    /// record as it is after any row it read itself.
    fn plain_rows(&mut self, input: &[u8], on_row: &mut impl FnMut(Row<'_>)) -> usize {
        let mut cells = recycle(core::mem::take(&mut self.lent));
        let taken = self.split_plain_rows(input, &mut cells, on_row);
        self.lent = recycle(cells);
        taken
    }

    fn split_plain_rows<'a>(&mut self, input: &'a [u8], cells: &mut Vec<RowCell<'a>>, on_row: &mut impl FnMut(Row<'_>)) -> usize {
        let delimiter = self.csv.delimiter;
        let long_column = self.long_column;
        let mut taken = 0;
        loop {
            // Blank lines between rows start no cell.
            while let Some(&(b'\r' | b'\n')) = input.get(taken) {
                self.at.advance(input[taken]);
                taken += 1;
            }
            let rest = &input[taken..];
            // The row's end, unless a quote comes first, or a CR other than
            // that of a CRLF: csv-core ends a record at a CR too, and the
            // decoder leaves CRs only before LFs, but a row read elsewhere may hold one.
            let Some(first) = super::scan::find_first_of(rest, [b'\n', b'"', b'\r']) else { return taken };
            let end = match rest[first] {
                b'\n' => first,
                b'\r' if rest.get(first + 1) == Some(&b'\n') => first + 1,
                b'"' => {
                    // Exports quote a comment with a comma, or every cell
                    // (Google Forms): most such rows split here too.
                    if self.quoted_rows_to_skip > 0 {
                        self.quoted_rows_to_skip -= 1;
                        return taken;
                    }
                    cells.clear();
                    let Some((row, end)) = split_quoted_row(rest, delimiter, long_column, cells) else {
                        self.quoted_rows_skipped = (self.quoted_rows_skipped * 2).clamp(1, 64);
                        self.quoted_rows_to_skip = self.quoted_rows_skipped;
                        return taken;
                    };
                    self.quoted_rows_skipped = 0;
                    let start = self.at;
                    on_row(Row { cells, start, starts: CellStarts::Text { text: &rest[..row], at: start } });
                    self.at.advance(b'\n');
                    taken += end + 1;
                    continue;
                }
                _ => return taken,
            };
            let line = &rest[..end];
            let row = line.strip_suffix(b"\r").unwrap_or(line);
            let start = self.at;
            cells.clear();
            if self.unsplit {
                on_row(Row { cells, start, starts: CellStarts::Unsplit(row) });
            } else {
                for (c, cell) in row.split(|&b| b == delimiter).enumerate() {
                    cells.push(RowCell::of_text(cell, cell_limit(long_column == Some(c))));
                }
                on_row(Row { cells, start, starts: CellStarts::Text { text: row, at: start } });
            }
            self.at.advance(b'\n');
            taken += end + 1;
        }
    }

    /// Ends the text, completing the last row.
    pub fn finish(&mut self, on_row: &mut impl FnMut(Row<'_>)) {
        self.unclosed_quote = self.quoted.filter(|_| self.quote_open);
        let mut out = [0u8; 1024];
        loop {
            let (result, _, written) = self.csv.read_field(&[], &mut out);
            self.current().extend(&out[..written]);
            match result {
                csv_core::ReadFieldResult::Field { record_end } => self.end_field(record_end, on_row),
                csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::End => return,
            }
        }
    }

    fn end_field(&mut self, record_end: bool, on_row: &mut impl FnMut(Row<'_>)) {
        self.quoted = None;
        self.quote_open = false;
        let at = self.at;
        let field = self.current();
        field.start.get_or_insert(at);
        self.used += 1;
        if record_end {
            let start = self.row_start.unwrap_or(at);
            let mut cells = recycle(core::mem::take(&mut self.lent));
            self.lent_starts.clear();
            for field in &self.fields[..self.used] {
                let (cell, at) = field.lend(start);
                cells.push(cell);
                self.lent_starts.push(at);
            }
            on_row(Row { cells: &cells, start, starts: CellStarts::Each(&self.lent_starts) });
            self.lent = recycle(cells);
            for field in &mut self.fields[..self.used] {
                field.clear();
            }
            self.used = 0;
            self.row_start = None;
            self.between_rows = true;
        }
    }
}

/// Splits the row at the start of `text` as csv-core would, when each of
/// its quoted cells closes on the row's line and is followed by the
/// delimiter or the line end: its cells (a quoted one is the text between
/// its quotes) go into `cells`, and it returns the row's length and the index
/// of its LF. `None` leaves the row to csv-core: a doubled quote, a line end
/// inside quotes, text after a closing quote, a quote inside a cell, a bare
/// CR, or a row that goes on past `text`.
fn split_quoted_row<'a>(text: &'a [u8], delimiter: u8, long_column: Option<usize>, cells: &mut Vec<RowCell<'a>>) -> Option<(usize, usize)> {
    let mut at = 0;
    loop {
        let limit = cell_limit(long_column == Some(cells.len()));
        let after = if text.get(at) == Some(&b'"') {
            let close = at + 1 + super::scan::find_first_of(&text[at + 1..], [b'"', b'\n', b'\r'])?;
            if text[close] != b'"' {
                return None;
            }
            cells.push(RowCell::of_text(&text[at + 1..close], limit));
            close + 1
        } else {
            let end = at + text[at..].iter().position(|&b| b == delimiter || b == b'\n' || b == b'\r' || b == b'"')?;
            if text[end] == b'"' {
                return None;
            }
            cells.push(RowCell::of_text(&text[at..end], limit));
            end
        };
        match text.get(after) {
            Some(&b) if b == delimiter => at = after + 1,
            Some(b'\n') => return Some((after, after)),
            Some(b'\r') if text.get(after + 1) == Some(&b'\n') => return Some((after, after + 1)),
            _ => return None,
        }
    }
}

/// Characters of UTF-8 text: the bytes that are no continuation bytes.
fn characters(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// Reads all rows of a whole text at once.
#[cfg(test)]
pub(crate) fn for_each_row(text: &[u8], delimiter: u8, mut on_row: impl FnMut(Row<'_>)) {
    let mut reader = RowReader::new(delimiter);
    reader.feed(text, &mut on_row);
    reader.finish(&mut on_row);
}

/// Reads rows of cells separated by spaces or tabs (typed rows such as
/// `9 8 10`, which have no quoting), in chunks of any size.
pub(crate) struct WhitespaceRowReader {
    /// The start of a line whose end has not arrived yet.
    pending: Vec<u8>,
    /// The memory of the cells lent with each row.
    lent: Vec<RowCell<'static>>,
    at: Position,
}

impl WhitespaceRowReader {
    pub fn new() -> Self {
        WhitespaceRowReader { pending: Vec::new(), lent: Vec::new(), at: Position::START }
    }

    pub fn feed(&mut self, input: &[u8], on_row: &mut impl FnMut(Row<'_>)) {
        let Some(last) = input.iter().rposition(|&b| b == b'\n') else {
            self.pending.extend_from_slice(input);
            return;
        };
        let mut held = core::mem::take(&mut self.pending);
        held.extend_from_slice(&input[..last]);
        for line in held.split(|&b| b == b'\n') {
            self.line(line, on_row);
        }
        self.pending.extend_from_slice(&input[last + 1..]);
    }

    pub fn finish(&mut self, on_row: &mut impl FnMut(Row<'_>)) {
        let rest = core::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.line(&rest, on_row);
        }
    }

    fn line(&mut self, line: &[u8], on_row: &mut impl FnMut(Row<'_>)) {
        let mut cells = recycle(core::mem::take(&mut self.lent));
        let line_start = self.at;
        let mut cell_from = None;
        for (i, &byte) in line.iter().enumerate() {
            let blank = matches!(byte, b' ' | b'\t' | b'\r' | 0x0B | 0x0C);
            match (blank, cell_from) {
                (true, Some(from)) => {
                    cells.push(RowCell::of_text(&line[from..i], MAX_FIELD_BYTES));
                    cell_from = None;
                }
                (false, None) => cell_from = Some(i),
                _ => {}
            }
            self.at.advance(byte);
        }
        if let Some(from) = cell_from {
            cells.push(RowCell::of_text(&line[from..], MAX_FIELD_BYTES));
        }
        if !cells.is_empty() {
            let mut row = Row { cells: &cells, start: line_start, starts: CellStarts::Text { text: line, at: line_start } };
            row.start = row.start_of(0);
            // A line of no-break spaces is as blank as an empty one.
            if row.has_content() {
                on_row(row);
            }
        }
        self.lent = recycle(cells);
        self.at.advance(b'\n');
    }
}

/// Reads rows of cells separated by spaces or tabs from a whole text at once.
pub(crate) fn for_each_whitespace_row(text: &[u8], mut on_row: impl FnMut(Row<'_>)) {
    let mut reader = WhitespaceRowReader::new();
    reader.feed(text, &mut on_row);
    reader.finish(&mut on_row);
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = Vec<(Vec<(Vec<u8>, bool, Position)>, Position)>;

    /// Every row with each cell's bytes, overflow and place, `cut` bytes at a time.
    fn read_in_pieces(text: &[u8], delimiter: u8, cut: usize, long_column: Option<usize>) -> Read {
        let mut all = Vec::new();
        let mut on_row = |row: Row<'_>| {
            all.push((row.cells.iter().enumerate().map(|(i, c)| (c.bytes.to_vec(), c.overflowed, row.start_of(i))).collect(), row.start));
        };
        let mut reader = RowReader::new(delimiter);
        if let Some(c) = long_column {
            reader.keep_long(c);
        }
        for piece in text.chunks(cut.max(1)) {
            reader.feed(piece, &mut on_row);
        }
        reader.finish(&mut on_row);
        all
    }

    #[test]
    fn rows_split_here_are_split_as_csv_core_splits_them() {
        // One byte at a time no row is ever whole in a chunk, so csv-core reads them all.
        let long = "x".repeat(300);
        let texts = [
            "a,b,c\n1,2,3\n".to_string(),
            "a,b\r\n\r\n\n1,,3\r\n,\n,,\n".to_string(),
            "h\u{e9},w\u{f6}rd,\u{1F600}\n9,\u{e9}\u{e9},10\n".to_string(),
            "q,\"a,b\",c\n1,\"x\ny\",3\n4,5,6\n7".to_string(),
            format!("id,comment\n1,{long}\n2,{long}\n"),
            "a;b\n1;2".to_string(),
            "\n\n1\n\n2\n".to_string(),
            // A mark in mid-text is text, also where csv-core reads first.
            "a;b\n1;2\n\u{feff}\"q\";4\n\u{feff}3;4\n".to_string(),
            // Quoted rows: every cell (Google Forms), a comment (Qualtrics),
            // empty quotes, non-ASCII and delimiters inside, CRLF, and each
            // kind that is left to csv-core: doubled quotes, a quote inside
            // a cell, text after a closing quote, line ends inside quotes, a
            // last row without a line end, a quote that never closes.
            "\"a\",\"b, c\",\"9\"\n\"x\",\"\",\"10\"\r\n".to_string(),
            "1,2,\"Fast, friendly\"\n3,4,plain\n5,\"\u{e9}; \u{fc}\",6\n\"\",\"\",\"\"\n".to_string(),
            "\"He said \"\"hi\"\"\",5\n\"\"\"q\",6\n7,\"\"\"\"\n".to_string(),
            "ab\"c,5\n\"a\"b,5\n\"a\" ,5\n1,\"x\"\r2\n".to_string(),
            "\"a\nb\",5\n\"c\r\nd\",6\n\"e\rf\",7\n8,9\n".to_string(),
            "1,\"a\"\n\"b\",\"c\"".to_string(),
            "1,\"open,5\n6,7\n".to_string(),
            format!("id,\"comment\"\n\"1\",\"{long}\"\n2,\"{long}\",\"\"\n"),
        ];
        for text in &texts {
            for delimiter in [b',', b';'] {
                for long_column in [None, Some(1)] {
                    let whole = read_in_pieces(text.as_bytes(), delimiter, usize::MAX, long_column);
                    assert_eq!(whole, read_in_pieces(text.as_bytes(), delimiter, 1, long_column), "{text:?}");
                    assert_eq!(whole, read_in_pieces(text.as_bytes(), delimiter, 7, long_column), "{text:?}");
                }
            }
        }
        let rows = read_in_pieces(b"a,b\r\n1,\n", b',', usize::MAX, None);
        assert_eq!(rows[1].0[1], (Vec::new(), false, Position { line: 2, column: 3 }), "an empty last cell starts at the line end");
    }

    fn rows(text: &str, delimiter: u8) -> Vec<Vec<(String, u64, u64)>> {
        let mut all = Vec::new();
        for_each_row(text.as_bytes(), delimiter, |row| {
            all.push(
                row.cells.iter().enumerate().map(|(i, c)| (String::from_utf8_lossy(c.bytes).into_owned(), row.start_of(i).line, row.start_of(i).column)).collect(),
            );
        });
        all
    }

    #[test]
    fn typed_rows_split_on_white_space() {
        let mut got = Vec::new();
        for_each_whitespace_row(b"9 8  10\n\n 7\t6 5\n", |row| {
            got.push(row.cells.iter().enumerate().map(|(i, c)| (c.bytes.to_vec(), row.start_of(i).column)).collect::<Vec<_>>());
        });
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], vec![(b"9".to_vec(), 1), (b"8".to_vec(), 3), (b"10".to_vec(), 6)]);
        assert_eq!(got[1][0], (b"7".to_vec(), 2));
        assert_eq!(got[1][2], (b"5".to_vec(), 6));
    }

    #[test]
    fn cells_know_where_they_start() {
        let got = rows("a;\"b;c\"\r\n\r\né;x\n", b';');
        assert_eq!(
            got,
            vec![
                vec![("a".into(), 1, 1), ("b;c".into(), 1, 3)],
                vec![("é".into(), 3, 1), ("x".into(), 3, 3)],
            ]
        );
    }

    #[test]
    fn a_last_row_without_line_end_and_a_trailing_empty_cell_are_read() {
        let got = rows("1,2\n3,", b',');
        assert_eq!(got[1], vec![("3".to_string(), 2, 1), (String::new(), 2, 3)]);
    }
}
