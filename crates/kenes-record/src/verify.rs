//! Verification of a council record: heights, parent hashes, one home node, timestamps and signatures.
//!
//! Signatures dominate the cost, so they are checked in batches (Ed25519 batch verification, one multiscalar
//! multiplication a batch) spread over all cores with rayon. When a batch fails, its events are checked one by one
//! to name the first bad height. The hash chain is checked in one sequential pass over hashes computed at decode time.

use rayon::prelude::*;

use crate::error::{ChainError, ChainProblem};
use crate::event::{Event, EventHash, NodeId};

/// Events per batch signature check: big enough to amortise, small enough to spread over cores.
const BATCH: usize = 256;

/// What a verified record is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainSummary {
    /// The council's identity: the hash of its first event.
    pub council: EventHash,
    /// The node that writes this council's record.
    pub home_node: NodeId,
    /// Number of events (the next height).
    pub len: u64,
    /// Hash of the last event.
    pub head: EventHash,
    /// Timestamp of the last event.
    pub head_timestamp_ms: i64,
}

/// The point a record continues from: nothing (a new record) or a verified head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainStart {
    Genesis,
    After(ChainSummary),
}

/// Verifies a whole record from height 0.
pub fn verify_chain(events: &[Event]) -> Result<ChainSummary, ChainError> {
    verify_from(ChainStart::Genesis, events)
}

/// Verifies `events` as the continuation of `start` (the events must begin at `start.len`).
pub fn verify_from(start: ChainStart, events: &[Event]) -> Result<ChainSummary, ChainError> {
    let (mut expected_height, mut expected_parent, mut home, mut council, mut last_time) = match &start {
        ChainStart::Genesis => (0, EventHash::ZERO, None, None, i64::MIN),
        ChainStart::After(summary) => {
            (summary.len, summary.head, Some(summary.home_node), Some(summary.council), summary.head_timestamp_ms)
        }
    };
    let Some(first) = events.first() else {
        return match start {
            ChainStart::After(summary) => Ok(summary),
            ChainStart::Genesis => Err(ChainError { height: 0, problem: ChainProblem::Empty }),
        };
    };
    let home_node = *home.get_or_insert(first.node);
    let council_id = *council.get_or_insert(first.hash());

    // Structure first: it is cheap and finds most damage at its exact height.
    let mut structural_error = None;
    let mut sound = 0usize;
    for event in events {
        let problem = if event.height != expected_height {
            Some(ChainProblem::WrongHeight { expected: expected_height, found: event.height })
        } else if event.parent != expected_parent {
            Some(ChainProblem::WrongParent { expected: expected_parent, found: event.parent })
        } else if event.node != home_node {
            Some(ChainProblem::ForeignNode { expected: home_node, found: event.node })
        } else if event.timestamp_ms < last_time {
            Some(ChainProblem::TimeWentBackwards { parent: last_time, found: event.timestamp_ms })
        } else {
            None
        };
        if let Some(problem) = problem {
            structural_error = Some(ChainError { height: expected_height, problem });
            break;
        }
        expected_parent = event.hash();
        last_time = event.timestamp_ms;
        expected_height += 1;
        sound += 1;
    }

    // Signatures of every event before the first structural error; the lowest bad height wins.
    if let Some(height) = first_bad_signature(&events[..sound]) {
        return Err(ChainError { height, problem: ChainProblem::BadSignature });
    }
    if let Some(error) = structural_error {
        return Err(error);
    }
    let last = &events[events.len() - 1];
    Ok(ChainSummary {
        council: council_id,
        home_node,
        len: expected_height,
        head: last.hash(),
        head_timestamp_ms: last.timestamp_ms,
    })
}

/// The height of the first event whose signature fails, if any.
fn first_bad_signature(events: &[Event]) -> Option<u64> {
    events.par_chunks(BATCH).filter_map(first_bad_in_batch).min()
}

fn first_bad_in_batch(batch: &[Event]) -> Option<u64> {
    let messages: Vec<Vec<u8>> = batch.iter().map(Event::canonical_bytes).collect();
    let items = batch.iter().zip(&messages).map(|(event, message)| (&event.node, message.as_slice(), &event.signature));
    if crate::signature::verify_all(items) {
        return None;
    }
    batch.iter().find(|event| !event.verify_signature()).map(|event| event.height)
}
