//! What a person's document holds for ladders: where they have been placed (a history, never
//! overwritten), what others attest about them, and trainings they plan to take.

use crate::domain::completion::FromFile;
use super::money::Cents;
use super::pay::{PayGrade, PayPolicy};
use crate::domain::date::{Date, DateExt};
use serde::{Deserialize, Serialize};

/// Why a placement was recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementReason {
    Hire,
    Promotion,
    PayStep,
    Transfer,
    Correction,
}

impl PlacementReason {
    pub const ALL: [PlacementReason; 5] =
        [PlacementReason::Hire, PlacementReason::Promotion, PlacementReason::PayStep, PlacementReason::Transfer, PlacementReason::Correction];

    pub fn code(self) -> &'static str {
        match self {
            PlacementReason::Hire => "hire",
            PlacementReason::Promotion => "promotion",
            PlacementReason::PayStep => "pay_step",
            PlacementReason::Transfer => "transfer",
            PlacementReason::Correction => "correction",
        }
    }

    pub fn from_code(code: &str) -> Option<PlacementReason> {
        PlacementReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A person on a ladder step, at a pay grade step and rate, from a date. A promotion or a
/// pay step adds a placement; the history is never rewritten (a wrong one is removed, with
/// undo, and a correction added).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    pub ladder_id: String,
    pub step_id: String,
    #[serde(default)]
    pub grade_id: String,
    /// 1-based step of the grade.
    pub pay_step: u32,
    /// The base hourly rate (before longevity and differentials).
    pub hourly: Cents,
    #[serde(with = "crate::domain::date::iso")]
    pub effective: Date,
    pub reason: PlacementReason,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A promotion plan this placement came from (so applying a plan can be undone).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_id: String,
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub removed: bool,
    /// Came in a record file from another employer: counts for nothing until HR confirms it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<FromFile>,
}

impl Placement {
    /// Whether it places the person: not removed, and confirmed here.
    pub fn counts(&self) -> bool {
        !self.removed && self.unconfirmed.is_none()
    }
}

/// Someone vouches for something about a person: lived experience aligned with the community
/// served (a DHCS requirement for CHWs), a supervisor's recommendation, proficiency in a
/// language, a completed probation, or a kind the organization names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    /// `lived_experience`, `supervisor_recommendation`, `language:<language>`, `probation`,
    /// or the organization's own wording.
    pub kind: String,
    #[serde(with = "crate::domain::date::iso")]
    pub on: Date,
    pub attested_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub removed: bool,
    /// Came in a record file from another employer: counts for nothing until confirmed here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<FromFile>,
}

impl Attestation {
    /// Whether it counts (readiness, pathways, differentials): not removed, and confirmed here.
    pub fn counts(&self) -> bool {
        !self.removed && self.unconfirmed.is_none()
    }
}

/// The attestation kinds the app knows (others are the organization's own words).
pub const LIVED_EXPERIENCE: &str = "lived_experience";
pub const SUPERVISOR_RECOMMENDATION: &str = "supervisor_recommendation";
pub const PROBATION: &str = "probation";
/// Evidence for requirement pathways (Medi-Cal doulas): a letter of recommendation or client
/// testimonial, and one birth supported.
pub const RECOMMENDATION_LETTER: &str = "recommendation_letter";
pub const BIRTH_SUPPORTED: &str = "birth_supported";
pub const LANGUAGE_PREFIX: &str = "language:";

/// The kinds a person chooses from by name; a language and the organization's own kinds are
/// typed (`AttestationChoice`).
pub const KNOWN_KINDS: [&str; 5] = [LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION, PROBATION, RECOMMENDATION_LETTER, BIRTH_SUPPORTED];

/// An attestation kind as an editor offers it: one of `KNOWN_KINDS`, `language` with the
/// language typed, or `other` with the organization's own words; never a code to type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttestationChoice {
    pub choice: String,
    pub language: String,
    pub other: String,
}

impl AttestationChoice {
    /// How a stored kind is shown for editing (a new, empty one starts as lived experience).
    pub fn of(kind: &str) -> AttestationChoice {
        let (choice, language, other) = if kind.is_empty() {
            (LIVED_EXPERIENCE, "", "")
        } else if KNOWN_KINDS.contains(&kind) {
            (kind, "", "")
        } else if let Some(language) = kind.strip_prefix(LANGUAGE_PREFIX) {
            ("language", language, "")
        } else {
            ("other", "", kind)
        };
        AttestationChoice { choice: choice.into(), language: language.into(), other: other.into() }
    }

    /// The kind it stores.
    pub fn kind(&self) -> String {
        match self.choice.as_str() {
            "language" => format!("{LANGUAGE_PREFIX}{}", self.language.trim().to_lowercase()),
            "other" => self.other.trim().to_owned(),
            known => known.to_owned(),
        }
    }
}

/// A training the person plans to complete on a date: it counts toward the earliest date
/// they could be ready, never toward being ready now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTraining {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    pub training_id: String,
    #[serde(with = "crate::domain::date::iso")]
    pub on: Date,
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub removed: bool,
}

/// Placements in force order: by effective date, then as recorded.
fn in_order(placements: &[Placement], as_of: Date) -> Vec<&Placement> {
    let mut list: Vec<&Placement> = placements.iter().filter(|p| p.counts() && p.effective <= as_of).collect();
    list.sort_by_key(|p| p.effective); // stable: same-day placements keep the order recorded
    list
}

/// The placement in force on `as_of`.
pub fn current(placements: &[Placement], as_of: Date) -> Option<&Placement> {
    in_order(placements, as_of).pop()
}

/// Since when the person has been on their current ladder step without a break (a pay step
/// or a correction on the same step does not restart it).
pub fn in_step_since(placements: &[Placement], as_of: Date) -> Option<Date> {
    let list = in_order(placements, as_of);
    let now = list.last()?;
    let mut since = now.effective;
    for p in list.iter().rev() {
        if p.ladder_id != now.ladder_id || p.step_id != now.step_id {
            break;
        }
        since = p.effective;
    }
    Some(since)
}

/// Since when the person has been at their current pay step (a promotion or a new pay step
/// restarts it).
pub fn pay_step_since(placements: &[Placement], as_of: Date) -> Option<Date> {
    let list = in_order(placements, as_of);
    let now = list.last()?;
    let mut since = now.effective;
    for p in list.iter().rev() {
        if p.ladder_id != now.ladder_id || p.step_id != now.step_id || p.grade_id != now.grade_id || p.pay_step != now.pay_step {
            break;
        }
        since = p.effective;
    }
    Some(since)
}

/// Whole calendar months from `from` to `to` (0 when `to` is earlier): 31 January to
/// 28 February is one month (months clamp to the month's end, as everywhere in the app).
pub fn whole_months(from: Date, to: Date) -> u32 {
    if to < from {
        return 0;
    }
    let (fy, fm, _) = from.ymd();
    let (ty, tm, _) = to.ymd();
    let mut months = ((ty - fy) * 12 + tm as i32 - fm as i32).max(0) as u32;
    while months > 0 && from.add_months(months as i32) > to {
        months -= 1;
    }
    months
}

/// When the next pay step is due: the time the policy sets for the current pay step (the
/// first step is shorter), counted from when it started. `None` at the top of the grade.
pub fn next_pay_step_on(placements: &[Placement], grade: &PayGrade, policy: &PayPolicy, as_of: Date) -> Option<Date> {
    let now = current(placements, as_of)?;
    if now.pay_step >= grade.steps() {
        return None;
    }
    let since = pay_step_since(placements, as_of)?;
    let hours = if now.pay_step <= 1 { policy.first_step_after_hours } else { policy.later_steps_every_hours };
    Some(since.add_days(policy.days_for_hours(hours)))
}

/// The first day of service: the hire date, else the first placement.
pub fn service_start(hire_date: Option<Date>, placements: &[Placement]) -> Option<Date> {
    hire_date.or_else(|| placements.iter().filter(|p| p.counts()).map(|p| p.effective).min())
}

/// Pay on a date, piece by piece: the base rate, longevity on top of it, and each
/// differential that applies (percentages are of the base rate; all rounded to the cent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pay {
    pub base: Cents,
    pub longevity: Cents,
    /// Index into the policy's differentials, and the amount it adds.
    pub differentials: Vec<(usize, Cents)>,
}

impl Pay {
    pub fn total(&self) -> Cents {
        self.base + self.longevity + self.differentials.iter().map(|(_, c)| *c).sum::<Cents>()
    }

    /// `base` with the policy's longevity for `years` of service and the differentials whose
    /// index `applies` says hold.
    pub fn of(base: Cents, policy: &PayPolicy, years: u32, applies: impl Fn(usize) -> bool) -> Pay {
        let longevity = base.percent(policy.longevity_after(years));
        let differentials = policy
            .differentials
            .iter()
            .enumerate()
            .filter(|(i, _)| applies(*i))
            .map(|(i, d)| {
                let add = match d.amount {
                    super::pay::Amount::Percent(bp) => base.percent(bp),
                    super::pay::Amount::PerHour(c) => c,
                };
                (i, add)
            })
            .collect();
        Pay { base, longevity, differentials }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attestation_kind_is_chosen_by_name_and_reads_back_as_it_was_stored() {
        for kind in ["lived_experience", "birth_supported", "language:spanish", "Bilingual certificate"] {
            assert_eq!(AttestationChoice::of(kind).kind(), kind);
        }
        assert_eq!(AttestationChoice::of("language:tagalog").language, "tagalog");
        assert_eq!(AttestationChoice::of("Bilingual certificate").choice, "other");
        assert_eq!(AttestationChoice::of("").kind(), LIVED_EXPERIENCE, "a new condition starts on a kind, never on a blank code");
        let typed = AttestationChoice { choice: "language".into(), language: " Tagalog ".into(), other: String::new() };
        assert_eq!(typed.kind(), "language:tagalog");
    }
    use crate::domain::ladders::money::Bp;
    use crate::domain::ladders::pay::{Amount, Differential, DifferentialWhen, Scale};
    use crate::domain::text::Bilingual;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn placed(id: &str, step: &str, pay_step: u32, on: &str) -> Placement {
        Placement { unconfirmed: None,
            id: id.into(), person_id: "p".into(), ladder_id: "peer".into(), step_id: step.into(), grade_id: format!("g-{step}"),
            pay_step, hourly: Cents(2000), effective: d(on), reason: PlacementReason::Hire, note: String::new(), plan_id: String::new(), removed: false,
        }
    }

    #[test]
    fn time_in_step_survives_pay_steps_and_restarts_on_promotion() {
        let history = vec![placed("a", "i", 1, "2024-01-15"), placed("b", "i", 2, "2024-07-15"), placed("c", "ii", 1, "2025-03-01")];
        assert_eq!(in_step_since(&history, d("2024-12-31")), Some(d("2024-01-15")));
        assert_eq!(pay_step_since(&history, d("2024-12-31")), Some(d("2024-07-15")));
        assert_eq!(in_step_since(&history, d("2025-03-01")), Some(d("2025-03-01")));
        assert_eq!(current(&history, d("2024-01-14")), None);
        let mut removed = history.clone();
        removed[2].removed = true;
        assert_eq!(current(&removed, d("2026-01-01")).unwrap().id, "b", "a removed placement is not in force");
    }

    #[test]
    fn whole_months_clamp_at_month_ends_and_leap_days() {
        assert_eq!(whole_months(d("2024-01-31"), d("2024-02-28")), 0);
        assert_eq!(whole_months(d("2024-01-31"), d("2024-02-29")), 1, "31 Jan + 1 month = 29 Feb in a leap year");
        assert_eq!(whole_months(d("2023-01-31"), d("2023-02-28")), 1);
        assert_eq!(whole_months(d("2024-02-29"), d("2025-02-28")), 12, "29 Feb + 12 months = 28 Feb");
        assert_eq!(whole_months(d("2025-03-15"), d("2025-03-14")), 0);
        assert_eq!(whole_months(d("2025-03-15"), d("2026-03-14")), 11);
        assert_eq!(whole_months(d("2025-03-15"), d("2026-03-15")), 12);
    }

    #[test]
    fn next_pay_step_after_1040_then_2080_hours_and_none_at_the_top() {
        let grade = PayGrade { id: "g-i".into(), name: Bilingual::new("I", "I"), scale: Scale::Percent { base: Cents(1792), step: Bp(500), steps: 3 }, source: Default::default(), example: false };
        let policy = PayPolicy::default();
        let first = vec![placed("a", "i", 1, "2025-01-01")];
        assert_eq!(next_pay_step_on(&first, &grade, &policy, d("2025-02-01")), Some(d("2025-07-02")), "182 days");
        let second = vec![placed("a", "i", 1, "2025-01-01"), placed("b", "i", 2, "2025-07-02")];
        assert_eq!(next_pay_step_on(&second, &grade, &policy, d("2025-08-01")), Some(d("2026-07-01")), "364 days");
        let top = vec![placed("a", "i", 3, "2025-01-01")];
        assert_eq!(next_pay_step_on(&top, &grade, &policy, d("2025-08-01")), None);
    }

    #[test]
    fn pay_adds_longevity_and_differentials_to_the_base() {
        let mut policy = PayPolicy::default();
        policy.differentials = vec![
            Differential { name: Bilingual::new("Bilingual", "Bilingüe"), when: DifferentialWhen::Attestation { kind: "language:spanish".into() }, amount: Amount::PerHour(Cents(100)) },
            Differential { name: Bilingual::new("Crisis", "Crisis"), when: DifferentialWhen::Requirement { requirement_id: "x".into() }, amount: Amount::Percent(Bp(250)) },
        ];
        let pay = Pay::of(Cents(2000), &policy, 6, |i| i == 0 || i == 1);
        assert_eq!(pay.longevity, Cents(20));
        assert_eq!(pay.differentials, vec![(0, Cents(100)), (1, Cents(50))]);
        assert_eq!(pay.total(), Cents(2170));
        assert_eq!(Pay::of(Cents(2000), &policy, 1, |_| false).total(), Cents(2000));
        assert_eq!(service_start(None, &[placed("a", "i", 1, "2024-01-15"), placed("b", "i", 2, "2023-05-01")]), Some(d("2023-05-01")));
    }
}
