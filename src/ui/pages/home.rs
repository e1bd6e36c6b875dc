//! The start page: the first-run choice of mode, then a redirect to the right home.

use crate::domain::settings::{Mode, Settings};
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, tr};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn Home() -> impl IntoView {
    let c = use_ctx();
    // Once the mode is chosen, the start page is a redirect to that mode's home ("back" must
    // not return to it).
    let navigate = use_navigate();
    Effect::new(move |_| {
        let home = match c.settings.get().mode {
            None => return,
            Some(Mode::Organization) => "/people".to_owned(),
            Some(Mode::Personal { person_id: Some(id) }) => format!("/people/{id}"),
            Some(Mode::Personal { person_id: None }) => "/me/new".to_owned(),
        };
        navigate(&home, NavigateOptions { replace: true, ..NavigateOptions::default() });
    });
    move || c.settings.with(|s| s.mode.is_none()).then(Welcome)
}

#[component]
fn Welcome() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::WelcomeTitle)));
    let failed = RwSignal::new(false);
    let navigate = use_navigate();
    let choose = move |mode: Mode| {
        let next = if mode == Mode::Organization { "/people" } else { "/me/new" };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let settings = Settings { mode: Some(mode), ..c.settings.get_untracked() };
            match db().save_settings(&settings).await {
                Ok(()) => {
                    c.changed();
                    navigate(next, NavigateOptions::default());
                    c.settings.set(settings);
                }
                Err(e) => c.form_refused(&e, failed),
            }
        });
    };
    let choose_personal = {
        let choose = choose.clone();
        move |_| choose(Mode::Personal { person_id: None })
    };
    let choose_org = move |_| choose(Mode::Organization);
    let exploring = RwSignal::new(false);
    let explore = {
        let navigate = use_navigate();
        move |_| {
            let navigate = navigate.clone();
            super::example::load_example(c, failed, exploring, move || navigate("/people", NavigateOptions::default()));
        }
    };
    view! {
        <section class="welcome">
            <h1>{tr(Msg::WelcomeTitle)}</h1>
            <p class="lead">{tr(Msg::WelcomeIntro)}</p>
            <h2>{tr(Msg::ChooseMode)}</h2>
            <div class="choices">
                <button type="button" class="choice" on:click=choose_personal>
                    <span class="choice-title">{tr(Msg::ModePersonalTitle)}</span>
                    <span class="choice-body">{tr(Msg::ModePersonalBody)}</span>
                </button>
                <button type="button" class="choice" on:click=choose_org>
                    <span class="choice-title">{tr(Msg::ModeOrgTitle)}</span>
                    <span class="choice-body">{tr(Msg::ModeOrgBody)}</span>
                </button>
            </div>
            <p class="explore">
                <button type="button" class="link" id="explore-example" on:click=explore disabled=move || exploring.get()>{tr(Msg::ExploreExample)}</button>
                " "{tr(Msg::ExploreExampleHint)}
            </p>
            {dynamic(move || failed.get().then(|| view! { <p class="alert alert-error" role="alert">{c.t(Msg::SaveFailed)}</p> }))}
            <p class="note">{tr(Msg::PrivacyNote)}</p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::NotFoundTitle)));
    view! {
        <section>
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p><a href="/">{tr(Msg::GoHome)}</a></p>
        </section>
    }
}
