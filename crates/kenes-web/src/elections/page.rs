//! The election's page: status, the ballot board, the result, the secretary's controls.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use kenes_council::election::ElectionStatus;
use kenes_council::{MemberId, Role};
use kenes_count::method::{Method, MethodName, StvRulesName};
use kenes_crypto::election::{QuestionJson, sha256_hex};

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::ui::{layout_with, require_member, t, ta};

use super::*;

pub async fn election_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, number) = parse_ids(&id, &number)?;
    let me = require_member(&state, &ctx, council)?;
    let (election, council_name) = election_of(&state, council, number)?;
    let boxed = if election.status == ElectionStatus::Setup {
        None
    } else {
        Some(ballot_box_async(&state, council, number).await?)
    };
    // The page is made off the async threads: reading the box waits while a close or a decryption is stored.
    let (state, ctx) = (state.clone(), ctx.clone());
    crate::blocking(move || {
    let setup = load_setup(&state, council, number)?;
    let (presides, council_private) = state
        .node()
        .read(council, |c| (c.member(me).is_some_and(|m| matches!(m.role, Role::Chair | Role::Secretary)), c.private))
        ?;
    let names = state
        .node()
        .read(council, |c| setup.trustees().iter().map(|t| crate::meetings::name(c, MemberId(*t))).collect::<Vec<_>>())
        ?;
    let guard = match &boxed {
        Some(b) => Some(b.read()?),
        None => None,
    };
    let url = base(council, number);
    let csrf = ctx.csrf();
    let is_trustee = setup.trustee_index(me).is_some();
    let has_credential = setup.credentials.contains_key(&me.0);
    let roll = if presides && election.status == ElectionStatus::Setup {
        roll_controls(&state, &ctx, council, number, &setup)?
    } else {
        html! {}
    };
    let body = html! {
        p { a href={ "/c/" (council.to_hex()) "/elections" } { (council_name) } " · " strong { (t(&state, &ctx, &format!("el-status-{}", election.status.as_str()))) } }
        @if !setup.description.is_empty() { p { (setup.description) } }
        p.meta { (t(&state, &ctx, if setup.hall { "el-mode-hall" } else { "el-mode-members" })) }
        @if council_private { p.meta { (t(&state, &ctx, if election.published { "el-published" } else { "el-private" })) } }
        h2 { (t(&state, &ctx, "el-questions")) }
        ol {
            @for (qi, q) in setup.questions.iter().enumerate() {
                li { (q.question) " "
                    @if let Some(method) = setup.ranked.get(&qi) {
                        small { "(" (method_line(&state, &ctx, method)) ")" }
                    } @else {
                        small { "(" (ta(&state, &ctx, "el-choose", &[("min", q.min.to_string()), ("max", q.max.to_string())])) ")" }
                    }
                    ul { @for a in &q.answers { li { (a) } } }
                }
            }
        }
        h2 { (t(&state, &ctx, "el-trustees")) }
        ul {
            @for (i, name) in names.iter().enumerate() {
                @let done = setup.ceremony().has_finished(i);
                @let decrypted = guard.as_ref().is_some_and(|b| b.decrypted().contains(&(i + 1)));
                // While ranked ballots wait for their shuffles: who has shuffled, and who has yet to.
                @let shuffling = guard.as_ref().and_then(|b| b.shuffles_pending()).map(|done| done.contains(&(i + 1)));
                li {
                    (name) ": "
                    @if decrypted { (t(&state, &ctx, "el-trustee-decrypted")) }
                    @else if shuffling == Some(true) { (t(&state, &ctx, "el-trustee-shuffled")) }
                    @else if shuffling == Some(false) { (t(&state, &ctx, "el-trustee-to-shuffle")) }
                    @else if done { (t(&state, &ctx, "el-trustee-key-ready")) }
                    @else { (t(&state, &ctx, "el-trustee-waiting")) }
                }
            }
        }
        @if let Some(k) = setup.threshold() { p.meta { (ta(&state, &ctx, "el-threshold-of", &[("k", k.to_string()), ("n", setup.trustees().len().to_string())])) } }
        @if is_trustee { p { a.button href={ (url) "/trustee" } { (t(&state, &ctx, "el-trustee-page")) } } }
        @if setup.authority == Some(me.0) && election.status == ElectionStatus::Setup {
            p { a.button href={ (url) "/authority" } { (t(&state, &ctx, "el-authority-page")) } }
        }
        @if setup.authority.is_some() {
            p.meta { (if setup.public_credentials.is_some() { t(&state, &ctx, "el-authority-done") } else { t(&state, &ctx, "el-authority-waiting") }) }
        }
        @if has_credential && election.status == ElectionStatus::Setup {
            p { (t(&state, &ctx, "el-credential-early")) }
        }
        @if has_credential && matches!(election.status, ElectionStatus::Setup | ElectionStatus::Open) {
            form method="post" action={ (url) "/credential" } {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" { (t(&state, &ctx, "el-get-credential")) }
            }
        }
        @if election.status == ElectionStatus::Open {
            p { a.button href={ (url) "/vote" } { (t(&state, &ctx, "el-vote")) } }
        }
        @if let Some(b) = &guard {
            @let counts = b.counts();
            section #board aria-labelledby="board-heading" data-cast=(counts.cast) data-status=(election.status.as_str()) {
                h2 #board-heading { (t(&state, &ctx, "el-board")) }
                p aria-live="polite" { (ta(&state, &ctx, "el-ballots-counted", &[("counted", counts.counted.to_string()), ("cast", counts.cast.to_string()), ("voters", counts.credentials.to_string())])) }
                @let weights = weight_counts(b.public_credentials_json());
                @if weights.keys().any(|weight| *weight != 1) {
                    p { (t(&state, &ctx, "el-weights")) " "
                        @for (i, (weight, count)) in weights.iter().enumerate() {
                            @if i > 0 { ", " }
                            (ta(&state, &ctx, "el-weight-count", &[("count", count.to_string()), ("weight", weight.to_string())]))
                        }
                    }
                }
                @let inconsistent = b.inconsistent_decryptions();
                @if !inconsistent.is_empty() || (election.status == ElectionStatus::Closed && b.missing_decryptions().is_none() && b.result().is_none()) {
                    @let suspects = inconsistent.iter().filter_map(|i| names.get(i.wrapping_sub(1)).cloned()).collect::<Vec<_>>().join(", ");
                    @let suspects = if suspects.is_empty() { "none".to_owned() } else { suspects };
                    div role="alert" { p { (ta(&state, &ctx, "el-decryption-inconsistent", &[("trustees", suspects)])) } }
                }
                details {
                    summary { (t(&state, &ctx, "el-trackers")) }
                    ol.trackers { @for entry in b.board() { li { code { (entry.tracker) } } } }
                }
            }
            @if election.status == ElectionStatus::Open { script type="module" src="/static/election/board-page.js" {} }
            @if let Some(result) = b.result() {
                h2 { (t(&state, &ctx, "el-result")) }
                @let seed = kenes_count::method::seed_from_hex(&sha256_hex(b.result_json().unwrap_or_default().as_bytes()));
                @for (number, (q, counts)) in setup.questions.iter().zip(result).enumerate() {
                    @if let Some(method) = setup.ranked.get(&number) {
                        @let shufflers: Vec<&str> = b.shufflers().iter().map(|i| names.get(i.wrapping_sub(1)).map_or("?", String::as_str)).collect();
                        (ranked_result(&state, &ctx, number, q, method, counts, seed, &shufflers))
                    } @else {
                    @let offset = usize::from(q.blank == Some(true));
                    @let answers: Vec<(&str, u64)> = q.answers.iter().enumerate().map(|(i, answer)| (answer.as_str(), counts.get(i + offset).copied().unwrap_or(0))).collect();
                    @let blank = (offset == 1).then(|| counts.first().copied().unwrap_or(0));
                    @let winners = crate::charts::most_votes(&answers.iter().map(|(_, count)| *count).collect::<Vec<_>>());
                    table.tally {
                        caption { (q.question) }
                        tbody {
                            @if let Some(blank) = blank { tr { th scope="row" { (t(&state, &ctx, "el-blank-vote")) } td.result-count { (blank) } } }
                            @for (i, (answer, count)) in answers.iter().enumerate() {
                                tr {
                                    th scope="row" { (answer) @if winners.contains(&i) { " ✓ " strong { (t(&state, &ctx, "chart-most-votes-mark")) } } }
                                    td.result-count { (count) }
                                }
                            }
                        }
                    }
                    (crate::charts::answers_chart(state.i18n(), ctx.lang, &format!("chart-question-{}", number + 1), &q.question, &answers, blank))
                    }
                }
            }
            p { a href={ (url) "/archive.bel" } download { (t(&state, &ctx, "el-archive")) } " · " a href={ (url) "/verify" } { (t(&state, &ctx, "el-verify")) } }
        }
        // Controls while there is something to do: set up, open, or a private council's election not yet published.
        @if presides && (matches!(election.status, ElectionStatus::Setup | ElectionStatus::Open) || (council_private && !election.published)) {
            section.chair aria-labelledby="el-controls" {
                h2 id="el-controls" { (t(&state, &ctx, "el-controls")) }
                @match election.status {
                    ElectionStatus::Setup => {
                        @if setup.hall {
                            form method="post" action={ (url) "/slips.pdf" } {
                                input type="hidden" name="csrf" value=(csrf);
                                button type="submit" { (t(&state, &ctx, if setup.public_credentials.is_some() { "el-slips-again" } else { "el-slips" })) }
                                " " small { (t(&state, &ctx, "el-slips-help")) }
                            }
                        }
                        (roll)
                        @if setup.waiting_for().is_none() {
                            form method="post" action={ (url) "/open" } { input type="hidden" name="csrf" value=(csrf); button type="submit" { (t(&state, &ctx, "el-open")) } }
                        } @else if setup.waiting_for() == Some(Waiting::Slips) {
                            p { (t(&state, &ctx, "el-waiting-for-slips")) }
                        } @else {
                            p { (t(&state, &ctx, "el-waiting-for-trustees")) }
                        }
                    }
                    ElectionStatus::Open => {
                        (crate::ui::confirm(&t(&state, &ctx, "el-close"), &t(&state, &ctx, "el-close-question"), html! {
                            form method="post" action={ (url) "/close" } { input type="hidden" name="csrf" value=(csrf); button.danger type="submit" { (t(&state, &ctx, "el-close-confirm")) } }
                        }))
                    }
                    ElectionStatus::Closed | ElectionStatus::Tallied => {}
                }
                @if council_private && !election.published {
                    form method="post" action={ (url) "/publish" } {
                        input type="hidden" name="csrf" value=(csrf);
                        button.secondary type="submit" { (t(&state, &ctx, "el-publish")) }
                        " " small { (t(&state, &ctx, "el-publish-help")) }
                    }
                }
            }
        }
    };
    Ok(layout_with(&state, &ctx, election.title.as_str(), html! {}, body).into_response())
    })
    .await
}

/// "Ranked: STV, 2 seats", in the reader's language.
fn method_line(state: &AppState, ctx: &Ctx, method: &Method) -> String {
    let key = match method.method {
        MethodName::Stv => "mt-method-stv",
        MethodName::Irv => "mt-method-irv",
        MethodName::Schulze => "mt-method-schulze",
        MethodName::Borda => "el-method-borda",
        MethodName::MajorityJudgment => "el-kind-mj",
    };
    let kind = t(state, ctx, key);
    if method.method == MethodName::Stv {
        let rules = match method.rules.unwrap_or(StvRulesName::Scottish) {
            StvRulesName::Scottish => "el-rules-scottish",
            StvRulesName::Wigm => "el-rules-wigm",
            StvRulesName::Ers97 => "el-rules-ers97",
            StvRulesName::Meek => "el-rules-meek",
        };
        let seats = ta(state, ctx, "el-ranked-seats", &[("method", kind), ("seats", method.seats().to_string())]);
        return format!("{seats}, {}", t(state, ctx, rules));
    }
    kind
}

/// A ranked question's result: the count of its decrypted ballots by its method, stage by stage (the lots drawn
/// from `seed`, the decrypted result's hash, as `kenes verify` recounts), who shuffled them, and the ballots.
#[allow(clippy::too_many_arguments)]
fn ranked_result(
    state: &AppState,
    ctx: &Ctx,
    number: usize,
    q: &QuestionJson,
    method: &Method,
    values: &[u64],
    seed: u64,
    shufflers: &[&str],
) -> Markup {
    let n = q.answers.len().max(1);
    let rows: Vec<&[u64]> = values.chunks(n).collect();
    let names: Vec<&str> = q.answers.iter().map(String::as_str).collect();
    let counted = method.count(&q.answers, &rows, seed);
    let staged = matches!(method.method, MethodName::Stv | MethodName::Irv);
    html! {
        section.ranked-result aria-labelledby={ "ranked-" (number + 1) } {
            h3 id={ "ranked-" (number + 1) } { (q.question) }
            p.meta { (method_line(state, ctx, method)) " · " (ta(state, ctx, "el-ranked-ballots", &[("count", rows.len().to_string()), ("trustees", shufflers.join(", "))])) }
            @match &counted {
                Ok(count) => {
                    @let elected: Vec<&str> = count.elected.iter().map(|&i| names.get(i).copied().unwrap_or("?")).collect();
                    p.result-line { strong { (ta(state, ctx, "el-ranked-elected", &[("names", elected.join(", "))])) } }
                    @if let (MethodName::MajorityJudgment, Some(grades)) = (method.method, &method.grades) {
                        (majority_grades(state, ctx, &names, grades, count))
                    } @else if let Some(chart) = crate::charts::count_chart(state.i18n(), ctx.lang, &format!("chart-ranked-{}", number + 1), &names, count, staged, method.method == MethodName::Schulze) {
                        (chart)
                    }
                    @if !count.ties.is_empty() { p.meta { (ta(state, ctx, "el-ranked-lots", &[("seed", seed.to_string())])) } }
                }
                Err(error) => { p role="alert" { (ta(state, ctx, "el-ranked-count-failed", &[("reason", error.to_string())])) } }
            }
            details {
                summary { (t(state, ctx, "el-ranked-ballots-list")) }
                table.ballots {
                    thead { tr { th scope="col" { "#" } @for name in &names { th scope="col" { (name) } } } }
                    tbody {
                        @for (k, row) in rows.iter().enumerate() {
                            tr { th scope="row" { (k + 1) } @for value in row.iter() { td { @if *value == 0 { "–" } @else { (grade_or_rank(method, *value)) } } } }
                        }
                    }
                }
            }
        }
    }
}

/// A decrypted value as the ballot meant it: a grade's name for majority judgment, otherwise the rank.
fn grade_or_rank(method: &Method, value: u64) -> String {
    let grade = usize::try_from(value).ok().and_then(|v| v.checked_sub(1));
    match (&method.grades, grade) {
        (Some(grades), Some(g)) if method.method == MethodName::MajorityJudgment => {
            grades.get(g).cloned().unwrap_or_else(|| value.to_string())
        }
        _ => value.to_string(),
    }
}

/// Majority judgment's outcome: each answer's majority grade (its median), best first, the elected marked; the
/// count's tiers give the order (ties within a grade broken as majority judgment does).
fn majority_grades(
    state: &AppState,
    ctx: &Ctx,
    names: &[&str],
    grades: &[String],
    count: &kenes_count::CountResult,
) -> Markup {
    let medians: Vec<usize> = count.detail["majority_grades"]
        .as_array()
        .map(|m| m.iter().map(|g| g.as_u64().unwrap_or(0) as usize).collect())
        .unwrap_or_default();
    let order: Vec<usize> = count.ranking.iter().flatten().copied().collect();
    html! {
        table.tally {
            thead { tr { th scope="col" { (t(state, ctx, "el-answer")) } th scope="col" { (t(state, ctx, "el-majority-grade")) } } }
            tbody {
                @for &i in &order {
                    tr {
                        th scope="row" { (names.get(i).copied().unwrap_or("?")) @if count.elected.contains(&i) { " ✓ " strong { (t(state, ctx, "chart-elected-mark")) } } }
                        td { (medians.get(i).and_then(|&m| grades.get(m)).map_or("?", String::as_str)) }
                    }
                }
            }
        }
    }
}
