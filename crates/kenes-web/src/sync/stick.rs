//! Sync by USB stick (sneakernet): one step both ways with a directory. What the stick holds that this node may read
//! and lacks is verified and imported; what this node may pass on and the stick lacks is written, encrypted with age
//! to the nodes each council chose (so a seized stick shows nothing of a council that is not public). Files the node
//! cannot read are left as they are, for the next laptop. Running it twice changes nothing the second time.
//!
//! Layout: `DIR/<council id>.<height>.kbundle` (plain, public councils only) or `.kbundle.age` (encrypted); a newer
//! file for a council replaces the older ones this node can read.

use std::path::{Path, PathBuf};

use kenes_record::EventHash;
use kenes_record::bundle::{self, Opener};
use kenes_store::{Node, NodeError};

/// What a step with a stick did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StickReport {
    /// Councils imported or brought forward from the stick, with the events added.
    pub imported: Vec<(EventHash, u64)>,
    /// Councils written to the stick.
    pub written: Vec<EventHash>,
    /// Files left alone: for other nodes, or refused (with the reason).
    pub skipped: Vec<(String, String)>,
    /// Councils whose file on the stick forks from the record held (evidence kept).
    pub forks: Vec<EventHash>,
    /// Tallied elections' archives imported from the stick and written to it.
    pub archives_in: usize,
    pub archives_out: usize,
}

/// The most files a stick directory may hold for one step, and the largest file read.
const MAX_FILES: usize = 100_000;
const MAX_FILE: u64 = 2 * 1024 * 1024 * 1024;

struct OnStick {
    path: PathBuf,
    council: EventHash,
    height: u64,
}

fn listed(dir: &Path) -> Result<Vec<OnStick>, String> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.take(MAX_FILES) {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".kbundle.age").or_else(|| name.strip_suffix(".kbundle"));
        let Some((council, height)) = stem.and_then(|s| s.split_once('.')) else { continue };
        let (Ok(council), Ok(height)) = (EventHash::from_hex(council), height.parse::<u64>()) else { continue };
        files.push(OnStick { path: entry.path(), council, height });
    }
    Ok(files)
}

/// One step with the stick at `dir` (created if missing), both ways. Blocking.
pub fn sync_dir(node: &Node, dir: &Path, now_ms: i64) -> Result<StickReport, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let (secret, _) = node.age_identity().map_err(|e| e.to_string())?;
    let mut report = StickReport::default();
    // In: the newest readable file of each council first.
    let mut files = listed(dir)?;
    files.sort_by_key(|f| (f.council, std::cmp::Reverse(f.height)));
    let mut done = std::collections::BTreeSet::new();
    for file in &files {
        let name = file.path.display().to_string();
        if done.contains(&file.council) || node.fork_of(file.council).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let held = node.read(file.council, |c| c.height()).unwrap_or(0);
        if file.height <= held {
            continue;
        }
        let size = std::fs::metadata(&file.path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_FILE {
            report.skipped.push((name, "larger than a bundle may be".to_owned()));
            continue;
        }
        let bytes = std::fs::read(&file.path).map_err(|e| format!("{name}: {e}"))?;
        let plain = if bundle::is_encrypted(&bytes) {
            match bundle::decrypt(&bytes, Opener::IdentityFile(&secret)) {
                Ok(plain) => plain,
                Err(_) => {
                    report.skipped.push((name, "encrypted for other nodes".to_owned()));
                    continue;
                }
            }
        } else {
            bytes
        };
        match node.import_bundle(&plain) {
            Ok(outcome) if outcome.council == file.council => {
                done.insert(file.council);
                if outcome.added > 0 {
                    report.imported.push((outcome.council, outcome.added));
                }
            }
            Ok(outcome) => report.skipped.push((name, format!("it holds council {} instead", outcome.council))),
            Err(NodeError::Fork { council, height }) => {
                let theirs = bundle::decode(&plain).ok().and_then(|b| b.events.into_iter().nth(height as usize));
                let ours = node.store().load_event_range(council, height, height + 1).map_err(|e| e.to_string())?;
                let home = node.read(council, |c| c.home_node()).map_err(|e| e.to_string())?;
                if let (Some(theirs), Some(ours)) = (theirs, ours.first())
                    && super::client::proves_fork(ours, &theirs, home)
                {
                    node.keep_fork(council, ours, &theirs, &name, now_ms).map_err(|e| e.to_string())?;
                    report.forks.push(council);
                }
            }
            Err(error) => report.skipped.push((name, error.to_string())),
        }
    }
    report.archives_in = archives_in(node, dir, &secret, &mut report.skipped)?;
    // Out: each council this node holds, when the stick has less of it, for the nodes the council chose.
    let files = listed(dir)?;
    for council in node.council_ids() {
        if node.fork_of(council).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let Ok(bundle_bytes) = node.export_bundle(council) else { continue };
        let Ok(decoded) = bundle::decode(&bundle_bytes) else { continue };
        let height = decoded.seal.len;
        if files.iter().any(|f| f.council == council && f.height >= height) {
            continue;
        }
        let (public, recipients) = node
            .read(council, |c| (c.public, c.holders.iter().map(|h| h.age.as_str().to_owned()).collect::<Vec<_>>()))
            .map_err(|e| e.to_string())?;
        let (bytes, suffix) = if public {
            (bundle_bytes, "kbundle")
        } else if recipients.is_empty() {
            continue;
        } else {
            (bundle::encrypt_to_recipients(&bundle_bytes, &recipients).map_err(|e| e.to_string())?, "kbundle.age")
        };
        let path = dir.join(format!("{}.{height}.{suffix}", council.to_hex()));
        write_durably(&path, &bytes)?;
        // Older files of this council that this node wrote or could read are now superseded.
        for old in files.iter().filter(|f| f.council == council && f.height < height) {
            let _ = std::fs::remove_file(&old.path);
        }
        report.written.push(council);
    }
    report.archives_out = archives_out(node, dir)?;
    Ok(report)
}

/// Archive files: `<council id>.e<number>.kbel.age` (or `.kbel` for a public council), immutable once tallied.
fn archive_name(council: EventHash, number: u32, public: bool) -> String {
    format!("{}.e{number}.{}", council.to_hex(), if public { "kbel" } else { "kbel.age" })
}

/// Imports the archives on the stick of tallied elections of councils this node holds and lacks, each only when its
/// SHA-256 is the one the record carries.
fn archives_in(node: &Node, dir: &Path, secret: &str, skipped: &mut Vec<(String, String)>) -> Result<usize, String> {
    let mut kept = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.take(MAX_FILES) {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".kbel.age").or_else(|| name.strip_suffix(".kbel")) else { continue };
        let Some((council, number)) = stem.split_once(".e") else { continue };
        let (Ok(council), Ok(number)) = (EventHash::from_hex(council), number.parse::<u32>()) else { continue };
        match node.missing_archives(council) {
            Ok(missing) if missing.contains(&number) => {}
            _ => continue,
        }
        if std::fs::metadata(entry.path()).map(|m| m.len()).unwrap_or(0) > MAX_FILE {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        let plain = if bundle::is_encrypted(&bytes) {
            match bundle::decrypt(&bytes, Opener::IdentityFile(secret)) {
                Ok(plain) => plain,
                Err(_) => continue,
            }
        } else {
            bytes
        };
        match node.keep_archive(council, number, &plain).map_err(|e| e.to_string())? {
            kenes_store::Kept::Stored => kept += 1,
            kenes_store::Kept::WrongHash => {
                skipped.push((name, "not the archive the council's record names".to_owned()))
            }
            kenes_store::Kept::AlreadyHeld | kenes_store::Kept::NotTallied => {}
        }
    }
    Ok(kept)
}

/// Writes the archives of tallied elections the stick lacks, for the nodes each council chose.
fn archives_out(node: &Node, dir: &Path) -> Result<usize, String> {
    let mut written = 0;
    for council in node.council_ids() {
        if node.fork_of(council).map_err(|e| e.to_string())?.is_some() {
            continue;
        }
        let (public, recipients) = node
            .read(council, |c| (c.public, c.holders.iter().map(|h| h.age.as_str().to_owned()).collect::<Vec<_>>()))
            .map_err(|e| e.to_string())?;
        if !public && recipients.is_empty() {
            continue;
        }
        for kenes_store::Archive { number, bytes, .. } in node.archives(council).map_err(|e| e.to_string())? {
            let path = dir.join(archive_name(council, number, public));
            if path.exists() {
                continue;
            }
            let bytes = if public {
                bytes
            } else {
                bundle::encrypt_to_recipients(&bytes, &recipients).map_err(|e| e.to_string())?
            };
            write_durably(&path, &bytes)?;
            written += 1;
        }
    }
    Ok(written)
}

/// Writes a file whole or not at all: a temporary name, synced, then renamed into place.
fn write_durably(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let temporary = path.with_extension("partial");
    let mut file = std::fs::File::create(&temporary).map_err(|e| format!("{}: {e}", temporary.display()))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| format!("{}: {e}", temporary.display()))?;
    std::fs::rename(&temporary, path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}
