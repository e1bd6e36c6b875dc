//! "My path" on every person's page (the peer's home in "my own record" mode): where they
//! stand on their ladder, their pay now and at the next step, what each next step still
//! needs (with where to record it), and the date they could be ready. Below it, the records
//! that feed it: placements, attestations and planned trainings, each with undo.

use super::{Loaded, Snapshot};
use crate::domain::date::{Date, DateExt};
use crate::domain::form::{Errors, Field};
use crate::domain::ladders::board::ladder_facts;
use crate::domain::ladders::form::{AttestationDraft, PlacementDraft, PlannedTrainingDraft};
use crate::domain::ladders::ladder::Rule;
use crate::domain::ladders::person::{current, in_step_since, next_pay_step_on, Attestation, Placement, PlacementReason, PlannedTraining, BIRTH_SUPPORTED, LIVED_EXPERIENCE, PROBATION, RECOMMENDATION_LETTER, SUPERVISOR_RECOMMENDATION};
use crate::domain::ladders::readiness::{next_steps, Check, Missing};
use crate::domain::text::Locale;
use crate::i18n::ladders::{self as words, Names};
use crate::i18n::{self, DateStyle, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx, Ctx, Undo};
use crate::ui::fields::{checked, ErrorSummary, Input, Select, TextArea};
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;

/// The judged rule as a checklist: ✓ met, ✗ not, with what is missing in words and, for a
/// training not taken, a link to the training's page to record it.
fn checklist(locale: Locale, check: &Check, names: &Names) -> AnyView {
    let text = words::rule(locale, check.rule, names);
    let detail = check.missing.as_ref().filter(|_| !check.rule.is_group()).map(|m| words::missing(locale, DateStyle::Local, m, names));
    let record = match (&check.missing, check.rule) {
        (Some(Missing::Training { .. }), Rule::Training { training_id, .. }) => Some(format!("/trainings/{training_id}")),
        _ => None,
    };
    let children: Vec<AnyView> = check.children.iter().map(|c| checklist(locale, c, names)).collect();
    let state = if check.met { "met" } else { "unmet" };
    let mark = if check.met { Msg::Met } else { Msg::NotMet };
    view! {
        <li class=format!("check-item {state}")>
            <span class="mark" aria-hidden="true">{if check.met { "✓" } else { "✗" }}</span>
            <span class="visually-hidden">{mark.text(locale)}": "</span>
            <span>{text}</span>
            {detail.filter(|d| *d != words::rule(locale, check.rule, names)).map(|d| view! { <span class="muted">" — "{d}</span> })}
            {record.map(|href| view! { " "<a href=href>{Msg::RecordIt.text(locale)}</a> })}
            {(!children.is_empty()).then(|| view! { <ul class="checklist">{children}</ul> })}
        </li>
    }
    .into_any()
}

fn pay_line(locale: Locale, hourly: crate::domain::ladders::money::Cents, hours_per_year: u32) -> String {
    i18n::ladders_pay(locale, &words::money(locale, hourly), &words::money(locale, hourly.times(hours_per_year)))
}

#[component]
pub fn MyPath(person_id: String, snapshot: Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let as_of = query_state("as_of", History::Push);
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);

    let body = move || {
        let locale = c.locale.get();
        let due_soon_days = c.settings.with(|s| s.due_soon_days);
        let on = day();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let person = snap.records.people.first()?;
            let f = ladder_facts(&snap.records, person);
            let ctx = snap.context(due_soon_days);
            let set = snap.set();
            let Some(placement) = current(f.placements, on) else {
                return Some(view! { <p class="empty">{Msg::NotOnLadder.text(locale)}</p> }.into_any());
            };
            let ladder = set.ladder(&placement.ladder_id)?;
            let step = ladder.step(&placement.step_id)?;
            let since = in_step_since(f.placements, on).unwrap_or(placement.effective);
            let pay = set.pay(&f, ctx, placement.hourly, on);
            let grade = set.grade(&placement.grade_id);
            let next_pay = grade.and_then(|g| next_pay_step_on(f.placements, g, set.policy, on));
            let mut parts = vec![format!("{} {}", Msg::BaseRate.text(locale), words::money(locale, pay.base))];
            if pay.longevity.0 > 0 {
                parts.push(format!("{} {}", Msg::Longevity.text(locale), words::money(locale, pay.longevity)));
            }
            for (i, add) in &pay.differentials {
                parts.push(format!("{} {}", set.policy.differentials[*i].name.get(locale), words::money(locale, *add)));
            }
            let cards = snap.with_names(locale, |names| {
                next_steps(ladder, &step.id, &f, ctx, on)
                    .into_iter()
                    .map(|r| {
                        let next_grade = set.grade(&r.step.grade_id);
                        let next_rate = next_grade.and_then(|g| g.rate(set.policy.promotion_step(g, placement.hourly)));
                        let when = match (r.ready, r.earliest) {
                            (true, _) => Msg::ReadyNow.text(locale).to_owned(),
                            (false, Some(d)) => i18n::ready_on(locale, d, r.needs_plans),
                            (false, None) => Msg::NotReadyYet.text(locale).to_owned(),
                        };
                        let state = if r.ready { "ready" } else if r.earliest.is_some() { "soon" } else { "blocked" };
                        view! {
                            <li class="req next-step" data-step=r.step.id.clone() data-ready=r.ready.to_string()>
                                <div class="req-head">
                                    <h4>{r.step.title.get(locale).to_owned()}</h4>
                                    <span class=format!("badge readiness-{state}")>{when}</span>
                                </div>
                                {next_rate.map(|rate| view! { <p class="req-date">{Msg::PayAtNextStep.text(locale)}" "{pay_line(locale, rate, set.policy.hours_per_year)}</p> })}
                                <ul class="checklist">{checklist(locale, &r.check, names)}</ul>
                            </li>
                        }
                    })
                    .collect_view()
            });
            let top = ladder.next_steps(&step.id).is_empty();
            Some(view! {
                <dl class="facts-grid">
                    <dt>{Msg::LadderLabel.text(locale)}</dt>
                    <dd><a href=format!("/ladders/{}?person={}", ladder.id, person.id)>{ladder.name.get(locale).to_owned()}</a></dd>
                    <dt>{Msg::StepLabel.text(locale)}</dt>
                    <dd>{step.title.get(locale).to_owned()}" · "{i18n::since(locale, since)}</dd>
                    <dt>{Msg::PayNow.text(locale)}</dt>
                    <dd><strong id="pay-now">{pay_line(locale, pay.total(), set.policy.hours_per_year)}</strong>
                        {(parts.len() > 1).then(|| view! { <span class="muted">" ("{parts.join(" + ")}")"</span> })}</dd>
                    {next_pay.map(|d| {
                        // A step due before the day shown is overdue, and says so.
                        let when = if d < on { i18n::fmt(locale, Fmt::NextPayStepOverdue, &[("date", i18n::s(i18n::date(locale, d)))]) } else { i18n::date(locale, d) };
                        view! { <dt>{Msg::NextPayStep.text(locale)}</dt><dd id="next-pay-step" class=(d < on).then_some("overdue")>{when}</dd> }
                    })}
                </dl>
                {if top {
                    view! { <p class="empty">{Msg::TopOfLadder.text(locale)}</p> }.into_any()
                } else {
                    view! { <h3>{Msg::NextStepTitle.text(locale)}</h3><ul class="req-list">{cards}</ul> }.into_any()
                }}
            }
            .into_any())
        })
    };

    view! {
        <section class="card my-path" aria-labelledby="path-title">
            <h2 id="path-title">{tr(Msg::MyPathTitle)}</h2>
            {dynamic(body)}
        </section>
        <PlacementSection person_id=person_id.clone() snapshot />
        <AttestationSection person_id=person_id.clone() snapshot />
        <PlanSection person_id snapshot />
    }
}

fn removed_toggle(c: Ctx, undo: Undo) {
    let work = {
        let undo = undo.clone();
        async move {
            match undo {
                Undo::Placement(p) => db().save_placement(&Placement { removed: true, ..p }).await,
                Undo::Attestation(a) => db().save_attestation(&Attestation { removed: true, ..a }).await,
                Undo::Plan(p) => db().save_planned_training(&PlannedTraining { removed: true, ..p }).await,
                _ => Ok(()),
            }
        }
    };
    c.write(work, Some(Msg::RecordRemoved), Some(undo));
}

/// Placing the person on a ladder step, a promotion or a pay step: a new placement each time.
#[component]
fn PlacementSection(person_id: String, snapshot: Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let ladder = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let pay_step = RwSignal::new("1".to_owned());
    let hourly = RwSignal::new(String::new());
    let effective = RwSignal::new(browser::today().to_iso());
    let reason = RwSignal::new(PlacementReason::Hire.code().to_owned());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let pid = person_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PlacementDraft {
            ladder_id: ladder.get_untracked(),
            step_id: step.get_untracked(),
            grade_id: String::new(),
            pay_step: pay_step.get_untracked(),
            hourly: hourly.get_untracked(),
            effective: effective.get_untracked(),
            reason: reason.get_untracked(),
            note: note.get_untracked(),
        };
        let result = snapshot.with_untracked(|s| match s {
            Some(Ok(snap)) => draft.to_placement(&browser::new_id(), &pid, &snap.ladders, &snap.grades),
            _ => Err(Errors::default()),
        });
        let Some(p) = checked(result, errors) else { return };
        c.save(async move { db().save_placement(&p).await }, failed, Msg::Saved, move || {
            for s in [hourly, note] {
                s.set(String::new());
            }
        });
    };
    let ladder_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.ladders.iter().filter(|x| !x.example && !x.retired).map(|x| (x.id.clone(), x.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    });
    let step_options = Signal::derive(move || {
        let l = c.locale.get();
        let chosen = ladder.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.ladders.iter().find(|x| x.id == chosen).map(|x| x.steps.iter().map(|st| (st.id.clone(), st.title.get(l).to_owned())).collect()).unwrap_or_default(),
            _ => Vec::new(),
        })
    });
    let reasons = Signal::derive(move || {
        let l = c.locale.get();
        PlacementReason::ALL.iter().map(|r| (r.code().to_owned(), words::placement_reason(l, *r).to_owned())).collect()
    });
    let history = move || {
        let locale = c.locale.get();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let file = snap.records.file(&person_id)?;
            let mut list: Vec<&Placement> = file.placements.iter().filter(|p| !p.removed).collect();
            list.sort_by(|a, b| b.effective.cmp(&a.effective));
            if list.is_empty() {
                return None;
            }
            let columns = [
                Column::text(Msg::ColDate.text(locale)),
                Column::text(Msg::StepLabel.text(locale)),
                Column::num(Msg::ColRate.text(locale)),
                Column::text(Msg::ColReason.text(locale)),
                Column::hidden(Msg::ColActions.text(locale)),
            ];
            let rows = list
                .into_iter()
                .map(|p| {
                    let step = snap.ladders.iter().find(|l| l.id == p.ladder_id).and_then(|l| l.step(&p.step_id)).map(|s| s.title.get(locale).to_owned()).unwrap_or_else(|| p.step_id.clone());
                    let label = format!("{} {}", i18n::date(locale, p.effective), step);
                    let undo = Undo::Placement(p.clone());
                    let pending = p.unconfirmed.as_ref().map(|o| {
                        view! { <span class="muted origin">{super::verification::origin_line(locale, o)}</span>" "
                            <super::verification::Confirmation what=super::verification::Unconfirmed::Placement(p.clone()) /> }
                    });
                    let remove = view! {
                        {pending}
                        <button type="button" class="link" on:click=move |_| removed_toggle(c, undo.clone())
                            aria-label=format!("{}: {label}", Msg::Remove.text(locale))>{Msg::Remove.text(locale)}</button>
                    }
                    .into_any();
                    let reason = match p.note.as_str() {
                        "" => words::placement_reason(locale, p.reason).to_owned(),
                        note => format!("{} · {note}", words::placement_reason(locale, p.reason)),
                    };
                    Row::new(vec![
                        i18n::date(locale, p.effective).into(),
                        format!("{step} · {} {}", Msg::PayStepShort.text(locale), p.pay_step).into(),
                        words::money(locale, p.hourly).into(),
                        reason.into(),
                        Cell::View(remove),
                    ])
                })
                .collect();
            Some(table::table("placements", "", &columns, rows))
        })
    };
    view! {
        <details class="card record">
            <summary><h2>{tr(Msg::PlacementsTitle)}</h2></summary>
            {dynamic(history)}
            <form novalidate on:submit=submit aria-label=tr(Msg::AddPlacement)>
                <ErrorSummary errors failed />
                <Select id="placement-ladder" label=Msg::LadderLabel value=ladder options=ladder_options placeholder=Msg::ChooseLadder errors field=Field::Ladder />
                <Select id="placement-step" label=Msg::StepLabel value=step options=step_options placeholder=Msg::ChooseStep errors field=Field::Step />
                <div class="row">
                    <Input id="placement-pay-step" label=Msg::PayStepLabel value=pay_step errors field=Field::PayStep inputmode="numeric" />
                    <Input id="placement-rate" label=Msg::HourlyRateLabel value=hourly errors field=Field::Rate inputmode="decimal" optional=true hint=Msg::HourlyRateHint />
                </div>
                <Input id="placement-effective" label=Msg::EffectiveLabel value=effective errors field=Field::Effective kind="date" />
                <Select id="placement-reason" label=Msg::ColReason value=reason options=reasons />
                <TextArea id="placement-note" label=Msg::LabelNotes value=note errors field=Field::Notes />
                <div class="actions"><button type="submit" class="primary">{tr(Msg::AddPlacement)}</button></div>
            </form>
        </details>
    }
}

#[component]
fn AttestationSection(person_id: String, snapshot: Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let kind = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let on = RwSignal::new(browser::today().to_iso());
    let by = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let pid = person_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = AttestationDraft {
            kind: kind.get_untracked(),
            language: language.get_untracked(),
            other: other.get_untracked(),
            on: on.get_untracked(),
            attested_by: by.get_untracked(),
            note: note.get_untracked(),
        };
        let Some(a) = checked(draft.to_attestation(&browser::new_id(), &pid, browser::today()), errors) else { return };
        c.save(async move { db().save_attestation(&a).await }, failed, Msg::Saved, move || {
            for s in [kind, language, other, note] {
                s.set(String::new());
            }
        });
    };
    let kinds = Signal::derive(move || {
        let l = c.locale.get();
        let mut list: Vec<(String, String)> = [LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION, PROBATION, RECOMMENDATION_LETTER, BIRTH_SUPPORTED].iter().map(|k| ((*k).to_owned(), words::attestation_kind(l, k))).collect();
        list.push(("language".into(), Msg::KindLanguage.text(l).to_owned()));
        list.push(("other".into(), Msg::KindOther.text(l).to_owned()));
        list
    });
    let list = move || {
        let locale = c.locale.get();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let file = snap.records.file(&person_id)?;
            let items: Vec<&Attestation> = file.attestations.iter().filter(|a| !a.removed).collect();
            (!items.is_empty()).then(|| view! {
                <ul class="plain-list" id="attestations">{items.into_iter().map(|a| {
                    let text = format!("{}: {} · {}", words::attestation_kind(locale, &a.kind), a.attested_by, i18n::date(locale, a.on));
                    let undo = Undo::Attestation(a.clone());
                    let pending = a.unconfirmed.as_ref().map(|o| {
                        view! { " "<span class="muted origin">{super::verification::origin_line(locale, o)}</span>" "
                            <super::verification::Confirmation what=super::verification::Unconfirmed::Attestation(a.clone()) /> }
                    });
                    view! { <li>{text.clone()}{(!a.note.is_empty()).then(|| format!(" · {}", a.note))}{pending}" "
                        <button type="button" class="link" on:click=move |_| removed_toggle(c, undo.clone())
                            aria-label=format!("{}: {text}", Msg::Remove.text(locale))>{Msg::Remove.text(locale)}</button></li> }
                }).collect_view()}</ul>
            })
        })
    };
    view! {
        <details class="card record">
            <summary><h2>{tr(Msg::AttestationsTitle)}</h2></summary>
            <p class="hint">{tr(Msg::AttestationsIntro)}</p>
            {dynamic(list)}
            <form novalidate on:submit=submit aria-label=tr(Msg::AddAttestation)>
                <ErrorSummary errors failed />
                <Select id="attestation-kind" label=Msg::KindLabel value=kind options=kinds placeholder=Msg::ChooseKind errors field=Field::Kind />
                <Show when=move || kind.with(|k| k == "language")>
                    <Input id="attestation-language" label=Msg::LanguageLabel value=language errors field=Field::Language />
                </Show>
                <Show when=move || kind.with(|k| k == "other")>
                    <Input id="attestation-other" label=Msg::KindOtherLabel value=other errors field=Field::Kind />
                </Show>
                <Input id="attestation-on" label=Msg::AttestedOnLabel value=on errors field=Field::On kind="date" />
                <Input id="attestation-by" label=Msg::AttestedByLabel value=by errors field=Field::AttestedBy autocomplete="name" />
                <TextArea id="attestation-note" label=Msg::LabelNotes value=note errors field=Field::Notes />
                <div class="actions"><button type="submit" class="primary">{tr(Msg::AddAttestation)}</button></div>
            </form>
        </details>
    }
}

#[component]
fn PlanSection(person_id: String, snapshot: Loaded<Snapshot>) -> impl IntoView {
    let c = use_ctx();
    let training = RwSignal::new(String::new());
    let on = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let pid = person_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PlannedTrainingDraft { training_id: training.get_untracked(), on: on.get_untracked() };
        let Some(p) = checked(draft.to_plan(&browser::new_id(), &pid, browser::today()), errors) else { return };
        c.save(async move { db().save_planned_training(&p).await }, failed, Msg::Saved, move || {
            training.set(String::new());
            on.set(String::new());
        });
    };
    let options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().filter(|t| !t.retired).map(|t| (t.id.clone(), t.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    });
    let list = move || {
        let locale = c.locale.get();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let file = snap.records.file(&person_id)?;
            let items: Vec<&PlannedTraining> = file.plans.iter().filter(|p| !p.removed).collect();
            (!items.is_empty()).then(|| view! {
                <ul class="plain-list" id="planned">{items.into_iter().map(|p| {
                    let text = format!("{} · {}", snap.training_name(locale, &p.training_id), i18n::date(locale, p.on));
                    let undo = Undo::Plan(p.clone());
                    view! { <li>{text.clone()}" "<button type="button" class="link" on:click=move |_| removed_toggle(c, undo.clone())
                        aria-label=format!("{}: {text}", Msg::Remove.text(locale))>{Msg::Remove.text(locale)}</button></li> }
                }).collect_view()}</ul>
            })
        })
    };
    view! {
        <details class="card record">
            <summary><h2>{tr(Msg::PlannedTitle)}</h2></summary>
            <p class="hint">{tr(Msg::PlannedIntro)}</p>
            {dynamic(list)}
            <form novalidate on:submit=submit aria-label=tr(Msg::AddPlanned)>
                <ErrorSummary errors failed />
                <Select id="plan-training" label=Msg::PlannedTrainingLabel value=training options placeholder=Msg::ChooseTraining errors field=Field::Training />
                <Input id="plan-on" label=Msg::PlannedOnLabel value=on errors field=Field::On kind="date" />
                <div class="actions"><button type="submit" class="primary">{tr(Msg::AddPlanned)}</button></div>
            </form>
        </details>
    }
}
