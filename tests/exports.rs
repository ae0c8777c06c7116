//! Survey exports laid out as each tool writes them (tests/fixtures/exports,
//! made by make.py with the answers decided first and checked by check.py
//! with Python's own csv module): the right column, the right counts, the
//! warnings, however the file is cut into chunks.

use loyalty_score::likert::LikertReader;
use loyalty_score::{ConfidenceLevel, IntervalOptions, NpsReader, Scale};
use serde_json::Value;
use std::fs;

fn fixtures() -> Vec<(String, Value, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exports/");
    let expected: Value = serde_json::from_str(&fs::read_to_string(format!("{dir}expected.json")).unwrap()).unwrap();
    let mut files: Vec<_> = expected
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, e)| (name.clone(), e.clone(), fs::read(format!("{dir}{name}")).unwrap()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(files.len() >= 16, "{} fixtures", files.len());
    files
}

/// Chunks of uneven sizes (1, 2, 3, 5, 8, 13, … bytes, then again), so that
/// cuts fall inside numbers, quotes, UTF-8 and UTF-16 sequences and CRLFs.
fn uneven_chunks(bytes: &[u8]) -> Vec<&[u8]> {
    let mut chunks = Vec::new();
    let (mut a, mut b) = (1usize, 2usize);
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + a).min(bytes.len());
        chunks.push(&bytes[at..end]);
        at = end;
        (a, b) = (b, if a + b > 4096 { 1 } else { a + b });
    }
    chunks
}

fn codes(warnings: &[loyalty_score::Warning]) -> Vec<&str> {
    warnings.iter().map(|w| w.code).collect()
}

fn expected_codes(e: &Value) -> Vec<&str> {
    e["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect()
}

#[test]
fn every_nps_export_gives_its_hand_counted_answers_in_one_piece_and_in_chunks() {
    for (name, e, bytes) in fixtures().into_iter().filter(|(_, e, _)| e["metric"] == "nps") {
        let mut whole = NpsReader::new(IntervalOptions::default(), None);
        whole.push_bytes(&bytes);
        let report = whole.finish().unwrap();
        let mut pieces = NpsReader::new(IntervalOptions::default(), None);
        for chunk in uneven_chunks(&bytes) {
            pieces.push_bytes(chunk);
        }
        assert_eq!(pieces.finish().unwrap(), report, "{name}: chunks differ from the whole");

        let column = report.column.as_ref().unwrap_or_else(|| panic!("{name}: no column"));
        assert_eq!(u64::from(column.index), e["column"]["index"].as_u64().unwrap(), "{name}: column");
        assert_eq!(column.name.as_deref(), e["column"]["name"].as_str(), "{name}: name");
        assert_eq!(column.short_name.as_deref(), e["column"]["shortName"].as_str(), "{name}: short name");
        let counts = (report.promoters, report.passives, report.detractors);
        let want = (e["promoters"].as_u64().unwrap(), e["passives"].as_u64().unwrap(), e["detractors"].as_u64().unwrap());
        assert_eq!(counts, want, "{name}: promoters, passives, detractors");
        assert_eq!(report.rejected_count, e["rejected"].as_u64().unwrap(), "{name}: rejected {:?}", report.rejected);
        let profile = report.columns[column.index as usize - 1].profile;
        assert_eq!(profile.blank, e["blank"].as_u64().unwrap(), "{name}: blank");
        assert_eq!(report.rows, Some(e["rows"].as_u64().unwrap()), "{name}: rows");
        assert_eq!(report.encoding.map(|x| x.name()), e["encoding"].as_str(), "{name}: encoding");
        assert_eq!(codes(&report.warnings), expected_codes(&e), "{name}: warnings {:?}", report.warnings);
    }
}

#[test]
fn a_likert_export_in_words_reads_each_column_with_its_label_scale() {
    for (name, e, bytes) in fixtures().into_iter().filter(|(_, e, _)| e["metric"] == "likert") {
        let five = Scale { min: 1, max: 5 };
        let mut reader = LikertReader::new(five, ConfidenceLevel::DEFAULT, None);
        for chunk in uneven_chunks(&bytes) {
            reader.push_bytes(chunk);
        }
        let report = reader.finish().unwrap();
        assert_eq!(u64::from(report.column.as_ref().unwrap().index), e["column"]["index"].as_u64().unwrap(), "{name}");
        assert_eq!(codes(&report.warnings), expected_codes(&e), "{name}");
        for column in e["histogram"].as_array().unwrap() {
            let index = column["index"].as_u64().unwrap();
            let other = reader.report_for(&loyalty_score::ColumnSelector::Index(index as u32)).unwrap();
            // The labels from the lowest up are the answers 1 to 5.
            let want: Vec<u64> = column["scale"]
                .as_array()
                .unwrap()
                .iter()
                .map(|label| column["counts"][label.as_str().unwrap()].as_u64().unwrap())
                .collect();
            assert_eq!(other.histogram, want, "{name} column {index}");
            assert_eq!(other.columns[index as usize - 1].profile.blank, column["blank"].as_u64().unwrap());
            assert_eq!(other.rejected_count, column["rejected"].as_u64().unwrap());
            assert!(other.labels.is_some(), "{name} column {index}: no label scale named");
        }
    }
}
