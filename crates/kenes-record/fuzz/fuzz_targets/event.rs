//! `Event::from_wire` on arbitrary bytes; what decodes must re-encode to the same bytes and have its
//! signature checked without panicking.
#![no_main]

use kenes_record::Event;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = Event::from_wire(data) {
        assert_eq!(event.to_wire(), data, "the wire form is canonical");
        let _ = event.verify_signature();
    }
});
