//! What one pasted cell means: a score on the scale, nothing (an empty cell),
//! or a rejection with its reason.

use core::fmt;
use serde::Serialize;

/// An inclusive range of whole-number answers, such as 0–10 for NPS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
}

impl Scale {
    /// The 0–10 "how likely are you to recommend" scale.
    pub const ZERO_TO_TEN: Scale = Scale { min: 0, max: 10 };

    /// How many distinct answers the scale has.
    pub fn len(self) -> usize {
        usize::from(self.max.saturating_sub(self.min)) + 1
    }

    pub fn is_empty(self) -> bool {
        false
    }
}

/// Why a pasted entry was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum RejectReason {
    /// The entry is not a number at all (`abc`, `9/10`, `n.v.t.`).
    #[serde(rename = "not-a-number")]
    NotANumber,
    /// A number, but below or above the scale (`11`, `-1`).
    #[serde(rename = "out-of-range")]
    OutOfRange,
    /// A number on the scale with a fractional part (`8.5`, `8,5`).
    #[serde(rename = "not-a-whole-number")]
    NotWholeNumber,
    /// A table row that stops before the score column.
    #[serde(rename = "missing-value")]
    MissingValue,
    /// An answer written as the words of a scale's end (`Extremely likely`)
    /// without the number that exports put before them.
    #[serde(rename = "label-without-number")]
    LabelWithoutNumber,
    /// A date cell that is no date in any form read (its score still counts).
    #[serde(rename = "invalid-date")]
    InvalidDate,
    /// A date such as `5/13/2024` that is no date in the order the rest of
    /// the file's dates are written in (its score still counts).
    #[serde(rename = "date-against-order")]
    DateAgainstOrder,
}

impl RejectReason {
    /// The reason's stable code, as reports carry it.
    pub fn code(self) -> &'static str {
        match self {
            RejectReason::NotANumber => "not-a-number",
            RejectReason::OutOfRange => "out-of-range",
            RejectReason::NotWholeNumber => "not-a-whole-number",
            RejectReason::MissingValue => "missing-value",
            RejectReason::LabelWithoutNumber => "label-without-number",
            RejectReason::InvalidDate => "invalid-date",
            RejectReason::DateAgainstOrder => "date-against-order",
        }
    }

    /// A sentence in English for people reading a report directly.
    pub fn explain(self, scale: Scale) -> String {
        match self {
            RejectReason::NotANumber => "not a number".to_string(),
            RejectReason::OutOfRange => format!("outside the {}–{} scale", scale.min, scale.max),
            RejectReason::NotWholeNumber => "not a whole number".to_string(),
            RejectReason::MissingValue => "the row has no value in the score column".to_string(),
            RejectReason::LabelWithoutNumber => "a label with no number".to_string(),
            RejectReason::InvalidDate => "not a date that can be read (for example 2024-01-05); the answer still counts".to_string(),
            RejectReason::DateAgainstOrder => "not a date in the day-and-month order of the file's other dates; the answer still counts".to_string(),
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The meaning of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// A whole number on the scale.
    Score(u8),
    /// Nothing but white space: skipped, neither counted nor rejected.
    Empty,
    Rejected(RejectReason),
}

/// A line, or a row's cell, with nothing but separators (`, ;`) and white
/// space is blank. (One that starts with a letter or digit is not, which
/// most are: known without trimming it.)
pub(crate) fn is_blank_line_or_row(bytes: &[u8]) -> bool {
    !bytes.first().is_some_and(u8::is_ascii_alphanumeric) && trim_cell(bytes).iter().all(|&b| b == b',' || b == b';' || b.is_ascii_whitespace())
}

/// Removes ASCII white space, no-break spaces (U+00A0, which spreadsheets
/// put around numbers) and invisible marks from both ends.
pub fn trim_cell(bytes: &[u8]) -> &[u8] {
    let mut start = 0;
    let mut end = bytes.len();
    loop {
        if start < end && bytes[start].is_ascii_whitespace() {
            start += 1;
        } else if start < end && mark_len(&bytes[start..end]) > 0 {
            start += mark_len(&bytes[start..end]);
        } else {
            break;
        }
    }
    loop {
        if end > start && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        } else if end - start >= 3 && mark_len(&bytes[end - 3..end]) == 3 {
            end -= 3;
        } else if end - start >= 2 && mark_len(&bytes[end - 2..end]) == 2 {
            end -= 2;
        } else {
            break;
        }
    }
    &bytes[start..end]
}

/// The length of the character at the start of `bytes` when it shows nothing
/// around a number: a no-break space, or a mark that text copied from a
/// right-to-left page or sheet carries (U+200E/U+200F, the Arabic letter mark
/// U+061C, embeddings U+202A–U+202E, isolates U+2066–U+2069), a zero-width
/// space or joiner, or a byte-order mark left inside joined files. A cell that
/// shows "9" is read as 9 whatever invisible marks surround it.
fn mark_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0xA0, ..] | [0xD8, 0x9C, ..] => 2,
        [0xE2, 0x80, 0x8B..=0x8F | 0xAA..=0xAE, ..] | [0xE2, 0x81, 0xA6..=0xA9, ..] | [0xEF, 0xBB, 0xBF, ..] => 3,
        _ => 0,
    }
}

/// `text` with full-width (U+FF10–U+FF19), Arabic-Indic (U+0660–U+0669) and
/// Persian (U+06F0–U+06F9) digits written as ASCII ones, or `None` when it has
/// none. They are the digits a Japanese or Chinese input method, or an Arabic
/// or Persian keyboard, types: the person answered 9, in the digits they write.
fn with_ascii_digits(text: &[u8]) -> Option<Vec<u8>> {
    let digit = |rest: &[u8]| match *rest {
        [0xEF, 0xBC, d @ 0x90..=0x99, ..] => Some((d - 0x90, 3)),
        [0xD9, d @ 0xA0..=0xA9, ..] => Some((d - 0xA0, 2)),
        [0xDB, d @ 0xB0..=0xB9, ..] => Some((d - 0xB0, 2)),
        _ => None,
    };
    // Their lead bytes are rare, and none is ASCII, so most cells are passed
    // over at once (a long line of the layout's sample by vectors).
    if text.is_ascii() || super::scan::find_first_of(text, [0xEF, 0xD9, 0xDB]).is_none() {
        return None;
    }
    let mut out = Vec::with_capacity(text.len());
    let mut found = false;
    let mut i = 0;
    while i < text.len() {
        match digit(&text[i..]) {
            Some((d, len)) => {
                out.push(b'0' + d);
                found = true;
                i += len;
            }
            None => {
                out.push(text[i]);
                i += 1;
            }
        }
    }
    found.then_some(out)
}

/// How the cells of one kind of answer are read: numbers on a scale, and for
/// Likert items also the scale's labels ("Strongly agree" is 5 of 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answers {
    pub scale: Scale,
    pub labels: bool,
}

impl Answers {
    /// Numbers on `scale` (and numbers followed by their label).
    pub const fn numbers(scale: Scale) -> Self {
        Answers { scale, labels: false }
    }

    /// Numbers on `scale`, or the labels of a Likert scale of its length.
    pub const fn likert(scale: Scale) -> Self {
        Answers { scale, labels: true }
    }

    /// The meaning of one cell.
    pub fn classify(&self, cell: &[u8]) -> Cell {
        self.read(cell).0
    }

    /// The meaning of one cell, and the label scale that named it, if any.
    pub fn read(&self, cell: &[u8]) -> (Cell, Option<&'static super::labels::LabelScale>) {
        let cell_meaning = classify(cell, self.scale);
        if self.labels && self.scale.min == 1 {
            if let Cell::Rejected(RejectReason::NotANumber | RejectReason::LabelWithoutNumber) = cell_meaning {
                if let Some((value, scale)) = super::labels::likert_label(trim_cell(cell), self.scale.len()) {
                    return (Cell::Score(value), Some(scale));
                }
            }
        }
        (cell_meaning, None)
    }
}

/// Words of the ends of a likelihood scale, as exports write them next to (or
/// instead of) the number: "10 - Extremely likely", "Zeer waarschijnlijk".
const LABEL_WORDS: &[&str] = &["likely", "waarschijnlijk", "wahrscheinlich", "probable", "probablement", "probabile"];

/// Whether `text` (no digits in it) reads like a scale label: a few words,
/// one of them a scale end's ("Extremely likely"; not a question's text).
fn is_scale_label(text: &[u8]) -> bool {
    // Every label word holds an "l": most text is passed over at once.
    if text.len() > 40 || !text.iter().any(|&b| b == b'l' || b == b'L') {
        return false;
    }
    if text.split(|&b| b == b' ').filter(|w| !w.is_empty()).count() > 4 {
        return false;
    }
    // Compared byte by byte: this runs for every cell of text in a file.
    LABEL_WORDS.iter().any(|word| text.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word.as_bytes())))
}

/// The rest of a cell after its number, when it is a label that exports put
/// there: `10 - Extremely likely`, `0 = Not at all likely`, `10 (Very Likely)`,
/// `9 – zeer waarschijnlijk`. Text right after the digits (`9/10`, `1e1`) is
/// not a label.
fn is_label_after_number(after: &[u8]) -> bool {
    let gap = after.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
    let rest = &after[gap..];
    let dash = rest.starts_with("–".as_bytes()) || rest.starts_with("—".as_bytes());
    let marked = matches!(rest.first(), Some(b'-' | b'=' | b'(' | b':')) || dash;
    // "10 Extremely likely": a space and then letters is a label too.
    let worded = gap > 0 && rest.first().is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80);
    (marked || worded) && rest.iter().any(|b| b.is_ascii_alphabetic() || *b >= 0x80)
}

/// Reads one cell as an answer on `scale`.
///
/// Accepts an optional sign, digits, and a fraction after `.` or `,`; a fraction
/// of zeros (`9.0`) is still a whole number. A number followed by its scale
/// label (`10 - Extremely likely`) is that number. A cell holding only commas
/// and semicolons is as empty as a blank one. Full-width and Arabic-Indic
/// digits (`９`, `٩`) are digits; invisible marks around the cell are ignored.
///
/// ```
/// use loyalty_score::token::{classify, Cell, RejectReason, Scale};
/// let s = Scale::ZERO_TO_TEN;
/// assert_eq!(classify(b" 9 ", s), Cell::Score(9));
/// assert_eq!(classify(b"8,5", s), Cell::Rejected(RejectReason::NotWholeNumber));
/// assert_eq!(classify(b"11", s), Cell::Rejected(RejectReason::OutOfRange));
/// assert_eq!(classify(b"ten", s), Cell::Rejected(RejectReason::NotANumber));
/// assert_eq!(classify(b"  ", s), Cell::Empty);
/// assert_eq!(classify(b"10 - Extremely likely", s), Cell::Score(10));
/// assert_eq!(classify(b"Extremely likely", s), Cell::Rejected(RejectReason::LabelWithoutNumber));
/// ```
pub fn classify(cell: &[u8], scale: Scale) -> Cell {
    let text = trim_cell(cell);
    if let Some(ascii) = with_ascii_digits(text) {
        return classify(&ascii, scale);
    }
    if text.is_empty() || text.iter().all(|&b| b == b',' || b == b';' || b.is_ascii_whitespace()) {
        return Cell::Empty;
    }
    let (negative, rest) = match text[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (int_digits, after) = rest.split_at(int_len);
    let frac_digits: &[u8] = match after.split_first() {
        None => &[],
        Some((&sep, frac)) if (sep == b'.' || sep == b',') && frac.iter().all(u8::is_ascii_digit) => {
            frac
        }
        Some(_) if !int_digits.is_empty() && is_label_after_number(after) => &[],
        Some(_) if int_digits.is_empty() && !text.iter().any(u8::is_ascii_digit) && is_scale_label(text) => {
            return Cell::Rejected(RejectReason::LabelWithoutNumber)
        }
        Some(_) => return Cell::Rejected(RejectReason::NotANumber),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Cell::Rejected(RejectReason::NotANumber);
    }
    // Saturate: any integer part above 255 is out of every scale we know.
    let whole = int_digits
        .iter()
        .fold(0u16, |acc, d| acc.saturating_mul(10).saturating_add(u16::from(d - b'0')).min(1000));
    let has_fraction = frac_digits.iter().any(|&d| d != b'0');
    let is_zero = whole == 0 && !has_fraction;
    if negative && !is_zero {
        return Cell::Rejected(RejectReason::OutOfRange);
    }
    let min = u16::from(scale.min);
    let max = u16::from(scale.max);
    // The value lies in [whole, whole + 1); it is on the scale only if
    // whole ≥ min and (whole < max, or whole == max with no fraction).
    if whole < min || whole > max || (whole == max && has_fraction) {
        return Cell::Rejected(RejectReason::OutOfRange);
    }
    if has_fraction {
        return Cell::Rejected(RejectReason::NotWholeNumber);
    }
    // whole ≤ max ≤ 255 here.
    Cell::Score(whole as u8)
}

/// The number a cell holds (`-1`, `8.5`, `8,5`, `12`, `10 - Extremely likely`),
/// for the smallest and largest value of a column; `None` for any other text.
pub fn number_value(cell: &[u8]) -> Option<f64> {
    let text = trim_cell(cell);
    if let Some(ascii) = with_ascii_digits(text) {
        return number_value(&ascii);
    }
    let (sign, rest) = match text.first()? {
        b'-' => (-1.0, &text[1..]),
        b'+' => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (int_digits, after) = rest.split_at(int_len);
    let (frac, tail) = match after.split_first() {
        Some((&sep, more)) if sep == b'.' || sep == b',' => {
            let n = more.iter().take_while(|b| b.is_ascii_digit()).count();
            (&more[..n], &more[n..])
        }
        _ => (&after[..0], after),
    };
    if int_digits.is_empty() && frac.is_empty() {
        return None;
    }
    if !tail.is_empty() && !is_label_after_number(tail) {
        return None;
    }
    let mut value = 0.0f64;
    for d in int_digits {
        value = value * 10.0 + f64::from(d - b'0');
    }
    let mut scale = 0.1;
    for d in frac {
        value += f64::from(d - b'0') * scale;
        scale /= 10.0;
    }
    Some(sign * value)
}

#[cfg(test)]
mod tests {
    use super::*;
    const S: Scale = Scale::ZERO_TO_TEN;

    #[test]
    fn blank_lines_and_rows_hold_only_separators_and_spaces() {
        for blank in ["", " ", ",", " ; ,\t", "\u{a0}", "\u{feff} ,", "\r"] {
            assert!(is_blank_line_or_row(blank.as_bytes()), "{blank:?}");
        }
        for not_blank in ["9", "a", " 9", ",x", "\u{a0}7", "é", "-", "\"\""] {
            assert!(!is_blank_line_or_row(not_blank.as_bytes()), "{not_blank:?}");
        }
    }

    #[test]
    fn whole_numbers_on_the_scale_are_scores() {
        for v in 0..=10u8 {
            assert_eq!(classify(v.to_string().as_bytes(), S), Cell::Score(v));
        }
        assert_eq!(classify(b"07", S), Cell::Score(7));
        assert_eq!(classify(b"+9", S), Cell::Score(9));
        assert_eq!(classify(b"-0", S), Cell::Score(0));
        assert_eq!(classify(b"10.0", S), Cell::Score(10));
        assert_eq!(classify(b"9,00", S), Cell::Score(9));
        assert_eq!(classify("\u{a0}8\u{a0}".as_bytes(), S), Cell::Score(8));
    }

    #[test]
    fn each_reason_is_given_for_its_own_kind_of_entry() {
        use RejectReason::*;
        let cases: [(&str, RejectReason); 13] = [
            ("8.5", NotWholeNumber),
            ("8,5", NotWholeNumber),
            (".5", NotWholeNumber),
            ("0.1", NotWholeNumber),
            ("11", OutOfRange),
            ("10.5", OutOfRange),
            ("-1", OutOfRange),
            ("-0.5", OutOfRange),
            ("99999999999999999999", OutOfRange),
            ("abc", NotANumber),
            ("9/10", NotANumber),
            ("1e1", NotANumber),
            ("-", NotANumber),
        ];
        for (text, reason) in cases {
            assert_eq!(classify(text.as_bytes(), S), Cell::Rejected(reason), "{text:?}");
        }
        // A trailing separator with no digits after it is still the whole number.
        assert_eq!(classify(b"8.", S), Cell::Score(8));
    }

    #[test]
    fn labels_that_exports_write_count_as_their_number() {
        for (text, v) in [
            ("10 - Extremely likely", 10),
            ("0 = Not at all likely", 0),
            ("10 (Very Likely)", 10),
            ("9 – zeer waarschijnlijk", 9),
            ("7: neutral", 7),
            ("10 Extremely likely", 10),
        ] {
            assert_eq!(classify(text.as_bytes(), S), Cell::Score(v), "{text:?}");
        }
        assert_eq!(classify(b"Extremely likely", S), Cell::Rejected(RejectReason::LabelWithoutNumber));
        assert_eq!(classify("Zeer onwaarschijnlijk".as_bytes(), S), Cell::Rejected(RejectReason::LabelWithoutNumber));
        // Not labels: text glued to the digits, or words that name no scale end.
        assert_eq!(classify(b"9/10", S), Cell::Rejected(RejectReason::NotANumber));
        assert_eq!(classify(b"n.v.t.", S), Cell::Rejected(RejectReason::NotANumber));
        assert_eq!(classify(b"11 - Extremely likely", S), Cell::Rejected(RejectReason::OutOfRange));
    }

    #[test]
    fn cells_of_separators_alone_are_blank() {
        for text in [",", ";", ", ;\t", " ;; "] {
            assert_eq!(classify(text.as_bytes(), S), Cell::Empty, "{text:?}");
        }
    }

    #[test]
    fn number_values_include_those_off_the_scale() {
        assert_eq!(number_value(b"-1"), Some(-1.0));
        assert_eq!(number_value(b"8,5"), Some(8.5));
        assert_eq!(number_value(b" 12 "), Some(12.0));
        assert_eq!(number_value(b"10 - Extremely likely"), Some(10.0));
        assert_eq!(number_value(b"abc"), None);
        assert_eq!(number_value(b"9/10"), None);
    }

    #[test]
    fn other_scales_move_the_bounds() {
        let five = Scale { min: 1, max: 5 };
        assert_eq!(classify(b"0", five), Cell::Rejected(RejectReason::OutOfRange));
        assert_eq!(classify(b"5", five), Cell::Score(5));
        assert_eq!(classify(b"6", five), Cell::Rejected(RejectReason::OutOfRange));
        assert_eq!(five.len(), 5);
        assert_eq!(S.len(), 11);
    }
}
