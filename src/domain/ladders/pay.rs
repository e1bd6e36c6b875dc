//! Pay grades, the organization's pay policy, and wage floors as dated, sourced data.
//!
//! A grade's steps are either a base rate raised by a percentage per step (5 % by default;
//! San Mateo County uses 5.74 %) or explicit rates. Each step is the previous step's rate
//! raised by the percentage and rounded half up to the cent, as county salary tables
//! compound: $17.92, $18.82, $19.76, … (tested in `money.rs` and here).

use super::money::{Bp, Cents};
use crate::domain::date::Date;
use crate::domain::text::Bilingual;
use crate::domain::training::Source;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// `steps` rates from `base`, each `step` above the one before.
    Percent { base: Cents, step: Bp, steps: u32 },
    /// Rates as published, lowest first.
    Explicit { rates: Vec<Cents> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayGrade {
    pub id: String,
    pub name: Bilingual,
    pub scale: Scale,
    #[serde(default)]
    pub source: Source,
    /// A built-in example (`example.` ids): copy it to make it the organization's own.
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub example: bool,
}

/// Grades as a picker lists them: the organization's own first, then the built-in examples,
/// each from the lowest starting rate up (a store lists by id, where "grade.10" comes before
/// "grade.6").
pub fn in_pay_order(grades: &[PayGrade]) -> Vec<&PayGrade> {
    let mut out: Vec<&PayGrade> = grades.iter().collect();
    out.sort_unstable_by(|a, b| (a.example, a.rate(1), &a.name.en, &a.id).cmp(&(b.example, b.rate(1), &b.name.en, &b.id)));
    out
}

/// The most steps a grade may have (forms refuse more).
pub const MAX_STEPS: u32 = 20;

impl PayGrade {
    /// Hourly rate of each step, step 1 first.
    pub fn rates(&self) -> Vec<Cents> {
        match &self.scale {
            Scale::Explicit { rates } => rates.clone(),
            Scale::Percent { base, step, steps } => {
                let mut out = Vec::with_capacity(*steps as usize);
                let mut rate = *base;
                for _ in 0..(*steps).clamp(1, MAX_STEPS) {
                    out.push(rate);
                    rate = rate.raised(*step);
                }
                out
            }
        }
    }

    /// Rate of a step (1-based), or `None` past the top.
    pub fn rate(&self, step: u32) -> Option<Cents> {
        self.rates().get(step.checked_sub(1)? as usize).copied()
    }

    pub fn steps(&self) -> u32 {
        self.rates().len() as u32
    }

    /// Lowest, midpoint (numerical, as compensation tools compute compa-ratio) and highest.
    pub fn range(&self) -> Option<(Cents, Cents, Cents)> {
        let rates = self.rates();
        let (min, max) = (*rates.iter().min()?, *rates.iter().max()?);
        Some((min, min.midpoint(max), max))
    }

    /// Rate ÷ midpoint, in basis points (10,000 = at the midpoint).
    pub fn compa_ratio(&self, rate: Cents) -> Option<i64> {
        rate.ratio_bp(self.range()?.1)
    }

    /// Where a rate sits between the lowest and highest step: 0 at the bottom, 10,000 at the
    /// top, below 0 or above 10,000 outside the range. `None` for a one-step grade.
    pub fn position_in_range(&self, rate: Cents) -> Option<i64> {
        let (min, _, max) = self.range()?;
        (rate - min).ratio_bp(max - min)
    }

    /// The step whose rate a placement's rate matches, else the highest step at or below it.
    pub fn step_for(&self, rate: Cents) -> u32 {
        let rates = self.rates();
        rates.iter().rposition(|r| *r <= rate).map_or(1, |i| i as u32 + 1)
    }
}

/// When a differential applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferentialWhen {
    /// A requirement of the rules engine is met (a specialization, a certification).
    Requirement { requirement_id: String },
    /// An attestation of this kind is on file (language proficiency: bilingual pay).
    Attestation { kind: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    Percent(Bp),
    PerHour(Cents),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Differential {
    pub name: Bilingual,
    pub when: DifferentialWhen,
    pub amount: Amount,
}

/// Longevity pay: `add` on top of the base rate once `after_years` of service are complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Longevity {
    pub after_years: u32,
    pub add: Bp,
}

/// How the organization pays along its ladders. One record; every number is editable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayPolicy {
    /// Paid hours in a year, for annual amounts (2,080 = 40 hours × 52 weeks).
    pub hours_per_year: u32,
    /// Hours a week a placement works unless it says otherwise (turns hours of service into dates).
    pub weekly_hours: u32,
    /// Hours of service in the first pay step before the second (San Mateo: 1,040).
    pub first_step_after_hours: u32,
    /// Hours of service in each later step before the next (San Mateo: 2,080).
    pub later_steps_every_hours: u32,
    /// Highest longevity tier reached applies (San Mateo: 1 % after 5 years, 2.5 % after 10).
    #[serde(default)]
    pub longevity: Vec<Longevity>,
    #[serde(default)]
    pub differentials: Vec<Differential>,
    /// A promotion lands on the lowest step of the new grade that is at least this much above
    /// the current rate (San Mateo: "at least one step", 5.74 %).
    pub promotion_raise: Bp,
    /// Benefits and taxes on top of wages, for the cost of a promotion.
    pub fringe: Bp,
    #[serde(default)]
    pub source: Source,
}

impl Default for PayPolicy {
    fn default() -> PayPolicy {
        PayPolicy {
            hours_per_year: 2080,
            weekly_hours: 40,
            first_step_after_hours: 1040,
            later_steps_every_hours: 2080,
            longevity: vec![Longevity { after_years: 5, add: Bp(100) }, Longevity { after_years: 10, add: Bp(250) }],
            differentials: Vec::new(),
            promotion_raise: Bp(500),
            fringe: Bp(3000),
            source: Source {
                title: "San Mateo County SMCCE MOU §5.3 (step timing, longevity); 5 % steps and 30 % fringe are editable defaults, not a rule".into(),
                title_es: "MOU del SMCCE del condado de San Mateo §5.3 (plazos de los escalones, antigüedad); los escalones del 5 % y el 30 % de prestaciones son valores iniciales editables, no una regla".into(),
                url: "http://elr-smcgov.org/smcce-5-3-salary-step-increases/".into(),
                verify: true,
            },
        }
    }
}

impl PayPolicy {
    /// Days of service for `hours` at `weekly_hours` a week, rounded up to a whole day.
    pub fn days_for_hours(&self, hours: u32) -> i32 {
        let weekly = self.weekly_hours.max(1);
        ((u64::from(hours) * 7).div_ceil(u64::from(weekly))) as i32
    }

    /// The longevity add-on after `years` of complete service.
    pub fn longevity_after(&self, years: u32) -> Bp {
        self.longevity.iter().filter(|l| years >= l.after_years).map(|l| l.add).max().unwrap_or_default()
    }

    /// The step of `to` a promotion from `current` lands on: the lowest whose rate is at least
    /// `promotion_raise` above the current rate, else the top step.
    pub fn promotion_step(&self, to: &PayGrade, current: Cents) -> u32 {
        let floor = current.raised(self.promotion_raise);
        let rates = to.rates();
        rates.iter().position(|r| *r >= floor).map_or(rates.len().max(1) as u32, |i| i as u32 + 1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorKind {
    /// A legal minimum: a rate below it is flagged.
    Minimum,
    /// A reference the organization chose (a living wage): shown and compared, not a law.
    LivingWage,
}

/// One rate of a floor's schedule and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloorRate {
    #[serde(with = "crate::domain::date::iso")]
    pub from: Date,
    pub hourly: Cents,
    #[serde(default)]
    pub source: Source,
}

/// A wage floor as dated data: the rate in force on a date is the latest one from on or
/// before it, so a past date is judged by the floor of its time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WageFloor {
    pub id: String,
    pub name: Bilingual,
    pub kind: FloorKind,
    pub schedule: Vec<FloorRate>,
    /// Not compared against (a floor that does not cover this organization); kept to turn on.
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub retired: bool,
}

impl WageFloor {
    pub fn on(&self, date: Date) -> Option<&FloorRate> {
        self.schedule.iter().filter(|r| r.from <= date).max_by_key(|r| r.from)
    }
}

/// The floors in force on `date` that `rate` is below: legal minimums first.
pub fn below<'a>(floors: &'a [WageFloor], rate: Cents, date: Date) -> Vec<(&'a WageFloor, Cents)> {
    let mut found: Vec<(&WageFloor, Cents)> = floors
        .iter()
        .filter(|f| !f.retired)
        .filter_map(|f| f.on(date).filter(|r| rate < r.hourly).map(|r| (f, r.hourly)))
        .collect();
    found.sort_by_key(|(f, _)| f.kind != FloorKind::Minimum);
    found
}

/// Is `rate` below a legal minimum in force on `date`?
pub fn below_minimum(floors: &[WageFloor], rate: Cents, date: Date) -> bool {
    below(floors, rate, date).iter().any(|(f, _)| f.kind == FloorKind::Minimum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picker_lists_own_grades_first_then_examples_each_from_the_lowest_rate() {
        let grade = |id: &str, base: i64, example: bool| PayGrade { id: id.into(), name: Bilingual::new(id, id), scale: Scale::Explicit { rates: vec![Cents(base)] }, source: Source::default(), example };
        let grades = [grade("example.grade.10", 2680, true), grade("own.supervisor", 2776, false), grade("example.grade.6", 2000, true), grade("own.peer_i", 1792, false)];
        let order: Vec<&str> = in_pay_order(&grades).into_iter().map(|g| g.id.as_str()).collect();
        assert_eq!(order, ["own.peer_i", "own.supervisor", "example.grade.6", "example.grade.10"]);
    }
    use crate::domain::date::DateExt;

    fn grade(base: i64, step: u32, steps: u32) -> PayGrade {
        PayGrade { id: "g".into(), name: Bilingual::new("G", "G"), scale: Scale::Percent { base: Cents(base), step: Bp(step), steps }, source: Source::default(), example: false }
    }

    #[test]
    fn percent_steps_compound_on_the_rounded_previous_step() {
        let g = grade(1792, 500, 5);
        // 17.92 → 18.816 → 18.82 → 19.761 → 19.76 → 20.748 → 20.75 → 21.7875 → 21.79.
        assert_eq!(g.rates(), vec![Cents(1792), Cents(1882), Cents(1976), Cents(2075), Cents(2179)]);
        let san_mateo = grade(2000, 574, 3);
        // 20.00 → 21.148 → 21.15; 21.15 × 1.0574 = 22.36401 → 22.36.
        assert_eq!(san_mateo.rates(), vec![Cents(2000), Cents(2115), Cents(2236)]);
        assert_eq!(g.rate(1), Some(Cents(1792)));
        assert_eq!(g.rate(6), None);
        assert_eq!(g.rate(0), None);
        let explicit = PayGrade { scale: Scale::Explicit { rates: vec![Cents(2284), Cents(2776)] }, ..g.clone() };
        assert_eq!(explicit.steps(), 2);
    }

    #[test]
    fn compa_ratio_is_against_the_numerical_midpoint_and_position_is_in_the_range() {
        let g = PayGrade { scale: Scale::Explicit { rates: vec![Cents(2000), Cents(2100), Cents(2400)] }, ..grade(0, 0, 1) };
        assert_eq!(g.range(), Some((Cents(2000), Cents(2200), Cents(2400))));
        assert_eq!(g.compa_ratio(Cents(2200)), Some(10_000));
        assert_eq!(g.compa_ratio(Cents(2100)), Some(9545));
        assert_eq!(g.position_in_range(Cents(2000)), Some(0));
        assert_eq!(g.position_in_range(Cents(2100)), Some(2500));
        assert_eq!(g.position_in_range(Cents(2500)), Some(12_500));
        assert_eq!(grade(2000, 500, 1).position_in_range(Cents(2000)), None, "one step: no range");
        assert_eq!(g.step_for(Cents(2150)), 2);
        assert_eq!(g.step_for(Cents(1000)), 1);
    }

    #[test]
    fn promotion_lands_on_the_first_step_at_least_the_raise_above() {
        let policy = PayPolicy::default();
        let to = grade(2284, 500, 5); // 22.84, 23.98, 25.18, 26.44, 27.76
        // 21.76 + 5 % = 22.848 → 22.85: step 1 (22.84) is not enough, step 2 (23.98) is.
        assert_eq!(to.rates(), vec![Cents(2284), Cents(2398), Cents(2518), Cents(2644), Cents(2776)]);
        assert_eq!(policy.promotion_step(&to, Cents(2176)), 2);
        assert_eq!(policy.promotion_step(&to, Cents(2000)), 1);
        assert_eq!(policy.promotion_step(&to, Cents(3000)), 5, "above the top: the top step");
    }

    #[test]
    fn days_of_service_and_longevity() {
        let p = PayPolicy::default();
        assert_eq!(p.days_for_hours(1040), 182);
        assert_eq!(p.days_for_hours(2080), 364);
        let part_time = PayPolicy { weekly_hours: 30, ..PayPolicy::default() };
        assert_eq!(part_time.days_for_hours(1040), 243, "34.67 weeks, rounded up to a day");
        assert_eq!(p.longevity_after(4), Bp(0));
        assert_eq!(p.longevity_after(5), Bp(100));
        assert_eq!(p.longevity_after(12), Bp(250));
    }

    #[test]
    fn the_floor_in_force_changes_on_its_first_day() {
        let d = |s: &str| Date::parse_iso(s).unwrap();
        let floor = WageFloor {
            id: "f".into(),
            name: Bilingual::new("Min", "Mín"),
            kind: FloorKind::Minimum,
            schedule: vec![
                FloorRate { from: d("2025-01-01"), hourly: Cents(1650), source: Source::default() },
                FloorRate { from: d("2026-01-01"), hourly: Cents(1690), source: Source::default() },
            ],
            retired: false,
        };
        assert_eq!(floor.on(d("2025-12-31")).map(|r| r.hourly), Some(Cents(1650)));
        assert_eq!(floor.on(d("2026-01-01")).map(|r| r.hourly), Some(Cents(1690)));
        assert_eq!(floor.on(d("2024-12-31")), None);
        let floors = vec![floor.clone()];
        assert!(!below_minimum(&floors, Cents(1670), d("2025-12-31")));
        assert!(below_minimum(&floors, Cents(1670), d("2026-01-01")));
        let off = WageFloor { retired: true, ..floor };
        assert!(!below_minimum(&[off], Cents(1), d("2026-01-01")));
    }
}
