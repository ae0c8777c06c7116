//! Reading survey text the same way wherever a thing stands in it: the
//! inconsistencies of earlier versions, each as a regression test, and the
//! column option, labels, encodings and warnings worked by hand.

use loyalty_score::nps::analyze_nps_column;
use loyalty_score::{analyze_nps, ColumnChoice, ColumnSelector, IntervalOptions, NpsReader, NpsReport, RejectReason};
use proptest::prelude::*;

const OPTIONS: IntervalOptions = IntervalOptions { level: loyalty_score::ConfidenceLevel::DEFAULT, method: loyalty_score::IntervalMethod::AdjustedWald };

fn counts(r: &NpsReport) -> (u64, u64, u64, u64) {
    (r.promoters, r.passives, r.detractors, r.rejected_count)
}

fn bytes_report(bytes: &[u8]) -> NpsReport {
    let mut reader = NpsReader::new(OPTIONS, None);
    reader.push_bytes(bytes);
    reader.finish().unwrap()
}

#[test]
fn a_line_of_several_commas_in_a_column_is_a_list_wherever_it_stands() {
    // 70 lines of 8, then "9,10,7,3" — once at line 2 (inside the first 64
    // lines the layout is decided on), once at line 70 (after them).
    let column = "8\n".repeat(69);
    let early = format!("8\n9,10,7,3\n{}", "8\n".repeat(68));
    let late = format!("{column}9,10,7,3\n");
    for text in [early, late] {
        let r = analyze_nps(&text, OPTIONS);
        // 69 eights are passives; 9 and 10 promoters, 7 passive, 3 detractor.
        assert_eq!(counts(&r), (2, 70, 1, 0), "{}", &text[..20]);
    }
    // A single comma between digits is still a Dutch decimal, and not whole.
    let r = analyze_nps(&format!("{column}8,5\n"), OPTIONS);
    assert_eq!((r.passives, r.rejected[0].reason), (69, RejectReason::NotWholeNumber));
}

#[test]
fn a_header_row_longer_than_64_kib_is_still_the_header() {
    // 10,000 columns, NPS in column 6,000; 7 rows of answers 0, 3, 6, 7, 8, 9, 10.
    let names: Vec<String> = (1..=10_000).map(|c| if c == 6000 { "NPS".to_string() } else { format!("Question {c}") }).collect();
    let mut text = names.join(",") + "\n";
    assert!(text.len() > 64 * 1024);
    for answer in [0, 3, 6, 7, 8, 9, 10] {
        let row: Vec<String> = (1..=10_000).map(|c| if c == 6000 { answer.to_string() } else { "x".to_string() }).collect();
        text += &(row.join(",") + "\n");
    }
    let r = analyze_nps(&text, OPTIONS);
    let column = r.column.as_ref().unwrap();
    assert_eq!((column.index, column.chosen_by), (6000, ColumnChoice::Header));
    // 9, 10 promoters; 7, 8 passives; 0, 3, 6 detractors; nothing rejected.
    assert_eq!(counts(&r), (2, 2, 3, 0));
    assert_eq!(r.columns.len(), 10_000);
}

#[test]
fn lines_of_separators_alone_are_blank() {
    let text = ", ;\t\n".repeat(2_000_000) + "9\n";
    let r = analyze_nps(&text, OPTIONS);
    assert_eq!(counts(&r), (1, 0, 0, 0));
}

#[test]
fn bare_carriage_returns_end_lines() {
    // Excel for Mac: "Score\r9\r10\r3\rabc\r" is five lines; abc is on line 5.
    let r = analyze_nps("Score\r9\r10\r3\rabc\r", OPTIONS);
    assert_eq!(counts(&r), (2, 0, 1, 1));
    assert_eq!((r.rejected[0].line, r.rejected[0].column), (5, 1));
}

const QUALTRICS: &str = "StartDate,Status,Q15_NPS_GROUP,Q15,Q16\n\
    Start Date,Response Type,How likely are you to recommend us? - Group,How likely are you to recommend us?,Why?\n\
    \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"QID15_NPS_GROUP\"\"}\",\"{\"\"ImportId\"\":\"\"QID15\"\"}\",\"{\"\"ImportId\"\":\"\"QID16\"\"}\"\n\
    2024-01-02 10:00:00,0,3,10,great\n\
    2024-01-02 11:00:00,0,1,2,\"slow, sorry\"\n\
    2024-01-03 09:30:00,0,2,8,\n\
    2024-01-03 12:00:00,0,1,6,meh\n";

#[test]
fn qualtrics_three_header_rows_name_the_column_by_its_question_and_short_name() {
    let r = analyze_nps(QUALTRICS, OPTIONS);
    let column = r.column.as_ref().unwrap();
    // Q15_NPS_GROUP (1–3 group codes, "Group" in its text) is never the answer.
    assert_eq!(column.index, 4);
    assert_eq!(column.name.as_deref(), Some("How likely are you to recommend us?"));
    assert_eq!(column.short_name.as_deref(), Some("Q15"));
    // 10 promoter; 8 passive; 2, 6 detractors. The header rows are not rejected.
    assert_eq!(counts(&r), (1, 1, 2, 0));
    assert_eq!(r.rows, Some(4));
    assert_eq!(r.columns[2].profile.min, Some(1.0));
    assert_eq!(r.columns[2].profile.max, Some(3.0));
    assert_eq!(r.columns[4].profile.other, 3);
    assert_eq!(r.columns[4].profile.blank, 1);
}

#[test]
fn the_column_option_takes_a_position_a_short_name_or_the_question() {
    for selector in [ColumnSelector::Index(4), ColumnSelector::Name(" q15 ".into()), ColumnSelector::Name("HOW LIKELY ARE YOU TO RECOMMEND US?".into())] {
        let r = analyze_nps_column(QUALTRICS, OPTIONS, Some(selector.clone())).unwrap();
        assert_eq!((r.column.as_ref().unwrap().index, r.column.as_ref().unwrap().chosen_by), (4, ColumnChoice::Option), "{selector:?}");
        assert_eq!(counts(&r), (1, 1, 2, 0));
    }
    // The group column, asked for: its codes 3, 1, 2, 1, read as 0–10
    // answers, are four detractors.
    let r = analyze_nps_column(QUALTRICS, OPTIONS, Some(ColumnSelector::Name("Q15_NPS_GROUP".into()))).unwrap();
    assert_eq!(counts(&r), (0, 0, 4, 0));
    let error = analyze_nps_column(QUALTRICS, OPTIONS, Some(ColumnSelector::Name("Q99".into()))).unwrap_err();
    assert_eq!(error.option, "column");
    assert!(error.problem.starts_with("no column \"Q99\"; the columns are 1 \"Start Date\", 2 \"Response Type\""), "{}", error.problem);
    assert!(analyze_nps_column(QUALTRICS, OPTIONS, Some(ColumnSelector::Index(6))).is_err());
}

#[test]
fn another_column_is_reported_without_reading_again() {
    let mut reader = NpsReader::new(OPTIONS, None);
    for chunk in QUALTRICS.as_bytes().chunks(7) {
        reader.push_text(chunk);
    }
    let chosen = reader.finish().unwrap();
    let group = reader.report_for(&ColumnSelector::Index(3)).unwrap();
    assert_eq!(counts(&group), (0, 0, 4, 0));
    assert_eq!(group.column.as_ref().unwrap().chosen_by, ColumnChoice::Option);
    // And back: the same report as the first, chosen by option now.
    let back = reader.report_for(&ColumnSelector::Index(4)).unwrap();
    assert_eq!(counts(&back), counts(&chosen));
    // The comment column: "great", "slow, sorry", "meh" rejected, one blank.
    let text = reader.report_for(&ColumnSelector::Name("Q16".into())).unwrap();
    assert_eq!((text.rejected_count, text.rejected.len()), (3, 3));
}

#[test]
fn answers_written_with_their_labels_count_as_their_number() {
    // A pasted choice-text column: 10, 0, 10, 9 and a label with no number.
    let text = "How likely?\n10 - Extremely likely\n0 = Not at all likely\n10 (Very Likely)\n9 – zeer waarschijnlijk\nExtremely likely\n";
    let r = analyze_nps(text, OPTIONS);
    assert_eq!(counts(&r), (3, 0, 1, 1));
    assert_eq!((r.rejected[0].line, r.rejected[0].reason), (6, RejectReason::LabelWithoutNumber));
    assert_eq!(r.rejected[0].text, "Extremely likely");
}

#[test]
fn windows_1252_and_utf_16_files_read_like_utf_8() {
    // "Aanbeveling;Opmerking\r\n9;café\r\n3;té duur\r\n" in three encodings.
    let text = "Aanbeveling;Opmerking\r\n9;café\r\n3;té duur\r\n";
    let utf8 = bytes_report(text.as_bytes());
    let cp1252: Vec<u8> = text.chars().map(|c| if c == 'é' { 0xE9 } else { c as u8 }).collect();
    let mut utf16le = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        utf16le.extend(unit.to_le_bytes());
        utf16be.extend(unit.to_be_bytes());
    }
    for (bytes, encoding) in [(cp1252, "windows-1252"), (utf16le, "utf-16le"), (utf16be, "utf-16be")] {
        let r = bytes_report(&bytes);
        assert_eq!(r.encoding.unwrap().name(), encoding);
        assert_eq!((counts(&r), &r.columns[1].name), (counts(&utf8), &utf8.columns[1].name));
        assert_eq!(r.columns[1].profile, utf8.columns[1].profile);
    }
    assert_eq!(counts(&utf8), (1, 0, 1, 0));
}

#[test]
fn warnings_say_where_a_careful_analyst_would_stop() {
    // No header word: the column is chosen by its values, and two could be it.
    let r = analyze_nps("Klant;Vraag 1;Vraag 2\nA;9;3\nB;10;4\nC;8;10\n", OPTIONS);
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, vec!["several-columns", "chosen-by-values"]);
    assert_eq!(r.warnings[0].columns, vec![2, 3]);
    // A "likelihood to recommend" on 1–5: 30 answers that stop at 5.
    let text = "Likelihood to Recommend\n".to_string() + &"1\n2\n3\n4\n5\n".repeat(6);
    let r = analyze_nps(&text, OPTIONS);
    assert_eq!(r.detractors, 30);
    assert_eq!(r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), vec!["short-scale"]);
    assert!(r.warnings[0].message.contains("1–5 scale"), "{}", r.warnings[0].message);
    // Every Qualtrics response a preview (Status 1).
    let preview = QUALTRICS.replace(",0,", ",1,");
    let r = analyze_nps(&preview, OPTIONS);
    assert_eq!(r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), vec!["test-responses"]);
}

#[test]
fn a_quote_that_never_closes_is_a_warning_with_its_place() {
    // Row 3's comment opens a quote at column 5 that no later quote closes:
    // as RFC 4180 reads it, rows 3 to 5 are one cell, so only 9 and 10 count.
    let text = "id,score,comment\n1,9,ok\n2,10,\"so \"\"good\"\" and\n3,3,x\n4,2,y\n";
    let r = analyze_nps(text, OPTIONS);
    assert_eq!((r.promoters, r.detractors), (2, 0));
    let warning = r.warnings.iter().find(|w| w.code == "unclosed-quote").expect("a warning");
    assert_eq!(warning.message, "a quote opened at line 3, column 6 never closes, so everything after it was read as one cell");
    // Closed quotes, doubled quotes inside them and a quote inside an unquoted cell are fine.
    let fine = analyze_nps("id,score,comment\n1,9,\"a \"\"b\"\"\"\n2,10,5\" screen\n", OPTIONS);
    assert!(fine.warnings.iter().all(|w| w.code != "unclosed-quote"), "{:?}", fine.warnings);
    assert_eq!(fine.promoters, 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any cuts of any fixture, in any encoding, give the report of the whole.
    #[test]
    fn any_chunking_of_an_export_gives_the_report_of_the_whole(
        which in 0usize..17,
        cuts in prop::collection::vec(0usize..4096, 0..40),
    ) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exports/");
        let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok())
            .map(|e| e.file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".csv") || n.ends_with(".txt"))
            .collect();
        names.sort();
        let bytes = std::fs::read(format!("{dir}{}", names[which % names.len()])).unwrap();
        let whole = bytes_report(&bytes);
        let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
        points.sort_unstable();
        let mut reader = NpsReader::new(OPTIONS, None);
        let mut at = 0;
        for p in points.into_iter().chain([bytes.len()]) {
            reader.push_bytes(&bytes[at..p.max(at)]);
            at = p.max(at);
        }
        prop_assert_eq!(reader.finish().unwrap(), whole);
    }
}
