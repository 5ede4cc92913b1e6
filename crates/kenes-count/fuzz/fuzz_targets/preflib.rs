//! `parse_preflib` on arbitrary text (.soc, .soi, .toc, .toi and the old format).
#![no_main]

use kenes_count::formats::preflib::parse_preflib;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = parse_preflib("fuzz.toi", text);
});
