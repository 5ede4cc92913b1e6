//! The tally (spec §3.4, §4.15–§4.19): last-ballot-counts, the weighted encrypted tally, partial decryptions with
//! proofs, their combination and the result.

use std::collections::HashMap;

use rand_core::CryptoRngCore;
use rayon::prelude::*;
use rug::Integer;
use serde::{Deserialize, Serialize};

use crate::ballot::{Ciphertext, CiphertextJson, VerifiedBallot};
use crate::election::{Election, weight_from_json, weight_to_json};
use crate::error::{Error, parse_json};
use crate::group::Group;
use crate::proofs::{Proof, ProofJson, decrypt_prefix, prove_decryption, vartime_verify_decryption};
use crate::trustees::{TrusteeSecretKey, Trustees};

/// The encrypted tally: one row of ciphertexts per question (spec §4.16).
pub type EncryptedTally<E = Integer> = Vec<Vec<Ciphertext<E>>>;

/// `B̂ = last(B)` (spec §4.15): for each credential only its last ballot, in the order of those last ballots.
pub fn last_ballots<'b, G: Group>(
    group: &G,
    ballots: &'b [VerifiedBallot<G::Element>],
) -> Vec<&'b VerifiedBallot<G::Element>> {
    let keys = group.keys(&ballots.iter().map(|b| &b.credential).collect::<Vec<_>>());
    last_ballots_keyed(ballots, &keys).into_iter().map(|(b, _)| b).collect()
}

/// [`last_ballots`] when the key of each ballot's credential is known (`keys[i]` for `ballots[i]`), with the keys.
pub fn last_ballots_keyed<'b, 'k, B, K: std::hash::Hash + Eq>(ballots: &'b [B], keys: &'k [K]) -> Vec<(&'b B, &'k K)> {
    let mut last: HashMap<&K, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        last.insert(key, i);
    }
    ballots
        .iter()
        .zip(keys)
        .enumerate()
        .filter(|(i, (_, key))| last.get(key) == Some(i))
        .map(|(_, pair)| pair)
        .collect()
}

/// `C_ij = Π_k choices(answers(b_k)_i)_j ^ weight(b_k)` (spec §4.16), computed in parallel per question and choice.
///
/// A non-homomorphic question's row is instead the counted ballots' ciphertexts themselves (3.0 spec §4.18),
/// sorted ([`sort_ciphertexts`]) so that the row's order says nothing of the order of the ballots; every such
/// ballot must weigh 1 (a weight cannot be applied to a ballot that is decrypted on its own).
pub fn encrypted_tally<G: Group>(
    election: &Election<G>,
    ballots: &[(&VerifiedBallot<G::Element>, u64)],
) -> Result<EncryptedTally<G::Element>, Error> {
    let group = &election.group;
    election
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            if question.non_homomorphic {
                if let Some((ballot, weight)) = ballots.iter().find(|(_, w)| *w != 1) {
                    return Err(Error::invalid(format!(
                        "question {}: a ballot of weight {weight} (tracking number {}) cannot be counted in a \
                         non-homomorphic question, where every ballot weighs 1",
                        i + 1,
                        ballot.tracker
                    )));
                }
                let mut row: Vec<Ciphertext<G::Element>> =
                    ballots.iter().filter_map(|(b, _)| b.choices.get(i).and_then(|r| r.first()).cloned()).collect();
                sort_ciphertexts(group, &mut row);
                return Ok(row);
            }
            Ok((0..question.choice_count())
                .into_par_iter()
                .map(|j| {
                    let mut alpha = group.identity();
                    let mut beta = group.identity();
                    for (ballot, weight) in ballots {
                        if let Some(c) = ballot.choices.get(i).and_then(|row| row.get(j)) {
                            if *weight == 1 {
                                alpha = group.mul(&alpha, &c.alpha);
                                beta = group.mul(&beta, &c.beta);
                            } else {
                                let w = Integer::from(*weight);
                                alpha = group.mul(&alpha, &group.vartime_pow(&c.alpha, &w));
                                beta = group.mul(&beta, &group.vartime_pow(&c.beta, &w));
                            }
                        }
                    }
                    Ciphertext { alpha, beta }
                })
                .collect())
        })
        .collect()
}

/// Sorts a non-homomorphic row of ciphertexts as belenios-tool does (by `α`, then `β`, in
/// [`Group::belenios_order`]), so that the row's order says nothing of the order of the ballots, and so that
/// belenios-tool, which checks the first shuffle against the tally it recomputes from the ballots, checks it against
/// the same row.
pub fn sort_ciphertexts<G: Group>(group: &G, row: &mut [Ciphertext<G::Element>]) {
    row.sort_by(|x, y| group.belenios_order(&x.alpha, &y.alpha).then_with(|| group.belenios_order(&x.beta, &y.beta)));
}

/// The JSON of an encrypted tally, as belenios-tool writes it (a Lists question's row nested per list).
pub fn encrypted_tally_to_json<G: Group>(election: &Election<G>, tally: &EncryptedTally<G::Element>) -> String {
    let rows: Vec<serde_json::Value> = tally
        .iter()
        .zip(&election.questions)
        .map(|(row, question)| {
            let row: Vec<CiphertextJson> = row.iter().map(|c| c.to_json(&election.group)).collect();
            question.nest(&row)
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_default()
}

/// Rows written one per question (a Lists question's nested per list, 3.0 spec §4.16), made flat after checking
/// their shape against the election; `what` names them in errors.
fn flat_rows<G: Group, T: serde::de::DeserializeOwned>(
    election: &Election<G>,
    rows: &[serde_json::Value],
    what: &str,
) -> Result<Vec<Vec<T>>, Error> {
    if rows.len() != election.questions.len() {
        return Err(Error::invalid(format!(
            "{what} has {} questions, the election {}",
            rows.len(),
            election.questions.len()
        )));
    }
    rows.iter()
        .zip(&election.questions)
        .enumerate()
        .map(|(i, (row, question))| question.flatten(row, &format!("{what} question {}", i + 1)))
        .collect()
}

/// Parses an encrypted tally, checking its shape against the election.
pub fn parse_encrypted_tally<G: Group>(election: &Election<G>, raw: &str) -> Result<EncryptedTally<G::Element>, Error> {
    let rows: Vec<serde_json::Value> = parse_json("encrypted tally", raw)?;
    let rows: Vec<Vec<CiphertextJson>> = flat_rows(election, &rows, "encrypted tally")?;
    rows.iter().map(|row| row.iter().map(|c| Ciphertext::parse(&election.group, c)).collect()).collect()
}

/// Parses a partial decryption written for this election, its rows made flat (a Lists question's rows are nested
/// per list, 3.0 spec §4.18) after checking their shape.
pub fn parse_partial_decryption<G: Group>(election: &Election<G>, raw: &str) -> Result<PartialDecryptionJson, Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Json {
        decryption_factors: Vec<serde_json::Value>,
        decryption_proofs: Vec<serde_json::Value>,
    }
    let json: Json = parse_json("partial decryption", raw)?;
    Ok(PartialDecryptionJson {
        decryption_factors: flat_rows(election, &json.decryption_factors, "decryption_factors")?,
        decryption_proofs: flat_rows(election, &json.decryption_proofs, "decryption_proofs")?,
    })
}

/// `sized_encrypted_tally` (spec §4.16).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizedTally {
    pub num_tallied: u64,
    pub total_weight: u64,
    pub encrypted_tally: String,
}

impl SizedTally {
    /// `{"num_tallied":I,"total_weight":I,"encrypted_tally":H}`.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"num_tallied\":{},\"total_weight\":{},\"encrypted_tally\":{}}}",
            self.num_tallied,
            weight_to_json(self.total_weight),
            serde_json::Value::from(self.encrypted_tally.clone())
        )
    }

    /// Parses it.
    pub fn parse(raw: &str) -> Result<Self, Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Json {
            num_tallied: u64,
            total_weight: serde_json::Value,
            encrypted_tally: String,
        }
        let json: Json = parse_json("sized encrypted tally", raw)?;
        Ok(SizedTally {
            num_tallied: json.num_tallied,
            total_weight: weight_from_json(&json.total_weight)?,
            encrypted_tally: json.encrypted_tally,
        })
    }
}

/// `partial_decryption` (spec §4.18), fields in Belenios' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialDecryptionJson {
    pub decryption_factors: Vec<Vec<String>>,
    pub decryption_proofs: Vec<Vec<ProofJson>>,
}

/// A partial decryption as belenios-tool writes it for this election: a Lists question's rows nested per list
/// (3.0 spec §4.18); for every other question the same bytes as the flat form.
pub fn partial_decryption_to_json<G: Group>(election: &Election<G>, json: &PartialDecryptionJson) -> String {
    let nest = |rows: &[serde_json::Value]| serde_json::Value::Array(rows.to_vec());
    let factors: Vec<serde_json::Value> =
        json.decryption_factors.iter().zip(&election.questions).map(|(row, q)| q.nest(row)).collect();
    let proofs: Vec<serde_json::Value> =
        json.decryption_proofs.iter().zip(&election.questions).map(|(row, q)| q.nest(row)).collect();
    format!(
        "{{\"decryption_factors\":{},\"decryption_proofs\":{}}}",
        serde_json::to_string(&nest(&factors)).unwrap_or_default(),
        serde_json::to_string(&nest(&proofs)).unwrap_or_default()
    )
}

/// `owned` (spec §4.17, §4.18): `{"owner":I,"payload":H}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnedJson {
    pub owner: usize,
    pub payload: String,
}

/// Computes a partial decryption of the tally with a trustee's key (spec §4.18).
pub fn partial_decrypt<G: Group>(
    election: &Election<G>,
    tally: &EncryptedTally<G::Element>,
    key: &TrusteeSecretKey,
    rng: &mut dyn CryptoRngCore,
) -> PartialDecryptionJson {
    let group = &election.group;
    let public = group.secret_pow(group.generator(), &key.0);
    let prefix = decrypt_prefix(group, &election.fingerprint, &public);
    let mut factors = Vec::with_capacity(tally.len());
    let mut proofs = Vec::with_capacity(tally.len());
    for row in tally {
        let mut factor_row = Vec::with_capacity(row.len());
        let mut proof_row = Vec::with_capacity(row.len());
        for c in row {
            let (factor, proof) = prove_decryption(group, &prefix, &key.0, &c.alpha, rng);
            factor_row.push(group.encode(&factor));
            proof_row.push(proof.to_json());
        }
        factors.push(factor_row);
        proofs.push(proof_row);
    }
    PartialDecryptionJson { decryption_factors: factors, decryption_proofs: proofs }
}

/// Checks a partial decryption against the tally and the owner's public key; returns the factors.
pub fn verify_partial_decryption<G: Group>(
    election: &Election<G>,
    tally: &EncryptedTally<G::Element>,
    public: &G::Element,
    json: &PartialDecryptionJson,
) -> Result<Vec<G::Element>, Error> {
    let group = &election.group;
    let q = group.order();
    if json.decryption_factors.len() != tally.len() || json.decryption_proofs.len() != tally.len() {
        return Err(Error::invalid("decryption_factors or decryption_proofs has the wrong number of questions"));
    }
    let prefix = decrypt_prefix(group, &election.fingerprint, public);
    let mut jobs = Vec::new();
    for (i, ((row, factors), proofs)) in
        tally.iter().zip(&json.decryption_factors).zip(&json.decryption_proofs).enumerate()
    {
        if factors.len() != row.len() || proofs.len() != row.len() {
            return Err(Error::invalid(format!("question {}: decryption factors have the wrong length", i + 1)));
        }
        for (j, ((c, f), p)) in row.iter().zip(factors).zip(proofs).enumerate() {
            jobs.push((i, j, c, f, p));
        }
    }
    let results: Result<Vec<G::Element>, Error> = jobs
        .par_iter()
        .map(|(i, j, c, f, p)| {
            let where_ = format!("question {} choice {}", i + 1, j + 1);
            let factor = group.decode(f).map_err(|e| e.context(&format!("decryption_factors {where_}")))?;
            if !group.vartime_is_member(&factor) {
                return Err(Error::invalid(format!("decryption_factors {where_}: not in the group")));
            }
            let proof = Proof::parse(p, q).map_err(|e| e.context(&format!("decryption_proofs {where_}")))?;
            if !vartime_verify_decryption(group, &prefix, public, &c.alpha, &factor, &proof) {
                return Err(Error::invalid(format!("decryption_proofs {where_}")));
            }
            Ok(factor)
        })
        .collect();
    results
}

/// The result (spec §4.19): per question, the weighted count of each choice (blank count first when allowed),
/// from the factors belenios-tool combines ([`Trustees::first_selection`]).
pub fn compute_result<G: Group>(
    election: &Election<G>,
    tally: &EncryptedTally<G::Element>,
    trustees: &Trustees<G::Element>,
    factors_by_owner: &[Option<Vec<G::Element>>],
    total_weight: u64,
) -> Result<Vec<Vec<u64>>, Error> {
    let group = &election.group;
    let length = tally.iter().map(Vec::len).sum();
    let views: Vec<Option<&[G::Element]>> = factors_by_owner.iter().map(|f| f.as_deref()).collect();
    let combined = trustees.combine(group, &views, length)?;
    CountTable::new(election, tally, total_weight)
        .counts(election, tally, &combined)
        .ok_or_else(|| Error::invalid("a tally value is not a discrete log below the total weight"))
}

/// The discrete-log table of an election's counts, built once and used for as many combinations of decryption
/// factors as needed (see `BallotBox::prepare_result`).
pub(crate) struct CountTable<G: Group = crate::group::FfGroup>(BabySteps<G>);

impl<G: Group> CountTable<G> {
    /// A table for counts up to the total weight, sized for the tally's number of ciphertexts.
    pub(crate) fn new(election: &Election<G>, tally: &EncryptedTally<G::Element>, total_weight: u64) -> Self {
        let length = tally.iter().map(Vec::len).sum();
        CountTable(BabySteps::new(&election.group, total_weight, length))
    }

    /// The counts `log_g(β / F)` for these synthetic factors, or `None` when one is not below the total weight
    /// (a wrong decryption factor among those combined).
    pub(crate) fn counts(
        &self,
        election: &Election<G>,
        tally: &EncryptedTally<G::Element>,
        combined: &[G::Element],
    ) -> Option<Vec<Vec<u64>>> {
        let group = &election.group;
        let flat: Vec<&Ciphertext<G::Element>> = tally.iter().flatten().collect();
        if flat.len() != combined.len() {
            return None;
        }
        let widths = row_widths(election, tally);
        let values: Option<Vec<Vec<u64>>> = flat
            .par_iter()
            .zip(combined.par_iter())
            .zip(widths.par_iter())
            .map(|((c, f), &width)| {
                let m = group.mul(&c.beta, &group.invert(f));
                match width {
                    None => self.0.log(group, &m).map(|count| vec![count]),
                    Some(n) => Some(group.to_ints(&m, n).into_iter().map(u64::from).collect()),
                }
            })
            .collect();
        let values = values?;
        let mut out = Vec::with_capacity(tally.len());
        let mut rest = values.as_slice();
        for row in tally {
            let (counts, tail) = rest.split_at_checked(row.len())?;
            out.push(counts.concat());
            rest = tail;
        }
        Some(out)
    }
}

/// Checks a claimed result (spec §4.19) against the decryption: its shape, every count at most the total weight,
/// and `β / F = g^count` for each ciphertext, one exponentiation each instead of a discrete-log search.
pub fn check_result<G: Group>(
    election: &Election<G>,
    tally: &EncryptedTally<G::Element>,
    trustees: &Trustees<G::Element>,
    factors_by_owner: &[Option<Vec<G::Element>>],
    total_weight: u64,
    claimed: &[Vec<u64>],
) -> Result<(), Error> {
    let group = &election.group;
    let width = |i: usize| election.questions.get(i).map_or(1, |q| q.values_per_ciphertext());
    if claimed.len() != tally.len()
        || claimed.iter().zip(tally).enumerate().any(|(i, (c, row))| c.len() != row.len() * width(i))
    {
        return Err(Error::invalid("result does not have one count per question and choice"));
    }
    let flat: Vec<&Ciphertext<G::Element>> = tally.iter().flatten().collect();
    let views: Vec<Option<&[G::Element]>> = factors_by_owner.iter().map(|f| f.as_deref()).collect();
    let combined = trustees.combine(group, &views, flat.len())?;
    // A non-homomorphic question's ballots: each decrypts to its integers (`to_ints`), compared with the claim.
    let mut offset = 0;
    for (i, row) in tally.iter().enumerate() {
        let question = &election.questions[i];
        if question.non_homomorphic {
            let n = question.answers.len();
            row.par_iter().zip(&combined[offset..offset + row.len()]).enumerate().try_for_each(|(k, (c, f))| {
                let values = group.to_ints(&group.mul(&c.beta, &group.invert(f)), n);
                let claim = &claimed[i][k * n..(k + 1) * n];
                if values.iter().map(|&v| u64::from(v)).ne(claim.iter().copied()) {
                    return Err(Error::invalid(format!(
                        "result question {} ballot {}: {claim:?} is not the decryption of the mixed ballot",
                        i + 1,
                        k + 1
                    )));
                }
                Ok(())
            })?;
        }
        offset += row.len();
    }
    let counts: Vec<(usize, usize, u64)> = claimed
        .iter()
        .enumerate()
        .filter(|(i, _)| !election.questions[*i].non_homomorphic)
        .flat_map(|(i, row)| row.iter().enumerate().map(move |(j, &count)| (i, j, count)))
        .collect();
    let homomorphic = |(i, _): &(usize, &Ciphertext<G::Element>)| !election.questions[*i].non_homomorphic;
    let indexed: Vec<(usize, &Ciphertext<G::Element>)> =
        tally.iter().enumerate().flat_map(|(i, row)| row.iter().map(move |c| (i, c))).collect();
    let (flat, combined): (Vec<&Ciphertext<G::Element>>, Vec<&G::Element>) =
        indexed.iter().zip(&combined).filter(|(x, _)| homomorphic(x)).map(|((_, c), f)| (*c, f)).unzip();
    counts.par_iter().zip(flat.par_iter()).zip(combined.par_iter()).try_for_each(|(((i, j, count), c), f)| {
        let where_ = format!("result question {} choice {}", i + 1, j + 1);
        if *count > total_weight {
            return Err(Error::invalid(format!("{where_}: {count} is more than the total weight {total_weight}")));
        }
        let m = group.mul(&c.beta, &group.invert(f));
        if group.vartime_pow(group.generator(), &Integer::from(*count)) != m {
            return Err(Error::invalid(format!("{where_}: {count} is not the decryption of the tally")));
        }
        Ok(())
    })
}

/// Per ciphertext of the tally, flat: `None` for a count, `Some(n)` for a non-homomorphic ballot of `n` integers.
fn row_widths<G: Group>(election: &Election<G>, tally: &EncryptedTally<G::Element>) -> Vec<Option<usize>> {
    tally
        .iter()
        .zip(&election.questions)
        .flat_map(|(row, q)| std::iter::repeat_n(q.non_homomorphic.then_some(q.answers.len()), row.len()))
        .collect()
}

/// The result JSON of this election as belenios-tool writes it: a Lists question's counts nested per list, a
/// non-homomorphic question's one array of integers per ballot.
pub fn result_to_json_in<G: Group>(election: &Election<G>, result: &[Vec<u64>]) -> String {
    let rows: Vec<serde_json::Value> = result
        .iter()
        .zip(&election.questions)
        .map(|(row, question)| {
            let row: Vec<serde_json::Value> = row.iter().map(|&w| weight_to_json(w)).collect();
            if question.non_homomorphic {
                let n = question.answers.len().max(1);
                return serde_json::Value::Array(row.chunks(n).map(|b| serde_json::Value::Array(b.to_vec())).collect());
            }
            question.nest(&row)
        })
        .collect();
    format!("{{\"result\":{}}}", serde_json::to_string(&rows).unwrap_or_default())
}

/// The result JSON: `{"result":[[…],…]}` with weights as numbers or strings like Belenios.
pub fn result_to_json(result: &[Vec<u64>]) -> String {
    let rows: Vec<Vec<serde_json::Value>> =
        result.iter().map(|row| row.iter().map(|&w| weight_to_json(w)).collect()).collect();
    format!("{{\"result\":{}}}", serde_json::to_string(&rows).unwrap_or_default())
}

/// Parses the result JSON.
pub fn parse_result(raw: &str) -> Result<Vec<Vec<u64>>, Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Json {
        result: Vec<Vec<serde_json::Value>>,
    }
    let json: Json = parse_json("result", raw)?;
    json.result.iter().map(|row| row.iter().map(weight_from_json).collect()).collect()
}

/// Parses the result JSON of this election, its rows made flat (a Lists question's counts are nested per list,
/// 3.0 spec §4.19) after checking their shape.
pub fn parse_result_in<G: Group>(election: &Election<G>, raw: &str) -> Result<Vec<Vec<u64>>, Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Json {
        result: Vec<serde_json::Value>,
    }
    let json: Json = parse_json("result", raw)?;
    let rows: Vec<Vec<serde_json::Value>> = flat_rows(election, &json.result, "result")?;
    rows.iter()
        .zip(&election.questions)
        .enumerate()
        .map(|(i, (row, question))| {
            if !question.non_homomorphic {
                return row.iter().map(weight_from_json).collect();
            }
            let n = question.answers.len();
            let mut flat = Vec::with_capacity(row.len() * n);
            for (k, ballot) in row.iter().enumerate() {
                let what = || format!("result question {} ballot {}", i + 1, k + 1);
                let values: Vec<u64> = serde_json::from_value(ballot.clone())
                    .map_err(|e| Error::Json { what: what(), message: e.to_string() })?;
                if values.len() != n {
                    return Err(Error::invalid(format!("{}: {} integers, expected {n}", what(), values.len())));
                }
                flat.extend(values);
            }
            Ok(flat)
        })
        .collect()
}

/// Baby-step giant-step discrete logarithms in base g below a bound (the total weight).
///
/// The baby-step table holds at most `MAX_BABY_STEPS` elements whatever the bound read from the archive, so a huge
/// total weight costs time in giant steps, never unbounded memory (and the bound is at most
/// [`crate::election::MAX_TOTAL_WEIGHT`]). The table is shared by every value searched, so it is sized for all of
/// them: `√(bound × values)` baby steps balance building it against the giant steps of each search.
struct BabySteps<G: Group> {
    steps: HashMap<G::Key, u64>,
    width: u64,
    giant: G::Element,
    bound: u64,
}

/// 2^18 baby steps: about 70 MB of 2048-bit elements, enough for total weights up to 2^36 in 2^18 giant steps.
const MAX_BABY_STEPS: u64 = 1 << 18;

impl<G: Group> BabySteps<G> {
    fn new(group: &G, bound: u64, values: usize) -> Self {
        let balanced = (bound as f64 * values.max(1) as f64).sqrt() as u64;
        let width = balanced.clamp(1, MAX_BABY_STEPS).min(bound) + 1;
        let mut steps = HashMap::with_capacity(width as usize);
        let mut current = group.identity();
        for i in 0..width {
            steps.entry(group.key(&current)).or_insert(i);
            current = group.mul(&current, group.generator());
        }
        // current = g^width; the giant step is g^-width.
        let giant = group.invert(&current);
        BabySteps { steps, width, giant, bound }
    }

    fn log(&self, group: &G, x: &G::Element) -> Option<u64> {
        let mut current = x.clone();
        let mut base = 0u64;
        while base <= self.bound {
            if let Some(i) = self.steps.get(&group.key(&current)) {
                let m = base.checked_add(*i)?;
                return (m <= self.bound).then_some(m);
            }
            current = group.mul(&current, &self.giant);
            base = base.checked_add(self.width)?;
        }
        None
    }
}
