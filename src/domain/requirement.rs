//! Requirements: what a person must hold or complete, as data.
//!
//! Two kinds cover the rules in `shared/reference/domain-facts.md`:
//! - a **credential**: hold a current completion of one of some trainings (a CPR card, an
//!   MHFA certification, the CalMHSA peer certificate itself), renewed in a chain, with
//!   prerequisites and ways to earn it the first time (pathways);
//! - **hours**: complete N hours of continuing education per cycle, with minimums per CE
//!   category (20 h per 2 years, 6 of them law & ethics).
//!
//! Editing a requirement never touches recorded completions: statuses are always computed.

use super::date::{Date, DateExt};
use super::hours::Hours;
use super::person::WorkerType;
use super::text::Bilingual;
use super::training::{merge_overrides, CeCategory, Origin, Source, Validity};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: String,
    pub name: Bilingual,
    /// The worker types it applies to; empty means everyone.
    #[serde(default)]
    pub worker_types: Vec<WorkerType>,
    pub rule: Rule,
    #[serde(default)]
    pub source: Source,
    #[serde(default, with = "super::date::iso_opt")]
    pub effective_from: Option<Date>,
    /// Not in use: statuses are no longer computed for it; kept so it can be used again.
    #[serde(default)]
    pub retired: bool,
    /// An employer's duty to its staff (training at hire), not a credential a person keeps:
    /// left out of a person's own record ("my own record" mode).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub employer_duty: bool,
    /// The rules in force before `rule`, oldest first: a date is judged by the rule of its
    /// time, so a change made today never rewrites a past status or a past report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<RuleVersion>,
}

/// A rule that was in force until a change replaced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleVersion {
    pub rule: Rule,
    /// The last day it was in force (the day before the next version's first).
    #[serde(with = "super::date::iso")]
    pub until: Date,
    /// Its source while it was in force.
    #[serde(default)]
    pub source: Source,
    /// Who made the change that ended it, and on which day they made it.
    pub changed_by: String,
    #[serde(with = "super::date::iso")]
    pub changed_on: Date,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Credential(CredentialRule),
    Hours(HoursRule),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CredentialRule {
    /// A completion of any of these trainings grants or renews the credential.
    pub granted_by: Vec<String>,
    /// The one training that renews it, when that is not the training the person holds:
    /// CalMHSA peers renew with the renewal application, never by passing the exam again.
    /// `None`: the training the person holds renews it (adult MHFA by adult MHFA, youth by
    /// youth), so a renewal is never assigned as a different course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed_by: Option<String>,
    /// `None`: each training's own validity rule.
    #[serde(default)]
    pub validity: Option<Validity>,
    #[serde(default)]
    pub renewal: RenewalPolicy,
    /// Requirement ids that must be held (current, due soon or waived) on a completion's date
    /// for that completion to count (CalMHSA: specializations only after the core).
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// Ways to earn it the first time, shown as progress while it is missing.
    #[serde(default)]
    pub pathways: Vec<Pathway>,
    /// Due within this many days of the hire date (HIPAA at hire); `None`: due at once.
    #[serde(default)]
    pub due_within_days_of_hire: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RenewalPolicy {
    /// A renewal completed before the credential lapses (plus grace) runs from the previous
    /// expiry date (CalMHSA, boards) instead of from its own completion date (AHA CPR).
    #[serde(default)]
    pub from_previous_expiry: bool,
    /// How many days before expiry renewal opens (CalMHSA: 90; unconfirmed older text: 60).
    #[serde(default)]
    pub window_days: u32,
    /// Days after expiry in which a renewal still continues the chain instead of restarting it.
    #[serde(default)]
    pub grace_days: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pathway {
    pub name: Bilingual,
    /// Every one of these trainings completed.
    #[serde(default)]
    pub trainings: Vec<String>,
    /// Work experience, e.g. more than 2,000 hours in the past 36 months.
    #[serde(default)]
    pub work_hours: Option<WorkHoursNeed>,
    /// Meeting this pathway without a granting completion makes the credential count as held
    /// for this many months, during which a granting completion is due (Medi-Cal CHW work
    /// experience pathway: certificate within 18 months; unconfirmed).
    #[serde(default)]
    pub provisional_months: Option<u32>,
    /// When those months start counting: the day the pathway was met, or the hire date. DHCS's
    /// text is cut off here, so this is a setting, flagged *Check locally*.
    #[serde(default, skip_serializing_if = "ProvisionalClock::is_default")]
    pub provisional_clock: ProvisionalClock,
    /// Years of experience within the last `within_years`, counted from the periods of work
    /// recorded (Medi-Cal doula experience pathway: 5 years within the previous 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceNeed>,
    /// Attestations on file, by kind (3 letters of recommendation; support at 3 births).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<AttestationNeed>,
    /// Meeting this pathway is itself the qualification: held, with no expiry, without a
    /// granting completion (the doula experience pathway).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub qualifies: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionalClock {
    #[default]
    PathwayMet,
    HireDate,
}

impl ProvisionalClock {
    pub const ALL: [ProvisionalClock; 2] = [ProvisionalClock::PathwayMet, ProvisionalClock::HireDate];

    fn is_default(&self) -> bool {
        *self == ProvisionalClock::PathwayMet
    }

    pub fn code(self) -> &'static str {
        match self {
            ProvisionalClock::PathwayMet => "pathway_met",
            ProvisionalClock::HireDate => "hire_date",
        }
    }

    pub fn from_code(code: &str) -> Option<ProvisionalClock> {
        ProvisionalClock::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExperienceNeed {
    pub years: u32,
    pub within_years: u32,
}

/// `count` attestations of `kind` (see `ladders::person`), dated within the last
/// `within_years` years when set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttestationNeed {
    pub kind: String,
    pub count: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_years: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHoursNeed {
    pub hours: Hours,
    pub within_months: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoursRule {
    pub hours: Hours,
    pub cycle: Cycle,
    #[serde(default)]
    pub minimums: Vec<CategoryMinimum>,
    /// Completions count when their CE category is one of these (empty: any CE category)…
    #[serde(default)]
    pub categories: Vec<CeCategory>,
    /// …or when they are of one of these trainings, whatever their category.
    #[serde(default)]
    pub trainings: Vec<String>,
    /// Every completed training counts, CE-tagged or not (DHCS: "additional training" for CHWs).
    #[serde(default)]
    pub any_training: bool,
    /// May two completions of the same training both count in one cycle? When not, the
    /// larger of them counts (Nebraska: "the same program can't count twice").
    #[serde(default)]
    pub same_training_counts_twice: bool,
    /// Support hours (reflective supervision, IPS co-reflection, debriefs): only the
    /// `trainings` listed count, never CE by category, so a supervisor sees who has gone a
    /// month or a quarter without support.
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub support: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryMinimum {
    pub category: CeCategory,
    pub hours: Hours,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cycle {
    /// Fixed calendar cycles of `months`, starting on the 1st of `start_month`; cycles
    /// longer than a year count from 2000 (24 months from January: 2026–2027, 2028–2029…).
    Calendar { months: u32, start_month: u32 },
    /// Cycles of `months` from the person's hire date.
    FromHire { months: u32 },
    /// The current validity period of another (credential) requirement: the CE to finish
    /// before renewing it. `months` is the fallback length when it never expires.
    Credential { requirement_id: String, months: u32 },
}

/// Hours worked in a period, for experience pathways.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHours {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    #[serde(with = "super::date::iso")]
    pub from: Date,
    #[serde(with = "super::date::iso")]
    pub to: Date,
    pub hours: Hours,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Removed periods stay stored (and can be brought back); they count toward nothing.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub removed: bool,
}

/// A requirement set aside for one person, with who decided and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    pub requirement_id: String,
    pub reason: String,
    pub waived_by: String,
    #[serde(with = "super::date::iso")]
    pub from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::date::iso_opt")]
    pub until: Option<Date>,
    /// Withdrawn: kept (and can be restored), but sets nothing aside.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub removed: bool,
}

impl Waiver {
    pub fn active_on(&self, date: Date) -> bool {
        !self.removed && self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}

impl Requirement {
    /// The rule in force on `day`.
    pub fn rule_on(&self, day: Date) -> &Rule {
        self.history.iter().find(|v| day <= v.until).map_or(&self.rule, |v| &v.rule)
    }

    /// The first day of the rule in force now (`None`: since the requirement began).
    pub fn rule_from(&self) -> Option<Date> {
        self.history.last().map(|v| v.until.add_days(1))
    }

    /// Replaces the rule from `from` on. Every day before `from` keeps the rule it had: the
    /// rule in force on the eve becomes a version ending that day, and versions that would
    /// have started on or after `from` are superseded. An unchanged rule changes nothing.
    pub fn change_rule(&mut self, rule: Rule, source: Source, from: Date, changed_by: &str, today: Date) {
        let eve = from.add_days(-1);
        if *self.rule_on(from) == rule && self.rule == rule {
            self.source = source;
            return;
        }
        let kept_source = self.history.iter().find(|v| eve <= v.until).map_or_else(|| self.source.clone(), |v| v.source.clone());
        let kept_rule = self.rule_on(eve).clone();
        self.history.retain(|v| v.until < eve);
        // The requirement had not begun on the eve: there is no earlier rule to keep.
        if self.effective_from.is_none_or(|start| start <= eve) {
            self.history.push(RuleVersion { rule: kept_rule, until: eve, source: kept_source, changed_by: changed_by.to_owned(), changed_on: today });
        }
        self.rule = rule;
        self.source = source;
    }

    pub fn applies_to(&self, worker_type: WorkerType) -> bool {
        self.worker_types.is_empty() || self.worker_types.contains(&worker_type)
    }

    /// Does any way to meet it count hours or years worked (so work periods are worth recording)?
    pub fn uses_work_hours(&self) -> bool {
        std::iter::once(&self.rule)
            .chain(self.history.iter().map(|v| &v.rule))
            .any(|r| matches!(r, Rule::Credential(c) if c.pathways.iter().any(|p| p.work_hours.is_some() || p.experience.is_some())))
    }

    pub fn is_preset_id(id: &str) -> bool {
        id.starts_with(PRESET_PREFIX)
    }
}

pub const PRESET_PREFIX: &str = "preset.";

/// One requirement as the organization sees it, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct RequirementEntry {
    pub requirement: Requirement,
    pub origin: Origin,
}

/// The presets merged with what the organization stored (`training::merge_overrides`): an
/// edit overrides its preset, dropping it restores the preset, others are the organization's own.
///
/// An edit of a preset stored before credentials named their renewing training (`renewed_by`,
/// issue #20) takes the preset's, in every version of its rule that still lists that training:
/// otherwise a peer certified by the exam would be assigned the exam again.
pub fn effective_requirements(presets: &[Requirement], stored: &[Requirement]) -> Vec<RequirementEntry> {
    let filled: Vec<Requirement> = stored
        .iter()
        .map(|r| {
            let named = presets.iter().find(|p| p.id == r.id).and_then(|p| match &p.rule {
                Rule::Credential(c) => c.renewed_by.clone(),
                Rule::Hours(_) => None,
            });
            let Some(named) = named else { return r.clone() };
            let mut r = r.clone();
            let fill = |rule: &mut Rule| {
                if let Rule::Credential(c) = rule {
                    if c.renewed_by.is_none() && c.granted_by.contains(&named) {
                        c.renewed_by = Some(named.clone());
                    }
                }
            };
            fill(&mut r.rule);
            r.history.iter_mut().for_each(|v| fill(&mut v.rule));
            r
        })
        .collect();
    merge_overrides(presets, &filled, |r| &r.id).into_iter().map(|(requirement, origin)| RequirementEntry { requirement, origin }).collect()
}

/// The requirements statuses are computed for: every entry not retired, and in a person's own
/// record (`personal`) none of an employer's duties.
pub fn in_use(entries: &[RequirementEntry], personal: bool) -> Vec<Requirement> {
    entries.iter().filter(|e| !e.requirement.retired && !(personal && e.requirement.employer_duty)).map(|e| e.requirement.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;
    use crate::domain::presets::presets;

    #[test]
    fn an_edit_of_a_preset_stored_before_renewed_by_takes_the_presets_renewing_training() {
        let all = presets();
        let mut old = all.iter().find(|r| r.id == "preset.peer_certification").unwrap().clone();
        let Rule::Credential(c) = &mut old.rule else { unreachable!() };
        c.renewed_by = None;
        c.renewal.window_days = 60;
        let text = serde_json::to_string(&old).unwrap();
        assert!(!text.contains("renewed_by"), "stored as before the field existed");
        let stored: Requirement = serde_json::from_str(&text).unwrap();
        let merged = effective_requirements(&all, &[stored]);
        let peer = merged.iter().find(|e| e.requirement.id == "preset.peer_certification").unwrap();
        let Rule::Credential(c) = &peer.requirement.rule else { unreachable!() };
        assert_eq!((c.renewed_by.as_deref(), c.renewal.window_days, peer.origin), (Some("builtin.peer_renewal"), 60, Origin::Customised));
    }

    #[test]
    fn stored_records_override_presets_and_add_own_ones() {
        let all = presets();
        let mut edited = all[0].clone();
        edited.retired = true;
        let own = Requirement { id: "r1".into(), name: Bilingual::new("Ours", "Nuestra"), ..all[1].clone() };
        let entries = effective_requirements(&all, &[own.clone(), edited.clone()]);
        assert_eq!(entries.len(), all.len() + 1);
        assert_eq!(entries[0], RequirementEntry { requirement: edited, origin: Origin::Customised });
        assert_eq!(entries[1].origin, Origin::BuiltIn);
        assert_eq!(entries.last().unwrap(), &RequirementEntry { requirement: own, origin: Origin::Own });
        let same = effective_requirements(&all, &[all[2].clone()]);
        assert_eq!(same[2].origin, Origin::BuiltIn);
        let used = in_use(&entries, false);
        // A person's own record leaves an employer's duties (HIPAA at hire) out.
        let own_record = in_use(&entries, true);
        assert_eq!(own_record.len(), used.len() - 1);
        assert!(own_record.iter().all(|r| r.id != "preset.hipaa_at_hire") && used.iter().any(|r| r.id == "preset.hipaa_at_hire"));
        // Specializations are presets not in use until turned on; the retired edit is left out, own one added.
        let preset_in_use = all.iter().filter(|r| !r.retired).count();
        assert_eq!(all.iter().filter(|r| r.retired && r.id.starts_with("preset.peer_spec_")).count(), 4);
        assert_eq!(used.len(), preset_in_use - 1 + 1);
        assert!(used.iter().all(|r| r.id != all[0].id));
        assert!(Requirement::is_preset_id(&all[3].id) && !Requirement::is_preset_id("r1"));
        let uses: Vec<&str> = all.iter().filter(|r| r.uses_work_hours()).map(|r| r.id.as_str()).collect();
        // The CHW experience pathway counts hours worked; the doula one, years worked.
        assert_eq!(uses, vec!["preset.chw_qualification", "preset.doula_training"]);
    }

    #[test]
    fn old_records_without_new_fields_still_load() {
        let w: Waiver = serde_json::from_str(
            r#"{"id":"w","person_id":"p","requirement_id":"r","reason":"x","waived_by":"y","from":"2026-01-01"}"#,
        )
        .unwrap();
        assert!(!w.removed && w.active_on(Date::parse_iso("2026-02-01").unwrap()));
        let gone = Waiver { removed: true, ..w };
        assert!(!gone.active_on(Date::parse_iso("2026-02-01").unwrap()));
    }
}
