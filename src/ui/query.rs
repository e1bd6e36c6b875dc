//! View state that belongs in the URL's query string (a search, an "as of" date, filters), so
//! a link reproduces the view, back and forward restore it and a reload keeps it.

use leptos::prelude::*;
use leptos_router::hooks::query_signal_with_options;
use leptos_router::NavigateOptions;

/// How a change reaches the browser's history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Each change is a step "back" returns to (a chosen date or filter).
    Push,
    /// Changes replace the current entry (typing a search: "back" leaves the page).
    Replace,
}

/// A signal mirrored in the query parameter `key`, for inputs that bind to an `RwSignal`:
/// setting it updates the URL; the URL changing (a link, back, forward) sets it. Empty means
/// the parameter is absent.
pub fn query_state(key: &'static str, history: History) -> RwSignal<String> {
    let options = NavigateOptions { replace: history == History::Replace, scroll: false, ..NavigateOptions::default() };
    let (in_url, set_url) = query_signal_with_options::<String>(key, options);
    let local = RwSignal::new(in_url.get_untracked().unwrap_or_default());
    Effect::new(move |_| {
        let from_url = in_url.get().unwrap_or_default();
        if local.with_untracked(|v| *v != from_url) {
            local.set(from_url);
        }
    });
    Effect::new(move |_| {
        let value = local.get();
        if in_url.with_untracked(|u| u.as_deref().unwrap_or_default() != value) {
            set_url.set(Some(value).filter(|v| !v.is_empty()));
        }
    });
    local
}
