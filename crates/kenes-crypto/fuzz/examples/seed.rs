//! Writes the seed corpora from the belenios-tool fixtures in `../tests/data`: both archives (`corpus/archive/`),
//! the ballots of `single.bel` (`corpus/ballot/`), and every other kind of record with its selector byte
//! (`corpus/records/`, see `fuzz_targets/records.rs`). Run from this folder: `cargo run --example seed`.

use std::fs;

use kenes_crypto::archive::{Archive, Entry, EventType};
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for dir in ["corpus/archive", "corpus/ballot", "corpus/records"] {
        fs::create_dir_all(dir)?;
    }
    let mut records: Vec<(u8, String)> = Vec::new();
    for name in ["single", "threshold"] {
        let bytes = fs::read(format!("../tests/data/{name}.bel"))?;
        fs::write(format!("corpus/archive/{name}.bel"), &bytes)?;
        let archive = Archive::parse(&bytes)?;
        let payload = |kind: EventType| -> Vec<String> {
            archive
                .events()
                .filter(|(_, e)| e.kind == kind)
                .filter_map(|(_, e)| archive.get(e.payload.as_deref()?).map(str::to_owned))
                .collect()
        };
        for (i, ballot) in payload(EventType::Ballot).iter().enumerate() {
            if name == "single" {
                fs::write(format!("corpus/ballot/{name}-{i}.json"), ballot)?;
            }
        }
        for setup in payload(EventType::Setup) {
            let setup: Value = serde_json::from_str(&setup)?;
            for (selector, field) in [(0u8, "election"), (1, "trustees"), (2, "credentials")] {
                if let Some(body) = setup[field].as_str().and_then(|h| archive.get(h)) {
                    records.push((selector, body.to_owned()));
                }
            }
        }
        for sized in payload(EventType::EncryptedTally) {
            records.push((6, sized.clone()));
            let sized: Value = serde_json::from_str(&sized)?;
            if let Some(body) = sized["encrypted_tally"].as_str().and_then(|h| archive.get(h)) {
                records.push((3, body.to_owned()));
            }
        }
        for owned in payload(EventType::PartialDecryption) {
            let owned: Value = serde_json::from_str(&owned)?;
            if let Some(body) = owned["payload"].as_str().and_then(|h| archive.get(h)) {
                records.push((4, body.to_owned()));
            }
        }
        records.extend(payload(EventType::Result).into_iter().map(|r| (5, r)));
        let events = archive.entries.iter().filter_map(|entry| match entry {
            Entry::Event { body, .. } => Some(body.clone()),
            Entry::Data { .. } => None,
        });
        records.extend(events.take(3).map(|body| (9, body)));
    }
    let privcreds = fs::read_to_string("../tests/data/single.privcreds")?;
    if let Some(credential) = privcreds.lines().next().and_then(|l| l.split_whitespace().last()) {
        records.push((7, credential.to_owned()));
    }
    records.push((8, fs::read_to_string("../tests/data/single.privkey")?));
    for (i, (selector, body)) in records.iter().enumerate() {
        let mut bytes = vec![*selector];
        bytes.extend_from_slice(body.as_bytes());
        fs::write(format!("corpus/records/seed-{i:02}-{selector}"), bytes)?;
    }
    println!("seeds written: 2 archives, {} records", records.len());
    Ok(())
}
