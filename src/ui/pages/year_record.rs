//! A person's training record for one calendar year, laid out with the fields of DHCS's
//! "Medi-Cal Community Health Worker Annual Continuing Training Checklist", for printing
//! (print styles fit A4 and US Letter) and keeping on file for audits.

use super::{load_snapshot, Whose, page_id};
use crate::domain::compliance::{record_years, year_record};
use crate::domain::date::Datelike;
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, use_ctx};
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::{use_navigate, use_params};
use leptos_router::params::Params;

/// `/people/:id/record/:year`, typed: a year that is not a number in range is "not found".
#[derive(Params, Clone, PartialEq)]
struct RecordParams {
    id: Option<String>,
    year: Option<i32>,
}

#[component]
pub fn YearRecordRoute() -> impl IntoView {
    let params = use_params::<RecordParams>();
    move || match params.get() {
        Ok(RecordParams { id: Some(id), year: Some(year) }) if (1900..=2200).contains(&year) => view! { <YearRecord id year /> }.into_any(),
        _ => super::NotFound().into_any(),
    }
}

#[component]
fn YearRecord(id: String, year: i32) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(id.get_untracked()));
    // Choosing another year is a new page (its own URL, so it can be bookmarked or shared).
    let navigate = use_navigate();
    let choose_year = move |ev: leptos::ev::Event| {
        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
            navigate(&format!("/people/{}/record/{y}", id.get_untracked()), Default::default());
        }
    };

    let body = move || {
        let locale = c.locale.get();
        let snap = match snapshot.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(snap)) => snap,
        };
        let Some(person) = snap.records.people.first().cloned() else { return super::NotFound().into_any() };
        browser::set_title(&format!("{} · {} {year}", person.name, c.t(Msg::YearRecordTitle)));
        let facts = snap.records.facts(&person);
        let (entries, total) = year_record(facts.completions, &snap.catalog, year);
        let left_out = crate::domain::compliance::not_counted(facts.completions, Some(year), browser::today());
        let years = record_years(facts.completions, browser::today().year());
        let dash = || "—".to_owned();
        let or_dash = |s: &str| if s.trim().is_empty() { dash() } else { s.to_owned() };
        let name_title = [person.name.as_str(), person.role_title.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
        let fields = [
            (Msg::RecordNameTitle, name_title),
            (Msg::RecordSupervisor, or_dash(&person.supervisor)),
            (Msg::RecordSupervisingOrg, or_dash(person.supervising_organization())),
            (Msg::RecordEmploymentStart, person.hire_date.map(|d| i18n::date(locale, d)).unwrap_or_else(dash)),
            (Msg::RecordEmploymentType, person.employment_type.map(|t| i18n::employment_type(locale, t).to_owned()).unwrap_or_else(dash)),
        ];
        let rows = entries
            .iter()
            .map(|done| {
                let training = snap.trainings.iter().find(|t| t.id == done.training_id);
                let topic = snap.training_name(locale, &done.training_id);
                let description = if done.notes.is_empty() { training.map(|t| t.description.get(locale).to_owned()).unwrap_or_default() } else { done.notes.clone() };
                view! {
                    <tr>
                        <td data-label=c.t(Msg::ColDate)>{i18n::date(locale, done.completed_on)}</td>
                        <td data-label=c.t(Msg::RecordTopic)>{topic}</td>
                        <td data-label=c.t(Msg::RecordDescription)>{description}</td>
                        <td data-label=c.t(Msg::ColHours) class="num">{i18n::hours(locale, done.hours)}</td>
                        <td data-label=c.t(Msg::ColProvider)>{done.provider.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let year_options = years.into_iter().map(|y| (y.to_string(), y.to_string())).collect::<Vec<_>>();
        view! {
            <div class="page-head no-print">
                <p><a href=format!("/people/{}", person.id)>{format!("← {}", person.name)}</a></p>
                <div class="actions">
                    <label for="record-year">{c.t(Msg::YearLabel)}</label>
                    <select id="record-year" on:change=choose_year.clone()>
                        {year_options.into_iter().map(|(v, label)| {
                            let selected = v == year.to_string();
                            view! { <option value=v selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" class="primary" on:click=|_| browser::print()>{c.t(Msg::Print)}</button>
                </div>
            </div>
            <article class="printable">
                <h1>{format!("{} {year}", c.t(Msg::YearRecordTitle))}</h1>
                <p class="muted">{c.t(Msg::YearRecordIntro)}</p>
                <dl class="record-fields">
                    {fields.into_iter().map(|(label, value)| view! { <div><dt>{c.t(label)}</dt><dd>{value}</dd></div> }).collect_view()}
                </dl>
                {if entries.is_empty() {
                    view! { <p class="empty">{c.t(Msg::NoTrainingsThatYear)}</p> }.into_any()
                } else {
                    view! {
                        <table class="list record-table" id="year-record">
                            <thead><tr>
                                <th scope="col">{c.t(Msg::ColDate)}</th>
                                <th scope="col">{c.t(Msg::RecordTopic)}</th>
                                <th scope="col">{c.t(Msg::RecordDescription)}</th>
                                <th scope="col" class="num">{c.t(Msg::ColHours)}</th>
                                <th scope="col">{c.t(Msg::ColProvider)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                            <tfoot><tr>
                                <th scope="row" colspan="3">{c.t(Msg::TotalHours)}</th>
                                <td class="num" id="year-total">{i18n::hours(locale, total)}</td>
                                <td></td>
                            </tr></tfoot>
                        </table>
                    }.into_any()
                }}
                {(left_out > 0).then(|| view! { <p class="muted" id="year-left-out">{i18n::fmt(locale, Fmt::LeftOutUnverified, &[("count", i18n::n(left_out as f64))])}</p> })}
                <div class="signatures">
                    <p>{c.t(Msg::SupervisorSignature)}<span class="line"></span></p>
                    <p>{c.t(Msg::ColDate)}<span class="line"></span></p>
                </div>
            </article>
        }
        .into_any()
    };
    view! { <section class="year-record">{dynamic(body)}</section> }
}
