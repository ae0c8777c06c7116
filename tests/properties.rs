//! Properties of the public API that hold for every input.

use loyalty_score::{
    analyze_nps, compare_nps, nps_sample_size, parse_scores, ColumnSelector, ConfidenceLevel, IntervalMethod,
    IntervalOptions, NpsCounts, NpsReader, NpsReport, RejectReason, Scale, ScoreParser, Tally,
};
use proptest::prelude::*;

const S: Scale = Scale::ZERO_TO_TEN;

fn options(method: IntervalMethod, level: f64) -> IntervalOptions {
    IntervalOptions { method, level: ConfidenceLevel::new(level).unwrap() }
}

/// Counts with at least one respondent, each group up to `max`.
fn counts(max: u64) -> impl Strategy<Value = NpsCounts> {
    (0..=max, 0..=max, 0..=max)
        .prop_filter("at least one respondent", |&(p, m, d)| p + m + d > 0)
        .prop_map(|(p, m, d)| NpsCounts::new(p, m, d))
}

fn level() -> impl Strategy<Value = f64> {
    0.5001f64..0.999
}

// ---------------------------------------------------------------------------
// 1. Percentages and score
// ---------------------------------------------------------------------------

proptest! {
    #[test]
    fn percentages_add_up_and_the_score_is_their_difference(c in counts(1_000_000)) {
        let r = NpsReport::from_counts(c, IntervalOptions::default());
        let (p, m, d) = (r.promoter_pct.unwrap(), r.passive_pct.unwrap(), r.detractor_pct.unwrap());
        let score = r.score.unwrap();
        prop_assert_eq!(r.respondents, c.promoters + c.passives + c.detractors);
        prop_assert!((p + m + d - 100.0).abs() <= 1e-9, "{} + {} + {}", p, m, d);
        prop_assert!((score - (p - d)).abs() <= 1e-9, "{} vs {} − {}", score, p, d);
        prop_assert!((-100.0..=100.0).contains(&score), "{}", score);
    }
}

// ---------------------------------------------------------------------------
// 2. Every token is counted or rejected, at its own place
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Token {
    Score(u8),
    OutOfRangeInteger(i32),
    /// `whole.fraction` with a fraction digit 1–9, written with a dot.
    Decimal(u8, u8),
    Word(String),
    Blank,
}

impl Token {
    fn text(&self) -> String {
        match self {
            Token::Score(v) => v.to_string(),
            Token::OutOfRangeInteger(v) => v.to_string(),
            Token::Decimal(w, f) => format!("{w}.{f}"),
            Token::Word(w) => w.clone(),
            Token::Blank => String::new(),
        }
    }

    /// What the entry should come to, worked out without the crate.
    fn expected(&self) -> Option<Result<u8, RejectReason>> {
        match *self {
            Token::Score(v) => Some(Ok(v)),
            Token::OutOfRangeInteger(_) => Some(Err(RejectReason::OutOfRange)),
            Token::Decimal(w, _) if w < 10 => Some(Err(RejectReason::NotWholeNumber)),
            Token::Decimal(..) => Some(Err(RejectReason::OutOfRange)),
            Token::Word(_) => Some(Err(RejectReason::NotANumber)),
            Token::Blank => None,
        }
    }
}

fn token() -> impl Strategy<Value = Token> {
    prop_oneof![
        4 => (0u8..=10).prop_map(Token::Score),
        1 => (11i32..=2000).prop_map(Token::OutOfRangeInteger),
        1 => (-2000i32..=-1).prop_map(Token::OutOfRangeInteger),
        1 => (0u8..=20, 1u8..=9).prop_map(|(w, f)| Token::Decimal(w, f)),
        1 => "[a-zA-Zé]{1,8}".prop_map(Token::Word),
        1 => Just(Token::Blank),
    ]
}

/// A single column: the first line is a score (so there is no header), then
/// any tokens, each indented by 0–3 spaces.
fn column_paste() -> impl Strategy<Value = (Vec<(usize, Token)>, bool)> {
    (
        (0usize..=3, 0u8..=10).prop_map(|(i, v)| (i, Token::Score(v))),
        prop::collection::vec((0usize..=3, token()), 0..150),
        any::<bool>(),
    )
        .prop_map(|(first, mut rest, crlf)| {
            rest.insert(0, first);
            (rest, crlf)
        })
}

proptest! {
    #[test]
    fn every_token_is_counted_or_rejected_where_it_stands((lines, crlf) in column_paste()) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let text: String = lines
            .iter()
            .map(|(indent, t)| format!("{}{}", " ".repeat(*indent), t.text()))
            .collect::<Vec<_>>()
            .join(eol);
        let tally = parse_scores(text.as_bytes(), S);

        let mut histogram = vec![0u64; 11];
        // (line, column, text, reason) of each rejected entry, in order.
        let mut rejected = Vec::new();
        for (i, (indent, t)) in lines.iter().enumerate() {
            match t.expected() {
                Some(Ok(v)) => histogram[usize::from(v)] += 1,
                Some(Err(reason)) => rejected.push((i as u64 + 1, *indent as u64 + 1, t.text(), reason)),
                None => {}
            }
        }
        let non_empty = lines.iter().filter(|(_, t)| !matches!(t, Token::Blank)).count() as u64;

        prop_assert_eq!(tally.respondents() + tally.rejected_count, non_empty);
        prop_assert_eq!(&tally.histogram, &histogram);
        prop_assert_eq!(tally.rejected_count, rejected.len() as u64);
        prop_assert_eq!(tally.rejected.len(), rejected.len().min(100));
        for (got, want) in tally.rejected.iter().zip(&rejected) {
            prop_assert_eq!((got.line, got.column, got.text.as_str(), got.reason), (want.0, want.1, want.2.as_str(), want.3));
        }
    }

    #[test]
    fn reject_positions_point_at_the_entry_in_the_text(
        (lines, crlf) in column_paste(),
        words in prop::collection::vec("[a-zé😀ü]{1,5}", 0..4),
    ) {
        // Extra words after the first entry on some lines, to exercise
        // columns that count characters rather than bytes.
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut text_lines: Vec<String> = lines
            .iter()
            .map(|(indent, t)| format!("{}{}", " ".repeat(*indent), t.text()))
            .collect();
        for (k, w) in words.iter().enumerate() {
            let i = (k * 7 + 1) % text_lines.len();
            text_lines[i].push(' ');
            text_lines[i].push_str(w);
        }
        let text = text_lines.join(eol);
        let tally = parse_scores(text.as_bytes(), S);
        let all_lines: Vec<&str> = text.split('\n').collect();
        for r in &tally.rejected {
            let line = all_lines[r.line as usize - 1].trim_end_matches('\r');
            let rest: String = line.chars().skip(r.column as usize - 1).collect();
            prop_assert!(rest.starts_with(&r.text), "{:?} at ({}, {}) in {:?}", r.text, r.line, r.column, line);
            // An entry starts a line or follows a separator.
            let before: Vec<char> = line.chars().take(r.column as usize - 1).collect();
            prop_assert!(before.last().map_or(true, |c| c.is_whitespace()), "{:?}", line);
        }
    }
}

// ---------------------------------------------------------------------------
// 3. Chunks of any size give the same tally as the whole text
// ---------------------------------------------------------------------------

fn score_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u8..=10).prop_map(|v| v.to_string()),
        1 => Just(String::new()),
        1 => Just("8,5".to_string()),
        1 => Just("\"9\"".to_string()),
        1 => Just("n.v.t.".to_string()),
        1 => Just("11".to_string()),
        1 => "[a-zé]{1,4}",
    ]
}

fn name_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zéü😀 ]{0,10}",
        "[A-Za-zéü😀; ]{0,8}".prop_map(|s| format!("\"{s}\"")),
        "[a-zé]{0,4}".prop_map(|s| format!("\"{s} \"\"quoted\"\" {s}\"")),
        "[a-zü]{0,4}".prop_map(|s| format!("\"{s}\nsecond line 😀\"")),
    ]
}

/// A `;` export with a header row; rows may be short or carry extra cells.
/// The start of a Dutch `;` export: optional BOM and its header line.
fn export_header(crlf: bool, bom: bool) -> (String, &'static str) {
    let eol = if crlf { "\r\n" } else { "\n" };
    let bom = if bom { "\u{feff}" } else { "" };
    (format!("{bom}id;Aanbeveling;naam{eol}"), eol)
}

fn csv_paste() -> impl Strategy<Value = String> {
    (prop::collection::vec((score_cell(), name_cell(), 0u8..10), 1..90), any::<bool>(), any::<bool>()).prop_map(
        |(rows, crlf, bom)| {
            let (mut text, eol) = export_header(crlf, bom);
            for (i, (score, name, shape)) in rows.into_iter().enumerate() {
                match shape {
                    0 => text.push_str(&format!("{}", i + 1)),
                    1 => text.push_str(eol),
                    _ => text.push_str(&format!("{};{score};{name}", i + 1)),
                }
                text.push_str(eol);
            }
            text
        },
    )
}

/// A typed or pasted list of entries with assorted separators.
fn list_paste() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            (
                prop_oneof![score_cell(), "[a-zéü😀]{1,3}"],
                prop_oneof![Just("\n"), Just("\r\n"), Just(","), Just(", "), Just(";"), Just("\t"), Just(" ")],
            ),
            0..150,
        ),
        any::<bool>(),
    )
        .prop_map(|(entries, bom)| {
            let mut text = if bom { "\u{feff}".to_string() } else { String::new() };
            for (e, sep) in entries {
                text.push_str(&e);
                text.push_str(sep);
            }
            text
        })
}

fn any_paste() -> impl Strategy<Value = String> {
    prop_oneof![csv_paste(), list_paste(), "\u{feff}?[0-9,;\t \r\n\".a-zéü😀]{0,300}",]
}

fn feed_in_chunks(bytes: &[u8], sizes: &[usize]) -> Tally {
    let mut parser = ScoreParser::new(S);
    let mut rest = bytes;
    let mut k = 0;
    while !rest.is_empty() {
        let size = sizes[k % sizes.len()].min(rest.len());
        parser.feed(&rest[..size]);
        rest = &rest[size..];
        k += 1;
    }
    parser.finish()
}

// The generated pastes run past the 64 lines the parser holds back to decide
// the layout, so the decision is shown not to depend on how the text is cut.

proptest! {
    #[test]
    fn chunked_feeding_gives_the_same_tally(
        text in any_paste(),
        sizes in prop::collection::vec(1usize..40, 1..8),
    ) {
        let whole = parse_scores(text.as_bytes(), S);
        let chunked = feed_in_chunks(text.as_bytes(), &sizes);
        prop_assert_eq!(chunked, whole);
    }

    // `finish_with_text` reads a text of a few lines where it lies; pieces
    // make the parser hold its start as the layout's sample instead.
    #[test]
    fn a_text_given_whole_reads_as_the_same_text_in_pieces(
        text in prop_oneof![any_paste(), "\u{feff}?[0-9 ,;\r\n]{0,12}\r?"],
        size in 1usize..40,
        column in prop::option::of(prop_oneof![Just(ColumnSelector::Index(2)), Just(ColumnSelector::Name("naam".into()))]),
    ) {
        let whole = NpsReader::new(IntervalOptions::default(), column.clone()).finish_with_text(text.as_bytes());
        let mut pieces = NpsReader::new(IntervalOptions::default(), column);
        for chunk in text.as_bytes().chunks(size) {
            pieces.push_text(chunk);
        }
        prop_assert_eq!(whole, pieces.finish());
    }

    #[test]
    fn empty_chunks_change_nothing(text in any_paste(), size in 1usize..20) {
        let whole = parse_scores(text.as_bytes(), S);
        let mut parser = ScoreParser::new(S);
        parser.feed(b"");
        for chunk in text.as_bytes().chunks(size) {
            parser.feed(chunk);
            parser.feed(b"");
        }
        prop_assert_eq!(parser.finish(), whole);
    }
}

#[test]
fn a_decimal_comma_after_the_first_64_lines_is_read_alike_in_chunks() {
    // 65 lines of "9", then "8,5". The layout is decided on the first 64 lines
    // however the text arrives, so whole and in two pieces read it alike: a
    // column, so "8,5" is a decimal and rejected as not a whole number.
    let text = "9\n".repeat(65) + "8,5\n";
    let whole = parse_scores(text.as_bytes(), S);
    let mut parser = ScoreParser::new(S);
    parser.feed(&text.as_bytes()[..130]);
    parser.feed(&text.as_bytes()[130..]);
    assert_eq!(parser.finish(), whole);
    assert_eq!((whole.respondents(), whole.rejected_count), (65, 1));
}

// ---------------------------------------------------------------------------
// 3b. A `;` export read cell by cell, counted independently
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum ScoreCell {
    Score(u8),
    QuotedScore(u8),
    Blank,
    DecimalComma(u8, u8),
    OutOfRange(u8),
    Word(String),
}

impl ScoreCell {
    fn text(&self) -> String {
        match self {
            ScoreCell::Score(v) => v.to_string(),
            ScoreCell::QuotedScore(v) => format!("\"{v}\""),
            ScoreCell::Blank => String::new(),
            ScoreCell::DecimalComma(w, f) => format!("{w},{f}"),
            ScoreCell::OutOfRange(v) => v.to_string(),
            ScoreCell::Word(w) => w.clone(),
        }
    }

    /// The cell's value after unquoting, as a report shows a rejected entry.
    fn shown(&self) -> String {
        match self {
            ScoreCell::QuotedScore(v) => v.to_string(),
            other => other.text(),
        }
    }

    fn expected(&self) -> Option<Result<u8, RejectReason>> {
        match *self {
            ScoreCell::Score(v) | ScoreCell::QuotedScore(v) => Some(Ok(v)),
            ScoreCell::Blank => None,
            ScoreCell::DecimalComma(..) => Some(Err(RejectReason::NotWholeNumber)),
            ScoreCell::OutOfRange(_) => Some(Err(RejectReason::OutOfRange)),
            ScoreCell::Word(_) => Some(Err(RejectReason::NotANumber)),
        }
    }
}

fn typed_score_cell() -> impl Strategy<Value = ScoreCell> {
    prop_oneof![
        5 => (0u8..=10).prop_map(ScoreCell::Score),
        1 => (0u8..=10).prop_map(ScoreCell::QuotedScore),
        1 => Just(ScoreCell::Blank),
        1 => (0u8..=9, 1u8..=9).prop_map(|(w, f)| ScoreCell::DecimalComma(w, f)),
        1 => (11u8..=200).prop_map(ScoreCell::OutOfRange),
        1 => "[a-zé]{1,5}".prop_map(ScoreCell::Word),
    ]
}

proptest! {
    #[test]
    fn a_semicolon_export_counts_the_named_column_cell_by_cell(
        rows in prop::collection::vec((typed_score_cell(), name_cell()), 1..25),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let (mut text, eol) = export_header(crlf, bom);
        let mut histogram = vec![0u64; 11];
        let mut rejected = Vec::new();
        let mut line = 2u64;
        for (i, (score, name)) in rows.iter().enumerate() {
            // Ids off the 0–10 scale: a column of ids that fit it could be the
            // answer by its values when the named column holds none.
            let id = (i + 1001).to_string();
            match score.expected() {
                Some(Ok(v)) => histogram[usize::from(v)] += 1,
                // The score cell starts after "<id>;".
                Some(Err(reason)) => rejected.push((line, id.len() as u64 + 2, score.shown(), reason)),
                None => {}
            }
            text.push_str(&format!("{id};{};{name}{eol}", score.text()));
            line += 1 + name.matches('\n').count() as u64;
        }

        let tally = parse_scores(text.as_bytes(), S);
        prop_assert_eq!(tally.column.as_ref().map(|c| (c.index, c.name.as_deref())), Some((2, Some("Aanbeveling"))));
        prop_assert_eq!(&tally.histogram, &histogram);
        let got: Vec<_> = tally.rejected.iter().map(|r| (r.line, r.column, r.text.clone(), r.reason)).collect();
        prop_assert_eq!(got, rejected);
    }
}

// ---------------------------------------------------------------------------
// 3c. Table rejects point at their cell
// ---------------------------------------------------------------------------

fn table_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u8..=12).prop_map(|v| v.to_string()),
        1 => "[a-zéü😀]{1,4}",
        1 => "[a-zé😀 ]{0,4}".prop_map(|s| format!("\"{s}\"")),
        1 => " [a-z0-9]{1,3} ",
        1 => Just(String::new()),
    ]
}

proptest! {
    #[test]
    fn table_rejects_point_at_their_cell(
        rows in prop::collection::vec(prop::collection::vec(table_cell(), 1..5), 2..30),
        delimiter in prop_oneof![Just(';'), Just('\t'), Just(',')],
        header in any::<bool>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let delimiter = delimiter.to_string();
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        if header {
            text.push_str(&["id", "Aanbeveling", "naam", "x"].join(&delimiter));
            text.push_str(eol);
        }
        for row in &rows {
            text.push_str(&row.join(&delimiter));
            text.push_str(eol);
        }
        let tally = parse_scores(text.as_bytes(), S);
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split('\n').collect();
        for r in &tally.rejected {
            let line = lines[r.line as usize - 1].trim_end_matches('\r');
            let rest: String = line.chars().skip(r.column as usize - 1).collect();
            // A table cell may open with spaces or a quote before its text;
            // a list entry (when the rows do not make a table) is as written.
            let unquoted = rest.trim_start_matches(|c: char| c == '"' || c.is_whitespace());
            prop_assert!(
                rest.starts_with(&r.text) || unquoted.starts_with(&r.text),
                "{:?} ({:?}) at ({}, {}) in {:?}", r.text, r.reason, r.line, r.column, line
            );
        }
    }
}

// ---------------------------------------------------------------------------
// 4. Intervals
// ---------------------------------------------------------------------------

proptest! {
    #[test]
    fn wald_and_tango_contain_the_score(c in counts(5000), level in level()) {
        for method in [IntervalMethod::Wald, IntervalMethod::Tango] {
            let r = NpsReport::from_counts(c, options(method, level));
            let score = r.score.unwrap();
            let i = r.interval.unwrap();
            prop_assert!(i.low <= score && score <= i.high, "{:?}: {} not in [{}, {}]", method, score, i.low, i.high);
        }
    }

    #[test]
    fn every_interval_is_ordered_and_on_the_scale(c in counts(5000), level in level()) {
        for method in IntervalMethod::ALL {
            let r = NpsReport::from_counts(c, options(method, level));
            let i = r.interval.unwrap();
            let margin = r.margin_of_error.unwrap();
            prop_assert_eq!(i.method, method);
            prop_assert_eq!(i.level, level);
            prop_assert!(-100.0 <= i.low && i.low <= i.high && i.high <= 100.0, "{:?}: [{}, {}]", method, i.low, i.high);
            prop_assert!(margin >= 0.0, "{:?}: margin {}", method, margin);
        }
    }

    #[test]
    fn small_samples_have_ordered_intervals_too(c in counts(4), level in level()) {
        for method in IntervalMethod::ALL {
            let r = NpsReport::from_counts(c, options(method, level));
            let i = r.interval.unwrap();
            prop_assert!(-100.0 <= i.low && i.low <= i.high && i.high <= 100.0, "{:?}: [{}, {}]", method, i.low, i.high);
            prop_assert!(r.margin_of_error.unwrap() >= 0.0);
        }
    }
}

// ---------------------------------------------------------------------------
// 5. Tango: a higher level gives a wider interval around the narrower one
// ---------------------------------------------------------------------------

/// Tango's ends are found by bisection to 1e-7 points.
const TANGO_SLACK: f64 = 1e-6;

fn tango(c: NpsCounts, level: f64) -> (f64, f64) {
    let i = NpsReport::from_counts(c, options(IntervalMethod::Tango, level)).interval.unwrap();
    (i.low, i.high)
}

proptest! {
    #[test]
    fn tango_intervals_nest_as_the_level_rises(c in counts(3000)) {
        let (l90, h90) = tango(c, 0.90);
        let (l95, h95) = tango(c, 0.95);
        let (l99, h99) = tango(c, 0.99);
        prop_assert!(l99 <= l95 + TANGO_SLACK && l95 <= l90 + TANGO_SLACK, "lows {} {} {}", l90, l95, l99);
        prop_assert!(h90 <= h95 + TANGO_SLACK && h95 <= h99 + TANGO_SLACK, "highs {} {} {}", h90, h95, h99);
    }

    #[test]
    fn tango_intervals_nest_for_any_two_levels(c in counts(300), a in level(), b in level()) {
        let (lower, higher) = if a <= b { (a, b) } else { (b, a) };
        let (l1, h1) = tango(c, lower);
        let (l2, h2) = tango(c, higher);
        prop_assert!(l2 <= l1 + TANGO_SLACK && h1 <= h2 + TANGO_SLACK, "[{}, {}] at {} vs [{}, {}] at {}", l1, h1, lower, l2, h2, higher);
    }
}

/// The constrained maximum-likelihood detractor share under promoter share −
/// detractor share = `delta`, found by golden-section search of the trinomial
/// log-likelihood P·ln(q + Δ) + D·ln(q) + M·ln(1 − 2q − Δ).
fn constrained_detractor_share(p: f64, d: f64, n: f64, delta: f64) -> f64 {
    let m = n - p - d;
    let log_likelihood = |q: f64| {
        let term = |count: f64, share: f64| if count == 0.0 { 0.0 } else { count * share.max(1e-300).ln() };
        term(p, q + delta) + term(d, q) + term(m, 1.0 - 2.0 * q - delta)
    };
    let (mut lo, mut hi) = ((-delta).max(0.0), (1.0 - delta) / 2.0);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..300 {
        let a = hi - g * (hi - lo);
        let b = lo + g * (hi - lo);
        if log_likelihood(a) < log_likelihood(b) {
            lo = a;
        } else {
            hi = b;
        }
    }
    0.5 * (lo + hi)
}

/// Tango's score statistic (P − D − nΔ) / sqrt(n·(2q̃ + Δ − Δ²)).
fn tango_statistic(p: f64, d: f64, n: f64, delta: f64) -> f64 {
    let q = constrained_detractor_share(p, d, n, delta);
    (p - d - n * delta) / (n * (2.0 * q + delta - delta * delta)).sqrt()
}

proptest! {
    #[test]
    fn tango_ends_are_where_the_score_statistic_is_plus_or_minus_z(c in counts(300), level in level()) {
        let z = ConfidenceLevel::new(level).unwrap().critical_z();
        let (low, high) = tango(c, level);
        let (p, d, n) = (c.promoters as f64, c.detractors as f64, c.respondents() as f64);
        if low > -100.0 + 1e-9 {
            let t = tango_statistic(p, d, n, low / 100.0);
            prop_assert!((t - z).abs() < 1e-4, "T({}) = {}, z = {}", low, t, z);
        }
        if high < 100.0 - 1e-9 {
            let t = tango_statistic(p, d, n, high / 100.0);
            prop_assert!((t + z).abs() < 1e-4, "T({}) = {}, z = {}", high, t, z);
        }
    }

    #[test]
    fn wald_interval_is_the_score_plus_or_minus_z_standard_errors(c in counts(100_000), level in level()) {
        let r = NpsReport::from_counts(c, options(IntervalMethod::Wald, level));
        let n = c.respondents() as f64;
        let (p, d) = (c.promoters as f64 / n, c.detractors as f64 / n);
        let se = ((p + d - (p - d) * (p - d)).max(0.0) / n).sqrt();
        let half = ConfidenceLevel::new(level).unwrap().critical_z() * se * 100.0;
        let score = r.score.unwrap();
        let i = r.interval.unwrap();
        prop_assert!((r.margin_of_error.unwrap() - half).abs() < 1e-9);
        prop_assert!((i.low - (score - half).max(-100.0)).abs() < 1e-9);
        prop_assert!((i.high - (score + half).min(100.0)).abs() < 1e-9);
    }

    #[test]
    fn swapping_promoters_and_detractors_mirrors_every_interval(c in counts(5000), level in level()) {
        let mirrored = NpsCounts::new(c.detractors, c.passives, c.promoters);
        for method in IntervalMethod::ALL {
            let slack = if method == IntervalMethod::Tango { TANGO_SLACK } else { 1e-9 };
            let a = NpsReport::from_counts(c, options(method, level));
            let b = NpsReport::from_counts(mirrored, options(method, level));
            let (ia, ib) = (a.interval.unwrap(), b.interval.unwrap());
            prop_assert!((a.score.unwrap() + b.score.unwrap()).abs() < 1e-9);
            prop_assert!((ia.low + ib.high).abs() < slack && (ia.high + ib.low).abs() < slack,
                "{:?}: [{}, {}] vs [{}, {}]", method, ia.low, ia.high, ib.low, ib.high);
        }
    }
}

// ---------------------------------------------------------------------------
// 6. Nothing panics
// ---------------------------------------------------------------------------

proptest! {
    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in any::<Vec<u8>>(), size in 1usize..64) {
        let whole = parse_scores(&bytes, S);
        prop_assert_eq!(whole.histogram.len(), 11);
        prop_assert!(whole.rejected.len() as u64 <= whole.rejected_count);
        let chunked = feed_in_chunks(&bytes, &[size]);
        prop_assert_eq!(chunked, whole);
        let text = String::from_utf8_lossy(&bytes);
        for method in IntervalMethod::ALL {
            let _ = analyze_nps(&text, options(method, 0.95));
        }
    }

    #[test]
    fn strings_of_digits_and_separators_do_not_panic(text in "[0-9,;\t \r\n\".a-zé]{0,400}") {
        let tally = parse_scores(text.as_bytes(), S);
        prop_assert!(tally.rejected.len() as u64 <= tally.rejected_count);
        for method in IntervalMethod::ALL {
            let r = analyze_nps(&text, options(method, 0.9));
            prop_assert_eq!(r.respondents, tally.respondents());
            prop_assert_eq!(r.rejected_count, tally.rejected_count);
        }
    }

    #[test]
    fn long_lines_and_many_rows_do_not_panic(
        cell in "[0-9a-z\"é]{0,600}",
        rows in 0usize..200,
        sep in prop_oneof![Just(";"), Just("\t"), Just(","), Just("\n")],
    ) {
        let text = format!("a{sep}b\n") + &format!("{cell}{sep}9\n").repeat(rows);
        let _ = analyze_nps(&text, IntervalOptions::default());
    }
}

// ---------------------------------------------------------------------------
// 7. Comparing two samples
// ---------------------------------------------------------------------------

proptest! {
    #[test]
    fn comparison_is_consistent(
        before in counts(2000),
        after in counts(2000),
        level in level(),
        adjusted in any::<bool>(),
    ) {
        let method = if adjusted { IntervalMethod::AdjustedWald } else { IntervalMethod::Wald };
        let c = compare_nps(before, after, options(method, level)).unwrap();
        let difference = c.difference.unwrap();
        prop_assert!((difference - (c.after.score.unwrap() - c.before.score.unwrap())).abs() <= 1e-9);
        let p = c.p_value.unwrap();
        prop_assert!((0.0..=1.0).contains(&p), "p = {}", p);
        let i = c.interval.unwrap();
        prop_assert!(i.low <= i.high);
        prop_assert!(c.margin_of_error.unwrap() >= 0.0);
        let z = c.z.unwrap();
        let critical = ConfidenceLevel::new(level).unwrap().critical_z();
        if (z.abs() - critical).abs() > 1e-9 {
            let excludes_zero = i.low > 0.0 || i.high < 0.0;
            prop_assert_eq!(c.significant, Some(excludes_zero), "z = {}, critical {}, [{}, {}]", z, critical, i.low, i.high);
        }
    }

    #[test]
    fn swapping_the_samples_negates_the_change(before in counts(2000), after in counts(2000), adjusted in any::<bool>()) {
        let method = if adjusted { IntervalMethod::AdjustedWald } else { IntervalMethod::Wald };
        let forward = compare_nps(before, after, options(method, 0.95)).unwrap();
        let back = compare_nps(after, before, options(method, 0.95)).unwrap();
        prop_assert!((forward.difference.unwrap() + back.difference.unwrap()).abs() < 1e-9);
        prop_assert!((forward.p_value.unwrap() - back.p_value.unwrap()).abs() < 1e-12);
        prop_assert_eq!(forward.significant, back.significant);
        let (f, b) = (forward.interval.unwrap(), back.interval.unwrap());
        prop_assert!((f.low + b.high).abs() < 1e-9 && (f.high + b.low).abs() < 1e-9);
    }

    #[test]
    fn a_sample_compared_with_itself_shows_no_change(c in counts(2000), level in level()) {
        let cmp = compare_nps(c, c, options(IntervalMethod::Wald, level)).unwrap();
        prop_assert_eq!(cmp.difference, Some(0.0));
        prop_assert_eq!(cmp.z, Some(0.0));
        prop_assert_eq!(cmp.p_value, Some(1.0));
        prop_assert_eq!(cmp.significant, Some(false));
    }
}

// ---------------------------------------------------------------------------
// 8. Sample size
// ---------------------------------------------------------------------------

/// The Wald margin, in NPS points, of `n` respondents with these shares.
fn wald_margin(z: f64, p: f64, d: f64, n: u64) -> f64 {
    z * ((p + d - (p - d) * (p - d)).max(0.0) / n as f64).sqrt() * 100.0
}

fn shares() -> impl Strategy<Value = (Option<f64>, Option<f64>)> {
    prop_oneof![
        (0.0f64..=1.0, 0.0f64..=1.0).prop_map(|(p, f)| (Some(p), Some(f * (1.0 - p)))),
        (0.0f64..=1.0).prop_map(|p| (Some(p), None)),
        (0.0f64..=1.0).prop_map(|d| (None, Some(d))),
        Just((None, None)),
    ]
}

proptest! {
    #[test]
    fn the_sample_size_is_the_smallest_that_reaches_the_margin(
        margin in 0.5f64..60.0,
        level in level(),
        (p, d) in shares(),
    ) {
        let level = ConfidenceLevel::new(level).unwrap();
        let plan = nps_sample_size(margin, level, p, d).unwrap();
        let z = level.critical_z();
        let (p, d) = (plan.promoter_share, plan.detractor_share);
        prop_assert!(p + d <= 1.0 + 1e-12, "{} + {}", p, d);
        prop_assert_eq!(plan.margin, margin);
        let n = plan.respondents;
        prop_assert!(n >= 1);
        let reached = wald_margin(z, p, d, n);
        prop_assert!(reached <= margin * (1.0 + 1e-9), "n = {} gives ±{} > ±{}", n, reached, margin);
        if n > 1 {
            let short = wald_margin(z, p, d, n - 1);
            prop_assert!(short > margin, "n − 1 = {} already gives ±{} ≤ ±{}", n - 1, short, margin);
        }
    }

    #[test]
    fn an_unknown_share_is_the_worst_case(margin in 1.0f64..30.0, p in 0.0f64..=1.0, f in 0.0f64..=1.0) {
        // Any detractor share allowed next to p needs no more respondents than
        // the plan that leaves the detractor share open.
        let level = ConfidenceLevel::DEFAULT;
        let open = nps_sample_size(margin, level, Some(p), None).unwrap();
        let given = nps_sample_size(margin, level, Some(p), Some(f * (1.0 - p))).unwrap();
        prop_assert!(given.respondents <= open.respondents, "{} > {}", given.respondents, open.respondents);
        let neither = nps_sample_size(margin, level, None, None).unwrap();
        prop_assert!(open.respondents <= neither.respondents);
    }
}
