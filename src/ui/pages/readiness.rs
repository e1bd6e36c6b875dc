//! The readiness board (HR): who is ready for their next step now, who will be within 90
//! days, and who is blocked, grouped by what blocks them; filtered by ladder, program and
//! worker type, as of any date (all in the URL); one click to the person; the same rows as
//! a CSV file.

use super::ladders::pay_links;
use super::{load_snapshot, Whose};
use crate::domain::compliance::Filter;
use crate::domain::date::{Date, DateExt};
use crate::domain::ladders::board::{board, BoardRow, Bucket};
use crate::domain::person::WorkerType;
use crate::domain::text::Locale;
use crate::export::ladders::readiness_csv;
use crate::i18n::ladders::{self as words, Names};
use crate::i18n::{self, DateStyle, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, tr, use_ctx};
use crate::ui::fields::Select;
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;

/// Rows shown per list; the CSV has them all.
const LIST_LIMIT: usize = 50;

fn table(locale: Locale, rows: &[&BoardRow], names: &Names) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="empty">{Msg::NobodyHere.text(locale)}</p> }.into_any();
    }
    let columns = [
        Column::text(Msg::ColPerson.text(locale)),
        Column::text(Msg::LadderLabel.text(locale)),
        Column::text(Msg::StepLabel.text(locale)),
        Column::text(Msg::ColReadiness.text(locale)),
        Column::text(Msg::ColMissing.text(locale)),
    ];
    let body = rows
        .iter()
        .take(LIST_LIMIT)
        .map(|r| {
            let missing: Vec<String> = r.readiness.missing.iter().map(|m| words::missing(locale, DateStyle::Local, m, names)).collect();
            let when = match (r.readiness.ready, r.readiness.earliest) {
                (true, _) => Msg::ReadyNow.text(locale).to_owned(),
                (false, Some(d)) => i18n::ready_on(locale, d, r.readiness.needs_plans),
                (false, None) => Msg::NotReadyYet.text(locale).to_owned(),
            };
            Row::new(vec![
                Cell::Link(format!("/people/{}", r.person.id), r.person.name.clone()),
                r.ladder.name.get(locale).into(),
                format!("{} → {}", r.current.title.get(locale), r.readiness.step.title.get(locale)).into(),
                when.into(),
                missing.join("; ").into(),
            ])
        })
        .collect();
    view! {
        {table::table("", "", &columns, body)}
        {(rows.len() > LIST_LIMIT).then(|| view! { <p class="muted">{i18n::listed_of(locale, LIST_LIMIT, rows.len())}</p> })}
    }
    .into_any()
}

#[component]
pub fn ReadinessBoard() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::ReadinessTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let as_of = query_state("as_of", History::Push);
    let ladder = query_state("ladder", History::Push);
    let program = query_state("program", History::Push);
    let worker = query_state("worker", History::Push);
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);
    let filter = move || Filter { program: Some(program.get()).filter(|p| !p.is_empty()), worker_type: WorkerType::from_code(&worker.get()), requirement_id: None };
    let ladder_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.ladders.iter().filter(|x| !x.example).map(|x| (x.id.clone(), x.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    });
    let program_options = Signal::derive(move || {
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.records.programs().into_iter().map(|p| (p.clone(), p)).collect(),
            _ => Vec::new(),
        })
    });
    let worker_options = Signal::derive(move || {
        let l = c.locale.get();
        WorkerType::ALL.iter().map(|w| (w.code().to_owned(), i18n::worker_type(l, *w).to_owned())).collect()
    });
    let download = move |_| {
        let locale = c.locale.get_untracked();
        let due = c.settings.with_untracked(|s| s.due_soon_days);
        let (on, filter, chosen) = (untrack(day), untrack(filter), ladder.get_untracked());
        let csv = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let rows = board(&snap.records, snap.set(), snap.context(due), on, &filter, Some(chosen.as_str()).filter(|l| !l.is_empty()));
            Some(snap.with_names(locale, |names| readiness_csv(locale, &rows, names)))
        });
        if let Some(csv) = csv {
            browser::download_csv(&format!("escalera-readiness-{}.csv", on.to_iso()), &csv, c.settings.with_untracked(|s| s.csv_bom));
        }
    };
    let body = move || {
        let locale = c.locale.get();
        let due = c.settings.with(|s| s.due_soon_days);
        let (on, filter, chosen) = (day(), filter(), ladder.get());
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            let rows = board(&snap.records, snap.set(), snap.context(due), on, &filter, Some(chosen.as_str()).filter(|l| !l.is_empty()));
            if rows.is_empty() {
                return view! { <p class="empty">{c.t(Msg::NobodyPlaced)}" "<a href="/ladders">{c.t(Msg::LaddersTitle)}</a></p> }.into_any();
            }
            let in_bucket = |b: Bucket| rows.iter().filter(|r| r.bucket(on) == b).collect::<Vec<_>>();
            let (ready, soon, blocked) = (in_bucket(Bucket::ReadyNow), in_bucket(Bucket::Within90), in_bucket(Bucket::Blocked));
            // Blocked people grouped by the first thing that waiting alone does not bring.
            let mut groups: Vec<(String, String, Vec<&BoardRow>)> = Vec::new();
            snap.with_names(locale, |names| {
                for r in &blocked {
                    let (key, label) = r.blocker().map_or((String::new(), String::new()), |m| (m.key(), group_label(locale, m, names)));
                    match groups.iter_mut().find(|(k, _, _)| *k == key) {
                        Some(g) => g.2.push(r),
                        None => groups.push((key, label, vec![r])),
                    }
                }
            });
            groups.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then_with(|| a.1.cmp(&b.1)));
            let tiles = [(Bucket::ReadyNow, ready.len()), (Bucket::Within90, soon.len()), (Bucket::Blocked, blocked.len())]
                .into_iter()
                .map(|(b, n)| view! { <li class=format!("tile bucket-{b:?}").to_lowercase()><span class="tile-count">{n}</span><span class="tile-label">{words::bucket(locale, b)}</span></li> })
                .collect_view();
            snap.with_names(locale, |names| {
                view! {
                    <ul class="tiles" aria-label=Msg::CountsTitle.text(locale)>{tiles}</ul>
                    <section aria-labelledby="ready-now"><h2 id="ready-now">{words::bucket(locale, Bucket::ReadyNow)}" "<span class="count">{ready.len()}</span></h2>{table(locale, &ready, names)}</section>
                    <section aria-labelledby="ready-soon"><h2 id="ready-soon">{words::bucket(locale, Bucket::Within90)}" "<span class="count">{soon.len()}</span></h2>{table(locale, &soon, names)}</section>
                    <section aria-labelledby="blocked"><h2 id="blocked">{words::bucket(locale, Bucket::Blocked)}" "<span class="count">{blocked.len()}</span></h2>
                        {if groups.is_empty() { view! { <p class="empty">{Msg::NobodyHere.text(locale)}</p> }.into_any() } else {
                            groups.iter().map(|(_, label, members)| view! {
                                <h3 class="blocker">{format!("{}: {label}", Msg::BlockedBy.text(locale))}" "<span class="count">{members.len()}</span></h3>
                                {table(locale, members, names)}
                            }).collect_view().into_any()
                        }}
                    </section>
                }
                .into_any()
            })
        })
    };
    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::ReadinessTitle)}</h1>
                <div class="actions"><button type="button" id="download-readiness" on:click=download>{tr(Msg::DownloadCsv)}</button></div>
            </div>
            {dynamic(move || pay_links(c.locale.get()))}
            <div class="filters">
                <div class="field">
                    <label for="readiness-as-of">{tr(Msg::AsOfLabel)}</label>
                    <input id="readiness-as-of" type="date" prop:value=move || day().to_iso() on:input=move |ev| as_of.set(event_target_value(&ev)) />
                </div>
                <Select id="filter-ladder" label=Msg::LadderLabel value=ladder options=ladder_options placeholder=Msg::AllOption />
                <Select id="filter-program" label=Msg::LabelProgram value=program options=program_options placeholder=Msg::AllOption />
                <Select id="filter-worker" label=Msg::LabelWorkerType value=worker options=worker_options placeholder=Msg::AllOption />
            </div>
            {dynamic(body)}
        </section>
    }
}

/// The heading of a group of blocked people: what blocks them, without one member's details
/// (how many months, until when: each person's own are in their row).
fn group_label(locale: Locale, m: &crate::domain::ladders::readiness::Missing, names: &Names) -> String {
    use crate::domain::ladders::readiness::Missing::*;
    let kind = match m {
        Training { training_id, .. } => return (names.training)(training_id),
        Requirement { requirement_id, .. } => return (names.requirement)(requirement_id),
        Attestation { kind } => return words::attestation_kind(locale, kind),
        // The choices by name ("A / B / C"): how many more each person needs is in their row.
        Choose { of, .. } => return of.iter().map(|m| group_label(locale, m, names)).collect::<Vec<_>>().join(" / "),
        Competencies { .. } => Msg::RuleCompetencies,
        CeHours { .. } => Msg::RuleCeHours,
        MonthsInStep { .. } => Msg::RuleMonthsInStep,
        MonthsOfService { .. } => Msg::RuleMonthsOfService,
        HoursWorked { .. } => Msg::RuleHoursWorked,
    };
    kind.text(locale).to_owned()
}
