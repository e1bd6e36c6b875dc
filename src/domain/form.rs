//! Form drafts and their validation. A form edits a draft of plain strings (what the inputs
//! hold); `to_*` turns a draft into a record or returns every problem at once, each tied to
//! its field so the interface can show it inline. Nothing is saved unless validation passes.

use super::completion::{Completion, Verdict, Verification};
use super::date::{Date, DateExt};
use super::hours::{Hours, MAX_HOURS_PER_RECORD};
use super::person::{EmploymentType, Person, PreferredLanguage, WorkerType};
use super::text::Bilingual;
use super::training::{Category, CeCategory, PeriodUnit, Source, TrainingType, Validity, ValidityKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The sync form's database address, sign-in name and password.
    SyncAddress,
    SyncUser,
    SyncPassword,
    Name,
    Organization,
    Program,
    RoleTitle,
    HireDate,
    Email,
    Notes,
    Person,
    Training,
    CompletedOn,
    Hours,
    Provider,
    CertificateNumber,
    NameEn,
    NameEs,
    TypicalHours,
    ValidityAmount,
    ValidityMonth,
    ValidityDay,
    EveryYears,
    AnchorYear,
    SourceTitle,
    SourceUrl,
    Supervisor,
    SupervisingOrg,
    From,
    To,
    Reason,
    WaivedBy,
    Requirement,
    CycleMonths,
    StartMonth,
    WindowDays,
    GraceDays,
    RenewedBy,
    DueWithinDays,
    Minimum,
    EffectiveFrom,
    /// The first day a changed rule applies, and who changed it.
    ChangeFrom,
    ChangedBy,
    DueSoonDays,
    BackupReminderDays,
    // Ladders and pay (`ladders/form.rs`). Rows and tree nodes carry their index or key.
    Rate,
    StepPercent,
    Steps,
    Rates,
    HoursPerYear,
    WeeklyHours,
    FirstStepHours,
    LaterStepHours,
    PromotionRaise,
    Fringe,
    Ladder,
    Step,
    PayStep,
    Effective,
    Kind,
    Language,
    AttestedBy,
    On,
    LongevityYears(u8),
    LongevityPercent(u8),
    DifferentialName(u8),
    DifferentialTarget(u8),
    DifferentialAmount(u8),
    FloorFrom(u8),
    FloorRate(u8),
    FloorSourceUrl(u8),
    StepTitleEn(u8),
    StepTitleEs(u8),
    StepNext(u8),
    /// A condition or group of a step's rule, by its key in the editor.
    Rule(u32),
    // A requirement's pathways (`requirement_form.rs`), by their index in the editor.
    PathwayNameEn(u8),
    PathwayNameEs(u8),
    PathwayWorkHours(u8),
    PathwayWorkMonths(u8),
    PathwayYears(u8),
    PathwayWithinYears(u8),
    PathwayLetters(u8),
    PathwayLettersWithin(u8),
    PathwayBirths(u8),
    PathwayMonths(u8),
    /// A pathway that asks for nothing at all.
    PathwayEmpty(u8),
    // Curricula, cohorts, assignments and sessions (`curricula/form.rs`).
    AtLeast,
    Items,
    SectionName(u8),
    SectionDays(u8),
    CohortRule,
    People,
    Work,
    Target,
    DueDays,
    DueDate,
    StartsAt,
    Capacity,
    Facilitator,
    Place,
    Count,
    GivenBy,
    ReportedBy,
    DecidedBy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    InvalidDate,
    DateInFuture,
    InvalidEmail,
    InvalidHours,
    /// Hours must be more than 0 and at most 500 on one record.
    HoursOutOfRange,
    /// A whole number between `min` and `max` was expected.
    NumberOutOfRange { min: u32, max: u32 },
    /// The fixed date does not exist every year (e.g. 31 April, 29 February).
    NoSuchDay,
    InvalidUrl,
    /// A period ends before it starts.
    EndBeforeStart,
    /// Work hours for one period must be more than 0 and at most 10,000.
    WorkHoursOutOfRange,
    /// Category minimums add up to more than the hours required in all.
    MinimumsAboveTotal,
    /// A pathway must ask for at least one thing (a training, work, experience or evidence).
    EmptyPathway,
    /// An amount of money like 17.92.
    InvalidMoney,
    /// A percentage like 5 or 5.74 (at most 1,000).
    InvalidPercent,
    /// An imported value that is not one of the choices (a worker type, a language).
    UnknownValue,
    /// An imported record that is already here, or earlier in the same file.
    AlreadyHere,
    /// An imported row with more cells than the header has columns.
    ExtraCells { found: usize, expected: usize },
    /// Rates must go up (or stay) from one step to the next.
    RatesOutOfOrder,
    /// A plan is for a day from today on.
    DateInPast,
    /// "At least N of" asks for more items than the group has, or for none.
    ChooseOutOfRange,
    /// The pay step is beyond the grade's steps.
    NoSuchPayStep,
    /// A step that follows must be another step of this ladder.
    NoSuchStep,
    /// A sync address that is not a database path (`/couch/ourorg`).
    NotADatabaseAddress,
    /// A sync address on another site: the app may only reach its own (docs/sync.md).
    OtherOrigin,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors(pub Vec<(Field, Problem)>);

impl Errors {
    pub fn get(&self, field: Field) -> Option<Problem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn add(&mut self, field: Field, problem: Problem) {
        if self.get(field).is_none() {
            self.0.push((field, problem));
        }
    }

    pub(crate) fn text(&mut self, field: Field, value: &str, required: bool, max: usize) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.add(field, Problem::Required);
        } else if value.chars().count() > max {
            self.add(field, Problem::TooLong { max });
        }
        value.to_owned()
    }

    pub(crate) fn number(&mut self, field: Field, value: &str, min: u32, max: u32) -> u32 {
        match value.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => n,
            _ if value.trim().is_empty() => {
                self.add(field, Problem::Required);
                min
            }
            _ => {
                self.add(field, Problem::NumberOutOfRange { min, max });
                min
            }
        }
    }

    pub(crate) fn hours(&mut self, field: Field, value: &str) -> Hours {
        if value.trim().is_empty() {
            self.add(field, Problem::Required);
            return Hours::ZERO;
        }
        match Hours::parse(value) {
            None => {
                self.add(field, Problem::InvalidHours);
                Hours::ZERO
            }
            Some(h) if h == Hours::ZERO || h > MAX_HOURS_PER_RECORD => {
                self.add(field, Problem::HoursOutOfRange);
                h
            }
            Some(h) => h,
        }
    }

    pub(crate) fn result<T>(self, value: T) -> Result<T, Errors> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }
}

pub(crate) const SHORT: usize = 200;
pub(crate) const LONG: usize = 5_000;

fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub preferred_language: PreferredLanguage,
    pub worker_type: WorkerType,
    pub organization: String,
    pub program: String,
    pub role_title: String,
    /// ISO date or empty.
    pub hire_date: String,
    pub employment_type: Option<EmploymentType>,
    pub supervisor: String,
    pub supervising_org: String,
    pub email: String,
    pub notes: String,
}

impl PersonDraft {
    pub fn from_person(p: &Person) -> PersonDraft {
        PersonDraft {
            name: p.name.clone(),
            preferred_language: p.preferred_language,
            worker_type: p.worker_type,
            organization: p.organization.clone(),
            program: p.program.clone(),
            role_title: p.role_title.clone(),
            hire_date: p.hire_date.map(Date::to_iso).unwrap_or_default(),
            employment_type: p.employment_type,
            supervisor: p.supervisor.clone(),
            supervising_org: p.supervising_org.clone(),
            email: p.email.clone(),
            notes: p.notes.clone(),
        }
    }

    pub fn to_person(&self, id: &str, archived: bool) -> Result<Person, Errors> {
        let mut e = Errors::default();
        let name = e.text(Field::Name, &self.name, true, SHORT);
        let organization = e.text(Field::Organization, &self.organization, false, SHORT);
        let program = e.text(Field::Program, &self.program, false, SHORT);
        let role_title = e.text(Field::RoleTitle, &self.role_title, false, SHORT);
        let supervisor = e.text(Field::Supervisor, &self.supervisor, false, SHORT);
        let supervising_org = e.text(Field::SupervisingOrg, &self.supervising_org, false, SHORT);
        let email = e.text(Field::Email, &self.email, false, SHORT);
        if !email.is_empty() && !plausible_email(&email) {
            e.add(Field::Email, Problem::InvalidEmail);
        }
        let notes = e.text(Field::Notes, &self.notes, false, LONG);
        let hire_date = match self.hire_date.trim() {
            "" => None,
            text => {
                let parsed = Date::parse_iso(text);
                if parsed.is_none() {
                    e.add(Field::HireDate, Problem::InvalidDate);
                }
                parsed
            }
        };
        e.result(Person {
            id: id.to_owned(),
            name,
            preferred_language: self.preferred_language,
            worker_type: self.worker_type,
            organization,
            program,
            role_title,
            hire_date,
            employment_type: self.employment_type,
            supervisor,
            supervising_org,
            email,
            notes,
            archived,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompletionDraft {
    pub person_id: String,
    pub training_id: String,
    pub completed_on: String,
    pub hours: String,
    pub provider: String,
    pub certificate_number: String,
    pub ce_category: Option<CeCategory>,
    pub notes: String,
    /// Entered by or for a peer, to be verified by a trainer or HR (organization mode).
    pub self_reported: bool,
    pub reported_by: String,
}

impl CompletionDraft {
    /// A new draft for `training`, prefilled with its typical hours and CE bucket.
    pub fn for_training(person_id: &str, training: &TrainingType, today: Date, decimal: char) -> CompletionDraft {
        CompletionDraft {
            person_id: person_id.to_owned(),
            training_id: training.id.clone(),
            completed_on: today.to_iso(),
            hours: training.typical_hours.format_with(decimal),
            ce_category: training.default_ce_category,
            ..CompletionDraft::default()
        }
    }

    /// `today` is the device's local date: a completion cannot be recorded before it happens.
    pub fn to_completion(&self, id: &str, today: Date) -> Result<Completion, Errors> {
        let mut e = Errors::default();
        let person_id = e.text(Field::Person, &self.person_id, true, SHORT);
        let training_id = e.text(Field::Training, &self.training_id, true, SHORT);
        let completed_on = match self.completed_on.trim() {
            "" => {
                e.add(Field::CompletedOn, Problem::Required);
                today
            }
            text => match Date::parse_iso(text) {
                None => {
                    e.add(Field::CompletedOn, Problem::InvalidDate);
                    today
                }
                Some(d) if d > today => {
                    e.add(Field::CompletedOn, Problem::DateInFuture);
                    d
                }
                Some(d) => d,
            },
        };
        let hours = e.hours(Field::Hours, &self.hours);
        let provider = e.text(Field::Provider, &self.provider, false, SHORT);
        let certificate_number = e.text(Field::CertificateNumber, &self.certificate_number, false, SHORT);
        let notes = e.text(Field::Notes, &self.notes, false, LONG);
        let verification = if self.self_reported {
            let reported_by = e.text(Field::ReportedBy, &self.reported_by, true, SHORT);
            Some(Verification { from_file: None, verdict: Verdict::Pending, reported_by, reported_on: today, decided_by: String::new(), decided_on: None, reason: String::new() })
        } else {
            None
        };
        e.result(Completion { verification, partial: false,
            id: id.to_owned(),
            person_id,
            training_id,
            completed_on,
            hours,
            provider,
            certificate_number,
            ce_category: self.ce_category,
            notes,
            removed: false,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrainingDraft {
    pub name_en: String,
    pub name_es: String,
    pub category: Category,
    pub typical_hours: String,
    pub validity_kind: ValidityKind,
    pub amount: String,
    pub unit: PeriodUnit,
    pub month: String,
    pub day: String,
    pub every_years: String,
    /// Any year the fixed date falls in (2027 for "odd years" every 2 years).
    pub anchor_year: String,
    pub default_ce_category: Option<CeCategory>,
    pub competencies: Vec<String>,
    pub exam: bool,
    pub part_completes: bool,
    pub source_title: String,
    pub source_url: String,
    /// When an existing training's validity changes: the first completion day it applies to
    /// (earlier completions keep their rule) and who made the change.
    pub change_from: String,
    pub changed_by: String,
}

impl Default for TrainingDraft {
    fn default() -> TrainingDraft {
        TrainingDraft {
            name_en: String::new(),
            name_es: String::new(),
            category: Category::Other,
            typical_hours: String::new(),
            validity_kind: ValidityKind::Never,
            amount: "2".into(),
            unit: PeriodUnit::Years,
            month: "9".into(),
            day: "1".into(),
            every_years: "2".into(),
            anchor_year: "2027".into(),
            default_ce_category: None,
            competencies: Vec::new(),
            exam: false,
            part_completes: false,
            source_title: String::new(),
            source_url: String::new(),
            change_from: String::new(),
            changed_by: String::new(),
        }
    }
}

impl TrainingDraft {
    pub fn from_training(t: &TrainingType, decimal: char) -> TrainingDraft {
        let mut d = TrainingDraft {
            name_en: t.name.en.clone(),
            name_es: t.name.es.clone(),
            category: t.category,
            typical_hours: t.typical_hours.format_with(decimal),
            validity_kind: t.validity.kind(),
            default_ce_category: t.default_ce_category,
            competencies: t.competencies.clone(),
            exam: t.exam,
            part_completes: t.part_completes,
            source_title: t.source.title.clone(),
            source_url: t.source.url.clone(),
            ..TrainingDraft::default()
        };
        match t.validity {
            Validity::Never => {}
            Validity::After { amount, unit } => {
                d.amount = amount.to_string();
                d.unit = unit;
            }
            Validity::EndOfMonthAfter { months } => {
                d.amount = months.to_string();
                d.unit = PeriodUnit::Months;
            }
            Validity::FixedDate { month, day, every_years, year_remainder } => {
                d.month = month.to_string();
                d.day = day.to_string();
                d.every_years = every_years.to_string();
                // The first year from 2025 on that the rule falls in: a year people recognise.
                let anchor = (2025..2025 + every_years.max(1)).find(|y| y % every_years.max(1) == year_remainder);
                d.anchor_year = anchor.unwrap_or(2025).to_string();
            }
        }
        d
    }

    /// `base` is the record being edited (keeps its id, description, effective date and the
    /// `verify` flag unless the source changes) or `None` for a new training type.
    pub fn to_training(&self, id: &str, base: Option<&TrainingType>, today: Date) -> Result<TrainingType, Errors> {
        let mut e = Errors::default();
        let name_en = e.text(Field::NameEn, &self.name_en, false, SHORT);
        let name_es = e.text(Field::NameEs, &self.name_es, false, SHORT);
        if name_en.is_empty() && name_es.is_empty() {
            e.add(Field::NameEn, Problem::Required);
        }
        let typical_hours = e.hours(Field::TypicalHours, &self.typical_hours);
        let validity = match self.validity_kind {
            ValidityKind::Never => Validity::Never,
            ValidityKind::After => {
                let max = match self.unit {
                    PeriodUnit::Days => 36_500,
                    PeriodUnit::Months => 1_200,
                    PeriodUnit::Years => 100,
                };
                Validity::After { amount: e.number(Field::ValidityAmount, &self.amount, 1, max), unit: self.unit }
            }
            ValidityKind::EndOfMonthAfter => {
                Validity::EndOfMonthAfter { months: e.number(Field::ValidityAmount, &self.amount, 1, 1_200) }
            }
            ValidityKind::FixedDate => {
                let month = e.number(Field::ValidityMonth, &self.month, 1, 12);
                let day = e.number(Field::ValidityDay, &self.day, 1, 31);
                let every_years = e.number(Field::EveryYears, &self.every_years, 1, 10);
                let anchor_year = e.number(Field::AnchorYear, &self.anchor_year, 1900, 2200);
                let year_remainder = anchor_year % every_years.max(1);
                let rule = Validity::FixedDate { month, day, every_years, year_remainder };
                if e.get(Field::ValidityDay).is_none() && e.get(Field::ValidityMonth).is_none() && !rule.is_well_formed() {
                    e.add(Field::ValidityDay, Problem::NoSuchDay);
                }
                rule
            }
        };
        let source_title = e.text(Field::SourceTitle, &self.source_title, false, LONG);
        let source_url = e.text(Field::SourceUrl, &self.source_url, false, 2_000);
        if !source_url.is_empty() && !(source_url.starts_with("https://") || source_url.starts_with("http://")) {
            e.add(Field::SourceUrl, Problem::InvalidUrl);
        }
        let verify = match base {
            Some(b) if b.source.url == source_url && b.source.title == source_title => b.source.verify,
            _ => false,
        };
        let mut out = TrainingType {
            id: id.to_owned(),
            name: Bilingual { en: name_en, es: name_es },
            description: base.map(|b| b.description.clone()).unwrap_or_default(),
            category: self.category,
            typical_hours,
            competencies: self.competencies.clone(),
            validity,
            default_ce_category: self.default_ce_category,
            exam: self.exam,
            part_completes: self.part_completes && !self.exam,
            source: Source::edited(source_title, source_url, verify, base.map(|b| &b.source)),
            effective_from: base.and_then(|b| b.effective_from),
            retired: base.is_some_and(|b| b.retired),
            validity_history: base.map(|b| b.validity_history.clone()).unwrap_or_default(),
        };
        // A changed validity applies from a chosen day; completions before keep their rule.
        if let Some(before) = base.filter(|b| b.validity != validity) {
            out.validity = before.validity;
            let from = e.date(Field::ChangeFrom, &self.change_from, true);
            let by = e.text(Field::ChangedBy, &self.changed_by, true, SHORT);
            if let Some(from) = from {
                out.change_validity(validity, from, &by, today);
            }
        }
        e.result(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::builtin_trainings;

    fn today() -> Date {
        Date::parse_iso("2026-11-23").unwrap()
    }

    fn valid_completion() -> CompletionDraft {
        CompletionDraft {
            person_id: "p1".into(),
            training_id: "builtin.hipaa".into(),
            completed_on: "2026-11-23".into(),
            hours: "1,5".into(),
            ..CompletionDraft::default()
        }
    }

    #[test]
    fn a_self_reported_completion_is_pending_and_says_who_reported_it() {
        let missing = CompletionDraft { self_reported: true, ..valid_completion() }.to_completion("c1", today()).unwrap_err();
        assert_eq!(missing.get(Field::ReportedBy), Some(Problem::Required));
        let c = CompletionDraft { self_reported: true, reported_by: " Rosa ".into(), ..valid_completion() }.to_completion("c1", today()).unwrap();
        let v = c.verification.clone().unwrap();
        assert_eq!((v.verdict, v.reported_by.as_str(), v.reported_on), (Verdict::Pending, "Rosa", today()));
        assert!(c.pending() && !c.counts());
        assert!(valid_completion().to_completion("c2", today()).unwrap().counts(), "entered by a trainer: counts at once");
    }

    #[test]
    fn a_new_draft_is_prefilled_from_its_training() {
        let law = builtin_trainings().into_iter().find(|t| t.id == "builtin.law_ethics_ce").unwrap();
        let d = CompletionDraft::for_training("p1", &law, today(), ',');
        assert_eq!((d.hours.as_str(), d.ce_category, d.completed_on.as_str()), ("6", Some(CeCategory::LawEthics), "2026-11-23"));
        let mhfa = builtin_trainings().into_iter().find(|t| t.id == "builtin.mhfa_adult").unwrap();
        let d = CompletionDraft::for_training("p1", &mhfa, today(), ',');
        assert_eq!((d.hours.as_str(), d.ce_category), ("7,5", None));
        assert!(d.to_completion("c", today()).is_ok(), "a prefilled draft is valid as it stands");
    }

    #[test]
    fn a_valid_completion_passes() {
        let c = valid_completion().to_completion("c1", today()).unwrap();
        assert_eq!(c.hours, Hours::from_hundredths(150));
        assert_eq!(c.completed_on, today());
    }

    #[test]
    fn completion_problems_are_reported_per_field() {
        let cases: [(&str, &str, Field, Problem); 8] = [
            ("2026-11-24", "2", Field::CompletedOn, Problem::DateInFuture),
            ("", "2", Field::CompletedOn, Problem::Required),
            ("2026-02-30", "2", Field::CompletedOn, Problem::InvalidDate),
            ("2026-11-01", "0", Field::Hours, Problem::HoursOutOfRange),
            ("2026-11-01", "500.01", Field::Hours, Problem::HoursOutOfRange),
            ("2026-11-01", "-3", Field::Hours, Problem::InvalidHours),
            ("2026-11-01", "", Field::Hours, Problem::Required),
            ("2026-11-01", "ocho", Field::Hours, Problem::InvalidHours),
        ];
        for (date, hours, field, problem) in cases {
            let draft = CompletionDraft { completed_on: date.into(), hours: hours.into(), ..valid_completion() };
            let errors = draft.to_completion("c1", today()).unwrap_err();
            assert_eq!(errors.get(field), Some(problem), "{date} {hours}");
        }
        let ok = CompletionDraft { hours: "500".into(), ..valid_completion() };
        assert!(ok.to_completion("c1", today()).is_ok());
        let missing = CompletionDraft { training_id: " ".into(), person_id: String::new(), ..valid_completion() };
        let errors = missing.to_completion("c1", today()).unwrap_err();
        assert_eq!(errors.get(Field::Training), Some(Problem::Required));
        assert_eq!(errors.get(Field::Person), Some(Problem::Required));
    }

    #[test]
    fn person_requires_a_name_and_checks_email_and_date() {
        let errors = PersonDraft { email: "maria@".into(), hire_date: "2026-13-01".into(), ..PersonDraft::default() }
            .to_person("p1", false)
            .unwrap_err();
        assert_eq!(errors.get(Field::Name), Some(Problem::Required));
        assert_eq!(errors.get(Field::Email), Some(Problem::InvalidEmail));
        assert_eq!(errors.get(Field::HireDate), Some(Problem::InvalidDate));
        let p = PersonDraft { name: "  María López ".into(), email: "maria@clinica.org".into(), ..PersonDraft::default() }
            .to_person("p1", true)
            .unwrap();
        assert_eq!(p.name, "María López");
        assert!(p.archived);
        let long = PersonDraft { name: "x".repeat(201), ..PersonDraft::default() };
        assert_eq!(long.to_person("p", false).unwrap_err().get(Field::Name), Some(Problem::TooLong { max: 200 }));
    }

    #[test]
    fn person_draft_round_trips() {
        let p = PersonDraft { name: "Rosa".into(), hire_date: "2024-02-29".into(), ..PersonDraft::default() }
            .to_person("p9", false)
            .unwrap();
        assert_eq!(PersonDraft::from_person(&p).to_person("p9", false).unwrap(), p);
    }

    #[test]
    fn every_builtin_survives_a_trip_through_the_edit_form() {
        for t in builtin_trainings() {
            let back = TrainingDraft::from_training(&t, ',').to_training(&t.id, Some(&t), today()).unwrap();
            assert_eq!(back, t, "{}", t.id);
        }
    }

    #[test]
    fn training_rules_are_validated() {
        let base = TrainingDraft { name_es: "Taller".into(), typical_hours: "3".into(), ..TrainingDraft::default() };
        assert!(base.to_training("t1", None, today()).is_ok());
        let no_name = TrainingDraft { name_es: String::new(), ..base.clone() };
        assert_eq!(no_name.to_training("t1", None, today()).unwrap_err().get(Field::NameEn), Some(Problem::Required));
        let feb29 = TrainingDraft { validity_kind: ValidityKind::FixedDate, month: "2".into(), day: "29".into(), ..base.clone() };
        assert_eq!(feb29.to_training("t1", None, today()).unwrap_err().get(Field::ValidityDay), Some(Problem::NoSuchDay));
        let zero = TrainingDraft { validity_kind: ValidityKind::After, amount: "0".into(), ..base.clone() };
        assert_eq!(
            zero.to_training("t1", None, today()).unwrap_err().get(Field::ValidityAmount),
            Some(Problem::NumberOutOfRange { min: 1, max: 100 })
        );
        let odd_years = TrainingDraft { validity_kind: ValidityKind::FixedDate, every_years: "2".into(), anchor_year: "2027".into(), ..base.clone() };
        assert_eq!(
            odd_years.to_training("t1", None, today()).unwrap().validity,
            Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 }
        );
        let bad_year = TrainingDraft { validity_kind: ValidityKind::FixedDate, anchor_year: "27".into(), ..base.clone() };
        assert!(bad_year.to_training("t1", None, today()).unwrap_err().get(Field::AnchorYear).is_some());
        let url = TrainingDraft { source_url: "javascript:alert(1)".into(), ..base };
        assert_eq!(url.to_training("t1", None, today()).unwrap_err().get(Field::SourceUrl), Some(Problem::InvalidUrl));
    }

    #[test]
    fn a_changed_validity_asks_from_when_and_by_whom() {
        let mhfa = builtin_trainings().into_iter().find(|t| t.id == "builtin.mhfa_adult").unwrap();
        let mut d = TrainingDraft::from_training(&mhfa, '.');
        d.amount = "2".into();
        let e = d.to_training(&mhfa.id, Some(&mhfa), today()).unwrap_err();
        assert_eq!((e.get(Field::ChangeFrom), e.get(Field::ChangedBy)), (Some(Problem::Required), Some(Problem::Required)));
        d.change_from = "2027-01-01".into();
        d.changed_by = "Ana Ruiz, HR".into();
        let t = d.to_training(&mhfa.id, Some(&mhfa), today()).unwrap();
        assert_eq!(t.validity, Validity::After { amount: 2, unit: PeriodUnit::Years });
        assert_eq!(t.validity_on(Date::parse_iso("2026-12-31").unwrap()), mhfa.validity);
        assert_eq!((t.validity_history[0].changed_by.as_str(), t.validity_from()), ("Ana Ruiz, HR", Date::parse_iso("2027-01-01")));
    }
}
