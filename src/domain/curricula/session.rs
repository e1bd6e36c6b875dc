//! Sessions: a training (or a support session) on a day, with a roster, a waiting list past
//! its capacity, and attendance that records completions for everyone present in one step,
//! with undo.
//!
//! Support sessions (reflective supervision, IPS co-reflection, vicarious-trauma debriefs) are
//! recorded the same way, with their hours, for the emotional support the seeds ask for; their
//! completions carry no CE category, so they never count as continuing education unless the
//! organization's training type says so.

use crate::domain::completion::Completion;
use crate::domain::date::Date;
use crate::domain::hours::Hours;
use crate::domain::person::PreferredLanguage;
use serde::{Deserialize, Serialize};

/// How one person on the roster attended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    Absent,
    /// Part of the session: these hours.
    Partial { hours: Hours },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub person_id: String,
    pub mark: Mark,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub person_id: String,
    pub completion_id: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    /// The training type it delivers (a support session has its own training type).
    pub training_id: String,
    #[serde(with = "crate::domain::date::iso")]
    pub on: Date,
    /// Local time, `HH:MM`; empty when not set.
    #[serde(default)]
    pub starts_at: String,
    pub hours: Hours,
    #[serde(default)]
    pub facilitator: String,
    /// A place, or an online link as text.
    #[serde(default)]
    pub place: String,
    pub language: PreferredLanguage,
    /// `None`: no limit.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Everyone signed up, in the order they were added: the first `capacity` have a place,
    /// the rest wait.
    #[serde(default)]
    pub roster: Vec<String>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    /// The completions recorded from the attendance, so recording is never done twice for a
    /// person and can be undone.
    #[serde(default)]
    pub recorded: Vec<Recorded>,
    #[serde(default)]
    pub removed: bool,
}

/// How a recurring session repeats (reflective supervision every week, co-reflection every
/// month).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    Weekly,
    EveryTwoWeeks,
    Monthly,
}

impl Repeat {
    pub fn from_code(code: &str) -> Option<Repeat> {
        match code {
            "weekly" => Some(Repeat::Weekly),
            "every_two_weeks" => Some(Repeat::EveryTwoWeeks),
            "monthly" => Some(Repeat::Monthly),
            _ => None,
        }
    }
}

/// At most this many sessions in one series (two years of weekly sessions).
pub const MAX_SERIES: u32 = 104;

impl Session {
    /// The sessions of a series starting with this one: `count` in all, each a separate
    /// record (its own roster and attendance), the same time, place and people. Monthly ones
    /// keep the day of the month, or the month's last day when it is shorter (31 January, 28
    /// February, 31 March).
    pub fn series(&self, repeat: Repeat, count: u32, new_id: &mut dyn FnMut() -> String) -> Vec<Session> {
        use crate::domain::date::DateExt;
        (0..count.clamp(1, MAX_SERIES))
            .map(|i| {
                let on = match repeat {
                    Repeat::Weekly => self.on.add_days(7 * i as i32),
                    Repeat::EveryTwoWeeks => self.on.add_days(14 * i as i32),
                    Repeat::Monthly => self.on.add_months(i as i32),
                };
                Session { id: if i == 0 { self.id.clone() } else { new_id() }, on, attendance: Vec::new(), recorded: Vec::new(), ..self.clone() }
            })
            .collect()
    }

    /// Adds people (one, or a whole cohort) in order; someone already on the roster stays
    /// where they are.
    pub fn add(&mut self, people: &[&str]) {
        for p in people {
            if !self.roster.iter().any(|x| x == p) {
                self.roster.push((*p).to_owned());
            }
        }
    }

    /// Takes someone off the roster: the first person waiting moves up.
    pub fn drop_person(&mut self, person_id: &str) {
        self.roster.retain(|x| x != person_id);
        self.attendance.retain(|a| a.person_id != person_id);
    }

    /// Those with a place, and those waiting, in order.
    pub fn places(&self) -> (&[String], &[String]) {
        let n = self.capacity.map_or(self.roster.len(), |c| (c as usize).min(self.roster.len()));
        self.roster.split_at(n)
    }

    /// Attendance opens on the session's day: before it nobody can have attended, and a
    /// completion dated ahead would turn *current* by itself on that day.
    pub fn attendance_open(&self, today: Date) -> bool {
        self.on <= today
    }

    /// Marks one person's attendance (replacing an earlier mark). Only people with a place
    /// can be marked, from the session's day on; returns whether the mark was taken.
    pub fn mark(&mut self, person_id: &str, mark: Mark, today: Date) -> bool {
        if !self.attendance_open(today) || !self.places().0.iter().any(|p| p == person_id) {
            return false;
        }
        self.attendance.retain(|a| a.person_id != person_id);
        self.attendance.push(Attendance { person_id: person_id.to_owned(), mark });
        true
    }

    /// Records completions for everyone present (the session's hours) or there in part (their
    /// hours) who has none from this session yet; `new_id` gives each its id. Absent people get
    /// none, and nothing is recorded before the session's day. A part attended completes the
    /// training only when `part_completes` (the training type says so); otherwise it records
    /// the hours attended as a part (`Completion::partial`) and the person still needs the
    /// course. Returns the completions to save (in one transaction with the session).
    pub fn record(&mut self, provider: &str, part_completes: bool, today: Date, new_id: &mut dyn FnMut() -> String) -> Vec<Completion> {
        let made = self.completions(provider, part_completes, today, new_id);
        self.recorded.extend(made.iter().map(|c| Recorded { person_id: c.person_id.clone(), completion_id: c.id.clone() }));
        made
    }

    /// How many completions `record` would make now (the button says whether there is any).
    pub fn to_record(&self, today: Date) -> usize {
        self.completions("", false, today, &mut String::new).len()
    }

    /// Whether someone whose attendance is recorded was there for only part of a course that
    /// must be taken whole: they still need the course (the trainer sees it on the roster).
    pub fn still_needs_course(&self, person_id: &str, part_completes: bool) -> bool {
        !part_completes
            && self.recorded.iter().any(|r| r.person_id == person_id)
            && self.attendance.iter().any(|a| a.person_id == person_id && matches!(a.mark, Mark::Partial { hours } if hours < self.hours))
    }

    /// Undoes the recording: the ids of the completions to mark removed (the trash keeps them).
    pub fn undo_record(&mut self) -> Vec<String> {
        std::mem::take(&mut self.recorded).into_iter().map(|r| r.completion_id).collect()
    }

    fn completions(&self, provider: &str, part_completes: bool, today: Date, new_id: &mut dyn FnMut() -> String) -> Vec<Completion> {
        if !self.attendance_open(today) {
            return Vec::new();
        }
        self.attendance
            .iter()
            .filter(|a| !self.recorded.iter().any(|r| r.person_id == a.person_id))
            .filter_map(|a| {
                let (hours, partial) = match a.mark {
                    Mark::Present => (self.hours, false),
                    Mark::Partial { hours } if hours > Hours::ZERO => (hours, !part_completes && hours < self.hours),
                    _ => return None,
                };
                Some(Completion { verification: None, partial,
                    id: new_id(),
                    person_id: a.person_id.clone(),
                    training_id: self.training_id.clone(),
                    completed_on: self.on,
                    hours,
                    provider: provider.to_owned(),
                    certificate_number: String::new(),
                    ce_category: None,
                    notes: String::new(),
                    removed: false,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;

    /// The session's own day.
    const DAY: Date = match Date::from_ymd_opt(2026, 12, 3) {
        Some(d) => d,
        None => panic!(),
    };

    fn session(capacity: Option<u32>) -> Session {
        Session {
            id: "s".into(),
            training_id: "builtin.motivational_interviewing".into(),
            on: Date::parse_iso("2026-12-03").unwrap(),
            starts_at: "09:00".into(),
            hours: Hours::whole(16),
            facilitator: "Marta Gil".into(),
            place: "Sala 2".into(),
            language: PreferredLanguage::Spanish,
            capacity,
            roster: Vec::new(),
            attendance: Vec::new(),
            recorded: Vec::new(),
            removed: false,
        }
    }

    #[test]
    fn past_capacity_people_wait_in_order_and_move_up_when_someone_drops() {
        let mut s = session(Some(2));
        s.add(&["ana", "beto", "carla"]);
        s.add(&["beto", "dora"]); // a cohort added later: beto keeps his place
        assert_eq!(s.places(), (&["ana".to_owned(), "beto".to_owned()][..], &["carla".to_owned(), "dora".to_owned()][..]));
        assert!(!s.mark("carla", Mark::Present, DAY), "someone waiting cannot be marked");
        s.drop_person("ana");
        assert_eq!(s.places().0, &["beto".to_owned(), "carla".to_owned()][..]);
        assert_eq!(session(None).places().1.len(), 0);
    }

    #[test]
    fn a_recurring_session_is_a_series_of_sessions_keeping_the_day_of_the_month() {
        let mut first = session(Some(8));
        first.on = Date::parse_iso("2026-01-31").unwrap();
        first.add(&["ana", "beto"]);
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("s{n}")
        };
        let monthly = first.series(Repeat::Monthly, 3, &mut ids);
        let days: Vec<String> = monthly.iter().map(|s| s.on.to_iso()).collect();
        assert_eq!(days, vec!["2026-01-31", "2026-02-28", "2026-03-31"], "the month's last day when shorter, then back to the 31st");
        assert_eq!(monthly.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["s", "s1", "s2"]);
        assert!(monthly.iter().all(|s| s.roster == first.roster && s.place == first.place && s.attendance.is_empty()));
        let weekly = first.series(Repeat::EveryTwoWeeks, 2, &mut ids);
        assert_eq!(weekly[1].on.to_iso(), "2026-02-14");
        assert_eq!(first.series(Repeat::Weekly, 500, &mut ids).len(), MAX_SERIES as usize);
        assert_eq!(Repeat::from_code("monthly"), Some(Repeat::Monthly));
    }

    #[test]
    fn attendance_records_completions_for_those_present_with_their_hours() {
        let mut s = session(None);
        s.add(&["ana", "beto", "carla"]);
        assert!(s.mark("ana", Mark::Present, DAY));
        assert!(s.mark("beto", Mark::Partial { hours: Hours::whole(8) }, DAY));
        assert!(s.mark("carla", Mark::Present, DAY));
        assert!(s.mark("carla", Mark::Absent, DAY), "a mark can be corrected");
        assert_eq!(s.to_record(DAY), 2, "the absent get nothing");
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("c{n}")
        };
        let made = s.record("Clínica del Valle", false, DAY, &mut ids);
        let summary: Vec<(&str, u32, String)> = made.iter().map(|c| (c.person_id.as_str(), c.hours.hundredths(), c.completed_on.to_iso())).collect();
        assert_eq!(summary, vec![("ana", 1600, "2026-12-03".to_owned()), ("beto", 800, "2026-12-03".to_owned())]);
        assert!(made.iter().all(|c| c.ce_category.is_none() && c.training_id == s.training_id));
        assert_eq!(s.to_record(DAY), 0, "nothing left to record");
        // Recording again adds nothing for them; someone marked later gets theirs.
        s.add(&["dora"]);
        s.mark("dora", Mark::Present, DAY);
        let again = s.record("Clínica del Valle", false, DAY, &mut ids);
        assert_eq!(again.iter().map(|c| c.person_id.as_str()).collect::<Vec<_>>(), vec!["dora"]);
        // Undo gives back every completion recorded, to mark removed.
        assert_eq!(s.clone().undo_record(), vec!["c1", "c2", "c3"]);
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Session>(&text).unwrap(), s);
    }

    /// Issue #20: a part attended of a course that must be taken whole records the hours
    /// attended, marked as a part, and completes nothing; a training whose part completes it
    /// (the organization's choice per training) records a completion; a whole attendance is
    /// never a part.
    #[test]
    fn a_part_attended_records_its_hours_but_completes_the_training_only_when_it_says_so() {
        let mut s = session(None);
        s.hours = Hours::whole(4);
        s.add(&["ana", "beto", "carla"]);
        assert!(s.mark("ana", Mark::Partial { hours: Hours::from_hundredths(250) }, DAY));
        assert!(s.mark("beto", Mark::Present, DAY));
        assert!(s.mark("carla", Mark::Partial { hours: Hours::whole(4) }, DAY), "all of it, marked as a part");
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("c{n}")
        };
        let made = s.clone().record("AHA", false, DAY, &mut ids);
        let parts: Vec<(&str, u32, bool, bool)> = made.iter().map(|c| (c.person_id.as_str(), c.hours.hundredths(), c.partial, c.completes())).collect();
        assert_eq!(parts, vec![("ana", 250, true, false), ("beto", 400, false, true), ("carla", 400, false, true)]);
        assert!(made[0].counts(), "its hours still count where hours count");
        let mut recorded = s.clone();
        recorded.record("AHA", false, DAY, &mut ids);
        assert!(recorded.still_needs_course("ana", false) && !recorded.still_needs_course("beto", false) && !recorded.still_needs_course("carla", false));
        assert!(!recorded.still_needs_course("ana", true), "a part completes this training");
        let open = s.record("AHA", true, DAY, &mut ids);
        assert!(open.iter().all(|c| !c.partial && c.completes()), "the training says a part completes it");
        let text = serde_json::to_string(&made[0]).unwrap();
        assert!(text.contains(r#""partial":true"#));
        assert!(!serde_json::to_string(&made[1]).unwrap().contains("partial"), "a whole attendance stores no flag");
    }

    /// Issue #20: attendance opens on the session's day; nothing is marked or recorded before.
    #[test]
    fn attendance_opens_on_the_sessions_day_and_records_nothing_before() {
        let mut s = session(None);
        s.add(&["ana"]);
        let eve = DAY.add_days(-1);
        assert!(!s.attendance_open(eve) && s.attendance_open(DAY) && s.attendance_open(DAY.add_days(30)));
        assert!(!s.mark("ana", Mark::Present, eve), "not on the eve");
        assert!(s.attendance.is_empty());
        assert!(s.mark("ana", Mark::Present, DAY));
        assert_eq!(s.to_record(eve), 0);
        assert!(s.clone().record("", false, eve, &mut String::new).is_empty(), "a future date is never recorded");
        assert_eq!(s.to_record(DAY), 1);
        let made = s.record("", false, DAY, &mut || "c".into());
        assert_eq!(made[0].completed_on, DAY);
    }
}
