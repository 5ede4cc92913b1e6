//! Every changed, removed, reordered or inserted byte or event of a bundle is detected, at the right height.

use kenes_record::bundle::{self, verify_bundle};
use kenes_record::{Event, EventHash, SEAL_LEN, Seal, UnsignedEvent};

use crate::chain;

/// Byte ranges of each event in the bundle (its length prefix and wire bytes).
fn event_ranges(events: &[Event]) -> Vec<std::ops::Range<usize>> {
    let mut at = 16 + 8;
    events
        .iter()
        .map(|event| {
            let end = at + 4 + event.to_wire().len();
            let range = at..end;
            at = end;
            range
        })
        .collect()
}

#[test]
fn a_valid_bundle_verifies() {
    let (_, events, seal) = chain(6);
    let bytes = bundle::encode(&events, &seal);
    let (decoded, summary) = verify_bundle(&bytes).unwrap();
    assert_eq!(decoded.events, events);
    assert_eq!(summary.len, 6);
    assert_eq!(summary.head, events[5].hash());
    assert_eq!(summary.council, events[0].hash());
}

#[test]
fn every_flipped_bit_is_detected_at_its_event() {
    let (_, events, seal) = chain(6);
    let bytes = bundle::encode(&events, &seal);
    let ranges = event_ranges(&events);
    let seal_start = bytes.len() - SEAL_LEN;
    for position in 0..bytes.len() {
        for bit in [0x01u8, 0x80] {
            let mut damaged = bytes.clone();
            damaged[position] ^= bit;
            let error =
                verify_bundle(&damaged).expect_err(&format!("flip of bit {bit:#x} at byte {position} went unnoticed"));
            if let Some(index) = ranges.iter().position(|r| r.contains(&position)) {
                // A damaged length prefix can make the bundle end early or run on: then the report names that
                // event or, when the damage shows only at the end, the missing tail.
                let height = error.height().unwrap_or_else(|| panic!("byte {position}: no height in {error}"));
                if position >= ranges[index].start + 4 {
                    assert_eq!(height, index as u64, "byte {position} lies in event {index}: {error}");
                } else {
                    assert!(height >= index as u64, "byte {position} (length of event {index}): {error}");
                }
            } else if position >= seal_start {
                assert!(error.to_string().contains("seal"), "byte {position} is in the seal: {error}");
            }
        }
    }
}

#[test]
fn removed_reordered_and_inserted_events_are_detected_at_the_right_height() {
    let (key, events, seal) = chain(6);
    // Each event removed in turn (the count fixed up, so only the record can tell).
    for removed in 0..events.len() {
        let mut fewer = events.clone();
        fewer.remove(removed);
        let error = verify_bundle(&bundle::encode(&fewer, &seal)).unwrap_err();
        let expected = if removed == 0 { 0 } else { removed as u64 };
        assert_eq!(error.height(), Some(expected), "removed {removed}: {error}");
    }
    // Adjacent events swapped.
    for first in 0..events.len() - 1 {
        let mut swapped = events.clone();
        swapped.swap(first, first + 1);
        let error = verify_bundle(&bundle::encode(&swapped, &seal)).unwrap_err();
        assert_eq!(error.height(), Some(first as u64), "swapped {first}: {error}");
    }
    // An event inserted, correctly signed by the home node key but not sealed: the heights no longer fit.
    let extra = UnsignedEvent {
        height: 3,
        parent: events[2].hash(),
        timestamp_ms: events[2].timestamp_ms,
        kind: "member.added".to_owned(),
        payload: b"{}".to_vec(),
    }
    .sign(&key)
    .unwrap();
    let mut inserted = events.clone();
    inserted.insert(3, extra);
    let error = verify_bundle(&bundle::encode(&inserted, &seal)).unwrap_err();
    assert_eq!(error.height(), Some(4), "{error}");
    // An event signed by another node.
    let stranger = kenes_record::NodeKey::from_secret_bytes(&[9; 32]);
    let forged = UnsignedEvent {
        height: 6,
        parent: events[5].hash(),
        timestamp_ms: events[5].timestamp_ms,
        kind: "member.added".to_owned(),
        payload: b"{}".to_vec(),
    }
    .sign(&stranger)
    .unwrap();
    let mut appended = events.clone();
    appended.push(forged);
    let error = verify_bundle(&bundle::encode(&appended, &seal)).unwrap_err();
    assert_eq!(error.height(), Some(6), "{error}");
    // A valid event appended by the home node after the seal was made.
    let later = UnsignedEvent {
        height: 6,
        parent: events[5].hash(),
        timestamp_ms: events[5].timestamp_ms,
        kind: "member.added".to_owned(),
        payload: b"{}".to_vec(),
    }
    .sign(&key)
    .unwrap();
    let mut appended = events.clone();
    appended.push(later);
    let error = verify_bundle(&bundle::encode(&appended, &seal)).unwrap_err();
    assert_eq!(error.height(), Some(6), "{error}");
    // A seal by another node.
    let summary = kenes_record::verify_chain(&events).unwrap();
    let foreign_seal = Seal::sign(&stranger, &summary);
    let error = verify_bundle(&bundle::encode(&events, &foreign_seal)).unwrap_err();
    assert!(error.to_string().contains("not the home node"), "{error}");
}

#[test]
fn truncated_and_padded_bundles_are_refused() {
    let (_, events, seal) = chain(4);
    let bytes = bundle::encode(&events, &seal);
    for cut in 0..bytes.len() {
        assert!(verify_bundle(&bytes[..cut]).is_err(), "cut at {cut} went unnoticed");
    }
    let mut padded = bytes.clone();
    padded.extend_from_slice(b"x");
    assert!(verify_bundle(&padded).unwrap_err().to_string().contains("unexpected bytes"));
    // A huge declared count allocates nothing up front and fails cleanly.
    let mut lying = bytes.clone();
    lying[16..24].copy_from_slice(&u64::MAX.to_be_bytes());
    assert!(verify_bundle(&lying).is_err());
    assert_eq!(EventHash::ZERO.0, [0; 32]);
}

#[test]
fn encrypted_bundles_round_trip_and_refuse_the_wrong_key() {
    let (_, events, seal) = chain(3);
    let plain = bundle::encode(&events, &seal);
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let sealed = bundle::encrypt_to_recipients(&plain, &[recipient]).unwrap();
    assert!(bundle::is_encrypted(&sealed));
    let secret = identity.to_string();
    use age::secrecy::ExposeSecret;
    let opened = bundle::decrypt(&sealed, bundle::Opener::IdentityFile(secret.expose_secret())).unwrap();
    assert_eq!(opened, plain);
    let other = age::x25519::Identity::generate().to_string();
    assert!(bundle::decrypt(&sealed, bundle::Opener::IdentityFile(other.expose_secret())).is_err());
    assert!(bundle::encrypt_to_recipients(&plain, &["not-a-key".to_owned()]).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Arbitrary bytes never panic the decoder or the verifier.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
        let _ = verify_bundle(&bytes);
        let mut with_magic = bundle::BUNDLE_MAGIC.to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = verify_bundle(&with_magic);
        let _ = Event::from_wire(&bytes);
    }

    /// Any change to a valid bundle is refused.
    #[test]
    fn any_changed_byte_is_refused(position in 0usize..10_000, value in 1u8..=255) {
        let (_, events, seal) = chain(3);
        let mut bytes = bundle::encode(&events, &seal);
        let position = position % bytes.len();
        bytes[position] ^= value;
        proptest::prop_assert!(verify_bundle(&bytes).is_err());
    }
}
