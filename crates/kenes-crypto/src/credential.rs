//! Voter credentials (spec §4.8): generation with checksum, PBKDF2 derivation, public credentials; and Belenios 3's
//! longer credentials (`XXXXX-XXXXXX-XXXXX-XXXXXX`, 22 Base58 digits, no checksum), derived by SHA-256 without
//! PBKDF2 (spec 3.0 §4.8), which belenios-tool 3.0 issues and reads beside the 2.0 form.
//!
//! The credential authority generates secret credentials and publishes only `g^secret(c)` (with weights), so the
//! voting server, which never sees a secret credential, cannot cast a ballot.

use std::fmt;

use rand_core::CryptoRngCore;
use rug::Integer;
use rug::integer::Order;
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

use crate::error::Error;
use crate::group::{Group, SecretScalar};

/// The Base58 alphabet of credentials and tokens (spec §4.2, §4.8).
pub const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Where the dashes of a Belenios 3 credential are: `XXXXX-XXXXXX-XXXXX-XXXXXX`.
const FULL_DASHES: [usize; 3] = [5, 12, 18];
/// A Belenios 3 credential's length with its dashes (22 Base58 digits).
const FULL_LENGTH: usize = 25;

/// A secret credential, always held in its dashed form (`XXX-XXX-XXX-XXX-XXX` of Belenios 2.0, or Belenios 3's
/// `XXXXX-XXXXXX-XXXXX-XXXXXX`): hidden from `Debug`, wiped on drop.
#[derive(Clone)]
pub struct SecretCredential(Zeroizing<String>);

impl fmt::Debug for SecretCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretCredential(<hidden>)")
    }
}

fn digit_value(c: u8) -> Option<u32> {
    BASE58.iter().position(|&d| d == c).map(|i| i as u32)
}

/// `XXX-XXX-XXX-XXX-XXX` from the 15 Base58 digits (checked by the caller, hence ASCII).
fn dashed(digits: &[u8]) -> Zeroizing<String> {
    let mut text = Zeroizing::new(String::with_capacity(19));
    for (i, &c) in digits.iter().enumerate() {
        if i > 0 && i % 3 == 0 {
            text.push('-');
        }
        text.push(char::from(c));
    }
    text
}

impl SecretCredential {
    /// Generates a credential: 14 random Base58 digits and the checksum `53 − (n mod 53)` (spec §4.8).
    pub fn generate(rng: &mut dyn CryptoRngCore) -> Self {
        let mut raw = Zeroizing::new(Vec::with_capacity(15));
        let mut value = Integer::new();
        for _ in 0..14 {
            // Rejection sampling for a uniform digit in 0..58.
            let digit = loop {
                let mut byte = [0u8; 1];
                rng.fill_bytes(&mut byte);
                let candidate = byte[0] & 63;
                if candidate < 58 {
                    break candidate;
                }
            };
            raw.push(BASE58[digit as usize]);
            value *= 58u32;
            value += u32::from(digit);
        }
        let checksum = 53 - value.mod_u(53);
        raw.push(BASE58[checksum as usize]);
        SecretCredential(dashed(&raw))
    }

    /// Generates a Belenios 3 credential: 22 uniform Base58 digits, written `XXXXX-XXXXXX-XXXXX-XXXXXX` (spec 3.0
    /// §4.8); about 129 bits, so no derivation needs to slow a guesser down.
    pub fn generate_full(rng: &mut dyn CryptoRngCore) -> Self {
        let digits = Zeroizing::new(generate_token(22, rng));
        let mut text = Zeroizing::new(String::with_capacity(FULL_LENGTH));
        for (i, c) in digits.chars().enumerate() {
            if [5, 11, 16].contains(&i) {
                text.push('-');
            }
            text.push(c);
        }
        SecretCredential(text)
    }

    /// Whether this is a Belenios 3 credential (derived by [`SecretCredential::derive`] with SHA-256).
    pub fn is_full(&self) -> bool {
        self.0.len() == FULL_LENGTH
    }

    /// Parses a credential typed by a voter, checking its form and checksum, and returns it in the dashed form
    /// `XXX-XXX-XXX-XXX-XXX` in which credential authorities issue it.
    ///
    /// The spec (§4.8) admits the undashed form `XXXXXXXXXXXXXXX` too and uses the credential string as the PBKDF2
    /// password; belenios-tool 2.0 accepts both forms but derives from the string exactly as typed, so an issued
    /// credential typed without its dashes gives there a key on no voter list, and every ballot made with it is
    /// refused. Credential authorities (belenios-tool's and kenes') issue only the dashed form, so an undashed
    /// credential is read here as the dashed one it abbreviates and [`SecretCredential::derive`] always derives
    /// from the dashed form, as `booth.js` does in the browser.
    ///
    /// A Belenios 3 credential (`XXXXX-XXXXXX-XXXXX-XXXXXX`) has no checksum: its form and digits are checked.
    pub fn parse(text: &str) -> Result<Self, Error> {
        const FORM: &str = "a credential has the form XXX-XXX-XXX-XXX-XXX or XXXXX-XXXXXX-XXXXX-XXXXXX";
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() == FULL_LENGTH {
            let dashes_right = bytes.iter().enumerate().all(|(i, &b)| (b == b'-') == FULL_DASHES.contains(&i));
            if !dashes_right {
                return Err(Error::Usage(FORM.into()));
            }
            if bytes.iter().enumerate().any(|(i, &b)| !FULL_DASHES.contains(&i) && digit_value(b).is_none()) {
                return Err(Error::Usage("a credential uses Base58 characters only".into()));
            }
            return Ok(SecretCredential(Zeroizing::new(text.to_owned())));
        }
        let raw: Zeroizing<Vec<u8>> = Zeroizing::new(match bytes.len() {
            15 => bytes.to_vec(),
            19 => {
                if [3, 7, 11, 15].iter().any(|&i| bytes[i] != b'-') {
                    return Err(Error::Usage(FORM.into()));
                }
                bytes.iter().enumerate().filter(|(i, _)| i % 4 != 3).map(|(_, &b)| b).collect()
            }
            _ => return Err(Error::Usage(FORM.into())),
        });
        let mut value = Integer::new();
        for &c in &raw[..14] {
            let d = digit_value(c).ok_or_else(|| Error::Usage("a credential uses Base58 characters only".into()))?;
            value *= 58u32;
            value += d;
        }
        let checksum =
            digit_value(raw[14]).ok_or_else(|| Error::Usage("a credential uses Base58 characters only".into()))?;
        if (value + checksum).mod_u(53) != 0 {
            return Err(Error::Usage("credential checksum does not match: check for a typing error".into()));
        }
        Ok(SecretCredential(dashed(&raw)))
    }

    /// The credential as issued to the voter, with its dashes.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `secret(c)`: PBKDF2-HMAC-SHA256(password = c, salt = uuid, 1000 iterations, 32 bytes) mod q (spec §4.8); for a
    /// Belenios 3 credential, SHA256hex(`derive_credential|uuid|0|c`) ‖ SHA256hex(`derive_credential|uuid|1|c`) read
    /// as one 512-bit big-endian number, mod q (spec 3.0 §4.8).
    pub fn derive(&self, uuid: &str, q: &Integer) -> SecretScalar {
        use sha2::Digest;
        if self.is_full() {
            let mut wide = Zeroizing::new([0u8; 64]);
            for (half, chunk) in wide.chunks_mut(32).enumerate() {
                let mut input = Zeroizing::new(format!("derive_credential|{uuid}|{half}|"));
                input.push_str(&self.0);
                chunk.copy_from_slice(&Sha256::digest(input.as_bytes()));
            }
            let mut value = Integer::from_digits(wide.as_ref(), Order::Msf);
            let reduced = Integer::from(value.modulo_ref(q));
            crate::group::wipe_integer(&mut value);
            return SecretScalar::new(reduced);
        }
        let mut block = Zeroizing::new([0u8; 32]);
        pbkdf2::pbkdf2_hmac::<Sha256>(self.0.as_bytes(), uuid.as_bytes(), 1000, block.as_mut());
        let mut value = Integer::from_digits(block.as_ref(), Order::Msf);
        let reduced = Integer::from(value.modulo_ref(q));
        crate::group::wipe_integer(&mut value);
        SecretScalar::new(reduced)
    }

    /// `public(c) = g^secret(c)`.
    pub fn public<G: Group>(&self, group: &G, uuid: &str) -> G::Element {
        let secret = self.derive(uuid, group.order());
        group.secret_pow(group.generator(), &secret)
    }
}

impl Drop for SecretCredential {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// A Base58 token (election uuids): `length` random digits.
pub fn generate_token(length: usize, rng: &mut dyn CryptoRngCore) -> String {
    let mut out = String::with_capacity(length);
    while out.len() < length {
        let mut byte = [0u8; 1];
        rng.fill_bytes(&mut byte);
        let candidate = byte[0] & 63;
        if candidate < 58 {
            out.push(BASE58[candidate as usize] as char);
        }
    }
    out
}
