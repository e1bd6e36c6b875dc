//! Checkpoints, `_revs_diff` and `_bulk_docs` between two in-memory replicas, and the property
//! the issue asks for: any interleaving of edits on two replicas, after syncing both ways,
//! converges to the same documents and the same conflicts.

use super::*;
use proptest::prelude::*;

fn winner_body(r: &Replica, id: &str) -> Option<(String, bool)> {
    let (tree, bodies) = r.docs.get(id)?;
    let w = tree.winner()?;
    Some((bodies.get(&w.rev).cloned().unwrap_or_default(), w.deleted))
}

#[test]
fn a_checkpoint_is_trusted_only_when_both_sides_agree_on_the_session() {
    let a = Checkpoint { session_id: "s2".into(), source_last_seq: 40, history: vec![("s1".into(), 25)] };
    assert_eq!(start_seq(Some(&a), Some(&a)), 40);
    let lost = Checkpoint { session_id: "s1".into(), source_last_seq: 25, history: Vec::new() };
    assert_eq!(start_seq(Some(&a), Some(&lost)), 25, "the target missed the last session: from the one both have");
    assert_eq!(start_seq(Some(&a), None), 0, "no checkpoint on the target: from the beginning");
    let next = next_checkpoint(Some(&a), "s3", 55);
    assert_eq!(next.history, vec![("s2".to_owned(), 40), ("s1".to_owned(), 25)]);
}

#[test]
fn an_edit_made_on_two_devices_while_apart_is_kept_as_a_conflict_on_both() {
    let (mut phone, mut office) = (Replica::default(), Replica::default());
    phone.edit("person/ana", r#"{"name":"Ana"}"#, false);
    assert_eq!(replicate(&mut phone, &mut office, "r1", "s1", 10), 1);
    assert_eq!(winner_body(&office, "person/ana"), Some((r#"{"name":"Ana"}"#.to_owned(), false)));
    // Offline, both change her.
    phone.edit("person/ana", r#"{"name":"Ana Ríos"}"#, false);
    office.edit("person/ana", r#"{"name":"Ana R."}"#, false);
    replicate(&mut phone, &mut office, "r1", "s2", 10);
    replicate(&mut office, &mut phone, "r2", "s3", 10);
    assert_eq!(phone.docs["person/ana"].0, office.docs["person/ana"].0);
    assert_eq!(winner_body(&phone, "person/ana"), winner_body(&office, "person/ana"));
    assert_eq!(phone.docs["person/ana"].0.conflicts().len(), 1, "the other version is shown, not lost");
    // Resolving: one device deletes the losing leaf (its choice syncs); no conflict is left.
    let loser = office.docs["person/ana"].0.conflicts()[0].clone();
    let (tree, bodies) = office.docs.get_mut("person/ana").unwrap();
    let mut branch = tree.branch(&loser).unwrap();
    let gone = Rev::new(loser.pos + 1, &rev_hash(Some(&loser), "{}", true));
    branch.start = gone.pos;
    branch.ids.insert(0, gone.hash.clone());
    tree.insert(&branch, true);
    bodies.insert(gone, "{}".into());
    office.bump("person/ana");
    replicate(&mut office, &mut phone, "r2", "s4", 10);
    assert!(phone.docs["person/ana"].0.conflicts().is_empty());
    assert_eq!(phone.docs["person/ana"].0, office.docs["person/ana"].0);
    // Nothing new: a second pass writes nothing, from its checkpoint.
    assert_eq!(replicate(&mut office, &mut phone, "r2", "s5", 10), 0);
}

#[test]
fn the_same_edit_on_two_devices_is_one_revision() {
    let (mut a, mut b) = (Replica::default(), Replica::default());
    let ra = a.edit("x", "{}", false);
    let rb = b.edit("x", "{}", false);
    assert_eq!(ra, rb);
    replicate(&mut a, &mut b, "r", "s", 10);
    assert!(b.docs["x"].0.conflicts().is_empty());
}

#[derive(Clone, Debug)]
enum Op {
    Edit { on_a: bool, doc: u8, body: u8, delete: bool },
    Sync { a_to_b: bool, batch: u8 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 0u8..4, 0u8..6, prop::bool::weighted(0.15)).prop_map(|(on_a, doc, body, delete)| Op::Edit { on_a, doc, body, delete }),
        1 => (any::<bool>(), 1u8..4).prop_map(|(a_to_b, batch)| Op::Sync { a_to_b, batch }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_interleaving_converges_after_syncing_both_ways(ops in prop::collection::vec(op(), 1..40)) {
        let (mut a, mut b) = (Replica::default(), Replica::default());
        for (n, o) in ops.iter().enumerate() {
            match *o {
                Op::Edit { on_a, doc, body, delete } => {
                    let r = if on_a { &mut a } else { &mut b };
                    r.edit(&format!("doc{doc}"), &format!("{{\"v\":{body}}}"), delete);
                }
                Op::Sync { a_to_b, batch } => {
                    if a_to_b { replicate(&mut a, &mut b, "a-b", &format!("s{n}"), batch as usize); } else { replicate(&mut b, &mut a, "b-a", &format!("s{n}"), batch as usize); }
                }
            }
        }
        replicate(&mut a, &mut b, "a-b", "final1", 3);
        replicate(&mut b, &mut a, "b-a", "final2", 3);
        let ids: Vec<&String> = a.docs.keys().collect();
        prop_assert_eq!(ids, b.docs.keys().collect::<Vec<_>>());
        for id in a.docs.keys() {
            prop_assert_eq!(&a.docs[id].0, &b.docs[id].0, "{}: the same tree", id);
            prop_assert_eq!(winner_body(&a, id), winner_body(&b, id));
            prop_assert_eq!(a.docs[id].0.conflicts(), b.docs[id].0.conflicts());
            // Every leaf's body is there on both sides: nothing was lost.
            for leaf in a.docs[id].0.leaves() {
                prop_assert!(a.docs[id].1.contains_key(&leaf.rev) && b.docs[id].1.contains_key(&leaf.rev));
            }
        }
    }
}
