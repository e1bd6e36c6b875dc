//! Career ladders as data: ordered steps, each mapped to a pay grade, with what it takes to
//! reach it. A ladder may branch (two steps can follow one: Lead Peer or Peer Trainer).
//!
//! What a step requires is a tree: *all of* or *at least N of* its items, items being
//! conditions or further groups. Conditions read the records the app already keeps
//! (completions, the rules engine's statuses, hours worked, competencies of trainings) and
//! two kinds that only a person can vouch for: attestations and time (in step, of service).

use crate::domain::competency::Framework;
use crate::domain::hours::Hours;
use crate::domain::person::WorkerType;
use crate::domain::text::Bilingual;
use crate::domain::training::{CeCategory, Source};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    pub id: String,
    pub name: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    /// Whom it is for (empty: anyone); placing someone is always possible.
    #[serde(default)]
    pub worker_types: Vec<WorkerType>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub source: Source,
    /// A built-in example (`example.` ids): copy it to make it the organization's own.
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub example: bool,
    /// Kept for history (placements on it stay), hidden from pickers.
    #[serde(default, skip_serializing_if = "crate::domain::is_false")]
    pub retired: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Unique within the ladder.
    pub id: String,
    pub title: Bilingual,
    #[serde(default)]
    pub description: Bilingual,
    #[serde(default)]
    pub duties: Bilingual,
    /// The pay grade it maps to (a `PayGrade` id); empty when unpaid or not set yet.
    #[serde(default)]
    pub grade_id: String,
    /// The steps that may follow (empty: the top of the ladder).
    #[serde(default)]
    pub next: Vec<String>,
    /// What it takes to be placed here from the step before.
    #[serde(default = "Rule::nothing")]
    pub requires: Rule,
}

/// A group of conditions, or one condition. Stored externally tagged:
/// `{"all": [...]}`, `{"any_of": {"n": 2, "of": [...]}}`, `{"training": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    All(Vec<Rule>),
    AnyOf { n: u32, of: Vec<Rule> },
    /// A requirement of the rules engine is current (or due soon, or waived).
    Requirement { requirement_id: String },
    /// A training completed, ever or within the last `within_months`.
    Training {
        training_id: String,
        #[serde(default)]
        within_months: Option<u32>,
    },
    /// Competencies covered by completed trainings: the listed ones, or every one of the
    /// framework when the list is empty.
    Competencies {
        framework: FrameworkCode,
        #[serde(default)]
        ids: Vec<String>,
    },
    /// CE hours in the given categories (any CE when empty) within the last `within_months`.
    CeHours {
        hours: Hours,
        #[serde(default)]
        categories: Vec<CeCategory>,
        within_months: u32,
    },
    /// Months in the current ladder step (from the placement history).
    MonthsInStep { months: u32 },
    /// Months since the hire date (or the first placement when no hire date is recorded).
    MonthsOfService { months: u32 },
    /// Hours worked (the work-hours records), ever or within the last `within_months`.
    HoursWorked {
        hours: Hours,
        #[serde(default)]
        within_months: Option<u32>,
    },
    /// An attestation on file: `lived_experience`, `supervisor_recommendation`,
    /// `language:<language>`, `probation`, or a kind the organization names.
    Attestation { kind: String },
}

/// `Framework` as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkCode {
    C3,
    Sb803,
}

impl FrameworkCode {
    pub fn framework(self) -> Framework {
        match self {
            FrameworkCode::C3 => Framework::C3,
            FrameworkCode::Sb803 => Framework::Sb803,
        }
    }
}

impl Rule {
    /// Nothing required (the first step of a ladder, or a step not set up yet).
    pub fn nothing() -> Rule {
        Rule::All(Vec::new())
    }

    pub fn is_group(&self) -> bool {
        matches!(self, Rule::All(_) | Rule::AnyOf { .. })
    }

    /// Every condition in the tree, depth first.
    pub fn conditions(&self) -> Vec<&Rule> {
        match self {
            Rule::All(items) | Rule::AnyOf { of: items, .. } => items.iter().flat_map(Rule::conditions).collect(),
            leaf => vec![leaf],
        }
    }
}

impl Ladder {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The steps that may follow `step_id`: its `next` list, or else the step after it in order.
    pub fn next_steps(&self, step_id: &str) -> Vec<&Step> {
        let Some(i) = self.steps.iter().position(|s| s.id == step_id) else { return Vec::new() };
        let step = &self.steps[i];
        if step.next.is_empty() {
            return self.steps.get(i + 1).into_iter().collect();
        }
        step.next.iter().filter_map(|id| self.step(id)).collect()
    }

    /// The step a ladder starts at (the first one).
    pub fn first_step(&self) -> Option<&Step> {
        self.steps.first()
    }

    /// Problems that make the ladder unusable, for the editor: duplicate step ids, `next`
    /// naming a step that does not exist, groups asking for more than they hold.
    pub fn problems(&self) -> Vec<LadderProblem> {
        let mut out = Vec::new();
        for (i, s) in self.steps.iter().enumerate() {
            if self.steps[..i].iter().any(|o| o.id == s.id) {
                out.push(LadderProblem::DuplicateStep(s.id.clone()));
            }
            for n in &s.next {
                if self.step(n).is_none() {
                    out.push(LadderProblem::UnknownNext(s.id.clone(), n.clone()));
                }
            }
            fn groups(rule: &Rule, step: &str, out: &mut Vec<LadderProblem>) {
                match rule {
                    Rule::AnyOf { n, of } => {
                        if *n == 0 || *n as usize > of.len() {
                            out.push(LadderProblem::GroupAsksTooMuch(step.to_owned()));
                        }
                        of.iter().for_each(|r| groups(r, step, out));
                    }
                    Rule::All(of) => of.iter().for_each(|r| groups(r, step, out)),
                    _ => {}
                }
            }
            groups(&s.requires, &s.id, &mut out);
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LadderProblem {
    DuplicateStep(String),
    UnknownNext(String, String),
    GroupAsksTooMuch(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, next: &[&str]) -> Step {
        Step {
            id: id.into(),
            title: Bilingual::new(id, id),
            description: Bilingual::default(),
            duties: Bilingual::default(),
            grade_id: String::new(),
            next: next.iter().map(|s| (*s).to_owned()).collect(),
            requires: Rule::nothing(),
        }
    }

    fn ladder(steps: Vec<Step>) -> Ladder {
        Ladder { id: "l".into(), name: Bilingual::new("L", "L"), description: Bilingual::default(), worker_types: vec![], steps, source: Source::default(), example: false, retired: false }
    }

    #[test]
    fn next_steps_follow_order_or_branch() {
        let l = ladder(vec![step("trainee", &[]), step("i", &[]), step("ii", &["lead", "trainer"]), step("lead", &["supervisor"]), step("trainer", &[]), step("supervisor", &[])]);
        let ids = |v: Vec<&Step>| v.into_iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(l.next_steps("trainee")), vec!["i"]);
        assert_eq!(ids(l.next_steps("ii")), vec!["lead", "trainer"]);
        assert_eq!(ids(l.next_steps("lead")), vec!["supervisor"]);
        assert_eq!(ids(l.next_steps("trainer")), vec!["supervisor"], "no branch listed: the next in order");
        assert!(l.next_steps("supervisor").is_empty());
        assert!(l.next_steps("nope").is_empty());
        assert!(l.problems().is_empty());
    }

    #[test]
    fn rules_round_trip_through_their_stored_form_and_problems_are_found() {
        let rule = Rule::All(vec![
            Rule::Requirement { requirement_id: "preset.peer_certification".into() },
            Rule::AnyOf { n: 1, of: vec![Rule::Training { training_id: "builtin.mhfa_adult".into(), within_months: Some(36) }, Rule::Attestation { kind: "language:spanish".into() }] },
            Rule::CeHours { hours: Hours::whole(20), categories: vec![CeCategory::LawEthics], within_months: 24 },
            Rule::MonthsInStep { months: 12 },
        ]);
        let json = serde_json::to_string(&rule).unwrap();
        assert!(json.starts_with(r#"{"all":[{"requirement":{"requirement_id":"preset.peer_certification"}},{"any_of":{"n":1"#), "{json}");
        assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        assert_eq!(rule.conditions().len(), 5);
        let mut bad = ladder(vec![step("a", &["zz"]), step("a", &[])]);
        bad.steps[1].requires = Rule::AnyOf { n: 3, of: vec![Rule::MonthsInStep { months: 1 }] };
        assert_eq!(bad.problems(), vec![
            LadderProblem::UnknownNext("a".into(), "zz".into()),
            LadderProblem::DuplicateStep("a".into()),
            LadderProblem::GroupAsksTooMuch("a".into()),
        ]);
    }
}
