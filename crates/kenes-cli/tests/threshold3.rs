//! Belenios 3 threshold ceremonies on Ed25519 with `kenes election setup threshold`, against belenios-tool 3.0: a
//! 2-of-3 ceremony run by kenes alone whose election belenios-tool verifies with the same result, and a mixed one
//! where trustees use either program, the files passing between them, and both administrators agree byte for byte.

use std::path::Path;

use kenes_testkit::program::belenios_tool3;

use crate::kenes;

const TEMPLATE: &str = r#"{"description":"Threshold","name":"Threshold","questions":[{"answers":["A","B","C"],"min":0,"max":3,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"}]}"#;

/// One voter's ballot per line of `private_creds.txt`, in order.
const VOTES: [&str; 3] = ["[[1,0,1],[0,1,0]]", "[[0,1,1],[0,0,1]]", "[[1,1,1],[1,0,0]]"];
const RESULT: &str = r#"{"result":[[2,2,3],[1,1,1]]}"#;

/// Who plays a threshold trustee.
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    Kenes,
    Tool,
}

/// `kenes election setup threshold --group Ed25519 ARGS` in `dir`.
fn kenes_step(dir: &Path, args: &[&str]) -> String {
    kenes().in_dir(dir).ok(&[&["election", "setup", "threshold", "--group", "Ed25519"], args].concat())
}

/// `belenios-tool setup generate-trustee-key-threshold --group Ed25519 ARGS` in `dir`, with `input` on stdin.
fn tool_step(dir: &Path, args: &[&str], input: &str) -> String {
    belenios_tool3()
        .in_dir(dir)
        .ok_with_input(&[&["setup", "generate-trustee-key-threshold", "--group", "Ed25519"], args].concat(), input)
}

/// A 2-of-3 Ed25519 ceremony where trustee `i` (from 1) is played by `trustees[i - 1]` and the administrator's steps
/// (2, 4, 6) run in both programs, which must agree. Writes `threshold.json` (kenes' step 6) and returns the
/// trustees' certificate ids (ID.key and ID.dkey), in order.
fn ceremony(dir: &Path, trustees: [By; 3]) -> Vec<String> {
    let mut ids = Vec::new();
    for (i, by) in trustees.iter().enumerate() {
        let context = format!("{}/2/3", i + 1);
        let args = ["--step", "1", "--threshold-context", &context];
        let id = match by {
            By::Tool => tool_step(dir, &args, "").trim().to_owned(),
            By::Kenes => {
                let before = certificate_ids(dir);
                kenes_step(dir, &args);
                let mut new: Vec<String> = certificate_ids(dir).into_iter().filter(|c| !before.contains(c)).collect();
                assert_eq!(new.len(), 1, "one new certificate");
                new.remove(0)
            }
        };
        ids.push(id);
    }
    let certs: String = ids.iter().map(|id| std::fs::read_to_string(dir.join(format!("{id}.cert"))).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    tool_step(dir, &["--step", "2", "--certs", "certs.jsons"], "");
    kenes_step(dir, &["--step", "2", "--certs", "certs.jsons"]);
    let polynomials: String = ids
        .iter()
        .zip(trustees)
        .map(|(id, by)| {
            let key = format!("{id}.key");
            let args = ["--step", "3", "--certs", "certs.jsons", "--key", &key];
            match by {
                By::Kenes => kenes_step(dir, &args),
                By::Tool => tool_step(dir, &args, ""),
            }
        })
        .collect();
    std::fs::write(dir.join("polynomials.jsons"), polynomials).unwrap();
    // Both administrators route the polynomials; kenes' vinputs (in a folder of their own) are the tool's.
    tool_step(dir, &["--step", "4", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons"], "");
    let admin = dir.join("admin");
    std::fs::create_dir(&admin).unwrap();
    kenes_step(dir, &["--step", "4", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons", "--dir", "admin"]);
    for id in &ids {
        let vinput = format!("{id}.vinput");
        let by_tool = std::fs::read_to_string(dir.join(&vinput)).unwrap();
        let by_kenes = std::fs::read_to_string(admin.join(&vinput)).unwrap();
        assert_eq!(by_tool.trim(), by_kenes.trim(), "{vinput}");
    }
    let voutputs: String = ids
        .iter()
        .zip(trustees)
        .map(|(id, by)| {
            let key = format!("{id}.key");
            let vinput = format!("admin/{id}.vinput");
            match by {
                By::Kenes => {
                    kenes_step(dir, &["--step", "5", "--certs", "certs.jsons", "--key", &key, "--vinput", &vinput])
                }
                By::Tool => {
                    let input = std::fs::read_to_string(dir.join(&vinput)).unwrap();
                    tool_step(dir, &["--step", "5", "--certs", "certs.jsons", "--key", &key], &input)
                }
            }
        })
        .collect();
    std::fs::write(dir.join("voutputs.jsons"), &voutputs).unwrap();
    // The tool writes ID.dkey here (read-only), kenes in its own folder: the same encrypted keys.
    let by_tool =
        tool_step(dir, &["--step", "6", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons"], &voutputs);
    let args = ["--certs", "certs.jsons", "--polynomials", "polynomials.jsons", "--voutputs", "voutputs.jsons"];
    let by_kenes = kenes_step(dir, &[&["--step", "6", "--dir", "admin"], &args[..]].concat());
    assert_eq!(by_tool.trim(), by_kenes.trim(), "threshold parameters");
    for id in &ids {
        let dkey = format!("{id}.dkey");
        let by_tool = std::fs::read_to_string(dir.join(&dkey)).unwrap();
        assert_eq!(by_tool.trim(), std::fs::read_to_string(admin.join(&dkey)).unwrap().trim(), "{dkey}");
    }
    std::fs::write(dir.join("threshold.json"), by_kenes).unwrap();
    ids
}

/// The certificate ids (file stems of `*.cert`) in `dir`.
fn certificate_ids(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cert"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect()
}

/// Makes a kenes election in `dir` on `threshold.json` (after `pubkeys`, "Single" keys) with three voters who vote
/// [`VOTES`], and closes it. Returns the archive's file name.
fn election(dir: &Path, pubkeys: &[&str]) -> String {
    let uuid = kenes().in_dir(dir).ok(&["election", "setup", "generate-token"]).trim().to_owned();
    let in_group = |args: &[&str]| kenes().in_dir(dir).ok(&[args, &["--group", "Ed25519"][..]].concat());
    in_group(&["election", "setup", "generate-credentials", "--uuid", &uuid, "--count", "3"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let mut args = vec!["election", "setup", "make-election", "--uuid", &uuid, "--template", "template.json"];
    for pubkey in pubkeys {
        args.extend(["--pubkey", pubkey]);
    }
    args.extend(["--threshold", "threshold.json", "--credentials", "public_creds.json"]);
    in_group(&args);
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    for (line, vote) in private.lines().zip(VOTES) {
        std::fs::write(dir.join("cred"), line).unwrap();
        kenes().in_dir(dir).ok(&["election", "vote", "--archive", &archive, "--privcred", "cred", "--ballot", vote]);
    }
    belenios_tool3().in_dir(dir).ok(&["election", "verify"]);
    kenes().in_dir(dir).ok(&["election", "tally", "--archive", &archive]);
    archive
}

/// `kenes election decrypt` as threshold trustee `id` (ID.key, ID.dkey), owner `owner` of the trustees structure.
fn kenes_decrypts(dir: &Path, archive: &str, id: &str, owner: &str) {
    let (key, dkey) = (format!("{id}.key"), format!("{id}.dkey"));
    let args = ["election", "decrypt", "--archive", archive, "--key", &key, "--dkey", &dkey, "--trustee-id", owner];
    kenes().in_dir(dir).ok(&args);
}

/// The result, computed by belenios-tool 3.0 and by kenes alike, and the archive verified by both.
fn result_agrees(dir: &Path, archive: &str) {
    let by_tool = belenios_tool3().in_dir(dir).ok(&["election", "compute-result"]);
    let by_kenes = kenes().in_dir(dir).ok(&["election", "result", "--archive", archive]);
    assert_eq!(by_tool.trim(), by_kenes.trim());
    assert_eq!(by_kenes.trim(), RESULT);
    belenios_tool3().in_dir(dir).ok(&["election", "verify"]);
    let summary = kenes().in_dir(dir).ok(&["verify", archive]);
    assert!(summary.contains("group Ed25519") && summary.contains(RESULT), "{summary}");
}

/// Three kenes trustees, 2 of 3 needed: the election verifies in belenios-tool 3.0, trustees 1 and 3 decrypt, and
/// the tool computes kenes' result.
#[test]
fn a_kenes_ed25519_threshold_ceremony_verifies_in_belenios_tool_3() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let ids = ceremony(dir, [By::Kenes; 3]);
    let archive = election(dir, &[]);
    kenes_decrypts(dir, &archive, &ids[0], "1");
    let early = kenes().in_dir(dir).fails(&["election", "result", "--archive", &archive]);
    assert!(!early.is_empty());
    kenes_decrypts(dir, &archive, &ids[2], "3");
    result_agrees(dir, &archive);
}

/// Trustees 1 and 3 use belenios-tool 3.0, trustee 2 kenes, with a "Single" key from the tool before them; each
/// program's administrator steps accept the other's trustees. The kenes trustee and a tool trustee decrypt, each
/// with its own program.
#[test]
fn a_mixed_ed25519_threshold_ceremony_of_kenes_and_belenios_tool_3_trustees() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let ids = ceremony(dir, [By::Tool, By::Kenes, By::Tool]);
    belenios_tool3().in_dir(dir).ok(&["setup", "generate-trustee-key", "--group", "Ed25519"]);
    let pubkey = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pubkey"))
        .unwrap();
    let privkey = pubkey.with_extension("privkey");
    let archive = election(dir, &[pubkey.to_str().unwrap()]);
    // Owner 1 is the "Single" key; the threshold trustees are owners 2, 3, 4.
    let args = ["election", "decrypt", "--archive", &archive, "--privkey", privkey.to_str().unwrap(), "--trustee-id"];
    kenes().in_dir(dir).ok(&[&args[..], &["1"]].concat());
    kenes_decrypts(dir, &archive, &ids[1], "3");
    let (key, dkey) = (format!("{}.key", ids[2]), format!("{}.dkey", ids[2]));
    let partial = belenios_tool3().in_dir(dir).ok(&[
        "election",
        "decrypt-threshold",
        "--key",
        &key,
        "--decryption-key",
        &dkey,
        "--trustee-id",
        "4",
    ]);
    std::fs::write(dir.join("tool.partial"), partial).unwrap();
    kenes().in_dir(dir).ok(&[
        "election",
        "decrypt",
        "--archive",
        &archive,
        "--partial",
        "tool.partial",
        "--trustee-id",
        "4",
    ]);
    result_agrees(dir, &archive);
}

/// The ceremony's form follows the certificates: on Ed25519 step 1 needs a context, a context names this group and
/// a place among its trustees, and a polynomial for another threshold than the certificates' is refused.
#[test]
fn ed25519_threshold_steps_refuse_what_belenios_3_would_not_accept() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let fails = |args: &[&str]| {
        kenes().in_dir(dir).fails(&[&["election", "setup", "threshold", "--group", "Ed25519"], args].concat())
    };
    let error = fails(&["--step", "1"]);
    assert!(error.contains("--threshold-context"), "{error}");
    let error = fails(&["--step", "1", "--threshold-context", "4/2/3"]);
    assert!(error.contains("index 4"), "{error}");
    let error = fails(&["--step", "1", "--threshold-context", "1-2-3"]);
    assert!(error.contains("INDEX/THRESHOLD/SIZE"), "{error}");
    let mut ids = Vec::new();
    for i in 1..=3 {
        let before = certificate_ids(dir);
        kenes_step(dir, &["--step", "1", "--threshold-context", &format!("{i}/2/3")]);
        ids.extend(certificate_ids(dir).into_iter().filter(|c| !before.contains(c)));
    }
    // Out of order, each certificate's context names another place.
    let certs: String =
        ids.iter().rev().map(|id| std::fs::read_to_string(dir.join(format!("{id}.cert"))).unwrap()).collect();
    std::fs::write(dir.join("reversed.jsons"), certs).unwrap();
    let error = fails(&["--step", "2", "--certs", "reversed.jsons"]);
    assert!(error.contains("certificate 1") && error.contains("context"), "{error}");
    let error = tool_fails(dir, &["--step", "2", "--certs", "reversed.jsons"]);
    assert!(error.contains("certificate 1 does not validate"), "{error}");
    let certs: String = ids.iter().map(|id| std::fs::read_to_string(dir.join(format!("{id}.cert"))).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    let key = format!("{}.key", ids[0]);
    let error = fails(&["--step", "3", "--certs", "certs.jsons", "--key", &key, "--threshold", "3"]);
    assert!(error.contains("threshold is 2, not 3"), "{error}");
    // The same certificates in a finite-field group are refused: their keys are not numbers.
    let error = kenes().in_dir(dir).fails(&["election", "setup", "threshold", "--step", "2", "--certs", "certs.jsons"]);
    assert!(error.contains("certificate 1"), "{error}");
}

/// belenios-tool 3.0's step that must fail; its error output.
fn tool_fails(dir: &Path, args: &[&str]) -> String {
    let (ok, out, err) = belenios_tool3()
        .in_dir(dir)
        .run_with_input(&[&["setup", "generate-trustee-key-threshold", "--group", "Ed25519"], args].concat(), "");
    assert!(!ok, "belenios-tool {args:?} should fail: {out}");
    err
}
