//! The organization's view of the rules engine: every person × requirement as of a date,
//! filtered, counted by status, and bucketed by how soon each runs out.
//!
//! `Records` holds what the store keeps, one document per person, shared (`Rc`) rather than
//! copied, so re-asking for another "as of" date or filter costs only the evaluation itself
//! (about 30 ms at 5,000 people), and the store's cache can hand it out for free.

use super::completion::{training_hours, Completion};
use super::training::CatalogEntry;
use super::date::{Date, DateExt, Datelike};
use super::person::{Person, WorkerType};
use super::person_records::PersonRecords;
use super::requirement::{Requirement, Rule, Waiver, WorkHours};
use super::status::{evaluate_all, Context, Evaluation, Facts, Status};
use std::collections::HashMap;
use std::rc::Rc;

/// Everyone's records, by person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub people: Rc<Vec<Person>>,
    /// Each person's document, by person id; people with nothing recorded have none.
    files: Rc<HashMap<String, Rc<PersonRecords>>>,
}

impl Records {
    /// From the store's documents (shared, not copied).
    pub fn from_files(people: Rc<Vec<Person>>, files: Rc<HashMap<String, Rc<PersonRecords>>>) -> Records {
        Records { people, files }
    }

    /// From flat lists in any order (tests, benchmarks, imports).
    pub fn new(people: Vec<Person>, completions: Vec<Completion>, work_hours: Vec<WorkHours>, waivers: Vec<Waiver>) -> Records {
        let files = PersonRecords::group(completions, work_hours, waivers).into_iter().map(|f| (f.person_id.clone(), Rc::new(f))).collect();
        Records { people: Rc::new(people), files: Rc::new(files) }
    }

    /// Every person's document (those with anything recorded), in no particular order.
    pub fn files(&self) -> impl Iterator<Item = &Rc<PersonRecords>> {
        self.files.values()
    }

    /// One person's document, if anything is recorded for them.
    pub fn file(&self, person_id: &str) -> Option<&PersonRecords> {
        self.files.get(person_id).map(|f| &**f)
    }

    pub fn facts<'a>(&'a self, person: &'a Person) -> Facts<'a> {
        match self.file(&person.id) {
            Some(f) => Facts { person, completions: &f.completions, work_hours: &f.work_hours, waivers: &f.waivers, attestations: &f.attestations },
            None => Facts { person, completions: &[], work_hours: &[], waivers: &[], attestations: &[] },
        }
    }

    /// Every person's completions of one training (a training's page), with the person.
    pub fn completions_of_training<'a>(&'a self, training_id: &'a str) -> impl Iterator<Item = &'a Completion> + 'a {
        self.files.values().flat_map(move |f| f.completions.iter().filter(move |c| c.training_id == training_id))
    }

    /// Programs people belong to, sorted, for the filter.
    pub fn programs(&self) -> Vec<String> {
        let mut programs: Vec<String> = self.people.iter().filter(|p| !p.program.is_empty()).map(|p| p.program.clone()).collect();
        programs.sort();
        programs.dedup();
        programs
    }
}

/// Which rows to show. `None` (or empty) means all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub program: Option<String>,
    pub worker_type: Option<WorkerType>,
    pub requirement_id: Option<String>,
}

impl Filter {
    fn keeps_person(&self, p: &Person) -> bool {
        !p.archived
            && self.program.as_ref().is_none_or(|x| &p.program == x)
            && self.worker_type.is_none_or(|w| p.worker_type == w)
    }
}

/// One person × one requirement.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub person: &'a Person,
    pub evaluation: Evaluation,
}

/// Every requirement that applies to each person the filter keeps (archived people left out),
/// people in name order.
pub fn rows<'a>(records: &'a Records, ctx: Context, as_of: Date, filter: &Filter) -> Vec<Row<'a>> {
    let mut people: Vec<&Person> = records.people.iter().filter(|p| filter.keeps_person(p)).collect();
    people.sort_by_cached_key(|p| (super::text::fold(&p.name), p.id.clone()));
    let mut out = Vec::new();
    for person in people {
        for evaluation in evaluate_all(records.facts(person), ctx, as_of) {
            if filter.requirement_id.as_ref().is_none_or(|r| &evaluation.requirement_id == r) {
                out.push(Row { person, evaluation });
            }
        }
    }
    out
}

/// How many rows have each status, in `Status::ALL` order.
pub fn counts(rows: &[Row]) -> [(Status, usize); 6] {
    Status::ALL.map(|s| (s, rows.iter().filter(|r| r.evaluation.status == s).count()))
}

/// Every row with one status, for the list a dashboard tile opens: what has a date first
/// (soonest first), then the rest in name order, so every counted row can be reached.
pub fn with_status<'r, 'a>(rows: &'r [Row<'a>], status: Status) -> Vec<&'r Row<'a>> {
    let mut found: Vec<&Row> = rows.iter().filter(|r| r.evaluation.status == status).collect();
    // `rows` is in name order already; a stable sort keeps it within a date.
    found.sort_by_key(|r| (r.evaluation.valid_until.is_none(), r.evaluation.valid_until));
    found
}

/// How soon something runs out, for the dashboard's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Horizon {
    /// Expired as of the date.
    Expired,
    /// Runs out (or is due) within 30 days: its last day is 0–30 days away.
    Within30,
    /// 31–60 days away.
    Within60,
    /// 61–90 days away.
    Within90,
}

impl Horizon {
    pub const ALL: [Horizon; 4] = [Horizon::Expired, Horizon::Within30, Horizon::Within60, Horizon::Within90];

    /// The horizon of one evaluation, if it is in one: expired rows, and rows not waived whose
    /// last day (expiry, deadline or cycle end) is at most 90 days after `as_of`.
    pub fn of(e: &Evaluation, as_of: Date) -> Option<Horizon> {
        if e.status == Status::Expired {
            return Some(Horizon::Expired);
        }
        if e.status == Status::Waived {
            return None;
        }
        match as_of.days_until(e.valid_until?) {
            0..=30 => Some(Horizon::Within30),
            31..=60 => Some(Horizon::Within60),
            61..=90 => Some(Horizon::Within90),
            _ => None,
        }
    }
}

/// The rows in one horizon, soonest first (expired: longest lapsed first).
pub fn in_horizon<'r, 'a>(rows: &'r [Row<'a>], as_of: Date, horizon: Horizon) -> Vec<&'r Row<'a>> {
    let mut found: Vec<&Row> = rows.iter().filter(|r| Horizon::of(&r.evaluation, as_of) == Some(horizon)).collect();
    found.sort_by_key(|r| r.evaluation.valid_until);
    found
}

/// What to do next, most urgent first: what is not met (expired, missing, in progress)
/// before what is due soon, then by deadline. Current and waived requirements need nothing yet.
pub fn next_steps(evaluations: &[Evaluation]) -> Vec<&Evaluation> {
    let mut steps: Vec<&Evaluation> =
        evaluations.iter().filter(|e| e.next.is_some() && !matches!(e.status, Status::Waived | Status::Current)).collect();
    steps.sort_by_key(|e| (e.status.is_compliant(), e.valid_until.is_none(), e.valid_until));
    steps
}

/// A CHW's training record for one calendar year, the rows of DHCS's annual checklist:
/// every training completed that year, oldest first, and their total hours. Only what counts
/// is on it: a self-report still waiting for verification, or rejected, is left out
/// (`not_counted` says how many, for the page to say so).
pub fn year_record<'a>(completions: &'a [Completion], catalog: &[CatalogEntry], year: i32) -> (Vec<&'a Completion>, super::hours::Hours) {
    let mut rows: Vec<&Completion> = completions.iter().filter(|c| c.counts() && c.completed_on.year() == year).collect();
    rows.sort_by(|a, b| a.completed_on.cmp(&b.completed_on).then_with(|| a.id.cmp(&b.id)));
    let total = training_hours(rows.iter().copied(), catalog);
    (rows, total)
}

/// A person's transcript: every training completed (oldest first) with the total hours, the
/// certifications they hold or held (a credential requirement that is not simply missing),
/// and the continuing education counted in each hours requirement's current cycle.
pub struct Transcript<'a> {
    pub trainings: Vec<&'a Completion>,
    pub total: super::hours::Hours,
    pub certifications: Vec<&'a Evaluation>,
    pub cycles: Vec<&'a Evaluation>,
}

pub fn transcript<'a>(completions: &'a [Completion], evaluations: &'a [Evaluation], requirements: &[Requirement], catalog: &[CatalogEntry], as_of: Date) -> Transcript<'a> {
    let mut trainings: Vec<&Completion> = completions.iter().filter(|c| c.counts() && c.completed_on <= as_of).collect();
    trainings.sort_by(|a, b| a.completed_on.cmp(&b.completed_on).then_with(|| a.id.cmp(&b.id)));
    let total = training_hours(trainings.iter().copied(), catalog);
    let rule = |e: &Evaluation| requirements.iter().find(|r| r.id == e.requirement_id).map(|r| r.rule_on(as_of));
    let certifications = evaluations
        .iter()
        .filter(|e| matches!(rule(e), Some(Rule::Credential(_))) && !matches!(e.status, Status::Missing | Status::InProgress))
        .collect();
    let cycles = evaluations.iter().filter(|e| matches!(rule(e), Some(Rule::Hours(_))) && e.cycle.is_some()).collect();
    Transcript { trainings, total, certifications, cycles }
}

/// Until when each completion holds a credential of the person's (by its link in the
/// credential's renewal chain, as of `as_of`): a peer's exam holds the certification two years
/// though the exam itself never expires, and a renewal counted from the previous expiry holds
/// it until the new one. Completions that hold no credential are not in the map (their
/// training's own rule says how long they are valid).
pub fn credential_until<'a>(facts: Facts<'a>, ctx: Context, as_of: Date) -> HashMap<&'a str, Option<Date>> {
    let mut out: HashMap<&str, Option<Date>> = HashMap::new();
    for r in ctx.requirements.iter().filter(|r| r.applies_to(facts.person.worker_type) && r.effective_from.is_none_or(|d| d <= as_of)) {
        let Rule::Credential(rule) = r.rule_on(as_of) else { continue };
        for link in super::status::chain(rule, facts, ctx, as_of) {
            // Held by two credentials: the later day.
            let held = out.entry(link.completion_id).or_insert(link.valid_until);
            if let (Some(a), Some(b)) = (*held, link.valid_until) {
                *held = Some(a.max(b));
            }
        }
    }
    out
}

/// How many self-reported trainings (pending or rejected) a record leaves out, on or before
/// `as_of`, or in `year`: the transcript and the yearly record say so under their tables.
pub fn not_counted(completions: &[Completion], year: Option<i32>, as_of: Date) -> usize {
    completions.iter().filter(|c| !c.removed && !c.counts() && c.completed_on <= as_of && year.is_none_or(|y| c.completed_on.year() == y)).count()
}

/// The years a record can be printed for: those with completions, and `this_year`, newest first.
pub fn record_years(completions: &[Completion], this_year: i32) -> Vec<i32> {
    let mut years: Vec<i32> = completions.iter().filter(|c| !c.removed).map(|c| c.completed_on.year()).collect();
    years.push(this_year);
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::builtin_trainings;
    use crate::domain::hours::Hours;
    use crate::domain::person::sample;
    use crate::domain::presets::presets;
    use crate::domain::status::DEFAULT_DUE_SOON_DAYS;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn done(id: &str, person: &str, training: &str, on: &str, hours: u32) -> Completion {
        Completion { verification: None, partial: false,
            id: id.into(),
            person_id: person.into(),
            training_id: format!("builtin.{training}"),
            completed_on: d(on),
            hours: Hours::whole(hours),
            provider: String::new(),
            certificate_number: String::new(),
            ce_category: None,
            notes: String::new(),
            removed: false,
        }
    }

    fn person(id: &str, name: &str, worker: WorkerType, program: &str) -> Person {
        Person { worker_type: worker, program: program.into(), ..sample(id, name) }
    }

    #[test]
    fn records_group_by_person_and_rows_filter() {
        let people = vec![
            person("b", "Beatriz", WorkerType::Chw, "Street medicine"),
            person("a", "Álvaro", WorkerType::PeerSupportSpecialist, "Crisis"),
            Person { archived: true, ..person("z", "Zoe", WorkerType::Chw, "Crisis") },
        ];
        // Completions arrive in any order; each person sees only their own.
        let completions = vec![
            done("1", "b", "cpr_first_aid", "2025-03-03", 4),
            done("2", "a", "cpr_first_aid", "2024-01-10", 4),
            done("3", "b", "chw_annual_ce", "2026-02-01", 6),
        ];
        let records = Records::new(people, completions, vec![], vec![]);
        let b = records.people.iter().find(|p| p.id == "b").unwrap();
        assert_eq!(records.facts(b).completions.len(), 2);
        assert!(records.facts(b).completions.iter().all(|c| c.person_id == "b"));
        assert_eq!(records.programs(), vec!["Crisis".to_owned(), "Street medicine".to_owned()]);

        let reqs = presets();
        let trainings = builtin_trainings();
        let ctx = Context { requirements: &reqs, trainings: &trainings, due_soon_days: DEFAULT_DUE_SOON_DAYS };
        let as_of = d("2026-03-01");
        let all = rows(&records, ctx, as_of, &Filter::default());
        // Archived Zoe is left out; names sort ignoring accents (Álvaro before Beatriz).
        assert_eq!(all.first().unwrap().person.id, "a");
        assert!(all.iter().all(|r| r.person.id != "z"));
        let cpr = Filter { requirement_id: Some("preset.cpr".into()), ..Filter::default() };
        let cpr_rows = rows(&records, ctx, as_of, &cpr);
        assert_eq!(
            cpr_rows.iter().map(|r| (r.person.id.as_str(), r.evaluation.status)).collect::<Vec<_>>(),
            vec![("a", Status::Expired), ("b", Status::Current)]
        );
        let crisis = Filter { program: Some("Crisis".into()), ..cpr.clone() };
        assert_eq!(rows(&records, ctx, as_of, &crisis).len(), 1);
        let chw = Filter { worker_type: Some(WorkerType::Chw), ..Filter::default() };
        assert!(rows(&records, ctx, as_of, &chw).iter().all(|r| r.person.id == "b"));

        let n = counts(&cpr_rows);
        assert_eq!(n.iter().map(|(_, k)| k).sum::<usize>(), 2);
        // Every tile's count is the length of the list it opens: nothing counted is unreachable.
        for (status, k) in counts(&all) {
            let listed = with_status(&all, status);
            assert_eq!(listed.len(), k, "{status:?}");
            assert!(listed.iter().all(|r| r.evaluation.status == status));
        }
        assert!(counts(&all).iter().any(|(s, k)| *s == Status::Missing && *k > 0), "the sample has missing rows");
        assert_eq!(n.iter().find(|(s, _)| *s == Status::Expired).unwrap().1, 1);
        assert_eq!(n.iter().find(|(s, _)| *s == Status::Current).unwrap().1, 1);
    }

    #[test]
    fn horizons_split_at_30_60_and_90_days() {
        let as_of = d("2026-01-01");
        let e = |status: Status, until: Option<&str>| Evaluation { status, valid_until: until.map(d), ..Evaluation::blank("r") };
        let cases = [
            (Status::Expired, Some("2025-12-01"), Some(Horizon::Expired)),
            (Status::DueSoon, Some("2026-01-01"), Some(Horizon::Within30)),
            (Status::DueSoon, Some("2026-01-31"), Some(Horizon::Within30)),
            (Status::DueSoon, Some("2026-02-01"), Some(Horizon::Within60)),
            (Status::Current, Some("2026-03-02"), Some(Horizon::Within60)),
            (Status::Current, Some("2026-03-03"), Some(Horizon::Within90)),
            (Status::Current, Some("2026-04-01"), Some(Horizon::Within90)),
            (Status::Current, Some("2026-04-02"), None),
            (Status::Current, None, None),
            (Status::Missing, Some("2026-01-20"), Some(Horizon::Within30)),
            (Status::Waived, Some("2026-01-20"), None),
        ];
        for (status, until, want) in cases {
            assert_eq!(Horizon::of(&e(status, until), as_of), want, "{status:?} {until:?}");
        }
    }

    #[test]
    fn next_steps_put_unmet_requirements_first_then_the_nearest_deadline() {
        use crate::domain::status::NextAction;
        let e = |id: &str, status: Status, until: Option<&str>, next: bool| Evaluation {
            status,
            valid_until: until.map(d),
            next: next.then_some(NextAction::RecordHireDate),
            ..Evaluation::blank(id)
        };
        let all = vec![
            e("current-late", Status::Current, Some("2027-06-01"), true),
            e("due-soon", Status::DueSoon, Some("2026-12-01"), true),
            e("missing-no-date", Status::Missing, None, true),
            e("expired", Status::Expired, Some("2026-01-01"), true),
            e("waived", Status::Waived, None, true),
            e("nothing-to-do", Status::Current, None, false),
        ];
        let order: Vec<&str> = next_steps(&all).iter().map(|e| e.requirement_id.as_str()).collect();
        assert_eq!(order, vec!["expired", "missing-no-date", "due-soon"]);
    }

    #[test]
    fn a_transcript_has_every_training_the_certifications_held_and_each_ce_cycle() {
        let reqs = presets();
        let kind = |id: &str| matches!(reqs.iter().find(|r| r.id == id).unwrap().rule_on(d("2026-11-29")), Rule::Credential(_));
        assert!(kind("preset.peer_certification") && !kind("preset.peer_ce"), "one credential, one hours preset");
        let e = |id: &str, status: Status, cycle: bool| Evaluation {
            status,
            cycle: cycle.then(|| (d("2026-01-01"), d("2027-12-31"))),
            ..Evaluation::blank(id)
        };
        let evals = vec![
            e("preset.peer_certification", Status::Current, false),
            e("preset.peer_ce", Status::InProgress, true),
            e("preset.chw_annual_training", Status::Missing, true),
            e("not.a.requirement", Status::Current, false),
        ];
        let mut gone = done("x", "p", "hipaa", "2026-05-01", 1);
        gone.removed = true;
        let list = vec![done("2", "p", "cpr_first_aid", "2026-09-01", 4), done("1", "p", "peer_core_80h", "2025-06-30", 80), done("later", "p", "hipaa", "2027-01-05", 1), gone];
        let t = transcript(&list, &evals, &reqs, &[], d("2026-11-29"));
        assert_eq!(t.trainings.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["1", "2"], "oldest first; removed and later ones left out");
        assert_eq!(t.total, Hours::whole(84));
        assert_eq!(t.certifications.iter().map(|e| e.requirement_id.as_str()).collect::<Vec<_>>(), vec!["preset.peer_certification"]);
        assert_eq!(t.cycles.iter().map(|e| e.requirement_id.as_str()).collect::<Vec<_>>(), vec!["preset.peer_ce", "preset.chw_annual_training"]);
        // A credential never held is not on a transcript.
        let none = [e("preset.peer_certification", Status::Missing, false)];
        assert!(transcript(&list, &none, &reqs, &[], d("2026-11-29")).certifications.is_empty());
    }

    #[test]
    fn the_year_record_lists_that_years_trainings_oldest_first() {
        let mut gone = done("x", "p", "hipaa", "2026-05-01", 1);
        gone.removed = true;
        let list = vec![
            done("2", "p", "cpr_first_aid", "2026-09-01", 4),
            done("1", "p", "chw_annual_ce", "2026-02-01", 3),
            done("0", "p", "hipaa", "2025-12-31", 1),
            gone,
        ];
        let (rows, total) = year_record(&list, &[], 2026);
        assert_eq!(rows.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["1", "2"]);
        assert_eq!(total, Hours::whole(7));
        assert_eq!(record_years(&list, 2027), vec![2027, 2026, 2025]);
    }

    /// Issue #20: the exam row of a peer's history said "No expiry" while the certification it
    /// grants runs two years; a renewal holds it until the new expiry.
    #[test]
    fn each_completion_holds_its_credential_until_its_links_last_day() {
        let reqs = presets();
        let trainings = crate::domain::catalog::builtin_trainings();
        let peer = Person { worker_type: WorkerType::PeerSupportSpecialist, ..crate::domain::person::sample("p", "Rosa") };
        let list = vec![
            done("core", "p", "peer_core_80h", "2024-01-10", 80),
            done("exam", "p", "peer_exam", "2024-03-01", 3),
            done("renew", "p", "peer_renewal", "2026-02-15", 1),
            done("mi", "p", "motivational_interviewing", "2024-05-01", 16),
        ];
        let facts = Facts { person: &peer, completions: &list, work_hours: &[], waivers: &[], attestations: &[] };
        let ctx = Context { requirements: &reqs, trainings: &trainings, due_soon_days: 60 };
        let held = credential_until(facts, ctx, d("2026-12-07"));
        assert_eq!(held.get("exam"), Some(&Some(d("2026-03-01"))));
        assert_eq!(held.get("renew"), Some(&Some(d("2028-03-01"))), "renewed from the previous expiry");
        assert_eq!(held.get("core"), Some(&None), "the core training never expires");
        assert_eq!(held.get("mi"), None, "holds no credential");
    }

    /// Issue #20: a self-report waiting for verification, or rejected, is on neither the
    /// yearly record nor the transcript, totals included; each says how many it left out.
    #[test]
    fn records_leave_out_what_waits_for_verification_and_say_how_many() {
        use crate::domain::completion::{Verdict, Verification};
        let reported = |id: &str, verdict: Verdict| Completion {
            verification: Some(Verification { from_file: None, verdict, reported_by: "Rosa".into(), reported_on: d("2026-03-01"), decided_by: String::new(), decided_on: None, reason: String::new() }),
            ..done(id, "p", "chw_annual_ce", "2026-03-01", 6)
        };
        let list = vec![done("1", "p", "hipaa", "2026-02-01", 1), reported("p", Verdict::Pending), reported("r", Verdict::Rejected), reported("v", Verdict::Verified)];
        let (rows, total) = year_record(&list, &[], 2026);
        assert_eq!((rows.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), total), (vec!["1", "v"], Hours::whole(7)));
        let t = transcript(&list, &[], &presets(), &[], d("2026-11-29"));
        assert_eq!((t.trainings.len(), t.total), (2, Hours::whole(7)));
        assert_eq!(not_counted(&list, Some(2026), d("2026-11-29")), 2);
        assert_eq!(not_counted(&list, Some(2025), d("2026-11-29")), 0);
        assert_eq!(not_counted(&list, None, d("2026-02-15")), 0, "reported after the date asked about");
    }
}
