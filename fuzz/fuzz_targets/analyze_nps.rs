//! What every NPS report must satisfy, whatever bytes it was read from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::{analyze_nps_bytes, ConfidenceLevel, IntervalMethod, IntervalOptions};

const LEVELS: [f64; 5] = [0.8, 0.9, 0.95, 0.99, 0.999];
/// Tango's ends come from bisection to 1e-6 points; the others are closed forms.
const TANGO_SLACK: f64 = 1e-6;
const SLACK: f64 = 1e-9;

fuzz_target!(|data: &[u8]| {
    // The last byte picks the options without being taken from the data, so a
    // seed export is read as it is.
    let pick = usize::from(data.last().copied().unwrap_or(0));
    let method = IntervalMethod::ALL[pick % 3];
    let level = ConfidenceLevel::new(LEVELS[(pick / 3) % LEVELS.len()]).unwrap();
    let r = analyze_nps_bytes(data, IntervalOptions { level, method });

    assert_eq!(r.promoters + r.passives + r.detractors, r.respondents);
    let histogram = r.histogram.as_ref().expect("a report read from text has a histogram");
    assert_eq!(histogram.len(), 11);
    assert_eq!(histogram.iter().sum::<u64>(), r.respondents);
    assert_eq!(r.rejected.len() as u64, r.rejected_count.min(100));

    let n = r.respondents;
    match (r.score, r.interval, r.margin_of_error) {
        (None, None, None) => assert_eq!(n, 0),
        (Some(score), Some(i), Some(margin)) => {
            assert!(n > 0);
            assert!((-100.0..=100.0).contains(&score), "score {score}");
            let (p, m, d) = (r.promoter_pct.unwrap(), r.passive_pct.unwrap(), r.detractor_pct.unwrap());
            assert!((p + m + d - 100.0).abs() < 1e-9, "{p} + {m} + {d}");
            assert!((score - (p - d)).abs() < 1e-9);
            assert!(-100.0 <= i.low && i.low <= i.high && i.high <= 100.0, "[{}, {}]", i.low, i.high);
            assert!(margin >= 0.0 && margin.is_finite(), "margin {margin}");
            assert_eq!((i.method, i.level), (method, level.value()));
            // Adjusted Wald is centred on the score of the counts with 0.75
            // promoter and 0.75 detractor added out of 3 pseudo-respondents;
            // that, not the raw score, is what it must contain.
            let (estimate, slack) = match method {
                IntervalMethod::AdjustedWald => (100.0 * (r.promoters as f64 - r.detractors as f64) / (n as f64 + 3.0), SLACK),
                IntervalMethod::Wald => (score, SLACK),
                IntervalMethod::Tango => (score, TANGO_SLACK),
            };
            assert!(i.low - slack <= estimate && estimate <= i.high + slack, "{method:?}: {estimate} not in [{}, {}]", i.low, i.high);
        }
        other => panic!("score, interval and margin disagree on whether anything was counted: {other:?}"),
    }
});
