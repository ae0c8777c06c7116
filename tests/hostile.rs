//! A hostile corpus: inputs that are broken, huge, tricky or meant to do
//! harm, each with its outcome worked out by hand. Every case is read as file
//! bytes in several chunkings (and, where it is text, as a paste too); each
//! must end without a panic, count the valid scores around it, and give the
//! same report however it is cut.
//!
//! The big cases are smaller in debug builds, so that `cargo test` stays a
//! matter of seconds; `cargo test --release` reads them at full size.

use loyalty_score::{
    analyze_nps, ConfidenceLevel, Encoding, IntervalMethod, IntervalOptions, LayoutKind, NpsReader, NpsReport, RejectReason,
};

const OPTIONS: IntervalOptions = IntervalOptions { level: ConfidenceLevel::DEFAULT, method: IntervalMethod::AdjustedWald };
const BIG: bool = !cfg!(debug_assertions);
/// The 4 MiB slices the widget reads a file in.
const SLICE: usize = 4 << 20;

fn counts(r: &NpsReport) -> (u64, u64, u64) {
    (r.promoters, r.passives, r.detractors)
}

fn rejects(r: &NpsReport) -> Vec<(u64, u64, &str, RejectReason)> {
    r.rejected.iter().map(|x| (x.line, x.column, x.text.as_str(), x.reason)).collect()
}

fn push(bytes: &[u8], chunk: usize) -> NpsReport {
    let mut reader = NpsReader::new(OPTIONS, None);
    for piece in bytes.chunks(chunk.max(1)) {
        reader.push_bytes(piece);
    }
    reader.finish().expect("no column option, so no error")
}

/// The report of `bytes` as a file: the same whole, in the widget's slices,
/// and (for small inputs) in slices that cut every character and line end.
fn file(bytes: &[u8]) -> NpsReport {
    let whole = push(bytes, bytes.len());
    assert_eq!(push(bytes, SLICE), whole, "in 4 MiB slices");
    if bytes.len() <= 64 * 1024 {
        for size in [1, 2, 3, 7, 4096] {
            assert_eq!(push(bytes, size), whole, "in slices of {size}");
        }
    }
    whole
}

/// The report of `text` as a file and as a paste, which must agree.
fn both(text: &str) -> NpsReport {
    let from_file = file(text.as_bytes());
    let pasted = analyze_nps(text, OPTIONS);
    assert_eq!(counts(&pasted), counts(&from_file));
    assert_eq!(rejects(&pasted), rejects(&from_file));
    assert_eq!(pasted.rejected_count, from_file.rejected_count);
    pasted
}

/// `entry` as the second line, between answers 9 and 10, 3: a promoter
/// above it, a promoter and a detractor below it.
fn framed(entry: &str) -> NpsReport {
    both(&format!("9\n{entry}\n10\n3\n"))
}

/// The bytes of a fixed generator (a 32-bit LCG), the same on every run.
fn pseudo_random(len: usize, mut seed: u32) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage_counts_nothing_and_rejects_every_entry() {
    // ASCII digits are moved into the upper half, so by construction no entry
    // can be a number: whatever the bytes, nothing counts and every entry
    // that is not blank is "not a number". The bytes are not UTF-8, so they
    // are read as Windows-1252.
    let garbage: Vec<u8> = pseudo_random(8192, 12_345).into_iter().map(|b| if b.is_ascii_digit() { b | 0x80 } else { b }).collect();
    let r = file(&garbage);
    assert_eq!(r.respondents, 0);
    assert_eq!(r.score, None);
    assert!(r.rejected_count > 50, "{}", r.rejected_count);
    assert!(r.rejected.iter().all(|x| x.reason == RejectReason::NotANumber), "{:?}", rejects(&r));
    assert_eq!(r.encoding, Some(Encoding::Windows1252));

    // Answers after the garbage, on lines of their own, still count.
    let mut then = garbage.clone();
    then.extend_from_slice(b"\n9\n10\n3\n");
    let r = file(&then);
    assert_eq!(counts(&r), (2, 0, 1));
}

#[test]
fn invalid_utf_8_is_read_as_windows_1252_and_the_answers_count() {
    // C3 28 is a broken two-byte sequence and 80 a lone continuation byte:
    // not UTF-8, so the file is Windows-1252, where they are "Ã(" and "€".
    let r = file(b"9\n\xC3\x28\n10\n\x80\n3\n");
    assert_eq!(r.encoding, Some(Encoding::Windows1252));
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(rejects(&r), vec![(2, 1, "Ã(", RejectReason::NotANumber), (4, 1, "€", RejectReason::NotANumber)]);
}

#[test]
fn a_lone_byte_order_mark_is_blank() {
    // A UTF-8 BOM is no character of the text: an empty file, not an error.
    for r in [file(b"\xEF\xBB\xBF"), both("\u{FEFF}")] {
        assert_eq!((r.respondents, r.rejected_count), (0, 0));
        assert_eq!(r.score, None);
    }
}

#[test]
fn only_separators_are_blank() {
    // Commas, semicolons, tabs, spaces and line ends hold no entry at all.
    let r = both(",;\t ,\n;;;\r\n , , \n\t\t\n");
    assert_eq!((r.respondents, r.rejected_count), (0, 0));
}

#[test]
fn ten_million_separators_are_blank_and_the_answers_at_either_end_count() {
    let n = if BIG { 10_000_000 } else { 1_000_000 };
    let r = both(&",".repeat(n));
    assert_eq!((r.respondents, r.rejected_count), (0, 0));
    // A line of them between answers is a blank line: 9 above, 10 and 3
    // below, two promoters and a detractor.
    let r = both(&format!("9\n{}\n10\n3", ",;\t ".repeat(n / 4)));
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(r.rejected_count, 0);
}

#[test]
fn one_line_of_50_mb_is_one_entry_out_of_range() {
    // Fifty million digits are a number far above 10. Only the first 256
    // bytes of an entry are kept, and only 40 characters shown.
    let n = if BIG { 50_000_000 } else { 5_000_000 };
    let text = format!("9\n{}\n10\n3\n", "9".repeat(n));
    let r = both(&text);
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(rejects(&r), vec![(2, 1, &*format!("{}…", "9".repeat(40)), RejectReason::OutOfRange)]);
    assert_eq!(r.rows, Some(4));
}

#[test]
fn numbers_with_thousands_of_digits_are_rejected_not_wrapped() {
    // An entry is never a score once it is longer than the 256 bytes kept of
    // it: all digits is then "outside the scale" (even 0…09, which no export
    // writes), anything else "not a number" (0.000…, the same rule). Within
    // 256 bytes, leading zeros are read as a person means them: 0…09 is 9.
    let text = format!(
        "9\n{}\n1{}\n{}9\n{}9\n0.{}\n10\n3\n",
        "9".repeat(5000),
        "0".repeat(2999),
        "0".repeat(250),
        "0".repeat(4000),
        "0".repeat(3000),
    );
    let r = both(&text);
    assert_eq!(counts(&r), (3, 0, 1), "the 0…09 of 251 digits is a promoter");
    let reasons: Vec<(u64, RejectReason)> = r.rejected.iter().map(|x| (x.line, x.reason)).collect();
    use RejectReason::*;
    assert_eq!(reasons, vec![(2, OutOfRange), (3, OutOfRange), (5, OutOfRange), (6, NotANumber)]);
    assert!(r.rejected.iter().all(|x| x.text.chars().count() == 41));
}

#[test]
fn signs_and_decimals_of_whole_numbers_are_those_numbers() {
    // −0 is zero, a detractor; +9 is 9; 9.0 and 9,0 (a Dutch decimal comma)
    // are the whole number 9.
    assert_eq!(counts(&framed("-0")), (2, 0, 2));
    for entry in ["+9", "9.0", "9,0"] {
        let r = framed(entry);
        assert_eq!((counts(&r), r.rejected_count), ((3, 0, 1), 0), "{entry}");
    }
}

#[test]
fn scientific_and_hexadecimal_notation_are_not_numbers() {
    // No survey tool or spreadsheet writes a 0–10 answer as 1e1 or 0x9;
    // reading them as 10 and 9 would be a guess, so they are shown instead.
    for entry in ["1e1", "0x9"] {
        let r = framed(entry);
        assert_eq!(counts(&r), (2, 0, 1), "{entry}");
        assert_eq!(rejects(&r), vec![(2, 1, entry, RejectReason::NotANumber)]);
    }
}

#[test]
fn full_width_and_arabic_indic_digits_are_digits() {
    // ９ is what a Japanese or Chinese input method types for 9, and ٩ (and
    // Persian ۹) what an Arabic or Persian keyboard types: the person
    // answered 9, in the digits they write, so it counts as 9.
    for entry in ["９", "٩", "۹", "１０", "١٠"] {
        let r = framed(entry);
        assert_eq!((counts(&r), r.rejected_count), ((3, 0, 1), 0), "{entry}");
    }
    // ١١ is eleven, off the scale, and shown as written.
    assert_eq!(rejects(&framed("١١")), vec![(2, 1, "١١", RejectReason::OutOfRange)]);
}

#[test]
fn spreadsheet_formulas_are_text_never_evaluated() {
    // A formula is what a cell computes, not an answer; the calculator does
    // not evaluate anything it is given, so =9 is shown for the person to fix.
    for entry in ["=9", "=SUM(A1)", "+9+1", "@SUM(A1)"] {
        let r = framed(entry);
        assert_eq!(counts(&r), (2, 0, 1), "{entry}");
        assert_eq!(rejects(&r), vec![(2, 1, entry, RejectReason::NotANumber)]);
    }
}

#[test]
fn html_and_script_text_are_rejected_entries_kept_as_written() {
    // In a CSV each is one cell, kept to the letter: the widget shows it as
    // text (tests/js/hostile.test.mjs checks that nothing runs).
    let text = "id,How likely are you to recommend us?\n\
                1,9\n\
                2,<script>alert(1)</script>\n\
                3,<img src=x onerror=alert(1)>\n\
                4,10\n\
                5,3\n";
    let r = both(text);
    assert_eq!(r.layout.map(|l| l.kind), Some(LayoutKind::Table));
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(
        rejects(&r),
        vec![
            (3, 3, "<script>alert(1)</script>", RejectReason::NotANumber),
            (4, 3, "<img src=x onerror=alert(1)>", RejectReason::NotANumber),
        ]
    );
    // In a typed list, spaces separate entries: three rejects, none of them markup that could run.
    let r = framed("<img src=x onerror=alert(1)>");
    assert_eq!(r.rejected.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(), ["<img", "src=x", "onerror=alert(1)>"]);
}

#[test]
fn right_to_left_marks_around_a_score_are_ignored() {
    // U+200F (and U+200E, U+061C) come with text copied from a right-to-left
    // page or sheet; they show nothing, and the cell shows 9, so it is 9.
    for entry in ["\u{200F}9\u{200F}", "\u{200E}9", "9\u{061C}", "\u{2067}9\u{2069}", "\u{200F}٩"] {
        let r = framed(entry);
        assert_eq!((counts(&r), r.rejected_count), ((3, 0, 1), 0), "{entry:?}");
    }
    // A mark inside a number still breaks it.
    assert_eq!(rejects(&framed("1\u{200F}0")), vec![(2, 1, "1\u{200F}0", RejectReason::NotANumber)]);
}

#[test]
fn nul_bytes_make_an_entry_not_a_number() {
    // A NUL is no character anyone types: the entry is damaged, so it is
    // shown, not guessed at. Too few NULs here to look like UTF-16.
    let r = file(b"9\n9\x00\n10\n\x00\n3\n");
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(rejects(&r), vec![(2, 1, "9\u{0}", RejectReason::NotANumber), (4, 1, "\u{0}", RejectReason::NotANumber)]);
}

#[test]
fn mixed_line_endings_each_end_a_line() {
    // LF, CRLF and a bare CR (old Mac) in one text each end one line; LF then
    // CR is two line ends around an empty line 5.
    let r = both("9\n10\r\nx\r7\n\r8\r\n0");
    assert_eq!(counts(&r), (2, 2, 1));
    assert_eq!(rejects(&r), vec![(3, 1, "x", RejectReason::NotANumber)]);
    let r = both("id,How likely are you to recommend us?\r\n1,9\r2,x\n3,3\r\n");
    assert_eq!(counts(&r), (1, 0, 1));
    assert_eq!(rejects(&r), vec![(3, 3, "x", RejectReason::NotANumber)]);
}

#[test]
fn a_quote_that_never_closes_runs_to_the_end_of_the_file() {
    // As RFC 4180 and spreadsheets read it: the open quote makes the rest of
    // the file one cell. In the answer column that cell is shown, with the
    // lines it swallowed.
    let r = both("id,How likely are you to recommend us?\n1,9\n2,\"10\n3,8\n4,3\n");
    assert_eq!(counts(&r), (1, 0, 0));
    assert_eq!(rejects(&r), vec![(3, 3, "10\n3,8\n4,3", RejectReason::NotANumber)]);
    assert_eq!(r.rows, Some(2));
    // In another column it swallows the rows below without a rejected entry:
    // only the row count (1 of 3 data lines) shows what was lost.
    let r = both("id,How likely are you to recommend us?,comment\n1,9,\"great\n2,10,ok\n3,3,bad\n");
    assert_eq!((counts(&r), r.rejected_count, r.rows), ((1, 0, 0), 0, Some(1)));
}

#[test]
fn a_header_with_no_data_counts_nothing() {
    // One line cannot show a table, so it is a list of words; none is a score.
    let r = both("id,How likely are you to recommend us?,comment\n");
    assert_eq!((r.respondents, r.score), (0, None));
    assert_eq!(r.rejected_count, 9);
    assert_eq!(r.rejected[2].reason, RejectReason::LabelWithoutNumber, "\"likely\" is a scale's word");
    let r = both("Score\n");
    assert_eq!(rejects(&r), vec![(1, 1, "Score", RejectReason::NotANumber)]);
}

#[test]
fn ten_thousand_columns_read_the_one_named_by_its_header() {
    // Column 5,000 is the question; every other column holds 5, a passive.
    let header: Vec<String> =
        (1..=10_000).map(|c| if c == 5000 { "How likely are you to recommend us?".to_string() } else { format!("Q{c}") }).collect();
    let row = |answer: &str| (1..=10_000).map(|c| if c == 5000 { answer } else { "5" }).collect::<Vec<_>>().join(",");
    let text = format!("{}\n{}\n{}\n{}\n", header.join(","), row("9"), row("10"), row("3"));
    let r = both(&text);
    assert_eq!(r.column.as_ref().map(|c| c.index), Some(5000));
    assert_eq!(counts(&r), (2, 0, 1));
    assert_eq!(r.columns.len(), 10_000);
    assert_eq!(r.columns[0].profile.scores, 3);
}

/// csv-core readers are kept and reused between texts with the same
/// delimiter; one left mid-row by a text must start the next one afresh.
/// (A reader copied with csv-core's `Clone` loops for ever on this input, as
/// fuzzing showed when that was tried.)
#[test]
fn a_reused_csv_reader_starts_each_text_afresh() {
    let spin = file(b"\x00\t\n\xe3\t");
    assert_eq!(spin.respondents, 0);

    // The first text ends inside a quoted cell, so its reader is left in the
    // middle of a row; the same table read afterwards must not notice.
    let table = "Region;Score\nNorth;9\nSouth;3\nEast;10\n";
    let alone = analyze_nps(table, OPTIONS);
    let _ = analyze_nps("Region;Score\nNorth;\"9\n", OPTIONS);
    let after = analyze_nps(table, OPTIONS);
    assert_eq!(after, alone);
    // 9 and 10 promote, 3 detracts: 2 of 3 minus 1 of 3.
    assert_eq!(counts(&after), (2, 0, 1));
    assert_eq!(after.score.map(|s| (s * 1e9).round() / 1e9), Some(33.333333333));
}

/// A byte-order mark in the middle of a table is text, wherever the chunks
/// fall: csv-core drops one at the start of its first input, which since
/// rows without quotes are split without it can come from mid-text, and the
/// cell after it then took its line. Found by fuzzing `reader_chunks`; the
/// lines here are counted by hand: 64 line ends (each CR alone is one) come
/// before the last mark, one more before `/`, which is on line 66.
#[test]
fn a_byte_order_mark_in_mid_table_is_text_in_any_chunks() {
    let mut text = "\u{feff}\r\r;e\r;e\r\r\r\r\r\r\r\u{feff}".to_string();
    text += &"\r".repeat(54);
    text += "\u{feff}\r/";
    let one = file(text.as_bytes());
    assert_eq!(rejects(&one).last().map(|r| (r.0, r.1, r.2)), Some((66, 1, "/")));
    for chunk in [1, 2, 3, 64] {
        assert_eq!(push(text.as_bytes(), chunk), one, "in chunks of {chunk}");
    }
}
