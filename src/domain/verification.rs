//! What waits for a trainer or HR to check, across everyone: trainings people reported
//! themselves, and what arrived in a record file from another employer (its trainings,
//! attestations and placements). Oldest first, so nothing waits forever at the bottom.
//!
//! Until checked, none of it counts toward anything (`Completion::counts`,
//! `Attestation::counts`, `Placement::counts`).

use super::compliance::Records;
use super::completion::{Completion, FromFile};
use super::date::Date;
use super::ladders::person::{Attestation, Placement};
use super::person::Person;

/// One record waiting.
#[derive(Clone, Debug, PartialEq)]
pub enum Waiting<'a> {
    /// A training reported by the person, or imported: verify or reject it.
    Training(&'a Completion),
    /// An attestation or a placement from a record file: confirm it or set it aside.
    Attestation(&'a Attestation),
    Placement(&'a Placement),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    pub person: &'a Person,
    pub what: Waiting<'a>,
    /// The day it started waiting: reported, or imported.
    pub since: Date,
    /// The record file it came in, when it did.
    pub origin: Option<&'a FromFile>,
}

impl Item<'_> {
    /// A stable id for the row (the record's own id, prefixed by its kind).
    pub fn key(&self) -> String {
        match &self.what {
            Waiting::Training(c) => format!("training:{}", c.id),
            Waiting::Attestation(a) => format!("attestation:{}", a.id),
            Waiting::Placement(p) => format!("placement:{}", p.id),
        }
    }
}

/// Everything waiting, for the people shown (archived people's records wait on their page,
/// not in the list), oldest first, then by person and record.
pub fn queue(records: &Records) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for person in records.people.iter().filter(|p| !p.archived) {
        let Some(f) = records.file(&person.id) else { continue };
        for c in f.completions.iter().filter(|c| c.pending()) {
            let v = c.verification.as_ref().expect("pending has a verification");
            out.push(Item { person, what: Waiting::Training(c), since: v.reported_on, origin: v.from_file.as_ref() });
        }
        for a in f.attestations.iter().filter(|a| !a.removed) {
            if let Some(o) = &a.unconfirmed {
                out.push(Item { person, what: Waiting::Attestation(a), since: o.imported_on, origin: Some(o) });
            }
        }
        for p in f.placements.iter().filter(|p| !p.removed) {
            if let Some(o) = &p.unconfirmed {
                out.push(Item { person, what: Waiting::Placement(p), since: o.imported_on, origin: Some(o) });
            }
        }
    }
    out.sort_by(|a, b| a.since.cmp(&b.since).then_with(|| a.person.name.cmp(&b.person.name)).then_with(|| a.key().cmp(&b.key())));
    out
}

/// The attestation or placement confirmed here: it counts from now on, as recorded.
pub fn confirm_attestation(a: &Attestation) -> Attestation {
    Attestation { unconfirmed: None, ..a.clone() }
}

pub fn confirm_placement(p: &Placement) -> Placement {
    Placement { unconfirmed: None, ..p.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::completion::{Verdict, Verification};
    use crate::domain::date::DateExt;
    use crate::domain::person_records::PersonRecords;
    use std::collections::HashMap;
    use std::rc::Rc;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn json<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).unwrap()
    }

    fn origin(on: &str) -> FromFile {
        FromFile { exported_by: "Clínica del Valle".into(), exported_on: d("2026-10-01"), imported_on: d(on) }
    }

    fn reported(id: &str, on: &str, verdict: Verdict) -> Completion {
        let mut c: Completion = json(&format!(r#"{{"id":"{id}","training_id":"builtin.hipaa","completed_on":"2026-09-01","hours":1}}"#));
        c.verification = Some(Verification { from_file: None, verdict, reported_by: "Ana".into(), reported_on: d(on), decided_by: String::new(), decided_on: None, reason: String::new() });
        c
    }

    #[test]
    fn the_queue_lists_what_waits_oldest_first_and_nothing_decided() {
        let ana = crate::domain::person::sample("ana", "Ana Flores");
        let beto = crate::domain::person::sample("beto", "Beto Ruiz");
        let gone = crate::domain::person::Person { archived: true, ..crate::domain::person::sample("gone", "Zoe") };
        let mut a = PersonRecords::new("ana");
        a.completions = vec![reported("c1", "2026-11-20", Verdict::Pending), reported("c2", "2026-11-01", Verdict::Verified), Completion { removed: true, ..reported("c3", "2026-10-01", Verdict::Pending) }];
        let mut att: Attestation = json(r#"{"id":"a1","kind":"lived_experience","on":"2025-01-01","attested_by":"Dr. Ruiz"}"#);
        att.unconfirmed = Some(origin("2026-11-05"));
        let confirmed: Attestation = json(r#"{"id":"a2","kind":"probation","on":"2025-06-01","attested_by":"HR"}"#);
        a.attestations = vec![att.clone(), confirmed];
        let mut b = PersonRecords::new("beto");
        let mut place: Placement = json(r#"{"id":"p1","ladder_id":"l","step_id":"s1","pay_step":1,"hourly":2500,"effective":"2025-01-01","reason":"hire"}"#);
        place.unconfirmed = Some(origin("2026-11-05"));
        b.placements = vec![place.clone()];
        let mut z = PersonRecords::new("gone");
        z.completions = vec![reported("z1", "2026-01-01", Verdict::Pending)];
        let files: HashMap<String, Rc<PersonRecords>> = [a, b, z].into_iter().map(|f| (f.person_id.clone(), Rc::new(f))).collect();
        let records = Records::from_files(Rc::new(vec![ana, beto, gone]), Rc::new(files));
        let q = queue(&records);
        let keys: Vec<String> = q.iter().map(Item::key).collect();
        assert_eq!(keys, vec!["attestation:a1", "placement:p1", "training:c1"], "oldest first; by name on the same day; decided, removed and archived left out");
        assert_eq!(q[0].origin.map(|o| o.exported_by.as_str()), Some("Clínica del Valle"));
        assert!(q[2].origin.is_none(), "reported here");
        assert!(confirm_attestation(&att).counts() && confirm_placement(&place).counts());
    }
}
