//! A person's assignments on their page (and so on "My progress"): what they were given, by
//! when, where they stand and what to do next; exempting them (with reason, who and when);
//! and checking a self-reported training (verify, or reject with a reason).
//!
//! Opening the page records their renewals now due and their place in cohorts with
//! assignments (`plan::to_record_for`), once.

use super::{read_plans, Snapshot};
use crate::domain::completion::{Completion, Verdict};
use crate::domain::curricula::assignment::Standing;
use crate::domain::curricula::form::{decision, exemption};
use crate::domain::curricula::plan::{board, given, to_record_for, PlanRecord, Plans};
use crate::domain::form::{Errors, Field};
use crate::i18n::training as words;
use crate::i18n::{self, Fmt, Msg};
use crate::store::StoreError;
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx};
use crate::ui::fields::{checked, Input};
use leptos::prelude::*;
use std::rc::Rc;

type Loaded<T> = LocalResource<Result<T, StoreError>>;

/// The page's trainer records, after recording what opening it records.
fn load(c: Ctx, snapshot: Loaded<Snapshot>) -> LocalResource<Option<Rc<Plans>>> {
    LocalResource::new(move || {
        c.revision.track();
        let snap = snapshot.get();
        async move {
            let snap = snap?.ok()?;
            let person = snap.records.people.first()?.clone();
            let mut plans = read_plans().await.ok()?;
            let today = browser::today();
            let ctx = snap.context(c.settings.with_untracked(|s| s.due_soon_days));
            let found = to_record_for(&plans, &snap.records, &person, ctx, &snap.step_of(today), today);
            if !found.is_empty() && db().save_plan_records(&found).await.is_ok() {
                browser::tell_other_tabs();
                plans = read_plans().await.ok()?;
            }
            Some(Rc::new(plans))
        }
    })
}

#[component]
pub fn PersonAssignments(snapshot: Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let plans = load(c, snapshot);
    let org = move || c.settings.with(|s| s.own_person_id().is_none());
    let exempting = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let by = RwSignal::new(browser::signer());
    let errors = RwSignal::new(Errors::default());

    let body = move || {
        let l = c.locale.get();
        let Some(Some(plans)) = plans.get() else { return ().into_any() };
        snapshot.with(|s| {
            let Some(Ok(snap)) = s else { return ().into_any() };
            let today = browser::today();
            let step_of = snap.step_of(today);
            let rows = board(&plans, &snap.records, &snap.catalog, given(&plans, &snap.records.people, &step_of, today), today);
            if rows.is_empty() {
                return ().into_any();
            }
            let work_name = |w: &crate::domain::curricula::assignment::Work| match w {
                crate::domain::curricula::assignment::Work::Training { training_id } => snap.training_name(l, training_id),
                crate::domain::curricula::assignment::Work::Curriculum { id, version } => {
                    plans.curricula.iter().find(|k| k.id == *id && k.version == *version).map_or_else(|| id.clone(), |k| k.name.get(l).to_owned())
                }
            };
            let items = rows
                .iter()
                .map(|r| {
                    let (word, class) = words::standing_word(l, &r.standing);
                    let detail = words::standing_detail(l, &r.standing);
                    let open = !matches!(r.standing, Standing::Complete { .. } | Standing::Exempt { .. });
                    let key = format!("{}:{}", r.assignment.id, r.person.id);
                    let name = work_name(&r.assignment.work);
                    let (assignment_id, person_id) = (r.assignment.id.clone(), r.person.id.clone());
                    let save_exemption = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let Some(x) = checked(exemption(&assignment_id, &person_id, &reason.get_untracked(), &by.get_untracked(), browser::today()), errors) else { return };
                        browser::remember_signer(&x.by);
                        exempting.set(None);
                        reason.set(String::new());
                        c.write(async move { db().save_plan_records(&[PlanRecord::Exemption(x)]).await }, Some(Msg::Saved), None);
                    };
                    let k2 = key.clone();
                    let k3 = key.clone();
                    view! {
                        <li class="assignment">
                            <p>
                                <strong>{name.clone()}</strong>" "<span class=format!("badge {class}")>{word}</span>
                                {(!detail.is_empty()).then(|| view! { " "<span>{detail}</span> })}
                            </p>
                            <p class="muted">{words::due_on(l, r.due)}{r.next.as_ref().filter(|_| open).map(|n| format!(" · {}: {}", Msg::NextToDo.text(l), snap.training_name(l, n)))}</p>
                            {(open && org()).then(|| view! {
                                <button type="button" class="link" aria-expanded=move || (exempting.get().as_deref() == Some(k2.as_str())).to_string()
                                    on:click=move |_| exempting.set(Some(k3.clone()))
                                    aria-label=format!("{}: {name}", Msg::ExemptAction.text(l))>{Msg::ExemptAction.text(l)}</button>
                            })}
                            {(exempting.get().as_deref() == Some(key.as_str())).then(|| view! {
                                <form class="inline-form" novalidate on:submit=save_exemption>
                                    <Input id="exempt-reason" label=Msg::ExemptReason value=reason errors field=Field::Reason />
                                    <Input id="exempt-by" label=Msg::DecidedByLabel value=by errors field=Field::DecidedBy autocomplete="name" />
                                    <button type="submit">{Msg::ExemptAction.text(l)}</button>
                                    <button type="button" class="link" on:click=move |_| exempting.set(None)>{Msg::Cancel.text(l)}</button>
                                </form>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card assignments" aria-labelledby="assignments-heading">
                    <h2 id="assignments-heading">{Msg::AssignmentsHeading.text(l)}</h2>
                    <ul class="assignment-list">{items}</ul>
                </section>
            }
            .into_any()
        })
    };
    view! { {dynamic(body)} }
}

/// A self-reported completion's line: pending, verified or rejected, by whom and when; in
/// organization mode, verify or reject it (with a reason) right there.
#[component]
pub fn Verification(done: Completion) -> impl IntoView {
    let c = use_ctx();
    let Some(v) = done.verification.clone() else { return ().into_any() };
    let l = c.locale.get_untracked();
    let reported = i18n::fmt(l, Fmt::ReportedBy, &[("name", i18n::s(v.reported_by.clone())), ("date", i18n::s(i18n::date(l, v.reported_on)))]);
    let decided = v.decided_on.map(|on| match v.verdict {
        Verdict::Rejected => i18n::fmt(l, Fmt::RejectedBy, &[("name", i18n::s(v.decided_by.clone())), ("date", i18n::s(i18n::date(l, on))), ("reason", i18n::s(v.reason.clone()))]),
        _ => i18n::fmt(l, Fmt::VerifiedBy, &[("name", i18n::s(v.decided_by.clone())), ("date", i18n::s(i18n::date(l, on)))]),
    });
    let (word, class) = match v.verdict {
        Verdict::Pending => (Msg::PendingVerification, "status-due_soon"),
        Verdict::Verified => (Msg::VerifiedBadge, "status-current"),
        Verdict::Rejected => (Msg::RejectedBadge, "status-expired"),
    };
    let org = c.settings.with_untracked(|s| s.own_person_id().is_none());
    let by = RwSignal::new(browser::signer());
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let id = done.id.clone();
    let decide = move |verdict: Verdict| {
        let Some((name, why)) = checked(decision(&by.get_untracked(), &reason.get_untracked(), verdict == Verdict::Rejected), errors) else { return };
        browser::remember_signer(&name);
        let mut after = done.clone();
        if after.decide(verdict, &name, browser::today(), &why) {
            let before = done.clone();
            c.write(async move { db().save_completion(&after).await }, Some(if verdict == Verdict::Verified { Msg::VerifiedDone } else { Msg::RejectedDone }), Some(crate::ui::ctx::Undo::Completion(before)));
        }
    };
    let (verify, reject) = (decide.clone(), decide);
    view! {
        <div class="verification">
            <span class=format!("badge {class}")>{word.text(l)}</span>" "<span class="muted">{reported}</span>
            {v.from_file.as_ref().map(|o| view! { " "<span class="muted origin">{super::verification::origin_line(l, o)}</span> })}
            {decided.map(|d| view! { " "<span class="muted">{d}</span> })}
            {(org && v.verdict == Verdict::Pending).then(|| view! {
                <details class="verify">
                    <summary>{tr(Msg::VerifyOrReject)}</summary>
                    <div class="inline-form">
                        <div class="field">
                            <label for=format!("verify-by-{id}")>{tr(Msg::DecidedByLabel)}</label>
                            <input id=format!("verify-by-{id}") type="text" autocomplete="name" bind:value=by aria-describedby=format!("verify-by-{id}-error") />
                            <p class="error" id=format!("verify-by-{id}-error")>{dynamic(move || errors.with(|e| e.get(Field::DecidedBy)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                        </div>
                        <div class="field">
                            <label for=format!("verify-reason-{id}")>{tr(Msg::RejectReason)}</label>
                            <input id=format!("verify-reason-{id}") type="text" bind:value=reason aria-describedby=format!("verify-reason-{id}-error") />
                            <p class="error" id=format!("verify-reason-{id}-error")>{dynamic(move || errors.with(|e| e.get(Field::Reason)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                        </div>
                        <button type="button" class="primary" on:click=move |_| verify(Verdict::Verified)>{tr(Msg::VerifyAction)}</button>
                        <button type="button" on:click=move |_| reject(Verdict::Rejected)>{tr(Msg::RejectAction)}</button>
                    </div>
                </details>
            })}
        </div>
    }
    .into_any()
}
