//! Sync passes against the organization's CouchDB, while the app is open: after each save,
//! when the browser comes back online, when the server reports a change (a long-polled
//! `_changes`), every minute, and with backoff after a failure. One pass at a time, across
//! tabs too (the Web Lock `escalera-sync`); a request during a pass runs one more after it.
//! Nothing waits for a pass: screens keep working on the device's data.
//!
//! A pass: after a write here, note the edits (`local::Meta::note_local` over every synced
//! record) and push them (`_revs_diff`, then `_bulk_docs` with `new_edits: false`), then pull from the
//! checkpoint (`_changes`, `_bulk_get` with `open_revs` as fallback) and write what won, in
//! pages of `PAGE`, saving the checkpoint in `_local/` on both sides after each page.

use super::couch::{self, Checkpoint, Problem};
use super::http;
use super::local::Meta;
use super::replicate::DocRev;
use super::state::{LastSync, SyncState};
use crate::store::sync_records::Received;
use crate::store::idb::{new_id, now_iso};
use crate::store::Db;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Changes read per `_changes` request, and revisions sent per `_bulk_docs`.
const PAGE: usize = 500;
const PUSH_BATCH: usize = 200;

/// What the header shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Off,
    Syncing,
    Synced,
    Offline,
    Failed(Problem),
}

/// What the interface hears: the status, and that a pass changed records here.
#[derive(Clone)]
pub struct Hooks {
    pub on_status: Rc<dyn Fn(Status)>,
    pub on_pulled: Rc<dyn Fn()>,
}

struct Engine {
    db: Db,
    hooks: Hooks,
    running: bool,
    again: bool,
    /// Bumped when sync is turned on or off: a watcher of an older generation stops.
    generation: u32,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// The app's origin: a database address must be on it (`couch::target`).
pub fn origin() -> String {
    gloo_utils::window().location().origin().unwrap_or_default()
}

fn online() -> bool {
    gloo_utils::window().navigator().on_line()
}


fn device(_: crate::store::StoreError) -> Problem {
    Problem::Device
}

fn status(s: Status) {
    let hook = ENGINE.with(|e| e.borrow().as_ref().map(|e| e.hooks.on_status.clone()));
    if let Some(hook) = hook {
        hook(s);
    }
}

/// Starts the engine when the app opens: passes run from now on whenever sync is on.
pub fn start(db: Db, hooks: Hooks) {
    ENGINE.with(|e| *e.borrow_mut() = Some(Engine { db: db.clone(), hooks, running: false, again: false, generation: 0 }));
    gloo_events::EventListener::new(&gloo_utils::window(), "online", |_| request()).forget();
    gloo_events::EventListener::new(&gloo_utils::window(), "offline", |_| {
        if is_on_cached() {
            status(Status::Offline);
        }
    })
    .forget();
    gloo_timers::callback::Interval::new(60_000, request).forget();
    leptos::task::spawn_local(async move {
        let on = db.sync_state().await.map(|s| s.on).unwrap_or(false);
        ON.with(|c| c.set(on));
        if on {
            request();
            watch(0);
        } else {
            status(Status::Off);
        }
    });
}

thread_local! {
    static ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Something may have changed here since the last look (true at start: a change made
    /// while the app was closed, or in a tab that closed before its pass).
    static DIRTY: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// A record was written here (a save, an import, another tab's write): the next pass looks
/// for edits, and one is asked for.
pub fn changed_here() {
    DIRTY.with(|d| d.set(true));
    request();
}

fn is_on_cached() -> bool {
    ON.with(|c| c.get())
}

/// Asks for a pass (after a save, online again, a change on the server, the timer).
pub fn request() {
    if !is_on_cached() {
        return;
    }
    let db = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let e = e.as_mut()?;
        if e.running {
            e.again = true;
            return None;
        }
        e.running = true;
        Some(e.db.clone())
    });
    let Some(db) = db else { return };
    leptos::task::spawn_local(async move {
        loop {
            if !online() {
                status(Status::Offline);
            } else {
                status(Status::Syncing);
                let outcome = exclusively(pass_owned(db.clone())).await;
                let pulled = matches!(&outcome, Ok(last) if last.pulled > 0);
                retry_after(&outcome);
                status(match outcome {
                    Ok(_) => Status::Synced,
                    Err(p) => Status::Failed(p),
                });
                if pulled {
                    let hook = ENGINE.with(|e| e.borrow().as_ref().map(|e| e.hooks.on_pulled.clone()));
                    if let Some(hook) = hook {
                        hook();
                    }
                }
            }
            let again = ENGINE.with(|e| {
                let mut e = e.borrow_mut();
                let e = e.as_mut().expect("engine started");
                let again = std::mem::take(&mut e.again) && is_on_cached();
                e.running = again;
                again
            });
            if !again {
                break;
            }
        }
    });
}

thread_local! {
    /// Milliseconds before retrying a pass that failed for a reason that may pass by itself.
    static BACKOFF: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A pass that failed because the server was away or refused for the moment is tried again
/// by itself, 2 s later, then 4, 8… up to a minute; one that needs the person (sign in,
/// access, address) waits for them.
fn retry_after(outcome: &Result<LastSync, Problem>) {
    match outcome {
        Err(Problem::Unreachable | Problem::Server | Problem::Device) => {
            let wait = BACKOFF.with(|b| {
                let next = (b.get() * 2).clamp(2_000, 60_000);
                b.set(next);
                next
            });
            gloo_timers::callback::Timeout::new(wait, request).forget();
        }
        _ => BACKOFF.with(|b| b.set(0)),
    }
}

/// Waits on the server's change feed (long polling) and asks for a pass when something
/// changed there, until sync is turned off.
fn watch(generation: u32) {
    leptos::task::spawn_local(async move {
        let mut wait = 2_000;
        loop {
            let (db, current) = match ENGINE.with(|e| e.borrow().as_ref().map(|e| (e.db.clone(), e.generation))) {
                Some(x) => x,
                None => return,
            };
            if current != generation || !is_on_cached() {
                return;
            }
            let Ok(state) = db.sync_state().await else { return };
            let Ok(target) = couch::target(&state.address, &origin()) else { return };
            let since = state.checkpoint.as_ref().map(|c| couch::since_param(&c.source_last_seq)).unwrap_or_else(|| "now".into());
            let url = format!("{}/_changes?feed=longpoll&timeout=25000&limit=1&since={}", target.db, js_sys::encode_uri_component(&since));
            match http::get(&url).await {
                Ok((200, body)) => {
                    wait = 2_000;
                    if couch::changes(&body).is_ok_and(|c| c.count > 0) {
                        request();
                        // Let the pass move the checkpoint before asking again.
                        gloo_timers::future::TimeoutFuture::new(500).await;
                    }
                }
                _ => {
                    // Offline, signed out or the server away: try again later, less often.
                    gloo_timers::future::TimeoutFuture::new(wait).await;
                    wait = (wait * 2).min(60_000);
                }
            }
        }
    });
}

/// Signs in (when a name is given) and checks that the database answers and may be read.
/// Writes nothing on the device.
pub async fn test(address: &str, user: &str, password: &str) -> Result<(), Problem> {
    let target = couch::target(address, &origin())?;
    if !user.is_empty() {
        let body = serde_json::json!({ "name": user, "password": password }).to_string();
        let (code, text) = http::post(&target.session, &body).await?;
        couch::session_answer(code, &text)?;
    }
    let (code, text) = http::get(&target.db).await?;
    couch::database_answer(code, &text, !user.is_empty())
}

/// Turns sync on for `address` (after a successful `test`) and runs the first pass. Another
/// address than before starts afresh.
pub async fn turn_on(db: &Db, address: &str, user: &str) -> Result<(), Problem> {
    let mut state = db.sync_state().await.map_err(device)?;
    if state.address.trim() != address.trim() {
        db.sync_forget().await.map_err(device)?;
        state = SyncState { device: state.device, ..SyncState::default() };
    }
    if state.device.is_empty() {
        state.device = new_id();
    }
    state.address = address.trim().to_owned();
    state.user = user.to_owned();
    state.on = true;
    // The counts are "since sync was turned on".
    state.last = None;
    db.save_sync_state(&state).await.map_err(device)?;
    ON.with(|c| c.set(true));
    let generation = ENGINE.with(|e| e.borrow_mut().as_mut().map(|e| {
        e.generation += 1;
        e.generation
    }));
    request();
    if let Some(g) = generation {
        watch(g);
    }
    Ok(())
}

/// Turns sync off (the records and what sync knows stay; turning it on again resumes) and
/// signs out.
pub async fn turn_off(db: &Db) -> Result<(), Problem> {
    let mut state = db.sync_state().await.map_err(device)?;
    state.on = false;
    db.save_sync_state(&state).await.map_err(device)?;
    ON.with(|c| c.set(false));
    ENGINE.with(|e| {
        if let Some(e) = e.borrow_mut().as_mut() {
            e.generation += 1;
        }
    });
    if let Ok(target) = couch::target(&state.address, &origin()) {
        let _ = http::delete(&target.session).await;
    }
    status(Status::Off);
    Ok(())
}

async fn pass_owned(db: Db) -> Result<LastSync, Problem> {
    pass(&db).await
}

/// Runs `work` while holding the browser's Web Lock `escalera-sync`, so two tabs of the app
/// never run passes at once (each would otherwise read and write what sync knows of the same
/// documents). Where Web Locks are missing, `work` simply runs.
async fn exclusively<T: 'static>(work: impl std::future::Future<Output = Result<T, Problem>> + 'static) -> Result<T, Problem> {
    use wasm_bindgen::JsCast;
    let navigator = gloo_utils::window().navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok().filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|l| js_sys::Reflect::get(l, &"request".into()).ok()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else { return work.await };
    let slot: Rc<RefCell<Option<Result<T, Problem>>>> = Rc::default();
    let filled = slot.clone();
    let held = wasm_bindgen::closure::Closure::once_into_js(move |_lock: wasm_bindgen::JsValue| -> wasm_bindgen::JsValue {
        wasm_bindgen_futures::future_to_promise(async move {
            *filled.borrow_mut() = Some(work.await);
            Ok(wasm_bindgen::JsValue::UNDEFINED)
        })
        .into()
    });
    let Ok(promise) = request.call2(&locks, &"escalera-sync".into(), &held) else { return Err(Problem::Device) };
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await;
    let out = slot.borrow_mut().take();
    out.unwrap_or(Err(Problem::Device))
}

/// One pass; records its outcome in the sync state either way.
pub async fn pass(db: &Db) -> Result<LastSync, Problem> {
    let mut state = db.sync_state().await.map_err(device)?;
    let outcome = run(db, &mut state).await;
    match &outcome {
        Ok(last) => {
            let before = state.last.take().unwrap_or_default();
            state.last = Some(LastSync { pulled: before.pulled + last.pulled, pushed: before.pushed + last.pushed, ..last.clone() });
            state.problem = None;
        }
        Err(p) => state.problem = Some(*p),
    }
    db.save_sync_state(&state).await.map_err(device)?;
    outcome
}

async fn run(db: &Db, state: &mut SyncState) -> Result<LastSync, Problem> {
    let target = couch::target(&state.address, &origin())?;
    let url = target.db;
    // Only a pass after something changed here looks for edits (reading every record); one
    // woken by the server only pulls. A pass that fails looks again next time.
    let dirty = DIRTY.with(|d| d.replace(false));
    let outcome = async {
        let (pushed, mut conflicts) = if dirty { push_edits(db, &url).await? } else { (0, None) };
        let mut received = 0;
        let pulled = pull(db, &url, state, &mut received).await?;
        if received > 0 || conflicts.is_none() && state.last.is_none() {
            conflicts = Some(count_conflicts(db).await?);
        }
        let conflicts = conflicts.unwrap_or_else(|| state.last.as_ref().map_or(0, |l| l.conflicts));
        Ok(LastSync { at: now_iso(), pulled, pushed, conflicts })
    }
    .await;
    if outcome.is_err() && dirty {
        DIRTY.with(|d| d.set(true));
    }
    outcome
}

async fn count_conflicts(db: &Db) -> Result<usize, Problem> {
    Ok(db.sync_metas().await.map_err(device)?.values().filter(|m| m.has_conflicts()).count())
}

/// Notes every edit made here as a revision (kept before anything is sent), then pushes what
/// the server lacks. Returns how many revisions went, and how many documents have conflicts.
async fn push_edits(db: &Db, url: &str) -> Result<(usize, Option<usize>), Problem> {
    let scan = db.sync_scan().await.map_err(device)?;
    let mut metas = db.sync_metas().await.map_err(device)?;
    let mut touched: Vec<String> = Vec::new();
    for (id, text) in &scan {
        if metas.entry(id.clone()).or_default().note_local(Some(text)) {
            touched.push(id.clone());
        }
    }
    for (id, meta) in metas.iter_mut() {
        if !scan.contains_key(id) && meta.note_local(None) {
            touched.push(id.clone());
        }
    }
    save(db, &metas, &touched).await?;
    let pushed = push(db, url, &scan, &mut metas).await?;
    Ok((pushed, Some(metas.values().filter(|m| m.has_conflicts()).count())))
}

async fn save(db: &Db, metas: &HashMap<String, Meta>, ids: &[String]) -> Result<(), Problem> {
    for chunk in ids.chunks(2_000) {
        let list: Vec<(&str, &Meta)> = chunk.iter().filter_map(|id| metas.get(id).map(|m| (id.as_str(), m))).collect();
        db.sync_save_metas(&list).await.map_err(device)?;
    }
    Ok(())
}

async fn push(db: &Db, url: &str, scan: &HashMap<String, String>, metas: &mut HashMap<String, Meta>) -> Result<usize, Problem> {
    let mut waiting: Vec<String> = metas.iter().filter(|(_, m)| !m.unpushed.is_empty()).map(|(id, _)| id.clone()).collect();
    waiting.sort();
    let mut pushed = 0;
    for ids in waiting.chunks(PUSH_BATCH) {
        let docs: Vec<DocRev> = ids.iter().flat_map(|id| metas[id].outgoing(id, scan.get(id).map(String::as_str))).collect();
        let (code, body) = http::post(&format!("{url}/_revs_diff"), &couch::revs_diff_request(&docs)).await?;
        couch::status_answer(code)?;
        let missing = couch::revs_diff(&body)?;
        let send: Vec<DocRev> = docs.into_iter().filter(|d| missing.get(&d.id).is_some_and(|revs| revs.contains(&d.rev))).collect();
        if !send.is_empty() {
            let (code, _) = http::post(&format!("{url}/_bulk_docs"), &couch::bulk_docs_request(&send)).await?;
            couch::status_answer(code)?;
            pushed += send.len();
        }
        for id in ids {
            if let Some(m) = metas.get_mut(id) {
                m.unpushed.clear();
            }
        }
        save(db, metas, ids).await?;
    }
    Ok(pushed)
}

/// The server's checkpoint document and its revision (to update it).
async fn remote_checkpoint(url: &str) -> Result<(Option<Checkpoint>, Option<String>), Problem> {
    let (code, body) = http::get(url).await?;
    if code == 404 {
        return Ok((None, None));
    }
    couch::status_answer(code)?;
    let value: Value = serde_json::from_str(&body).map_err(|_| Problem::NotCouch)?;
    let rev = value.get("_rev").and_then(Value::as_str).map(str::to_owned);
    Ok((serde_json::from_value(value).ok(), rev))
}

async fn fetch_revisions(url: &str, wanted: &BTreeMap<String, Vec<String>>) -> Result<Vec<DocRev>, Problem> {
    let (code, body) = http::post(&format!("{url}/_bulk_get?revs=true"), &couch::bulk_get_request(wanted)).await?;
    if code == 200 {
        return couch::bulk_get(&body);
    }
    if !matches!(code, 400 | 404 | 405 | 501) {
        couch::status_answer(code)?;
    }
    // A server without `_bulk_get`: one request per document.
    let mut out = Vec::new();
    for (id, revs) in wanted {
        let open = serde_json::to_string(revs).unwrap_or_default();
        let (code, body) = http::get(&format!("{url}/{}?revs=true&open_revs={}", js_sys::encode_uri_component(id), js_sys::encode_uri_component(&open))).await?;
        couch::status_answer(code)?;
        out.extend(couch::open_revs(&body)?);
    }
    Ok(out)
}

/// Returns how many records here changed; `received_docs` counts the documents that got
/// revisions (a conflict can arrive without changing the record shown).
async fn pull(db: &Db, url: &str, state: &mut SyncState, received_docs: &mut usize) -> Result<usize, Problem> {
    let checkpoint_url = format!("{url}/_local/{}", couch::replication_id(&state.device, url));
    let (there, mut there_rev) = remote_checkpoint(&checkpoint_url).await?;
    let mut since = couch::start_from(state.checkpoint.as_ref(), there.as_ref());
    let session = new_id();
    let mut pulled = 0;
    loop {
        let (code, body) = http::get(&format!("{url}/_changes?style=all_docs&limit={PAGE}&since={}", js_sys::encode_uri_component(&couch::since_param(&since)))).await?;
        couch::status_answer(code)?;
        let page = couch::changes(&body)?;
        // What the device knows of these documents, and their records here, in one read.
        let ids: Vec<String> = page.docs.keys().cloned().collect();
        let (metas, texts) = db.sync_read(&ids).await.map_err(device)?;
        let wanted: BTreeMap<String, Vec<String>> = page
            .docs
            .iter()
            .filter_map(|(id, revs)| {
                let meta = metas.get(id);
                let missing: Vec<String> = revs.iter().filter(|r| super::rev_tree::Rev::parse(r).is_some_and(|r| !meta.is_some_and(|m| m.tree.contains(&r)))).cloned().collect();
                (!missing.is_empty()).then(|| (id.clone(), missing))
            })
            .collect();
        if !wanted.is_empty() {
            let docs = fetch_revisions(url, &wanted).await?;
            let mut by_id: BTreeMap<String, Vec<DocRev>> = BTreeMap::new();
            for d in docs {
                by_id.entry(d.id.clone()).or_default().push(d);
            }
            let mut received = Vec::new();
            for (id, revs) in by_id {
                let before = metas.get(&id).cloned().unwrap_or_default();
                let mut meta = before.clone();
                let outcome = meta.receive(&revs, texts.get(&id).map(String::as_str));
                received.push(Received { id, outcome, meta, hash: before.hash });
            }
            let (changed, kept) = db.sync_apply(received).await.map_err(device)?;
            pulled += changed;
            *received_docs += kept.len();
        }
        if page.count == 0 && page.last_seq == since {
            // Nothing new: the checkpoints on both sides already say so.
            break;
        }
        since = page.last_seq.clone();
        let checkpoint = Checkpoint { session_id: session.clone(), source_last_seq: since.clone() };
        let mut doc = serde_json::to_value(&checkpoint).unwrap_or_default();
        if let (Some(rev), Some(o)) = (&there_rev, doc.as_object_mut()) {
            o.insert("_rev".into(), rev.clone().into());
        }
        let (code, body) = http::put(&checkpoint_url, &doc.to_string()).await?;
        couch::status_answer(code)?;
        there_rev = serde_json::from_str::<Value>(&body).ok().and_then(|v| v.get("rev").and_then(Value::as_str).map(str::to_owned));
        state.checkpoint = Some(checkpoint);
        db.save_sync_state(state).await.map_err(device)?;
        if page.count < PAGE {
            break;
        }
    }
    Ok(pulled)
}
