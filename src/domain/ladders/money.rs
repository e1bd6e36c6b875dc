//! Money as whole cents and percentages as basis points: no floating point ever decides a
//! wage, a step or a cost. Rounding is half up to the cent, written down once here.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Sub};

/// An amount of US dollars in whole cents (negative for a decrease).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

/// A percentage in hundredths of a percent: 574 = 5.74 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Bp(pub u32);

/// Divides rounding half away from zero (half up for amounts of money).
fn div_round(n: i128, d: i128) -> i128 {
    debug_assert!(d > 0);
    if n >= 0 { (n + d / 2) / d } else { -((-n + d / 2) / d) }
}

impl Cents {
    pub const ZERO: Cents = Cents(0);

    pub fn dollars(whole: i64, cents: i64) -> Cents {
        Cents(whole * 100 + cents)
    }

    /// This amount raised by `bp`, rounded half up to the cent: $17.92 + 5 % = $18.82 (18.816).
    pub fn raised(self, bp: Bp) -> Cents {
        Cents(div_round(i128::from(self.0) * i128::from(10_000 + bp.0), 10_000) as i64)
    }

    /// `bp` of this amount, rounded half up to the cent (a 1 % longevity add-on of $20.00 is $0.20).
    pub fn percent(self, bp: Bp) -> Cents {
        Cents(div_round(i128::from(self.0) * i128::from(bp.0), 10_000) as i64)
    }

    /// An hourly rate times hours (an annual amount at 2,080 hours).
    pub fn times(self, hours: u32) -> Cents {
        Cents(self.0 * i64::from(hours))
    }

    /// `self / whole` as basis points, rounded half up (a compa-ratio of 0.9731 is 9,731).
    /// `None` when `whole` is not positive.
    pub fn ratio_bp(self, whole: Cents) -> Option<i64> {
        (whole.0 > 0).then(|| div_round(i128::from(self.0) * 10_000, i128::from(whole.0)) as i64)
    }

    /// The midpoint of two amounts, rounded half up to the cent.
    pub fn midpoint(self, other: Cents) -> Cents {
        Cents(div_round(i128::from(self.0) + i128::from(other.0), 2) as i64)
    }

    /// Parses what a person types for a rate: `17.92`, `17,92`, `$17.92`, `17`, `1,234.50`
    /// is refused (no thousands separators in a rate). At most two decimals, not negative.
    pub fn parse(text: &str) -> Option<Cents> {
        let text = text.trim().trim_start_matches('$').trim();
        let (whole, frac) = match text.find(['.', ',']) {
            Some(i) => (&text[..i], &text[i + 1..]),
            None => (text, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 9 {
            return None;
        }
        let cents = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse::<i64>().ok()?,
        };
        Some(Cents(whole.parse::<i64>().ok()? * 100 + cents))
    }

    /// Digits with `decimal` as the separator and `group` between thousands: `35,360.00`.
    pub fn format_with(self, decimal: char, group: char) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        format!("{sign}{grouped}{decimal}{:02}", abs % 100)
    }
}

impl fmt::Display for Cents {
    /// Plain form for files: `17.92`, `-1234.50` (no symbol, no grouping).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{:02}", self.0.unsigned_abs() / 100, self.0.unsigned_abs() % 100)
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, o: Cents) -> Cents {
        Cents(self.0 + o.0)
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, o: Cents) -> Cents {
        Cents(self.0 - o.0)
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        Cents(iter.map(|c| c.0).sum())
    }
}

impl Bp {
    /// Parses a percentage as typed: `5`, `5.74`, `5,74` (at most two decimals, at most 1000 %).
    pub fn parse(text: &str) -> Option<Bp> {
        let cents = Cents::parse(text.trim().trim_end_matches('%'))?;
        (cents.0 <= 100_000).then_some(Bp(cents.0 as u32))
    }

    /// `5.74` / `5,74`, without trailing zeros after the point: `5`, `2.5`.
    pub fn format_with(self, decimal: char) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}{decimal}{}", f / 10),
            f => format!("{whole}{decimal}{f:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raising_rounds_half_up_to_the_cent() {
        // 17.92 × 1.05 = 18.816 → 18.82; 18.82 × 1.05 = 19.761 → 19.76.
        assert_eq!(Cents(1792).raised(Bp(500)), Cents(1882));
        assert_eq!(Cents(1882).raised(Bp(500)), Cents(1976));
        // 5.74 %: 20.00 × 1.0574 = 21.148 → 21.15; exactly half a cent rounds up.
        assert_eq!(Cents(2000).raised(Bp(574)), Cents(2115));
        assert_eq!(Cents(10).raised(Bp(500)), Cents(11), "10.5 cents → 11");
        assert_eq!(Cents(2000).percent(Bp(100)), Cents(20));
        assert_eq!(Cents(2050).percent(Bp(250)), Cents(51), "51.25 → 51");
        assert_eq!(Cents(-2050).percent(Bp(250)), Cents(-51));
        assert_eq!(Cents(1791).midpoint(Cents(2176)), Cents(1984), "1983.5 cents rounds up");
    }

    #[test]
    fn ratios_and_annual_amounts_are_exact() {
        assert_eq!(Cents(2000).times(2080), Cents(4_160_000));
        assert_eq!(Cents(1946).ratio_bp(Cents(2000)), Some(9730));
        assert_eq!(Cents(2000).ratio_bp(Cents(0)), None);
        assert_eq!(Cents(1).ratio_bp(Cents(3)), Some(3333));
        assert_eq!(Cents(2).ratio_bp(Cents(3)), Some(6667));
    }

    #[test]
    fn parses_rates_and_percentages_as_typed() {
        assert_eq!(Cents::parse("17.92"), Some(Cents(1792)));
        assert_eq!(Cents::parse(" $17,9 "), Some(Cents(1790)));
        assert_eq!(Cents::parse("17"), Some(Cents(1700)));
        for bad in ["", "-1", "17.925", "1,234.50", "abc", "$", "1e3", "17..2"] {
            assert_eq!(Cents::parse(bad), None, "{bad}");
        }
        assert_eq!(Bp::parse("5.74"), Some(Bp(574)));
        assert_eq!(Bp::parse("5 %"), Some(Bp(500)));
        assert_eq!(Bp::parse("2,5%"), Some(Bp(250)));
        assert_eq!(Bp::parse("1001"), None);
        assert_eq!(Bp(574).format_with('.'), "5.74");
        assert_eq!(Bp(250).format_with(','), "2,5");
        assert_eq!(Bp(500).format_with('.'), "5");
    }

    #[test]
    fn formats_for_people_and_for_files() {
        assert_eq!(Cents(4_160_000).format_with('.', ','), "41,600.00");
        assert_eq!(Cents(4_160_000).format_with(',', '.'), "41.600,00");
        assert_eq!(Cents(-5).format_with('.', ','), "-0.05");
        assert_eq!(Cents(1792).to_string(), "17.92");
        assert_eq!(Cents(-123_450).to_string(), "-1234.50");
        assert_eq!(Cents(7).to_string(), "0.07");
    }
}
