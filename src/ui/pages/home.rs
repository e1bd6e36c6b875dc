//! The start page: the first-run choice of mode, then a redirect to the right home.

use crate::domain::settings::{Mode, Settings};
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{db, use_ctx};
use leptos::prelude::*;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::use_navigate;

#[component]
pub fn Home() -> impl IntoView {
    let c = use_ctx();
    move || match c.settings.get().mode {
        None => Welcome().into_any(),
        Some(Mode::Organization) => view! { <Redirect path="/people" /> }.into_any(),
        Some(Mode::Personal { person_id: Some(id) }) => view! { <Redirect path=format!("/people/{id}") /> }.into_any(),
        Some(Mode::Personal { person_id: None }) => view! { <Redirect path="/me/new" /> }.into_any(),
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::WelcomeTitle)));
    let navigate = use_navigate();
    let failed = RwSignal::new(false);
    let choose = move |mode: Mode| {
        let navigate = navigate.clone();
        let next = if mode == Mode::Organization { "/people" } else { "/me/new" };
        leptos::task::spawn_local(async move {
            let settings = Settings { mode: Some(mode) };
            match db().save_settings(&settings).await {
                Ok(()) => {
                    c.settings.set(settings);
                    navigate(next, Default::default());
                }
                Err(_) => failed.set(true),
            }
        });
    };
    let choose_personal = {
        let choose = choose.clone();
        move |_| choose(Mode::Personal { person_id: None })
    };
    let choose_org = move |_| choose(Mode::Organization);
    view! {
        <section class="welcome">
            <h1>{move || c.t(Msg::WelcomeTitle)}</h1>
            <p class="lead">{move || c.t(Msg::WelcomeIntro)}</p>
            <h2>{move || c.t(Msg::ChooseMode)}</h2>
            <div class="choices">
                <button type="button" class="choice" on:click=choose_personal>
                    <span class="choice-title">{move || c.t(Msg::ModePersonalTitle)}</span>
                    <span class="choice-body">{move || c.t(Msg::ModePersonalBody)}</span>
                </button>
                <button type="button" class="choice" on:click=choose_org>
                    <span class="choice-title">{move || c.t(Msg::ModeOrgTitle)}</span>
                    <span class="choice-body">{move || c.t(Msg::ModeOrgBody)}</span>
                </button>
            </div>
            {move || failed.get().then(|| view! { <p class="alert alert-error" role="alert">{c.t(Msg::SaveFailed)}</p> })}
            <p class="note">{move || c.t(Msg::PrivacyNote)}</p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::NotFoundTitle)));
    view! {
        <section>
            <h1>{move || c.t(Msg::NotFoundTitle)}</h1>
            <p>{move || c.t(Msg::NotFoundBody)}</p>
            <p><A href="/">{move || c.t(Msg::GoHome)}</A></p>
        </section>
    }
}
