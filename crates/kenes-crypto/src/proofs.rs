//! Zero-knowledge proofs of Belenios 2.0 (spec §4.5, §4.6.1, §4.12, §4.13, §4.14, §4.18), proving and verifying.
//!
//! Every proof is a Fiat–Shamir Schnorr-style proof `{challenge, response}` with `response = w − x·challenge mod q`,
//! verified by recomputing the commitments `g^response · X^challenge` and hashing them. The exact string hashed by
//! each proof is written next to the function that builds it; numbers are always in base 10.

use rand_core::CryptoRngCore;
use rug::Integer;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::group::{Group, SecretScalar, decode_scalar, hash_elements};

/// A proof as written in JSON: `{"challenge":Zq,"response":Zq}` (spec §4.3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofJson {
    pub challenge: String,
    pub response: String,
}

/// A parsed proof, both scalars in `0..q`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof {
    pub challenge: Integer,
    pub response: Integer,
}

impl Proof {
    /// Parses and range-checks a proof (Belenios' `check_modulo q`).
    pub fn parse(json: &ProofJson, q: &Integer) -> Result<Self, Error> {
        Ok(Proof {
            challenge: decode_scalar(&json.challenge, q).map_err(|e| e.context("challenge"))?,
            response: decode_scalar(&json.response, q).map_err(|e| e.context("response"))?,
        })
    }

    /// The JSON form.
    pub fn to_json(&self) -> ProofJson {
        ProofJson { challenge: self.challenge.to_string_radix(10), response: self.response.to_string_radix(10) }
    }
}

/// A random scalar in `0..q` from a cryptographic RNG (rejection sampling on `bits(q)` bits).
pub fn random_scalar(q: &Integer, rng: &mut dyn CryptoRngCore) -> Integer {
    let bits = q.significant_bits();
    let bytes = bits.div_ceil(8) as usize;
    let excess = (bytes as u32) * 8 - bits;
    let mut buffer = vec![0u8; bytes];
    loop {
        rng.fill_bytes(&mut buffer);
        if let Some(first) = buffer.first_mut() {
            *first &= 0xffu8 >> excess;
        }
        let candidate = Integer::from_digits(&buffer, rug::integer::Order::Msf);
        if candidate < *q {
            zeroize::Zeroize::zeroize(&mut buffer);
            return candidate;
        }
    }
}

/// A random secret scalar.
pub fn random_secret(q: &Integer, rng: &mut dyn CryptoRngCore) -> SecretScalar {
    SecretScalar::new(random_scalar(q, rng))
}

/// `(a − b·c) mod q` with the result in `0..q`.
pub fn sub_mul_mod(a: &Integer, b: &Integer, c: &Integer, q: &Integer) -> Integer {
    let mut x = Integer::from(b * c);
    x = Integer::from(a - &x);
    x.modulo_mut(q);
    x
}

/// Public parameters shared by the proofs of one election: the group, `g`'s and `y`'s tables.
pub struct ProofContext<'a, G: Group> {
    pub group: &'a G,
    pub y: &'a G::Element,
    pub y_table: &'a G::Table,
}

impl<G: Group> ProofContext<'_, G> {
    /// `g^response · base^challenge` (a commitment of a Schnorr proof about `base = g^x`).
    pub fn vartime_commit_g(&self, response: &Integer, base: &G::Element, challenge: &Integer) -> G::Element {
        let group = self.group;
        let left = group.vartime_table_pow(group.generator_table(), response);
        group.mul(&left, &group.vartime_pow(base, challenge))
    }

    /// `y^response · base^challenge`.
    pub fn vartime_commit_y(&self, response: &Integer, base: &G::Element, challenge: &Integer) -> G::Element {
        let group = self.group;
        let left = group.vartime_table_pow(self.y_table, response);
        group.mul(&left, &group.vartime_pow(base, challenge))
    }

    /// `g^w` for a secret `w`.
    pub fn secret_g(&self, w: &SecretScalar) -> G::Element {
        self.group.secret_pow(self.group.generator(), w)
    }

    /// `y^w` for a secret `w`.
    pub fn secret_y(&self, w: &SecretScalar) -> G::Element {
        self.group.secret_pow(self.y, w)
    }
}

/// Verifies a disjunctive proof that `(α, β) = (g^r, y^r · g^{M_j})` for one of the `M_j` (spec §4.12).
///
/// `factors[j] = g^{−M_j}`. Hash input (spec §4.12):
/// `"prove|" S "|" α "," β "|" A_0 "," B_0 "," … "," A_k "," B_k`, with `A_j = g^{response_j} · α^{challenge_j}`,
/// `B_j = y^{response_j} · (β · g^{−M_j})^{challenge_j}`, and the check `Σ challenge_j = H mod q`.
pub fn vartime_verify_iproof<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    alpha: &G::Element,
    beta: &G::Element,
    factors: &[G::Element],
    proofs: &[Proof],
) -> bool {
    let group = context.group;
    if factors.len() != proofs.len() {
        return false;
    }
    let q = group.order();
    let mut commitments = Vec::with_capacity(2 * proofs.len());
    let mut total = Integer::new();
    for (factor, proof) in factors.iter().zip(proofs) {
        commitments.push(context.vartime_commit_g(&proof.response, alpha, &proof.challenge));
        let shifted = group.mul(beta, factor);
        commitments.push(context.vartime_commit_y(&proof.response, &shifted, &proof.challenge));
        total += &proof.challenge;
    }
    total.modulo_mut(q);
    let prefix = format!("prove|{}|{},{}|", statement, group.encode(alpha), group.encode(beta));
    hash_elements(group, &prefix, &commitments) == total
}

/// Builds the proof of §4.12 (`iprove(S, r, i, M_0, …, M_k)`) for the true index `index`.
#[allow(clippy::too_many_arguments)]
pub fn iprove<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    alpha: &G::Element,
    beta: &G::Element,
    r: &SecretScalar,
    index: usize,
    factors: &[G::Element],
    rng: &mut dyn CryptoRngCore,
) -> Vec<Proof> {
    let group = context.group;
    let q = group.order();
    let mut proofs = Vec::with_capacity(factors.len());
    let mut commitments = Vec::with_capacity(2 * factors.len());
    let mut total = Integer::new();
    for (j, factor) in factors.iter().enumerate() {
        if j == index {
            proofs.push(Proof { challenge: Integer::new(), response: Integer::new() });
            commitments.push(group.identity());
            commitments.push(group.identity());
            continue;
        }
        // Simulated branch: challenge and response are random and become public, so variable time is fine.
        let challenge = random_scalar(q, rng);
        let response = random_scalar(q, rng);
        commitments.push(context.vartime_commit_g(&response, alpha, &challenge));
        let shifted = group.mul(beta, factor);
        commitments.push(context.vartime_commit_y(&response, &shifted, &challenge));
        total += &challenge;
        proofs.push(Proof { challenge, response });
    }
    let w = random_secret(q, rng);
    let a = context.secret_g(&w);
    let b = context.secret_y(&w);
    if let Some(slot) = commitments.get_mut(2 * index) {
        *slot = a;
    }
    if let Some(slot) = commitments.get_mut(2 * index + 1) {
        *slot = b;
    }
    let prefix = format!("prove|{}|{},{}|", statement, group.encode(alpha), group.encode(beta));
    let hash = hash_elements(group, &prefix, &commitments);
    let mut challenge = Integer::from(&hash - &total);
    challenge.modulo_mut(q);
    let response = sub_mul_mod(w.expose(), r.expose(), &challenge, q);
    if let Some(slot) = proofs.get_mut(index) {
        *slot = Proof { challenge, response };
    }
    proofs
}

/// Verifies the `blank_proof` of §4.13.3: `m_0 = 0 ∨ m_Σ = 0`.
///
/// Hash input: `"bproof0|" S "|" A_0 "," B_0 "," A_Σ "," B_Σ` with `A_0 = g^{r_0} α_0^{c_0}`, `B_0 = y^{r_0} β_0^{c_0}`,
/// `A_Σ = g^{r_Σ} α_Σ^{c_Σ}`, `B_Σ = y^{r_Σ} β_Σ^{c_Σ}`; check `c_0 + c_Σ = H mod q`.
pub fn vartime_verify_blank_proof<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    blank: (&G::Element, &G::Element),
    sum: (&G::Element, &G::Element),
    proofs: &[Proof],
) -> bool {
    let [p0, ps] = proofs else { return false };
    let q = context.group.order();
    let commitments = [
        context.vartime_commit_g(&p0.response, blank.0, &p0.challenge),
        context.vartime_commit_y(&p0.response, blank.1, &p0.challenge),
        context.vartime_commit_g(&ps.response, sum.0, &ps.challenge),
        context.vartime_commit_y(&ps.response, sum.1, &ps.challenge),
    ];
    let mut total = Integer::from(&p0.challenge + &ps.challenge);
    total.modulo_mut(q);
    hash_elements(context.group, &format!("bproof0|{statement}|"), &commitments) == total
}

/// Verifies the `overall_proof` of a question with blank (§4.13.3): `m_0 = 1 ∨ m_Σ ∈ [min…max]`.
///
/// Hash input: `"bproof1|" S "|" A_0 "," B_0 "," … "," A_k "," B_k` with `A_0 = g^{r_0} α_0^{c_0}`,
/// `B_0 = y^{r_0} (β_0/g)^{c_0}`, and for j ≥ 1 `A_j = g^{r_j} α_Σ^{c_j}`, `B_j = y^{r_j} (β_Σ/g^{M_j})^{c_j}`.
pub fn vartime_verify_blank_overall<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    blank: (&G::Element, &G::Element),
    sum: (&G::Element, &G::Element),
    sum_factors: &[G::Element],
    proofs: &[Proof],
) -> bool {
    let group = context.group;
    let q = group.order();
    if proofs.len() != sum_factors.len() + 1 {
        return false;
    }
    let mut commitments = Vec::with_capacity(2 * proofs.len());
    let mut total = Integer::new();
    let inverse_g = group.invert(group.generator());
    for (j, proof) in proofs.iter().enumerate() {
        let (alpha, shifted) = if j == 0 {
            (blank.0, group.mul(blank.1, &inverse_g))
        } else {
            let Some(factor) = sum_factors.get(j - 1) else {
                return false;
            };
            (sum.0, group.mul(sum.1, factor))
        };
        commitments.push(context.vartime_commit_g(&proof.response, alpha, &proof.challenge));
        commitments.push(context.vartime_commit_y(&proof.response, &shifted, &proof.challenge));
        total += &proof.challenge;
    }
    total.modulo_mut(q);
    hash_elements(group, &format!("bproof1|{statement}|"), &commitments) == total
}

/// Builds `blank_proof` and `overall_proof` for a question with blank (§4.13.1, §4.13.2).
///
/// `blank_vote` is `m_0 = 1`; `sum_index` is `m_Σ − min` when not blank.
#[allow(clippy::too_many_arguments)]
pub fn prove_blank<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    blank: (&G::Element, &G::Element, &SecretScalar),
    sum: (&G::Element, &G::Element, &SecretScalar),
    blank_vote: bool,
    sum_index: usize,
    sum_factors: &[G::Element],
    rng: &mut dyn CryptoRngCore,
) -> (Vec<Proof>, Vec<Proof>) {
    let group = context.group;
    let q = group.order();
    let inverse_g = group.invert(group.generator());
    // blank_proof: (π_0, π_Σ); the true branch is π_0 when not blank (m_0 = 0), π_Σ when blank (m_Σ = 0).
    let blank_proof = {
        let fake_challenge = random_scalar(q, rng);
        let fake_response = random_scalar(q, rng);
        let w = random_secret(q, rng);
        let (fake_alpha, fake_beta, true_secret) =
            if blank_vote { (blank.0, blank.1, sum.2) } else { (sum.0, sum.1, blank.2) };
        let fake_a = context.vartime_commit_g(&fake_response, fake_alpha, &fake_challenge);
        let fake_b = context.vartime_commit_y(&fake_response, fake_beta, &fake_challenge);
        let true_a = context.secret_g(&w);
        let true_b = context.secret_y(&w);
        let commitments = if blank_vote { [fake_a, fake_b, true_a, true_b] } else { [true_a, true_b, fake_a, fake_b] };
        let hash = hash_elements(group, &format!("bproof0|{statement}|"), &commitments);
        let mut challenge = Integer::from(&hash - &fake_challenge);
        challenge.modulo_mut(q);
        let response = sub_mul_mod(w.expose(), true_secret.expose(), &challenge, q);
        let real = Proof { challenge, response };
        let fake = Proof { challenge: fake_challenge, response: fake_response };
        if blank_vote { vec![fake, real] } else { vec![real, fake] }
    };
    // overall_proof: (π_0, π_1, …, π_k); the true branch is π_0 when blank, π_{1+sum_index} otherwise.
    let true_index = if blank_vote { 0 } else { 1 + sum_index };
    let count = sum_factors.len() + 1;
    let mut proofs = Vec::with_capacity(count);
    let mut commitments = Vec::with_capacity(2 * count);
    let mut total = Integer::new();
    for j in 0..count {
        if j == true_index {
            proofs.push(Proof { challenge: Integer::new(), response: Integer::new() });
            commitments.push(group.identity());
            commitments.push(group.identity());
            continue;
        }
        let challenge = random_scalar(q, rng);
        let response = random_scalar(q, rng);
        let (alpha, shifted) = if j == 0 {
            (blank.0, group.mul(blank.1, &inverse_g))
        } else {
            let factor = sum_factors.get(j - 1).cloned().unwrap_or_else(|| group.identity());
            (sum.0, group.mul(sum.1, &factor))
        };
        commitments.push(context.vartime_commit_g(&response, alpha, &challenge));
        commitments.push(context.vartime_commit_y(&response, &shifted, &challenge));
        total += &challenge;
        proofs.push(Proof { challenge, response });
    }
    let w = random_secret(q, rng);
    if let Some(slot) = commitments.get_mut(2 * true_index) {
        *slot = context.secret_g(&w);
    }
    if let Some(slot) = commitments.get_mut(2 * true_index + 1) {
        *slot = context.secret_y(&w);
    }
    let hash = hash_elements(group, &format!("bproof1|{statement}|"), &commitments);
    let mut challenge = Integer::from(&hash - &total);
    challenge.modulo_mut(q);
    let secret = if blank_vote { blank.2 } else { sum.2 };
    let response = sub_mul_mod(w.expose(), secret.expose(), &challenge, q);
    if let Some(slot) = proofs.get_mut(true_index) {
        *slot = Proof { challenge, response };
    }
    (proofs, blank_proof)
}

/// A Schnorr proof of knowledge of `x` with `X = g^x`, bound to `prefix` (used by pok, signatures, sigmsg):
/// `challenge = H(prefix ‖ A)` with `A = g^w` in decimal, `response = w − x·challenge`.
pub fn schnorr_prove<G: Group>(group: &G, prefix: &str, x: &SecretScalar, rng: &mut dyn CryptoRngCore) -> Proof {
    let q = group.order();
    let w = random_secret(q, rng);
    let commitment = group.secret_pow(group.generator(), &w);
    let challenge = hash_elements(group, prefix, &[commitment]);
    let response = sub_mul_mod(w.expose(), x.expose(), &challenge, q);
    Proof { challenge, response }
}

/// Verifies a Schnorr proof: `challenge = H(prefix ‖ g^response · X^challenge)`.
pub fn vartime_schnorr_verify<G: Group>(group: &G, prefix: &str, public: &G::Element, proof: &Proof) -> bool {
    let left = group.vartime_table_pow(group.generator_table(), &proof.response);
    let commitment = group.mul(&left, &group.vartime_pow(public, &proof.challenge));
    hash_elements(group, prefix, &[commitment]) == proof.challenge
}

/// The prefix of a trustee's proof of knowledge (spec §4.5): `"pok|" G "|" X "|"`, G the group's name.
pub fn pok_prefix<G: Group>(group: &G, public: &G::Element) -> String {
    format!("pok|{}|{}|", group.name(), group.encode(public))
}

/// The prefix of a ballot signature (spec §4.14): `"sig|" hash "|"`.
pub fn signature_prefix(ballot_hash: &str) -> String {
    format!("sig|{ballot_hash}|")
}

/// The prefix of a signed message (spec §4.6.1): `"sigmsg|" M "|"`.
pub fn sigmsg_prefix(message: &str) -> String {
    format!("sigmsg|{message}|")
}

/// The prefix of a decryption proof (spec §4.18): `"decrypt|" φ "|" X "|"`; the hashed commitments are `A,B`.
pub fn decrypt_prefix<G: Group>(group: &G, fingerprint: &str, public: &G::Element) -> String {
    format!("decrypt|{}|{}|", fingerprint, group.encode(public))
}

/// Verifies a decryption proof (§4.18): `A = g^response · X^challenge`, `B = α^response · F^challenge`,
/// `challenge = SHA256("decrypt|" φ "|" X "|" A "," B) mod q`.
pub fn vartime_verify_decryption<G: Group>(
    group: &G,
    prefix: &str,
    public: &G::Element,
    alpha: &G::Element,
    factor: &G::Element,
    proof: &Proof,
) -> bool {
    let left = group.vartime_table_pow(group.generator_table(), &proof.response);
    let a = group.mul(&left, &group.vartime_pow(public, &proof.challenge));
    let b = group.mul(&group.vartime_pow(alpha, &proof.response), &group.vartime_pow(factor, &proof.challenge));
    hash_elements(group, prefix, &[a, b]) == proof.challenge
}

/// Computes a decryption factor `α^x` and its proof (§4.18).
pub fn prove_decryption<G: Group>(
    group: &G,
    prefix: &str,
    x: &SecretScalar,
    alpha: &G::Element,
    rng: &mut dyn CryptoRngCore,
) -> (G::Element, Proof) {
    let q = group.order();
    let factor = group.secret_pow(alpha, x);
    let w = random_secret(q, rng);
    let a = group.secret_pow(group.generator(), &w);
    let b = group.secret_pow(alpha, &w);
    let challenge = hash_elements(group, prefix, &[a, b]);
    let response = sub_mul_mod(w.expose(), x.expose(), &challenge, q);
    (factor, Proof { challenge, response })
}
