//! Assign a curriculum or a single training to a person or a cohort, with a due date that is
//! fixed or relative (after hire, after it is given, before the credential expires). A cohort's
//! members are recorded with the assignment (their own clocks start today; later members
//! start theirs when they join). One training already open for a person is shown, not added
//! twice, and one that renews a credential now due *is* that renewal.

use super::{read_plans, read_snapshot, Whose};
use crate::domain::curricula::assignment::Target;
use crate::domain::curricula::form::AssignDraft;
use crate::domain::curricula::plan::{give, Plans};
use crate::domain::form::{Errors, Field};
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx};
use crate::ui::fields::{checked, ErrorSummary, Input, Select};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::rc::Rc;

#[component]
pub fn AssignForm() -> impl IntoView {
    let c = use_ctx();
    Effect::new(move |_| browser::set_title(c.t(Msg::AssignTitle)));
    let query = use_query_map();
    let data = LocalResource::new(move || {
        c.revision.track();
        async move { Ok::<_, crate::store::StoreError>(Rc::new((read_snapshot(Whose::Everyone, false).await?, read_plans().await?))) }
    });
    let work = RwSignal::new(query.with_untracked(|q| q.get("work").unwrap_or_default()));
    let target = RwSignal::new(query.with_untracked(|q| q.get("target").unwrap_or_default()));
    let due = RwSignal::new("after_given".to_owned());
    let due_days = RwSignal::new("30".to_owned());
    let due_date = RwSignal::new(String::new());
    let given_by = RwSignal::new(browser::signer());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let already = RwSignal::new(None::<String>);

    let work_options = Signal::derive(move || {
        let l = c.locale.get();
        data.with(|d| match d {
            Some(Ok(d)) => {
                let (snap, plans) = d.as_ref();
                let mut v: Vec<(String, String)> = plans
                    .current_curricula()
                    .into_iter()
                    .filter(|k| !k.archived)
                    .map(|k| (format!("curriculum:{}", k.id), format!("{}: {}", Msg::CurriculumWord.text(l), k.name.get(l))))
                    .collect();
                v.extend(snap.trainings.iter().filter(|t| !t.retired).map(|t| (format!("training:{}", t.id), format!("{}: {}", Msg::TrainingWord.text(l), t.name.get(l)))));
                v
            }
            _ => Vec::new(),
        })
    });
    // People sorted and narrowed by a search (an organization has dozens); cohorts first.
    let target_search = RwSignal::new(String::new());
    let target_options = Signal::derive(move || {
        let l = c.locale.get();
        let q = target_search.get();
        data.with(|d| match d {
            Some(Ok(d)) => {
                let (snap, plans) = d.as_ref();
                let mut v: Vec<(String, String)> = plans.cohorts.iter().filter(|k| !k.archived).map(|k| (format!("cohort:{}", k.id), format!("{}: {}", Msg::CohortWord.text(l), k.name))).collect();
                v.extend(crate::domain::person::to_pick(&snap.records.people, "")
                    .into_iter()
                    // The one chosen stays offered whatever the search says.
                    .filter(|p| target.with_untracked(|t| t.strip_prefix("person:") == Some(p.id.as_str())) || crate::domain::text::fold(&p.name).contains(&crate::domain::text::fold(&q)))
                    .map(|p| (format!("person:{}", p.id), format!("{}: {}", Msg::PersonWord.text(l), p.name))));
                v
            }
            _ => Vec::new(),
        })
    });
    let due_options = Signal::derive(move || {
        let l = c.locale.get();
        [("none", Msg::DueKindNone), ("on", Msg::DueKindOn), ("after_hire", Msg::DueKindAfterHire), ("after_given", Msg::DueKindAfterGiven), ("before_expiry", Msg::DueKindBeforeExpiry)]
            .into_iter()
            .map(|(code, m)| (code.to_owned(), m.text(l).to_owned()))
            .collect()
    });

    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        already.set(None);
        let Some(Ok(d)) = data.get_untracked() else { return };
        let (snap, plans): &(super::Snapshot, Plans) = d.as_ref();
        let draft = AssignDraft {
            work: work.get_untracked(),
            target: target.get_untracked(),
            due: due.get_untracked(),
            due_days: due_days.get_untracked(),
            due_date: due_date.get_untracked(),
            given_by: given_by.get_untracked(),
        };
        let version_of = |id: &str| plans.curricula.iter().filter(|k| k.id == id).map(|k| k.version).max();
        let Some((to, what, due_rule, by)) = checked(draft.to_parts(&version_of), errors) else { return };
        browser::remember_signer(&by);
        let today = browser::today();
        let ctx = snap.context(c.settings.with_untracked(|s| s.due_soon_days));
        let back = match &to {
            Target::Cohort { cohort_id } => format!("/training?cohort={cohort_id}"),
            Target::Person { person_id } => format!("/people/{person_id}"),
        };
        let records = match give(plans, &snap.records, ctx, &snap.step_of(today), (to, what, due_rule, by), browser::new_id(), today) {
            Ok(records) => records,
            Err(open) => {
                let l = c.locale.get_untracked();
                already.set(Some(i18n::fmt(l, Fmt::AlreadyAssigned, &[("date", i18n::s(i18n::date(l, open.given_on)))])));
                return;
            }
        };
        let navigate = navigate.clone();
        c.save(async move { db().save_plan_records(&records).await }, failed, Msg::AssignedDone, move || navigate(&back, Default::default()));
    };

    view! {
        <section class="narrow">
            <h1>{tr(Msg::AssignTitle)}</h1>
            <form novalidate on:submit=submit>
                <ErrorSummary errors failed />
                {dynamic(move || already.get().map(|text| view! { <p class="alert alert-info" role="status" id="already-assigned">{text}</p> }))}
                <Select id="assign-work" label=Msg::AssignWhat value=work options=work_options placeholder=Msg::ChooseOne errors field=Field::Work />
                <div class="field">
                    <label for="assign-search">{tr(Msg::SearchLabel)}</label>
                    <input id="assign-search" type="search" bind:value=target_search />
                </div>
                <Select id="assign-target" label=Msg::AssignTo value=target options=target_options placeholder=Msg::ChooseOne errors field=Field::Target />
                <Select id="assign-due" label=Msg::AssignDue value=due options=due_options />
                <Show when=move || matches!(due.get().as_str(), "after_hire" | "after_given" | "before_expiry")>
                    <Input id="assign-days" label=Msg::DaysLabel value=due_days errors field=Field::DueDays inputmode="numeric" />
                </Show>
                <Show when=move || due.get() == "on">
                    <Input id="assign-date" label=Msg::DueDateLabel value=due_date errors field=Field::DueDate kind="date" />
                </Show>
                <Input id="assign-by" label=Msg::GivenByLabel value=given_by errors field=Field::GivenBy autocomplete="name" />
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::AssignAction)}</button>
                    <a class="button" href="/training">{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}
