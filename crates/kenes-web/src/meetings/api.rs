//! The JSON API of meetings: a council's meetings and one meeting's state (actions are `actions::act_json`).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

use crate::api::Ids;

pub(crate) fn who(council: &kenes_council::Council, member: kenes_council::MemberId) -> Value {
    json!({ "member": member.0, "name": crate::meetings::name(council, member) })
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/assemblies",
    tag = "meetings",
    summary = "The council's meetings",
    params(crate::api::CouncilParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn list_assemblies(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    require_member(&state, &ctx, id)?;
    let assemblies = state.node().read(id, |c| {
        c.assemblies()
            .iter()
            .map(|a| {
                json!({ "number": a.id, "title": a.title.as_str(), "place": a.place.as_str(),
                    "starts": a.starts.as_str(), "status": a.status.as_str() })
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Json(json!({ "assemblies": assemblies })).into_response())
}

/// A meeting as the fold of the record leaves it: attendance and quorum, agenda, motions, amendments, the current
/// item's speakers, and every vote with its result (names once a vote is closed, as on the pages).
pub fn assembly_json(council: &kenes_council::Council, a: &kenes_council::assembly::Assembly) -> Value {
    use kenes_council::assembly::quorum;
    let (met, present, needed) = quorum(council, a);
    let speakers = a.current_item.and_then(|item| a.speakers(item)).map(|list| {
        json!({
            "current": list.current.map(|s| json!({ "member": who(council, s.member), "kind": s.kind.as_str(), "since_ms": s.since_ms })),
            "waiting": list.waiting.iter().map(|w| json!({ "member": who(council, w.member), "kind": w.kind.as_str() })).collect::<Vec<_>>(),
        })
    });
    let votes: Vec<Value> = a
        .votes
        .iter()
        .map(|v| {
            let (yes, no, abstain) = v.tally();
            let closed = v.result.is_some();
            json!({
                "number": v.id, "item": v.item, "question": v.question.as_str(),
                "subject": v.subject, "mode": v.mode, "majority": v.majority, "choices": v.choices,
                "open": !closed, "so_far": { "yes": yes, "no": no, "abstain": abstain },
                "result": v.result.as_ref().map(|r| json!({
                    "yes": r.yes, "no": r.no, "abstain": r.abstain, "present": r.present,
                    "quorum_met": r.outcome.quorum_met, "passed": r.outcome.passed,
                    "yes_needed": r.outcome.yes_needed,
                    "count": r.count.as_deref().map(kenes_count::report::to_json),
                })),
                "ballots": if closed {
                    v.ballots.iter().map(|(m, c)| json!({ "member": who(council, *m), "choice": c })).collect::<Vec<_>>()
                } else { Vec::new() },
                "rankings": if closed {
                    v.rankings.iter().map(|(m, r)| json!({ "member": who(council, *m), "ranking": r })).collect::<Vec<_>>()
                } else { Vec::new() },
            })
        })
        .collect();
    json!({
        "number": a.id, "title": a.title.as_str(), "place": a.place.as_str(), "starts": a.starts.as_str(),
        "status": a.status.as_str(), "height": a.last_height,
        "rules": { "quorum_percent": a.rules.quorum_percent, "seconders": a.rules.seconders,
                   "alternate": a.rules.alternate, "speaking_seconds": a.rules.speaking_seconds },
        "quorum": { "present": present, "needed": needed, "met": met },
        "present": a.present.iter().map(|m| who(council, *m)).collect::<Vec<_>>(),
        "current_item": a.current_item,
        "agenda": a.agenda_in_order().iter().map(|i| json!({ "item": i.id, "number": i.number, "title": i.title.as_str(),
            "minutes": i.minutes, "parent": i.parent })).collect::<Vec<_>>(),
        "motions": a.motions.iter().map(|m| json!({ "number": m.id, "item": m.item, "title": m.title.as_str(),
            "mover": who(council, m.mover), "seconders": m.seconders.iter().map(|s| who(council, *s)).collect::<Vec<_>>(),
            "status": m.status.as_str(), "version": m.version, "alternative_to": m.alternative_to,
            "text_as_moved": m.original.as_str(), "text": m.text.as_str() })).collect::<Vec<_>>(),
        "amendments": a.amendments.iter().map(|am| json!({ "number": am.id, "motion": am.motion,
            "mover": who(council, am.mover), "from_line": am.from_line, "to_line": am.to_line, "version": am.version,
            "replaced": am.replaced, "text": am.text.as_str(), "status": am.status.as_str(),
            "seconders": am.seconders.iter().map(|s| who(council, *s)).collect::<Vec<_>>() })).collect::<Vec<_>>(),
        "speakers": speakers,
        "votes": votes,
    })
}

#[utoipa::path(
    get,
    path = "/api/councils/{id}/assemblies/{number}",
    tag = "meetings",
    summary = "A meeting: attendance, quorum, agenda, motions, speakers, votes",
    params(crate::api::MeetingParams),
    responses((status = 200, description = "Done"), (status = "4XX", description = "Refused; nothing changed", body = crate::api::ApiError))
)]
pub async fn get_assembly(State(state): State<AppState>, ctx: Ctx, ids: Ids) -> Result<Response, WebError> {
    let id = ids.council;
    let number = ids.number()?;
    require_member(&state, &ctx, id)?;
    let body = state.node().read(id, |c| c.assembly(number).map(|a| assembly_json(c, a)))?.ok_or(WebError::NotFound)?;
    Ok(Json(body).into_response())
}
