//! Property tests: the shared-work exponentiations against GMP's own, exact membership, decimal and archive
//! encodings, and ballots that verify after creation and fail after any change.

use std::sync::OnceLock;

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::ballot::BallotContext;
use kenes_crypto::election::Election;
use kenes_crypto::group::{FfGroup, Group, decode_scalar, parse_decimal};
use kenes_crypto::setup::{Voter, generate_credentials, make_election, parse_template, single_trustees_json};
use kenes_crypto::trustees::TrusteeSecretKey;
use proptest::prelude::*;
use rug::Integer;
use rug::integer::Order;

use crate::rng;

fn belenios() -> &'static FfGroup {
    static GROUP: OnceLock<FfGroup> = OnceLock::new();
    GROUP.get_or_init(|| FfGroup::named("BELENIOS-2048").unwrap())
}

/// An exponent below q from 32 random bytes, or one of the edge values 0, 1, q − 1.
fn exponent(group: &FfGroup, bytes: &[u8; 32], edge: u8) -> Integer {
    let q = group.order();
    match edge {
        0 => Integer::new(),
        1 => Integer::from(1),
        2 => Integer::from(q - 1u32),
        _ => Integer::from(Integer::from_digits(bytes, Order::Msf).modulo_ref(q)),
    }
}

/// An element of `Z_p^*`: a subgroup member `g^k`, or one with a component of order 2 or 3, or arbitrary.
fn element(group: &FfGroup, k: u64, kind: u8, bytes: &[u8; 32]) -> Integer {
    let p = group.modulus();
    let member = group.vartime_pow(group.generator(), &Integer::from(k));
    let small = |order: u32| {
        let exponent = Integer::from(p - 1u32) / order;
        Integer::from(Integer::from(3).pow_mod_ref(&exponent, p).unwrap())
    };
    match kind % 4 {
        0 => member,
        1 => group.mul(&member, &Integer::from(p - 1u32)),
        2 => group.mul(&member, &small(3)),
        _ => Integer::from(Integer::from_digits(bytes, Order::Msf).modulo_ref(p)).max(Integer::from(1)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn pow_many_matches_gmp(
        k in any::<u64>(),
        kind in any::<u8>(),
        base_bytes in any::<[u8; 32]>(),
        exponents in prop::collection::vec((any::<[u8; 32]>(), any::<u8>()), 0..7),
    ) {
        let group = belenios();
        let base = element(group, k, kind, &base_bytes);
        let exponents: Vec<Integer> = exponents.iter().map(|(b, e)| exponent(group, b, *e)).collect();
        let refs: Vec<&Integer> = exponents.iter().collect();
        let expected: Vec<Integer> =
            exponents.iter().map(|e| Integer::from(base.pow_mod_ref(e, group.modulus()).unwrap())).collect();
        prop_assert_eq!(group.vartime_pow_many(&base, &refs), expected.clone());
        // Membership is decided exactly: x^q = 1, computed here by GMP.
        let is_member = Integer::from(base.pow_mod_ref(group.order(), group.modulus()).unwrap()) == 1;
        prop_assert_eq!(group.vartime_is_member(&base), is_member);
        match group.vartime_member_pow_many(&base, &refs) {
            Some(powers) => {
                prop_assert!(is_member);
                prop_assert_eq!(powers, expected);
            }
            None => prop_assert!(!is_member),
        }
    }

    #[test]
    fn table_pow_matches_gmp(bytes in any::<[u8; 32]>(), edge in any::<u8>(), which in 0usize..3) {
        static TABLES: OnceLock<(Integer, Vec<<FfGroup as Group>::Table>)> = OnceLock::new();
        let group = belenios();
        let (base, tables) = TABLES.get_or_init(|| {
            let base = group.vartime_pow(group.generator(), &Integer::from(123_456_789u64));
            let tables = [0usize, 100_000, 10_000_000].iter().map(|&uses| group.table_for_uses(&base, uses)).collect();
            (base, tables)
        });
        let e = exponent(group, &bytes, edge);
        let expected = Integer::from(base.pow_mod_ref(&e, group.modulus()).unwrap());
        prop_assert_eq!(group.vartime_table_pow(&tables[which], &e), expected);
    }

    #[test]
    fn rfc3526_membership_is_the_jacobi_symbol(k in any::<u64>(), kind in any::<u8>(), bytes in any::<[u8; 32]>()) {
        static GROUP: OnceLock<FfGroup> = OnceLock::new();
        let group = GROUP.get_or_init(|| FfGroup::named("RFC-3526-2048").unwrap());
        let x = element(group, k, kind % 2 * 3, &bytes);
        let is_member = Integer::from(x.pow_mod_ref(group.order(), group.modulus()).unwrap()) == 1;
        prop_assert_eq!(group.vartime_is_member(&x), is_member);
        let e = Integer::from(k);
        let powers = group.vartime_member_pow_many(&x, &[&e, &e]);
        prop_assert_eq!(powers.is_some(), is_member);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn decimals_parse_only_in_canonical_form(n in any::<u128>(), zeros in 1usize..3, junk in "[ +\\-a-z.]") {
        let text = n.to_string();
        prop_assert_eq!(parse_decimal(&text).unwrap(), Integer::from(n));
        let padded = format!("{}{text}", "0".repeat(zeros));
        prop_assert!(parse_decimal(&padded).is_err());
        let before = junk.clone() + &text;
        let after = text.clone() + &junk;
        prop_assert!(parse_decimal(&before).is_err());
        prop_assert!(parse_decimal(&after).is_err());
        let q = belenios().order();
        prop_assert!(decode_scalar(&q.to_string(), q).is_err());
        prop_assert_eq!(decode_scalar(&text, q).unwrap(), Integer::from(n));
    }

    #[test]
    fn long_decimals_parse_as_gmp_reads_them(first in "[1-9]", rest in "[0-9]{0,95}") {
        // Every length across the 76-digit edge of the short path (scalars) and past it (finite-field elements).
        let text = first + &rest;
        prop_assert_eq!(parse_decimal(&text).unwrap(), Integer::from_str_radix(&text, 10).unwrap());
        let nines = "9".repeat(text.len());
        prop_assert_eq!(parse_decimal(&nines).unwrap(), Integer::from_str_radix(&nines, 10).unwrap());
    }

    #[test]
    fn archives_round_trip_and_any_changed_byte_is_rejected(
        timestamp in 0u64..(1 << 33),
        bodies in prop::collection::vec("[ -~]{0,700}", 1..5),
        position in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let mut archive = Archive::new(timestamp);
        for (i, body) in bodies.iter().enumerate() {
            let kind = if i == 0 { EventType::Setup } else { EventType::Ballot };
            archive.add_data_event(kind, body);
        }
        archive.add_event(EventType::EndBallots, None);
        let bytes = archive.to_bytes();
        prop_assert_eq!(Archive::parse(&bytes).unwrap().to_bytes(), bytes.clone());
        let mut changed = bytes.clone();
        changed[position.index(bytes.len())] ^= flip;
        prop_assert!(Archive::parse(&changed).is_err());
    }
}

const TEMPLATE: &str = r#"{"description":"Properties","name":"Properties","questions":[{"answers":["A","B","C","D","E"],"min":0,"max":5,"question":"Approve?"},{"answers":["Yes","No"],"min":1,"max":1,"question":"Yes or no?"},{"answers":["X","Y","Z"],"blank":true,"min":1,"max":2,"question":"One or two?"}]}"#;

struct Fixture {
    election: Election,
    credential: kenes_crypto::credential::SecretCredential,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let mut rng = rng("ballot properties");
        let group = belenios();
        let uuid = kenes_crypto::credential::generate_token(14, &mut rng);
        let credentials = generate_credentials(group, &uuid, &[Voter { identity: "v".into(), weight: 1 }], &mut rng);
        let (_, public) = TrusteeSecretKey::generate(group, &mut rng);
        let trustees = single_trustees_json(&[public]);
        let raw = make_election(&parse_template(TEMPLATE).unwrap(), &uuid, group, &trustees).unwrap();
        let credential = credentials.private.into_iter().next().unwrap().1;
        Fixture { election: Election::parse(&raw).unwrap(), credential }
    })
}

/// A valid plaintext for [`TEMPLATE`] from random bits.
fn plaintext(approval: u8, yes: bool, third: u8) -> Vec<Vec<u32>> {
    let approval: Vec<u32> = (0..5).map(|i| u32::from(approval >> i & 1)).collect();
    let third = match third % 7 {
        0 => vec![1, 0, 0, 0],
        n => {
            let bits = [0b001, 0b010, 0b100, 0b011, 0b101, 0b110][usize::from(n - 1)];
            std::iter::once(0).chain((0..3).map(|i| (bits >> i) & 1)).collect()
        }
    };
    vec![approval, vec![u32::from(yes), u32::from(!yes)], third]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn ballots_verify_after_creation_and_not_after_a_change(
        approval in any::<u8>(),
        yes in any::<bool>(),
        third in any::<u8>(),
        seed in any::<u64>(),
        position in any::<prop::sample::Index>(),
        replacement in "[0-9a-zA-Z\"{},:\\[\\]]",
    ) {
        let fixture = fixture();
        let context = BallotContext::new(&fixture.election);
        let mut rng = rng(&format!("ballot {seed}"));
        let (ballot, tracker) = context.create(&fixture.credential, &plaintext(approval, yes, third), &mut rng).unwrap();
        let verified = context.verify(&ballot).unwrap();
        prop_assert_eq!(verified.tracker, tracker);
        let at = position.index(ballot.len());
        let original = &ballot[at..at + 1];
        prop_assume!(original != replacement.as_str());
        let changed = format!("{}{replacement}{}", &ballot[..at], &ballot[at + 1..]);
        prop_assert!(context.verify(&changed).is_err());
    }
}
