//! People: the workers whose trainings Escalera tracks.

use super::date::Date;
use super::text::fold;
use serde::{Deserialize, Serialize};

super::serde_as_code!(WorkerType, PreferredLanguage, EmploymentType);

/// The occupations of California's community-connected health workforce (CHCF's grouping),
/// plus `Other` for titles that fit none of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum WorkerType {
    /// Community health worker / promotor(a) / representative (CHW/P/R).
    #[default]
    Chw,
    PeerSupportSpecialist,
    BehavioralHealthNavigator,
    PerinatalDoula,
    FamilyCaregiverCoach,
    ViolencePrevention,
    Other,
}

impl WorkerType {
    pub const ALL: [WorkerType; 7] = [
        WorkerType::Chw,
        WorkerType::PeerSupportSpecialist,
        WorkerType::BehavioralHealthNavigator,
        WorkerType::PerinatalDoula,
        WorkerType::FamilyCaregiverCoach,
        WorkerType::ViolencePrevention,
        WorkerType::Other,
    ];

    /// Stable code used in storage, CSV and HTML form values.
    pub fn code(self) -> &'static str {
        match self {
            WorkerType::Chw => "chw",
            WorkerType::PeerSupportSpecialist => "peer_support_specialist",
            WorkerType::BehavioralHealthNavigator => "behavioral_health_navigator",
            WorkerType::PerinatalDoula => "perinatal_doula",
            WorkerType::FamilyCaregiverCoach => "family_caregiver_coach",
            WorkerType::ViolencePrevention => "violence_prevention",
            WorkerType::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<WorkerType> {
        WorkerType::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// The language a person prefers to be served and trained in. California's most common
/// Medi-Cal threshold languages first, then `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PreferredLanguage {
    #[default]
    English,
    Spanish,
    Chinese,
    Vietnamese,
    Tagalog,
    Korean,
    Other,
}

impl PreferredLanguage {
    pub const ALL: [PreferredLanguage; 7] = [
        PreferredLanguage::English,
        PreferredLanguage::Spanish,
        PreferredLanguage::Chinese,
        PreferredLanguage::Vietnamese,
        PreferredLanguage::Tagalog,
        PreferredLanguage::Korean,
        PreferredLanguage::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PreferredLanguage::English => "english",
            PreferredLanguage::Spanish => "spanish",
            PreferredLanguage::Chinese => "chinese",
            PreferredLanguage::Vietnamese => "vietnamese",
            PreferredLanguage::Tagalog => "tagalog",
            PreferredLanguage::Korean => "korean",
            PreferredLanguage::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<PreferredLanguage> {
        PreferredLanguage::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The app's language for this one, when the app speaks it.
    pub fn locale(self) -> Option<super::text::Locale> {
        match self {
            PreferredLanguage::English => Some(super::text::Locale::En),
            PreferredLanguage::Spanish => Some(super::text::Locale::Es),
            _ => None,
        }
    }

    /// The first guess for a new person: whoever enters them in Spanish most likely enters
    /// people who read Spanish; their transcripts and calendar files follow this choice.
    pub fn for_locale(locale: super::text::Locale) -> PreferredLanguage {
        match locale {
            super::text::Locale::Es => PreferredLanguage::Spanish,
            super::text::Locale::En => PreferredLanguage::English,
        }
    }
}

/// How the person is engaged (a field of DHCS's CHW annual training checklist).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmploymentType {
    Employee,
    Contractor,
    Volunteer,
}

impl EmploymentType {
    pub const ALL: [EmploymentType; 3] = [EmploymentType::Employee, EmploymentType::Contractor, EmploymentType::Volunteer];

    pub fn code(self) -> &'static str {
        match self {
            EmploymentType::Employee => "employee",
            EmploymentType::Contractor => "contractor",
            EmploymentType::Volunteer => "volunteer",
        }
    }

    pub fn from_code(code: &str) -> Option<EmploymentType> {
        EmploymentType::ALL.into_iter().find(|e| e.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub preferred_language: PreferredLanguage,
    #[serde(default)]
    pub worker_type: WorkerType,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub program: String,
    #[serde(default)]
    pub role_title: String,
    #[serde(default, with = "super::date::iso_opt")]
    pub hire_date: Option<Date>,
    #[serde(default)]
    pub employment_type: Option<EmploymentType>,
    /// Supervising provider's name and title (DHCS checklist).
    #[serde(default)]
    pub supervisor: String,
    /// Supervising provider's organization, when it is not the person's own.
    #[serde(default)]
    pub supervising_org: String,
    /// Empty when the person has not given one.
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
    /// Archived people leave the lists but keep their whole record and can be restored:
    /// nothing is hard-deleted.
    #[serde(default)]
    pub archived: bool,
}

impl Person {
    /// The language to write a document for this person in (a transcript, a calendar file):
    /// their preferred language when the app speaks it, else the reader's.
    pub fn reading_locale(&self, fallback: super::text::Locale) -> super::text::Locale {
        self.preferred_language.locale().unwrap_or(fallback)
    }

    /// The supervising provider's organization for the DHCS record: the one given, else the
    /// person's own organization.
    pub fn supervising_organization(&self) -> &str {
        if self.supervising_org.trim().is_empty() { &self.organization } else { &self.supervising_org }
    }

    /// Does this person match a search box query? Every word of the query must appear in
    /// the name, email, organization, program or role title, ignoring case and accents.
    pub fn matches(&self, folded_query: &str) -> bool {
        if folded_query.is_empty() {
            return true;
        }
        let haystack = fold(&format!(
            "{} {} {} {} {}",
            self.name, self.email, self.organization, self.program, self.role_title
        ));
        folded_query.split(' ').all(|word| haystack.contains(word))
    }
}

/// People, sorted by name, that a search shows: archived ones only when asked for.
pub fn search<'a>(people: &'a [Person], query: &str, show_archived: bool) -> Vec<&'a Person> {
    let q = fold(query);
    let mut found: Vec<&Person> = people
        .iter()
        .filter(|p| p.archived == show_archived && p.matches(&q))
        .collect();
    found.sort_by_cached_key(|p| fold(&p.name));
    found
}

/// Existing people a new or edited record may duplicate: the same name (ignoring case,
/// accents and spacing) or the same email. A warning, not an error: two people can share a name.
pub fn possible_duplicates<'a>(
    people: &'a [Person],
    editing_id: Option<&str>,
    name: &str,
    email: &str,
) -> Vec<&'a Person> {
    let name = fold(name);
    let email = email.trim().to_lowercase();
    people
        .iter()
        .filter(|p| Some(p.id.as_str()) != editing_id)
        .filter(|p| {
            (!name.is_empty() && fold(&p.name) == name)
                || (!email.is_empty() && p.email.trim().to_lowercase() == email)
        })
        .collect()
}

/// People a picker offers: not archived, whose name holds `query` (ignoring case, accents and
/// spacing: "jose nunez" finds "José Núñez"), in alphabetical order the same way.
pub fn to_pick<'a>(people: &'a [Person], query: &str) -> Vec<&'a Person> {
    let query = fold(query);
    let mut out: Vec<(String, &Person)> = people.iter().filter(|p| !p.archived).map(|p| (fold(&p.name), p)).filter(|(name, _)| name.contains(&query)).collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    out.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
pub(crate) fn sample(id: &str, name: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        preferred_language: PreferredLanguage::Spanish,
        worker_type: WorkerType::Chw,
        organization: "Clínica del Valle".into(),
        program: "ECM".into(),
        role_title: "Promotora".into(),
        hire_date: None,
        employment_type: None,
        supervisor: String::new(),
        supervising_org: String::new(),
        email: String::new(),
        notes: String::new(),
        archived: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picker_offers_people_alphabetically_found_without_accents_and_never_the_archived() {
        let people = [sample("1", "Ximena Ortiz"), sample("2", "Ángela Núñez"), Person { archived: true, ..sample("3", "Ana Archivada") }, sample("4", "ana flores"), sample("5", "José Núñez")];
        let names = |q: &str| to_pick(&people, q).into_iter().map(|p| p.name.as_str()).collect::<Vec<_>>();
        assert_eq!(names(""), ["ana flores", "Ángela Núñez", "José Núñez", "Ximena Ortiz"]);
        assert_eq!(names("nunez"), ["Ángela Núñez", "José Núñez"]);
        assert_eq!(names("  JOSÉ   núñez "), ["José Núñez"]);
        assert!(names("Archivada").is_empty());
    }

    #[test]
    fn the_supervising_organization_falls_back_to_the_persons_own() {
        let p = sample("1", "Ana");
        assert_eq!(p.supervising_organization(), "Clínica del Valle");
        let other = Person { supervising_org: "County BH".into(), ..p };
        assert_eq!(other.supervising_organization(), "County BH");
    }

    #[test]
    fn search_folds_accents_and_needs_every_word() {
        let people = vec![sample("1", "José Núñez"), sample("2", "Ana Pérez"), sample("3", "Joselyn Ruiz")];
        let names = |q: &str| search(&people, q, false).iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names("jose"), vec!["José Núñez", "Joselyn Ruiz"]);
        assert_eq!(names("jose nunez"), vec!["José Núñez"]);
        assert_eq!(names("PEREZ"), vec!["Ana Pérez"]);
        assert_eq!(names("clinica"), vec!["Ana Pérez", "José Núñez", "Joselyn Ruiz"]);
        assert!(names("zzz").is_empty());
    }

    #[test]
    fn documents_are_written_in_the_preferred_language_when_the_app_speaks_it() {
        use crate::domain::text::Locale;
        let mut p = sample("1", "Ana");
        p.preferred_language = PreferredLanguage::Spanish;
        assert_eq!(p.reading_locale(Locale::En), Locale::Es);
        p.preferred_language = PreferredLanguage::Vietnamese;
        assert_eq!(p.reading_locale(Locale::En), Locale::En);
        assert_eq!(p.reading_locale(Locale::Es), Locale::Es);
    }

    #[test]
    fn a_new_person_reads_the_language_they_were_entered_in() {
        use crate::domain::text::Locale;
        assert_eq!(PreferredLanguage::for_locale(Locale::Es), PreferredLanguage::Spanish);
        assert_eq!(PreferredLanguage::for_locale(Locale::En), PreferredLanguage::English);
    }

    #[test]
    fn archived_people_are_listed_only_when_asked_for() {
        let mut archived = sample("2", "Ana Pérez");
        archived.archived = true;
        let people = vec![sample("1", "José Núñez"), archived];
        assert_eq!(search(&people, "", false).len(), 1);
        assert_eq!(search(&people, "", true)[0].id, "2");
    }

    #[test]
    fn duplicates_by_folded_name_or_email_but_not_self() {
        let mut ana = sample("2", "Ana Pérez");
        ana.email = "ana@example.org".into();
        let people = vec![sample("1", "José Núñez"), ana];
        assert_eq!(possible_duplicates(&people, None, "jose  nunez", "").len(), 1);
        assert_eq!(possible_duplicates(&people, None, "Someone Else", "ANA@example.org ")[0].id, "2");
        assert!(possible_duplicates(&people, Some("1"), "José Núñez", "").is_empty());
        assert!(possible_duplicates(&people, None, "", "").is_empty());
    }

    #[test]
    fn codes_round_trip() {
        for w in WorkerType::ALL {
            assert_eq!(WorkerType::from_code(w.code()), Some(w));
        }
        for l in PreferredLanguage::ALL {
            assert_eq!(PreferredLanguage::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn old_records_without_new_fields_still_load() {
        let p: Person = serde_json::from_str(r#"{"id":"p1","name":"Rosa"}"#).unwrap();
        assert_eq!(p.worker_type, WorkerType::Chw);
        assert!(!p.archived);
    }
}
