//! A small async layer over IndexedDB: open with upgrade, `blocked` and `versionchange`
//! handling, and requests/transactions as futures.
//!
//! Values cross the boundary as JSON (serde_json, then `JSON.parse`), which keeps one serde
//! backend in the bundle and stores plain objects that browser dev tools show readably.

use super::schema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

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
}

impl Default for Hooks {
    fn default() -> Hooks {
        Hooks { on_blocked: Rc::new(|| ()), on_version_change: Rc::new(|| ()) }
    }
}

/// An open connection. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    db: IdbDatabase,
}

/// Resolves when `request` succeeds (with its result) or fails.
async fn request_done(request: &IdbRequest) -> Result<JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let req = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = req.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    Ok(JsFuture::from(promise).await?)
}

/// Resolves when `tx` has committed, fails when it aborts: a write is durable only then.
async fn transaction_done(tx: &IdbTransaction) -> Result<()> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let on_abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = t.error().map(JsValue::from).unwrap_or_else(|| JsValue::from_str("transaction aborted"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
        tx.set_onerror(None);
    });
    JsFuture::from(promise).await?;
    Ok(())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue> {
    Ok(js_sys::JSON::parse(&serde_json::to_string(value)?)?)
}

fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T> {
    let text: String = js_sys::JSON::stringify(value)?.into();
    Ok(serde_json::from_str(&text)?)
}

impl Db {
    /// Opens `name` at the latest schema version, upgrading it step by step if needed.
    pub async fn open(name: &str, hooks: Hooks) -> Result<Db> {
        Db::open_version(name, schema::LATEST, hooks).await
    }

    /// Opens at a given version. Tests use it to create databases as older releases did.
    pub async fn open_version(name: &str, version: u32, hooks: Hooks) -> Result<Db> {
        let window = web_sys::window().ok_or_else(|| StoreError("no window".into()))?;
        let factory = window
            .indexed_db()?
            .ok_or_else(|| StoreError("IndexedDB is not available in this browser".into()))?;
        let request: IdbOpenDbRequest = factory.open_with_u32(name, version)?;

        let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
            let request = request.clone();
            move |event: web_sys::IdbVersionChangeEvent| {
                let old = event.old_version() as u32;
                let new = event.new_version().map(|v| v as u32).unwrap_or(old);
                let db: IdbDatabase = request.result().expect("open result").unchecked_into();
                let tx = request.transaction().expect("upgrade transaction");
                if let Err(e) = schema::upgrade(&db, &tx, old, new) {
                    web_sys::console::error_1(&e);
                    tx.abort().ok();
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let on_blocked_hook = hooks.on_blocked.clone();
        let on_blocked = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_blocked_hook());
        request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));

        let result = request_done(&request).await;
        request.set_onupgradeneeded(None);
        request.set_onblocked(None);
        drop((on_upgrade, on_blocked));
        let db: IdbDatabase = result?.unchecked_into();

        // Another tab asks to upgrade: close at once so its upgrade never hangs, then tell the user.
        let on_change_hook = hooks.on_version_change.clone();
        let db_for_close = db.clone();
        let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            db_for_close.close();
            on_change_hook();
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget(); // lives as long as the connection
        Ok(Db { db })
    }

    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    pub fn store_names(&self) -> Vec<String> {
        let list = self.db.object_store_names();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }

    pub fn close(&self) {
        self.db.close();
    }

    fn tx(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction> {
        let names = js_sys::Array::new();
        for s in stores {
            names.push(&JsValue::from_str(s));
        }
        Ok(self.db.transaction_with_str_sequence_and_mode(&names, mode)?)
    }

    pub async fn get<T: DeserializeOwned>(&self, store: &str, key: &str) -> Result<Option<T>> {
        let tx = self.tx(&[store], IdbTransactionMode::Readonly)?;
        let value = request_done(&tx.object_store(store)?.get(&JsValue::from_str(key))?).await?;
        if value.is_undefined() { Ok(None) } else { from_js(&value).map(Some) }
    }

    pub async fn all<T: DeserializeOwned>(&self, store: &str) -> Result<Vec<T>> {
        let tx = self.tx(&[store], IdbTransactionMode::Readonly)?;
        let values = request_done(&tx.object_store(store)?.get_all()?).await?;
        js_sys::Array::from(&values).iter().map(|v| from_js(&v)).collect()
    }

    /// Every record of `store` whose `index` equals `key`.
    pub async fn all_by_index<T: DeserializeOwned>(&self, store: &str, index: &str, key: &str) -> Result<Vec<T>> {
        let tx = self.tx(&[store], IdbTransactionMode::Readonly)?;
        let range = IdbKeyRange::only(&JsValue::from_str(key))?;
        let values = request_done(&tx.object_store(store)?.index(index)?.get_all_with_key(&range)?).await?;
        js_sys::Array::from(&values).iter().map(|v| from_js(&v)).collect()
    }

    /// Writes every `(store, record)` in one transaction: all of them or none.
    pub async fn put_all(&self, writes: &[(&str, JsValue)]) -> Result<()> {
        let mut stores: Vec<&str> = writes.iter().map(|(s, _)| *s).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.tx(&stores, IdbTransactionMode::Readwrite)?;
        for (store, value) in writes {
            if let Err(e) = tx.object_store(store).and_then(|s| s.put(value)) {
                tx.abort().ok();
                return Err(e.into());
            }
        }
        transaction_done(&tx).await
    }

    pub async fn put<T: Serialize>(&self, store: &str, value: &T) -> Result<()> {
        self.put_all(&[(store, to_js(value)?)]).await
    }

    pub async fn delete(&self, store: &str, key: &str) -> Result<()> {
        let tx = self.tx(&[store], IdbTransactionMode::Readwrite)?;
        tx.object_store(store)?.delete(&JsValue::from_str(key))?;
        transaction_done(&tx).await
    }
}

/// Serializes a record for `put_all`.
pub fn record<T: Serialize>(value: &T) -> Result<JsValue> {
    to_js(value)
}
