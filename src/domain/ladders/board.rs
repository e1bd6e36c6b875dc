//! Ladders over many people: who is ready now, within 90 days, or blocked (and by what);
//! what a promotion plan costs; and where each person sits in their pay grade.

use super::ladder::{Ladder, Step};
use super::money::{Bp, Cents};
use super::pay::{below, below_minimum, FloorKind, PayGrade, PayPolicy, WageFloor};
use super::person::{current, service_start, whole_months, Pay, Placement};
use super::readiness::{next_steps, LadderFacts, Missing, Readiness};
use crate::domain::compliance::{Filter, Records};
use crate::domain::date::{Date, DateExt};
use crate::domain::person::Person;
use crate::domain::status::{evaluate, Context};
use serde::{Deserialize, Serialize};

/// The organization's ladders, grades, floors and pay policy.
#[derive(Clone, Copy)]
pub struct LadderSet<'a> {
    pub ladders: &'a [Ladder],
    pub grades: &'a [PayGrade],
    pub floors: &'a [WageFloor],
    pub policy: &'a PayPolicy,
}

impl<'a> LadderSet<'a> {
    pub fn ladder(&self, id: &str) -> Option<&'a Ladder> {
        self.ladders.iter().find(|l| l.id == id)
    }

    pub fn grade(&self, id: &str) -> Option<&'a PayGrade> {
        self.grades.iter().find(|g| g.id == id)
    }

    /// Pay on `on` for someone at `base` (longevity after `years`; differentials that hold).
    pub fn pay(&self, f: &LadderFacts, ctx: Context, base: Cents, on: Date) -> Pay {
        let years = service_start(f.facts.person.hire_date, f.placements).map_or(0, |s| whole_months(s, on) / 12);
        Pay::of(base, self.policy, years, |i| match &self.policy.differentials[i].when {
            super::pay::DifferentialWhen::Requirement { requirement_id } => ctx
                .requirements
                .iter()
                .find(|r| &r.id == requirement_id)
                .is_some_and(|r| evaluate(r, f.facts, ctx, on).status.is_compliant()),
            super::pay::DifferentialWhen::Attestation { kind } => f.attestations.iter().any(|a| a.counts() && a.on <= on && a.kind.eq_ignore_ascii_case(kind)),
        })
    }
}

/// The ladder facts of one person from everyone's records.
pub fn ladder_facts<'a>(records: &'a Records, person: &'a Person) -> LadderFacts<'a> {
    let facts = records.facts(person);
    match records.file(&person.id) {
        Some(f) => LadderFacts { facts, placements: &f.placements, attestations: &f.attestations, plans: &f.plans },
        None => LadderFacts { facts, placements: &[], attestations: &[], plans: &[] },
    }
}

/// How soon a person could take a next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    ReadyNow,
    Within90,
    Blocked,
}

impl Bucket {
    pub const ALL: [Bucket; 3] = [Bucket::ReadyNow, Bucket::Within90, Bucket::Blocked];

    pub fn of(r: &Readiness, as_of: Date) -> Bucket {
        match r.earliest {
            _ if r.ready => Bucket::ReadyNow,
            Some(d) if as_of.days_until(d) <= 90 => Bucket::Within90,
            _ => Bucket::Blocked,
        }
    }
}

/// One person and one step that may come next.
pub struct BoardRow<'a> {
    pub person: &'a Person,
    pub ladder: &'a Ladder,
    pub placement: &'a Placement,
    pub current: &'a Step,
    pub readiness: Readiness<'a>,
}

impl BoardRow<'_> {
    pub fn bucket(&self, as_of: Date) -> Bucket {
        Bucket::of(&self.readiness, as_of)
    }

    /// What blocks: the first thing missing that waiting alone does not bring.
    pub fn blocker(&self) -> Option<&Missing> {
        self.readiness.missing.iter().find(|m| !m.is_time()).or(self.readiness.missing.first())
    }
}

/// Readiness of everyone placed on a ladder (the filter's program and worker type; `ladder`
/// narrows to one ladder), people in name order, each next step in the ladder's order.
pub fn board<'a>(records: &'a Records, set: LadderSet<'a>, ctx: Context<'a>, as_of: Date, filter: &Filter, ladder: Option<&str>) -> Vec<BoardRow<'a>> {
    let mut people: Vec<&Person> = records
        .people
        .iter()
        .filter(|p| !p.archived && filter.program.as_ref().is_none_or(|x| &p.program == x) && filter.worker_type.is_none_or(|w| p.worker_type == w))
        .collect();
    people.sort_by_cached_key(|p| (crate::domain::text::fold(&p.name), p.id.clone()));
    let mut out = Vec::new();
    for person in people {
        let f = ladder_facts(records, person);
        let Some(placement) = current(f.placements, as_of) else { continue };
        if ladder.is_some_and(|l| l != placement.ladder_id) {
            continue;
        }
        let Some(l) = set.ladder(&placement.ladder_id) else { continue };
        let Some(step) = l.step(&placement.step_id) else { continue };
        for readiness in next_steps(l, &step.id, &f, ctx, as_of) {
            out.push(BoardRow { person, ladder: l, placement, current: step, readiness });
        }
    }
    out
}

/// A saved promotion plan (a pro forma): who moves to which step, from when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionPlan {
    pub id: String,
    pub name: String,
    #[serde(with = "crate::domain::date::iso")]
    pub effective: Date,
    /// Benefits and taxes on top of wages (from the pay policy, editable per plan).
    pub fringe: Bp,
    pub items: Vec<PlanItem>,
    /// Applied on this date: its placements were recorded (removing them undoes it).
    #[serde(default, with = "crate::domain::date::iso_opt", skip_serializing_if = "Option::is_none")]
    pub applied_on: Option<Date>,
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub removed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub person_id: String,
    pub ladder_id: String,
    pub to_step: String,
}

/// One row of a plan, priced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanLine<'a> {
    pub person: &'a Person,
    pub ladder: &'a Ladder,
    pub from: &'a Step,
    pub to: &'a Step,
    pub current: Cents,
    /// The grade and step it lands on (the same rate when the target step has no grade).
    pub grade_id: String,
    pub pay_step: u32,
    pub new: Cents,
    /// (new − current) × paid hours a year.
    pub annual_change: Cents,
    /// The same with fringe on top.
    pub annual_cost: Cents,
    /// Below a legal minimum in force on the plan's date.
    pub below_minimum: bool,
    /// Below the living-wage reference.
    pub below_living: bool,
}

/// Prices every item of a plan (items whose person, ladder or step no longer exists are left out).
pub fn price<'a>(plan: &PromotionPlan, records: &'a Records, set: LadderSet<'a>) -> Vec<PlanLine<'a>> {
    let mut out = Vec::new();
    for item in &plan.items {
        let Some(person) = records.people.iter().find(|p| p.id == item.person_id) else { continue };
        let Some(ladder) = set.ladder(&item.ladder_id) else { continue };
        let Some(to) = ladder.step(&item.to_step) else { continue };
        let f = ladder_facts(records, person);
        let Some(now) = current(f.placements, plan.effective) else { continue };
        let Some(from) = set.ladder(&now.ladder_id).and_then(|l| l.step(&now.step_id)) else { continue };
        let (grade_id, pay_step, new) = match set.grade(&to.grade_id) {
            Some(g) => {
                let step = set.policy.promotion_step(g, now.hourly);
                (g.id.clone(), step, g.rate(step).unwrap_or(now.hourly))
            }
            None => (now.grade_id.clone(), now.pay_step, now.hourly),
        };
        let annual_change = (new - now.hourly).times(set.policy.hours_per_year);
        let annual_cost = annual_change.raised(plan.fringe);
        let floors = below(set.floors, new, plan.effective);
        out.push(PlanLine {
            person,
            ladder,
            from,
            to,
            current: now.hourly,
            grade_id,
            pay_step,
            new,
            annual_change,
            annual_cost,
            below_minimum: floors.iter().any(|(f, _)| f.kind == FloorKind::Minimum),
            below_living: floors.iter().any(|(f, _)| f.kind == FloorKind::LivingWage),
        });
    }
    out
}

/// The placements applying a plan records (one promotion per priced line).
pub fn placements_for(plan: &PromotionPlan, lines: &[PlanLine], new_id: &mut dyn FnMut() -> String) -> Vec<Placement> {
    lines
        .iter()
        .map(|l| Placement { unconfirmed: None,
            id: new_id(),
            person_id: l.person.id.clone(),
            ladder_id: l.ladder.id.clone(),
            step_id: l.to.id.clone(),
            grade_id: l.grade_id.clone(),
            pay_step: l.pay_step,
            hourly: l.new,
            effective: plan.effective,
            reason: super::person::PlacementReason::Promotion,
            note: plan.name.clone(),
            plan_id: plan.id.clone(),
            removed: false,
        })
        .collect()
}

/// Where one person sits in their grade.
pub struct EquityRow<'a> {
    pub person: &'a Person,
    pub placement: &'a Placement,
    pub compa_ratio: Option<i64>,
    pub position: Option<i64>,
    pub below_minimum: bool,
    pub below_living: bool,
}

/// Everyone placed, by grade (grades in the given order), lowest rate first within a grade.
pub fn equity<'a>(records: &'a Records, set: LadderSet<'a>, as_of: Date) -> Vec<(&'a PayGrade, Vec<EquityRow<'a>>)> {
    let mut by_grade: Vec<(&PayGrade, Vec<EquityRow>)> = set.grades.iter().map(|g| (g, Vec::new())).collect();
    for person in records.people.iter().filter(|p| !p.archived) {
        let f = ladder_facts(records, person);
        let Some(placement) = current(f.placements, as_of) else { continue };
        let Some(slot) = by_grade.iter_mut().find(|(g, _)| g.id == placement.grade_id) else { continue };
        let floors = below(set.floors, placement.hourly, as_of);
        slot.1.push(EquityRow {
            person,
            placement,
            compa_ratio: slot.0.compa_ratio(placement.hourly),
            position: slot.0.position_in_range(placement.hourly),
            below_minimum: floors.iter().any(|(f, _)| f.kind == FloorKind::Minimum),
            below_living: floors.iter().any(|(f, _)| f.kind == FloorKind::LivingWage),
        });
    }
    for (_, rows) in &mut by_grade {
        rows.sort_by_key(|r| (r.placement.hourly, crate::domain::text::fold(&r.person.name)));
    }
    by_grade
}

/// One row of the pay plan: a grade step, its hourly and annual amounts, and whether it is
/// below a legal minimum in force on `on`.
pub fn pay_plan<'a>(grades: &'a [PayGrade], floors: &[WageFloor], policy: &PayPolicy, on: Date) -> Vec<(&'a PayGrade, u32, Cents, Cents, bool)> {
    grades
        .iter()
        .flat_map(|g| g.rates().into_iter().enumerate().map(move |(i, r)| (g, i as u32 + 1, r)))
        .map(|(g, step, rate)| (g, step, rate, rate.times(policy.hours_per_year), below_minimum(floors, rate, on)))
        .collect()
}
