//! Federations in the JSON API: a council's federation side (memberships, mandates, petitions) and, for a federation,
//! its member councils and seats with each citation checked against the records this node holds; and one route that
//! takes any federation step, its payload checked by `kenes_council` as the record's own rule.
//!
//! Seating or unseating a delegate is refused here when this node holds the cited record and the citation does not
//! hold there; a citation of a record not (yet) here is taken, and shows as unchecked until the record arrives.
//! When this node holds a member council's record, the federation's page offers its mandates to seat and its ended
//! mandates to unseat with the citation made here from that record (`pending`, `ended`).
//!
//! `api.rs` is the JSON API, `pages.rs` the page.

pub mod api;
pub mod pages;

use serde_json::{Value, json};

use kenes_council::federation::citations::{Cited, Expect, Status};
use kenes_council::federation::{Citation, FederationEvent};
use kenes_council::{CouncilEvent, MemberId};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::require_member;

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
        FederationEvent::SeatsSet(set) => set.size.as_ref().map(|size| Cited {
            member: MemberId(0),
            citation: size.citation.clone(),
            expect: Expect::Size { members: size.members },
        }),
        _ => None,
    })
}

/// What weighing seats by size did: the member councils whose weight was recorded anew, and those whose records
/// this node does not hold (their weights stay as they were).
#[derive(Clone, Debug, Default)]
pub struct Weighed {
    pub weighed: Vec<String>,
    pub not_held: Vec<String>,
}

/// Who presides weighs every listed member council's seats by its size now: for each whose record is held here,
/// what it represents at the head of that record (cited), shared among its seats (`weight_by_size`); recorded as
/// `federation.seats_set` with the size, skipped when the size is the one recorded already.
pub async fn weigh_by_size(state: &AppState, ctx: &Ctx, federation: EventHash) -> Result<Weighed, WebError> {
    use kenes_council::federation::weight_by_size;
    let me = require_member(state, ctx, federation)?;
    state.node().read(federation, |c| c.may_set_seats(me))??;
    let listed: Vec<kenes_council::federation::MemberCouncil> =
        state.node().read(federation, |c| c.member_councils().values().cloned().collect())?;
    let held = state.node().council_ids();
    let mut out = Weighed::default();
    for member in listed {
        let Some(id) = EventHash::from_hex(&member.council).ok().filter(|id| held.contains(id)) else {
            out.not_held.push(member.name.as_str().to_owned());
            continue;
        };
        let (represented, height) = state.node().read(id, |c| (c.represented(), c.height()))?;
        let members = u32::try_from(represented).unwrap_or(u32::MAX);
        if member.size.as_ref().is_some_and(|size| size.members == members) {
            continue;
        }
        let Some(head) = state.node().store().load_event_range(id, height.saturating_sub(1), height)?.pop() else {
            continue;
        };
        let payload = json!({
            "council": member.council, "name": member.name.as_str(), "seats": member.seats,
            "weight": weight_by_size(members, member.seats),
            "size": { "members": members, "citation": {
                "council": member.council, "height": head.height, "hash": head.hash().to_hex(), "at_ms": head.timestamp_ms,
            } },
        });
        let Value::Object(payload) = payload else { continue };
        take_step(state, ctx, federation, "federation.seats_set", payload).await?;
        out.weighed.push(member.name.as_str().to_owned());
    }
    Ok(out)
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
            return Err(WebError::BadInputWith("fr-citation-wrong".to_owned(), vec![("why", why)]));
        }
    }
    let seated = match &step {
        FederationEvent::Seated(seated) => Some((seated.citation.council.clone(), seated.mandate)),
        _ => None,
    };
    let height = state.execute_blocking(council, CouncilEvent::Federation(step)).await?.height;
    if let Some((lower, mandate)) = seated {
        crate::blocking({
            let state = state.clone();
            move || link_delegate(&state, council, &lower, mandate)
        })
        .await?;
    }
    Ok(height)
}

/// A delegate just seated who has an account on this node, as the member their council mandated, signs in to the
/// federation with the same account: the account is linked to their new member number there.
fn link_delegate(state: &AppState, federation: EventHash, lower: &str, mandate: u32) -> Result<(), WebError> {
    let Ok(lower_id) = EventHash::from_hex(lower) else { return Ok(()) };
    if !state.node().council_ids().contains(&lower_id) {
        return Ok(());
    }
    let Some(delegate) = state.node().read(lower_id, |c| c.mandate(mandate).map(|m| m.delegate))? else {
        return Ok(());
    };
    let seat = state.node().read(federation, |c| {
        c.seats().values().find(|s| s.council == lower && s.mandate == mandate).map(|s| s.member)
    })?;
    let backend = state.node().store().backend();
    if let (Some(seat), Some(account)) = (seat, backend.account_of_member(lower_id, delegate.0)?) {
        backend.link_member(account, federation, seat.0)?;
    }
    Ok(())
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
                "size": m.size.as_ref().map(|size| json!({
                    "members": size.members, "citation": citation_json(&size.citation),
                    "citation_check": status_of(&size.citation),
                })),
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

/// A mandate of a member council this node holds, to this federation, not seated yet: what seating it cites.
#[derive(Clone, Debug)]
pub struct Pending {
    pub council_name: String,
    pub mandate: u32,
    pub seat: u8,
    pub delegate: kenes_council::DisplayName,
    pub citation: Citation,
}

/// A seated delegate whose mandate ended in their council's record held here: what unseating them cites.
#[derive(Clone, Debug)]
pub struct Ended {
    pub member: MemberId,
    pub reason: kenes_council::federation::Unseat,
    pub citation: Citation,
}

/// The member councils' records this node holds, among the ones the federation lists: `(id, hex)`.
fn held_members(state: &AppState, federation: EventHash) -> Result<Vec<(EventHash, String)>, WebError> {
    let listed: Vec<String> = state.node().read(federation, |c| c.member_councils().keys().cloned().collect())?;
    let held = state.node().council_ids();
    Ok(listed
        .into_iter()
        .filter_map(|hex| EventHash::from_hex(&hex).ok().map(|id| (id, hex)))
        .filter(|(id, _)| held.contains(id))
        .collect())
}

/// Mandates to this federation in the member councils' records held here that no seat took yet.
pub fn pending(state: &AppState, federation: EventHash) -> Result<Vec<Pending>, WebError> {
    let fed = federation.to_hex();
    let taken: Vec<(String, u32)> = state.node().read(federation, |c| {
        c.seats()
            .values()
            .chain(c.past_seats().iter().map(|p| &p.holder))
            .map(|s| (s.council.clone(), s.mandate))
            .collect()
    })?;
    let mut out = Vec::new();
    for (id, hex) in held_members(state, federation)? {
        out.extend(state.node().read(id, |c| {
            c.mandates()
                .iter()
                .filter(|m| m.is_active() && m.federation == fed && !taken.contains(&(hex.clone(), m.number)))
                .filter_map(|m| {
                    Some(Pending {
                        council_name: c.name.as_str().to_owned(),
                        mandate: m.number,
                        seat: m.seat,
                        delegate: c.member(m.delegate)?.name.clone(),
                        citation: Citation {
                            council: hex.clone(),
                            height: m.given.height,
                            hash: m.given.hash.clone(),
                            at_ms: m.given.at_ms,
                        },
                    })
                })
                .collect::<Vec<_>>()
        })?);
    }
    Ok(out)
}

/// Seated delegates whose mandates ended in their councils' records held here.
pub fn ended(state: &AppState, federation: EventHash) -> Result<Vec<Ended>, WebError> {
    let seats: Vec<(MemberId, String, u32)> = state
        .node()
        .read(federation, |c| c.seats().values().map(|s| (s.member, s.council.clone(), s.mandate)).collect())?;
    let held = held_members(state, federation)?;
    let mut out = Vec::new();
    for (member, council, mandate) in seats {
        let Some((id, _)) = held.iter().find(|(_, hex)| *hex == council) else { continue };
        let end = state.node().read(*id, |c| c.mandate(mandate).and_then(|m| m.ended.clone()))?;
        if let Some(end) = end {
            let citation = Citation { council, height: end.at.height, hash: end.at.hash, at_ms: end.at.at_ms };
            out.push(Ended { member, reason: end.how, citation });
        }
    }
    Ok(out)
}

/// A decision as a form gives it: `vote-<meeting>-<vote>` or `election-<number>`.
pub fn parse_decision(text: &str) -> Option<kenes_council::federation::Decision> {
    use kenes_council::federation::Decision;
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        ["vote", assembly, vote] => Some(Decision::Vote { assembly: assembly.parse().ok()?, vote: vote.parse().ok()? }),
        ["election", election] => Some(Decision::Election { election: election.parse().ok()? }),
        _ => None,
    }
}

pub fn decision_value(decision: kenes_council::federation::Decision) -> String {
    use kenes_council::federation::Decision;
    match decision {
        Decision::Vote { assembly, vote } => format!("vote-{assembly}-{vote}"),
        Decision::Election { election } => format!("election-{election}"),
    }
}

/// How a delegate voted on a federation motion they were instructed on, read from the federation's record when this
/// node holds it: `None` while the motion has not been voted on (or the record is not here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportBack {
    pub mandate: u32,
    pub assembly: u32,
    pub motion: u32,
    pub instruction: kenes_council::federation::Instruction,
    pub voted: Option<kenes_council::assembly::model::VoteChoice>,
}

impl ReportBack {
    /// Whether the delegate's vote went against the instruction (a free vote never does; not voting does).
    pub fn against_instruction(&self) -> bool {
        use kenes_council::assembly::model::VoteChoice;
        use kenes_council::federation::Instruction;
        let wanted = match self.instruction {
            Instruction::For => VoteChoice::Yes,
            Instruction::Against => VoteChoice::No,
            Instruction::Abstain => VoteChoice::Abstain,
            Instruction::Free => return false,
        };
        self.voted.is_some_and(|voted| voted != wanted)
    }
}

/// The report-back of every instruction this council gave, as far as the federations' records held here tell.
pub fn report_back(state: &AppState, council: EventHash) -> Result<Vec<ReportBack>, WebError> {
    use kenes_council::assembly::model::VoteSubject;
    let hex = council.to_hex();
    let instructed: Vec<(String, u32, u32, u32, kenes_council::federation::Instruction)> =
        state.node().read(council, |c| {
            c.mandates()
                .iter()
                .flat_map(|m| {
                    m.instructed.iter().map(move |((a, mo), i)| (m.federation.clone(), m.number, *a, *mo, *i))
                })
                .collect()
        })?;
    let held = state.node().council_ids();
    let mut out = Vec::new();
    for (federation, mandate, assembly, motion, instruction) in instructed {
        let voted = match EventHash::from_hex(&federation).ok().filter(|id| held.contains(id)) {
            Some(id) => state.node().read(id, |f| {
                let holder = f
                    .seats()
                    .values()
                    .chain(f.past_seats().iter().map(|p| &p.holder))
                    .find(|s| s.council == hex && s.mandate == mandate)?;
                let vote = f
                    .assembly(assembly)?
                    .votes
                    .iter()
                    .rev()
                    .find(|v| v.subject == VoteSubject::Motion(motion) && v.result.is_some())?;
                vote.ballots.get(&holder.member).copied()
            })?,
            None => None,
        };
        out.push(ReportBack { mandate, assembly, motion, instruction, voted });
    }
    Ok(out)
}

/// A seated delegate's instructions: their council's name, and `(meeting, motion, instruction)` in the federation.
#[derive(Clone, Debug, Default)]
pub struct Instructions {
    pub council: String,
    pub on: Vec<(u32, u32, kenes_council::federation::Instruction)>,
}

/// What a seated delegate's council instructed them on this federation's motions, read from the council's record
/// when this node holds it.
pub fn my_instructions(state: &AppState, ctx: &Ctx, federation: EventHash) -> Result<Instructions, WebError> {
    let Some(account) = &ctx.account else { return Ok(Instructions::default()) };
    let Some(me) = crate::ui::membership(state, account, federation)? else { return Ok(Instructions::default()) };
    let Some((council, mandate)) =
        state.node().read(federation, |c| c.seats().get(&me).map(|s| (s.council.clone(), s.mandate)))?
    else {
        return Ok(Instructions::default());
    };
    let Some(id) = EventHash::from_hex(&council).ok().filter(|id| state.node().council_ids().contains(id)) else {
        return Ok(Instructions::default());
    };
    Ok(state.node().read(id, |c| {
        let instructed = c
            .mandate(mandate)
            .map(|m| m.instructed.iter().map(|((a, mo), i)| (*a, *mo, *i)).collect())
            .unwrap_or_default();
        Instructions { council: c.name.as_str().to_owned(), on: instructed }
    })?)
}

/// The citation of the `vote.closed` event by which `council` adopted motion `motion` of meeting `assembly`, from its
/// record held here, with the motion's title and adopted text.
pub fn adoption(
    state: &AppState,
    council: EventHash,
    assembly: u32,
    motion: u32,
) -> Result<Option<(Citation, kenes_council::assembly::model::Title, kenes_council::assembly::model::LongText)>, WebError>
{
    use kenes_council::assembly::MotionStatus;
    use kenes_council::assembly::model::VoteSubject;
    let found = state.node().read(council, |c| {
        let a = c.assembly(assembly)?;
        let m = a.motion(motion).filter(|m| m.status == MotionStatus::Adopted)?;
        let height = a
            .votes
            .iter()
            .rev()
            .find(|v| v.subject == VoteSubject::Motion(motion))
            .and_then(|v| v.result.as_ref())
            .map(|r| r.closed_height)?;
        Some((height, m.title.clone(), m.text.clone()))
    })?;
    let Some((height, title, text)) = found else { return Ok(None) };
    let Some(event) = state.node().store().load_event_range(council, height, height + 1)?.into_iter().next() else {
        return Ok(None);
    };
    let citation =
        Citation { council: council.to_hex(), height, hash: event.hash().to_hex(), at_ms: event.timestamp_ms };
    Ok(Some((citation, title, text)))
}

/// Motions a council adopted: `(meeting, motion, title)`.
pub fn adopted_motions(council: &kenes_council::Council) -> Vec<(u32, u32, String)> {
    council
        .assemblies()
        .iter()
        .flat_map(|a| {
            a.motions
                .iter()
                .filter(|m| m.status == kenes_council::assembly::MotionStatus::Adopted)
                .map(move |m| (a.id, m.id, m.title.as_str().to_owned()))
        })
        .collect()
}

/// A seated delegate brings a motion their council adopted to the federation's meeting in session, under its current
/// agenda item, with its lineage.
pub async fn forward(
    state: &AppState,
    ctx: &Ctx,
    federation: EventHash,
    assembly: u32,
    motion: u32,
) -> Result<u64, WebError> {
    let me = require_member(state, ctx, federation)?;
    let (seat_council, meeting) = state.node().read(federation, |c| {
        let seat = c.seats().get(&me).map(|s| s.council.clone());
        let meeting = c
            .assemblies()
            .iter()
            .find(|a| a.status == kenes_council::assembly::Status::Open && a.current_item.is_some())
            .map(|a| (a.id, a.current_item.unwrap_or(0)));
        (seat, meeting)
    })?;
    let lower = seat_council.and_then(|hex| EventHash::from_hex(&hex).ok()).ok_or(WebError::Forbidden)?;
    let (meeting, item) = meeting.ok_or_else(|| WebError::BadInput("fd-no-open-meeting".to_owned()))?;
    let (citation, title, text) = crate::blocking({
        let state = state.clone();
        move || adoption(&state, lower, assembly, motion)
    })
    .await?
    .ok_or(WebError::NotFound)?;
    let submitted = kenes_council::assembly::events::MotionSubmitted {
        by: me,
        assembly: meeting,
        item,
        title,
        text,
        alternative_to: None,
        origin: Some(citation),
    };
    let command = CouncilEvent::Assembly(kenes_council::assembly::events::AssemblyEvent::MotionSubmitted(submitted));
    Ok(state.execute_blocking(federation, command).await?.height)
}
