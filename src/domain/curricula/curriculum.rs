//! A curriculum and a person's progress through it.
//!
//! A curriculum is a list of trainings, each required or optional, optionally in sections
//! ("first 30 days"), with a completion mode. Progress is worked out from the trainings
//! completed, whenever and however they were recorded; a removed record or one dated after
//! the day asked about never counts.
//!
//! **Versions.** Editing a curriculum that people have been given makes a new version with the
//! same id; what they were given keeps pointing at its version (`key` is `id@version`), so
//! what they completed is never judged by a list they were not given.

use crate::domain::completion::Completion;
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::person::{PreferredLanguage, WorkerType};
use crate::domain::text::Bilingual;
use crate::domain::training::{Source, TrainingType};
use serde::{Deserialize, Serialize};

/// When a curriculum is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every required training, each completed on or after the one before it.
    AllInOrder,
    /// Every required training, in any order.
    AllAnyOrder,
    /// Every required training, and `n` trainings in all (optional ones make up the rest).
    AtLeast { n: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub name: Bilingual,
    /// Due this many days after the curriculum's start (hire or assignment), if it has a limit.
    #[serde(default)]
    pub within_days: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub training_id: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// The section's id; empty when the curriculum has no sections.
    #[serde(default)]
    pub section: String,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curriculum {
    pub id: String,
    /// 1 for the first; each edit made after it was assigned adds one.
    pub version: u32,
    pub name: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    pub mode: Mode,
    #[serde(default)]
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// Who it is for (empty: anyone).
    #[serde(default)]
    pub worker_types: Vec<WorkerType>,
    /// The languages it is taught in (empty: not stated).
    #[serde(default)]
    pub languages: Vec<PreferredLanguage>,
    /// A built-in example: shown as one, copied before it is changed.
    #[serde(default)]
    pub example: bool,
    /// Out of use: kept with its history, never deleted.
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub source: Option<Source>,
}

/// How one training of a curriculum stands for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProgress {
    pub training_id: String,
    pub required: bool,
    /// The day the completion that counts for it was completed.
    pub done_on: Option<Date>,
}

/// How one section stands: trainings done of those required, and its due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionProgress {
    pub id: String,
    pub done: usize,
    pub of: usize,
    pub due: Option<Date>,
}

/// A person's progress through a curriculum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub items: Vec<ItemProgress>,
    /// Trainings that count toward completion, done, of how many are needed.
    pub done: usize,
    pub of: usize,
    /// Hours of the completions that count.
    pub hours_done: Hours,
    /// The day it became complete.
    pub complete_on: Option<Date>,
    /// The training to do next: the first required one not done (in order), else an optional
    /// one while `at least N` is not reached.
    pub next: Option<String>,
    pub sections: Vec<SectionProgress>,
}

impl Curriculum {
    /// The stored key of this version.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }

    /// Hours of every training in it, and of the required ones, from the catalog's typical hours.
    pub fn hours(&self, catalog: &[TrainingType]) -> (Hours, Hours) {
        let typical = |id: &str| catalog.iter().find(|t| t.id == id).map_or(Hours::ZERO, |t| t.typical_hours);
        let all = self.items.iter().map(|i| typical(&i.training_id)).fold(Hours::ZERO, |a, b| a + b);
        let required = self.items.iter().filter(|i| i.required).map(|i| typical(&i.training_id)).fold(Hours::ZERO, |a, b| a + b);
        (all, required)
    }

    /// How many trainings completion needs.
    pub fn needed(&self) -> usize {
        let required = self.items.iter().filter(|i| i.required).count();
        match self.mode {
            Mode::AtLeast { n } => required.max(n as usize).min(self.items.len()),
            Mode::AllInOrder | Mode::AllAnyOrder => required,
        }
    }

    /// A person's progress, from their trainings completed. Only records on or before `as_of`
    /// count, and, when `since` is given (a renewal), only those on or after it. `start` (hire
    /// or assignment) dates the sections.
    pub fn progress(&self, completions: &[Completion], since: Option<Date>, start: Option<Date>, as_of: Date) -> Progress {
        let counts = |c: &&Completion| c.completes() && c.completed_on <= as_of && since.is_none_or(|s| c.completed_on >= s);
        let live: Vec<&Completion> = completions.iter().filter(counts).collect();
        // The earliest completion of a training on or after a day.
        let first_from = |training: &str, from: Option<Date>| -> Option<&Completion> {
            live.iter().filter(|c| c.training_id == training && from.is_none_or(|f| c.completed_on >= f)).min_by_key(|c| c.completed_on).copied()
        };

        let mut counted: Vec<Option<&Completion>> = Vec::with_capacity(self.items.len());
        let mut previous: Option<Date> = None;
        let mut blocked = false;
        for item in &self.items {
            let found = match self.mode {
                // In order: a required training counts once the one before it is done, and only
                // if completed on or after that day; optional ones count whenever.
                Mode::AllInOrder if item.required => {
                    if blocked {
                        None
                    } else {
                        let found = first_from(&item.training_id, previous);
                        match found {
                            Some(c) => previous = Some(c.completed_on),
                            None => blocked = true,
                        }
                        found
                    }
                }
                _ => first_from(&item.training_id, None),
            };
            counted.push(found);
        }

        let items: Vec<ItemProgress> = self
            .items
            .iter()
            .zip(&counted)
            .map(|(i, c)| ItemProgress { training_id: i.training_id.clone(), required: i.required, done_on: c.map(|c| c.completed_on) })
            .collect();
        let of = self.needed();
        let required_done: Vec<Date> = items.iter().filter(|i| i.required).filter_map(|i| i.done_on).collect();
        let all_required = required_done.len() == items.iter().filter(|i| i.required).count();
        let mut all_done: Vec<Date> = items.iter().filter_map(|i| i.done_on).collect();
        all_done.sort();
        let done = match self.mode {
            Mode::AtLeast { .. } => {
                // Optional ones fill only the places the required ones leave.
                let required = items.iter().filter(|i| i.required).count();
                let optional = items.iter().filter(|i| !i.required && i.done_on.is_some()).count();
                required_done.len() + optional.min(of.saturating_sub(required))
            }
            Mode::AllInOrder | Mode::AllAnyOrder => required_done.len(),
        };
        let complete_on = if all_required && done >= of {
            let last_required = required_done.iter().max().copied();
            let nth = match self.mode {
                Mode::AtLeast { .. } if of > 0 => all_done.get(of - 1).copied(),
                _ => None,
            };
            match (last_required, nth) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b).or(Some(as_of).filter(|_| of == 0)),
            }
        } else {
            None
        };
        let hours_done = self
            .items
            .iter()
            .zip(&counted)
            .filter_map(|(_, c)| c.map(|c| c.hours))
            .fold(Hours::ZERO, |a, b| a + b);
        let next = if complete_on.is_some() {
            None
        } else {
            items
                .iter()
                .find(|i| i.required && i.done_on.is_none())
                .or_else(|| items.iter().find(|i| !i.required && i.done_on.is_none()))
                .map(|i| i.training_id.clone())
        };
        let sections = self
            .sections
            .iter()
            .map(|s| {
                let mine: Vec<&ItemProgress> = items.iter().zip(&self.items).filter(|(_, i)| i.section == s.id).map(|(p, _)| p).collect();
                SectionProgress {
                    id: s.id.clone(),
                    done: mine.iter().filter(|p| p.required && p.done_on.is_some()).count(),
                    of: mine.iter().filter(|p| p.required).count(),
                    due: start.zip(s.within_days).map(|(d, n)| d.add_days(n as i32)),
                }
            })
            .collect();
        Progress { items, done, of, hours_done, complete_on, next, sections }
    }

    /// What to store when `edited` is saved over `self`: in place while nobody has been given
    /// it; as the next version once someone has (the version they were given stays).
    pub fn save_edit(&self, edited: Curriculum, assigned: bool) -> Curriculum {
        let version = if assigned { self.version + 1 } else { self.version };
        Curriculum { id: self.id.clone(), version, example: false, ..edited }
    }

    /// A copy to change (of an example, or of one's own), under a new id, at version 1.
    pub fn duplicate(&self, id: &str) -> Curriculum {
        Curriculum { id: id.to_owned(), version: 1, example: false, archived: false, ..self.clone() }
    }
}

/// The newest version of each curriculum, in the order first seen.
pub fn latest(versions: &[Curriculum]) -> Vec<&Curriculum> {
    let mut out: Vec<&Curriculum> = Vec::new();
    for c in versions {
        match out.iter_mut().find(|x| x.id == c.id) {
            Some(slot) if slot.version < c.version => *slot = c,
            Some(_) => {}
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "curriculum_tests.rs"]
mod tests;
