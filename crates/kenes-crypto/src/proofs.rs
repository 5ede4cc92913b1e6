//! Zero-knowledge proofs of Belenios 2.0 (spec §4.5, §4.6.1, §4.12, §4.13, §4.14, §4.18), proving and verifying,
//! and the two of Belenios 3's Lists answers (3.0 spec §4.14, §4.15).
//!
//! Every proof is a Fiat–Shamir Schnorr-style proof `{challenge, response}` with `response = w − x·challenge mod q`,
//! verified by recomputing the commitments `g^response · X^challenge` and hashing them. The exact string hashed by
//! each proof is written next to the function that builds it; numbers are always in base 10.

use rand_core::CryptoRngCore;
use rug::Integer;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::group::{Group, SecretScalar, decode_scalar, hash_elements, hash_encoded};

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
    pub g_table: &'a G::Table,
    pub y: &'a G::Element,
    pub y_table: &'a G::Table,
}

impl<G: Group> ProofContext<'_, G> {
    /// `g^w` for a secret `w`.
    pub fn secret_g(&self, w: &SecretScalar) -> G::Element {
        self.group.secret_pow(self.group.generator(), w)
    }

    /// `y^w` for a secret `w`.
    pub fn secret_y(&self, w: &SecretScalar) -> G::Element {
        self.group.secret_pow(self.y, w)
    }

    /// The commitments of one branch of a disjunctive proof about `(α, β)` and the plaintext `M` (spec §4.12),
    /// given `α^challenge` and `β^challenge`:
    /// `A = g^response · α^challenge` and `B = y^response · (β / g^M)^challenge = y^response · β^challenge ·
    /// g^(−M·challenge mod q)`, so that `g` and `y` are only raised with their fixed-base tables.
    /// The same commitments from `α` and `β` themselves, in one multi-power each, for a group that has one
    /// ([`Group::vartime_multi_pow`]); `None` otherwise.
    fn vartime_fused_branch(
        &self,
        proof: &Proof,
        ciphertext: (&G::Element, &G::Element),
        plaintext: i64,
    ) -> Option<(G::Element, G::Element)> {
        let group = self.group;
        let g = group.generator();
        let a = group.vartime_multi_pow(&[(g, &proof.response), (ciphertext.0, &proof.challenge)])?;
        let mut exponent = Integer::from(&proof.challenge * plaintext);
        exponent = -exponent;
        exponent.modulo_mut(group.order());
        let rest = [(ciphertext.1, &proof.challenge), (g, &exponent)];
        let b = match group.vartime_table_multi_pow(self.y_table, self.y, &proof.response, &rest) {
            Some(b) => b,
            None => group.vartime_multi_pow(&[(self.y, &proof.response), rest[0], rest[1]])?,
        };
        Some((a, b))
    }

    fn vartime_branch(
        &self,
        proof: &Proof,
        alpha_power: &G::Element,
        beta_power: &G::Element,
        plaintext: i64,
    ) -> (G::Element, G::Element) {
        let group = self.group;
        let a = group.mul(&group.vartime_table_pow(self.g_table, &proof.response), alpha_power);
        let mut b = group.mul(&group.vartime_table_pow(self.y_table, &proof.response), beta_power);
        if plaintext != 0 {
            let mut exponent = Integer::from(&proof.challenge * plaintext);
            exponent = -exponent;
            exponent.modulo_mut(group.order());
            b = group.mul(&b, &group.vartime_table_pow(self.g_table, &exponent));
        }
        (a, b)
    }

    /// The commitments of the branches `branches` (indices into `proofs` and `plaintexts`) of a disjunctive proof
    /// about one ciphertext, written into `commitments[2j]`, `commitments[2j+1]`; the powers of `α` and `β` share
    /// their squarings.
    fn vartime_branches(
        &self,
        ciphertext: (&G::Element, &G::Element),
        proofs: &[Proof],
        plaintexts: &[i64],
        branches: &[usize],
        commitments: &mut [G::Element],
    ) {
        let group = self.group;
        let fused: Option<Vec<(G::Element, G::Element)>> = branches
            .iter()
            .map(|&j| {
                let (proof, plaintext) = (proofs.get(j)?, plaintexts.get(j)?);
                self.vartime_fused_branch(proof, ciphertext, *plaintext)
            })
            .collect();
        if let Some(fused) = fused {
            for (&j, (a, b)) in branches.iter().zip(fused) {
                if let Some(slot) = commitments.get_mut(2 * j) {
                    *slot = a;
                }
                if let Some(slot) = commitments.get_mut(2 * j + 1) {
                    *slot = b;
                }
            }
            return;
        }
        let challenges: Vec<&Integer> =
            branches.iter().filter_map(|&j| proofs.get(j)).map(|proof| &proof.challenge).collect();
        let alpha_powers = group.vartime_pow_many(ciphertext.0, &challenges);
        let beta_powers = group.vartime_pow_many(ciphertext.1, &challenges);
        for ((&j, alpha_power), beta_power) in branches.iter().zip(&alpha_powers).zip(&beta_powers) {
            if let (Some(proof), Some(&plaintext)) = (proofs.get(j), plaintexts.get(j)) {
                let (a, b) = self.vartime_branch(proof, alpha_power, beta_power, plaintext);
                if let Some(slot) = commitments.get_mut(2 * j) {
                    *slot = a;
                }
                if let Some(slot) = commitments.get_mut(2 * j + 1) {
                    *slot = b;
                }
            }
        }
    }
}

/// Why a disjunctive proof about a ciphertext read from a ballot was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IproofFailure {
    /// `α` is not in the group.
    AlphaNotInGroup,
    /// `β` is not in the group.
    BetaNotInGroup,
    /// The proof does not verify.
    Invalid,
}

/// Whether the caller already knows that a ciphertext's elements are in the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// The elements come from input: check them (on the same squarings as the proof, see [`Group`]).
    Check,
    /// The elements are products of checked elements, or the caller checks them all together afterwards
    /// ([`Group::vartime_all_members`]).
    Known,
}

/// Verifies a disjunctive proof that `(α, β) = (g^r, y^r · g^{M_j})` for one of the `M_j` (spec §4.12).
///
/// Hash input (spec §4.12): `"prove|" S "|" α "," β "|" A_0 "," B_0 "," … "," A_k "," B_k`, with
/// `A_j = g^{response_j} · α^{challenge_j}`, `B_j = y^{response_j} · (β / g^{M_j})^{challenge_j}`, and the check
/// `Σ challenge_j = H mod q`. With [`Membership::Check`] the group membership of `α` and `β` (spec `G.check`) is
/// decided first, exactly, on the same squarings as the powers.
pub fn vartime_verify_iproof<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    ciphertext: (&G::Element, &G::Element),
    plaintexts: &[i64],
    proofs: &[Proof],
    membership: Membership,
) -> Result<(), IproofFailure> {
    let group = context.group;
    let (alpha, beta) = ciphertext;
    if plaintexts.len() != proofs.len() {
        return Err(IproofFailure::Invalid);
    }
    let prefix = || {
        let encoded = group.encode_many(&[alpha, beta]);
        format!("prove|{}|{}|", statement, encoded.join(","))
    };
    let total = || {
        let mut total = Integer::new();
        for proof in proofs {
            total += &proof.challenge;
        }
        total.modulo_mut(group.order());
        total
    };
    // A group with multi-powers: membership decided on its own, each commitment in one pass.
    let fused: Option<Vec<(G::Element, G::Element)>> = proofs
        .iter()
        .zip(plaintexts)
        .map(|(proof, &plaintext)| context.vartime_fused_branch(proof, ciphertext, plaintext))
        .collect();
    if let Some(fused) = fused {
        if membership == Membership::Check {
            if !group.vartime_is_member(alpha) {
                return Err(IproofFailure::AlphaNotInGroup);
            }
            if !group.vartime_is_member(beta) {
                return Err(IproofFailure::BetaNotInGroup);
            }
        }
        // α, β and every commitment written with one field inversion among them.
        let commitments: Vec<G::Element> = fused.into_iter().flat_map(|(a, b)| [a, b]).collect();
        let mut elements = vec![alpha, beta];
        elements.extend(&commitments);
        let encoded = group.encode_many(&elements);
        let (ciphertext, commitments) = encoded.split_at(2);
        let prefix = format!("prove|{}|{}|", statement, ciphertext.join(","));
        return if hash_encoded(group, &prefix, commitments) == total() { Ok(()) } else { Err(IproofFailure::Invalid) };
    }
    let challenges: Vec<&Integer> = proofs.iter().map(|proof| &proof.challenge).collect();
    let (alpha_powers, beta_powers) = match membership {
        Membership::Check => (
            group.vartime_member_pow_many(alpha, &challenges).ok_or(IproofFailure::AlphaNotInGroup)?,
            group.vartime_member_pow_many(beta, &challenges).ok_or(IproofFailure::BetaNotInGroup)?,
        ),
        Membership::Known => (group.vartime_pow_many(alpha, &challenges), group.vartime_pow_many(beta, &challenges)),
    };
    let mut commitments = Vec::with_capacity(2 * proofs.len());
    for (((proof, &plaintext), alpha_power), beta_power) in
        proofs.iter().zip(plaintexts).zip(&alpha_powers).zip(&beta_powers)
    {
        let (a, b) = context.vartime_branch(proof, alpha_power, beta_power, plaintext);
        commitments.push(a);
        commitments.push(b);
    }
    if hash_elements(group, &prefix(), &commitments) == total() { Ok(()) } else { Err(IproofFailure::Invalid) }
}

/// Draws the challenge and response of every simulated branch (all but `true_index`) of a disjunctive proof.
fn simulated_proofs(q: &Integer, count: usize, true_index: usize, rng: &mut dyn CryptoRngCore) -> Vec<Proof> {
    (0..count)
        .map(|j| {
            if j == true_index {
                Proof { challenge: Integer::new(), response: Integer::new() }
            } else {
                Proof { challenge: random_scalar(q, rng), response: random_scalar(q, rng) }
            }
        })
        .collect()
}

/// Builds the proof of §4.12 (`iprove(S, r, i, M_0, …, M_k)`) for the true index `index`.
///
/// Simulated branches have random public challenges and responses, so their commitments are computed in variable
/// time; only the true branch's commitment `(g^w, y^w)` and response involve secrets.
#[allow(clippy::too_many_arguments)]
pub fn iprove<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    alpha: &G::Element,
    beta: &G::Element,
    r: &SecretScalar,
    index: usize,
    plaintexts: &[i64],
    rng: &mut dyn CryptoRngCore,
) -> Vec<Proof> {
    let group = context.group;
    let q = group.order();
    let mut proofs = simulated_proofs(q, plaintexts.len(), index, rng);
    let mut commitments = vec![group.identity(); 2 * plaintexts.len()];
    let simulated: Vec<usize> = (0..plaintexts.len()).filter(|&j| j != index).collect();
    context.vartime_branches((alpha, beta), &proofs, plaintexts, &simulated, &mut commitments);
    let mut total = Integer::new();
    for &j in &simulated {
        if let Some(proof) = proofs.get(j) {
            total += &proof.challenge;
        }
    }
    let w = random_secret(q, rng);
    if let Some(slot) = commitments.get_mut(2 * index) {
        *slot = context.secret_g(&w);
    }
    if let Some(slot) = commitments.get_mut(2 * index + 1) {
        *slot = context.secret_y(&w);
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
    let group = context.group;
    let q = group.order();
    let mut commitments = vec![group.identity(); 4];
    context.vartime_branches(blank, proofs, &[0, 0], &[0], &mut commitments);
    context.vartime_branches(sum, proofs, &[0, 0], &[1], &mut commitments);
    let mut total = Integer::from(&p0.challenge + &ps.challenge);
    total.modulo_mut(q);
    hash_elements(group, &format!("bproof0|{statement}|"), &commitments) == total
}

/// The plaintexts of the branches of a blank question's `overall_proof`: `1` for `m_0`, then `min…max` for `m_Σ`.
fn blank_overall_plaintexts(sum_plaintexts: &[i64]) -> Vec<i64> {
    std::iter::once(1).chain(sum_plaintexts.iter().copied()).collect()
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
    sum_plaintexts: &[i64],
    proofs: &[Proof],
) -> bool {
    let group = context.group;
    let q = group.order();
    if proofs.len() != sum_plaintexts.len() + 1 {
        return false;
    }
    let plaintexts = blank_overall_plaintexts(sum_plaintexts);
    let mut commitments = vec![group.identity(); 2 * proofs.len()];
    context.vartime_branches(blank, proofs, &plaintexts, &[0], &mut commitments);
    let rest: Vec<usize> = (1..proofs.len()).collect();
    context.vartime_branches(sum, proofs, &plaintexts, &rest, &mut commitments);
    let mut total = Integer::new();
    for proof in proofs {
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
    sum_plaintexts: &[i64],
    rng: &mut dyn CryptoRngCore,
) -> (Vec<Proof>, Vec<Proof>) {
    let group = context.group;
    let q = group.order();
    // blank_proof: (π_0, π_Σ); the true branch is π_0 when not blank (m_0 = 0), π_Σ when blank (m_Σ = 0).
    let blank_proof = {
        let true_index = usize::from(blank_vote);
        let (fake_ciphertext, true_secret) =
            if blank_vote { ((blank.0, blank.1), sum.2) } else { ((sum.0, sum.1), blank.2) };
        prove_either(context, &format!("bproof0|{statement}|"), fake_ciphertext, [0, 0], true_index, true_secret, rng)
    };
    // overall_proof: (π_0, π_1, …, π_k); the true branch is π_0 when blank, π_{1+sum_index} otherwise.
    let true_index = if blank_vote { 0 } else { 1 + sum_index };
    let plaintexts = blank_overall_plaintexts(sum_plaintexts);
    let count = plaintexts.len();
    let mut proofs = simulated_proofs(q, count, true_index, rng);
    let mut commitments = vec![group.identity(); 2 * count];
    if true_index != 0 {
        context.vartime_branches((blank.0, blank.1), &proofs, &plaintexts, &[0], &mut commitments);
    }
    let simulated_sum: Vec<usize> = (1..count).filter(|&j| j != true_index).collect();
    context.vartime_branches((sum.0, sum.1), &proofs, &plaintexts, &simulated_sum, &mut commitments);
    let mut total = Integer::new();
    for (j, proof) in proofs.iter().enumerate() {
        if j != true_index {
            total += &proof.challenge;
        }
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

/// Verifies one of a Lists answer's `list_proofs` (spec §4.14, Belenios 3): `L_i = 1 ∨ Σ_j C_i,j = 0`, about the
/// list's first ciphertext `(α_0, β_0)` (its name) and the product `(α, β)` of its candidates' ciphertexts.
///
/// Hash input: `"lproof|" S "|" A_0 "," B_0 "," A_1 "," B_1` with `A_0 = g^{r_0} α_0^{c_0}`,
/// `B_0 = y^{r_0} (β_0/g)^{c_0}`, `A_1 = g^{r_1} α^{c_1}`, `B_1 = y^{r_1} β^{c_1}`; check `c_0 + c_1 = H mod q`.
/// The elements are products of ciphertexts whose membership the individual proofs checked.
pub fn vartime_verify_list_proof<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    first: (&G::Element, &G::Element),
    candidates: (&G::Element, &G::Element),
    proofs: &[Proof],
) -> bool {
    let [p0, p1] = proofs else { return false };
    let group = context.group;
    let mut commitments = vec![group.identity(); 4];
    context.vartime_branches(first, proofs, &[1, 0], &[0], &mut commitments);
    context.vartime_branches(candidates, proofs, &[1, 0], &[1], &mut commitments);
    let mut total = Integer::from(&p0.challenge + &p1.challenge);
    total.modulo_mut(group.order());
    hash_elements(group, &format!("lproof|{statement}|"), &commitments) == total
}

/// Builds one of a Lists answer's `list_proofs` (3.0 spec §4.14) for a list whose first ciphertext (its name) is
/// `first` and whose candidates' product is `candidates`, each with its randomness; `chosen` is `L_i = 1`.
///
/// The true branch is π_0 (`L_i = 1`) when the list is chosen, π_1 (`Σ_j C_i,j = 0`) otherwise; the other one is
/// simulated with a random challenge and response. Hash input as in [`vartime_verify_list_proof`].
pub fn prove_list<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    first: (&G::Element, &G::Element, &SecretScalar),
    candidates: (&G::Element, &G::Element, &SecretScalar),
    chosen: bool,
    rng: &mut dyn CryptoRngCore,
) -> Vec<Proof> {
    let true_index = usize::from(!chosen);
    let (fake_ciphertext, true_secret) =
        if chosen { ((candidates.0, candidates.1), first.2) } else { ((first.0, first.1), candidates.2) };
    prove_either(context, &format!("lproof|{statement}|"), fake_ciphertext, [1, 0], true_index, true_secret, rng)
}

/// A two-branch proof over two ciphertexts (a blank proof, a list proof): branch `true_index` is proven with
/// `true_secret` (the randomness of its ciphertext, whose plaintext is 0 relative to the branch), the other is
/// simulated on `fake_ciphertext` with `plaintexts[other]`; the hash is of `prefix` and the four commitments.
fn prove_either<G: Group>(
    context: &ProofContext<'_, G>,
    prefix: &str,
    fake_ciphertext: (&G::Element, &G::Element),
    plaintexts: [i64; 2],
    true_index: usize,
    true_secret: &SecretScalar,
    rng: &mut dyn CryptoRngCore,
) -> Vec<Proof> {
    let group = context.group;
    let q = group.order();
    let fake_index = 1 - true_index;
    let mut proofs = simulated_proofs(q, 2, true_index, rng);
    let mut commitments = vec![group.identity(); 4];
    context.vartime_branches(fake_ciphertext, &proofs, &plaintexts, &[fake_index], &mut commitments);
    let w = random_secret(q, rng);
    if let Some(slot) = commitments.get_mut(2 * true_index) {
        *slot = context.secret_g(&w);
    }
    if let Some(slot) = commitments.get_mut(2 * true_index + 1) {
        *slot = context.secret_y(&w);
    }
    let hash = hash_elements(group, prefix, &commitments);
    let fake_challenge = proofs.get(fake_index).map(|p| p.challenge.clone()).unwrap_or_default();
    let mut challenge = Integer::from(&hash - &fake_challenge);
    challenge.modulo_mut(q);
    let response = sub_mul_mod(w.expose(), true_secret.expose(), &challenge, q);
    if let Some(slot) = proofs.get_mut(true_index) {
        *slot = Proof { challenge, response };
    }
    proofs
}

/// A Lists answer's `nonzero_proof` as written in JSON (spec §4.15, Belenios 3):
/// `{"commitment":G,"challenge":Zq,"response":[Zq,Zq]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonzeroProofJson {
    pub commitment: String,
    pub challenge: String,
    pub response: [String; 2],
}

/// A parsed `nonzero_proof`: the commitment decoded (its membership not checked yet), the scalars in `0..q`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonzeroProof<E> {
    pub commitment: E,
    pub challenge: Integer,
    pub response: [Integer; 2],
}

impl<E> NonzeroProof<E> {
    /// Decodes the commitment and range-checks the scalars.
    pub fn parse<G: Group<Element = E>>(group: &G, json: &NonzeroProofJson) -> Result<Self, Error> {
        let q = group.order();
        let [t1, t2] = &json.response;
        Ok(NonzeroProof {
            commitment: group.decode(&json.commitment).map_err(|e| e.context("commitment"))?,
            challenge: decode_scalar(&json.challenge, q).map_err(|e| e.context("challenge"))?,
            response: [
                decode_scalar(t1, q).map_err(|e| e.context("response 1"))?,
                decode_scalar(t2, q).map_err(|e| e.context("response 2"))?,
            ],
        })
    }
}

/// Verifies a Lists answer's `nonzero_proof` (spec §4.15, Belenios 3): `(α, β)`, the product of every candidate's
/// ciphertext, encrypts a non-zero value (at least one candidate is selected).
///
/// Checks that `A_0` (the commitment) is in the group and is not the identity, then the hash input
/// `"nonzero|" S "|" A_0 "," A_1 "," A_2` with `A_1 = α^{t_1} g^{t_2}` and `A_2 = β^{t_1} y^{t_2} A_0^c`
/// against `c`.
pub fn vartime_verify_nonzero_proof<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    candidates: (&G::Element, &G::Element),
    proof: &NonzeroProof<G::Element>,
) -> bool {
    let group = context.group;
    let (alpha, beta) = candidates;
    let [t1, t2] = &proof.response;
    if proof.commitment == group.identity() || !group.vartime_is_member(&proof.commitment) {
        return false;
    }
    let fused = group.vartime_multi_pow(&[(alpha, t1), (group.generator(), t2)]).zip(group.vartime_multi_pow(&[
        (beta, t1),
        (context.y, t2),
        (&proof.commitment, &proof.challenge),
    ]));
    let (a1, a2) = fused.unwrap_or_else(|| {
        let a1 = group.mul(&group.vartime_pow(alpha, t1), &group.vartime_table_pow(context.g_table, t2));
        let a2 = group.mul(
            &group.mul(&group.vartime_pow(beta, t1), &group.vartime_table_pow(context.y_table, t2)),
            &group.vartime_pow(&proof.commitment, &proof.challenge),
        );
        (a1, a2)
    });
    let commitments = [proof.commitment.clone(), a1, a2];
    hash_elements(group, &format!("nonzero|{statement}|"), &commitments) == proof.challenge
}

/// Builds a Lists answer's `nonzero_proof` (3.0 spec §4.15) that `(α, β) = (g^r, y^r g^m)` has `m ≠ 0`: with a random
/// `s ≠ 0`, `A_0 = β^s y^{−s·r}` (`= g^{s·m}`, not 1), `A_1 = α^{w_1} g^{w_2}`, `A_2 = β^{w_1} y^{w_2}`,
/// `c = H("nonzero|" S "|" A_0 "," A_1 "," A_2)`, `t_1 = w_1 − s·c`, `t_2 = w_2 + s·r·c`.
///
/// `None` when `A_0 = 1`, that is when `m = 0` and there is nothing true to prove.
pub fn prove_nonzero<G: Group>(
    context: &ProofContext<'_, G>,
    statement: &str,
    candidates: (&G::Element, &G::Element, &SecretScalar),
    rng: &mut dyn CryptoRngCore,
) -> Option<NonzeroProof<G::Element>> {
    let group = context.group;
    let q = group.order();
    let (alpha, beta, r) = candidates;
    let s = loop {
        let s = random_secret(q, rng);
        if *s.expose() != 0 {
            break s;
        }
    };
    // −s·r mod q and s·r·c mod q, kept secret.
    let sr = {
        let mut sr = Integer::from(s.expose() * r.expose());
        sr.modulo_mut(q);
        SecretScalar::new(sr)
    };
    let minus_sr = {
        let mut minus_sr = Integer::from(q - sr.expose());
        minus_sr.modulo_mut(q);
        SecretScalar::new(minus_sr)
    };
    let commitment = group.mul(&group.secret_pow(beta, &s), &context.secret_y(&minus_sr));
    if commitment == group.identity() {
        return None;
    }
    let w1 = random_secret(q, rng);
    let w2 = random_secret(q, rng);
    let a1 = group.mul(&group.secret_pow(alpha, &w1), &context.secret_g(&w2));
    let a2 = group.mul(&group.secret_pow(beta, &w1), &context.secret_y(&w2));
    let commitments = [commitment, a1, a2];
    let challenge = hash_elements(group, &format!("nonzero|{statement}|"), &commitments);
    let t1 = sub_mul_mod(w1.expose(), s.expose(), &challenge, q);
    let mut t2 = Integer::from(sr.expose() * &challenge);
    t2 += w2.expose();
    t2.modulo_mut(q);
    let [commitment, _, _] = commitments;
    Some(NonzeroProof { commitment, challenge, response: [t1, t2] })
}

impl<E> NonzeroProof<E> {
    /// The JSON form.
    pub fn to_json<G: Group<Element = E>>(&self, group: &G) -> NonzeroProofJson {
        let [t1, t2] = &self.response;
        NonzeroProofJson {
            commitment: group.encode(&self.commitment),
            challenge: self.challenge.to_string_radix(10),
            response: [t1.to_string_radix(10), t2.to_string_radix(10)],
        }
    }
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

/// As [`vartime_schnorr_verify`] for a `public` element read from input: with [`Membership::Check`], `None` when it
/// is not in the group (decided on the same squarings as `public^challenge`, see [`Group::vartime_member_pow_many`]).
pub fn vartime_member_schnorr_verify<G: Group>(
    context: &ProofContext<'_, G>,
    prefix: &str,
    public: &G::Element,
    proof: &Proof,
    membership: Membership,
) -> Option<bool> {
    let group = context.group;
    let fused = group.vartime_multi_pow(&[(group.generator(), &proof.response), (public, &proof.challenge)]);
    let commitment = match (fused, membership) {
        (Some(commitment), Membership::Known) => commitment,
        (Some(commitment), Membership::Check) => {
            if !group.vartime_is_member(public) {
                return None;
            }
            commitment
        }
        (None, _) => {
            let power = match membership {
                Membership::Check => group.vartime_member_pow_many(public, &[&proof.challenge])?.pop()?,
                Membership::Known => group.vartime_pow(public, &proof.challenge),
            };
            group.mul(&group.vartime_table_pow(context.g_table, &proof.response), &power)
        }
    };
    Some(hash_elements(group, prefix, &[commitment]) == proof.challenge)
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
    let fused = group
        .vartime_multi_pow(&[(group.generator(), &proof.response), (public, &proof.challenge)])
        .zip(group.vartime_multi_pow(&[(alpha, &proof.response), (factor, &proof.challenge)]));
    let (a, b) = fused.unwrap_or_else(|| {
        let left = group.vartime_table_pow(group.generator_table(), &proof.response);
        let a = group.mul(&left, &group.vartime_pow(public, &proof.challenge));
        let b = group.mul(&group.vartime_pow(alpha, &proof.response), &group.vartime_pow(factor, &proof.challenge));
        (a, b)
    });
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
