//! A caller's settings are either taken or refused with an error that names
//! the setting, never a panic, whatever value the host passes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::likert::LIKERT_SCALES;
use loyalty_score::nps::analyze_nps_column;
use loyalty_score::options::scale_from_name;
use loyalty_score::sci::SCI_SCALES;
use loyalty_score::{nps_sample_size, ColumnSelector, ConfidenceLevel, IntervalMethod, IntervalOptions, NpsReader};

fn f64_at(data: &[u8], at: usize) -> f64 {
    let mut bytes = [0u8; 8];
    for (k, b) in bytes.iter_mut().enumerate() {
        *b = data.get(at + k).copied().unwrap_or(0);
    }
    f64::from_le_bytes(bytes)
}

fuzz_target!(|data: &[u8]| {
    let level = match ConfidenceLevel::new(f64_at(data, 0)) {
        Ok(level) => {
            assert!(level.value() > 0.0 && level.value() < 1.0);
            let z = level.critical_z();
            assert!(z.is_finite() && z >= 0.0, "z {z} at {}", level.value());
            level
        }
        Err(e) => {
            assert_eq!(e.option, "level");
            assert!(!e.problem.is_empty());
            ConfidenceLevel::DEFAULT
        }
    };
    match nps_sample_size(f64_at(data, 8), level, Some(f64_at(data, 16)).filter(|_| data.len() % 2 == 0), None) {
        Ok(plan) => assert!(plan.respondents >= 1),
        Err(e) => assert!(!e.option.is_empty() && !e.problem.is_empty()),
    }

    let text = String::from_utf8_lossy(data);
    for allowed in [&SCI_SCALES[..], &LIKERT_SCALES[..]] {
        match scale_from_name(&text, allowed) {
            Ok(scale) => assert!(allowed.contains(&scale)),
            Err(e) => assert_eq!(e.option, "scale"),
        }
    }
    match IntervalMethod::from_name(&text) {
        Ok(method) => assert_eq!(method.name(), text),
        Err(e) => assert_eq!(e.option, "method"),
    }

    // The first line names the column, the rest is the paste; the first four
    // bytes are also a column position, mostly a small one.
    let (name, paste) = text.split_once('\n').unwrap_or((&text, ""));
    let raw = u32::from_le_bytes([0, 1, 2, 3].map(|k| data.get(k).copied().unwrap_or(0)));
    let index = if raw & 0x8000_0000 == 0 { raw % 12 } else { raw };
    let options = IntervalOptions { level, method: IntervalMethod::ALL[raw as usize % 3] };
    for selector in [ColumnSelector::Name(name.to_string()), ColumnSelector::Index(index)] {
        let result = analyze_nps_column(paste, options, Some(selector.clone()));
        if let Err(e) = &result {
            assert!(!e.option.is_empty() && !e.problem.is_empty());
        }
        // The reader's early error is the one its report ends with.
        let mut reader = NpsReader::new(options, Some(selector));
        reader.push_text(paste.as_bytes());
        let early = reader.error().cloned();
        let finished = reader.finish();
        if let Some(e) = early {
            assert_eq!(finished.as_ref().err(), Some(&e));
        }
        assert_eq!(finished, result);
    }
});
