//! Breaking ties: the statutory rule first (look back or forward through earlier stages), then lot.
//!
//! Lot is drawn from a SplitMix64 generator seeded by the caller; the seed goes into the result, so anyone can
//! redraw the same lots. Every tie, and how it was broken, is recorded as a [`TieRecord`].

use serde::{Deserialize, Serialize};

use crate::fixed::Votes;

/// The statutory rule tried before lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieRule {
    /// The most recent earlier stage at which the tied candidates had unequal votes (Scottish rules 49–50).
    Backward,
    /// The first stage at which they had unequal votes.
    Forward,
    /// Lot straight away.
    Lot,
}

/// How a tie was broken, for the account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieRecord {
    /// Stage at which the tie arose (1-based).
    pub stage: usize,
    /// What was being decided: "exclusion", "surplus order", "election order", "winner", …
    pub purpose: String,
    /// The tied candidates (indices).
    pub candidates: Vec<usize>,
    /// How it was broken: "backward to stage 3", "forward to stage 1", "lot", "statutory order".
    pub how: String,
    /// The candidate picked.
    pub chosen: usize,
}

/// A deterministic source of lots (SplitMix64).
#[derive(Clone, Debug)]
pub struct Lot {
    state: u64,
}

impl Lot {
    pub fn new(seed: u64) -> Lot {
        Lot { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (rejection sampling, so no bias); 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }
}

/// The state a count keeps for ties: rule, lot, optional statutory order, and the records.
#[derive(Clone, Debug)]
pub struct TieBreaker {
    pub rule: TieRule,
    pub lot: Lot,
    pub seed: u64,
    /// Statutory order (BLT `[tie]`): earlier = favoured. Used after the rule and before lot.
    pub order: Option<Vec<usize>>,
    pub records: Vec<TieRecord>,
}

impl TieBreaker {
    pub fn new(rule: TieRule, seed: u64, order: Option<Vec<usize>>) -> TieBreaker {
        TieBreaker { rule, lot: Lot::new(seed), seed, order, records: Vec::new() }
    }

    /// Picks one of `tied` (sorted, at least two): the lowest (`lowest = true`, e.g. to exclude) or the highest.
    /// `history[s][c]` is candidate `c`'s total at stage `s + 1`.
    pub fn pick(&mut self, tied: &[usize], history: &[Vec<Votes>], lowest: bool, stage: usize, purpose: &str) -> usize {
        let mut remaining: Vec<usize> = tied.to_vec();
        remaining.sort_unstable();
        remaining.dedup();
        if remaining.len() <= 1 {
            return remaining.first().copied().unwrap_or(0);
        }
        let original = remaining.clone();
        let mut how = Vec::new();
        let stage_order: Vec<usize> = match self.rule {
            TieRule::Backward => (0..history.len()).rev().collect(),
            TieRule::Forward => (0..history.len()).collect(),
            TieRule::Lot => Vec::new(),
        };
        for s in stage_order {
            if remaining.len() <= 1 {
                break;
            }
            let Some(totals) = history.get(s) else {
                continue;
            };
            let value = |c: usize| totals.get(c).copied().unwrap_or_default();
            let values: Vec<Votes> = remaining.iter().map(|&c| value(c)).collect();
            let extreme = if lowest { values.iter().min() } else { values.iter().max() };
            let Some(&extreme) = extreme else { continue };
            if values.iter().all(|&v| v == extreme) {
                continue;
            }
            remaining.retain(|&c| value(c) == extreme);
            let direction = if self.rule == TieRule::Backward { "backward" } else { "forward" };
            how.push(format!("{direction} to stage {}", s + 1));
        }
        if remaining.len() > 1 {
            if let Some(order) = &self.order {
                // The statutory order favours earlier candidates: to pick the lowest, take the latest.
                let position = |c: &usize| order.iter().position(|o| o == c).unwrap_or(usize::MAX);
                let choice = if lowest {
                    remaining.iter().copied().max_by_key(|c| position(c))
                } else {
                    remaining.iter().copied().min_by_key(|c| position(c))
                };
                if let Some(choice) = choice {
                    remaining = vec![choice];
                    how.push("statutory order".to_owned());
                }
            }
        }
        if remaining.len() > 1 {
            let index = self.lot.below(remaining.len());
            remaining = vec![remaining[index]];
            how.push(format!("lot (seed {})", self.seed));
        }
        let chosen = remaining.first().copied().unwrap_or(original[0]);
        self.records.push(TieRecord {
            stage,
            purpose: purpose.to_owned(),
            candidates: original,
            how: how.join(", then "),
            chosen,
        });
        chosen
    }

    /// Orders `candidates` by `key` descending, breaking ties with [`TieBreaker::pick`] (highest first).
    pub fn order_desc(
        &mut self,
        candidates: &[usize],
        key: impl Fn(usize) -> Votes,
        history: &[Vec<Votes>],
        stage: usize,
        purpose: &str,
    ) -> Vec<usize> {
        let mut left: Vec<usize> = candidates.to_vec();
        let mut out = Vec::with_capacity(left.len());
        while !left.is_empty() {
            let best = left.iter().map(|&c| key(c)).max().unwrap_or_default();
            let tied: Vec<usize> = left.iter().copied().filter(|&c| key(c) == best).collect();
            let chosen = if tied.len() > 1 { self.pick(&tied, history, false, stage, purpose) } else { tied[0] };
            out.push(chosen);
            left.retain(|&c| c != chosen);
        }
        out
    }
}
