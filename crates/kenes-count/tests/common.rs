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
