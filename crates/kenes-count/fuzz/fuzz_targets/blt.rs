//! `parse_blt` on arbitrary text; what parses is written back out and read again (neither may panic).
#![no_main]

use kenes_count::formats::{parse_blt, write_blt};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(election) = parse_blt("fuzz.blt", text) {
        let _ = parse_blt("again.blt", &write_blt(&election));
    }
});
