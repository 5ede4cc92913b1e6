//! Councils for tests and benchmarks: the founding event, members added or imported, and a council's signed record
//! built in memory, through the node's own check or around it as a forger holding the node key would.

use kenes_council::events::{Created, ImportedMember, MemberAdded, MembersImported};
use kenes_council::{
    Council, CouncilEvent, CouncilKind, CouncilName, Description, DisplayName, JoinedVia, Languages, MemberId,
    Rejected, Role, replay,
};
use kenes_record::{Event, EventHash, NodeKey, UnsignedEvent};

/// When records built here begin (14 November 2023): a fixed time, so that two runs sign the same bytes.
pub const FOUNDED_MS: i64 = 1_700_000_000_000;

/// A council's founding event, without a description; `languages` are its language tags.
pub fn created(name: &str, kind: CouncilKind, founder: &str, languages: &[&str]) -> Created {
    Created {
        name: CouncilName::parse(name).unwrap(),
        kind,
        description: Description::parse("").unwrap(),
        languages: Languages::parse(languages).unwrap(),
        founder: DisplayName::parse(founder).unwrap(),
        nonce: "00".repeat(16),
    }
}

/// Member `by` adds `name` with `role`, as a secretary does from the members page.
pub fn member_added(by: u32, name: &str, role: Role) -> CouncilEvent {
    CouncilEvent::MemberAdded(MemberAdded {
        by: MemberId(by),
        name: DisplayName::parse(name).unwrap(),
        role,
        via: JoinedVia::Secretary,
    })
}

/// Member `by` imports plain members by name in one event, as from a roll.
pub fn members_imported(by: u32, names: impl IntoIterator<Item = String>) -> CouncilEvent {
    let members =
        names.into_iter().map(|name| ImportedMember { name: DisplayName::parse(&name).unwrap(), role: Role::Member });
    CouncilEvent::MembersImported(MembersImported { by: MemberId(by), members: members.collect() })
}

/// A council's record held in memory with the key that signs it. Every event is timed like the one before it (the
/// first at [`FOUNDED_MS`]), so that records are the same from run to run.
#[derive(Debug)]
pub struct Record {
    pub key: NodeKey,
    pub events: Vec<Event>,
}

impl Record {
    /// A record holding only the founding event, signed by the node key made from `secret`.
    pub fn founded(secret: u8, created: Created) -> Record {
        let mut record = Record { key: NodeKey::from_secret_bytes(&[secret; 32]), events: Vec::new() };
        record.push_unchecked(&CouncilEvent::Created(created));
        record
    }

    /// The council the record folds to.
    pub fn council(&self) -> Council {
        replay(&self.events).unwrap()
    }

    fn next_timestamp_ms(&self) -> i64 {
        self.events.last().map_or(FOUNDED_MS, |event| event.timestamp_ms)
    }

    /// Appends through the same check the node uses; returns the refusal if any.
    pub fn try_push(&mut self, command: &CouncilEvent) -> Result<(), Rejected> {
        let unsigned = self.council().prepare(command, self.next_timestamp_ms())?;
        self.events.push(unsigned.sign(&self.key).unwrap());
        Ok(())
    }

    /// Appends without any check, as a forger with the node key would.
    pub fn push_unchecked(&mut self, command: &CouncilEvent) {
        let unsigned = UnsignedEvent {
            height: self.events.len() as u64,
            parent: self.events.last().map_or(EventHash::ZERO, Event::hash),
            timestamp_ms: self.next_timestamp_ms(),
            kind: command.kind().to_owned(),
            payload: command.to_payload(),
        };
        self.events.push(unsigned.sign(&self.key).unwrap());
    }
}
