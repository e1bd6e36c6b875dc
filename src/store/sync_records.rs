//! What sync keeps on the device (schema version 8, store `sync`): beside each synced record
//! its `Meta` (`{id: "<store>:<key>", json}`: revision tree, the revision the record is,
//! conflicts), and the sync settings and pull checkpoint in `_state` (docs/sync.md). Also the
//! records themselves as sync sees them: a text per record, whatever wrote it.

use super::idb::{Db, Result, StoreError};
use super::schema::{LADDERS, PAY_GRADES, PEOPLE, PERSON_RECORDS, PROMOTION_PLANS, REQUIREMENTS, SETTINGS, SYNC, TRAINING_PLANS, TRAINING_TYPES, WAGE_FLOORS};
use crate::sync::local::{doc_id, split_id, text_hash, Meta, Outcome};
use crate::sync::state::SyncState;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect, JSON};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// The stores whose records are synced, each record one document. The settings store only
/// for its pay policy: the rest of it (language, mode, reminders) belongs to the device.
pub const SYNCED: [&str; 10] = [PEOPLE, PERSON_RECORDS, TRAINING_TYPES, REQUIREMENTS, LADDERS, PAY_GRADES, WAGE_FLOORS, PROMOTION_PLANS, TRAINING_PLANS, SETTINGS];
const SYNCED_SETTING: &str = "pay_policy";
/// Stores that keep a record as `{id, json: "<text>"}`: the text is the document.
const AS_TEXT: [&str; 2] = [PERSON_RECORDS, TRAINING_PLANS];
const STATE_KEY: &str = "_state";

fn synced(store: &str, key: &str) -> bool {
    SYNCED.contains(&store) && (store != SETTINGS || key == SYNCED_SETTING)
}

/// A stored record's text as sync sees it: the JSON of its fields without `id` (for a
/// record kept as text, that text).
fn local_text(store: &str, value: &JsValue) -> Option<String> {
    if AS_TEXT.contains(&store) {
        return Reflect::get(value, &"json".into()).ok()?.as_string();
    }
    let copy = Object::assign(&Object::new(), value.unchecked_ref());
    Reflect::delete_property(&copy, &"id".into()).ok()?;
    JSON::stringify(&copy).ok()?.as_string()
}

/// Whether this version of the app can read a document's text as a record of `store`. A
/// document it cannot read (written by a newer version, or broken) is not applied: one bad
/// record would otherwise stop a whole list from loading. It stays on the server.
fn readable(store: &str, key: &str, text: &str) -> bool {
    use crate::domain::curricula::plan::PlanRecord;
    use crate::domain::ladders::board::PromotionPlan;
    use crate::domain::ladders::ladder::Ladder;
    use crate::domain::ladders::pay::{PayGrade, PayPolicy, WageFloor};
    use crate::domain::person::Person;
    use crate::domain::person_records::PersonRecords;
    use crate::domain::requirement::Requirement;
    use crate::domain::training::TrainingType;
    fn reads<T: serde::de::DeserializeOwned>(key: &str, text: &str) -> bool {
        // Records other than documents carry their id inside. Read from text, as the store
        // reads them (a second deserializer would double every record type's code).
        let Some(rest) = text.trim_start().strip_prefix('{') else { return false };
        let id = serde_json::to_string(key).unwrap_or_default();
        let sep = if rest.trim_start().starts_with('}') { "" } else { "," };
        serde_json::from_str::<T>(&format!("{{\"id\":{id}{sep}{rest}")).is_ok()
    }
    match store {
        PEOPLE => reads::<Person>(key, text),
        PERSON_RECORDS => PersonRecords::from_json(key, text).is_ok(),
        TRAINING_PLANS => serde_json::from_str::<PlanRecord>(text).is_ok(),
        TRAINING_TYPES => reads::<TrainingType>(key, text),
        REQUIREMENTS => reads::<Requirement>(key, text),
        LADDERS => reads::<Ladder>(key, text),
        PAY_GRADES => reads::<PayGrade>(key, text),
        WAGE_FLOORS => reads::<WageFloor>(key, text),
        PROMOTION_PLANS => reads::<PromotionPlan>(key, text),
        SETTINGS => reads::<PayPolicy>(key, text),
        _ => false,
    }
}

/// The stored record for a document's text.
fn stored(store: &str, key: &str, text: &str) -> Result<JsValue> {
    if AS_TEXT.contains(&store) {
        let o = Object::new();
        Reflect::set(&o, &"id".into(), &key.into())?;
        Reflect::set(&o, &"json".into(), &text.into())?;
        return Ok(o.into());
    }
    let value = JSON::parse(text).map_err(|_| StoreError(format!("a synced record is not JSON: {key}")))?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(StoreError(format!("a synced record is not an object: {key}")));
    }
    Reflect::set(&value, &"id".into(), &key.into())?;
    Ok(value)
}

fn meta_record(id: &str, meta: &Meta) -> Result<JsValue> {
    let o = Object::new();
    Reflect::set(&o, &"id".into(), &id.into())?;
    Reflect::set(&o, &"json".into(), &serde_json::to_string(meta)?.into())?;
    Ok(o.into())
}

fn json_of(value: &JsValue) -> Option<String> {
    Reflect::get(value, &"json".into()).ok()?.as_string()
}

/// What a pull decided for one document: the record's new text or removal, and the `Meta`
/// to keep, applied only if the record is still as it was when the pass read it (`hash`).
pub struct Received {
    pub id: String,
    pub outcome: Outcome,
    pub meta: Meta,
    pub hash: String,
}

impl Db {
    /// Every synced record, by document id, as text.
    pub async fn sync_scan(&self) -> Result<HashMap<String, String>> {
        let tx = self.db.transaction(&SYNCED[..]).build()?;
        let mut out = HashMap::new();
        for store in SYNCED {
            let values: Vec<JsValue> = tx.object_store(store)?.get_all().primitive()?.await?.collect::<std::result::Result<_, _>>()?;
            for v in values {
                let Some(key) = Reflect::get(&v, &"id".into()).ok().and_then(|k| k.as_string()) else { continue };
                if synced(store, &key) {
                    if let Some(text) = local_text(store, &v) {
                        out.insert(doc_id(store, &key), text);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Every document's `Meta`.
    pub async fn sync_metas(&self) -> Result<HashMap<String, Meta>> {
        let mut out = HashMap::new();
        for v in self.all_raw(SYNC).await?.iter() {
            let Some(id) = Reflect::get(&v, &"id".into()).ok().and_then(|k| k.as_string()) else { continue };
            if id.starts_with('_') {
                continue;
            }
            let meta: Meta = serde_json::from_str(&json_of(&v).unwrap_or_default())?;
            out.insert(id, meta);
        }
        Ok(out)
    }

    pub async fn sync_save_metas(&self, metas: &[(&str, &Meta)]) -> Result<()> {
        let writes: Vec<(&str, JsValue)> = metas.iter().map(|(id, m)| Ok((SYNC, meta_record(id, m)?))).collect::<Result<_>>()?;
        self.write_all(&writes).await
    }

    pub async fn sync_state(&self) -> Result<SyncState> {
        match self.get_raw(SYNC, STATE_KEY).await? {
            Some(v) => Ok(serde_json::from_str(&json_of(&v).unwrap_or_default())?),
            None => Ok(SyncState::default()),
        }
    }

    pub async fn save_sync_state(&self, state: &SyncState) -> Result<()> {
        let o = Object::new();
        Reflect::set(&o, &"id".into(), &STATE_KEY.into())?;
        Reflect::set(&o, &"json".into(), &serde_json::to_string(state)?.into())?;
        self.write_all(&[(SYNC, o.into())]).await
    }

    /// Writes what a pull brought, in one transaction: each record changed or removed, with
    /// its `Meta`. A record changed here since the pass read it is left alone (the next pass
    /// sends that edit, and the two are a conflict, never a silent overwrite). Returns how
    /// many records changed and the `Meta`s kept; the cache is forgotten when any changed.
    pub async fn sync_apply(&self, received: Vec<Received>) -> Result<(usize, Vec<(String, Meta)>)> {
        let mut stores: Vec<&str> = vec![SYNC];
        for r in &received {
            if let Some((s, _)) = split_id(&r.id) {
                if let Some(known) = SYNCED.iter().find(|k| **k == s) {
                    stores.push(known);
                }
            }
        }
        stores.sort_unstable();
        stores.dedup();
        let tx = self.db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
        let mut changed = 0;
        let mut kept = Vec::new();
        // Each record as it is now, every read issued before the first is awaited.
        let mut pending = Vec::with_capacity(received.len());
        for r in received {
            let Some((store, key)) = split_id(&r.id).filter(|(s, k)| synced(s, k)) else { continue };
            let (store, key) = (store.to_owned(), key.to_owned());
            let read = tx.object_store(&store)?.get(key.as_str()).primitive()?;
            pending.push((r, store, key, read));
        }
        for (mut r, store, key, read) in pending {
            let (store, key) = (store.as_str(), key.as_str());
            let target = tx.object_store(store)?;
            let now: Option<JsValue> = read.await?;
            let now_hash = now.filter(|v| !v.is_undefined()).and_then(|v| local_text(store, &v)).map(|t| text_hash(&t)).unwrap_or_default();
            if now_hash != r.hash {
                continue;
            }
            if matches!(&r.outcome, Outcome::Write(text) if !readable(store, key, text)) {
                continue;
            }
            match &r.outcome {
                Outcome::Keep => {}
                Outcome::Write(text) => {
                    let value = stored(store, key, text)?;
                    // The hash of the text as it will read back, so receiving is never an edit.
                    r.meta.hash = local_text(store, &value).map(|t| text_hash(&t)).unwrap_or_default();
                    target.put(value).primitive()?;
                    changed += 1;
                }
                Outcome::Remove => {
                    target.delete(key).primitive()?;
                    changed += 1;
                }
            }
            tx.object_store(SYNC)?.put(meta_record(&r.id, &r.meta)?).primitive()?;
            kept.push((r.id, r.meta));
        }
        tx.commit().await?;
        if changed > 0 {
            self.cache.borrow_mut().clear();
        }
        Ok((changed, kept))
    }

    /// A person's choice among conflicting versions: `text` becomes the record here and the
    /// document's only live version (pushed by the next pass).
    pub async fn sync_resolve(&self, id: &str, text: &str) -> Result<()> {
        let Some((store, key)) = split_id(id).filter(|(s, k)| synced(s, k)) else { return Err(StoreError(format!("not a synced document: {id}"))) };
        let mut meta: Meta = match self.get_raw(SYNC, id).await? {
            Some(v) => serde_json::from_str(&json_of(&v).unwrap_or_default())?,
            None => return Err(StoreError(format!("no sync record for {id}"))),
        };
        if !readable(store, key, text) {
            return Err(StoreError(format!("this version cannot read the kept version of {id}")));
        }
        let value = stored(store, key, text)?;
        let as_read = local_text(store, &value).unwrap_or_default();
        meta.resolve(&as_read);
        self.write_all(&[(store, value), (SYNC, meta_record(id, &meta)?)]).await?;
        self.cache.borrow_mut().clear();
        Ok(())
    }

    /// Forgets everything sync kept (turning sync off, or another database): the records
    /// stay; a later sync starts afresh and meets the server's copies as conflicts only where
    /// they differ.
    pub async fn sync_forget(&self) -> Result<()> {
        self.replace_all(&[SYNC], &[]).await
    }
}

impl Db {
    /// For these documents, in one read: what the device knows of each, and each record's
    /// text here.
    pub async fn sync_read(&self, ids: &[String]) -> Result<(HashMap<String, Meta>, HashMap<String, String>)> {
        let mut stores: Vec<&str> = vec![SYNC];
        stores.extend(ids.iter().filter_map(|id| split_id(id).and_then(|(s, _)| SYNCED.iter().find(|k| **k == s).copied())));
        stores.sort_unstable();
        stores.dedup();
        let tx = self.db.transaction(stores.as_slice()).build()?;
        // Every request is issued before the first is awaited: one round of reads, not 2 × ids.
        let mut pending = Vec::with_capacity(ids.len() * 2);
        for id in ids {
            let record = match split_id(id).filter(|(s, k)| synced(s, k)) {
                Some((store, key)) => Some((store, tx.object_store(store)?.get(key).primitive()?)),
                None => None,
            };
            pending.push((id, tx.object_store(SYNC)?.get(id.as_str()).primitive()?, record));
        }
        let (mut metas, mut texts) = (HashMap::new(), HashMap::new());
        for (id, meta, record) in pending {
            let found: Option<JsValue> = meta.await?;
            if let Some(json) = found.filter(|v| !v.is_undefined()).and_then(|v| json_of(&v)) {
                metas.insert(id.clone(), serde_json::from_str::<Meta>(&json)?);
            }
            if let Some((store, request)) = record {
                let found: Option<JsValue> = request.await?;
                if let Some(text) = found.filter(|v| !v.is_undefined()).and_then(|v| local_text(store, &v)) {
                    texts.insert(id.clone(), text);
                }
            }
        }
        Ok((metas, texts))
    }

    /// One synced record's text here (`None`: not here).
    pub async fn sync_local_text(&self, id: &str) -> Result<Option<String>> {
        let Some((store, key)) = split_id(id).filter(|(s, k)| synced(s, k)) else { return Ok(None) };
        Ok(self.get_raw(store, key).await?.and_then(|v| local_text(store, &v)))
    }
}
