//! What a file brings in keeps the rules the forms keep. A backup restored or merged, or a
//! person's record file imported, could otherwise store what no form accepts: a name of
//! 10,000 characters, two trainings under one id (one of them then unreachable), a date in a
//! field that needs none. Each record is checked with the same limits as its form
//! (`form::SHORT`, `form::LONG`, the hours a record may hold), and the first one that breaks
//! a rule is named, so the file is refused with the reason and nothing is written.

use super::backup::{BackupData, BackupProblem, Kind};
use super::form::{Errors, Field, Problem, PersonDraft, LONG, SHORT};
use super::hours::{Hours, MAX_HOURS_PER_RECORD};
use super::person::Person;
use super::person_records::PersonRecords;
use std::collections::HashSet;

/// Everything in a backup: people by their form, each person's records, the catalog's names.
pub fn check(data: &BackupData) -> Result<(), BackupProblem> {
    check_people(&data.people)?;
    for file in &data.files {
        let owner = data.people.iter().find(|p| p.id == file.person_id).map_or(file.person_id.as_str(), |p| p.name.as_str());
        check_records(file, owner)?;
    }
    for t in &data.training_types {
        let what = named(if t.name.en.trim().is_empty() { &t.name.es } else { &t.name.en });
        let mut e = Errors::default();
        e.text(Field::NameEn, &t.name.en, false, SHORT);
        e.text(Field::NameEs, &t.name.es, false, SHORT);
        if t.name.en.trim().is_empty() && t.name.es.trim().is_empty() {
            e.add(Field::NameEn, Problem::Required);
        }
        first(e, what)?;
    }
    for r in &data.requirements {
        let mut e = Errors::default();
        e.text(Field::NameEn, &r.name.en, true, SHORT);
        e.text(Field::NameEs, &r.name.es, true, SHORT);
        first(e, named(&r.name.en))?;
    }
    for l in &data.ladders {
        let mut e = Errors::default();
        e.text(Field::NameEn, &l.name.en, true, SHORT);
        e.text(Field::NameEs, &l.name.es, true, SHORT);
        first(e, named(&l.name.en))?;
    }
    for g in &data.pay_grades {
        let mut e = Errors::default();
        e.text(Field::NameEn, &g.name.en, true, SHORT);
        e.text(Field::NameEs, &g.name.es, true, SHORT);
        first(e, named(&g.name.en))?;
    }
    Ok(())
}

/// People as the person form would take them.
pub fn check_people(people: &[Person]) -> Result<(), BackupProblem> {
    for p in people {
        if let Err(e) = PersonDraft::from_person(p).to_person(&p.id, p.archived) {
            first(e, named(&p.name))?;
        }
    }
    Ok(())
}

/// One person's records: no id twice in a list, and each record's text and hours within the
/// limits of its form. `owner` names the person in the reason.
pub fn check_records(file: &PersonRecords, owner: &str) -> Result<(), BackupProblem> {
    let lists: [Vec<&str>; 6] = [
        file.completions.iter().map(|x| x.id.as_str()).collect(),
        file.work_hours.iter().map(|x| x.id.as_str()).collect(),
        file.waivers.iter().map(|x| x.id.as_str()).collect(),
        file.placements.iter().map(|x| x.id.as_str()).collect(),
        file.attestations.iter().map(|x| x.id.as_str()).collect(),
        file.plans.iter().map(|x| x.id.as_str()).collect(),
    ];
    for ids in lists {
        let mut seen = HashSet::new();
        if let Some(id) = ids.into_iter().find(|id| !seen.insert(*id)) {
            return Err(BackupProblem::DuplicateId { kind: Kind::PersonRecords, id: format!("{} · {id}", named(owner)) });
        }
    }
    let what = named(owner);
    for c in &file.completions {
        let mut e = Errors::default();
        e.text(Field::Provider, &c.provider, false, SHORT);
        e.text(Field::CertificateNumber, &c.certificate_number, false, SHORT);
        e.text(Field::Notes, &c.notes, false, LONG);
        hours(&mut e, c.hours);
        first(e, what.clone())?;
    }
    for w in &file.work_hours {
        let mut e = Errors::default();
        e.text(Field::Notes, &w.notes, false, LONG);
        first(e, what.clone())?;
    }
    for w in &file.waivers {
        let mut e = Errors::default();
        e.text(Field::Reason, &w.reason, false, LONG);
        e.text(Field::WaivedBy, &w.waived_by, false, SHORT);
        first(e, what.clone())?;
    }
    for a in &file.attestations {
        let mut e = Errors::default();
        e.text(Field::AttestedBy, &a.attested_by, false, SHORT);
        e.text(Field::Notes, &a.note, false, LONG);
        first(e, what.clone())?;
    }
    for p in &file.placements {
        let mut e = Errors::default();
        e.text(Field::Notes, &p.note, false, LONG);
        first(e, what.clone())?;
    }
    Ok(())
}

fn hours(e: &mut Errors, h: Hours) {
    if h > MAX_HOURS_PER_RECORD {
        e.add(Field::Hours, Problem::HoursOutOfRange);
    }
}

/// A name short enough to quote in a message (a 10,000-character name is the problem itself).
fn named(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() > 60 { format!("{}…", name.chars().take(60).collect::<String>()) } else { name.to_owned() }
}

fn first(e: Errors, what: String) -> Result<(), BackupProblem> {
    match e.0.first() {
        None => Ok(()),
        Some(&(field, problem)) => Err(BackupProblem::BreaksRule { what, field, problem }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example_data::FILE_SCHEMA_VERSION;

    /// The shipped example organization: 60 people with every kind of record.
    fn example() -> BackupData {
        let text = include_str!("../../public/example-data.json");
        BackupData::from_file(text, FILE_SCHEMA_VERSION).expect("the example file reads, and so keeps every rule")
    }

    #[test]
    fn a_name_longer_than_the_form_takes_is_refused_with_the_field() {
        let mut data = example();
        data.people[3].name = "Ñ".repeat(10_000);
        match check(&data) {
            Err(BackupProblem::BreaksRule { what, field, problem }) => {
                assert_eq!((field, problem), (Field::Name, Problem::TooLong { max: SHORT }));
                assert_eq!(what.chars().count(), 61, "the name is shortened in the reason");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn two_trainings_under_one_id_in_a_persons_records_are_refused() {
        let mut data = example();
        let file = data.files.iter_mut().find(|f| f.completions.len() > 1).unwrap();
        let person = file.person_id.clone();
        let twin = file.completions[0].id.clone();
        file.completions[1].id = twin.clone();
        let name = data.people.iter().find(|p| p.id == person).unwrap().name.clone();
        assert_eq!(check(&data), Err(BackupProblem::DuplicateId { kind: Kind::PersonRecords, id: format!("{name} · {twin}") }));
    }

    #[test]
    fn a_record_with_too_many_hours_or_a_long_note_is_refused() {
        let mut data = example();
        let file = data.files.iter_mut().find(|f| !f.completions.is_empty()).unwrap();
        file.completions[0].notes = "x".repeat(LONG + 1);
        assert!(matches!(check(&data), Err(BackupProblem::BreaksRule { field: Field::Notes, problem: Problem::TooLong { max: LONG }, .. })));
        let mut data = example();
        let file = data.files.iter_mut().find(|f| !f.completions.is_empty()).unwrap();
        file.completions[0].hours = Hours::from_hundredths(MAX_HOURS_PER_RECORD.hundredths() + 1);
        assert!(matches!(check(&data), Err(BackupProblem::BreaksRule { field: Field::Hours, problem: Problem::HoursOutOfRange, .. })));
    }

    #[test]
    fn reading_a_backup_checks_it_so_restore_and_merge_refuse_before_writing() {
        let mut data = example();
        data.people[0].name = "x".repeat(SHORT + 1);
        let text = data.to_file(FILE_SCHEMA_VERSION, "test", "2026-12-07T00:00:00Z");
        assert!(matches!(BackupData::from_file(&text, FILE_SCHEMA_VERSION), Err(BackupProblem::BreaksRule { field: Field::Name, .. })));
    }

    #[test]
    fn a_person_with_an_implausible_email_is_refused_as_the_form_would() {
        let mut data = example();
        data.people[0].email = "ana at example".into();
        assert!(matches!(check(&data), Err(BackupProblem::BreaksRule { field: Field::Email, problem: Problem::InvalidEmail, .. })));
    }
}
