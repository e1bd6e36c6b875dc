//! The start page: the first-run choice of mode, then a redirect to the right home.

use crate::domain::settings::{Mode, Settings};
use crate::route::Route;
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{db, use_ctx, tr};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let c = use_ctx();
    // Once the mode is chosen, the start page is a redirect to that mode's home.
    Effect::new(move |_| match c.settings.get().mode {
        None => {}
        Some(Mode::Organization) => c.redirect(Route::People),
        Some(Mode::Personal { person_id: Some(id) }) => c.redirect(Route::Person(id)),
        Some(Mode::Personal { person_id: None }) => c.redirect(Route::MeNew),
    });
    move || c.settings.with(|s| s.mode.is_none()).then(Welcome)
}

#[component]
fn Welcome() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::WelcomeTitle)));
    let failed = RwSignal::new(false);
    let choose = move |mode: Mode| {
        let next = if mode == Mode::Organization { Route::People } else { Route::MeNew };
        leptos::task::spawn_local(async move {
            let settings = Settings { mode: Some(mode), ..c.settings.get_untracked() };
            match db().save_settings(&settings).await {
                Ok(()) => {
                    c.settings.set(settings);
                    c.changed();
                    c.go(next);
                }
                Err(_) => failed.set(true),
            }
        });
    };
    let choose_personal = move |_| choose(Mode::Personal { person_id: None });
    let choose_org = move |_| choose(Mode::Organization);
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
            {move || failed.get().then(|| view! { <p class="alert alert-error" role="alert">{c.t(Msg::SaveFailed)}</p> })}
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
