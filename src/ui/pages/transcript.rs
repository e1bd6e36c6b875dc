//! A person's printable transcript (`/people/:id/transcript`): every training with its date
//! and hours, the certifications held and until when, and the continuing education of each
//! cycle, in the person's preferred language, with their organization's name. Print styles fit
//! A4 and US Letter. What goes on it is `domain::compliance::transcript`.

use super::progress::{badge, date_line};
use super::{load_snapshot, page_id, Whose};
use crate::domain::compliance::transcript;
use crate::domain::status::evaluate_all;
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, use_ctx};
use leptos::prelude::*;

#[component]
pub fn Transcript(id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(id.get_untracked()));
    let body = move || {
        let interface = c.locale.get();
        let due_soon_days = c.settings.with(|s| s.due_soon_days);
        let snap = match snapshot.get() {
            None => return view! { <p class="loading">{c.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(_)) => return view! { <p class="alert alert-error">{c.t(Msg::DbFailed)}</p> }.into_any(),
            Some(Ok(snap)) => snap,
        };
        let Some(person) = snap.records.people.first().cloned() else { return super::NotFound().into_any() };
        // The transcript speaks the person's language; the page around it, the reader's.
        let locale = person.reading_locale(interface);
        let t = |m: Msg| m.text(locale);
        browser::set_title(&format!("{} · {}", person.name, t(Msg::TranscriptTitle)));
        let today = browser::today();
        let facts = snap.records.facts(&person);
        let evaluations = evaluate_all(facts, snap.context(due_soon_days), today);
        let record = transcript(facts.completions, &evaluations, &snap.requirements, &snap.catalog, today);
        let left_out = crate::domain::compliance::not_counted(facts.completions, None, today);
        let or_dash = |s: &str| if s.trim().is_empty() { "—".to_owned() } else { s.to_owned() };
        let fields = [
            (Msg::RecordNameTitle, [person.name.as_str(), person.role_title.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ")),
            (Msg::TranscriptOrganization, or_dash(&[person.organization.as_str(), person.program.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · "))),
            (Msg::ColWorkerType, i18n::worker_type(locale, person.worker_type).to_owned()),
        ];
        let trainings = record.trainings.iter().map(|done| view! {
            <tr>
                <td data-label=t(Msg::ColDate)>{i18n::date(locale, done.completed_on)}</td>
                <td data-label=t(Msg::ColTraining)>{snap.training_name(locale, &done.training_id)}</td>
                <td data-label=t(Msg::ColHours) class="num">{i18n::hours(locale, done.hours)}</td>
                <td data-label=t(Msg::ColProvider)>{done.provider.clone()}</td>
                <td data-label=t(Msg::ColCertificate)>{done.certificate_number.clone()}</td>
            </tr>
        }).collect_view();
        let certifications = record.certifications.iter().map(|e| view! {
            <tr data-requirement=e.requirement_id.clone()>
                <th scope="row">{snap.requirement_name(locale, &e.requirement_id)}</th>
                <td data-label=t(Msg::ColStatus)>{badge(locale, e.status)}</td>
                <td data-label=t(Msg::ColDate)>{date_line(locale, e)}</td>
            </tr>
        }).collect_view();
        let cycles = record.cycles.iter().map(|e| {
            let (from, to) = e.cycle.unwrap_or_default();
            let hours = e.hours_done.zip(e.hours_required).map(|(done, required)| i18n::hours_line(locale, done, required, &e.categories));
            view! {
                <tr data-requirement=e.requirement_id.clone()>
                    <th scope="row">{snap.requirement_name(locale, &e.requirement_id)}</th>
                    <td data-label=t(Msg::ColCycle)>{format!("{} – {}", i18n::date(locale, from), i18n::date(locale, to))}</td>
                    <td data-label=t(Msg::ColHours)>{hours}</td>
                    <td data-label=t(Msg::ColStatus)>{badge(locale, e.status)}</td>
                </tr>
            }
        }).collect_view();
        let lang = locale.code();
        view! {
            <div class="page-head no-print">
                <p><a href=format!("/people/{}", person.id)>{format!("← {}", person.name)}</a></p>
                <div class="actions">
                    <button type="button" class="primary" on:click=|_| browser::print()>{c.t(Msg::Print)}</button>
                </div>
            </div>
            <article class="printable transcript" lang=lang>
                <h1>{t(Msg::TranscriptTitle)}</h1>
                <p class="muted">{t(Msg::TranscriptIntro)}" "{i18n::printed_on(locale, today)}</p>
                <dl class="record-fields">
                    {fields.into_iter().map(|(label, value)| view! { <div><dt>{t(label)}</dt><dd>{value}</dd></div> }).collect_view()}
                </dl>
                <h2>{t(Msg::TranscriptTrainings)}</h2>
                {if record.trainings.is_empty() {
                    view! { <p class="empty">{t(Msg::TranscriptNoTrainings)}</p> }.into_any()
                } else {
                    view! {
                        <table class="list record-table" id="transcript-trainings">
                            <thead><tr>
                                <th scope="col">{t(Msg::ColDate)}</th>
                                <th scope="col">{t(Msg::ColTraining)}</th>
                                <th scope="col" class="num">{t(Msg::ColHours)}</th>
                                <th scope="col">{t(Msg::ColProvider)}</th>
                                <th scope="col">{t(Msg::ColCertificate)}</th>
                            </tr></thead>
                            <tbody>{trainings}</tbody>
                            <tfoot><tr>
                                <th scope="row" colspan="2">{t(Msg::TotalHours)}</th>
                                <td class="num" id="transcript-total">{i18n::hours(locale, record.total)}</td>
                                <td colspan="2"></td>
                            </tr></tfoot>
                        </table>
                    }.into_any()
                }}
                {(left_out > 0).then(|| view! { <p class="muted" id="transcript-left-out">{i18n::fmt(locale, Fmt::LeftOutUnverified, &[("count", i18n::n(left_out as f64))])}</p> })}
                <h2>{t(Msg::TranscriptCertifications)}</h2>
                {if record.certifications.is_empty() {
                    view! { <p class="empty">{t(Msg::TranscriptNoCertifications)}</p> }.into_any()
                } else {
                    view! {
                        <table class="list record-table" id="transcript-certifications">
                            <thead><tr>
                                <th scope="col">{t(Msg::ColRequirement)}</th>
                                <th scope="col">{t(Msg::ColStatus)}</th>
                                <th scope="col">{t(Msg::ColDate)}</th>
                            </tr></thead>
                            <tbody>{certifications}</tbody>
                        </table>
                    }.into_any()
                }}
                {(!record.cycles.is_empty()).then(|| view! {
                    <h2>{t(Msg::TranscriptCe)}</h2>
                    <table class="list record-table" id="transcript-ce">
                        <thead><tr>
                            <th scope="col">{t(Msg::ColRequirement)}</th>
                            <th scope="col">{t(Msg::ColCycle)}</th>
                            <th scope="col">{t(Msg::ColHours)}</th>
                            <th scope="col">{t(Msg::ColStatus)}</th>
                        </tr></thead>
                        <tbody>{cycles}</tbody>
                    </table>
                })}
            </article>
        }
        .into_any()
    };
    view! { <section class="year-record">{dynamic(body)}</section> }
}
