//! What is sent to CouchDB and what its answers mean, as pure functions (the browser's fetch
//! lives in `http.rs`). Tested with responses recorded from a server (`couch_tests.rs`).

use super::replicate::DocRev;
use super::rev_tree::Revisions;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Why a sync or a connection test did not go through; each has its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Not a web address this app can use.
    BadAddress,
    /// On another origin: the app's CSP (`connect-src 'self'`) forbids it; serve the
    /// database behind the app's own address (docs/sync.md).
    OtherOrigin,
    /// No answer (offline, server down, proxy with nothing behind it).
    Unreachable,
    WrongPassword,
    /// Not signed in, or the sign-in expired.
    SignIn,
    /// Signed in, but not a member of this database.
    NoAccess,
    NoDatabase,
    /// Something answered, but not CouchDB.
    NotCouch,
    /// The server refused a request for another reason.
    Server,
    /// This device could not read or keep what sync needs (its storage).
    Device,
}

/// Where a database is: its address and its server's `_session`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub db: String,
    pub session: String,
}

/// Reads the address a person typed: a path on the app's own origin (`/couch/ourorg`) or a
/// full address on it. `origin` is the app's (`https://app.example.org`).
pub fn target(typed: &str, origin: &str) -> Result<Target, Problem> {
    let typed = typed.trim().trim_end_matches('/');
    let path = if let Some(rest) = typed.strip_prefix(origin) {
        rest
    } else if typed.starts_with("http://") || typed.starts_with("https://") {
        return Err(Problem::OtherOrigin);
    } else {
        typed
    };
    let path = path.trim_end_matches('/');
    if !path.starts_with('/') || path.contains(char::is_whitespace) || path.contains(['?', '#']) {
        return Err(Problem::BadAddress);
    }
    let (server, name) = path.rsplit_once('/').ok_or(Problem::BadAddress)?;
    // CouchDB's rule for database names.
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-".contains(c));
    if !valid {
        return Err(Problem::BadAddress);
    }
    Ok(Target { db: path.to_owned(), session: format!("{server}/_session") })
}

/// The answer to `GET /db`: a database this person may read, or why not. `signed_in`: a
/// sign-in went through just before, so being asked to sign in means not being a member
/// (PouchDB Server answers 401 where CouchDB answers 403).
pub fn database_answer(status: u16, body: &str, signed_in: bool) -> Result<(), Problem> {
    let value: Option<Value> = serde_json::from_str(body).ok();
    let error = value.as_ref().and_then(|v| v.get("error")).and_then(Value::as_str).unwrap_or_default();
    match status {
        200 if value.as_ref().is_some_and(|v| v.get("db_name").is_some() && v.get("update_seq").is_some()) => Ok(()),
        200 => Err(Problem::NotCouch),
        401 if !error.is_empty() && signed_in => Err(Problem::NoAccess),
        401 if !error.is_empty() => Err(Problem::SignIn),
        403 if !error.is_empty() => Err(Problem::NoAccess),
        404 if error == "not_found" => Err(Problem::NoDatabase),
        // A proxy with nothing behind it.
        502..=504 => Err(Problem::Unreachable),
        _ if error.is_empty() => Err(Problem::NotCouch),
        _ => Err(Problem::Server),
    }
}

/// The answer to `POST /_session`.
pub fn session_answer(status: u16, body: &str) -> Result<(), Problem> {
    let value: Option<Value> = serde_json::from_str(body).ok();
    match status {
        200 if value.as_ref().and_then(|v| v.get("ok")).and_then(Value::as_bool) == Some(true) => Ok(()),
        401 => Err(Problem::WrongPassword),
        502..=504 => Err(Problem::Unreachable),
        _ if value.as_ref().and_then(|v| v.get("error")).is_none() => Err(Problem::NotCouch),
        _ => Err(Problem::Server),
    }
}

/// Any other request's status.
pub fn status_answer(status: u16) -> Result<(), Problem> {
    match status {
        200..=299 => Ok(()),
        401 => Err(Problem::SignIn),
        403 => Err(Problem::NoAccess),
        404 => Err(Problem::NoDatabase),
        502..=504 => Err(Problem::Unreachable),
        _ => Err(Problem::Server),
    }
}

/// A sequence as CouchDB gives it (a number from PouchDB, an opaque string from CouchDB 2+),
/// as the `since` parameter.
pub fn since_param(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        Value::Null => "0".into(),
        other => other.to_string(),
    }
}

/// One page of `_changes?style=all_docs`: each document's leaf revisions, and the sequence
/// to ask from next.
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub docs: BTreeMap<String, Vec<String>>,
    pub last_seq: Value,
    pub count: usize,
}

#[derive(Deserialize)]
struct ChangesBody {
    results: Vec<ChangeRow>,
    last_seq: Value,
}

#[derive(Deserialize)]
struct ChangeRow {
    id: String,
    changes: Vec<RevRow>,
}

#[derive(Deserialize)]
struct RevRow {
    rev: String,
}

pub fn changes(body: &str) -> Result<Changes, Problem> {
    let parsed: ChangesBody = serde_json::from_str(body).map_err(|_| Problem::NotCouch)?;
    let count = parsed.results.len();
    let mut docs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Design and local documents are not records.
    for row in parsed.results.into_iter().filter(|r| !r.id.starts_with('_')) {
        docs.entry(row.id).or_default().extend(row.changes.into_iter().map(|c| c.rev));
    }
    Ok(Changes { docs, last_seq: parsed.last_seq, count })
}

/// `_revs_diff`'s answer: the revisions the server lacks (or, asked of the device, it lacks).
pub fn revs_diff(body: &str) -> Result<BTreeMap<String, Vec<String>>, Problem> {
    #[derive(Deserialize)]
    struct Missing {
        #[serde(default)]
        missing: Vec<String>,
    }
    let parsed: BTreeMap<String, Missing> = serde_json::from_str(body).map_err(|_| Problem::NotCouch)?;
    Ok(parsed.into_iter().filter(|(_, m)| !m.missing.is_empty()).map(|(id, m)| (id, m.missing)).collect())
}

/// The `_bulk_get` request for these revisions.
pub fn bulk_get_request(wanted: &BTreeMap<String, Vec<String>>) -> String {
    let docs: Vec<Value> = wanted.iter().flat_map(|(id, revs)| revs.iter().map(move |rev| json!({"id": id, "rev": rev}))).collect();
    json!({ "docs": docs }).to_string()
}

/// A document as the server sends it, split into its revision and its fields (as JSON
/// text, without the `_`-fields).
fn doc_rev(doc: Map<String, Value>) -> Option<DocRev> {
    let id = doc.get("_id")?.as_str()?.to_owned();
    let rev = doc.get("_rev")?.as_str()?.to_owned();
    let revisions: Revisions = match doc.get("_revisions") {
        Some(r) => serde_json::from_value(r.clone()).ok()?,
        None => {
            let (pos, hash) = rev.split_once('-')?;
            Revisions { start: pos.parse().ok()?, ids: vec![hash.to_owned()] }
        }
    };
    let deleted = doc.get("_deleted").and_then(Value::as_bool).unwrap_or(false);
    let fields: Map<String, Value> = doc.into_iter().filter(|(k, _)| !k.starts_with('_')).collect();
    Some(DocRev { id, rev, revisions, deleted, body: Value::Object(fields).to_string() })
}

/// `_bulk_get?revs=true`'s answer: every revision that came back.
pub fn bulk_get(body: &str) -> Result<Vec<DocRev>, Problem> {
    let parsed: Value = serde_json::from_str(body).map_err(|_| Problem::NotCouch)?;
    let results = parsed.get("results").and_then(Value::as_array).ok_or(Problem::NotCouch)?;
    let mut out = Vec::new();
    for r in results {
        for d in r.get("docs").and_then(Value::as_array).into_iter().flatten() {
            if let Some(Value::Object(doc)) = d.get("ok") {
                out.extend(doc_rev(doc.clone()));
            }
        }
    }
    Ok(out)
}

/// `GET /db/id?revs=true&open_revs=[…]`'s answer (the fallback when a server has no
/// `_bulk_get`): a list of `{ok: doc}`.
pub fn open_revs(body: &str) -> Result<Vec<DocRev>, Problem> {
    let parsed: Vec<Value> = serde_json::from_str(body).map_err(|_| Problem::NotCouch)?;
    Ok(parsed.into_iter().filter_map(|d| match d.get("ok") {
        Some(Value::Object(doc)) => doc_rev(doc.clone()),
        _ => None,
    }).collect())
}

/// The `_bulk_docs` request that stores revisions as they are (`new_edits: false`).
pub fn bulk_docs_request(docs: &[DocRev]) -> String {
    let docs: Vec<Value> = docs
        .iter()
        .map(|d| {
            let mut doc = match serde_json::from_str::<Value>(&d.body) {
                Ok(Value::Object(m)) if !d.deleted => m,
                _ => Map::new(),
            };
            doc.insert("_id".into(), d.id.clone().into());
            doc.insert("_rev".into(), d.rev.clone().into());
            doc.insert("_revisions".into(), json!({"start": d.revisions.start, "ids": d.revisions.ids}));
            if d.deleted {
                doc.insert("_deleted".into(), true.into());
            }
            Value::Object(doc)
        })
        .collect();
    json!({ "docs": docs, "new_edits": false }).to_string()
}

/// The `_revs_diff` request.
pub fn revs_diff_request(docs: &[DocRev]) -> String {
    let mut asked: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for d in docs {
        asked.entry(&d.id).or_default().push(&d.rev);
    }
    serde_json::to_string(&asked).unwrap_or_default()
}

/// A checkpoint as CouchDB's replicator keeps it in `_local/<replication id>` on both sides.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    pub source_last_seq: Value,
}

/// Where a pull starts: from the checkpoint when the device and the server recorded the same
/// session, else from the beginning (a full pass is still correct, only slower).
pub fn start_from(here: Option<&Checkpoint>, there: Option<&Checkpoint>) -> Value {
    match (here, there) {
        (Some(a), Some(b)) if a.session_id == b.session_id => a.source_last_seq.clone(),
        _ => Value::from(0),
    }
}

/// A replication id: the same device and database always give the same one.
pub fn replication_id(device: &str, db: &str) -> String {
    format!("escalera-{}", &super::local::text_hash(&format!("{device}\u{0}{db}"))[..16])
}

#[cfg(test)]
#[path = "couch_tests.rs"]
mod tests;
