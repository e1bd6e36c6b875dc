//! Backup and restore, in Settings: download everything as one file (docs/backup.md); restore
//! one after a preview of what would change, with the current data one click away first, in
//! one transaction, and with undo. A file that cannot be used says why and changes nothing.

use crate::domain::backup::{preview, BackupData, Change, Kind};
use crate::domain::date::DateExt;
use crate::domain::settings::Settings;
use crate::i18n::{self, Msg};
use crate::store::schema::LATEST;
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx, Undo};
use leptos::prelude::*;

/// Downloads a backup and remembers the day (for "last backup" and the reminder).
pub(super) fn download_backup(c: Ctx) {
    leptos::task::spawn_local(async move {
        match db().backup_data().await {
            Ok(data) => {
                let text = data.to_file(LATEST, env!("CARGO_PKG_VERSION"), &browser::now_iso());
                browser::download(&format!("escalera-backup-{}.json", browser::today().to_iso()), "application/json", &text);
                let settings = Settings { last_backup_on: Some(browser::today()), ..c.settings.get_untracked() };
                if db().save_settings(&settings).await.is_ok() {
                    c.settings.set(settings);
                }
                c.notify(Msg::BackupDownloaded, None);
            }
            Err(_) => c.notify(Msg::DbFailed, None),
        }
    });
}

/// A gentle reminder to back up, once there is data worth keeping and the last backup is as
/// old as the period chosen in Settings (default 30 days). "Later" hides it until the next
/// visit.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let c = use_ctx();
    let people = super::load_people(c);
    let later = RwSignal::new(false);
    // The first day with data starts the reminder period.
    Effect::new(move |_| {
        let has_data = people.get().and_then(Result::ok).is_some_and(|p| !p.is_empty());
        if let Some(settings) = c.settings.with_untracked(|s| s.start_keeping(browser::today(), has_data)) {
            leptos::task::spawn_local(async move {
                if db().save_settings(&settings).await.is_ok() {
                    c.settings.set(settings);
                }
            });
        }
    });
    let due = move || {
        let has_data = people.get().and_then(Result::ok).is_some_and(|p| !p.is_empty());
        !later.get() && c.settings.with(|s| s.backup_due(browser::today(), has_data))
    };
    let text = move || {
        let locale = c.locale.get();
        c.settings.with(|s| i18n::backup_reminder(locale, s.days_since_backup(browser::today())))
    };
    view! {
        <Show when=due>
            <div class="alert alert-info backup-reminder" id="backup-reminder">
                <p>{text}</p>
                <button type="button" on:click=move |_| download_backup(c)>{tr(Msg::BackupDownload)}</button>
                <button type="button" class="link" on:click=move |_| later.set(true)>{tr(Msg::UpdateLater)}</button>
            </div>
        </Show>
    }
}

/// "Last backup: 3 days ago." with a link to Settings, on the home page of each mode (People,
/// or one's own page), so the state of the backup is seen without looking for it.
#[component]
pub fn LastBackupLine() -> impl IntoView {
    let c = use_ctx();
    view! {
        <p class="last-backup-line muted" id="home-last-backup">
            {move || {
                let locale = c.locale.get();
                c.settings.with(|s| i18n::last_backup(locale, s.days_since_backup(browser::today())))
            }}
            " "
            <a href="/settings#backup-title">{tr(Msg::BackupTitle)}</a>
        </p>
    }
}

fn kind_label(kind: Kind) -> Msg {
    match kind {
        Kind::People => Msg::BackupKindPeople,
        Kind::PersonRecords => Msg::BackupKindRecords,
        Kind::TrainingTypes => Msg::BackupKindTrainings,
        Kind::Requirements => Msg::BackupKindRequirements,
        Kind::Ladders => Msg::BackupKindLadders,
        Kind::PayGrades => Msg::BackupKindGrades,
        Kind::WageFloors => Msg::BackupKindFloors,
        Kind::PromotionPlans => Msg::BackupKindPlans,
    }
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let c = use_ctx();
    let problem = RwSignal::new(None::<String>);
    let changes = RwSignal::new(None::<Vec<(Kind, Change)>>);
    let incoming = StoredValue::new_local(None::<BackupData>);
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        problem.set(None);
        changes.set(None);
        let Some(file) = browser::chosen_file(&input) else { return };
        leptos::task::spawn_local(async move {
            let locale = c.locale.get_untracked();
            let text = match gloo_file::futures::read_as_text(&file).await {
                Ok(text) => text,
                Err(_) => {
                    problem.set(Some(Msg::BackupUnreadable.text(locale).to_owned()));
                    return;
                }
            };
            match BackupData::from_file(&text, LATEST) {
                Err(p) => problem.set(Some(i18n::backup_problem(locale, &p, LATEST))),
                Ok(data) => match db().backup_data().await {
                    Ok(current) => {
                        changes.set(Some(preview(&current, &data)));
                        incoming.set_value(Some(data));
                    }
                    Err(_) => problem.set(Some(Msg::DbFailed.text(locale).to_owned())),
                },
            }
        });
    };
    let cancel = move |_| {
        changes.set(None);
        incoming.set_value(None);
        browser::clear_file(&input);
    };
    let replace = move |_| {
        let Some(data) = incoming.get_value() else { return };
        let data = c.settings.with_untracked(|here| data.keeping_device_facts_of(here));
        leptos::task::spawn_local(async move {
            let before = match db().backup_data().await {
                Ok(before) => before,
                Err(_) => return c.notify(Msg::DbFailed, None),
            };
            match db().restore(&data).await {
                Ok(()) => {
                    c.settings.set(data.settings.clone());
                    changes.set(None);
                    incoming.set_value(None);
                    c.changed();
                    c.notify(Msg::BackupRestored, Some(Undo::Restore(Box::new(before))));
                }
                // One transaction: a failure (a full disk) wrote nothing.
                Err(_) => problem.set(Some(c.t(Msg::BackupRestoreFailed).to_owned())),
            }
        });
    };

    let table = move || {
        let locale = c.locale.get();
        changes.get().map(|rows| {
            let body = rows
                .into_iter()
                .map(|(kind, ch)| view! {
                    <tr>
                        <th scope="row">{kind_label(kind).text(locale)}</th>
                        <td data-label=Msg::BackupColInFile.text(locale)>{ch.incoming}</td>
                        <td data-label=Msg::BackupColNew.text(locale)>{ch.new}</td>
                        <td data-label=Msg::BackupColChanged.text(locale)>{ch.changed}</td>
                        <td data-label=Msg::BackupColRemoved.text(locale)>{ch.removed}</td>
                    </tr>
                })
                .collect_view();
            view! {
                <div class="restore-preview" role="region" aria-labelledby="restore-preview-title">
                    <h3 id="restore-preview-title">{Msg::BackupPreviewTitle.text(locale)}</h3>
                    <p>{Msg::BackupPreviewIntro.text(locale)}</p>
                    <table class="list" id="restore-preview">
                        <thead><tr>
                            <th scope="col">{Msg::BackupColKind.text(locale)}</th>
                            <th scope="col">{Msg::BackupColInFile.text(locale)}</th>
                            <th scope="col">{Msg::BackupColNew.text(locale)}</th>
                            <th scope="col">{Msg::BackupColChanged.text(locale)}</th>
                            <th scope="col">{Msg::BackupColRemoved.text(locale)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                    <div class="actions">
                        <button type="button" on:click=move |_| download_backup(c)>{Msg::BackupDownloadCurrentFirst.text(locale)}</button>
                        <button type="button" class="primary" on:click=replace>{Msg::BackupReplace.text(locale)}</button>
                        <button type="button" class="link" on:click=cancel>{Msg::Cancel.text(locale)}</button>
                    </div>
                </div>
            }
        })
    };

    view! {
        <h2 id="backup-title">{tr(Msg::BackupTitle)}</h2>
        <p>{tr(Msg::BackupIntro)}</p>
        <p id="last-backup">{move || {
            let locale = c.locale.get();
            c.settings.with(|s| i18n::last_backup(locale, s.days_since_backup(browser::today())))
        }}</p>
        <p class="actions"><button type="button" id="download-backup" on:click=move |_| download_backup(c)>{tr(Msg::BackupDownload)}</button></p>
        <div class="field">
            <label for="restore-file">{tr(Msg::BackupChooseFile)}</label>
            <p class="hint" id="restore-file-hint">{tr(Msg::BackupChooseHint)}</p>
            <input id="restore-file" type="file" accept="application/json,.json" node_ref=input on:change=chosen aria-describedby="restore-file-hint restore-file-error" />
            <p class="error" id="restore-file-error" role="alert">{move || problem.get()}</p>
        </div>
        {dynamic(table)}
    }
}
