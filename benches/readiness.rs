//! Readiness speed: everyone's next steps on their ladder, with the requirement statuses the
//! step rules need and the earliest ready date of those not ready yet, for 5,000 people on
//! 3 ladders of 5 steps each, 30 completions each (the readiness board's work on a large
//! organization). Target: under 50 ms.
//! Run with `cargo bench --bench readiness`; `scripts/dev.sh bench` prints the figure.

use criterion::{criterion_group, criterion_main, Criterion};
use escalera::domain::catalog::builtin_trainings;
use escalera::domain::completion::Completion;
use escalera::domain::compliance::{Filter, Records};
use escalera::domain::date::{Date, DateExt};
use escalera::domain::hours::Hours;
use escalera::domain::ladders::board::{board, LadderSet};
use escalera::domain::ladders::examples::{example_floors, example_grades};
use escalera::domain::ladders::ladder::{FrameworkCode, Ladder, Rule, Step};
use escalera::domain::ladders::money::Cents;
use escalera::domain::ladders::pay::PayPolicy;
use escalera::domain::ladders::person::{Attestation, Placement, PlacementReason, LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION};
use escalera::domain::person::{Person, PreferredLanguage, WorkerType};
use escalera::domain::person_records::PersonRecords;
use escalera::domain::presets::presets;
use escalera::domain::requirement::Requirement;
use escalera::domain::status::{Context, DEFAULT_DUE_SOON_DAYS};
use escalera::domain::text::Bilingual;
use escalera::domain::training::{CeCategory, Source};
use std::collections::HashMap;
use std::hint::black_box;
use std::rc::Rc;

const PEOPLE: usize = 5_000;
const COMPLETIONS_EACH: usize = 30;
const TRAININGS: [&str; 10] = ["peer_core_80h", "peer_exam", "motivational_interviewing", "law_ethics_ce", "intentional_peer_support", "mhfa_adult", "cpr_first_aid", "hipaa", "trauma_informed_care", "c3_core_skills"];

fn training(id: &str) -> Rule {
    Rule::Training { training_id: format!("builtin.{id}"), within_months: None }
}

/// A five-step ladder whose steps ask for every kind of condition the engine knows.
fn ladder(n: usize) -> Ladder {
    let rules = [
        Rule::nothing(),
        Rule::All(vec![Rule::Requirement { requirement_id: "preset.cpr".into() }, Rule::Attestation { kind: LIVED_EXPERIENCE.into() }]),
        Rule::All(vec![
            Rule::MonthsInStep { months: 12 },
            training("motivational_interviewing"),
            Rule::CeHours { hours: Hours::whole(20), categories: vec![], within_months: 24 },
            Rule::Attestation { kind: SUPERVISOR_RECOMMENDATION.into() },
        ]),
        Rule::All(vec![
            Rule::MonthsInStep { months: 24 },
            Rule::AnyOf { n: 2, of: vec![training("trauma_informed_care"), Rule::Requirement { requirement_id: "preset.mhfa".into() }, training("intentional_peer_support")] },
            Rule::Competencies { framework: FrameworkCode::C3, ids: vec![] },
        ]),
        Rule::All(vec![Rule::MonthsInStep { months: 12 }, Rule::MonthsOfService { months: 48 }, Rule::Requirement { requirement_id: "preset.peer_certification".into() }]),
    ];
    Ladder {
        id: format!("ladder{n}"),
        name: Bilingual::new("Ladder", "Escalera"),
        description: Bilingual::default(),
        worker_types: vec![],
        steps: rules
            .into_iter()
            .enumerate()
            .map(|(i, requires)| Step {
                id: format!("s{i}"),
                title: Bilingual::new("Step", "Escalón"),
                description: Bilingual::default(),
                duties: Bilingual::default(),
                grade_id: "example.grade.peer_ii".into(),
                next: vec![],
                requires,
            })
            .collect(),
        source: Source::default(),
        example: false,
        retired: false,
    }
}

fn records() -> Records {
    let start = Date::parse_iso("2019-01-01").unwrap();
    let mut seed: u64 = 7;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut people = Vec::with_capacity(PEOPLE);
    let mut files = HashMap::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        let id = format!("p{i}");
        people.push(Person {
            id: id.clone(),
            name: format!("Person {i}"),
            preferred_language: PreferredLanguage::Spanish,
            worker_type: WorkerType::PeerSupportSpecialist,
            organization: String::new(),
            program: ["ECM", "Crisis"][i % 2].into(),
            role_title: String::new(),
            employment_type: None,
            supervisor: String::new(),
            supervising_org: String::new(),
            hire_date: Some(start.add_days(next(1200) as i32)),
            email: String::new(),
            notes: String::new(),
            archived: false,
        });
        let mut file = PersonRecords::new(&id);
        file.completions = (0..COMPLETIONS_EACH)
            .map(|j| Completion { verification: None, partial: false,
                id: format!("c{i}-{j}"),
                person_id: id.clone(),
                training_id: format!("builtin.{}", TRAININGS[next(TRAININGS.len() as u64) as usize]),
                completed_on: start.add_days(next(2500) as i32),
                hours: Hours::from_hundredths(100 + next(2000) as u32),
                provider: String::new(),
                certificate_number: String::new(),
                ce_category: [None, Some(CeCategory::General), Some(CeCategory::LawEthics)][next(3) as usize],
                notes: String::new(),
                removed: false,
            })
            .collect();
        file.placements.push(Placement {
            id: format!("pl{i}"),
            person_id: id.clone(),
            ladder_id: format!("ladder{}", i % 3),
            step_id: format!("s{}", next(4)),
            grade_id: "example.grade.peer_ii".into(),
            pay_step: 1,
            hourly: Cents(22_84),
            effective: start.add_days(1300 + next(800) as i32),
            reason: PlacementReason::Hire,
            note: String::new(),
            plan_id: String::new(),
            removed: false,
            unconfirmed: None,
        });
        for kind in [LIVED_EXPERIENCE, SUPERVISOR_RECOMMENDATION].iter().take(next(3) as usize) {
            file.attestations.push(Attestation { id: format!("a{i}{kind}"), person_id: id.clone(), kind: (*kind).into(), on: start.add_days(1500), attested_by: "HR".into(), note: String::new(), removed: false, unconfirmed: None });
        }
        files.insert(id, Rc::new(file));
    }
    Records::from_files(Rc::new(people), Rc::new(files))
}

fn bench(c: &mut Criterion) {
    let records = records();
    let ladders: Vec<Ladder> = (0..3).map(ladder).collect();
    let (grades, floors, policy) = (example_grades(), example_floors(), PayPolicy::default());
    let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
    let requirements: Vec<Requirement> = presets().into_iter().filter(|r| !r.retired).collect();
    let trainings = builtin_trainings();
    let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
    let as_of = Date::parse_iso("2026-03-01").unwrap();
    let rows = board(&records, set, ctx, as_of, &Filter::default(), None);
    let ready = rows.iter().filter(|r| r.readiness.ready).count();
    let dated = rows.iter().filter(|r| !r.readiness.ready && r.readiness.earliest.is_some()).count();
    println!("readiness: {} people, {} next steps, {ready} ready now, {dated} with an earliest date", PEOPLE, rows.len());
    c.bench_function("readiness for 5,000 people on 3 ladders of 5 steps", |b| {
        b.iter(|| black_box(board(black_box(&records), set, ctx, as_of, &Filter::default(), None)).len())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
