//! Single transferable vote by the Gregory methods: Scottish rules (SSI 2007/42), weighted inclusive Gregory with
//! any truncation, and ERS97's last-parcel rules. Meek is in [`crate::meek`].
//!
//! Scottish Local Government Elections Order 2007, schedule 1, rules 45–52, as implemented here:
//! - quota = ⌊valid / (seats + 1)⌋ + 1 (rule 46); a candidate is elected on reaching it (≥);
//! - a surplus is transferred from every paper the candidate holds, each at
//!   `value × surplus / total`, truncated to five decimal places (rule 48); what truncation drops is recorded as loss;
//! - the largest surplus goes first; equal surpluses, and equal lowest candidates at exclusion, are decided by the
//!   most recent earlier stage at which the candidates had unequal votes, then by lot (rules 49–50);
//! - one candidate is excluded at a time, all of their papers moving in one stage at their current values (rule 50);
//! - when the continuing candidates are as many as the vacancies left, they are all elected (rule 52).
//!
//! Every stage checks that elected + continuing + exhausted + loss = valid votes exactly.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::ballot::{BallotRules, Ballots, Election};
use crate::error::CountError;
use crate::fixed::Votes;
use crate::result::{Action, CountResult, Stage};
use crate::tie::{TieBreaker, TieRule};

/// Which STV rules to count by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StvRules {
    /// SSI 2007/42 (weighted inclusive Gregory, five decimal places): the default for council elections.
    Scottish,
    /// Weighted inclusive Gregory with transfer values truncated to this many decimal places (at most nine).
    Wigm { decimals: u32 },
    /// Electoral Reform Society 1997 rules: last-parcel Gregory, two decimal places, deferred surpluses.
    Ers97,
    /// Meek's method under the New Zealand rules (nine decimal places).
    Meek,
}

impl StvRules {
    pub fn name(self) -> String {
        match self {
            StvRules::Scottish => "scottish".to_owned(),
            StvRules::Wigm { decimals } => format!("wigm-{decimals}"),
            StvRules::Ers97 => "ers97".to_owned(),
            StvRules::Meek => "meek-nz".to_owned(),
        }
    }
}

/// Everything a count of STV needs besides the ballots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StvOptions {
    pub rules: StvRules,
    /// Seats to fill; `None` takes the number the ballot file declares.
    pub seats: Option<usize>,
    pub tie_rule: TieRule,
    pub seed: u64,
    pub ballot_rules: BallotRules,
}

impl Default for StvOptions {
    fn default() -> StvOptions {
        StvOptions {
            rules: StvRules::Scottish,
            seats: None,
            tie_rule: TieRule::Backward,
            seed: 0,
            ballot_rules: BallotRules::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Continuing,
    Elected,
    Excluded,
}

#[derive(Clone, Copy, Debug)]
struct Paper {
    ballot: u32,
    /// Index in the clean preference list of the candidate now holding the paper.
    pos: u16,
    /// Stage at which the paper arrived with its holder.
    parcel: u16,
    /// The paper's value in units of 10⁻⁹ (at most one vote, so it fits in 64 bits; 16-byte papers).
    value: i64,
}

impl Paper {
    fn value(&self) -> Votes {
        Votes(i128::from(self.value))
    }
}

/// Counts by STV. Meek is delegated to [`crate::meek::count_meek`].
pub fn count_stv(election: &Election, options: &StvOptions) -> Result<CountResult, CountError> {
    crate::ballot::check_total(election)?;
    if options.rules == StvRules::Meek {
        return crate::meek::count_meek(election, options);
    }
    let seats = options.seats.unwrap_or(election.seats);
    let ballots = options.ballot_rules.clean_borrowed(election, &[]);
    Gregory::new(election, options, seats, ballots)?.run()
}

struct Gregory<'a> {
    election: &'a Election,
    rules: StvRules,
    decimals: u32,
    seats: usize,
    ballots: Cow<'a, Ballots>,
    status: Vec<Status>,
    totals: Vec<Votes>,
    piles: Vec<Vec<Paper>>,
    exhausted: Votes,
    loss: Votes,
    valid: Votes,
    quota: Votes,
    history: Vec<Vec<Votes>>,
    pending: Vec<usize>,
    elected: Vec<usize>,
    stages: Vec<Stage>,
    ties: TieBreaker,
    invalid: u64,
}

impl<'a> Gregory<'a> {
    fn new(
        election: &'a Election,
        options: &StvOptions,
        seats: usize,
        ballots: Cow<'a, Ballots>,
    ) -> Result<Gregory<'a>, CountError> {
        let n = election.candidates.len();
        if seats == 0 {
            return Err(CountError::Invalid("STV needs at least one seat".to_owned()));
        }
        if u32::try_from(ballots.len()).is_err() {
            return Err(CountError::Invalid("too many distinct ballots".to_owned()));
        }
        let decimals = match options.rules {
            StvRules::Scottish => 5,
            StvRules::Wigm { decimals } => decimals.min(crate::fixed::SCALE_DIGITS),
            StvRules::Ers97 => 2,
            StvRules::Meek => 9,
        };
        let status = election
            .candidates
            .iter()
            .map(|c| if c.withdrawn { Status::Excluded } else { Status::Continuing })
            .collect();
        let valid_count: u64 = ballots.iter().filter(|b| !b.prefs.is_empty()).map(|b| b.count).sum();
        let invalid: u64 = ballots.iter().filter(|b| b.prefs.is_empty()).map(|b| b.count).sum();
        let valid = Votes::from_int(valid_count);
        let quota = match options.rules {
            StvRules::Ers97 => valid.div_int_trunc(seats as u64 + 1, 2) + Votes(crate::fixed::SCALE / 100),
            _ => Votes::from_int(valid_count / (seats as u64 + 1) + 1),
        };
        Ok(Gregory {
            election,
            rules: options.rules,
            decimals,
            seats,
            ballots,
            status,
            totals: vec![Votes::ZERO; n],
            piles: vec![Vec::new(); n],
            exhausted: Votes::ZERO,
            loss: Votes::ZERO,
            valid,
            quota,
            history: Vec::new(),
            pending: Vec::new(),
            elected: Vec::new(),
            stages: Vec::new(),
            ties: TieBreaker::new(options.tie_rule, options.seed, election.tie_order.clone()),
            invalid,
        })
    }

    fn continuing(&self) -> Vec<usize> {
        (0..self.status.len()).filter(|&c| self.status[c] == Status::Continuing).collect()
    }

    fn stage_number(&self) -> usize {
        self.stages.len()
    }

    fn run(mut self) -> Result<CountResult, CountError> {
        for (index, ballot) in self.ballots.iter().enumerate() {
            if let Some(&first) = ballot.prefs.first() {
                let c = usize::from(first);
                if let Some(pile) = self.piles.get_mut(c) {
                    pile.push(Paper { ballot: index as u32, pos: 0, value: Votes::ONE.raw() as i64, parcel: 1 });
                    self.totals[c] += Votes::from_int(ballot.count);
                }
            }
        }
        self.finish_stage(Action::FirstPreferences, Vec::new())?;
        loop {
            if self.elected.len() >= self.seats {
                break;
            }
            let continuing = self.continuing();
            if continuing.is_empty() {
                break;
            }
            if continuing.len() <= self.seats - self.elected.len() {
                let stage = self.stage_number();
                let order =
                    self.ties.order_desc(&continuing, |c| self.totals[c], &self.history, stage, "election order");
                for c in order {
                    self.status[c] = Status::Elected;
                    self.elected.push(c);
                    if let Some(last) = self.stages.last_mut() {
                        last.elected.push(c);
                    }
                }
                break;
            }
            self.pending.retain(|&c| self.totals[c] > self.quota);
            if !self.pending.is_empty() && !self.defer_surpluses(&continuing) {
                let best = self.pending.iter().map(|&c| self.totals[c]).max().unwrap_or_default();
                let tied: Vec<usize> = self.pending.iter().copied().filter(|&c| self.totals[c] == best).collect();
                let stage = self.stage_number();
                let chosen = if tied.len() > 1 {
                    self.ties.pick(&tied, &self.history, false, stage, "surplus order")
                } else {
                    tied[0]
                };
                self.pending.retain(|&c| c != chosen);
                self.transfer_surplus(chosen)?;
                self.finish_stage(Action::Surplus { candidate: chosen }, Vec::new())?;
                continue;
            }
            let lowest = continuing.iter().map(|&c| self.totals[c]).min().unwrap_or_default();
            let tied: Vec<usize> = continuing.iter().copied().filter(|&c| self.totals[c] == lowest).collect();
            let stage = self.stage_number();
            let excluded =
                if tied.len() > 1 { self.ties.pick(&tied, &self.history, true, stage, "exclusion") } else { tied[0] };
            self.status[excluded] = Status::Excluded;
            let papers = std::mem::take(&mut self.piles[excluded]);
            self.totals[excluded] = Votes::ZERO;
            let next_stage = self.stage_number() as u16 + 1;
            for paper in papers {
                self.move_paper(paper, paper.value(), next_stage);
            }
            self.finish_stage(Action::Exclusion { candidates: vec![excluded] }, vec![excluded])?;
        }
        self.into_result()
    }

    /// ERS97 5.2.5: a surplus waits while all surpluses together could not lift the lowest continuing candidate
    /// above the next lowest.
    fn defer_surpluses(&self, continuing: &[usize]) -> bool {
        if self.rules != StvRules::Ers97 || continuing.len() < 2 {
            return false;
        }
        let total_surplus: Votes = self.pending.iter().map(|&c| self.totals[c] - self.quota).sum();
        let mut values: Vec<Votes> = continuing.iter().map(|&c| self.totals[c]).collect();
        values.sort_unstable();
        total_surplus < values[1] - values[0]
    }

    /// Sends a paper to its next continuing preference at `value`, or to the exhausted pile.
    fn move_paper(&mut self, paper: Paper, value: Votes, parcel: u16) {
        let Some(ballot) = self.ballots.get(paper.ballot as usize) else {
            return;
        };
        let count = ballot.count;
        let mut pos = paper.pos as usize + 1;
        while let Some(&entry) = ballot.prefs.get(pos) {
            let c = usize::from(entry);
            if self.status.get(c) == Some(&Status::Continuing) {
                self.piles[c].push(Paper { ballot: paper.ballot, pos: pos as u16, value: value.raw() as i64, parcel });
                self.totals[c] += value.times(count);
                return;
            }
            pos += 1;
        }
        self.exhausted += value.times(count);
    }

    fn has_next(&self, paper: &Paper) -> bool {
        let Some(ballot) = self.ballots.get(paper.ballot as usize) else {
            return false;
        };
        ballot
            .prefs
            .iter()
            .skip(paper.pos as usize + 1)
            .any(|&e| self.status.get(usize::from(e)) == Some(&Status::Continuing))
    }

    fn transfer_surplus(&mut self, candidate: usize) -> Result<(), CountError> {
        let total = self.totals[candidate];
        let surplus = total - self.quota;
        let next_stage = self.stage_number() as u16 + 1;
        let papers = std::mem::take(&mut self.piles[candidate]);
        let before = self.exhausted + self.moved_total();
        match self.rules {
            StvRules::Ers97 => {
                let last = papers.iter().map(|p| p.parcel).max().unwrap_or(0);
                let (parcel, kept): (Vec<Paper>, Vec<Paper>) = papers.into_iter().partition(|p| p.parcel == last);
                let transferable: Votes = parcel
                    .iter()
                    .filter(|p| self.has_next(p))
                    .map(|p| p.value().times(self.ballots.count(p.ballot as usize)))
                    .sum();
                let mut sent = Votes::ZERO;
                for paper in parcel.iter().copied() {
                    if !self.has_next(&paper) {
                        continue;
                    }
                    let value = if transferable <= surplus {
                        paper.value()
                    } else {
                        paper.value().mul_div_trunc(surplus, transferable, self.decimals).ok_or(CountError::Overflow)?
                    };
                    sent += value.times(self.ballots.count(paper.ballot as usize));
                    self.move_paper(paper, value, next_stage);
                }
                // What the last parcel could not carry is non-transferable; what truncation dropped is loss.
                let not_carried = if transferable < surplus { surplus - transferable } else { Votes::ZERO };
                self.exhausted += not_carried;
                self.loss += surplus - sent - not_carried;
                self.piles[candidate] = kept;
            }
            _ => {
                // Papers mostly arrive in runs of equal value: compute each new value once per run.
                let mut last: Option<(i64, Votes)> = None;
                for paper in papers {
                    let value = match last {
                        Some((from, to)) if from == paper.value => to,
                        _ => {
                            let to = paper
                                .value()
                                .mul_div_trunc(surplus, total, self.decimals)
                                .ok_or(CountError::Overflow)?;
                            last = Some((paper.value, to));
                            to
                        }
                    };
                    self.move_paper(paper, value, next_stage);
                }
                let after = self.exhausted + self.moved_total();
                let sent = after - before;
                self.loss += surplus - sent;
            }
        }
        self.totals[candidate] = self.quota;
        Ok(())
    }

    /// Sum of totals held by continuing candidates (used to measure what a transfer sent).
    fn moved_total(&self) -> Votes {
        (0..self.status.len()).filter(|&c| self.status[c] == Status::Continuing).map(|c| self.totals[c]).sum()
    }

    fn finish_stage(&mut self, action: Action, excluded: Vec<usize>) -> Result<(), CountError> {
        let number = self.stages.len() + 1;
        let sum: Votes = self.totals.iter().copied().sum::<Votes>() + self.exhausted + self.loss;
        if sum != self.valid {
            return Err(CountError::Conservation {
                stage: number,
                expected: self.valid.to_string(),
                found: sum.to_string(),
            });
        }
        self.history.push(self.totals.clone());
        self.stages.push(Stage {
            number,
            action,
            totals: self.totals.clone(),
            exhausted: self.exhausted,
            loss: self.loss,
            elected: Vec::new(),
            excluded,
        });
        let reached: Vec<usize> = self.continuing().into_iter().filter(|&c| self.totals[c] >= self.quota).collect();
        if !reached.is_empty() {
            let order = self.ties.order_desc(&reached, |c| self.totals[c], &self.history, number, "election order");
            for c in order {
                if self.elected.len() >= self.seats {
                    break;
                }
                self.status[c] = Status::Elected;
                self.elected.push(c);
                self.pending.push(c);
                if let Some(last) = self.stages.last_mut() {
                    last.elected.push(c);
                }
            }
        }
        Ok(())
    }

    fn into_result(self) -> Result<CountResult, CountError> {
        let mut result = CountResult::new(format!("stv/{}", self.rules.name()), self.election.names(), self.seats);
        result.ballots = self.ballots.iter().map(|b| b.count).sum();
        result.valid = self.valid;
        result.invalid = self.invalid;
        result.quota = Some(self.quota);
        result.decimals = self.decimals;
        result.elected = self.elected;
        result.stages = self.stages;
        result.seed = self.ties.seed;
        result.ties = self.ties.records;
        if self.rules == StvRules::Ers97 {
            result.notes.push(
                "ERS97: an excluded candidate's papers move in one stage rather than one sub-stage per transfer value"
                    .to_owned(),
            );
        }
        Ok(result)
    }
}
