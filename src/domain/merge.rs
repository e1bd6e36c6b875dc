//! Merging a backup into what is here (docs/backup.md, "Merging"): records are matched by their
//! stable ids; one side only has it: it is kept; both have it and they differ: the newer change
//! wins, and the difference is listed with both values.
//!
//! "Newer" needs to know when a record last changed. The store stamps every write of a record
//! kept in its own store (a person, a training type, a ladder…) and every *edit* of a record
//! inside a person's document (`PersonRecords::stamp_edits`): a record only added is never
//! stamped, because only one side can have it until it is copied, and a copy is equal. A record
//! with no stamp is older than any stamp; when both stamps are equal (or both absent) what is
//! here is kept. Stamps are the device's clock in UTC: a device whose clock is wrong can win
//! when it should not, which is why every difference is shown before anything is written.
//!
//! The device's settings stay as they are (they describe this device and its user's choices).

use super::backup::{BackupData, Kind};
use super::person_records::{Keyed, PersonRecords};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// When a record last changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// `kind/id` for a record in its own store (`people/p-1`, `settings/pay_policy`); the
    /// record's id inside a person's document.
    pub id: String,
    /// ISO 8601 in UTC (`2026-11-29T15:53:06.123Z`), so text order is time order.
    pub at: String,
    /// It was deleted then (a customised built-in reset to the shipped one).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub gone: bool,
}

/// The stamp id of a record kept in its own store.
pub fn key(kind: Kind, id: &str) -> String {
    format!("{}/{id}", kind.code())
}

/// The stamp id of the pay policy (a record of the settings store).
pub const PAY_POLICY: &str = "settings/pay_policy";

impl PersonRecords {
    /// After a write: stamps `at` on every record that was in `before` and is now different
    /// (edited, removed, restored), and drops the stamps of records no longer here (purged).
    pub fn stamp_edits(&mut self, before: &PersonRecords, at: &str) {
        fn edited<T: Keyed + PartialEq>(now: &[T], before: &[T], out: &mut Vec<String>, present: &mut HashSet<String>) {
            let old: HashMap<&str, &T> = before.iter().map(|x| (x.key(), x)).collect();
            for x in now {
                present.insert(x.key().to_owned());
                if old.get(x.key()).is_some_and(|o| *o != x) {
                    out.push(x.key().to_owned());
                }
            }
        }
        let (mut out, mut present) = (Vec::new(), HashSet::new());
        edited(&self.completions, &before.completions, &mut out, &mut present);
        edited(&self.work_hours, &before.work_hours, &mut out, &mut present);
        edited(&self.waivers, &before.waivers, &mut out, &mut present);
        edited(&self.placements, &before.placements, &mut out, &mut present);
        edited(&self.attestations, &before.attestations, &mut out, &mut present);
        edited(&self.plans, &before.plans, &mut out, &mut present);
        self.changed.retain(|s| present.contains(&s.id) && !out.contains(&s.id));
        self.changed.extend(out.into_iter().map(|id| Stamp { id, at: at.to_owned(), gone: false }));
    }
}

/// Which side a kept record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Here,
    File,
}

/// What a difference is about: a kind of record, or the pay policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Record(Kind),
    PayPolicy,
}

/// A record both sides hold, different: each field that differs with both values (JSON text,
/// strings unquoted), both stamps, and which side is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub subject: Subject,
    pub id: String,
    /// Whose record it is, for a record in a person's document.
    pub person_id: Option<String>,
    pub fields: Vec<Field>,
    pub here_at: Option<String>,
    pub file_at: Option<String>,
    pub kept: Side,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub here: String,
    pub file: String,
}

/// What a merge does to one kind of record (for a person's document: to the records in it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Only in the file: added.
    pub added: usize,
    /// Different, the file's newer: replaced by the file's.
    pub updated: usize,
    /// Different, this device's newer (or as new): kept as it is here.
    pub kept: usize,
    /// Deleted in the file after it last changed here (a reset built-in): deleted here.
    pub deleted: usize,
}

impl Tally {
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.deleted
    }
}

/// The merged data, what it changes per kind, and every difference.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub data: BackupData,
    pub tally: Vec<(Kind, Tally)>,
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    /// Whether writing it would change anything here.
    pub fn changes_anything(&self) -> bool {
        self.tally.iter().any(|(_, t)| t.changes() > 0)
    }
}

type Stamps<'a> = HashMap<&'a str, &'a Stamp>;

fn at<'a>(stamps: &Stamps<'a>, id: &str) -> Option<&'a str> {
    stamps.get(id).map(|s| s.at.as_str())
}

/// Every stamp of both sides, the newer of two for the same record: whichever record a merge
/// keeps, its stamp is the newer (a tie keeps the equal one), so merging again is a no-op.
fn newest(here: &[Stamp], file: &[Stamp]) -> Vec<Stamp> {
    let mut out: BTreeMap<&str, &Stamp> = BTreeMap::new();
    for s in here.iter().chain(file) {
        match out.get(s.id.as_str()) {
            Some(old) if old.at >= s.at => {}
            _ => {
                out.insert(&s.id, s);
            }
        }
    }
    out.into_values().cloned().collect()
}

/// The fields of two records that differ, both values as text.
fn fields<T: Serialize>(here: &T, file: &T) -> Vec<Field> {
    let text = |x: &T| serde_json::to_string(x).unwrap_or_default();
    fields_of(&text(here), &text(file))
}

/// `fields` on the records' JSON text (one copy of this code for every kind of record).
fn fields_of(here: &str, file: &str) -> Vec<Field> {
    type Object<'t> = BTreeMap<String, &'t serde_json::value::RawValue>;
    let (h, f): (Object, Object) = (serde_json::from_str(here).unwrap_or_default(), serde_json::from_str(file).unwrap_or_default());
    let text = |v: Option<&&serde_json::value::RawValue>| -> String {
        let raw = v.map(|v| v.get()).unwrap_or("");
        let plain = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_owned());
        if plain.chars().count() > 120 { format!("{}…", plain.chars().take(119).collect::<String>()) } else { plain }
    };
    let names: std::collections::BTreeSet<&String> = h.keys().chain(f.keys()).collect();
    names
        .into_iter()
        .filter(|n| h.get(*n).map(|v| v.get()) != f.get(*n).map(|v| v.get()))
        .map(|n| Field { name: n.clone(), here: text(h.get(n)), file: text(f.get(n)) })
        .collect()
}

/// Merges lists by id, counting into `tally` and listing each difference in `conflicts`.
struct ListMerge<'s, 'a> {
    subject: Subject,
    person_id: Option<&'s str>,
    here_stamps: &'s Stamps<'a>,
    file_stamps: &'s Stamps<'a>,
    tally: &'s mut Tally,
    conflicts: &'s mut Vec<Conflict>,
}

/// One list as the merge's core sees it: ids, and how to compare two records (by position).
struct Lists<'a> {
    here: Vec<&'a str>,
    file: Vec<&'a str>,
    same: &'a dyn Fn(usize, usize) -> bool,
    fields: &'a dyn Fn(usize, usize) -> Vec<Field>,
}

impl ListMerge<'_, '_> {
    /// Merges one list by id. `stamp_id` turns a record's id into its stamp's id. Returns the
    /// kept records, each with the side it came from.
    fn run<T: Clone + PartialEq + Serialize>(&mut self, here: &[T], file: &[T], id: impl Fn(&T) -> &str, stamp_id: impl Fn(&str) -> String) -> Vec<(T, Side)> {
        let lists = Lists {
            here: here.iter().map(&id).collect(),
            file: file.iter().map(&id).collect(),
            same: &|h, f| here[h] == file[f],
            fields: &|h, f| fields(&here[h], &file[f]),
        };
        self.pick(&lists, &stamp_id)
            .into_iter()
            .map(|(side, i)| match side {
                Side::Here => (here[i].clone(), side),
                Side::File => (file[i].clone(), side),
            })
            .collect()
    }

    /// The merge of one list, on positions: which record to keep, from which side, in order
    /// (this device's order, then what only the file has). Not generic, so compiled once.
    fn pick(&mut self, lists: &Lists, stamp_id: &dyn Fn(&str) -> String) -> Vec<(Side, usize)> {
        let in_file: HashMap<&str, usize> = lists.file.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let in_here: HashSet<&str> = lists.here.iter().copied().collect();
        let mut out = Vec::with_capacity(lists.here.len().max(lists.file.len()));
        for (h, id) in lists.here.iter().enumerate() {
            let key = stamp_id(id);
            let (here_at, file_at) = (at(self.here_stamps, &key), at(self.file_stamps, &key));
            match in_file.get(id) {
                None => {
                    let deleted_there = self.file_stamps.get(key.as_str()).is_some_and(|s| s.gone) && file_at > here_at;
                    if deleted_there {
                        self.tally.deleted += 1;
                    } else {
                        out.push((Side::Here, h));
                    }
                }
                Some(&f) if (lists.same)(h, f) => out.push((Side::Here, h)),
                Some(&f) => {
                    let kept = if file_at > here_at { Side::File } else { Side::Here };
                    self.conflicts.push(Conflict {
                        subject: self.subject,
                        id: (*id).to_owned(),
                        person_id: self.person_id.map(str::to_owned),
                        fields: (lists.fields)(h, f),
                        here_at: here_at.map(str::to_owned),
                        file_at: file_at.map(str::to_owned),
                        kept,
                    });
                    match kept {
                        Side::File => {
                            self.tally.updated += 1;
                            out.push((Side::File, f));
                        }
                        Side::Here => {
                            self.tally.kept += 1;
                            out.push((Side::Here, h));
                        }
                    }
                }
            }
        }
        for (f, id) in lists.file.iter().enumerate().filter(|(_, id)| !in_here.contains(*id)) {
            let key = stamp_id(id);
            let deleted_here = self.here_stamps.get(key.as_str()).is_some_and(|s| s.gone) && at(self.file_stamps, &key) <= at(self.here_stamps, &key);
            if deleted_here {
                self.tally.kept += 1;
            } else {
                self.tally.added += 1;
                out.push((Side::File, f));
            }
        }
        out
    }
}

/// Merges the records of one person both sides have.
fn merge_document(here: &PersonRecords, file: &PersonRecords, tally: &mut Tally, conflicts: &mut Vec<Conflict>) -> PersonRecords {
    let here_stamps: Stamps = here.changed.iter().map(|s| (s.id.as_str(), s)).collect();
    let file_stamps: Stamps = file.changed.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut m = ListMerge {
        subject: Subject::Record(Kind::PersonRecords),
        person_id: Some(&here.person_id),
        here_stamps: &here_stamps,
        file_stamps: &file_stamps,
        tally,
        conflicts,
    };
    fn unzip<T: Keyed>(list: Vec<(T, Side)>, sides: &mut HashMap<String, Side>) -> Vec<T> {
        list.into_iter()
            .map(|(x, side)| {
                sides.insert(x.key().to_owned(), side);
                x
            })
            .collect()
    }
    let same = |id: &str| id.to_owned();
    let mut sides: HashMap<String, Side> = HashMap::new();
    let mut out = PersonRecords::new(&here.person_id);
    out.completions = unzip(m.run(&here.completions, &file.completions, Keyed::key, same), &mut sides);
    out.work_hours = unzip(m.run(&here.work_hours, &file.work_hours, Keyed::key, same), &mut sides);
    out.waivers = unzip(m.run(&here.waivers, &file.waivers, Keyed::key, same), &mut sides);
    out.placements = unzip(m.run(&here.placements, &file.placements, Keyed::key, same), &mut sides);
    out.attestations = unzip(m.run(&here.attestations, &file.attestations, Keyed::key, same), &mut sides);
    out.plans = unzip(m.run(&here.plans, &file.plans, Keyed::key, same), &mut sides);
    // A removed record keeps the removal day of the side it came from (or the other's).
    let removal = |side: &[super::trash::Removal], id: &str| side.iter().find(|r| r.id == id).cloned();
    let mut removals: Vec<super::trash::Removal> = Vec::new();
    let removed: HashSet<&str> = super::trash::removed_ids(&out).into_iter().collect();
    for (id, side) in sides.iter().filter(|(id, _)| removed.contains(id.as_str())) {
        let (first, second) = match side {
            Side::Here => (&here.removals, &file.removals),
            Side::File => (&file.removals, &here.removals),
        };
        if let Some(r) = removal(first, id).or_else(|| removal(second, id)) {
            removals.push(r);
        }
    }
    removals.sort_by(|a, b| a.id.cmp(&b.id));
    out.removals = removals;
    out.changed = newest(&here.changed, &file.changed).into_iter().filter(|s| sides.contains_key(&s.id)).collect();
    out
}

/// Merges `file` into `here` (see the module's header). Merging the same file again changes
/// nothing (property-tested).
pub fn merge(here: &BackupData, file: &BackupData) -> Merged {
    let mut merging = Merging::start(here, file);
    merging.step(usize::MAX);
    merging.finish()
}

/// A merge done in steps, so that a large one never holds the page for long: `start` merges
/// everything but people's documents, `step` merges a few documents, `finish` hands it over.
pub struct Merging<'a> {
    here: &'a BackupData,
    /// The file's documents by person, and those of people only the file has.
    in_file: HashMap<&'a str, &'a PersonRecords>,
    file_only: Vec<&'a PersonRecords>,
    next: usize,
    merged: Merged,
}

impl<'a> Merging<'a> {
    pub fn start(here: &'a BackupData, file: &'a BackupData) -> Merging<'a> {
        let here_stamps: Stamps = here.changes.iter().map(|s| (s.id.as_str(), s)).collect();
        let file_stamps: Stamps = file.changes.iter().map(|s| (s.id.as_str(), s)).collect();
        let mut conflicts = Vec::new();
        let mut tally: BTreeMap<Kind, Tally> = Kind::ALL.iter().map(|k| (*k, Tally::default())).collect();

        fn list<T: Clone + PartialEq + Serialize>(
            kind: Kind,
            here: &[T],
            file: &[T],
            id: impl Fn(&T) -> &str,
            stamps: (&Stamps, &Stamps),
            tally: &mut BTreeMap<Kind, Tally>,
            conflicts: &mut Vec<Conflict>,
        ) -> Vec<T> {
            let t = tally.entry(kind).or_default();
            let mut m = ListMerge { subject: Subject::Record(kind), person_id: None, here_stamps: stamps.0, file_stamps: stamps.1, tally: t, conflicts };
            m.run(here, file, id, |id| key(kind, id)).into_iter().map(|(x, _)| x).collect()
        }
        let s = (&here_stamps, &file_stamps);
        let people = list(Kind::People, &here.people, &file.people, |x| &x.id, s, &mut tally, &mut conflicts);
        let training_types = list(Kind::TrainingTypes, &here.training_types, &file.training_types, |x| &x.id, s, &mut tally, &mut conflicts);
        let requirements = list(Kind::Requirements, &here.requirements, &file.requirements, |x| &x.id, s, &mut tally, &mut conflicts);
        let ladders = list(Kind::Ladders, &here.ladders, &file.ladders, |x| &x.id, s, &mut tally, &mut conflicts);
        let pay_grades = list(Kind::PayGrades, &here.pay_grades, &file.pay_grades, |x| &x.id, s, &mut tally, &mut conflicts);
        let wage_floors = list(Kind::WageFloors, &here.wage_floors, &file.wage_floors, |x| &x.id, s, &mut tally, &mut conflicts);
        let promotion_plans = list(Kind::PromotionPlans, &here.promotion_plans, &file.promotion_plans, |x| &x.id, s, &mut tally, &mut conflicts);
        let training = list(Kind::TrainingPlans, &here.training, &file.training, |x| &x.key, s, &mut tally, &mut conflicts);

        // The pay policy: one record, merged like the others.
        let pay_policy = match (&here.pay_policy, &file.pay_policy) {
            (None, theirs) => theirs.clone(),
            (Some(ours), Some(theirs)) if ours != theirs => {
                let (here_at, file_at) = (at(&here_stamps, PAY_POLICY), at(&file_stamps, PAY_POLICY));
                let kept = if file_at > here_at { Side::File } else { Side::Here };
                conflicts.push(Conflict {
                    subject: Subject::PayPolicy,
                    id: "pay_policy".into(),
                    person_id: None,
                    fields: fields(ours, theirs),
                    here_at: here_at.map(str::to_owned),
                    file_at: file_at.map(str::to_owned),
                    kept,
                });
                Some(if kept == Side::File { theirs.clone() } else { ours.clone() })
            }
            (ours, _) => ours.clone(),
        };

        let in_here: HashSet<&str> = here.files.iter().map(|f| f.person_id.as_str()).collect();
        let data = BackupData {
            settings: here.settings.clone(),
            people,
            files: Vec::with_capacity(here.files.len()),
            training_types,
            requirements,
            ladders,
            pay_grades,
            wage_floors,
            promotion_plans,
            pay_policy,
            changes: newest(&here.changes, &file.changes),
            training,
        };
        Merging {
            here,
            in_file: file.files.iter().map(|f| (f.person_id.as_str(), f)).collect(),
            file_only: file.files.iter().filter(|f| !in_here.contains(f.person_id.as_str())).collect(),
            next: 0,
            merged: Merged { data, tally: tally.into_iter().collect(), conflicts },
        }
    }

    /// People's documents merged so far, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.here.files.len() + self.file_only.len())
    }

    /// Merges up to `n` more people's documents, each record in them on its own.
    pub fn step(&mut self, n: usize) {
        let (here_files, end) = (self.here.files.len(), self.next.saturating_add(n).min(self.progress().1));
        let Some(t) = self.merged.tally.iter_mut().find(|(k, _)| *k == Kind::PersonRecords).map(|(_, t)| t) else { return };
        for i in self.next..end {
            let merged = match self.here.files.get(i) {
                Some(h) => match self.in_file.get(h.person_id.as_str()) {
                    Some(f) => merge_document(h, f, t, &mut self.merged.conflicts),
                    None => h.clone(),
                },
                None => {
                    let f = self.file_only[i - here_files];
                    t.added += f.completions.len() + f.work_hours.len() + f.waivers.len() + f.placements.len() + f.attestations.len() + f.plans.len();
                    f.clone()
                }
            };
            self.merged.data.files.push(merged);
        }
        self.next = end;
    }

    /// The merge, with every document merged.
    pub fn finish(mut self) -> Merged {
        self.step(usize::MAX);
        self.merged
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
