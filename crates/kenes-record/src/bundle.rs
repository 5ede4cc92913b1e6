//! Bundles: one file holding a council's whole record, to carry between nodes (over the network or on a USB stick).
//!
//! Layout (version 1):
//!
//! ```text
//! 16 bytes  magic, the ASCII bytes "kenes-bundle-v1\n"
//! 8 bytes   event count n, unsigned, big-endian
//! n times:  4 bytes wire length w, unsigned, big-endian; then w bytes: the event's wire form (see `event`)
//! 181 bytes the home node's seal over the council, n and the last hash (see `seal`)
//! ```
//!
//! A bundle may be encrypted for transport with age (<https://age-encryption.org/v1>): to a passphrase (scrypt) or to
//! recipients' X25519 public keys. An encrypted bundle starts with "age-encryption.org/v1".

use std::io::{Read, Write};

use crate::error::{BundleError, ChainError};
use crate::event::{Event, MAX_KIND, MAX_PAYLOAD, SIGNATURE_LEN};
use crate::seal::{SEAL_LEN, Seal};
use crate::verify::{ChainSummary, verify_chain};

pub const BUNDLE_MAGIC: &[u8; 16] = b"kenes-bundle-v1\n";
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";
/// The longest wire form an event can have.
const MAX_WIRE: u64 = (14 + 8 + 32 + 8 + 32 + 2 + MAX_KIND + 4 + MAX_PAYLOAD + SIGNATURE_LEN) as u64;

/// A decoded bundle: the events and the seal that closes them.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub events: Vec<Event>,
    pub seal: Seal,
}

/// Encodes events and their seal as a bundle.
pub fn encode(events: &[Event], seal: &Seal) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + events.iter().map(|e| 4 + 200 + e.payload.len()).sum::<usize>());
    out.extend_from_slice(BUNDLE_MAGIC);
    out.extend_from_slice(&(events.len() as u64).to_be_bytes());
    for event in events {
        let wire = event.to_wire();
        out.extend_from_slice(&(wire.len() as u32).to_be_bytes());
        out.extend_from_slice(&wire);
    }
    out.extend_from_slice(&seal.to_bytes());
    out
}

/// Whether the bytes look like a bundle (plain) or an age-encrypted file.
pub fn is_bundle(bytes: &[u8]) -> bool {
    bytes.starts_with(BUNDLE_MAGIC)
}

pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Decodes a plain bundle. Checks layout only; `verify_bundle` checks the record and the seal.
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if bytes.is_empty() {
        return Err(BundleError::Empty);
    }
    if !bytes.starts_with(BUNDLE_MAGIC) {
        return Err(BundleError::BadMagic);
    }
    let mut at = BUNDLE_MAGIC.len();
    let count_bytes = bytes.get(at..at + 8).ok_or(BundleError::TruncatedHeader)?;
    let mut count = [0u8; 8];
    count.copy_from_slice(count_bytes);
    let declared = u64::from_be_bytes(count);
    at += 8;
    // Never trust the declared count for an allocation: each event takes at least 4 bytes in the file.
    let mut events = Vec::with_capacity(declared.min(((bytes.len() - at) / 4) as u64) as usize);
    for position in 0..declared {
        let Some(length_bytes) = bytes.get(at..at + 4) else {
            return Err(BundleError::MissingEvents { declared, found: position });
        };
        let mut length = [0u8; 4];
        length.copy_from_slice(length_bytes);
        let length = u64::from(u32::from_be_bytes(length));
        if length > MAX_WIRE {
            return Err(BundleError::EventTooLarge { height: position, length });
        }
        at += 4;
        let end = at + length as usize;
        let Some(wire) = bytes.get(at..end) else {
            return Err(BundleError::Truncated {
                height: position,
                needed: length,
                remaining: (bytes.len() - at) as u64,
            });
        };
        let event = Event::from_wire(wire).map_err(|source| BundleError::Event { height: position, source })?;
        events.push(event);
        at = end;
    }
    let seal_bytes = bytes.get(at..at + SEAL_LEN).ok_or(BundleError::BadSeal)?;
    let seal = Seal::from_bytes(seal_bytes).ok_or(BundleError::BadSeal)?;
    at += SEAL_LEN;
    if at != bytes.len() {
        return Err(BundleError::TrailingBytes(bytes.len() - at));
    }
    Ok(Bundle { events, seal })
}

/// Decodes a bundle and verifies its chain and seal: the record is whole, untouched and as its home node sealed it.
pub fn verify_bundle(bytes: &[u8]) -> Result<(Bundle, ChainSummary), VerifyBundleError> {
    let bundle = decode(bytes)?;
    let summary = verify_chain(&bundle.events)?;
    bundle.seal.check(&summary)?;
    Ok((bundle, summary))
}

/// Why a bundle does not verify.
#[derive(Debug, thiserror::Error)]
pub enum VerifyBundleError {
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Chain(#[from] ChainError),
}

impl VerifyBundleError {
    /// The height of the first bad event, when the problem lies in one.
    pub fn height(&self) -> Option<u64> {
        match self {
            VerifyBundleError::Bundle(error) => error.height(),
            VerifyBundleError::Chain(error) => Some(error.height),
        }
    }
}

/// Encrypts bundle bytes to a passphrase (age scrypt recipient).
pub fn encrypt_to_passphrase(plain: &[u8], passphrase: &str) -> Result<Vec<u8>, BundleError> {
    let encryptor = age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(passphrase.to_owned()));
    write_encrypted(encryptor, plain)
}

/// Encrypts bundle bytes to age X25519 recipients (`age1…` public keys).
pub fn encrypt_to_recipients(plain: &[u8], recipients: &[String]) -> Result<Vec<u8>, BundleError> {
    let mut parsed: Vec<age::x25519::Recipient> = Vec::with_capacity(recipients.len());
    for text in recipients {
        let recipient = text
            .trim()
            .parse::<age::x25519::Recipient>()
            .map_err(|error| BundleError::Encrypt(format!("recipient {text:?}: {error}")))?;
        parsed.push(recipient);
    }
    let encryptor = age::Encryptor::with_recipients(parsed.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|error| BundleError::Encrypt(error.to_string()))?;
    write_encrypted(encryptor, plain)
}

fn write_encrypted(encryptor: age::Encryptor, plain: &[u8]) -> Result<Vec<u8>, BundleError> {
    let mut out = Vec::with_capacity(plain.len() + 512);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|error| BundleError::Encrypt(error.to_string()))?;
    writer.write_all(plain).map_err(|error| BundleError::Encrypt(error.to_string()))?;
    writer.finish().map_err(|error| BundleError::Encrypt(error.to_string()))?;
    Ok(out)
}

/// A new age X25519 identity: its secret (`AGE-SECRET-KEY-1…`) and its recipient (`age1…`).
pub fn generate_identity() -> (String, String) {
    use age::secrecy::ExposeSecret;
    let identity = age::x25519::Identity::generate();
    (identity.to_string().expose_secret().to_owned(), identity.to_public().to_string())
}

/// The recipient (`age1…`) of an age X25519 identity's secret.
pub fn recipient_of(secret: &str) -> Result<String, BundleError> {
    let identity = secret
        .trim()
        .parse::<age::x25519::Identity>()
        .map_err(|error| BundleError::Decrypt(format!("identity: {error}")))?;
    Ok(identity.to_public().to_string())
}

/// A way to open an encrypted bundle.
pub enum Opener<'a> {
    Passphrase(&'a str),
    /// The contents of an age identity file (`AGE-SECRET-KEY-1…` lines).
    IdentityFile(&'a str),
}

/// Decrypts an age-encrypted bundle.
pub fn decrypt(encrypted: &[u8], opener: Opener<'_>) -> Result<Vec<u8>, BundleError> {
    let decryptor = age::Decryptor::new(encrypted).map_err(|error| BundleError::Decrypt(error.to_string()))?;
    let mut reader: Box<dyn Read + '_> = match opener {
        Opener::Passphrase(passphrase) => {
            let identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.to_owned()));
            Box::new(
                decryptor
                    .decrypt(std::iter::once(&identity as &dyn age::Identity))
                    .map_err(|error| BundleError::Decrypt(error.to_string()))?,
            )
        }
        Opener::IdentityFile(text) => {
            let mut identities = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let identity = line
                    .parse::<age::x25519::Identity>()
                    .map_err(|error| BundleError::Decrypt(format!("identity file: {error}")))?;
                identities.push(identity);
            }
            Box::new(
                decryptor
                    .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
                    .map_err(|error| BundleError::Decrypt(error.to_string()))?,
            )
        }
    };
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).map_err(|error| BundleError::Decrypt(error.to_string()))?;
    Ok(plain)
}
