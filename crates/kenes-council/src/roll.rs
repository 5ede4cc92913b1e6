//! Member rolls from CSV: parsed whole, checked against the council, and either accepted whole or refused with a
//! report of every rejected row (line and reason). Nothing is half-imported.
//!
//! The first row is a header. Columns, in any order, case-insensitive:
//! - `name` (or `display_name`): required, the member's display name;
//! - `role`: optional, member (default), chair, secretary or observer;
//! - `contact` (or `email`, `phone`): optional, kept only in the node's own tables, never in the record.
//!
//! Other columns are ignored and listed in the report.

use std::collections::HashMap;

use crate::error::Invalid;
use crate::model::{DisplayName, Role};
use crate::state::{Council, MAX_IMPORT};

/// Longest contact detail kept, in characters.
pub const MAX_CONTACT: usize = 200;

/// One accepted row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollEntry {
    pub line: u64,
    pub name: DisplayName,
    pub role: Role,
    /// Node-local only.
    pub contact: Option<String>,
}

/// One rejected row: the line number in the file (the header is line 1) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    pub line: u64,
    pub problem: RowProblem,
}

/// What is wrong with a row, structured so that each interface can say it in its user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The row has a different number of fields than the header.
    FieldCount {
        expected: u64,
        found: u64,
    },
    /// The CSV itself is broken at this row.
    Csv(String),
    Name(Invalid),
    Role(Invalid),
    Contact,
    AlreadyMember(String),
    DuplicateOf {
        name: String,
        line: u64,
    },
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowProblem::FieldCount { expected, found } => write!(f, "{found} fields, but the header has {expected}"),
            RowProblem::Csv(reason) => f.write_str(reason),
            RowProblem::Name(error) | RowProblem::Role(error) => write!(f, "{error}"),
            RowProblem::Contact => {
                write!(f, "the contact has control characters or more than {MAX_CONTACT} characters")
            }
            RowProblem::AlreadyMember(name) => write!(f, "{name:?} is already a member of this council"),
            RowProblem::DuplicateOf { name, line } => write!(f, "{name:?} already appears on line {line}"),
        }
    }
}

/// Why a roll was refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollError {
    /// The file itself cannot be read as a roll.
    File(String),
    /// Some rows are wrong; nothing was imported.
    Rows(Vec<RejectedRow>),
}

impl std::fmt::Display for RollError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RollError::File(reason) => write!(f, "the member roll cannot be read: {reason}"),
            RollError::Rows(rows) => {
                write!(f, "{} rows were rejected, nothing was imported:", rows.len())?;
                for row in rows {
                    write!(f, "\n  line {}: {}", row.line, row.problem)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for RollError {}

/// A roll that passed: the rows to import and the columns that were ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roll {
    pub entries: Vec<RollEntry>,
    pub ignored_columns: Vec<String>,
}

/// Parses a CSV roll and checks it against the council's current members.
pub fn parse_roll(bytes: &[u8], council: &Council) -> Result<Roll, RollError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        RollError::File(format!("it is not UTF-8 text (first bad byte at offset {})", error.valid_up_to()))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|error| RollError::File(format!("header row: {error}")))?.clone();
    let mut name_column = None;
    let mut role_column = None;
    let mut contact_column = None;
    let mut ignored_columns = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        match header.to_lowercase().as_str() {
            "name" | "display_name" | "display name" => name_column = Some(index),
            "role" => role_column = Some(index),
            "contact" | "email" | "e-mail" | "phone" => contact_column = Some(index),
            _ => ignored_columns.push(header.to_owned()),
        }
    }
    let Some(name_column) = name_column else {
        return Err(RollError::File(format!(
            "the header row ({}) has no \"name\" column",
            headers.iter().collect::<Vec<_>>().join(", ")
        )));
    };

    let mut entries = Vec::new();
    let mut rejected = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                rejected.push(RejectedRow { line, problem: csv_problem(&error) });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        if entries.len() + rejected.len() >= MAX_IMPORT {
            return Err(RollError::File(format!("more than {MAX_IMPORT} rows; split the roll")));
        }
        let name = match DisplayName::parse(record.get(name_column).unwrap_or("")) {
            Ok(name) => name,
            Err(error) => {
                rejected.push(RejectedRow { line, problem: RowProblem::Name(error) });
                continue;
            }
        };
        let role = match role_column.map_or(Ok(Role::Member), |c| record.get(c).unwrap_or("").parse::<Role>()) {
            Ok(role) => role,
            Err(error) => {
                rejected.push(RejectedRow { line, problem: RowProblem::Role(error) });
                continue;
            }
        };
        let contact = contact_column.and_then(|c| record.get(c)).filter(|c| !c.is_empty()).map(str::to_owned);
        if let Some(contact) = &contact
            && (contact.chars().count() > MAX_CONTACT || contact.chars().any(char::is_control))
        {
            rejected.push(RejectedRow { line, problem: RowProblem::Contact });
            continue;
        }
        if council.member_named(&name).is_some() {
            rejected.push(RejectedRow { line, problem: RowProblem::AlreadyMember(name.to_string()) });
            continue;
        }
        if let Some(first) = first_line_of.get(&name.folded()) {
            rejected
                .push(RejectedRow { line, problem: RowProblem::DuplicateOf { name: name.to_string(), line: *first } });
            continue;
        }
        first_line_of.insert(name.folded(), line);
        entries.push(RollEntry { line, name, role, contact });
    }
    if !rejected.is_empty() {
        return Err(RollError::Rows(rejected));
    }
    if entries.is_empty() {
        return Err(RollError::File("it has no member rows".to_owned()));
    }
    Ok(Roll { entries, ignored_columns })
}

fn csv_problem(error: &csv::Error) -> RowProblem {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            RowProblem::FieldCount { expected: *expected_len, found: *len }
        }
        _ => RowProblem::Csv(error.to_string()),
    }
}
