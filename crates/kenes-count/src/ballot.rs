//! The ballot model every method counts from: candidates, seats and identical ballots aggregated with a count.
//!
//! A ranked ballot is stored compactly as `Box<[u16]>`, one entry per ranked candidate in order of preference:
//! a candidate index below [`MAX_CANDIDATES`], optionally carrying the [`TIED`] flag meaning "ranked equal with the
//! next entry"; [`SKIP`] marks a rank left empty and [`OVERVOTE`] a rank marked for several candidates the source
//! did not name (a CVR `overvote` label). Rules about skipped ranks, overvotes, equal ranks and duplicates are applied
//! by [`BallotRules::normalize`], per method, never by the parsers.

use std::borrow::Cow;

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

/// A ballot with the number of voters who cast exactly it (owned; see [`Ballots`] for the stored form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub prefs: Box<[u16]>,
    pub count: u64,
}

/// A borrowed ballot from [`Ballots`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BallotRef<'a> {
    pub prefs: &'a [u16],
    pub count: u64,
}

/// Ballots stored in one arena: no allocation per ballot, so a million distinct ballots of ten ranks take
/// about 30 MB less than boxed ones.
///
/// The arena also remembers, as ballots are pushed, whether every ballot lists distinct candidates below 64
/// without marks, and which candidates appear at all: with that, [`BallotRules::clean_borrowed`] can tell that
/// no ballot needs cleaning without reading them again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballots {
    data: Vec<u16>,
    ends: Vec<usize>,
    counts: Vec<u64>,
    /// Every ballot names distinct candidates below 64 and carries no mark or flag.
    simple: bool,
    /// The candidates below 64 that some ballot names, as a bit set.
    mentioned: u64,
}

impl Default for Ballots {
    fn default() -> Ballots {
        Ballots { data: Vec::new(), ends: Vec::new(), counts: Vec::new(), simple: true, mentioned: 0 }
    }
}

impl Ballots {
    pub fn new() -> Ballots {
        Ballots::default()
    }

    /// Appends a ballot (no merging; see [`Aggregator`]).
    pub fn push(&mut self, prefs: &[u16], count: u64) {
        self.push_prefs(prefs);
        self.counts.push(count);
    }

    /// Appends a ballot's preferences but not its count (the [`Aggregator`] adds the counts at the end).
    fn push_prefs(&mut self, prefs: &[u16]) {
        self.data.extend_from_slice(prefs);
        self.ends.push(self.data.len());
        note_candidates(prefs, &mut self.simple, &mut self.mentioned);
    }

    /// Appends the preferences of the ballot a packed key stands for (see [`pack_ballot`]), but not its count.
    ///
    /// All twelve places are written and the ballot's length kept, rather than reading the key until it ends,
    /// so that ballots of random lengths cost no mispredicted branches.
    fn push_packed(&mut self, key: u64) {
        let start = self.data.len();
        let length = (64 - key.leading_zeros() as usize).div_ceil(5);
        let mut places = [0u16; PACKED_RANKS];
        let mut seen = 0u64;
        let mut repeated = false;
        for (k, place) in places.iter_mut().enumerate() {
            let field = key >> (5 * k) & 31;
            // Past the ballot's end the field is 0: it reads as no candidate and sets no bit.
            let bit = (1u64 << field) >> 1;
            repeated |= seen & bit != 0;
            seen |= bit;
            *place = (field as u16).wrapping_sub(1);
        }
        self.data.extend_from_slice(&places);
        self.data.truncate(start + length);
        self.ends.push(self.data.len());
        self.simple &= !repeated;
        self.mentioned |= seen;
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn prefs(&self, index: usize) -> &[u16] {
        let start = if index == 0 { 0 } else { self.ends.get(index - 1).copied().unwrap_or(0) };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.data.get(start..end).unwrap_or(&[])
    }

    pub fn count(&self, index: usize) -> u64 {
        self.counts.get(index).copied().unwrap_or(0)
    }

    pub fn set_count(&mut self, index: usize, count: u64) {
        if let Some(slot) = self.counts.get_mut(index) {
            *slot = count;
        }
    }

    pub fn get(&self, index: usize) -> Option<BallotRef<'_>> {
        (index < self.len()).then(|| BallotRef { prefs: self.prefs(index), count: self.count(index) })
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = BallotRef<'_>> + ExactSizeIterator + '_ {
        (0..self.len()).map(move |i| BallotRef { prefs: self.prefs(i), count: self.count(i) })
    }

    pub fn from_owned(ballots: Vec<Ballot>) -> Ballots {
        let mut out = Ballots::new();
        for ballot in ballots {
            out.push(&ballot.prefs, ballot.count);
        }
        out
    }

    pub fn to_owned_vec(&self) -> Vec<Ballot> {
        self.iter().map(|b| Ballot { prefs: b.prefs.into(), count: b.count }).collect()
    }
}

impl<'a> IntoIterator for &'a Ballots {
    type Item = BallotRef<'a>;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = BallotRef<'a>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// Updates [`Ballots`]' record of simple ballots and mentioned candidates with one more ballot.
fn note_candidates(prefs: &[u16], simple: &mut bool, mentioned: &mut u64) {
    let mut seen = 0u64;
    for &entry in prefs {
        if entry >= 64 || seen & 1 << entry != 0 {
            *simple = false;
        }
        if entry < 64 {
            seen |= 1 << entry;
        }
    }
    *mentioned |= seen;
}

/// What a ballot file holds: candidates, seats and the aggregated ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Election {
    pub title: String,
    pub candidates: Vec<Candidate>,
    pub seats: usize,
    pub ballots: Ballots,
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
        self.ballots.iter().fold(0u64, |sum, b| sum.saturating_add(b.count))
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
        self.ballots.push(&prefs, count);
    }

    /// Merges identical ballots (keeping first-seen order).
    pub fn aggregate(&mut self) {
        let mut builder = Aggregator::default();
        for ballot in &self.ballots {
            let _ = builder.add(ballot.prefs, ballot.count);
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

/// A fast multiplicative hash of a ballot (FxHash-style). Not keyed: equal hashes are always resolved by
/// comparing the ballots themselves, so a collision can only cost time, never merge different ballots.
fn hash_prefs(prefs: &[u16]) -> u64 {
    let mut hash: u64 = prefs.len() as u64;
    for chunk in prefs.chunks(4) {
        let mut word = 0u64;
        for (k, &e) in chunk.iter().enumerate() {
            word |= u64::from(e) << (16 * k);
        }
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    // MurmurHash3's finalizer, so that the low bits used as the slot index depend on every input bit.
    mix(hash)
}

/// Collects ballots, merging identical ones as they arrive, into a [`Ballots`] arena in first-seen order.
///
/// Each distinct ballot has a 16-byte record beside it, its key and its count: a short plain ballot (at most 12
/// ranks, candidates below 31, no marks) is packed into the key itself (see [`pack_ballot`]), so that finding
/// it again compares one number; any other has its hash with the top bit set as key, and is compared entry by
/// entry. The arena's counts are filled from the records at the end, so that finding a ballot and counting it
/// touch one cache line. The open-addressing table holds only 4-byte ballot numbers: a million distinct
/// ballots need about 24 MB besides the arena.
#[derive(Debug, Default)]
pub struct Aggregator {
    /// The distinct ballots, without their counts (those are in `records` until [`Aggregator::finish`]).
    ballots: Ballots,
    records: Vec<(u64, u64)>,
    /// Ballot number + 1, 0 for an empty slot; a power of two at most half full.
    slots: Vec<u32>,
    total: u64,
}

/// Keys with this bit set belong to ballots that are not packed; packed keys never have it.
const GENERAL: u64 = 1 << 63;

/// The most ranks a packed key holds.
pub(crate) const PACKED_RANKS: usize = 12;

/// Packs a short plain ballot (at most [`PACKED_RANKS`] ranks, candidates below 31, no marks or flags): 5 bits
/// per rank holding candidate + 1, first rank lowest, zero-terminated. Never has the [`GENERAL`] bit.
pub(crate) fn pack_ballot(prefs: &[u16]) -> Option<u64> {
    if prefs.len() > PACKED_RANKS {
        return None;
    }
    let mut key = 0u64;
    for (k, &e) in prefs.iter().enumerate() {
        if e >= 31 {
            return None;
        }
        key |= (u64::from(e) + 1) << (5 * k);
    }
    Some(key)
}

/// The key of a ballot: packed when it can be, else its hash marked [`GENERAL`].
fn key_of(prefs: &[u16]) -> u64 {
    pack_ballot(prefs).unwrap_or_else(|| GENERAL | hash_prefs(prefs))
}

/// Where a key's search starts in the table (before masking): packed keys are mixed, general keys are hashes.
fn slot_hash(key: u64) -> u64 {
    if key & GENERAL == 0 { mix(key) } else { key }
}

fn mix(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

impl Aggregator {
    /// An aggregator whose table holds half of `ballots` distinct ballots without growing: sized once for a
    /// file whose number of ballots the reader can guess, instead of doubling (and rehashing) all along.
    pub fn with_expected(ballots: usize) -> Aggregator {
        let size = ballots.checked_next_power_of_two().unwrap_or(1024).clamp(1024, 1 << 31);
        Aggregator { slots: vec![0; size], ..Aggregator::default() }
    }

    /// Adds `count` copies of a ballot; false (and nothing added) when the total would pass [`MAX_BALLOTS`]
    /// or there are more than 2 billion distinct ballots.
    pub fn add(&mut self, prefs: &[u16], count: u64) -> bool {
        if !self.make_room(count) {
            return false;
        }
        let key = key_of(prefs);
        let mask = self.slots.len() - 1;
        let mut at = slot_hash(key) as usize & mask;
        loop {
            let slot = self.slots[at] as usize;
            if slot == 0 {
                if key & GENERAL == 0 {
                    self.ballots.push_packed(key);
                } else {
                    self.ballots.push_prefs(prefs);
                }
                self.records.push((key, count));
                self.slots[at] = self.records.len() as u32;
                break;
            }
            let record = &mut self.records[slot - 1];
            if record.0 == key && (key & GENERAL == 0 || self.ballots.prefs(slot - 1) == prefs) {
                record.1 += count;
                break;
            }
            at = (at + 1) & mask;
        }
        self.total += count;
        true
    }

    /// Checks that `count` more ballots keep the total within [`MAX_BALLOTS`] and that the table has room for
    /// one more distinct ballot, growing it if needed.
    fn make_room(&mut self, count: u64) -> bool {
        match self.total.checked_add(count) {
            Some(total) if total <= MAX_BALLOTS => {}
            _ => return false,
        }
        if (self.records.len() + 1) * 2 > self.slots.len() {
            if self.records.len() >= u32::MAX as usize / 2 {
                return false;
            }
            self.grow();
        }
        true
    }

    /// Adds ballots given as packed keys (see [`pack_ballot`]) with their counts. Returns the position in `batch`
    /// of the first ballot that could not be added (see [`Aggregator::add`]); those before it were added.
    ///
    /// The table slots and records the batch will need are loaded first, all independent of each other, so that
    /// their cache misses overlap instead of following one another.
    pub(crate) fn add_packed(&mut self, batch: &[(u64, u64)]) -> Option<usize> {
        if self.records.len() + batch.len() >= u32::MAX as usize / 2 {
            return self.add_packed_one_by_one(batch);
        }
        while (self.records.len() + batch.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // Each key's first slot once; then the loads, in tight loops so that many are in flight at once.
        let mut starts = [0usize; 32];
        let Some(starts) = starts.get_mut(..batch.len()) else {
            return self.add_packed_one_by_one(batch);
        };
        for (start, &(key, _)) in starts.iter_mut().zip(batch) {
            *start = mix(key) as usize & mask;
        }
        let mut warm = 0u32;
        for &start in starts.iter() {
            warm ^= self.slots[start];
        }
        let mut warm = u64::from(warm);
        for &start in starts.iter() {
            if let Some(record) = (self.slots[start] as usize).checked_sub(1).and_then(|r| self.records.get(r)) {
                warm ^= record.0;
            }
        }
        std::hint::black_box(warm);
        for (position, (&(key, count), &start)) in batch.iter().zip(starts.iter()).enumerate() {
            match self.total.checked_add(count) {
                Some(total) if total <= MAX_BALLOTS => {}
                _ => return Some(position),
            }
            self.insert_packed_at(key, count, start);
        }
        None
    }

    /// [`Aggregator::add_packed`] without loading ahead, checking for room before each ballot.
    fn add_packed_one_by_one(&mut self, batch: &[(u64, u64)]) -> Option<usize> {
        for (position, &(key, count)) in batch.iter().enumerate() {
            if !self.make_room(count) {
                return Some(position);
            }
            let start = mix(key) as usize & (self.slots.len() - 1);
            self.insert_packed_at(key, count, start);
        }
        None
    }

    /// Adds a packed ballot whose search starts at slot `at`; the caller has checked the total and made room in
    /// the table.
    fn insert_packed_at(&mut self, key: u64, count: u64, mut at: usize) {
        let mask = self.slots.len() - 1;
        loop {
            let slot = self.slots[at] as usize;
            if slot == 0 {
                self.ballots.push_packed(key);
                self.records.push((key, count));
                self.slots[at] = self.records.len() as u32;
                break;
            }
            let record = &mut self.records[slot - 1];
            if record.0 == key {
                record.1 += count;
                break;
            }
            at = (at + 1) & mask;
        }
        self.total += count;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (index, &(key, _)) in self.records.iter().enumerate() {
            let mut at = slot_hash(key) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = index as u32 + 1;
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn finish(self) -> Ballots {
        let Aggregator { mut ballots, records, slots, .. } = self;
        drop(slots);
        ballots.counts = records.iter().map(|&(_, count)| count).collect();
        ballots
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

    /// Like [`BallotRules::clean`], but borrows the election's ballots when normalizing would change none of
    /// them (the usual case: plain rankings, no withdrawn candidate), which saves a copy of every ballot.
    pub fn clean_borrowed<'e>(&self, election: &'e Election, extra_excluded: &[bool]) -> Cow<'e, Ballots> {
        let n = election.candidates.len();
        let excluded: Vec<bool> = (0..n)
            .map(|i| election.candidates[i].withdrawn || extra_excluded.get(i).copied().unwrap_or(false))
            .collect();
        // A ballot is already clean when each entry is a distinct standing candidate without marks or flags.
        if n <= 64 {
            let standing = (0..n).filter(|&c| !excluded[c]).fold(0u64, |set, c| set | 1 << c);
            // What the arena noted as ballots were pushed usually answers without reading them again.
            if election.ballots.simple && election.ballots.mentioned & !standing == 0 {
                return Cow::Borrowed(&election.ballots);
            }
            let already_clean = election.ballots.iter().all(|ballot| {
                let mut seen = 0u64;
                ballot.prefs.iter().all(|&e| {
                    let bit = if e < 64 { 1u64 << e } else { 0 };
                    let fresh = standing & bit != 0 && seen & bit == 0;
                    seen |= bit;
                    fresh
                })
            });
            return if already_clean {
                Cow::Borrowed(&election.ballots)
            } else {
                Cow::Owned(self.clean(election, extra_excluded))
            };
        }
        let mut seen = vec![0u32; n];
        let mut stamp = 0u32;
        let already_clean = election.ballots.iter().all(|ballot| {
            stamp = stamp.wrapping_add(1);
            if stamp == 0 {
                seen.iter_mut().for_each(|s| *s = 0);
                stamp = 1;
            }
            ballot.prefs.iter().all(|&e| {
                let c = usize::from(e);
                match (excluded.get(c), seen.get_mut(c)) {
                    (Some(false), Some(mark)) if *mark != stamp => {
                        *mark = stamp;
                        true
                    }
                    _ => false,
                }
            })
        });
        if already_clean { Cow::Borrowed(&election.ballots) } else { Cow::Owned(self.clean(election, extra_excluded)) }
    }

    /// Normalizes every ballot of an election; returns the clean ballots (possibly empty preference lists) in
    /// the same order. Two ballots that become identical stay separate entries: counts are what matter, and
    /// skipping a second merge halves the work on large files.
    pub fn clean(&self, election: &Election, extra_excluded: &[bool]) -> Ballots {
        let withdrawn: Vec<bool> = election
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| c.withdrawn || extra_excluded.get(i).copied().unwrap_or(false))
            .collect();
        let mut out = Ballots::new();
        let mut scratch = Vec::new();
        for ballot in &election.ballots {
            self.normalize(ballot.prefs, &withdrawn, &mut scratch);
            out.push(&scratch, ballot.count);
        }
        out
    }
}
