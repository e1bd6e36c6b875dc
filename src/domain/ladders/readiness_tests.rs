//! Readiness: every condition kind, groups, the earliest ready date, and two properties.

use super::board::{board, equity, ladder_facts, pay_plan, price, Bucket, LadderSet, PlanItem, PromotionPlan};
use super::examples::{example_floors, example_grades, example_ladders};
use super::ladder::{FrameworkCode, Ladder, Rule, Step};
use super::money::{Bp, Cents};
use super::pay::PayPolicy;
use super::person::{current, Attestation, Placement, PlacementReason, PlannedTraining, LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION};
use super::readiness::{readiness, LadderFacts, Missing};
use crate::domain::catalog::builtin_trainings;
use crate::domain::completion::Completion;
use crate::domain::compliance::{Filter, Records};
use crate::domain::date::{Date, DateExt};
use crate::domain::hours::Hours;
use crate::domain::person::{sample, Person, WorkerType};
use crate::domain::presets::presets;
use crate::domain::requirement::{Requirement, WorkHours};
use crate::domain::status::{Context, Facts, Status, DEFAULT_DUE_SOON_DAYS};
use crate::domain::text::Bilingual;
use crate::domain::training::{CeCategory, TrainingType};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn done(id: &str, training: &str, on: &str, hours: u32, ce: Option<CeCategory>) -> Completion {
    Completion { verification: None, partial: false,
        id: id.into(),
        person_id: "p".into(),
        training_id: format!("builtin.{training}"),
        completed_on: d(on),
        hours: Hours::whole(hours),
        provider: String::new(),
        certificate_number: String::new(),
        ce_category: ce,
        notes: String::new(),
        removed: false,
    }
}

fn placed(step: &str, on: &str) -> Placement {
    Placement { unconfirmed: None,
        id: format!("pl-{step}-{on}"),
        person_id: "p".into(),
        ladder_id: "l".into(),
        step_id: step.into(),
        grade_id: String::new(),
        pay_step: 1,
        hourly: Cents(2000),
        effective: d(on),
        reason: PlacementReason::Hire,
        note: String::new(),
        plan_id: String::new(),
        removed: false,
    }
}

fn attest(kind: &str, on: &str) -> Attestation {
    Attestation { unconfirmed: None, id: format!("a-{kind}"), person_id: "p".into(), kind: kind.into(), on: d(on), attested_by: "Supervisor".into(), note: String::new(), removed: false }
}

fn step(requires: Rule) -> Step {
    Step { id: "next".into(), title: Bilingual::new("Next", "Siguiente"), description: Bilingual::default(), duties: Bilingual::default(), grade_id: String::new(), next: vec![], requires }
}

struct World {
    requirements: Vec<Requirement>,
    trainings: Vec<TrainingType>,
}

impl World {
    fn new() -> World {
        World { requirements: presets().into_iter().filter(|r| !r.retired).collect(), trainings: builtin_trainings() }
    }
    fn ctx(&self) -> Context<'_> {
        Context { requirements: &self.requirements, trainings: &self.trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS }
    }
}

struct Person1 {
    person: Person,
    completions: Vec<Completion>,
    work_hours: Vec<WorkHours>,
    placements: Vec<Placement>,
    attestations: Vec<Attestation>,
    plans: Vec<PlannedTraining>,
}

impl Person1 {
    fn new() -> Person1 {
        let person = Person { worker_type: WorkerType::PeerSupportSpecialist, hire_date: Some(d("2023-01-15")), ..sample("p", "Rosa") };
        Person1 { person, completions: vec![], work_hours: vec![], placements: vec![placed("i", "2024-01-31")], attestations: vec![], plans: vec![] }
    }
    fn facts(&self) -> LadderFacts<'_> {
        LadderFacts {
            facts: Facts { person: &self.person, completions: &self.completions, work_hours: &self.work_hours, waivers: &[], attestations: &[] },
            placements: &self.placements,
            attestations: &self.attestations,
            plans: &self.plans,
        }
    }
}

#[test]
fn each_condition_kind_is_met_or_says_exactly_what_is_missing() {
    let w = World::new();
    let mut p = Person1::new();
    p.completions = vec![
        done("mi", "motivational_interviewing", "2021-05-01", 16, None),
        done("ce1", "law_ethics_ce", "2025-06-01", 6, Some(CeCategory::LawEthics)),
        done("ce2", "chw_annual_ce", "2024-01-10", 10, Some(CeCategory::General)),
        done("c3", "c3_core_skills", "2024-03-01", 40, None),
    ];
    p.work_hours = vec![WorkHours { id: "w".into(), person_id: "p".into(), from: d("2025-01-01"), to: d("2025-06-30"), hours: Hours::whole(1040), notes: String::new(), removed: false }];
    p.attestations = vec![attest(LIVED_EXPERIENCE, "2024-01-31"), attest("language:spanish", "2024-02-01")];
    let as_of = d("2026-01-31");
    let check = |rule: Rule| {
        let s = step(rule);
        let r = readiness(&s, &p.facts(), w.ctx(), as_of);
        (r.ready, r.missing.first().cloned())
    };
    let mi = |within| Rule::Training { training_id: "builtin.motivational_interviewing".into(), within_months: within };
    assert_eq!(check(mi(None)), (true, None));
    assert_eq!(check(mi(Some(36))), (false, Some(Missing::Training { training_id: "builtin.motivational_interviewing".into(), last: Some(d("2021-05-01")) })));
    assert_eq!(check(Rule::Training { training_id: "builtin.hipaa".into(), within_months: None }).1, Some(Missing::Training { training_id: "builtin.hipaa".into(), last: None }));
    assert_eq!(check(Rule::Competencies { framework: FrameworkCode::C3, ids: vec![] }), (true, None), "C3 core skills cover all eleven");
    let sb803 = check(Rule::Competencies { framework: FrameworkCode::Sb803, ids: vec!["sb803.trauma_informed".into()] });
    assert_eq!(sb803.1, Some(Missing::Competencies { ids: vec!["sb803.trauma_informed".into()] }));
    // CE within 24 months of 2026-01-31: the June 2025 law and ethics hours count, January 2024's do not.
    assert_eq!(check(Rule::CeHours { hours: Hours::whole(6), categories: vec![CeCategory::LawEthics], within_months: 24 }), (true, None));
    assert_eq!(check(Rule::CeHours { hours: Hours::whole(10), categories: vec![], within_months: 24 }).1, Some(Missing::CeHours { more: Hours::whole(4), categories: vec![] }));
    // In step since 31 January 2024: 24 whole months on 31 January 2026; 30 needs 6 more, met on 31 July 2026.
    assert_eq!(check(Rule::MonthsInStep { months: 24 }), (true, None));
    assert_eq!(check(Rule::MonthsInStep { months: 30 }).1, Some(Missing::MonthsInStep { more: 6, on: Some(d("2026-07-31")) }));
    assert_eq!(check(Rule::MonthsOfService { months: 36 }), (true, None), "hired 15 January 2023");
    assert_eq!(check(Rule::MonthsOfService { months: 40 }).1, Some(Missing::MonthsOfService { more: 4, on: Some(d("2026-05-15")) }));
    assert_eq!(check(Rule::HoursWorked { hours: Hours::whole(1000), within_months: Some(12) }), (true, None));
    assert_eq!(check(Rule::HoursWorked { hours: Hours::whole(2000), within_months: None }).1, Some(Missing::HoursWorked { more: Hours::whole(960) }));
    assert_eq!(check(Rule::Attestation { kind: "Language:Spanish".into() }), (true, None), "kinds compare without case");
    assert_eq!(check(Rule::Attestation { kind: SUPERVISOR_RECOMMENDATION.into() }).1, Some(Missing::Attestation { kind: SUPERVISOR_RECOMMENDATION.into() }));
    let cert = check(Rule::Requirement { requirement_id: "preset.peer_certification".into() });
    assert_eq!(cert.1, Some(Missing::Requirement { requirement_id: "preset.peer_certification".into(), status: Status::Missing }));
    assert_eq!(check(Rule::Requirement { requirement_id: "preset.gone".into() }).0, false, "an unknown requirement is never met");
}

#[test]
fn groups_all_of_any_n_of_and_nested() {
    let w = World::new();
    let mut p = Person1::new();
    p.completions = vec![done("a", "motivational_interviewing", "2025-01-01", 16, None), done("b", "trauma_informed_care", "2025-02-01", 8, None)];
    let t = |id: &str| Rule::Training { training_id: format!("builtin.{id}"), within_months: None };
    let as_of = d("2026-01-01");
    let run_for = |p: &Person1, rule: Rule| {
        let s = step(rule);
        let r = readiness(&s, &p.facts(), w.ctx(), as_of);
        (r.ready, r.missing)
    };
    let run = |rule: Rule| run_for(&p, rule);
    assert!(run(Rule::nothing()).0, "nothing required: ready");
    assert!(run(Rule::All(vec![t("motivational_interviewing"), t("trauma_informed_care")])).0);
    assert!(run(Rule::AnyOf { n: 2, of: vec![t("motivational_interviewing"), t("hipaa"), t("trauma_informed_care")] }).0);
    let (ready, missing) = run(Rule::AnyOf { n: 2, of: vec![t("motivational_interviewing"), t("hipaa"), t("wrap_facilitator")] });
    assert!(!ready);
    assert_eq!(missing, vec![Missing::Choose { more: 1, of: vec![
        Missing::Training { training_id: "builtin.hipaa".into(), last: None },
        Missing::Training { training_id: "builtin.wrap_facilitator".into(), last: None },
    ] }]);
    // Nested: all of (MI, any 1 of (HIPAA, all of (trauma-informed care, WRAP))).
    let nested = Rule::All(vec![t("motivational_interviewing"), Rule::AnyOf { n: 1, of: vec![t("hipaa"), Rule::All(vec![t("trauma_informed_care"), t("wrap_facilitator")])] }]);
    let (ready, missing) = run(nested);
    assert!(!ready);
    assert_eq!(missing, vec![Missing::Choose { more: 1, of: vec![
        Missing::Training { training_id: "builtin.hipaa".into(), last: None },
        Missing::Training { training_id: "builtin.wrap_facilitator".into(), last: None },
    ] }]);
    let mut p = Person1 { completions: p.completions.clone(), ..Person1::new() };
    p.completions.push(done("c", "wrap_facilitator", "2025-12-31", 40, None));
    let nested = Rule::All(vec![t("motivational_interviewing"), Rule::AnyOf { n: 1, of: vec![t("hipaa"), Rule::All(vec![t("trauma_informed_care"), t("wrap_facilitator")])] }]);
    assert!(run_for(&p, nested).0);
}

#[test]
fn the_earliest_ready_date_waits_for_time_and_needs_credentials_still_current() {
    let w = World::new();
    let mut p = Person1::new(); // in step since 2024-01-31
    let as_of = d("2025-06-01");
    // 24 months in step: met on 31 January 2026.
    let s = step(Rule::MonthsInStep { months: 24 });
    let r = readiness(&s, &p.facts(), w.ctx(), as_of);
    assert!(!r.ready);
    assert_eq!(r.earliest, Some(d("2026-01-31")));
    assert!(!r.needs_plans);
    // With CPR that runs out at the end of June 2026 (card of June 2024): still current on 31 Jan.
    p.completions = vec![done("cpr", "cpr_first_aid", "2024-06-10", 4, None)];
    let both = step(Rule::All(vec![Rule::MonthsInStep { months: 24 }, Rule::Requirement { requirement_id: "preset.cpr".into() }]));
    assert_eq!(readiness(&both, &p.facts(), w.ctx(), as_of).earliest, Some(d("2026-01-31")));
    // 30 months in step would be 31 July 2026, after CPR lapses: not without a renewal.
    let longer = step(Rule::All(vec![Rule::MonthsInStep { months: 30 }, Rule::Requirement { requirement_id: "preset.cpr".into() }]));
    let r = readiness(&longer, &p.facts(), w.ctx(), as_of);
    assert_eq!(r.earliest, None);
    // A planned renewal class on 15 June 2026 carries it: ready on 31 July 2026, counting the plan.
    p.plans = vec![PlannedTraining { id: "plan".into(), person_id: "p".into(), training_id: "builtin.cpr_first_aid".into(), on: d("2026-06-15"), removed: false }];
    let r = readiness(&longer, &p.facts(), w.ctx(), as_of);
    assert_eq!(r.earliest, Some(d("2026-07-31")));
    assert!(r.needs_plans);
    assert!(!r.ready, "a plan never makes anyone ready now");
    // A missing attestation: no date without a new record.
    let attested = step(Rule::All(vec![Rule::MonthsInStep { months: 24 }, Rule::Attestation { kind: SUPERVISOR_RECOMMENDATION.into() }]));
    assert_eq!(readiness(&attested, &p.facts(), w.ctx(), as_of).earliest, None);
    // Not placed on any ladder: time in step never comes.
    p.placements.clear();
    assert_eq!(readiness(&s, &p.facts(), w.ctx(), as_of).missing, vec![Missing::MonthsInStep { more: 24, on: None }]);
}

#[test]
fn time_in_step_across_month_ends_and_leap_years() {
    let w = World::new();
    let mut p = Person1::new();
    p.placements = vec![placed("i", "2023-02-28"), placed("i", "2023-08-31")]; // a pay step on the same ladder step
    let s = step(Rule::MonthsInStep { months: 12 });
    assert!(!readiness(&s, &p.facts(), w.ctx(), d("2024-02-27")).ready);
    assert!(readiness(&s, &p.facts(), w.ctx(), d("2024-02-28")).ready, "12 months from 28 February, not reset by the pay step");
    p.placements = vec![placed("i", "2024-02-29")];
    assert_eq!(readiness(&s, &p.facts(), w.ctx(), d("2024-06-01")).earliest, Some(d("2025-02-28")), "29 February + 12 months");
    p.placements = vec![placed("i", "2024-01-31")];
    let one = step(Rule::MonthsInStep { months: 1 });
    assert_eq!(readiness(&one, &p.facts(), w.ctx(), d("2024-02-01")).earliest, Some(d("2024-02-29")));
}

fn org() -> (Vec<Ladder>, Vec<super::pay::PayGrade>, Vec<super::pay::WageFloor>, PayPolicy) {
    (example_ladders(), example_grades(), example_floors(), PayPolicy::default())
}

fn place(person: &str, ladder: &str, step: &str, grade: &str, pay_step: u32, hourly: i64, on: &str) -> Placement {
    Placement { unconfirmed: None,
        id: format!("{person}-{step}-{on}"),
        person_id: person.into(),
        ladder_id: format!("example.ladder.{ladder}"),
        step_id: step.into(),
        grade_id: format!("example.grade.{grade}"),
        pay_step,
        hourly: Cents(hourly),
        effective: d(on),
        reason: PlacementReason::Hire,
        note: String::new(),
        plan_id: String::new(),
        removed: false,
    }
}

fn people_on_ladders() -> Records {
    let peer = |id: &str, name: &str| Person { worker_type: WorkerType::PeerSupportSpecialist, program: "Crisis".into(), hire_date: Some(d("2021-03-01")), ..sample(id, name) };
    let people = vec![peer("ana", "Ana"), peer("beto", "Beto"), peer("cruz", "Cruz"), Person { program: "ECM".into(), ..peer("dora", "Dora") }];
    let mut records = Records::new(people, vec![], vec![], vec![]);
    let mut files: Vec<crate::domain::person_records::PersonRecords> = Vec::new();
    for (id, step, grade, pay_step, rate, on) in [
        ("ana", "i", "peer_i", 3, 19_76, "2023-01-01"),
        ("beto", "i", "peer_i", 1, 17_92, "2025-12-01"),
        ("cruz", "ii", "peer_ii", 5, 27_76, "2022-01-01"),
        ("dora", "i", "peer_i", 2, 15_00, "2024-01-01"),
    ] {
        let mut f = crate::domain::person_records::PersonRecords::new(id);
        f.placements.push(place(id, "county_peer", step, grade, pay_step, rate, on));
        files.push(f);
    }
    // Ana has everything Level II asks for; Beto is new; Cruz waits on nothing but a recommendation.
    let ana = &mut files[0];
    for (i, (t, on, h, ce)) in [("motivational_interviewing", "2024-02-01", 16, None), ("intentional_peer_support", "2024-05-01", 40, None), ("law_ethics_ce", "2025-03-01", 20, Some(CeCategory::LawEthics))].into_iter().enumerate() {
        ana.completions.push(Completion { person_id: "ana".into(), ..done(&format!("a{i}"), t, on, h, ce) });
    }
    ana.attestations.push(Attestation { person_id: "ana".into(), ..attest(SUPERVISOR_RECOMMENDATION, "2025-10-01") });
    records = records_with(records, files);
    records
}

fn records_with(records: Records, files: Vec<crate::domain::person_records::PersonRecords>) -> Records {
    let map = files.into_iter().map(|f| (f.person_id.clone(), std::rc::Rc::new(f))).collect();
    Records::from_files(records.people.clone(), std::rc::Rc::new(map))
}

#[test]
fn the_board_sorts_people_into_ready_within_90_days_and_blocked() {
    let w = World::new();
    let (ladders, grades, floors, policy) = org();
    let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
    let records = people_on_ladders();
    let as_of = d("2026-01-15");
    let rows = board(&records, set, w.ctx(), as_of, &Filter::default(), None);
    let summary: Vec<(&str, &str, Bucket)> = rows.iter().map(|r| (r.person.id.as_str(), r.readiness.step.id.as_str(), r.bucket(as_of))).collect();
    assert_eq!(summary, vec![
        ("ana", "ii", Bucket::ReadyNow),
        ("beto", "ii", Bucket::Blocked),
        ("cruz", "lead", Bucket::Blocked),
        ("cruz", "trainer", Bucket::Blocked),
        ("dora", "ii", Bucket::Blocked),
    ]);
    // Beto is blocked by trainings, not by time: the blocker skips the time condition.
    let beto = rows.iter().find(|r| r.person.id == "beto").unwrap();
    assert_eq!(beto.blocker(), Some(&Missing::Training { training_id: "builtin.motivational_interviewing".into(), last: None }));
    let crisis = Filter { program: Some("ECM".into()), ..Filter::default() };
    assert_eq!(board(&records, set, w.ctx(), as_of, &crisis, None).len(), 1);
    assert_eq!(board(&records, set, w.ctx(), as_of, &Filter::default(), Some("example.ladder.chw_three_level")).len(), 0);
}

#[test]
fn a_promotion_plan_prices_each_move_with_fringe_and_flags_floors() {
    let (ladders, grades, floors, policy) = org();
    let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
    let records = people_on_ladders();
    let plan = PromotionPlan {
        id: "plan".into(),
        name: "Spring promotions".into(),
        effective: d("2026-04-01"),
        fringe: Bp(3000),
        items: vec![
            PlanItem { person_id: "ana".into(), ladder_id: "example.ladder.county_peer".into(), to_step: "ii".into() },
            PlanItem { person_id: "gone".into(), ladder_id: "example.ladder.county_peer".into(), to_step: "ii".into() },
        ],
        applied_on: None,
        removed: false,
    };
    let lines = price(&plan, &records, set);
    assert_eq!(lines.len(), 1, "a person no longer recorded is left out");
    let ana = &lines[0];
    // 19.76 + 5 % = 20.748 → 20.75: Peer II's first step (22.84) is enough.
    assert_eq!((ana.current, ana.pay_step, ana.new), (Cents(19_76), 1, Cents(22_84)));
    assert_eq!(ana.annual_change, Cents((22_84 - 19_76) * 2080));
    assert_eq!(ana.annual_cost, Cents(832_832), "6,406.40 + 30 % = 8,328.32");
    assert!(!ana.below_minimum && ana.below_living, "22.84 is under the $28.72 living-wage reference");
    let placements = super::board::placements_for(&plan, &lines, &mut || "new".into());
    assert_eq!(placements[0].reason, PlacementReason::Promotion);
    assert_eq!((placements[0].step_id.as_str(), placements[0].hourly, placements[0].effective), ("ii", Cents(22_84), d("2026-04-01")));
}

#[test]
fn pay_equity_and_the_pay_plan_flag_rates_below_the_floor_of_their_date() {
    let (ladders, mut grades, floors, policy) = org();
    let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
    let records = people_on_ladders();
    let rows = equity(&records, set, d("2026-01-15"));
    let peer_i = &rows.iter().find(|(g, _)| g.id == "example.grade.peer_i").unwrap().1;
    assert_eq!(peer_i.iter().map(|r| r.person.id.as_str()).collect::<Vec<_>>(), vec!["dora", "beto", "ana"], "lowest rate first");
    assert!(peer_i[0].below_minimum, "Dora's $15.00 is below 2026's $16.90");
    // Midpoint of 17.92 and 21.79 is 19.855 → 19.86; 19.76 ÷ 19.86 = 0.99496; (19.76 − 17.92) ÷ (21.79 − 17.92) = 0.47545.
    assert_eq!(peer_i[2].compa_ratio, Some(9950));
    assert_eq!(peer_i[2].position, Some(4755));
    // A grade whose first step is $16.80: fine on 31 December 2025 ($16.50), flagged from 1 January 2026 ($16.90).
    grades[0].scale = super::pay::Scale::Percent { base: Cents(16_80), step: Bp(500), steps: 2 };
    let flagged = |on: &str| pay_plan(&grades[..1], &floors, &policy, d(on)).into_iter().map(|r| r.4).collect::<Vec<_>>();
    assert_eq!(flagged("2025-12-31"), vec![false, false]);
    assert_eq!(flagged("2026-01-01"), vec![true, false]);
    let row = &pay_plan(&grades[..1], &floors, &policy, d("2026-01-01"))[1];
    assert_eq!((row.1, row.2, row.3), (2, Cents(1764), Cents(1764 * 2080)));
}

#[test]
fn editing_a_ladder_after_placements_exist_never_rewrites_history() {
    let w = World::new();
    let (mut ladders, grades, floors, policy) = org();
    let records = people_on_ladders();
    let as_of = d("2026-01-15");
    let before: Vec<(String, Cents)> = {
        let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
        assert!(board(&records, set, w.ctx(), as_of, &Filter::default(), None)[0].readiness.ready);
        records.people.iter().filter_map(|p| current(&ladder_facts(&records, p).placements.to_vec(), as_of).map(|c| (c.step_id.clone(), c.hourly))).collect()
    };
    // HR makes Level II stricter: 48 months in step (Ana has been on Level I since 2023-01-01).
    let ii = ladders[0].steps.iter_mut().find(|s| s.id == "ii").unwrap();
    ii.requires = Rule::All(vec![Rule::MonthsInStep { months: 48 }, ii.requires.clone()]);
    let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
    let after: Vec<(String, Cents)> =
        records.people.iter().filter_map(|p| current(&ladder_facts(&records, p).placements.to_vec(), as_of).map(|c| (c.step_id.clone(), c.hourly))).collect();
    assert_eq!(before, after, "placements and pay are records, untouched by a rule edit");
    let ana = &board(&records, set, w.ctx(), as_of, &Filter::default(), None)[0];
    assert!(!ana.readiness.ready, "readiness follows the edited rule");
    assert_eq!(ana.readiness.earliest, Some(d("2027-01-01")));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const TRAININGS: [&str; 6] = ["motivational_interviewing", "intentional_peer_support", "trauma_informed_care", "cpr_first_aid", "mhfa_adult", "law_ethics_ce"];
    const KINDS: [&str; 3] = [LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION, "probation"];

    fn day() -> impl Strategy<Value = Date> {
        (0..d("2023-01-01").days_until(d("2027-12-31"))).prop_map(|n| d("2023-01-01").add_days(n))
    }

    fn completion() -> impl Strategy<Value = Completion> {
        (0..TRAININGS.len(), day(), 1u32..40, any::<bool>(), 0u32..1_000_000).prop_map(|(t, on, h, ce, n)| Completion {
            completed_on: on,
            ..done(&format!("c{n}"), TRAININGS[t], "2020-01-01", h, ce.then_some(CeCategory::LawEthics))
        })
    }

    fn attestation() -> impl Strategy<Value = Attestation> {
        (0..KINDS.len(), day(), 0u32..1_000_000).prop_map(|(k, on, n)| Attestation { id: format!("a{n}"), on, ..attest(KINDS[k], "2020-01-01") })
    }

    fn leaf() -> impl Strategy<Value = Rule> {
        prop_oneof![
            (0..TRAININGS.len(), prop::option::of(6u32..48)).prop_map(|(t, w)| Rule::Training { training_id: format!("builtin.{}", TRAININGS[t]), within_months: w }),
            (1u32..40, 6u32..36).prop_map(|(h, m)| Rule::CeHours { hours: Hours::whole(h), categories: vec![], within_months: m }),
            (1u32..40).prop_map(|m| Rule::MonthsInStep { months: m }),
            (1u32..60).prop_map(|m| Rule::MonthsOfService { months: m }),
            (0..KINDS.len()).prop_map(|k| Rule::Attestation { kind: KINDS[k].into() }),
            prop_oneof![Just("preset.cpr"), Just("preset.mhfa")].prop_map(|r| Rule::Requirement { requirement_id: r.into() }),
            Just(Rule::Competencies { framework: FrameworkCode::Sb803, ids: vec!["sb803.trauma_informed".into()] }),
        ]
    }

    fn rule() -> impl Strategy<Value = Rule> {
        leaf().prop_recursive(2, 12, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..4).prop_map(Rule::All),
                (prop::collection::vec(inner, 1..4), 1u32..3).prop_map(|(of, n)| Rule::AnyOf { n: n.min(of.len() as u32), of }),
            ]
        })
    }

    fn person_with(completions: Vec<Completion>, attestations: Vec<Attestation>, placed_on: Date) -> Person1 {
        let mut p = Person1::new();
        p.completions = completions;
        p.attestations = attestations;
        p.placements = vec![placed("i", &placed_on.to_iso())];
        p
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn adding_a_completion_or_an_attestation_never_makes_readiness_worse(
            rule in rule(),
            completions in prop::collection::vec(completion(), 0..6),
            attestations in prop::collection::vec(attestation(), 0..3),
            extra_completion in completion(),
            extra_attestation in attestation(),
            placed_on in day(),
            as_of in day(),
        ) {
            let w = World::new();
            let s = step(rule);
            let before = person_with(completions.clone(), attestations.clone(), placed_on);
            let r0 = readiness(&s, &before.facts(), w.ctx(), as_of);
            let mut more = completions.clone();
            more.push(extra_completion);
            for after in [person_with(more, attestations.clone(), placed_on), person_with(completions, { let mut a = attestations; a.push(extra_attestation); a }, placed_on)] {
                let r1 = readiness(&s, &after.facts(), w.ctx(), as_of);
                prop_assert!(!r0.ready || r1.ready, "was ready, is not");
                if let Some(e0) = r0.earliest {
                    prop_assert!(r1.earliest.is_some_and(|e1| e1 <= e0), "earliest {:?} became {:?}", r0.earliest, r1.earliest);
                }
            }
        }

        #[test]
        fn the_earliest_ready_date_never_moves_earlier_as_time_passes_without_new_records(
            rule in rule(),
            completions in prop::collection::vec(completion(), 0..6),
            attestations in prop::collection::vec(attestation(), 0..3),
            placed_on in day(),
            first in day(),
            later_by in 1i32..900,
        ) {
            let w = World::new();
            let s = step(rule);
            // Records all dated on or before the first date: nothing new arrives afterwards.
            let completions = completions.into_iter().filter(|c| c.completed_on <= first).collect();
            let attestations = attestations.into_iter().filter(|a| a.on <= first).collect();
            let p = person_with(completions, attestations, placed_on.min(first));
            let e0 = readiness(&s, &p.facts(), w.ctx(), first).earliest;
            let e1 = readiness(&s, &p.facts(), w.ctx(), first.add_days(later_by)).earliest;
            match (e0, e1) {
                (None, Some(e1)) => prop_assert!(false, "never became {e1}"),
                (Some(e0), Some(e1)) => prop_assert!(e1 >= e0, "{e0} moved earlier to {e1}"),
                _ => {}
            }
        }
    }
}
