//! Who may hold a copy of a council's record: the nodes the council chose (each by its node key, with the age
//! recipient copies are encrypted to for it), or anyone when the council is public. The home node always holds it.
//!
//! A record carries members' names; in the places kenes is for, a member list in the wrong hands endangers people,
//! so a node serves a council only to the nodes this rule names (see `Council::may_hold`).

use serde::{Deserialize, Serialize};

use kenes_record::NodeId;

use crate::error::Invalid;

/// The most nodes one council may name.
pub const MAX_HOLDERS: usize = 64;

/// A node that may hold a copy: its node key, and its age X25519 recipient (`age1…`), to which copies carried on a
/// USB stick or sent over the network are encrypted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    #[serde(with = "node_hex")]
    pub node: NodeId,
    pub age: AgeRecipient,
}

/// An age X25519 recipient in its text form: "age1" and 58 characters of lower-case bech32.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AgeRecipient(String);

const BECH32: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

impl AgeRecipient {
    pub fn parse(text: &str) -> Result<AgeRecipient, Invalid> {
        let text = text.trim();
        let body = text.strip_prefix("age1").ok_or(Invalid::AgeRecipient)?;
        if body.len() != 58 || !body.chars().all(|c| BECH32.contains(c)) {
            return Err(Invalid::AgeRecipient);
        }
        Ok(AgeRecipient(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AgeRecipient {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        let parsed = AgeRecipient::parse(&text)?;
        if parsed.0 != text {
            return Err(Invalid::NotCanonical("age recipient"));
        }
        Ok(parsed)
    }
}

impl From<AgeRecipient> for String {
    fn from(recipient: AgeRecipient) -> String {
        recipient.0
    }
}

/// A node's card as a person passes it on (the Nodes page shows this node's): `kenes-node:` then the node key in hex,
/// a colon, and the age recipient.
pub fn parse_card(text: &str) -> Result<Holder, Invalid> {
    let rest = text.trim().strip_prefix("kenes-node:").ok_or(Invalid::NodeCard)?;
    let (node, age) = rest.split_once(':').ok_or(Invalid::NodeCard)?;
    let bytes: [u8; 32] = hex::decode(node).ok().and_then(|b| b.try_into().ok()).ok_or(Invalid::NodeCard)?;
    Ok(Holder { node: NodeId(bytes), age: AgeRecipient::parse(age)? })
}

/// This node's card, as `parse_card` reads it.
pub fn card(node: NodeId, age: &AgeRecipient) -> String {
    format!("kenes-node:{}:{}", node.to_hex(), age.as_str())
}

mod node_hex {
    use kenes_record::NodeId;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(node: &NodeId, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&node.to_hex())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NodeId, D::Error> {
        let text = String::deserialize(deserializer)?;
        let bytes: [u8; 32] = hex::decode(&text)
            .ok()
            .filter(|_| text == text.to_lowercase())
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| serde::de::Error::custom("a node key is 64 lower-case hex digits"))?;
        Ok(NodeId(bytes))
    }
}
