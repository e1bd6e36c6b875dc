//! The trainer's home: curricula (examples to copy, versions, archive), upcoming sessions, the
//! assignment board per cohort (overdue first, filters in the URL) and the 12-month renewal
//! forecast as a chart with a table beside it.
//!
//! Opening it records what is due to be recorded (`plan::overview`): new members of cohorts
//! with assignments, and renewals that have entered their window, exactly once.

use super::{read_plans, read_snapshot, Snapshot, Whose};
use crate::domain::curricula::assignment::{Standing, Work};
use crate::domain::curricula::curriculum::Curriculum;
use crate::domain::curricula::plan::{board, given, overview, tally, ForecastMonth, Plans};
use crate::domain::date::{Date, DateExt};
use crate::domain::text::Locale;
use chrono::Datelike;
use crate::i18n::training as words;
use crate::i18n::{self, Fmt, Msg};
use crate::store::StoreError;
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx};
use crate::ui::fields::Select;
use crate::ui::query::{query_state, History};
use crate::ui::table::{self, Cell, Column, Row};
use leptos::prelude::*;
use std::rc::Rc;

/// Board rows drawn at first; "show all" draws the rest.
const BOARD_LIMIT: usize = 50;

/// One line of the board, owned (the page filters it without working it out again).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub person_id: String,
    pub person_name: String,
    pub assignment_id: String,
    pub cohort_id: Option<String>,
    pub work: Work,
    pub standing: Standing,
    pub due: Option<Date>,
    pub next: Option<String>,
    /// Trainings done of needed, for the progress bar.
    pub done: usize,
    pub of: usize,
    /// Hours of the trainings that count so far.
    pub hours: crate::domain::hours::Hours,
}

/// Everything the trainer's pages show, worked out once per data change.
pub struct Trainer {
    pub snap: Snapshot,
    pub plans: Plans,
    pub lines: Vec<Line>,
    pub forecast: Vec<ForecastMonth>,
}

impl Trainer {
    pub fn training_name(&self, locale: Locale, id: &str) -> String {
        self.snap.training_name(locale, id)
    }

    pub fn curriculum(&self, id: &str, version: u32) -> Option<&Curriculum> {
        self.plans.curricula.iter().find(|c| c.id == id && c.version == version)
    }

    /// "New peer onboarding (version 2)" or a training's name.
    pub fn work_name(&self, locale: Locale, work: &Work) -> String {
        match work {
            Work::Training { training_id } => self.training_name(locale, training_id),
            Work::Curriculum { id, version } => {
                let name = self.curriculum(id, *version).map_or_else(|| id.clone(), |c| c.name.get(locale).to_owned());
                let newest = self.plans.curricula.iter().filter(|c| c.id == *id).map(|c| c.version).max().unwrap_or(*version);
                if newest > 1 { format!("{name} ({})", words::version(locale, *version)) } else { name }
            }
        }
    }
}

/// Reads everything, records what is due to be recorded, and works out the board and the
/// forecast for everyone on `today`.
pub async fn read_trainer(c: Ctx, today: Date) -> Result<Rc<Trainer>, StoreError> {
    let snap = read_snapshot(Whose::Everyone, false).await?;
    let mut plans = read_plans().await?;
    let due_soon = c.settings.with_untracked(|s| s.due_soon_days);
    let ctx = snap.context(due_soon);
    let step_of = snap.step_of(today);
    let found = overview(&plans, &snap.records, ctx, &step_of, today);
    if !found.to_record.is_empty() {
        db().save_plan_records(&found.to_record).await?;
        browser::tell_other_tabs();
        plans = read_plans().await?;
    }
    let given_now = given(&plans, &snap.records.people, &step_of, today);
    let rows = board(&plans, &snap.records, &snap.catalog, given_now, today);
    let lines = rows
        .iter()
        .map(|r| {
            let (done, of, hours) = match &r.standing {
                Standing::InProgress { done, of, hours, .. } => (*done, *of, *hours),
                Standing::Overdue { done, of, hours, .. } => (*done, *of, *hours),
                Standing::Complete { .. } => (1, 1, crate::domain::hours::Hours::ZERO),
                _ => (0, r.assignment.curriculum(&plans.curricula).map_or(1, |c| c.needed()), crate::domain::hours::Hours::ZERO),
            };
            Line {
                person_id: r.person.id.clone(),
                person_name: r.person.name.clone(),
                assignment_id: r.assignment.id.clone(),
                cohort_id: match &r.assignment.target {
                    crate::domain::curricula::assignment::Target::Cohort { cohort_id } => Some(cohort_id.clone()),
                    _ => None,
                },
                work: r.assignment.work.clone(),
                standing: r.standing.clone(),
                due: r.due,
                next: r.next.clone(),
                done,
                of,
                hours,
            }
        })
        .collect();
    drop(step_of);
    Ok(Rc::new(Trainer { forecast: found.forecast, lines, plans, snap }))
}

/// A progress bar with its figures in words (the bar itself is decoration). Drawn in SVG: a
/// width as a presentation attribute, since the CSP allows no inline style.
pub fn progress_bar(locale: Locale, line: &Line) -> AnyView {
    let pct = (line.done * 100).checked_div(line.of).map_or(100, |p| p.min(100));
    let label = match &line.standing {
        Standing::Complete { .. } | Standing::Exempt { .. } => words::standing_detail(locale, &line.standing),
        _ if line.hours > crate::domain::hours::Hours::ZERO => format!("{} · {}", words::done_of(locale, line.done, line.of), i18n::fmt(locale, Fmt::HoursCounted, &[("hours", i18n::hours_value(line.hours))])),
        _ => words::done_of(locale, line.done, line.of),
    };
    view! {
        <span class="assign-progress">
            <svg class="progress-bar" aria-hidden="true" viewBox="0 0 100 6" preserveAspectRatio="none">
                <rect x="0" y="0" width="100" height="6" class="progress-track" />
                <rect x="0" y="0" width=pct.to_string() height="6" class="progress-done" />
            </svg>
            <span class="progress-text">{label}</span>
        </span>
    }
    .into_any()
}

#[component]
pub fn TrainerHome() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::TrainerTitle)));
    let data = LocalResource::new(move || {
        c.revision.track();
        read_trainer(c, browser::today())
    });
    let cohort = query_state("cohort", History::Push);
    let status = query_state("status", History::Push);
    let show_all = RwSignal::new(false);

    let cohort_options = Signal::derive(move || {
        data.with(|d| match d {
            Some(Ok(t)) => {
                let mut list: Vec<(String, String)> = t.plans.cohorts.iter().filter(|k| !k.archived).map(|k| (k.id.clone(), k.name.clone())).collect();
                list.push(("-".into(), c.t(Msg::GivenToOnePerson).to_owned()));
                list
            }
            _ => Vec::new(),
        })
    });
    let status_options = Signal::derive(move || {
        let l = c.locale.get();
        Standing::CODES.iter().zip(words::STANDINGS).map(|(code, (m, _))| ((*code).to_owned(), m.text(l).to_owned())).collect()
    });

    let curricula = move || {
        let l = c.locale.get();
        data.with(|d| {
            let Some(Ok(t)) = d else { return ().into_any() };
            let columns = [
                Column::row_header(Msg::ColName.text(l)),
                Column::text(Msg::ColMode.text(l)),
                Column::text(Msg::ColTrainings.text(l)),
                Column::hidden(Msg::ColActions.text(l)),
            ];
            let rows = t
                .plans
                .current_curricula()
                .into_iter()
                .map(|k| {
                    let (all, _) = k.hours(&t.snap.trainings);
                    let mut badges = Vec::new();
                    if k.example {
                        badges.push(("", Msg::Example.text(l).to_owned()));
                    }
                    if k.archived {
                        badges.push(("", Msg::Archived.text(l).to_owned()));
                    }
                    if k.version > 1 {
                        badges.push(("", words::version(l, k.version)));
                    }
                    let name = k.name.get(l).to_owned();
                    let id = k.id.clone();
                    let actions = view! {
                        <span class="row-actions">
                            <a class="button" href=format!("/training/curricula/new?from={}", k.id) aria-label=format!("{}: {name}", Msg::CopyAction.text(l))>{Msg::CopyAction.text(l)}</a>
                            {(!k.example).then(|| view! {
                                <a class="button" href=format!("/training/curricula/{}/edit", k.id) aria-label=format!("{}: {name}", Msg::Edit.text(l))>{Msg::Edit.text(l)}</a>
                            })}
                            <a class="button" href=format!("/training/assign?work=curriculum:{id}") aria-label=format!("{}: {name}", Msg::AssignAction.text(l))>{Msg::AssignAction.text(l)}</a>
                        </span>
                    };
                    Row {
                        class: if k.archived { "muted" } else { "" },
                        key: k.key(),
                        cells: vec![
                            Cell::View(view! { <span>{name.clone()}" "{badges.into_iter().map(|(_, b)| view! { <span class="badge">{b}</span>" " }).collect_view()}</span> }.into_any()),
                            words::mode(l, k.mode).into(),
                            words::trainings_hours(l, k.items.len(), all).into(),
                            Cell::View(actions.into_any()),
                        ],
                    }
                })
                .collect();
            table::table("curricula-table", "", &columns, rows)
        })
    };

    let sessions = move || {
        let l = c.locale.get();
        let today = browser::today();
        data.with(|d| {
            let Some(Ok(t)) = d else { return ().into_any() };
            let mut list: Vec<_> = t.plans.sessions.iter().filter(|s| !s.removed && s.on >= today.add_days(-7)).collect();
            list.sort_by(|a, b| (a.on, &a.starts_at).cmp(&(b.on, &b.starts_at)));
            if list.is_empty() {
                return view! { <p class="empty">{Msg::NoSessions.text(l)}</p> }.into_any();
            }
            let columns = [Column::text(Msg::ColDate.text(l)), Column::text(Msg::ColTraining.text(l)), Column::text(Msg::SessionPlace.text(l)), Column::text(Msg::ColPlaces.text(l))];
            let rows = list
                .into_iter()
                .map(|s| {
                    let (placed, waiting) = s.places();
                    let when = if s.starts_at.is_empty() { i18n::date(l, s.on) } else { format!("{} · {}", i18n::date(l, s.on), s.starts_at) };
                    Row::new(vec![
                        Cell::Link(format!("/training/sessions/{}", s.id), when),
                        t.training_name(l, &s.training_id).into(),
                        s.place.clone().into(),
                        words::places(l, placed.len(), s.capacity, waiting.len()).into(),
                    ])
                })
                .collect();
            table::table("sessions-table", "", &columns, rows)
        })
    };

    let assignments = move || {
        let l = c.locale.get();
        let want_cohort = cohort.get();
        let want_status = status.get();
        let all = show_all.get();
        data.with(|d| {
            let Some(Ok(t)) = d else { return ().into_any() };
            let lines: Vec<&Line> = t
                .lines
                .iter()
                .filter(|x| match want_cohort.as_str() {
                    "" => true,
                    "-" => x.cohort_id.is_none(),
                    k => x.cohort_id.as_deref() == Some(k),
                })
                .collect();
            let counts = tally(lines.iter().map(|x| &x.standing));
            let shown: Vec<&Line> = lines.into_iter().filter(|x| want_status.is_empty() || x.standing.code() == want_status).collect();
            let summary = words::STANDINGS
                .iter()
                .zip(counts)
                .map(|((m, _), n)| format!("{}: {}", m.text(l), n))
                .collect::<Vec<_>>()
                .join(" · ");
            if shown.is_empty() {
                return view! { <p class="count" id="board-summary">{summary}</p><p class="empty">{Msg::NobodyHere.text(l)}</p> }.into_any();
            }
            let columns = [
                Column::row_header(Msg::ColPerson.text(l)),
                Column::text(Msg::ColAssignment.text(l)),
                Column::text(Msg::ColStatus.text(l)),
                Column::text(Msg::ColProgress.text(l)),
                Column::text(Msg::ColDue.text(l)),
                Column::text(Msg::ColNext.text(l)),
            ];
            let total = shown.len();
            let limit = if all { usize::MAX } else { BOARD_LIMIT };
            let rows = shown
                .iter()
                .take(limit)
                .map(|x| {
                    let (word, class) = words::standing_word(l, &x.standing);
                    Row {
                        class: if matches!(x.standing, Standing::Overdue { .. }) { "flagged" } else { "" },
                        key: format!("{}:{}", x.assignment_id, x.person_id),
                        cells: vec![
                            Cell::Link(format!("/people/{}", x.person_id), x.person_name.clone()),
                            t.work_name(l, &x.work).into(),
                            Cell::Badges(vec![(class, word.to_owned())]),
                            Cell::View(progress_bar(l, x)),
                            x.due.map(|d| i18n::date(l, d)).unwrap_or_default().into(),
                            x.next.as_deref().map(|n| t.training_name(l, n)).unwrap_or_default().into(),
                        ],
                    }
                })
                .collect();
            view! {
                <p class="count" id="board-summary">{summary}</p>
                {table::table("board-table", "", &columns, rows)}
                {(total > limit).then(|| view! {
                    <p class="muted">{i18n::fmt(l, Fmt::BoardShowing, &[("count", i18n::n(limit as f64)), ("total", i18n::n(total as f64))])}
                        " "<button type="button" class="link" on:click=move |_| show_all.set(true)>{i18n::fmt(l, Fmt::ShowAllRows, &[("count", i18n::n(total as f64))])}</button></p>
                })}
            }
            .into_any()
        })
    };

    let forecast = move || {
        let l = c.locale.get();
        data.with(|d| {
            let Some(Ok(t)) = d else { return ().into_any() };
            forecast_view(l, t)
        })
    };

    view! {
        <section class="trainer">
            <div class="page-head">
                <h1>{tr(Msg::TrainerTitle)}</h1>
                <div class="actions">
                    <a href="/training/assign" class="button primary">{tr(Msg::AssignAction)}</a>
                    <a href="/training/sessions/new" class="button">{tr(Msg::NewSession)}</a>
                    <a href="/training/cohorts/new" class="button">{tr(Msg::NewCohort)}</a>
                    <a href="/training/curricula/new" class="button">{tr(Msg::NewCurriculum)}</a>
                    <a href="/verification" class="button" id="verification-link">{tr(Msg::VerificationLink)}</a>
                </div>
            </div>
            {dynamic(move || match data.with(|d| d.as_ref().map(|r| r.is_ok())) {
                None => view! { <p class="loading" role="status">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(false) => view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(true) => ().into_any(),
            })}
            <h2 id="board-heading">{tr(Msg::AssignmentsHeading)}</h2>
            <div class="filters">
                <Select id="board-cohort" label=Msg::CohortLabel value=cohort options=cohort_options placeholder=Msg::AllCohorts />
                <Select id="board-status" label=Msg::ColStatus value=status options=status_options placeholder=Msg::AllStatuses />
            </div>
            {dynamic(move || {
                let id = cohort.get();
                (!id.is_empty() && id != "-").then(|| view! {
                    <p><a href=format!("/training/cohorts/{id}/edit")>{c.t(Msg::EditCohort)}</a></p>
                })
            })}
            {dynamic(assignments)}
            <h2>{tr(Msg::UpcomingSessions)}</h2>
            {dynamic(sessions)}
            <h2>{tr(Msg::ForecastHeading)}</h2>
            <p class="hint">{tr(Msg::ForecastHint)}</p>
            {dynamic(forecast)}
            <h2>{tr(Msg::CurriculaHeading)}</h2>
            {dynamic(curricula)}
            <h2>{tr(Msg::CohortsHeading)}</h2>
            {dynamic(move || {
                let l = c.locale.get();
                data.with(|d| {
                    let Some(Ok(t)) = d else { return ().into_any() };
                    if t.plans.cohorts.is_empty() {
                        return view! { <p class="empty">{Msg::NoCohorts.text(l)}</p> }.into_any();
                    }
                    view! {
                        <ul class="cohort-list">
                            {t.plans.cohorts.iter().map(|k| {
                                let n = t.lines.iter().filter(|x| x.cohort_id.as_deref() == Some(k.id.as_str())).map(|x| x.person_id.as_str()).collect::<std::collections::HashSet<_>>().len();
                                view! { <li><a href=format!("/training/cohorts/{}/edit", k.id)>{k.name.clone()}</a>
                                    {k.archived.then(|| view! { " "<span class="badge">{Msg::Archived.text(l)}</span> })}
                                    {(n > 0).then(|| view! { " "<span class="muted">{i18n::fmt(l, Fmt::AssignedToCount, &[("count", i18n::n(n as f64))])}</span> })}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            })}
        </section>
    }
}

/// The forecast: one stacked bar per month (a colour per training, the legend beside it),
/// described in words for screen readers, with the same figures in a table.
fn forecast_view(l: Locale, t: &Trainer) -> AnyView {
    let mut trainings: Vec<String> = t.forecast.iter().flat_map(|m| m.trainings.iter().map(|(id, _)| id.clone())).collect();
    trainings.sort();
    trainings.dedup();
    let peak = t.forecast.iter().map(ForecastMonth::total).max().unwrap_or(0).max(1);
    let (w, h, bar, gap, top, bottom) = (36 * 12 + 8, 180.0_f64, 28.0_f64, 8.0_f64, 16.0_f64, 34.0_f64);
    let scale = (h - top - bottom) / peak as f64;
    let colour = |id: &str| -> &'static str {
        const PALETTE: [&str; 8] = ["#2f64a8", "#c2571a", "#2e7d4f", "#8a3d9c", "#a38a00", "#0f7c8c", "#b02a4a", "#5b5b5b"];
        PALETTE[trainings.iter().position(|x| x == id).unwrap_or(0) % PALETTE.len()]
    };
    let summary = i18n::fmt(
        l,
        Fmt::ForecastSummary,
        &[("months", i18n::s(t.forecast.iter().map(|m| format!("{} {}", words::month_short(l, m.month), m.total())).collect::<Vec<_>>().join(", ")))],
    );
    let bars = t
        .forecast
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = 4.0 + i as f64 * (bar + gap);
            let mut y = h - bottom;
            let pieces = m
                .trainings
                .iter()
                .map(|(id, n)| {
                    let height = *n as f64 * scale;
                    y -= height;
                    view! { <rect x=x y=y width=bar height=height fill=colour(id)><title>{format!("{}: {} ({})", words::month_long(l, m.month), t.training_name(l, id), n)}</title></rect> }
                })
                .collect_view();
            let label_y = h - bottom + 13.0;
            // The month on one line, the year under it where it changes (the first bar, January).
            let year = (i == 0 || m.month.month() == 1).then(|| m.month.year().to_string());
            view! {
                <g>
                    {pieces}
                    {(m.total() > 0).then(|| view! { <text x=x + bar / 2.0 y=y - 3.0 text-anchor="middle" class="chart-value">{m.total().to_string()}</text> })}
                    <text x=x + bar / 2.0 y=label_y text-anchor="middle" class="chart-label">{words::month_abbr(l, m.month)}</text>
                    {year.map(|y| view! { <text x=x + bar / 2.0 y=label_y + 12.0 text-anchor="middle" class="chart-label">{y}</text> })}
                </g>
            }
        })
        .collect_view();
    let columns = [Column::row_header(Msg::ColMonth.text(l)), Column::text(Msg::ColTraining.text(l)), Column::num(Msg::ColPeople.text(l))];
    let rows: Vec<Row> = t
        .forecast
        .iter()
        .flat_map(|m| {
            let month = words::month_long(l, m.month);
            if m.trainings.is_empty() {
                return vec![Row::new(vec![month.into(), "—".into(), "0".into()])];
            }
            m.trainings.iter().map(|(id, n)| Row::new(vec![month.clone().into(), t.training_name(l, id).into(), n.to_string().into()])).collect()
        })
        .collect();
    view! {
        <figure class="forecast">
            <svg id="forecast-chart" role="img" aria-label=summary.clone() viewBox=format!("0 0 {w} {h}") width=w.to_string() height=h.to_string()>
                <line x1="0" x2=w.to_string() y1=h - bottom y2=h - bottom class="chart-axis" />
                {bars}
            </svg>
            <figcaption>
                <ul class="legend">
                    {trainings.iter().map(|id| view! { <li><svg class="swatch" aria-hidden="true" viewBox="0 0 10 10"><rect width="10" height="10" fill=colour(id) /></svg>{t.training_name(l, id)}</li> }).collect_view()}
                </ul>
            </figcaption>
        </figure>
        <details class="forecast-table" open=true>
            <summary>{Msg::ForecastTable.text(l)}</summary>
            {table::table("forecast-table", "", &columns, rows)}
        </details>
    }
    .into_any()
}
