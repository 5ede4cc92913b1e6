//! The one rule for judging a record's signatures, used by every check of one signature and every batch.
//!
//! Nodes sign with Ed25519 as RFC 8032 specifies (ed25519-dalek). A signature is judged valid by the rules of
//! [ZIP 215](https://zips.z.cash/zip-0215) (ed25519-zebra): the cofactored equation `[8][s]B = [8]R + [8][k]A`, with
//! `s` canonical. Under these rules checking signatures one at a time and checking them in a batch give the same
//! answer for every input, so `kenes verify` cannot accept a record that a one-by-one check would refuse, or the
//! reverse. (The cofactorless check that `verify_strict` makes does not have that property: a signer can add a
//! torsion point to `R` so that a batch accepts what the single check refuses.)
//!
//! One more rule of ours: the node key must not be a point of small order. For such a key every message has
//! signatures anyone can make, so a record signed with it would prove nothing about who wrote it.

use curve25519_dalek::edwards::CompressedEdwardsY;
use ed25519_zebra::{Signature, VerificationKey, VerificationKeyBytes, batch};

use crate::event::{NodeId, SIGNATURE_LEN};

/// Whether `node` is a key records may be signed with: it decodes to a curve point that is not of small order.
pub fn usable_key(node: &NodeId) -> bool {
    CompressedEdwardsY(node.0).decompress().is_some_and(|point| !point.is_small_order())
        && VerificationKey::try_from(node.0).is_ok()
}

/// Checks one signature.
/// Checks a sync protocol signature (`NodeKey::sign_sync`) by `node` over `message`.
pub fn verify_sync(node: &NodeId, message: &[u8], signature: &[u8; SIGNATURE_LEN]) -> bool {
    let mut signed = Vec::with_capacity(crate::event::SYNC_DOMAIN.len() + message.len());
    signed.extend_from_slice(crate::event::SYNC_DOMAIN);
    signed.extend_from_slice(message);
    verify_one(node, &signed, signature)
}

pub fn verify_one(node: &NodeId, message: &[u8], signature: &[u8; SIGNATURE_LEN]) -> bool {
    usable_key(node)
        && VerificationKey::try_from(node.0)
            .is_ok_and(|key| key.verify(&Signature::from_bytes(signature), message).is_ok())
}

/// Checks many signatures at once (one multiscalar multiplication; every signature by the same key shares one term),
/// with fresh random weights from the operating system. True exactly when `verify_one` holds for every item, except
/// with probability below 2⁻¹²⁸.
pub fn verify_all<'a>(items: impl IntoIterator<Item = (&'a NodeId, &'a [u8], &'a [u8; SIGNATURE_LEN])>) -> bool {
    let mut verifier = batch::Verifier::new();
    for (node, message, signature) in items {
        if !usable_key(node) {
            return false;
        }
        verifier.queue((VerificationKeyBytes::from(node.0), Signature::from_bytes(signature), message));
    }
    verifier.verify(rand_core::OsRng).is_ok()
}
