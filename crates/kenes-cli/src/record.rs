//! `kenes verify`, `kenes bundle export|import` and `kenes council list`: council records as files.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use kenes_council::fold_verified;
use kenes_record::EventHash;
use kenes_record::bundle::{self, Opener};

use crate::serve::open_node;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// A council bundle (.kbundle, plain or age-encrypted) or a Belenios election archive (.bel).
    file: PathBuf,
    #[command(flatten)]
    decryption: Decryption,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// For an election archive with ranked questions: also write each question's count (JSON, CSV, HTML) here.
    #[arg(long, value_name = "DIR")]
    report: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct Decryption {
    /// For an encrypted bundle: a file whose first line is the passphrase.
    #[arg(long)]
    passphrase_file: Option<PathBuf>,
    /// For an encrypted bundle: an age identity file (AGE-SECRET-KEY-1… lines).
    #[arg(long)]
    identity: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum BundleCommand {
    /// Write one council's whole record to a file.
    Export {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
        /// The council id (hex), or a unique prefix of it.
        council: String,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Encrypt to the passphrase on the first line of this file (age, scrypt).
        #[arg(long, conflicts_with = "recipient")]
        passphrase_file: Option<PathBuf>,
        /// Encrypt to an age public key (age1…); repeat for several recipients.
        #[arg(long)]
        recipient: Vec<String>,
        /// Also write each tallied election's Belenios archive beside the bundle (`NAME.e<number>.bel`, encrypted
        /// like the bundle), for `bundle import` and `verify` to pick up and check against the record.
        #[arg(long)]
        archives: bool,
    },
    /// Verify a bundle completely and add what is new to the data directory; refuses a record that forks.
    Import {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
        file: PathBuf,
        #[command(flatten)]
        decryption: Decryption,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum CouncilCommand {
    /// List the councils a node holds.
    List {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
    },
    /// Check a federation's citations (seats' mandates, their ends, sizes, motions' origins, decisions received)
    /// against the member councils' records this node holds: each is checked, unchecked (the record is not here, or
    /// not that far) or wrong. Fails when any is wrong.
    Citations {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
        /// The federation's id (hex).
        council: String,
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print this node's checkpoint of a council's head (a C2SP signed note), cosigned by every node that said the
    /// same head to it: compare it with another node's to see a split view.
    Checkpoint {
        #[arg(long, env = "KENES_DATA", default_value = "kenes-data")]
        data: PathBuf,
        /// The council id (hex).
        council: String,
    },
}

fn read_passphrase(path: &Path) -> Result<String> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading the passphrase file {}", path.display()))?;
    let passphrase = text.lines().next().unwrap_or("").to_owned();
    if passphrase.is_empty() {
        bail!("the passphrase file {} has an empty first line", path.display());
    }
    Ok(passphrase)
}

/// Reads a file that may be an age-encrypted bundle and returns the plain bundle bytes.
pub(crate) fn read_bundle(path: &Path, decryption: &Decryption) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if !bundle::is_encrypted(&bytes) {
        return Ok(bytes);
    }
    let plain = if let Some(file) = &decryption.passphrase_file {
        bundle::decrypt(&bytes, Opener::Passphrase(&read_passphrase(file)?))
    } else if let Some(file) = &decryption.identity {
        let identities =
            std::fs::read_to_string(file).with_context(|| format!("reading the identity file {}", file.display()))?;
        bundle::decrypt(&bytes, Opener::IdentityFile(&identities))
    } else {
        bail!("{} is encrypted: give --passphrase-file or --identity", path.display());
    };
    plain.with_context(|| format!("decrypting {}", path.display()))
}

pub fn verify(args: VerifyArgs) -> Result<()> {
    let head = {
        use std::io::Read;
        let mut file = std::fs::File::open(&args.file).with_context(|| format!("opening {}", args.file.display()))?;
        let mut head = [0u8; 32];
        let read = file.read(&mut head).with_context(|| format!("reading {}", args.file.display()))?;
        head[..read].to_vec()
    };
    if !bundle::is_bundle(&head) && !bundle::is_encrypted(&head) {
        return crate::election::verify_archive(&args.file, args.report.as_deref());
    }
    let bytes = read_bundle(&args.file, &args.decryption)?;
    let progress = crate::election::spinner(&format!(
        "checking the chain, signatures and seal of {} ({:.1} MB)",
        args.file.display(),
        bytes.len() as f64 / 1e6
    ));
    let verified = bundle::verify_bundle(&bytes);
    if verified.is_err() {
        progress.finish_and_clear();
    }
    let (decoded, _) = verified.with_context(|| format!("{} does not verify", args.file.display()))?;
    let events = decoded.events;
    progress.set_message(format!("replaying {} events against the council's rules", events.len()));
    let council = fold_verified(&events).with_context(|| format!("{} does not verify", args.file.display()));
    progress.finish_and_clear();
    let council = council?;
    let mut kinds = std::collections::BTreeMap::<&str, u64>::new();
    for event in &events {
        *kinds.entry(event.kind.as_str()).or_default() += 1;
    }
    // Archives beside the bundle are checked against the hashes the record names, then verified in full.
    let tallied: Vec<(u32, String)> =
        council.elections().iter().filter_map(|e| e.final_archive_hash.clone().map(|h| (e.id, h))).collect();
    let mut archives = Vec::new();
    for (number, path, bytes) in archives_beside(&args.file, &args.decryption, &tallied)? {
        let named = tallied.iter().find(|(n, _)| *n == number).map(|(_, h)| h.as_str()).unwrap_or_default();
        let hash = kenes_crypto::election::sha256_hex(&bytes);
        if hash != named {
            bail!(
                "{} is not the archive of election {number} that the record names: its SHA-256 is {hash}, the record's {named}",
                path.display()
            );
        }
        crate::election::verify_archive_bytes(&path, &bytes, false)?;
        archives.push((number, path, hash));
    }
    let first_ms = events.first().map_or(0, |e| e.timestamp_ms);
    if args.json {
        let summary = serde_json::json!({
            "valid": true,
            "council": council.id().to_hex(),
            "name": council.name.as_str(),
            "kind": council.kind.as_str(),
            "home_node": council.home_node().to_hex(),
            "events": council.height(),
            "heights": [0, council.height().saturating_sub(1)],
            "members": council.active_member_count(),
            "last_hash": council.head().to_hex(),
            "first_timestamp_ms": first_ms,
            "last_timestamp_ms": council.chain().head_timestamp_ms,
            "kinds": kinds,
            "archives": archives.iter().map(|(number, path, hash)| serde_json::json!({
                "election": number, "file": path.display().to_string(), "sha256": hash, "valid": true,
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!("valid council record: {}", args.file.display());
        println!("  council    {} ({})", council.name.as_str(), council.kind.as_str());
        println!("  id         {}", council.id());
        println!("  home node  {}", council.home_node());
        println!(
            "  heights    0..={} ({} events, every signature and link checked, every event replayed)",
            council.height().saturating_sub(1),
            council.height()
        );
        println!("  members    {} active", council.active_member_count());
        println!("  last hash  {}", council.head());
        for (kind, count) in kinds {
            println!("  {count:>10} × {kind}");
        }
        for (number, path, hash) in &archives {
            println!("  election {number}: {} verified, SHA-256 {hash} as the record names", path.display());
        }
    }
    Ok(())
}

/// Where an election's archive goes beside a bundle: `DIR/NAME.e<number>.bel`, with `.age` when encrypted, where
/// NAME is the bundle's file name without `.age` and `.kbundle`.
fn archive_beside(bundle: &Path, number: u32, encrypted: bool) -> PathBuf {
    let name = bundle.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.strip_suffix(".age").unwrap_or(&name);
    let name = name.strip_suffix(".kbundle").unwrap_or(name);
    bundle.with_file_name(format!("{name}.e{number}.bel{}", if encrypted { ".age" } else { "" }))
}

/// The archives found beside a bundle for the given tallied elections, decrypted like the bundle: `(number, file,
/// bytes)`. A file there that cannot be read or opened is an error, not silently passed over.
fn archives_beside(
    bundle: &Path,
    decryption: &Decryption,
    tallied: &[(u32, String)],
) -> Result<Vec<(u32, PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    for (number, _) in tallied {
        for encrypted in [false, true] {
            let path = archive_beside(bundle, *number, encrypted);
            if path.exists() {
                out.push((*number, path.clone(), read_bundle(&path, decryption)?));
            }
        }
    }
    Ok(out)
}

fn find_council(node: &kenes_store::Node, text: &str) -> Result<EventHash> {
    let text = text.trim().to_lowercase();
    let matches: Vec<EventHash> = node.council_ids().into_iter().filter(|id| id.to_hex().starts_with(&text)).collect();
    match matches.as_slice() {
        [one] if !text.is_empty() => Ok(*one),
        [] => bail!("no council with id {text:?} in this data directory (see `kenes council list`)"),
        _ => bail!("{text:?} matches {} councils: give more of the id", matches.len()),
    }
}

pub fn bundle(command: BundleCommand) -> Result<()> {
    match command {
        BundleCommand::Export { data, council, output, passphrase_file, recipient, archives } => {
            let node = open_node(&data)?;
            let id = find_council(&node, &council)?;
            let passphrase = passphrase_file.map(|file| read_passphrase(&file)).transpose()?;
            let encrypt = |plain: Vec<u8>| -> Result<Vec<u8>> {
                Ok(if let Some(passphrase) = &passphrase {
                    bundle::encrypt_to_passphrase(&plain, passphrase)?
                } else if !recipient.is_empty() {
                    bundle::encrypt_to_recipients(&plain, &recipient)?
                } else {
                    plain
                })
            };
            let bytes = encrypt(node.export_bundle(id)?)?;
            write_durably(&output, &bytes)?;
            let events = node.read(id, |c| c.height())?;
            println!("wrote {} ({} events, {} bytes)", output.display(), events, bytes.len());
            if archives {
                let encrypted = passphrase.is_some() || !recipient.is_empty();
                for archive in node.archives(id)? {
                    let path = archive_beside(&output, archive.number, encrypted);
                    write_durably(&path, &encrypt(archive.bytes)?)?;
                    println!(
                        "wrote {} (the archive of election {}, SHA-256 {})",
                        path.display(),
                        archive.number,
                        archive.hash
                    );
                }
                for number in node.missing_archives(id)? {
                    eprintln!("kenes: this node lacks the archive of election {number}; it was not written");
                }
            }
            Ok(())
        }
        BundleCommand::Import { data, file, decryption } => {
            let bytes = read_bundle(&file, &decryption)?;
            let node = open_node(&data)?;
            let progress = crate::election::spinner(&format!("verifying and importing {}", file.display()));
            let outcome = node.import_bundle(&bytes).with_context(|| format!("importing {}", file.display()));
            progress.finish_and_clear();
            let outcome = outcome?;
            println!(
                "imported {}: council {} ({}), {} new events, {} in all",
                file.display(),
                outcome.name,
                outcome.council,
                outcome.added,
                outcome.total
            );
            for (number, path, bytes) in archives_beside(&file, &decryption, &node.tallied_hashes(outcome.council)?)? {
                match node.keep_archive(outcome.council, number, &bytes)? {
                    kenes_store::Kept::Stored => {
                        println!("imported {} (the archive of election {number})", path.display())
                    }
                    kenes_store::Kept::AlreadyHeld => {}
                    kenes_store::Kept::NotTallied | kenes_store::Kept::WrongHash => {
                        bail!("{} is not the archive of election {number} that the record names", path.display())
                    }
                }
            }
            Ok(())
        }
    }
}

/// Writes a file and syncs it to disk before saying it is written (it may be a USB stick pulled out next).
pub(crate) fn write_durably(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
    file.sync_all().with_context(|| format!("syncing {}", path.display()))?;
    Ok(())
}

pub fn council(command: CouncilCommand) -> Result<()> {
    match command {
        CouncilCommand::List { data } => {
            let node = open_node(&data)?;
            for id in node.council_ids() {
                let (name, kind, events, members) = node
                    .read(id, |c| (c.name.as_str().to_owned(), c.kind.as_str(), c.height(), c.active_member_count()))?;
                println!("{id}  {name}  ({kind}, {members} members, {events} events)");
            }
            Ok(())
        }
        CouncilCommand::Citations { data, council, json } => citations(&data, &council, json),
        CouncilCommand::Checkpoint { data, council } => {
            let node = open_node(&data)?;
            let id = kenes_record::EventHash::from_hex(council.trim())
                .map_err(|_| anyhow::anyhow!("{council} is not a council id (64 hex digits)"))?;
            print!("{}", node.checkpoint(id)?.to_note());
            if let Some(conflict) = node.checkpoint_conflict(id)? {
                eprintln!("kenes: a checkpoint naming another head was seen:\n{conflict}");
            }
            Ok(())
        }
    }
}

/// `kenes council citations`: every citation of a federation's record with what checking it here found.
fn citations(data: &Path, council: &str, json: bool) -> Result<()> {
    use kenes_council::federation::citations::{Expect, Status};
    let node = open_node(data)?;
    let id = kenes_record::EventHash::from_hex(council.trim())
        .map_err(|_| anyhow::anyhow!("{council} is not a council id (64 hex digits)"))?;
    if !node.council_ids().contains(&id) {
        bail!("no council with id {council} in this data directory (see `kenes council list`)");
    }
    let found = node.citations(id)?;
    let name_of = |hex: &str| {
        kenes_record::EventHash::from_hex(hex)
            .ok()
            .filter(|id| node.council_ids().contains(id))
            .and_then(|id| node.read(id, |c| c.name.as_str().to_owned()).ok())
            .unwrap_or_else(|| hex.chars().take(16).collect())
    };
    let mut rows = Vec::new();
    for (cited, status) in &found {
        let what = match &cited.expect {
            Expect::Mandate { seat, mandate, name } => format!("mandate {mandate}: {name}, seat {seat}"),
            Expect::End { mandate, reason } => {
                let how = if *reason == kenes_council::federation::Unseat::Recalled { "recalled" } else { "ended" };
                format!("end of mandate {mandate} ({how})")
            }
            Expect::Size { members } => format!("size: {members} represented"),
            Expect::Adopted { title, .. } => format!("adopted: {}", title.as_str()),
        };
        let (word, detail) = match status {
            Status::Checked => ("checked", String::new()),
            Status::Unchecked { held: None } => ("unchecked", "record not held here".to_owned()),
            Status::Unchecked { held: Some(h) } => ("unchecked", format!("held only to height {h}")),
            Status::Wrong(why) => ("wrong", why.clone()),
        };
        rows.push((word, what, cited.citation.clone(), detail));
    }
    let wrong = rows.iter().filter(|r| r.0 == "wrong").count();
    if json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|(word, what, c, detail)| {
                serde_json::json!({ "status": word, "what": what, "council": c.council, "height": c.height,
                    "hash": c.hash, "detail": detail })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        for (word, what, c, detail) in &rows {
            let council = name_of(&c.council);
            let detail = if detail.is_empty() { String::new() } else { format!(" ({detail})") };
            println!("{word:<9} {what}, {council} at height {}{detail}", c.height);
        }
        let checked = rows.iter().filter(|r| r.0 == "checked").count();
        println!("{checked} checked, {} unchecked, {wrong} wrong", rows.len() - checked - wrong);
    }
    if wrong > 0 {
        bail!("{wrong} citation(s) do not hold against the records held here");
    }
    Ok(())
}
