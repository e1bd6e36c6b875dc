//! The application shell: opens the database, provides the shared context, and lays out the
//! header, the database-state banners, the current page and the toast.

use super::browser;
use super::ctx::{db, set_db, use_ctx, Ctx, DbState, Undo, tr};
use super::pages::*;
use crate::domain::text::Locale;
use crate::i18n::Msg;
use crate::route::Route;
use crate::store::{schema::DB_NAME, Db, Hooks};
use leptos::prelude::*;
use std::rc::Rc;

pub fn start() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let c = Ctx::new();
    provide_context(c);
    Effect::new(move |_| browser::apply_locale(c.locale.get()));
    browser::listen_for_navigation(move |path, by_link| {
        c.route.set(Route::parse(&path));
        if by_link {
            browser::focus("main");
        }
    });

    // Another tab wrote: re-read everything shown, settings included.
    browser::listen_to_other_tabs(move || {
        if c.db_state.get_untracked() != DbState::Ready {
            return;
        }
        c.revision.update(|r| *r += 1);
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
        };
        match Db::open(DB_NAME, hooks).await {
            Ok(opened) => {
                let settings = opened.settings().await;
                set_db(opened);
                match settings {
                    Ok(s) => {
                        c.settings.set(s);
                        c.db_state.set(DbState::Ready);
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

    view! {
        <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
        <Header />
        <main id="main" tabindex="-1">
            <DbBanner />
            <Show when=move || c.db_state.get() == DbState::Ready fallback=move || view! {
                <p class="loading">{move || (c.db_state.get() == DbState::Opening).then(|| c.t(Msg::Loading))}</p>
            }>
                <CurrentPage />
            </Show>
        </main>
        <ToastRegion />
    }
}

/// The page for the current route. A new route (or a new id) builds a fresh page.
#[component]
fn CurrentPage() -> impl IntoView {
    let c = use_ctx();
    let route = Memo::new(move |_| c.route.get());
    move || match route.get() {
        Route::Home => Home().into_any(),
        Route::MeNew => view! { <PersonForm own=true /> }.into_any(),
        Route::People => PeopleList().into_any(),
        Route::PersonNew => view! { <PersonForm /> }.into_any(),
        Route::Person(id) => view! { <PersonPage id /> }.into_any(),
        Route::PersonEdit(id) => view! { <PersonForm id /> }.into_any(),
        Route::Trainings => TrainingList().into_any(),
        Route::TrainingNew => view! { <TrainingForm /> }.into_any(),
        Route::Training(id) => view! { <TrainingPage id /> }.into_any(),
        Route::TrainingEdit(id) => view! { <TrainingForm id /> }.into_any(),
        Route::YearRecord(id, year) => view! { <YearRecord id year /> }.into_any(),
        Route::Compliance => ComplianceDashboard().into_any(),
        Route::Requirements => RequirementList().into_any(),
        Route::RequirementNew(hours_rule) => view! { <RequirementForm hours_rule /> }.into_any(),
        Route::RequirementEdit(id) => view! { <RequirementForm id /> }.into_any(),
        Route::Settings => SettingsPage().into_any(),
        Route::NotFound => NotFound().into_any(),
    }
}

#[component]
fn NavLink(href: &'static str, label: Msg) -> impl IntoView {
    let c = use_ctx();
    let current = move || (c.route.with(|r| r.section()) == href).then_some("page");
    view! { <a href=href aria-current=current>{tr(label)}</a> }
}

#[component]
fn Header() -> impl IntoView {
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
                        {move || match own() {
                            Some(id) => {
                                let href = Route::Person(id.clone()).href();
                                let current = move || c.route.with(|r| *r == Route::Person(id.clone())).then_some("page");
                                view! { <li><a href=href aria-current=current>{tr(Msg::NavMyRecord)}</a></li> }.into_any()
                            }
                            None => view! {
                                <li><NavLink href="/people" label=Msg::NavPeople /></li>
                                <li><NavLink href="/compliance" label=Msg::NavCompliance /></li>
                            }.into_any(),
                        }}
                        <li><NavLink href="/requirements" label=Msg::NavRequirements /></li>
                        <li><NavLink href="/trainings" label=Msg::NavTrainings /></li>
                        <li><NavLink href="/settings" label=Msg::NavSettings /></li>
                    </ul>
                </Show>
            </nav>
            <button type="button" class="lang" lang=other_lang on:click=toggle aria-label=tr(Msg::SwitchLanguageLabel)>
                {tr(Msg::SwitchLanguage)}
            </button>
        </header>
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
                }
            },
            None,
            None,
        );
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || c.toast.get().map(|t| view! {
                <div class="toast">
                    <span>{c.t(t.msg)}</span>
                    {t.undo.is_some().then(|| view! {
                        <button type="button" class="link" on:click=undo>{tr(Msg::Undo)}</button>
                    })}
                    <button type="button" class="link" on:click=move |_| c.toast.set(None)>{tr(Msg::Dismiss)}</button>
                </div>
            })}
        </div>
    }
}
