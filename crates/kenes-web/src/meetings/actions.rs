//! Meeting actions, each defined once: its name (`do`), its typed fields, the event it becomes and, from the same
//! definition, its JSON schema in the OpenAPI document.
//!
//! The meeting page's forms and the JSON API both decode to an [`Action`] (`Action::decode`), and
//! `Action::into_event` is the one place an action becomes a meeting event. Who acts is always the signed-in member;
//! whether the meeting's state allows the event is `kenes_council`'s rule, checked when it is written.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{
    ChoiceMethod, Choices, LongText, MAX_TITLE, SpeechKind, Title, VoteChoice, VoteMode, VoteSubject,
};
use kenes_council::{Council, CouncilEvent, MemberId};
use kenes_count::simple::{Basis, Majority};
use kenes_record::EventHash;

use crate::AppState;
use crate::api::{Body, Ids, Writer};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;
use crate::wire::{self, field, typed};

/// What an action needs to become an event: who acts, in which meeting, and the council as it is now.
pub struct At<'a> {
    by: MemberId,
    assembly: u32,
    council: &'a Council,
}

impl At<'_> {
    /// The member named, or whoever acts.
    fn member_or_me(&self, member: Option<u32>) -> MemberId {
        member.map_or(self.by, MemberId)
    }

    /// The item named, or the meeting's current item.
    fn item_or_current(&self, item: Option<u32>) -> Result<u32, WebError> {
        match item {
            Some(item) => Ok(item),
            None => self.council.assembly(self.assembly).and_then(|a| a.current_item).ok_or_else(|| field("item")),
        }
    }

    /// The question a vote on a motion or an amendment puts, from its title.
    fn question_of(&self, subject: VoteSubject) -> Result<Title, WebError> {
        let a = self.council.assembly(self.assembly).ok_or(WebError::NotFound)?;
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
        Ok(Title::parse(&text.chars().take(MAX_TITLE).collect::<String>())?)
    }
}

/// Declares the actions: the `Action` enum (tagged by `do`), their names, and the decoder that reads each one's
/// fields straight into its type, so a wrong field is named in the error.
macro_rules! actions {
    ($( $(#[$doc:meta])* $name:literal => $variant:ident($fields:ident) |$f:ident, $at:ident| $event:expr, )*) => {
        /// A meeting action: `do` names it; its other fields are those of its type.
        #[derive(Debug, Deserialize, ToSchema)]
        #[serde(tag = "do")]
        pub enum Action {
            $( $(#[$doc])* #[serde(rename = $name)] $variant($fields), )*
        }

        impl Action {
            /// Every action's name, as `do` gives it.
            pub const NAMES: &[&str] = &[$($name),*];

            /// Reads an action from its fields (a JSON body, or a form's pairs by `wire::form_fields`).
            pub fn decode(mut fields: Map<String, Value>) -> Result<Action, WebError> {
                let name = match fields.remove("do") {
                    Some(Value::String(name)) => name,
                    _ => return Err(field("do")),
                };
                match name.as_str() {
                    $( $name => Ok(Action::$variant(typed(fields)?)), )*
                    _ => Err(field("do")),
                }
            }

            /// The meeting event this action asks for.
            pub fn into_event(self, at: &At<'_>) -> Result<AssemblyEvent, WebError> {
                use AssemblyEvent as E;
                Ok(match self {
                    $( Action::$variant($f) => {
                        let $at = at;
                        $event
                    } )*
                })
            }
        }
    };
}

actions! {
    /// Open the meeting (whoever presides).
    "open" => Open(NoFields) |_f, at| E::Opened(AssemblyAct { by: at.by, assembly: at.assembly }),
    /// Close the meeting (whoever presides).
    "close" => Close(NoFields) |_f, at| E::Closed(AssemblyAct { by: at.by, assembly: at.assembly }),
    /// Check in: yourself, or (presiding) the member named.
    "check_in" => CheckIn(MemberField) |f, at| E::CheckedIn(Attendance { by: at.by, assembly: at.assembly, member: at.member_or_me(f.member) }),
    /// Check out: yourself, or (presiding) the member named.
    "check_out" => CheckOut(MemberField) |f, at| {
        E::CheckedOut(Attendance { by: at.by, assembly: at.assembly, member: at.member_or_me(f.member) })
    },
    /// Add an agenda item, under `parent` when given.
    "add_item" => AddItem(AddItemFields) |f, at| E::ItemAdded(ItemAdded {
        by: at.by,
        assembly: at.assembly,
        parent: f.parent,
        title: Title::parse(&f.title)?,
        minutes: f.minutes.unwrap_or(0),
    }),
    /// Take up an agenda item.
    "take_item" => TakeItem(ItemField) |f, at| E::ItemTaken(ItemTaken { by: at.by, assembly: at.assembly, item: f.item }),
    /// Move a motion under the current item (or `item`).
    "move" => Move(MoveFields) |f, at| E::MotionSubmitted(MotionSubmitted {
        by: at.by,
        assembly: at.assembly,
        item: at.item_or_current(f.item)?,
        title: Title::parse(&f.title)?,
        text: LongText::parse(&f.text)?,
        alternative_to: f.alternative_to,
        origin: None,
    }),
    "second_motion" => SecondMotion(MotionField) |f, at| E::MotionSeconded(Seconded { by: at.by, assembly: at.assembly, motion: f.motion }),
    "admit_motion" => AdmitMotion(MotionField) |f, at| E::MotionAdmitted(MotionStep { by: at.by, assembly: at.assembly, motion: f.motion }),
    "debate_motion" => DebateMotion(MotionField) |f, at| E::MotionDebated(MotionStep { by: at.by, assembly: at.assembly, motion: f.motion }),
    "withdraw_motion" => WithdrawMotion(MotionField) |f, at| {
        E::MotionWithdrawn(MotionStep { by: at.by, assembly: at.assembly, motion: f.motion })
    },
    "refer_motion" => ReferMotion(MotionField) |f, at| E::MotionReferred(MotionStep { by: at.by, assembly: at.assembly, motion: f.motion }),
    /// Propose replacing lines `from_line` to `to_line` of a motion's `version` with `text`.
    "amend" => Amend(AmendFields) |f, at| E::AmendmentSubmitted(AmendmentSubmitted {
        by: at.by,
        assembly: at.assembly,
        motion: f.motion,
        from_line: f.from_line,
        to_line: f.to_line,
        version: f.version,
        text: LongText::parse(&f.text)?,
    }),
    "second_amendment" => SecondAmendment(AmendmentField) |f, at| {
        E::AmendmentSeconded(AmendmentStep { by: at.by, assembly: at.assembly, amendment: f.amendment })
    },
    "withdraw_amendment" => WithdrawAmendment(AmendmentField) |f, at| {
        E::AmendmentWithdrawn(AmendmentStep { by: at.by, assembly: at.assembly, amendment: f.amendment })
    },
    /// Ask for the floor (yourself, or presiding for the member named); a speech unless `kind` says otherwise.
    "request_floor" => RequestFloor(RequestFloorFields) |f, at| E::SpeakerRequested(SpeakerRequested {
        by: at.by,
        assembly: at.assembly,
        item: at.item_or_current(f.item)?,
        member: at.member_or_me(f.member),
        kind: f.kind.unwrap_or(SpeechKind::Speech),
    }),
    "withdraw_speaker" => WithdrawSpeaker(SpeakerFields) |f, at| E::SpeakerWithdrawn(SpeakerWithdrawn {
        by: at.by,
        assembly: at.assembly,
        item: at.item_or_current(f.item)?,
        member: at.member_or_me(f.member),
    }),
    /// Move a waiting speaker to `position` (from 0) in the list.
    "move_speaker" => MoveSpeaker(MoveSpeakerFields) |f, at| E::SpeakerMoved(SpeakerMoved {
        by: at.by,
        assembly: at.assembly,
        item: at.item_or_current(f.item)?,
        member: at.member_or_me(f.member),
        position: f.position.unwrap_or(0),
    }),
    "give_floor" => GiveFloor(OptionalItemField) |f, at| {
        E::FloorGiven(FloorAct { by: at.by, assembly: at.assembly, item: at.item_or_current(f.item)? })
    },
    "end_speech" => EndSpeech(OptionalItemField) |f, at| {
        E::SpeechEnded(FloorAct { by: at.by, assembly: at.assembly, item: at.item_or_current(f.item)? })
    },
    /// Put a motion to the vote; the question is its title unless given.
    "vote_motion" => VoteMotion(VoteMotionFields) |f, at| {
        vote_opened(at, VoteSubject::Motion(f.motion), f.question.as_deref(), f.mode, f.majority, f.basis)?
    },
    /// Put an amendment to the vote.
    "vote_amendment" => VoteAmendment(VoteAmendmentFields) |f, at| {
        vote_opened(at, VoteSubject::Amendment(f.amendment), f.question.as_deref(), f.mode, f.majority, f.basis)?
    },
    /// Put a question of your own to a yes/no vote.
    "vote_question" => VoteQuestion(VoteQuestionFields) |f, at| {
        vote_opened(at, VoteSubject::Question, Some(&f.question), f.mode, f.majority, f.basis)?
    },
    /// Open a vote among options (one per line), counted by `method`, for `seats` seats (one unless given).
    "vote_choices" => VoteChoices(VoteChoicesFields) |f, at| E::VoteOpened(VoteOpened {
        by: at.by,
        assembly: at.assembly,
        subject: VoteSubject::Question,
        question: Title::parse(&f.question)?,
        mode: VoteMode::RollCall,
        majority: Majority::simple(Basis::VotesCast),
        choices: Some(Choices {
            options: f.options.lines().filter(|line| !line.trim().is_empty()).map(Title::parse).collect::<Result<_, _>>()?,
            method: f.method,
            seats: u8::try_from(f.seats.unwrap_or(1)).map_err(|_| field("seats"))?,
        }),
    }),
    /// Cast a ballot in a vote among options: option numbers, most preferred first.
    "rank" => Rank(RankFields) |f, at| E::VoteRanked(VoteRanked { by: at.by, assembly: at.assembly, vote: f.vote, ranking: small(f.ranking)? }),
    /// Vote yes, no or abstain, by name.
    "cast" => Cast(CastFields) |f, at| E::VoteCast(VoteCast { by: at.by, assembly: at.assembly, vote: f.vote, choice: f.choice }),
    /// Record the tellers' count of a vote counted by tellers.
    "count" => Count(CountFields) |f, at| E::VoteCounted(VoteCounted {
        by: at.by,
        assembly: at.assembly,
        vote: f.vote,
        yes: f.yes,
        no: f.no,
        abstain: f.abstain,
    }),
    "close_vote" => CloseVote(VoteField) |f, at| E::VoteClosed(VoteClosed { by: at.by, assembly: at.assembly, vote: f.vote }),
    /// Add a note to the minutes.
    "annotate" => Annotate(TextField) |f, at| {
        E::MinutesAnnotated(MinutesAnnotated { by: at.by, assembly: at.assembly, text: LongText::parse(&f.text)? })
    },
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NoFields {}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MemberField {
    /// The member's number; yourself when left out.
    #[serde(default, deserialize_with = "wire::optional_number")]
    member: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AddItemFields {
    #[schema(max_length = 200)]
    title: String,
    #[serde(default, deserialize_with = "wire::optional_number")]
    parent: Option<u32>,
    /// Minutes planned for it.
    #[serde(default, deserialize_with = "wire::optional_number")]
    minutes: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ItemField {
    #[serde(deserialize_with = "wire::number")]
    item: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct OptionalItemField {
    /// The agenda item; the current one when left out.
    #[serde(default, deserialize_with = "wire::optional_number")]
    item: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MoveFields {
    #[serde(default, deserialize_with = "wire::optional_number")]
    item: Option<u32>,
    #[schema(max_length = 200)]
    title: String,
    text: String,
    /// The motion this one is an alternative to.
    #[serde(default, deserialize_with = "wire::optional_number")]
    alternative_to: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MotionField {
    #[serde(deserialize_with = "wire::number")]
    motion: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AmendFields {
    #[serde(deserialize_with = "wire::number")]
    motion: u32,
    #[serde(deserialize_with = "wire::number")]
    from_line: u32,
    #[serde(deserialize_with = "wire::number")]
    to_line: u32,
    /// The motion's version the lines are counted in.
    #[serde(deserialize_with = "wire::number")]
    version: u32,
    text: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AmendmentField {
    #[serde(deserialize_with = "wire::number")]
    amendment: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RequestFloorFields {
    #[serde(default, deserialize_with = "wire::optional_number")]
    item: Option<u32>,
    #[serde(default, deserialize_with = "wire::optional_number")]
    member: Option<u32>,
    /// A speech unless said otherwise.
    #[serde(default)]
    #[schema(schema_with = speech_kinds)]
    kind: Option<SpeechKind>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SpeakerFields {
    #[serde(default, deserialize_with = "wire::optional_number")]
    item: Option<u32>,
    #[serde(default, deserialize_with = "wire::optional_number")]
    member: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MoveSpeakerFields {
    #[serde(default, deserialize_with = "wire::optional_number")]
    item: Option<u32>,
    #[serde(default, deserialize_with = "wire::optional_number")]
    member: Option<u32>,
    #[serde(default, deserialize_with = "wire::optional_number")]
    position: Option<u32>,
}

/// How a yes/no vote is counted: the share of the basis that carries it.
#[derive(Clone, Copy, Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Share {
    #[default]
    Simple,
    TwoThirds,
    ThreeQuarters,
}

/// What the share is of.
#[derive(Clone, Copy, Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BasisName {
    #[default]
    YesNo,
    VotesCast,
    Present,
    Members,
}

/// How a yes/no vote is taken.
#[derive(Clone, Copy, Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModeName {
    /// By name.
    #[default]
    RollCall,
    /// Counted by tellers.
    Tellers,
}

/// The event that opens a yes/no vote.
fn vote_opened(
    at: &At<'_>,
    subject: VoteSubject,
    question: Option<&str>,
    mode: ModeName,
    share: Share,
    basis: BasisName,
) -> Result<AssemblyEvent, WebError> {
    let question = match (subject, question) {
        (_, Some(question)) => Title::parse(question)?,
        (VoteSubject::Question, None) => return Err(field("question")),
        (subject, None) => at.question_of(subject)?,
    };
    let basis = match basis {
        BasisName::YesNo => Basis::YesNo,
        BasisName::VotesCast => Basis::VotesCast,
        BasisName::Present => Basis::Present,
        BasisName::Members => Basis::Members,
    };
    let majority = match share {
        Share::Simple => Majority::simple(basis),
        Share::TwoThirds => Majority::two_thirds(basis),
        Share::ThreeQuarters => Majority::three_quarters(basis),
    };
    let mode = match mode {
        ModeName::RollCall => VoteMode::RollCall,
        ModeName::Tellers => VoteMode::Tellers,
    };
    Ok(AssemblyEvent::VoteOpened(VoteOpened {
        by: at.by,
        assembly: at.assembly,
        subject,
        question,
        mode,
        majority,
        choices: None,
    }))
}

/// Option numbers as a ballot holds them (a vote has at most 255 options).
fn small(ranking: Vec<u32>) -> Result<Vec<u8>, WebError> {
    ranking.into_iter().map(|option| u8::try_from(option).map_err(|_| wire::not_a_number("ranking"))).collect()
}

/// The JSON schema of a field whose values are `values`.
fn one_of(values: impl IntoIterator<Item = &'static str>) -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(values))
        .build()
}

fn speech_kinds() -> utoipa::openapi::Object {
    one_of(SpeechKind::ALL.map(SpeechKind::as_str))
}

fn vote_choices() -> utoipa::openapi::Object {
    one_of(VoteChoice::ALL.map(VoteChoice::as_str))
}

fn choice_methods() -> utoipa::openapi::Object {
    one_of(ChoiceMethod::ALL.map(ChoiceMethod::as_str))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VoteMotionFields {
    #[serde(deserialize_with = "wire::number")]
    motion: u32,
    /// The question put; the motion's title when left out.
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    mode: ModeName,
    #[serde(default)]
    majority: Share,
    #[serde(default)]
    basis: BasisName,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VoteAmendmentFields {
    #[serde(deserialize_with = "wire::number")]
    amendment: u32,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    mode: ModeName,
    #[serde(default)]
    majority: Share,
    #[serde(default)]
    basis: BasisName,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VoteQuestionFields {
    #[schema(max_length = 200)]
    question: String,
    #[serde(default)]
    mode: ModeName,
    #[serde(default)]
    majority: Share,
    #[serde(default)]
    basis: BasisName,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VoteChoicesFields {
    #[schema(max_length = 200)]
    question: String,
    /// The options, one per line.
    options: String,
    #[schema(schema_with = choice_methods)]
    method: ChoiceMethod,
    /// Seats to fill (STV); one unless said otherwise.
    #[serde(default, deserialize_with = "wire::optional_number")]
    seats: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RankFields {
    #[serde(deserialize_with = "wire::number")]
    vote: u32,
    /// Option numbers, most preferred first.
    #[serde(default, deserialize_with = "wire::numbers")]
    ranking: Vec<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CastFields {
    #[serde(deserialize_with = "wire::number")]
    vote: u32,
    #[schema(schema_with = vote_choices)]
    choice: VoteChoice,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CountFields {
    #[serde(deserialize_with = "wire::number")]
    vote: u32,
    #[serde(deserialize_with = "wire::number")]
    yes: u32,
    #[serde(deserialize_with = "wire::number")]
    no: u32,
    #[serde(deserialize_with = "wire::number")]
    abstain: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VoteField {
    #[serde(deserialize_with = "wire::number")]
    vote: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TextField {
    text: String,
}

/// Checks and writes one meeting action of the signed-in member (from the page's form or the JSON API); returns the
/// council's height after it.
pub(crate) async fn perform(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    number: u32,
    action: Action,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, council)?;
    let event = state.node().read(council, |c| {
        c.assembly(number).ok_or(WebError::NotFound)?;
        action.into_event(&At { by: me, assembly: number, council: c })
    })??;
    let event = state.execute_blocking(council, CouncilEvent::Assembly(event)).await?;
    Ok(event.height + 1)
}

/// One endpoint for every meeting action (`do` names it). A browser gets a redirect back to the meeting; `live.js`
/// sends `X-Kenes-Fetch` and gets 204, or the error's message as text (`error::render_errors`), so the page stays
/// where it is.
pub async fn act_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    ids: Ids,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (council, number) = (ids.council, ids.number()?);
    let csrf = pairs.iter().find(|(name, _)| name == "csrf").map(|(_, value)| value.as_str());
    ctx.check_csrf(csrf)?;
    let action = Action::decode(wire::form_fields(pairs))?;
    let height = perform(&state, &ctx, council, number, action).await?;
    if headers.contains_key("x-kenes-fetch") {
        // The council's height after the action: the live stream's event ids, so a client knows when it has caught up.
        Ok((StatusCode::NO_CONTENT, [("x-kenes-height", height.to_string())]).into_response())
    } else {
        Ok(Redirect::to(&format!("/c/{}/a/{number}", council.to_hex())).into_response())
    }
}

/// A meeting action as JSON: `do` and the action's fields (see `Action`).
#[utoipa::path(
    post,
    path = "/api/councils/{id}/assemblies/{number}/act",
    tag = "meetings",
    summary = "One meeting action: `do` names it, the other fields are the action's; a refused action changes nothing",
    params(crate::api::MeetingParams),
    request_body = Action,
    responses(
        (status = 201, description = "Written; `height` is the council's height after it"),
        (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError)
    )
)]
pub async fn act_json(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    ids: Ids,
    Body(body): Body<Map<String, Value>>,
) -> Result<Response, WebError> {
    let height = perform(&state, &ctx, ids.council, ids.number()?, Action::decode(body)?).await?;
    Ok((StatusCode::CREATED, Json(json!({ "height": height }))).into_response())
}
