//! The compliance dashboard (organization mode): counts by status, what has expired and what
//! runs out within 30, 60 and 90 days, as of any date, filtered by program, worker type and
//! requirement; one click to the person; the same rows as a CSV file. The date and filters
//! are in the URL (`?as_of=…&program=…&worker=…&requirement=…`): a link reproduces the view.

use super::progress::badge;
use super::{load_snapshot, Whose, Snapshot};
use crate::domain::compliance::{counts, in_horizon, rows, with_status, Filter, Horizon, Row};
use crate::domain::status::Status;
use crate::domain::date::{Date, DateExt};
use crate::ui::query::{query_state, History};
use crate::domain::person::WorkerType;
use crate::domain::text::Locale;
use crate::export::compliance_csv;
use crate::i18n::{self, DateStyle, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, tr, use_ctx};
use crate::ui::fields::Select;
use leptos::prelude::*;

/// Rows shown per list; the CSV has them all.
const LIST_LIMIT: usize = 50;

fn horizon_title(h: Horizon) -> Msg {
    match h {
        Horizon::Expired => Msg::ExpiredListTitle,
        Horizon::Within30 => Msg::Within30Title,
        Horizon::Within60 => Msg::Within60Title,
        Horizon::Within90 => Msg::Within90Title,
    }
}

fn list(snap: &Snapshot, locale: Locale, found: &[&Row], title: String, id: &'static str) -> impl IntoView {
    let total = found.len();
    let training = |x: &str| snap.training_name(locale, x);
    let requirement = |x: &str| snap.requirement_name(locale, x);
    let body = found
        .iter()
        .take(LIST_LIMIT)
        .map(|r| {
            let e = &r.evaluation;
            let next = e.next.as_ref().map(|a| i18n::next_action(locale, DateStyle::Local, a, &training, &requirement)).unwrap_or_default();
            view! {
                <tr>
                    <td data-label=Msg::ColPerson.text(locale)><a href=format!("/people/{}", r.person.id)>{r.person.name.clone()}</a></td>
                    <td data-label=Msg::LabelRequirement.text(locale)>{requirement(&e.requirement_id)}</td>
                    <td data-label=Msg::ColStatus.text(locale)>{badge(locale, e.status)}</td>
                    <td data-label=Msg::ColDate.text(locale)>{e.valid_until.map(|d| i18n::date(locale, d))}</td>
                    <td data-label=Msg::ColNext.text(locale)>{next}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="horizon" aria-labelledby=id>
            <h2 id=id>{title}" "<span class="count">{total}</span></h2>
            {if total == 0 {
                view! { <p class="empty">{Msg::NobodyHere.text(locale)}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{Msg::ColPerson.text(locale)}</th>
                            <th scope="col">{Msg::LabelRequirement.text(locale)}</th>
                            <th scope="col">{Msg::ColStatus.text(locale)}</th>
                            <th scope="col">{Msg::ColDate.text(locale)}</th>
                            <th scope="col">{Msg::ColNext.text(locale)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                    {(total > LIST_LIMIT).then(|| view! { <p class="muted">{i18n::listed_of(locale, LIST_LIMIT, total)}</p> })}
                }.into_any()
            }}
        </section>
    }
}

/// The dashboard's own address with the given view state; empty values are left out.
fn tile_href(params: &[(&str, String)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect();
    if query.is_empty() { "/compliance".to_owned() } else { format!("/compliance?{}", query.join("&")) }
}

#[component]
pub fn ComplianceDashboard() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::ComplianceTitle)));
    let snapshot = load_snapshot(c, Whose::Everyone);
    let as_of = query_state("as_of", History::Push);
    let program = query_state("program", History::Push);
    let worker = query_state("worker", History::Push);
    let requirement = query_state("requirement", History::Push);
    // The tile whose people are listed: every count on the page leads to its people.
    let status = query_state("status", History::Push);

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
    let requirement_options = Signal::derive(move || {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.requirements.iter().map(|r| (r.id.clone(), r.name.get(l).to_owned())).collect(),
            _ => Vec::new(),
        })
    });
    let day = move || Date::parse_iso(&as_of.get()).unwrap_or_else(browser::today);
    let filter = move || Filter {
        program: Some(program.get()).filter(|p| !p.is_empty()),
        worker_type: WorkerType::from_code(&worker.get()),
        requirement_id: Some(requirement.get()).filter(|r| !r.is_empty()),
    };

    let download = move |_| {
        let locale = c.locale.get_untracked();
        let due_soon_days = c.settings.with_untracked(|s| s.due_soon_days);
        let day = untrack(day);
        let filter = untrack(filter);
        let csv = snapshot.with_untracked(|s| {
            let snap = s.as_ref()?.as_ref().ok()?;
            let found = rows(&snap.records, snap.context(due_soon_days), day, &filter);
            let pairs: Vec<_> = found.iter().map(|r| (r.person, &r.evaluation)).collect();
            Some(compliance_csv(locale, &pairs, &snap.requirements, &snap.trainings))
        });
        if let Some(csv) = csv {
            browser::download_csv(&format!("escalera-compliance-{}.csv", day.to_iso()), &csv, c.settings.with_untracked(|s| s.csv_bom));
        }
    };

    let body = move || {
        let locale = c.locale.get();
        let due_soon_days = c.settings.with(|s| s.due_soon_days);
        let day = day();
        let filter = filter();
        // Read in place: 150,000 records are not cloned on each change of date or filter.
        snapshot.with(|s| {
            let snap = match s {
                None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
                Some(Ok(snap)) => snap,
            };
            let found = rows(&snap.records, snap.context(due_soon_days), day, &filter);
            if found.is_empty() {
                return view! { <p class="empty">{c.t(Msg::NoComplianceRows)}</p> }.into_any();
            }
            let chosen = Status::from_code(&status.get());
            let here = |with: Option<Status>| {
                tile_href(&[
                    ("as_of", as_of.get()),
                    ("program", program.get()),
                    ("worker", worker.get()),
                    ("requirement", requirement.get()),
                    ("status", with.map(|s| s.code().to_owned()).unwrap_or_default()),
                ])
            };
            let tiles = counts(&found)
                .into_iter()
                .map(|(s, n)| {
                    let current = (chosen == Some(s)).then_some("page");
                    // A second click on the chosen tile goes back to the lists by date.
                    let href = here(if chosen == Some(s) { None } else { Some(s) });
                    view! {
                        <li class=format!("tile status-{}", s.code()) data-status=s.code()>
                            <a class="tile-link" href=href aria-current=current>
                                <span class="tile-count">{n}</span>
                                <span class="tile-label">{i18n::status(locale, s)}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            let lists = match chosen {
                Some(s) => view! {
                    {list(snap, locale, &with_status(&found, s), i18n::status(locale, s).to_owned(), "status-list")}
                    <p><a id="all-lists" class="back" href=here(None)>{Msg::AllListsLink.text(locale)}</a></p>
                }
                .into_any(),
                None => Horizon::ALL
                    .into_iter()
                    .zip(["expired-list", "within-30", "within-60", "within-90"])
                    .map(|(h, id)| list(snap, locale, &in_horizon(&found, day, h), horizon_title(h).text(locale).to_owned(), id))
                    .collect_view()
                    .into_any(),
            };
            view! {
                <h2 class="visually-hidden">{c.t(Msg::CountsTitle)}</h2>
                <ul class="tiles" aria-label=c.t(Msg::CountsTitle)>{tiles}</ul>
                {lists}
            }
            .into_any()
        })
    };

    view! {
        <section>
            <div class="page-head">
                <h1>{tr(Msg::ComplianceTitle)}</h1>
                <div class="actions">
                    <button type="button" id="download-csv" on:click=download>{tr(Msg::DownloadCsv)}</button>
                </div>
            </div>
            <div class="filters">
                <div class="field">
                    <label for="compliance-as-of">{tr(Msg::AsOfLabel)}</label>
                    <input id="compliance-as-of" type="date" prop:value=move || day().to_iso()
                        on:input=move |ev| as_of.set(event_target_value(&ev)) />
                </div>
                <Select id="filter-program" label=Msg::LabelProgram value=program options=program_options placeholder=Msg::AllOption />
                <Select id="filter-worker" label=Msg::LabelWorkerType value=worker options=worker_options placeholder=Msg::AllOption />
                <Select id="filter-requirement" label=Msg::LabelRequirement value=requirement options=requirement_options placeholder=Msg::AllOption />
            </div>
            {dynamic(body)}
        </section>
    }
}
