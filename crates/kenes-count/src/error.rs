//! Errors of counting and of reading ballot files.

use thiserror::Error;

/// Why a ballot file could not be read: which file, which line, what was expected.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{file}:{line}: expected {expected}, found {found}")]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub expected: String,
    pub found: String,
}

impl ParseError {
    pub fn new(file: &str, line: usize, expected: impl Into<String>, found: impl AsRef<str>) -> ParseError {
        let found = found.as_ref();
        // Never echo an unbounded line back.
        let found = if found.chars().count() > 60 {
            format!("{:?}…", found.chars().take(60).collect::<String>())
        } else {
            format!("{found:?}")
        };
        ParseError { file: file.to_owned(), line, expected: expected.into(), found }
    }
}

/// Why a count could not be completed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CountError {
    #[error("{0}")]
    Invalid(String),
    #[error("vote totals not conserved at stage {stage}: expected {expected}, found {found}")]
    Conservation { stage: usize, expected: String, found: String },
    #[error("arithmetic overflow: the numbers of votes are too large")]
    Overflow,
    #[error(transparent)]
    Parse(#[from] ParseError),
}
