//! The device's side of sync, as pure steps on one document's `Meta` (what this device knows
//! of it: its revision tree, which revision the record kept here is, and the other versions
//! it is in conflict with). The store keeps a `Meta` beside every synced record
//! (docs/sync.md); `engine.rs` runs the steps against the server.
//!
//! Edits are found by comparing, not by being told: a record whose text no longer hashes to
//! what it was at its revision was changed here, whichever screen, import or restore changed
//! it, so no write path can forget to be synced.

use super::replicate::{rev_hash, DocRev};
use super::rev_tree::{Rev, RevTree, Revisions};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A record's document id on the server: `<store>:<key>` (docs/sync.md).
pub fn doc_id(store: &str, key: &str) -> String {
    format!("{store}:{key}")
}

/// The store and key of a document id.
pub fn split_id(id: &str) -> Option<(&str, &str)> {
    id.split_once(':').filter(|(s, k)| !s.is_empty() && !k.is_empty())
}

/// Revisions kept per branch on the device (CouchDB keeps 1,000 by default): enough for any
/// device that was away for fewer edits of one record than this.
pub const REVS_KEPT: usize = 100;

/// A record's text, hashed: equal texts, equal hashes.
pub fn text_hash(text: &str) -> String {
    rev_hash(None, text, false)
}

/// What this device knows of one synced document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub tree: RevTree,
    /// The revision the record kept here is; none before its first sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The hash of the record's text at that revision (empty when removed): any other text
    /// now is an edit made here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// Revisions made here the server has not confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unpushed: Vec<String>,
    /// The text of each other live version (a conflict), by revision.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub others: BTreeMap<String, String>,
}

/// What a record here must become after revisions arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    Write(String),
    Remove,
}

impl Meta {
    fn current(&self) -> Option<Rev> {
        self.rev.as_deref().and_then(Rev::parse)
    }

    fn removed_here(&self) -> bool {
        self.current().is_none_or(|r| self.tree.deleted(&r))
    }

    /// Notes the record as it is here now (`None`: not here). A text other than the one at
    /// its revision, or a removal, becomes a new revision on top of it, to be pushed.
    /// Returns whether there was such an edit.
    pub fn note_local(&mut self, text: Option<&str>) -> bool {
        let unchanged = match text {
            None => self.removed_here(),
            Some(t) => !self.removed_here() && text_hash(t) == self.hash,
        };
        if unchanged {
            return false;
        }
        let parent = self.current();
        let rev = Rev::new(parent.as_ref().map_or(1, |p| p.pos + 1), &rev_hash(parent.as_ref(), text.unwrap_or(""), text.is_none()));
        let mut branch = parent.as_ref().and_then(|p| self.tree.branch(p)).unwrap_or(Revisions { start: 0, ids: Vec::new() });
        branch.start = rev.pos;
        branch.ids.insert(0, rev.hash.clone());
        self.tree.insert(&branch, text.is_none());
        self.tree.stem(REVS_KEPT);
        // A revision made here and not pushed yet is now history of this one: pushing the
        // new one carries it.
        if let Some(p) = &parent {
            let p = p.to_string();
            self.unpushed.retain(|r| *r != p);
        }
        self.unpushed.push(rev.to_string());
        self.rev = Some(rev.to_string());
        self.hash = text.map(text_hash).unwrap_or_default();
        true
    }

    /// The revisions made here, to send (`_bulk_docs` with `new_edits: false`); `here` is the
    /// record's text now.
    pub fn outgoing(&self, id: &str, here: Option<&str>) -> Vec<DocRev> {
        let current = self.current();
        self.unpushed
            .iter()
            .filter_map(|r| Rev::parse(r))
            .filter_map(|r| {
                let revisions = self.tree.branch(&r)?;
                let deleted = self.tree.deleted(&r);
                let body = match (deleted, Some(&r) == current.as_ref(), here) {
                    (false, true, Some(text)) => text.to_owned(),
                    _ => "{}".to_owned(),
                };
                Some(DocRev { id: id.to_owned(), rev: r.to_string(), revisions, deleted, body })
            })
            .collect()
    }

    /// Revisions from the server joined to the tree. The record here follows the winner
    /// every replica agrees on; a version of it that lost stays listed as a conflict.
    pub fn receive(&mut self, docs: &[DocRev], here: Option<&str>) -> Outcome {
        let before = self.current();
        for d in docs {
            self.tree.insert(&d.revisions, d.deleted);
            if !d.deleted {
                self.others.insert(d.rev.clone(), d.body.clone());
            }
        }
        self.tree.stem(REVS_KEPT);
        let Some(winner) = self.tree.winner() else { return Outcome::Keep };
        if let (Some(b), Some(text)) = (&before, here) {
            if *b != winner.rev {
                self.others.insert(b.to_string(), text.to_owned());
            }
        }
        let outcome = if before.as_ref() == Some(&winner.rev) {
            Outcome::Keep
        } else if winner.deleted {
            Outcome::Remove
        } else {
            match self.others.get(&winner.rev.to_string()) {
                Some(text) => Outcome::Write(text.clone()),
                // Its text never arrived: stay at the revision here until it does.
                None => return Outcome::Keep,
            }
        };
        match &outcome {
            Outcome::Keep => {}
            Outcome::Write(text) => self.hash = text_hash(text),
            Outcome::Remove => self.hash.clear(),
        }
        self.rev = Some(winner.rev.to_string());
        let conflicts: Vec<String> = self.tree.conflicts().iter().map(Rev::to_string).collect();
        self.others.retain(|r, _| conflicts.contains(r));
        outcome
    }

    /// Whether another live version waits for a person's choice.
    pub fn has_conflicts(&self) -> bool {
        !self.tree.conflicts().is_empty()
    }

    /// The other live versions (revision, text): what a person is shown as conflicts.
    pub fn conflicts(&self) -> Vec<(String, String)> {
        self.tree.conflicts().iter().filter_map(|r| self.others.get(&r.to_string()).map(|t| (r.to_string(), t.clone()))).collect()
    }

    /// Keeps `text` (one of the versions, or a merge of them) as the document: every other
    /// live version is closed by a deletion, and `text` becomes a new revision unless it is
    /// already the record here. All of it is pushed, so every device sees the same choice.
    pub fn resolve(&mut self, text: &str) {
        for c in self.tree.conflicts() {
            let rev = Rev::new(c.pos + 1, &rev_hash(Some(&c), "", true));
            let mut branch = self.tree.branch(&c).unwrap_or(Revisions { start: 0, ids: Vec::new() });
            branch.start = rev.pos;
            branch.ids.insert(0, rev.hash.clone());
            self.tree.insert(&branch, true);
            self.unpushed.push(rev.to_string());
        }
        self.others.clear();
        self.note_local(Some(text));
    }
}

/// One field that differs between two versions of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Where: `name`, or for a record in a list `list › record id › field`.
    pub field: String,
    pub shown: String,
    pub other: String,
}

fn show(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

/// A list of records that each carry an `id`: compared and merged record by record.
fn records(value: Option<&Value>) -> Option<Vec<(&str, &Map<String, Value>)>> {
    value?.as_array()?.iter().map(|v| v.as_object().and_then(|o| Some((o.get("id")?.as_str()?, o)))).collect()
}

fn find<'a>(list: &[(&str, &'a Map<String, Value>)], id: &str) -> Option<&'a Map<String, Value>> {
    list.iter().find(|(i, _)| *i == id).map(|(_, o)| *o)
}

fn compare(path: &str, shown: Option<&Map<String, Value>>, other: Option<&Map<String, Value>>, out: &mut Vec<Difference>) {
    let empty = Map::new();
    let (a, b) = (shown.unwrap_or(&empty), other.unwrap_or(&empty));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (x, y) = (a.get(key), b.get(key));
        if x == y {
            continue;
        }
        let field = if path.is_empty() { key.clone() } else { format!("{path} › {key}") };
        if let (Some(xs), Some(ys)) = (records(x.or(Some(&Value::Array(Vec::new())))), records(y.or(Some(&Value::Array(Vec::new()))))) {
            let mut ids: Vec<&str> = xs.iter().chain(ys.iter()).map(|(id, _)| *id).collect();
            ids.dedup();
            let mut seen = std::collections::BTreeSet::new();
            for id in ids.into_iter().filter(|id| seen.insert(*id)) {
                match (find(&xs, id), find(&ys, id)) {
                    (Some(p), Some(q)) => compare(&format!("{field} › {id}"), Some(p), Some(q), out),
                    (p, q) => out.push(Difference { field: format!("{field} › {id}"), shown: p.map_or(String::new(), |o| Value::Object(o.clone()).to_string()), other: q.map_or(String::new(), |o| Value::Object(o.clone()).to_string()) }),
                }
            }
        } else {
            out.push(Difference { field, shown: show(x), other: show(y) });
        }
    }
}

/// Every field that differs between two versions (JSON texts of objects), in field order;
/// lists of records are compared record by record.
pub fn differences(shown: &str, other: &str) -> Vec<Difference> {
    let parse = |t: &str| serde_json::from_str::<Value>(t).ok().and_then(|v| v.as_object().cloned());
    let mut out = Vec::new();
    compare("", parse(shown).as_ref(), parse(other).as_ref(), &mut out);
    out
}

/// Both versions in one: the shown version's fields, the other's fields the shown lacks, and
/// for lists of records every record of both (the shown version's copy where both have it).
/// Nothing either device recorded is dropped.
pub fn merge(shown: &str, other: &str) -> String {
    let parse = |t: &str| serde_json::from_str::<Value>(t).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default();
    let (mut a, b) = (parse(shown), parse(other));
    for (key, theirs) in b {
        match a.get_mut(&key) {
            None => {
                a.insert(key, theirs);
            }
            Some(ours) => {
                let ids: Option<Vec<String>> = records(Some(ours)).map(|l| l.iter().map(|(id, _)| (*id).to_owned()).collect());
                if let (Some(ids), Some(_), Some(list)) = (ids, records(Some(&theirs)), ours.as_array_mut()) {
                    for item in theirs.as_array().into_iter().flatten() {
                        let id = item.get("id").and_then(Value::as_str).unwrap_or_default();
                        if !ids.iter().any(|i| i == id) {
                            list.push(item.clone());
                        }
                    }
                }
            }
        }
    }
    Value::Object(a).to_string()
}

#[cfg(test)]
#[path = "local_tests.rs"]
mod tests;
