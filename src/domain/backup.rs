//! The full backup file (docs/backup.md): every record of every store in one versioned JSON
//! envelope, and reading one back with a clear reason when it cannot be used. Restoring
//! replaces everything in one transaction (`store::Db::restore`), after a preview of what
//! would change (`preview`).

use super::ladders::board::PromotionPlan;
use super::ladders::ladder::Ladder;
use super::ladders::pay::{PayGrade, PayPolicy, WageFloor};
use super::merge::Stamp;
use super::person::Person;
use super::person_records::PersonRecords;
use super::requirement::Requirement;
use super::settings::Settings;
use super::training::TrainingType;
use super::curricula::plan::KeyedRecord;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

pub const FORMAT: &str = "escalera-backup";
/// The version of this file's layout; a newer one is refused with the version it needs.
pub const FORMAT_VERSION: u32 = 2;

/// Everything the app stores: the stored records only (built-in trainings and presets that
/// were never customised are part of the app, not of the data).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupData {
    pub settings: Settings,
    pub people: Vec<Person>,
    pub files: Vec<PersonRecords>,
    pub training_types: Vec<TrainingType>,
    pub requirements: Vec<Requirement>,
    pub ladders: Vec<Ladder>,
    pub pay_grades: Vec<PayGrade>,
    pub wage_floors: Vec<WageFloor>,
    pub promotion_plans: Vec<PromotionPlan>,
    pub pay_policy: Option<PayPolicy>,
    /// When each record kept in its own store last changed (`domain::merge`).
    pub changes: Vec<Stamp>,
    /// A trainer's records (since data version 7).
    pub training: Vec<KeyedRecord>,
}

/// The first keys of a file, read before the rest: is it a backup, and of which version?
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u64>,
    schema_version: Option<u64>,
}

/// A person's document in the file is `{"person_id": …, "completions": […], …}`: its text is
/// handed to `PersonRecords::from_json` as it is (no intermediate JSON tree: a smaller bundle).
#[derive(Deserialize)]
struct FileId {
    person_id: String,
}

#[derive(Serialize, Deserialize)]
struct Envelope<F> {
    format: String,
    format_version: u32,
    schema_version: u32,
    app_version: String,
    exported_at: String,
    counts: BTreeMap<String, usize>,
    settings: Settings,
    people: Vec<Person>,
    person_records: Vec<F>,
    training_types: Vec<TrainingType>,
    requirements: Vec<Requirement>,
    ladders: Vec<Ladder>,
    pay_grades: Vec<PayGrade>,
    wage_floors: Vec<WageFloor>,
    promotion_plans: Vec<PromotionPlan>,
    pay_policy: Option<PayPolicy>,
    /// Since format version 2; a version 1 file has none.
    #[serde(default)]
    changes: Vec<Stamp>,
    /// Since data (schema) version 7; older files have none.
    #[serde(default)]
    training_plans: Vec<KeyedRecord>,
}

/// A person's document as the file writes it: the stored form with `person_id` in front.
fn file_entry(file: &PersonRecords) -> Box<serde_json::value::RawValue> {
    let stored = file.to_json();
    let id = serde_json::to_string(&file.person_id).unwrap_or_default();
    let body = stored.trim_start().strip_prefix('{').unwrap_or("}");
    let text = if body.trim_start().starts_with('}') { format!("{{\"person_id\":{id}}}") } else { format!("{{\"person_id\":{id},{body}") };
    serde_json::value::RawValue::from_string(text).unwrap_or_else(|_| unreachable!("built from JSON"))
}

/// The kinds of record, in the order the preview lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    People,
    PersonRecords,
    TrainingTypes,
    Requirements,
    Ladders,
    PayGrades,
    WageFloors,
    PromotionPlans,
    TrainingPlans,
}

impl Kind {
    pub const ALL: [Kind; 9] =
        [Kind::People, Kind::PersonRecords, Kind::TrainingTypes, Kind::Requirements, Kind::Ladders, Kind::PayGrades, Kind::WageFloors, Kind::PromotionPlans, Kind::TrainingPlans];

    pub fn code(self) -> &'static str {
        match self {
            Kind::People => "people",
            Kind::PersonRecords => "person_records",
            Kind::TrainingTypes => "training_types",
            Kind::Requirements => "requirements",
            Kind::Ladders => "ladders",
            Kind::PayGrades => "pay_grades",
            Kind::WageFloors => "wage_floors",
            Kind::PromotionPlans => "promotion_plans",
            Kind::TrainingPlans => "training_plans",
        }
    }
}

/// Why a file cannot be restored; nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    Empty,
    NotJson { line: usize, column: usize },
    NotABackup,
    NewerFormat { version: u32 },
    NewerSchema { version: u32 },
    /// A record is not what the format says (a date like 2025-02-30, hours as text…).
    Invalid { detail: String },
    DuplicateId { kind: Kind, id: String },
    /// A record the forms would refuse (`domain::intake`): whose or which, and why.
    BreaksRule { what: String, field: super::form::Field, problem: super::form::Problem },
}

impl BackupData {
    /// The ids of one kind of record, in order.
    fn keys(&self, kind: Kind) -> Vec<&str> {
        match kind {
            Kind::People => self.people.iter().map(|x| x.id.as_str()).collect(),
            Kind::PersonRecords => self.files.iter().map(|x| x.person_id.as_str()).collect(),
            Kind::TrainingTypes => self.training_types.iter().map(|x| x.id.as_str()).collect(),
            Kind::Requirements => self.requirements.iter().map(|x| x.id.as_str()).collect(),
            Kind::Ladders => self.ladders.iter().map(|x| x.id.as_str()).collect(),
            Kind::PayGrades => self.pay_grades.iter().map(|x| x.id.as_str()).collect(),
            Kind::WageFloors => self.wage_floors.iter().map(|x| x.id.as_str()).collect(),
            Kind::PromotionPlans => self.promotion_plans.iter().map(|x| x.id.as_str()).collect(),
            Kind::TrainingPlans => self.training.iter().map(|x| x.key.as_str()).collect(),
        }
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.keys(kind).len()
    }

    /// This backup's data, keeping the device's own backup facts (when it last backed up,
    /// since when it holds data, how often it reminds): they describe the device, not the
    /// data, so a restore does not change them.
    pub fn keeping_device_facts_of(mut self, here: &Settings) -> BackupData {
        self.settings.last_backup_on = here.last_backup_on;
        self.settings.keeping_since = here.keeping_since;
        self.settings.backup_reminder_days = here.backup_reminder_days;
        self
    }

    /// The file's text. `schema_version` is the store's; `exported_at` an ISO date and time.
    pub fn to_file(&self, schema_version: u32, app_version: &str, exported_at: &str) -> String {
        let counts = Kind::ALL.iter().map(|k| (k.code().to_owned(), self.count(*k))).collect();
        let envelope: Envelope<Box<serde_json::value::RawValue>> = Envelope {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            schema_version,
            app_version: app_version.into(),
            exported_at: exported_at.into(),
            counts,
            settings: self.settings.clone(),
            people: self.people.clone(),
            person_records: self.files.iter().map(file_entry).collect(),
            training_types: self.training_types.clone(),
            requirements: self.requirements.clone(),
            ladders: self.ladders.clone(),
            pay_grades: self.pay_grades.clone(),
            wage_floors: self.wage_floors.clone(),
            promotion_plans: self.promotion_plans.clone(),
            pay_policy: self.pay_policy.clone(),
            changes: self.changes.clone(),
            training_plans: self.training.clone(),
        };
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// Reads a backup written by this or an earlier version, or says why it cannot.
    /// `schema_version` is the store's current one.
    pub fn from_file(text: &str, schema_version: u32) -> Result<BackupData, BackupProblem> {
        let mut reading = Reading::open(text, schema_version)?;
        reading.read_some(usize::MAX)?;
        reading.finish()
    }
}

/// A backup being read in steps, so that a large file never holds the page for long: `open`
/// reads the envelope and every kind of record but people's documents (kept as their text),
/// `read_some` reads a few documents at a time (the bulk of a file), `finish` checks the ids
/// and every record against the forms' rules.
pub struct Reading<'t> {
    data: BackupData,
    // Each document's text, borrowed from the file's (not copied).
    pending: std::vec::IntoIter<&'t serde_json::value::RawValue>,
    total: usize,
}

impl<'t> Reading<'t> {
    /// One pass over the text when it is a good backup; a file that is not gets the reason
    /// the slower checks give (`check_envelope`), in the same order as always: not JSON, not a
    /// backup, a newer format, a newer data version, then the invalid record.
    pub fn open(text: &'t str, schema_version: u32) -> Result<Reading<'t>, BackupProblem> {
        let envelope: Envelope<&'t serde_json::value::RawValue> = match serde_json::from_str(text) {
            Ok(envelope) => envelope,
            Err(e) => {
                if let Some(v) = check_envelope(text, FORMAT, FORMAT_VERSION)?.filter(|v| *v > schema_version) {
                    return Err(BackupProblem::NewerSchema { version: v });
                }
                return Err(BackupProblem::Invalid { detail: e.to_string() });
            }
        };
        if envelope.format != FORMAT {
            return Err(BackupProblem::NotABackup);
        }
        if envelope.format_version > FORMAT_VERSION {
            return Err(BackupProblem::NewerFormat { version: envelope.format_version });
        }
        if envelope.schema_version > schema_version {
            return Err(BackupProblem::NewerSchema { version: envelope.schema_version });
        }
        let total = envelope.person_records.len();
        let data = BackupData {
            settings: envelope.settings,
            people: envelope.people,
            files: Vec::with_capacity(total),
            training_types: envelope.training_types,
            requirements: envelope.requirements,
            ladders: envelope.ladders,
            pay_grades: envelope.pay_grades,
            wage_floors: envelope.wage_floors,
            promotion_plans: envelope.promotion_plans,
            pay_policy: envelope.pay_policy,
            changes: envelope.changes,
            training: envelope.training_plans,
        };
        Ok(Reading { data, pending: envelope.person_records.into_iter(), total })
    }

    /// People's documents in the file, and how many are read so far.
    pub fn progress(&self) -> (usize, usize) {
        (self.data.files.len(), self.total)
    }

    /// Reads up to `n` more people's documents.
    pub fn read_some(&mut self, n: usize) -> Result<(), BackupProblem> {
        for entry in self.pending.by_ref().take(n) {
            let invalid = |e: serde_json::Error| BackupProblem::Invalid { detail: format!("person_records: {e}") };
            let id: FileId = serde_json::from_str(entry.get()).map_err(invalid)?;
            self.data.files.push(PersonRecords::from_json(&id.person_id, entry.get()).map_err(invalid)?);
        }
        Ok(())
    }

    /// The data, once every document is read and no id is there twice.
    pub fn finish(mut self) -> Result<BackupData, BackupProblem> {
        self.read_some(usize::MAX)?;
        for kind in Kind::ALL {
            let mut seen = HashSet::new();
            if let Some(id) = self.data.keys(kind).into_iter().find(|id| !seen.insert(*id)) {
                return Err(BackupProblem::DuplicateId { kind, id: id.to_owned() });
            }
        }
        super::intake::check(&self.data)?;
        Ok(self.data)
    }
}

/// The checks every file this app reads starts with (a backup, a person's record): not empty,
/// JSON, of the expected `format`, and of a format version this app reads. Returns the file's
/// data (schema) version, if it names one.
pub(crate) fn check_envelope(text: &str, format: &str, format_version: u32) -> Result<Option<u32>, BackupProblem> {
    if text.trim().is_empty() {
        return Err(BackupProblem::Empty);
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| BackupProblem::NotJson { line: e.line(), column: e.column() })?;
    let header: Header = serde_json::from_str(text).map_err(|_| BackupProblem::NotABackup)?;
    if header.format.as_deref() != Some(format) {
        return Err(BackupProblem::NotABackup);
    }
    let version = |v: Option<u64>| v.map(|v| v.min(u32::MAX as u64) as u32);
    match version(header.format_version) {
        Some(v) if v > format_version => Err(BackupProblem::NewerFormat { version: v }),
        None => Err(BackupProblem::NotABackup),
        _ => Ok(version(header.schema_version)),
    }
}

/// What restoring `incoming` in place of `current` would do, per kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// In the file.
    pub incoming: usize,
    /// Not on this device yet.
    pub new: usize,
    /// On this device, different in the file.
    pub changed: usize,
    /// On this device, not in the file: gone after a replace.
    pub removed: usize,
}

pub fn preview(current: &BackupData, incoming: &BackupData) -> Vec<(Kind, Change)> {
    /// Compared as values (not as text): a large backup's preview is a few hash lookups.
    fn change<T: PartialEq>(here: &[T], there: &[T], id: impl Fn(&T) -> &str) -> Change {
        let by_id: HashMap<&str, &T> = here.iter().map(|x| (id(x), x)).collect();
        let mut change = Change { incoming: there.len(), ..Change::default() };
        for x in there {
            match by_id.get(id(x)) {
                None => change.new += 1,
                Some(h) if *h != x => change.changed += 1,
                Some(_) => {}
            }
        }
        let there_ids: HashSet<&str> = there.iter().map(&id).collect();
        change.removed = by_id.keys().filter(|id| !there_ids.contains(*id)).count();
        change
    }
    let (h, t) = (current, incoming);
    Kind::ALL
        .iter()
        .map(|kind| {
            let c = match kind {
                Kind::People => change(&h.people, &t.people, |x| &x.id),
                Kind::PersonRecords => change(&h.files, &t.files, |x| &x.person_id),
                Kind::TrainingTypes => change(&h.training_types, &t.training_types, |x| &x.id),
                Kind::Requirements => change(&h.requirements, &t.requirements, |x| &x.id),
                Kind::Ladders => change(&h.ladders, &t.ladders, |x| &x.id),
                Kind::PayGrades => change(&h.pay_grades, &t.pay_grades, |x| &x.id),
                Kind::WageFloors => change(&h.wage_floors, &t.wage_floors, |x| &x.id),
                Kind::PromotionPlans => change(&h.promotion_plans, &t.promotion_plans, |x| &x.id),
                Kind::TrainingPlans => change(&h.training, &t.training, |x| &x.key),
            };
            (*kind, c)
        })
        .collect()
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
