//! The only code that touches IndexedDB.
//!
//! - `schema`: the versioned schema and one explicit upgrade step per version.
//! - `idb`: a small async wrapper over the browser API (requests and transactions as futures).
//! - `records`: typed reads and writes of people, completions, training types and settings.

pub mod idb;
pub mod records;
pub mod schema;

pub use idb::{Db, Hooks, StoreError};
