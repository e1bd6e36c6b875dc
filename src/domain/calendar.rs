//! A person's coming dates as a calendar file (`.ics`, RFC 5545), so their own phone's
//! calendar reminds them of an expiry or a deadline without any server.
//!
//! Which dates: `upcoming` reads the engine's evaluations (never its own rules): a renewal
//! window that opens later, the last valid day of what expires, and the deadline of what is
//! still to do. Each becomes an all-day event with a stable UID (person, requirement, kind,
//! date), so importing a newer file updates events instead of duplicating them.
//!
//! Why written here and not with the `icalendar` crate: it turns on chrono's clock and
//! `wasmbind` features (the packages issue keeps chrono to what dates need) and writes a
//! random UUID through getrandom when no UID is given. What we need of RFC 5545 is small:
//! CRLF lines, text escaping, folding at 75 octets, all-day dates and a display alarm; each
//! is tested below against the RFC's rules.

use super::date::{Date, DateExt};
use super::status::{Evaluation, NextAction, Status};

/// What kind of date an event marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The renewal window opens (renewing earlier would not count, or would cost time).
    WindowOpens,
    /// The last day a credential holds.
    LastValidDay,
    /// The last day to finish what is still to do (hours, a training).
    Deadline,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::WindowOpens => "window",
            Kind::LastValidDay => "expires",
            Kind::Deadline => "due",
        }
    }
}

/// One coming date, as data; the caller words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upcoming<'a> {
    pub kind: Kind,
    pub date: Date,
    pub evaluation: &'a Evaluation,
}

/// The dates still ahead (on or after `today`), soonest first. Waived requirements have none.
pub fn upcoming(evaluations: &[Evaluation], today: Date) -> Vec<Upcoming<'_>> {
    let mut out = Vec::new();
    for e in evaluations.iter().filter(|e| e.status != Status::Waived) {
        let mut push = |kind, date: Date| {
            if date >= today {
                out.push(Upcoming { kind, date, evaluation: e });
            }
        };
        match &e.next {
            Some(NextAction::Renew { opens, by }) => {
                if opens < by {
                    push(Kind::WindowOpens, *opens);
                }
                push(Kind::LastValidDay, *by);
            }
            Some(NextAction::MoreHours { by, .. }) => push(Kind::Deadline, *by),
            Some(NextAction::Complete { by: Some(by), .. }) => push(Kind::Deadline, *by),
            _ => match (e.status, e.valid_until) {
                (Status::Current | Status::DueSoon, Some(until)) => push(Kind::LastValidDay, until),
                (Status::Missing | Status::InProgress, Some(by)) => push(Kind::Deadline, by),
                _ => {}
            },
        }
    }
    out.sort_by(|a, b| (a.date, &a.evaluation.requirement_id).cmp(&(b.date, &b.evaluation.requirement_id)));
    out
}

/// An event ready to write: worded by the caller, in the person's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// The reminder, this many days before the day (0: on the day, at 9:00).
    pub remind_days_before: u32,
}

impl Event {
    /// A UID that stays the same for the same date of the same requirement of one person.
    pub fn uid_for(person_id: &str, up: &Upcoming) -> String {
        format!("{}.{}.{}.{}@escalera", person_id, up.evaluation.requirement_id, up.kind.code(), up.date.to_iso())
    }
}

/// How many days before `date` its reminder rings: `wanted`, but never before the day the file
/// is made (an alarm already past when the file is imported never rings, or rings at once).
pub fn reminder_days(wanted: u32, date: Date, today: Date) -> u32 {
    let ahead = (date - today).num_days().max(0);
    wanted.min(u32::try_from(ahead).unwrap_or(u32::MAX))
}

/// The calendar file. `stamp` is when it was made, UTC, as `YYYYMMDDTHHMMSSZ`.
pub fn to_ics(name: &str, events: &[Event], stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold_into(&mut out, &text);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Escalera//Escalera//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", basic(e.date)));
        // An all-day event ends (exclusive) the next day.
        line(format!("DTEND;VALUE=DATE:{}", basic(e.date.succ_opt().unwrap_or(e.date))));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line("TRANSP:TRANSPARENT".into());
        line("BEGIN:VALARM".into());
        line("ACTION:DISPLAY".into());
        line(format!("DESCRIPTION:{}", escape(&e.summary)));
        // Relative to the start of the all-day event (midnight, local time).
        line(match e.remind_days_before {
            0 => "TRIGGER:PT9H".into(),
            days => format!("TRIGGER:-P{days}D"),
        });
        line("END:VALARM".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// A UTC time as JavaScript writes it (`2026-11-29T12:00:05.123Z`) in RFC 5545's form
/// (`20261129T120005Z`).
pub fn stamp(iso_utc: &str) -> String {
    let whole = iso_utc.split('.').next().unwrap_or(iso_utc).trim_end_matches('Z');
    format!("{}Z", whole.replace(['-', ':'], ""))
}

/// `2026-12-31` → `20261231` (RFC 5545 DATE).
fn basic(d: Date) -> String {
    d.to_iso().replace('-', "")
}

/// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(ch),
        }
    }
    out
}

/// Lines end in CRLF and are folded so none is longer than 75 octets; a continuation starts
/// with one space, and a character is never split across lines (RFC 5545 §3.1).
fn fold_into(out: &mut String, line: &str) {
    let mut octets = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if octets + len > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(ch);
        octets += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hours::Hours;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn eval(id: &str, status: Status, valid_until: Option<&str>, next: Option<NextAction>) -> Evaluation {
        Evaluation { status, valid_until: valid_until.map(d), next, ..Evaluation::blank(id) }
    }

    #[test]
    fn a_renewal_gives_the_window_and_the_last_day_and_only_dates_still_ahead() {
        let today = d("2026-11-29");
        let evals = vec![
            eval("cpr", Status::DueSoon, Some("2027-01-31"), Some(NextAction::Renew { opens: d("2026-12-01"), by: d("2027-01-31") })),
            // The window already opened: only the last day is ahead.
            eval("peer", Status::DueSoon, Some("2026-12-15"), Some(NextAction::Renew { opens: d("2026-10-15"), by: d("2026-12-15") })),
            eval("ce", Status::InProgress, Some("2026-12-31"), Some(NextAction::MoreHours { total: Hours::whole(2), by_category: vec![], by: d("2026-12-31") })),
            eval("mhfa", Status::Current, Some("2028-05-01"), None),
            eval("gone", Status::Expired, Some("2026-01-01"), None),
            eval("waived", Status::Waived, Some("2027-03-01"), None),
            eval("forever", Status::Current, None, None),
        ];
        let got: Vec<(&str, Kind, String)> =
            upcoming(&evals, today).iter().map(|u| (u.evaluation.requirement_id.as_str(), u.kind, u.date.to_iso())).collect();
        assert_eq!(
            got,
            vec![
                ("cpr", Kind::WindowOpens, "2026-12-01".to_owned()),
                ("peer", Kind::LastValidDay, "2026-12-15".to_owned()),
                ("ce", Kind::Deadline, "2026-12-31".to_owned()),
                ("cpr", Kind::LastValidDay, "2027-01-31".to_owned()),
                ("mhfa", Kind::LastValidDay, "2028-05-01".to_owned()),
            ]
        );
    }

    #[test]
    fn a_window_that_opens_with_the_deadline_is_not_an_event_of_its_own() {
        let evals = vec![eval("cpr", Status::DueSoon, Some("2027-01-31"), Some(NextAction::Renew { opens: d("2027-01-31"), by: d("2027-01-31") }))];
        assert_eq!(upcoming(&evals, d("2026-11-29")).len(), 1);
    }

    #[test]
    fn the_stamp_is_utc_in_basic_form() {
        assert_eq!(stamp("2026-11-29T12:00:05.123Z"), "20261129T120005Z");
        assert_eq!(stamp("2026-11-29T12:00:05Z"), "20261129T120005Z");
    }

    #[test]
    fn today_counts_as_ahead() {
        let evals = vec![eval("mhfa", Status::DueSoon, Some("2026-11-29"), None)];
        assert_eq!(upcoming(&evals, d("2026-11-29")).len(), 1);
        assert!(upcoming(&evals, d("2026-11-30")).is_empty());
    }

    #[test]
    fn the_file_follows_rfc_5545() {
        let event = Event {
            uid: "p1.cpr.expires.2027-01-31@escalera".into(),
            date: d("2027-01-31"),
            summary: "RCP; primeros auxilios, último día vigente".into(),
            description: "Renueve entre el 1 de diciembre de 2026 y el 31 de enero de 2027\nEscalera".into(),
            remind_days_before: 30,
        };
        let text = to_ics("Escalera: María López", &[event], "20261129T120000Z");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20270131\r\nDTEND;VALUE=DATE:20270201\r\n"));
        assert!(unfolded.contains("SUMMARY:RCP\\; primeros auxilios\\, último día vigente\r\n"));
        assert!(unfolded.contains("DESCRIPTION:Renueve entre el 1 de diciembre de 2026 y el 31 de enero de 2027\\nEscalera\r\n"));
        assert!(unfolded.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
        assert!(unfolded.contains("TRIGGER:-P30D\r\n"));
        assert!(unfolded.contains("UID:p1.cpr.expires.2027-01-31@escalera\r\n"));
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ñ".repeat(100));
        fold_into(&mut out, &long);
        // Each piece is valid UTF-8 by construction (a String); check the octet limit and
        // that unfolding gives the line back.
        for piece in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(piece.len() <= 75, "{} octets", piece.len());
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), long);
    }

    /// Issue #20: a 60-day reminder on an event 46 days away rang before the file existed.
    #[test]
    fn a_reminder_is_never_before_the_file_is_made() {
        let today = d("2026-12-07");
        assert_eq!(reminder_days(60, d("2027-01-22"), today), 46);
        assert_eq!(reminder_days(30, d("2027-01-22"), today), 30);
        assert_eq!(reminder_days(30, today, today), 0);
        assert_eq!(reminder_days(30, d("2026-12-01"), today), 0);
    }

    #[test]
    fn a_reminder_on_the_day_rings_in_the_morning() {
        let e = Event { uid: "u".into(), date: d("2026-12-01"), summary: "s".into(), description: String::new(), remind_days_before: 0 };
        let text = to_ics("n", &[e], "20261129T120000Z");
        assert!(text.contains("TRIGGER:PT9H\r\n"));
        assert!(!text.contains("DESCRIPTION:\r\n"), "no empty description on the event");
    }
}
