//! Cast-vote records: one ballot a row, one column per rank, as CSV or as an .xlsx workbook (ES&S exports).
//!
//! Rank columns are found by their header (`rank1`, `Choice 2`, `3RD CHOICE MAYOR`, `pref_4`: any header containing
//! "rank", "choice" or "pref"), or from a given first column. A cell is a candidate name, the undervote label or
//! an empty cell (a skipped rank), the overvote label (a rank marked for several candidates) or the write-in label
//! (undeclared write-ins, one pseudo-candidate). An optional `count`/`weight`/`ballots` column gives multiplicity.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::ballot::{Aggregator, Candidate, Election, MAX_CANDIDATES, OVERVOTE, SKIP};
use crate::error::ParseError;

/// Labels and layout of a cast-vote-record file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CvrOptions {
    pub overvote_label: String,
    pub undervote_label: String,
    pub write_in_label: String,
    /// 1-based column of the first rank; the ranks then run to the last column that is not a count column.
    pub first_rank_column: Option<usize>,
    /// Candidates declared ahead of the data (order kept); others are added as they appear.
    pub candidates: Vec<String>,
}

impl Default for CvrOptions {
    fn default() -> CvrOptions {
        CvrOptions {
            overvote_label: "overvote".to_owned(),
            undervote_label: "undervote".to_owned(),
            write_in_label: "UWI".to_owned(),
            first_rank_column: None,
            candidates: Vec::new(),
        }
    }
}

/// The name given to the undeclared write-ins pseudo-candidate.
pub const WRITE_INS: &str = "Undeclared Write-ins";

/// Reads a CSV cast-vote record.
pub fn parse_cvr_csv(file: &str, text: &str, options: &CvrOptions) -> Result<Election, ParseError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut table = CvrTable::new(file, options);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
                let cells: Vec<&str> = record.iter().collect();
                table.row(line, &cells)?;
            }
            Err(error) => {
                let line = error.position().map(|p| p.line() as usize).unwrap_or(0);
                return Err(ParseError::new(file, line, "a well-formed CSV row", error.to_string()));
            }
        }
    }
    table.finish()
}

/// Reads the first worksheet of an .xlsx cast-vote record (rows are reported as lines).
pub fn parse_cvr_xlsx(file: &str, bytes: &[u8], options: &CvrOptions) -> Result<Election, ParseError> {
    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| ParseError::new(file, 0, "an .xlsx workbook", e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| ParseError::new(file, 0, "at least one worksheet", "none"))?
        .map_err(|e| ParseError::new(file, 0, "a readable worksheet", e.to_string()))?;
    let mut table = CvrTable::new(file, options);
    let mut cells: Vec<String> = Vec::new();
    for (index, row) in range.rows().enumerate() {
        cells.clear();
        for cell in row {
            cells.push(match cell {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                other => other.to_string(),
            });
        }
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        table.row(index + 1, &refs)?;
    }
    table.finish()
}

struct CvrTable<'a> {
    file: &'a str,
    options: &'a CvrOptions,
    rank_columns: Option<Vec<usize>>,
    count_column: Option<usize>,
    candidates: Vec<Candidate>,
    aggregator: Aggregator,
    prefs: Vec<u16>,
}

impl<'a> CvrTable<'a> {
    fn new(file: &'a str, options: &'a CvrOptions) -> CvrTable<'a> {
        CvrTable {
            file,
            options,
            rank_columns: None,
            count_column: None,
            candidates: options.candidates.iter().map(Candidate::new).collect(),
            aggregator: Aggregator::default(),
            prefs: Vec::new(),
        }
    }

    fn row(&mut self, line: usize, cells: &[&str]) -> Result<(), ParseError> {
        let Some(columns) = self.rank_columns.clone() else {
            // The header row.
            let lower: Vec<String> = cells.iter().map(|c| c.trim().to_lowercase()).collect();
            self.count_column = lower.iter().position(|h| matches!(h.as_str(), "count" | "weight" | "ballots"));
            let columns: Vec<usize> = match self.options.first_rank_column {
                Some(first) => {
                    (first.saturating_sub(1)..cells.len()).filter(|&i| Some(i) != self.count_column).collect()
                }
                None => lower
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.contains("rank") || h.contains("choice") || h.contains("pref"))
                    .map(|(i, _)| i)
                    .collect(),
            };
            if columns.is_empty() {
                return Err(ParseError::new(
                    self.file,
                    line,
                    "a header with rank columns (rank1, rank2, … or \"1st choice\", …)",
                    cells.join(","),
                ));
            }
            self.rank_columns = Some(columns);
            return Ok(());
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        let count = match self.count_column.and_then(|i| cells.get(i)) {
            Some(text) => text
                .trim()
                .parse::<u64>()
                .map_err(|_| ParseError::new(self.file, line, "a whole-number ballot count", text))?,
            None => 1,
        };
        self.prefs.clear();
        for column in columns {
            let cell = cells.get(column).map(|c| c.trim()).unwrap_or("");
            let entry = if cell.is_empty() || cell.eq_ignore_ascii_case(&self.options.undervote_label) {
                SKIP
            } else if cell.eq_ignore_ascii_case(&self.options.overvote_label) {
                OVERVOTE
            } else if cell.eq_ignore_ascii_case(&self.options.write_in_label) {
                self.candidate(line, WRITE_INS, true)?
            } else {
                self.candidate(line, cell, false)?
            };
            self.prefs.push(entry);
        }
        while self.prefs.last() == Some(&SKIP) {
            self.prefs.pop();
        }
        if !self.aggregator.add(&self.prefs, count) {
            return Err(ParseError::new(self.file, line, "at most 10^15 ballots in all", "more"));
        }
        Ok(())
    }

    fn candidate(&mut self, line: usize, name: &str, write_in: bool) -> Result<u16, ParseError> {
        if let Some(at) = self.candidates.iter().position(|c| c.name == name) {
            return Ok(at as u16);
        }
        if self.candidates.len() >= MAX_CANDIDATES {
            return Err(ParseError::new(self.file, line, "at most 16384 distinct candidates", name));
        }
        let mut candidate = Candidate::new(name);
        candidate.write_in = write_in;
        self.candidates.push(candidate);
        Ok((self.candidates.len() - 1) as u16)
    }

    fn finish(self) -> Result<Election, ParseError> {
        if self.rank_columns.is_none() {
            return Err(ParseError::new(self.file, 1, "a header row", "an empty file"));
        }
        let mut election = Election::new(self.candidates, 1);
        election.ballots = self.aggregator.finish();
        Ok(election)
    }
}
