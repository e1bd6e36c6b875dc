//! The sync settings and what the last sync did, kept on the device (never synced: they say
//! which database this device talks to). The password is never among them.

use super::couch::{Checkpoint, Problem};
use crate::domain::form::{Errors, Field, Problem as FormProblem};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The database, as typed (`/couch/ourorg`).
    #[serde(default)]
    pub address: String,
    /// Who signed in last, to fill the form again.
    #[serde(default)]
    pub user: String,
    /// Sync runs (after saves, when back online, on a timer) only while on; off by default.
    #[serde(default)]
    pub on: bool,
    /// This device's random id: with the address, it names the replication.
    #[serde(default)]
    pub device: String,
    /// Where the last pull from the server ended.
    #[serde(default)]
    pub checkpoint: Option<Checkpoint>,
    #[serde(default)]
    pub last: Option<LastSync>,
    /// Why the last attempt failed, if it did.
    #[serde(default)]
    pub problem: Option<Problem>,
}

/// The last sync that went through (UTC, ISO 8601), what every sync moved since sync was
/// turned on for this database, and how many records have conflicts now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastSync {
    pub at: String,
    pub pulled: usize,
    pub pushed: usize,
    pub conflicts: usize,
}

/// The sync form: the address must be a database on the app's own origin, and a name needs
/// its password (no name: the server lets anyone in, as a test server may). Every problem at
/// once, tied to its field.
pub fn check_form(address: &str, user: &str, password: &str, origin: &str) -> Result<(), Errors> {
    let mut e = Errors::default();
    match super::couch::target(address, origin) {
        Ok(_) => {}
        Err(_) if address.trim().is_empty() => e.add(Field::SyncAddress, FormProblem::Required),
        Err(Problem::OtherOrigin) => e.add(Field::SyncAddress, FormProblem::OtherOrigin),
        Err(_) => e.add(Field::SyncAddress, FormProblem::NotADatabaseAddress),
    }
    if !user.trim().is_empty() && password.is_empty() {
        e.add(Field::SyncPassword, FormProblem::Required);
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_says_what_is_wrong_with_each_field() {
        let o = "https://app.example.org";
        assert_eq!(check_form("/couch/ourorg", "ana", "pw", o), Ok(()));
        assert_eq!(check_form("/couch/ourorg", "", "", o), Ok(()), "no sign-in: an open test server");
        let e = check_form("", "ana", "", o).unwrap_err();
        assert_eq!(e.get(Field::SyncAddress), Some(FormProblem::Required));
        assert_eq!(e.get(Field::SyncPassword), Some(FormProblem::Required));
        assert_eq!(check_form("https://couch.example.org/x", "", "", o).unwrap_err().get(Field::SyncAddress), Some(FormProblem::OtherOrigin));
        assert_eq!(check_form("/couch/Our Org", "", "", o).unwrap_err().get(Field::SyncAddress), Some(FormProblem::NotADatabaseAddress));
    }
}
