//! Shared helpers: where the shared data lives, reading files, building elections by hand.

use std::path::PathBuf;

use kenes_count::{CountResult, Election};

/// The shared real-data directory (`KENES_SHARED_DATA`, else `../shared/data` beside the repository).
pub fn shared_data() -> PathBuf {
    let dir = std::env::var("KENES_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")));
    assert!(dir.is_dir(), "shared data directory {} is missing: set KENES_SHARED_DATA", dir.display());
    dir
}

pub fn read_blt(path: &std::path::Path) -> Election {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    kenes_count::formats::parse_blt(&path.display().to_string(), &text).unwrap()
}

pub fn elected(result: &CountResult) -> Vec<String> {
    result.elected_names().into_iter().map(str::to_owned).collect()
}

/// Builds an election from names and ballots written as `"A B=C - D !"`: names in order of preference, `=` for
/// equal ranks, `-` for a skipped rank, `!` for an overvoted rank.
pub fn election(names: &[&str], seats: usize, ballots: &[(u64, &str)]) -> Election {
    use kenes_count::ballot::{OVERVOTE, SKIP, TIED};
    let mut election = Election::new(names.iter().map(|n| kenes_count::Candidate::new(*n)).collect(), seats);
    for (count, text) in ballots {
        let mut prefs = Vec::new();
        for token in text.split_whitespace() {
            match token {
                "-" => prefs.push(SKIP),
                "!" => prefs.push(OVERVOTE),
                group => {
                    let members: Vec<&str> = group.split('=').collect();
                    for (k, member) in members.iter().enumerate() {
                        let index = names.iter().position(|n| n == member).unwrap_or_else(|| panic!("no {member}"));
                        let flag = if k + 1 < members.len() { TIED } else { 0 };
                        prefs.push(index as u16 | flag);
                    }
                }
            }
        }
        election.ballots.push(&prefs, *count);
    }
    election.aggregate();
    election
}

/// A candidate's total at a stage (1-based), exactly.
pub fn total(result: &CountResult, stage: usize, name: &str) -> kenes_count::Votes {
    let index = result.candidate_index(name).unwrap_or_else(|| panic!("no {name}"));
    result.stages[stage - 1].totals[index]
}

pub fn votes(text: &str) -> kenes_count::Votes {
    kenes_count::Votes::parse(text).unwrap()
}

/// Checks that elected + continuing + exhausted + loss = valid at every stage.
pub fn assert_conserved(result: &CountResult) {
    for stage in &result.stages {
        let sum: kenes_count::Votes =
            stage.totals.iter().copied().sum::<kenes_count::Votes>() + stage.exhausted + stage.loss;
        assert_eq!(sum, result.valid, "stage {} of {}", stage.number, result.method);
    }
}
