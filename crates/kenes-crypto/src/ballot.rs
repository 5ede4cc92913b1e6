//! Ballots (spec §4.11, §4.14, §4.15): creation, canonical form, signature and proof verification, tracking numbers;
//! answers to Belenios 3 Lists questions too (3.0 spec §4.11.3).

use rand_core::CryptoRngCore;
use rug::Integer;
use serde::{Deserialize, Serialize};

use crate::credential::SecretCredential;
use crate::election::{Election, Question, sha256_b64};
use crate::error::{Error, parse_json};
use crate::group::{FfGroup, Group, SecretScalar};
use crate::proofs::{
    IproofFailure, Membership, NonzeroProof, NonzeroProofJson, Proof, ProofContext, ProofJson, iprove, prove_blank,
    prove_list, prove_nonzero, random_secret, schnorr_prove, signature_prefix, vartime_member_schnorr_verify,
    vartime_verify_blank_overall, vartime_verify_blank_proof, vartime_verify_iproof, vartime_verify_list_proof,
    vartime_verify_nonzero_proof,
};

/// `{"alpha":G,"beta":G}` (spec §4.3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CiphertextJson {
    pub alpha: String,
    pub beta: String,
}

/// An encrypted answer (spec §4.11): to a homomorphic question, or to a Belenios 3 Lists question (3.0 spec §4.11.3).
/// Written as the inner object alone, so a 2.0 ballot keeps its exact bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerJson {
    Homomorphic(HomomorphicAnswerJson),
    Lists(ListsAnswerJson),
    NonHomomorphic(NonHomomorphicAnswerJson),
}

/// An encrypted answer to a non-homomorphic question (3.0 spec §4.11.2): one ciphertext of the embedded vector,
/// and a proof of knowledge of its randomness (`raweg`), which binds it to this ballot's credential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonHomomorphicAnswerJson {
    pub choices: CiphertextJson,
    pub proof: ProofJson,
}

impl AnswerJson {
    /// The answer to a homomorphic question, if it is one (tests alter them).
    pub fn homomorphic_mut(&mut self) -> Option<&mut HomomorphicAnswerJson> {
        match self {
            AnswerJson::Homomorphic(answer) => Some(answer),
            AnswerJson::Lists(_) | AnswerJson::NonHomomorphic(_) => None,
        }
    }

    /// The answer to a Lists question, if it is one (tests alter them).
    pub fn lists_mut(&mut self) -> Option<&mut ListsAnswerJson> {
        match self {
            AnswerJson::Lists(answer) => Some(answer),
            AnswerJson::Homomorphic(_) | AnswerJson::NonHomomorphic(_) => None,
        }
    }

    /// Every ciphertext of the answer, flat (a Lists answer's list after list).
    pub fn flat_choices(&self) -> Vec<&CiphertextJson> {
        match self {
            AnswerJson::Homomorphic(answer) => answer.choices.iter().collect(),
            AnswerJson::Lists(answer) => answer.choices.iter().flatten().collect(),
            AnswerJson::NonHomomorphic(answer) => vec![&answer.choices],
        }
    }
}

/// An encrypted answer to a Lists question (3.0 spec §4.11.3), fields in Belenios' order: per list, the
/// ciphertexts of its name and candidates and their 0/1 proofs; one proof that exactly one list is chosen; per list,
/// a proof that it is chosen or none of its candidates is; one proof that some candidate is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListsAnswerJson {
    pub choices: Vec<Vec<CiphertextJson>>,
    pub individual_proofs: Vec<Vec<Vec<ProofJson>>>,
    pub overall_proof: ProofJson,
    pub list_proofs: Vec<Vec<ProofJson>>,
    pub nonzero_proof: NonzeroProofJson,
}

/// An encrypted answer to a homomorphic question (spec §4.11), fields in Belenios' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomomorphicAnswerJson {
    pub choices: Vec<CiphertextJson>,
    pub individual_proofs: Vec<Vec<ProofJson>>,
    pub overall_proof: Vec<ProofJson>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub blank_proof: Option<Vec<ProofJson>>,
}

/// `{"hash":…,"proof":…}` (spec §4.14).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureJson {
    pub hash: String,
    pub proof: ProofJson,
}

/// A ballot (spec §4.15). Serialized compactly in this field order it is the canonical form Belenios requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotJson {
    pub election_uuid: String,
    pub election_hash: String,
    pub credential: String,
    pub answers: Vec<AnswerJson>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signature: Option<SignatureJson>,
}

impl BallotJson {
    /// The compact JSON Belenios writes (and hashes).
    pub fn to_canonical(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A ciphertext `(α, β)`, of elements of a finite-field group unless said otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ciphertext<E = Integer> {
    pub alpha: E,
    pub beta: E,
}

impl<E> Ciphertext<E> {
    /// The JSON form.
    pub fn to_json<G: Group<Element = E>>(&self, group: &G) -> CiphertextJson {
        CiphertextJson { alpha: group.encode(&self.alpha), beta: group.encode(&self.beta) }
    }

    /// Parses both elements (range only; membership is checked by the caller, possibly in a batch).
    pub fn parse<G: Group<Element = E>>(group: &G, json: &CiphertextJson) -> Result<Self, Error> {
        Ok(Ciphertext {
            alpha: group.decode(&json.alpha).map_err(|e| e.context("alpha"))?,
            beta: group.decode(&json.beta).map_err(|e| e.context("beta"))?,
        })
    }
}

/// A ballot whose every check passed: what the tally needs, kept so that no ballot is verified twice.
#[derive(Clone, Debug)]
pub struct VerifiedBallot<E = Integer> {
    /// The tracking number (smart ballot tracker): `H_JSON` of the ballot's exact bytes.
    pub tracker: String,
    pub credential: E,
    pub choices: Vec<Vec<Ciphertext<E>>>,
}

impl<E> VerifiedBallot<E> {
    /// The elements the ballot brought: its credential, then each ciphertext's `α` and `β`, answer by answer.
    pub fn elements(&self) -> impl Iterator<Item = &E> {
        std::iter::once(&self.credential).chain(self.choices.iter().flatten().flat_map(|c| [&c.alpha, &c.beta]))
    }

    /// The first of [`VerifiedBallot::elements`] outside the group, named as the ballot's checks name it.
    pub fn first_non_member<G: Group<Element = E>>(&self, group: &G) -> Option<String> {
        if !group.vartime_is_member(&self.credential) {
            return Some("ballot credential is not in the group".into());
        }
        for (i, answer) in self.choices.iter().enumerate() {
            for (j, c) in answer.iter().enumerate() {
                for (name, x) in [("alpha", &c.alpha), ("beta", &c.beta)] {
                    if !group.vartime_is_member(x) {
                        return Some(format!("answer {}: choice {}: {name} is not in the group", i + 1, j + 1));
                    }
                }
            }
        }
        None
    }
}

/// A ballot whose form is checked but not its proofs: canonical JSON, this election's uuid and fingerprint, a
/// signature whose hash matches, one answer per question and every element decoded (range only).
///
/// Parsing costs no exponentiation, so whoever holds a roll can refuse a ballot whose credential is not on it, or
/// a replay, before [`BallotContext::verify_parsed`] spends anything on its proofs.
#[derive(Clone, Debug)]
pub struct ParsedBallot<E = Integer> {
    tracker: String,
    json: BallotJson,
    credential: E,
    choices: Vec<Vec<Ciphertext<E>>>,
}

impl<E> ParsedBallot<E> {
    /// The ballot as [`BallotContext::verify_parsed`] would return it, without its checks: only for a ballot this
    /// node's own servers verified before storing it (`BallotBox::follow`).
    pub(crate) fn stored_as_verified(self) -> VerifiedBallot<E> {
        VerifiedBallot { tracker: self.tracker, credential: self.credential, choices: self.choices }
    }

    /// Checks the form of a ballot given as its exact bytes (see the type's docs).
    pub fn parse<G: Group<Element = E>>(election: &Election<G>, raw: &str) -> Result<Self, Error> {
        let group = &election.group;
        let json: BallotJson = parse_json("ballot", raw)?;
        if json.to_canonical() != raw {
            return Err(Error::invalid("ballot is not in canonical form"));
        }
        if json.election_uuid != election.uuid() {
            return Err(Error::invalid("ballot election_uuid does not match the election"));
        }
        if json.election_hash != election.fingerprint {
            return Err(Error::invalid("ballot election_hash does not match the election fingerprint"));
        }
        let credential = group.decode(&json.credential).map_err(|e| e.context("ballot credential"))?;
        let signature = json.signature.as_ref().ok_or_else(|| Error::invalid("ballot has no signature"))?;
        let unsigned = BallotJson { signature: None, ..json.clone() };
        let expected_hash = sha256_b64(&unsigned.to_canonical());
        if signature.hash != expected_hash {
            return Err(Error::invalid("ballot signature hash does not match the ballot"));
        }
        if json.answers.len() != election.questions.len() {
            return Err(Error::invalid(format!(
                "ballot has {} answers for {} questions",
                json.answers.len(),
                election.questions.len()
            )));
        }
        // Parse every ciphertext first; group membership of the credential and of every ciphertext is checked
        // exactly, on the squarings of the proofs that use them (see `group.rs`).
        let mut choices = Vec::with_capacity(json.answers.len());
        for (index, answer) in json.answers.iter().enumerate() {
            let parsed: Result<Vec<Ciphertext<E>>, Error> = answer
                .flat_choices()
                .into_iter()
                .enumerate()
                .map(|(j, c)| {
                    Ciphertext::parse(group, c)
                        .map_err(|e| e.context(&format!("answer {} choice {}", index + 1, j + 1)))
                })
                .collect();
            choices.push(parsed?);
        }
        Ok(ParsedBallot { tracker: sha256_b64(raw), json, credential, choices })
    }

    /// The tracking number: `H_JSON` of the ballot's exact bytes.
    pub fn tracker(&self) -> &str {
        &self.tracker
    }

    /// The public credential the ballot claims (decoded, its membership not checked yet).
    pub fn credential(&self) -> &E {
        &self.credential
    }
}

/// Public data needed to verify or create ballots of one election, with `y`'s fixed-base table built once.
pub struct BallotContext<'a, G: Group = FfGroup> {
    pub election: &'a Election<G>,
    tables: Tables<'a, G>,
    /// Whether the elements a ballot brings are checked with its proofs, or by the caller for many ballots at once.
    membership: Membership,
}

/// The fixed-base tables of one election's ballots, kept by whoever verifies ballots one at a time over a long
/// while (a ballot box) so that they are built once, not per ballot.
pub(crate) struct BallotTables<G: Group = FfGroup> {
    /// The election key the `y` table is for.
    key: G::Element,
    /// A larger table for `g` than the group's own, when many ballots are to be verified.
    g_table: Option<G::Table>,
    y_table: G::Table,
}

impl<G: Group> BallotTables<G> {
    /// Tables sized for a few ballots at a time.
    pub(crate) fn new(election: &Election<G>) -> Self {
        let y_table = election.group.table(&election.public_key);
        BallotTables { key: election.public_key.clone(), g_table: None, y_table }
    }
}

enum Tables<'a, G: Group> {
    Owned(BallotTables<G>),
    Shared(&'a BallotTables<G>),
}

impl<G: Group> Tables<'_, G> {
    fn get(&self) -> &BallotTables<G> {
        match self {
            Tables::Owned(tables) => tables,
            Tables::Shared(tables) => tables,
        }
    }
}

/// Fixed-base exponentiations (of `g` or `y`) in verifying a ballot, per ciphertext: a bound used to size tables.
const TABLE_USES_PER_CIPHERTEXT: usize = 8;

impl<'a, G: Group> BallotContext<'a, G> {
    /// Precomputes the tables of an election, sized for a few ballots.
    pub fn new(election: &'a Election<G>) -> Self {
        BallotContext { election, tables: Tables::Owned(BallotTables::new(election)), membership: Membership::Check }
    }

    /// A context on tables built earlier for this election (tables of another key are not used: new ones are built).
    pub(crate) fn with_tables(election: &'a Election<G>, tables: &'a BallotTables<G>) -> Self {
        if tables.key != election.public_key {
            return Self::new(election);
        }
        BallotContext { election, tables: Tables::Shared(tables), membership: Membership::Check }
    }

    /// Precomputes the tables of an election, sized for verifying about `ballot_count` ballots: with thousands of
    /// ballots, larger tables for `g` and `y` (built in parallel) pay for themselves.
    pub fn for_ballots(election: &'a Election<G>, ballot_count: usize) -> Self {
        let ciphertexts: usize = election.questions.iter().map(|q| q.choice_count() + 1).sum();
        let uses = ballot_count.saturating_mul(ciphertexts).saturating_mul(TABLE_USES_PER_CIPHERTEXT);
        let group = &election.group;
        let (g_table, y_table) = rayon::join(
            || group.table_for_uses(group.generator(), uses),
            || group.table_for_uses(&election.public_key, uses),
        );
        let tables = BallotTables { key: election.public_key.clone(), g_table: Some(g_table), y_table };
        BallotContext { election, tables: Tables::Owned(tables), membership: Membership::Check }
    }

    /// This context without the membership checks of the elements ballots bring (their credential and ciphertexts):
    /// the caller checks them all at once afterwards, every element of each [`VerifiedBallot`] with
    /// [`Group::vartime_all_members`], and keeps no ballot before that passes.
    pub(crate) fn membership_checked_after(mut self) -> Self {
        self.membership = Membership::Known;
        self
    }

    fn proof_context(&self) -> ProofContext<'_, G> {
        let group = &self.election.group;
        let tables = self.tables.get();
        ProofContext {
            group,
            g_table: tables.g_table.as_ref().unwrap_or_else(|| group.generator_table()),
            y: &self.election.public_key,
            y_table: &tables.y_table,
        }
    }

    /// Verifies a ballot given as its exact bytes: canonical form, election, signature and every proof.
    ///
    /// Errors name the failed field, e.g. `answer 2: overall_proof`.
    pub fn verify(&self, raw: &str) -> Result<VerifiedBallot<G::Element>, Error> {
        self.verify_parsed(ParsedBallot::parse(self.election, raw)?)
    }

    /// Verifies the signature and every proof of a ballot whose form [`ParsedBallot::parse`] checked.
    pub fn verify_parsed(&self, parsed: ParsedBallot<G::Element>) -> Result<VerifiedBallot<G::Element>, Error> {
        let election = self.election;
        let q = election.group.order();
        let ParsedBallot { tracker, json, credential, choices } = parsed;
        let signature = json.signature.as_ref().ok_or_else(|| Error::invalid("ballot has no signature"))?;
        let signature_proof = Proof::parse(&signature.proof, q).map_err(|e| e.context("ballot signature proof"))?;
        match vartime_member_schnorr_verify(
            &self.proof_context(),
            &signature_prefix(&signature.hash),
            &credential,
            &signature_proof,
            self.membership,
        ) {
            None => return Err(Error::invalid("ballot credential is not in the group")),
            Some(false) => return Err(Error::invalid("ballot signature proof")),
            Some(true) => {}
        }
        let statement0 = format!("{}|{}", election.fingerprint, json.credential);
        for (index, ((question, answer), ciphertexts)) in
            election.questions.iter().zip(&json.answers).zip(&choices).enumerate()
        {
            self.verify_answer(question, answer, ciphertexts, &statement0)
                .map_err(|e| e.context(&format!("answer {}", index + 1)))?;
        }
        Ok(VerifiedBallot { tracker, credential, choices })
    }

    fn verify_answer(
        &self,
        question: &Question,
        answer: &AnswerJson,
        ciphertexts: &[Ciphertext<G::Element>],
        statement0: &str,
    ) -> Result<(), Error> {
        match (&question.lists, answer) {
            (_, AnswerJson::NonHomomorphic(answer)) if question.non_homomorphic => {
                self.verify_non_homomorphic_answer(answer, ciphertexts, statement0)
            }
            (_, _) if question.non_homomorphic => {
                Err(Error::invalid("a non-homomorphic question needs its own answer"))
            }
            (_, AnswerJson::NonHomomorphic(_)) => Err(Error::invalid("a non-homomorphic answer to another question")),
            (None, AnswerJson::Homomorphic(answer)) => {
                self.verify_homomorphic_answer(question, answer, ciphertexts, statement0)
            }
            (Some(lengths), AnswerJson::Lists(answer)) => {
                self.verify_lists_answer(lengths, answer, ciphertexts, statement0)
            }
            (None, AnswerJson::Lists(_)) => Err(Error::invalid("a Lists answer to a homomorphic question")),
            (Some(_), AnswerJson::Homomorphic(_)) => Err(Error::invalid("a homomorphic answer to a Lists question")),
        }
    }

    /// Verifies an answer to a non-homomorphic question (3.0 spec §4.11.2): `β` in the group, and the proof of
    /// knowledge of `r` in `α = g^r` (which also checks `α` in the group), hashed with this ballot's credential.
    fn verify_non_homomorphic_answer(
        &self,
        answer: &NonHomomorphicAnswerJson,
        ciphertexts: &[Ciphertext<G::Element>],
        statement0: &str,
    ) -> Result<(), Error> {
        let group = &self.election.group;
        let [ciphertext] = ciphertexts else {
            return Err(Error::invalid("choices: one ciphertext is needed"));
        };
        if self.membership == Membership::Check && !group.vartime_is_member(&ciphertext.beta) {
            return Err(Error::invalid("choices: beta is not in the group"));
        }
        let proof = Proof::parse(&answer.proof, group.order()).map_err(|e| e.context("proof"))?;
        let prefix = raweg_prefix(group, statement0, &self.election.public_key, ciphertext);
        match vartime_member_schnorr_verify(&self.proof_context(), &prefix, &ciphertext.alpha, &proof, self.membership)
        {
            None => Err(Error::invalid("choices: alpha is not in the group")),
            Some(false) => Err(Error::invalid("proof")),
            Some(true) => Ok(()),
        }
    }

    /// Verifies an answer to a Lists question (3.0 spec §4.11.3, §4.14, §4.15) whose ciphertexts, flat, are
    /// `ciphertexts`; `lengths` is the length of each list.
    fn verify_lists_answer(
        &self,
        lengths: &[usize],
        answer: &ListsAnswerJson,
        ciphertexts: &[Ciphertext<G::Element>],
        statement0: &str,
    ) -> Result<(), Error> {
        let group = &self.election.group;
        let q = group.order();
        let context = self.proof_context();
        let shape: Vec<usize> = answer.choices.iter().map(Vec::len).collect();
        if shape != lengths {
            return Err(Error::invalid(format!("choices has lists of lengths {shape:?}, expected {lengths:?}")));
        }
        let proof_shape: Vec<usize> = answer.individual_proofs.iter().map(Vec::len).collect();
        if proof_shape != lengths {
            return Err(Error::invalid(format!(
                "individual_proofs has lists of lengths {proof_shape:?}, expected {lengths:?}"
            )));
        }
        // The flat ciphertexts cut back into lists, `ciphertexts[start..start + length]` for each.
        let mut lists = Vec::with_capacity(lengths.len());
        let mut rest = ciphertexts;
        for &length in lengths {
            let (list, tail) =
                rest.split_at_checked(length).ok_or_else(|| Error::invalid("choices has too few ciphertexts"))?;
            lists.push(list);
            rest = tail;
        }
        // Each bit is 0 or 1, proved on S0 like a homomorphic answer's (its elements' membership checked here).
        for (i, (list, proofs)) in lists.iter().zip(&answer.individual_proofs).enumerate() {
            for (j, (c, proofs)) in list.iter().zip(proofs).enumerate() {
                let place = format!("individual_proofs {} {}", i + 1, j + 1);
                let proofs = parse_proofs(proofs, q).map_err(|e| e.context(&place))?;
                match vartime_verify_iproof(
                    &context,
                    statement0,
                    (&c.alpha, &c.beta),
                    &[0, 1],
                    &proofs,
                    self.membership,
                ) {
                    Ok(()) => {}
                    Err(IproofFailure::AlphaNotInGroup) => {
                        return Err(Error::invalid(format!("choice {} {}: alpha is not in the group", i + 1, j + 1)));
                    }
                    Err(IproofFailure::BetaNotInGroup) => {
                        return Err(Error::invalid(format!("choice {} {}: beta is not in the group", i + 1, j + 1)));
                    }
                    Err(IproofFailure::Invalid) => return Err(Error::invalid(place)),
                }
            }
        }
        let statement = answer_statement(group, statement0, ciphertexts);
        // overall_proof: Σ_i L_i = 1, one branch about the product of the lists' first ciphertexts.
        let firsts: Vec<Ciphertext<G::Element>> = lists.iter().filter_map(|list| list.first().cloned()).collect();
        let sum = sum_ciphertexts(group, &firsts);
        let overall = Proof::parse(&answer.overall_proof, q).map_err(|e| e.context("overall_proof"))?;
        if vartime_verify_iproof(&context, &statement, (&sum.alpha, &sum.beta), &[1], &[overall], Membership::Known)
            .is_err()
        {
            return Err(Error::invalid("overall_proof"));
        }
        // list_proofs: per list, L_i = 1 ∨ Σ_j C_i,j = 0.
        if answer.list_proofs.len() != lengths.len() {
            return Err(Error::invalid(format!(
                "list_proofs has {} proofs for {} lists",
                answer.list_proofs.len(),
                lengths.len()
            )));
        }
        for (i, (list, proofs)) in lists.iter().zip(&answer.list_proofs).enumerate() {
            let place = format!("list_proofs {}", i + 1);
            let proofs = parse_proofs(proofs, q).map_err(|e| e.context(&place))?;
            let (first, candidates) =
                list.split_first().ok_or_else(|| Error::invalid(format!("{place}: empty list")))?;
            let candidates = sum_ciphertexts(group, candidates);
            if !vartime_verify_list_proof(
                &context,
                &statement,
                (&first.alpha, &first.beta),
                (&candidates.alpha, &candidates.beta),
                &proofs,
            ) {
                return Err(Error::invalid(place));
            }
        }
        // nonzero_proof: Σ_i Σ_j C_i,j ≠ 0, about the product of every candidate's ciphertext.
        let candidates: Vec<Ciphertext<G::Element>> =
            lists.iter().flat_map(|list| list.iter().skip(1).cloned()).collect();
        let candidates = sum_ciphertexts(group, &candidates);
        let nonzero = NonzeroProof::parse(group, &answer.nonzero_proof).map_err(|e| e.context("nonzero_proof"))?;
        if !vartime_verify_nonzero_proof(&context, &statement, (&candidates.alpha, &candidates.beta), &nonzero) {
            return Err(Error::invalid("nonzero_proof"));
        }
        Ok(())
    }

    fn verify_homomorphic_answer(
        &self,
        question: &Question,
        answer: &HomomorphicAnswerJson,
        ciphertexts: &[Ciphertext<G::Element>],
        statement0: &str,
    ) -> Result<(), Error> {
        let group = &self.election.group;
        let q = group.order();
        let context = self.proof_context();
        let n = question.choice_count();
        if ciphertexts.len() != n {
            return Err(Error::invalid(format!("choices has {} ciphertexts, expected {n}", ciphertexts.len())));
        }
        if answer.individual_proofs.len() != n {
            return Err(Error::invalid("individual_proofs has the wrong length"));
        }
        for (j, (c, proofs)) in ciphertexts.iter().zip(&answer.individual_proofs).enumerate() {
            let proofs = parse_proofs(proofs, q).map_err(|e| e.context(&format!("individual_proofs {}", j + 1)))?;
            match vartime_verify_iproof(&context, statement0, (&c.alpha, &c.beta), &[0, 1], &proofs, self.membership) {
                Ok(()) => {}
                Err(IproofFailure::AlphaNotInGroup) => {
                    return Err(Error::invalid(format!("choice {}: alpha is not in the group", j + 1)));
                }
                Err(IproofFailure::BetaNotInGroup) => {
                    return Err(Error::invalid(format!("choice {}: beta is not in the group", j + 1)));
                }
                Err(IproofFailure::Invalid) => {
                    return Err(Error::invalid(format!("individual_proofs {} (choice {})", j + 1, j + 1)));
                }
            }
        }
        let statement = answer_statement(group, statement0, ciphertexts);
        let overall = parse_proofs(&answer.overall_proof, q).map_err(|e| e.context("overall_proof"))?;
        let range: Vec<i64> = (question.min..=question.max).map(i64::from).collect();
        if question.blank {
            let blank_json = answer.blank_proof.as_ref().ok_or_else(|| Error::invalid("blank_proof is missing"))?;
            let blank_proofs = parse_proofs(blank_json, q).map_err(|e| e.context("blank_proof"))?;
            let (first, rest) = ciphertexts.split_first().ok_or_else(|| Error::invalid("choices is empty"))?;
            let sum = sum_ciphertexts(group, rest);
            if !vartime_verify_blank_proof(
                &context,
                &statement,
                (&first.alpha, &first.beta),
                (&sum.alpha, &sum.beta),
                &blank_proofs,
            ) {
                return Err(Error::invalid("blank_proof"));
            }
            if !vartime_verify_blank_overall(
                &context,
                &statement,
                (&first.alpha, &first.beta),
                (&sum.alpha, &sum.beta),
                &range,
                &overall,
            ) {
                return Err(Error::invalid("overall_proof"));
            }
        } else {
            if answer.blank_proof.is_some() {
                return Err(Error::invalid("blank_proof present but the question does not allow blank"));
            }
            let sum = sum_ciphertexts(group, ciphertexts);
            if vartime_verify_iproof(&context, &statement, (&sum.alpha, &sum.beta), &range, &overall, Membership::Known)
                .is_err()
            {
                return Err(Error::invalid("overall_proof"));
            }
        }
        Ok(())
    }

    /// Creates a ballot for `plaintext` (one 0/1 vector per question, blank indicator first when allowed).
    ///
    /// Returns the ballot's exact JSON and its tracking number.
    pub fn create(
        &self,
        credential: &SecretCredential,
        plaintext: &[Vec<u32>],
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(String, String), Error> {
        self.create_with_ciphertexts(credential, plaintext, rng).map(|(raw, ballot)| (raw, ballot.tracker))
    }

    /// Creates a ballot like [`BallotContext::create`], returning its exact JSON with what verifying it would give
    /// (tracking number, public credential, ciphertexts), so that a ballot made here need not be verified again.
    pub fn create_with_ciphertexts(
        &self,
        credential: &SecretCredential,
        plaintext: &[Vec<u32>],
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(String, VerifiedBallot<G::Element>), Error> {
        let election = self.election;
        let group = &election.group;
        let q = group.order();
        if plaintext.len() != election.questions.len() {
            return Err(Error::Usage(format!(
                "the election has {} questions, the vote answers {}",
                election.questions.len(),
                plaintext.len()
            )));
        }
        for (question, answer) in election.questions.iter().zip(plaintext) {
            question.check_plaintext(answer)?;
        }
        let secret = credential.derive(election.uuid(), q);
        let public = group.secret_pow(group.generator(), &secret);
        let credential_text = group.encode(&public);
        let statement0 = format!("{}|{}", election.fingerprint, credential_text);
        let context = self.proof_context();
        let mut answers = Vec::with_capacity(plaintext.len());
        let mut choices = Vec::with_capacity(plaintext.len());
        for (question, values) in election.questions.iter().zip(plaintext) {
            if question.non_homomorphic {
                let r = random_secret(q, rng);
                let alpha = context.secret_g(&r);
                let beta = group.mul(&context.secret_y(&r), &group.of_ints(values)?);
                let ciphertext = Ciphertext { alpha, beta };
                let prefix = raweg_prefix(group, &statement0, &election.public_key, &ciphertext);
                let proof = schnorr_prove(group, &prefix, &r, rng);
                answers.push(AnswerJson::NonHomomorphic(NonHomomorphicAnswerJson {
                    choices: ciphertext.to_json(group),
                    proof: proof.to_json(),
                }));
                choices.push(vec![ciphertext]);
                continue;
            }
            let mut randomness = Vec::with_capacity(values.len());
            let mut ciphertexts = Vec::with_capacity(values.len());
            for &m in values {
                let r = random_secret(q, rng);
                let alpha = context.secret_g(&r);
                let beta = group.mul(&context.secret_y(&r), &group.g_pow_small(i64::from(m)));
                ciphertexts.push(Ciphertext { alpha, beta });
                randomness.push(r);
            }
            let mut individual_proofs = Vec::with_capacity(values.len());
            for ((c, r), &m) in ciphertexts.iter().zip(&randomness).zip(values) {
                let proofs = iprove(&context, &statement0, &c.alpha, &c.beta, r, m as usize, &[0, 1], rng);
                individual_proofs.push(proofs.iter().map(Proof::to_json).collect());
            }
            let mut statement = statement0.clone();
            statement.push('|');
            let parts: Vec<String> =
                ciphertexts.iter().map(|c| format!("{},{}", group.encode(&c.alpha), group.encode(&c.beta))).collect();
            statement.push_str(&parts.join(","));
            if let Some(lengths) = &question.lists {
                let answer = lists_answer(
                    &context,
                    &statement,
                    lengths,
                    values,
                    &ciphertexts,
                    &randomness,
                    individual_proofs,
                    rng,
                )?;
                answers.push(AnswerJson::Lists(answer));
                choices.push(ciphertexts);
                continue;
            }
            let range: Vec<i64> = (question.min..=question.max).map(i64::from).collect();
            let (overall_proof, blank_proof) = if question.blank {
                let blank_vote = values[0] == 1;
                let sum = sum_ciphertexts(group, &ciphertexts[1..]);
                let sum_r = sum_secrets(&randomness[1..], q);
                let total: u32 = values[1..].iter().sum();
                let index = if blank_vote { 0 } else { (total - question.min) as usize };
                let (overall, blank) = prove_blank(
                    &context,
                    &statement,
                    (&ciphertexts[0].alpha, &ciphertexts[0].beta, &randomness[0]),
                    (&sum.alpha, &sum.beta, &sum_r),
                    blank_vote,
                    index,
                    &range,
                    rng,
                );
                (overall, Some(blank))
            } else {
                let sum = sum_ciphertexts(group, &ciphertexts);
                let sum_r = sum_secrets(&randomness, q);
                let total: u32 = values.iter().sum();
                let proofs = iprove(
                    &context,
                    &statement,
                    &sum.alpha,
                    &sum.beta,
                    &sum_r,
                    (total - question.min) as usize,
                    &range,
                    rng,
                );
                (proofs, None)
            };
            answers.push(AnswerJson::Homomorphic(HomomorphicAnswerJson {
                choices: ciphertexts.iter().map(|c| c.to_json(group)).collect(),
                individual_proofs,
                overall_proof: overall_proof.iter().map(Proof::to_json).collect(),
                blank_proof: blank_proof.map(|b| b.iter().map(Proof::to_json).collect()),
            }));
            choices.push(ciphertexts);
        }
        let mut ballot = BallotJson {
            election_uuid: election.uuid().to_owned(),
            election_hash: election.fingerprint.clone(),
            credential: credential_text,
            answers,
            signature: None,
        };
        let hash = sha256_b64(&ballot.to_canonical());
        let proof = schnorr_prove(group, &signature_prefix(&hash), &secret, rng);
        ballot.signature = Some(SignatureJson { hash, proof: proof.to_json() });
        let raw = ballot.to_canonical();
        let tracker = sha256_b64(&raw);
        Ok((raw, VerifiedBallot { tracker, credential: public, choices }))
    }
}

/// Builds the answer to a Lists question (3.0 spec §4.11.3) from its flat plaintext `values` (checked by
/// [`Question::check_plaintext`]), ciphertexts, their randomness and their individual proofs.
#[allow(clippy::too_many_arguments)]
fn lists_answer<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    lengths: &[usize],
    values: &[u32],
    ciphertexts: &[Ciphertext<G::Element>],
    randomness: &[SecretScalar],
    individual_proofs: Vec<Vec<ProofJson>>,
    rng: &mut dyn CryptoRngCore,
) -> Result<ListsAnswerJson, Error> {
    let group = context.group;
    let q = group.order();
    let values = split_lists(values, lengths);
    let ciphertexts = split_lists(ciphertexts, lengths);
    let randomness = split_lists(randomness, lengths);
    let mut firsts = Vec::with_capacity(lengths.len());
    let mut first_randomness = Vec::with_capacity(lengths.len());
    let mut all_candidates = Vec::new();
    let mut all_candidate_randomness = Vec::new();
    let mut list_proofs = Vec::with_capacity(lengths.len());
    for ((list_values, list), list_randomness) in values.iter().zip(&ciphertexts).zip(&randomness) {
        let (Some(first), Some(first_r)) = (list.first(), list_randomness.first()) else {
            return Err(Error::invalid("a list of the question is empty"));
        };
        let candidates = sum_ciphertexts(group, &list[1..]);
        let candidates_r = sum_secrets(&list_randomness[1..], q);
        let chosen = list_values.first() == Some(&1);
        let proofs = prove_list(
            context,
            statement,
            (&first.alpha, &first.beta, first_r),
            (&candidates.alpha, &candidates.beta, &candidates_r),
            chosen,
            rng,
        );
        list_proofs.push(proofs.iter().map(Proof::to_json).collect());
        firsts.push(first.clone());
        first_randomness.push(first_r.clone());
        all_candidates.extend(list[1..].iter().cloned());
        all_candidate_randomness.extend(list_randomness[1..].iter().cloned());
    }
    // overall_proof: Σ_i L_i = 1, iprove(S, Σ_i r_i,0, 0, 1) (one branch, plaintext 1).
    let sum = sum_ciphertexts(group, &firsts);
    let sum_r = sum_secrets(&first_randomness, q);
    let overall = iprove(context, statement, &sum.alpha, &sum.beta, &sum_r, 0, &[1], rng);
    let overall_proof =
        overall.first().map(Proof::to_json).ok_or_else(|| Error::invalid("the overall proof has no branch"))?;
    let candidates = sum_ciphertexts(group, &all_candidates);
    let candidates_r = sum_secrets(&all_candidate_randomness, q);
    let nonzero = prove_nonzero(context, statement, (&candidates.alpha, &candidates.beta, &candidates_r), rng)
        .ok_or_else(|| Error::Usage("a Lists answer needs at least one candidate chosen".into()))?;
    Ok(ListsAnswerJson {
        choices: ciphertexts.iter().map(|list| list.iter().map(|c| c.to_json(group)).collect()).collect(),
        individual_proofs: split_lists(&individual_proofs, lengths),
        overall_proof,
        list_proofs,
        nonzero_proof: nonzero.to_json(group),
    })
}

/// A flat row cut into lists of the given lengths (the last ones short if the row is).
fn split_lists<T: Clone>(flat: &[T], lengths: &[usize]) -> Vec<Vec<T>> {
    let mut rest = flat;
    let mut lists = Vec::with_capacity(lengths.len());
    for &length in lengths {
        let (list, tail) = rest.split_at(length.min(rest.len()));
        lists.push(list.to_vec());
        rest = tail;
    }
    lists
}

/// Signs a ballot with a credential (spec §4.14): `hash = H_JSON(ballot without signature)`, then a Schnorr proof
/// with prefix `"sig|" hash "|"`. Used by [`BallotContext::create`] and by tests that re-sign altered ballots.
pub fn sign_ballot<G: Group>(
    election: &Election<G>,
    ballot: &mut BallotJson,
    credential: &SecretCredential,
    rng: &mut dyn CryptoRngCore,
) {
    let group = &election.group;
    let secret = credential.derive(election.uuid(), group.order());
    ballot.signature = None;
    let hash = sha256_b64(&ballot.to_canonical());
    let proof = schnorr_prove(group, &signature_prefix(&hash), &secret, rng);
    ballot.signature = Some(SignatureJson { hash, proof: proof.to_json() });
}

/// `S = S0 "|" α_1 "," β_1 "," … "," α_n "," β_n` (spec §4.11.1; a Lists answer's ciphertexts list after list,
/// 3.0 spec §4.11.3).
fn answer_statement<G: Group>(group: &G, statement0: &str, ciphertexts: &[Ciphertext<G::Element>]) -> String {
    let elements: Vec<&G::Element> = ciphertexts.iter().flat_map(|c| [&c.alpha, &c.beta]).collect();
    let encoded = group.encode_many(&elements);
    let mut statement = String::with_capacity(statement0.len() + encoded.iter().map(|e| e.len() + 1).sum::<usize>());
    statement.push_str(statement0);
    statement.push('|');
    for (j, e) in encoded.iter().enumerate() {
        if j > 0 {
            statement.push(',');
        }
        statement.push_str(e);
    }
    statement
}

fn parse_proofs(proofs: &[ProofJson], q: &Integer) -> Result<Vec<Proof>, Error> {
    proofs
        .iter()
        .enumerate()
        .map(|(i, p)| Proof::parse(p, q).map_err(|e| e.context(&format!("proof {}", i + 1))))
        .collect()
}

/// The pointwise product of ciphertexts (an encryption of the sum).
pub fn sum_ciphertexts<G: Group>(group: &G, ciphertexts: &[Ciphertext<G::Element>]) -> Ciphertext<G::Element> {
    let mut alpha = group.identity();
    let mut beta = group.identity();
    for c in ciphertexts {
        alpha = group.mul(&alpha, &c.alpha);
        beta = group.mul(&beta, &c.beta);
    }
    Ciphertext { alpha, beta }
}

fn sum_secrets(secrets: &[SecretScalar], q: &Integer) -> SecretScalar {
    let mut total = Integer::new();
    for s in secrets {
        total += s.expose();
    }
    total.modulo_mut(q);
    SecretScalar::new(total)
}

/// The prefix of a non-homomorphic answer's proof (3.0 spec §4.11.2): `"raweg|" S "|" y "," α "," β "|"`, where
/// `S` is the fingerprint and the ballot's credential (`φ|credential`); the hashed commitment is `A = g^w`.
fn raweg_prefix<G: Group>(group: &G, statement0: &str, y: &G::Element, ciphertext: &Ciphertext<G::Element>) -> String {
    let encoded = group.encode_many(&[y, &ciphertext.alpha, &ciphertext.beta]);
    format!("raweg|{statement0}|{}|", encoded.join(","))
}
