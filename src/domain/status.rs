//! The rules engine: for one person and one requirement, as of any date, what holds, until
//! when, what changes next and what to do about it.
//!
//! Only records dated on or before the "as of" date count, so asking about a past date shows
//! what was true then, and asking about a future date shows what will be true if nothing else
//! is recorded. Removed completions count toward nothing.

use super::completion::Completion;
use super::date::{Date, DateExt};
use super::hours::Hours;
use super::person::Person;
use super::ladders::person::Attestation;
use super::requirement::{CredentialRule, Cycle, HoursRule, Pathway, ProvisionalClock, Requirement, Rule, Waiver, WorkHours};
use super::training::{CeCategory, TrainingType, Validity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Expired,
    Missing,
    InProgress,
    DueSoon,
    Current,
    Waived,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::Current, Status::DueSoon, Status::Expired, Status::Missing, Status::InProgress, Status::Waived];

    /// The word used in exports (`current`, `due_soon`, …).
    pub fn code(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::DueSoon => "due_soon",
            Status::Expired => "expired",
            Status::Missing => "missing",
            Status::InProgress => "in_progress",
            Status::Waived => "waived",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Does the person meet the requirement on the date?
    pub fn is_compliant(self) -> bool {
        matches!(self, Status::Current | Status::DueSoon | Status::Waived)
    }
}

/// What to do next, as data; `i18n` puts it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextAction {
    /// Complete one of these trainings (all of them when `all`), by a date if there is one.
    Complete { trainings: Vec<String>, all: bool, by: Option<Date> },
    /// Renew: the window opens on `opens` and the credential lapses after `by`.
    Renew { opens: Date, by: Date },
    /// More hours by a date (its last day): in total, and per CE category still short.
    MoreHours { total: Hours, by_category: Vec<(CeCategory, Hours)>, by: Date },
    /// An experience pathway: more than `need` work hours within the last `within_months`
    /// months; `worked` so far. Said as the threshold and the hours so far, never as a
    /// fraction of an hour still "missing".
    MoreWorkHours { need: Hours, within_months: u32, worked: Hours },
    /// An experience pathway: `years` of experience within the last `within_years`, with
    /// `days` covered by recorded work so far.
    MoreExperience { years: u32, within_years: u32, days: u32 },
    /// `count` attestations of `kind` on file (`have` so far), within the last `within_years`.
    Attestations { kind: String, count: u32, have: u32, within_years: Option<u32> },
    /// Another requirement must be met first.
    First { requirement_id: String },
    /// The rule counts from the hire date, which is not recorded.
    RecordHireDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub requirement_id: String,
    pub status: Status,
    /// Last day it holds (current, due soon), the deadline (in progress, missing), or the day
    /// it lapsed (expired). `None` when it never expires.
    pub valid_until: Option<Date>,
    pub hours_done: Option<Hours>,
    pub hours_required: Option<Hours>,
    /// The first later date on which the status changes by itself.
    pub changes_on: Option<Date>,
    pub next: Option<NextAction>,
    pub waiver: Option<Waiver>,
    /// Hours rules: the cycle counted (first and last day)…
    pub cycle: Option<(Date, Date)>,
    /// …and, per category with a minimum, the hours done of those required.
    pub categories: Vec<CategoryProgress>,
}

impl Evaluation {
    /// Missing, with nothing known yet: where every evaluation starts.
    pub fn blank(requirement_id: &str) -> Evaluation {
        Evaluation {
            requirement_id: requirement_id.to_owned(),
            status: Status::Missing,
            valid_until: None,
            hours_done: None,
            hours_required: None,
            changes_on: None,
            next: None,
            waiver: None,
            cycle: None,
            categories: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CategoryProgress {
    pub category: CeCategory,
    pub done: Hours,
    pub required: Hours,
}

/// One link of a credential's renewal chain: a counted completion and how long it made the
/// credential last. The chain is history: renewals add links, never replace them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link<'a> {
    /// Borrowed from the completion: building a chain allocates no strings.
    pub completion_id: &'a str,
    pub completed_on: Date,
    /// First day of the validity period this link opened.
    pub period_start: Date,
    pub valid_until: Option<Date>,
    /// A late completion: the chain restarted from its date.
    pub restarted: bool,
}

/// Everything known about one person.
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    pub person: &'a Person,
    pub completions: &'a [Completion],
    pub work_hours: &'a [WorkHours],
    pub waivers: &'a [Waiver],
    /// Evidence on file (letters of recommendation, births supported), for pathways.
    pub attestations: &'a [Attestation],
}

/// The organization-wide context: all requirements (for prerequisites), the effective
/// training catalog (for each training's own validity), and the due-soon window.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub requirements: &'a [Requirement],
    pub trainings: &'a [TrainingType],
    pub due_soon_days: u32,
}

/// Default due-soon window (organizations can change it).
pub const DEFAULT_DUE_SOON_DAYS: u32 = 60;
/// Prerequisite chains deeper than this are treated as unmet (guards against cycles).
const MAX_DEPTH: u8 = 4;

pub fn evaluate(req: &Requirement, facts: Facts, ctx: Context, as_of: Date) -> Evaluation {
    evaluate_at_depth(req, facts, ctx, as_of, 0)
}

fn evaluate_at_depth(req: &Requirement, facts: Facts, ctx: Context, as_of: Date, depth: u8) -> Evaluation {
    let blank = Evaluation::blank(&req.id);
    if let Some(w) = facts.waivers.iter().find(|w| w.requirement_id == req.id && w.active_on(as_of)) {
        return Evaluation {
            status: Status::Waived,
            changes_on: w.until.map(|u| u.add_days(1)),
            waiver: Some(w.clone()),
            ..blank
        };
    }
    // Judged by the rule of its time: the version in force on the "as of" date.
    match req.rule_on(as_of) {
        Rule::Credential(rule) => credential(rule, facts, ctx, as_of, depth, blank),
        Rule::Hours(rule) => hours(rule, req, facts, ctx, as_of, depth, blank),
    }
}

/// A completion of its training by `as_of` (a part attended of a whole course is not).
fn completed_by(c: &Completion, as_of: Date) -> bool {
    c.completes() && c.completed_on <= as_of
}

fn held(req_id: &str, facts: Facts, ctx: Context, on: Date, depth: u8) -> bool {
    if depth >= MAX_DEPTH {
        return false;
    }
    ctx.requirements
        .iter()
        .find(|r| r.id == req_id)
        .is_some_and(|r| evaluate_at_depth(r, facts, ctx, on, depth + 1).status.is_compliant())
}

/// A prerequisite, prepared once per chain: a plain credential's own chain answers "was it
/// held on this date?" directly; anything else (hours, waivers, provisional pathways) is
/// evaluated in full on each date.
enum Prerequisite<'a, 'f> {
    Links { id: &'a str, links: Vec<Link<'f>> },
    Full(&'a str),
}

impl<'a, 'f> Prerequisite<'a, 'f> {
    fn new(id: &'a str, facts: Facts<'f>, ctx: Context, as_of: Date, depth: u8) -> Prerequisite<'a, 'f> {
        let plain = ctx.requirements.iter().find(|r| r.id == id).and_then(|r| match r.rule_on(as_of) {
            Rule::Credential(c) if c.pathways.iter().all(|p| p.provisional_months.is_none() && !p.qualifies) => Some(c),
            _ => None,
        });
        match plain {
            Some(c) if depth < MAX_DEPTH => Prerequisite::Links { id, links: chain_at_depth(c, facts, ctx, as_of, depth + 1) },
            _ => Prerequisite::Full(id),
        }
    }

    fn held_on(&self, on: Date, facts: Facts, ctx: Context, depth: u8) -> bool {
        match self {
            Prerequisite::Links { id, links } => {
                facts.waivers.iter().any(|w| w.requirement_id == *id && w.active_on(on))
                    || links.iter().rev().find(|l| l.completed_on <= on).is_some_and(|l| l.valid_until.is_none_or(|u| u >= on))
            }
            Prerequisite::Full(id) => held(id, facts, ctx, on, depth),
        }
    }
}

/// The renewal chain of a credential from the completions that count by `as_of`.
pub fn chain<'a>(rule: &CredentialRule, facts: Facts<'a>, ctx: Context, as_of: Date) -> Vec<Link<'a>> {
    chain_at_depth(rule, facts, ctx, as_of, 0)
}

fn chain_at_depth<'a>(rule: &CredentialRule, facts: Facts<'a>, ctx: Context, as_of: Date, depth: u8) -> Vec<Link<'a>> {
    // Each prerequisite is worked out once, then asked about each completion's date.
    let prereqs: Vec<Prerequisite> = rule.prerequisites.iter().map(|p| Prerequisite::new(p, facts, ctx, as_of, depth)).collect();
    let mut granting: Vec<&Completion> = Vec::with_capacity(facts.completions.len());
    granting.extend(
        facts
            .completions
            .iter()
            .filter(|c| completed_by(c, as_of) && rule.granted_by.contains(&c.training_id))
            .filter(|c| prereqs.iter().all(|p| p.held_on(c.completed_on, facts, ctx, depth))),
    );
    granting.sort_by(|a, b| a.completed_on.cmp(&b.completed_on).then_with(|| a.id.cmp(&b.id)));
    // The same credential recorded twice on one day is one event.
    granting.dedup_by_key(|c| c.completed_on);

    let mut links: Vec<Link> = Vec::with_capacity(granting.len());
    for c in granting {
        let validity = rule
            .validity
            .or_else(|| ctx.trainings.iter().find(|t| t.id == c.training_id).map(|t| t.validity_on(c.completed_on)))
            .unwrap_or(Validity::Never);
        let own = validity.valid_until(c.completed_on);
        let link = match links.last() {
            None => Link { completion_id: &c.id, completed_on: c.completed_on, period_start: c.completed_on, valid_until: own, restarted: false },
            // A credential that never expires stays held; later completions are kept as history.
            Some(prev) if prev.valid_until.is_none() => Link {
                completion_id: &c.id,
                completed_on: c.completed_on,
                period_start: prev.period_start,
                valid_until: None,
                restarted: false,
            },
            Some(prev) => {
                let until = prev.valid_until.expect("checked above");
                let on_time = c.completed_on <= until.add_days(rule.renewal.grace_days as i32);
                if !on_time {
                    // Late: the chain restarts from this completion's own date.
                    Link { completion_id: &c.id, completed_on: c.completed_on, period_start: c.completed_on, valid_until: own, restarted: true }
                } else if rule.renewal.from_previous_expiry {
                    // On time, counted from the previous expiry, but never reaching further than a
                    // renewal made on the last day of the window would: an early or repeated
                    // record cannot stack whole periods. Never shorter than from its own date.
                    let cap = validity.valid_until(c.completed_on.add_days(rule.renewal.window_days as i32));
                    let from_expiry = match (validity.valid_until(until), cap) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, _) => a,
                    };
                    let new_until = [Some(until), from_expiry, own].into_iter().flatten().max();
                    let start = if c.completed_on <= until { until.add_days(1) } else { c.completed_on };
                    Link { completion_id: &c.id, completed_on: c.completed_on, period_start: start, valid_until: new_until, restarted: false }
                } else {
                    // On time, counted from its own date (AHA: a new card from the class date);
                    // a renewal never shortens what the person already holds.
                    let new_until = [Some(until), own].into_iter().flatten().max();
                    let start = if new_until == Some(until) { prev.period_start } else { c.completed_on };
                    Link { completion_id: &c.id, completed_on: c.completed_on, period_start: start, valid_until: new_until, restarted: false }
                }
            }
        };
        links.push(link);
    }
    links
}

fn credential(rule: &CredentialRule, facts: Facts, ctx: Context, as_of: Date, depth: u8, blank: Evaluation) -> Evaluation {
    let links = chain_at_depth(rule, facts, ctx, as_of, depth);
    if let Some(last) = links.last() {
        return held_until(last.valid_until, rule, ctx, as_of, blank, false);
    }
    // Not held. A met pathway that qualifies by itself counts as held; a met provisional one
    // (work experience) counts as held for a while, with the granting training due.
    for p in rule.pathways.iter().filter(|p| p.provisional_months.is_some() || p.qualifies) {
        let Some(met_on) = pathway_met_on(p, facts, as_of) else { continue };
        if p.qualifies {
            return Evaluation { status: Status::Current, ..blank };
        }
        let start = match p.provisional_clock {
            ProvisionalClock::PathwayMet => met_on,
            ProvisionalClock::HireDate => facts.person.hire_date.unwrap_or(met_on),
        };
        let until = start.add_months(p.provisional_months.unwrap_or(0) as i32).add_days(-1);
        return held_until(Some(until), rule, ctx, as_of, blank, true);
    }
    let unmet_prereq = rule.prerequisites.iter().find(|p| !held(p, facts, ctx, as_of, depth));
    let deadline = rule
        .due_within_days_of_hire
        .and_then(|days| facts.person.hire_date.map(|h| h.add_days(days as i32)));
    if let Some(prereq) = unmet_prereq {
        return Evaluation { next: Some(NextAction::First { requirement_id: prereq.clone() }), valid_until: deadline, ..blank };
    }
    // The most advanced pathway: the mean of how far each of its parts has come.
    let best = rule
        .pathways
        .iter()
        .map(|p| (p, pathway_progress(p, facts, ctx, as_of)))
        .max_by(|(_, a), (_, b)| a.fraction.total_cmp(&b.fraction));
    let overdue = deadline.is_some_and(|d| as_of > d);
    // A passed deadline is not a date to do it by: an overdue step just says what to do.
    let by = deadline.filter(|_| !overdue);
    match best {
        Some((p, progress)) if progress.fraction > 0.0 => Evaluation {
            status: if overdue { Status::Expired } else { Status::InProgress },
            hours_done: progress.hours.map(|(done, _)| done),
            hours_required: progress.hours.map(|(_, required)| required),
            valid_until: deadline,
            changes_on: deadline.filter(|d| *d >= as_of).map(|d| d.add_days(1)),
            next: progress.next.or_else(|| Some(NextAction::Complete { trainings: p.trainings.clone(), all: true, by })),
            ..blank
        },
        _ => Evaluation {
            status: if overdue { Status::Expired } else { Status::Missing },
            valid_until: deadline,
            changes_on: deadline.filter(|d| *d >= as_of).map(|d| d.add_days(1)),
            next: Some(NextAction::Complete { trainings: rule.granted_by.clone(), all: false, by }),
            ..blank
        },
    }
}

/// Status of something held until `until` (inclusive), as of `as_of`.
fn held_until(until: Option<Date>, rule: &CredentialRule, ctx: Context, as_of: Date, blank: Evaluation, provisional: bool) -> Evaluation {
    let Some(until) = until else {
        return Evaluation { status: Status::Current, ..blank };
    };
    let renew = if provisional {
        NextAction::Complete { trainings: rule.granted_by.clone(), all: false, by: Some(until) }
    } else {
        NextAction::Renew { opens: until.add_days(-(rule.renewal.window_days.max(1) as i32) + 1), by: until }
    };
    if as_of > until {
        let grace_end = until.add_days(rule.renewal.grace_days as i32);
        let next = if as_of <= grace_end && !provisional {
            NextAction::Renew { opens: until.add_days(1), by: grace_end }
        } else {
            NextAction::Complete { trainings: rule.granted_by.clone(), all: false, by: None }
        };
        return Evaluation { status: Status::Expired, valid_until: Some(until), next: Some(next), ..blank };
    }
    let due_soon_from = until.add_days(-(ctx.due_soon_days as i32) + 1);
    if as_of >= due_soon_from {
        Evaluation { status: Status::DueSoon, valid_until: Some(until), changes_on: Some(until.add_days(1)), next: Some(renew), ..blank }
    } else {
        Evaluation { status: Status::Current, valid_until: Some(until), changes_on: Some(due_soon_from), next: Some(renew), ..blank }
    }
}

fn work_hours_in(facts: Facts, from: Date, to: Date) -> Hours {
    facts.work_hours.iter().filter(|w| !w.removed && w.person_id == facts.person.id && w.to >= from && w.to <= to).map(|w| w.hours).sum()
}

/// Days covered by recorded work periods between two dates (overlaps counted once).
fn experience_days(facts: Facts, from: Date, to: Date) -> u32 {
    let mut spans: Vec<(Date, Date)> = facts
        .work_hours
        .iter()
        .filter(|w| !w.removed && w.person_id == facts.person.id && w.to >= from && w.from <= to)
        .map(|w| (w.from.max(from), w.to.min(to)))
        .collect();
    spans.sort();
    let mut days = 0;
    let mut reached: Option<Date> = None;
    for (start, end) in spans {
        let start = reached.map_or(start, |r| start.max(r.add_days(1)));
        if start <= end {
            days += start.days_until(end) as u32 + 1;
            reached = Some(end);
        }
    }
    days
}

/// Years back from `on`, as days: "5 years" is the calendar span, leap days included.
fn years_in_days(on: Date, years: u32) -> u32 {
    on.add_months(-(years as i32 * 12)).days_until(on).max(0) as u32
}

fn attestations_of(facts: Facts, kind: &str, within_years: Option<u32>, on: Date) -> u32 {
    let since = within_years.map(|y| on.add_months(-(y as i32 * 12)).add_days(1));
    facts.attestations.iter().filter(|a| a.counts() && a.kind == kind && a.on <= on && since.is_none_or(|s| a.on >= s)).count() as u32
}

/// The first date on or before `as_of` from which the pathway has been met, if it is met.
fn pathway_met_on(p: &Pathway, facts: Facts, as_of: Date) -> Option<Date> {
    let met = |on: Date| {
        p.trainings.iter().all(|t| facts.completions.iter().any(|c| completed_by(c, on) && &c.training_id == t))
            && p.work_hours.is_none_or(|need| work_hours_in(facts, on.add_months(-(need.within_months as i32)).add_days(1), on) > need.hours)
            && p.experience.is_none_or(|x| {
                let window = on.add_months(-(x.within_years as i32 * 12)).add_days(1);
                experience_days(facts, window, on) >= years_in_days(on, x.years)
            })
            && p.attestations.iter().all(|a| attestations_of(facts, &a.kind, a.within_years, on) >= a.count)
    };
    if !met(as_of) {
        return None;
    }
    let mut candidates: Vec<Date> = facts
        .completions
        .iter()
        .filter(|c| completed_by(c, as_of))
        .map(|c| c.completed_on)
        .chain(facts.work_hours.iter().map(|w| w.to).filter(|d| *d <= as_of))
        .chain(facts.attestations.iter().map(|a| a.on).filter(|d| *d <= as_of))
        .collect();
    candidates.sort();
    candidates.into_iter().find(|d| met(*d)).or(Some(as_of))
}

/// How far a person has come along one pathway.
struct PathwayProgress {
    /// The mean, over the pathway's parts (its trainings, work hours, experience, each kind
    /// of attestation), of the share of each part done: the pathway furthest along is shown.
    fraction: f64,
    /// Hours of training and work done of those required, when the pathway counts hours.
    hours: Option<(Hours, Hours)>,
    next: Option<NextAction>,
}

fn share(done: f64, required: f64) -> f64 {
    if required <= 0.0 { 1.0 } else { (done / required).min(1.0) }
}

/// Progress along a pathway, and the next step.
fn pathway_progress(p: &Pathway, facts: Facts, ctx: Context, as_of: Date) -> PathwayProgress {
    let mut parts = Vec::new();
    let mut done = Hours::ZERO;
    let mut required = Hours::ZERO;
    let mut remaining = Vec::new();
    // Courses count by their hours; an exam is a step passed or not, never hours of training.
    let (mut exams, mut exams_passed) = (0u32, 0u32);
    for t in &p.trainings {
        let training = ctx.trainings.iter().find(|x| &x.id == t);
        let passed = facts.completions.iter().filter(|c| completed_by(c, as_of) && &c.training_id == t).map(|c| c.hours).max();
        if training.is_some_and(|x| x.exam) {
            exams += 1;
            exams_passed += u32::from(passed.is_some());
            if passed.is_none() {
                remaining.push(t.clone());
            }
            continue;
        }
        let need = training.map(|x| x.typical_hours).unwrap_or(Hours::whole(1));
        required = required + need;
        match passed {
            Some(got) if got > Hours::ZERO => done = done + got.min(need),
            _ => remaining.push(t.clone()),
        }
    }
    if required > Hours::ZERO {
        parts.push(share(done.hundredths() as f64, required.hundredths() as f64));
    }
    if exams > 0 {
        parts.push(share(exams_passed as f64, exams as f64));
    }
    let mut next = (!remaining.is_empty()).then(|| NextAction::Complete { trainings: remaining, all: true, by: None });
    if let Some(need) = p.work_hours {
        let worked = work_hours_in(facts, as_of.add_months(-(need.within_months as i32)).add_days(1), as_of);
        required = required + need.hours;
        done = done + worked.min(need.hours);
        parts.push(share(worked.hundredths() as f64, need.hours.hundredths() as f64));
        if worked <= need.hours && next.is_none() {
            next = Some(NextAction::MoreWorkHours { need: need.hours, within_months: need.within_months, worked });
        }
    }
    if let Some(x) = p.experience {
        let have = experience_days(facts, as_of.add_months(-(x.within_years as i32 * 12)).add_days(1), as_of);
        let need = years_in_days(as_of, x.years);
        parts.push(share(have as f64, need as f64));
        if have < need && next.is_none() {
            next = Some(NextAction::MoreExperience { years: x.years, within_years: x.within_years, days: have });
        }
    }
    for a in &p.attestations {
        let have = attestations_of(facts, &a.kind, a.within_years, as_of);
        parts.push(share(have as f64, a.count as f64));
        if have < a.count && next.is_none() {
            next = Some(NextAction::Attestations { kind: a.kind.clone(), count: a.count, have, within_years: a.within_years });
        }
    }
    let fraction = if parts.is_empty() { 0.0 } else { parts.iter().sum::<f64>() / parts.len() as f64 };
    PathwayProgress { fraction, hours: (required > Hours::ZERO).then_some((done, required)), next }
}

/// A cycle's first and last day.
type Span = (Date, Date);

/// The cycle a person is judged on as of `as_of`, and the one before it when they were
/// subject to it, or why there is none.
///
/// Calendar and from-hire cycles start on fixed boundaries. A person's obligation starts on
/// their hire date (or the day the requirement took effect, if later): a part-cycle before
/// the first full cycle is not a cycle of its own but the start of the first one, so a CHW
/// hired in November has until the end of the following year, and hours done in November
/// count toward it. Without a hire date the person is taken to have been subject to every
/// earlier cycle. A credential's periods follow its renewal chain instead.
fn cycle_for(rule: &HoursRule, facts: Facts, ctx: Context, as_of: Date, depth: u8, effective_from: Option<Date>) -> Result<(Span, Option<Span>), NextAction> {
    // The span of `months`-long cycles from `anchor` that contains `day`.
    let span_at = |anchor: Date, months: u32, day: Date| -> Span {
        let months = months.max(1) as i32;
        let (ay, am, _) = anchor.ymd();
        let (y, m, _) = day.ymd();
        let mut k = ((y * 12 + m as i32) - (ay * 12 + am as i32)).div_euclid(months);
        // The anchor's day of month matters: step back while the cycle starts after `day`.
        while anchor.add_months(k * months) > day {
            k -= 1;
        }
        while anchor.add_months((k + 1) * months) <= day {
            k += 1;
        }
        (anchor.add_months(k * months), anchor.add_months((k + 1) * months).add_days(-1))
    };
    let fixed = |anchor: Date, months: u32, obligation: Option<Date>| -> (Span, Option<Span>) {
        let current = span_at(anchor, months, as_of);
        let previous = span_at(anchor, months, current.0.add_days(-1));
        let Some(from) = obligation else {
            return (current, Some(previous));
        };
        let containing = span_at(anchor, months, from);
        let first_full = if containing.0 == from { containing } else { span_at(anchor, months, containing.1.add_days(1)) };
        if as_of < first_full.0 {
            // In the part-cycle (or before the obligation starts): the first cycle runs on to
            // the end of the first full one.
            (( from, first_full.1), None)
        } else if current.0 == first_full.0 {
            ((from.min(current.0), current.1), None)
        } else if previous.0 == first_full.0 {
            (current, Some((from.min(previous.0), previous.1)))
        } else {
            (current, Some(previous))
        }
    };
    let obligation = |hire: Option<Date>| match (hire, effective_from) {
        (Some(h), Some(e)) => Some(h.max(e)),
        (h, e) => h.or(e),
    };
    match &rule.cycle {
        Cycle::Calendar { months, start_month } => {
            let anchor = Date::from_ymd_opt(2000, (*start_month).clamp(1, 12), 1).expect("valid");
            Ok(fixed(anchor, *months, obligation(facts.person.hire_date)))
        }
        Cycle::FromHire { months } => match facts.person.hire_date {
            Some(hire) => Ok(fixed(hire, *months, obligation(Some(hire)))),
            None => Err(NextAction::RecordHireDate),
        },
        Cycle::Credential { requirement_id, months } => {
            let Some(Rule::Credential(cred)) = ctx.requirements.iter().find(|r| &r.id == requirement_id).map(|r| r.rule_on(as_of)) else {
                return Err(NextAction::First { requirement_id: requirement_id.clone() });
            };
            if depth >= MAX_DEPTH {
                return Err(NextAction::First { requirement_id: requirement_id.clone() });
            }
            let links = chain_at_depth(cred, facts, ctx, as_of, depth + 1);
            let span = |l: &Link| (l.period_start, l.valid_until.unwrap_or_else(|| l.period_start.add_months(*months as i32).add_days(-1)));
            // The period that contains `as_of`: after an early renewal the newest period has
            // not begun yet, and the CE still due belongs to the one running now.
            let current = links
                .iter()
                .rev()
                .map(span)
                .find(|(start, end)| *start <= as_of && as_of <= *end)
                .or_else(|| links.last().filter(|l| l.valid_until.is_none_or(|u| u >= as_of)).map(span));
            match current {
                Some(current) => {
                    // The period before: the latest link that ended the day before this one
                    // began. After a lapse the chain restarted, and the old period's hours are
                    // not owed any more.
                    let previous = links.iter().rev().map(span).find(|(_, end)| end.add_days(1) == current.0);
                    Ok((current, previous.filter(|p| effective_from.is_none_or(|e| e <= p.0))))
                }
                None => Err(NextAction::First { requirement_id: requirement_id.clone() }),
            }
        }
    }
}

/// Hours that count toward `rule` between two dates (inclusive), in total and per category.
fn counted_hours(rule: &HoursRule, facts: Facts, from: Date, to: Date) -> (Hours, Vec<(CeCategory, Hours)>) {
    let mut chosen: Vec<&Completion> = Vec::new();
    for c in facts.completions.iter().filter(|c| c.counts() && c.completed_on >= from && c.completed_on <= to) {
        let by_category = !rule.support && c.ce_category.is_some_and(|k| rule.categories.is_empty() || rule.categories.contains(&k));
        if !((rule.any_training && !rule.support) || by_category || rule.trainings.contains(&c.training_id)) {
            continue;
        }
        if !rule.same_training_counts_twice {
            if let Some(i) = chosen.iter().position(|x| x.training_id == c.training_id) {
                if c.hours > chosen[i].hours {
                    chosen[i] = c;
                }
                continue;
            }
        }
        chosen.push(c);
    }
    let total = chosen.iter().map(|c| c.hours).sum();
    let per = rule
        .minimums
        .iter()
        .map(|m| (m.category, chosen.iter().filter(|c| c.ce_category == Some(m.category)).map(|c| c.hours).sum()))
        .collect();
    (total, per)
}

fn shortfall(rule: &HoursRule, total: Hours, per: &[(CeCategory, Hours)]) -> (Hours, Vec<(CeCategory, Hours)>) {
    let by_category: Vec<(CeCategory, Hours)> = rule
        .minimums
        .iter()
        .zip(per)
        .filter_map(|(m, (_, got))| (*got < m.hours).then(|| (m.category, m.hours.saturating_sub(*got))))
        .collect();
    (rule.hours.saturating_sub(total), by_category)
}

/// Were a cycle's hours done? Judged by the rule in force on the cycle's last day, if the
/// requirement counted hours then (a rule changed since does not rewrite that cycle).
fn met(rule: &HoursRule, req: &Requirement, facts: Facts, (from, to): Span) -> bool {
    let rule = match req.rule_on(to) {
        Rule::Hours(then) => then,
        Rule::Credential(_) => rule,
    };
    let (total, per) = counted_hours(rule, facts, from, to);
    let (short, by_category) = shortfall(rule, total, &per);
    short == Hours::ZERO && by_category.is_empty()
}

/// Hours per cycle. The rule, at every cycle boundary (written out in `docs/compliance-csv.md`):
/// - this cycle met: current; it holds until the end of the next cycle, the next deadline
///   (a credential's period: until the period ends, where the renewal takes over);
/// - this cycle not met yet, the previous one met (or never owed): in good standing until this
///   cycle's last day if the previous was met; missing or in progress, due by that day, if this
///   is the person's first cycle;
/// - this cycle not met yet and the previous one missed, in part or in full: expired, lapsed
///   after the previous cycle's last day, until this cycle's hours are done.
fn hours(rule: &HoursRule, req: &Requirement, facts: Facts, ctx: Context, as_of: Date, depth: u8, blank: Evaluation) -> Evaluation {
    let effective_from = req.effective_from;
    let blank = Evaluation { hours_required: Some(rule.hours), ..blank };
    let ((start, end), previous) = match cycle_for(rule, facts, ctx, as_of, depth, effective_from) {
        Ok(cycles) => cycles,
        Err(next) => return Evaluation { next: Some(next), hours_done: Some(Hours::ZERO), ..blank },
    };
    let (total, per) = counted_hours(rule, facts, start, as_of);
    let (short, short_by_category) = shortfall(rule, total, &per);
    let categories = rule
        .minimums
        .iter()
        .zip(&per)
        .map(|(m, (_, done))| CategoryProgress { category: m.category, done: *done, required: m.hours })
        .collect();
    let blank = Evaluation { cycle: Some((start, end)), hours_done: Some(total), categories, ..blank };
    let met_now = short == Hours::ZERO && short_by_category.is_empty();
    let more = NextAction::MoreHours { total: short, by_category: short_by_category, by: end };
    // Current or due soon, holding until `until`.
    let standing = |until: Date, next: Option<NextAction>| {
        let due_soon_from = until.add_days(-(ctx.due_soon_days as i32) + 1);
        let status = if as_of >= due_soon_from { Status::DueSoon } else { Status::Current };
        let changes_on = if as_of >= due_soon_from { until.add_days(1) } else { due_soon_from };
        Evaluation { status, valid_until: Some(until), changes_on: Some(changes_on), next, ..blank.clone() }
    };
    if met_now {
        return match rule.cycle {
            // The credential's period ends with it; the CE of the next period is judged then.
            Cycle::Credential { .. } => Evaluation { status: Status::Current, valid_until: Some(end), changes_on: Some(end.add_days(1)), ..blank },
            _ => {
                let (_, next_end) = match cycle_for(rule, facts, ctx, end.add_days(1), depth, effective_from) {
                    Ok((next, _)) => next,
                    Err(_) => (start, end),
                };
                standing(next_end, None)
            }
        };
    }
    match previous {
        Some(p) if !met(rule, req, facts, p) => Evaluation { status: Status::Expired, valid_until: Some(p.1), changes_on: None, next: Some(more), ..blank },
        Some(_) => standing(end, Some(more)),
        None => Evaluation {
            status: if total == Hours::ZERO { Status::Missing } else { Status::InProgress },
            valid_until: Some(end),
            changes_on: Some(end.add_days(1)),
            next: Some(more),
            ..blank
        },
    }
}

/// Is this an expired calendar cycle that was owed only because the person has no hire date?
/// Without one, every earlier calendar cycle counts (docs/compliance-csv.md); the screen says
/// how to exempt someone who started later. From-hire cycles need the date anyway, and a
/// credential's periods do not depend on it.
pub fn expired_for_want_of_hire_date(e: &Evaluation, req: &Requirement, person: &Person, as_of: Date) -> bool {
    e.status == Status::Expired
        && person.hire_date.is_none()
        && matches!(req.rule_on(as_of), Rule::Hours(HoursRule { cycle: Cycle::Calendar { .. }, .. }))
}

/// Evaluates every requirement that applies to the person.
pub fn evaluate_all(facts: Facts, ctx: Context, as_of: Date) -> Vec<Evaluation> {
    ctx.requirements
        .iter()
        .filter(|r| r.applies_to(facts.person.worker_type) && r.effective_from.is_none_or(|d| d <= as_of))
        .map(|r| evaluate(r, facts, ctx, as_of))
        .collect()
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
