//! The events a council's record holds: their kinds and payloads.
//!
//! A payload is the UTF-8 JSON object that `serde_json` writes for the structs below: fields in the order declared,
//! no whitespace. Those exact bytes are signed (see `kenes-record`); replay decodes them strictly
//! (`deny_unknown_fields`), so an event is understood exactly as it was written or refused.
//! Payloads hold display names, roles and member numbers, never contact details, passwords or sessions.

use serde::{Deserialize, Serialize};

use crate::assembly::events::AssemblyEvent;
use crate::election::ElectionEvent;
use crate::event_kinds::event_kinds;
use crate::federation::FederationEvent;
use crate::model::{Colour, CouncilKind, CouncilName, Description, DisplayName, Languages, MemberId, Role};

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
    /// The council's colour on its pages; written only when set, like `private`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
}

/// Which nodes may hold a copy of the council's record (see `crate::copies`): the list replaces the one before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopiesChosen {
    pub by: MemberId,
    pub nodes: Vec<crate::copies::Holder>,
    /// Anyone may hold a copy; written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public: bool,
}

event_kinds! {
    /// Every kind of event a council record may hold.
    pub enum CouncilEvent {
        Created(Created) = "council.created",
        MemberAdded(MemberAdded) = "member.added",
        MembersImported(MembersImported) = "members.imported",
        RoleChanged(RoleChanged) = "member.role_changed",
        MemberRemoved(MemberRemoved) = "member.removed",
        MemberRenamed(MemberRenamed) = "member.renamed",
        CouncilUpdated(CouncilUpdated) = "council.updated",
        CopiesChosen(CopiesChosen) = "council.copies",
    }
    families {
        /// Meetings: see `crate::assembly::events`.
        Assembly(AssemblyEvent),
        /// Secret elections: see `crate::election`.
        Election(ElectionEvent),
        /// Federations, mandates and recall: see `crate::federation`.
        Federation(FederationEvent),
        /// Offices held for a term: see `crate::offices`.
        Office(crate::offices::OfficeEvent),
    }
}

/// A payload that could not be decoded.
#[derive(Debug)]
pub enum PayloadError {
    UnknownKind,
    Invalid(String),
}

impl CouncilEvent {
    /// The payload bytes (see the module documentation).
    pub fn to_payload(&self) -> Vec<u8> {
        // Serialising these plain structs to a Vec cannot fail: no maps with non-string keys, no I/O.
        self.payload().unwrap_or_default()
    }

    /// Decodes a payload of a known kind, strictly.
    pub fn decode(kind: &str, payload: &[u8]) -> Result<CouncilEvent, PayloadError> {
        match CouncilEvent::from_kind(kind, payload) {
            Some(decoded) => decoded.map_err(|error| PayloadError::Invalid(error.to_string())),
            None => Err(PayloadError::UnknownKind),
        }
    }
}
