//! The board (who was given what, from which day, overdue first), the forecast, what a
//! trainer's page records (new members, renewals once), pending completions, and the stored
//! form of a trainer's records.

use super::*;
use crate::domain::catalog::builtin_trainings;
use crate::domain::completion::{Completion, Verdict, Verification};
use crate::domain::curricula::cohort::CohortRule;
use crate::domain::curricula::examples::example_curricula;
use crate::domain::hours::Hours;
use crate::domain::person::{sample, WorkerType};
use crate::domain::person_records::PersonRecords;
use crate::domain::presets::presets;
use crate::domain::training::effective_catalog;
use std::rc::Rc;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn done(person: &str, training: &str, on: &str) -> Completion {
    Completion {
        id: format!("{person}-{training}-{on}"),
        person_id: person.into(),
        training_id: format!("builtin.{training}"),
        completed_on: d(on),
        hours: Hours::whole(4),
        provider: String::new(),
        certificate_number: String::new(),
        ce_category: None,
        notes: String::new(),
        removed: false,
        verification: None,
        partial: false,
    }
}

fn peer(id: &str, name: &str, hired: &str) -> Person {
    Person { worker_type: WorkerType::PeerSupportSpecialist, program: "Crisis".into(), hire_date: Some(d(hired)), ..sample(id, name) }
}

fn records(people: Vec<Person>, completions: Vec<Completion>) -> Records {
    let mut files: HashMap<String, Rc<PersonRecords>> = HashMap::new();
    for p in &people {
        let mut f = PersonRecords::new(&p.id);
        f.completions = completions.iter().filter(|c| c.person_id == p.id).cloned().collect();
        files.insert(p.id.clone(), Rc::new(f));
    }
    Records::from_files(Rc::new(people), Rc::new(files))
}

fn new_peers() -> Cohort {
    Cohort {
        id: "new-peers".into(),
        name: "New peers".into(),
        rule: Some(CohortRule { worker_types: vec![WorkerType::PeerSupportSpecialist], hired_from: Some(d("2026-09-01")), ..CohortRule::default() }),
        people: Vec::new(),
        archived: false,
    }
}

fn to_cohort(work: Work, due: Due, on: &str) -> Assignment {
    Assignment { id: "a1".into(), target: Target::Cohort { cohort_id: "new-peers".into() }, work, due, given_on: d(on), given_by: "Marta".into(), renewal: None, removed: false }
}

const NO_STEP: &dyn Fn(&str) -> Option<(String, String)> = &|_| None;

#[test]
fn a_rule_cohorts_new_member_is_given_the_work_from_the_day_they_join() {
    let people = vec![peer("ana", "Ana", "2026-09-15"), peer("beto", "Beto", "2026-10-01"), peer("old", "Olga", "2025-01-01")];
    let mut plans = Plans { cohorts: vec![new_peers()], ..Plans::default() };
    plans.assignments.push(to_cohort(Work::Training { training_id: "builtin.hipaa".into() }, Due::AfterGiven { days: 30 }, "2026-10-01"));
    let r = records(people.clone(), vec![]);
    let ctx_trainings = builtin_trainings();
    let requirements = presets();
    let ctx = Context { requirements: &requirements, trainings: &ctx_trainings, due_soon_days: 30 };
    // The trainer's page records Ana and Beto as members on the day of assignment.
    let first = overview(&plans, &r, ctx, NO_STEP, d("2026-10-01"));
    let joined: Vec<(String, Date)> = first.to_record.iter().filter_map(|x| match x { PlanRecord::Membership(m) => Some((m.person_id.clone(), m.since)), _ => None }).collect();
    assert_eq!(joined, vec![("ana".into(), d("2026-10-01")), ("beto".into(), d("2026-10-01"))]);
    for x in first.to_record {
        if let PlanRecord::Membership(m) = x {
            plans.memberships.push(m);
        }
    }
    // Carla is hired later: she is a member at once, with her own due date from the day seen.
    let mut people = people;
    people.push(peer("carla", "Carla", "2026-11-10"));
    let r = records(people, vec![]);
    let g = given(&plans, &r.people, NO_STEP, d("2026-11-12"));
    let due: Vec<(&str, Option<Date>)> = g.iter().map(|x| (x.person.id.as_str(), x.assignment.due_for(x.person.hire_date, x.given_on, None))).collect();
    assert_eq!(due, vec![("ana", Some(d("2026-10-31"))), ("beto", Some(d("2026-10-31"))), ("carla", Some(d("2026-12-12")))]);
    // The board: Ana and Beto overdue first, Carla not started.
    let catalog = effective_catalog(&builtin_trainings(), &[]);
    let rows = board(&plans, &r, &catalog, g, d("2026-11-12"));
    assert_eq!(rows.iter().map(|x| x.person.id.as_str()).collect::<Vec<_>>(), vec!["ana", "beto", "carla"]);
    assert!(matches!(rows[0].standing, Standing::Overdue { .. }));
    assert_eq!(rows[2].standing, Standing::NotStarted { due: Some(d("2026-12-12")) });
    assert_eq!(rows[2].next.as_deref(), Some("builtin.hipaa"));
    assert_eq!(tally(rows.iter().map(|r| &r.standing)), [2, 0, 1, 0, 0]);
}

#[test]
fn completions_match_however_recorded_and_pending_ones_wait_for_verification() {
    let people = vec![peer("ana", "Ana", "2026-09-15"), peer("beto", "Beto", "2026-10-01")];
    let onboarding = example_curricula().into_iter().find(|c| c.id == "example.curriculum.peer_onboarding").expect("peer onboarding example");
    let plans = Plans {
        cohorts: vec![new_peers()],
        assignments: vec![to_cohort(Work::Curriculum { id: onboarding.id.clone(), version: 1 }, Due::AfterHire { days: 90 }, "2026-10-01")],
        curricula: vec![onboarding.clone()],
        exemptions: vec![Exemption { assignment_id: "a1".into(), person_id: "beto".into(), reason: "Certified elsewhere".into(), by: "HR".into(), on: d("2026-10-02") }],
        ..Plans::default()
    };
    // Ana did every training before she was assigned, one of them self-reported and pending.
    let mut ana: Vec<Completion> = onboarding.items.iter().filter(|i| i.required).map(|i| done("ana", i.training_id.trim_start_matches("builtin."), "2026-09-20")).collect();
    ana[0].verification = Some(Verification { from_file: None, verdict: Verdict::Pending, reported_by: "Ana".into(), reported_on: d("2026-09-21"), decided_by: String::new(), decided_on: None, reason: String::new() });
    let catalog = effective_catalog(&builtin_trainings(), &[]);
    let r = records(people.clone(), ana.clone());
    let rows = board(&plans, &r, &catalog, given(&plans, &r.people, NO_STEP, d("2026-10-05")), d("2026-10-05"));
    let ana_row = rows.iter().find(|x| x.person.id == "ana").unwrap();
    assert!(matches!(ana_row.standing, Standing::InProgress { .. }), "pending is not done: {:?}", ana_row.standing);
    assert_eq!(ana_row.next.as_deref(), Some(ana[0].training_id.as_str()));
    let beto = rows.iter().find(|x| x.person.id == "beto").unwrap();
    assert_eq!(beto.standing, Standing::Exempt { reason: "Certified elsewhere".into(), by: "HR".into(), on: d("2026-10-02") });
    // Verified: complete, on the day of the last training.
    ana[0].decide(Verdict::Verified, "Marta", d("2026-10-06"), "");
    let r = records(people, ana);
    let rows = board(&plans, &r, &catalog, given(&plans, &r.people, NO_STEP, d("2026-10-06")), d("2026-10-06"));
    assert_eq!(rows.iter().find(|x| x.person.id == "ana").unwrap().standing, Standing::Complete { on: d("2026-09-20") });
}

#[test]
fn the_forecast_counts_renewal_windows_by_month_and_renewals_are_recorded_once() {
    // CPR runs to the end of the month two years on; with no window it is "due soon" 30 days before.
    let people = vec![peer("ana", "Ana", "2025-01-01"), peer("beto", "Beto", "2025-01-01"), Person { worker_type: WorkerType::Chw, ..peer("carla", "Carla", "2025-01-01") }];
    let completions = vec![done("ana", "cpr_first_aid", "2025-01-10"), done("beto", "cpr_first_aid", "2025-06-03"), done("carla", "cpr_first_aid", "2024-12-20")];
    let r = records(people, completions);
    let trainings = builtin_trainings();
    let requirements = presets();
    let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: 30 };
    let plans = Plans::default();
    let o = overview(&plans, &r, ctx, NO_STEP, d("2026-11-29"));
    assert_eq!(o.forecast.len(), 12);
    assert_eq!(o.forecast[0].month, d("2026-11-01"));
    assert_eq!(o.forecast[11].month, d("2027-10-01"));
    let cpr = |m: &ForecastMonth| m.trainings.iter().find(|(t, _)| t == "builtin.cpr_first_aid").map_or(0, |(_, n)| *n);
    // Carla's (valid to 2026-12-31) is due soon from 2026-12-01; Ana's (to 2027-01-31) from
    // 2027-01-01; Beto's (to 2027-06-30) from 2027-05-31.
    assert_eq!(o.forecast.iter().map(cpr).collect::<Vec<_>>(), vec![0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    assert!(o.to_record.is_empty(), "nothing is due yet");
    // In December Carla's renewal is assigned, once: stored, a second look adds nothing, and
    // her credential now counts in the forecast's first month.
    let o = overview(&plans, &r, ctx, NO_STEP, d("2026-12-05"));
    assert_eq!(o.forecast.iter().map(cpr).take(2).collect::<Vec<_>>(), vec![1, 1]);
    let renewals: Vec<Assignment> = o.to_record.into_iter().filter_map(|x| match x { PlanRecord::Assignment(a) => Some(a), _ => None }).collect();
    assert_eq!(renewals.len(), 1);
    assert_eq!(renewals[0].target, Target::Person { person_id: "carla".into() });
    assert_eq!(renewals[0].due, Due::On { date: d("2026-12-31") });
    // Her own page, opened in another tab the same day, would record the same renewal (the
    // same id: one record, never two).
    let carla = r.people.iter().find(|p| p.id == "carla").unwrap();
    let from_her_page = to_record_for(&Plans::default(), &r, carla, ctx, NO_STEP, d("2026-12-05"));
    assert_eq!(from_her_page, vec![PlanRecord::Assignment(renewals[0].clone())]);
    let plans = Plans { assignments: renewals, ..Plans::default() };
    assert!(overview(&plans, &r, ctx, NO_STEP, d("2026-12-06")).to_record.is_empty());
    assert!(to_record_for(&plans, &r, carla, ctx, NO_STEP, d("2026-12-06")).is_empty());
}

/// Issue #20: a renewal is the training that renews *that* credential. MHFA is granted by the
/// adult or the youth course: each person's renewal and forecast is the one they hold. The
/// peer certificate is granted by the exam and renewed by the renewal application, never by
/// the exam again.
#[test]
fn a_renewal_is_the_training_that_renews_the_credential_the_person_holds() {
    let people = vec![
        Person { worker_type: WorkerType::Chw, ..peer("adult", "Adela", "2022-01-01") },
        Person { worker_type: WorkerType::Chw, ..peer("youth", "Yolanda", "2022-01-01") },
        peer("peer", "Pilar", "2022-01-01"),
    ];
    let completions = vec![
        done("adult", "mhfa_adult", "2023-12-13"),
        done("youth", "mhfa_youth", "2023-12-20"),
        done("peer", "peer_core_80h", "2024-10-01"),
        done("peer", "peer_exam", "2024-12-20"),
    ];
    let r = records(people, completions);
    let trainings = builtin_trainings();
    let requirements = presets();
    let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: 60 };
    let o = overview(&Plans::default(), &r, ctx, NO_STEP, d("2026-12-07"));
    let given: Vec<(String, String)> = o
        .to_record
        .iter()
        .filter_map(|x| match x {
            PlanRecord::Assignment(Assignment { target: Target::Person { person_id }, work: Work::Training { training_id }, .. }) => Some((person_id.clone(), training_id.clone())),
            _ => None,
        })
        .collect();
    assert!(given.contains(&("adult".into(), "builtin.mhfa_adult".into())), "{given:?}");
    assert!(given.contains(&("youth".into(), "builtin.mhfa_youth".into())), "{given:?}");
    assert!(given.contains(&("peer".into(), "builtin.peer_renewal".into())), "{given:?}");
    assert!(!given.iter().any(|(p, t)| p == "adult" && t.ends_with("youth")), "adult MHFA is never renewed as youth MHFA");
    assert!(!given.iter().any(|(_, t)| t == "builtin.peer_exam"), "the exam is never assigned as a renewal");
    // The forecast plans each under its own training: December 2026 holds one adult and one youth MHFA.
    let dec = &o.forecast[0];
    assert_eq!(dec.month, d("2026-12-01"));
    let n = |t: &str| dec.trainings.iter().find(|(x, _)| x == t).map_or(0, |(_, n)| *n);
    assert_eq!((n("builtin.mhfa_adult"), n("builtin.mhfa_youth"), n("builtin.peer_renewal")), (1, 1, 1));
}

#[test]
fn every_kind_of_record_round_trips_under_its_own_key() {
    let session = Session {
        id: "s1".into(),
        training_id: "builtin.support_session".into(),
        on: d("2026-12-03"),
        starts_at: "09:00".into(),
        hours: Hours::whole(2),
        facilitator: "Marta".into(),
        place: "Sala 2".into(),
        language: crate::domain::person::PreferredLanguage::Spanish,
        capacity: Some(12),
        roster: vec!["ana".into()],
        attendance: Vec::new(),
        recorded: Vec::new(),
        removed: false,
    };
    let all = vec![
        PlanRecord::Curriculum(example_curricula().remove(0).duplicate("c1")),
        PlanRecord::Cohort(new_peers()),
        PlanRecord::Membership(Membership { cohort_id: "new-peers".into(), person_id: "ana".into(), since: d("2026-10-01"), until: None }),
        PlanRecord::Assignment(to_cohort(Work::Curriculum { id: "c1".into(), version: 1 }, Due::AfterHire { days: 30 }, "2026-10-01")),
        PlanRecord::Exemption(Exemption { assignment_id: "a1".into(), person_id: "ana".into(), reason: "r".into(), by: "HR".into(), on: d("2026-10-02") }),
        PlanRecord::Session(session),
    ];
    let keys: Vec<String> = all.iter().map(PlanRecord::key).collect();
    assert_eq!(keys, vec!["curriculum/c1@1", "cohort/new-peers", "membership/new-peers/ana/2026-10-01", "assignment/a1", "exemption/a1/ana", "session/s1"]);
    for r in &all {
        let text = serde_json::to_string(r).unwrap();
        assert_eq!(&serde_json::from_str::<PlanRecord>(&text).unwrap(), r, "{text}");
    }
    let plans = Plans::from_records(all);
    assert_eq!((plans.curricula.len(), plans.cohorts.len(), plans.memberships.len(), plans.assignments.len(), plans.exemptions.len(), plans.sessions.len()), (1, 1, 1, 1, 1, 1));
    assert!(plans.assigned("c1") && !plans.assigned("other"));
}

#[test]
fn giving_records_the_cohorts_members_and_never_a_second_open_training() {
    let people = vec![peer("ana", "Ana", "2026-09-15"), peer("beto", "Beto", "2026-10-01")];
    let r = records(people, vec![]);
    let trainings = builtin_trainings();
    let requirements = presets();
    let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: 30 };
    let plans = Plans { cohorts: vec![new_peers()], ..Plans::default() };
    let work = Work::Training { training_id: "builtin.hipaa".into() };
    let to_cohort = (Target::Cohort { cohort_id: "new-peers".into() }, work.clone(), Due::AfterGiven { days: 30 }, "Marta".to_owned());
    let made = give(&plans, &r, ctx, NO_STEP, to_cohort, "a1".into(), d("2026-10-02")).unwrap();
    let kinds: Vec<String> = made.iter().map(PlanRecord::key).collect();
    assert_eq!(kinds, vec!["membership/new-peers/ana/2026-10-02", "membership/new-peers/beto/2026-10-02", "assignment/a1"]);
    // One training to one person twice: the open one comes back, nothing new.
    let to_ana = (Target::Person { person_id: "ana".into() }, work, Due::None, "Marta".to_owned());
    let first = give(&plans, &r, ctx, NO_STEP, to_ana.clone(), "a2".into(), d("2026-10-02")).unwrap();
    let plans = Plans { assignments: first.into_iter().filter_map(|x| match x { PlanRecord::Assignment(a) => Some(a), _ => None }).collect(), ..plans };
    assert_eq!(give(&plans, &r, ctx, NO_STEP, to_ana, "a3".into(), d("2026-10-03")).unwrap_err().id, "a2");
}
