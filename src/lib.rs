//! Escalera: an offline-first tracker of trainings, certifications and career ladders for
//! California's community health workforce. See ARCHITECTURE.md for the map.
//!
//! `domain` and `i18n` are plain Rust and compile everywhere; `store` (IndexedDB) and `ui`
//! (Leptos) exist only in the browser build.

pub mod domain;
pub mod export;
pub mod i18n;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
