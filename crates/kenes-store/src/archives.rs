//! Tallied elections' Belenios archives as public evidence that travels with a council's record: an archive is kept
//! only when its SHA-256 is the one the council's `election.tallied` event carries, so a copy from any node is as good
//! as one from home.

use kenes_record::EventHash;
use sha2::{Digest, Sha256};

use crate::error::NodeError;
use crate::node::Node;

/// A tallied election's archive: its number in the council, the SHA-256 (hex) the record names, and the bytes.
#[derive(Clone, Debug)]
pub struct Archive {
    pub number: u32,
    pub hash: String,
    pub bytes: Vec<u8>,
}

/// What [`Node::keep_archive`] did with the bytes offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Stored now.
    Stored,
    /// This node already held it.
    AlreadyHeld,
    /// The record names no tallied election of that number (yet): the archive cannot be checked, so it is not kept.
    NotTallied,
    /// The bytes are not the archive the record names.
    WrongHash,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Node {
    /// The hashes the record names for each tallied election: `(number, SHA-256 hex)`.
    pub fn tallied_hashes(&self, council: EventHash) -> Result<Vec<(u32, String)>, NodeError> {
        self.read(council, |c| {
            c.elections().iter().filter_map(|e| e.final_archive_hash.clone().map(|h| (e.id, h))).collect()
        })
    }

    /// The archive of one tallied election, when this node holds the one its record names.
    pub fn archive(&self, council: EventHash, number: u32) -> Result<Option<Archive>, NodeError> {
        let Some(hash) = self.read(council, |c| c.election(number).and_then(|e| e.final_archive_hash.clone()))? else {
            return Ok(None);
        };
        let bytes = self.store().backend().election_archive(council, number)?;
        Ok((!bytes.is_empty() && sha256_hex(&bytes) == hash).then_some(Archive { number, hash, bytes }))
    }

    /// Every tallied election's archive this node holds, each checked against the record.
    pub fn archives(&self, council: EventHash) -> Result<Vec<Archive>, NodeError> {
        let mut out = Vec::new();
        for (number, _) in self.tallied_hashes(council)? {
            out.extend(self.archive(council, number)?);
        }
        Ok(out)
    }

    /// The tallied elections whose archive this node lacks.
    pub fn missing_archives(&self, council: EventHash) -> Result<Vec<u32>, NodeError> {
        let backend = self.store().backend();
        let mut out = Vec::new();
        for (number, _) in self.tallied_hashes(council)? {
            if backend.election_archive(council, number)?.is_empty() {
                out.push(number);
            }
        }
        Ok(out)
    }

    /// Keeps an archive that arrived from elsewhere, only when its SHA-256 is the one the record names.
    pub fn keep_archive(&self, council: EventHash, number: u32, bytes: &[u8]) -> Result<Kept, NodeError> {
        let Some(hash) = self.read(council, |c| c.election(number).and_then(|e| e.final_archive_hash.clone()))? else {
            return Ok(Kept::NotTallied);
        };
        if sha256_hex(bytes) != hash {
            return Ok(Kept::WrongHash);
        }
        let backend = self.store().backend();
        if !backend.election_archive(council, number)?.is_empty() {
            return Ok(Kept::AlreadyHeld);
        }
        backend.append_election_archive(council, number, 0, bytes)?;
        Ok(Kept::Stored)
    }
}
