//! Deciding, from the first lines of a paste, how it is laid out: a plain list
//! of scores, a single column under a header, or a table (spreadsheet selection
//! or CSV export) of which one column holds the scores.

use super::token::{classify, trim_cell, Cell, RejectReason, Scale};
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
    /// The header text, when there is a header.
    pub name: Option<String>,
    pub chosen_by: ColumnChoice,
}

/// The decision taken from the sample: layout, and for a table which column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Plan {
    pub layout: Layout,
    pub column: Option<ScoreColumn>,
}

/// Words that identify a question's column by its header, in English and
/// Dutch, matched against the header with ASCII letters lower-cased (Unicode
/// case tables would add 17 KiB to the wasm for no header we know): the first tier names the
/// question itself and is preferred over the second, which names any score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderWords {
    pub tiers: &'static [&'static [&'static str]],
}

const ANY_SCORE_WORDS: &[&str] = &["score", "cijfer", "rating", "beoordeling", "waardering"];

impl HeaderWords {
    /// "How likely are you to recommend us?"
    pub const RECOMMEND: HeaderWords = HeaderWords {
        tiers: &[
            &["recommend", "promoter", "nps", "likelihood", "likely", "aanbevel", "aanraden", "waarschijnlijk"],
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
const MAX_NAME_CHARS: usize = 60;

pub(crate) type Record = Vec<Vec<u8>>;

/// Splits `bytes` into records with csv-core, dropping records with no content.
pub(crate) fn split_records(bytes: &[u8], delimiter: u8) -> Vec<Record> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
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
pub(crate) fn is_header_row(cells: &[&[u8]], scale: Scale) -> bool {
    let mut has_text = false;
    for cell in cells {
        match classify(cell, scale) {
            Cell::Score(_) => return false,
            Cell::Rejected(RejectReason::NotANumber) => has_text = true,
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

pub(crate) fn mostly_scores(body: &[Record], column: usize, scale: Scale) -> bool {
    let (mut scores, mut filled) = (0usize, 0usize);
    for cell in body.iter().filter_map(|r| r.get(column)) {
        match classify(cell, scale) {
            Cell::Empty => {}
            Cell::Score(_) => {
                scores += 1;
                filled += 1;
            }
            Cell::Rejected(_) => filled += 1,
        }
    }
    filled > 0 && scores * 2 > filled
}

fn choose_column(
    header: Option<&Record>,
    body: &[Record],
    width: usize,
    scale: Scale,
    words: HeaderWords,
) -> (usize, ColumnChoice) {
    if let Some(header) = header {
        let names: Vec<String> =
            header.iter().map(|h| String::from_utf8_lossy(h).to_ascii_lowercase()).collect();
        let mut first_named = None;
        for words in words.tiers {
            let named = (0..names.len()).filter(|&c| words.iter().any(|w| names[c].contains(w)));
            for c in named {
                if mostly_scores(body, c, scale) {
                    return (c, ColumnChoice::Header);
                }
                first_named.get_or_insert(c);
            }
        }
        if let Some(c) = first_named {
            return (c, ColumnChoice::Header);
        }
    }
    match (0..width).find(|&c| mostly_scores(body, c, scale)) {
        Some(c) => (c, ColumnChoice::Values),
        None => (0, ColumnChoice::First),
    }
}

fn is_list_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b';' | 0x0B | 0x0C)
}

/// How many entries a line holds when split on everything but commas.
fn entries_without_commas(line: &[u8]) -> usize {
    line.split(|&b| is_list_separator(b)).filter(|t| !trim_cell(t).is_empty()).count()
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Decides the layout from the first lines of a paste (BOM already removed).
pub(crate) fn plan(sample: &[u8], scale: Scale, words: HeaderWords) -> Plan {
    let lines: Vec<&[u8]> = sample
        .split(|&b| b == b'\n')
        .map(trim_line_end)
        .filter(|l| !trim_cell(l).is_empty())
        .collect();
    if lines.len() < 2 {
        return Plan { layout: Layout::PLAIN_LIST, column: None };
    }

    for delimiter in [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma] {
        if !sample.contains(&delimiter.byte()) {
            continue;
        }
        let records = split_records(sample, delimiter.byte());
        if records.len() < 2 {
            continue;
        }
        let (width, share) = modal_width(&records);
        if width < 2 || share < 0.8 {
            continue;
        }
        let first: Vec<&[u8]> = records[0].iter().map(Vec::as_slice).collect();
        let header = is_header_row(&first, scale);
        // Typed lists such as "9, 10, 7" on several lines look like a headerless
        // CSV; only a spreadsheet selection (tabs) is a table without a header.
        if delimiter != Delimiter::Tab && !header {
            continue;
        }
        let body = if header { &records[1..] } else { &records[..] };
        let (index, chosen_by) = choose_column(header.then(|| &records[0]), body, width, scale, words);
        let name = if header { records[0].get(index).map(|c| column_name(c)) } else { None };
        return Plan {
            layout: Layout { kind: LayoutKind::Table, delimiter: Some(delimiter), header, decimal_comma: false },
            column: Some(ScoreColumn { index: index as u32 + 1, name, chosen_by }),
        };
    }

    // A question such as "Rate us from 0 to 10" may hold numbers: judge the
    // first line whole, and only a line with letters can be a header.
    let header = lines[0].iter().any(u8::is_ascii_alphabetic)
        && classify(lines[0], scale) == Cell::Rejected(RejectReason::NotANumber);
    let body = if header { &lines[1..] } else { &lines[..] };
    let single_entry_lines = body.iter().filter(|l| entries_without_commas(l) == 1).count();
    let one_per_line = body.len() >= 2 && single_entry_lines * 5 >= body.len() * 4;
    // A header over a column: skip it and read the rest as a list.
    let body_scores = body.iter().filter(|l| matches!(classify(l, scale), Cell::Score(_))).count();
    let header = header
        && (one_per_line || body.len() == 1 && single_entry_lines == 1)
        && body_scores * 2 > body.len();
    let comma_lines = body.iter().filter(|l| l.contains(&b',')).count();
    // In a column of one value per line a comma is a Dutch decimal comma, also
    // when the first lines have none (the decision is taken on them alone);
    // only when every line holds one comma is it a list of pairs.
    let decimal_comma = one_per_line
        && comma_lines < body.len()
        && body.iter().all(|l| l.iter().filter(|&&b| b == b',').count() <= 1);
    let column = header.then(|| ScoreColumn {
        index: 1,
        name: Some(column_name(lines[0])),
        chosen_by: ColumnChoice::Only,
    });
    Plan { layout: Layout { kind: LayoutKind::List, delimiter: None, header, decimal_comma }, column }
}

#[cfg(test)]
mod tests {
    use super::*;
    const S: Scale = Scale::ZERO_TO_TEN;

    fn plan_of(text: &str) -> Plan {
        plan(text.as_bytes(), S, HeaderWords::RECOMMEND)
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
        assert_eq!(p.column, Some(ScoreColumn { index: 2, name: None, chosen_by: ColumnChoice::Values }));
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
    fn typed_rows_of_numbers_stay_a_list() {
        let p = plan_of("9, 10, 7\n8, 6, 5\n");
        assert_eq!(p.layout.kind, LayoutKind::List);
        assert!(!p.layout.header);
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
