//! Election setup (spec §3.1): credentials for the credential authority, the trustees structure, `election.json`
//! and the first archive entries, all written in the form belenios-tool writes.

use rand_core::CryptoRngCore;
use serde::{Deserialize, Serialize};

use crate::archive::{Archive, EventType};
use crate::credential::SecretCredential;
use crate::election::{ElectionGroup, QuestionJson};
use crate::error::{Error, parse_json};
use crate::trustees::{TrusteePublicKeyJson, Trustees};

/// An election template (belenios-tool's `--template`): name, description, questions.
#[derive(Clone, Debug, Deserialize)]
pub struct Template {
    pub description: String,
    pub name: String,
    pub questions: Vec<TemplateQuestion>,
    #[serde(default)]
    pub administrator: Option<String>,
    #[serde(default)]
    pub credential_authority: Option<String>,
}

/// A question of a template as Belenios writes it: a homomorphic one directly, or a typed one (3.0 spec §4.9:
/// `{"type":"NonHomomorphic"|"Lists","value":…,"extra":…}`), checked when the election is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TemplateQuestion {
    Homomorphic(QuestionJson),
    Typed(TypedQuestionJson),
}

/// `question_gen` (3.0 spec §4.9), fields in Belenios' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypedQuestionJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub extra: Option<serde_json::Value>,
}

impl From<QuestionJson> for TemplateQuestion {
    fn from(question: QuestionJson) -> Self {
        TemplateQuestion::Homomorphic(question)
    }
}

#[derive(Serialize)]
struct ElectionOut<'a> {
    version: u32,
    description: &'a str,
    name: &'a str,
    group: &'a str,
    public_key: String,
    questions: &'a [TemplateQuestion],
    uuid: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    administrator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credential_authority: Option<&'a str>,
}

/// One voter of the credential authority's list: identity and weight.
#[derive(Clone, Debug)]
pub struct Voter {
    pub identity: String,
    pub weight: u64,
}

/// The credential authority's output: private lines (`identity credential`) and public credentials.
pub struct Credentials {
    /// `(voter, secret credential)` in input order.
    pub private: Vec<(Voter, SecretCredential)>,
    /// Each voter's line of the public list (`credential` or `credential,weight`), in input order.
    pub public: Vec<String>,
    /// The `public_credentials` JSON list (spec §4.8), sorted so it reveals nothing of the voters' order.
    pub public_json: String,
}

/// A new secret credential in the form the group's Belenios version issues.
fn new_credential<G: ElectionGroup>(rng: &mut dyn CryptoRngCore) -> SecretCredential {
    if G::full_credentials() { SecretCredential::generate_full(rng) } else { SecretCredential::generate(rng) }
}

/// Generates one credential per voter (spec §3.1 step 3). Weights are written when any differs from 1. Ed25519
/// elections get Belenios 3's longer credentials, finite-field ones 2.0's.
pub fn generate_credentials<G: ElectionGroup>(
    group: &G,
    uuid: &str,
    voters: &[Voter],
    rng: &mut dyn CryptoRngCore,
) -> Credentials {
    let weighted = voters.iter().any(|v| v.weight != 1);
    let mut public = Vec::with_capacity(voters.len());
    let mut private = Vec::with_capacity(voters.len());
    for voter in voters {
        let credential = new_credential::<G>(rng);
        let y = group.encode(&credential.public(group, uuid));
        public.push(if weighted { format!("{y},{}", voter.weight) } else { y });
        private.push((voter.clone(), credential));
    }
    let mut sorted = public.clone();
    sorted.sort();
    Credentials { private, public, public_json: serde_json::to_string(&sorted).unwrap_or_default() }
}

/// A credential re-issued before the roll is fixed (before voting opens): a new secret credential for the voter whose
/// public line is `old`, and the public list with `old` replaced by the new line (same weight, list sorted again), so
/// that the old credential is on no roll and can never cast. Errors when `old` is not on the list.
pub fn replace_credential<G: ElectionGroup>(
    group: &G,
    uuid: &str,
    public_json: &str,
    old: &str,
    rng: &mut dyn CryptoRngCore,
) -> Result<(SecretCredential, String, String), Error> {
    let mut lines: Vec<String> = parse_json("public credentials", public_json)?;
    let at = lines
        .iter()
        .position(|line| line == old)
        .ok_or_else(|| Error::invalid("the credential to replace is not on the list of public credentials"))?;
    let weight = old.split_once(',').map(|(_, weight)| weight.to_owned());
    let credential = new_credential::<G>(rng);
    let y = group.encode(&credential.public(group, uuid));
    let line = match weight {
        Some(weight) => format!("{y},{weight}"),
        None => y,
    };
    lines[at] = line.clone();
    lines.sort();
    Ok((credential, line, serde_json::to_string(&lines).unwrap_or_default()))
}

/// `trustees.json` for "Single" trustees (spec §4.7): `[["Single",{…}],…]`.
pub fn single_trustees_json(keys: &[TrusteePublicKeyJson]) -> String {
    let items: Vec<(&str, &TrusteePublicKeyJson)> = keys.iter().map(|k| ("Single", k)).collect();
    serde_json::to_string(&items).unwrap_or_default()
}

/// Writes `election.json` from a template, the group and the trustees (whose product is the key).
pub fn make_election<G: ElectionGroup>(
    template: &Template,
    uuid: &str,
    group: &G,
    trustees_json: &str,
) -> Result<String, Error> {
    let trustees = Trustees::parse(group, trustees_json)?;
    let public_key = group.encode(&trustees.combined_key(group));
    let out = ElectionOut {
        version: 1,
        description: &template.description,
        name: &template.name,
        group: group.name(),
        public_key,
        questions: &template.questions,
        uuid,
        administrator: template.administrator.as_deref(),
        credential_authority: template.credential_authority.as_deref(),
    };
    let raw = serde_json::to_string(&out).unwrap_or_default();
    G::parse_election(&raw)?;
    Ok(raw)
}

/// Starts an archive (belenios-tool `archive init`): election, trustees, credentials, setup data, Setup event.
pub fn init_archive(timestamp: u64, election: &str, trustees: &str, credentials: &str) -> Archive {
    let mut archive = Archive::new(timestamp);
    let election_hash = archive.add_data(election);
    let trustees_hash = archive.add_data(trustees);
    let credentials_hash = archive.add_data(credentials);
    let setup = format!(
        "{{\"election\":\"{election_hash}\",\"trustees\":\"{trustees_hash}\",\"credentials\":\"{credentials_hash}\"}}"
    );
    archive.add_data_event(EventType::Setup, &setup);
    archive
}

/// Reads a template file.
pub fn parse_template(text: &str) -> Result<Template, Error> {
    parse_json("election template", text)
}
