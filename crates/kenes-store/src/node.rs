//! The node: the store, the node's signing key and the in-memory state of every council it holds.
//!
//! The write path, in one place: lock the council, check the command against its state, sign the event, append it
//! durably, then apply it to the state. A command that fails any step changes nothing.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};

use kenes_council::events::Created;
use kenes_council::{Council, CouncilEvent, create_event, fold_verified, from_genesis, replay};
use kenes_record::{Event, EventHash, NodeId, NodeKey, Seal, bundle};

use crate::Store;
use crate::error::{NodeError, StoreError};

pub(crate) const NODE_KEY_SETTING: &str = "node_key";
/// How many times a command is checked and appended again when other servers keep taking the next height first
/// (with three servers appending to one council without pause, each attempt wins about one time in three).
const APPEND_ATTEMPTS: u32 = 64;

/// A short random wait before trying again after another server took the height, so that servers that collided
/// do not collide again in step: up to `attempt` milliseconds, at most 20.
fn back_off(attempt: u32) {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos());
    let ceiling = u64::from(attempt.min(20)) * 1_000_000;
    let wait = u64::from(nanos.unwrap_or_default()) % ceiling.max(1);
    std::thread::sleep(std::time::Duration::from_nanos(wait));
}

pub struct Node {
    store: Store,
    key: NodeKey,
    councils: RwLock<BTreeMap<EventHash, Arc<Mutex<Council>>>>,
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node").field("id", &self.key.node_id()).finish_non_exhaustive()
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    pub council: EventHash,
    pub name: String,
    /// Events the node did not have before.
    pub added: u64,
    /// Events it now holds.
    pub total: u64,
}

impl Node {
    /// Opens the node: loads its key (making one from `fresh_secret` on first start) and replays every council,
    /// verifying each record in full.
    pub fn open(store: Store, fresh_secret: impl FnOnce() -> [u8; 32]) -> Result<Node, NodeError> {
        let backend = store.backend();
        if backend.setting(NODE_KEY_SETTING)?.is_none() {
            backend.set_setting_if_absent(NODE_KEY_SETTING, &fresh_secret())?;
        }
        let secret = backend.setting(NODE_KEY_SETTING)?.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok());
        let Some(secret) = secret else {
            return Err(NodeError::Store(StoreError::Poisoned));
        };
        let key = NodeKey::from_secret_bytes(&secret);
        let mut councils = BTreeMap::new();
        for id in backend.council_ids()? {
            let events = store.load_events(id, 0)?;
            let council = replay(&events).map_err(|source| StoreError::Replay { council: id, source })?;
            councils.insert(id, Arc::new(Mutex::new(council)));
        }
        Ok(Node { store, key, councils: RwLock::new(councils) })
    }

    pub fn id(&self) -> NodeId {
        self.key.node_id()
    }

    /// Signs a checkpoint of a council's head with the node's key.
    pub fn sign_checkpoint(
        &self,
        checkpoint: &kenes_record::checkpoint::Checkpoint,
    ) -> kenes_record::checkpoint::SignedCheckpoint {
        checkpoint.sign(&self.key)
    }

    /// Signs a sync protocol message with the node's key (see `NodeKey::sign_sync`).
    pub fn sign_sync(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign_sync(message)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn handle(&self, id: EventHash) -> Result<Arc<Mutex<Council>>, NodeError> {
        {
            let councils = self.councils.read().map_err(|_| StoreError::Poisoned)?;
            if let Some(handle) = councils.get(&id) {
                return Ok(handle.clone());
            }
        }
        if !self.store.backend().shared() {
            return Err(NodeError::UnknownCouncil(id.to_hex()));
        }
        // Another server on the same database may have created it: its record, replayed in full.
        let events = self.store.load_events(id, 0)?;
        if events.is_empty() {
            return Err(NodeError::UnknownCouncil(id.to_hex()));
        }
        let council = replay(&events).map_err(|source| StoreError::Replay { council: id, source })?;
        let mut councils = self.councils.write().map_err(|_| StoreError::Poisoned)?;
        Ok(councils.entry(id).or_insert_with(|| Arc::new(Mutex::new(council))).clone())
    }

    /// The councils this node holds (on a shared database, every server's).
    pub fn council_ids(&self) -> Vec<EventHash> {
        if self.store.backend().shared()
            && let Ok(ids) = self.store.backend().council_ids()
        {
            return ids;
        }
        self.councils.read().map(|c| c.keys().copied().collect()).unwrap_or_default()
    }

    /// The councils other servers on the same database append to, as they do (see `Backend::listen`); the caller
    /// brings each up to date with [`Node::refresh`]. `None` when this process owns its database.
    pub fn listen(&self) -> Option<std::sync::mpsc::Receiver<EventHash>> {
        self.store.backend().listen()
    }

    /// Brings a council's state up to the record in the database, which other servers may have extended; returns
    /// its height.
    pub fn refresh(&self, id: EventHash) -> Result<u64, NodeError> {
        let handle = self.handle(id)?;
        let mut council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        self.catch_up(id, &mut council)?;
        Ok(council.height())
    }

    /// On a shared database, applies the events other servers appended since `council`'s head, each verified as
    /// on import; when one does not verify, the state is rebuilt from the record (see `recover`).
    fn catch_up(&self, id: EventHash, council: &mut Council) -> Result<(), NodeError> {
        if !self.store.backend().shared() {
            return Ok(());
        }
        let newer = self.store.load_events(id, council.height())?;
        if newer.is_empty() {
            return Ok(());
        }
        if let Err(error) = council.extend_in_place(&newer) {
            self.recover(id, council)?;
            return Err(NodeError::Invalid(error));
        }
        Ok(())
    }

    /// Runs `read` on the current state of a council.
    pub fn read<T>(&self, id: EventHash, read: impl FnOnce(&Council) -> T) -> Result<T, NodeError> {
        let handle = self.handle(id)?;
        let council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        Ok(read(&council))
    }

    /// Creates a council homed at this node; returns its id.
    pub fn create_council(&self, created: Created, now_ms: i64) -> Result<EventHash, NodeError> {
        let event = create_event(created, now_ms).sign(&self.key)?;
        let council = from_genesis(&event)?;
        let id = council.id();
        self.store.backend().append_events(id, std::slice::from_ref(&event))?;
        self.councils.write().map_err(|_| StoreError::Poisoned)?.insert(id, Arc::new(Mutex::new(council)));
        tracing_event(&event);
        Ok(id)
    }

    /// Checks a command against the council's state and, when allowed, appends its event durably and applies it.
    pub fn execute(&self, id: EventHash, command: &CouncilEvent, now_ms: i64) -> Result<Event, NodeError> {
        let handle = self.handle(id)?;
        let mut council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        self.execute_one(id, &mut council, command, now_ms)
    }

    /// `execute` under the council's lock. On a shared database another server may take the next height between
    /// this server's catching up and its append: the append is refused (`StoreError::HeightTaken`), nothing is
    /// written, and the command is checked again against the state with that event.
    fn execute_one(
        &self,
        id: EventHash,
        council: &mut Council,
        command: &CouncilEvent,
        now_ms: i64,
    ) -> Result<Event, NodeError> {
        let mut attempt = 1;
        loop {
            self.catch_up(id, council)?;
            let event = council.prepare(command, now_ms)?.sign(&self.key)?;
            match self.store.backend().append_events(id, std::slice::from_ref(&event)) {
                Ok(()) => {
                    council.apply_own(&event)?;
                    tracing_event(&event);
                    return Ok(event);
                }
                Err(StoreError::HeightTaken { .. }) if attempt < APPEND_ATTEMPTS => {
                    back_off(attempt);
                    attempt += 1;
                }
                Err(error) => {
                    self.recover(id, council)?;
                    return Err(error.into());
                }
            }
        }
    }

    /// After a failed append, makes the state the record on disk again (the transaction may have failed because the
    /// disk already holds something else). If even that fails, the state may be ahead of the disk: the council is
    /// taken offline until the node restarts and replays it, rather than serve a state the record does not hold.
    fn recover(&self, id: EventHash, council: &mut Council) -> Result<(), NodeError> {
        let reloaded = self.store.load_events(id, 0).map_err(NodeError::from).and_then(|record| {
            replay(&record).map_err(|source| NodeError::from(StoreError::Replay { council: id, source }))
        });
        match reloaded {
            Ok(on_disk) => *council = on_disk,
            Err(reload) => {
                tracing::error!(council = %id.to_hex(), %reload, "council taken offline after a failed write");
                self.councils.write().map_err(|_| StoreError::Poisoned)?.remove(&id);
            }
        }
        Ok(())
    }

    /// Group commit: checks each command in turn against the state the ones before it leave, signs the allowed ones,
    /// and appends them all in one durable transaction (one wait for the disk instead of one per command), then
    /// applies them. Each command gets its own answer; a refused one changes nothing and does not stop the others.
    /// The outer error means the transaction failed: nothing was written and the state is unchanged.
    pub fn execute_many(
        &self,
        id: EventHash,
        commands: &[CouncilEvent],
        now_ms: i64,
    ) -> Result<Vec<Result<Event, NodeError>>, NodeError> {
        let handle = self.handle(id)?;
        let mut council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        if self.store.backend().shared() {
            return self.execute_many_locked(id, &mut council, commands, now_ms);
        }
        if let [command] = commands {
            // One command: no copy of the state needed.
            return match self.execute_one(id, &mut council, command, now_ms) {
                Err(NodeError::Rejected(rejected)) => Ok(vec![Err(rejected.into())]),
                Err(error) => Err(error),
                Ok(event) => Ok(vec![Ok(event)]),
            };
        }
        // Each command is checked against, and applied to, the state the ones before it leave. The state is not
        // copied first (that would cost the whole council per batch); if the transaction fails, the state is put
        // back from the record on disk instead, which is rare and correct.
        let mut attempt = 1;
        loop {
            self.catch_up(id, &mut council)?;
            let (events, answers) = self.check_batch(&mut council, commands, now_ms);
            if events.is_empty() {
                return Ok(answers);
            }
            match self.store.backend().append_events(id, &events) {
                Ok(()) => {
                    events.iter().for_each(tracing_event);
                    return Ok(answers);
                }
                Err(StoreError::HeightTaken { .. }) if attempt < APPEND_ATTEMPTS => {
                    self.recover(id, &mut council)?;
                    back_off(attempt);
                    attempt += 1;
                }
                Err(error) => {
                    self.recover(id, &mut council)?;
                    return Err(error.into());
                }
            }
        }
    }

    /// [`Node::execute_many`] on a database other servers append to: the council's write lock across servers is
    /// held from reading what they appended to writing the batch (`Backend::append_locked`), so no other server takes
    /// the next height in between. (Checking first and appending after let three busy servers lose that race about
    /// every other batch, and each lost race replayed the council's whole record under the lock its readers wait
    /// for.)
    fn execute_many_locked(
        &self,
        id: EventHash,
        council: &mut Council,
        commands: &[CouncilEvent],
        now_ms: i64,
    ) -> Result<Vec<Result<Event, NodeError>>, NodeError> {
        let from = council.height();
        let mut answers = Vec::new();
        let mut events = Vec::new();
        let mut failure: Option<NodeError> = None;
        let written = self.store.backend().append_locked(id, from, &mut |wires| {
            // What the other servers appended since, verified as on import, then the batch on top of it.
            let newer = match crate::decode_wires(id, from, &wires) {
                Ok(newer) => newer,
                Err(error) => {
                    failure = Some(error.into());
                    return None;
                }
            };
            if let Err(error) = council.extend_in_place(&newer) {
                failure = Some(NodeError::Invalid(error));
                return None;
            }
            (events, answers) = self.check_batch(council, commands, now_ms);
            (!events.is_empty()).then(|| events.clone())
        });
        match (written, failure) {
            (_, Some(error)) => {
                self.recover(id, council)?;
                Err(error)
            }
            (Err(error), None) => {
                self.recover(id, council)?;
                Err(error.into())
            }
            (Ok(_), None) => {
                events.iter().for_each(tracing_event);
                Ok(answers)
            }
        }
    }

    /// Checks each command against, signs it on, and applies it to the state the ones before it leave: the events
    /// of the allowed ones, and each command's answer.
    fn check_batch(
        &self,
        council: &mut Council,
        commands: &[CouncilEvent],
        now_ms: i64,
    ) -> (Vec<Event>, Vec<Result<Event, NodeError>>) {
        let mut events = Vec::new();
        let mut answers = Vec::with_capacity(commands.len());
        for command in commands {
            let answer = council.prepare(command, now_ms).map_err(NodeError::from).and_then(|unsigned| {
                let event = unsigned.sign(&self.key)?;
                council.apply_own(&event)?;
                Ok(event)
            });
            if let Ok(event) = &answer {
                events.push(event.clone());
            }
            answers.push(answer);
        }
        (events, answers)
    }

    /// The council's record as a bundle, sealed: whole, by this node if it is the home node; else as far as the
    /// latest seal of the home node that came with an import or a sync covers it (events that came by sync after
    /// that seal wait for the next one).
    pub fn export_bundle(&self, id: EventHash) -> Result<Vec<u8>, NodeError> {
        let handle = self.handle(id)?;
        // Holding the council's lock keeps the export at one consistent head.
        let council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        if council.home_node() == self.id() {
            let events = self.store.load_events(id, 0)?;
            return Ok(bundle::encode(&events, &Seal::sign(&self.key, council.chain())));
        }
        let stored = self.store.backend().setting(&seal_key(id))?;
        let seal = stored
            .and_then(|bytes| Seal::from_bytes(&bytes))
            .filter(|seal| seal.len <= council.height())
            .ok_or_else(|| NodeError::Store(StoreError::Poisoned))?;
        let events = self.store.load_event_range(id, 0, seal.len)?;
        Ok(bundle::encode(&events, &seal))
    }

    /// Verifies a bundle completely, then keeps what is new. Refuses a record that forks from the one held.
    pub fn import_bundle(&self, bytes: &[u8]) -> Result<ImportOutcome, NodeError> {
        let (decoded, _) = bundle::verify_bundle(bytes).map_err(|error| match error {
            bundle::VerifyBundleError::Bundle(error) => NodeError::Bundle(error),
            bundle::VerifyBundleError::Chain(error) => NodeError::Invalid(error.into()),
        })?;
        let events = decoded.events;
        let incoming = fold_verified(&events)?;
        let seal = decoded.seal.to_bytes();
        let id = incoming.id();
        let existing = self.councils.read().map_err(|_| StoreError::Poisoned)?.get(&id).cloned();
        let Some(handle) = existing else {
            self.store.backend().append_events(id, &events)?;
            self.store.backend().set_setting(&seal_key(id), &seal)?;
            let total = incoming.height();
            let name = incoming.name.as_str().to_owned();
            self.councils.write().map_err(|_| StoreError::Poisoned)?.insert(id, Arc::new(Mutex::new(incoming)));
            return Ok(ImportOutcome { council: id, name, added: total, total });
        };
        let mut council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        self.catch_up(id, &mut council)?;
        let held = council.height();
        let common = held.min(incoming.height());
        // Compare hashes over the common part: the first difference is where the records fork.
        let ours = self.store.load_events(id, 0)?;
        for (height, (mine, theirs)) in ours.iter().zip(events.iter()).enumerate().take(common as usize) {
            if mine.hash() != theirs.hash() {
                return Err(NodeError::Fork { council: id, height: height as u64 });
            }
        }
        let new_events = &events[common as usize..];
        if !new_events.is_empty() {
            self.store.backend().append_events(id, new_events)?;
            self.store.backend().set_setting(&seal_key(id), &seal)?;
            *council = incoming;
        }
        Ok(ImportOutcome {
            council: id,
            name: council.name.as_str().to_owned(),
            added: new_events.len() as u64,
            total: council.height(),
        })
    }
}

impl Node {
    /// Keeps events of council `id` that arrived by sync: they continue the record this node holds (an overlap with
    /// it must match event for event), or start it from height 0 when this node holds none. Everything is verified
    /// (chain, the home node's signatures, every event allowed by the state before it) and stored durably before
    /// the state changes; `seal`, the home node's, is kept when it covers the new head. A record that differs from
    /// the one held is refused as a fork, naming the first height that differs.
    pub fn import_events(
        &self,
        id: EventHash,
        events: &[Event],
        seal: Option<&Seal>,
    ) -> Result<ImportOutcome, NodeError> {
        let existing = self.councils.read().map_err(|_| StoreError::Poisoned)?.get(&id).cloned();
        let Some(handle) = existing else {
            let Some(first) = events.first() else {
                return Err(NodeError::UnknownCouncil(id.to_hex()));
            };
            if first.height != 0 {
                return Err(NodeError::Gap { council: id, held: 0, first: first.height });
            }
            if first.hash() != id {
                return Err(NodeError::OtherCouncil(id));
            }
            let council = replay(events)?;
            // The map's write lock keeps a second import of the same new council from racing this one.
            let mut councils = self.councils.write().map_err(|_| StoreError::Poisoned)?;
            if councils.contains_key(&id) {
                drop(councils);
                return self.import_events(id, events, seal);
            }
            self.store.backend().append_events(id, events)?;
            self.keep_seal(&council, seal)?;
            let outcome = ImportOutcome {
                council: id,
                name: council.name.as_str().to_owned(),
                added: council.height(),
                total: council.height(),
            };
            councils.insert(id, Arc::new(Mutex::new(council)));
            return Ok(outcome);
        };
        let mut council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        self.catch_up(id, &mut council)?;
        let held = council.height();
        let Some(first) = events.first().map(|e| e.height) else {
            return Ok(ImportOutcome { council: id, name: council.name.as_str().to_owned(), added: 0, total: held });
        };
        if first > held {
            return Err(NodeError::Gap { council: id, held, first });
        }
        // The part this node holds already must be the same events.
        let overlap = ((held - first) as usize).min(events.len());
        if overlap > 0 {
            let ours = self.store.load_event_range(id, first, held)?;
            for (mine, theirs) in ours.iter().zip(&events[..overlap]) {
                if mine.hash() != theirs.hash() {
                    return Err(NodeError::Fork { council: id, height: mine.height });
                }
            }
        }
        let new = &events[overlap..];
        if !new.is_empty() {
            // Applied in place under the council's lock, which no reader gets before the events are on disk; when a
            // check or the append fails, the state is rebuilt from the record on disk, which is unchanged.
            let applied = council.extend_in_place(new).map_err(|error| match &error {
                kenes_council::ReplayError::Chain(chain)
                    if matches!(chain.problem, kenes_record::ChainProblem::Fork(_)) =>
                {
                    NodeError::Fork { council: id, height: chain.height }
                }
                _ => NodeError::Invalid(error),
            });
            let stored = match applied {
                Ok(()) => self.store.backend().append_events(id, new).map_err(NodeError::from),
                Err(error) => Err(error),
            };
            if let Err(error) = stored {
                if council.height() != held {
                    *council = replay(&self.store.load_events(id, 0)?)?;
                }
                return Err(error);
            }
        }
        self.keep_seal(&council, seal)?;
        Ok(ImportOutcome {
            council: id,
            name: council.name.as_str().to_owned(),
            added: new.len() as u64,
            total: council.height(),
        })
    }
}

/// What a sync answer carries (`Node::sync_slice`).
#[derive(Debug)]
pub struct Slice {
    /// The events' wire forms, in height order.
    pub wires: Vec<Vec<u8>>,
    /// The council's height.
    pub height: u64,
    /// The home node's seal over the head, when the events reach it.
    pub seal: Option<Seal>,
}

impl Node {
    /// What a sync answer carries, read under the council's lock so it is one consistent view: the wire forms of the
    /// events from `from` (at most `limit`), the council's height, and, when they reach the head, the home node's
    /// seal over it (made now when this is the home node, else the one kept, if it covers the head).
    pub fn sync_slice(&self, id: EventHash, from: u64, limit: u64) -> Result<Slice, NodeError> {
        let handle = self.handle(id)?;
        let council = handle.lock().map_err(|_| StoreError::Poisoned)?;
        let height = council.height();
        let end = height.min(from.saturating_add(limit));
        let wires = if from < end { self.store.backend().load_wire(id, from, end)? } else { Vec::new() };
        let seal = if end < height {
            None
        } else if council.home_node() == self.id() {
            Some(Seal::sign(&self.key, council.chain()))
        } else {
            self.seal_of(id)?.filter(|seal| seal.len == height)
        };
        Ok(Slice { wires, height, seal })
    }

    /// The home node's latest seal this node holds for a council it does not home, if any.
    pub fn seal_of(&self, id: EventHash) -> Result<Option<Seal>, NodeError> {
        Ok(self.store.backend().setting(&seal_key(id))?.and_then(|bytes| Seal::from_bytes(&bytes)))
    }

    /// Keeps `seal` when the home node made it over exactly this council's current head.
    fn keep_seal(&self, council: &Council, seal: Option<&Seal>) -> Result<(), NodeError> {
        if let Some(seal) = seal
            && seal.check(council.chain()).is_ok()
        {
            self.store.backend().set_setting(&seal_key(council.id()), &seal.to_bytes())?;
        }
        Ok(())
    }
}

fn seal_key(council: EventHash) -> String {
    format!("seal:{council}")
}

fn tracing_event(event: &Event) {
    tracing::info!(height = event.height, kind = %event.kind, hash = %event.hash(), "appended event");
}
