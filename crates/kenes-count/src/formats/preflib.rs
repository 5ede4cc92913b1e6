//! PrefLib files: .soc and .soi (strict orders, complete or incomplete) and .toc and .toi (orders with ties).
//!
//! Both the current format (`# NUMBER ALTERNATIVES: n`, `# ALTERNATIVE NAME i: name`, then `count: 1,{2,3},4`)
//! and the older one (a count of alternatives, `i,name` lines, a `voters,sum,unique` line, then `count,1,{2,3},4`)
//! are read.

use crate::ballot::{Aggregator, Candidate, Election, MAX_CANDIDATES, TIED};
use crate::error::ParseError;

pub fn parse_preflib(file: &str, text: &str) -> Result<Election, ParseError> {
    let mut alternatives: Option<usize> = None;
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut aggregator = Aggregator::default();
    let mut prefs: Vec<u16> = Vec::new();
    let mut title = String::new();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).peekable();
    let new_format = text.trim_start().starts_with('#');
    if !new_format {
        // Old format header.
        let (n, first) =
            lines.next().ok_or_else(|| ParseError::new(file, 1, "the number of alternatives", "end of file"))?;
        let count: usize = first
            .parse()
            .ok()
            .filter(|&c| c <= MAX_CANDIDATES)
            .ok_or_else(|| ParseError::new(file, n, "the number of alternatives", first))?;
        alternatives = Some(count);
        for _ in 0..count {
            let (n, line) =
                lines.next().ok_or_else(|| ParseError::new(file, 0, "an \"index,name\" line", "end of file"))?;
            let (index, name) = line.split_once(',').ok_or_else(|| ParseError::new(file, n, "\"index,name\"", line))?;
            let index: usize =
                index.trim().parse().map_err(|_| ParseError::new(file, n, "an alternative number", index))?;
            names.push((index, name.trim().to_owned()));
        }
        lines.next(); // voters,sum,unique
    }
    for (n, line) in lines {
        if line.is_empty() {
            continue;
        }
        if let Some(meta) = line.strip_prefix('#') {
            let meta = meta.trim();
            if let Some(value) = meta.strip_prefix("NUMBER ALTERNATIVES:") {
                let count: usize = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|&c| c <= MAX_CANDIDATES)
                    .ok_or_else(|| ParseError::new(file, n, "a number of alternatives up to 16384", value))?;
                alternatives = Some(count);
            } else if let Some(rest) = meta.strip_prefix("ALTERNATIVE NAME") {
                let (index, name) = rest
                    .split_once(':')
                    .ok_or_else(|| ParseError::new(file, n, "\"ALTERNATIVE NAME i: name\"", line))?;
                let index: usize =
                    index.trim().parse().map_err(|_| ParseError::new(file, n, "an alternative number", index))?;
                names.push((index, name.trim().to_owned()));
            } else if let Some(value) = meta.strip_prefix("TITLE:") {
                title = value.trim().to_owned();
            }
            continue;
        }
        let count_of = alternatives
            .ok_or_else(|| ParseError::new(file, n, "\"# NUMBER ALTERNATIVES:\" before the orders", line))?;
        let (count, order) = if new_format {
            line.split_once(':').ok_or_else(|| ParseError::new(file, n, "\"count: order\"", line))?
        } else {
            line.split_once(',').ok_or_else(|| ParseError::new(file, n, "\"count,order\"", line))?
        };
        let count: u64 = count.trim().parse().map_err(|_| ParseError::new(file, n, "a whole-number count", count))?;
        prefs.clear();
        let mut group: Option<Vec<u16>> = None;
        for token in order.split(',') {
            let mut token = token.trim();
            if token.is_empty() {
                continue;
            }
            let opens = token.starts_with('{');
            if opens {
                if group.is_some() {
                    return Err(ParseError::new(file, n, "a '}' before the next '{'", token));
                }
                group = Some(Vec::new());
                token = token[1..].trim();
            }
            let closes = token.ends_with('}');
            if closes {
                token = token[..token.len() - 1].trim();
            }
            if token.is_empty() && (opens && closes) {
                group = None;
                continue;
            }
            let index: usize = token.parse().ok().filter(|&i| (1..=count_of).contains(&i)).ok_or_else(|| {
                ParseError::new(file, n, format!("an alternative number from 1 to {count_of}"), token)
            })?;
            let entry = (index - 1) as u16;
            match group.as_mut() {
                Some(members) => members.push(entry),
                None => prefs.push(entry),
            }
            if closes {
                let members = group.take().ok_or_else(|| ParseError::new(file, n, "a '{' before '}'", token))?;
                let last = members.len().saturating_sub(1);
                prefs.extend(members.iter().enumerate().map(|(k, &m)| if k < last { m | TIED } else { m }));
            }
            if prefs.len() > 4 * MAX_CANDIDATES {
                return Err(ParseError::new(file, n, "an order of reasonable length", "an over-long order"));
            }
        }
        if group.is_some() {
            return Err(ParseError::new(file, n, "a closing '}'", line));
        }
        if !aggregator.add(&prefs, count) {
            return Err(ParseError::new(file, n, "at most 10^15 ballots in all", "more"));
        }
    }
    let count = alternatives.ok_or_else(|| ParseError::new(file, 1, "\"# NUMBER ALTERNATIVES:\"", "none"))?;
    let mut candidates: Vec<Candidate> = (1..=count).map(|i| Candidate::new(format!("Alternative {i}"))).collect();
    for (index, name) in names {
        if let Some(candidate) = index.checked_sub(1).and_then(|i| candidates.get_mut(i)) {
            candidate.name = name;
        }
    }
    let mut election = Election::new(candidates, 1);
    election.title = title;
    election.ballots = aggregator.finish();
    Ok(election)
}
