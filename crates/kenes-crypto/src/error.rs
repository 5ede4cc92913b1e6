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
