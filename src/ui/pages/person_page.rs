//! A person's page: who they are, recording a training, and their history newest first.

use super::completion_form::CompletionForm;
use super::my_path::MyPath;
use super::person_assignments::{PersonAssignments, Verification};
use super::progress::Progress;
use super::{load_snapshot, Whose, page_id};
use crate::domain::completion::{history, Completion};
use crate::domain::person::Person;
use crate::domain::training::{CatalogEntry, TrainingType};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, Ctx, Undo, tr};
use leptos::prelude::*;

/// Marks a completion removed (with undo) or restores it. Nothing is deleted.
fn set_removed(c: Ctx, completion: Completion, removed: bool) {
    let after = Completion { removed, ..completion.clone() };
    let done = removed.then_some(Msg::RecordRemoved);
    c.write(async move { db().save_completion(&after).await }, done, Some(Undo::Completion(completion)));
}

#[component]
pub fn PersonPage(id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    // One read for the whole page: the person, their records, the catalog and requirements.
    let snapshot = load_snapshot(c, Whose::One(id.get_untracked()));
    let person = move || snapshot.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).and_then(|snap| snap.records.people.first().cloned()));
    let pickable = Signal::derive(move || {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().filter(|t| !t.retired).cloned().collect::<Vec<TrainingType>>(),
            _ => Vec::new(),
        })
    });
    let exists = Memo::new(move |_| person().is_some());
    Effect::new(move |_| {
        if let Some(p) = person() {
            browser::set_title(&p.name);
        }
    });

    let header = move || {
        let locale = c.locale.get();
        match snapshot.with(|s| s.as_ref().map(|r| r.is_ok())) {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(false) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(true) => {}
        }
        let Some(p) = person() else { return super::NotFound().into_any() };
        let archive = {
            let p = p.clone();
            move |_| {
                let after = Person { archived: !p.archived, ..p.clone() };
                let msg = if after.archived { Msg::PersonArchived } else { Msg::PersonRestored };
                c.write(async move { db().save_person(&after).await }, Some(msg), Some(Undo::Person(p.clone())));
            }
        };
        let own = c.settings.with_untracked(|s| s.own_person_id() == Some(p.id.as_str()));
        let facts: Vec<String> = [
            i18n::worker_type(locale, p.worker_type).to_owned(),
            p.role_title.clone(),
            [p.organization.as_str(), p.program.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · "),
            p.hire_date.map(|d| i18n::hired_on(locale, d)).unwrap_or_default(),
            p.email.clone(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        view! {
            <div class="page-head">
                <div>
                    <h1>{p.name.clone()}</h1>
                    <ul class="facts">{facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </div>
                <div class="actions">
                    <a href=format!("/people/{}/edit", p.id) class="button">{c.t(Msg::Edit)}</a>
                    <button type="button" id="record-download" on:click={
                        let id = p.id.clone();
                        move |_| super::record_file::download_record(c, id.clone())
                    }>{c.t(Msg::RecordDownload)}</button>
                    // One's own record is not archived away from a list: there is no list.
                    {(!own || p.archived).then(|| view! { <button type="button" on:click=archive>{c.t(if p.archived { Msg::Restore } else { Msg::Archive })}</button> })}
                </div>
            </div>
            {p.archived.then(|| view! { <p class="alert alert-warning">{c.t(if own { Msg::ArchivedOwnBanner } else { Msg::ArchivedBanner })}</p> })}
            {(!p.notes.is_empty()).then(|| view! { <p class="notes">{p.notes.clone()}</p> })}
        }
        .into_any()
    };

    let history_view = move || {
        c.locale.track(); // the table formats dates and hours for the language
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let p = snap.records.people.first()?;
            let facts = snap.records.facts(p);
            let completions = facts.completions.to_vec();
            // What each completion holds a credential until (an exam: the certification's end).
            let held = crate::domain::compliance::credential_until(facts, snap.context(c.settings.with_untracked(|s| s.due_soon_days)), browser::today());
            let held: std::collections::HashMap<String, Option<crate::domain::date::Date>> = held.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            Some(view! { <HistoryTable person=p.clone() completions catalog=snap.catalog.clone() held /> })
        })
    };

    // The record form is open at first only when there is nothing to show yet: on a phone the
    // history (what the person holds) comes first, one tap from the form. Read untracked: the
    // form must not be rebuilt (losing what was typed) each time the history reloads.
    let start_open = move || {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.records.people.first().is_some_and(|p| snap.records.facts(p).completions.iter().all(|x| x.removed)),
            _ => false,
        })
    };
    view! {
        <section>
            {dynamic(header)}
            <Show when=move || exists.get()>
                <Progress person_id=id.get_untracked() snapshot />
                <PersonAssignments snapshot />
                <MyPath person_id=id.get_untracked() snapshot />
                <details class="card record" open=untrack(start_open)>
                    <summary><h2>{tr(Msg::RecordTraining)}</h2></summary>
                    <CompletionForm person_id=id.get_untracked() trainings=pickable />
                </details>
            </Show>
            {dynamic(history_view)}
            {move || (c.settings.with(|s| s.own_person_id() == Some(id.get().as_str()))).then(|| view! { <super::backup::LastBackupLine /> })}
        </section>
    }
}

/// Downloads a training completed as an Open Badges 3.0 credential (`domain::badge`), worded
/// in the person's language, issued in the name of their organization (or of the person
/// themselves, in their own record: `Settings::issuer`).
fn download_badge(c: Ctx, person: &Person, done: &Completion, training: &TrainingType, valid_until: Option<crate::domain::date::Date>, locale: crate::domain::text::Locale) {
    let settings = c.settings.get_untracked();
    let issuer = settings.issuer(person);
    let locale = person.reading_locale(locale);
    let text = i18n::badge_text(locale, training, done, issuer);
    let badge = crate::domain::badge::Badge { person, completion: done, training, valid_until, issuer_name: issuer, locale };
    browser::download(&badge.file_name(), "application/json", &badge.to_json(&text));
}

fn training_name(catalog: &[CatalogEntry], id: &str, locale: crate::domain::text::Locale) -> String {
    catalog.iter().find(|e| e.training.id == id).map(|e| e.training.name.get(locale).to_owned()).unwrap_or_else(|| id.to_owned())
}

#[component]
fn HistoryTable(person: Person, completions: Vec<Completion>, catalog: Vec<CatalogEntry>, held: std::collections::HashMap<String, Option<crate::domain::date::Date>>) -> impl IntoView {
    let c = use_ctx();
    let locale = c.locale.get_untracked();
    let h = history(&completions, &catalog, |_| true);
    let total = i18n::hours(locale, h.total_hours);
    let not_counted = (h.not_counted_hours > crate::domain::hours::Hours::ZERO)
        .then(|| i18n::fmt(locale, i18n::Fmt::HoursNotCounted, &[("hours", i18n::s(i18n::hours(locale, h.not_counted_hours)))]));
    let rows: Vec<Completion> = h.entries.into_iter().cloned().collect();
    let removed: Vec<Completion> = completions.iter().filter(|x| x.removed).cloned().collect();
    // A credential's chain says how long a completion holds it; else the training's own rule.
    let until_of = |done: &Completion| held.get(&done.id).copied().unwrap_or_else(|| done.valid_until(&catalog));
    let valid_until = {
        move |done: &Completion| {
            if done.partial {
                return c.t(Msg::PartAttendedNotComplete).to_owned();
            }
            until_of(done).map(|d| i18n::date(locale, d)).unwrap_or_else(|| c.t(Msg::NoExpiry).to_owned())
        }
    };
    view! {
        <div class="history">
            <div class="page-head">
                <h2>{c.t(Msg::HistoryTitle)}</h2>
                <p class="total"><span>{c.t(Msg::TotalHours)}</span>" "<strong id="total-hours">{total}</strong>
                    {not_counted.map(|t| view! { <span class="muted" id="hours-not-counted">{t}</span> })}</p>
            </div>
            {if rows.is_empty() {
                view! { <p class="empty">{c.t(Msg::NoCompletionsYet)}</p> }.into_any()
            } else {
                view! {
                    <table class="list" id="history">
                        <thead><tr>
                            <th scope="col">{c.t(Msg::ColDate)}</th>
                            <th scope="col">{c.t(Msg::ColTraining)}</th>
                            <th scope="col" class="num">{c.t(Msg::ColHours)}</th>
                            <th scope="col">{c.t(Msg::ColProvider)}</th>
                            <th scope="col">{c.t(Msg::ColValidUntil)}</th>
                            <th scope="col"><span class="visually-hidden">{c.t(Msg::ColActions)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|done| {
                                let name = training_name(&catalog, &done.training_id, locale);
                                let until = valid_until(&done);
                                let remove_label = format!("{}: {}", c.t(Msg::Remove), name);
                                let remove = { let done = done.clone(); move |_| set_removed(c, done.clone(), true) };
                                let badge_label = format!("{}: {}", c.t(Msg::BadgeDownload), name);
                                let badge = {
                                    let (done, person) = (done.clone(), person.clone());
                                    let training = catalog.iter().find(|e| e.training.id == done.training_id).map(|e| e.training.clone());
                                    let until = until_of(&done);
                                    move |_| {
                                        if let Some(training) = &training {
                                            download_badge(c, &person, &done, training, until, locale);
                                        }
                                    }
                                };
                                view! {
                                    <tr>
                                        <td data-label=c.t(Msg::ColDate)>{i18n::date(locale, done.completed_on)}</td>
                                        <td data-label=c.t(Msg::ColTraining)><a href=format!("/trainings/{}", done.training_id)>{name.clone()}</a>
                                            {done.verification.is_some().then(|| view! { <Verification done=done.clone() /> })}</td>
                                        <td data-label=c.t(Msg::ColHours) class="num">{i18n::hours(locale, done.hours)}</td>
                                        <td data-label=c.t(Msg::ColProvider)>{done.provider.clone()}</td>
                                        <td data-label=c.t(Msg::ColValidUntil)>{until}</td>
                                        <td class="row-actions">
                                            {done.completes().then(|| view! { <button type="button" class="link badge-download" on:click=badge
                                                aria-label=badge_label>{c.t(Msg::BadgeDownload)}</button> })}
                                            <button type="button" class="link" on:click=remove
                                                aria-label=remove_label>{c.t(Msg::Remove)}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(!removed.is_empty()).then(|| view! {
                <details class="removed">
                    <summary>{c.t(Msg::RemovedRecords)}" ("{removed.len()}")"</summary>
                    <ul>
                        {removed.into_iter().map(|done| {
                            let name = training_name(&catalog, &done.training_id, locale);
                            let label = format!("{} · {}", i18n::date(locale, done.completed_on), name);
                            let restore = { let done = done.clone(); move |_| set_removed(c, done.clone(), false) };
                            view! { <li>{label.clone()}" "<button type="button" class="link" on:click=restore
                                aria-label=format!("{}: {}", c.t(Msg::Restore), label)>{c.t(Msg::Restore)}</button></li> }
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
}
