//! "My record" in the browser: a person's page downloads their record as a file
//! (docs/person-record.md); the People page imports one after showing who it matches and
//! what it adds. The rules (what travels, matching, no duplicates) are `domain::my_record`.

use crate::domain::my_record::{as_someone_new, find_match, plan_import, Added, ImportPlan, Match, PersonFile};
use crate::domain::catalog::builtin_trainings;
use crate::domain::date::DateExt;
use crate::domain::ladders::examples::example_ladders;
use crate::domain::training::{effective_catalog, TrainingType};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;

/// Downloads one person's record.
pub(super) fn download_record(c: Ctx, person_id: String) {
    leptos::task::spawn_local(async move {
        let read = async {
            let person = db().person(&person_id).await?;
            let records = db().person_records(&person_id).await?;
            let own = db().stored_training_types().await?;
            let settings = c.settings.get_untracked();
            Ok::<_, crate::store::StoreError>(person.map(|p| PersonFile::of(&p, &records, &own, settings.issuer(&p))))
        };
        match read.await {
            Ok(Some(file)) => {
                let text = file.to_file(env!("CARGO_PKG_VERSION"), &browser::now_iso());
                let name = format!("escalera-record-{}-{}.json", file.person.id, browser::today().to_iso());
                browser::download(&name, "application/json", &text);
                c.notify(Msg::RecordDownloaded, None);
            }
            Ok(None) => {}
            Err(_) => c.notify(Msg::DbFailed, None),
        }
    });
}

/// What the chosen file would do, kept until the person confirms or cancels.
#[derive(Clone)]
struct Pending {
    file: PersonFile,
    found: Match,
    /// The matched person's name here, when there is one.
    here_name: Option<String>,
    /// The plan as the target (matched person) and as someone new.
    as_match: Option<ImportPlan>,
    as_new: ImportPlan,
}

/// At an employer what the file brings waits for verification here; a person keeping their
/// own record takes it as it is (`my_record::plan_import`).
async fn plan(file: PersonFile, confirm_on: Option<crate::domain::date::Date>) -> Result<Pending, crate::store::StoreError> {
    let people = db().people().await?;
    let stored = db().stored_training_types().await?;
    let known: Vec<TrainingType> = effective_catalog(&builtin_trainings(), &stored).into_iter().map(|e| e.training).collect();
    let ladders = db().ladders().await?;
    let examples = example_ladders();
    let ladder_ids: HashSet<&str> = ladders.iter().chain(examples.iter()).map(|l| l.id.as_str()).collect();
    let found = find_match(&people, &file.person);
    let target = found.here().and_then(|id| people.iter().find(|p| p.id == id)).cloned();
    let as_match = match &target {
        Some(t) => Some(plan_import(&file, Some(t), &*db().person_records(&t.id).await?, &known, &ladder_ids, confirm_on)),
        None => None,
    };
    let new_file = as_someone_new(&file, &people, browser::new_id);
    let as_new = plan_import(&new_file, None, &crate::domain::person_records::PersonRecords::new(&new_file.person.id), &known, &ladder_ids, confirm_on);
    Ok(Pending { here_name: target.map(|t| t.name), file, found, as_match, as_new })
}

fn kind_rows(c: Ctx, added: Added) -> impl IntoView {
    let rows = [
        (Msg::RecordKindCompletions, added.completions),
        (Msg::RecordKindWorkHours, added.work_hours),
        (Msg::RecordKindAttestations, added.attestations),
        (Msg::RecordKindPlacements, added.placements),
        (Msg::RecordKindTrainings, added.training_types),
    ];
    view! {
        <table class="list" id="record-preview">
            <thead><tr><th scope="col">{c.t(Msg::BackupColKind)}</th><th scope="col">{c.t(Msg::RecordColNew)}</th></tr></thead>
            <tbody>{rows.into_iter().map(|(label, n)| view! {
                <tr><th scope="row">{c.t(label)}</th><td data-label=c.t(Msg::RecordColNew)>{n}</td></tr>
            }).collect_view()}</tbody>
        </table>
    }
}

/// The People page's "Import a person's record".
#[component]
pub fn RecordImport() -> impl IntoView {
    let c = use_ctx();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    // A name match must be confirmed; an id or email match is the same person.
    let same_person = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        problem.set(None);
        pending.set(None);
        same_person.set(false);
        let Some(file) = browser::chosen_file(&input) else { return };
        leptos::task::spawn_local(async move {
            let locale = c.locale.get_untracked();
            let Ok(text) = gloo_file::futures::read_as_text(&file).await else {
                return problem.set(Some(Msg::BackupUnreadable.text(locale).to_owned()));
            };
            match PersonFile::from_file(&text) {
                Err(p) => problem.set(Some(i18n::record_problem(locale, &p))),
                Ok(file) => match plan(file, (!c.settings.get_untracked().is_personal()).then(browser::today)).await {
                    Ok(p) => pending.set(Some(p)),
                    Err(_) => problem.set(Some(Msg::DbFailed.text(locale).to_owned())),
                },
            }
        });
    };
    let chosen_plan = move || {
        pending.with(|p| {
            let p = p.as_ref()?;
            let for_here = p.found.is_for_person_here(same_person.get());
            Some(if for_here { p.as_match.clone().unwrap_or_else(|| p.as_new.clone()) } else { p.as_new.clone() })
        })
    };
    let cancel = move |_| {
        pending.set(None);
        browser::clear_file(&input);
    };
    let import = move |_| {
        let Some(plan) = chosen_plan() else { return };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match db().import_person(&plan).await {
                Ok(()) => {
                    pending.set(None);
                    c.changed();
                    navigate(&format!("/people/{}", plan.person.id), Default::default());
                    c.notify(Msg::RecordImported, None);
                }
                // One transaction: a failure wrote nothing.
                Err(e) => problem.set(Some(c.t(crate::ui::ctx::refused(&e, Msg::SaveFailed)).to_owned())),
            }
        });
    };

    let preview = move || {
        let locale = c.locale.get();
        let p = pending.get()?;
        let plan = chosen_plan()?;
        let who = i18n::record_match(locale, &p.found, p.here_name.as_deref().unwrap_or(&p.file.person.name));
        let nothing = plan.added.total() + plan.added.training_types == 0 && !plan.person_is_new;
        Some(view! {
            <div class="restore-preview" role="region" aria-labelledby="record-preview-title">
                <h3 id="record-preview-title">{p.file.person.name.clone()}</h3>
                <p id="record-match">{who}</p>
                {matches!(p.found, Match::Name(_)).then(|| view! {
                    <label class="check">
                        <input type="checkbox" id="record-same-person" prop:checked=same_person
                            on:change=move |ev| same_person.set(event_target_checked(&ev)) />
                        {c.t(Msg::RecordSamePerson)}
                    </label>
                })}
                {kind_rows(c, plan.added)}
                {(plan.added.already_here > 0).then(|| view! { <p>{i18n::record_already_here(locale, plan.added.already_here)}</p> })}
                {(plan.added.other_ladders > 0).then(|| view! { <p>{i18n::record_other_ladders(locale, plan.added.other_ladders)}</p> })}
                {nothing.then(|| view! { <p class="alert alert-info" id="record-nothing-new">{c.t(Msg::RecordNothingNew)}</p> })}
                <div class="actions">
                    <button type="button" class="primary" disabled=nothing on:click=import.clone()>{c.t(Msg::RecordImport)}</button>
                    <button type="button" class="link" on:click=cancel>{c.t(Msg::Cancel)}</button>
                </div>
            </div>
        })
    };

    view! {
        <details class="card disclosure record-import">
            <summary><h2>{tr(Msg::RecordImportTitle)}</h2></summary>
            <div class="field">
                <label for="record-file">{tr(Msg::RecordImportChoose)}</label>
                <p class="hint" id="record-file-hint">{tr(Msg::RecordImportHint)}</p>
                <input id="record-file" type="file" accept="application/json,.json" node_ref=input on:change=chosen aria-describedby="record-file-hint record-file-error" />
                <p class="error" id="record-file-error" role="alert">{move || problem.get()}</p>
            </div>
            {dynamic(preview)}
        </details>
    }
}
