//! What every view shares: the interface language, the open database, a data revision that
//! bumps after each write (resources re-read when it changes), settings, and the toast.

use super::browser;
use crate::domain::completion::Completion;
use crate::domain::person::Person;
use crate::domain::requirement::{Requirement, Waiver, WorkHours};
use crate::domain::settings::Settings;
use crate::domain::text::Locale;
use crate::i18n::Msg;
use crate::store::Db;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The one open connection. IndexedDB handles are not `Send`, so they stay out of the
    /// reactive graph; views reach it through `db()` once `DbState::Ready`.
    static DB: RefCell<Option<Db>> = const { RefCell::new(None) };
}

pub fn set_db(db: Db) {
    DB.with(|cell| *cell.borrow_mut() = Some(db));
}

/// The open database. Views are only mounted once it is ready.
pub fn db() -> Db {
    DB.with(|cell| cell.borrow().clone()).expect("database opened before views mount")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbState {
    Opening,
    Ready,
    /// An older connection in another tab holds up our upgrade.
    Blocked,
    /// Another tab upgraded the database and we closed our connection.
    ClosedByOtherTab,
    Failed,
}

/// Something the user can take back from the toast.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Person(Person),
    Completion(Completion),
    WorkHours(WorkHours),
    Waiver(Waiver),
    Requirement(Requirement),
    Placement(crate::domain::ladders::person::Placement),
    Attestation(crate::domain::ladders::person::Attestation),
    Plan(crate::domain::ladders::person::PlannedTraining),
    /// A promotion plan as it was before it was applied: undo takes its placements back.
    PlanApplied(crate::domain::ladders::board::PromotionPlan),
    /// Everything as it was before a backup was restored over it.
    Restore(Box<crate::domain::backup::BackupData>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub msg: Msg,
    /// The record as it was before the change; "Undo" saves it back.
    pub undo: Option<Undo>,
    pub serial: u32,
    /// The page that made it: a notice belongs there and is gone once the person leaves it.
    pub path: String,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub locale: RwSignal<Locale>,
    pub revision: RwSignal<u32>,
    pub db_state: RwSignal<DbState>,
    pub settings: RwSignal<Settings>,
    pub toast: RwSignal<Option<Toast>>,
    /// While an upgrade moves records: how many of how many.
    pub upgrade_progress: RwSignal<Option<(u32, u32)>>,
    /// Sync's state, for the header (`sync::engine`).
    pub sync: RwSignal<crate::sync::engine::Status>,
}

impl Ctx {
    pub fn new() -> Ctx {
        Ctx {
            locale: RwSignal::new(browser::initial_locale()),
            revision: RwSignal::new(0),
            db_state: RwSignal::new(DbState::Opening),
            settings: RwSignal::new(Settings::default()),
            toast: RwSignal::new(None),
            upgrade_progress: RwSignal::new(None),
            sync: RwSignal::new(crate::sync::engine::Status::Off),
        }
    }

    /// The message in the current language; reactive when called inside a view closure.
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.locale.get())
    }

    /// Call after every successful write so views re-read, here and in other open tabs.
    pub fn changed(&self) {
        self.revision.update(|r| *r += 1);
        browser::tell_other_tabs();
        crate::sync::engine::changed_here();
        // The first real write is when keeping the data starts to matter.
        browser::ask_to_persist_storage();
    }

    /// Runs a write that stays on the page: on success every view (in every tab) re-reads and
    /// `done` shows, with its undo; on failure the toast says nothing was saved.
    pub fn write(self, work: impl std::future::Future<Output = Result<(), crate::store::StoreError>> + 'static, done: Option<Msg>, undo: Option<Undo>) {
        self.write_boxed(Box::pin(work), done, undo)
    }

    fn write_boxed(self, work: Work, done: Option<Msg>, undo: Option<Undo>) {
        leptos::task::spawn_local(async move {
            match work.await {
                Ok(()) => {
                    self.changed();
                    if let Some(msg) = done {
                        self.notify(msg, undo);
                    }
                }
                Err(e) => self.notify(refused(&e, Msg::SaveFailed), None),
            }
        });
    }

    /// Saves what a form submitted: on success every view re-reads, `done` shows and `after`
    /// runs (clear the form, or go to the saved record); on failure the form's `failed` flag
    /// says nothing was saved, and what was typed stays.
    pub fn save(self, work: impl std::future::Future<Output = Result<(), crate::store::StoreError>> + 'static, failed: RwSignal<bool>, done: Msg, after: impl FnOnce() + 'static) {
        self.save_boxed(Box::pin(work), failed, done, Box::new(after))
    }

    fn save_boxed(self, work: Work, failed: RwSignal<bool>, done: Msg, after: Box<dyn FnOnce()>) {
        self.save_guarded(work, failed, None, done, after)
    }

    /// `save` of a form that edits a stored record: a save refused because the record changed
    /// elsewhere since the form opened puts the form's version (`mine`, JSON) and the stored
    /// one in `conflict`, for `fields::ChangedElsewhere` to show.
    pub fn save_over(self, work: impl std::future::Future<Output = Result<(), crate::store::StoreError>> + 'static, failed: RwSignal<bool>, conflict: RwSignal<Option<(String, String)>>, mine: String, done: Msg, after: impl FnOnce() + 'static) {
        conflict.set(None);
        self.save_guarded(Box::pin(work), failed, Some((conflict, mine)), done, Box::new(after))
    }

    fn save_guarded(self, work: Work, failed: RwSignal<bool>, conflict: Option<(RwSignal<Option<(String, String)>>, String)>, done: Msg, after: Box<dyn FnOnce()>) {
        failed.set(false);
        leptos::task::spawn_local(async move {
            match work.await {
                Ok(()) => {
                    after();
                    self.changed();
                    self.notify(done, None);
                }
                Err(e) => match (e.changed_elsewhere(), conflict) {
                    (Some(now), Some((conflict, mine))) => conflict.set(Some((mine, now.to_owned()))),
                    _ => self.form_refused(&e, failed),
                },
            }
        });
    }

    /// A form's save was refused: its `failed` flag says nothing was saved (what was typed
    /// stays), and a full device also says so in the notice, with what to do.
    pub fn form_refused(&self, e: &crate::store::StoreError, failed: RwSignal<bool>) {
        failed.set(true);
        if e.is_full() {
            self.notify(Msg::StorageFull, None);
        }
    }

    pub fn notify(&self, msg: Msg, undo: Option<Undo>) {
        let serial = self.toast.with_untracked(|t| t.as_ref().map_or(0, |t| t.serial + 1));
        // Read after any navigation the change made, so "Saved." shows on the saved record's page.
        self.toast.set(Some(Toast { msg, undo, serial, path: browser::pathname() }));
    }
}

/// What to say when a write was refused: a full device says so (nothing saved, back up, free
/// space), anything else says `otherwise`.
pub fn refused(e: &crate::store::StoreError, otherwise: Msg) -> Msg {
    if e.is_full() { Msg::StorageFull } else { otherwise }
}

/// A reactive part of a view, boxed: every one shares a single type, so the renderer for
/// reactive children is compiled once instead of once per closure (about 2 KB of wasm each).
pub type Dynamic = Box<dyn FnMut() -> AnyView + Send>;

/// Boxes a closure that redraws part of a view whenever the signals it reads change.
pub fn dynamic<V: IntoView + 'static>(f: impl Fn() -> V + Send + 'static) -> Dynamic {
    Box::new(move || f().into_any())
}

/// A store write, boxed for the same reason (one `write`/`save` for every kind of record).
pub type Work = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), crate::store::StoreError>>>>;

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The message in the current language, as a reactive view or attribute value.
///
/// Every call returns the same closure type, so the renderer is compiled once for all
/// translated text instead of once per call site (a large saving in bundle size).
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let c = use_ctx();
    move || c.t(msg)
}
