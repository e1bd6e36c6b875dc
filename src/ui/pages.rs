//! One module per page, plus the loaders they share.

mod completion_form;
mod home;
mod people;
mod person_form;
mod person_page;
mod settings;
mod training_form;
mod training_page;
mod trainings;

pub use home::{Home, NotFound};
pub use people::PeopleList;
pub use person_form::PersonForm;
pub use person_page::PersonPage;
pub use settings::SettingsPage;
pub use training_form::TrainingForm;
pub use training_page::TrainingPage;
pub use trainings::TrainingList;

use super::ctx::{db, Ctx};
use crate::domain::catalog::builtin_trainings;
use crate::domain::training::{effective_catalog, CatalogEntry};
use crate::store::StoreError;
use leptos::prelude::*;

type Loaded<T> = LocalResource<Result<T, StoreError>>;

/// The effective catalog (built-ins merged with the user's own and customised types),
/// re-read after every write.
fn load_catalog(c: Ctx) -> Loaded<Vec<CatalogEntry>> {
    LocalResource::new(move || {
        c.revision.track();
        async move {
            let stored = db().stored_training_types().await?;
            Ok(effective_catalog(&builtin_trainings(), &stored))
        }
    })
}

fn load_people(c: Ctx) -> Loaded<Vec<crate::domain::person::Person>> {
    LocalResource::new(move || {
        c.revision.track();
        async move { db().people().await }
    })
}

/// A page's record id as a `Copy` handle for its closures ("" on "new" pages).
fn page_id(id: String) -> Memo<String> {
    Memo::new(move |_| id.clone())
}
