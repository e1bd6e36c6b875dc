//! The people list: search as you type, archived people on request. Both are in the URL
//! (`?q=…&archived=1`), so a search can be bookmarked and survives a reload.

use super::load_people;
use crate::domain::catalog::builtin_trainings;
use crate::domain::date::DateExt;
use crate::domain::person::{self, Person};
use crate::domain::text::fold;
use crate::domain::training::effective_catalog;
use crate::export::records;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, use_ctx, tr};
use crate::ui::query::{query_state, History};
use leptos::prelude::*;

const PAGE: usize = 100;

/// The people CSV or the completions CSV (docs/records-csv.md), everyone included.
fn download_csv(c: crate::ui::ctx::Ctx, completions: bool) {
    leptos::task::spawn_local(async move {
        let read = async {
            let everyone = db().everyone().await?;
            let stored = db().stored_training_types().await?;
            Ok::<_, crate::store::StoreError>((everyone, stored))
        };
        let Ok((everyone, stored)) = read.await else { return c.notify(Msg::DbFailed, None) };
        let bom = c.settings.with_untracked(|s| s.csv_bom);
        let today = browser::today().to_iso();
        let mut people: Vec<&Person> = everyone.people.iter().collect();
        people.sort_by_key(|p| fold(&p.name));
        if completions {
            let trainings: Vec<_> = effective_catalog(&builtin_trainings(), &stored).into_iter().map(|e| e.training).collect();
            let rows: Vec<_> = people.iter().map(|p| (*p, everyone.facts(p).completions)).collect();
            let text = records::completions_csv(c.locale.get_untracked(), &rows, &trainings);
            browser::download_csv(&format!("escalera-completions-{today}.csv"), &text, bom);
        } else {
            let people: Vec<Person> = people.into_iter().cloned().collect();
            browser::download_csv(&format!("escalera-people-{today}.csv"), &records::people_csv(&people), bom);
        }
    });
}

#[component]
pub fn PeopleList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::PeopleTitle)));
    let people = load_people(c);
    let query = query_state("q", History::Replace);
    let archived_param = query_state("archived", History::Push);
    let show_archived = Signal::derive(move || archived_param.with(|a| a == "1"));
    // Rows rendered at once: typing stays fast at thousands of people; "Show more" adds a page.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        query.track();
        show_archived.track();
        limit.set(PAGE);
    });

    let rows = move || {
        let locale = c.locale.get();
        let all = match people.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(all)) => all,
        };
        let archived = show_archived.get();
        let matches = query.with(|q| person::search(&all, q, archived));
        let total = matches.len();
        let found: Vec<_> = matches.into_iter().take(limit.get()).cloned().collect();
        let more = found.len() < total;
        if found.is_empty() {
            let msg = if !query.with(|q| q.trim().is_empty()) {
                Msg::NoMatches
            } else if archived {
                Msg::NoArchivedPeople
            } else {
                Msg::NoPeopleYet
            };
            return view! { <p class="empty">{c.t(msg)}</p> }.into_any();
        }
        view! {
            <p class="count" aria-live="polite">{if more {
                i18n::showing_of(locale, found.len(), total)
            } else {
                i18n::people_count(locale, total)
            }}</p>
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{c.t(Msg::ColName)}</th>
                        <th scope="col">{c.t(Msg::ColWorkerType)}</th>
                        <th scope="col">{c.t(Msg::ColRole)}</th>
                        <th scope="col">{c.t(Msg::ColProgram)}</th>
                    </tr>
                </thead>
                <tbody>
                    {found.into_iter().map(|p| view! {
                        <tr>
                            <td data-label=c.t(Msg::ColName)><a href=format!("/people/{}", p.id)>{p.name.clone()}</a></td>
                            <td data-label=c.t(Msg::ColWorkerType)>{i18n::worker_type(locale, p.worker_type)}</td>
                            <td data-label=c.t(Msg::ColRole)>{p.role_title.clone()}</td>
                            <td data-label=c.t(Msg::ColProgram)>{p.program.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {more.then(|| view! {
                <p><button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>{tr(Msg::ShowMore)}</button></p>
            })}
        }
        .into_any()
    };

    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::PeopleTitle)}</h1>
                <a href="/people/new" class="button primary">{tr(Msg::AddPerson)}</a>
            </div>
            <div class="toolbar" role="search">
                <div class="field grow">
                    <label for="people-search">{tr(Msg::SearchPeople)}</label>
                    <input id="people-search" type="search" bind:value=query placeholder=tr(Msg::SearchPeopleHint) autocomplete="off" />
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=show_archived
                        on:change=move |ev| archived_param.set(if event_target_checked(&ev) { "1".into() } else { String::new() }) />
                    {tr(Msg::ShowArchived)}
                </label>
            </div>
            {dynamic(rows)}
            <p class="actions">
                <button type="button" id="people-csv" on:click=move |_| download_csv(c, false)>{tr(Msg::PeopleCsv)}</button>
                <button type="button" id="completions-csv" on:click=move |_| download_csv(c, true)>{tr(Msg::CompletionsCsv)}</button>
            </p>
            <super::roster_import::RosterImport />
            <super::roster_import::RosterImport completions=true />
            <super::record_file::RecordImport />
            <super::backup::LastBackupLine />
            <p class="muted"><a href="/verification" id="verification-link">{tr(Msg::VerificationLink)}</a></p>
            <p class="muted"><a href="/trash">{tr(Msg::TrashLink)}</a></p>
        </section>
    }
}
