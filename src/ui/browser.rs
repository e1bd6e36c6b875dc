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
