//! The web layer's one error type, its one `IntoResponse`, and the one place errors become what people see.
//!
//! A handler returns `Result<_, WebError>` and uses `?` on anything the core crates return (each has a `From`).
//! `WebError::into_response` only marks the response with the error and how the caller wants it (`Shape`);
//! `render_errors`, a middleware that knows the request's language and session, turns the mark into the localized
//! page, the JSON error of the API, or the plain text a script shows. Internal details are logged there, once, and
//! never rendered.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use kenes_council::assembly::Refused;
use kenes_council::{Invalid, Rejected};
use kenes_store::{NodeError, StoreError};

use crate::AppState;
use crate::auth::Ctx;
use crate::ui::{layout, t, ta};

#[derive(Clone, Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    SignInRequired,
    /// A bearer token that opens no session (API clients get 401, not a redirect).
    #[error("the bearer token opens no session")]
    BadBearer,
    #[error("forbidden")]
    Forbidden,
    #[error("the CSRF token is missing or wrong")]
    Csrf,
    /// Bad input: the Fluent key of the message.
    #[error("bad input: {0}")]
    BadInput(String),
    /// Bad input with arguments for the message.
    #[error("bad input: {0} {1:?}")]
    BadInputWith(String, Vec<(&'static str, String)>),
    /// The request body is too large.
    #[error("the request body is too large")]
    TooLarge,
    /// Too many failed sign-ins: try again in this many minutes.
    #[error("throttled for {0} minutes")]
    Throttled(u64),
    /// Too much work is waiting (proof checks): try again shortly.
    #[error("busy")]
    Busy,
    /// The account has as many live streams open as it may.
    #[error("too many live streams")]
    TooManyStreams,
    #[error("internal: {0}")]
    Internal(String),
}

impl From<StoreError> for WebError {
    fn from(error: StoreError) -> WebError {
        WebError::from_store(error)
    }
}

impl From<NodeError> for WebError {
    fn from(error: NodeError) -> WebError {
        WebError::from_node(error)
    }
}

impl From<Invalid> for WebError {
    fn from(error: Invalid) -> WebError {
        WebError::from_invalid(&error)
    }
}

impl From<Rejected> for WebError {
    fn from(error: Rejected) -> WebError {
        WebError::from_rejected(&error)
    }
}

impl From<Refused> for WebError {
    fn from(error: Refused) -> WebError {
        WebError::from_refused(&error)
    }
}

impl From<tokio::task::JoinError> for WebError {
    fn from(error: tokio::task::JoinError) -> WebError {
        WebError::Internal(format!("a blocking task failed: {error}"))
    }
}

impl WebError {
    pub fn from_store(error: StoreError) -> WebError {
        match error {
            StoreError::UsernameTaken(_) => WebError::BadInput("error-username-taken".to_owned()),
            StoreError::Busy => WebError::Busy,
            other => WebError::Internal(other.to_string()),
        }
    }

    pub fn from_invalid(error: &Invalid) -> WebError {
        match error {
            Invalid::Empty(what) => {
                WebError::BadInputWith("error-empty".to_owned(), vec![("what", what.replace(' ', "-"))])
            }
            Invalid::TooLong { what, max, .. } => WebError::BadInputWith(
                "error-too-long".to_owned(),
                vec![("what", what.replace(' ', "-")), ("max", max.to_string())],
            ),
            Invalid::ControlCharacter(what) => {
                WebError::BadInputWith("error-control".to_owned(), vec![("what", what.replace(' ', "-"))])
            }
            Invalid::CouncilKind(_) => WebError::BadInput("error-council-kind".to_owned()),
            Invalid::Role(_) => WebError::BadInput("error-role".to_owned()),
            Invalid::Colour(_) => WebError::BadInput("error-colour".to_owned()),
            Invalid::AgeRecipient | Invalid::NodeCard => WebError::BadInput("error-node-card".to_owned()),
            Invalid::Language(_) => WebError::BadInput("error-language".to_owned()),
            Invalid::NotCanonical(what) => {
                WebError::BadInputWith("error-control".to_owned(), vec![("what", what.replace(' ', "-"))])
            }
            Invalid::OutOfRange { what, max, .. } => WebError::BadInputWith(
                "error-out-of-range".to_owned(),
                vec![("what", what.replace(' ', "-")), ("max", max.to_string())],
            ),
            Invalid::Count { what, min, max, got } => WebError::BadInputWith(
                "error-count".to_owned(),
                vec![
                    ("what", what.replace(' ', "-")),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                    ("got", got.to_string()),
                ],
            ),
            Invalid::Duplicate { value, .. } => {
                WebError::BadInputWith("error-duplicate-option".to_owned(), vec![("value", value.clone())])
            }
        }
    }

    pub fn from_rejected(error: &Rejected) -> WebError {
        let key = match error {
            Rejected::NotAMember(_) => "error-not-a-member",
            Rejected::NotAllowed(_) => "error-not-allowed",
            Rejected::DuplicateName(name) => {
                return WebError::BadInputWith("error-duplicate-name".to_owned(), vec![("name", name.clone())]);
            }
            Rejected::LastManager => "error-last-manager",
            Rejected::EmptyImport => "error-empty-import",
            Rejected::ImportTooLarge(_) => "error-import-too-large",
            Rejected::AlreadyCreated => "error-not-allowed",
            Rejected::Unchanged(_) => "error-unchanged",
            Rejected::TooManyHolders(_) => "error-too-many-holders",
            Rejected::Invalid(invalid) => return WebError::from_invalid(invalid),
            Rejected::Federation(refused) => return WebError::from_federation(refused),
            Rejected::Office(refused) => {
                use kenes_council::offices::OfficeRefused as O;
                return match refused {
                    O::EndsBeforeItBegins => WebError::BadInput("fr-term-ends-before".to_owned()),
                    O::NoTerm(term) => {
                        WebError::BadInputWith("fr-no-term".to_owned(), vec![("term", term.to_string())])
                    }
                    O::Ended(term) => {
                        WebError::BadInputWith("fr-term-ended".to_owned(), vec![("term", term.to_string())])
                    }
                };
            }
            Rejected::Assembly(refused) => return WebError::from_refused(refused),
            Rejected::Election(refused) => {
                use kenes_council::election::ElectionRefused as R;
                return match refused {
                    R::NoElection(n) => {
                        WebError::BadInputWith("el-refused-no-election".to_owned(), vec![("number", n.to_string())])
                    }
                    R::State { status, .. } => {
                        WebError::BadInputWith("el-refused-state".to_owned(), vec![("status", (*status).to_owned())])
                    }
                    R::AlreadyPublished(_) => WebError::BadInput("el-refused-published".to_owned()),
                    other => WebError::Internal(other.to_string()),
                };
            }
        };
        WebError::BadInput(key.to_owned())
    }

    /// A federation step the records do not allow: the key is `fr-` and the variant's name; the arguments are the
    /// fields a person needs to see what to do (council ids and member numbers are left out: the page names them).
    pub fn from_federation(refused: &kenes_council::federation::FederationRefused) -> WebError {
        use kenes_council::federation::FederationRefused as F;
        let n = |value: &dyn ToString| value.to_string();
        let (key, args): (&str, Vec<(&'static str, String)>) = match refused {
            F::BadId(id) => ("fr-bad-id", vec![("id", id.clone())]),
            F::ItSelf => ("fr-itself", vec![]),
            F::AlreadyJoined(_) => ("fr-already-joined", vec![]),
            F::NotJoined(_) => ("fr-not-joined", vec![]),
            F::BadPercent(percent) => ("fr-bad-percent", vec![("percent", n(percent))]),
            F::SeatTaken { seat, mandate } => ("fr-seat-taken", vec![("seat", n(seat)), ("mandate", n(mandate))]),
            F::NoSeat => ("fr-no-seat", vec![]),
            F::NoMandate(mandate) => ("fr-no-mandate", vec![("mandate", n(mandate))]),
            F::MandateEnded(mandate) => ("fr-mandate-ended", vec![("mandate", n(mandate))]),
            F::AlreadySigned(_) => ("fr-already-signed", vec![]),
            F::NotSigned(_) => ("fr-not-signed", vec![]),
            F::ThresholdNotReached { signatures, needed } => {
                ("fr-threshold", vec![("signatures", n(signatures)), ("needed", n(needed))])
            }
            F::VoteBeforePetition => ("fr-vote-before-petition", vec![]),
            F::NoVote { assembly, vote } => ("fr-no-vote", vec![("meeting", n(assembly)), ("vote", n(vote))]),
            F::VoteOpen { assembly, vote } => ("fr-vote-open", vec![("meeting", n(assembly)), ("vote", n(vote))]),
            F::NotPassed { assembly, vote } => ("fr-not-passed", vec![("meeting", n(assembly)), ("vote", n(vote))]),
            F::NotElected { assembly, vote, name } => {
                ("fr-not-elected", vec![("meeting", n(assembly)), ("vote", n(vote)), ("name", name.clone())])
            }
            F::NotYesNo { assembly, vote } => ("fr-not-yes-no", vec![("meeting", n(assembly)), ("vote", n(vote))]),
            F::NotTallied(election) => ("fr-not-tallied", vec![("election", n(election))]),
            F::DecisionUsed => ("fr-decision-used", vec![]),
            F::NotAFederation => ("fr-not-a-federation", vec![]),
            F::NotListed(_) => ("fr-not-listed", vec![]),
            F::SeatsOccupied { occupied } => ("fr-seats-occupied", vec![("occupied", n(occupied))]),
            F::BadWeight(weight) => ("fr-bad-weight", vec![("weight", n(weight))]),
            F::NotBySize { members, seats, expected, weight } => (
                "fr-not-by-size",
                vec![("members", n(members)), ("seats", n(seats)), ("expected", n(expected)), ("weight", n(weight))],
            ),
            F::BeyondSeats { seat, seats } => ("fr-beyond-seats", vec![("seat", n(seat)), ("seats", n(seats))]),
            F::MandateUsed { mandate } => ("fr-mandate-used", vec![("mandate", n(mandate))]),
            F::CitationCouncil { .. } => ("fr-citation-council", vec![]),
            F::NotSeated(_) => ("fr-not-seated", vec![]),
            F::NotTheDelegate => ("fr-not-the-delegate", vec![]),
            F::NotYourCouncil => ("fr-not-your-council", vec![]),
            F::AlreadyReceived => ("fr-already-received", vec![]),
        };
        WebError::BadInputWith(key.to_owned(), args)
    }

    /// A meeting action the meeting's state does not allow: the key is `refused-` and the variant's name; the
    /// arguments are its fields.
    pub fn from_refused(refused: &Refused) -> WebError {
        use Refused as R;
        let (key, args): (&str, Vec<(&'static str, String)>) = match refused {
            R::NoAssembly(n) => ("refused-no-assembly", vec![("number", n.to_string())]),
            R::NotOpen(_) => ("refused-not-open", vec![]),
            R::Closed(_) => ("refused-closed", vec![]),
            R::AlreadyOpen(_) => ("refused-already-open", vec![]),
            R::NotPresiding(_) => ("refused-not-presiding", vec![]),
            R::Observer(_) => ("refused-observer", vec![]),
            R::OnlyForThemselves(_) => ("refused-only-for-themselves", vec![]),
            R::NotCheckedIn(_) => ("refused-not-checked-in", vec![]),
            R::AlreadyCheckedIn(_) => ("refused-already-checked-in", vec![]),
            R::NoItem(n) => ("refused-no-item", vec![("number", n.to_string())]),
            R::NotCurrentItem(_) => ("refused-not-current-item", vec![]),
            R::AlreadyCurrent(_) => ("refused-already-current", vec![]),
            R::TooDeep(depth) => ("refused-too-deep", vec![("depth", depth.to_string())]),
            R::TooManyItems(max) => ("refused-too-many-items", vec![("max", max.to_string())]),
            R::TooManyMotions(max) => ("refused-too-many-motions", vec![("max", max.to_string())]),
            R::TooManyAmendments(max) => ("refused-too-many-amendments", vec![("max", max.to_string())]),
            R::NoMotion(n) => ("refused-no-motion", vec![("number", n.to_string())]),
            // A motion only submitted: say what to do next, not just its state.
            R::MotionState { motion, status: "submitted", .. } => {
                ("refused-motion-admit-first", vec![("number", motion.to_string())])
            }
            R::MotionState { status, .. } => ("refused-motion-state", vec![("status", (*status).to_owned())]),
            R::NoAmendment(n) => ("refused-no-amendment", vec![("number", n.to_string())]),
            R::AmendmentState { amendment, status: "submitted", needed } if needed.contains("before the motion") => {
                ("refused-amendment-undecided", vec![("number", amendment.to_string())])
            }
            R::AmendmentState { status, .. } => ("refused-amendment-state", vec![("status", (*status).to_owned())]),
            R::NotMover(_) => ("refused-not-mover", vec![]),
            R::OwnMotion => ("refused-own-motion", vec![]),
            R::AlreadySeconded(_) => ("refused-already-seconded", vec![]),
            R::NotSeconded { needed, have } => {
                ("refused-not-seconded", vec![("needed", needed.to_string()), ("have", have.to_string())])
            }
            R::LineRange { lines, .. } => ("refused-line-range", vec![("lines", lines.to_string())]),
            R::StaleAmendment { .. } => ("refused-stale-amendment", vec![]),
            R::BadAlternative => ("refused-bad-alternative", vec![]),
            R::AlreadyWaiting(_) => ("refused-already-waiting", vec![]),
            R::NotWaiting(_) => ("refused-not-waiting", vec![]),
            R::NobodyWaiting => ("refused-nobody-waiting", vec![]),
            R::NobodySpeaking => ("refused-nobody-speaking", vec![]),
            R::NoQuorum { present, needed } => {
                ("refused-no-quorum", vec![("present", present.to_string()), ("needed", needed.to_string())])
            }
            R::VoteOpen(_) => ("refused-vote-open", vec![]),
            R::NoVote(n) => ("refused-no-vote", vec![("number", n.to_string())]),
            R::VoteClosed(_) => ("refused-vote-closed", vec![]),
            R::AlreadyVoted(_) => ("refused-already-voted", vec![]),
            R::CountedByTellers(_) => ("refused-counted-by-tellers", vec![]),
            R::ByName(_) => ("refused-by-name", vec![]),
            R::TooManyCounted { counted, present } => {
                ("refused-too-many-counted", vec![("counted", counted.to_string()), ("present", present.to_string())])
            }
            R::NotCounted(_) => ("refused-not-counted", vec![]),
            R::BadMajority => ("refused-bad-majority", vec![]),
            R::BadRules(invalid) | R::BadOptions(invalid) | R::BadBallot(invalid) => {
                return WebError::from_invalid(invalid);
            }
            R::ChoosesAmongOptions(_) => ("refused-chooses-among-options", vec![]),
            R::YesNoVote(_) => ("refused-yes-no-vote", vec![]),
            R::OptionsNeedQuestion => ("refused-options-need-question", vec![]),
        };
        WebError::BadInputWith(key.to_owned(), args)
    }

    pub fn from_node(error: NodeError) -> WebError {
        match error {
            NodeError::UnknownCouncil(_) => WebError::NotFound,
            NodeError::Rejected(rejected) => WebError::from_rejected(&rejected),
            NodeError::Store(store) => WebError::from_store(store),
            other => WebError::Internal(other.to_string()),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::SignInRequired | WebError::BadBearer => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::BadInput(_) | WebError::BadInputWith(..) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::TooManyStreams => StatusCode::TOO_MANY_REQUESTS,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The Fluent key and arguments of the message shown to people.
    pub fn message(&self) -> (&str, Vec<(&'static str, String)>) {
        match self {
            WebError::NotFound => ("error-not-found", vec![]),
            WebError::SignInRequired | WebError::BadBearer => ("error-sign-in-required", vec![]),
            WebError::Forbidden => ("error-forbidden", vec![]),
            WebError::Csrf => ("error-csrf", vec![]),
            WebError::BadInput(key) => (key.as_str(), vec![]),
            WebError::BadInputWith(key, args) => (key.as_str(), args.clone()),
            WebError::TooLarge => ("error-too-large", vec![]),
            WebError::Throttled(minutes) => ("signin-throttled", vec![("minutes", minutes.to_string())]),
            WebError::Busy => ("error-busy", vec![]),
            WebError::TooManyStreams => ("error-too-many-streams", vec![]),
            WebError::Internal(_) => ("error-internal", vec![]),
        }
    }
}

/// How a caller wants its errors: a page for browsers, a JSON object for programs (the API and the scripts' JSON
/// endpoints), plain text for a page script that shows the message where it is (`X-Kenes-Fetch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Page,
    Json,
}

/// The mark `into_response` leaves for `render_errors`.
#[derive(Clone, Debug)]
struct Marked(Arc<WebError>, Shape);

/// An error for a JSON endpoint: the same error, answered as `{"error": {"code", "message"}}`.
#[derive(Debug)]
pub struct JsonError(pub WebError);

impl<E: Into<WebError>> From<E> for JsonError {
    fn from(error: E) -> JsonError {
        JsonError(error.into())
    }
}

impl IntoResponse for JsonError {
    fn into_response(self) -> Response {
        self.0.marked(Shape::Json)
    }
}

impl WebError {
    fn marked(self, shape: Shape) -> Response {
        // What a client sees when no `render_errors` runs (it always does in `routes::router`): the status and the
        // message's key.
        let (key, _) = self.message();
        let mut response = (self.status(), key.to_owned()).into_response();
        response.extensions_mut().insert(Marked(Arc::new(self), shape));
        response
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        self.marked(Shape::Page)
    }
}

/// The one place errors are rendered. It reads the request's context once (language, session) and hands it to the
/// handler in the request's extensions, so `Ctx` is computed once per request.
pub async fn render_errors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let api = parts.uri.path().starts_with("/api/");
    let fetch = parts.headers.contains_key("x-kenes-fetch");
    let ctx = match Ctx::from_request_parts(&mut parts, &state).await {
        Ok(ctx) => ctx,
        Err(error) => {
            let ctx = Ctx::anonymous(&parts, &state);
            return render(&state, &ctx, &error, if api { Shape::Json } else { Shape::Page }, fetch);
        }
    };
    parts.extensions.insert(ctx.clone());
    let response = next.run(Request::from_parts(parts, body)).await;
    match response.extensions().get::<Marked>().cloned() {
        Some(Marked(error, shape)) => {
            let shape = if api { Shape::Json } else { shape };
            render(&state, &ctx, &error, shape, fetch)
        }
        None => response,
    }
}

fn render(state: &AppState, ctx: &Ctx, error: &WebError, shape: Shape, fetch: bool) -> Response {
    if let WebError::Internal(detail) = error {
        tracing::error!(%detail, "internal error");
    }
    let (key, args) = error.message();
    let message = ta(state, ctx, key, &args);
    if fetch {
        return (error.status(), [(CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response();
    }
    match shape {
        Shape::Json => {
            (error.status(), axum::Json(serde_json::json!({ "error": { "code": key, "message": message } })))
                .into_response()
        }
        Shape::Page if matches!(error, WebError::SignInRequired) => Redirect::to("/signin").into_response(),
        Shape::Page => {
            let title = t(state, ctx, "error-title");
            let body = html! {
                div role="alert" { p { (message) } }
                p { a href="/" { (t(state, ctx, "nav-councils")) } }
            };
            (error.status(), layout(state, ctx, &title, body)).into_response()
        }
    }
}
