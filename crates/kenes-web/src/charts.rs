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
    let count = result.count.as_deref().filter(|count| !count.stages.is_empty())?;
    let names: Vec<&str> = choices.options.iter().map(Title::as_str).collect();
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
    let ranked_count = matches!(choices.method, ChoiceMethod::Irv | ChoiceMethod::Stv);
    if !ranked_count {
        let stage = count.stages.last()?;
        let scale = stage.totals.iter().map(|v| v.to_f64_lossy()).fold(0.0, f64::max);
        svg.group("stage");
        if choices.method == ChoiceMethod::Schulze {
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
        let key = if choices.method == ChoiceMethod::Schulze { "chart-schulze-title" } else { "chart-options-title" };
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
            let x = if scale > 0.0 { (quota / scale) as f32 * WIDTH } else { 0.0 };
            svg.line("threshold", x, bars_top, svg.y);
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
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use std::collections::BTreeMap;

    use kenes_council::assembly::model::{VoteMode, VoteSubject};
    use kenes_count::simple::{Basis, MotionTally, Quorum, count_motion};
    use kenes_count::{Candidate, Election};

    use super::*;

    fn i18n() -> I18n {
        I18n::load().unwrap()
    }

    /// The start tags named `name` in `svg`, each as its text.
    fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
        let open = format!("<{name} ");
        svg.match_indices(&open).map(|(at, _)| &svg[at..at + svg[at..].find('>').unwrap()]).collect()
    }

    fn attr(tag: &str, name: &str) -> f32 {
        let key = format!(" {name}=\"");
        let start = tag.find(&key).unwrap_or_else(|| panic!("{tag} has no {name}")) + key.len();
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    }

    /// The texts of the `<text>` elements, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .map(|part| part[part.find('>').unwrap() + 1..part.find("</text>").unwrap()].to_owned())
            .collect()
    }

    fn bars(svg: &str) -> Vec<(f32, bool)> {
        tags(svg, "rect")
            .into_iter()
            .filter(|tag| tag.contains("class=\"bar"))
            .map(|tag| (attr(tag, "width"), tag.contains("class=\"bar win\"")))
            .collect()
    }

    fn question(text: &str) -> Title {
        Title::parse(text).unwrap()
    }

    fn yes_no(yes: u64, no: u64, abstain: u64, members: u64, majority: Majority) -> (Vote, VoteResult) {
        let tally = MotionTally { yes, no, abstain, members, present: members };
        let outcome = count_motion(&tally, Quorum::None, majority);
        let result = VoteResult {
            yes,
            no,
            abstain,
            present: members as usize,
            outcome,
            count: None,
            closed_ms: 0,
            closed_height: 9,
        };
        let vote = Vote {
            id: 1,
            item: None,
            subject: VoteSubject::Question,
            question: question("Buy a <kettle> & cups?"),
            mode: VoteMode::Tellers,
            majority,
            ballots: BTreeMap::new(),
            counted: Some((yes as u32, no as u32, abstain as u32)),
            choices: None,
            rankings: BTreeMap::new(),
            present_at_open: members as usize,
            voting_members: members as usize,
            opened_ms: 0,
            result: Some(result.clone()),
        };
        (vote, result)
    }

    fn majority_line(svg: &str) -> f32 {
        let lines = tags(svg, "line");
        assert_eq!(lines.len(), 1, "{svg}");
        assert_eq!(attr(lines[0], "x1"), attr(lines[0], "x2"), "the line is upright");
        attr(lines[0], "x1")
    }

    #[test]
    fn yes_no_bars_are_proportional_and_the_majority_line_sits_at_the_rules_fraction() {
        let i18n = i18n();
        // More than 1/2 of yes and no (8 + 4 = 12): the line at 6 of 12, the yes bar 8/12 of the width.
        let (vote, result) = yes_no(8, 4, 2, 20, Majority::simple(Basis::YesNo));
        let svg = yes_no_chart(&i18n, "en", "chart-vote-1", &vote, &result).into_string();
        assert_eq!(
            bars(&svg),
            vec![
                (num_f(8.0 / 12.0 * WIDTH), true),
                (num_f(4.0 / 12.0 * WIDTH), false),
                (num_f(2.0 / 12.0 * WIDTH), false)
            ]
        );
        assert_eq!(majority_line(&svg), 200.0);
        assert!(texts(&svg).contains(&"7 needed".to_owned()), "{svg}");
        assert!(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"chart-vote-1-title\""));
        assert!(svg.contains("<title id=\"chart-vote-1-title\">Carried. Yes 8, no 4, abstained 2; the dashed line marks the 7 yes votes needed (majority: more than 1/2 of yes and no votes).</title>"), "{svg}");
        // At least 2/3 of all 20 members: the scale is the 20 members, the line at 2/3 of it, and 8 yes is lost.
        let (vote, result) = yes_no(8, 1, 0, 20, Majority::two_thirds(Basis::Members));
        let svg = yes_no_chart(&i18n, "en", "chart-vote-2", &vote, &result).into_string();
        assert_eq!(majority_line(&svg), num_f(2.0 / 3.0 * WIDTH));
        assert_eq!(bars(&svg)[0], (num_f(8.0 / 20.0 * WIDTH), false), "a lost vote's yes bar is not emphasised");
        assert!(svg.contains("<title id=\"chart-vote-2-title\">Not carried."), "{svg}");
        // Abstentions beyond the basis widen the scale; the line stays at half of yes and no.
        let (vote, result) = yes_no(1, 1, 6, 8, Majority::simple(Basis::YesNo));
        let svg = yes_no_chart(&i18n, "en", "v", &vote, &result).into_string();
        assert_eq!(bars(&svg)[2].0, WIDTH);
        assert_eq!(majority_line(&svg), num_f(1.0 / 6.0 * WIDTH));
        // Nobody voted: no division by zero, an empty chart with the line at 0.
        let (vote, result) = yes_no(0, 0, 0, 5, Majority::simple(Basis::VotesCast));
        let svg = yes_no_chart(&i18n, "en", "v", &vote, &result).into_string();
        assert_eq!(bars(&svg), vec![(0.0, false); 3]);
        assert_eq!(majority_line(&svg), 0.0);
    }

    /// A coordinate as the chart writes it (two decimals).
    fn num_f(value: f32) -> f32 {
        num(value).parse().unwrap()
    }

    fn count(method: ChoiceMethod, options: &[&str], seats: u8, ballots: &[(&[u16], u64)]) -> (Choices, VoteResult) {
        let choices = Choices { options: options.iter().map(|o| question(o)).collect(), method, seats };
        let mut election = Election::new(options.iter().map(|o| Candidate::new(*o)).collect(), usize::from(seats));
        for (prefs, n) in ballots {
            election.ballots.push(prefs, *n);
        }
        election.aggregate();
        let condorcet =
            kenes_count::condorcet::CondorcetOptions { seats: usize::from(seats), seed: 1, ..Default::default() };
        let counted = match method {
            ChoiceMethod::Plurality => kenes_count::simple::plurality(&election, &condorcet),
            ChoiceMethod::Irv => kenes_count::irv::count_irv(&election, &Default::default()),
            ChoiceMethod::Stv => kenes_count::count_stv(
                &election,
                &kenes_count::StvOptions { seats: Some(usize::from(seats)), ..Default::default() },
            ),
            ChoiceMethod::Schulze => kenes_count::condorcet::schulze(&election, &condorcet),
        }
        .unwrap();
        let (_, vote) = yes_no(1, 0, 0, 5, Majority::simple(Basis::VotesCast));
        (choices, VoteResult { count: Some(Box::new(counted)), ..vote })
    }

    #[test]
    fn plurality_bars_follow_the_counts_and_mark_the_winner_in_words() {
        let i18n = i18n();
        let (choices, result) =
            count(ChoiceMethod::Plurality, &["Ana", "Bo", "Chen"], 1, &[(&[0], 2), (&[1], 4), (&[2], 1)]);
        let svg = choice_chart(&i18n, "en", "c", &choices, &result).unwrap().into_string();
        assert_eq!(bars(&svg), vec![(200.0, false), (400.0, true), (100.0, false)]);
        let texts = texts(&svg);
        assert!(texts.contains(&"4 · ✓ elected".to_owned()), "{texts:?}");
        assert_eq!(texts.iter().filter(|t| t.contains("elected")).count(), 1);
        assert!(svg.contains(">Elected: Bo. Votes: Ana 2, Bo 4, Chen 1.</title>"), "{svg}");
    }

    /// The stage groups of a stages chart: each group's texts.
    fn stages(svg: &str) -> Vec<Vec<String>> {
        svg.split("<g class=\"stage\">").skip(1).map(|group| texts(&group[..group.find("</g>").unwrap()])).collect()
    }

    #[test]
    fn instant_runoff_is_drawn_stage_by_stage_as_counted() {
        let i18n = i18n();
        // Aigerim 2, Saule 2, Marat 1 whose next preference is Saule: Marat is excluded, Saule wins 3 to 2.
        let ballots: &[(&[u16], u64)] = &[(&[0], 2), (&[1], 2), (&[2, 1], 1)];
        let (choices, result) = count(ChoiceMethod::Irv, &["Aigerim", "Saule", "Marat"], 1, ballots);
        let counted = result.count.as_deref().unwrap();
        let svg = choice_chart(&i18n, "en", "c", &choices, &result).unwrap().into_string();
        let groups = stages(&svg);
        assert_eq!(groups.len(), counted.stages.len());
        assert_eq!(groups[0][0], "Stage 1: first preferences");
        // A heading longer than the chart is wide wraps onto a second line.
        assert_eq!(groups[1][..2].join(" "), "Stage 2: Marat excluded, their votes transferred");
        assert!(groups[1].contains(&"0 · ✗ excluded".to_owned()), "{:?}", groups[1]);
        assert!(groups[1].contains(&"3 · ✓ elected".to_owned()), "{:?}", groups[1]);
        // The bars are the counted totals of each stage, on one scale (the largest total, 3).
        let widths: Vec<f32> = bars(&svg).iter().map(|(w, _)| *w).collect();
        let expected: Vec<f32> = counted
            .stages
            .iter()
            .flat_map(|stage| stage.totals.iter().map(|v| num_f(v.to_f64_lossy() as f32 / 3.0 * WIDTH)))
            .collect();
        assert_eq!(widths, expected);
        assert!(svg.contains(">Elected: Saule. Counted in 2 stages"), "{svg}");
    }

    #[test]
    fn stv_draws_the_quota_and_drops_excluded_options_from_later_stages() {
        let i18n = i18n();
        let ballots: &[(&[u16], u64)] = &[(&[0, 1], 5), (&[1], 2), (&[2, 1], 2), (&[3, 2], 1)];
        let (choices, result) = count(ChoiceMethod::Stv, &["Ana", "Bo", "Chen", "Dana"], 2, ballots);
        let counted = result.count.as_deref().unwrap();
        let quota = counted.quota.unwrap().to_f64_lossy();
        let svg = choice_chart(&i18n, "en", "c", &choices, &result).unwrap().into_string();
        let groups = stages(&svg);
        assert_eq!(groups.len(), counted.stages.len());
        let scale = counted.stages.iter().flat_map(|s| s.totals.iter().map(|v| v.to_f64_lossy())).fold(quota, f64::max);
        for line in tags(&svg, "line") {
            assert_eq!(attr(line, "x1"), num_f((quota / scale) as f32 * WIDTH), "the quota line");
        }
        assert_eq!(tags(&svg, "line").len(), counted.stages.len(), "one quota line per stage");
        let quota_text = format!("quota {}", counted.quota.unwrap().display(counted.decimals));
        assert!(groups.iter().all(|texts| texts.contains(&quota_text)), "{groups:?}");
        // Every option excluded at a stage is marked there and gone from the stages after it.
        let mut gone: Vec<&str> = Vec::new();
        for (stage, texts) in counted.stages.iter().zip(&groups) {
            for name in &gone {
                assert!(!texts.contains(&(*name).to_owned()), "{name} after its exclusion: {texts:?}");
            }
            gone.extend(stage.excluded.iter().map(|&c| choices.options[c].as_str()));
        }
        assert_eq!(counted.elected.len(), 2);
        let last = groups.last().unwrap();
        assert_eq!(last.iter().filter(|t| t.ends_with("✓ elected")).count(), 2, "{last:?}");
    }

    #[test]
    fn belenios_answers_mark_every_answer_with_the_most_votes() {
        let i18n = i18n();
        let svg =
            answers_chart(&i18n, "en", "q", "Chair?", &[("Ana", 3), ("Bo", 3), ("Chen", 1)], Some(2)).into_string();
        assert_eq!(
            bars(&svg),
            vec![(400.0, true), (400.0, true), (num_f(400.0 / 3.0), false), (num_f(800.0 / 3.0), false)]
        );
        assert!(texts(&svg).contains(&"Blank vote".to_owned()));
        assert!(svg.contains(">Chair?: Ana 3, Bo 3, Chen 1. Most votes: Ana, Bo.</title>"), "{svg}");
        assert_eq!(most_votes(&[0, 0]), Vec::<usize>::new(), "nobody voted: nobody has the most votes");
    }

    #[test]
    fn option_names_are_escaped_and_long_ones_wrap_then_shorten() {
        let i18n = i18n();
        let long = "The committee's \"quite long\" proposal <b>to</b> rebuild & repaint the entire community hall before the winter";
        let (choices, result) = count(ChoiceMethod::Plurality, &[long, "x"], 1, &[(&[0], 1)]);
        let svg = choice_chart(&i18n, "en", "c", &choices, &result).unwrap().into_string();
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;to&lt;/b&gt;") && svg.contains("&quot;quite"), "{svg}");
        assert!(svg.contains("committee&#39;s"));
        let lines: Vec<String> = texts(&svg)
            .into_iter()
            // The label's lines: neither the other option nor a value.
            .filter(|t| t != "x" && !t.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for text in wrap(long, 300.0, 2) {
            assert!(text_width(&text) <= 300.0);
        }
        // A single word longer than the line is cut inside; Hangul counts as wide.
        let cut = wrap(&"a".repeat(100), 62.0, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…') && text_width(&cut[0]) <= 62.0 && text_width(&format!("a{}", cut[0])) > 62.0);
        assert!(text_width("가나다") > text_width("abc"));
        assert_eq!(escape("<&>\"'"), "&lt;&amp;&gt;&quot;&#39;");
    }
}
