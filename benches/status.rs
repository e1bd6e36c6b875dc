//! Rules-engine speed: every status for 5,000 people × 30 completions × 8 requirements (the
//! compliance dashboard's work on a large organization). Target: under 50 ms.
//! Run with `cargo bench --bench status`; `scripts/dev.sh bench` prints the figure.

use criterion::{criterion_group, criterion_main, Criterion};
use escalera::domain::catalog::builtin_trainings;
use escalera::domain::completion::Completion;
use escalera::domain::date::{Date, DateExt};
use escalera::domain::hours::Hours;
use escalera::domain::person::{Person, PreferredLanguage, WorkerType};
use escalera::domain::presets::presets;
use escalera::domain::requirement::Requirement;
use escalera::domain::status::{evaluate, Context, Facts, DEFAULT_DUE_SOON_DAYS};
use escalera::domain::training::CeCategory;
use std::hint::black_box;

const PEOPLE: usize = 5_000;
const COMPLETIONS_EACH: usize = 30;
const REQUIREMENTS: [&str; 8] = ["peer_certification", "peer_ce", "chw_qualification", "chw_annual_training", "mhfa", "cpr", "hipaa_at_hire", "peer_spec_crisis"];
const TRAININGS: [&str; 10] = ["peer_core_80h", "peer_exam", "peer_renewal", "law_ethics_ce", "chw_annual_ce", "mhfa_adult", "cpr_first_aid", "hipaa", "chwpr_certificate", "peer_spec_crisis"];

fn data() -> (Vec<Person>, Vec<Vec<Completion>>) {
    let start = Date::parse_iso("2020-01-01").unwrap();
    let mut seed: u64 = 42;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut people = Vec::with_capacity(PEOPLE);
    let mut completions = Vec::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        people.push(Person {
            id: format!("p{i}"),
            name: format!("Person {i}"),
            preferred_language: PreferredLanguage::Spanish,
            worker_type: if i % 2 == 0 { WorkerType::PeerSupportSpecialist } else { WorkerType::Chw },
            organization: String::new(),
            program: String::new(),
            role_title: String::new(),
            employment_type: None,
            supervisor: String::new(),
            supervising_org: String::new(),
            hire_date: Some(start.add_days(next(1500) as i32)),
            email: String::new(),
            notes: String::new(),
            archived: false,
        });
        let mut mine: Vec<Completion> = (0..COMPLETIONS_EACH)
            .map(|j| Completion { verification: None, partial: false,
                id: format!("c{i}-{j}"),
                person_id: format!("p{i}"),
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
        mine.sort_by_key(|c| c.completed_on);
        completions.push(mine);
    }
    (people, completions)
}

fn all_statuses(people: &[Person], completions: &[Vec<Completion>], requirements: &[Requirement], ctx: Context, as_of: Date) -> usize {
    let chosen: Vec<&Requirement> = REQUIREMENTS.iter().map(|id| requirements.iter().find(|r| r.id == format!("preset.{id}")).unwrap()).collect();
    let mut compliant = 0;
    for (person, done) in people.iter().zip(completions) {
        let facts = Facts { person, completions: done, work_hours: &[], waivers: &[], attestations: &[] };
        for r in &chosen {
            compliant += usize::from(evaluate(r, facts, ctx, as_of).status.is_compliant());
        }
    }
    compliant
}

fn bench(c: &mut Criterion) {
    let (people, completions) = data();
    let requirements = presets();
    let trainings = builtin_trainings();
    let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
    let as_of = Date::parse_iso("2026-11-23").unwrap();
    c.bench_function("statuses: 5,000 people x 30 completions x 8 requirements", |b| {
        b.iter(|| all_statuses(black_box(&people), black_box(&completions), &requirements, ctx, black_box(as_of)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
