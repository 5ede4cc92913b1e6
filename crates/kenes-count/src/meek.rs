//! Meek's method as the New Zealand rules count it (Local Electoral Regulations 2001, schedule 1A):
//! nine decimal places throughout.
//!
//! Conventions pinned here (the NZ text leaves the machine arithmetic to the software):
//! - every continuing or elected candidate has a keep factor (1 to start, 0 once excluded);
//! - a ballot of weight w gives each candidate in turn `w × keep` truncated to nine places, and passes on the rest;
//!   what remains after the last preference is excess (exhausted);
//! - quota = (valid − excess) / (seats + 1), truncated to nine places, plus 10⁻⁹; elected at ≥ quota;
//! - keep factors of elected candidates are updated to `keep × quota / votes`, rounded up to nine places, until the
//!   total surplus is below 0.00001 (or stops falling); then the lowest continuing candidate is excluded
//!   (ties: the statutory rule, then lot). The stages recorded are these converged states.

use crate::ballot::Election;
use crate::error::CountError;
use crate::fixed::Votes;
use crate::result::{Action, CountResult, Stage};
use crate::stv::StvOptions;
use crate::tie::TieBreaker;

const DECIMALS: u32 = 9;
const MAX_ITERATIONS: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Hopeful,
    Elected,
    Excluded,
}

pub fn count_meek(election: &Election, options: &StvOptions) -> Result<CountResult, CountError> {
    let seats = options.seats.unwrap_or(election.seats);
    if seats == 0 {
        return Err(CountError::Invalid("STV needs at least one seat".to_owned()));
    }
    let ballots = options.ballot_rules.clean_borrowed(election, &[]);
    let n = election.candidates.len();
    let mut status: Vec<Status> =
        election.candidates.iter().map(|c| if c.withdrawn { Status::Excluded } else { Status::Hopeful }).collect();
    let mut keep: Vec<Votes> =
        status.iter().map(|s| if *s == Status::Hopeful { Votes::ONE } else { Votes::ZERO }).collect();
    let valid_count: u64 = ballots.iter().filter(|b| !b.prefs.is_empty()).map(|b| b.count).sum();
    let invalid: u64 = ballots.iter().filter(|b| b.prefs.is_empty()).map(|b| b.count).sum();
    let valid = Votes::from_int(valid_count);
    let tolerance = Votes(crate::fixed::SCALE / 100_000);
    let mut ties = TieBreaker::new(options.tie_rule, options.seed, election.tie_order.clone());
    let mut history: Vec<Vec<Votes>> = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    let mut elected: Vec<usize> = Vec::new();
    let mut action = Action::FirstPreferences;
    let mut excluded_now: Vec<usize> = Vec::new();
    let mut quota;

    let distribute = |keep: &[Votes]| -> (Vec<Votes>, Votes) {
        let mut votes = vec![Votes::ZERO; n];
        let mut excess = Votes::ZERO;
        for ballot in ballots.iter() {
            let mut weight = Votes::ONE;
            for &entry in ballot.prefs.iter() {
                let c = usize::from(entry);
                let share = Votes((weight.raw() * keep[c].raw()) / crate::fixed::SCALE);
                votes[c] += share.times(ballot.count);
                weight -= share;
                if weight == Votes::ZERO {
                    break;
                }
            }
            if !ballot.prefs.is_empty() {
                excess += weight.times(ballot.count);
            }
        }
        (votes, excess)
    };

    loop {
        // Iterate keep factors to convergence.
        let mut votes;
        let mut excess;
        let mut last_surplus: Option<Votes> = None;
        let mut iterations = 0;
        loop {
            (votes, excess) = distribute(&keep);
            quota = (valid - excess).div_int_trunc(seats as u64 + 1, DECIMALS) + Votes(1);
            let newly: Vec<usize> = (0..n).filter(|&c| status[c] == Status::Hopeful && votes[c] >= quota).collect();
            if !newly.is_empty() {
                let stage = stages.len() + 1;
                let order = ties.order_desc(&newly, |c| votes[c], &history, stage, "election order");
                for c in order {
                    if elected.len() < seats {
                        status[c] = Status::Elected;
                        elected.push(c);
                    }
                }
                break;
            }
            let surplus: Votes =
                (0..n).filter(|&c| status[c] == Status::Elected && votes[c] > quota).map(|c| votes[c] - quota).sum();
            iterations += 1;
            if surplus < tolerance || last_surplus.is_some_and(|last| surplus >= last) || iterations > MAX_ITERATIONS {
                break;
            }
            last_surplus = Some(surplus);
            for c in 0..n {
                if status[c] == Status::Elected && votes[c] > Votes::ZERO {
                    keep[c] = keep[c].mul_div_ceil(quota, votes[c], DECIMALS).ok_or(CountError::Overflow)?;
                    if keep[c] > Votes::ONE {
                        keep[c] = Votes::ONE;
                    }
                }
            }
        }
        let sum: Votes = votes.iter().copied().sum::<Votes>() + excess;
        if sum != valid {
            return Err(CountError::Conservation {
                stage: stages.len() + 1,
                expected: valid.to_string(),
                found: sum.to_string(),
            });
        }
        history.push(votes.clone());
        let newly_elected: Vec<usize> =
            elected.iter().copied().filter(|c| !stages.iter().any(|s| s.elected.contains(c))).collect();
        stages.push(Stage {
            number: stages.len() + 1,
            action: std::mem::replace(&mut action, Action::Tally),
            totals: votes.clone(),
            exhausted: excess,
            loss: Votes::ZERO,
            elected: newly_elected,
            excluded: std::mem::take(&mut excluded_now),
        });
        if elected.len() >= seats {
            break;
        }
        let hopeful: Vec<usize> = (0..n).filter(|&c| status[c] == Status::Hopeful).collect();
        if hopeful.is_empty() {
            break;
        }
        if hopeful.len() <= seats - elected.len() {
            let stage = stages.len();
            let order = ties.order_desc(&hopeful, |c| votes[c], &history, stage, "election order");
            for c in order {
                status[c] = Status::Elected;
                elected.push(c);
                if let Some(last) = stages.last_mut() {
                    last.elected.push(c);
                }
            }
            break;
        }
        // A new election changes keep factors: iterate again before excluding anyone.
        if stages.last().is_some_and(|s| !s.elected.is_empty()) {
            let any_surplus = (0..n).any(|c| status[c] == Status::Elected && votes[c] > quota + tolerance);
            if any_surplus {
                action = Action::Tally;
                continue;
            }
        }
        let lowest = hopeful.iter().map(|&c| votes[c]).min().unwrap_or_default();
        let tied: Vec<usize> = hopeful.iter().copied().filter(|&c| votes[c] == lowest).collect();
        let stage = stages.len();
        let out = if tied.len() > 1 { ties.pick(&tied, &history, true, stage, "exclusion") } else { tied[0] };
        status[out] = Status::Excluded;
        keep[out] = Votes::ZERO;
        excluded_now = vec![out];
        action = Action::Exclusion { candidates: vec![out] };
    }
    let mut result = CountResult::new("stv/meek-nz", election.names(), seats);
    result.ballots = valid_count + invalid;
    result.valid = valid;
    result.invalid = invalid;
    result.quota = Some(quota);
    result.decimals = DECIMALS;
    result.elected = elected;
    result.stages = stages;
    result.seed = options.seed;
    result.ties = ties.records;
    Ok(result)
}
