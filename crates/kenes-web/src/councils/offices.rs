//! Offices held for a term (`kenes_council::offices`): the council page lists who holds which office until when and
//! which terms end soon; the manage page gives a term and ends one early.

use axum::extract::{Path, State};
use axum::response::Response;
use axum_extra::extract::Form;
use maud::{Markup, html};
use serde::Deserialize;

use kenes_council::assembly::model::Title;
use kenes_council::offices::{OfficeEvent, TermEnded, TermGiven};
use kenes_council::{Council, CouncilEvent, MemberId};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{confirm, format_time, parse_council_id, require_member, see_other, t, ta};

/// A term ending within this many days is shown as ending soon.
pub const SOON_DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;

/// The end of the day `YYYY-MM-DD` (UTC), in milliseconds since 1970; `None` for anything else.
pub fn end_of_day(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let (year, month, day): (i64, i64, i64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm), the inverse of `ui::format_time`'s.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days + 1) * DAY_MS)
}

/// The council page's list: running terms, each until when, those ending soon marked.
pub fn section(state: &AppState, ctx: &Ctx, council: &Council, now_ms: i64) -> Markup {
    let running: Vec<_> = council.terms().iter().filter(|term| term.holds_at(now_ms)).collect();
    let name = |id: MemberId| council.member(id).map(|m| m.name.as_str().to_owned()).unwrap_or_default();
    html! {
        @if !running.is_empty() {
            section aria-labelledby="offices-heading" {
                h2 #offices-heading { (t(state, ctx, "office-title")) }
                ul { @for term in running {
                    li {
                        (ta(state, ctx, "office-line", &[("name", name(term.member)), ("office", term.office.as_str().to_owned()), ("until", format_time(term.until_ms - 1)[..10].to_owned())]))
                        @if term.until_ms - now_ms <= SOON_DAYS * DAY_MS {
                            " " strong.warn-text { (t(state, ctx, "office-ends-soon")) }
                        }
                    }
                } }
            }
        }
    }
}

/// The manage page's part: give a term, end a running one.
pub fn manage(state: &AppState, ctx: &Ctx, council: &Council, now_ms: i64) -> Markup {
    let id = council.id().to_hex();
    let name = |id: MemberId| council.member(id).map(|m| m.name.as_str().to_owned()).unwrap_or_default();
    html! {
        section aria-labelledby="office-give-heading" {
            h2 #office-give-heading { (t(state, ctx, "office-give")) }
            p { (t(state, ctx, "office-give-help")) }
            form method="post" action={ "/c/" (id) "/offices" } {
                input type="hidden" name="csrf" value=(ctx.csrf());
                p { label for="office-member" { (t(state, ctx, "office-member")) }
                    select #office-member name="member" { @for m in council.active_members() { option value=(m.id.0) { (m.name.as_str()) } } } }
                p { label for="office-name" { (t(state, ctx, "office-name")) } input #office-name name="office" required maxlength="200" placeholder=(t(state, ctx, "office-name-example")); }
                p { label for="office-until" { (t(state, ctx, "office-until")) } input #office-until name="until" type="date" required; }
                p { button type="submit" { (t(state, ctx, "office-give-submit")) } }
            }
            @for term in council.terms().iter().filter(|term| term.holds_at(now_ms)) {
                p {
                    (ta(state, ctx, "office-line", &[("name", name(term.member)), ("office", term.office.as_str().to_owned()), ("until", format_time(term.until_ms - 1)[..10].to_owned())]))
                    (confirm(&t(state, ctx, "office-end"), &t(state, ctx, "office-end-question"), html! {
                        form method="post" action={ "/c/" (id) "/offices/" (term.number) "/end" } {
                            input type="hidden" name="csrf" value=(ctx.csrf());
                            button.danger type="submit" { (t(state, ctx, "office-end-submit")) }
                        }
                    }))
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct OfficeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    until: String,
}

/// `POST /c/{id}/offices`.
pub async fn give_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = require_member(&state, &ctx, council)?;
    let member = MemberId(form.member.trim().parse().map_err(|_| WebError::BadInput("error-not-a-member".to_owned()))?);
    let until_ms = end_of_day(&form.until).ok_or_else(|| WebError::BadInput("office-bad-date".to_owned()))?;
    let office = Title::parse(&form.office)?;
    let command = CouncilEvent::Office(OfficeEvent::TermGiven(TermGiven { by: me, member, office, until_ms }));
    state.execute_blocking(council, command).await?;
    Ok(see_other(&format!("/c/{id}/manage")))
}

/// `POST /c/{id}/offices/{term}/end`.
pub async fn end_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, term)): Path<(String, u32)>,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let me = require_member(&state, &ctx, council)?;
    let command = CouncilEvent::Office(OfficeEvent::TermEnded(TermEnded { by: me, term }));
    state.execute_blocking(council, command).await?;
    Ok(see_other(&format!("/c/{id}/manage")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_is_the_end_of_that_day_in_utc() {
        assert_eq!(super::end_of_day("1970-01-01"), Some(86_400_000));
        for (date, end) in [("2027-03-01", "2027-03-01 23:59 UTC"), ("2028-02-29", "2028-02-29 23:59 UTC")] {
            assert_eq!(super::end_of_day(date).map(|ms| crate::ui::format_time(ms - 1)).as_deref(), Some(end));
        }
        assert_eq!(super::end_of_day("2027-13-01"), None);
        assert_eq!(super::end_of_day("next year"), None);
    }
}
