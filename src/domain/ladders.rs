//! Career ladders and pay: the heart of Escalera. What a person has done maps to the steps
//! of a ladder and the pay grades behind them.
//!
//! - `money`: integer cents and basis points; rounding written down once.
//! - `pay`: pay grades (percent steps or explicit rates), the pay policy (step timing,
//!   longevity, differentials, promotion raise, fringe), wage floors as dated data.
//! - `ladder`: ladders, steps (branching), and step rules (all of / at least N of …).
//! - `person`: placements (history), attestations, planned trainings; time in step.
//! - `readiness`: met or not, what is missing, the earliest ready date.
//! - `board`: readiness over everyone, promotion plans priced, pay equity, the pay plan.
//! - `form`: drafts and validation for every ladder and pay form.
//! - `examples`: built-in example ladders, grades and California's floors, with sources.

pub mod board;
pub mod examples;
pub mod form;
pub mod ladder;
pub mod money;
pub mod pay;
pub mod person;
pub mod readiness;
#[cfg(test)]
mod readiness_tests;
