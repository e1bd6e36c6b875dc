//! "Explore with example data": the first-run screen loads the shipped example organization
//! (`public/example-data.json`, an ordinary backup file) through the same restore path as any
//! backup, moved to today's date (`domain::example_data`). While it is loaded a banner says
//! so; removing it asks first, can keep what the visitor made, and can be undone.

use crate::domain::backup::BackupData;
use crate::domain::example_data::{self, Made};
use crate::domain::settings::Settings;
use crate::i18n::{self, Fmt, Msg};
use crate::store::schema::LATEST;
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, refused, tr, use_ctx, Ctx, Undo};
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

/// The banner shown on every page while the example organization is loaded. Removing it asks
/// first, offers to keep what the visitor made while exploring (`example_data::made_while_exploring`)
/// and can be undone from the notice that follows.
#[component]
pub fn ExampleBanner() -> impl IntoView {
    let c = use_ctx();
    let navigate = use_navigate();
    // While the question is open: everything as it is now, and what would be kept of it.
    let open = RwSignal::new_local(None::<(BackupData, BackupData)>);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            match db().backup_data().await {
                Ok(data) => {
                    let kept = example_data::made_while_exploring(&data);
                    open.set(Some((data, kept)));
                    // An earlier notice ("Saved.") would sit over the choices on a phone.
                    c.toast.set(None);
                    browser::focus_after_render("example-remove-question");
                }
                Err(e) => c.notify(refused(&e, Msg::DbFailed), None),
            }
        });
    };
    let close = move || open.set(None);
    let remove = move |keep: bool| {
        let navigate = navigate.clone();
        let Some((was, kept)) = open.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            // Back to a device with nothing on it, or with only what they made; its own backup
            // facts stay either way.
            let after = if keep { kept } else { BackupData { settings: Settings::default(), ..BackupData::default() } };
            let after = c.settings.with_untracked(|here| after.keeping_device_facts_of(here));
            match db().restore(&after).await {
                Ok(()) => {
                    close();
                    c.settings.set(after.settings.clone());
                    c.changed();
                    navigate(if keep { "/people" } else { "/" }, Default::default());
                    let done = if keep { Msg::ExampleRemovedKept } else { Msg::ExampleRemoved };
                    c.notify(done, Some(Undo::Restore(Box::new(was))));
                }
                Err(e) => c.notify(refused(&e, Msg::DbFailed), None),
            }
        });
    };
    let question = move || {
        let (made, going) = open.with(|o| o.as_ref().map(|(was, kept)| (Made::of(kept), example_data::example_people(was))))?;
        let l = c.locale.get();
        let count = |f: Fmt, n: usize| i18n::fmt(l, f, &[("count", i18n::n(n as f64))]);
        let items: Vec<_> = [
            (Fmt::PeopleCount, made.people),
            (Fmt::MadeLadders, made.ladders),
            (Fmt::MadePayGrades, made.pay_grades),
            (Fmt::MadePromotionPlans, made.promotion_plans),
            (Fmt::MadeCatalog, made.catalog),
            (Fmt::MadeTrainingPlans, made.training_plans),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(f, n)| view! { <li>{count(f, n)}</li> })
        .collect();
        let (keep, all) = (remove.clone(), remove.clone());
        Some(view! {
            <section class="example-remove" aria-labelledby="example-remove-question">
                <h2 id="example-remove-question" tabindex="-1">{tr(Msg::ExampleRemoveQuestion)}</h2>
                <p>{count(Fmt::ExampleRemoveBody, going)}</p>
                {(!made.is_empty()).then(|| view! {
                    <p>{tr(Msg::ExampleMadeIntro)}</p>
                    <ul id="example-made">{items}</ul>
                })}
                <div class="actions">
                    {(!made.is_empty()).then(|| view! {
                        <button type="button" id="example-keep-made" class="primary" on:click=move |_| keep(true)>{tr(Msg::ExampleKeepMade)}</button>
                    })}
                    <button type="button" id="example-remove-all" class=if made.is_empty() { "primary" } else { "" } on:click=move |_| all(false)>
                        {tr(Msg::ExampleRemoveAll)}
                    </button>
                    <button type="button" on:click=move |_| close()>{tr(Msg::Cancel)}</button>
                </div>
            </section>
        })
    };
    view! {
        <Show when=move || c.settings.with(|s| s.example_data)>
            <div class="alert alert-info example-banner" id="example-banner">
                <p><strong>{tr(Msg::ExampleBannerTitle)}</strong>" "{tr(Msg::ExampleBannerBody)}</p>
                <Show when=move || open.with(Option::is_none)>
                    <button type="button" id="example-remove" on:click=ask>{tr(Msg::ExampleRemove)}</button>
                </Show>
                {dynamic(question.clone())}
            </div>
        </Show>
    }
}
