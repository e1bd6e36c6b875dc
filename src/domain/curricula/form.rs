//! Drafts and validation for a trainer's forms: a curriculum, a cohort, an assignment, a
//! session, an exemption and a verification. What the inputs hold, as strings; every problem
//! tied to its field (shown inline by the interface, in the reader's language).

use super::assignment::{Due, Exemption, Target, Work};
use super::cohort::{Cohort, CohortRule};
use super::curriculum::{Curriculum, Item, Mode, Section};
use super::session::{Repeat, Session, MAX_SERIES};
use crate::domain::date::Date;
use crate::domain::form::{Errors, Field, Problem, LONG, SHORT};
use crate::domain::hours::Hours;
use crate::domain::person::{PreferredLanguage, WorkerType};
use crate::domain::text::Bilingual;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionDraft {
    pub id: String,
    pub name_en: String,
    pub name_es: String,
    pub within_days: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemDraft {
    pub training_id: String,
    pub required: bool,
    pub section: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CurriculumDraft {
    pub name_en: String,
    pub name_es: String,
    pub description_en: String,
    pub description_es: String,
    /// `all_in_order`, `all_any_order` or `at_least`.
    pub mode: String,
    pub at_least: String,
    pub sections: Vec<SectionDraft>,
    pub items: Vec<ItemDraft>,
    pub worker_types: Vec<WorkerType>,
    pub languages: Vec<PreferredLanguage>,
}

/// A completion mode's code, for a `<select>`.
pub fn mode_code(mode: Mode) -> &'static str {
    match mode {
        Mode::AllInOrder => "all_in_order",
        Mode::AllAnyOrder => "all_any_order",
        Mode::AtLeast { .. } => "at_least",
    }
}

impl CurriculumDraft {
    pub fn new() -> CurriculumDraft {
        CurriculumDraft { mode: "all_any_order".into(), ..CurriculumDraft::default() }
    }

    pub fn from_curriculum(c: &Curriculum) -> CurriculumDraft {
        CurriculumDraft {
            name_en: c.name.en.clone(),
            name_es: c.name.es.clone(),
            description_en: c.description.en.clone(),
            description_es: c.description.es.clone(),
            mode: mode_code(c.mode).into(),
            at_least: match c.mode {
                Mode::AtLeast { n } => n.to_string(),
                _ => String::new(),
            },
            sections: c
                .sections
                .iter()
                .map(|s| SectionDraft { id: s.id.clone(), name_en: s.name.en.clone(), name_es: s.name.es.clone(), within_days: s.within_days.map(|n| n.to_string()).unwrap_or_default() })
                .collect(),
            items: c.items.iter().map(|i| ItemDraft { training_id: i.training_id.clone(), required: i.required, section: i.section.clone() }).collect(),
            worker_types: c.worker_types.clone(),
            languages: c.languages.clone(),
        }
    }

    /// The curriculum, or every problem. `id` and `version` are the record's (a new version
    /// is decided by `Curriculum::save_edit`); `base` keeps its source and archived flag.
    pub fn to_curriculum(&self, id: &str, version: u32, base: Option<&Curriculum>) -> Result<Curriculum, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, true, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, true, SHORT);
        let description_en = e.text(Field::Notes, &self.description_en, false, LONG);
        let description_es = e.text(Field::Notes, &self.description_es, false, LONG);
        let items: Vec<Item> = self.items.iter().filter(|i| !i.training_id.trim().is_empty()).map(|i| Item { training_id: i.training_id.trim().to_owned(), required: i.required, section: i.section.clone() }).collect();
        if items.is_empty() {
            e.add(Field::Items, Problem::Required);
        }
        for (i, item) in items.iter().enumerate() {
            if items[..i].iter().any(|x| x.training_id == item.training_id) {
                e.add(Field::Items, Problem::AlreadyHere);
            }
        }
        let mode = match self.mode.as_str() {
            "all_in_order" => Mode::AllInOrder,
            "at_least" => Mode::AtLeast { n: e.number(Field::AtLeast, &self.at_least, 1, items.len().max(1) as u32) },
            _ => Mode::AllAnyOrder,
        };
        let mut sections = Vec::new();
        for (i, s) in self.sections.iter().enumerate() {
            let i = i.min(255) as u8;
            let en = e.text(Field::SectionName(i), &s.name_en, true, SHORT);
            let es = s.name_es.trim();
            let within_days = if s.within_days.trim().is_empty() { None } else { Some(e.number(Field::SectionDays(i), &s.within_days, 1, 3_650)) };
            let id = if s.id.is_empty() { format!("s{}", i + 1) } else { s.id.clone() };
            sections.push(Section { id, name: Bilingual::new(&en, if es.is_empty() { &en } else { es }), within_days });
        }
        let items = items.into_iter().map(|i| Item { section: if sections.iter().any(|s| s.id == i.section) { i.section } else { String::new() }, ..i }).collect();
        e.result(Curriculum {
            id: id.to_owned(),
            version,
            name: Bilingual::new(&name_en, &name_es),
            description: Bilingual::new(&description_en, &description_es),
            mode,
            sections,
            items,
            worker_types: self.worker_types.clone(),
            languages: self.languages.clone(),
            example: false,
            archived: base.is_some_and(|b| b.archived),
            source: base.and_then(|b| b.source.clone()),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortDraft {
    pub name: String,
    pub by_rule: bool,
    pub worker_types: Vec<WorkerType>,
    pub programs: Vec<String>,
    pub organizations: Vec<String>,
    pub hired_from: String,
    /// `ladder id/step id`, or empty.
    pub ladder_step: String,
    pub people: Vec<String>,
}

impl CohortDraft {
    pub fn from_cohort(c: &Cohort) -> CohortDraft {
        let rule = c.rule.clone().unwrap_or_default();
        CohortDraft {
            name: c.name.clone(),
            by_rule: c.rule.is_some(),
            worker_types: rule.worker_types,
            programs: rule.programs,
            organizations: rule.organizations,
            hired_from: rule.hired_from.map(crate::domain::date::DateExt::to_iso).unwrap_or_default(),
            ladder_step: rule.ladder_step.map(|(l, s)| format!("{l}/{s}")).unwrap_or_default(),
            people: c.people.clone(),
        }
    }

    pub fn to_cohort(&self, id: &str, archived: bool) -> Result<Cohort, Errors> {
        let mut e = Errors::default();
        let name = e.text(Field::Name, &self.name, true, SHORT);
        let hired_from = e.date(Field::From, &self.hired_from, false);
        let ladder_step = self.ladder_step.split_once('/').map(|(l, s)| (l.to_owned(), s.to_owned()));
        let rule = self.by_rule.then(|| CohortRule {
            worker_types: self.worker_types.clone(),
            programs: self.programs.clone(),
            organizations: self.organizations.clone(),
            hired_from,
            ladder_step,
        });
        match &rule {
            Some(r) if *r == CohortRule::default() => e.add(Field::CohortRule, Problem::Required),
            None if self.people.is_empty() => e.add(Field::People, Problem::Required),
            _ => {}
        }
        e.result(Cohort { id: id.to_owned(), name, people: if self.by_rule { Vec::new() } else { self.people.clone() }, rule, archived })
    }
}

/// What is assigned, to whom, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssignDraft {
    /// `curriculum:<id>` or `training:<id>`.
    pub work: String,
    /// `cohort:<id>` or `person:<id>`.
    pub target: String,
    /// `none`, `on`, `after_hire`, `after_given` or `before_expiry`.
    pub due: String,
    pub due_days: String,
    pub due_date: String,
    pub given_by: String,
}

impl AssignDraft {
    /// `version_of` gives a curriculum's newest version (what a new assignment is given).
    pub fn to_parts(&self, version_of: &dyn Fn(&str) -> Option<u32>) -> Result<(Target, Work, Due, String), Errors> {
        let mut e = Errors::default();
        let work = match self.work.split_once(':') {
            Some(("curriculum", id)) => version_of(id).map(|version| Work::Curriculum { id: id.to_owned(), version }),
            Some(("training", id)) if !id.is_empty() => Some(Work::Training { training_id: id.to_owned() }),
            _ => None,
        };
        if work.is_none() {
            e.add(Field::Work, Problem::Required);
        }
        let target = match self.target.split_once(':') {
            Some(("cohort", id)) if !id.is_empty() => Some(Target::Cohort { cohort_id: id.to_owned() }),
            Some(("person", id)) if !id.is_empty() => Some(Target::Person { person_id: id.to_owned() }),
            _ => None,
        };
        if target.is_none() {
            e.add(Field::Target, Problem::Required);
        }
        let days = |e: &mut Errors| e.number(Field::DueDays, &self.due_days, 1, 3_650);
        let due = match self.due.as_str() {
            "on" => e.date(Field::DueDate, &self.due_date, true).map_or(Due::None, |date| Due::On { date }),
            "after_hire" => Due::AfterHire { days: days(&mut e) },
            "after_given" => Due::AfterGiven { days: days(&mut e) },
            "before_expiry" => Due::BeforeExpiry { days: days(&mut e) },
            _ => Due::None,
        };
        let given_by = e.text(Field::GivenBy, &self.given_by, true, SHORT);
        match (target, work) {
            (Some(t), Some(w)) if e.is_empty() => Ok((t, w, due, given_by)),
            _ => Err(e),
        }
    }
}

/// The code of a due rule and its number, for the form.
pub fn due_code(due: Due) -> (&'static str, String) {
    match due {
        Due::None => ("none", String::new()),
        Due::On { date } => ("on", crate::domain::date::DateExt::to_iso(date)),
        Due::AfterHire { days } => ("after_hire", days.to_string()),
        Due::AfterGiven { days } => ("after_given", days.to_string()),
        Due::BeforeExpiry { days } => ("before_expiry", days.to_string()),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionDraft {
    pub training_id: String,
    pub on: String,
    pub starts_at: String,
    pub hours: String,
    pub facilitator: String,
    pub place: String,
    pub language: PreferredLanguage,
    pub capacity: String,
    /// A new session only: `weekly`, `every_two_weeks`, `monthly`, or empty for one session.
    pub repeat: String,
    /// How many sessions in the series.
    pub count: String,
}

impl SessionDraft {
    /// A new session, or a series of them when it repeats (`Session::series`).
    pub fn to_sessions(&self, id: &str, new_id: &mut dyn FnMut() -> String) -> Result<Vec<Session>, Errors> {
        let first = self.to_session(id, None);
        let repeat = Repeat::from_code(&self.repeat);
        let mut e = match &first {
            Err(e) => e.clone(),
            Ok(_) => Errors::default(),
        };
        let count = repeat.map(|_| e.number(Field::Count, &self.count, 2, MAX_SERIES));
        match (first, repeat, count) {
            (Ok(s), Some(r), Some(n)) if e.is_empty() => Ok(s.series(r, n, new_id)),
            (Ok(s), None, _) => Ok(vec![s]),
            _ => Err(e),
        }
    }

    pub fn from_session(s: &Session, decimal: char) -> SessionDraft {
        SessionDraft {
            training_id: s.training_id.clone(),
            on: crate::domain::date::DateExt::to_iso(s.on),
            starts_at: s.starts_at.clone(),
            hours: s.hours.format_with(decimal),
            facilitator: s.facilitator.clone(),
            place: s.place.clone(),
            language: s.language,
            capacity: s.capacity.map(|n| n.to_string()).unwrap_or_default(),
            repeat: String::new(),
            count: String::new(),
        }
    }

    /// The session, keeping `base`'s roster, attendance and what it recorded.
    pub fn to_session(&self, id: &str, base: Option<&Session>) -> Result<Session, Errors> {
        let mut e = Errors::default();
        let training_id = e.text(Field::Training, &self.training_id, true, SHORT);
        let on = e.date(Field::On, &self.on, true).unwrap_or_default();
        let starts_at = self.starts_at.trim().to_owned();
        let valid_time = starts_at.is_empty()
            || (starts_at.len() == 5 && starts_at.as_bytes()[2] == b':' && starts_at[..2].parse::<u32>().is_ok_and(|h| h < 24) && starts_at[3..].parse::<u32>().is_ok_and(|m| m < 60));
        if !valid_time {
            e.add(Field::StartsAt, Problem::InvalidDate);
        }
        let hours = e.hours(Field::Hours, &self.hours);
        let facilitator = e.text(Field::Facilitator, &self.facilitator, false, SHORT);
        let place = e.text(Field::Place, &self.place, false, SHORT);
        let capacity = if self.capacity.trim().is_empty() { None } else { Some(e.number(Field::Capacity, &self.capacity, 1, 10_000)) };
        let kept = base.cloned();
        e.result(Session {
            id: id.to_owned(),
            training_id,
            on,
            starts_at,
            hours,
            facilitator,
            place,
            language: self.language,
            capacity,
            roster: kept.as_ref().map(|b| b.roster.clone()).unwrap_or_default(),
            attendance: kept.as_ref().map(|b| b.attendance.clone()).unwrap_or_default(),
            recorded: kept.as_ref().map(|b| b.recorded.clone()).unwrap_or_default(),
            removed: false,
        })
    }
}

/// Partial attendance hours, as typed: more than 0 and at most the session's hours.
pub fn partial_hours(text: &str, session_hours: Hours) -> Result<Hours, Problem> {
    match Hours::parse(text) {
        None => Err(if text.trim().is_empty() { Problem::Required } else { Problem::InvalidHours }),
        Some(h) if h == Hours::ZERO || h > session_hours => Err(Problem::HoursOutOfRange),
        Some(h) => Ok(h),
    }
}

/// An exemption from an assignment: the reason and who decided are required.
pub fn exemption(assignment_id: &str, person_id: &str, reason: &str, by: &str, on: Date) -> Result<Exemption, Errors> {
    let mut e = Errors::default();
    let reason = e.text(Field::Reason, reason, true, SHORT);
    let by = e.text(Field::DecidedBy, by, true, SHORT);
    e.result(Exemption { assignment_id: assignment_id.to_owned(), person_id: person_id.to_owned(), reason, by, on })
}

/// A trainer's or HR's decision on a self-reported completion: their name, and for a
/// rejection the reason.
pub fn decision(by: &str, reason: &str, reject: bool) -> Result<(String, String), Errors> {
    let mut e = Errors::default();
    let by = e.text(Field::DecidedBy, by, true, SHORT);
    let reason = e.text(Field::Reason, reason, reject, SHORT);
    e.result((by, reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::curricula::examples::example_curricula;
    use crate::domain::date::DateExt;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn every_example_curriculum_round_trips_through_the_form() {
        for c in example_curricula() {
            let back = CurriculumDraft::from_curriculum(&c).to_curriculum(&c.id, c.version, Some(&c)).unwrap();
            assert_eq!(back, Curriculum { example: false, ..c.clone() }, "{}", c.id);
        }
    }

    #[test]
    fn a_curriculum_needs_names_trainings_once_each_and_a_sensible_n() {
        let empty = CurriculumDraft::new().to_curriculum("c", 1, None).unwrap_err();
        assert_eq!((empty.get(Field::NameEn), empty.get(Field::NameEs), empty.get(Field::Items)), (Some(Problem::Required), Some(Problem::Required), Some(Problem::Required)));
        let item = |t: &str| ItemDraft { training_id: t.into(), required: false, section: String::new() };
        let draft = CurriculumDraft {
            name_en: "Onboarding".into(),
            name_es: "Incorporación".into(),
            mode: "at_least".into(),
            at_least: "3".into(),
            items: vec![item("builtin.hipaa"), item("builtin.cpr_first_aid")],
            sections: vec![SectionDraft { name_en: "First 30 days".into(), within_days: "0".into(), ..SectionDraft::default() }],
            ..CurriculumDraft::new()
        };
        let e = draft.to_curriculum("c", 1, None).unwrap_err();
        assert_eq!(e.get(Field::AtLeast), Some(Problem::NumberOutOfRange { min: 1, max: 2 }));
        assert_eq!(e.get(Field::SectionDays(0)), Some(Problem::NumberOutOfRange { min: 1, max: 3_650 }));
        let twice = CurriculumDraft { items: vec![item("builtin.hipaa"), item("builtin.hipaa")], at_least: "1".into(), sections: Vec::new(), ..draft.clone() };
        assert_eq!(twice.to_curriculum("c", 1, None).unwrap_err().get(Field::Items), Some(Problem::AlreadyHere));
        let ok = CurriculumDraft { at_least: "2".into(), sections: vec![SectionDraft { name_en: "First 30 days".into(), within_days: "30".into(), ..SectionDraft::default() }], ..draft }
            .to_curriculum("c", 1, None)
            .unwrap();
        assert_eq!(ok.mode, Mode::AtLeast { n: 2 });
        assert_eq!((ok.sections[0].id.as_str(), ok.sections[0].name.es.as_str(), ok.sections[0].within_days), ("s1", "First 30 days", Some(30)));
    }

    #[test]
    fn a_cohort_by_rule_needs_a_condition_and_by_hand_needs_people() {
        let rule = CohortDraft { name: "New peers".into(), by_rule: true, ..CohortDraft::default() };
        assert_eq!(rule.to_cohort("k", false).unwrap_err().get(Field::CohortRule), Some(Problem::Required));
        let hired = CohortDraft { hired_from: "2026-09-31".into(), ..rule.clone() };
        assert_eq!(hired.to_cohort("k", false).unwrap_err().get(Field::From), Some(Problem::InvalidDate));
        let ok = CohortDraft { worker_types: vec![WorkerType::PeerSupportSpecialist], hired_from: "2026-09-01".into(), ladder_step: "peer/ii".into(), ..rule }.to_cohort("k", false).unwrap();
        assert_eq!(CohortDraft::from_cohort(&ok).to_cohort("k", false).unwrap(), ok);
        assert_eq!(ok.rule.as_ref().unwrap().ladder_step, Some(("peer".into(), "ii".into())));
        let by_hand = CohortDraft { name: "Site A".into(), ..CohortDraft::default() };
        assert_eq!(by_hand.to_cohort("k", false).unwrap_err().get(Field::People), Some(Problem::Required));
    }

    #[test]
    fn an_assignment_says_what_to_whom_and_by_when() {
        let versions = |id: &str| (id == "c1").then_some(3);
        let draft = AssignDraft { work: "curriculum:c1".into(), target: "cohort:k".into(), due: "after_hire".into(), due_days: "30".into(), due_date: String::new(), given_by: "Marta".into() };
        let (target, work, due, by) = draft.to_parts(&versions).unwrap();
        assert_eq!((target, work, due, by.as_str()), (Target::Cohort { cohort_id: "k".into() }, Work::Curriculum { id: "c1".into(), version: 3 }, Due::AfterHire { days: 30 }, "Marta"));
        let bad = AssignDraft { work: "curriculum:gone".into(), target: String::new(), due: "on".into(), due_date: "2026-02-30".into(), given_by: " ".into(), ..draft.clone() };
        let e = bad.to_parts(&versions).unwrap_err();
        assert_eq!((e.get(Field::Work), e.get(Field::Target), e.get(Field::DueDate), e.get(Field::GivenBy)), (Some(Problem::Required), Some(Problem::Required), Some(Problem::InvalidDate), Some(Problem::Required)));
        let days = AssignDraft { due: "before_expiry".into(), due_days: "0".into(), ..draft };
        assert_eq!(days.to_parts(&versions).unwrap_err().get(Field::DueDays), Some(Problem::NumberOutOfRange { min: 1, max: 3_650 }));
        assert_eq!(due_code(Due::On { date: d("2026-12-31") }), ("on", "2026-12-31".to_owned()));
    }

    #[test]
    fn a_session_keeps_its_roster_when_edited_and_checks_time_hours_and_capacity() {
        let draft = SessionDraft { training_id: "builtin.motivational_interviewing".into(), on: "2026-12-03".into(), starts_at: "9:00".into(), hours: "0".into(), capacity: "0".into(), ..SessionDraft::default() };
        let e = draft.to_session("s", None).unwrap_err();
        assert_eq!((e.get(Field::StartsAt), e.get(Field::Hours), e.get(Field::Capacity)), (Some(Problem::InvalidDate), Some(Problem::HoursOutOfRange), Some(Problem::NumberOutOfRange { min: 1, max: 10_000 })));
        let mut first = SessionDraft { starts_at: "09:30".into(), hours: "16".into(), capacity: "12".into(), ..draft }.to_session("s", None).unwrap();
        first.add(&["ana", "beto"]);
        let edited = SessionDraft { place: "Sala 3".into(), ..SessionDraft::from_session(&first, '.') }.to_session("s", Some(&first)).unwrap();
        assert_eq!((edited.roster.len(), edited.place.as_str(), edited.on), (2, "Sala 3", d("2026-12-03")));
        assert_eq!(partial_hours("8", Hours::whole(16)), Ok(Hours::whole(8)));
        assert_eq!(partial_hours("17", Hours::whole(16)), Err(Problem::HoursOutOfRange));
        assert_eq!(partial_hours("", Hours::whole(16)), Err(Problem::Required));
    }

    #[test]
    fn a_repeating_session_needs_how_many_and_makes_the_series() {
        let draft = SessionDraft { training_id: "builtin.ips_co_reflection".into(), on: "2026-12-03".into(), hours: "1,5".into(), repeat: "monthly".into(), ..SessionDraft::default() };
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("x{n}")
        };
        assert_eq!(draft.to_sessions("s", &mut ids).unwrap_err().get(Field::Count), Some(Problem::Required));
        let one = SessionDraft { count: "1".into(), ..draft.clone() };
        assert_eq!(one.to_sessions("s", &mut ids).unwrap_err().get(Field::Count), Some(Problem::NumberOutOfRange { min: 2, max: MAX_SERIES }));
        let series = SessionDraft { count: "6".into(), ..draft.clone() }.to_sessions("s", &mut ids).unwrap();
        assert_eq!(series.len(), 6);
        assert_eq!(series[5].on, d("2027-05-03"));
        assert_eq!(SessionDraft { repeat: String::new(), ..draft }.to_sessions("s", &mut ids).unwrap().len(), 1);
    }

    #[test]
    fn exemptions_and_rejections_say_why_and_who() {
        let e = exemption("a", "p", " ", "", d("2026-11-29")).unwrap_err();
        assert_eq!((e.get(Field::Reason), e.get(Field::DecidedBy)), (Some(Problem::Required), Some(Problem::Required)));
        assert_eq!(exemption("a", "p", "Certified elsewhere", "HR", d("2026-11-29")).unwrap().reason, "Certified elsewhere");
        assert_eq!(decision("Marta", "", true).unwrap_err().get(Field::Reason), Some(Problem::Required));
        assert_eq!(decision("Marta", "", false).unwrap(), ("Marta".to_owned(), String::new()));
    }
}
