//! Belenios ballots for its counting methods: a JSON array with one array per ballot, giving each choice a rank
//! or grade (1 = best; 0 = left blank), as `belenios-tool method stv|schulze|majority-judgment` reads them.
//! An object `{"ballots": […], "choices": ["name", …]}` (or `"result"` for the ballots) is accepted too.

use serde_json::Value;

use crate::ballot::{Aggregator, Candidate, Election, MAX_CANDIDATES, TIED};
use crate::error::ParseError;
use crate::simple::Graded;

/// Per ballot, the number given to each choice; and the choices' names when the file has them.
type Rows = (Vec<Vec<u64>>, Option<Vec<String>>);

fn split(file: &str, text: &str) -> Result<Rows, ParseError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ParseError::new(file, e.line(), "JSON (an array of ballots)", e.to_string()))?;
    let (ballots, names) = match value {
        Value::Array(items) => (items, None),
        Value::Object(mut object) => {
            let ballots = match object.remove("ballots").or_else(|| object.remove("result")) {
                Some(Value::Array(items)) => items,
                _ => return Err(ParseError::new(file, 1, "a \"ballots\" array", "an object without one")),
            };
            let names = match object.remove("choices").or_else(|| object.remove("candidates")) {
                Some(Value::Array(items)) => Some(
                    items.into_iter().map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())).collect(),
                ),
                _ => None,
            };
            (ballots, names)
        }
        _ => return Err(ParseError::new(file, 1, "an array of ballots", "another JSON value")),
    };
    let mut rows = Vec::with_capacity(ballots.len());
    for (i, ballot) in ballots.into_iter().enumerate() {
        let Value::Array(cells) = ballot else {
            return Err(ParseError::new(
                file,
                1,
                format!("ballot {} to be an array of numbers", i + 1),
                "something else",
            ));
        };
        if cells.len() > MAX_CANDIDATES {
            return Err(ParseError::new(file, 1, "at most 16384 choices", cells.len().to_string()));
        }
        let mut row = Vec::with_capacity(cells.len());
        for cell in cells {
            row.push(cell.as_u64().filter(|&v| v <= MAX_CANDIDATES as u64).ok_or_else(|| {
                ParseError::new(
                    file,
                    1,
                    format!("ballot {}: ranks as whole numbers up to 16384", i + 1),
                    cell.to_string(),
                )
            })?);
        }
        rows.push(row);
    }
    Ok((rows, names))
}

fn width(rows: &[Vec<u64>], names: &Option<Vec<String>>) -> usize {
    names.as_ref().map(Vec::len).unwrap_or(0).max(rows.iter().map(Vec::len).max().unwrap_or(0))
}

fn candidates(n: usize, names: Option<Vec<String>>) -> Vec<Candidate> {
    let names = names.unwrap_or_default();
    (0..n).map(|i| Candidate::new(names.get(i).cloned().unwrap_or_else(|| format!("Choice {}", i + 1)))).collect()
}

/// Reads ballots as rankings: equal numbers are equal ranks, 0 is unranked.
pub fn parse_belenios(file: &str, text: &str) -> Result<Election, ParseError> {
    let (rows, names) = split(file, text)?;
    let n = width(&rows, &names);
    Ok(rankings_from_rows(&rows, candidates(n, names)))
}

/// Rankings from rows of ranks (1 best; equal numbers are equal ranks; 0 unranked), one ballot of weight 1 per row:
/// what a Belenios non-homomorphic question decrypts to.
pub fn rankings_from_rows<R: AsRef<[u64]>>(rows: &[R], candidates: Vec<Candidate>) -> Election {
    let mut aggregator = Aggregator::default();
    let mut prefs = Vec::new();
    let mut order: Vec<(u64, usize)> = Vec::new();
    for row in rows {
        order.clear();
        order.extend(row.as_ref().iter().enumerate().filter(|(_, r)| **r > 0).map(|(c, &r)| (r, c)));
        order.sort_unstable();
        prefs.clear();
        for (k, &(rank, c)) in order.iter().enumerate() {
            let tied_with_next = order.get(k + 1).is_some_and(|&(next, _)| next == rank);
            prefs.push(c as u16 | if tied_with_next { TIED } else { 0 });
        }
        let _ = aggregator.add(&prefs, 1);
    }
    let mut election = Election::new(candidates, 1);
    election.ballots = aggregator.finish();
    election
}

/// Reads ballots as grades (1 best … G worst, 0 blank) for score and majority judgment; `grades` = G, or the
/// largest grade seen.
pub fn parse_belenios_grades(file: &str, text: &str, grades: Option<u16>) -> Result<Graded, ParseError> {
    let (rows, names) = split(file, text)?;
    let n = width(&rows, &names);
    let seen = rows.iter().flatten().copied().max().unwrap_or(1).max(1);
    let g = grades.map(u64::from).unwrap_or(seen).max(seen);
    let g = u16::try_from(g).map_err(|_| ParseError::new(file, 1, "at most 65535 grades", g.to_string()))?;
    let names = candidates(n, names).into_iter().map(|c| c.name).collect();
    Ok(grades_from_rows(&rows, names, g))
}

/// Grades from rows (1 best … `grades` worst, 0 blank; a number above `grades` counts as the worst), one ballot of
/// weight 1 per row.
pub fn grades_from_rows<R: AsRef<[u64]>>(rows: &[R], candidates: Vec<String>, grades: u16) -> Graded {
    let n = candidates.len();
    let worst = grades.saturating_sub(1);
    let mut ballots = Vec::with_capacity(rows.len());
    for row in rows {
        let mut grades_row = vec![None; n];
        for (c, &grade) in row.as_ref().iter().enumerate().take(n) {
            if grade > 0 {
                grades_row[c] = Some(u16::try_from(grade - 1).unwrap_or(worst).min(worst));
            }
        }
        ballots.push((grades_row, 1));
    }
    Graded { candidates, grades, ballots }
}
