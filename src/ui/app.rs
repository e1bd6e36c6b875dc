//! The application shell: opens the database, provides the shared context, and lays out the
//! header, the database-state banners, the routes and the toast.
//!
//! Routing is leptos_router's: `<Routes>` below is the whole URL map. Links are `<a href>`
//! (the router handles clicks on them) or `<A>` where `aria-current` matters; state worth
//! bookmarking lives in the query string (`ui/query.rs`).

use super::browser;
use super::ctx::{dynamic, db, set_db, tr, use_ctx, Ctx, DbState, Undo};
use super::pages::*;
use crate::domain::text::Locale;
use crate::i18n::{self, Msg};
use crate::store::{schema::DB_NAME, Db, Hooks};
use leptos::prelude::*;
use super::app_shell;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::path;
use std::rc::Rc;

pub fn start() {
    // The static loading screen of index.html gives way to the app, unless it found that
    // this browser cannot run it (its message, in the reader's language, stays).
    let document = gloo_utils::document();
    if document.query_selector("#boot .boot-error").ok().flatten().is_some() {
        return;
    }
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    crate::i18n::set_spanish_region(&browser::language_tags());
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let c = Ctx::new();
    provide_context(c);
    Effect::new(move |_| browser::apply_locale(c.locale.get()));

    // Another tab wrote: forget what was read and re-read what is shown, settings included.
    browser::listen_to_other_tabs(move || {
        if c.db_state.get_untracked() != DbState::Ready {
            return;
        }
        db().forget();
        c.revision.update(|r| *r += 1);
        crate::sync::engine::changed_here();
        leptos::task::spawn_local(async move {
            if let Ok(s) = db().settings().await {
                c.settings.set(s);
            }
        });
    });

    leptos::task::spawn_local(async move {
        let hooks = Hooks {
            on_blocked: Rc::new(move || c.db_state.set(DbState::Blocked)),
            on_version_change: Rc::new(move || c.db_state.set(DbState::ClosedByOtherTab)),
            on_upgrade_progress: Rc::new(move |done, total| c.upgrade_progress.set(Some((done, total)))),
        };
        match Db::open(DB_NAME, hooks).await {
            Ok(opened) => {
                let settings = opened.settings().await;
                crate::sync::engine::start(opened.clone(), crate::sync::engine::Hooks {
                    on_status: Rc::new(move |s| c.sync.set(s)),
                    // What a pass received is re-read here and in the other tabs.
                    on_pulled: Rc::new(move || {
                        c.revision.update(|r| *r += 1);
                        browser::tell_other_tabs();
                    }),
                });
                set_db(opened);
                match settings {
                    Ok(s) => {
                        c.settings.set(s);
                        c.db_state.set(DbState::Ready);
                        // The trash's purge, once per start and after the first screen is
                        // drawn: it reads everyone's records, which the first page may need first.
                        gloo_timers::future::TimeoutFuture::new(3_000).await;
                        if let Ok(purged) = db().purge_trash(browser::today()).await {
                            if purged > 0 {
                                c.changed();
                            }
                        }
                    }
                    Err(_) => c.db_state.set(DbState::Failed),
                }
            }
            Err(e) => {
                web_sys::console::error_1(&e.to_string().into());
                c.db_state.set(DbState::Failed);
            }
        }
    });

    let online = RwSignal::new(true);
    let update_ready = RwSignal::new(false);
    app_shell::watch_network(online);
    app_shell::register_service_worker(update_ready);

    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <Header online />
            <main id="main" tabindex="-1">
                <FocusOnNavigation />
                <UpdateBanner update_ready />
                <DbBanner />
                <Show when=move || c.db_state.get() == DbState::Ready fallback=move || view! {
                    <p class="loading" role="status">{dynamic(move || match (c.db_state.get(), c.upgrade_progress.get()) {
                        (DbState::Opening, Some((done, total))) => Some(i18n::upgrade_progress(c.locale.get(), done, total)),
                        (DbState::Opening, None) => Some(c.t(Msg::Loading).to_owned()),
                        _ => None,
                    })}</p>
                }>
                    <ExampleBanner />
                    <BackupReminder />
                    <AppRoutes />
                </Show>
            </main>
            <ToastRegion />
        </Router>
    }
}

/// Every route's view has this one type, so the router's view-choosing code is compiled
/// once rather than once per route (a smaller bundle).
type Page = fn() -> AnyView;

/// A page that takes one path parameter: a new value builds a fresh page, while a change of
/// the query string alone (an "as of" date, a filter) keeps the page and its state.
fn with_param(key: &'static str, page: fn(String) -> AnyView) -> AnyView {
    let params = use_params_map();
    let value = Memo::new(move |_| params.read().get(key).unwrap_or_default());
    (move || page(value.get())).into_any()
}

fn home() -> AnyView { Home().into_any() }
fn me_new() -> AnyView { view! { <PersonForm own=true /> }.into_any() }
fn people() -> AnyView { PeopleList().into_any() }
fn person_new() -> AnyView { view! { <PersonForm /> }.into_any() }
fn person() -> AnyView { with_param("id", |id| view! { <PersonPage id /> }.into_any()) }
fn person_edit() -> AnyView { with_param("id", |id| view! { <PersonForm id /> }.into_any()) }
fn year_record() -> AnyView { YearRecordRoute().into_any() }
fn trainings() -> AnyView { TrainingList().into_any() }
fn training_new() -> AnyView { view! { <TrainingForm /> }.into_any() }
fn training() -> AnyView { with_param("id", |id| view! { <TrainingPage id /> }.into_any()) }
fn training_edit() -> AnyView { with_param("id", |id| view! { <TrainingForm id /> }.into_any()) }
fn compliance() -> AnyView { ComplianceDashboard().into_any() }
fn requirements() -> AnyView { RequirementList().into_any() }
fn requirement_new_hours() -> AnyView { view! { <RequirementForm hours_rule=true /> }.into_any() }
fn requirement_new_credential() -> AnyView { view! { <RequirementForm /> }.into_any() }
fn requirement_edit() -> AnyView { with_param("id", |id| view! { <RequirementForm id /> }.into_any()) }
fn settings() -> AnyView { SettingsPage().into_any() }
fn ladders() -> AnyView { LadderList().into_any() }
fn ladder_new() -> AnyView { view! { <LadderForm /> }.into_any() }
fn ladder() -> AnyView { with_param("id", |id| view! { <LadderPage id /> }.into_any()) }
fn ladder_edit() -> AnyView { with_param("id", |id| view! { <LadderForm id /> }.into_any()) }
fn readiness() -> AnyView { ReadinessBoard().into_any() }
fn planner() -> AnyView { PlannerList().into_any() }
fn plan() -> AnyView { with_param("id", |id| view! { <PlanPage id /> }.into_any()) }
fn grades() -> AnyView { GradeList().into_any() }
fn grade_new() -> AnyView { view! { <GradeForm /> }.into_any() }
fn grade_edit() -> AnyView { with_param("id", |id| view! { <GradeForm id /> }.into_any()) }
fn equity() -> AnyView { PayEquity().into_any() }
fn policy() -> AnyView { PayPolicyPage().into_any() }
fn floor_new() -> AnyView { view! { <FloorForm /> }.into_any() }
fn floor_edit() -> AnyView { with_param("id", |id| view! { <FloorForm id /> }.into_any()) }
fn transcript() -> AnyView { with_param("id", |id| view! { <Transcript id /> }.into_any()) }
fn trash() -> AnyView { TrashPage().into_any() }
fn verification() -> AnyView { VerificationQueue().into_any() }
fn conflicts() -> AnyView { ConflictsPage().into_any() }
fn trainer() -> AnyView { TrainerHome().into_any() }
fn curriculum_new() -> AnyView { view! { <CurriculumForm /> }.into_any() }
fn curriculum_edit() -> AnyView { with_param("id", |id| view! { <CurriculumForm id /> }.into_any()) }
fn cohort_new() -> AnyView { view! { <CohortForm /> }.into_any() }
fn cohort_edit() -> AnyView { with_param("id", |id| view! { <CohortForm id /> }.into_any()) }
fn assign() -> AnyView { AssignForm().into_any() }
fn session_new() -> AnyView { view! { <SessionForm /> }.into_any() }
fn session() -> AnyView { with_param("id", |id| view! { <SessionPage id /> }.into_any()) }
fn session_edit() -> AnyView { with_param("id", |id| view! { <SessionForm id /> }.into_any()) }
fn not_found() -> AnyView { NotFound().into_any() }

#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=not_found as Page>
            <Route path=path!("/") view=home as Page />
            <Route path=path!("/me/new") view=me_new as Page />
            <Route path=path!("/people") view=people as Page />
            <Route path=path!("/people/new") view=person_new as Page />
            <Route path=path!("/people/:id") view=person as Page />
            <Route path=path!("/people/:id/edit") view=person_edit as Page />
            <Route path=path!("/people/:id/record/:year") view=year_record as Page />
            <Route path=path!("/people/:id/transcript") view=transcript as Page />
            <Route path=path!("/trainings") view=trainings as Page />
            <Route path=path!("/trainings/new") view=training_new as Page />
            <Route path=path!("/trainings/:id") view=training as Page />
            <Route path=path!("/trainings/:id/edit") view=training_edit as Page />
            <Route path=path!("/compliance") view=compliance as Page />
            <Route path=path!("/requirements") view=requirements as Page />
            <Route path=path!("/requirements/new/hours") view=requirement_new_hours as Page />
            <Route path=path!("/requirements/new/credential") view=requirement_new_credential as Page />
            <Route path=path!("/requirements/:id/edit") view=requirement_edit as Page />
            <Route path=path!("/settings") view=settings as Page />
            <Route path=path!("/trash") view=trash as Page />
            <Route path=path!("/verification") view=verification as Page />
            <Route path=path!("/sync/conflicts") view=conflicts as Page />
            <Route path=path!("/ladders") view=ladders as Page />
            <Route path=path!("/ladders/new") view=ladder_new as Page />
            <Route path=path!("/ladders/:id") view=ladder as Page />
            <Route path=path!("/ladders/:id/edit") view=ladder_edit as Page />
            <Route path=path!("/readiness") view=readiness as Page />
            <Route path=path!("/planner") view=planner as Page />
            <Route path=path!("/planner/:id") view=plan as Page />
            <Route path=path!("/pay/grades") view=grades as Page />
            <Route path=path!("/pay/grades/new") view=grade_new as Page />
            <Route path=path!("/pay/grades/:id/edit") view=grade_edit as Page />
            <Route path=path!("/pay/equity") view=equity as Page />
            <Route path=path!("/pay/policy") view=policy as Page />
            <Route path=path!("/pay/floors/new") view=floor_new as Page />
            <Route path=path!("/pay/floors/:id/edit") view=floor_edit as Page />
            <Route path=path!("/training") view=trainer as Page />
            <Route path=path!("/training/curricula/new") view=curriculum_new as Page />
            <Route path=path!("/training/curricula/:id/edit") view=curriculum_edit as Page />
            <Route path=path!("/training/cohorts/new") view=cohort_new as Page />
            <Route path=path!("/training/cohorts/:id/edit") view=cohort_edit as Page />
            <Route path=path!("/training/assign") view=assign as Page />
            <Route path=path!("/training/sessions/new") view=session_new as Page />
            <Route path=path!("/training/sessions/:id") view=session as Page />
            <Route path=path!("/training/sessions/:id/edit") view=session_edit as Page />
        </Routes>
    }
}

/// After a link or back/forward, keyboard and screen-reader focus moves to the new content,
/// as a page load would put it (not on the first load: the skip link comes first then).
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            browser::focus_after_render("main");
        }
        path
    });
}

#[component]
fn Header(online: RwSignal<bool>) -> impl IntoView {
    let c = use_ctx();
    let toggle = move |_| {
        c.locale.update(|l| *l = if *l == Locale::En { Locale::Es } else { Locale::En });
    };
    let other_lang = move || if c.locale.get() == Locale::En { "es" } else { "en" };
    let chosen = move || c.settings.with(|s| s.mode.is_some());
    let own = move || c.settings.with(|s| s.own_person_id().map(str::to_owned));
    view! {
        <header class="top">
            <a href="/" class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                {tr(Msg::AppName)}
            </a>
            <nav aria-label=tr(Msg::MainNav)>
                <Show when=chosen>
                    <ul>
                        {dynamic(move || match own() {
                            Some(id) => view! {
                                <li><A href=format!("/people/{id}") exact=true>{tr(Msg::NavMyRecord)}</A></li>
                            }.into_any(),
                            None => view! {
                                <li><A href="/people">{tr(Msg::NavPeople)}</A></li>
                                <li><A href="/compliance">{tr(Msg::NavCompliance)}</A></li>
                                <li><A href="/readiness">{tr(Msg::NavReadiness)}</A></li>
                                <li><A href="/training">{tr(Msg::NavTraining)}</A></li>
                            }.into_any(),
                        })}
                        <li><A href="/ladders">{tr(Msg::NavLadders)}</A></li>
                        <li><A href="/requirements">{tr(Msg::NavRequirements)}</A></li>
                        <li><A href="/trainings">{tr(Msg::NavTrainings)}</A></li>
                        <li><A href="/settings">{tr(Msg::NavSettings)}</A></li>
                    </ul>
                </Show>
            </nav>
            <super::pages::sync::SyncStatus />
            <p class="offline" aria-live="polite" hidden=move || online.get()>
                <span class="offline-word">{tr(Msg::OfflineWord)}</span>
                <span class="offline-note">{tr(Msg::OfflineNote)}</span>
            </p>
            <button type="button" class="lang" lang=other_lang on:click=toggle aria-label=tr(Msg::SwitchLanguageLabel)>
                {tr(Msg::SwitchLanguage)}
            </button>
        </header>
    }
}

/// A new version has been downloaded: say so, and reload only when the person agrees.
#[component]
fn UpdateBanner(update_ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || update_ready.get()>
            <div class="alert alert-info update" role="status">
                <p>{tr(Msg::UpdateReady)}</p>
                <button type="button" on:click=|_| app_shell::apply_update()>{tr(Msg::UpdateReload)}</button>
                <button type="button" class="link" on:click=move |_| update_ready.set(false)>{tr(Msg::UpdateLater)}</button>
            </div>
        </Show>
    }
}

#[component]
fn DbBanner() -> impl IntoView {
    let c = use_ctx();
    move || {
        let (msg, reload) = match c.db_state.get() {
            DbState::Blocked => (Msg::DbBlocked, false),
            DbState::ClosedByOtherTab => (Msg::DbUpgradeElsewhere, true),
            DbState::Failed => (Msg::DbFailed, true),
            DbState::Opening | DbState::Ready => return None,
        };
        Some(view! {
            <div class="alert alert-warning" role="alert">
                <p>{c.t(msg)}</p>
                {reload.then(|| view! {
                    <button type="button" on:click=|_| browser::reload()>{tr(Msg::Reload)}</button>
                })}
            </div>
        })
    }
}

#[component]
fn ToastRegion() -> impl IntoView {
    let c = use_ctx();
    // A notice belongs to the page that made it: leaving that page takes it away, so it never
    // covers the next page's content or offers to undo something not on the screen.
    let location = use_location();
    Effect::new(move |_| {
        let here = location.pathname.get();
        if c.toast.with_untracked(|t| t.as_ref().is_some_and(|t| t.path != here)) {
            c.toast.set(None);
        }
    });
    let undo = move |_| {
        let Some(toast) = c.toast.get_untracked() else { return };
        c.toast.set(None);
        let Some(action) = toast.undo else { return };
        c.write(
            async move {
                match &action {
                    Undo::Person(p) => db().save_person(p).await,
                    Undo::Completion(done) => db().save_completion(done).await,
                    Undo::WorkHours(w) => db().save_work_hours(w).await,
                    Undo::Waiver(w) => db().save_waiver(w).await,
                    Undo::Requirement(r) => db().save_requirement(r).await,
                    Undo::Placement(p) => db().save_placement(p).await,
                    Undo::Attestation(a) => db().save_attestation(a).await,
                    Undo::Plan(p) => db().save_planned_training(p).await,
                    Undo::PlanApplied(plan) => db().unapply_plan(plan).await,
                    Undo::Restore(before) => {
                        let restored = db().restore(before).await;
                        if restored.is_ok() {
                            c.settings.set(before.settings.clone());
                        }
                        restored
                    }
                }
            },
            None,
            None,
        );
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {dynamic(move || c.toast.get().map(|t| view! {
                <div class="toast">
                    <span>{c.t(t.msg)}</span>
                    {t.undo.is_some().then(|| view! {
                        <button type="button" class="link" on:click=undo>{tr(Msg::Undo)}</button>
                    })}
                    <button type="button" class="link" on:click=move |_| c.toast.set(None)>{tr(Msg::Dismiss)}</button>
                </div>
            }))}
        </div>
    }
}
