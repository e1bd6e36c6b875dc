//! Due dates (fixed, after hire, after given, before expiry; the due day itself is on time),
//! each standing, exemptions, and renewals assigned exactly once (property test).

use super::*;
use crate::domain::catalog::builtin_trainings;
use crate::domain::curricula::examples::example_curricula;
use crate::domain::person::sample;
use crate::domain::presets::presets;
use crate::domain::status::{evaluate, Context, Facts, DEFAULT_DUE_SOON_DAYS};
use proptest::prelude::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn done(training: &str, on: Date) -> Completion {
    Completion { verification: None, partial: false,
        id: format!("{training}-{}", on.to_iso()),
        person_id: "p".into(),
        training_id: training.into(),
        completed_on: on,
        hours: Hours::whole(4),
        provider: String::new(),
        certificate_number: String::new(),
        ce_category: None,
        notes: String::new(),
        removed: false,
    }
}

fn training(id: &str, due: Due, given_on: &str) -> Assignment {
    Assignment {
        id: "a".into(),
        target: Target::Person { person_id: "p".into() },
        work: Work::Training { training_id: id.into() },
        due,
        given_on: d(given_on),
        given_by: "Trainer".into(),
        renewal: None,
        removed: false,
    }
}

fn given<'a>(completions: &'a [Completion], given_on: &str) -> Given<'a> {
    Given { completions, hire_date: Some(d("2026-01-31")), given_on: d(given_on), expires: Some(d("2027-03-31")), exemption: None }
}

#[test]
fn due_dates_fixed_or_relative_across_month_ends() {
    let a = |due| training("builtin.hipaa", due, "2026-02-28");
    let (hire, given_on, expires) = (Some(d("2026-01-31")), d("2026-02-28"), Some(d("2027-03-31")));
    assert_eq!(a(Due::None).due_for(hire, given_on, expires), None);
    assert_eq!(a(Due::On { date: d("2026-06-30") }).due_for(hire, given_on, expires), Some(d("2026-06-30")));
    assert_eq!(a(Due::AfterHire { days: 30 }).due_for(hire, given_on, expires), Some(d("2026-03-02")));
    assert_eq!(a(Due::AfterHire { days: 30 }).due_for(None, given_on, expires), None, "no hire date, no date");
    assert_eq!(a(Due::AfterGiven { days: 1 }).due_for(hire, given_on, expires), Some(d("2026-03-01")));
    assert_eq!(a(Due::BeforeExpiry { days: 31 }).due_for(hire, given_on, expires), Some(d("2027-02-28")));
}

#[test]
fn overdue_from_the_day_after_the_due_date_not_on_it() {
    let a = training("builtin.hipaa", Due::On { date: d("2026-03-31") }, "2026-03-01");
    let none: [Completion; 0] = [];
    assert_eq!(a.standing(&[], &given(&none, "2026-03-01"), d("2026-03-31")), Standing::NotStarted { due: Some(d("2026-03-31")) });
    assert_eq!(a.standing(&[], &given(&none, "2026-03-01"), d("2026-04-01")), Standing::Overdue { due: d("2026-03-31"), done: 0, of: 1, hours: Hours::ZERO });
    // Done late is complete (with its day), not overdue.
    let late = [done("builtin.hipaa", d("2026-04-10"))];
    assert_eq!(a.standing(&[], &given(&late, "2026-03-01"), d("2026-04-20")), Standing::Complete { on: d("2026-04-10") });
    // Done before it was given counts too: matched whenever it was recorded.
    let before = [done("builtin.hipaa", d("2025-12-01"))];
    assert_eq!(a.standing(&[], &given(&before, "2026-03-01"), d("2026-03-02")), Standing::Complete { on: d("2025-12-01") });
}

#[test]
fn a_curriculum_in_progress_counts_what_is_done_and_an_exemption_says_who_and_why() {
    let onboarding = example_curricula().remove(0);
    let a = Assignment { work: Work::Curriculum { id: onboarding.id.clone(), version: 1 }, ..training("", Due::AfterHire { days: 90 }, "2026-01-31") };
    let some = [done("builtin.hipaa", d("2026-02-05")), done("builtin.motivational_interviewing", d("2026-02-20"))];
    let curricula = [onboarding];
    assert_eq!(
        a.standing(&curricula, &given(&some, "2026-01-31"), d("2026-03-01")),
        Standing::InProgress { done: 2, of: 5, hours: Hours::whole(8), due: Some(d("2026-05-01")) }
    );
    let x = Exemption { assignment_id: "a".into(), person_id: "p".into(), reason: "Certified elsewhere".into(), by: "HR".into(), on: d("2026-02-01") };
    let exempt = Given { exemption: Some(&x), ..given(&some, "2026-01-31") };
    assert_eq!(a.standing(&curricula, &exempt, d("2026-06-01")), Standing::Exempt { reason: "Certified elsewhere".into(), by: "HR".into(), on: d("2026-02-01") });
    // A version that is not stored cannot be judged: shown as not started, never as done.
    let missing = Assignment { work: Work::Curriculum { id: "gone".into(), version: 3 }, ..a };
    assert!(matches!(missing.standing(&curricula, &given(&some, "2026-01-31"), d("2026-03-01")), Standing::NotStarted { .. }));
}

/// CPR as the rules engine sees it for one person on `as_of`.
fn cpr(completions: &[Completion], as_of: Date) -> Evaluation {
    let requirements = presets();
    let trainings = builtin_trainings();
    let person = sample("p", "Rosa");
    let r = requirements.iter().find(|r| r.id == "preset.cpr").unwrap();
    let facts = Facts { person: &person, completions, work_hours: &[], waivers: &[], attestations: &[] };
    evaluate(r, facts, Context { requirements: &requirements, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS }, as_of)
}

#[test]
fn a_renewal_is_assigned_when_the_window_opens_and_closed_by_an_early_renewal() {
    let requirements = presets();
    let records = [done("builtin.cpr_first_aid", d("2025-03-03"))]; // valid through 2027-03-31
    let before = d("2027-01-30");
    assert!(renewals_to_assign("p", &[cpr(&records, before)], &requirements, &[], &records, before).is_empty());
    let opened = d("2027-01-31");
    let new = renewals_to_assign("p", &[cpr(&records, opened)], &requirements, &[], &records, opened);
    assert_eq!(new.len(), 1, "{:?}", cpr(&records, opened));
    let a = &new[0];
    assert_eq!(a.id, "renewal:p:preset.cpr:2027-03-31");
    assert_eq!(a.work, Work::Training { training_id: "builtin.cpr_first_aid".into() });
    assert_eq!(a.due, Due::On { date: d("2027-03-31") });
    // Asked again (another tab, the next start), nothing more.
    assert!(renewals_to_assign("p", &[cpr(&records, opened)], &requirements, &new, &records, d("2027-02-10")).is_empty());
    assert_eq!(a.renewal.as_ref().unwrap().opens, d("2025-03-04"), "CPR renews any time: completions after the last one count");
    // The old completion does not satisfy it; a renewal does, even one recorded late.
    let g = |c: &'static [Completion]| Given { completions: c, hire_date: None, given_on: opened, expires: None, exemption: None };
    assert!(matches!(a.standing(&[], &g(&[]), d("2027-02-01")), Standing::NotStarted { .. }));
    let renewed: &'static [Completion] = Box::leak(Box::new([records[0].clone(), done("builtin.cpr_first_aid", d("2027-02-15"))]));
    assert_eq!(a.standing(&[], &g(renewed), d("2027-02-20")), Standing::Complete { on: d("2027-02-15") });
    // An open assignment of the same training, made by hand, covers it (the rule only: here
    // nothing completed counts toward the hand-made one, so it is open)…
    let by_hand = training("builtin.cpr_first_aid", Due::On { date: d("2027-03-15") }, "2027-02-01");
    assert!(renewals_to_assign("p", &[cpr(&records, d("2027-02-02"))], &requirements, std::slice::from_ref(&by_hand), &[], d("2027-02-02")).is_empty());
    // …while one already satisfied (the 2025 course counts toward a plain assignment of the
    // training) does not: the renewal is still assigned, once.
    assert_eq!(renewals_to_assign("p", &[cpr(&records, d("2027-02-02"))], &requirements, std::slice::from_ref(&by_hand), &records, d("2027-02-02")).len(), 1);
    // Assigned by hand while the renewal is due, it is the renewal: the automatic one's id, the
    // trainer's due date; asked again, the open one is shown instead of a second.
    let e = [cpr(&records, d("2027-02-02"))];
    let mine = assign_by_hand("p", "builtin.cpr_first_aid", Due::On { date: d("2027-03-15") }, "Ana", "x".into(), &e, &requirements, &[], &records, d("2027-02-02")).unwrap();
    assert_eq!((mine.id.as_str(), mine.given_by.as_str(), mine.due), ("renewal:p:preset.cpr:2027-03-31", "Ana", Due::On { date: d("2027-03-15") }));
    let again = [mine.clone()];
    assert_eq!(assign_by_hand("p", "builtin.cpr_first_aid", Due::None, "Luis", "y".into(), &e, &requirements, &again, &records, d("2027-02-03")), Err(&mine));
    assert!(renewals_to_assign("p", &e, &requirements, &again, &records, d("2027-02-03")).is_empty());
    // A training that renews nothing due is a plain assignment with its own id.
    let plain = assign_by_hand("p", "builtin.hipaa", Due::None, "Ana", "z".into(), &e, &requirements, &[], &records, d("2027-02-02")).unwrap();
    assert_eq!((plain.id.as_str(), plain.renewal.is_none()), ("z", true));
}

#[derive(Clone, Debug)]
enum Op {
    /// A CPR course completed this many days into the run.
    Complete(u16),
    /// A trainer assigns CPR by hand (shown the open one instead, if there is one).
    ByHand,
    /// Time passes, then each of two tabs runs the automatic renewals on what it last read.
    Days(u16),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(prop_oneof![(0u16..1500).prop_map(Op::Complete), Just(Op::ByHand), (1u16..400).prop_map(Op::Days)], 1..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any sequence of completions, hand assignments and days never yields two open
    /// assignments of the renewal training for one credential period, nor two automatic
    /// ones for a period at all, also with two tabs assigning at once.
    #[test]
    fn renewals_are_assigned_exactly_once_per_period(seq in ops()) {
        let requirements = presets();
        let start = d("2025-01-01");
        let mut today = start;
        let mut completions = vec![done("builtin.cpr_first_aid", start)];
        let mut stored: Vec<Assignment> = Vec::new();
        let mut hand = 0;
        for op in seq {
            match op {
                Op::Complete(n) => {
                    let day = start.add_days(i32::from(n));
                    if day <= today { completions.push(done("builtin.cpr_first_aid", day)); }
                }
                Op::ByHand => {
                    hand += 1;
                    let e = cpr(&completions, today);
                    let made = assign_by_hand("p", "builtin.cpr_first_aid", Due::AfterGiven { days: 30 }, "Trainer", format!("hand-{hand}"),
                        std::slice::from_ref(&e), &requirements, &stored, &completions, today);
                    if let Ok(a) = made {
                        match stored.iter_mut().find(|x| x.id == a.id) {
                            Some(slot) => *slot = a,
                            None => stored.push(a),
                        }
                    }
                }
                Op::Days(n) => {
                    today = today.add_days(i32::from(n));
                    let e = cpr(&completions, today);
                    let snapshot = stored.clone();
                    for _tab in 0..2 {
                        for a in renewals_to_assign("p", std::slice::from_ref(&e), &requirements, &snapshot, &completions, today) {
                            match stored.iter_mut().find(|x| x.id == a.id) {
                                Some(slot) => *slot = a,
                                None => stored.push(a),
                            }
                        }
                    }
                }
            }
            // Never two automatic ones for one period.
            let mut periods: Vec<Date> = stored.iter().filter_map(|a| a.renewal.as_ref().map(|r| r.period_until)).collect();
            let n = periods.len();
            periods.sort();
            periods.dedup();
            prop_assert_eq!(periods.len(), n, "{:?}", stored);
            // Never two open at once.
            let open = stored.iter().filter(|a| {
                let g = Given { completions: &completions, hire_date: None, given_on: a.given_on, expires: None, exemption: None };
                !matches!(a.standing(&[], &g, today), Standing::Complete { .. } | Standing::Exempt { .. })
            }).count();
            prop_assert!(open <= 1, "{} open on {}: {:?}", open, today.to_iso(), stored);
        }
    }
}
