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

/// The papers of one distinct ballot held by one candidate: everything a transfer needs is in the paper, so that
/// moving a pile reads it front to back and never goes back to the ballots.
#[derive(Clone, Copy, Debug)]
struct Paper {
    /// Where the paper goes next; see [`Route`].
    route: u64,
    /// How many voters cast this ballot.
    count: u64,
    /// The value of each of these papers in units of 10⁻⁹ of a vote (at most one vote).
    value: u32,
    /// Stage at which the paper arrived with its holder.
    parcel: u16,
}

impl Paper {
    fn value(&self) -> Votes {
        Votes(i128::from(self.value))
    }
}

/// A paper's route is the rest of its ballot after the current holder. For a short ballot of a small election
/// (the usual case) the route is those preferences packed 5 bits each, candidate + 1, the next lowest: moving
/// the paper shifts them off one by one. For any other ballot it is the ballot's index and the holder's position
/// in it, marked by the top bit, and the preferences are read from the ballots.
struct Route;

impl Route {
    const INDEXED: u64 = 1 << 63;
    /// The most preferences a packed route holds.
    const PACKED_RANKS: usize = 12;

    /// The route of a clean ballot whose first preference holds the paper.
    fn after_first(ballot: usize, prefs: &[u16]) -> u64 {
        let rest = prefs.get(1..).unwrap_or(&[]);
        if rest.len() <= Route::PACKED_RANKS && rest.iter().all(|&c| c < 31) {
            rest.iter().enumerate().fold(0, |route, (k, &c)| route | (u64::from(c) + 1) << (5 * k))
        } else {
            Route::indexed(ballot, 0)
        }
    }

    fn indexed(ballot: usize, position: usize) -> u64 {
        Route::INDEXED | (position as u64) << 32 | ballot as u64
    }
}

/// Every candidate's pile of papers, each kept as a list of blocks: a pile grows by adding a block, never by
/// copying its papers, and the blocks of a pile that has been transferred are reused by the piles receiving its
/// papers. So a count needs little more memory than one paper per distinct ballot.
struct Piles {
    piles: Vec<Vec<Vec<Paper>>>,
    spare: Vec<Vec<Paper>>,
}

impl Piles {
    /// The most papers a block holds (192 KiB); a pile's first blocks are smaller, growing with the pile.
    const BLOCK: usize = 8192;

    fn new(candidates: usize) -> Piles {
        Piles { piles: (0..candidates).map(|_| Vec::new()).collect(), spare: Vec::new() }
    }

    #[inline]
    fn push(&mut self, candidate: usize, paper: Paper) {
        let Some(pile) = self.piles.get_mut(candidate) else { return };
        match pile.last_mut() {
            Some(block) if block.len() < block.capacity() => block.push(paper),
            _ => self.push_to_new_block(candidate, paper),
        }
    }

    #[cold]
    fn push_to_new_block(&mut self, candidate: usize, paper: Paper) {
        let Some(pile) = self.piles.get_mut(candidate) else { return };
        let mut block = self.spare.pop().unwrap_or_else(|| {
            let held: usize = pile.iter().map(Vec::len).sum();
            Vec::with_capacity(held.clamp(64, Piles::BLOCK))
        });
        block.push(paper);
        pile.push(block);
    }

    /// Takes a candidate's whole pile, in the order the papers arrived.
    fn take(&mut self, candidate: usize) -> Vec<Vec<Paper>> {
        self.piles.get_mut(candidate).map(std::mem::take).unwrap_or_default()
    }

    /// Keeps an emptied block for the next pile that needs one.
    fn recycle(&mut self, mut block: Vec<Paper>) {
        block.clear();
        self.spare.push(block);
    }
}

/// What `count` papers of value `value` (in 10⁻⁹ of a vote) are worth: at most 2³² × 10¹⁵, so one 64-bit
/// multiplication with a 128-bit result.
fn paper_amount(value: u32, count: u64) -> Votes {
    Votes((u128::from(value) * u128::from(count)) as i128)
}

/// One vote as a paper's value.
const ONE_VOTE: u32 = crate::fixed::SCALE as u32;

/// A transfer value as a paper stores it (at most one vote, so it fits in 32 bits).
fn paper_value(value: Votes) -> Result<u32, CountError> {
    u32::try_from(value.raw()).map_err(|_| CountError::Overflow)
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
    piles: Piles,
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
            piles: Piles::new(n),
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
                if let Some(total) = self.totals.get_mut(c) {
                    let route = Route::after_first(index, ballot.prefs);
                    self.piles.push(c, Paper { route, count: ballot.count, value: ONE_VOTE, parcel: 1 });
                    *total += Votes::from_int(ballot.count);
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
            let papers = self.piles.take(excluded);
            self.totals[excluded] = Votes::ZERO;
            let next_stage = self.stage_number() as u16 + 1;
            self.move_pile(papers, next_stage, Ok)?;
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

    /// The next continuing candidate on a route and the route after them; `None` when the paper exhausts.
    fn next_holder(&self, mut route: u64) -> Option<(usize, u64)> {
        let continuing = |c: usize| self.status.get(c) == Some(&Status::Continuing);
        if route & Route::INDEXED == 0 {
            while route != 0 {
                let c = ((route & 31) as usize).wrapping_sub(1);
                route >>= 5;
                if continuing(c) {
                    return Some((c, route));
                }
            }
            return None;
        }
        let ballot = (route & 0xFFFF_FFFF) as usize;
        let prefs = self.ballots.prefs(ballot);
        let mut position = (route >> 32 & 0x7FFF_FFFF) as usize + 1;
        while let Some(&entry) = prefs.get(position) {
            let c = usize::from(entry);
            if continuing(c) {
                return Some((c, Route::indexed(ballot, position)));
            }
            position += 1;
        }
        None
    }

    /// Sends a paper to its next continuing preference at `value`, or to the exhausted pile.
    fn move_paper(&mut self, paper: Paper, value: u32, parcel: u16) {
        let amount = paper_amount(value, paper.count);
        match self.next_holder(paper.route) {
            Some((c, route)) => {
                self.piles.push(c, Paper { route, count: paper.count, value, parcel });
                self.totals[c] += amount;
            }
            None => self.exhausted += amount,
        }
    }

    /// Sends every paper of a pile to its next continuing preference (or to the exhausted pile) at the value
    /// `new_value` gives for its present one. Each block of the pile is reused as soon as it has been read.
    fn move_pile(
        &mut self,
        blocks: Vec<Vec<Paper>>,
        parcel: u16,
        mut new_value: impl FnMut(u32) -> Result<u32, CountError>,
    ) -> Result<(), CountError> {
        // Papers mostly arrive in runs of equal value: compute each new value once per run.
        let mut last: Option<(u32, u32)> = None;
        for block in blocks {
            for paper in &block {
                let value = match last {
                    Some((from, to)) if from == paper.value => to,
                    _ => {
                        let to = new_value(paper.value)?;
                        last = Some((paper.value, to));
                        to
                    }
                };
                let amount = paper_amount(value, paper.count);
                match self.next_holder(paper.route) {
                    Some((c, route)) => {
                        self.piles.push(c, Paper { route, count: paper.count, value, parcel });
                        self.totals[c] += amount;
                    }
                    None => self.exhausted += amount,
                }
            }
            self.piles.recycle(block);
        }
        Ok(())
    }

    /// Whether a paper has a continuing candidate further on its route.
    fn has_next(&self, paper: &Paper) -> bool {
        let continuing = |c: usize| self.status.get(c) == Some(&Status::Continuing);
        let mut route = paper.route;
        if route & Route::INDEXED == 0 {
            while route != 0 {
                if continuing(((route & 31) as usize).wrapping_sub(1)) {
                    return true;
                }
                route >>= 5;
            }
            return false;
        }
        let position = (route >> 32 & 0x7FFF_FFFF) as usize;
        self.ballots
            .prefs((route & 0xFFFF_FFFF) as usize)
            .iter()
            .skip(position + 1)
            .any(|&e| continuing(usize::from(e)))
    }

    fn transfer_surplus(&mut self, candidate: usize) -> Result<(), CountError> {
        let total = self.totals[candidate];
        let surplus = total - self.quota;
        let next_stage = self.stage_number() as u16 + 1;
        let papers = self.piles.take(candidate);
        let before = self.exhausted + self.moved_total();
        match self.rules {
            StvRules::Ers97 => {
                let mut all = Vec::new();
                for block in papers {
                    all.extend_from_slice(&block);
                    self.piles.recycle(block);
                }
                let papers = all;
                let last = papers.iter().map(|p| p.parcel).max().unwrap_or(0);
                let (parcel, kept): (Vec<Paper>, Vec<Paper>) = papers.into_iter().partition(|p| p.parcel == last);
                let transferable: Votes =
                    parcel.iter().filter(|p| self.has_next(p)).map(|p| p.value().times(p.count)).sum();
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
                    sent += value.times(paper.count);
                    self.move_paper(paper, paper_value(value)?, next_stage);
                }
                // What the last parcel could not carry is non-transferable; what truncation dropped is loss.
                let not_carried = if transferable < surplus { surplus - transferable } else { Votes::ZERO };
                self.exhausted += not_carried;
                self.loss += surplus - sent - not_carried;
                for paper in kept {
                    self.piles.push(candidate, paper);
                }
            }
            _ => {
                let decimals = self.decimals;
                self.move_pile(papers, next_stage, |value| {
                    let to = Votes(i128::from(value)).mul_div_trunc(surplus, total, decimals);
                    paper_value(to.ok_or(CountError::Overflow)?)
                })?;
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
