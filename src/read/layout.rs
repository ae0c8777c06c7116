//! Deciding, from the first lines of a paste, how it is laid out: a plain list
//! of scores, a single column under a header, or a table (spreadsheet selection
//! or CSV export) of which one column holds the scores.

use super::breakdown::{suggest_columns, SuggestedColumns};
use super::token::{is_blank_line_or_row, trim_cell, Answers, Cell, RejectReason};
use crate::options::OptionError;
use serde::Serialize;

/// The separator between the columns of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Delimiter {
    #[serde(rename = "tab")]
    Tab,
    #[serde(rename = "semicolon")]
    Semicolon,
    #[serde(rename = "comma")]
    Comma,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
        }
    }
}

/// Whether the paste was read as a list of scores or as a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LayoutKind {
    /// Scores separated by newlines, spaces, tabs, semicolons or commas.
    #[serde(rename = "list")]
    List,
    /// Rows of cells, of which one column holds the scores.
    #[serde(rename = "table")]
    Table,
}

/// How the paste was read. Reported so a person can see what was assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    pub kind: LayoutKind,
    /// The column separator of a table; `None` for a list.
    pub delimiter: Option<Delimiter>,
    /// Whether the first non-empty line was taken as a header and not counted.
    pub header: bool,
    /// Whether a comma inside a list entry was read as a decimal comma (`8,5`)
    /// rather than as a separator. Chosen for a column of one value per line.
    pub decimal_comma: bool,
}

impl Layout {
    pub(crate) const PLAIN_LIST: Layout =
        Layout { kind: LayoutKind::List, delimiter: None, header: false, decimal_comma: false };
}

/// How the score column was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ColumnChoice {
    /// The caller named it (the `column` option).
    #[serde(rename = "option")]
    Option,
    /// Its header names the recommend question (or a score).
    #[serde(rename = "header")]
    Header,
    /// It is the first column whose values are mostly scores.
    #[serde(rename = "values")]
    Values,
    /// No column looked like scores; the first one was read.
    #[serde(rename = "first")]
    First,
    /// The paste has a single column.
    #[serde(rename = "only")]
    Only,
}

/// The column whose cells were read as scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreColumn {
    /// Position from the left, counting from 1.
    pub index: u32,
    /// The header text, when there is a header: the question's text when an
    /// export has several header rows.
    pub name: Option<String>,
    /// The column's short name beside the question text (Qualtrics' `Q15`).
    pub short_name: Option<String>,
    pub chosen_by: ColumnChoice,
}

/// A column asked for by the caller: its position from 1, or its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnSelector {
    Index(u32),
    /// Matched against every header row, ignoring ASCII case and surrounding spaces.
    Name(String),
}

/// What the header rows say of one column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnHeader {
    pub name: Option<String>,
    pub short_name: Option<String>,
    /// Every header cell of the column, trimmed and ASCII lower-cased, for matching.
    pub(crate) texts: Vec<String>,
}

/// The decision taken from the sample: layout, and for a table which column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub layout: Layout,
    pub column: Option<ScoreColumn>,
    /// Rows at the top that are headers (Qualtrics has three).
    pub header_rows: usize,
    /// One per column of a table; one for a list under a header; else none.
    pub headers: Vec<ColumnHeader>,
    /// Columns (from 1) that could each be the answer, when more than one could.
    pub candidates: Vec<u32>,
    /// Qualtrics' `Status` column (from 0), to tell preview and test responses.
    pub status_column: Option<usize>,
    /// A list of one answer a line written in words ("Strongly agree"): each
    /// line is one entry, spaces and all.
    pub whole_lines: bool,
    /// For a table: the columns that fit as segment, date or comment.
    pub suggested: Option<SuggestedColumns>,
}

/// Words that identify a question's column by its header, in English and
/// Dutch, matched against the header with ASCII letters lower-cased (Unicode
/// case tables would add 17 KiB to the wasm for no header we know): the first tier names the
/// question itself and is preferred over the second, which names any score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderWords {
    pub tiers: &'static [&'static [&'static str]],
}

const ANY_SCORE_WORDS: &[&str] = &["score", "cijfer", "rating", "beoordeling", "waardering", "note", "punt", "bewertung"];

impl HeaderWords {
    /// "How likely are you to recommend us?" in English, Dutch, German, French
    /// and Spanish (stems, so that "recomiendes" and "Weiterempfehlung" match);
    /// then words of likelihood alone; then any score.
    pub const RECOMMEND: HeaderWords = HeaderWords {
        tiers: &[
            &[
                "recommend", "promoter", "nps", "ltr", "aanbevel", "aanraden", "empfehl", "recommand", "recomend",
                "recomiend", "raccomand",
            ],
            &["likelihood", "likely", "waarschijnlijk", "wahrscheinlich", "probab"],
            ANY_SCORE_WORDS,
        ],
    };
    /// Satisfaction and agreement questions (CSAT, Likert items).
    pub const SATISFACTION: HeaderWords = HeaderWords {
        tiers: &[
            &["satisf", "csat", "tevreden", "likert", "agree", "eens", "answer", "antwoord"],
            ANY_SCORE_WORDS,
        ],
    };
}

/// Header text longer than this is shortened in the report.
const MAX_NAME_CHARS: usize = 160;

pub(crate) type Record = Vec<Vec<u8>>;

/// Splits `bytes` into records with csv-core, dropping records with no content.
pub(crate) fn split_records(bytes: &[u8], delimiter: u8) -> Vec<Record> {
    let mut reader = super::rows::CsvReader::new(delimiter);
    let mut records = Vec::new();
    let mut record: Record = Vec::new();
    let mut field = Vec::new();
    let mut out = [0u8; 512];
    let mut input = bytes;
    loop {
        let (result, read, written) = reader.read_field(input, &mut out);
        input = &input[read..];
        field.extend_from_slice(&out[..written]);
        match result {
            csv_core::ReadFieldResult::InputEmpty => {
                // Everything is given at once: an empty call flushes the last field.
                if input.is_empty() {
                    let (result, _, written) = reader.read_field(&[], &mut out);
                    field.extend_from_slice(&out[..written]);
                    if let csv_core::ReadFieldResult::Field { .. } = result {
                        record.push(core::mem::take(&mut field));
                        push_if_content(&mut records, core::mem::take(&mut record));
                    }
                    break;
                }
            }
            csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                record.push(core::mem::take(&mut field));
                if record_end {
                    push_if_content(&mut records, core::mem::take(&mut record));
                }
            }
            csv_core::ReadFieldResult::End => break,
        }
    }
    records
}

fn push_if_content(records: &mut Vec<Record>, record: Record) {
    if record.iter().any(|f| !trim_cell(f).is_empty()) {
        records.push(record);
    }
}

/// The most frequent record width (the wider one on a tie) and its share.
pub(crate) fn modal_width(records: &[Record]) -> (usize, f64) {
    let mut widths: Vec<usize> = records.iter().map(Vec::len).collect();
    widths.sort_unstable();
    let (mut best, mut best_count) = (0, 0);
    let mut i = 0;
    while i < widths.len() {
        let run = widths[i..].iter().take_while(|&&w| w == widths[i]).count();
        if run >= best_count {
            best = widths[i];
            best_count = run;
        }
        i += run;
    }
    let share = if records.is_empty() { 0.0 } else { best_count as f64 / records.len() as f64 };
    (best, share)
}

/// A header row: some cell is text, and no cell is a score.
pub(crate) fn is_header_row(cells: &[&[u8]], answers: &Answers) -> bool {
    let mut has_text = false;
    for cell in cells {
        match answers.classify(cell) {
            Cell::Score(_) => return false,
            Cell::Rejected(RejectReason::NotANumber | RejectReason::LabelWithoutNumber) => has_text = true,
            _ => {}
        }
    }
    has_text
}

pub(crate) fn column_name(cell: &[u8]) -> String {
    let text = String::from_utf8_lossy(trim_cell(cell));
    shorten(&text, MAX_NAME_CHARS)
}

/// Cuts `text` to `max` characters, marking the cut with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Scores and filled cells of a column of `body`.
fn fill(body: &[Record], column: usize, answers: &Answers) -> (usize, usize, Option<u8>, Option<u8>) {
    let (mut scores, mut filled, mut low, mut high) = (0usize, 0usize, None::<u8>, None::<u8>);
    for cell in body.iter().filter_map(|r| r.get(column)) {
        match answers.classify(cell) {
            Cell::Empty => {}
            Cell::Score(v) => {
                scores += 1;
                filled += 1;
                low = Some(low.map_or(v, |l| l.min(v)));
                high = Some(high.map_or(v, |h| h.max(v)));
            }
            Cell::Rejected(_) => filled += 1,
        }
    }
    (scores, filled, low, high)
}

pub(crate) fn mostly_scores(body: &[Record], column: usize, answers: &Answers) -> bool {
    let (scores, filled, _, _) = fill(body, column, answers);
    filled > 0 && scores * 2 > filled
}

/// Words in a header that mark a column of groups or codes, not answers
/// (Qualtrics' `Q15_NPS_GROUP`).
const GROUP_WORDS: &[&str] = &["group", "groep", "gruppe", "groupe", "grupo", "categor", "segment"];

/// Answers that fit the scale and are not a column of 1–3 group codes.
fn answer_column(body: &[Record], column: usize, header: &ColumnHeader, answers: &Answers) -> Option<(f64, usize, u8)> {
    if header.texts.iter().any(|t| GROUP_WORDS.iter().any(|w| t.contains(w))) {
        return None;
    }
    let (scores, filled, low, high) = fill(body, column, answers);
    if filled == 0 || scores * 2 <= filled {
        return None;
    }
    let (low, high) = (low.unwrap_or(0), high.unwrap_or(0));
    // Codes 1, 2 and 3 alone over many rows are groups, not 0–10 answers.
    if answers.scale.max >= 10 && scores >= 10 && low >= 1 && high <= 3 {
        return None;
    }
    Some((scores as f64 / filled as f64, scores, high))
}

fn names_question(header: &ColumnHeader, words: &[&str]) -> bool {
    header.texts.iter().any(|text| {
        words.iter().any(|w| {
            if w.len() <= 3 {
                // Short words (NPS, LTR) only as whole words: "ltr" is not in "filtration".
                text.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| token == *w)
                    || (*w == "nps" && text.contains("nps"))
            } else {
                text.contains(w)
            }
        })
    })
}

/// The column chosen, how, and the other columns that could have been.
fn choose_column(
    headers: &[ColumnHeader],
    has_header: bool,
    body: &[Record],
    width: usize,
    answers: &Answers,
    words: HeaderWords,
) -> (usize, ColumnChoice, Vec<u32>) {
    let fits: Vec<Option<(f64, usize, u8)>> = (0..width)
        .map(|c| answer_column(body, c, headers.get(c).unwrap_or(&ColumnHeader::default()), answers))
        .collect();
    let mut first_named = None;
    let mut named_with_answers = None;
    if has_header {
        for tier in words.tiers {
            let named: Vec<usize> = (0..width).filter(|&c| headers.get(c).is_some_and(|h| names_question(h, tier))).collect();
            let fitting: Vec<usize> = named.iter().copied().filter(|&c| fits[c].is_some()).collect();
            if let Some(&c) = fitting.first() {
                let others = if fitting.len() > 1 { fitting.iter().map(|&c| c as u32 + 1).collect() } else { Vec::new() };
                return (c, ColumnChoice::Header, others);
            }
            if first_named.is_none() {
                first_named = named.first().copied();
            }
            if named_with_answers.is_none() {
                // Named, not a column of groups, and holding numbers, even if
                // not whole ones (or nothing yet): still the question's column.
                named_with_answers = named.iter().copied().find(|&c| {
                    let header = &headers[c];
                    let (_, filled, _, _) = fill(body, c, answers);
                    let numeric = body.iter().filter_map(|r| r.get(c)).any(|cell| super::token::number_value(cell).is_some());
                    !header.texts.iter().any(|t| GROUP_WORDS.iter().any(|w| t.contains(w))) && (numeric || filled == 0)
                });
            }
        }
    }
    if let Some(c) = named_with_answers {
        return (c, ColumnChoice::Header, Vec::new());
    }
    // Failing a header word, the column whose values fit best: most of its
    // cells answers, then reaching the top of the scale, then most answers.
    let fitting: Vec<(usize, (f64, usize, u8))> = fits.iter().enumerate().filter_map(|(c, f)| f.map(|f| (c, f))).collect();
    let top = answers.scale.max.saturating_sub(2);
    let key = |f: &(f64, usize, u8)| ((f.0 * 100.0).round() as i64, f.2 >= top, f.1);
    // The best, and the leftmost of equals.
    let best = fitting.iter().fold(None::<&(usize, (f64, usize, u8))>, |best, candidate| match best {
        Some(b) if key(&b.1) >= key(&candidate.1) => Some(b),
        _ => Some(candidate),
    });
    match (best, first_named) {
        (Some(&(c, _)), _) => {
            let others = if fitting.len() > 1 { fitting.iter().map(|&(c, _)| c as u32 + 1).collect() } else { Vec::new() };
            (c, ColumnChoice::Values, others)
        }
        (None, Some(c)) => (c, ColumnChoice::Header, Vec::new()),
        (None, None) => (0, ColumnChoice::First, Vec::new()),
    }
}

/// Cells of header rows that name nothing: Qualtrics' import ids and
/// SurveyMonkey's `Response` under a question.
fn is_generic_header(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.starts_with('{') && lower.contains("importid"))
        || matches!(lower.as_str(), "response" | "open-ended response" | "antwoord" | "reactie")
}

/// Names of each column from the header rows: the longest cell that names
/// something (the question text), with the first row's cell as the short name
/// when there are several rows and it differs (Qualtrics: `Q15`, then the question).
pub(crate) fn column_headers(rows: &[Record], width: usize) -> Vec<ColumnHeader> {
    (0..width)
        .map(|c| {
            let cells: Vec<String> = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| String::from_utf8_lossy(trim_cell(cell)).into_owned())
                .collect();
            let texts = cells.iter().filter(|t| !t.is_empty()).map(|t| t.to_ascii_lowercase()).collect();
            let meaningful: Vec<&String> = cells.iter().filter(|t| !t.is_empty() && !is_generic_header(t)).collect();
            let name = meaningful.iter().max_by_key(|t| t.chars().count()).map(|t| shorten(t, MAX_NAME_CHARS));
            let short_name = match (rows.len() > 1, cells.first(), &name) {
                (true, Some(first), Some(name)) if !first.is_empty() && !is_generic_header(first) && shorten(first, MAX_NAME_CHARS) != *name => {
                    Some(shorten(first, MAX_NAME_CHARS))
                }
                _ => None,
            };
            ColumnHeader { name, short_name, texts }
        })
        .collect()
}

/// The column `selector` names among `headers` (of `width` columns), or an
/// error that names the option and lists the columns.
pub(crate) fn find_column(selector: &ColumnSelector, headers: &[ColumnHeader], width: usize) -> Result<usize, OptionError> {
    let found = match selector {
        ColumnSelector::Index(i) => (*i >= 1 && (*i as usize) <= width.max(1)).then(|| *i as usize - 1),
        ColumnSelector::Name(name) => {
            let wanted = name.trim().to_ascii_lowercase();
            headers.iter().position(|h| h.texts.iter().any(|t| *t == wanted))
        }
    };
    found.ok_or_else(|| {
        let asked = match selector {
            ColumnSelector::Index(i) => format!("no column {i}"),
            ColumnSelector::Name(name) => format!("no column {name:?}"),
        };
        let listed: Vec<String> = (0..width.max(1))
            .take(30)
            .map(|c| match headers.get(c).and_then(|h| h.name.as_ref()) {
                Some(name) => format!("{} {name:?}", c + 1),
                None => format!("{}", c + 1),
            })
            .collect();
        let more = if width > 30 { format!(", … ({width} in all)") } else { String::new() };
        OptionError::new("column", format!("{asked}; the columns are {}{more}", listed.join(", ")))
    })
}

fn is_list_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b';' | 0x0B | 0x0C)
}

/// How many entries a line holds when split on everything but commas,
/// counted no further than two: the layout asks only whether a line holds
/// none, one or several, and a typed list may put a million on one line.
fn entries_without_commas(line: &[u8]) -> usize {
    line.split(|&b| is_list_separator(b)).filter(|t| !trim_cell(t).is_empty()).take(2).count()
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}


/// Leading header rows: rows with text and no answer, at most three, and
/// never every row of the sample.
pub(crate) fn header_row_count(records: &[Record], answers: &Answers) -> usize {
    let is_header = |r: &Record| {
        let cells: Vec<&[u8]> = r.iter().map(Vec::as_slice).collect();
        is_header_row(&cells, answers)
    };
    // Further header rows only where a tool is known to write them, so that a
    // response of words alone is never taken for one: Qualtrics (question
    // texts, then import ids), legacy Qualtrics (`V1`, `V2`, … then names)
    // and SurveyMonkey (`Response` under each question).
    let text = |cell: &Vec<u8>| String::from_utf8_lossy(trim_cell(cell)).to_ascii_lowercase();
    let import_ids = |r: &Record| r.iter().any(|cell| {
        let t = text(cell);
        t.starts_with('{') && t.contains("importid")
    });
    let wordy = |r: &Record| is_header(r) && r.iter().all(|cell| super::token::number_value(cell).is_none());
    let legacy = |r: &Record| {
        let named = r.iter().filter(|cell| !trim_cell(cell).is_empty()).count();
        let v = r.iter().filter(|cell| {
            let t = text(cell);
            t.len() > 1 && t.starts_with('v') && t[1..].bytes().all(|b| b.is_ascii_digit())
        });
        named > 0 && v.count() * 2 >= named
    };
    let second = records.get(1);
    let run = match records.first() {
        Some(first) if is_header(first) => match (second, records.get(2)) {
            (Some(two), Some(three)) if import_ids(three) && wordy(two) => 3,
            (Some(two), _) if import_ids(two) => 2,
            (Some(two), _) if wordy(two) && two.iter().any(|cell| matches!(text(cell).as_str(), "response" | "open-ended response")) => 2,
            (Some(two), _) if legacy(first) && wordy(two) => 2,
            _ => 1,
        },
        _ => 0,
    };
    if run > 0 && run >= records.len() {
        1
    } else {
        run
    }
}

/// Decides the layout from the first lines of a paste (BOM already removed).
pub(crate) fn plan(
    sample: &[u8],
    answers: &Answers,
    words: HeaderWords,
    selector: Option<&ColumnSelector>,
) -> Result<Plan, OptionError> {
    // A pasted column of numbers, the most common input, is known from one
    // pass over its bytes; the judgement below, which would come to the same
    // plan (a list of one entry a line, commas decimal, no header), passes
    // over every line several times, and took longer than the reading of a
    // thousand answers after it.
    if lines_of_digits(sample).is_some_and(|lines| lines >= 2) {
        let layout = Layout { decimal_comma: true, ..Layout::PLAIN_LIST };
        return list_plan(layout, None, selector, false);
    }
    judged_plan(sample, answers, words, selector)
}

/// The plan of `sample` from the judgement of its lines and rows.
fn judged_plan(
    sample: &[u8],
    answers: &Answers,
    words: HeaderWords,
    selector: Option<&ColumnSelector>,
) -> Result<Plan, OptionError> {
    let lines: Vec<&[u8]> = super::scan::lines(sample).map(trim_line_end).filter(|l| !is_blank_line_or_row(l)).collect();
    if lines.len() < 2 {
        return list_plan(Layout::PLAIN_LIST, None, selector, false);
    }

    for delimiter in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        if super::scan::find_byte(sample, delimiter.byte()).is_none() {
            continue;
        }
        let records: Vec<Record> = split_records(sample, delimiter.byte())
            .into_iter()
            .filter(|r| r.iter().any(|cell| !is_blank_line_or_row(cell)))
            .collect();
        if records.len() < 2 {
            continue;
        }
        let (width, share) = modal_width(&records);
        if width < 2 || share < 0.8 {
            continue;
        }
        let header_rows = header_row_count(&records, answers);
        // Typed lists such as "9, 10, 7" on several lines look like a headerless
        // CSV; only a spreadsheet selection (tabs) is a table without a header.
        if delimiter != Delimiter::Tab && header_rows == 0 {
            continue;
        }
        let width = records.iter().map(Vec::len).max().unwrap_or(width);
        let headers = column_headers(&records[..header_rows], width);
        let body = &records[header_rows..];
        let (index, chosen_by, candidates) = match selector {
            Some(selector) => (find_column(selector, &headers, width)?, ColumnChoice::Option, Vec::new()),
            None => choose_column(&headers, header_rows > 0, body, width, answers, words),
        };
        let header = headers.get(index).cloned().unwrap_or_default();
        let status_column = (header_rows > 0)
            .then(|| headers.iter().position(|h| h.texts.iter().any(|t| t == "status")))
            .flatten();
        let suggested = Some(suggest_columns(body, &headers, index));
        return Ok(Plan {
            layout: Layout { kind: LayoutKind::Table, delimiter: Some(delimiter), header: header_rows > 0, decimal_comma: false },
            column: Some(ScoreColumn { index: index as u32 + 1, name: header.name, short_name: header.short_name, chosen_by }),
            header_rows,
            headers,
            candidates,
            status_column,
            whole_lines: false,
            suggested,
        });
    }

    // A question such as "Rate us from 0 to 10" may hold numbers: judge the
    // first line whole, and only a line with letters can be a header.
    let header = lines[0].iter().any(u8::is_ascii_alphabetic)
        && matches!(answers.classify(lines[0]), Cell::Rejected(RejectReason::NotANumber | RejectReason::LabelWithoutNumber));
    let body = if header { &lines[1..] } else { &lines[..] };
    // Answers in words, one a line: most lines read whole as an answer (or as
    // a label without its number), and so do most of those holding a space.
    let whole_answer = |l: &[u8]| matches!(answers.classify(l), Cell::Score(_) | Cell::Rejected(RejectReason::LabelWithoutNumber));
    // Most lines of a pasted column are one or two digits of a score: one
    // entry, a score, no comma, known without the general reading.
    let short_score = |l: &[u8]| match *l {
        [a] if a.is_ascii_digit() => Some(a - b'0'),
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => Some((a - b'0') * 10 + (b - b'0')),
        _ => None,
    }
    .filter(|&v| v >= answers.scale.min && v <= answers.scale.max);
    let entries: Vec<usize> = body.iter().map(|l| if short_score(l).is_some() { 1 } else { entries_without_commas(l) }).collect();
    let worded: Vec<&[u8]> = body.iter().zip(&entries).filter(|(_, &n)| n > 1).map(|(l, _)| *l).collect();
    // Only lines with spaces can be answers in words: a column of numbers skips this.
    let whole_lines = !worded.is_empty() && {
        let worded_answers = worded.iter().filter(|l| whole_answer(l)).count();
        worded_answers * 5 >= worded.len() * 4 && body.iter().filter(|l| whole_answer(l)).count() * 5 >= body.len() * 4
    };
    let single_entry_lines = entries.iter().filter(|&&n| n == 1).count();
    let one_per_line = body.len() >= 2 && single_entry_lines * 5 >= body.len() * 4;
    // A header over a column: skip it and read the rest as a list.
    let body_scores = body.iter().filter(|l| short_score(l).is_some() || matches!(answers.classify(l), Cell::Score(_))).count();
    let header = header
        && (one_per_line || whole_lines || body.len() == 1 && single_entry_lines == 1)
        && body_scores * 2 > body.len();
    let comma_lines = body.iter().filter(|l| l.contains(&b',')).count();
    // In a column of one value per line a comma is a Dutch decimal comma, also
    // when the first lines have none (the decision is taken on them alone);
    // only when every line holds one comma is it a list of pairs. An entry with
    // several commas is always a list, wherever it stands (see the list reader).
    let decimal_comma = one_per_line && comma_lines < body.len();
    let layout = Layout { kind: LayoutKind::List, delimiter: None, header, decimal_comma };
    list_plan(layout, header.then_some(lines[0]), selector, whole_lines)
}

/// The plan of a list, under `header` when it has one; the `column` option
/// can only name its one column.
fn list_plan(layout: Layout, header: Option<&[u8]>, selector: Option<&ColumnSelector>, whole_lines: bool) -> Result<Plan, OptionError> {
    let headers: Vec<ColumnHeader> = header
        .map(|line| ColumnHeader {
            name: Some(column_name(line)),
            short_name: None,
            texts: vec![String::from_utf8_lossy(trim_cell(line)).to_ascii_lowercase()],
        })
        .into_iter()
        .collect();
    let name = headers.first().and_then(|h| h.name.clone());
    let column = match selector {
        Some(selector) => {
            find_column(selector, &headers, 1)?;
            Some(ScoreColumn { index: 1, name, short_name: None, chosen_by: ColumnChoice::Option })
        }
        None => header.map(|_| ScoreColumn { index: 1, name, short_name: None, chosen_by: ColumnChoice::Only }),
    };
    Ok(Plan {
        layout,
        column,
        header_rows: usize::from(layout.header),
        headers,
        candidates: Vec::new(),
        status_column: None,
        whole_lines,
        suggested: None,
    })
}

/// The lines of `sample` that hold digits, when it holds nothing else but
/// line ends (LF, or CRLF) and blank lines; `None` when it holds any other byte.
fn lines_of_digits(sample: &[u8]) -> Option<usize> {
    let mut lines = 0;
    let mut digits = false;
    for (i, &byte) in sample.iter().enumerate() {
        match byte {
            b'0'..=b'9' => digits = true,
            b'\n' => {
                lines += usize::from(digits);
                digits = false;
            }
            b'\r' if sample.get(i + 1).map_or(true, |&next| next == b'\n') => {}
            _ => return None,
        }
    }
    Some(lines + usize::from(digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::token::Scale;
    const S: Scale = Scale::ZERO_TO_TEN;

    fn plan_of(text: &str) -> Plan {
        plan(text.as_bytes(), &Answers::numbers(S), HeaderWords::RECOMMEND, None).unwrap()
    }

    #[test]
    fn a_column_of_scores_is_a_list_with_decimal_commas() {
        let p = plan_of("9\n10\n7\n3\n");
        assert_eq!(p.layout, Layout { decimal_comma: true, ..Layout::PLAIN_LIST });
        assert_eq!(p.column, None);
    }

    #[test]
    fn a_dutch_column_with_a_stray_decimal_reads_the_comma_as_decimal() {
        let p = plan_of("9\n8,5\n7\n10\n");
        assert!(p.layout.decimal_comma);
        // ...but a typed list on one line separates on commas.
        assert!(!plan_of("9,10,7,3").layout.decimal_comma);
        assert!(!plan_of("9, 10\n7, 3\n").layout.decimal_comma);
    }

    #[test]
    fn a_spreadsheet_selection_without_header_picks_the_first_score_column() {
        let p = plan_of("anna\t9\t12\nbob\t7\t40\ncees\t10\t3\n");
        assert_eq!(p.layout.kind, LayoutKind::Table);
        assert_eq!(p.layout.delimiter, Some(Delimiter::Tab));
        assert!(!p.layout.header);
        assert_eq!(p.column, Some(ScoreColumn { index: 2, name: None, short_name: None, chosen_by: ColumnChoice::Values }));
    }

    #[test]
    fn a_csv_header_names_the_column_in_english_or_dutch() {
        let p = plan_of("id,date,How likely are you to recommend us?,comment\n1,2024-01-02,9,\"great, thanks\"\n2,2024-01-03,6,meh\n");
        assert_eq!(p.layout.delimiter, Some(Delimiter::Comma));
        let c = p.column.unwrap();
        assert_eq!((c.index, c.chosen_by), (3, ColumnChoice::Header));
        assert_eq!(c.name.as_deref(), Some("How likely are you to recommend us?"));

        let p = plan_of("klant;leeftijd;Zou je ons aanbevelen\nA;34;8\nB;51;10\n");
        let c = p.column.unwrap();
        assert_eq!((c.index, c.chosen_by), (3, ColumnChoice::Header));
        assert_eq!(p.layout.delimiter, Some(Delimiter::Semicolon));
    }

    #[test]
    fn a_recommend_header_over_text_yields_to_a_score_column() {
        let p = plan_of("NPS category\tScore\nPromoter\t9\nDetractor\t3\n");
        assert_eq!(p.column.unwrap().index, 2);
    }

    #[test]
    fn a_header_over_one_column_is_skipped_not_rejected() {
        let p = plan_of("Score\n9\n10\n");
        assert_eq!(p.layout.kind, LayoutKind::List);
        assert!(p.layout.header);
        assert_eq!(p.column.unwrap().name.as_deref(), Some("Score"));
        let p = plan_of("Rate us from 0 to 10\n9\n10\n");
        assert!(p.layout.header);
    }

    #[test]
    fn lines_of_digits_are_counted_only_in_a_sample_of_nothing_else() {
        assert_eq!(lines_of_digits(b"9\n10\n7"), Some(3));
        assert_eq!(lines_of_digits(b"9\r\n\r\n10\r\n\n7\r\n"), Some(3));
        assert_eq!(lines_of_digits(b"123456\n0\r"), Some(2));
        assert_eq!(lines_of_digits(b""), Some(0));
        assert_eq!(lines_of_digits(b"\n\r\n"), Some(0));
        // A bare CR parts two entries on one line; everything else is left to the judgement.
        for sample in ["9\r7\n", "9 \n7", "8,5\n7", "9\t7", "Score\n9", "9;7", "-1\n2", "\u{feff}9\n7", "9.5\n7"] {
            assert_eq!(lines_of_digits(sample.as_bytes()), None, "{sample:?}");
        }
    }

    #[test]
    fn a_column_of_digits_is_planned_as_the_judgement_plans_it() {
        let selectors = [None, Some(ColumnSelector::Index(1)), Some(ColumnSelector::Index(2)), Some(ColumnSelector::Name("score".into()))];
        let samples = ["9\n10", "9\n10\n7\n3\n", "7\r\n\r\n0\r\n10\r\n", "1\n5\n3\n", "42\n100\n007\n", "\n\n9\n\n8\n"];
        for sample in samples {
            for answers in [Answers::numbers(S), Answers::numbers(Scale { min: 1, max: 5 }), Answers::likert(Scale { min: 1, max: 7 })] {
                for selector in &selectors {
                    let quick = plan(sample.as_bytes(), &answers, HeaderWords::RECOMMEND, selector.as_ref());
                    let judged = judged_plan(sample.as_bytes(), &answers, HeaderWords::RECOMMEND, selector.as_ref());
                    assert_eq!(format!("{quick:?}"), format!("{judged:?}"), "{sample:?} {selector:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_sample_of_digits_and_line_ends_is_planned_as_judged(sample in "[0-9\r\n]{0,80}") {
            let answers = Answers::numbers(S);
            let quick = plan(sample.as_bytes(), &answers, HeaderWords::RECOMMEND, None);
            let judged = judged_plan(sample.as_bytes(), &answers, HeaderWords::RECOMMEND, None);
            proptest::prop_assert_eq!(format!("{quick:?}"), format!("{judged:?}"));
        }
    }

    #[test]
    fn typed_rows_of_numbers_stay_a_list() {
        let p = plan_of("9, 10, 7\n8, 6, 5\n");
        assert_eq!(p.layout.kind, LayoutKind::List);
        assert!(!p.layout.header);
    }

    #[test]
    fn a_line_is_known_to_hold_several_entries_after_its_second() {
        assert_eq!(entries_without_commas(b""), 0);
        assert_eq!(entries_without_commas(b" \x0B ;"), 0);
        assert_eq!(entries_without_commas(b" 9 "), 1);
        assert_eq!(entries_without_commas(b"9 10"), 2);
        assert_eq!(entries_without_commas(b"9 10 7;3\t8"), 2);
        // A typed list of a few long lines is a list of entries, not of lines.
        let line = "9 10 7 ".repeat(20_000);
        let p = plan_of(&format!("{line}\n{line}\n{line}\n"));
        assert_eq!(p.layout, Layout { decimal_comma: false, ..Layout::PLAIN_LIST });
        assert!(!p.whole_lines);
    }

    #[test]
    fn modal_width_prefers_the_common_width() {
        let r = |w: usize| vec![Vec::new(); w];
        assert_eq!(modal_width(&[r(3), r(3), r(2), r(3)]), (3, 0.75));
        assert_eq!(modal_width(&[]), (0, 0.0));
    }

    #[test]
    fn shorten_cuts_on_character_boundaries() {
        assert_eq!(shorten("ééééé", 3), "ééé…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
