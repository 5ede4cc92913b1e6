//! Exact fixed-point vote values: an `i128` counting units of 10⁻⁹ of a vote.
//!
//! Every rule this crate implements truncates or rounds to at most nine decimal places (Scottish STV five,
//! NZ Meek nine), so one scale serves them all and sums are exact. Floats never enter a count.

use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// Number of decimal digits kept by [`Votes`].
pub const SCALE_DIGITS: u32 = 9;
/// 10^[`SCALE_DIGITS`].
pub const SCALE: i128 = 1_000_000_000;

/// A vote value with nine exact decimal places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Votes(pub i128);

impl Votes {
    pub const ZERO: Votes = Votes(0);
    pub const ONE: Votes = Votes(SCALE);

    /// A whole number of votes.
    pub fn from_int(n: u64) -> Votes {
        Votes(i128::from(n) * SCALE)
    }

    /// The raw count of 10⁻⁹ units.
    pub fn raw(self) -> i128 {
        self.0
    }

    /// Truncates (towards zero) to `decimals` places (at most nine).
    pub fn truncate(self, decimals: u32) -> Votes {
        let unit = unit(decimals);
        Votes(self.0 - self.0 % unit)
    }

    /// Rounds up (away from zero for positive values) to `decimals` places.
    pub fn ceil(self, decimals: u32) -> Votes {
        let unit = unit(decimals);
        let rem = self.0.rem_euclid(unit);
        if rem == 0 { self } else { Votes(self.0 - rem + unit) }
    }

    /// The whole part, rounded down.
    pub fn floor_int(self) -> i128 {
        self.0.div_euclid(SCALE)
    }

    /// `self × count` exactly.
    pub fn times(self, count: u64) -> Votes {
        Votes(self.0 * i128::from(count))
    }

    /// `self × numerator / denominator`, truncated to `decimals` places; `None` if the denominator is zero.
    pub fn mul_div_trunc(self, numerator: Votes, denominator: Votes, decimals: u32) -> Option<Votes> {
        if denominator.0 == 0 {
            return None;
        }
        // self and numerator are at most ~10^15 votes in practice; their product fits in i128 with room.
        let product = self.0.checked_mul(numerator.0)?;
        let raw = product / denominator.0;
        Some(Votes(raw).truncate(decimals))
    }

    /// `self × numerator / denominator`, rounded up to `decimals` places.
    pub fn mul_div_ceil(self, numerator: Votes, denominator: Votes, decimals: u32) -> Option<Votes> {
        if denominator.0 == 0 {
            return None;
        }
        let product = self.0.checked_mul(numerator.0)?;
        let step = denominator.0.checked_mul(unit(decimals))?;
        let mut quotient = product.div_euclid(step);
        if product.rem_euclid(step) != 0 {
            quotient += 1;
        }
        Some(Votes(quotient.checked_mul(unit(decimals))?))
    }

    /// `self / n` truncated to `decimals` places.
    pub fn div_int_trunc(self, n: u64, decimals: u32) -> Votes {
        if n == 0 {
            return Votes::ZERO;
        }
        Votes(self.0 / i128::from(n)).truncate(decimals)
    }

    /// Writes the value with exactly `decimals` places (truncating any further digits).
    pub fn display(self, decimals: u32) -> String {
        let decimals = decimals.min(SCALE_DIGITS);
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / SCALE as u128;
        if decimals == 0 {
            return format!("{sign}{whole}");
        }
        let frac = (abs % SCALE as u128) / 10u128.pow(SCALE_DIGITS - decimals);
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }

    /// An approximation for charts and JSON numbers; never used in a count.
    pub fn to_f64_lossy(self) -> f64 {
        let whole = self.0 / SCALE;
        let frac = self.0 % SCALE;
        whole as f64 + frac as f64 / SCALE as f64
    }

    /// Parses a decimal such as `12`, `0.5` or `3.14159` (at most nine places).
    pub fn parse(text: &str) -> Option<Votes> {
        let text = text.trim();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() && frac.is_empty() || frac.len() > SCALE_DIGITS as usize || whole.len() > 20 {
            return None;
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let whole: i128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let mut frac_value: i128 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
        frac_value *= 10i128.pow(SCALE_DIGITS - frac.len() as u32);
        let raw = whole.checked_mul(SCALE)?.checked_add(frac_value)?;
        Some(Votes(if negative { -raw } else { raw }))
    }
}

fn unit(decimals: u32) -> i128 {
    10i128.pow(SCALE_DIGITS - decimals.min(SCALE_DIGITS))
}

impl Add for Votes {
    type Output = Votes;
    fn add(self, other: Votes) -> Votes {
        Votes(self.0 + other.0)
    }
}

impl Sub for Votes {
    type Output = Votes;
    fn sub(self, other: Votes) -> Votes {
        Votes(self.0 - other.0)
    }
}

impl AddAssign for Votes {
    fn add_assign(&mut self, other: Votes) {
        self.0 += other.0;
    }
}

impl SubAssign for Votes {
    fn sub_assign(&mut self, other: Votes) {
        self.0 -= other.0;
    }
}

impl std::iter::Sum for Votes {
    fn sum<I: Iterator<Item = Votes>>(iter: I) -> Votes {
        iter.fold(Votes::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Votes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shortest exact form: trailing zeros of the fraction dropped.
        let full = self.display(SCALE_DIGITS);
        let trimmed = if full.contains('.') { full.trim_end_matches('0').trim_end_matches('.') } else { &full };
        f.write_str(trimmed)
    }
}

/// Serialized as its exact decimal string, e.g. `"1300"` or `"12.34567"`.
impl serde::Serialize for Votes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
