//! Add a training type, edit one of the organization's own, or customise a built-in one
//! (saved as an override with the built-in's id; the original stays and can be restored).

use super::{load_catalog, page_id};
use crate::domain::competency::{in_framework, Framework};
use crate::domain::form::{Errors, Field, TrainingDraft};
use crate::domain::text::Locale;
use crate::domain::training::{Category, CeCategory, PeriodUnit, TrainingType, ValidityKind};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, tr};
use crate::ui::fields::{change_fields, checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input, Select};
use crate::domain::date::DateExt;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn TrainingForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let catalog = load_catalog(c);
    let defaults = TrainingDraft::default();

    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let category = RwSignal::new(defaults.category.code().to_owned());
    let hours = RwSignal::new(String::new());
    let kind = RwSignal::new(defaults.validity_kind.code().to_owned());
    let amount = RwSignal::new(defaults.amount.clone());
    let unit = RwSignal::new(defaults.unit.code().to_owned());
    let month = RwSignal::new(defaults.month.clone());
    let day = RwSignal::new(defaults.day.clone());
    let every = RwSignal::new(defaults.every_years.clone());
    let anchor = RwSignal::new(defaults.anchor_year.clone());
    let ce = RwSignal::new(String::new());
    let competencies = RwSignal::new(Vec::<String>::new());
    let exam = RwSignal::new(false);
    let part_completes = RwSignal::new(false);
    let source_title = RwSignal::new(String::new());
    let source_url = RwSignal::new(String::new());
    let change_from = RwSignal::new(browser::today().to_iso());
    let changed_by = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<TrainingType>);
    // A save refused because the record changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();

    Effect::new(move |_| {
        let Some(Ok(all)) = catalog.get() else { return };
        if original.with_untracked(Option::is_some) {
            return;
        }
        if let Some(e) = all.into_iter().find(|e| e.training.id == id.get_untracked()) {
            let d = TrainingDraft::from_training(&e.training, i18n::decimal_separator(c.locale.get_untracked()));
            name_en.set(d.name_en);
            name_es.set(d.name_es);
            category.set(d.category.code().into());
            hours.set(d.typical_hours);
            kind.set(d.validity_kind.code().into());
            amount.set(d.amount);
            unit.set(d.unit.code().into());
            month.set(d.month);
            day.set(d.day);
            every.set(d.every_years);
            anchor.set(d.anchor_year);
            ce.set(d.default_ce_category.map(|k| k.code().to_owned()).unwrap_or_default());
            competencies.set(d.competencies);
            exam.set(d.exam);
            part_completes.set(d.part_completes);
            source_title.set(d.source_title);
            source_url.set(d.source_url);
            original.set(Some(e.training));
        }
    });

    let title = move || c.t(if id.get().is_empty() { Msg::NewTrainingTitle } else { Msg::EditTrainingTitle });
    Effect::new(move |_| browser::set_title(title()));

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let draft = TrainingDraft {
            name_en: name_en.get_untracked(),
            name_es: name_es.get_untracked(),
            category: Category::from_code(&category.get_untracked()).unwrap_or_default(),
            typical_hours: hours.get_untracked(),
            validity_kind: ValidityKind::from_code(&kind.get_untracked()).unwrap_or(ValidityKind::Never),
            amount: amount.get_untracked(),
            unit: PeriodUnit::from_code(&unit.get_untracked()).unwrap_or(PeriodUnit::Years),
            month: month.get_untracked(),
            day: day.get_untracked(),
            every_years: every.get_untracked(),
            anchor_year: anchor.get_untracked(),
            default_ce_category: CeCategory::from_code(&ce.get_untracked()),
            competencies: competencies.get_untracked(),
            exam: exam.get_untracked(),
            part_completes: part_completes.get_untracked(),
            source_title: source_title.get_untracked(),
            source_url: source_url.get_untracked(),
            change_from: change_from.get_untracked(),
            changed_by: changed_by.get_untracked(),
        };
        let base = original.get_untracked();
        let record_id = base.as_ref().map(|t| t.id.clone()).unwrap_or_else(browser::new_id);
        let Some(training) = checked(draft.to_training(&record_id, base.as_ref(), browser::today()), errors) else { return };
        let href = format!("/trainings/{}", training.id);
        let navigate = navigate.clone();
        let mine = serde_json::to_string(&training).unwrap_or_default();
        c.save_over(async move { db().save_training_type_over(&training, base.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate(&href, Default::default()));
    };

    let categories = Signal::derive(move || {
        let l = c.locale.get();
        Category::ALL.iter().map(|k| (k.code().to_owned(), i18n::category(l, *k).to_owned())).collect()
    });
    let kinds = Signal::derive(move || {
        let l = c.locale.get();
        ValidityKind::ALL.iter().map(|k| (k.code().to_owned(), i18n::validity_kind(l, *k).to_owned())).collect()
    });
    let units = Signal::derive(move || {
        let l = c.locale.get();
        PeriodUnit::ALL.iter().map(|u| (u.code().to_owned(), i18n::period_unit(l, *u).to_owned())).collect()
    });
    let months = Signal::derive(move || {
        let l = c.locale.get();
        (1..=12).map(|m| (m.to_string(), i18n::month_name(l, m).to_owned())).collect()
    });
    let ce_options = Signal::derive(move || {
        let l = c.locale.get();
        CeCategory::ALL.iter().map(|k| (k.code().to_owned(), i18n::ce_category(l, *k).to_owned())).collect()
    });
    let is_kind = move |k: ValidityKind| kind.with(|v| v == k.code());

    let framework = move |fw: Framework, legend: Msg| {
        view! {
            <fieldset class="checks">
                <legend>{tr(legend)}</legend>
                {in_framework(fw).map(|k| {
                    let cid = k.id;
                    let checked = move || competencies.with(|v| v.iter().any(|x| x == cid));
                    let toggle = move |_| competencies.update(|v| {
                        if let Some(i) = v.iter().position(|x| x == cid) { v.remove(i); } else { v.push(cid.to_owned()); }
                    });
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=toggle />
                            {dynamic(move || if c.locale.get() == Locale::Es { k.es } else { k.en })}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
    };

    let cancel_href = move || if id.get().is_empty() { "/trainings".to_owned() } else { format!("/trainings/{}", id.get()) };
    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <p class="hint">{tr(Msg::NamesHint)}</p>
                <Input id="training-name-en" label=Msg::LabelNameEn value=name_en errors field=Field::NameEn optional=true />
                <Input id="training-name-es" label=Msg::LabelNameEs value=name_es errors field=Field::NameEs optional=true />
                <Select id="training-category" label=Msg::LabelCategory value=category options=categories />
                <Input id="training-hours" label=Msg::LabelTypicalHours value=hours errors field=Field::TypicalHours inputmode="decimal" />
                <Select id="training-validity" label=Msg::LabelValidity value=kind options=kinds />
                <Show when=move || is_kind(ValidityKind::After)>
                    <div class="row">
                        <Input id="validity-amount" label=Msg::LabelAmount value=amount errors field=Field::ValidityAmount inputmode="numeric" />
                        <Select id="validity-unit" label=Msg::LabelUnit value=unit options=units />
                    </div>
                </Show>
                <Show when=move || is_kind(ValidityKind::EndOfMonthAfter)>
                    <Input id="validity-months" label=Msg::LabelMonthsCount value=amount errors field=Field::ValidityAmount inputmode="numeric" />
                </Show>
                <Show when=move || is_kind(ValidityKind::FixedDate)>
                    <div class="row">
                        <Select id="validity-month" label=Msg::LabelMonth value=month options=months />
                        <Input id="validity-day" label=Msg::LabelDay value=day errors field=Field::ValidityDay inputmode="numeric" />
                    </div>
                    <div class="row">
                        <Input id="validity-every" label=Msg::LabelEveryYears value=every errors field=Field::EveryYears inputmode="numeric" />
                        <Input id="validity-anchor" label=Msg::LabelAnchorYear value=anchor errors field=Field::AnchorYear inputmode="numeric" hint=Msg::AnchorYearHint />
                    </div>
                </Show>
                <fieldset class="checks" id="training-attendance">
                    <legend>{tr(Msg::TrainingKindLegend)}</legend>
                    <label class="check"><input type="checkbox" id="training-exam" bind:checked=exam />{tr(Msg::TrainingIsExam)}</label>
                    <label class="check"><input type="checkbox" id="training-part-completes" bind:checked=part_completes prop:disabled=move || exam.get() />{tr(Msg::TrainingPartCompletes)}</label>
                    <p class="hint">{tr(Msg::TrainingPartCompletesHint)}</p>
                </fieldset>
                <Select id="training-ce" label=Msg::LabelDefaultCe value=ce options=ce_options placeholder=Msg::CeNone optional=true />
                {framework(Framework::C3, Msg::FrameworkC3)}
                {framework(Framework::Sb803, Msg::FrameworkSb803)}
                <Input id="training-source-title" label=Msg::LabelSourceTitle value=source_title errors field=Field::SourceTitle optional=true />
                <Input id="training-source-url" label=Msg::LabelSourceUrl value=source_url errors field=Field::SourceUrl kind="url" optional=true />
                {change_fields(Signal::derive(move || original.with(Option::is_some)), Msg::ValidityChangeLegend, Msg::ValidityChangeHint,
                    Msg::LabelValidityChangeFrom, ("training-change-from", "training-changed-by"), change_from, changed_by, errors)}
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href=cancel_href>{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
