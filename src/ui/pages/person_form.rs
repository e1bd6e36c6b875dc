//! Add or edit a person; with `own`, the first-run "tell us about yourself" form that also
//! makes the new person "me".

use super::{load_people, page_id};
use crate::domain::form::{Errors, PersonDraft};
use crate::domain::person::{possible_duplicates, EmploymentType, Person, PreferredLanguage, WorkerType};
use crate::domain::settings::{Mode, Settings};
use crate::i18n::{self, Msg};
use crate::ui::browser;
use crate::ui::ctx::{dynamic, db, use_ctx, tr};
use crate::ui::fields::{checked, ChangedElsewhere, ErrorSummary, Input, Select, TextArea};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PersonForm(#[prop(optional)] own: bool, #[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let editing = move || !id.get().is_empty();
    let people = load_people(c);

    // One signal per input; filled from the stored person once it loads.
    let name = RwSignal::new(String::new());
    let language = RwSignal::new(PreferredLanguage::for_locale(c.locale.get_untracked()).code().to_owned());
    let worker = RwSignal::new(WorkerType::default().code().to_owned());
    let organization = RwSignal::new(String::new());
    let program = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let hire = RwSignal::new(String::new());
    let employment = RwSignal::new(String::new());
    let supervisor = RwSignal::new(String::new());
    let supervising_org = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let duplicates = RwSignal::new(Vec::<Person>::new());
    // The person as the form opened them: a save is refused if the stored one is no longer it.
    let original = RwSignal::new(None::<Person>);
    // A save refused for that: the form's version and the one saved now, as JSON.
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();

    let fill = move |p: &Person| {
        let d = PersonDraft::from_person(p);
        name.set(d.name);
        language.set(d.preferred_language.code().into());
        worker.set(d.worker_type.code().into());
        organization.set(d.organization);
        program.set(d.program);
        role.set(d.role_title);
        hire.set(d.hire_date);
        employment.set(d.employment_type.map(|t| t.code().to_owned()).unwrap_or_default());
        supervisor.set(d.supervisor);
        supervising_org.set(d.supervising_org);
        email.set(d.email);
        notes.set(d.notes);
        original.set(Some(p.clone()));
    };
    Effect::new(move |_| {
        let Some(Ok(all)) = people.get() else { return };
        if original.with_untracked(Option::is_some) {
            return;
        }
        if let Some(p) = all.iter().find(|p| p.id == id.get_untracked()) {
            fill(p);
        }
    });
    let theirs = move || conflict.with_untracked(|c| c.as_ref().and_then(|(_, t)| serde_json::from_str::<Person>(t).ok()));
    // Keep mine: the saved version becomes what the form is saved over, and the form submits.
    let keep_mine = move || {
        original.set(theirs());
        conflict.set(None);
        if let Some(f) = form.get_untracked() {
            let _ = f.request_submit();
        }
    };
    let take_theirs = move || {
        if let Some(p) = theirs() {
            fill(&p);
        }
        conflict.set(None);
    };

    // A warning is about the name and email it was shown for: editing them asks again.
    Effect::new(move |_| {
        name.track();
        email.track();
        duplicates.set(Vec::new());
    });

    let title = move || {
        c.t(if own { Msg::AboutYouTitle } else if editing() { Msg::EditPersonTitle } else { Msg::NewPersonTitle })
    };
    Effect::new(move |_| browser::set_title(title()));

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failed.set(false);
        let navigate = navigate.clone();
        let draft = PersonDraft {
            name: name.get_untracked(),
            preferred_language: PreferredLanguage::from_code(&language.get_untracked()).unwrap_or_default(),
            worker_type: WorkerType::from_code(&worker.get_untracked()).unwrap_or_default(),
            organization: organization.get_untracked(),
            program: program.get_untracked(),
            role_title: role.get_untracked(),
            hire_date: hire.get_untracked(),
            employment_type: EmploymentType::from_code(&employment.get_untracked()),
            supervisor: supervisor.get_untracked(),
            supervising_org: supervising_org.get_untracked(),
            email: email.get_untracked(),
            notes: notes.get_untracked(),
        };
        let before = original.get_untracked();
        let record_id = before.as_ref().map(|p| p.id.clone()).unwrap_or_else(browser::new_id);
        let Some(person) = checked(draft.to_person(&record_id, before.as_ref().is_some_and(|p| p.archived)), errors) else { return };
        // Warn once about a possible duplicate; a second submit saves anyway.
        if duplicates.with_untracked(Vec::is_empty) {
            let all = people.get_untracked().and_then(Result::ok).unwrap_or_default();
            let found: Vec<Person> = possible_duplicates(&all, before.as_ref().map(|p| p.id.as_str()), &person.name, &person.email)
                .into_iter()
                .cloned()
                .collect();
            if !found.is_empty() {
                duplicates.set(found);
                browser::focus_after_render("duplicate-warning");
                return;
            }
        }
        conflict.set(None);
        leptos::task::spawn_local(async move {
            let saved = if own {
                let settings = Settings { mode: Some(Mode::Personal { person_id: Some(person.id.clone()) }), ..c.settings.get_untracked() };
                let r = db().save_person_over(&person, before.as_ref(), Some(&settings)).await;
                if r.is_ok() {
                    c.settings.set(settings);
                }
                r
            } else {
                db().save_person_over(&person, before.as_ref(), None).await
            };
            match saved {
                Ok(()) => {
                    c.changed();
                    navigate(&format!("/people/{}", person.id), Default::default());
                    c.notify(Msg::Saved, None);
                }
                Err(e) => match e.changed_elsewhere() {
                    Some(now) => conflict.set(Some((serde_json::to_string(&person).unwrap_or_default(), now.to_owned()))),
                    None => c.form_refused(&e, failed),
                },
            }
        });
    };

    let cancel_href = move || {
        if editing() { format!("/people/{}", id.get()) } else { "/people".to_owned() }
    };
    let languages = Signal::derive(move || {
        let l = c.locale.get();
        PreferredLanguage::ALL.iter().map(|p| (p.code().to_owned(), i18n::preferred_language(l, *p).to_owned())).collect()
    });
    let employment_types = Signal::derive(move || {
        let l = c.locale.get();
        EmploymentType::ALL.iter().map(|t| (t.code().to_owned(), i18n::employment_type(l, *t).to_owned())).collect()
    });
    let workers = Signal::derive(move || {
        let l = c.locale.get();
        WorkerType::ALL.iter().map(|w| (w.code().to_owned(), i18n::worker_type(l, *w).to_owned())).collect()
    });

    view! {
        <section class="narrow">
            <h1>{dynamic(title)}</h1>
            {own.then(|| view! { <p class="lead">{tr(Msg::AboutYouIntro)}</p> })}
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! { <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| keep_mine()) take_theirs=UnsyncCallback::new(move |_| take_theirs()) /> }))}
                <Input id="person-name" label=Msg::LabelName value=name errors field=crate::domain::form::Field::Name autocomplete="name" />
                <Select id="person-worker-type" label=Msg::LabelWorkerType value=worker options=workers />
                <Select id="person-language" label=Msg::LabelPreferredLanguage value=language options=languages />
                <Input id="person-role" label=Msg::LabelRoleTitle value=role errors field=crate::domain::form::Field::RoleTitle optional=true autocomplete="organization-title" />
                <Input id="person-organization" label=Msg::LabelOrganization value=organization errors field=crate::domain::form::Field::Organization optional=true autocomplete="organization" />
                <Input id="person-program" label=Msg::LabelProgram value=program errors field=crate::domain::form::Field::Program optional=true />
                <Input id="person-hire-date" label=Msg::LabelHireDate value=hire errors field=crate::domain::form::Field::HireDate kind="date" optional=true />
                <Select id="person-employment" label=Msg::LabelEmploymentType value=employment options=employment_types placeholder=Msg::NotSaid optional=true />
                <Input id="person-supervisor" label=Msg::LabelSupervisor value=supervisor errors field=crate::domain::form::Field::Supervisor optional=true hint=Msg::SupervisorHint />
                <Input id="person-supervising-org" label=Msg::LabelSupervisingOrg value=supervising_org errors field=crate::domain::form::Field::SupervisingOrg optional=true />
                <Input id="person-email" label=Msg::LabelEmail value=email errors field=crate::domain::form::Field::Email kind="email" optional=true autocomplete="email" />
                <TextArea id="person-notes" label=Msg::LabelNotes value=notes errors field=crate::domain::form::Field::Notes />
                {dynamic(move || (!duplicates.with(Vec::is_empty)).then(|| view! {
                    <div class="alert alert-warning" id="duplicate-warning" tabindex="-1" role="alert">
                        <p>{c.t(Msg::DuplicateWarning)}</p>
                        <ul>
                            {duplicates.get().into_iter().map(|p| view! {
                                <li><a href=format!("/people/{}", p.id) target="_blank">{p.name.clone()}</a>
                                    {(!p.email.is_empty()).then(|| format!(" ({})", p.email))}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }))}
                <div class="actions">
                    <button type="submit" class="primary">
                        {dynamic(move || c.t(if duplicates.with(Vec::is_empty) { Msg::Save } else { Msg::SaveAnyway }))}
                    </button>
                    {(!own).then(|| view! { <a class="button" href=cancel_href>{tr(Msg::Cancel)}</a> })}
                </div>
            </form>
        </section>
    }
}
