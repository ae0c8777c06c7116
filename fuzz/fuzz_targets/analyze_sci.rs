//! What every SCI report must satisfy, on each scale the SCI allows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::sci::{analyze_sci, SCI_SCALES};
use loyalty_score::ConfidenceLevel;

const LEVELS: [f64; 4] = [0.8, 0.9, 0.95, 0.99];
const SLACK: f64 = 1e-9;

fn percent(p: Option<f64>) {
    if let Some(p) = p {
        assert!((0.0..=100.0).contains(&p), "{p}");
    }
}

fuzz_target!(|data: &[u8]| {
    let pick = usize::from(data.last().copied().unwrap_or(0));
    let scale = SCI_SCALES[pick % SCI_SCALES.len()];
    let level = ConfidenceLevel::new(LEVELS[(pick / 3) % LEVELS.len()]).unwrap();
    let r = analyze_sci(data, scale, level);

    assert_eq!((r.scale.min, r.scale.max), (scale.min, scale.max));
    assert_eq!(r.secure + r.favorable + r.at_risk, r.respondents);
    assert_eq!(r.rejected.len() as u64, r.rejected_count.min(100));
    assert_eq!(r.at_risk_lines.len() as u64, r.at_risk.min(100));
    assert!(r.at_risk_lines.windows(2).all(|w| w[0] < w[1]), "{:?}", r.at_risk_lines);
    for p in [r.secure_pct, r.favorable_pct, r.at_risk_pct, r.cli] {
        percent(p);
    }
    for p in [r.per_question.satisfaction, r.per_question.repurchase, r.per_question.recommend] {
        percent(p);
    }
    match (r.index, r.interval) {
        (None, None) => assert_eq!(r.respondents, 0),
        (Some(index), Some(i)) => {
            assert!(r.respondents > 0);
            assert_eq!(Some(index), r.secure_pct);
            assert!(0.0 <= i.low && i.low <= i.high && i.high <= 100.0, "[{}, {}]", i.low, i.high);
            assert!(i.low - SLACK <= index && index <= i.high + SLACK, "{index} not in [{}, {}]", i.low, i.high);
        }
        other => panic!("index and interval disagree on whether anything was counted: {other:?}"),
    }
});
