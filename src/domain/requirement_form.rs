//! Drafts and validation for the compliance forms: work hours, waivers, and editing a
//! requirement. Same contract as `form.rs`: strings in, a record or every problem out.

use super::date::{Date, DateExt};
use super::form::{Errors, Field, Problem, LONG, SHORT};
use super::hours::Hours;
use super::person::WorkerType;
use super::ladders::person::{BIRTH_SUPPORTED, RECOMMENDATION_LETTER};
use super::requirement::{
    AttestationNeed, CategoryMinimum, CredentialRule, Cycle, ExperienceNeed, HoursRule, Pathway, ProvisionalClock, RenewalPolicy, Requirement, Rule,
    Waiver, WorkHours, WorkHoursNeed,
};
use super::text::Bilingual;
use super::training::{CeCategory, Source};

/// More than a full-time year can hold is a typing mistake (2,080 h is full time).
pub const MAX_WORK_HOURS_PER_PERIOD: Hours = Hours::whole(10_000);

impl Errors {
    /// A date field: `None` when empty (and `Required` if it must be given) or invalid.
    pub(crate) fn date(&mut self, field: Field, value: &str, required: bool) -> Option<Date> {
        match value.trim() {
            "" => {
                if required {
                    self.add(field, Problem::Required);
                }
                None
            }
            text => {
                let parsed = Date::parse_iso(text);
                if parsed.is_none() {
                    self.add(field, Problem::InvalidDate);
                }
                parsed
            }
        }
    }

    /// A period: both dates valid, the end not before the start, and nothing in the future.
    fn period(&mut self, from: &str, to: &str, to_required: bool, today: Option<Date>) -> (Option<Date>, Option<Date>) {
        let start = self.date(Field::From, from, true);
        let end = self.date(Field::To, to, to_required);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.add(Field::To, Problem::EndBeforeStart);
            }
        }
        if let Some(today) = today {
            if end.is_some_and(|e| e > today) {
                self.add(Field::To, Problem::DateInFuture);
            }
        }
        (start, end)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkHoursDraft {
    pub from: String,
    pub to: String,
    pub hours: String,
    pub notes: String,
}

impl WorkHoursDraft {
    /// Hours are recorded once worked: the period cannot end after `today`.
    pub fn to_work_hours(&self, id: &str, person_id: &str, today: Date) -> Result<WorkHours, Errors> {
        let mut e = Errors::default();
        let (from, to) = e.period(&self.from, &self.to, true, Some(today));
        let hours = match Hours::parse(&self.hours) {
            _ if self.hours.trim().is_empty() => {
                e.add(Field::Hours, Problem::Required);
                Hours::ZERO
            }
            None => {
                e.add(Field::Hours, Problem::InvalidHours);
                Hours::ZERO
            }
            Some(h) if h == Hours::ZERO || h > MAX_WORK_HOURS_PER_PERIOD => {
                e.add(Field::Hours, Problem::WorkHoursOutOfRange);
                h
            }
            Some(h) => h,
        };
        let notes = e.text(Field::Notes, &self.notes, false, LONG);
        let (Some(from), Some(to)) = (from, to) else { return Err(e) };
        e.result(WorkHours { id: id.into(), person_id: person_id.into(), from, to, hours, notes, removed: false })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WaiverDraft {
    pub requirement_id: String,
    pub reason: String,
    pub waived_by: String,
    pub from: String,
    /// Empty: until withdrawn.
    pub until: String,
}

impl WaiverDraft {
    pub fn to_waiver(&self, id: &str, person_id: &str) -> Result<Waiver, Errors> {
        let mut e = Errors::default();
        let requirement_id = e.text(Field::Requirement, &self.requirement_id, true, SHORT);
        let reason = e.text(Field::Reason, &self.reason, true, LONG);
        let waived_by = e.text(Field::WaivedBy, &self.waived_by, true, SHORT);
        let (from, until) = e.period(&self.from, &self.until, false, None);
        let Some(from) = from else { return Err(e) };
        e.result(Waiver { id: id.into(), person_id: person_id.into(), requirement_id, reason, waived_by, from, until, removed: false })
    }
}

/// Which kind of cycle an hours rule counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CycleKind {
    #[default]
    Calendar,
    FromHire,
    Credential,
}

impl CycleKind {
    pub const ALL: [CycleKind; 3] = [CycleKind::Calendar, CycleKind::FromHire, CycleKind::Credential];

    pub fn code(self) -> &'static str {
        match self {
            CycleKind::Calendar => "calendar",
            CycleKind::FromHire => "from_hire",
            CycleKind::Credential => "credential",
        }
    }

    pub fn from_code(code: &str) -> Option<CycleKind> {
        CycleKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the requirement form edits. Pathways, prerequisites and a credential's own validity
/// override are kept from the record being edited (validity is edited on the training type).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequirementDraft {
    pub is_hours: bool,
    pub name_en: String,
    pub name_es: String,
    pub worker_types: Vec<WorkerType>,
    pub in_use: bool,
    pub effective_from: String,
    /// When the rule of an existing requirement changes: the first day the new rule applies
    /// (days before keep the old one) and who made the change.
    pub change_from: String,
    pub changed_by: String,
    pub source_title: String,
    pub source_url: String,
    // A credential.
    pub granted_by: Vec<String>,
    /// The training that renews it; empty: the training the person holds.
    pub renewed_by: String,
    pub from_previous_expiry: bool,
    pub window_days: String,
    pub grace_days: String,
    /// Empty: due at once.
    pub due_within_days: String,
    // Hours.
    pub hours: String,
    pub cycle: CycleKind,
    pub cycle_months: String,
    pub start_month: String,
    pub cycle_requirement: String,
    /// Hours per CE category; an empty string is no minimum.
    pub minimums: Vec<(CeCategory, String)>,
    pub categories: Vec<CeCategory>,
    pub any_training: bool,
    pub same_training_counts_twice: bool,
    /// Support hours: only `trainings` count (`HoursRule::support`).
    pub support: bool,
    /// The trainings whose hours count whatever their category.
    pub trainings: Vec<String>,
    // A credential's prerequisites (requirement ids) and pathways.
    pub prerequisites: Vec<String>,
    pub pathways: Vec<PathwayDraft>,
}

/// What meeting a pathway does when no granting training is recorded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WhenMet {
    /// Only shows the progress toward the credential (a granting training is still needed).
    #[default]
    Progress,
    /// The pathway is the qualification itself.
    Qualifies,
    /// Qualified for some months, with a granting training due by then.
    Provisional,
}

impl WhenMet {
    pub const ALL: [WhenMet; 3] = [WhenMet::Progress, WhenMet::Qualifies, WhenMet::Provisional];

    pub fn code(self) -> &'static str {
        match self {
            WhenMet::Progress => "progress",
            WhenMet::Qualifies => "qualifies",
            WhenMet::Provisional => "provisional",
        }
    }

    pub fn from_code(code: &str) -> Option<WhenMet> {
        WhenMet::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// One way to earn a credential, as typed: empty number fields mean "not asked".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathwayDraft {
    pub name_en: String,
    pub name_es: String,
    pub trainings: Vec<String>,
    /// More than this many hours worked…
    pub work_hours: String,
    /// …within this many months.
    pub work_months: String,
    /// Years of experience…
    pub experience_years: String,
    /// …within this many years.
    pub experience_within: String,
    /// Letters of recommendation or client testimonials…
    pub letters: String,
    /// …written within this many years (empty: any time).
    pub letters_within: String,
    /// Births supported, attested.
    pub births: String,
    pub when_met: WhenMet,
    pub provisional_months: String,
    pub clock: ProvisionalClock,
    /// Evidence of kinds this editor does not show, kept as it was.
    pub other_attestations: Vec<AttestationNeed>,
}

impl PathwayDraft {
    pub fn from_pathway(p: &Pathway, decimal: char) -> PathwayDraft {
        let need = |kind: &str| p.attestations.iter().find(|a| a.kind == kind);
        let letters = need(RECOMMENDATION_LETTER);
        PathwayDraft {
            name_en: p.name.en.clone(),
            name_es: p.name.es.clone(),
            trainings: p.trainings.clone(),
            work_hours: p.work_hours.map(|w| w.hours.format_with(decimal)).unwrap_or_default(),
            work_months: p.work_hours.map(|w| w.within_months.to_string()).unwrap_or_default(),
            experience_years: p.experience.map(|x| x.years.to_string()).unwrap_or_default(),
            experience_within: p.experience.map(|x| x.within_years.to_string()).unwrap_or_default(),
            letters: letters.map(|a| a.count.to_string()).unwrap_or_default(),
            letters_within: letters.and_then(|a| a.within_years).map(|y| y.to_string()).unwrap_or_default(),
            births: need(BIRTH_SUPPORTED).map(|a| a.count.to_string()).unwrap_or_default(),
            when_met: match (p.qualifies, p.provisional_months) {
                (true, _) => WhenMet::Qualifies,
                (false, Some(_)) => WhenMet::Provisional,
                (false, None) => WhenMet::Progress,
            },
            provisional_months: p.provisional_months.map(|m| m.to_string()).unwrap_or_default(),
            clock: p.provisional_clock,
            other_attestations: p.attestations.iter().filter(|a| a.kind != RECOMMENDATION_LETTER && a.kind != BIRTH_SUPPORTED).cloned().collect(),
        }
    }

    fn to_pathway(&self, i: u8, e: &mut Errors) -> Pathway {
        let name_en = e.text(Field::PathwayNameEn(i), &self.name_en, true, SHORT);
        let name_es = e.text(Field::PathwayNameEs(i), &self.name_es, true, SHORT);
        // A pair of fields: both empty is "not asked"; one of them alone is a missing value.
        let pair = |a: &str, b: &str| !(a.trim().is_empty() && b.trim().is_empty());
        let work_hours = pair(&self.work_hours, &self.work_months).then(|| WorkHoursNeed {
            // A threshold in whole hours, typed with or without digit grouping ("2,000", "2.000").
            hours: Hours::whole(e.number(Field::PathwayWorkHours(i), &self.work_hours.replace([',', '.', ' ', '\u{a0}'], ""), 1, 100_000)),
            within_months: e.number(Field::PathwayWorkMonths(i), &self.work_months, 1, 240),
        });
        let experience = pair(&self.experience_years, &self.experience_within).then(|| {
            let years = e.number(Field::PathwayYears(i), &self.experience_years, 1, 50);
            let within_years = e.number(Field::PathwayWithinYears(i), &self.experience_within, 1, 60);
            if within_years < years && e.get(Field::PathwayWithinYears(i)).is_none() {
                e.add(Field::PathwayWithinYears(i), Problem::NumberOutOfRange { min: years, max: 60 });
            }
            ExperienceNeed { years, within_years }
        });
        let mut attestations = Vec::new();
        if pair(&self.letters, &self.letters_within) {
            let count = e.number(Field::PathwayLetters(i), &self.letters, 1, 20);
            let within_years = (!self.letters_within.trim().is_empty()).then(|| e.number(Field::PathwayLettersWithin(i), &self.letters_within, 1, 60));
            attestations.push(AttestationNeed { kind: RECOMMENDATION_LETTER.into(), count, within_years });
        }
        if !self.births.trim().is_empty() {
            attestations.push(AttestationNeed { kind: BIRTH_SUPPORTED.into(), count: e.number(Field::PathwayBirths(i), &self.births, 1, 100), within_years: None });
        }
        attestations.extend(self.other_attestations.iter().cloned());
        let provisional_months = (self.when_met == WhenMet::Provisional).then(|| e.number(Field::PathwayMonths(i), &self.provisional_months, 1, 120));
        if self.trainings.is_empty() && work_hours.is_none() && experience.is_none() && attestations.is_empty() {
            e.add(Field::PathwayEmpty(i), Problem::EmptyPathway);
        }
        Pathway {
            name: Bilingual { en: name_en, es: name_es },
            trainings: self.trainings.clone(),
            work_hours,
            provisional_months,
            provisional_clock: if provisional_months.is_some() { self.clock } else { ProvisionalClock::default() },
            experience,
            attestations,
            qualifies: self.when_met == WhenMet::Qualifies,
        }
    }
}

impl RequirementDraft {
    /// A blank draft of either kind, with the usual defaults (12-month calendar cycle).
    pub fn new(is_hours: bool) -> RequirementDraft {
        RequirementDraft {
            is_hours,
            in_use: true,
            window_days: "90".into(),
            grace_days: "0".into(),
            cycle_months: "12".into(),
            start_month: "1".into(),
            minimums: CeCategory::ALL.iter().map(|k| (*k, String::new())).collect(),
            same_training_counts_twice: true,
            ..RequirementDraft::default()
        }
    }

    pub fn from_requirement(r: &Requirement, decimal: char) -> RequirementDraft {
        let mut d = RequirementDraft {
            name_en: r.name.en.clone(),
            name_es: r.name.es.clone(),
            worker_types: r.worker_types.clone(),
            in_use: !r.retired,
            effective_from: r.effective_from.map(Date::to_iso).unwrap_or_default(),
            source_title: r.source.title.clone(),
            source_url: r.source.url.clone(),
            ..RequirementDraft::new(matches!(r.rule, Rule::Hours(_)))
        };
        match &r.rule {
            Rule::Credential(c) => {
                d.granted_by = c.granted_by.clone();
                d.renewed_by = c.renewed_by.clone().unwrap_or_default();
                d.from_previous_expiry = c.renewal.from_previous_expiry;
                d.window_days = c.renewal.window_days.to_string();
                d.grace_days = c.renewal.grace_days.to_string();
                d.due_within_days = c.due_within_days_of_hire.map(|n| n.to_string()).unwrap_or_default();
                d.prerequisites = c.prerequisites.clone();
                d.pathways = c.pathways.iter().map(|p| PathwayDraft::from_pathway(p, decimal)).collect();
            }
            Rule::Hours(h) => {
                d.hours = h.hours.format_with(decimal);
                match &h.cycle {
                    Cycle::Calendar { months, start_month } => {
                        d.cycle_months = months.to_string();
                        d.start_month = start_month.to_string();
                    }
                    Cycle::FromHire { months } => {
                        d.cycle = CycleKind::FromHire;
                        d.cycle_months = months.to_string();
                    }
                    Cycle::Credential { requirement_id, months } => {
                        d.cycle = CycleKind::Credential;
                        d.cycle_months = months.to_string();
                        d.cycle_requirement = requirement_id.clone();
                    }
                }
                for m in &h.minimums {
                    if let Some(slot) = d.minimums.iter_mut().find(|(k, _)| *k == m.category) {
                        slot.1 = m.hours.format_with(decimal);
                    }
                }
                d.categories = h.categories.clone();
                d.any_training = h.any_training;
                d.same_training_counts_twice = h.same_training_counts_twice;
                d.support = h.support;
                d.trainings = h.trainings.clone();
            }
        }
        d
    }

    /// `base` is the record being edited (its pathways, prerequisites and validity are kept).
    /// A changed rule of an existing requirement becomes a new version from `change_from`;
    /// the rule before stays in its history (`Requirement::change_rule`).
    pub fn to_requirement(&self, id: &str, base: Option<&Requirement>, today: Date) -> Result<Requirement, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, true, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, true, SHORT);
        let effective_from = e.date(Field::EffectiveFrom, &self.effective_from, false);
        let source_title = e.text(Field::SourceTitle, &self.source_title, false, LONG);
        let source_url = e.text(Field::SourceUrl, &self.source_url, false, 2_000);
        if !source_url.is_empty() && !(source_url.starts_with("https://") || source_url.starts_with("http://")) {
            e.add(Field::SourceUrl, Problem::InvalidUrl);
        }
        let verify = base.is_some_and(|b| b.source.verify && b.source.url == source_url && b.source.title == source_title);
        let rule = if self.is_hours {
            let hours = e.hours(Field::Hours, &self.hours);
            let months = e.number(Field::CycleMonths, &self.cycle_months, 1, 120);
            let cycle = match self.cycle {
                CycleKind::Calendar => Cycle::Calendar { months, start_month: e.number(Field::StartMonth, &self.start_month, 1, 12) },
                CycleKind::FromHire => Cycle::FromHire { months },
                CycleKind::Credential => {
                    let requirement_id = e.text(Field::Requirement, &self.cycle_requirement, true, SHORT);
                    Cycle::Credential { requirement_id, months }
                }
            };
            let mut minimums = Vec::new();
            for (category, text) in &self.minimums {
                if text.trim().is_empty() {
                    continue;
                }
                let min = e.hours(Field::Minimum, text);
                minimums.push(CategoryMinimum { category: *category, hours: min });
            }
            if e.get(Field::Minimum).is_none() && e.get(Field::Hours).is_none() && minimums.iter().map(|m| m.hours).sum::<Hours>() > hours {
                e.add(Field::Minimum, Problem::MinimumsAboveTotal);
            }
            if self.support && self.trainings.is_empty() {
                e.add(Field::Training, Problem::Required);
            }
            Rule::Hours(HoursRule {
                support: self.support,
                hours,
                cycle,
                minimums,
                categories: self.categories.clone(),
                trainings: self.trainings.clone(),
                any_training: self.any_training,
                same_training_counts_twice: self.same_training_counts_twice,
            })
        } else {
            if self.granted_by.is_empty() {
                e.add(Field::Training, Problem::Required);
            }
            // A renewal by a training that does not grant the credential would never renew it.
            let renewed_by = Some(self.renewed_by.trim()).filter(|t| !t.is_empty()).map(str::to_owned);
            if renewed_by.as_ref().is_some_and(|t| !self.granted_by.contains(t)) {
                e.add(Field::RenewedBy, Problem::UnknownValue);
            }
            let window_days = e.number(Field::WindowDays, &self.window_days, 0, 730);
            let grace_days = e.number(Field::GraceDays, &self.grace_days, 0, 730);
            let due_within_days_of_hire = match self.due_within_days.trim() {
                "" => None,
                text => Some(e.number(Field::DueWithinDays, text, 1, 3_650)),
            };
            let base_rule = base.and_then(|b| match &b.rule {
                Rule::Credential(c) => Some(c),
                Rule::Hours(_) => None,
            });
            Rule::Credential(CredentialRule {
                granted_by: self.granted_by.clone(),
                renewed_by,
                validity: base_rule.and_then(|c| c.validity),
                renewal: RenewalPolicy { from_previous_expiry: self.from_previous_expiry, window_days, grace_days },
                prerequisites: self.prerequisites.iter().filter(|p| p.as_str() != id).cloned().collect(),
                pathways: self.pathways.iter().enumerate().map(|(i, p)| p.to_pathway(i.min(255) as u8, &mut e)).collect(),
                due_within_days_of_hire,
            })
        };
        let source = Source::edited(source_title, source_url, verify, base.map(|b| &b.source));
        let mut out = Requirement {
            id: id.into(),
            name: Bilingual { en: name_en, es: name_es },
            worker_types: self.worker_types.clone(),
            rule: rule.clone(),
            source: source.clone(),
            effective_from,
            retired: !self.in_use,
            employer_duty: base.is_some_and(|b| b.employer_duty),
            history: base.map(|b| b.history.clone()).unwrap_or_default(),
        };
        if let Some(before) = base.filter(|b| b.rule != rule) {
            out.rule = before.rule.clone();
            out.source = before.source.clone();
            let from = e.date(Field::ChangeFrom, &self.change_from, true);
            let by = e.text(Field::ChangedBy, &self.changed_by, true, SHORT);
            if let Some(from) = from {
                out.change_rule(rule, source, from, &by, today);
            }
        }
        e.result(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::presets::presets;

    fn today() -> Date {
        Date::parse_iso("2026-11-24").unwrap()
    }

    #[test]
    fn work_hours_need_a_real_past_period_and_plausible_hours() {
        let ok = WorkHoursDraft { from: "2025-01-01".into(), to: "2025-12-31".into(), hours: "1.040,5".replace('.', ""), notes: String::new() };
        let w = ok.to_work_hours("w1", "p1", today()).unwrap();
        assert_eq!((w.hours, w.person_id.as_str(), w.removed), (Hours::from_hundredths(104_050), "p1", false));

        let backwards = WorkHoursDraft { to: "2024-12-31".into(), ..ok.clone() };
        assert_eq!(backwards.to_work_hours("w", "p", today()).unwrap_err().get(Field::To), Some(Problem::EndBeforeStart));
        let future = WorkHoursDraft { to: "2027-01-01".into(), ..ok.clone() };
        assert_eq!(future.to_work_hours("w", "p", today()).unwrap_err().get(Field::To), Some(Problem::DateInFuture));
        for (hours, problem) in [("", Problem::Required), ("lots", Problem::InvalidHours), ("0", Problem::WorkHoursOutOfRange), ("10000,01", Problem::WorkHoursOutOfRange)] {
            let bad = WorkHoursDraft { hours: hours.into(), ..ok.clone() };
            assert_eq!(bad.to_work_hours("w", "p", today()).unwrap_err().get(Field::Hours), Some(problem), "{hours}");
        }
        let blank = WorkHoursDraft::default().to_work_hours("w", "p", today()).unwrap_err();
        assert_eq!((blank.get(Field::From), blank.get(Field::To)), (Some(Problem::Required), Some(Problem::Required)));
    }

    #[test]
    fn a_waiver_needs_a_reason_an_author_and_a_start() {
        let ok = WaiverDraft {
            requirement_id: "preset.cpr".into(),
            reason: " Medical leave ".into(),
            waived_by: "Ana Ruiz, HR".into(),
            from: "2026-01-01".into(),
            until: String::new(),
        };
        let w = ok.to_waiver("w1", "p1").unwrap();
        assert_eq!((w.reason.as_str(), w.until), ("Medical leave", None));
        let errors = WaiverDraft { reason: " ".into(), waived_by: String::new(), until: "2025-12-31".into(), ..ok }.to_waiver("w", "p").unwrap_err();
        assert_eq!(errors.get(Field::Reason), Some(Problem::Required));
        assert_eq!(errors.get(Field::WaivedBy), Some(Problem::Required));
        assert_eq!(errors.get(Field::To), Some(Problem::EndBeforeStart));
    }

    #[test]
    fn every_preset_round_trips_through_the_form() {
        for r in presets() {
            let back = RequirementDraft::from_requirement(&r, ',').to_requirement(&r.id, Some(&r), today()).unwrap();
            assert_eq!(back, r, "{}", r.id);
        }
    }

    #[test]
    fn an_edited_preset_keeps_what_the_form_does_not_show() {
        let peer = presets().into_iter().find(|r| r.id == "preset.peer_certification").unwrap();
        let mut d = RequirementDraft::from_requirement(&peer, '.');
        d.window_days = "60".into();
        d.source_url = "https://example.org/new".into();
        d.in_use = false;
        d.change_from = "2027-01-01".into();
        d.changed_by = "Ana Ruiz, HR".into();
        let edited = d.to_requirement(&peer.id, Some(&peer), today()).unwrap();
        let (Rule::Credential(before), Rule::Credential(after)) = (&peer.rule, &edited.rule) else { panic!() };
        assert_eq!(after.renewal.window_days, 60);
        assert_eq!((&after.pathways, &after.prerequisites, after.validity), (&before.pathways, &before.prerequisites, before.validity));
        assert!(edited.retired);
        // A new source has not been verified by anyone yet, but it is no longer the unconfirmed one.
        assert!(!edited.source.verify);
        // The old rule judges every day before the change, with its own source.
        assert_eq!(edited.history.len(), 1);
        let old = &edited.history[0];
        assert_eq!((&old.rule, old.until, old.changed_by.as_str(), old.changed_on), (&peer.rule, Date::parse_iso("2026-12-31").unwrap(), "Ana Ruiz, HR", today()));
        assert_eq!(old.source, peer.source);
        assert_eq!(edited.rule_on(Date::parse_iso("2026-12-31").unwrap()), &peer.rule);
        assert_eq!(edited.rule_on(Date::parse_iso("2027-01-01").unwrap()), &edited.rule);
        assert_eq!(edited.rule_from(), Date::parse_iso("2027-01-01"));
    }

    #[test]
    fn a_changed_rule_asks_from_when_and_by_whom() {
        let peer = presets().into_iter().find(|r| r.id == "preset.peer_certification").unwrap();
        let mut d = RequirementDraft::from_requirement(&peer, '.');
        d.window_days = "60".into();
        let e = d.to_requirement(&peer.id, Some(&peer), today()).unwrap_err();
        assert_eq!((e.get(Field::ChangeFrom), e.get(Field::ChangedBy)), (Some(Problem::Required), Some(Problem::Required)));
        // Only the name changed: no version, nothing asked.
        let mut n = RequirementDraft::from_requirement(&peer, '.');
        n.name_en = "Peer certification".into();
        let renamed = n.to_requirement(&peer.id, Some(&peer), today()).unwrap();
        assert!(renamed.history.is_empty());
    }

    #[test]
    fn bad_rules_get_a_message_per_field() {
        let mut d = RequirementDraft::new(true);
        d.name_en = "Annual CE".into();
        d.hours = "6".into();
        d.cycle_months = "0".into();
        d.start_month = "13".into();
        d.minimums[0].1 = "7".into();
        let e = d.to_requirement("r", None, today()).unwrap_err();
        assert_eq!(e.get(Field::NameEs), Some(Problem::Required));
        assert_eq!(e.get(Field::CycleMonths), Some(Problem::NumberOutOfRange { min: 1, max: 120 }));
        assert_eq!(e.get(Field::StartMonth), Some(Problem::NumberOutOfRange { min: 1, max: 12 }));
        assert_eq!(e.get(Field::Minimum), Some(Problem::MinimumsAboveTotal));

        let mut c = RequirementDraft::new(false);
        c.name_en = "Badge".into();
        c.name_es = "Credencial".into();
        c.due_within_days = "0".into();
        let e = c.to_requirement("r", None, today()).unwrap_err();
        assert_eq!(e.get(Field::Training), Some(Problem::Required));
        assert_eq!(e.get(Field::DueWithinDays), Some(Problem::NumberOutOfRange { min: 1, max: 3_650 }));
        c.granted_by = vec!["builtin.hipaa".into()];
        c.due_within_days = "30".into();
        let r = c.to_requirement("r", None, today()).unwrap();
        assert!(matches!(r.rule, Rule::Credential(CredentialRule { due_within_days_of_hire: Some(30), .. })));
    }

    #[test]
    fn pathways_and_prerequisites_are_edited_in_the_form() {
        let doula = presets().into_iter().find(|r| r.id == "preset.doula_training").unwrap();
        let mut d = RequirementDraft::from_requirement(&doula, '.');
        assert_eq!(d.pathways.len(), 2);
        assert_eq!((d.pathways[1].experience_years.as_str(), d.pathways[1].experience_within.as_str()), ("5", "7"));
        assert_eq!((d.pathways[1].letters.as_str(), d.pathways[1].letters_within.as_str(), d.pathways[1].when_met), ("3", "7", WhenMet::Qualifies));
        assert_eq!(d.pathways[0].births, "3");
        // Four letters instead of three, and HIPAA first.
        d.pathways[1].letters = "4".into();
        d.prerequisites = vec!["preset.hipaa_at_hire".into(), doula.id.clone()];
        d.change_from = "2027-01-01".into();
        d.changed_by = "Ana Ruiz, HR".into();
        let edited = d.to_requirement(&doula.id, Some(&doula), today()).unwrap();
        let Rule::Credential(c) = &edited.rule else { panic!() };
        assert_eq!(c.pathways[1].attestations, vec![AttestationNeed { kind: RECOMMENDATION_LETTER.into(), count: 4, within_years: Some(7) }]);
        assert_eq!(c.prerequisites, vec!["preset.hipaa_at_hire".to_owned()], "never itself");
        assert_eq!(edited.history.len(), 1, "a changed pathway is a changed rule");

        // A new provisional pathway: its months and clock; empty or half-filled fields are refused.
        let mut chw = RequirementDraft::from_requirement(&presets().into_iter().find(|r| r.id == "preset.chw_qualification").unwrap(), '.');
        assert_eq!((chw.pathways[1].work_hours.as_str(), chw.pathways[1].when_met, chw.pathways[1].clock), ("2000", WhenMet::Provisional, ProvisionalClock::PathwayMet));
        chw.pathways[1].clock = ProvisionalClock::HireDate;
        chw.pathways[1].work_hours = "2.000".into();
        chw.pathways.push(PathwayDraft { name_en: "Nothing".into(), name_es: "Nada".into(), ..PathwayDraft::default() });
        chw.pathways.push(PathwayDraft {
            name_en: "Half".into(), experience_years: "5".into(), experience_within: "3".into(), letters_within: "7".into(),
            when_met: WhenMet::Provisional, ..PathwayDraft::default()
        });
        let e = chw.to_requirement("r", None, today()).unwrap_err();
        assert_eq!(e.get(Field::PathwayEmpty(2)), Some(Problem::EmptyPathway));
        assert_eq!(e.get(Field::PathwayNameEs(3)), Some(Problem::Required));
        assert_eq!(e.get(Field::PathwayWithinYears(3)), Some(Problem::NumberOutOfRange { min: 5, max: 60 }));
        assert_eq!(e.get(Field::PathwayLetters(3)), Some(Problem::Required));
        assert_eq!(e.get(Field::PathwayMonths(3)), Some(Problem::Required));
        chw.pathways.truncate(2);
        let r = chw.to_requirement("r", None, today()).unwrap();
        let Rule::Credential(c) = &r.rule else { panic!() };
        assert_eq!((c.pathways[1].provisional_clock, c.pathways[1].work_hours.unwrap().hours), (ProvisionalClock::HireDate, Hours::whole(2000)));
    }
}
