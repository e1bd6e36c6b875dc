//! Add or edit a cohort: by rule (worker type, program, organization, hired from a day, a
//! ladder step), which stays current as people are added or change, or a list of people by
//! hand. Shows who is in it now. Archive instead of delete.

use super::{load_snapshot, page_id, read_plans, worker_options, Whose};
use crate::domain::curricula::cohort::Cohort;
use crate::domain::curricula::form::CohortDraft;
use crate::domain::curricula::plan::PlanRecord;
use crate::domain::form::{Errors, Field};
use crate::domain::person::WorkerType;
use crate::domain::text::fold;
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx};
use crate::ui::fields::{check_list, checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input, Select};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Names listed in the "who is in it now" line before "and N more".
const PREVIEW: usize = 12;

#[component]
pub fn CohortForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::Everyone);
    let plans = LocalResource::new(move || {
        c.revision.track();
        read_plans()
    });
    let name = RwSignal::new(String::new());
    let by_rule = RwSignal::new(true);
    let workers = RwSignal::new(Vec::<String>::new());
    let programs = RwSignal::new(Vec::<String>::new());
    let organizations = RwSignal::new(Vec::<String>::new());
    let hired_from = RwSignal::new(String::new());
    let ladder_step = RwSignal::new(String::new());
    let people = RwSignal::new(Vec::<String>::new());
    let search = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<Cohort>);
    // A save refused because the cohort changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();

    Effect::new(move |_| {
        let Some(Ok(p)) = plans.get() else { return };
        if original.with_untracked(Option::is_some) || id.with_untracked(String::is_empty) {
            return;
        }
        if let Some(k) = p.cohort(&id.get_untracked()).cloned() {
            let d = CohortDraft::from_cohort(&k);
            name.set(d.name);
            by_rule.set(d.by_rule);
            workers.set(d.worker_types.iter().map(|w| w.code().to_owned()).collect());
            programs.set(d.programs);
            organizations.set(d.organizations);
            hired_from.set(d.hired_from);
            ladder_step.set(d.ladder_step);
            people.set(d.people);
            original.set(Some(k));
        }
    });
    let title = move || c.t(if id.with(String::is_empty) { Msg::NewCohort } else { Msg::EditCohort });
    Effect::new(move |_| browser::set_title(title()));

    let draft = move || CohortDraft {
        name: name.get_untracked(),
        by_rule: by_rule.get_untracked(),
        worker_types: workers.get_untracked().iter().filter_map(|w| WorkerType::from_code(w)).collect(),
        programs: programs.get_untracked(),
        organizations: organizations.get_untracked(),
        hired_from: hired_from.get_untracked(),
        ladder_step: ladder_step.get_untracked(),
        people: people.get_untracked(),
    };

    let worker_options = worker_options(c);
    let distinct = move |pick: fn(&crate::domain::person::Person) -> &str| {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => {
                let mut v: Vec<String> = snap.records.people.iter().map(|p| pick(p).trim().to_owned()).filter(|x| !x.is_empty()).collect();
                v.sort_by_key(|x| fold(x));
                v.dedup_by_key(|x| fold(x));
                v.into_iter().map(|x| (x.clone(), x)).collect()
            }
            _ => Vec::new(),
        })
    };
    let program_options = Signal::derive(move || distinct(|p| &p.program));
    let organization_options = Signal::derive(move || distinct(|p| &p.organization));
    let step_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            // Ladders people can be placed on: not the built-in examples (a copy of one is
            // listed once, as the organization's own) and not retired.
            Some(Ok(snap)) => snap
                .ladders
                .iter()
                .filter(|ladder| !ladder.example && !ladder.retired)
                .flat_map(|ladder| ladder.steps.iter().map(move |st| (format!("{}/{}", ladder.id, st.id), format!("{}: {}", ladder.name.get(l), st.title.get(l)))))
                .collect(),
            _ => Vec::new(),
        })
    });
    let people_options = Signal::derive(move || {
        let q = search.get();
        snapshot.with(|s| match s {
            // Those found by the search, and those already chosen (never hidden by it).
            Some(Ok(snap)) => crate::domain::person::to_pick(&snap.records.people, "")
                .into_iter()
                .filter(|p| people.with_untracked(|v| v.contains(&p.id)) || crate::domain::text::fold(&p.name).contains(&crate::domain::text::fold(&q)))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            _ => Vec::new(),
        })
    });

    // Who is in it now, as it is being set up.
    let preview = move || {
        let l = c.locale.get();
        workers.track();
        programs.track();
        organizations.track();
        hired_from.track();
        ladder_step.track();
        people.track();
        by_rule.track();
        let d = draft();
        let cohort = Cohort { id: String::new(), name: String::new(), rule: None, people: Vec::new(), archived: false };
        let cohort = d.to_cohort("", false).unwrap_or(cohort);
        snapshot.with(|s| {
            let Some(Ok(snap)) = s else { return String::new() };
            let step_of = snap.step_of(browser::today());
            let members = cohort.members(&snap.records.people, &step_of);
            let names: Vec<&str> = members.iter().take(PREVIEW).map(|p| p.name.as_str()).collect();
            let mut text = i18n::fmt(l, Fmt::PeopleCount, &[("count", i18n::n(members.len() as f64))]);
            if !names.is_empty() {
                text = format!("{text}. {}", i18n::fmt(l, Fmt::CohortNow, &[("names", i18n::s(names.join(", ")))]));
                if members.len() > PREVIEW {
                    text.push('…');
                }
            }
            text
        })
    };

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let before = original.get_untracked();
        let record_id = before.as_ref().map(|k| k.id.clone()).unwrap_or_else(browser::new_id);
        let Some(cohort) = checked(draft().to_cohort(&record_id, before.as_ref().is_some_and(|k| k.archived)), errors) else { return };
        let navigate = navigate.clone();
        let to = format!("/training?cohort={}", cohort.id);
        let mine = serde_json::to_string(&cohort).unwrap_or_default();
        let opened = before.map(PlanRecord::Cohort);
        c.save_over(async move { db().save_plan_record_over(&PlanRecord::Cohort(cohort), opened.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate(&to, Default::default()));
    };
    let archive = move |_| {
        let Some(k) = original.get_untracked() else { return };
        let flipped = Cohort { archived: !k.archived, ..k };
        original.set(Some(flipped.clone()));
        c.write(async move { db().save_plan_records(&[PlanRecord::Cohort(flipped)]).await }, Some(Msg::Saved), None);
    };

    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <Input id="cohort-name" label=Msg::ColName value=name errors field=Field::Name />
                <fieldset class="checks">
                    <legend>{tr(Msg::CohortKindLegend)}</legend>
                    <label class="check"><input type="radio" name="cohort-kind" prop:checked=move || by_rule.get() on:change=move |_| by_rule.set(true) />{tr(Msg::CohortByRule)}</label>
                    <label class="check"><input type="radio" name="cohort-kind" prop:checked=move || !by_rule.get() on:change=move |_| by_rule.set(false) />{tr(Msg::CohortByHand)}</label>
                </fieldset>
                <Show when=move || by_rule.get() fallback=move || view! {
                    <fieldset class="checks" id="cohort-people">
                        <legend>{tr(Msg::NavPeople)}</legend>
                        <div class="field">
                            <label for="cohort-search">{tr(Msg::SearchLabel)}</label>
                            <input id="cohort-search" type="search" bind:value=search />
                        </div>
                        <div class="check-scroll">{check_list(people_options, people)}</div>
                        <p class="error" id="cohort-people-error">{dynamic(move || errors.with(|e| e.get(Field::People)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                    </fieldset>
                }>
                    <p class="hint">{tr(Msg::CohortRuleHint)}</p>
                    <fieldset class="checks" id="cohort-workers">
                        <legend>{tr(Msg::LabelWorkerType)}</legend>
                        {check_list(worker_options, workers)}
                    </fieldset>
                    <fieldset class="checks" id="cohort-programs">
                        <legend>{tr(Msg::LabelProgram)}</legend>
                        {check_list(program_options, programs)}
                    </fieldset>
                    <fieldset class="checks" id="cohort-orgs">
                        <legend>{tr(Msg::LabelOrganization)}</legend>
                        {check_list(organization_options, organizations)}
                    </fieldset>
                    <Input id="cohort-hired-from" label=Msg::HiredFromLabel value=hired_from errors field=Field::From kind="date" optional=true />
                    <Select id="cohort-step" label=Msg::OnLadderStepLabel value=ladder_step options=step_options placeholder=Msg::AnyStep optional=true />
                    <p class="error" id="cohort-rule-error">{dynamic(move || errors.with(|e| e.get(Field::CohortRule)).map(|_| c.t(Msg::CohortRuleNeeded)))}</p>
                </Show>
                <p class="count" id="cohort-preview" aria-live="polite">{dynamic(preview)}</p>
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/training">{tr(Msg::Cancel)}</a>
                    {dynamic(move || original.with(Option::is_some).then(|| view! {
                        <button type="button" on:click=archive>{c.t(if original.with(|o| o.as_ref().is_some_and(|x| x.archived)) { Msg::Unarchive } else { Msg::ArchiveAction })}</button>
                    }))}
                </div>
            </form>
        </section>
    }
}
