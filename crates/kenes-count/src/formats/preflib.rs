//! preflib
use crate::{Election, ParseError};
pub fn parse_preflib(file: &str, _t: &str) -> Result<Election, ParseError> {
    Err(ParseError::new(file, 0, "x", "y"))
}
