//! The key ceremony of an election's set-up, one type per state: each step consumes the state it was taken in and
//! returns the next, so a step cannot be taken out of turn (see `setup` for the order of the steps and the stored
//! form). Every message is parsed once, as it arrives, and kept with the exact text its trustee sent ([`Received`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use kenes_crypto::group::Group;
use kenes_crypto::pedersen::{PolynomialJson, VinputJson, VoutputJson};
use kenes_crypto::trustees::{SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson};

use crate::error::WebError;

use super::{crypto_error, field};

use super::*;

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
    pub(super) text: String,
    pub(super) value: T,
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
    pub(super) trustees: usize,
    pub(super) keys: BTreeMap<usize, Received<TrusteePublicKeyJson>>,
}

/// Step 1: threshold trustees' certificates, by trustee index, as they arrive.
#[derive(Clone, Debug)]
pub struct Certificates {
    pub(super) trustees: usize,
    pub(super) threshold: usize,
    pub(super) certs: BTreeMap<usize, Received<SignedMessageJson>>,
}

/// Step 3: every certificate, and the polynomials as they arrive.
#[derive(Clone, Debug)]
pub struct Polynomials {
    pub(super) threshold: usize,
    pub(super) certs: Vec<Received<SignedMessageJson>>,
    pub(super) polynomials: BTreeMap<usize, Received<PolynomialJson>>,
}

/// Step 5: every certificate, polynomial and vinput, and the voutputs as they arrive.
#[derive(Clone, Debug)]
pub struct Verifications {
    pub(super) threshold: usize,
    pub(super) certs: Vec<Received<SignedMessageJson>>,
    pub(super) polynomials: Vec<Received<PolynomialJson>>,
    pub(super) vinputs: Vec<Received<VinputJson>>,
    pub(super) voutputs: BTreeMap<usize, Received<VoutputJson>>,
}

/// A finished ceremony.
#[derive(Clone, Debug)]
pub struct Complete(pub(super) Keys);

#[derive(Clone, Debug)]
pub(super) enum Keys {
    Single(Vec<Received<TrusteePublicKeyJson>>),
    /// Every voutput is in (`voutputs` has one per trustee).
    Pedersen(Verifications),
}

pub(super) fn values<T: Clone>(messages: &[Received<T>]) -> Vec<T> {
    messages.iter().map(|m| m.value.clone()).collect()
}

pub(super) fn texts<'a, T: 'a>(messages: impl IntoIterator<Item = &'a Received<T>>) -> Vec<&'a str> {
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
    pub fn take_step<G: Group>(
        self,
        group: &G,
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
    pub fn add_public_key<G: Group>(
        mut self,
        group: &G,
        index: usize,
        text: String,
    ) -> Result<Ceremony, CeremonyRefusal> {
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

    pub(super) fn settle(self) -> Ceremony {
        if self.keys.len() < self.trustees {
            return Ceremony::PublicKeys(self);
        }
        Ceremony::Complete(Complete(Keys::Single(self.keys.into_values().collect())))
    }
}

impl Certificates {
    /// Step 1: a certificate, checked to be signed with the verification key it carries.
    pub fn add_certificate<G: Group>(
        mut self,
        group: &G,
        index: usize,
        text: String,
    ) -> Result<Ceremony, CeremonyRefusal> {
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
        // On Ed25519 the ceremony is Belenios 3's: each certificate names its place, the trustees and the threshold
        // (checked here, from its sender, rather than when the last polynomial fails); finite fields keep 2.0's.
        let expected = (group.name() == kenes_crypto::ed25519::NAME).then(|| {
            serde_json::json!({ "group": group.name(), "size": self.trustees, "threshold": self.threshold,
                                "index": index + 1 })
        });
        if keys.get("context") != expected.as_ref() {
            return Err(CeremonyRefusal::Key(kenes_crypto::Error::invalid(format!(
                "the certificate's context is {}, not {} (group, trustees, threshold, place)",
                keys.get("context").map_or("absent".to_owned(), ToString::to_string),
                expected.map_or("absent".to_owned(), |e| e.to_string()),
            ))));
        }
        if !kenes_crypto::pedersen::verify_signed(group, &verification, &cert.value) {
            return Err(CeremonyRefusal::Signature);
        }
        self.certs.insert(index, cert);
        Ok(self.settle())
    }

    pub(super) fn settle(self) -> Ceremony {
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
    pub fn add_polynomial<G: Group>(
        mut self,
        group: &G,
        index: usize,
        text: String,
    ) -> Result<Ceremony, CeremonyRefusal> {
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

    pub(super) fn settle(self) -> Ceremony {
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
    pub fn add_verification<G: Group>(
        mut self,
        group: &G,
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
    fn parameters<G: Group>(&self, group: &G) -> Result<ThresholdParametersJson, CeremonyRefusal> {
        let voutputs: Vec<_> = self.voutputs.values().map(|v| v.value.clone()).collect();
        kenes_crypto::pedersen::threshold_parameters(group, &values(&self.certs), &values(&self.polynomials), &voutputs)
            .map_err(|e| CeremonyRefusal::Parameters(format!("the threshold parameters: {e}")))
    }

    pub(super) fn settle(self) -> Ceremony {
        if self.voutputs.len() < self.certs.len() {
            return Ceremony::Verifications(self);
        }
        Ceremony::Complete(Complete(Keys::Pedersen(self)))
    }
}

impl Complete {
    /// `trustees.json`: `[["Single",key],…]`, or `[["Pedersen",parameters]]`, written from the parsed messages.
    pub fn trustees_json<G: Group>(&self, group: &G) -> Result<String, WebError> {
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
