//! The validated vocabulary of meetings: titles, motion texts, rules, speech kinds, vote modes and choices.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Invalid;
use crate::model::clean_name;

/// Longest title of an assembly, agenda item, motion or question, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest motion, amendment or minutes text, in characters.
pub const MAX_TEXT: usize = 20_000;
/// Longest speaking time the rules may set, in seconds.
pub const MAX_SPEAKING_SECONDS: u32 = 3600;
/// Most seconders the rules may require.
pub const MAX_SECONDERS: u8 = 20;

/// A one-line title.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Title(String);

impl Title {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        clean_name(text, MAX_TITLE, "title").map(Title)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Title {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        Title::parse(&text)
    }
}

impl From<Title> for String {
    fn from(title: Title) -> String {
        title.0
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text in lines: a motion, an amendment's replacement lines, a note in the minutes. Lines end with `\n` only,
/// trailing spaces on each line and blank lines at either end are removed, so line numbers mean one thing.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LongText(String);

impl LongText {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
        let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
        let clean = lines[first..last.max(first)].join("\n");
        let length = clean.chars().count();
        if length > MAX_TEXT {
            return Err(Invalid::TooLong { what: "text", length, max: MAX_TEXT });
        }
        if clean.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(Invalid::ControlCharacter("text"));
        }
        Ok(LongText(clean))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The lines, numbered from 1 by their position.
    pub fn lines(&self) -> Vec<&str> {
        if self.0.is_empty() { Vec::new() } else { self.0.split('\n').collect() }
    }
}

impl TryFrom<String> for LongText {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        let parsed = LongText::parse(&text)?;
        // In a record the text must already be in its clean form, so that one text has one encoding.
        if parsed.0 != text {
            return Err(Invalid::NotCanonical("text"));
        }
        Ok(parsed)
    }
}

impl From<LongText> for String {
    fn from(text: LongText) -> String {
        text.0
    }
}

/// How a meeting works, fixed when it is convened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The share of voting members (all active members but observers), in percent, who must be present for a vote
    /// to open. 0 means no quorum.
    pub quorum_percent: u8,
    /// Supporters a motion or an amendment needs besides its mover before the chair may admit it.
    pub seconders: u8,
    /// Speakers for and against alternate when both are waiting.
    pub alternate: bool,
    /// Speaking time per speech in seconds (0: no limit). The clock is shown; the chair ends speeches.
    pub speaking_seconds: u32,
}

impl Rules {
    pub fn check(&self) -> Result<(), Invalid> {
        if self.quorum_percent > 100 {
            return Err(Invalid::OutOfRange { what: "quorum", value: u64::from(self.quorum_percent), max: 100 });
        }
        if self.seconders > MAX_SECONDERS {
            return Err(Invalid::OutOfRange {
                what: "seconders",
                value: u64::from(self.seconders),
                max: u64::from(MAX_SECONDERS),
            });
        }
        if self.speaking_seconds > MAX_SPEAKING_SECONDS {
            return Err(Invalid::OutOfRange {
                what: "speaking time",
                value: u64::from(self.speaking_seconds),
                max: u64::from(MAX_SPEAKING_SECONDS),
            });
        }
        Ok(())
    }

    /// Members who must be present out of `voting_members`: the percentage, rounded up.
    pub fn quorum_of(&self, voting_members: usize) -> usize {
        (voting_members * usize::from(self.quorum_percent)).div_ceil(100)
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 180 }
    }
}

/// What a member asks the floor for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechKind {
    /// An ordinary speech, taking no side.
    Speech,
    /// A speech for the motion under debate.
    For,
    /// A speech against it.
    Against,
    /// A point of order: heard before every ordinary speech.
    PointOfOrder,
}

impl SpeechKind {
    pub const ALL: [SpeechKind; 4] =
        [SpeechKind::Speech, SpeechKind::For, SpeechKind::Against, SpeechKind::PointOfOrder];

    pub fn as_str(self) -> &'static str {
        match self {
            SpeechKind::Speech => "speech",
            SpeechKind::For => "for",
            SpeechKind::Against => "against",
            SpeechKind::PointOfOrder => "point_of_order",
        }
    }

    pub fn parse(text: &str) -> Option<SpeechKind> {
        SpeechKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// How a vote in the meeting is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// By show of hands, each member's vote recorded by name.
    RollCall,
    /// Counted by tellers, who enter the totals; no names.
    Tellers,
}

/// How a vote among several options is counted, by `kenes-count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceMethod {
    /// One mark each; the most marks wins (block voting with several seats).
    Plurality,
    /// Instant-runoff on ranked ballots.
    Irv,
    /// Single transferable vote (Scottish rules) on ranked ballots, for several seats.
    Stv,
    /// Schulze's Condorcet method on ranked ballots.
    Schulze,
}

impl ChoiceMethod {
    pub const ALL: [ChoiceMethod; 4] =
        [ChoiceMethod::Plurality, ChoiceMethod::Irv, ChoiceMethod::Stv, ChoiceMethod::Schulze];

    pub fn as_str(self) -> &'static str {
        match self {
            ChoiceMethod::Plurality => "plurality",
            ChoiceMethod::Irv => "irv",
            ChoiceMethod::Stv => "stv",
            ChoiceMethod::Schulze => "schulze",
        }
    }

    pub fn parse(text: &str) -> Option<ChoiceMethod> {
        ChoiceMethod::ALL.into_iter().find(|method| method.as_str() == text)
    }

    /// Whether a ballot ranks the options (else it marks at most `seats` of them).
    pub fn ranked(self) -> bool {
        self != ChoiceMethod::Plurality
    }
}

/// Most options one vote may offer.
pub const MAX_OPTIONS: usize = 30;

/// The options of a vote that chooses among several (candidates, alternatives), and how it is counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choices {
    pub options: Vec<Title>,
    pub method: ChoiceMethod,
    /// How many options win (seats); 1 except for STV and block plurality.
    pub seats: u8,
}

impl Choices {
    pub fn check(&self) -> Result<(), Invalid> {
        let n = self.options.len();
        if !(2..=MAX_OPTIONS).contains(&n) {
            return Err(Invalid::Count { what: "options", min: 2, max: MAX_OPTIONS, got: n });
        }
        for (i, option) in self.options.iter().enumerate() {
            if self.options[..i].contains(option) {
                return Err(Invalid::Duplicate { what: "option", value: option.to_string() });
            }
        }
        let seats = usize::from(self.seats);
        let multi = matches!(self.method, ChoiceMethod::Stv | ChoiceMethod::Plurality);
        if seats == 0 || seats >= n || (!multi && seats != 1) {
            return Err(Invalid::Count { what: "seats", min: 1, max: if multi { n - 1 } else { 1 }, got: seats });
        }
        Ok(())
    }

    /// Checks one member's ballot: option indices, most preferred first, each at most once; empty abstains.
    pub fn check_ballot(&self, ranking: &[u8]) -> Result<(), Invalid> {
        let most = if self.method.ranked() { self.options.len() } else { usize::from(self.seats) };
        if ranking.len() > most {
            return Err(Invalid::Count { what: "marks", min: 0, max: most, got: ranking.len() });
        }
        for (i, &option) in ranking.iter().enumerate() {
            if usize::from(option) >= self.options.len() {
                return Err(Invalid::Count {
                    what: "option number",
                    min: 1,
                    max: self.options.len(),
                    got: usize::from(option) + 1,
                });
            }
            if ranking[..i].contains(&option) {
                return Err(Invalid::Duplicate {
                    what: "option",
                    value: self.options[usize::from(option)].to_string(),
                });
            }
        }
        Ok(())
    }
}

/// What is put to the vote. Secret ballots are elections, another kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteSubject {
    Motion(u32),
    Amendment(u32),
    /// A question of procedure or any other yes/no question, with no motion behind it.
    Question,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteChoice {
    Yes,
    No,
    Abstain,
}

impl VoteChoice {
    pub const ALL: [VoteChoice; 3] = [VoteChoice::Yes, VoteChoice::No, VoteChoice::Abstain];

    pub fn as_str(self) -> &'static str {
        match self {
            VoteChoice::Yes => "yes",
            VoteChoice::No => "no",
            VoteChoice::Abstain => "abstain",
        }
    }

    pub fn parse(text: &str) -> Option<VoteChoice> {
        VoteChoice::ALL.into_iter().find(|choice| choice.as_str() == text)
    }
}
