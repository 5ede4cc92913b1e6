//! Micro-benchmark of the group operations behind ballot verification and of one ballot's creation and
//! verification, single-threaded: `cargo bench -p kenes-crypto --bench ops`.
//!
//! Times are this thread's CPU time per operation (the best of five batches); on a loaded machine compare rows of
//! the same run only.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::time::Instant;

use kenes_crypto::ballot::BallotContext;
use kenes_crypto::election::Election;
use kenes_crypto::group::{FfGroup, Group, SecretScalar};
use kenes_crypto::setup::{Voter, generate_credentials, make_election, parse_template, single_trustees_json};
use kenes_crypto::trustees::TrusteeSecretKey;
use rand_core::SeedableRng;
use rug::Integer;

/// The ballot shape of `cargo xtask bench crypto` (issue 4): an approval question of 5 choices and a yes/no question.
const TEMPLATE: &str = r#"{"description":"Benchmark","name":"Benchmark","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"min":1,"max":1,"question":"Yes or no?"}]}"#;

/// The CPU time this thread has run, in seconds (`/proc/thread-self/schedstat`, nanoseconds), so that other
/// processes on a shared machine do not count; falls back to the wall clock elsewhere.
fn thread_cpu(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// Prints the CPU time per call of `f`: the fastest of five batches of `n` calls.
fn time<T>(label: &str, n: u32, mut f: impl FnMut() -> T) {
    let origin = Instant::now();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = thread_cpu(origin);
        for _ in 0..n {
            std::hint::black_box(f());
        }
        best = best.min((thread_cpu(origin) - start) * 1e6 / f64::from(n));
    }
    println!("{label:44} {best:>10.1} µs");
}

fn main() {
    let filter = std::env::args().nth(1).filter(|a| !a.starts_with('-'));
    for name in ["BELENIOS-2048", "RFC-3526-2048"] {
        let group = FfGroup::named(name).unwrap_or_else(|e| panic!("{e}"));
        println!("{name}");
        let q = group.order().clone();
        let e = Integer::from(&q - 12345u32);
        let f = Integer::from(&q - 98765u32);
        let x = group.vartime_pow(group.generator(), &Integer::from(987_654_321u64));
        if filter.as_deref().is_none_or(|f| f == "ops") {
            let p = group.modulus().clone();
            time("vartime_pow (q-sized exponent)", 50, || group.vartime_pow(&x, &e));
            time("secret_pow (q-sized exponent)", 50, || group.secret_pow(&x, &SecretScalar::new(e.clone())));
            time("vartime_table_pow g", 200, || group.vartime_table_pow(group.generator_table(), &e));
            time("vartime_pow_many, 2 exponents", 50, || group.vartime_pow_many(&x, &[&e, &f]));
            time("vartime_pow_many, 6 exponents", 20, || group.vartime_pow_many(&x, &[&e, &f, &e, &f, &e, &f]));
            time("vartime_member_pow_many, 2 exponents", 50, || group.vartime_member_pow_many(&x, &[&e, &f]));
            time("table build", 2, || group.table(&x));
            time("mul", 10000, || group.mul(&x, &x));
            let mut s = x.clone();
            time("square + mod (in place)", 10000, || {
                s.square_mut();
                s %= &p;
            });
            time("is_member", 50, || group.vartime_is_member(&x));
            time("encode", 1000, || group.encode(&x));
        }
        if filter.as_deref().is_none_or(|f| f == "ballot") {
            ballot(&group);
        }
    }
}

/// Creates and verifies ballots of the benchmark's shape in a fresh election of `group`.
fn ballot(group: &FfGroup) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(4);
    let uuid = kenes_crypto::credential::generate_token(14, &mut rng);
    let voters = vec![Voter { identity: "v".into(), weight: 1 }];
    let credentials = generate_credentials(group, &uuid, &voters, &mut rng);
    let (_, public) = TrusteeSecretKey::generate(group, &mut rng);
    let trustees = single_trustees_json(&[public]);
    let template = parse_template(TEMPLATE).unwrap();
    let raw = make_election(&template, &uuid, group, &trustees).unwrap();
    let election = Election::parse(&raw).unwrap();
    let context = BallotContext::new(&election);
    let credential = &credentials.private[0].1;
    let plaintext = vec![vec![1, 0, 1, 1, 0], vec![0, 1]];
    let (ballot, _) = context.create(credential, &plaintext, &mut rng).unwrap();
    time("create ballot (approval 5 + yes/no)", 5, || context.create(credential, &plaintext, &mut rng).unwrap());
    time("verify ballot (approval 5 + yes/no)", 10, || context.verify(&ballot).unwrap());
    let start = Instant::now();
    let bulk = BallotContext::for_ballots(&election, 10_000);
    println!("{:44} {:>10.1} µs", "tables for 10,000 ballots (2 threads)", start.elapsed().as_secs_f64() * 1e6);
    time("verify ballot, tables for 10,000 ballots", 10, || bulk.verify(&ballot).unwrap());
}
