//! The BLT ballot format (ERS / OpenSTV / Droop), with its common extensions.
//!
//! ```text
//! 4 2                 candidates, seats
//! -3                  optional: withdrawn candidates, negated
//! [nick a b c d]      optional extensions: [nick …], [withdrawn …], [tie …] (statutory tie order)
//! (b17) 1 1 2=4 - 3 0 optional ballot id, weight, ranks ('=' equal ranks, '-' a skipped rank), 0
//! 0                   end of ballots
//! "Alice"             one name per candidate, quoted; "" inside quotes is a quote
//! "Title"             title (quoted or not); extensions may also follow here
//! ```
//! Ranks may name candidates by number or by nick.
//!
//! [`BltReader`] takes the file in pieces of any size (`kenes count` hands it 1 MiB at a time), so a large
//! file is never held whole. Ballot lines written the usual way (single spaces, short ballots, at most 31
//! candidates) are read a rank at a time straight into packed keys by `packed_ballot`; other plain lines by
//! `fast_ballot`; anything else, and every error message, by the general line reader.

use crate::ballot::{Aggregator, Candidate, Election, MAX_CANDIDATES, PACKED_RANKS, SKIP, TIED};
use crate::error::ParseError;

/// The most entries one ballot line may have (far above any real ballot).
const MAX_RANKS: usize = 4 * MAX_CANDIDATES;

/// Reads a BLT file. `file` names it in errors.
pub fn parse_blt(file: &str, text: &str) -> Result<Election, ParseError> {
    parse_blt_bytes(file, text.as_bytes())
}

/// Reads a BLT file from its bytes, checking that they are UTF-8 where text matters (ballot lines of plain
/// numbers are ASCII by construction).
pub fn parse_blt_bytes(file: &str, bytes: &[u8]) -> Result<Election, ParseError> {
    let mut reader = BltReader::new(file, bytes.len());
    reader.feed(bytes)?;
    reader.finish()
}

/// Reads a BLT file handed over in pieces of any size, so that a large file need not be held whole: ballots
/// are aggregated as their lines arrive, and only an unfinished line and the text after the ballots are kept.
/// Feeding the whole file at once is the same as [`parse_blt_bytes`].
pub struct BltReader {
    file: String,
    /// The file's size in bytes when known (0 otherwise), to size the aggregator once.
    size: usize,
    /// The number of the last line read.
    line: usize,
    /// The start of a line whose end has not arrived yet.
    partial: Vec<u8>,
    /// Everything after the header line, once it has been read.
    body: Option<Body>,
    /// The text after the line "0" that ends the ballots: names, title, extensions.
    tail: Vec<u8>,
}

/// What a BLT reader knows once it has read the header.
struct Body {
    candidates: usize,
    election: Election,
    nicks: Vec<Option<String>>,
    withdrawn_names: Vec<(usize, String)>,
    tie_names: Option<(usize, Vec<String>)>,
    aggregator: Aggregator,
    prefs: Vec<u16>,
    /// Ballots waiting for the aggregator, with the lines they came from (for errors).
    batch: Vec<(u64, u64)>,
    batch_lines: Vec<usize>,
    /// The line "0" has been read.
    ended: bool,
    /// The number of the first line after it.
    tail_line: usize,
}

impl std::fmt::Debug for BltReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BltReader").field("file", &self.file).field("line", &self.line).finish_non_exhaustive()
    }
}

impl BltReader {
    /// A reader for the file `file` (named in errors) of `size` bytes (0 when unknown).
    pub fn new(file: &str, size: usize) -> BltReader {
        BltReader { file: file.to_owned(), size, line: 0, partial: Vec::new(), body: None, tail: Vec::new() }
    }

    fn ended(&self) -> bool {
        self.body.as_ref().is_some_and(|body| body.ended)
    }

    /// Reads the next piece of the file.
    pub fn feed(&mut self, mut bytes: &[u8]) -> Result<(), ParseError> {
        if !self.partial.is_empty() && !self.ended() {
            // Finish the line the last piece left unfinished.
            let Some(end) = bytes.iter().position(|&b| b == b'\n') else {
                self.partial.extend_from_slice(bytes);
                return Ok(());
            };
            let mut line = std::mem::take(&mut self.partial);
            line.extend_from_slice(&bytes[..=end]);
            bytes = &bytes[end + 1..];
            self.lines(&line)?;
            line.clear();
            self.partial = line;
        }
        if self.ended() {
            self.tail.extend_from_slice(bytes);
            return Ok(());
        }
        let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |end| end + 1);
        self.lines(&bytes[..complete])?;
        if self.ended() {
            self.tail.extend_from_slice(&bytes[complete..]);
        } else {
            self.partial.extend_from_slice(&bytes[complete..]);
        }
        Ok(())
    }

    /// Reads the end of the file: the last line if it has no line ending, then the names.
    pub fn finish(mut self) -> Result<Election, ParseError> {
        let last = std::mem::take(&mut self.partial);
        if self.ended() {
            self.tail.extend_from_slice(&last);
        } else {
            self.lines(&last)?;
        }
        let file = self.file.as_str();
        let err = |line: usize, expected: &str, found: &str| ParseError::new(file, line, expected, found);
        let Some(mut body) = self.body else {
            return Err(err(0, "a header line \"CANDIDATES SEATS\"", "end of file"));
        };
        body.flush(file)?;
        if !body.ended {
            return Err(err(self.line, "the line \"0\" that ends the ballots", "end of file"));
        }
        let Body { candidates, mut election, mut nicks, mut withdrawn_names, mut tie_names, .. } = body;
        let tail = std::str::from_utf8(&self.tail).map_err(|e| {
            let line = body.tail_line + self.tail[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            err(line, "UTF-8 text", "invalid bytes")
        })?;

        // Names, then the title, then optional extensions.
        let mut strings: Vec<(usize, String)> = Vec::new();
        let mut last_line = body.tail_line - 1;
        for (n, raw) in tail.lines().enumerate().map(|(i, l)| (body.tail_line + i, l)) {
            last_line = n;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if l.starts_with('[') && strings.len() >= candidates {
                apply_extension(file, n, l, &mut nicks, &mut withdrawn_names, &mut tie_names)?;
                continue;
            }
            if l.starts_with('"') {
                let mut rest = l;
                while !rest.is_empty() {
                    let (value, after) = read_quoted(rest).ok_or_else(|| err(n, "a closing quote", rest))?;
                    strings.push((n, value));
                    rest = after.trim_start();
                }
            } else {
                strings.push((n, l.to_owned()));
            }
            if strings.len() > candidates + 1 {
                let (line, extra) = &strings[candidates + 1];
                return Err(err(*line, "nothing after the title", extra));
            }
        }
        if strings.len() < candidates {
            return Err(err(last_line, &format!("{candidates} candidate names"), &format!("{}", strings.len())));
        }
        for (i, (_, name)) in strings.iter().take(candidates).enumerate() {
            election.candidates[i].name = normalize_space(name);
            election.candidates[i].nick = nicks[i].clone();
        }
        if let Some((_, title)) = strings.get(candidates) {
            election.title = normalize_space(title);
        }
        for (n, name) in withdrawn_names {
            let index =
                resolve(&name, candidates, &nicks).ok_or_else(|| err(n, "a candidate nick in [withdrawn]", &name))?;
            election.candidates[index].withdrawn = true;
        }
        if let Some((n, names)) = tie_names {
            let mut order = Vec::new();
            for name in names {
                order.push(
                    resolve(&name, candidates, &nicks).ok_or_else(|| err(n, "a candidate nick in [tie]", &name))?,
                );
            }
            election.tie_order = Some(order);
        }
        election.ballots = body.aggregator.finish();
        Ok(election)
    }

    /// Reads whole lines (the last may lack its line ending only at the end of the file) until the line "0";
    /// what follows it goes to the tail.
    fn lines(&mut self, bytes: &[u8]) -> Result<(), ParseError> {
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(body) = &mut self.body else {
                let start = pos;
                let Some(raw) = next_line(bytes, &mut pos) else { break };
                self.line += 1;
                let l = strip_comment(text_line(&self.file, self.line, raw)?).trim();
                if !l.is_empty() {
                    let (candidates, seats) = read_header(&self.file, self.line, l)?;
                    // A guess at the number of ballots from the lines that follow, to size the aggregator once.
                    let expected =
                        expected_ballots(&bytes[pos..], self.size.saturating_sub(start).max(bytes.len() - pos));
                    self.body = Some(Body::new(candidates, seats, expected));
                }
                continue;
            };
            if body.ended {
                break;
            }
            body.ballot_lines(&self.file, bytes, &mut pos, &mut self.line)?;
        }
        if self.ended() {
            self.tail.extend_from_slice(bytes.get(pos..).unwrap_or(&[]));
        }
        Ok(())
    }
}

/// The header line: number of candidates and seats.
fn read_header(file: &str, line: usize, header: &str) -> Result<(usize, usize), ParseError> {
    let err = |expected: &str| ParseError::new(file, line, expected, header);
    let mut fields = header.split_whitespace();
    let candidates: usize = match fields.next().map(str::parse) {
        Some(Ok(n)) if n <= MAX_CANDIDATES => n,
        _ => return Err(err("the number of candidates (at most 16384)")),
    };
    let seats: usize = match fields.next().map(str::parse) {
        Some(Ok(n)) => n,
        _ => return Err(err("the number of seats after the number of candidates")),
    };
    if fields.next().is_some() {
        return Err(err("exactly two numbers on the header line"));
    }
    if seats > candidates {
        return Err(err("no more seats than candidates"));
    }
    Ok((candidates, seats))
}

/// A line as text, or the error naming it.
fn text_line<'t>(file: &str, line: usize, raw: &'t [u8]) -> Result<&'t str, ParseError> {
    std::str::from_utf8(raw).map_err(|_| ParseError::new(file, line, "UTF-8 text", "invalid bytes"))
}

impl Body {
    fn new(candidates: usize, seats: usize, expected_ballots: usize) -> Body {
        Body {
            candidates,
            election: Election::new(
                (1..=candidates).map(|i| Candidate::new(format!("Candidate {i}"))).collect(),
                seats,
            ),
            nicks: vec![None; candidates],
            withdrawn_names: Vec::new(),
            tie_names: None,
            aggregator: Aggregator::with_expected(expected_ballots),
            prefs: Vec::new(),
            batch: Vec::with_capacity(BATCH),
            batch_lines: Vec::with_capacity(BATCH),
            ended: false,
            tail_line: 0,
        }
    }

    /// Hands the batched ballots to the aggregator.
    fn flush(&mut self, file: &str) -> Result<(), ParseError> {
        if let Some(failed) = self.aggregator.add_packed(&self.batch) {
            let line = self.batch_lines.get(failed).copied().unwrap_or(0);
            return Err(ParseError::new(file, line, "at most 10^15 ballots in all", "more"));
        }
        self.batch.clear();
        self.batch_lines.clear();
        Ok(())
    }

    /// Reads ballot lines from byte `pos` until the end of `bytes` or past the line "0"; `line` is the number of
    /// the last line read.
    fn ballot_lines(&mut self, file: &str, bytes: &[u8], pos: &mut usize, line: &mut usize) -> Result<(), ParseError> {
        let candidates = self.candidates;
        let err = |line: usize, expected: &str, found: &str| ParseError::new(file, line, expected, found);
        // Short ballots of small elections are read straight into packed keys and aggregated in batches (see
        // `Aggregator::add_packed`); other plain lines go through `fast_ballot`, the rest through the general
        // reader.
        let packable = candidates <= 31;
        while *pos < bytes.len() {
            *line += 1;
            let n = *line;
            let packed = if packable { packed_ballot(bytes, *pos, candidates as u64) } else { None };
            if let Some((weight, key, next)) = packed {
                *pos = next;
                if weight > 0 {
                    self.batch.push((key, weight));
                    self.batch_lines.push(n);
                    if self.batch.len() == BATCH {
                        self.flush(file)?;
                    }
                }
                continue;
            }
            if let Some((weight, next)) = fast_ballot(bytes, *pos, candidates, &mut self.prefs) {
                *pos = next;
                if weight == 0 {
                    continue;
                }
                self.flush(file)?;
                if !self.aggregator.add(&self.prefs, weight) {
                    return Err(err(n, "at most 10^15 ballots in all", "more"));
                }
                continue;
            }
            self.flush(file)?;
            let Some(raw) = next_line(bytes, pos) else { break };
            let l = strip_comment(text_line(file, n, raw)?).trim();
            if l.is_empty() {
                continue;
            }
            if l.starts_with('[') {
                apply_extension(file, n, l, &mut self.nicks, &mut self.withdrawn_names, &mut self.tie_names)?;
                continue;
            }
            if l.starts_with('-') {
                for token in l.split_whitespace() {
                    let index = token
                        .strip_prefix('-')
                        .and_then(|t| t.parse::<usize>().ok())
                        .filter(|&i| (1..=candidates).contains(&i))
                        .ok_or_else(|| err(n, "a withdrawn candidate number such as -2", token))?;
                    self.election.candidates[index - 1].withdrawn = true;
                }
                continue;
            }
            if l == "0" {
                self.ended = true;
                self.tail_line = n + 1;
                return Ok(());
            }
            self.general_ballot(file, n, l)?;
        }
        Ok(())
    }

    /// A ballot line in full generality: optional "(id)", weight, ranks ('=' equal ranks, '-' skipped, nicks),
    /// terminating 0.
    fn general_ballot(&mut self, file: &str, n: usize, l: &str) -> Result<(), ParseError> {
        let candidates = self.candidates;
        let err = |expected: &str, found: &str| ParseError::new(file, n, expected, found);
        let mut tokens = l.split_whitespace().peekable();
        if tokens.peek().is_some_and(|t| t.starts_with('(')) {
            // Ballot ids may not contain spaces; skip to the closing parenthesis.
            loop {
                match tokens.next() {
                    Some(t) if t.ends_with(')') => break,
                    Some(_) => continue,
                    None => return Err(err("a ballot id closed by ')'", l)),
                }
            }
        }
        let weight_token = tokens.next().ok_or_else(|| err("a ballot weight", l))?;
        let weight: u64 = weight_token.parse().map_err(|_| err("a whole-number ballot weight", weight_token))?;
        let prefs = &mut self.prefs;
        prefs.clear();
        let mut terminated = false;
        for token in tokens {
            if terminated {
                return Err(err("nothing after the terminating 0", token));
            }
            if token == "0" {
                terminated = true;
                continue;
            }
            if token == "-" {
                prefs.push(SKIP);
                continue;
            }
            let group: Vec<&str> = token.split('=').collect();
            for (k, part) in group.iter().enumerate() {
                let index = resolve(part, candidates, &self.nicks)
                    .ok_or_else(|| err(&format!("a candidate number from 1 to {candidates} (or a nick)"), part))?;
                let flag = if k + 1 < group.len() { TIED } else { 0 };
                prefs.push(index as u16 | flag);
            }
            if prefs.len() > MAX_RANKS {
                return Err(err("a ballot of reasonable length", "an over-long ballot"));
            }
        }
        if !terminated {
            return Err(err("a ballot ending with 0", l));
        }
        if weight > 0 && !self.aggregator.add(&self.prefs, weight) {
            return Err(err("at most 10^15 ballots in all", "more"));
        }
        Ok(())
    }
}

/// A guess at the number of ballot lines in `size` bytes from the length of the lines in the first 64 KiB of
/// `bytes` (0 when they are too few to tell); at most one line per four bytes (the shortest ballot line, "1 0", has four), so that sizing by it
/// stays in proportion to the file.
fn expected_ballots(bytes: &[u8], size: usize) -> usize {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    if sample.len() < 1024 {
        // Too little to go by: let the table grow.
        return 0;
    }
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    (size / (sample.len() / lines).max(4)).max(1)
}

/// Ballots aggregated together by [`Aggregator::add_packed`].
const BATCH: usize = 16;

/// Reads the line starting at byte `pos` (without its line ending) and moves `pos` past it, as `str::lines` would.
fn next_line<'t>(bytes: &'t [u8], pos: &mut usize) -> Option<&'t [u8]> {
    let rest = bytes.get(*pos..).filter(|r| !r.is_empty())?;
    let (line, advance) = match rest.iter().position(|&b| b == b'\n') {
        Some(end) => (&rest[..end], end + 1),
        None => (rest, rest.len()),
    };
    *pos += advance;
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

/// Reads the line at byte `start` when it is written the usual way, "WEIGHT C1 … Ck 0" with single spaces,
/// a weight of at most seven digits, at most [`PACKED_RANKS`] ranks and candidates from 1 to `candidates` (at
/// most 31); returns the weight, the ballot packed as `pack_ballot` would, and where the next line starts.
/// `None` sends the line to the slower readers, which give the same ballot or the error message.
///
/// It reads eight bytes at a time and finds where each number ends with bit arithmetic, so a ballot costs a
/// few instructions per rank rather than per byte, and only its last rank costs a mispredicted branch.
fn packed_ballot(bytes: &[u8], start: usize, candidates: u64) -> Option<(u64, u64, usize)> {
    let word = load(bytes, start)?;
    let length = digit_run(word);
    if length == 0 || length > 7 {
        return None;
    }
    let weight = digits_value(word, length);
    // `at` is the position of the byte after a number: a space before the next rank. Ranks have one or two
    // digits, so where the next one starts depends on a single byte (the loop's only dependency chain); that
    // each rank is well-formed is checked beside it: its separator, its first digit, and that the byte after it
    // is the next separator (checked by the next turn, or by the end-of-line check).
    let mut at = start + length as usize;
    let mut key = 0u64;
    let mut shift = 0u32;
    let mut bad = false;
    loop {
        let word = load(bytes, at)?;
        let first = (word >> 8 & 0xFF).wrapping_sub(u64::from(b'0'));
        let second = (word >> 16 & 0xFF).wrapping_sub(u64::from(b'0'));
        let two = u64::from(second < 10);
        bad |= (word & 0xFF != u64::from(b' ')) | (first >= 10);
        let number = first.wrapping_add(two.wrapping_mul(first.wrapping_mul(9).wrapping_add(second)));
        at += 2 + two as usize;
        if number == 0 {
            if two == 1 {
                return None;
            }
            break;
        }
        if shift >= 5 * PACKED_RANKS as u32 {
            return None;
        }
        bad |= number > candidates;
        key |= number << shift;
        shift += 5;
    }
    // The terminating 0 ends the line.
    let end = match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\n'), _) => at + 1,
        (Some(b'\r'), Some(b'\n')) => at + 2,
        (None, _) => at,
        _ => return None,
    };
    if bad { None } else { Some((weight, key, end)) }
}

/// Byte patterns repeated in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
const ASCII_ZEROS: u64 = 0x30 * ONES;
const HIGH_HALVES: u64 = 0xF0 * ONES;
const SIXES: u64 = 0x06 * ONES;
const LOW_SEVEN_BITS: u64 = 0x7F * ONES;
const TOP_BITS: u64 = 0x80 * ONES;

/// The eight bytes at `at` as a little-endian word (the first byte lowest), if the text has them.
fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// How many of the word's first bytes are ASCII digits (0 to 8).
fn digit_run(word: u64) -> u32 {
    // A byte is a digit when its high half is 3 and adding 6 leaves it 3; a carry out of a byte only
    // disturbs bytes after a non-digit, which do not count.
    let high = (word & HIGH_HALVES) ^ ASCII_ZEROS;
    let low = (word.wrapping_add(SIXES) & HIGH_HALVES) ^ ASCII_ZEROS;
    let other = high | low;
    // The top bit of each byte that is not zero, that is of each non-digit.
    let marks = (((other & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | other) & TOP_BITS;
    marks.trailing_zeros() / 8
}

/// The number written by the word's first `length` bytes (1 to 7 digits), eight digits combined in three steps.
fn digits_value(word: u64, length: u32) -> u64 {
    // Move the digits to the top so that the bytes below read as leading zeros; then pairs, fours, eights.
    let value = word.wrapping_sub(ASCII_ZEROS) << (8 * (8 - length));
    let value = (value.wrapping_mul(10) + (value >> 8)) & 0x00FF_00FF_00FF_00FF;
    let value = (value.wrapping_mul(100) + (value >> 16)) & 0x0000_FFFF_0000_FFFF;
    (value.wrapping_mul(10_000) + (value >> 32)) & 0xFFFF_FFFF
}

/// Parses the line at byte `start` when it is "WEIGHT C1 C2 … 0" made only of numbers, spaces and tabs, each
/// candidate in range, nothing after the 0; returns the weight and where the next line starts. `None` sends the
/// line to the general parser (which also produces the error messages). One pass over the bytes, no allocation.
fn fast_ballot(bytes: &[u8], start: usize, candidates: usize, prefs: &mut Vec<u16>) -> Option<(u64, usize)> {
    prefs.clear();
    let mut at = start;
    let mut weight = None;
    let mut terminated = false;
    let mut value: u64 = 0;
    let mut digits = 0usize;
    loop {
        // The end of the file reads as the end of a line.
        let byte = bytes.get(at).copied().unwrap_or(b'\n');
        at += 1;
        let digit = byte.wrapping_sub(b'0');
        if digit < 10 {
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
            digits += 1;
            continue;
        }
        if digits > 0 {
            if digits > 19 || terminated {
                return None;
            }
            if weight.is_none() {
                weight = Some(value);
            } else if value == 0 {
                terminated = true;
            } else if value as usize > candidates || prefs.len() >= MAX_RANKS {
                return None;
            } else {
                prefs.push(value as u16 - 1);
            }
            value = 0;
            digits = 0;
        }
        match byte {
            b' ' | b'\t' => {}
            b'\n' => break,
            b'\r' if bytes.get(at) == Some(&b'\n') => {
                at += 1;
                break;
            }
            _ => return None,
        }
    }
    if terminated { weight.map(|w| (w, at.min(bytes.len()))) } else { None }
}

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(at) if !line.trim_start().starts_with('"') => &line[..at],
        _ => line,
    }
}

fn resolve(token: &str, candidates: usize, nicks: &[Option<String>]) -> Option<usize> {
    if let Ok(number) = token.parse::<usize>() {
        return (1..=candidates).contains(&number).then(|| number - 1);
    }
    nicks.iter().position(|n| n.as_deref() == Some(token))
}

fn apply_extension(
    file: &str,
    line: usize,
    text: &str,
    nicks: &mut [Option<String>],
    withdrawn: &mut Vec<(usize, String)>,
    tie: &mut Option<(usize, Vec<String>)>,
) -> Result<(), ParseError> {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| ParseError::new(file, line, "an extension of the form [name values…]", text))?;
    let mut words = inner.split_whitespace();
    let keyword = words.next().unwrap_or("");
    let values: Vec<String> = words.map(|w| w.trim_matches('"').to_owned()).collect();
    match keyword {
        "nick" => {
            if values.len() != nicks.len() {
                return Err(ParseError::new(file, line, format!("{} nicks", nicks.len()), text));
            }
            for (slot, value) in nicks.iter_mut().zip(values) {
                *slot = Some(value);
            }
        }
        "withdrawn" => withdrawn.extend(values.into_iter().map(|v| (line, v))),
        "tie" => *tie = Some((line, values)),
        // Other Droop extensions ([title], [droop], …) carry nothing a count needs.
        _ => {}
    }
    Ok(())
}

/// Reads one double-quoted string at the start of `text` ("" is a quote); returns it and the rest.
fn read_quoted(text: &str) -> Option<(String, &str)> {
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut value = String::new();
    let mut iter = chars.peekable();
    while let Some((at, c)) = iter.next() {
        if c == '"' {
            if iter.peek().is_some_and(|&(_, next)| next == '"') {
                iter.next();
                value.push('"');
                continue;
            }
            return Some((value, &text[at + 1..]));
        }
        value.push(c);
    }
    None
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes an election as BLT (used to hand ballots to other counters).
pub fn write_blt(election: &Election) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", election.candidates.len(), election.seats);
    let withdrawn: Vec<String> = election
        .candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.withdrawn)
        .map(|(i, _)| format!("-{}", i + 1))
        .collect();
    if !withdrawn.is_empty() {
        let _ = writeln!(out, "{}", withdrawn.join(" "));
    }
    for ballot in &election.ballots {
        let _ = write!(out, "{}", ballot.count);
        let mut separator = " ";
        for &entry in ballot.prefs.iter() {
            out.push_str(separator);
            if entry == SKIP || entry == crate::ballot::OVERVOTE {
                out.push('-');
            } else {
                let _ = write!(out, "{}", usize::from(entry & !TIED) + 1);
            }
            separator = if entry & TIED != 0 && entry != SKIP && entry != crate::ballot::OVERVOTE { "=" } else { " " };
        }
        out.push_str(" 0\n");
    }
    out.push_str("0\n");
    for candidate in &election.candidates {
        let _ = writeln!(out, "\"{}\"", candidate.name.replace('"', "\"\""));
    }
    let _ = writeln!(out, "\"{}\"", election.title.replace('"', "\"\""));
    out
}
