//! Round trips within kenes: credentials, ballots, a whole election, and secrets kept out of Debug output.

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::ballot::BallotContext;
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::{Election, parse_public_credentials};
use kenes_crypto::group::{FfGroup, Group};
use kenes_crypto::setup::{
    Voter, generate_credentials, init_archive, make_election, parse_template, replace_credential, single_trustees_json,
};
use kenes_crypto::tally::{
    OwnedJson, SizedTally, compute_result, encrypted_tally, encrypted_tally_to_json, partial_decrypt, result_to_json,
};
use kenes_crypto::trustees::TrusteeSecretKey;
use kenes_crypto::verify::{Quiet, read_setup, verify_archive, verify_archive_full};

use crate::{data, rng};

#[test]
fn credentials_checksum_and_derivation_match_belenios_tool() {
    // Credentials written by belenios-tool derive to public credentials it published (spec §4.8).
    let archive = Archive::parse(&data("single.bel")).unwrap();
    let setup = read_setup(&archive).unwrap();
    let privcreds = String::from_utf8(data("single.privcreds")).unwrap();
    for line in privcreds.lines() {
        let credential = SecretCredential::parse(line.split_whitespace().last().unwrap()).unwrap();
        let public = credential.public(&setup.election.group, setup.election.uuid());
        assert!(setup.credentials.iter().any(|c| c.credential == public), "{line}");
    }
    // A typing error is caught by the checksum.
    let good = privcreds.lines().next().unwrap().split_whitespace().last().unwrap().to_owned();
    let mut typo = good.clone().into_bytes();
    typo[0] = if typo[0] == b'2' { b'3' } else { b'2' };
    assert!(SecretCredential::parse(std::str::from_utf8(&typo).unwrap()).is_err());
    // Generated credentials pass their own checksum, also without dashes.
    let mut rng = rng("credentials");
    for _ in 0..50 {
        let c = SecretCredential::generate(&mut rng);
        SecretCredential::parse(c.expose()).unwrap();
        SecretCredential::parse(&c.expose().replace('-', "")).unwrap();
    }
}

#[test]
fn a_reissued_credential_takes_the_old_ones_place_on_the_roll() {
    let mut rng = rng("a_reissued_credential_takes_the_old_ones_place_on_the_roll");
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let uuid = kenes_crypto::credential::generate_token(14, &mut rng);
    let voters: Vec<Voter> =
        [1u64, 3, 5].iter().enumerate().map(|(i, &w)| Voter { identity: format!("v{i}"), weight: w }).collect();
    let credentials = generate_credentials(&group, &uuid, &voters, &mut rng);
    for ((_, secret), line) in credentials.private.iter().zip(&credentials.public) {
        assert!(line.starts_with(&group.encode(&secret.public(&group, &uuid))), "{line}");
    }
    let old = &credentials.public[1];
    let (secret, line, list) = replace_credential(&group, &uuid, &credentials.public_json, old, &mut rng).unwrap();
    assert!(line.ends_with(",3") && line.starts_with(&group.encode(&secret.public(&group, &uuid))));
    let roll = parse_public_credentials(&group, &list).unwrap();
    assert_eq!(roll.len(), 3);
    let lines: Vec<String> = serde_json::from_str(&list).unwrap();
    assert!(lines.contains(&line) && !lines.contains(old));
    assert!(lines.contains(&credentials.public[0]) && lines.contains(&credentials.public[2]));
    assert!(lines.is_sorted());
    // A line that is not on the list is refused, and so is a list that is not one.
    assert!(replace_credential(&group, &uuid, &list, old, &mut rng).is_err());
    assert!(replace_credential(&group, &uuid, "{", &line, &mut rng).is_err());
}

#[test]
fn secrets_are_hidden_from_debug() {
    let mut rng = rng("secrets_are_hidden_from_debug");
    let credential = SecretCredential::generate(&mut rng);
    let shown = format!("{credential:?}");
    assert!(!shown.contains(credential.expose()) && shown.contains("hidden"), "{shown}");
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let (key, _) = TrusteeSecretKey::generate(&group, &mut rng);
    let shown = format!("{key:?}");
    assert!(!shown.contains(&key.0.expose().to_string()) && shown.contains("hidden"), "{shown}");
}

#[test]
fn ballot_plaintexts_outside_the_rules_are_refused() {
    let archive = Archive::parse(&data("single.bel")).unwrap();
    let setup = read_setup(&archive).unwrap();
    let context = BallotContext::new(&setup.election);
    let credential = SecretCredential::generate(&mut rng("refused"));
    let mut rng = rng("ballot_plaintexts_outside_the_rules_are_refused");
    for bad in [
        vec![vec![1, 0, 1, 0, 1], vec![0, 1, 0]],                   // missing question
        vec![vec![1, 0, 1, 0, 2], vec![0, 1, 0], vec![1, 0, 0]],    // not 0/1
        vec![vec![1, 0, 1, 0, 1], vec![0, 1, 1], vec![1, 0, 0]],    // yes and no: above max
        vec![vec![1, 0, 1, 0, 1], vec![1, 1, 0], vec![1, 0, 0]],    // blank with a choice
        vec![vec![1, 0, 1, 0, 1], vec![0, 1, 0], vec![0, 0, 0]],    // below min
        vec![vec![1, 0, 1, 0, 1, 0], vec![0, 1, 0], vec![1, 0, 0]], // too many choices
    ] {
        assert!(context.create(&credential, &bad, &mut rng).is_err(), "{bad:?}");
    }
}

const TEMPLATE: &str = r#"{"description":"Round trip","name":"Round trip","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"}]}"#;

#[test]
fn a_whole_kenes_election_verifies_and_counts() {
    let mut rng = rng("a_whole_kenes_election_verifies_and_counts");
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let uuid = kenes_crypto::credential::generate_token(14, &mut rng);
    let voters: Vec<Voter> =
        [1u64, 2, 5].iter().enumerate().map(|(i, &w)| Voter { identity: format!("v{i}"), weight: w }).collect();
    let credentials = generate_credentials(&group, &uuid, &voters, &mut rng);
    parse_public_credentials(&group, &credentials.public_json).unwrap();
    let (key1, public1) = TrusteeSecretKey::generate(&group, &mut rng);
    let (key2, public2) = TrusteeSecretKey::generate(&group, &mut rng);
    let trustees = single_trustees_json(&[public1, public2]);
    let template = parse_template(TEMPLATE).unwrap();
    let election_raw = make_election(&template, &uuid, &group, &trustees).unwrap();
    let mut archive = init_archive(1_800_000_000, &election_raw, &trustees, &credentials.public_json);
    let election = Election::parse(&election_raw).unwrap();
    let context = BallotContext::new(&election);
    let votes = [
        (0, vec![vec![1, 1, 0, 0, 0], vec![0, 1, 0]]),
        (1, vec![vec![0, 0, 0, 0, 0], vec![1, 0, 0]]),
        (2, vec![vec![1, 1, 1, 1, 1], vec![0, 0, 1]]),
        (0, vec![vec![0, 0, 0, 0, 1], vec![0, 0, 1]]),
    ];
    let mut trackers = Vec::new();
    for (voter, plaintext) in &votes {
        let (ballot, tracker) = context.create(&credentials.private[*voter].1, plaintext, &mut rng).unwrap();
        assert_eq!(context.verify(&ballot).unwrap().tracker, tracker);
        trackers.push(tracker);
        archive.add_data_event(EventType::Ballot, &ballot);
    }
    let summary = verify_archive(&archive, &Quiet).unwrap();
    assert_eq!(summary.ballots, 4);
    // Revoting: the last ballot counts, so the first voter's first tracker is not counted.
    let counted: Vec<&String> = summary.trackers.iter().map(|(t, _)| t).collect();
    assert!(!counted.contains(&&trackers[0]) && counted.contains(&&trackers[3]));
    let verified = verify_archive_full(&archive, &Quiet).unwrap();
    let counted: Vec<_> = verified.counted.iter().map(|(b, w)| (b, *w)).collect();
    let tally = encrypted_tally(&election, &counted).unwrap();
    archive.add_event(EventType::EndBallots, None);
    let tally_hash = archive.add_data(&encrypted_tally_to_json(&election, &tally));
    let sized = SizedTally { num_tallied: 3, total_weight: 8, encrypted_tally: tally_hash };
    archive.add_data_event(EventType::EncryptedTally, &sized.to_json());
    for (owner, key) in [(1usize, &key1), (2, &key2)] {
        let partial = partial_decrypt(&election, &tally, key, &mut rng);
        let hash = archive.add_data(&serde_json::to_string(&partial).unwrap());
        let owned = OwnedJson { owner, payload: hash };
        archive.add_data_event(EventType::PartialDecryption, &serde_json::to_string(&owned).unwrap());
    }
    let verified = verify_archive_full(&archive, &Quiet).unwrap();
    let result = compute_result(&election, &tally, &verified.setup.trustees, &verified.factors, 8).unwrap();
    assert_eq!(result, vec![vec![5, 5, 5, 5, 6], vec![2, 0, 6]]);
    archive.add_data_event(EventType::Result, &result_to_json(&result));
    let summary = verify_archive(&archive, &Quiet).unwrap();
    assert_eq!(summary.result, Some(result));
    // Written and read back byte for byte.
    let bytes = archive.to_bytes();
    assert_eq!(Archive::parse(&bytes).unwrap().to_bytes(), bytes);
    let _ = group.order();
}
