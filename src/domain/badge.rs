//! A training completed as an Open Badges 3.0 credential (docs/open-badges.md): an
//! `OpenBadgeCredential` whose `AchievementSubject` holds an `Achievement` with its criteria,
//! the training's hours as credits and an alignment to every C3 skill or SB 803 element it
//! covers, so a peer can carry the proof of a training to a wallet or a new employer.
//!
//! **Unsigned.** Escalera has no server and no issuer key, so the credential has no `proof`: it
//! says what the organization recorded, and its own description says it is unsigned. A
//! verifier treats it as a claim until an issuer signs it.
//!
//! Ids are URNs built from the stored ids (`urn:escalera:…`), so exporting the same record twice
//! gives the same credential. The words (name, description, criteria) are chosen by
//! `i18n::badge_text` in the person's preferred language.

use super::competency::{self, Framework};
use super::completion::Completion;
use super::date::{Date, DateExt};
use super::hours::Hours;
use super::person::Person;
use super::text::Locale;
use super::training::TrainingType;
use serde::Serialize;

/// The contexts of an OB 3.0 credential on the W3C Verifiable Credentials 2.0 data model.
pub const CONTEXT: [&str; 2] = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

/// Where the two competency frameworks are published (the alignment's target).
const C3_URL: &str = "https://www.c3project.org/roles-competencies";
const SB803_URL: &str = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=WIC&sectionNum=14045.13";

/// The words of a badge, in the person's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadgeText {
    pub name: String,
    pub description: String,
    pub criteria: String,
    /// Says the credential is unsigned, and who recorded it.
    pub credential_description: String,
}

/// What a badge is made from.
pub struct Badge<'a> {
    pub person: &'a Person,
    pub completion: &'a Completion,
    pub training: &'a TrainingType,
    /// The last day it is valid, when the training expires.
    pub valid_until: Option<Date>,
    /// Who recorded it: the person's organization, or the app's name with none.
    pub issuer_name: &'a str,
    pub locale: Locale,
}

#[derive(Serialize)]
struct Credential<'a> {
    #[serde(rename = "@context")]
    context: [&'a str; 2],
    id: String,
    #[serde(rename = "type")]
    kind: [&'a str; 2],
    name: &'a str,
    description: &'a str,
    issuer: Profile<'a>,
    #[serde(rename = "validFrom")]
    valid_from: String,
    #[serde(rename = "validUntil", skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
    #[serde(rename = "credentialSubject")]
    subject: Subject<'a>,
}

#[derive(Serialize)]
struct Profile<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: [&'a str; 1],
    name: &'a str,
}

#[derive(Serialize)]
struct Subject<'a> {
    #[serde(rename = "type")]
    kind: [&'a str; 1],
    identifier: Vec<Identity<'a>>,
    achievement: Achievement<'a>,
    #[serde(rename = "creditsEarned")]
    credits_earned: f64,
    #[serde(rename = "activityEndDate")]
    activity_end_date: String,
}

/// The earner, named in plain text (`hashed: false`): the file is the person's own.
#[derive(Serialize)]
struct Identity<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(rename = "identityHash")]
    identity: &'a str,
    #[serde(rename = "identityType")]
    identity_type: &'a str,
    hashed: bool,
}

#[derive(Serialize)]
struct Achievement<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: [&'a str; 1],
    #[serde(rename = "achievementType")]
    achievement_type: &'a str,
    name: &'a str,
    description: &'a str,
    criteria: Criteria<'a>,
    #[serde(rename = "creditsAvailable")]
    credits_available: f64,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alignment: Vec<Alignment<'a>>,
}

#[derive(Serialize)]
struct Criteria<'a> {
    narrative: &'a str,
}

#[derive(Serialize)]
struct Alignment<'a> {
    #[serde(rename = "type")]
    kind: [&'a str; 1],
    #[serde(rename = "targetName")]
    target_name: &'a str,
    #[serde(rename = "targetUrl")]
    target_url: &'a str,
    #[serde(rename = "targetCode")]
    target_code: &'a str,
    #[serde(rename = "targetFramework")]
    target_framework: &'a str,
    #[serde(rename = "targetType")]
    target_type: &'a str,
}

/// A URN part from a stored id or a name: letters, digits, `.`, `-` and `_` kept, anything
/// else as `-` (URNs allow more, but these are safe everywhere an id is copied).
fn urn_part(text: &str) -> String {
    let part: String = text.chars().map(|ch| if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_') { ch } else { '-' }).collect();
    if part.is_empty() { "unnamed".into() } else { part }
}

fn at_midnight(day: Date) -> String {
    format!("{}T00:00:00Z", day.to_iso())
}

fn at_day_end(day: Date) -> String {
    format!("{}T23:59:59Z", day.to_iso())
}

fn credits(hours: Hours) -> f64 {
    hours.hundredths() as f64 / 100.0
}

impl Badge<'_> {
    /// The credential's JSON text.
    pub fn to_json(&self, text: &BadgeText) -> String {
        let language = match self.locale {
            Locale::En => "en",
            Locale::Es => "es",
        };
        let alignment = self
            .training
            .competencies
            .iter()
            .filter_map(|id| competency::find(id))
            .map(|c| {
                let (framework, url) = match c.framework {
                    Framework::C3 => ("C3 Project: Community Health Worker Core Roles and Skills", C3_URL),
                    Framework::Sb803 => ("California WIC §14045.13 (SB 803): Medi-Cal peer support specialist curriculum", SB803_URL),
                };
                Alignment {
                    kind: ["Alignment"],
                    target_name: if self.locale == Locale::Es { c.es } else { c.en },
                    target_url: url,
                    target_code: c.id,
                    target_framework: framework,
                    target_type: "ceasn:Competency",
                }
            })
            .collect();
        let credential = Credential {
            context: CONTEXT,
            id: format!("urn:escalera:completion:{}", urn_part(&self.completion.id)),
            kind: ["VerifiableCredential", "OpenBadgeCredential"],
            name: &text.name,
            description: &text.credential_description,
            issuer: Profile { id: format!("urn:escalera:organization:{}", urn_part(&self.issuer_name.to_lowercase())), kind: ["Profile"], name: self.issuer_name },
            valid_from: at_midnight(self.completion.completed_on),
            valid_until: self.valid_until.map(at_day_end),
            subject: Subject {
                kind: ["AchievementSubject"],
                identifier: vec![Identity { kind: "IdentityObject", identity: &self.person.name, identity_type: "name", hashed: false }],
                achievement: Achievement {
                    id: format!("urn:escalera:training:{}", urn_part(&self.training.id)),
                    kind: ["Achievement"],
                    // A training that must be renewed certifies; one that never expires is a course.
                    achievement_type: if self.valid_until.is_some() { "Certification" } else { "Course" },
                    name: &text.name,
                    description: &text.description,
                    criteria: Criteria { narrative: &text.criteria },
                    credits_available: credits(self.training.typical_hours),
                    in_language: language,
                    alignment,
                },
                credits_earned: credits(self.completion.hours),
                activity_end_date: at_midnight(self.completion.completed_on),
            },
        };
        serde_json::to_string_pretty(&credential).unwrap_or_default()
    }

    /// The file's name: `badge-<training>-<date>.json`.
    pub fn file_name(&self) -> String {
        format!("badge-{}-{}.json", urn_part(&self.training.id.replace("builtin.", "")), self.completion.completed_on.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::builtin_trainings;
    use crate::domain::person::sample;

    fn done(training: &str, on: &str) -> Completion {
        Completion { verification: None, partial: false,
            id: "c-1 x".into(),
            person_id: "p1".into(),
            training_id: training.into(),
            completed_on: Date::parse_iso(on).unwrap(),
            hours: Hours::from_hundredths(650),
            provider: "CalMHSA".into(),
            certificate_number: String::new(),
            ce_category: None,
            notes: String::new(),
            removed: false,
        }
    }

    fn text() -> BadgeText {
        BadgeText { name: "N".into(), description: "D".into(), criteria: "C".into(), credential_description: "Unsigned".into() }
    }

    #[test]
    fn a_badge_carries_what_ob_3_requires_and_aligns_to_the_skills_the_training_covers() {
        let trainings = builtin_trainings();
        let training = trainings.iter().find(|t| t.competencies.iter().any(|c| c.starts_with("c3."))).expect("a built-in training covers C3 skills");
        let person = sample("p1", "Rosa Núñez");
        let completion = done(&training.id, "2026-02-03");
        let badge = Badge { person: &person, completion: &completion, training, valid_until: Date::parse_iso("2028-02-29"), issuer_name: "Clínica del Valle", locale: Locale::Es };
        let v: serde_json::Value = serde_json::from_str(&badge.to_json(&text())).unwrap();
        assert_eq!(v["@context"][1], CONTEXT[1]);
        assert_eq!(v["type"], serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"]));
        assert_eq!(v["id"], "urn:escalera:completion:c-1-x", "a safe URN from any stored id");
        assert_eq!(v["issuer"]["id"], "urn:escalera:organization:cl-nica-del-valle");
        assert_eq!(v["issuer"]["name"], "Clínica del Valle");
        assert_eq!(v["validFrom"], "2026-02-03T00:00:00Z");
        assert_eq!(v["validUntil"], "2028-02-29T23:59:59Z", "valid through its last day");
        assert!(v.get("proof").is_none(), "unsigned: no proof");
        let subject = &v["credentialSubject"];
        assert_eq!(subject["identifier"][0]["identityHash"], "Rosa Núñez");
        assert_eq!(subject["creditsEarned"], 6.5);
        let achievement = &subject["achievement"];
        assert_eq!(achievement["type"][0], "Achievement");
        assert_eq!(achievement["achievementType"], "Certification");
        assert_eq!(achievement["criteria"]["narrative"], "C");
        assert_eq!(achievement["inLanguage"], "es");
        let aligned = achievement["alignment"].as_array().unwrap();
        assert_eq!(aligned.len(), training.competencies.iter().filter(|id| competency::find(id).is_some()).count());
        assert!(aligned.iter().all(|a| a["targetUrl"].as_str().unwrap().starts_with("https://") && a["type"][0] == "Alignment"));
        assert!(aligned.iter().any(|a| a["targetUrl"] == C3_URL));
        assert_eq!(badge.file_name(), format!("badge-{}-2026-02-03.json", training.id.trim_start_matches("builtin.")));
        // The same record gives the same credential.
        assert_eq!(badge.to_json(&text()), badge.to_json(&text()));
    }

    #[test]
    fn a_training_that_never_expires_is_a_course_with_no_end_of_validity() {
        let hipaa = builtin_trainings().into_iter().find(|t| t.id == "builtin.hipaa").unwrap();
        let person = sample("p1", "Ana");
        let completion = done("builtin.hipaa", "2026-02-03");
        let badge = Badge { person: &person, completion: &completion, training: &hipaa, valid_until: None, issuer_name: "Escalera", locale: Locale::En };
        let v: serde_json::Value = serde_json::from_str(&badge.to_json(&text())).unwrap();
        assert!(v.get("validUntil").is_none());
        assert_eq!(v["credentialSubject"]["achievement"]["achievementType"], "Course");
        assert_eq!(v["credentialSubject"]["achievement"]["inLanguage"], "en");
        // Who issues it is `Settings::issuer` (the person in their own record; tested there).
    }
}
