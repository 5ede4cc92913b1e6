//! The validated vocabulary of councils: kinds, roles, member ids, languages, names.
//!
//! Raw text becomes one of these types once, at the edge; everything past the edge can rely on it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Invalid;

/// The languages kenes speaks, in the order it offers them.
pub const LANGUAGES: &[&str] = &["en", "ru", "kk", "es", "pt", "ko", "nb"];

/// Longest council name, in characters.
pub const MAX_COUNCIL_NAME: usize = 120;
/// Longest display name, in characters.
pub const MAX_DISPLAY_NAME: usize = 100;
/// Longest council description, in characters.
pub const MAX_DESCRIPTION: usize = 4000;

/// What kind of body a council is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CouncilKind {
    Workplace,
    Neighbourhood,
    Union,
    Cooperative,
    Federation,
    Assembly,
}

impl CouncilKind {
    pub const ALL: [CouncilKind; 6] = [
        CouncilKind::Workplace,
        CouncilKind::Neighbourhood,
        CouncilKind::Union,
        CouncilKind::Cooperative,
        CouncilKind::Federation,
        CouncilKind::Assembly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CouncilKind::Workplace => "workplace",
            CouncilKind::Neighbourhood => "neighbourhood",
            CouncilKind::Union => "union",
            CouncilKind::Cooperative => "cooperative",
            CouncilKind::Federation => "federation",
            CouncilKind::Assembly => "assembly",
        }
    }
}

impl FromStr for CouncilKind {
    type Err = Invalid;
    fn from_str(text: &str) -> Result<Self, Invalid> {
        CouncilKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim().to_lowercase())
            .ok_or_else(|| Invalid::CouncilKind(text.chars().take(40).collect()))
    }
}

/// A council's colour: one of a palette the app draws with enough contrast in light and dark schemes alike, so a
/// record never carries a colour some screen cannot show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    Red,
    Orange,
    Amber,
    Green,
    Teal,
    Blue,
    Indigo,
    Purple,
    Pink,
    Grey,
}

impl Colour {
    pub const ALL: [Colour; 10] = [
        Colour::Red,
        Colour::Orange,
        Colour::Amber,
        Colour::Green,
        Colour::Teal,
        Colour::Blue,
        Colour::Indigo,
        Colour::Purple,
        Colour::Pink,
        Colour::Grey,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Orange => "orange",
            Colour::Amber => "amber",
            Colour::Green => "green",
            Colour::Teal => "teal",
            Colour::Blue => "blue",
            Colour::Indigo => "indigo",
            Colour::Purple => "purple",
            Colour::Pink => "pink",
            Colour::Grey => "grey",
        }
    }
}

impl FromStr for Colour {
    type Err = Invalid;
    fn from_str(text: &str) -> Result<Self, Invalid> {
        Colour::ALL
            .into_iter()
            .find(|colour| colour.as_str() == text.trim().to_lowercase())
            .ok_or_else(|| Invalid::Colour(text.chars().take(40).collect()))
    }
}

/// A member's role in a council.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Chair,
    Secretary,
    Observer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Member, Role::Chair, Role::Secretary, Role::Observer];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Chair => "chair",
            Role::Secretary => "secretary",
            Role::Observer => "observer",
        }
    }

    /// Chairs and secretaries manage the membership.
    pub fn manages_members(self) -> bool {
        matches!(self, Role::Chair | Role::Secretary)
    }
}

impl FromStr for Role {
    type Err = Invalid;
    fn from_str(text: &str) -> Result<Self, Invalid> {
        let wanted = text.trim().to_lowercase();
        if wanted.is_empty() {
            return Ok(Role::Member);
        }
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == wanted)
            .ok_or_else(|| Invalid::Role(text.chars().take(40).collect()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A member of a council, numbered from 1 in the order they joined. Numbers are never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub u32);

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Checks and normalises a name: trimmed, no control characters, 1..=max characters.
pub(crate) fn clean_name(text: &str, max: usize, what: &'static str) -> Result<String, Invalid> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Invalid::Empty(what));
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(Invalid::TooLong { what, length, max });
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Invalid::ControlCharacter(what));
    }
    Ok(trimmed.to_owned())
}

/// A display name: what a council calls a member. It may be a pseudonym. It is all the record says of a person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        clean_name(text, MAX_DISPLAY_NAME, "display name").map(DisplayName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form two names are compared in to find duplicates.
    pub fn folded(&self) -> String {
        self.0.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

impl TryFrom<String> for DisplayName {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        DisplayName::parse(&text)
    }
}

impl From<DisplayName> for String {
    fn from(name: DisplayName) -> String {
        name.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A council's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CouncilName(String);

impl CouncilName {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        clean_name(text, MAX_COUNCIL_NAME, "council name").map(CouncilName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CouncilName {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        CouncilName::parse(&text)
    }
}

impl From<CouncilName> for String {
    fn from(name: CouncilName) -> String {
        name.0
    }
}

/// A council's description: free text, line breaks allowed.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Description(String);

impl Description {
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let trimmed = text.trim();
        let length = trimmed.chars().count();
        if length > MAX_DESCRIPTION {
            return Err(Invalid::TooLong { what: "description", length, max: MAX_DESCRIPTION });
        }
        if trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
            return Err(Invalid::ControlCharacter("description"));
        }
        Ok(Description(trimmed.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Description {
    type Error = Invalid;
    fn try_from(text: String) -> Result<Self, Invalid> {
        Description::parse(&text)
    }
}

impl From<Description> for String {
    fn from(description: Description) -> String {
        description.0
    }
}

/// The languages a council works in: a non-empty list of codes from `LANGUAGES`, without repeats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct Languages(Vec<String>);

impl Languages {
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<Self, Invalid> {
        let mut out: Vec<String> = Vec::new();
        for code in codes {
            let code = code.as_ref().trim().to_lowercase();
            if !LANGUAGES.contains(&code.as_str()) {
                return Err(Invalid::Language(code.chars().take(20).collect()));
            }
            if !out.contains(&code) {
                out.push(code);
            }
        }
        if out.is_empty() {
            return Err(Invalid::Empty("languages"));
        }
        Ok(Languages(out))
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

impl TryFrom<Vec<String>> for Languages {
    type Error = Invalid;
    fn try_from(codes: Vec<String>) -> Result<Self, Invalid> {
        Languages::parse(&codes)
    }
}

impl From<Languages> for Vec<String> {
    fn from(languages: Languages) -> Vec<String> {
        languages.0
    }
}
