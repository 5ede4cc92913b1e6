//! Instant-runoff voting, with the options real jurisdictions use.
//!
//! Each round every continuing ballot counts one vote for its highest-ranked continuing candidate. A candidate
//! with more than half the votes of continuing ballots wins. Otherwise candidates are eliminated: undeclared
//! write-ins first when asked; then either the lowest candidate alone (ties: the statutory rule, then lot), or,
//! with batch elimination, the largest group of lowest candidates whose combined votes are fewer than the votes
//! of the next candidate up (they can never overtake anyone, as RCTab does it). How ballots read overvotes,
//! skipped ranks and duplicates is set by [`BallotRules`].

use serde::{Deserialize, Serialize};

use crate::ballot::{BallotRules, Election};
use crate::error::CountError;
use crate::fixed::Votes;
use crate::result::{Action, CountResult, Stage};
use crate::tie::{TieBreaker, TieRule};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IrvOptions {
    pub ballot_rules: BallotRules,
    /// Eliminate every candidate who mathematically cannot win at once.
    pub batch_elimination: bool,
    /// Eliminate undeclared write-ins in the first round.
    pub write_ins_first: bool,
    /// Go on until two candidates remain even after someone has a majority.
    pub continue_until_two: bool,
    pub tie_rule: TieRule,
    pub seed: u64,
}

impl Default for IrvOptions {
    fn default() -> IrvOptions {
        IrvOptions {
            ballot_rules: BallotRules::default(),
            batch_elimination: false,
            write_ins_first: false,
            continue_until_two: false,
            tie_rule: TieRule::Backward,
            seed: 0,
        }
    }
}

impl IrvOptions {
    /// The options of RCTab's Minneapolis configuration: overvotes exhaust, at most one skipped rank, duplicates
    /// skipped, batch elimination, undeclared write-ins first.
    pub fn rctab_minneapolis() -> IrvOptions {
        IrvOptions {
            ballot_rules: BallotRules {
                overvote: crate::ballot::Irregular::Exhaust,
                equal_ranks: crate::ballot::Irregular::Exhaust,
                duplicates: crate::ballot::Irregular::Skip,
                max_skipped: Some(1),
            },
            batch_elimination: true,
            write_ins_first: true,
            continue_until_two: false,
            tie_rule: TieRule::Lot,
            seed: 0,
        }
    }
}

pub fn count_irv(election: &Election, options: &IrvOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    let n = election.candidates.len();
    let ballots = options.ballot_rules.clean_borrowed(election, &[]);
    let mut continuing: Vec<bool> = election.candidates.iter().map(|c| !c.withdrawn).collect();
    let mut position: Vec<u32> = vec![0; ballots.len()];
    let mut piles: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut totals: Vec<u64> = vec![0; n];
    let mut exhausted: u64 = 0;
    let mut invalid: u64 = 0;
    let mut valid: u64 = 0;
    for (index, ballot) in ballots.iter().enumerate() {
        match ballot.prefs.first() {
            Some(&c) => {
                let c = usize::from(c);
                piles[c].push(index as u32);
                totals[c] += ballot.count;
                valid += ballot.count;
            }
            None => invalid += ballot.count,
        }
    }
    let mut ties = TieBreaker::new(options.tie_rule, options.seed, election.tie_order.clone());
    let mut history: Vec<Vec<Votes>> = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    let mut winner = None;
    let mut action = Action::FirstPreferences;
    let mut just_excluded: Vec<usize> = Vec::new();
    loop {
        let as_votes: Vec<Votes> = totals.iter().map(|&t| Votes::from_int(t)).collect();
        let sum: u64 = totals.iter().sum::<u64>() + exhausted;
        if sum != valid {
            return Err(CountError::Conservation {
                stage: stages.len() + 1,
                expected: valid.to_string(),
                found: sum.to_string(),
            });
        }
        history.push(as_votes.clone());
        stages.push(Stage {
            number: stages.len() + 1,
            action: std::mem::replace(&mut action, Action::Tally),
            totals: as_votes,
            exhausted: Votes::from_int(exhausted),
            loss: Votes::ZERO,
            elected: Vec::new(),
            excluded: std::mem::take(&mut just_excluded),
        });
        let standing: Vec<usize> = (0..n).filter(|&c| continuing[c]).collect();
        if standing.is_empty() {
            break;
        }
        let active: u64 = standing.iter().map(|&c| totals[c]).sum();
        let top = standing.iter().map(|&c| totals[c]).max().unwrap_or(0);
        let stage = stages.len();
        if standing.len() == 1 || (2 * top > active && !(options.continue_until_two && standing.len() > 2)) {
            let leaders: Vec<usize> = standing.iter().copied().filter(|&c| totals[c] == top).collect();
            let chosen =
                if leaders.len() > 1 { ties.pick(&leaders, &history, false, stage, "winner") } else { leaders[0] };
            winner = Some(chosen);
            if let Some(last) = stages.last_mut() {
                last.elected.push(chosen);
            }
            break;
        }
        let write_ins: Vec<usize> = standing.iter().copied().filter(|&c| election.candidates[c].write_in).collect();
        let eliminate: Vec<usize> =
            if options.write_ins_first && !write_ins.is_empty() && standing.len() > write_ins.len() {
                write_ins
            } else {
                let mut order = standing.clone();
                order.sort_by_key(|&c| totals[c]);
                let mut batch = Vec::new();
                if options.batch_elimination {
                    let mut running = 0u64;
                    for k in 0..order.len().saturating_sub(1) {
                        running += totals[order[k]];
                        if running < totals[order[k + 1]] && k + 1 >= 2 {
                            batch = order[..=k].to_vec();
                        }
                    }
                }
                if batch.len() >= 2 {
                    batch
                } else {
                    let lowest = totals[order[0]];
                    let tied: Vec<usize> = order.iter().copied().filter(|&c| totals[c] == lowest).collect();
                    vec![if tied.len() > 1 { ties.pick(&tied, &history, true, stage, "elimination") } else { tied[0] }]
                }
            };
        for &c in &eliminate {
            continuing[c] = false;
        }
        for &c in &eliminate {
            let pile = std::mem::take(&mut piles[c]);
            totals[c] = 0;
            for index in pile {
                let Some(ballot) = ballots.get(index as usize) else { continue };
                let mut pos = position[index as usize] as usize + 1;
                loop {
                    match ballot.prefs.get(pos) {
                        Some(&next) if continuing[usize::from(next)] => {
                            let next = usize::from(next);
                            piles[next].push(index);
                            totals[next] += ballot.count;
                            position[index as usize] = pos as u32;
                            break;
                        }
                        Some(_) => pos += 1,
                        None => {
                            exhausted += ballot.count;
                            break;
                        }
                    }
                }
            }
        }
        action = Action::Exclusion { candidates: eliminate.clone() };
        just_excluded = eliminate;
    }
    let mut result = CountResult::new("irv", election.names(), 1);
    result.ballots = valid + invalid;
    result.valid = Votes::from_int(valid);
    result.invalid = invalid;
    result.elected = winner.into_iter().collect();
    result.stages = stages;
    result.seed = options.seed;
    result.ties = ties.records;
    Ok(result)
}
