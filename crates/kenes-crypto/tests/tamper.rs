//! Tampering: every field of a ballot, proof, partial decryption and result, and every archive header byte (and a
//! stride of body bytes), altered in turn, is rejected with an error naming what failed.

use kenes_crypto::archive::{Archive, Entry, EventType};
use kenes_crypto::ballot::{BallotContext, BallotJson, sign_ballot};
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::tally::{PartialDecryptionJson, parse_encrypted_tally, verify_partial_decryption};
use kenes_crypto::verify::{Quiet, read_setup, verify_archive};
use serde_json::Value;

use crate::{data, rng};

/// Alters a leaf: decimal strings get +1 on their last digit (mod 10), other strings a changed first character,
/// numbers +1.
fn alter(value: &mut Value) {
    match value {
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            let mut bytes = s.clone().into_bytes();
            let last = bytes.len() - 1;
            bytes[last] = b'0' + (bytes[last] - b'0' + 1) % 10;
            *s = String::from_utf8(bytes).unwrap();
        }
        Value::String(s) => {
            let first = s.chars().next().unwrap_or('a');
            let replacement = if first == 'A' { 'B' } else { 'A' };
            *s = format!("{replacement}{}", s.chars().skip(1).collect::<String>());
        }
        Value::Number(n) => *value = Value::from(n.as_u64().unwrap() + 1),
        _ => unreachable!(),
    }
}

/// JSON pointers of every leaf (string or number).
fn leaves(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| leaves(v, format!("{path}/{k}"), out)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| leaves(v, format!("{path}/{i}"), out)),
        Value::String(_) | Value::Number(_) => out.push(path),
        _ => {}
    }
}

fn archive_bodies(archive: &Archive, kind: EventType) -> Vec<String> {
    archive
        .events()
        .filter(|(_, e)| e.kind == kind)
        .map(|(_, e)| archive.get(e.payload.as_deref().unwrap()).unwrap().to_owned())
        .collect()
}

#[test]
fn every_ballot_field_altered_is_rejected() {
    let archive = Archive::parse(&data("single.bel")).unwrap();
    let setup = read_setup(&archive).unwrap();
    let context = BallotContext::new(&setup.election);
    let raw = &archive_bodies(&archive, EventType::Ballot)[0];
    context.verify(raw).unwrap();
    // The first ballot was cast by the first voter of single.privcreds.
    let privcreds = String::from_utf8(data("single.privcreds")).unwrap();
    let credential =
        SecretCredential::parse(privcreds.lines().next().unwrap().split_whitespace().last().unwrap()).unwrap();
    let original: Value = serde_json::from_str(raw).unwrap();
    let mut paths = Vec::new();
    leaves(&original, String::new(), &mut paths);
    assert!(paths.len() > 90, "{}", paths.len());
    let mut rng = rng("every_ballot_field_altered_is_rejected");
    for path in paths {
        let mut value = original.clone();
        alter(value.pointer_mut(&path).unwrap());
        // Unsigned alteration: caught by the signature hash (or earlier).
        let text = serde_json::to_string(&serde_json::from_value::<BallotJson>(value.clone()).unwrap()).unwrap();
        let error = context.verify(&text).unwrap_err().to_string();
        assert!(!error.is_empty());
        if path.starts_with("/signature") || path == "/credential" {
            assert!(error.contains("signature") || error.contains("credential"), "{path}: {error}");
            continue;
        }
        // Re-signed alteration: the signature is valid again, so the proofs (or election binding) must catch it.
        let mut ballot: BallotJson = serde_json::from_value(value).unwrap();
        sign_ballot(&setup.election, &mut ballot, &credential, &mut rng);
        let error = context.verify(&ballot.to_canonical()).unwrap_err().to_string();
        let expected = if let Some(rest) = path.strip_prefix("/answers/") {
            format!("answer {}", rest.split('/').next().unwrap().parse::<usize>().unwrap() + 1)
        } else if path == "/election_uuid" {
            "election_uuid".to_owned()
        } else {
            "election_hash".to_owned()
        };
        assert!(error.contains(&expected) || error.contains("not in the group"), "{path}: {error}");
    }
}

#[test]
fn every_partial_decryption_field_altered_is_rejected() {
    let archive = Archive::parse(&data("single.bel")).unwrap();
    let setup = read_setup(&archive).unwrap();
    let sized: Value = serde_json::from_str(&archive_bodies(&archive, EventType::EncryptedTally)[0]).unwrap();
    let tally_body = archive.get(sized["encrypted_tally"].as_str().unwrap()).unwrap();
    let tally = parse_encrypted_tally(&setup.election, tally_body).unwrap();
    let owned: Value = serde_json::from_str(&archive_bodies(&archive, EventType::PartialDecryption)[0]).unwrap();
    let partial: Value = serde_json::from_str(archive.get(owned["payload"].as_str().unwrap()).unwrap()).unwrap();
    let key = setup.trustees.owner_key(1).unwrap();
    let parsed: PartialDecryptionJson = serde_json::from_value(partial.clone()).unwrap();
    verify_partial_decryption(&setup.election, &tally, key, &parsed).unwrap();
    let mut paths = Vec::new();
    leaves(&partial, String::new(), &mut paths);
    assert_eq!(paths.len(), 11 * 3);
    for path in paths {
        let mut value = partial.clone();
        alter(value.pointer_mut(&path).unwrap());
        let parsed: PartialDecryptionJson = serde_json::from_value(value).unwrap();
        let error = verify_partial_decryption(&setup.election, &tally, key, &parsed).unwrap_err().to_string();
        let field = if path.starts_with("/decryption_factors") { "decryption" } else { "decryption_proofs" };
        assert!(error.contains(field) && error.contains("question"), "{path}: {error}");
    }
}

/// Rebuilds an archive with the body of one data entry replaced (events re-chained), as a dishonest server would.
fn rebuild(archive: &Archive, replace: &dyn Fn(&str) -> Option<String>) -> Archive {
    let timestamp: u64 = archive.header.timestamp.parse().unwrap();
    let mut out = Archive::new(timestamp);
    let mut renamed: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for entry in &archive.entries {
        match entry {
            Entry::Data { hash, body } => {
                let mut body = replace(body).unwrap_or_else(|| body.clone());
                for (old, new) in &renamed {
                    body = body.replace(old, new);
                }
                let new_hash = out.add_data(&body);
                if &new_hash != hash {
                    renamed.insert(hash.clone(), new_hash);
                }
            }
            Entry::Event { event, .. } => {
                let payload = event.payload.as_ref().map(|p| renamed.get(p).cloned().unwrap_or_else(|| p.clone()));
                out.add_event(event.kind, payload);
            }
        }
    }
    out
}

#[test]
fn every_result_and_tally_field_altered_is_rejected() {
    let archive = Archive::parse(&data("single.bel")).unwrap();
    verify_archive(&archive, &Quiet).unwrap();
    // The rebuilt but unchanged archive is byte-identical.
    assert_eq!(rebuild(&archive, &|_| None).to_bytes(), archive.to_bytes());
    let result_body = archive_bodies(&archive, EventType::Result)[0].clone();
    let result: Value = serde_json::from_str(&result_body).unwrap();
    let mut paths = Vec::new();
    leaves(&result, String::new(), &mut paths);
    assert_eq!(paths.len(), 11);
    for path in paths {
        let mut value = result.clone();
        alter(value.pointer_mut(&path).unwrap());
        let altered = serde_json::to_string(&value).unwrap();
        let tampered = rebuild(&archive, &|body| (body == result_body).then(|| altered.clone()));
        let error = verify_archive(&tampered, &Quiet).unwrap_err().to_string();
        assert!(error.contains("result"), "{path}: {error}");
    }
    let sized_body = archive_bodies(&archive, EventType::EncryptedTally)[0].clone();
    for (field, expected) in [("num_tallied", "num_tallied"), ("total_weight", "total_weight")] {
        let mut value: Value = serde_json::from_str(&sized_body).unwrap();
        alter(value.get_mut(field).unwrap());
        let altered = format!(
            "{{\"num_tallied\":{},\"total_weight\":{},\"encrypted_tally\":{}}}",
            value["num_tallied"], value["total_weight"], value["encrypted_tally"]
        );
        let tampered = rebuild(&archive, &|body| (body == sized_body).then(|| altered.clone()));
        let error = verify_archive(&tampered, &Quiet).unwrap_err().to_string();
        assert!(error.contains(expected), "{field}: {error}");
    }
    // Each ciphertext of the encrypted tally.
    let sized: Value = serde_json::from_str(&sized_body).unwrap();
    let tally_body = archive.get(sized["encrypted_tally"].as_str().unwrap()).unwrap().to_owned();
    let tally: Value = serde_json::from_str(&tally_body).unwrap();
    let mut paths = Vec::new();
    leaves(&tally, String::new(), &mut paths);
    for path in paths.iter().step_by(3) {
        let mut value = tally.clone();
        alter(value.pointer_mut(path).unwrap());
        let altered = serde_json::to_string(&value).unwrap();
        let tampered = rebuild(&archive, &|body| (body == tally_body).then(|| altered.clone()));
        let error = verify_archive(&tampered, &Quiet).unwrap_err().to_string();
        assert!(error.contains("encrypted tally"), "{path}: {error}");
    }
}

#[test]
fn archive_bytes_altered_are_rejected() {
    let bytes = data("single.bel");
    Archive::parse(&bytes).unwrap();
    // Every byte of every tar header and of the BELENIOS entry, and every 41st byte of the bodies.
    let mut positions = Vec::new();
    let mut offset = 0;
    while offset < bytes.len() {
        let size = usize::from_str_radix(std::str::from_utf8(&bytes[offset + 124..offset + 135]).unwrap(), 8).unwrap();
        positions.extend(offset..offset + 512);
        let body = offset + 512;
        let padded = size.div_ceil(512) * 512;
        if offset == 0 {
            positions.extend(body..body + padded);
        } else {
            positions.extend((body..body + padded).step_by(41));
            positions.push(body + padded - 1);
        }
        offset = body + padded;
    }
    assert!(positions.len() > 13_000);
    for &at in &positions {
        let mut altered = bytes.clone();
        altered[at] ^= 0x04;
        let error = match Archive::parse(&altered) {
            Err(e) => e.to_string(),
            Ok(archive) => verify_archive(&archive, &Quiet).map(|_| String::new()).unwrap_or_else(|e| e.to_string()),
        };
        assert!(!error.is_empty(), "byte {at} altered was accepted");
    }
    // Truncation anywhere is rejected too.
    for cut in (1..bytes.len()).step_by(509) {
        assert!(Archive::parse(&bytes[..cut]).is_err(), "truncated at {cut}");
    }
}

#[test]
fn every_trustees_field_altered_is_rejected() {
    let archive = Archive::parse(&data("threshold.bel")).unwrap();
    let setup_data: Value = serde_json::from_str(&archive_bodies(&archive, EventType::Setup)[0]).unwrap();
    let raw = archive.get(setup_data["trustees"].as_str().unwrap()).unwrap();
    let setup = read_setup(&archive).unwrap();
    let group = &setup.election.group;
    kenes_crypto::trustees::Trustees::parse(group, raw).unwrap();
    let original: Value = serde_json::from_str(raw).unwrap();
    let mut paths = Vec::new();
    leaves(&original, String::new(), &mut paths);
    // The kind tags ("Single", "Pedersen") are leaves too; altering them must fail as well.
    assert!(paths.len() > 30, "{}", paths.len());
    for path in paths {
        let mut value = original.clone();
        alter(value.pointer_mut(&path).unwrap());
        let text = serde_json::to_string(&value).unwrap();
        let rejected = match kenes_crypto::trustees::Trustees::parse(group, &text) {
            Err(e) => !e.to_string().is_empty(),
            // A structure that still parses must at least no longer give the election key.
            Ok(t) => t.combined_key(group) != setup.election.public_key,
        };
        assert!(rejected, "{path} altered was accepted");
    }
}
