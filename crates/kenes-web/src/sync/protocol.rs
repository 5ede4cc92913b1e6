//! The sync protocol's bytes: signed requests, the signed hello, and the frame that carries events (layouts in
//! `docs/record.md`, "Sync"). No I/O here.

use sha2::{Digest, Sha256};

use kenes_record::signature::verify_sync;
use kenes_record::{Event, NodeId, SEAL_LEN, Seal};

/// The header a signed request carries: `v1 node=<hex> age=<age1…> time=<ms> sig=<hex>`.
pub const HEADER: &str = "kenes-sync";
/// How far a request's time may be from the server's clock.
pub const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;
/// The first bytes of a frame of events.
pub const FRAME_MAGIC: &[u8; 16] = b"kenes-frame-v1\n\0";
/// The most events one answer carries, and the most bytes a frame may have.
pub const MAX_EVENTS: u64 = 10_000;
pub const MAX_FRAME: usize = 64 * 1024 * 1024;
/// The most councils one peer may list.
pub const MAX_COUNCILS: usize = 10_000;

/// Why a message of the protocol was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProtocolError {
    #[error("the request carries no valid kenes-sync header: {0}")]
    Header(&'static str),
    #[error("the request's time is more than five minutes from this node's clock")]
    Clock,
    #[error("the request's signature does not verify for the node it names")]
    Signature,
    #[error("the hello's signature does not verify")]
    Hello,
    #[error("the frame is not valid at byte {at}: {what}")]
    Frame { at: usize, what: &'static str },
}

/// The bytes a signed request signs: what it asks, of whom, when, for which age recipient, with which body.
fn request_message(method: &str, path: &str, time_ms: i64, server: &NodeId, age: &str, body: &[u8]) -> Vec<u8> {
    let body_hash = hex::encode(Sha256::digest(body));
    format!("request\n{method}\n{path}\n{time_ms}\n{}\n{age}\n{body_hash}", server.to_hex()).into_bytes()
}

/// What a request asks of which node: its method, its path and query as sent, the serving node, its body.
#[derive(Clone, Copy, Debug)]
pub struct Asking<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub server: &'a NodeId,
    pub body: &'a [u8],
}

/// The header value of a request from `node` (signed by `sign`); answers come encrypted to `age`.
pub fn sign_request(
    sign: impl FnOnce(&[u8]) -> [u8; 64],
    node: &NodeId,
    age: &str,
    asking: Asking<'_>,
    time_ms: i64,
) -> String {
    let Asking { method, path, server, body } = asking;
    let signature = sign(&request_message(method, path, time_ms, server, age, body));
    format!("v1 node={} age={age} time={time_ms} sig={}", node.to_hex(), hex::encode(signature))
}

/// Checks a request's header for this server (`server`) at `now_ms`: returns the node that signed it and the age
/// recipient it asked its answer to be encrypted to.
pub fn verify_request(
    header: &str,
    method: &str,
    path: &str,
    server: &NodeId,
    body: &[u8],
    now_ms: i64,
) -> Result<(NodeId, String), ProtocolError> {
    let mut fields = header.split(' ');
    if fields.next() != Some("v1") {
        return Err(ProtocolError::Header("it does not start with v1"));
    }
    let (mut node, mut age, mut time, mut sig) = (None, None, None, None);
    for field in fields {
        match field.split_once('=') {
            Some(("node", value)) => node = Some(value),
            Some(("age", value)) => age = Some(value),
            Some(("time", value)) => time = Some(value),
            Some(("sig", value)) => sig = Some(value),
            _ => return Err(ProtocolError::Header("a field is not node, age, time or sig")),
        }
    }
    let node = node
        .and_then(|n| hex::decode(n).ok())
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .map(NodeId)
        .ok_or(ProtocolError::Header("node is not 64 hex digits"))?;
    let age = age
        .filter(|a| a.starts_with("age1") && a.len() < 100)
        .ok_or(ProtocolError::Header("age is not an age recipient"))?;
    let time_ms: i64 = time.and_then(|t| t.parse().ok()).ok_or(ProtocolError::Header("time is not a number"))?;
    let signature = sig
        .and_then(|s| hex::decode(s).ok())
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .ok_or(ProtocolError::Header("sig is not 128 hex digits"))?;
    if (now_ms - time_ms).abs() > CLOCK_SKEW_MS {
        return Err(ProtocolError::Clock);
    }
    if !verify_sync(&node, &request_message(method, path, time_ms, server, age, body), &signature) {
        return Err(ProtocolError::Signature);
    }
    Ok((node, age.to_owned()))
}

/// The bytes a node's hello signs: its key and its age recipient, bound together.
pub fn hello_message(node: &NodeId, age: &str) -> Vec<u8> {
    format!("hello\n{}\n{age}", node.to_hex()).into_bytes()
}

/// Checks a hello: `signature` (hex) by `node` over its age recipient.
pub fn verify_hello(node: &NodeId, age: &str, signature: &str) -> Result<(), ProtocolError> {
    let signature =
        hex::decode(signature).ok().and_then(|b| <[u8; 64]>::try_from(b).ok()).ok_or(ProtocolError::Hello)?;
    if verify_sync(node, &hello_message(node, age), &signature) { Ok(()) } else { Err(ProtocolError::Hello) }
}

/// A frame: the magic, each event as a 4-byte big-endian length and its wire form, a zero length, then a byte
/// saying whether the home node's seal (181 bytes) follows. The end marker makes a cut-off frame detectable.
pub fn encode_frame(wires: &[Vec<u8>], seal: Option<&Seal>) -> Vec<u8> {
    let mut out =
        Vec::with_capacity(FRAME_MAGIC.len() + wires.iter().map(|w| w.len() + 4).sum::<usize>() + 5 + SEAL_LEN);
    out.extend_from_slice(FRAME_MAGIC);
    for wire in wires {
        out.extend_from_slice(&(wire.len() as u32).to_be_bytes());
        out.extend_from_slice(wire);
    }
    out.extend_from_slice(&0u32.to_be_bytes());
    match seal {
        Some(seal) => {
            out.push(1);
            out.extend_from_slice(&seal.to_bytes());
        }
        None => out.push(0),
    }
    out
}

/// Reads a frame: its events (decoded, not yet verified) and the seal, if any.
pub fn decode_frame(bytes: &[u8]) -> Result<(Vec<Event>, Option<Seal>), ProtocolError> {
    let fail = |at: usize, what: &'static str| Err(ProtocolError::Frame { at, what });
    if bytes.len() > MAX_FRAME {
        return fail(MAX_FRAME, "it is longer than a frame may be");
    }
    if !bytes.starts_with(FRAME_MAGIC) {
        return fail(0, "it does not start with the frame's magic");
    }
    let mut at = FRAME_MAGIC.len();
    let mut events = Vec::new();
    loop {
        let Some(length) = bytes.get(at..at + 4) else { return fail(at, "it ends before its end marker") };
        let length = u32::from_be_bytes([length[0], length[1], length[2], length[3]]) as usize;
        at += 4;
        if length == 0 {
            break;
        }
        if events.len() as u64 >= MAX_EVENTS {
            return fail(at, "it holds more events than a frame may");
        }
        let Some(wire) = bytes.get(at..at + length) else { return fail(at, "an event is cut off") };
        let Ok(event) = Event::from_wire(wire) else { return fail(at, "an event cannot be decoded") };
        events.push(event);
        at += length;
    }
    let seal = match bytes.get(at) {
        Some(0) if bytes.len() == at + 1 => None,
        Some(1) if bytes.len() == at + 1 + SEAL_LEN => match Seal::from_bytes(&bytes[at + 1..]) {
            Some(seal) => Some(seal),
            None => return fail(at + 1, "the seal cannot be decoded"),
        },
        Some(0 | 1) => return fail(at + 1, "bytes follow the end of the frame, or the seal is cut off"),
        _ => return fail(at, "it ends without saying whether a seal follows"),
    };
    Ok((events, seal))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use kenes_record::NodeKey;

    #[test]
    fn a_signed_request_verifies_only_as_it_was_made() {
        let key = NodeKey::from_secret_bytes(&[7; 32]);
        let server = NodeKey::from_secret_bytes(&[9; 32]).node_id();
        let age = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
        let asking = Asking { method: "GET", path: "/sync/v1/councils", server: &server, body: b"" };
        let header = sign_request(|m| key.sign_sync(m), &key.node_id(), age, asking, 1_000);
        assert_eq!(
            verify_request(&header, "GET", "/sync/v1/councils", &server, b"", 2_000),
            Ok((key.node_id(), age.to_owned()))
        );
        // Another path, server, body, time far off, or an altered field: refused.
        assert_eq!(
            verify_request(&header, "GET", "/sync/v1/hello", &server, b"", 2_000),
            Err(ProtocolError::Signature)
        );
        assert_eq!(
            verify_request(&header, "GET", "/sync/v1/councils", &key.node_id(), b"", 2_000),
            Err(ProtocolError::Signature)
        );
        assert_eq!(
            verify_request(&header, "GET", "/sync/v1/councils", &server, b"x", 2_000),
            Err(ProtocolError::Signature)
        );
        assert_eq!(
            verify_request(&header, "GET", "/sync/v1/councils", &server, b"", 1_000 + CLOCK_SKEW_MS + 1),
            Err(ProtocolError::Clock)
        );
        let other_age = header.replace("age1qyqs", "age1qyqq");
        assert_eq!(
            verify_request(&other_age, "GET", "/sync/v1/councils", &server, b"", 2_000),
            Err(ProtocolError::Signature)
        );
        assert!(verify_request("v2 node=00", "GET", "/", &server, b"", 0).is_err());
        assert!(verify_request("", "GET", "/", &server, b"", 0).is_err());
    }

    #[test]
    fn a_frame_cut_anywhere_is_refused() {
        let key = NodeKey::from_secret_bytes(&[7; 32]);
        let event = kenes_record::UnsignedEvent {
            height: 0,
            parent: kenes_record::EventHash::ZERO,
            timestamp_ms: 1,
            kind: "council.created".to_owned(),
            payload: b"{}".to_vec(),
        }
        .sign(&key)
        .unwrap();
        let frame = encode_frame(&[event.to_wire(), event.to_wire()], None);
        let (events, seal) = decode_frame(&frame).unwrap();
        assert_eq!((events.len(), seal), (2, None));
        for cut in 0..frame.len() {
            assert!(decode_frame(&frame[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = frame.clone();
        longer.push(0);
        assert!(decode_frame(&longer).is_err());
    }
}
