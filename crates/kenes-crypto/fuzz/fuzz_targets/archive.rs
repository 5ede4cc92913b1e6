//! `Archive::parse` on arbitrary bytes, then full verification of what parses: no input may panic, and an archive
//! that parses must write back to exactly its bytes (up to trailing end-of-archive zero blocks).
#![no_main]

use kenes_crypto::archive::Archive;
use kenes_crypto::verify::{Quiet, verify_archive};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(archive) = Archive::parse(data) else { return };
    let bytes = archive.to_bytes();
    assert!(data.starts_with(&bytes), "an archive that parses must write back to its own bytes");
    assert!(data[bytes.len()..].iter().all(|&b| b == 0), "only zero blocks may follow the last entry");
    let _ = verify_archive(&archive, &Quiet);
});
