//! The few browser facts the views need: today's local date, fresh ids, the remembered
//! interface language, focus, other tabs, persistent storage, downloads and printing.
//! gloo wraps what it can (storage, events, timers, files, window); web-sys does the rest.

use crate::domain::date::Date;
use crate::domain::text::Locale;
use gloo_storage::{LocalStorage, Storage};
use gloo_utils::{document, window};
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "escalera.lang";

/// The device's local calendar date (a completion "today" must not count as the future).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).expect("the device clock gives a real date")
}

/// Now in UTC, and new record ids: the store's (sync uses them too).
pub use crate::store::idb::{new_id, now_iso};

/// The language chosen before, else the browser's, else English.
pub fn initial_locale() -> Locale {
    LocalStorage::raw()
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Locale::from_code(&code))
        .or_else(|| window().navigator().language().and_then(|l| Locale::from_code(&l)))
        .unwrap_or_default()
}

/// The reader's language tags, most preferred first (`navigator.languages`): Spanish numbers
/// follow the first Spanish one's region (es-US by default, `i18n::set_spanish_region`).
pub fn language_tags() -> Vec<String> {
    window().navigator().languages().iter().filter_map(|v| v.as_string()).collect()
}

/// Remembers the language (localStorage: it must be known before the database opens, so the
/// very first paint is in the right language) and tells assistive technology about it.
pub fn apply_locale(locale: Locale) {
    let _ = LocalStorage::raw().set_item(LANG_KEY, locale.code());
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", locale.code());
    }
}

/// Moves keyboard focus to the element with `id` (a page heading after navigation, the first
/// invalid field after a failed save).
pub fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to `id` once the view has rendered it: an element that a signal change is
/// about to create does not exist yet when the change is made.
pub fn focus_after_render(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus(id));
}

/// The path of the page shown now (`/people/p-1`), without its query.
pub fn pathname() -> String {
    window().location().pathname().unwrap_or_default()
}

pub fn reload() {
    let _ = window().location().reload();
}

/// Sets the document title: "<page> · Escalera", so tabs and screen readers name the page.
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} · Escalera"));
}

thread_local! {
    static OTHER_TABS: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
}

/// Calls `on_change` whenever another tab of this app has written to the database, so this
/// tab re-reads instead of showing (and later saving over) stale records.
pub fn listen_to_other_tabs(on_change: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new("escalera-changes") else { return };
    // Lives as long as the page.
    gloo_events::EventListener::new(&channel, "message", move |_| on_change()).forget();
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
    if let Ok(promise) = window().navigator().storage().persist() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Has the browser agreed to keep this site's data? `None` when it cannot say.
pub async fn storage_is_persistent() -> Option<bool> {
    let promise = window().navigator().storage().persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// Saves `text` as a file named `filename` (an export: the only way data leaves the device).
pub fn download(filename: &str, mime: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    if let Some(a) = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    // Revoked (when `url` drops) a moment later: some browsers read the URL after `click` returns.
    gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}

/// The file chosen in a file input, if any (read with gloo-file).
pub fn chosen_file(input: &leptos::prelude::NodeRef<leptos::html::Input>) -> Option<gloo_file::File> {
    use leptos::prelude::GetUntracked;
    input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)).map(gloo_file::File::from)
}

/// Reads a chosen file's text in slices (gloo-file), reporting bytes read after each, so a
/// large file shows its progress and the page answers between slices. Text that is not UTF-8
/// is read with replacement characters (the reader then says what is wrong with it).
pub async fn read_text_in_slices(file: &gloo_file::File, progress: impl Fn(u64, u64)) -> Result<String, gloo_file::FileReadError> {
    const SLICE: u64 = 4 << 20;
    let total = file.size();
    let mut bytes = Vec::with_capacity(total as usize);
    let mut at = 0;
    progress(0, total);
    while at < total {
        let end = (at + SLICE).min(total);
        bytes.extend_from_slice(&gloo_file::futures::read_as_bytes(&file.slice(at, end)).await?);
        at = end;
        progress(at, total);
    }
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Lets the browser paint and answer input between steps of a long piece of work.
pub async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Empties a file input (after a cancel), so choosing the same file again is a change.
pub fn clear_file(input: &leptos::prelude::NodeRef<leptos::html::Input>) {
    use leptos::prelude::GetUntracked;
    if let Some(i) = input.get_untracked() {
        i.set_value("");
    }
}

/// Saves a CSV file, starting with a byte-order mark when Settings ask for one (Excel on
/// Windows reads UTF-8 accents right only with it).
pub fn download_csv(filename: &str, text: &str, bom: bool) {
    let text = if bom { format!("\u{feff}{text}") } else { text.to_owned() };
    download(filename, "text/csv;charset=utf-8", &text);
}

/// Opens the browser's print dialog (the printable record has its own print styles).
pub fn print() {
    let _ = window().print();
}

const SIGNER_KEY: &str = "escalera.signer";

/// The name a trainer or HR person last signed a decision with on this device (assignments,
/// exemptions, verifications), to prefill the next one.
pub fn signer() -> String {
    LocalStorage::raw().get_item(SIGNER_KEY).ok().flatten().unwrap_or_default()
}

pub fn remember_signer(name: &str) {
    let _ = LocalStorage::raw().set_item(SIGNER_KEY, name.trim());
}

/// Sets the printed page size (`letter` or `A4`) for the next print: one `@page` rule in a
/// style element of its own.
pub fn set_page_size(size: &str) {
    let doc = document();
    let style = match doc.get_element_by_id("page-size") {
        Some(el) => el,
        None => {
            let Ok(el) = doc.create_element("style") else { return };
            el.set_id("page-size");
            if let Some(head) = doc.head() {
                let _ = head.append_child(&el);
            }
            el
        }
    };
    style.set_text_content(Some(&format!("@page {{ size: {size}; }}")));
}
