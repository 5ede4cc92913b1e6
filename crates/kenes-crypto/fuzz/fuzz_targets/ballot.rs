//! `BallotContext::verify` on arbitrary text, in the election of `tests/data/single.bel` (three questions, one with
//! blank): JSON, canonical form, election binding, signature and every proof must reject bad input without panicking.
#![no_main]

use std::sync::OnceLock;

use kenes_crypto::archive::Archive;
use kenes_crypto::ballot::BallotContext;
use kenes_crypto::election::Election;
use kenes_crypto::verify::read_setup;
use libfuzzer_sys::fuzz_target;

fn election() -> &'static Election {
    static ELECTION: OnceLock<Election> = OnceLock::new();
    ELECTION.get_or_init(|| {
        let archive = Archive::parse(include_bytes!("../../tests/data/single.bel")).expect("the fixture parses");
        read_setup(&archive).expect("the fixture's setup verifies").election
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    static CONTEXT: OnceLock<BallotContext<'static>> = OnceLock::new();
    let context = CONTEXT.get_or_init(|| BallotContext::new(election()));
    if let Ok(verified) = context.verify(text) {
        assert_eq!(verified.choices.len(), election().questions.len());
    }
});
