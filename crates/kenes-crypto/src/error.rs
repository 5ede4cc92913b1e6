//! The errors of `kenes-crypto`: each says what failed and where.

use thiserror::Error;

/// Everything that can go wrong while reading, producing or verifying Belenios data.
#[derive(Debug, Error)]
pub enum Error {
    /// A value is not in the form Belenios writes (number, element, string).
    #[error("bad encoding: {0}")]
    Encoding(String),
    /// JSON that does not have the expected structure.
    #[error("bad JSON in {what}: {message}")]
    Json { what: String, message: String },
    /// The election names a group we do not implement.
    #[error("unsupported group {0:?}")]
    UnsupportedGroup(String),
    /// A check of the protocol failed; `what` names the object and field.
    #[error("verification failed: {what}")]
    Invalid { what: String },
    /// The archive is not a well-formed Belenios archive.
    #[error("archive: {0}")]
    Archive(String),
    /// The caller asked for something that cannot be done (e.g. a vote outside min/max).
    #[error("{0}")]
    Usage(String),
    /// The public credentials' weights add up to more than an election can count
    /// ([`crate::election::MAX_TOTAL_WEIGHT`]): refused before anything expensive is done.
    #[error(
        "the public credentials' weights add up to {total}, more than the {max} an election can count \
         (kenes_crypto::election::MAX_TOTAL_WEIGHT)"
    )]
    TotalWeightTooLarge { total: u128, max: u64 },
    /// A ballot box refused something well-formed that the election's roll or state does not allow now.
    #[error("{0}")]
    Refused(Refusal),
}

/// Why a ballot box refused a ballot, a partial decryption or a step (see `ballot_box.rs`); each is a stable case a
/// server can map to its own answer.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Refusal {
    /// The ballot box is closed: no more ballots, and it cannot be closed again.
    #[error("the ballot box is closed")]
    Closed,
    /// There is no encrypted tally to decrypt yet: the ballot box must be closed first.
    #[error("there is no encrypted tally yet: close the ballot box first")]
    NoTally,
    /// The result is already computed: nothing more can be added.
    #[error("the result is already computed")]
    Tallied,
    /// This very ballot is already in the ballot box (a replay).
    #[error("this ballot is already in the ballot box (tracking number {tracker})")]
    DuplicateBallot { tracker: String },
    /// The ballot's credential is not one of the election's public credentials.
    #[error("the ballot's credential is not one of the election's public credentials")]
    UnknownCredential,
    /// There is no trustee with this number.
    #[error("there is no trustee {trustee} (the election has {trustees}, numbered from 1)")]
    UnknownTrustee { trustee: usize, trustees: usize },
    /// This trustee's partial decryption is already there (and the result does not need it again: see
    /// [`Refusal::ResultNotFound`]).
    #[error("trustee {trustee} has already decrypted")]
    DuplicateDecryption { trustee: usize },
    /// More partial decryptions are needed before the result can be computed.
    #[error("more partial decryptions are needed: {missing}")]
    MissingDecryptions { missing: String },
    /// The decryptions belenios-tool would combine (every "Single" trustee's, the first `threshold` of each
    /// "Pedersen" group by number) do not decrypt the tally to counts within the total weight, and no other
    /// combination of the decryptions in does either: one of these trustees (numbered from 1) sent a wrong factor
    /// whose proof holds (spec §4.18 does not bind the proof to the factor). More threshold trustees decrypting
    /// tells which; each of them may also decrypt again.
    #[error(
        "the partial decryptions do not decrypt the tally: a wrong decryption factor came from {}; more trustees \
         decrypting will tell which, and each of them may decrypt again",
        who(suspects)
    )]
    ResultNotFound { suspects: Vec<usize> },
    /// Another combination of the decryptions in gives the result, and these trustees' factors (numbered from 1)
    /// are not those the others imply: they are wrong, though their proofs hold (spec §4.18 does not bind the proof
    /// to the factor). belenios-tool combines the first `threshold` trustees of a group by number, so the result
    /// can be written, verifiably, only once those trustees decrypt again or enough trustees numbered below them
    /// have decrypted.
    #[error(
        "the decryption factors of {} are wrong (their proofs hold, but they disagree with the other trustees'): \
         the result needs {} to decrypt again, or enough trustees numbered below to decrypt",
        who(trustees),
        who(trustees)
    )]
    InconsistentDecryptions { trustees: Vec<usize> },
    /// A prepared change no longer applies: the ballot box changed since it was prepared.
    #[error("the ballot box changed since this change was prepared; prepare it again")]
    Stale,
    /// The election has ranked (non-homomorphic) questions and the shuffles have not ended: decrypting now would
    /// show each ballot next to the voter's credential.
    #[error("the ranked ballots must be shuffled before anyone decrypts: {shuffled} shuffle(s) so far, not ended")]
    ShufflesPending { shuffled: usize },
    /// Nothing to shuffle: the election has no ranked (non-homomorphic) question, or the shuffles have ended (a
    /// partial decryption is in, or `EndShuffles`).
    #[error("there is nothing to shuffle now")]
    NoShuffle,
    /// This trustee has already shuffled.
    #[error("trustee {trustee} has already shuffled")]
    DuplicateShuffle { trustee: usize },
}

/// `trustee 1`, `trustees 1, 2 and 3`.
fn who(numbers: &[usize]) -> String {
    match numbers {
        [] => "no trustee".to_owned(),
        [one] => format!("trustee {one}"),
        [init @ .., last] => {
            format!("trustees {} and {last}", init.iter().map(usize::to_string).collect::<Vec<_>>().join(", "))
        }
    }
}

impl Error {
    /// A failed check, naming what failed.
    pub fn invalid(what: impl Into<String>) -> Self {
        Error::Invalid { what: what.into() }
    }

    /// Adds context in front of the message, keeping the kind.
    pub fn context(self, context: &str) -> Self {
        match self {
            Error::Invalid { what } => Error::Invalid { what: format!("{context}: {what}") },
            Error::Encoding(m) => Error::Encoding(format!("{context}: {m}")),
            Error::Json { what, message } => Error::Json { what: format!("{context}: {what}"), message },
            Error::Archive(m) => Error::Archive(format!("{context}: {m}")),
            Error::Usage(m) => Error::Usage(format!("{context}: {m}")),
            other => other,
        }
    }
}

/// Parses JSON, naming what was being read.
pub fn parse_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::Json { what: what.to_owned(), message: e.to_string() })
}
