//! Condorcet methods over the pairwise matrix: Schulze (winning votes, margins, ratio; Debian quorum and
//! supermajority), Ranked Pairs, Copeland; and Borda, which is the matrix's row sums.
//!
//! Reading ballots: a voter prefers A to B when A is ranked above B; ranked candidates are preferred to unranked
//! ones; candidates ranked equal, or both unranked, are not compared. Skipped ranks and overvoted ranks are ignored.
//! Withdrawn candidates are left out.

use serde::{Deserialize, Serialize};

use crate::ballot::{Election, Rank, entry_candidate, ranks};
use crate::error::CountError;
use crate::fixed::Votes;
use crate::result::{Action, CountResult, Stage};
use crate::tie::{Lot, TieBreaker, TieRule};

/// `matrix[a][b]` = number of voters preferring a to b.
pub type Matrix = Vec<Vec<u64>>;

pub fn pairwise(election: &Election) -> Matrix {
    // A ranked candidate a beats every candidate except those ranked at or above a's level. So each ballot adds
    // its count to a's row as a whole (`beats_all`) and to `above[a][b]` for each b ranked at or above a; then
    // matrix[a][b] = beats_all[a] − above[a][b]. Work per distinct ballot is (ranks)², not (candidates)².
    // Sums are taken modulo 2⁶⁴; the true values fit, so the differences are exact.
    let n = election.candidates.len();
    let mut beats_all = vec![0u64; n];
    let mut above = vec![0u64; n * n];
    let mut seen_at = vec![u32::MAX; n];
    let withdrawn: Vec<bool> = election.candidates.iter().map(|c| c.withdrawn).collect();
    let mut ranked: Vec<usize> = Vec::new();
    for (index, ballot) in election.ballots.iter().enumerate() {
        let stamp = index as u32;
        ranked.clear();
        let count = ballot.count;
        for rank in ranks(ballot.prefs) {
            let group_start = ranked.len();
            match rank {
                Rank::Skip | Rank::Overvote => continue,
                Rank::Single(c) => {
                    if c < n && seen_at[c] != stamp && !withdrawn[c] {
                        seen_at[c] = stamp;
                        ranked.push(c);
                    }
                }
                Rank::Tied(group) => {
                    for &e in group {
                        let c = entry_candidate(e);
                        if c < n && seen_at[c] != stamp && !withdrawn[c] {
                            seen_at[c] = stamp;
                            ranked.push(c);
                        }
                    }
                }
            }
            for &a in &ranked[group_start..] {
                beats_all[a] = beats_all[a].wrapping_add(count);
                let row = &mut above[a * n..(a + 1) * n];
                for &b in &ranked {
                    row[b] = row[b].wrapping_add(count);
                }
            }
        }
    }
    (0..n)
        .map(|a| (0..n).map(|b| if withdrawn[b] { 0 } else { beats_all[a].wrapping_sub(above[a * n + b]) }).collect())
        .collect()
}

/// How Schulze measures the strength of a pairwise defeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    WinningVotes,
    Margins,
    Ratio,
}

/// Debian constitution A.6 options: a default option, a quorum, a required majority ratio.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Debian {
    /// Index of the default option ("None of the above").
    pub default_option: Option<usize>,
    /// An option needs at least this many voters preferring it to the default.
    pub quorum: Option<u64>,
    /// An option must beat the default by this ratio (numerator, denominator), e.g. (3, 1) for 3:1.
    pub supermajority: Option<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CondorcetOptions {
    pub strength: Strength,
    pub debian: Debian,
    pub seats: usize,
    pub seed: u64,
}

impl Default for CondorcetOptions {
    fn default() -> CondorcetOptions {
        CondorcetOptions { strength: Strength::WinningVotes, debian: Debian::default(), seats: 1, seed: 0 }
    }
}

/// A defeat strength as an exact fraction; `den == 0` is infinite, `num == 0 && den == 1` is no defeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fraction {
    num: u128,
    den: u128,
}

impl Fraction {
    const NONE: Fraction = Fraction { num: 0, den: 1 };
    fn cmp_value(&self, other: &Fraction) -> std::cmp::Ordering {
        (self.num.saturating_mul(other.den)).cmp(&other.num.saturating_mul(self.den))
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Fraction) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Fraction) -> std::cmp::Ordering {
        match (self.den == 0, other.den == 0) {
            (true, true) => self.num.cmp(&other.num),
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            (false, false) => self.cmp_value(other),
        }
    }
}

fn strength(matrix: &Matrix, a: usize, b: usize, kind: Strength) -> Fraction {
    let ab = u128::from(matrix[a][b]);
    let ba = u128::from(matrix[b][a]);
    if ab <= ba {
        return Fraction::NONE;
    }
    match kind {
        Strength::WinningVotes => Fraction { num: ab, den: 1 },
        Strength::Margins => Fraction { num: ab - ba, den: 1 },
        Strength::Ratio => {
            if ba == 0 {
                Fraction { num: ab, den: 0 }
            } else {
                Fraction { num: ab, den: ba }
            }
        }
    }
}

/// Orders candidates into tiers by a "beats" relation computed by `beats(a, b)` (a strict partial order).
fn tiers(candidates: &[usize], beats: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut left: Vec<usize> = candidates.to_vec();
    let mut out = Vec::new();
    while !left.is_empty() {
        let top: Vec<usize> = left.iter().copied().filter(|&a| !left.iter().any(|&b| b != a && beats(b, a))).collect();
        // A strict partial order always has maximal elements; guard anyway against a cycle.
        let top = if top.is_empty() { left.clone() } else { top };
        left.retain(|c| !top.contains(c));
        out.push(top);
    }
    out
}

/// Fills `result.elected` from tiers, breaking ties inside a tier by lot.
fn elect_from_tiers(result: &mut CountResult, tiers: &[Vec<usize>], seats: usize, ties: &mut TieBreaker) {
    for tier in tiers {
        let mut tier = tier.clone();
        while !tier.is_empty() && result.elected.len() < seats {
            let chosen = if tier.len() > 1 { ties.pick(&tier, &[], false, 1, "winner") } else { tier[0] };
            result.elected.push(chosen);
            tier.retain(|&c| c != chosen);
        }
    }
}

fn standing(election: &Election) -> Vec<usize> {
    (0..election.candidates.len()).filter(|&c| !election.candidates[c].withdrawn).collect()
}

fn base_result(method: &str, election: &Election, matrix: &Matrix, seed: u64, seats: usize) -> CountResult {
    let mut result = CountResult::new(method, election.names(), seats);
    result.ballots = election.ballot_count();
    result.valid = Votes::from_int(election.ballots.iter().filter(|b| !b.prefs.is_empty()).map(|b| b.count).sum());
    result.seed = seed;
    result.detail = serde_json::json!({ "pairwise": matrix });
    result
}

pub fn schulze(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let matrix = pairwise(election);
    let n = matrix.len();
    let mut candidates = standing(election);
    let mut dropped = Vec::new();
    if let Some(default) = options.debian.default_option {
        if default >= n {
            return Err(CountError::Invalid("the default option is not a candidate".to_owned()));
        }
        candidates.retain(|&a| {
            if a == default {
                return true;
            }
            let for_a = matrix[a][default];
            let for_default = matrix[default][a];
            let quorum_ok = options.debian.quorum.is_none_or(|q| for_a >= q);
            let majority_ok = match options.debian.supermajority {
                Some((num, den)) => {
                    u128::from(for_a) * u128::from(den) >= u128::from(for_default) * u128::from(num)
                        && for_a > for_default
                }
                None => true,
            };
            if !(quorum_ok && majority_ok) {
                dropped.push(a);
            }
            quorum_ok && majority_ok
        });
    }
    let mut paths = vec![vec![Fraction::NONE; n]; n];
    for &a in &candidates {
        for &b in &candidates {
            if a != b {
                paths[a][b] = strength(&matrix, a, b, options.strength);
            }
        }
    }
    for &k in &candidates {
        for &a in &candidates {
            if a == k {
                continue;
            }
            for &b in &candidates {
                if b == k || b == a {
                    continue;
                }
                let via = paths[a][k].min(paths[k][b]);
                if via > paths[a][b] {
                    paths[a][b] = via;
                }
            }
        }
    }
    let order = tiers(&candidates, |a, b| paths[a][b] > paths[b][a]);
    let method = match options.strength {
        Strength::WinningVotes => "schulze/winning-votes",
        Strength::Margins => "schulze/margins",
        Strength::Ratio => "schulze/ratio",
    };
    let mut result = base_result(method, election, &matrix, options.seed, options.seats);
    let mut ties = TieBreaker::new(TieRule::Lot, options.seed, election.tie_order.clone());
    let mut full = order.clone();
    if !dropped.is_empty() {
        full.push(dropped.clone());
        result.notes.push(format!("dropped by the Debian quorum or majority requirement: {dropped:?}"));
    }
    elect_from_tiers(&mut result, &order, options.seats, &mut ties);
    let strongest: Vec<Vec<String>> = paths
        .iter()
        .map(|row| {
            row.iter()
                .map(|f| {
                    if f.den == 0 {
                        "inf".to_owned()
                    } else if f.den == 1 {
                        f.num.to_string()
                    } else {
                        format!("{}/{}", f.num, f.den)
                    }
                })
                .collect()
        })
        .collect();
    result.detail["strongest_paths"] = serde_json::json!(strongest);
    result.ranking = full;
    result.ties = ties.records;
    push_score_stage(
        &mut result,
        (0..n)
            .map(
                |a| Votes::from_int(candidates.iter().filter(|&&b| b != a && paths[a][b] > paths[b][a]).count() as u64),
            )
            .collect(),
    );
    Ok(result)
}

/// Ranked Pairs (Tideman) by margins: lock the strongest majorities first unless they make a cycle; equal margins
/// are ordered by a tie-breaking permutation of candidates drawn by lot from the seed (Tideman's TBRC).
pub fn ranked_pairs(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let matrix = pairwise(election);
    let n = matrix.len();
    let candidates = standing(election);
    let mut lot = Lot::new(options.seed);
    let mut permutation = candidates.clone();
    for i in (1..permutation.len()).rev() {
        let j = lot.below(i + 1);
        permutation.swap(i, j);
    }
    let rank_of = |c: usize| permutation.iter().position(|&p| p == c).unwrap_or(usize::MAX);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &a in &candidates {
        for &b in &candidates {
            if a != b && matrix[a][b] >= matrix[b][a] && (matrix[a][b] > matrix[b][a] || rank_of(a) < rank_of(b)) {
                pairs.push((a, b));
            }
        }
    }
    let margin = |&(a, b): &(usize, usize)| i128::from(matrix[a][b]) - i128::from(matrix[b][a]);
    pairs.sort_by(|x, y| {
        margin(y)
            .cmp(&margin(x))
            .then(matrix[y.0][y.1].cmp(&matrix[x.0][x.1]))
            .then(rank_of(x.0).cmp(&rank_of(y.0)))
            .then(rank_of(y.1).cmp(&rank_of(x.1)))
    });
    let mut locked = vec![vec![false; n]; n];
    for &(a, b) in &pairs {
        // Lock a→b unless b already reaches a.
        let mut seen = vec![false; n];
        let mut stack = vec![b];
        let mut cycle = false;
        while let Some(x) = stack.pop() {
            if x == a {
                cycle = true;
                break;
            }
            if std::mem::replace(&mut seen[x], true) {
                continue;
            }
            stack.extend((0..n).filter(|&y| locked[x][y]));
        }
        if !cycle {
            locked[a][b] = true;
        }
    }
    // Transitive closure for the order.
    let mut reach = locked.clone();
    for k in 0..n {
        // Row k does not change while k is the intermediate candidate, so a copy of it serves every row.
        let through = reach[k].clone();
        for row in reach.iter_mut() {
            if row[k] {
                for (cell, &via) in row.iter_mut().zip(&through) {
                    *cell |= via;
                }
            }
        }
    }
    let order = tiers(&candidates, |a, b| reach[a][b]);
    let mut result = base_result("ranked-pairs", election, &matrix, options.seed, options.seats);
    let mut ties = TieBreaker::new(TieRule::Lot, options.seed, election.tie_order.clone());
    elect_from_tiers(&mut result, &order, options.seats, &mut ties);
    result.notes.push(format!("tie-breaking order of candidates (lot, seed {}): {permutation:?}", options.seed));
    result.ranking = order;
    result.ties = ties.records;
    push_score_stage(
        &mut result,
        (0..n).map(|a| Votes::from_int((0..n).filter(|&b| reach[a][b]).count() as u64)).collect(),
    );
    Ok(result)
}

/// Copeland: one point per pairwise win, half a point per pairwise tie.
pub fn copeland(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let matrix = pairwise(election);
    let n = matrix.len();
    let candidates = standing(election);
    let mut scores = vec![Votes::ZERO; n];
    for &a in &candidates {
        for &b in &candidates {
            if a != b {
                if matrix[a][b] > matrix[b][a] {
                    scores[a] += Votes::ONE;
                } else if matrix[a][b] == matrix[b][a] {
                    scores[a] += Votes(crate::fixed::SCALE / 2);
                }
            }
        }
    }
    let mut result = base_result("copeland", election, &matrix, options.seed, options.seats);
    finish_scored(&mut result, &candidates, scores, options);
    Ok(result)
}

/// Borda: each ballot gives a candidate one point per candidate ranked strictly below it (unranked candidates
/// count as below every ranked one; equal ranks share). This is the pairwise matrix's row sum, always whole.
pub fn borda(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let matrix = pairwise(election);
    let candidates = standing(election);
    let scores: Vec<Votes> = matrix.iter().map(|row| Votes::from_int(row.iter().sum())).collect();
    let mut result = base_result("borda", election, &matrix, options.seed, options.seats);
    finish_scored(&mut result, &candidates, scores, options);
    Ok(result)
}

/// Orders by score (ties grouped), elects the top `seats` (ties by lot), and records one stage of scores.
pub(crate) fn finish_scored(
    result: &mut CountResult,
    candidates: &[usize],
    scores: Vec<Votes>,
    options: &CondorcetOptions,
) {
    let mut sorted: Vec<Votes> = candidates.iter().map(|&c| scores[c]).collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    let order: Vec<Vec<usize>> =
        sorted.iter().map(|&s| candidates.iter().copied().filter(|&c| scores[c] == s).collect()).collect();
    let mut ties = TieBreaker::new(TieRule::Lot, options.seed, None);
    elect_from_tiers(result, &order, options.seats, &mut ties);
    result.ranking = order;
    result.ties.extend(ties.records);
    push_score_stage(result, scores);
}

pub(crate) fn push_score_stage(result: &mut CountResult, totals: Vec<Votes>) {
    result.stages.push(Stage {
        number: 1,
        action: Action::Tally,
        totals,
        exhausted: Votes::ZERO,
        loss: Votes::ZERO,
        elected: result.elected.clone(),
        excluded: Vec::new(),
    });
}

/// The Condorcet winner (beats every other standing candidate pairwise), if there is one.
pub fn condorcet_winner(election: &Election) -> Option<usize> {
    let matrix = pairwise(election);
    let candidates = standing(election);
    candidates.iter().copied().find(|&a| candidates.iter().all(|&b| a == b || matrix[a][b] > matrix[b][a]))
}
