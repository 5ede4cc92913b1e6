//! The declared result of a count and the stage-by-stage account of how it was reached.

use serde::Serialize;

use crate::fixed::Votes;
use crate::tie::TieRecord;

/// What happened at one stage (or round, or iteration).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    FirstPreferences,
    Surplus {
        candidate: usize,
    },
    Exclusion {
        candidates: Vec<usize>,
    },
    /// The remaining continuing candidates fill the remaining seats.
    ElectRemaining,
    /// A one-shot tally (plurality, approval, score, Borda, …).
    Tally,
}

/// One stage of the account: every candidate's total after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub number: usize,
    pub action: Action,
    pub totals: Vec<Votes>,
    /// Value of ballots that could go no further.
    pub exhausted: Votes,
    /// Value lost to truncation of transfer values.
    pub loss: Votes,
    pub elected: Vec<usize>,
    pub excluded: Vec<usize>,
}

/// A count's outcome with its account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountResult {
    /// Method and rules, e.g. "stv/scottish".
    pub method: String,
    pub candidates: Vec<String>,
    pub seats: usize,
    /// Ballots counted (each aggregated ballot with its multiplicity).
    pub ballots: u64,
    /// Total value of valid votes.
    pub valid: Votes,
    /// Ballots with no usable preference.
    pub invalid: u64,
    pub quota: Option<Votes>,
    /// Decimal places the method works to, for display.
    pub decimals: u32,
    /// Elected (or winning) candidates in order of election.
    pub elected: Vec<usize>,
    /// The full order when the method produces one (Condorcet methods, Borda, score, MJ): ties grouped.
    pub ranking: Vec<Vec<usize>>,
    pub stages: Vec<Stage>,
    pub ties: Vec<TieRecord>,
    /// The seed lots were drawn from.
    pub seed: u64,
    /// Method-specific detail (pairwise matrix, strongest paths, grade profiles, …).
    pub detail: serde_json::Value,
    pub notes: Vec<String>,
}

impl CountResult {
    pub fn new(method: impl Into<String>, candidates: Vec<String>, seats: usize) -> CountResult {
        CountResult {
            method: method.into(),
            candidates,
            seats,
            ballots: 0,
            valid: Votes::ZERO,
            invalid: 0,
            quota: None,
            decimals: 0,
            elected: Vec::new(),
            ranking: Vec::new(),
            stages: Vec::new(),
            ties: Vec::new(),
            seed: 0,
            detail: serde_json::Value::Null,
            notes: Vec::new(),
        }
    }

    pub fn elected_names(&self) -> Vec<&str> {
        self.elected.iter().filter_map(|&c| self.candidates.get(c).map(String::as_str)).collect()
    }

    pub fn candidate_index(&self, name: &str) -> Option<usize> {
        self.candidates.iter().position(|c| c == name)
    }
}
