//! The canonical bytes follow the layout written in `src/event.rs` and `docs/record.md`, byte for byte.

use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use kenes_record::{Event, EventHash, NodeKey, UnsignedEvent};

#[test]
fn canonical_bytes_are_the_documented_layout() {
    let key = NodeKey::from_secret_bytes(&[7; 32]);
    let parent = EventHash([0xab; 32]);
    let event = UnsignedEvent {
        height: 258,
        parent,
        timestamp_ms: -5,
        kind: "member.added".to_owned(),
        payload: b"{\"by\":1}".to_vec(),
    }
    .sign(&key)
    .unwrap();

    // Built by hand from the written layout, not by the encoder.
    let mut expected = Vec::new();
    expected.extend_from_slice(b"kenes-event-v1");
    expected.extend_from_slice(&[0, 0, 0, 0, 0, 0, 1, 2]);
    expected.extend_from_slice(&[0xab; 32]);
    expected.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfb]);
    expected.extend_from_slice(&key.node_id().0);
    expected.extend_from_slice(&[0, 12]);
    expected.extend_from_slice(b"member.added");
    expected.extend_from_slice(&[0, 0, 0, 8]);
    expected.extend_from_slice(b"{\"by\":1}");
    assert_eq!(event.canonical_bytes(), expected);

    // The signature is plain Ed25519 over exactly those bytes, checked with the dalek verifier directly.
    let verifying = VerifyingKey::from_bytes(&key.node_id().0).unwrap();
    verifying.verify(&expected, &Signature::from_bytes(&event.signature)).unwrap();

    // The hash is SHA-256 over canonical bytes then signature; the wire form is canonical bytes then signature.
    let mut wire = expected.clone();
    wire.extend_from_slice(&event.signature);
    assert_eq!(event.to_wire(), wire);
    assert_eq!(event.hash().0, <[u8; 32]>::from(Sha256::digest(&wire)));
    assert_eq!(Event::from_wire(&wire).unwrap(), event);
}

/// Known answer: Ed25519 is deterministic, so a fixed key and event always give the same hash. This vector was
/// computed by this implementation when the encoding was written down (it is a regression guard: the layout itself
/// is checked independently above).
#[test]
fn known_answer_for_a_fixed_key_and_event() {
    let key = NodeKey::from_secret_bytes(&[1; 32]);
    assert_eq!(key.node_id().to_hex(), "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
    let event = UnsignedEvent {
        height: 0,
        parent: EventHash::ZERO,
        timestamp_ms: 1_700_000_000_000,
        kind: "council.created".to_owned(),
        payload: b"{}".to_vec(),
    }
    .sign(&key)
    .unwrap();
    assert_eq!(event.hash().to_hex(), KNOWN_HASH);
}

const KNOWN_HASH: &str = "e73216aae451fdb13da741e1d6787dd78c8ac0dc854698693927980ac2160755";

#[test]
fn malformed_events_are_refused_with_what_is_wrong() {
    let key = NodeKey::from_secret_bytes(&[3; 32]);
    let bad_kind = UnsignedEvent {
        height: 0,
        parent: EventHash::ZERO,
        timestamp_ms: 0,
        kind: "Bad Kind".to_owned(),
        payload: vec![],
    };
    assert!(bad_kind.sign(&key).unwrap_err().to_string().contains("invalid event kind"));
    let huge = UnsignedEvent {
        height: 0,
        parent: EventHash::ZERO,
        timestamp_ms: 0,
        kind: "x".to_owned(),
        payload: vec![0; kenes_record::MAX_PAYLOAD + 1],
    };
    assert!(huge.sign(&key).unwrap_err().to_string().contains("payload has"));
    let good =
        UnsignedEvent { height: 0, parent: EventHash::ZERO, timestamp_ms: 0, kind: "x".to_owned(), payload: vec![1] }
            .sign(&key)
            .unwrap()
            .to_wire();
    for cut in 0..good.len() {
        let error = Event::from_wire(&good[..cut]).unwrap_err().to_string();
        assert!(error.contains("cut off") || error.contains("magic"), "cut at {cut}: {error}");
    }
    let mut long = good.clone();
    long.push(0);
    assert!(Event::from_wire(&long).unwrap_err().to_string().contains("unexpected bytes"));
}
