//! Trustees (spec §3.1.1, §4.5–§4.7): "Single" keys, "Pedersen" threshold parameters, their checks, the election key
//! as the product of sub-keys, and the combination of partial decryptions with Lagrange coefficients (§4.19).
//!
//! "Pedersen" items are read in both forms belenios-tool writes: 2.0's, and 3.0's, whose certificates carry a
//! context, whose coefficient commitments are also signed together with all the certificates (`certs_sig`), and whose
//! verification keys are signed (spec 3.0 §4.5, §4.6; `PedersenForm` says how they are told apart).

use rand_core::CryptoRngCore;
use rug::Integer;
use serde::{Deserialize, Serialize};

use crate::error::{Error, parse_json};
use crate::group::{Group, SecretScalar, decode_scalar};
use crate::proofs::{
    Proof, ProofJson, pok_prefix, random_secret, schnorr_prove, sigmsg_prefix, vartime_schnorr_verify,
};

/// `trustee_public_key` (spec §4.5), fields in Belenios' order.
///
/// `signature` is Belenios 3's (spec 3.0 §4.5): a threshold trustee signs its verification key with its certified
/// signing key; it is absent from "Single" keys and from Belenios 2.0 threshold keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrusteePublicKeyJson {
    pub pok: ProofJson,
    pub public_key: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signature: Option<ProofJson>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
}

/// `signed_msg` (spec §4.6.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedMessageJson {
    pub message: String,
    pub signature: ProofJson,
}

/// `threshold_parameters` (spec §4.6.7).
///
/// `signatures` is Belenios 3's (spec 3.0 §4.6.4, written since Belenios 2.5.1): trustee `i`'s signature over all the
/// certificates and its own coefficient commitments. Its presence is what tells a Belenios 3 item from a 2.0 one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdParametersJson {
    pub threshold: usize,
    pub certs: Vec<SignedMessageJson>,
    pub coefexps: Vec<SignedMessageJson>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signatures: Option<Vec<ProofJson>>,
    pub verification_keys: Vec<TrusteePublicKeyJson>,
}

/// `cert_keys` (spec §4.6.2): `context` is Belenios 3's, absent in 2.0.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CertKeysJson {
    #[serde(default)]
    context: Option<CertContextJson>,
    verification: String,
    encryption: String,
}

/// A Belenios 3 certificate's `context` (spec 3.0 §4.6.2): the group, how many trustees take part, the threshold and
/// the certificate owner's position from 1. Signed with the certificate, it keeps a certificate from being replayed in
/// another ceremony, group or position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertContextJson {
    pub group: String,
    pub size: usize,
    pub threshold: usize,
    pub index: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoefexpsJson {
    coefexps: Vec<String>,
}

/// One item of the trustees structure, checked.
#[derive(Clone, Debug)]
pub enum TrusteeKind<E = Integer> {
    /// A mandatory trustee with its public key.
    Single { public_key: E },
    /// A threshold group: `threshold` of the verification keys are needed; `sub_key = Π A_i0`.
    Pedersen { threshold: usize, verification_keys: Vec<E>, sub_key: E },
}

impl<E> TrusteeKind<E> {
    /// How many partial decryption owners this item covers.
    pub fn owner_count(&self) -> usize {
        match self {
            TrusteeKind::Single { .. } => 1,
            TrusteeKind::Pedersen { verification_keys, .. } => verification_keys.len(),
        }
    }
}

/// The trustees of an election, checked (spec §4.7).
#[derive(Clone, Debug)]
pub struct Trustees<E = Integer> {
    pub kinds: Vec<TrusteeKind<E>>,
}

fn check_trustee_key<G: Group>(group: &G, json: &TrusteePublicKeyJson, what: &str) -> Result<G::Element, Error> {
    let public_key = group.decode(&json.public_key).map_err(|e| e.context(what))?;
    if !group.vartime_is_member(&public_key) {
        return Err(Error::invalid(format!("{what}: public_key is not in the group")));
    }
    let proof = Proof::parse(&json.pok, group.order()).map_err(|e| e.context(&format!("{what} pok")))?;
    if !vartime_schnorr_verify(group, &pok_prefix(group, &public_key), &public_key, &proof) {
        return Err(Error::invalid(format!("{what}: proof of knowledge (pok)")));
    }
    Ok(public_key)
}

fn check_signed<G: Group>(group: &G, message: &SignedMessageJson, key: &G::Element, what: &str) -> Result<(), Error> {
    let proof = Proof::parse(&message.signature, group.order()).map_err(|e| e.context(what))?;
    if !vartime_schnorr_verify(group, &sigmsg_prefix(&message.message), key, &proof) {
        return Err(Error::invalid(format!("{what}: signature")));
    }
    Ok(())
}

impl<E: Clone + PartialEq> Trustees<E> {
    /// Parses and checks `trustees.json`: every pok, every certificate and coefexps signature, and that Pedersen
    /// verification keys are `Π_i Π_k A_ik^(j^k)` (Belenios `check_pedersen`); for Belenios 3 threshold items also
    /// every certificate's context, the `certs_sig` signatures and each verification key's signature.
    pub fn parse<G: Group<Element = E>>(group: &G, raw: &str) -> Result<Self, Error> {
        let items: Vec<(String, serde_json::Value)> = parse_json("trustees", raw)?;
        let mut kinds = Vec::with_capacity(items.len());
        for (index, (kind, value)) in items.into_iter().enumerate() {
            let what = format!("trustee {}", index + 1);
            match kind.as_str() {
                "Single" => {
                    let json: TrusteePublicKeyJson = serde_json::from_value(value)
                        .map_err(|e| Error::Json { what: what.clone(), message: e.to_string() })?;
                    // Only threshold verification keys are signed (spec 3.0 §4.5): nothing certifies a key to check
                    // a "Single" signature against, and kenes does not keep what it cannot check.
                    if json.signature.is_some() {
                        return Err(Error::invalid(format!(
                            "{what}: a \"Single\" key has no signature (only threshold verification keys are signed)"
                        )));
                    }
                    kinds.push(TrusteeKind::Single { public_key: check_trustee_key(group, &json, &what)? });
                }
                "Pedersen" => {
                    let json: ThresholdParametersJson = serde_json::from_value(value)
                        .map_err(|e| Error::Json { what: what.clone(), message: e.to_string() })?;
                    kinds.push(check_pedersen(group, &json, &what)?);
                }
                other => return Err(Error::invalid(format!("{what}: unknown kind {other:?}"))),
            }
        }
        Ok(Trustees { kinds })
    }

    /// The election key: the product of the sub-keys (spec §3.1.1).
    pub fn combined_key<G: Group<Element = E>>(&self, group: &G) -> E {
        let mut y = group.identity();
        for kind in &self.kinds {
            let sub = match kind {
                TrusteeKind::Single { public_key } => public_key,
                TrusteeKind::Pedersen { sub_key, .. } => sub_key,
            };
            y = group.mul(&y, sub);
        }
        y
    }

    /// The number of partial-decryption owners (owners are numbered from 1 across all items).
    pub fn owner_count(&self) -> usize {
        self.kinds.iter().map(TrusteeKind::owner_count).sum()
    }

    /// The public key that owner `owner` (1-based) must use for its partial decryption.
    pub fn owner_key(&self, owner: usize) -> Option<&E> {
        let mut first = 1;
        for kind in &self.kinds {
            let count = kind.owner_count();
            if owner >= first && owner < first + count {
                return match kind {
                    TrusteeKind::Single { public_key } => Some(public_key),
                    TrusteeKind::Pedersen { verification_keys, .. } => verification_keys.get(owner - first),
                };
            }
            first += count;
        }
        None
    }

    /// What is missing before the result can be computed, given which owners (index owner − 1) have decrypted:
    /// `None` when every "Single" trustee and at least `threshold` of each "Pedersen" group have.
    pub fn missing_decryptions(&self, decrypted: &[bool]) -> Option<String> {
        let has = |owner: usize| decrypted.get(owner).copied().unwrap_or(false);
        let mut missing = Vec::new();
        let mut first = 0usize;
        for kind in &self.kinds {
            match kind {
                TrusteeKind::Single { .. } => {
                    if !has(first) {
                        missing.push(format!("trustee {}", first + 1));
                    }
                }
                TrusteeKind::Pedersen { threshold, verification_keys, .. } => {
                    let count = verification_keys.len();
                    let present = (first..first + count).filter(|&owner| has(owner)).count();
                    if present < *threshold {
                        missing.push(format!(
                            "{} more of trustees {} to {} (threshold {threshold})",
                            threshold - present,
                            first + 1,
                            first + count
                        ));
                    }
                }
            }
            first += kind.owner_count();
        }
        (!missing.is_empty()).then(|| missing.join(", "))
    }

    /// The owners whose factors belenios-tool 2.0 combines (spec §4.19; Belenios `compute_synthetic_factors`), given
    /// which owners (index owner − 1) have decrypted: every "Single" trustee, and of each "Pedersen" group the first
    /// `threshold` present by number. One list per item of the structure, of owner indexes (owner − 1).
    pub fn first_selection(&self, decrypted: &[bool]) -> Result<Selection, Error> {
        let has = |owner: usize| decrypted.get(owner).copied().unwrap_or(false);
        let mut selection = Vec::with_capacity(self.kinds.len());
        let mut first = 0usize;
        for (index, kind) in self.kinds.iter().enumerate() {
            let chosen: Vec<usize> = match kind {
                TrusteeKind::Single { .. } => vec![first],
                TrusteeKind::Pedersen { threshold, verification_keys, .. } => {
                    (first..first + verification_keys.len()).filter(|&owner| has(owner)).take(*threshold).collect()
                }
            };
            let needed = match kind {
                TrusteeKind::Single { .. } => 1,
                TrusteeKind::Pedersen { threshold, .. } => *threshold,
            };
            if chosen.len() < needed || !chosen.iter().all(|&owner| has(owner)) {
                return Err(Error::invalid(format!(
                    "not enough partial decryptions for trustees item {}: {} of {needed}",
                    index + 1,
                    chosen.iter().filter(|&&owner| has(owner)).count()
                )));
            }
            selection.push(chosen);
            first += kind.owner_count();
        }
        Ok(selection)
    }

    /// Every selection the present decryptions allow (each "Pedersen" group's `threshold`-subsets of its present
    /// owners, in lexicographic order, the first being [`Trustees::first_selection`]), at most `limit` of them.
    pub fn selections(&self, decrypted: &[bool], limit: usize) -> Result<Vec<Selection>, Error> {
        let has = |owner: usize| decrypted.get(owner).copied().unwrap_or(false);
        let mut choices: Vec<Vec<Vec<usize>>> = Vec::with_capacity(self.kinds.len());
        let mut first = 0usize;
        for kind in &self.kinds {
            choices.push(match kind {
                TrusteeKind::Single { .. } => vec![vec![first]],
                TrusteeKind::Pedersen { threshold, verification_keys, .. } => {
                    let present: Vec<usize> =
                        (first..first + verification_keys.len()).filter(|&owner| has(owner)).collect();
                    subsets(&present, *threshold, limit)
                }
            });
            first += kind.owner_count();
        }
        // The cartesian product of the items' choices, in order, stopping at `limit`.
        let mut out: Vec<Selection> = vec![Vec::new()];
        for item in &choices {
            out = out
                .iter()
                .flat_map(|prefix| {
                    item.iter().map(move |choice| {
                        let mut next = prefix.clone();
                        next.push(choice.clone());
                        next
                    })
                })
                .take(limit)
                .collect();
        }
        if out.first() != Some(&self.first_selection(decrypted)?) {
            return Err(Error::invalid("not enough partial decryptions"));
        }
        Ok(out)
    }

    /// Combines checked decryption factors per owner into synthetic factors (spec §4.19), with the owners
    /// belenios-tool combines ([`Trustees::first_selection`]).
    ///
    /// `factors[owner - 1]` is `Some(factor)` for owners who decrypted.
    pub fn combine<G: Group<Element = E>>(
        &self,
        group: &G,
        factors: &[Option<&[E]>],
        length: usize,
    ) -> Result<Vec<E>, Error> {
        let decrypted: Vec<bool> = factors.iter().map(Option::is_some).collect();
        self.combine_selected(group, factors, length, &self.first_selection(&decrypted)?)
    }

    /// Combines the factors of the owners of `selection` into synthetic factors (spec §4.19).
    pub fn combine_selected<G: Group<Element = E>>(
        &self,
        group: &G,
        factors: &[Option<&[E]>],
        length: usize,
        selection: &Selection,
    ) -> Result<Vec<E>, Error> {
        let q = group.order();
        let mut combined = vec![group.identity(); length];
        let mut first = 0usize;
        if selection.len() != self.kinds.len() {
            return Err(Error::invalid("a selection of partial decryptions must have one list per trustees item"));
        }
        for ((index, kind), chosen) in self.kinds.iter().enumerate().zip(selection) {
            let factor = |owner: usize| {
                factors.get(owner).copied().flatten().filter(|f| f.len() == length).ok_or_else(|| {
                    Error::invalid(format!("missing partial decryption of trustee {} (item {})", owner + 1, index + 1))
                })
            };
            match kind {
                TrusteeKind::Single { .. } => {
                    let f = factor(first)?;
                    for (c, x) in combined.iter_mut().zip(f) {
                        *c = group.mul(c, x);
                    }
                }
                TrusteeKind::Pedersen { threshold, verification_keys, .. } => {
                    let count = verification_keys.len();
                    if chosen.len() != *threshold || chosen.iter().any(|&owner| owner < first || owner >= first + count)
                    {
                        return Err(Error::invalid(format!(
                            "threshold trustees item {}: {threshold} of its trustees must be combined",
                            index + 1
                        )));
                    }
                    // Lagrange indexes are relative to the group: its first trustee is 1.
                    let indexes: Vec<usize> = chosen.iter().map(|owner| owner - first + 1).collect();
                    for (&owner, &j) in chosen.iter().zip(&indexes) {
                        let lambda = lagrange(&indexes, j, q);
                        for (c, x) in combined.iter_mut().zip(factor(owner)?) {
                            *c = group.mul(c, &group.vartime_pow(x, &lambda));
                        }
                    }
                }
            }
            first += kind.owner_count();
        }
        Ok(combined)
    }

    /// The threshold trustees (owner − 1) who decrypted but whose factors are not those the trustees of `selection`
    /// imply: in each "Pedersen" group, the shares of `threshold` trustees fix every other trustee's decryption
    /// factor, `α^P(k) = Π_{i ∈ I} (α^P(i))^{L_i(k)}` with `L_i(k) = Π_{m ∈ I, m ≠ i} (k − m) / (i − m) mod q`.
    pub fn inconsistent_with<G: Group<Element = E>>(
        &self,
        group: &G,
        factors: &[Option<&[E]>],
        selection: &Selection,
    ) -> Vec<usize> {
        let q = group.order();
        let mut out = Vec::new();
        let mut first = 0usize;
        for (kind, chosen) in self.kinds.iter().zip(selection) {
            if let TrusteeKind::Pedersen { verification_keys, .. } = kind {
                let indexes: Vec<usize> = chosen.iter().map(|owner| owner.saturating_sub(first) + 1).collect();
                let chosen_factors: Option<Vec<&[E]>> =
                    chosen.iter().map(|&owner| factors.get(owner).copied().flatten()).collect();
                if let Some(chosen_factors) = chosen_factors {
                    for owner in first..first + verification_keys.len() {
                        let Some(actual) = factors.get(owner).copied().flatten() else { continue };
                        if chosen.contains(&owner) {
                            continue;
                        }
                        let at = owner - first + 1;
                        let coefficients: Vec<Integer> =
                            indexes.iter().map(|&i| lagrange_at(&indexes, i, at, q)).collect();
                        let consistent = actual.iter().enumerate().all(|(c, value)| {
                            let mut expected = group.identity();
                            for (f, l) in chosen_factors.iter().zip(&coefficients) {
                                match f.get(c) {
                                    Some(x) => expected = group.mul(&expected, &group.vartime_pow(x, l)),
                                    None => return false,
                                }
                            }
                            &expected == value
                        });
                        if !consistent {
                            out.push(owner);
                        }
                    }
                }
            }
            first += kind.owner_count();
        }
        out
    }
}

/// Which owners' factors are combined: for each item of the trustees structure, the owner indexes (owner − 1).
pub type Selection = Vec<Vec<usize>>;

/// The `size`-subsets of `items` in lexicographic order, at most `limit` of them.
fn subsets(items: &[usize], size: usize, limit: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    if size > items.len() {
        return out;
    }
    let mut positions: Vec<usize> = (0..size).collect();
    loop {
        out.push(positions.iter().map(|&p| items[p]).collect());
        if out.len() >= limit {
            return out;
        }
        // The rightmost position that can still move right.
        let Some(i) = (0..size).rev().find(|&i| positions[i] < items.len() - size + i) else { return out };
        positions[i] += 1;
        for k in i + 1..size {
            positions[k] = positions[k - 1] + 1;
        }
    }
}

/// `L_i(at) = Π_{m ∈ I, m ≠ i} (at − m) / (i − m) mod q`: the Lagrange basis polynomial of `i` over the indexes `I`,
/// at `at` (at 0 it is `λ_i` of spec §4.19).
pub fn lagrange_at(indexes: &[usize], i: usize, at: usize, q: &Integer) -> Integer {
    let mut result = Integer::from(1);
    for &m in indexes {
        if m == i {
            continue;
        }
        let mut numerator = Integer::from(at as i64 - m as i64);
        numerator.modulo_mut(q);
        let mut denominator = Integer::from(i as i64 - m as i64);
        denominator.modulo_mut(q);
        let inverse = denominator.invert(q).unwrap_or_default();
        result *= numerator;
        result *= inverse;
        result.modulo_mut(q);
    }
    result
}

/// `λ_j = Π_{k ∈ I, k ≠ j} k / (k − j) mod q` (spec §4.19).
pub fn lagrange(indexes: &[usize], j: usize, q: &Integer) -> Integer {
    let mut result = Integer::from(1);
    for &k in indexes {
        if k == j {
            continue;
        }
        let mut denominator = Integer::from(k as i64 - j as i64);
        denominator.modulo_mut(q);
        let inverse = denominator.invert(q).unwrap_or_default();
        result *= k as u64;
        result *= inverse;
        result.modulo_mut(q);
    }
    result
}

/// Which Belenios wrote a "Pedersen" item, told by its `signatures` field.
///
/// Belenios 2.0 signs each certificate and each trustee's coefficient commitments. Belenios 3 (spec 3.0 §4.6; since
/// 2.5.1 for the first two) adds a context to each certificate, signs every trustee's commitments together with all
/// the certificates (`signatures`), and signs each verification key. A Belenios 3 item missing any of these is
/// refused, as belenios-tool 3.0 refuses it; a 2.0 item carrying a context or a key signature is refused too, since
/// without `signatures` they would be fields nobody checked.
#[derive(Clone, Copy)]
enum PedersenForm<'a> {
    Belenios2,
    Belenios3 { signatures: &'a [ProofJson] },
}

impl PedersenForm<'_> {
    fn name(&self) -> &'static str {
        match self {
            PedersenForm::Belenios2 => "a Belenios 2.0 item (no signatures)",
            PedersenForm::Belenios3 { .. } => "a Belenios 3 item (with signatures)",
        }
    }
}

/// A certificate, checked: its signing key (in the group) and its signature, kept to rebuild the `certs_sig` message.
struct CheckedCert<E> {
    verification: E,
    signature: Proof,
}

fn check_pedersen<G: Group>(
    group: &G,
    json: &ThresholdParametersJson,
    what: &str,
) -> Result<TrusteeKind<G::Element>, Error> {
    let n = json.certs.len();
    if n == 0 || json.coefexps.len() != n || json.verification_keys.len() != n {
        return Err(Error::invalid(format!("{what}: certs, coefexps and verification_keys must have the same length")));
    }
    if json.threshold == 0 || json.threshold > n {
        return Err(Error::invalid(format!("{what}: threshold {} is not between 1 and {n} (certs)", json.threshold)));
    }
    let form = match &json.signatures {
        None => PedersenForm::Belenios2,
        Some(signatures) if signatures.len() == n => PedersenForm::Belenios3 { signatures },
        Some(signatures) => {
            return Err(Error::invalid(format!("{what}: {} signatures for {n} certs", signatures.len())));
        }
    };
    let certs = checked_certs(group, &json.certs, json.threshold, form, what)?;
    let coefexps = checked_coefexps(group, &certs, &json.coefexps, json.threshold, what)?;
    if let PedersenForm::Belenios3 { signatures } = form {
        check_certs_signatures(group, &json.certs, &certs, &coefexps, signatures, what)?;
    }
    let mut verification_keys = Vec::with_capacity(n);
    for (index, (key, cert)) in json.verification_keys.iter().zip(&certs).enumerate() {
        verification_keys.push(checked_verification_key(group, &coefexps, index + 1, key, cert, form, what)?);
    }
    let mut sub_key = group.identity();
    for row in &coefexps {
        if let Some(a0) = row.first() {
            sub_key = group.mul(&sub_key, a0);
        }
    }
    Ok(TrusteeKind::Pedersen { threshold: json.threshold, verification_keys, sub_key })
}

/// Every certificate (spec §4.6.2), checked: its keys decode, its signing key is in the group, its signature holds,
/// and, in a Belenios 3 item, its context is `{group, size = number of certs, threshold, index = its position}`.
fn checked_certs<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    threshold: usize,
    form: PedersenForm<'_>,
    what: &str,
) -> Result<Vec<CheckedCert<G::Element>>, Error> {
    let mut checked = Vec::with_capacity(certs.len());
    for (i, cert) in certs.iter().enumerate() {
        let index = i + 1;
        let place = format!("{what} cert {index}");
        let keys: CertKeysJson = parse_json(&place, &cert.message)?;
        let verification = group.decode(&keys.verification).map_err(|e| e.context(&format!("{place} verification")))?;
        let _encryption = group.decode(&keys.encryption).map_err(|e| e.context(&format!("{place} encryption")))?;
        if !group.vartime_is_member(&verification) {
            return Err(Error::invalid(format!("{place}: verification is not in the group")));
        }
        let signature = Proof::parse(&cert.signature, group.order()).map_err(|e| e.context(&place))?;
        if !vartime_schnorr_verify(group, &sigmsg_prefix(&cert.message), &verification, &signature) {
            return Err(Error::invalid(format!("{place}: signature")));
        }
        match (form, keys.context) {
            (PedersenForm::Belenios2, None) => {}
            (PedersenForm::Belenios3 { .. }, Some(context)) => {
                let expected = CertContextJson { group: group.name().to_owned(), size: certs.len(), threshold, index };
                check_context(&context, &expected, &place)?;
            }
            (form, Some(_)) => {
                return Err(Error::invalid(format!("{place}: a context in {}", form.name())));
            }
            (form, None) => return Err(Error::invalid(format!("{place}: no context in {}", form.name()))),
        }
        checked.push(CheckedCert { verification, signature });
    }
    Ok(checked)
}

/// A Belenios 3 certificate context against the one its place in the item implies, naming the first field that
/// differs.
fn check_context(context: &CertContextJson, expected: &CertContextJson, place: &str) -> Result<(), Error> {
    if context.group != expected.group {
        return Err(Error::invalid(format!("{place}: context group is {:?}, not {:?}", context.group, expected.group)));
    }
    for (field, found, wanted) in [
        ("size", context.size, expected.size),
        ("threshold", context.threshold, expected.threshold),
        ("index", context.index, expected.index),
    ] {
        if found != wanted {
            return Err(Error::invalid(format!("{place}: context {field} is {found}, not {wanted}")));
        }
    }
    Ok(())
}

/// Every trustee's coefficient commitments `A_ik`, each list signed by its trustee's certified key and `threshold`
/// long, every element in the group (spec §4.6.4).
fn checked_coefexps<G: Group>(
    group: &G,
    certs: &[CheckedCert<G::Element>],
    signed: &[SignedMessageJson],
    threshold: usize,
    what: &str,
) -> Result<Vec<Vec<G::Element>>, Error> {
    let mut coefexps = Vec::with_capacity(certs.len());
    for (i, (cert, coef)) in certs.iter().zip(signed).enumerate() {
        let place = format!("{what} coefexps {}", i + 1);
        check_signed(group, coef, &cert.verification, &place)?;
        let raw: RawCoefexpsJson = parse_json(&place, &coef.message)?;
        let values: Result<Vec<G::Element>, Error> = raw.coefexps.iter().map(|c| group.decode(c)).collect();
        let values = values.map_err(|e| e.context(&place))?;
        if values.len() != threshold || !values.iter().all(|v| group.vartime_is_member(v)) {
            return Err(Error::invalid(format!("{place}: wrong length or not in the group")));
        }
        coefexps.push(values);
    }
    Ok(coefexps)
}

/// Belenios 3's `signatures` (spec 3.0 §4.6.4): trustee `i` signs, with its certified key, the message `M_i` =
/// `certs_sig|` followed by the compact JSON of `{certs = all certificates, coefexps = A_i0, …, A_i(t−1)}`.
fn check_certs_signatures<G: Group>(
    group: &G,
    certs_json: &[SignedMessageJson],
    certs: &[CheckedCert<G::Element>],
    coefexps: &[Vec<G::Element>],
    signatures: &[ProofJson],
    what: &str,
) -> Result<(), Error> {
    let written_certs = certs_json_text(certs_json, certs.iter().map(|cert| &cert.signature));
    for (i, ((cert, row), signature)) in certs.iter().zip(coefexps).zip(signatures).enumerate() {
        let place = format!("{what} signatures {}", i + 1);
        let proof = Proof::parse(signature, group.order()).map_err(|e| e.context(&place))?;
        let message = certs_sig_message(group, &written_certs, row);
        if !vartime_schnorr_verify(group, &sigmsg_prefix(&message), &cert.verification, &proof) {
            return Err(Error::invalid(format!("{place}: signature of the certs and coefexps {}", i + 1)));
        }
    }
    Ok(())
}

/// The `certs` array as Belenios writes it inside the `certs_sig` message, compact JSON with fields in its order:
/// `[{"message":M_1,"signature":{"challenge":"c_1","response":"r_1"}},…]`, each `M` a JSON string
/// ([`write_json_string`]) and the numbers in decimal as Belenios writes them back (the parsed proof, not the text).
fn certs_json_text<'a>(certs_json: &[SignedMessageJson], signatures: impl IntoIterator<Item = &'a Proof>) -> String {
    let mut out = String::from("[");
    for (position, (json, signature)) in certs_json.iter().zip(signatures).enumerate() {
        if position > 0 {
            out.push(',');
        }
        out.push_str("{\"message\":");
        write_json_string(&mut out, &json.message);
        out.push_str(",\"signature\":{\"challenge\":\"");
        out.push_str(&signature.challenge.to_string_radix(10));
        out.push_str("\",\"response\":\"");
        out.push_str(&signature.response.to_string_radix(10));
        out.push_str("\"}}");
    }
    out.push(']');
    out
}

/// The `certs_sig` message trustee `i` signs over all the certificates and its coefficient commitments `coefexps`
/// (spec 3.0 §4.6.4), for the ceremony that makes it ([`crate::pedersen`]); the certificates' signatures must parse.
pub(crate) fn certs_sig<G: Group>(
    group: &G,
    certs_json: &[SignedMessageJson],
    coefexps: &[G::Element],
) -> Result<String, Error> {
    let signatures: Vec<Proof> = certs_json
        .iter()
        .enumerate()
        .map(|(i, cert)| {
            Proof::parse(&cert.signature, group.order()).map_err(|e| e.context(&format!("cert {}", i + 1)))
        })
        .collect::<Result<_, _>>()?;
    Ok(certs_sig_message(group, &certs_json_text(certs_json, &signatures), coefexps))
}

/// `certs_sig|{"certs":CERTS,"coefexps":["A_0",…,"A_(t−1)"]}` with `CERTS` from [`certs_json_text`] and the elements
/// in the group's string form (spec 3.0 §4.6.4).
fn certs_sig_message<G: Group>(group: &G, written_certs: &str, coefexps: &[G::Element]) -> String {
    let mut out = format!("certs_sig|{{\"certs\":{written_certs},\"coefexps\":[");
    for (position, element) in coefexps.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        write_json_string(&mut out, &group.encode(element));
    }
    out.push_str("]}");
    out
}

/// A JSON string as Yojson (Belenios' JSON library) writes it, since these bytes are signed: `"` and `\` escaped
/// with a backslash, `\b \f \n \r \t` by name, other bytes below 0x20 and 0x7F as `\u00xx` in lower-case hex, and
/// everything else (non-ASCII too) as it is.
fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Trustee `j`'s (from 1) verification key, checked: its proof of knowledge, vk_j = Π_i Π_k A_ik^(j^k)
/// (spec §4.6.6), and in a Belenios 3 item its signature by trustee `j`'s certified key over the key's string form
/// (spec 3.0 §4.5, §4.6.1: `sigmsg|` vk_j `|` A).
fn checked_verification_key<G: Group>(
    group: &G,
    coefexps: &[Vec<G::Element>],
    j: usize,
    key: &TrusteePublicKeyJson,
    cert: &CheckedCert<G::Element>,
    form: PedersenForm<'_>,
    what: &str,
) -> Result<G::Element, Error> {
    let place = format!("{what} verification key {j}");
    let public = check_trustee_key(group, key, &place)?;
    let jj = Integer::from(j);
    let mut expected = group.identity();
    for row in coefexps {
        let mut power = Integer::from(1);
        for a in row {
            expected = group.mul(&expected, &group.vartime_pow(a, &power));
            power *= &jj;
        }
    }
    if expected != public {
        return Err(Error::invalid(format!("{place} does not match the coefexps")));
    }
    match (form, &key.signature) {
        (PedersenForm::Belenios2, None) => {}
        (PedersenForm::Belenios3 { .. }, Some(signature)) => {
            let proof = Proof::parse(signature, group.order()).map_err(|e| e.context(&format!("{place} signature")))?;
            if !vartime_schnorr_verify(group, &sigmsg_prefix(&group.encode(&expected)), &cert.verification, &proof) {
                return Err(Error::invalid(format!("{place}: signature")));
            }
        }
        (form, Some(_)) => return Err(Error::invalid(format!("{place}: a signature in {}", form.name()))),
        (form, None) => return Err(Error::invalid(format!("{place}: no signature in {}", form.name()))),
    }
    Ok(public)
}

/// Checks one threshold trustee's verification key (`j` from 1) against every trustee's signed coefficient
/// commitments, before the other trustees' keys arrive: a server can refuse a wrong key from the trustee who sent it,
/// instead of finding, once all are in, that some key is wrong. `signatures` are the polynomials' `certs_sig`
/// signatures of a Belenios 3 ceremony (certificates with contexts, signed keys), `None` in the Belenios 2.0 form;
/// the signatures themselves are checked when the ceremony's steps gather them, not here.
pub fn check_verification_key<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    signed_coefexps: &[SignedMessageJson],
    signatures: Option<&[ProofJson]>,
    threshold: usize,
    j: usize,
    key: &TrusteePublicKeyJson,
) -> Result<(), Error> {
    if certs.is_empty() || signed_coefexps.len() != certs.len() || j == 0 || j > certs.len() {
        return Err(Error::invalid(format!("verification key {j}: no such trustee among {}", certs.len())));
    }
    let what = "threshold trustees";
    let form = match signatures {
        None => PedersenForm::Belenios2,
        Some(signatures) => PedersenForm::Belenios3 { signatures },
    };
    let checked = checked_certs(group, certs, threshold, form, what)?;
    let coefexps = checked_coefexps(group, &checked, signed_coefexps, threshold, what)?;
    let cert = checked.get(j - 1).ok_or_else(|| Error::invalid(format!("verification key {j}: no certificate")))?;
    checked_verification_key(group, &coefexps, j, key, cert, form, what).map(|_| ())
}

/// A "Single" trustee's private key: hidden from `Debug`, wiped on drop.
#[derive(Debug)]
pub struct TrusteeSecretKey(pub SecretScalar);

impl TrusteeSecretKey {
    /// Generates a key and its public part with the proof of knowledge (spec §4.5).
    pub fn generate<G: Group>(group: &G, rng: &mut dyn CryptoRngCore) -> (Self, TrusteePublicKeyJson) {
        let x = random_secret(group.order(), rng);
        Self(x).public(group, rng)
    }

    /// The public key with a fresh proof of knowledge.
    pub fn public<G: Group>(self, group: &G, rng: &mut dyn CryptoRngCore) -> (Self, TrusteePublicKeyJson) {
        let y = group.secret_pow(group.generator(), &self.0);
        let pok = schnorr_prove(group, &pok_prefix(group, &y), &self.0, rng);
        let json =
            TrusteePublicKeyJson { pok: pok.to_json(), public_key: group.encode(&y), signature: None, name: None };
        (self, json)
    }

    /// The private key file as belenios-tool writes it: the number in decimal as a JSON string.
    pub fn to_json(&self) -> String {
        format!("\"{}\"", self.0.expose().to_string_radix(10))
    }

    /// Reads a private key file (`"123…"`).
    pub fn parse<G: Group>(group: &G, text: &str) -> Result<Self, Error> {
        let s: String = parse_json("private key", text.trim())?;
        Ok(TrusteeSecretKey(SecretScalar::new(decode_scalar(&s, group.order())?)))
    }
}
