//! Micro-benchmark of the group operations behind ballot verification: `cargo bench -p kenes-crypto --bench ops`.
#![allow(clippy::panic)]

use std::time::Instant;

use kenes_crypto::group::{FfGroup, Group, SecretScalar};
use rug::Integer;

fn time<T>(label: &str, n: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(f());
    }
    println!("{label:40} {:>10.1} µs", start.elapsed().as_secs_f64() * 1e6 / f64::from(n));
}

fn main() {
    for name in ["BELENIOS-2048", "RFC-3526-2048"] {
        let group = FfGroup::named(name).unwrap_or_else(|e| panic!("{e}"));
        println!("{name}");
        let q = group.order().clone();
        let e = Integer::from(&q - 12345u32);
        let x = group.vartime_pow(group.generator(), &Integer::from(987_654_321u64));
        time("vartime_pow (q-sized exponent)", 50, || group.vartime_pow(&x, &e));
        time("secret_pow (q-sized exponent)", 50, || group.secret_pow(&x, &SecretScalar::new(e.clone())));
        time("vartime_table_pow g", 200, || group.vartime_table_pow(group.generator_table(), &e));
        time("table build", 2, || group.table(&x));
        time("mul", 10000, || group.mul(&x, &x));
        time("is_member", 50, || group.vartime_is_member(&x));
        time("encode", 1000, || group.encode(&x));
    }
}
