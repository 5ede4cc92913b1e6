//! The federation's side: its member councils with their seats and weights, and delegates seated on their
//! councils' mandates and unseated when those end. Each rule (`check_…`) sits beside the change it allows.

use super::events::{Seated, SeatsSet, Unseated};
use super::{FederationRefused as F, MAX_WEIGHT, MemberCouncil, PastSeat, Position, SeatHolder, id, weight_by_size};
use crate::Rejected;
use crate::events::JoinedVia;
use crate::model::{CouncilKind, MemberId, Role};
use crate::state::Council;

impl Council {
    fn federation_manager(&self, by: MemberId) -> Result<(), Rejected> {
        if self.kind != CouncilKind::Federation {
            return Err(F::NotAFederation.into());
        }
        self.manages(by)
    }

    /// Whether `by` may list member councils and set their seats and weights (who presides a federation): checked
    /// before a step that sets several, such as weighing every seat by size.
    pub fn may_set_seats(&self, by: MemberId) -> Result<(), Rejected> {
        self.federation_manager(by)
    }

    fn occupied(&self, council: &str) -> usize {
        self.federated.seats.values().filter(|s| s.council == council).count()
    }

    pub(super) fn check_seats_set(&self, set: &SeatsSet) -> Result<(), Rejected> {
        self.federation_manager(set.by)?;
        id(&set.council)?;
        if set.council == self.id().to_hex() {
            return Err(F::ItSelf.into());
        }
        if !(1..=MAX_WEIGHT).contains(&set.weight) {
            return Err(F::BadWeight(set.weight).into());
        }
        let occupied = self.occupied(&set.council);
        if usize::from(set.seats) < occupied
            || self.federated.seats.values().any(|s| s.council == set.council && s.seat > set.seats)
        {
            return Err(F::SeatsOccupied { occupied }.into());
        }
        if set.seats == 0 && !self.federated.members.contains_key(&set.council) {
            return Err(F::NotListed(set.council.clone()).into());
        }
        if let Some(size) = &set.size {
            if size.citation.council != set.council {
                return Err(
                    F::CitationCouncil { cited: size.citation.council.clone(), expected: set.council.clone() }.into()
                );
            }
            id(&size.citation.hash)?;
            let expected = weight_by_size(size.members, set.seats);
            if set.seats == 0 || expected != set.weight {
                return Err(
                    F::NotBySize { members: size.members, seats: set.seats, expected, weight: set.weight }.into()
                );
            }
        }
        Ok(())
    }

    pub(super) fn apply_seats_set(&mut self, set: SeatsSet) {
        if set.seats == 0 {
            self.federated.members.remove(&set.council);
            return;
        }
        if let Some(size) = &set.size {
            self.federated.sizes.push((set.council.clone(), size.clone()));
        }
        self.federated.members.insert(
            set.council.clone(),
            MemberCouncil {
                council: set.council,
                name: set.name,
                seats: set.seats,
                weight: set.weight,
                size: set.size,
            },
        );
    }

    /// Who presides seats a delegate: the citation is of a listed member council, the seat is one of its seats and
    /// vacant, that mandate was never seated before, and the name is free.
    pub(super) fn check_seated(&self, seated: &Seated) -> Result<(), Rejected> {
        self.federation_manager(seated.by)?;
        let council = &seated.citation.council;
        id(council)?;
        id(&seated.citation.hash)?;
        let listed = self.federated.members.get(council).ok_or_else(|| F::NotListed(council.clone()))?;
        if seated.seat == 0 {
            return Err(F::NoSeat.into());
        }
        if seated.seat > listed.seats {
            return Err(F::BeyondSeats { seat: seated.seat, seats: listed.seats }.into());
        }
        if let Some(held) = self.federated.seats.values().find(|s| &s.council == council && s.seat == seated.seat) {
            return Err(F::SeatTaken { seat: seated.seat, mandate: held.mandate }.into());
        }
        let used = self.federated.seats.values().chain(self.federated.past_seats.iter().map(|p| &p.holder));
        if used.into_iter().any(|s| &s.council == council && s.mandate == seated.mandate) {
            return Err(F::MandateUsed { mandate: seated.mandate }.into());
        }
        if self.member_named(&seated.name).is_some() {
            return Err(Rejected::DuplicateName(seated.name.to_string()));
        }
        Ok(())
    }

    pub(super) fn apply_seated(&mut self, seated: Seated, at: Position) {
        let member =
            self.add_member_at(seated.name, Role::Member, at.height, at.at_ms, JoinedVia::Secretary, Some(seated.by));
        self.federated.seats.insert(
            member,
            SeatHolder {
                member,
                council: seated.citation.council.clone(),
                seat: seated.seat,
                mandate: seated.mandate,
                citation: seated.citation,
                seated_height: at.height,
                seated_ms: at.at_ms,
            },
        );
    }

    /// Who presides unseats a delegate, citing the event of their council that ended the mandate.
    pub(super) fn check_unseated(&self, unseated: &Unseated) -> Result<(), Rejected> {
        self.federation_manager(unseated.by)?;
        let seat = self.federated.seats.get(&unseated.member).ok_or(F::NotSeated(unseated.member))?;
        id(&unseated.citation.hash)?;
        if unseated.citation.council != seat.council {
            return Err(F::CitationCouncil {
                cited: unseated.citation.council.clone(),
                expected: seat.council.clone(),
            }
            .into());
        }
        Ok(())
    }

    /// The delegate leaves the federation's members; their votes cast after the cited moment are marked.
    pub(super) fn apply_unseated(&mut self, unseated: Unseated, at: Position) {
        let Some(holder) = self.federated.seats.remove(&unseated.member) else { return };
        self.deactivate(unseated.member);
        let after = unseated.citation.at_ms;
        let after_end = self
            .assemblies
            .iter()
            .flat_map(|assembly| {
                assembly.votes.iter().filter_map(move |vote| {
                    let cast = vote.cast_ms.get(&unseated.member)?;
                    (*cast > after).then_some((assembly.id, vote.id))
                })
            })
            .collect();
        self.federated.past_seats.push(PastSeat {
            holder,
            reason: unseated.reason,
            citation: unseated.citation,
            unseated_height: at.height,
            after_end,
        });
    }
}
