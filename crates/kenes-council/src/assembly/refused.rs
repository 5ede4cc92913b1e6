//! Why a meeting action is refused: one stable enum for every rule in `crate::assembly`, so the web layer renders each
//! refusal in one place whatever file the rule lives in.

use thiserror::Error;

use crate::model::MemberId;

/// Why a meeting action is refused. Nothing was written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Refused {
    #[error("there is no assembly {0}")]
    NoAssembly(u32),
    #[error("assembly {0} is not open")]
    NotOpen(u32),
    #[error("assembly {0} is closed")]
    Closed(u32),
    #[error("assembly {0} is already open")]
    AlreadyOpen(u32),
    #[error("member {0} may not do this: only a chair or a secretary presides")]
    NotPresiding(MemberId),
    #[error("member {0} is an observer and may not move, second, speak or vote")]
    Observer(MemberId),
    #[error("member {0} may only do this for themselves")]
    OnlyForThemselves(MemberId),
    #[error("member {0} is not checked in")]
    NotCheckedIn(MemberId),
    #[error("member {0} is already checked in")]
    AlreadyCheckedIn(MemberId),
    #[error("there is no agenda item {0}")]
    NoItem(u32),
    #[error("agenda item {0} is not the one under discussion")]
    NotCurrentItem(u32),
    #[error("agenda item {0} is already the one under discussion")]
    AlreadyCurrent(u32),
    #[error("the agenda may be nested at most {0} levels deep")]
    TooDeep(usize),
    #[error("an agenda holds at most {0} items")]
    TooManyItems(usize),
    #[error("an assembly holds at most {0} motions")]
    TooManyMotions(usize),
    #[error("an assembly holds at most {0} amendments")]
    TooManyAmendments(usize),
    #[error("there is no motion {0}")]
    NoMotion(u32),
    #[error("motion {motion} is {status}; this needs it to be {needed}")]
    MotionState { motion: u32, status: &'static str, needed: &'static str },
    #[error("there is no amendment {0}")]
    NoAmendment(u32),
    #[error("amendment {amendment} is {status}; this needs it to be {needed}")]
    AmendmentState { amendment: u32, status: &'static str, needed: &'static str },
    #[error("only the mover, member {0}, may withdraw it")]
    NotMover(MemberId),
    #[error("the mover cannot second their own motion or amendment")]
    OwnMotion,
    #[error("member {0} has already seconded it")]
    AlreadySeconded(MemberId),
    #[error("it needs {needed} seconders and has {have}")]
    NotSeconded { needed: u8, have: usize },
    #[error("lines {from}–{to} are not in the motion, which has {lines} lines")]
    LineRange { from: u32, to: u32, lines: usize },
    #[error("the motion has changed since this amendment was written (version {written}, now {now}); write it again")]
    StaleAmendment { written: u32, now: u32 },
    #[error("a motion cannot be an alternative to itself or to a motion under another agenda item")]
    BadAlternative,
    #[error("member {0} is already on the speakers' list")]
    AlreadyWaiting(MemberId),
    #[error("member {0} is not on the speakers' list")]
    NotWaiting(MemberId),
    #[error("nobody is waiting to speak")]
    NobodyWaiting,
    #[error("nobody has the floor")]
    NobodySpeaking,
    #[error("only {present} of the {needed} members needed for quorum are present")]
    NoQuorum { present: usize, needed: usize },
    #[error("vote {0} is still open; close it first")]
    VoteOpen(u32),
    #[error("there is no vote {0}")]
    NoVote(u32),
    #[error("vote {0} is closed")]
    VoteClosed(u32),
    #[error("member {0} has already voted")]
    AlreadyVoted(MemberId),
    #[error("vote {0} is counted by tellers, not by name")]
    CountedByTellers(u32),
    #[error("vote {0} is by name; the tellers have nothing to enter")]
    ByName(u32),
    #[error("the counts add up to {counted}, more than the {present} members present")]
    TooManyCounted { counted: u64, present: usize },
    #[error("the tellers have not entered the counts of vote {0}")]
    NotCounted(u32),
    #[error("vote {0} chooses among options; rank them instead of answering yes or no")]
    ChoosesAmongOptions(u32),
    #[error("vote {0} is a yes/no vote; it has no options to rank")]
    YesNoVote(u32),
    #[error("a vote among options puts a question and is taken by name")]
    OptionsNeedQuestion,
    #[error("the options are not valid: {0}")]
    BadOptions(crate::error::Invalid),
    #[error("the ballot is not valid: {0}")]
    BadBallot(crate::error::Invalid),
    #[error("the majority must be a fraction between 0 and 1 with a non-zero denominator")]
    BadMajority,
    #[error("the rules are not valid: {0}")]
    BadRules(crate::error::Invalid),
}
