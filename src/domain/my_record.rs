//! "My record": one person's record as a file they carry to a new employer
//! (docs/person-record.md). It holds the person, what they did (completions, hours worked,
//! attestations, ladder placements) and the organization's own training types those
//! completions name. Waivers and planned trainings stay behind: they are one employer's
//! decisions, not the person's record.
//!
//! Importing matches the person to someone already here (by id, then email, then name, and a
//! name match needs a person to confirm it), adds only what is not here yet, and never
//! duplicates: a second import of the same file adds nothing.

use super::backup::BackupProblem;
use super::completion::{Completion, FromFile, Verdict, Verification};
use super::date::{Date, DateExt};
use super::person::Person;
use super::person_records::{Keyed, PersonRecords};
use super::text::fold;
use super::training::TrainingType;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const FORMAT: &str = "escalera-person-record";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct PersonFile {
    pub person: Person,
    pub records: PersonRecords,
    /// The organization's own training types the completions name (built-ins travel with the app).
    pub training_types: Vec<TrainingType>,
    /// Who exported it (the organization, or the person keeping their own record) and on
    /// which day: an importing employer shows it as where each record came from. Empty and
    /// `None` in a file read that does not say.
    pub exported_by: String,
    pub exported_on: Option<Date>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<R> {
    format: String,
    format_version: u32,
    app_version: String,
    exported_at: String,
    person: Person,
    /// The person's document in its stored form (docs/storage.md).
    records: R,
    training_types: Vec<TrainingType>,
    /// Added in version 1 files from issue #20 on; older files leave it out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    exported_by: String,
}

impl PersonFile {
    /// What a person carries away, from what is stored about them. `own_trainings` are the
    /// organization's stored training types (customised built-ins and its own).
    pub fn of(person: &Person, records: &PersonRecords, own_trainings: &[TrainingType], exported_by: &str) -> PersonFile {
        let live = |removed: bool| !removed;
        let records = PersonRecords {
            person_id: person.id.clone(),
            completions: records.completions.iter().filter(|c| live(c.removed)).cloned().collect(),
            work_hours: records.work_hours.iter().filter(|w| live(w.removed)).cloned().collect(),
            attestations: records.attestations.iter().filter(|a| live(a.removed)).cloned().collect(),
            placements: records.placements.iter().filter(|p| live(p.removed)).cloned().collect(),
            waivers: Vec::new(),
            plans: Vec::new(),
            removals: Vec::new(),
            changed: Vec::new(),
        };
        let named: HashSet<&str> = records.completions.iter().map(|c| c.training_id.as_str()).collect();
        let training_types = own_trainings.iter().filter(|t| named.contains(t.id.as_str())).cloned().collect();
        PersonFile { person: person.clone(), records, training_types, exported_by: exported_by.trim().to_owned(), exported_on: None }
    }

    pub fn to_file(&self, app_version: &str, exported_at: &str) -> String {
        let records = serde_json::value::RawValue::from_string(self.records.to_json()).unwrap_or_else(|_| unreachable!("built from JSON"));
        let envelope = Envelope {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            app_version: app_version.into(),
            exported_at: exported_at.into(),
            person: self.person.clone(),
            records,
            training_types: self.training_types.clone(),
            exported_by: self.exported_by.clone(),
        };
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// Reads a person's record file, or says why it cannot (the backup's reasons).
    pub fn from_file(text: &str) -> Result<PersonFile, BackupProblem> {
        super::backup::check_envelope(text, FORMAT, FORMAT_VERSION)?;
        let invalid = |e: serde_json::Error| BackupProblem::Invalid { detail: e.to_string() };
        let envelope: Envelope<Box<serde_json::value::RawValue>> = serde_json::from_str(text).map_err(invalid)?;
        let records = PersonRecords::from_json(&envelope.person.id, envelope.records.get()).map_err(invalid)?;
        super::intake::check_people(std::slice::from_ref(&envelope.person))?;
        super::intake::check_records(&records, &envelope.person.name)?;
        let exported_on = envelope.exported_at.get(..10).and_then(Date::parse_iso);
        Ok(PersonFile { person: envelope.person, records, training_types: envelope.training_types, exported_by: envelope.exported_by, exported_on })
    }
}

/// Who the file's person is here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// The same record (same id): this file came from here, or was imported before.
    SameId(String),
    /// Someone here with the same email.
    Email(String),
    /// Someone here with the same name (ignoring case and accents): a person must confirm.
    Name(String),
    /// No one here: the person is added.
    New,
}

impl Match {
    /// The person here the match names, if any.
    pub fn here(&self) -> Option<&str> {
        match self {
            Match::SameId(id) | Match::Email(id) | Match::Name(id) => Some(id),
            Match::New => None,
        }
    }

    /// Is the import for the person here? The same id or email is; the same name only once a
    /// person confirms it (two people can share a name).
    pub fn is_for_person_here(&self, confirmed: bool) -> bool {
        match self {
            Match::SameId(_) | Match::Email(_) => true,
            Match::Name(_) => confirmed,
            Match::New => false,
        }
    }
}

/// The file as someone new here: under its own id, unless that id is taken here.
pub fn as_someone_new(file: &PersonFile, people: &[Person], new_id: impl FnOnce() -> String) -> PersonFile {
    let mut new_file = file.clone();
    if people.iter().any(|p| p.id == file.person.id) {
        new_file.person.id = new_id();
    }
    new_file
}

pub fn find_match(people: &[Person], incoming: &Person) -> Match {
    if people.iter().any(|p| p.id == incoming.id) {
        return Match::SameId(incoming.id.clone());
    }
    let email = incoming.email.trim().to_lowercase();
    if !email.is_empty() {
        if let Some(p) = people.iter().find(|p| p.email.trim().to_lowercase() == email) {
            return Match::Email(p.id.clone());
        }
    }
    let name = fold(&incoming.name);
    match people.iter().find(|p| fold(&p.name) == name) {
        Some(p) => Match::Name(p.id.clone()),
        None => Match::New,
    }
}

/// How many records of each kind an import adds, and how many were already here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub completions: usize,
    pub work_hours: usize,
    pub attestations: usize,
    pub placements: usize,
    pub training_types: usize,
    /// In the file and already here (same record, or the same training on the same day).
    pub already_here: usize,
    /// Placements on ladders this organization does not have: left out.
    pub other_ladders: usize,
}

impl Added {
    pub fn total(&self) -> usize {
        self.completions + self.work_hours + self.attestations + self.placements
    }
}

/// What to write: the person (unchanged when they are already here), their whole document
/// after the import, and the training types to add.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub person: Person,
    pub person_is_new: bool,
    pub records: PersonRecords,
    pub training_types: Vec<TrainingType>,
    pub added: Added,
}

/// Plans the import of `file` as `target` (someone here) or as a new person (`None`).
/// `current` is the target's document here; `trainings_here` every training type known here
/// (built-in and stored); `ladders_here` the ids of the ladders here.
///
/// At an employer (`confirm_on: Some(today)`) nothing arrives as if it were verified here:
/// each training comes *pending verification* with where it came from (the file's exporter
/// and day), and each attestation and placement waits for confirmation; until then they
/// count toward nothing, and the verification list shows them. A person keeping their own
/// record (`None`) takes the file as it is: it is their own.
pub fn plan_import(
    file: &PersonFile,
    target: Option<&Person>,
    current: &PersonRecords,
    trainings_here: &[TrainingType],
    ladders_here: &HashSet<&str>,
    confirm_on: Option<Date>,
) -> ImportPlan {
    let origin = confirm_on.map(|today| FromFile {
        exported_by: Some(file.exported_by.trim()).filter(|s| !s.is_empty()).map_or_else(|| file.person.organization.clone(), str::to_owned),
        exported_on: file.exported_on.unwrap_or(today),
        imported_on: today,
    });
    let person = target.cloned().unwrap_or_else(|| Person { archived: false, ..file.person.clone() });
    let mut records = current.clone();
    records.person_id = person.id.clone();
    let mut added = Added::default();

    let same_training_day = |a: &Completion, b: &Completion| a.training_id == b.training_id && a.completed_on == b.completed_on && !b.removed;
    for c in &file.records.completions {
        if records.completions.iter().any(|x| x.id == c.id || same_training_day(c, x)) {
            added.already_here += 1;
        } else {
            let verification = match &origin {
                Some(o) => Some(Verification {
                    from_file: Some(o.clone()),
                    verdict: Verdict::Pending,
                    reported_by: file.person.name.clone(),
                    reported_on: o.imported_on,
                    decided_by: String::new(),
                    decided_on: None,
                    reason: String::new(),
                }),
                None => c.verification.clone(),
            };
            records.completions.push(Completion { person_id: person.id.clone(), verification, ..c.clone() });
            added.completions += 1;
        }
    }
    fn add_new<T: Keyed + Clone>(into: &mut Vec<T>, from: &[T], owner: &str, added: &mut usize, already: &mut usize, arrive: impl Fn(&mut T)) {
        for x in from {
            if into.iter().any(|y| y.key() == x.key()) {
                *already += 1;
            } else {
                let mut x = x.clone();
                x.set_owner(owner);
                arrive(&mut x);
                into.push(x);
                *added += 1;
            }
        }
    }
    add_new(&mut records.work_hours, &file.records.work_hours, &person.id, &mut added.work_hours, &mut added.already_here, |_| {});
    let unconfirmed = || origin.clone();
    add_new(&mut records.attestations, &file.records.attestations, &person.id, &mut added.attestations, &mut added.already_here, |a| {
        if let Some(o) = unconfirmed() {
            a.unconfirmed = Some(o);
        }
    });
    let (known, other): (Vec<_>, Vec<_>) = file.records.placements.iter().cloned().partition(|p| ladders_here.contains(p.ladder_id.as_str()));
    added.other_ladders = other.len();
    add_new(&mut records.placements, &known, &person.id, &mut added.placements, &mut added.already_here, |p| {
        if let Some(o) = unconfirmed() {
            p.unconfirmed = Some(o);
        }
    });

    let training_types: Vec<TrainingType> =
        file.training_types.iter().filter(|t| !trainings_here.iter().any(|h| h.id == t.id)).cloned().collect();
    added.training_types = training_types.len();
    ImportPlan { person, person_is_new: target.is_none(), records, training_types, added }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ladders::person::{Attestation, Placement};

    fn person(id: &str, name: &str, email: &str) -> Person {
        Person { email: email.into(), ..crate::domain::person::sample(id, name) }
    }

    fn json<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).unwrap()
    }

    fn done(id: &str, training: &str, on: &str) -> Completion {
        json(&format!(r#"{{"id":"{id}","person_id":"ana","training_id":"{training}","completed_on":"{on}","hours":2}}"#))
    }

    fn own_training(id: &str) -> TrainingType {
        TrainingType { id: id.into(), ..crate::domain::catalog::builtin_trainings().remove(0) }
    }

    fn placement(id: &str, ladder: &str) -> Placement {
        json(&format!(
            r#"{{"id":"{id}","person_id":"ana","ladder_id":"{ladder}","step_id":"s1","pay_step":1,"hourly":2500,"effective":"2025-01-01","reason":"hire"}}"#
        ))
    }

    fn sample() -> (Person, PersonRecords, Vec<TrainingType>) {
        let ana = Person { preferred_language: crate::domain::person::PreferredLanguage::Spanish, ..person("ana", "Ana Flores", "ana@example.org") };
        let mut records = PersonRecords::new("ana");
        records.completions = vec![done("c1", "builtin.mhfa_adult", "2025-03-01"), done("c2", "own.doula_101", "2025-06-01"), Completion { removed: true, ..done("c3", "builtin.hipaa", "2025-01-01") }];
        records.attestations = vec![json::<Attestation>(r#"{"id":"a1","person_id":"ana","kind":"lived_experience","on":"2025-01-01","attested_by":"Dr. Ruiz"}"#)];
        records.placements = vec![placement("p1", "ladder.here"), placement("p2", "ladder.elsewhere")];
        records.waivers = vec![json(r#"{"id":"w1","person_id":"ana","requirement_id":"r","reason":"x","waived_by":"HR","from":"2025-01-01"}"#)];
        (ana, records, vec![own_training("own.doula_101"), own_training("own.unrelated")])
    }

    #[test]
    fn the_file_carries_what_the_person_did_and_the_trainings_it_names() {
        let (ana, records, own) = sample();
        let file = PersonFile::of(&ana, &records, &own, "Clínica del Valle");
        assert_eq!(file.records.completions.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["c1", "c2"], "removed ones stay behind");
        assert!(file.records.waivers.is_empty(), "an employer's waivers stay behind");
        assert_eq!(file.training_types.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), vec!["own.doula_101"]);
        let text = file.to_file("0.1.0", "2026-11-29T12:00:00Z");
        assert!(text.starts_with(r#"{"format":"escalera-person-record","format_version":1"#));
        let back = PersonFile::from_file(&text).unwrap();
        assert_eq!((back.exported_by.as_str(), back.exported_on), ("Clínica del Valle", Date::parse_iso("2026-11-29")));
        assert_eq!(PersonFile { exported_on: None, ..back }, file, "round trip");
    }

    #[test]
    fn files_that_cannot_be_used_say_why() {
        assert_eq!(PersonFile::from_file(" "), Err(BackupProblem::Empty));
        assert!(matches!(PersonFile::from_file("{\"format\":"), Err(BackupProblem::NotJson { .. })));
        assert_eq!(PersonFile::from_file(r#"{"format":"escalera-backup","format_version":1}"#), Err(BackupProblem::NotABackup));
        assert_eq!(PersonFile::from_file(r#"{"format":"escalera-person-record","format_version":2}"#), Err(BackupProblem::NewerFormat { version: 2 }));
        let (ana, records, own) = sample();
        let text = PersonFile::of(&ana, &records, &own, "Clínica del Valle").to_file("0.1.0", "t").replace("2025-03-01", "2025-02-30");
        assert!(matches!(PersonFile::from_file(&text), Err(BackupProblem::Invalid { .. })));
    }

    #[test]
    fn the_person_is_matched_by_id_then_email_then_name() {
        let incoming = person("ana", "Ána Flores", "ANA@example.org");
        let here = vec![person("x", "Ana Flores", ""), person("y", "Someone", "ana@example.org")];
        assert_eq!(find_match(&here, &incoming), Match::Email("y".into()));
        assert_eq!(find_match(&here[..1], &incoming), Match::Name("x".into()), "accents and case do not matter");
        assert_eq!(find_match(&[person("ana", "Other", "")], &incoming), Match::SameId("ana".into()));
        assert_eq!(find_match(&[person("z", "Zoe", "")], &incoming), Match::New);
    }

    #[test]
    fn an_import_adds_only_what_is_new_and_a_second_import_adds_nothing() {
        let (ana, records, own) = sample();
        let file = PersonFile::of(&ana, &records, &own, "Clínica del Valle");
        // HR has Ana as "a-7" and already recorded her MHFA on the same day.
        let hr_ana = person("a-7", "Ana Flores", "ana@example.org");
        let mut here = PersonRecords::new("a-7");
        here.completions = vec![Completion { person_id: "a-7".into(), ..done("hr-1", "builtin.mhfa_adult", "2025-03-01") }];
        let ladders: HashSet<&str> = ["ladder.here"].into_iter().collect();
        let plan = plan_import(&file, Some(&hr_ana), &here, &[], &ladders, None);
        assert!(!plan.person_is_new);
        assert_eq!(plan.person, hr_ana, "the person here is kept as HR keeps them");
        assert_eq!(
            plan.added,
            Added { completions: 1, work_hours: 0, attestations: 1, placements: 1, training_types: 1, already_here: 1, other_ladders: 1 }
        );
        assert!(plan.records.completions.iter().chain([].iter()).all(|c| c.person_id == "a-7"));
        assert!(plan.records.attestations.iter().all(|a| a.person_id == "a-7"));
        // The same file again, over the result: nothing new.
        let again = plan_import(&file, Some(&hr_ana), &plan.records, &plan.training_types, &ladders, None);
        assert_eq!(again.added.total(), 0);
        assert_eq!(again.added.training_types, 0);
        assert_eq!(again.records, plan.records);
    }

    #[test]
    fn only_an_id_or_email_match_is_certain_and_a_taken_id_is_replaced_for_someone_new() {
        assert!(Match::SameId("a".into()).is_for_person_here(false));
        assert!(Match::Email("a".into()).is_for_person_here(false));
        assert!(!Match::Name("a".into()).is_for_person_here(false));
        assert!(Match::Name("a".into()).is_for_person_here(true));
        assert!(!Match::New.is_for_person_here(true));
        assert_eq!(Match::Email("x".into()).here(), Some("x"));
        let (ana, records, own) = sample();
        let file = PersonFile::of(&ana, &records, &own, "Clínica del Valle");
        assert_eq!(as_someone_new(&file, &[person("ana", "Other", "")], || "fresh".into()).person.id, "fresh");
        assert_eq!(as_someone_new(&file, &[], || "fresh".into()).person.id, "ana");
    }

    #[test]
    fn a_new_person_is_added_with_their_own_id() {
        let (mut ana, records, own) = sample();
        ana.archived = true;
        let file = PersonFile::of(&ana, &records, &own, "Clínica del Valle");
        let plan = plan_import(&file, None, &PersonRecords::new("ana"), &[], &HashSet::new(), None);
        assert!(plan.person_is_new);
        assert_eq!(plan.person.id, "ana");
        assert!(!plan.person.archived, "an imported person arrives active");
        assert_eq!(plan.added.completions, 2);
        assert_eq!(plan.added.other_ladders, 2);
    }

    /// Issue #20: at a new employer nothing in a record file arrives as if verified there:
    /// its trainings wait for verification with where they came from, its attestations and
    /// placements wait for confirmation, and none of them counts until then. A second import
    /// still adds nothing.
    #[test]
    fn at_an_employer_an_imported_record_waits_for_verification_with_its_origin() {
        let (ana, records, own) = sample();
        let file = PersonFile::from_file(&PersonFile::of(&ana, &records, &own, "Clínica del Valle").to_file("0.1.0", "2026-10-02T09:00:00Z")).unwrap();
        let today = Date::parse_iso("2026-12-07").unwrap();
        let ladders: HashSet<&str> = ["ladder.here"].into_iter().collect();
        let plan = plan_import(&file, None, &PersonRecords::new("ana"), &[], &ladders, Some(today));
        let origin = FromFile { exported_by: "Clínica del Valle".into(), exported_on: Date::parse_iso("2026-10-02").unwrap(), imported_on: today };
        assert_eq!(plan.records.completions.len(), 2);
        for c in &plan.records.completions {
            let v = c.verification.as_ref().unwrap();
            assert_eq!((v.verdict, v.from_file.as_ref(), v.reported_by.as_str()), (Verdict::Pending, Some(&origin), "Ana Flores"));
            assert!(c.pending() && !c.counts(), "counts toward nothing until verified");
        }
        assert!(plan.records.attestations.iter().all(|a| a.unconfirmed.as_ref() == Some(&origin) && !a.counts()));
        assert!(plan.records.placements.iter().all(|p| p.unconfirmed.as_ref() == Some(&origin) && !p.counts()));
        assert_eq!(crate::domain::ladders::person::current(&plan.records.placements, today), None, "an unconfirmed placement places nobody");
        let again = plan_import(&file, None, &plan.records, &plan.training_types, &ladders, Some(today));
        assert_eq!((again.added.total(), &again.records), (0, &plan.records));
        // An older file that does not say who exported it names the person's organization.
        let older = PersonFile { exported_by: String::new(), exported_on: None, ..file.clone() };
        let plan = plan_import(&older, None, &PersonRecords::new("ana"), &[], &ladders, Some(today));
        let v = plan.records.completions[0].verification.as_ref().unwrap().from_file.clone().unwrap();
        assert_eq!((v.exported_by, v.exported_on), (ana.organization.clone(), today));
    }

    use proptest::prelude::*;

    /// A generated record: `n` completions on days and trainings drawn from the seeds, some
    /// removed, and as many attestations.
    fn generated(n: usize, seeds: &[(u8, u16, bool)]) -> PersonRecords {
        let trainings = ["builtin.mhfa_adult", "builtin.hipaa", "own.doula_101", "builtin.cpr_first_aid"];
        let mut records = PersonRecords::new("ana");
        for (i, (t, day, removed)) in seeds.iter().take(n).enumerate() {
            use crate::domain::date::{Date, DateExt};
            let on = Date::parse_iso("2020-01-01").unwrap().add_days(i32::from(*day % 2000));
            let mut c = done(&format!("c{i}"), trainings[usize::from(*t) % trainings.len()], &on.to_iso());
            c.removed = *removed;
            records.completions.push(c);
        }
        records
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Export then read back gives exactly the record that travels.
        #[test]
        fn a_record_file_reads_back_exactly(n in 0usize..20, seeds in proptest::collection::vec(any::<(u8, u16, bool)>(), 20)) {
            let (ana, _, own) = sample();
            let file = PersonFile::of(&ana, &generated(n, &seeds), &own, "Clínica del Valle");
            prop_assert_eq!(PersonFile::from_file(&file.to_file("0.1.0", "t")).unwrap(), file);
        }

        /// Importing the same file twice changes nothing the second time, whatever was here.
        #[test]
        fn importing_twice_is_importing_once(
            n in 0usize..20, seeds in proptest::collection::vec(any::<(u8, u16, bool)>(), 20),
            here_n in 0usize..20, here_seeds in proptest::collection::vec(any::<(u8, u16, bool)>(), 20),
        ) {
            let (ana, _, own) = sample();
            let file = PersonFile::of(&ana, &generated(n, &seeds), &own, "Clínica del Valle");
            let hr_ana = person("a-7", "Ana Flores", "ana@example.org");
            let mut here = generated(here_n, &here_seeds);
            for c in &mut here.completions {
                c.id = format!("hr-{}", c.id);
            }
            let once = plan_import(&file, Some(&hr_ana), &here, &[], &HashSet::new(), None);
            let twice = plan_import(&file, Some(&hr_ana), &once.records, &once.training_types, &HashSet::new(), None);
            prop_assert_eq!(twice.added.total(), 0);
            prop_assert_eq!(&twice.records, &once.records);
        }

        /// Arbitrary text never panics the reader.
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = PersonFile::from_file(&text);
        }
    }
}
