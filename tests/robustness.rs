//! Properties that hold for any input, beyond those of `properties.rs` and
//! `reading.rs`: lists with several entries a line, every reader fed
//! arbitrary bytes in arbitrary cuts, pastes against typed counts, the
//! intervals of the SCI and Likert reports, and the order of a CSV's rows.

use loyalty_score::likert::{LikertReader, LIKERT_SCALES};
use loyalty_score::sci::{SciReader, SCI_SCALES};
use loyalty_score::{
    analyze_nps, parse_scores, ConfidenceLevel, IntervalMethod, IntervalOptions, NpsCounts, NpsReader, NpsReport, Scale,
};
use proptest::prelude::*;

fn options(method: IntervalMethod, level: f64) -> IntervalOptions {
    IntervalOptions { method, level: ConfidenceLevel::new(level).unwrap() }
}

fn any_options() -> impl Strategy<Value = IntervalOptions> {
    (prop::sample::select(IntervalMethod::ALL.to_vec()), 0.5001f64..0.999).prop_map(|(m, l)| options(m, l))
}

// ---------------------------------------------------------------------------
// 1. A list with several entries a line: each entry is counted, blank or rejected
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Entry {
    Score(u8),
    OffScale(i32),
    Decimal(u8, u8),
    Word(&'static str),
    Blank,
}

impl Entry {
    fn text(&self) -> String {
        match self {
            Entry::Score(v) => v.to_string(),
            Entry::OffScale(v) => v.to_string(),
            Entry::Decimal(w, f) => format!("{w}.{f}"),
            Entry::Word(w) => w.to_string(),
            Entry::Blank => String::new(),
        }
    }
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        5 => (0u8..=10).prop_map(Entry::Score),
        1 => prop_oneof![11i32..=500, -500i32..=-1].prop_map(Entry::OffScale),
        1 => (0u8..=9, 1u8..=9).prop_map(|(w, f)| Entry::Decimal(w, f)),
        // Words that start with a sign: a number, a space and a word
        // ("0 abc") is one answer with its label, as exports write them
        // ("10 Extremely likely"), so plain words after a score would not be
        // entries of their own.
        1 => prop::sample::select(vec!["#abc", "?slow", "*xyz", "_great"]).prop_map(Entry::Word),
        1 => Just(Entry::Blank),
    ]
}

/// Lines of 1–6 entries joined by one separator (a space or a semicolon),
/// lines ended by LF or CRLF. The first line is one score, so no line is a
/// header. Commas are left out: between digits they may be decimal commas.
fn multi_entry_list() -> impl Strategy<Value = (Vec<Vec<Entry>>, &'static str, &'static str)> {
    (
        (0u8..=10).prop_map(Entry::Score),
        prop::collection::vec(prop::collection::vec(entry(), 1..=6), 1..90),
        prop::sample::select(vec![" ", ";", "; ", "  "]),
        prop::sample::select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(first, mut lines, sep, eol)| {
            // A first line of one score: a first line with words in it
            // ("0 #abc") may be a header over the answers.
            lines.insert(0, vec![first]);
            // With only spaces between entries, a score and a negative number
            // ("0 -2 #abc") read as an answer with its label ("0 - Not at all
            // likely"), one entry: off-scale numbers are then above the scale.
            if sep.trim().is_empty() {
                for e in lines.iter_mut().flatten() {
                    if let Entry::OffScale(v) = e {
                        *v = v.abs() + 10;
                    }
                }
            }
            (lines, sep, eol)
        })
}

proptest! {
    #[test]
    fn every_entry_of_a_list_is_counted_skipped_as_blank_or_rejected((lines, sep, eol) in multi_entry_list()) {
        let text: String = lines
            .iter()
            .map(|line| line.iter().map(Entry::text).collect::<Vec<_>>().join(sep))
            .collect::<Vec<_>>()
            .join(eol);
        let tally = parse_scores(text.as_bytes(), Scale::ZERO_TO_TEN);

        let entries = lines.iter().flatten();
        let non_blank = entries.clone().filter(|e| !matches!(e, Entry::Blank)).count() as u64;
        let scores = entries.clone().filter(|e| matches!(e, Entry::Score(_))).count() as u64;
        let mut histogram = vec![0u64; 11];
        for e in entries {
            if let Entry::Score(v) = e {
                histogram[usize::from(*v)] += 1;
            }
        }
        prop_assert_eq!(tally.respondents() + tally.rejected_count, non_blank, "{:?}", text);
        prop_assert_eq!(tally.respondents(), scores);
        prop_assert_eq!(&tally.histogram, &histogram);
        prop_assert_eq!(tally.rejected.len() as u64, tally.rejected_count.min(100));
    }
}

// ---------------------------------------------------------------------------
// 2. Arbitrary bytes in arbitrary cuts give the report of the whole, in every reader
// ---------------------------------------------------------------------------

/// Bytes that reach the decoder's corners: BOMs of UTF-8 and UTF-16, bytes of
/// Windows-1252, lone CRs, quotes and separators, around runs of digits.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => prop::collection::vec(any::<u8>(), 0..24),
        3 => "[0-9]{1,2}[,;\t \r\n\"]{0,2}".prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            b"\xef\xbb\xbf".to_vec(),
            b"\xff\xfe".to_vec(),
            b"\xfe\xff".to_vec(),
            b"9\x00\n\x00".to_vec(),
            b"\xe9\xe8\x80".to_vec(),
            b"\r".to_vec(),
            b"\"a\"\"b\"".to_vec(),
            "Aanbeveling;Tevredenheid;Opnieuw kopen\n".as_bytes().to_vec(),
        ]),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// Cuts `bytes` at the given points (taken modulo its length + 1, sorted), so
/// chunks may be empty.
fn chunks<'a>(bytes: &'a [u8], cuts: &[usize]) -> Vec<&'a [u8]> {
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for p in points.into_iter().chain([bytes.len()]) {
        out.push(&bytes[at..p]);
        at = p;
    }
    out
}

fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(any::<usize>(), 0..30)
}

proptest! {
    #[test]
    fn the_nps_reader_gives_the_report_of_the_whole_for_any_bytes_and_cuts(
        bytes in file_bytes(),
        cuts in cuts(),
        options in any_options(),
    ) {
        let mut whole = NpsReader::new(options, None);
        whole.push_bytes(&bytes);
        let mut cut = NpsReader::new(options, None);
        for chunk in chunks(&bytes, &cuts) {
            cut.push_bytes(chunk);
        }
        prop_assert_eq!(cut.finish(), whole.finish());
    }

    #[test]
    fn the_nps_reader_gives_the_report_of_the_whole_for_any_text_and_cuts(
        text in "\u{feff}?[0-9,;\t \r\n\".a-zé€😀]{0,400}",
        cuts in cuts(),
    ) {
        // Cuts may fall inside a multi-byte character of the text.
        let options = IntervalOptions::default();
        let mut whole = NpsReader::new(options, None);
        whole.push_text(text.as_bytes());
        let mut cut = NpsReader::new(options, None);
        for chunk in chunks(text.as_bytes(), &cuts) {
            cut.push_text(chunk);
        }
        prop_assert_eq!(cut.finish(), whole.finish());
    }

    #[test]
    fn the_likert_reader_gives_the_report_of_the_whole_for_any_bytes_and_cuts(
        bytes in file_bytes(),
        cuts in cuts(),
        scale in prop::sample::select(LIKERT_SCALES.to_vec()),
    ) {
        let level = ConfidenceLevel::DEFAULT;
        let mut whole = LikertReader::new(scale, level, None);
        whole.push_bytes(&bytes);
        let mut cut = LikertReader::new(scale, level, None);
        for chunk in chunks(&bytes, &cuts) {
            cut.push_bytes(chunk);
        }
        prop_assert_eq!(cut.finish(), whole.finish());
    }

    #[test]
    fn the_sci_reader_gives_the_report_of_the_whole_for_any_bytes_and_cuts(
        bytes in file_bytes(),
        cuts in cuts(),
        scale in prop::sample::select(SCI_SCALES.to_vec()),
    ) {
        let level = ConfidenceLevel::DEFAULT;
        let mut whole = SciReader::new(scale, level, Default::default());
        whole.push_bytes(&bytes);
        let mut cut = SciReader::new(scale, level, Default::default());
        for chunk in chunks(&bytes, &cuts) {
            cut.push_bytes(chunk);
        }
        prop_assert_eq!(cut.finish(), whole.finish());
    }
}

// ---------------------------------------------------------------------------
// 3. A paste and its typed counts give the same figures
// ---------------------------------------------------------------------------

proptest! {
    #[test]
    fn a_paste_gives_the_figures_of_its_counts_typed_in(
        scores in prop::collection::vec(0u8..=10, 1..300),
        options in any_options(),
    ) {
        let text: String = scores.iter().map(|s| format!("{s}\n")).collect();
        // Grouped by hand: 9–10 promoters, 7–8 passives, 0–6 detractors.
        let p = scores.iter().filter(|&&s| s >= 9).count() as u64;
        let m = scores.iter().filter(|&&s| s == 7 || s == 8).count() as u64;
        let d = scores.iter().filter(|&&s| s <= 6).count() as u64;
        let pasted = analyze_nps(&text, options);
        let typed = NpsReport::from_counts(NpsCounts::new(p, m, d), options);
        prop_assert_eq!(pasted.counts(), NpsCounts::new(p, m, d));
        prop_assert_eq!(pasted.respondents, typed.respondents);
        prop_assert_eq!(pasted.score, typed.score);
        prop_assert_eq!(
            (pasted.promoter_pct, pasted.passive_pct, pasted.detractor_pct),
            (typed.promoter_pct, typed.passive_pct, typed.detractor_pct)
        );
        prop_assert_eq!(pasted.interval, typed.interval);
        prop_assert_eq!(pasted.margin_of_error, typed.margin_of_error);
    }
}

// ---------------------------------------------------------------------------
// 4. Every interval contains its estimate and stays on its scale
// ---------------------------------------------------------------------------

const SLACK: f64 = 1e-9;

proptest! {
    #[test]
    fn the_adjusted_wald_interval_contains_its_own_centre(
        (p, m, d) in (0u64..3000, 0u64..3000, 0u64..3000).prop_filter("someone answered", |&(p, m, d)| p + m + d > 0),
        level in 0.5001f64..0.999,
    ) {
        // It need not contain the raw score (README), but it is centred on the
        // score after 0.75 promoter, 1.5 passive and 0.75 detractor are added.
        let r = NpsReport::from_counts(NpsCounts::new(p, m, d), options(IntervalMethod::AdjustedWald, level));
        let centre = 100.0 * (p as f64 - d as f64) / ((p + m + d) as f64 + 3.0);
        let i = r.interval.unwrap();
        prop_assert!(i.low - SLACK <= centre && centre <= i.high + SLACK, "{} not in [{}, {}]", centre, i.low, i.high);
    }

    #[test]
    fn the_sci_interval_contains_the_index_and_stays_within_0_and_100(
        rows in prop::collection::vec(prop::collection::vec(0u8..=10, 3), 1..120),
        scale in prop::sample::select(SCI_SCALES.to_vec()),
        level in 0.5001f64..0.999,
    ) {
        // Answers folded onto the scale, so every row is a respondent.
        let span = scale.max - scale.min + 1;
        let mut text = String::from("Tevredenheid;Opnieuw kopen;Aanbevelen\n");
        for row in &rows {
            let cells: Vec<String> = row.iter().map(|a| (scale.min + a % span).to_string()).collect();
            text += &(cells.join(";") + "\n");
        }
        let r = loyalty_score::sci::analyze_sci(text.as_bytes(), scale, ConfidenceLevel::new(level).unwrap());
        prop_assert_eq!(r.respondents, rows.len() as u64);
        let (index, i) = (r.index.unwrap(), r.interval.unwrap());
        prop_assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "[{}, {}]", i.low, i.high);
        prop_assert!(i.low - SLACK <= index && index <= i.high + SLACK, "{} not in [{}, {}]", index, i.low, i.high);
    }

    #[test]
    fn the_likert_intervals_contain_their_estimates_and_stay_on_the_scale(
        answers in prop::collection::vec(0u8..=10, 1..200),
        scale in prop::sample::select(LIKERT_SCALES.to_vec()),
        level in 0.5001f64..0.999,
    ) {
        let span = scale.max - scale.min + 1;
        let text: String = answers.iter().map(|a| format!("{}\n", scale.min + a % span)).collect();
        let r = loyalty_score::likert::analyze_likert(text.as_bytes(), scale, ConfidenceLevel::new(level).unwrap());
        prop_assert_eq!(r.respondents, answers.len() as u64);
        let (min, max) = (f64::from(scale.min), f64::from(scale.max));
        let mean = r.mean.unwrap();
        match r.mean_interval {
            Some(i) => {
                prop_assert!(min <= i.low && i.low <= i.high && i.high <= max, "[{}, {}]", i.low, i.high);
                prop_assert!(i.low - SLACK <= mean && mean <= i.high + SLACK, "{} not in [{}, {}]", mean, i.low, i.high);
            }
            None => prop_assert_eq!(answers.len(), 1),
        }
        let (share, i) = (r.top_two_box_pct.unwrap(), r.top_two_box_interval.unwrap());
        prop_assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "[{}, {}]", i.low, i.high);
        prop_assert!(i.low - SLACK <= share && share <= i.high + SLACK, "{} not in [{}, {}]", share, i.low, i.high);
    }
}

// ---------------------------------------------------------------------------
// 5. The order of a CSV's data rows changes nothing but rejected positions
// ---------------------------------------------------------------------------

fn export_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => (0u8..=10).prop_map(|v| v.to_string()),
        1 => (0u8..=10).prop_map(|v| format!("\"{v}\"")),
        1 => Just(String::new()),
        1 => (0u8..=9, 1u8..=9).prop_map(|(w, f)| format!("{w},{f}")),
        1 => (11u8..=200).prop_map(|v| v.to_string()),
        1 => "[a-zé]{1,5}",
    ]
}

/// Rows of a Dutch `;` export, each `id;score;name` (ids off the 0–10 scale).
fn export_rows() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec((export_cell(), "[A-Za-zé ]{0,8}"), 1..100).prop_map(|rows| {
        rows.into_iter().enumerate().map(|(i, (score, name))| format!("{};{score};{name}", i + 1001)).collect()
    })
}

proptest! {
    #[test]
    fn shuffling_the_data_rows_of_an_export_changes_nothing_but_rejected_positions(
        (rows, shuffled) in export_rows().prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle())),
        options in any_options(),
    ) {
        let text = |rows: &[String]| format!("id;Aanbeveling;naam\n{}\n", rows.join("\n"));
        let a = analyze_nps(&text(&rows), options);
        let b = analyze_nps(&text(&shuffled), options);
        prop_assert_eq!(a.counts(), b.counts());
        prop_assert_eq!(&a.histogram, &b.histogram);
        prop_assert_eq!(a.score, b.score);
        prop_assert_eq!(a.interval, b.interval);
        prop_assert_eq!(a.rejected_count, b.rejected_count);
        prop_assert_eq!(&a.column, &b.column);
        prop_assert_eq!(&a.layout, &b.layout);
        prop_assert_eq!(&a.columns, &b.columns);
        prop_assert_eq!(&a.warnings, &b.warnings);
        prop_assert_eq!(a.rows, b.rows);
        // The same entries are rejected, for the same reasons, at other lines.
        let mut ra: Vec<_> = a.rejected.iter().map(|r| (r.text.clone(), r.reason, r.column)).collect();
        let mut rb: Vec<_> = b.rejected.iter().map(|r| (r.text.clone(), r.reason, r.column)).collect();
        ra.sort_by(|x, y| x.0.cmp(&y.0).then(x.2.cmp(&y.2)));
        rb.sort_by(|x, y| x.0.cmp(&y.0).then(x.2.cmp(&y.2)));
        prop_assert_eq!(ra, rb);
    }
}
