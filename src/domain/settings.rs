//! How this copy of Escalera is used. Both modes share one data model: "my own record" is
//! an organization of one whose home page is that person's page.

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
}

fn default_due_soon_days() -> u32 {
    crate::domain::status::DEFAULT_DUE_SOON_DAYS
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { mode: None, due_soon_days: default_due_soon_days() }
    }
}

impl Settings {
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
}

/// The due-soon window as typed in Settings: whole days from 1 to 365.
pub fn parse_due_soon_days(text: &str) -> Result<u32, super::form::Errors> {
    let mut e = super::form::Errors::default();
    let days = e.number(super::form::Field::DueSoonDays, text, 1, 365);
    e.result(days)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let s = Settings { mode: Some(Mode::Personal { person_id: Some("p1".into()) }), due_soon_days: 30 };
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back.own_person_id(), Some("p1"));
        assert!(back.is_personal());
        assert_eq!(back.due_soon_days, 30);
        let org_settings = Settings { mode: Some(Mode::Organization), ..Settings::default() };
        assert!(!org_settings.is_personal());
        let org = serde_json::to_string(&org_settings).unwrap();
        assert_eq!(org, r#"{"mode":{"mode":"organization"},"due_soon_days":60}"#);
        let me: Settings = serde_json::from_str(r#"{"mode":{"mode":"personal","person_id":"p7"}}"#).unwrap();
        assert_eq!(me.own_person_id(), Some("p7"));
        assert!(serde_json::from_str::<Settings>(r#"{"mode":{"mode":"team"}}"#).is_err());
    }
}
