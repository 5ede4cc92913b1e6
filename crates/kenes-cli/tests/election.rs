//! `kenes election` end to end, against the real belenios-tool: elections made by either program are verified by the
//! other, and the roles mix (kenes ballots in a belenios-tool election, a belenios-tool trustee for a kenes tally).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn belenios_tool() -> PathBuf {
    let path =
        PathBuf::from(std::env::var("KENES_BELENIOS_TOOL").unwrap_or_else(|_| "/usr/bin/belenios-tool".to_owned()));
    assert!(
        path.exists(),
        "belenios-tool is needed for the interoperability tests: install Debian's belenios-tool \
         (cargo xtask test does) or set KENES_BELENIOS_TOOL (looked for {})",
        path.display()
    );
    path
}

fn run(mut command: Command) -> Output {
    let output = command.output().expect("running a command");
    assert!(
        output.status.success(),
        "{command:?} failed:\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn kenes(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kenes"));
    command.current_dir(dir).args(args);
    run(command)
}

fn kenes_fails(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_kenes")).current_dir(dir).args(args).output().expect("kenes");
    assert!(!output.status.success(), "kenes {args:?} should have failed");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn tool(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(belenios_tool());
    command.current_dir(dir).args(args).env("BELENIOS_USE_URANDOM", "1");
    run(command)
}

fn tool_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(belenios_tool())
        .current_dir(dir)
        .args(args)
        .env("BELENIOS_USE_URANDOM", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("belenios-tool");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("writing stdin");
    let output = child.wait_with_output().expect("belenios-tool");
    assert!(output.status.success(), "belenios-tool {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn only_file(dir: &Path, extension: &str) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("listing")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    assert_eq!(found.len(), 1, "one .{extension} file expected in {}", dir.display());
    found.remove(0)
}

const TEMPLATE: &str = r#"{"description":"Interop","name":"Interop","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"blank":true,"min":1,"max":1,"question":"Yes or no?"}]}"#;

/// Sets up a kenes election with weights; `trustee_dir` holds the trustee's key made by `make_key`.
fn kenes_setup(dir: &Path, belenios_trustee: bool) -> String {
    let uuid = stdout(&kenes(dir, &["election", "setup", "generate-token"])).trim().to_owned();
    std::fs::write(dir.join("voters.txt"), "a@example.org,1\nb@example.org,2\nc@example.org,3\n").unwrap();
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    kenes(dir, &["election", "setup", "generate-credentials", "--uuid", &uuid, "--file", "voters.txt"]);
    if belenios_trustee {
        tool(dir, &["setup", "generate-trustee-key", "--group", "BELENIOS-2048"]);
    } else {
        kenes(dir, &["election", "setup", "generate-trustee-key"]);
    }
    let pubkey = only_file(dir, "pubkey");
    kenes(
        dir,
        &[
            "election",
            "setup",
            "make-election",
            "--uuid",
            &uuid,
            "--template",
            "template.json",
            "--pubkey",
            pubkey.to_str().unwrap(),
            "--credentials",
            "public_creds.json",
        ],
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
        kenes(dir, &["election", "vote", "--archive", &archive, "--privcred", cred, "--ballot", vote]);
    }
    let before = dir.join("before");
    std::fs::create_dir(&before).unwrap();
    std::fs::copy(dir.join(&archive), before.join(&archive)).unwrap();
    tool(dir, &["election", "verify"]);
    kenes(dir, &["election", "tally", "--archive", &archive]);
    let privkey = only_file(dir, "privkey");
    kenes(
        dir,
        &["election", "decrypt", "--archive", &archive, "--privkey", privkey.to_str().unwrap(), "--trustee-id", "1"],
    );
    // belenios-tool computes the result from kenes' partial decryption: it must be the one kenes writes.
    let belenios_result = stdout(&tool(dir, &["election", "compute-result"]));
    let kenes_result = stdout(&kenes(dir, &["election", "result", "--archive", &archive]));
    assert_eq!(belenios_result.trim(), kenes_result.trim());
    assert_eq!(kenes_result.trim(), r#"{"result":[[3,4,3,3,3],[2,1,3]]}"#);
    tool(dir, &["election", "verify"]);
    // verify-diff both ways: the tallied archive extends the one recorded during voting.
    let out = dir.join("after");
    std::fs::create_dir(&out).unwrap();
    std::fs::copy(dir.join(&archive), out.join(&archive)).unwrap();
    tool(dir, &["election", "verify-diff", "--dir1", before.to_str().unwrap(), "--dir2", out.to_str().unwrap()]);
    let summary = stdout(&kenes(
        dir,
        &["election", "verify-diff", before.join(&archive).to_str().unwrap(), out.join(&archive).to_str().unwrap()],
    ));
    assert!(summary.contains("nothing was removed"), "{summary}");
    let error = kenes_fails(
        dir,
        &["election", "verify-diff", out.join(&archive).to_str().unwrap(), before.join(&archive).to_str().unwrap()],
    );
    assert!(error.contains("is missing from the newer one"), "{error}");
}

fn run_fixture_script(dir: &Path, kind: &str) -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kenes-crypto/tests/data/make-fixture.sh");
    let mut command = Command::new("bash");
    command.arg(script).arg(dir).arg(kind).env("KENES_BELENIOS_TOOL", belenios_tool());
    run(command);
    only_file(dir, "bel")
}

#[test]
fn belenios_tool_elections_verified_by_kenes() {
    for kind in ["single", "threshold"] {
        let dir = tempfile::tempdir().unwrap();
        let archive = run_fixture_script(dir.path(), kind);
        let summary = stdout(&kenes(dir.path(), &["election", "verify", archive.to_str().unwrap()]));
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
    let uuid = stdout(&tool(dir, &["setup", "generate-token"])).trim().to_owned();
    std::fs::write(dir.join("voters.txt"), "v1@example.org,v1,1\nv2@example.org,v2,4\n").unwrap();
    tool(dir, &["setup", "generate-credentials", "--uuid", &uuid, "--group", "BELENIOS-2048", "--file", "voters.txt"]);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("pubcreds") => std::fs::rename(&path, dir.join("public_creds.json")).unwrap(),
            Some("privcreds") => std::fs::rename(&path, dir.join("private_creds.txt")).unwrap(),
            _ => {}
        }
    }
    tool(dir, &["setup", "generate-trustee-key", "--group", "BELENIOS-2048"]);
    let pubkey = std::fs::read_to_string(only_file(dir, "pubkey")).unwrap();
    std::fs::write(dir.join("public_keys.jsons"), pubkey).unwrap();
    tool(dir, &["setup", "make-trustees"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    tool(dir, &["setup", "make-election", "--uuid", &uuid, "--group", "BELENIOS-2048", "--template", "template.json"]);
    tool(dir, &["archive", "init"]);
    for name in ["election.json", "trustees.json", "public_creds.json", "public_keys.jsons"] {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let archive = only_file(dir, "bel");
    let archive = archive.to_str().unwrap();
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    let lines: Vec<&str> = private.lines().collect();
    std::fs::write(dir.join("cred1"), lines[0]).unwrap();
    std::fs::write(dir.join("cred2"), lines[1]).unwrap();
    kenes(dir, &["election", "vote", "--archive", archive, "--privcred", "cred1", "--ballot", "[[1,1,0,0,0],[0,1,0]]"]);
    // A belenios-tool ballot cast through kenes (verified by kenes first).
    let credential = lines[1].split_whitespace().last().unwrap();
    std::fs::write(dir.join("c2"), credential).unwrap();
    let ballot = stdout(&tool_stdin(
        dir,
        &["election", "generate-ballot", "--privcred", "c2", "--ballot", "/dev/stdin"],
        "[[0,1,1,0,0],[1,0,0]]",
    ));
    std::fs::write(dir.join("ballot.json"), ballot.trim_end()).unwrap();
    kenes(dir, &["election", "cast", "--archive", archive, "--ballot-file", "ballot.json"]);
    tool(dir, &["election", "verify"]);
    tool_stdin(dir, &["archive", "add-event", "--type=EndBallots"], "");
    let tally = stdout(&tool(dir, &["election", "compute-encrypted-tally"]));
    tool_stdin(dir, &["archive", "add-event", "--type=EncryptedTally"], &tally);
    let privkey = only_file(dir, "privkey");
    let partial =
        stdout(&tool(dir, &["election", "decrypt", "--privkey", privkey.to_str().unwrap(), "--trustee-id", "1"]));
    tool_stdin(dir, &["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = stdout(&tool(dir, &["election", "compute-result"]));
    tool_stdin(dir, &["archive", "add-event", "--type=Result"], &result);
    assert_eq!(result.trim(), r#"{"result":[[1,5,4,0,0],[4,1,0]]}"#);
    let summary = stdout(&kenes(dir, &["election", "verify", archive]));
    assert!(summary.contains("result {\"result\":[[1,5,4,0,0],[4,1,0]]}"), "{summary}");

    // A belenios-tool trustee decrypting a kenes tally.
    let dir2 = tempfile::tempdir().unwrap();
    let dir2 = dir2.path();
    let uuid = kenes_setup(dir2, true);
    let archive = format!("{uuid}.bel");
    kenes(
        dir2,
        &["election", "vote", "--archive", &archive, "--privcred", "cred3", "--ballot", "[[0,0,1,0,0],[1,0,0]]"],
    );
    kenes(dir2, &["election", "tally", "--archive", &archive]);
    let privkey = only_file(dir2, "privkey");
    let partial =
        stdout(&tool(dir2, &["election", "decrypt", "--privkey", privkey.to_str().unwrap(), "--trustee-id", "1"]));
    tool_stdin(dir2, &["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = stdout(&kenes(dir2, &["election", "result", "--archive", &archive]));
    assert_eq!(result.trim(), r#"{"result":[[0,0,3,0,0],[3,0,0]]}"#);
    tool(dir2, &["election", "verify"]);
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
    let error = kenes_fails(dir, &["election", "verify", "bad.bel"]);
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
    let step = |args: &[&str]| kenes(dir, &[&["election", "setup", "threshold"], args].concat());
    for _ in 0..3 {
        step(&["--step", "1"]);
    }
    let certs: String =
        sorted_files(dir, "cert").iter().map(|c| std::fs::read_to_string(dir.join(c)).unwrap()).collect();
    std::fs::write(dir.join("certs.jsons"), certs).unwrap();
    step(&["--step", "2", "--certs", "certs.jsons"]);
    let keys = sorted_files(dir, "key");
    let polynomials: String = keys
        .iter()
        .map(|k| stdout(&step(&["--step", "3", "--certs", "certs.jsons", "--key", k, "--threshold", "2"])))
        .collect();
    std::fs::write(dir.join("polynomials.jsons"), polynomials).unwrap();
    step(&["--step", "4", "--certs", "certs.jsons", "--polynomials", "polynomials.jsons"]);
    let voutputs: String = keys
        .iter()
        .map(|k| {
            let vinput = k.replace(".key", ".vinput");
            stdout(&step(&["--step", "5", "--certs", "certs.jsons", "--key", k, "--vinput", &vinput]))
        })
        .collect();
    std::fs::write(dir.join("voutputs.jsons"), voutputs).unwrap();
    let threshold = stdout(&step(&[
        "--step",
        "6",
        "--certs",
        "certs.jsons",
        "--polynomials",
        "polynomials.jsons",
        "--voutputs",
        "voutputs.jsons",
    ]));
    std::fs::write(dir.join("threshold.json"), threshold).unwrap();
    keys
}

#[test]
fn threshold_ceremony_by_kenes_with_a_belenios_tool_trustee_decrypting() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let keys = threshold_ceremony(dir);
    kenes(dir, &["election", "setup", "generate-trustee-key"]);
    let uuid = stdout(&kenes(dir, &["election", "setup", "generate-token"])).trim().to_owned();
    kenes(dir, &["election", "setup", "generate-credentials", "--uuid", &uuid, "--count", "2"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let pubkey = sorted_files(dir, "pubkey").remove(0);
    kenes(
        dir,
        &[
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
        ],
    );
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    std::fs::write(dir.join("cred1"), private.lines().next().unwrap()).unwrap();
    kenes(
        dir,
        &["election", "vote", "--archive", &archive, "--privcred", "cred1", "--ballot", "[[1,0,1,0,1],[0,1,0]]"],
    );
    kenes(dir, &["election", "tally", "--archive", &archive]);
    let privkey = sorted_files(dir, "privkey").remove(0);
    kenes(dir, &["election", "decrypt", "--archive", &archive, "--privkey", &privkey, "--trustee-id", "1"]);
    // Threshold trustee 1 (owner 2) decrypts with kenes, threshold trustee 3 (owner 4) with belenios-tool.
    let dkey = keys[0].replace(".key", ".dkey");
    kenes(
        dir,
        &["election", "decrypt", "--archive", &archive, "--key", &keys[0], "--dkey", &dkey, "--trustee-id", "2"],
    );
    let dkey = keys[2].replace(".key", ".dkey");
    let partial = stdout(&tool(
        dir,
        &["election", "decrypt-threshold", "--key", &keys[2], "--decryption-key", &dkey, "--trustee-id", "4"],
    ));
    tool_stdin(dir, &["archive", "add-event", "--type=PartialDecryption"], &partial);
    let result = stdout(&kenes(dir, &["election", "result", "--archive", &archive]));
    assert_eq!(result.trim(), r#"{"result":[[1,0,1,0,1],[0,1,0]]}"#);
    tool(dir, &["election", "verify"]);
}

#[test]
fn mixed_threshold_ceremony_belenios_and_kenes_trustees_agree_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let belenios = |args: &[&str]| {
        tool(dir, &[&["setup", "generate-trustee-key-threshold", "--group", "BELENIOS-2048"], args].concat())
    };
    let kenes_step = |args: &[&str]| kenes(dir, &[&["election", "setup", "threshold"], args].concat());
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
            if is_kenes(k) { stdout(&kenes_step(&args)) } else { stdout(&belenios(&args)) }
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
                stdout(&kenes_step(&["--step", "5", "--certs", "certs.jsons", "--key", k, "--vinput", &vinput]))
            } else {
                let input = std::fs::read_to_string(dir.join(&vinput)).unwrap();
                stdout(&tool_stdin(
                    dir,
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
                ))
            }
        })
        .collect();
    std::fs::write(dir.join("voutputs.jsons"), &voutputs).unwrap();
    let by_belenios = stdout(&tool_stdin(
        dir,
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
    ));
    let by_kenes = stdout(&kenes_step(&[
        "--step",
        "6",
        "--certs",
        "certs.jsons",
        "--polynomials",
        "polynomials.jsons",
        "--voutputs",
        "voutputs.jsons",
    ]));
    assert_eq!(by_belenios.trim(), by_kenes.trim());
}

/// `kenes election decrypt --partial`: partial decryptions made by belenios-tool (a "Single" trustee's `decrypt` and
/// threshold trustees' `decrypt-threshold`) appended by kenes, each checked against its trustee's key first.
#[test]
fn partial_decryptions_made_by_belenios_tool_are_verified_and_appended() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let keys = threshold_ceremony(dir);
    tool(dir, &["setup", "generate-trustee-key", "--group", "BELENIOS-2048"]);
    let uuid = stdout(&kenes(dir, &["election", "setup", "generate-token"])).trim().to_owned();
    kenes(dir, &["election", "setup", "generate-credentials", "--uuid", &uuid, "--count", "2"]);
    std::fs::write(dir.join("template.json"), TEMPLATE).unwrap();
    let pubkey = only_file(dir, "pubkey");
    let args = ["election", "setup", "make-election", "--uuid", &uuid, "--template", "template.json", "--pubkey"];
    let rest = ["--threshold", "threshold.json", "--credentials", "public_creds.json"];
    kenes(dir, &[&args[..], &[pubkey.to_str().unwrap()], &rest[..]].concat());
    let archive = format!("{uuid}.bel");
    let private = std::fs::read_to_string(dir.join("private_creds.txt")).unwrap();
    std::fs::write(dir.join("cred1"), private.lines().next().unwrap()).unwrap();
    let vote = ["election", "vote", "--archive", &archive, "--privcred", "cred1", "--ballot"];
    kenes(dir, &[&vote[..], &["[[0,1,1,0,0],[1,0,0]]"]].concat());
    let decrypt = |trustee: &str, file: &str| {
        vec!["election", "decrypt", "--archive", &archive, "--trustee-id", trustee, "--partial", file]
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<String>>()
    };
    let run_kenes = |args: Vec<String>| kenes(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let fails = |args: Vec<String>| kenes_fails(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    // Owner 1 is the "Single" trustee (belenios-tool's key); owners 2, 3, 4 the threshold trustees.
    std::fs::write(dir.join("early.partial"), "{}").unwrap();
    let error = fails(decrypt("1", "early.partial"));
    assert!(error.contains("no encrypted tally yet"), "{error}");
    kenes(dir, &["election", "tally", "--archive", &archive]);
    let privkey = only_file(dir, "privkey");
    let single =
        stdout(&tool(dir, &["election", "decrypt", "--privkey", privkey.to_str().unwrap(), "--trustee-id", "1"]));
    std::fs::write(dir.join("single.partial"), &single).unwrap();
    let threshold = |i: usize, id: &str| {
        let dkey = keys[i].replace(".key", ".dkey");
        let args = ["election", "decrypt-threshold", "--key", &keys[i], "--decryption-key", &dkey, "--trustee-id", id];
        stdout(&tool(dir, &args))
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
    let error = kenes_fails(dir, &["election", "result", "--archive", &archive]);
    assert!(error.contains("more partial decryptions are needed: trustee 1"), "{error}");
    run_kenes(decrypt("1", "single.partial"));
    // Threshold trustee 1 (owner 2) decrypts with kenes from its key: two of three suffice.
    let dkey = keys[0].replace(".key", ".dkey");
    kenes(
        dir,
        &["election", "decrypt", "--archive", &archive, "--key", &keys[0], "--dkey", &dkey, "--trustee-id", "2"],
    );
    let result = stdout(&kenes(dir, &["election", "result", "--archive", &archive]));
    assert_eq!(result.trim(), r#"{"result":[[0,1,1,0,0],[1,0,0]]}"#);
    std::fs::write(dir.join("late.partial"), threshold(1, "3")).unwrap();
    let error = fails(decrypt("3", "late.partial"));
    assert!(error.contains("result is already computed"), "{error}");
    tool(dir, &["election", "verify"]);
    let summary = stdout(&kenes(dir, &["election", "verify", &archive]));
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
        stdout(&tool_stdin(dir, &args, choices)).trim_end().to_owned()
    };
    std::fs::write(dir.join("ballot1.json"), generate("c1", "[[1,0,0,0,0],[0,1,0]]")).unwrap();
    let cast = ["election", "cast", "--archive", &archive, "--ballot-file"];
    let output = kenes(dir, &[&cast[..], &["ballot1.json"]].concat());
    assert!(String::from_utf8_lossy(&output.stderr).contains("ballot accepted"));
    let before = std::fs::read(dir.join(&archive)).unwrap();
    let error = kenes_fails(dir, &[&cast[..], &["ballot1.json"]].concat());
    assert!(error.contains("already in the ballot box"), "{error}");
    // belenios-tool derives the key from the credential exactly as typed: without its dashes it is no voter's.
    std::fs::write(dir.join("c1-undashed"), credential.replace('-', "")).unwrap();
    std::fs::write(dir.join("undashed.json"), generate("c1-undashed", "[[0,1,0,0,0],[0,1,0]]")).unwrap();
    let error = kenes_fails(dir, &[&cast[..], &["undashed.json"]].concat());
    assert!(error.contains("not one of the election's public credentials"), "{error}");
    std::fs::write(dir.join("broken.json"), "{\"election_uuid\":").unwrap();
    let error = kenes_fails(dir, &[&cast[..], &["broken.json"]].concat());
    assert!(error.contains("the ballot is rejected: bad JSON in ballot"), "{error}");
    assert_eq!(std::fs::read(dir.join(&archive)).unwrap(), before);
    // kenes reads the same undashed credential as the issued one: its ballot is voter 1's revote.
    std::fs::write(dir.join("cred1-undashed"), credential.replace('-', "")).unwrap();
    let vote = ["election", "vote", "--archive", &archive, "--privcred", "cred1-undashed", "--ballot"];
    kenes(dir, &[&vote[..], &["[[0,0,0,0,1],[1,0,0]]"]].concat());
    let summary = stdout(&kenes(dir, &["election", "verify", &archive]));
    assert!(summary.contains("2 ballots cast, 1 counted"), "{summary}");
    // A revote cast from a file says which ballot it replaces.
    std::fs::write(dir.join("ballot2.json"), generate("c1", "[[0,0,1,0,0],[0,0,1]]")).unwrap();
    let output = kenes(dir, &[&cast[..], &["ballot2.json"]].concat());
    assert!(String::from_utf8_lossy(&output.stderr).contains("it replaces the same credential's ballot"));
    kenes(dir, &["election", "tally", "--archive", &archive]);
    let closed = std::fs::read(dir.join(&archive)).unwrap();
    std::fs::write(dir.join("late.json"), generate("c1", "[[1,1,0,0,0],[0,1,0]]")).unwrap();
    let error = kenes_fails(dir, &[&cast[..], &["late.json"]].concat());
    assert!(error.contains("the ballot box is closed"), "{error}");
    let error = kenes_fails(dir, &["election", "tally", "--archive", &archive]);
    assert!(error.contains("the ballot box is closed"), "{error}");
    assert_eq!(std::fs::read(dir.join(&archive)).unwrap(), closed);
    tool(dir, &["election", "verify"]);
}
