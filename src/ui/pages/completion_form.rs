//! Record a completion: from a person's page (choose the training) or from a training's page
//! (choose the person). Prefills the training's typical hours and CE category.

use crate::domain::date::DateExt;
use crate::domain::form::{CompletionDraft, Errors, Field};
use crate::domain::person::Person;
use crate::domain::training::{CeCategory, TrainingType};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, use_ctx, tr};
use crate::ui::fields::{checked, ErrorSummary, Input, Select, TextArea};
use leptos::prelude::*;

#[component]
pub fn CompletionForm(
    /// Fixed when recording from a person's page.
    #[prop(optional)]
    person_id: Option<String>,
    /// Fixed when recording from a training's page.
    #[prop(optional)]
    training_id: Option<String>,
    /// Training types to choose from (not retired).
    trainings: Signal<Vec<TrainingType>>,
    /// People to choose from (not archived); unused when `person_id` is fixed.
    #[prop(optional)]
    people: Option<Signal<Vec<Person>>>,
) -> impl IntoView {
    let c = use_ctx();
    let fixed_person = person_id.is_some();
    let fixed_training = training_id.is_some();
    let person = RwSignal::new(person_id.unwrap_or_default());
    let training = RwSignal::new(training_id.unwrap_or_default());
    let date = RwSignal::new(browser::today().to_iso());
    let hours = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let certificate = RwSignal::new(String::new());
    let ce = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let self_reported = RwSignal::new(false);
    let reported_by = RwSignal::new(String::new());
    let org = move || c.settings.with(|s| s.mode == Some(crate::domain::settings::Mode::Organization));
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);

    // Choosing a training prefills its typical hours and CE category.
    Effect::new(move |_| {
        let chosen = training.get();
        let decimal = i18n::decimal_separator(c.locale.get_untracked());
        if let Some(t) = trainings.with(|all| all.iter().find(|t| t.id == chosen).cloned()) {
            let prefilled = CompletionDraft::for_training(&person.get_untracked(), &t, browser::today(), decimal);
            hours.set(prefilled.hours);
            ce.set(prefilled.ce_category.map(|k| k.code().to_owned()).unwrap_or_default());
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let draft = CompletionDraft {
            person_id: person.get_untracked(),
            training_id: training.get_untracked(),
            completed_on: date.get_untracked(),
            hours: hours.get_untracked(),
            provider: provider.get_untracked(),
            certificate_number: certificate.get_untracked(),
            ce_category: CeCategory::from_code(&ce.get_untracked()),
            notes: notes.get_untracked(),
            self_reported: org() && self_reported.get_untracked(),
            reported_by: reported_by.get_untracked(),
        };
        let Some(completion) = checked(draft.to_completion(&browser::new_id(), browser::today()), errors) else { return };
        c.save(async move { db().save_completion(&completion).await }, failed, Msg::TrainingRecorded, move || {
            // Ready for the next record: the same date (batches are common), no training.
            if !fixed_training {
                training.set(String::new());
                hours.set(String::new());
                ce.set(String::new());
            }
            if !fixed_person {
                person.set(String::new());
            }
            for s in [provider, certificate, notes, reported_by] {
                s.set(String::new());
            }
            self_reported.set(false);
        });
    };

    let training_options = Signal::derive(move || {
        let l = c.locale.get();
        trainings.get().into_iter().map(|t| (t.id.clone(), t.name.get(l).to_owned())).collect()
    });
    let people_options = Signal::derive(move || {
        people.map(|p| p.get()).unwrap_or_default().into_iter().map(|p| (p.id, p.name)).collect()
    });
    let ce_options = Signal::derive(move || {
        let l = c.locale.get();
        CeCategory::ALL.iter().map(|k| (k.code().to_owned(), i18n::ce_category(l, *k).to_owned())).collect()
    });

    view! {
        <form novalidate class="completion-form" on:submit=submit aria-label=tr(Msg::RecordTraining)>
            <ErrorSummary errors failed />
            {(!fixed_person).then(|| view! {
                <Select id="completion-person" label=Msg::LabelPerson value=person options=people_options
                    placeholder=Msg::ChoosePerson errors field=Field::Person />
            })}
            {(!fixed_training).then(|| view! {
                <Select id="completion-training" label=Msg::LabelTraining value=training options=training_options
                    placeholder=Msg::ChooseTraining errors field=Field::Training />
            })}
            <div class="row">
                <Input id="completion-date" label=Msg::LabelCompletedOn value=date errors field=Field::CompletedOn kind="date" />
                <Input id="completion-hours" label=Msg::LabelHours value=hours errors field=Field::Hours inputmode="decimal" hint=Msg::HoursHint />
            </div>
            <div class="row">
                <Input id="completion-provider" label=Msg::LabelProvider value=provider errors field=Field::Provider optional=true />
                <Input id="completion-certificate" label=Msg::LabelCertificateNumber value=certificate errors field=Field::CertificateNumber optional=true />
            </div>
            <Select id="completion-ce" label=Msg::LabelCeCategory value=ce options=ce_options placeholder=Msg::CeNone optional=true />
            <TextArea id="completion-notes" label=Msg::LabelNotes value=notes errors field=Field::Notes />
            <Show when=org>
                <label class="check"><input type="checkbox" id="completion-self-reported" bind:checked=self_reported />{tr(Msg::SelfReportedCheck)}</label>
                <p class="hint">{tr(Msg::SelfReportedHint)}</p>
                <Show when=move || self_reported.get()>
                    <Input id="completion-reported-by" label=Msg::ReportedByLabel value=reported_by errors field=Field::ReportedBy />
                </Show>
            </Show>
            <div class="actions">
                <button type="submit" class="primary">{tr(Msg::RecordTraining)}</button>
            </div>
        </form>
    }
}
