//! A calendar date without time zone: the unit every rule in Escalera speaks in.
//!
//! Certificates expire on a day, not an instant, so a plain civil date is the right model
//! (and avoids pulling a date-time library into the wasm bundle). Stored and exchanged as
//! ISO 8601 `YYYY-MM-DD`. Arithmetic uses the days-from-civil algorithm of Howard Hinnant
//! (public domain), valid far beyond any year a training record will carry.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian date, stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// The first and last years a date may carry: enough for any record, small enough that
/// arithmetic never overflows.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date from its parts, or `None` if the day does not exist (30 February, month 13)
    /// or the year is outside `MIN_YEAR..=MAX_YEAR`.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    pub fn from_days_since_epoch(days: i32) -> Date {
        Date { days }
    }

    pub fn days_since_epoch(self) -> i32 {
        self.days
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    pub fn day(self) -> u32 {
        self.ymd().2
    }

    pub fn add_days(self, days: i32) -> Date {
        Date { days: self.days + days }
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i32 {
        other.days - self.days
    }

    /// Adds calendar months. A day that does not exist in the target month is clamped to
    /// its last day: 31 January + 1 month = 28 (or 29) February, as certifying bodies count.
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let zero_based = y * 12 + (m as i32 - 1) + months;
        let year = zero_based.div_euclid(12);
        let month = zero_based.rem_euclid(12) as u32 + 1;
        let day = d.min(days_in_month(year, month));
        Date { days: days_from_civil(year, month, day) }
    }

    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years * 12)
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date { days: days_from_civil(y, m, days_in_month(y, m)) }
    }

    /// Parses ISO `YYYY-MM-DD` (what `<input type="date">` produces).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(y) || !all_digits(m) || !all_digits(d) {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn to_iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {text:?}")))
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        for days in (-25_000..80_000).step_by(7) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(Date::parse_iso(&date.to_iso()), Some(date));
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2025-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
            "2024-1-01", "2024/01/01", "", "abcd-ef-gh", "2024-01-01-01", "1800-01-01", "+202-01-01"]
        {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(d("2025-01-31").add_months(1), d("2025-02-28"));
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2024-02-29").add_years(1), d("2025-02-28"));
        assert_eq!(d("2024-02-29").add_years(4), d("2028-02-29"));
        assert_eq!(d("2025-11-15").add_months(2), d("2026-01-15"));
        assert_eq!(d("2026-01-15").add_months(-2), d("2025-11-15"));
        assert_eq!(d("2025-03-31").add_months(-1), d("2025-02-28"));
    }

    #[test]
    fn end_of_month_and_days_until() {
        assert_eq!(d("2024-02-10").end_of_month(), d("2024-02-29"));
        assert_eq!(d("2023-02-10").end_of_month(), d("2023-02-28"));
        assert_eq!(d("2025-12-01").end_of_month(), d("2025-12-31"));
        assert_eq!(d("2025-12-31").days_until(d("2026-01-01")), 1);
        assert_eq!(d("2024-01-01").days_until(d("2025-01-01")), 366);
    }

    #[test]
    fn serde_uses_iso_text() {
        let json = serde_json::to_string(&d("2026-07-04")).unwrap();
        assert_eq!(json, "\"2026-07-04\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d("2026-07-04"));
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = Date> {
            (-25_000i32..80_000).prop_map(Date::from_days_since_epoch)
        }

        proptest! {
            #[test]
            fn iso_text_round_trips(date in any_date()) {
                prop_assert_eq!(Date::parse_iso(&date.to_iso()), Some(date));
            }

            #[test]
            fn adding_months_lands_in_the_right_month_and_never_past_its_end(date in any_date(), months in -240i32..240) {
                let moved = date.add_months(months);
                let (y, m, d) = date.ymd();
                let (y2, m2, d2) = moved.ymd();
                prop_assert_eq!((y2 * 12 + m2 as i32) - (y * 12 + m as i32), months);
                prop_assert_eq!(d2, d.min(days_in_month(y2, m2)));
            }

            #[test]
            fn later_is_later(date in any_date(), days in 1i32..5_000) {
                prop_assert!(date.add_days(days) > date);
                prop_assert_eq!(date.days_until(date.add_days(days)), days);
                prop_assert!(date.end_of_month() >= date);
            }
        }
    }
}
