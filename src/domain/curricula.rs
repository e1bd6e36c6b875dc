//! Curricula: what trainers build and assign (issue #11). Pure rules, built on the trainings
//! completed that the rest of the app already keeps.
//!
//! - `curriculum`: a named list of trainings (required or optional, in sections such as "first
//!   30 days"), a completion mode (all in order, all in any order, at least N), versions that
//!   never rewrite what was assigned, and a person's progress through it.
//! - `examples`: built-in example curricula (new-CHW onboarding, peer onboarding, Medi-Cal peer
//!   support specialist preparation), labelled as examples, with their sources.
//!
//! Not on screen yet: cohorts, assignments, sessions and the trainer's views come next.

pub mod curriculum;
pub mod examples;
