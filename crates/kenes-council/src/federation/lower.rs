//! A member council's side: joining a federation, mandates, the recall petition and the recall, instructions.
//! Each rule (`check_…`) sits beside the change it allows (`apply_…`).

use super::events::{Ended, Instructed, Joined, MandateGiven, Petition, RecallRule, Recalled, Received};
use super::{
    Decision, FederationRefused as F, Mandate, MandateEnd, Membership, Position, ReceivedDecision, Unseat, id,
};
use crate::election::ElectionStatus;
use crate::model::{DisplayName, MemberId};
use crate::state::Council;
use crate::{Rejected, Role};

impl Council {
    /// `by` is an active chair or secretary.
    pub(super) fn manages(&self, by: MemberId) -> Result<(), Rejected> {
        if crate::may_manage(self, by) {
            Ok(())
        } else if self.member(by).is_some_and(|m| m.active) {
            Err(Rejected::NotAllowed(by))
        } else {
            Err(Rejected::NotAMember(by))
        }
    }

    fn voter(&self, member: MemberId) -> Result<(), Rejected> {
        let m = self.member(member).filter(|m| m.active).ok_or(Rejected::NotAMember(member))?;
        if m.role == Role::Observer { Err(crate::assembly::Refused::Observer(member).into()) } else { Ok(()) }
    }

    fn joined(&self, federation: &str) -> Option<&Membership> {
        self.federated.memberships.iter().find(|m| m.federation == federation)
    }

    fn active_mandate(&self, number: u32) -> Result<&Mandate, F> {
        let mandate = self.mandate(number).ok_or(F::NoMandate(number))?;
        if mandate.is_active() { Ok(mandate) } else { Err(F::MandateEnded(number)) }
    }

    /// Whether `decision` is one this council took: a closed vote that passed (that elected `delegate`, for a vote
    /// among options), or a tallied election. `yes_no` asks for a yes-or-no vote (recalls and instructions).
    pub(crate) fn check_decision(
        &self,
        decision: Decision,
        delegate: Option<&DisplayName>,
        yes_no: bool,
    ) -> Result<(), F> {
        if self.federated.used_decisions.contains(&decision) {
            return Err(F::DecisionUsed);
        }
        match decision {
            Decision::Vote { assembly, vote } => {
                let found = self.assembly(assembly).and_then(|a| a.vote(vote)).ok_or(F::NoVote { assembly, vote })?;
                let result = found.result.as_ref().ok_or(F::VoteOpen { assembly, vote })?;
                match (&found.choices, &result.count) {
                    (Some(_), _) if yes_no => Err(F::NotYesNo { assembly, vote }),
                    (Some(_), Some(count)) => {
                        let Some(name) = delegate else { return Err(F::NotYesNo { assembly, vote }) };
                        let elected = count
                            .elected
                            .iter()
                            .any(|&i| count.candidates.get(i).is_some_and(|c| fold(c) == name.folded()));
                        if elected { Ok(()) } else { Err(F::NotElected { assembly, vote, name: name.to_string() }) }
                    }
                    _ if result.outcome.passed => Ok(()),
                    _ => Err(F::NotPassed { assembly, vote }),
                }
            }
            Decision::Election { election } => {
                let found = self.election(election).ok_or(F::NotTallied(election))?;
                if found.status == ElectionStatus::Tallied { Ok(()) } else { Err(F::NotTallied(election)) }
            }
        }
    }

    pub(super) fn check_joined(&self, joined: &Joined) -> Result<(), Rejected> {
        self.manages(joined.by)?;
        id(&joined.federation)?;
        if joined.federation == self.id().to_hex() {
            return Err(F::ItSelf.into());
        }
        if self.joined(&joined.federation).is_some() {
            return Err(F::AlreadyJoined(joined.federation.clone()).into());
        }
        Ok(())
    }

    pub(super) fn apply_joined(&mut self, joined: Joined, at: Position) {
        self.federated.memberships.push(Membership {
            federation: joined.federation,
            name: joined.name,
            joined_height: at.height,
        });
    }

    pub(super) fn check_recall_rule(&self, rule: &RecallRule) -> Result<(), Rejected> {
        self.manages(rule.by)?;
        if (1..=100).contains(&rule.percent) { Ok(()) } else { Err(F::BadPercent(rule.percent).into()) }
    }

    /// Who presides records a mandate the council decided: to a federation it joined, for an active member who may
    /// vote, to a seat no active mandate holds, on a decision that passed (or elected them) and is not used already.
    pub(super) fn check_mandate_given(&self, given: &MandateGiven) -> Result<(), Rejected> {
        self.manages(given.by)?;
        id(&given.federation)?;
        self.joined(&given.federation).ok_or_else(|| F::NotJoined(given.federation.clone()))?;
        self.voter(given.delegate)?;
        if given.seat == 0 {
            return Err(F::NoSeat.into());
        }
        if let Some(held) = self
            .federated
            .mandates
            .iter()
            .find(|m| m.is_active() && m.federation == given.federation && m.seat == given.seat)
        {
            return Err(F::SeatTaken { seat: given.seat, mandate: held.number }.into());
        }
        let name = self.member(given.delegate).map(|m| m.name.clone());
        self.check_decision(given.decision, name.as_ref(), false)?;
        Ok(())
    }

    pub(super) fn apply_mandate_given(&mut self, given: MandateGiven, at: Position) {
        self.federated.used_decisions.insert(given.decision);
        let number = self.federated.mandates.len() as u32 + 1;
        self.federated.mandates.push(Mandate {
            number,
            federation: given.federation,
            seat: given.seat,
            delegate: given.delegate,
            decision: given.decision,
            until_ms: given.until_ms,
            instructions: given.instructions,
            given: at,
            ended: None,
            petition: Default::default(),
            petition_reached_ms: None,
            instructed: Default::default(),
        });
    }

    /// A member who may vote signs for themselves, once, while the mandate lasts.
    pub(super) fn check_signed(&self, petition: &Petition) -> Result<(), Rejected> {
        self.voter(petition.by)?;
        let mandate = self.active_mandate(petition.mandate)?;
        if mandate.petition.contains(&petition.by) {
            return Err(F::AlreadySigned(petition.by).into());
        }
        Ok(())
    }

    pub(super) fn check_withdrawn(&self, petition: &Petition) -> Result<(), Rejected> {
        self.voter(petition.by)?;
        let mandate = self.active_mandate(petition.mandate)?;
        if !mandate.petition.contains(&petition.by) {
            return Err(F::NotSigned(petition.by).into());
        }
        Ok(())
    }

    pub(super) fn apply_petition(&mut self, petition: Petition, signed: bool, at: Position) {
        let needed = self.recall_signatures_needed();
        let Some(mandate) = petition.mandate.checked_sub(1).and_then(|i| self.federated.mandates.get_mut(i as usize))
        else {
            return;
        };
        if signed {
            mandate.petition.insert(petition.by);
        } else {
            mandate.petition.remove(&petition.by);
        }
        if mandate.petition.len() >= needed {
            mandate.petition_reached_ms.get_or_insert(at.at_ms);
        } else {
            mandate.petition_reached_ms = None;
        }
    }

    /// Who presides records a recall: the petition has its signatures, and a yes-or-no vote opened after it reached
    /// them passed (or a secret election was tallied).
    pub(super) fn check_recalled(&self, recalled: &Recalled) -> Result<(), Rejected> {
        self.manages(recalled.by)?;
        let mandate = self.active_mandate(recalled.mandate)?;
        let needed = self.recall_signatures_needed();
        let (signatures, reached) = (mandate.petition.len(), mandate.petition_reached_ms);
        let Some(reached) = reached.filter(|_| signatures >= needed) else {
            return Err(F::ThresholdNotReached { signatures, needed }.into());
        };
        self.check_decision(recalled.decision, None, true)?;
        if let Decision::Vote { assembly, vote } = recalled.decision {
            let opened = self.assembly(assembly).and_then(|a| a.vote(vote)).map_or(0, |v| v.opened_ms);
            if opened < reached {
                return Err(F::VoteBeforePetition.into());
            }
        }
        Ok(())
    }

    /// The delegate resigns, or who presides records the end of the term.
    pub(super) fn check_ended(&self, ended: &Ended) -> Result<(), Rejected> {
        let mandate = self.active_mandate(ended.mandate)?;
        if ended.by != mandate.delegate {
            self.manages(ended.by).map_err(|_| F::NotTheDelegate)?;
        } else {
            self.member(ended.by).filter(|m| m.active).ok_or(Rejected::NotAMember(ended.by))?;
        }
        Ok(())
    }

    pub(super) fn apply_mandate_end(&mut self, number: u32, how: Unseat, decision: Option<Decision>, at: Position) {
        if let Some(decision) = decision {
            self.federated.used_decisions.insert(decision);
        }
        if let Some(mandate) = number.checked_sub(1).and_then(|i| self.federated.mandates.get_mut(i as usize)) {
            mandate.ended = Some(MandateEnd { how, at });
        }
    }

    /// Who presides records the council's instruction to its delegate on a federation motion, on a yes-or-no vote
    /// that passed.
    pub(super) fn check_instructed(&self, instructed: &Instructed) -> Result<(), Rejected> {
        self.manages(instructed.by)?;
        self.active_mandate(instructed.mandate)?;
        self.check_decision(instructed.decision, None, true)?;
        Ok(())
    }

    pub(super) fn apply_instructed(&mut self, instructed: Instructed) {
        self.federated.used_decisions.insert(instructed.decision);
        if let Some(mandate) =
            instructed.mandate.checked_sub(1).and_then(|i| self.federated.mandates.get_mut(i as usize))
        {
            mandate.instructed.insert((instructed.assembly, instructed.motion), instructed.instruction);
        }
    }
}

impl Council {
    /// Who presides records a decision of a federation the council joined, once; the citation is of that federation.
    pub(super) fn check_received(&self, received: &Received) -> Result<(), Rejected> {
        self.manages(received.by)?;
        self.joined(&received.federation).ok_or_else(|| F::NotJoined(received.federation.clone()))?;
        id(&received.citation.hash)?;
        if received.citation.council != received.federation {
            return Err(F::CitationCouncil {
                cited: received.citation.council.clone(),
                expected: received.federation.clone(),
            }
            .into());
        }
        if self.federated.received.iter().any(|r| r.citation == received.citation) {
            return Err(F::AlreadyReceived.into());
        }
        Ok(())
    }

    pub(super) fn apply_received(&mut self, received: Received, at: Position) {
        self.federated.received.push(ReceivedDecision {
            federation: received.federation,
            citation: received.citation,
            title: received.title,
            text: received.text,
            height: at.height,
        });
    }
}

fn fold(text: &str) -> String {
    text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}
