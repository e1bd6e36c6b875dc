//! The trash: what was removed from a person's record (trainings recorded, hours worked,
//! waivers, ladder placements, attestations, planned trainings), when, and until when it can be
//! brought back. A removed record stays for `KEEP_DAYS` days, then the next start purges it.
//!
//! The day of removal is kept beside the records (`PersonRecords::removals`, record id → day)
//! rather than in each record, and `date_removals` keeps it in step with the records' own
//! `removed` flags on every write: the views keep marking records removed as they always did.
//! Records removed before the trash existed get the day they are first seen, so their 30 days
//! start then.
//!
//! Archived people and retired training types and requirements are listed too, but never
//! purged: a person's history and the rules their records were judged by are what an audit
//! asks for, so they stay until someone restores them.

use super::completion::Completion;
use super::date::{Date, DateExt};
use super::ladders::person::{Attestation, Placement, PlannedTraining};
use super::person_records::{Keyed, PersonRecords};
use super::requirement::{Waiver, WorkHours};
use serde::{Deserialize, Serialize};

/// Days a removed record can be brought back.
pub const KEEP_DAYS: i32 = 30;

/// When one record was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub id: String,
    #[serde(with = "super::date::iso")]
    pub on: Date,
}

/// One removed record, whole, so that restoring it is saving it back with `removed: false`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    Completion(Completion),
    WorkHours(WorkHours),
    Waiver(Waiver),
    Placement(Placement),
    Attestation(Attestation),
    Plan(PlannedTraining),
}

impl Removed {
    pub fn id(&self) -> &str {
        match self {
            Removed::Completion(x) => &x.id,
            Removed::WorkHours(x) => &x.id,
            Removed::Waiver(x) => &x.id,
            Removed::Placement(x) => &x.id,
            Removed::Attestation(x) => &x.id,
            Removed::Plan(x) => &x.id,
        }
    }

    /// The record as it is when brought back.
    pub fn restored(&self) -> Removed {
        let mut r = self.clone();
        match &mut r {
            Removed::Completion(x) => x.removed = false,
            Removed::WorkHours(x) => x.removed = false,
            Removed::Waiver(x) => x.removed = false,
            Removed::Placement(x) => x.removed = false,
            Removed::Attestation(x) => x.removed = false,
            Removed::Plan(x) => x.removed = false,
        }
        r
    }
}

/// A line of the trash page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrashItem {
    pub person_id: String,
    pub record: Removed,
    pub removed_on: Date,
    /// The last day it can be brought back.
    pub kept_until: Date,
}

pub(crate) fn removed_ids(f: &PersonRecords) -> Vec<&str> {
    fn ids<T: Keyed>(list: &[T], removed: impl Fn(&T) -> bool) -> impl Iterator<Item = &str> {
        list.iter().filter(move |x| removed(x)).map(|x| x.key())
    }
    ids(&f.completions, |x| x.removed)
        .chain(ids(&f.work_hours, |x| x.removed))
        .chain(ids(&f.waivers, |x| x.removed))
        .chain(ids(&f.placements, |x| x.removed))
        .chain(ids(&f.attestations, |x| x.removed))
        .chain(ids(&f.plans, |x| x.removed))
        .collect()
}

impl PersonRecords {
    /// Keeps the removal days in step with the records: a newly removed record gets `today`,
    /// a restored (or purged) one loses its day. Returns whether anything changed.
    pub fn date_removals(&mut self, today: Date) -> bool {
        let removed: Vec<String> = removed_ids(self).into_iter().map(str::to_owned).collect();
        let before = self.removals.len();
        self.removals.retain(|r| removed.contains(&r.id));
        let mut changed = self.removals.len() != before;
        for id in removed {
            if !self.removals.iter().any(|r| r.id == id) {
                self.removals.push(Removal { id, on: today });
                changed = true;
            }
        }
        changed
    }

    /// Drops every record removed `KEEP_DAYS` or more days before `today`, and its day.
    /// Returns how many were dropped.
    pub fn purge(&mut self, today: Date) -> usize {
        let expired: Vec<String> =
            self.removals.iter().filter(|r| r.on.add_days(KEEP_DAYS) <= today).map(|r| r.id.clone()).collect();
        if expired.is_empty() {
            return 0;
        }
        let gone = |id: &str| expired.iter().any(|e| e == id);
        let before = removed_ids(self).len();
        self.completions.retain(|x| !(x.removed && gone(&x.id)));
        self.work_hours.retain(|x| !(x.removed && gone(&x.id)));
        self.waivers.retain(|x| !(x.removed && gone(&x.id)));
        self.placements.retain(|x| !(x.removed && gone(&x.id)));
        self.attestations.retain(|x| !(x.removed && gone(&x.id)));
        self.plans.retain(|x| !(x.removed && gone(&x.id)));
        self.removals.retain(|r| !gone(&r.id));
        before - removed_ids(self).len()
    }
}

/// Everything in the trash, most recently removed first. A record with no day yet (removed
/// before the trash existed, and not written since) shows as removed `today`.
pub fn items<'a>(files: impl Iterator<Item = &'a PersonRecords>, today: Date) -> Vec<TrashItem> {
    let mut out = Vec::new();
    for f in files {
        let day = |id: &str| f.removals.iter().find(|r| r.id == id).map_or(today, |r| r.on);
        let mut push = |record: Removed| {
            let removed_on = day(record.id());
            out.push(TrashItem { person_id: f.person_id.clone(), record, removed_on, kept_until: removed_on.add_days(KEEP_DAYS - 1) });
        };
        f.completions.iter().filter(|x| x.removed).for_each(|x| push(Removed::Completion(x.clone())));
        f.work_hours.iter().filter(|x| x.removed).for_each(|x| push(Removed::WorkHours(x.clone())));
        f.waivers.iter().filter(|x| x.removed).for_each(|x| push(Removed::Waiver(x.clone())));
        f.placements.iter().filter(|x| x.removed).for_each(|x| push(Removed::Placement(x.clone())));
        f.attestations.iter().filter(|x| x.removed).for_each(|x| push(Removed::Attestation(x.clone())));
        f.plans.iter().filter(|x| x.removed).for_each(|x| push(Removed::Plan(x.clone())));
    }
    out.sort_by(|a, b| b.removed_on.cmp(&a.removed_on).then_with(|| a.record.id().cmp(b.record.id())));
    out
}

/// What the trash lists as kept until restored (never purged): archived people, and the
/// training types and requirements the organization took out of use. A built-in or preset
/// that is off as shipped (an opt-in specialization) was never removed, so it is not listed.
pub struct Kept<'a> {
    pub people: Vec<&'a super::person::Person>,
    pub trainings: Vec<&'a super::training::TrainingType>,
    pub requirements: Vec<&'a super::requirement::Requirement>,
}

pub fn kept_until_restored<'a>(
    people: &'a [super::person::Person],
    catalog: &'a [super::training::CatalogEntry],
    requirements: &'a [super::requirement::RequirementEntry],
) -> Kept<'a> {
    use super::training::Origin;
    Kept {
        people: people.iter().filter(|p| p.archived).collect(),
        trainings: catalog.iter().filter(|e| e.training.retired && e.origin != Origin::BuiltIn).map(|e| &e.training).collect(),
        requirements: requirements.iter().filter(|e| e.requirement.retired && e.origin != Origin::BuiltIn).map(|e| &e.requirement).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn done(id: &str, removed: bool) -> Completion {
        let mut c: Completion =
            serde_json::from_str(&format!(r#"{{"id":"{id}","person_id":"p1","training_id":"builtin.hipaa","completed_on":"2026-01-05","hours":1}}"#)).unwrap();
        c.removed = removed;
        c
    }

    fn hours(id: &str, removed: bool) -> WorkHours {
        let mut w: WorkHours = serde_json::from_str(&format!(r#"{{"id":"{id}","person_id":"p1","from":"2026-01-01","to":"2026-03-31","hours":400}}"#)).unwrap();
        w.removed = removed;
        w
    }

    #[test]
    fn a_removal_is_dated_when_it_happens_and_forgotten_when_restored() {
        let mut f = PersonRecords::new("p1");
        f.completions = vec![done("a", false), done("b", true)];
        assert!(f.date_removals(d("2026-11-01")));
        assert_eq!(f.removals, vec![Removal { id: "b".into(), on: d("2026-11-01") }]);
        // A later write keeps the first day.
        f.completions[0].removed = true;
        assert!(f.date_removals(d("2026-11-05")));
        assert!(!f.date_removals(d("2026-11-09")), "nothing new");
        assert_eq!(f.removals.iter().map(|r| (r.id.as_str(), r.on.to_iso())).collect::<Vec<_>>(), vec![("b", "2026-11-01".to_owned()), ("a", "2026-11-05".to_owned())]);
        // Restored: its day goes.
        f.completions[1].removed = false;
        f.date_removals(d("2026-11-10"));
        assert_eq!(f.removals.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["a"]);
    }

    #[test]
    fn the_purge_drops_what_was_removed_30_days_ago_and_nothing_else() {
        let mut f = PersonRecords::new("p1");
        f.completions = vec![done("old", true), done("recent", true), done("kept", false)];
        f.work_hours = vec![hours("w-old", true)];
        let removal = |id: &str, on: &str| Removal { id: id.into(), on: d(on) };
        f.removals = vec![removal("old", "2026-10-01"), removal("recent", "2026-10-20"), removal("w-old", "2026-10-01")];
        assert!(!f.date_removals(d("2026-10-25")), "every removal already has its day");
        // On the 30th day after removal it can still be brought back…
        assert_eq!(f.clone().purge(d("2026-10-30")), 0);
        // …and from the next day it is gone.
        let mut purged = f.clone();
        assert_eq!(purged.purge(d("2026-10-31")), 2);
        assert_eq!(purged.completions.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["recent", "kept"]);
        assert!(purged.work_hours.is_empty());
        assert_eq!(purged.removals.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["recent"]);
        assert_eq!(purged.clone().purge(d("2026-10-31")), 0, "a second purge finds nothing");
    }

    #[test]
    fn the_trash_lists_newest_removals_first_with_the_last_day_to_restore() {
        let mut f = PersonRecords::new("p1");
        f.completions = vec![done("a", true)];
        f.work_hours = vec![hours("w", true)];
        f.removals = vec![Removal { id: "a".into(), on: d("2026-11-01") }];
        let list = items([&f].into_iter(), d("2026-11-20"));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].record.id(), "w", "no day yet: shown as removed today");
        assert_eq!(list[0].removed_on, d("2026-11-20"));
        assert_eq!(list[1].kept_until, d("2026-11-30"));
        assert_eq!(list[1].record.restored(), Removed::Completion(done("a", false)));
    }

    #[test]
    fn archived_and_taken_out_of_use_are_kept_but_what_ships_off_is_not_listed() {
        use crate::domain::requirement::effective_requirements;
        use crate::domain::training::effective_catalog;
        let presets = crate::domain::presets::presets();
        let shipped_off = presets.iter().filter(|r| r.retired).count();
        assert!(shipped_off > 0, "the specializations ship off");
        let mut stopped = presets.iter().find(|r| !r.retired).unwrap().clone();
        stopped.retired = true;
        let entries = effective_requirements(&presets, std::slice::from_ref(&stopped));
        let builtins = crate::domain::catalog::builtin_trainings();
        let mut own = builtins[0].clone();
        own.id = "own.retired".into();
        own.retired = true;
        let catalog = effective_catalog(&builtins, std::slice::from_ref(&own));
        let mut gone = crate::domain::person::sample("p2", "Beto");
        gone.archived = true;
        let people = vec![crate::domain::person::sample("p1", "Ana"), gone];
        let kept = kept_until_restored(&people, &catalog, &entries);
        assert_eq!(kept.people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec!["p2"]);
        assert_eq!(kept.trainings.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), vec!["own.retired"]);
        assert_eq!(kept.requirements.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec![stopped.id.as_str()]);
    }

    #[test]
    fn removal_days_are_stored_with_the_document_and_read_back() {
        let mut f = PersonRecords::new("p1");
        f.completions = vec![done("a", true)];
        f.date_removals(d("2026-11-01"));
        let text = f.to_json();
        assert!(text.contains(r#""removals":[{"id":"a","on":"2026-11-01"}]"#), "{text}");
        assert_eq!(PersonRecords::from_json("p1", &text).unwrap(), f);
        assert!(!PersonRecords::new("p1").to_json().contains("removals"), "left out when empty");
    }
}
