//! Backup and restore, in Settings: download everything as one file (docs/backup.md); restore
//! one after a preview of what would change, by replacing everything or merging (the newer
//! change wins, every difference shown with both values: `domain::merge`), with the current
//! data one click away first, in one transaction, and with undo. A file that cannot be used
//! says why and changes nothing.

use crate::domain::curricula::plan::PlanRecord;
use crate::domain::backup::{preview, BackupData, Change, Kind, Reading};
use crate::domain::catalog::builtin_trainings;
use crate::domain::merge::{Conflict, Merged, Merging, Side, Subject};
use crate::domain::text::Locale;
use crate::domain::training::TrainingType;
use crate::ui::table::{self, Cell, Column, Row};
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

/// What reading a chosen backup is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Reading,
    Checking,
    Comparing,
}

/// A merge a few hundred people at a time, the page painting (and `progress` shown) between.
async fn merge_in_steps(here: &BackupData, file: &BackupData, progress: impl Fn(usize, usize)) -> Merged {
    let mut merging = Merging::start(here, file);
    loop {
        let (done, total) = merging.progress();
        progress(done, total);
        browser::next_frame().await;
        if done == total {
            return merging.finish();
        }
        merging.step(250);
    }
}

fn count(n: usize) -> Cell {
    Cell::Text(n.to_string())
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
        Kind::TrainingPlans => Msg::BackupKindTraining,
    }
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let c = use_ctx();
    let problem = RwSignal::new(None::<String>);
    let changes = RwSignal::new(None::<Vec<(Kind, Change)>>);
    let incoming = StoredValue::new_local(None::<BackupData>);
    // What is here now (for the merge's record names) and the merge, worked out with the preview.
    let here = StoredValue::new_local(None::<BackupData>);
    let merged = StoredValue::new_local(None::<Merged>);
    let merging = RwSignal::new(false);
    // While a file is read and checked: what is being done, and how far (done, total).
    let progress = RwSignal::new(None::<(Step, u64, u64)>);
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        problem.set(None);
        changes.set(None);
        let Some(file) = browser::chosen_file(&input) else { return };
        leptos::task::spawn_local(async move {
            let locale = c.locale.get_untracked();
            // Read in slices, then checked a few hundred people at a time, the page painting
            // its progress between steps: a large file never holds the page for long.
            let read = browser::read_text_in_slices(&file, |done, total| progress.set(Some((Step::Reading, done, total)))).await;
            let Ok(text) = read else {
                progress.set(None);
                problem.set(Some(Msg::BackupUnreadable.text(locale).to_owned()));
                return;
            };
            browser::next_frame().await;
            let checked = async {
                let mut reading = Reading::open(&text, LATEST)?;
                loop {
                    let (done, total) = reading.progress();
                    progress.set(Some((Step::Checking, done as u64, total as u64)));
                    if done == total {
                        break;
                    }
                    browser::next_frame().await;
                    reading.read_some(250)?;
                }
                reading.finish()
            };
            let data = match checked.await {
                Ok(data) => data,
                Err(p) => {
                    progress.set(None);
                    problem.set(Some(i18n::backup_problem(locale, &p, LATEST)));
                    return;
                }
            };
            drop(text);
            progress.set(Some((Step::Comparing, 0, 1)));
            match db().backup_data().await {
                Ok(current) => {
                    let rows = preview(&current, &data);
                    let m = merge_in_steps(&current, &data, |done, total| progress.set(Some((Step::Comparing, done as u64, total.max(1) as u64)))).await;
                    merged.set_value(Some(m));
                    incoming.set_value(Some(data));
                    here.set_value(Some(current));
                    progress.set(None);
                    // The preview shows once everything it offers is ready.
                    changes.set(Some(rows));
                }
                Err(_) => {
                    progress.set(None);
                    problem.set(Some(Msg::DbFailed.text(locale).to_owned()));
                }
            }
        });
    };
    let forget = move || {
        changes.set(None);
        incoming.set_value(None);
        here.set_value(None);
        merged.set_value(None);
        merging.set(false);
    };
    let cancel = move |_| {
        forget();
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
                    forget();
                    c.changed();
                    c.notify(Msg::BackupRestored, Some(Undo::Restore(Box::new(before))));
                }
                // One transaction: a failure (a full disk) wrote nothing.
                Err(e) => problem.set(Some(c.t(crate::ui::ctx::refused(&e, Msg::BackupRestoreFailed)).to_owned())),
            }
        });
    };
    // A merge writes the merged whole the way a restore does: one transaction, with undo. It is
    // merged again with what is here at the click, so nothing saved since the preview (in this
    // tab or another) is lost.
    let merge_in = move |_| {
        let Some(data) = incoming.get_value() else { return };
        leptos::task::spawn_local(async move {
            let before = match db().backup_data().await {
                Ok(before) => before,
                Err(_) => return c.notify(Msg::DbFailed, None),
            };
            let m = merge_in_steps(&before, &data, |_, _| {}).await;
            match db().restore(&m.data).await {
                Ok(()) => {
                    forget();
                    c.changed();
                    c.notify(Msg::BackupMerged, Some(Undo::Restore(Box::new(before))));
                }
                Err(e) => problem.set(Some(c.t(crate::ui::ctx::refused(&e, Msg::BackupRestoreFailed)).to_owned())),
            }
        });
    };

    let mode = move || {
        let locale = c.locale.get();
        let option = |id: &'static str, merge: bool, label: Msg, hint: Msg| {
            let hint_id = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input type="radio" name="restore-mode" id=id prop:checked=move || merging.get() == merge
                        on:change=move |_| merging.set(merge) aria-describedby=hint_id.clone() />
                    <label for=id>{label.text(locale)}</label>
                    <p class="hint" id=hint_id>{hint.text(locale)}</p>
                </div>
            }
        };
        view! {
            <fieldset class="restore-mode">
                <legend>{Msg::BackupModeLegend.text(locale)}</legend>
                {option("restore-mode-replace", false, Msg::BackupModeReplace, Msg::BackupModeReplaceHint)}
                {option("restore-mode-merge", true, Msg::BackupModeMerge, Msg::BackupModeMergeHint)}
            </fieldset>
        }
    };

    let replace_view = move |locale: Locale, rows: Vec<(Kind, Change)>| {
        let columns = [
            Column::row_header(Msg::BackupColKind.text(locale)),
            Column::num(Msg::BackupColInFile.text(locale)),
            Column::num(Msg::BackupColNew.text(locale)),
            Column::num(Msg::BackupColChanged.text(locale)),
            Column::num(Msg::BackupColRemoved.text(locale)),
        ];
        let rows = rows
            .into_iter()
            .map(|(kind, ch)| Row::new(vec![kind_label(kind).text(locale).into(), count(ch.incoming), count(ch.new), count(ch.changed), count(ch.removed)]))
            .collect();
        view! {
            <h3 id="restore-preview-title">{Msg::BackupPreviewTitle.text(locale)}</h3>
            <p>{Msg::BackupPreviewIntro.text(locale)}</p>
            {table::table("restore-preview", "", &columns, rows)}
            <div class="actions">
                <button type="button" on:click=move |_| download_backup(c)>{Msg::BackupDownloadCurrentFirst.text(locale)}</button>
                <button type="button" class="primary" on:click=replace>{Msg::BackupReplace.text(locale)}</button>
                <button type="button" class="link" on:click=cancel>{Msg::Cancel.text(locale)}</button>
            </div>
        }
    };

    let merge_view = move |locale: Locale| {
        let (Some(m), Some(now)) = (merged.get_value(), here.get_value()) else { return ().into_any() };
        let columns = [
            Column::row_header(Msg::BackupColKind.text(locale)),
            Column::num(Msg::BackupColAdded.text(locale)),
            Column::num(Msg::BackupColUpdated.text(locale)),
            Column::num(Msg::BackupColKeptHere.text(locale)),
            Column::num(Msg::BackupColDeleted.text(locale)),
        ];
        let tally = m.tally.iter().map(|(kind, t)| Row::new(vec![kind_label(*kind).text(locale).into(), count(t.added), count(t.updated), count(t.kept), count(t.deleted)])).collect();
        // One row per field that differs, each naming its record and the side kept.
        let names = Names::of(&now);
        let conflict_columns = [
            Column::row_header(Msg::BackupColRecord.text(locale)),
            Column::text(Msg::BackupColField.text(locale)),
            Column::text(Msg::BackupColHere.text(locale)),
            Column::text(Msg::BackupColInBackup.text(locale)),
            Column::text(Msg::BackupColKept.text(locale)),
        ];
        let mut conflict_rows = Vec::new();
        for conflict in &m.conflicts {
            let record = names.label(conflict, locale);
            let kept = match conflict.kept {
                Side::Here => format!("{} ({})", Msg::BackupKeptHere.text(locale), i18n::backup_changed_on(locale, conflict.here_at.as_deref())),
                Side::File => format!("{} ({})", Msg::BackupKeptFile.text(locale), i18n::backup_changed_on(locale, conflict.file_at.as_deref())),
            };
            for f in &conflict.fields {
                let field = Cell::View(view! { <code>{f.name.clone()}</code> }.into_any());
                conflict_rows.push(Row::new(vec![record.clone().into(), field, f.here.clone().into(), f.file.clone().into(), kept.clone().into()]));
            }
        }
        let conflicts = (!m.conflicts.is_empty()).then(|| table::table("merge-conflicts", "", &conflict_columns, conflict_rows));
        let anything = m.changes_anything();
        view! {
            <h3 id="restore-preview-title">{Msg::BackupMergeTitle.text(locale)}</h3>
            {table::table("merge-preview", "", &columns, tally)}
            <p id="merge-conflicts-title">{i18n::backup_conflicts(locale, m.conflicts.len())}</p>
            {conflicts}
            {(!anything).then(|| view! { <p class="alert alert-info" id="merge-nothing">{Msg::BackupMergeNothing.text(locale)}</p> })}
            <div class="actions">
                <button type="button" on:click=move |_| download_backup(c)>{Msg::BackupDownloadCurrentFirst.text(locale)}</button>
                <button type="button" class="primary" on:click=merge_in disabled=!anything>{Msg::BackupMerge.text(locale)}</button>
                <button type="button" class="link" on:click=cancel>{Msg::Cancel.text(locale)}</button>
            </div>
        }
        .into_any()
    };

    let table = move || {
        let locale = c.locale.get();
        changes.get().map(|rows| {
            let chosen = if merging.get() { merge_view(locale) } else { replace_view(locale, rows).into_any() };
            view! {
                <div class="restore-preview" role="region" aria-labelledby="restore-preview-title">
                    {mode()}
                    {chosen}
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
        <div class="restore-progress" aria-live="polite">
            {move || progress.get().map(|(step, done, total)| {
                let locale = c.locale.get();
                let percent = if total == 0 { 100 } else { (done * 100 / total).min(100) as u32 };
                let text = match step {
                    Step::Reading => i18n::backup_reading(locale, percent),
                    Step::Checking => i18n::backup_checking(locale, done as u32, total as u32),
                    Step::Comparing => Msg::BackupComparing.text(locale).to_owned(),
                };
                view! {
                    <p id="restore-progress-text">{text}</p>
                    <progress id="restore-progress" max="100" value=percent aria-labelledby="restore-progress-text"></progress>
                }
            })}
        </div>
        {dynamic(table)}
    }
}

/// Names for the records a merge found different, as this device has them: the built-in
/// catalog is read once per preview, not once per record.
struct Names<'a> {
    here: &'a BackupData,
    builtins: Vec<TrainingType>,
}

impl<'a> Names<'a> {
    fn of(here: &'a BackupData) -> Names<'a> {
        Names { here, builtins: builtin_trainings() }
    }

    fn training(&self, id: &str, locale: Locale) -> String {
        self.here.training_types.iter().chain(&self.builtins).find(|t| t.id == id).map(|t| t.name.get(locale).to_owned()).unwrap_or_else(|| id.to_owned())
    }

    fn person(&self, id: &str) -> String {
        self.here.people.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_else(|| id.to_owned())
    }

    /// The person, the training, the ladder…; a record in a person's document by its person
    /// and, for a training completed, the training and the day.
    fn label(&self, c: &Conflict, locale: Locale) -> String {
        let here = self.here;
        let kind = match c.subject {
            Subject::PayPolicy => return Msg::BackupPayPolicy.text(locale).to_owned(),
            Subject::Record(kind) => kind,
        };
        let name = match kind {
            Kind::People => self.person(&c.id),
            Kind::PersonRecords => {
                let owner = c.person_id.as_deref().map(|p| self.person(p)).unwrap_or_default();
                let done = here.files.iter().filter(|f| Some(f.person_id.as_str()) == c.person_id.as_deref()).flat_map(|f| &f.completions).find(|x| x.id == c.id);
                match done {
                    Some(x) => format!("{owner}: {} ({})", self.training(&x.training_id, locale), i18n::date(locale, x.completed_on)),
                    None => owner,
                }
            }
            Kind::TrainingTypes => self.training(&c.id, locale),
            Kind::Requirements => here.requirements.iter().find(|x| x.id == c.id).map(|x| x.name.get(locale).to_owned()).unwrap_or_default(),
            Kind::Ladders => here.ladders.iter().find(|x| x.id == c.id).map(|x| x.name.get(locale).to_owned()).unwrap_or_default(),
            Kind::PayGrades => here.pay_grades.iter().find(|x| x.id == c.id).map(|x| x.name.get(locale).to_owned()).unwrap_or_default(),
            Kind::WageFloors => here.wage_floors.iter().find(|x| x.id == c.id).map(|x| x.name.get(locale).to_owned()).unwrap_or_default(),
            Kind::PromotionPlans => here.promotion_plans.iter().find(|x| x.id == c.id).map(|x| x.name.clone()).unwrap_or_default(),
            Kind::TrainingPlans => match here.training.iter().find(|x| x.key == c.id).map(|x| &x.record) {
                Some(PlanRecord::Curriculum(x)) => x.name.get(locale).to_owned(),
                Some(PlanRecord::Cohort(x)) => x.name.clone(),
                Some(PlanRecord::Session(x)) => format!("{} ({})", self.training(&x.training_id, locale), i18n::date(locale, x.on)),
                _ => String::new(),
            },
        };
        format!("{}: {}", kind_label(kind).text(locale), if name.is_empty() { c.id.clone() } else { name })
    }
}
