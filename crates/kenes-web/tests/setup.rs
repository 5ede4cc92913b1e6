//! An election's set-up as a value: set-ups stored by earlier versions load into the typed key ceremony and are
//! written back byte for byte, a ceremony step taken out of turn is refused, and `Debug` never shows a credential.
//!
//! The ceremonies here are real ones (BELENIOS-2048, keys made by `kenes_crypto`'s trustee side), from a random
//! generator seeded by the test's name.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use kenes_crypto::election::QuestionJson;
use kenes_crypto::group::FfGroup;
use kenes_crypto::pedersen::{PolynomialJson, TrusteeSeed, VinputJson, VoutputJson};
use kenes_crypto::trustees::{SignedMessageJson, TrusteePublicKeyJson, TrusteeSecretKey};
use kenes_web::elections::{Ceremony, CeremonyRefusal, Setup, Step, Waiting};

/// A set-up exactly as the code before the typed ceremony wrote it (its struct, field for field).
#[derive(Default, Serialize)]
struct OldSetup {
    questions: Vec<QuestionJson>,
    description: String,
    trustees: Vec<u32>,
    threshold: Option<usize>,
    pubkeys: BTreeMap<usize, String>,
    certs: BTreeMap<usize, String>,
    polynomials: BTreeMap<usize, String>,
    vinputs: BTreeMap<usize, String>,
    voutputs: BTreeMap<usize, String>,
    credentials: BTreeMap<u32, String>,
    authority: Option<u32>,
    credential_voters: Vec<u32>,
    public_credentials: Option<String>,
    roll: Vec<(String, u64)>,
    hall: bool,
    voters: Vec<u32>,
}

fn group() -> FfGroup {
    FfGroup::named("BELENIOS-2048").unwrap()
}

fn rng(test: &str) -> StdRng {
    StdRng::seed_from_u64(
        test.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)),
    )
}

fn question() -> QuestionJson {
    QuestionJson { answers: vec!["Yes".into(), "No".into()], blank: None, min: 1, max: 1, question: "Agreed?".into() }
}

fn by_index(texts: &[String], count: usize) -> BTreeMap<usize, String> {
    texts.iter().take(count).cloned().enumerate().collect()
}

/// Two "Single" trustees' public keys, as `trustee.js` sends them.
fn single_keys(rng: &mut StdRng) -> Vec<String> {
    let keys: Vec<TrusteePublicKeyJson> = (0..2).map(|_| TrusteeSecretKey::generate(&group(), rng).1).collect();
    texts(&keys)
}

/// A whole 2-of-2 threshold ceremony's messages: the trustees' (from `kenes_crypto`'s trustee side) and the
/// vinputs the server makes, written as the server always wrote them.
struct Pedersen {
    certs: Vec<String>,
    polynomials: Vec<String>,
    vinputs: Vec<String>,
    voutputs: Vec<String>,
}

fn pedersen(rng: &mut StdRng) -> Pedersen {
    let group = group();
    let (seeds, certs): (Vec<_>, Vec<SignedMessageJson>) = (0..2).map(|_| TrusteeSeed::generate(&group, rng)).unzip();
    let (trustees, polynomials): (Vec<_>, Vec<PolynomialJson>) =
        seeds.into_iter().map(|seed| seed.polynomial(&group, &certs, 2, rng).unwrap()).unzip();
    let vinputs: Vec<VinputJson> = kenes_crypto::pedersen::vinputs(&group, &certs, &polynomials).unwrap();
    let voutputs: Vec<VoutputJson> = trustees
        .into_iter()
        .zip(&vinputs)
        .map(|(trustee, vinput)| trustee.voutput(&group, &certs, vinput, rng).unwrap().1)
        .collect();
    Pedersen {
        certs: texts(&certs),
        polynomials: texts(&polynomials),
        vinputs: texts(&vinputs),
        voutputs: texts(&voutputs),
    }
}

fn parsed<T: serde::de::DeserializeOwned>(texts: &[String]) -> Vec<T> {
    texts.iter().map(|text| serde_json::from_str(text).unwrap()).collect()
}

fn texts<T: Serialize>(values: &[T]) -> Vec<String> {
    values.iter().map(|value| serde_json::to_string(value).unwrap()).collect()
}

/// The stored set-up loads, waits for `waiting`, and is written back as the very bytes it was read from.
fn check_loads(name: &str, old: &OldSetup, waiting: Option<Waiting>) -> Setup {
    let bytes = serde_json::to_vec(old).unwrap();
    let setup: Setup = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(setup.waiting_for(), waiting, "{name}");
    assert_eq!(
        String::from_utf8(serde_json::to_vec(&setup).unwrap()).unwrap(),
        String::from_utf8(bytes).unwrap(),
        "{name}: written back differently"
    );
    setup
}

fn trustees_json(setup: &Setup) -> String {
    match setup.ceremony() {
        Ceremony::Complete(complete) => complete.trustees_json(&group()).unwrap(),
        other => panic!("not complete: {other:?}"),
    }
}

#[test]
fn set_ups_stored_before_the_typed_ceremony_load_and_are_written_back_unchanged() {
    let mut rng = rng("set_ups_stored_before_the_typed_ceremony_load_and_are_written_back_unchanged");
    let keys = single_keys(&mut rng);
    let single = |count| OldSetup {
        questions: vec![question()],
        description: "The budget".into(),
        trustees: vec![1, 2],
        pubkeys: by_index(&keys, count),
        ..OldSetup::default()
    };
    check_loads("no key yet", &single(0), Some(Waiting::PublicKeys));
    check_loads("one key of two", &single(1), Some(Waiting::PublicKeys));
    let complete = check_loads("every key", &single(2), None);
    // trustees.json as the code before wrote it: from the stored keys, parsed.
    let single_json = kenes_crypto::setup::single_trustees_json(&parsed::<TrusteePublicKeyJson>(&keys));
    assert_eq!(trustees_json(&complete), single_json);

    let messages = pedersen(&mut rng);
    let threshold = |certs, polynomials, vinputs, voutputs| OldSetup {
        questions: vec![question()],
        trustees: vec![3, 1],
        threshold: Some(2),
        certs: by_index(&messages.certs, certs),
        polynomials: by_index(&messages.polynomials, polynomials),
        vinputs: by_index(&messages.vinputs, vinputs),
        voutputs: by_index(&messages.voutputs, voutputs),
        ..OldSetup::default()
    };
    check_loads("no certificate yet", &threshold(0, 0, 0, 0), Some(Waiting::Certificates));
    check_loads("one certificate", &threshold(1, 0, 0, 0), Some(Waiting::Certificates));
    let step3 = check_loads("every certificate", &threshold(2, 0, 0, 0), Some(Waiting::Polynomials));
    assert_eq!(step3.ceremony().certificate_texts(), messages.certs, "the certificates as sent, in order");
    check_loads("one polynomial", &threshold(2, 1, 0, 0), Some(Waiting::Polynomials));
    let step5 = check_loads("every polynomial", &threshold(2, 2, 2, 0), Some(Waiting::Verifications));
    assert_eq!(step5.ceremony().vinput_text(1), Some(messages.vinputs[1].as_str()));
    check_loads("one voutput", &threshold(2, 2, 2, 1), Some(Waiting::Verifications));
    let complete = check_loads("every voutput", &threshold(2, 2, 2, 2), None);
    assert_eq!(complete.threshold(), Some(2));
    let parameters = kenes_crypto::pedersen::threshold_parameters(
        &group(),
        &parsed::<SignedMessageJson>(&messages.certs),
        &parsed::<PolynomialJson>(&messages.polynomials),
        &parsed::<VoutputJson>(&messages.voutputs),
    )
    .unwrap();
    assert_eq!(trustees_json(&complete), serde_json::to_string(&[("Pedersen", parameters)]).unwrap());

    // The credential side, as stored with it.
    let mut waiting = single(2);
    waiting.credentials = BTreeMap::from([(2, "credential-of-two".to_owned())]);
    waiting.authority = Some(4);
    waiting.credential_voters = vec![2, 5];
    check_loads("a member authority's credentials awaited", &waiting, Some(Waiting::Credentials));
    waiting.public_credentials = Some("[]".into());
    waiting.roll = vec![("Local 7".into(), 3)];
    waiting.hall = true;
    waiting.voters = vec![2];
    let loaded = check_loads("everything", &waiting, None);
    assert_eq!(loaded.credentials[&2], "credential-of-two");
}

#[test]
fn set_ups_older_still_load() {
    let keys = single_keys(&mut rng("set_ups_older_still_load"));
    // Before the member authority, hall mode, rolls and fixed voters, and with the authority's voters by their old
    // name.
    let text = serde_json::json!({
        "questions": [question()], "description": "", "trustees": [1], "threshold": null,
        "pubkeys": { "0": keys[0] }, "certs": {}, "polynomials": {}, "vinputs": {}, "voutputs": {},
        "credentials": { "1": "a-credential" }, "authority_voters": [1],
    });
    let setup: Setup = serde_json::from_value(text).unwrap();
    assert_eq!(setup.waiting_for(), None);
    assert_eq!(setup.credential_voters, vec![1]);
    assert!(setup.credentials.contains_key(&1));
}

#[test]
fn a_stored_ceremony_no_order_of_steps_could_make_is_refused() {
    let messages = pedersen(&mut rng("a_stored_ceremony_no_order_of_steps_could_make_is_refused"));
    for (name, old) in [
        (
            "a polynomial before every certificate",
            OldSetup {
                trustees: vec![1, 2],
                threshold: Some(2),
                certs: by_index(&messages.certs, 1),
                polynomials: by_index(&messages.polynomials, 1),
                ..OldSetup::default()
            },
        ),
        (
            "every polynomial and no vinputs",
            OldSetup {
                trustees: vec![1, 2],
                threshold: Some(2),
                certs: by_index(&messages.certs, 2),
                polynomials: by_index(&messages.polynomials, 2),
                ..OldSetup::default()
            },
        ),
        (
            "a certificate without a threshold",
            OldSetup { trustees: vec![1, 2], certs: by_index(&messages.certs, 1), ..OldSetup::default() },
        ),
        (
            "a message from a trustee index past the trustees",
            OldSetup {
                trustees: vec![1],
                threshold: Some(1),
                certs: BTreeMap::from([(1, messages.certs[0].clone())]),
                ..OldSetup::default()
            },
        ),
        (
            "a certificate that is not one",
            OldSetup {
                trustees: vec![1, 2],
                threshold: Some(2),
                certs: BTreeMap::from([(0, "{}".to_owned())]),
                ..OldSetup::default()
            },
        ),
    ] {
        let bytes = serde_json::to_vec(&old).unwrap();
        assert!(serde_json::from_slice::<Setup>(&bytes).is_err(), "{name}: loaded");
    }
}

/// Takes `step` and expects it refused as `expected` says.
fn check_refused(setup: Setup, step: Step, index: usize, text: &str, expected: fn(&CeremonyRefusal) -> bool) -> String {
    match setup.take_step(&group(), step, index, text.to_owned()) {
        Ok(setup) => panic!("{step:?} taken: {:?}", setup.waiting_for()),
        Err(refusal) => {
            assert!(expected(&refusal), "{step:?}: {refusal:?}");
            format!("{refusal:?}")
        }
    }
}

#[test]
fn a_step_out_of_turn_is_refused() {
    let mut rng = rng("a_step_out_of_turn_is_refused");
    let group = group();
    let messages = pedersen(&mut rng);
    let keys = single_keys(&mut rng);
    let out_of_turn = |r: &CeremonyRefusal| matches!(r, CeremonyRefusal::OutOfTurn);
    let already_done = |r: &CeremonyRefusal| matches!(r, CeremonyRefusal::AlreadyDone);
    let new = || Setup::new(vec![question()], String::new(), vec![1, 2], Some(2));

    // Before every certificate: no polynomial, no voutput, no single key.
    check_refused(new(), Step::Polynomial, 0, &messages.polynomials[0], out_of_turn);
    check_refused(new(), Step::Verification, 0, &messages.voutputs[0], out_of_turn);
    check_refused(new(), Step::PublicKey, 0, &keys[0], out_of_turn);
    let one = new().take_step(&group, Step::Certificate, 0, messages.certs[0].clone()).unwrap();
    assert_eq!(one.waiting_for(), Some(Waiting::Certificates));
    check_refused(one, Step::Certificate, 0, &messages.certs[0], already_done);

    // Every certificate: a certificate again is done already; a voutput is not yet.
    let step3 = |polynomials: usize| {
        let mut setup = new();
        for (index, cert) in messages.certs.iter().enumerate() {
            setup = setup.take_step(&group, Step::Certificate, index, cert.clone()).unwrap();
        }
        for (index, polynomial) in messages.polynomials.iter().enumerate().take(polynomials) {
            setup = setup.take_step(&group, Step::Polynomial, index, polynomial.clone()).unwrap();
        }
        setup
    };
    assert_eq!(step3(0).waiting_for(), Some(Waiting::Polynomials));
    check_refused(step3(0), Step::Certificate, 1, &messages.certs[1], already_done);
    check_refused(step3(0), Step::Verification, 0, &messages.voutputs[0], out_of_turn);
    check_refused(step3(1), Step::Polynomial, 0, &messages.polynomials[0], out_of_turn);

    // Every polynomial: the vinputs are made here, as they always were; a polynomial again is out of turn.
    let step5 = step3(2);
    assert_eq!(step5.waiting_for(), Some(Waiting::Verifications));
    assert_eq!(step5.ceremony().vinput_text(0), Some(messages.vinputs[0].as_str()));
    check_refused(step3(2), Step::Polynomial, 1, &messages.polynomials[1], out_of_turn);
    let mut done = step5;
    for (index, voutput) in messages.voutputs.iter().enumerate() {
        done = done.take_step(&group, Step::Verification, index, voutput.clone()).unwrap();
    }
    assert_eq!(done.waiting_for(), None);
    assert!(done.ceremony().has_finished(0) && done.ceremony().has_finished(1));
    check_refused(done, Step::Verification, 0, &messages.voutputs[0], out_of_turn);

    // "Single" trustees: no threshold step; a key once.
    let single = || Setup::new(vec![question()], String::new(), vec![1, 2], None);
    check_refused(single(), Step::Certificate, 0, &messages.certs[0], out_of_turn);
    let one = single().take_step(&group, Step::PublicKey, 1, keys[1].clone()).unwrap();
    assert!(one.ceremony().has_taken(1, Step::PublicKey) && !one.ceremony().has_taken(0, Step::PublicKey));
    check_refused(one, Step::PublicKey, 1, &keys[1], already_done);
    // And what is not the step's message, or not a key that checks, is refused too.
    check_refused(single(), Step::PublicKey, 0, "{}", |r| matches!(r, CeremonyRefusal::Unreadable("pubkey")));
    let wrong_certificate = messages.certs[1].replace("\"challenge\":\"", "\"challenge\":\"1");
    check_refused(new(), Step::Certificate, 0, &wrong_certificate, |r| {
        matches!(r, CeremonyRefusal::Signature | CeremonyRefusal::Key(_))
    });
}

#[test]
fn debug_never_shows_a_credential() {
    let keys = single_keys(&mut rng("debug_never_shows_a_credential"));
    let old = OldSetup {
        trustees: vec![1],
        pubkeys: by_index(&keys, 1),
        credentials: BTreeMap::from([(2, "8Fh3kq2pXr7sTb1".to_owned()), (3, "Zq9wLm4nVc6yHd2".to_owned())]),
        ..OldSetup::default()
    };
    let setup: Setup = serde_json::from_slice(&serde_json::to_vec(&old).unwrap()).unwrap();
    for shown in [format!("{setup:?}"), format!("{setup:#?}"), format!("{:?}", setup.credentials)] {
        for credential in old.credentials.values() {
            assert!(!shown.contains(credential.as_str()), "{shown}");
        }
    }
    assert!(format!("{:?}", setup.credentials).contains("[redacted]"));
    // The stored form does keep them, until each is handed out.
    let stored = String::from_utf8(serde_json::to_vec(&setup).unwrap()).unwrap();
    assert!(old.credentials.values().all(|credential| stored.contains(credential.as_str())));
}

#[test]
fn the_group_is_chosen_kept_and_read_back() {
    // A new set-up is on Ed25519 and says so in its stored form; set-ups stored before the group was chosen
    // (above) are read as BELENIOS-2048 and keep their bytes.
    let mut setup = Setup::new(vec![question()], String::new(), vec![1], None);
    assert_eq!(setup.group(), "Ed25519");
    let stored = serde_json::to_string(&setup).unwrap();
    assert!(stored.contains("\"group\":\"Ed25519\""), "{stored}");
    let read: Setup = serde_json::from_str(&stored).unwrap();
    assert_eq!(read.group(), "Ed25519");
    let old: Setup = serde_json::from_slice(&serde_json::to_vec(&OldSetup::default()).unwrap()).unwrap();
    assert_eq!(old.group(), "BELENIOS-2048");

    // Only the groups the app holds; a ranked question needs one that holds a ranking.
    assert!(setup.set_group("P-256").is_err());
    setup.ranked.insert(
        0,
        kenes_count::method::Method::from_extra(Some(&serde_json::json!({"method": "IRV"}))).unwrap().unwrap(),
    );
    assert!(setup.set_group("BELENIOS-2048").is_err());
    assert_eq!(setup.group(), "Ed25519", "a refused group changes nothing");
    setup.set_group("RFC-3526-2048").unwrap();
    let read: Setup = serde_json::from_str(&serde_json::to_string(&setup).unwrap()).unwrap();
    assert_eq!(read.group(), "RFC-3526-2048");
    // A stored group the app does not hold is refused when read, not guessed at.
    let unknown = stored.replace("\"group\":\"Ed25519\"", "\"group\":\"P-256\"");
    assert!(serde_json::from_str::<Setup>(&unknown).unwrap_err().to_string().contains("unknown group"));
}
