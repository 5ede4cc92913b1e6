//! A council's state: a pure fold over its record.
//!
//! Architecture Invariant: the same `check` runs when a command is about to be written and when a record is
//! replayed, so an event in a verified record was allowed by the state before it, by construction.

use std::collections::{BTreeMap, HashMap};

use kenes_record::{ChainStart, ChainSummary, Event, EventHash, NodeId, UnsignedEvent, verify_from};

use crate::assembly::Assembly;
use crate::error::{Rejected, ReplayError};
use crate::events::{CouncilEvent, JoinedVia, PayloadError};
use crate::model::{Colour, CouncilKind, CouncilName, Description, DisplayName, Languages, MemberId, Role};

/// The most members one import may add.
pub const MAX_IMPORT: usize = 10_000;

/// A member as the record knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: MemberId,
    pub name: DisplayName,
    pub role: Role,
    pub active: bool,
    /// Height of the event that added the member.
    pub joined_height: u64,
    pub joined_ms: i64,
    pub joined_via: JoinedVia,
    pub added_by: Option<MemberId>,
}

/// A council as its record says it is now.
#[derive(Clone, Debug)]
pub struct Council {
    pub name: CouncilName,
    pub kind: CouncilKind,
    pub description: Description,
    pub languages: Languages,
    pub created_ms: i64,
    /// Whether the council shows its elections to its members only (see `CouncilUpdated::private`).
    pub private: bool,
    /// The council's colour on its pages (see `CouncilUpdated::colour`).
    pub colour: Option<Colour>,
    /// The nodes besides the home node that may hold a copy of the record (`council.copies`).
    pub holders: Vec<crate::copies::Holder>,
    /// Whether anyone may hold a copy.
    pub public: bool,
    members: BTreeMap<MemberId, Member>,
    /// Folded display names of active members, for duplicate checks.
    active_names: HashMap<String, MemberId>,
    next_member: u32,
    /// Where the record stands: council id, home node, length, head.
    chain: ChainSummary,
    /// Meetings, numbered from 1 in the order they were convened.
    pub(crate) assemblies: Vec<Assembly>,
    /// Secret elections, numbered from 1 in the order they were announced.
    pub(crate) elections: Vec<crate::election::Election>,
    /// Federations joined and mandates given; as a federation, member councils and seats.
    pub(crate) federated: crate::federation::Federated,
    /// Offices held for a term, numbered from 1 in the order given.
    pub(crate) terms: Vec<crate::offices::Term>,
}

impl Council {
    /// The council's id: the hash of its first event.
    pub fn id(&self) -> EventHash {
        self.chain.council
    }

    pub fn home_node(&self) -> NodeId {
        self.chain.home_node
    }

    /// Whether `node` may hold a copy of this record: its home node, a node the council chose, anyone when public.
    pub fn may_hold(&self, node: NodeId) -> bool {
        self.public || node == self.chain.home_node || self.holders.iter().any(|h| h.node == node)
    }

    /// Number of events in the record, which is the height of the next one.
    pub fn height(&self) -> u64 {
        self.chain.len
    }

    pub fn head(&self) -> EventHash {
        self.chain.head
    }

    pub fn chain(&self) -> &ChainSummary {
        &self.chain
    }

    pub fn assembly(&self, id: u32) -> Option<&Assembly> {
        id.checked_sub(1).and_then(|i| self.assemblies.get(i as usize))
    }

    /// Every meeting, in the order convened.
    pub fn assemblies(&self) -> &[Assembly] {
        &self.assemblies
    }

    /// Whether the member may vote: active and not an observer, and in a federation seated (`vote_weight`). Quorum,
    /// meeting votes and election rolls all count voters by this one test.
    pub fn may_vote(&self, id: MemberId) -> bool {
        self.vote_weight(id) > 0
    }

    pub fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.get(&id)
    }

    /// All members ever added, in order of number, removed ones included (`active` says which).
    pub fn members(&self) -> impl Iterator<Item = &Member> {
        self.members.values()
    }

    pub fn active_members(&self) -> impl Iterator<Item = &Member> {
        self.members.values().filter(|m| m.active)
    }

    pub fn active_member_count(&self) -> usize {
        self.active_names.len()
    }

    /// The active member of that display name, compared case- and space-insensitively.
    pub fn member_named(&self, name: &DisplayName) -> Option<MemberId> {
        self.active_names.get(&name.folded()).copied()
    }

    pub(crate) fn manager(&self, by: MemberId) -> Result<&Member, Rejected> {
        let member = self.members.get(&by).filter(|m| m.active).ok_or(Rejected::NotAMember(by))?;
        if member.role.manages_members() { Ok(member) } else { Err(Rejected::NotAllowed(by)) }
    }

    fn active(&self, id: MemberId) -> Result<&Member, Rejected> {
        self.members.get(&id).filter(|m| m.active).ok_or(Rejected::NotAMember(id))
    }

    fn managers_other_than(&self, id: MemberId) -> usize {
        self.active_members().filter(|m| m.id != id && m.role.manages_members()).count()
    }

    /// Whether the event is allowed now. Runs before writing and during replay alike.
    pub fn check(&self, event: &CouncilEvent) -> Result<(), Rejected> {
        match event {
            CouncilEvent::Created(_) => Err(Rejected::AlreadyCreated),
            CouncilEvent::MemberAdded(added) => {
                self.manager(added.by)?;
                self.check_new_name(&added.name)
            }
            CouncilEvent::MembersImported(import) => {
                self.manager(import.by)?;
                if import.members.is_empty() {
                    return Err(Rejected::EmptyImport);
                }
                if import.members.len() > MAX_IMPORT {
                    return Err(Rejected::ImportTooLarge(MAX_IMPORT));
                }
                let mut seen = std::collections::HashSet::new();
                for member in &import.members {
                    self.check_new_name(&member.name)?;
                    if !seen.insert(member.name.folded()) {
                        return Err(Rejected::DuplicateName(member.name.to_string()));
                    }
                }
                Ok(())
            }
            CouncilEvent::RoleChanged(change) => {
                self.manager(change.by)?;
                let member = self.active(change.member)?;
                if member.role == change.role {
                    return Err(Rejected::Unchanged(change.member));
                }
                if member.role.manages_members()
                    && !change.role.manages_members()
                    && self.managers_other_than(change.member) == 0
                {
                    return Err(Rejected::LastManager);
                }
                Ok(())
            }
            CouncilEvent::MemberRemoved(removal) => {
                self.manager(removal.by)?;
                let member = self.active(removal.member)?;
                if member.role.manages_members() && self.managers_other_than(removal.member) == 0 {
                    return Err(Rejected::LastManager);
                }
                Ok(())
            }
            CouncilEvent::MemberRenamed(rename) => {
                let by = self.active(rename.by)?;
                if rename.by != rename.member && !by.role.manages_members() {
                    return Err(Rejected::NotAllowed(rename.by));
                }
                self.active(rename.member)?;
                match self.member_named(&rename.name) {
                    Some(existing) if existing != rename.member => {
                        Err(Rejected::DuplicateName(rename.name.to_string()))
                    }
                    _ => Ok(()),
                }
            }
            CouncilEvent::CouncilUpdated(update) => self.manager(update.by).map(|_| ()),
            CouncilEvent::CopiesChosen(chosen) => {
                self.manager(chosen.by)?;
                if chosen.nodes.len() > crate::copies::MAX_HOLDERS {
                    return Err(Rejected::TooManyHolders(chosen.nodes.len()));
                }
                let distinct: std::collections::BTreeSet<_> = chosen.nodes.iter().map(|h| h.node).collect();
                if distinct.len() != chosen.nodes.len() {
                    return Err(Rejected::TooManyHolders(chosen.nodes.len()));
                }
                Ok(())
            }
            CouncilEvent::Assembly(event) => self.check_assembly(event),
            CouncilEvent::Election(event) => self.check_election(event),
            CouncilEvent::Federation(event) => self.check_federation(event),
            CouncilEvent::Office(event) => self.check_office(event),
        }
    }

    fn check_new_name(&self, name: &DisplayName) -> Result<(), Rejected> {
        match self.member_named(name) {
            Some(_) => Err(Rejected::DuplicateName(name.to_string())),
            None => Ok(()),
        }
    }

    /// Checks a command and, when allowed, returns the unsigned event that records it, chained to the head.
    /// The timestamp never goes back before the head's, whatever the node's clock says.
    pub fn prepare(&self, event: &CouncilEvent, now_ms: i64) -> Result<UnsignedEvent, Rejected> {
        self.check(event)?;
        Ok(UnsignedEvent {
            height: self.chain.len,
            parent: self.chain.head,
            timestamp_ms: now_ms.max(self.chain.head_timestamp_ms),
            kind: event.kind().to_owned(),
            payload: event.to_payload(),
        })
    }

    /// Starts a council from its first event, already verified as a chain start.
    fn genesis(event: &Event) -> Result<Council, ReplayError> {
        let decoded = decode(event)?;
        let CouncilEvent::Created(created) = decoded else {
            return Err(ReplayError::NotGenesis { height: event.height });
        };
        let mut council = Council {
            name: created.name,
            kind: created.kind,
            description: created.description,
            languages: created.languages,
            created_ms: event.timestamp_ms,
            private: false,
            colour: None,
            holders: Vec::new(),
            public: false,
            members: BTreeMap::new(),
            active_names: HashMap::new(),
            next_member: 1,
            assemblies: Vec::new(),
            elections: Vec::new(),
            federated: Default::default(),
            terms: Vec::new(),
            chain: ChainSummary {
                council: event.hash(),
                home_node: event.node,
                len: 1,
                head: event.hash(),
                head_timestamp_ms: event.timestamp_ms,
            },
        };
        council.add_member(created.founder, Role::Secretary, event, JoinedVia::Secretary, None);
        Ok(council)
    }

    fn add_member(&mut self, name: DisplayName, role: Role, event: &Event, via: JoinedVia, by: Option<MemberId>) {
        self.add_member_at(name, role, event.height, event.timestamp_ms, via, by);
    }

    /// Adds a member as of the event at `height`, and returns their number.
    pub(crate) fn add_member_at(
        &mut self,
        name: DisplayName,
        role: Role,
        height: u64,
        at_ms: i64,
        via: JoinedVia,
        by: Option<MemberId>,
    ) -> MemberId {
        let id = MemberId(self.next_member);
        self.next_member += 1;
        self.active_names.insert(name.folded(), id);
        self.members.insert(
            id,
            Member {
                id,
                name,
                role,
                active: true,
                joined_height: height,
                joined_ms: at_ms,
                joined_via: via,
                added_by: by,
            },
        );
        id
    }

    /// A member leaves the active members (removed, or a delegate unseated).
    pub(crate) fn deactivate(&mut self, id: MemberId) {
        if let Some(member) = self.members.get_mut(&id) {
            member.active = false;
            self.active_names.remove(&member.name.folded());
        }
    }

    /// Applies an event whose chain position and signature were verified: decode, check, change.
    fn apply_verified(&mut self, event: &Event) -> Result<(), ReplayError> {
        let decoded = decode(event)?;
        let event_height = event.height;
        self.check(&decoded).map_err(|reason| ReplayError::NotAllowed {
            height: event.height,
            kind: event.kind.clone(),
            reason,
        })?;
        match decoded {
            CouncilEvent::Created(_) => {}
            CouncilEvent::MemberAdded(added) => {
                self.add_member(added.name, added.role, event, added.via, Some(added.by));
            }
            CouncilEvent::MembersImported(import) => {
                for member in import.members {
                    self.add_member(member.name, member.role, event, JoinedVia::Secretary, Some(import.by));
                }
            }
            CouncilEvent::RoleChanged(change) => {
                if let Some(member) = self.members.get_mut(&change.member) {
                    member.role = change.role;
                }
            }
            CouncilEvent::MemberRemoved(removal) => self.deactivate(removal.member),
            CouncilEvent::MemberRenamed(rename) => {
                if let Some(member) = self.members.get_mut(&rename.member) {
                    self.active_names.remove(&member.name.folded());
                    self.active_names.insert(rename.name.folded(), rename.member);
                    member.name = rename.name;
                }
            }
            CouncilEvent::CouncilUpdated(update) => {
                self.name = update.name;
                self.description = update.description;
                self.languages = update.languages;
                self.private = update.private;
                self.colour = update.colour;
            }
            CouncilEvent::CopiesChosen(chosen) => {
                self.holders = chosen.nodes;
                self.public = chosen.public;
            }
            CouncilEvent::Assembly(meeting) => self.apply_assembly(meeting, event_height, event.timestamp_ms),
            CouncilEvent::Election(election) => self.apply_election(election),
            CouncilEvent::Federation(step) => {
                let at = crate::federation::Position {
                    height: event.height,
                    hash: event.hash().to_hex(),
                    at_ms: event.timestamp_ms,
                };
                self.apply_federation(step, at);
            }
            CouncilEvent::Office(office) => self.apply_office(office, event.timestamp_ms),
        }
        self.chain.len = event.height + 1;
        self.chain.head = event.hash();
        self.chain.head_timestamp_ms = event.timestamp_ms;
        Ok(())
    }

    /// Appends events that continue this council's record: verifies the chain, then checks and applies each.
    /// On error the state is unchanged.
    pub fn extend(&mut self, events: &[Event]) -> Result<(), ReplayError> {
        verify_from(ChainStart::After(self.chain.clone()), events)?;
        if let [event] = events {
            // One event: `apply_verified` checks before it changes anything, so no copy is needed.
            return self.apply_verified(event);
        }
        let mut next = self.clone();
        for event in events {
            next.apply_verified(event)?;
        }
        *self = next;
        Ok(())
    }

    /// Like `extend`, without a copy of the state (a copy of a council of a million members costs more than verifying
    /// ten thousand events): the chain and signatures are verified first, for all events at once, and leave the
    /// state unchanged when they fail; then each event is checked and applied in place. When an event is refused
    /// there (only its home node could have signed it), the events before it stay applied: the caller must rebuild
    /// the state from the record it holds, and must not let anyone read it in between.
    pub fn extend_in_place(&mut self, events: &[Event]) -> Result<(), ReplayError> {
        verify_from(ChainStart::After(self.chain.clone()), events)?;
        for event in events {
            self.apply_verified(event)?;
        }
        Ok(())
    }

    /// Applies one event this node has just signed from `prepare`: the chain position is checked, the
    /// signature is not (the node made it a moment ago).
    pub fn apply_own(&mut self, event: &Event) -> Result<(), ReplayError> {
        if event.height != self.chain.len || event.parent != self.chain.head || event.node != self.chain.home_node {
            return Err(ReplayError::Chain(kenes_record::ChainError {
                height: event.height,
                problem: kenes_record::ChainProblem::Fork("it does not continue this council's head".to_owned()),
            }));
        }
        self.apply_verified(event)
    }
}

fn decode(event: &Event) -> Result<CouncilEvent, ReplayError> {
    CouncilEvent::decode(&event.kind, &event.payload).map_err(|error| match error {
        PayloadError::UnknownKind => ReplayError::UnknownKind { height: event.height, kind: event.kind.clone() },
        PayloadError::Invalid(reason) => {
            ReplayError::BadPayload { height: event.height, kind: event.kind.clone(), reason }
        }
    })
}

/// Verifies a whole record (chain and signatures) and folds it into the council it describes.
/// The error names the first bad event's height.
pub fn replay(events: &[Event]) -> Result<Council, ReplayError> {
    kenes_record::verify_chain(events)?;
    fold_verified(events)
}

/// Folds a record whose chain, signatures and seal the caller has just verified (`kenes_record::bundle::verify_bundle`)
/// into its council, checking that every event was allowed by the state before it.
pub fn fold_verified(events: &[Event]) -> Result<Council, ReplayError> {
    let Some(first) = events.first() else {
        return Err(ReplayError::NotGenesis { height: 0 });
    };
    let mut council = Council::genesis(first)?;
    for event in &events[1..] {
        council.apply_verified(event)?;
    }
    Ok(council)
}

/// Builds the first event of a new council.
pub fn create_event(created: crate::events::Created, now_ms: i64) -> UnsignedEvent {
    let event = CouncilEvent::Created(created);
    UnsignedEvent {
        height: 0,
        parent: EventHash::ZERO,
        timestamp_ms: now_ms,
        kind: event.kind().to_owned(),
        payload: event.to_payload(),
    }
}

/// Starts the state of a council from the first event this node just signed.
pub fn from_genesis(event: &Event) -> Result<Council, ReplayError> {
    replay(std::slice::from_ref(event))
}

/// A member who may not manage is also `Rejected::NotAllowed`; this is the role check the web layer shows.
pub fn may_manage(council: &Council, member: MemberId) -> bool {
    council.member(member).is_some_and(|m| m.active && m.role.manages_members())
}
