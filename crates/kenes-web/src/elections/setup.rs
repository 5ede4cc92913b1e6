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

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

use kenes_council::MemberId;
use kenes_crypto::election::QuestionJson;
use kenes_crypto::group::{FfGroup, Group};
use kenes_crypto::pedersen::{PolynomialJson, VinputJson, VoutputJson};
use kenes_crypto::trustees::{SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson};
use kenes_record::EventHash;

use crate::AppState;
use crate::error::WebError;

use super::{crypto_error, field};

// ---------------------------------------------------------------------------------------------------------------
// The setup: node-local, until the election opens (and the credentials not yet handed out, until they are)

/// An election's node-local state. Read from and written to the store in the form set-ups were always saved in (see
/// the module's documentation); its `Debug` never shows a credential.
#[derive(Deserialize)]
#[serde(try_from = "Stored")]
pub struct Setup {
    pub questions: Vec<QuestionJson>,
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
    /// The members whose credentials were made before opening (by a member authority, or on hall-mode slips), and
    /// those public credentials (`public_creds.json`).
    pub credential_voters: Vec<u32>,
    pub public_credentials: Option<String>,
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
            .field("description", &self.description)
            .field("trustees", &self.trustees)
            .field("ceremony", &self.ceremony)
            // Written out here rather than left to the field's own `Debug`, so no later change of its type can
            // print a credential.
            .field("credentials", &format_args!("[{} redacted]", self.credentials.len()))
            .field("authority", &self.authority)
            .field("credential_voters", &self.credential_voters)
            .field("public_credentials", &self.public_credentials)
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
            description,
            trustees,
            ceremony,
            credentials: HeldCredentials::default(),
            authority: None,
            credential_voters: Vec::new(),
            public_credentials: None,
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
    pub fn take_step(
        mut self,
        group: &FfGroup,
        step: Step,
        index: usize,
        text: String,
    ) -> Result<Setup, CeremonyRefusal> {
        self.ceremony = self.ceremony.take_step(group, step, index, text)?;
        Ok(self)
    }

    /// `trustees.json`, once the ceremony is complete.
    pub(crate) fn trustees_json(&self, group: &FfGroup) -> Result<String, WebError> {
        match &self.ceremony {
            Ceremony::Complete(complete) => complete.trustees_json(group),
            _ => Err(WebError::BadInput("el-error-out-of-turn".to_owned())),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The key ceremony

/// A step a trustee takes, by the name in its URL (`/trustee/{step}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A "Single" trustee's public key (`pubkey`).
    PublicKey,
    /// Step 1: a threshold trustee's certificate (`cert`).
    Certificate,
    /// Step 3: a threshold trustee's polynomial (`polynomial`).
    Polynomial,
    /// Step 5: a threshold trustee's voutput (`voutput`).
    Verification,
}

impl Step {
    pub fn named(name: &str) -> Option<Step> {
        match name {
            "pubkey" => Some(Step::PublicKey),
            "cert" => Some(Step::Certificate),
            "polynomial" => Some(Step::Polynomial),
            "voutput" => Some(Step::Verification),
            _ => None,
        }
    }
}

/// Why a step was refused. Nothing changes when one is.
#[derive(Debug)]
pub enum CeremonyRefusal {
    /// The ceremony is not at this step (or this trustee took it already, at steps 3 and 5).
    OutOfTurn,
    /// This trustee took this step already.
    AlreadyDone,
    /// Not one of the ceremony's trustees.
    NotATrustee,
    /// The text is not the step's message; names the step's field.
    Unreadable(&'static str),
    /// The message's key or proofs do not check.
    Key(kenes_crypto::Error),
    /// A certificate not signed by its own verification key.
    Signature,
    /// The complete ceremony does not give threshold parameters that check (every voutput was checked on arrival,
    /// so this is the server's own fault).
    Parameters(String),
}

impl From<CeremonyRefusal> for WebError {
    fn from(refusal: CeremonyRefusal) -> WebError {
        match refusal {
            CeremonyRefusal::OutOfTurn => WebError::BadInput("el-error-out-of-turn".to_owned()),
            CeremonyRefusal::AlreadyDone => WebError::BadInput("el-error-already-done".to_owned()),
            CeremonyRefusal::NotATrustee => WebError::Forbidden,
            CeremonyRefusal::Unreadable(name) => field(name),
            CeremonyRefusal::Key(error) => crypto_error("el-error-key", &error),
            CeremonyRefusal::Signature => WebError::BadInput("el-error-signature".to_owned()),
            CeremonyRefusal::Parameters(message) => WebError::Internal(message),
        }
    }
}

/// A ceremony message as it arrived: the exact text (what trustees' pages are given back, and what is stored) and
/// its value, parsed once. Stored as the text alone, and parsed again when loaded.
#[derive(Clone)]
pub struct Received<T> {
    text: String,
    value: T,
}

impl<T: DeserializeOwned> Received<T> {
    fn parse(text: String) -> Result<Self, serde_json::Error> {
        let value = serde_json::from_str(&text)?;
        Ok(Received { text, value })
    }
}

impl<T: Serialize> Received<T> {
    /// A message made here (the vinputs): its text is its JSON.
    fn made(value: T) -> Result<Self, serde_json::Error> {
        Ok(Received { text: serde_json::to_string(&value)?, value })
    }
}

impl<T> Received<T> {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn value(&self) -> &T {
        &self.value
    }
}

impl<T> fmt::Debug for Received<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl<T> Serialize for Received<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Received<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Received::parse(String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

/// The key ceremony's state.
#[derive(Clone, Debug)]
pub enum Ceremony {
    /// "Single" trustees: waiting for public keys.
    PublicKeys(PublicKeys),
    /// Threshold trustees, step 1: waiting for certificates.
    Certificates(Certificates),
    /// Threshold trustees, step 3: waiting for polynomials.
    Polynomials(Polynomials),
    /// Threshold trustees, step 5: waiting for voutputs (the vinputs are made).
    Verifications(Verifications),
    /// Every trustee took every step: `trustees.json` can be written.
    Complete(Complete),
}

/// "Single" trustees' public keys, by trustee index, as they arrive.
#[derive(Clone, Debug)]
pub struct PublicKeys {
    trustees: usize,
    keys: BTreeMap<usize, Received<TrusteePublicKeyJson>>,
}

/// Step 1: threshold trustees' certificates, by trustee index, as they arrive.
#[derive(Clone, Debug)]
pub struct Certificates {
    trustees: usize,
    threshold: usize,
    certs: BTreeMap<usize, Received<SignedMessageJson>>,
}

/// Step 3: every certificate, and the polynomials as they arrive.
#[derive(Clone, Debug)]
pub struct Polynomials {
    threshold: usize,
    certs: Vec<Received<SignedMessageJson>>,
    polynomials: BTreeMap<usize, Received<PolynomialJson>>,
}

/// Step 5: every certificate, polynomial and vinput, and the voutputs as they arrive.
#[derive(Clone, Debug)]
pub struct Verifications {
    threshold: usize,
    certs: Vec<Received<SignedMessageJson>>,
    polynomials: Vec<Received<PolynomialJson>>,
    vinputs: Vec<Received<VinputJson>>,
    voutputs: BTreeMap<usize, Received<VoutputJson>>,
}

/// A finished ceremony.
#[derive(Clone, Debug)]
pub struct Complete(Keys);

#[derive(Clone, Debug)]
enum Keys {
    Single(Vec<Received<TrusteePublicKeyJson>>),
    /// Every voutput is in (`voutputs` has one per trustee).
    Pedersen(Verifications),
}

fn values<T: Clone>(messages: &[Received<T>]) -> Vec<T> {
    messages.iter().map(|m| m.value.clone()).collect()
}

fn texts<'a, T: 'a>(messages: impl IntoIterator<Item = &'a Received<T>>) -> Vec<&'a str> {
    messages.into_iter().map(Received::text).collect()
}

impl Ceremony {
    /// The ceremony before any step: threshold ("Pedersen") trustees when `threshold` is set, otherwise "Single".
    pub fn new(trustees: usize, threshold: Option<usize>) -> Ceremony {
        match threshold {
            None => PublicKeys { trustees, keys: BTreeMap::new() }.settle(),
            Some(threshold) => Certificates { trustees, threshold, certs: BTreeMap::new() }.settle(),
        }
    }

    /// Takes trustee `index`'s (from 0) `step`: the ceremony moves on when it is this step's turn, and refuses it
    /// otherwise.
    pub fn take_step(
        self,
        group: &FfGroup,
        step: Step,
        index: usize,
        text: String,
    ) -> Result<Ceremony, CeremonyRefusal> {
        match (step, self) {
            (Step::PublicKey, Ceremony::PublicKeys(state)) => state.add_public_key(group, index, text),
            (Step::PublicKey, Ceremony::Complete(Complete(Keys::Single(_)))) => Err(CeremonyRefusal::AlreadyDone),
            (Step::Certificate, Ceremony::Certificates(state)) => state.add_certificate(group, index, text),
            // Every trustee sent a certificate before step 3 could start.
            (
                Step::Certificate,
                Ceremony::Polynomials(_) | Ceremony::Verifications(_) | Ceremony::Complete(Complete(Keys::Pedersen(_))),
            ) => Err(CeremonyRefusal::AlreadyDone),
            (Step::Polynomial, Ceremony::Polynomials(state)) => state.add_polynomial(group, index, text),
            (Step::Verification, Ceremony::Verifications(state)) => state.add_verification(group, index, text),
            _ => Err(CeremonyRefusal::OutOfTurn),
        }
    }

    /// What the ceremony waits for, or `None` when it is complete.
    pub fn waiting_for(&self) -> Option<Waiting> {
        match self {
            Ceremony::PublicKeys(_) => Some(Waiting::PublicKeys),
            Ceremony::Certificates(_) => Some(Waiting::Certificates),
            Ceremony::Polynomials(_) => Some(Waiting::Polynomials),
            Ceremony::Verifications(_) => Some(Waiting::Verifications),
            Ceremony::Complete(_) => None,
        }
    }

    /// How many trustees must decrypt, for threshold trustees; `None` for "Single" trustees.
    pub fn threshold(&self) -> Option<usize> {
        match self {
            Ceremony::PublicKeys(_) | Ceremony::Complete(Complete(Keys::Single(_))) => None,
            Ceremony::Certificates(state) => Some(state.threshold),
            Ceremony::Polynomials(state) => Some(state.threshold),
            Ceremony::Verifications(state) | Ceremony::Complete(Complete(Keys::Pedersen(state))) => {
                Some(state.threshold)
            }
        }
    }

    /// Whether trustee `index` (from 0) took `step`.
    pub fn has_taken(&self, index: usize, step: Step) -> bool {
        match (self, step) {
            (Ceremony::PublicKeys(state), Step::PublicKey) => state.keys.contains_key(&index),
            (Ceremony::Certificates(state), Step::Certificate) => state.certs.contains_key(&index),
            (Ceremony::Polynomials(state), Step::Certificate) => index < state.certs.len(),
            (Ceremony::Polynomials(state), Step::Polynomial) => state.polynomials.contains_key(&index),
            (Ceremony::Verifications(state), Step::Certificate | Step::Polynomial) => index < state.certs.len(),
            (Ceremony::Verifications(state), Step::Verification) => state.voutputs.contains_key(&index),
            (Ceremony::Complete(Complete(Keys::Single(keys))), Step::PublicKey) => index < keys.len(),
            (
                Ceremony::Complete(Complete(Keys::Pedersen(state))),
                Step::Certificate | Step::Polynomial | Step::Verification,
            ) => index < state.certs.len(),
            _ => false,
        }
    }

    /// Whether trustee `index` (from 0) took every step of its own.
    pub fn has_finished(&self, index: usize) -> bool {
        match self.threshold() {
            None => self.has_taken(index, Step::PublicKey),
            Some(_) => self.has_taken(index, Step::Verification),
        }
    }

    /// The certificates received so far, as sent, in trustee order (what step 3 needs).
    pub fn certificate_texts(&self) -> Vec<&str> {
        match self {
            Ceremony::PublicKeys(_) | Ceremony::Complete(Complete(Keys::Single(_))) => Vec::new(),
            Ceremony::Certificates(state) => texts(state.certs.values()),
            Ceremony::Polynomials(state) => texts(&state.certs),
            Ceremony::Verifications(state) | Ceremony::Complete(Complete(Keys::Pedersen(state))) => texts(&state.certs),
        }
    }

    /// Trustee `index`'s (from 0) vinput, once the polynomials are all in (what step 5 needs).
    pub fn vinput_text(&self, index: usize) -> Option<&str> {
        match self {
            Ceremony::Verifications(state) | Ceremony::Complete(Complete(Keys::Pedersen(state))) => {
                state.vinputs.get(index).map(Received::text)
            }
            _ => None,
        }
    }
}

impl PublicKeys {
    /// A "Single" trustee's public key, with its proof of knowledge checked.
    pub fn add_public_key(mut self, group: &FfGroup, index: usize, text: String) -> Result<Ceremony, CeremonyRefusal> {
        if index >= self.trustees {
            return Err(CeremonyRefusal::NotATrustee);
        }
        if self.keys.contains_key(&index) {
            return Err(CeremonyRefusal::AlreadyDone);
        }
        let key = Received::<TrusteePublicKeyJson>::parse(text).map_err(|_| CeremonyRefusal::Unreadable("pubkey"))?;
        let alone = kenes_crypto::setup::single_trustees_json(std::slice::from_ref(&key.value));
        kenes_crypto::trustees::Trustees::parse(group, &alone).map_err(CeremonyRefusal::Key)?;
        self.keys.insert(index, key);
        Ok(self.settle())
    }

    fn settle(self) -> Ceremony {
        if self.keys.len() < self.trustees {
            return Ceremony::PublicKeys(self);
        }
        Ceremony::Complete(Complete(Keys::Single(self.keys.into_values().collect())))
    }
}

impl Certificates {
    /// Step 1: a certificate, checked to be signed with the verification key it carries.
    pub fn add_certificate(mut self, group: &FfGroup, index: usize, text: String) -> Result<Ceremony, CeremonyRefusal> {
        if index >= self.trustees {
            return Err(CeremonyRefusal::NotATrustee);
        }
        if self.certs.contains_key(&index) {
            return Err(CeremonyRefusal::AlreadyDone);
        }
        let cert = Received::<SignedMessageJson>::parse(text).map_err(|_| CeremonyRefusal::Unreadable("cert"))?;
        let keys: serde_json::Value =
            serde_json::from_str(&cert.value.message).map_err(|_| CeremonyRefusal::Unreadable("cert"))?;
        let verification = group.decode(keys["verification"].as_str().unwrap_or("")).map_err(CeremonyRefusal::Key)?;
        if !kenes_crypto::pedersen::verify_signed(group, &verification, &cert.value) {
            return Err(CeremonyRefusal::Signature);
        }
        self.certs.insert(index, cert);
        Ok(self.settle())
    }

    fn settle(self) -> Ceremony {
        if self.certs.len() < self.trustees {
            return Ceremony::Certificates(self);
        }
        Polynomials {
            threshold: self.threshold,
            certs: self.certs.into_values().collect(),
            polynomials: BTreeMap::new(),
        }
        .settle()
    }
}

impl Polynomials {
    /// Step 3: a polynomial. The last one makes every trustee's vinput (step 4, the administrator's), checking
    /// everyone's signed commitments; when that fails, the polynomial is refused and the others stay.
    pub fn add_polynomial(mut self, group: &FfGroup, index: usize, text: String) -> Result<Ceremony, CeremonyRefusal> {
        if index >= self.certs.len() {
            return Err(CeremonyRefusal::NotATrustee);
        }
        if self.polynomials.contains_key(&index) {
            return Err(CeremonyRefusal::OutOfTurn);
        }
        let polynomial =
            Received::<PolynomialJson>::parse(text).map_err(|_| CeremonyRefusal::Unreadable("polynomial"))?;
        self.polynomials.insert(index, polynomial);
        if self.polynomials.len() < self.certs.len() {
            return Ok(Ceremony::Polynomials(self));
        }
        let polynomials: Vec<_> = self.polynomials.into_values().collect();
        let vinputs = kenes_crypto::pedersen::vinputs(group, &values(&self.certs), &values(&polynomials))
            .map_err(CeremonyRefusal::Key)?
            .into_iter()
            .map(Received::made)
            .collect::<Result<_, _>>()
            .map_err(|e| CeremonyRefusal::Parameters(format!("a vinput: {e}")))?;
        Ok(Verifications {
            threshold: self.threshold,
            certs: self.certs,
            polynomials,
            vinputs,
            voutputs: BTreeMap::new(),
        }
        .settle())
    }

    fn settle(self) -> Ceremony {
        // Only a ceremony of no trustees has all its polynomials before any arrives; it has no vinputs to make.
        if self.certs.is_empty() {
            let verifications = Verifications {
                threshold: self.threshold,
                certs: Vec::new(),
                polynomials: Vec::new(),
                vinputs: Vec::new(),
                voutputs: BTreeMap::new(),
            };
            return verifications.settle();
        }
        Ceremony::Polynomials(self)
    }
}

impl Verifications {
    /// Step 5: a voutput, checked on arrival against everyone's commitments, so a wrong one is refused from its
    /// sender. The last one assembles the threshold parameters (step 6), which check every voutput again.
    pub fn add_verification(
        mut self,
        group: &FfGroup,
        index: usize,
        text: String,
    ) -> Result<Ceremony, CeremonyRefusal> {
        if index >= self.certs.len() {
            return Err(CeremonyRefusal::NotATrustee);
        }
        if self.voutputs.contains_key(&index) {
            return Err(CeremonyRefusal::OutOfTurn);
        }
        let voutput = Received::<VoutputJson>::parse(text).map_err(|_| CeremonyRefusal::Unreadable("voutput"))?;
        kenes_crypto::pedersen::check_voutput(
            group,
            &values(&self.certs),
            &values(&self.polynomials),
            index + 1,
            &voutput.value,
        )
        .map_err(CeremonyRefusal::Key)?;
        self.voutputs.insert(index, voutput);
        let ceremony = self.settle();
        if let Ceremony::Complete(Complete(Keys::Pedersen(state))) = &ceremony {
            state.parameters(group)?;
        }
        Ok(ceremony)
    }

    /// Step 6: the threshold parameters, every voutput checked against the polynomials.
    fn parameters(&self, group: &FfGroup) -> Result<ThresholdParametersJson, CeremonyRefusal> {
        let voutputs: Vec<_> = self.voutputs.values().map(|v| v.value.clone()).collect();
        kenes_crypto::pedersen::threshold_parameters(group, &values(&self.certs), &values(&self.polynomials), &voutputs)
            .map_err(|e| CeremonyRefusal::Parameters(format!("the threshold parameters: {e}")))
    }

    fn settle(self) -> Ceremony {
        if self.voutputs.len() < self.certs.len() {
            return Ceremony::Verifications(self);
        }
        Ceremony::Complete(Complete(Keys::Pedersen(self)))
    }
}

impl Complete {
    /// `trustees.json`: `[["Single",key],…]`, or `[["Pedersen",parameters]]`, written from the parsed messages.
    pub fn trustees_json(&self, group: &FfGroup) -> Result<String, WebError> {
        match &self.0 {
            Keys::Single(keys) => Ok(kenes_crypto::setup::single_trustees_json(&values(keys))),
            Keys::Pedersen(state) => {
                let parameters = state.parameters(group)?;
                serde_json::to_string(&[("Pedersen", parameters)])
                    .map_err(|e| WebError::Internal(format!("trustees: {e}")))
            }
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
        Ok(Setup {
            questions: stored.questions,
            description: stored.description,
            trustees: stored.trustees,
            ceremony,
            credentials: stored.credentials,
            authority: stored.authority,
            credential_voters: stored.credential_voters,
            public_credentials: stored.public_credentials,
            roll: stored.roll,
            hall: stored.hall,
            voters: stored.voters,
        })
    }
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
