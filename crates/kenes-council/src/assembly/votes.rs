//! Votes in a meeting: opened by who presides on a motion, an amendment or a question once quorum is present; cast by
//! name (yes/no/abstain, or a ranking of options) or counted by tellers; closed with a result that `kenes-count`
//! computes during the fold and that is never written in a payload.

use std::collections::BTreeMap;

use kenes_count::simple::{Majority, MotionResult, MotionTally, Quorum, count_motion};

use super::amendments::{adopt, amendment_mut, amendment_state};
use super::attendance::{present_voting, quorum, voting_members};
use super::events::{VoteCast, VoteClosed, VoteCounted, VoteOpened, VoteRanked};
use super::model::{ChoiceMethod, Choices, Title, VoteChoice, VoteMode, VoteSubject};
use super::motions::{MotionStatus, motion_in, set_status};
use super::{Assembly, Context, Refused};
use crate::model::MemberId;
use crate::state::Council;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    pub id: u32,
    pub item: Option<u32>,
    pub subject: VoteSubject,
    pub question: Title,
    pub mode: VoteMode,
    pub majority: Majority,
    /// Roll call: each member's vote, by name.
    pub ballots: BTreeMap<MemberId, VoteChoice>,
    /// Tellers' counts.
    pub counted: Option<(u32, u32, u32)>,
    /// A vote among options: the options and method, and each member's ballot by name.
    pub choices: Option<Choices>,
    pub rankings: BTreeMap<MemberId, Vec<u8>>,
    /// Each ballot's weight (one, or a federation seat's) and when it was cast; not in the record's payloads, but
    /// derived from the state as each ballot is applied.
    pub weights: BTreeMap<MemberId, u64>,
    pub cast_ms: BTreeMap<MemberId, i64>,
    /// Present and voting members when it opened.
    pub present_at_open: usize,
    pub voting_members: usize,
    pub opened_ms: i64,
    pub result: Option<VoteResult>,
}

impl Vote {
    /// The weight a member's ballot counts with (one unless the council is a federation).
    pub fn weight_of(&self, member: MemberId) -> u64 {
        self.weights.get(&member).copied().unwrap_or(1)
    }

    /// Yes, no and abstain so far; for a vote among options, ballots that mark something and empty ballots.
    pub fn tally(&self) -> (u64, u64, u64) {
        if let Some((yes, no, abstain)) = self.counted {
            return (yes.into(), no.into(), abstain.into());
        }
        if self.choices.is_some() {
            let (mut marked, mut empty) = (0, 0);
            for (member, ranking) in &self.rankings {
                if ranking.is_empty() {
                    empty += self.weight_of(*member);
                } else {
                    marked += self.weight_of(*member);
                }
            }
            return (marked, 0, empty);
        }
        let mut counts = (0, 0, 0);
        for (member, choice) in &self.ballots {
            let weight = self.weight_of(*member);
            match choice {
                VoteChoice::Yes => counts.0 += weight,
                VoteChoice::No => counts.1 += weight,
                VoteChoice::Abstain => counts.2 += weight,
            }
        }
        counts
    }
}

/// A closed vote's result, computed by `kenes-count` from the counts and the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteResult {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub present: usize,
    pub outcome: MotionResult,
    /// For a vote among options: the count by `kenes-count`, stage by stage.
    pub count: Option<Box<kenes_count::CountResult>>,
    pub closed_ms: i64,
    pub closed_height: u64,
}

impl Assembly {
    pub fn vote(&self, id: u32) -> Option<&Vote> {
        id.checked_sub(1).and_then(|i| self.votes.get(i as usize))
    }

    /// The vote under way, if any: at most one is open at a time.
    pub fn open_vote(&self) -> Option<&Vote> {
        self.votes.iter().find(|vote| vote.result.is_none())
    }
}

/// How many members may vote, and how many of them are present, as a vote opens or closes.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Turnout {
    voting: usize,
    present: usize,
}

impl Turnout {
    pub(super) fn of(council: &Council, assembly: Option<&Assembly>) -> Turnout {
        Turnout {
            voting: voting_members(council),
            present: assembly.map(|assembly| present_voting(council, assembly)).unwrap_or(0),
        }
    }
}

fn vote_mut(assembly: &mut Assembly, id: u32) -> Option<&mut Vote> {
    id.checked_sub(1).and_then(|i| assembly.votes.get_mut(i as usize))
}

/// The vote exists and is still open.
fn open_vote<'a>(cx: &Context<'a>, id: u32) -> Result<&'a Vote, Refused> {
    let vote = cx.assembly.vote(id).ok_or(Refused::NoVote(id))?;
    if vote.result.is_some() {
        return Err(Refused::VoteClosed(id));
    }
    Ok(vote)
}

/// Who presides opens one vote at a time, while the meeting is open and quorum is present. A motion is put once it is
/// admitted or debated under the current item and none of its amendments is undecided; an amendment once it is
/// seconded enough and written against the motion's current text; options only with a question taken by name.
pub(super) fn check_opened(cx: &Context, opened: &VoteOpened) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    if let Some(vote) = cx.assembly.open_vote() {
        return Err(Refused::VoteOpen(vote.id).into());
    }
    let majority = opened.majority;
    if majority.den == 0 || majority.num > majority.den {
        return Err(Refused::BadMajority.into());
    }
    match opened.subject {
        VoteSubject::Motion(id) => {
            let motion = cx.motion(id)?;
            motion_in(motion, &[MotionStatus::Admitted, MotionStatus::Debated], "admitted or under debate")?;
            cx.current(motion.item)?;
            if let Some(a) = cx.assembly.amendments_of(id).find(|a| a.status == MotionStatus::Submitted) {
                return Err(Refused::AmendmentState {
                    amendment: a.id,
                    status: a.status.as_str(),
                    needed: "decided or withdrawn before the motion is put",
                }
                .into());
            }
        }
        VoteSubject::Amendment(id) => {
            let amendment = cx.amendment(id)?;
            if amendment.status != MotionStatus::Submitted {
                return Err(amendment_state(amendment, "submitted").into());
            }
            let motion = cx.motion(amendment.motion)?;
            motion_in(motion, &[MotionStatus::Admitted, MotionStatus::Debated], "admitted or under debate")?;
            cx.current(motion.item)?;
            if amendment.version != motion.version {
                return Err(Refused::StaleAmendment { written: amendment.version, now: motion.version }.into());
            }
            let needed = cx.assembly.rules.seconders;
            if amendment.seconders.len() < usize::from(needed) {
                return Err(Refused::NotSeconded { needed, have: amendment.seconders.len() }.into());
            }
        }
        VoteSubject::Question => {}
    }
    if let Some(choices) = &opened.choices {
        if opened.subject != VoteSubject::Question || opened.mode != VoteMode::RollCall {
            return Err(Refused::OptionsNeedQuestion.into());
        }
        choices.check().map_err(Refused::BadOptions)?;
    }
    let (met, present, needed) = quorum(cx.council, cx.assembly);
    if !met {
        return Err(Refused::NoQuorum { present, needed }.into());
    }
    Ok(())
}

/// The motion or amendment put is marked as being voted on; the vote remembers the item and who could vote.
pub(super) fn apply_opened(assembly: &mut Assembly, opened: VoteOpened, turnout: Turnout, at_ms: i64) {
    let id = assembly.votes.len() as u32 + 1;
    match opened.subject {
        VoteSubject::Motion(motion) => set_status(assembly, motion, MotionStatus::Voting),
        VoteSubject::Amendment(amendment) => {
            if let Some(amendment) = amendment_mut(assembly, amendment) {
                amendment.status = MotionStatus::Voting;
            }
        }
        VoteSubject::Question => {}
    }
    assembly.votes.push(Vote {
        id,
        item: assembly.current_item,
        subject: opened.subject,
        question: opened.question,
        mode: opened.mode,
        majority: opened.majority,
        ballots: BTreeMap::new(),
        counted: None,
        choices: opened.choices,
        rankings: BTreeMap::new(),
        weights: BTreeMap::new(),
        cast_ms: BTreeMap::new(),
        present_at_open: turnout.present,
        voting_members: turnout.voting,
        opened_ms: at_ms,
        result: None,
    });
}

/// A present member who takes part answers a yes/no vote taken by name, once.
pub(super) fn check_cast(cx: &Context, cast: &VoteCast) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.open()?;
    let vote = open_vote(cx, cast.vote)?;
    if vote.mode == VoteMode::Tellers {
        return Err(Refused::CountedByTellers(cast.vote).into());
    }
    if !cx.assembly.present.contains(&cx.by) {
        return Err(Refused::NotCheckedIn(cx.by).into());
    }
    if vote.choices.is_some() {
        return Err(Refused::ChoosesAmongOptions(cast.vote).into());
    }
    if vote.ballots.contains_key(&cx.by) {
        return Err(Refused::AlreadyVoted(cx.by).into());
    }
    Ok(())
}

pub(super) fn apply_cast(assembly: &mut Assembly, cast: VoteCast, weight: u64, at_ms: i64) {
    if let Some(vote) = vote_mut(assembly, cast.vote) {
        vote.ballots.insert(cast.by, cast.choice);
        vote.weights.insert(cast.by, weight);
        vote.cast_ms.insert(cast.by, at_ms);
    }
}

/// A present member who takes part ranks the options of a vote among options, once, with a valid ballot.
pub(super) fn check_ranked(cx: &Context, ranked: &VoteRanked) -> Result<(), crate::Rejected> {
    cx.participant()?;
    cx.open()?;
    let vote = open_vote(cx, ranked.vote)?;
    let choices = vote.choices.as_ref().ok_or(Refused::YesNoVote(ranked.vote))?;
    if !cx.assembly.present.contains(&cx.by) {
        return Err(Refused::NotCheckedIn(cx.by).into());
    }
    if vote.rankings.contains_key(&cx.by) {
        return Err(Refused::AlreadyVoted(cx.by).into());
    }
    choices.check_ballot(&ranked.ranking).map_err(Refused::BadBallot)?;
    Ok(())
}

pub(super) fn apply_ranked(assembly: &mut Assembly, ranked: VoteRanked, weight: u64, at_ms: i64) {
    if let Some(vote) = vote_mut(assembly, ranked.vote) {
        vote.rankings.insert(ranked.by, ranked.ranking);
        vote.weights.insert(ranked.by, weight);
        vote.cast_ms.insert(ranked.by, at_ms);
    }
}

/// Who presides enters the tellers' counts, which cannot add up to more than the members present who may vote.
pub(super) fn check_counted(cx: &Context, counted: &VoteCounted) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    let vote = open_vote(cx, counted.vote)?;
    if vote.mode == VoteMode::RollCall {
        return Err(Refused::ByName(counted.vote).into());
    }
    let total = u64::from(counted.yes) + u64::from(counted.no) + u64::from(counted.abstain);
    let present = present_voting(cx.council, cx.assembly);
    if total > present as u64 {
        return Err(Refused::TooManyCounted { counted: total, present }.into());
    }
    Ok(())
}

pub(super) fn apply_counted(assembly: &mut Assembly, counted: VoteCounted) {
    if let Some(vote) = vote_mut(assembly, counted.vote) {
        vote.counted = Some((counted.yes, counted.no, counted.abstain));
    }
}

/// Who presides closes an open vote; one counted by tellers only once the counts are in.
pub(super) fn check_closed(cx: &Context, closed: &VoteClosed) -> Result<(), crate::Rejected> {
    cx.presiding()?;
    cx.open()?;
    let vote = open_vote(cx, closed.vote)?;
    if vote.mode == VoteMode::Tellers && vote.counted.is_none() {
        return Err(Refused::NotCounted(closed.vote).into());
    }
    Ok(())
}

/// Closing computes the result from the counts and the rules, then adopts or rejects the motion or amendment put;
/// an adopted amendment is written into its motion's text.
pub(super) fn apply_closed(assembly: &mut Assembly, closed: VoteClosed, turnout: Turnout, height: u64, at_ms: i64) {
    let quorum_needed = assembly.rules.quorum_of(turnout.voting);
    let Some(vote) = vote_mut(assembly, closed.vote) else { return };
    let (yes, no, abstain) = vote.tally();
    let tally = MotionTally { yes, no, abstain, members: turnout.voting as u64, present: turnout.present as u64 };
    let mut outcome = count_motion(&tally, Quorum::Present(quorum_needed as u64), vote.majority);
    let count =
        vote.choices.as_ref().map(|choices| Box::new(count_choices(choices, &vote.rankings, &vote.weights, height)));
    if let Some(count) = &count {
        outcome.passed = outcome.quorum_met && !count.elected.is_empty();
    }
    let passed = outcome.passed;
    vote.result = Some(VoteResult {
        yes,
        no,
        abstain,
        present: turnout.present,
        outcome,
        count,
        closed_ms: at_ms,
        closed_height: height,
    });
    let subject = vote.subject;
    let status = if passed { MotionStatus::Adopted } else { MotionStatus::Rejected };
    match subject {
        VoteSubject::Motion(motion) => set_status(assembly, motion, status),
        VoteSubject::Amendment(amendment) => {
            let Some(amendment) = amendment_mut(assembly, amendment) else { return };
            amendment.status = status;
            if passed {
                let amendment = amendment.clone();
                adopt(assembly, &amendment);
            }
        }
        VoteSubject::Question => {}
    }
}

/// Counts a vote among options with `kenes-count`. Ties are broken backwards, then by lot from a seed that is the
/// height of the closing event, so anyone replaying the record draws the same lots.
fn count_choices(
    choices: &Choices,
    rankings: &BTreeMap<MemberId, Vec<u8>>,
    weights: &BTreeMap<MemberId, u64>,
    height: u64,
) -> kenes_count::CountResult {
    use kenes_count::{Candidate, Election};
    let candidates = choices.options.iter().map(|o| Candidate::new(o.as_str())).collect();
    let seats = usize::from(choices.seats);
    let mut election = Election::new(candidates, seats);
    for (member, ranking) in rankings.iter().filter(|(_, r)| !r.is_empty()) {
        let prefs: Vec<u16> = ranking.iter().map(|&option| u16::from(option)).collect();
        election.ballots.push(&prefs, weights.get(member).copied().unwrap_or(1));
    }
    election.aggregate();
    let condorcet = kenes_count::condorcet::CondorcetOptions { seats, seed: height, ..Default::default() };
    let counted = match choices.method {
        ChoiceMethod::Plurality => kenes_count::simple::plurality(&election, &condorcet),
        ChoiceMethod::Irv => {
            kenes_count::irv::count_irv(&election, &kenes_count::irv::IrvOptions { seed: height, ..Default::default() })
        }
        ChoiceMethod::Stv => kenes_count::count_stv(
            &election,
            &kenes_count::StvOptions { seats: Some(seats), seed: height, ..Default::default() },
        ),
        ChoiceMethod::Schulze => kenes_count::condorcet::schulze(&election, &condorcet),
    };
    // The ballots were checked one by one and the options when the vote opened, so a count error would be a bug
    // in the counting library; the record must still fold, so it becomes a count with nobody elected and a note.
    counted.unwrap_or_else(|error| {
        let mut result = kenes_count::CountResult::new(choices.method.as_str(), election.names(), seats);
        result.notes.push(error.to_string());
        result
    })
}
