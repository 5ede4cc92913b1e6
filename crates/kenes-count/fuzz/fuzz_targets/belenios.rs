//! `parse_belenios` (rankings) and `parse_belenios_grades` (grades) on arbitrary text.
#![no_main]

use kenes_count::formats::belenios::{parse_belenios, parse_belenios_grades};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = parse_belenios("fuzz.json", text);
    let _ = parse_belenios_grades("fuzz.json", text, None);
    let _ = parse_belenios_grades("fuzz.json", text, Some(7));
});
