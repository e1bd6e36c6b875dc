//! The pay policy (paid hours, step timing, longevity, differentials, promotion raise,
//! fringe) and the wage floors: California's minimum wage by year, the health care minimum
//! (opt-in), a living-wage reference; each rate with its source and date.

use super::ladders::pay_links;
use super::{load_snapshot, page_id, Whose};
use crate::domain::form::{Errors, Field};
use crate::domain::ladders::form::{DifferentialDraft, FloorDraft, FloorRateDraft, PolicyDraft};
use crate::domain::ladders::pay::{FloorKind, WageFloor};
use crate::domain::training::Origin;
use crate::i18n::ladders as words;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::{checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

fn row_input(id: String, label: String, value: RwSignal<String>, error: impl Fn() -> Option<String> + Send + Sync + 'static, mode: &'static str) -> impl IntoView {
    view! {
        <span class="inline-field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode=mode bind:value=value />
            <span class="error">{error}</span>
        </span>
    }
}

#[derive(Clone, Copy)]
struct LongevityRow {
    key: u32,
    years: RwSignal<String>,
    add: RwSignal<String>,
}

impl LongevityRow {
    fn new(key: u32, years: String, add: String) -> LongevityRow {
        LongevityRow { key, years: RwSignal::new(years), add: RwSignal::new(add) }
    }
}

#[derive(Clone, Copy)]
struct DiffRow {
    key: u32,
    name_en: RwSignal<String>,
    name_es: RwSignal<String>,
    when: RwSignal<String>,
    target: RwSignal<String>,
    amount_kind: RwSignal<String>,
    amount: RwSignal<String>,
}

impl DiffRow {
    fn new(key: u32, d: DifferentialDraft) -> DiffRow {
        DiffRow {
            key,
            name_en: RwSignal::new(d.name_en),
            name_es: RwSignal::new(d.name_es),
            when: RwSignal::new(d.when),
            target: RwSignal::new(d.target),
            amount_kind: RwSignal::new(d.amount_kind),
            amount: RwSignal::new(d.amount),
        }
    }

    fn draft(&self) -> DifferentialDraft {
        DifferentialDraft {
            name_en: self.name_en.get_untracked(),
            name_es: self.name_es.get_untracked(),
            when: self.when.get_untracked(),
            target: self.target.get_untracked(),
            amount_kind: self.amount_kind.get_untracked(),
            amount: self.amount.get_untracked(),
        }
    }
}

#[derive(Clone, Copy)]
struct RateRow {
    key: u32,
    from: RwSignal<String>,
    rate: RwSignal<String>,
    title: RwSignal<String>,
    url: RwSignal<String>,
    verify: RwSignal<bool>,
    was: StoredValue<crate::domain::training::Source>,
}

impl RateRow {
    fn new(key: u32, d: FloorRateDraft) -> RateRow {
        RateRow { key, from: RwSignal::new(d.from), rate: RwSignal::new(d.rate), title: RwSignal::new(d.source_title), url: RwSignal::new(d.source_url), verify: RwSignal::new(d.verify), was: StoredValue::new(d.was) }
    }
}

#[component]
pub fn PayPolicyPage() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::PolicyTitle)));
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let hours_per_year = RwSignal::new(String::new());
    let weekly = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let later = RwSignal::new(String::new());
    let raise = RwSignal::new(String::new());
    let fringe = RwSignal::new(String::new());
    // Rows grow with "Add": a policy with many tiers or differentials keeps them all.
    let longevity = RwSignal::new(Vec::<LongevityRow>::new());
    let diffs = RwSignal::new(Vec::<DiffRow>::new());
    let next_key = StoredValue::new(0u32);
    let key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    // Rows made when the form is filled belong to the page, not to the effect that fills it:
    // the effect runs again on any save anywhere (another tab's too), and its next run would
    // dispose what its last run made, so the form's save would read disposed signals.
    let owner = Owner::current().expect("a page runs inside the app");
    let loaded = RwSignal::new(false);
    // The policy as the form opened it, and a save refused because it changed since (as JSON).
    let opened = RwSignal::new(None::<crate::domain::ladders::pay::PayPolicy>);
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if loaded.get_untracked() {
            return;
        }
        let Some(policy) = snapshot.with(|s| s.as_ref()?.as_ref().ok().map(|snap| snap.policy.clone())) else { return };
        loaded.set(true);
        opened.set(Some(policy.clone()));
        let d = PolicyDraft::from_policy(&policy, i18n::decimal_separator(c.locale.get_untracked()));
        hours_per_year.set(d.hours_per_year);
        weekly.set(d.weekly_hours);
        first.set(d.first_step_after_hours);
        later.set(d.later_steps_every_hours);
        raise.set(d.promotion_raise);
        fringe.set(d.fringe);
        owner.with(|| {
            longevity.set(d.longevity.into_iter().map(|(y, p)| LongevityRow::new(key(), y, p)).collect());
            diffs.set(d.differentials.into_iter().map(|x| DiffRow::new(key(), x)).collect());
        });
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PolicyDraft {
            hours_per_year: hours_per_year.get_untracked(),
            weekly_hours: weekly.get_untracked(),
            first_step_after_hours: first.get_untracked(),
            later_steps_every_hours: later.get_untracked(),
            longevity: longevity.get_untracked().iter().map(|r| (r.years.get_untracked(), r.add.get_untracked())).collect(),
            differentials: diffs.get_untracked().iter().map(DiffRow::draft).collect(),
            promotion_raise: raise.get_untracked(),
            fringe: fringe.get_untracked(),
        };
        let base = opened.get_untracked().unwrap_or_default();
        let Some(policy) = checked(draft.to_policy(&base), errors) else { return };
        let mine = serde_json::to_string(&policy).unwrap_or_default();
        let saved = policy.clone();
        c.save_over(async move { db().save_pay_policy_over(&policy, &base).await }, failed, conflict, mine, Msg::Saved, move || opened.set(Some(saved)));
    };
    let err = move |field: Field| move || errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p));
    let floors = move || {
        let locale = c.locale.get();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            Some(snap.floor_entries.iter().map(|(f, origin)| floor_card(c, locale, f, *origin)).collect_view())
        })
    };
    view! {
        <section>
            <h1>{tr(Msg::PolicyTitle)}</h1>
            {dynamic(move || pay_links(c.locale.get()))}
            <form novalidate on:submit=submit class="card" aria-labelledby="policy-form-title" node_ref=form>
                <h2 id="policy-form-title">{tr(Msg::PayPolicyTitle)}</h2>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(opened, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <div class="row">
                    <Input id="policy-hours-year" label=Msg::HoursPerYearLabel value=hours_per_year errors field=Field::HoursPerYear inputmode="numeric" />
                    <Input id="policy-weekly" label=Msg::WeeklyHoursLabel value=weekly errors field=Field::WeeklyHours inputmode="numeric" />
                </div>
                <div class="row">
                    <Input id="policy-first" label=Msg::FirstStepHoursLabel value=first errors field=Field::FirstStepHours inputmode="numeric" />
                    <Input id="policy-later" label=Msg::LaterStepHoursLabel value=later errors field=Field::LaterStepHours inputmode="numeric" />
                </div>
                <div class="row">
                    <Input id="policy-raise" label=Msg::PromotionRaiseLabel value=raise errors field=Field::PromotionRaise inputmode="decimal" />
                    <Input id="policy-fringe" label=Msg::FringeLabel value=fringe errors field=Field::Fringe inputmode="decimal" />
                </div>
                <fieldset>
                    <legend>{tr(Msg::LongevityLabel)}</legend>
                    <For each=move || longevity.get() key=|r| r.key let:r>
                        {dynamic(move || {
                            let i = longevity.with(|v| v.iter().position(|x| x.key == r.key).unwrap_or(0));
                            view! {
                                <div class="row">
                                    {row_input(format!("longevity-{i}-years"), c.t(Msg::AfterYearsLabel).to_owned(), r.years, err(Field::LongevityYears(i as u8)), "numeric")}
                                    {row_input(format!("longevity-{i}-percent"), c.t(Msg::AddPercentLabel).to_owned(), r.add, err(Field::LongevityPercent(i as u8)), "decimal")}
                                </div>
                            }
                        })}
                    </For>
                    <button type="button" on:click=move |_| { let r = LongevityRow::new(key(), String::new(), String::new()); longevity.update(|v| v.push(r)); }>{tr(Msg::AddRow)}</button>
                </fieldset>
                <fieldset>
                    <legend>{tr(Msg::DifferentialsLabel)}</legend>
                    <p class="hint">{tr(Msg::DifferentialsHint)}</p>
                    <For each=move || diffs.get() key=|d| d.key let:d>
                        {dynamic(move || {
                            let i = diffs.with(|v| v.iter().position(|x| x.key == d.key).unwrap_or(0));
                            view! {
                                <div class="row differential">
                                    {row_input(format!("diff-{i}-name"), c.t(Msg::LabelNameEn).to_owned(), d.name_en, err(Field::DifferentialName(i as u8)), "text")}
                                    {row_input(format!("diff-{i}-name-es"), c.t(Msg::LabelNameEs).to_owned(), d.name_es, || None, "text")}
                                    <span class="inline-field">
                                        <label for=format!("diff-{i}-when")>{c.t(Msg::DifferentialWhenLabel)}</label>
                                        <select id=format!("diff-{i}-when") prop:value=move || d.when.get() on:change=move |ev| d.when.set(event_target_value(&ev))>
                                            <option value="attestation">{c.t(Msg::WhenAttestation)}</option>
                                            <option value="requirement">{c.t(Msg::WhenRequirement)}</option>
                                        </select>
                                    </span>
                                    {row_input(format!("diff-{i}-target"), c.t(Msg::DifferentialTargetLabel).to_owned(), d.target, err(Field::DifferentialTarget(i as u8)), "text")}
                                    <span class="inline-field">
                                        <label for=format!("diff-{i}-kind")>{c.t(Msg::AmountKindLabel)}</label>
                                        <select id=format!("diff-{i}-kind") prop:value=move || d.amount_kind.get() on:change=move |ev| d.amount_kind.set(event_target_value(&ev))>
                                            <option value="per_hour">{c.t(Msg::PerHour)}</option>
                                            <option value="percent">{c.t(Msg::Percent)}</option>
                                        </select>
                                    </span>
                                    {row_input(format!("diff-{i}-amount"), c.t(Msg::AmountLabel).to_owned(), d.amount, err(Field::DifferentialAmount(i as u8)), "decimal")}
                                    <button type="button" class="link" on:click=move |_| diffs.update(|v| v.retain(|x| x.key != d.key))>{c.t(Msg::Remove)}</button>
                                </div>
                            }
                        })}
                    </For>
                    <button type="button" on:click=move |_| { let r = DiffRow::new(key(), DifferentialDraft { when: "attestation".into(), amount_kind: "per_hour".into(), ..DifferentialDraft::default() }); diffs.update(|v| v.push(r)); }>{tr(Msg::AddRow)}</button>
                </fieldset>
                <p class="muted">{dynamic(move || snapshot.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).map(|snap| format!("{}: {}", c.t(Msg::Source), snap.policy.source.title_in(c.locale.get())))))}</p>
                <div class="actions"><button type="submit" class="primary">{tr(Msg::Save)}</button></div>
            </form>
            <div class="page-head">
                <h2>{tr(Msg::FloorsTitle)}</h2>
                <a class="button" href="/pay/floors/new">{tr(Msg::NewFloor)}</a>
            </div>
            {dynamic(floors)}
        </section>
    }
}

fn floor_card(c: crate::ui::ctx::Ctx, locale: crate::domain::text::Locale, f: &WageFloor, origin: Origin) -> impl IntoView {
    let toggle = {
        let f = f.clone();
        move |_| {
            let after = WageFloor { retired: !f.retired, ..f.clone() };
            c.write(async move { db().save_floor(&after).await }, Some(Msg::Saved), None);
        }
    };
    let reset = {
        let id = f.id.clone();
        move |_| {
            let id = id.clone();
            c.write(async move { db().reset_floor(&id).await }, Some(Msg::OriginalRestored), None);
        }
    };
    let columns = [Column::text(Msg::LabelFrom.text(locale)), Column::num(Msg::ColHourly.text(locale)), Column::text(Msg::Source.text(locale))];
    let rows = f
        .schedule
        .iter()
        .map(|r| {
            let source = view! {
                {if r.source.url.is_empty() { view! { <span>{r.source.title_in(locale).to_owned()}</span> }.into_any() } else {
                    view! { <a href=r.source.url.clone() rel="noopener noreferrer" target="_blank">{r.source.title_in(locale).to_owned()}</a> }.into_any() }}
                {r.source.verify.then(|| view! { " "<span class="badge badge-verify">{Msg::BadgeVerify.text(locale)}</span> })}
            }
            .into_any();
            Row::new(vec![i18n::date(locale, r.from).into(), words::money(locale, r.hourly).into(), Cell::View(source)])
        })
        .collect();
    view! {
        <section class="card floor" data-floor=f.id.clone()>
            <div class="page-head">
                <h3>{f.name.get(locale).to_owned()}" "<span class="badge">{if f.kind == FloorKind::LivingWage { Msg::LivingWageKind.text(locale) } else { Msg::MinimumKind.text(locale) }}</span>
                    {f.retired.then(|| view! { " "<span class="badge">{Msg::NotInUse.text(locale)}</span> })}</h3>
                <div class="actions">
                    <a class="button" href=format!("/pay/floors/{}/edit", f.id) aria-label=format!("{}: {}", Msg::Edit.text(locale), f.name.get(locale))>{Msg::Edit.text(locale)}</a>
                    <button type="button" on:click=toggle aria-label=format!("{}: {}", if f.retired { Msg::UseAgain.text(locale) } else { Msg::StopUsing.text(locale) }, f.name.get(locale))>
                        {if f.retired { Msg::UseAgain.text(locale) } else { Msg::StopUsing.text(locale) }}</button>
                    {(origin == Origin::Customised).then(|| view! { <button type="button" on:click=reset>{Msg::ResetToOriginal.text(locale)}</button> })}
                </div>
            </div>
            {table::table("", "", &columns, rows)}
        </section>
    }
}

/// Edit a floor's schedule (a built-in floor's edit is kept as an override; restore brings
/// the original back) or add the organization's own (a local minimum wage, a living wage).
#[component]
pub fn FloorForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let name_en = RwSignal::new(String::new());
    let name_es = RwSignal::new(String::new());
    let living = RwSignal::new(false);
    let in_use = RwSignal::new(true);
    let rows = RwSignal::new(vec![RateRow::new(0, FloorRateDraft::default())]);
    let next_key = StoredValue::new(0u32);
    let key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    // Rows made when the form is filled belong to the page, not to the effect that fills it:
    // the effect runs again on any save anywhere (another tab's too), and its next run would
    // dispose what its last run made, so the form's save would read disposed signals.
    let owner = Owner::current().expect("a page runs inside the app");
    let loaded = RwSignal::new(false);
    // The floor as the form opened it, and a save refused because it changed since (as JSON).
    let opened = RwSignal::new(None::<WageFloor>);
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if loaded.get_untracked() || id.with_untracked(String::is_empty) {
            return;
        }
        let Some(found) = snapshot.with(|s| s.as_ref()?.as_ref().ok()?.floors.iter().find(|f| f.id == id.get_untracked()).cloned()) else { return };
        loaded.set(true);
        opened.set(Some(found.clone()));
        let d = FloorDraft::from_floor(&found, i18n::decimal_separator(c.locale.get_untracked()));
        name_en.set(d.name_en);
        name_es.set(d.name_es);
        living.set(d.living_wage);
        in_use.set(d.in_use);
        owner.with(|| rows.set(d.rows.into_iter().map(|r| RateRow::new(key(), r)).collect()));
    });
    let title = move || c.t(if id.with(String::is_empty) { Msg::NewFloor } else { Msg::EditFloor });
    Effect::new(move |_| browser::set_title(title()));
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = FloorDraft {
            name_en: name_en.get_untracked(),
            name_es: name_es.get_untracked(),
            living_wage: living.get_untracked(),
            in_use: in_use.get_untracked(),
            rows: rows
                .get_untracked()
                .iter()
                .map(|r| FloorRateDraft { from: r.from.get_untracked(), rate: r.rate.get_untracked(), source_title: r.title.get_untracked(), source_url: r.url.get_untracked(), verify: r.verify.get_untracked(), was: r.was.get_value() })
                .collect(),
        };
        let record_id = Some(id.get_untracked()).filter(|s| !s.is_empty()).unwrap_or_else(browser::new_id);
        let Some(floor) = checked(draft.to_floor(&record_id), errors) else { return };
        let navigate = navigate.clone();
        let mine = serde_json::to_string(&floor).unwrap_or_default();
        let before = opened.get_untracked();
        c.save_over(async move { db().save_floor_over(&floor, before.as_ref()).await }, failed, conflict, mine, Msg::Saved, move || navigate("/pay/policy", Default::default()));
    };
    let err = move |field: Field| move || errors.with(|e| e.get(field)).map(|p| i18n::problem(c.locale.get(), p));
    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(opened, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <Input id="floor-name-en" label=Msg::LabelNameEn value=name_en errors field=Field::NameEn />
                <Input id="floor-name-es" label=Msg::LabelNameEs value=name_es errors field=Field::NameEs />
                <label class="check"><input type="checkbox" bind:checked=living />{tr(Msg::IsLivingWage)}</label>
                <label class="check"><input type="checkbox" bind:checked=in_use />{tr(Msg::InUseLabel)}</label>
                <fieldset>
                    <legend>{tr(Msg::ScheduleLabel)}</legend>
                    <p class="hint">{tr(Msg::ScheduleHint)}</p>
                    <For each=move || rows.get() key=|r| r.key let:r>
                        {dynamic(move || {
                            let i = rows.with(|v| v.iter().position(|x| x.key == r.key).unwrap_or(0));
                            view! {
                                <div class="row floor-row">
                                    <span class="inline-field">
                                        <label for=format!("floor-{i}-from")>{c.t(Msg::LabelFrom)}</label>
                                        <input id=format!("floor-{i}-from") type="date" bind:value=r.from />
                                        <span class="error">{err(Field::FloorFrom(i as u8))}</span>
                                    </span>
                                    {row_input(format!("floor-{i}-rate"), c.t(Msg::ColHourly).to_owned(), r.rate, err(Field::FloorRate(i as u8)), "decimal")}
                                    {row_input(format!("floor-{i}-source"), c.t(Msg::LabelSourceTitle).to_owned(), r.title, || None, "text")}
                                    {row_input(format!("floor-{i}-url"), c.t(Msg::LabelSourceUrl).to_owned(), r.url, err(Field::FloorSourceUrl(i as u8)), "url")}
                                </div>
                            }
                        })}
                    </For>
                    <button type="button" on:click=move |_| { let r = RateRow::new(key(), FloorRateDraft::default()); rows.update(|v| v.push(r)); }>{tr(Msg::AddRow)}</button>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/pay/policy">{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
