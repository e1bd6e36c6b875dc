//! Career ladders: the organization's own and the built-in examples (copied in one click),
//! and one ladder's page: its picture (steps with their pay ranges on an hourly axis, the
//! wage-floor and living-wage lines, where a chosen person stands) with a table that says the
//! same in text, what each step requires, and who is on it.

use super::{load_snapshot, Snapshot, Whose};
use crate::domain::ladders::board::ladder_facts;
use crate::domain::ladders::examples::is_example_id;
use crate::domain::ladders::form::copy_example;
use crate::domain::ladders::ladder::Ladder;
use crate::domain::ladders::money::Cents;
use crate::domain::ladders::pay::FloorKind;
use crate::domain::ladders::person::current;
use crate::domain::text::Locale;
use crate::i18n::ladders::{self as words, Names};
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, tr, use_ctx};
use crate::ui::fields::Select;
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Links to everything about ladders and pay (on the hub and on each ladder page).
pub fn pay_links(locale: Locale) -> impl IntoView {
    let here = leptos_router::hooks::use_location().pathname.get_untracked();
    let links = [
        ("/readiness", Msg::ReadinessTitle),
        ("/planner", Msg::PlannerTitle),
        ("/pay/grades", Msg::GradesTitle),
        ("/pay/equity", Msg::EquityTitle),
        ("/pay/policy", Msg::PolicyTitle),
    ];
    view! {
        <nav class="sub-nav" aria-label=Msg::LaddersAndPay.text(locale)>
            <ul>{links.into_iter().map(|(href, label)| view! { <li><a href=href aria-current=(here == href).then_some("page")>{label.text(locale)}</a></li> }).collect_view()}</ul>
        </nav>
    }
}

fn steps_line(locale: Locale, l: &Ladder) -> String {
    l.steps.iter().map(|s| s.title.get(locale).to_owned()).collect::<Vec<_>>().join(" → ")
}

#[component]
pub fn LadderList() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::LaddersTitle)));
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let navigate = use_navigate();
    let copy = move |id: String| {
        let Some((ladder, grades)) = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let example = snap.ladders.iter().find(|l| l.id == id)?;
            Some(copy_example(example, &snap.grades, &mut browser::new_id))
        }) else {
            return;
        };
        let href = format!("/ladders/{}/edit", ladder.id);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match db().save_ladder(&ladder, &grades).await {
                Ok(()) => {
                    c.changed();
                    navigate(&href, Default::default());
                    c.notify(Msg::ExampleCopied, None);
                }
                Err(_) => c.notify(Msg::SaveFailed, None),
            }
        });
    };
    let body = move || {
        let locale = c.locale.get();
        let copy = copy.clone();
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            let own: Vec<&Ladder> = snap.ladders.iter().filter(|l| !l.example).collect();
            let examples: Vec<&Ladder> = snap.ladders.iter().filter(|l| l.example).collect();
            view! {
                <h2>{Msg::YourLadders.text(locale)}</h2>
                {if own.is_empty() {
                    view! { <p class="empty">{Msg::NoLaddersYet.text(locale)}</p> }.into_any()
                } else {
                    view! { <ul class="cards">{own.into_iter().map(|l| view! {
                        <li class="card ladder-card">
                            <h3><a href=format!("/ladders/{}", l.id)>{l.name.get(locale).to_owned()}</a></h3>
                            <p>{steps_line(locale, l)}</p>
                            {l.retired.then(|| view! { <p class="badge">{Msg::Retired.text(locale)}</p> })}
                            <p class="actions"><a class="button" href=format!("/ladders/{}/edit", l.id)
                                aria-label=format!("{}: {}", Msg::Edit.text(locale), l.name.get(locale))>{Msg::Edit.text(locale)}</a></p>
                        </li>
                    }).collect_view()}</ul> }.into_any()
                }}
                <h2>{Msg::ExampleLadders.text(locale)}</h2>
                <p class="hint">{Msg::ExampleLaddersIntro.text(locale)}</p>
                <ul class="cards">{examples.into_iter().map(|l| {
                    let id = l.id.clone();
                    let copy = copy.clone();
                    view! {
                        <li class="card ladder-card">
                            <h3><a href=format!("/ladders/{}", l.id)>{l.name.get(locale).to_owned()}</a>" "<span class="badge">{Msg::Example.text(locale)}</span></h3>
                            <p>{l.description.get(locale).to_owned()}</p>
                            <p class="muted">{steps_line(locale, l)}</p>
                            <p class="muted">{Msg::Source.text(locale)}": "<a href=l.source.url.clone() rel="noopener noreferrer" target="_blank">{l.source.title_in(locale).to_owned()}</a>
                                {l.source.verify.then(|| view! { " "<span class="badge badge-verify">{Msg::BadgeVerify.text(locale)}</span> })}</p>
                            <p class="actions"><button type="button" class="primary" on:click=move |_| copy(id.clone())
                                aria-label=format!("{}: {}", Msg::UseExample.text(locale), l.name.get(locale))>{Msg::UseExample.text(locale)}</button></p>
                        </li>
                    }
                }).collect_view()}</ul>
            }
            .into_any()
        })
    };
    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::LaddersTitle)}</h1>
                <a href="/ladders/new" class="button primary">{tr(Msg::NewLadder)}</a>
            </div>
            {dynamic(move || pay_links(c.locale.get()))}
            {dynamic(body)}
        </section>
    }
}

/// One ladder's picture: a row per step with its grade's pay range as a bar on an hourly
/// axis, vertical lines for the minimum wage and the living-wage reference in force today,
/// and a dot where the chosen person's rate sits on their step.
fn picture(snap: &Snapshot, locale: Locale, ladder: &Ladder, person: Option<(&str, Cents)>) -> impl IntoView {
    let today = browser::today();
    let ranges: Vec<Option<(Cents, Cents)>> = ladder.steps.iter().map(|s| snap.set().grade(&s.grade_id).and_then(|g| g.range()).map(|(lo, _, hi)| (lo, hi))).collect();
    let floors: Vec<(FloorKind, String, Cents)> = snap
        .floors
        .iter()
        .filter(|f| !f.retired)
        .filter_map(|f| f.on(today).map(|r| (f.kind, f.name.get(locale).to_owned(), r.hourly)))
        .collect();
    let mut all: Vec<i64> = ranges.iter().flatten().flat_map(|(a, b)| [a.0, b.0]).chain(floors.iter().map(|f| f.2 .0)).collect();
    if let Some((_, rate)) = person {
        all.push(rate.0);
    }
    let lo = (all.iter().min().copied().unwrap_or(1500) / 500) * 500;
    let hi = (all.iter().max().copied().unwrap_or(3500) / 500 + 1) * 500;
    let (left, width, row) = (170.0, 420.0, 34.0);
    let x = |c: i64| left + (c - lo) as f64 / (hi - lo).max(1) as f64 * width;
    let height = row * ladder.steps.len() as f64 + 40.0;
    let ticks: Vec<i64> = (lo..=hi).step_by(500).collect();
    let title_id = format!("picture-title-{}", ladder.id.len());
    let rows = ladder.steps.iter().zip(&ranges).enumerate().map(|(i, (s, range))| {
        let y = 10.0 + row * i as f64;
        let here = person.filter(|(step, _)| *step == s.id).map(|(_, r)| r);
        view! {
            <g class="step-row">
                <text x="0" y=y + 17.0 class="step-label">{s.title.get(locale).to_owned()}</text>
                {range.map(|(a, b)| view! { <rect x=x(a.0) y=y + 6.0 width=(x(b.0) - x(a.0)).max(3.0) height="16" rx="3" class="range" /> })}
                {here.map(|r| view! { <circle cx=x(r.0) cy=y + 14.0 r="7" class="person-dot" /> })}
            </g>
        }
    }).collect_view();
    let lines = floors.iter().map(|(kind, name, rate)| {
        let class = if *kind == FloorKind::LivingWage { "living-line" } else { "floor-line" };
        view! { <line x1=x(rate.0) x2=x(rate.0) y1="4" y2=height - 30.0 class=class><title>{format!("{name}: {}", words::money(locale, *rate))}</title></line> }
    }).collect_view();
    let axis = ticks.into_iter().map(|t| view! { <text x=x(t) y=height - 8.0 class="tick" text-anchor="middle">{format!("${}", t / 100)}</text> }).collect_view();
    let desc = Msg::PictureDesc.text(locale);
    let labelled_by = title_id.clone();
    view! {
        <figure class="ladder-picture">
            <svg viewBox=format!("0 0 {} {height}", left + width + 20.0) role="img" aria-labelledby=labelled_by preserveAspectRatio="xMinYMin meet">
                <title id=title_id>{format!("{}: {}", ladder.name.get(locale), desc)}</title>
                {rows}
                {lines}
                {axis}
            </svg>
            <figcaption class="legend">
                <span class="key range-key">{Msg::LegendRange.text(locale)}</span>
                <span class="key floor-key">{Msg::LegendFloor.text(locale)}</span>
                <span class="key living-key">{Msg::LegendLiving.text(locale)}</span>
                {person.is_some().then(|| view! { <span class="key person-key">{Msg::LegendPerson.text(locale)}</span> })}
            </figcaption>
        </figure>
    }
}

#[component]
pub fn LadderPage(id: String) -> impl IntoView {
    let c = use_ctx();
    let snapshot = load_snapshot(c, Whose::Everyone);
    let person = query_state("person", History::Replace);
    let ladder_id = StoredValue::new(id);
    let people_options = Signal::derive(move || {
        let today = browser::today();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => ladder_id.with_value(|id| {
                snap.records
                    .people
                    .iter()
                    .filter(|p| !p.archived && current(ladder_facts(&snap.records, p).placements, today).is_some_and(|pl| &pl.ladder_id == id))
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect()
            }),
            _ => Vec::new(),
        })
    });
    let body = move || {
        let locale = c.locale.get();
        let chosen = person.get();
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            let Some(ladder) = ladder_id.with_value(|id| snap.ladders.iter().find(|l| &l.id == id)) else { return super::NotFound().into_any() };
            browser::set_title(ladder.name.get(locale));
            let today = browser::today();
            let standing = snap.records.people.iter().find(|p| p.id == chosen).and_then(|p| {
                current(ladder_facts(&snap.records, p).placements, today).filter(|pl| pl.ladder_id == ladder.id).map(|pl| (pl.step_id.as_str(), pl.hourly))
            });
            let columns = [
                Column::row_header(Msg::StepLabel.text(locale)),
                Column::text(Msg::ColPayRange.text(locale)),
                Column::text(Msg::ColRequires.text(locale)),
                Column::text(Msg::ColNextSteps.text(locale)),
                Column::text(Msg::ColOnStep.text(locale)),
            ];
            let rows = snap.with_names(locale, |names: &Names| {
                ladder.steps.iter().map(|st| {
                    let grade = snap.set().grade(&st.grade_id);
                    let range = grade.and_then(|g| g.range()).map(|(a, _, b)| format!("{} – {}", words::money(locale, a), words::money(locale, b))).unwrap_or_default();
                    let next: Vec<String> = ladder.next_steps(&st.id).iter().map(|n| n.title.get(locale).to_owned()).collect();
                    let reqs: Vec<String> = requirement_lines(locale, &st.requires, names);
                    let on_step: Vec<String> = snap.records.people.iter().filter(|p| !p.archived)
                        .filter(|p| current(ladder_facts(&snap.records, p).placements, today).is_some_and(|pl| pl.ladder_id == ladder.id && pl.step_id == st.id))
                        .map(|p| p.name.clone()).collect();
                    let title = view! { {st.title.get(locale).to_owned()}<span class="muted block">{st.description.get(locale).to_owned()}</span> }.into_any();
                    let pay = view! { {range}<span class="muted block">{grade.map(|g| g.name.get(locale).to_owned())}</span> }.into_any();
                    let requires = view! { <ul class="plain-list">{reqs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any();
                    Row::new(vec![Cell::View(title), Cell::View(pay), Cell::View(requires), next.join(", ").into(), on_step.join(", ").into()])
                }).collect::<Vec<_>>()
            });
            view! {
                <div class="page-head">
                    <div>
                        <h1>{ladder.name.get(locale).to_owned()}</h1>
                        {ladder.example.then(|| view! { <p><span class="badge">{Msg::Example.text(locale)}</span></p> })}
                    </div>
                    <div class="actions">
                        {(!is_example_id(&ladder.id)).then(|| view! { <a class="button" href=format!("/ladders/{}/edit", ladder.id)>{Msg::Edit.text(locale)}</a> })}
                    </div>
                </div>
                <p>{ladder.description.get(locale).to_owned()}</p>
                <div class="filters no-print">
                    <Select id="ladder-person" label=Msg::ShowPerson value=person options=people_options placeholder=Msg::NobodyChosen />
                </div>
                {picture(snap, locale, ladder, standing)}
                <h2 id="ladder-table-title">{Msg::StepsTitle.text(locale)}</h2>
                {table::table("ladder-table", "ladder-table", &columns, rows)}
                <p class="muted">{format!("{} {}", Msg::FloorsAsOf.text(locale), crate::i18n::date(locale, today))}</p>
                <p class="muted">{Msg::Source.text(locale)}": "{ladder.source.title_in(locale).to_owned()}</p>
            }
            .into_any()
        })
    };
    view! {
        <section class="ladder-page">
            {dynamic(move || pay_links(c.locale.get()))}
            {dynamic(body)}
        </section>
    }
}

/// A step's rule as lines of text, groups indented with "—".
pub fn requirement_lines(locale: Locale, rule: &crate::domain::ladders::ladder::Rule, names: &Names) -> Vec<String> {
    fn walk(locale: Locale, rule: &crate::domain::ladders::ladder::Rule, names: &Names, depth: usize, out: &mut Vec<String>) {
        use crate::domain::ladders::ladder::Rule;
        let indent = "— ".repeat(depth);
        match rule {
            Rule::All(items) if depth == 0 => {
                if items.is_empty() {
                    out.push(words::rule(locale, rule, names));
                }
                items.iter().for_each(|r| walk(locale, r, names, depth, out));
            }
            Rule::All(items) | Rule::AnyOf { of: items, .. } => {
                out.push(format!("{indent}{}", words::rule(locale, rule, names)));
                items.iter().for_each(|r| walk(locale, r, names, depth + 1, out));
            }
            leaf => out.push(format!("{indent}{}", words::rule(locale, leaf, names))),
        }
    }
    let mut out = Vec::new();
    walk(locale, rule, names, 0, &mut out);
    out
}
