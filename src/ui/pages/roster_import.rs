//! The People page's "Import people from a spreadsheet (CSV)" and "Import trainings completed
//! from a spreadsheet (CSV)": choose a file, check which column holds what (guessed, and
//! remembered for next time), see every row's problem by line and column, then add the valid
//! rows in one transaction. The reading and the rules are `domain::roster_import`; nothing is
//! written before the person confirms.

use crate::domain::catalog::builtin_trainings;
use crate::domain::compliance::Records;
use crate::domain::training::{effective_catalog, TrainingType};
use crate::domain::roster_import::{decode, delimiter, guess, plan, plan_completions, read_table, remember, required_mapped, Column, Encoding, Mapping, RowProblem, Table, COMPLETION_COLUMNS};
use crate::export::records::roster_report;
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::table::{self, Column as TableColumn, Row};
use crate::ui::ctx::{db, dynamic, tr, use_ctx};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// What a checked file would add: people, or trainings completed.
#[derive(Clone, PartialEq)]
enum Checked {
    People(Vec<crate::domain::person::Person>),
    Completions(Vec<crate::domain::completion::Completion>),
}

impl Checked {
    fn len(&self) -> usize {
        match self {
            Checked::People(x) => x.len(),
            Checked::Completions(x) => x.len(),
        }
    }
}

/// `completions`: a file of trainings completed rather than a roster of people.
#[component]
pub fn RosterImport(#[prop(optional)] completions: bool) -> impl IntoView {
    let c = use_ctx();
    // Where the last mapping is remembered (field code → header name), on this device only.
    let mapping_key = if completions { "escalera.completions-mapping" } else { "escalera.roster-mapping" };
    let columns: &'static [Column] = if completions { &COMPLETION_COLUMNS } else { &Column::ALL };
    let prefix = if completions { "completions" } else { "roster" };
    // Everyone's records and the catalog, read when a file is chosen (not on every visit to
    // the People page): the store's cache makes a second read cheap.
    let known = StoredValue::new_local(None::<(Records, Vec<TrainingType>)>);
    let problem = RwSignal::new(None::<String>);
    let latin1 = RwSignal::new(false);
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Mapping::new());
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        problem.set(None);
        table.set(None);
        let Some(file) = browser::chosen_file(&input) else { return };
        leptos::task::spawn_local(async move {
            let locale = c.locale.get_untracked();
            let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                return problem.set(Some(Msg::BackupUnreadable.text(locale).to_owned()));
            };
            let read = async {
                let stored = db().stored_training_types().await?;
                let trainings = effective_catalog(&builtin_trainings(), &stored).into_iter().map(|e| e.training).collect();
                Ok::<_, crate::store::StoreError>((db().everyone().await?, trainings))
            };
            match read.await {
                Ok(data) => known.set_value(Some(data)),
                Err(_) => return problem.set(Some(Msg::DbFailed.text(locale).to_owned())),
            }
            let (text, encoding) = decode(&bytes);
            match read_table(&text, delimiter(&text)) {
                Ok(t) if !t.rows.is_empty() => {
                    let remembered: Vec<(String, String)> = LocalStorage::get(mapping_key).unwrap_or_default();
                    latin1.set(encoding == Encoding::Windows1252);
                    mapping.set(guess(columns, &t.headers, &remembered));
                    table.set(Some(t));
                }
                _ => problem.set(Some(Msg::RosterNotCsv.text(locale).to_owned())),
            }
        });
    };
    // The plan follows the mapping; ids are given when the rows are added.
    let checked = Memo::new(move |_| {
        let today = browser::today();
        table.with(|t| {
            let t = t.as_ref()?;
            known.with_value(|k| {
                let (records, trainings) = k.as_ref()?;
                let people = records.people.as_slice();
                mapping.with(|m| {
                    Some(if completions {
                        let here = |id: &str| records.file(id).map(|f| f.completions.iter().filter(|c| !c.removed).map(|c| (c.training_id.clone(), c.completed_on)).collect()).unwrap_or_default();
                        let p = plan_completions(t, m, people, &here, trainings, today, &mut String::new);
                        (Checked::Completions(p.items), p.problems, p.rows_with_problems)
                    } else {
                        let p = plan(t, m, people, &mut String::new);
                        (Checked::People(p.items), p.problems, p.rows_with_problems)
                    })
                })
            })
        })
    });
    let has_names = move || mapping.with(required_mapped);
    let cancel = move |_| {
        table.set(None);
        browser::clear_file(&input);
    };
    let add = move |_| {
        let Some((found, _, _)) = checked.get_untracked() else { return };
        if let Some(t) = table.get_untracked() {
            let _ = LocalStorage::set(mapping_key, mapping.with_untracked(|m| remember(&t.headers, m)));
        }
        leptos::task::spawn_local(async move {
            let (saved, done) = match found {
                Checked::People(people) => {
                    let people: Vec<_> = people.into_iter().map(|p| crate::domain::person::Person { id: browser::new_id(), ..p }).collect();
                    (db().save_people(&people).await, Msg::RosterImported)
                }
                Checked::Completions(list) => {
                    let list: Vec<_> = list.into_iter().map(|x| crate::domain::completion::Completion { id: browser::new_id(), ..x }).collect();
                    (db().save_completions(&list).await, Msg::CompletionsImported)
                }
            };
            match saved {
                Ok(()) => {
                    table.set(None);
                    c.changed();
                    c.notify(done, None);
                }
                // One transaction: a failure (a full disk) added nothing.
                Err(e) => problem.set(Some(c.t(crate::ui::ctx::refused(&e, Msg::SaveFailed)).to_owned())),
            }
        });
    };
    let report = move |_| {
        let Some((_, problems, _)) = checked.get_untracked() else { return };
        let csv: String = roster_report(c.locale.get_untracked(), &problems);
        browser::download_csv(&format!("escalera-import-report-{}.csv", crate::domain::date::DateExt::to_iso(browser::today())), &csv, c.settings.with_untracked(|s| s.csv_bom));
    };

    let mapping_view = move || {
        let locale = c.locale.get();
        let headers = table.with(|t| t.as_ref().map(|t| t.headers.clone()))?;
        let selects = columns.iter().copied().map(|column| {
            let id = format!("{prefix}-map-{}", column.code());
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
            {latin1.get().then(|| view! { <p class="alert alert-warning" id=format!("{prefix}-latin1")>{Msg::RosterLatin1.text(locale)}</p> })}
            <div class="roster-mapping">{selects}</div>
        })
    };
    let result_view = move || {
        let locale = c.locale.get();
        let (found, problems, rows_with_problems): (Checked, Vec<RowProblem>, usize) = checked.get()?;
        let (ready, add_label, with_problems) = i18n::roster_counts(locale, completions, found.len(), rows_with_problems);
        let columns = [
            TableColumn::num(Msg::RosterColLine.text(locale)),
            TableColumn::text(Msg::RosterColColumn.text(locale)),
            TableColumn::text(Msg::RosterColValue.text(locale)),
            TableColumn::text(Msg::RosterColProblem.text(locale)),
        ];
        let rows = problems
            .iter()
            .map(|r| Row::new(vec![r.line.to_string().into(), i18n::roster_column(locale, r.column).into(), r.value.clone().into(), i18n::problem(locale, r.problem).into()]))
            .collect();
        let names = has_names();
        let empty = found.len() == 0;
        Some(view! {
            <div class="restore-preview" role="region" aria-labelledby=format!("{prefix}-result")>
                <p id=format!("{prefix}-result")><strong>{ready}</strong></p>
                {(!names).then(|| view! { <p class="alert alert-error">{Msg::RosterNameNeeded.text(locale)}</p> })}
                {(rows_with_problems > 0).then(|| view! {
                    <p>{with_problems}</p>
                    <h3>{Msg::RosterProblemsTitle.text(locale)}</h3>
                    {table::table(&format!("{prefix}-problems"), "", &columns, rows)}
                    <p class="actions"><button type="button" id=format!("{prefix}-report") on:click=report>{Msg::RosterReport.text(locale)}</button></p>
                })}
                <div class="actions">
                    <button type="button" class="primary" id=format!("{prefix}-add") disabled=!names || empty on:click=add.clone()>{add_label}</button>
                    <button type="button" class="link" on:click=cancel>{Msg::Cancel.text(locale)}</button>
                </div>
            </div>
        })
    };

    let (title, hint) = if completions { (Msg::CompletionsImportTitle, Msg::CompletionsImportHint) } else { (Msg::RosterTitle, Msg::RosterHint) };
    let file_id = format!("{prefix}-file");
    view! {
        <details class=format!("card disclosure {prefix}-import")>
            <summary><h2>{tr(title)}</h2></summary>
            <div class="field">
                <label for=file_id.clone()>{tr(Msg::RosterChoose)}</label>
                <p class="hint" id=format!("{prefix}-file-hint")>{tr(hint)}</p>
                <input id=file_id type="file" accept=".csv,text/csv" node_ref=input on:change=chosen
                    aria-describedby=format!("{prefix}-file-hint {prefix}-file-error") />
                <p class="error" id=format!("{prefix}-file-error") role="alert">{move || problem.get()}</p>
            </div>
            {dynamic(mapping_view)}
            {dynamic(result_view)}
        </details>
    }
}
