//! The web layer's one error type, its one `IntoResponse`, and its localized error page.
//! Internal details are logged, never rendered.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use kenes_council::assembly::Refused;
use kenes_council::{Invalid, Rejected};
use kenes_store::{NodeError, StoreError};

#[derive(Debug)]
pub enum WebError {
    NotFound,
    SignInRequired,
    /// A bearer token that opens no session (API clients get 401, not a redirect).
    BadBearer,
    Forbidden,
    Csrf,
    /// Bad input: the Fluent key of the message.
    BadInput(String),
    /// Bad input with arguments for the message.
    BadInputWith(String, Vec<(&'static str, String)>),
    /// The request body is too large.
    TooLarge,
    /// Too many failed sign-ins: try again in this many minutes.
    Throttled(u64),
    /// Too much work is waiting (proof checks): try again shortly.
    Busy,
    /// The account has as many live streams open as it may.
    TooManyStreams,
    Internal(String),
}

impl WebError {
    pub fn from_store(error: StoreError) -> WebError {
        match error {
            StoreError::UsernameTaken(_) => WebError::BadInput("error-username-taken".to_owned()),
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
            Rejected::Invalid(invalid) => return WebError::from_invalid(invalid),
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
            R::NoMotion(n) => ("refused-no-motion", vec![("number", n.to_string())]),
            R::MotionState { status, .. } => ("refused-motion-state", vec![("status", (*status).to_owned())]),
            R::NoAmendment(n) => ("refused-no-amendment", vec![("number", n.to_string())]),
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

/// Without a request context (no language known) errors answer in plain English; handlers that have a `Ctx`
/// render the localized page through `crate::pages::error_page` instead.
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        if matches!(self, WebError::SignInRequired) {
            return Redirect::to("/signin").into_response();
        }
        let (key, _) = self.message();
        (self.status(), key.to_owned()).into_response()
    }
}
