//! The "Pedersen" threshold key ceremony (spec §3.1.1, §4.6) and threshold partial decryption keys, in any
//! [`Group`]: Belenios 2.0's form, and Belenios 3's (spec 3.0 §4.6), which belenios-tool 3.0 requires.
//!
//! Each step is a type consumed by the next, so a trustee cannot run them out of order:
//! [`TrusteeSeed`] (step 1, with its certificate) → [`TrusteeSeed::polynomial`] (step 3, needs all certificates and
//! consumes the seed into a [`PolynomialTrustee`]) → [`PolynomialTrustee::voutput`] (step 5, consumes it). The
//! administrator's steps are functions over the public messages: [`check_certificates`] (step 2), [`vinputs`]
//! (step 4) and [`threshold_parameters`] (step 6).
//!
//! The form follows the certificates ([`Form`]): a certificate made with a context (step 1,
//! [`TrusteeSeed::generate_in_context`]) starts a Belenios 3 ceremony, in which
//! - each certificate's message carries `context` = `{group, size, threshold, index}`, checked against its place;
//! - each polynomial also carries `signature`: its trustee's signature of `certs_sig|{"certs":…,"coefexps":…}`
//!   (all the certificates and its own coefficient commitments; `trustees::certs_sig` writes the bytes), which
//!   vinputs (`signatures`) and the threshold parameters (`signatures`) pass on;
//! - each verification key is signed by its trustee: `sigmsg|<the key's string form>|A`.
//!
//! The threshold is then the contexts', not a separate parameter. Certificates without contexts give Belenios 2.0's
//! form, byte for byte as before (kenes' finite-field ceremonies and its web ceremony).
//!
//! Private channels (spec §4.6.1, §4.6.3): keys derived from a 22-character Base58 seed, `sk = SHA256("sk|" seed)`,
//! `dk = SHA256("dk|" seed)` read as big-endian numbers and reduced mod q (Belenios 3's `reduce_hex`; 2.0 kept the
//! number as it was, which gives the same keys, signatures and messages, since only `g^sk` and `sk mod q` are ever
//! used); signatures are Schnorr proofs on `"sigmsg|" M "|" A`; encryption is ElGamal-wrapped AES-256-CCM with the
//! key `SHA256("key|" g^s)` and the nonce the first 13 bytes of `SHA256("iv|" g^r)` (elements in the group's string
//! form), a 64-bit tag and no associated data (SJCL's CCM, as Belenios uses it).

use std::fmt;

use aes::Aes256;
use ccm::aead::{Aead, KeyInit};
use ccm::consts::{U8, U13};
use rand_core::CryptoRngCore;
use rug::Integer;
use rug::integer::Order;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::credential::BASE58;
use crate::error::{Error, parse_json};
use crate::group::{Group, SecretScalar, parse_decimal};
use crate::proofs::{Proof, ProofJson, random_secret, schnorr_prove, sigmsg_prefix, vartime_schnorr_verify};
use crate::trustees::{
    CertContextJson, SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson, TrusteeSecretKey, certs_sig,
};

type Cipher = ccm::Ccm<Aes256, U8, U13>;

/// `encrypted_msg` (spec §4.6.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedMessageJson {
    pub alpha: String,
    pub beta: String,
    pub data: String,
}

/// `polynomial` (spec §4.6.4), what a trustee sends at step 3; `signature` is Belenios 3's `certs_sig` signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolynomialJson {
    pub polynomial: String,
    pub secrets: Vec<String>,
    pub coefexps: SignedMessageJson,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signature: Option<ProofJson>,
}

/// `vinput` (spec §4.6.5), what a trustee receives at step 5; `signatures` are Belenios 3's, one per trustee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VinputJson {
    pub polynomial: String,
    pub secrets: Vec<String>,
    pub coefexps: Vec<SignedMessageJson>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub signatures: Option<Vec<ProofJson>>,
}

/// `voutput` (spec §4.6.6), what a trustee sends at step 5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoutputJson {
    pub private_key: String,
    pub public_key: TrusteePublicKeyJson,
}

/// `cert_keys` (spec §4.6.2), fields in Belenios' order; `context` is Belenios 3's.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CertKeys {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    context: Option<CertContextJson>,
    verification: String,
    encryption: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelMessage {
    recipient: String,
    message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolynomial {
    polynomial: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoefexps {
    coefexps: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretShare {
    secret: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialDecryptionKey {
    decryption_key: String,
}

/// Which Belenios' ceremony a set of certificates starts, told by their contexts (all or none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Belenios 2.0: no contexts; the threshold is chosen at step 3.
    Belenios2,
    /// Belenios 3 (spec 3.0 §4.6): every certificate carries the context of its place, and so the threshold.
    Belenios3 { threshold: usize },
}

/// `sk` or `dk` from a seed: `SHA256(label "|" seed)` as a big-endian number, mod q (spec 3.0 §4.6.1).
fn derive(order: &Integer, seed: &str, label: &str) -> SecretScalar {
    let digest: Zeroizing<[u8; 32]> = Zeroizing::new(Sha256::digest(format!("{label}|{seed}").as_bytes()).into());
    let mut value = Integer::from_digits(digest.as_ref(), Order::Msf);
    value.modulo_mut(order);
    SecretScalar::new(value)
}

fn sha256_bytes(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn to_json<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Encoding(e.to_string()))
}

/// Signs a message (spec §4.6.1).
pub fn sign<G: Group>(group: &G, sk: &SecretScalar, message: &str, rng: &mut dyn CryptoRngCore) -> SignedMessageJson {
    let proof = schnorr_prove(group, &sigmsg_prefix(message), sk, rng);
    SignedMessageJson { message: message.to_owned(), signature: proof.to_json() }
}

/// Verifies a signed message with a verification key.
pub fn verify_signed<G: Group>(group: &G, vk: &G::Element, message: &SignedMessageJson) -> bool {
    verify_signature(group, vk, &message.message, &message.signature)
}

fn verify_signature<G: Group>(group: &G, vk: &G::Element, message: &str, signature: &ProofJson) -> bool {
    Proof::parse(signature, group.order())
        .map(|proof| vartime_schnorr_verify(group, &sigmsg_prefix(message), vk, &proof))
        .unwrap_or(false)
}

/// Encrypts for an encryption key (spec §4.6.1).
pub fn encrypt<G: Group>(
    group: &G,
    ek: &G::Element,
    plaintext: &str,
    rng: &mut dyn CryptoRngCore,
) -> Result<EncryptedMessageJson, Error> {
    let q = group.order();
    let r = random_secret(q, rng);
    let s = random_secret(q, rng);
    let key_element = group.secret_pow(group.generator(), &s);
    let alpha = group.secret_pow(group.generator(), &r);
    let beta = group.mul(&group.secret_pow(ek, &r), &key_element);
    let key = Zeroizing::new(sha256_bytes(&format!("key|{}", group.encode(&key_element))));
    let iv = sha256_bytes(&format!("iv|{}", group.encode(&alpha)));
    let cipher = Cipher::new_from_slice(key.as_ref()).map_err(|_| Error::Usage("bad AES key length".into()))?;
    let data = cipher
        .encrypt(ccm::Nonce::<U13>::from_slice(&iv[..13]), plaintext.as_bytes())
        .map_err(|_| Error::Usage("message too long to encrypt".into()))?;
    Ok(EncryptedMessageJson { alpha: group.encode(&alpha), beta: group.encode(&beta), data: hex_encode(&data) })
}

/// Decrypts with a decryption key.
pub fn decrypt<G: Group>(
    group: &G,
    dk: &SecretScalar,
    message: &EncryptedMessageJson,
) -> Result<Zeroizing<String>, Error> {
    let alpha = group.decode(&message.alpha)?;
    let beta = group.decode(&message.beta)?;
    let key_element = group.mul(&beta, &group.invert(&group.secret_pow(&alpha, dk)));
    let key = Zeroizing::new(sha256_bytes(&format!("key|{}", group.encode(&key_element))));
    let iv = sha256_bytes(&format!("iv|{}", group.encode(&alpha)));
    let data = hex_decode(&message.data).ok_or_else(|| Error::Encoding("encrypted data is not hexadecimal".into()))?;
    let cipher = Cipher::new_from_slice(key.as_ref()).map_err(|_| Error::Usage("bad AES key length".into()))?;
    let plaintext = cipher
        .decrypt(ccm::Nonce::<U13>::from_slice(&iv[..13]), data.as_slice())
        .map_err(|_| Error::invalid("encrypted message: authentication tag does not match (wrong key or altered)"))?;
    String::from_utf8(plaintext)
        .map(Zeroizing::new)
        .map_err(|_| Error::Encoding("decrypted message is not UTF-8".into()))
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// `send(sk, recipient, M)` (spec §4.6.3): sign a channel message, then encrypt it for the recipient.
fn send<G: Group>(
    group: &G,
    sk: &SecretScalar,
    recipient: &G::Element,
    message: &str,
    rng: &mut dyn CryptoRngCore,
) -> Result<String, Error> {
    let inner = to_json(&ChannelMessage { recipient: group.encode(recipient), message: message.to_owned() })?;
    let signed = to_json(&sign(group, sk, &inner, rng))?;
    to_json(&encrypt(group, recipient, &signed, rng)?)
}

/// Receives a channel message: decrypts, checks the sender's signature and that we are the recipient.
fn receive<G: Group>(
    group: &G,
    dk: &SecretScalar,
    sender_vk: &G::Element,
    message: &str,
) -> Result<Zeroizing<String>, Error> {
    let encrypted: EncryptedMessageJson = parse_json("channel message", message)?;
    let signed_text = decrypt(group, dk, &encrypted)?;
    let signed: SignedMessageJson = parse_json("signed channel message", &signed_text)?;
    if !verify_signed(group, sender_vk, &signed) {
        return Err(Error::invalid("channel message: signature of the sender"));
    }
    let inner: ChannelMessage = parse_json("channel message", &signed.message)?;
    let ek = group.secret_pow(group.generator(), dk);
    if group.decode(&inner.recipient)? != ek {
        return Err(Error::invalid("channel message: we are not its recipient"));
    }
    Ok(Zeroizing::new(inner.message))
}

/// All the certificates of a ceremony, checked: each trustee's `(verification, encryption)` keys and the form.
struct Certified<E> {
    keys: Vec<(E, E)>,
    form: Form,
}

/// Checks every certificate (spec §4.6.2): its keys decode and are in the group, its self-signature holds, and
/// either none has a context (Belenios 2.0) or each has `{group, size = number of certs, threshold, index = its
/// place}` with one threshold between 1 and the number of certificates (Belenios 3, belenios-tool's `step2`).
fn certified<G: Group>(group: &G, certs: &[SignedMessageJson]) -> Result<Certified<G::Element>, Error> {
    let n = certs.len();
    if n == 0 {
        return Err(Error::invalid("no certificates"));
    }
    let mut keys = Vec::with_capacity(n);
    let mut contexts = Vec::with_capacity(n);
    for (i, cert) in certs.iter().enumerate() {
        let place = format!("certificate {}", i + 1);
        let raw: CertKeys = parse_json(&place, &cert.message)?;
        let vk = group.decode(&raw.verification).map_err(|e| e.context(&place))?;
        let ek = group.decode(&raw.encryption).map_err(|e| e.context(&place))?;
        if !group.vartime_is_member(&vk) || !group.vartime_is_member(&ek) {
            return Err(Error::invalid(format!("{place}: a key is not in the group")));
        }
        if !verify_signed(group, &vk, cert) {
            return Err(Error::invalid(format!("{place} does not validate")));
        }
        keys.push((vk, ek));
        contexts.push(raw.context);
    }
    let form = match contexts.first().and_then(Option::as_ref) {
        None => Form::Belenios2,
        Some(first) => {
            let threshold = first.threshold;
            if threshold == 0 || threshold > n {
                return Err(Error::invalid(format!("certificate 1: threshold {threshold} is not between 1 and {n}")));
            }
            Form::Belenios3 { threshold }
        }
    };
    for (i, context) in contexts.iter().enumerate() {
        let place = format!("certificate {}", i + 1);
        match (form, context) {
            (Form::Belenios2, None) => {}
            (Form::Belenios3 { threshold }, Some(context)) => {
                let expected = CertContextJson { group: group.name().to_owned(), size: n, threshold, index: i + 1 };
                if context != &expected {
                    return Err(Error::invalid(format!(
                        "{place}: its context is {context:?}, not {expected:?} (group, trustees, threshold, place)"
                    )));
                }
            }
            (Form::Belenios2, Some(_)) => {
                return Err(Error::invalid(format!("{place} has a context, but certificate 1 has none")));
            }
            (Form::Belenios3 { .. }, None) => {
                return Err(Error::invalid(format!("{place} has no context, but certificate 1 has one")));
            }
        }
    }
    Ok(Certified { keys, form })
}

/// Step 2: checks the certificates as [`TrusteeSeed::polynomial`] will, and says which ceremony they start.
pub fn check_certificates<G: Group>(group: &G, certs: &[SignedMessageJson]) -> Result<Form, Error> {
    certified(group, certs).map(|c| c.form)
}

/// The signed coefficient commitments of trustee `index` (from 1): signed by its certified key, `threshold` long,
/// every element in the group.
fn checked_coefexps<G: Group>(
    group: &G,
    vk: &G::Element,
    coefexps: &SignedMessageJson,
    threshold: Option<usize>,
    index: usize,
) -> Result<Vec<G::Element>, Error> {
    let place = format!("coefexps {index}");
    if !verify_signed(group, vk, coefexps) {
        return Err(Error::invalid(format!("{place} does not validate")));
    }
    let raw: RawCoefexps = parse_json(&place, &coefexps.message)?;
    let values: Vec<G::Element> =
        raw.coefexps.iter().map(|a| group.decode(a)).collect::<Result<_, _>>().map_err(|e| e.context(&place))?;
    if values.is_empty() || threshold.is_some_and(|t| values.len() != t) {
        return Err(Error::invalid(format!("{place} has the wrong length")));
    }
    if !values.iter().all(|a| group.vartime_is_member(a)) {
        return Err(Error::invalid(format!("{place}: an element is not in the group")));
    }
    Ok(values)
}

/// Belenios 3's signature of trustee `index` (from 1) over all the certificates and its commitments (spec 3.0
/// §4.6.4): present and valid in a Belenios 3 ceremony, absent in a 2.0 one.
fn check_certs_signature<G: Group>(
    group: &G,
    form: Form,
    certs: &[SignedMessageJson],
    vk: &G::Element,
    coefexps: &[G::Element],
    signature: Option<&ProofJson>,
    index: usize,
) -> Result<(), Error> {
    match (form, signature) {
        (Form::Belenios2, None) => Ok(()),
        (Form::Belenios3 { .. }, Some(signature)) => {
            if verify_signature(group, vk, &certs_sig(group, certs, coefexps)?, signature) {
                Ok(())
            } else {
                Err(Error::invalid(format!("signature {index} (of the certificates and coefexps {index})")))
            }
        }
        (Form::Belenios2, Some(_)) => {
            Err(Error::invalid(format!("signature {index}: the certificates have no contexts (Belenios 2.0)")))
        }
        (Form::Belenios3 { .. }, None) => {
            Err(Error::invalid(format!("signature {index} is missing (Belenios 3 certificates)")))
        }
    }
}

/// Step 1: a trustee's secret seed (hidden from `Debug`, wiped on drop).
pub struct TrusteeSeed(Zeroizing<String>);

impl fmt::Debug for TrusteeSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TrusteeSeed(<hidden>)")
    }
}

impl TrusteeSeed {
    /// Step 1 of a Belenios 2.0 ceremony: a fresh seed and its certificate, without context (spec §4.6.2).
    pub fn generate<G: Group>(group: &G, rng: &mut dyn CryptoRngCore) -> (Self, SignedMessageJson) {
        let seed = TrusteeSeed(Zeroizing::new(crate::credential::generate_token(22, rng)));
        let cert = seed.signed_certificate(group, None, rng);
        (seed, cert)
    }

    /// Step 1 of a Belenios 3 ceremony (spec 3.0 §4.6.2): a fresh seed and its certificate for the place `context`
    /// names (belenios-tool's `--threshold-context index/threshold/size`), in this group.
    pub fn generate_in_context<G: Group>(
        group: &G,
        context: CertContextJson,
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(Self, SignedMessageJson), Error> {
        if context.group != group.name() {
            return Err(Error::Usage(format!("the context's group {:?} is not {:?}", context.group, group.name())));
        }
        if context.index == 0 || context.index > context.size {
            return Err(Error::Usage(format!("index {} is not between 1 and {}", context.index, context.size)));
        }
        if context.threshold == 0 || context.threshold > context.size {
            return Err(Error::Usage(format!("threshold {} is not between 1 and {}", context.threshold, context.size)));
        }
        let seed = TrusteeSeed(Zeroizing::new(crate::credential::generate_token(22, rng)));
        let cert = seed.signed_certificate(group, Some(context), rng);
        Ok((seed, cert))
    }

    /// Reads a seed file (belenios-tool's `.key`).
    pub fn parse(text: &str) -> Result<Self, Error> {
        let text = text.trim();
        if text.len() != 22 || !text.bytes().all(|b| BASE58.contains(&b)) {
            return Err(Error::Usage("a trustee seed is 22 Base58 characters".into()));
        }
        Ok(TrusteeSeed(Zeroizing::new(text.to_owned())))
    }

    /// The seed, to be written to the trustee's private file.
    pub fn expose(&self) -> &str {
        &self.0
    }

    fn keys(&self, order: &Integer) -> (SecretScalar, SecretScalar) {
        (derive(order, &self.0, "sk"), derive(order, &self.0, "dk"))
    }

    /// The certificate of a Belenios 2.0 ceremony: `{"verification":g^sk,"encryption":g^dk}` signed with sk.
    pub fn certificate<G: Group>(&self, group: &G, rng: &mut dyn CryptoRngCore) -> SignedMessageJson {
        self.signed_certificate(group, None, rng)
    }

    /// `{"context":…,"verification":g^sk,"encryption":g^dk}` (the context only in Belenios 3), signed with sk.
    fn signed_certificate<G: Group>(
        &self,
        group: &G,
        context: Option<CertContextJson>,
        rng: &mut dyn CryptoRngCore,
    ) -> SignedMessageJson {
        let (sk, dk) = self.keys(group.order());
        let keys = CertKeys {
            context,
            verification: group.encode(&group.secret_pow(group.generator(), &sk)),
            encryption: group.encode(&group.secret_pow(group.generator(), &dk)),
        };
        sign(group, &sk, &serde_json::to_string(&keys).unwrap_or_default(), rng)
    }

    /// This trustee's place (from 0) among checked certificates.
    fn position<G: Group>(&self, group: &G, keys: &[(G::Element, G::Element)]) -> Result<usize, Error> {
        let (sk, dk) = self.keys(group.order());
        let vk = group.secret_pow(group.generator(), &sk);
        let ek = group.secret_pow(group.generator(), &dk);
        keys.iter()
            .position(|(v, e)| v == &vk && e == &ek)
            .ok_or_else(|| Error::Usage("this trustee's certificate is not among the certificates".into()))
    }

    /// Resumes after step 3 from the stored seed, when steps 3 and 5 run in separate processes (the command line):
    /// the seed is all a trustee keeps between them.
    pub fn after_polynomial(self) -> PolynomialTrustee {
        PolynomialTrustee { seed: self }
    }

    /// Step 3: checks all certificates, picks a random polynomial of degree `threshold − 1`, and sends its shares.
    /// In a Belenios 3 ceremony the threshold is the certificates' and `threshold` must be it.
    pub fn polynomial<G: Group>(
        self,
        group: &G,
        certs: &[SignedMessageJson],
        threshold: usize,
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(PolynomialTrustee, PolynomialJson), Error> {
        let certified = certified(group, certs)?;
        if threshold == 0 || threshold > certs.len() {
            return Err(Error::Usage(format!("threshold must be between 1 and {}", certs.len())));
        }
        if let Form::Belenios3 { threshold: agreed } = certified.form {
            if agreed != threshold {
                return Err(Error::Usage(format!("the certificates' threshold is {agreed}, not {threshold}")));
            }
        }
        self.position(group, &certified.keys)?;
        let (sk, dk) = self.keys(group.order());
        let q = group.order();
        let coefficients: Vec<SecretScalar> = (0..threshold).map(|_| random_secret(q, rng)).collect();
        let raw = RawPolynomial { polynomial: coefficients.iter().map(|a| a.expose().to_string_radix(10)).collect() };
        let raw = Zeroizing::new(serde_json::to_string(&raw).unwrap_or_default());
        let ek = group.secret_pow(group.generator(), &dk);
        let polynomial = send(group, &sk, &ek, &raw, rng)?;
        let commitments: Vec<G::Element> =
            coefficients.iter().map(|a| group.secret_pow(group.generator(), a)).collect();
        let coefexps = RawCoefexps { coefexps: commitments.iter().map(|a| group.encode(a)).collect() };
        let coefexps = sign(group, &sk, &to_json(&coefexps)?, rng);
        let signature = match certified.form {
            Form::Belenios2 => None,
            Form::Belenios3 { .. } => Some(sign(group, &sk, &certs_sig(group, certs, &commitments)?, rng).signature),
        };
        let mut secrets = Vec::with_capacity(certs.len());
        for (j, (_, recipient)) in certified.keys.iter().enumerate() {
            // s_ij = f_i(j) mod q, Horner's rule.
            let x = Integer::from(j + 1);
            let mut value = Integer::new();
            for a in coefficients.iter().rev() {
                value *= &x;
                value += a.expose();
                value.modulo_mut(q);
            }
            let share = SecretScalar::new(value);
            let message = Zeroizing::new(
                serde_json::to_string(&SecretShare { secret: share.expose().to_string_radix(10) }).unwrap_or_default(),
            );
            secrets.push(send(group, &sk, recipient, &message, rng)?);
        }
        Ok((PolynomialTrustee { seed: self }, PolynomialJson { polynomial, secrets, coefexps, signature }))
    }
}

/// After step 3: the trustee waits for its vinput.
#[derive(Debug)]
pub struct PolynomialTrustee {
    seed: TrusteeSeed,
}

impl PolynomialTrustee {
    /// Step 5: checks the shares received against everyone's coefexps (and, in Belenios 3, everyone's signature over
    /// the certificates and their coefexps) and sends the voutput, whose verification key it signs in Belenios 3;
    /// the trustee keeps its seed (to decrypt its key later) and the voutput's encrypted private key.
    pub fn voutput<G: Group>(
        self,
        group: &G,
        certs: &[SignedMessageJson],
        vinput: &VinputJson,
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(TrusteeSeed, VoutputJson), Error> {
        let n = certs.len();
        let certified = certified(group, certs)?;
        let me = self.seed.position(group, &certified.keys)?;
        let (sk, dk) = self.seed.keys(group.order());
        let q = group.order();
        if vinput.secrets.len() != n || vinput.coefexps.len() != n {
            return Err(Error::invalid("vinput has the wrong number of secrets or coefexps"));
        }
        let signatures: Vec<Option<&ProofJson>> = match &vinput.signatures {
            None => vec![None; n],
            Some(list) if list.len() == n => list.iter().map(Some).collect(),
            Some(_) => return Err(Error::invalid("vinput has the wrong number of signatures")),
        };
        let threshold = match certified.form {
            Form::Belenios3 { threshold } => Some(threshold),
            Form::Belenios2 => None,
        };
        let j = Integer::from(me + 1);
        let mut total = Integer::new();
        for (i, (secret, (coefexps, signature))) in
            vinput.secrets.iter().zip(vinput.coefexps.iter().zip(signatures)).enumerate()
        {
            let (vk, _) = &certified.keys[i];
            let commitments = checked_coefexps(group, vk, coefexps, threshold, i + 1)?;
            check_certs_signature(group, certified.form, certs, vk, &commitments, signature, i + 1)?;
            let message = receive(group, &dk, vk, secret)?;
            let share: SecretShare = parse_json("secret", &message)?;
            // belenios-tool 2.0 does not always reduce the polynomial's value modulo q before sending it (seen in the
            // mixed-ceremony test: a share above q), so the share is reduced here; g has order q, so the check below
            // is unchanged by it.
            let share = SecretScalar::new(Integer::from(parse_decimal(&share.secret)?.modulo_ref(q)));
            // g^{s_ij} = Π_k A_ik^{j^k}  (spec §4.6.5)
            let mut expected = group.identity();
            let mut power = Integer::from(1);
            for a in &commitments {
                expected = group.mul(&expected, &group.vartime_pow(a, &power));
                power *= &j;
            }
            if group.secret_pow(group.generator(), &share) != expected {
                return Err(Error::invalid(format!("secret {} does not validate", i + 1)));
            }
            total += share.expose();
        }
        total.modulo_mut(q);
        let key = TrusteeSecretKey(SecretScalar::new(total));
        let pdk = Zeroizing::new(
            serde_json::to_string(&PartialDecryptionKey { decryption_key: key.0.expose().to_string_radix(10) })
                .unwrap_or_default(),
        );
        let ek = group.secret_pow(group.generator(), &dk);
        let private_key = send(group, &sk, &ek, &pdk, rng)?;
        let (_, mut public_key) = key.public(group, rng);
        if let Form::Belenios3 { .. } = certified.form {
            // `sign_trustee_public_key` (spec 3.0 §4.5): the key's string form, signed with the certified key.
            public_key.signature = Some(sign(group, &sk, &public_key.public_key, rng).signature);
        }
        Ok((self.seed, VoutputJson { private_key, public_key }))
    }
}

/// Every polynomial's coefficient commitments and (Belenios 3) signature checked against the certificates.
fn checked_polynomials<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    certified: &Certified<G::Element>,
    polynomials: &[PolynomialJson],
) -> Result<usize, Error> {
    let n = certs.len();
    if polynomials.len() != n || polynomials.iter().any(|p| p.secrets.len() != n) {
        return Err(Error::invalid("one polynomial with one secret per trustee is needed from each trustee"));
    }
    let mut threshold = match certified.form {
        Form::Belenios3 { threshold } => Some(threshold),
        Form::Belenios2 => None,
    };
    for (i, ((vk, _), p)) in certified.keys.iter().zip(polynomials).enumerate() {
        let commitments = checked_coefexps(group, vk, &p.coefexps, threshold, i + 1)?;
        threshold = Some(commitments.len());
        check_certs_signature(group, certified.form, certs, vk, &commitments, p.signature.as_ref(), i + 1)?;
    }
    threshold.ok_or_else(|| Error::invalid("no polynomials"))
}

/// Step 4 (administrator): checks the polynomials' signatures and routes them into one vinput per trustee.
pub fn vinputs<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
) -> Result<Vec<VinputJson>, Error> {
    let certified = certified(group, certs)?;
    checked_polynomials(group, certs, &certified, polynomials)?;
    let signatures: Option<Vec<ProofJson>> = polynomials.iter().map(|p| p.signature.clone()).collect();
    Ok((0..certs.len())
        .map(|j| VinputJson {
            polynomial: polynomials[j].polynomial.clone(),
            secrets: polynomials.iter().map(|p| p.secrets[j].clone()).collect(),
            coefexps: polynomials.iter().map(|p| p.coefexps.clone()).collect(),
            signatures: signatures.clone(),
        })
        .collect())
}

/// Step 6 (administrator): checks the voutputs and assembles the threshold parameters (spec §4.6.7).
pub fn threshold_parameters<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
    voutputs: &[VoutputJson],
) -> Result<ThresholdParametersJson, Error> {
    if voutputs.len() != certs.len() {
        return Err(Error::invalid("one polynomial and one voutput per trustee are needed"));
    }
    let certified = certified(group, certs)?;
    let threshold = checked_polynomials(group, certs, &certified, polynomials)?;
    let json = ThresholdParametersJson {
        threshold,
        certs: certs.to_vec(),
        coefexps: polynomials.iter().map(|p| p.coefexps.clone()).collect(),
        signatures: polynomials.iter().map(|p| p.signature.clone()).collect(),
        verification_keys: voutputs.iter().map(|v| v.public_key.clone()).collect(),
    };
    // The checks of a published trustees structure: signatures, proofs, vk_j = Π_i Π_k A_ik^(j^k).
    let text = serde_json::to_string(&[("Pedersen", &json)]).map_err(|e| Error::Encoding(e.to_string()))?;
    crate::trustees::Trustees::parse(group, &text)?;
    Ok(json)
}

/// Checks trustee `trustee`'s (from 1) voutput as it arrives: its verification key and proof against everyone's
/// polynomials' signed coefficient commitments (spec §4.6.6), and in Belenios 3 its signature, so a wrong voutput
/// is refused from the trustee who sent it rather than found, once all are in, to spoil the ceremony.
pub fn check_voutput<G: Group>(
    group: &G,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
    trustee: usize,
    voutput: &VoutputJson,
) -> Result<(), Error> {
    let certified = certified(group, certs)?;
    let threshold = checked_polynomials(group, certs, &certified, polynomials)?;
    let signed: Vec<SignedMessageJson> = polynomials.iter().map(|p| p.coefexps.clone()).collect();
    let signatures: Option<Vec<ProofJson>> = polynomials.iter().map(|p| p.signature.clone()).collect();
    crate::trustees::check_verification_key(
        group,
        certs,
        &signed,
        signatures.as_deref(),
        threshold,
        trustee,
        &voutput.public_key,
    )
}

/// A threshold trustee's decryption key, recovered from its seed and its voutput's `private_key` (belenios-tool's
/// `.key` and `.dkey` files): the channel message is checked to come from the trustee itself.
pub fn threshold_key<G: Group>(group: &G, seed: &TrusteeSeed, private_key: &str) -> Result<TrusteeSecretKey, Error> {
    let (sk, dk) = seed.keys(group.order());
    let vk = group.secret_pow(group.generator(), &sk);
    let message = receive(group, &dk, &vk, private_key.trim())?;
    let pdk: PartialDecryptionKey = parse_json("partial decryption key", &message)?;
    // Belenios 2.0 sums the shares without reducing them modulo q; reduce here (same group element, same proofs).
    let mut value = parse_decimal(&pdk.decryption_key)?;
    value.modulo_mut(group.order());
    Ok(TrusteeSecretKey(SecretScalar::new(value)))
}
