//! meek
use crate::*;
pub fn count_meek(_e: &Election, _o: &StvOptions) -> Result<CountResult, CountError> {
    Err(CountError::Overflow)
}
