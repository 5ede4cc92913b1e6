//! An election's node-local set-up: the key ceremony's public messages and the credentials not yet handed out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use kenes_council::MemberId;
use kenes_crypto::election::QuestionJson;
use kenes_crypto::group::FfGroup;
use kenes_crypto::trustees::{SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson};
use kenes_record::EventHash;

use crate::AppState;
use crate::error::WebError;

// ---------------------------------------------------------------------------------------------------------------
// The setup: node-local, until the election opens (and the credentials not yet handed out, until they are)

/// An election's node-local state.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Setup {
    pub questions: Vec<QuestionJson>,
    pub description: String,
    /// Trustees, as member numbers, in the order of `trustees.json`.
    pub trustees: Vec<u32>,
    /// Threshold trustees (Pedersen) when set: how many must decrypt. Otherwise each trustee has a "Single" key and
    /// all must decrypt.
    pub threshold: Option<usize>,
    /// Single trustees' public keys (`.pubkey`), by trustee index (0-based).
    pub pubkeys: BTreeMap<usize, String>,
    /// Threshold ceremony: certificates (step 1), polynomials (step 3), vinputs (step 4, computed here), voutputs
    /// (step 5), by trustee index.
    pub certs: BTreeMap<usize, String>,
    pub polynomials: BTreeMap<usize, String>,
    pub vinputs: BTreeMap<usize, String>,
    pub voutputs: BTreeMap<usize, String>,
    /// Credentials not yet handed out, by member number; removed as each is given.
    pub credentials: BTreeMap<u32, String>,
    /// A member who holds the credential authority's role instead of the server: they make the credentials in
    /// their browser and the server only ever sees the public ones.
    #[serde(default)]
    pub authority: Option<u32>,
    /// The members whose credentials were made before opening (by a member authority, or on hall-mode slips), and
    /// those public credentials (`public_creds.json`).
    #[serde(default, alias = "authority_voters")]
    pub credential_voters: Vec<u32>,
    #[serde(default)]
    pub public_credentials: Option<String>,
    /// An imported roll (federations, delegates with mandates of different sizes): voters by label with their
    /// weights, instead of the council's members; their credentials are handed out on slips.
    #[serde(default)]
    pub roll: Vec<(String, u64)>,
    /// Hall mode: credentials are printed on slips before voting opens, and whoever holds a slip votes without
    /// signing in (for voters without accounts; an imported roll is always in hall mode). Otherwise a member casts
    /// signed in, with their credential, which is bound to them on first use.
    #[serde(default)]
    pub hall: bool,
    /// The members who may cast, fixed when voting opens (empty in hall mode).
    #[serde(default)]
    pub voters: Vec<u32>,
}

impl Setup {
    pub(crate) fn trustee_index(&self, member: MemberId) -> Option<usize> {
        self.trustees.iter().position(|&t| t == member.0)
    }

    /// What the set-up waits for: "pubkeys", "certs", "polynomials", "voutputs", "credentials", or `None` when it
    /// is complete.
    pub(crate) fn waiting_for(&self) -> Option<&'static str> {
        let n = self.trustees.len();
        if self.authority.is_some() && self.public_credentials.is_none() {
            return Some("credentials");
        }
        if self.hall && self.public_credentials.is_none() {
            return Some("slips");
        }
        match self.threshold {
            None => (self.pubkeys.len() < n).then_some("pubkeys"),
            Some(_) if self.certs.len() < n => Some("certs"),
            Some(_) if self.polynomials.len() < n => Some("polynomials"),
            Some(_) if self.voutputs.len() < n => Some("voutputs"),
            Some(_) => None,
        }
    }

    pub(crate) fn in_order(map: &BTreeMap<usize, String>) -> Vec<&str> {
        map.values().map(String::as_str).collect()
    }

    /// `trustees.json`, once the ceremony is complete.
    pub(crate) fn trustees_json(&self, group: &FfGroup) -> Result<String, WebError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| WebError::Internal(format!("{what}: {e}"));
        match self.threshold {
            None => {
                let keys: Vec<TrusteePublicKeyJson> = Self::in_order(&self.pubkeys)
                    .into_iter()
                    .map(|k| serde_json::from_str(k).map_err(|e| bad("a trustee key", &e)))
                    .collect::<Result<_, _>>()?;
                Ok(kenes_crypto::setup::single_trustees_json(&keys))
            }
            Some(_) => {
                let certs = self.parsed_certs()?;
                let polynomials: Vec<_> = Self::in_order(&self.polynomials)
                    .into_iter()
                    .map(|p| serde_json::from_str(p).map_err(|e| bad("a polynomial", &e)))
                    .collect::<Result<_, _>>()?;
                let voutputs: Vec<_> = Self::in_order(&self.voutputs)
                    .into_iter()
                    .map(|v| serde_json::from_str(v).map_err(|e| bad("a voutput", &e)))
                    .collect::<Result<_, _>>()?;
                let parameters: ThresholdParametersJson =
                    kenes_crypto::pedersen::threshold_parameters(group, &certs, &polynomials, &voutputs)
                        .map_err(|e| bad("the threshold parameters", &e))?;
                serde_json::to_string(&[("Pedersen", parameters)]).map_err(|e| bad("trustees", &e))
            }
        }
    }

    pub(crate) fn parsed_certs(&self) -> Result<Vec<SignedMessageJson>, WebError> {
        Self::in_order(&self.certs)
            .into_iter()
            .map(|c| serde_json::from_str(c).map_err(|e| WebError::Internal(format!("a certificate: {e}"))))
            .collect()
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
