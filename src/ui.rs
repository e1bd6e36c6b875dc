//! Leptos views. Pages read and write through `store`, decide nothing themselves, and show
//! every string through `i18n`.

mod app;
mod app_shell;
mod browser;
mod ctx;
mod fields;
mod pages;
mod query;
mod table;

pub use app::start;
