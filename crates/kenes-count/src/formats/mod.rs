//! Ballot file formats: detection by extension or content, and one parser per format.

pub mod belenios;
pub mod blt;
pub mod cvr;
pub mod preflib;

pub use blt::{BltReader, parse_blt, parse_blt_bytes, write_blt};

use serde::{Deserialize, Serialize};

use crate::ballot::Election;
use crate::error::ParseError;

/// The formats `kenes count` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Blt,
    /// PrefLib .soc, .soi, .toc, .toi (the four differ only in what they allow).
    Preflib,
    /// Cast-vote-record CSV, one ballot a row, rank columns.
    Cvr,
    /// Cast-vote records as an .xlsx workbook (ES&S exports).
    Xlsx,
    /// Belenios ballots (a JSON array of per-choice ranks or grades).
    Belenios,
}

impl Format {
    /// Guesses from the file name, then from the first bytes.
    pub fn detect(file: &str, bytes: &[u8]) -> Format {
        let lower = file.to_ascii_lowercase();
        let extension = lower.rsplit('.').next().unwrap_or("");
        match extension {
            "blt" => return Format::Blt,
            "soc" | "soi" | "toc" | "toi" => return Format::Preflib,
            "csv" => return Format::Cvr,
            "xlsx" => return Format::Xlsx,
            "json" => return Format::Belenios,
            _ => {}
        }
        if bytes.starts_with(b"PK") {
            return Format::Xlsx;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let trimmed = head.trim_start();
        if trimmed.starts_with('[') && !trimmed.starts_with("[nick") || trimmed.starts_with('{') {
            Format::Belenios
        } else if trimmed.starts_with("# ") || trimmed.starts_with("#FILE") {
            Format::Preflib
        } else if trimmed.lines().next().is_some_and(|l| l.contains(',')) {
            Format::Cvr
        } else {
            Format::Blt
        }
    }
}

/// Options that only some formats need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub cvr: cvr::CvrOptions,
    /// Seats when the format does not say (everything but BLT).
    pub seats: Option<usize>,
}

/// Reads a ballot file of the given format. `file` names it in errors.
pub fn read(file: &str, bytes: &[u8], format: Format, options: &ReadOptions) -> Result<Election, ParseError> {
    let text = || {
        std::str::from_utf8(bytes)
            .map_err(|e| ParseError::new(file, line_of(bytes, e.valid_up_to()), "UTF-8 text", "invalid bytes"))
    };
    let mut election = match format {
        Format::Blt => blt::parse_blt_bytes(file, bytes)?,
        Format::Preflib => preflib::parse_preflib(file, text()?)?,
        Format::Cvr => cvr::parse_cvr_csv(file, text()?, &options.cvr)?,
        Format::Xlsx => cvr::parse_cvr_xlsx(file, bytes, &options.cvr)?,
        Format::Belenios => belenios::parse_belenios(file, text()?)?,
    };
    options.apply(&mut election);
    Ok(election)
}

impl ReadOptions {
    /// What every reader does last: the seats asked for, else the file's, else one.
    pub fn apply(&self, election: &mut Election) {
        if let Some(seats) = self.seats {
            election.seats = seats;
        }
        if election.seats == 0 {
            election.seats = 1;
        }
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}
