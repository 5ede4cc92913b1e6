//! The events a council's record holds: their kinds and payloads.
//!
//! A payload is the UTF-8 JSON object that `serde_json` writes for the structs below: fields in the order declared,
//! no whitespace. Those exact bytes are signed (see `kenes-record`); replay decodes them strictly
//! (`deny_unknown_fields`), so an event is understood exactly as it was written or refused.
//! Payloads hold display names, roles and member numbers, never contact details, passwords or sessions.

use serde::{Deserialize, Serialize};

use crate::assembly::events::AssemblyEvent;
use crate::election::ElectionEvent;
use crate::model::{CouncilKind, CouncilName, Description, DisplayName, Languages, MemberId, Role};

/// How a member came to be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JoinedVia {
    /// Added by a chair or secretary.
    Secretary,
    /// Accepted an invitation made by `by`.
    Invitation,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Created {
    pub name: CouncilName,
    pub kind: CouncilKind,
    pub description: Description,
    pub languages: Languages,
    /// The founder's display name; the founder becomes member 1, a secretary.
    pub founder: DisplayName,
    /// Random hex that makes two councils created alike distinct.
    pub nonce: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberAdded {
    pub by: MemberId,
    pub name: DisplayName,
    pub role: Role,
    pub via: JoinedVia,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedMember {
    pub name: DisplayName,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembersImported {
    pub by: MemberId,
    pub members: Vec<ImportedMember>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleChanged {
    pub by: MemberId,
    pub member: MemberId,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberRemoved {
    pub by: MemberId,
    pub member: MemberId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberRenamed {
    pub by: MemberId,
    pub member: MemberId,
    pub name: DisplayName,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilUpdated {
    pub by: MemberId,
    pub name: CouncilName,
    pub description: Description,
    pub languages: Languages,
    /// A private council shows its elections (their pages, boards and archives) to its members only. Written only
    /// when set, so a public council's settings keep the bytes they always had.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
}

/// Every kind of event a council record may hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilEvent {
    Created(Created),
    MemberAdded(MemberAdded),
    MembersImported(MembersImported),
    RoleChanged(RoleChanged),
    MemberRemoved(MemberRemoved),
    MemberRenamed(MemberRenamed),
    CouncilUpdated(CouncilUpdated),
    /// Meetings: see `crate::assembly::events`.
    Assembly(AssemblyEvent),
    /// Secret elections: see `crate::election`.
    Election(ElectionEvent),
}

/// The council's own kinds, as written in the record; meetings add `crate::assembly::events::KINDS` and elections
/// `crate::election::KINDS`.
pub const KINDS: &[&str] = &[
    "council.created",
    "member.added",
    "members.imported",
    "member.role_changed",
    "member.removed",
    "member.renamed",
    "council.updated",
];

/// A payload that could not be decoded.
#[derive(Debug)]
pub enum PayloadError {
    UnknownKind,
    Invalid(String),
}

impl CouncilEvent {
    pub fn kind(&self) -> &'static str {
        match self {
            CouncilEvent::Created(_) => "council.created",
            CouncilEvent::MemberAdded(_) => "member.added",
            CouncilEvent::MembersImported(_) => "members.imported",
            CouncilEvent::RoleChanged(_) => "member.role_changed",
            CouncilEvent::MemberRemoved(_) => "member.removed",
            CouncilEvent::MemberRenamed(_) => "member.renamed",
            CouncilEvent::CouncilUpdated(_) => "council.updated",
            CouncilEvent::Assembly(event) => event.kind(),
            CouncilEvent::Election(event) => event.kind(),
        }
    }

    /// The payload bytes (see the module documentation).
    pub fn to_payload(&self) -> Vec<u8> {
        let result = match self {
            CouncilEvent::Created(p) => serde_json::to_vec(p),
            CouncilEvent::MemberAdded(p) => serde_json::to_vec(p),
            CouncilEvent::MembersImported(p) => serde_json::to_vec(p),
            CouncilEvent::RoleChanged(p) => serde_json::to_vec(p),
            CouncilEvent::MemberRemoved(p) => serde_json::to_vec(p),
            CouncilEvent::MemberRenamed(p) => serde_json::to_vec(p),
            CouncilEvent::CouncilUpdated(p) => serde_json::to_vec(p),
            CouncilEvent::Assembly(event) => event.payload(),
            CouncilEvent::Election(event) => event.payload(),
        };
        // Serialising these plain structs to a Vec cannot fail: no maps with non-string keys, no I/O.
        result.unwrap_or_default()
    }

    /// Decodes a payload of a known kind, strictly.
    pub fn decode(kind: &str, payload: &[u8]) -> Result<CouncilEvent, PayloadError> {
        fn parse<T: for<'de> Deserialize<'de>>(payload: &[u8]) -> Result<T, PayloadError> {
            serde_json::from_slice(payload).map_err(|error| PayloadError::Invalid(error.to_string()))
        }
        Ok(match kind {
            "council.created" => CouncilEvent::Created(parse(payload)?),
            "member.added" => CouncilEvent::MemberAdded(parse(payload)?),
            "members.imported" => CouncilEvent::MembersImported(parse(payload)?),
            "member.role_changed" => CouncilEvent::RoleChanged(parse(payload)?),
            "member.removed" => CouncilEvent::MemberRemoved(parse(payload)?),
            "member.renamed" => CouncilEvent::MemberRenamed(parse(payload)?),
            "council.updated" => CouncilEvent::CouncilUpdated(parse(payload)?),
            _ => match AssemblyEvent::decode(kind, payload) {
                Some(decoded) => {
                    CouncilEvent::Assembly(decoded.map_err(|error| PayloadError::Invalid(error.to_string()))?)
                }
                None => match ElectionEvent::decode(kind, payload) {
                    Some(decoded) => {
                        CouncilEvent::Election(decoded.map_err(|error| PayloadError::Invalid(error.to_string()))?)
                    }
                    None => return Err(PayloadError::UnknownKind),
                },
            },
        })
    }
}
