//! Answers recorded from pouchdb-server 4.2.0 (the test server) and, where CouchDB 3 answers
//! differently, from CouchDB's documentation.

use super::*;

#[test]
fn an_address_is_a_path_on_the_apps_own_origin() {
    let o = "https://app.example.org";
    assert_eq!(target("/couch/ourorg", o), Ok(Target { db: "/couch/ourorg".into(), session: "/couch/_session".into() }));
    assert_eq!(target("https://app.example.org/couch/ourorg/", o).unwrap().db, "/couch/ourorg");
    assert_eq!(target(" /couch/user-ana ", o).unwrap().db, "/couch/user-ana");
    assert_eq!(target("https://couch.example.org/ourorg", o), Err(Problem::OtherOrigin));
    for bad in ["", "couch/ourorg", "/couch/OurOrg", "/couch/our org", "/couch/1org", "/couch/org?x=1", "/"] {
        assert_eq!(target(bad, o), Err(Problem::BadAddress), "{bad:?}");
    }
}

#[test]
fn each_failure_has_its_own_reason() {
    let info = r#"{"doc_count":0,"update_seq":0,"backend_adapter":"MemDOWN","db_name":"org","adapter":"memory"}"#;
    assert_eq!(database_answer(200, info, false), Ok(()));
    assert_eq!(database_answer(200, "<html>hello</html>", false), Err(Problem::NotCouch));
    assert_eq!(database_answer(200, r#"{"ok":true}"#, false), Err(Problem::NotCouch));
    assert_eq!(database_answer(401, r#"{"error":"unauthorized","reason":"You are not authorized to access this db."}"#, false), Err(Problem::SignIn));
    assert_eq!(database_answer(403, r#"{"error":"forbidden","reason":"You are not allowed to access this db."}"#, false), Err(Problem::NoAccess));
    assert_eq!(database_answer(404, r#"{"error":"not_found","reason":"Database does not exist."}"#, false), Err(Problem::NoDatabase));
    assert_eq!(database_answer(404, "Not Found", false), Err(Problem::NotCouch), "a web server without CouchDB behind the path");
    assert_eq!(database_answer(502, "Bad Gateway", false), Err(Problem::Unreachable));
    let not_member = r#"{"error":"unauthorized","reason":"You are not authorized to access this db."}"#;
    assert_eq!(database_answer(401, not_member, true), Err(Problem::NoAccess), "signed in a moment ago: not a member");
    assert_eq!(session_answer(200, r#"{"ok":true,"name":"ana","roles":["staff"]}"#), Ok(()));
    assert_eq!(session_answer(401, r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#), Err(Problem::WrongPassword));
    assert_eq!(session_answer(404, "Cannot POST"), Err(Problem::NotCouch));
    assert_eq!(status_answer(201), Ok(()));
    assert_eq!(status_answer(401), Err(Problem::SignIn));
}

#[test]
fn changes_are_read_with_every_leaf_and_an_opaque_sequence() {
    let pouch = r#"{"results":[{"id":"people:p1","changes":[{"rev":"1-aaa"}],"seq":1},{"id":"_design/x","changes":[{"rev":"1-d"}],"seq":2}],"last_seq":2}"#;
    let c = changes(pouch).unwrap();
    assert_eq!(c.docs, BTreeMap::from([("people:p1".to_owned(), vec!["1-aaa".to_owned()])]));
    assert_eq!((c.count, since_param(&c.last_seq)), (2, "2".to_owned()));
    // CouchDB 3: string sequences, and a conflicted document lists both leaves.
    let couch = r#"{"results":[{"seq":"5-g1AAAA","id":"people:p2","changes":[{"rev":"2-b"},{"rev":"2-c"}]}],"last_seq":"5-g1AAAA","pending":0}"#;
    let c = changes(couch).unwrap();
    assert_eq!(c.docs["people:p2"], vec!["2-b", "2-c"]);
    assert_eq!(since_param(&c.last_seq), "5-g1AAAA");
    assert_eq!(changes("<html>"), Err(Problem::NotCouch));
}

#[test]
fn revisions_come_back_with_their_history_and_go_out_as_they_are() {
    let recorded = r#"{"results":[{"id":"people:p1","docs":[{"ok":{"name":"x","_id":"people:p1","_rev":"2-bbb","_revisions":{"start":2,"ids":["bbb","aaa"]}}}]},{"id":"people:p9","docs":[{"error":{"id":"people:p9","rev":"1-z","error":"not_found","reason":"missing"}}]}]}"#;
    let docs = bulk_get(recorded).unwrap();
    assert_eq!(docs.len(), 1, "a missing revision is skipped, not an error");
    let d = &docs[0];
    assert_eq!((d.id.as_str(), d.rev.as_str(), d.deleted, d.body.as_str()), ("people:p1", "2-bbb", false, r#"{"name":"x"}"#));
    assert_eq!(d.revisions.ids, vec!["bbb", "aaa"]);
    let out: Value = serde_json::from_str(&bulk_docs_request(&docs)).unwrap();
    assert_eq!(out["new_edits"], false);
    assert_eq!(out["docs"][0]["_revisions"]["ids"][1], "aaa");
    assert_eq!(out["docs"][0]["name"], "x");
    let gone = DocRev { id: "people:p1".into(), rev: "3-c".into(), revisions: Revisions { start: 3, ids: vec!["c".into()] }, deleted: true, body: r#"{"name":"x"}"#.into() };
    let out: Value = serde_json::from_str(&bulk_docs_request(&[gone])).unwrap();
    assert_eq!(out["docs"][0]["_deleted"], true);
    assert!(out["docs"][0].get("name").is_none(), "a deletion carries no fields");
    let fallback = r#"[{"ok":{"_id":"people:p1","_rev":"3-c","_deleted":true,"_revisions":{"start":3,"ids":["c","bbb"]}}}]"#;
    let docs = open_revs(fallback).unwrap();
    assert!(docs[0].deleted);
    assert_eq!(docs[0].body, "{}");
}

#[test]
fn the_server_says_what_it_lacks() {
    let recorded = r#"{"people:p1":{"missing":["2-bbb"]}}"#;
    assert_eq!(revs_diff(recorded).unwrap(), BTreeMap::from([("people:p1".to_owned(), vec!["2-bbb".to_owned()])]));
    assert!(revs_diff("{}").unwrap().is_empty());
    let req = bulk_get_request(&revs_diff(recorded).unwrap());
    assert_eq!(req, r#"{"docs":[{"id":"people:p1","rev":"2-bbb"}]}"#);
}

#[test]
fn a_pull_resumes_only_where_both_sides_agree() {
    let a = Checkpoint { session_id: "s1".into(), source_last_seq: Value::from(40) };
    let b = Checkpoint { session_id: "s0".into(), source_last_seq: Value::from(12) };
    assert_eq!(start_from(Some(&a), Some(&a)), Value::from(40));
    assert_eq!(start_from(Some(&a), Some(&b)), Value::from(0));
    assert_eq!(start_from(Some(&a), None), Value::from(0), "the server lost it: from the beginning");
    assert_eq!(replication_id("dev1", "/couch/org"), replication_id("dev1", "/couch/org"));
    assert_ne!(replication_id("dev1", "/couch/org"), replication_id("dev2", "/couch/org"));
}
