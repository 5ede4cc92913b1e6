//! The mixnet of Belenios 3 (spec 3.0 §4.19 and §6, taken from CHVote 1.3.2): re-encrypt and permute the ciphertexts
//! of the non-homomorphic questions, with a proof that the output is a shuffle of the input, and check such proofs.
//!
//! Who calls what:
//! - A shuffler (a trustee, or the server on its behalf) calls [`shuffle_all`] on the columns of non-homomorphic
//!   ciphertexts (the encrypted tally's, or the previous shuffle's output) and writes
//!   [`Shuffle::to_json_string`] into the archive, followed by `{"owner":N,"payload":<SHA-256 hex of it>}` as the
//!   `Shuffle` event's payload. The bytes are those belenios-tool 3.0 writes, so it verifies them and decrypts on them.
//! - The archive verifier reads each shuffle with [`Shuffle::parse`] (canonical encodings, scalars below `q`, lengths,
//!   every element in the group) and checks it against its input with [`verify_shuffle`]; the next shuffle's input is
//!   this one's [`Shuffle::ciphertexts`]. A [`ShuffleContext`] holds the generators `h`, `h_0 … h_{N−1}` and the
//!   tables, so a verifier checking several shuffles derives them once.
//! - Every refusal names the question (numbered from 1) and the field or equation that failed (`t1`, `t2`, `t3`,
//!   `t41`, `t42`, `t̂ i`), so a tampered archive says what was tampered.
//!
//! Hash inputs (spec §6 tables 11, 12 and 14; `mixnet.ml`), `|` and `,` being literal characters and `G` the string
//! form of an element as [`Group::encode`] writes it:
//! - `JeK` = `α1,β1,α2,β2,…,αN,βN,` and `JcK` = `c1,c2,…,cN,` (each element followed by a comma);
//! - `u_i = SHA256(H ‖ T_i) mod q` for `i = 0 … N−1`, where `H` = SHA-256 in hex of
//!   `shuffle-challenges|φ|JeKJe′KJcK` and `T_i` = SHA-256 in hex of `i` in decimal (the hash of the 128 hex digits);
//! - `c = SHA256(shuffle-challenge|φ|J[t1,t2,t3,t41,t42]KJ[t̂1,…,t̂N]KJeKJe′KJcKJĉKy) mod q`, `y` without a comma.
//!
//! Speed. The prover writes the commitment chain in closed form, `ĉ_i = g^{R_i} h^{U_i}` with `U_i = Π_{j≤i} u′_j`
//! and `R_i = r̂_i + u′_i R_{i−1}`, so that every power but three multi-powers is of the fixed bases `g`, `h` or `y`
//! (constant-time tables on Ed25519), computed in parallel. The verifier, on a group with a multi-power
//! ([`Group::vartime_multi_pow`], Ed25519), checks all `N + 5` equations at once as one random linear combination
//! with 128-bit weights derived from the whole proof, which is one multi-scalar multiplication of `8N + 8` points;
//! only when it fails are the equations checked one by one to name the first that fails. Negative exponents are
//! written `q − e`, so no element is ever inverted.
//!
//! Secrets: the permutation, the re-encryption randomness and every `ω` are [`SecretScalar`]s (or wiped on drop) and
//! raised only with [`Group::secret_table_pow`] and [`Group::secret_multi_pow`]. Arithmetic modulo `q` on them is
//! GMP's, as everywhere in the crate, and applying the permutation indexes memory by it, as Belenios does.

use std::sync::OnceLock;

use rand_core::CryptoRngCore;
use rayon::prelude::*;
use rug::Integer;
use rug::integer::Order;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroize;

use crate::ballot::{Ciphertext, CiphertextJson};
use crate::election::sha256_hex;
use crate::error::{Error, parse_json};
use crate::group::{Group, SecretScalar, decode_scalar, hash_to_scalar};
use crate::proofs::random_secret;

/// `shuffle_commitment_rand` (§4.19): `[t1, t2, t3, [t41, t42], [t̂1, …, t̂N]]`.
pub type CommitmentsJson = (String, String, String, (String, String), Vec<String>);
/// `shuffle_response` (§4.19): `[s1, s2, s3, s4, [ŝ1, …, ŝN], [s′1, …, s′N]]`, decimal scalars.
pub type ResponsesJson = (String, String, String, String, Vec<String>, Vec<String>);
/// `shuffle_proof` (§4.19): `[t, s, c, ĉ]`, `c` the permutation commitments and `ĉ` the chained commitments.
pub type ShuffleProofJson = (CommitmentsJson, ResponsesJson, Vec<String>, Vec<String>);

/// `shuffle` (§4.19), fields in Belenios' order: one array of ciphertexts and one proof per non-homomorphic question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShuffleJson {
    pub ciphertexts: Vec<Vec<CiphertextJson>>,
    pub proofs: Vec<ShuffleProofJson>,
}

/// `owned_shuffle` (§4.19): the payload of a `Shuffle` event, `{"owner":N,"payload":H}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnedJson {
    pub owner: u32,
    pub payload: String,
}

impl OwnedJson {
    /// The owned wrapper of a shuffle's exact bytes, as `belenios-tool election shuffle` prints it on its second line.
    pub fn of(owner: u32, shuffle_json: &str) -> Self {
        OwnedJson { owner, payload: sha256_hex(shuffle_json.as_bytes()) }
    }
}

/// A shuffle proof of one question (spec §6 table 4, `π = (t, s, c, ĉ)`), every element in the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShuffleProof<E> {
    pub t1: E,
    pub t2: E,
    pub t3: E,
    pub t41: E,
    pub t42: E,
    pub t_hat: Vec<E>,
    pub s1: Integer,
    pub s2: Integer,
    pub s3: Integer,
    pub s4: Integer,
    pub s_hat: Vec<Integer>,
    pub s_prime: Vec<Integer>,
    /// `c`: the permutation commitments.
    pub commitments: Vec<E>,
    /// `ĉ`: the chained commitments.
    pub chain: Vec<E>,
}

/// One question's shuffled ciphertexts and their proof, parsed (every element in the group) but not yet verified;
/// the JSON strings are kept, since they are what the challenges hash.
#[derive(Clone, Debug)]
pub struct QuestionShuffle<E> {
    /// The question's number among the non-homomorphic ones, from 1 (for messages).
    number: usize,
    ciphertexts: Vec<Ciphertext<E>>,
    ciphertexts_json: Vec<CiphertextJson>,
    proof: ShuffleProof<E>,
    proof_json: ShuffleProofJson,
}

impl<E> QuestionShuffle<E> {
    /// The shuffled ciphertexts `e′`.
    pub fn ciphertexts(&self) -> &[Ciphertext<E>] {
        &self.ciphertexts
    }

    /// The proof.
    pub fn proof(&self) -> &ShuffleProof<E> {
        &self.proof
    }
}

/// A whole shuffle (§4.19): one [`QuestionShuffle`] per non-homomorphic question, in order.
#[derive(Clone, Debug)]
pub struct Shuffle<E> {
    questions: Vec<QuestionShuffle<E>>,
}

impl<E: Clone + Send + Sync> Shuffle<E> {
    /// Parses a shuffle as written in the archive: JSON of the §4.19 shape, each element canonical and in the group,
    /// each scalar below `q`, one proof per column, and every array of a proof as long as its column.
    pub fn parse<G: Group<Element = E>>(group: &G, raw: &str) -> Result<Self, Error> {
        let json: ShuffleJson = parse_json("shuffle", raw)?;
        Self::from_json(group, json)
    }

    /// Checks and decodes the JSON form (see [`Shuffle::parse`]).
    pub fn from_json<G: Group<Element = E>>(group: &G, json: ShuffleJson) -> Result<Self, Error> {
        if json.ciphertexts.len() != json.proofs.len() {
            return Err(Error::invalid(format!(
                "shuffle: {} columns of ciphertexts but {} proofs",
                json.ciphertexts.len(),
                json.proofs.len()
            )));
        }
        let questions = json
            .ciphertexts
            .into_iter()
            .zip(json.proofs)
            .enumerate()
            .map(|(index, (ciphertexts_json, proof_json))| {
                parse_question(group, index + 1, ciphertexts_json, proof_json)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Shuffle { questions })
    }

    /// The JSON form.
    pub fn to_json(&self) -> ShuffleJson {
        ShuffleJson {
            ciphertexts: self.questions.iter().map(|q| q.ciphertexts_json.clone()).collect(),
            proofs: self.questions.iter().map(|q| q.proof_json.clone()).collect(),
        }
    }

    /// The exact bytes belenios-tool writes: compact JSON, fields and tuples in the order of §4.19.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(&self.to_json()).unwrap_or_default()
    }

    /// The questions' shuffles.
    pub fn questions(&self) -> &[QuestionShuffle<E>] {
        &self.questions
    }

    /// The shuffled ciphertexts, one column per non-homomorphic question: the next shuffle's input, or what the
    /// trustees decrypt after the last one.
    pub fn ciphertexts(&self) -> Vec<Vec<Ciphertext<E>>> {
        self.questions.iter().map(|q| q.ciphertexts.clone()).collect()
    }
}

/// Decodes an element and checks it is in the group, naming `what` when it is not.
fn member<G: Group>(group: &G, text: &str, what: &dyn Fn() -> String) -> Result<G::Element, Error> {
    let element = group.decode(text).map_err(|e| e.context(&what()))?;
    if !group.vartime_is_member(&element) {
        return Err(Error::invalid(format!("{} is not in the group", what())));
    }
    Ok(element)
}

/// Decodes elements in parallel; the error is the first in order.
fn members<G: Group>(
    group: &G,
    texts: &[String],
    what: &(dyn Fn(usize) -> String + Sync),
) -> Result<Vec<G::Element>, Error> {
    let results: Vec<Result<G::Element, Error>> =
        texts.par_iter().enumerate().map(|(i, text)| member(group, text, &|| what(i + 1))).collect();
    results.into_iter().collect()
}

fn scalars(q: &Integer, texts: &[String], what: &dyn Fn(usize) -> String) -> Result<Vec<Integer>, Error> {
    texts.iter().enumerate().map(|(i, text)| decode_scalar(text, q).map_err(|e| e.context(&what(i + 1)))).collect()
}

fn parse_question<G: Group>(
    group: &G,
    number: usize,
    ciphertexts_json: Vec<CiphertextJson>,
    proof_json: ShuffleProofJson,
) -> Result<QuestionShuffle<G::Element>, Error> {
    let at = |field: &str| format!("shuffle question {number}: {field}");
    let n = ciphertexts_json.len();
    let ((t1, t2, t3, (t41, t42), t_hat), (s1, s2, s3, s4, s_hat, s_prime), commitments, chain) = &proof_json;
    for (name, length) in
        [("t̂", t_hat.len()), ("ŝ", s_hat.len()), ("s′", s_prime.len()), ("c", commitments.len()), ("ĉ", chain.len())]
    {
        if length != n {
            return Err(Error::invalid(format!("{} has {length} elements for {n} ciphertexts", at(name))));
        }
    }
    let q = group.order();
    let scalar = |text: &str, name: &str| decode_scalar(text, q).map_err(|e| e.context(&at(name)));
    let alpha_beta: Vec<Result<Ciphertext<G::Element>, Error>> = ciphertexts_json
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(Ciphertext {
                alpha: member(group, &c.alpha, &|| at(&format!("ciphertext {} alpha", i + 1)))?,
                beta: member(group, &c.beta, &|| at(&format!("ciphertext {} beta", i + 1)))?,
            })
        })
        .collect();
    let ciphertexts = alpha_beta.into_iter().collect::<Result<Vec<_>, _>>()?;
    let proof = ShuffleProof {
        t1: member(group, t1, &|| at("t1"))?,
        t2: member(group, t2, &|| at("t2"))?,
        t3: member(group, t3, &|| at("t3"))?,
        t41: member(group, t41, &|| at("t41"))?,
        t42: member(group, t42, &|| at("t42"))?,
        t_hat: members(group, t_hat, &|i| at(&format!("t̂ {i}")))?,
        s1: scalar(s1, "s1")?,
        s2: scalar(s2, "s2")?,
        s3: scalar(s3, "s3")?,
        s4: scalar(s4, "s4")?,
        s_hat: scalars(q, s_hat, &|i| at(&format!("ŝ {i}")))?,
        s_prime: scalars(q, s_prime, &|i| at(&format!("s′ {i}")))?,
        commitments: members(group, commitments, &|i| at(&format!("c {i}")))?,
        chain: members(group, chain, &|i| at(&format!("ĉ {i}")))?,
    };
    Ok(QuestionShuffle { number, ciphertexts, ciphertexts_json, proof, proof_json })
}

/// What shuffling and checking need beyond the election: the group, the election key `y`, the fingerprint `φ`, the
/// generators `h = GetGenerator(−1)` and `h_i = GetGenerator(i)` (spec §6 tables 6–9), derived once in parallel,
/// and, for the prover only, fixed-base tables for `y` and `h`.
pub struct ShuffleContext<'a, G: Group> {
    group: &'a G,
    public_key: &'a G::Element,
    fingerprint: &'a str,
    h: G::Element,
    generators: Vec<G::Element>,
    y_table: OnceLock<G::Table>,
    h_table: OnceLock<G::Table>,
}

impl<'a, G: Group> ShuffleContext<'a, G> {
    /// Derives `h` and `h_0 … h_{n−1}`, enough for shuffles of up to `n` ciphertexts per question. Fails in the
    /// cases where the spec aborts: a generator that is the identity or `g`, or two that are equal (tables 8, 9).
    pub fn new(group: &'a G, public_key: &'a G::Element, fingerprint: &'a str, n: usize) -> Result<Self, Error> {
        let derive = |i: i64| {
            group
                .independent_generator(i)
                .ok_or_else(|| Error::invalid(format!("GetGenerator({i}) aborts: the identity or g")))
        };
        let h = derive(-1)?;
        let results: Vec<Result<G::Element, Error>> = (0..n as i64).into_par_iter().map(derive).collect();
        let generators = results.into_iter().collect::<Result<Vec<_>, _>>()?;
        let mut seen = std::collections::HashMap::with_capacity(n + 1);
        for (i, generator) in std::iter::once(&h).chain(&generators).enumerate() {
            if let Some(j) = seen.insert(group.key(generator), i as i64 - 1) {
                return Err(Error::invalid(format!("GetGenerator({}) collides with GetGenerator({j})", i as i64 - 1)));
            }
        }
        Ok(ShuffleContext {
            group,
            public_key,
            fingerprint,
            h,
            generators,
            y_table: OnceLock::new(),
            h_table: OnceLock::new(),
        })
    }

    fn generators(&self, n: usize) -> Result<&[G::Element], Error> {
        self.generators.get(..n).ok_or_else(|| {
            Error::Usage(format!("the shuffle context has {} generators, {n} are needed", self.generators.len()))
        })
    }

    /// Shuffles every column (one per non-homomorphic question) and proves each shuffle (§4.19).
    pub fn shuffle_all(
        &self,
        columns: &[Vec<Ciphertext<G::Element>>],
        rng: &mut dyn CryptoRngCore,
    ) -> Result<Shuffle<G::Element>, Error> {
        let questions = columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let shuffled = gen_shuffle(self, column, rng);
                gen_shuffle_proof(self, index + 1, column, shuffled, rng)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Shuffle { questions })
    }

    /// Checks a shuffle against its input columns (the encrypted tally's non-homomorphic columns, or the previous
    /// shuffle's output), each of whose elements the caller has checked to be in the group.
    pub fn verify(
        &self,
        input_columns: &[Vec<Ciphertext<G::Element>>],
        shuffle: &Shuffle<G::Element>,
    ) -> Result<(), Error> {
        if input_columns.len() != shuffle.questions.len() {
            return Err(Error::invalid(format!(
                "shuffle: {} columns for {} non-homomorphic questions",
                shuffle.questions.len(),
                input_columns.len()
            )));
        }
        input_columns
            .iter()
            .zip(&shuffle.questions)
            .try_for_each(|(input, question)| check_shuffle_proof(self, input, question))
    }
}

/// Shuffles every column and proves it (§4.19): what a trustee's `belenios-tool election shuffle` does.
pub fn shuffle_all<G: Group>(
    group: &G,
    public_key: &G::Element,
    fingerprint: &str,
    columns: &[Vec<Ciphertext<G::Element>>],
    rng: &mut dyn CryptoRngCore,
) -> Result<Shuffle<G::Element>, Error> {
    let n = columns.iter().map(Vec::len).max().unwrap_or(0);
    ShuffleContext::new(group, public_key, fingerprint, n)?.shuffle_all(columns, rng)
}

/// Checks a shuffle against its input columns (see [`ShuffleContext::verify`]).
pub fn verify_shuffle<G: Group>(
    group: &G,
    public_key: &G::Element,
    fingerprint: &str,
    input_columns: &[Vec<Ciphertext<G::Element>>],
    shuffle: &Shuffle<G::Element>,
) -> Result<(), Error> {
    let n = input_columns.iter().map(Vec::len).max().unwrap_or(0);
    ShuffleContext::new(group, public_key, fingerprint, n)?.verify(input_columns, shuffle)
}

/// A permutation `ψ` (`output i = input ψ[i]`), secret: wiped when dropped.
pub struct Permutation(Vec<usize>);

impl Drop for Permutation {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Permutation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Permutation(<hidden>)")
    }
}

/// The output of GenShuffle with its secrets, consumed by [`gen_shuffle_proof`].
#[derive(Debug)]
pub struct Shuffled<E> {
    pub ciphertexts: Vec<Ciphertext<E>>,
    /// `r′_j`: the randomness that re-encrypted input `j`.
    randomness: Vec<SecretScalar>,
    permutation: Permutation,
}

/// A uniform integer in `0..bound` (`bound > 0`), by rejection.
fn random_below(bound: usize, rng: &mut dyn CryptoRngCore) -> usize {
    let bound = bound as u64;
    let zone = u64::MAX - u64::MAX % bound;
    loop {
        let x = rng.next_u64();
        if x < zone {
            return (x % bound) as usize;
        }
    }
}

/// GenPermutation (table 2): a Fisher–Yates shuffle.
fn gen_permutation(n: usize, rng: &mut dyn CryptoRngCore) -> Permutation {
    let mut pool: Vec<usize> = (0..n).collect();
    let mut psi = Vec::with_capacity(n);
    for i in 0..n {
        let k = i + random_below(n - i, rng);
        psi.push(pool[k]);
        pool[k] = pool[i];
    }
    pool.zeroize();
    Permutation(psi)
}

/// GenShuffle (tables 1–3): `e′_i = (α_j g^{r′_j}, β_j y^{r′_j})` for `j = ψ(i)`.
pub fn gen_shuffle<G: Group>(
    context: &ShuffleContext<'_, G>,
    input: &[Ciphertext<G::Element>],
    rng: &mut dyn CryptoRngCore,
) -> Shuffled<G::Element> {
    let group = context.group;
    let q = group.order();
    let permutation = gen_permutation(input.len(), rng);
    let randomness: Vec<SecretScalar> = (0..input.len()).map(|_| random_secret(q, rng)).collect();
    let y_table = context.y_table.get_or_init(|| group.table(context.public_key));
    let g_table = group.generator_table();
    let reencrypted: Vec<Ciphertext<G::Element>> = input
        .par_iter()
        .zip(&randomness)
        .map(|(e, r)| Ciphertext {
            alpha: group.mul(&e.alpha, &group.secret_table_pow(g_table, group.generator(), r)),
            beta: group.mul(&e.beta, &group.secret_table_pow(y_table, context.public_key, r)),
        })
        .collect();
    let ciphertexts = permutation.0.iter().filter_map(|&j| reencrypted.get(j).cloned()).collect();
    Shuffled { ciphertexts, randomness, permutation }
}

/// `a + b·c mod q`.
fn add_mul(a: &Integer, b: &Integer, c: &Integer, q: &Integer) -> Integer {
    let mut x = Integer::from(b * c);
    x += a;
    x.modulo_mut(q);
    x
}

/// `q − x` for `x` in `0..q`, so that `base^{q−x} = base^{−x}` without an inversion (0 stays 0).
fn negate(x: &Integer, q: &Integer) -> Integer {
    let mut minus = Integer::from(q - x);
    minus.modulo_mut(q);
    minus
}

/// `JeK`: `α1,β1,…,αN,βN,`.
fn push_ciphertexts(out: &mut String, ciphertexts: &[CiphertextJson]) {
    for c in ciphertexts {
        out.push_str(&c.alpha);
        out.push(',');
        out.push_str(&c.beta);
        out.push(',');
    }
}

/// `JcK`: `c1,…,cN,`.
fn push_elements<'s>(out: &mut String, elements: impl IntoIterator<Item = &'s String>) {
    for e in elements {
        out.push_str(e);
        out.push(',');
    }
}

/// `JeKJe′KJcK` (table 11).
fn statement_string(input: &[CiphertextJson], output: &[CiphertextJson], commitments: &[String]) -> String {
    let element_len = input.first().map(|c| c.alpha.len() + 1).unwrap_or(0);
    let mut out = String::with_capacity(element_len * 5 * input.len() + 1);
    push_ciphertexts(&mut out, input);
    push_ciphertexts(&mut out, output);
    push_elements(&mut out, commitments);
    out
}

/// GetNIZKPChallenges (table 12): `u_i = SHA256(SHA256hex(shuffle-challenges|φ|strc) ‖ SHA256hex(i)) mod q`.
fn challenges(q: &Integer, fingerprint: &str, statement: &str, n: usize) -> Vec<Integer> {
    let head = sha256_hex(format!("shuffle-challenges|{fingerprint}|{statement}").as_bytes());
    (0..n)
        .into_par_iter()
        .map(|i| hash_to_scalar(&format!("{head}{}", sha256_hex(i.to_string().as_bytes())), q))
        .collect()
}

/// GetNIZKPChallenge (table 14) on `shuffle-challenge|φ|J[t1,t2,t3,t41,t42]KJ[t̂]K` + `strc` + `JĉK` + `y`.
fn challenge(q: &Integer, fingerprint: &str, proof: &ShuffleProofJson, statement: &str, public_key: &str) -> Integer {
    let ((t1, t2, t3, (t41, t42), t_hat), _, _, chain) = proof;
    let mut input = String::with_capacity(statement.len() * 2);
    input.push_str("shuffle-challenge|");
    input.push_str(fingerprint);
    input.push('|');
    push_elements(&mut input, [t1, t2, t3, t41, t42]);
    push_elements(&mut input, t_hat);
    input.push_str(statement);
    push_elements(&mut input, chain);
    input.push_str(public_key);
    hash_to_scalar(&input, q)
}

/// GenShuffleProof (table 4, with GenPermutationCommitment and GenCommitmentChain, tables 10 and 13), for the
/// non-homomorphic question numbered `number` (from 1).
pub fn gen_shuffle_proof<G: Group>(
    context: &ShuffleContext<'_, G>,
    number: usize,
    input: &[Ciphertext<G::Element>],
    shuffled: Shuffled<G::Element>,
    rng: &mut dyn CryptoRngCore,
) -> Result<QuestionShuffle<G::Element>, Error> {
    let group = context.group;
    let q = group.order();
    let g = group.generator();
    let g_table = group.generator_table();
    let h = &context.h;
    let h_table = context.h_table.get_or_init(|| group.table(h));
    let n = input.len();
    let generators = context.generators(n)?;
    let Shuffled { ciphertexts: output, randomness: reencryption, permutation } = shuffled;
    let psi = &permutation.0;
    if output.len() != n || psi.len() != n {
        return Err(Error::Usage("the shuffled ciphertexts are not as many as the input".to_owned()));
    }

    // The secrets, drawn in one place: the permutation commitments' r, the chain's r̂, the ω's.
    let mut draw = |count: usize| -> Vec<SecretScalar> { (0..count).map(|_| random_secret(q, rng)).collect() };
    let r = draw(n);
    let r_hat = draw(n);
    let omega = draw(4);
    let omega_hat = draw(n);
    let omega_prime = draw(n);

    // Table 10: c_{ψ(i)} = g^{r_{ψ(i)}} h_i.
    let by_output: Vec<G::Element> = psi
        .par_iter()
        .zip(generators)
        .map(|(&j, h_i)| group.mul(&group.secret_table_pow(g_table, g, &r[j]), h_i))
        .collect();
    let mut commitments = vec![group.identity(); n];
    for (&j, c) in psi.iter().zip(by_output) {
        commitments[j] = c;
    }

    let encode_all =
        |elements: &[G::Element]| -> Vec<String> { elements.par_iter().map(|e| group.encode(e)).collect() };
    let ciphertexts_json: Vec<CiphertextJson> = output.par_iter().map(|c| c.to_json(group)).collect();
    let input_json: Vec<CiphertextJson> = input.par_iter().map(|c| c.to_json(group)).collect();
    let commitments_json = encode_all(&commitments);
    let statement = statement_string(&input_json, &ciphertexts_json, &commitments_json);
    let u = challenges(q, context.fingerprint, &statement, n);
    let u_prime: Vec<SecretScalar> = psi.iter().map(|&j| SecretScalar::new(u[j].clone())).collect();

    // Table 13 in closed form: ĉ_i = g^{R_i} h^{U_i}, U_i = Π_{j≤i} u′_j, R_i = r̂_i + u′_i R_{i−1}; and
    // t̂_i = g^{ω̂_i} ĉ_{i−1}^{ω′_i} = g^{ω̂_i + ω′_i R_{i−1}} h^{ω′_i U_{i−1}}, with R_0 = 0, U_0 = 1.
    let mut chain_exponents = Vec::with_capacity(n);
    let mut t_hat_exponents = Vec::with_capacity(n);
    let (mut big_r, mut big_u) = (Integer::new(), Integer::from(1));
    for i in 0..n {
        let g_part = add_mul(omega_hat[i].expose(), omega_prime[i].expose(), &big_r, q);
        let h_part = add_mul(&Integer::new(), omega_prime[i].expose(), &big_u, q);
        t_hat_exponents.push((SecretScalar::new(g_part), SecretScalar::new(h_part)));
        big_r = add_mul(r_hat[i].expose(), u_prime[i].expose(), &big_r, q);
        big_u = add_mul(&Integer::new(), u_prime[i].expose(), &big_u, q);
        chain_exponents.push((SecretScalar::new(big_r.clone()), SecretScalar::new(big_u.clone())));
    }
    crate::group::wipe_integer(&mut big_r);
    crate::group::wipe_integer(&mut big_u);
    let fixed = |(a, b): &(SecretScalar, SecretScalar)| {
        group.mul(&group.secret_table_pow(g_table, g, a), &group.secret_table_pow(h_table, h, b))
    };
    let chain: Vec<G::Element> = chain_exponents.par_iter().map(fixed).collect();
    let t_hat: Vec<G::Element> = t_hat_exponents.par_iter().map(fixed).collect();

    let t1 = group.secret_table_pow(g_table, g, &omega[0]);
    let t2 = group.secret_table_pow(g_table, g, &omega[1]);
    let minus_omega4 = SecretScalar::new(negate(omega[3].expose(), q));
    let multi = |first: (&G::Element, &SecretScalar), bases: &[&G::Element]| -> G::Element {
        let mut terms: Vec<(&G::Element, &SecretScalar)> = Vec::with_capacity(n + 1);
        terms.push(first);
        terms.extend(bases.iter().copied().zip(&omega_prime));
        let chunk = terms.len().div_ceil(rayon::current_num_threads().max(1)).max(64);
        terms
            .par_chunks(chunk)
            .map(|part| group.secret_multi_pow(part))
            .reduce(|| group.identity(), |a, b| group.mul(&a, &b))
    };
    let t3 = multi((g, &omega[2]), &generators.iter().collect::<Vec<_>>());
    let t41 = multi((context.public_key, &minus_omega4), &output.iter().map(|c| &c.beta).collect::<Vec<_>>());
    let t42 = multi((g, &minus_omega4), &output.iter().map(|c| &c.alpha).collect::<Vec<_>>());

    let t_json: CommitmentsJson = (
        group.encode(&t1),
        group.encode(&t2),
        group.encode(&t3),
        (group.encode(&t41), group.encode(&t42)),
        encode_all(&t_hat),
    );
    let chain_json = encode_all(&chain);
    let mut proof_json: ShuffleProofJson = (t_json, Default::default(), commitments_json, chain_json);
    let c = challenge(q, context.fingerprint, &proof_json, &statement, &group.encode(context.public_key));

    // Step 17–23: the responses.
    let sum = |terms: &mut dyn Iterator<Item = Integer>| {
        let mut total = terms.fold(Integer::new(), |acc, x| acc + x);
        total.modulo_mut(q);
        total
    };
    // The secret sums are wrapped so that they are wiped when dropped.
    let r_bar = SecretScalar::new(sum(&mut r.iter().map(|x| x.expose().clone())));
    let mut v = vec![Integer::from(1); n];
    for i in (0..n.saturating_sub(1)).rev() {
        v[i] = Integer::from(u_prime[i + 1].expose() * &v[i + 1]) % q;
    }
    let v: Vec<SecretScalar> = v.into_iter().map(SecretScalar::new).collect();
    let r_hat_sum =
        SecretScalar::new(sum(&mut r_hat.iter().zip(&v).map(|(a, b)| Integer::from(a.expose() * b.expose()))));
    let r_tilde = SecretScalar::new(sum(&mut r.iter().zip(&u).map(|(a, b)| Integer::from(a.expose() * b))));
    let r_prime = SecretScalar::new(sum(&mut reencryption.iter().zip(&u).map(|(a, b)| Integer::from(a.expose() * b))));
    let s1 = add_mul(omega[0].expose(), &c, r_bar.expose(), q);
    let s2 = add_mul(omega[1].expose(), &c, r_hat_sum.expose(), q);
    let s3 = add_mul(omega[2].expose(), &c, r_tilde.expose(), q);
    let s4 = add_mul(omega[3].expose(), &c, r_prime.expose(), q);
    let s_hat: Vec<Integer> =
        omega_hat.iter().zip(&r_hat).map(|(w, x)| add_mul(w.expose(), &c, x.expose(), q)).collect();
    let s_prime: Vec<Integer> =
        omega_prime.iter().zip(&u_prime).map(|(w, x)| add_mul(w.expose(), &c, x.expose(), q)).collect();
    let decimal = |xs: &[Integer]| xs.iter().map(|x| x.to_string_radix(10)).collect::<Vec<_>>();
    proof_json.1 = (
        s1.to_string_radix(10),
        s2.to_string_radix(10),
        s3.to_string_radix(10),
        s4.to_string_radix(10),
        decimal(&s_hat),
        decimal(&s_prime),
    );
    let proof = ShuffleProof { t1, t2, t3, t41, t42, t_hat, s1, s2, s3, s4, s_hat, s_prime, commitments, chain };
    Ok(QuestionShuffle { number, ciphertexts: output, ciphertexts_json, proof, proof_json })
}

/// One equation of table 5, as terms whose product must be the identity.
struct Equation<'e, E> {
    name: String,
    terms: Vec<(&'e E, Integer)>,
}

/// `Π base^exponent` with the group's multi-power when it has one, else one power at a time.
fn vartime_product<G: Group>(group: &G, terms: &[(&G::Element, Integer)]) -> G::Element {
    let refs: Vec<(&G::Element, &Integer)> = terms.iter().map(|(b, e)| (*b, e)).collect();
    let chunk = refs.len().div_ceil(rayon::current_num_threads().max(1)).max(1024);
    if refs.len() > chunk {
        if let Some(product) = refs
            .par_chunks(chunk)
            .map(|part| group.vartime_multi_pow(part))
            .reduce(|| Some(group.identity()), |a, b| Some(group.mul(&a?, &b?)))
        {
            return product;
        }
    }
    group.vartime_multi_pow(&refs).unwrap_or_else(|| {
        refs.iter().fold(group.identity(), |acc, (base, exponent)| group.mul(&acc, &group.vartime_pow(base, exponent)))
    })
}

/// A 128-bit weight for the combined check: the first 16 bytes of `SHA256(seed ‖ index)`.
fn weight(seed: &[u8], index: u64) -> Integer {
    let digest = Sha256::new().chain_update(seed).chain_update(index.to_be_bytes()).finalize();
    Integer::from_digits(&digest[..16], Order::Msf)
}

/// CheckShuffleProof (table 5) for one question: the proof of `question` that its ciphertexts shuffle `input`.
///
/// The error names the question and the first equation that fails (`t1`, `t2`, `t3`, `t41`, `t42`, then `t̂ i`).
pub fn check_shuffle_proof<G: Group>(
    context: &ShuffleContext<'_, G>,
    input: &[Ciphertext<G::Element>],
    question: &QuestionShuffle<G::Element>,
) -> Result<(), Error> {
    let group = context.group;
    let q = group.order();
    let number = question.number;
    let n = input.len();
    if question.ciphertexts.len() != n {
        return Err(Error::invalid(format!(
            "shuffle question {number}: {} ciphertexts out for {n} in",
            question.ciphertexts.len()
        )));
    }
    let generators = context.generators(n)?;
    let proof = &question.proof;
    let input_json: Vec<CiphertextJson> = input.par_iter().map(|c| c.to_json(group)).collect();
    let statement = statement_string(&input_json, &question.ciphertexts_json, &question.proof_json.2);
    let u = challenges(q, context.fingerprint, &statement, n);
    let c = challenge(q, context.fingerprint, &question.proof_json, &statement, &group.encode(context.public_key));
    let minus_c = negate(&c, q);
    let minus_one = negate(&Integer::from(1), q);
    let product_u = u.iter().fold(Integer::from(1), |acc, x| (acc * x) % q);
    let minus_c_u: Vec<Integer> = u.iter().map(|x| Integer::from(&minus_c * x) % q).collect();
    let g = group.generator();
    let h = &context.h;
    let output = &question.ciphertexts;
    let last_chain = proof.chain.last().unwrap_or(h);

    if n > 0 && group.vartime_multi_pow(&[]).is_some() {
        // All equations at once: Σ z_k·(equation k) with weights from a hash of the challenge and the responses.
        let mut seed = Sha256::new().chain_update(b"kenes shuffle check|").chain_update(c.to_string_radix(16));
        let (_, responses, _, _) = &question.proof_json;
        for s in
            [&responses.0, &responses.1, &responses.2, &responses.3].into_iter().chain(&responses.4).chain(&responses.5)
        {
            seed.update(b",");
            seed.update(s.as_bytes());
        }
        let seed = seed.finalize();
        let z: Vec<Integer> = (0..n as u64 + 5).map(|k| weight(&seed, k)).collect();
        let (z1, z2, z3, z41, z42, z_hat) = (&z[0], &z[1], &z[2], &z[3], &z[4], &z[5..]);
        let m = |a: &Integer, b: &Integer| Integer::from(a * b) % q;
        let mut g_exponent = Integer::from(z1 * &proof.s1)
            + Integer::from(z2 * &proof.s2)
            + Integer::from(z3 * &proof.s3)
            + Integer::from(z42 * &negate(&proof.s4, q));
        for (zi, si) in z_hat.iter().zip(&proof.s_hat) {
            g_exponent += Integer::from(zi * si);
        }
        g_exponent.modulo_mut(q);
        let h_exponent = (m(&m(z2, &c), &product_u) + m(&z_hat[0], &proof.s_prime[0])) % q;
        let y_exponent = m(z41, &negate(&proof.s4, q));
        let z1_c = m(z1, &c);
        let mut terms: Vec<(&G::Element, Integer)> = Vec::with_capacity(8 * n + 8);
        terms.push((g, g_exponent));
        terms.push((h, h_exponent));
        terms.push((context.public_key, y_exponent));
        for i in 0..n {
            terms.push((&generators[i], (Integer::from(z3 * &proof.s_prime[i]) + &z1_c) % q));
            terms.push((&proof.commitments[i], m(&minus_c, &(Integer::from(z3 * &u[i]) + z1))));
            let chain_exponent = match (z_hat.get(i + 1), proof.s_prime.get(i + 1)) {
                (Some(z_next), Some(s_next)) => (m(&z_hat[i], &minus_c) + m(z_next, s_next)) % q,
                _ => m(&(Integer::from(&z_hat[i] + z2)), &minus_c),
            };
            terms.push((&proof.chain[i], chain_exponent));
            terms.push((&input[i].alpha, m(z42, &minus_c_u[i])));
            terms.push((&input[i].beta, m(z41, &minus_c_u[i])));
            terms.push((&output[i].alpha, m(z42, &proof.s_prime[i])));
            terms.push((&output[i].beta, m(z41, &proof.s_prime[i])));
            terms.push((&proof.t_hat[i], negate(&z_hat[i], q)));
        }
        for (t, zk) in [(&proof.t1, z1), (&proof.t2, z2), (&proof.t3, z3), (&proof.t41, z41), (&proof.t42, z42)] {
            terms.push((t, negate(zk, q)));
        }
        if vartime_product(group, &terms) == group.identity() {
            return Ok(());
        }
    }

    // One equation at a time, in the order of table 5, to name the first that fails.
    let mut equations: Vec<Equation<'_, G::Element>> = Vec::with_capacity(n + 5);
    let mut t1 = vec![(g, proof.s1.clone()), (&proof.t1, minus_one.clone())];
    t1.extend(proof.commitments.iter().map(|ci| (ci, minus_c.clone())));
    t1.extend(generators.iter().map(|hi| (hi, c.clone())));
    equations.push(Equation { name: "t1".to_owned(), terms: t1 });
    equations.push(Equation {
        name: "t2".to_owned(),
        terms: vec![
            (g, proof.s2.clone()),
            (last_chain, minus_c.clone()),
            (h, Integer::from(&c * &product_u) % q),
            (&proof.t2, minus_one.clone()),
        ],
    });
    let mut t3 = vec![(g, proof.s3.clone()), (&proof.t3, minus_one.clone())];
    t3.extend(proof.commitments.iter().zip(&minus_c_u).map(|(ci, e)| (ci, e.clone())));
    t3.extend(generators.iter().zip(&proof.s_prime).map(|(hi, s)| (hi, s.clone())));
    equations.push(Equation { name: "t3".to_owned(), terms: t3 });
    let minus_s4 = negate(&proof.s4, q);
    let mut t41 = vec![(context.public_key, minus_s4.clone()), (&proof.t41, minus_one.clone())];
    t41.extend(input.iter().zip(&minus_c_u).map(|(e, x)| (&e.beta, x.clone())));
    t41.extend(output.iter().zip(&proof.s_prime).map(|(e, s)| (&e.beta, s.clone())));
    equations.push(Equation { name: "t41".to_owned(), terms: t41 });
    let mut t42 = vec![(g, minus_s4), (&proof.t42, minus_one.clone())];
    t42.extend(input.iter().zip(&minus_c_u).map(|(e, x)| (&e.alpha, x.clone())));
    t42.extend(output.iter().zip(&proof.s_prime).map(|(e, s)| (&e.alpha, s.clone())));
    equations.push(Equation { name: "t42".to_owned(), terms: t42 });
    for i in 0..n {
        let previous = if i == 0 { h } else { &proof.chain[i - 1] };
        equations.push(Equation {
            name: format!("t̂ {}", i + 1),
            terms: vec![
                (g, proof.s_hat[i].clone()),
                (&proof.chain[i], minus_c.clone()),
                (previous, proof.s_prime[i].clone()),
                (&proof.t_hat[i], minus_one.clone()),
            ],
        });
    }
    let identity = group.identity();
    let results: Vec<bool> = equations.par_iter().map(|e| vartime_product(group, &e.terms) == identity).collect();
    match equations.iter().zip(results).find(|(_, holds)| !holds) {
        Some((equation, _)) => Err(Error::invalid(format!(
            "shuffle question {number}: the proof's equation for {} does not hold",
            equation.name
        ))),
        None if n > 0 && group.vartime_multi_pow(&[]).is_some() => Err(Error::invalid(format!(
            "shuffle question {number}: the combined check failed though each equation holds"
        ))),
        None => Ok(()),
    }
}
