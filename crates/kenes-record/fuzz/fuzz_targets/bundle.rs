//! `verify_bundle` on arbitrary bytes: layout, chain and seal checks must reject bad input without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kenes_record::bundle::verify_bundle(data);
});
