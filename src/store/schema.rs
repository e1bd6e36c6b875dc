//! The database schema. Every released version keeps its upgrade step forever: a browser that
//! last ran version N walks through steps N+1..=latest in order. Never edit a released step;
//! add a new one.
//!
//! This is the only raw web-sys IndexedDB code in Escalera. indexed_db_futures 0.6.4 (the
//! newest published) gives its upgrade callback the old and new version and the database but
//! not the upgrade transaction (`VersionChangeEvent` keeps the raw event private; reported as
//! Alorel/rust-indexed-db issue #66, fix proposed in PR #72, unreleased), so it cannot open an
//! existing store to add an index or copy records. `idb.rs` therefore runs
//! these steps through a raw `IDBOpenDBRequest`, closes it, and reopens with the crate, which
//! does everything else.

use super::idb::Hooks;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbIndexParameters, IdbKeyRange, IdbObjectStoreParameters, IdbRequest, IdbTransaction};

pub const DB_NAME: &str = "escalera";
/// The version this build writes. Bump it together with a new `step_vN`.
pub const LATEST: u32 = 8;

pub const SETTINGS: &str = "settings";
pub const PEOPLE: &str = "people";
pub const TRAINING_TYPES: &str = "training_types";
pub const REQUIREMENTS: &str = "requirements";
/// Since version 4: one document per person (completions, hours worked, waivers…).
pub const PERSON_RECORDS: &str = "person_records";
/// Since version 5: the organization's ladders, pay grades, wage floors (its edits of the
/// built-in floors, and its own) and promotion plans. The pay policy is a `settings` record.
pub const LADDERS: &str = "ladders";
pub const PAY_GRADES: &str = "pay_grades";
pub const WAGE_FLOORS: &str = "wage_floors";
pub const PROMOTION_PLANS: &str = "promotion_plans";
/// Since version 6: when each record kept in its own store last changed (`domain::merge::Stamp`,
/// `{id: "people/p-1", at, gone?}`), so a backup can be merged by "the newer change wins".
/// Records inside a person's document keep theirs in the document (`changed`).
pub const CHANGES: &str = "changes";
pub const CHANGES_SINCE: u32 = 6;
/// Since version 7: a trainer's records (curricula and their versions, cohorts, memberships,
/// assignments, exemptions, sessions), one store, each `{id: "<kind>/<key>", json}`
/// (`domain::curricula::plan::PlanRecord`).
pub const TRAINING_PLANS: &str = "training_plans";
pub const TRAINING_PLANS_SINCE: u32 = 7;
/// Since version 8: what sync knows of each synced record (`{id: "<store>:<key>", json}`,
/// `sync::local::Meta`) and, as `_state`, the sync settings (`store::sync_records`).
pub const SYNC: &str = "sync";

/// Stores of versions 1–3, folded into `PERSON_RECORDS` by version 4.
pub const COMPLETIONS: &str = "completions";
pub const WORK_HOURS: &str = "work_hours";
pub const WAIVERS: &str = "waivers";
pub const BY_PERSON: &str = "person_id";
pub const BY_TRAINING: &str = "training_id";

/// Runs every step from `old + 1` to `new` inside the `versionchange` transaction. Steps
/// that only change structure run at once; a step that moves records returns its work as a
/// future, which must finish before the transaction can commit (it issues its requests on
/// that transaction, so the browser keeps it open).
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32, new: u32, hooks: &Hooks) -> Result<Option<std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), JsValue>>>>>, JsValue> {
    let mut moves = None;
    for version in old + 1..=new {
        match version {
            1 => step_v1(db)?,
            2 => step_v2(db, tx)?,
            3 => step_v3(db)?,
            4 => {
                db.create_object_store_with_optional_parameters(PERSON_RECORDS, &keyed_by_id())?;
                moves = Some(Box::pin(step_v4(db.clone(), tx.clone(), hooks.clone())) as _);
            }
            5 => step_v5(db)?,
            6 => {
                db.create_object_store_with_optional_parameters(CHANGES, &keyed_by_id())?;
            }
            7 => {
                db.create_object_store_with_optional_parameters(TRAINING_PLANS, &keyed_by_id())?;
            }
            8 => {
                db.create_object_store_with_optional_parameters(SYNC, &keyed_by_id())?;
            }
            other => return Err(JsValue::from_str(&format!("no upgrade step for version {other}"))),
        }
    }
    Ok(moves)
}

fn keyed_by_id() -> IdbObjectStoreParameters {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str("id"));
    params
}

/// Version 1 (first release): settings, people and completions, each keyed by `id`.
fn step_v1(db: &IdbDatabase) -> Result<(), JsValue> {
    for name in [SETTINGS, PEOPLE, COMPLETIONS] {
        db.create_object_store_with_optional_parameters(name, &keyed_by_id())?;
    }
    Ok(())
}

/// Version 2: the user's own and customised training types get a store, and completions get
/// indices by person and by training so a person page does not read every completion.
/// Existing completions are indexed by the browser as the index is created.
fn step_v2(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    db.create_object_store_with_optional_parameters(TRAINING_TYPES, &keyed_by_id())?;
    let completions = tx.object_store(COMPLETIONS)?;
    let params = IdbIndexParameters::new();
    params.set_unique(false);
    completions.create_index_with_str_and_optional_parameters(BY_PERSON, BY_PERSON, &params)?;
    completions.create_index_with_str_and_optional_parameters(BY_TRAINING, BY_TRAINING, &params)?;
    Ok(())
}

/// Version 3: the rules engine's records. The organization's requirements (chosen presets,
/// edited or its own), hours worked per period (experience pathways) and waivers, the last
/// two indexed by person.
fn step_v3(db: &IdbDatabase) -> Result<(), JsValue> {
    db.create_object_store_with_optional_parameters(REQUIREMENTS, &keyed_by_id())?;
    let params = IdbIndexParameters::new();
    params.set_unique(false);
    for name in [WORK_HOURS, WAIVERS] {
        let store = db.create_object_store_with_optional_parameters(name, &keyed_by_id())?;
        store.create_index_with_str_and_optional_parameters(BY_PERSON, BY_PERSON, &params)?;
    }
    Ok(())
}

/// Version 5: career ladders and pay. Placements, attestations and planned trainings live in
/// each person's document (no store change for those).
fn step_v5(db: &IdbDatabase) -> Result<(), JsValue> {
    for name in [LADDERS, PAY_GRADES, WAGE_FLOORS, PROMOTION_PLANS] {
        db.create_object_store_with_optional_parameters(name, &keyed_by_id())?;
    }
    Ok(())
}

/// Records read per request while moving: large enough to be quick, small enough to report
/// progress often.
const BATCH: u32 = 10_000;

/// Resolves with a request's result once it succeeds.
async fn done(request: IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    request.result()
}

/// Version 4: every person's completions, hours worked and waivers move into one document
/// per person (`PERSON_RECORDS`, `{id: person id, json: "<document>"}`; docs/storage.md), and
/// the three old stores are dropped. Reading 5,000 documents takes a fraction of the time of
/// 150,000 records. The move works on the stored objects as they are (no Rust types), reports
/// progress, and happens inside the upgrade transaction: if anything fails, the transaction
/// aborts and the database stays at version 3 with every record.
async fn step_v4(db: IdbDatabase, tx: IdbTransaction, hooks: Hooks) -> Result<(), JsValue> {
    let lists = [(COMPLETIONS, "completions"), (WORK_HOURS, "work_hours"), (WAIVERS, "waivers")];
    let names = db.object_store_names();
    let present: Vec<(&str, &str)> = lists.into_iter().filter(|(s, _)| names.contains(s)).collect();
    let mut total = 0u32;
    for (store, _) in &present {
        total += done(tx.object_store(store)?.count()?).await?.as_f64().unwrap_or(0.0) as u32;
    }
    let mut moved = 0u32;
    (hooks.on_upgrade_progress)(moved, total);

    let by_person = js_sys::Map::new();
    for (store, field) in &present {
        let source = tx.object_store(store)?;
        let mut after: Option<JsValue> = None;
        loop {
            let range = match &after {
                Some(key) => IdbKeyRange::lower_bound_with_open(key, true)?.into(),
                None => JsValue::UNDEFINED,
            };
            let batch: Array = done(source.get_all_with_key_and_limit(&range, BATCH)?).await?.unchecked_into();
            for record in batch.iter() {
                let person = Reflect::get(&record, &"person_id".into())?;
                // The document's id says whose it is; its records do not repeat it.
                Reflect::delete_property(record.unchecked_ref::<Object>(), &"person_id".into())?;
                let doc = match by_person.get(&person) {
                    doc if doc.is_object() => doc,
                    _ => {
                        let doc: JsValue = Object::new().into();
                        by_person.set(&person, &doc);
                        doc
                    }
                };
                let list = match Reflect::get(&doc, &(*field).into())? {
                    list if Array::is_array(&list) => list,
                    _ => {
                        let list: JsValue = Array::new().into();
                        Reflect::set(&doc, &(*field).into(), &list)?;
                        list
                    }
                };
                list.unchecked_ref::<Array>().push(&record);
            }
            moved += batch.length();
            (hooks.on_upgrade_progress)(moved, total);
            if batch.length() < BATCH {
                break;
            }
            after = Some(Reflect::get(&batch.get(batch.length() - 1), &"id".into())?);
        }
    }

    let target = tx.object_store(PERSON_RECORDS)?;
    let mut last = None;
    for entry in by_person.entries().into_iter() {
        let pair: Array = entry?.unchecked_into();
        let record = Object::new();
        Reflect::set(&record, &"id".into(), &pair.get(0))?;
        Reflect::set(&record, &"json".into(), &JSON::stringify(&pair.get(1))?.into())?;
        last = Some(target.put(&record)?);
    }
    if let Some(request) = last {
        done(request).await?;
    }
    for (store, _) in &present {
        db.delete_object_store(store)?;
    }
    (hooks.on_upgrade_progress)(total, total);
    Ok(())
}
