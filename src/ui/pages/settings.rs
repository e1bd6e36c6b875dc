//! Settings: how this copy is used (my own record or an organization), and which person is
//! "me" in personal mode.

use super::load_people;
use crate::domain::person;
use crate::domain::form::{Errors, Field};
use crate::domain::settings::{parse_backup_reminder_days, parse_due_soon_days, parse_organization_name, Mode, Settings};
use crate::i18n::Msg;
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, tr};
use crate::ui::fields::{checked, ErrorSummary, Input, Select};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::SettingsTitle)));
    let people = load_people(c);
    let current = c.settings.get_untracked();
    let personal = RwSignal::new(current.is_personal());
    let me = RwSignal::new(current.own_person_id().unwrap_or_default().to_owned());
    let failed = RwSignal::new(false);
    let due_soon = RwSignal::new(current.due_soon_days.to_string());
    let reminder = RwSignal::new(current.backup_reminder_days.to_string());
    let csv_bom = RwSignal::new(current.csv_bom);
    let org_name = RwSignal::new(current.organization_name.clone());
    let errors = RwSignal::new(Errors::default());
    // Plain bool signals rather than a resource of a new type: each new reactive type costs
    // kilobytes of bundle.
    let storage_known = RwSignal::new(false);
    let storage_kept = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Some(kept) = browser::storage_is_persistent().await {
            storage_kept.set(kept);
            storage_known.set(true);
        }
    });

    let people_options = Signal::derive(move || {
        let all = people.get().and_then(Result::ok).unwrap_or_default();
        person::search(&all, "", false).into_iter().map(|p| (p.id.clone(), p.name.clone())).collect()
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let mode = if personal.get_untracked() {
            let id = me.get_untracked();
            Mode::Personal { person_id: (!id.is_empty()).then_some(id) }
        } else {
            Mode::Organization
        };
        // Every field's problem is shown at once, not the first one found.
        let parsed = match (
            parse_due_soon_days(&due_soon.get_untracked()),
            parse_backup_reminder_days(&reminder.get_untracked()),
            parse_organization_name(&org_name.get_untracked()),
        ) {
            (Ok(d), Ok(r), Ok(n)) => Ok((d, r, n)),
            (d, r, n) => {
                let mut all = Errors::default();
                for e in [d.err(), r.err(), n.err()].into_iter().flatten() {
                    all.0.extend(e.0);
                }
                Err(all)
            }
        };
        let Some((due_soon_days, backup_reminder_days, organization_name)) = checked(parsed, errors) else { return };
        let settings = Settings { mode: Some(mode), due_soon_days, backup_reminder_days, organization_name, csv_bom: csv_bom.get_untracked(), ..c.settings.get_untracked() };
        leptos::task::spawn_local(async move {
            match db().save_settings(&settings).await {
                Ok(()) => {
                    c.settings.set(settings);
                    c.changed();
                    c.notify(Msg::Saved, None);
                }
                Err(e) => c.form_refused(&e, failed),
            }
        });
    };

    view! {
        <section class="narrow">
            <h1>{tr(Msg::SettingsTitle)}</h1>
            <form novalidate on:submit=submit>
                <ErrorSummary errors />
                <fieldset class="radios">
                    <legend>{tr(Msg::ModeLabel)}</legend>
                    <label class="radio">
                        <input type="radio" name="mode" value="personal" prop:checked=move || personal.get() on:change=move |_| personal.set(true) />
                        <span><strong>{tr(Msg::ModePersonalTitle)}</strong><br />{tr(Msg::ModePersonalBody)}</span>
                    </label>
                    <label class="radio">
                        <input type="radio" name="mode" value="organization" prop:checked=move || !personal.get() on:change=move |_| personal.set(false) />
                        <span><strong>{tr(Msg::ModeOrgTitle)}</strong><br />{tr(Msg::ModeOrgBody)}</span>
                    </label>
                </fieldset>
                <Show when=move || personal.get()>
                    <Select id="settings-me" label=Msg::NavMyRecord value=me options=people_options placeholder=Msg::ChoosePerson />
                </Show>
                <Show when=move || !personal.get()>
                    <Input id="settings-org-name" label=Msg::OrganizationNameLabel value=org_name errors field=Field::Organization optional=true autocomplete="organization" hint=Msg::OrganizationNameHint />
                </Show>
                <Input id="settings-due-soon" label=Msg::LabelDueSoonDays value=due_soon errors field=Field::DueSoonDays inputmode="numeric" hint=Msg::DueSoonHint />
                <Input id="settings-backup-reminder" label=Msg::LabelBackupReminderDays value=reminder errors field=Field::BackupReminderDays inputmode="numeric" hint=Msg::BackupReminderHint />
                <div class="field">
                    <label class="check">
                        <input type="checkbox" id="settings-csv-bom" prop:checked=csv_bom aria-describedby="settings-csv-bom-hint"
                            on:change=move |ev| csv_bom.set(event_target_checked(&ev)) />
                        {tr(Msg::LabelCsvBom)}
                    </label>
                    <p class="hint" id="settings-csv-bom-hint">{tr(Msg::CsvBomHint)}</p>
                </div>
                {dynamic(move || failed.get().then(|| view! { <p class="alert alert-error" role="alert">{c.t(Msg::SaveFailed)}</p> }))}
                <div class="actions"><button type="submit" class="primary">{tr(Msg::Save)}</button></div>
            </form>
            <h2>{tr(Msg::StorageTitle)}</h2>
            <p>{tr(Msg::PrivacyNote)}</p>
            <p id="storage-status">{dynamic(move || storage_known.get().then(|| c.t(if storage_kept.get() { Msg::StoragePersistent } else { Msg::StorageNotPersistent })))}</p>
            <super::backup::BackupSection />
            <super::sync::SyncSection />
            <p class="actions"><a href="/trash" id="trash-link">{tr(Msg::TrashLink)}</a></p>
        </section>
    }
}
