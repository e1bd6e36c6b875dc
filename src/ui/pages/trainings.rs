//! The training catalog: built-in, customised and the organization's own types.

use super::load_catalog;
use crate::domain::text::fold;
use crate::domain::training::{CatalogEntry, Origin};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, use_ctx, tr};
use leptos::prelude::*;

/// The badge that says where an entry comes from.
pub fn origin_badge(origin: Origin) -> Msg {
    match origin {
        Origin::BuiltIn => Msg::BadgeBuiltIn,
        Origin::Customised => Msg::BadgeCustomised,
        Origin::Own => Msg::BadgeOwn,
    }
}

#[component]
pub fn TrainingList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::TrainingsTitle)));
    let catalog = load_catalog(c);
    let query = RwSignal::new(String::new());
    let show_retired = RwSignal::new(false);

    let rows = move || {
        let locale = c.locale.get();
        let entries = match catalog.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(e)) => e,
        };
        let q = query.with(|q| fold(q));
        let retired = show_retired.get();
        let found: Vec<CatalogEntry> = entries
            .into_iter()
            .filter(|e| e.training.retired == retired)
            .filter(|e| e.training.matches(&q, i18n::category(locale, e.training.category)))
            .collect();
        if found.is_empty() {
            return view! { <p class="empty">{c.t(Msg::NoMatches)}</p> }.into_any();
        }
        view! {
            <p class="count">{i18n::trainings_count(locale, found.len())}</p>
            <table class="list">
                <thead><tr>
                    <th scope="col">{c.t(Msg::ColName)}</th>
                    <th scope="col">{c.t(Msg::ColCategory)}</th>
                    <th scope="col" class="num">{c.t(Msg::ColTypicalHours)}</th>
                    <th scope="col">{c.t(Msg::ColValidity)}</th>
                </tr></thead>
                <tbody>
                    {found.into_iter().map(|e| {
                        let t = e.training;
                        view! {
                            <tr>
                                <td data-label=c.t(Msg::ColName)>
                                    <a href=format!("/trainings/{}", t.id)>{t.name.get(locale).to_owned()}</a>
                                    " "<span class="badge">{c.t(origin_badge(e.origin))}</span>
                                    {t.source.verify.then(|| view! { " "<span class="badge badge-verify">{c.t(Msg::BadgeVerify)}</span> })}
                                </td>
                                <td data-label=c.t(Msg::ColCategory)>{i18n::category(locale, t.category)}</td>
                                <td data-label=c.t(Msg::ColTypicalHours) class="num">{i18n::hours(locale, t.typical_hours)}</td>
                                <td data-label=c.t(Msg::ColValidity)>{i18n::validity(locale, t.validity)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };

    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::TrainingsTitle)}</h1>
                <a href="/trainings/new" class="button primary">{tr(Msg::AddTraining)}</a>
            </div>
            <p class="lead">{tr(Msg::TrainingsIntro)}</p>
            <div class="toolbar" role="search">
                <div class="field grow">
                    <label for="training-search">{tr(Msg::SearchTrainings)}</label>
                    <input id="training-search" type="search" bind:value=query autocomplete="off" />
                </div>
                <label class="check">
                    <input type="checkbox" bind:checked=show_retired />
                    {tr(Msg::ShowRetired)}
                </label>
            </div>
            {dynamic(rows)}
        </section>
    }
}
