//! Known-answer tests: archives made by belenios-tool 2.0 (see data/README.md) must verify, byte for byte.

use kenes_crypto::archive::Archive;
use kenes_crypto::group::{FfGroup, Group};
use kenes_crypto::verify::{Quiet, verify_archive};

use crate::data;

#[test]
fn group_parameters_are_the_spec_ones() {
    let belenios = FfGroup::named("BELENIOS-2048").unwrap();
    assert_eq!(belenios.modulus().significant_bits(), 2048);
    assert_eq!(belenios.order().significant_bits(), 256);
    assert!(belenios.vartime_is_member(belenios.generator()));
    let modp = FfGroup::named("RFC-3526-2048").unwrap();
    assert!(modp.modulus().to_string_radix(16).starts_with("ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd1"));
    assert!(modp.vartime_is_member(modp.generator()));
    // The safe-prime membership shortcut agrees with x^q = 1.
    let two = rug::Integer::from(2);
    let minus_one = rug::Integer::from(modp.modulus() - 1u32);
    assert!(modp.vartime_is_member(&two));
    assert!(!modp.vartime_is_member(&minus_one));
    assert_eq!(modp.vartime_pow(&minus_one, modp.order()), minus_one);
}

fn check(name: &str, expected_result: &[&[u64]], ballots: usize, tallied: u64, weight: u64) {
    let bytes = data(name);
    let archive = Archive::parse(&bytes).unwrap();
    assert_eq!(archive.to_bytes(), bytes, "{name}: writing the archive back must give the same bytes");
    let summary = verify_archive(&archive, &Quiet).unwrap();
    assert_eq!(summary.ballots, ballots);
    assert_eq!(summary.tallied, Some(tallied));
    assert_eq!(summary.total_weight, Some(weight));
    let result = summary.result.unwrap();
    let expected: Vec<Vec<u64>> = expected_result.iter().map(|r| r.to_vec()).collect();
    assert_eq!(result, expected);
}

#[test]
fn belenios_single_trustee_archive_verifies() {
    check("single.bel", &[&[3, 4, 3, 3, 4], &[2, 1, 4], &[1, 3, 6]], 5, 4, 7);
}

#[test]
fn belenios_threshold_archive_verifies() {
    let bytes = data("threshold.bel");
    let archive = Archive::parse(&bytes).unwrap();
    assert_eq!(archive.to_bytes(), bytes);
    let summary = verify_archive(&archive, &Quiet).unwrap();
    assert_eq!(summary.ballots, 5);
    assert_eq!(summary.tallied, Some(4));
    assert!(summary.result.is_some());
}
