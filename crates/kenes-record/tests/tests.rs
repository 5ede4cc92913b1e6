//! Tests of the council record: the canonical encoding against its written layout, known answers, and tampering.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod encoding;
mod signature;
mod tamper;

use kenes_record::{ChainSummary, Event, EventHash, NodeKey, Seal, UnsignedEvent, verify_chain};

/// A chain of `n` events signed by a key from a fixed seed.
pub fn chain(n: u64) -> (NodeKey, Vec<Event>, Seal) {
    let key = NodeKey::from_secret_bytes(&[42; 32]);
    let mut events: Vec<Event> = Vec::new();
    for height in 0..n {
        let parent = events.last().map_or(EventHash::ZERO, Event::hash);
        let kind = if height == 0 { "council.created" } else { "member.added" };
        let payload = format!("{{\"n\":{height},\"text\":\"event number {height}\"}}").into_bytes();
        let event = UnsignedEvent {
            height,
            parent,
            timestamp_ms: 1_700_000_000_000 + height as i64,
            kind: kind.to_owned(),
            payload,
        }
        .sign(&key)
        .unwrap();
        events.push(event);
    }
    let summary: ChainSummary = verify_chain(&events).unwrap();
    let seal = Seal::sign(&key, &summary);
    (key, events, seal)
}
