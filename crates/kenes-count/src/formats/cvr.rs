//! cvr
use crate::{Election, ParseError};
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CvrOptions {}
pub fn parse_cvr_csv(file: &str, _t: &str, _o: &CvrOptions) -> Result<Election, ParseError> {
    Err(ParseError::new(file, 0, "x", "y"))
}
pub fn parse_cvr_xlsx(file: &str, _t: &[u8], _o: &CvrOptions) -> Result<Election, ParseError> {
    Err(ParseError::new(file, 0, "x", "y"))
}
