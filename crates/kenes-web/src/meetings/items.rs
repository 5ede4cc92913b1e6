//! The parts of a scene: speakers' list, motions with their amendments, votes and ballots.

use maud::{Markup, html};

use kenes_council::assembly::model::{Choices, SpeechKind, VoteChoice, VoteMode};
use kenes_council::assembly::{Motion, MotionStatus, Status, Vote};
use kenes_council::{MemberId, Role};
use kenes_count::simple::{Basis, Majority};

use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::Lang;
use crate::ui::t;

use super::*;

pub(crate) fn speakers_markup(scene: &Scene<'_>, item: u32) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let list = assembly.speakers(item);
    let waiting = list.map(|l| l.waiting.as_slice()).unwrap_or_default();
    let current = list.and_then(|l| l.current);
    let open = assembly.status == Status::Open;
    let limit = assembly.rules.speaking_seconds;
    let am_waiting = me.is_some_and(|m| waiting.iter().any(|w| w.member == m));
    let am_present = me.is_some_and(|m| assembly.present.contains(&m));
    let item_s = item.to_string();
    html! {
        div.speakers {
            h3 { (tr(state, lang, "mt-speakers")) }
            @if let Some(speech) = current {
                p.speaking {
                    (tr(state, lang, "mt-speaking-now")) ": " strong { (name(council, speech.member)) }
                    @if speech.kind != SpeechKind::Speech { " (" (speech_label(state, lang, speech.kind)) ")" }
                    " " span.clock data-since=(speech.since_ms) data-limit=(limit) { "0:00" }
                    @if limit > 0 { " / " (limit / 60) ":" (format!("{:02}", limit % 60)) }
                }
            } @else {
                p { (tr(state, lang, "mt-nobody-speaking")) }
            }
            @if waiting.is_empty() {
                p { (tr(state, lang, "mt-list-empty")) }
            } @else {
                ol.waiting aria-label=(tr(state, lang, "mt-waiting")) {
                    @for (index, w) in waiting.iter().enumerate().take(if view == View::Presiding { usize::MAX } else { SHOWN_WAITING }) {
                        li {
                            (name(council, w.member))
                            @if w.kind != SpeechKind::Speech { " — " (speech_label(state, lang, w.kind)) }
                            @if view == View::Presiding && index > 0 {
                                @let to = |position: usize| [("item", item_s.clone()), ("member", w.member.0.to_string()), ("position", position.to_string())];
                                " " (act_form(&url, "move_speaker", &to(0), &tr(state, lang, "mt-move-front"), "small", csrf))
                                @if index > 1 { " " (act_form(&url, "move_speaker", &to(index - 1), &tr(state, lang, "mt-move-up"), "small secondary", csrf)) }
                            }
                            @if view == View::Presiding && index + 1 < waiting.len() {
                                " " (act_form(&url, "move_speaker", &[("item", item_s.clone()), ("member", w.member.0.to_string()), ("position", (index + 1).to_string())], &tr(state, lang, "mt-move-down"), "small secondary", csrf))
                            }
                            @if view == View::Presiding {
                                " " (act_form(&url, "withdraw_speaker", &[("item", item_s.clone()), ("member", w.member.0.to_string())], &tr(state, lang, "mt-remove-speaker"), "small secondary", csrf))
                            }
                        }
                    }
                }
            }
            @if view != View::Presiding && waiting.len() > SHOWN_WAITING {
                p.meta { (tra(state, lang, "mt-more-waiting", &[("count", (waiting.len() - SHOWN_WAITING).to_string())])) }
            }
            @if open && view != View::Projector {
                @let shared = me.is_none();
                div class=(if shared { "personal if-present if-not-waiting" } else { "" }) hidden[!shared && (!am_present || am_waiting)] {
                    form.inline method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="request_floor";
                        input type="hidden" name="item" value=(item);
                        label for="speech-kind" { (tr(state, lang, "mt-speech-kind")) }
                        select id="speech-kind" name="kind" {
                            @for kind in SpeechKind::ALL { option value=(kind.as_str()) { (speech_label(state, lang, kind)) } }
                        }
                        button type="submit" { (tr(state, lang, "mt-request-floor")) }
                    }
                }
                div class=(if shared { "personal if-waiting" } else { "" }) hidden[!shared && !am_waiting] {
                    form.inline method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="withdraw_speaker";
                        input type="hidden" name="item" value=(item);
                        button type="submit" class="secondary" { (tr(state, lang, "mt-leave-list")) }
                    }
                }
                @if view == View::Presiding {
                    p {
                        @if !waiting.is_empty() { (act_form(&url, "give_floor", &[("item", item_s.clone())], &tr(state, lang, "mt-give-floor"), "", csrf)) " " }
                        @if current.is_some() { (act_form(&url, "end_speech", &[("item", item_s.clone())], &tr(state, lang, "mt-end-speech"), "secondary", csrf)) }
                    }
                }
            }
        }
    }
}

pub(crate) fn motion_markup(scene: &Scene<'_>, motion: &Motion) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let id = motion.id.to_string();
    let presiding = view == View::Presiding;
    let participant = view != View::Projector;
    let pending = motion.status.is_pending() && assembly.status != Status::Closed;
    let lines = motion.text.lines();
    let shared = me.is_none();
    html! {
        article.motion aria-labelledby={ "motion-" (motion.id) } {
            h3 id={ "motion-" (motion.id) } { (tra(state, lang, "mt-motion-number", &[("number", id.clone())])) ": " (motion.title.as_str()) }
            p.meta {
                (tra(state, lang, "mt-moved-by", &[("name", name(council, motion.mover))])) " · "
                (tra(state, lang, "mt-seconded-by", &[("count", motion.seconders.len().to_string()), ("needed", assembly.rules.seconders.to_string())]))
                @if !motion.seconders.is_empty() { " (" (motion.seconders.iter().map(|m| name(council, *m)).collect::<Vec<_>>().join(", ")) ")" }
                " · " strong.status { (motion_status_label(state, lang, motion.status)) }
                @if let Some(other) = motion.alternative_to { " · " (tra(state, lang, "mt-alternative-to", &[("number", other.to_string())])) }
                @if let Some(origin) = &motion.origin {
                    @let from = council.member_councils().get(&origin.council).map(|c| c.name.as_str().to_owned()).unwrap_or_else(|| origin.council.chars().take(12).collect());
                    " · " (tra(state, lang, "fd-origin", &[("council", from)]))
                }
            }
            ol.lines {
                @for line in &lines { li { (line) } }
            }
            @for amendment in assembly.amendments_of(motion.id) {
                div.amendment {
                    p {
                        strong { (tra(state, lang, "mt-amendment-number", &[("number", amendment.id.to_string())])) }
                        " " (tra(state, lang, "mt-amendment-lines", &[("from", amendment.from_line.to_string()), ("to", amendment.to_line.to_string())]))
                        " · " (tra(state, lang, "mt-moved-by", &[("name", name(council, amendment.mover))]))
                        " · " (tra(state, lang, "mt-seconded-by", &[("count", amendment.seconders.len().to_string()), ("needed", assembly.rules.seconders.to_string())]))
                        " · " strong.status { (motion_status_label(state, lang, amendment.status)) }
                    }
                    div.diff {
                        @for line in &amendment.replaced { del { (line) } }
                        @for line in amendment.text.lines() { ins { (line) } }
                    }
                    @if amendment.status == MotionStatus::Submitted && participant && assembly.status != Status::Closed {
                        @let mine = me == Some(amendment.mover);
                        @let seconded = me.is_some_and(|m| amendment.seconders.contains(&m));
                        @if shared || (!mine && !seconded) {
                            (act_form(&url, "second_amendment", &[("amendment", amendment.id.to_string())], &tr(state, lang, "mt-second"), "small", csrf))
                        }
                        @if presiding && assembly.status == Status::Open {
                            " " (act_form(&url, "vote_amendment", &[("amendment", amendment.id.to_string()), ("mode", "roll_call".to_owned())], &tr(state, lang, "mt-put-roll-call"), "small", csrf))
                            " " (act_form(&url, "vote_amendment", &[("amendment", amendment.id.to_string()), ("mode", "tellers".to_owned())], &tr(state, lang, "mt-put-tellers"), "small secondary", csrf))
                        }
                    }
                }
            }
            @if participant && pending {
                div.actions {
                    @let mine = me == Some(motion.mover);
                    @let seconded = me.is_some_and(|m| motion.seconders.contains(&m));
                    @if shared || (!mine && !seconded) { (act_form(&url, "second_motion", &[("motion", id.clone())], &tr(state, lang, "mt-second"), "", csrf)) " " }
                    @if shared || mine { span class=(if shared { "personal if-mover" } else { "" }) data-mover=(motion.mover.0) { (act_form(&url, "withdraw_motion", &[("motion", id.clone())], &tr(state, lang, "mt-withdraw"), "secondary", csrf)) } " " }
                    @if presiding {
                        @if motion.status == MotionStatus::Submitted { (act_form(&url, "admit_motion", &[("motion", id.clone())], &tr(state, lang, "mt-admit"), "", csrf)) " " }
                        @if motion.status == MotionStatus::Admitted { (act_form(&url, "debate_motion", &[("motion", id.clone())], &tr(state, lang, "mt-debate"), "", csrf)) " " }
                        @if matches!(motion.status, MotionStatus::Admitted | MotionStatus::Debated) {
                            (act_form(&url, "vote_motion", &[("motion", id.clone()), ("mode", "roll_call".to_owned())], &tr(state, lang, "mt-put-roll-call"), "", csrf)) " "
                            (act_form(&url, "vote_motion", &[("motion", id.clone()), ("mode", "tellers".to_owned())], &tr(state, lang, "mt-put-tellers"), "secondary", csrf)) " "
                        }
                        (act_form(&url, "refer_motion", &[("motion", id.clone())], &tr(state, lang, "mt-refer"), "secondary", csrf))
                    }
                }
                @if view != View::Projector {
                    details.amend {
                        summary { (tr(state, lang, "mt-amend")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="amend";
                            input type="hidden" name="motion" value=(motion.id);
                            input type="hidden" name="version" value=(motion.version);
                            p.pair {
                                label { (tr(state, lang, "mt-from-line")) input name="from_line" type="number" min="1" max=(lines.len().max(1)) value="1" required; }
                                label { (tr(state, lang, "mt-to-line")) input name="to_line" type="number" min="0" max=(lines.len()) value="1" required; }
                            }
                            p { label { (tr(state, lang, "mt-new-text")) textarea name="text" rows="3" maxlength="20000" {} } }
                            p { button type="submit" { (tr(state, lang, "mt-amend-submit")) } }
                        }
                    }
                }
            }
        }
    }
}

pub(crate) fn vote_markup(scene: &Scene<'_>, vote: &Vote) -> Markup {
    let Scene { state, lang, council, assembly, view, me, csrf } = *scene;
    let url = base(council, assembly.id);
    let (yes, no, abstain) = vote.tally();
    let open = vote.result.is_none();
    let shared = me.is_none();
    let voted = |m: MemberId| vote.ballots.contains_key(&m) || vote.rankings.contains_key(&m);
    let may_vote = me.is_some_and(|m| assembly.present.contains(&m) && !voted(m))
        && me.and_then(|m| council.member(m)).is_some_and(|m| m.role != Role::Observer);
    let mode = match vote.mode {
        VoteMode::RollCall => tr(state, lang, "mt-roll-call"),
        VoteMode::Tellers => tr(state, lang, "mt-tellers"),
    };
    html! {
        section.vote aria-labelledby={ "vote-" (vote.id) } {
            h3 id={ "vote-" (vote.id) } { (tra(state, lang, "mt-vote-number", &[("number", vote.id.to_string())])) ": " (vote.question.as_str()) }
            p.meta {
                (mode) " · "
                @if let Some(choices) = &vote.choices { (method_label(state.i18n(), lang, choices)) } @else { (majority_label(state.i18n(), lang, &vote.majority)) }
            }
            @if open {
                p.status-line { strong { (tr(state, lang, "mt-vote-open")) } " · " (tra(state, lang, "mt-votes-so-far", &[("count", (yes + no + abstain).to_string())])) }
                @if view != View::Projector && vote.mode == VoteMode::RollCall {
                    div class={ "ballot" @if shared { " personal if-present if-not-voted" } } hidden[!shared && !may_vote] {
                        @if let Some(choices) = &vote.choices {
                            (ranking_form(scene, vote, choices))
                        } @else {
                            @for choice in VoteChoice::ALL {
                                (act_form(&url, "cast", &[("vote", vote.id.to_string()), ("choice", choice.as_str().to_owned())], &choice_label(state, lang, choice), &format!("choice-{}", choice.as_str()), csrf))
                                " "
                            }
                        }
                    }
                    p class=(if shared { "personal if-voted" } else { "" }) hidden[!shared && !me.is_some_and(voted)] { (tr(state, lang, "mt-you-voted")) }
                }
                @if view == View::Presiding {
                    @if vote.mode == VoteMode::Tellers {
                        form.tellers method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="count";
                            input type="hidden" name="vote" value=(vote.id);
                            @for choice in VoteChoice::ALL {
                                label { (choice_label(state, lang, choice)) input name=(choice.as_str()) type="number" min="0" required; }
                            }
                            button type="submit" { (tr(state, lang, "mt-enter-counts")) }
                        }
                        @if let Some((y, n, a)) = vote.counted { p { (tra(state, lang, "mt-counted", &[("yes", y.to_string()), ("no", n.to_string()), ("abstain", a.to_string())])) } }
                    }
                    (crate::ui::confirm(&tr(state, lang, "mt-close-vote"), &tr(state, lang, "mt-close-vote-question"),
                        act_form(&url, "close_vote", &[("vote", vote.id.to_string())], &tr(state, lang, "mt-close-vote-confirm"), "danger", csrf)))
                }
            }
            @if let (Some(result), Some(choices)) = (&vote.result, &vote.choices) {
                (choice_result(state.i18n(), lang, vote.id, choices, result))
            } @else if let Some(result) = &vote.result {
                p class={ "result " (if result.outcome.passed { "carried" } else { "lost" }) } {
                    strong { (if result.outcome.passed { tr(state, lang, "mt-carried") } else { tr(state, lang, "mt-lost") }) }
                    @if !result.outcome.quorum_met { " — " (tr(state, lang, "mt-quorum-missing")) }
                }
                (crate::charts::yes_no_chart(state.i18n(), lang, &format!("chart-vote-{}", vote.id), vote, result))
                table.tally {
                    tbody {
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::Yes)) } td { (result.yes) } }
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::No)) } td { (result.no) } }
                        tr { th scope="row" { (choice_label(state, lang, VoteChoice::Abstain)) } td { (result.abstain) } }
                    }
                }
                p.meta { (tra(state, lang, "mt-needed", &[("needed", result.outcome.yes_needed.to_string()), ("basis", result.outcome.basis_total.to_string())])) }
            }
            // Names are shown once the vote is closed: while it is open every screen would receive them all again
            // with each hand raised.
            @if vote.mode == VoteMode::RollCall && !(vote.ballots.is_empty() && vote.rankings.is_empty()) && vote.result.is_some() {
                details.names open[vote.result.is_some() && view != View::Projector] {
                    summary { (tr(state, lang, "mt-by-name")) }
                    ul {
                        @for (member, choice) in &vote.ballots {
                            li { (name(council, *member)) ": " (choice_label(state, lang, *choice)) }
                        }
                        @if let Some(choices) = &vote.choices {
                            @for (member, ranking) in &vote.rankings {
                                li { (name(council, *member)) ": " (ranking_text(state.i18n(), lang, choices, ranking)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A ballot among options that works without JavaScript: one list per preference (ranked methods) or per mark
/// (plurality), each offering every option; blanks are skipped, so a member ranks as few as they like.
pub(crate) fn ranking_form(scene: &Scene<'_>, vote: &Vote, choices: &Choices) -> Markup {
    let Scene { state, lang, council, assembly, csrf, .. } = *scene;
    let url = base(council, assembly.id);
    let places = if choices.method.ranked() { choices.options.len() } else { usize::from(choices.seats) };
    let key = if choices.method.ranked() { "mt-preference" } else { "mt-mark" };
    html! {
        form.ranking method="post" action={ (url) "/act" } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="do" value="rank";
            input type="hidden" name="vote" value=(vote.id);
            @for place in 1..=places {
                @let id = format!("vote-{}-place-{place}", vote.id);
                p {
                    label for=(id) { (tra(state, lang, key, &[("number", place.to_string())])) }
                    " "
                    select id=(id) name="ranking" {
                        option value="" { "—" }
                        @for (i, option) in choices.options.iter().enumerate() { option value=(i) { (option.as_str()) } }
                    }
                }
            }
            p { button type="submit" { (tr(state, lang, "mt-cast-ballot")) } }
        }
    }
}

/// "majority: more than 1/2 of yes and no votes", in the meeting pages and the minutes alike.
pub(crate) fn majority_label(i18n: &crate::I18n, lang: Lang, majority: &Majority) -> String {
    let basis = match majority.basis {
        Basis::VotesCast => "votes-cast",
        Basis::YesNo => "yes-no",
        Basis::Members => "members",
        Basis::Present => "present",
    };
    let key = if majority.at_least { "mt-majority-at-least" } else { "mt-majority" };
    let basis = i18n.tr(lang, &format!("mt-basis-{basis}"), &[]);
    i18n.tr_args(lang, key, &[("num", majority.num.to_string()), ("den", majority.den.to_string()), ("basis", basis)])
}

pub(crate) fn majority_fields(state: &AppState, ctx: &Ctx, prefix: &str) -> Markup {
    html! {
        p {
            label for={ (prefix) "-majority" } { (t(state, ctx, "mt-majority-rule")) }
            select id={ (prefix) "-majority" } name="majority" {
                option value="simple" { (t(state, ctx, "mt-majority-simple")) }
                option value="two_thirds" { (t(state, ctx, "mt-majority-two-thirds")) }
                option value="three_quarters" { (t(state, ctx, "mt-majority-three-quarters")) }
            }
        }
        p {
            label for={ (prefix) "-basis" } { (t(state, ctx, "mt-basis")) }
            select id={ (prefix) "-basis" } name="basis" {
                option value="yes_no" { (t(state, ctx, "mt-basis-yes-no")) }
                option value="votes_cast" { (t(state, ctx, "mt-basis-votes-cast")) }
                option value="present" { (t(state, ctx, "mt-basis-present")) }
                option value="members" { (t(state, ctx, "mt-basis-members")) }
            }
        }
    }
}
