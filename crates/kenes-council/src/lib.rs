//! Councils and their members: state as a fold over the council record, commands checked against that state.
//!
//! Architecture Invariant: no I/O, no clock, no randomness here; callers pass the time and nonces in.
//! A council's state is `replay(record)`; nothing else makes one.

pub mod assembly;
pub mod copies;
pub mod election;
mod error;
mod event_kinds;
pub mod events;
pub mod federation;
pub mod model;
mod needs;
pub mod offices;
pub mod roll;
mod state;

pub use error::{Invalid, Rejected, ReplayError};
pub use events::{CouncilEvent, JoinedVia};
pub use model::{Colour, CouncilKind, CouncilName, Description, DisplayName, LANGUAGES, Languages, MemberId, Role};
pub use needs::Need;
pub use state::{Council, MAX_IMPORT, Member, create_event, fold_verified, from_genesis, may_manage, replay};
