//! The model and its rules, in plain Rust with no browser types, tested natively.
//!
//! - `date`, `hours`, `text`: value types every rule speaks in.
//! - `person`, `training`, `completion`, `settings`: the records the store keeps.
//! - `competency`, `catalog`: reference data (C3, SB 803, the built-in trainings).
//! - `form`: drafts and validation for every form.

pub mod catalog;
pub mod competency;
pub mod completion;
pub mod date;
pub mod form;
pub mod hours;
pub mod person;
pub mod settings;
pub mod text;
pub mod training;
