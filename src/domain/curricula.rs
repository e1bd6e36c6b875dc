//! Curricula: what trainers build and assign (issue #11). Pure rules, built on the trainings
//! completed that the rest of the app already keeps.
//!
//! - `curriculum`: a named list of trainings (required or optional, in sections such as "first
//!   30 days"), a completion mode (all in order, all in any order, at least N), versions that
//!   never rewrite what was assigned, and a person's progress through it.
//! - `assignment`: a curriculum or a training given to a person or a cohort with a due date,
//!   each person's standing, and renewals assigned exactly once per credential period.
//! - `cohort`: groups by hand or by rule (worker type, program, organization, hired from, a
//!   ladder step), and the day each member was first seen in one (their own start).
//! - `session`: a training or support session on a day, its roster and waiting list, and
//!   attendance that records completions for everyone present at once, with undo.
//! - `examples`: built-in example curricula (new-CHW onboarding, peer onboarding, Medi-Cal peer
//!   support specialist preparation), labelled as examples, with their sources.
//!
//! - `plan`: everything a trainer made as one kind of stored record, who was given what, the
//!   assignment board, the 12-month renewal forecast, and what opening a page records.
//! - `form`: drafts and validation for the trainer's forms.
//!
//! The screens are `ui/pages/training_home.rs`, `curriculum_form.rs`, `cohort_form.rs`,
//! `assign_form.rs`, `session_page.rs` and `person_assignments.rs`; the store keeps the records
//! in `training_plans` (schema version 7).

pub mod assignment;
pub mod cohort;
pub mod curriculum;
pub mod examples;
pub mod form;
pub mod plan;
pub mod session;
