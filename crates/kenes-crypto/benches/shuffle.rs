//! Benchmark of the mixnet on Ed25519: proving and verifying a shuffle of N ciphertexts, per ciphertext, on one core
//! (a one-thread rayon pool) and on all cores: `cargo bench -p kenes-crypto --bench shuffle [N …]`.
//!
//! "first" includes deriving the generators `h_i` (a [`ShuffleContext`] of N); "reused" is with a context built
//! before, as a verifier checking several shuffles of the same election has. Verification includes parsing the
//! JSON (every element decoded and checked to be in the group). Times are wall-clock, the best of three runs.
//!
//! `--archive FILE.bel SHUFFLE` instead times kenes verifying the first line of `SHUFFLE` (as `belenios-tool election
//! shuffle` prints it) against the encrypted tally of a belenios-tool 3.0 Ed25519 archive, to compare with the tool's
//! `election verify` on the same archive.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::time::Instant;

use kenes_crypto::ballot::Ciphertext;
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::group::Group;
use kenes_crypto::mixnet::{Shuffle, ShuffleContext, shuffle_all, verify_shuffle};
use kenes_crypto::proofs::random_secret;
use rand_core::SeedableRng;

/// The best of three runs of `f`, in ms per ciphertext.
fn best(n: usize, mut f: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3 / n as f64
        })
        .fold(f64::INFINITY, f64::min)
}

/// Verifies belenios-tool's shuffle against the encrypted tally of its archive, on one core and on all.
fn tool_archive(archive: &str, shuffle: &str) {
    use kenes_crypto::archive::{Archive, EventType};
    let group = Ed25519Group::new();
    let archive = Archive::parse(&std::fs::read(archive).unwrap()).unwrap();
    let payload = |kind: EventType| {
        let (_, event) = archive.events().find(|(_, e)| e.kind == kind).unwrap();
        archive.get(event.payload.as_deref().unwrap()).unwrap().to_owned()
    };
    let setup: serde_json::Value = serde_json::from_str(&payload(EventType::Setup)).unwrap();
    let raw = archive.get(setup["election"].as_str().unwrap()).unwrap();
    let election: serde_json::Value = serde_json::from_str(raw).unwrap();
    let y = group.decode(election["public_key"].as_str().unwrap()).unwrap();
    let phi = kenes_crypto::election::sha256_b64(raw);
    let sized: serde_json::Value = serde_json::from_str(&payload(EventType::EncryptedTally)).unwrap();
    let tally: Vec<Vec<kenes_crypto::ballot::CiphertextJson>> =
        serde_json::from_str(archive.get(sized["encrypted_tally"].as_str().unwrap()).unwrap()).unwrap();
    let columns: Vec<Vec<Ciphertext<_>>> =
        tally.iter().map(|c| c.iter().map(|c| Ciphertext::parse(&group, c).unwrap()).collect()).collect();
    let text = std::fs::read_to_string(shuffle).unwrap();
    let text = text.lines().next().unwrap();
    let n = columns.iter().map(Vec::len).sum::<usize>();
    for threads in [1, rayon::current_num_threads()] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let ms = pool.install(|| {
            best(n, || {
                let shuffle = Shuffle::parse(&group, text).unwrap();
                verify_shuffle(&group, &y, &phi, &columns, &shuffle).unwrap();
            })
        });
        println!("belenios-tool's shuffle of {n} verified by kenes, {threads} thread(s): {ms:.3} ms per ciphertext");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--archive") {
        return tool_archive(&args[at + 1], &args[at + 2]);
    }
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![100, 1000] } else { sizes };
    let group = Ed25519Group::new();
    let mut rng = rand_chacha::ChaCha20Rng::from_seed([7; 32]);
    let x = random_secret(group.order(), &mut rng);
    let y = group.secret_pow(group.generator(), &x);
    let phi = "benchmark";
    let cores = rayon::current_num_threads();
    println!(
        "{:>6} {:>7} {:>14} {:>14} {:>14} {:>14}",
        "N", "threads", "prove first", "prove reused", "verify first", "verify reused"
    );
    for &n in &sizes {
        let column: Vec<Ciphertext<_>> = (0..n)
            .map(|m| {
                let r = random_secret(group.order(), &mut rng);
                Ciphertext {
                    alpha: group.secret_pow(group.generator(), &r),
                    beta: group.mul(&group.secret_pow(&y, &r), &group.g_pow_small(m as i64)),
                }
            })
            .collect();
        let columns = vec![column];
        for threads in [1, cores] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| {
                let mut text = String::new();
                let prove_first = best(n, || {
                    text = shuffle_all(&group, &y, phi, &columns, &mut rng).unwrap().to_json_string();
                });
                let context = ShuffleContext::new(&group, &y, phi, n).unwrap();
                let prove_reused = best(n, || {
                    std::hint::black_box(context.shuffle_all(&columns, &mut rng).unwrap().to_json_string());
                });
                let verify_first = best(n, || {
                    let shuffle = Shuffle::parse(&group, &text).unwrap();
                    verify_shuffle(&group, &y, phi, &columns, &shuffle).unwrap();
                });
                let verify_reused = best(n, || {
                    let shuffle = Shuffle::parse(&group, &text).unwrap();
                    context.verify(&columns, &shuffle).unwrap();
                });
                println!(
                    "{n:>6} {threads:>7} {prove_first:>11.3} ms {prove_reused:>11.3} ms {verify_first:>11.3} ms {verify_reused:>11.3} ms"
                );
            });
        }
    }
}
