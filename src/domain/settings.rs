//! How this copy of Escalera is used. Both modes share one data model: "my own record" is
//! an organization of one whose home page is that person's page.

use super::person::Person;
use serde::{Deserialize, Serialize};

/// Stored as `{"mode": "personal", "person_id": ...}` or `{"mode": "organization"}` through
/// `ModeRecord` (a flat struct: no tagged-enum buffering in the bundle).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ModeRecord", into = "ModeRecord")]
pub enum Mode {
    /// A peer or CHW tracking themself; `person_id` is their own record once created.
    Personal { person_id: Option<String> },
    /// An HR coordinator, program manager or trainer tracking many people.
    Organization,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ModeKind {
    Personal,
    Organization,
}

#[derive(Clone, Serialize, Deserialize)]
struct ModeRecord {
    mode: ModeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    person_id: Option<String>,
}

impl From<Mode> for ModeRecord {
    fn from(m: Mode) -> ModeRecord {
        match m {
            Mode::Personal { person_id } => ModeRecord { mode: ModeKind::Personal, person_id },
            Mode::Organization => ModeRecord { mode: ModeKind::Organization, person_id: None },
        }
    }
}

impl From<ModeRecord> for Mode {
    fn from(r: ModeRecord) -> Mode {
        match r.mode {
            ModeKind::Personal => Mode::Personal { person_id: r.person_id },
            ModeKind::Organization => Mode::Organization,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// `None` until the first-run choice is made.
    #[serde(default)]
    pub mode: Option<Mode>,
    /// Days before expiry from which a credential shows as due soon.
    #[serde(default = "default_due_soon_days")]
    pub due_soon_days: u32,
    /// The day a backup was last downloaded on this device (kept through a restore: it is a
    /// fact about this device, not part of the data).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::date::iso_opt")]
    pub last_backup_on: Option<super::date::Date>,
    /// Days without a backup after which the app reminds, once there is data worth keeping.
    #[serde(default = "default_backup_reminder_days")]
    pub backup_reminder_days: u32,
    /// The first day this device held data: with no backup yet, the reminder period counts
    /// from then (a new user is not asked to back up in their first minutes).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::date::iso_opt")]
    pub keeping_since: Option<super::date::Date>,
    /// CSV files start with a byte-order mark, so Excel on Windows reads accents right
    /// (LibreOffice, Numbers and Google Sheets read UTF-8 either way).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub csv_bom: bool,
    /// The data is the shipped example organization: a banner says so, and removing it
    /// returns to the first-run choice.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub example_data: bool,
    /// The organization's name, as its printed sheets, credentials and record files say it
    /// (Settings; empty: each person's own "organization" field is used).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organization_name: String,
}

/// The usual reminder period; Settings can change it.
pub const DEFAULT_BACKUP_REMINDER_DAYS: u32 = 30;

fn default_backup_reminder_days() -> u32 {
    DEFAULT_BACKUP_REMINDER_DAYS
}

fn default_due_soon_days() -> u32 {
    crate::domain::status::DEFAULT_DUE_SOON_DAYS
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { mode: None, due_soon_days: default_due_soon_days(), last_backup_on: None, backup_reminder_days: DEFAULT_BACKUP_REMINDER_DAYS, keeping_since: None, csv_bom: false, example_data: false, organization_name: String::new() }
    }
}

impl Settings {
    /// Who stands behind what the app issues about `person` (a credential, a record file): in
    /// "my own record" mode the person themselves, never an employer; in an organization its
    /// name, else the person's own organization, else the app's name (a credential must name
    /// an issuer).
    pub fn issuer<'a>(&'a self, person: &'a Person) -> &'a str {
        if self.is_personal() {
            return person.name.trim();
        }
        [self.organization_name.trim(), person.organization.trim()].into_iter().find(|s| !s.is_empty()).unwrap_or("Escalera")
    }

    /// The person whose page is home in personal mode.
    pub fn own_person_id(&self) -> Option<&str> {
        match &self.mode {
            Some(Mode::Personal { person_id }) => person_id.as_deref(),
            _ => None,
        }
    }

    pub fn is_personal(&self) -> bool {
        matches!(self.mode, Some(Mode::Personal { .. }))
    }

    /// Whole days since the last backup (`None`: never).
    pub fn days_since_backup(&self, today: super::date::Date) -> Option<u32> {
        use super::date::DateExt;
        self.last_backup_on.map(|d| d.days_until(today).max(0) as u32)
    }

    /// The settings to save when this device first holds data (`None`: nothing to record):
    /// that day starts the reminder period.
    pub fn start_keeping(&self, today: super::date::Date, has_data: bool) -> Option<Settings> {
        // The example organization is not data worth keeping.
        (has_data && !self.example_data && self.keeping_since.is_none()).then(|| Settings { keeping_since: Some(today), ..self.clone() })
    }

    /// Should the app remind to back up today? Only once there is data worth keeping, and
    /// when the last backup, or with none the first day with data, is as old as the period.
    pub fn backup_due(&self, today: super::date::Date, has_data: bool) -> bool {
        use super::date::DateExt;
        let since = self.last_backup_on.or(self.keeping_since);
        has_data && !self.example_data && since.is_some_and(|d| d.days_until(today) >= self.backup_reminder_days as i32)
    }
}

/// The reminder period as typed in Settings: whole days from 1 to 365.
pub fn parse_backup_reminder_days(text: &str) -> Result<u32, super::form::Errors> {
    let mut e = super::form::Errors::default();
    let days = e.number(super::form::Field::BackupReminderDays, text, 1, 365);
    e.result(days)
}

/// The due-soon window as typed in Settings: whole days from 1 to 365.
pub fn parse_due_soon_days(text: &str) -> Result<u32, super::form::Errors> {
    let mut e = super::form::Errors::default();
    let days = e.number(super::form::Field::DueSoonDays, text, 1, 365);
    e.result(days)
}

/// The organization's name as typed in Settings (on credentials, record files and sign-in
/// sheets); optional, at most as long as any other name.
pub fn parse_organization_name(text: &str) -> Result<String, super::form::Errors> {
    let mut e = super::form::Errors::default();
    let name = e.text(super::form::Field::Organization, text, false, super::form::SHORT);
    e.result(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organization_name_is_optional_trimmed_and_no_longer_than_any_name() {
        assert_eq!(parse_organization_name("  Clínica del Valle ").unwrap(), "Clínica del Valle");
        assert_eq!(parse_organization_name("").unwrap(), "");
        let e = parse_organization_name(&"x".repeat(201)).unwrap_err();
        assert!(e.get(super::super::form::Field::Organization).is_some());
    }

    /// Issue #20: in "my own record" mode the person issues their own credentials and record
    /// files, never their employer; an organization's name comes from Settings first.
    #[test]
    fn the_issuer_is_the_person_in_their_own_record_and_the_organization_otherwise() {
        let rosa = Person { organization: "Clínica del Valle".into(), ..crate::domain::person::sample("p", "Rosa Martínez") };
        let own = Settings { mode: Some(Mode::Personal { person_id: Some("p".into()) }), ..Settings::default() };
        assert_eq!(own.issuer(&rosa), "Rosa Martínez");
        let org = Settings { mode: Some(Mode::Organization), ..Settings::default() };
        assert_eq!(org.issuer(&rosa), "Clínica del Valle");
        let named = Settings { organization_name: " Salud Comunitaria del Norte ".into(), ..org.clone() };
        assert_eq!(named.issuer(&rosa), "Salud Comunitaria del Norte");
        assert_eq!(org.issuer(&Person { organization: " ".into(), ..rosa }), "Escalera");
    }

    #[test]
    fn the_due_soon_window_is_one_to_365_days() {
        use super::super::form::{Field, Problem};
        assert_eq!(parse_due_soon_days(" 90 "), Ok(90));
        for bad in ["0", "366", "sixty", "1.5"] {
            assert_eq!(parse_due_soon_days(bad).unwrap_err().get(Field::DueSoonDays), Some(Problem::NumberOutOfRange { min: 1, max: 365 }), "{bad}");
        }
        assert_eq!(parse_due_soon_days("").unwrap_err().get(Field::DueSoonDays), Some(Problem::Required));
    }

    #[test]
    fn settings_round_trip_and_default_to_no_choice() {
        assert_eq!(serde_json::from_str::<Settings>("{}").unwrap(), Settings::default());
        assert_eq!(Settings::default().due_soon_days, 60);
        let s = Settings { mode: Some(Mode::Personal { person_id: Some("p1".into()) }), due_soon_days: 30, ..Settings::default() };
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back.own_person_id(), Some("p1"));
        assert!(back.is_personal());
        assert_eq!(back.due_soon_days, 30);
        let org_settings = Settings { mode: Some(Mode::Organization), ..Settings::default() };
        assert!(!org_settings.is_personal());
        let org = serde_json::to_string(&org_settings).unwrap();
        assert_eq!(org, r#"{"mode":{"mode":"organization"},"due_soon_days":60,"backup_reminder_days":30}"#);
        let me: Settings = serde_json::from_str(r#"{"mode":{"mode":"personal","person_id":"p7"}}"#).unwrap();
        assert_eq!(me.own_person_id(), Some("p7"));
        assert!(serde_json::from_str::<Settings>(r#"{"mode":{"mode":"team"}}"#).is_err());
    }

    #[test]
    fn a_backup_reminder_comes_once_there_is_data_and_the_period_has_passed() {
        use crate::domain::date::{Date, DateExt};
        let today = Date::parse_iso("2026-11-24").unwrap();
        let never = Settings { keeping_since: Some(today.add_days(-10)), ..Settings::default() };
        assert!(!never.backup_due(today, false), "nothing worth keeping yet");
        assert!(!never.backup_due(today, true), "data for 10 days: not yet");
        assert!(never.backup_due(today.add_days(20), true), "data for 30 days, and never a backup");
        assert!(!Settings::default().backup_due(today, true), "the first day with data starts the period");
        assert_eq!(Settings::default().start_keeping(today, false), None);
        assert_eq!(Settings::default().start_keeping(today, true).and_then(|s| s.keeping_since), Some(today));
        assert_eq!(never.start_keeping(today, true), None, "already started");
        let recent = Settings { last_backup_on: Some(today.add_days(-29)), ..Settings::default() };
        assert_eq!(recent.days_since_backup(today), Some(29));
        assert!(!recent.backup_due(today, true));
        assert!(recent.backup_due(today.add_days(1), true), "on the 30th day");
        let weekly = Settings { backup_reminder_days: 7, ..recent.clone() };
        assert!(weekly.backup_due(today, true));
        // The example organization is never nagged about, and does not start the period.
        let example = Settings { example_data: true, ..weekly.clone() };
        assert!(!example.backup_due(today, true));
        assert_eq!(Settings { example_data: true, ..Settings::default() }.start_keeping(today, true), None);
        assert_eq!(parse_backup_reminder_days("7"), Ok(7));
        assert!(parse_backup_reminder_days("0").is_err());
        // Stored as an ISO date, and read from records written before it existed.
        let text = serde_json::to_string(&recent).unwrap();
        assert!(text.contains(r#""last_backup_on":"2026-10-26""#), "{text}");
        assert_eq!(serde_json::from_str::<Settings>(r#"{"due_soon_days":60}"#).unwrap().backup_reminder_days, 30);
    }
}
