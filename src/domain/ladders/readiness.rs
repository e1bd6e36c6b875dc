//! Readiness: is a person ready for the next step of their ladder, what exactly is missing,
//! and the earliest date they could be ready.
//!
//! Every condition is judged on a date from the records dated on or before it, like the
//! rules engine, so any "as of" date can be asked about. The earliest ready date is the
//! first date, from the "as of" date on, on which the whole rule holds with no new records
//! but the person's planned trainings: time-based conditions are met then, and credentials
//! must still be current then. It is searched among the dates on which a condition can
//! change (a time threshold, a planned training, a record dated later, a status change), so
//! it never moves earlier as time passes without new records (property-tested).

use super::ladder::{Ladder, Rule, Step};
use super::person::{in_step_since, service_start, whole_months, Attestation, Placement, PlannedTraining};
use crate::domain::competency::{in_framework, Framework};
use crate::domain::completion::Completion;
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::status::{evaluate, Context, Facts, Status};
use crate::domain::training::CeCategory;

/// What readiness reads about one person.
#[derive(Clone, Copy)]
pub struct LadderFacts<'a> {
    pub facts: Facts<'a>,
    pub placements: &'a [Placement],
    pub attestations: &'a [Attestation],
    pub plans: &'a [PlannedTraining],
}

/// What is missing, as data (`i18n::missing` words it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A requirement of the rules engine is not met (its status as of the date).
    Requirement { requirement_id: String, status: Status },
    /// Not completed, or completed too long ago (`last` is the latest completion).
    Training { training_id: String, last: Option<Date> },
    Competencies { ids: Vec<String> },
    CeHours { more: Hours, categories: Vec<CeCategory> },
    /// `more` months still to go in the step, met on `on` (no date: not placed on a ladder).
    MonthsInStep { more: u32, on: Option<Date> },
    MonthsOfService { more: u32, on: Option<Date> },
    HoursWorked { more: Hours },
    Attestation { kind: String },
    /// At least `more` of these.
    Choose { more: u32, of: Vec<Missing> },
}

impl Missing {
    /// A stable key for grouping people by what blocks them.
    pub fn key(&self) -> String {
        match self {
            Missing::Requirement { requirement_id, .. } => format!("requirement:{requirement_id}"),
            Missing::Training { training_id, .. } => format!("training:{training_id}"),
            Missing::Competencies { .. } => "competencies".into(),
            Missing::CeHours { .. } => "ce_hours".into(),
            Missing::MonthsInStep { .. } => "months_in_step".into(),
            Missing::MonthsOfService { .. } => "months_of_service".into(),
            Missing::HoursWorked { .. } => "hours_worked".into(),
            Missing::Attestation { kind } => format!("attestation:{kind}"),
            Missing::Choose { of, .. } => format!("choose:{}", of.iter().map(Missing::key).collect::<Vec<_>>().join("|")),
        }
    }

    /// Met by waiting alone (time in step or of service)?
    pub fn is_time(&self) -> bool {
        matches!(self, Missing::MonthsInStep { on: Some(_), .. } | Missing::MonthsOfService { on: Some(_), .. })
    }
}

/// One condition or group of a step's rule, judged: the tree the "my path" view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check<'r> {
    pub rule: &'r Rule,
    pub met: bool,
    pub missing: Option<Missing>,
    pub children: Vec<Check<'r>>,
}

/// A person and one step that may come next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness<'r> {
    pub step: &'r Step,
    pub ready: bool,
    pub check: Check<'r>,
    /// Everything missing as of the date, in the rule's order (groups not met as `Choose`).
    pub missing: Vec<Missing>,
    /// The first date from the "as of" date on when all could be met; `None`: not without
    /// new records (a training to take, an attestation, a credential to renew).
    pub earliest: Option<Date>,
    /// The earliest date counts on planned trainings.
    pub needs_plans: bool,
}

/// How far ahead the earliest ready date is searched.
const HORIZON_YEARS: i32 = 15;

/// Completions plus planned trainings dated on or before `on`, as if completed (their
/// training's typical hours and CE category).
fn with_plans(facts: &LadderFacts, ctx: Context, on: Date) -> Vec<Completion> {
    let mut all = facts.facts.completions.to_vec();
    for plan in facts.plans.iter().filter(|p| !p.removed && p.on <= on) {
        let training = ctx.trainings.iter().find(|t| t.id == plan.training_id);
        all.push(Completion { verification: None, partial: false,
            id: format!("plan:{}", plan.id),
            person_id: plan.person_id.clone(),
            training_id: plan.training_id.clone(),
            completed_on: plan.on,
            hours: training.map_or(Hours::ZERO, |t| t.typical_hours),
            provider: String::new(),
            certificate_number: String::new(),
            ce_category: training.and_then(|t| t.default_ce_category),
            notes: String::new(),
            removed: false,
        });
    }
    all
}

fn completed(c: &Completion, on: Date) -> bool {
    c.completes() && c.completed_on <= on
}

/// Competencies covered on `on` by completed trainings.
fn covered(completions: &[Completion], ctx: Context, on: Date) -> Vec<String> {
    let mut ids: Vec<String> = completions
        .iter()
        .filter(|c| completed(c, on))
        .filter_map(|c| ctx.trainings.iter().find(|t| t.id == c.training_id))
        .flat_map(|t| t.competencies.iter().cloned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn needed(framework: Framework, ids: &[String]) -> Vec<String> {
    if ids.is_empty() { in_framework(framework).map(|c| c.id.to_owned()).collect() } else { ids.to_vec() }
}

/// Is one condition met on `on`? `Some(missing)` when not.
fn leaf(rule: &Rule, f: &LadderFacts, completions: &[Completion], ctx: Context, on: Date) -> Option<Missing> {
    let facts = Facts { completions, ..f.facts };
    match rule {
        Rule::All(_) | Rule::AnyOf { .. } => unreachable!("groups are judged by `judge`"),
        Rule::Requirement { requirement_id } => {
            let status = ctx.requirements.iter().find(|r| &r.id == requirement_id).map_or(Status::Missing, |r| evaluate(r, facts, ctx, on).status);
            (!status.is_compliant()).then(|| Missing::Requirement { requirement_id: requirement_id.clone(), status })
        }
        Rule::Training { training_id, within_months } => {
            let last = completions.iter().filter(|c| completed(c, on) && &c.training_id == training_id).map(|c| c.completed_on).max();
            let ok = last.is_some_and(|d| within_months.is_none_or(|m| d.add_months(m as i32) >= on));
            (!ok).then(|| Missing::Training { training_id: training_id.clone(), last })
        }
        Rule::Competencies { framework, ids } => {
            let have = covered(completions, ctx, on);
            let lacking: Vec<String> = needed(framework.framework(), ids).into_iter().filter(|id| !have.contains(id)).collect();
            (!lacking.is_empty()).then_some(Missing::Competencies { ids: lacking })
        }
        Rule::CeHours { hours, categories, within_months } => {
            let from = on.add_months(-(*within_months as i32));
            let done: Hours = completions
                .iter()
                // Hours attended count, a part of a course included (`counts`, not `completes`).
                .filter(|c| c.counts() && c.completed_on <= on && c.completed_on > from)
                .filter(|c| match c.ce_category {
                    Some(k) => categories.is_empty() || categories.contains(&k),
                    None => false,
                })
                .map(|c| c.hours)
                .sum();
            (done < *hours).then(|| Missing::CeHours { more: hours.saturating_sub(done), categories: categories.clone() })
        }
        Rule::MonthsInStep { months } => match in_step_since(f.placements, on) {
            None => Some(Missing::MonthsInStep { more: *months, on: None }),
            Some(since) => {
                let have = whole_months(since, on);
                (have < *months).then(|| Missing::MonthsInStep { more: months - have, on: Some(since.add_months(*months as i32)) })
            }
        },
        Rule::MonthsOfService { months } => {
            match service_start(f.facts.person.hire_date, f.placements).filter(|start| *start <= on) {
                None => Some(Missing::MonthsOfService { more: *months, on: None }),
                Some(start) => {
                    let have = whole_months(start, on);
                    (have < *months).then(|| Missing::MonthsOfService { more: months - have, on: Some(start.add_months(*months as i32)) })
                }
            }
        }
        Rule::HoursWorked { hours, within_months } => {
            let from = within_months.map(|m| on.add_months(-(m as i32)));
            let done: Hours = f.facts.work_hours.iter().filter(|w| !w.removed && w.to <= on && from.is_none_or(|d| w.to > d)).map(|w| w.hours).sum();
            (done < *hours).then(|| Missing::HoursWorked { more: hours.saturating_sub(done) })
        }
        Rule::Attestation { kind } => {
            let ok = f.attestations.iter().any(|a| a.counts() && a.on <= on && a.kind.eq_ignore_ascii_case(kind));
            (!ok).then(|| Missing::Attestation { kind: kind.clone() })
        }
    }
}

/// Judges a rule tree on `on`.
fn judge<'r>(rule: &'r Rule, f: &LadderFacts, completions: &[Completion], ctx: Context, on: Date) -> Check<'r> {
    match rule {
        Rule::All(items) | Rule::AnyOf { of: items, .. } => {
            let children: Vec<Check> = items.iter().map(|r| judge(r, f, completions, ctx, on)).collect();
            let met_count = children.iter().filter(|c| c.met).count() as u32;
            let need = match rule {
                Rule::AnyOf { n, .. } => *n,
                _ => items.len() as u32,
            };
            let met = met_count >= need;
            let missing = (!met && matches!(rule, Rule::AnyOf { .. })).then(|| Missing::Choose {
                more: need - met_count,
                of: children.iter().filter(|c| !c.met).flat_map(flatten).collect(),
            });
            Check { rule, met, missing, children }
        }
        leaf_rule => {
            let missing = leaf(leaf_rule, f, completions, ctx, on);
            Check { rule, met: missing.is_none(), missing, children: Vec::new() }
        }
    }
}

/// What a check says is missing, with `All` groups opened up.
fn flatten(check: &Check) -> Vec<Missing> {
    if check.met {
        return Vec::new();
    }
    match (&check.missing, check.rule) {
        (Some(m), _) => vec![m.clone()],
        (None, _) => check.children.iter().flat_map(flatten).collect(),
    }
}

fn met_on(rule: &Rule, f: &LadderFacts, ctx: Context, on: Date, plans: bool) -> bool {
    if plans && f.plans.iter().any(|p| !p.removed && p.on <= on) {
        judge(rule, f, &with_plans(f, ctx, on), ctx, on).met
    } else {
        judge(rule, f, f.facts.completions, ctx, on).met
    }
}

/// The dates after `as_of` on which some condition of `rule` could change by itself or by a
/// record or plan already known: time thresholds, dated records, plans, status changes.
fn candidates(rule: &Rule, f: &LadderFacts, ctx: Context, as_of: Date) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::new();
    out.extend(f.facts.completions.iter().filter(|c| c.counts()).map(|c| c.completed_on));
    out.extend(f.facts.work_hours.iter().filter(|w| !w.removed).map(|w| w.to));
    out.extend(f.facts.waivers.iter().filter(|w| !w.removed).map(|w| w.from));
    out.extend(f.attestations.iter().filter(|a| a.counts()).map(|a| a.on));
    out.extend(f.placements.iter().filter(|p| p.counts()).map(|p| p.effective));
    out.extend(f.plans.iter().filter(|p| !p.removed).map(|p| p.on));
    if let Some(h) = f.facts.person.hire_date {
        out.push(h);
    }
    // Time thresholds, counted from every date a step or the service could have started.
    let starts: Vec<Date> = f.placements.iter().filter(|p| p.counts()).map(|p| p.effective).chain(f.facts.person.hire_date).collect();
    for cond in rule.conditions() {
        match cond {
            Rule::MonthsInStep { months } | Rule::MonthsOfService { months } => {
                out.extend(starts.iter().map(|s| s.add_months(*months as i32)));
            }
            Rule::Requirement { requirement_id } => {
                if let Some(r) = ctx.requirements.iter().find(|r| &r.id == requirement_id) {
                    out.extend(evaluate(r, f.facts, ctx, as_of).changes_on);
                }
            }
            _ => {}
        }
    }
    let limit = as_of.add_years(HORIZON_YEARS);
    out.retain(|d| *d > as_of && *d <= limit);
    out.sort();
    out.dedup();
    out
}

/// Readiness for one step on `as_of`.
pub fn readiness<'r>(step: &'r Step, f: &LadderFacts, ctx: Context, as_of: Date) -> Readiness<'r> {
    let check = judge(&step.requires, f, f.facts.completions, ctx, as_of);
    let ready = check.met;
    let missing = flatten(&check);
    let (earliest, needs_plans) = if ready {
        (Some(as_of), false)
    } else {
        let found = candidates(&step.requires, f, ctx, as_of).into_iter().find(|d| met_on(&step.requires, f, ctx, *d, true));
        let needs_plans = found.is_some_and(|d| !met_on(&step.requires, f, ctx, d, false));
        (found, needs_plans)
    };
    Readiness { step, ready, check, missing, earliest, needs_plans }
}

/// Readiness for each step that may follow the person's current one on `ladder`.
pub fn next_steps<'r>(ladder: &'r Ladder, current_step: &str, f: &LadderFacts, ctx: Context, as_of: Date) -> Vec<Readiness<'r>> {
    ladder.next_steps(current_step).into_iter().map(|s| readiness(s, f, ctx, as_of)).collect()
}
