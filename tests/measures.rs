//! The Secure Customer Index, the Customer Loyalty Index, Likert and CSAT
//! summaries, retention and customer lifetime value: cases worked out by hand
//! (never from the crate's own output) and properties that hold for every input.

use loyalty_score::likert::{analyze_likert, LikertReport, LIKERT_SCALES};
use loyalty_score::retention::{customer_lifetime_value, retention, LifetimeValue, LifetimeValueInput};
use loyalty_score::sci::{analyze_sci, SciReport, SCI_SCALES};
use loyalty_score::{ConfidenceLevel, Delimiter, RejectReason, Scale};
use proptest::prelude::*;

const L95: ConfidenceLevel = ConfidenceLevel::DEFAULT;
const TEN: Scale = Scale::ZERO_TO_TEN;
const FIVE: Scale = Scale { min: 1, max: 5 };
const SEVEN: Scale = Scale { min: 1, max: 7 };

/// Φ⁻¹(0.975), the published two-sided 95 % normal critical value.
const Z95: f64 = 1.959_963_984_540_054;

fn close(actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.expect("a value");
    assert!((actual - expected).abs() <= tolerance, "expected {expected}, got {actual}");
}

fn sci(text: &str, scale: Scale) -> SciReport {
    analyze_sci(text.as_bytes(), scale, L95)
}

fn likert(text: &str, scale: Scale) -> LikertReport {
    analyze_likert(text.as_bytes(), scale, L95)
}

fn groups(r: &SciReport) -> (u64, u64, u64, u64) {
    (r.respondents, r.secure, r.favorable, r.at_risk)
}

fn rejects<'a>(rejected: &'a [loyalty_score::Rejected]) -> Vec<(u64, u64, &'a str, RejectReason)> {
    rejected.iter().map(|r| (r.line, r.column, r.text.as_str(), r.reason)).collect()
}

/// Wilson's score interval in percent, straight from Wilson (1927):
/// (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
fn wilson_pct(k: u64, n: u64, z: f64) -> (f64, f64) {
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    (100.0 * (centre - half).max(0.0), 100.0 * (centre + half).min(1.0))
}

// ---------------------------------------------------------------------------
// 1. Secure Customer Index and Customer Loyalty Index, by hand
// ---------------------------------------------------------------------------

#[test]
fn sci_on_zero_to_ten_by_hand() {
    // Thresholds (module table): secure 9–10 on all three, favorable 7–10 on all three.
    //   line 2: 10 10  9 → secure
    //   line 3:  9  9  9 → secure
    //   line 4:  9  8  8 → favorable (8 < 9, all ≥ 7)
    //   line 5:  7  7  7 → favorable
    //   line 6: 10  9  6 → at risk (6 < 7)
    //   line 7:  8 10 10 → favorable
    //   line 8:  5  3  2 → at risk
    //   line 9:  9  7  8 → favorable
    // n = 8: secure 2 → SCI 2/8 = 25 %; favorable 4/8 = 50 %; at risk 2/8 = 25 %.
    // Top two boxes (9–10) per question:
    //   satisfaction 10 9 9 10 9 (lines 2 3 4 6 9) → 5/8 = 62.5 %
    //   repurchase   10 9 9 10   (lines 2 3 6 7)   → 4/8 = 50 %
    //   recommend     9 9 10     (lines 2 3 7)     → 3/8 = 37.5 %
    // CLI: row sums 29 27 25 21 25 28 10 24 = 189; mean answer (x − 0)/10 rescaled:
    //   189 / (3 × 8 × 10) = 0.7875 → 78.75.
    let text = "Overall satisfaction\tLikelihood to buy again\tLikelihood to recommend\n\
                10\t10\t9\n9\t9\t9\n9\t8\t8\n7\t7\t7\n10\t9\t6\n8\t10\t10\n5\t3\t2\n9\t7\t8\n";
    let r = sci(text, TEN);
    assert_eq!((r.scale.min, r.scale.max), (0, 10));
    assert_eq!(groups(&r), (8, 2, 4, 2));
    close(r.index, 25.0, 1e-12);
    close(r.secure_pct, 25.0, 1e-12);
    close(r.favorable_pct, 50.0, 1e-12);
    close(r.at_risk_pct, 25.0, 1e-12);
    close(r.per_question.satisfaction, 62.5, 1e-12);
    close(r.per_question.repurchase, 50.0, 1e-12);
    close(r.per_question.recommend, 37.5, 1e-12);
    close(r.cli, 78.75, 1e-9);
    assert_eq!(r.at_risk_lines, vec![6, 8]);
    assert_eq!((r.rejected_count, r.rejected.len()), (0, 0));
    assert_eq!(r.columns.chosen_by, "header");
    assert_eq!(r.columns.delimiter, Some(Delimiter::Tab));
    assert!(r.columns.header);
    // Wilson, 2 of 8 at 95 %: p̂ = 0.25, z = 1.959964, z² = 3.841459;
    //   z²/n = 0.480182 → 1 + z²/n = 1.480182; z²/2n = 0.240091;
    //   centre = (0.25 + 0.240091)/1.480182 = 0.331102;
    //   half = 1.959964/1.480182 × sqrt(0.25 × 0.75/8 + 3.841459/256)
    //        = 1.324148 × sqrt(0.0234375 + 0.0150057) = 1.324148 × 0.196069 = 0.259623
    //   → [7.1479, 59.0725] %.
    let i = r.interval.expect("an interval");
    assert_eq!((i.method, i.level), ("wilson", 0.95));
    assert!((i.low - 7.1479).abs() < 1e-4 && (i.high - 59.0725).abs() < 1e-4, "{i:?}");
}

#[test]
fn sci_interval_at_ninety_percent_by_hand() {
    // 2 secure of 8: lines 1–2 secure; 3, 4, 7 favorable; 5 (6), 6 (2) and 8 (0) at risk.
    // z(0.95 one-sided) = 1.644854, z² = 2.705543; z²/n = 0.338193 → 1.338193;
    //   centre = (0.25 + 0.169096)/1.338193 = 0.313181;
    //   half = 1.644854/1.338193 × sqrt(0.0234375 + 2.705543/256)
    //        = 1.229160 × sqrt(0.0234375 + 0.0105685) = 1.229160 × 0.184407 = 0.226666
    //   → [8.6515, 53.9847] %.
    let text = "9 9 9\n10 10 10\n8 8 8\n7 9 9\n6 9 9\n9 9 2\n7 7 7\n0 0 0\n";
    let r = analyze_sci(text.as_bytes(), TEN, ConfidenceLevel::new(0.9).unwrap());
    assert_eq!(groups(&r), (8, 2, 3, 3));
    let i = r.interval.unwrap();
    assert_eq!(i.level, 0.9);
    assert!((i.low - 8.6515).abs() < 1e-4 && (i.high - 53.9847).abs() < 1e-4, "{i:?}");
    assert_eq!(r.at_risk_lines, vec![5, 6, 8]);
}

#[test]
fn sci_on_one_to_five_by_hand() {
    // Thresholds: secure 4–5 on all three, favorable 3–5 on all three.
    //   line 2: 5 5 4 → secure
    //   line 3: 4 4 4 → secure
    //   line 4: 5 3 3 → favorable
    //   line 5: 3 3 3 → favorable
    //   line 6: 2 5 3 → at risk (2)
    //   line 7: 4 2 1 → at risk
    // n = 6: each group 2/6 = 33.333 %.
    // Top two (4–5): satisfaction 5 4 5 4 → 4/6 = 66.667 %; repurchase 5 4 5 → 3/6 = 50 %;
    //   recommend 4 4 → 2/6 = 33.333 %.
    // CLI: rescaled (x − 1)/4; Σ(x − 1) per row = 11 9 8 6 7 4 = 45;
    //   45 / (3 × 4 × 6) = 45/72 = 0.625 → 62.5.
    let text = "Hoe tevreden bent u?;Zou u opnieuw kopen?;Zou u ons aanbevelen?\n\
                5;5;4\n4;4;4\n5;3;3\n3;3;3\n2;5;3\n4;2;1\n";
    let r = sci(text, FIVE);
    assert_eq!((r.scale.min, r.scale.max), (1, 5));
    assert_eq!(groups(&r), (6, 2, 2, 2));
    close(r.index, 100.0 / 3.0, 1e-9);
    close(r.favorable_pct, 100.0 / 3.0, 1e-9);
    close(r.at_risk_pct, 100.0 / 3.0, 1e-9);
    close(r.per_question.satisfaction, 200.0 / 3.0, 1e-9);
    close(r.per_question.repurchase, 50.0, 1e-9);
    close(r.per_question.recommend, 100.0 / 3.0, 1e-9);
    close(r.cli, 62.5, 1e-9);
    assert_eq!(r.at_risk_lines, vec![6, 7]);
    assert_eq!(r.columns.delimiter, Some(Delimiter::Semicolon));
    // Wilson, 2 of 6: z²/n = 0.640243 → 1.640243; z²/2n = 0.320122;
    //   centre = (0.333333 + 0.320122)/1.640243 = 0.398389;
    //   half = 1.959964/1.640243 × sqrt(0.037037 + 3.841459/144)
    //        = 1.194923 × sqrt(0.037037 + 0.026677) = 1.194923 × 0.252416 = 0.301618
    //   → [9.6771, 70.0007] %.
    let i = r.interval.unwrap();
    assert!((i.low - 9.6771).abs() < 1e-4 && (i.high - 70.0007).abs() < 1e-4, "{i:?}");
}

#[test]
fn sci_on_one_to_seven_by_hand() {
    // Headerless comma rows. Thresholds: secure 6–7, favorable 5–7.
    //   line 1: 7 7 6 → secure
    //   line 2: 6 5 5 → favorable
    //   line 3: 5 5 5 → favorable
    //   line 4: 7 6 4 → at risk (4)
    //   line 5: 1 2 3 → at risk
    // n = 5: secure 1/5 = 20 %, favorable 40 %, at risk 40 %.
    // Top two (6–7): satisfaction 7 6 7 → 60 %; repurchase 7 6 → 40 %; recommend 6 → 20 %.
    // CLI: rescaled (x − 1)/6; Σ(x − 1) per row = 17 13 12 14 3 = 59;
    //   59 / (3 × 6 × 5) = 59/90 = 0.655556 → 65.5556.
    let r = sci("7,7,6\n6,5,5\n5,5,5\n7,6,4\n1,2,3\n", SEVEN);
    assert_eq!((r.scale.min, r.scale.max), (1, 7));
    assert_eq!(groups(&r), (5, 1, 2, 2));
    close(r.index, 20.0, 1e-12);
    close(r.favorable_pct, 40.0, 1e-12);
    close(r.at_risk_pct, 40.0, 1e-12);
    close(r.per_question.satisfaction, 60.0, 1e-12);
    close(r.per_question.repurchase, 40.0, 1e-12);
    close(r.per_question.recommend, 20.0, 1e-12);
    close(r.cli, 5900.0 / 90.0, 1e-9);
    assert_eq!(r.at_risk_lines, vec![4, 5]);
    assert_eq!(r.columns.chosen_by, "order");
    assert_eq!(r.columns.delimiter, Some(Delimiter::Comma));
    assert!(!r.columns.header);
    // Wilson, 1 of 5: z²/n = 0.768292 → 1.768292; z²/2n = 0.384146;
    //   centre = (0.2 + 0.384146)/1.768292 = 0.330345;
    //   half = 1.959964/1.768292 × sqrt(0.032 + 3.841459/100)
    //        = 1.108394 × sqrt(0.032 + 0.038415) = 1.108394 × 0.265358 = 0.294121
    //   → [3.6224, 62.4465] %.
    let i = r.interval.unwrap();
    assert!((i.low - 3.6224).abs() < 1e-4 && (i.high - 62.4465).abs() < 1e-4, "{i:?}");
}

#[test]
fn sci_thresholds_follow_the_module_table_at_their_edges() {
    // (scale, lowest secure, lowest favorable), from the table in the module doc.
    for (scale, s, f) in [(TEN, 9u8, 7u8), (SEVEN, 6, 5), (FIVE, 4, 3)] {
        let (max, min) = (scale.max, scale.min);
        // Each row is on its own line; the expected group is in the last field.
        let rows = [
            ([s, s, s], "secure"),
            ([max, max, max], "secure"),
            ([s, s, f], "favorable"),
            ([f, max, s], "favorable"),
            ([f, f, f], "favorable"),
            ([f - 1, max, max], "at risk"),
            ([max, f - 1, max], "at risk"),
            ([max, max, f - 1], "at risk"),
            ([min, min, min], "at risk"),
        ];
        let text: String = rows.iter().map(|(v, _)| format!("{}\t{}\t{}\n", v[0], v[1], v[2])).collect();
        let r = sci(&text, scale);
        assert_eq!(groups(&r), (9, 2, 3, 4), "{scale:?}");
        assert_eq!(r.at_risk_lines, vec![6, 7, 8, 9], "{scale:?}");
        // Top two per question (of 9): satisfaction rows 1 2 3 7 8 → 5;
        //   repurchase rows 1 2 3 4 6 8 → 6; recommend rows 1 2 4 6 7 → 5.
        close(r.per_question.satisfaction, 500.0 / 9.0, 1e-9);
        close(r.per_question.repurchase, 600.0 / 9.0, 1e-9);
        close(r.per_question.recommend, 500.0 / 9.0, 1e-9);
    }
}

#[test]
fn sci_cli_is_zero_and_hundred_at_the_ends_of_every_scale() {
    for scale in SCI_SCALES {
        let bottom = format!("{0} {0} {0}\n{0} {0} {0}\n", scale.min);
        let top = format!("{0} {0} {0}\n{0} {0} {0}\n", scale.max);
        let r = sci(&bottom, scale);
        close(r.cli, 0.0, 1e-12);
        assert_eq!((r.index, r.at_risk), (Some(0.0), 2));
        let r = sci(&top, scale);
        close(r.cli, 100.0, 1e-12);
        assert_eq!((r.index, r.secure), (Some(100.0), 2));
    }
}

#[test]
fn sci_keeps_the_first_hundred_at_risk_lines_and_counts_all() {
    // 150 at-risk rows after one secure row: lines 2..=151 are at risk, 2..=101 kept.
    let text = String::from("10 10 10\n") + &"3 3 3\n".repeat(150);
    let r = sci(&text, TEN);
    assert_eq!(groups(&r), (151, 1, 0, 150));
    assert_eq!(r.at_risk_lines, (2..=101).collect::<Vec<u64>>());
}

#[test]
fn sci_with_nothing_pasted_has_no_figures() {
    for text in ["", "\n\n", "Overall satisfaction,Repurchase,Likelihood to recommend\n"] {
        let r = sci(text, TEN);
        assert_eq!(groups(&r), (0, 0, 0, 0), "{text:?}");
        assert_eq!((r.index, r.interval, r.cli, r.secure_pct), (None, None, None, None));
        assert_eq!(r.per_question.satisfaction, None);
        assert!(r.at_risk_lines.is_empty());
    }
}

#[test]
fn sci_index_of_zero_or_hundred_lies_inside_its_interval() {
    // 13 respondents all secure: index 100 %; Wilson high = (1 + z²/2n + z²/2n)/(1 + z²/n) = 1
    // exactly, but the code computes 0.9999999999999999 → high 99.99999999999999 < 100.
    let r = sci(&"10 10 10\n".repeat(13), TEN);
    let i = r.interval.unwrap();
    assert!(r.index.unwrap() <= i.high, "index {:?} above {:?}", r.index, i);
    // 10 respondents, none secure: index 0 %; Wilson low = 0 exactly, computed 2.8e-15 %.
    let r = sci(&"1 1 1\n".repeat(10), TEN);
    let i = r.interval.unwrap();
    assert!(i.low <= r.index.unwrap(), "index {:?} below {:?}", r.index, i);
}

// ---------------------------------------------------------------------------
// 2. Headers in English and Dutch, in every order, with every delimiter
// ---------------------------------------------------------------------------

/// Every order of three columns: `p[q]` is the 0-based column of question q
/// (0 satisfaction, 1 repurchase, 2 recommend).
fn permutations() -> Vec<[usize; 3]> {
    let mut all = Vec::new();
    for a in 0..3 {
        for b in 0..3 {
            for c in 0..3 {
                if a != b && b != c && a != c {
                    all.push([a, b, c]);
                }
            }
        }
    }
    all
}

/// Header names of (satisfaction, repurchase, recommend).
const HEADERS: [[&str; 3]; 4] = [
    ["Overall satisfaction", "Likelihood to buy again", "Likelihood to recommend"],
    ["Overall satisfaction", "Repurchase", "Likelihood to recommend"],
    ["Hoe tevreden bent u?", "Zou u opnieuw kopen?", "Zou u ons aanbevelen?"],
    ["Hoe tevreden bent u?", "Herhaalaankoop", "Aanbeveling"],
];

/// Answers as (satisfaction, repurchase, recommend) on 0–10, each question
/// with its own pattern so that reading one column as another changes the report:
///   10 10 10 → secure; 9 9 8 → favorable; 9 8 3 → at risk; 10 4 7 → at risk.
/// Top two boxes: satisfaction 4/4 = 100 %, repurchase 2/4 = 50 %, recommend 1/4 = 25 %.
/// CLI: sums 30 26 20 21 = 97 → 97/120 = 80.8333 %.
const ANSWERS: [[u8; 3]; 4] = [[10, 10, 10], [9, 9, 8], [9, 8, 3], [10, 4, 7]];

fn place<T: Clone + Default>(values: [T; 3], p: [usize; 3]) -> Vec<T> {
    let mut row = vec![T::default(); 3];
    for q in 0..3 {
        row[p[q]] = values[q].clone();
    }
    row
}

fn check_answers_read_right(r: &SciReport, what: &str) {
    assert_eq!(groups(r), (4, 1, 1, 2), "{what}");
    close(r.per_question.satisfaction, 100.0, 1e-12);
    close(r.per_question.repurchase, 50.0, 1e-12);
    close(r.per_question.recommend, 25.0, 1e-12);
    close(r.cli, 9700.0 / 120.0, 1e-9);
    assert_eq!(r.rejected_count, 0, "{what}: {:?}", r.rejected);
}

#[test]
fn sci_headers_in_english_and_dutch_in_all_six_orders_and_three_delimiters() {
    let delimiters = [("\t", Delimiter::Tab), (",", Delimiter::Comma), (";", Delimiter::Semicolon)];
    let mut cases = 0;
    for names in HEADERS {
        for p in permutations() {
            for (sep, delimiter) in delimiters {
                let mut text = place(names.map(String::from), p).join(sep) + "\n";
                for answers in ANSWERS {
                    text += &(place(answers.map(|v| v.to_string()), p).join(sep) + "\n");
                }
                let r = sci(&text, TEN);
                let what = format!("{text:?}");
                assert_eq!(r.columns.chosen_by, "header", "{what}");
                assert!(r.columns.header, "{what}");
                assert_eq!(r.columns.delimiter, Some(delimiter), "{what}");
                let columns = [&r.columns.satisfaction, &r.columns.repurchase, &r.columns.recommend];
                for q in 0..3 {
                    assert_eq!(columns[q].index as usize, p[q] + 1, "question {q} in {what}");
                    assert_eq!(columns[q].name.as_deref(), Some(names[q]), "question {q} in {what}");
                }
                check_answers_read_right(&r, &what);
                // Lines 4 and 5 are at risk whatever the column order.
                assert_eq!(r.at_risk_lines, vec![4, 5], "{what}");
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 4 * 6 * 3);
}

#[test]
fn sci_rows_without_a_header_are_read_in_question_order() {
    for (sep, delimiter) in [("\t", Some(Delimiter::Tab)), (",", Some(Delimiter::Comma)), (";", Some(Delimiter::Semicolon)), (" ", None)] {
        let text: String = ANSWERS.iter().map(|a| a.map(|v| v.to_string()).join(sep) + "\n").collect();
        let r = sci(&text, TEN);
        let what = format!("{text:?}");
        assert_eq!(r.columns.chosen_by, "order", "{what}");
        assert!(!r.columns.header, "{what}");
        assert_eq!(r.columns.delimiter, delimiter, "{what}");
        assert_eq!(
            (r.columns.satisfaction.index, r.columns.repurchase.index, r.columns.recommend.index),
            (1, 2, 3),
            "{what}"
        );
        assert_eq!(r.columns.satisfaction.name, None);
        check_answers_read_right(&r, &what);
        // No header: the at-risk rows are lines 3 and 4.
        assert_eq!(r.at_risk_lines, vec![3, 4], "{what}");
    }
}

#[test]
fn sci_header_that_names_no_question_falls_back_to_order() {
    // A header is skipped, but it names none of the questions: columns from the left.
    let text = "A;B;C\n10;10;10\n9;9;8\n9;8;3\n10;4;7\n";
    let r = sci(text, TEN);
    assert!(r.columns.header);
    assert_eq!(r.columns.chosen_by, "order");
    assert_eq!(r.columns.repurchase.name.as_deref(), Some("B"));
    check_answers_read_right(&r, text);
}

#[test]
fn sci_extra_columns_around_the_named_ones_are_ignored() {
    // Column 1 an id, column 3 a comment, questions in columns 5, 2 and 4.
    // Reading order: id, recommend, comment, repurchase, satisfaction.
    let text = "id,Likelihood to recommend,comment,Herhaalaankoop,Overall satisfaction\n\
                1,10,great,10,10\n2,8,ok,9,9\n3,3,meh,8,9\n4,7,,4,10\n";
    let r = sci(text, TEN);
    assert_eq!(r.columns.chosen_by, "header");
    assert_eq!((r.columns.satisfaction.index, r.columns.repurchase.index, r.columns.recommend.index), (5, 4, 2));
    check_answers_read_right(&r, text);
}

#[test]
fn sci_header_after_a_no_break_space_line_is_still_the_header() {
    // Line 1 is blank to the reader (U+00A0 is trimmed like white space) and is skipped,
    // but the layout takes it as the first row, so the header on line 2 is read as
    // answers and rejected: ("satisfaction", line 2, column 1, not-a-number).
    let r = sci("\u{a0}\nsatisfaction repurchase recommend\n9 9 9\n", TEN);
    assert_eq!(r.respondents, 1);
    assert!(r.columns.header, "{:?}", r.columns);
    assert_eq!(r.rejected_count, 0, "{:?}", r.rejected);
}

// ---------------------------------------------------------------------------
// 3. Rows with a missing or invalid answer
// ---------------------------------------------------------------------------

#[test]
fn sci_rows_with_a_missing_or_invalid_answer_are_rejected_where_the_problem_is() {
    //   line  1: header
    //   line  2: 10,9,9   secure
    //   line  3: 9,,9     repurchase empty → missing value at column 3 (where the empty cell starts)
    //   line  4: 8,8,11   recommend 11 → out of range at column 5
    //   line  5: 9,10,10  secure
    //   line  6: 7.5,8,8  satisfaction 7.5 → not a whole number at column 1
    //   line  7: 9,9      no recommend column → missing value at the row start, with its first cell
    //   line  8: abc,9,x  two problems: only the first in reading order, "abc" at column 1
    //   line  9: 6,7,7    at risk
    //   line 10: 9,9,-1   → out of range at column 5
    //   line 11: (blank, skipped)
    //   line 12: 8,7,9    favorable
    // Counted: lines 2, 5, 9, 12 → n = 4; secure 2, favorable 1, at risk 1 (line 9).
    // CLI: sums 28 29 20 24 = 101 → 101/120 = 84.1667 %.
    let text = "Overall satisfaction,Repurchase,Likelihood to recommend\n\
                10,9,9\n9,,9\n8,8,11\n9,10,10\n7.5,8,8\n9,9\nabc,9,x\n6,7,7\n9,9,-1\n\n8,7,9\n";
    let r = sci(text, TEN);
    assert_eq!(groups(&r), (4, 2, 1, 1));
    assert_eq!(r.at_risk_lines, vec![9]);
    close(r.cli, 10100.0 / 120.0, 1e-9);
    close(r.index, 50.0, 1e-12);
    use RejectReason::*;
    assert_eq!(
        rejects(&r.rejected),
        vec![
            (3, 3, "", MissingValue),
            (4, 5, "11", OutOfRange),
            (6, 1, "7.5", NotWholeNumber),
            (7, 1, "9", MissingValue),
            (8, 1, "abc", NotANumber),
            (10, 5, "-1", OutOfRange),
        ]
    );
    assert_eq!(r.rejected_count, 6);
    assert_eq!(r.rejected[1].message, "outside the 0–10 scale");
    assert_eq!(r.rejected[0].reason.code(), "missing-value");
}

#[test]
fn sci_rejects_point_at_the_column_in_the_text_when_the_header_reorders_them() {
    // Columns: recommend (1), satisfaction (2), repurchase (3).
    //   line 2: 9;10;x   → repurchase "x" at column 6 ("9;10;" is 5 characters)
    //   line 3: foo;bar;9 → recommend "foo" at column 1 comes first in reading order
    //   line 4: 10;10;10 → secure
    //   line 5: 4;10;10  → at risk (recommend 4)
    //   line 6: 9;0;9    → at risk (satisfaction 0)
    let text = "Aanbeveling;Hoe tevreden bent u?;Herhaalaankoop\n9;10;x\nfoo;bar;9\n10;10;10\n4;10;10\n9;0;9\n";
    let r = sci(text, TEN);
    assert_eq!(groups(&r), (3, 1, 0, 2));
    assert_eq!(r.at_risk_lines, vec![5, 6]);
    // Top two: satisfaction 10 10 → 2/3; repurchase 10 10 9 → 3/3; recommend 10 9 → 2/3.
    close(r.per_question.repurchase, 100.0, 1e-12);
    close(r.per_question.satisfaction, 200.0 / 3.0, 1e-9);
    assert_eq!(rejects(&r.rejected), vec![(2, 6, "x", RejectReason::NotANumber), (3, 1, "foo", RejectReason::NotANumber)]);
}

#[test]
fn sci_answers_off_a_short_scale_are_rejected_with_that_scale() {
    // 1–5: 0 and 6 are off the scale; 1–7: 8 is.
    let r = sci("5\t5\t5\n0\t4\t4\n4\t6\t4\n4\t4\t4\n", FIVE);
    assert_eq!(groups(&r), (2, 2, 0, 0));
    assert_eq!(rejects(&r.rejected), vec![(2, 1, "0", RejectReason::OutOfRange), (3, 3, "6", RejectReason::OutOfRange)]);
    assert_eq!(r.rejected[0].message, "outside the 1–5 scale");
    let r = sci("7 7 7\n7 7 8\n5 6 7\n", SEVEN);
    assert_eq!(groups(&r), (2, 1, 1, 0));
    assert_eq!(rejects(&r.rejected), vec![(2, 5, "8", RejectReason::OutOfRange)]);
    assert_eq!(r.rejected[0].message, "outside the 1–7 scale");
}

// ---------------------------------------------------------------------------
// 4. Likert and CSAT, by hand
// ---------------------------------------------------------------------------

#[test]
fn likert_one_to_five_odd_count_with_the_interval_clamped_to_the_scale() {
    // Answers 5 4 4 2 1 (n = 5): sum 16 → mean 3.2.
    // Deviations 1.8 0.8 0.8 −1.2 −2.2; squares 3.24 + 0.64 + 0.64 + 1.44 + 4.84 = 10.8;
    //   sd = sqrt(10.8/4) = sqrt(2.7) = 1.643168.
    // Sorted 1 2 4 4 5 → median 4 (the third).
    // Top box (5) 1/5 = 20 %; top two (4, 5) 3/5 = 60 %; bottom two (1, 2) 2/5 = 40 %.
    // t(0.975, 4) = 2.776445: half = 2.776445 × 1.643168/√5 = 2.776445 × 0.734847 = 2.040262
    //   → [1.159738, 5.240262], the high end clamped to the scale's 5.
    let r = likert("5\n4\n4\n2\n1\n", FIVE);
    assert_eq!(r.respondents, 5);
    assert_eq!(r.histogram, vec![1, 1, 0, 2, 1]);
    close(r.mean, 3.2, 1e-12);
    close(r.sd, 2.7f64.sqrt(), 1e-12);
    close(r.median, 4.0, 0.0);
    close(r.top_box_pct, 20.0, 1e-12);
    close(r.top_two_box_pct, 60.0, 1e-12);
    close(r.bottom_two_box_pct, 40.0, 1e-12);
    let i = r.mean_interval.unwrap();
    assert_eq!((i.method, i.level), ("t", 0.95));
    assert!((i.low - 1.159_738).abs() < 1e-5, "{i:?}");
    assert_eq!(i.high, 5.0);
    // Wilson, 3 of 5: z²/n = 0.768292 → 1.768292; centre = (0.6 + 0.384146)/1.768292 = 0.556552;
    //   half = 1.108394 × sqrt(0.048 + 0.038415) = 1.108394 × 0.293965 = 0.325827
    //   → [23.0724, 88.2379] %.
    let w = r.top_two_box_interval.unwrap();
    assert_eq!(w.method, "wilson");
    assert!((w.low - 23.0724).abs() < 1e-4 && (w.high - 88.2379).abs() < 1e-4, "{w:?}");
}

#[test]
fn csat_one_to_five_even_count_from_a_table_column() {
    // The satisfaction column (2nd) of a semicolon table: 3 5 4 2 4 3 (n = 6).
    // Sum 21 → mean 3.5; deviations −0.5 1.5 0.5 −1.5 0.5 −0.5; squares
    //   0.25 + 2.25 + 0.25 + 2.25 + 0.25 + 0.25 = 5.5 → sd = sqrt(5.5/5) = sqrt(1.1) = 1.048809.
    // Sorted 2 3 3 4 4 5 → median (3 + 4)/2 = 3.5.
    // Top box 1/6 = 16.667 %; CSAT (4, 5) 3/6 = 50 %; bottom two (1, 2) 1/6 = 16.667 %.
    // t(0.975, 5) = 2.570582: half = 2.570582 × 1.048809/√6 = 2.570582 × 0.428174 = 1.100657
    //   → [2.399343, 4.600657].
    let text = "klant;Hoe tevreden bent u?\nA;3\nB;5\nC;4\nD;2\nE;4\nF;3\n";
    let r = likert(text, FIVE);
    assert_eq!(r.column.as_ref().map(|c| (c.index, c.name.as_deref())), Some((2, Some("Hoe tevreden bent u?"))));
    assert_eq!(r.histogram, vec![0, 1, 2, 2, 1]);
    close(r.mean, 3.5, 1e-12);
    close(r.sd, 1.1f64.sqrt(), 1e-12);
    close(r.median, 3.5, 0.0);
    close(r.top_box_pct, 100.0 / 6.0, 1e-9);
    close(r.top_two_box_pct, 50.0, 1e-12);
    close(r.bottom_two_box_pct, 100.0 / 6.0, 1e-9);
    let i = r.mean_interval.unwrap();
    assert!((i.low - 2.399_343).abs() < 1e-5 && (i.high - 4.600_657).abs() < 1e-5, "{i:?}");
    // Wilson, 3 of 6: p̂ = 0.5 so centre = 0.5; z²/n = 0.640243 → 1.640243;
    //   half = 1.194923 × sqrt(0.041667 + 0.026677) = 1.194923 × 0.261427 = 0.312384
    //   → [18.7616, 81.2384] %.
    let w = r.top_two_box_interval.unwrap();
    assert!((w.low - 18.7616).abs() < 1e-4 && (w.high - 81.2384).abs() < 1e-4, "{w:?}");
}

#[test]
fn likert_one_to_seven_even_count() {
    // 7 6 6 5 4 4 3 7 2 1 (n = 10): sum 45 → mean 4.5.
    // Squared deviations 6.25 2.25 2.25 0.25 0.25 0.25 2.25 6.25 6.25 12.25 = 38.5
    //   → sd = sqrt(38.5/9) = sqrt(4.277778) = 2.068279.
    // Sorted 1 2 3 4 4 5 6 6 7 7 → median (4 + 5)/2 = 4.5.
    // Top box (7) 2/10 = 20 %; top two (6, 7) 4/10 = 40 %; bottom two (1, 2) 2/10 = 20 %.
    // t(0.975, 9) = 2.262157: half = 2.262157 × 2.068279/√10 = 2.262157 × 0.654047 = 1.479558
    //   → [3.020442, 5.979558].
    let r = likert("7 6 6 5 4 4 3 7 2 1", SEVEN);
    assert_eq!(r.histogram, vec![1, 1, 1, 2, 1, 2, 2]);
    close(r.mean, 4.5, 1e-12);
    close(r.sd, (38.5f64 / 9.0).sqrt(), 1e-12);
    close(r.median, 4.5, 0.0);
    close(r.top_box_pct, 20.0, 1e-12);
    close(r.top_two_box_pct, 40.0, 1e-12);
    close(r.bottom_two_box_pct, 20.0, 1e-12);
    let i = r.mean_interval.unwrap();
    assert!((i.low - 3.020_442).abs() < 1e-5 && (i.high - 5.979_558).abs() < 1e-5, "{i:?}");
    // Wilson, 4 of 10: z²/n = 0.384146 → 1.384146; centre = (0.4 + 0.192073)/1.384146 = 0.427753;
    //   half = 1.416011 × sqrt(0.024 + 0.009604) = 1.416011 × 0.183313 = 0.259573
    //   → [16.8180, 68.7326] %.
    let w = r.top_two_box_interval.unwrap();
    assert!((w.low - 16.8180).abs() < 1e-4 && (w.high - 68.7326).abs() < 1e-4, "{w:?}");
}

#[test]
fn likert_zero_to_ten_odd_count_under_a_dutch_header() {
    // 10 9 9 8 7 3 0 (n = 7): sum 46 → mean 46/7 = 6.571429.
    // Σx² = 100 + 81 + 81 + 64 + 49 + 9 + 0 = 384; Σ(x − x̄)² = 384 − 46²/7 = 384 − 302.285714
    //   = 81.714286 → sd = sqrt(81.714286/6) = sqrt(13.619048) = 3.690399.
    // Sorted 0 3 7 8 9 9 10 → median 8.
    // Top box (10) 1/7 = 14.2857 %; top two (9, 10) 3/7 = 42.8571 %; bottom two (0, 1) 1/7.
    // t(0.975, 6) = 2.446912: half = 2.446912 × 3.690399/√7 = 2.446912 × 1.394840 = 3.413050
    //   → [3.158378, 9.984479].
    let r = likert("Hoe tevreden bent u?\n10\n9\n9\n8\n7\n3\n0\n", TEN);
    assert!(r.layout.header);
    assert_eq!(r.respondents, 7);
    assert_eq!(r.histogram, vec![1, 0, 0, 1, 0, 0, 0, 1, 1, 2, 1]);
    close(r.mean, 46.0 / 7.0, 1e-12);
    close(r.sd, (572.0f64 / 7.0 / 6.0).sqrt(), 1e-12);
    close(r.median, 8.0, 0.0);
    close(r.top_box_pct, 100.0 / 7.0, 1e-9);
    close(r.top_two_box_pct, 300.0 / 7.0, 1e-9);
    close(r.bottom_two_box_pct, 100.0 / 7.0, 1e-9);
    let i = r.mean_interval.unwrap();
    assert!((i.low - 3.158_378).abs() < 1e-5 && (i.high - 9.984_479).abs() < 1e-5, "{i:?}");
    // Wilson, 3 of 7: z²/n = 0.548780 → 1.548780; centre = (0.428571 + 0.274390)/1.548780 = 0.453881;
    //   half = 1.265491 × sqrt(0.034985 + 0.019599) = 1.265491 × 0.233632 = 0.295661
    //   → [15.8220, 74.9542] %.
    let w = r.top_two_box_interval.unwrap();
    assert!((w.low - 15.8220).abs() < 1e-4 && (w.high - 74.9542).abs() < 1e-4, "{w:?}");
}

#[test]
fn likert_all_answers_alike_have_no_spread_and_a_point_interval() {
    // 4 4 4 on 1–5: mean 4, sd 0, half width 0 → [4, 4]; median 4; CSAT 100 %.
    let r = likert("4\n4\n4\n", FIVE);
    assert_eq!((r.mean, r.sd, r.median), (Some(4.0), Some(0.0), Some(4.0)));
    let i = r.mean_interval.unwrap();
    assert_eq!((i.low, i.high), (4.0, 4.0));
    close(r.top_two_box_pct, 100.0, 0.0);
    close(r.top_box_pct, 0.0, 0.0);
    // Wilson 3 of 3: low = n/(n + z²) = 3/6.841459 = 0.438503 → 43.8503 %.
    let w = r.top_two_box_interval.unwrap();
    assert!((w.low - 300.0 / (3.0 + Z95 * Z95)).abs() < 1e-9, "{w:?}");
}

#[test]
fn likert_rejects_off_scale_and_broken_answers_where_they_stand() {
    // 1–7, one answer per line: 8 and 0 are off the scale, 4.5 not whole, x not a number.
    //   line 1: 7   line 2: 8 ✗   line 3: 4.5 ✗   line 4: 6   line 5: x ✗   line 6: 0 ✗   line 7: 1
    // Counted 7 6 1 → mean 14/3, median 6.
    let r = likert("7\n8\n4.5\n6\nx\n0\n1\n", SEVEN);
    assert_eq!(r.respondents, 3);
    close(r.mean, 14.0 / 3.0, 1e-12);
    close(r.median, 6.0, 0.0);
    use RejectReason::*;
    assert_eq!(
        rejects(&r.rejected),
        vec![(2, 1, "8", OutOfRange), (3, 1, "4.5", NotWholeNumber), (5, 1, "x", NotANumber), (6, 1, "0", OutOfRange)]
    );
    assert_eq!(r.rejected[0].message, "outside the 1–7 scale");
}

#[test]
fn likert_with_too_few_answers() {
    let r = likert("", FIVE);
    assert_eq!((r.respondents, r.mean, r.sd, r.median, r.mean_interval), (0, None, None, None, None));
    assert_eq!((r.top_box_pct, r.top_two_box_pct, r.bottom_two_box_pct, r.top_two_box_interval), (None, None, None, None));
    assert_eq!(r.histogram, vec![0; 5]);
    let r = likert("2", FIVE);
    assert_eq!((r.mean, r.sd, r.median, r.mean_interval), (Some(2.0), None, Some(2.0), None));
    close(r.bottom_two_box_pct, 100.0, 0.0);
}

// ---------------------------------------------------------------------------
// 5. Retention, churn and customer lifetime value, by hand
// ---------------------------------------------------------------------------

#[test]
fn retention_and_churn_by_hand() {
    // 500 at start, 480 at end of whom 80 new: 480 − 80 = 400 kept, 100 lost;
    //   retention 400/500 = 0.8, churn 100/500 = 0.2.
    let r = retention(500, 480, 80).unwrap();
    assert_eq!((r.customers_at_start, r.customers_at_end, r.new_customers), (500, 480, 80));
    assert_eq!((r.retained_customers, r.lost_customers), (400, 100));
    assert!((r.retention_rate - 0.8).abs() < 1e-15 && (r.churn_rate - 0.2).abs() < 1e-15);
    // Everyone stays: 1200 at start, 1200 at end, none new → 100 %, churn 0.
    let r = retention(1200, 1200, 0).unwrap();
    assert_eq!((r.retention_rate, r.churn_rate, r.lost_customers), (1.0, 0.0, 0));
    // Everyone leaves and 30 arrive: 30 − 30 = 0 kept → retention 0, churn 1.
    let r = retention(75, 30, 30).unwrap();
    assert_eq!((r.retained_customers, r.lost_customers, r.retention_rate, r.churn_rate), (0, 75, 0.0, 1.0));
}

#[test]
fn impossible_periods_name_the_field() {
    assert_eq!(retention(0, 5, 0).unwrap_err().option, "customersAtStart");
    // More new customers (60) than customers at the end (50).
    assert_eq!(retention(100, 50, 60).unwrap_err().option, "newCustomers");
    // 130 − 10 = 120 kept, more than the 100 at the start.
    assert_eq!(retention(100, 130, 10).unwrap_err().option, "customersAtEnd");
}

fn clv(order: f64, purchases: f64, margin: f64, r: f64, d: f64) -> Result<LifetimeValue, loyalty_score::OptionError> {
    customer_lifetime_value(LifetimeValueInput {
        average_order_value: order,
        purchases_per_year: purchases,
        gross_margin: margin,
        retention_rate: r,
        discount_rate: d,
    })
}

#[test]
fn lifetime_value_textbook_example() {
    // m = 250 × 2 × 0.2 = 100 a year, r = 0.8, d = 0.1:
    //   multiple = 0.8/(1 + 0.1 − 0.8) = 0.8/0.3 = 2.666667; CLV = 100 × 2.666667 = 266.67;
    //   expected lifetime 1/(1 − 0.8) = 5 years.
    let v = clv(250.0, 2.0, 0.2, 0.8, 0.1).unwrap();
    assert!((v.annual_margin - 100.0).abs() < 1e-9);
    assert!((v.margin_multiple - 8.0 / 3.0).abs() < 1e-9);
    assert!((v.lifetime_value - 266.67).abs() < 5e-3, "{v:?}");
    assert!((v.lifetime_value - 800.0 / 3.0).abs() < 1e-9, "{v:?}");
    assert!((v.expected_lifetime_years.unwrap() - 5.0).abs() < 1e-9);
}

#[test]
fn lifetime_value_more_cases_by_hand() {
    // No discounting, r = 0.5: multiple 0.5/(1 − 0.5) = 1 → CLV = m = 40 × 3 × 0.5 = 60; 2 years.
    let v = clv(40.0, 3.0, 0.5, 0.5, 0.0).unwrap();
    assert!((v.lifetime_value - 60.0).abs() < 1e-12 && (v.margin_multiple - 1.0).abs() < 1e-12);
    assert_eq!(v.expected_lifetime_years, Some(2.0));
    // r = 0: nobody comes back, nothing is worth anything beyond today.
    let v = clv(40.0, 3.0, 0.5, 0.0, 0.1).unwrap();
    assert_eq!((v.margin_multiple, v.lifetime_value, v.expected_lifetime_years), (0.0, 0.0, Some(1.0)));
    // r = 1 with d = 0.25: multiple 1/0.25 = 4 → CLV = 4 × (10 × 12 × 0.25 = 30) = 120; no lifetime.
    let v = clv(10.0, 12.0, 0.25, 1.0, 0.25).unwrap();
    assert!((v.lifetime_value - 120.0).abs() < 1e-12);
    assert_eq!(v.expected_lifetime_years, None);
    // r = 0.9, d = 0.12: multiple 0.9/0.22 = 4.090909 → CLV with m = 55: 225.0.
    let v = clv(110.0, 1.0, 0.5, 0.9, 0.12).unwrap();
    assert!((v.lifetime_value - 225.0).abs() < 1e-9, "{v:?}");
}

#[test]
fn lifetime_value_refuses_bad_inputs_by_name() {
    assert_eq!(clv(1.0, 1.0, 0.5, 1.0, 0.0).unwrap_err().option, "retentionRate");
    assert_eq!(clv(1.0, 1.0, 0.5, -0.1, 0.1).unwrap_err().option, "retentionRate");
    assert_eq!(clv(1.0, 1.0, 0.5, f64::NAN, 0.1).unwrap_err().option, "retentionRate");
    assert_eq!(clv(1.0, 1.0, 1.5, 0.5, 0.1).unwrap_err().option, "grossMargin");
    assert_eq!(clv(-1.0, 1.0, 0.5, 0.5, 0.1).unwrap_err().option, "averageOrderValue");
    assert_eq!(clv(1.0, f64::INFINITY, 0.5, 0.5, 0.1).unwrap_err().option, "purchasesPerYear");
    assert_eq!(clv(1.0, 1.0, 0.5, 0.5, -0.01).unwrap_err().option, "discountRate");
}

#[test]
fn lifetime_value_with_full_retention_and_a_tiny_discount_is_finite() {
    // r = 1, d = 1e-17 is accepted (d > 0). The value is m·r/(1 + d − r) = m/d = 100 × 1e17,
    // but 1 + 1e-17 rounds to 1, so the code divides by 0 and reports an infinite value.
    let v = clv(100.0, 1.0, 1.0, 1.0, 1e-17).unwrap();
    assert!(v.lifetime_value.is_finite(), "{v:?}");
    assert!((v.margin_multiple / 1e17 - 1.0).abs() < 1e-9, "{v:?}");
}

// ---------------------------------------------------------------------------
// 6. Properties: SCI over generated pastes, with an independent model
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum GenCell {
    /// An answer on the scale: `scale.min + v % len`.
    Valid(u8),
    Blank,
    Word(&'static str),
    /// Above the scale's maximum by 1 + v.
    Above(u8),
    /// A whole number on the scale with a fraction of .5.
    Half(u8),
}

impl GenCell {
    fn text(&self, scale: Scale) -> String {
        let len = scale.max - scale.min + 1;
        match *self {
            GenCell::Valid(v) => (scale.min + v % len).to_string(),
            GenCell::Blank => String::new(),
            GenCell::Word(w) => w.to_string(),
            GenCell::Above(v) => (u32::from(scale.max) + 1 + u32::from(v)).to_string(),
            GenCell::Half(v) => format!("{}.5", scale.min + v % (len - 1)),
        }
    }

    /// The answer, or why the row is rejected at this cell, worked out without the crate.
    fn expected(&self, scale: Scale) -> Result<u8, RejectReason> {
        let len = scale.max - scale.min + 1;
        match *self {
            GenCell::Valid(v) => Ok(scale.min + v % len),
            GenCell::Blank => Err(RejectReason::MissingValue),
            GenCell::Word(_) => Err(RejectReason::NotANumber),
            GenCell::Above(_) => Err(RejectReason::OutOfRange),
            GenCell::Half(_) => Err(RejectReason::NotWholeNumber),
        }
    }
}

fn gen_cell() -> impl Strategy<Value = GenCell> {
    prop_oneof![
        12 => any::<u8>().prop_map(GenCell::Valid),
        1 => Just(GenCell::Blank),
        1 => prop_oneof![Just("x"), Just("n.v.t."), Just("abc"), Just("é")].prop_map(GenCell::Word),
        1 => (0u8..20).prop_map(GenCell::Above),
        1 => any::<u8>().prop_map(GenCell::Half),
    ]
}

#[derive(Clone, Debug)]
enum GenLine {
    Empty,
    Cells([GenCell; 3]),
}

fn gen_line() -> impl Strategy<Value = GenLine> {
    prop_oneof![1 => Just(GenLine::Empty), 12 => [gen_cell(), gen_cell(), gen_cell()].prop_map(GenLine::Cells)]
}

/// The lowest secure and the lowest favorable answer, from the module's table.
fn table_thresholds(scale: Scale) -> (u8, u8) {
    match (scale.min, scale.max) {
        (0, 10) => (9, 7),
        (1, 7) => (6, 5),
        (1, 5) => (4, 3),
        _ => unreachable!(),
    }
}

#[derive(Debug, Default)]
struct SciModel {
    respondents: u64,
    secure: u64,
    favorable: u64,
    at_risk: u64,
    top_two: [u64; 3],
    loyalty: f64,
    at_risk_lines: Vec<u64>,
    rejected: Vec<(u64, u64, String, RejectReason)>,
    non_empty_rows: u64,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn sci_matches_a_model_and_its_groups_partition_the_respondents(
        scale_at in 0usize..3,
        lines in prop::collection::vec(gen_line(), 1..40),
        first in [any::<u8>(), any::<u8>(), any::<u8>()],
        header in prop::option::of((0usize..4, 0usize..6)),
        sep in prop_oneof![Just('\t'), Just(';'), Just(',')],
    ) {
        let scale = SCI_SCALES[scale_at];
        let (secure_min, favorable_min) = table_thresholds(scale);
        let sep = sep.to_string();
        // `p[q]`: the column of question q; without a header the questions come in order.
        let p = header.map_or([0, 1, 2], |(_, order)| permutations()[order]);
        let mut lines = lines;
        let mut text = String::new();
        let mut line_no = 0u64;
        if let Some((language, _)) = header {
            text += &(place(HEADERS[language].map(String::from), p).join(&sep) + "\n");
            line_no += 1;
        } else {
            // Without a header the first row must be answers, or it would be a header.
            lines.insert(0, GenLine::Cells(first.map(GenCell::Valid)));
        }
        let mut m = SciModel::default();
        for line in &lines {
            line_no += 1;
            let cells = match line {
                GenLine::Empty => {
                    text.push('\n');
                    continue;
                }
                GenLine::Cells(cells) => cells,
            };
            let texts: Vec<String> = cells.iter().map(|c| c.text(scale)).collect();
            text += &(texts.join(&sep) + "\n");
            if texts.iter().all(String::is_empty) {
                continue; // a row of empty cells is no row at all
            }
            m.non_empty_rows += 1;
            // Problems are found in reading order, left to right, one per row.
            let mut answers = [0u8; 3];
            let mut problem = None;
            for column in 0..3 {
                let q = (0..3).find(|&q| p[q] == column).unwrap();
                match cells[column].expected(scale) {
                    Ok(v) => answers[q] = v,
                    Err(reason) => {
                        let at: usize = 1 + texts[..column].iter().map(|t| t.chars().count() + 1).sum::<usize>();
                        problem = Some((line_no, at as u64, texts[column].clone(), reason));
                        break;
                    }
                }
            }
            if let Some(problem) = problem {
                m.rejected.push(problem);
                continue;
            }
            m.respondents += 1;
            for q in 0..3 {
                if answers[q] >= secure_min {
                    m.top_two[q] += 1;
                }
            }
            if answers.iter().all(|&a| a >= secure_min) {
                m.secure += 1;
            } else if answers.iter().all(|&a| a >= favorable_min) {
                m.favorable += 1;
            } else {
                m.at_risk += 1;
                m.at_risk_lines.push(line_no);
            }
            let span = f64::from(scale.max - scale.min);
            m.loyalty += answers.iter().map(|&a| f64::from(a - scale.min) / span).sum::<f64>() / 3.0;
        }

        let r = analyze_sci(text.as_bytes(), scale, L95);
        prop_assert_eq!(r.columns.chosen_by, if header.is_some() { "header" } else { "order" });
        let got_columns = [r.columns.satisfaction.index, r.columns.repurchase.index, r.columns.recommend.index];
        prop_assert_eq!(got_columns, p.map(|c| c as u32 + 1));
        prop_assert_eq!(groups(&r), (m.respondents, m.secure, m.favorable, m.at_risk));
        prop_assert_eq!(&r.at_risk_lines, &m.at_risk_lines);
        let got: Vec<_> = r.rejected.iter().map(|e| (e.line, e.column, e.text.clone(), e.reason)).collect();
        prop_assert_eq!(&got, &m.rejected);
        prop_assert_eq!(r.rejected_count, m.rejected.len() as u64);
        // Every non-empty row is counted or rejected, once.
        prop_assert_eq!(r.respondents + r.rejected_count, m.non_empty_rows);
        prop_assert_eq!(r.secure + r.favorable + r.at_risk, r.respondents);

        if m.respondents == 0 {
            prop_assert_eq!((r.index, r.cli, r.interval), (None, None, None));
            return Ok(());
        }
        let n = m.respondents as f64;
        let (s, f, a) = (r.secure_pct.unwrap(), r.favorable_pct.unwrap(), r.at_risk_pct.unwrap());
        prop_assert!((s + f + a - 100.0).abs() <= 1e-9, "{} + {} + {}", s, f, a);
        prop_assert!((s - 100.0 * m.secure as f64 / n).abs() <= 1e-9);
        prop_assert_eq!(r.index, r.secure_pct);
        let pq = [r.per_question.satisfaction, r.per_question.repurchase, r.per_question.recommend];
        for q in 0..3 {
            prop_assert!((pq[q].unwrap() - 100.0 * m.top_two[q] as f64 / n).abs() <= 1e-9, "question {}", q);
        }
        let cli = r.cli.unwrap();
        prop_assert!((0.0..=100.0).contains(&cli), "CLI {}", cli);
        prop_assert!((cli - 100.0 * m.loyalty / n).abs() <= 1e-9, "CLI {} vs {}", cli, 100.0 * m.loyalty / n);

        let i = r.interval.unwrap();
        let (low, high) = wilson_pct(m.secure, m.respondents, Z95);
        prop_assert!((i.low - low).abs() <= 1e-9 && (i.high - high).abs() <= 1e-9, "{:?} vs [{}, {}]", i, low, high);
        prop_assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "{:?}", i);
        let index = r.index.unwrap();
        if 0 < m.secure && m.secure < m.respondents {
            prop_assert!(i.low <= index && index <= i.high, "{} outside {:?}", index, i);
        } else {
            // At 0 % and 100 % the ends can miss by one ulp; see the ignored test above.
            prop_assert!(i.low - 1e-9 <= index && index <= i.high + 1e-9, "{} outside {:?}", index, i);
        }
    }
}

fn ragged_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0u8..=10).prop_map(|v| v.to_string()),
        1 => Just(String::new()),
        1 => "[a-z]{1,3}",
        1 => (11u8..100).prop_map(|v| v.to_string()),
        1 => Just("7.5".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Rows of any width, however the paste ends up being split.
    #[test]
    fn sci_every_non_empty_row_is_counted_or_rejected(
        scale_at in 0usize..3,
        rows in prop::collection::vec(prop::collection::vec(ragged_cell(), 1..5), 0..30),
        sep in prop_oneof![Just("\t"), Just(";"), Just(","), Just(" ")],
        language in 0usize..4,
        level in 0.5f64..0.999,
    ) {
        let scale = SCI_SCALES[scale_at];
        let mut text = HEADERS[language].join(sep) + "\n";
        let mut non_empty = 0u64;
        for row in &rows {
            // A row of only empty cells reads as a blank line in one layout and as
            // a row of separators in another: leave those out.
            if row.iter().all(String::is_empty) {
                continue;
            }
            non_empty += 1;
            text += &(row.join(sep) + "\n");
        }
        let level = ConfidenceLevel::new(level).unwrap();
        let r = analyze_sci(text.as_bytes(), scale, level);
        prop_assert_eq!(r.respondents + r.rejected_count, non_empty, "{:?}", text);
        prop_assert_eq!(r.secure + r.favorable + r.at_risk, r.respondents);
        prop_assert!(r.at_risk_lines.len() as u64 == r.at_risk.min(100));
        if let Some(cli) = r.cli {
            prop_assert!((0.0..=100.0).contains(&cli), "CLI {}", cli);
        }
        if let Some(i) = r.interval {
            prop_assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "{:?}", i);
            let index = r.index.unwrap();
            prop_assert!(i.low - 1e-9 <= index && index <= i.high + 1e-9, "{} outside {:?}", index, i);
        }
    }
}

// ---------------------------------------------------------------------------
// 7. Properties: Likert and CSAT
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Answer {
    Valid(u8),
    Word,
    Above(u8),
    Half(u8),
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        12 => any::<u8>().prop_map(Answer::Valid),
        1 => Just(Answer::Word),
        1 => (0u8..20).prop_map(Answer::Above),
        1 => any::<u8>().prop_map(Answer::Half),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn likert_summary_matches_a_model_and_stays_on_the_scale(
        scale_at in 0usize..3,
        first in any::<u8>(),
        answers in prop::collection::vec(answer(), 0..60),
        sep in prop_oneof![Just("\n"), Just(" "), Just("\r\n")],
        level in 0.5f64..0.999,
    ) {
        let scale = LIKERT_SCALES[scale_at];
        let len = scale.max - scale.min + 1;
        // The first answer is on the scale, so that no first line reads as a header.
        let mut texts = vec![(scale.min + first % len).to_string()];
        let mut values = vec![scale.min + first % len];
        let mut invalid = 0u64;
        for a in &answers {
            match *a {
                Answer::Valid(v) => {
                    values.push(scale.min + v % len);
                    texts.push((scale.min + v % len).to_string());
                }
                Answer::Word => {
                    invalid += 1;
                    texts.push("abc".into());
                }
                Answer::Above(v) => {
                    invalid += 1;
                    texts.push((u32::from(scale.max) + 1 + u32::from(v)).to_string());
                }
                Answer::Half(v) => {
                    invalid += 1;
                    texts.push(format!("{}.5", scale.min + v % (len - 1)));
                }
            }
        }
        let level = ConfidenceLevel::new(level).unwrap();
        let r = analyze_likert(texts.join(sep).as_bytes(), scale, level);
        let (min, max) = (f64::from(scale.min), f64::from(scale.max));
        let n = values.len() as u64;

        // Histogram, counts and rejects from the model.
        let mut histogram = vec![0u64; usize::from(len)];
        for &v in &values {
            histogram[usize::from(v - scale.min)] += 1;
        }
        prop_assert_eq!(&r.histogram, &histogram);
        prop_assert_eq!(r.histogram.iter().sum::<u64>(), r.respondents);
        prop_assert_eq!(r.respondents, n);
        prop_assert_eq!(r.rejected_count, invalid);

        let mean = r.mean.unwrap();
        let expected_mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64;
        prop_assert!((mean - expected_mean).abs() <= 1e-9, "{} vs {}", mean, expected_mean);
        prop_assert!(min <= mean && mean <= max, "mean {}", mean);
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let expected_median = (f64::from(sorted[(sorted.len() - 1) / 2]) + f64::from(sorted[sorted.len() / 2])) / 2.0;
        let median = r.median.unwrap();
        prop_assert_eq!(median, expected_median);
        prop_assert!(min <= median && median <= max);

        let (top, two, bottom) = (r.top_box_pct.unwrap(), r.top_two_box_pct.unwrap(), r.bottom_two_box_pct.unwrap());
        let share = |count: usize| 100.0 * count as f64 / n as f64;
        prop_assert!((top - share(values.iter().filter(|&&v| v == scale.max).count())).abs() <= 1e-9);
        prop_assert!((two - share(values.iter().filter(|&&v| v + 1 >= scale.max).count())).abs() <= 1e-9);
        prop_assert!((bottom - share(values.iter().filter(|&&v| v <= scale.min + 1).count())).abs() <= 1e-9);
        prop_assert!(0.0 <= top && top <= two && two <= 100.0, "{} {}", top, two);
        // The two top and the two bottom boxes are different boxes on every scale here.
        prop_assert!(bottom + two <= 100.0 + 1e-9, "{} + {}", bottom, two);

        if n >= 2 {
            let sd = r.sd.unwrap();
            let ss: f64 = values.iter().map(|&v| (f64::from(v) - expected_mean).powi(2)).sum();
            prop_assert!((sd - (ss / (n as f64 - 1.0)).sqrt()).abs() <= 1e-9, "sd {}", sd);
            let i = r.mean_interval.unwrap();
            prop_assert!(min <= i.low && i.low <= mean && mean <= i.high && i.high <= max, "{} in {:?}", mean, i);
        } else {
            prop_assert_eq!((r.sd, r.mean_interval), (None, None));
        }
        let w = r.top_two_box_interval.unwrap();
        prop_assert!(0.0 <= w.low && w.low <= w.high && w.high <= 100.0, "{:?}", w);
        prop_assert!(w.low - 1e-9 <= two && two <= w.high + 1e-9, "{} outside {:?}", two, w);
    }

    #[test]
    fn likert_at_95_percent_uses_wilson_for_the_top_two_boxes(
        scale_at in 0usize..3,
        values in prop::collection::vec(any::<u8>(), 1..80),
    ) {
        let scale = LIKERT_SCALES[scale_at];
        let len = scale.max - scale.min + 1;
        let values: Vec<u8> = values.iter().map(|v| scale.min + v % len).collect();
        let text: Vec<String> = values.iter().map(u8::to_string).collect();
        let r = analyze_likert(text.join("\n").as_bytes(), scale, L95);
        let k = values.iter().filter(|&&v| v + 1 >= scale.max).count() as u64;
        let (low, high) = wilson_pct(k, values.len() as u64, Z95);
        let w = r.top_two_box_interval.unwrap();
        prop_assert!((w.low - low).abs() <= 1e-9 && (w.high - high).abs() <= 1e-9, "{:?} vs [{}, {}]", w, low, high);
    }
}

// ---------------------------------------------------------------------------
// 8. Properties: retention and lifetime value
// ---------------------------------------------------------------------------

fn clv_input() -> impl Strategy<Value = (f64, f64, f64)> {
    (0.0f64..10_000.0, 0.0f64..100.0, 0.0f64..=1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn retention_and_churn_add_up(start in 1u64..1_000_000_000, kept in 0.0f64..=1.0, new in 0u64..1_000_000_000) {
        let retained = ((start as f64 * kept) as u64).min(start);
        let end = retained + new;
        let r = retention(start, end, new).unwrap();
        prop_assert_eq!(r.retained_customers, retained);
        prop_assert_eq!(r.retained_customers + r.lost_customers, start);
        prop_assert!((r.retention_rate + r.churn_rate - 1.0).abs() <= 1e-12);
        prop_assert!((0.0..=1.0).contains(&r.retention_rate) && (0.0..=1.0).contains(&r.churn_rate));
        prop_assert!((r.retention_rate - retained as f64 / start as f64).abs() <= 1e-15);
    }

    #[test]
    fn impossible_periods_are_refused(start in 0u64..1000, end in 0u64..1000, new in 0u64..1000) {
        let result = retention(start, end, new);
        let possible = start > 0 && new <= end && end - new <= start;
        prop_assert_eq!(result.is_ok(), possible, "{:?}", result);
    }

    #[test]
    fn lifetime_value_rises_with_retention(
        (order, purchases, margin) in clv_input(),
        a in 0.0f64..=1.0,
        b in 0.0f64..=1.0,
        d in 0.001f64..1.0,
    ) {
        let (r1, r2) = (a.min(b), a.max(b));
        let low = clv(order, purchases, margin, r1, d).unwrap();
        let high = clv(order, purchases, margin, r2, d).unwrap();
        prop_assert!(low.lifetime_value <= high.lifetime_value, "{:?} > {:?}", low, high);
        // And it is m·r/(1 + d − r).
        let m = order * purchases * margin;
        let expected = m * r2 / (1.0 + d - r2);
        prop_assert!((high.lifetime_value - expected).abs() <= 1e-9 * expected.max(1.0), "{:?} vs {}", high, expected);
        prop_assert!(high.lifetime_value.is_finite() && high.lifetime_value >= 0.0);
    }

    #[test]
    fn lifetime_value_falls_with_the_discount_rate(
        (order, purchases, margin) in clv_input(),
        r in 0.0f64..0.999,
        a in 0.0f64..2.0,
        b in 0.0f64..2.0,
    ) {
        let (d1, d2) = (a.min(b), a.max(b));
        let near = clv(order, purchases, margin, r, d1).unwrap();
        let far = clv(order, purchases, margin, r, d2).unwrap();
        prop_assert!(near.lifetime_value >= far.lifetime_value, "{:?} < {:?}", near, far);
        prop_assert_eq!(near.expected_lifetime_years.map(|y| (y - 1.0 / (1.0 - r)).abs() <= 1e-9), Some(true));
    }

    #[test]
    fn full_retention_with_discounting_is_worth_m_over_d(
        (order, purchases, margin) in clv_input(),
        d in 0.001f64..2.0,
    ) {
        let v = clv(order, purchases, margin, 1.0, d).unwrap();
        let m = order * purchases * margin;
        prop_assert!((v.lifetime_value - m / d).abs() <= 1e-9 * (m / d).max(1.0), "{:?}", v);
        prop_assert_eq!(v.expected_lifetime_years, None);
    }
}

// ---------------------------------------------------------------------------
// 9. Nothing panics
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for scale in SCI_SCALES {
            let r = analyze_sci(&bytes, scale, L95);
            prop_assert_eq!(r.secure + r.favorable + r.at_risk, r.respondents);
            prop_assert!(r.rejected.len() as u64 <= r.rejected_count);
        }
        for scale in LIKERT_SCALES {
            let r = analyze_likert(&bytes, scale, L95);
            prop_assert_eq!(r.histogram.iter().sum::<u64>(), r.respondents);
            prop_assert!(r.rejected.len() as u64 <= r.rejected_count);
        }
    }

    #[test]
    fn pastes_of_digits_separators_and_words_do_not_panic(
        text in "[0-9,;\t \r\n\".a-zé\u{a0}-]{0,400}",
        level in 0.5f64..0.999,
    ) {
        let level = ConfidenceLevel::new(level).unwrap();
        for scale in SCI_SCALES {
            let r = analyze_sci(text.as_bytes(), scale, level);
            prop_assert_eq!(r.secure + r.favorable + r.at_risk, r.respondents);
            if let Some(cli) = r.cli {
                prop_assert!((0.0..=100.0).contains(&cli));
            }
        }
        for scale in LIKERT_SCALES {
            let r = analyze_likert(text.as_bytes(), scale, level);
            if let (Some(mean), Some(i)) = (r.mean, r.mean_interval) {
                prop_assert!(f64::from(scale.min) <= i.low && i.low <= mean && mean <= i.high && i.high <= f64::from(scale.max));
            }
        }
    }
}
