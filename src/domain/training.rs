//! Training types: what a completion is a completion *of*, with the rule that says how long
//! it stays valid and the source that rule comes from.

use super::date::{days_in_month, Date, DateExt, Datelike};
use super::hours::Hours;
use super::text::{Bilingual, Locale};
use serde::{Deserialize, Serialize};

super::serde_as_code!(Category, CeCategory, PeriodUnit, ValidityKind);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Category {
    CoreCompetency,
    PeerSupport,
    BehavioralHealth,
    Perinatal,
    SafetyFirstAid,
    Compliance,
    ContinuingEducation,
    HarmReduction,
    ViolencePrevention,
    #[default]
    Other,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::CoreCompetency,
        Category::PeerSupport,
        Category::BehavioralHealth,
        Category::Perinatal,
        Category::SafetyFirstAid,
        Category::Compliance,
        Category::ContinuingEducation,
        Category::HarmReduction,
        Category::ViolencePrevention,
        Category::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::CoreCompetency => "core_competency",
            Category::PeerSupport => "peer_support",
            Category::BehavioralHealth => "behavioral_health",
            Category::Perinatal => "perinatal",
            Category::SafetyFirstAid => "safety_first_aid",
            Category::Compliance => "compliance",
            Category::ContinuingEducation => "continuing_education",
            Category::HarmReduction => "harm_reduction",
            Category::ViolencePrevention => "violence_prevention",
            Category::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The continuing-education bucket hours count toward. Renewal rules set minimums per bucket
/// (CalMHSA: 6 of 20 hours in law & ethics; DHCS doulas: maternal, perinatal, infant care).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CeCategory {
    General,
    LawEthics,
    CulturalResponsiveness,
    PeerRecovery,
    MaternalPerinatal,
    Specialty,
    /// Nevada's CHW II areas (domain-facts §1.8), usable by any ladder or requirement.
    BehavioralHealth,
    HealthEquity,
    SelfCare,
}

impl CeCategory {
    pub const ALL: [CeCategory; 9] = [
        CeCategory::General,
        CeCategory::LawEthics,
        CeCategory::CulturalResponsiveness,
        CeCategory::PeerRecovery,
        CeCategory::MaternalPerinatal,
        CeCategory::Specialty,
        CeCategory::BehavioralHealth,
        CeCategory::HealthEquity,
        CeCategory::SelfCare,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CeCategory::General => "general",
            CeCategory::LawEthics => "law_ethics",
            CeCategory::CulturalResponsiveness => "cultural_responsiveness",
            CeCategory::PeerRecovery => "peer_recovery",
            CeCategory::MaternalPerinatal => "maternal_perinatal",
            CeCategory::Specialty => "specialty",
            CeCategory::BehavioralHealth => "behavioral_health",
            CeCategory::HealthEquity => "health_equity",
            CeCategory::SelfCare => "self_care",
        }
    }

    pub fn from_code(code: &str) -> Option<CeCategory> {
        CeCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    Days,
    Months,
    Years,
}

impl PeriodUnit {
    pub const ALL: [PeriodUnit; 3] = [PeriodUnit::Days, PeriodUnit::Months, PeriodUnit::Years];

    pub fn code(self) -> &'static str {
        match self {
            PeriodUnit::Days => "days",
            PeriodUnit::Months => "months",
            PeriodUnit::Years => "years",
        }
    }

    pub fn from_code(code: &str) -> Option<PeriodUnit> {
        PeriodUnit::ALL.into_iter().find(|u| u.code() == code)
    }
}

/// How long one completion of a training stays valid. Dates are inclusive: a completion is
/// valid *through* the date `valid_until` returns and expired from the next day.
///
/// Stored as `{"kind": "...", ...numbers}` (see docs/storage.md) through `ValidityRecord`: a
/// flat struct deserializes without serde's buffering of tagged enums, a smaller bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ValidityRecord", into = "ValidityRecord")]
pub enum Validity {
    /// Never expires (MI, IPS core, the 80-hour peer core training).
    Never,
    /// N days, months or years after completion (Mental Health First Aid: 3 years).
    After { amount: u32, unit: PeriodUnit },
    /// Through the end of the month N months after completion (AHA CPR cards: 24 months).
    EndOfMonthAfter { months: u32 },
    /// A fixed calendar day in years where `year % every_years == year_remainder`, the first
    /// such day after completion (e.g. 1 September of odd years: every 2, remainder 1).
    FixedDate { month: u32, day: u32, every_years: u32, year_remainder: u32 },
}

/// The kinds of validity rule, for forms that pick one before filling its numbers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValidityKind {
    Never,
    After,
    EndOfMonthAfter,
    FixedDate,
}

impl ValidityKind {
    pub const ALL: [ValidityKind; 4] =
        [ValidityKind::Never, ValidityKind::After, ValidityKind::EndOfMonthAfter, ValidityKind::FixedDate];

    pub fn code(self) -> &'static str {
        match self {
            ValidityKind::Never => "never",
            ValidityKind::After => "after",
            ValidityKind::EndOfMonthAfter => "end_of_month_after",
            ValidityKind::FixedDate => "fixed_date",
        }
    }

    pub fn from_code(code: &str) -> Option<ValidityKind> {
        ValidityKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The stored shape of a `Validity`: its kind and the numbers that kind uses.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct ValidityRecord {
    kind: ValidityKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<PeriodUnit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    every_years: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year_remainder: Option<u32>,
}

impl From<Validity> for ValidityRecord {
    fn from(v: Validity) -> ValidityRecord {
        let mut r = ValidityRecord {
            kind: v.kind(),
            amount: None,
            unit: None,
            months: None,
            month: None,
            day: None,
            every_years: None,
            year_remainder: None,
        };
        match v {
            Validity::Never => {}
            Validity::After { amount, unit } => (r.amount, r.unit) = (Some(amount), Some(unit)),
            Validity::EndOfMonthAfter { months } => r.months = Some(months),
            Validity::FixedDate { month, day, every_years, year_remainder } => {
                (r.month, r.day, r.every_years, r.year_remainder) =
                    (Some(month), Some(day), Some(every_years), Some(year_remainder))
            }
        }
        r
    }
}

impl TryFrom<ValidityRecord> for Validity {
    type Error = String;
    fn try_from(r: ValidityRecord) -> Result<Validity, String> {
        let need = |v: Option<u32>, name: &str| v.ok_or_else(|| format!("validity {:?} needs `{name}`", r.kind));
        Ok(match r.kind {
            ValidityKind::Never => Validity::Never,
            ValidityKind::After => Validity::After {
                amount: need(r.amount, "amount")?,
                unit: r.unit.ok_or("validity `after` needs `unit`")?,
            },
            ValidityKind::EndOfMonthAfter => Validity::EndOfMonthAfter { months: need(r.months, "months")? },
            ValidityKind::FixedDate => Validity::FixedDate {
                month: need(r.month, "month")?,
                day: need(r.day, "day")?,
                every_years: need(r.every_years, "every_years")?,
                year_remainder: need(r.year_remainder, "year_remainder")?,
            },
        })
    }
}

impl Validity {
    pub fn kind(self) -> ValidityKind {
        match self {
            Validity::Never => ValidityKind::Never,
            Validity::After { .. } => ValidityKind::After,
            Validity::EndOfMonthAfter { .. } => ValidityKind::EndOfMonthAfter,
            Validity::FixedDate { .. } => ValidityKind::FixedDate,
        }
    }

    /// Is the rule itself coherent (a fixed date that exists every year, a positive period)?
    pub fn is_well_formed(self) -> bool {
        match self {
            Validity::Never => true,
            Validity::After { amount, unit } => {
                let max = match unit {
                    PeriodUnit::Days => 36_500,
                    PeriodUnit::Months => 1_200,
                    PeriodUnit::Years => 100,
                };
                (1..=max).contains(&amount)
            }
            Validity::EndOfMonthAfter { months } => (1..=1_200).contains(&months),
            Validity::FixedDate { month, day, every_years, year_remainder } => {
                // 29 February is refused: it does not exist in most years.
                (1..=12).contains(&month)
                    && day >= 1
                    && day <= days_in_month(2001, month)
                    && (1..=10).contains(&every_years)
                    && year_remainder < every_years
            }
        }
    }

    /// The last day a completion on `completed` is valid, or `None` if it never expires.
    pub fn valid_until(self, completed: Date) -> Option<Date> {
        match self {
            Validity::Never => None,
            Validity::After { amount, unit } => Some(match unit {
                PeriodUnit::Days => completed.add_days(amount as i32),
                PeriodUnit::Months => completed.add_months(amount as i32),
                PeriodUnit::Years => completed.add_years(amount as i32),
            }),
            Validity::EndOfMonthAfter { months } => {
                Some(completed.add_months(months as i32).end_of_month())
            }
            Validity::FixedDate { month, day, every_years, year_remainder } => {
                let every = every_years.max(1) as i32;
                let (mut year, ..) = completed.ymd();
                loop {
                    if year.rem_euclid(every) == year_remainder as i32 {
                        if let Some(candidate) = Date::from_ymd_opt(year, month, day) {
                            if candidate > completed {
                                return Some(candidate);
                            }
                        }
                    }
                    year += 1;
                    if year > completed.year() + 11 {
                        return None; // only reachable for a malformed rule
                    }
                }
            }
        }
    }
}

/// Where a catalog entry's facts come from, so an auditor (or the next developer) can check it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    pub title: String,
    /// The title in Spanish: every built-in source has one (a test checks); one a person
    /// types has only theirs, shown in both languages.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_es: String,
    pub url: String,
    /// True when the fact is secondary or unconfirmed: the UI asks the organization to check it.
    #[serde(default)]
    pub verify: bool,
}

impl Source {
    /// The title in `locale`, falling back to the one it has.
    pub fn title_in(&self, locale: Locale) -> &str {
        match locale {
            Locale::Es if !self.title_es.trim().is_empty() => &self.title_es,
            _ => &self.title,
        }
    }

    /// A source as a form saves it over `base`: its Spanish title is kept while the title it
    /// translates stays the same (a changed title would leave the translation saying
    /// something else).
    pub fn edited(title: String, url: String, verify: bool, base: Option<&Source>) -> Source {
        let title_es = base.filter(|b| b.title == title).map(|b| b.title_es.clone()).unwrap_or_default();
        Source { title, title_es, url, verify }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingType {
    /// Built-in ids start with `builtin.`; user-created ones are random.
    pub id: String,
    pub name: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    pub category: Category,
    pub typical_hours: Hours,
    /// Competency ids (see `competency.rs`) this training covers.
    #[serde(default)]
    pub competencies: Vec<String>,
    pub validity: Validity,
    /// The CE bucket a completion of this training counts toward unless the record says otherwise.
    #[serde(default)]
    pub default_ce_category: Option<CeCategory>,
    /// An exam, not a course: its time is not training hours (a pathway of the 80-hour core
    /// and the exam needs 80 hours of training, not 83).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub exam: bool,
    /// Attending part of a session completes it. Off by default: a certification course is
    /// all or nothing, and a part attended records only its hours (`Completion::partial`).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub part_completes: bool,
    #[serde(default)]
    pub source: Source,
    /// The date from which this training type applies (rules as data). Later changes to its
    /// validity are dated in `validity_history`, so a past completion keeps the rule of its day.
    #[serde(default, with = "super::date::iso_opt")]
    pub effective_from: Option<Date>,
    /// Hidden from pickers, kept for history. User-created types are retired, never deleted.
    #[serde(default)]
    pub retired: bool,
    /// The validity rules in force before `validity`, oldest first: a completion is judged by
    /// the rule in force on the day it was completed, so a change never rewrites the past.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validity_history: Vec<ValidityVersion>,
}

/// A validity rule that was in force until a change replaced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidityVersion {
    pub validity: Validity,
    /// The last day it was in force.
    #[serde(with = "super::date::iso")]
    pub until: Date,
    /// Who made the change that ended it, and on which day they made it.
    pub changed_by: String,
    #[serde(with = "super::date::iso")]
    pub changed_on: Date,
}

pub const BUILTIN_PREFIX: &str = "builtin.";

impl TrainingType {
    /// The validity rule for a completion on `day`.
    pub fn validity_on(&self, day: Date) -> Validity {
        self.validity_history.iter().find(|v| day <= v.until).map_or(self.validity, |v| v.validity)
    }

    /// Completions from `from` on follow `validity`; those before keep the rule of their day.
    pub fn change_validity(&mut self, validity: Validity, from: Date, changed_by: &str, today: Date) {
        if self.validity == validity && self.validity_on(from) == validity {
            return;
        }
        let eve = from.add_days(-1);
        let kept = self.validity_on(eve);
        self.validity_history.retain(|v| v.until < eve);
        self.validity_history.push(ValidityVersion { validity: kept, until: eve, changed_by: changed_by.to_owned(), changed_on: today });
        self.validity = validity;
    }

    /// The first day of the validity rule in force now (`None`: always).
    pub fn validity_from(&self) -> Option<Date> {
        self.validity_history.last().map(|v| v.until.add_days(1))
    }

    pub fn is_builtin_id(id: &str) -> bool {
        id.starts_with(BUILTIN_PREFIX)
    }

    /// Does this training match a search box query (already `fold`ed)? Every word must appear
    /// in its English or Spanish name or in `category_label`, ignoring case and accents.
    pub fn matches(&self, folded_query: &str, category_label: &str) -> bool {
        let haystack = super::text::fold(&format!("{} {} {}", self.name.en, self.name.es, category_label));
        folded_query.split(' ').all(|word| haystack.contains(word))
    }
}

/// How a training type in the effective catalog relates to the built-in reference catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Exactly the reference entry.
    BuiltIn,
    /// A reference entry the organization edited; the original is kept and can be restored.
    Customised,
    /// Created by the user.
    Own,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub training: TrainingType,
    pub origin: Origin,
}

/// Merges built-in records (in code) with what the user stored: a stored record with a
/// built-in's id overrides it (the built-in stays in code, so "reset" just drops the
/// override); an override equal to its built-in (left by "stop using", then "use again") is
/// the built-in; other stored records are the user's own. Built-ins come first, in order.
/// The training catalog and the requirements both work this way.
pub fn merge_overrides<T: Clone + PartialEq>(builtins: &[T], stored: &[T], id: impl Fn(&T) -> &str) -> Vec<(T, Origin)> {
    let mut entries: Vec<(T, Origin)> = builtins
        .iter()
        .map(|b| match stored.iter().find(|s| id(s) == id(b)) {
            Some(over) if over != b => (over.clone(), Origin::Customised),
            _ => (b.clone(), Origin::BuiltIn),
        })
        .collect();
    entries.extend(
        stored
            .iter()
            .filter(|s| !builtins.iter().any(|b| id(b) == id(s)))
            .map(|s| (s.clone(), Origin::Own)),
    );
    entries
}

/// The effective training catalog: built-ins merged with the user's own and customised types.
pub fn effective_catalog(builtins: &[TrainingType], stored: &[TrainingType]) -> Vec<CatalogEntry> {
    merge_overrides(builtins, stored, |t| &t.id).into_iter().map(|(training, origin)| CatalogEntry { training, origin }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn validity_rules_compute_the_last_valid_day() {
        let cases = [
            (Validity::Never, "2025-03-10", None),
            (Validity::After { amount: 3, unit: PeriodUnit::Years }, "2025-03-10", Some("2028-03-10")),
            (Validity::After { amount: 3, unit: PeriodUnit::Years }, "2024-02-29", Some("2027-02-28")),
            (Validity::After { amount: 90, unit: PeriodUnit::Days }, "2025-12-01", Some("2026-03-01")),
            (Validity::After { amount: 12, unit: PeriodUnit::Months }, "2025-01-31", Some("2026-01-31")),
            (Validity::EndOfMonthAfter { months: 24 }, "2025-03-03", Some("2027-03-31")),
            (Validity::EndOfMonthAfter { months: 24 }, "2026-02-01", Some("2028-02-29")),
            // Nebraska-style: 1 September of odd years.
            (Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 }, "2025-08-31", Some("2025-09-01")),
            (Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 }, "2025-09-01", Some("2027-09-01")),
            (Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 }, "2026-01-15", Some("2027-09-01")),
            // Indiana-style: every 31 May.
            (Validity::FixedDate { month: 5, day: 31, every_years: 1, year_remainder: 0 }, "2026-06-01", Some("2027-05-31")),
        ];
        for (rule, completed, expected) in cases {
            assert!(rule.is_well_formed(), "{rule:?}");
            assert_eq!(rule.valid_until(d(completed)), expected.map(d), "{rule:?} from {completed}");
        }
    }

    #[test]
    fn malformed_rules_are_refused() {
        for bad in [
            Validity::After { amount: 0, unit: PeriodUnit::Months },
            Validity::After { amount: 101, unit: PeriodUnit::Years },
            Validity::EndOfMonthAfter { months: 0 },
            Validity::FixedDate { month: 2, day: 29, every_years: 1, year_remainder: 0 },
            Validity::FixedDate { month: 13, day: 1, every_years: 1, year_remainder: 0 },
            Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 2 },
            Validity::FixedDate { month: 4, day: 31, every_years: 1, year_remainder: 0 },
        ] {
            assert!(!bad.is_well_formed(), "{bad:?}");
        }
    }

    #[test]
    fn validity_json_is_tagged_and_readable() {
        let cases = [
            (Validity::Never, r#"{"kind":"never"}"#),
            (Validity::After { amount: 3, unit: PeriodUnit::Years }, r#"{"kind":"after","amount":3,"unit":"years"}"#),
            (Validity::EndOfMonthAfter { months: 24 }, r#"{"kind":"end_of_month_after","months":24}"#),
            (
                Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 },
                r#"{"kind":"fixed_date","month":9,"day":1,"every_years":2,"year_remainder":1}"#,
            ),
        ];
        for (rule, json) in cases {
            assert_eq!(serde_json::to_string(&rule).unwrap(), json);
            assert_eq!(serde_json::from_str::<Validity>(json).unwrap(), rule);
        }
        // A kind without its numbers is refused, not guessed.
        assert!(serde_json::from_str::<Validity>(r#"{"kind":"after","amount":3}"#).is_err());
        assert!(serde_json::from_str::<Validity>(r#"{"kind":"fixed_date","month":9}"#).is_err());
        assert!(serde_json::from_str::<Validity>(r#"{"kind":"sometimes"}"#).is_err());
    }

    #[test]
    fn stored_override_replaces_builtin_and_own_types_follow() {
        let builtins = crate::domain::catalog::builtin_trainings();
        let mut custom = builtins[0].clone();
        custom.typical_hours = Hours::whole(99);
        let mut own = builtins[1].clone();
        own.id = "own-1".into();
        let merged = effective_catalog(&builtins, &[own, custom]);
        assert_eq!(merged.len(), builtins.len() + 1);
        assert_eq!(merged[0].origin, Origin::Customised);
        assert_eq!(merged[0].training.typical_hours, Hours::whole(99));
        assert_eq!(merged[1].origin, Origin::BuiltIn);
        assert_eq!(merged.last().unwrap().origin, Origin::Own);
    }

    #[test]
    fn enums_are_stored_as_their_codes() {
        for c in CeCategory::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.code()));
            assert_eq!(serde_json::from_str::<CeCategory>(&json).unwrap(), c);
        }
        assert_eq!(serde_json::to_string(&Category::SafetyFirstAid).unwrap(), "\"safety_first_aid\"");
        assert!(serde_json::from_str::<Category>("\"gardening\"").is_err());
        assert!(serde_json::from_str::<PeriodUnit>("3").is_err());
    }

    #[test]
    fn search_matches_either_language_and_the_category() {
        let catalog = crate::domain::catalog::builtin_trainings();
        let found = |q: &str, label: &str| -> Vec<String> {
            let q = crate::domain::text::fold(q);
            catalog.iter().filter(|t| t.matches(&q, label)).map(|t| t.id.clone()).collect()
        };
        assert_eq!(found("primeros auxilios salud", ""), vec!["builtin.mhfa_adult", "builtin.mhfa_youth"]);
        assert_eq!(found("reduccion danos", ""), vec!["builtin.harm_reduction_naloxone"]);
        assert_eq!(found("CPR", ""), vec!["builtin.cpr_first_aid"]);
        assert_eq!(found("peer", "").len(), 9); // IPS, co-reflection, core, exam, renewal, four specializations
        assert_eq!(found("seguridad", "Seguridad y primeros auxilios").len(), catalog.len(), "category label counts");
        assert!(found("zzz", "").is_empty());
        assert_eq!(found("", "").len(), catalog.len());
    }

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
        }
        for c in CeCategory::ALL {
            assert_eq!(CeCategory::from_code(c.code()), Some(c));
        }
        for k in ValidityKind::ALL {
            assert_eq!(ValidityKind::from_code(k.code()), Some(k));
        }
        for u in PeriodUnit::ALL {
            assert_eq!(PeriodUnit::from_code(u.code()), Some(u));
        }
    }
}
