//! The promotion planner (a pro forma): choose people and the steps they move to (or
//! everyone ready by a date), see each new rate, the annual cost change per person and in
//! total with fringe, and any rate below a floor; save the plan, print it, download it, and
//! apply it (recording the promotions), with undo.

use super::ladders::pay_links;
use super::{load_snapshot, page_id, Whose};
use crate::domain::compliance::Filter;
use crate::domain::date::{Date, DateExt};
use crate::domain::form::{Errors, Field};
use crate::domain::ladders::board::{board, placements_for, price, PlanItem, PromotionPlan};
use crate::domain::ladders::form::PlanDraft;
use crate::domain::ladders::money::Cents;
use crate::export::ladders::promotion_csv;
use crate::i18n::ladders as words;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::{checked, ErrorSummary, Input, Select};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PlannerList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::PlannerTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let navigate = use_navigate();
    let create = move |_| {
        let today = browser::today();
        let fringe = snapshot.with_untracked(|s| s.as_ref().and_then(|r| r.as_ref().ok()).map(|snap| snap.policy.fringe)).unwrap_or_default();
        let first_of_next = today.add_months(1).with_day_one();
        let plan = PromotionPlan {
            id: browser::new_id(),
            name: format!("{} {}", c.t(Msg::PromotionsOf), i18n::date(c.locale.get_untracked(), first_of_next)),
            effective: first_of_next,
            fringe,
            items: Vec::new(),
            applied_on: None,
            removed: false,
        };
        let href = format!("/planner/{}", plan.id);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match db().save_promotion_plan(&plan).await {
                Ok(()) => {
                    c.changed();
                    navigate(&href, Default::default());
                }
                Err(_) => c.notify(Msg::SaveFailed, None),
            }
        });
    };
    let body = move || {
        let locale = c.locale.get();
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            if snap.plans.is_empty() {
                return Some(view! { <p class="empty">{Msg::NoPlansYet.text(locale)}</p> }.into_any());
            }
            let columns = [
                Column::text(Msg::PlanName.text(locale)),
                Column::text(Msg::EffectiveLabel.text(locale)),
                Column::num(Msg::ColPeople.text(locale)),
                Column::num(Msg::AnnualCostWithFringe.text(locale)),
                Column::text(Msg::ColStatus.text(locale)),
            ];
            let rows = snap
                .plans
                .iter()
                .map(|p| {
                    let total: Cents = price(p, &snap.records, snap.set()).iter().map(|l| l.annual_cost).sum();
                    Row::new(vec![
                        Cell::Link(format!("/planner/{}", p.id), p.name.clone()),
                        i18n::date(locale, p.effective).into(),
                        p.items.len().to_string().into(),
                        words::money(locale, total).into(),
                        p.applied_on.map_or_else(|| Msg::Draft.text(locale).to_owned(), |d| format!("{} {}", Msg::AppliedOn.text(locale), i18n::date(locale, d))).into(),
                    ])
                })
                .collect();
            Some(table::table("", "", &columns, rows).into_any())
        })
    };
    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::PlannerTitle)}</h1>
                <button type="button" class="primary" on:click=create>{tr(Msg::NewPlan)}</button>
            </div>
            {dynamic(move || pay_links(c.locale.get()))}
            <p class="hint">{tr(Msg::PlannerIntro)}</p>
            {dynamic(body)}
        </section>
    }
}

trait FirstOfMonth {
    fn with_day_one(self) -> Self;
}

impl FirstOfMonth for Date {
    fn with_day_one(self) -> Date {
        let (y, m, _) = self.ymd();
        Date::from_ymd_opt(y, m, 1).expect("day 1 exists")
    }
}

#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::Everyone);
    let name = RwSignal::new(String::new());
    let effective = RwSignal::new(String::new());
    let fringe = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<PlanItem>::new());
    let ready_by = RwSignal::new(String::new());
    let pick_person = RwSignal::new(String::new());
    let pick_step = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<PromotionPlan>);
    Effect::new(move |_| {
        let found = snapshot.with(|s| s.as_ref()?.as_ref().ok()?.plans.iter().find(|p| p.id == id.get_untracked()).cloned());
        let Some(plan) = found else { return };
        // Fill the form once; afterwards only the applied state follows the stored plan.
        if original.with_untracked(Option::is_none) {
            name.set(plan.name.clone());
            effective.set(plan.effective.to_iso());
            fringe.set(plan.fringe.format_with(i18n::decimal_separator(c.locale.get_untracked())));
            items.set(plan.items.clone());
            ready_by.set(plan.effective.to_iso());
        }
        original.set(Some(plan));
    });
    Effect::new(move |_| {
        if let Some(p) = original.get() {
            browser::set_title(&p.name);
        }
    });
    // The plan as the form holds it (what the table prices and the CSV exports).
    let current = move || -> Option<PromotionPlan> {
        let base = original.get()?;
        let draft = PlanDraft { name: name.get(), effective: effective.get(), fringe: fringe.get() };
        let mut plan = draft.to_plan(&base).unwrap_or(base);
        plan.items = items.get();
        Some(plan)
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(base) = original.get_untracked() else { return };
        let draft = PlanDraft { name: name.get_untracked(), effective: effective.get_untracked(), fringe: fringe.get_untracked() };
        let Some(mut plan) = checked(draft.to_plan(&base), errors) else { return };
        plan.items = items.get_untracked();
        c.save(async move { db().save_promotion_plan(&plan).await }, failed, Msg::Saved, || ());
    };
    let add_ready = move |_| {
        let due = c.settings.with_untracked(|s| s.due_soon_days);
        let today = browser::today();
        let by = Date::parse_iso(&ready_by.get_untracked()).unwrap_or(today);
        let found: Vec<PlanItem> = snapshot.with_untracked(|s| {
            let Some(Ok(snap)) = s else { return Vec::new() };
            let mut seen: Vec<String> = Vec::new();
            board(&snap.records, snap.set(), snap.context(due), today, &Filter::default(), None)
                .into_iter()
                .filter(|r| r.readiness.earliest.is_some_and(|d| d <= by))
                .filter(|r| {
                    let first = !seen.contains(&r.person.id);
                    seen.push(r.person.id.clone());
                    first
                })
                .map(|r| PlanItem { person_id: r.person.id.clone(), ladder_id: r.ladder.id.clone(), to_step: r.readiness.step.id.clone() })
                .collect()
        });
        items.update(|v| {
            for item in found {
                if !v.iter().any(|x| x.person_id == item.person_id) {
                    v.push(item);
                }
            }
        });
    };
    // One person at a time: anyone placed on a ladder, to any other step of that ladder.
    let placed = move |pid: &str| {
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let person = snap.records.people.iter().find(|p| p.id == pid)?;
            crate::domain::ladders::person::current(crate::domain::ladders::board::ladder_facts(&snap.records, person).placements, browser::today()).cloned()
        })
    };
    let person_options = Signal::derive(move || {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap
                .records
                .people
                .iter()
                .filter(|p| !p.archived && !items.with(|v| v.iter().any(|x| x.person_id == p.id)))
                .filter(|p| crate::domain::ladders::person::current(crate::domain::ladders::board::ladder_facts(&snap.records, p).placements, browser::today()).is_some())
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            _ => Vec::new(),
        })
    });
    let step_options = Signal::derive(move || {
        let locale = c.locale.get();
        let Some(now) = placed(&pick_person.get()) else { return Vec::new() };
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap
                .ladders
                .iter()
                .find(|l| l.id == now.ladder_id)
                .map(|l| l.steps.iter().filter(|st| st.id != now.step_id).map(|st| (st.id.clone(), st.title.get(locale).to_owned())).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        })
    });
    let add_one = move |_| {
        let (pid, step) = (pick_person.get_untracked(), pick_step.get_untracked());
        let Some(now) = placed(&pid) else { return };
        if step.is_empty() {
            return;
        }
        items.update(|v| v.push(PlanItem { person_id: pid, ladder_id: now.ladder_id, to_step: step }));
        pick_person.set(String::new());
        pick_step.set(String::new());
    };
    let apply = move |_| {
        let Some(mut plan) = current() else { return };
        if plan.applied_on.is_some() || plan.items.is_empty() {
            return;
        }
        let lines_placements = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let lines = price(&plan, &snap.records, snap.set());
            Some(placements_for(&plan, &lines, &mut browser::new_id))
        });
        let Some(placements) = lines_placements else { return };
        plan.applied_on = Some(browser::today());
        let undo_plan = PromotionPlan { applied_on: None, ..plan.clone() };
        leptos::task::spawn_local(async move {
            match db().apply_plan(&plan, placements).await {
                Ok(()) => {
                    c.changed();
                    c.notify(Msg::PlanApplied, Some(crate::ui::ctx::Undo::PlanApplied(undo_plan)));
                }
                Err(_) => c.notify(Msg::SaveFailed, None),
            }
        });
    };
    let unapply = move |_| {
        let Some(plan) = original.get_untracked() else { return };
        let plan = PromotionPlan { applied_on: None, ..plan };
        c.write(async move { db().unapply_plan(&plan).await }, Some(Msg::PlanUndone), None);
    };
    let download = move |_| {
        let Some(plan) = untrack(current) else { return };
        let locale = c.locale.get_untracked();
        let csv = snapshot.with_untracked(|s| Some(promotion_csv(locale, &price(&plan, &s.as_ref()?.as_ref().ok()?.records, s.as_ref()?.as_ref().ok()?.set()))));
        if let Some(csv) = csv {
            browser::download_csv(&format!("escalera-promotions-{}.csv", plan.effective.to_iso()), &csv, c.settings.with_untracked(|s| s.csv_bom));
        }
    };

    let lines = move || {
        let locale = c.locale.get();
        let plan = current()?;
        snapshot.with(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let priced = price(&plan, &snap.records, snap.set());
            let total: Cents = priced.iter().map(|l| l.annual_change).sum();
            let with_fringe: Cents = priced.iter().map(|l| l.annual_cost).sum();
            let columns = [
                Column::hidden(Msg::IncludeInPlan.text(locale)),
                Column::text(Msg::ColPerson.text(locale)),
                Column::text(Msg::StepLabel.text(locale)),
                Column::num(Msg::CurrentRate.text(locale)),
                Column::num(Msg::NewRate.text(locale)),
                Column::num(Msg::AnnualChange.text(locale)),
                Column::num(Msg::AnnualCostWithFringe.text(locale)),
                Column::text(Msg::ColFlags.text(locale)),
            ];
            let rows = priced
                .iter()
                .map(|l| {
                    let pid = l.person.id.clone();
                    let mut flags = Vec::new();
                    if l.below_minimum {
                        flags.push(("status-expired", Msg::BelowFloorShort.text(locale).to_owned()));
                    }
                    if l.below_living {
                        flags.push(("status-due_soon", Msg::BelowLivingShort.text(locale).to_owned()));
                    }
                    let include = view! {
                        <input type="checkbox" checked=true aria-label=format!("{}: {}", Msg::IncludeInPlan.text(locale), l.person.name)
                            on:change=move |_| items.update(|v| v.retain(|x| x.person_id != pid)) disabled=plan.applied_on.is_some() />
                    }
                    .into_any();
                    Row {
                        class: "",
                        key: l.person.id.clone(),
                        cells: vec![
                            Cell::View(include),
                            Cell::Link(format!("/people/{}", l.person.id), l.person.name.clone()),
                            format!("{} → {}", l.from.title.get(locale), l.to.title.get(locale)).into(),
                            words::money(locale, l.current).into(),
                            format!("{} ({} {})", words::money(locale, l.new), Msg::PayStepShort.text(locale), l.pay_step).into(),
                            words::money(locale, l.annual_change).into(),
                            words::money(locale, l.annual_cost).into(),
                            Cell::Badges(flags),
                        ],
                    }
                })
                .collect();
            Some(view! {
                <dl class="totals">
                    <div><dt>{Msg::ColPeople.text(locale)}</dt><dd id="plan-count">{priced.len()}</dd></div>
                    <div><dt>{Msg::AnnualChange.text(locale)}</dt><dd id="plan-total">{words::money(locale, total)}</dd></div>
                    <div><dt>{format!("{} ({})", Msg::AnnualCostWithFringe.text(locale), words::percent(locale, plan.fringe))}</dt><dd id="plan-total-fringe">{words::money(locale, with_fringe)}</dd></div>
                </dl>
                {if priced.is_empty() { view! { <p class="empty">{Msg::PlanEmpty.text(locale)}</p> }.into_any() } else { table::table("", "plan-table", &columns, rows) }}
            })
        })
    };
    let status = move || {
        let locale = c.locale.get();
        original.get().map(|p| match p.applied_on {
            Some(d) => view! {
                <p class="alert alert-info">{format!("{} {}", Msg::AppliedOn.text(locale), i18n::date(locale, d))}" "
                    <button type="button" on:click=unapply>{Msg::UndoApply.text(locale)}</button></p>
            }
            .into_any(),
            None => view! { <button type="button" class="primary" id="apply-plan" on:click=apply>{Msg::ApplyPlan.text(locale)}</button> }.into_any(),
        })
    };
    view! {
        <section class="planner">
            <div class="page-head no-print">
                <h1>{dynamic(move || original.get().map(|p| p.name).unwrap_or_default())}</h1>
                <div class="actions">
                    <button type="button" on:click=|_| browser::print()>{tr(Msg::Print)}</button>
                    <button type="button" id="download-plan" on:click=download>{tr(Msg::DownloadCsv)}</button>
                    {dynamic(status)}
                </div>
            </div>
            <h1 class="print-only">{dynamic(move || name.get())}</h1>
            {dynamic(move || pay_links(c.locale.get()))}
            <form novalidate on:submit=save class="no-print">
                <ErrorSummary errors failed />
                <div class="row">
                    <Input id="plan-name" label=Msg::PlanName value=name errors field=Field::Name />
                    <Input id="plan-effective" label=Msg::EffectiveLabel value=effective errors field=Field::Effective kind="date" />
                    <Input id="plan-fringe" label=Msg::FringeLabel value=fringe errors field=Field::Fringe inputmode="decimal" />
                </div>
                <div class="row row-bottom">
                    <div class="field">
                        <label for="plan-ready-by">{tr(Msg::ReadyByLabel)}</label>
                        <input id="plan-ready-by" type="date" bind:value=ready_by />
                    </div>
                    <div class="field"><button type="button" id="add-ready" on:click=add_ready>{tr(Msg::AddEveryoneReady)}</button></div>
                </div>
                <div class="row row-bottom">
                    <Select id="plan-person" label=Msg::LabelPerson value=pick_person options=person_options placeholder=Msg::ChoosePerson />
                    <Select id="plan-step" label=Msg::ToStepLabel value=pick_step options=step_options placeholder=Msg::ChooseStep />
                    <div class="field"><button type="button" id="add-person" on:click=add_one>{tr(Msg::AddToPlan)}</button></div>
                </div>
                <div class="actions"><button type="submit" class="primary">{tr(Msg::SavePlan)}</button></div>
            </form>
            <p class="print-only">{dynamic(move || format!("{} {}", c.t(Msg::EffectiveLabel), Date::parse_iso(&effective.get()).map(|d| i18n::date(c.locale.get(), d)).unwrap_or_default()))}</p>
            {dynamic(lines)}
        </section>
    }
}
