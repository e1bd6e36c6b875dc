//! The application shell: opens the database, provides the shared context, and lays out the
//! header, the database-state banners, the routes and the toast.

use super::browser;
use super::ctx::{db, set_db, use_ctx, Ctx, DbState, Undo};
use super::pages::*;
use crate::domain::text::Locale;
use crate::i18n::Msg;
use crate::store::{schema::DB_NAME, Db, Hooks};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use std::rc::Rc;

pub fn start() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let c = Ctx::new();
    provide_context(c);
    Effect::new(move |_| browser::apply_locale(c.locale.get()));

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
        <Router>
            <a class="skip-link" href="#main">{move || c.t(Msg::SkipToContent)}</a>
            <Header />
            <main id="main" tabindex="-1">
                <DbBanner />
                <Show when=move || c.db_state.get() == DbState::Ready fallback=move || view! {
                    <p class="loading">{move || (c.db_state.get() == DbState::Opening).then(|| c.t(Msg::Loading))}</p>
                }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/me/new") view=|| view! { <PersonForm own=true /> } />
                        <Route path=path!("/people") view=PeopleList />
                        <Route path=path!("/people/new") view=|| view! { <PersonForm /> } />
                        <Route path=path!("/people/:id") view=PersonPage />
                        <Route path=path!("/people/:id/edit") view=|| view! { <PersonForm /> } />
                        <Route path=path!("/trainings") view=TrainingList />
                        <Route path=path!("/trainings/new") view=TrainingForm />
                        <Route path=path!("/trainings/:id") view=TrainingPage />
                        <Route path=path!("/trainings/:id/edit") view=TrainingForm />
                        <Route path=path!("/settings") view=SettingsPage />
                    </Routes>
                </Show>
            </main>
            <ToastRegion />
        </Router>
    }
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
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                {move || c.t(Msg::AppName)}
            </A>
            <nav aria-label=move || c.t(Msg::MainNav)>
                <Show when=chosen>
                    <ul>
                        {move || match own() {
                            Some(id) => view! { <li><A href=format!("/people/{id}")>{move || c.t(Msg::NavMyRecord)}</A></li> }.into_any(),
                            None => view! { <li><A href="/people">{move || c.t(Msg::NavPeople)}</A></li> }.into_any(),
                        }}
                        <li><A href="/trainings">{move || c.t(Msg::NavTrainings)}</A></li>
                        <li><A href="/settings">{move || c.t(Msg::NavSettings)}</A></li>
                    </ul>
                </Show>
            </nav>
            <button type="button" class="lang" lang=other_lang on:click=toggle aria-label=move || c.t(Msg::SwitchLanguageLabel)>
                {move || c.t(Msg::SwitchLanguage)}
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
                    <button type="button" on:click=|_| browser::reload()>{move || c.t(Msg::Reload)}</button>
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
        leptos::task::spawn_local(async move {
            let saved = match &action {
                Undo::Person(p) => db().save_person(p).await,
                Undo::Completion(done) => db().save_completion(done).await,
            };
            match saved {
                Ok(()) => c.changed(),
                Err(_) => c.notify(Msg::SaveFailed, None),
            }
        });
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || c.toast.get().map(|t| view! {
                <div class="toast">
                    <span>{c.t(t.msg)}</span>
                    {t.undo.is_some().then(|| view! {
                        <button type="button" class="link" on:click=undo>{move || c.t(Msg::Undo)}</button>
                    })}
                    <button type="button" class="link" on:click=move |_| c.toast.set(None)>{move || c.t(Msg::Dismiss)}</button>
                </div>
            })}
        </div>
    }
}
