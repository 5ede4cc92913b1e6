//! Writes the seed corpus: a valid three-event bundle (`corpus/bundle/`) and its events' wire forms
//! (`corpus/event/`). Run from this folder: `cargo run --example seed`.

use std::fs;

use kenes_record::bundle::{encode, verify_bundle};
use kenes_record::{Event, EventHash, NodeKey, Seal, UnsignedEvent, verify_chain};

fn main() -> std::io::Result<()> {
    let key = NodeKey::from_secret_bytes(&[7; 32]);
    let mut events: Vec<Event> = Vec::new();
    let payloads: [(&str, &[u8]); 3] =
        [("council.created", br#"{"name":"Fuzz"}"#), ("member.added", br#"{"name":"Ann"}"#), ("motion.opened", b"")];
    for (height, (kind, payload)) in payloads.into_iter().enumerate() {
        let parent = events.last().map(Event::hash).unwrap_or(EventHash([0; 32]));
        let unsigned = UnsignedEvent {
            height: height as u64,
            parent,
            timestamp_ms: 1_700_000_000_000 + height as i64,
            kind: kind.to_owned(),
            payload: payload.to_vec(),
        };
        events.push(unsigned.sign(&key).map_err(std::io::Error::other)?);
    }
    let summary = verify_chain(&events).map_err(std::io::Error::other)?;
    let bundle = encode(&events, &Seal::sign(&key, &summary));
    verify_bundle(&bundle).map_err(std::io::Error::other)?;
    fs::create_dir_all("corpus/bundle")?;
    fs::create_dir_all("corpus/event")?;
    fs::write("corpus/bundle/three-events.bundle", &bundle)?;
    let one = encode(&events[..1], &Seal::sign(&key, &verify_chain(&events[..1]).map_err(std::io::Error::other)?));
    fs::write("corpus/bundle/one-event.bundle", one)?;
    for (height, event) in events.iter().enumerate() {
        fs::write(format!("corpus/event/height-{height}.wire"), event.to_wire())?;
    }
    Ok(())
}
