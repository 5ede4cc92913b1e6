//! `parse_cvr_csv` on arbitrary text, with the default labels and with rank columns from column 2.
#![no_main]

use kenes_count::formats::cvr::{CvrOptions, parse_cvr_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = parse_cvr_csv("fuzz.csv", text, &CvrOptions::default());
    let options = CvrOptions { first_rank_column: Some(2), ..CvrOptions::default() };
    let _ = parse_cvr_csv("fuzz.csv", text, &options);
});
