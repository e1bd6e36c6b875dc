//! The backup format: what is written reads back the same, every kind of bad file gets its
//! reason and nothing else, and the preview counts what a restore would change.

use super::*;
use crate::domain::completion::Completion;
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::ladders::examples::{example_floors, example_grades, example_ladders};
use crate::domain::ladders::person::Attestation;
use crate::domain::person::sample;
use crate::domain::presets::presets;
use proptest::prelude::*;

fn completion(id: &str, person: &str, training: &str, on: Date, hundredths: u32) -> Completion {
    Completion { verification: None, partial: false,
        id: id.into(),
        person_id: person.into(),
        training_id: format!("builtin.{training}"),
        completed_on: on,
        hours: Hours::from_hundredths(hundredths),
        provider: "Clínica Luz, \"Núñez\"".into(),
        certificate_number: String::new(),
        ce_category: None,
        notes: "ñ, é, 😀".into(),
        removed: false,
    }
}

fn dataset(people: usize, per_person: usize, seed: u32) -> BackupData {
    let start = Date::parse_iso("2020-01-01").unwrap();
    let mut data = BackupData {
        people: (0..people).map(|i| sample(&format!("p{i}"), &format!("Persona {i} Núñez"))).collect(),
        requirements: presets().into_iter().take(2).map(|mut r| { r.retired = true; r }).collect(),
        ladders: example_ladders(),
        pay_grades: example_grades(),
        wage_floors: example_floors(),
        pay_policy: Some(PayPolicy::default()),
        ..BackupData::default()
    };
    for i in 0..people {
        let mut file = PersonRecords::new(&format!("p{i}"));
        for j in 0..per_person {
            let on = start.add_days(((i * 37 + j * 101) as u32 ^ seed) as i32 % 2000);
            file.completions.push(completion(&format!("c{i}-{j}"), &file.person_id, "hipaa", on, 100 + (j as u32 * 25)));
        }
        file.attestations.push(Attestation { unconfirmed: None,
            id: format!("a{i}"), person_id: file.person_id.clone(), kind: "recommendation_letter".into(),
            on: start, attested_by: "Dr. Ana Ruiz".into(), note: String::new(), removed: i % 2 == 0,
        });
        if i == 0 {
            file.changed.push(crate::domain::merge::Stamp { id: "a0".into(), at: "2026-11-20T10:00:00.000Z".into(), gone: false });
            data.changes.push(crate::domain::merge::Stamp { id: "people/p0".into(), at: "2026-11-21T10:00:00.000Z".into(), gone: false });
            data.changes.push(crate::domain::merge::Stamp { id: "training_types/builtin.hipaa".into(), at: "2026-11-22T10:00:00.000Z".into(), gone: true });
        }
        data.files.push(file);
    }
    data
}

#[test]
fn a_backup_reads_back_exactly_with_its_envelope() {
    let data = dataset(3, 4, 7);
    let text = data.to_file(5, "0.1.0", "2026-11-24T21:00:00Z");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "escalera-backup");
    assert_eq!(value["format_version"], 2);
    assert_eq!(value["schema_version"], 5);
    assert_eq!(value["counts"]["people"], 3);
    assert_eq!(value["counts"]["person_records"], 3);
    assert_eq!(value["person_records"][0]["person_id"], "p0");
    assert_eq!(value["person_records"][0]["completions"].as_array().unwrap().len(), 4);
    assert_eq!(BackupData::from_file(&text, 5).unwrap(), data);
}

#[test]
fn a_bad_file_gets_its_reason() {
    let good = dataset(1, 1, 1).to_file(5, "0.1.0", "2026-11-24T21:00:00Z");
    let read = |text: &str| BackupData::from_file(text, 5).unwrap_err();
    assert_eq!(read(""), BackupProblem::Empty);
    assert_eq!(read("   \n"), BackupProblem::Empty);
    assert!(matches!(read("{\"format\": "), BackupProblem::NotJson { line: 1, .. }));
    assert!(matches!(read(&good[..good.len() / 2]), BackupProblem::NotJson { .. }), "a truncated file");
    assert_eq!(read("[1, 2, 3]"), BackupProblem::NotABackup);
    assert_eq!(read("{\"people\": []}"), BackupProblem::NotABackup);
    let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        edit(&mut value);
        value.to_string()
    };
    assert_eq!(read(&edited(&|v| v["format_version"] = 3.into())), BackupProblem::NewerFormat { version: 3 });
    assert_eq!(read(&edited(&|v| v["schema_version"] = 9.into())), BackupProblem::NewerSchema { version: 9 });
    // An impossible date, hours as text, a wrong type: the reason says where.
    let bad_date = edited(&|v| v["person_records"][0]["completions"][0]["completed_on"] = "2025-02-30".into());
    assert!(matches!(read(&bad_date), BackupProblem::Invalid { .. }), "{:?}", read(&bad_date));
    let text_hours = edited(&|v| v["person_records"][0]["completions"][0]["hours"] = "lots".into());
    assert!(matches!(read(&text_hours), BackupProblem::Invalid { .. }));
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&good) else { panic!() };
    value["people"][0]["name"] = serde_json::json!(42);
    assert!(matches!(read(&value.to_string()), BackupProblem::Invalid { detail } if detail.contains("expected a string")));
    // The same person twice.
    let Ok(mut twice) = serde_json::from_str::<serde_json::Value>(&good) else { panic!() };
    let person = twice["people"][0].clone();
    twice["people"].as_array_mut().unwrap().push(person);
    assert_eq!(read(&twice.to_string()), BackupProblem::DuplicateId { kind: Kind::People, id: "p0".into() });
    // Deeply nested JSON is refused, not a crash.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(read(&deep), BackupProblem::NotJson { .. } | BackupProblem::NotABackup));
}

#[test]
fn the_preview_counts_new_changed_and_removed_records() {
    let current = dataset(3, 2, 1);
    let mut incoming = dataset(4, 2, 1);
    incoming.people[0].name = "Renamed".into();
    incoming.people.remove(1);
    let changes: BTreeMap<Kind, Change> = preview(&current, &incoming).into_iter().collect();
    assert_eq!(changes[&Kind::People], Change { incoming: 3, new: 1, changed: 1, removed: 1 });
    assert_eq!(changes[&Kind::PersonRecords], Change { incoming: 4, new: 1, changed: 0, removed: 0 });
    assert_eq!(changes[&Kind::Ladders], Change { incoming: 3, new: 0, changed: 0, removed: 0 });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export then import gives back exactly the same data.
    #[test]
    fn export_then_import_gives_back_the_same_data(people in 0usize..12, per_person in 0usize..6, seed in any::<u32>()) {
        let data = dataset(people, per_person, seed);
        let text = data.to_file(5, "0.1.0", "2026-11-24T21:00:00Z");
        prop_assert_eq!(BackupData::from_file(&text, 5).unwrap(), data);
    }

    /// Arbitrary bytes never panic the reader.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = BackupData::from_file(&text, 5);
    }
}

#[test]
fn a_restore_keeps_the_devices_own_backup_facts() {
    use crate::domain::date::{Date, DateExt};
    let today = Date::parse_iso("2026-11-24").unwrap();
    let mut incoming = dataset(1, 1, 1);
    incoming.settings.due_soon_days = 45;
    incoming.settings.last_backup_on = Some(today.add_days(-90));
    let here = Settings { last_backup_on: Some(today), keeping_since: Some(today.add_days(-10)), backup_reminder_days: 7, ..Settings::default() };
    let kept = incoming.keeping_device_facts_of(&here);
    assert_eq!((kept.settings.last_backup_on, kept.settings.keeping_since, kept.settings.backup_reminder_days), (Some(today), Some(today.add_days(-10)), 7));
    assert_eq!(kept.settings.due_soon_days, 45, "the data's own settings come from the backup");
}

/// A backup written by each released data version, kept as a file: whatever the code becomes,
/// these must still restore. (Backups exist since data version 5; the file for a later version
/// is added when it ships.) `ESCALERA_WRITE_FIXTURE=1` writes a missing fixture once.
#[test]
fn a_backup_from_every_released_version_still_reads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    // (format version, data version, change stamps in it)
    for (format, schema, stamps) in [(1, 5, 0), (2, 6, 3)] {
        let path = format!("{dir}/backup-format{format}-schema{schema}.json");
        if std::env::var_os("ESCALERA_WRITE_FIXTURE").is_some() && !std::path::Path::new(&path).exists() {
            assert_eq!(format, FORMAT_VERSION, "only the current format can be written: an older fixture is kept as it shipped");
            let mut data = dataset(3, 2, 5);
            data.files[0].removals = vec![crate::domain::trash::Removal { id: "c0-1".into(), on: Date::parse_iso("2026-11-20").unwrap() }];
            data.files[0].completions[1].removed = true;
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, data.to_file(schema, "0.1.0", "2026-11-29T12:00:00Z")).unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("the fixture for data version {schema}"));
        let data = BackupData::from_file(&text, schema).unwrap_or_else(|e| panic!("a version {schema} backup reads: {e:?}"));
        assert_eq!((data.people.len(), data.files.len(), data.ladders.len()), (3, 3, 3));
        assert_eq!(data.people[1].name, "Persona 1 Núñez");
        assert_eq!(data.files[0].completions[0].notes, "ñ, é, 😀");
        assert_eq!(data.files[0].removals.len(), 1);
        assert_eq!(data.changes.len() + data.files[0].changed.len(), stamps, "format {format}");
        // …and with the current store too, whatever its version now.
        assert!(BackupData::from_file(&text, 99).is_ok());
    }
}

#[test]
fn a_backup_read_in_steps_is_the_same_as_read_at_once_and_counts_its_progress() {
    let data = dataset(7, 3, 11);
    let text = data.to_file(6, "0.1.0", "2026-11-29T12:00:00Z");
    let mut reading = Reading::open(&text, 6).unwrap();
    assert_eq!(reading.progress(), (0, 7));
    reading.read_some(3).unwrap();
    assert_eq!(reading.progress(), (3, 7));
    reading.read_some(3).unwrap();
    assert_eq!(reading.progress(), (6, 7));
    assert_eq!(reading.finish().unwrap(), data);
    // A bad document further on is found when it is reached, with its reason.
    let bad = text.replacen("\"completed_on\":\"2020-", "\"completed_on\":\"2020-13-", 1);
    assert!(matches!(Reading::open(&bad, 6).and_then(|mut r| r.read_some(usize::MAX)), Err(BackupProblem::Invalid { .. })));
}
