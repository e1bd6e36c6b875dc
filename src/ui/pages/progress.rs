//! A person's progress ("My progress" on a peer's own page): what they hold and until when,
//! CE progress per category, what to do next, the certification timeline, and the records
//! that feed the rules (hours worked, waivers). All judgements come from `domain::status`.

use super::Snapshot;
use crate::domain::calendar;
use crate::domain::compliance::next_steps;
use crate::domain::date::{Date, DateExt};
use crate::domain::form::{Errors, Field};
use crate::domain::hours::Hours;
use crate::domain::requirement::{Rule, Waiver, WorkHours};
use crate::domain::requirement_form::{WaiverDraft, WorkHoursDraft};
use crate::domain::status::{chain, evaluate_all, expired_for_want_of_hire_date, Evaluation, Status};
use crate::domain::text::Locale;
use crate::domain::date::Datelike;
use crate::i18n::{self, DateStyle, Msg};
use crate::ui::browser;
use crate::ui::query::{query_state, History};
use crate::ui::ctx::{dynamic, db, tr, use_ctx, Ctx, Undo};
use crate::ui::fields::{checked, ErrorSummary, Input, Select, TextArea};
use leptos::prelude::*;

/// The status word as a coloured badge (the colour is never the only signal: the word is there).
pub fn badge(locale: Locale, status: Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.code())>{i18n::status(locale, status)}</span> }
}

/// "16.5 of 20 hours" with a bar, labelled for screen readers; `text` says it in words.
fn bar(locale: Locale, label: String, done: Hours, required: Hours, text: Option<String>) -> impl IntoView {
    let text = text.unwrap_or_else(|| i18n::hours_of(locale, done, required));
    let value = done.min(required).hundredths().to_string();
    view! {
        <div class="bar-row">
            <span class="bar-label">{label.clone()}</span>
            <progress max=required.hundredths().max(1).to_string() value=value aria-label=format!("{label}: {text}")></progress>
            <span class="bar-text">{text}</span>
        </div>
    }
}

/// The line under a requirement's name: until when it holds, or by when it is due.
pub(super) fn date_line(locale: Locale, e: &Evaluation) -> Option<String> {
    let until = e.valid_until.map(|d| i18n::date(locale, d));
    let msg = match (e.status, &until) {
        (Status::Waived, _) => return None,
        (Status::Current | Status::DueSoon, None) => return Some(tr_text(locale, Msg::NoExpiry)),
        (Status::Current | Status::DueSoon, Some(_)) => Msg::ValidUntilLabel,
        (Status::Expired, Some(_)) => Msg::LapsedAfterLabel,
        (Status::Missing | Status::InProgress, Some(_)) => Msg::DueByLabel,
        (_, None) => return None,
    };
    Some(format!("{} {}", msg.text(locale), until.unwrap_or_default()))
}

fn tr_text(locale: Locale, msg: Msg) -> String {
    msg.text(locale).to_owned()
}

fn next_text(snap: &Snapshot, locale: Locale, e: &Evaluation) -> Option<String> {
    let training = |id: &str| snap.training_name(locale, id);
    let requirement = |id: &str| snap.requirement_name(locale, id);
    e.next.as_ref().map(|a| i18n::next_action(locale, DateStyle::Local, a, &training, &requirement))
}

fn card(c: Ctx, snap: &Snapshot, locale: Locale, e: &Evaluation, hire_hint: bool) -> impl IntoView {
    let hire_hint = hire_hint.then(|| c.t(Msg::NoHireDateHint));
    let name = snap.requirement_name(locale, &e.requirement_id);
    let hours = e.hours_done.zip(e.hours_required).map(|(done, required)| {
        let text = i18n::hours_line(locale, done, required, &e.categories);
        bar(locale, c.t(Msg::TotalHoursBar).to_owned(), done, required, Some(text))
    });
    let categories = e
        .categories
        .iter()
        .map(|k| bar(locale, i18n::ce_category(locale, k.category).to_owned(), k.done, k.required, None))
        .collect_view();
    let cycle = e.cycle.map(|(from, to)| format!("{} {} – {}", c.t(Msg::CycleLabel), i18n::date(locale, from), i18n::date(locale, to)));
    let waiver = e.waiver.as_ref().map(|w| i18n::waived_by(locale, &w.waived_by, &w.reason, w.until));
    view! {
        <li class="req" data-requirement=e.requirement_id.clone() data-status=e.status.code()>
            <div class="req-head">
                <h3>{name}</h3>
                {badge(locale, e.status)}
            </div>
            {date_line(locale, e).map(|t| view! { <p class="req-date">{t}</p> })}
            {waiver.map(|t| view! { <p class="req-date">{t}</p> })}
            {hours}
            {categories}
            {cycle.map(|t| view! { <p class="muted">{t}</p> })}
            {hire_hint.map(|t| view! { <p class="muted hire-hint">{t}</p> })}
            {next_text(snap, locale, e).map(|t| view! { <p class="next"><strong>{c.t(Msg::NextLabel)}</strong>" "{t}</p> })}
        </li>
    }
}

/// The certification timeline: every link of every credential's chain, newest first.
fn timeline(snap: &Snapshot, locale: Locale, as_of: Date, due_soon_days: u32) -> Vec<(Date, String)> {
    let Some(person) = snap.records.people.first() else { return Vec::new() };
    let facts = snap.records.facts(person);
    let ctx = snap.context(due_soon_days);
    let mut items = Vec::new();
    for r in snap.requirements.iter().filter(|r| r.applies_to(person.worker_type)) {
        let Rule::Credential(rule) = r.rule_on(as_of) else { continue };
        for link in chain(rule, facts, ctx, as_of) {
            let training = facts.completions.iter().find(|x| x.id == link.completion_id).map(|x| snap.training_name(locale, &x.training_id));
            items.push((link.completed_on, i18n::timeline_entry(locale, &r.name.get(locale).to_owned(), training.unwrap_or_default(), link.period_start, link.valid_until, link.restarted)));
        }
    }
    items.sort_by(|a, b| b.0.cmp(&a.0));
    items
}

/// `snapshot` holds this one person's records (the person page reads them once for all).
#[component]
pub fn Progress(person_id: String, snapshot: super::Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    // In the URL (`?as_of=…`), so "where will I stand on 1 March?" can be bookmarked or shared.
    let as_of = query_state("as_of", History::Push);
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);
    let this_year = browser::today().year();

    let body = move || {
        let locale = c.locale.get();
        let due_soon_days = c.settings.with(|s| s.due_soon_days);
        let day = day();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let person = snap.records.people.first()?;
            let evaluations = evaluate_all(snap.records.facts(person), snap.context(due_soon_days), day);
            // The few most urgent; every card says its own next step too.
            let steps: Vec<String> = next_steps(&evaluations)
                .into_iter()
                .take(5)
                .filter_map(|e| Some(format!("{}: {}", snap.requirement_name(locale, &e.requirement_id), next_text(snap, locale, e)?)))
                .collect();
            let cards = evaluations
                .iter()
                .map(|e| {
                    let hint = snap.requirements.iter().find(|r| r.id == e.requirement_id).is_some_and(|r| expired_for_want_of_hire_date(e, r, person, day));
                    card(c, snap, locale, e, hint)
                })
                .collect_view();
            let history = timeline(snap, locale, day, due_soon_days);
            Some(view! {
                {if evaluations.is_empty() {
                    view! { <p class="empty">{c.t(Msg::NoRequirementsApply)}" "<a href="/requirements">{c.t(Msg::NavRequirements)}</a></p> }.into_any()
                } else {
                    view! { <ul class="req-list">{cards}</ul> }.into_any()
                }}
                {(!steps.is_empty()).then(|| view! {
                    <h3>{c.t(Msg::WhatNextTitle)}</h3>
                    <ol class="steps">{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                })}
                {(!history.is_empty()).then(|| view! {
                    <h3>{c.t(Msg::TimelineTitle)}</h3>
                    <ol class="timeline">{history.into_iter().map(|(on, text)| view! {
                        <li><span class="when">{i18n::date(locale, on)}</span>" "{text}</li>
                    }).collect_view()}</ol>
                })}
            })
        })
    };

    let record_href = format!("/people/{person_id}/record/{this_year}");
    view! {
        <section class="card progress" aria-labelledby="progress-title">
            <div class="page-head">
                <h2 id="progress-title">{tr(Msg::ProgressTitle)}</h2>
                <div class="as-of">
                    <label for="progress-as-of">{tr(Msg::AsOfLabel)}</label>
                    <input id="progress-as-of" type="date" prop:value=move || day().to_iso()
                        on:input=move |ev| as_of.set(event_target_value(&ev)) />
                </div>
            </div>
            {dynamic(body)}
            <p class="actions">
                // DHCS's yearly checklist is a CHW's record.
                {move || snapshot.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).and_then(|snap| snap.records.people.first()).is_some_and(|p| p.worker_type == crate::domain::person::WorkerType::Chw))
                    .then(|| view! { <a href=record_href.clone()>{tr(Msg::YearRecordLink)}</a> })}
                <a href=format!("/people/{person_id}/transcript") id="transcript-link">{tr(Msg::TranscriptLink)}</a>
                <button type="button" id="calendar-download" on:click=move |_| download_calendar(c, snapshot)>{tr(Msg::CalendarDownload)}</button>
            </p>
        </section>
        <WorkHoursSection person_id=person_id.clone() snapshot />
        <WaiverSection person_id snapshot />
    }
}

/// The person's coming dates (from today) as an `.ics` file, in their language.
fn download_calendar(c: Ctx, snapshot: super::Loaded<Snapshot>) {
    let due_soon_days = c.settings.with_untracked(|s| s.due_soon_days);
    let today = browser::today();
    let file = snapshot.with_untracked(|s| {
        let snap = s.as_ref()?.as_ref().ok()?;
        let person = snap.records.people.first()?;
        let locale = person.reading_locale(c.locale.get_untracked());
        let evaluations = evaluate_all(snap.records.facts(person), snap.context(due_soon_days), today);
        let ahead = calendar::upcoming(&evaluations, today);
        if ahead.is_empty() {
            return Some(None);
        }
        let requirement = |id: &str| snap.requirement_name(locale, id);
        let training = |id: &str| snap.training_name(locale, id);
        let events = i18n::calendar_events(locale, &person.id, &ahead, &requirement, &training, due_soon_days, today);
        let text = calendar::to_ics(&i18n::calendar_name(locale, &person.name), &events, &calendar::stamp(&browser::now_iso()));
        Some(Some((format!("escalera-{}.ics", person.id), text)))
    });
    match file {
        Some(Some((name, text))) => {
            browser::download(&name, "text/calendar", &text);
            c.notify(Msg::CalendarDownloaded, None);
        }
        Some(None) => c.notify(Msg::CalendarNothingAhead, None),
        None => {}
    }
}

fn set_work_removed(c: Ctx, w: WorkHours, removed: bool) {
    let after = WorkHours { removed, ..w.clone() };
    c.write(async move { db().save_work_hours(&after).await }, Some(if removed { Msg::RecordRemoved } else { Msg::Saved }), Some(Undo::WorkHours(w)));
}

/// Hours worked, for the Medi-Cal CHW work-experience pathway; shown only when a requirement
/// that applies to the person counts them.
#[component]
fn WorkHoursSection(person_id: String, snapshot: super::Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let pid = person_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let draft = WorkHoursDraft { from: from.get_untracked(), to: to.get_untracked(), hours: hours.get_untracked(), notes: notes.get_untracked() };
        let Some(period) = checked(draft.to_work_hours(&browser::new_id(), &pid, browser::today()), errors) else { return };
        c.save(async move { db().save_work_hours(&period).await }, failed, Msg::Saved, move || {
            for s in [from, to, hours, notes] {
                s.set(String::new());
            }
        });
    };
    let shown = move || {
        snapshot.with(|s| {
            let Some(Ok(snap)) = s else { return false };
            let Some(p) = snap.records.people.first() else { return false };
            snap.requirements.iter().any(|r| r.applies_to(p.worker_type) && r.uses_work_hours())
        })
    };
    let list = move || {
        let locale = c.locale.get();
        let mut periods: Vec<WorkHours> = snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let person = snap.records.people.first()?;
            Some(snap.records.facts(person).work_hours.iter().filter(|w| !w.removed).cloned().collect())
        })?;
        periods.sort_by(|a, b| b.to.cmp(&a.to));
        (!periods.is_empty()).then(|| view! {
            <ul class="plain-list" id="work-hours">
                {periods.into_iter().map(|w| {
                    let label = format!("{} – {}: {} h", i18n::date(locale, w.from), i18n::date(locale, w.to), i18n::hours(locale, w.hours));
                    let remove = { let w = w.clone(); move |_| set_work_removed(c, w.clone(), true) };
                    view! { <li>{label.clone()}{(!w.notes.is_empty()).then(|| format!(" · {}", w.notes))}" "
                        <button type="button" class="link" on:click=remove aria-label=format!("{}: {}", c.t(Msg::Remove), label)>{c.t(Msg::Remove)}</button></li> }
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <Show when=shown>
            <details class="card record">
                <summary><h2>{tr(Msg::WorkHoursTitle)}</h2></summary>
                <p class="hint">{tr(Msg::WorkHoursIntro)}</p>
                {dynamic(list)}
                <form novalidate on:submit=submit.clone() aria-label=tr(Msg::AddWorkHours)>
                    <ErrorSummary errors failed />
                    <div class="row">
                        <Input id="work-from" label=Msg::LabelFrom value=from errors field=Field::From kind="date" />
                        <Input id="work-to" label=Msg::LabelTo value=to errors field=Field::To kind="date" />
                    </div>
                    <Input id="work-hours-input" label=Msg::LabelHours value=hours errors field=Field::Hours inputmode="decimal" />
                    <TextArea id="work-notes" label=Msg::LabelNotes value=notes errors field=Field::Notes />
                    <div class="actions"><button type="submit" class="primary">{tr(Msg::AddWorkHours)}</button></div>
                </form>
            </details>
        </Show>
    }
}

fn set_waiver_removed(c: Ctx, w: Waiver, removed: bool) {
    let after = Waiver { removed, ..w.clone() };
    c.write(async move { db().save_waiver(&after).await }, Some(if removed { Msg::WaiverWithdrawn } else { Msg::Saved }), Some(Undo::Waiver(w)));
}

/// Setting a requirement aside for this person, with the reason and who decided.
#[component]
fn WaiverSection(person_id: String, snapshot: super::Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let requirement = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let from = RwSignal::new(browser::today().to_iso());
    let until = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let pid = person_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let draft = WaiverDraft {
            requirement_id: requirement.get_untracked(),
            reason: reason.get_untracked(),
            waived_by: by.get_untracked(),
            from: from.get_untracked(),
            until: until.get_untracked(),
        };
        let Some(w) = checked(draft.to_waiver(&browser::new_id(), &pid), errors) else { return };
        c.save(async move { db().save_waiver(&w).await }, failed, Msg::Saved, move || {
            for s in [requirement, reason, until] {
                s.set(String::new());
            }
        });
    };
    let options = Signal::derive(move || {
        let locale = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => {
                let Some(p) = snap.records.people.first() else { return Vec::new() };
                snap.requirements.iter().filter(|r| r.applies_to(p.worker_type)).map(|r| (r.id.clone(), r.name.get(locale).to_owned())).collect()
            }
            _ => Vec::new(),
        })
    });
    let list = move || {
        let locale = c.locale.get();
        let waivers: Vec<(Waiver, String)> = snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let person = snap.records.people.first()?;
            let active = snap.records.facts(person).waivers.iter().filter(|w| !w.removed);
            Some(active.map(|w| (w.clone(), snap.requirement_name(locale, &w.requirement_id))).collect())
        })?;
        (!waivers.is_empty()).then(|| view! {
            <ul class="plain-list" id="waivers">
                {waivers.into_iter().map(|(w, name)| {
                    let text = format!("{name}: {} ({} {})", i18n::waived_by(locale, &w.waived_by, &w.reason, w.until), c.t(Msg::FromLabel), i18n::date(locale, w.from));
                    let withdraw = { let w = w.clone(); move |_| set_waiver_removed(c, w.clone(), true) };
                    view! { <li>{text}" "<button type="button" class="link" on:click=withdraw
                        aria-label=format!("{}: {}", c.t(Msg::WithdrawWaiver), name)>{c.t(Msg::WithdrawWaiver)}</button></li> }
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <details class="card record">
            <summary><h2>{tr(Msg::WaiversTitle)}</h2></summary>
            {dynamic(list)}
            <form novalidate on:submit=submit aria-label=tr(Msg::AddWaiver)>
                <ErrorSummary errors failed />
                <Select id="waiver-requirement" label=Msg::LabelRequirement value=requirement options placeholder=Msg::ChooseRequirement errors field=Field::Requirement />
                <Input id="waiver-reason" label=Msg::LabelReason value=reason errors field=Field::Reason />
                <Input id="waiver-by" label=Msg::LabelWaivedBy value=by errors field=Field::WaivedBy autocomplete="name" />
                <div class="row">
                    <Input id="waiver-from" label=Msg::LabelFrom value=from errors field=Field::From kind="date" />
                    <Input id="waiver-until" label=Msg::LabelUntil value=until errors field=Field::To kind="date" optional=true />
                </div>
                <div class="actions"><button type="submit" class="primary">{tr(Msg::AddWaiver)}</button></div>
            </form>
        </details>
    }
}
