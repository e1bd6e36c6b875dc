//! Typed reads and writes. The interface calls these; it never names a store or an index.
//!
//! Reads come from the cache when this tab has read them before; writes go to IndexedDB in
//! one transaction and, once it commits, into the cache.

use super::idb::{now_iso, record, Db, Result, StoreError};
use super::schema::{CHANGES, CHANGES_SINCE, LADDERS, PAY_GRADES, PEOPLE, PERSON_RECORDS, PROMOTION_PLANS, REQUIREMENTS, SETTINGS, TRAINING_PLANS, TRAINING_PLANS_SINCE, TRAINING_TYPES, WAGE_FLOORS};
use crate::domain::curricula::plan::PlanRecord;
use crate::domain::backup::BackupData;
use crate::domain::merge::Stamp;
use crate::domain::my_record::ImportPlan;
use crate::domain::completion::Completion;
use crate::domain::date::Date;
use crate::domain::compliance::Records;
use crate::domain::ladders::board::PromotionPlan;
use crate::domain::ladders::ladder::Ladder;
use crate::domain::ladders::pay::{PayGrade, PayPolicy, WageFloor};
use crate::domain::ladders::person::{Attestation, Placement, PlannedTraining};
use crate::domain::person::Person;
use crate::domain::person_records::{upsert, PersonRecords};
use crate::domain::requirement::{Requirement, Waiver, WorkHours};
use crate::domain::settings::Settings;
use crate::domain::training::TrainingType;
use gloo_utils::format::JsValueSerdeExt;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::Reflect;
use serde::Serialize;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The settings live in one record keyed `app`.
const SETTINGS_KEY: &str = "app";
/// The pay policy is a second record of the settings store.
const PAY_POLICY_KEY: &str = "pay_policy";

/// A change to one person's document, for writes that touch several people at once.
pub type FileChange = (String, Box<dyn FnOnce(&mut PersonRecords)>);

/// People's documents per read request when reading everyone's.
const CHUNK: usize = 250;

#[derive(Serialize)]
struct Keyed<'a, T: Serialize> {
    id: &'a str,
    #[serde(flatten)]
    value: &'a T,
}

/// A person's document as stored: `{id, json}` (docs/storage.md). A string reads back several
/// times faster than the same data as nested objects, and parses in one pass.
fn document(file: &PersonRecords) -> Result<JsValue> {
    let stored = js_sys::Object::new();
    Reflect::set(&stored, &"id".into(), &file.person_id.as_str().into())?;
    Reflect::set(&stored, &"json".into(), &file.to_json().into())?;
    Ok(stored.into())
}

/// The device's local calendar date: the day a removal is recorded on.
fn local_today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}


/// The stores whose records carry a change stamp in `CHANGES` (a stamp's id is
/// `store/record id`; the settings store's only stamped record is the pay policy).
const STAMPED: [&str; 8] = [PEOPLE, TRAINING_TYPES, REQUIREMENTS, LADDERS, PAY_GRADES, WAGE_FLOORS, PROMOTION_PLANS, TRAINING_PLANS];

/// The change stamps of `writes`, stamped `at`.
fn stamps_of(writes: &[(&str, JsValue)], at: &str) -> Result<Vec<(&'static str, JsValue)>> {
    let mut out = Vec::new();
    for (store, value) in writes {
        let id = Reflect::get(value, &"id".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let stamped = STAMPED.contains(store) || (*store == SETTINGS && id == PAY_POLICY_KEY);
        if stamped {
            out.push((CHANGES, record(&Stamp { id: format!("{store}/{id}"), at: at.to_owned(), gone: false })?));
        }
    }
    Ok(out)
}

/// A trainer's record as stored: `{id: "<kind>/<key>", json}` (docs/storage.md).
fn plan_document(r: &PlanRecord) -> Result<JsValue> {
    let stored = js_sys::Object::new();
    Reflect::set(&stored, &"id".into(), &r.key().into())?;
    Reflect::set(&stored, &"json".into(), &serde_json::to_string(r).map_err(|e| StoreError(e.to_string()))?.into())?;
    Ok(stored.into())
}

fn from_plan_document(value: &JsValue) -> Result<PlanRecord> {
    let json = Reflect::get(value, &"json".into()).ok().and_then(|v| v.as_string()).ok_or_else(|| StoreError("a trainer's record is not in the stored form".into()))?;
    serde_json::from_str(&json).map_err(|e| StoreError(format!("a trainer's record could not be read: {e}")))
}

fn from_document(value: &JsValue) -> Result<PersonRecords> {
    let text = |field: &str| Reflect::get(value, &field.into()).ok().and_then(|v| v.as_string());
    let (Some(id), Some(json)) = (text("id"), text("json")) else {
        return Err(StoreError("a person's records are not in the stored form".into()));
    };
    Ok(PersonRecords::from_json(&id, &json)?)
}

impl Db {
    /// Reads through the cache: `cached` looks, `read` fetches, `keep` stores what was read
    /// unless a write happened meanwhile (it may have missed it).
    async fn cached<T: Clone>(
        &self,
        cached: impl Fn(&super::cache::Cache) -> Option<T>,
        read: impl std::future::Future<Output = Result<T>>,
        keep: impl FnOnce(&mut super::cache::Cache, T),
    ) -> Result<T> {
        if let Some(hit) = cached(&self.cache.borrow()) {
            return Ok(hit);
        }
        let generation = self.cache.borrow().generation;
        let value = read.await?;
        let mut cache = self.cache.borrow_mut();
        if cache.generation == generation {
            keep(&mut cache, value.clone());
        }
        Ok(value)
    }

    /// Whether this database has the change stamps' store (a test's database can be opened at
    /// an older release's version, to write what that release wrote).
    fn stamps(&self) -> bool {
        self.version() >= CHANGES_SINCE
    }

    /// `write_all`, with a change stamp for every record kept in its own store, in the same
    /// transaction: what a merge of a backup compares (`domain::merge`).
    async fn write_stamped(&self, writes: &[(&str, JsValue)]) -> Result<()> {
        let mut all: Vec<(&str, JsValue)> = writes.to_vec();
        if self.stamps() {
            all.extend(stamps_of(writes, &now_iso())?);
        }
        self.write_all(&all).await
    }

    /// Deletes a record (a customised built-in reset) and stamps the deletion, in one
    /// transaction, so a merge does not bring the older customisation back.
    async fn delete_stamped(&self, store: &str, id: &str) -> Result<()> {
        if !self.stamps() {
            return self.delete(store, id).await;
        }
        let tx = self.db.transaction(&[store, CHANGES][..]).with_mode(TransactionMode::Readwrite).build()?;
        tx.object_store(store)?.delete(id).primitive()?;
        let stamp = Stamp { id: format!("{store}/{id}"), at: now_iso(), gone: true };
        tx.object_store(CHANGES)?.put(record(&stamp)?).primitive()?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn settings(&self) -> Result<Settings> {
        self.cached(
            |c| c.settings.clone(),
            async { Ok(self.get(SETTINGS, SETTINGS_KEY).await?.unwrap_or_default()) },
            |c, s| c.settings = Some(s),
        )
        .await
    }

    pub async fn save_settings(&self, settings: &Settings) -> Result<()> {
        self.write_stamped(&[(SETTINGS, record(&Keyed { id: SETTINGS_KEY, value: settings })?)]).await?;
        let mut cache = self.cache.borrow_mut();
        cache.generation += 1;
        cache.settings = Some(settings.clone());
        Ok(())
    }

    pub async fn people(&self) -> Result<Rc<Vec<Person>>> {
        self.cached(|c| c.people.clone(), async { Ok(Rc::new(self.all(PEOPLE).await?)) }, |c, p| c.people = Some(p)).await
    }

    pub async fn person(&self, id: &str) -> Result<Option<Person>> {
        if let Some(people) = self.cache.borrow().people.clone() {
            return Ok(people.iter().find(|p| p.id == id).cloned());
        }
        self.get(PEOPLE, id).await
    }

    pub async fn save_person(&self, person: &Person) -> Result<()> {
        self.write_stamped(&[(PEOPLE, record(person)?)]).await?;
        self.cache.borrow_mut().put_person(person);
        Ok(())
    }

    /// Writes `writes` (a record kept in its own store and what goes with it) only while the
    /// stored record `key` of `store` is still `opened`, what the form showed. `shipped` is the
    /// built-in a record never customised stands for (a catalog training, a preset): stored
    /// nothing, it is what the form opened. See `save_person_over`.
    async fn save_over<T: serde::de::DeserializeOwned + PartialEq>(&self, mut writes: Vec<(&str, JsValue)>, store: &str, key: &str, opened: Option<&T>, shipped: Option<T>) -> Result<()> {
        if self.stamps() {
            let stamps = stamps_of(&writes, &now_iso())?;
            writes.extend(stamps);
        }
        let unchanged = |now: Option<&JsValue>| {
            let now: Option<T> = now.and_then(|v| v.into_serde().ok());
            now.as_ref().or(shipped.as_ref()) == opened
        };
        self.write_all_if(&writes, store, key, &unchanged, None).await
    }

    /// `save_grade`, refused when the grade changed elsewhere since `opened`.
    pub async fn save_grade_over(&self, grade: &PayGrade, opened: Option<&PayGrade>) -> Result<()> {
        self.save_over(vec![(PAY_GRADES, record(grade)?)], PAY_GRADES, &grade.id, opened, None).await?;
        self.forget_list(|c| c.grades = None);
        Ok(())
    }

    /// One trainer's record (a cohort, a session) saved from its form, refused when it changed
    /// elsewhere since `opened` (stored as text: compared as the record it reads back as).
    pub async fn save_plan_record_over(&self, r: &PlanRecord, opened: Option<&PlanRecord>) -> Result<()> {
        let mut writes = vec![(TRAINING_PLANS, plan_document(r)?)];
        if self.stamps() {
            let stamps = stamps_of(&writes, &now_iso())?;
            writes.extend(stamps);
        }
        let unchanged = |now: Option<&JsValue>| now.and_then(|v| from_plan_document(v).ok()).as_ref() == opened;
        let shown = |v: &JsValue| from_plan_document(v).ok().map(|r| r.record_json());
        self.write_all_if(&writes, TRAINING_PLANS, &r.key(), &unchanged, Some(&shown)).await?;
        self.forget_list(|c| c.training = None);
        Ok(())
    }

    /// `save_training_type`, refused when the training changed elsewhere since `opened`.
    pub async fn save_training_type_over(&self, training: &TrainingType, opened: Option<&TrainingType>) -> Result<()> {
        let shipped = crate::domain::catalog::builtin_trainings().into_iter().find(|t| t.id == training.id);
        self.save_over(vec![(TRAINING_TYPES, record(training)?)], TRAINING_TYPES, &training.id, opened, shipped).await?;
        self.forget_list(|c| c.training_types = None);
        Ok(())
    }

    /// `save_requirement`, refused when the requirement changed elsewhere since `opened`.
    pub async fn save_requirement_over(&self, requirement: &Requirement, opened: Option<&Requirement>) -> Result<()> {
        let shipped = crate::domain::presets::presets().into_iter().find(|r| r.id == requirement.id);
        self.save_over(vec![(REQUIREMENTS, record(requirement)?)], REQUIREMENTS, &requirement.id, opened, shipped).await?;
        self.forget_list(|c| c.requirements = None);
        Ok(())
    }

    /// `save_ladder` of an edited ladder, refused when it changed elsewhere since `opened`.
    pub async fn save_ladder_over(&self, ladder: &Ladder, opened: Option<&Ladder>) -> Result<()> {
        self.save_over(vec![(LADDERS, record(ladder)?)], LADDERS, &ladder.id, opened, None).await?;
        self.forget_list(|c| c.ladders = None);
        Ok(())
    }

    /// Saves the person a form edited, only while the stored person is still `opened` (what
    /// the form showed; `None` for a new person): a save never overwrites a change it did not
    /// see (another tab's, a sync's). `settings` are saved with it when given (the first run
    /// in personal mode). Refused with `StoreError::changed_elsewhere`.
    pub async fn save_person_over(&self, person: &Person, opened: Option<&Person>, settings: Option<&Settings>) -> Result<()> {
        let mut writes = vec![(PEOPLE, record(person)?)];
        if let Some(s) = settings {
            writes.push((SETTINGS, record(&Keyed { id: SETTINGS_KEY, value: s })?));
        }
        self.save_over(writes, PEOPLE, &person.id, opened, None).await?;
        let mut cache = self.cache.borrow_mut();
        cache.put_person(person);
        if let Some(s) = settings {
            cache.settings = Some(s.clone());
        }
        Ok(())
    }

    /// Adds or updates many people in one transaction: all of them or none (a roster import).
    pub async fn save_people(&self, people: &[Person]) -> Result<()> {
        let writes = people.iter().map(|p| Ok((PEOPLE, record(p)?))).collect::<Result<Vec<_>>>()?;
        self.write_stamped(&writes).await?;
        let mut cache = self.cache.borrow_mut();
        for p in people {
            cache.put_person(p);
        }
        Ok(())
    }

    /// Adds many completions, to as many people's documents, in one transaction: all of them
    /// or none (an import of trainings completed).
    pub async fn save_completions(&self, completions: &[Completion]) -> Result<()> {
        let mut by_person: Vec<FileChange> = Vec::new();
        let mut owners: Vec<String> = completions.iter().map(|c| c.person_id.clone()).collect();
        owners.sort();
        owners.dedup();
        for owner in owners {
            let mine: Vec<Completion> = completions.iter().filter(|c| c.person_id == owner).cloned().collect();
            by_person.push((owner, Box::new(move |f: &mut PersonRecords| mine.into_iter().for_each(|c| upsert(&mut f.completions, c)))));
        }
        self.update_many(by_person, &[]).await
    }

    /// Saves a person and makes them "me" in one transaction (first run in personal mode).
    pub async fn save_person_and_settings(&self, person: &Person, settings: &Settings) -> Result<()> {
        self.write_stamped(&[(PEOPLE, record(person)?), (SETTINGS, record(&Keyed { id: SETTINGS_KEY, value: settings })?)]).await?;
        let mut cache = self.cache.borrow_mut();
        cache.put_person(person);
        cache.settings = Some(settings.clone());
        Ok(())
    }

    /// One person's completions, hours worked and waivers (empty when nothing is recorded).
    pub async fn person_records(&self, person_id: &str) -> Result<Rc<PersonRecords>> {
        self.cached(
            |c| c.files.get(person_id).cloned().or_else(|| c.all_files.then(|| Rc::new(PersonRecords::new(person_id)))),
            async {
                let found = self.get_raw(PERSON_RECORDS, person_id).await?;
                Ok(Rc::new(match found {
                    Some(doc) => from_document(&doc)?,
                    None => PersonRecords::new(person_id),
                }))
            },
            |c, file| {
                Rc::make_mut(&mut c.files).insert(person_id.to_owned(), file);
            },
        )
        .await
    }

    /// Everyone and all their records, for the organization's views: read once, then kept.
    ///
    /// People and every document are read in one transaction whose requests all go out at
    /// once, the documents in chunks: Rust parses one chunk while IndexedDB reads the next,
    /// so the parse hides behind the read (docs/storage.md has the figures).
    pub async fn everyone(&self) -> Result<Records> {
        let (people, files) = {
            let c = self.cache.borrow();
            (c.people.clone(), c.all_files.then(|| c.files.clone()))
        };
        if let (Some(people), Some(files)) = (&people, &files) {
            return Ok(Records::from_files(people.clone(), files.clone()));
        }
        let generation = self.cache.borrow().generation;
        let tx = self.db.transaction(&[PEOPLE, PERSON_RECORDS][..]).build()?;
        let people_request = match people {
            Some(_) => None,
            None => Some(tx.object_store(PEOPLE)?.get_all::<JsValue>().primitive()?),
        };
        let docs = tx.object_store(PERSON_RECORDS)?;
        let mut chunks = Vec::new();
        if files.is_none() {
            let keys: Vec<String> = docs.get_all_keys::<String>().primitive()?.await?.collect::<std::result::Result<_, _>>()?;
            for chunk in keys.chunks(CHUNK) {
                let range = chunk[0].clone()..=chunk[chunk.len() - 1].clone();
                chunks.push(docs.get_all::<JsValue>().with_query(range).primitive()?);
            }
        }
        let people = match (people, people_request) {
            (Some(people), _) => people,
            (None, Some(request)) => {
                let all: js_sys::Array = request.await?.collect::<std::result::Result<_, _>>()?;
                Rc::new(JsValue::from(all).into_serde::<Vec<Person>>()?)
            }
            (None, None) => unreachable!("people are either cached or requested"),
        };
        let files = match files {
            Some(files) => files,
            None => {
                let mut files = HashMap::new();
                for request in chunks {
                    for doc in request.await? {
                        let file = from_document(&doc?)?;
                        files.insert(file.person_id.clone(), Rc::new(file));
                    }
                }
                Rc::new(files)
            }
        };
        let mut cache = self.cache.borrow_mut();
        if cache.generation == generation {
            cache.people = Some(people.clone());
            cache.files = files.clone();
            cache.all_files = true;
        }
        Ok(Records::from_files(people, files))
    }

    /// One person and their records, in the same shape (a person's page). `None` if unknown.
    pub async fn one(&self, person_id: &str) -> Result<Option<Records>> {
        let Some(person) = self.person(person_id).await? else { return Ok(None) };
        let file = self.person_records(person_id).await?;
        let files = Rc::new(HashMap::from([(person_id.to_owned(), file)]));
        Ok(Some(Records::from_files(Rc::new(vec![person]), files)))
    }

    /// Changes one person's document inside one read-write transaction (read, change, write),
    /// so two saves at once, in this tab or another, never overwrite each other.
    async fn update_file(&self, person_id: &str, change: impl FnOnce(&mut PersonRecords)) -> Result<()> {
        let tx = self.db.transaction(PERSON_RECORDS).with_mode(TransactionMode::Readwrite).build()?;
        let store = tx.object_store(PERSON_RECORDS)?;
        let found: Option<JsValue> = store.get(person_id).primitive()?.await?;
        let mut file = match found.filter(|v| !v.is_undefined()) {
            Some(doc) => from_document(&doc)?,
            None => PersonRecords::new(person_id),
        };
        let before = file.clone();
        change(&mut file);
        file.date_removals(local_today());
        file.stamp_edits(&before, &now_iso());
        store.put(document(&file)?).primitive()?.await?;
        tx.commit().await?;
        self.cache.borrow_mut().put_file(file);
        Ok(())
    }

    pub async fn save_completion(&self, completion: &Completion) -> Result<()> {
        let c = completion.clone();
        self.update_file(&completion.person_id, |f| upsert(&mut f.completions, c)).await
    }

    pub async fn save_work_hours(&self, period: &WorkHours) -> Result<()> {
        let w = period.clone();
        self.update_file(&period.person_id, |f| upsert(&mut f.work_hours, w)).await
    }

    pub async fn save_waiver(&self, waiver: &Waiver) -> Result<()> {
        let w = waiver.clone();
        self.update_file(&waiver.person_id, |f| upsert(&mut f.waivers, w)).await
    }

    /// The user's own training types and their customisations of built-in ones.
    pub async fn stored_training_types(&self) -> Result<Rc<Vec<TrainingType>>> {
        self.cached(|c| c.training_types.clone(), async { Ok(Rc::new(self.all(TRAINING_TYPES).await?)) }, |c, t| c.training_types = Some(t))
            .await
    }

    pub async fn save_training_type(&self, training: &TrainingType) -> Result<()> {
        self.write_stamped(&[(TRAINING_TYPES, record(training)?)]).await?;
        self.forget_list(|c| c.training_types = None);
        Ok(())
    }

    /// Drops the customisation of a built-in training type, so the built-in shows again.
    /// Only built-in ids may be dropped: a user's own type is retired, never deleted.
    pub async fn reset_builtin_training_type(&self, id: &str) -> Result<()> {
        if !TrainingType::is_builtin_id(id) {
            return Err(StoreError(format!("{id} is not a built-in training type")));
        }
        self.delete_stamped(TRAINING_TYPES, id).await?;
        self.forget_list(|c| c.training_types = None);
        Ok(())
    }

    /// The organization's requirements (presets it chose, edited, or its own).
    pub async fn requirements(&self) -> Result<Rc<Vec<Requirement>>> {
        self.cached(|c| c.requirements.clone(), async { Ok(Rc::new(self.all(REQUIREMENTS).await?)) }, |c, r| c.requirements = Some(r)).await
    }

    pub async fn save_requirement(&self, requirement: &Requirement) -> Result<()> {
        self.write_stamped(&[(REQUIREMENTS, record(requirement)?)]).await?;
        self.forget_list(|c| c.requirements = None);
        Ok(())
    }

    /// Drops the organization's edit of a preset, so the preset applies again. Only preset
    /// ids may be dropped: the organization's own requirements are retired, never deleted.
    pub async fn reset_preset_requirement(&self, id: &str) -> Result<()> {
        if !Requirement::is_preset_id(id) {
            return Err(StoreError(format!("{id} is not a preset")));
        }
        self.delete_stamped(REQUIREMENTS, id).await?;
        self.forget_list(|c| c.requirements = None);
        Ok(())
    }

    pub async fn save_placement(&self, placement: &Placement) -> Result<()> {
        let p = placement.clone();
        self.update_file(&placement.person_id, |f| upsert(&mut f.placements, p)).await
    }

    pub async fn save_attestation(&self, attestation: &Attestation) -> Result<()> {
        let a = attestation.clone();
        self.update_file(&attestation.person_id, |f| upsert(&mut f.attestations, a)).await
    }

    pub async fn save_planned_training(&self, plan: &PlannedTraining) -> Result<()> {
        let p = plan.clone();
        self.update_file(&plan.person_id, |f| upsert(&mut f.plans, p)).await
    }

    /// Changes several people's documents and writes `extra` records, all in one transaction:
    /// all of it or none (applying a promotion plan, undoing it).
    pub async fn update_many(&self, changes: Vec<FileChange>, extra: &[(&str, JsValue)]) -> Result<()> {
        let stamps = if self.stamps() { stamps_of(extra, &now_iso())? } else { Vec::new() };
        let mut stores: Vec<&str> = extra.iter().chain(&stamps).map(|(s, _)| *s).chain([PERSON_RECORDS]).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.db.transaction(stores.as_slice()).with_mode(TransactionMode::Readwrite).build()?;
        let docs = tx.object_store(PERSON_RECORDS)?;
        let at = now_iso();
        let mut written = Vec::with_capacity(changes.len());
        for (person_id, change) in changes {
            let found: Option<JsValue> = docs.get(person_id.as_str()).primitive()?.await?;
            let mut file = match found.filter(|v| !v.is_undefined()) {
                Some(doc) => from_document(&doc)?,
                None => PersonRecords::new(&person_id),
            };
            let before = file.clone();
            change(&mut file);
            file.date_removals(local_today());
            file.stamp_edits(&before, &at);
            docs.put(document(&file)?).primitive()?;
            written.push(file);
        }
        for (store, value) in extra.iter().cloned().chain(stamps) {
            tx.object_store(store)?.put(value).primitive()?;
        }
        tx.commit().await?;
        let mut cache = self.cache.borrow_mut();
        for file in written {
            cache.put_file(file);
        }
        cache.plans = None;
        cache.ladders = None;
        cache.grades = None;
        cache.training = None;
        Ok(())
    }

    /// A trainer's records: curricula (their versions), cohorts, memberships, assignments,
    /// exemptions and sessions (`domain::curricula::plan::Plans::from_records`).
    pub async fn training_plans(&self) -> Result<Rc<Vec<PlanRecord>>> {
        if self.version() < TRAINING_PLANS_SINCE {
            return Ok(Rc::default());
        }
        let read = async {
            let raw = self.all_raw(TRAINING_PLANS).await?;
            Ok(Rc::new(raw.iter().map(|v| from_plan_document(&v)).collect::<Result<Vec<_>>>()?))
        };
        self.cached(|c| c.training.clone(), read, |c, v| c.training = Some(v)).await
    }

    /// Saves a trainer's records in one transaction (a curriculum's new version, a cohort and
    /// its assignment, the members and renewals a page recorded): all of them or none.
    pub async fn save_plan_records(&self, records: &[PlanRecord]) -> Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let writes = records.iter().map(|r| Ok((TRAINING_PLANS, plan_document(r)?))).collect::<Result<Vec<_>>>()?;
        self.write_stamped(&writes).await?;
        self.forget_list(|c| c.training = None);
        Ok(())
    }

    /// Saves a session with the completions its attendance recorded (or, undoing, removes
    /// them), in one transaction with each person's document.
    pub async fn save_session(&self, session: &PlanRecord, add: Vec<Completion>, remove: Vec<(String, String)>) -> Result<()> {
        let mut changes: Vec<FileChange> = Vec::new();
        for c in add {
            changes.push((c.person_id.clone(), Box::new(move |f: &mut PersonRecords| upsert(&mut f.completions, c))));
        }
        for (person_id, completion_id) in remove {
            changes.push((
                person_id,
                Box::new(move |f: &mut PersonRecords| {
                    for c in f.completions.iter_mut().filter(|c| c.id == completion_id) {
                        c.removed = true;
                    }
                }),
            ));
        }
        self.update_many(changes, &[(TRAINING_PLANS, plan_document(session)?)]).await
    }

    /// The organization's own ladders (examples live in code: `domain::ladders::examples`).
    pub async fn ladders(&self) -> Result<Rc<Vec<Ladder>>> {
        self.cached(|c| c.ladders.clone(), async { Ok(Rc::new(self.all(LADDERS).await?)) }, |c, v| c.ladders = Some(v)).await
    }

    pub async fn pay_grades(&self) -> Result<Rc<Vec<PayGrade>>> {
        self.cached(|c| c.grades.clone(), async { Ok(Rc::new(self.all(PAY_GRADES).await?)) }, |c, v| c.grades = Some(v)).await
    }

    /// The organization's edits of the built-in wage floors, and its own floors.
    pub async fn wage_floors(&self) -> Result<Rc<Vec<WageFloor>>> {
        self.cached(|c| c.floors.clone(), async { Ok(Rc::new(self.all(WAGE_FLOORS).await?)) }, |c, v| c.floors = Some(v)).await
    }

    pub async fn promotion_plans(&self) -> Result<Rc<Vec<PromotionPlan>>> {
        self.cached(|c| c.plans.clone(), async { Ok(Rc::new(self.all(PROMOTION_PLANS).await?)) }, |c, v| c.plans = Some(v)).await
    }

    pub async fn pay_policy(&self) -> Result<PayPolicy> {
        self.cached(
            |c| c.policy.clone(),
            async { Ok(self.get(SETTINGS, PAY_POLICY_KEY).await?.unwrap_or_default()) },
            |c, p| c.policy = Some(p),
        )
        .await
    }

    pub async fn save_pay_policy(&self, policy: &PayPolicy) -> Result<()> {
        self.write_stamped(&[(SETTINGS, record(&Keyed { id: PAY_POLICY_KEY, value: policy })?)]).await?;
        self.forget_list(|c| c.policy = Some(policy.clone()));
        Ok(())
    }

    /// `save_pay_policy`, refused when the policy changed elsewhere since `opened` (never
    /// saved: the default policy is what the form opened).
    pub async fn save_pay_policy_over(&self, policy: &PayPolicy, opened: &PayPolicy) -> Result<()> {
        let mut writes = vec![(SETTINGS, record(&Keyed { id: PAY_POLICY_KEY, value: policy })?)];
        if self.stamps() {
            writes.extend(stamps_of(&writes, &now_iso())?);
        }
        let unchanged = |now: Option<&JsValue>| now.and_then(|v| v.into_serde::<PayPolicy>().ok()).unwrap_or_default() == *opened;
        // Shown as the policy itself, without the settings store's key beside its fields.
        let shown = |v: &JsValue| v.into_serde::<PayPolicy>().ok().and_then(|p| serde_json::to_string(&p).ok());
        self.write_all_if(&writes, SETTINGS, PAY_POLICY_KEY, &unchanged, Some(&shown)).await?;
        self.forget_list(|c| c.policy = Some(policy.clone()));
        Ok(())
    }

    /// `save_floor`, refused when the floor changed elsewhere since `opened` (a built-in floor
    /// never customised: the built-in is what the form opened).
    pub async fn save_floor_over(&self, floor: &WageFloor, opened: Option<&WageFloor>) -> Result<()> {
        let shipped = crate::domain::ladders::examples::example_floors().into_iter().find(|f| f.id == floor.id);
        self.save_over(vec![(WAGE_FLOORS, record(floor)?)], WAGE_FLOORS, &floor.id, opened, shipped).await?;
        self.forget_list(|c| c.floors = None);
        Ok(())
    }

    /// Saves a ladder together with grades (a copied example brings its grades along).
    pub async fn save_ladder(&self, ladder: &Ladder, grades: &[PayGrade]) -> Result<()> {
        let mut writes = vec![(LADDERS, record(ladder)?)];
        for g in grades {
            writes.push((PAY_GRADES, record(g)?));
        }
        self.write_stamped(&writes).await?;
        self.forget_list(|c| {
            c.ladders = None;
            c.grades = None;
        });
        Ok(())
    }

    pub async fn save_grade(&self, grade: &PayGrade) -> Result<()> {
        self.write_stamped(&[(PAY_GRADES, record(grade)?)]).await?;
        self.forget_list(|c| c.grades = None);
        Ok(())
    }

    pub async fn save_floor(&self, floor: &WageFloor) -> Result<()> {
        self.write_stamped(&[(WAGE_FLOORS, record(floor)?)]).await?;
        self.forget_list(|c| c.floors = None);
        Ok(())
    }

    /// Drops the organization's edit of a built-in floor (`floor.` ids), restoring it.
    pub async fn reset_floor(&self, id: &str) -> Result<()> {
        if !id.starts_with("floor.") {
            return Err(StoreError(format!("{id} is not a built-in floor")));
        }
        self.delete_stamped(WAGE_FLOORS, id).await?;
        self.forget_list(|c| c.floors = None);
        Ok(())
    }

    pub async fn save_promotion_plan(&self, plan: &PromotionPlan) -> Result<()> {
        self.write_stamped(&[(PROMOTION_PLANS, record(plan)?)]).await?;
        self.forget_list(|c| c.plans = None);
        Ok(())
    }

    /// Applies a plan: records its placements and marks it applied, in one transaction.
    pub async fn apply_plan(&self, plan: &PromotionPlan, placements: Vec<Placement>) -> Result<()> {
        let changes: Vec<FileChange> = placements
            .into_iter()
            .map(|p| (p.person_id.clone(), Box::new(move |f: &mut PersonRecords| upsert(&mut f.placements, p)) as Box<dyn FnOnce(&mut PersonRecords)>))
            .collect();
        self.update_many(changes, &[(PROMOTION_PLANS, record(plan)?)]).await
    }

    /// Undoes an applied plan: its placements are removed (kept, marked) and the plan saved
    /// as not applied, in one transaction.
    pub async fn unapply_plan(&self, plan: &PromotionPlan) -> Result<()> {
        let changes: Vec<FileChange> = plan
            .items
            .iter()
            .map(|i| {
                let plan_id = plan.id.clone();
                let change = move |f: &mut PersonRecords| {
                    for p in f.placements.iter_mut().filter(|p| p.plan_id == plan_id) {
                        p.removed = true;
                    }
                };
                (i.person_id.clone(), Box::new(change) as Box<dyn FnOnce(&mut PersonRecords)>)
            })
            .collect();
        self.update_many(changes, &[(PROMOTION_PLANS, record(plan)?)]).await
    }

    /// A small list changed: read it again next time (it is quick to read).
    fn forget_list(&self, forget: impl FnOnce(&mut super::cache::Cache)) {
        let mut cache = self.cache.borrow_mut();
        cache.generation += 1;
        forget(&mut cache);
    }
}

impl Db {
    /// Everything stored, for a full backup (docs/backup.md).
    pub async fn backup_data(&self) -> Result<BackupData> {
        let everyone = self.everyone().await?;
        let policy: Option<PayPolicy> = self.get(SETTINGS, PAY_POLICY_KEY).await?;
        Ok(BackupData {
            settings: self.settings().await?,
            people: everyone.people.as_ref().clone(),
            files: everyone.files().map(|f| f.as_ref().clone()).collect(),
            training_types: self.stored_training_types().await?.as_ref().clone(),
            requirements: self.requirements().await?.as_ref().clone(),
            ladders: self.ladders().await?.as_ref().clone(),
            pay_grades: self.pay_grades().await?.as_ref().clone(),
            wage_floors: self.wage_floors().await?.as_ref().clone(),
            promotion_plans: self.promotion_plans().await?.as_ref().clone(),
            pay_policy: policy,
            changes: self.all(CHANGES).await?,
            training: self.training_plans().await?.iter().cloned().map(Into::into).collect(),
        })
    }

    /// Imports one person's record (`domain::my_record`): the person, their whole document
    /// and the training types it names, in one transaction: all of it or none.
    pub async fn import_person(&self, plan: &ImportPlan) -> Result<()> {
        let mut writes = vec![(PEOPLE, record(&plan.person)?), (PERSON_RECORDS, document(&plan.records)?)];
        for t in &plan.training_types {
            writes.push((TRAINING_TYPES, record(t)?));
        }
        self.write_stamped(&writes).await?;
        let mut cache = self.cache.borrow_mut();
        cache.put_person(&plan.person);
        cache.put_file(plan.records.clone());
        if !plan.training_types.is_empty() {
            cache.training_types = None;
        }
        Ok(())
    }

    /// Purges what has been in the trash `trash::KEEP_DAYS` days or more (and dates removals
    /// written before the trash existed), in one transaction: all of it or none. Returns how
    /// many records were dropped.
    pub async fn purge_trash(&self, today: Date) -> Result<usize> {
        let everyone = self.everyone().await?;
        let mut purged = 0;
        let mut changed = Vec::new();
        for file in everyone.files() {
            let mut f = file.as_ref().clone();
            let dated = f.date_removals(today);
            let dropped = f.purge(today);
            f.stamp_edits(file, "");
            if dated || dropped > 0 {
                purged += dropped;
                changed.push(f);
            }
        }
        if changed.is_empty() {
            return Ok(0);
        }
        let writes = changed.iter().map(|f| Ok((PERSON_RECORDS, document(f)?))).collect::<Result<Vec<_>>>()?;
        self.write_stamped(&writes).await?;
        let mut cache = self.cache.borrow_mut();
        for f in changed {
            cache.put_file(f);
        }
        Ok(purged)
    }

    /// Replaces everything stored with `data`, in one transaction: all of it or, if anything
    /// fails (a full disk, a closed tab), none of it.
    pub async fn restore(&self, data: &BackupData) -> Result<()> {
        let mut writes: Vec<(&str, JsValue)> = Vec::new();
        writes.push((SETTINGS, record(&Keyed { id: SETTINGS_KEY, value: &data.settings })?));
        if let Some(policy) = &data.pay_policy {
            writes.push((SETTINGS, record(&Keyed { id: PAY_POLICY_KEY, value: policy })?));
        }
        for f in &data.files {
            writes.push((PERSON_RECORDS, document(f)?));
        }
        fn all<'a, T: Serialize>(writes: &mut Vec<(&'a str, JsValue)>, store: &'a str, items: &[T]) -> Result<()> {
            for item in items {
                writes.push((store, record(item)?));
            }
            Ok(())
        }
        all(&mut writes, PEOPLE, &data.people)?;
        all(&mut writes, TRAINING_TYPES, &data.training_types)?;
        all(&mut writes, REQUIREMENTS, &data.requirements)?;
        all(&mut writes, LADDERS, &data.ladders)?;
        all(&mut writes, PAY_GRADES, &data.pay_grades)?;
        all(&mut writes, WAGE_FLOORS, &data.wage_floors)?;
        all(&mut writes, PROMOTION_PLANS, &data.promotion_plans)?;
        all(&mut writes, CHANGES, &data.changes)?;
        for r in &data.training {
            writes.push((TRAINING_PLANS, plan_document(&r.record)?));
        }
        let stores = [SETTINGS, PEOPLE, PERSON_RECORDS, TRAINING_TYPES, REQUIREMENTS, LADDERS, PAY_GRADES, WAGE_FLOORS, PROMOTION_PLANS, CHANGES, TRAINING_PLANS];
        self.replace_all(&stores, &writes).await?;
        self.forget();
        Ok(())
    }
}
