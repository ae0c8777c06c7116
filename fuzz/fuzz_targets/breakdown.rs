//! Segments, periods and comments of any bytes, with the segment, date and
//! comment columns picked by the input's last byte: the counts must add up,
//! every interval hold its score, the periods run in time order, and a cut
//! into two chunks change nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loyalty_score::breakdown::ExtraSelectors;
use loyalty_score::dates::{DateOrder, Period};
use loyalty_score::{ColumnSelector, IntervalOptions, NpsReader, NpsReport, OptionError};

const PERIODS: [Option<Period>; 6] = [None, Some(Period::Day), Some(Period::Week), Some(Period::Month), Some(Period::Quarter), Some(Period::Year)];

fn read(data: &[u8], cut: usize, extras: &ExtraSelectors, period: Option<Period>) -> Result<NpsReport, OptionError> {
    let mut reader = NpsReader::new(IntervalOptions::default(), None).with_breakdown(extras.clone(), period);
    let (a, b) = data.split_at(cut.min(data.len()));
    reader.push_bytes(a);
    reader.push_bytes(b);
    reader.finish()
}

fuzz_target!(|data: &[u8]| {
    let pick = usize::from(data.last().copied().unwrap_or(0));
    let column = |k: usize| (k > 0).then(|| ColumnSelector::Index(k as u32));
    let extras = ExtraSelectors {
        segment: column(pick % 4),
        date: column((pick / 4) % 4),
        comment: column((pick / 16) % 4),
        date_order: [None, Some(DateOrder::DayFirst), Some(DateOrder::MonthFirst)][pick % 3],
    };
    let period = PERIODS[(pick / 3) % PERIODS.len()];
    let one = read(data, data.len(), &extras, period);
    let cut = usize::from(data.first().copied().unwrap_or(0)) * 7;
    assert_eq!(read(data, cut, &extras, period), one, "cut at {cut}");
    let Ok(r) = one else { return };
    if let Some(segments) = &r.segments {
        assert_eq!(segments.iter().map(|s| s.respondents).sum::<u64>(), r.respondents);
        assert!(segments.len() <= 51);
        for s in segments {
            assert_eq!(s.promoters + s.passives + s.detractors, s.respondents);
            if let (Some(score), Some(i)) = (s.score, s.interval) {
                let centre = 100.0 * (s.promoters as f64 - s.detractors as f64) / (s.respondents as f64 + 3.0);
                assert!(i.low <= i.high && (-100.0..=100.0).contains(&score));
                assert!(i.low - 1e-9 <= centre && centre <= i.high + 1e-9);
            }
            let v = &s.versus_rest;
            if let (Some(p), Some(adjusted)) = (v.p_value, v.p_value_adjusted) {
                assert!((0.0..=1.0).contains(&p) && p <= adjusted + 1e-15 && adjusted <= 1.0);
            }
        }
    }
    if let Some(periods) = &r.periods {
        let dated = r.respondents - r.undated.unwrap() - r.date_rejected_count.unwrap();
        assert_eq!(periods.iter().map(|p| p.respondents).sum::<u64>(), dated);
        assert!(periods.windows(2).all(|w| w[0].start < w[1].start), "periods in time order");
        assert_eq!(periods.first().map(|p| p.versus_previous.is_none()), periods.first().map(|_| true));
    }
    if let Some(c) = &r.comments {
        for group in [&c.promoters, &c.passives, &c.detractors] {
            assert!(group.items.len() as u64 <= group.total && group.items.len() <= 500);
            assert!(group.items.windows(2).all(|w| w[0].line < w[1].line));
        }
    }
});
