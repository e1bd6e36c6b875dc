//! Add a requirement (a credential to hold, or hours per cycle), edit the organization's own,
//! or edit a preset (saved as an override with the preset's id; the preset can be restored).
//! Statuses are always recomputed from the records, so an edit never rewrites history.

use super::{load_snapshot, Whose, page_id};
use crate::domain::date::DateExt;
use crate::domain::form::{Errors, Field};
use crate::domain::person::WorkerType;
use crate::domain::requirement::{Requirement, Rule};
use crate::domain::requirement_form::{CycleKind, RequirementDraft};
use crate::domain::training::CeCategory;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::{change_fields, check_list, checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input, Select};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use super::pathway_editor::{pathways_editor, PathwayUi};

/// A group of checkboxes over codes, with its legend.
fn checks(legend: Msg, id: &'static str, options: Signal<Vec<(String, String)>>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <fieldset class="checks" id=id>
            <legend>{tr(legend)}</legend>
            {check_list(options, selected)}
        </fieldset>
    }
}

fn check(label: Msg, value: RwSignal<bool>) -> impl IntoView {
    view! { <label class="check"><input type="checkbox" bind:checked=value />{tr(label)}</label> }
}

#[component]
pub fn RequirementForm(#[prop(optional)] id: String, #[prop(optional)] hours_rule: bool) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let blank = RequirementDraft::new(hours_rule);
    let is_hours = RwSignal::new(hours_rule);
    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let workers = RwSignal::new(Vec::<String>::new());
    let in_use = RwSignal::new(true);
    let effective_from = RwSignal::new(String::new());
    let change_from = RwSignal::new(browser::today().to_iso());
    let prerequisites = RwSignal::new(Vec::<String>::new());
    let pathways = RwSignal::new(Vec::<PathwayUi>::new());
    let changed_by = RwSignal::new(String::new());
    let source_title = RwSignal::new(String::new());
    let source_url = RwSignal::new(String::new());
    let granted_by = RwSignal::new(Vec::<String>::new());
    let renewed_by = RwSignal::new(String::new());
    let from_previous_expiry = RwSignal::new(false);
    let window_days = RwSignal::new(blank.window_days.clone());
    let grace_days = RwSignal::new(blank.grace_days.clone());
    let due_within = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let cycle = RwSignal::new(blank.cycle.code().to_owned());
    let cycle_months = RwSignal::new(blank.cycle_months.clone());
    let start_month = RwSignal::new(blank.start_month.clone());
    let cycle_requirement = RwSignal::new(String::new());
    let minimums: Vec<(CeCategory, RwSignal<String>)> = CeCategory::ALL.iter().map(|k| (*k, RwSignal::new(String::new()))).collect();
    let categories = RwSignal::new(Vec::<String>::new());
    let any_training = RwSignal::new(false);
    let same_twice = RwSignal::new(true);
    let support = RwSignal::new(false);
    let counted_trainings = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<Requirement>);
    // A save refused because the record changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();
    let missing = RwSignal::new(false);

    let mins = minimums.clone();
    // Rows made when the form is filled belong to the page, not to the effect that fills it:
    // the effect runs again on any save anywhere (another tab's too), and its next run would
    // dispose what its last run made, so the form's save would read disposed signals.
    let owner = Owner::current().expect("a page runs inside the app");
    Effect::new(move |_| {
        let Some(Ok(snap)) = snapshot.get() else { return };
        if original.with_untracked(Option::is_some) || id.with_untracked(String::is_empty) {
            return;
        }
        let Some(entry) = snap.entries.iter().find(|e| e.requirement.id == id.get_untracked()) else {
            missing.set(true);
            return;
        };
        let d = RequirementDraft::from_requirement(&entry.requirement, i18n::decimal_separator(c.locale.get_untracked()));
        is_hours.set(d.is_hours);
        name_en.set(d.name_en);
        name_es.set(d.name_es);
        workers.set(d.worker_types.iter().map(|w| w.code().to_owned()).collect());
        in_use.set(d.in_use);
        effective_from.set(d.effective_from);
        source_title.set(d.source_title);
        source_url.set(d.source_url);
        granted_by.set(d.granted_by);
        renewed_by.set(d.renewed_by);
        prerequisites.set(d.prerequisites);
        owner.with(|| pathways.set(d.pathways.into_iter().enumerate().map(|(i, p)| PathwayUi::new(i as u32, p)).collect()));
        from_previous_expiry.set(d.from_previous_expiry);
        window_days.set(d.window_days);
        grace_days.set(d.grace_days);
        due_within.set(d.due_within_days);
        hours.set(d.hours);
        cycle.set(d.cycle.code().to_owned());
        cycle_months.set(d.cycle_months);
        start_month.set(d.start_month);
        cycle_requirement.set(d.cycle_requirement);
        for ((_, text), (_, signal)) in d.minimums.into_iter().zip(&mins) {
            signal.set(text);
        }
        categories.set(d.categories.iter().map(|k| k.code().to_owned()).collect());
        any_training.set(d.any_training);
        same_twice.set(d.same_training_counts_twice);
        support.set(d.support);
        counted_trainings.set(d.trainings);
        original.set(Some(entry.requirement.clone()));
    });

    let title = move || {
        let msg = match (id.with(String::is_empty), is_hours.get()) {
            (false, _) => Msg::EditRequirementTitle,
            (true, true) => Msg::AddHoursRequirement,
            (true, false) => Msg::AddCredentialRequirement,
        };
        c.t(msg)
    };
    Effect::new(move |_| browser::set_title(title()));

    let mins = minimums.clone();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let draft = RequirementDraft {
            is_hours: is_hours.get_untracked(),
            name_en: name_en.get_untracked(),
            name_es: name_es.get_untracked(),
            worker_types: workers.get_untracked().iter().filter_map(|w| WorkerType::from_code(w)).collect(),
            in_use: in_use.get_untracked(),
            effective_from: effective_from.get_untracked(),
            change_from: change_from.get_untracked(),
            changed_by: changed_by.get_untracked(),
            source_title: source_title.get_untracked(),
            source_url: source_url.get_untracked(),
            granted_by: granted_by.get_untracked(),
            renewed_by: renewed_by.get_untracked(),
            from_previous_expiry: from_previous_expiry.get_untracked(),
            window_days: window_days.get_untracked(),
            grace_days: grace_days.get_untracked(),
            due_within_days: due_within.get_untracked(),
            hours: hours.get_untracked(),
            cycle: CycleKind::from_code(&cycle.get_untracked()).unwrap_or_default(),
            cycle_months: cycle_months.get_untracked(),
            start_month: start_month.get_untracked(),
            cycle_requirement: cycle_requirement.get_untracked(),
            minimums: mins.iter().map(|(k, s)| (*k, s.get_untracked())).collect(),
            categories: categories.get_untracked().iter().filter_map(|k| CeCategory::from_code(k)).collect(),
            any_training: any_training.get_untracked(),
            same_training_counts_twice: same_twice.get_untracked(),
            support: support.get_untracked(),
            trainings: counted_trainings.get_untracked(),
            prerequisites: prerequisites.get_untracked(),
            pathways: pathways.with_untracked(|v| v.iter().map(PathwayUi::draft).collect()),
        };
        let base = original.get_untracked();
        let record_id = base.as_ref().map(|r| r.id.clone()).unwrap_or_else(browser::new_id);
        let Some(requirement) = checked(draft.to_requirement(&record_id, base.as_ref(), browser::today()), errors) else { return };
        let navigate = navigate.clone();
        let mine = serde_json::to_string(&requirement).unwrap_or_default();
        c.save_over(async move { db().save_requirement_over(&requirement, base.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate("/requirements", Default::default()));
    };

    let worker_options = Signal::derive(move || {
        let l = c.locale.get();
        WorkerType::ALL.iter().map(|w| (w.code().to_owned(), i18n::worker_type(l, *w).to_owned())).collect()
    });
    let training_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().filter(|t| !t.retired || granted_by.with_untracked(|g| g.contains(&t.id))).map(|t| (t.id.clone(), t.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    });
    // The training that renews it: one of those that grant it.
    let renewing_options = Signal::derive(move || {
        let chosen = granted_by.get();
        training_options.get().into_iter().filter(|(id, _)| chosen.contains(id)).collect::<Vec<_>>()
    });
    // Other credentials this one may need first (never itself).
    let prerequisite_options = Signal::derive(move || {
        let l = c.locale.get();
        let own = id.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap
                .entries
                .iter()
                .filter(|e| matches!(e.requirement.rule, Rule::Credential(_)) && e.requirement.id != own)
                .map(|e| (e.requirement.id.clone(), e.requirement.name.get(l).to_owned()))
                .collect(),
            _ => Vec::new(),
        })
    });
    let credential_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap
                .entries
                .iter()
                .filter(|e| matches!(e.requirement.rule, Rule::Credential(_)))
                .map(|e| (e.requirement.id.clone(), e.requirement.name.get(l).to_owned()))
                .collect(),
            _ => Vec::new(),
        })
    });
    let ce_options = Signal::derive(move || {
        let l = c.locale.get();
        CeCategory::ALL.iter().map(|k| (k.code().to_owned(), i18n::ce_category(l, *k).to_owned())).collect()
    });
    let cycle_options = Signal::derive(move || {
        let l = c.locale.get();
        CycleKind::ALL.iter().map(|k| (k.code().to_owned(), i18n::cycle_kind(l, *k).to_owned())).collect()
    });
    let month_options = Signal::derive(move || {
        let l = c.locale.get();
        (1..=12).map(|m| (m.to_string(), i18n::month_name(l, m).to_owned())).collect()
    });
    let is_cycle = move |k: CycleKind| cycle.with(|v| v == k.code());
    let minimum_field = move |k: CeCategory, value: RwSignal<String>| {
        let label = move || i18n::ce_category(c.locale.get(), k);
        let fid = format!("minimum-{}", k.code());
        view! {
            <div class="field compact">
                <label for=fid.clone()>{label}</label>
                <input id=fid type="text" inputmode="decimal" bind:value=value aria-describedby="minimum-error" />
            </div>
        }
    };

    view! {
        <section class="narrow">
            <h1>{dynamic(title)}</h1>
            {dynamic(move || missing.get().then(|| view! { <p class="alert alert-error">{c.t(Msg::NotFoundBody)}</p> }))}
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <Input id="req-name-en" label=Msg::LabelNameEn value=name_en errors field=Field::NameEn />
                <Input id="req-name-es" label=Msg::LabelNameEs value=name_es errors field=Field::NameEs />
                {checks(Msg::AppliesToLegend, "req-workers", worker_options, workers)}
                <p class="hint">{tr(Msg::AppliesToHint)}</p>
                <Show when=move || !is_hours.get()>
                    {checks(Msg::GrantedByLegend, "req-granted-by", training_options, granted_by)}
                    <p class="error" id="granted-error">{dynamic(move || errors.with(|e| e.get(Field::Training)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                    <Select id="req-renewed-by" label=Msg::LabelRenewedBy value=renewed_by options=renewing_options
                        placeholder=Msg::RenewedByHeld errors field=Field::RenewedBy optional=true />
                    {check(Msg::FromPreviousExpiry, from_previous_expiry)}
                    <div class="row">
                        <Input id="req-window" label=Msg::LabelWindowDays value=window_days errors field=Field::WindowDays inputmode="numeric" />
                        <Input id="req-grace" label=Msg::LabelGraceDays value=grace_days errors field=Field::GraceDays inputmode="numeric" />
                    </div>
                    <Input id="req-due-within" label=Msg::LabelDueWithinDays value=due_within errors field=Field::DueWithinDays inputmode="numeric" optional=true hint=Msg::DueWithinHint />
                    <p class="hint">{tr(Msg::ValidityOnTrainingHint)}</p>
                    {checks(Msg::PrerequisitesLegend, "req-prerequisites", prerequisite_options, prerequisites)}
                    {pathways_editor(pathways, training_options, errors)}
                </Show>
                <Show when=move || is_hours.get()>
                    <Input id="req-hours" label=Msg::LabelHoursPerCycle value=hours errors field=Field::Hours inputmode="decimal" />
                    <Select id="req-cycle" label=Msg::LabelCycle value=cycle options=cycle_options />
                    <Input id="req-cycle-months" label=Msg::LabelCycleMonths value=cycle_months errors field=Field::CycleMonths inputmode="numeric" />
                    <Show when=move || is_cycle(CycleKind::Calendar)>
                        <Select id="req-start-month" label=Msg::LabelStartMonth value=start_month options=month_options errors field=Field::StartMonth />
                    </Show>
                    <Show when=move || is_cycle(CycleKind::Credential)>
                        <Select id="req-cycle-requirement" label=Msg::LabelCycleRequirement value=cycle_requirement options=credential_options
                            placeholder=Msg::ChooseRequirement errors field=Field::Requirement />
                    </Show>
                    <fieldset class="checks">
                        <legend>{tr(Msg::MinimumsLegend)}</legend>
                        <div class="grid">{minimums.iter().map(|(k, v)| minimum_field(*k, *v)).collect_view()}</div>
                        <p class="error" id="minimum-error">{dynamic(move || errors.with(|e| e.get(Field::Minimum)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                    </fieldset>
                    {check(Msg::AnyTrainingCounts, any_training)}
                    {checks(Msg::CountedCategoriesLegend, "req-categories", ce_options, categories)}
                    {check(Msg::SameTrainingTwice, same_twice)}
                    {check(Msg::SupportHoursCheck, support)}
                    <fieldset class="checks" id="req-support-trainings">
                        <legend>{tr(Msg::SupportTrainingsLegend)}</legend>
                        <p class="hint">{tr(Msg::SupportTrainingsHint)}</p>
                        {check_list(training_options, counted_trainings)}
                        <p class="error" id="req-training-error">{dynamic(move || errors.with(|e| e.get(Field::Training)).map(|p| i18n::problem(c.locale.get(), p)))}</p>
                    </fieldset>
                </Show>
                <Input id="req-effective" label=Msg::LabelEffectiveFrom value=effective_from errors field=Field::EffectiveFrom kind="date" optional=true />
                {change_fields(Signal::derive(move || original.with(Option::is_some)), Msg::RuleChangeLegend, Msg::RuleChangeHint, Msg::LabelChangeFrom,
                    ("req-change-from", "req-changed-by"), change_from, changed_by, errors)}
                <Input id="req-source-title" label=Msg::LabelSourceTitle value=source_title errors field=Field::SourceTitle optional=true />
                <Input id="req-source-url" label=Msg::LabelSourceUrl value=source_url errors field=Field::SourceUrl kind="url" optional=true />
                {check(Msg::InUseLabel, in_use)}
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/requirements">{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
