//! Calendar dates: chrono's `NaiveDate` (no time zone: certificates expire on a day, not an
//! instant), plus the few date rules that are ours.
//!
//! chrono does the calendar: month arithmetic that clamps to the month's end, leap years,
//! which days exist, and ISO 8601 text (`YYYY-MM-DD`, also the stored and exported form).
//! `DateExt` keeps only what certifying bodies add on top: "through the end of the month",
//! whole-day distances, and the strict shape of a date a person typed. It is built without
//! chrono's clock, time-zone and serde features: today's date comes from the browser, in
//! `ui`, and records store dates through `iso`/`iso_opt` below.

use chrono::{Days, Months};
pub use chrono::{Datelike, NaiveDate as Date};

/// The first and last years a date may carry: enough for any record, and a typing slip such
/// as `20255` or `0202` is caught instead of stored.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

pub fn is_leap_year(year: i32) -> bool {
    Date::from_ymd_opt(year, 2, 29).is_some()
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match Date::from_ymd_opt(year, month, 1) {
        Some(first) => first.end_of_month().day(),
        None => 0,
    }
}

/// Escalera's rules over chrono's dates. Bring it into scope with `use …::date::DateExt`.
pub trait DateExt: Sized {
    /// Parses what `<input type="date">` produces: exactly `YYYY-MM-DD`, a real day, a year
    /// in range. Stricter than chrono's own parser on purpose (no `2024-1-1`, no signs).
    fn parse_iso(text: &str) -> Option<Self>;
    /// ISO 8601 text, `2026-07-04` (chrono's `Display`).
    fn to_iso(self) -> String;
    fn ymd(self) -> (i32, u32, u32);
    /// `days` later (earlier when negative).
    fn add_days(self, days: i32) -> Self;
    /// Calendar months later (earlier when negative); a day that does not exist in the target
    /// month clamps to its last day, as certifying bodies count: 31 January + 1 = 28/29 February.
    fn add_months(self, months: i32) -> Self;
    fn add_years(self, years: i32) -> Self;
    /// Whole days from `self` to `other` (positive when `other` is later).
    fn days_until(self, other: Self) -> i32;
    /// The last day of this date's month ("valid through the end of the month").
    fn end_of_month(self) -> Self;
}

impl DateExt for Date {
    fn parse_iso(text: &str) -> Option<Date> {
        // The shape is checked here and chrono decides whether the day exists. chrono's
        // general `parse_from_str` costs 20× more, and 150,000 stored dates are read at once.
        let b = text.trim().as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let number = |digits: &[u8]| digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let year = number(&b[0..4]) as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        Date::from_ymd_opt(year, number(&b[5..7]), number(&b[8..10]))
    }

    fn to_iso(self) -> String {
        self.to_string()
    }

    fn ymd(self) -> (i32, u32, u32) {
        (self.year(), self.month(), self.day())
    }

    fn add_days(self, days: i32) -> Date {
        let moved = if days >= 0 {
            self.checked_add_days(Days::new(days as u64))
        } else {
            self.checked_sub_days(Days::new(days.unsigned_abs() as u64))
        };
        moved.expect("dates stay within chrono's range")
    }

    fn add_months(self, months: i32) -> Date {
        let moved = if months >= 0 {
            self.checked_add_months(Months::new(months as u32))
        } else {
            self.checked_sub_months(Months::new(months.unsigned_abs()))
        };
        moved.expect("dates stay within chrono's range")
    }

    fn add_years(self, years: i32) -> Date {
        self.add_months(years * 12)
    }

    fn days_until(self, other: Date) -> i32 {
        other.signed_duration_since(self).num_days() as i32
    }

    fn end_of_month(self) -> Date {
        let first_of_next = self.with_day(1).expect("day 1 exists").add_months(1);
        first_of_next.add_days(-1)
    }
}

/// Serde for a date as ISO text: `#[serde(with = "date::iso")]`. Rejects anything
/// `parse_iso` would (`2025-02-30`, `2025-2-3`).
pub mod iso {
    use super::{Date, DateExt};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&text).ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}")))
    }
}

/// `iso` for an optional date (`null` or absent is `None`).
pub mod iso_opt {
    use super::{Date, DateExt};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.collect_str(date),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match <Option<std::borrow::Cow<'de, str>>>::deserialize(d)? {
            None => Ok(None),
            Some(text) => Date::parse_iso(&text).map(Some).ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}"))),
        }
    }
}

/// A history of versions, oldest first, each ending on the day `until` gives: newest first,
/// each with the day it began (`None` for the first, which applied from the start).
pub fn newest_first_with_start<T>(history: &[T], until: impl Fn(&T) -> Date) -> Vec<(Option<Date>, &T)> {
    let starts = std::iter::once(None).chain(history.iter().map(|v| Some(until(v).add_days(1))));
    let mut out: Vec<(Option<Date>, &T)> = starts.zip(history).collect();
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn iso_text_round_trips() {
        let mut date = d("1960-01-01");
        while date < d("2100-01-01") {
            assert_eq!(Date::parse_iso(&date.to_iso()), Some(date));
            date = date.add_days(7);
        }
        assert_eq!(d("2000-03-01").to_iso(), "2000-03-01");
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
        assert!(is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900) && !is_leap_year(2025));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 13), 0);
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
        assert_eq!(d("2025-01-01").days_until(d("2024-01-01")), -366);
        assert_eq!(d("2025-03-01").add_days(-1), d("2025-02-28"));
    }

    #[test]
    fn serde_uses_iso_text() {
        #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
        struct Dated {
            #[serde(with = "iso")]
            on: Date,
            #[serde(with = "iso_opt", default)]
            until: Option<Date>,
        }
        let value = Dated { on: d("2026-07-04"), until: None };
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json, r#"{"on":"2026-07-04","until":null}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).unwrap(), value);
        assert_eq!(serde_json::from_str::<Dated>(r#"{"on":"2026-07-04"}"#).unwrap(), value);
        let later = Dated { until: Some(d("2027-01-31")), ..value };
        assert_eq!(serde_json::from_str::<Dated>(&serde_json::to_string(&later).unwrap()).unwrap(), later);
        for bad in [r#"{"on":"2026-02-30"}"#, r#"{"on":"2026-2-3"}"#, r#"{"on":20260101}"#, r#"{"on":"2026-07-04","until":"soon"}"#] {
            assert!(serde_json::from_str::<Dated>(bad).is_err(), "{bad}");
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = Date> {
            (-25_000i32..80_000).prop_map(|days| d0().add_days(days))
        }

        fn d0() -> Date {
            Date::from_ymd_opt(1970, 1, 1).unwrap()
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
                prop_assert_eq!(date.end_of_month().add_days(1).day(), 1);
            }
        }
    }

    #[test]
    fn a_history_lists_newest_first_with_the_day_each_began() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let history = [d("2024-12-31"), d("2026-06-30")];
        let listed = newest_first_with_start(&history, |u| *u);
        assert_eq!(listed, vec![(Some(d("2025-01-01")), &history[1]), (None, &history[0])]);
    }
}
