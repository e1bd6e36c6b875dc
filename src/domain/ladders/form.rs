//! Drafts and validation for the ladder and pay forms. Same contract as `domain::form`:
//! strings in (what the inputs hold), a record or every problem (tied to its field) out.

use super::board::PromotionPlan;
use super::ladder::{FrameworkCode, Ladder, Rule, Step};
use super::money::{Bp, Cents};
use super::pay::{Amount, Differential, DifferentialWhen, FloorKind, FloorRate, Longevity, PayGrade, PayPolicy, Scale, WageFloor, MAX_STEPS};
use super::person::{Attestation, Placement, PlacementReason, PlannedTraining, LANGUAGE_PREFIX};
use crate::domain::date::{Date, DateExt};
use crate::domain::form::{Errors, Field, Problem, LONG, SHORT};
use crate::domain::hours::Hours;
use crate::domain::person::WorkerType;
use crate::domain::text::Bilingual;
use crate::domain::training::{CeCategory, Source};

impl Errors {
    fn money(&mut self, field: Field, value: &str) -> Cents {
        match value.trim() {
            "" => {
                self.add(field, Problem::Required);
                Cents::ZERO
            }
            text => Cents::parse(text).unwrap_or_else(|| {
                self.add(field, Problem::InvalidMoney);
                Cents::ZERO
            }),
        }
    }

    fn percent(&mut self, field: Field, value: &str) -> Bp {
        match value.trim() {
            "" => {
                self.add(field, Problem::Required);
                Bp(0)
            }
            text => Bp::parse(text).unwrap_or_else(|| {
                self.add(field, Problem::InvalidPercent);
                Bp(0)
            }),
        }
    }

    fn source(&mut self, title_field: Field, url_field: Field, title: &str, url: &str, verify: bool, base: Option<&Source>) -> Source {
        let title = self.text(title_field, title, false, LONG);
        let url = self.text(url_field, url, false, 2_000);
        if !url.is_empty() && !(url.starts_with("https://") || url.starts_with("http://")) {
            self.add(url_field, Problem::InvalidUrl);
        }
        Source::edited(title, url, verify, base)
    }
}

/// Decimal text for a money amount in a form (`17.92` / `17,92`).
pub fn money_text(c: Cents, decimal: char) -> String {
    c.to_string().replace('.', &decimal.to_string())
}

// ---------------------------------------------------------------- pay grade

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GradeDraft {
    pub name_en: String,
    pub name_es: String,
    /// Percent steps (`true`) or rates as published.
    pub percent: bool,
    pub base: String,
    pub step_percent: String,
    pub steps: String,
    /// One rate per line (or separated by spaces or semicolons), lowest first.
    pub rates: String,
    pub source_title: String,
    pub source_url: String,
}

impl GradeDraft {
    pub fn new() -> GradeDraft {
        GradeDraft { percent: true, step_percent: "5".into(), steps: "5".into(), ..GradeDraft::default() }
    }

    pub fn from_grade(g: &PayGrade, decimal: char) -> GradeDraft {
        let mut d = GradeDraft { name_en: g.name.en.clone(), name_es: g.name.es.clone(), source_title: g.source.title.clone(), source_url: g.source.url.clone(), ..GradeDraft::new() };
        match &g.scale {
            Scale::Percent { base, step, steps } => {
                d.base = money_text(*base, decimal);
                d.step_percent = step.format_with(decimal);
                d.steps = steps.to_string();
            }
            Scale::Explicit { rates } => {
                d.percent = false;
                d.rates = rates.iter().map(|r| money_text(*r, decimal)).collect::<Vec<_>>().join("\n");
            }
        }
        d
    }

    pub fn to_grade(&self, id: &str, base: Option<&PayGrade>) -> Result<PayGrade, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, true, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, true, SHORT);
        let scale = if self.percent {
            let base_rate = e.money(Field::Rate, &self.base);
            let step = e.percent(Field::StepPercent, &self.step_percent);
            let steps = e.number(Field::Steps, &self.steps, 1, MAX_STEPS);
            Scale::Percent { base: base_rate, step, steps }
        } else {
            let parts: Vec<&str> = self.rates.split(|c: char| c == '\n' || c == ';' || c.is_whitespace()).filter(|s| !s.trim().is_empty()).collect();
            let rates: Vec<Cents> = parts.iter().filter_map(|p| Cents::parse(p)).collect();
            if parts.is_empty() {
                e.add(Field::Rates, Problem::Required);
            } else if rates.len() != parts.len() {
                e.add(Field::Rates, Problem::InvalidMoney);
            } else if rates.len() > MAX_STEPS as usize {
                e.add(Field::Rates, Problem::NumberOutOfRange { min: 1, max: MAX_STEPS });
            } else if rates.windows(2).any(|w| w[1] < w[0]) {
                e.add(Field::Rates, Problem::RatesOutOfOrder);
            }
            Scale::Explicit { rates }
        };
        let verify = base.is_some_and(|b| b.source.title == self.source_title.trim() && b.source.url == self.source_url.trim() && b.source.verify);
        let source = e.source(Field::SourceTitle, Field::SourceUrl, &self.source_title, &self.source_url, verify, base.map(|b| &b.source));
        e.result(PayGrade { id: id.to_owned(), name: Bilingual { en: name_en, es: name_es }, scale, source, example: false })
    }
}

// ---------------------------------------------------------------- pay policy

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DifferentialDraft {
    pub name_en: String,
    pub name_es: String,
    /// `requirement` or `attestation`.
    pub when: String,
    /// A requirement id, or an attestation kind.
    pub target: String,
    /// `percent` or `per_hour`.
    pub amount_kind: String,
    pub amount: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolicyDraft {
    pub hours_per_year: String,
    pub weekly_hours: String,
    pub first_step_after_hours: String,
    pub later_steps_every_hours: String,
    /// (after years, add %) rows; an empty row is ignored.
    pub longevity: Vec<(String, String)>,
    pub differentials: Vec<DifferentialDraft>,
    pub promotion_raise: String,
    pub fringe: String,
}

impl PolicyDraft {
    pub fn from_policy(p: &PayPolicy, decimal: char) -> PolicyDraft {
        PolicyDraft {
            hours_per_year: p.hours_per_year.to_string(),
            weekly_hours: p.weekly_hours.to_string(),
            first_step_after_hours: p.first_step_after_hours.to_string(),
            later_steps_every_hours: p.later_steps_every_hours.to_string(),
            longevity: p.longevity.iter().map(|l| (l.after_years.to_string(), l.add.format_with(decimal))).collect(),
            differentials: p
                .differentials
                .iter()
                .map(|d| DifferentialDraft {
                    name_en: d.name.en.clone(),
                    name_es: d.name.es.clone(),
                    when: match d.when {
                        DifferentialWhen::Requirement { .. } => "requirement".into(),
                        DifferentialWhen::Attestation { .. } => "attestation".into(),
                    },
                    target: match &d.when {
                        DifferentialWhen::Requirement { requirement_id } => requirement_id.clone(),
                        DifferentialWhen::Attestation { kind } => kind.clone(),
                    },
                    amount_kind: match d.amount {
                        Amount::Percent(_) => "percent".into(),
                        Amount::PerHour(_) => "per_hour".into(),
                    },
                    amount: match d.amount {
                        Amount::Percent(bp) => bp.format_with(decimal),
                        Amount::PerHour(c) => money_text(c, decimal),
                    },
                })
                .collect(),
            promotion_raise: p.promotion_raise.format_with(decimal),
            fringe: p.fringe.format_with(decimal),
        }
    }

    pub fn to_policy(&self, base: &PayPolicy) -> Result<PayPolicy, Errors> {
        let mut e = Errors::default();
        let hours_per_year = e.number(Field::HoursPerYear, &self.hours_per_year, 1, 8_784);
        let weekly_hours = e.number(Field::WeeklyHours, &self.weekly_hours, 1, 168);
        let first = e.number(Field::FirstStepHours, &self.first_step_after_hours, 1, 20_000);
        let later = e.number(Field::LaterStepHours, &self.later_steps_every_hours, 1, 20_000);
        let mut longevity = Vec::new();
        for (i, (years, add)) in self.longevity.iter().enumerate() {
            if years.trim().is_empty() && add.trim().is_empty() {
                continue;
            }
            let i = i as u8;
            let after_years = e.number(Field::LongevityYears(i), years, 1, 60);
            let add = e.percent(Field::LongevityPercent(i), add);
            longevity.push(Longevity { after_years, add });
        }
        longevity.sort_by_key(|l| l.after_years);
        let mut differentials = Vec::new();
        for (i, d) in self.differentials.iter().enumerate() {
            let i = i as u8;
            if d.name_en.trim().is_empty() && d.target.trim().is_empty() && d.amount.trim().is_empty() {
                continue;
            }
            let name_en = e.text(Field::DifferentialName(i), &d.name_en, true, SHORT);
            let name_es = if d.name_es.trim().is_empty() { name_en.clone() } else { e.text(Field::DifferentialName(i), &d.name_es, false, SHORT) };
            let target = e.text(Field::DifferentialTarget(i), &d.target, true, SHORT);
            let when = if d.when == "attestation" { DifferentialWhen::Attestation { kind: target } } else { DifferentialWhen::Requirement { requirement_id: target } };
            let amount = if d.amount_kind == "per_hour" {
                Amount::PerHour(e.money(Field::DifferentialAmount(i), &d.amount))
            } else {
                Amount::Percent(e.percent(Field::DifferentialAmount(i), &d.amount))
            };
            differentials.push(Differential { name: Bilingual { en: name_en, es: name_es }, when, amount });
        }
        let promotion_raise = e.percent(Field::PromotionRaise, &self.promotion_raise);
        let fringe = e.percent(Field::Fringe, &self.fringe);
        e.result(PayPolicy {
            hours_per_year,
            weekly_hours,
            first_step_after_hours: first,
            later_steps_every_hours: later,
            longevity,
            differentials,
            promotion_raise,
            fringe,
            source: base.source.clone(),
        })
    }
}

// ---------------------------------------------------------------- wage floor

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FloorRateDraft {
    pub from: String,
    pub rate: String,
    pub source_title: String,
    pub source_url: String,
    pub verify: bool,
    /// The row's source as stored (empty for a new row): keeps its Spanish title.
    pub was: Source,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FloorDraft {
    pub name_en: String,
    pub name_es: String,
    pub living_wage: bool,
    pub in_use: bool,
    pub rows: Vec<FloorRateDraft>,
}

impl FloorDraft {
    pub fn from_floor(f: &WageFloor, decimal: char) -> FloorDraft {
        FloorDraft {
            name_en: f.name.en.clone(),
            name_es: f.name.es.clone(),
            living_wage: f.kind == FloorKind::LivingWage,
            in_use: !f.retired,
            rows: f
                .schedule
                .iter()
                .map(|r| FloorRateDraft { from: r.from.to_iso(), rate: money_text(r.hourly, decimal), source_title: r.source.title.clone(), source_url: r.source.url.clone(), verify: r.source.verify, was: r.source.clone() })
                .collect(),
        }
    }

    pub fn to_floor(&self, id: &str) -> Result<WageFloor, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, true, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, true, SHORT);
        let mut schedule = Vec::new();
        for (i, r) in self.rows.iter().enumerate() {
            if r.from.trim().is_empty() && r.rate.trim().is_empty() {
                continue;
            }
            let i = i as u8;
            let from = e.date(Field::FloorFrom(i), &r.from, true);
            let hourly = e.money(Field::FloorRate(i), &r.rate);
            let source = e.source(Field::SourceTitle, Field::FloorSourceUrl(i), &r.source_title, &r.source_url, r.verify, Some(&r.was));
            if let Some(from) = from {
                schedule.push(FloorRate { from, hourly, source });
            }
        }
        if schedule.is_empty() && e.get(Field::FloorFrom(0)).is_none() {
            e.add(Field::FloorFrom(0), Problem::Required);
        }
        schedule.sort_by_key(|r| r.from);
        let kind = if self.living_wage { FloorKind::LivingWage } else { FloorKind::Minimum };
        e.result(WageFloor { id: id.to_owned(), name: Bilingual { en: name_en, es: name_es }, kind, schedule, retired: !self.in_use })
    }
}

// ---------------------------------------------------------------- a person's ladder records

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacementDraft {
    pub ladder_id: String,
    pub step_id: String,
    pub grade_id: String,
    pub pay_step: String,
    /// Empty: the grade step's rate.
    pub hourly: String,
    pub effective: String,
    pub reason: String,
    pub note: String,
}

impl PlacementDraft {
    pub fn to_placement(&self, id: &str, person_id: &str, ladders: &[Ladder], grades: &[PayGrade]) -> Result<Placement, Errors> {
        let mut e = Errors::default();
        let ladder = ladders.iter().find(|l| l.id == self.ladder_id);
        if ladder.is_none() {
            e.add(Field::Ladder, Problem::Required);
        }
        let step = ladder.and_then(|l| l.step(&self.step_id));
        if ladder.is_some() && step.is_none() {
            e.add(Field::Step, Problem::Required);
        }
        let grade_id = if self.grade_id.is_empty() { step.map(|s| s.grade_id.clone()).unwrap_or_default() } else { self.grade_id.clone() };
        let grade = grades.iter().find(|g| g.id == grade_id);
        let pay_step = if self.pay_step.trim().is_empty() { 1 } else { e.number(Field::PayStep, &self.pay_step, 1, MAX_STEPS) };
        if let Some(g) = grade {
            if pay_step > g.steps() {
                e.add(Field::PayStep, Problem::NoSuchPayStep);
            }
        }
        let hourly = match (self.hourly.trim(), grade.and_then(|g| g.rate(pay_step))) {
            ("", Some(rate)) => rate,
            (text, _) => e.money(Field::Rate, text),
        };
        let effective = e.date(Field::Effective, &self.effective, true);
        let reason = PlacementReason::from_code(&self.reason).unwrap_or(PlacementReason::Hire);
        let note = e.text(Field::Notes, &self.note, false, LONG);
        let (Some(effective), Some(ladder), Some(step)) = (effective, ladder, step) else { return Err(e) };
        e.result(Placement { unconfirmed: None,
            id: id.to_owned(),
            person_id: person_id.to_owned(),
            ladder_id: ladder.id.clone(),
            step_id: step.id.clone(),
            grade_id,
            pay_step,
            hourly,
            effective,
            reason,
            note,
            plan_id: String::new(),
            removed: false,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttestationDraft {
    /// `lived_experience`, `supervisor_recommendation`, `language`, `probation` or `other`.
    pub kind: String,
    pub language: String,
    /// The organization's own kind, when `kind` is `other`.
    pub other: String,
    pub on: String,
    pub attested_by: String,
    pub note: String,
}

impl AttestationDraft {
    /// Attested on a past day or today, never later.
    pub fn to_attestation(&self, id: &str, person_id: &str, today: Date) -> Result<Attestation, Errors> {
        let mut e = Errors::default();
        let kind = match self.kind.as_str() {
            "" => {
                e.add(Field::Kind, Problem::Required);
                String::new()
            }
            "language" => format!("{LANGUAGE_PREFIX}{}", e.text(Field::Language, &self.language, true, SHORT).to_lowercase()),
            "other" => e.text(Field::Kind, &self.other, true, SHORT),
            known => known.to_owned(),
        };
        let on = e.date(Field::On, &self.on, true);
        if on.is_some_and(|d| d > today) {
            e.add(Field::On, Problem::DateInFuture);
        }
        let attested_by = e.text(Field::AttestedBy, &self.attested_by, true, SHORT);
        let note = e.text(Field::Notes, &self.note, false, LONG);
        let Some(on) = on else { return Err(e) };
        e.result(Attestation { unconfirmed: None, id: id.to_owned(), person_id: person_id.to_owned(), kind, on, attested_by, note, removed: false })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlannedTrainingDraft {
    pub training_id: String,
    pub on: String,
}

impl PlannedTrainingDraft {
    /// A plan is for today or later.
    pub fn to_plan(&self, id: &str, person_id: &str, today: Date) -> Result<PlannedTraining, Errors> {
        let mut e = Errors::default();
        if self.training_id.trim().is_empty() {
            e.add(Field::Training, Problem::Required);
        }
        let on = e.date(Field::On, &self.on, true);
        if on.is_some_and(|d| d < today) {
            e.add(Field::On, Problem::DateInPast);
        }
        let Some(on) = on else { return Err(e) };
        e.result(PlannedTraining { id: id.to_owned(), person_id: person_id.to_owned(), training_id: self.training_id.clone(), on, removed: false })
    }
}

// ---------------------------------------------------------------- ladder and step rules

/// The kinds of rule node, as the editor's select names them.
pub const RULE_KINDS: [&str; 10] =
    ["all", "any_of", "requirement", "training", "competencies", "ce_hours", "months_in_step", "months_of_service", "hours_worked", "attestation"];

/// One node of a step's rule as the editor holds it. `key` is unique within the editor and
/// ties a problem to the node's inputs (`Field::Rule(key)`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleDraft {
    pub key: u32,
    pub kind: String,
    /// "At least N of".
    pub n: String,
    /// A requirement id, a training id, a framework code (`c3`, `sb803`) or an attestation kind.
    pub target: String,
    /// Hours or months.
    pub amount: String,
    /// Months back (optional for trainings and hours worked).
    pub within: String,
    pub categories: Vec<CeCategory>,
    pub children: Vec<RuleDraft>,
}

impl RuleDraft {
    pub fn from_rule(rule: &Rule, next_key: &mut u32, decimal: char) -> RuleDraft {
        *next_key += 1;
        let mut d = RuleDraft { key: *next_key, ..RuleDraft::default() };
        let opt = |m: &Option<u32>| m.map(|m| m.to_string()).unwrap_or_default();
        match rule {
            Rule::All(items) => {
                d.kind = "all".into();
                d.children = items.iter().map(|r| RuleDraft::from_rule(r, next_key, decimal)).collect();
            }
            Rule::AnyOf { n, of } => {
                d.kind = "any_of".into();
                d.n = n.to_string();
                d.children = of.iter().map(|r| RuleDraft::from_rule(r, next_key, decimal)).collect();
            }
            Rule::Requirement { requirement_id } => {
                d.kind = "requirement".into();
                d.target = requirement_id.clone();
            }
            Rule::Training { training_id, within_months } => {
                d.kind = "training".into();
                d.target = training_id.clone();
                d.within = opt(within_months);
            }
            Rule::Competencies { framework, ids } => {
                d.kind = "competencies".into();
                d.target = match framework {
                    FrameworkCode::C3 => "c3".into(),
                    FrameworkCode::Sb803 => "sb803".into(),
                };
                d.categories = Vec::new();
                d.amount = ids.join(" ");
            }
            Rule::CeHours { hours, categories, within_months } => {
                d.kind = "ce_hours".into();
                d.amount = hours.format_with(decimal);
                d.categories = categories.clone();
                d.within = within_months.to_string();
            }
            Rule::MonthsInStep { months } => {
                d.kind = "months_in_step".into();
                d.amount = months.to_string();
            }
            Rule::MonthsOfService { months } => {
                d.kind = "months_of_service".into();
                d.amount = months.to_string();
            }
            Rule::HoursWorked { hours, within_months } => {
                d.kind = "hours_worked".into();
                d.amount = hours.format_with(decimal);
                d.within = opt(within_months);
            }
            Rule::Attestation { kind } => {
                d.kind = "attestation".into();
                d.target = kind.clone();
            }
        }
        d
    }

    /// The rule, or every problem (each tied to its node).
    pub fn to_rule(&self, e: &mut Errors) -> Rule {
        let field = Field::Rule(self.key);
        let target = |e: &mut Errors| {
            let t = self.target.trim();
            if t.is_empty() {
                e.add(field, Problem::Required);
            }
            t.to_owned()
        };
        let months = |e: &mut Errors, text: &str| e.number(field, text, 1, 600);
        let within = |e: &mut Errors| if self.within.trim().is_empty() { None } else { Some(e.number(field, &self.within, 1, 600)) };
        let hours = |e: &mut Errors| match Hours::parse(&self.amount) {
            Some(h) if h > Hours::ZERO => h,
            _ if self.amount.trim().is_empty() => {
                e.add(field, Problem::Required);
                Hours::ZERO
            }
            _ => {
                e.add(field, Problem::InvalidHours);
                Hours::ZERO
            }
        };
        match self.kind.as_str() {
            "any_of" => {
                let of: Vec<Rule> = self.children.iter().map(|c| c.to_rule(e)).collect();
                let n = match self.n.trim().parse::<u32>() {
                    Ok(n) if n >= 1 && n as usize <= of.len() => n,
                    _ => {
                        e.add(field, Problem::ChooseOutOfRange);
                        1
                    }
                };
                Rule::AnyOf { n, of }
            }
            "requirement" => Rule::Requirement { requirement_id: target(e) },
            "training" => Rule::Training { training_id: target(e), within_months: within(e) },
            "competencies" => Rule::Competencies {
                framework: if self.target == "sb803" { FrameworkCode::Sb803 } else { FrameworkCode::C3 },
                ids: self.amount.split_whitespace().map(str::to_owned).collect(),
            },
            "ce_hours" => {
                let h = hours(e);
                let w = months(e, &self.within);
                Rule::CeHours { hours: h, categories: self.categories.clone(), within_months: w }
            }
            "months_in_step" => Rule::MonthsInStep { months: months(e, &self.amount) },
            "months_of_service" => Rule::MonthsOfService { months: months(e, &self.amount) },
            "hours_worked" => {
                let h = hours(e);
                Rule::HoursWorked { hours: h, within_months: within(e) }
            }
            "attestation" => Rule::Attestation { kind: target(e) },
            _ => Rule::All(self.children.iter().map(|c| c.to_rule(e)).collect()),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepDraft {
    /// Kept when editing so placements on the step still point at it.
    pub id: String,
    pub title_en: String,
    pub title_es: String,
    pub description_en: String,
    pub description_es: String,
    pub duties_en: String,
    pub duties_es: String,
    pub grade_id: String,
    pub next: Vec<String>,
    pub rule: RuleDraft,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LadderDraft {
    pub name_en: String,
    pub name_es: String,
    pub description_en: String,
    pub description_es: String,
    pub worker_types: Vec<WorkerType>,
    pub steps: Vec<StepDraft>,
}

impl LadderDraft {
    pub fn from_ladder(l: &Ladder, next_key: &mut u32, decimal: char) -> LadderDraft {
        LadderDraft {
            name_en: l.name.en.clone(),
            name_es: l.name.es.clone(),
            description_en: l.description.en.clone(),
            description_es: l.description.es.clone(),
            worker_types: l.worker_types.clone(),
            steps: l
                .steps
                .iter()
                .map(|s| StepDraft {
                    id: s.id.clone(),
                    title_en: s.title.en.clone(),
                    title_es: s.title.es.clone(),
                    description_en: s.description.en.clone(),
                    description_es: s.description.es.clone(),
                    duties_en: s.duties.en.clone(),
                    duties_es: s.duties.es.clone(),
                    grade_id: s.grade_id.clone(),
                    next: s.next.clone(),
                    rule: RuleDraft::from_rule(&s.requires, next_key, decimal),
                })
                .collect(),
        }
    }

    pub fn to_ladder(&self, id: &str, base: Option<&Ladder>) -> Result<Ladder, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, true, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, true, SHORT);
        let description = Bilingual { en: e.text(Field::Notes, &self.description_en, false, LONG), es: e.text(Field::Notes, &self.description_es, false, LONG) };
        if self.steps.is_empty() {
            e.add(Field::Step, Problem::Required);
        }
        let ids: Vec<&str> = self.steps.iter().map(|s| s.id.as_str()).collect();
        let mut steps = Vec::new();
        for (i, s) in self.steps.iter().enumerate() {
            let i8 = i.min(255) as u8;
            let title = Bilingual { en: e.text(Field::StepTitleEn(i8), &s.title_en, true, SHORT), es: e.text(Field::StepTitleEs(i8), &s.title_es, true, SHORT) };
            if s.next.iter().any(|n| !ids.contains(&n.as_str()) || *n == s.id) {
                e.add(Field::StepNext(i8), Problem::NoSuchStep);
            }
            let requires = s.rule.to_rule(&mut e);
            steps.push(Step {
                id: s.id.clone(),
                title,
                description: Bilingual { en: s.description_en.trim().to_owned(), es: s.description_es.trim().to_owned() },
                duties: Bilingual { en: s.duties_en.trim().to_owned(), es: s.duties_es.trim().to_owned() },
                grade_id: s.grade_id.clone(),
                next: s.next.clone(),
                requires,
            });
        }
        e.result(Ladder {
            id: id.to_owned(),
            name: Bilingual { en: name_en, es: name_es },
            description,
            worker_types: self.worker_types.clone(),
            steps,
            source: base.map(|b| b.source.clone()).unwrap_or_default(),
            example: false,
            retired: base.is_some_and(|b| b.retired),
        })
    }
}

/// A copy of an example ladder and the grades its steps use, all the organization's own:
/// fresh ids (`new_id`), names marked as a copy, sources kept.
pub fn copy_example(ladder: &Ladder, grades: &[PayGrade], new_id: &mut dyn FnMut() -> String) -> (Ladder, Vec<PayGrade>) {
    let mut copied: Vec<PayGrade> = Vec::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    for s in &ladder.steps {
        if s.grade_id.is_empty() || renamed.iter().any(|(old, _)| *old == s.grade_id) {
            continue;
        }
        if let Some(g) = grades.iter().find(|g| g.id == s.grade_id) {
            let id = new_id();
            renamed.push((g.id.clone(), id.clone()));
            copied.push(PayGrade { id, example: false, ..g.clone() });
        }
    }
    let steps = ladder
        .steps
        .iter()
        .map(|s| Step { grade_id: renamed.iter().find(|(old, _)| *old == s.grade_id).map_or_else(|| s.grade_id.clone(), |(_, new)| new.clone()), ..s.clone() })
        .collect();
    let copy = Ladder { id: new_id(), steps, example: false, retired: false, ..ladder.clone() };
    (copy, copied)
}

// ---------------------------------------------------------------- promotion plan

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanDraft {
    pub name: String,
    pub effective: String,
    pub fringe: String,
}

impl PlanDraft {
    pub fn to_plan(&self, base: &PromotionPlan) -> Result<PromotionPlan, Errors> {
        let mut e = Errors::default();
        let name = e.text(Field::Name, &self.name, true, SHORT);
        let effective = e.date(Field::Effective, &self.effective, true);
        let fringe = e.percent(Field::Fringe, &self.fringe);
        let Some(effective) = effective else { return Err(e) };
        e.result(PromotionPlan { name, effective, fringe, ..base.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ladders::examples::{example_floors, example_grades, example_ladders};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn every_example_round_trips_through_its_forms() {
        for g in example_grades() {
            for decimal in ['.', ','] {
                let back = GradeDraft::from_grade(&g, decimal).to_grade(&g.id, Some(&g)).unwrap();
                assert_eq!(back, PayGrade { example: false, ..g.clone() });
            }
        }
        for f in example_floors() {
            assert_eq!(FloorDraft::from_floor(&f, ',').to_floor(&f.id).unwrap(), f);
        }
        for l in example_ladders() {
            let mut key = 0;
            let back = LadderDraft::from_ladder(&l, &mut key, '.').to_ladder(&l.id, Some(&l)).unwrap();
            assert_eq!(back, Ladder { example: false, ..l.clone() });
        }
        let policy = PayPolicy {
            differentials: vec![Differential { name: Bilingual::new("Bilingual", "Bilingüe"), when: DifferentialWhen::Attestation { kind: "language:spanish".into() }, amount: Amount::PerHour(Cents(75)) }],
            ..PayPolicy::default()
        };
        assert_eq!(PolicyDraft::from_policy(&policy, ',').to_policy(&policy).unwrap(), policy);
    }

    #[test]
    fn bad_input_is_tied_to_its_field() {
        let mut g = GradeDraft { name_en: "CHW I".into(), name_es: "CHW I".into(), base: "17.9x".into(), step_percent: "abc".into(), steps: "30".into(), ..GradeDraft::new() };
        let e = g.to_grade("g", None).unwrap_err();
        assert_eq!(e.get(Field::Rate), Some(Problem::InvalidMoney));
        assert_eq!(e.get(Field::StepPercent), Some(Problem::InvalidPercent));
        assert_eq!(e.get(Field::Steps), Some(Problem::NumberOutOfRange { min: 1, max: 20 }));
        g.percent = false;
        g.rates = "18.00\n17.50".into();
        assert_eq!(g.to_grade("g", None).unwrap_err().get(Field::Rates), Some(Problem::RatesOutOfOrder));
        g.rates = "17.50; 18,00 19".into();
        assert_eq!(g.to_grade("g", None).unwrap().rates(), vec![Cents(1750), Cents(1800), Cents(1900)]);

        let today = d("2026-05-01");
        let a = AttestationDraft { kind: "language".into(), language: " Spanish ".into(), on: "2026-05-02".into(), attested_by: "".into(), ..AttestationDraft::default() };
        let e = a.to_attestation("a", "p", today).unwrap_err();
        assert_eq!(e.get(Field::On), Some(Problem::DateInFuture));
        assert_eq!(e.get(Field::AttestedBy), Some(Problem::Required));
        let ok = AttestationDraft { on: "2026-05-01".into(), attested_by: "Ana Ruiz, supervisor".into(), ..a };
        assert_eq!(ok.to_attestation("a", "p", today).unwrap().kind, "language:spanish");
        assert_eq!(PlannedTrainingDraft { training_id: "builtin.hipaa".into(), on: "2026-04-30".into() }.to_plan("t", "p", today).unwrap_err().get(Field::On), Some(Problem::DateInPast));

        let mut key = 0;
        let mut rule = RuleDraft::from_rule(&Rule::AnyOf { n: 1, of: vec![Rule::MonthsInStep { months: 12 }] }, &mut key, '.');
        rule.n = "3".into();
        rule.children[0].amount = "zero".into();
        let mut e = Errors::default();
        rule.to_rule(&mut e);
        assert_eq!(e.get(Field::Rule(rule.key)), Some(Problem::ChooseOutOfRange));
        assert_eq!(e.get(Field::Rule(rule.children[0].key)), Some(Problem::NumberOutOfRange { min: 1, max: 600 }));
    }

    #[test]
    fn placements_take_the_grade_steps_rate_unless_one_is_typed() {
        let ladders = example_ladders();
        let grades = example_grades();
        let draft = PlacementDraft { ladder_id: ladders[0].id.clone(), step_id: "ii".into(), pay_step: "2".into(), effective: "2026-01-05".into(), reason: "promotion".into(), ..PlacementDraft::default() };
        let p = draft.to_placement("x", "p", &ladders, &grades).unwrap();
        assert_eq!((p.grade_id.as_str(), p.pay_step, p.hourly, p.reason), ("example.grade.peer_ii", 2, Cents(23_98), PlacementReason::Promotion));
        let typed = PlacementDraft { hourly: "24,10".into(), ..draft.clone() };
        assert_eq!(typed.to_placement("x", "p", &ladders, &grades).unwrap().hourly, Cents(24_10));
        let e = PlacementDraft { pay_step: "9".into(), ..draft.clone() }.to_placement("x", "p", &ladders, &grades).unwrap_err();
        assert_eq!(e.get(Field::PayStep), Some(Problem::NoSuchPayStep));
        let e = PlacementDraft { ladder_id: String::new(), ..draft }.to_placement("x", "p", &ladders, &grades).unwrap_err();
        assert_eq!(e.get(Field::Ladder), Some(Problem::Required));
    }

    #[test]
    fn copying_an_example_makes_the_ladder_and_its_grades_the_organizations_own() {
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            format!("own{n}")
        };
        let (ladder, grades) = copy_example(&example_ladders()[0], &example_grades(), &mut new_id);
        assert!(!ladder.example && ladder.id.starts_with("own"));
        assert_eq!(grades.len(), 4, "peer I, II, lead and supervisor grades");
        assert!(ladder.steps.iter().all(|s| grades.iter().any(|g| g.id == s.grade_id)), "steps point at the copies");
        assert!(grades.iter().all(|g| !g.example && !g.source.title.is_empty()));
    }
}
