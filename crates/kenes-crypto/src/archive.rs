//! The Belenios 2.0 public archive (spec §4.4): an old-style tar of a `BELENIOS` header, data and events.
//!
//! Layout, byte for byte as belenios-tool writes it (Belenios `archive.ml`):
//! - every entry is a 512-byte v7 tar header followed by its body padded with NUL bytes to a multiple of 512;
//! - header fields: name (offset 0, NUL-padded), mode `"0000644"` (100), uid `"0000000"` (108), gid `"0000000"` (116),
//!   size as 11 octal digits (124), mtime = the archive timestamp as 11 octal digits (136), checksum (148) written as
//!   six octal digits, NUL, space (computed with the checksum field as 8 spaces), type flag `"0"` (156), the rest NUL;
//! - the first entry is `BELENIOS` holding `{"version":1,"timestamp":"<seconds>"}`;
//! - then entries named `<sha256 hex of the body>.data.json` or `<…>.event.json`;
//! - no end-of-archive blocks.
//!
//! Events are `{"parent":H,"height":I,"type":T,"payload":H}` (parent absent at height 0, payload absent for
//! `EndBallots`/`EndShuffles`), each referring to its parent by hash: a hash chain (spec §3.5.1).
//!
//! An archive only grows: the file is [`Archive::header_bytes`] followed by each entry's bytes, so a server stores
//! each new entry (or appends its bytes to the file) and never rewrites what is already written.
//! [`Archive::extension`] plans new entries without changing the archive, so they can be stored durably before
//! [`Archive::append`] applies them.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::election::sha256_hex;
use crate::error::Error;

const BLOCK: usize = 512;

/// The `BELENIOS` header entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveHeader {
    pub version: u32,
    /// Seconds since the epoch, written as a JSON string.
    pub timestamp: String,
}

/// The type of an event (spec §4.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventType {
    Setup,
    Ballot,
    EndBallots,
    EncryptedTally,
    Shuffle,
    EndShuffles,
    PartialDecryption,
    Result,
}

/// An event, fields in Belenios' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub parent: Option<String>,
    pub height: u64,
    #[serde(rename = "type")]
    pub kind: EventType,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub payload: Option<String>,
}

/// One entry of the archive, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Data { hash: String, body: String },
    Event { hash: String, body: String, event: Event },
}

impl Entry {
    /// A data entry, named by the SHA-256 of its body.
    pub fn data(body: &str) -> Self {
        Entry::Data { hash: sha256_hex(body.as_bytes()), body: body.to_owned() }
    }

    /// The SHA-256 (hex) of the body: the entry's name without its suffix, and how events refer to it.
    pub fn hash(&self) -> &str {
        match self {
            Entry::Data { hash, .. } | Entry::Event { hash, .. } => hash,
        }
    }

    /// The exact body (JSON text).
    pub fn body(&self) -> &str {
        match self {
            Entry::Data { body, .. } | Entry::Event { body, .. } => body,
        }
    }

    /// The entry's file name in the archive: `<hash>.data.json` or `<hash>.event.json`.
    pub fn file_name(&self) -> String {
        match self {
            Entry::Data { hash, .. } => format!("{hash}.data.json"),
            Entry::Event { hash, .. } => format!("{hash}.event.json"),
        }
    }

    /// The entry's bytes in an archive of this timestamp: tar header, body, NUL padding.
    pub fn to_bytes(&self, timestamp: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(BLOCK + self.body().len().div_ceil(BLOCK) * BLOCK);
        self.write(timestamp, &mut out);
        out
    }

    fn write(&self, timestamp: u64, out: &mut Vec<u8>) {
        write_tar_entry(&self.file_name(), self.body(), timestamp, out);
    }
}

/// Entries planned on top of an archive without changing it (from [`Archive::extension`]): a caller can store them
/// durably first, then apply them with [`Archive::append`], which refuses them if the archive moved on meanwhile.
/// [`Extension::cut`] hands the entries planned so far over as one [`Appendix`] and plans on after them, so several
/// changes are planned at once, each appended in turn.
#[derive(Debug)]
pub struct Extension<'a> {
    archive: &'a Archive,
    /// The number of entries before the entries not yet cut: the archive's, then each cut's.
    base: usize,
    /// The last event before the entries not yet cut.
    parent: Option<String>,
    last: Option<(String, u64)>,
    entries: Vec<Entry>,
    /// Hashes of every planned entry, cut or not (data is not repeated, as in [`Archive::add_data`]).
    hashes: HashSet<String>,
}

impl Extension<'_> {
    /// Plans a data entry (unless the archive or this extension already has it) and returns its hash.
    pub fn add_data(&mut self, body: &str) -> String {
        let entry = Entry::data(body);
        let hash = entry.hash().to_owned();
        if !self.archive.by_hash.contains_key(&hash) && !self.hashes.contains(&hash) {
            self.hashes.insert(hash.clone());
            self.entries.push(entry);
        }
        hash
    }

    /// Plans an event of this type referring to `payload`, chained to the previous event.
    pub fn add_event(&mut self, kind: EventType, payload: Option<String>) -> String {
        let event = Event {
            parent: self.last.as_ref().map(|(h, _)| h.clone()),
            height: self.last.as_ref().map_or(0, |(_, h)| h + 1),
            kind,
            payload,
        };
        let body = serde_json::to_string(&event).unwrap_or_default();
        let hash = sha256_hex(body.as_bytes());
        self.last = Some((hash.clone(), event.height));
        self.hashes.insert(hash.clone());
        self.entries.push(Entry::Event { hash: hash.clone(), body, event });
        hash
    }

    /// Plans a data entry and the event that refers to it.
    pub fn add_data_event(&mut self, kind: EventType, body: &str) -> String {
        let hash = self.add_data(body);
        self.add_event(kind, Some(hash))
    }

    /// The entries planned since the last cut (or the start), detached from the archive: appended once the
    /// archive holds every earlier cut. Planning goes on after them.
    pub fn cut(&mut self) -> Appendix {
        let entries = std::mem::take(&mut self.entries);
        let parent = std::mem::replace(&mut self.parent, self.last.as_ref().map(|(hash, _)| hash.clone()));
        let appendix = Appendix { base: self.base, parent, timestamp: self.archive.timestamp(), entries };
        self.base += appendix.entries.len();
        appendix
    }

    /// The planned entries not yet cut, detached from the archive.
    pub fn finish(mut self) -> Appendix {
        self.cut()
    }
}

/// Entries to append to an archive, planned by an [`Extension`]: what a caller stores before applying them.
#[derive(Clone, Debug)]
pub struct Appendix {
    /// The number of entries of the archive they were planned on.
    base: usize,
    /// That archive's last event.
    parent: Option<String>,
    timestamp: u64,
    entries: Vec<Entry>,
}

impl Appendix {
    /// The new entries, in archive order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Their bytes, to append to the archive file as it was when they were planned.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for entry in &self.entries {
            entry.write(self.timestamp, &mut out);
        }
        out
    }

    /// The position in the archive of the first new entry (the number of entries before them).
    pub fn first_index(&self) -> usize {
        self.base
    }
}

/// A parsed archive: the header, the entries in file order, and a map from hash to data or event body.
#[derive(Clone, Debug)]
pub struct Archive {
    pub header: ArchiveHeader,
    pub entries: Vec<Entry>,
    by_hash: HashMap<String, usize>,
}

fn octal_field(bytes: &[u8], what: &str, offset: usize) -> Result<u64, Error> {
    let text: String = bytes.iter().take_while(|&&b| b != 0 && b != b' ').map(|&b| b as char).collect();
    u64::from_str_radix(&text, 8).map_err(|_| Error::Archive(format!("entry at byte {offset}: bad {what} field")))
}

fn tar_header(name: &str, size: usize, timestamp: u64) -> [u8; BLOCK] {
    let mut header = [0u8; BLOCK];
    let mut put = |at: usize, text: &str| {
        header[at..at + text.len()].copy_from_slice(text.as_bytes());
    };
    put(0, name);
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, &format!("{size:011o}"));
    put(136, &format!("{timestamp:011o}"));
    put(148, "        ");
    put(156, "0");
    let sum: u32 = header.iter().map(|&b| u32::from(b)).sum();
    let checksum = format!("{sum:06o}\0 ");
    header[148..156].copy_from_slice(checksum.as_bytes());
    header
}

fn write_tar_entry(name: &str, body: &str, timestamp: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(&tar_header(name, body.len(), timestamp));
    out.extend_from_slice(body.as_bytes());
    let padding = body.len().div_ceil(BLOCK) * BLOCK - body.len();
    out.extend(std::iter::repeat_n(0u8, padding));
}

fn tar_entry(name: &str, body: &str, timestamp: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(BLOCK + body.len().div_ceil(BLOCK) * BLOCK);
    write_tar_entry(name, body, timestamp, &mut out);
    out
}

/// The body of the first tar entry in `bytes` (a piece of an archive as stored), if it reads as one; not checked
/// beyond that: a caller compares the entries it would write for it with `bytes`.
pub fn first_entry_body(bytes: &[u8]) -> Option<&str> {
    let block = bytes.get(..BLOCK)?;
    let size = octal_field(&block[124..136], "size", 0).ok()? as usize;
    std::str::from_utf8(bytes.get(BLOCK..BLOCK.checked_add(size)?)?).ok()
}

impl Archive {
    /// Parses archive bytes, checking every tar header, every entry's name against the hash of its body, and the
    /// event chain (heights, parents). Payload references are resolved by [`Archive::get`].
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        let mut offset = 0usize;
        let mut header: Option<ArchiveHeader> = None;
        let mut entries = Vec::new();
        let mut by_hash = HashMap::new();
        let mut last_event: Option<(String, u64)> = None;
        while offset < bytes.len() {
            let block = bytes
                .get(offset..offset + BLOCK)
                .ok_or_else(|| Error::Archive(format!("truncated tar header at byte {offset}")))?;
            if block.iter().all(|&b| b == 0) {
                // End-of-archive blocks written by other tar tools: everything after must be zero.
                if bytes[offset..].iter().all(|&b| b == 0) {
                    break;
                }
                return Err(Error::Archive(format!("data after an empty tar block at byte {offset}")));
            }
            let stored_checksum = octal_field(&block[148..156], "checksum", offset)?;
            let computed: u64 =
                block.iter().enumerate().map(|(i, &b)| if (148..156).contains(&i) { 32 } else { u64::from(b) }).sum();
            if stored_checksum != computed {
                return Err(Error::Archive(format!("tar header checksum mismatch at byte {offset}")));
            }
            let name_end = block[..100].iter().position(|&b| b == 0).unwrap_or(100);
            let name = std::str::from_utf8(&block[..name_end])
                .map_err(|_| Error::Archive(format!("entry name at byte {offset} is not UTF-8")))?
                .to_owned();
            if block[156] != b'0' && block[156] != 0 {
                return Err(Error::Archive(format!("entry {name}: not a regular file")));
            }
            let size = octal_field(&block[124..136], "size", offset)? as usize;
            let body_start = offset + BLOCK;
            let body = bytes
                .get(body_start..body_start + size)
                .ok_or_else(|| Error::Archive(format!("entry {name}: truncated body")))?;
            let padded = size.div_ceil(BLOCK) * BLOCK;
            if bytes.len() < body_start + padded {
                return Err(Error::Archive(format!("entry {name}: truncated padding")));
            }
            if bytes[body_start + size..body_start + padded].iter().any(|&b| b != 0) {
                return Err(Error::Archive(format!("entry {name}: padding is not zero")));
            }
            let body = std::str::from_utf8(body)
                .map_err(|_| Error::Archive(format!("entry {name}: body is not UTF-8")))?
                .to_owned();
            let entry_offset = offset;
            offset = body_start + padded;
            if header.is_none() {
                if name != "BELENIOS" {
                    return Err(Error::Archive("the first entry must be BELENIOS".into()));
                }
                let parsed: ArchiveHeader = crate::error::parse_json("archive header", &body)?;
                if parsed.version != 1 {
                    return Err(Error::Archive(format!("unsupported archive version {}", parsed.version)));
                }
                if serde_json::to_string(&parsed).unwrap_or_default() != body {
                    return Err(Error::Archive("the BELENIOS header is not in canonical form".into()));
                }
                header = Some(parsed);
            }
            // Every tar header must be exactly the one Belenios writes (mode, owner, mtime = archive timestamp, …):
            // a changed byte anywhere in the archive is then an error, not a silently accepted variant.
            let timestamp = header
                .as_ref()
                .and_then(|h| h.timestamp.parse::<u64>().ok())
                .ok_or_else(|| Error::Archive("the BELENIOS header timestamp is not a number".into()))?;
            let expected = tar_header(&name, size, timestamp);
            if let Some(at) = expected.iter().zip(block).position(|(a, b)| a != b) {
                return Err(Error::Archive(format!(
                    "entry {name} (byte {entry_offset}): tar header is not in Belenios' form (header byte {at} differs)"
                )));
            }
            if name == "BELENIOS" && entries.is_empty() && by_hash.is_empty() && last_event.is_none() {
                if entry_offset == 0 {
                    continue;
                }
                return Err(Error::Archive("BELENIOS appears twice".into()));
            }
            let (hash, kind) = name.split_once('.').ok_or_else(|| Error::Archive(format!("entry {name}: bad name")))?;
            let actual = sha256_hex(body.as_bytes());
            if hash != actual {
                return Err(Error::Archive(format!("entry {name}: content does not match its hash (sha256 {actual})")));
            }
            match kind {
                "data.json" => {
                    by_hash.insert(hash.to_owned(), entries.len());
                    entries.push(Entry::Data { hash: hash.to_owned(), body });
                }
                "event.json" => {
                    let event: Event = crate::error::parse_json(&format!("event {hash}"), &body)?;
                    let expected_height = last_event.as_ref().map_or(0, |(_, h)| h + 1);
                    if event.height != expected_height {
                        return Err(Error::Archive(format!(
                            "event {hash}: height {} where {} was expected",
                            event.height, expected_height
                        )));
                    }
                    if event.parent.as_deref() != last_event.as_ref().map(|(h, _)| h.as_str()) {
                        return Err(Error::Archive(format!("event {hash}: parent is not the previous event")));
                    }
                    if let Some(payload) = &event.payload {
                        if !by_hash.contains_key(payload) {
                            return Err(Error::Archive(format!(
                                "event {hash}: payload {payload} is not earlier in the archive"
                            )));
                        }
                    }
                    last_event = Some((hash.to_owned(), event.height));
                    by_hash.insert(hash.to_owned(), entries.len());
                    entries.push(Entry::Event { hash: hash.to_owned(), body, event });
                }
                _ => {
                    return Err(Error::Archive(format!("entry {name}: neither .data.json nor .event.json")));
                }
            }
        }
        let header = header.ok_or_else(|| Error::Archive("empty archive".into()))?;
        Ok(Archive { header, entries, by_hash })
    }

    /// A new archive with only its header.
    pub fn new(timestamp: u64) -> Self {
        Archive {
            header: ArchiveHeader { version: 1, timestamp: timestamp.to_string() },
            entries: Vec::new(),
            by_hash: HashMap::new(),
        }
    }

    /// The body of the data or event with this hash.
    pub fn get(&self, hash: &str) -> Option<&str> {
        self.by_hash.get(hash).and_then(|&i| self.entries.get(i)).map(|e| match e {
            Entry::Data { body, .. } | Entry::Event { body, .. } => body.as_str(),
        })
    }

    /// The events in order with their hashes.
    pub fn events(&self) -> impl Iterator<Item = (&str, &Event)> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Event { hash, event, .. } => Some((hash.as_str(), event)),
            Entry::Data { .. } => None,
        })
    }

    /// The last event's hash and height, found from the end (appends follow an event within a few entries).
    fn last_event(&self) -> Option<(&str, u64)> {
        self.entries.iter().rev().find_map(|e| match e {
            Entry::Event { hash, event, .. } => Some((hash.as_str(), event.height)),
            Entry::Data { .. } => None,
        })
    }

    /// The last event's hash.
    pub fn last_event_hash(&self) -> Option<&str> {
        self.last_event().map(|(h, _)| h)
    }

    /// The archive timestamp (seconds), also the mtime of every tar header.
    pub fn timestamp(&self) -> u64 {
        self.header.timestamp.parse().unwrap_or(0)
    }

    /// Starts planning entries to append, without changing the archive: see [`Extension`].
    pub fn extension(&self) -> Extension<'_> {
        let last = self.last_event().map(|(h, height)| (h.to_owned(), height));
        Extension {
            archive: self,
            base: self.entries.len(),
            parent: last.as_ref().map(|(hash, _)| hash.clone()),
            last,
            entries: Vec::new(),
            hashes: HashSet::new(),
        }
    }

    /// Appends entries planned by [`Archive::extension`], if the archive has not changed since they were planned
    /// (otherwise their events would not chain onto the last event, and nothing is appended).
    pub fn append(&mut self, appendix: Appendix) -> Result<(), Error> {
        self.check_append(&appendix)?;
        for entry in appendix.entries {
            let hash = entry.hash().to_owned();
            self.by_hash.insert(hash, self.entries.len());
            self.entries.push(entry);
        }
        Ok(())
    }

    /// Whether [`Archive::append`] would accept these entries: the archive is the one they were planned on.
    pub fn check_append(&self, appendix: &Appendix) -> Result<(), Error> {
        if appendix.base != self.entries.len() || appendix.parent.as_deref() != self.last_event_hash() {
            return Err(Error::Archive("the archive changed since these entries were planned".into()));
        }
        Ok(())
    }

    /// Appends a data entry (if not already present) and returns its hash.
    pub fn add_data(&mut self, body: &str) -> String {
        let mut extension = self.extension();
        let hash = extension.add_data(body);
        self.append_own(extension.finish());
        hash
    }

    /// Appends an event of this type referring to `payload`, chained to the previous event.
    pub fn add_event(&mut self, kind: EventType, payload: Option<String>) -> String {
        let mut extension = self.extension();
        let hash = extension.add_event(kind, payload);
        self.append_own(extension.finish());
        hash
    }

    /// Appends a data entry and the event that refers to it.
    pub fn add_data_event(&mut self, kind: EventType, body: &str) -> String {
        let mut extension = self.extension();
        let hash = extension.add_data_event(kind, body);
        self.append_own(extension.finish());
        hash
    }

    /// Appends entries just planned on this very archive, which therefore chain.
    fn append_own(&mut self, appendix: Appendix) {
        for entry in appendix.entries {
            let hash = entry.hash().to_owned();
            self.by_hash.insert(hash, self.entries.len());
            self.entries.push(entry);
        }
    }

    /// The `BELENIOS` header entry's bytes: the start of the archive file, before every entry.
    pub fn header_bytes(&self) -> Vec<u8> {
        let header = serde_json::to_string(&self.header).unwrap_or_default();
        tar_entry("BELENIOS", &header, self.timestamp())
    }

    /// One entry's bytes (tar header, body, padding), as they appear in the archive file.
    pub fn entry_bytes(&self, entry: &Entry) -> Vec<u8> {
        entry.to_bytes(self.timestamp())
    }

    /// The archive's bytes, exactly as belenios-tool writes them: [`Archive::header_bytes`] then every entry's
    /// [`Archive::entry_bytes`], so a file (or a table of entries) can grow by appending without rewriting.
    pub fn to_bytes(&self) -> Vec<u8> {
        let timestamp = self.timestamp();
        let mut out = self.header_bytes();
        for entry in &self.entries {
            entry.write(timestamp, &mut out);
        }
        out
    }

    /// Checks that `older` is a prefix of this archive's event chain (spec §3.5.1 step 2, `verify-diff`):
    /// the last event of `older` must be an event of `self`, so nothing was removed.
    pub fn check_extends(&self, older: &Archive) -> Result<(), Error> {
        if older.header != self.header {
            return Err(Error::invalid("the two archives have different headers"));
        }
        let Some(last) = older.last_event_hash() else {
            return Ok(());
        };
        if self.events().any(|(h, _)| h == last) {
            Ok(())
        } else {
            Err(Error::invalid(format!("event {last} of the older archive is missing from the newer one")))
        }
    }
}
