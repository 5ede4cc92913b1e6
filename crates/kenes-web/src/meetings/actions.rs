//! Meeting actions: a form or a JSON body becomes the meeting event it asks for.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{ChoiceMethod, Choices, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject};
use kenes_council::{Council, CouncilEvent, MemberId};
use kenes_count::simple::{Basis, Majority};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

use super::*;

#[derive(Debug, Default, Deserialize)]
pub struct ActForm {
    #[serde(default)]
    csrf: String,
    #[serde(default, rename = "do")]
    action: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    motion: String,
    #[serde(default)]
    amendment: String,
    #[serde(default)]
    vote: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    choice: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    basis: String,
    #[serde(default)]
    from_line: String,
    #[serde(default)]
    to_line: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    alternative_to: String,
    #[serde(default)]
    yes: String,
    #[serde(default)]
    no: String,
    #[serde(default)]
    abstain: String,
    /// A vote among options: the options, one per line, the method and the seats.
    #[serde(default)]
    options: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    seats: String,
    /// A ballot among options: option numbers, most preferred first; blanks are skipped.
    #[serde(default)]
    ranking: Vec<String>,
}

pub(crate) fn optional_number(text: &str, field: &'static str) -> Result<Option<u32>, WebError> {
    if text.trim().is_empty() { Ok(None) } else { number(text, field).map(Some) }
}

pub(crate) fn majority_from(form: &ActForm) -> Result<Majority, WebError> {
    let basis = match form.basis.as_str() {
        "" | "yes_no" => Basis::YesNo,
        "votes_cast" => Basis::VotesCast,
        "present" => Basis::Present,
        "members" => Basis::Members,
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "basis".to_owned())])),
    };
    Ok(match form.majority.as_str() {
        "" | "simple" => Majority::simple(basis),
        "two_thirds" => Majority::two_thirds(basis),
        "three_quarters" => Majority::three_quarters(basis),
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "majority".to_owned())])),
    })
}

pub(crate) fn mode_from(text: &str) -> Result<VoteMode, WebError> {
    match text {
        "" | "roll_call" => Ok(VoteMode::RollCall),
        "tellers" => Ok(VoteMode::Tellers),
        _ => Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "mode".to_owned())])),
    }
}

/// Turns a submitted form into the meeting event it asks for. Who acts is always the signed-in member.
pub fn command_from(form: &ActForm, assembly: u32, by: MemberId, council: &Council) -> Result<AssemblyEvent, WebError> {
    use AssemblyEvent as E;
    let member_or_me =
        || -> Result<MemberId, WebError> { Ok(optional_number(&form.member, "member")?.map_or(by, MemberId)) };
    let current_item = || -> Result<u32, WebError> {
        match optional_number(&form.item, "item")? {
            Some(item) => Ok(item),
            None => council
                .assembly(assembly)
                .and_then(|a| a.current_item)
                .ok_or_else(|| WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "item".to_owned())])),
        }
    };
    let question_of = |subject: VoteSubject| -> Result<Title, WebError> {
        let a = council.assembly(assembly).ok_or(WebError::NotFound)?;
        let text = match subject {
            VoteSubject::Motion(id) => a.motion(id).map(|m| m.title.to_string()),
            VoteSubject::Amendment(id) => a.amendment(id).map(|am| {
                let motion = a.motion(am.motion).map(|m| m.title.to_string()).unwrap_or_default();
                format!("#{id} → {motion}")
            }),
            VoteSubject::Question => None,
        };
        let text = text.ok_or(WebError::NotFound)?;
        // A motion title is at most 200 characters; the amendment's prefix could push it past, so cut.
        title(&text.chars().take(kenes_council::assembly::model::MAX_TITLE).collect::<String>())
    };
    Ok(match form.action.as_str() {
        "open" => E::Opened(AssemblyAct { by, assembly }),
        "close" => E::Closed(AssemblyAct { by, assembly }),
        "check_in" => E::CheckedIn(Attendance { by, assembly, member: member_or_me()? }),
        "check_out" => E::CheckedOut(Attendance { by, assembly, member: member_or_me()? }),
        "add_item" => E::ItemAdded(ItemAdded {
            by,
            assembly,
            parent: optional_number(&form.parent, "parent")?,
            title: title(&form.title)?,
            minutes: optional_number(&form.minutes, "minutes")?.unwrap_or(0),
        }),
        "take_item" => E::ItemTaken(ItemTaken { by, assembly, item: number(&form.item, "item")? }),
        "move" => E::MotionSubmitted(MotionSubmitted {
            by,
            assembly,
            item: current_item()?,
            title: title(&form.title)?,
            text: long_text(&form.text)?,
            alternative_to: optional_number(&form.alternative_to, "alternative_to")?,
        }),
        "second_motion" => E::MotionSeconded(Seconded { by, assembly, motion: number(&form.motion, "motion")? }),
        "admit_motion" => E::MotionAdmitted(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "debate_motion" => E::MotionDebated(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "withdraw_motion" => E::MotionWithdrawn(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "refer_motion" => E::MotionReferred(MotionStep { by, assembly, motion: number(&form.motion, "motion")? }),
        "amend" => E::AmendmentSubmitted(AmendmentSubmitted {
            by,
            assembly,
            motion: number(&form.motion, "motion")?,
            from_line: number(&form.from_line, "from_line")?,
            to_line: number(&form.to_line, "to_line")?,
            version: number(&form.version, "version")?,
            text: long_text(&form.text)?,
        }),
        "second_amendment" => {
            E::AmendmentSeconded(AmendmentStep { by, assembly, amendment: number(&form.amendment, "amendment")? })
        }
        "withdraw_amendment" => {
            E::AmendmentWithdrawn(AmendmentStep { by, assembly, amendment: number(&form.amendment, "amendment")? })
        }
        "request_floor" => E::SpeakerRequested(SpeakerRequested {
            by,
            assembly,
            item: current_item()?,
            member: member_or_me()?,
            kind: SpeechKind::parse(if form.kind.is_empty() { "speech" } else { &form.kind }).ok_or_else(|| {
                WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "kind".to_owned())])
            })?,
        }),
        "withdraw_speaker" => {
            E::SpeakerWithdrawn(SpeakerWithdrawn { by, assembly, item: current_item()?, member: member_or_me()? })
        }
        "move_speaker" => E::SpeakerMoved(SpeakerMoved {
            by,
            assembly,
            item: current_item()?,
            member: member_or_me()?,
            position: optional_number(&form.position, "position")?.unwrap_or(0),
        }),
        "give_floor" => E::FloorGiven(FloorAct { by, assembly, item: current_item()? }),
        "end_speech" => E::SpeechEnded(FloorAct { by, assembly, item: current_item()? }),
        "vote_motion" | "vote_amendment" | "vote_question" => {
            let subject = match form.action.as_str() {
                "vote_motion" => VoteSubject::Motion(number(&form.motion, "motion")?),
                "vote_amendment" => VoteSubject::Amendment(number(&form.amendment, "amendment")?),
                _ => VoteSubject::Question,
            };
            let question = match subject {
                VoteSubject::Question => title(&form.question)?,
                _ if !form.question.trim().is_empty() => title(&form.question)?,
                other => question_of(other)?,
            };
            E::VoteOpened(VoteOpened {
                by,
                assembly,
                subject,
                question,
                mode: mode_from(&form.mode)?,
                majority: majority_from(form)?,
                choices: None,
            })
        }
        "vote_choices" => {
            let field =
                |name: &str| WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", name.to_owned())]);
            let options =
                form.options.lines().filter(|line| !line.trim().is_empty()).map(title).collect::<Result<_, _>>()?;
            let method = ChoiceMethod::parse(&form.method).ok_or_else(|| field("method"))?;
            let seats = optional_number(&form.seats, "seats")?.unwrap_or(1);
            E::VoteOpened(VoteOpened {
                by,
                assembly,
                subject: VoteSubject::Question,
                question: title(&form.question)?,
                mode: VoteMode::RollCall,
                majority: Majority::simple(Basis::VotesCast),
                choices: Some(Choices { options, method, seats: u8::try_from(seats).map_err(|_| field("seats"))? }),
            })
        }
        "rank" => E::VoteRanked(VoteRanked {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            ranking: form
                .ranking
                .iter()
                .filter(|option| !option.trim().is_empty())
                .map(|option| number(option, "ranking"))
                .collect::<Result<_, _>>()?,
        }),
        "cast" => E::VoteCast(VoteCast {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            choice: VoteChoice::parse(&form.choice).ok_or_else(|| {
                WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "choice".to_owned())])
            })?,
        }),
        "count" => E::VoteCounted(VoteCounted {
            by,
            assembly,
            vote: number(&form.vote, "vote")?,
            yes: number(&form.yes, "yes")?,
            no: number(&form.no, "no")?,
            abstain: number(&form.abstain, "abstain")?,
        }),
        "close_vote" => E::VoteClosed(VoteClosed { by, assembly, vote: number(&form.vote, "vote")? }),
        "annotate" => E::MinutesAnnotated(MinutesAnnotated { by, assembly, text: long_text(&form.text)? }),
        _ => return Err(WebError::BadInputWith("mt-error-field".to_owned(), vec![("field", "do".to_owned())])),
    })
}

/// Checks and writes one meeting action of the signed-in member (the page's form or the JSON API's body); returns
/// the council's height after it.
pub(crate) async fn perform(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    form: &ActForm,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let command = state.node().read(council, |c| {
        c.assembly(number).ok_or(WebError::NotFound)?;
        command_from(form, number, me, c)
    })??;
    let event = state.execute_blocking(council, CouncilEvent::Assembly(command)).await?;
    Ok(event.height + 1)
}

/// One endpoint for every meeting action (`do` names it). A browser gets a redirect back to the meeting; `live.js`
/// sends `X-Kenes-Fetch` and gets 204, or the error's message as text (`error::render_errors`), so the page stays
/// where it is.
pub async fn act_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<ActForm>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let height = perform(&state, &ctx, council, number, &form).await?;
    if headers.contains_key("x-kenes-fetch") {
        // The council's height after the action: the live stream's event ids, so a client knows when it has caught up.
        Ok((StatusCode::NO_CONTENT, [("x-kenes-height", height.to_string())]).into_response())
    } else {
        Ok(Redirect::to(&format!("/c/{id}/a/{number}")).into_response())
    }
}
