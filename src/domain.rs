//! The model and its rules, in plain Rust with no browser types, tested natively.
//!
//! - `date`, `hours`, `text`: value types every rule speaks in.
//! - `person`, `training`, `completion`, `settings`: the records the store keeps;
//!   `person_records`: one person's completions, hours worked and waivers, kept together.
//! - `competency`, `catalog`: reference data (C3, SB 803, the built-in trainings).
//! - `form`, `requirement_form`: drafts and validation for every form.
//! - `requirement`, `presets`, `status`: requirements as data, the California presets, and
//!   the rules engine that says who is current, as of any date.
//! - `ladders`: career ladders, pay grades, wage floors, placements and readiness.
//! - `curricula`: curricula (modes, sections, versions) and a person's progress through one.
//! - `my_record`: one person's record as a file they carry to a new employer, and its import.
//! - `example_data`: the shipped example organization, moved to today's date when loaded.
//! - `trash`: what was removed, when, until when it can be restored, and the purge after.
//! - `roster_import`: a roster of people from a spreadsheet's CSV, checked row by row.
//! - `calendar`: a person's coming dates as an `.ics` calendar file; `badge`: a training
//!   completed as an (unsigned) Open Badges 3.0 credential.
//! - `intake`: what a file brings in keeps the forms' rules (lengths, ids, hours).
//! - `merge`: merging a backup into what is here, the newer change winning.
//! - `verification`: what waits for a trainer or HR to check (self-reports, imports).
//! - `compliance`: the engine over many people: filters, counts, 30/60/90-day lists, and
//!   the yearly training record.

/// Serializes a unit enum as its stable `code()` and reads it back with `from_code()`, so the
/// stored text, CSV and form values share one spelling and one small code path.
macro_rules! serde_as_code {
    ($($t:ty),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$t>::from_code(&code)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {}: {code:?}", stringify!($t))))
            }
        }
    )*};
}
pub(crate) use serde_as_code;

/// For `skip_serializing_if`: a flag that is off is left out of the stored text.
pub(crate) fn is_false(flag: &bool) -> bool {
    !*flag
}

pub mod backup;
pub mod badge;
pub mod calendar;
pub mod catalog;
pub mod competency;
pub mod curricula;
pub mod compliance;
pub mod completion;
pub mod date;
pub mod example_data;
pub mod form;
pub mod hours;
pub mod intake;
pub mod merge;
pub mod ladders;
pub mod my_record;
pub mod person;
pub mod person_records;
pub mod presets;
pub mod requirement;
pub mod requirement_form;
pub mod roster_import;
pub mod settings;
pub mod status;
pub mod text;
pub mod training;
pub mod trash;
pub mod verification;
