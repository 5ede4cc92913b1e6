//! The mixnet (spec 3.0 §4.19, §6) against belenios-tool 3.0: kenes verifies the tool's shuffles of a
//! non-homomorphic question, the tool verifies and decrypts on kenes' shuffles (alone, and mixed with its own), every
//! tampered field is refused with an error that names it, and shuffles round-trip in a finite-field group too.

use curve25519_dalek::edwards::EdwardsPoint;
use rug::Integer;

use kenes_crypto::ballot::{Ciphertext, CiphertextJson};
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::sha256_b64;
use kenes_crypto::group::{FfGroup, Group};
use kenes_crypto::mixnet::{OwnedJson, Shuffle, ShuffleContext, shuffle_all, verify_shuffle};
use kenes_crypto::proofs::random_secret;
use kenes_testkit::program::belenios_tool3;

use crate::rng;

const TEMPLATE: &str = r#"{"description":"d","name":"n","questions":[{"type":"NonHomomorphic","value":{"answers":["A","B","C"],"question":"Rank"}}]}"#;

/// The votes, one rank vector per voter.
const VOTES: [&str; 4] = ["[1,2,3]", "[2,1,3]", "[3,2,1]", "[1,3,2]"];

/// A belenios-tool 3.0 Ed25519 election with one non-homomorphic question, voted and with its encrypted tally.
struct ToolElection {
    dir: tempfile::TempDir,
    public_key: EdwardsPoint,
    fingerprint: String,
    /// The encrypted tally's non-homomorphic columns: each ballot's ciphertext.
    tally: Vec<Vec<Ciphertext<EdwardsPoint>>>,
}

impl ToolElection {
    fn new() -> Self {
        let group = Ed25519Group::new();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path();
        let voters: String = (0..VOTES.len()).map(|i| format!("v{i}@example.org,voter{i}\n")).collect();
        let (_, private) = crate::ed25519::tool_election(path, &voters, TEMPLATE);
        for (i, vote) in VOTES.iter().enumerate() {
            std::fs::write(path.join("cred"), format!("{}\n", private[&format!("voter{i}")].as_str().unwrap()))
                .unwrap();
            std::fs::write(path.join("choice"), format!("[{vote}]\n")).unwrap();
            let ballot = run(path, &["election", "generate-ballot", "--privcred", "cred", "--choice", "choice"]);
            add_event(path, "Ballot", ballot.trim());
        }
        add_event(path, "EndBallots", "");
        let tally = run(path, &["election", "compute-encrypted-tally"]);
        add_event(path, "EncryptedTally", &tally);
        let columns: Vec<Vec<CiphertextJson>> = serde_json::from_str(tally.lines().next().unwrap()).unwrap();
        let tally = columns
            .iter()
            .map(|column| column.iter().map(|c| Ciphertext::parse(&group, c).unwrap()).collect())
            .collect();
        let raw = std::fs::read_to_string(path.join("election.json")).unwrap();
        let raw = raw.trim_end();
        let json: serde_json::Value = serde_json::from_str(raw).unwrap();
        let public_key = group.decode(json["public_key"].as_str().unwrap()).unwrap();
        ToolElection { dir, public_key, fingerprint: sha256_b64(raw), tally }
    }

    fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// `belenios-tool election shuffle`: its two lines, and the shuffle parsed by kenes.
    fn tool_shuffle(&self) -> (String, Shuffle<EdwardsPoint>) {
        let lines = run(self.path(), &["election", "shuffle", "--trustee-id=1"]);
        let first = lines.lines().next().unwrap().to_owned();
        let shuffle = Shuffle::parse(&Ed25519Group::new(), &first).unwrap();
        assert_eq!(shuffle.to_json_string(), first, "kenes writes back the tool's exact bytes");
        let owned = OwnedJson::of(1, &first);
        assert_eq!(serde_json::to_string(&owned).unwrap(), lines.lines().nth(1).unwrap(), "the owned line");
        (lines, shuffle)
    }

    /// Adds a kenes shuffle as `belenios-tool election shuffle` would print it.
    fn add_shuffle(&self, shuffle: &Shuffle<EdwardsPoint>) {
        let text = shuffle.to_json_string();
        let owned = serde_json::to_string(&OwnedJson::of(1, &text)).unwrap();
        add_event(self.path(), "Shuffle", &format!("{text}\n{owned}\n"));
    }

    /// Ends the shuffles, verifies, decrypts as the one trustee and computes the result: the decrypted rank vectors.
    fn decrypt(&self) -> Vec<Vec<u32>> {
        add_event(self.path(), "EndShuffles", "");
        run(self.path(), &["election", "verify"]);
        let privkey = std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "privkey"))
            .unwrap();
        let factor =
            run(self.path(), &["election", "decrypt", "--privkey", privkey.to_str().unwrap(), "--trustee-id", "1"]);
        add_event(self.path(), "PartialDecryption", &factor);
        let result = run(self.path(), &["election", "compute-result"]);
        add_event(self.path(), "Result", &result);
        run(self.path(), &["election", "verify"]);
        let json: serde_json::Value = serde_json::from_str(result.lines().next().unwrap()).unwrap();
        serde_json::from_value(json["result"][0].clone()).unwrap()
    }
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let (ok, out, err) = belenios_tool3().in_dir(dir).run(args);
    assert!(ok, "belenios-tool {args:?}: {err}");
    out
}

fn add_event(dir: &std::path::Path, kind: &str, body: &str) {
    let (ok, _, err) =
        belenios_tool3().in_dir(dir).run_with_input(&["archive", "add-event", &format!("--type={kind}")], body);
    assert!(ok, "add-event {kind}: {err}");
}

/// The votes as sorted rank vectors, to compare with a result in shuffled order.
fn sorted_votes() -> Vec<Vec<u32>> {
    let mut votes: Vec<Vec<u32>> = VOTES.iter().map(|v| serde_json::from_str(v).unwrap()).collect();
    votes.sort();
    votes
}

#[test]
fn belenios_tool_3_shuffles_verify_in_kenes_and_kenes_shuffles_decrypt_in_belenios_tool_3() {
    let group = Ed25519Group::new();
    let election = ToolElection::new();
    let (y, phi) = (&election.public_key, election.fingerprint.as_str());
    // Before anything is shuffled: a copy where kenes shuffles the tool's encrypted tally alone.
    let alone = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(election.path()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, alone.path().join(path.file_name().unwrap())).unwrap();
    }

    // The tool's shuffle verifies in kenes against the tool's encrypted tally (so GetGenerator agrees with it), and
    // not against another input.
    let (lines, first) = election.tool_shuffle();
    verify_shuffle(&group, y, phi, &election.tally, &first).unwrap();
    let mut reordered = election.tally.clone();
    reordered[0].swap(0, 1);
    let error = verify_shuffle(&group, y, phi, &reordered, &first).unwrap_err().to_string();
    assert!(error.contains("shuffle question 1"), "{error}");
    add_event(election.path(), "Shuffle", &lines);

    // kenes shuffles the tool's shuffle; the tool shuffles kenes' shuffle, which kenes verifies.
    let mut rng = rng("mixnet interop");
    let second = shuffle_all(&group, y, phi, &first.ciphertexts(), &mut rng).unwrap();
    verify_shuffle(&group, y, phi, &first.ciphertexts(), &second).unwrap();
    election.add_shuffle(&second);
    let (lines, third) = election.tool_shuffle();
    verify_shuffle(&group, y, phi, &second.ciphertexts(), &third).unwrap();
    add_event(election.path(), "Shuffle", &lines);
    let mut result = election.decrypt();
    result.sort();
    assert_eq!(result, sorted_votes(), "the result is a permutation of the votes");

    // kenes alone shuffles the tool's encrypted tally, twice; the tool verifies and decrypts.
    let alone = ToolElection {
        dir: alone,
        public_key: election.public_key,
        fingerprint: election.fingerprint.clone(),
        tally: election.tally.clone(),
    };
    let once = shuffle_all(&group, y, phi, &alone.tally, &mut rng).unwrap();
    alone.add_shuffle(&once);
    let twice = shuffle_all(&group, y, phi, &once.ciphertexts(), &mut rng).unwrap();
    alone.add_shuffle(&twice);
    let mut result = alone.decrypt();
    result.sort();
    assert_eq!(result, sorted_votes());
}

#[test]
fn belenios_tool_3_refuses_a_tampered_kenes_shuffle() {
    let group = Ed25519Group::new();
    let election = ToolElection::new();
    let mut rng = rng("mixnet tool refuses");
    let shuffle = shuffle_all(&group, &election.public_key, &election.fingerprint, &election.tally, &mut rng).unwrap();
    let mut json = shuffle.to_json();
    json.proofs[0].1.0 = add_one(&group, &json.proofs[0].1.0);
    let text = serde_json::to_string(&json).unwrap();
    let owned = serde_json::to_string(&OwnedJson::of(1, &text)).unwrap();
    add_event(election.path(), "Shuffle", &format!("{text}\n{owned}\n"));
    add_event(election.path(), "EndShuffles", "");
    let (ok, out, err) = belenios_tool3().in_dir(election.path()).run(&["election", "verify"]);
    assert!(!ok, "belenios-tool 3.0 checks shuffle proofs: {out}{err}");
}

/// A decimal scalar plus one, modulo q.
fn add_one<G: Group>(group: &G, text: &str) -> String {
    let x: Integer = text.parse().unwrap();
    let sum: Integer = (x + 1) % group.order();
    sum.to_string()
}

/// An element times g.
fn times_g<G: Group>(group: &G, text: &str) -> String {
    group.encode(&group.mul(&group.decode(text).unwrap(), group.generator()))
}

/// A column of `n` encryptions of `g^m`, `m = 0 … n−1`, under `y`.
fn column<G: Group>(
    group: &G,
    y: &G::Element,
    n: usize,
    rng: &mut rand_chacha::ChaCha20Rng,
) -> Vec<Ciphertext<G::Element>> {
    (0..n)
        .map(|m| {
            let r = random_secret(group.order(), rng);
            Ciphertext {
                alpha: group.secret_pow(group.generator(), &r),
                beta: group.mul(&group.secret_pow(y, &r), &group.g_pow_small(m as i64)),
            }
        })
        .collect()
}

/// Shuffles two columns of `n` under a fresh key, checks the proof and the round trip of the bytes, and that the
/// output decrypts to the same plaintexts in some order.
fn round_trip<G: Group>(group: &G, n: usize, name: &str) {
    let mut rng = rng(name);
    let x = random_secret(group.order(), &mut rng);
    let y = group.secret_pow(group.generator(), &x);
    let columns = vec![column(group, &y, n, &mut rng), column(group, &y, n, &mut rng)];
    let shuffle = shuffle_all(group, &y, "phi", &columns, &mut rng).unwrap();
    let text = shuffle.to_json_string();
    let parsed = Shuffle::parse(group, &text).unwrap();
    assert_eq!(parsed.to_json_string(), text);
    verify_shuffle(group, &y, "phi", &columns, &parsed).unwrap();
    // With no ciphertext the equations do not involve the challenge: the empty proof holds in any election.
    assert_eq!(verify_shuffle(group, &y, "another election", &columns, &parsed).is_err(), n > 0);
    for output in parsed.ciphertexts() {
        let mut plaintexts: Vec<u64> = output
            .iter()
            .map(|c| {
                let m = group.mul(&c.beta, &group.invert(&group.secret_pow(&c.alpha, &x)));
                group.vartime_small_log(&m, n as u64).unwrap()
            })
            .collect();
        plaintexts.sort();
        assert_eq!(plaintexts, (0..n as u64).collect::<Vec<_>>());
    }
}

#[test]
fn shuffles_round_trip_in_ed25519_and_in_a_finite_field() {
    let group = Ed25519Group::new();
    for n in [0, 1, 2, 7] {
        round_trip(&group, n, &format!("mixnet ed25519 {n}"));
    }
    round_trip(&FfGroup::named("RFC-3526-2048").unwrap(), 3, "mixnet rfc 3526");
}

/// One tampering: a change to the JSON of a valid shuffle, and what the error must say.
fn check(change: &dyn Fn(&mut serde_json::Value), expected: &str) {
    let group = Ed25519Group::new();
    let mut rng = rng("mixnet tamper");
    let x = random_secret(group.order(), &mut rng);
    let y = group.secret_pow(group.generator(), &x);
    let columns = vec![column(&group, &y, 4, &mut rng)];
    let shuffle = shuffle_all(&group, &y, "phi", &columns, &mut rng).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&shuffle.to_json_string()).unwrap();
    change(&mut json);
    let error = Shuffle::parse(&group, &json.to_string())
        .and_then(|parsed| verify_shuffle(&group, &y, "phi", &columns, &parsed))
        .expect_err(expected)
        .to_string();
    assert!(error.contains(expected), "{expected:?} not in {error:?}");
}

/// The string at `pointer` in the shuffle's JSON, replaced by `f` of it.
fn edit(pointer: &str, f: impl Fn(&str) -> String) -> impl Fn(&mut serde_json::Value) {
    let pointer = pointer.to_owned();
    move |json| {
        let value = json.pointer_mut(&pointer).unwrap_or_else(|| panic!("{pointer}"));
        *value = serde_json::Value::String(f(value.as_str().unwrap()));
    }
}

#[test]
fn a_tampered_shuffle_is_refused_naming_what_was_changed() {
    let group = Ed25519Group::new();
    let g = |text: &str| times_g(&group, text);
    let plus = |text: &str| add_one(&group, text);
    // A proof is [t, s, c, ĉ]: t = [t1, t2, t3, [t41, t42], [t̂]], s = [s1, s2, s3, s4, [ŝ], [s′]].
    // A response changed leaves the challenge as it is, so the equation it appears in first fails.
    check(&edit("/proofs/0/1/0", plus), "question 1: the proof's equation for t1 does not hold");
    check(&edit("/proofs/0/1/1", plus), "equation for t2 does not hold");
    check(&edit("/proofs/0/1/3", plus), "equation for t41 does not hold");
    check(&edit("/proofs/0/1/4/2", plus), "equation for t̂ 3 does not hold");
    check(&edit("/proofs/0/1/5/1", plus), "equation for t3 does not hold");
    // A commitment or a ciphertext changed changes the challenges, so every equation fails, t1 first.
    for pointer in
        ["/proofs/0/0/0", "/proofs/0/0/2", "/proofs/0/0/3/1", "/proofs/0/0/4/1", "/proofs/0/2/1", "/proofs/0/3/2"]
    {
        check(&edit(pointer, g), "equation for t1 does not hold");
    }
    // A re-encryption that changes a plaintext, and two outputs swapped.
    check(&edit("/ciphertexts/0/2/beta", g), "equation for t1 does not hold");
    check(
        &|json| {
            let column = json.pointer_mut("/ciphertexts/0").unwrap().as_array_mut().unwrap();
            column.swap(0, 1);
        },
        "equation for t1 does not hold",
    );
    // Forms refused before any equation: a point outside the group, a scalar not below q, wrong lengths.
    let order_two = format!("7{}ec", "f".repeat(61));
    check(&edit("/proofs/0/0/4/3", |_| order_two.clone()), "shuffle question 1: t̂ 4 is not in the group");
    check(&edit("/proofs/0/2/0", |_| order_two.clone()), "shuffle question 1: c 1 is not in the group");
    check(&edit("/ciphertexts/0/1/alpha", |_| order_two.clone()), "ciphertext 2 alpha is not in the group");
    check(&edit("/proofs/0/1/2", |_| group.order().to_string()), "shuffle question 1: s3");
    check(&edit("/proofs/0/3/0", |t| t.to_uppercase()), "shuffle question 1: ĉ 1");
    check(
        &|json| drop(json.pointer_mut("/proofs/0/1/4").unwrap().as_array_mut().unwrap().pop()),
        "ŝ has 3 elements for 4",
    );
    check(
        &|json| drop(json.pointer_mut("/ciphertexts/0").unwrap().as_array_mut().unwrap().pop()),
        "t̂ has 4 elements for 3",
    );
    check(&|json| drop(json.pointer_mut("/proofs/0/0").unwrap().as_array_mut().unwrap().pop()), "bad JSON in shuffle");
    check(
        &|json| drop(json.pointer_mut("/proofs").unwrap().as_array_mut().unwrap().pop()),
        "1 columns of ciphertexts but 0 proofs",
    );
}

#[test]
fn a_shuffle_context_checks_several_shuffles_with_one_set_of_generators() {
    let group = Ed25519Group::new();
    let mut rng = rng("mixnet context");
    let x = random_secret(group.order(), &mut rng);
    let y = group.secret_pow(group.generator(), &x);
    let input = vec![column(&group, &y, 5, &mut rng)];
    let context = ShuffleContext::new(&group, &y, "phi", 5).unwrap();
    let first = context.shuffle_all(&input, &mut rng).unwrap();
    let second = context.shuffle_all(&first.ciphertexts(), &mut rng).unwrap();
    context.verify(&input, &first).unwrap();
    context.verify(&first.ciphertexts(), &second).unwrap();
    let error = context.verify(&input, &second).unwrap_err().to_string();
    assert!(error.contains("shuffle question 1"), "{error}");
    let more = vec![column(&group, &y, 6, &mut rng)];
    assert!(context.shuffle_all(&more, &mut rng).is_err(), "six ciphertexts need six generators");
}
