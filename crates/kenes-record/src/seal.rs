//! The seal at the end of a bundle: the home node's signature over the council, the number of events and the last
//! event's hash. Without it a bundle with its last events cut off (and its count fixed up) would still be a valid,
//! shorter record; with it, every removed event is detected.
//!
//! Layout (181 bytes), and the signed message is the first 117 of them:
//!
//! ```text
//! 13 bytes  magic, the ASCII bytes "kenes-seal-v1"
//! 32 bytes  council id (hash of the event at height 0)
//! 8 bytes   number of events n, unsigned, big-endian
//! 32 bytes  hash of the event at height n-1
//! 32 bytes  the Ed25519 public key of the sealing node (must be the council's home node)
//! 64 bytes  Ed25519 signature by that node over the 117 bytes above
//! ```

use crate::error::{ChainError, ChainProblem};
use crate::event::{EventHash, NodeId, NodeKey};
use crate::verify::ChainSummary;

pub const SEAL_MAGIC: &[u8; 13] = b"kenes-seal-v1";
pub const SEAL_LEN: usize = 13 + 32 + 8 + 32 + 32 + 64;
const SIGNED_LEN: usize = SEAL_LEN - 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal {
    pub council: EventHash,
    pub len: u64,
    pub head: EventHash,
    pub node: NodeId,
    pub signature: [u8; 64],
}

impl Seal {
    /// Seals a record's current head with the node's key.
    pub fn sign(key: &NodeKey, summary: &ChainSummary) -> Seal {
        let mut seal = Seal {
            council: summary.council,
            len: summary.len,
            head: summary.head,
            node: key.node_id(),
            signature: [0; 64],
        };
        seal.signature = key.sign_message(&seal.signed_bytes());
        seal
    }

    fn signed_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SEAL_LEN);
        out.extend_from_slice(SEAL_MAGIC);
        out.extend_from_slice(&self.council.0);
        out.extend_from_slice(&self.len.to_be_bytes());
        out.extend_from_slice(&self.head.0);
        out.extend_from_slice(&self.node.0);
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.signed_bytes();
        out.extend_from_slice(&self.signature);
        out
    }

    /// Decodes exactly `SEAL_LEN` bytes.
    pub fn from_bytes(bytes: &[u8]) -> Option<Seal> {
        if bytes.len() != SEAL_LEN || !bytes.starts_with(SEAL_MAGIC) {
            return None;
        }
        let array = |from: usize| -> [u8; 32] {
            let mut out = [0u8; 32];
            out.copy_from_slice(&bytes[from..from + 32]);
            out
        };
        let mut len = [0u8; 8];
        len.copy_from_slice(&bytes[45..53]);
        let mut signature = [0u8; 64];
        signature.copy_from_slice(&bytes[SIGNED_LEN..]);
        Some(Seal {
            council: EventHash(array(13)),
            len: u64::from_be_bytes(len),
            head: EventHash(array(53)),
            node: NodeId(array(85)),
            signature,
        })
    }

    /// Checks the seal against a verified record: same council, sealed by its home node, covering every event.
    pub fn check(&self, summary: &ChainSummary) -> Result<(), ChainError> {
        let last = summary.len.saturating_sub(1);
        let fail = |height: u64, problem: ChainProblem| Err(ChainError { height, problem });
        if self.council != summary.council {
            return fail(0, ChainProblem::Seal("it seals another council".to_owned()));
        }
        if self.node != summary.home_node {
            return fail(last, ChainProblem::Seal(format!("it was made by node {}, not the home node", self.node)));
        }
        let valid = crate::signature::verify_one(&self.node, &self.signed_bytes(), &self.signature);
        if !valid {
            return fail(last, ChainProblem::Seal("its signature does not verify".to_owned()));
        }
        if self.len > summary.len {
            return fail(
                summary.len,
                ChainProblem::Seal(format!(
                    "the home node sealed {} events but the bundle holds {}: this event and those after it are missing",
                    self.len, summary.len
                )),
            );
        }
        if self.len < summary.len {
            return fail(
                self.len,
                ChainProblem::Seal(format!("the home node sealed only {} events: this one was added after", self.len)),
            );
        }
        if self.head != summary.head {
            return fail(last, ChainProblem::Seal("the sealed last hash is not this event's".to_owned()));
        }
        Ok(())
    }
}
