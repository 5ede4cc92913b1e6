//! Sync between nodes: each node pulls from its peers what it lacks of the councils it may hold, verifies it, and
//! keeps it (`kenes_store::Node::import_events`).
//!
//! Who may hold what is the council's rule (`Council::may_hold`: its home node, the nodes it chose in
//! `council.copies`, anyone when public). Requests are signed with the requesting node's key (`protocol`); answers
//! are encrypted with age to the recipient the signed request names, so a listener on the network reads nothing and
//! a node reads only what it may hold. Every event is signed by its council's home node, so a copy from any peer is
//! as good as one from home. A peer that shows a record differing from the one held is caught: the two events its
//! home node signed at one height are kept as evidence, and the council is not followed further until a person
//! decides. Layouts and the exchange are in `docs/record.md`, "Sync".

pub mod client;
pub mod nearby;
pub mod protocol;
mod serve;
pub mod stick;

pub use serve::*;
