//! Record signatures are judged by one rule whether checked one at a time or in a batch (see `signature.rs`).

use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT, EIGHT_TORSION};
use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use sha2::{Digest, Sha512};

use kenes_record::signature::{usable_key, verify_one};
use kenes_record::{Event, EventHash, NodeId, NodeKey, UnsignedEvent, verify_chain};

const SEED: [u8; 32] = [7; 32];

/// An RFC 8032 signature by the key from `SEED`, except that a point of order `torsion_order` is added to `R`.
/// Honest signers never do this; a dishonest one can, to make verifiers disagree if they use different rules.
fn signature_with_torsion(message: &[u8], torsion: EdwardsPoint, r: u64) -> [u8; 64] {
    let expanded = Sha512::digest(SEED);
    let mut a_bytes = [0u8; 32];
    a_bytes.copy_from_slice(&expanded[..32]);
    let a_point = EdwardsPoint::mul_base_clamped(a_bytes);
    a_bytes[0] &= 248;
    a_bytes[31] &= 127;
    a_bytes[31] |= 64;
    let a = Scalar::from_bytes_mod_order(a_bytes);
    let r = Scalar::from(r);
    let big_r = (ED25519_BASEPOINT_POINT * r + torsion).compress();
    let k = Scalar::from_hash(
        Sha512::new().chain_update(big_r.as_bytes()).chain_update(a_point.compress().as_bytes()).chain_update(message),
    );
    let s = r + k * a;
    let mut signature = [0u8; 64];
    signature[..32].copy_from_slice(big_r.as_bytes());
    signature[32..].copy_from_slice(s.as_bytes());
    signature
}

/// A chain of `n` events whose every signature carries a torsion point in `R` (or, at `broken`, a wrong `s`).
fn torsioned_chain(n: u64, broken: Option<u64>) -> Vec<Event> {
    let key = NodeKey::from_secret_bytes(&SEED);
    let mut events: Vec<Event> = Vec::new();
    for height in 0..n {
        let parent = events.last().map_or(EventHash::ZERO, Event::hash);
        let kind = if height == 0 { "council.created" } else { "member.added" };
        let unsigned = UnsignedEvent {
            height,
            parent,
            timestamp_ms: 1_700_000_000_000 + height as i64,
            kind: kind.to_owned(),
            payload: format!("{{\"n\":{height}}}").into_bytes(),
        };
        let honest = unsigned.sign(&key).unwrap();
        let mut wire = honest.to_wire();
        let at = wire.len() - 64;
        let mut signature = signature_with_torsion(&honest.canonical_bytes(), EIGHT_TORSION[4], 1000 + height);
        if broken == Some(height) {
            signature[32] ^= 1;
        }
        wire[at..].copy_from_slice(&signature);
        events.push(Event::from_wire(&wire).unwrap());
    }
    events
}

#[test]
fn one_at_a_time_and_in_batches_give_the_same_answer() {
    // A torsion point in R: the cofactored rule accepts it whichever way it is checked. (ed25519-dalek's
    // verify_strict refuses it, while its batch verification accepts it for half the random weights: two answers.)
    let events = torsioned_chain(300, None);
    assert!(events.iter().all(Event::verify_signature));
    let key = ed25519_dalek::VerifyingKey::from_bytes(&events[0].node.0).unwrap();
    let signature = ed25519_dalek::Signature::from_bytes(&events[0].signature);
    assert!(key.verify_strict(&events[0].canonical_bytes(), &signature).is_err(), "the rule kenes does not use");
    for _ in 0..5 {
        assert_eq!(verify_chain(&events).unwrap().len, 300, "the batch agrees, every time");
    }
    // A wrong s is refused both ways, at its height.
    let events = torsioned_chain(300, Some(217));
    assert!(!events[217].verify_signature());
    assert!(events.iter().enumerate().all(|(h, e)| e.verify_signature() == (h != 217)));
    let error = verify_chain(&events).unwrap_err();
    assert_eq!(error.height, 217, "{error}");
}

#[test]
fn the_rule_kenes_left_would_let_verifiers_disagree() {
    // ed25519-dalek's verify_strict refuses a torsion point in R, but its batch verification accepts one whenever
    // the batch's weight for it is even: a dishonest signer finds such a signature in a few tries.
    let key = ed25519_dalek::VerifyingKey::from_bytes(&NodeKey::from_secret_bytes(&SEED).node_id().0).unwrap();
    let message = b"height 5: member.added";
    let tries = (0..64u64)
        .find(|r| {
            let signature =
                ed25519_dalek::Signature::from_bytes(&signature_with_torsion(message, EIGHT_TORSION[4], *r));
            ed25519_dalek::verify_batch(&[message.as_slice()], &[signature], &[key]).is_ok()
        })
        .expect("a batch-accepted signature within 64 tries");
    let signature = signature_with_torsion(message, EIGHT_TORSION[4], tries);
    let dalek = ed25519_dalek::Signature::from_bytes(&signature);
    assert!(key.verify_strict(message, &dalek).is_err(), "one at a time: refused");
    // kenes's rule says the same thing both ways.
    let node = NodeKey::from_secret_bytes(&SEED).node_id();
    assert!(verify_one(&node, message, &signature));
    assert!(kenes_record::signature::verify_all([(&node, message.as_slice(), &signature)]));
}

#[test]
fn a_small_order_key_signs_nothing() {
    // For a key of small order, R of small order and s = 0 satisfy the equation for every message.
    let weak = NodeId(EIGHT_TORSION[1].compress().to_bytes());
    let mut universal = [0u8; 64];
    universal[..32].copy_from_slice(&EIGHT_TORSION[2].compress().to_bytes());
    let zebra_key = ed25519_zebra::VerificationKey::try_from(weak.0).unwrap();
    assert!(zebra_key.verify(&ed25519_zebra::Signature::from_bytes(&universal), b"anything at all").is_ok());
    assert!(!usable_key(&weak));
    assert!(!verify_one(&weak, b"anything at all", &universal));
    assert!(usable_key(&NodeKey::from_secret_bytes(&SEED).node_id()));
}
