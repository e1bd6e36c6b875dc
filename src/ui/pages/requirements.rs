//! The requirements in use: California presets (each with its source and a "verify" flag
//! where the fact is unconfirmed), the organization's edits of them, and its own.

use super::trainings::origin_badge;
use super::{load_snapshot, Whose, Snapshot};
use crate::domain::requirement::{Requirement, RequirementEntry};
use crate::domain::text::Locale;
use crate::domain::training::Origin;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx, Ctx, Undo};
use crate::domain::date::newest_first_with_start;
use leptos::prelude::*;

fn set_in_use(c: Ctx, before: Requirement, in_use: bool) {
    let after = Requirement { retired: !in_use, ..before.clone() };
    let msg = if in_use { Msg::RequirementInUse } else { Msg::RequirementNotInUse };
    c.write(async move { db().save_requirement(&after).await }, Some(msg), Some(Undo::Requirement(before)));
}

fn restore_preset(c: Ctx, edited: Requirement) {
    let id = edited.id.clone();
    c.write(async move { db().reset_preset_requirement(&id).await }, Some(Msg::PresetRestored), Some(Undo::Requirement(edited)));
}

fn applies_to(locale: Locale, r: &Requirement) -> String {
    if r.worker_types.is_empty() {
        return Msg::Everyone.text(locale).to_owned();
    }
    r.worker_types.iter().map(|w| i18n::worker_type(locale, *w)).collect::<Vec<_>>().join(", ")
}

fn row(c: Ctx, snap: &Snapshot, locale: Locale, entry: RequirementEntry) -> impl IntoView {
    let r = entry.requirement;
    let name = r.name.get(locale).to_owned();
    let summary = i18n::requirement_summary(locale, &r.rule, &|id| snap.training_name(locale, id), &|id| snap.requirement_name(locale, id));
    let in_use = !r.retired;
    let toggle = { let r = r.clone(); move |_| set_in_use(c, r.clone(), !in_use) };
    let restore = { let r = r.clone(); move |_| restore_preset(c, r.clone()) };
    let source = (!r.source.url.is_empty()).then(|| view! {
        <a href=r.source.url.clone() target="_blank" rel="noopener">{c.t(Msg::SourceLink)}</a>
    });
    // Newest first: the rule now, from when, then each earlier rule with its dates.
    let rule_words = |rule: &crate::domain::requirement::Rule| i18n::requirement_summary(locale, rule, &|id| snap.training_name(locale, id), &|id| snap.requirement_name(locale, id));
    let history = (!r.history.is_empty()).then(|| {
        let earlier = newest_first_with_start(&r.history, |v| v.until).into_iter().map(|(from, v)| {
            let line = i18n::rule_version(locale, from, v.until, &v.changed_by, v.changed_on);
            view! { <li><span class="when">{line}</span>" "{rule_words(&v.rule)}{(!v.source.title.is_empty()).then(|| format!(" ({})", v.source.title_in(locale)))}</li> }
        }).collect_view();
        view! {
            <details class="history">
                <summary>{i18n::rule_history_count(locale, r.history.len())}</summary>
                <ol>
                    <li><span class="when">{i18n::rule_now(locale, r.rule_from())}</span>" "{summary.clone()}</li>
                    {earlier}
                </ol>
            </details>
        }
    });
    view! {
        <li class="req" class:retired=!in_use data-requirement=r.id.clone()>
            <div class="req-head">
                <h2 class="h3">{name.clone()}</h2>
                <span>
                    <span class="badge">{c.t(origin_badge(entry.origin))}</span>
                    {r.source.verify.then(|| view! { " "<span class="badge badge-verify">{c.t(Msg::BadgeVerify)}</span> })}
                    {(!in_use).then(|| view! { " "<span class="badge">{c.t(Msg::NotInUse)}</span> })}
                </span>
            </div>
            <p>{summary}</p>
            <p class="muted">{c.t(Msg::AppliesTo)}" "{applies_to(locale, &r)}</p>
            {history}
            {(!r.source.title.is_empty()).then(|| view! { <p class="muted source">{r.source.title_in(locale).to_owned()}" "{source}</p> })}
            <p class="actions">
                <a class="button" href=format!("/requirements/{}/edit", r.id) aria-label=format!("{}: {name}", c.t(Msg::Edit))>{c.t(Msg::Edit)}</a>
                <button type="button" on:click=toggle aria-label=format!("{}: {name}", c.t(if in_use { Msg::StopUsing } else { Msg::UseRequirement }))>
                    {c.t(if in_use { Msg::StopUsing } else { Msg::UseRequirement })}
                </button>
                {(entry.origin == Origin::Customised).then(|| view! {
                    <button type="button" class="link" on:click=restore aria-label=format!("{}: {name}", c.t(Msg::RestorePreset))>{c.t(Msg::RestorePreset)}</button>
                })}
            </p>
        </li>
    }
}

#[component]
pub fn RequirementList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::RequirementsTitle)));
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let list = move || {
        let locale = c.locale.get();
        let snap = match snapshot.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(snap)) => snap,
        };
        let entries = snap.entries.clone();
        view! { <ul class="req-list">{entries.into_iter().map(|e| row(c, &snap, locale, e)).collect_view()}</ul> }.into_any()
    };
    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::RequirementsTitle)}</h1>
                <div class="actions">
                    <a href="/requirements/new/credential" class="button">{tr(Msg::AddCredentialRequirement)}</a>
                    <a href="/requirements/new/hours" class="button">{tr(Msg::AddHoursRequirement)}</a>
                </div>
            </div>
            <p class="lead">{tr(Msg::RequirementsIntro)}</p>
            {dynamic(list)}
        </section>
    }
}
