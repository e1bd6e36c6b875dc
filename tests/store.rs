//! The IndexedDB store in a real browser (headless Chromium via wasm-bindgen-test-runner).
//! Each test uses its own database name: all tests share one page.
#![cfg(target_arch = "wasm32")]

use escalera::domain::catalog::builtin_trainings;
use escalera::domain::completion::Completion;
use escalera::domain::date::{Date, DateExt};
use escalera::domain::hours::Hours;
use escalera::domain::person::{Person, PreferredLanguage, WorkerType};
use escalera::domain::presets::presets;
use escalera::domain::requirement::{Waiver, WorkHours};
use escalera::domain::settings::{Mode, Settings};
use escalera::domain::training::CeCategory;
use escalera::store::schema::{self, COMPLETIONS, PEOPLE, WAIVERS, WORK_HOURS};
use escalera::store::{Db, Hooks};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn person(id: &str, name: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        preferred_language: PreferredLanguage::Spanish,
        worker_type: WorkerType::PeerSupportSpecialist,
        organization: "Condado".into(),
        program: "BH".into(),
        role_title: "Peer Support Specialist II".into(),
        employment_type: None,
        supervisor: String::new(),
        supervising_org: String::new(),
        hire_date: Date::parse_iso("2024-02-29"),
        email: "rosa@example.org".into(),
        notes: "Prefers evening trainings".into(),
        archived: false,
    }
}

fn completion(id: &str, person_id: &str, training_id: &str, on: &str) -> Completion {
    Completion { verification: None, partial: false,
        id: id.into(),
        person_id: person_id.into(),
        training_id: training_id.into(),
        completed_on: Date::parse_iso(on).unwrap(),
        hours: Hours::from_hundredths(650),
        provider: "CalMHSA".into(),
        certificate_number: "A-123".into(),
        ce_category: Some(CeCategory::LawEthics),
        notes: String::new(),
        removed: false,
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Deletes a database left by an earlier run of the same test.
async fn fresh(name: &str) {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&resolve));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn opens_fresh_database_at_latest_version_with_every_store() {
    fresh("t-open").await;
    let db = Db::open("t-open", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    let mut names = db.store_names();
    names.sort();
    assert_eq!(names, vec!["changes", "ladders", "pay_grades", "people", "person_records", "promotion_plans", "requirements", "settings", "sync", "training_plans", "training_types", "wage_floors"]);
    assert_eq!(db.settings().await.unwrap(), Settings::default());
    assert!(db.people().await.unwrap().is_empty());
    assert!(db.person_records("nobody").await.unwrap().is_empty());
    db.close();
}

#[wasm_bindgen_test]
async fn upgrades_version_1_database_keeping_its_data() {
    fresh("t-upgrade").await;
    // A browser that ran release 1 has people and completions but no training types or indices.
    let v1 = Db::open_version("t-upgrade", 1, Hooks::default()).await.unwrap();
    assert_eq!(v1.version(), 1);
    assert_eq!(v1.store_names().len(), 3);
    v1.save_person(&person("p1", "Rosa")).await.unwrap();
    v1.put(COMPLETIONS, &completion("c1", "p1", "builtin.law_ethics_ce", "2026-01-10")).await.unwrap();
    v1.put(COMPLETIONS, &completion("c2", "p2", "builtin.hipaa", "2026-01-11")).await.unwrap();
    v1.close();

    let db = Db::open("t-upgrade", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    assert_eq!(db.person("p1").await.unwrap(), Some(person("p1", "Rosa")));
    // Every completion moved into its person's document, including one whose person is unknown.
    let mine = db.person_records("p1").await.unwrap();
    assert_eq!(mine.completions, vec![completion("c1", "p1", "builtin.law_ethics_ce", "2026-01-10")]);
    assert_eq!(db.everyone().await.unwrap().completions_of_training("builtin.hipaa").count(), 1);
    assert_eq!(db.person_records("p2").await.unwrap().completions.len(), 1);
    assert!(db.stored_training_types().await.unwrap().is_empty());
    db.close();
}

#[wasm_bindgen_test]
async fn crud_round_trips_every_record_kind_and_survives_reopen() {
    fresh("t-crud").await;
    let db = Db::open("t-crud", Hooks::default()).await.unwrap();

    let mut rosa = person("p1", "Rosa Núñez");
    db.save_person(&rosa).await.unwrap();
    rosa.archived = true;
    rosa.name = "Rosa Núñez Díaz".into();
    db.save_person(&rosa).await.unwrap();
    db.save_person(&person("p2", "Luis")).await.unwrap();

    db.save_completion(&completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10")).await.unwrap();
    let mut removed = completion("c2", "p1", "builtin.hipaa", "2025-04-01");
    removed.removed = true;
    db.save_completion(&removed).await.unwrap();

    let mut custom = builtin_trainings()[0].clone();
    custom.typical_hours = Hours::whole(12);
    db.save_training_type(&custom).await.unwrap();

    let settings = Settings { mode: Some(Mode::Personal { person_id: Some("p1".into()) }), due_soon_days: 45, ..Settings::default() };
    db.save_settings(&settings).await.unwrap();
    db.close();

    let db = Db::open("t-crud", Hooks::default()).await.unwrap();
    assert_eq!(db.person("p1").await.unwrap(), Some(rosa));
    assert_eq!(db.people().await.unwrap().len(), 2);
    assert_eq!(db.person("missing").await.unwrap(), None);
    let mine = db.person_records("p1").await.unwrap();
    assert_eq!(mine.completions.len(), 2);
    assert!(mine.completions.iter().any(|c| c.id == "c2" && c.removed), "removed records are kept");
    assert_eq!(mine.completions[0], completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10"), "every field survives");
    // An edit replaces the record with the same id: still two.
    db.save_completion(&Completion { removed: false, ..removed }).await.unwrap();
    let everyone = db.everyone().await.unwrap();
    let rosa_now = everyone.people.iter().find(|p| p.id == "p1").unwrap();
    assert_eq!(everyone.facts(rosa_now).completions.len(), 2);
    assert!(everyone.facts(rosa_now).completions.iter().all(|c| !c.removed));
    assert_eq!(*db.stored_training_types().await.unwrap(), vec![custom.clone()]);
    assert_eq!(db.settings().await.unwrap(), settings);

    // Resetting a customised built-in drops only the override; own types cannot be deleted.
    db.reset_builtin_training_type(&custom.id).await.unwrap();
    assert!(db.stored_training_types().await.unwrap().is_empty());
    assert!(db.reset_builtin_training_type("own-123").await.is_err());
    db.close();
}

#[wasm_bindgen_test]
async fn person_and_settings_save_together() {
    fresh("t-atomic").await;
    let db = Db::open("t-atomic", Hooks::default()).await.unwrap();
    let me = person("me", "Rosa");
    let settings = Settings { mode: Some(Mode::Personal { person_id: Some("me".into()) }), ..Settings::default() };
    db.save_person_and_settings(&me, &settings).await.unwrap();
    assert_eq!(db.settings().await.unwrap().own_person_id(), Some("me"));
    assert_eq!(db.person("me").await.unwrap(), Some(me));

    // A write that fails part-way (a record without the key path) leaves nothing behind.
    let bad = escalera::store::idb::record(&serde_json::json!({ "name": "no id" })).unwrap();
    let good = escalera::store::idb::record(&person("p9", "Never saved")).unwrap();
    assert!(db.put_all(&[(PEOPLE, good), (PEOPLE, bad)]).await.is_err());
    assert_eq!(db.person("p9").await.unwrap(), None);
    db.close();
}

#[wasm_bindgen_test]
async fn an_older_tab_closes_on_versionchange_so_the_upgrade_never_hangs() {
    fresh("t-tabs").await;
    let told = Rc::new(Cell::new(false));
    let hooks = Hooks {
        on_version_change: Rc::new({
            let told = told.clone();
            move || told.set(true)
        }),
        ..Hooks::default()
    };
    // "Tab A" runs the old release.
    let old_tab = Db::open_version("t-tabs", 1, hooks).await.unwrap();
    old_tab.save_person(&person("p1", "Rosa")).await.unwrap();
    // "Tab B" opens the new release: tab A is asked to close, does, and B's upgrade completes.
    let new_tab = Db::open("t-tabs", Hooks::default()).await.unwrap();
    assert!(told.get(), "the old tab was told to reload");
    assert_eq!(new_tab.version(), schema::LATEST);
    assert_eq!(new_tab.person("p1").await.unwrap().unwrap().name, "Rosa");
    new_tab.close();
}

#[wasm_bindgen_test]
async fn a_connection_that_does_not_close_reports_blocked_then_the_open_finishes() {
    fresh("t-blocked").await;
    Db::open_version("t-blocked", 1, Hooks::default()).await.unwrap().close();
    // A raw connection to that release-1 database with no versionchange handler: like a tab
    // of a build that never closes on request.
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.open_with_u32("t-blocked", 1).unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let stubborn: web_sys::IdbDatabase = request.result().unwrap().unchecked_into();

    let blocked = Rc::new(Cell::new(false));
    let hooks = Hooks {
        on_blocked: Rc::new({
            let blocked = blocked.clone();
            let stubborn = stubborn.clone();
            // The user follows the banner and closes the other tab.
            move || {
                blocked.set(true);
                stubborn.close();
            }
        }),
        ..Hooks::default()
    };
    let db = Db::open("t-blocked", hooks).await.unwrap();
    assert!(blocked.get(), "blocked was reported");
    assert_eq!(db.version(), schema::LATEST);
    db.close();
}

#[wasm_bindgen_test]
async fn upgrades_version_2_database_and_round_trips_rules_engine_records() {
    fresh("t-upgrade-v3").await;
    let v2 = Db::open_version("t-upgrade-v3", 2, Hooks::default()).await.unwrap();
    v2.save_person(&person("p1", "Rosa")).await.unwrap();
    v2.put(COMPLETIONS, &completion("c1", "p1", "builtin.peer_exam", "2024-03-01")).await.unwrap();
    let mut own = builtin_trainings()[3].clone();
    own.id = "own-1".into();
    v2.save_training_type(&own).await.unwrap();
    v2.close();

    let db = Db::open("t-upgrade-v3", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    assert_eq!(db.person("p1").await.unwrap().unwrap().name, "Rosa");
    assert_eq!(db.person_records("p1").await.unwrap().completions.len(), 1);
    assert_eq!(*db.stored_training_types().await.unwrap(), vec![own]);
    // Settings written before version 3 read the default due-soon window.
    assert_eq!(db.settings().await.unwrap().due_soon_days, 60);

    // The new stores round-trip every preset, hours worked and waivers, by person.
    for r in presets() {
        db.save_requirement(&r).await.unwrap();
    }
    let mut stored = (*db.requirements().await.unwrap()).clone();
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = presets();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(stored, expected);
    let worked = WorkHours {
        id: "w1".into(), person_id: "p1".into(), from: Date::parse_iso("2025-01-01").unwrap(),
        to: Date::parse_iso("2025-06-30").unwrap(), hours: Hours::whole(1040), notes: "Outreach, paid".into(), removed: false,
    };
    db.save_work_hours(&worked).await.unwrap();
    let waiver = Waiver {
        id: "x1".into(), person_id: "p1".into(), requirement_id: "preset.cpr".into(), reason: "Medical leave".into(),
        waived_by: "HR".into(), from: Date::parse_iso("2026-01-01").unwrap(), until: None, removed: false,
    };
    db.save_waiver(&waiver).await.unwrap();
    let mine = db.person_records("p1").await.unwrap();
    assert_eq!(mine.work_hours, vec![worked]);
    assert_eq!(mine.waivers, vec![waiver]);
    assert_eq!(mine.completions.len(), 1, "saving hours and waivers keeps the completions");
    assert!(db.person_records("p2").await.unwrap().waivers.is_empty());

    // Resetting an edited preset drops the edit only; the organization's own cannot be deleted.
    db.reset_preset_requirement("preset.cpr").await.unwrap();
    assert!(db.requirements().await.unwrap().iter().all(|r| r.id != "preset.cpr"));
    let mut own_req = presets()[0].clone();
    own_req.id = "own-req".into();
    db.save_requirement(&own_req).await.unwrap();
    assert!(db.reset_preset_requirement("own-req").await.is_err());
    assert!(db.requirements().await.unwrap().iter().any(|r| r.id == "own-req"));
    db.close();
}

fn worked(id: &str, person_id: &str) -> WorkHours {
    WorkHours {
        id: id.into(), person_id: person_id.into(), from: Date::parse_iso("2025-01-01").unwrap(),
        to: Date::parse_iso("2025-06-30").unwrap(), hours: Hours::whole(1040), notes: "Outreach, paid".into(), removed: false,
    }
}

fn waiver(id: &str, person_id: &str) -> Waiver {
    Waiver {
        id: id.into(), person_id: person_id.into(), requirement_id: "preset.cpr".into(), reason: "Medical leave".into(),
        waived_by: "HR".into(), from: Date::parse_iso("2026-01-01").unwrap(), until: Date::parse_iso("2026-06-30"), removed: true,
    }
}

#[wasm_bindgen_test]
async fn upgrades_version_3_database_moving_every_record_into_one_document_per_person() {
    fresh("t-upgrade-v4").await;
    // A browser that ran release 3: a record in every store, as that release wrote them.
    let v3 = Db::open_version("t-upgrade-v4", 3, Hooks::default()).await.unwrap();
    v3.save_person(&person("p1", "Rosa")).await.unwrap();
    v3.save_person(&person("p2", "Luis")).await.unwrap();
    v3.put(COMPLETIONS, &completion("c1", "p1", "builtin.cpr_first_aid", "2025-03-03")).await.unwrap();
    v3.put(COMPLETIONS, &completion("c2", "p2", "builtin.hipaa", "2026-01-11")).await.unwrap();
    let mut gone = completion("c3", "p1", "builtin.mhfa_adult", "2024-05-05");
    gone.removed = true;
    v3.put(COMPLETIONS, &gone).await.unwrap();
    v3.put(WORK_HOURS, &worked("w1", "p1")).await.unwrap();
    v3.put(WAIVERS, &waiver("x1", "p2")).await.unwrap();
    let mut edited = presets()[0].clone();
    edited.retired = true;
    v3.save_requirement(&edited).await.unwrap();
    let mut custom = builtin_trainings()[1].clone();
    custom.typical_hours = Hours::whole(9);
    v3.save_training_type(&custom).await.unwrap();
    let settings = Settings { mode: Some(Mode::Organization), due_soon_days: 30, ..Settings::default() };
    v3.save_settings(&settings).await.unwrap();
    v3.close();

    let progress = Rc::new(std::cell::RefCell::new(Vec::new()));
    let hooks = Hooks {
        on_upgrade_progress: Rc::new({
            let progress = progress.clone();
            move |done, total| progress.borrow_mut().push((done, total))
        }),
        ..Hooks::default()
    };
    let db = Db::open("t-upgrade-v4", hooks).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    let mut names = db.store_names();
    names.sort();
    assert_eq!(names, vec!["changes", "ladders", "pay_grades", "people", "person_records", "promotion_plans", "requirements", "settings", "sync", "training_plans", "training_types", "wage_floors"], "the old stores are gone");
    let rosa = db.person_records("p1").await.unwrap();
    assert_eq!(rosa.completions, vec![completion("c1", "p1", "builtin.cpr_first_aid", "2025-03-03"), gone]);
    assert_eq!(rosa.work_hours, vec![worked("w1", "p1")]);
    let luis = db.person_records("p2").await.unwrap();
    assert_eq!(luis.completions, vec![completion("c2", "p2", "builtin.hipaa", "2026-01-11")]);
    assert_eq!(luis.waivers, vec![waiver("x1", "p2")], "removed and dated fields survive");
    assert_eq!(*db.requirements().await.unwrap(), vec![edited]);
    assert_eq!(*db.stored_training_types().await.unwrap(), vec![custom]);
    assert_eq!(db.settings().await.unwrap(), settings);
    assert_eq!(db.people().await.unwrap().len(), 2);
    let seen = progress.borrow().clone();
    assert_eq!(seen.first(), Some(&(0, 5)));
    assert_eq!(seen.last(), Some(&(5, 5)));
    db.close();
}

#[wasm_bindgen_test]
async fn a_large_upgrade_reports_progress_in_batches_and_keeps_every_record() {
    fresh("t-upgrade-large").await;
    let v3 = Db::open_version("t-upgrade-large", 3, Hooks::default()).await.unwrap();
    let mut writes = Vec::new();
    for i in 0..25_000 {
        let c = completion(&format!("c{i:05}"), &format!("p{}", i % 500), "builtin.hipaa", "2026-01-11");
        writes.push((COMPLETIONS, escalera::store::idb::record(&c).unwrap()));
    }
    v3.put_all(&writes).await.unwrap();
    v3.close();

    let progress = Rc::new(std::cell::RefCell::new(Vec::new()));
    let hooks = Hooks {
        on_upgrade_progress: Rc::new({
            let progress = progress.clone();
            move |done, total| progress.borrow_mut().push((done, total))
        }),
        ..Hooks::default()
    };
    let db = Db::open("t-upgrade-large", hooks).await.unwrap();
    let seen = progress.borrow().clone();
    assert!(seen.len() >= 4, "progress is reported per batch: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0 && w[1].1 == 25_000), "{seen:?}");
    assert_eq!(seen.last(), Some(&(25_000, 25_000)));
    let everyone = db.everyone().await.unwrap();
    assert_eq!(everyone.completions_of_training("builtin.hipaa").count(), 25_000);
    assert_eq!(db.person_records("p7").await.unwrap().completions.len(), 50);
    db.close();
}

#[wasm_bindgen_test]
async fn saves_to_one_person_at_once_never_overwrite_each_other_and_other_tabs_are_seen_after_forget() {
    fresh("t-concurrent").await;
    let tab_a = Db::open("t-concurrent", Hooks::default()).await.unwrap();
    let tab_b = Db::open("t-concurrent", Hooks::default()).await.unwrap();
    tab_a.save_person(&person("p1", "Rosa")).await.unwrap();
    // Both tabs have read Rosa's (empty) records and keep them.
    assert!(tab_a.person_records("p1").await.unwrap().is_empty());
    assert!(tab_b.person_records("p1").await.unwrap().is_empty());
    // Three saves to the same document at once, from two tabs: each reads, changes and writes
    // inside its own transaction, so none is lost.
    let (r1, r2, r3) = futures_join(
        tab_a.save_completion(&completion("c1", "p1", "builtin.hipaa", "2026-01-01")),
        tab_b.save_completion(&completion("c2", "p1", "builtin.cpr_first_aid", "2026-01-02")),
        tab_a.save_work_hours(&worked("w1", "p1")),
    )
    .await;
    r1.unwrap();
    r2.unwrap();
    r3.unwrap();
    // Tab B still shows what it read until told that another tab wrote…
    tab_b.forget();
    let seen = tab_b.person_records("p1").await.unwrap();
    assert_eq!(seen.completions.len(), 2);
    assert_eq!(seen.work_hours.len(), 1);
    // …and tab A's cache was kept up to date by its own writes.
    tab_a.forget();
    assert_eq!(*tab_a.person_records("p1").await.unwrap(), *seen);
    tab_a.close();
    tab_b.close();
}

#[wasm_bindgen_test]
async fn a_form_save_is_refused_when_another_tab_changed_the_person_since_it_opened() {
    fresh("t-guarded").await;
    let tab_a = Db::open("t-guarded", Hooks::default()).await.unwrap();
    let tab_b = Db::open("t-guarded", Hooks::default()).await.unwrap();
    let opened = person("p1", "Rosa Núñez");
    tab_a.save_person_over(&opened, None, None).await.unwrap();
    // A new person's id taken meanwhile is refused too (nothing opened, something stored).
    assert!(tab_b.save_person_over(&opened, None, None).await.unwrap_err().changed_elsewhere().is_some());
    // Both tabs open the form on the same person; tab A saves first.
    let a = Person { role_title: "Lead Peer Support Specialist".into(), ..opened.clone() };
    tab_a.save_person_over(&a, Some(&opened), None).await.unwrap();
    let b = Person { notes: "Prefiere llamadas por la tarde".into(), ..opened.clone() };
    let refused = tab_b.save_person_over(&b, Some(&opened), None).await.unwrap_err();
    let now: Person = serde_json::from_str(refused.changed_elsewhere().expect("refused as changed elsewhere")).unwrap();
    assert_eq!(now, a, "the error carries the person as stored now");
    tab_b.forget();
    assert_eq!(tab_b.person("p1").await.unwrap(), Some(a.clone()), "nothing of tab B's save was written");
    // Saved over what is there now (the person chose to keep theirs): accepted.
    tab_b.save_person_over(&b, Some(&a), None).await.unwrap();
    tab_a.forget();
    assert_eq!(tab_a.person("p1").await.unwrap(), Some(b));

    // A built-in training never customised: what the form opened is the built-in itself.
    let hipaa = builtin_trainings().into_iter().find(|t| t.id == "builtin.hipaa").unwrap();
    let mut longer = hipaa.clone();
    longer.typical_hours = Hours::whole(3);
    tab_a.save_training_type_over(&longer, Some(&hipaa)).await.unwrap();
    let mut renamed = hipaa.clone();
    renamed.name.es = "Capacitación HIPAA (privacidad)".into();
    assert!(tab_b.save_training_type_over(&renamed, Some(&hipaa)).await.unwrap_err().changed_elsewhere().is_some());
    tab_b.save_training_type_over(&renamed, Some(&longer)).await.unwrap();

    // A trainer's record, stored as text: refused the same way, and shown as the record itself.
    use escalera::domain::curricula::cohort::Cohort;
    use escalera::domain::curricula::plan::PlanRecord;
    let cohort = Cohort { id: "k1".into(), name: "Promotoras del Valle Central, cohorte de enero".into(), rule: None, people: vec!["p1".into()], archived: false };
    tab_a.save_plan_record_over(&PlanRecord::Cohort(cohort.clone()), None).await.unwrap();
    let renamed = Cohort { name: "Cohorte de enero (Fresno y Tulare)".into(), ..cohort.clone() };
    tab_a.save_plan_record_over(&PlanRecord::Cohort(renamed.clone()), Some(&PlanRecord::Cohort(cohort.clone()))).await.unwrap();
    let refused = tab_b.save_plan_record_over(&PlanRecord::Cohort(Cohort { archived: true, ..cohort.clone() }), Some(&PlanRecord::Cohort(cohort))).await.unwrap_err();
    let shown: Cohort = serde_json::from_str(refused.changed_elsewhere().unwrap()).unwrap();
    assert_eq!(shown, renamed);

    // The pay policy, one record that starts as the default: the same.
    use escalera::domain::ladders::pay::PayPolicy;
    let default = PayPolicy::default();
    let longer = PayPolicy { hours_per_year: 2_088, ..default.clone() };
    tab_a.save_pay_policy_over(&longer, &default).await.unwrap();
    let refused = tab_b.save_pay_policy_over(&PayPolicy { hours_per_year: 1_950, ..default.clone() }, &default).await.unwrap_err();
    assert!(refused.changed_elsewhere().is_some());
    tab_b.save_pay_policy_over(&PayPolicy { hours_per_year: 1_950, ..default }, &longer).await.unwrap();
    tab_a.forget();
    assert_eq!(tab_a.pay_policy().await.unwrap().hours_per_year, 1_950);
    tab_a.close();
    tab_b.close();
}

/// Polls three futures together (no executor dependency beyond the test's own).
async fn futures_join<A: std::future::Future, B: std::future::Future, C: std::future::Future>(a: A, b: B, c: C) -> (A::Output, B::Output, C::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b, mut c) = (pin!(a), pin!(b), pin!(c));
    let (mut ra, mut rb, mut rc) = (None, None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() { if let Poll::Ready(v) = a.as_mut().poll(cx) { ra = Some(v); } }
        if rb.is_none() { if let Poll::Ready(v) = b.as_mut().poll(cx) { rb = Some(v); } }
        if rc.is_none() { if let Poll::Ready(v) = c.as_mut().poll(cx) { rc = Some(v); } }
        if ra.is_some() && rb.is_some() && rc.is_some() { Poll::Ready(()) } else { Poll::Pending }
    })
    .await;
    (ra.unwrap(), rb.unwrap(), rc.unwrap())
}

#[wasm_bindgen_test]
async fn upgrades_version_4_database_and_keeps_ladders_pay_and_plans() {
    use escalera::domain::ladders::board::{PlanItem, PromotionPlan};
    use escalera::domain::ladders::examples::{example_floors, example_grades, example_ladders};
    use escalera::domain::ladders::money::{Bp, Cents};
    use escalera::domain::ladders::pay::PayPolicy;
    use escalera::domain::ladders::person::{Attestation, Placement, PlacementReason, PlannedTraining};
    fresh("t-upgrade-v5").await;
    // Release 4: people and their documents.
    let v4 = Db::open_version("t-upgrade-v5", 4, Hooks::default()).await.unwrap();
    v4.save_person(&person("p1", "Rosa")).await.unwrap();
    v4.save_completion(&completion("c1", "p1", "builtin.peer_exam", "2024-03-01")).await.unwrap();
    v4.close();

    let db = Db::open("t-upgrade-v5", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    assert_eq!(db.person_records("p1").await.unwrap().completions.len(), 1);
    assert!(db.ladders().await.unwrap().is_empty());
    assert_eq!(db.pay_policy().await.unwrap(), PayPolicy::default());

    // A copied example ladder with its grades, an edited floor, the pay policy.
    let mut ladder = example_ladders()[0].clone();
    ladder.id = "own-ladder".into();
    ladder.example = false;
    let grades: Vec<_> = example_grades().into_iter().take(2).map(|mut g| { g.id = format!("own-{}", g.id); g.example = false; g }).collect();
    db.save_ladder(&ladder, &grades).await.unwrap();
    let mut floor = example_floors()[1].clone();
    floor.retired = false;
    db.save_floor(&floor).await.unwrap();
    let policy = PayPolicy { fringe: Bp(2500), ..PayPolicy::default() };
    db.save_pay_policy(&policy).await.unwrap();

    // A person's ladder records travel in their document beside the completions.
    let placement = Placement {
        id: "pl1".into(), person_id: "p1".into(), ladder_id: "own-ladder".into(), step_id: "i".into(), grade_id: grades[0].id.clone(),
        pay_step: 1, hourly: Cents(1792), effective: Date::parse_iso("2025-01-01").unwrap(), reason: PlacementReason::Hire,
        note: String::new(), plan_id: String::new(), removed: false, unconfirmed: None,
    };
    db.save_placement(&placement).await.unwrap();
    db.save_attestation(&Attestation { id: "a1".into(), person_id: "p1".into(), kind: "lived_experience".into(), on: Date::parse_iso("2025-01-01").unwrap(), attested_by: "HR".into(), note: String::new(), removed: false, unconfirmed: None }).await.unwrap();
    db.save_planned_training(&PlannedTraining { id: "t1".into(), person_id: "p1".into(), training_id: "builtin.hipaa".into(), on: Date::parse_iso("2027-01-01").unwrap(), removed: false }).await.unwrap();

    // Applying a plan records placements for everyone in it at once; undoing removes them.
    let mut plan = PromotionPlan {
        id: "plan1".into(), name: "Spring".into(), effective: Date::parse_iso("2026-04-01").unwrap(), fringe: Bp(3000),
        items: vec![PlanItem { person_id: "p1".into(), ladder_id: "own-ladder".into(), to_step: "ii".into() }], applied_on: None, removed: false,
    };
    db.save_promotion_plan(&plan).await.unwrap();
    plan.applied_on = Date::parse_iso("2026-03-01");
    let promoted = Placement { id: "pl2".into(), step_id: "ii".into(), grade_id: grades[1].id.clone(), hourly: Cents(2284), effective: plan.effective, reason: PlacementReason::Promotion, plan_id: "plan1".into(), ..placement.clone() };
    db.apply_plan(&plan, vec![promoted]).await.unwrap();
    db.close();

    let db = Db::open("t-upgrade-v5", Hooks::default()).await.unwrap();
    assert_eq!(*db.ladders().await.unwrap(), vec![ladder]);
    assert_eq!(db.pay_grades().await.unwrap().len(), 2);
    assert_eq!(*db.wage_floors().await.unwrap(), vec![floor]);
    assert_eq!(db.pay_policy().await.unwrap(), policy);
    assert_eq!(db.settings().await.unwrap(), Settings::default(), "the pay policy is its own record");
    let mine = db.person_records("p1").await.unwrap();
    assert_eq!(mine.placements.len(), 2);
    assert_eq!(mine.attestations.len(), 1);
    assert_eq!(mine.plans.len(), 1);
    assert_eq!(mine.completions.len(), 1);
    assert_eq!(db.promotion_plans().await.unwrap()[0].applied_on, Date::parse_iso("2026-03-01"));
    plan.applied_on = None;
    db.unapply_plan(&plan).await.unwrap();
    let mine = db.person_records("p1").await.unwrap();
    assert!(mine.placements.iter().any(|p| p.id == "pl2" && p.removed), "undone, kept as removed");
    assert!(mine.placements.iter().any(|p| p.id == "pl1" && !p.removed));
    assert_eq!(db.promotion_plans().await.unwrap()[0].applied_on, None);
    db.reset_floor(&example_floors()[1].id).await.unwrap();
    assert!(db.wage_floors().await.unwrap().is_empty());
    assert!(db.reset_floor("own-floor").await.is_err());
    db.close();
}

/// Version 6 adds the change stamps: an upgrade keeps everything, then every write of a record
/// in its own store is stamped, an edit inside a person's document is stamped there, a reset
/// built-in leaves a deletion stamp, and a backup carries them all, so two devices' data merge
/// with the newer change winning.
#[wasm_bindgen_test]
async fn changes_are_stamped_and_two_devices_merge_with_the_newer_change_winning() {
    use escalera::domain::backup::{BackupData, Kind};
    use escalera::domain::merge::{merge, Side};
    fresh("t-merge-a").await;
    fresh("t-merge-b").await;
    let v5 = Db::open_version("t-merge-a", 5, Hooks::default()).await.unwrap();
    v5.save_person(&person("p1", "Rosa")).await.unwrap();
    v5.save_completion(&completion("c1", "p1", "builtin.peer_exam", "2024-03-01")).await.unwrap();
    v5.close();
    let a = Db::open("t-merge-a", Hooks::default()).await.unwrap();
    assert!(a.store_names().contains(&"changes".to_owned()));
    assert_eq!(a.person_records("p1").await.unwrap().completions.len(), 1, "the upgrade keeps every record");
    assert!(a.backup_data().await.unwrap().changes.is_empty(), "nothing written since has a stamp");

    // Device B starts from A's backup; both then change things.
    let b = Db::open("t-merge-b", Hooks::default()).await.unwrap();
    b.restore(&a.backup_data().await.unwrap()).await.unwrap();
    a.save_person(&person("p1", "Rosa Núñez")).await.unwrap();
    let mut custom = builtin_trainings()[0].clone();
    custom.typical_hours = Hours::whole(12);
    a.save_training_type(&custom).await.unwrap();
    a.reset_builtin_training_type(&custom.id).await.unwrap();
    let removed = Completion { removed: true, ..completion("c1", "p1", "builtin.peer_exam", "2024-03-01") };
    b.save_completion(&removed).await.unwrap();
    b.save_completion(&completion("c2", "p1", "builtin.hipaa", "2026-01-11")).await.unwrap();
    sleep(5).await; // so B's edit is stamped a later millisecond than A's reset
    b.save_training_type(&custom).await.unwrap();

    let here = a.backup_data().await.unwrap();
    assert!(here.changes.iter().any(|s| s.id == "people/p1" && !s.gone));
    assert!(here.changes.iter().any(|s| s.id == format!("training_types/{}", custom.id) && s.gone), "{:?}", here.changes);
    let theirs = b.backup_data().await.unwrap();
    let stamped = &theirs.files[0].changed;
    assert_eq!(stamped.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["c1"], "the edit is stamped, the addition is not");

    // The file goes through its text, as a user's download would.
    let text = theirs.to_file(schema::LATEST, "test", "2026-11-29T12:00:00Z");
    let file = BackupData::from_file(&text, schema::LATEST).unwrap();
    let merged = merge(&here, &file);
    assert!(merged.conflicts.iter().any(|c| c.id == "c1" && c.kept == Side::File));
    assert!(merged.conflicts.iter().any(|c| c.id == "p1" && c.kept == Side::Here), "A renamed Rosa; B did not touch her");
    a.restore(&merged.data).await.unwrap();
    a.close();
    let a = Db::open("t-merge-a", Hooks::default()).await.unwrap();
    let after = a.backup_data().await.unwrap();
    assert_eq!(after.people[0].name, "Rosa Núñez");
    let mine = a.person_records("p1").await.unwrap();
    assert_eq!(mine.completions.iter().map(|c| (c.id.as_str(), c.removed)).collect::<Vec<_>>(), vec![("c1", true), ("c2", false)]);
    assert_eq!(a.stored_training_types().await.unwrap().as_slice(), &[custom], "B customised it after A's reset");
    // Merging the same file again changes nothing.
    assert!(!merge(&after, &file).changes_anything());
    assert_eq!(merged.tally.iter().find(|(k, _)| *k == Kind::PersonRecords).unwrap().1.added, 1);
    a.close();
    b.close();
}

/// A full backup restored into another database gives back exactly the same data, replacing
/// what was there, and survives a reopen.
#[wasm_bindgen_test]
async fn a_backup_restores_into_another_database_exactly_replacing_what_was_there() {
    use escalera::domain::backup::BackupData;
    fresh("t-backup-a").await;
    fresh("t-backup-b").await;
    let a = Db::open("t-backup-a", Hooks::default()).await.unwrap();
    a.save_person(&person("p1", "Rosa Núñez")).await.unwrap();
    a.save_person(&person("p2", "Luis")).await.unwrap();
    a.save_completion(&completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10")).await.unwrap();
    let mut custom = builtin_trainings()[0].clone();
    custom.typical_hours = Hours::whole(12);
    a.save_training_type(&custom).await.unwrap();
    a.save_settings(&Settings { mode: Some(Mode::Organization), due_soon_days: 45, ..Settings::default() }).await.unwrap();
    let data = a.backup_data().await.unwrap();
    let text = data.to_file(schema::LATEST, "test", "2026-11-24T21:00:00Z");

    let b = Db::open("t-backup-b", Hooks::default()).await.unwrap();
    b.save_person(&person("old", "Someone else")).await.unwrap();
    let read = BackupData::from_file(&text, schema::LATEST).unwrap();
    b.restore(&read).await.unwrap();
    b.close();
    let b = Db::open("t-backup-b", Hooks::default()).await.unwrap();
    let mut restored = b.backup_data().await.unwrap();
    let mut original = data.clone();
    for d in [&mut restored, &mut original] {
        d.people.sort_by(|x, y| x.id.cmp(&y.id));
        d.files.sort_by(|x, y| x.person_id.cmp(&y.person_id));
    }
    assert_eq!(restored, original);
    assert!(restored.people.iter().all(|p| p.id != "old"), "a restore replaces what was there");
    a.close();
    b.close();
}

#[wasm_bindgen_test]
async fn a_persons_record_moves_to_another_organization_once_and_survives_reopen() {
    use escalera::domain::my_record::{find_match, plan_import, Match, PersonFile};
    use std::collections::HashSet;
    fresh("t-record-a").await;
    fresh("t-record-b").await;
    let a = Db::open("t-record-a", Hooks::default()).await.unwrap();
    a.save_person(&person("p1", "Rosa Núñez")).await.unwrap();
    let mut own = builtin_trainings()[0].clone();
    own.id = "own.doula_101".into();
    a.save_training_type(&own).await.unwrap();
    a.save_completion(&completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10")).await.unwrap();
    a.save_completion(&completion("c2", "p1", "own.doula_101", "2025-04-10")).await.unwrap();
    let rosa = a.person("p1").await.unwrap().unwrap();
    let text = PersonFile::of(&rosa, &a.person_records("p1").await.unwrap(), &a.stored_training_types().await.unwrap(), "Clínica").to_file("test", "t");

    // The new employer has Rosa already, under its own id and with the same email.
    let b = Db::open("t-record-b", Hooks::default()).await.unwrap();
    b.save_person(&person("hr-9", "Rosa Nunez")).await.unwrap();
    let file = PersonFile::from_file(&text).unwrap();
    for round in 0..2 {
        let people = b.people().await.unwrap();
        let Match::Email(id) = find_match(&people, &file.person) else { panic!("matched by email") };
        let target = people.iter().find(|p| p.id == id).cloned();
        let plan = plan_import(&file, target.as_ref(), &b.person_records(&id).await.unwrap(), &b.stored_training_types().await.unwrap(), &HashSet::new(), None);
        assert_eq!(plan.added.completions, if round == 0 { 2 } else { 0 }, "round {round}");
        b.import_person(&plan).await.unwrap();
    }
    b.close();
    let b = Db::open("t-record-b", Hooks::default()).await.unwrap();
    assert_eq!(b.people().await.unwrap().len(), 1, "no one duplicated");
    let records = b.person_records("hr-9").await.unwrap();
    assert_eq!(records.completions.iter().map(|c| (c.id.as_str(), c.person_id.as_str())).collect::<Vec<_>>(), vec![("c1", "hr-9"), ("c2", "hr-9")]);
    assert!(b.stored_training_types().await.unwrap().iter().any(|t| t.id == "own.doula_101"), "the training it names came along");
    a.close();
    b.close();
}

#[wasm_bindgen_test]
async fn a_removal_is_dated_and_purged_after_30_days_in_one_transaction() {
    fresh("t-trash").await;
    let db = Db::open("t-trash", Hooks::default()).await.unwrap();
    db.save_person(&person("p1", "Rosa")).await.unwrap();
    db.save_completion(&completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10")).await.unwrap();
    db.save_completion(&completion("c2", "p1", "builtin.hipaa", "2025-03-11")).await.unwrap();
    db.save_completion(&Completion { removed: true, ..completion("c1", "p1", "builtin.mhfa_adult", "2025-03-10") }).await.unwrap();
    let records = db.person_records("p1").await.unwrap();
    let removal = records.removals.first().expect("the removal is dated").clone();
    assert_eq!(removal.id, "c1");
    // Nothing to purge yet; on the 30th day after removal it goes.
    assert_eq!(db.purge_trash(removal.on).await.unwrap(), 0);
    assert_eq!(db.purge_trash(removal.on.add_days(30)).await.unwrap(), 1);
    assert_eq!(db.purge_trash(removal.on.add_days(30)).await.unwrap(), 0, "a second purge finds nothing");
    db.close();
    let db = Db::open("t-trash", Hooks::default()).await.unwrap();
    let records = db.person_records("p1").await.unwrap();
    assert_eq!(records.completions.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["c2"]);
    assert!(records.removals.is_empty());
    db.close();
}

#[wasm_bindgen_test]
fn a_full_device_is_told_apart_from_other_failures() {
    use escalera::store::StoreError;
    // What the store keeps of a refused write: the DOM exception's name, then its message.
    let full: StoreError = wasm_bindgen::JsValue::from(web_sys::DomException::new_with_message_and_name("The quota has been exceeded.", "QuotaExceededError").unwrap()).into();
    assert!(full.is_full(), "{full}");
    let other: StoreError = wasm_bindgen::JsValue::from(web_sys::DomException::new_with_message_and_name("Key already exists.", "ConstraintError").unwrap()).into();
    assert!(!other.is_full());
}

#[wasm_bindgen_test]
async fn upgrades_version_6_database_and_keeps_a_trainers_records_with_sessions_recorded_in_one_transaction() {
    use escalera::domain::backup::BackupData;
    use escalera::domain::curricula::examples::example_curricula;
    use escalera::domain::curricula::plan::{PlanRecord, Plans};
    use escalera::domain::curricula::session::{Mark, Session};
    fresh("t-upgrade-v7").await;
    fresh("t-upgrade-v7-b").await;
    let v6 = Db::open_version("t-upgrade-v7", 6, Hooks::default()).await.unwrap();
    v6.save_person(&person("p1", "Rosa")).await.unwrap();
    v6.save_completion(&completion("c1", "p1", "builtin.hipaa", "2025-03-10")).await.unwrap();
    assert!(v6.training_plans().await.unwrap().is_empty(), "an older database has none, and no error");
    v6.close();

    let db = Db::open("t-upgrade-v7", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    assert_eq!(db.person_records("p1").await.unwrap().completions.len(), 1, "the upgrade keeps what was there");
    // A copied example and its next version, both kept.
    let first = example_curricula().remove(0).duplicate("cur-1");
    let second = first.save_edit(first.clone(), true);
    db.save_plan_records(&[PlanRecord::Curriculum(first.clone()), PlanRecord::Curriculum(second.clone())]).await.unwrap();
    // A session's attendance records completions and the session in one transaction.
    let mut session = Session {
        id: "s1".into(),
        training_id: "builtin.motivational_interviewing".into(),
        on: Date::parse_iso("2026-12-03").unwrap(),
        starts_at: "09:00".into(),
        hours: Hours::whole(16),
        facilitator: "Marta".into(),
        place: "Sala 2".into(),
        language: PreferredLanguage::Spanish,
        capacity: None,
        roster: Vec::new(),
        attendance: Vec::new(),
        recorded: Vec::new(),
        removed: false,
    };
    session.add(&["p1"]);
    let day = session.on;
    assert!(session.mark("p1", Mark::Present, day));
    let made = session.record("Clínica", false, day, &mut || "done-1".to_owned());
    db.save_session(&PlanRecord::Session(session.clone()), made, Vec::new()).await.unwrap();
    db.close();
    let db = Db::open("t-upgrade-v7", Hooks::default()).await.unwrap();
    let plans = Plans::from_records(db.training_plans().await.unwrap().iter().cloned());
    assert_eq!(plans.curricula.iter().map(|c| c.key()).collect::<Vec<_>>().len(), 2);
    assert!(plans.curricula.contains(&first) && plans.curricula.contains(&second));
    assert_eq!(plans.sessions, vec![session.clone()]);
    let file = db.person_records("p1").await.unwrap();
    assert!(file.completions.iter().any(|c| c.id == "done-1" && c.completed_on == session.on && c.counts()));
    // Undo: the completions are removed (to the trash), the session forgets them.
    let ids = session.undo_record();
    db.save_session(&PlanRecord::Session(session.clone()), Vec::new(), ids.into_iter().map(|id| ("p1".to_owned(), id)).collect()).await.unwrap();
    let file = db.person_records("p1").await.unwrap();
    assert!(file.completions.iter().any(|c| c.id == "done-1" && c.removed));
    // A backup carries them to another device.
    let data = db.backup_data().await.unwrap();
    assert_eq!(data.training.len(), 3);
    let text = data.to_file(schema::LATEST, "test", "2026-11-29T21:00:00Z");
    let b = Db::open("t-upgrade-v7-b", Hooks::default()).await.unwrap();
    b.restore(&BackupData::from_file(&text, schema::LATEST).unwrap()).await.unwrap();
    let mut restored: Vec<String> = b.training_plans().await.unwrap().iter().map(|r| r.key()).collect();
    restored.sort();
    assert_eq!(restored, vec!["curriculum/cur-1@1", "curriculum/cur-1@2", "session/s1"]);
    db.close();
    b.close();
}

#[wasm_bindgen_test]
async fn upgrades_version_7_database_for_sync_finding_edits_and_never_overwriting_one_made_meanwhile() {
    use escalera::store::sync_records::Received;
    use escalera::sync::local::{text_hash, Meta, Outcome};
    use escalera::sync::state::SyncState;
    fresh("t-upgrade-v8").await;
    let v7 = Db::open_version("t-upgrade-v8", 7, Hooks::default()).await.unwrap();
    v7.save_person(&person("p1", "Rosa")).await.unwrap();
    v7.save_completion(&completion("c1", "p1", "builtin.hipaa", "2025-03-10")).await.unwrap();
    v7.close();

    let db = Db::open("t-upgrade-v8", Hooks::default()).await.unwrap();
    assert_eq!(db.version(), schema::LATEST);
    assert!(db.store_names().contains(&"sync".to_owned()));
    assert_eq!(db.sync_state().await.unwrap(), SyncState::default(), "sync starts off");
    assert!(db.sync_metas().await.unwrap().is_empty());
    // Every synced record, as text; the device's own settings are not among them.
    db.save_settings(&Settings { mode: Some(Mode::Organization), ..Settings::default() }).await.unwrap();
    let scan = db.sync_scan().await.unwrap();
    let mut ids: Vec<&String> = scan.keys().collect();
    ids.sort();
    assert_eq!(ids, vec!["people:p1", "person_records:p1"]);
    assert!(scan["people:p1"].contains("\"name\":\"Rosa\"") && !scan["people:p1"].contains("\"id\""));
    assert!(scan["person_records:p1"].contains("c1"));

    // A pull that would change Rosa: applied while she is as the pass read her...
    let mut meta = Meta::default();
    meta.note_local(Some(&scan["people:p1"]));
    let renamed = scan["people:p1"].replace("Rosa", "Rosa María");
    let received = |meta: &Meta| Received { id: "people:p1".into(), outcome: Outcome::Write(renamed.clone()), meta: meta.clone(), hash: text_hash(&scan["people:p1"]) };
    let (changed, kept) = db.sync_apply(vec![received(&meta)]).await.unwrap();
    assert_eq!((changed, kept.len()), (1, 1));
    assert_eq!(db.person("p1").await.unwrap().unwrap().name, "Rosa María");
    let stored = &db.sync_metas().await.unwrap()["people:p1"];
    assert_eq!(stored.hash, text_hash(&db.sync_scan().await.unwrap()["people:p1"]), "what was received is not an edit here");
    // ...and left alone when she was changed here since: the next pass sends that edit.
    db.save_person(&person("p1", "Rosa Elena")).await.unwrap();
    let (changed, kept) = db.sync_apply(vec![received(&meta)]).await.unwrap();
    assert_eq!((changed, kept.len()), (0, 0));
    assert_eq!(db.person("p1").await.unwrap().unwrap().name, "Rosa Elena");
    // A document this version cannot read is not applied: one bad record would stop the list.
    let now = db.sync_scan().await.unwrap();
    let broken = Received { id: "people:p1".into(), outcome: Outcome::Write("{\"name\":5}".into()), meta: meta.clone(), hash: text_hash(&now["people:p1"]) };
    assert_eq!(db.sync_apply(vec![broken]).await.unwrap(), (0, Vec::new()));
    assert_eq!(db.person("p1").await.unwrap().unwrap().name, "Rosa Elena");
    // A removal that arrives deletes the record; turning sync off keeps every record.
    let now = db.sync_scan().await.unwrap();
    let removal = Received { id: "person_records:p1".into(), outcome: Outcome::Remove, meta: Meta::default(), hash: text_hash(&now["person_records:p1"]) };
    assert_eq!(db.sync_apply(vec![removal]).await.unwrap().0, 1);
    assert!(db.person_records("p1").await.unwrap().completions.is_empty());
    db.sync_forget().await.unwrap();
    assert!(db.sync_metas().await.unwrap().is_empty());
    assert!(db.person("p1").await.unwrap().is_some());
    db.close();
}
