//! Completions: one person finished one training on one day.

use super::date::Date;
use super::hours::Hours;
use super::training::{CatalogEntry, CeCategory};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub id: String,
    /// Left out inside a person's stored document, whose id already says whose it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person_id: String,
    pub training_id: String,
    #[serde(with = "super::date::iso")]
    pub completed_on: Date,
    pub hours: Hours,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certificate_number: String,
    /// The CE bucket these hours count toward; `None` when the training is not CE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ce_category: Option<CeCategory>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Removed records stay stored (and can be brought back); they count toward nothing.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub removed: bool,
    /// Self-reported and checked by a trainer or HR (`None`: recorded by them, it counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Part of a session of a training that must be taken whole (a certification course):
    /// its hours count where hours count (CE cycles, support hours), but it completes
    /// nothing: no credential, curriculum item, assignment or ladder condition.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub partial: bool,
}

/// Where a self-reported completion stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pending,
    Verified,
    Rejected,
}

/// Where a record came from when it arrived in a person's record file from another employer
/// (`my_record`): it waits for confirmation here and counts toward nothing until then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FromFile {
    /// Who exported the file: the organization it came from, or the person themselves.
    pub exported_by: String,
    #[serde(with = "super::date::iso")]
    pub exported_on: Date,
    #[serde(with = "super::date::iso")]
    pub imported_on: Date,
}

/// Who reported a completion and who checked it, when, and why it was rejected. The evidence
/// they describe is the completion's own provider, certificate number and notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub verdict: Verdict,
    pub reported_by: String,
    #[serde(with = "super::date::iso")]
    pub reported_on: Date,
    /// It came in a record file from another employer, not reported here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_file: Option<FromFile>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decided_by: String,
    #[serde(default, with = "super::date::iso_opt", skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl Completion {
    /// Whether it counts toward anything (statuses, readiness, assignments): not removed, and
    /// not a self-reported one still waiting for verification or rejected.
    pub fn counts(&self) -> bool {
        !self.removed && self.verification.as_ref().is_none_or(|v| v.verdict == Verdict::Verified)
    }

    /// Whether it completes its training (credentials, curricula, assignments, readiness): it
    /// counts and is not a part attended of a course that must be taken whole. Hours rules
    /// use `counts`: the hours of a part attended are real hours.
    pub fn completes(&self) -> bool {
        self.counts() && !self.partial
    }

    /// Waiting for a trainer or HR to verify it.
    pub fn pending(&self) -> bool {
        !self.removed && self.verification.as_ref().is_some_and(|v| v.verdict == Verdict::Pending)
    }

    /// A trainer or HR verifies it, or rejects it with a reason (a rejection needs one).
    pub fn decide(&mut self, verdict: Verdict, by: &str, on: Date, reason: &str) -> bool {
        let Some(v) = self.verification.as_mut() else { return false };
        if by.trim().is_empty() || (verdict == Verdict::Rejected && reason.trim().is_empty()) || verdict == Verdict::Pending {
            return false;
        }
        v.verdict = verdict;
        v.decided_by = by.trim().to_owned();
        v.decided_on = Some(on);
        v.reason = reason.trim().to_owned();
        true
    }

    /// The last day this completion is valid by its training's own rule, or `None` when the
    /// rule never expires (or the training is unknown). Requirements may set their own
    /// rule; that is the rules engine's business (`status.rs`).
    pub fn valid_until(&self, catalog: &[CatalogEntry]) -> Option<Date> {
        let entry = catalog.iter().find(|e| e.training.id == self.training_id)?;
        entry.training.validity_on(self.completed_on).valid_until(self.completed_on)
    }
}

/// A person's training history: newest first, with the total of its hours.
#[derive(Clone, Debug, PartialEq)]
pub struct History<'a> {
    pub entries: Vec<&'a Completion>,
    /// The hours of what counts: pending and rejected self-reports are listed, never added.
    pub total_hours: Hours,
    /// The hours listed but not counted (pending or rejected), said beside the total.
    pub not_counted_hours: Hours,
}

/// The active completions of one person (or of one training, with `by_training`), newest first.
/// Ties on the same day keep a stable order by id so the list never jumps between renders.
/// An exam is listed, but its time is not hours of training (`training_hours`).
pub fn history<'a>(completions: &'a [Completion], catalog: &[CatalogEntry], keep: impl Fn(&Completion) -> bool) -> History<'a> {
    let mut entries: Vec<&Completion> = completions.iter().filter(|c| !c.removed && keep(c)).collect();
    entries.sort_by(|a, b| b.completed_on.cmp(&a.completed_on).then_with(|| a.id.cmp(&b.id)));
    let total_hours = training_hours(entries.iter().copied().filter(|c| c.counts()), catalog);
    let not_counted_hours = training_hours(entries.iter().copied().filter(|c| !c.counts()), catalog);
    History { entries, total_hours, not_counted_hours }
}

/// The hours of training in `completions`: an exam's time is not training (a peer's record
/// says 80 hours of training for the core and the exam, not 83).
pub fn training_hours<'a>(completions: impl Iterator<Item = &'a Completion>, catalog: &[CatalogEntry]) -> Hours {
    let exam = |id: &str| catalog.iter().any(|e| e.training.id == id && e.training.exam);
    completions.filter(|c| !exam(&c.training_id)).map(|c| c.hours).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;

    fn completion(id: &str, person: &str, on: &str, hundredths: u32) -> Completion {
        Completion { verification: None, partial: false,
            id: id.into(),
            person_id: person.into(),
            training_id: "builtin.hipaa".into(),
            completed_on: Date::parse_iso(on).unwrap(),
            hours: Hours::from_hundredths(hundredths),
            provider: String::new(),
            certificate_number: String::new(),
            ce_category: None,
            notes: String::new(),
            removed: false,
        }
    }

    #[test]
    fn valid_until_follows_the_trainings_own_rule_including_customisations() {
        let builtins = crate::domain::catalog::builtin_trainings();
        let catalog = crate::domain::training::effective_catalog(&builtins, &[]);
        let mut cpr = completion("c", "p1", "2025-03-03", 400);
        cpr.training_id = "builtin.cpr_first_aid".into();
        assert_eq!(cpr.valid_until(&catalog), Date::parse_iso("2027-03-31"));
        assert_eq!(completion("h", "p1", "2025-03-03", 100).valid_until(&catalog), None, "HIPAA never expires");
        let mut unknown = cpr.clone();
        unknown.training_id = "gone".into();
        assert_eq!(unknown.valid_until(&catalog), None);
        // A customised rule applies to the history shown.
        let mut custom = builtins.iter().find(|t| t.id == "builtin.cpr_first_aid").unwrap().clone();
        custom.validity = crate::domain::training::Validity::EndOfMonthAfter { months: 12 };
        let catalog = crate::domain::training::effective_catalog(&builtins, &[custom]);
        assert_eq!(cpr.valid_until(&catalog), Date::parse_iso("2026-03-31"));
    }

    #[test]
    fn history_is_newest_first_with_total_and_skips_removed() {
        let mut removed = completion("x", "p1", "2026-01-01", 1000);
        removed.removed = true;
        let all = vec![
            completion("a", "p1", "2025-05-01", 150),
            completion("b", "p2", "2026-02-01", 800),
            completion("c", "p1", "2026-03-01", 600),
            completion("d", "p1", "2026-03-01", 25),
            removed,
        ];
        let h = history(&all, &[], |c| c.person_id == "p1");
        let ids: Vec<&str> = h.entries.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["c", "d", "a"]);
        assert_eq!(h.total_hours, Hours::from_hundredths(775));
    }

    /// Issue #20: a self-reported training waiting for verification (or rejected) is listed
    /// but adds nothing to the total until verified; the hours left out are said beside it.
    #[test]
    fn pending_and_rejected_trainings_are_listed_but_not_totalled() {
        let reported = |id: &str, verdict: Verdict| Completion {
            verification: Some(Verification { from_file: None, verdict, reported_by: "Rosa".into(), reported_on: Date::parse_iso("2026-11-01").unwrap(), decided_by: String::new(), decided_on: None, reason: String::new() }),
            ..completion(id, "p1", "2026-11-01", 600)
        };
        let all = vec![completion("a", "p1", "2026-01-05", 400), reported("b", Verdict::Pending), reported("c", Verdict::Rejected), reported("d", Verdict::Verified)];
        let h = history(&all, &[], |_| true);
        assert_eq!(h.entries.len(), 4);
        assert_eq!((h.total_hours, h.not_counted_hours), (Hours::whole(10), Hours::whole(12)));
        // A part attended is real hours: counted in the total though it completes nothing.
        let part = Completion { partial: true, ..completion("e", "p1", "2026-02-01", 250) };
        assert_eq!(history(&[part], &[], |_| true).total_hours, Hours::from_hundredths(250));
        // An exam is listed but is not hours of training.
        let catalog = crate::domain::training::effective_catalog(&crate::domain::catalog::builtin_trainings(), &[]);
        let core = Completion { training_id: "builtin.peer_core_80h".into(), hours: Hours::whole(80), ..completion("f", "p1", "2025-01-10", 0) };
        let exam = Completion { training_id: "builtin.peer_exam".into(), hours: Hours::whole(3), ..completion("g", "p1", "2025-02-10", 0) };
        let both = [core, exam];
        let h = history(&both, &catalog, |_| true);
        assert_eq!((h.entries.len(), h.total_hours), (2, Hours::whole(80)));
    }
}
