//! Training hours as an exact decimal.
//!
//! Continuing-education rules compare sums of hours against thresholds ("20 hours, 6 of them
//! law & ethics"), so floating point rounding must never decide compliance. Hours are kept as
//! whole hundredths and serialized as a JSON number with at most two decimals.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::Add;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours {
    hundredths: u32,
}

/// The largest number of hours a single training record may carry (issue: hours ≤ 500).
pub const MAX_HOURS_PER_RECORD: Hours = Hours { hundredths: 50_000 };

impl Hours {
    pub const ZERO: Hours = Hours { hundredths: 0 };

    pub const fn from_hundredths(hundredths: u32) -> Hours {
        Hours { hundredths }
    }

    pub const fn whole(hours: u32) -> Hours {
        Hours { hundredths: hours * 100 }
    }

    /// Exactly one hour: the singular in both languages ("1 hour", "1 hora").
    pub fn is_one(self) -> bool {
        self.hundredths == 100
    }

    pub fn hundredths(self) -> u32 {
        self.hundredths
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.hundredths) / 100.0
    }

    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours { hundredths: self.hundredths.saturating_sub(other.hundredths) }
    }

    /// Parses what a person types: `8`, `1.5`, `1,5` (Spanish decimal comma), `.25`.
    /// At most two decimals; no signs, exponents or thousands separators.
    pub fn parse(text: &str) -> Option<Hours> {
        let text = text.trim();
        let (whole, frac) = match text.find(['.', ',']) {
            Some(i) => (&text[..i], &text[i + 1..]),
            None => (text, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || frac.len() > 2
        {
            return None;
        }
        if whole.len() > 6 {
            return None;
        }
        let whole: u32 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let frac: u32 = match frac.len() {
            0 => 0,
            1 => frac.parse::<u32>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        Some(Hours { hundredths: whole * 100 + frac })
    }

    /// Formats with the given decimal separator and without trailing zeros: `1.5`, `20`, `0.25`.
    pub fn format_with(self, decimal_separator: char) -> String {
        let whole = self.hundredths / 100;
        let frac = self.hundredths % 100;
        match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}{decimal_separator}{}", f / 10),
            f => format!("{whole}{decimal_separator}{f:02}"),
        }
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_with('.'))
    }
}

impl Add for Hours {
    type Output = Hours;
    fn add(self, other: Hours) -> Hours {
        Hours { hundredths: self.hundredths.saturating_add(other.hundredths) }
    }
}

impl Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::ZERO, Add::add)
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Hours, D::Error> {
        let value = f64::deserialize(d)?;
        if !value.is_finite() || value < 0.0 || value > 1.0e6 {
            return Err(serde::de::Error::custom(format!("not a number of hours: {value}")));
        }
        Ok(Hours { hundredths: (value * 100.0).round() as u32 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Hours::parse("8"), Some(Hours::whole(8)));
        assert_eq!(Hours::parse(" 1.5 "), Some(Hours::from_hundredths(150)));
        assert_eq!(Hours::parse("1,5"), Some(Hours::from_hundredths(150)));
        assert_eq!(Hours::parse(".25"), Some(Hours::from_hundredths(25)));
        assert_eq!(Hours::parse("3."), Some(Hours::whole(3)));
        assert_eq!(Hours::parse("0"), Some(Hours::ZERO));
        for bad in ["", ".", "-1", "1.234", "1e3", "abc", "1.5.5", "1 000", "+2", "1234567"] {
            assert_eq!(Hours::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_without_float_noise() {
        assert_eq!(Hours::from_hundredths(150).to_string(), "1.5");
        assert_eq!(Hours::from_hundredths(150).format_with(','), "1,5");
        assert_eq!(Hours::from_hundredths(2005).to_string(), "20.05");
        assert_eq!(Hours::whole(20).to_string(), "20");
    }

    #[test]
    fn sums_exactly() {
        // 0.1 + 0.2 style sums must hit thresholds exactly.
        let total: Hours = [10, 20, 570].iter().map(|&h| Hours::from_hundredths(h)).sum();
        assert_eq!(total, Hours::whole(6));
    }

    #[test]
    fn json_is_a_plain_number() {
        let h = Hours::from_hundredths(725);
        assert_eq!(serde_json::to_string(&h).unwrap(), "7.25");
        assert_eq!(serde_json::from_str::<Hours>("7.25").unwrap(), h);
        assert_eq!(serde_json::from_str::<Hours>("3").unwrap(), Hours::whole(3));
        assert!(serde_json::from_str::<Hours>("-1").is_err());
    }
}
