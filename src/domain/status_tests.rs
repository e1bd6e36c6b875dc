//! Table-driven tests of every preset at its boundaries, and the engine's properties.

use super::*;
use crate::domain::catalog::builtin_trainings;
use crate::domain::person::{sample, WorkerType};
use crate::domain::presets::presets;
use crate::domain::requirement::{Requirement, Rule, Waiver, WorkHours};
use crate::domain::training::{CeCategory, PeriodUnit, Validity};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap_or_else(|| panic!("bad date {s}"))
}

fn h(x: f64) -> Hours {
    Hours::from_hundredths((x * 100.0).round() as u32)
}

fn done(id: &str, training: &str, on: &str, hours: f64, ce: Option<CeCategory>) -> Completion {
    Completion { verification: None, partial: false,
        id: id.into(),
        person_id: "p".into(),
        training_id: format!("builtin.{training}"),
        completed_on: d(on),
        hours: h(hours),
        provider: String::new(),
        certificate_number: String::new(),
        ce_category: ce,
        notes: String::new(),
        removed: false,
    }
}

struct World {
    requirements: Vec<Requirement>,
    trainings: Vec<crate::domain::training::TrainingType>,
    person: Person,
    completions: Vec<Completion>,
    work: Vec<WorkHours>,
    waivers: Vec<Waiver>,
    attestations: Vec<crate::domain::ladders::person::Attestation>,
}

impl World {
    fn new(worker: WorkerType, hire: Option<&str>) -> World {
        let mut person = sample("p", "Rosa");
        person.worker_type = worker;
        person.hire_date = hire.map(d);
        World { requirements: presets(), trainings: builtin_trainings(), person, completions: vec![], work: vec![], waivers: vec![], attestations: vec![] }
    }

    fn with(mut self, c: Completion) -> World {
        self.completions.push(c);
        self
    }

    fn eval(&self, req: &str, as_of: &str) -> Evaluation {
        let r = self.requirements.iter().find(|r| r.id == format!("preset.{req}")).unwrap_or_else(|| panic!("{req}"));
        let facts = Facts { person: &self.person, completions: &self.completions, work_hours: &self.work, waivers: &self.waivers, attestations: &self.attestations };
        let ctx = Context { requirements: &self.requirements, trainings: &self.trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
        evaluate(r, facts, ctx, d(as_of))
    }
}

/// (as of, status, valid until, changes on)
type Row<'a> = (&'a str, Status, Option<&'a str>, Option<&'a str>);

fn check(world: &World, req: &str, rows: &[Row]) {
    for (as_of, status, until, changes) in rows {
        let e = world.eval(req, as_of);
        assert_eq!(e.status, *status, "{req} as of {as_of}: {e:?}");
        assert_eq!(e.valid_until, until.map(d), "{req} as of {as_of}: valid until");
        assert_eq!(e.changes_on, changes.map(d), "{req} as of {as_of}: changes on");
    }
}

#[test]
fn cpr_runs_to_the_end_of_the_month_two_years_on_with_no_grace() {
    let w = World::new(WorkerType::Chw, None).with(done("a", "cpr_first_aid", "2025-03-03", 4.0, None));
    check(&w, "cpr", &[
        ("2025-03-02", Status::Missing, None, None),
        ("2025-03-03", Status::Current, Some("2027-03-31"), Some("2027-01-31")),
        ("2027-01-30", Status::Current, Some("2027-03-31"), Some("2027-01-31")),
        ("2027-01-31", Status::DueSoon, Some("2027-03-31"), Some("2027-04-01")),
        ("2027-03-31", Status::DueSoon, Some("2027-03-31"), Some("2027-04-01")), // the expiry day itself
        ("2027-04-01", Status::Expired, Some("2027-03-31"), None),
    ]);
    let leap = World::new(WorkerType::Chw, None).with(done("a", "cpr_first_aid", "2026-02-01", 4.0, None));
    check(&leap, "cpr", &[("2028-02-29", Status::DueSoon, Some("2028-02-29"), Some("2028-03-01"))]);
}

#[test]
fn mhfa_three_years_on_time_and_late_renewals() {
    let base = World::new(WorkerType::PeerSupportSpecialist, None).with(done("a", "mhfa_adult", "2024-02-29", 7.5, None));
    check(&base, "mhfa", &[
        ("2027-02-28", Status::DueSoon, Some("2027-02-28"), Some("2027-03-01")), // 29 Feb + 3 years
        ("2027-03-01", Status::Expired, Some("2027-02-28"), None),
    ]);
    // Renewed on the last day: counts from its own date, the chain continues.
    let on_time = base.clone_with(done("b", "mhfa_adult", "2027-02-28", 7.5, None));
    check(&on_time, "mhfa", &[("2027-03-01", Status::Current, Some("2030-02-28"), Some("2029-12-31"))]);
    // Renewed late: the chain restarts from the completion date, and until then it is expired.
    let late = base.clone_with(done("b", "mhfa_youth", "2027-03-05", 6.5, None));
    check(&late, "mhfa", &[
        ("2027-03-04", Status::Expired, Some("2027-02-28"), None),
        ("2027-03-05", Status::Current, Some("2030-03-05"), Some("2030-01-05")),
    ]);
    let rule = match &late.requirements.iter().find(|r| r.id == "preset.mhfa").unwrap().rule {
        Rule::Credential(c) => c.clone(),
        _ => unreachable!(),
    };
    let facts = Facts { person: &late.person, completions: &late.completions, work_hours: &[], waivers: &[], attestations: &[] };
    let ctx = Context { requirements: &late.requirements, trainings: &late.trainings, due_soon_days: 60 };
    let links = chain(&rule, facts, ctx, d("2030-01-01"));
    assert_eq!(links.len(), 2, "history keeps every link");
    assert!(!links[0].restarted && links[1].restarted);
}

impl World {
    fn clone_with(&self, c: Completion) -> World {
        World {
            requirements: self.requirements.clone(),
            trainings: self.trainings.clone(),
            person: self.person.clone(),
            completions: self.completions.iter().cloned().chain([c]).collect(),
            work: self.work.clone(),
            waivers: self.waivers.clone(),
            attestations: self.attestations.clone(),
        }
    }
}

#[test]
fn peer_certification_needs_core_then_exam_and_renews_from_the_previous_expiry() {
    let peer = World::new(WorkerType::PeerSupportSpecialist, Some("2023-06-01"));
    let e = peer.eval("peer_certification", "2024-01-01");
    assert_eq!(e.status, Status::Missing);
    assert_eq!(e.next, Some(NextAction::First { requirement_id: "preset.peer_core".into() }));

    let trained = peer.clone_with(done("core", "peer_core_80h", "2024-01-10", 80.0, None));
    let e = trained.eval("peer_certification", "2024-02-01");
    // The exam is a step passed or not, not 3 more hours of training (issue #20: not "80 of 83").
    assert_eq!((e.status, e.hours_done, e.hours_required), (Status::InProgress, Some(h(80.0)), Some(h(80.0))));
    assert_eq!(e.next, Some(NextAction::Complete { trainings: vec!["builtin.peer_exam".into()], all: true, by: None }));

    let certified = trained.clone_with(done("exam", "peer_exam", "2024-03-01", 3.0, None));
    check(&certified, "peer_certification", &[
        ("2024-03-01", Status::Current, Some("2026-03-01"), Some("2026-01-01")),
        ("2026-03-02", Status::Expired, Some("2026-03-01"), None),
    ]);
    // Renewed inside the window: the new period runs from the previous expiry.
    let renewed = certified.clone_with(done("r1", "peer_renewal", "2026-02-15", 1.0, None));
    // 2028 is a leap year: 60 days before expiry starts on 2 January.
    check(&renewed, "peer_certification", &[("2026-03-02", Status::Current, Some("2028-03-01"), Some("2028-01-02"))]);
    // Recorded twice, a day apart, right after certifying: no stacking of whole periods. A
    // renewal reaches at most as far as one made on the last day of the 90-day window.
    let twice = certified.clone_with(done("exam2", "peer_exam", "2024-03-02", 3.0, None));
    check(&twice, "peer_certification", &[("2024-06-01", Status::Current, Some("2026-05-31"), Some("2026-04-02"))]);
    let same_day = certified.clone_with(done("exam0", "peer_exam", "2024-03-01", 3.0, None));
    check(&same_day, "peer_certification", &[("2024-06-01", Status::Current, Some("2026-03-01"), Some("2026-01-01"))]);
    // Renewed late: restarts from the completion date.
    let late = certified.clone_with(done("r1", "peer_renewal", "2026-03-10", 1.0, None));
    check(&late, "peer_certification", &[
        ("2026-03-09", Status::Expired, Some("2026-03-01"), None),
        ("2026-03-10", Status::Current, Some("2028-03-10"), Some("2028-01-11")),
    ]);
    // An exam before the core training does not count (no specialization or exam before the core).
    let early_exam = peer
        .clone_with(done("exam", "peer_exam", "2023-12-01", 3.0, None))
        .clone_with(done("core", "peer_core_80h", "2024-01-10", 80.0, None));
    assert_eq!(early_exam.eval("peer_certification", "2024-02-01").status, Status::InProgress);
}

#[test]
fn peer_ce_counts_hours_by_category_inside_the_certification_period() {
    let certified = World::new(WorkerType::PeerSupportSpecialist, None)
        .with(done("core", "peer_core_80h", "2024-01-10", 80.0, None))
        .with(done("exam", "peer_exam", "2024-03-01", 3.0, None));
    let e = certified.eval("peer_ce", "2025-06-01");
    assert_eq!((e.status, e.hours_done), (Status::Missing, Some(Hours::ZERO)));

    let partly = certified
        .clone_with(done("g1", "motivational_interviewing", "2024-09-01", 14.0, Some(CeCategory::General)))
        .clone_with(done("le1", "law_ethics_ce", "2025-02-01", 2.5, Some(CeCategory::LawEthics)))
        // Before the period: does not count.
        .clone_with(done("old", "law_ethics_ce", "2024-02-01", 6.0, Some(CeCategory::LawEthics)));
    let e = partly.eval("peer_ce", "2025-06-01");
    assert_eq!((e.status, e.hours_done, e.hours_required), (Status::InProgress, Some(h(16.5)), Some(h(20.0))));
    assert_eq!(e.valid_until, Some(d("2026-03-01")));
    // Progress bars: the cycle counted and each category with a minimum.
    assert_eq!(e.cycle, Some((d("2024-03-01"), d("2026-03-01"))));
    assert_eq!(e.categories, vec![CategoryProgress { category: CeCategory::LawEthics, done: h(2.5), required: h(6.0) }]);
    assert_eq!(
        e.next,
        Some(NextAction::MoreHours { total: h(3.5), by_category: vec![(CeCategory::LawEthics, h(3.5))], by: d("2026-03-01") })
    );

    // Enough hours in total but not enough law & ethics: still in progress.
    let general_only = certified.clone_with(done("g", "chw_annual_ce", "2024-10-01", 20.0, Some(CeCategory::General)));
    let e = general_only.eval("peer_ce", "2025-06-01");
    assert_eq!(e.status, Status::InProgress);
    assert_eq!(e.next, Some(NextAction::MoreHours { total: Hours::ZERO, by_category: vec![(CeCategory::LawEthics, h(6.0))], by: d("2026-03-01") }));

    let complete = partly.clone_with(done("le2", "law_ethics_ce", "2025-05-01", 3.5, Some(CeCategory::LawEthics)));
    check(&complete, "peer_ce", &[("2025-06-01", Status::Current, Some("2026-03-01"), Some("2026-03-02"))]);

    // Renewed early (in the window): the CE still due is for the period running now, not for
    // the new period that starts at the old expiry. The new period starts in good standing:
    // the last period's CE was done, and this one's is due by its end.
    let renewed_early = complete.clone_with(done("r", "peer_renewal", "2026-01-15", 1.0, None));
    check(&renewed_early, "peer_ce", &[
        ("2026-02-01", Status::Current, Some("2026-03-01"), Some("2026-03-02")),
        ("2026-03-02", Status::Current, Some("2028-03-01"), Some("2028-01-02")),
    ]);
    // Renewed without the CE: the new period starts out of compliance, lapsed after the old one.
    let renewed_without_ce = partly.clone_with(done("r", "peer_renewal", "2026-01-15", 1.0, None));
    check(&renewed_without_ce, "peer_ce", &[("2026-03-02", Status::Expired, Some("2026-03-01"), None)]);

    // Not certified: CE waits for the certification.
    let e = World::new(WorkerType::PeerSupportSpecialist, None).eval("peer_ce", "2025-06-01");
    assert_eq!(e.next, Some(NextAction::First { requirement_id: "preset.peer_certification".into() }));
}

#[test]
fn the_same_training_counts_once_when_the_rule_says_so() {
    // Hired in 2026: not subject to the 2025 cycle.
    let mut w = World::new(WorkerType::Chw, Some("2026-01-01"));
    if let Rule::Hours(rule) = &mut w.requirements.iter_mut().find(|r| r.id == "preset.chw_annual_training").unwrap().rule {
        rule.same_training_counts_twice = false;
    }
    let w = w
        .with(done("a", "trauma_informed_care", "2026-02-01", 3.0, None))
        .with(done("b", "trauma_informed_care", "2026-05-01", 4.0, None));
    let e = w.eval("chw_annual_training", "2026-06-01");
    assert_eq!((e.status, e.hours_done), (Status::InProgress, Some(h(4.0))), "only the larger completion counts");
}

#[test]
fn chw_annual_training_is_per_calendar_year_and_a_missed_year_is_expired() {
    // Hired in March 2025: the part-year is the start of the first cycle, which runs to the end
    // of 2026.
    let w = World::new(WorkerType::Chw, Some("2025-03-01")).with(done("a", "motivational_interviewing", "2026-04-01", 2.0, None));
    check(&w, "chw_annual_training", &[
        ("2025-06-01", Status::Missing, Some("2026-12-31"), Some("2027-01-01")),
        ("2026-03-31", Status::Missing, Some("2026-12-31"), Some("2027-01-01")),
        ("2026-06-01", Status::InProgress, Some("2026-12-31"), Some("2027-01-01")),
        // Out on 1 January: lapsed after the last day of the cycle it missed, not a year later.
        ("2027-01-01", Status::Expired, Some("2026-12-31"), None),
        ("2027-12-31", Status::Expired, Some("2026-12-31"), None),
    ]);
    let met = w.clone_with(done("b", "harm_reduction_naloxone", "2026-12-31", 4.0, None));
    check(&met, "chw_annual_training", &[
        // Met: good until the end of next year, when next year's hours are due.
        ("2026-12-31", Status::Current, Some("2027-12-31"), Some("2027-11-02")),
        ("2027-01-01", Status::Current, Some("2027-12-31"), Some("2027-11-02")),
        ("2027-11-02", Status::DueSoon, Some("2027-12-31"), Some("2028-01-01")),
        ("2028-01-01", Status::Expired, Some("2027-12-31"), None),
    ]);
    // Hired during the last year's cycle: its first cycle runs to the end of this year.
    let new_hire = World::new(WorkerType::Chw, Some("2026-11-01"));
    check(&new_hire, "chw_annual_training", &[
        ("2026-11-01", Status::Missing, Some("2027-12-31"), Some("2028-01-01")),
        ("2027-01-05", Status::Missing, Some("2027-12-31"), Some("2028-01-01")),
        ("2028-01-01", Status::Expired, Some("2027-12-31"), None),
    ]);
    // Hours done in the hire month count toward that first cycle.
    let early = new_hire.clone_with(done("n", "harm_reduction_naloxone", "2026-11-20", 6.0, None));
    check(&early, "chw_annual_training", &[
        ("2027-01-05", Status::Current, Some("2028-12-31"), Some("2028-11-02")),
        ("2028-06-01", Status::Current, Some("2028-12-31"), Some("2028-11-02")),
    ]);
}

/// The three January defects, each as it was reported: as of 1 January a CHW who did all of
/// last year's hours is not missing; one who did nothing does not look better than one who
/// did 5 of 6; and a lapse is dated at the end of the year it happened.
#[test]
fn on_the_first_of_january_last_years_hours_decide() {
    for hire in [None, Some("2024-06-01")] {
        let all = World::new(WorkerType::Chw, hire).with(done("a", "trauma_informed_care", "2026-05-01", 6.0, None));
        let e = all.eval("chw_annual_training", "2027-01-01");
        assert_eq!((e.status, e.valid_until, e.hours_done), (Status::Current, Some(d("2027-12-31")), Some(Hours::ZERO)), "{hire:?}");
        assert_eq!(e.next, Some(NextAction::MoreHours { total: h(6.0), by_category: vec![], by: d("2027-12-31") }));

        let nothing = World::new(WorkerType::Chw, hire);
        let five = World::new(WorkerType::Chw, hire).with(done("a", "trauma_informed_care", "2026-05-01", 5.0, None));
        for w in [&nothing, &five] {
            let e = w.eval("chw_annual_training", "2027-01-01");
            assert_eq!((e.status, e.valid_until, e.changes_on), (Status::Expired, Some(d("2026-12-31")), None), "{hire:?}");
            assert_eq!(e.cycle, Some((d("2027-01-01"), d("2027-12-31"))));
        }
    }
}

/// The "record the hire date" hint belongs to calendar cycles owed for want of a hire date.
#[test]
fn the_hire_date_hint_is_for_calendar_cycles_without_a_hire_date() {
    let req = |id: &str, w: &World| w.requirements.iter().find(|r| r.id == format!("preset.{id}")).unwrap().clone();
    let no_hire = World::new(WorkerType::Chw, None);
    let e = no_hire.eval("chw_annual_training", "2027-01-01");
    assert!(expired_for_want_of_hire_date(&e, &req("chw_annual_training", &no_hire), &no_hire.person, d("2027-01-01")));
    let hired = World::new(WorkerType::Chw, Some("2020-01-01"));
    let e = hired.eval("chw_annual_training", "2027-01-01");
    assert_eq!(e.status, Status::Expired);
    assert!(!expired_for_want_of_hire_date(&e, &req("chw_annual_training", &hired), &hired.person, d("2027-01-01")));
    // A peer whose certification period was renewed without its CE: not about the hire date.
    let peer = World::new(WorkerType::PeerSupportSpecialist, None)
        .with(done("core", "peer_core_80h", "2024-01-10", 80.0, None))
        .with(done("exam", "peer_exam", "2024-03-01", 3.0, None))
        .with(done("r", "peer_renewal", "2026-01-15", 1.0, None));
    let e = peer.eval("peer_ce", "2026-03-02");
    assert_eq!(e.status, Status::Expired);
    assert!(!expired_for_want_of_hire_date(&e, &req("peer_ce", &peer), &peer.person, d("2026-03-02")));
}

/// Each cycle kind at its first and last day and across its boundary, for a previous cycle
/// met, partly met and not started. (as of, hours recorded in the previous cycle, status,
/// valid until).
#[test]
fn every_cycle_kind_at_its_first_and_last_day() {
    type Case<'a> = (&'a str, f64, Status, &'a str);
    let run = |worker: WorkerType, hire: Option<&str>, req: &str, training: &str, ce: Option<CeCategory>, prev_day: &str, base: &[Completion], cases: &[Case]| {
        for (as_of, prev_hours, status, until) in cases {
            let mut w = World::new(worker, hire);
            w.completions = base.to_vec();
            if *prev_hours > 0.0 {
                w.completions.push(done("prev", training, prev_day, *prev_hours, ce));
            }
            let e = w.eval(req, as_of);
            assert_eq!((e.status, e.valid_until), (*status, Some(d(until))), "{req} as of {as_of} after {prev_hours} h: {e:?}");
        }
    };
    // Calendar year (CHW, 6 hours), employed since 2020: cycle 2026 = 1 Jan – 31 Dec.
    run(WorkerType::Chw, Some("2020-01-01"), "chw_annual_training", "trauma_informed_care", None, "2025-07-01", &[], &[
        ("2025-12-31", 6.0, Status::Current, "2026-12-31"),
        ("2026-01-01", 6.0, Status::Current, "2026-12-31"),
        ("2026-12-31", 6.0, Status::DueSoon, "2026-12-31"),
        ("2027-01-01", 6.0, Status::Expired, "2026-12-31"),
        ("2026-01-01", 5.0, Status::Expired, "2025-12-31"),
        ("2026-12-31", 5.0, Status::Expired, "2025-12-31"),
        ("2026-01-01", 0.0, Status::Expired, "2025-12-31"),
        ("2025-12-31", 5.0, Status::Expired, "2024-12-31"),
    ]);
    // From hire (doula, 3 perinatal hours every 36 months): hired 15 April 2023, cycles start
    // 15 April 2023, 2026, 2029; the first ends 14 April 2026.
    run(WorkerType::PerinatalDoula, Some("2023-04-15"), "doula_ce", "perinatal_ce", Some(CeCategory::MaternalPerinatal), "2024-01-10", &[], &[
        ("2023-04-15", 0.0, Status::Missing, "2026-04-14"),
        ("2026-04-14", 2.0, Status::InProgress, "2026-04-14"),
        ("2026-04-14", 3.0, Status::Current, "2029-04-14"),
        ("2026-04-15", 3.0, Status::Current, "2029-04-14"),
        ("2029-04-14", 3.0, Status::DueSoon, "2029-04-14"),
        ("2029-04-15", 3.0, Status::Expired, "2029-04-14"),
        ("2026-04-15", 2.0, Status::Expired, "2026-04-14"),
        ("2026-04-15", 0.0, Status::Expired, "2026-04-14"),
    ]);
    // Hired before the requirement took effect (1 January 2023): owed from then, to the end of
    // the first full cycle from hire.
    let e = World::new(WorkerType::PerinatalDoula, Some("2020-04-15")).eval("doula_ce", "2023-02-01");
    assert_eq!((e.status, e.cycle), (Status::Missing, Some((d("2023-01-01"), d("2026-04-14")))));
    // A credential's period (peer CE, 20 hours with 6 in law and ethics, per 2-year peer
    // certification period): certified 1 March 2024, renewed on time in January 2026, so the
    // periods are 1 Mar 2024 – 1 Mar 2026 and 2 Mar 2026 – 1 Mar 2028.
    let certified = [
        done("core", "peer_core_80h", "2024-01-10", 80.0, None),
        done("exam", "peer_exam", "2024-03-01", 3.0, None),
        done("renew", "peer_renewal", "2026-01-15", 1.0, None),
        done("gen", "motivational_interviewing", "2024-09-01", 14.0, Some(CeCategory::General)),
    ];
    run(WorkerType::PeerSupportSpecialist, None, "peer_ce", "law_ethics_ce", Some(CeCategory::LawEthics), "2025-02-01", &certified, &[
        ("2024-03-01", 0.0, Status::Missing, "2026-03-01"),
        ("2026-03-01", 6.0, Status::Current, "2026-03-01"),
        ("2026-03-01", 5.0, Status::InProgress, "2026-03-01"),
        ("2026-03-02", 6.0, Status::Current, "2028-03-01"),
        ("2026-03-02", 5.0, Status::Expired, "2026-03-01"),
        ("2026-03-02", 0.0, Status::Expired, "2026-03-01"),
        ("2028-03-01", 6.0, Status::DueSoon, "2028-03-01"),
    ]);
}

/// A requirement that takes effect part-way through a cycle is owed from then on, with the
/// same part-cycle rule as a new hire.
#[test]
fn a_requirement_that_takes_effect_mid_year_starts_with_a_long_first_cycle() {
    let mut w = World::new(WorkerType::Chw, Some("2015-01-01"));
    w.requirements.iter_mut().find(|r| r.id == "preset.chw_annual_training").unwrap().effective_from = Some(d("2026-07-01"));
    check(&w, "chw_annual_training", &[
        ("2026-08-01", Status::Missing, Some("2027-12-31"), Some("2028-01-01")),
        ("2027-06-01", Status::Missing, Some("2027-12-31"), Some("2028-01-01")),
        ("2028-01-01", Status::Expired, Some("2027-12-31"), None),
    ]);
}

/// Rules change over time: a date is judged by the rule then in force. The CHW annual hours
/// go from 6 to 8 from 1 January 2027: 2026 stays met with 6 hours, on any "as of" date.
#[test]
fn a_past_date_is_judged_by_the_rule_then_in_force() {
    let mut w = World::new(WorkerType::Chw, Some("2020-01-01")).with(done("a", "trauma_informed_care", "2026-05-01", 6.0, None));
    let before: Vec<Evaluation> = ["2026-06-01", "2026-12-31", "2027-01-01"].iter().map(|day| w.eval("chw_annual_training", day)).collect();
    let req = w.requirements.iter_mut().find(|r| r.id == "preset.chw_annual_training").unwrap();
    let Rule::Hours(mut eight) = req.rule.clone() else { panic!() };
    eight.hours = h(8.0);
    let source = req.source.clone();
    req.change_rule(Rule::Hours(eight), source, d("2027-01-01"), "Ana Ruiz, HR", d("2026-11-24"));
    // Every day before the change: exactly as before.
    assert_eq!(w.eval("chw_annual_training", "2026-06-01"), before[0]);
    assert_eq!(w.eval("chw_annual_training", "2026-12-31"), before[1]);
    // From the change: 8 hours are owed for 2027, and 2026 is still judged by its 6 hours.
    let e = w.eval("chw_annual_training", "2027-01-01");
    assert_eq!((e.status, e.hours_required), (Status::Current, Some(h(8.0))));
    assert_eq!(before[2].hours_required, Some(h(6.0)));
    // A second change, dated before the first, supersedes it from its own date.
    let req = w.requirements.iter_mut().find(|r| r.id == "preset.chw_annual_training").unwrap();
    let Rule::Hours(mut ten) = req.rule.clone() else { panic!() };
    ten.hours = h(10.0);
    let source = req.source.clone();
    req.change_rule(Rule::Hours(ten), source, d("2026-07-01"), "Ana Ruiz, HR", d("2026-11-25"));
    assert_eq!(req.history.len(), 1);
    assert_eq!(req.history[0].until, d("2026-06-30"));
    assert_eq!(w.eval("chw_annual_training", "2026-06-01"), before[0]);
    assert_eq!(w.eval("chw_annual_training", "2026-12-31").hours_required, Some(h(10.0)));
}

/// A training's validity changes from a date: completions before it keep the rule they were
/// earned under, so every status before the change stays as it was.
#[test]
fn a_training_validity_change_keeps_earlier_completions_under_their_rule() {
    let mut w = World::new(WorkerType::PeerSupportSpecialist, None)
        .with(done("m1", "mhfa_adult", "2024-05-01", 8.0, None));
    let before: Vec<Evaluation> = ["2025-01-01", "2027-04-30", "2027-05-01"].iter().map(|day| w.eval("mhfa", day)).collect();
    let mhfa = w.trainings.iter_mut().find(|t| t.id == "builtin.mhfa_adult").unwrap();
    mhfa.change_validity(Validity::After { amount: 1, unit: PeriodUnit::Years }, d("2026-01-01"), "Ana Ruiz, HR", d("2025-12-01"));
    for (i, day) in ["2025-01-01", "2027-04-30", "2027-05-01"].iter().enumerate() {
        assert_eq!(w.eval("mhfa", day), before[i], "{day}: the 2024 certificate keeps its 3 years");
    }
    // A completion after the change follows the new rule: renewed in March 2026 for one year,
    // it does not reach past the 2024 certificate's own end (a renewal never shortens it)…
    let w = w.clone_with(done("m2", "mhfa_adult", "2026-03-01", 8.0, None));
    let e = w.eval("mhfa", "2027-06-01");
    assert_eq!((e.status, e.valid_until), (Status::Expired, Some(d("2027-05-01"))));
    // …where under the old three years it would have run on.
    let old = World::new(WorkerType::PeerSupportSpecialist, None)
        .with(done("m1", "mhfa_adult", "2024-05-01", 8.0, None))
        .with(done("m2", "mhfa_adult", "2026-03-01", 8.0, None));
    assert_eq!(old.eval("mhfa", "2027-06-01").status, Status::Current);
}

#[test]
fn chw_qualification_by_certificate_or_by_work_experience() {
    let w = World::new(WorkerType::Chw, None).with(done("c", "chwpr_certificate", "2025-05-01", 80.0, None));
    check(&w, "chw_qualification", &[("2030-01-01", Status::Current, None, None)]);

    let mut worked = World::new(WorkerType::Chw, None);
    let period = |id: &str, from: &str, to: &str, hours: f64| WorkHours {
        id: id.into(), person_id: "p".into(), from: d(from), to: d(to), hours: h(hours), notes: String::new(), removed: false,
    };
    worked.work = vec![period("y1", "2023-01-01", "2023-12-31", 1000.0), period("y2", "2024-01-01", "2024-12-31", 1000.0)];
    // Exactly 2,000 hours is not "more than 2,000".
    let e = worked.eval("chw_qualification", "2025-01-15");
    assert_eq!(e.status, Status::InProgress);
    assert_eq!(e.next, Some(NextAction::MoreWorkHours { need: h(2000.0), within_months: 36, worked: h(2000.0) }));
    // A removed period counts for nothing.
    worked.work.push(WorkHours { removed: true, ..period("gone", "2025-01-01", "2025-01-31", 500.0) });
    assert_eq!(worked.eval("chw_qualification", "2025-02-01").status, Status::InProgress);
    worked.work.pop();
    worked.work.push(period("y3", "2025-01-01", "2025-01-31", 120.0));
    // Met on 2025-01-31: provisionally qualified for 18 months, certificate due by then.
    check(&worked, "chw_qualification", &[
        ("2025-02-01", Status::Current, Some("2026-07-30"), Some("2026-06-01")),
        ("2026-07-31", Status::Expired, Some("2026-07-30"), None),
    ]);
    let e = worked.eval("chw_qualification", "2026-07-01");
    assert_eq!(e.status, Status::DueSoon);
    assert_eq!(e.next, Some(NextAction::Complete {
        trainings: vec!["builtin.chwpr_certificate".into(), "builtin.c3_core_skills".into()], all: false, by: Some(d("2026-07-30")),
    }));
}

fn attested(id: &str, kind: &str, on: &str) -> crate::domain::ladders::person::Attestation {
    crate::domain::ladders::person::Attestation { unconfirmed: None,
        id: id.into(), person_id: "p".into(), kind: kind.into(), on: d(on), attested_by: "Clínica Luz".into(), note: String::new(), removed: false,
    }
}

fn worked(id: &str, from: &str, to: &str) -> WorkHours {
    WorkHours { id: id.into(), person_id: "p".into(), from: d(from), to: d(to), hours: h(1000.0), notes: String::new(), removed: false }
}

/// Medi-Cal doulas (DHCS): the training pathway (16 hours and 3 births attested) or the
/// experience pathway (5 years of experience in the last 7, and 3 letters from the last 7
/// years), which qualifies by itself.
#[test]
fn doula_pathways_training_with_births_or_experience_with_letters() {
    use crate::domain::ladders::person::{BIRTH_SUPPORTED, RECOMMENDATION_LETTER};
    let mut w = World::new(WorkerType::PerinatalDoula, Some("2024-01-01"));
    // Experience: 2019-2021 and 2022-2024 overlap once; 5 years 9 months within 2019-06-02..2026-06-01.
    w.work = vec![worked("a", "2019-01-01", "2021-12-31"), worked("b", "2021-06-01", "2024-09-30")];
    let e = w.eval("doula_training", "2026-06-01");
    assert_eq!(e.status, Status::InProgress);
    assert_eq!(e.next, Some(NextAction::Attestations { kind: RECOMMENDATION_LETTER.into(), count: 3, have: 0, within_years: Some(7) }));
    assert_eq!((e.hours_done, e.hours_required), (None, None), "no hours on this pathway");
    w.attestations = vec![attested("l1", RECOMMENDATION_LETTER, "2025-01-10"), attested("l2", RECOMMENDATION_LETTER, "2025-02-10")];
    // A letter older than 7 years does not count.
    w.attestations.push(attested("old", RECOMMENDATION_LETTER, "2018-01-10"));
    assert_eq!(w.eval("doula_training", "2026-06-01").status, Status::InProgress);
    w.attestations.push(attested("l3", RECOMMENDATION_LETTER, "2026-03-01"));
    check(&w, "doula_training", &[("2026-06-01", Status::Current, None, None)]);
    // Before the third letter it was not met yet.
    assert_eq!(w.eval("doula_training", "2026-02-28").status, Status::InProgress);

    // Too little experience: says how much there is, in the reader's terms.
    let mut short = World::new(WorkerType::PerinatalDoula, Some("2024-01-01"));
    short.work = vec![worked("a", "2023-06-01", "2026-05-31")];
    assert_eq!(short.eval("doula_training", "2026-06-01").next, Some(NextAction::MoreExperience { years: 5, within_years: 7, days: 1096 }));

    // The training pathway needs the births attested too.
    let trained = World::new(WorkerType::PerinatalDoula, Some("2024-01-01")).with(done("t", "doula_training", "2025-03-01", 16.0, None));
    check(&trained, "doula_training", &[("2025-06-01", Status::Current, None, None)]);
    let mut births = World::new(WorkerType::PerinatalDoula, Some("2024-01-01"));
    births.attestations = (0..2).map(|i| attested(&format!("b{i}"), BIRTH_SUPPORTED, "2025-01-01")).collect();
    let e = births.eval("doula_training", "2025-06-01");
    assert_eq!(e.status, Status::InProgress);
    assert_eq!(e.next, Some(NextAction::Complete { trainings: vec!["builtin.doula_training".into()], all: true, by: None }));
}

/// The CHW work-experience pathway's provisional months start when the pathway was met, or
/// at hire: DHCS's text is cut off, so it is a setting.
#[test]
fn the_chw_experience_clock_is_a_setting() {
    let mut w = World::new(WorkerType::Chw, Some("2024-06-01"));
    w.work = vec![worked("y1", "2022-01-01", "2023-12-31"), WorkHours { hours: h(1001.0), ..worked("y2", "2024-01-01", "2024-12-31") }];
    let e = w.eval("chw_qualification", "2025-01-15");
    assert_eq!((e.status, e.valid_until), (Status::Current, Some(d("2026-06-29"))), "18 months from 2024-12-31");
    if let Rule::Credential(c) = &mut w.requirements.iter_mut().find(|r| r.id == "preset.chw_qualification").unwrap().rule {
        c.pathways[1].provisional_clock = crate::domain::requirement::ProvisionalClock::HireDate;
    }
    let e = w.eval("chw_qualification", "2025-01-15");
    assert_eq!((e.status, e.valid_until), (Status::Current, Some(d("2025-11-30"))), "18 months from hire");
}

#[test]
fn hipaa_is_due_within_thirty_days_of_hire() {
    let w = World::new(WorkerType::PerinatalDoula, Some("2026-11-01"));
    check(&w, "hipaa_at_hire", &[
        ("2026-11-10", Status::Missing, Some("2026-12-01"), Some("2026-12-02")),
        ("2026-12-02", Status::Expired, Some("2026-12-01"), None),
    ]);
    // Overdue: the passed deadline is not repeated as a date to do it by.
    assert_eq!(w.eval("hipaa_at_hire", "2026-11-10").next, Some(NextAction::Complete { trainings: vec!["builtin.hipaa".into()], all: false, by: Some(d("2026-12-01")) }));
    assert_eq!(w.eval("hipaa_at_hire", "2026-12-02").next, Some(NextAction::Complete { trainings: vec!["builtin.hipaa".into()], all: false, by: None }));
    let trained = w.clone_with(done("h", "hipaa", "2026-11-20", 1.0, None));
    check(&trained, "hipaa_at_hire", &[("2026-12-02", Status::Current, None, None)]);
}

#[test]
fn doula_ce_cycles_from_hire_in_maternal_and_perinatal_hours() {
    let w = World::new(WorkerType::PerinatalDoula, Some("2024-04-15"))
        .with(done("a", "perinatal_ce", "2025-01-10", 2.0, Some(CeCategory::MaternalPerinatal)))
        .with(done("b", "law_ethics_ce", "2025-01-11", 5.0, Some(CeCategory::LawEthics)));
    check(&w, "doula_ce", &[("2025-06-01", Status::InProgress, Some("2027-04-14"), Some("2027-04-15"))]);
    let e = w.eval("doula_ce", "2025-06-01");
    assert_eq!(e.hours_done, Some(h(2.0)), "law & ethics hours do not count toward perinatal CE");
    let no_hire = World::new(WorkerType::PerinatalDoula, None);
    assert_eq!(no_hire.eval("doula_ce", "2025-06-01").next, Some(NextAction::RecordHireDate));
}

#[test]
fn specializations_need_the_core_training_first() {
    let w = World::new(WorkerType::PeerSupportSpecialist, None).with(done("s", "peer_spec_crisis", "2024-01-01", 40.0, None));
    assert_eq!(w.eval("peer_spec_crisis", "2024-06-01").status, Status::Missing, "taken before the core");
    let w = w
        .with(done("core", "peer_core_80h", "2024-02-01", 80.0, None))
        .with(done("s2", "peer_spec_crisis", "2024-03-01", 40.0, None));
    check(&w, "peer_spec_crisis", &[("2024-06-01", Status::Current, None, None)]);
}

#[test]
fn a_waiver_sets_a_requirement_aside_with_reason_and_author() {
    let mut w = World::new(WorkerType::Chw, None);
    w.waivers.push(Waiver {
        id: "w".into(), person_id: "p".into(), requirement_id: "preset.cpr".into(),
        reason: "Medical leave".into(), waived_by: "HR: Ana Ruiz".into(), from: d("2026-01-01"), until: Some(d("2026-06-30")), removed: false,
    });
    let e = w.eval("cpr", "2026-03-01");
    assert_eq!((e.status, e.changes_on), (Status::Waived, Some(d("2026-07-01"))));
    assert_eq!(e.waiver.as_ref().map(|w| w.waived_by.as_str()), Some("HR: Ana Ruiz"));
    assert_eq!(w.eval("cpr", "2026-07-01").status, Status::Missing);
    // A withdrawn waiver sets nothing aside.
    w.waivers[0].removed = true;
    assert_eq!(w.eval("cpr", "2026-03-01").status, Status::Missing);
}

#[test]
fn editing_a_rule_recomputes_but_never_rewrites_records() {
    let mut w = World::new(WorkerType::Chw, None).with(done("a", "mhfa_adult", "2025-01-10", 7.5, None));
    let before_records = w.completions.clone();
    assert_eq!(w.eval("mhfa", "2026-06-01").valid_until, Some(d("2028-01-10")));
    if let Rule::Credential(rule) = &mut w.requirements.iter_mut().find(|r| r.id == "preset.mhfa").unwrap().rule {
        rule.validity = Some(Validity::After { amount: 1, unit: PeriodUnit::Years });
    }
    let e = w.eval("mhfa", "2026-06-01");
    assert_eq!((e.status, e.valid_until), (Status::Expired, Some(d("2026-01-10"))));
    assert_eq!(w.completions, before_records);
}

#[test]
fn a_fixed_calendar_date_rule_expires_on_that_day() {
    let mut w = World::new(WorkerType::Chw, None).with(done("a", "wrap_facilitator", "2025-08-31", 40.0, None));
    let mut req = w.requirements.iter().find(|r| r.id == "preset.cpr").unwrap().clone();
    req.id = "preset.nebraska_style".into();
    req.rule = Rule::Credential(crate::domain::requirement::CredentialRule {
        granted_by: vec!["builtin.wrap_facilitator".into()],
        validity: Some(Validity::FixedDate { month: 9, day: 1, every_years: 2, year_remainder: 1 }),
        ..match req.rule { Rule::Credential(c) => c, _ => unreachable!() }
    });
    w.requirements.push(req);
    check(&w, "nebraska_style", &[
        ("2025-09-01", Status::DueSoon, Some("2025-09-01"), Some("2025-09-02")),
        ("2025-09-02", Status::Expired, Some("2025-09-01"), None),
    ]);
}

#[test]
fn removed_and_future_records_count_toward_nothing() {
    let mut removed = done("a", "cpr_first_aid", "2025-03-03", 4.0, None);
    removed.removed = true;
    let w = World::new(WorkerType::Chw, None).with(removed).with(done("f", "cpr_first_aid", "2026-01-01", 4.0, None));
    assert_eq!(w.eval("cpr", "2025-12-31").status, Status::Missing);
    assert_eq!(w.eval("cpr", "2026-01-01").status, Status::Current);
}

#[test]
fn every_preset_has_a_source_and_valid_references() {
    let all = presets();
    let trainings = builtin_trainings();
    let known = |id: &str| trainings.iter().any(|t| t.id == id);
    for r in &all {
        assert!(r.source.url.starts_with("http") && !r.source.title.is_empty(), "{}", r.id);
        assert!(!r.name.en.is_empty() && !r.name.es.is_empty() && r.name.en != r.name.es, "{}", r.id);
        match &r.rule {
            Rule::Credential(c) => {
                assert!(c.granted_by.iter().all(|t| known(t)), "{}", r.id);
                assert!(c.prerequisites.iter().all(|p| all.iter().any(|x| &x.id == p)), "{}", r.id);
                assert!(c.pathways.iter().flat_map(|p| &p.trainings).all(|t| known(t)), "{}", r.id);
            }
            Rule::Hours(hr) => {
                assert!(hr.hours > Hours::ZERO, "{}", r.id);
                assert!(hr.trainings.iter().all(|t| known(t)), "{}", r.id);
            }
        }
    }
    // The JSON form of a requirement round-trips (a future export format).
    for r in &all {
        let back: Requirement = serde_json::from_str(&serde_json::to_string(r).unwrap()).unwrap();
        assert_eq!(&back, r);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const RELEVANT: [&str; 10] = [
        "cpr_first_aid", "mhfa_adult", "mhfa_youth", "peer_core_80h", "peer_exam", "peer_renewal",
        "law_ethics_ce", "motivational_interviewing", "chwpr_certificate", "hipaa",
    ];
    const REQUIREMENTS: [&str; 8] = ["cpr", "mhfa", "peer_certification", "peer_ce", "chw_annual_training", "chw_qualification", "hipaa_at_hire", "peer_spec_crisis"];

    fn day() -> impl Strategy<Value = Date> {
        (0..d("2023-01-01").days_until(d("2028-12-31"))).prop_map(|n| d("2023-01-01").add_days(n))
    }

    fn completion() -> impl Strategy<Value = Completion> {
        (0..RELEVANT.len(), day(), 1u32..4000, prop::option::of(0..CeCategory::ALL.len()), 0u32..1_000_000).prop_map(|(t, on, hundredths, ce, n)| Completion { verification: None, partial: false,
            id: format!("c{n}"),
            person_id: "p".into(),
            training_id: format!("builtin.{}", RELEVANT[t]),
            completed_on: on,
            hours: Hours::from_hundredths(hundredths),
            provider: String::new(),
            certificate_number: String::new(),
            ce_category: ce.map(|i| CeCategory::ALL[i]),
            notes: String::new(),
            removed: false,
        })
    }

    fn rank(s: Status) -> u8 {
        match s {
            Status::Expired | Status::Missing => 0,
            Status::InProgress => 1,
            Status::DueSoon => 2,
            Status::Current | Status::Waived => 3,
        }
    }

    fn world(completions: Vec<Completion>, hire: Option<Date>) -> World {
        let mut w = World::new(WorkerType::PeerSupportSpecialist, None);
        w.person.hire_date = hire;
        w.completions = completions;
        w
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Adding a completion never makes a status worse, never moves the date it holds
        /// until earlier, and never lowers the hours done.
        #[test]
        fn adding_a_completion_never_makes_a_status_worse(
            existing in prop::collection::vec(completion(), 0..8),
            extra in completion(),
            hire in prop::option::of(day()),
            as_of in day(),
        ) {
            let before = world(existing.clone(), hire);
            let after = world(existing.into_iter().chain([extra.clone()]).collect(), hire);
            // Certification records define the peer CE cycle: recording one (a renewal, or an
            // earlier exam that joins the chain) starts a new cycle whose hours begin at zero.
            // That is the rule, not a regression, so only records that count toward a cycle are
            // held to "never worse" for peer CE.
            let defines_cycle = ["builtin.peer_exam", "builtin.peer_renewal", "builtin.peer_core_80h"].contains(&extra.training_id.as_str());
            for req in REQUIREMENTS {
                let (a, b) = (before.eval(req, &as_of.to_iso()), after.eval(req, &as_of.to_iso()));
                if req == "peer_ce" && defines_cycle {
                    continue;
                }
                // Missing and expired are both "not met"; a lapsed old record may turn one into the other.
                let lapsed_history = a.status == Status::InProgress && b.status == Status::Expired;
                prop_assert!(rank(b.status) >= rank(a.status) || lapsed_history, "{req}: {:?} -> {:?}", a.status, b.status);
                if a.status.is_compliant() && b.status.is_compliant() {
                    if let (Some(x), Some(y)) = (a.valid_until, b.valid_until) {
                        prop_assert!(y >= x, "{req}: valid until moved earlier {x} -> {y}");
                    }
                    prop_assert!(!(a.valid_until.is_none() && b.valid_until.is_some() && a.status == Status::Current), "{req}: a never-expiring status gained an expiry");
                }
                if let (Some(x), Some(y)) = (a.hours_done, b.hours_done) {
                    if a.valid_until == b.valid_until {
                        prop_assert!(y >= x, "{req}: hours done fell {x} -> {y}");
                    }
                }
            }
        }

        /// Editing a rule with an effective date never changes any status before that date,
        /// for the edited requirement or any that depends on it.
        #[test]
        fn a_rule_change_never_changes_a_status_before_it_applies(
            records in prop::collection::vec(completion(), 0..8),
            hire in prop::option::of(day()),
            which in 0..REQUIREMENTS.len(),
            amount in 1u32..40,
            from in day(),
            before_by in 1i32..1500,
        ) {
            let w = world(records, hire);
            let mut changed = world(w.completions.clone(), hire);
            let req = changed.requirements.iter_mut().find(|r| r.id == format!("preset.{}", REQUIREMENTS[which])).unwrap();
            let rule = match req.rule.clone() {
                Rule::Hours(mut h) => {
                    h.hours = h.hours + Hours::whole(amount);
                    h.minimums.clear();
                    Rule::Hours(h)
                }
                Rule::Credential(mut c) => {
                    c.renewal.window_days = amount * 10;
                    c.renewal.grace_days = amount;
                    c.renewal.from_previous_expiry = !c.renewal.from_previous_expiry;
                    c.validity = Some(Validity::After { amount, unit: PeriodUnit::Months });
                    Rule::Credential(c)
                }
            };
            let source = req.source.clone();
            req.change_rule(rule, source, from, "HR", from);
            let as_of = from.add_days(-before_by).to_iso();
            for other in REQUIREMENTS {
                prop_assert_eq!(w.eval(other, &as_of), changed.eval(other, &as_of), "{} as of {}", other, as_of);
            }
        }

        /// Changing a training's validity from a date never changes any status before it.
        #[test]
        fn a_validity_change_never_changes_a_status_before_it_applies(
            records in prop::collection::vec(completion(), 0..8),
            hire in prop::option::of(day()),
            which in 0..RELEVANT.len(),
            amount in 1u32..60,
            from in day(),
            before_by in 1i32..1500,
        ) {
            let w = world(records, hire);
            let mut changed = world(w.completions.clone(), hire);
            let t = changed.trainings.iter_mut().find(|t| t.id == format!("builtin.{}", RELEVANT[which])).unwrap();
            t.change_validity(Validity::After { amount, unit: PeriodUnit::Months }, from, "HR", from);
            let as_of = from.add_days(-before_by).to_iso();
            for req in REQUIREMENTS {
                prop_assert_eq!(w.eval(req, &as_of), changed.eval(req, &as_of), "{} as of {}", req, as_of);
            }
        }

        /// Moving the "as of" date forward never turns `expired` back into `current` without a
        /// new record in between.
        #[test]
        fn time_alone_never_revives_an_expired_status(
            records in prop::collection::vec(completion(), 0..8),
            hire in prop::option::of(day()),
            first in day(),
            later_by in 1i32..2000,
        ) {
            let later = first.add_days(later_by);
            let w = world(records.into_iter().filter(|c| c.completed_on <= first || c.completed_on > later).collect(), hire);
            for req in REQUIREMENTS {
                let (a, b) = (w.eval(req, &first.to_iso()), w.eval(req, &later.to_iso()));
                if a.status == Status::Expired {
                    prop_assert!(b.status != Status::Current && b.status != Status::DueSoon, "{req}: expired on {first} but {:?} on {later}", b.status);
                }
            }
        }
    }
}

fn self_reported(c: Completion, verdict: crate::domain::completion::Verdict) -> Completion {
    let verification = crate::domain::completion::Verification { from_file: None,
        verdict,
        reported_by: "Rosa".into(),
        reported_on: c.completed_on,
        decided_by: String::new(),
        decided_on: None,
        reason: String::new(),
    };
    Completion { verification: Some(verification), ..c }
}

#[test]
fn a_self_reported_training_counts_only_once_verified() {
    use crate::domain::completion::Verdict;
    let cpr = done("a", "cpr_first_aid", "2026-03-03", 4.0, None);
    let pending = World::new(WorkerType::Chw, None).with(self_reported(cpr.clone(), Verdict::Pending));
    assert_eq!(pending.eval("cpr", "2026-04-01").status, Status::Missing, "pending counts toward nothing");
    let rejected = World::new(WorkerType::Chw, None).with(self_reported(cpr.clone(), Verdict::Rejected));
    assert_eq!(rejected.eval("cpr", "2026-04-01").status, Status::Missing);
    // Verified by a trainer: it counts, from the day it was completed.
    let mut c = self_reported(cpr, Verdict::Pending);
    assert!(!c.decide(Verdict::Rejected, "Marta", d("2026-03-10"), " "), "a rejection needs a reason");
    assert!(!c.decide(Verdict::Verified, "", d("2026-03-10"), ""), "and a name");
    assert!(c.decide(Verdict::Verified, "Marta", d("2026-03-10"), ""));
    assert!(c.counts() && !c.pending());
    let verified = World::new(WorkerType::Chw, None).with(c.clone());
    check(&verified, "cpr", &[("2026-04-01", Status::Current, Some("2028-03-31"), Some("2028-02-01"))]);
    let text = serde_json::to_string(&c).unwrap();
    assert!(text.contains("\"verdict\":\"verified\"") && text.contains("\"decided_by\":\"Marta\""), "{text}");
    assert_eq!(serde_json::from_str::<Completion>(&text).unwrap(), c);
}

#[test]
fn support_hours_count_only_support_sessions_and_never_as_ce() {
    let mut w = World::new(WorkerType::PeerSupportSpecialist, None)
        .with(done("law", "law_ethics_ce", "2026-10-05", 6.0, Some(CeCategory::LawEthics)))
        .with(done("ips", "ips_co_reflection", "2026-10-20", 1.5, None));
    // Out of use until the organization chooses it.
    let preset = w.requirements.iter().find(|r| r.id == "preset.support_hours_monthly").unwrap();
    assert!(preset.retired);
    // October: the co-reflection's 1.5 hours meet the month (in good standing through November,
    // the next month to meet); the CE training does not count.
    let e = w.eval("support_hours_monthly", "2026-10-31");
    assert!(e.status.is_compliant(), "{e:?}");
    assert_eq!(e.valid_until, Some(d("2026-11-30")));
    assert_eq!(e.hours_done, Some(h(1.5)));
    // November with nothing yet: in good standing until the month's last day (October was met).
    let e = w.eval("support_hours_monthly", "2026-11-15");
    assert_eq!(e.hours_done, Some(Hours::ZERO), "a new month starts from zero: {e:?}");
    // December after a November without support: the supervisor sees it.
    assert_eq!(w.eval("support_hours_monthly", "2026-12-01").status, Status::Expired);
    // A CE training in November is not support.
    w = w.with(done("ce", "law_ethics_ce", "2026-11-10", 3.0, Some(CeCategory::LawEthics)));
    assert_eq!(w.eval("support_hours_monthly", "2026-11-30").hours_done, Some(Hours::ZERO));
    // Support sessions have no CE category: the peer CE requirement does not count them.
    let peer_ce = w.requirements.iter().find(|r| r.id == "preset.peer_ce").cloned();
    if let Some(Requirement { rule: Rule::Hours(rule), .. }) = peer_ce {
        assert!(!rule.trainings.contains(&"builtin.ips_co_reflection".to_owned()));
    }
    let ips = w.trainings.iter().find(|t| t.id == "builtin.ips_co_reflection").unwrap();
    assert_eq!(ips.default_ce_category, None);
}
