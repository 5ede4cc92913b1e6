//! `kenes election` end to end, against the real belenios-tool: elections made by either program are verified by the
//! other, and the roles mix (kenes ballots in a belenios-tool election, a belenios-tool trustee for a kenes tally).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use kenes_testkit::program::{Program, belenios_tool, belenios_tool_path};

use crate::kenes;

fn only_file(dir: &Path, extension: &str) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    assert_eq!(found.len(), 1, "one .{extension} file expected in {}", dir.display());
    found.remove(0)
}

/// Closes the archive in `dir` and appends the partial decryption of its one trustee, whose key is there.
fn tally_and_decrypt(dir: &Path, archive: &str) {
    kenes().in_dir(dir).ok(&["election", "tally", "--archive", archive]);
    let privkey = only_file(dir, "privkey");
    let privkey = privkey.to_str().unwrap();
    kenes().in_dir(dir).ok(&["election", "decrypt", "--archive", archive, "--privkey", privkey, "--trustee-id", "1"]);
}

const TEMPLATE: &str = r#"{"description":"Interop","name":"Interop","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"}]}"#;

/// Sets up a kenes election with weights in BELENIOS-2048; the trustee's key is made by belenios-tool or kenes.
fn kenes_setup(dir: &Path, belenios_trustee: bool) -> String {
    kenes_setup_in(dir, belenios_trustee, "BELENIOS-2048")
}

/// Sets up a kenes election with weights in `group`; the trustee's key is made by belenios-tool 2.0 or kenes.
fn kenes_setup_in(dir: &Path, belenios_trustee: bool, group: &str) -> String {
    let uuid = kenes().in_dir(dir).ok(&["election", "setup", "generate-token"]).trim().to_owned();
    std::fs::write(dir.join("voters.txt"), "a@example.org,1\nb@example.org,2\nc@example.org,3\n").unwrap();
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let in_group = |args: &[&str]| kenes().in_dir(dir).ok(&[args, &["--group", group][..]].concat());
    in_group(&["election", "setup", "generate-credentials", "--uuid", &uuid, "--file", "voters.txt"]);
    if belenios_trustee {
        belenios_tool().in_dir(dir).ok(&["setup", "generate-trustee-key", "--group", group]);
    } else {
        in_group(&["election", "setup", "generate-trustee-key"]);
    }
    let pubkey = only_file(dir, "pubkey");
    let pubkey = pubkey.to_str().unwrap();
    in_group(
        &["election", "setup", "make-election", "--uuid", &uuid, "--template", "template.json"]
            .into_iter()
            .chain(["--pubkey", pubkey, "--credentials", "public_creds.json"])
            .collect::<Vec<_>>(),
    );
    // Secrets the command line writes are its user's alone; public halves are readable.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.join("private_creds.txt")), 0o600);
        if !belenios_trustee {
            assert_eq!(mode(&only_file(dir, "privkey")), 0o600);
        }
        assert_ne!(mode(&dir.join("public_creds.json")) & 0o044, 0, "public credentials stay readable");
    }
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    for (i, line) in private.lines().enumerate() {
        std::fs::write(dir.join(format!("cred{}", i + 1)), line).unwrap();
    }
    uuid
}

#[test]
fn kenes_election_verified_by_belenios_tool_with_matching_result() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let uuid = kenes_setup(dir, false);
    let archive = format!("{uuid}.bel");
    let votes = ["[[1,0,1,0,1],[0,1,0]]", "[[0,0,0,0,0],[1,0,0]]", "[[1,1,1,1,1],[0,0,1]]", "[[0,1,0,0,0],[0,1,0]]"];
    for (cred, vote) in ["cred1", "cred2", "cred3", "cred1"].iter().zip(votes) {
        kenes().in_dir(dir).ok(&["election", "vote", "--archive", &archive, "--privcred", cred, "--ballot", vote]);
    }
    let before = dir.join("before");
    std::fs::create_dir(&before).unwrap();
    std::fs::copy(dir.join(&archive), before.join(&archive)).unwrap();
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
    tally_and_decrypt(dir, &archive);
    // belenios-tool computes the result from kenes' partial decryption: it must be the one kenes writes.
    let belenios_result = belenios_tool().in_dir(dir).ok(&["election", "compute-result"]);
    let kenes_result = kenes().in_dir(dir).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(belenios_result.trim(), kenes_result.trim());
    assert_eq!(kenes_result.trim(), r#"{"result":[[3,4,3,3,3],[2,1,3]]}"#);
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
    // verify-diff both ways: the tallied archive extends the one recorded during voting.
    let out = dir.join("after");
    std::fs::create_dir(&out).unwrap();
    std::fs::copy(dir.join(&archive), out.join(&archive)).unwrap();
    belenios_tool().in_dir(dir).ok(&[
        "election",
        "verify-diff",
        "--dir1",
        before.to_str().unwrap(),
        "--dir2",
        out.to_str().unwrap(),
    ]);
    let summary = kenes().in_dir(dir).ok(&[
        "election",
        "verify-diff",
        before.join(&archive).to_str().unwrap(),
        out.join(&archive).to_str().unwrap(),
    ]);
    assert!(summary.contains("nothing was removed"), "{summary}");
    let error = kenes().in_dir(dir).fails(&[
        "election",
        "verify-diff",
        out.join(&archive).to_str().unwrap(),
        before.join(&archive).to_str().unwrap(),
    ]);
    assert!(error.contains("is missing from the newer one"), "{error}");
}

fn run_fixture_script(dir: &Path, kind: &str) -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kenes-crypto/tests/data/make-fixture.sh");
    let tool = belenios_tool_path();
    let bash = Program::new("bash").env("KENES_BELENIOS_TOOL", tool.to_str().unwrap());
    bash.ok(&[script.to_str().unwrap(), dir.to_str().unwrap(), kind]);
    only_file(dir, "bel")
}

#[test]
fn belenios_tool_elections_verified_by_kenes() {
    for kind in ["single", "threshold"] {
        let dir = tempfile::tempdir().unwrap();
        let archive = run_fixture_script(dir.path(), kind);
        let summary = kenes().in_dir(dir.path()).ok(&["election", "verify", archive.to_str().unwrap()]);
        assert!(summary.contains("all checks passed"), "{summary}");
        assert!(summary.contains("5 ballots cast, 4 counted"), "{summary}");
        assert!(summary.contains("total weight 7"), "{summary}");
        assert!(summary.contains("result {\"result\":"), "{summary}");
    }
}

#[test]
fn mixed_kenes_ballots_in_a_belenios_election_and_belenios_trustee_for_kenes() {
    // kenes voters in an election set up by belenios-tool, tallied and decrypted by belenios-tool.
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let uuid = belenios_tool().in_dir(dir).ok(&["setup", "generate-token"]).trim().to_owned();
    std::fs::write(dir.join("voters.txt"), "v1@example.org,v1,1\nv2@example.org,v2,4\n").unwrap();
    belenios_tool().in_dir(dir).ok(&[
        "setup",
        "generate-credentials",
        "--uuid",
        &uuid,
        "--group",
        "BELENIOS-2048",
        "--file",
        "voters.txt",
    ]);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("pubcreds") => std::fs::rename(&path, dir.join("public_creds.json")).unwrap(),
            Some("privcreds") => std::fs::rename(&path, dir.join("private_creds.txt")).unwrap(),
            _ => {}
        }
    }
    belenios_tool().in_dir(dir).ok(&["setup", "generate-trustee-key", "--group", "BELENIOS-2048"]);
    let pubkey = std::fs::read_to_string(only_file(dir, "pubkey")).unwrap();
    std::fs::write(dir.join("public_keys.jsons"), pubkey).unwrap();
    belenios_tool().in_dir(dir).ok(&["setup", "make-trustees"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    belenios_tool().in_dir(dir).ok(&[
        "setup",
        "make-election",
        "--uuid",
        &uuid,
        "--group",
        "BELENIOS-2048",
        "--template",
        "template.json",
    ]);
    belenios_tool().in_dir(dir).ok(&["archive", "init"]);
    for name in ["election.json", "trustees.json", "public_creds.json", "public_keys.jsons"] {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let archive = only_file(dir, "bel");
    let archive = archive.to_str().unwrap();
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    let lines: Vec<&str> = private.lines().collect();
    std::fs::write(dir.join("cred1"), lines[0]).unwrap();
    std::fs::write(dir.join("cred2"), lines[1]).unwrap();
    kenes().in_dir(dir).ok(&[
        "election",
        "vote",
        "--archive",
        archive,
        "--privcred",
        "cred1",
        "--ballot",
        "[[1,1,0,0,0],[0,1,0]]",
    ]);
    // A belenios-tool ballot cast through kenes (verified by kenes first).
    let credential = lines[1].split_whitespace().last().unwrap();
    std::fs::write(dir.join("c2"), credential).unwrap();
    let ballot = belenios_tool().in_dir(dir).ok_with_input(
        &["election", "generate-ballot", "--privcred", "c2", "--ballot", "/dev/stdin"],
        "[[0,1,1,0,0],[1,0,0]]",
    );
    std::fs::write(dir.join("ballot.json"), ballot.trim_end()).unwrap();
    kenes().in_dir(dir).ok(&["election", "cast", "--archive", archive, "--ballot-file", "ballot.json"]);
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
    belenios_tool().in_dir(dir).ok_with_input(&["archive", "add-event", "--type=EndBallots"], "");
    let tally = belenios_tool().in_dir(dir).ok(&["election", "compute-encrypted-tally"]);
    belenios_tool().in_dir(dir).ok_with_input(&["archive", "add-event", "--type=EncryptedTally"], &tally);
    let privkey = only_file(dir, "privkey");
    let partial = belenios_tool().in_dir(dir).ok(&[
        "election",
        "decrypt",
        "--privkey",
        privkey.to_str().unwrap(),
        "--trustee-id",
        "1",
    ]);
    belenios_tool().in_dir(dir).ok_with_input(&["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = belenios_tool().in_dir(dir).ok(&["election", "compute-result"]);
    belenios_tool().in_dir(dir).ok_with_input(&["archive", "add-event", "--type=Result"], &result);
    assert_eq!(result.trim(), r#"{"result":[[1,5,4,0,0],[4,1,0]]}"#);
    let summary = kenes().in_dir(dir).ok(&["election", "verify", archive]);
    assert!(summary.contains("result {\"result\":[[1,5,4,0,0],[4,1,0]]}"), "{summary}");

    // A belenios-tool trustee decrypting a kenes tally.
    let dir2 = tempfile::tempdir().unwrap();
    let dir2 = dir2.path();
    let uuid = kenes_setup(dir2, true);
    let archive = format!("{uuid}.bel");
    kenes().in_dir(dir2).ok(&[
        "election",
        "vote",
        "--archive",
        &archive,
        "--privcred",
        "cred3",
        "--ballot",
        "[[0,0,1,0,0],[1,0,0]]",
    ]);
    kenes().in_dir(dir2).ok(&["election", "tally", "--archive", &archive]);
    let privkey = only_file(dir2, "privkey");
    let partial = belenios_tool().in_dir(dir2).ok(&[
        "election",
        "decrypt",
        "--privkey",
        privkey.to_str().unwrap(),
        "--trustee-id",
        "1",
    ]);
    belenios_tool().in_dir(dir2).ok_with_input(&["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = kenes().in_dir(dir2).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(result.trim(), r#"{"result":[[0,0,3,0,0],[3,0,0]]}"#);
    belenios_tool().in_dir(dir2).ok(&["election", "verify"]);
}

#[test]
fn tampered_archive_is_rejected_naming_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kenes-crypto/tests/data/single.bel");
    let mut bytes = std::fs::read(source).unwrap();
    // Change one digit inside the first ballot's body: its entry name no longer matches its hash.
    let needle = b"\"credential\":\"";
    let at = bytes.windows(needle.len()).position(|w| w == needle).unwrap() + needle.len() + 5;
    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
    std::fs::write(dir.join("bad.bel"), bytes).unwrap();
    let error = kenes().in_dir(dir).fails(&["election", "verify", "bad.bel"]);
    assert!(error.contains("content does not match its hash"), "{error}");
}

fn sorted_files(dir: &Path, extension: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

/// A kenes threshold ceremony of three trustees with threshold 2 in `dir`: writes threshold.json and returns the
/// trustees' seed files (ID.key, with ID.dkey beside each), in the order of the threshold parameters.
fn threshold_ceremony(dir: &Path) -> Vec<String> {
    let step = |args: &[&str]| kenes().in_dir(dir).ok(&[&["election", "setup", "threshold"], args].concat());
    for _ in 0..3 {
        step(&["--step", "1"]);
    }
    let certs: String =
        sorted_files(dir, "cert").iter().map(|c| std::fs::read_to_string(dir.join(c)).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    step(&["--step", "2", "--certs", "certs.jsons"]);
    let keys = sorted_files(dir, "key");
    let polynomials: String =
        keys.iter().map(|k| step(&["--step", "3", "--certs", "certs.jsons", "--key", k, "--threshold", "2"])).collect();
    std::fs::write(dir.join("polynomials.jsons"), polynomials).unwrap();
    step(&["--step", "4", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons"]);
    let voutputs: String = keys
        .iter()
        .map(|k| {
            let vinput = k.replace(".key", ".vinput");
            step(&["--step", "5", "--certs", "certs.jsons", "--key", k, "--vinput", &vinput])
        })
        .collect();
    std::fs::write(dir.join("voutputs.jsons"), voutputs).unwrap();
    let threshold = step(&[
        "--step",
        "6",
        "--certs",
        "certs.jsons",
        "--polynomials",
        "polynomials.jsons",
        "--voutputs",
        "voutputs.jsons",
    ]);
    std::fs::write(dir.join("threshold.json"), threshold).unwrap();
    keys
}

#[test]
fn threshold_ceremony_by_kenes_with_a_belenios_tool_trustee_decrypting() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let keys = threshold_ceremony(dir);
    kenes().in_dir(dir).ok(&["election", "setup", "generate-trustee-key"]);
    let uuid = kenes().in_dir(dir).ok(&["election", "setup", "generate-token"]).trim().to_owned();
    kenes().in_dir(dir).ok(&["election", "setup", "generate-credentials", "--uuid", &uuid, "--count", "2"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let pubkey = sorted_files(dir, "pubkey").remove(0);
    kenes().in_dir(dir).ok(&[
        "election",
        "setup",
        "make-election",
        "--uuid",
        &uuid,
        "--template",
        "template.json",
        "--pubkey",
        &pubkey,
        "--threshold",
        "threshold.json",
        "--credentials",
        "public_creds.json",
    ]);
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    std::fs::write(dir.join("cred1"), private.lines().next().unwrap()).unwrap();
    kenes().in_dir(dir).ok(&[
        "election",
        "vote",
        "--archive",
        &archive,
        "--privcred",
        "cred1",
        "--ballot",
        "[[1,0,1,0,1],[0,1,0]]",
    ]);
    kenes().in_dir(dir).ok(&["election", "tally", "--archive", &archive]);
    let privkey = sorted_files(dir, "privkey").remove(0);
    kenes().in_dir(dir).ok(&["election", "decrypt", "--archive", &archive, "--privkey", &privkey, "--trustee-id", "1"]);
    // Threshold trustee 1 (owner 2) decrypts with kenes, threshold trustee 3 (owner 4) with belenios-tool.
    let dkey = keys[0].replace(".key", ".dkey");
    kenes().in_dir(dir).ok(&[
        "election",
        "decrypt",
        "--archive",
        &archive,
        "--key",
        &keys[0],
        "--dkey",
        &dkey,
        "--trustee-id",
        "2",
    ]);
    let dkey = keys[2].replace(".key", ".dkey");
    let partial = belenios_tool().in_dir(dir).ok(&[
        "election",
        "decrypt-threshold",
        "--key",
        &keys[2],
        "--decryption-key",
        &dkey,
        "--trustee-id",
        "4",
    ]);
    belenios_tool().in_dir(dir).ok_with_input(&["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = kenes().in_dir(dir).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(result.trim(), r#"{"result":[[1,0,1,0,1],[0,1,0]]}"#);
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
}

#[test]
fn mixed_threshold_ceremony_belenios_and_kenes_trustees_agree_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let belenios = |args: &[&str]| {
        belenios_tool().in_dir(dir).ok(&[
            &["setup", "generate-trustee-key-threshold", "--group", "BELENIOS-2048"],
            args,
        ]
        .concat())
    };
    let kenes_step = |args: &[&str]| kenes().in_dir(dir).ok(&[&["election", "setup", "threshold"], args].concat());
    belenios(&["--step", "1"]);
    belenios(&["--step", "1"]);
    let belenios_keys = sorted_files(dir, "key");
    kenes_step(&["--step", "1"]);
    let keys = sorted_files(dir, "key");
    let is_kenes = |k: &String| !belenios_keys.contains(k);
    let certs: String =
        sorted_files(dir, "cert").iter().map(|c| std::fs::read_to_string(dir.join(c)).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    belenios(&["--step", "2", "--certs", "certs.jsons"]);
    kenes_step(&["--step", "2", "--certs", "certs.jsons"]);
    let polynomials: String = keys
        .iter()
        .map(|k| {
            let args = ["--step", "3", "--certs", "certs.jsons", "--key", k, "--threshold", "2"];
            if is_kenes(k) { kenes_step(&args) } else { belenios(&args) }
        })
        .collect();
    std::fs::write(dir.join("polynomials.jsons"), polynomials).unwrap();
    // belenios-tool routes the vinputs, including the kenes trustee's.
    belenios(&["--step", "4", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons"]);
    let voutputs: String = keys
        .iter()
        .map(|k| {
            let vinput = k.replace(".key", ".vinput");
            if is_kenes(k) {
                kenes_step(&["--step", "5", "--certs", "certs.jsons", "--key", k, "--vinput", &vinput])
            } else {
                let input = std::fs::read_to_string(dir.join(&vinput)).unwrap();
                belenios_tool().in_dir(dir).ok_with_input(
                    &[
                        "setup",
                        "generate-trustee-key-threshold",
                        "--group",
                        "BELENIOS-2048",
                        "--step",
                        "5",
                        "--certs",
                        "certs.jsons",
                        "--key",
                        k,
                    ],
                    &input,
                )
            }
        })
        .collect();
    std::fs::write(dir.join("voutputs.jsons"), &voutputs).unwrap();
    let by_belenios = belenios_tool().in_dir(dir).ok_with_input(
        &[
            "setup",
            "generate-trustee-key-threshold",
            "--group",
            "BELENIOS-2048",
            "--step",
            "6",
            "--certs",
            "certs.jsons",
            "--polynomials",
            "polynomials.jsons",
        ],
        &voutputs,
    );
    let by_kenes = kenes_step(&[
        "--step",
        "6",
        "--certs",
        "certs.jsons",
        "--polynomials",
        "polynomials.jsons",
        "--voutputs",
        "voutputs.jsons",
    ]);
    assert_eq!(by_belenios.trim(), by_kenes.trim());
}

/// `kenes election decrypt --partial`: partial decryptions made by belenios-tool (a "Single" trustee's `decrypt` and
/// threshold trustees' `decrypt-threshold`) appended by kenes, each checked against its trustee's key first.
#[test]
fn partial_decryptions_made_by_belenios_tool_are_verified_and_appended() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let keys = threshold_ceremony(dir);
    belenios_tool().in_dir(dir).ok(&["setup", "generate-trustee-key", "--group", "BELENIOS-2048"]);
    let uuid = kenes().in_dir(dir).ok(&["election", "setup", "generate-token"]).trim().to_owned();
    kenes().in_dir(dir).ok(&["election", "setup", "generate-credentials", "--uuid", &uuid, "--count", "2"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let pubkey = only_file(dir, "pubkey");
    let args = ["election", "setup", "make-election", "--uuid", &uuid, "--template", "template.json", "--pubkey"];
    let rest = ["--threshold", "threshold.json", "--credentials", "public_creds.json"];
    kenes().in_dir(dir).ok(&[&args[..], &[pubkey.to_str().unwrap()], &rest[..]].concat());
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    std::fs::write(dir.join("cred1"), private.lines().next().unwrap()).unwrap();
    let vote = ["election", "vote", "--archive", &archive, "--privcred", "cred1", "--ballot"];
    kenes().in_dir(dir).ok(&[&vote[..], &["[[0,1,1,0,0],[1,0,0]]"]].concat());
    let decrypt = |trustee: &str, file: &str| {
        vec!["election", "decrypt", "--archive", &archive, "--trustee-id", trustee, "--partial", file]
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<String>>()
    };
    let run_kenes = |args: Vec<String>| kenes().in_dir(dir).ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let fails = |args: Vec<String>| kenes().in_dir(dir).fails(&args.iter().map(String::as_str).collect::<Vec<_>>());
    // Owner 1 is the "Single" trustee (belenios-tool's key); owners 2, 3, 4 the threshold trustees.
    std::fs::write(dir.join("early.partial"), "{}").unwrap();
    let error = fails(decrypt("1", "early.partial"));
    assert!(error.contains("no encrypted tally yet"), "{error}");
    kenes().in_dir(dir).ok(&["election", "tally", "--archive", &archive]);
    let privkey = only_file(dir, "privkey");
    let single = belenios_tool().in_dir(dir).ok(&[
        "election",
        "decrypt",
        "--privkey",
        privkey.to_str().unwrap(),
        "--trustee-id",
        "1",
    ]);
    std::fs::write(dir.join("single.partial"), &single).unwrap();
    let threshold = |i: usize, id: &str| {
        let dkey = keys[i].replace(".key", ".dkey");
        let args = ["election", "decrypt-threshold", "--key", &keys[i], "--decryption-key", &dkey, "--trustee-id", id];
        belenios_tool().in_dir(dir).ok(&args)
    };
    std::fs::write(dir.join("third.partial"), threshold(2, "4")).unwrap();
    let before = std::fs::read(dir.join(&archive)).unwrap();
    // belenios-tool writes the partial decryption then its owner line {"owner":N,"payload":H}, checked too.
    let third = std::fs::read_to_string(dir.join("third.partial")).unwrap();
    assert_eq!(third.lines().count(), 2, "{third}");
    let error = fails(decrypt("3", "third.partial"));
    assert!(error.contains("this partial decryption is trustee 4's, not trustee 3's"), "{error}");
    // Offered as another trustee's, tampered, for a trustee that does not exist: refused, the archive untouched.
    std::fs::write(dir.join("third-alone.partial"), third.lines().next().unwrap()).unwrap();
    let error = fails(decrypt("3", "third-alone.partial"));
    assert!(error.contains("partial decryption of trustee 3") && error.contains("decryption_proofs"), "{error}");
    let (single_data, single_owner) = single.trim_end().split_once('\n').unwrap();
    let mut tampered: serde_json::Value = serde_json::from_str(single_data).unwrap();
    tampered["decryption_proofs"][1][0]["response"] = tampered["decryption_proofs"][1][1]["response"].clone();
    std::fs::write(dir.join("tampered.partial"), format!("{tampered}\n{single_owner}\n")).unwrap();
    let error = fails(decrypt("1", "tampered.partial"));
    assert!(error.contains("does not refer to the partial decryption"), "{error}");
    std::fs::write(dir.join("tampered.partial"), tampered.to_string()).unwrap();
    let error = fails(decrypt("1", "tampered.partial"));
    assert!(error.contains("decryption_proofs question 2 choice 1"), "{error}");
    let error = fails(decrypt("5", "third-alone.partial"));
    assert!(error.contains("there is no trustee 5"), "{error}");
    std::fs::write(dir.join("bad.partial"), "{\"decryption_factors\":").unwrap();
    let error = fails(decrypt("1", "bad.partial"));
    assert!(error.contains("bad JSON in partial decryption"), "{error}");
    assert_eq!(std::fs::read(dir.join(&archive)).unwrap(), before);
    run_kenes(decrypt("4", "third.partial"));
    let error = fails(decrypt("4", "third.partial"));
    assert!(error.contains("trustee 4 has already decrypted"), "{error}");
    let error = kenes().in_dir(dir).fails(&["election", "result", "--archive", &archive]);
    assert!(error.contains("more partial decryptions are needed: trustee 1"), "{error}");
    run_kenes(decrypt("1", "single.partial"));
    // Threshold trustee 1 (owner 2) decrypts with kenes from its key: two of three suffice.
    let dkey = keys[0].replace(".key", ".dkey");
    kenes().in_dir(dir).ok(&[
        "election",
        "decrypt",
        "--archive",
        &archive,
        "--key",
        &keys[0],
        "--dkey",
        &dkey,
        "--trustee-id",
        "2",
    ]);
    let result = kenes().in_dir(dir).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(result.trim(), r#"{"result":[[0,1,1,0,0],[1,0,0]]}"#);
    std::fs::write(dir.join("late.partial"), threshold(1, "3")).unwrap();
    let error = fails(decrypt("3", "late.partial"));
    assert!(error.contains("result is already computed"), "{error}");
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
    let summary = kenes().in_dir(dir).ok(&["election", "verify", &archive]);
    assert!(summary.contains("3 partial decryptions"), "{summary}");
}

/// Ballots refused by `kenes election cast` (replay, a credential typed without dashes into belenios-tool, after
/// closing) leave the archive as it was; revotes replace; credentials typed without dashes work in kenes.
#[test]
fn cast_refuses_what_the_ballot_box_refuses_and_accepts_revotes() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let uuid = kenes_setup(dir, false);
    let archive = format!("{uuid}.bel");
    // Voter 1 votes with belenios-tool; a replay of the same ballot is refused.
    let credential = std::fs::read_to_string(dir.join("cred1")).unwrap().split_whitespace().last().unwrap().to_owned();
    std::fs::write(dir.join("c1"), &credential).unwrap();
    let generate = |credential_file: &str, choices: &str| {
        let args = ["election", "generate-ballot", "--privcred", credential_file, "--ballot", "/dev/stdin"];
        belenios_tool().in_dir(dir).ok_with_input(&args, choices).trim_end().to_owned()
    };
    std::fs::write(dir.join("ballot1.json"), generate("c1", "[[1,0,0,0,0],[0,1,0]]")).unwrap();
    let cast = ["election", "cast", "--archive", &archive, "--ballot-file"];
    let (ok, _, errors) = kenes().in_dir(dir).run(&[&cast[..], &["ballot1.json"]].concat());
    assert!(ok, "{errors}");
    assert!(errors.contains("ballot accepted"));
    let before = std::fs::read(dir.join(&archive)).unwrap();
    let error = kenes().in_dir(dir).fails(&[&cast[..], &["ballot1.json"]].concat());
    assert!(error.contains("already in the ballot box"), "{error}");
    // belenios-tool derives the key from the credential exactly as typed: without its dashes it is no voter's.
    std::fs::write(dir.join("c1-undashed"), credential.replace('-', "")).unwrap();
    std::fs::write(dir.join("undashed.json"), generate("c1-undashed", "[[0,1,0,0,0],[0,1,0]]")).unwrap();
    let error = kenes().in_dir(dir).fails(&[&cast[..], &["undashed.json"]].concat());
    assert!(error.contains("not one of the election's public credentials"), "{error}");
    std::fs::write(dir.join("broken.json"), "{\"election_uuid\":").unwrap();
    let error = kenes().in_dir(dir).fails(&[&cast[..], &["broken.json"]].concat());
    assert!(error.contains("the ballot is rejected: bad JSON in ballot"), "{error}");
    assert_eq!(std::fs::read(dir.join(&archive)).unwrap(), before);
    // kenes reads the same undashed credential as the issued one: its ballot is voter 1's revote.
    std::fs::write(dir.join("cred1-undashed"), credential.replace('-', "")).unwrap();
    let vote = ["election", "vote", "--archive", &archive, "--privcred", "cred1-undashed", "--ballot"];
    kenes().in_dir(dir).ok(&[&vote[..], &["[[0,0,0,0,1],[1,0,0]]"]].concat());
    let summary = kenes().in_dir(dir).ok(&["election", "verify", &archive]);
    assert!(summary.contains("2 ballots cast, 1 counted"), "{summary}");
    // A revote cast from a file says which ballot it replaces.
    std::fs::write(dir.join("ballot2.json"), generate("c1", "[[0,0,1,0,0],[0,0,1]]")).unwrap();
    let (ok, _, errors) = kenes().in_dir(dir).run(&[&cast[..], &["ballot2.json"]].concat());
    assert!(ok, "{errors}");
    assert!(errors.contains("it replaces the same credential's ballot"));
    kenes().in_dir(dir).ok(&["election", "tally", "--archive", &archive]);
    let closed = std::fs::read(dir.join(&archive)).unwrap();
    std::fs::write(dir.join("late.json"), generate("c1", "[[1,1,0,0,0],[0,1,0]]")).unwrap();
    let error = kenes().in_dir(dir).fails(&[&cast[..], &["late.json"]].concat());
    assert!(error.contains("the ballot box is closed"), "{error}");
    let error = kenes().in_dir(dir).fails(&["election", "tally", "--archive", &archive]);
    assert!(error.contains("the ballot box is closed"), "{error}");
    assert_eq!(std::fs::read(dir.join(&archive)).unwrap(), closed);
    belenios_tool().in_dir(dir).ok(&["election", "verify"]);
}

/// `kenes election` on Belenios 3's Ed25519 group, every step on the command line (credentials in the 3.x form,
/// trustee key, election, votes and a revote, tally, decryption, result), verified by belenios-tool 3.0, whose own
/// result from kenes' partial decryption is the one kenes writes; `kenes verify` reads it too.
#[test]
fn kenes_ed25519_election_verified_by_belenios_tool_3() {
    use kenes_testkit::program::belenios_tool3;
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let uuid = kenes_setup_in(dir, false, "Ed25519");
    for line in std::fs::read_to_string(dir.join("private_creds.txt")).unwrap().lines() {
        assert_eq!(line.split_whitespace().last().unwrap().len(), 25, "Belenios 3 credentials: {line}");
    }
    let archive = format!("{uuid}.bel");
    let votes = ["[[1,0,1,0,1],[0,1,0]]", "[[0,0,0,0,0],[1,0,0]]", "[[1,1,1,1,1],[0,0,1]]", "[[0,1,0,0,0],[0,1,0]]"];
    for (cred, vote) in ["cred1", "cred2", "cred3", "cred1"].iter().zip(votes) {
        kenes().in_dir(dir).ok(&["election", "vote", "--archive", &archive, "--privcred", cred, "--ballot", vote]);
    }
    belenios_tool3().in_dir(dir).ok(&["election", "verify"]);
    tally_and_decrypt(dir, &archive);
    let belenios_result = belenios_tool3().in_dir(dir).ok(&["election", "compute-result"]);
    let kenes_result = kenes().in_dir(dir).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(belenios_result.trim(), kenes_result.trim());
    assert_eq!(kenes_result.trim(), r#"{"result":[[3,4,3,3,3],[2,1,3]]}"#);
    belenios_tool3().in_dir(dir).ok(&["election", "verify"]);
    let summary = kenes().in_dir(dir).ok(&["verify", &archive]);
    assert!(
        summary.contains("group Ed25519") && summary.contains("result {\"result\":[[3,4,3,3,3],[2,1,3]]}"),
        "{summary}"
    );
}

/// A ranked (non-homomorphic) STV question for two seats and a yes/no question, on Ed25519.
const RANKED_TEMPLATE: &str = r#"{"description":"Ranked","name":"Delegates","questions":[{"type":"NonHomomorphic","value":{"answers":["Aigerim","Bolat","Dana","Erlan"],"question":"Rank the candidates"},"extra":{"method":"STV","blank":false,"seats":2}},{"answers":["Yes","No"],"min":0,"max":1,"question":"Keep the rota?"}]}"#;

/// A Belenios 3 election with a ranked question and two trustees, where ballots come from both programs, the tally
/// and each trustee's shuffle from a different program (in the order given), each decrypts with a different one, and the
/// result, computed by belenios-tool 3.0 and by kenes alike, verifies in both and recounts by STV in kenes.
fn ranked_election_shuffled_by_both(kenes_shuffles_first: bool) {
    use kenes_testkit::program::belenios_tool3;
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let tool = || belenios_tool3().in_dir(dir);
    let uuid = tool().ok(&["setup", "generate-token"]).trim().to_owned();
    let logins = ["a", "b", "c", "d", "e", "f"];
    let voters: String = logins.iter().map(|l| format!("{l}@example.org,{l}\n")).collect();
    std::fs::write(dir.join("voters.txt"), voters).unwrap();
    tool().ok(&["setup", "generate-credentials", "--uuid", &uuid, "--group", "Ed25519", "--file", "voters.txt"]);
    let private: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(only_file(dir, "privcreds")).unwrap()).unwrap();
    std::fs::rename(only_file(dir, "pubcreds"), dir.join("public_creds.json")).unwrap();
    let mut keys = Vec::new();
    for trustee in ["one", "two"] {
        let sub = dir.join(trustee);
        std::fs::create_dir(&sub).unwrap();
        belenios_tool3().in_dir(&sub).ok(&["setup", "generate-trustee-key", "--group", "Ed25519"]);
        keys.push((only_file(&sub, "privkey"), std::fs::read_to_string(only_file(&sub, "pubkey")).unwrap()));
    }
    std::fs::write(dir.join("public_keys.jsons"), format!("{}{}", keys[0].1, keys[1].1)).unwrap();
    tool().ok(&["setup", "make-trustees"]);
    std::fs::remove_file(dir.join("public_keys.jsons")).unwrap();
    std::fs::write(dir.join("template.json"), RANKED_TEMPLATE).unwrap();
    tool().ok(&["setup", "make-election", "--uuid", &uuid, "--group", "Ed25519", "--template", "template.json"]);
    tool().ok(&["archive", "init"]);
    let archive = format!("{uuid}.bel");

    // Six ballots: three made by belenios-tool, three by kenes.
    let votes = [
        ("a", "[1,2,0,0]", "[1,0]"),
        ("b", "[1,0,2,0]", "[1,0]"),
        ("c", "[1,2,3,4]", "[0,1]"),
        ("d", "[0,1,0,0]", "[1,0]"),
        ("e", "[2,0,1,0]", "[0,0]"),
        ("f", "[0,0,0,1]", "[1,0]"),
    ];
    for (index, (login, ranks, yes_no)) in votes.iter().enumerate() {
        let credential = private[*login].as_str().unwrap();
        std::fs::write(dir.join("cred"), format!("{credential}\n")).unwrap();
        let choice = format!("[{ranks},{yes_no}]");
        if index % 2 == 0 {
            std::fs::write(dir.join("choice"), format!("{choice}\n")).unwrap();
            let ballot = tool().ok(&["election", "generate-ballot", "--privcred", "cred", "--choice", "choice"]);
            tool().ok_with_input(&["archive", "add-event", "--type=Ballot"], &ballot);
        } else {
            kenes().in_dir(dir).ok(&[
                "election",
                "vote",
                "--archive",
                &archive,
                "--privcred",
                "cred",
                "--ballot",
                &choice,
            ]);
        }
    }
    // The tally by kenes in one order, by belenios-tool in the other: each sorts the ranked ciphertexts as the
    // other checks them.
    if kenes_shuffles_first {
        kenes().in_dir(dir).ok(&["election", "tally", "--archive", &archive]);
    } else {
        tool().ok_with_input(&["archive", "add-event", "--type=EndBallots"], "");
        let tally = tool().ok(&["election", "compute-encrypted-tally"]);
        tool().ok_with_input(&["archive", "add-event", "--type=EncryptedTally"], &tally);
    }
    // Nobody decrypts before the shuffles.
    let privkey = |t: usize| keys[t].0.to_str().unwrap().to_owned();
    let second_key = privkey(1);
    let decrypt_as_second =
        ["election", "decrypt", "--archive", archive.as_str(), "--privkey", second_key.as_str(), "--trustee-id", "2"];
    let refused = kenes().in_dir(dir).fails(&decrypt_as_second);
    assert!(refused.contains("shuffled before anyone decrypts"), "{refused}");

    let tool_shuffles = |trustee: &str| {
        let shuffle = tool().ok(&["election", "shuffle", &format!("--trustee-id={trustee}")]);
        tool().ok_with_input(&["archive", "add-event", "--type=Shuffle"], &shuffle);
    };
    let kenes_shuffles = |trustee: &str| {
        kenes().in_dir(dir).ok(&["election", "shuffle", "--archive", &archive, "--trustee-id", trustee]);
    };
    if kenes_shuffles_first {
        kenes_shuffles("1");
        tool_shuffles("2");
    } else {
        tool_shuffles("1");
        kenes_shuffles("2");
    }
    // The same trustee cannot shuffle twice.
    let twice = kenes().in_dir(dir).fails(&["election", "shuffle", "--archive", &archive, "--trustee-id", "1"]);
    assert!(twice.contains("trustee 1 has already shuffled"), "{twice}");
    kenes().in_dir(dir).ok(&["election", "end-shuffles", "--archive", &archive]);
    tool().ok(&["election", "verify"]);

    // Trustee 1 decrypts with belenios-tool, trustee 2 with kenes.
    let partial = tool().ok(&["election", "decrypt", "--privkey", &privkey(0), "--trustee-id", "1"]);
    tool().ok_with_input(&["archive", "add-event", "--type=PartialDecryption"], &partial);
    kenes().in_dir(dir).ok(&decrypt_as_second);
    let tool_result = tool().ok(&["election", "compute-result"]);
    let kenes_result = kenes().in_dir(dir).ok(&["election", "result", "--archive", &archive]);
    assert_eq!(tool_result.trim(), kenes_result.trim());
    tool().ok(&["election", "verify"]);

    // The mixed ballots are those cast, in another order; the yes/no question is summed.
    let result: serde_json::Value = serde_json::from_str(kenes_result.trim()).unwrap();
    let mut mixed: Vec<String> =
        result["result"][0].as_array().unwrap().iter().map(|b| b.to_string().replace(' ', "")).collect();
    let mut cast: Vec<String> = votes.iter().map(|(_, ranks, _)| ranks.to_string()).collect();
    mixed.sort();
    cast.sort();
    assert_eq!(mixed, cast);
    assert_eq!(result["result"][1], serde_json::json!([4, 1]));

    // kenes verify recounts the ranked question by STV (quota 3 of 6 valid for 2 seats: Aigerim has 3).
    let report = dir.join("report");
    let summary = kenes().in_dir(dir).ok(&["verify", &archive, "--report", report.to_str().unwrap()]);
    assert!(summary.contains("ranked ballots shuffled by trustees"), "{summary}");
    assert!(summary.contains("Question 1: Rank the candidates"), "{summary}");
    let count: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report.join("question-1.json")).unwrap()).unwrap();
    let elected: Vec<&str> = count["elected"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(elected.len(), 2, "{count}");
    assert_eq!(elected[0], "Aigerim", "{count}");
    assert!(report.join("question-1.html").exists() && report.join("question-1.csv").exists());
}

#[test]
fn a_ranked_election_tool_shuffles_first_then_kenes() {
    ranked_election_shuffled_by_both(false);
}

#[test]
fn a_ranked_election_kenes_shuffles_first_then_the_tool() {
    ranked_election_shuffled_by_both(true);
}

/// A ranked election run with kenes alone on the command line: two trustees, one of whom shuffles and the other
/// is skipped, an IRV count recounted by `kenes verify`, and belenios-tool 3.0 verifying the archive. A template
/// naming a method badly, or weighted voters with a ranked question, are refused at set-up.
#[test]
fn a_ranked_election_run_by_kenes_alone_with_a_skipped_shuffler() {
    use kenes_testkit::program::belenios_tool3;
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let run = |args: &[&str]| kenes().in_dir(dir).ok(args);
    let uuid = run(&["election", "setup", "generate-token"]).trim().to_owned();
    std::fs::write(dir.join("voters.txt"), "a\nb\nc\nd\ne\n").unwrap();
    let ed = ["--group", "Ed25519"];
    run(&[&["election", "setup", "generate-credentials", "--uuid", &uuid, "--file", "voters.txt"][..], &ed].concat());
    let mut pubkeys = Vec::new();
    for trustee in ["t1", "t2"] {
        std::fs::create_dir(dir.join(trustee)).unwrap();
        run(&[&["election", "setup", "generate-trustee-key", "--dir", trustee][..], &ed].concat());
        pubkeys.push(only_file(&dir.join(trustee), "pubkey").to_str().unwrap().to_owned());
    }
    let make = |template: &str| {
        std::fs::write(dir.join("template.json"), template).unwrap();
        let mut args = vec!["election", "setup", "make-election", "--uuid", &uuid, "--template", "template.json"];
        args.extend(["--credentials", "public_creds.json", "--group", "Ed25519"]);
        for key in &pubkeys {
            args.extend(["--pubkey", key.as_str()]);
        }
        kenes().in_dir(dir).run(&args)
    };
    let bad = r#"{"description":"","name":"Bad","questions":[{"type":"NonHomomorphic","value":{"answers":["A","B"],"question":"Q"},"extra":{"method":"Schulze","seats":2}}]}"#;
    let (ok, _, err) = make(bad);
    assert!(!ok && err.contains("only STV fills several seats"), "{err}");
    let irv = r#"{"description":"","name":"Chair","questions":[{"type":"NonHomomorphic","value":{"answers":["Aigerim","Bolat","Dana"],"question":"Who chairs?"},"extra":{"method":"IRV"}}]}"#;
    let (ok, _, err) = make(irv);
    assert!(ok, "{err}");
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    // Bolat 2 first preferences, Dana 2, Aigerim 1 (her voter's next choice is Dana): Dana wins in round 2.
    for (line, ranks) in private.lines().zip(["[[2,1,3]]", "[[3,1,2]]", "[[0,2,1]]", "[[3,2,1]]", "[[1,0,2]]"]) {
        std::fs::write(dir.join("cred"), line).unwrap();
        run(&["election", "vote", "--archive", &archive, "--privcred", "cred", "--ballot", ranks]);
    }
    run(&["election", "tally", "--archive", &archive]);
    // Trustee 1 shuffles on a copy of the archive on their own computer, and hands in the file.
    std::fs::copy(dir.join(&archive), dir.join("t1/copy.bel")).unwrap();
    run(&["election", "shuffle", "--archive", "t1/copy.bel", "--trustee-id", "1", "--output", "t1/shuffle.txt"]);
    let wrong = kenes().in_dir(dir).fails(&[
        "election",
        "shuffle",
        "--archive",
        &archive,
        "--trustee-id",
        "2",
        "--shuffle",
        "t1/shuffle.txt",
    ]);
    assert!(wrong.contains("trustee 1's, not trustee 2's"), "{wrong}");
    run(&["election", "shuffle", "--archive", &archive, "--trustee-id", "1", "--shuffle", "t1/shuffle.txt"]);
    let ended = kenes().in_dir(dir).run(&["election", "end-shuffles", "--archive", &archive]).2;
    assert!(ended.contains("skipped [2]"), "{ended}");
    for (index, trustee) in ["t1", "t2"].iter().enumerate() {
        let key = only_file(&dir.join(trustee), "privkey");
        let id = (index + 1).to_string();
        run(&["election", "decrypt", "--archive", &archive, "--privkey", key.to_str().unwrap(), "--trustee-id", &id]);
    }
    run(&["election", "result", "--archive", &archive]);
    belenios_tool3().in_dir(dir).ok(&["election", "verify"]);
    let summary = run(&["verify", &archive]);
    assert!(summary.contains("ranked ballots shuffled by trustees [1]"), "{summary}");
    assert!(summary.contains("Question 1: Who chairs?"), "{summary}");
    assert!(summary.contains("Dana"), "{summary}");
    run(&["verify", &archive, "--report", "count"]);
    let count: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("count/question-1.json")).unwrap()).unwrap();
    assert_eq!(count["elected"], serde_json::json!(["Dana"]), "{count}");
}
