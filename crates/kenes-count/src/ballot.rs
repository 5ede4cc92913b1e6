//! The ballot model every method counts from: candidates, seats and identical ballots aggregated with a count.
//!
//! A ranked ballot is stored compactly as `Box<[u16]>`, one entry per ranked candidate in order of preference:
//! a candidate index below [`MAX_CANDIDATES`], optionally carrying the [`TIED`] flag meaning "ranked equal with the
//! next entry"; [`SKIP`] marks a rank left empty and [`OVERVOTE`] a rank marked for several candidates the source
//! did not name (a CVR `overvote` label). Rules about skipped ranks, overvotes, equal ranks and duplicates are applied
//! by [`BallotRules::normalize`], per method, never by the parsers.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Flag on an entry: this candidate is ranked equal with the next entry.
pub const TIED: u16 = 0x8000;
/// A rank left empty (an undervote inside the ranking).
pub const SKIP: u16 = 0x7FFF;
/// A rank marked for several unnamed candidates.
pub const OVERVOTE: u16 = 0x7FFE;
/// Candidate indices are below this.
pub const MAX_CANDIDATES: usize = 0x4000;

/// One candidate as the ballot file declared it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub name: String,
    /// A short name (BLT `[nick]` extension), used to refer to the candidate in files.
    pub nick: Option<String>,
    /// Withdrawn before the count: removed from every ballot, never elected.
    pub withdrawn: bool,
    /// Undeclared write-ins, eliminated first by IRV when asked.
    pub write_in: bool,
}

impl Candidate {
    pub fn new(name: impl Into<String>) -> Candidate {
        Candidate { name: name.into(), nick: None, withdrawn: false, write_in: false }
    }
}

/// A ballot with the number of voters who cast exactly it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub prefs: Box<[u16]>,
    pub count: u64,
}

/// What a ballot file holds: candidates, seats and the aggregated ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Election {
    pub title: String,
    pub candidates: Vec<Candidate>,
    pub seats: usize,
    pub ballots: Vec<Ballot>,
    /// A statutory order for breaking ties (BLT `[tie]` extension), first = most favoured.
    pub tie_order: Option<Vec<usize>>,
    /// Ballots the source rejected outright (reported, never counted).
    pub rejected: u64,
}

impl Election {
    pub fn new(candidates: Vec<Candidate>, seats: usize) -> Election {
        Election { candidates, seats, ..Election::default() }
    }

    /// Number of ballots, counting each aggregated ballot with its multiplicity.
    pub fn ballot_count(&self) -> u64 {
        self.ballots.iter().map(|b| b.count).sum()
    }

    pub fn names(&self) -> Vec<String> {
        self.candidates.iter().map(|c| c.name.clone()).collect()
    }

    /// Finds a candidate by name or nick.
    pub fn candidate_index(&self, name: &str) -> Option<usize> {
        self.candidates.iter().position(|c| c.name == name || c.nick.as_deref() == Some(name))
    }

    /// Adds ranked ballots given as rank groups of candidate indices (test and conversion helper).
    pub fn push_ranking(&mut self, groups: &[&[usize]], count: u64) {
        let mut prefs = Vec::new();
        for group in groups {
            if group.is_empty() {
                prefs.push(SKIP);
            }
            for (k, &c) in group.iter().enumerate() {
                let flag = if k + 1 < group.len() { TIED } else { 0 };
                prefs.push(c as u16 | flag);
            }
        }
        self.ballots.push(Ballot { prefs: prefs.into_boxed_slice(), count });
    }

    /// Merges identical ballots (keeping first-seen order).
    pub fn aggregate(&mut self) {
        let mut builder = Aggregator::default();
        for ballot in std::mem::take(&mut self.ballots) {
            let _ = builder.add(&ballot.prefs, ballot.count);
        }
        self.ballots = builder.finish();
    }
}

/// The most ballots one election may hold (so that every exact product of votes fits in 128 bits).
pub const MAX_BALLOTS: u64 = 1_000_000_000_000_000;

/// Checks that an election's ballots add up to at most [`MAX_BALLOTS`]; returns the total.
pub fn check_total(election: &Election) -> Result<u64, crate::error::CountError> {
    let mut total: u64 = 0;
    for ballot in &election.ballots {
        total = total
            .checked_add(ballot.count)
            .filter(|&t| t <= MAX_BALLOTS)
            .ok_or_else(|| crate::error::CountError::Invalid(format!("more than {MAX_BALLOTS} ballots")))?;
    }
    if election.candidates.len() > MAX_CANDIDATES {
        return Err(crate::error::CountError::Invalid("more than 16384 candidates".to_owned()));
    }
    Ok(total)
}

/// Collects ballots, merging identical ones as they arrive.
#[derive(Debug, Default)]
pub struct Aggregator {
    index: HashMap<Box<[u16]>, usize>,
    ballots: Vec<Ballot>,
    total: u64,
}

impl Aggregator {
    /// Adds `count` copies of a ballot; false (and nothing added) when the total would pass [`MAX_BALLOTS`].
    pub fn add(&mut self, prefs: &[u16], count: u64) -> bool {
        match self.total.checked_add(count) {
            Some(total) if total <= MAX_BALLOTS => self.total = total,
            _ => return false,
        }
        if let Some(&at) = self.index.get(prefs) {
            if let Some(ballot) = self.ballots.get_mut(at) {
                ballot.count += count;
            }
            return true;
        }
        let boxed: Box<[u16]> = prefs.into();
        self.index.insert(boxed.clone(), self.ballots.len());
        self.ballots.push(Ballot { prefs: boxed, count });
        true
    }

    pub fn len(&self) -> usize {
        self.ballots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ballots.is_empty()
    }

    pub fn finish(self) -> Vec<Ballot> {
        self.ballots
    }
}

/// One rank of a ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank<'a> {
    Skip,
    Overvote,
    Single(usize),
    /// Several candidates ranked equal; entries still carry the [`TIED`] flag (use [`entry_candidate`]).
    Tied(&'a [u16]),
}

/// The candidate index of a stored entry, without its flag.
pub fn entry_candidate(entry: u16) -> usize {
    usize::from(entry & !TIED)
}

/// The ranks of a stored ballot, in order.
pub fn ranks(prefs: &[u16]) -> impl Iterator<Item = Rank<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = *prefs.get(at)?;
        if first == SKIP {
            at += 1;
            return Some(Rank::Skip);
        }
        if first == OVERVOTE {
            at += 1;
            return Some(Rank::Overvote);
        }
        let start = at;
        while prefs.get(at).is_some_and(|e| e & TIED != 0) {
            at += 1;
        }
        at += 1;
        let end = at.min(prefs.len());
        if end - start == 1 { Some(Rank::Single(entry_candidate(first))) } else { Some(Rank::Tied(&prefs[start..end])) }
    })
}

/// Skip the mark and read on, or stop reading the ballot there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Irregular {
    Skip,
    Exhaust,
}

/// How irregular marks on a ranked ballot are read, as jurisdictions differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotRules {
    /// A rank marked for several candidates (overvote).
    pub overvote: Irregular,
    /// Candidates ranked equal (BLT `=`): treated like an overvote of those candidates.
    pub equal_ranks: Irregular,
    /// A candidate ranked a second time.
    pub duplicates: Irregular,
    /// The ballot exhausts when more than this many consecutive ranks were skipped before a later mark.
    pub max_skipped: Option<usize>,
}

impl Default for BallotRules {
    /// Scottish practice: a paper whose next preference is unclear goes no further; empty ranks are ignored.
    fn default() -> BallotRules {
        BallotRules {
            overvote: Irregular::Exhaust,
            equal_ranks: Irregular::Exhaust,
            duplicates: Irregular::Skip,
            max_skipped: None,
        }
    }
}

impl BallotRules {
    /// The clean preference order these rules read from a ballot: distinct candidates, withdrawn ones removed,
    /// cut where the ballot exhausts. Empty means the ballot expresses no usable preference.
    pub fn normalize(&self, prefs: &[u16], withdrawn: &[bool], out: &mut Vec<u16>) {
        out.clear();
        let mut skipped = 0usize;
        for rank in ranks(prefs) {
            let irregular = match rank {
                Rank::Skip => {
                    skipped += 1;
                    continue;
                }
                Rank::Overvote => Some(self.overvote),
                Rank::Tied(group) => {
                    // Equal ranks among which only one candidate is still standing are no longer a tie.
                    let mut standing = group
                        .iter()
                        .map(|&e| entry_candidate(e))
                        .filter(|&c| !withdrawn.get(c).copied().unwrap_or(true) && !out.contains(&(c as u16)));
                    match (standing.next(), standing.next()) {
                        (None, _) => None,
                        (Some(only), None) => {
                            if self.skipped_too_many(skipped) {
                                return;
                            }
                            skipped = 0;
                            out.push(only as u16);
                            continue;
                        }
                        _ => Some(self.equal_ranks),
                    }
                }
                Rank::Single(candidate) => {
                    if withdrawn.get(candidate).copied().unwrap_or(true) {
                        continue;
                    }
                    if self.skipped_too_many(skipped) {
                        return;
                    }
                    skipped = 0;
                    if out.contains(&(candidate as u16)) {
                        match self.duplicates {
                            Irregular::Skip => continue,
                            Irregular::Exhaust => return,
                        }
                    }
                    out.push(candidate as u16);
                    continue;
                }
            };
            if self.skipped_too_many(skipped) {
                return;
            }
            skipped = 0;
            match irregular {
                Some(Irregular::Exhaust) => return,
                Some(Irregular::Skip) | None => {}
            }
        }
    }

    fn skipped_too_many(&self, skipped: usize) -> bool {
        self.max_skipped.is_some_and(|max| skipped > max)
    }

    /// Normalizes every ballot of an election and aggregates the results; returns the clean ballots
    /// (possibly empty preference lists) in first-seen order.
    pub fn clean(&self, election: &Election, extra_excluded: &[bool]) -> Vec<Ballot> {
        let withdrawn: Vec<bool> = election
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| c.withdrawn || extra_excluded.get(i).copied().unwrap_or(false))
            .collect();
        let mut aggregator = Aggregator::default();
        let mut scratch = Vec::new();
        for ballot in &election.ballots {
            self.normalize(&ballot.prefs, &withdrawn, &mut scratch);
            let _ = aggregator.add(&scratch, ballot.count);
        }
        aggregator.finish()
    }
}
