//! A trainer's work over everyone: the records kept (one store, one kind of record), who has
//! been given what, the assignment board, the 12-month renewal forecast, and what to record
//! when a trainer's page opens (new cohort members, renewals now due).
//!
//! Nothing here is stored per person: a person's standing is always worked out from their
//! completions (whoever recorded them, whenever), so an edit never leaves a stale status.

use super::assignment::{assign_by_hand, renewal_training, renewals_to_assign, Assignment, Due, Exemption, Given, Standing, Target, Work};
use super::cohort::{record_members, Cohort, Membership};
use super::curriculum::{latest, Curriculum};
use super::session::Session;
use crate::domain::compliance::Records;
use crate::domain::date::{Date, DateExt};
use crate::domain::person::Person;
use crate::domain::requirement::{Requirement, Rule};
use crate::domain::status::{evaluate, Context, Evaluation, NextAction, Status};
use crate::domain::training::CatalogEntry;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One stored record of a trainer's work (docs/storage.md: store `training_plans`), tagged by
/// its kind: `{"cohort": {…}}`. (Externally tagged: an internal tag costs serde a buffered
/// copy of every record, and 30 KB of wasm.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanRecord {
    Curriculum(Curriculum),
    Cohort(Cohort),
    Membership(Membership),
    Assignment(Assignment),
    Exemption(Exemption),
    Session(Session),
}

impl PlanRecord {
    /// The record itself as JSON, without the kind around it: what a person compares when
    /// two versions of it differ.
    pub fn record_json(&self) -> String {
        match self {
            PlanRecord::Curriculum(x) => serde_json::to_string(x),
            PlanRecord::Cohort(x) => serde_json::to_string(x),
            PlanRecord::Membership(x) => serde_json::to_string(x),
            PlanRecord::Assignment(x) => serde_json::to_string(x),
            PlanRecord::Exemption(x) => serde_json::to_string(x),
            PlanRecord::Session(x) => serde_json::to_string(x),
        }
        .unwrap_or_default()
    }

    /// Its stored key: unique across kinds, and the same for every save of one record (a
    /// curriculum's versions are separate records; a membership is one stay in a cohort).
    pub fn key(&self) -> String {
        match self {
            PlanRecord::Curriculum(c) => format!("curriculum/{}", c.key()),
            PlanRecord::Cohort(c) => format!("cohort/{}", c.id),
            PlanRecord::Membership(m) => format!("membership/{}/{}/{}", m.cohort_id, m.person_id, m.since.to_iso()),
            PlanRecord::Assignment(a) => format!("assignment/{}", a.id),
            PlanRecord::Exemption(x) => format!("exemption/{}/{}", x.assignment_id, x.person_id),
            PlanRecord::Session(s) => format!("session/{}", s.id),
        }
    }
}

/// A record with its key worked out once (backups list and merge them by key). In a file it
/// is the record itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "PlanRecord", into = "PlanRecord")]
pub struct KeyedRecord {
    pub key: String,
    pub record: PlanRecord,
}

impl From<PlanRecord> for KeyedRecord {
    fn from(record: PlanRecord) -> KeyedRecord {
        KeyedRecord { key: record.key(), record }
    }
}

impl From<KeyedRecord> for PlanRecord {
    fn from(k: KeyedRecord) -> PlanRecord {
        k.record
    }
}

/// Everything a trainer has made, sorted by kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plans {
    pub curricula: Vec<Curriculum>,
    pub cohorts: Vec<Cohort>,
    pub memberships: Vec<Membership>,
    pub assignments: Vec<Assignment>,
    pub exemptions: Vec<Exemption>,
    pub sessions: Vec<Session>,
}

impl Plans {
    pub fn from_records(records: impl IntoIterator<Item = PlanRecord>) -> Plans {
        let mut p = Plans::default();
        for r in records {
            match r {
                PlanRecord::Curriculum(x) => p.curricula.push(x),
                PlanRecord::Cohort(x) => p.cohorts.push(x),
                PlanRecord::Membership(x) => p.memberships.push(x),
                PlanRecord::Assignment(x) => p.assignments.push(x),
                PlanRecord::Exemption(x) => p.exemptions.push(x),
                PlanRecord::Session(x) => p.sessions.push(x),
            }
        }
        p
    }

    /// Stored curricula and the built-in examples (never stored: copied before a change).
    pub fn with_examples(mut self, examples: Vec<Curriculum>) -> Plans {
        self.curricula.extend(examples);
        self
    }

    /// The newest version of each curriculum, archived ones last.
    pub fn current_curricula(&self) -> Vec<&Curriculum> {
        let mut list = latest(&self.curricula);
        list.sort_by_key(|c| (c.archived, c.example));
        list
    }

    /// Whether anyone has been given some version of this curriculum.
    pub fn assigned(&self, curriculum_id: &str) -> bool {
        self.assignments.iter().any(|a| !a.removed && matches!(&a.work, Work::Curriculum { id, .. } if id == curriculum_id))
    }

    pub fn cohort(&self, id: &str) -> Option<&Cohort> {
        self.cohorts.iter().find(|c| c.id == id)
    }

    /// The open membership of a person in a cohort, if it was recorded.
    fn membership(&self, cohort_id: &str, person_id: &str) -> Option<&Membership> {
        self.memberships.iter().find(|m| m.cohort_id == cohort_id && m.person_id == person_id && m.until.is_none())
    }
}

/// One person given one assignment, and the day their own clock starts.
#[derive(Clone, Debug, PartialEq)]
pub struct GivenTo<'a> {
    pub person: &'a Person,
    pub assignment: &'a Assignment,
    pub given_on: Date,
}

/// Who has been given each assignment now: a person directly, or a cohort's current members
/// (each from the day they joined, or today for someone not recorded yet). Removed
/// assignments, archived people and archived cohorts give nothing.
pub fn given<'a>(plans: &'a Plans, people: &'a [Person], step_of: &dyn Fn(&str) -> Option<(String, String)>, today: Date) -> Vec<GivenTo<'a>> {
    let by_id: HashMap<&str, &Person> = people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut members: HashMap<&str, Vec<&Person>> = HashMap::new();
    let mut out = Vec::new();
    for a in plans.assignments.iter().filter(|a| !a.removed) {
        match &a.target {
            Target::Person { person_id } => {
                if let Some(p) = by_id.get(person_id.as_str()).filter(|p| !p.archived) {
                    out.push(GivenTo { person: p, assignment: a, given_on: a.given_on });
                }
            }
            Target::Cohort { cohort_id } => {
                let Some(cohort) = plans.cohort(cohort_id).filter(|c| !c.archived) else { continue };
                let list = members.entry(cohort_id.as_str()).or_insert_with(|| cohort.members(people, step_of));
                for p in list.iter() {
                    let since = plans.membership(cohort_id, &p.id).map_or(today, |m| m.since);
                    out.push(GivenTo { person: p, assignment: a, given_on: a.given_on.max(since) });
                }
            }
        }
    }
    out
}

/// One line of the assignment board.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow<'a> {
    pub person: &'a Person,
    pub assignment: &'a Assignment,
    pub given_on: Date,
    pub due: Option<Date>,
    pub standing: Standing,
    /// The training to do next, while not complete.
    pub next: Option<String>,
}

/// The board's order: overdue first (the longest overdue first), then not finished by due
/// date (no date last), then complete, then exempt; by name within each.
fn rank(row: &BoardRow) -> (u8, Date) {
    let far = Date::MAX;
    match &row.standing {
        Standing::Overdue { due, .. } => (0, *due),
        Standing::InProgress { due, .. } | Standing::NotStarted { due } => (1, due.unwrap_or(far)),
        Standing::Complete { on } => (2, *on),
        Standing::Exempt { on, .. } => (3, *on),
    }
}

/// Everyone's standing with every assignment given to them, on `as_of`, overdue first.
pub fn board<'a>(plans: &'a Plans, records: &'a Records, catalog: &[CatalogEntry], given: Vec<GivenTo<'a>>, as_of: Date) -> Vec<BoardRow<'a>> {
    let mut rows: Vec<BoardRow> = given
        .into_iter()
        .map(|g| {
            let completions = records.file(&g.person.id).map_or(&[][..], |f| &f.completions[..]);
            let expires = expiry(g.assignment, completions, catalog);
            let exemption = plans.exemptions.iter().find(|x| x.assignment_id == g.assignment.id && x.person_id == g.person.id);
            let facts = Given { completions, hire_date: g.person.hire_date, given_on: g.given_on, expires, exemption };
            let standing = g.assignment.standing(&plans.curricula, &facts, as_of);
            let due = g.assignment.due_for(g.person.hire_date, g.given_on, expires);
            let next = match standing {
                Standing::Complete { .. } | Standing::Exempt { .. } => None,
                _ => g.assignment.curriculum(&plans.curricula).and_then(|c| {
                    let since = g.assignment.renewal.as_ref().map(|r| r.opens);
                    c.progress(completions, since, Some(g.given_on), as_of).next
                }),
            };
            BoardRow { person: g.person, assignment: g.assignment, given_on: g.given_on, due, standing, next }
        })
        .collect();
    rows.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.person.name.cmp(&b.person.name)));
    rows
}

/// The last valid day a `BeforeExpiry` due date counts back from: a renewal's period, or the
/// newest completion of the training by the training's own validity.
fn expiry(a: &Assignment, completions: &[crate::domain::completion::Completion], catalog: &[CatalogEntry]) -> Option<Date> {
    if let Some(r) = &a.renewal {
        return Some(r.period_until);
    }
    if !matches!(a.due, Due::BeforeExpiry { .. }) {
        return None;
    }
    let Work::Training { training_id } = &a.work else { return None };
    completions.iter().filter(|c| c.completes() && &c.training_id == training_id).filter_map(|c| c.valid_until(catalog)).max()
}

/// How many of each standing, in the board's order: overdue, in progress, not started,
/// complete, exempt.
pub fn tally<'s>(standings: impl Iterator<Item = &'s Standing>) -> [usize; 5] {
    let mut n = [0; 5];
    for s in standings {
        n[s.index()] += 1;
    }
    n
}

/// The requirements a renewal can be assigned for: credentials (by their rule on `today`)
/// with a training that renews them. Hour cycles are left out: the forecast and renewals need
/// only these, and evaluating them is most of the engine's work at 5,000 people.
fn renewable<'r>(requirements: &'r [Requirement], today: Date) -> Vec<&'r Requirement> {
    requirements.iter().filter(|r| matches!(r.rule_on(today), Rule::Credential(_)) && renewal_training(r, &[], today).is_some()).collect()
}

/// One person's evaluations of `renewable` requirements that apply to them (as `evaluate_all`
/// would give them).
fn renewals_now(person: &Person, renewable: &[&Requirement], records: &Records, ctx: Context, today: Date) -> Vec<Evaluation> {
    let facts = records.facts(person);
    renewable.iter().filter(|r| r.applies_to(person.worker_type) && r.effective_from.is_none_or(|d| d <= today)).map(|r| evaluate(r, facts, ctx, today)).collect()
}

/// One month of the renewal forecast: how many people's credentials enter their renewal
/// window in it, per renewing training.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastMonth {
    /// The month's first day.
    pub month: Date,
    pub trainings: Vec<(String, usize)>,
}

impl ForecastMonth {
    pub fn total(&self) -> usize {
        self.trainings.iter().map(|(_, n)| n).sum()
    }
}

/// What a trainer's page works out once over everyone: the 12-month renewal forecast and the
/// records to store now (new cohort members, renewals now due).
pub struct Overview {
    pub forecast: Vec<ForecastMonth>,
    pub to_record: Vec<PlanRecord>,
}

/// The 12 months from `today`'s month: for each credential of each person, the month its
/// renewal window opens (one already open counts in this month; a credential renewed at any
/// time counts from when it is due soon), under the training that renews it. Only the next
/// renewal of each credential is known: it depends on when the last one is done.
///
/// Also returns what to record now: memberships of every cohort with an assignment (a new
/// member's relative due date counts from today) and the renewals that are due, exactly once
/// per credential period (`assignment::renewals_to_assign`).
pub fn overview(plans: &Plans, records: &Records, ctx: Context, step_of: &dyn Fn(&str) -> Option<(String, String)>, today: Date) -> Overview {
    let first = Date::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let mut months: Vec<ForecastMonth> = (0..12).map(|i| ForecastMonth { month: first.add_months(i), trainings: Vec::new() }).collect();
    let end = first.add_months(12);
    let mut to_record = Vec::new();

    for cohort in plans.cohorts.iter().filter(|c| !c.archived) {
        let used = plans.assignments.iter().any(|a| !a.removed && a.target == Target::Cohort { cohort_id: cohort.id.clone() });
        if used {
            let members: Vec<&str> = cohort.members(&records.people, step_of).iter().map(|p| p.id.as_str()).collect();
            to_record.extend(record_members(&cohort.id, &members, &plans.memberships, today).into_iter().map(PlanRecord::Membership));
        }
    }

    let all_given = given(plans, &records.people, step_of, today);
    let mut given_to: HashMap<&str, Vec<Assignment>> = HashMap::new();
    for g in &all_given {
        given_to.entry(g.person.id.as_str()).or_default().push(g.assignment.clone());
    }
    let renewable = renewable(ctx.requirements, today);
    for person in records.people.iter().filter(|p| !p.archived) {
        let facts = records.facts(person);
        let evaluations = renewals_now(person, &renewable, records, ctx, today);
        for e in &evaluations {
            let Some(NextAction::Renew { opens, by }) = e.next else { continue };
            let starts = if opens < by { opens } else { by.add_days(-(ctx.due_soon_days as i32)) };
            if starts >= end || e.status == Status::Expired {
                continue;
            }
            let requirement = ctx.requirements.iter().find(|r| r.id == e.requirement_id);
            let Some(training) = requirement.and_then(|r| renewal_training(r, facts.completions, today)) else { continue };
            let i = if starts < first { 0 } else { ((starts.year() - first.year()) * 12 + starts.month() as i32 - first.month() as i32) as usize };
            let month = &mut months[i.min(11)];
            match month.trainings.iter_mut().find(|(t, _)| t == training) {
                Some((_, n)) => *n += 1,
                None => month.trainings.push((training.to_owned(), 1)),
            }
        }
        let existing = given_to.get(person.id.as_str()).map_or(&[][..], |v| &v[..]);
        let renewals = renewals_to_assign(&person.id, &evaluations, ctx.requirements, existing, facts.completions, today);
        to_record.extend(renewals.into_iter().map(PlanRecord::Assignment));
    }
    for m in &mut months {
        m.trainings.sort();
    }
    Overview { forecast: months, to_record }
}

/// What giving `work` to `target` records: the assignment, and for a cohort the memberships
/// of its members now (their clocks start today; later members start theirs when they join).
/// One training given by hand to one person goes through `assign_by_hand`: an open assignment
/// of it is returned instead (`Err`: show it, add nothing), and one that renews a credential
/// due now *is* that renewal.
#[allow(clippy::too_many_arguments)]
pub fn give(
    plans: &Plans,
    records: &Records,
    ctx: Context,
    step_of: &dyn Fn(&str) -> Option<(String, String)>,
    (target, work, due, given_by): (Target, Work, Due, String),
    fresh_id: String,
    today: Date,
) -> Result<Vec<PlanRecord>, Assignment> {
    let person = match &target {
        Target::Person { person_id } => records.people.iter().find(|p| p.id == *person_id),
        Target::Cohort { .. } => None,
    };
    let assignment = match (&work, person) {
        (Work::Training { training_id }, Some(person)) => {
            let evaluations = renewals_now(person, &renewable(ctx.requirements, today), records, ctx, today);
            let theirs: Vec<Assignment> = plans.assignments.iter().filter(|a| a.target == target).cloned().collect();
            let facts = records.facts(person);
            match assign_by_hand(&person.id, training_id, due, &given_by, fresh_id, &evaluations, ctx.requirements, &theirs, facts.completions, today) {
                Ok(a) => a,
                Err(open) => return Err(open.clone()),
            }
        }
        _ => Assignment { id: fresh_id, target: target.clone(), work, due, given_on: today, given_by, renewal: None, removed: false },
    };
    let mut out = Vec::new();
    if let Target::Cohort { cohort_id } = &target {
        if let Some(k) = plans.cohort(cohort_id) {
            let members: Vec<&str> = k.members(&records.people, step_of).iter().map(|p| p.id.as_str()).collect();
            out.extend(record_members(cohort_id, &members, &plans.memberships, today).into_iter().map(PlanRecord::Membership));
        }
    }
    out.push(PlanRecord::Assignment(assignment));
    Ok(out)
}

/// What to record when one person's page opens: their membership of cohorts with an
/// assignment (from today, if not recorded yet) and their renewals now due, exactly once.
/// Nobody else's membership is touched (a departure is recorded from the trainer's pages).
pub fn to_record_for(plans: &Plans, records: &Records, person: &Person, ctx: Context, step_of: &dyn Fn(&str) -> Option<(String, String)>, today: Date) -> Vec<PlanRecord> {
    let mut out = Vec::new();
    let one = std::slice::from_ref(person);
    for cohort in plans.cohorts.iter().filter(|c| !c.archived) {
        let used = plans.assignments.iter().any(|a| !a.removed && a.target == Target::Cohort { cohort_id: cohort.id.clone() });
        if used && !cohort.members(one, step_of).is_empty() && plans.membership(&cohort.id, &person.id).is_none() {
            out.push(PlanRecord::Membership(Membership { cohort_id: cohort.id.clone(), person_id: person.id.clone(), since: today, until: None }));
        }
    }
    let existing: Vec<Assignment> = given(plans, one, step_of, today).into_iter().map(|g| g.assignment.clone()).collect();
    let facts = records.facts(person);
    let evaluations = renewals_now(person, &renewable(ctx.requirements, today), records, ctx, today);
    out.extend(renewals_to_assign(&person.id, &evaluations, ctx.requirements, &existing, facts.completions, today).into_iter().map(PlanRecord::Assignment));
    out
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
