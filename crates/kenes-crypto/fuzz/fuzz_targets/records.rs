//! The other parsers of untrusted election data, chosen by the first byte, on the rest as text:
//! 0 `election.json`, 1 `trustees`, 2 public credentials, 3 encrypted tally, 4 partial decryption (parsed and checked
//! against the fixture's tally), 5 result, 6 sized encrypted tally, 7 secret credential, 8 trustee private key,
//! 9 archive event. The fixture is `tests/data/single.bel`.
#![no_main]

use std::sync::OnceLock;

use kenes_crypto::archive::{Archive, EventType};
use kenes_crypto::credential::SecretCredential;
use kenes_crypto::election::parse_public_credentials;
use kenes_crypto::tally::{EncryptedTally, PartialDecryptionJson, SizedTally, parse_encrypted_tally, parse_result};
use kenes_crypto::trustees::{TrusteeSecretKey, Trustees};
use kenes_crypto::verify::{Setup, read_setup};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    setup: Setup,
    tally: EncryptedTally,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let archive = Archive::parse(include_bytes!("../../tests/data/single.bel")).expect("the fixture parses");
        let setup = read_setup(&archive).expect("the fixture's setup verifies");
        let sized = archive
            .events()
            .find(|(_, e)| e.kind == EventType::EncryptedTally)
            .and_then(|(_, e)| archive.get(e.payload.as_deref()?))
            .expect("the fixture has an encrypted tally");
        let sized = SizedTally::parse(sized).expect("the sized tally parses");
        let body = archive.get(&sized.encrypted_tally).expect("the tally is in the archive");
        let tally = parse_encrypted_tally(&setup.election, body).expect("the tally parses");
        Fixture { setup, tally }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let fixture = fixture();
    let election = &fixture.setup.election;
    let group = &election.group;
    match selector % 10 {
        0 => {
            let _ = kenes_crypto::election::Election::parse(text);
        }
        1 => {
            let _ = Trustees::parse(group, text);
        }
        2 => {
            let _ = parse_public_credentials(group, text);
        }
        3 => {
            let _ = parse_encrypted_tally(election, text);
        }
        4 => {
            if let Ok(json) = serde_json::from_str::<PartialDecryptionJson>(text) {
                if let Some(key) = fixture.setup.trustees.owner_key(1) {
                    let _ = kenes_crypto::tally::verify_partial_decryption(election, &fixture.tally, key, &json);
                }
            }
        }
        5 => {
            let _ = parse_result(text);
        }
        6 => {
            let _ = SizedTally::parse(text);
        }
        7 => {
            let _ = SecretCredential::parse(text);
        }
        8 => {
            let _ = TrusteeSecretKey::parse(group, text);
        }
        _ => {
            let _ = serde_json::from_str::<kenes_crypto::archive::Event>(text);
        }
    }
});
