//! Announcing an election: the set-up form read into a [`NewElection`] (each field checked, an error naming the
//! field), checked against the council (trustees and the authority active members), announced in the record, and
//! its set-up stored.

use rand::rngs::OsRng;
use serde::Deserialize;

use kenes_council::assembly::model::Title;
use kenes_council::election::{Announced, ElectionEvent};
use kenes_council::{CouncilEvent, MemberId, Role};
use std::collections::BTreeMap;

use kenes_count::method::{Method, MethodName, StvRulesName};
use kenes_crypto::election::QuestionJson;
use kenes_record::EventHash;

use crate::AppState;
use crate::error::WebError;

use super::*;

#[derive(Debug, Default, Deserialize)]
pub struct NewElectionForm {
    #[serde(default)]
    pub(crate) csrf: String,
    #[serde(default)]
    pub(crate) once: String,
    /// "1" for hall mode (see `Setup::hall`).
    #[serde(default)]
    hall: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    q1: String,
    #[serde(default)]
    q1_answers: String,
    #[serde(default)]
    q1_min: String,
    #[serde(default)]
    q1_max: String,
    #[serde(default)]
    q1_blank: String,
    /// Empty to mark answers; a counting method (`irv`, `stv`, `schulze`, `borda`) for a ranked question.
    #[serde(default)]
    q1_kind: String,
    #[serde(default)]
    q1_seats: String,
    /// STV's rules: empty for the Scottish rules, `wigm`, `ers97` or `meek`.
    #[serde(default)]
    q1_rules: String,
    /// Majority judgment's grades, one per line, best first.
    #[serde(default)]
    q1_grades: String,
    #[serde(default)]
    q2: String,
    #[serde(default)]
    q2_answers: String,
    #[serde(default)]
    q2_min: String,
    #[serde(default)]
    q2_max: String,
    #[serde(default)]
    q2_blank: String,
    /// Empty to mark answers; a counting method (`irv`, `stv`, `schulze`, `borda`) for a ranked question.
    #[serde(default)]
    q2_kind: String,
    #[serde(default)]
    q2_seats: String,
    /// STV's rules: empty for the Scottish rules, `wigm`, `ers97` or `meek`.
    #[serde(default)]
    q2_rules: String,
    /// Majority judgment's grades, one per line, best first.
    #[serde(default)]
    q2_grades: String,
    #[serde(default)]
    q3: String,
    #[serde(default)]
    q3_answers: String,
    #[serde(default)]
    q3_min: String,
    #[serde(default)]
    q3_max: String,
    #[serde(default)]
    q3_blank: String,
    /// Empty to mark answers; a counting method (`irv`, `stv`, `schulze`, `borda`) for a ranked question.
    #[serde(default)]
    q3_kind: String,
    #[serde(default)]
    q3_seats: String,
    /// STV's rules: empty for the Scottish rules, `wigm`, `ers97` or `meek`.
    #[serde(default)]
    q3_rules: String,
    /// Majority judgment's grades, one per line, best first.
    #[serde(default)]
    q3_grades: String,
    #[serde(default)]
    trustee: Vec<String>,
    #[serde(default)]
    threshold: String,
    /// The group the election is held in, one of `GROUPS`; empty for Ed25519.
    #[serde(default)]
    group: String,
    /// An open assembly whose checked-in members are the voters; empty for all the council's voting members.
    #[serde(default)]
    assembly: String,
    /// The member who holds the credential authority's role; empty for the server.
    #[serde(default)]
    authority: String,
    /// An imported roll, one voter per line: `label` or `label,weight`.
    #[serde(default)]
    roll: String,
}

/// The most voters an imported roll may hold, and the largest weight.
pub(crate) const MAX_ROLL: usize = 100_000;
pub(crate) const MAX_WEIGHT: u64 = 1_000_000;

/// An imported roll: one voter per line, `label` or `label,weight`; a bad line is refused with its number.
pub(crate) fn roll_from(text: &str) -> Result<Vec<(String, u64)>, WebError> {
    let bad = |line: usize| WebError::BadInputWith("el-error-roll".to_owned(), vec![("line", line.to_string())]);
    let mut roll = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (label, weight) = match line.rsplit_once(',') {
            Some((label, weight)) => (label.trim(), weight.trim().parse::<u64>().map_err(|_| bad(index + 1))?),
            None => (line, 1),
        };
        if label.is_empty()
            || label.chars().count() > 200
            || label.chars().any(char::is_control)
            || weight == 0
            || weight > MAX_WEIGHT
        {
            return Err(bad(index + 1));
        }
        roll.push((label.to_owned(), weight));
    }
    if roll.len() > MAX_ROLL {
        return Err(bad(MAX_ROLL + 1));
    }
    // The result is a discrete logarithm found by search: the total weight bounds how long that takes.
    let total: u64 = roll.iter().map(|(_, weight)| weight).sum();
    if total > kenes_crypto::election::MAX_TOTAL_WEIGHT {
        return Err(WebError::BadInputWith(
            "el-error-total-weight".to_owned(),
            vec![("total", total.to_string()), ("max", kenes_crypto::election::MAX_TOTAL_WEIGHT.to_string())],
        ));
    }
    Ok(roll)
}

pub(crate) fn small_number(text: &str, name: &str, default: u32) -> Result<u32, WebError> {
    let text = text.trim();
    if text.is_empty() { Ok(default) } else { text.parse().map_err(|_| field(name)) }
}

/// The most answers a ranked question may have: what one Ed25519 element holds (RFC-3526-2048 holds more), so a
/// ranked question keeps its shape when elections move to Ed25519.
pub(crate) const MAX_RANKED_ANSWERS: usize = 30;

/// The questions of the form, checked as Belenios checks them (at least one answer, `min ≤ max ≤ answers`); a
/// ranked question (a counting method chosen) has 2 to [`MAX_RANKED_ANSWERS`] answers and, for STV, fewer seats
/// than answers. Returns the questions and the ranked ones' methods by index.
pub(crate) fn questions_from(form: &NewElectionForm) -> Result<(Vec<QuestionJson>, BTreeMap<usize, Method>), WebError> {
    let blocks = [
        (&form.q1, &form.q1_answers, &form.q1_min, &form.q1_max, &form.q1_blank),
        (&form.q2, &form.q2_answers, &form.q2_min, &form.q2_max, &form.q2_blank),
        (&form.q3, &form.q3_answers, &form.q3_min, &form.q3_max, &form.q3_blank),
    ];
    let rankings = [
        Ranking { kind: &form.q1_kind, seats: &form.q1_seats, rules: &form.q1_rules, grades: &form.q1_grades },
        Ranking { kind: &form.q2_kind, seats: &form.q2_seats, rules: &form.q2_rules, grades: &form.q2_grades },
        Ranking { kind: &form.q3_kind, seats: &form.q3_seats, rules: &form.q3_rules, grades: &form.q3_grades },
    ];
    let mut questions = Vec::new();
    let mut ranked = BTreeMap::new();
    for (index, ((question, answers, min, max, blank), ranking)) in blocks.into_iter().zip(rankings).enumerate() {
        let name = |part: &str| format!("q{}{part}", index + 1);
        if question.trim().is_empty() {
            continue;
        }
        let answers: Vec<String> =
            answers.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        if answers.is_empty() || answers.len() > 50 || question.chars().count() > 500 {
            return Err(field(&name("_answers")));
        }
        if let Some(method) = ranked_method(&ranking, answers.len(), &name)? {
            ranked.insert(questions.len(), method);
            questions.push(QuestionJson { answers, blank: None, min: 1, max: 1, question: question.trim().to_owned() });
            continue;
        }
        let min = small_number(min, &name("_min"), 1)?;
        let max = small_number(max, &name("_max"), 1)?;
        if min > max || max == 0 || max as usize > answers.len() {
            return Err(field(&name("_max")));
        }
        let blank = (blank == "1").then_some(true);
        questions.push(QuestionJson { answers, blank, min, max, question: question.trim().to_owned() });
    }
    if questions.is_empty() {
        return Err(field("q1"));
    }
    Ok((questions, ranked))
}

/// How a question of the form is answered: its fields `kind`, `seats` and `rules`.
struct Ranking<'a> {
    kind: &'a str,
    seats: &'a str,
    rules: &'a str,
    grades: &'a str,
}

/// The most grades a majority judgment may have.
pub(crate) const MAX_GRADES: usize = 10;

/// The counting method of a ranked question from the form's `kind`, `seats` and `rules`, or `None` to mark answers.
fn ranked_method(
    ranking: &Ranking<'_>,
    answers: usize,
    name: &dyn Fn(&str) -> String,
) -> Result<Option<Method>, WebError> {
    let method = match ranking.kind.trim() {
        "" => return Ok(None),
        "irv" => MethodName::Irv,
        "stv" => MethodName::Stv,
        "schulze" => MethodName::Schulze,
        "borda" => MethodName::Borda,
        "mj" => MethodName::MajorityJudgment,
        _ => return Err(field(&name("_kind"))),
    };
    if !(2..=MAX_RANKED_ANSWERS).contains(&answers) {
        return Err(field(&name("_answers")));
    }
    let seats = match method {
        MethodName::Stv => {
            let seats = small_number(ranking.seats, &name("_seats"), 1)? as usize;
            if seats == 0 || seats >= answers {
                return Err(field(&name("_seats")));
            }
            Some(seats)
        }
        _ => None,
    };
    let rules = match (method, ranking.rules.trim()) {
        (_, "") => None,
        (MethodName::Stv, "wigm") => Some(StvRulesName::Wigm),
        (MethodName::Stv, "ers97") => Some(StvRulesName::Ers97),
        (MethodName::Stv, "meek") => Some(StvRulesName::Meek),
        (MethodName::Stv, "scottish") => Some(StvRulesName::Scottish),
        _ => return Err(field(&name("_rules"))),
    };
    let grades = match method {
        MethodName::MajorityJudgment => {
            let grades: Vec<String> = ranking
                .grades
                .lines()
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(|g| g.chars().take(100).collect())
                .collect();
            if !(2..=MAX_GRADES).contains(&grades.len()) {
                return Err(field(&name("_grades")));
            }
            Some(grades)
        }
        _ => None,
    };
    Ok(Some(Method { method, blank: false, seats, grades, rules }))
}

/// An election as the set-up form describes it, each field read and checked on its own.
#[derive(Debug)]
pub struct NewElection {
    pub title: Title,
    pub description: String,
    pub questions: Vec<QuestionJson>,
    /// The ranked questions' counting methods, by index in `questions`.
    pub ranked: BTreeMap<usize, Method>,
    /// Distinct member numbers, at most 20.
    pub trustees: Vec<u32>,
    /// `None`: every trustee's share is needed.
    pub threshold: Option<usize>,
    /// One of `GROUPS`.
    pub group: &'static str,
    pub assembly: Option<u32>,
    pub authority: Option<u32>,
    pub roll: Vec<(String, u64)>,
    pub hall: bool,
}

/// The most trustees one election may have.
pub(crate) const MAX_TRUSTEES: usize = 20;

impl NewElection {
    pub fn from_form(form: &NewElectionForm) -> Result<Self, WebError> {
        let title = Title::parse(&form.title)?;
        let (questions, ranked) = questions_from(form)?;
        let trustees: Vec<u32> =
            form.trustee.iter().map(|t| t.parse().map_err(|_| field("trustee"))).collect::<Result<_, _>>()?;
        let mut distinct = trustees.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if trustees.is_empty() || distinct.len() != trustees.len() || trustees.len() > MAX_TRUSTEES {
            return Err(field("trustee"));
        }
        let threshold = match small_number(&form.threshold, "threshold", 0)? as usize {
            0 => None,
            k if k == trustees.len() && k == 1 => None,
            k if k <= trustees.len() => Some(k),
            _ => return Err(field("threshold")),
        };
        let group = match form.group.trim() {
            "" => DEFAULT_GROUP,
            name => GROUPS.into_iter().find(|g| *g == name).ok_or_else(|| field("group"))?,
        };
        if group == LEGACY_GROUP && !ranked.is_empty() {
            return Err(WebError::BadInput("el-error-ranked-group".to_owned()));
        }
        let assembly = match form.assembly.trim() {
            "" => None,
            text => Some(text.parse::<u32>().map_err(|_| field("assembly"))?),
        };
        let authority = match form.authority.trim() {
            "" => None,
            text => Some(text.parse::<u32>().map_err(|_| field("authority"))?),
        };
        let roll = roll_from(&form.roll)?;
        if !roll.is_empty() && (authority.is_some() || assembly.is_some()) {
            return Err(field("roll"));
        }
        // Slips are printed by the server: a member who makes the credentials hands them out themselves.
        let hall = form.hall == "1" || !roll.is_empty();
        if hall && authority.is_some() {
            return Err(field("hall"));
        }
        let description = form.description.trim().chars().take(1000).collect();
        // Every ranked ballot weighs 1: it is decrypted on its own.
        if !ranked.is_empty() && roll.iter().any(|(_, weight)| *weight != 1) {
            return Err(WebError::BadInput("el-error-ranked-weights".to_owned()));
        }
        Ok(NewElection {
            title,
            description,
            questions,
            ranked,
            trustees,
            threshold,
            group,
            assembly,
            authority,
            roll,
            hall,
        })
    }
}

/// Announces `new` in the council's record, by `me`, and stores its set-up; returns the election's number.
/// Trustees must be active voting members, the authority an active member, the assembly one of the council's.
pub async fn announce(state: &AppState, council: EventHash, me: MemberId, new: NewElection) -> Result<u32, WebError> {
    let (trustees_ok, authority_ok, item) = state.node().read(council, |c| {
        let trustees_ok =
            new.trustees.iter().all(|t| c.member(MemberId(*t)).is_some_and(|m| m.active && m.role != Role::Observer));
        let authority_ok = new.authority.is_none_or(|a| c.member(MemberId(a)).is_some_and(|m| m.active));
        let item = new.assembly.map(|n| c.assembly(n).map(|a| a.current_item));
        (trustees_ok, authority_ok, item)
    })?;
    if !trustees_ok {
        return Err(field("trustee"));
    }
    if !authority_ok {
        return Err(field("authority"));
    }
    let item = match item {
        Some(None) => return Err(field("assembly")),
        Some(Some(item)) => item,
        None => None,
    };
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let command = CouncilEvent::Election(ElectionEvent::Announced(Announced {
        by: me,
        uuid: uuid.clone(),
        title: new.title,
        assembly: new.assembly,
        item,
    }));
    let mut setup = Setup::new(new.questions, new.description, new.trustees, new.threshold);
    setup.ranked = new.ranked;
    setup.set_group(new.group)?;
    setup.authority = new.authority;
    setup.roll = new.roll;
    setup.hall = new.hall;
    // The number is the one the written announcement got (found by its uuid), so two set-ups sent at once
    // cannot take each other's.
    let event = state.execute_blocking(council, command).await?;
    let number = state
        .node()
        .read(council, |c| c.elections().iter().find(|e| e.uuid == uuid).map(|e| e.id))?
        .ok_or_else(|| WebError::Internal(format!("no election after event {}", event.height)))?;
    save_setup(state, council, number, &setup)?;
    Ok(number)
}
