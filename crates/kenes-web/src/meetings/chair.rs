//! The chair's panel: the forms only whoever presides sees.

use maud::{Markup, html};

use kenes_council::Council;
use kenes_council::assembly::model::ChoiceMethod;
use kenes_council::assembly::{Assembly, Status};

use crate::AppState;
use crate::auth::Ctx;
use crate::ui::t;

use super::*;

pub(crate) fn chair_panel(state: &AppState, ctx: &Ctx, council: &Council, assembly: &Assembly) -> Markup {
    let url = base(council, assembly.id);
    let csrf = ctx.csrf();
    html! {
        section.chair aria-labelledby="chair-heading" {
            h2 id="chair-heading" { (t(state, ctx, "mt-chair")) }
            p {
                @match assembly.status {
                    Status::Planned => {
                        (act_form(&url, "open", &[], &t(state, ctx, "mt-open"), "", csrf)) " "
                        (crate::ui::confirm(&t(state, ctx, "mt-cancel"), &t(state, ctx, "mt-cancel-question"),
                            act_form(&url, "close", &[], &t(state, ctx, "mt-cancel-confirm"), "danger", csrf)))
                    }
                    Status::Open => {
                        (crate::ui::confirm(&t(state, ctx, "mt-close"), &t(state, ctx, "mt-close-question"),
                            act_form(&url, "close", &[], &t(state, ctx, "mt-close-confirm"), "danger", csrf)))
                    }
                    Status::Closed => { (status_label(state, ctx.lang, assembly)) }
                }
            }
            @if assembly.status != Status::Closed {
                details {
                    summary { (t(state, ctx, "mt-add-item")) }
                    form method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        input type="hidden" name="do" value="add_item";
                        p { label for="item-title" { (t(state, ctx, "mt-title")) } input id="item-title" name="title" required maxlength="200"; }
                        p { label for="item-minutes" { (t(state, ctx, "mt-item-minutes")) } input id="item-minutes" name="minutes" type="number" min="0" max="1440" value="10"; }
                        p {
                            label for="item-parent" { (t(state, ctx, "mt-item-parent")) }
                            select id="item-parent" name="parent" {
                                option value="" { "—" }
                                @for item in assembly.agenda_in_order() { option value=(item.id) { (item.number) " " (item.title.as_str()) } }
                            }
                        }
                        p { button type="submit" { (t(state, ctx, "mt-add-item")) } }
                    }
                }
                details {
                    summary { (t(state, ctx, "mt-mark-attendance")) }
                    form method="post" action={ (url) "/act" } {
                        input type="hidden" name="csrf" value=(csrf);
                        p {
                            label for="attendance-member" { (t(state, ctx, "mt-member")) }
                            select id="attendance-member" name="member" {
                                @for m in council.active_members() {
                                    option value=(m.id.0) { (m.name.as_str()) @if assembly.present.contains(&m.id) { " ✓" } }
                                }
                            }
                        }
                        p {
                            button type="submit" name="do" value="check_in" { (t(state, ctx, "mt-check-in")) } " "
                            button.secondary type="submit" name="do" value="check_out" { (t(state, ctx, "mt-check-out")) }
                        }
                    }
                }
                @if assembly.status == Status::Open {
                    details {
                        summary { (t(state, ctx, "mt-put-question")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="vote_question";
                            p { label for="question" { (t(state, ctx, "mt-question")) } input id="question" name="question" required maxlength="200"; }
                            p {
                                label for="question-mode" { (t(state, ctx, "mt-mode")) }
                                select id="question-mode" name="mode" {
                                    option value="roll_call" { (t(state, ctx, "mt-roll-call")) }
                                    option value="tellers" { (t(state, ctx, "mt-tellers")) }
                                }
                            }
                            (majority_fields(state, ctx, "question"))
                            p { button type="submit" { (t(state, ctx, "mt-open-vote")) } }
                        }
                    }
                    details {
                        summary { (t(state, ctx, "mt-put-choice")) }
                        form method="post" action={ (url) "/act" } {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="do" value="vote_choices";
                            p { label for="choice-question" { (t(state, ctx, "mt-question")) } input id="choice-question" name="question" required maxlength="200"; }
                            p { label for="choice-options" { (t(state, ctx, "mt-options")) } textarea id="choice-options" name="options" rows="4" required {} }
                            p {
                                label for="choice-method" { (t(state, ctx, "mt-method")) }
                                select id="choice-method" name="method" {
                                    @for method in ChoiceMethod::ALL {
                                        option value=(method.as_str()) selected[method == ChoiceMethod::Irv] { (t(state, ctx, &format!("mt-method-{}", method.as_str()))) }
                                    }
                                }
                            }
                            p { label for="choice-seats" { (t(state, ctx, "mt-seats")) } input id="choice-seats" name="seats" type="number" min="1" max="29" value="1"; }
                            p { button type="submit" { (t(state, ctx, "mt-open-vote")) } }
                        }
                    }
                }
            }
            details {
                summary { (t(state, ctx, "mt-annotate")) }
                form method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="do" value="annotate";
                    p { label for="note" { (t(state, ctx, "mt-note")) } textarea id="note" name="text" rows="3" maxlength="20000" required {} }
                    p { button type="submit" { (t(state, ctx, "mt-annotate")) } }
                }
            }
        }
    }
}

pub(crate) fn motion_form(state: &AppState, ctx: &Ctx, council: &Council, assembly: &Assembly) -> Markup {
    let url = base(council, assembly.id);
    html! {
        @if assembly.status != Status::Closed && !assembly.agenda.is_empty() {
            section aria-labelledby="move-heading" {
                h2 id="move-heading" { (t(state, ctx, "mt-move")) }
                form method="post" action={ (url) "/act" } {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    input type="hidden" name="do" value="move";
                    p {
                        label for="motion-item" { (t(state, ctx, "mt-item")) }
                        select id="motion-item" name="item" {
                            @for item in assembly.agenda_in_order() {
                                option value=(item.id) selected[assembly.current_item == Some(item.id)] { (item.number) " " (item.title.as_str()) }
                            }
                        }
                    }
                    p { label for="motion-title" { (t(state, ctx, "mt-title")) } input id="motion-title" name="title" required maxlength="200"; }
                    p { label for="motion-text" { (t(state, ctx, "mt-motion-text")) } textarea id="motion-text" name="text" rows="6" maxlength="20000" required aria-describedby="motion-text-hint" {} small id="motion-text-hint" { (t(state, ctx, "mt-motion-text-hint")) } }
                    @if !assembly.motions.is_empty() {
                        p {
                            label for="motion-alternative" { (t(state, ctx, "mt-alternative")) }
                            select id="motion-alternative" name="alternative_to" {
                                option value="" { "—" }
                                @for m in &assembly.motions { @if m.status.is_pending() { option value=(m.id) { (m.id) ". " (m.title.as_str()) } } }
                            }
                        }
                    }
                    p { button type="submit" { (t(state, ctx, "mt-move-submit")) } }
                }
            }
        }
    }
}
