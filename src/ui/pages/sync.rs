//! Sync with an organization's CouchDB (issue #13): the settings section (address, sign-in,
//! test connection, on and off, the last sync), the header's status, and the conflicts page
//! (`/sync/conflicts`) where a person keeps one version or merges both. The protocol and the
//! rules are in `crate::sync`; this file only shows them.

use crate::domain::form::{Errors, Field};
use crate::i18n::{self, Msg};
use crate::sync::couch::Problem;
use crate::sync::engine::{self, origin, Status};
use crate::sync::local::{differences, merge, split_id, Difference};
use crate::sync::state::{check_form, SyncState};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx};
use crate::ui::fields::{checked, ErrorSummary, Input};
use leptos::prelude::*;

/// An ISO instant written the reader's way, in their time zone.
fn when(c: Ctx, iso: &str) -> String {
    let d = js_sys::Date::new(&iso.into());
    let tag = if c.locale.get() == crate::domain::text::Locale::Es { "es-US" } else { "en-US" };
    d.to_locale_string(tag, &js_sys::Object::new()).as_string().unwrap_or_else(|| iso.to_owned())
}

/// The header's word for sync, when it is on.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let c = use_ctx();
    // The region stays in the page, a link inside it to the reason and the figures. Only
    // news a person may act on is announced (offline, stopped): a pass every minute or after
    // each save would otherwise talk over them.
    let link = move || {
        let (msg, class) = match c.sync.get() {
            Status::Off => return None,
            Status::Syncing => (Msg::SyncStatusSyncing, "sync-status"),
            Status::Synced => (Msg::SyncStatusSynced, "sync-status"),
            Status::Offline => (Msg::SyncStatusOffline, "sync-status"),
            Status::Failed(_) => (Msg::SyncStatusFailed, "sync-status sync-failed"),
        };
        Some(view! { <a href="/settings#sync" class=class id="sync-status">{c.t(msg)}</a> })
    };
    let live = move || if matches!(c.sync.get(), Status::Offline | Status::Failed(_)) { "polite" } else { "off" };
    view! { <div class="sync-region" aria-live=live>{link}</div> }
}

/// The settings section: the form, what the last sync did and why a sync stopped.
#[component]
pub fn SyncSection() -> impl IntoView {
    let c = use_ctx();
    let address = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let state = RwSignal::new(SyncState::default());
    // What the last button said: connected, turned on/off, or why not.
    let outcome: RwSignal<Option<Result<Msg, Problem>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let reload = move || {
        leptos::task::spawn_local(async move {
            if let Ok(s) = db().sync_state().await {
                if address.get_untracked().is_empty() {
                    address.set(s.address.clone());
                    user.set(s.user.clone());
                }
                state.set(s);
            }
        });
    };
    // Read when shown, and again as each pass ends in a new status: its figures.
    Effect::new(move |_| {
        c.sync.track();
        reload();
    });

    let form_ok = move || checked(check_form(&address.get_untracked(), &user.get_untracked(), &password.get_untracked(), &origin()), errors).is_some();
    let run = move |turn_on: bool| {
        if busy.get_untracked() || !form_ok() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let (a, u, p) = (address.get_untracked(), user.get_untracked(), password.get_untracked());
            let mut result = engine::test(&a, u.trim(), &p).await.map(|_| Msg::SyncTestOk);
            if turn_on && result.is_ok() {
                result = engine::turn_on(&db(), &a, u.trim()).await.map(|_| Msg::SyncTurnedOn);
            }
            // The password was used once; it is not kept.
            password.set(String::new());
            outcome.set(Some(result));
            busy.set(false);
            reload();
        });
    };
    let turn_off = move |_| {
        leptos::task::spawn_local(async move {
            let result = engine::turn_off(&db()).await.map(|_| Msg::SyncTurnedOff);
            outcome.set(Some(result));
            reload();
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(true);
    };

    view! {
        <section id="sync" aria-labelledby="sync-title">
            <h2 id="sync-title">{tr(Msg::SyncTitle)}</h2>
            <p>{tr(Msg::SyncIntro)}</p>
            <p id="sync-on-off">{move || c.t(if state.with(|s| s.on) { Msg::SyncOnNote } else { Msg::SyncOffNote })}</p>
            {move || state.with(|s| s.last.clone()).map(|l| view! {
                <p id="sync-last">{i18n::sync::last(c.locale.get(), &when(c, &l.at), l.pulled, l.pushed)}</p>
                {(l.conflicts > 0).then(|| view! {
                    <p id="sync-conflicts"><strong>{i18n::sync::conflicts(c.locale.get(), l.conflicts)}</strong>" "<a href="/sync/conflicts">{c.t(Msg::SyncConflictsLink)}</a></p>
                })}
            })}
            {move || state.with(|s| if s.on { s.problem } else { None }).map(|p| view! {
                <p class="alert alert-error" id="sync-problem">{c.t(i18n::sync::problem(p))}</p>
            })}
            <form novalidate on:submit=submit id="sync-form">
                <ErrorSummary errors />
                <Input id="sync-address" label=Msg::SyncAddressLabel value=address errors field=Field::SyncAddress hint=Msg::SyncAddressHint inputmode="url" autocomplete="url" />
                <Input id="sync-user" label=Msg::SyncUserLabel value=user errors field=Field::SyncUser optional=true hint=Msg::SyncUserHint autocomplete="username" />
                <Input id="sync-password" label=Msg::SyncPasswordLabel value=password errors field=Field::SyncPassword kind="password" optional=true hint=Msg::SyncPasswordHint autocomplete="current-password" />
                <div role="status" class="alert-slot" id="sync-outcome">
                    {move || outcome.get().map(|o| match o {
                        Ok(msg) => view! { <p class="alert alert-success">{c.t(msg)}</p> }.into_any(),
                        Err(p) => view! { <p class="alert alert-error">{c.t(i18n::sync::problem(p))}</p> }.into_any(),
                    })}
                </div>
                <div class="actions">
                    <button type="submit" class="primary" id="sync-turn-on" disabled=move || busy.get()>{tr(Msg::SyncTurnOn)}</button>
                    <button type="button" id="sync-test" disabled=move || busy.get() on:click=move |_| run(false)>{tr(Msg::SyncTest)}</button>
                    {move || state.with(|s| s.on).then(|| view! {
                        <button type="button" id="sync-now" on:click=move |_| engine::request()>{c.t(Msg::SyncNow)}</button>
                        <button type="button" id="sync-turn-off" on:click=turn_off>{c.t(Msg::SyncTurnOff)}</button>
                    })}
                </div>
            </form>
        </section>
    }
}

/// One document with two (or more) live versions.
#[derive(Clone)]
struct Conflicted {
    id: String,
    label: String,
    shown: String,
    /// The other versions' texts and how each differs from the shown one.
    others: Vec<(String, Vec<Difference>)>,
}

async fn read_conflicts(c: Ctx) -> Result<Vec<Conflicted>, crate::store::StoreError> {
    let db = db();
    let metas = db.sync_metas().await?;
    let people = db.people().await?;
    let locale = c.locale.get_untracked();
    let mut out = Vec::new();
    let mut ids: Vec<&String> = metas.keys().collect();
    ids.sort();
    for id in ids {
        let meta = &metas[id];
        let versions = meta.conflicts();
        if versions.is_empty() {
            continue;
        }
        let shown = db.sync_local_text(id).await?.unwrap_or_else(|| "{}".into());
        let (store, key) = split_id(id).unwrap_or(("", id));
        let name = people.iter().find(|p| p.id == key).map(|p| p.name.clone()).unwrap_or_else(|| key.to_owned());
        let label = match store {
            "people" => format!("{}: {name}", Msg::SyncKindPeople.text(locale)),
            "person_records" => format!("{} {name}", Msg::SyncKindPersonRecords.text(locale)),
            _ => format!("{}: {id}", Msg::SyncKindOther.text(locale)),
        };
        let others = versions.into_iter().map(|(_, text)| {
            let d = differences(&shown, &text);
            (text, d)
        }).collect();
        out.push(Conflicted { id: id.clone(), label, shown, others });
    }
    Ok(out)
}

fn keep(c: Ctx, id: String, text: String) {
    c.write(Box::pin(async move { db().sync_resolve(&id, &text).await }), Some(Msg::SyncResolved), None);
}

#[component]
pub fn ConflictsPage() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::SyncConflictsTitle)));
    let list = LocalResource::new(move || {
        c.revision.track();
        c.locale.track();
        read_conflicts(c)
    });
    let body = move || {
        let items = match list.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(items)) => items,
        };
        if items.is_empty() {
            return view! { <p class="empty" id="conflicts-empty">{c.t(Msg::SyncConflictsNone)}</p> }.into_any();
        }
        items
            .into_iter()
            .map(|item| {
                let versions = item.others.into_iter().map(|(other, diffs)| {
                    let rows = diffs.into_iter().map(|d| view! {
                        <tr>
                            <th scope="row">{i18n::sync::field(c.locale.get_untracked(), &d.field)}</th>
                            <td data-label=c.t(Msg::SyncShown)>{d.shown}</td>
                            <td data-label=c.t(Msg::SyncOther)>{d.other}</td>
                        </tr>
                    }).collect_view();
                    let (id1, id2, id3) = (item.id.clone(), item.id.clone(), item.id.clone());
                    let (shown1, shown2, other1, other2) = (item.shown.clone(), item.shown.clone(), other.clone(), other.clone());
                    view! {
                        <div class="table-wrap">
                            <table class="list conflict">
                                <thead><tr><th scope="col">{c.t(Msg::SyncField)}</th><th scope="col">{c.t(Msg::SyncShown)}</th><th scope="col">{c.t(Msg::SyncOther)}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        <p class="hint">{c.t(Msg::SyncMergeHint)}</p>
                        <div class="actions">
                            <button type="button" class="keep-shown" on:click=move |_| keep(c, id1.clone(), shown1.clone())>{c.t(Msg::SyncKeepShown)}</button>
                            <button type="button" class="keep-other" on:click=move |_| keep(c, id2.clone(), other1.clone())>{c.t(Msg::SyncKeepOther)}</button>
                            <button type="button" class="merge" on:click=move |_| keep(c, id3.clone(), merge(&shown2, &other2))>{c.t(Msg::SyncMerge)}</button>
                        </div>
                    }
                }).collect_view();
                view! {
                    <article class="card conflict-card" data-doc=item.id.clone()>
                        <h2>{item.label}</h2>
                        {versions}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section>
            <h1>{tr(Msg::SyncConflictsTitle)}</h1>
            <p>{tr(Msg::SyncConflictsIntro)}</p>
            {dynamic(body)}
        </section>
    }
}
