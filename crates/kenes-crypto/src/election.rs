//! Elections, questions and public credentials (spec §4.8–§4.10), and the hashes Belenios derives from them.

use base64::Engine;
use rug::Integer;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ed25519::Ed25519Group;
use crate::error::{Error, parse_json};
use crate::group::{FfGroup, Group};

/// `H_JSON(J) = BASE64(SHA256(J))` without padding (spec §4.15): election fingerprints, ballot hashes, trackers.
pub fn sha256_b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

/// SHA-256 in lowercase hexadecimal: the names of archive entries and the hashes in events (spec §4.4).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex_lower(&Sha256::digest(bytes))
}

fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// A homomorphic question as written in `election.json` (spec §4.9), fields in Belenios' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionJson {
    pub answers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub blank: Option<bool>,
    pub min: u32,
    pub max: u32,
    pub question: String,
}

/// `election.json` (spec §4.10), fields in Belenios' order so that kenes writes what belenios-tool writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionJson {
    pub version: u32,
    pub description: String,
    pub name: String,
    pub group: String,
    pub public_key: String,
    pub questions: Vec<serde_json::Value>,
    pub uuid: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub administrator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub credential_authority: Option<String>,
}

/// The `value` of a Belenios 3 Lists question (spec §4.9.3): `{"answers":[[list, candidate…]…],"question":…}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListsQuestionJson {
    pub answers: Vec<Vec<String>>,
    pub question: String,
}

/// A question, validated: a homomorphic one (spec §4.9.1), or a Lists one (spec §4.9.3) when `lists` is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    /// The answers; for a Lists question, each list's name then its candidates, list after list.
    pub answers: Vec<String>,
    /// Homomorphic questions only: blank allowed (always false for a Lists question).
    pub blank: bool,
    /// Homomorphic questions only: the bounds on the number of selected answers (0 for a Lists question).
    pub min: u32,
    pub max: u32,
    /// A Lists question: the length of each list (its name and its candidates), at least 1 each.
    ///
    /// Kenes keeps a Lists answer's ciphertexts, the encrypted tally's, decryption factors and counts flat, in the
    /// order of `answers`; they are nested per list only in the JSON Belenios writes ([`Question::nest`]).
    pub lists: Option<Vec<usize>>,
    /// A non-homomorphic question (3.0 spec §4.9.2): each answer is a vector of small integers (one per answer:
    /// a rank or a grade), encrypted as one embedded element; the ballots' ciphertexts go through the mixnet and
    /// are decrypted one by one. Its row of the encrypted tally has one ciphertext per counted ballot, and its
    /// result, kept flat, `answers.len()` integers per ballot.
    pub non_homomorphic: bool,
    /// The question's `extra` field as written (for a non-homomorphic question, the counting method:
    /// `{"method":"STV","blank":false,"seats":2}` as Belenios writes it, see [`crate::counting`]).
    pub extra: Option<serde_json::Value>,
}

/// The `value` of a non-homomorphic question (3.0 spec §4.9.2): `{"answers":[…],"question":…}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonHomomorphicQuestionJson {
    pub answers: Vec<String>,
    pub question: String,
}

impl Question {
    /// Number of ciphertexts in an answer: the answers, plus a leading blank indicator when blank is allowed.
    pub fn choice_count(&self) -> usize {
        if self.non_homomorphic {
            return 1;
        }
        self.answers.len() + usize::from(self.blank)
    }

    /// How many integers one ciphertext of this question decrypts to: one count, or for a non-homomorphic
    /// question one integer per answer.
    pub fn values_per_ciphertext(&self) -> usize {
        if self.non_homomorphic { self.answers.len() } else { 1 }
    }

    /// A Lists answer (3.0 spec §4.9.3, §4.11.3), flat: exactly one list chosen, no candidate of another list, and at
    /// least one candidate of the chosen list (there is no blank Lists answer).
    fn check_lists_plaintext(&self, lengths: &[usize], plaintext: &[u32]) -> Result<(), Error> {
        let mut rest = plaintext;
        let mut chosen = 0;
        let mut candidates = 0;
        for (index, &length) in lengths.iter().enumerate() {
            let (list, tail) = rest.split_at(length.min(rest.len()));
            rest = tail;
            let (&name, list_candidates) = list.split_first().unwrap_or((&0, &[]));
            let selected: u32 = list_candidates.iter().sum();
            if name == 0 && selected != 0 {
                return Err(Error::Usage(format!(
                    "question {:?}: list {} is not chosen, so none of its candidates can be",
                    self.text,
                    index + 1
                )));
            }
            chosen += name;
            candidates += selected;
        }
        if chosen != 1 {
            return Err(Error::Usage(format!(
                "question {:?}: exactly one list must be chosen, got {chosen}",
                self.text
            )));
        }
        if candidates == 0 {
            return Err(Error::Usage(format!("question {:?}: choose at least one candidate of the list", self.text)));
        }
        Ok(())
    }

    /// A flat row (one item per choice) nested as Belenios writes it: one array per list for a Lists question,
    /// unchanged otherwise.
    pub fn nest<T: Serialize>(&self, row: &[T]) -> serde_json::Value {
        let item = |x: &T| serde_json::to_value(x).unwrap_or_default();
        let Some(lengths) = &self.lists else {
            return serde_json::Value::Array(row.iter().map(item).collect());
        };
        let mut rest = row;
        let mut lists = Vec::with_capacity(lengths.len());
        for &length in lengths {
            let (list, tail) = rest.split_at(length.min(rest.len()));
            lists.push(serde_json::Value::Array(list.iter().map(item).collect()));
            rest = tail;
        }
        serde_json::Value::Array(lists)
    }

    /// A row as Belenios writes it for this question (nested per list for a Lists question), made flat; `what`
    /// names the row in errors.
    pub fn flatten<T: serde::de::DeserializeOwned>(
        &self,
        row: &serde_json::Value,
        what: &str,
    ) -> Result<Vec<T>, Error> {
        let json_error = |e: serde_json::Error| Error::Json { what: what.to_owned(), message: e.to_string() };
        let Some(lengths) = &self.lists else {
            let flat: Vec<T> = serde_json::from_value(row.clone()).map_err(json_error)?;
            if self.non_homomorphic {
                // One item per counted ballot: checked against the tally by the caller.
                return Ok(flat);
            }
            if flat.len() != self.choice_count() {
                return Err(Error::invalid(format!("{what}: {} items, expected {}", flat.len(), self.choice_count())));
            }
            return Ok(flat);
        };
        let nested: Vec<Vec<T>> = serde_json::from_value(row.clone()).map_err(json_error)?;
        if nested.len() != lengths.len() {
            return Err(Error::invalid(format!("{what}: {} lists, expected {}", nested.len(), lengths.len())));
        }
        let mut flat = Vec::with_capacity(self.answers.len());
        for (index, (list, &length)) in nested.into_iter().zip(lengths).enumerate() {
            if list.len() != length {
                return Err(Error::invalid(format!(
                    "{what}: list {} has {} items, expected {length}",
                    index + 1,
                    list.len()
                )));
            }
            flat.extend(list);
        }
        Ok(flat)
    }

    /// Checks a plaintext answer (one 0/1 per choice) against min/max and blank (spec §4.11.1), or, for a Lists
    /// question, against its lists (each list's name then its candidates, list after list).
    pub fn check_plaintext(&self, plaintext: &[u32]) -> Result<(), Error> {
        if self.non_homomorphic {
            if plaintext.len() != self.answers.len() {
                return Err(Error::Usage(format!(
                    "question {:?} needs {} values, got {}",
                    self.text,
                    self.answers.len(),
                    plaintext.len()
                )));
            }
            if let Some(value) = plaintext.iter().find(|&&v| v > MAX_NON_HOMOMORPHIC_VALUE) {
                return Err(Error::Usage(format!(
                    "question {:?}: {value} is above {MAX_NON_HOMOMORPHIC_VALUE}, the most one answer can hold",
                    self.text
                )));
            }
            return Ok(());
        }
        if plaintext.len() != self.choice_count() {
            return Err(Error::Usage(format!(
                "question {:?} needs {} values, got {}",
                self.text,
                self.choice_count(),
                plaintext.len()
            )));
        }
        if plaintext.iter().any(|&m| m > 1) {
            return Err(Error::Usage(format!("question {:?}: every value must be 0 or 1", self.text)));
        }
        if let Some(lengths) = &self.lists {
            return self.check_lists_plaintext(lengths, plaintext);
        }
        let (blank, rest) = if self.blank { (plaintext[0] == 1, &plaintext[1..]) } else { (false, plaintext) };
        let sum: u32 = rest.iter().sum();
        if blank {
            if sum != 0 {
                return Err(Error::Usage(format!("question {:?}: a blank vote selects nothing", self.text)));
            }
        } else if sum < self.min || sum > self.max {
            return Err(Error::Usage(format!(
                "question {:?}: between {} and {} answers must be selected, got {}",
                self.text, self.min, self.max, sum
            )));
        }
        Ok(())
    }
}

/// An election: the raw `election.json` (whose bytes are hashed), its parsed fields, group and key. The group is
/// a finite-field one (Belenios 2.0, [`Election::parse`]) unless said otherwise: Belenios 3's Ed25519 elections are
/// `Election<Ed25519Group>` ([`Election::parse_ed25519`]).
#[derive(Clone, Debug)]
pub struct Election<G: Group = FfGroup> {
    pub raw: String,
    pub json: ElectionJson,
    pub group: G,
    pub public_key: G::Element,
    pub questions: Vec<Question>,
    /// `φ = H_JSON(raw)` (spec §4.15).
    pub fingerprint: String,
}

/// A group an election can be read in: the finite-field groups of Belenios 2.0, or Ed25519.
pub trait ElectionGroup: Group + Clone + Sized + 'static {
    fn parse_election(raw: &str) -> Result<Election<Self>, Error>;
    /// Whether its credentials are Belenios 3's longer ones ([`crate::credential::SecretCredential::generate_full`]):
    /// Ed25519 elections exist only in Belenios 3; finite-field ones keep 2.0's, which belenios-tool 2.0 reads.
    fn full_credentials() -> bool;
}

impl ElectionGroup for FfGroup {
    fn parse_election(raw: &str) -> Result<Election<Self>, Error> {
        Election::parse(raw)
    }

    fn full_credentials() -> bool {
        false
    }
}

impl ElectionGroup for Ed25519Group {
    fn parse_election(raw: &str) -> Result<Election<Self>, Error> {
        Election::parse_ed25519(raw)
    }

    fn full_credentials() -> bool {
        true
    }
}

/// Reads `election.json` far enough to know its group: the `group` field.
pub fn group_name(raw: &str) -> Result<String, Error> {
    Ok(parse_json::<ElectionJson>("election", raw)?.group)
}

impl Election<FfGroup> {
    /// Parses `election.json` of a finite-field group, keeping its exact bytes.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        let json: ElectionJson = parse_json("election", raw)?;
        let group = FfGroup::named(&json.group)?;
        Self::parse_in(group, json, raw)
    }
}

impl Election<Ed25519Group> {
    /// Parses `election.json` of Belenios 3's Ed25519 group, keeping its exact bytes.
    pub fn parse_ed25519(raw: &str) -> Result<Self, Error> {
        let json: ElectionJson = parse_json("election", raw)?;
        if json.group != crate::ed25519::NAME {
            return Err(Error::UnsupportedGroup(json.group));
        }
        Self::parse_in(Ed25519Group::new(), json, raw)
    }
}

impl<G: Group> Election<G> {
    fn parse_in(group: G, json: ElectionJson, raw: &str) -> Result<Self, Error> {
        if json.version != 1 {
            return Err(Error::invalid(format!("election: unsupported version {}", json.version)));
        }
        let public_key = group.decode(&json.public_key).map_err(|e| e.context("election public_key"))?;
        if !group.vartime_is_member(&public_key) {
            return Err(Error::invalid("election public_key is not in the group"));
        }
        let mut questions = Vec::with_capacity(json.questions.len());
        for (index, value) in json.questions.iter().enumerate() {
            if let Some(kind) = value.get("type") {
                if kind == "NonHomomorphic" {
                    questions.push(parse_non_homomorphic_question(&group, index, value)?);
                    continue;
                }
                if kind != "Lists" {
                    return Err(Error::invalid(format!("election question {}: unknown type {kind}", index + 1)));
                }
                questions.push(parse_lists_question(index, value)?);
                continue;
            }
            let q: QuestionJson = serde_json::from_value(value.clone()).map_err(|e| Error::Json {
                what: format!("election question {}", index + 1),
                message: e.to_string(),
            })?;
            if q.min > q.max || q.max as usize > q.answers.len() || q.answers.is_empty() {
                return Err(Error::invalid(format!("election question {}: bad min/max", index + 1)));
            }
            questions.push(Question {
                text: q.question,
                answers: q.answers,
                blank: q.blank == Some(true),
                min: q.min,
                max: q.max,
                lists: None,
                non_homomorphic: false,
                extra: None,
            });
        }
        Ok(Election { fingerprint: sha256_b64(raw), raw: raw.to_owned(), json, group, public_key, questions })
    }

    /// The election uuid.
    pub fn uuid(&self) -> &str {
        &self.json.uuid
    }
}

/// The largest integer a non-homomorphic answer holds per answer: 8 bits in every group with an embedding.
pub const MAX_NON_HOMOMORPHIC_VALUE: u32 = 255;

/// A non-homomorphic question (3.0 spec §4.9.2): `{"type":"NonHomomorphic","value":{"answers":[…],"question":…},
/// "extra":…}`. The group must embed one integer per answer in one element (Ed25519: at most 30 answers;
/// RFC-3526-2048: 254; BELENIOS-2048 has no embedding).
fn parse_non_homomorphic_question<G: Group>(
    group: &G,
    index: usize,
    value: &serde_json::Value,
) -> Result<Question, Error> {
    let what = || format!("election question {}", index + 1);
    let body = value.get("value").cloned().unwrap_or(serde_json::Value::Null);
    let json: NonHomomorphicQuestionJson =
        serde_json::from_value(body).map_err(|e| Error::Json { what: what(), message: e.to_string() })?;
    if json.answers.is_empty() {
        return Err(Error::invalid(format!("{}: no answers", what())));
    }
    let embedding = group.embedding().ok_or_else(|| {
        Error::invalid(format!("{}: the group {} cannot hold non-homomorphic answers", what(), group.name()))
    })?;
    if json.answers.len() > embedding.max_values() {
        return Err(Error::invalid(format!(
            "{}: {} answers; one {} element holds at most {}",
            what(),
            json.answers.len(),
            group.name(),
            embedding.max_values()
        )));
    }
    Ok(Question {
        text: json.question,
        answers: json.answers,
        blank: false,
        min: 0,
        max: 0,
        lists: None,
        non_homomorphic: true,
        extra: value.get("extra").cloned(),
    })
}

/// A Lists question (spec §4.9.3): `{"type":"Lists","value":{"answers":[[L1, C1.1, …], …],"question":…}}`.
///
/// Every list has a name; a list without candidates can never be chosen (the non-zero proof of §4.15 needs one
/// selected candidate), but Belenios accepts it, so kenes does too. At least one list is needed.
fn parse_lists_question(index: usize, value: &serde_json::Value) -> Result<Question, Error> {
    let what = || format!("election question {}", index + 1);
    let body = value.get("value").cloned().unwrap_or(serde_json::Value::Null);
    let json: ListsQuestionJson =
        serde_json::from_value(body).map_err(|e| Error::Json { what: what(), message: e.to_string() })?;
    let lists = json.answers;
    if lists.is_empty() || lists.iter().any(Vec::is_empty) {
        return Err(Error::invalid(format!("{}: every list needs a name, and one list is needed", what())));
    }
    Ok(Question {
        text: json.question,
        answers: lists.iter().flatten().cloned().collect(),
        blank: false,
        min: 0,
        max: 0,
        lists: Some(lists.iter().map(Vec::len).collect()),
        non_homomorphic: false,
        extra: value.get("extra").cloned(),
    })
}

/// Weights are written as JSON numbers up to 2^30 − 1 and as strings above (Belenios' `json_of_weight`).
pub fn weight_to_json(weight: u64) -> serde_json::Value {
    if weight <= 1_073_741_823 { serde_json::Value::from(weight) } else { serde_json::Value::from(weight.to_string()) }
}

/// Reads a weight written either way.
pub fn weight_from_json(value: &serde_json::Value) -> Result<u64, Error> {
    match value {
        serde_json::Value::Number(n) => n.as_u64().ok_or_else(|| Error::Encoding(format!("bad weight {n}"))),
        serde_json::Value::String(s) => s.parse().map_err(|_| Error::Encoding(format!("bad weight {s:?}"))),
        other => Err(Error::Encoding(format!("bad weight {other}"))),
    }
}

/// One public credential (spec §4.8): `g^secret(c)`, optionally followed by `,weight`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicCredential<E = Integer> {
    pub credential: E,
    pub weight: u64,
}

/// The largest total weight of an election's public credentials that kenes accepts: 2^32, about 4.3 billion, far
/// above any council's members, shares or delegated votes.
///
/// Why this bound: the result is a discrete logarithm below the total weight for each choice (spec §4.19), found
/// by baby-step giant-step in `tally.rs` with one table of at most 2^18 baby steps shared by every choice. At 2^32
/// and with the full table, each count takes at most 2^32 / 2^18 = 2^14 giant steps (one 2048-bit multiplication
/// and one look-up, about 3.5 µs each measured on the project's two-core machine): 60 ms per
/// choice, plus about 0.7 s to build the table, so a ballot of 50 choices is counted in under 4 s of one core, and
/// that is also the cost when a count is not found (a wrong decryption factor). Without a bound, two credentials
/// of weight 2^63 overflow the tally and one of 2^40 costs 2^22 steps per choice, all under a server's lock.
/// Public credentials weighing more are refused before anything else is read (see [`public_credential_weights`]).
pub const MAX_TOTAL_WEIGHT: u64 = 1 << 32;

/// One line of the public credentials list: the credential's text and its weight (1 when none is written).
fn split_credential_line(index: usize, line: &str) -> Result<(&str, u64), Error> {
    match line.split_once(',') {
        Some((credential, weight)) => {
            let weight = weight
                .parse::<u64>()
                .map_err(|_| Error::invalid(format!("public credential {}: bad weight {weight:?}", index + 1)))?;
            Ok((credential, weight))
        }
        None => Ok((line, 1)),
    }
}

/// Refuses weights whose sum is above [`MAX_TOTAL_WEIGHT`].
fn check_total_weight(weights: impl IntoIterator<Item = u64>) -> Result<(), Error> {
    // The sum of fewer than 2^64 weights below 2^64 fits in a u128.
    let total: u128 = weights.into_iter().map(u128::from).sum();
    if total > u128::from(MAX_TOTAL_WEIGHT) {
        return Err(Error::TotalWeightTooLarge { total, max: MAX_TOTAL_WEIGHT });
    }
    Ok(())
}

/// The weight of each public credential of a `public_credentials` list (spec §4.8), in order, without decoding
/// the credentials: cheap, so it runs before anything expensive, and what a server compares with its roll.
/// Refuses a list whose weights add up to more than [`MAX_TOTAL_WEIGHT`] with [`Error::TotalWeightTooLarge`].
pub fn public_credential_weights(raw: &str) -> Result<Vec<u64>, Error> {
    let lines: Vec<String> = parse_json("public credentials", raw)?;
    let weights = lines
        .iter()
        .enumerate()
        .map(|(index, line)| split_credential_line(index, line).map(|(_, weight)| weight))
        .collect::<Result<Vec<u64>, Error>>()?;
    check_total_weight(weights.iter().copied())?;
    Ok(weights)
}

/// Parses the `public_credentials` list; checks membership and distinctness (spec §3.1 step 7), and that the
/// weights add up to at most [`MAX_TOTAL_WEIGHT`] (before any credential is decoded). Each credential keeps its
/// [`PublicCredential::weight`].
pub fn parse_public_credentials<G: Group>(group: &G, raw: &str) -> Result<Vec<PublicCredential<G::Element>>, Error> {
    let lines: Vec<String> = parse_json("public credentials", raw)?;
    let split = lines
        .iter()
        .enumerate()
        .map(|(index, line)| split_credential_line(index, line))
        .collect::<Result<Vec<(&str, u64)>, Error>>()?;
    check_total_weight(split.iter().map(|(_, weight)| *weight))?;
    let mut out = Vec::with_capacity(split.len());
    let mut seen = std::collections::HashSet::with_capacity(split.len());
    for (index, (text, weight)) in split.into_iter().enumerate() {
        let credential = group.decode(text).map_err(|e| e.context(&format!("public credential {}", index + 1)))?;
        if !seen.insert(text) {
            return Err(Error::invalid(format!("public credential {} is a duplicate", index + 1)));
        }
        out.push(PublicCredential { credential, weight });
    }
    // Every credential's membership at once (with thousands of voters this was seconds of work), then, if one is
    // not in the group, which.
    use rayon::prelude::*;
    if !group.vartime_all_members(&out.iter().map(|c| &c.credential).collect::<Vec<_>>()) {
        let index = out.par_iter().position_first(|c| !group.vartime_is_member(&c.credential)).unwrap_or(0);
        return Err(Error::invalid(format!("public credential {} is not in the group", index + 1)));
    }
    Ok(out)
}
