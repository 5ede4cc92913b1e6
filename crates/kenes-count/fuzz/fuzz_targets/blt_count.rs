//! `parse_blt`, then whatever parses is counted by STV (Scottish rules) and by Schulze. Neither count may panic.
#![no_main]

use kenes_count::condorcet::{CondorcetOptions, schulze};
use kenes_count::formats::parse_blt;
use kenes_count::{StvOptions, StvRules, count_stv};
use libfuzzer_sys::fuzz_target;

/// Schulze is cubic in the candidates; beyond this the fuzzer would only find slow inputs, not wrong ones.
const MAX_CANDIDATES: usize = 64;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(election) = parse_blt("fuzz.blt", text) else { return };
    if election.candidates.len() > MAX_CANDIDATES {
        return;
    }
    let stv = StvOptions { rules: StvRules::Scottish, ..StvOptions::default() };
    let _ = count_stv(&election, &stv);
    let condorcet = CondorcetOptions { seats: election.seats.clamp(1, MAX_CANDIDATES), ..CondorcetOptions::default() };
    let _ = schulze(&election, &condorcet);
});
