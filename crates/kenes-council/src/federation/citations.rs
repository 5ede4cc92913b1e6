//! Checking a federation's citations against the member councils' records.
//!
//! A federation seats a delegate citing the `mandate.given` event of their council, and unseats them citing the
//! `mandate.recalled` or `mandate.ended` event. The federation's own fold cannot read another record, so whoever
//! holds both (a node, `kenes verify`) checks each citation here: the cited event must be at that height with that
//! hash and time, be of the right kind, and say what the federation relied on (this federation, the seat, the
//! mandate's number, the delegate's name). A citation of a record not held, or not held that far, is unchecked, and
//! says so: never taken as checked.

use kenes_record::Event;

use super::events::{Citation, FederationEvent, Unseat};
use crate::events::CouncilEvent;
use crate::model::{DisplayName, MemberId};
use crate::state::Council;

/// What a citation is meant to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A mandate to this federation, for this seat, numbered so in its council, for a delegate of this name.
    Mandate { seat: u8, mandate: u32, name: DisplayName },
    /// The end of that mandate, by recall or otherwise.
    End { mandate: u32, reason: Unseat },
    /// A member council's size: what it represents (`Council::represented`) just after the cited event. Checked
    /// against the council's state as of that event, which the caller replays (`check` says so).
    Size { members: u32 },
    /// The vote that adopted a motion of this title, whose adopted text is this (a motion brought up to a federation,
    /// or a federation's decision brought down to a member council).
    Adopted { title: crate::assembly::model::Title, text: crate::assembly::model::LongText },
}

/// One citation in a federation's record: which delegate it is about, and what it should show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub member: MemberId,
    pub citation: Citation,
    pub expect: Expect,
}

/// What checking a citation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The cited event is there and says what was relied on.
    Checked,
    /// The cited record is not held here (or not that far): nothing is known either way.
    Unchecked { held: Option<u64> },
    /// The cited record says otherwise: what differs.
    Wrong(String),
}

/// Every citation in a council's record: a federation's seats in the order they were taken, then the ends of
/// mandates, then motions brought from member councils; a member council's decisions received from federations.
pub fn cited(federation: &Council) -> Vec<Cited> {
    // Every seat holder was made a member by the seating, so the name is always there.
    let seat = |holder: &super::SeatHolder| {
        Some(Cited {
            member: holder.member,
            citation: holder.citation.clone(),
            expect: Expect::Mandate {
                seat: holder.seat,
                mandate: holder.mandate,
                name: federation.member(holder.member)?.name.clone(),
            },
        })
    };
    let mut holders: Vec<&super::SeatHolder> =
        federation.past_seats().iter().map(|p| &p.holder).chain(federation.seats().values()).collect();
    holders.sort_by_key(|h| h.seated_height);
    let mut out: Vec<Cited> = holders.into_iter().filter_map(seat).collect();
    out.extend(federation.past_seats().iter().map(|p| Cited {
        member: p.holder.member,
        citation: p.citation.clone(),
        expect: Expect::End { mandate: p.holder.mandate, reason: p.reason },
    }));
    for assembly in federation.assemblies() {
        for motion in assembly.motions.iter() {
            if let Some(origin) = &motion.origin {
                out.push(Cited {
                    member: motion.mover,
                    citation: origin.clone(),
                    expect: Expect::Adopted { title: motion.title.clone(), text: motion.original.clone() },
                });
            }
        }
    }
    out.extend(federation.sizes().iter().map(|(_, size)| Cited {
        member: MemberId(0),
        citation: size.citation.clone(),
        expect: Expect::Size { members: size.members },
    }));
    out.extend(federation.received().iter().map(|r| Cited {
        member: MemberId(0),
        citation: r.citation.clone(),
        expect: Expect::Adopted { title: r.title.clone(), text: r.text.clone() },
    }));
    out
}

/// Whether the `vote.closed` event `closed` of `council` adopted a motion of that title and adopted text.
fn adopted(
    council: &Council,
    closed: &crate::assembly::events::VoteClosed,
    title: &crate::assembly::model::Title,
    text: &crate::assembly::model::LongText,
) -> Status {
    use crate::assembly::MotionStatus;
    use crate::assembly::model::VoteSubject;
    let Some(assembly) = council.assembly(closed.assembly) else { return Status::Wrong("no such meeting".to_owned()) };
    let Some(VoteSubject::Motion(number)) = assembly.vote(closed.vote).map(|v| v.subject) else {
        return Status::Wrong("the vote it closed was on no motion".to_owned());
    };
    let Some(motion) = assembly.motion(number) else { return Status::Wrong("no such motion".to_owned()) };
    if motion.status != MotionStatus::Adopted {
        return Status::Wrong(format!("motion {number} was not adopted"));
    }
    if &motion.title != title || &motion.text != text {
        return Status::Wrong(format!("motion {number} as adopted has another title or text"));
    }
    Status::Checked
}

/// Checks one citation of `federation` (its id, hex) against the cited council's state and the event it holds at the
/// cited height (`None` when it holds the council but not that far); `lower` is `None` when the council is not held.
/// For `Expect::Size` the state must be the council's as of the cited event (its record replayed that far); for
/// the others, its state now.
pub fn check(federation: &str, cited: &Cited, lower: Option<(&Council, Option<&Event>)>) -> Status {
    let Some((council, event)) = lower else { return Status::Unchecked { held: None } };
    let Some(event) = event else { return Status::Unchecked { held: Some(council.height()) } };
    let citation = &cited.citation;
    if council.id().to_hex() != citation.council || event.height != citation.height {
        return Status::Wrong("the event given is not the one cited".to_owned());
    }
    if event.hash().to_hex() != citation.hash {
        return Status::Wrong(format!("the event at height {} has another hash", citation.height));
    }
    if event.timestamp_ms != citation.at_ms {
        return Status::Wrong(format!("the event at height {} has another time", citation.height));
    }
    if let Expect::Size { members } = cited.expect {
        if council.height() != citation.height + 1 {
            return Status::Wrong("the council's size is not taken at the cited event".to_owned());
        }
        let represented = council.represented();
        return if represented == u64::from(members) {
            Status::Checked
        } else {
            Status::Wrong(format!("the council represented {represented}, not {members}"))
        };
    }
    let decoded = match (CouncilEvent::decode(&event.kind, &event.payload), &cited.expect) {
        (
            Ok(CouncilEvent::Assembly(crate::assembly::events::AssemblyEvent::VoteClosed(closed))),
            Expect::Adopted { title, text },
        ) => {
            return adopted(council, &closed, title, text);
        }
        (Ok(CouncilEvent::Federation(decoded)), _) => decoded,
        _ => return Status::Wrong(format!("the event at height {} is a {}", citation.height, event.kind)),
    };
    match (&cited.expect, decoded) {
        (Expect::Mandate { seat, mandate, name }, FederationEvent::MandateGiven(given)) => {
            if given.federation != federation {
                return Status::Wrong("the mandate is to another federation".to_owned());
            }
            if given.seat != *seat {
                return Status::Wrong(format!("the mandate is for seat {}, not {seat}", given.seat));
            }
            let Some(held) = council.mandate(*mandate).filter(|m| m.given.height == citation.height) else {
                return Status::Wrong(format!("the event is not mandate {mandate} of the council"));
            };
            match council.member(held.delegate) {
                Some(delegate) if delegate.name.folded() == name.folded() => Status::Checked,
                Some(delegate) => Status::Wrong(format!("the mandate is {}'s, not {name}'s", delegate.name)),
                None => Status::Wrong("the mandate names no member of the council".to_owned()),
            }
        }
        (Expect::End { mandate, reason }, FederationEvent::Recalled(recalled)) if *reason == Unseat::Recalled => {
            if recalled.mandate == *mandate {
                Status::Checked
            } else {
                Status::Wrong(format!("it recalls mandate {}", recalled.mandate))
            }
        }
        (Expect::End { mandate, reason }, FederationEvent::Ended(ended)) if *reason == Unseat::Ended => {
            if ended.mandate == *mandate {
                Status::Checked
            } else {
                Status::Wrong(format!("it ends mandate {}", ended.mandate))
            }
        }
        _ => Status::Wrong(format!("the event at height {} is a {}", citation.height, event.kind)),
    }
}
