//! Pastes as people copy them out of spreadsheets and survey tools, each with
//! the expected report worked out by hand.

use loyalty_score::{
    analyze_nps, ColumnChoice, ConfidenceLevel, Delimiter, IntervalMethod, IntervalOptions, Layout, LayoutKind,
    NpsCounts, NpsReport, RejectReason, ScoreColumn,
};

fn close(actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.expect("a value");
    assert!((actual - expected).abs() <= tolerance, "expected {expected}, got {actual}");
}

fn rejects(report: &NpsReport) -> Vec<(u64, u64, &str, &str)> {
    report.rejected.iter().map(|r| (r.line, r.column, r.text.as_str(), r.reason.code())).collect()
}

fn wald(level: f64) -> IntervalOptions {
    IntervalOptions { method: IntervalMethod::Wald, level: ConfidenceLevel::new(level).unwrap() }
}

#[test]
fn google_sheets_column_with_a_dutch_question_as_header() {
    // The header is skipped, not rejected. Answers:
    //   10 9 9 10 9 → 5 promoters; 8 7 7 → 3 passives; 6 5 3 0 → 4 detractors.
    // n = 12; promoters 5/12 = 41.667 %, passives 3/12 = 25 %,
    // detractors 4/12 = 33.333 %; NPS = 41.667 − 33.333 = 8.333 points.
    let text = "Hoe waarschijnlijk is het dat u ons aanbeveelt?\n\
                10\n9\n8\n7\n6\n9\n5\n10\n3\n7\n9\n0\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (12, 5, 3, 4));
    assert_eq!(r.histogram, Some(vec![1, 0, 0, 1, 0, 1, 1, 2, 1, 3, 2]));
    close(r.score, 100.0 / 12.0, 1e-9);
    close(r.promoter_pct, 500.0 / 12.0, 1e-9);
    close(r.passive_pct, 25.0, 1e-9);
    close(r.detractor_pct, 400.0 / 12.0, 1e-9);
    assert_eq!(r.rejected_count, 0);
    assert!(r.rejected.is_empty());
    assert_eq!(r.layout, Some(Layout { kind: LayoutKind::List, delimiter: None, header: true, decimal_comma: true }));
    assert_eq!(
        r.column,
        Some(ScoreColumn {
            index: 1,
            name: Some("Hoe waarschijnlijk is het dat u ons aanbeveelt?".to_string()),
            short_name: None,
            chosen_by: ColumnChoice::Only,
        })
    );
}

#[test]
fn excel_dutch_csv_export_reads_the_third_column_named_by_its_header() {
    // Excel (nl-NL) writes `;` between fields, CRLF line ends and quotes
    // fields that hold a `;` or a quote. The score column is the 3rd.
    //   line 1: header
    //   line 2: 9   promoter
    //   line 3: 10  promoter (comment quoted, with a `;` inside)
    //   line 4: 6   detractor
    //   line 5: 8   passive (empty comment)
    //   line 6: 3   detractor (comment with doubled quotes)
    //   line 7: 7   passive
    //   line 8: 9   promoter
    //   line 9: "weet niet" → not a number; it starts after "8;15-3-2024;"
    //           (12 characters), so at column 13
    //   line 10: empty score cell → skipped, neither counted nor rejected
    // Promoters 3, passives 2, detractors 2: n = 7,
    // NPS = (3 − 2)/7 = 14.2857 points; 42.857 % / 28.571 % / 28.571 %.
    let text = "Respondent;Datum;Hoe waarschijnlijk is het dat u ons zou aanbevelen?;Opmerking\r\n\
                1;12-3-2024;9;Prima service\r\n\
                2;12-3-2024;10;\"Snel; vriendelijk\"\r\n\
                3;13-3-2024;6;Te duur\r\n\
                4;13-3-2024;8;\r\n\
                5;14-3-2024;3;\"Levering \"\"te laat\"\"\"\r\n\
                6;14-3-2024;7;\r\n\
                7;15-3-2024;9;Top\r\n\
                8;15-3-2024;weet niet;\r\n\
                9;16-3-2024;;Geen antwoord\r\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (7, 3, 2, 2));
    close(r.score, 100.0 / 7.0, 1e-9);
    close(r.promoter_pct, 300.0 / 7.0, 1e-9);
    close(r.passive_pct, 200.0 / 7.0, 1e-9);
    close(r.detractor_pct, 200.0 / 7.0, 1e-9);
    assert_eq!(rejects(&r), vec![(9, 13, "weet niet", "not-a-number")]);
    assert_eq!(r.rejected_count, 1);
    assert_eq!(
        r.layout,
        Some(Layout {
            kind: LayoutKind::Table,
            delimiter: Some(Delimiter::Semicolon),
            header: true,
            decimal_comma: false,
        })
    );
    assert_eq!(
        r.column,
        Some(ScoreColumn {
            index: 3,
            name: Some("Hoe waarschijnlijk is het dat u ons zou aanbevelen?".to_string()),
            short_name: None,
            chosen_by: ColumnChoice::Header,
        })
    );
}

#[test]
fn tab_separated_selection_without_header_reads_the_score_column() {
    // Three columns copied from a sheet (name, score, city), no header row.
    // Column 1 is names and column 3 is cities, so the 2nd column is the
    // first whose values are mostly scores.
    // Scores 9 7 10 4 9: promoters 3, passive 1, detractor 1; n = 5;
    // NPS = (3 − 1)/5 = 40 points; 60 % / 20 % / 20 %.
    let text = "Jansen\t9\tUtrecht\n\
                de Vries\t7\tAmsterdam\n\
                Bakker\t10\tDelft\n\
                Visser\t4\tGouda\n\
                Smit\t9\tLeiden\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (5, 3, 1, 1));
    close(r.score, 40.0, 1e-9);
    close(r.promoter_pct, 60.0, 1e-9);
    close(r.passive_pct, 20.0, 1e-9);
    close(r.detractor_pct, 20.0, 1e-9);
    assert_eq!(r.rejected_count, 0);
    assert_eq!(
        r.layout,
        Some(Layout { kind: LayoutKind::Table, delimiter: Some(Delimiter::Tab), header: false, decimal_comma: false })
    );
    assert_eq!(r.column, Some(ScoreColumn { index: 2, name: None, short_name: None, chosen_by: ColumnChoice::Values }));
}

#[test]
fn a_column_with_blanks_and_stray_entries_rejects_each_with_its_place() {
    //  line  text        outcome
    //   1    9           promoter
    //   2    (blank)     skipped
    //   3    10          promoter
    //   4    n.v.t.      not-a-number        (4, 1)
    //   5    8,5         not-a-whole-number  (5, 1) — one comma on a line of
    //                    a one-value-per-line column is a decimal comma
    //   6    7           passive
    //   7    (blank)     skipped
    //   8    11          out-of-range        (8, 1)
    //   9    -1          out-of-range        (9, 1)
    //  10    6           detractor
    //  11    " 0"        detractor (leading space trimmed)
    //  12    "  n.v.t."  not-a-number        (12, 3)
    //  13    9           promoter
    // Promoters 3, passives 1, detractors 2: n = 6;
    // NPS = (3 − 2)/6 = 16.667 points; 50 % / 16.667 % / 33.333 %.
    let text = "9\n\n10\nn.v.t.\n8,5\n7\n\n11\n-1\n6\n 0\n  n.v.t.\n9\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (6, 3, 1, 2));
    close(r.score, 100.0 / 6.0, 1e-9);
    close(r.promoter_pct, 50.0, 1e-9);
    close(r.passive_pct, 100.0 / 6.0, 1e-9);
    close(r.detractor_pct, 200.0 / 6.0, 1e-9);
    assert_eq!(
        rejects(&r),
        vec![
            (4, 1, "n.v.t.", "not-a-number"),
            (5, 1, "8,5", "not-a-whole-number"),
            (8, 1, "11", "out-of-range"),
            (9, 1, "-1", "out-of-range"),
            (12, 3, "n.v.t.", "not-a-number"),
        ]
    );
    assert_eq!(r.rejected_count, 5);
    assert_eq!(r.rejected[0].reason, RejectReason::NotANumber);
    assert_eq!(r.rejected[2].message, "outside the 0–10 scale");
    assert_eq!(r.layout, Some(Layout { kind: LayoutKind::List, delimiter: None, header: false, decimal_comma: true }));
    assert_eq!(r.column, None);
}

#[test]
fn crlf_and_a_byte_order_mark_under_a_header() {
    // The BOM is not counted as a character and "\r" is a separator.
    //   line 1 NPS (header), 2: 10, 3: 9, 4: 8, 5: 3, 6: abc → (6, 1),
    //   7: 9, 8: "é x" → two entries on one line of a list, both rejected:
    //   é at (8, 1) and x at (8, 3) (é is one character though two bytes).
    // Promoters 10 9 9 = 3, passive 8 = 1, detractor 3 = 1: n = 5,
    // NPS = (3 − 1)/5 = 40 points.
    let text = "\u{feff}NPS\r\n10\r\n9\r\n8\r\n3\r\nabc\r\n9\r\né x\r\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (5, 3, 1, 1));
    close(r.score, 40.0, 1e-9);
    assert_eq!(
        rejects(&r),
        vec![(6, 1, "abc", "not-a-number"), (8, 1, "é", "not-a-number"), (8, 3, "x", "not-a-number")]
    );
    assert_eq!(r.layout, Some(Layout { kind: LayoutKind::List, delimiter: None, header: true, decimal_comma: true }));
    assert_eq!(r.column.as_ref().and_then(|c| c.name.as_deref()), Some("NPS"));
}

#[test]
fn excel_csv_utf8_export_with_bom_and_crlf() {
    // "CSV UTF-8" from Excel starts with a BOM; the header names the column
    // "Cijfer" (a score word), in 2nd place. The BOM is not part of the
    // first header cell and is not counted in columns.
    //   line 2: 10 promoter, line 3: 2 detractor, line 4: "ü" → not a number,
    //   starting after "Müller;" (7 characters) at column 8, line 5: 7 passive.
    // n = 3: NPS = (1 − 1)/3 = 0; 33.333 % each.
    let text = "\u{feff}Naam;Cijfer\r\nJansen;10\r\nÖzil;2\r\nMüller;ü\r\nDe Wit;7\r\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (3, 1, 1, 1));
    close(r.score, 0.0, 1e-12);
    close(r.promoter_pct, 100.0 / 3.0, 1e-9);
    assert_eq!(rejects(&r), vec![(4, 8, "ü", "not-a-number")]);
    assert_eq!(
        r.layout,
        Some(Layout {
            kind: LayoutKind::Table,
            delimiter: Some(Delimiter::Semicolon),
            header: true,
            decimal_comma: false,
        })
    );
    assert_eq!(
        r.column,
        Some(ScoreColumn { index: 2, name: Some("Cijfer".to_string()), short_name: None, chosen_by: ColumnChoice::Header })
    );
}

#[test]
fn a_table_row_that_stops_before_the_score_column_is_a_missing_value() {
    // 6 of the 7 rows have two cells, enough to read a table. Row 3 has only
    // the name: missing-value at the row's start (3, 1), shown by its first
    // cell. Scores 9 6 10 8 3: promoters 2, passive 1, detractors 2;
    // n = 5, NPS = (2 − 2)/5 = 0.
    let text = "Naam;Aanbeveling\nAnna;9\nBram\nCees;6\nDaan;10\nEva;8\nFenna;3\n";
    let r = analyze_nps(text, IntervalOptions::default());
    assert_eq!(r.layout.map(|l| (l.kind, l.delimiter)), Some((LayoutKind::Table, Some(Delimiter::Semicolon))));
    assert_eq!(r.column.as_ref().map(|c| (c.index, c.chosen_by)), Some((2, ColumnChoice::Header)));
    assert_eq!((r.respondents, r.promoters, r.passives, r.detractors), (5, 2, 1, 2));
    close(r.score, 0.0, 1e-12);
    assert_eq!(rejects(&r), vec![(3, 1, "Bram", "missing-value")]);
}

#[test]
fn wald_interval_for_100_promoters_30_passives_80_detractors() {
    // n = 210, p = 100/210 = 0.476190, d = 80/210 = 0.380952,
    // NPS = 20/210 = 9.523810 points.
    // var = (p + d − (p − d)²)/n = (0.857143 − 0.00907029)/210 = 0.00403844,
    // se = 0.0635487; z(95 %) = 1.959964; half-width = 0.124553 = 12.4553 points
    // → [−2.9315, 21.9791].
    let r = NpsReport::from_counts(NpsCounts::new(100, 30, 80), wald(0.95));
    close(r.score, 9.523_809_5, 1e-6);
    close(r.margin_of_error, 12.4553, 1e-3);
    let i = r.interval.unwrap();
    assert_eq!(i.method, IntervalMethod::Wald);
    assert_eq!(i.level, 0.95);
    assert!((i.low - -2.9315).abs() < 1e-3, "{}", i.low);
    assert!((i.high - 21.9791).abs() < 1e-3, "{}", i.high);
}

#[test]
fn adjusted_wald_interval_for_100_promoters_30_passives_80_detractors() {
    // Add 0.75 promoter, 1.5 passive, 0.75 detractor:
    // 100.75 / 31.5 / 80.75, n' = 213.
    // p' = 100.75/213 = 0.4730047, d' = 80.75/213 = 0.3791080,
    // centre = 20/213 = 0.0938967 (9.38967 points).
    // var = (p' + d' − (p' − d')²)/n' = (0.8521127 − 0.0088166)/213
    //     = 0.8432961/213 = 0.00395914, se = 0.0629217;
    // half-width = 1.959964 × 0.0629217 = 0.123324 = 12.3324 points
    // → [9.38967 − 12.3324, 9.38967 + 12.3324] = [−2.9427, 21.7221].
    // The reported score stays the raw 9.5238.
    let r = NpsReport::from_counts(NpsCounts::new(100, 30, 80), IntervalOptions::default());
    close(r.score, 9.523_809_5, 1e-6);
    close(r.margin_of_error, 12.3324, 1e-3);
    let i = r.interval.unwrap();
    assert_eq!(i.method, IntervalMethod::AdjustedWald);
    assert!((i.low - -2.9427).abs() < 1e-3, "{}", i.low);
    assert!((i.high - 21.7221).abs() < 1e-3, "{}", i.high);
}

#[test]
fn the_same_answers_as_a_paste_and_as_counts_agree() {
    // 100 × "10", 30 × "8", 80 × "2" pasted one per line gives the counts above.
    let text = "10\n".repeat(100) + &"8\n".repeat(30) + &"2\n".repeat(80);
    let pasted = analyze_nps(&text, wald(0.95));
    let counted = NpsReport::from_counts(NpsCounts::new(100, 30, 80), wald(0.95));
    assert_eq!(pasted.counts(), counted.counts());
    assert_eq!(pasted.score, counted.score);
    assert_eq!(pasted.interval, counted.interval);
    assert_eq!(pasted.margin_of_error, counted.margin_of_error);
}

#[test]
fn a_no_break_space_line_above_the_header_is_blank() {
    // Spreadsheets export empty-looking cells as U+00A0. Line 1 holds only
    // that; line 2 is the header "Score", reported as skipped (header: true,
    // column name "Score"). Expected: 9 and 10 counted, nothing rejected.
    let r = analyze_nps("\u{a0}\nScore\n9\n10\n", IntervalOptions::default());
    assert_eq!(r.layout.map(|l| l.header), Some(true));
    assert_eq!(r.respondents, 2);
    assert_eq!(rejects(&r), vec![]);
}
