//! One-shot methods: yes/no/abstain motions with quorum and majority bases, plurality (single and block),
//! approval, score, and majority judgment.
//!
//! Majority judgment conventions, pinned: grades run from 0 (best) to G−1 (worst), as Belenios numbers them less
//! one; a candidate's majority grade is the lower median (for an even number of grades, the worse of the two middle
//! ones), so that a majority of voters grade the candidate at least that well. Ties between equal majority grades
//! are broken as Balinski and Laraki do: remove one median grade from each tied candidate and compare again,
//! repeating until they differ; candidates whose grade lists are identical are tied, then lot decides.

use serde::{Deserialize, Serialize};

use crate::ballot::{BallotRules, Election, Irregular};
use crate::condorcet::{CondorcetOptions, finish_scored, push_score_stage};
use crate::error::CountError;
use crate::fixed::Votes;
use crate::result::CountResult;
use crate::tie::{TieBreaker, TieRule};

/// Who must be there for a vote to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quorum {
    None,
    /// At least this many members present.
    Present(u64),
    /// At least this many members voting (yes, no or abstain).
    Voting(u64),
}

/// What "majority" is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// yes + no + abstain.
    VotesCast,
    /// yes + no (abstentions do not count).
    YesNo,
    /// All members of the body.
    Members,
    /// Members present.
    Present,
}

/// The motion passes when yes × den > num × basis (or ≥ when `at_least`): simple majority is 1/2 strict,
/// two-thirds is 2/3 with `at_least`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Majority {
    pub num: u64,
    pub den: u64,
    pub basis: Basis,
    pub at_least: bool,
}

impl Majority {
    pub fn simple(basis: Basis) -> Majority {
        Majority { num: 1, den: 2, basis, at_least: false }
    }
    pub fn two_thirds(basis: Basis) -> Majority {
        Majority { num: 2, den: 3, basis, at_least: true }
    }
    pub fn three_quarters(basis: Basis) -> Majority {
        Majority { num: 3, den: 4, basis, at_least: true }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotionTally {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub members: u64,
    pub present: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotionResult {
    pub quorum_met: bool,
    pub passed: bool,
    /// The yes votes needed, for the minutes.
    pub yes_needed: u64,
    pub basis_total: u64,
}

pub fn count_motion(tally: &MotionTally, quorum: Quorum, majority: Majority) -> MotionResult {
    let voting = tally.yes + tally.no + tally.abstain;
    let quorum_met = match quorum {
        Quorum::None => true,
        Quorum::Present(n) => tally.present.max(voting) >= n,
        Quorum::Voting(n) => voting >= n,
    };
    let basis_total = match majority.basis {
        Basis::VotesCast => voting,
        Basis::YesNo => tally.yes + tally.no,
        Basis::Members => tally.members,
        Basis::Present => tally.present.max(voting),
    };
    let den = majority.den.max(1);
    let need = u128::from(majority.num) * u128::from(basis_total);
    // Smallest yes with yes × den > need (or ≥).
    let yes_needed = if majority.at_least { need.div_ceil(u128::from(den)) } else { need / u128::from(den) + 1 };
    let yes_needed = u64::try_from(yes_needed).unwrap_or(u64::MAX);
    let passed = quorum_met && tally.yes >= yes_needed && tally.yes > 0;
    MotionResult { quorum_met, passed, yes_needed, basis_total }
}

fn clean_rules() -> BallotRules {
    BallotRules {
        overvote: Irregular::Exhaust,
        equal_ranks: Irregular::Exhaust,
        duplicates: Irregular::Skip,
        max_skipped: None,
    }
}

/// Plurality (block voting when `seats` > 1): each ballot gives one vote to each of its first `seats` clean
/// preferences; the `seats` highest are elected (ties by lot).
pub fn plurality(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let seats = options.seats.max(1);
    let ballots = clean_rules().clean_borrowed(election, &[]);
    let mut scores = vec![Votes::ZERO; election.candidates.len()];
    for ballot in ballots.iter() {
        for &c in ballot.prefs.iter().take(seats) {
            scores[usize::from(c)] += Votes::from_int(ballot.count);
        }
    }
    let method = if seats > 1 { "block" } else { "plurality" };
    let mut result = one_shot(method, election, options);
    let candidates = standing(election);
    finish_scored(&mut result, &candidates, scores, options);
    Ok(result)
}

/// Approval: every candidate marked (ranked at any position) gets one vote.
pub fn approval(election: &Election, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let rules = BallotRules { overvote: Irregular::Skip, equal_ranks: Irregular::Skip, ..clean_rules() };
    let mut scores = vec![Votes::ZERO; election.candidates.len()];
    for ballot in &election.ballots {
        let mut seen = vec![false; election.candidates.len()];
        for rank in crate::ballot::ranks(ballot.prefs) {
            let marked: Vec<usize> = match rank {
                crate::ballot::Rank::Single(c) => vec![c],
                crate::ballot::Rank::Tied(group) => group.iter().map(|&e| crate::ballot::entry_candidate(e)).collect(),
                _ => Vec::new(),
            };
            for c in marked {
                if c < seen.len() && !seen[c] && !election.candidates[c].withdrawn {
                    seen[c] = true;
                    scores[c] += Votes::from_int(ballot.count);
                }
            }
        }
    }
    let _ = rules;
    let mut result = one_shot("approval", election, options);
    finish_scored(&mut result, &standing(election), scores, options);
    Ok(result)
}

/// Ballots of grades: `grades[c]` is the grade given to candidate c (0 best); `None` is no grade.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graded {
    pub candidates: Vec<String>,
    /// Number of grades G (grades run 0..G).
    pub grades: u16,
    pub ballots: Vec<(Vec<Option<u16>>, u64)>,
}

impl Graded {
    /// Grades from rankings: the k-th rank (0-based) gets grade k, capped at `grades − 1`; unranked get the worst.
    pub fn from_rankings(election: &Election, grades: u16) -> Graded {
        let grades = grades.max(1);
        let n = election.candidates.len();
        let mut ballots = Vec::new();
        for ballot in &election.ballots {
            let mut row = vec![Some(grades - 1); n];
            for (level, rank) in crate::ballot::ranks(ballot.prefs).enumerate() {
                let grade = (level as u16).min(grades - 1);
                match rank {
                    crate::ballot::Rank::Single(c) if c < n => row[c] = Some(row[c].unwrap_or(grade).min(grade)),
                    crate::ballot::Rank::Tied(group) => {
                        for &e in group {
                            let c = crate::ballot::entry_candidate(e);
                            if c < n {
                                row[c] = Some(row[c].unwrap_or(grade).min(grade));
                            }
                        }
                    }
                    _ => {}
                }
            }
            ballots.push((row, ballot.count));
        }
        Graded { candidates: election.names(), grades, ballots }
    }
}

/// Score voting: a grade g is worth G−1−g points; the highest total wins. Missing grades score nothing.
pub fn score(graded: &Graded, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    let n = graded.candidates.len();
    let mut scores = vec![Votes::ZERO; n];
    for (row, count) in &graded.ballots {
        for (c, grade) in row.iter().enumerate().take(n) {
            if let Some(g) = grade {
                let points = u64::from(graded.grades.saturating_sub(1).saturating_sub(*g));
                scores[c] += Votes::from_int(points.saturating_mul(*count));
            }
        }
    }
    let mut result = CountResult::new("score", graded.candidates.clone(), options.seats);
    result.ballots = graded.ballots.iter().map(|(_, c)| c).sum();
    result.seed = options.seed;
    finish_scored(&mut result, &(0..n).collect::<Vec<_>>(), scores, options);
    Ok(result)
}

/// Which middle grade is the median when the number of grades is even.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Median {
    /// The worse of the two middle grades (Balinski and Laraki): the default.
    Lower,
    /// The better of the two (what belenios-tool computes).
    Upper,
}

/// Majority judgment (see the module comment for the conventions), lower median.
pub fn majority_judgment(graded: &Graded, options: &CondorcetOptions) -> Result<CountResult, CountError> {
    majority_judgment_with(graded, options, Median::Lower)
}

/// Majority judgment with a chosen median convention.
pub fn majority_judgment_with(
    graded: &Graded,
    options: &CondorcetOptions,
    median: Median,
) -> Result<CountResult, CountError> {
    let n = graded.candidates.len();
    let g = usize::from(graded.grades.max(1));
    // Per candidate, how many voters gave each grade; missing grades count as the worst grade.
    let mut histogram = vec![vec![0u64; g]; n];
    for (row, count) in &graded.ballots {
        for (c, grades) in histogram.iter_mut().enumerate() {
            let grade = row.get(c).copied().flatten().map(usize::from).unwrap_or(g - 1).min(g - 1);
            grades[grade] += count;
        }
    }
    let medians: Vec<usize> = histogram.iter().map(|h| median_grade(h, median)).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare_mj(&histogram[a], &histogram[b], median));
    let mut tiers: Vec<Vec<usize>> = Vec::new();
    for c in order {
        match tiers.last_mut() {
            Some(tier) if compare_mj(&histogram[tier[0]], &histogram[c], median) == std::cmp::Ordering::Equal => {
                tier.push(c)
            }
            _ => tiers.push(vec![c]),
        }
    }
    let method = match median {
        Median::Lower => "majority-judgment",
        Median::Upper => "majority-judgment/upper-median",
    };
    let mut result = CountResult::new(method, graded.candidates.clone(), options.seats);
    result.ballots = graded.ballots.iter().map(|(_, c)| c).sum();
    result.seed = options.seed;
    let mut ties = TieBreaker::new(TieRule::Lot, options.seed, None);
    for tier in &tiers {
        let mut tier = tier.clone();
        while !tier.is_empty() && result.elected.len() < options.seats {
            let chosen = if tier.len() > 1 { ties.pick(&tier, &[], false, 1, "winner") } else { tier[0] };
            result.elected.push(chosen);
            tier.retain(|&c| c != chosen);
        }
    }
    result.detail = serde_json::json!({ "histograms": histogram, "majority_grades": medians });
    result.ranking = tiers;
    result.ties = ties.records;
    // The stage shows each majority grade as a number of grade steps below the best (0 = best).
    push_score_stage(&mut result, medians.iter().map(|&m| Votes::from_int(m as u64)).collect());
    Ok(result)
}

/// The median grade (0 best) of a histogram: with grades sorted best first, the one at 0-based position
/// ⌊total/2⌋ (lower median: for even totals the worse middle one) or ⌈total/2⌉ − 1 (upper median).
fn median_grade(histogram: &[u64], median: Median) -> usize {
    let total: u64 = histogram.iter().sum();
    if total == 0 {
        return histogram.len().saturating_sub(1);
    }
    let position = match median {
        Median::Lower => total / 2,
        Median::Upper => total.div_ceil(2) - 1,
    };
    let mut seen = 0u64;
    for (grade, &count) in histogram.iter().enumerate() {
        seen += count;
        if seen > position {
            return grade;
        }
    }
    histogram.len().saturating_sub(1)
}

/// Better first: compares the sequences of medians obtained by repeatedly removing one median grade.
fn compare_mj(a: &[u64], b: &[u64], median: Median) -> std::cmp::Ordering {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    loop {
        let total_a: u64 = a.iter().sum();
        let total_b: u64 = b.iter().sum();
        if total_a == 0 || total_b == 0 {
            return total_b.cmp(&total_a);
        }
        let ma = median_grade(&a, median);
        let mb = median_grade(&b, median);
        if ma != mb {
            return ma.cmp(&mb);
        }
        a[ma] -= 1;
        b[mb] -= 1;
        if a == b {
            return std::cmp::Ordering::Equal;
        }
    }
}

fn standing(election: &Election) -> Vec<usize> {
    (0..election.candidates.len()).filter(|&c| !election.candidates[c].withdrawn).collect()
}

fn one_shot(method: &str, election: &Election, options: &CondorcetOptions) -> CountResult {
    let mut result = CountResult::new(method, election.names(), options.seats);
    result.ballots = election.ballot_count();
    result.valid = Votes::from_int(election.ballots.iter().filter(|b| !b.prefs.is_empty()).map(|b| b.count).sum());
    result.seed = options.seed;
    result
}
