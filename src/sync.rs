//! Sync with an organization's CouchDB (issue #13, under way): the replication protocol's
//! pure logic, tested natively. Not wired to the store or the screens yet.
//!
//! - `rev_tree`: a document's revision tree, the winner every replica agrees on, its conflicts.
//! - `replicate`: checkpoints, `_changes` → `_revs_diff` → `_bulk_get` → `_bulk_docs`
//!   (`new_edits: false`), with an in-memory replica that answers as a server does; any
//!   interleaving of edits on two replicas converges after syncing both ways (property-tested).

pub mod couch;
pub mod local;
pub mod replicate;
pub mod rev_tree;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod http;
