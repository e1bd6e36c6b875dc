//! The People page's "Import people from a spreadsheet (CSV)": choose a file, check which
//! column holds what (guessed, and remembered for next time), see every row's problem by line
//! and column, then add the valid people in one transaction. The reading and the rules are
//! `domain::roster_import`; nothing is written before the person confirms.

use crate::domain::roster_import::{decode, delimiter, guess, plan, read_table, remember, Column, Encoding, Mapping, Plan, Table};
use crate::export::records::roster_report;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Where the last mapping is remembered (field code → header name), on this device only.
const MAPPING_KEY: &str = "escalera.roster-mapping";

#[component]
pub fn RosterImport() -> impl IntoView {
    let c = use_ctx();
    let people = super::load_people(c);
    let problem = RwSignal::new(None::<String>);
    let latin1 = RwSignal::new(false);
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Mapping::new());
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        problem.set(None);
        table.set(None);
        let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move {
            let locale = c.locale.get_untracked();
            let Ok(bytes) = gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await else {
                return problem.set(Some(Msg::BackupUnreadable.text(locale).to_owned()));
            };
            let (text, encoding) = decode(&bytes);
            match read_table(&text, delimiter(&text)) {
                Ok(t) if !t.rows.is_empty() => {
                    let remembered: Vec<(String, String)> = LocalStorage::get(MAPPING_KEY).unwrap_or_default();
                    latin1.set(encoding == Encoding::Windows1252);
                    mapping.set(guess(&t.headers, &remembered));
                    table.set(Some(t));
                }
                _ => problem.set(Some(Msg::RosterNotCsv.text(locale).to_owned())),
            }
        });
    };
    // The plan follows the mapping; ids are given when the people are added.
    let checked = Memo::new(move |_| {
        let existing = people.get().and_then(Result::ok).unwrap_or_default();
        table.with(|t| t.as_ref().map(|t| mapping.with(|m| plan(t, m, &existing, &mut || String::new()))))
    });
    let has_names = move || mapping.with(|m| m.iter().any(|(c, i)| *c == Column::Name && i.is_some()));
    let cancel = move |_| {
        table.set(None);
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };
    let add = move |_| {
        let Some(Plan { people: found, .. }) = checked.get_untracked() else { return };
        let found: Vec<_> = found.into_iter().map(|p| crate::domain::person::Person { id: browser::new_id(), ..p }).collect();
        if let Some(t) = table.get_untracked() {
            let _ = LocalStorage::set(MAPPING_KEY, mapping.with_untracked(|m| remember(&t.headers, m)));
        }
        leptos::task::spawn_local(async move {
            match db().save_people(&found).await {
                Ok(()) => {
                    table.set(None);
                    c.changed();
                    c.notify(Msg::RosterImported, None);
                }
                // One transaction: a failure (a full disk) added no one.
                Err(_) => problem.set(Some(c.t(Msg::DbFailed).to_owned())),
            }
        });
    };
    let report = move |_| {
        let Some(p) = checked.get_untracked() else { return };
        let csv = roster_report(c.locale.get_untracked(), &p.problems);
        browser::download_csv(&format!("escalera-import-report-{}.csv", crate::domain::date::DateExt::to_iso(browser::today())), &csv, c.settings.with_untracked(|s| s.csv_bom));
    };

    let mapping_view = move || {
        let locale = c.locale.get();
        let headers = table.with(|t| t.as_ref().map(|t| t.headers.clone()))?;
        let selects = Column::ALL.into_iter().map(|column| {
            let id = format!("roster-map-{}", column.code());
            let chosen = move || mapping.with(|m| m.iter().find(|(c, _)| *c == column).and_then(|(_, i)| *i)).map_or(String::new(), |i| i.to_string());
            let options = headers.iter().enumerate().map(|(i, h)| view! { <option value=i.to_string()>{h.clone()}</option> }).collect_view();
            view! {
                <div class="field">
                    <label for=id.clone()>{i18n::roster_column(locale, column)}</label>
                    <select id=id prop:value=chosen on:change=move |ev| {
                        let value = event_target_value(&ev).parse::<usize>().ok();
                        mapping.update(|m| if let Some(slot) = m.iter_mut().find(|(c, _)| *c == column) { slot.1 = value });
                    }>
                        <option value="">{Msg::RosterMappingNone.text(locale)}</option>
                        {options}
                    </select>
                </div>
            }
        }).collect_view();
        Some(view! {
            <h3>{Msg::RosterMappingTitle.text(locale)}</h3>
            {latin1.get().then(|| view! { <p class="alert alert-warning" id="roster-latin1">{Msg::RosterLatin1.text(locale)}</p> })}
            <div class="roster-mapping">{selects}</div>
        })
    };
    let result_view = move || {
        let locale = c.locale.get();
        let p = checked.get()?;
        let (ready, add_label, with_problems) = i18n::roster_counts(locale, p.people.len(), p.rows_with_problems);
        let rows = p.problems.iter().map(|r| view! {
            <tr>
                <td data-label=Msg::RosterColLine.text(locale)>{r.line}</td>
                <td data-label=Msg::RosterColColumn.text(locale)>{i18n::roster_column(locale, r.column)}</td>
                <td data-label=Msg::RosterColValue.text(locale)>{r.value.clone()}</td>
                <td data-label=Msg::RosterColProblem.text(locale)>{i18n::problem(locale, r.problem)}</td>
            </tr>
        }).collect_view();
        let names = has_names();
        Some(view! {
            <div class="restore-preview" role="region" aria-labelledby="roster-result">
                <p id="roster-result"><strong>{ready}</strong></p>
                {(!names).then(|| view! { <p class="alert alert-error" id="roster-name-needed">{Msg::RosterNameNeeded.text(locale)}</p> })}
                {(p.rows_with_problems > 0).then(|| view! {
                    <p>{with_problems}</p>
                    <h3>{Msg::RosterProblemsTitle.text(locale)}</h3>
                    <table class="list" id="roster-problems">
                        <thead><tr>
                            <th scope="col">{Msg::RosterColLine.text(locale)}</th>
                            <th scope="col">{Msg::RosterColColumn.text(locale)}</th>
                            <th scope="col">{Msg::RosterColValue.text(locale)}</th>
                            <th scope="col">{Msg::RosterColProblem.text(locale)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="actions"><button type="button" id="roster-report" on:click=report>{Msg::RosterReport.text(locale)}</button></p>
                })}
                <div class="actions">
                    <button type="button" class="primary" id="roster-add" disabled=!names || p.people.is_empty() on:click=add>{add_label}</button>
                    <button type="button" class="link" on:click=cancel>{Msg::Cancel.text(locale)}</button>
                </div>
            </div>
        })
    };

    view! {
        <details class="card disclosure roster-import">
            <summary><h2>{tr(Msg::RosterTitle)}</h2></summary>
            <div class="field">
                <label for="roster-file">{tr(Msg::RosterChoose)}</label>
                <p class="hint" id="roster-file-hint">{tr(Msg::RosterHint)}</p>
                <input id="roster-file" type="file" accept=".csv,text/csv" node_ref=input on:change=chosen aria-describedby="roster-file-hint roster-file-error" />
                <p class="error" id="roster-file-error" role="alert">{move || problem.get()}</p>
            </div>
            {dynamic(mapping_view)}
            {dynamic(result_view)}
        </details>
    }
}
