//! Assignments: a curriculum or a single training given to a person or a cohort, with a due
//! date, and where each person stands with it. Renewals of credentials are assigned here too,
//! exactly once per renewal period.
//!
//! **Due dates.** A due date is the last day: on it the work is still on time, and it is
//! overdue from the next day (the same reading as a certificate's last valid day).
//!
//! **Renewals assigned once.** When the rules engine says a credential's renewal window is open
//! (`NextAction::Renew`), the training that renews it is assigned unless the period already has
//! an assignment: an automatic one (same requirement, same last valid day) or one a trainer
//! made by hand (the same training, given on or after the window opened). The automatic one's
//! id is made from the person, the requirement and the period, so two tabs create the same
//! record, never two. Completions count toward it from the day the window opened, so an early
//! renewal (inside the window) closes it.

use super::curriculum::{Curriculum, Item, Mode};
use crate::domain::completion::Completion;
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::requirement::{Requirement, Rule};
use crate::domain::status::{Evaluation, NextAction, Status};
use crate::domain::text::Bilingual;
use serde::{Deserialize, Serialize};

/// Who an assignment is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Person { person_id: String },
    Cohort { cohort_id: String },
}

/// What is assigned: a version of a curriculum, or one training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    Curriculum { id: String, version: u32 },
    Training { training_id: String },
}

/// When it is due: a fixed day, or relative to the person's hire, to the day they were given
/// it (a cohort's new member gets their own), or before a credential's last valid day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    None,
    On {
        #[serde(with = "crate::domain::date::iso")]
        date: Date,
    },
    AfterHire { days: u32 },
    AfterGiven { days: u32 },
    BeforeExpiry { days: u32 },
}

/// The renewal an automatic assignment stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renewal {
    pub requirement_id: String,
    /// The credential's last valid day in the period being renewed.
    #[serde(with = "crate::domain::date::iso")]
    pub period_until: Date,
    /// Completions count from this day: the renewal window's opening, or for a credential
    /// renewed at any time the day after the completion that granted the period.
    #[serde(with = "crate::domain::date::iso")]
    pub opens: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub target: Target,
    pub work: Work,
    pub due: Due,
    #[serde(with = "crate::domain::date::iso")]
    pub given_on: Date,
    /// Who gave it ("automatic" for renewals).
    pub given_by: String,
    #[serde(default)]
    pub renewal: Option<Renewal>,
    #[serde(default)]
    pub removed: bool,
}

/// A person excused from an assignment, with the reason, who decided and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub assignment_id: String,
    pub person_id: String,
    pub reason: String,
    pub by: String,
    #[serde(with = "crate::domain::date::iso")]
    pub on: Date,
}

/// Where one person stands with one assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    NotStarted { due: Option<Date> },
    InProgress { done: usize, of: usize, hours: Hours, due: Option<Date> },
    Complete { on: Date },
    Overdue { due: Date, done: usize, of: usize, hours: Hours },
    Exempt { reason: String, by: String, on: Date },
}

impl Standing {
    /// Stable codes (the board's filter in the URL), in the board's order.
    pub const CODES: [&'static str; 5] = ["overdue", "in_progress", "not_started", "complete", "exempt"];

    /// Its place in `CODES`: the board's order.
    pub fn index(&self) -> usize {
        match self {
            Standing::Overdue { .. } => 0,
            Standing::InProgress { .. } => 1,
            Standing::NotStarted { .. } => 2,
            Standing::Complete { .. } => 3,
            Standing::Exempt { .. } => 4,
        }
    }

    pub fn code(&self) -> &'static str {
        Standing::CODES[self.index()]
    }
}

/// What one person's standing is worked out from.
pub struct Given<'a> {
    pub completions: &'a [Completion],
    pub hire_date: Option<Date>,
    /// The day this person was given it (for a cohort, the day they joined it or the
    /// assignment's day, whichever is later).
    pub given_on: Date,
    /// The credential's last valid day, for `Due::BeforeExpiry`.
    pub expires: Option<Date>,
    pub exemption: Option<&'a Exemption>,
}

impl Assignment {
    /// The due date for one person, if it has one (a hire-relative date needs a hire date).
    pub fn due_for(&self, hire_date: Option<Date>, given_on: Date, expires: Option<Date>) -> Option<Date> {
        match self.due {
            Due::None => None,
            Due::On { date } => Some(date),
            Due::AfterHire { days } => hire_date.map(|h| h.add_days(days as i32)),
            Due::AfterGiven { days } => Some(given_on.add_days(days as i32)),
            Due::BeforeExpiry { days } => expires.map(|e| e.add_days(-(days as i32))),
        }
    }

    /// The list of trainings it asks for: the curriculum given, or the one training.
    pub fn curriculum(&self, curricula: &[Curriculum]) -> Option<Curriculum> {
        match &self.work {
            Work::Curriculum { id, version } => curricula.iter().find(|c| c.id == *id && c.version == *version).cloned(),
            Work::Training { training_id } => Some(Curriculum {
                id: training_id.clone(),
                version: 1,
                name: Bilingual::default(),
                description: Bilingual::default(),
                mode: Mode::AllAnyOrder,
                sections: Vec::new(),
                items: vec![Item { training_id: training_id.clone(), required: true, section: String::new() }],
                worker_types: Vec::new(),
                languages: Vec::new(),
                example: false,
                archived: false,
                source: None,
            }),
        }
    }

    /// One person's standing on `as_of`. A renewal counts completions from its window's
    /// opening; anything else counts whenever it was completed, before or after it was given.
    pub fn standing(&self, curricula: &[Curriculum], given: &Given, as_of: Date) -> Standing {
        if let Some(x) = given.exemption {
            return Standing::Exempt { reason: x.reason.clone(), by: x.by.clone(), on: x.on };
        }
        let due = self.due_for(given.hire_date, given.given_on, given.expires);
        let Some(curriculum) = self.curriculum(curricula) else {
            return Standing::NotStarted { due };
        };
        let since = self.renewal.as_ref().map(|r| r.opens);
        let p = curriculum.progress(given.completions, since, Some(given.given_on), as_of);
        if let Some(on) = p.complete_on {
            return Standing::Complete { on };
        }
        match due {
            Some(day) if as_of > day => Standing::Overdue { due: day, done: p.done, of: p.of, hours: p.hours_done },
            _ if p.done == 0 && p.hours_done == Hours::ZERO => Standing::NotStarted { due },
            _ => Standing::InProgress { done: p.done, of: p.of, hours: p.hours_done, due },
        }
    }
}

/// An assignment of `training_id` this person already has open (not removed, not complete,
/// not exempt) on `as_of`: a trainer assigning the same training again is shown this one
/// instead of making a second.
pub fn open_assignment_of<'a>(existing: &'a [Assignment], training_id: &str, completions: &[Completion], hire_date: Option<Date>, as_of: Date) -> Option<&'a Assignment> {
    existing.iter().filter(|a| !a.removed && matches!(&a.work, Work::Training { training_id: t } if t == training_id)).find(|a| {
        let given = Given { completions, hire_date, given_on: a.given_on, expires: None, exemption: None };
        !matches!(a.standing(&[], &given, as_of), Standing::Complete { .. } | Standing::Exempt { .. })
    })
}

/// A trainer assigns one training to a person by hand. An open assignment of it is returned
/// instead (`Err`: show that one, make no second). When the training renews a credential of
/// theirs whose renewal is due now, the new assignment *is* that renewal (its fixed id and the
/// day completions count from), so the automatic one is never added beside it.
#[allow(clippy::too_many_arguments)]
pub fn assign_by_hand<'a>(
    person_id: &str,
    training_id: &str,
    due: Due,
    given_by: &str,
    fresh_id: String,
    evaluations: &[Evaluation],
    requirements: &[Requirement],
    existing: &'a [Assignment],
    completions: &[Completion],
    as_of: Date,
) -> Result<Assignment, &'a Assignment> {
    if let Some(open) = open_assignment_of(existing, training_id, completions, None, as_of) {
        return Err(open);
    }
    let renewal = renewals_to_assign(person_id, evaluations, requirements, existing, completions, as_of)
        .into_iter()
        .find(|a| matches!(&a.work, Work::Training { training_id: t } if t == training_id));
    Ok(match renewal {
        Some(r) => Assignment { due, given_by: given_by.to_owned(), ..r },
        None => Assignment {
            id: fresh_id,
            target: Target::Person { person_id: person_id.to_owned() },
            work: Work::Training { training_id: training_id.to_owned() },
            due,
            given_on: as_of,
            given_by: given_by.to_owned(),
            renewal: None,
            removed: false,
        },
    })
}

/// The training that renews a credential for one person on `as_of`, by the rule in force
/// then: the one the rule names (CalMHSA's renewal, not the exam again), or else the training
/// of the person's newest completion that granted it (adult MHFA is renewed by adult MHFA,
/// youth by youth), or, with none yet, the first training that grants it.
pub fn renewal_training<'a>(requirement: &'a Requirement, completions: &'a [Completion], as_of: Date) -> Option<&'a str> {
    let Rule::Credential(rule) = requirement.rule_on(as_of) else { return None };
    if let Some(named) = &rule.renewed_by {
        return Some(named);
    }
    let held = completions
        .iter()
        .filter(|c| c.completes() && c.completed_on <= as_of && rule.granted_by.contains(&c.training_id))
        .max_by(|a, b| a.completed_on.cmp(&b.completed_on).then_with(|| a.id.cmp(&b.id)));
    held.map(|c| c.training_id.as_str()).or_else(|| rule.granted_by.first().map(String::as_str))
}

/// The fixed id of the automatic renewal of one credential period for one person.
pub fn renewal_id(person_id: &str, requirement_id: &str, period_until: Date) -> String {
    format!("renewal:{person_id}:{requirement_id}:{}", period_until.to_iso())
}

/// The renewal assignments to add for one person now: one for each credential in its renewal
/// window on `as_of` (from the day the window opens; a credential renewed at any time, such as
/// CPR, from the day it is due soon) whose period has no assignment yet and that has no open
/// assignment of the renewing training. `existing` are the assignments given to this person
/// (their own and their cohorts'); `completions` are theirs.
pub fn renewals_to_assign(person_id: &str, evaluations: &[Evaluation], requirements: &[Requirement], existing: &[Assignment], completions: &[Completion], as_of: Date) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = Vec::new();
    for e in evaluations {
        let Some(NextAction::Renew { opens, by }) = e.next else { continue };
        let window = opens < by;
        let open_now = if window { opens <= as_of } else { e.status == Status::DueSoon };
        if !open_now {
            continue;
        }
        let Some(requirement) = requirements.iter().find(|r| r.id == e.requirement_id) else { continue };
        let Some(training) = renewal_training(requirement, completions, as_of) else { continue };
        // Completions count toward it from the window's opening; with no window (renewed at
        // any time), from the day after the last completion that granted the period, so a
        // renewal recorded late, dated before the assignment was made, still closes it.
        let counts_from = if window {
            opens
        } else {
            let granted_by: &[String] = match requirement.rule_on(as_of) {
                Rule::Credential(rule) => &rule.granted_by,
                _ => &[],
            };
            let last = completions.iter().filter(|c| c.completes() && c.completed_on <= as_of && granted_by.contains(&c.training_id)).map(|c| c.completed_on).max();
            last.map_or(as_of, |d| d.add_days(1))
        };
        let id = renewal_id(person_id, &requirement.id, by);
        let this_period = existing.iter().chain(&out).filter(|a| !a.removed).any(|a| a.id == id || a.renewal.as_ref().is_some_and(|r| r.requirement_id == requirement.id && r.period_until == by));
        // One added just now is open by construction.
        let open = open_assignment_of(existing, training, completions, None, as_of).is_some() || out.iter().any(|a| a.work == Work::Training { training_id: training.to_owned() });
        if this_period || open {
            continue;
        }
        out.push(Assignment {
            id,
            target: Target::Person { person_id: person_id.to_owned() },
            work: Work::Training { training_id: training.to_owned() },
            due: Due::On { date: by },
            given_on: as_of,
            given_by: "automatic".into(),
            renewal: Some(Renewal { requirement_id: requirement.id.clone(), period_until: by, opens: counts_from }),
            removed: false,
        });
    }
    out
}

#[cfg(test)]
#[path = "assignment_tests.rs"]
mod tests;
