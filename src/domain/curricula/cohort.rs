//! Cohorts: named groups that assignments are given to (a hire class, a site, a program),
//! chosen by hand or by a rule that stays current as people are added or change.
//!
//! A member's own start matters (a relative due date counts from the day they were given the
//! work), so the day each person is first seen in a cohort is kept (`Membership`), the way the
//! trash keeps the day a record is first seen removed: `record_members` dates newcomers and
//! closes the membership of people who left, and a person who comes back starts again.

use crate::domain::date::Date;
use crate::domain::person::{Person, WorkerType};
use crate::domain::text::fold;
use serde::{Deserialize, Serialize};

/// Who a rule cohort holds: each condition that is set must hold (within one, any value
/// listed does). Archived people are never members.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortRule {
    #[serde(default)]
    pub worker_types: Vec<WorkerType>,
    #[serde(default)]
    pub programs: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    /// Hired on or after this day.
    #[serde(default, with = "crate::domain::date::iso_opt")]
    pub hired_from: Option<Date>,
    /// On this ladder step today (`ladder id`, `step id`).
    #[serde(default)]
    pub ladder_step: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: String,
    pub name: String,
    /// `None`: the people listed by hand.
    #[serde(default)]
    pub rule: Option<CohortRule>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub archived: bool,
}

/// One person in one cohort, from the day they were first seen in it until they left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub cohort_id: String,
    pub person_id: String,
    #[serde(with = "crate::domain::date::iso")]
    pub since: Date,
    #[serde(default, with = "crate::domain::date::iso_opt")]
    pub until: Option<Date>,
}

impl CohortRule {
    /// `step` is the person's current ladder step, if they have one.
    pub fn admits(&self, person: &Person, step: Option<(&str, &str)>) -> bool {
        let text_in = |list: &[String], value: &str| list.is_empty() || list.iter().any(|x| fold(x.trim()) == fold(value.trim()));
        !person.archived
            && (self.worker_types.is_empty() || self.worker_types.contains(&person.worker_type))
            && text_in(&self.programs, &person.program)
            && text_in(&self.organizations, &person.organization)
            && self.hired_from.is_none_or(|from| person.hire_date.is_some_and(|h| h >= from))
            && self.ladder_step.as_ref().is_none_or(|(l, s)| step == Some((l.as_str(), s.as_str())))
    }
}

impl Cohort {
    /// Its members now: by its rule, or the people listed (archived people left out).
    pub fn members<'a>(&self, people: &'a [Person], step_of: &dyn Fn(&str) -> Option<(String, String)>) -> Vec<&'a Person> {
        people
            .iter()
            .filter(|p| match &self.rule {
                Some(rule) => {
                    let step = step_of(&p.id);
                    rule.admits(p, step.as_ref().map(|(l, s)| (l.as_str(), s.as_str())))
                }
                None => !p.archived && self.people.contains(&p.id),
            })
            .collect()
    }
}

/// Keeps the memberships of one cohort in step with its members on `today`: a newcomer is
/// dated today, someone who left is closed yesterday (their last day in it). Returns the
/// memberships to store (changed or new); the others stay as they are.
pub fn record_members(cohort_id: &str, members: &[&str], known: &[Membership], today: Date) -> Vec<Membership> {
    use crate::domain::date::DateExt;
    let open = |person: &str| known.iter().find(|m| m.cohort_id == cohort_id && m.person_id == person && m.until.is_none());
    let mut out = Vec::new();
    for person in members {
        if open(person).is_none() {
            out.push(Membership { cohort_id: cohort_id.to_owned(), person_id: (*person).to_owned(), since: today, until: None });
        }
    }
    for m in known.iter().filter(|m| m.cohort_id == cohort_id && m.until.is_none() && !members.contains(&m.person_id.as_str())) {
        out.push(Membership { until: Some(today.add_days(-1)), ..m.clone() });
    }
    out
}

/// The day a member was given an assignment made to their cohort on `assigned_on`: that day,
/// or the day they joined if later (a new member starts their own clock).
pub fn given_on(assigned_on: Date, membership: &Membership) -> Date {
    assigned_on.max(membership.since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;
    use crate::domain::person::sample;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn person(id: &str, worker: WorkerType, program: &str, hired: Option<&str>) -> Person {
        Person { worker_type: worker, program: program.into(), hire_date: hired.map(d), ..sample(id, id) }
    }

    #[test]
    fn a_rule_cohort_holds_whoever_meets_every_condition_set() {
        let people = vec![
            person("ana", WorkerType::PeerSupportSpecialist, "Crisis", Some("2026-09-01")),
            person("beto", WorkerType::PeerSupportSpecialist, "crisis ", Some("2025-01-10")),
            person("carla", WorkerType::Chw, "Crisis", Some("2026-10-01")),
            Person { archived: true, ..person("dora", WorkerType::PeerSupportSpecialist, "Crisis", Some("2026-10-01")) },
            person("eva", WorkerType::PeerSupportSpecialist, "Crisis", None),
        ];
        let new_peers = Cohort {
            id: "new-peers".into(),
            name: "New peers, crisis".into(),
            rule: Some(CohortRule { worker_types: vec![WorkerType::PeerSupportSpecialist], programs: vec!["Crisis".into()], hired_from: Some(d("2026-01-01")), ..CohortRule::default() }),
            people: Vec::new(),
            archived: false,
        };
        let none = |_: &str| None;
        let ids = |c: &Cohort, f: &dyn Fn(&str) -> Option<(String, String)>| c.members(&people, f).iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&new_peers, &none), vec!["ana"], "beto hired earlier, carla a CHW, dora archived, eva no hire date");
        // A program matches whatever its case and spaces; a ladder step condition needs that step.
        let crisis = Cohort { rule: Some(CohortRule { programs: vec!["CRISIS".into()], ..CohortRule::default() }), ..new_peers.clone() };
        assert_eq!(ids(&crisis, &none), vec!["ana", "beto", "carla", "eva"]);
        let on_ii = Cohort { rule: Some(CohortRule { ladder_step: Some(("peer".into(), "ii".into())), ..CohortRule::default() }), ..new_peers.clone() };
        let step = |id: &str| (id == "beto").then(|| ("peer".to_owned(), "ii".to_owned()));
        assert_eq!(ids(&on_ii, &step), vec!["beto"]);
        // By hand: the people listed, archived ones left out.
        let by_hand = Cohort { rule: None, people: vec!["carla".into(), "dora".into()], ..new_peers };
        assert_eq!(ids(&by_hand, &none), vec!["carla"]);
    }

    #[test]
    fn newcomers_are_dated_when_first_seen_and_leavers_closed_the_day_before() {
        let first = record_members("c", &["ana", "beto"], &[], d("2026-11-01"));
        assert_eq!(first.iter().map(|m| (m.person_id.as_str(), m.since)).collect::<Vec<_>>(), vec![("ana", d("2026-11-01")), ("beto", d("2026-11-01"))]);
        // Seen again with no change: nothing to store.
        assert!(record_members("c", &["ana", "beto"], &first, d("2026-11-05")).is_empty());
        // Carla joins on the 10th; Beto has left.
        let later = record_members("c", &["ana", "carla"], &first, d("2026-11-10"));
        assert_eq!(later.len(), 2);
        assert_eq!((later[0].person_id.as_str(), later[0].since), ("carla", d("2026-11-10")));
        assert_eq!((later[1].person_id.as_str(), later[1].until), ("beto", Some(d("2026-11-09"))));
        // A cohort's assignment given on the 1st starts Carla's clock on the 10th, Ana's on the 1st.
        assert_eq!(given_on(d("2026-11-01"), &later[0]), d("2026-11-10"));
        assert_eq!(given_on(d("2026-11-01"), &first[0]), d("2026-11-01"));
        assert_eq!(given_on(d("2026-11-01"), &later[0]).add_days(30), d("2026-12-10"));
    }
}
