//! The counting method a secret ranked election names in its set-up, and the count of its decrypted ballots.
//!
//! A Belenios non-homomorphic question carries a hint of its counting method in its `extra` field, as Belenios'
//! own administration page writes it: `{"method":"STV","blank":false,"seats":2}`, `{"method":"Schulze",
//! "blank":true}`, `{"method":"MajorityJudgment","blank":false,"grades":["Excellent",…]}`. Kenes reads those and
//! adds the methods and options councils use that Belenios has no name for: `"IRV"`, `"Borda"`, and for STV the
//! `"rules"` (`"scottish"` by default, `"wigm"`, `"ers97"`, `"meek"`). Belenios ignores fields it does not know, so
//! an election kenes sets up keeps its method in belenios-tool too.
//!
//! Each decrypted ballot is a row of small integers, one per candidate: a rank (1 best; 0 unranked; equal numbers
//! tie) for STV, IRV, Schulze and Borda, a grade (1 best … G worst; 0 blank) for majority judgment. The count is
//! [`crate::stv`], [`crate::irv`], [`crate::condorcet`] or [`crate::simple`] on those rows, stage by stage, with
//! lots drawn from a seed the caller derives from the decrypted result (so that nobody knows it before the tally).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ballot::Candidate;
use crate::condorcet::{self, CondorcetOptions};
use crate::error::CountError;
use crate::formats::belenios::{grades_from_rows, rankings_from_rows};
use crate::irv::{IrvOptions, count_irv};
use crate::result::CountResult;
use crate::simple;
use crate::stv::{StvOptions, StvRules, count_stv};

/// A counting method and its options (see the module docs for the JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub method: MethodName,
    /// Whether a voter may rank or grade no one (a blank ballot); Belenios' booth offers it when set.
    #[serde(default)]
    pub blank: bool,
    /// Seats to fill (STV; 1 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<usize>,
    /// Majority judgment: the grades' names, best first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Vec<String>>,
    /// STV: the rules (kenes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<StvRulesName>,
}

/// The methods, named as Belenios names them where it has a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodName {
    #[serde(rename = "STV")]
    Stv,
    #[serde(rename = "IRV")]
    Irv,
    Schulze,
    Borda,
    MajorityJudgment,
}

/// STV rules by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StvRulesName {
    Scottish,
    Wigm,
    Ers97,
    Meek,
}

/// The most seats or grades a method may name (far above any council's, far below anything costly).
pub const MAX_SEATS: usize = 1000;

impl Method {
    /// The method an `extra` field names: `Ok(None)` when it names none (no `method` field), an error saying what
    /// is wrong when it names one badly (an unknown method, seats for another method than STV, no grades for
    /// majority judgment, …).
    pub fn from_extra(extra: Option<&Value>) -> Result<Option<Method>, String> {
        let Some(extra) = extra else { return Ok(None) };
        if extra.get("method").is_none() {
            return Ok(None);
        }
        let method: Method = serde_json::from_value(extra.clone()).map_err(|e| format!("counting method: {e}"))?;
        method.check()?;
        Ok(Some(method))
    }

    /// Checks the options against the method.
    pub fn check(&self) -> Result<(), String> {
        match (self.method, self.seats) {
            (MethodName::Stv, Some(0)) => return Err("counting method: STV needs at least one seat".into()),
            (_, Some(seats)) if seats > MAX_SEATS => return Err(format!("counting method: at most {MAX_SEATS} seats")),
            (MethodName::Stv, _) | (_, None | Some(1)) => {}
            (_, Some(_)) => return Err("counting method: only STV fills several seats".into()),
        }
        if self.rules.is_some() && self.method != MethodName::Stv {
            return Err("counting method: rules are for STV".into());
        }
        match (&self.grades, self.method) {
            (Some(grades), MethodName::MajorityJudgment) if (2..=MAX_SEATS).contains(&grades.len()) => Ok(()),
            (_, MethodName::MajorityJudgment) => {
                Err("counting method: majority judgment needs 2 grades or more".into())
            }
            (Some(_), _) => Err("counting method: grades are for majority judgment".into()),
            (None, _) => Ok(()),
        }
    }

    /// The `extra` field to write in the question (Belenios' form, plus kenes' options).
    pub fn to_extra(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Seats filled.
    pub fn seats(&self) -> usize {
        self.seats.unwrap_or(1)
    }

    /// The largest integer a voter's row may hold for one candidate: the number of candidates for a ranking, the
    /// number of grades for majority judgment.
    pub fn max_value(&self, candidates: usize) -> usize {
        match &self.grades {
            Some(grades) => grades.len(),
            None => candidates,
        }
    }

    /// Counts decrypted ballots, one row per ballot with one integer per candidate (see the module docs), with
    /// lots drawn from `seed`.
    pub fn count<R: AsRef<[u64]>>(
        &self,
        candidates: &[String],
        rows: &[R],
        seed: u64,
    ) -> Result<CountResult, CountError> {
        let seats = self.seats();
        let condorcet = CondorcetOptions { seats, seed, ..Default::default() };
        let ranked = || {
            let mut election =
                rankings_from_rows(rows, candidates.iter().map(|c| Candidate::new(c.as_str())).collect());
            election.seats = seats;
            election
        };
        match self.method {
            MethodName::MajorityJudgment => {
                let grades = self.grades.as_ref().map_or(2, Vec::len);
                let graded = grades_from_rows(rows, candidates.to_vec(), u16::try_from(grades).unwrap_or(u16::MAX));
                simple::majority_judgment(&graded, &condorcet)
            }
            MethodName::Stv => {
                let rules = match self.rules.unwrap_or(StvRulesName::Scottish) {
                    StvRulesName::Scottish => StvRules::Scottish,
                    StvRulesName::Wigm => StvRules::Wigm { decimals: 5 },
                    StvRulesName::Ers97 => StvRules::Ers97,
                    StvRulesName::Meek => StvRules::Meek,
                };
                count_stv(&ranked(), &StvOptions { rules, seats: Some(seats), seed, ..Default::default() })
            }
            MethodName::Irv => count_irv(&ranked(), &IrvOptions { seed, ..Default::default() }),
            MethodName::Schulze => condorcet::schulze(&ranked(), &condorcet),
            MethodName::Borda => condorcet::borda(&ranked(), &condorcet),
        }
    }
}

/// The seed of a count's lots, from the hex SHA-256 of what it counts (its first 16 hex digits), so that anyone
/// recounting draws the same lots and nobody could know them before the ballots were decrypted.
pub fn seed_from_hex(hash: &str) -> u64 {
    hash.get(..16).and_then(|h| u64::from_str_radix(h, 16).ok()).unwrap_or(0)
}
