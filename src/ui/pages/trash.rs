//! The trash (`/trash`): every record removed from a person's record in the last
//! `trash::KEEP_DAYS` days, with when and until when, each one click from coming back (and
//! that click can be undone too). Archived people and retired training types and requirements
//! are listed below it: they are never purged. The rules are `domain::trash`.

use super::{load_snapshot, Snapshot, Whose};
use crate::domain::trash::{items, kept_until_restored, Removed, TrashItem, KEEP_DAYS};
use crate::domain::text::Locale;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx, Undo};
use leptos::prelude::*;

/// Saves the record back, not removed; undo puts it back in the trash.
fn restore(c: Ctx, record: Removed) {
    let (work, undo): (std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), crate::store::StoreError>>>>, Undo) = match (record.restored(), record) {
        (Removed::Completion(after), Removed::Completion(before)) => (Box::pin(async move { db().save_completion(&after).await }), Undo::Completion(before)),
        (Removed::WorkHours(after), Removed::WorkHours(before)) => (Box::pin(async move { db().save_work_hours(&after).await }), Undo::WorkHours(before)),
        (Removed::Waiver(after), Removed::Waiver(before)) => (Box::pin(async move { db().save_waiver(&after).await }), Undo::Waiver(before)),
        (Removed::Placement(after), Removed::Placement(before)) => (Box::pin(async move { db().save_placement(&after).await }), Undo::Placement(before)),
        (Removed::Attestation(after), Removed::Attestation(before)) => (Box::pin(async move { db().save_attestation(&after).await }), Undo::Attestation(before)),
        (Removed::Plan(after), Removed::Plan(before)) => (Box::pin(async move { db().save_planned_training(&after).await }), Undo::Plan(before)),
        _ => return,
    };
    c.write(work, Some(Msg::TrashRestored), Some(undo));
}

/// "Training recorded: Mental Health First Aid, March 1, 2025" and the like.
fn describe(snap: &Snapshot, locale: Locale, record: &Removed) -> (Msg, String) {
    let date = |d| i18n::date(locale, d);
    match record {
        Removed::Completion(x) => (Msg::TrashKindCompletion, format!("{}, {}", snap.training_name(locale, &x.training_id), date(x.completed_on))),
        Removed::WorkHours(x) => (Msg::TrashKindWorkHours, format!("{} – {}: {}", date(x.from), date(x.to), i18n::hours(locale, x.hours))),
        Removed::Waiver(x) => (Msg::TrashKindWaiver, snap.requirement_name(locale, &x.requirement_id)),
        Removed::Placement(x) => (Msg::TrashKindPlacement, date(x.effective)),
        Removed::Attestation(x) => (Msg::TrashKindAttestation, format!("{}, {}", x.kind, date(x.on))),
        Removed::Plan(x) => (Msg::TrashKindPlan, format!("{}, {}", snap.training_name(locale, &x.training_id), date(x.on))),
    }
}

#[component]
pub fn TrashPage() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::TrashTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let body = move || {
        let locale = c.locale.get();
        let snap = match snapshot.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(snap)) => snap,
        };
        let today = browser::today();
        let list: Vec<TrashItem> = items(snap.records.files().map(|f| &**f), today);
        let name = |id: &str| snap.records.people.iter().find(|p| p.id == id).map_or_else(|| id.to_owned(), |p| p.name.clone());
        let rows = list
            .iter()
            .map(|item| {
                let (kind, what) = describe(&snap, locale, &item.record);
                let record = item.record.clone();
                view! {
                    <tr data-record=item.record.id().to_owned()>
                        <td data-label=c.t(Msg::TrashColRemoved)>{i18n::date(locale, item.removed_on)}</td>
                        <td data-label=c.t(Msg::ColPerson)><a href=format!("/people/{}", item.person_id)>{name(&item.person_id)}</a></td>
                        <td data-label=c.t(Msg::TrashColWhat)><strong>{c.t(kind)}</strong>": "{what}</td>
                        <td data-label=c.t(Msg::TrashColKeptUntil)>{i18n::date(locale, item.kept_until)}</td>
                        <td><button type="button" on:click=move |_| restore(c, record.clone())>{c.t(Msg::Restore)}</button></td>
                    </tr>
                }
            })
            .collect_view();
        let k = kept_until_restored(&snap.records.people, &snap.catalog, &snap.entries);
        let archived: Vec<_> = k.people.iter().map(|p| (format!("/people/{}", p.id), p.name.clone())).collect();
        let retired_trainings: Vec<_> = k.trainings.iter().map(|t| (format!("/trainings/{}", t.id), t.name.get(locale).to_owned())).collect();
        let retired_requirements: Vec<_> = k.requirements.iter().map(|r| ("/requirements".to_owned(), r.name.get(locale).to_owned())).collect();
        let kept = [(Msg::TrashArchivedPeople, archived), (Msg::TrashRetiredTrainings, retired_trainings), (Msg::TrashRetiredRequirements, retired_requirements)];
        view! {
            {if list.is_empty() {
                view! { <p class="empty" id="trash-empty">{c.t(Msg::TrashEmpty)}</p> }.into_any()
            } else {
                view! {
                    <table class="list" id="trash">
                        <thead><tr>
                            <th scope="col">{c.t(Msg::TrashColRemoved)}</th>
                            <th scope="col">{c.t(Msg::ColPerson)}</th>
                            <th scope="col">{c.t(Msg::TrashColWhat)}</th>
                            <th scope="col">{c.t(Msg::TrashColKeptUntil)}</th>
                            <th scope="col"><span class="visually-hidden">{c.t(Msg::ColActions)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
            <h2>{c.t(Msg::TrashKeptTitle)}</h2>
            <p>{c.t(Msg::TrashKeptIntro)}</p>
            {kept.into_iter().filter(|(_, list)| !list.is_empty()).map(|(title, list)| view! {
                <h3>{c.t(title)}</h3>
                <ul class="trash-kept">{list.into_iter().map(|(href, name)| view! { <li><a href=href>{name}</a></li> }).collect_view()}</ul>
            }).collect_view()}
        }
        .into_any()
    };
    view! {
        <section>
            <h1>{tr(Msg::TrashTitle)}</h1>
            <p>{move || i18n::trash_intro(c.locale.get(), KEEP_DAYS as u32)}</p>
            {dynamic(body)}
        </section>
    }
}
