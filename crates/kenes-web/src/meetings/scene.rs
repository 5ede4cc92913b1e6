//! The live fragment's markup: the agenda, attendance and current item as one scene, with the helpers its parts share.

use maud::{Markup, html};

use kenes_council::assembly::model::{Choices, Title};
use kenes_council::assembly::{Assembly, Status, Vote, VoteResult, quorum};
use kenes_council::{Council, MemberId};

use crate::AppState;
use crate::i18n::Lang;

use super::*;

/// What the live part of the page shows. `me` is the person when the page is rendered for one person; `None` for
/// the shared fragment, whose personal parts `live.js` shows or hides.
pub fn live_markup(
    state: &AppState,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
    view: View,
    me: Option<MemberId>,
    csrf: &str,
) -> Markup {
    let scene = Scene { state, lang, council, assembly, view, me, csrf };
    let url = base(council, assembly.id);
    let (met, present, needed) = quorum(council, assembly);
    let presiding = view == View::Presiding;
    let projector = view == View::Projector;
    let open = assembly.status == Status::Open;
    let current = assembly.current_item.and_then(|id| assembly.item(id));
    let speakers = current.and_then(|item| assembly.speakers(item.id));
    let open_vote = assembly.open_vote();
    // Who is present, waiting and has voted, as bit sets over member numbers: a few hundred bytes for a congress of
    // thousands, where lists of numbers would dominate the fragment every screen receives.
    let present_set = bitset(assembly.present.iter().copied());
    let waiting_set = bitset(speakers.iter().flat_map(|s| s.waiting.iter().map(|w| w.member)));
    let voted_set = bitset(open_vote.iter().flat_map(|v| v.ballots.keys().chain(v.rankings.keys()).copied()));
    let is_present = |m: Option<MemberId>| m.is_some_and(|m| assembly.present.contains(&m));
    // What a screen reader announces when this fragment arrives.
    let announce = match (open_vote, speakers.and_then(|s| s.current)) {
        (Some(vote), _) => tra(state, lang, "mt-announce-vote-open", &[("question", vote.question.to_string())]),
        (None, Some(speech)) => tra(state, lang, "mt-announce-speaker", &[("name", name(council, speech.member))]),
        _ => assembly
            .votes
            .last()
            .and_then(|v| v.result.as_ref().map(|r| (v, r)))
            .map(|(v, r)| result_sentence(state, lang, council, v, r))
            .unwrap_or_default(),
    };
    // A personal control: rendered as is for one person, or marked for live.js in the shared fragment.
    let personal = |class: &str, show: bool| -> (String, bool) {
        match me {
            Some(_) => (String::new(), !show),
            None => (format!("personal {class}"), false),
        }
    };
    html! {
        div.live-state data-height=(assembly.last_height) data-present=(present_set) data-waiting=(waiting_set) data-voted=(voted_set) data-announce=(announce) {
            p.meta {
                strong { (status_label(state, lang, assembly)) } " · "
                (tra(state, lang, "mt-present-count", &[("present", present.to_string()), ("needed", needed.to_string())])) " · "
                @if met { span.ok { (tr(state, lang, "mt-quorum-met")) } } @else { span.warn { (tr(state, lang, "mt-quorum-missing")) } }
            }
            @if !projector && assembly.status != Status::Closed {
                @let (class, hidden) = personal("if-absent", !is_present(me));
                form class={ "inline " (class) } hidden[hidden] method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="check_in";
                    button type="submit" { (tr(state, lang, "mt-check-in")) }
                }
                @let (class, hidden) = personal("if-present", is_present(me));
                form class={ "inline " (class) } hidden[hidden] method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="check_out";
                    span { (tr(state, lang, "mt-you-are-present")) " " }
                    button type="submit" { (tr(state, lang, "mt-check-out")) }
                }
            }
            section aria-labelledby="agenda-heading" {
                h2 id="agenda-heading" { (tr(state, lang, "mt-agenda")) }
                @if assembly.agenda.is_empty() { p { (tr(state, lang, "mt-agenda-empty")) } }
                ol.agenda {
                    @for item in assembly.agenda_in_order() {
                        @let is_current = assembly.current_item == Some(item.id);
                        li class={ "depth-" (item.depth) @if is_current { " current" } } aria-current=[is_current.then_some("step")] {
                            span.number { (item.number) } " " (item.title.as_str())
                            @if item.minutes > 0 { " " small.inline-small { (tra(state, lang, "mt-minutes-planned", &[("minutes", item.minutes.to_string())])) } }
                            @if presiding && open && !is_current {
                                " "
                                form.inline method="post" action={ (url) "/act" } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    input type="hidden" name="do" value="take_item";
                                    input type="hidden" name="item" value=(item.id);
                                    button.small type="submit" aria-label=(tra(state, lang, "mt-take-item-label", &[("number", item.number.clone())])) { (tr(state, lang, "mt-take-item")) }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(item) = current {
                section aria-labelledby="current-heading" {
                    h2 id="current-heading" { (tr(state, lang, "mt-now")) ": " (item.number) " " (item.title.as_str()) }
                    (speakers_markup(&scene, item.id))
                    @for motion in assembly.motions_of(item.id) {
                        (motion_markup(&scene, motion))
                    }
                }
            }
            @if let Some(vote) = open_vote {
                (vote_markup(&scene, vote))
            }
            @let closed: Vec<&Vote> = assembly.votes.iter().rev().filter(|v| v.result.is_some()).take(if projector { 1 } else { 5 }).collect();
            @if !closed.is_empty() {
                section aria-labelledby="results-heading" {
                    h2 id="results-heading" { (tr(state, lang, "mt-results")) }
                    @for vote in closed { (vote_markup(&scene, vote)) }
                }
            }
        }
    }
}

/// How many waiting speakers member and projector screens list (the chair sees them all).
pub(crate) const SHOWN_WAITING: usize = 25;

/// Member numbers as a bit set, base64: bit `n % 8` of byte `n / 8` is member `n`.
pub(crate) fn bitset(members: impl Iterator<Item = MemberId>) -> String {
    use base64::Engine;
    let mut bytes = Vec::new();
    for MemberId(n) in members {
        let index = n as usize / 8;
        if bytes.len() <= index {
            bytes.resize(index + 1, 0u8);
        }
        bytes[index] |= 1 << (n % 8);
    }
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// What every part of the live fragment is rendered from.
#[derive(Clone, Copy)]
pub(crate) struct Scene<'a> {
    pub(crate) state: &'a AppState,
    pub(crate) lang: Lang,
    pub(crate) council: &'a Council,
    pub(crate) assembly: &'a Assembly,
    pub(crate) view: View,
    /// The person the page is rendered for; `None` for the shared fragment.
    pub(crate) me: Option<MemberId>,
    pub(crate) csrf: &'a str,
}

pub(crate) fn result_sentence(
    state: &AppState,
    lang: Lang,
    council: &Council,
    vote: &Vote,
    result: &VoteResult,
) -> String {
    if let (Some(choices), Some(count)) = (&vote.choices, &result.count) {
        let names = option_names(choices, &count.elected);
        return tra(state, lang, "mt-announce-elected", &[("question", vote.question.to_string()), ("names", names)]);
    }
    let _ = council;
    let key = if result.outcome.passed { "mt-announce-carried" } else { "mt-announce-lost" };
    tra(state, lang, key, &[("question", vote.question.to_string())])
}

/// The named options, in the order given, joined for a sentence.
pub(crate) fn option_names(choices: &Choices, indices: &[usize]) -> String {
    let names: Vec<&str> = indices.iter().filter_map(|&i| choices.options.get(i)).map(Title::as_str).collect();
    names.join(", ")
}

/// "irv: instant-runoff", for the vote's heading and the minutes.
pub(crate) fn method_label(i18n: &crate::I18n, lang: Lang, choices: &Choices) -> String {
    let method = i18n.tr(lang, &format!("mt-method-{}", choices.method.as_str()), &[]);
    if choices.seats > 1 {
        i18n.tr_args(lang, "mt-method-seats", &[("method", method), ("seats", choices.seats.to_string())])
    } else {
        method
    }
}

/// A member's ballot in a vote among options: "Bruno > Davi", or "abstained" for an empty one.
pub(crate) fn ranking_text(i18n: &crate::I18n, lang: Lang, choices: &Choices, ranking: &[u8]) -> String {
    if ranking.is_empty() {
        return i18n.tr(lang, "mt-choice-abstain", &[]);
    }
    let names: Vec<&str> =
        ranking.iter().filter_map(|&i| choices.options.get(usize::from(i))).map(Title::as_str).collect();
    let separator = if choices.method.ranked() { " > " } else { ", " };
    names.join(separator)
}

/// The result of a vote among options: who or what won, its chart, the count stage by stage (or the Condorcet order),
/// as the meeting page and the minutes show it.
pub(crate) fn choice_result(
    i18n: &crate::I18n,
    lang: Lang,
    vote: u32,
    choices: &Choices,
    result: &VoteResult,
) -> Markup {
    let Some(count) = &result.count else { return html! {} };
    let option = |i: usize| choices.options.get(i).map_or("?", Title::as_str);
    let decimals = count.decimals;
    html! {
        p class={ "result " (if result.outcome.passed { "carried" } else { "lost" }) } {
            @if count.elected.is_empty() {
                strong { (i18n.tr(lang, "mt-nobody-elected", &[])) }
            } @else {
                strong { (i18n.tr_args(lang, "mt-elected", &[("names", option_names(choices, &count.elected))])) }
            }
            @if !result.outcome.quorum_met { " — " (i18n.tr(lang, "mt-quorum-missing", &[])) }
        }
        p.meta { (i18n.tr_args(lang, "mt-ballots-counted", &[("marked", result.yes.to_string()), ("empty", result.abstain.to_string())])) }
        @if let Some(chart) = crate::charts::choice_chart(i18n, lang, &format!("chart-vote-{vote}"), choices, result) { (chart) }
        @if !count.stages.is_empty() {
            div.scroll {
                table.tally {
                    caption { (i18n.tr(lang, "mt-count-stages", &[])) }
                    thead {
                        tr {
                            th scope="col" { (i18n.tr(lang, "mt-option", &[])) }
                            @for stage in &count.stages { th scope="col" { (i18n.tr_args(lang, "mt-stage", &[("number", stage.number.to_string())])) } }
                        }
                    }
                    tbody {
                        @for (i, _) in choices.options.iter().enumerate() {
                            tr {
                                th scope="row" { (option(i)) @if count.elected.contains(&i) { " ✓" } }
                                @for stage in &count.stages {
                                    td { (stage.totals.get(i).map(|v| v.display(decimals)).unwrap_or_default()) }
                                }
                            }
                        }
                        tr {
                            th scope="row" { (i18n.tr(lang, "mt-exhausted", &[])) }
                            @for stage in &count.stages { td { (stage.exhausted.display(decimals)) } }
                        }
                    }
                }
            }
        }
        @if !count.ranking.is_empty() {
            @let tiers: Vec<String> = count.ranking.iter().map(|tier| tier.iter().map(|&i| option(i)).collect::<Vec<_>>().join(" = ")).collect();
            p { (i18n.tr_args(lang, "mt-order", &[("order", tiers.join(" > "))])) }
        }
        @for note in &count.notes { p.meta { (note) } }
    }
}

pub(crate) fn act_form(
    url: &str,
    action: &str,
    fields: &[(&str, String)],
    label: &str,
    class: &str,
    csrf: &str,
) -> Markup {
    html! {
        form.inline method="post" action={ (url) "/act" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="do" value=(action);
            @for (name, value) in fields { input type="hidden" name=(name) value=(value); }
            button type="submit" class=(class) { (label) }
        }
    }
}
