//! The "Pedersen" threshold key ceremony (spec §3.1.1, §4.6) and threshold partial decryption keys.
//!
//! Each step is a type consumed by the next, so a trustee cannot run them out of order:
//! [`TrusteeSeed`] (step 1, with its certificate) → [`TrusteeSeed::polynomial`] (step 3, needs all certificates and
//! consumes the seed into a [`PolynomialTrustee`]) → [`PolynomialTrustee::voutput`] (step 5, consumes it). The
//! administrator's steps are functions over the public messages: [`vinputs`] (step 4) and
//! [`threshold_parameters`] (step 6).
//!
//! Private channels (spec §4.6.1, §4.6.3): keys derived from a 22-character Base58 seed, `sk = SHA256("sk|" seed)`,
//! `dk = SHA256("dk|" seed)` read as big-endian numbers; signatures are Schnorr proofs on `"sigmsg|" M "|" A`;
//! encryption is ElGamal-wrapped AES-256-CCM with the key `SHA256("key|" g^s)` and the nonce the first 13 bytes of
//! `SHA256("iv|" g^r)` (numbers in base 10), a 64-bit tag and no associated data (SJCL's CCM, as Belenios uses it).

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
use crate::group::{FfGroup, Group, SecretScalar, parse_decimal};
use crate::proofs::{Proof, random_secret, schnorr_prove, sigmsg_prefix, vartime_schnorr_verify};
use crate::trustees::{SignedMessageJson, ThresholdParametersJson, TrusteePublicKeyJson, TrusteeSecretKey};

type Cipher = ccm::Ccm<Aes256, U8, U13>;

/// `encrypted_msg` (spec §4.6.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EncryptedMessageJson {
    pub alpha: String,
    pub beta: String,
    pub data: String,
}

/// `polynomial` (spec §4.6.4), what a trustee sends at step 3.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolynomialJson {
    pub polynomial: String,
    pub secrets: Vec<String>,
    pub coefexps: SignedMessageJson,
}

/// `vinput` (spec §4.6.5), what a trustee receives at step 5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VinputJson {
    pub polynomial: String,
    pub secrets: Vec<String>,
    pub coefexps: Vec<SignedMessageJson>,
}

/// `voutput` (spec §4.6.6), what a trustee sends at step 5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoutputJson {
    pub private_key: String,
    pub public_key: TrusteePublicKeyJson,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CertKeys {
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

fn derive(seed: &str, label: &str) -> SecretScalar {
    let digest: Zeroizing<[u8; 32]> = Zeroizing::new(Sha256::digest(format!("{label}|{seed}").as_bytes()).into());
    SecretScalar::new(Integer::from_digits(digest.as_ref(), Order::Msf))
}

fn sha256_bytes(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Signs a message (spec §4.6.1).
pub fn sign(group: &FfGroup, sk: &SecretScalar, message: &str, rng: &mut dyn CryptoRngCore) -> SignedMessageJson {
    let proof = schnorr_prove(group, &sigmsg_prefix(message), sk, rng);
    SignedMessageJson { message: message.to_owned(), signature: proof.to_json() }
}

/// Verifies a signed message with a verification key.
pub fn verify_signed(group: &FfGroup, vk: &Integer, message: &SignedMessageJson) -> bool {
    Proof::parse(&message.signature, group.order())
        .map(|proof| vartime_schnorr_verify(group, &sigmsg_prefix(&message.message), vk, &proof))
        .unwrap_or(false)
}

/// Encrypts for an encryption key (spec §4.6.1).
pub fn encrypt(
    group: &FfGroup,
    ek: &Integer,
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
pub fn decrypt(group: &FfGroup, dk: &SecretScalar, message: &EncryptedMessageJson) -> Result<Zeroizing<String>, Error> {
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
fn send(
    group: &FfGroup,
    sk: &SecretScalar,
    recipient: &Integer,
    message: &str,
    rng: &mut dyn CryptoRngCore,
) -> Result<String, Error> {
    let inner = ChannelMessage { recipient: group.encode(recipient), message: message.to_owned() };
    let inner = serde_json::to_string(&inner).map_err(|e| Error::Encoding(e.to_string()))?;
    let signed = serde_json::to_string(&sign(group, sk, &inner, rng)).map_err(|e| Error::Encoding(e.to_string()))?;
    serde_json::to_string(&encrypt(group, recipient, &signed, rng)?).map_err(|e| Error::Encoding(e.to_string()))
}

/// Receives a channel message: decrypts, checks the sender's signature and that we are the recipient.
fn receive(group: &FfGroup, dk: &SecretScalar, sender_vk: &Integer, message: &str) -> Result<Zeroizing<String>, Error> {
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

/// The public keys of a certificate, after checking its self-signature.
fn cert_keys(group: &FfGroup, cert: &SignedMessageJson, index: usize) -> Result<(Integer, Integer), Error> {
    let keys: CertKeys = parse_json(&format!("certificate {index}"), &cert.message)?;
    let vk = group.decode(&keys.verification)?;
    let ek = group.decode(&keys.encryption)?;
    if !verify_signed(group, &vk, cert) {
        return Err(Error::invalid(format!("certificate {index} does not validate")));
    }
    Ok((vk, ek))
}

/// Step 1: a trustee's secret seed (hidden from `Debug`, wiped on drop).
pub struct TrusteeSeed(Zeroizing<String>);

impl fmt::Debug for TrusteeSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TrusteeSeed(<hidden>)")
    }
}

impl TrusteeSeed {
    /// Step 1: a fresh seed and its certificate (spec §4.6.2).
    pub fn generate(group: &FfGroup, rng: &mut dyn CryptoRngCore) -> (Self, SignedMessageJson) {
        let seed = crate::credential::generate_token(22, rng);
        let seed = TrusteeSeed(Zeroizing::new(seed));
        let cert = seed.certificate(group, rng);
        (seed, cert)
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

    fn keys(&self) -> (SecretScalar, SecretScalar) {
        (derive(&self.0, "sk"), derive(&self.0, "dk"))
    }

    /// The certificate: `{"verification":g^sk,"encryption":g^dk}` signed with sk.
    pub fn certificate(&self, group: &FfGroup, rng: &mut dyn CryptoRngCore) -> SignedMessageJson {
        let (sk, dk) = self.keys();
        let keys = CertKeys {
            verification: group.encode(&group.secret_pow(group.generator(), &sk)),
            encryption: group.encode(&group.secret_pow(group.generator(), &dk)),
        };
        sign(group, &sk, &serde_json::to_string(&keys).unwrap_or_default(), rng)
    }

    fn position(&self, group: &FfGroup, certs: &[SignedMessageJson]) -> Result<usize, Error> {
        let (sk, dk) = self.keys();
        let vk = group.secret_pow(group.generator(), &sk);
        let ek = group.secret_pow(group.generator(), &dk);
        for (i, cert) in certs.iter().enumerate() {
            if cert_keys(group, cert, i + 1)? == (vk.clone(), ek.clone()) {
                return Ok(i);
            }
        }
        Err(Error::Usage("this trustee's certificate is not among the certificates".into()))
    }

    /// Resumes after step 3 from the stored seed, when steps 3 and 5 run in separate processes (the command line):
    /// the seed is all a trustee keeps between them.
    pub fn after_polynomial(self) -> PolynomialTrustee {
        PolynomialTrustee { seed: self }
    }

    /// Step 3: checks all certificates, picks a random polynomial of degree `threshold − 1`, and sends its shares.
    pub fn polynomial(
        self,
        group: &FfGroup,
        certs: &[SignedMessageJson],
        threshold: usize,
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(PolynomialTrustee, PolynomialJson), Error> {
        if threshold == 0 || threshold > certs.len() {
            return Err(Error::Usage(format!("threshold must be between 1 and {}", certs.len())));
        }
        let keys: Vec<(Integer, Integer)> =
            certs.iter().enumerate().map(|(i, c)| cert_keys(group, c, i + 1)).collect::<Result<_, _>>()?;
        self.position(group, certs)?;
        let (sk, dk) = self.keys();
        let q = group.order();
        let coefficients: Vec<SecretScalar> = (0..threshold).map(|_| random_secret(q, rng)).collect();
        let raw = RawPolynomial { polynomial: coefficients.iter().map(|a| a.expose().to_string_radix(10)).collect() };
        let raw = Zeroizing::new(serde_json::to_string(&raw).unwrap_or_default());
        let ek = group.secret_pow(group.generator(), &dk);
        let polynomial = send(group, &sk, &ek, &raw, rng)?;
        let coefexps = RawCoefexps {
            coefexps: coefficients.iter().map(|a| group.encode(&group.secret_pow(group.generator(), a))).collect(),
        };
        let coefexps = sign(group, &sk, &serde_json::to_string(&coefexps).unwrap_or_default(), rng);
        let mut secrets = Vec::with_capacity(certs.len());
        for (j, (_, recipient)) in keys.iter().enumerate() {
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
        Ok((PolynomialTrustee { seed: self }, PolynomialJson { polynomial, secrets, coefexps }))
    }
}

/// After step 3: the trustee waits for its vinput.
#[derive(Debug)]
pub struct PolynomialTrustee {
    seed: TrusteeSeed,
}

impl PolynomialTrustee {
    /// Step 5: checks the shares received against everyone's coefexps and sends the voutput; the trustee keeps
    /// its seed (to decrypt its key later) and the voutput's encrypted private key.
    pub fn voutput(
        self,
        group: &FfGroup,
        certs: &[SignedMessageJson],
        vinput: &VinputJson,
        rng: &mut dyn CryptoRngCore,
    ) -> Result<(TrusteeSeed, VoutputJson), Error> {
        let n = certs.len();
        let keys: Vec<(Integer, Integer)> =
            certs.iter().enumerate().map(|(i, c)| cert_keys(group, c, i + 1)).collect::<Result<_, _>>()?;
        let me = self.seed.position(group, certs)?;
        let (sk, dk) = self.seed.keys();
        let q = group.order();
        if vinput.secrets.len() != n || vinput.coefexps.len() != n {
            return Err(Error::invalid("vinput has the wrong number of secrets or coefexps"));
        }
        let j = Integer::from(me + 1);
        let mut total = Integer::new();
        for (i, ((secret, coefexps), (vk, _))) in vinput.secrets.iter().zip(&vinput.coefexps).zip(&keys).enumerate() {
            if !verify_signed(group, vk, coefexps) {
                return Err(Error::invalid(format!("coefexps {} does not validate", i + 1)));
            }
            let raw: RawCoefexps = parse_json("coefexps", &coefexps.message)?;
            let message = receive(group, &dk, vk, secret)?;
            let share: SecretShare = parse_json("secret", &message)?;
            // belenios-tool does not always reduce the polynomial's value modulo q before sending it (seen in the
            // mixed-ceremony test: a share above q), so the share is reduced here; g has order q, so the check below
            // is unchanged by it.
            let share = SecretScalar::new(Integer::from(parse_decimal(&share.secret)?.modulo_ref(q)));
            // g^{s_ij} = Π_k A_ik^{j^k}  (spec §4.6.5)
            let mut expected = group.identity();
            let mut power = Integer::from(1);
            for a in &raw.coefexps {
                expected = group.mul(&expected, &group.vartime_pow(&group.decode(a)?, &power));
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
        let (_, public_key) = key.public(group, rng);
        Ok((self.seed, VoutputJson { private_key, public_key }))
    }
}

/// Step 4 (administrator): routes the polynomials into one vinput per trustee.
pub fn vinputs(
    group: &FfGroup,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
) -> Result<Vec<VinputJson>, Error> {
    let n = certs.len();
    if polynomials.len() != n || polynomials.iter().any(|p| p.secrets.len() != n) {
        return Err(Error::invalid("one polynomial with one secret per trustee is needed from each trustee"));
    }
    for (i, (cert, p)) in certs.iter().zip(polynomials).enumerate() {
        let (vk, _) = cert_keys(group, cert, i + 1)?;
        if !verify_signed(group, &vk, &p.coefexps) {
            return Err(Error::invalid(format!("coefexps {} does not validate", i + 1)));
        }
    }
    Ok((0..n)
        .map(|j| VinputJson {
            polynomial: polynomials[j].polynomial.clone(),
            secrets: polynomials.iter().map(|p| p.secrets[j].clone()).collect(),
            coefexps: polynomials.iter().map(|p| p.coefexps.clone()).collect(),
        })
        .collect())
}

/// Step 6 (administrator): checks the voutputs and assembles the threshold parameters (spec §4.6.7).
pub fn threshold_parameters(
    group: &FfGroup,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
    voutputs: &[VoutputJson],
) -> Result<ThresholdParametersJson, Error> {
    if voutputs.len() != certs.len() || polynomials.len() != certs.len() {
        return Err(Error::invalid("one polynomial and one voutput per trustee are needed"));
    }
    let threshold = polynomials
        .first()
        .map(|p| parse_json::<RawCoefexps>("coefexps", &p.coefexps.message).map(|c| c.coefexps.len()))
        .transpose()?
        .unwrap_or(0);
    let json = ThresholdParametersJson {
        threshold,
        certs: certs.to_vec(),
        coefexps: polynomials.iter().map(|p| p.coefexps.clone()).collect(),
        signatures: None,
        verification_keys: voutputs.iter().map(|v| v.public_key.clone()).collect(),
    };
    // The checks of a published trustees structure: signatures, proofs, vk_j = Π_i Π_k A_ik^(j^k).
    let text = serde_json::to_string(&[("Pedersen", &json)]).map_err(|e| Error::Encoding(e.to_string()))?;
    crate::trustees::Trustees::parse(group, &text)?;
    Ok(json)
}

/// Checks trustee `trustee`'s (from 1) voutput as it arrives: its verification key and proof against everyone's
/// polynomials' signed coefficient commitments (spec §4.6.6), so a wrong voutput is refused from the trustee who
/// sent it rather than found, once all are in, to spoil the ceremony.
pub fn check_voutput(
    group: &FfGroup,
    certs: &[SignedMessageJson],
    polynomials: &[PolynomialJson],
    trustee: usize,
    voutput: &VoutputJson,
) -> Result<(), Error> {
    let threshold = polynomials
        .first()
        .map(|p| parse_json::<RawCoefexps>("coefexps", &p.coefexps.message).map(|c| c.coefexps.len()))
        .transpose()?
        .unwrap_or(0);
    let signed: Vec<SignedMessageJson> = polynomials.iter().map(|p| p.coefexps.clone()).collect();
    crate::trustees::check_verification_key(group, certs, &signed, threshold, trustee, &voutput.public_key)
}

/// A threshold trustee's decryption key, recovered from its seed and its voutput's `private_key` (belenios-tool's
/// `.key` and `.dkey` files): the channel message is checked to come from the trustee itself.
pub fn threshold_key(group: &FfGroup, seed: &TrusteeSeed, private_key: &str) -> Result<TrusteeSecretKey, Error> {
    let (sk, dk) = seed.keys();
    let vk = group.secret_pow(group.generator(), &sk);
    let message = receive(group, &dk, &vk, private_key.trim())?;
    let pdk: PartialDecryptionKey = parse_json("partial decryption key", &message)?;
    // Belenios sums the shares without reducing them modulo q; reduce here (same group element, same proofs).
    let mut value = parse_decimal(&pdk.decryption_key)?;
    value.modulo_mut(group.order());
    Ok(TrusteeSecretKey(SecretScalar::new(value)))
}
