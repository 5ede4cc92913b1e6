//! The list of a council's elections and the set-up form.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use maud::{Markup, html};
use rand::rngs::OsRng;
use serde::Deserialize;

use kenes_council::election::{Announced, ElectionEvent};
use kenes_council::{Council, CouncilEvent, MemberId, Role};
use kenes_crypto::election::QuestionJson;
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

pub async fn elections_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let me = require_member(&state, &ctx, council)?;
    let markup = state.node().read(council, |c| {
        let presides = c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary));
        list_markup(&state, &ctx, c, presides)
    })?;
    Ok(layout_with(&state, &ctx, &t(&state, &ctx, "el-elections"), html! {}, markup).into_response())
}

pub(crate) fn list_markup(state: &AppState, ctx: &Ctx, council: &Council, presides: bool) -> Markup {
    let id = council.id();
    html! {
        p { a href={ "/c/" (id.to_hex()) } { (council.name.as_str()) } }
        @if council.elections().is_empty() { p { (t(state, ctx, "el-none")) } }
        ul {
            @for e in council.elections() {
                li { a href=(base(id, e.id)) { (e.title.as_str()) } " — " (t(state, ctx, &format!("el-status-{}", e.status.as_str()))) }
            }
        }
        @if presides {
            section aria-labelledby="new-election" {
                h2 id="new-election" { (t(state, ctx, "el-new")) }
                form method="post" action={ "/c/" (id.to_hex()) "/elections" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    p { label for="el-title" { (t(state, ctx, "el-title")) } input id="el-title" name="title" required maxlength="200"; }
                    p { label for="el-description" { (t(state, ctx, "el-description")) } input id="el-description" name="description" maxlength="1000"; }
                    @for q in 1..=FORM_QUESTIONS {
                        fieldset {
                            legend { (ta(state, ctx, "el-question-number", &[("number", q.to_string())])) }
                            p { label for={ "q" (q) } { (t(state, ctx, "el-question")) } input id={ "q" (q) } name={ "q" (q) } maxlength="500" required[q == 1]; }
                            p { label for={ "q" (q) "-answers" } { (t(state, ctx, "el-answers")) } textarea id={ "q" (q) "-answers" } name={ "q" (q) "_answers" } rows="3" {} }
                            p {
                                label for={ "q" (q) "-min" } { (t(state, ctx, "el-min")) } " " input id={ "q" (q) "-min" } name={ "q" (q) "_min" } type="number" min="0" max="50" value="1";
                                " " label for={ "q" (q) "-max" } { (t(state, ctx, "el-max")) } " " input id={ "q" (q) "-max" } name={ "q" (q) "_max" } type="number" min="1" max="50" value="1";
                            }
                            p { input id={ "q" (q) "-blank" } name={ "q" (q) "_blank" } type="checkbox" value="1"; " " label for={ "q" (q) "-blank" } { (t(state, ctx, "el-blank")) } }
                        }
                    }
                    p {
                        label for="el-roll" { (t(state, ctx, "el-roll")) }
                        textarea id="el-roll" name="roll" rows="3" {}
                        small { (t(state, ctx, "el-roll-help")) }
                    }
                    @let open_assemblies: Vec<_> = council.assemblies().iter().filter(|a| a.status == kenes_council::assembly::Status::Open).collect();
                    @if !open_assemblies.is_empty() {
                        p {
                            label for="el-assembly" { (t(state, ctx, "el-voters-from")) }
                            select id="el-assembly" name="assembly" {
                                option value="" { (t(state, ctx, "el-voters-all")) }
                                @for a in open_assemblies { option value=(a.id) { (ta(state, ctx, "el-voters-present", &[("title", a.title.to_string())])) } }
                            }
                        }
                    }
                    p {
                        input id="el-hall" name="hall" type="checkbox" value="1" aria-describedby="el-hall-help"; " "
                        label for="el-hall" { (t(state, ctx, "el-hall")) }
                        br; small id="el-hall-help" { (t(state, ctx, "el-hall-help")) }
                    }
                    p {
                        label for="el-authority" { (t(state, ctx, "el-authority")) }
                        select id="el-authority" name="authority" {
                            option value="" { (t(state, ctx, "el-authority-server")) }
                            @for m in council.active_members().filter(|m| m.role != Role::Observer) { option value=(m.id.0) { (m.name.as_str()) } }
                        }
                    }
                    fieldset {
                        legend { (t(state, ctx, "el-trustees")) }
                        @for m in council.active_members().filter(|m| m.role != Role::Observer) {
                            p { input id={ "trustee-" (m.id.0) } name="trustee" type="checkbox" value=(m.id.0); " " label for={ "trustee-" (m.id.0) } { (m.name.as_str()) } }
                        }
                        p { label for="el-threshold" { (t(state, ctx, "el-threshold")) } " " input id="el-threshold" name="threshold" type="number" min="0" max="20" value="0"; }
                        p.meta { (t(state, ctx, "el-threshold-help")) }
                    }
                    p { button type="submit" { (t(state, ctx, "el-create")) } }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct NewElectionForm {
    #[serde(default)]
    csrf: String,
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
    #[serde(default)]
    trustee: Vec<String>,
    #[serde(default)]
    threshold: String,
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

/// The questions of the form, checked as Belenios checks them (at least one answer, `min ≤ max ≤ answers`).
pub(crate) fn questions_from(form: &NewElectionForm) -> Result<Vec<QuestionJson>, WebError> {
    let blocks = [
        (&form.q1, &form.q1_answers, &form.q1_min, &form.q1_max, &form.q1_blank),
        (&form.q2, &form.q2_answers, &form.q2_min, &form.q2_max, &form.q2_blank),
        (&form.q3, &form.q3_answers, &form.q3_min, &form.q3_max, &form.q3_blank),
    ];
    let mut questions = Vec::new();
    for (index, (question, answers, min, max, blank)) in blocks.into_iter().enumerate() {
        let name = |part: &str| format!("q{}{part}", index + 1);
        if question.trim().is_empty() {
            continue;
        }
        let answers: Vec<String> =
            answers.lines().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        if answers.is_empty() || answers.len() > 50 || question.chars().count() > 500 {
            return Err(field(&name("_answers")));
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
    Ok(questions)
}

pub async fn create_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<NewElectionForm>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = presiding(&state, &ctx, council)?;
    let title = kenes_council::assembly::model::Title::parse(&form.title)?;
    let questions = questions_from(&form)?;
    let trustees: Vec<u32> =
        form.trustee.iter().map(|t| t.parse().map_err(|_| field("trustee"))).collect::<Result<_, _>>()?;
    let eligible = state.node().read(council, |c| {
        trustees.iter().all(|t| c.member(MemberId(*t)).is_some_and(|m| m.active && m.role != Role::Observer))
    })?;
    let mut distinct = trustees.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if trustees.is_empty() || !eligible || distinct.len() != trustees.len() || trustees.len() > 20 {
        return Err(field("trustee"));
    }
    let threshold = small_number(&form.threshold, "threshold", 0)? as usize;
    let threshold = match threshold {
        0 => None,
        k if k == trustees.len() && k == 1 => None,
        k if k <= trustees.len() => Some(k),
        _ => return Err(field("threshold")),
    };
    let uuid = kenes_crypto::credential::generate_token(14, &mut OsRng);
    let assembly = match form.assembly.trim() {
        "" => None,
        text => Some(text.parse::<u32>().map_err(|_| field("assembly"))?),
    };
    let item = match assembly {
        Some(n) => {
            state.node().read(council, |c| c.assembly(n).map(|a| a.current_item))?.ok_or_else(|| field("assembly"))?
        }
        None => None,
    };
    let command = CouncilEvent::Election(ElectionEvent::Announced(Announced {
        by: me,
        uuid: uuid.clone(),
        title,
        assembly,
        item,
    }));
    let authority = match form.authority.trim() {
        "" => None,
        text => {
            let member = text.parse::<u32>().map_err(|_| field("authority"))?;
            let eligible = state.node().read(council, |c| c.member(MemberId(member)).is_some_and(|m| m.active))?;
            if !eligible {
                return Err(field("authority"));
            }
            Some(member)
        }
    };
    let roll = roll_from(&form.roll)?;
    if !roll.is_empty() && (authority.is_some() || !form.assembly.trim().is_empty()) {
        return Err(field("roll"));
    }
    // Slips are printed by the server: a member who makes the credentials hands them out themselves.
    let hall = form.hall == "1" || !roll.is_empty();
    if hall && authority.is_some() {
        return Err(field("hall"));
    }
    let mut setup = Setup::new(questions, form.description.trim().chars().take(1000).collect(), trustees, threshold);
    setup.authority = authority;
    setup.roll = roll;
    setup.hall = hall;
    // The number is the one the written announcement got (found by its uuid), so two set-ups sent at once
    // cannot take each other's.
    let event = state.execute_blocking(council, command).await?;
    let number = state
        .node()
        .read(council, |c| c.elections().iter().find(|e| e.uuid == uuid).map(|e| e.id))?
        .ok_or_else(|| WebError::Internal(format!("no election after event {}", event.height)))?;
    save_setup(&state, council, number, &setup)?;
    Ok(Redirect::to(&base(council, number)).into_response())
}
