//! Results as charts: server-rendered SVG, a pure function of a vote's or an election's result, with no JavaScript.
//!
//! A yes/no vote is three bars (yes, no, abstain) on the scale of the majority's basis, with the majority line drawn
//! at exactly the fraction the rule names (more than 1/2 of yes and no, at least 2/3 of members present, …); a vote
//! among options is one bar per option with its winners marked; instant-runoff and STV counts are one group of bars
//! per stage, with the quota line, and who was elected or excluded at that stage marked; a Belenios election is one
//! chart per question with the answers that had the most votes marked.
//!
//! Marks are words ("✓ elected", "✗ excluded"), never colour alone. Everything is drawn in `currentColor` with
//! opacities chosen for 3:1 contrast against the page's background in light and dark schemes alike, and with SVG
//! presentation attributes, because the Content-Security-Policy forbids `style` attributes. The one `<style>`
//! element, [`STYLE`], only lets a chart shrink to a narrow screen; the policy allows it by its hash.
//! Each chart is an image with a one-sentence summary (`role="img"`, `<title>`); the same numbers are in the table
//! beside it, so a screen reader loses nothing.
//!
//! The minutes' PDF draws these very charts (`pdf/chart.rs` reads this small vocabulary back: `g`, `rect`, `line`,
//! `text`), so every chart is a sequence of `<g>` groups that a page break may fall between but never inside.

use std::fmt::Write as _;

use maud::{Markup, PreEscaped};

use kenes_council::assembly::model::{ChoiceMethod, Choices, Title};
use kenes_council::assembly::{Vote, VoteResult};
use kenes_count::result::Action;
use kenes_count::simple::Majority;

use crate::i18n::{I18n, Lang};

/// The one style rule charts need: a chart is at most its natural width and shrinks with a narrow screen.
/// Its SHA-256 is in the Content-Security-Policy (`security.rs`).
pub const STYLE: &str = "svg.chart{max-width:100%;height:auto}";

/// The width of every chart, in its own units; at that natural width one unit is one CSS pixel.
const WIDTH: f32 = 400.0;
/// The labels' size: at the natural width the page's own, and about 12 px when a 360 px screen shrinks the chart.
pub(crate) const FONT: f32 = 16.0;
const LINE: f32 = 20.0;
const BAR: f32 = 16.0;
const GAP: f32 = 10.0;
/// Fill opacities of `currentColor`: at 0.6 a bar keeps 3:1 contrast with a white or a near-black background; the
/// track behind it only hints at the scale and is decorative.
const PLAIN: f32 = 0.6;
const STRONG: f32 = 1.0;
const TRACK: f32 = 0.1;

/// One bar: its label, value and how its value is written, and an optional mark in words.
struct Bar {
    label: String,
    value: f64,
    shown: String,
    mark: Option<String>,
    strong: bool,
}

/// An SVG drawing in progress, in the small vocabulary `pdf/chart.rs` reads back.
struct Svg {
    body: String,
    y: f32,
}

impl Svg {
    fn new() -> Svg {
        Svg { body: String::new(), y: 0.0 }
    }

    fn group(&mut self, class: &str) {
        let _ = write!(self.body, "<g class=\"{class}\">");
    }

    fn end_group(&mut self) {
        self.body.push_str("</g>");
    }

    fn rect(&mut self, class: &str, x: f32, y: f32, width: f32, height: f32, opacity: f32) {
        let _ = write!(
            self.body,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"currentColor\" fill-opacity=\"{}\"/>",
            num(x),
            num(y),
            num(width),
            num(height),
            num(opacity)
        );
    }

    fn line(&mut self, class: &str, x: f32, y1: f32, y2: f32) {
        let _ = write!(
            self.body,
            "<line class=\"{class}\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
            num(y1),
            num(y2),
            x = num(x)
        );
    }

    /// Text at its baseline; `end` anchors it by its right edge.
    fn text(&mut self, x: f32, y: f32, text: &str, bold: bool, end: bool) {
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"currentColor\"{}{}>{}</text>",
            num(x),
            num(y),
            num(FONT),
            if bold { " font-weight=\"bold\"" } else { "" },
            if end { " text-anchor=\"end\"" } else { "" },
            escape(text)
        );
    }

    /// A heading line across the chart (a stage's action, a note).
    fn heading(&mut self, text: &str) {
        for line in wrap(text, WIDTH, 3) {
            self.y += LINE;
            self.text(0.0, self.y - 4.0, &line, true, false);
        }
    }

    /// A bar row: the label (wrapped, at most two lines) with the value at the right, then the bar on `scale`.
    fn bar(&mut self, bar: &Bar, scale: f64) {
        let shown = match &bar.mark {
            Some(mark) => format!("{} · {mark}", bar.shown),
            None => bar.shown.clone(),
        };
        let room = WIDTH - text_width(&shown) - 8.0;
        for (i, line) in wrap(&bar.label, room, 2).iter().enumerate() {
            self.y += LINE;
            self.text(0.0, self.y - 4.0, line, bar.strong, false);
            if i == 0 {
                self.text(WIDTH, self.y - 4.0, &shown, bar.strong, true);
            }
        }
        self.rect("track", 0.0, self.y, WIDTH, BAR, TRACK);
        let width = if scale > 0.0 { (bar.value.max(0.0) / scale).min(1.0) as f32 * WIDTH } else { 0.0 };
        let class = if bar.strong { "bar win" } else { "bar" };
        self.rect(class, 0.0, self.y, width, BAR, if bar.strong { STRONG } else { PLAIN });
        self.y += BAR + GAP / 2.0;
    }

    /// The finished `<svg>`: an image named by `summary`, which is also its `<title>`.
    fn finish(self, id: &str, summary: &str) -> Markup {
        let height = self.y + GAP / 2.0;
        PreEscaped(format!(
            "<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><title id=\"{id}-title\">{summary}</title><style>{STYLE}</style>{body}</svg>",
            id = escape(id),
            w = num(WIDTH),
            h = num(height),
            summary = escape(summary),
            body = self.body,
        ))
    }
}

/// A coordinate with at most two decimals and no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Text for SVG content and attributes: the five characters XML gives a meaning.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An estimate of a text's width at [`FONT`]: wide for Hangul and other East Asian characters, generous for the
/// rest, so that labels fit whatever sans-serif font the reader's browser picks.
fn text_width(text: &str) -> f32 {
    text.chars()
        .map(|c| {
            let wide = matches!(c, '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}');
            if wide { FONT } else { FONT * 0.62 }
        })
        .sum()
}

/// Breaks `text` into at most `lines` lines no wider than `width`, at spaces (inside a word only when it alone is too
/// long); what does not fit ends with "…". The full text is in the table beside the chart.
fn wrap(text: &str, width: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    'words: for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if text_width(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
            if out.len() == lines {
                truncated = true;
                break;
            }
        }
        for c in word.chars() {
            current.push(c);
            if text_width(&current) > width {
                current.pop();
                out.push(std::mem::take(&mut current));
                if out.len() == lines {
                    truncated = true;
                    break 'words;
                }
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        if out.len() == lines {
            truncated = true;
        } else {
            out.push(current);
        }
    }
    if truncated {
        if let Some(last) = out.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…")) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// A yes/no vote's result: yes, no and abstain bars on the scale of the majority's basis (or of the largest count,
/// when abstentions outnumber it), with the majority line at `num/den` of the basis.
pub(crate) fn yes_no_chart(i18n: &I18n, lang: Lang, id: &str, vote: &Vote, result: &VoteResult) -> Markup {
    let majority = vote.majority;
    let outcome = &result.outcome;
    let scale = [outcome.basis_total, result.yes, result.no, result.abstain].into_iter().max().unwrap_or(0).max(1);
    let label = |key: &str| i18n.tr(lang, key, &[]);
    let bars = [
        (label("chart-yes"), result.yes, outcome.passed),
        (label("chart-no"), result.no, false),
        (label("chart-abstained"), result.abstain, false),
    ];
    let mut svg = Svg::new();
    svg.group("majority");
    let needed = i18n.tr_args(lang, "chart-needed-line", &[("needed", outcome.yes_needed.to_string())]);
    let x = majority_x(&majority, outcome.basis_total, scale);
    svg.y += LINE;
    // The line's label sits on the side of the line where it has room.
    svg.text(x.clamp(0.0, WIDTH), svg.y - 4.0, &needed, false, x > WIDTH / 2.0);
    let top = svg.y;
    for (label, count, strong) in bars {
        let bar = Bar { label, value: count as f64, shown: count.to_string(), mark: None, strong };
        svg.bar(&bar, scale as f64);
    }
    svg.line("threshold", x, top, svg.y);
    svg.end_group();
    let mut verdict = label(if outcome.passed { "mt-carried" } else { "mt-lost" });
    if !outcome.quorum_met {
        verdict = format!("{verdict} — {}", label("mt-quorum-missing"));
    }
    let summary = i18n.tr_args(
        lang,
        "chart-yes-no-title",
        &[
            ("outcome", verdict),
            ("yes", result.yes.to_string()),
            ("no", result.no.to_string()),
            ("abstain", result.abstain.to_string()),
            ("needed", outcome.yes_needed.to_string()),
            ("rule", crate::meetings::majority_label(i18n, lang, &majority)),
        ],
    );
    svg.finish(id, &summary)
}

/// Where the majority line goes on a bar `WIDTH` long that stands for `scale` votes: `num/den` of the basis.
fn majority_x(majority: &Majority, basis_total: u64, scale: u64) -> f32 {
    let numerator = majority.num as f64 * basis_total as f64;
    let denominator = majority.den.max(1) as f64 * scale.max(1) as f64;
    (numerator / denominator) as f32 * WIDTH
}

/// A vote among options: one bar per option (plurality, Schulze), or a group of bars per stage (IRV, STV).
pub(crate) fn choice_chart(
    i18n: &I18n,
    lang: Lang,
    id: &str,
    choices: &Choices,
    result: &VoteResult,
) -> Option<Markup> {
    let count = result.count.as_deref()?;
    let names: Vec<&str> = choices.options.iter().map(Title::as_str).collect();
    let staged = matches!(choices.method, ChoiceMethod::Irv | ChoiceMethod::Stv);
    count_chart(i18n, lang, id, &names, count, staged, choices.method == ChoiceMethod::Schulze)
}

/// A count of `kenes-count` among named options: one bar per option at the last stage (`staged` false: plurality,
/// Schulze, Borda), or a group of bars per stage with the quota (`staged`: IRV, STV). `None` for a count without
/// stages.
pub(crate) fn count_chart(
    i18n: &I18n,
    lang: Lang,
    id: &str,
    names: &[&str],
    count: &kenes_count::CountResult,
    staged: bool,
    schulze: bool,
) -> Option<Markup> {
    if count.stages.is_empty() {
        return None;
    }
    let name = |i: usize| names.get(i).copied().unwrap_or("?");
    let elected_mark = i18n.tr(lang, "chart-elected-mark", &[]);
    let outcome = if count.elected.is_empty() {
        i18n.tr(lang, "mt-nobody-elected", &[])
    } else {
        let elected: Vec<&str> = count.elected.iter().map(|&i| name(i)).collect();
        i18n.tr_args(lang, "mt-elected", &[("names", elected.join(", "))])
    };
    let decimals = count.decimals;
    let mut svg = Svg::new();
    if !staged {
        let stage = count.stages.last()?;
        let scale = stage.totals.iter().map(|v| v.to_f64_lossy()).fold(0.0, f64::max);
        svg.group("stage");
        if schulze {
            svg.heading(&i18n.tr(lang, "chart-schulze-note", &[]));
        }
        for (i, total) in stage.totals.iter().enumerate() {
            let won = count.elected.contains(&i);
            let bar = Bar {
                label: name(i).to_owned(),
                value: total.to_f64_lossy(),
                shown: total.display(decimals),
                mark: won.then(|| format!("✓ {elected_mark}")),
                strong: won,
            };
            svg.bar(&bar, scale);
        }
        svg.end_group();
        let counts: Vec<String> =
            stage.totals.iter().enumerate().map(|(i, v)| format!("{} {}", name(i), v.display(decimals))).collect();
        let key = if schulze { "chart-schulze-title" } else { "chart-options-title" };
        let summary = i18n.tr_args(lang, key, &[("result", outcome), ("counts", counts.join(", "))]);
        return Some(svg.finish(id, &summary));
    }
    let excluded_mark = i18n.tr(lang, "chart-excluded-mark", &[]);
    let quota = count.quota.map(|q| q.to_f64_lossy());
    // One scale for every stage, so that bars can be compared from one stage to the next.
    let scale = count
        .stages
        .iter()
        .flat_map(|stage| stage.totals.iter().map(|v| v.to_f64_lossy()))
        .chain(quota)
        .fold(0.0, f64::max);
    let mut gone: Vec<usize> = Vec::new();
    let mut elected_before: Vec<usize> = Vec::new();
    for stage in &count.stages {
        svg.group("stage");
        let number = stage.number.to_string();
        let heading = match &stage.action {
            Action::FirstPreferences => i18n.tr_args(lang, "chart-stage-first", &[("number", number)]),
            Action::Surplus { candidate } => {
                i18n.tr_args(lang, "chart-stage-surplus", &[("number", number), ("name", name(*candidate).to_owned())])
            }
            Action::Exclusion { candidates } => {
                let names: Vec<&str> = candidates.iter().map(|&c| name(c)).collect();
                i18n.tr_args(lang, "chart-stage-exclusion", &[("number", number), ("names", names.join(", "))])
            }
            Action::ElectRemaining => i18n.tr_args(lang, "chart-stage-remaining", &[("number", number)]),
            Action::Tally => i18n.tr_args(lang, "chart-stage-tally", &[("number", number)]),
        };
        svg.heading(&heading);
        if let Some(quota) = &count.quota {
            let text = i18n.tr_args(lang, "chart-quota", &[("quota", quota.display(decimals))]);
            let x = if scale > 0.0 { (quota.to_f64_lossy() / scale) as f32 * WIDTH } else { 0.0 };
            svg.y += LINE;
            svg.text(x, svg.y - 4.0, &text, false, x > WIDTH / 2.0);
        }
        let bars_top = svg.y;
        let under_bars = svg.body.len();
        for (i, total) in stage.totals.iter().enumerate() {
            if gone.contains(&i) {
                continue;
            }
            let excluded = stage.excluded.contains(&i);
            let elected = stage.elected.contains(&i) || elected_before.contains(&i);
            let mark = if excluded {
                Some(format!("✗ {excluded_mark}"))
            } else if elected {
                Some(format!("✓ {elected_mark}"))
            } else {
                None
            };
            let bar = Bar {
                label: name(i).to_owned(),
                value: total.to_f64_lossy(),
                shown: total.display(decimals),
                mark,
                strong: elected,
            };
            svg.bar(&bar, scale);
        }
        if let Some(quota) = quota {
            // Drawn beneath the bars and their labels, so a count or mark the line crosses stays readable.
            let x = if scale > 0.0 { (quota / scale) as f32 * WIDTH } else { 0.0 };
            let bars = svg.body.split_off(under_bars);
            svg.line("threshold", x, bars_top, svg.y);
            svg.body.push_str(&bars);
        }
        svg.end_group();
        gone.extend(stage.excluded.iter().copied());
        elected_before.extend(stage.elected.iter().copied());
    }
    let summary =
        i18n.tr_args(lang, "chart-stages-title", &[("result", outcome), ("stages", count.stages.len().to_string())]);
    Some(svg.finish(id, &summary))
}

/// The answers of one Belenios question with the most votes (all of them when tied; none when nobody voted).
pub(crate) fn most_votes(counts: &[u64]) -> Vec<usize> {
    let top = counts.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return Vec::new();
    }
    (0..counts.len()).filter(|&i| counts[i] == top).collect()
}

/// One Belenios question's result: a bar per answer (and one for blank votes), the answers with the most votes
/// marked. `blank` is the blank votes' count when the question allows them.
pub(crate) fn answers_chart(
    i18n: &I18n,
    lang: Lang,
    id: &str,
    question: &str,
    answers: &[(&str, u64)],
    blank: Option<u64>,
) -> Markup {
    let counts: Vec<u64> = answers.iter().map(|(_, count)| *count).collect();
    let winners = most_votes(&counts);
    let scale = counts.iter().copied().chain(blank).max().unwrap_or(0) as f64;
    let mark = i18n.tr(lang, "chart-most-votes-mark", &[]);
    let mut svg = Svg::new();
    svg.group("question");
    for (i, (answer, count)) in answers.iter().enumerate() {
        let won = winners.contains(&i);
        let bar = Bar {
            label: (*answer).to_owned(),
            value: *count as f64,
            shown: count.to_string(),
            mark: won.then(|| format!("✓ {mark}")),
            strong: won,
        };
        svg.bar(&bar, scale);
    }
    if let Some(blank) = blank {
        let bar = Bar {
            label: i18n.tr(lang, "el-blank-vote", &[]),
            value: blank as f64,
            shown: blank.to_string(),
            mark: None,
            strong: false,
        };
        svg.bar(&bar, scale);
    }
    svg.end_group();
    let listed: Vec<String> = answers.iter().map(|(answer, count)| format!("{answer} {count}")).collect();
    let names: Vec<&str> = winners.iter().filter_map(|&i| answers.get(i).map(|(answer, _)| *answer)).collect();
    let names = if names.is_empty() { "—".to_owned() } else { names.join(", ") };
    let summary = i18n.tr_args(
        lang,
        "chart-answers-title",
        &[("question", question.to_owned()), ("counts", listed.join(", ")), ("names", names)],
    );
    svg.finish(id, &summary)
}

#[cfg(test)]
mod tests;
