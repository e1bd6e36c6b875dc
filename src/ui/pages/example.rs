//! "Explore with example data": the first-run screen loads the shipped example organization
//! (`public/example-data.json`, an ordinary backup file) through the same restore path as any
//! backup, moved to today's date (`domain::example_data`). While it is loaded a banner says
//! so, and one click removes all of it and returns to the first-run choice.

use crate::domain::backup::BackupData;
use crate::domain::example_data;
use crate::domain::settings::Settings;
use crate::i18n::Msg;
use crate::store::schema::LATEST;
use crate::ui::browser;
use crate::ui::ctx::{db, tr, use_ctx, Ctx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Fetches, restores and opens the example organization; `failed` is set when it cannot.
pub(super) fn load_example(c: Ctx, failed: RwSignal<bool>, busy: RwSignal<bool>, done: impl Fn() + 'static) {
    busy.set(true);
    leptos::task::spawn_local(async move {
        let text = match gloo_net::http::Request::get("/example-data.json").send().await {
            Ok(response) if response.ok() => response.text().await.ok(),
            _ => None,
        };
        let data = text.and_then(|t| BackupData::from_file(&t, LATEST).ok());
        let Some(data) = data else {
            busy.set(false);
            return failed.set(true);
        };
        let data = c.settings.with_untracked(|here| example_data::for_today(data, browser::today()).keeping_device_facts_of(here));
        match db().restore(&data).await {
            Ok(()) => {
                c.settings.set(data.settings.clone());
                c.changed();
                done();
            }
            Err(_) => failed.set(true),
        }
        busy.set(false);
    });
}

/// The banner shown on every page while the example organization is loaded.
#[component]
pub fn ExampleBanner() -> impl IntoView {
    let c = use_ctx();
    let navigate = use_navigate();
    let remove = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            // Back to a device with nothing on it; its own backup facts stay.
            let empty = c.settings.with_untracked(|here| BackupData { settings: Settings::default(), ..BackupData::default() }.keeping_device_facts_of(here));
            match db().restore(&empty).await {
                Ok(()) => {
                    c.settings.set(empty.settings.clone());
                    c.changed();
                    c.notify(Msg::ExampleRemoved, None);
                    navigate("/", Default::default());
                }
                Err(_) => c.notify(Msg::DbFailed, None),
            }
        });
    };
    view! {
        <Show when=move || c.settings.with(|s| s.example_data)>
            <div class="alert alert-info example-banner" id="example-banner">
                <p><strong>{tr(Msg::ExampleBannerTitle)}</strong>" "{tr(Msg::ExampleBannerBody)}</p>
                <button type="button" on:click=remove.clone()>{tr(Msg::ExampleRemove)}</button>
            </div>
        </Show>
    }
}
