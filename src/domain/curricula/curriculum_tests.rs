//! Each completion mode, sections and their due dates, versions that never rewrite what was
//! given, and the examples naming only trainings the catalog has.

use super::*;
use crate::domain::catalog::builtin_trainings;
use crate::domain::curricula::examples::example_curricula;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn done(training: &str, on: &str, hundredths: u32) -> Completion {
    Completion { verification: None, partial: false,
        id: format!("{training}-{on}"),
        person_id: "p".into(),
        training_id: training.into(),
        completed_on: d(on),
        hours: Hours::from_hundredths(hundredths),
        provider: String::new(),
        certificate_number: String::new(),
        ce_category: None,
        notes: String::new(),
        removed: false,
    }
}

fn curriculum(mode: Mode, items: &[(&str, bool)]) -> Curriculum {
    Curriculum {
        id: "c".into(),
        version: 1,
        name: Bilingual::new("C", "C"),
        description: Bilingual::default(),
        mode,
        sections: Vec::new(),
        items: items.iter().map(|(t, r)| Item { training_id: (*t).into(), required: *r, section: String::new() }).collect(),
        worker_types: Vec::new(),
        languages: Vec::new(),
        example: false,
        archived: false,
        source: None,
    }
}

const TODAY: &str = "2026-11-29";

#[test]
fn all_in_any_order_is_complete_on_the_day_the_last_required_training_was_done() {
    let c = curriculum(Mode::AllAnyOrder, &[("a", true), ("b", true), ("x", false)]);
    let p = c.progress(&[done("b", "2026-03-01", 200)], None, None, d(TODAY));
    assert_eq!((p.done, p.of, p.complete_on, p.next.as_deref()), (1, 2, None, Some("a")));
    let records = [done("b", "2026-03-01", 200), done("a", "2026-01-15", 100)];
    let p = c.progress(&records, None, None, d(TODAY));
    assert_eq!((p.done, p.of, p.complete_on, p.next), (2, 2, Some(d("2026-03-01")), None));
    assert_eq!(p.hours_done, Hours::from_hundredths(300));
    // Asked about an earlier day, the later record does not count yet; a removed one never.
    assert_eq!(c.progress(&records, None, None, d("2026-02-01")).complete_on, None);
    let removed = [done("b", "2026-03-01", 200), Completion { removed: true, ..done("a", "2026-01-15", 100) }];
    assert_eq!(c.progress(&removed, None, None, d(TODAY)).done, 1);
}

#[test]
fn all_in_order_counts_a_training_only_after_the_one_before_it() {
    let c = curriculum(Mode::AllInOrder, &[("core", true), ("exam", true), ("extra", false)]);
    // The exam before the core training does not count; a retake after it does.
    let early = [done("exam", "2026-01-10", 100), done("core", "2026-02-01", 8000)];
    let p = c.progress(&early, None, None, d(TODAY));
    assert_eq!((p.done, p.complete_on, p.next.as_deref()), (1, None, Some("exam")));
    let retake = [done("exam", "2026-01-10", 100), done("core", "2026-02-01", 8000), done("exam", "2026-03-05", 100)];
    let p = c.progress(&retake, None, None, d(TODAY));
    assert_eq!((p.done, p.complete_on), (2, Some(d("2026-03-05"))));
    assert_eq!(p.items[1].done_on, Some(d("2026-03-05")));
    // On the same day counts as after.
    let same_day = [done("core", "2026-02-01", 8000), done("exam", "2026-02-01", 100)];
    assert_eq!(c.progress(&same_day, None, None, d(TODAY)).complete_on, Some(d("2026-02-01")));
    // An optional training counts whenever it was done and is not needed.
    let optional = [done("extra", "2025-01-01", 100)];
    let p = c.progress(&optional, None, None, d(TODAY));
    assert_eq!((p.done, p.items[2].done_on), (0, Some(d("2025-01-01"))));
}

#[test]
fn at_least_n_needs_every_required_one_and_enough_in_all() {
    let c = curriculum(Mode::AtLeast { n: 3 }, &[("core", true), ("exam", true), ("s1", false), ("s2", false)]);
    assert_eq!(c.needed(), 3);
    // Two specializations without the exam: not complete; the exam is what to do next.
    let no_exam = [done("core", "2026-01-01", 100), done("s1", "2026-02-01", 100), done("s2", "2026-03-01", 100)];
    let p = c.progress(&no_exam, None, None, d(TODAY));
    assert_eq!((p.done, p.of, p.complete_on, p.next.as_deref()), (2, 3, None, Some("exam")));
    // With the exam: complete on the later of the exam and the third training.
    let all = [done("core", "2026-01-01", 100), done("s1", "2026-02-01", 100), done("s2", "2026-03-01", 100), done("exam", "2026-01-20", 100)];
    let p = c.progress(&all, None, None, d(TODAY));
    assert_eq!((p.done, p.complete_on), (3, Some(d("2026-02-01"))));
    // More required than N: N is raised to the required count.
    assert_eq!(curriculum(Mode::AtLeast { n: 1 }, &[("a", true), ("b", true)]).needed(), 2);
    assert_eq!(curriculum(Mode::AtLeast { n: 9 }, &[("a", false)]).needed(), 1, "never more than it has");
}

#[test]
fn a_renewal_counts_only_what_was_done_since_it_opened() {
    let c = curriculum(Mode::AllAnyOrder, &[("cpr", true)]);
    let records = [done("cpr", "2024-03-01", 400)];
    assert!(c.progress(&records, None, None, d(TODAY)).complete_on.is_some());
    assert_eq!(c.progress(&records, Some(d("2026-01-01")), None, d(TODAY)).complete_on, None);
    let renewed = [done("cpr", "2024-03-01", 400), done("cpr", "2026-02-10", 400)];
    assert_eq!(c.progress(&renewed, Some(d("2026-01-01")), None, d(TODAY)).complete_on, Some(d("2026-02-10")));
}

#[test]
fn sections_count_their_required_trainings_and_fall_due_after_the_start_across_month_ends() {
    let mut c = curriculum(Mode::AllAnyOrder, &[("hipaa", true), ("mi", true), ("mhfa", true), ("extra", false)]);
    c.sections = vec![
        Section { id: "s30".into(), name: Bilingual::new("First 30 days", "Primeros 30 días"), within_days: Some(30) },
        Section { id: "s90".into(), name: Bilingual::new("First 90 days", "Primeros 90 días"), within_days: Some(90) },
    ];
    for (item, section) in c.items.iter_mut().zip(["s30", "s90", "s90", "s90"]) {
        item.section = section.into();
    }
    // Hired on January 31 of a common year: 30 days later is March 2.
    let p = c.progress(&[done("mi", "2025-02-10", 100), done("extra", "2025-02-11", 100)], None, Some(d("2025-01-31")), d(TODAY));
    assert_eq!(p.sections[0], SectionProgress { id: "s30".into(), done: 0, of: 1, due: Some(d("2025-03-02")) });
    assert_eq!(p.sections[1], SectionProgress { id: "s90".into(), done: 1, of: 2, due: Some(d("2025-05-01")) });
    // In a leap year the same start gives March 1.
    assert_eq!(c.progress(&[], None, Some(d("2024-01-31")), d(TODAY)).sections[0].due, Some(d("2024-03-01")));
    assert_eq!(c.progress(&[], None, None, d(TODAY)).sections[0].due, None, "no start, no due date");
}

#[test]
fn an_edit_after_assignment_is_a_new_version_and_the_old_one_stays() {
    let v1 = curriculum(Mode::AllAnyOrder, &[("a", true)]);
    let edited = curriculum(Mode::AllAnyOrder, &[("a", true), ("b", true)]);
    let in_place = v1.save_edit(edited.clone(), false);
    assert_eq!((in_place.version, in_place.items.len()), (1, 2));
    let v2 = v1.save_edit(edited, true);
    assert_eq!((v2.key(), v1.key()), ("c@2".to_owned(), "c@1".to_owned()));
    // Someone given version 1 who did "a" is complete by version 1, whatever version 2 adds.
    let records = [done("a", "2026-01-01", 100)];
    assert!(v1.progress(&records, None, None, d(TODAY)).complete_on.is_some());
    assert!(v2.progress(&records, None, None, d(TODAY)).complete_on.is_none());
    let versions = vec![v1.clone(), v2.clone(), curriculum(Mode::AllAnyOrder, &[]).duplicate("other")];
    assert_eq!(latest(&versions).iter().map(|c| c.key()).collect::<Vec<_>>(), vec!["c@2", "other@1"]);
}

#[test]
fn the_examples_are_examples_whose_trainings_the_catalog_has() {
    let catalog = builtin_trainings();
    let examples = example_curricula();
    assert_eq!(examples.len(), 3);
    for c in &examples {
        assert!(c.example && c.version == 1 && c.source.is_some(), "{}", c.id);
        for i in &c.items {
            assert!(catalog.iter().any(|t| t.id == i.training_id), "{} names {}", c.id, i.training_id);
            assert!(i.section.is_empty() || c.sections.iter().any(|s| s.id == i.section), "{}: section {}", c.id, i.section);
        }
        // A copy is the trainer's own, to change.
        let copy = c.duplicate("mine");
        assert!(!copy.example && copy.version == 1 && copy.items == c.items);
    }
    // The new-CHW onboarding: privacy within 30 days, about 37.5 typical hours in all.
    let onboarding = &examples[0];
    assert_eq!(onboarding.sections[0].within_days, Some(30));
    let (all, required) = onboarding.hours(&catalog);
    assert_eq!(all, required);
    assert!(all > Hours::whole(20), "{all:?}");
    // Peer certification: the core, the exam and one specialization.
    let peer = &examples[2];
    let records = [done("builtin.peer_core_80h", "2026-01-10", 8000), done("builtin.peer_exam", "2026-03-01", 300), done("builtin.peer_spec_crisis", "2026-05-01", 2000)];
    assert_eq!(peer.progress(&records, None, None, d(TODAY)).complete_on, Some(d("2026-05-01")));
}

#[test]
fn a_curriculum_round_trips_through_its_stored_form() {
    for c in example_curricula() {
        let text = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Curriculum>(&text).unwrap(), c);
    }
    let at_least: Mode = serde_json::from_str(r#"{"at_least":{"n":2}}"#).unwrap();
    assert_eq!(at_least, Mode::AtLeast { n: 2 });
    assert_eq!(serde_json::to_string(&Mode::AllInOrder).unwrap(), r#""all_in_order""#);
}
