//! Minutes of a meeting, generated from the council's record: who was present, the agenda, every motion and
//! amendment with its fate and text, every vote with its result and, for roll calls, each name, who spoke, and the
//! secretary's notes. The output is a pure function of the record and the language (no clock, no node, no session),
//! so minutes regenerated from a bundle on another machine are byte-identical: `kenes minutes BUNDLE`.
//! The page prints to PDF from any browser (print stylesheet: one column, no navigation).

use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

use kenes_council::Council;
use kenes_council::assembly::model::{SpeechKind, VoteChoice, VoteMode, VoteSubject};
use kenes_council::assembly::{Assembly, MotionStatus, Vote};
use kenes_record::EventHash;

use crate::AppState;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::{I18n, Lang, supported};
use crate::meetings::{choice_result, majority_label, method_label, name, ranking_text};
use crate::ui::{format_time, require_member};

pub(crate) const PRINT_STYLE: &str = "body{font:15px/1.5 'Noto Serif',Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}\
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #999;margin-top:2rem}h3{font-size:1.05rem}\
table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left}\
del{background:#fde2e2}ins{background:#e2f5e2;text-decoration:none}ol.lines{font-family:monospace;font-size:.9rem}\
.meta{color:#444}footer{margin-top:3rem;font-size:.8rem;color:#444;overflow-wrap:anywhere}\
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}";

struct Words<'a> {
    i18n: &'a I18n,
    lang: Lang,
}

impl Words<'_> {
    fn t(&self, key: &str) -> String {
        self.i18n.tr(self.lang, key, &[])
    }

    fn ta(&self, key: &str, args: &[(&str, String)]) -> String {
        self.i18n.tr_args(self.lang, key, args)
    }
}

/// The minutes as a standalone HTML document.
pub fn minutes_html(i18n: &I18n, lang: Lang, council: &Council, assembly: &Assembly) -> String {
    let w = Words { i18n, lang };
    let attendees = crate::meetings::attendees(assembly);
    let markup: Markup = html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (w.t("mn-title")) ": " (assembly.title.as_str()) }
                style { (PreEscaped(PRINT_STYLE)) }
            }
            body {
                main {
                    h1 { (w.t("mn-title")) ": " (assembly.title.as_str()) }
                    p.meta { (council.name.as_str()) }
                    table {
                        tbody {
                            tr { th scope="row" { (w.t("mt-starts")) } td { (assembly.starts.as_str()) } }
                            tr { th scope="row" { (w.t("mt-place")) } td { (assembly.place.as_str()) } }
                            tr { th scope="row" { (w.t("mn-convened-by")) } td { (name(council, assembly.convened_by)) } }
                            tr { th scope="row" { (w.t("mn-opened")) } td { (assembly.opened_ms.map(format_time).unwrap_or_default()) } }
                            tr { th scope="row" { (w.t("mn-closed")) } td { (assembly.closed_ms.map(format_time).unwrap_or_default()) } }
                            tr { th scope="row" { (w.t("mt-status")) } td { (w.t(&format!("mt-status-{}", assembly.status.as_str()))) } }
                        }
                    }
                    h2 { (w.t("mn-present")) }
                    p { (w.ta("mn-present-count", &[("count", attendees.len().to_string())])) }
                    @if !attendees.is_empty() {
                        ul { @for member in &attendees { li { (name(council, *member)) } } }
                    }
                    h2 { (w.t("mt-agenda")) }
                    @if assembly.agenda.is_empty() { p { (w.t("mt-agenda-empty")) } }
                    @for item in assembly.agenda_in_order() {
                        section {
                            h3 { (item.number) " " (item.title.as_str()) }
                            @if let Some(taken) = item.taken_ms { p.meta { (w.ta("mn-taken-up", &[("time", format_time(taken))])) } }
                            @if let Some(list) = assembly.speakers(item.id) {
                                @if !list.spoken.is_empty() || list.current.is_some() {
                                    p {
                                        (w.t("mn-spoke")) ": "
                                        (list.spoken.iter().chain(list.current.iter()).map(|s| {
                                            if s.kind == SpeechKind::Speech { name(council, s.member) } else {
                                                format!("{} ({})", name(council, s.member), w.t(&format!("mt-speech-{}", s.kind.as_str().replace('_', "-"))))
                                            }
                                        }).collect::<Vec<_>>().join(", "))
                                    }
                                }
                            }
                            @for motion in assembly.motions_of(item.id) {
                                h4 { (w.ta("mt-motion-number", &[("number", motion.id.to_string())])) ": " (motion.title.as_str()) }
                                p {
                                    (w.ta("mt-moved-by", &[("name", name(council, motion.mover))]))
                                    @if !motion.seconders.is_empty() {
                                        "; " (w.t("mn-seconded")) ": " (motion.seconders.iter().map(|m| name(council, *m)).collect::<Vec<_>>().join(", "))
                                    }
                                    ". " strong { (w.t(&format!("mt-motion-{}", motion.status.as_str()))) }
                                    @if let Some(other) = motion.alternative_to { " " (w.ta("mt-alternative-to", &[("number", other.to_string())])) }
                                }
                                p { (w.t("mn-as-moved")) ":" }
                                ol.lines { @for line in motion.original.lines() { li { (line) } } }
                                @for amendment in assembly.amendments_of(motion.id) {
                                    p {
                                        strong { (w.ta("mt-amendment-number", &[("number", amendment.id.to_string())])) }
                                        " " (w.ta("mt-amendment-lines", &[("from", amendment.from_line.to_string()), ("to", amendment.to_line.to_string())]))
                                        ", " (w.ta("mt-moved-by", &[("name", name(council, amendment.mover))]))
                                        ": " strong { (w.t(&format!("mt-motion-{}", amendment.status.as_str()))) }
                                    }
                                    div { @for line in &amendment.replaced { del { (line) } br; } @for line in amendment.text.lines() { ins { (line) } br; } }
                                }
                                @if motion.status == MotionStatus::Adopted {
                                    p { (w.t("mn-as-adopted")) ":" }
                                    ol.lines { @for line in motion.text.lines() { li { (line) } } }
                                }
                            }
                            @for vote in assembly.votes.iter().filter(|v| v.item == Some(item.id)) { (vote_minutes(&w, council, vote)) }
                        }
                    }
                    @let other_votes: Vec<&Vote> = assembly.votes.iter().filter(|v| v.item.is_none()).collect();
                    @if !other_votes.is_empty() {
                        h2 { (w.t("mt-results")) }
                        @for vote in other_votes { (vote_minutes(&w, council, vote)) }
                    }
                    @if !assembly.notes.is_empty() {
                        h2 { (w.t("mn-notes")) }
                        @for note in &assembly.notes {
                            p.meta { (name(council, note.by)) ", " (format_time(note.at_ms)) }
                            @for line in note.text.lines() { p { (line) } }
                        }
                    }
                }
                footer {
                    p { (w.ta("mn-footer", &[("height", assembly.last_height.to_string()), ("council", council.id().to_hex())])) }
                }
            }
        }
    };
    markup.into_string()
}

fn vote_minutes(w: &Words<'_>, council: &Council, vote: &Vote) -> Markup {
    let subject = match vote.subject {
        VoteSubject::Motion(id) => w.ta("mt-motion-number", &[("number", id.to_string())]),
        VoteSubject::Amendment(id) => w.ta("mt-amendment-number", &[("number", id.to_string())]),
        VoteSubject::Question => w.t("mn-question"),
    };
    let mode = match vote.mode {
        VoteMode::RollCall => w.t("mt-roll-call"),
        VoteMode::Tellers => w.t("mt-tellers"),
    };
    html! {
        div.vote {
            h4 { (w.ta("mt-vote-number", &[("number", vote.id.to_string())])) " (" (subject) "): " (vote.question.as_str()) }
            p.meta {
                (mode) "; "
                @if let Some(choices) = &vote.choices { (method_label(w.i18n, w.lang, choices)) } @else { (majority_label(w.i18n, w.lang, &vote.majority)) }
                "; " (w.ta("mn-opened-at", &[("time", format_time(vote.opened_ms))]))
            }
            @if let (Some(result), Some(choices)) = (&vote.result, &vote.choices) {
                (choice_result(w.i18n, w.lang, vote.id, choices, result))
            } @else if let Some(result) = &vote.result {
                p {
                    (w.ta("mt-counted", &[("yes", result.yes.to_string()), ("no", result.no.to_string()), ("abstain", result.abstain.to_string())]))
                    " " (w.ta("mt-needed", &[("needed", result.outcome.yes_needed.to_string()), ("basis", result.outcome.basis_total.to_string())]))
                    " " strong { (if result.outcome.passed { w.t("mt-carried") } else { w.t("mt-lost") }) }
                    @if !result.outcome.quorum_met { " (" (w.t("mt-quorum-missing")) ")" }
                }
                (crate::charts::yes_no_chart(w.i18n, w.lang, &format!("chart-vote-{}", vote.id), vote, result))
            } @else {
                p { (w.t("mt-vote-open")) }
            }
            @if vote.mode == VoteMode::RollCall && !vote.ballots.is_empty() {
                table {
                    tbody {
                        @for choice in VoteChoice::ALL {
                            @let names: Vec<String> = vote.ballots.iter().filter(|(_, c)| **c == choice).map(|(m, _)| name(council, *m)).collect();
                            tr { th scope="row" { (w.t(&format!("mt-choice-{}", choice.as_str()))) " (" (names.len()) ")" } td { (names.join(", ")) } }
                        }
                    }
                }
            }
            @if let Some(choices) = vote.choices.as_ref().filter(|_| !vote.rankings.is_empty()) {
                table {
                    caption { (w.t("mt-by-name")) }
                    tbody {
                        @for (member, ranking) in &vote.rankings {
                            tr { th scope="row" { (name(council, *member)) } td { (ranking_text(w.i18n, w.lang, choices, ranking)) } }
                        }
                    }
                }
            }
        }
    }
}

/// The minutes as a PDF: the same content as [`minutes_html`], laid out on A4 pages.
pub fn minutes_pdf(
    i18n: &I18n,
    lang: Lang,
    council: &Council,
    assembly: &Assembly,
) -> Result<Vec<u8>, crate::pdf::PdfError> {
    let html = minutes_html(i18n, lang, council, assembly);
    let title = format!("{}: {}", i18n.tr(lang, "mn-title", &[]), assembly.title.as_str());
    crate::pdf::html_to_pdf(&html, &title, lang)
}

#[derive(Debug, Deserialize)]
pub struct MinutesQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    download: String,
    /// `pdf` for the PDF; the HTML page otherwise.
    #[serde(default)]
    format: String,
}

/// The minutes as a page (and as a file with `?download=1`), in the language asked for or the reader's.
pub async fn minutes_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Query(query): Query<MinutesQuery>,
) -> Result<Response, WebError> {
    let council = EventHash::from_hex(&id).map_err(|_| WebError::NotFound)?;
    let number: u32 = number.parse().map_err(|_| WebError::NotFound)?;
    require_member(&state, &ctx, council)?;
    let lang = supported(&query.lang).unwrap_or(ctx.lang);
    let pdf = query.format == "pdf";
    // The HTML is made under the council's lock (it reads the state); the PDF is laid out afterwards, off the
    // async threads, so a long layout holds up neither other requests nor the council's writes.
    let (html, title) = state.node().read(council, |c| {
        let a = c.assembly(number).ok_or(WebError::NotFound)?;
        let title = format!("{}: {}", state.i18n().tr(lang, "mn-title", &[]), a.title.as_str());
        Ok::<_, WebError>((minutes_html(state.i18n(), lang, c, a), title))
    })??;
    let mut response = if pdf {
        let bytes = crate::blocking(move || {
            crate::pdf::html_to_pdf(&html, &title, lang).map_err(|e| WebError::Internal(e.to_string()))
        })
        .await?;
        ([(CONTENT_TYPE, "application/pdf")], bytes).into_response()
    } else {
        ([(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
    };
    if !query.download.is_empty() || pdf {
        let extension = if pdf { "pdf" } else { "html" };
        let disposition = format!("attachment; filename=\"minutes-{number}-{lang}.{extension}\"");
        if let Ok(value) = disposition.parse() {
            response.headers_mut().insert(CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}
