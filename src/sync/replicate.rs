//! The CouchDB replication protocol (version 3) as pure steps: where to start (checkpoints),
//! what the target lacks (`_revs_diff`), and what to write there (`_bulk_docs` with
//! `new_edits: false`). The HTTP side sends these; `Replica` here answers them in memory, the
//! way a server does, so the whole exchange is tested natively.
//!
//! One pass from a source to a target: read the source's `_changes` since the checkpoint; ask
//! the target which of those revisions it lacks; fetch those branches from the source (with
//! their `_revisions`); write them to the target as they are; save the checkpoint on both
//! sides. Replicating both ways makes both replicas hold the same trees, so they show the
//! same winner and the same conflicts.

use super::rev_tree::{Rev, RevTree, Revisions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One entry of `_changes`: a document and its leaf revisions now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub seq: u64,
    pub id: String,
    pub revs: Vec<String>,
}

/// A document revision as `_bulk_get` returns it and `_bulk_docs` takes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRev {
    pub id: String,
    pub rev: String,
    pub revisions: Revisions,
    pub deleted: bool,
    /// The document's fields, as JSON text.
    pub body: String,
}

/// What a replication recorded last time, kept in `_local/<replication id>` on both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    pub source_last_seq: u64,
    /// Earlier sessions, newest first: `(session id, last seq)`.
    #[serde(default)]
    pub history: Vec<(String, u64)>,
}

/// Where to read the source's changes from: the last sequence both sides agree on. The same
/// session on both sides gives its sequence; else the newest session both histories share;
/// else the beginning (a full, still correct, pass).
pub fn start_seq(source: Option<&Checkpoint>, target: Option<&Checkpoint>) -> u64 {
    let (Some(s), Some(t)) = (source, target) else { return 0 };
    if s.session_id == t.session_id {
        return s.source_last_seq;
    }
    let ours: Vec<(String, u64)> = std::iter::once((s.session_id.clone(), s.source_last_seq)).chain(s.history.iter().cloned()).collect();
    let theirs: Vec<(String, u64)> = std::iter::once((t.session_id.clone(), t.source_last_seq)).chain(t.history.iter().cloned()).collect();
    ours.iter().find(|(id, _)| theirs.iter().any(|(x, _)| x == id)).map_or(0, |(_, seq)| *seq)
}

/// The checkpoint to save after a pass that read up to `last_seq`.
pub fn next_checkpoint(before: Option<&Checkpoint>, session_id: &str, last_seq: u64) -> Checkpoint {
    let mut history: Vec<(String, u64)> = before.map(|b| std::iter::once((b.session_id.clone(), b.source_last_seq)).chain(b.history.iter().cloned()).collect()).unwrap_or_default();
    history.retain(|(id, _)| id != session_id);
    history.truncate(50);
    Checkpoint { session_id: session_id.to_owned(), source_last_seq: last_seq, history }
}

/// The `_revs_diff` request for a batch of changes: each document's revisions.
pub fn revs_diff_request(changes: &[Change]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in changes {
        let revs = out.entry(c.id.clone()).or_default();
        for r in &c.revs {
            if !revs.contains(r) {
                revs.push(r.clone());
            }
        }
    }
    out
}

/// A deterministic revision hash of an edit (its parent, its body, whether it deletes): the
/// same edit made on two devices is the same revision, not a conflict. FNV-1a, twice, as hex:
/// revision ids only need to be unique per document, not secret.
pub fn rev_hash(parent: Option<&Rev>, body: &str, deleted: bool) -> String {
    let text = format!("{}\u{0}{}\u{0}{body}", parent.map(Rev::to_string).unwrap_or_default(), deleted);
    let fnv = |seed: u64| text.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{:016x}{:016x}", fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4))
}

/// One replica: documents with their revision trees and the body of each revision, and the
/// change feed. What a CouchDB database answers, in memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replica {
    pub docs: BTreeMap<String, (RevTree, BTreeMap<Rev, String>)>,
    /// The last sequence of each document's latest change.
    changes: BTreeMap<String, u64>,
    seq: u64,
    pub checkpoints: BTreeMap<String, Checkpoint>,
}

impl Replica {
    /// A local edit of the winning revision (or a new document): the next revision.
    pub fn edit(&mut self, id: &str, body: &str, deleted: bool) -> Rev {
        let entry = self.docs.entry(id.to_owned()).or_default();
        let parent = entry.0.winner().map(|w| w.rev);
        let rev = Rev::new(parent.as_ref().map_or(1, |p| p.pos + 1), &rev_hash(parent.as_ref(), body, deleted));
        let mut branch = parent.as_ref().and_then(|p| entry.0.branch(p)).unwrap_or(Revisions { start: 0, ids: Vec::new() });
        branch.start = rev.pos;
        branch.ids.insert(0, rev.hash.clone());
        entry.0.insert(&branch, deleted);
        entry.1.insert(rev.clone(), body.to_owned());
        self.bump(id);
        rev
    }

    fn bump(&mut self, id: &str) {
        self.seq += 1;
        self.changes.insert(id.to_owned(), self.seq);
    }

    /// `_changes?since=…&style=all_docs`: each changed document once, at its latest sequence.
    pub fn changes_since(&self, since: u64) -> Vec<Change> {
        let mut out: Vec<Change> = self
            .changes
            .iter()
            .filter(|(_, s)| **s > since)
            .map(|(id, s)| Change { seq: *s, id: id.clone(), revs: self.docs[id].0.leaves().iter().map(|l| l.rev.to_string()).collect() })
            .collect();
        out.sort_by_key(|c| c.seq);
        out
    }

    /// `_revs_diff`: of the revisions asked about, those this replica lacks.
    pub fn revs_diff(&self, asked: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
        asked
            .iter()
            .filter_map(|(id, revs)| {
                let revs: Vec<Rev> = revs.iter().filter_map(|r| Rev::parse(r)).collect();
                let missing = match self.docs.get(id) {
                    Some((tree, _)) => tree.missing(&revs),
                    None => revs,
                };
                (!missing.is_empty()).then(|| (id.clone(), missing.iter().map(Rev::to_string).collect()))
            })
            .collect()
    }

    /// `_bulk_get` with `revs=true`: each revision asked for, with its branch.
    pub fn bulk_get(&self, wanted: &BTreeMap<String, Vec<String>>) -> Vec<DocRev> {
        let mut out = Vec::new();
        for (id, revs) in wanted {
            let Some((tree, bodies)) = self.docs.get(id) else { continue };
            for rev in revs.iter().filter_map(|r| Rev::parse(r)) {
                if let (Some(branch), Some(body)) = (tree.branch(&rev), bodies.get(&rev)) {
                    out.push(DocRev { id: id.clone(), rev: rev.to_string(), revisions: branch, deleted: tree.deleted(&rev), body: body.clone() });
                }
            }
        }
        out
    }

    /// `_bulk_docs` with `new_edits: false`: each revision stored as it is, its branch joined
    /// to the tree (no new revision is made, nothing is refused as a conflict).
    pub fn bulk_docs(&mut self, docs: &[DocRev]) {
        for d in docs {
            let Some(rev) = Rev::parse(&d.rev) else { continue };
            let entry = self.docs.entry(d.id.clone()).or_default();
            if entry.0.insert(&d.revisions, d.deleted) {
                entry.1.insert(rev, d.body.clone());
                self.bump(&d.id);
            }
        }
    }
}

/// One pass from `source` to `target` under `replication_id`, in batches of `batch` changes.
/// Returns how many revisions were written.
pub fn replicate(source: &mut Replica, target: &mut Replica, replication_id: &str, session_id: &str, batch: usize) -> usize {
    let since = start_seq(source.checkpoints.get(replication_id), target.checkpoints.get(replication_id));
    let changes = source.changes_since(since);
    let mut written = 0;
    let mut last = since;
    for chunk in changes.chunks(batch.max(1)) {
        let missing = target.revs_diff(&revs_diff_request(chunk));
        let docs = source.bulk_get(&missing);
        written += docs.len();
        target.bulk_docs(&docs);
        last = chunk.last().map_or(last, |c| c.seq);
        // The checkpoint after each batch: a pass cut short resumes from here.
        let checkpoint = next_checkpoint(source.checkpoints.get(replication_id), session_id, last);
        source.checkpoints.insert(replication_id.to_owned(), checkpoint.clone());
        target.checkpoints.insert(replication_id.to_owned(), checkpoint);
    }
    written
}

#[cfg(test)]
#[path = "replicate_tests.rs"]
mod tests;
