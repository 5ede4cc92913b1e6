//! An election's node-local set-up: the key ceremony's public messages and the credentials not yet handed out.
//!
//! The key ceremony is a [`Ceremony`], one type per state, and each step consumes the state it was taken in and
//! returns the next, so a step cannot be taken out of turn: "Single" trustees each send a public key
//! ([`PublicKeys`]); "Pedersen" threshold trustees send certificates ([`Certificates`], step 1), then polynomials
//! ([`Polynomials`], step 3, the last of which makes everyone's vinputs here, step 4), then voutputs
//! ([`Verifications`], step 5, the last of which assembles the threshold parameters, step 6), and the ceremony is
//! [`Complete`]. This is the administrator's side of `kenes_crypto::pedersen`, whose trustee side is built the same
//! way.
//!
//! Every message is parsed once, as it arrives, and kept with the exact text its trustee sent ([`Received`]): the
//! text is what the trustees' pages are given back and what the store has always held, and `trustees.json` is
//! written from the parsed values, as it always was.
//!
//! The stored form (serde JSON in the store's `election_setup`) is the one set-ups were always saved in: the
//! ceremony as maps of JSON strings by trustee index (`pubkeys`, `certs`, `polynomials`, `vinputs`, `voutputs`),
//! which [`Ceremony`] is read back from, and checked, on every load.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

use kenes_council::MemberId;
use kenes_count::method::Method;
use kenes_crypto::election::QuestionJson;
use kenes_crypto::group::Group;
use kenes_crypto::pedersen::{PolynomialJson, VinputJson, VoutputJson};
use kenes_crypto::setup::{TemplateQuestion, TypedQuestionJson};
use kenes_crypto::trustees::{SignedMessageJson, TrusteePublicKeyJson};
use kenes_record::EventHash;

use crate::AppState;
use crate::error::WebError;

use super::ceremony::*;
use super::{DEFAULT_GROUP, GROUPS, LEGACY_GROUP, RANKED_GROUP};

// ---------------------------------------------------------------------------------------------------------------
// The setup: node-local, until the election opens (and the credentials not yet handed out, until they are)

/// An election's node-local state. Read from and written to the store in the form set-ups were always saved in (see
/// the module's documentation); its `Debug` never shows a credential.
pub struct Setup {
    pub questions: Vec<QuestionJson>,
    /// The ranked (non-homomorphic) questions, by index in `questions`, with their counting method: each voter
    /// ranks the answers, the ballots are shuffled by the trustees and decrypted one by one, and the method counts
    /// them. (Their `min`, `max` and `blank` are unused.) Only a group that can hold a ranking in one element
    /// holds them (Ed25519 or RFC-3526-2048, not BELENIOS-2048).
    pub ranked: BTreeMap<usize, Method>,
    /// The group the election is held in, one of [`GROUPS`] ([`Setup::group`]).
    group: &'static str,
    pub description: String,
    /// Trustees, as member numbers, in the order of `trustees.json`.
    trustees: Vec<u32>,
    /// The key ceremony between them.
    ceremony: Ceremony,
    /// Credentials not yet handed out, by member number; removed as each is given.
    pub credentials: HeldCredentials,
    /// A member who holds the credential authority's role instead of the server: they make the credentials in
    /// their browser and the server only ever sees the public ones.
    pub authority: Option<u32>,
    /// The members whose credentials were made before opening (by a member authority, on hall-mode slips, or by the
    /// server early, `roll::make_credentials`), and those public credentials (`public_creds.json`).
    pub credential_voters: Vec<u32>,
    pub public_credentials: Option<String>,
    /// When the server made the credentials before opening: each member's line of `public_credentials`, so a lost
    /// credential can be re-issued in its place; forgotten when voting opens and the roll is fixed.
    pub public_of: BTreeMap<u32, String>,
    /// An imported roll (federations, delegates with mandates of different sizes): voters by label with their
    /// weights, instead of the council's members; their credentials are handed out on slips.
    pub roll: Vec<(String, u64)>,
    /// Hall mode: credentials are printed on slips before voting opens, and whoever holds a slip votes without
    /// signing in (for voters without accounts; an imported roll is always in hall mode). Otherwise a member casts
    /// signed in, with their credential, which is bound to them on first use.
    pub hall: bool,
    /// The members who may cast, fixed when voting opens (empty in hall mode).
    pub voters: Vec<u32>,
}

impl fmt::Debug for Setup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Setup")
            .field("questions", &self.questions)
            .field("ranked", &self.ranked)
            .field("group", &self.group)
            .field("description", &self.description)
            .field("trustees", &self.trustees)
            .field("ceremony", &self.ceremony)
            // Written out here rather than left to the field's own `Debug`, so no later change of its type can
            // print a credential.
            .field("credentials", &format_args!("[{} redacted]", self.credentials.len()))
            .field("authority", &self.authority)
            .field("credential_voters", &self.credential_voters)
            .field("public_credentials", &self.public_credentials)
            .field("public_of", &self.public_of)
            .field("roll", &self.roll)
            .field("hall", &self.hall)
            .field("voters", &self.voters)
            .finish()
    }
}

/// What a set-up waits for before the election can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The member credential authority's public credentials.
    Credentials,
    /// The hall-mode slips, printed (which makes the public credentials).
    Slips,
    /// "Single" trustees' public keys.
    PublicKeys,
    /// Threshold trustees' certificates (step 1).
    Certificates,
    /// Threshold trustees' polynomials (step 3).
    Polynomials,
    /// Threshold trustees' voutputs (step 5).
    Verifications,
}

impl Waiting {
    /// The name trustees' pages know it by (`ceremony.json`'s `waiting_for`).
    pub fn as_str(self) -> &'static str {
        match self {
            Waiting::Credentials => "credentials",
            Waiting::Slips => "slips",
            Waiting::PublicKeys => "pubkeys",
            Waiting::Certificates => "certs",
            Waiting::Polynomials => "polynomials",
            Waiting::Verifications => "voutputs",
        }
    }
}

impl Setup {
    /// The group the election is held in: Ed25519 unless the set-up chose another of [`GROUPS`]. (Set-ups saved
    /// before the group was chosen were held in BELENIOS-2048, or RFC-3526-2048 with a ranked question.)
    pub fn group(&self) -> &'static str {
        self.group
    }

    /// Holds the election in `name`, one of [`GROUPS`]; a ranked question needs a group that can hold a ranking.
    pub fn set_group(&mut self, name: &str) -> Result<(), WebError> {
        let group = GROUPS.into_iter().find(|g| *g == name).ok_or_else(|| super::field("group"))?;
        if group == LEGACY_GROUP && !self.ranked.is_empty() {
            return Err(WebError::BadInput("el-error-ranked-group".to_owned()));
        }
        self.group = group;
        Ok(())
    }

    /// The questions as `election.json` writes them: the ranked ones typed `NonHomomorphic`, their method in
    /// `extra` as Belenios writes it.
    pub fn template_questions(&self) -> Vec<TemplateQuestion> {
        self.questions
            .iter()
            .enumerate()
            .map(|(index, q)| match self.ranked.get(&index) {
                None => TemplateQuestion::Homomorphic(q.clone()),
                Some(method) => TemplateQuestion::Typed(TypedQuestionJson {
                    kind: "NonHomomorphic".to_owned(),
                    value: serde_json::json!({ "answers": q.answers, "question": q.question }),
                    extra: Some(method.to_extra()),
                }),
            })
            .collect()
    }

    /// A set-up whose ceremony has not started: `threshold` of the `trustees` decrypt ("Pedersen") when it is set,
    /// otherwise each has a "Single" key and all decrypt. No credentials, authority, roll or voters yet.
    pub fn new(
        questions: Vec<QuestionJson>,
        description: String,
        trustees: Vec<u32>,
        threshold: Option<usize>,
    ) -> Setup {
        let ceremony = Ceremony::new(trustees.len(), threshold);
        Setup {
            questions,
            ranked: BTreeMap::new(),
            group: DEFAULT_GROUP,
            description,
            trustees,
            ceremony,
            credentials: HeldCredentials::default(),
            authority: None,
            credential_voters: Vec::new(),
            public_credentials: None,
            public_of: BTreeMap::new(),
            roll: Vec::new(),
            hall: false,
            voters: Vec::new(),
        }
    }

    /// Trustees, as member numbers, in the order of `trustees.json`.
    pub fn trustees(&self) -> &[u32] {
        &self.trustees
    }

    /// How many trustees must decrypt, for threshold trustees; `None` for "Single" trustees (all must).
    pub fn threshold(&self) -> Option<usize> {
        self.ceremony.threshold()
    }

    pub fn ceremony(&self) -> &Ceremony {
        &self.ceremony
    }

    pub(crate) fn trustee_index(&self, member: MemberId) -> Option<usize> {
        self.trustees.iter().position(|&t| t == member.0)
    }

    /// What the set-up waits for, or `None` when the election can open. The credentials come first: they do not
    /// wait for the trustees, nor the trustees for them, but a page names one thing to wait for.
    pub fn waiting_for(&self) -> Option<Waiting> {
        if self.authority.is_some() && self.public_credentials.is_none() {
            return Some(Waiting::Credentials);
        }
        if self.hall && self.public_credentials.is_none() {
            return Some(Waiting::Slips);
        }
        self.ceremony.waiting_for()
    }

    /// Trustee `index` (from 0) takes `step` of the ceremony with `text`, checked before it is kept.
    pub fn take_step<G: Group>(
        mut self,
        group: &G,
        step: Step,
        index: usize,
        text: String,
    ) -> Result<Setup, CeremonyRefusal> {
        self.ceremony = self.ceremony.take_step(group, step, index, text)?;
        Ok(self)
    }

    /// `trustees.json`, once the ceremony is complete.
    pub(crate) fn trustees_json<G: Group>(&self, group: &G) -> Result<String, WebError> {
        match &self.ceremony {
            Ceremony::Complete(complete) => complete.trustees_json(group),
            _ => Err(WebError::BadInput("el-error-out-of-turn".to_owned())),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials not yet handed out

/// Voters' private credentials the server holds until each is handed out, by member number: wiped from memory when
/// dropped or removed, and never shown by `Debug`.
#[derive(Clone, Default)]
pub struct HeldCredentials(BTreeMap<u32, Zeroizing<String>>);

impl HeldCredentials {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains_key(&self, member: &u32) -> bool {
        self.0.contains_key(member)
    }

    pub fn insert(&mut self, member: u32, credential: Zeroizing<String>) {
        self.0.insert(member, credential);
    }

    /// Takes a member's credential out, to hand it to them.
    pub fn remove(&mut self, member: &u32) -> Option<Zeroizing<String>> {
        self.0.remove(member)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&u32, &String)> {
        self.0.iter().map(|(member, credential)| (member, &**credential))
    }
}

/// A member's credential, as a map's index gives it: panics when the member has none (the server's own code asks
/// with `contains_key` and takes with `remove`).
impl std::ops::Index<&u32> for HeldCredentials {
    type Output = String;

    fn index(&self, member: &u32) -> &String {
        &self.0[member]
    }
}

impl fmt::Debug for HeldCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.keys().map(|member| (member, format_args!("[redacted]")))).finish()
    }
}

impl Serialize for HeldCredentials {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(member, credential)| (member, credential.as_str())))
    }
}

impl<'de> Deserialize<'de> for HeldCredentials {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let plain = BTreeMap::<u32, String>::deserialize(deserializer)?;
        Ok(HeldCredentials(
            plain.into_iter().map(|(member, credential)| (member, Zeroizing::new(credential))).collect(),
        ))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The stored form

/// A set-up as the store holds it: the fields, names and maps of JSON strings it was always saved with.
#[derive(Deserialize)]
struct Stored {
    questions: Vec<QuestionJson>,
    #[serde(default)]
    ranked: BTreeMap<usize, Method>,
    /// Absent in set-ups saved before the group was chosen.
    #[serde(default)]
    group: Option<String>,
    description: String,
    trustees: Vec<u32>,
    threshold: Option<usize>,
    pubkeys: BTreeMap<usize, Received<TrusteePublicKeyJson>>,
    certs: BTreeMap<usize, Received<SignedMessageJson>>,
    polynomials: BTreeMap<usize, Received<PolynomialJson>>,
    vinputs: BTreeMap<usize, Received<VinputJson>>,
    voutputs: BTreeMap<usize, Received<VoutputJson>>,
    credentials: HeldCredentials,
    #[serde(default)]
    authority: Option<u32>,
    #[serde(default, alias = "authority_voters")]
    credential_voters: Vec<u32>,
    #[serde(default)]
    public_credentials: Option<String>,
    #[serde(default)]
    public_of: BTreeMap<u32, String>,
    #[serde(default)]
    roll: Vec<(String, u64)>,
    #[serde(default)]
    hall: bool,
    #[serde(default)]
    voters: Vec<u32>,
}

/// [`Stored`], borrowed from a set-up to be written, field for field in the same order.
#[derive(Serialize)]
struct StoredRef<'a> {
    questions: &'a [QuestionJson],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    ranked: &'a BTreeMap<usize, Method>,
    /// Left out when it is the group a set-up without one means, so those are written back byte for byte.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    description: &'a str,
    trustees: &'a [u32],
    threshold: Option<usize>,
    pubkeys: BTreeMap<usize, &'a Received<TrusteePublicKeyJson>>,
    certs: BTreeMap<usize, &'a Received<SignedMessageJson>>,
    polynomials: BTreeMap<usize, &'a Received<PolynomialJson>>,
    vinputs: BTreeMap<usize, &'a Received<VinputJson>>,
    voutputs: BTreeMap<usize, &'a Received<VoutputJson>>,
    credentials: &'a HeldCredentials,
    authority: Option<u32>,
    credential_voters: &'a [u32],
    public_credentials: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    public_of: &'a BTreeMap<u32, String>,
    roll: &'a [(String, u64)],
    hall: bool,
    voters: &'a [u32],
}

fn by_index<T>(messages: &[T]) -> BTreeMap<usize, &T> {
    messages.iter().enumerate().collect()
}

fn borrowed<T>(messages: &BTreeMap<usize, T>) -> BTreeMap<usize, &T> {
    messages.iter().map(|(index, message)| (*index, message)).collect()
}

impl Serialize for Setup {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut stored = StoredRef {
            questions: &self.questions,
            ranked: &self.ranked,
            group: (self.group != unnamed_group(&self.ranked)).then_some(self.group),
            description: &self.description,
            trustees: &self.trustees,
            threshold: self.ceremony.threshold(),
            pubkeys: BTreeMap::new(),
            certs: BTreeMap::new(),
            polynomials: BTreeMap::new(),
            vinputs: BTreeMap::new(),
            voutputs: BTreeMap::new(),
            credentials: &self.credentials,
            authority: self.authority,
            credential_voters: &self.credential_voters,
            public_credentials: self.public_credentials.as_deref(),
            public_of: &self.public_of,
            roll: &self.roll,
            hall: self.hall,
            voters: &self.voters,
        };
        match &self.ceremony {
            Ceremony::PublicKeys(state) => stored.pubkeys = borrowed(&state.keys),
            Ceremony::Complete(Complete(Keys::Single(keys))) => stored.pubkeys = by_index(keys),
            Ceremony::Certificates(state) => stored.certs = borrowed(&state.certs),
            Ceremony::Polynomials(state) => {
                stored.certs = by_index(&state.certs);
                stored.polynomials = borrowed(&state.polynomials);
            }
            Ceremony::Verifications(state) | Ceremony::Complete(Complete(Keys::Pedersen(state))) => {
                stored.certs = by_index(&state.certs);
                stored.polynomials = by_index(&state.polynomials);
                stored.vinputs = by_index(&state.vinputs);
                stored.voutputs = borrowed(&state.voutputs);
            }
        }
        stored.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Setup {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Setup::try_from(Stored::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<Stored> for Setup {
    type Error = String;

    /// The ceremony's state is read off which maps are full, as the stored form always meant it; maps that no order
    /// of steps could have filled are refused rather than guessed at.
    fn try_from(stored: Stored) -> Result<Setup, String> {
        let n = stored.trustees.len();
        let (pubkeys, certs, polynomials, vinputs, voutputs) =
            (stored.pubkeys, stored.certs, stored.polynomials, stored.vinputs, stored.voutputs);
        let indices = pubkeys.keys().chain(certs.keys()).chain(polynomials.keys());
        if let Some(index) = indices.chain(vinputs.keys()).chain(voutputs.keys()).find(|&&index| index >= n) {
            return Err(format!("a ceremony message from trustee index {index}, of {n} trustees"));
        }
        let inconsistent = |what: &str| Err(format!("the stored ceremony has {what}"));
        let ceremony = match stored.threshold {
            None if !(certs.is_empty() && polynomials.is_empty() && vinputs.is_empty() && voutputs.is_empty()) => {
                return inconsistent("threshold messages and no threshold");
            }
            None => PublicKeys { trustees: n, keys: pubkeys }.settle(),
            Some(_) if !pubkeys.is_empty() => return inconsistent("single keys and a threshold"),
            Some(threshold) if certs.len() < n => {
                if !(polynomials.is_empty() && vinputs.is_empty() && voutputs.is_empty()) {
                    return inconsistent("polynomials before every certificate");
                }
                Certificates { trustees: n, threshold, certs }.settle()
            }
            Some(threshold) if polynomials.len() < n => {
                if !(vinputs.is_empty() && voutputs.is_empty()) {
                    return inconsistent("vinputs before every polynomial");
                }
                Ceremony::Polynomials(Polynomials { threshold, certs: certs.into_values().collect(), polynomials })
            }
            // Every polynomial was in: the vinputs were made with the last one, and stored with it.
            Some(_) if vinputs.len() < n => return inconsistent("every polynomial but not every vinput"),
            Some(threshold) => Verifications {
                threshold,
                certs: certs.into_values().collect(),
                polynomials: polynomials.into_values().collect(),
                vinputs: vinputs.into_values().collect(),
                voutputs,
            }
            .settle(),
        };
        let group = match stored.group.as_deref() {
            None => unnamed_group(&stored.ranked),
            Some(name) => {
                GROUPS.into_iter().find(|g| *g == name).ok_or_else(|| format!("an unknown group {name:?}"))?
            }
        };
        Ok(Setup {
            questions: stored.questions,
            ranked: stored.ranked,
            group,
            description: stored.description,
            trustees: stored.trustees,
            ceremony,
            credentials: stored.credentials,
            authority: stored.authority,
            credential_voters: stored.credential_voters,
            public_credentials: stored.public_credentials,
            public_of: stored.public_of,
            roll: stored.roll,
            hall: stored.hall,
            voters: stored.voters,
        })
    }
}

/// The group of a set-up saved before the group was chosen: BELENIOS-2048, or RFC-3526-2048 with a ranked question.
fn unnamed_group(ranked: &BTreeMap<usize, Method>) -> &'static str {
    if ranked.is_empty() { LEGACY_GROUP } else { RANKED_GROUP }
}

pub(crate) fn load_setup(state: &AppState, council: EventHash, number: u32) -> Result<Setup, WebError> {
    let bytes = state.node().store().backend().election_setup(council, number)?;
    let bytes = bytes.ok_or(WebError::NotFound)?;
    let mut setup: Setup =
        serde_json::from_slice(&bytes).map_err(|e| WebError::Internal(format!("election setup: {e}")))?;
    // A roll votes by slips: set-ups saved before hall mode was a field have a roll and no `hall`.
    setup.hall |= !setup.roll.is_empty();
    Ok(setup)
}

pub(crate) fn save_setup(state: &AppState, council: EventHash, number: u32, setup: &Setup) -> Result<(), WebError> {
    let bytes = serde_json::to_vec(setup).map_err(|e| WebError::Internal(e.to_string()))?;
    state.node().store().backend().set_election_setup(council, number, &bytes).map_err(WebError::from_store)
}
