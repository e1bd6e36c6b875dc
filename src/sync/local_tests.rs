//! One document on two devices through a server (`Replica`, which answers as CouchDB does):
//! edits found by comparing texts, pushed with their history, conflicts kept and resolved.

use super::*;
use crate::sync::replicate::Replica;

/// A device: the record's text here (`None`: not here) and what it knows of the document.
#[derive(Default)]
struct Device {
    text: Option<String>,
    meta: Meta,
    since: u64,
}

const ID: &str = "people:ana";

impl Device {
    /// One pass, as `engine.rs` runs it: note edits, push, pull.
    fn sync(&mut self, server: &mut Replica) {
        self.meta.note_local(self.text.as_deref());
        let out = self.meta.outgoing(ID, self.text.as_deref());
        server.bulk_docs(&out);
        self.meta.unpushed.clear();
        let changes = server.changes_since(self.since);
        for c in &changes {
            let asked = std::collections::BTreeMap::from([(c.id.clone(), c.revs.clone())]);
            let missing: std::collections::BTreeMap<String, Vec<String>> = asked
                .iter()
                .map(|(id, revs)| (id.clone(), revs.iter().filter(|r| !self.meta.tree.contains(&Rev::parse(r).unwrap())).cloned().collect()))
                .collect();
            let docs = server.bulk_get(&missing);
            match self.meta.receive(&docs, self.text.as_deref()) {
                Outcome::Keep => {}
                Outcome::Write(t) => self.text = Some(t),
                Outcome::Remove => self.text = None,
            }
            self.since = c.seq;
        }
    }
}

#[test]
fn an_edit_is_found_by_its_text_and_pushed_with_its_history() {
    let mut m = Meta::default();
    assert!(!m.note_local(None), "nothing here, nothing known: no edit");
    assert!(m.note_local(Some(r#"{"name":"Ana"}"#)));
    let first = m.rev.clone().unwrap();
    assert!(first.starts_with("1-"));
    assert!(!m.note_local(Some(r#"{"name":"Ana"}"#)), "the same text is no edit");
    assert!(m.note_local(Some(r#"{"name":"Ana Ríos"}"#)));
    assert!(m.rev.as_deref().unwrap().starts_with("2-"));
    assert_eq!(m.unpushed, vec![m.rev.clone().unwrap()], "only the newest is sent; it carries the first in its history");
    let out = m.outgoing(ID, Some(r#"{"name":"Ana Ríos"}"#));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].revisions.ids.len(), 2);
    assert_eq!(out[0].revisions.ids[1], first.split_once('-').unwrap().1);
    assert_eq!(out[0].body, r#"{"name":"Ana Ríos"}"#);
    assert!(!out[0].deleted);
    m.unpushed.clear();
    assert!(m.note_local(None), "removed here: a deletion");
    let out = m.outgoing(ID, None);
    assert!(out[0].deleted && out[0].rev.starts_with("3-"));
    assert!(!m.note_local(None), "still removed: nothing new");
    assert!(m.note_local(Some(r#"{"name":"Ana"}"#)), "brought back: a revision on top of the deletion");
    assert!(m.rev.as_deref().unwrap().starts_with("4-"));
}

#[test]
fn the_same_edit_on_two_devices_is_the_same_revision() {
    let (mut a, mut b) = (Meta::default(), Meta::default());
    a.note_local(Some("{\"x\":1}"));
    b.note_local(Some("{\"x\":1}"));
    assert_eq!(a.rev, b.rev);
}

#[test]
fn what_one_device_makes_the_other_receives() {
    let mut server = Replica::default();
    let (mut phone, mut office) = (Device::default(), Device::default());
    phone.text = Some(r#"{"name":"Ana"}"#.into());
    phone.sync(&mut server);
    office.sync(&mut server);
    assert_eq!(office.text.as_deref(), Some(r#"{"name":"Ana"}"#));
    assert_eq!(office.meta.rev, phone.meta.rev);
    // Received, not edited: the office's next pass makes no revision of its own.
    assert!(!office.meta.note_local(office.text.as_deref()));
    // Removed on the office: removed on the phone.
    office.text = None;
    office.sync(&mut server);
    phone.sync(&mut server);
    assert_eq!(phone.text, None);
    assert_eq!(phone.meta.rev, office.meta.rev);
}

#[test]
fn two_devices_editing_apart_keep_both_versions_until_a_person_chooses() {
    let mut server = Replica::default();
    let (mut phone, mut office) = (Device::default(), Device::default());
    phone.text = Some(r#"{"name":"Ana"}"#.into());
    phone.sync(&mut server);
    office.sync(&mut server);
    // Apart, both change her.
    phone.text = Some(r#"{"name":"Ana Ríos"}"#.into());
    office.text = Some(r#"{"name":"Ana R.","phone":"555"}"#.into());
    phone.sync(&mut server);
    office.sync(&mut server);
    phone.sync(&mut server);
    assert_eq!(phone.text, office.text, "both show the same winner");
    assert_eq!(phone.meta.rev, office.meta.rev);
    let (pc, oc) = (phone.meta.conflicts(), office.meta.conflicts());
    assert_eq!(pc.len(), 1);
    assert_eq!(pc, oc, "both list the same other version, with its text");
    let mut texts = vec![phone.text.clone().unwrap(), pc[0].1.clone()];
    texts.sort();
    assert_eq!(texts, vec![r#"{"name":"Ana R.","phone":"555"}"#.to_owned(), r#"{"name":"Ana Ríos"}"#.to_owned()], "nothing lost");

    // The office keeps both: the merge takes the shown version's name and the phone number.
    let shown = office.text.clone().unwrap();
    let merged = merge(&shown, &oc[0].1);
    office.meta.resolve(&merged);
    office.text = Some(merged.clone());
    office.sync(&mut server);
    phone.sync(&mut server);
    assert_eq!(phone.text.as_deref(), Some(merged.as_str()));
    assert!(phone.meta.conflicts().is_empty() && office.meta.conflicts().is_empty(), "the choice reached both");
    assert_eq!(phone.meta.rev, office.meta.rev);
    assert!(merged.contains("555"));
}

#[test]
fn keeping_the_shown_version_only_closes_the_other() {
    let mut server = Replica::default();
    let (mut phone, mut office) = (Device::default(), Device::default());
    phone.text = Some(r#"{"n":1}"#.into());
    phone.sync(&mut server);
    office.sync(&mut server);
    phone.text = Some(r#"{"n":2}"#.into());
    office.text = Some(r#"{"n":3}"#.into());
    phone.sync(&mut server);
    office.sync(&mut server);
    phone.sync(&mut server);
    let shown = phone.text.clone().unwrap();
    let rev = phone.meta.rev.clone();
    phone.meta.resolve(&shown);
    assert_eq!(phone.meta.rev, rev, "the shown text is already the document: no new revision");
    assert_eq!(phone.meta.unpushed.len(), 1, "one deletion, of the other version");
    phone.sync(&mut server);
    office.sync(&mut server);
    assert!(office.meta.conflicts().is_empty());
    assert_eq!(office.text.as_deref(), Some(shown.as_str()));
}

#[test]
fn differences_are_listed_field_by_field_and_record_by_record() {
    let a = r#"{"completions":[{"id":"c1","date":"2026-01-02"},{"id":"c2","date":"2026-03-04"}],"name":"Ana"}"#;
    let b = r#"{"completions":[{"id":"c1","date":"2026-01-05"},{"id":"c3","date":"2026-05-06"}],"name":"Ana","phone":"555"}"#;
    let d = differences(a, b);
    let fields: Vec<&str> = d.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, vec!["completions › c1 › date", "completions › c2", "completions › c3", "phone"]);
    assert_eq!((d[0].shown.as_str(), d[0].other.as_str()), ("2026-01-02", "2026-01-05"));
    assert_eq!(d[1].other, "");
    assert_eq!((d[3].shown.as_str(), d[3].other.as_str()), ("", "555"));
    assert!(differences(a, a).is_empty());
    let m: Value = serde_json::from_str(&merge(a, b)).unwrap();
    let ids: Vec<&str> = m["completions"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["c1", "c2", "c3"], "every record of both");
    assert_eq!(m["completions"][0]["date"], "2026-01-02", "the shown copy where both have it");
    assert_eq!(m["phone"], "555");
}

#[test]
fn what_a_device_knows_is_kept_and_read_back_whole() {
    let mut m = Meta::default();
    m.note_local(Some("{}"));
    m.note_local(Some("{\"a\":1}"));
    m.others.insert("2-zz".into(), "{\"b\":2}".into());
    let text = serde_json::to_string(&m).unwrap();
    assert_eq!(serde_json::from_str::<Meta>(&text).unwrap(), m);
    assert!(serde_json::from_str::<Meta>(r#"{"tree":[["x",null,false]]}"#).is_err(), "a broken revision is refused");
    assert_eq!(split_id("training_plans:curriculum/c1"), Some(("training_plans", "curriculum/c1")));
    assert_eq!(split_id("nope"), None);
    assert_eq!(doc_id("people", "p-1"), "people:p-1");
}

#[test]
fn a_record_edited_many_times_keeps_a_bounded_history_and_still_syncs() {
    let mut server = Replica::default();
    let (mut phone, mut office) = (Device::default(), Device::default());
    for i in 0..(REVS_KEPT + 20) {
        phone.text = Some(format!("{{\"n\":{i}}}"));
        phone.sync(&mut server);
    }
    office.sync(&mut server);
    assert_eq!(office.text, phone.text);
    let kept = serde_json::to_value(&phone.meta.tree).unwrap().as_array().unwrap().len();
    assert_eq!(kept, REVS_KEPT);
    office.text = Some("{\"n\":-1}".into());
    office.sync(&mut server);
    phone.sync(&mut server);
    assert_eq!(phone.text.as_deref(), Some("{\"n\":-1}"));
    assert!(phone.meta.conflicts().is_empty(), "a trimmed history is still one branch");
}
