//! Words for a trainer's work: completion modes, due rules, where a person stands, sessions and
//! the forecast. Counts take the right plural in each language.

use super::{date, fmt, hours, month_name, n, s, Fmt, Msg};
use crate::domain::curricula::assignment::{Due, Standing};
use crate::domain::curricula::curriculum::Mode;
use crate::domain::date::Date;
use crate::domain::text::Locale;
use chrono::Datelike;

/// "All, in order" / "At least 3 of them".
pub fn mode(locale: Locale, m: Mode) -> String {
    match m {
        Mode::AllInOrder => Msg::ModeAllInOrder.text(locale).to_owned(),
        Mode::AllAnyOrder => Msg::ModeAllAnyOrder.text(locale).to_owned(),
        Mode::AtLeast { n: count } => fmt(locale, Fmt::ModeAtLeast, &[("count", n(count))]),
    }
}

/// How a due date is set: "30 days after hire".
pub fn due_rule(locale: Locale, due: Due) -> String {
    let days = |m: Fmt, d: u32| fmt(locale, m, &[("count", n(d))]);
    match due {
        Due::None => Msg::DueNone.text(locale).to_owned(),
        Due::On { date: d } => fmt(locale, Fmt::DueOn, &[("date", s(date(locale, d)))]),
        Due::AfterHire { days: d } => days(Fmt::DueAfterHire, d),
        Due::AfterGiven { days: d } => days(Fmt::DueAfterGiven, d),
        Due::BeforeExpiry { days: d } => days(Fmt::DueBeforeExpiry, d),
    }
}

/// Each standing's word and CSS class (the status colours of the compliance pages), in the
/// order of `Standing::CODES`.
pub const STANDINGS: [(Msg, &str); 5] = [
    (Msg::StandingOverdue, "status-expired"),
    (Msg::StandingInProgress, "status-in_progress"),
    (Msg::StandingNotStarted, "status-missing"),
    (Msg::StandingComplete, "status-current"),
    (Msg::StandingExempt, "status-waived"),
];

/// The standing's word and its CSS class.
pub fn standing_word(locale: Locale, st: &Standing) -> (&'static str, &'static str) {
    let (msg, class) = STANDINGS[st.index()];
    (msg.text(locale), class)
}

/// The standing with its detail: "2 of 5 done", "complete on March 5, 2026", "exempt: reason
/// (HR, March 5, 2026)".
pub fn standing_detail(locale: Locale, st: &Standing) -> String {
    match st {
        Standing::Overdue { done, of, .. } | Standing::InProgress { done, of, .. } => done_of(locale, *done, *of),
        Standing::NotStarted { .. } => String::new(),
        Standing::Complete { on } => fmt(locale, Fmt::CompleteOn, &[("date", s(date(locale, *on)))]),
        Standing::Exempt { reason, by, on } => fmt(locale, Fmt::ExemptBecause, &[("reason", s(reason.clone())), ("by", s(by.clone())), ("date", s(date(locale, *on)))]),
    }
}

/// "2 of 5 done".
pub fn done_of(locale: Locale, done: usize, of: usize) -> String {
    fmt(locale, Fmt::DoneOf, &[("done", n(done as f64)), ("count", n(of as f64))])
}

/// "Due March 5, 2026" or "No due date".
pub fn due_on(locale: Locale, due: Option<Date>) -> String {
    match due {
        Some(d) => fmt(locale, Fmt::DueOn, &[("date", s(date(locale, d)))]),
        None => Msg::DueNone.text(locale).to_owned(),
    }
}

/// "5 trainings, 40 hours".
pub fn trainings_hours(locale: Locale, count: usize, h: crate::domain::hours::Hours) -> String {
    fmt(locale, Fmt::TrainingsAndHours, &[("count", n(count as f64)), ("hours", s(hours(locale, h)))])
}

/// "Version 2".
pub fn version(locale: Locale, v: u32) -> String {
    fmt(locale, Fmt::VersionNumber, &[("version", s(v.to_string()))])
}

/// "8 of 12 places taken", or "8 signed up" with no limit.
pub fn places(locale: Locale, taken: usize, capacity: Option<u32>, waiting: usize) -> String {
    let base = match capacity {
        Some(c) => fmt(locale, Fmt::PlacesTaken, &[("taken", n(taken as f64)), ("count", n(c))]),
        None => fmt(locale, Fmt::SignedUp, &[("count", n(taken as f64))]),
    };
    if waiting == 0 {
        base
    } else {
        format!("{base} · {}", fmt(locale, Fmt::Waiting, &[("count", n(waiting as f64))]))
    }
}

/// A forecast month's short label: "Dec 2026" / "dic 2026".
pub fn month_short(locale: Locale, month: Date) -> String {
    format!("{} {}", month_abbr(locale, month), month.year())
}

/// A month's abbreviation under a bar: "Dec" / "dic".
pub fn month_abbr(locale: Locale, month: Date) -> String {
    month_name(locale, month.month()).chars().take(3).collect()
}

/// A forecast month's full label: "December 2026" / "diciembre de 2026".
pub fn month_long(locale: Locale, month: Date) -> String {
    fmt(locale, Fmt::MonthYear, &[("month", s(month_name(locale, month.month()))), ("year", s(month.year().to_string()))])
}

/// "3 people" in a forecast month.
pub fn people(locale: Locale, count: usize) -> String {
    fmt(locale, Fmt::PeopleCount, &[("count", n(count as f64))])
}
