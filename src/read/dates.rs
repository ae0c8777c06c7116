//! Dates as survey tools and spreadsheets write them, and the calendar
//! periods answers are grouped in.
//!
//! Read: ISO 8601 (`2024-01-05`, with or without a time and zone), the
//! year-first form of Google Forms (`2024/01/05 10:11:12 AM GMT+1`), day and
//! month in either order (`5-1-2024`, `5/1/2024`, `1/5/2024`, `9/8/18 15:29`),
//! the dotted day-first form (`5.1.2024`), and Excel serial day numbers
//! (`45296`, `45296.4375`). The time, if any, is checked for its shape and then
//! left out: answers are grouped by the date as written, in the zone it was
//! written in. Whether `5/1/2024` is the 5th of January or the 1st of May is
//! not known from one cell; the file's values decide (see [`DateOrder`]).

use serde::Serialize;

/// A date cell as read, before the file's day-and-month order is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum RawDate {
    /// A date whose fields are known: ISO, year-first, dotted, or a serial number.
    Known { year: i32, month: u8, day: u8 },
    /// Two numbers and a year whose order the file decides.
    Pair { year: i32, first: u8, second: u8, twelve_hour: bool },
}

/// Which of the two numbers of `5/1/2024` is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DateOrder {
    #[serde(rename = "day-first")]
    DayFirst,
    #[serde(rename = "month-first")]
    MonthFirst,
}

impl DateOrder {
    pub fn name(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day-first",
            DateOrder::MonthFirst => "month-first",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "day-first" => Some(DateOrder::DayFirst),
            "month-first" => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }
}

/// Splits a leading run of ASCII digits off `s`.
fn digits(s: &str) -> (&str, &str) {
    let end = s.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.parse().ok()
}

/// Whether what follows a date is a time (`10:11`, `10:11:12.5`, then
/// optionally AM/PM and a zone such as `Z`, `+01:00`, `GMT+1`, `CET`), and
/// whether it is a 12-hour time.
fn time_after(rest: &str) -> Option<bool> {
    let rest = rest.trim_end();
    if rest.is_empty() {
        return Some(false);
    }
    let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')).map(str::trim_start)?;
    let (hours, after) = digits(time);
    if hours.is_empty() || hours.len() > 2 || !after.starts_with(':') {
        return None;
    }
    let (minutes, mut after) = digits(&after[1..]);
    if minutes.len() != 2 {
        return None;
    }
    if let Some(seconds) = after.strip_prefix(':') {
        let (s, more) = digits(seconds);
        if s.len() != 2 {
            return None;
        }
        after = more;
        if let Some(fraction) = after.strip_prefix('.').or_else(|| after.strip_prefix(',')) {
            after = digits(fraction).1;
        }
    }
    let after = after.trim_start();
    let (twelve_hour, zone) = match after.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("am" | "pm") => (true, after[2..].trim_start()),
        _ => (false, after),
    };
    // A zone: letters (UTC, GMT, CET, Z) and/or an offset; nothing else.
    let zone_ok = zone.len() <= 12 && zone.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b':'));
    zone_ok.then_some(twelve_hour)
}

/// Days in `month` of `year` (proleptic Gregorian).
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A whole year from two or four digits: `18` is 2018, `75` is 1975.
fn full_year(text: &str) -> Option<i32> {
    let value = number(text)? as i32;
    match text.len() {
        4 => Some(value),
        2 if value < 70 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

/// Reads one trimmed, non-blank date cell; `None` if it is not a date.
pub(crate) fn read_date(text: &str) -> Option<RawDate> {
    let (first, rest) = digits(text);
    if first.is_empty() {
        return None;
    }
    // An Excel serial day number, perhaps with the time as a fraction.
    if rest.is_empty() || (rest.starts_with('.') && rest.len() > 1 && rest[1..].bytes().all(|b| b.is_ascii_digit()) && first.len() >= 4) {
        let serial = number(first)?;
        return from_excel_serial(serial);
    }
    let separator = rest.as_bytes()[0];
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let (second, rest) = digits(&rest[1..]);
    if second.is_empty() || second.len() > 2 || rest.as_bytes().first() != Some(&separator) {
        return None;
    }
    let (third, rest) = digits(&rest[1..]);
    let twelve_hour = time_after(rest)?;
    let known = |year: i32, month: u32, day: u32| {
        let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
        (day >= 1 && day <= days_in_month(year, month)).then_some(RawDate::Known { year, month, day })
    };
    if first.len() == 4 {
        // Year first: ISO 8601 with dashes, Google Forms with slashes.
        if third.is_empty() || third.len() > 2 || separator == b'.' {
            return None;
        }
        return known(number(first)? as i32, number(second)?, number(third)?);
    }
    if first.len() > 2 {
        return None;
    }
    let year = full_year(third)?;
    let (a, b) = (number(first)? as u8, number(second)? as u8);
    if separator == b'.' {
        return known(year, u32::from(b), u32::from(a));
    }
    // Either order must give a real date for the pair to be one.
    let day_first = a >= 1 && b >= 1 && b <= 12 && a <= days_in_month(year, b);
    let month_first = a >= 1 && b >= 1 && a <= 12 && b <= days_in_month(year, a);
    (day_first || month_first).then_some(RawDate::Pair { year, first: a, second: b, twelve_hour })
}

/// Excel's serial day numbers count from 1 = 1900-01-01 and, as Lotus 1-2-3
/// did, hold a 29 February 1900 that never was (serial 60).
fn from_excel_serial(serial: u32) -> Option<RawDate> {
    // Up to 31 December 9999, Excel's last date.
    if serial == 0 || serial == 60 || serial > 2_958_465 {
        return None;
    }
    // Days since 1970-01-01: serial 25569 is that day.
    let days = i64::from(serial) - 25_569 + if serial < 60 { 1 } else { 0 };
    let (year, month, day) = civil_from_days(days);
    Some(RawDate::Known { year, month, day })
}

impl RawDate {
    /// The date as (year, month, day) under `order`; `None` if the pair is no date in that order.
    pub(crate) fn resolve(self, order: DateOrder) -> Option<(i32, u8, u8)> {
        match self {
            RawDate::Known { year, month, day } => Some((year, month, day)),
            RawDate::Pair { year, first, second, .. } => {
                let (month, day) = match order {
                    DateOrder::DayFirst => (second, first),
                    DateOrder::MonthFirst => (first, second),
                };
                (month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month)).then_some((year, month, day))
            }
        }
    }
}

/// What the pairs of a file say about their order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OrderEvidence {
    /// Rows whose first number is above 12: only day-first reads them.
    pub day_first: u64,
    /// Rows whose second number is above 12: only month-first reads them.
    pub month_first: u64,
    /// Rows that read either way.
    pub either: u64,
    /// Rows of those written with a 12-hour (AM/PM) time.
    pub twelve_hour: u64,
}

impl OrderEvidence {
    pub fn add(&mut self, date: RawDate, rows: u64) {
        if let RawDate::Pair { first, second, twelve_hour, .. } = date {
            if first > 12 {
                self.day_first += rows;
            } else if second > 12 {
                self.month_first += rows;
            } else {
                self.either += rows;
            }
            if twelve_hour {
                self.twelve_hour += rows;
            }
        }
    }

    /// Whether the file has any date whose order is open.
    pub fn has_pairs(&self) -> bool {
        self.day_first + self.month_first + self.either > 0
    }

    /// The order the values show, or `None` when they fit both (or neither) alike.
    pub fn decided(&self) -> Option<DateOrder> {
        match (self.day_first > 0, self.month_first > 0) {
            (true, false) => Some(DateOrder::DayFirst),
            (false, true) => Some(DateOrder::MonthFirst),
            (true, true) if self.day_first > self.month_first => Some(DateOrder::DayFirst),
            (true, true) if self.month_first > self.day_first => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// The order assumed when the values do not decide: month first where
    /// times are written with AM/PM (the American way), day first otherwise.
    pub fn assumed(&self) -> DateOrder {
        if self.twelve_hour * 2 > self.day_first + self.month_first + self.either {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// A calendar period answers are grouped in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    /// ISO 8601 weeks: Monday first, numbered by the year of their Thursday.
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    /// Longest first: the order `auto` tries them in.
    pub const LONGEST_FIRST: [Period; 5] = [Period::Year, Period::Quarter, Period::Month, Period::Week, Period::Day];

    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            _ => return None,
        })
    }

    /// The first day (days since 1970-01-01) of the period holding `days`.
    pub fn start(self, days: i64) -> i64 {
        let (year, month, _) = civil_from_days(days);
        match self {
            Period::Day => days,
            // 1970-01-01 was a Thursday: Monday is 0.
            Period::Week => days - (days + 3).rem_euclid(7),
            Period::Month => days_from_civil(year, month, 1),
            Period::Quarter => days_from_civil(year, (month - 1) / 3 * 3 + 1, 1),
            Period::Year => days_from_civil(year, 1, 1),
        }
    }

    /// The label of the period starting on `start`: `2024-01-05`,
    /// `2024-W01`, `2024-01`, `2024-Q1`, `2024`.
    pub fn label(self, start: i64) -> String {
        let (year, month, day) = civil_from_days(start);
        match self {
            Period::Day => iso_date(start),
            Period::Week => {
                // The week belongs to the year of its Thursday.
                let thursday = start + 3;
                let (week_year, _, _) = civil_from_days(thursday);
                let week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
                format!("{week_year:04}-W{week:02}")
            }
            Period::Month => format!("{year:04}-{month:02}"),
            Period::Quarter => format!("{year:04}-Q{}", (month - 1) / 3 + 1),
            Period::Year => {
                let _ = day;
                format!("{year:04}")
            }
        }
    }
}

/// `YYYY-MM-DD` of a day count since 1970-01-01.
pub(crate) fn iso_date(days: i64) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(year: i32, month: u8, day: u8) -> Option<RawDate> {
        Some(RawDate::Known { year, month, day })
    }

    #[test]
    fn iso_dates_with_and_without_time_and_zone() {
        assert_eq!(read_date("2024-01-05"), known(2024, 1, 5));
        assert_eq!(read_date("2024-01-05T10:11:12Z"), known(2024, 1, 5));
        assert_eq!(read_date("2024-01-05T10:11:12.345+01:00"), known(2024, 1, 5));
        assert_eq!(read_date("2024-01-05 10:11"), known(2024, 1, 5));
        assert_eq!(read_date("2024-02-30"), None);
        assert_eq!(read_date("2024-01-05 soon"), None);
    }

    #[test]
    fn google_forms_timestamps_are_year_first() {
        assert_eq!(read_date("2024/01/05 10:11:12 AM GMT+1"), known(2024, 1, 5));
        assert_eq!(read_date("2024/12/31 11:59:59 PM GMT-5"), known(2024, 12, 31));
    }

    #[test]
    fn two_numbers_and_a_year_wait_for_the_file_to_decide() {
        assert_eq!(read_date("5/1/2024"), Some(RawDate::Pair { year: 2024, first: 5, second: 1, twelve_hour: false }));
        assert_eq!(read_date("9/8/18 15:29"), Some(RawDate::Pair { year: 2018, first: 9, second: 8, twelve_hour: false }));
        assert_eq!(read_date("13-1-2024"), Some(RawDate::Pair { year: 2024, first: 13, second: 1, twelve_hour: false }));
        let pair = read_date("13/1/2024").unwrap();
        assert_eq!(pair.resolve(DateOrder::DayFirst), Some((2024, 1, 13)));
        assert_eq!(pair.resolve(DateOrder::MonthFirst), None);
        // Neither order gives a date.
        assert_eq!(read_date("13/13/2024"), None);
        assert_eq!(read_date("31/31/2024"), None);
    }

    #[test]
    fn dotted_dates_are_day_first() {
        assert_eq!(read_date("5.1.2024"), known(2024, 1, 5));
        assert_eq!(read_date("29.2.2023"), None);
    }

    #[test]
    fn excel_serial_numbers_count_the_leap_day_that_never_was() {
        // 45296 − 25569 = 19727 days after 1970-01-01: 2024-01-05.
        assert_eq!(read_date("45296"), known(2024, 1, 5));
        assert_eq!(read_date("45296.4375"), known(2024, 1, 5));
        assert_eq!(read_date("61"), known(1900, 3, 1));
        assert_eq!(read_date("59"), known(1900, 2, 28));
        assert_eq!(read_date("1"), known(1900, 1, 1));
        assert_eq!(read_date("60"), None);
        assert_eq!(read_date("0"), None);
    }

    #[test]
    fn days_and_civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in [-800_000, -1, 0, 59, 11_016, 19_727, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn weeks_start_on_monday_and_belong_to_their_thursdays_year() {
        // 2024-12-30 is a Monday; its Thursday is 2025-01-02, so it is 2025-W01.
        let monday = days_from_civil(2024, 12, 30);
        let sunday = days_from_civil(2025, 1, 5);
        assert_eq!(Period::Week.start(sunday), monday);
        assert_eq!(Period::Week.label(monday), "2025-W01");
        // 2021-01-03 (a Sunday) is in the week of Monday 2020-12-28, 2020-W53.
        let start = Period::Week.start(days_from_civil(2021, 1, 3));
        assert_eq!(iso_date(start), "2020-12-28");
        assert_eq!(Period::Week.label(start), "2020-W53");
    }

    #[test]
    fn months_quarters_and_years_start_on_their_first_day() {
        let day = days_from_civil(2024, 8, 17);
        assert_eq!(iso_date(Period::Month.start(day)), "2024-08-01");
        assert_eq!(iso_date(Period::Quarter.start(day)), "2024-07-01");
        assert_eq!(Period::Quarter.label(Period::Quarter.start(day)), "2024-Q3");
        assert_eq!(Period::Year.label(Period::Year.start(day)), "2024");
        assert_eq!(Period::Day.label(day), "2024-08-17");
    }
}
