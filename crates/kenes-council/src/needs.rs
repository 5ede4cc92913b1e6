//! What is happening in a council that a member should act on now: the council's rule for "needs you now", a pure
//! function of the state, so every screen (the home page, the council's page, a phone) shows the same things.
//!
//! Only what the record knows is here. Node-local steps (a trustee's turn in a key ceremony, a credential not yet
//! collected) are added by the web layer, which holds them.

use crate::assembly::Status;
use crate::election::ElectionStatus;
use crate::model::MemberId;
use crate::state::Council;

/// One thing happening that concerns a member, most urgent first in [`Council::needs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    /// A vote is open in a meeting in session and this member, present and voting, has not voted in it.
    Vote { assembly: u32, vote: u32 },
    /// A meeting is in session; `present` says whether this member has checked in.
    MeetingInSession { assembly: u32, present: bool },
    /// Voting is open in a secret election this member may vote in.
    Ballot { election: u32 },
    /// A meeting is convened and not yet opened.
    MeetingPlanned { assembly: u32 },
    /// An election this member presides over is still being set up (trustees, credentials), or is closed and
    /// waits for its tally.
    ElectionToFinish { election: u32, status: ElectionStatus },
}

impl Council {
    /// What concerns `me` now, most urgent first: votes waiting for them, meetings in session, open secret ballots,
    /// meetings to come, then elections that whoever presides must carry on. Nothing for a member who is not active.
    pub fn needs(&self, me: MemberId) -> Vec<Need> {
        let Some(member) = self.member(me).filter(|m| m.active) else { return Vec::new() };
        let presides = member.role.manages_members();
        let mut votes = Vec::new();
        let mut meetings = Vec::new();
        let mut planned = Vec::new();
        for assembly in self.assemblies() {
            match assembly.status {
                Status::Open => {
                    let present = assembly.present.contains(&me);
                    if let Some(vote) = assembly.votes.iter().find(|v| v.result.is_none()) {
                        let voted = vote.ballots.contains_key(&me) || vote.rankings.contains_key(&me);
                        let by_name = vote.mode == crate::assembly::model::VoteMode::RollCall;
                        if present && self.may_vote(member.id) && by_name && !voted {
                            votes.push(Need::Vote { assembly: assembly.id, vote: vote.id });
                        }
                    }
                    meetings.push(Need::MeetingInSession { assembly: assembly.id, present });
                }
                Status::Planned => planned.push(Need::MeetingPlanned { assembly: assembly.id }),
                Status::Closed => {}
            }
        }
        let mut ballots = Vec::new();
        let mut to_finish = Vec::new();
        for election in self.elections() {
            match election.status {
                // Who may vote is fixed when voting opens (the node keeps the roll); the member's own page says
                // whether they are on it.
                ElectionStatus::Open if self.may_vote(member.id) => {
                    ballots.push(Need::Ballot { election: election.id })
                }
                ElectionStatus::Setup | ElectionStatus::Closed if presides => {
                    to_finish.push(Need::ElectionToFinish { election: election.id, status: election.status })
                }
                _ => {}
            }
        }
        votes.into_iter().chain(meetings).chain(ballots).chain(planned).chain(to_finish).collect()
    }
}
