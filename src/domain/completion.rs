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
}

/// Where a self-reported completion stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pending,
    Verified,
    Rejected,
}

/// Who reported a completion and who checked it, when, and why it was rejected. The evidence
/// they describe is the completion's own provider, certificate number and notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub verdict: Verdict,
    pub reported_by: String,
    #[serde(with = "super::date::iso")]
    pub reported_on: Date,
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
    pub total_hours: Hours,
}

/// The active completions of one person (or of one training, with `by_training`), newest first.
/// Ties on the same day keep a stable order by id so the list never jumps between renders.
pub fn history<'a>(completions: &'a [Completion], keep: impl Fn(&Completion) -> bool) -> History<'a> {
    let mut entries: Vec<&Completion> = completions.iter().filter(|c| !c.removed && keep(c)).collect();
    entries.sort_by(|a, b| b.completed_on.cmp(&a.completed_on).then_with(|| a.id.cmp(&b.id)));
    let total_hours = entries.iter().map(|c| c.hours).sum();
    History { entries, total_hours }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::DateExt;

    fn completion(id: &str, person: &str, on: &str, hundredths: u32) -> Completion {
        Completion { verification: None,
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
        let h = history(&all, |c| c.person_id == "p1");
        let ids: Vec<&str> = h.entries.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["c", "d", "a"]);
        assert_eq!(h.total_hours, Hours::from_hundredths(775));
    }
}
