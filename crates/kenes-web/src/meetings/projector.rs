//! The projector: a meeting as a 16:9 wall shows it to a hall, in large type and with nothing to press.
//!
//! The page (`projector_page`) is rendered whole once, with its own style sheet (`projector.css`); after that it
//! follows the meeting's stream like every other screen, and `projector_markup` is the live part the stream carries
//! for `View::Projector`, rendered once per council height and language and shared by every wall.
//!
//! What the wall shows is one stage at a time, chosen from the meeting's state so that it switches by itself as the
//! chair acts: a vote while one is open (how many of how many have voted, never how); its result, until someone gets
//! the floor or a motion is moved; else the motion before the meeting with the amendment under consideration shown
//! in place; else the agenda. The speakers (who has the floor, with a clock, and who is next) stay at the side.
//! Clocks are started from the speech's start in the server's time; `live.js` keeps the offset between the server's
//! clock and the wall's from the stream, and counts with the wall's monotonic clock in between.

use axum::extract::{Path, Query, State};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use kenes_council::assembly::model::{SpeechKind, VoteMode, VoteSubject};
use kenes_council::assembly::{Amendment, Assembly, Motion, MotionStatus, Vote, VoteResult, quorum};
use kenes_council::{Council, MemberId, Role};

use crate::AppState;
use crate::auth::{Ctx, now_ms};
use crate::error::WebError;
use crate::i18n::Lang;

use super::*;

pub(crate) const PROJECTOR_STYLE: &str = include_str!("../projector.css");

/// How many of those waiting to speak the wall names; the rest are counted.
const SHOWN_NEXT: usize = 4;

/// How many names "still to vote" may list before the wall shows only the count: more would not be read.
const SHOWN_NOT_VOTED: usize = 10;

#[derive(Debug, Default, Deserialize)]
pub struct ProjectorQuery {
    /// `dark` or `light` forces a scheme, for a wall whose browser does not say which it prefers (a kiosk): a dim
    /// hall wants dark, a lit one light. Anything else follows the browser.
    #[serde(default)]
    scheme: String,
}

pub async fn projector_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Query(query): Query<ProjectorQuery>,
) -> Result<Markup, WebError> {
    let scheme = match query.scheme.as_str() {
        "dark" => Some("dark"),
        "light" => Some("light"),
        _ => None,
    };
    meeting_page(&state, &ctx, &id, &number, |c, assembly, me| {
        let now = now_ms();
        let live = projector_markup(&state, ctx.lang, c, assembly, Some(now));
        let stream = format!("{}/stream?view=projector", base(c, assembly.id));
        html! {
            (maud::DOCTYPE)
            html lang=(ctx.lang) class=[scheme] {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light dark";
                    title { (assembly.title.as_str()) " · kenes" }
                    style { (PreEscaped(PROJECTOR_STYLE)) }
                    script type="module" src="/static/live.js" {}
                }
                // The server's clock when the page was made, until the stream's first reading replaces it.
                body.projector data-me=(me.0) data-server-now=(now) {
                    main id="main" {
                        h1 { (assembly.title.as_str()) }
                        div id="live" data-stream=(stream) { (live) }
                        p id="connection" role="status" hidden { (tr(&state, ctx.lang, "mt-reconnecting")) }
                        div id="announce" aria-live="polite" class="visually-hidden" {}
                    }
                }
            }
        }
    })
}

/// What the stage shows, in the order it is chosen.
enum Stage<'a> {
    Vote(&'a Vote),
    Result(&'a Vote, &'a VoteResult),
    Motion(&'a Motion),
    Agenda,
}

/// The live part of the projector. `now` is the server's clock when the page is rendered for one wall, so the
/// clock shows the right time before any script runs; `None` in the shared fragment, where `live.js` fills it in.
pub fn projector_markup(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    now: Option<i64>,
) -> Markup {
    let (met, present, needed) = quorum(council, assembly);
    let current = assembly.current_item.and_then(|id| assembly.item(id));
    let speech = current.and_then(|item| assembly.speakers(item.id)).and_then(|s| s.current);
    let stage = stage(assembly);
    let announce = match (&stage, speech) {
        (Stage::Vote(vote), _) => tra(state, lang, "mt-announce-vote-open", &[("question", vote.question.to_string())]),
        (Stage::Result(vote, result), _) => result_sentence(state, lang, council, vote, result),
        (_, Some(speech)) => tra(state, lang, "mt-announce-speaker", &[("name", name(council, speech.member))]),
        _ => String::new(),
    };
    html! {
        div.live-state data-height=(assembly.last_height) data-announce=(announce) {
            p.bar {
                strong { (status_label(state, lang, assembly)) } " · "
                (tra(state, lang, "mt-present-count", &[("present", present.to_string()), ("needed", needed.to_string())])) " · "
                @if met { span.ok { "✓ " (tr(state, lang, "mt-quorum-met")) } } @else { span.bad { "✗ " (tr(state, lang, "mt-quorum-missing")) } }
            }
            h2.item {
                @if let Some(item) = current {
                    span.now { (tr(state, lang, "mt-now")) ": " } span.number { (item.number) } " " (item.title.as_str())
                } @else {
                    (status_label(state, lang, assembly))
                }
            }
            div class={ "stage" @if current.is_none() { " wide" } } {
                section.panel.main aria-labelledby="stage-heading" {
                    @match stage {
                        Stage::Vote(vote) => (vote_stage(state, lang, council, assembly, vote)),
                        Stage::Result(vote, result) => (result_stage(state, lang, council, assembly, vote, result)),
                        Stage::Motion(motion) => (motion_stage(state, lang, council, assembly, motion)),
                        Stage::Agenda => (agenda_stage(state, lang, assembly)),
                    }
                }
                @if let Some(item) = current {
                    aside.panel.side aria-labelledby="speakers-heading" {
                        (speakers_side(state, lang, council, assembly, item.id, now))
                    }
                }
            }
        }
    }
}

/// The newest closed vote and its result.
fn last_result(assembly: &Assembly) -> Option<(&Vote, &VoteResult)> {
    assembly.votes.iter().rev().find_map(|vote| vote.result.as_ref().map(|result| (vote, result)))
}

/// Chooses the stage. A result stays up until the meeting moves on: another item taken, a speech begun or a motion
/// moved after the vote closed, or an amendment waiting that is newer than the one voted on (amendments carry no
/// time, so their numbers tell). Once replaced, the motion's stage still names it in a line.
fn stage(assembly: &Assembly) -> Stage<'_> {
    if let Some(vote) = assembly.open_vote() {
        return Stage::Vote(vote);
    }
    if let Some((vote, result)) = last_result(assembly) {
        let same_item = vote.item == assembly.current_item;
        let speeches = assembly.current_item.and_then(|item| assembly.speakers(item));
        let spoken_since = speeches
            .is_some_and(|s| s.current.iter().chain(&s.spoken).any(|speech| speech.since_ms > result.closed_ms));
        let moved_since = assembly.motions.iter().any(|motion| motion.submitted_height > result.closed_height);
        let voted_amendment = match vote.subject {
            VoteSubject::Amendment(id) => id,
            _ => 0,
        };
        let amendment_since = assembly.amendments.iter().any(|a| a.status.is_pending() && a.id > voted_amendment);
        if same_item && !spoken_since && !moved_since && !amendment_since {
            return Stage::Result(vote, result);
        }
    }
    let Some(item) = assembly.current_item else { return Stage::Agenda };
    let motions: Vec<&Motion> = assembly.motions_of(item).collect();
    // The motion before the meeting: one being voted on or debated first, then one waiting its turn, else the
    // latest (with its outcome).
    let rank = |status: MotionStatus| match status {
        MotionStatus::Voting => 0,
        MotionStatus::Debated => 1,
        MotionStatus::Admitted => 2,
        MotionStatus::Submitted => 3,
        _ => 4,
    };
    let chosen = motions.iter().min_by_key(|motion| (rank(motion.status), std::cmp::Reverse(motion.id)));
    match chosen {
        Some(motion) => Stage::Motion(motion),
        None => Stage::Agenda,
    }
}

fn speakers_side(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    item: u32,
    now: Option<i64>,
) -> Markup {
    let list = assembly.speakers(item);
    let waiting = list.map(|l| l.waiting.as_slice()).unwrap_or_default();
    let current = list.and_then(|l| l.current);
    let limit = assembly.rules.speaking_seconds;
    let clock = |seconds: i64| format!("{}:{:02}", seconds / 60, seconds % 60);
    html! {
        h3 id="speakers-heading" { (tr(state, lang, "mt-speakers")) }
        @if let Some(speech) = current {
            @let elapsed = now.map_or(0, |now| (now - speech.since_ms).max(0) / 1000);
            @let limit_i = i64::from(limit);
            p.floor {
                span.label { (tr(state, lang, "mt-speaking-now")) ": " } strong.name { (name(council, speech.member)) }
                @if speech.kind != SpeechKind::Speech { " " span.label { "(" (speech_label(state, lang, speech.kind)) ")" } }
            }
            // `live.js` turns the clocks and marks `soon` and `over`, showing the sentence that says so.
            div.timer data-since=(speech.since_ms) data-limit=(limit) {
                span.clock data-since=(speech.since_ms) data-limit=(limit) { (clock(elapsed)) }
                @if limit > 0 {
                    span.limit { "/ " (clock(limit_i)) }
                    span.left { (tr(state, lang, "pj-time-left")) ": " span.left-clock { (clock((limit_i - elapsed).max(0))) } }
                    span.note.note-soon hidden { "⚠ " (tr(state, lang, "pj-time-nearly-up")) }
                    span.note.note-over hidden { "⚠ " (tr(state, lang, "pj-time-up")) }
                }
            }
        } @else {
            p.floor { (tr(state, lang, "mt-nobody-speaking")) }
        }
        @if waiting.is_empty() {
            p.next { (tr(state, lang, "mt-list-empty")) }
        } @else {
            p.next id="next-heading" { (tr(state, lang, "pj-next")) }
            ol.queue aria-labelledby="next-heading" {
                @for w in waiting.iter().take(SHOWN_NEXT) {
                    li {
                        (name(council, w.member))
                        @if w.kind != SpeechKind::Speech { " " span.kind { "(" (speech_label(state, lang, w.kind)) ")" } }
                    }
                }
            }
            @if waiting.len() > SHOWN_NEXT {
                p.meta { (tra(state, lang, "mt-more-waiting", &[("count", (waiting.len() - SHOWN_NEXT).to_string())])) }
            }
        }
    }
}

/// The members who may vote now: present, active, not observers.
fn voters_present(council: &Council, assembly: &Assembly) -> Vec<MemberId> {
    let may_vote = |id: &MemberId| council.member(*id).is_some_and(|m| m.active && m.role != Role::Observer);
    assembly.present.iter().copied().filter(may_vote).collect()
}

fn vote_heading(state: &AppState, lang: Lang, vote: &Vote) -> Markup {
    html! {
        h3 id="stage-heading" { (tra(state, lang, "mt-vote-number", &[("number", vote.id.to_string())])) ": " (vote.question.as_str()) }
    }
}

fn vote_stage(state: &AppState, lang: Lang, council: &Council, assembly: &Assembly, vote: &Vote) -> Markup {
    let voted = |m: &MemberId| vote.ballots.contains_key(m) || vote.rankings.contains_key(m);
    let present = voters_present(council, assembly);
    // Who may vote: those present now, and anyone who voted and has since left (their vote still counts).
    let left: usize = vote.ballots.keys().chain(vote.rankings.keys()).filter(|m| !present.contains(m)).count();
    let eligible = present.len() + left;
    let voted_count = vote.ballots.len() + vote.rankings.len();
    let not_voted: Vec<String> = present.iter().filter(|m| !voted(m)).map(|m| name(council, *m)).collect();
    let mode = match vote.mode {
        VoteMode::RollCall => tr(state, lang, "mt-roll-call"),
        VoteMode::Tellers => tr(state, lang, "mt-tellers"),
    };
    let rule = match &vote.choices {
        Some(choices) => method_label(state.i18n(), lang, choices),
        None => majority_label(state.i18n(), lang, &vote.majority),
    };
    html! {
        (vote_heading(state, lang, vote))
        p.meta { (mode) " · " (rule) }
        p.open-label { (tr(state, lang, "mt-vote-open")) }
        @if vote.mode == VoteMode::RollCall {
            p.count { (tra(state, lang, "pj-voted", &[("voted", voted_count.to_string()), ("eligible", eligible.to_string())])) }
            progress value=(voted_count) max=(eligible.max(1)) aria-label=(tr(state, lang, "pj-voted-progress")) {}
            @if !not_voted.is_empty() && not_voted.len() <= SHOWN_NOT_VOTED {
                p.meta { (tra(state, lang, "pj-not-voted", &[("names", not_voted.join(", "))])) }
            }
        }
        @if let Some(choices) = &vote.choices {
            p.subject { (option_names(choices, &(0..choices.options.len()).collect::<Vec<_>>())) }
        }
        (vote_subject(state, lang, council, assembly, vote, false))
    }
}

/// What a vote decides, beneath it: the motion's text, or the amendment shown in place; once closed, only its
/// outcome.
fn vote_subject(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    vote: &Vote,
    closed: bool,
) -> Markup {
    match vote.subject {
        VoteSubject::Motion(id) => match assembly.motion(id) {
            Some(motion) if closed => html! {
                p.subject { (tra(state, lang, "mt-motion-number", &[("number", id.to_string())])) ": " (motion.title.as_str()) " · " strong { (motion_status_label(state, lang, motion.status)) } }
            },
            Some(motion) => html! { div.vote-text { (motion_text(state, lang, motion, None, false)) } },
            None => html! {},
        },
        VoteSubject::Amendment(id) => match assembly.amendment(id) {
            Some(amendment) if closed => html! {
                p.subject { (tra(state, lang, "mt-amendment-number", &[("number", id.to_string())])) " · " strong { (motion_status_label(state, lang, amendment.status)) } }
            },
            Some(amendment) => match assembly.motion(amendment.motion) {
                Some(motion) => html! {
                    (amendment_head(state, lang, council, amendment))
                    (motion_text(state, lang, motion, Some(amendment), true))
                },
                None => html! {},
            },
            None => html! {},
        },
        VoteSubject::Question => html! {},
    }
}

fn result_stage(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    vote: &Vote,
    result: &VoteResult,
) -> Markup {
    let passed = result.outcome.passed;
    html! {
        (vote_heading(state, lang, vote))
        @if let (Some(choices), Some(count)) = (&vote.choices, &result.count) {
            p class={ "verdict " (if passed { "carried" } else { "lost" }) } {
                @if count.elected.is_empty() { "✗ " (tr(state, lang, "mt-nobody-elected")) }
                @else { "✓ " (tra(state, lang, "mt-elected", &[("names", option_names(choices, &count.elected))])) }
                @if !result.outcome.quorum_met { small { (tr(state, lang, "mt-quorum-missing")) } }
            }
            p.subject { (tra(state, lang, "mt-ballots-counted", &[("marked", result.yes.to_string()), ("empty", result.abstain.to_string())])) }
        } @else {
            p class={ "verdict " (if passed { "carried" } else { "lost" }) } {
                @if passed { "✓ " (tr(state, lang, "mt-carried")) } @else { "✗ " (tr(state, lang, "mt-lost")) }
                @if !result.outcome.quorum_met { small { (tr(state, lang, "mt-quorum-missing")) } }
            }
            ul.counts {
                li { span.n { (result.yes) } " " span.what { (tr(state, lang, "mt-choice-yes")) } }
                li { span.n { (result.no) } " " span.what { (tr(state, lang, "mt-choice-no")) } }
                li { span.n { (result.abstain) } " " span.what { (tr(state, lang, "mt-choice-abstain")) } }
            }
            p.meta { (tra(state, lang, "mt-needed", &[("needed", result.outcome.yes_needed.to_string()), ("basis", result.outcome.basis_total.to_string())])) }
        }
        (vote_subject(state, lang, council, assembly, vote, true))
    }
}

fn motion_stage(state: &AppState, lang: Lang, council: &Council, assembly: &Assembly, motion: &Motion) -> Markup {
    // The amendment under consideration: the first still pending (amendments are taken in the order moved).
    let pending: Vec<&Amendment> = assembly
        .amendments_of(motion.id)
        .filter(|a| a.status.is_pending() || a.status == MotionStatus::Voting)
        .collect();
    let shown = pending.first().copied();
    html! {
        h3 id="stage-heading" { (tra(state, lang, "mt-motion-number", &[("number", motion.id.to_string())])) ": " (motion.title.as_str()) }
        p.meta {
            (tra(state, lang, "mt-moved-by", &[("name", name(council, motion.mover))])) " · "
            strong { (motion_status_label(state, lang, motion.status)) }
        }
        @if let Some((vote, result)) = last_result(assembly).filter(|(vote, _)| vote.item == Some(motion.item)) {
            p.last-result {
                @if result.outcome.passed { "✓ " (tr(state, lang, "mt-carried")) } @else { "✗ " (tr(state, lang, "mt-lost")) }
                " — " (tra(state, lang, "mt-vote-number", &[("number", vote.id.to_string())])) ": " (vote.question.as_str())
            }
        }
        @if let Some(amendment) = shown { (amendment_head(state, lang, council, amendment)) }
        (motion_text(state, lang, motion, shown, false))
        @if pending.len() > 1 {
            p.meta { (tra(state, lang, "pj-more-amendments", &[("count", (pending.len() - 1).to_string())])) }
        }
    }
}

fn amendment_head(state: &AppState, lang: Lang, council: &Council, amendment: &Amendment) -> Markup {
    html! {
        p.amendment-head {
            strong { (tra(state, lang, "mt-amendment-number", &[("number", amendment.id.to_string())])) }
            " " (tra(state, lang, "mt-amendment-lines", &[("from", amendment.from_line.to_string()), ("to", amendment.to_line.to_string())]))
            " · " (tra(state, lang, "mt-moved-by", &[("name", name(council, amendment.mover))]))
            " · " strong { (motion_status_label(state, lang, amendment.status)) }
        }
        p.legend aria-hidden="true" {
            span.del { "− " del { (tr(state, lang, "pj-deleted")) } } " "
            span.ins { "+ " ins { (tr(state, lang, "pj-inserted")) } }
        }
    }
}

/// The motion's numbered lines; with an amendment, the lines it deletes struck through and the lines it inserts
/// underlined, in place. An amendment moved against an earlier version of the text (another amendment was adopted
/// since) is shown after the text with the lines it replaced then, since its line numbers may no longer match.
fn motion_text(
    state: &AppState,
    lang: Lang,
    motion: &Motion,
    amendment: Option<&Amendment>,
    changes_only: bool,
) -> Markup {
    let lines = motion.text.lines();
    let deleted_word = tr(state, lang, "pj-deleted");
    let inserted_word = tr(state, lang, "pj-inserted");
    // During a vote on an amendment only the lines it changes are shown, beneath the count.
    let plain = |number: usize, text: &str| {
        html! { @if !changes_only { p.line { span.ln { (number) } span.tx { (text) } } } }
    };
    let deleted = |number: Option<usize>, text: &str| {
        html! {
            p.line.del {
                span.ln aria-hidden="true" { b { "−" } " " @if let Some(n) = number { (n) } }
                del { span.visually-hidden { (deleted_word) ": " } (text) }
            }
        }
    };
    let inserted = |text: &str| {
        html! {
            p.line.ins {
                span.ln aria-hidden="true" { b { "+" } }
                ins { span.visually-hidden { (inserted_word) ": " } (text) }
            }
        }
    };
    // In place when the amendment was moved against this version and its lines exist: it replaces lines
    // `from..=to` (none when `to < from`, an insertion before `from`).
    let in_place = amendment.and_then(|a| {
        let from = usize::try_from(a.from_line).ok()?.checked_sub(1)?;
        let to = usize::try_from(a.to_line).ok()?;
        (a.version == motion.version && from <= lines.len() && to <= lines.len()).then_some((a, from, to.max(from)))
    });
    html! {
        div.text {
            @match in_place {
                Some((amendment, from, to)) => {
                    @for (index, line) in lines.iter().enumerate().take(from) { (plain(index + 1, line)) }
                    @for (index, line) in lines.iter().enumerate().take(to).skip(from) { (deleted(Some(index + 1), line)) }
                    @for line in amendment.text.lines() { (inserted(line)) }
                    @for (index, line) in lines.iter().enumerate().skip(to) { (plain(index + 1, line)) }
                }
                None => {
                    @for (index, line) in lines.iter().enumerate() { (plain(index + 1, line)) }
                    @if let Some(amendment) = amendment {
                        @for line in &amendment.replaced { (deleted(None, line)) }
                        @for line in amendment.text.lines() { (inserted(line)) }
                    }
                }
            }
        }
    }
}

fn agenda_stage(state: &AppState, lang: Lang, assembly: &Assembly) -> Markup {
    html! {
        h3 id="stage-heading" { (tr(state, lang, "mt-agenda")) }
        @if assembly.agenda.is_empty() { p { (tr(state, lang, "mt-agenda-empty")) } }
        ol.agenda {
            @for item in assembly.agenda_in_order() {
                @let is_current = assembly.current_item == Some(item.id);
                li class={ "depth-" (item.depth) @if is_current { " current" } } aria-current=[is_current.then_some("step")] {
                    span.number { (item.number) } (item.title.as_str())
                }
            }
        }
    }
}
