//! Checkpoints: a node's signed statement "council C has height n and head h", in the C2SP signed-note format
//! (<https://c2sp.org/signed-note>) with a body shaped like a C2SP checkpoint (<https://c2sp.org/tlog-checkpoint>):
//! the "root hash" line holds the head event's hash (the record is a hash chain, not a Merkle tree). Every node
//! cosigns the heads it verified; notes with the same body merge their signatures, so anyone comparing two notes for
//! one height sees a split view at once.
//!
//! ```text
//! kenes.council/<council id, 64 lower-case hex>\n
//! <height, decimal>\n
//! <head hash, standard base64>\n
//! \n
//! — kenes-node-<node key, 64 lower-case hex> <base64 of: 4-byte key hash ‖ 64-byte Ed25519 signature>\n   (one per signer)
//! ```
//!
//! The key hash is the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ the 32-byte public key), as signed-note gives it
//! for Ed25519; the signature is over the body (the first three lines, newlines included). No I/O here.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::event::{EventHash, NodeId, NodeKey};

/// What every checkpoint body starts with; no event's, seal's or sync message's signed bytes do.
pub const ORIGIN_PREFIX: &str = "kenes.council/";
const NAME_PREFIX: &str = "kenes-node-";
/// The most signatures a note may carry.
pub const MAX_SIGNATURES: usize = 256;

/// A council's head at a height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub council: EventHash,
    pub height: u64,
    pub head: EventHash,
}

/// A checkpoint and the nodes whose signatures over it verify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedCheckpoint {
    pub checkpoint: Checkpoint,
    pub signatures: Vec<(NodeId, [u8; 64])>,
}

impl Checkpoint {
    /// The note's body.
    pub fn body(&self) -> String {
        format!("{ORIGIN_PREFIX}{}\n{}\n{}\n", self.council.to_hex(), self.height, STANDARD.encode(self.head.0))
    }

    /// This checkpoint signed by `key`.
    pub fn sign(&self, key: &NodeKey) -> SignedCheckpoint {
        let signature = key.sign_message(self.body().as_bytes());
        SignedCheckpoint { checkpoint: *self, signatures: vec![(key.node_id(), signature)] }
    }
}

fn name(node: &NodeId) -> String {
    format!("{NAME_PREFIX}{}", node.to_hex())
}

fn key_hash(node: &NodeId) -> [u8; 4] {
    let digest = Sha256::new().chain_update(name(node)).chain_update(b"\n\x01").chain_update(node.0).finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

impl SignedCheckpoint {
    /// Adds the signatures of `other` over the same checkpoint that this one lacks; false (nothing added) when
    /// `other` is about another head.
    pub fn merge(&mut self, other: &SignedCheckpoint) -> bool {
        if other.checkpoint != self.checkpoint {
            return false;
        }
        for (node, signature) in &other.signatures {
            if self.signatures.len() < MAX_SIGNATURES && !self.signatures.iter().any(|(n, _)| n == node) {
                self.signatures.push((*node, *signature));
            }
        }
        true
    }

    pub fn to_note(&self) -> String {
        let mut note = self.checkpoint.body();
        note.push('\n');
        for (node, signature) in &self.signatures {
            let mut bytes = key_hash(node).to_vec();
            bytes.extend_from_slice(signature);
            note.push_str(&format!("\u{2014} {} {}\n", name(node), STANDARD.encode(bytes)));
        }
        note
    }

    /// Reads a note and keeps the signatures that verify by the key their name gives (signature lines of other
    /// kinds, or that do not verify, are left out); refuses a note that is not a kenes checkpoint or has none that
    /// verifies.
    pub fn parse(note: &str) -> Result<SignedCheckpoint, String> {
        if note.len() > 64 * 1024 {
            return Err("the note is longer than a checkpoint may be".to_owned());
        }
        let (body, signatures) = note.split_once("\n\n").ok_or("the note has no blank line before its signatures")?;
        let mut lines = body.split('\n');
        let council = lines
            .next()
            .and_then(|l| l.strip_prefix(ORIGIN_PREFIX))
            .and_then(|hex| EventHash::from_hex(hex).ok())
            .ok_or("the first line is not a kenes council's origin")?;
        let height = lines.next().and_then(|l| l.parse::<u64>().ok()).ok_or("the second line is not a height")?;
        let head = lines
            .next()
            .and_then(|l| STANDARD.decode(l).ok())
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .map(EventHash)
            .ok_or("the third line is not a head hash")?;
        if lines.next().is_some() {
            return Err("the body has more than three lines".to_owned());
        }
        let checkpoint = Checkpoint { council, height, head };
        if checkpoint.body() != format!("{body}\n") {
            return Err("the body is not in its canonical form".to_owned());
        }
        let mut signed = SignedCheckpoint { checkpoint, signatures: Vec::new() };
        for line in signatures.lines().take(MAX_SIGNATURES) {
            let Some(rest) = line.strip_prefix("\u{2014} ") else { continue };
            let Some((name, encoded)) = rest.split_once(' ') else { continue };
            let Some(node) = name
                .strip_prefix(NAME_PREFIX)
                .and_then(|hex| hex::decode(hex).ok())
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .map(NodeId)
            else {
                continue;
            };
            let Some(bytes) = STANDARD.decode(encoded).ok().filter(|b| b.len() == 68) else { continue };
            if bytes[..4] != key_hash(&node) {
                continue;
            }
            let signature: [u8; 64] = bytes[4..].try_into().map_err(|_| "a signature is not 64 bytes")?;
            if crate::signature::verify_one(&node, checkpoint.body().as_bytes(), &signature)
                && !signed.signatures.iter().any(|(n, _)| *n == node)
            {
                signed.signatures.push((node, signature));
            }
        }
        if signed.signatures.is_empty() {
            return Err("no signature on the note verifies".to_owned());
        }
        Ok(signed)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_note_round_trips_merges_and_refuses_what_does_not_verify() {
        let (a, b) = (NodeKey::from_secret_bytes(&[1; 32]), NodeKey::from_secret_bytes(&[2; 32]));
        let checkpoint = Checkpoint { council: EventHash([7; 32]), height: 42, head: EventHash([9; 32]) };
        let mut note = checkpoint.sign(&a);
        assert!(note.merge(&checkpoint.sign(&b)));
        let text = note.to_note();
        assert!(text.starts_with(&format!("kenes.council/{}\n42\n", "07".repeat(32))), "{text}");
        assert_eq!(text.lines().filter(|l| l.starts_with('\u{2014}')).count(), 2);
        assert_eq!(SignedCheckpoint::parse(&text).unwrap(), note);
        // Another head does not merge; a changed height leaves no signature that verifies.
        let other = Checkpoint { head: EventHash([8; 32]), ..checkpoint }.sign(&b);
        assert!(!note.merge(&other));
        assert!(SignedCheckpoint::parse(&text.replacen("\n42\n", "\n43\n", 1)).is_err());
        // A forged line among good ones is left out.
        let forged = text.replacen(&STANDARD.encode([0u8; 4]), "", 0)
            + &format!("\u{2014} kenes-node-{} {}\n", "11".repeat(32), STANDARD.encode([0u8; 68]));
        assert_eq!(SignedCheckpoint::parse(&forged).unwrap().signatures.len(), 2);
        assert!(SignedCheckpoint::parse("garbage").is_err());
    }
}
