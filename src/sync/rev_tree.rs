//! Revision trees, as CouchDB keeps them for every document (replication protocol v3).
//!
//! A document's history is a tree of revisions `N-hash` (`N` counts edits from the first).
//! Two devices editing the same revision make two branches; replication copies branches, never
//! chooses between them, so every replica ends up with the same tree. Which leaf is *the*
//! document is decided the same way everywhere (`winner`): a live leaf before a deleted one,
//! then the longer history, then the greater hash. The other live leaves are the conflicts a
//! person is shown; nothing is silently lost.
//!
//! Kept flat (each revision with its parent) rather than as nested nodes: inserting a branch,
//! finding the leaves and walking back to the root are all simple map operations.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A revision id, `3-9f0c…`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    pub pos: u32,
    pub hash: String,
}

impl Rev {
    pub fn new(pos: u32, hash: &str) -> Rev {
        Rev { pos, hash: hash.to_owned() }
    }

    /// Reads `N-hash`; `None` for anything else (`0-x`, `abc`, `3-`).
    pub fn parse(text: &str) -> Option<Rev> {
        let (pos, hash) = text.split_once('-')?;
        let pos: u32 = pos.parse().ok().filter(|p| *p > 0)?;
        (!hash.is_empty() && !hash.contains('-')).then(|| Rev::new(pos, hash))
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

/// A branch as the protocol sends it (`_revisions`): the newest revision's position and the
/// hashes from the newest back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u32,
    pub ids: Vec<String>,
}

impl Revisions {
    /// The revisions, oldest first.
    pub fn oldest_first(&self) -> Vec<Rev> {
        let n = self.ids.len() as u32;
        self.ids.iter().rev().enumerate().map(|(i, h)| Rev::new(self.start + 1 + i as u32 - n, h)).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Node {
    parent: Option<Rev>,
    /// On a leaf: the branch ends in a deletion (always false on an inner revision).
    deleted: bool,
}

/// A leaf: one current version of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevTree {
    nodes: BTreeMap<Rev, Node>,
}

/// Kept on the device as a list `[rev, parent, deleted]` (docs/sync.md).
impl Serialize for RevTree {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<(String, Option<String>, bool)> = self.nodes.iter().map(|(r, n)| (r.to_string(), n.parent.as_ref().map(Rev::to_string), n.deleted)).collect();
        rows.serialize(s)
    }
}

impl<'de> Deserialize<'de> for RevTree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RevTree, D::Error> {
        let rows: Vec<(String, Option<String>, bool)> = Vec::deserialize(d)?;
        let mut nodes = BTreeMap::new();
        for (rev, parent, deleted) in rows {
            let rev = Rev::parse(&rev).ok_or_else(|| serde::de::Error::custom(format!("not a revision: {rev}")))?;
            let parent = match parent {
                Some(p) => Some(Rev::parse(&p).ok_or_else(|| serde::de::Error::custom(format!("not a revision: {p}")))?),
                None => None,
            };
            nodes.insert(rev, Node { parent, deleted });
        }
        Ok(RevTree { nodes })
    }
}

impl RevTree {
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.nodes.contains_key(rev)
    }

    /// Adds a branch whose newest revision is `deleted` or not. Revisions already known keep
    /// their place (a shared ancestor joins the branches); a branch sharing nothing starts a
    /// new root (its older history was trimmed). Returns whether anything was new.
    pub fn insert(&mut self, branch: &Revisions, deleted: bool) -> bool {
        let revs = branch.oldest_first();
        let Some(newest) = revs.last().cloned() else { return false };
        let newest_is_new = !self.nodes.contains_key(&newest);
        let mut added = false;
        let mut parent: Option<Rev> = None;
        for rev in revs {
            match self.nodes.get_mut(&rev) {
                // A revision with a child is no longer a leaf: whether it deleted the document
                // no longer counts (and a branch cannot say it of its ancestors), so every
                // replica keeps the same tree.
                Some(node) => {
                    node.deleted = node.deleted && rev == newest;
                    // A revision whose older history was stemmed here: the branch says what
                    // came before it, so no stray leaf is made of that ancestor.
                    if node.parent.is_none() {
                        node.parent = parent.clone();
                    }
                }
                None => {
                    self.nodes.insert(rev.clone(), Node { parent: parent.clone(), deleted: false });
                    added = true;
                }
            }
            parent = Some(rev);
        }
        if newest_is_new {
            if let Some(node) = self.nodes.get_mut(&newest) {
                node.deleted = deleted;
            }
        }
        added
    }

    /// Every leaf, in revision order.
    pub fn leaves(&self) -> Vec<Leaf> {
        let parents: std::collections::BTreeSet<&Rev> = self.nodes.values().filter_map(|n| n.parent.as_ref()).collect();
        self.nodes.iter().filter(|(r, _)| !parents.contains(r)).map(|(r, n)| Leaf { rev: r.clone(), deleted: n.deleted }).collect()
    }

    /// The revision every replica shows: live before deleted, then the longest history, then
    /// the greatest hash (CouchDB's rule, so a server and every device agree).
    pub fn winner(&self) -> Option<Leaf> {
        self.leaves().into_iter().max_by(|a, b| (!a.deleted, a.rev.pos, &a.rev.hash).cmp(&(!b.deleted, b.rev.pos, &b.rev.hash)))
    }

    /// The live leaves that did not win: the conflicts a person is shown.
    pub fn conflicts(&self) -> Vec<Rev> {
        let winner = self.winner();
        self.leaves().into_iter().filter(|l| !l.deleted && Some(&l.rev) != winner.as_ref().map(|w| &w.rev)).map(|l| l.rev).collect()
    }

    /// The branch from the root to `rev`, as `_revisions`.
    pub fn branch(&self, rev: &Rev) -> Option<Revisions> {
        let mut ids = Vec::new();
        let mut at = Some(rev.clone());
        while let Some(r) = at {
            let node = self.nodes.get(&r)?;
            ids.push(r.hash.clone());
            at = node.parent.clone();
        }
        Some(Revisions { start: rev.pos, ids })
    }

    /// Of `revs`, those this tree does not hold (`_revs_diff`).
    pub fn missing(&self, revs: &[Rev]) -> Vec<Rev> {
        revs.iter().filter(|r| !self.contains(r)).cloned().collect()
    }

    /// Forgets revisions more than `keep` back from every leaf (CouchDB's revision stemming,
    /// its `_revs_limit`): a document edited for years keeps a bounded history. What is kept
    /// of a branch starts a new root, as a trimmed branch from a server does.
    pub fn stem(&mut self, keep: usize) {
        let mut kept = std::collections::BTreeSet::new();
        for leaf in self.leaves() {
            let mut at = Some(leaf.rev);
            for _ in 0..keep {
                let Some(r) = at else { break };
                at = self.nodes.get(&r).and_then(|n| n.parent.clone());
                kept.insert(r);
            }
        }
        self.nodes.retain(|r, _| kept.contains(r));
        for node in self.nodes.values_mut() {
            if node.parent.as_ref().is_some_and(|p| !kept.contains(p)) {
                node.parent = None;
            }
        }
    }

    /// Whether the leaf `rev` is deleted.
    pub fn deleted(&self, rev: &Rev) -> bool {
        self.nodes.get(rev).is_some_and(|n| n.deleted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn branch(start: u32, ids: &[&str]) -> Revisions {
        Revisions { start, ids: ids.iter().map(|s| (*s).to_owned()).collect() }
    }

    #[test]
    fn revision_ids_read_and_write_as_couchdb_writes_them() {
        assert_eq!(Rev::parse("3-9f0c"), Some(Rev::new(3, "9f0c")));
        assert_eq!(Rev::new(12, "ab").to_string(), "12-ab");
        for bad in ["0-ab", "ab", "3-", "-ab", "x-ab", "3-a-b"] {
            assert_eq!(Rev::parse(bad), None, "{bad}");
        }
        assert_eq!(branch(3, &["c", "b", "a"]).oldest_first(), vec![Rev::new(1, "a"), Rev::new(2, "b"), Rev::new(3, "c")]);
    }

    #[test]
    fn two_edits_of_one_revision_are_a_conflict_with_one_winner_everywhere() {
        let mut t = RevTree::default();
        assert!(t.insert(&branch(1, &["a"]), false));
        assert!(t.insert(&branch(2, &["b", "a"]), false));
        assert!(t.insert(&branch(2, &["c", "a"]), false));
        assert!(!t.insert(&branch(2, &["b", "a"]), false), "known: nothing new");
        assert_eq!(t.leaves().len(), 2);
        assert_eq!(t.winner().unwrap().rev, Rev::new(2, "c"), "same length: the greater hash");
        assert_eq!(t.conflicts(), vec![Rev::new(2, "b")]);
        // The longer history wins over a greater hash.
        t.insert(&branch(3, &["a3", "b", "a"]), false);
        assert_eq!(t.winner().unwrap().rev, Rev::new(3, "a3"));
        assert_eq!(t.conflicts(), vec![Rev::new(2, "c")]);
        // A deleted leaf never wins over a live one, and is no conflict.
        t.insert(&branch(4, &["d4", "a3", "b", "a"]), true);
        assert_eq!(t.winner().unwrap().rev, Rev::new(2, "c"));
        assert!(t.conflicts().is_empty());
        assert_eq!(t.branch(&Rev::new(4, "d4")), Some(branch(4, &["d4", "a3", "b", "a"])));
        assert_eq!(t.missing(&[Rev::new(2, "c"), Rev::new(5, "e")]), vec![Rev::new(5, "e")]);
    }

    #[test]
    fn stemming_keeps_the_newest_revisions_of_every_branch_and_the_same_winner() {
        let mut t = RevTree::default();
        t.insert(&branch(5, &["e", "d", "c", "b", "a"]), false);
        t.insert(&branch(3, &["x", "b", "a"]), false);
        let winner = t.winner();
        t.stem(2);
        assert_eq!(t.winner(), winner);
        assert_eq!(t.branch(&Rev::new(5, "e")), Some(branch(5, &["e", "d"])));
        assert_eq!(t.branch(&Rev::new(3, "x")), Some(branch(3, &["x", "b"])));
        assert!(!t.contains(&Rev::new(1, "a")));
        assert_eq!(t.conflicts(), vec![Rev::new(3, "x")]);
        // A branch sent again in full joins what is kept: nothing is duplicated.
        assert!(t.insert(&branch(6, &["f", "e", "d", "c"]), false));
        assert_eq!(t.leaves().len(), 2);
    }

    #[test]
    fn a_branch_whose_history_was_trimmed_starts_its_own_root() {
        let mut t = RevTree::default();
        t.insert(&branch(2, &["b", "a"]), false);
        t.insert(&branch(9, &["i", "h"]), false);
        assert_eq!(t.leaves().len(), 2);
        assert_eq!(t.winner().unwrap().rev, Rev::new(9, "i"));
        assert_eq!(t.branch(&Rev::new(9, "i")), Some(branch(9, &["i", "h"])));
    }
}
