//! What every Likert / CSAT report must satisfy, on each scale it allows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::likert::{analyze_likert, LIKERT_SCALES};
use loyalty_score::ConfidenceLevel;

const LEVELS: [f64; 4] = [0.8, 0.9, 0.95, 0.99];
const SLACK: f64 = 1e-9;

fuzz_target!(|data: &[u8]| {
    let pick = usize::from(data.last().copied().unwrap_or(0));
    let scale = LIKERT_SCALES[pick % LIKERT_SCALES.len()];
    let level = ConfidenceLevel::new(LEVELS[(pick / 3) % LEVELS.len()]).unwrap();
    let r = analyze_likert(data, scale, level);
    let (min, max) = (f64::from(scale.min), f64::from(scale.max));

    assert_eq!(r.histogram.len(), scale.len());
    assert_eq!(r.histogram.iter().sum::<u64>(), r.respondents);
    assert_eq!(r.rejected.len() as u64, r.rejected_count.min(100));
    for p in [r.top_box_pct, r.top_two_box_pct, r.bottom_two_box_pct].into_iter().flatten() {
        assert!((0.0..=100.0).contains(&p), "{p}");
    }
    match (r.mean, r.median) {
        (None, None) => assert_eq!(r.respondents, 0),
        (Some(mean), Some(median)) => {
            assert!(min - SLACK <= mean && mean <= max + SLACK, "mean {mean}");
            assert!(min <= median && median <= max, "median {median}");
        }
        other => panic!("mean and median disagree on whether anything was counted: {other:?}"),
    }
    if let Some(sd) = r.sd {
        assert!(sd >= 0.0 && sd.is_finite(), "sd {sd}");
    }
    assert_eq!(r.mean_interval.is_some(), r.respondents >= 2);
    if let (Some(i), Some(mean)) = (r.mean_interval, r.mean) {
        assert!(min <= i.low && i.low <= i.high && i.high <= max, "[{}, {}]", i.low, i.high);
        assert!(i.low - SLACK <= mean && mean <= i.high + SLACK, "{mean} not in [{}, {}]", i.low, i.high);
    }
    assert_eq!(r.top_two_box_interval.is_some(), r.respondents > 0);
    if let (Some(i), Some(share)) = (r.top_two_box_interval, r.top_two_box_pct) {
        assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "[{}, {}]", i.low, i.high);
        assert!(i.low - SLACK <= share && share <= i.high + SLACK, "{share} not in [{}, {}]", i.low, i.high);
    }
});
