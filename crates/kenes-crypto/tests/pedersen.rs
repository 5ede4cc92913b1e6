//! The Pedersen threshold ceremony: belenios-tool's threshold keys open in kenes, and a kenes ceremony yields
//! threshold parameters whose keys decrypt.

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::group::{FfGroup, Group};
use kenes_crypto::pedersen::{
    Form, TrusteeSeed, check_certificates, check_voutput, threshold_key, threshold_parameters, vinputs,
};
use kenes_crypto::tally::{parse_encrypted_tally, partial_decrypt, verify_partial_decryption};
use kenes_crypto::trustees::CertContextJson;
use kenes_crypto::trustees::{TrusteeKind, Trustees};
use kenes_crypto::verify::read_setup;

use crate::{data, rng};

#[test]
fn belenios_threshold_keys_open_and_decrypt_in_kenes() {
    let archive = Archive::parse(&data("threshold.bel")).unwrap();
    let setup = read_setup(&archive).unwrap();
    let group = &setup.election.group;
    let sized: serde_json::Value = serde_json::from_str(
        archive
            .get(
                archive
                    .events()
                    .find(|(_, e)| e.kind == EventType::EncryptedTally)
                    .unwrap()
                    .1
                    .payload
                    .as_deref()
                    .unwrap(),
            )
            .unwrap(),
    )
    .unwrap();
    let tally =
        parse_encrypted_tally(&setup.election, archive.get(sized["encrypted_tally"].as_str().unwrap()).unwrap())
            .unwrap();
    let mut rng = rng("belenios_threshold_keys_open_and_decrypt_in_kenes");
    for i in 1..=3 {
        let seed = TrusteeSeed::parse(&String::from_utf8(data(&format!("threshold-{i}.key"))).unwrap()).unwrap();
        let dkey = String::from_utf8(data(&format!("threshold-{i}.dkey"))).unwrap();
        let key = threshold_key(group, &seed, &dkey).unwrap();
        // Owner 1 is the "Single" trustee; the threshold trustees are owners 2, 3, 4.
        let expected = setup.trustees.owner_key(i + 1).unwrap();
        assert_eq!(&group.secret_pow(group.generator(), &key.0), expected, "trustee {i}");
        let partial = partial_decrypt(&setup.election, &tally, &key, &mut rng);
        verify_partial_decryption(&setup.election, &tally, expected, &partial).unwrap();
    }
    // Another trustee's seed cannot open the key.
    let other = TrusteeSeed::parse(&String::from_utf8(data("threshold-2.key")).unwrap()).unwrap();
    let dkey = String::from_utf8(data("threshold-1.dkey")).unwrap();
    assert!(threshold_key(group, &other, &dkey).is_err());
}

#[test]
fn a_kenes_ceremony_yields_working_threshold_keys() {
    let group = FfGroup::named("BELENIOS-2048").unwrap();
    let mut rng = rng("a_kenes_ceremony_yields_working_threshold_keys");
    let (seeds, certs): (Vec<_>, Vec<_>) = (0..3).map(|_| TrusteeSeed::generate(&group, &mut rng)).unzip();
    let mut waiting = Vec::new();
    let mut polynomials = Vec::new();
    for seed in seeds {
        let (trustee, polynomial) = seed.polynomial(&group, &certs, 2, &mut rng).unwrap();
        waiting.push(trustee);
        polynomials.push(polynomial);
    }
    let inputs = vinputs(&group, &certs, &polynomials).unwrap();
    let mut outputs = Vec::new();
    let mut seeds = Vec::new();
    for (trustee, input) in waiting.into_iter().zip(&inputs) {
        let (seed, output) = trustee.voutput(&group, &certs, input, &mut rng).unwrap();
        seeds.push(seed);
        outputs.push(output);
    }
    let parameters = threshold_parameters(&group, &certs, &polynomials, &outputs).unwrap();
    // Certificates without contexts keep Belenios 2.0's form: no contexts, no signatures anywhere.
    assert_eq!(check_certificates(&group, &certs).unwrap(), Form::Belenios2);
    assert!(!certs[0].message.contains("context") && parameters.signatures.is_none());
    assert!(polynomials.iter().all(|p| p.signature.is_none()) && inputs.iter().all(|v| v.signatures.is_none()));
    assert!(parameters.verification_keys.iter().all(|k| k.signature.is_none()));
    let text = serde_json::to_string(&[("Pedersen", &parameters)]).unwrap();
    let trustees = Trustees::parse(&group, &text).unwrap();
    let TrusteeKind::Pedersen { threshold, verification_keys, .. } = &trustees.kinds[0] else { panic!() };
    assert_eq!(*threshold, 2);
    for (i, (seed, output)) in seeds.iter().zip(&outputs).enumerate() {
        let key = threshold_key(&group, seed, &output.private_key).unwrap();
        assert_eq!(&group.secret_pow(group.generator(), &key.0), &verification_keys[i]);
    }
    // Any two of the three keys decrypt an encryption under the combined key.
    let y = trustees.combined_key(&group);
    let m = group.g_pow_small(7);
    let r = rug::Integer::from(123_456_789u64);
    let alpha = group.vartime_pow(group.generator(), &r);
    let beta = group.mul(&group.vartime_pow(&y, &r), &m);
    for pair in [[0usize, 1], [0, 2], [1, 2]] {
        let mut factors: Vec<Option<Vec<rug::Integer>>> = vec![None; 3];
        for &i in &pair {
            let key = threshold_key(&group, &seeds[i], &outputs[i].private_key).unwrap();
            factors[i] = Some(vec![group.secret_pow(&alpha, &key.0)]);
        }
        let views: Vec<Option<&[rug::Integer]>> = factors.iter().map(|f| f.as_deref()).collect();
        let combined = trustees.combine(&group, &views, 1).unwrap();
        assert_eq!(group.mul(&beta, &group.invert(&combined[0])), m, "{pair:?}");
    }
    // One key is not enough.
    let mut factors: Vec<Option<&[rug::Integer]>> = vec![None; 3];
    let one = vec![group.identity()];
    factors[0] = Some(&one);
    assert!(trustees.combine(&group, &factors, 1).is_err());
}

/// A Belenios 3 ceremony on Ed25519 (spec 3.0 §4.6): certificates with contexts, polynomials signed over all the
/// certificates, signed verification keys; the parameters pass the checks belenios-tool 3.0 makes, and any two keys
/// decrypt.
#[test]
fn a_kenes_ed25519_ceremony_is_in_belenios_3_form() {
    let group = Ed25519Group::new();
    let mut rng = rng("a_kenes_ed25519_ceremony_is_in_belenios_3_form");
    let context = |index| CertContextJson { group: "Ed25519".into(), size: 3, threshold: 2, index };
    let (seeds, certs): (Vec<_>, Vec<_>) =
        (1..=3).map(|i| TrusteeSeed::generate_in_context(&group, context(i), &mut rng).unwrap()).unzip();
    assert_eq!(check_certificates(&group, &certs).unwrap(), Form::Belenios3 { threshold: 2 });
    let wrong = TrusteeSeed::generate_in_context(&group, context(4), &mut rng).unwrap_err();
    assert!(wrong.to_string().contains("index 4"), "{wrong}");
    let mut waiting = Vec::new();
    let mut polynomials = Vec::new();
    for seed in seeds {
        let (trustee, polynomial) = seed.polynomial(&group, &certs, 2, &mut rng).unwrap();
        assert!(polynomial.signature.is_some());
        waiting.push(trustee);
        polynomials.push(polynomial);
    }
    // A polynomial whose certs_sig signature is another trustee's is refused at step 4.
    let mut swapped = polynomials.clone();
    swapped[0].signature = polynomials[1].signature.clone();
    let error = vinputs(&group, &certs, &swapped).unwrap_err();
    assert!(error.to_string().contains("signature 1"), "{error}");
    let inputs = vinputs(&group, &certs, &polynomials).unwrap();
    let mut outputs = Vec::new();
    let mut seeds = Vec::new();
    for (i, (trustee, input)) in waiting.into_iter().zip(&inputs).enumerate() {
        let (seed, output) = trustee.voutput(&group, &certs, input, &mut rng).unwrap();
        check_voutput(&group, &certs, &polynomials, i + 1, &output).unwrap();
        seeds.push(seed);
        outputs.push(output);
    }
    let mut unsigned = outputs[1].clone();
    unsigned.public_key.signature = None;
    assert!(check_voutput(&group, &certs, &polynomials, 2, &unsigned).is_err());
    let parameters = threshold_parameters(&group, &certs, &polynomials, &outputs).unwrap();
    assert_eq!(parameters.signatures.as_ref().map(Vec::len), Some(3));
    let text = serde_json::to_string(&[("Pedersen", &parameters)]).unwrap();
    let trustees = Trustees::parse(&group, &text).unwrap();
    let y = trustees.combined_key(&group);
    let m = group.g_pow_small(5);
    let r = rug::Integer::from(987_654_321u64);
    let alpha = group.vartime_pow(group.generator(), &r);
    let beta = group.mul(&group.vartime_pow(&y, &r), &m);
    for pair in [[0usize, 1], [0, 2], [1, 2]] {
        let mut factors = vec![None; 3];
        for &i in &pair {
            let key = threshold_key(&group, &seeds[i], &outputs[i].private_key).unwrap();
            factors[i] = Some(vec![group.secret_pow(&alpha, &key.0)]);
        }
        let views: Vec<Option<&[_]>> = factors.iter().map(|f| f.as_deref()).collect();
        let combined = trustees.combine(&group, &views, 1).unwrap();
        assert_eq!(group.mul(&beta, &group.invert(&combined[0])), m, "{pair:?}");
    }
}
