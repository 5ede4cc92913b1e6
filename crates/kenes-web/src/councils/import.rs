//! Importing a CSV roll from the council page, and the report of what was wrong with it.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use kenes_council::roll::{RollError, RowProblem};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;

use super::*;
use crate::ui::*;

pub fn row_problem_text(state: &AppState, ctx: &Ctx, problem: &RowProblem) -> String {
    match problem {
        RowProblem::FieldCount { expected, found } => {
            ta(state, ctx, "roll-field-count", &[("expected", expected.to_string()), ("found", found.to_string())])
        }
        RowProblem::Csv(detail) => ta(state, ctx, "roll-csv", &[("detail", detail.clone())]),
        RowProblem::Name(invalid) | RowProblem::Role(invalid) => {
            let error = WebError::from_invalid(invalid);
            let (key, args) = error.message();
            ta(state, ctx, key, &args)
        }
        RowProblem::Contact => t(state, ctx, "roll-contact"),
        RowProblem::AlreadyMember(name) => ta(state, ctx, "roll-already-member", &[("name", name.clone())]),
        RowProblem::DuplicateOf { name, line } => {
            ta(state, ctx, "roll-duplicate", &[("name", name.clone()), ("line", line.to_string())])
        }
    }
}

pub async fn import_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    let mut csrf = None;
    let mut roll = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| WebError::BadInput("error-upload".to_owned()))? {
        match field.name() {
            Some("csrf") => csrf = Some(field.text().await.map_err(|_| WebError::BadInput("error-upload".to_owned()))?),
            Some("roll") => {
                let bytes = field.bytes().await.map_err(|_| WebError::TooLarge)?;
                if bytes.len() > MAX_ROLL_BYTES {
                    return Err(WebError::TooLarge);
                }
                roll = Some(bytes);
            }
            _ => {}
        }
    }
    ctx.check_csrf(csrf.as_deref())?;
    let roll = roll.ok_or_else(|| WebError::BadInput("error-upload".to_owned()))?;
    let (state2, ctx2) = (state.clone(), ctx.clone());
    let outcome = crate::blocking(move || import_roll(&state2, &ctx2, council, &roll)).await?;
    Ok(import_report(&state, &ctx, council, outcome))
}

pub(crate) fn import_report(state: &AppState, ctx: &Ctx, council: EventHash, outcome: ImportResult) -> Response {
    let title = t(state, ctx, "import-title");
    let (status, body) = match outcome {
        ImportResult::Imported(count) => (
            StatusCode::OK,
            html! {
                div role="status" { p { (ta(state, ctx, "import-done", &[("count", count.to_string())])) } }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
        ImportResult::Refused(RollError::File(detail)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! {
                div role="alert" { p { (ta(state, ctx, "import-file-error", &[("detail", detail)])) } }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
        ImportResult::Refused(RollError::Rows(rows)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! {
                div role="alert" { p { (ta(state, ctx, "import-refused", &[("count", rows.len().to_string())])) } }
                table {
                    caption { (t(state, ctx, "import-rejected-caption")) }
                    thead { tr { th scope="col" { (t(state, ctx, "import-line")) } th scope="col" { (t(state, ctx, "import-reason")) } } }
                    tbody { @for row in &rows { tr { td { (row.line) } td { (row_problem_text(state, ctx, &row.problem)) } } } }
                }
                p { a href={ "/c/" (council.to_hex()) } { (t(state, ctx, "back-to-council")) } }
            },
        ),
    };
    (status, layout(state, ctx, &title, body)).into_response()
}

// ---------------------------------------------------------------------------------------------------------------
