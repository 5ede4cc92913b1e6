//! Federations in the JSON API: a council's federation side (memberships, mandates, petitions) and, for a federation,
//! its member councils and seats with each citation checked against the records this node holds; and one route that
//! takes any federation step, its payload checked by `kenes_council` as the record's own rule.
//!
//! Seating or unseating a delegate is refused here when this node holds the cited record and the citation does not
//! hold there; a citation of a record not (yet) here is taken, and shows as unchecked until the record arrives.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use kenes_council::federation::citations::{Cited, Expect, Status};
use kenes_council::federation::{Citation, FederationEvent};
use kenes_council::{CouncilEvent, MemberId};
use kenes_record::EventHash;

use crate::AppState;
use crate::api::{Body, Writer};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

fn council_id(text: &str) -> Result<EventHash, WebError> {
    EventHash::from_hex(text).map_err(|_| WebError::NotFound)
}

fn refused(reason: String) -> WebError {
    WebError::BadInputWith("fed-refused".to_owned(), vec![("reason", reason)])
}

/// What a seating or an unseating cites, as the citation check reads it.
fn cited_by(state: &AppState, federation: EventHash, step: &FederationEvent) -> Result<Option<Cited>, WebError> {
    Ok(match step {
        FederationEvent::Seated(seated) => Some(Cited {
            member: MemberId(0),
            citation: seated.citation.clone(),
            expect: Expect::Mandate { seat: seated.seat, mandate: seated.mandate, name: seated.name.clone() },
        }),
        FederationEvent::Unseated(unseated) => {
            let mandate = state.node().read(federation, |c| c.seats().get(&unseated.member).map(|s| s.mandate))?;
            mandate.map(|mandate| Cited {
                member: unseated.member,
                citation: unseated.citation.clone(),
                expect: Expect::End { mandate, reason: unseated.reason },
            })
        }
        _ => None,
    })
}

/// Takes one federation step in the acting member's name: `kind` is the event kind, `payload` its fields but `by`.
pub async fn take_step(
    state: &AppState,
    ctx: &Ctx,
    council: EventHash,
    kind: &str,
    mut payload: serde_json::Map<String, Value>,
) -> Result<u64, WebError> {
    if !kenes_council::federation::events::KINDS.contains(&kind) {
        return Err(WebError::NotFound);
    }
    let me = require_member(state, ctx, council)?;
    payload.insert("by".to_owned(), json!(me.0));
    let bytes = serde_json::to_vec(&payload).map_err(|e| WebError::Internal(e.to_string()))?;
    let Ok(CouncilEvent::Federation(step)) = CouncilEvent::decode(kind, &bytes) else {
        return Err(WebError::BadInput("error-json".to_owned()));
    };
    if let Some(cited) = cited_by(state, council, &step)? {
        let status = crate::blocking({
            let state = state.clone();
            move || Ok(state.node().check_citation(council, &cited)?)
        })
        .await?;
        if let Status::Wrong(why) = status {
            return Err(refused(format!("the citation does not hold: {why}")));
        }
    }
    Ok(state.execute_blocking(council, CouncilEvent::Federation(step)).await?.height)
}

fn citation_json(citation: &Citation) -> Value {
    json!({ "council": citation.council, "height": citation.height, "hash": citation.hash, "at_ms": citation.at_ms })
}

fn status_json(status: &Status) -> Value {
    match status {
        Status::Checked => json!({ "status": "checked" }),
        Status::Unchecked { held } => json!({ "status": "unchecked", "held": held }),
        Status::Wrong(why) => json!({ "status": "wrong", "why": why }),
    }
}

/// The council's federation side as JSON, for a member of it.
pub async fn summary(state: &AppState, ctx: &Ctx, council: EventHash) -> Result<Value, WebError> {
    require_member(state, ctx, council)?;
    let citations = crate::blocking({
        let state = state.clone();
        move || Ok(state.node().citations(council)?)
    })
    .await?;
    let status_of = |citation: &Citation| {
        citations
            .iter()
            .find(|(c, _)| &c.citation == citation)
            .map_or(json!({ "status": "unchecked" }), |(_, s)| status_json(s))
    };
    Ok(state.node().read(council, |c| {
        let name = |id: MemberId| c.member(id).map(|m| m.name.as_str().to_owned());
        json!({
            "kind": c.kind.as_str(),
            "recall_percent": c.recall_percent(),
            "recall_signatures_needed": c.recall_signatures_needed(),
            "memberships": c.memberships().iter().map(|m| json!({
                "federation": m.federation, "name": m.name.as_str(), "joined_height": m.joined_height,
            })).collect::<Vec<_>>(),
            "mandates": c.mandates().iter().map(|m| json!({
                "mandate": m.number, "federation": m.federation, "seat": m.seat,
                "delegate": m.delegate.0, "delegate_name": name(m.delegate),
                "decision": m.decision, "until_ms": m.until_ms,
                "instructions": m.instructions.as_ref().map(|t| t.as_str()),
                "given": { "height": m.given.height, "hash": m.given.hash, "at_ms": m.given.at_ms },
                "active": m.is_active(),
                "ended": m.ended.as_ref().map(|e| json!({ "how": e.how, "height": e.at.height, "hash": e.at.hash, "at_ms": e.at.at_ms })),
                "petition": m.petition.iter().map(|id| id.0).collect::<Vec<_>>(),
                "petition_reached_ms": m.petition_reached_ms,
                "instructed": m.instructed.iter().map(|((assembly, motion), i)| json!({
                    "assembly": assembly, "motion": motion, "instruction": i.as_str(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "member_councils": c.member_councils().values().map(|m| json!({
                "council": m.council, "name": m.name.as_str(), "seats": m.seats, "weight": m.weight,
            })).collect::<Vec<_>>(),
            "seats": c.seats().values().map(|s| json!({
                "member": s.member.0, "name": name(s.member), "council": s.council, "seat": s.seat,
                "mandate": s.mandate, "weight": c.vote_weight(s.member), "citation": citation_json(&s.citation),
                "citation_check": status_of(&s.citation), "seated_height": s.seated_height,
            })).collect::<Vec<_>>(),
            "past_seats": c.past_seats().iter().map(|p| json!({
                "member": p.holder.member.0, "name": name(p.holder.member), "council": p.holder.council,
                "seat": p.holder.seat, "mandate": p.holder.mandate, "reason": p.reason,
                "citation": citation_json(&p.citation), "citation_check": status_of(&p.citation),
                "seat_citation_check": status_of(&p.holder.citation),
                "votes_after_end": p.after_end.iter().map(|(a, v)| json!({ "assembly": a, "vote": v })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    })?)
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/federation",
    tag = "federations",
    summary = "The council's federations, mandates and recall petitions; for a federation, its member councils and seats, each citation checked against the records this node holds",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "The federation side of the council"), (status = "4XX", description = "Refused", body = crate::api::ApiError))
)]
pub async fn get_federation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(Json(summary(&state, &ctx, council_id(&id)?).await?).into_response())
}

#[utoipa::path(
    post,
    path = "/api/councils/{id}/federation/{kind}",
    tag = "federations",
    summary = "Take a federation step: kind is the event kind (federation.joined, recall.rule_set, mandate.given, recall.signed, recall.withdrawn, mandate.recalled, mandate.ended, mandate.instructed, federation.seats_set, delegate.seated, delegate.unseated); the body is its payload without `by` (docs/record.md, Federation events)",
    params(crate::api::CouncilParams, ("kind" = String, Path, description = "The event kind")),
    request_body = Object,
    responses((status = 200, description = "Written: the event's height"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn post_step(
    State(state): State<AppState>,
    Writer(ctx): Writer,
    Path((id, kind)): Path<(String, String)>,
    Body(payload): Body<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let height = take_step(&state, &ctx, council_id(&id)?, &kind, payload).await?;
    Ok(Json(json!({ "height": height })).into_response())
}
