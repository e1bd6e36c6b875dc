//! One module per page, plus the loaders they share.

mod assign_form;
mod backup;
mod cohort_form;
mod curriculum_form;
mod completion_form;
mod compliance;
mod equity;
mod example;
mod grades;
mod home;
mod ladder_form;
mod ladders;
mod pathway_editor;
mod my_path;
mod pay_policy;
mod planner;
mod readiness;
mod record_file;
mod people;
mod person_form;
mod person_assignments;
mod person_page;
mod progress;
mod requirement_form;
mod requirements;
mod roster_import;
mod session_page;
mod settings;
pub mod sync;
mod training_form;
mod training_home;
mod training_page;
mod trainings;
mod transcript;
mod trash;
mod verification;
mod year_record;

pub use assign_form::AssignForm;
pub use backup::BackupReminder;
pub use cohort_form::CohortForm;
pub use curriculum_form::CurriculumForm;
pub use session_page::{SessionForm, SessionPage};
pub use training_home::TrainerHome;
pub use example::ExampleBanner;
pub use home::{Home, NotFound};
pub use compliance::ComplianceDashboard;
pub use equity::PayEquity;
pub use grades::{GradeForm, GradeList};
pub use ladder_form::LadderForm;
pub use ladders::{LadderList, LadderPage};
pub use pay_policy::{FloorForm, PayPolicyPage};
pub use planner::{PlanPage, PlannerList};
pub use readiness::ReadinessBoard;
pub use people::PeopleList;
pub use requirement_form::RequirementForm;
pub use requirements::RequirementList;
pub use year_record::YearRecordRoute;
pub use person_form::PersonForm;
pub use person_page::PersonPage;
pub use settings::SettingsPage;
pub use training_form::TrainingForm;
pub use training_page::TrainingPage;
pub use trainings::TrainingList;
pub use transcript::Transcript;
pub use trash::TrashPage;
pub use verification::VerificationQueue;
pub use sync::ConflictsPage;

use super::ctx::{db, Ctx};
use crate::domain::catalog::builtin_trainings;
use crate::domain::compliance::Records;
use crate::domain::curricula::examples::example_curricula;
use crate::domain::curricula::plan::Plans;
use crate::domain::presets::presets;
use crate::domain::requirement::{effective_requirements, in_use, Requirement, RequirementEntry};
use crate::domain::status::Context;
use crate::domain::text::Locale;
use crate::domain::ladders::board::{LadderSet, PromotionPlan};
use crate::domain::ladders::examples::{example_floors, example_grades, example_ladders};
use crate::domain::ladders::ladder::Ladder;
use crate::domain::ladders::pay::{PayGrade, PayPolicy, WageFloor};
use crate::domain::training::{effective_catalog, merge_overrides, CatalogEntry, Origin, TrainingType};
use crate::i18n::ladders::Names;
use crate::store::StoreError;
use leptos::prelude::*;
use std::rc::Rc;

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

/// Everyone, shared with the store's cache (not copied), re-read after every write.
fn load_people(c: Ctx) -> Loaded<Rc<Vec<crate::domain::person::Person>>> {
    LocalResource::new(move || {
        c.revision.track();
        async move { db().people().await }
    })
}

/// The trainings in use (not retired) as `<select>` or checkbox options, in the interface
/// language: the trainer's forms share this one list.
fn training_options(c: Ctx, snapshot: Loaded<Snapshot>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().filter(|t| !t.retired).map(|t| (t.id.clone(), t.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    })
}

/// Worker types, and languages, as options in the interface language.
fn worker_options(c: Ctx) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let l = c.locale.get();
        crate::domain::person::WorkerType::ALL.iter().map(|w| (w.code().to_owned(), crate::i18n::worker_type(l, *w).to_owned())).collect()
    })
}

fn language_options(c: Ctx) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let l = c.locale.get();
        crate::domain::person::PreferredLanguage::ALL.iter().map(|x| (x.code().to_owned(), crate::i18n::preferred_language(l, *x).to_owned())).collect()
    })
}

/// A page's record id as a `Copy` handle for its closures ("" on "new" pages).
fn page_id(id: String) -> Memo<String> {
    Memo::new(move |_| id.clone())
}

/// What the rules engine needs, read in one go: people and their records, the requirements
/// (presets merged with the organization's edits) and the training catalog.
///
/// One loader type for every compliance view (a person's progress, the dashboard, the yearly
/// record, the requirement pages): each distinct resource type costs bundle size.
#[derive(Clone, Default)]
struct Snapshot {
    records: Records,
    entries: Vec<RequirementEntry>,
    /// The requirements in use (not retired).
    requirements: Vec<Requirement>,
    /// The effective training catalog, and the same training types as a list for the engine.
    catalog: Vec<CatalogEntry>,
    trainings: Vec<TrainingType>,
    /// The organization's own ladders, then the built-in examples.
    ladders: Vec<Ladder>,
    /// Own grades, then the examples' grades.
    grades: Vec<PayGrade>,
    /// The built-in floors merged with the organization's edits, then its own; with origins.
    floor_entries: Vec<(WageFloor, Origin)>,
    floors: Vec<WageFloor>,
    policy: PayPolicy,
    plans: Vec<PromotionPlan>,
}

impl Snapshot {
    /// Each person's ladder step today (`ladder id`, `step id`), for rule cohorts.
    fn step_of(&self, today: crate::domain::date::Date) -> impl Fn(&str) -> Option<(String, String)> + '_ {
        move |id: &str| self.records.file(id).and_then(|f| crate::domain::ladders::person::current(&f.placements, today)).map(|p| (p.ladder_id.clone(), p.step_id.clone()))
    }

    fn context(&self, due_soon_days: u32) -> Context<'_> {
        Context { requirements: &self.requirements, trainings: &self.trainings, due_soon_days }
    }

    fn set(&self) -> LadderSet<'_> {
        LadderSet { ladders: &self.ladders, grades: &self.grades, floors: &self.floors, policy: &self.policy }
    }

    /// Looks up names for `i18n::ladders` (trainings and requirements in `locale`).
    fn with_names<R>(&self, locale: Locale, f: impl FnOnce(&Names) -> R) -> R {
        let training = |id: &str| self.training_name(locale, id);
        let requirement = |id: &str| self.requirement_name(locale, id);
        f(&Names { training: &training, requirement: &requirement })
    }

    fn training_name(&self, locale: Locale, id: &str) -> String {
        self.trainings.iter().find(|t| t.id == id).map_or_else(|| id.to_owned(), |t| t.name.get(locale).to_owned())
    }

    fn requirement_name(&self, locale: Locale, id: &str) -> String {
        self.entries.iter().find(|e| e.requirement.id == id).map_or_else(|| id.to_owned(), |e| e.requirement.name.get(locale).to_owned())
    }
}

/// Whose records a snapshot holds.
#[derive(Clone)]
enum Whose {
    Everyone,
    /// One person (their page); "" for no one (pages that need only the requirements).
    One(String),
}

/// Everyone's or one person's records, re-read after every write (from the store's cache, so
/// a save at 150,000 records costs only what changed). A person's page reads once and shares
/// it between its header, progress, forms and history.
fn load_snapshot(c: Ctx, whose: Whose) -> Loaded<Snapshot> {
    LocalResource::new(move || {
        c.revision.track();
        read_snapshot(whose.clone(), c.settings.with_untracked(|s| s.is_personal()))
    })
}

/// What `load_snapshot` reads, for a loader that works on it further (the trainer's pages).
/// In a person's own record (`personal`) an employer's duties are not in use.
async fn read_snapshot(whose: Whose, personal: bool) -> Result<Snapshot, StoreError> {
    let db = db();
    let stored = db.stored_training_types().await?;
    let catalog = effective_catalog(&builtin_trainings(), &stored);
    let trainings = catalog.iter().map(|e| e.training.clone()).collect();
    let entries = effective_requirements(&presets(), &db.requirements().await?);
    let records = match whose {
        Whose::Everyone => db.everyone().await?,
        Whose::One(id) if id.is_empty() => Records::default(),
        Whose::One(id) => db.one(&id).await?.unwrap_or_default(),
    };
    let mut ladders = (*db.ladders().await?).clone();
    ladders.extend(example_ladders());
    let mut grades = (*db.pay_grades().await?).clone();
    grades.extend(example_grades());
    let floor_entries = merge_overrides(&example_floors(), &db.wage_floors().await?, |f: &WageFloor| &f.id);
    let floors = floor_entries.iter().map(|(f, _)| f.clone()).collect();
    let policy = db.pay_policy().await?;
    let plans = db.promotion_plans().await?.iter().filter(|p| !p.removed).cloned().collect();
    Ok(Snapshot { records, requirements: in_use(&entries, personal), entries, catalog, trainings, ladders, grades, floor_entries, floors, policy, plans })
}

/// A trainer's records with the built-in example curricula.
async fn read_plans() -> Result<Plans, StoreError> {
    let stored = db().training_plans().await?;
    Ok(Plans::from_records(stored.iter().cloned()).with_examples(example_curricula()))
}
