//! The few browser facts the views need: today's local date, fresh ids, the remembered
//! interface language, focus and scrolling.

use crate::domain::date::Date;
use crate::domain::text::Locale;

const LANG_KEY: &str = "escalera.lang";

/// The device's local calendar date (a completion "today" must not count as the future).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_else(|| Date::from_days_since_epoch(0))
}

/// A random 128-bit id as 32 hex digits. Ids are strings: numbers above 2^53 do not survive JS.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen before, else the browser's, else English.
pub fn initial_locale() -> Locale {
    local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok()?)
        .and_then(|code| Locale::from_code(&code))
        .or_else(|| web_sys::window()?.navigator().language().and_then(|l| Locale::from_code(&l)))
        .unwrap_or_default()
}

/// Remembers the language (localStorage: it must be known before the database opens, so the
/// very first paint is in the right language) and tells assistive technology about it.
pub fn apply_locale(locale: Locale) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(LANG_KEY, locale.code());
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", locale.code());
    }
}

/// Moves keyboard focus to the element with `id` (a page heading after navigation, the first
/// invalid field after a failed save).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to `id` once the view has rendered it: an element that a signal change is
/// about to create does not exist yet when the change is made.
pub fn focus_after_render(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus(id));
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Sets the document title: "<page> · Escalera", so tabs and screen readers name the page.
pub fn set_title(page: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&format!("{page} · Escalera"));
    }
}

/// The path part of the current URL.
pub fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into())
}

/// Puts `path` in the address bar (a new history entry, or in place with `replace`) and
/// scrolls to the top, as a page load would.
pub fn set_path(path: &str, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        };
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Calls `on_path` with the new path when the user goes back or forward, and when they
/// activate a same-origin link (by mouse or keyboard): links are plain `<a href>` elements,
/// so they also open in a new tab, and work before any code runs.
pub fn listen_for_navigation(on_path: impl Fn(String, bool) + Clone + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };

    let back_forward = {
        let on_path = on_path.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_path(current_path(), false))
    };
    let _ = window.add_event_listener_with_callback("popstate", back_forward.as_ref().unchecked_ref());
    back_forward.forget(); // lives as long as the page

    let clicks = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if link.has_attribute("target") || link.has_attribute("download") || !href.starts_with('/') || href.starts_with("//") {
            return;
        }
        ev.prevent_default();
        set_path(&href, false);
        on_path(href, true);
    });
    let _ = document.add_event_listener_with_callback("click", clicks.as_ref().unchecked_ref());
    clicks.forget();
}

thread_local! {
    static OTHER_TABS: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
}

/// Calls `on_change` whenever another tab of this app has written to the database, so this
/// tab re-reads instead of showing (and later saving over) stale records.
pub fn listen_to_other_tabs(on_change: impl Fn() + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Ok(channel) = web_sys::BroadcastChannel::new("escalera-changes") else { return };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_change());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget(); // lives as long as the page
    OTHER_TABS.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells the other tabs that this one wrote (they do not hear their own messages).
pub fn tell_other_tabs() {
    OTHER_TABS.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
    });
}

thread_local! {
    static ASKED_TO_PERSIST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Asks the browser, once per page load, to keep this site's data even when space runs low
/// (Chrome decides without a prompt; Safari otherwise clears it after 7 days unused).
pub fn ask_to_persist_storage() {
    if ASKED_TO_PERSIST.with(|a| a.replace(true)) {
        return;
    }
    if let Some(promise) = web_sys::window().and_then(|w| w.navigator().storage().persist().ok()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Has the browser agreed to keep this site's data? `None` when it cannot say.
pub async fn storage_is_persistent() -> Option<bool> {
    let promise = web_sys::window()?.navigator().storage().persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// Saves `text` as a file named `filename` (an export: the only way data leaves the device).
pub fn download(filename: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    // Revoked a moment later: some browsers read the URL after `click` returns.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(10));
}

/// Opens the browser's print dialog (the printable record has its own print styles).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
