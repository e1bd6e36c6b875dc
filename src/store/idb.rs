//! Opening the database and the few request shapes the records use, on indexed_db_futures.
//!
//! Opening is two steps: `schema.rs` runs any upgrade through a raw `IDBOpenDBRequest` (the
//! crate's upgrade callback cannot reach the upgrade transaction), then the crate opens the
//! same version, where no upgrade fires. Values cross as JSON text: records other than
//! people's documents are stored as plain objects (gloo-utils' `JsValueSerdeExt`, one serde
//! backend in the bundle), people's documents as strings (`records.rs`).

use super::cache::Cache;
use super::schema;
use gloo_utils::format::JsValueSerdeExt;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsValue> for StoreError {
    fn from(value: JsValue) -> StoreError {
        let text = value
            .dyn_ref::<web_sys::DomException>()
            .map(|e| format!("{}: {}", e.name(), e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        StoreError(text)
    }
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> StoreError {
        match &e {
            // Keep the exception's name (`QuotaExceededError`, …): `is_full` reads it.
            indexed_db_futures::error::Error::DomException(d) => {
                let sys: &web_sys::DomException = d.as_ref().unchecked_ref();
                StoreError(format!("{}: {}", sys.name(), sys.message()))
            }
            _ => StoreError(e.to_string()),
        }
    }
}

/// How a guarded write (`Db::write_all_if`) says the record changed after the form opened.
const CHANGED_ELSEWHERE: &str = "ChangedElsewhere: ";

impl StoreError {
    /// A save refused because its record changed elsewhere (another tab, a sync pass) after
    /// the form showed it: the record as it is now, as JSON (`{}` when it is gone).
    pub fn changed_elsewhere(&self) -> Option<&str> {
        self.0.strip_prefix(CHANGED_ELSEWHERE)
    }

    /// The device's storage is full (the browser's quota for this site is used up): the
    /// write was refused as a whole, and the person is told to free space and back up.
    pub fn is_full(&self) -> bool {
        self.0.contains("QuotaExceededError")
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> StoreError {
        StoreError(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> StoreError {
        StoreError(format!("record does not match the model: {e}"))
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What the interface wants to hear about while the database is opened or upgraded elsewhere.
#[derive(Clone)]
pub struct Hooks {
    /// Another tab holds an older connection and has not closed it yet: ask the user to close it.
    pub on_blocked: Rc<dyn Fn()>,
    /// Another tab wants to upgrade: this connection has been closed; ask the user to reload.
    pub on_version_change: Rc<dyn Fn()>,
    /// An upgrade is moving records: how many of how many so far.
    pub on_upgrade_progress: Rc<dyn Fn(u32, u32)>,
}

impl Default for Hooks {
    fn default() -> Hooks {
        Hooks { on_blocked: Rc::new(|| ()), on_version_change: Rc::new(|| ()), on_upgrade_progress: Rc::new(|_, _| ()) }
    }
}

/// An open connection and what has been read through it. Cheap to clone: clones share both.
#[derive(Clone)]
pub struct Db {
    pub(super) db: Database,
    pub(super) cache: Rc<RefCell<Cache>>,
}

/// Runs the schema's upgrade steps, if any are due, on a raw open request, then closes it.
async fn upgrade(name: &str, version: u32, hooks: &Hooks) -> Result<()> {
    let factory = gloo_utils::window()
        .indexed_db()?
        .ok_or_else(|| StoreError("IndexedDB is not available in this browser".into()))?;
    let request = factory.open_with_u32(name, version)?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
        let request = request.clone();
        let hooks = hooks.clone();
        move |event: web_sys::IdbVersionChangeEvent| {
            let old = event.old_version() as u32;
            let new = event.new_version().map(|v| v as u32).unwrap_or(old);
            let db: web_sys::IdbDatabase = request.result().expect("open result").unchecked_into();
            let tx = request.transaction().expect("upgrade transaction");
            match schema::upgrade(&db, &tx, old, new, &hooks) {
                Ok(None) => {}
                Ok(Some(moves)) => wasm_bindgen_futures::spawn_local(async move {
                    if let Err(e) = moves.await {
                        web_sys::console::error_1(&e);
                        tx.abort().ok();
                    }
                }),
                Err(e) => {
                    web_sys::console::error_1(&e);
                    tx.abort().ok();
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let on_blocked = gloo_events::EventListener::new(&request, "blocked", {
        let hook = hooks.on_blocked.clone();
        move |_| hook()
    });
    let finished = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = wasm_bindgen_futures::JsFuture::from(finished).await;
    request.set_onupgradeneeded(None);
    drop((on_upgrade, on_blocked));
    outcome?;
    let raw: web_sys::IdbDatabase = request.result()?.unchecked_into();
    raw.close();
    Ok(())
}

impl Db {
    /// Opens `name` at the latest schema version, upgrading it step by step if needed.
    pub async fn open(name: &str, hooks: Hooks) -> Result<Db> {
        Db::open_version(name, schema::LATEST, hooks).await
    }

    /// Opens at a given version. Tests use it to create databases as older releases did.
    pub async fn open_version(name: &str, version: u32, hooks: Hooks) -> Result<Db> {
        upgrade(name, version, &hooks).await?;
        let db = Database::open(name).with_version(version).await?;
        // Another tab asks to upgrade: close at once so its upgrade never hangs, then tell
        // the user. The listener lives as long as the connection.
        let closing = db.clone();
        let hook = hooks.on_version_change.clone();
        gloo_events::EventListener::new(db.as_sys(), "versionchange", move |_| {
            closing.clone().close();
            hook();
        })
        .forget();
        Ok(Db { db, cache: Rc::default() })
    }

    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    pub fn store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    pub fn close(&self) {
        self.db.clone().close();
    }

    /// Forgets what was read (another tab wrote): the next reads go to IndexedDB.
    pub fn forget(&self) {
        self.cache.borrow_mut().clear();
    }

    /// One record by key, as stored (`None` when absent).
    pub(super) async fn get_raw(&self, store: &str, key: &str) -> Result<Option<JsValue>> {
        let tx = self.db.transaction(store).build()?;
        let found: Option<JsValue> = tx.object_store(store)?.get(key).primitive()?.await?;
        Ok(found.filter(|v| !v.is_undefined()))
    }

    /// Every record of a store, as stored.
    pub(super) async fn all_raw(&self, store: &str) -> Result<js_sys::Array> {
        let tx = self.db.transaction(store).build()?;
        let values: Vec<JsValue> = tx.object_store(store)?.get_all().primitive()?.await?.collect::<std::result::Result<_, _>>()?;
        Ok(values.into_iter().collect())
    }

    pub(super) async fn get<T: DeserializeOwned>(&self, store: &str, key: &str) -> Result<Option<T>> {
        match self.get_raw(store, key).await? {
            Some(value) => Ok(Some(value.into_serde()?)),
            None => Ok(None),
        }
    }

    /// Every record of a store: one `JSON.stringify` and one parse for the whole list.
    pub(super) async fn all<T: DeserializeOwned>(&self, store: &str) -> Result<Vec<T>> {
        Ok(JsValue::from(self.all_raw(store).await?).into_serde()?)
    }

    /// Writes every `(store, record)` in one transaction: all of them or none. What this tab
    /// has read is forgotten: use the typed writers (`records.rs`), which keep it up to date.
    pub async fn put_all(&self, writes: &[(&str, JsValue)]) -> Result<()> {
        self.write_all(writes).await?;
        self.cache.borrow_mut().clear();
        Ok(())
    }

    /// `put_all` without touching the cache: the caller mirrors the change.
    pub(super) async fn write_all(&self, writes: &[(&str, JsValue)]) -> Result<()> {
        let mut stores: Vec<&str> = writes.iter().map(|(s, _)| *s).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
        for (store, value) in writes {
            // A failed put drops `tx` unfinished, which aborts it: nothing is written.
            tx.object_store(store)?.put(value.clone()).primitive()?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// `write_all`, only while the record `key` of `store` is still what the form opened
    /// (`unchanged` says, given the record as stored now, or `None` when there is none). The
    /// record is read in the same transaction as the writes, so no other tab's write can come
    /// between the check and the save; otherwise nothing is written and the error carries
    /// the record as it is now (`StoreError::changed_elsewhere`). `shown` turns the stored
    /// record into the JSON the person compares (`None`: as stored).
    // `unchanged` is a trait object: one copy of this transaction's code for every record type.
    pub(super) async fn write_all_if(&self, writes: &[(&str, JsValue)], store: &str, key: &str, unchanged: &dyn Fn(Option<&JsValue>) -> bool, shown: Option<&dyn Fn(&JsValue) -> Option<String>>) -> Result<()> {
        let mut stores: Vec<&str> = writes.iter().map(|(s, _)| *s).chain([store]).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
        let now: Option<JsValue> = tx.object_store(store)?.get(key).primitive()?.await?;
        let now = now.filter(|v| !v.is_undefined());
        if !unchanged(now.as_ref()) {
            // Dropped unfinished, the transaction aborts: nothing was written.
            let text = now
                .and_then(|v| match shown {
                    Some(shown) => shown(&v),
                    None => js_sys::JSON::stringify(&v).ok().and_then(|t| t.as_string()),
                })
                .unwrap_or_else(|| "{}".into());
            return Err(StoreError(format!("{CHANGED_ELSEWHERE}{text}")));
        }
        for (store, value) in writes {
            tx.object_store(store)?.put(value.clone()).primitive()?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Empties `stores` and writes `writes` in one transaction: all of it or none.
    pub(super) async fn replace_all(&self, stores: &[&str], writes: &[(&str, JsValue)]) -> Result<()> {
        let tx = self.db.transaction(stores).with_mode(TransactionMode::Readwrite).build()?;
        for store in stores {
            tx.object_store(store)?.clear()?;
        }
        for (store, value) in writes {
            tx.object_store(store)?.put(value.clone()).primitive()?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Puts one record in `store` as it is given: tests use it to write what older releases did.
    pub async fn put<T: Serialize>(&self, store: &str, value: &T) -> Result<()> {
        self.put_all(&[(store, record(value)?)]).await
    }

    pub(super) async fn delete(&self, store: &str, key: &str) -> Result<()> {
        let tx = self.db.transaction(store).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(store)?.delete(key).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Now, as an ISO 8601 date and time in UTC (change stamps, backups, the last sync).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// A random 128-bit id as 32 hex digits. Ids are strings: numbers above 2^53 do not survive JS.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = gloo_utils::window().crypto().map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok()).unwrap_or(false);
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A record as the store keeps it: the plain object of its JSON.
pub fn record<T: Serialize>(value: &T) -> Result<JsValue> {
    Ok(JsValue::from_serde(value)?)
}
