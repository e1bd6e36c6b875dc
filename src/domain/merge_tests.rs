//! Merging a backup: one side only is kept, the newer change wins, a tie keeps what is here,
//! every difference is listed with both values, and merging the same file twice changes
//! nothing the second time.

use super::*;
use crate::domain::catalog::builtin_trainings;
use crate::domain::completion::Completion;
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::ladders::pay::PayPolicy;
use crate::domain::person::sample;
use crate::domain::settings::Settings;
use crate::domain::trash::Removal;
use proptest::prelude::*;

fn done(id: &str, person: &str, hundredths: u32, removed: bool) -> Completion {
    Completion { verification: None, partial: false,
        id: id.into(),
        person_id: person.into(),
        training_id: "builtin.hipaa".into(),
        completed_on: Date::parse_iso("2026-03-02").unwrap(),
        hours: Hours::from_hundredths(hundredths),
        provider: "Clínica Ñandú".into(),
        certificate_number: String::new(),
        ce_category: None,
        notes: String::new(),
        removed,
    }
}

fn stamp(id: &str, at: &str) -> Stamp {
    Stamp { id: id.into(), at: at.into(), gone: false }
}

fn tally(m: &Merged, kind: Kind) -> Tally {
    m.tally.iter().find(|(k, _)| *k == kind).map(|(_, t)| *t).unwrap()
}

#[test]
fn an_edit_is_stamped_an_addition_is_not_and_a_purged_record_loses_its_stamp() {
    let mut before = PersonRecords::new("p1");
    before.completions = vec![done("a", "p1", 100, false), done("b", "p1", 100, false)];
    let mut after = before.clone();
    after.completions[0].hours = Hours::from_hundredths(200);
    after.completions.push(done("c", "p1", 100, false));
    after.stamp_edits(&before, "2026-11-29T10:00:00.000Z");
    assert_eq!(after.changed, vec![stamp("a", "2026-11-29T10:00:00.000Z")]);

    // Removing is an edit too; a second edit moves the stamp forward.
    let before = after.clone();
    after.completions[0].removed = true;
    after.stamp_edits(&before, "2026-11-29T11:00:00.000Z");
    assert_eq!(after.changed, vec![stamp("a", "2026-11-29T11:00:00.000Z")]);

    // An unchanged write stamps nothing; a purge drops the stamp with the record.
    let before = after.clone();
    after.stamp_edits(&before, "2026-11-29T12:00:00.000Z");
    assert_eq!(after.changed, vec![stamp("a", "2026-11-29T11:00:00.000Z")]);
    after.completions.remove(0);
    after.stamp_edits(&before, "2026-11-29T13:00:00.000Z");
    assert!(after.changed.is_empty());
}

#[test]
fn records_on_one_side_are_kept_and_the_newer_change_wins() {
    let mut here = BackupData { people: vec![sample("p1", "Ana Flores"), sample("p2", "Luis Soto")], ..BackupData::default() };
    let mut file = BackupData { people: vec![sample("p1", "Ana Flores Ruiz"), sample("p2", "Luis Soto Peña"), sample("p3", "Marta Gil")], ..BackupData::default() };
    // p1 was renamed in the file after it was edited here; p2 was edited here last.
    here.changes = vec![stamp("people/p1", "2026-10-01T09:00:00Z"), stamp("people/p2", "2026-11-20T09:00:00Z")];
    file.changes = vec![stamp("people/p1", "2026-11-01T09:00:00Z"), stamp("people/p2", "2026-11-02T09:00:00Z")];
    let m = merge(&here, &file);
    let names: Vec<&str> = m.data.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Ana Flores Ruiz", "Luis Soto", "Marta Gil"]);
    assert_eq!(tally(&m, Kind::People), Tally { added: 1, updated: 1, kept: 1, deleted: 0 });
    assert_eq!(m.conflicts.len(), 2);
    let p1 = &m.conflicts[0];
    assert_eq!((p1.id.as_str(), p1.kept), ("p1", Side::File));
    assert_eq!(p1.fields, vec![Field { name: "name".into(), here: "Ana Flores".into(), file: "Ana Flores Ruiz".into() }]);
    assert_eq!((p1.here_at.as_deref(), p1.file_at.as_deref()), (Some("2026-10-01T09:00:00Z"), Some("2026-11-01T09:00:00Z")));
    assert_eq!((m.conflicts[1].id.as_str(), m.conflicts[1].kept), ("p2", Side::Here));
    // The merged stamps are the newer of each pair.
    assert_eq!(m.data.changes, vec![stamp("people/p1", "2026-11-01T09:00:00Z"), stamp("people/p2", "2026-11-20T09:00:00Z")]);
}

#[test]
fn without_a_newer_stamp_what_is_here_is_kept_and_the_difference_still_listed() {
    let here = BackupData { people: vec![sample("p1", "Ana")], ..BackupData::default() };
    let file = BackupData { people: vec![sample("p1", "Ana María")], ..BackupData::default() };
    let m = merge(&here, &file);
    assert_eq!(m.data.people[0].name, "Ana");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].kept, Side::Here);
    assert!(!m.changes_anything());
    // A stamp only in the file is newer than none.
    let file = BackupData { changes: vec![stamp("people/p1", "2026-01-01T00:00:00Z")], ..file };
    assert_eq!(merge(&here, &file).data.people[0].name, "Ana María");
}

#[test]
fn records_inside_a_persons_document_merge_one_by_one_with_their_removal_days() {
    let mut here = BackupData { people: vec![sample("p1", "Ana")], files: vec![PersonRecords::new("p1")], ..BackupData::default() };
    let mut file = here.clone();
    // Here: "a" was removed (a stamped edit) on Nov 20; the file has "a" as it was, and "b".
    here.files[0].completions = vec![done("a", "p1", 100, true)];
    here.files[0].removals = vec![Removal { id: "a".into(), on: Date::parse_iso("2026-11-20").unwrap() }];
    here.files[0].changed = vec![stamp("a", "2026-11-20T08:00:00Z")];
    file.files[0].completions = vec![done("a", "p1", 100, false), done("b", "p1", 300, false)];
    let m = merge(&here, &file);
    let f = &m.data.files[0];
    assert_eq!(f.completions.iter().map(|c| (c.id.as_str(), c.removed)).collect::<Vec<_>>(), vec![("a", true), ("b", false)]);
    assert_eq!(f.removals.len(), 1, "the kept removal keeps its day");
    assert_eq!(tally(&m, Kind::PersonRecords), Tally { added: 1, updated: 0, kept: 1, deleted: 0 });
    assert_eq!(m.conflicts[0].person_id.as_deref(), Some("p1"));
    assert_eq!(m.conflicts[0].fields.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), vec!["removed"]);

    // The other way round: the file restored it later, so it comes back and loses its day.
    file.files[0].changed = vec![stamp("a", "2026-11-25T08:00:00Z")];
    let m = merge(&here, &file);
    assert!(!m.data.files[0].completions[0].removed);
    assert!(m.data.files[0].removals.is_empty());

    // A person only in the file comes whole, and every record in it counts as added.
    let mut other = PersonRecords::new("p9");
    other.completions = vec![done("z", "p9", 100, false), done("y", "p9", 100, false)];
    file.files.push(other);
    assert_eq!(tally(&merge(&here, &file), Kind::PersonRecords).added, 3);
}

#[test]
fn a_reset_built_in_stays_reset_unless_the_other_side_changed_it_later() {
    let mut custom = builtin_trainings().remove(0);
    custom.typical_hours = Hours::whole(9);
    let id = key(Kind::TrainingTypes, &custom.id);
    let here = BackupData { changes: vec![Stamp { id: id.clone(), at: "2026-11-10T00:00:00Z".into(), gone: true }], ..BackupData::default() };
    let file = BackupData { training_types: vec![custom.clone()], changes: vec![stamp(&id, "2026-11-01T00:00:00Z")], ..BackupData::default() };
    let m = merge(&here, &file);
    assert!(m.data.training_types.is_empty(), "the reset here is newer");
    assert_eq!(tally(&m, Kind::TrainingTypes).kept, 1);
    let later = BackupData { changes: vec![stamp(&id, "2026-11-15T00:00:00Z")], ..file.clone() };
    assert_eq!(merge(&here, &later).data.training_types, vec![custom.clone()]);
    // And the file's reset, newer than the edit here, resets it here; an older one does not.
    let m = merge(&file, &here);
    assert!(m.data.training_types.is_empty());
    assert_eq!(tally(&m, Kind::TrainingTypes).deleted, 1);
    assert_eq!(merge(&later, &here).data.training_types, vec![custom]);
}

#[test]
fn the_devices_settings_stay_and_the_pay_policy_follows_the_newer_change() {
    let here = BackupData { settings: Settings { due_soon_days: 45, ..Settings::default() }, pay_policy: Some(PayPolicy::default()), ..BackupData::default() };
    let theirs = PayPolicy { weekly_hours: 32, ..PayPolicy::default() };
    let file = BackupData {
        settings: Settings { due_soon_days: 90, ..Settings::default() },
        pay_policy: Some(theirs.clone()),
        changes: vec![stamp(PAY_POLICY, "2026-11-01T00:00:00Z")],
        ..BackupData::default()
    };
    let m = merge(&here, &file);
    assert_eq!(m.data.settings.due_soon_days, 45);
    assert_eq!(m.data.pay_policy, Some(theirs));
    assert_eq!(m.conflicts[0].subject, Subject::PayPolicy);
    assert!(m.conflicts[0].fields.iter().any(|f| f.name == "weekly_hours" && f.here == "40" && f.file == "32"));
}

/// A small dataset from generated choices: people p0..p3, completions c0..c5 with varied hours,
/// removed flags and stamps, so both sides share some ids and differ on some.
fn side(people: Vec<(u8, bool)>, records: Vec<(u8, u8, u8, bool, Option<u8>)>, person_stamps: Vec<(u8, u8)>) -> BackupData {
    let at = |n: u8| format!("2026-11-{:02}T00:00:00Z", 1 + n % 28);
    let mut data = BackupData::default();
    for (i, archived) in people {
        let id = format!("p{}", i % 4);
        if data.people.iter().all(|p| p.id != id) {
            data.people.push(crate::domain::person::Person { archived, ..sample(&id, &format!("Persona {i}")) });
        }
    }
    for (p, c, hours, removed, stamped) in records {
        let person = format!("p{}", p % 4);
        let id = format!("c{}", c % 6);
        let file = match data.files.iter().position(|f| f.person_id == person) {
            Some(i) => &mut data.files[i],
            None => {
                data.files.push(PersonRecords::new(&person));
                data.files.last_mut().unwrap()
            }
        };
        if file.completions.iter().any(|x| x.id == id) {
            continue;
        }
        file.completions.push(done(&id, &person, 100 + hours as u32, removed));
        if removed {
            file.removals.push(Removal { id: id.clone(), on: Date::parse_iso("2026-11-01").unwrap().add_days(hours as i32 % 20) });
        }
        if let Some(n) = stamped {
            file.changed.push(stamp(&id, &at(n)));
        }
    }
    for (p, n) in person_stamps {
        let id = key(Kind::People, &format!("p{}", p % 4));
        if data.changes.iter().all(|s| s.id != id) {
            data.changes.push(stamp(&id, &at(n)));
        }
    }
    // Stored order is by id (a merge writes it so).
    data.changes.sort_by(|a, b| a.id.cmp(&b.id));
    for f in &mut data.files {
        f.removals.sort_by(|a, b| a.id.cmp(&b.id));
        f.changed.sort_by(|a, b| a.id.cmp(&b.id));
    }
    data
}

fn dataset() -> impl Strategy<Value = BackupData> {
    (
        prop::collection::vec((any::<u8>(), any::<bool>()), 0..5),
        prop::collection::vec((any::<u8>(), any::<u8>(), 0u8..4, any::<bool>(), prop::option::of(0u8..5)), 0..14),
        prop::collection::vec((any::<u8>(), 0u8..5), 0..4),
    )
        .prop_map(|(p, r, s)| side(p, r, s))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_the_same_file_twice_changes_nothing_the_second_time(here in dataset(), file in dataset()) {
        let once = merge(&here, &file);
        let twice = merge(&once.data, &file);
        prop_assert_eq!(&twice.data, &once.data);
        prop_assert!(!twice.changes_anything(), "{:?}", twice.tally);
    }

    #[test]
    fn merging_loses_no_record_and_invents_none(here in dataset(), file in dataset()) {
        let m = merge(&here, &file);
        let ids = |d: &BackupData| -> std::collections::BTreeSet<String> {
            d.files.iter().flat_map(|f| f.completions.iter().map(move |c| format!("{}/{}", f.person_id, c.id))).collect()
        };
        let expected: std::collections::BTreeSet<String> = ids(&here).union(&ids(&file)).cloned().collect();
        prop_assert_eq!(ids(&m.data), expected);
        // Every removed record has exactly one removal day, and only removed records have one.
        for f in &m.data.files {
            for c in &f.completions {
                prop_assert_eq!(f.removals.iter().filter(|r| r.id == c.id).count(), usize::from(c.removed && (here.files.iter().chain(&file.files).any(|g| g.person_id == f.person_id && g.removals.iter().any(|r| r.id == c.id)))));
            }
        }
        // Merging what is already here changes nothing.
        let same = merge(&here, &here);
        prop_assert_eq!(&same.data, &here);
        prop_assert!(same.conflicts.is_empty());
    }
}

#[test]
fn a_merge_in_steps_is_the_same_as_at_once() {
    let mut here = BackupData { people: vec![sample("p1", "Ana")], ..BackupData::default() };
    let mut file = here.clone();
    for i in 0..5 {
        let mut f = PersonRecords::new(&format!("p{i}"));
        f.completions.push(done(&format!("c{i}"), &f.person_id.clone(), 100, false));
        if i < 3 { here.files.push(f.clone()); }
        if i > 1 { f.completions[0].hours = Hours::from_hundredths(300); f.changed = vec![stamp(&format!("c{i}"), "2026-11-01T00:00:00Z")]; }
        file.files.push(f);
    }
    let mut m = Merging::start(&here, &file);
    assert_eq!(m.progress(), (0, 5), "three here, two only in the file");
    m.step(2);
    assert_eq!(m.progress(), (2, 5));
    m.step(2);
    m.step(9);
    assert_eq!(m.progress(), (5, 5));
    assert_eq!(m.finish(), merge(&here, &file));
    assert_eq!(tally(&merge(&here, &file), Kind::PersonRecords), Tally { added: 2, updated: 1, kept: 0, deleted: 0 });
}

#[test]
fn a_trainers_records_merge_by_key_with_the_newer_session_winning() {
    use crate::domain::curricula::cohort::Cohort;
    use crate::domain::curricula::examples::example_curricula;
    use crate::domain::curricula::plan::PlanRecord;
    use crate::domain::curricula::session::Session;
    use crate::domain::person::PreferredLanguage;
    let session = |place: &str| Session {
        id: "s1".into(),
        training_id: "builtin.support_session".into(),
        on: Date::parse_iso("2026-12-03").unwrap(),
        starts_at: String::new(),
        hours: Hours::whole(2),
        facilitator: "Marta".into(),
        place: place.into(),
        language: PreferredLanguage::Spanish,
        capacity: None,
        roster: Vec::new(),
        attendance: Vec::new(),
        recorded: Vec::new(),
        removed: false,
    };
    let cohort = Cohort { id: "k".into(), name: "New peers".into(), rule: None, people: vec!["p1".into()], archived: false };
    let first = example_curricula().remove(0).duplicate("c1");
    let here = BackupData {
        training: vec![PlanRecord::Session(session("Sala 1")).into(), PlanRecord::Curriculum(first.clone()).into()],
        changes: vec![stamp("training_plans/session/s1", "2026-11-29T10:00:00.000Z")],
        ..BackupData::default()
    };
    let file = BackupData {
        training: vec![
            PlanRecord::Session(session("Sala 2")).into(),
            PlanRecord::Cohort(cohort).into(),
            PlanRecord::Curriculum(first.save_edit(first.clone(), true)).into(),
        ],
        changes: vec![stamp("training_plans/session/s1", "2026-11-29T11:00:00.000Z")],
        ..BackupData::default()
    };
    let m = merge(&here, &file);
    let mut keys: Vec<&str> = m.data.training.iter().map(|r| r.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, vec!["cohort/k", "curriculum/c1@1", "curriculum/c1@2", "session/s1"], "both versions kept, the cohort added");
    let kept = m.data.training.iter().find(|r| r.key == "session/s1").unwrap();
    assert_eq!(kept.record, PlanRecord::Session(session("Sala 2")), "the newer change wins");
    assert_eq!(tally(&m, Kind::TrainingPlans).added, 2);
    assert_eq!(m.conflicts.len(), 1);
    // Merging again changes nothing.
    let again = merge(&m.data, &file);
    assert_eq!(again.data.training, m.data.training);
}
