//! The federations page of a council (`/c/{id}/federation`): the federations it joined, its delegates' mandates with
//! the recall petitions members sign and instructions; for a federation, its member councils, seated delegates with
//! each mandate's check, mandates waiting for a seat, ended mandates to unseat, and who left their seats.
//! Forms post to `/c/{id}/federation/{kind}`; every step goes through `super::take_step`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Form;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Value, json};

use kenes_council::federation::Unseat;
use kenes_council::{Council, CouncilKind, MemberId};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{confirm, layout, parse_council_id, require_member, see_other, t, ta};

#[derive(Debug, Default, Deserialize)]
pub struct FedForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    federation: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    seat: String,
    #[serde(default)]
    delegate: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    instructions: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    mandate: String,
    #[serde(default)]
    assembly: String,
    #[serde(default)]
    motion: String,
    #[serde(default)]
    instruction: String,
    #[serde(default)]
    council: String,
    #[serde(default)]
    seats: String,
    #[serde(default)]
    weight: String,
    #[serde(default)]
    percent: String,
    #[serde(default)]
    member: String,
}

/// A number typed in a form; anything else is refused as bad input naming the field.
fn number(text: &str, what: &str) -> Result<u64, WebError> {
    text.trim()
        .parse()
        .map_err(|_| WebError::BadInputWith("fd-not-a-number".to_owned(), vec![("what", what.to_owned())]))
}

fn decision(text: &str) -> Result<Value, WebError> {
    let decision = super::parse_decision(text).ok_or_else(|| WebError::BadInput("fd-no-decision".to_owned()))?;
    serde_json::to_value(decision).map_err(|e| WebError::Internal(e.to_string()))
}

/// The payload a form gives for a step (without `by`).
fn payload(state: &AppState, council: EventHash, kind: &str, form: &FedForm) -> Result<Value, WebError> {
    Ok(match kind {
        "federation.joined" => json!({ "federation": form.federation.trim().to_lowercase(), "name": form.name }),
        "recall.rule_set" => json!({ "percent": number(&form.percent, "percent")? }),
        "mandate.given" => {
            let mut payload = json!({
                "federation": form.federation, "seat": number(&form.seat, "seat")?,
                "delegate": number(&form.delegate, "delegate")?, "decision": decision(&form.decision)?,
            });
            if !form.instructions.trim().is_empty() {
                payload["instructions"] = json!(form.instructions);
            }
            if !form.until.trim().is_empty() {
                let until = crate::councils::offices::end_of_day(form.until.trim())
                    .ok_or_else(|| WebError::BadInput("office-bad-date".to_owned()))?;
                payload["until_ms"] = json!(until);
            }
            payload
        }
        "recall.signed" | "recall.withdrawn" | "mandate.ended" => {
            json!({ "mandate": number(&form.mandate, "mandate")? })
        }
        "mandate.recalled" => {
            json!({ "mandate": number(&form.mandate, "mandate")?, "decision": decision(&form.decision)? })
        }
        "mandate.instructed" => json!({
            "mandate": number(&form.mandate, "mandate")?, "assembly": number(&form.assembly, "assembly")?,
            "motion": number(&form.motion, "motion")?, "instruction": form.instruction, "decision": decision(&form.decision)?,
        }),
        "federation.seats_set" => json!({
            "council": form.council.trim().to_lowercase(), "name": form.name,
            "seats": number(&form.seats, "seats")?, "weight": number(&form.weight, "weight")?,
        }),
        "delegate.seated" => {
            let mandate = number(&form.mandate, "mandate")? as u32;
            let found = super::pending(state, council)?
                .into_iter()
                .find(|p| p.citation.council == form.council && p.mandate == mandate)
                .ok_or(WebError::NotFound)?;
            json!({ "seat": found.seat, "mandate": found.mandate, "citation": found.citation_json(), "name": found.delegate.as_str() })
        }
        "motion.received" => {
            let federation = EventHash::from_hex(form.federation.trim()).map_err(|_| WebError::NotFound)?;
            let (citation, title, text) = super::adoption(
                state,
                federation,
                number(&form.assembly, "assembly")? as u32,
                number(&form.motion, "motion")? as u32,
            )?
            .ok_or(WebError::NotFound)?;
            json!({
                "federation": form.federation.trim(),
                "citation": { "council": citation.council, "height": citation.height, "hash": citation.hash, "at_ms": citation.at_ms },
                "title": title.as_str(), "text": text.as_str(),
            })
        }
        "delegate.unseated" => {
            let member = MemberId(number(&form.member, "member")? as u32);
            let found =
                super::ended(state, council)?.into_iter().find(|e| e.member == member).ok_or(WebError::NotFound)?;
            json!({ "member": member.0, "reason": found.reason, "citation": found.citation_json() })
        }
        _ => return Err(WebError::NotFound),
    })
}

/// `POST /c/{id}/federation/{kind}`: a step from the page's forms.
pub async fn step_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, kind)): Path<(String, String)>,
    Form(form): Form<FedForm>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    ctx.check_csrf(Some(&form.csrf))?;
    let outcome = async {
        if kind == "motion.forwarded" {
            let (assembly, motion) =
                (number(&form.assembly, "assembly")? as u32, number(&form.motion, "motion")? as u32);
            return super::forward(&state, &ctx, council, assembly, motion).await.map(|_| None);
        }
        if kind == "weights.by_size" {
            let weighed = super::weigh_by_size(&state, &ctx, council).await?;
            return Ok((!weighed.not_held.is_empty()).then_some(weighed.not_held));
        }
        let Value::Object(payload) = payload(&state, council, &kind, &form)? else {
            return Err(WebError::Internal("a payload is an object".to_owned()));
        };
        super::take_step(&state, &ctx, council, &kind, payload).await.map(|_| None)
    }
    .await;
    match outcome {
        Ok(None) => Ok(see_other(&format!("/c/{id}/federation"))),
        Ok(Some(not_held)) => {
            let shown = html! { div role="status" { p { (ta(&state, &ctx, "fd-not-held", &[("councils", not_held.join(", "))])) } } };
            Ok(page(&state, &ctx, council, shown).await?.into_response())
        }
        Err(error @ (WebError::BadInput(_) | WebError::BadInputWith(..))) => {
            let (key, args) = error.message();
            let shown = html! { div role="alert" { p { (ta(&state, &ctx, key, &args)) } } };
            Ok(page(&state, &ctx, council, shown).await?.into_response())
        }
        Err(error) => Err(error),
    }
}

/// `GET /c/{id}/federation`.
pub async fn federation_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let council = parse_council_id(&id)?;
    Ok(page(&state, &ctx, council, html! {}).await?.into_response())
}

async fn page(state: &AppState, ctx: &Ctx, council: EventHash, notice: Markup) -> Result<Markup, WebError> {
    let me = require_member(state, ctx, council)?;
    let (pending, ended, citations, reports, travel) = crate::blocking({
        let state = state.clone();
        let ctx_me = me;
        move || {
            let reports = super::report_back(&state, council)?;
            let travel = travelling(&state, council, ctx_me)?;
            let is_federation = state.node().read(council, |c| c.kind == CouncilKind::Federation)?;
            if !is_federation {
                return Ok((Vec::new(), Vec::new(), Vec::new(), reports, travel));
            }
            let citations = state.node().citations(council)?;
            Ok((super::pending(&state, council)?, super::ended(&state, council)?, citations, reports, travel))
        }
    })
    .await?;
    let names: Vec<(String, String)> = state
        .node()
        .council_ids()
        .into_iter()
        .filter_map(|id| state.node().read(id, |c| (id.to_hex(), c.name.as_str().to_owned())).ok())
        .collect();
    let name_of = |hex: &str| names.iter().find(|(h, _)| h == hex).map(|(_, n)| n.clone());
    state
        .node()
        .read(council, |c| {
            let title = format!("{} · {}", c.name.as_str(), t(state, ctx, "fd-title"));
            let view = View {
                state,
                ctx,
                council: c,
                me,
                csrf: ctx.csrf().to_owned(),
                action: format!("/c/{}/federation", c.id().to_hex()),
            };
            let body = html! {
                (notice)
                p { a href={ "/c/" (c.id().to_hex()) } { (t(state, ctx, "back-to-council")) } }
                @if c.kind == CouncilKind::Federation {
                    (view.federation_side(&pending, &ended, &citations, &name_of))
                }
                (view.travel(&travel))
                (view.member_side(&name_of, &reports))
            };
            layout(state, ctx, &title, body)
        })
        .map_err(Into::into)
}

/// Motions that may travel: up (the signed-in delegate's council's adopted motions not brought yet, when this is a
/// federation they sit in) and down (adopted motions of the federations this council joined, not recorded yet).
#[derive(Default)]
struct Travel {
    up: Vec<(u32, u32, String)>,
    down: Vec<(String, String, u32, u32, String)>,
}

fn travelling(state: &AppState, council: EventHash, me: MemberId) -> Result<Travel, WebError> {
    let held = state.node().council_ids();
    let mut travel = Travel::default();
    let (seat, origins, memberships, received) = state.node().read(council, |c| {
        let origins: Vec<(String, u64)> = c
            .assemblies()
            .iter()
            .flat_map(|a| a.motions.iter().filter_map(|m| m.origin.as_ref().map(|o| (o.council.clone(), o.height))))
            .collect();
        let memberships: Vec<(String, String)> =
            c.memberships().iter().map(|m| (m.federation.clone(), m.name.as_str().to_owned())).collect();
        let received: Vec<(String, u64)> =
            c.received().iter().map(|r| (r.citation.council.clone(), r.citation.height)).collect();
        (c.seats().get(&me).map(|s| s.council.clone()), origins, memberships, received)
    })?;
    if let Some(lower) = seat.and_then(|hex| EventHash::from_hex(&hex).ok()).filter(|id| held.contains(id)) {
        let adopted = state.node().read(lower, super::adopted_motions)?;
        for (assembly, motion, title) in adopted {
            if let Some((citation, _, _)) = super::adoption(state, lower, assembly, motion)? {
                if !origins.contains(&(citation.council.clone(), citation.height)) {
                    travel.up.push((assembly, motion, title));
                }
            }
        }
    }
    for (federation, name) in memberships {
        let Some(id) = EventHash::from_hex(&federation).ok().filter(|id| held.contains(id)) else { continue };
        let adopted = state.node().read(id, super::adopted_motions)?;
        for (assembly, motion, title) in adopted {
            if let Some((citation, _, _)) = super::adoption(state, id, assembly, motion)? {
                if !received.contains(&(citation.council.clone(), citation.height)) {
                    travel.down.push((federation.clone(), name.clone(), assembly, motion, title));
                }
            }
        }
    }
    Ok(travel)
}

struct View<'a> {
    state: &'a AppState,
    ctx: &'a Ctx,
    council: &'a Council,
    me: MemberId,
    csrf: String,
    action: String,
}

impl View<'_> {
    fn t(&self, key: &str) -> String {
        t(self.state, self.ctx, key)
    }

    fn ta(&self, key: &str, args: &[(&str, String)]) -> String {
        ta(self.state, self.ctx, key, args)
    }

    fn name(&self, member: MemberId) -> String {
        self.council.member(member).map(|m| m.name.as_str().to_owned()).unwrap_or_default()
    }

    fn manages(&self) -> bool {
        kenes_council::may_manage(self.council, self.me)
    }

    /// A form posting one step, with its token.
    fn form(&self, kind: &str, fields: Markup) -> Markup {
        html! {
            form method="post" action={ (self.action) "/" (kind) } {
                input type="hidden" name="csrf" value=(self.csrf);
                (fields)
            }
        }
    }

    /// The council's decisions a step may carry out: votes that passed (or, for a mandate, chose among candidates)
    /// and tallied elections, each not used yet.
    fn decisions(&self, yes_no: bool) -> Vec<(String, String)> {
        use kenes_council::federation::Decision;
        let c = self.council;
        let mut out = Vec::new();
        for assembly in c.assemblies() {
            for vote in &assembly.votes {
                let decision = Decision::Vote { assembly: assembly.id, vote: vote.id };
                let Some(result) = &vote.result else { continue };
                let usable = if vote.choices.is_some() { !yes_no } else { result.outcome.passed };
                if usable && !c.decision_used(decision) {
                    let label = format!("{} · {}", assembly.title.as_str(), vote.question.as_str());
                    out.push((super::decision_value(decision), label));
                }
            }
        }
        for election in c.elections() {
            let decision = Decision::Election { election: election.id };
            if c.decision_holds(decision, None, false) {
                out.push((super::decision_value(decision), election.title.as_str().to_owned()));
            }
        }
        out
    }

    fn decision_select(&self, id: &str, yes_no: bool) -> Markup {
        let decisions = self.decisions(yes_no);
        html! {
            p {
                label for=(id) { (self.t("fd-decision")) }
                @if decisions.is_empty() {
                    span.meta { (self.t("fd-no-decision")) }
                } @else {
                    select id=(id) name="decision" required {
                        @for (value, label) in &decisions { option value=(value) { (label) } }
                    }
                }
            }
        }
    }

    fn travel(&self, travel: &Travel) -> Markup {
        let c = self.council;
        html! {
            @if !travel.up.is_empty() {
                section aria-labelledby="forward-heading" {
                    h2 #forward-heading { (self.t("fd-forward")) }
                    p { (self.t("fd-forward-help")) }
                    ul { @for (assembly, motion, title) in &travel.up {
                        li { (self.form("motion.forwarded", html! {
                            input type="hidden" name="assembly" value=(assembly);
                            input type="hidden" name="motion" value=(motion);
                            button.secondary type="submit" { (self.ta("fd-forward-submit", &[("title", title.clone())])) }
                        })) }
                    } }
                }
            }
            @if self.manages() && !travel.down.is_empty() {
                section aria-labelledby="decisions-heading" {
                    h2 #decisions-heading { (self.t("fd-decisions")) }
                    p { (self.t("fd-decisions-help")) }
                    ul { @for (federation, name, assembly, motion, title) in &travel.down {
                        li {
                            (name) ": " (title)
                            (self.form("motion.received", html! {
                                input type="hidden" name="federation" value=(federation);
                                input type="hidden" name="assembly" value=(assembly);
                                input type="hidden" name="motion" value=(motion);
                                button.secondary type="submit" { (self.ta("fd-receive-submit", &[("title", title.clone())])) }
                            }))
                        }
                    } }
                }
            }
            @if !c.received().is_empty() {
                section aria-labelledby="received-heading" {
                    h2 #received-heading { (self.t("fd-received")) }
                    @for r in c.received() {
                        article.motion {
                            h3 { (r.title.as_str()) }
                            ol.lines { @for line in r.text.lines() { li { (line) } } }
                        }
                    }
                }
            }
        }
    }

    fn member_side(&self, name_of: &dyn Fn(&str) -> Option<String>, reports: &[super::ReportBack]) -> Markup {
        let c = self.council;
        let may_vote = c.may_vote(self.me);
        let fed_name = |hex: &str| {
            c.memberships()
                .iter()
                .find(|m| m.federation == hex)
                .map(|m| m.name.as_str().to_owned())
                .or_else(|| name_of(hex))
                .unwrap_or_else(|| hex.chars().take(12).collect())
        };
        html! {
            section aria-labelledby="memberships-heading" {
                h2 #memberships-heading { (self.t("fd-memberships")) }
                @if c.memberships().is_empty() {
                    p { (self.t("fd-memberships-none")) }
                } @else {
                    ul { @for m in c.memberships() { li { (m.name.as_str()) " " span.meta { code { (m.federation.chars().take(16).collect::<String>()) "…" } } } } }
                }
                @if self.manages() {
                    details {
                        summary { (self.t("fd-join")) }
                        p { (self.t("fd-join-help")) }
                        (self.form("federation.joined", html! {
                            p { label for="join-id" { (self.t("fd-federation-id")) } input #join-id name="federation" required minlength="64" maxlength="64" pattern="[0-9a-fA-F]{64}" autocomplete="off" spellcheck="false"; }
                            p { label for="join-name" { (self.t("fd-federation-name")) } input #join-name name="name" required maxlength="100"; }
                            p { button type="submit" { (self.t("fd-join-submit")) } }
                        }))
                    }
                }
            }
            section aria-labelledby="mandates-heading" {
                h2 #mandates-heading { (self.t("fd-mandates")) }
                @if c.mandates().is_empty() { p { (self.t("fd-mandates-none")) } }
                ul.cards {
                    @for m in c.mandates().iter().rev() {
                        li.card {
                            h3 { (self.ta("fd-mandate-line", &[("mandate", m.number.to_string()), ("delegate", self.name(m.delegate)), ("seat", m.seat.to_string()), ("federation", fed_name(&m.federation))])) }
                            p { strong { @match &m.ended {
                                None => (self.t("fd-active")),
                                Some(end) if end.how == Unseat::Recalled => (self.t("fd-recalled")),
                                Some(_) => (self.t("fd-ended")),
                            } } }
                            @if let Some(until) = m.until_ms.filter(|_| m.is_active()) {
                                @let day = crate::ui::format_time(until - 1)[..10].to_owned();
                                @if until <= crate::auth::now_ms() {
                                    p.warn { (self.ta("fd-term-over", &[("date", day)])) }
                                } @else {
                                    p { (self.ta("fd-until", &[("date", day)])) }
                                }
                            }
                            @if let Some(text) = &m.instructions { p.description { (text.as_str()) } }
                            @for ((assembly, motion), instruction) in &m.instructed {
                                p { (self.ta("fd-instructed", &[("assembly", assembly.to_string()), ("motion", motion.to_string()), ("instruction", instruction.as_str().to_owned())])) }
                                @if let Some(report) = reports.iter().find(|r| r.mandate == m.number && r.assembly == *assembly && r.motion == *motion) {
                                    @if let Some(voted) = report.voted {
                                        @if report.against_instruction() {
                                            p.warn { strong { (self.ta("fd-voted-against", &[("delegate", self.name(m.delegate)), ("voted", voted.as_str().to_owned())])) } }
                                        } @else {
                                            p { (self.ta("fd-voted", &[("delegate", self.name(m.delegate)), ("voted", voted.as_str().to_owned())])) }
                                        }
                                    }
                                }
                            }
                            @if m.is_active() {
                                p { (self.ta("fd-petition", &[("signatures", m.petition.len().to_string()), ("needed", c.recall_signatures_needed().to_string())])) }
                                @if may_vote && !m.petition.contains(&self.me) {
                                    (self.form("recall.signed", html! {
                                        input type="hidden" name="mandate" value=(m.number);
                                        button.secondary type="submit" { (self.ta("fd-sign", &[("delegate", self.name(m.delegate))])) }
                                    }))
                                }
                                @if m.petition.contains(&self.me) {
                                    (self.form("recall.withdrawn", html! {
                                        input type="hidden" name="mandate" value=(m.number);
                                        button.secondary type="submit" { (self.t("fd-withdraw")) }
                                    }))
                                }
                                @if self.manages() {
                                    @if m.petition_reached_ms.is_some() && m.petition.len() >= c.recall_signatures_needed() {
                                        h4 { (self.ta("fd-recall", &[("delegate", self.name(m.delegate))])) }
                                        p { (self.t("fd-recall-help")) }
                                        (self.form("mandate.recalled", html! {
                                            input type="hidden" name="mandate" value=(m.number);
                                            (self.decision_select(&format!("recall-decision-{}", m.number), true))
                                            p { button.danger type="submit" { (self.t("fd-recall-submit")) } }
                                        }))
                                    }
                                    (confirm(&self.ta("fd-end", &[("mandate", m.number.to_string())]), &self.t("fd-end-question"), self.form("mandate.ended", html! {
                                        input type="hidden" name="mandate" value=(m.number);
                                        button.danger type="submit" { (self.t("fd-end-submit")) }
                                    })))
                                }
                            }
                        }
                    }
                }
            }
            @if self.manages() && !c.memberships().is_empty() {
                section aria-labelledby="give-heading" {
                    h2 #give-heading { (self.t("fd-give")) }
                    p { (self.t("fd-give-help")) }
                    (self.form("mandate.given", html! {
                        p { label for="give-federation" { (self.t("fd-federation")) }
                            select #give-federation name="federation" { @for m in c.memberships() { option value=(m.federation) { (m.name.as_str()) } } } }
                        p { label for="give-seat" { (self.t("fd-seat")) } input #give-seat name="seat" type="number" min="1" max="255" value="1" required; }
                        p { label for="give-delegate" { (self.t("fd-delegate")) }
                            select #give-delegate name="delegate" { @for m in c.active_members().filter(|m| c.may_vote(m.id)) { option value=(m.id.0) { (m.name.as_str()) } } } }
                        (self.decision_select("give-decision", false))
                        p { label for="give-instructions" { (self.t("fd-instructions")) } textarea #give-instructions name="instructions" rows="3" maxlength="10000" {} }
                        p { label for="give-until" { (self.t("fd-until-label")) } input #give-until name="until" type="date"; }
                        p { button type="submit" { (self.t("fd-give-submit")) } }
                    }))
                }
                @if c.mandates().iter().any(|m| m.is_active()) {
                    section aria-labelledby="instruct-heading" {
                        h2 #instruct-heading { (self.t("fd-instruct")) }
                        p { (self.t("fd-instruct-help")) }
                        (self.form("mandate.instructed", html! {
                            p { label for="instruct-mandate" { (self.t("fd-delegate")) }
                                select #instruct-mandate name="mandate" { @for m in c.mandates().iter().filter(|m| m.is_active()) { option value=(m.number) { (self.name(m.delegate)) " (" (fed_name(&m.federation)) ")" } } } }
                            p { label for="instruct-assembly" { (self.t("fd-meeting")) } input #instruct-assembly name="assembly" type="number" min="1" required; }
                            p { label for="instruct-motion" { (self.t("fd-motion")) } input #instruct-motion name="motion" type="number" min="1" required; }
                            p { label for="instruct-instruction" { (self.t("fd-instruction")) }
                                select #instruct-instruction name="instruction" {
                                    @for code in ["for", "against", "abstain", "free"] { option value=(code) { (self.t(&format!("fd-instruction-{code}"))) } }
                                } }
                            (self.decision_select("instruct-decision", true))
                            p { button type="submit" { (self.t("fd-instruct-submit")) } }
                        }))
                    }
                }
                section aria-labelledby="rule-heading" {
                    h2 #rule-heading { (self.t("fd-rule")) }
                    p { (self.ta("fd-rule-help", &[("percent", c.recall_percent().to_string())])) }
                    (self.form("recall.rule_set", html! {
                        p { label for="rule-percent" { (self.t("fd-percent")) } input #rule-percent name="percent" type="number" min="1" max="100" value=(c.recall_percent()) required; }
                        p { button.secondary type="submit" { (self.t("fd-rule-submit")) } }
                    }))
                }
            }
        }
    }

    fn federation_side(
        &self,
        pending: &[super::Pending],
        ended: &[super::Ended],
        citations: &[(kenes_council::federation::citations::Cited, kenes_council::federation::citations::Status)],
        name_of: &dyn Fn(&str) -> Option<String>,
    ) -> Markup {
        use kenes_council::federation::citations::Status;
        let c = self.council;
        let council_name = |hex: &str| {
            c.member_councils()
                .get(hex)
                .map(|m| m.name.as_str().to_owned())
                .or_else(|| name_of(hex))
                .unwrap_or_default()
        };
        let check = |citation: &kenes_council::federation::Citation| {
            let council = council_name(&citation.council);
            match citations.iter().find(|(cited, _)| &cited.citation == citation).map(|(_, s)| s) {
                Some(Status::Checked) => html! { span.ok { (self.ta("fd-check-checked", &[("council", council)])) } },
                Some(Status::Wrong(why)) => {
                    html! { strong role="alert" { (self.ta("fd-check-wrong", &[("why", why.clone())])) } }
                }
                _ => html! { span.meta { (self.ta("fd-check-unchecked", &[("council", council)])) } },
            }
        };
        html! {
            p { (self.t("fd-id")) " " code.key #federation-id { (c.id().to_hex()) } }
            section aria-labelledby="members-heading" {
                h2 #members-heading { (self.t("fd-members")) }
                @if c.member_councils().is_empty() { p { (self.t("fd-members-none")) } }
                ul { @for m in c.member_councils().values() {
                    li {
                        (self.ta("fd-member-line", &[("name", m.name.as_str().to_owned()), ("seats", m.seats.to_string()), ("weight", m.weight.to_string())]))
                        @if let Some(size) = &m.size {
                            br; (self.ta("fd-by-size", &[("members", size.members.to_string()), ("date", crate::ui::format_time(size.citation.at_ms))]))
                            " " (check(&size.citation))
                        }
                    }
                } }
                @if self.manages() && !c.member_councils().is_empty() {
                    (self.form("weights.by_size", html! {
                        p { (self.t("fd-weigh-help")) }
                        p { button.secondary type="submit" { (self.t("fd-weigh-submit")) } }
                    }))
                }
                @if self.manages() {
                    details {
                        summary { (self.t("fd-list")) }
                        (self.form("federation.seats_set", html! {
                            p { label for="list-id" { (self.t("fd-council-id")) } input #list-id name="council" required minlength="64" maxlength="64" pattern="[0-9a-fA-F]{64}" autocomplete="off" spellcheck="false"; }
                            p { label for="list-name" { (self.t("fd-council-name")) } input #list-name name="name" required maxlength="100"; }
                            p { label for="list-seats" { (self.t("fd-seats")) } input #list-seats name="seats" type="number" min="0" max="255" value="1" required; }
                            p { label for="list-weight" { (self.t("fd-weight")) } input #list-weight name="weight" type="number" min="1" max="1000000" value="1" required; }
                            p { button type="submit" { (self.t("fd-list-submit")) } }
                        }))
                    }
                }
            }
            section aria-labelledby="seated-heading" {
                h2 #seated-heading { (self.t("fd-seated")) }
                @if c.seats().is_empty() { p { (self.t("fd-seated-none")) } }
                ul { @for s in c.seats().values() {
                    li {
                        (self.ta("fd-seated-line", &[("name", self.name(s.member)), ("council", council_name(&s.council)), ("seat", s.seat.to_string()), ("weight", c.vote_weight(s.member).to_string())]))
                        br; (check(&s.citation))
                    }
                } }
            }
            @if self.manages() && !pending.is_empty() {
                section aria-labelledby="pending-heading" {
                    h2 #pending-heading { (self.t("fd-pending")) }
                    ul { @for p in pending {
                        li {
                            (self.ta("fd-pending-line", &[("delegate", p.delegate.as_str().to_owned()), ("council", p.council_name.clone()), ("seat", p.seat.to_string()), ("mandate", p.mandate.to_string())]))
                            (self.form("delegate.seated", html! {
                                input type="hidden" name="council" value=(p.citation.council);
                                input type="hidden" name="mandate" value=(p.mandate);
                                button type="submit" { (self.ta("fd-seat-submit", &[("delegate", p.delegate.as_str().to_owned())])) }
                            }))
                        }
                    } }
                }
            }
            @if self.manages() && !ended.is_empty() {
                section aria-labelledby="ended-heading" {
                    h2 #ended-heading { (self.t("fd-ended-list")) }
                    ul { @for e in ended {
                        li {
                            (self.form("delegate.unseated", html! {
                                input type="hidden" name="member" value=(e.member.0);
                                button.danger type="submit" { (self.ta("fd-unseat-submit", &[("name", self.name(e.member))])) }
                            }))
                        }
                    } }
                }
            }
            @if !c.past_seats().is_empty() {
                section aria-labelledby="past-heading" {
                    h2 #past-heading { (self.t("fd-past")) }
                    ul { @for p in c.past_seats() {
                        li {
                            (self.ta("fd-past-line", &[("name", self.name(p.holder.member)), ("council", council_name(&p.holder.council)), ("reason", if p.reason == Unseat::Recalled { "recalled" } else { "ended" }.to_owned())]))
                            @if !p.after_end.is_empty() {
                                br; strong { (self.ta("fd-after-end", &[("votes", p.after_end.iter().map(|(a, v)| self.ta("fd-vote-ref", &[("assembly", a.to_string()), ("vote", v.to_string())])).collect::<Vec<_>>().join(", "))])) }
                            }
                            br; (check(&p.citation))
                        }
                    } }
                }
            }
        }
    }
}

impl super::Pending {
    fn citation_json(&self) -> Value {
        json!({ "council": self.citation.council, "height": self.citation.height, "hash": self.citation.hash, "at_ms": self.citation.at_ms })
    }
}

impl super::Ended {
    fn citation_json(&self) -> Value {
        json!({ "council": self.citation.council, "height": self.citation.height, "hash": self.citation.hash, "at_ms": self.citation.at_ms })
    }
}
