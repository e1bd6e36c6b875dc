//! The pathways and prerequisites of a credential requirement, edited in its form: each
//! pathway's trainings, hours worked, years of experience, evidence on file, and what meeting
//! it does. Every field is its own signal, so typing redraws only that field; the list is
//! redrawn when a pathway is added or removed. Validation is `requirement_form::PathwayDraft`'s.

use crate::domain::form::{Errors, Field};
use crate::domain::requirement::{AttestationNeed, ProvisionalClock};
use crate::domain::requirement_form::{PathwayDraft, WhenMet};
use crate::i18n::{self, Msg};
use crate::ui::ctx::{dynamic, tr, use_ctx};
use crate::ui::fields::check_list;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PathwayUi {
    key: u32,
    name_en: RwSignal<String>,
    name_es: RwSignal<String>,
    trainings: RwSignal<Vec<String>>,
    work_hours: RwSignal<String>,
    work_months: RwSignal<String>,
    experience_years: RwSignal<String>,
    experience_within: RwSignal<String>,
    letters: RwSignal<String>,
    letters_within: RwSignal<String>,
    births: RwSignal<String>,
    when_met: RwSignal<String>,
    provisional_months: RwSignal<String>,
    clock: RwSignal<String>,
    other: StoredValue<Vec<AttestationNeed>>,
}

impl PathwayUi {
    pub fn new(key: u32, d: PathwayDraft) -> PathwayUi {
        PathwayUi {
            key,
            name_en: RwSignal::new(d.name_en),
            name_es: RwSignal::new(d.name_es),
            trainings: RwSignal::new(d.trainings),
            work_hours: RwSignal::new(d.work_hours),
            work_months: RwSignal::new(d.work_months),
            experience_years: RwSignal::new(d.experience_years),
            experience_within: RwSignal::new(d.experience_within),
            letters: RwSignal::new(d.letters),
            letters_within: RwSignal::new(d.letters_within),
            births: RwSignal::new(d.births),
            when_met: RwSignal::new(d.when_met.code().to_owned()),
            provisional_months: RwSignal::new(d.provisional_months),
            clock: RwSignal::new(d.clock.code().to_owned()),
            other: StoredValue::new(d.other_attestations),
        }
    }

    pub fn draft(&self) -> PathwayDraft {
        PathwayDraft {
            name_en: self.name_en.get_untracked(),
            name_es: self.name_es.get_untracked(),
            trainings: self.trainings.get_untracked(),
            work_hours: self.work_hours.get_untracked(),
            work_months: self.work_months.get_untracked(),
            experience_years: self.experience_years.get_untracked(),
            experience_within: self.experience_within.get_untracked(),
            letters: self.letters.get_untracked(),
            letters_within: self.letters_within.get_untracked(),
            births: self.births.get_untracked(),
            when_met: WhenMet::from_code(&self.when_met.get_untracked()).unwrap_or_default(),
            provisional_months: self.provisional_months.get_untracked(),
            clock: ProvisionalClock::from_code(&self.clock.get_untracked()).unwrap_or_default(),
            other_attestations: self.other.get_value(),
        }
    }
}

/// A labelled text input inside a pathway, with its inline error.
fn field(id: String, label: Msg, value: RwSignal<String>, errors: RwSignal<Errors>, field: Field, mode: &'static str) -> impl IntoView {
    let c = use_ctx();
    let error_id = format!("{id}-error");
    view! {
        <span class="inline-field">
            <label for=id.clone()>{tr(label)}</label>
            <input id=id type="text" inputmode=mode bind:value=value aria-describedby=error_id.clone()
                aria-invalid=move || errors.with(|e| e.get(field).is_some()).to_string() />
            <span class="error" id=error_id>{dynamic(move || errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p)))}</span>
        </span>
    }
}

fn select(id: String, label: Msg, value: RwSignal<String>, options: Vec<(&'static str, Msg)>) -> impl IntoView {
    view! {
        <span class="inline-field">
            <label for=id.clone()>{tr(label)}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(code, msg)| view! { <option value=code selected=move || value.get() == code>{tr(msg)}</option> }).collect_view()}
            </select>
        </span>
    }
}

/// The trainings a pathway asks for: a closed list that names what is chosen, since the
/// catalog is long and most pathways ask for one or two.
fn training_checks(id: String, options: Signal<Vec<(String, String)>>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let c = use_ctx();
    let chosen = move || {
        let names: Vec<String> = options.with(|o| o.iter().filter(|(code, _)| selected.with(|v| v.contains(code))).map(|(_, l)| l.clone()).collect());
        if names.is_empty() { c.t(Msg::NoneChosen).to_owned() } else { names.join("; ") }
    };
    view! {
        <details class="pathway-trainings">
            <summary>{tr(Msg::PathwayTrainingsLegend)}": "{chosen}</summary>
            <fieldset class="checks" id=id>
                <legend class="visually-hidden">{tr(Msg::PathwayTrainingsLegend)}</legend>
                {check_list(options, selected)}
            </fieldset>
        </details>
    }
}

/// The pathways of a credential, editable; `trainings` are the catalog's, for each pathway's
/// checklist.
pub fn pathways_editor(pathways: RwSignal<Vec<PathwayUi>>, trainings: Signal<Vec<(String, String)>>, errors: RwSignal<Errors>) -> impl IntoView {
    let c = use_ctx();
    let next_key = StoredValue::new(10_000u32);
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        pathways.update(|v| v.push(PathwayUi::new(key, PathwayDraft::default())));
    };
    view! {
        <fieldset class="pathways" id="req-pathways">
            <legend>{tr(Msg::PathwaysLegend)}</legend>
            <p class="hint">{tr(Msg::PathwaysHint)}</p>
            <For each=move || pathways.get() key=|p| p.key let:p>
                {dynamic(move || {
                    let i = pathways.with(|v| v.iter().position(|x| x.key == p.key).unwrap_or(0));
                    let n = i.min(255) as u8;
                    let id = move |part: &str| format!("pathway-{i}-{part}");
                    let title = i18n::pathway_title(c.locale.get(), i + 1);
                    let provisional = move || p.when_met.get() == WhenMet::Provisional.code();
                    view! {
                        <section class="pathway" aria-label=title.clone()>
                            <h3 class="h4">{title.clone()}</h3>
                            <p class="error" id=id("empty-error")>{dynamic(move || errors.with(|e| e.get(Field::PathwayEmpty(n))).map(|pr| i18n::problem(c.locale.get(), pr)))}</p>
                            <div class="row">
                                {field(id("name-en"), Msg::LabelNameEn, p.name_en, errors, Field::PathwayNameEn(n), "text")}
                                {field(id("name-es"), Msg::LabelNameEs, p.name_es, errors, Field::PathwayNameEs(n), "text")}
                            </div>
                            {training_checks(id("trainings"), trainings, p.trainings)}
                            <div class="row">
                                {field(id("work-hours"), Msg::PathwayWorkHoursLabel, p.work_hours, errors, Field::PathwayWorkHours(n), "numeric")}
                                {field(id("work-months"), Msg::PathwayWorkMonthsLabel, p.work_months, errors, Field::PathwayWorkMonths(n), "numeric")}
                            </div>
                            <div class="row">
                                {field(id("years"), Msg::PathwayYearsLabel, p.experience_years, errors, Field::PathwayYears(n), "numeric")}
                                {field(id("within-years"), Msg::PathwayWithinYearsLabel, p.experience_within, errors, Field::PathwayWithinYears(n), "numeric")}
                            </div>
                            <div class="row">
                                {field(id("letters"), Msg::PathwayLettersLabel, p.letters, errors, Field::PathwayLetters(n), "numeric")}
                                {field(id("letters-within"), Msg::PathwayLettersWithinLabel, p.letters_within, errors, Field::PathwayLettersWithin(n), "numeric")}
                                {field(id("births"), Msg::PathwayBirthsLabel, p.births, errors, Field::PathwayBirths(n), "numeric")}
                            </div>
                            <div class="row">
                                {select(id("when-met"), Msg::WhenMetLabel, p.when_met, vec![
                                    (WhenMet::Progress.code(), Msg::WhenMetProgress),
                                    (WhenMet::Qualifies.code(), Msg::WhenMetQualifies),
                                    (WhenMet::Provisional.code(), Msg::WhenMetProvisional),
                                ])}
                            </div>
                            <Show when=provisional>
                                <div class="row">
                                    {field(id("months"), Msg::ProvisionalMonthsLabel, p.provisional_months, errors, Field::PathwayMonths(n), "numeric")}
                                    {select(id("clock"), Msg::ClockLabel, p.clock, vec![
                                        (ProvisionalClock::PathwayMet.code(), Msg::ClockPathwayMet),
                                        (ProvisionalClock::HireDate.code(), Msg::ClockHireDate),
                                    ])}
                                </div>
                                <p class="hint"><span class="badge badge-verify">{tr(Msg::BadgeVerify)}</span>" "{tr(Msg::ClockHint)}</p>
                            </Show>
                            <button type="button" class="link" on:click=move |_| pathways.update(|v| v.retain(|x| x.key != p.key))
                                aria-label=format!("{}: {title}", c.t(Msg::RemovePathway))>{tr(Msg::RemovePathway)}</button>
                        </section>
                    }
                })}
            </For>
            <button type="button" on:click=add>{tr(Msg::AddPathway)}</button>
        </fieldset>
    }
}
