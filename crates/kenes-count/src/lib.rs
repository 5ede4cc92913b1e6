//! Counting rules over plaintext ballots, and the ballot file formats they read.
//!
//! Architecture invariant: no I/O, no clock, no OS randomness. Parsers take bytes and a file name (for errors);
//! lots come from a seed the caller passes and the result records. Arithmetic is exact ([`fixed::Votes`]).
//!
//! - [`ballot`]: the aggregated ballot model and the rules for irregular marks.
//! - [`stv`], [`meek`], [`irv`]: transferable-vote methods, stage by stage.
//! - [`condorcet`]: Schulze, Ranked Pairs, Copeland, Borda.
//! - [`simple`]: yes/no/abstain motions, plurality, block, approval, score, majority judgment.
//! - [`formats`]: BLT, PrefLib, CVR CSV and .xlsx, Belenios JSON.
//! - [`method`]: the method a secret ranked election names in its set-up, counted on its decrypted ballots.
//! - [`report`]: text, JSON, CSV and HTML renderings of a [`result::CountResult`].

pub mod ballot;
pub mod condorcet;
pub mod error;
pub mod fixed;
pub mod formats;
pub mod irv;
pub mod meek;
pub mod method;
pub mod report;
pub mod result;
pub mod simple;
pub mod stv;
pub mod tie;

pub use ballot::{Ballot, BallotRules, Candidate, Election, Irregular};
pub use error::{CountError, ParseError};
pub use fixed::Votes;
pub use result::{Action, CountResult, Stage};
pub use stv::{StvOptions, StvRules, count_stv};
pub use tie::{TieRecord, TieRule};
