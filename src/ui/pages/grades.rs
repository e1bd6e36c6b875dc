//! Pay grades: every grade's steps with hourly and annual amounts, each step below a legal
//! minimum in force on the chosen date flagged; the pay plan as CSV; add or edit a grade.

use super::ladders::pay_links;
use super::{load_snapshot, page_id, Whose};
use crate::domain::date::{Date, DateExt};
use crate::domain::form::{Errors, Field};
use crate::domain::ladders::board::pay_plan;
use crate::domain::ladders::form::GradeDraft;
use crate::domain::ladders::pay::{below, FloorKind, PayGrade};
use crate::export::ladders::pay_plan_csv;
use crate::i18n::ladders as words;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::{checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input, TextArea};
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn GradeList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::GradesTitle)));
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let as_of = query_state("as_of", History::Push);
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);
    let download = move |_| {
        let locale = c.locale.get_untracked();
        let on = untrack(day);
        let csv = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            Some(pay_plan_csv(locale, &pay_plan(&snap.grades, &snap.floors, &snap.policy, on)))
        });
        if let Some(csv) = csv {
            browser::download_csv(&format!("escalera-pay-plan-{}.csv", on.to_iso()), &csv, c.settings.with_untracked(|s| s.csv_bom));
        }
    };
    let body = move || {
        let locale = c.locale.get();
        let on = day();
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            crate::domain::ladders::pay::in_pay_order(&snap.grades)
                .into_iter()
                .map(|g| {
                    let columns = [
                        Column::text(Msg::PayStepLabel.text(locale)),
                        Column::num(Msg::ColHourly.text(locale)),
                        Column::num(Msg::ColAnnual.text(locale)),
                        Column::text(Msg::ColFlags.text(locale)),
                    ];
                    let rows = g
                        .rates()
                        .into_iter()
                        .enumerate()
                        .map(|(i, rate)| {
                            let found = below(&snap.floors, rate, on);
                            let flags: Vec<(&'static str, String)> = found
                                .iter()
                                .map(|(f, floor)| {
                                    let minimum = f.kind == FloorKind::Minimum;
                                    let word = if minimum { Msg::BelowFloor } else { Msg::BelowLiving };
                                    (if minimum { "status-expired" } else { "status-due_soon" }, format!("{} {} ({})", word.text(locale), f.name.get(locale), words::money(locale, *floor)))
                                })
                                .collect();
                            let flagged = found.iter().any(|(f, _)| f.kind == FloorKind::Minimum);
                            Row {
                                class: if flagged { "flagged" } else { "" },
                                key: (i + 1).to_string(),
                                cells: vec![
                                    (i + 1).to_string().into(),
                                    words::money(locale, rate).into(),
                                    words::money(locale, rate.times(snap.policy.hours_per_year)).into(),
                                    Cell::Badges(flags),
                                ],
                            }
                        })
                        .collect();
                    view! {
                        <section class="card grade" data-grade=g.id.clone()>
                            <div class="page-head">
                                <h2>{g.name.get(locale).to_owned()}{g.example.then(|| view! { " "<span class="badge">{Msg::Example.text(locale)}</span> })}</h2>
                                {(!g.example).then(|| view! { <a class="button" href=format!("/pay/grades/{}/edit", g.id)
                                    aria-label=format!("{}: {}", Msg::Edit.text(locale), g.name.get(locale))>{Msg::Edit.text(locale)}</a> })}
                            </div>
                            {table::table("", "", &columns, rows)}
                            {(!g.source.title.is_empty()).then(|| view! { <p class="muted">{Msg::Source.text(locale)}": "{g.source.title_in(locale).to_owned()}
                                {g.source.verify.then(|| view! { " "<span class="badge badge-verify">{Msg::BadgeVerify.text(locale)}</span> })}</p> })}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::GradesTitle)}</h1>
                <div class="actions">
                    <a href="/pay/grades/new" class="button primary">{tr(Msg::NewGrade)}</a>
                    <button type="button" id="download-pay-plan" on:click=download>{tr(Msg::DownloadCsv)}</button>
                </div>
            </div>
            {dynamic(move || pay_links(c.locale.get()))}
            <div class="filters">
                <div class="field">
                    <label for="grades-as-of">{tr(Msg::FloorsOnLabel)}</label>
                    <input id="grades-as-of" type="date" prop:value=move || day().to_iso() on:input=move |ev| as_of.set(event_target_value(&ev)) />
                </div>
            </div>
            {dynamic(body)}
        </section>
    }
}

#[component]
pub fn GradeForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let blank = GradeDraft::new();
    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let percent = RwSignal::new(true);
    let base = RwSignal::new(String::new());
    let step = RwSignal::new(blank.step_percent.clone());
    let steps = RwSignal::new(blank.steps.clone());
    let rates = RwSignal::new(String::new());
    let source_title = RwSignal::new(String::new());
    let source_url = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<PayGrade>);
    // A save refused because the grade changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if original.with_untracked(Option::is_some) || id.with_untracked(String::is_empty) {
            return;
        }
        let found = snapshot.with(|s| s.as_ref()?.as_ref().ok()?.grades.iter().find(|g| g.id == id.get_untracked() && !g.example).cloned());
        if let Some(g) = found {
            let d = GradeDraft::from_grade(&g, i18n::decimal_separator(c.locale.get_untracked()));
            name_en.set(d.name_en);
            name_es.set(d.name_es);
            percent.set(d.percent);
            base.set(d.base);
            step.set(d.step_percent);
            steps.set(d.steps);
            rates.set(d.rates);
            source_title.set(d.source_title);
            source_url.set(d.source_url);
            original.set(Some(g));
        }
    });
    let title = move || c.t(if id.with(String::is_empty) { Msg::NewGrade } else { Msg::EditGrade });
    Effect::new(move |_| browser::set_title(title()));
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = GradeDraft {
            name_en: name_en.get_untracked(),
            name_es: name_es.get_untracked(),
            percent: percent.get_untracked(),
            base: base.get_untracked(),
            step_percent: step.get_untracked(),
            steps: steps.get_untracked(),
            rates: rates.get_untracked(),
            source_title: source_title.get_untracked(),
            source_url: source_url.get_untracked(),
        };
        let before = original.get_untracked();
        let record_id = before.as_ref().map(|g| g.id.clone()).unwrap_or_else(browser::new_id);
        let Some(grade) = checked(draft.to_grade(&record_id, before.as_ref()), errors) else { return };
        let navigate = navigate.clone();
        let mine = serde_json::to_string(&grade).unwrap_or_default();
        c.save_over(async move { db().save_grade_over(&grade, before.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate("/pay/grades", Default::default()));
    };
    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <Input id="grade-name-en" label=Msg::LabelNameEn value=name_en errors field=Field::NameEn />
                <Input id="grade-name-es" label=Msg::LabelNameEs value=name_es errors field=Field::NameEs />
                <fieldset class="checks">
                    <legend>{tr(Msg::ScaleLabel)}</legend>
                    <label class="check"><input type="radio" name="scale" prop:checked=move || percent.get() on:change=move |_| percent.set(true) />{tr(Msg::ScalePercent)}</label>
                    <label class="check"><input type="radio" name="scale" prop:checked=move || !percent.get() on:change=move |_| percent.set(false) />{tr(Msg::ScaleExplicit)}</label>
                </fieldset>
                <Show when=move || percent.get() fallback=move || view! {
                    <TextArea id="grade-rates" label=Msg::RatesLabel value=rates errors field=Field::Rates />
                }>
                    <div class="row">
                        <Input id="grade-base" label=Msg::BaseRateLabel value=base errors field=Field::Rate inputmode="decimal" />
                        <Input id="grade-step" label=Msg::StepPercentLabel value=step errors field=Field::StepPercent inputmode="decimal" />
                        <Input id="grade-steps" label=Msg::StepsCountLabel value=steps errors field=Field::Steps inputmode="numeric" />
                    </div>
                    <p class="hint">{tr(Msg::RoundingNote)}</p>
                </Show>
                <Input id="grade-source-title" label=Msg::LabelSourceTitle value=source_title errors field=Field::SourceTitle optional=true />
                <Input id="grade-source-url" label=Msg::LabelSourceUrl value=source_url errors field=Field::SourceUrl kind="url" optional=true />
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/pay/grades">{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
