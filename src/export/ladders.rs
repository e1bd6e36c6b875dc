//! Ladder exports (docs/ladders-csv.md): who is ready for what, the pay plan, and a
//! promotion plan priced. Amounts are decimals with two places and a point; dates ISO 8601.

use super::table;
use crate::domain::date::DateExt;
use crate::domain::ladders::board::{BoardRow, PlanLine};
use crate::domain::ladders::money::Cents;
use crate::domain::ladders::pay::PayGrade;
use crate::domain::text::Locale;
use crate::i18n::ladders::{missing, Names};
use crate::i18n::DateStyle;

pub const READINESS_HEADER: &str = "person,ladder,current_step,next_step,ready,missing,earliest_ready_date";
pub const PAY_PLAN_HEADER: &str = "grade,step,hourly,annual,below_floor";
pub const PROMOTION_HEADER: &str = "person,from_step,to_step,current_hourly,new_hourly,annual_change";

/// One row per person × next step, in the board's order; missing items in `locale`,
/// separated by `; `.
pub fn readiness_csv(locale: Locale, board: &[BoardRow], names: &Names) -> String {
    table(
        READINESS_HEADER,
        board.iter().map(|r| {
            vec![
                r.person.name.clone(),
                r.ladder.name.get(locale).to_owned(),
                r.current.title.get(locale).to_owned(),
                r.readiness.step.title.get(locale).to_owned(),
                r.readiness.ready.to_string(),
                r.readiness.missing.iter().map(|m| missing(locale, DateStyle::Iso, m, names)).collect::<Vec<_>>().join("; "),
                r.readiness.earliest.map(|d| d.to_iso()).unwrap_or_default(),
            ]
        }),
    )
}

/// One row per grade step: (grade, step, hourly, annual, below a legal floor).
pub fn pay_plan_csv(locale: Locale, plan: &[(&PayGrade, u32, Cents, Cents, bool)]) -> String {
    table(
        PAY_PLAN_HEADER,
        plan.iter().map(|(g, step, hourly, annual, below)| vec![g.name.get(locale).to_owned(), step.to_string(), hourly.to_string(), annual.to_string(), below.to_string()]),
    )
}

/// One row per priced line of a promotion plan.
pub fn promotion_csv(locale: Locale, lines: &[PlanLine]) -> String {
    table(
        PROMOTION_HEADER,
        lines.iter().map(|l| {
            vec![
                l.person.name.clone(),
                l.from.title.get(locale).to_owned(),
                l.to.title.get(locale).to_owned(),
                l.current.to_string(),
                l.new.to_string(),
                l.annual_change.to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse;
    use super::*;
    use crate::domain::compliance::{Filter, Records};
    use crate::domain::date::Date;
    use crate::domain::ladders::board::{board, pay_plan, price, LadderSet, PlanItem, PromotionPlan};
    use crate::domain::ladders::examples::{example_floors, example_grades, example_ladders};
    use crate::domain::ladders::money::Bp;
    use crate::domain::ladders::pay::PayPolicy;
    use crate::domain::ladders::person::{Attestation, Placement, PlacementReason, SUPERVISOR_RECOMMENDATION};
    use crate::domain::person::{sample, Person, WorkerType};
    use crate::domain::person_records::PersonRecords;
    use crate::domain::status::{Context, DEFAULT_DUE_SOON_DAYS};
    use std::collections::HashMap;
    use std::rc::Rc;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn records() -> Records {
        let people = vec![
            Person { worker_type: WorkerType::PeerSupportSpecialist, ..sample("a", "Núñez, Ana") },
            Person { worker_type: WorkerType::PeerSupportSpecialist, ..sample("b", "=Beto") },
        ];
        let mut files = HashMap::new();
        for (id, step, grade, rate) in [("a", "ii", "peer_ii", 27_76), ("b", "i", "peer_i", 17_92)] {
            let mut f = PersonRecords::new(id);
            f.placements.push(Placement { unconfirmed: None,
                id: format!("p{id}"), person_id: id.into(), ladder_id: "example.ladder.county_peer".into(), step_id: step.into(),
                grade_id: format!("example.grade.{grade}"), pay_step: 1, hourly: Cents(rate), effective: d("2022-01-01"),
                reason: PlacementReason::Hire, note: String::new(), plan_id: String::new(), removed: false,
            });
            files.insert(id.to_owned(), Rc::new(f));
        }
        let a = Rc::get_mut(files.get_mut("a").unwrap()).unwrap();
        a.attestations.push(Attestation { unconfirmed: None, id: "x".into(), person_id: "a".into(), kind: SUPERVISOR_RECOMMENDATION.into(), on: d("2025-01-01"), attested_by: "HR".into(), note: String::new(), removed: false });
        Records::from_files(Rc::new(people), Rc::new(files))
    }

    #[test]
    fn readiness_rows_have_exactly_the_documented_columns() {
        let (ladders, grades, floors, policy) = (example_ladders(), example_grades(), example_floors(), PayPolicy::default());
        let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
        let requirements = crate::domain::presets::presets();
        let trainings = crate::domain::catalog::builtin_trainings();
        let ctx = Context { requirements: &requirements, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
        let records = records();
        let rows_ = board(&records, set, ctx, d("2026-01-15"), &Filter::default(), None);
        let training = |id: &str| trainings.iter().find(|t| t.id == id).map_or(id.to_owned(), |t| t.name.en.clone());
        let requirement = |id: &str| id.to_owned();
        let csv = readiness_csv(Locale::En, &rows_, &Names { training: &training, requirement: &requirement });
        let table = parse(&csv);
        assert_eq!(table[0].join(","), READINESS_HEADER);
        assert!(table.iter().all(|r| r.len() == 7));
        // Ana: Level II → Lead Peer and Peer Trainer (people in name order: "=Beto" first).
        let ana: Vec<&Vec<String>> = table.iter().filter(|r| r[0] == "Núñez, Ana").collect();
        assert_eq!(ana.len(), 2);
        assert_eq!(&ana[0][..5], ["Núñez, Ana", "County peer support series", "Peer Support Specialist II", "Lead Peer Support Specialist", "false"]);
        assert!(ana[0][5].starts_with("2 more of: Trauma-informed care: not taken; WRAP facilitator certification (Seminar II): not taken; preset.mhfa: missing; Harm reduction and naloxone administration: not taken"), "{}", ana[0][5]);
        assert_eq!(ana[0][6], "", "no date without new records");
        assert_eq!(ana[1][3], "Peer Trainer");
        // A formula-looking name is neutralized; a date in the missing items is ISO.
        let beto = table.iter().find(|r| r[0] == "'=Beto").expect("guarded");
        assert_eq!((beto[2].as_str(), beto[3].as_str()), ("Peer Support Specialist I", "Peer Support Specialist II"));
        assert_eq!(beto[5], "Motivational interviewing (introductory workshop): not taken; Intentional Peer Support (IPS) core training: not taken; 20 more hours of continuing education; Supervisor's recommendation: attestation needed");
    }

    #[test]
    fn pay_plan_and_promotion_rows_are_exact_to_the_cent() {
        let (ladders, grades, floors, policy) = (example_ladders(), example_grades(), example_floors(), PayPolicy::default());
        let plan = pay_plan(&grades[..1], &floors, &policy, d("2026-01-01"));
        let table = parse(&pay_plan_csv(Locale::En, &plan));
        assert_eq!(table[0].join(","), PAY_PLAN_HEADER);
        assert_eq!(table[1], ["Peer Support Specialist I", "1", "17.92", "37273.60", "false"]);
        assert_eq!(table[5], ["Peer Support Specialist I", "5", "21.79", "45323.20", "false"]);
        let set = LadderSet { ladders: &ladders, grades: &grades, floors: &floors, policy: &policy };
        let records = records();
        let promo = PromotionPlan {
            id: "x".into(), name: "Plan".into(), effective: d("2026-04-01"), fringe: Bp(3000),
            items: vec![PlanItem { person_id: "b".into(), ladder_id: "example.ladder.county_peer".into(), to_step: "ii".into() }], applied_on: None, removed: false,
        };
        let lines = price(&promo, &records, set);
        let table = parse(&promotion_csv(Locale::Es, &lines));
        assert_eq!(table[0].join(","), PROMOTION_HEADER);
        // 17.92 + 5 % = 18.82: Peer II step 1 (22.84); (22.84 − 17.92) × 2,080 = 10,233.60.
        assert_eq!(table[1], ["'=Beto", "Especialista en apoyo entre pares I", "Especialista en apoyo entre pares II", "17.92", "22.84", "10233.60"]);
    }
}
