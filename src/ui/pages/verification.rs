//! The verification list (`/verification`, for trainers and HR): every training people
//! reported themselves, and everything that came in a record file from another employer,
//! oldest first, with its evidence and where it came from; verify, reject, confirm or set
//! aside from the list. The rules are `domain::verification`.

use super::person_assignments::Verification;
use super::{load_snapshot, Whose};
use crate::domain::completion::FromFile;
use crate::domain::ladders::person::{Attestation, Placement};
use crate::domain::verification::{confirm_attestation, confirm_placement, queue, Waiting};
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx, Undo};
use leptos::prelude::*;

/// "From a record file exported by Clínica del Valle on October 2, 2026".
pub(super) fn origin_line(l: crate::domain::text::Locale, o: &FromFile) -> String {
    i18n::fmt(l, Fmt::FromRecordFile, &[("by", i18n::s(o.exported_by.clone())), ("date", i18n::s(i18n::date(l, o.exported_on)))])
}

/// An attestation or placement that came in a record file, owned by its row.
#[derive(Clone)]
pub enum Unconfirmed {
    Attestation(Attestation),
    Placement(Placement),
}

/// Confirm an attestation or placement that came in a record file, or set it aside (it goes
/// to the trash, from where it can come back).
#[component]
pub fn Confirmation(what: Unconfirmed) -> impl IntoView {
    let c = use_ctx();
    // Each action is the record as it becomes (confirmed, or removed to the trash), saved
    // the same way for both kinds, with the record as it was to undo.
    let (confirmed, aside, undo) = match what {
        Unconfirmed::Attestation(a) => (
            Unconfirmed::Attestation(confirm_attestation(&a)),
            Unconfirmed::Attestation(Attestation { removed: true, ..a.clone() }),
            Undo::Attestation(a),
        ),
        Unconfirmed::Placement(p) => (
            Unconfirmed::Placement(confirm_placement(&p)),
            Unconfirmed::Placement(Placement { removed: true, ..p.clone() }),
            Undo::Placement(p),
        ),
    };
    let save = move |c: Ctx, after: Unconfirmed, done: Msg, undo: Undo| {
        c.write(
            async move {
                match after {
                    Unconfirmed::Attestation(a) => db().save_attestation(&a).await,
                    Unconfirmed::Placement(p) => db().save_placement(&p).await,
                }
            },
            Some(done),
            Some(undo),
        );
    };
    let undo_aside = undo.clone();
    let confirm = move |c: Ctx| save(c, confirmed.clone(), Msg::ConfirmedDone, undo.clone());
    let set_aside = move |c: Ctx| save(c, aside.clone(), Msg::SetAsideDone, undo_aside.clone());
    let org = c.settings.with_untracked(|s| !s.is_personal());
    view! {
        <span class="badge status-due_soon">{tr(Msg::AwaitingConfirmation)}</span>
        {org.then(|| view! {
            <span class="row-actions">
                <button type="button" class="primary" on:click=move |_| confirm(c)>{tr(Msg::ConfirmAction)}</button>
                <button type="button" on:click=move |_| set_aside(c)>{tr(Msg::SetAsideAction)}</button>
            </span>
        })}
    }
}

#[component]
pub fn VerificationQueue() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::VerificationTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let body = move || {
        let l = c.locale.get();
        let snap = match snapshot.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(snap)) => snap,
        };
        let items = queue(&snap.records);
        if items.is_empty() {
            return view! { <p class="empty" id="verification-empty">{c.t(Msg::NothingToVerify)}</p> }.into_any();
        }
        let count = i18n::fmt(l, Fmt::WaitingCount, &[("count", i18n::n(items.len() as f64))]);
        let rows = items
            .iter()
            .map(|item| {
                let (what, evidence, action) = match &item.what {
                    Waiting::Training(done) => {
                        let evidence = [done.provider.as_str(), done.certificate_number.as_str(), done.notes.as_str()]
                            .into_iter()
                            .filter(|s| !s.trim().is_empty())
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let line = format!("{} · {} · {}", snap.training_name(l, &done.training_id), i18n::date(l, done.completed_on), i18n::hours(l, done.hours));
                        (line, evidence, view! { <Verification done=(*done).clone() /> }.into_any())
                    }
                    Waiting::Attestation(a) => {
                        let line = format!("{} · {}", crate::i18n::ladders::attestation_kind(l, &a.kind), i18n::date(l, a.on));
                        let evidence = [a.attested_by.as_str(), a.note.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ");
                        (line, evidence, view! { <Confirmation what=Unconfirmed::Attestation((*a).clone()) /> }.into_any())
                    }
                    Waiting::Placement(p) => {
                        let ladder = snap.ladders.iter().find(|x| x.id == p.ladder_id);
                        let step = ladder.and_then(|x| x.steps.iter().find(|s| s.id == p.step_id)).map_or_else(|| p.step_id.clone(), |s| s.title.get(l).to_owned());
                        let name = ladder.map_or_else(|| p.ladder_id.clone(), |x| x.name.get(l).to_owned());
                        let line = format!("{name} · {step} · {}", i18n::since(l, p.effective));
                        let evidence = crate::i18n::ladders::money(l, p.hourly);
                        (line, evidence, view! { <Confirmation what=Unconfirmed::Placement((*p).clone()) /> }.into_any())
                    }
                };
                let kind = match item.what {
                    Waiting::Training(_) => Msg::WaitingTraining,
                    Waiting::Attestation(_) => Msg::WaitingAttestation,
                    Waiting::Placement(_) => Msg::WaitingPlacement,
                };
                let origin = item.origin.map(|o| origin_line(l, o));
                view! {
                    <tr data-key=item.key()>
                        <th scope="row" data-label=c.t(Msg::ColPerson)><a href=format!("/people/{}", item.person.id)>{item.person.name.clone()}</a></th>
                        <td data-label=c.t(Msg::ColWhat)><span class="muted">{kind.text(l)}</span>" "{what}</td>
                        <td data-label=c.t(Msg::ColSince)>{i18n::date(l, item.since)}</td>
                        <td data-label=c.t(Msg::ColEvidence)>{evidence}{origin.map(|o| view! { <p class="muted origin">{o}</p> })}</td>
                        <td data-label=c.t(Msg::ColActions)>{action}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="count" id="verification-count">{count}</p>
            <table class="list" id="verification">
                <thead><tr>
                    <th scope="col">{c.t(Msg::ColPerson)}</th>
                    <th scope="col">{c.t(Msg::ColWhat)}</th>
                    <th scope="col">{c.t(Msg::ColSince)}</th>
                    <th scope="col">{c.t(Msg::ColEvidence)}</th>
                    <th scope="col">{c.t(Msg::ColActions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section>
            <h1>{tr(Msg::VerificationTitle)}</h1>
            <p class="muted">{tr(Msg::VerificationIntro)}</p>
            {dynamic(body)}
        </section>
    }
}
