//! Everything recorded about one person apart from the person record itself: completions,
//! hours worked, waivers, ladder placements, attestations and planned trainings.
//!
//! The store keeps one `PersonRecords` per person as one document. Reading 5,000 documents is
//! several times faster than reading 150,000 small records (docs/storage.md has the figures),
//! and a person's document is the natural unit to sync, export and import.

use super::completion::Completion;
use super::ladders::person::{Attestation, Placement, PlannedTraining};
use super::requirement::{Waiver, WorkHours};
use super::merge::Stamp;
use super::trash::Removal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonRecords {
    pub person_id: String,
    pub completions: Vec<Completion>,
    pub work_hours: Vec<WorkHours>,
    pub waivers: Vec<Waiver>,
    pub placements: Vec<Placement>,
    pub attestations: Vec<Attestation>,
    pub plans: Vec<PlannedTraining>,
    /// When each removed record was removed (the trash: `domain::trash`).
    pub removals: Vec<Removal>,
    /// When each record edited after it was first saved was last changed (`domain::merge`).
    pub changed: Vec<Stamp>,
}

/// A record with a stable id inside a person's document.
pub trait Keyed {
    fn key(&self) -> &str;
    /// Which person's document it belongs in.
    fn owner(&self) -> &str;
    fn set_owner(&mut self, person_id: &str);
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str { &self.id }
            fn owner(&self) -> &str { &self.person_id }
            fn set_owner(&mut self, person_id: &str) { self.person_id = person_id.to_owned(); }
        }
    )*};
}
keyed!(Completion, WorkHours, Waiver, Placement, Attestation, PlannedTraining);

/// Puts `item` in `list`, replacing the one with the same id (an edit, a removal, an undo).
pub fn upsert<T: Keyed>(list: &mut Vec<T>, item: T) {
    match list.iter_mut().find(|x| x.key() == item.key()) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// The stored form: the children without their `person_id` (the document's id says whose
/// they are), empty lists left out. Field names are the records' own (docs/storage.md).
#[derive(Serialize, Deserialize, Default)]
struct Stored {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    completions: Vec<Completion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    work_hours: Vec<WorkHours>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waivers: Vec<Waiver>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    placements: Vec<Placement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attestations: Vec<Attestation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    plans: Vec<PlannedTraining>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    removals: Vec<Removal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    changed: Vec<Stamp>,
}

fn without_owner<T: Keyed + Clone>(list: &[T]) -> Vec<T> {
    list.iter()
        .cloned()
        .map(|mut x| {
            x.set_owner("");
            x
        })
        .collect()
}

fn with_owner<T: Keyed>(list: &mut [T], person_id: &str) {
    for x in list {
        x.set_owner(person_id);
    }
}

impl PersonRecords {
    pub fn new(person_id: &str) -> PersonRecords {
        PersonRecords { person_id: person_id.to_owned(), ..PersonRecords::default() }
    }

    pub fn is_empty(&self) -> bool {
        self.completions.is_empty()
            && self.work_hours.is_empty()
            && self.waivers.is_empty()
            && self.placements.is_empty()
            && self.attestations.is_empty()
            && self.plans.is_empty()
    }

    /// The document's JSON text, as stored.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            completions: without_owner(&self.completions),
            work_hours: without_owner(&self.work_hours),
            waivers: without_owner(&self.waivers),
            placements: without_owner(&self.placements),
            attestations: without_owner(&self.attestations),
            plans: without_owner(&self.plans),
            removals: self.removals.clone(),
            changed: self.changed.clone(),
        };
        serde_json::to_string(&stored).expect("records serialize")
    }

    /// Reads a stored document back; every record in it belongs to `person_id`.
    pub fn from_json(person_id: &str, text: &str) -> Result<PersonRecords, serde_json::Error> {
        let mut s: Stored = serde_json::from_str(text)?;
        with_owner(&mut s.completions, person_id);
        with_owner(&mut s.work_hours, person_id);
        with_owner(&mut s.waivers, person_id);
        with_owner(&mut s.placements, person_id);
        with_owner(&mut s.attestations, person_id);
        with_owner(&mut s.plans, person_id);
        Ok(PersonRecords {
            person_id: person_id.to_owned(),
            completions: s.completions,
            work_hours: s.work_hours,
            waivers: s.waivers,
            placements: s.placements,
            attestations: s.attestations,
            plans: s.plans,
            removals: s.removals,
            changed: s.changed,
        })
    }

    /// Groups flat lists (older stores, imports, tests) into one document per person.
    pub fn group(completions: Vec<Completion>, work_hours: Vec<WorkHours>, waivers: Vec<Waiver>) -> Vec<PersonRecords> {
        let mut by_person: std::collections::BTreeMap<String, PersonRecords> = Default::default();
        fn file<'m>(m: &'m mut std::collections::BTreeMap<String, PersonRecords>, id: &str) -> &'m mut PersonRecords {
            m.entry(id.to_owned()).or_insert_with(|| PersonRecords::new(id))
        }
        for c in completions {
            file(&mut by_person, &c.person_id.clone()).completions.push(c);
        }
        for w in work_hours {
            file(&mut by_person, &w.person_id.clone()).work_hours.push(w);
        }
        for w in waivers {
            file(&mut by_person, &w.person_id.clone()).waivers.push(w);
        }
        by_person.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::{Date, DateExt};
    use crate::domain::hours::Hours;

    fn done(id: &str, person: &str) -> Completion {
        Completion { verification: None, partial: false,
            id: id.into(),
            person_id: person.into(),
            training_id: "builtin.hipaa".into(),
            completed_on: Date::parse_iso("2026-01-05").unwrap(),
            hours: Hours::from_hundredths(150),
            provider: "Clínica Ñandú".into(),
            certificate_number: String::new(),
            ce_category: None,
            notes: String::new(),
            removed: false,
        }
    }

    #[test]
    fn the_stored_document_round_trips_and_omits_what_the_id_already_says() {
        let mut file = PersonRecords::new("p1");
        file.completions.push(done("a", "p1"));
        file.waivers.push(Waiver {
            id: "w".into(),
            person_id: "p1".into(),
            requirement_id: "preset.cpr".into(),
            reason: "On leave".into(),
            waived_by: "HR".into(),
            from: Date::parse_iso("2026-02-01").unwrap(),
            until: None,
            removed: false,
        });
        let text = file.to_json();
        assert!(!text.contains("p1"), "children do not repeat their owner: {text}");
        assert!(!text.contains("work_hours"), "empty lists are left out: {text}");
        assert!(!text.contains("certificate_number") && !text.contains("\"removed\""), "defaults are left out: {text}");
        assert_eq!(PersonRecords::from_json("p1", &text).unwrap(), file);
        assert_eq!(PersonRecords::from_json("p9", "{}").unwrap(), PersonRecords::new("p9"));
        assert!(PersonRecords::from_json("p1", "[1]").is_err());
    }

    #[test]
    fn records_written_by_schema_3_still_read() {
        // A completion as schema 3 stored it, every field present, owner included.
        let old = r#"{"completions":[{"id":"c","person_id":"p1","training_id":"builtin.cpr_first_aid","completed_on":"2025-03-03","hours":4,"provider":"","certificate_number":"","ce_category":null,"notes":"","removed":false}]}"#;
        let file = PersonRecords::from_json("p1", old).unwrap();
        assert_eq!(file.completions[0].person_id, "p1");
        assert_eq!(file.completions[0].hours, Hours::whole(4));
    }

    #[test]
    fn upsert_replaces_by_id_and_group_splits_by_person() {
        let mut list = vec![done("a", "p1"), done("b", "p1")];
        upsert(&mut list, Completion { removed: true, ..done("a", "p1") });
        upsert(&mut list, done("c", "p1"));
        assert_eq!(list.iter().map(|c| (c.id.as_str(), c.removed)).collect::<Vec<_>>(), vec![("a", true), ("b", false), ("c", false)]);
        let files = PersonRecords::group(vec![done("x", "p2"), done("y", "p1"), done("z", "p2")], vec![], vec![]);
        assert_eq!(files.iter().map(|f| (f.person_id.as_str(), f.completions.len())).collect::<Vec<_>>(), vec![("p1", 1), ("p2", 2)]);
        assert!(!files[0].is_empty() && PersonRecords::new("q").is_empty());
    }
}
