//! Belenios 3 threshold ("Pedersen") trustees against belenios-tool 3.0 on Ed25519: an election with 2-of-3
//! threshold trustees and a "Single" server key verifies in kenes with the tool's result, and every field Belenios 3
//! added (certificate contexts, the `certs_sig` signatures, verification key signatures) is checked: changing one is
//! refused with an error naming the trustee item and the field.

use std::path::Path;

use rug::Integer;
use serde_json::Value;
use sha2::{Digest, Sha256};

use kenes_crypto::archive::Archive;
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::group::{Group, SecretScalar};
use kenes_crypto::proofs::{schnorr_prove, sigmsg_prefix};
use kenes_crypto::trustees::{TrusteeKind, Trustees};
use kenes_crypto::verify::{Quiet, verify_archive};
use kenes_testkit::program::belenios_tool3;

use crate::rng;

/// Runs belenios-tool 3.0 in `dir`, with `input` on its standard input; the test fails with its error otherwise.
fn run(dir: &Path, args: &[&str], input: &str) -> String {
    let (ok, out, err) = belenios_tool3().in_dir(dir).run_with_input(args, input);
    assert!(ok, "belenios-tool {args:?}: {err}");
    out
}

/// 2-of-3 threshold trustees made by belenios-tool 3.0's six steps (spec 3.0 §4.6), then a "Single" server key, then
/// `trustees.json` (`[["Single",…],["Pedersen",…]]`). Returns the threshold trustees' key file names, in order.
fn make_trustees(dir: &Path) -> Vec<String> {
    let step = |args: &[&str], input: &str| {
        let mut all = vec!["setup", "generate-trustee-key-threshold", "--group", "Ed25519"];
        all.extend_from_slice(args);
        run(dir, &all, input)
    };
    let mut ids = Vec::new();
    for i in 1..=3 {
        ids.push(step(&["--threshold-context", &format!("{i}/2/3"), "--step", "1"], "").trim().to_owned());
    }
    let certs: String = ids.iter().map(|id| std::fs::read_to_string(dir.join(format!("{id}.cert"))).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    step(&["--certs", "certs.jsons", "--step", "2"], "");
    let mut polynomials = String::new();
    for (i, id) in ids.iter().enumerate() {
        let context = format!("{}/2/3", i + 1);
        let key = format!("{id}.key");
        polynomials.push_str(&step(
            &["--threshold-context", &context, "--certs", "certs.jsons", "--key", &key, "--step", "3"],
            "",
        ));
    }
    std::fs::write(dir.join("polynomials.jsons"), polynomials).unwrap();
    step(&["--certs", "certs.jsons", "--step", "4", "--polynomials", "polynomials.jsons"], "");
    let mut voutputs = String::new();
    for id in &ids {
        let vinput = std::fs::read_to_string(dir.join(format!("{id}.vinput"))).unwrap();
        voutputs.push_str(&step(&["--certs", "certs.jsons", "--key", &format!("{id}.key"), "--step", "5"], &vinput));
    }
    let threshold = step(&["--certs", "certs.jsons", "--step", "6", "--polynomials", "polynomials.jsons"], &voutputs);
    std::fs::write(dir.join("threshold.json"), threshold).unwrap();
    run(dir, &["setup", "generate-trustee-key", "--group", "Ed25519"], "");
    let pubkey = find(dir, "pubkey");
    std::fs::copy(pubkey, dir.join("public_keys.jsons")).unwrap();
    run(dir, &["setup", "make-trustees"], "");
    std::fs::remove_file(dir.join("threshold.json")).unwrap();
    std::fs::remove_file(dir.join("public_keys.jsons")).unwrap();
    ids
}

/// The one file of `dir` with extension `ext`.
fn find(dir: &Path, ext: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == ext))
        .unwrap_or_else(|| panic!("no .{ext} file in {}", dir.display()))
}

/// A 2-of-3 threshold election run by belenios-tool 3.0 (two voters, two of the three threshold trustees and the
/// server key decrypt) verifies in kenes, with the tool's result.
#[test]
fn a_belenios_tool_3_threshold_election_verifies_in_kenes() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let uuid = run(dir, &["setup", "generate-token"], "").trim().to_owned();
    run(dir, &["setup", "generate-credentials", "--uuid", &uuid, "--group", "Ed25519", "--count", "2"], "");
    let private: Vec<String> = serde_json::from_str::<serde_json::Map<String, Value>>(
        &std::fs::read_to_string(find(dir, "privcreds")).unwrap(),
    )
    .unwrap()
    .values()
    .map(|v| v.as_str().unwrap().to_owned())
    .collect();
    std::fs::rename(find(dir, "pubcreds"), dir.join("public_creds.json")).unwrap();
    let ids = make_trustees(dir);

    // The trustees alone: a "Single" key, then the 2-of-3 group whose sub-key is the product of the A_i0.
    let trustees_json = std::fs::read_to_string(dir.join("trustees.json")).unwrap();
    let trustees = Trustees::parse(&Ed25519Group::new(), &trustees_json).unwrap();
    assert!(matches!(trustees.kinds[0], TrusteeKind::Single { .. }));
    assert!(
        matches!(&trustees.kinds[1], TrusteeKind::Pedersen { threshold: 2, verification_keys, .. } if verification_keys.len() == 3)
    );
    assert_eq!(trustees.owner_count(), 4);

    std::fs::write(
        dir.join("template.json"),
        r#"{"description":"","name":"Threshold","questions":[{"answers":["Yes","No"],"min":1,"max":1,"question":"Adopt?"}]}"#,
    )
    .unwrap();
    run(dir, &["setup", "make-election", "--uuid", &uuid, "--group", "Ed25519", "--template", "template.json"], "");
    run(dir, &["archive", "init"], "");
    for (credential, choice) in private.iter().zip(["[[1,0]]", "[[1,0]]"]) {
        std::fs::write(dir.join("cred"), format!("{credential}\n")).unwrap();
        std::fs::write(dir.join("choice"), format!("{choice}\n")).unwrap();
        let ballot = run(dir, &["election", "generate-ballot", "--privcred", "cred", "--choice", "choice"], "");
        run(dir, &["archive", "add-event", "--type=Ballot"], &ballot);
    }
    run(dir, &["archive", "add-event", "--type=EndBallots"], "");
    let tally = run(dir, &["election", "compute-encrypted-tally"], "");
    run(dir, &["archive", "add-event", "--type=EncryptedTally"], &tally);
    // Owner 1 is the "Single" key; the threshold trustees are owners 2 to 4, and the first two decrypt.
    for (position, id) in ids.iter().take(2).enumerate() {
        let owner = (position + 2).to_string();
        let partial = run(
            dir,
            &[
                "election",
                "decrypt-threshold",
                "--key",
                &format!("{id}.key"),
                "--decryption-key",
                &format!("{id}.dkey"),
                "--trustee-id",
                &owner,
            ],
            "",
        );
        run(dir, &["archive", "add-event", "--type=PartialDecryption"], &partial);
    }
    let privkey = find(dir, "privkey").display().to_string();
    let partial = run(dir, &["election", "decrypt", "--privkey", &privkey, "--trustee-id", "1"], "");
    run(dir, &["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = run(dir, &["election", "compute-result"], "");
    run(dir, &["archive", "add-event", "--type=Result"], &result);
    run(dir, &["election", "verify"], "");

    let tool_result: Value = serde_json::from_str(&result).unwrap();
    assert_eq!(tool_result["result"], serde_json::json!([[2, 0]]), "{result}");
    let bel = std::fs::read(dir.join(format!("{uuid}.bel"))).unwrap();
    let summary = verify_archive(&Archive::parse(&bel).unwrap(), &Quiet).unwrap();
    assert_eq!(summary.group, "Ed25519");
    assert_eq!(summary.result, Some(vec![vec![2, 0]]), "{result}");
}

/// A threshold trustee's PKI signing key, derived from its seed as Belenios 3 does (spec 3.0 §4.6.1):
/// `sk = SHA256("sk|" seed)` read as a big-endian number, mod q.
fn signing_key(group: &Ed25519Group, seed: &str) -> SecretScalar {
    let digest = Sha256::digest(format!("sk|{seed}").as_bytes());
    let mut sk = Integer::from_digits(digest.as_slice(), rug::integer::Order::Msf);
    sk.modulo_mut(group.order());
    SecretScalar::new(sk)
}

/// Signs `message` with `sk` as a `signed_msg` signature (spec §4.6.1).
fn sign(group: &Ed25519Group, sk: &SecretScalar, message: &str, name: &str) -> Value {
    let proof = schnorr_prove(group, &sigmsg_prefix(message), sk, &mut rng(name));
    serde_json::to_value(proof.to_json()).unwrap()
}

/// Every Belenios 3 field of a threshold item is checked: the tool's trustees verify, and each change below is
/// refused with an error naming the item (trustee 2: the "Pedersen" one) and the field.
#[test]
fn belenios_3_threshold_fields_are_checked_and_a_change_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let ids = make_trustees(dir);
    let group = Ed25519Group::new();
    let text = std::fs::read_to_string(dir.join("trustees.json")).unwrap();
    Trustees::parse(&group, &text).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    let seed = |i: usize| std::fs::read_to_string(dir.join(format!("{}.key", ids[i]))).unwrap().trim().to_owned();

    let check = |what: &str, change: &dyn Fn(&mut Value), expected: &str| {
        let mut trustees = original.clone();
        change(&mut trustees[1][1]);
        let error = Trustees::parse(&group, &trustees.to_string()).map(|_| ()).unwrap_err().to_string();
        assert!(error.contains(expected), "{what}: {error}");
    };
    let cert_message = |item: &Value, i: usize| -> Value {
        serde_json::from_str(item["certs"][i]["message"].as_str().unwrap()).unwrap()
    };

    // Verification keys: another key's signature, and none.
    check(
        "swapped key signatures",
        &|item| {
            let first = item["verification_keys"][0]["signature"].clone();
            item["verification_keys"][0]["signature"] = item["verification_keys"][1]["signature"].clone();
            item["verification_keys"][1]["signature"] = first;
        },
        "trustee 2 verification key 1: signature",
    );
    check(
        "no key signature",
        &|item| {
            item["verification_keys"][2].as_object_mut().unwrap().remove("signature");
        },
        "trustee 2 verification key 3: no signature in a Belenios 3 item",
    );

    // Certificates: the index changed breaks the signature; changed and signed again with the trustee's key, the
    // context itself is refused; certificates in another order are refused by their index.
    check(
        "context index changed",
        &|item| {
            let mut keys = cert_message(item, 0);
            keys["context"]["index"] = 2.into();
            item["certs"][0]["message"] = keys.to_string().into();
        },
        "trustee 2 cert 1: signature",
    );
    check(
        "context index changed and signed again",
        &|item| {
            let mut keys = cert_message(item, 0);
            keys["context"]["index"] = 2.into();
            let message = keys.to_string();
            item["certs"][0]["signature"] = sign(&group, &signing_key(&group, &seed(0)), &message, "resigned cert");
            item["certs"][0]["message"] = message.into();
        },
        "trustee 2 cert 1: context index is 2, not 1",
    );
    check(
        "context group changed and signed again",
        &|item| {
            let mut keys = cert_message(item, 1);
            keys["context"]["group"] = "BELENIOS-2048".into();
            let message = keys.to_string();
            item["certs"][1]["signature"] = sign(&group, &signing_key(&group, &seed(1)), &message, "resigned group");
            item["certs"][1]["message"] = message.into();
        },
        "trustee 2 cert 2: context group is \"BELENIOS-2048\", not \"Ed25519\"",
    );
    check(
        "certs swapped",
        &|item| item["certs"].as_array_mut().unwrap().swap(0, 1),
        "trustee 2 cert 1: context index is 2, not 1",
    );
    check("threshold changed", &|item| item["threshold"] = 3.into(), "trustee 2 cert 1: context threshold is 2, not 3");

    // Coefexps: a changed element breaks its signature; signed again with the trustee's key, the `certs_sig`
    // signature over all certificates and these coefexps still refuses it.
    let changed_coefexps = |item: &Value| -> String {
        let mut raw: Value = serde_json::from_str(item["coefexps"][0]["message"].as_str().unwrap()).unwrap();
        raw["coefexps"][1] = group.encode(group.generator()).into();
        raw.to_string()
    };
    check(
        "a coefexp changed",
        &|item| item["coefexps"][0]["message"] = changed_coefexps(item).into(),
        "trustee 2 coefexps 1: signature",
    );
    check(
        "a coefexp changed and signed again",
        &|item| {
            let message = changed_coefexps(item);
            item["coefexps"][0]["signature"] =
                sign(&group, &signing_key(&group, &seed(0)), &message, "resigned coefexps");
            item["coefexps"][0]["message"] = message.into();
        },
        "trustee 2 signatures 1: signature of the certs and coefexps 1",
    );

    // The `signatures`: another trustee's, too few, none (the contexts then have no place).
    check(
        "swapped signatures",
        &|item| item["signatures"].as_array_mut().unwrap().swap(1, 2),
        "trustee 2 signatures 2: signature",
    );
    check(
        "a signature missing",
        &|item| {
            item["signatures"].as_array_mut().unwrap().pop();
        },
        "trustee 2: 2 signatures for 3 certs",
    );
    check(
        "no signatures",
        &|item| {
            item.as_object_mut().unwrap().remove("signatures");
        },
        "trustee 2 cert 1: a context in a Belenios 2.0 item",
    );

    // A "Single" key has no signature to carry.
    let mut single = original.clone();
    single[0][1]["signature"] = original[1][1]["verification_keys"][0]["signature"].clone();
    let error = Trustees::parse(&group, &single.to_string()).map(|_| ()).unwrap_err().to_string();
    assert!(error.contains("trustee 1: a \"Single\" key has no signature"), "{error}");
}
