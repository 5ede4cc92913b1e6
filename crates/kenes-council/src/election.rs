//! Secret elections in the council's record.
//!
//! The ballots, the credentials' public half, the trustees' keys and every proof live in the election's Belenios
//! archive (`kenes-crypto`), which the node holds beside the record and anyone can verify on its own. The record
//! carries what the council decided and the hashes that bind the archive to it: the election announced (its
//! Belenios uuid and title), opened (the SHA-256 of its `election.json`, so the questions and the election key cannot
//! change afterwards), closed (the SHA-256 of the archive as it stood when the ballot box closed: the ballots that
//! count) and tallied (the SHA-256 of the final archive and the result). Who presides (chairs and secretaries)
//! announces, opens and closes; the result is recorded by the member whose decryption completed it; trustees and
//! voters otherwise act in the archive, not in the record. In a private council, who presides may also publish one
//! election (its board and archive become anyone's to check).

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::assembly::model::Title;
use crate::event_kinds::event_kinds;
use crate::model::MemberId;
use crate::state::Council;

/// Why an election step is refused. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ElectionRefused {
    #[error("there is no election {0}")]
    NoElection(u32),
    #[error("election {election} is {status}; this needs it {needed}")]
    State { election: u32, status: &'static str, needed: &'static str },
    #[error("an election with uuid {0} already exists in this council")]
    DuplicateUuid(String),
    #[error("the election uuid {0:?} is not 14 Base58 characters")]
    BadUuid(String),
    #[error("the {0} is not a SHA-256 in hex")]
    BadHash(&'static str),
    #[error("there is no assembly {0}")]
    NoAssembly(u32),
    #[error("election {0} is published already")]
    AlreadyPublished(u32),
}

fn is_uuid(text: &str) -> bool {
    const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    text.len() == 14 && text.chars().all(|c| BASE58.contains(c))
}

fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announced {
    pub by: MemberId,
    /// The Belenios election uuid.
    pub uuid: String,
    pub title: Title,
    /// The assembly (and agenda item) the election belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assembly: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opened {
    pub by: MemberId,
    pub election: u32,
    /// SHA-256 (hex) of the exact `election.json` in the archive.
    pub election_hash: String,
    pub voters: u32,
    pub trustees: u8,
    /// How many trustees must decrypt (equal to `trustees` without a threshold).
    pub threshold: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    pub by: MemberId,
    pub election: u32,
    /// Ballots that count (the last of each credential).
    pub ballots: u64,
    /// SHA-256 (hex) of the archive when the ballot box closed.
    pub archive_hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tallied {
    pub by: MemberId,
    pub election: u32,
    /// SHA-256 (hex) of the final archive, with the partial decryptions and the result.
    pub archive_hash: String,
    /// Per question, per answer (blank first where a question allows it): the decrypted totals.
    pub result: Vec<Vec<u64>>,
}

/// A private council makes one election's pages, board and archive public.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Published {
    pub by: MemberId,
    pub election: u32,
}

event_kinds! {
    /// Every kind of event about elections.
    pub enum ElectionEvent by {
        Announced(Announced) = "election.announced",
        Opened(Opened) = "election.opened",
        Closed(Closed) = "election.closed",
        Tallied(Tallied) = "election.tallied",
        Published(Published) = "election.published",
    }
}

/// Where an election stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectionStatus {
    /// Announced: trustees' keys and credentials are being prepared.
    Setup,
    Open,
    Closed,
    Tallied,
}

impl ElectionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ElectionStatus::Setup => "setup",
            ElectionStatus::Open => "open",
            ElectionStatus::Closed => "closed",
            ElectionStatus::Tallied => "tallied",
        }
    }
}

/// An election as the record tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    pub id: u32,
    pub uuid: String,
    pub title: Title,
    pub assembly: Option<u32>,
    pub item: Option<u32>,
    pub announced_by: MemberId,
    pub status: ElectionStatus,
    pub election_hash: Option<String>,
    pub voters: u32,
    pub trustees: u8,
    pub threshold: u8,
    pub ballots: u64,
    pub closed_archive_hash: Option<String>,
    pub final_archive_hash: Option<String>,
    pub result: Option<Vec<Vec<u64>>>,
    /// Shown to anyone even in a private council.
    pub published: bool,
}

impl Council {
    pub fn election(&self, id: u32) -> Option<&Election> {
        id.checked_sub(1).and_then(|i| self.elections.get(i as usize))
    }

    pub fn elections(&self) -> &[Election] {
        &self.elections
    }

    /// The members who may vote in `election`, in member-number order: the council's active members who are not
    /// observers or, when the election belongs to an assembly, those of them checked in to that assembly.
    ///
    /// This is a council rule, not a page's choice, so every caller that draws up an election's voters draws the same
    /// ones. It reads the state as it is now, not as it was when the election was announced: a member who checks in
    /// or out, is removed or becomes an observer changes the answer, so a caller takes it at the moment it fixes the
    /// roll. An `election.assembly` that names no assembly (replay refuses such an announcement) falls back to the
    /// whole council.
    pub fn eligible_voters(&self, election: &Election) -> Vec<MemberId> {
        match election.assembly.and_then(|number| self.assembly(number)) {
            Some(assembly) => assembly.present.iter().copied().filter(|id| self.may_vote(*id)).collect(),
            None => self.active_members().filter(|member| self.may_vote(member.id)).map(|member| member.id).collect(),
        }
    }

    /// The roll of `election`: each member who may vote (`eligible_voters`) with the weight their credential
    /// carries, which is one except for a delegate in a federation whose seats have weights (`vote_weight`).
    pub fn election_roll(&self, election: &Election) -> Vec<(MemberId, u64)> {
        self.eligible_voters(election).into_iter().map(|member| (member, self.vote_weight(member))).collect()
    }

    pub(crate) fn check_election(&self, event: &ElectionEvent) -> Result<(), crate::Rejected> {
        match event {
            // The result is published by whichever trustee's decryption completed it; the archive's proofs, not
            // a role, make it right.
            ElectionEvent::Tallied(t) => {
                self.member(t.by).filter(|m| m.active).ok_or(crate::Rejected::NotAMember(t.by))?;
            }
            _ => self.presiding(event.by())?,
        }
        let state = |id: u32, wanted: ElectionStatus, needed: &'static str| -> Result<(), crate::Rejected> {
            let election = self.election(id).ok_or(ElectionRefused::NoElection(id))?;
            if election.status == wanted {
                Ok(())
            } else {
                Err(ElectionRefused::State { election: id, status: election.status.as_str(), needed }.into())
            }
        };
        match event {
            ElectionEvent::Announced(a) => {
                if !is_uuid(&a.uuid) {
                    return Err(ElectionRefused::BadUuid(a.uuid.clone()).into());
                }
                if self.elections.iter().any(|e| e.uuid == a.uuid) {
                    return Err(ElectionRefused::DuplicateUuid(a.uuid.clone()).into());
                }
                if let Some(assembly) = a.assembly {
                    self.assembly(assembly).ok_or(ElectionRefused::NoAssembly(assembly))?;
                }
                Ok(())
            }
            ElectionEvent::Opened(o) => {
                state(o.election, ElectionStatus::Setup, "in setup")?;
                if !is_hash(&o.election_hash) {
                    return Err(ElectionRefused::BadHash("election hash").into());
                }
                Ok(())
            }
            ElectionEvent::Closed(c) => {
                state(c.election, ElectionStatus::Open, "open")?;
                if !is_hash(&c.archive_hash) {
                    return Err(ElectionRefused::BadHash("archive hash").into());
                }
                Ok(())
            }
            ElectionEvent::Tallied(t) => {
                state(t.election, ElectionStatus::Closed, "closed")?;
                if !is_hash(&t.archive_hash) {
                    return Err(ElectionRefused::BadHash("archive hash").into());
                }
                Ok(())
            }
            ElectionEvent::Published(p) => {
                let election = self.election(p.election).ok_or(ElectionRefused::NoElection(p.election))?;
                if election.published {
                    return Err(ElectionRefused::AlreadyPublished(p.election).into());
                }
                Ok(())
            }
        }
    }

    pub(crate) fn apply_election(&mut self, event: ElectionEvent) {
        match event {
            ElectionEvent::Announced(a) => {
                let id = self.elections.len() as u32 + 1;
                self.elections.push(Election {
                    id,
                    uuid: a.uuid,
                    title: a.title,
                    assembly: a.assembly,
                    item: a.item,
                    announced_by: a.by,
                    status: ElectionStatus::Setup,
                    election_hash: None,
                    voters: 0,
                    trustees: 0,
                    threshold: 0,
                    ballots: 0,
                    closed_archive_hash: None,
                    final_archive_hash: None,
                    result: None,
                    published: false,
                });
            }
            ElectionEvent::Opened(o) => {
                if let Some(e) = self.election_mut(o.election) {
                    e.status = ElectionStatus::Open;
                    e.election_hash = Some(o.election_hash);
                    e.voters = o.voters;
                    e.trustees = o.trustees;
                    e.threshold = o.threshold;
                }
            }
            ElectionEvent::Closed(c) => {
                if let Some(e) = self.election_mut(c.election) {
                    e.status = ElectionStatus::Closed;
                    e.ballots = c.ballots;
                    e.closed_archive_hash = Some(c.archive_hash);
                }
            }
            ElectionEvent::Tallied(t) => {
                if let Some(e) = self.election_mut(t.election) {
                    e.status = ElectionStatus::Tallied;
                    e.final_archive_hash = Some(t.archive_hash);
                    e.result = Some(t.result);
                }
            }
            ElectionEvent::Published(p) => {
                if let Some(e) = self.election_mut(p.election) {
                    e.published = true;
                }
            }
        }
    }

    fn election_mut(&mut self, id: u32) -> Option<&mut Election> {
        id.checked_sub(1).and_then(|i| self.elections.get_mut(i as usize))
    }
}
