//! One training type: what it covers, how long it stays valid, where that rule comes from,
//! who has completed it, and recording a new completion.

use super::completion_form::CompletionForm;
use super::trainings::origin_badge;
use super::{load_catalog, load_snapshot, page_id, Whose};
use crate::domain::competency;
use crate::domain::completion::{history, Completion};
use crate::domain::person::{self, Person};
use crate::domain::training::{Origin, TrainingType};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, tr};
use crate::domain::date::newest_first_with_start;
use leptos::prelude::*;

#[component]
pub fn TrainingPage(id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let catalog = load_catalog(c);
    // Who has completed it: everyone's records (in "my own record" mode, just mine).
    let snapshot = load_snapshot(c, Whose::Everyone);
    let entry = Memo::new(move |_| {
        catalog.get().and_then(Result::ok).and_then(|all| all.into_iter().find(|e| e.training.id == id.get()))
    });
    let exists = Memo::new(move |_| entry.with(Option::is_some));
    Effect::new(move |_| {
        if let Some(e) = entry.get() {
            browser::set_title(e.training.name.get(c.locale.get()));
        }
    });
    let active_people = Signal::derive(move || {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => person::search(&snap.records.people, "", false).into_iter().cloned().collect::<Vec<Person>>(),
            _ => Vec::new(),
        })
    });
    let just_this = Signal::derive(move || entry.get().map(|e| vec![e.training]).unwrap_or_default());

    let details = move || {
        let locale = c.locale.get();
        let Some(e) = entry.get() else {
            return match catalog.get() {
                None => view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(_) => super::NotFound().into_any(),
            };
        };
        let t = e.training.clone();
        let retire = {
            let t = t.clone();
            move |_| {
                let after = TrainingType { retired: !t.retired, ..t.clone() };
                c.write(async move { db().save_training_type(&after).await }, Some(Msg::Saved), None);
            }
        };
        let reset = {
            let id = t.id.clone();
            move |_| {
                let id = id.clone();
                c.write(async move { db().reset_builtin_training_type(&id).await }, Some(Msg::OriginalRestored), None);
            }
        };
        let competencies: Vec<&'static str> = t
            .competencies
            .iter()
            .filter_map(|id| competency::find(id))
            .map(|k| if locale == crate::domain::text::Locale::Es { k.es } else { k.en })
            .collect();
        view! {
            <div class="page-head">
                <div>
                    <h1>{t.name.get(locale).to_owned()}</h1>
                    <p><span class="badge">{c.t(origin_badge(e.origin))}</span>
                       {t.source.verify.then(|| view! { " "<span class="badge badge-verify">{c.t(Msg::BadgeVerify)}</span> })}</p>
                </div>
                <div class="actions">
                    <a href=format!("/trainings/{}/edit", t.id) class="button">
                        {c.t(if e.origin == Origin::BuiltIn { Msg::Customise } else { Msg::Edit })}
                    </a>
                    {(e.origin == Origin::Customised).then(|| view! { <button type="button" on:click=reset>{c.t(Msg::ResetToOriginal)}</button> })}
                    <button type="button" on:click=retire>{c.t(if t.retired { Msg::Unretire } else { Msg::Retire })}</button>
                </div>
            </div>
            {t.retired.then(|| view! { <p class="alert alert-warning">{c.t(Msg::RetiredBanner)}</p> })}
            {(e.origin == Origin::Customised).then(|| view! { <p class="alert alert-info">{c.t(Msg::CustomisedNote)}</p> })}
            {t.source.verify.then(|| view! { <p class="alert alert-info">{c.t(Msg::VerifyNote)}</p> })}
            <dl class="facts-grid">
                <dt>{c.t(Msg::ColCategory)}</dt><dd>{i18n::category(locale, t.category)}</dd>
                <dt>{c.t(Msg::ColTypicalHours)}</dt><dd>{i18n::hours(locale, t.typical_hours)}</dd>
                <dt>{c.t(Msg::ColValidity)}</dt><dd><span class="validity-now">{i18n::validity(locale, t.validity)}</span>
                    {(!t.validity_history.is_empty()).then(|| {
                        let earlier = newest_first_with_start(&t.validity_history, |v| v.until).into_iter().map(|(from, v)| view! {
                            <li><span class="when">{i18n::validity_version(locale, from, v.until, &v.changed_by, v.changed_on)}</span>" "{i18n::validity(locale, v.validity)}</li>
                        }).collect_view();
                        view! {
                            <details class="history">
                                <summary>{i18n::rule_history_count(locale, t.validity_history.len())}</summary>
                                <ol>
                                    <li><span class="when">{i18n::validity_now(locale, t.validity_from())}</span>" "{i18n::validity(locale, t.validity)}</li>
                                    {earlier}
                                </ol>
                            </details>
                        }
                    })}
                </dd>
                {t.default_ce_category.map(|k| view! { <dt>{c.t(Msg::CountsAsCe)}</dt><dd>{i18n::ce_category(locale, k)}</dd> })}
                {t.effective_from.map(|d| view! { <dt>{c.t(Msg::AppliesFrom)}</dt><dd>{i18n::date(locale, d)}</dd> })}
                <dt>{c.t(Msg::Source)}</dt>
                <dd>{if t.source.url.is_empty() {
                    view! { <span>{t.source.title_in(locale).to_owned()}</span> }.into_any()
                } else {
                    view! { <a href=t.source.url.clone() rel="noopener noreferrer" target="_blank">{
                        if t.source.title.is_empty() { t.source.url.clone() } else { t.source.title_in(locale).to_owned() }
                    }</a> }.into_any()
                }}</dd>
            </dl>
            <h2>{c.t(Msg::Competencies)}</h2>
            {if competencies.is_empty() {
                view! { <p class="empty">{c.t(Msg::NoCompetencies)}</p> }.into_any()
            } else {
                view! { <ul class="competencies">{competencies.into_iter().map(|k| view! { <li>{k}</li> }).collect_view()}</ul> }.into_any()
            }}
        }
        .into_any()
    };

    let who = move || {
        let locale = c.locale.get();
        let rows: Vec<_> = snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let training_id = id.get();
            let done: Vec<Completion> = snap.records.completions_of_training(&training_id).cloned().collect();
            let h = history(&done, &snap.catalog, |_| true);
            let names: std::collections::HashMap<&str, &str> = snap.records.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
            Some(h.entries.iter().map(|d| {
                let name = names.get(d.person_id.as_str()).copied().unwrap_or_default().to_owned();
                (d.person_id.clone(), name, i18n::date(locale, d.completed_on), i18n::hours(locale, d.hours))
            }).collect())
        })?;
        Some(view! {
            <h2>{c.t(Msg::CompletionsRecorded)}</h2>
            {if rows.is_empty() {
                view! { <p class="empty">{c.t(Msg::NoCompletionsOfTraining)}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{c.t(Msg::ColPerson)}</th>
                            <th scope="col">{c.t(Msg::ColDate)}</th>
                            <th scope="col" class="num">{c.t(Msg::ColHours)}</th>
                        </tr></thead>
                        <tbody>{rows.into_iter().map(|(pid, name, date, hours)| view! {
                            <tr>
                                <td data-label=c.t(Msg::ColPerson)><a href=format!("/people/{pid}")>{name}</a></td>
                                <td data-label=c.t(Msg::ColDate)>{date}</td>
                                <td data-label=c.t(Msg::ColHours) class="num">{hours}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                }.into_any()
            }}
        })
    };

    let own_person = c.settings.with_untracked(|s| s.own_person_id().map(str::to_owned));
    view! {
        <section>
            {dynamic(details)}
            <Show when=move || exists.get() && entry.with(|e| e.as_ref().is_some_and(|e| !e.training.retired))>
                <div class="card">
                <h2>{tr(Msg::RecordTraining)}</h2>
                {match own_person.clone() {
                    Some(me) => view! { <CompletionForm training_id=id.get_untracked() person_id=me trainings=just_this /> }.into_any(),
                    None => view! { <CompletionForm training_id=id.get_untracked() trainings=just_this people=active_people /> }.into_any(),
                }}
                </div>
            </Show>
            {dynamic(who)}
        </section>
    }
}
