//! Typed reads and writes. The interface calls these; it never names a store or an index.

use super::idb::{record, Db, Result};
use super::schema::{BY_PERSON, BY_TRAINING, COMPLETIONS, PEOPLE, REQUIREMENTS, SETTINGS, TRAINING_TYPES, WAIVERS, WORK_HOURS};
use crate::domain::completion::Completion;
use crate::domain::person::Person;
use crate::domain::requirement::{Requirement, Waiver, WorkHours};
use crate::domain::settings::Settings;
use crate::domain::training::TrainingType;
use serde::Serialize;

/// The settings live in one record keyed `app`.
const SETTINGS_KEY: &str = "app";

#[derive(Serialize)]
struct Keyed<'a, T: Serialize> {
    id: &'a str,
    #[serde(flatten)]
    value: &'a T,
}

impl Db {
    pub async fn settings(&self) -> Result<Settings> {
        Ok(self.get(SETTINGS, SETTINGS_KEY).await?.unwrap_or_default())
    }

    pub async fn save_settings(&self, settings: &Settings) -> Result<()> {
        self.put(SETTINGS, &Keyed { id: SETTINGS_KEY, value: settings }).await
    }

    pub async fn people(&self) -> Result<Vec<Person>> {
        self.all(PEOPLE).await
    }

    pub async fn person(&self, id: &str) -> Result<Option<Person>> {
        self.get(PEOPLE, id).await
    }

    pub async fn save_person(&self, person: &Person) -> Result<()> {
        self.put(PEOPLE, person).await
    }

    /// Saves a person and makes them "me" in one transaction (first run in personal mode).
    pub async fn save_person_and_settings(&self, person: &Person, settings: &Settings) -> Result<()> {
        self.put_all(&[
            (PEOPLE, record(person)?),
            (SETTINGS, record(&Keyed { id: SETTINGS_KEY, value: settings })?),
        ])
        .await
    }

    pub async fn completions_of_person(&self, person_id: &str) -> Result<Vec<Completion>> {
        self.all_by_index(COMPLETIONS, BY_PERSON, person_id).await
    }

    pub async fn completions_of_training(&self, training_id: &str) -> Result<Vec<Completion>> {
        self.all_by_index(COMPLETIONS, BY_TRAINING, training_id).await
    }

    pub async fn completions(&self) -> Result<Vec<Completion>> {
        self.all(COMPLETIONS).await
    }

    pub async fn save_completion(&self, completion: &Completion) -> Result<()> {
        self.put(COMPLETIONS, completion).await
    }

    /// The user's own training types and their customisations of built-in ones.
    pub async fn stored_training_types(&self) -> Result<Vec<TrainingType>> {
        self.all(TRAINING_TYPES).await
    }

    pub async fn save_training_type(&self, training: &TrainingType) -> Result<()> {
        self.put(TRAINING_TYPES, training).await
    }

    /// Drops the customisation of a built-in training type, so the built-in shows again.
    /// Only built-in ids may be dropped: a user's own type is retired, never deleted.
    pub async fn reset_builtin_training_type(&self, id: &str) -> Result<()> {
        if !TrainingType::is_builtin_id(id) {
            return Err(super::StoreError(format!("{id} is not a built-in training type")));
        }
        self.delete(TRAINING_TYPES, id).await
    }

    /// The organization's requirements (presets it chose, edited, or its own).
    pub async fn requirements(&self) -> Result<Vec<Requirement>> {
        self.all(REQUIREMENTS).await
    }

    pub async fn save_requirement(&self, requirement: &Requirement) -> Result<()> {
        self.put(REQUIREMENTS, requirement).await
    }

    /// Drops the organization's edit of a preset, so the preset applies again. Only preset
    /// ids may be dropped: the organization's own requirements are retired, never deleted.
    pub async fn reset_preset_requirement(&self, id: &str) -> Result<()> {
        if !Requirement::is_preset_id(id) {
            return Err(super::StoreError(format!("{id} is not a preset")));
        }
        self.delete(REQUIREMENTS, id).await
    }

    pub async fn work_hours(&self) -> Result<Vec<WorkHours>> {
        self.all(WORK_HOURS).await
    }

    pub async fn waivers(&self) -> Result<Vec<Waiver>> {
        self.all(WAIVERS).await
    }

    pub async fn work_hours_of_person(&self, person_id: &str) -> Result<Vec<WorkHours>> {
        self.all_by_index(WORK_HOURS, BY_PERSON, person_id).await
    }

    pub async fn save_work_hours(&self, period: &WorkHours) -> Result<()> {
        self.put(WORK_HOURS, period).await
    }

    pub async fn waivers_of_person(&self, person_id: &str) -> Result<Vec<Waiver>> {
        self.all_by_index(WAIVERS, BY_PERSON, person_id).await
    }

    pub async fn save_waiver(&self, waiver: &Waiver) -> Result<()> {
        self.put(WAIVERS, waiver).await
    }
}
