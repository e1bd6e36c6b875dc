//! Sessions: schedule one (training, day and time, hours, facilitator, place or link,
//! language, capacity); its roster (people one by one or a whole cohort, a waiting list past
//! capacity); attendance (present, absent, part of it) recorded as completions for everyone
//! present in one step, with undo; and a printable bilingual sign-in sheet (Letter or A4).

use super::{language_options, load_snapshot, page_id, read_plans, training_options, Whose};
use crate::domain::curricula::form::{partial_hours, SessionDraft};
use crate::domain::curricula::plan::PlanRecord;
use crate::domain::curricula::session::{Mark, Session};
use crate::domain::date::DateExt;
use crate::domain::form::{Errors, Field};
use crate::domain::person::PreferredLanguage;
use crate::i18n::training as words;
use crate::i18n::{self, Fmt, Msg};
use crate::ui::browser;
use crate::ui::ctx::{db, dynamic, tr, use_ctx, Ctx};
use crate::ui::fields::{checked, save_mine_over, ChangedElsewhere, ErrorSummary, Input, Select};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Empty lines at the end of a printed sign-in sheet, for walk-ins.
const BLANK_LINES: usize = 5;

#[component]
pub fn SessionForm(#[prop(optional)] id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::One(String::new()));
    let plans = LocalResource::new(move || {
        c.revision.track();
        read_plans()
    });
    let training = RwSignal::new(String::new());
    let on = RwSignal::new(browser::today().add_days(7).to_iso());
    let starts_at = RwSignal::new("09:00".to_owned());
    let hours = RwSignal::new(String::new());
    let facilitator = RwSignal::new(browser::signer());
    let place = RwSignal::new(String::new());
    let language = RwSignal::new(if c.locale.get_untracked() == crate::domain::text::Locale::Es { "es" } else { "en" }.to_owned());
    let capacity = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let count = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let failed = RwSignal::new(false);
    let original = RwSignal::new(None::<Session>);
    // A save refused because the session changed elsewhere since the form opened (both as JSON).
    let conflict = RwSignal::new(None::<(String, String)>);
    let form = NodeRef::<leptos::html::Form>::new();

    Effect::new(move |_| {
        let Some(Ok(p)) = plans.get() else { return };
        if original.with_untracked(Option::is_some) || id.with_untracked(String::is_empty) {
            return;
        }
        if let Some(s) = p.sessions.iter().find(|s| s.id == id.get_untracked()).cloned() {
            let d = SessionDraft::from_session(&s, i18n::decimal_separator(c.locale.get_untracked()));
            training.set(d.training_id);
            on.set(d.on);
            starts_at.set(d.starts_at);
            hours.set(d.hours);
            facilitator.set(d.facilitator);
            place.set(d.place);
            language.set(d.language.code().to_owned());
            capacity.set(d.capacity);
            original.set(Some(s));
        }
    });
    // A new session's hours follow the training chosen, until typed.
    Effect::new(move |_| {
        let t = training.get();
        if original.with_untracked(Option::is_some) {
            return;
        }
        let typical = snapshot.with_untracked(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().find(|x| x.id == t).map(|x| x.typical_hours.format_with(i18n::decimal_separator(c.locale.get_untracked()))),
            _ => None,
        });
        if let Some(h) = typical {
            hours.set(h);
        }
    });
    let title = move || c.t(if id.with(String::is_empty) { Msg::NewSession } else { Msg::EditSession });
    Effect::new(move |_| browser::set_title(title()));
    let training_options = training_options(c, snapshot);
    let language_options = language_options(c);
    let repeat_options = Signal::derive(move || {
        let l = c.locale.get();
        [("weekly", Msg::RepeatWeekly), ("every_two_weeks", Msg::RepeatTwoWeeks), ("monthly", Msg::RepeatMonthly)].into_iter().map(|(code, m)| (code.to_owned(), m.text(l).to_owned())).collect()
    });
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = SessionDraft {
            training_id: training.get_untracked(),
            on: on.get_untracked(),
            starts_at: starts_at.get_untracked(),
            hours: hours.get_untracked(),
            facilitator: facilitator.get_untracked(),
            place: place.get_untracked(),
            language: PreferredLanguage::from_code(&language.get_untracked()).unwrap_or_default(),
            capacity: capacity.get_untracked(),
            repeat: repeat.get_untracked(),
            count: count.get_untracked(),
        };
        let before = original.get_untracked();
        let sessions = match &before {
            Some(b) => checked(draft.to_session(&b.id, Some(b)).map(|s| vec![s]), errors),
            None => checked(draft.to_sessions(&browser::new_id(), &mut browser::new_id), errors),
        };
        let Some(sessions) = sessions else { return };
        let navigate = navigate.clone();
        let to = format!("/training/sessions/{}", sessions[0].id);
        let records: Vec<PlanRecord> = sessions.into_iter().map(PlanRecord::Session).collect();
        match before {
            // An edited session: never over a change made elsewhere since the form opened.
            Some(b) => {
                let mine = match &records[0] { PlanRecord::Session(s) => serde_json::to_string(s).unwrap_or_default(), _ => String::new() };
                let opened = PlanRecord::Session(b);
                c.save_over(async move { db().save_plan_record_over(&records[0], Some(&opened)).await }, failed, conflict, mine, Msg::Saved, move || navigate(&to, Default::default()));
            }
            None => c.save(async move { db().save_plan_records(&records).await }, failed, Msg::Saved, move || navigate(&to, Default::default())),
        }
    };
    view! {
        <section class="narrow">
            <h1>{title}</h1>
            <form novalidate on:submit=submit node_ref=form>
                <ErrorSummary errors failed />
                {dynamic(move || conflict.get().map(|(mine, theirs)| view! {
                    <ChangedElsewhere mine theirs keep_mine=UnsyncCallback::new(move |_| save_mine_over(original, conflict, form)) take_theirs=UnsyncCallback::new(|_| browser::reload()) />
                }))}
                <Select id="session-training" label=Msg::ColTraining value=training options=training_options placeholder=Msg::ChooseTraining errors field=Field::Training />
                <div class="row">
                    <Input id="session-on" label=Msg::ColDate value=on errors field=Field::On kind="date" />
                    <Input id="session-time" label=Msg::StartsAtLabel value=starts_at errors field=Field::StartsAt kind="time" optional=true />
                    <Input id="session-hours" label=Msg::LabelHours value=hours errors field=Field::Hours inputmode="decimal" />
                </div>
                <Input id="session-facilitator" label=Msg::FacilitatorLabel value=facilitator errors field=Field::Facilitator optional=true autocomplete="name" />
                <Input id="session-place" label=Msg::SessionPlace value=place errors field=Field::Place optional=true hint=Msg::SessionPlaceHint />
                <div class="row">
                    <Select id="session-language" label=Msg::LanguageLabel value=language options=language_options />
                    <Input id="session-capacity" label=Msg::CapacityLabel value=capacity errors field=Field::Capacity inputmode="numeric" optional=true />
                </div>
                <Show when=move || id.with(String::is_empty)>
                    <div class="row">
                        <Select id="session-repeat" label=Msg::RepeatLabel value=repeat options=repeat_options placeholder=Msg::RepeatNever optional=true />
                        <Show when=move || !repeat.with(String::is_empty)>
                            <Input id="session-count" label=Msg::SessionCountLabel value=count errors field=Field::Count inputmode="numeric" hint=Msg::SessionCountHint />
                        </Show>
                    </div>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary">{tr(Msg::Save)}</button>
                    <a class="button" href="/training">{tr(Msg::Cancel)}</a>
                </div>
            </form>
        </section>
    }
}

/// Saves the session as changed (marks, roster), and shows the change at once.
fn save(c: Ctx, shown: RwSignal<Option<Session>>, session: Session) {
    shown.set(Some(session.clone()));
    c.write(async move { db().save_plan_records(&[PlanRecord::Session(session)]).await }, None, None);
}

#[component]
pub fn SessionPage(id: String) -> impl IntoView {
    let c = use_ctx();
    let id = page_id(id);
    let snapshot = load_snapshot(c, Whose::Everyone);
    let plans = LocalResource::new(move || {
        c.revision.track();
        read_plans()
    });
    let shown = RwSignal::new(None::<Session>);
    let missing = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(Ok(p)) = plans.get() else { return };
        let found = p.sessions.iter().find(|s| s.id == id.get_untracked()).cloned();
        missing.set(found.is_none());
        shown.set(found);
    });
    let person_pick = RwSignal::new(String::new());
    let cohort_pick = RwSignal::new(String::new());
    let paper = RwSignal::new("letter".to_owned());
    let hour_errors = RwSignal::new(Vec::<(String, String)>::new());
    let note = RwSignal::new(None::<String>);

    // Tracked: the roster and the sheet redraw once everyone's names are read.
    let name_of = move |person_id: &str| snapshot.with(|s| match s {
        Some(Ok(snap)) => snap.records.people.iter().find(|p| p.id == person_id).map(|p| p.name.clone()).unwrap_or_default(),
        _ => String::new(),
    });
    let training_name = move |training_id: &str| {
        let l = c.locale.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.training_name(l, training_id),
            _ => String::new(),
        })
    };
    Effect::new(move |_| {
        let name = shown.with(|s| s.as_ref().map(|s| s.training_id.clone())).map(|t| training_name(&t)).unwrap_or_default();
        browser::set_title(&format!("{} · {name}", c.t(Msg::SessionTitle)));
    });

    // Sorted and narrowed by a search: a roster picks from dozens of names.
    let person_search = RwSignal::new(String::new());
    let person_options = Signal::derive(move || {
        let q = person_search.get();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => crate::domain::person::to_pick(&snap.records.people, &q)
                .into_iter()
                .filter(|p| !shown.with(|x| x.as_ref().is_some_and(|x| x.roster.contains(&p.id))))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            _ => Vec::new(),
        })
    });
    let cohort_options = Signal::derive(move || {
        plans.with(|p| match p {
            Some(Ok(p)) => p.cohorts.iter().filter(|k| !k.archived).map(|k| (k.id.clone(), k.name.clone())).collect(),
            _ => Vec::new(),
        })
    });
    let add_person = move |_| {
        let who = person_pick.get_untracked();
        let Some(mut s) = shown.get_untracked() else { return };
        if who.is_empty() {
            return;
        }
        s.add(&[who.as_str()]);
        person_pick.set(String::new());
        save(c, shown, s);
    };
    let add_cohort = move |_| {
        let k = cohort_pick.get_untracked();
        let Some(mut s) = shown.get_untracked() else { return };
        let members: Vec<String> = plans.with_untracked(|p| {
            let Some(Ok(p)) = p else { return Vec::new() };
            let Some(cohort) = p.cohort(&k) else { return Vec::new() };
            snapshot.with_untracked(|snap| match snap {
                Some(Ok(snap)) => {
                    let step_of = snap.step_of(browser::today());
                    cohort.members(&snap.records.people, &step_of).iter().map(|p| p.id.clone()).collect()
                }
                _ => Vec::new(),
            })
        });
        let ids: Vec<&str> = members.iter().map(String::as_str).collect();
        s.add(&ids);
        save(c, shown, s);
    };
    // Whether a part attended completes this session's training (the training type says).
    let part_completes = Memo::new(move |_| {
        let training = shown.with(|s| s.as_ref().map(|s| s.training_id.clone())).unwrap_or_default();
        snapshot.with(|s| match s {
            Some(Ok(snap)) => snap.trainings.iter().any(|t| t.id == training && t.part_completes),
            _ => false,
        })
    });
    let record = move |_| {
        let Some(mut s) = shown.get_untracked() else { return };
        let provider = s.facilitator.clone();
        let made = s.record(&provider, part_completes.get_untracked(), browser::today(), &mut browser::new_id);
        let count = made.len();
        shown.set(Some(s.clone()));
        let l = c.locale.get_untracked();
        c.write(async move { db().save_session(&PlanRecord::Session(s), made, Vec::new()).await }, None, None);
        note.set(Some(i18n::fmt(l, Fmt::RecordedCount, &[("count", i18n::n(count as f64))])));
    };
    let undo = move |_| {
        let Some(mut s) = shown.get_untracked() else { return };
        let owners: Vec<(String, String)> = s.recorded.iter().map(|r| (r.person_id.clone(), r.completion_id.clone())).collect();
        s.undo_record();
        note.set(None);
        shown.set(Some(s.clone()));
        c.write(async move { db().save_session(&PlanRecord::Session(s), Vec::new(), owners).await }, Some(Msg::RecordingUndone), None);
    };
    let set_paper = move |value: String| {
        paper.set(value.clone());
        browser::set_page_size(if value == "a4" { "A4" } else { "letter" });
    };

    let details = move || {
        let l = c.locale.get();
        shown.with(|s| {
            s.as_ref().map(|s| {
                let (placed, waiting) = s.places();
                view! {
                    <dl class="record-fields">
                        <dt>{Msg::ColDate.text(l)}</dt><dd>{i18n::date(l, s.on)}{(!s.starts_at.is_empty()).then(|| format!(" · {}", s.starts_at))}</dd>
                        <dt>{Msg::LabelHours.text(l)}</dt><dd>{i18n::hours(l, s.hours)}</dd>
                        <dt>{Msg::FacilitatorLabel.text(l)}</dt><dd>{s.facilitator.clone()}</dd>
                        <dt>{Msg::SessionPlace.text(l)}</dt><dd>{s.place.clone()}</dd>
                        <dt>{Msg::LanguageLabel.text(l)}</dt><dd>{i18n::preferred_language(l, s.language)}</dd>
                        <dt>{Msg::ColPlaces.text(l)}</dt><dd id="session-places">{words::places(l, placed.len(), s.capacity, waiting.len())}</dd>
                    </dl>
                }
            })
        })
    };

    // The roster's rows are keyed by person: a save (which redraws the session) updates each
    // row's marks in place and never rebuilds a row under the pointer, so a click that
    // follows typing hours in another row is never lost.
    let placed = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.places().0.to_vec()).unwrap_or_default()));
    let waiting = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.places().1.to_vec()).unwrap_or_default()));
    let open = Memo::new(move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.attendance_open(browser::today()))));
    let row = move |person_id: String| {
        let mark = Memo::new({
            let id = person_id.clone();
            move |_| shown.with(|s| s.as_ref().and_then(|s| s.attendance.iter().find(|a| a.person_id == id).map(|a| a.mark)))
        });
        let recorded = Memo::new({
            let id = person_id.clone();
            move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.recorded.iter().any(|r| r.person_id == id)))
        });
        let needs_course = Memo::new({
            let id = person_id.clone();
            move |_| shown.with(|s| s.as_ref().is_some_and(|s| s.still_needs_course(&id, part_completes.get())))
        });
        let name = Memo::new({
            let id = person_id.clone();
            move |_| name_of(&id)
        });
        let set = {
            let id = person_id.clone();
            move |m: Mark| {
                let Some(mut s) = shown.get_untracked() else { return };
                if s.mark(&id, m, browser::today()) {
                    save(c, shown, s);
                }
            }
        };
        let (set_p, set_a, set_h) = (set.clone(), set.clone(), set);
        let part_hours = RwSignal::new(match mark.get_untracked() {
            Some(Mark::Partial { hours }) => hours.format_with(i18n::decimal_separator(c.locale.get_untracked())),
            _ => String::new(),
        });
        let pid = person_id.clone();
        let apply_hours = move || {
            let session_hours = shown.with_untracked(|s| s.as_ref().map_or(crate::domain::hours::Hours::ZERO, |s| s.hours));
            match partial_hours(&part_hours.get_untracked(), session_hours) {
                Ok(h) => {
                    hour_errors.update(|v| v.retain(|(p, _)| *p != pid));
                    set_h(Mark::Partial { hours: h });
                }
                Err(p) => hour_errors.update(|v| {
                    v.retain(|(x, _)| *x != pid);
                    v.push((pid.clone(), i18n::problem(c.locale.get_untracked(), p)));
                }),
            }
        };
        let apply = apply_hours.clone();
        let remove = {
            let id = person_id.clone();
            move |_| {
                let Some(mut s) = shown.get_untracked() else { return };
                s.drop_person(&id);
                save(c, shown, s);
            }
        };
        let group = format!("att-{person_id}");
        let hours_id = format!("hours-{person_id}");
        let error_id = format!("{hours_id}-error");
        let pid2 = person_id.clone();
        let label = move |m: Msg| move || format!("{}: {}", m.text(c.locale.get()), name.get());
        view! {
            <tr>
                <th scope="row">{name}
                    {move || recorded.get().then(|| view! { " "<span class="badge status-current">{tr(Msg::RecordedBadge)}</span> })}
                    {move || needs_course.get().then(|| view! { <span class="hint still-needs">{tr(Msg::StillNeedsCourse)}</span> })}
                </th>
                <td>
                    <fieldset class="attendance" disabled=move || recorded.get() || !open.get()>
                        <legend class="visually-hidden">{label(Msg::AttendanceLegend)}</legend>
                        <label class="check"><input type="radio" name=group.clone() prop:checked=move || mark.get() == Some(Mark::Present) on:change=move |_| set_p(Mark::Present) />{tr(Msg::MarkPresent)}</label>
                        <label class="check"><input type="radio" name=group.clone() prop:checked=move || mark.get() == Some(Mark::Absent) on:change=move |_| set_a(Mark::Absent) />{tr(Msg::MarkAbsent)}</label>
                        <label class="check"><input type="radio" name=group prop:checked=move || matches!(mark.get(), Some(Mark::Partial { .. })) on:change=move |_| apply() />{tr(Msg::MarkPartial)}</label>
                        <span class="field inline">
                            <label for=hours_id.clone()>{tr(Msg::PartialHoursLabel)}</label>
                            <input id=hours_id type="text" inputmode="decimal" size="5" bind:value=part_hours on:change=move |_| apply_hours() aria-describedby=error_id.clone() />
                            <span class="error" id=error_id>{move || hour_errors.with(|v| v.iter().find(|(p, _)| *p == pid2).map(|(_, e)| e.clone()))}</span>
                        </span>
                    </fieldset>
                </td>
                <td><button type="button" class="link" on:click=remove disabled=move || recorded.get() aria-label=label(Msg::RemoveFromRoster)>{tr(Msg::RemoveFromRoster)}</button></td>
            </tr>
        }
    };
    let roster = move || {
        let l = c.locale.get();
        if placed.with(Vec::is_empty) && waiting.with(Vec::is_empty) {
            return view! { <p class="empty">{Msg::RosterEmpty.text(l)}</p> }.into_any();
        }
        let opens = shown.with_untracked(|s| s.as_ref().filter(|s| !s.attendance_open(browser::today())).map(|s| s.on));
        view! {
            {opens.map(|on| view! { <p class="alert alert-info" id="attendance-opens">{i18n::fmt(l, Fmt::AttendanceOpensOn, &[("date", i18n::s(i18n::date(l, on)))])}</p> })}
            {(!part_completes.get()).then(|| view! { <p class="hint" id="partial-hint">{Msg::PartialRecordsHours.text(l)}</p> })}
            <table class="list roster" id="roster">
                <thead><tr><th scope="col">{Msg::ColPerson.text(l)}</th><th scope="col">{Msg::AttendanceLegend.text(l)}</th><th scope="col"><span class="visually-hidden">{Msg::ColActions.text(l)}</span></th></tr></thead>
                <tbody><For each=move || placed.get() key=|id| id.clone() children=row /></tbody>
            </table>
            {move || (!waiting.with(Vec::is_empty)).then(|| view! {
                <h3>{tr(Msg::WaitingList)}</h3>
                <ol id="waiting-list">{waiting.get().iter().map(|p| view! { <li>{name_of(p)}</li> }).collect_view()}</ol>
            })}
        }
        .into_any()
    };

    let sheet = move || {
        let Some(s) = shown.get() else { return ().into_any() };
        let l = c.locale.get();
        let both = |m: Msg| format!("{} / {}", m.text(crate::domain::text::Locale::En), m.text(crate::domain::text::Locale::Es));
        let (placed, _) = s.places();
        let names: Vec<String> = placed.iter().map(|p| name_of(p)).collect();
        let when = format!("{} · {}", i18n::date(crate::domain::text::Locale::En, s.on), i18n::date(crate::domain::text::Locale::Es, s.on));
        // The sheet speaks the session's language (a Spanish session gets a Spanish title),
        // whatever the trainer's screen is in; its labels are bilingual for everyone signing.
        let sl = s.language.locale().unwrap_or(l);
        let training = snapshot.with(|x| match x {
            Some(Ok(snap)) => snap.training_name(sl, &s.training_id),
            _ => String::new(),
        });
        let organization = c.settings.with(|x| x.organization_name.trim().to_owned());
        view! {
            <section class="sign-in-sheet print-only" aria-hidden="true">
                {(!organization.is_empty()).then(|| view! { <p class="sheet-organization">{organization}</p> })}
                <h1 lang=sl.code()>{i18n::fmt(sl, Fmt::SheetTitle, &[("training", i18n::s(training))])}</h1>
                <p>{when}{(!s.starts_at.is_empty()).then(|| format!(" · {}", s.starts_at))}" · "{s.place.clone()}" · "{both(Msg::FacilitatorLabel)}": "{s.facilitator.clone()}</p>
                <table class="sheet">
                    <thead><tr><th>"#"</th><th>{both(Msg::SheetName)}</th><th>{both(Msg::SheetSignature)}</th><th>{both(Msg::SheetHours)}</th></tr></thead>
                    <tbody>
                        {names.into_iter().chain(std::iter::repeat_n(String::new(), BLANK_LINES)).enumerate().map(|(i, n)| view! {
                            <tr><td>{(i + 1).to_string()}</td><td>{n}</td><td></td><td></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
        .into_any()
    };

    view! {
        <section class="session">
            <Show when=move || missing.get()>
                <h1>{tr(Msg::SessionTitle)}</h1>
                <p class="alert alert-error" role="alert">{tr(Msg::NotFoundText)}</p>
            </Show>
            <div class="no-print">
                <div class="page-head">
                    <h1>{move || shown.with(|s| s.as_ref().map(|s| s.training_id.clone())).map(|t| training_name(&t)).unwrap_or_default()}</h1>
                    <div class="actions">
                        <a class="button" href=move || format!("/training/sessions/{}/edit", id.get())>{tr(Msg::Edit)}</a>
                    </div>
                </div>
                {dynamic(details)}
                <h2>{tr(Msg::RosterHeading)}</h2>
                <div class="filters">
                    <div class="field">
                        <label for="roster-search">{tr(Msg::SearchLabel)}</label>
                        <input id="roster-search" type="search" bind:value=person_search />
                    </div>
                    <Select id="roster-person" label=Msg::AddPersonLabel value=person_pick options=person_options placeholder=Msg::ChooseOne />
                    <button type="button" on:click=add_person>{tr(Msg::AddToRoster)}</button>
                    <Select id="roster-cohort" label=Msg::AddCohortLabel value=cohort_pick options=cohort_options placeholder=Msg::ChooseOne />
                    <button type="button" on:click=add_cohort>{tr(Msg::AddCohortToRoster)}</button>
                </div>
                {dynamic(roster)}
                <p role="status" id="record-note">{move || note.get()}</p>
                <div class="actions">
                    {dynamic(move || {
                        let ready = shown.with(|s| s.as_ref().map_or(0, |s| s.to_record(browser::today())));
                        view! { <button type="button" class="primary" id="record-attendance" disabled=ready == 0 on:click=record>{c.t(Msg::RecordAttendance)}</button> }
                    })}
                    {dynamic(move || shown.with(|s| s.as_ref().is_some_and(|s| !s.recorded.is_empty())).then(|| view! {
                        <button type="button" on:click=undo>{c.t(Msg::UndoRecording)}</button>
                    }))}
                </div>
                <h2>{tr(Msg::SignInSheet)}</h2>
                <div class="filters">
                    <div class="field">
                        <label for="sheet-paper">{tr(Msg::PaperLabel)}</label>
                        <select id="sheet-paper" on:change=move |ev| set_paper(event_target_value(&ev))>
                            <option value="letter" selected=move || paper.get() == "letter">{tr(Msg::PaperLetter)}</option>
                            <option value="a4" selected=move || paper.get() == "a4">{tr(Msg::PaperA4)}</option>
                        </select>
                    </div>
                    <button type="button" id="print-sheet" on:click=|_| browser::print()>{tr(Msg::PrintSheet)}</button>
                </div>
            </div>
            {dynamic(sheet)}
        </section>
    }
}
