//! The only code that touches IndexedDB.
//!
//! - `schema`: the versioned schema and one explicit upgrade step per version (raw web-sys:
//!   indexed_db_futures cannot reach the upgrade transaction).
//! - `idb`: opening (upgrade, `blocked`, `versionchange`) and request shapes, on indexed_db_futures.
//! - `cache`: what this tab has read, kept between pages and updated by each write.
//! - `records`: typed reads and writes of people, their records, training types, requirements
//!   and settings.

mod cache;
pub mod idb;
pub mod records;
pub mod schema;
pub mod sync_records;

pub use idb::{Db, Hooks, StoreError};
