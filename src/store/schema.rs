//! The database schema. Every released version keeps its upgrade step forever: a browser that
//! last ran version N walks through steps N+1..=latest in order. Never edit a released step;
//! add a new one.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbIndexParameters, IdbObjectStoreParameters, IdbTransaction};

pub const DB_NAME: &str = "escalera";
/// The version this build writes. Bump it together with a new `step_vN`.
pub const LATEST: u32 = 3;

pub const SETTINGS: &str = "settings";
pub const PEOPLE: &str = "people";
pub const COMPLETIONS: &str = "completions";
pub const TRAINING_TYPES: &str = "training_types";
pub const REQUIREMENTS: &str = "requirements";
pub const WORK_HOURS: &str = "work_hours";
pub const WAIVERS: &str = "waivers";

pub const BY_PERSON: &str = "person_id";
pub const BY_TRAINING: &str = "training_id";

/// Runs every step from `old + 1` to `new` inside the `versionchange` transaction.
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32, new: u32) -> Result<(), JsValue> {
    for version in old + 1..=new {
        match version {
            1 => step_v1(db)?,
            2 => step_v2(db, tx)?,
            3 => step_v3(db)?,
            other => return Err(JsValue::from_str(&format!("no upgrade step for version {other}"))),
        }
    }
    Ok(())
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
