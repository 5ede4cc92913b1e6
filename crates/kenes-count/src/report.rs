//! Renderings of a [`CountResult`]: a stage-by-stage text report, JSON, CSV, and a self-contained HTML page with
//! the stage table and an SVG chart of every candidate's total across the stages.

use std::fmt::Write;

use serde_json::{Map, Value, json};

use crate::fixed::Votes;
use crate::result::{Action, CountResult, Stage};

fn name(result: &CountResult, c: usize) -> String {
    result.candidates.get(c).cloned().unwrap_or_else(|| format!("#{c}"))
}

fn names(result: &CountResult, list: &[usize]) -> Vec<String> {
    list.iter().map(|&c| name(result, c)).collect()
}

/// One line saying what a stage did.
pub fn describe(result: &CountResult, stage: &Stage) -> String {
    let mut text = match &stage.action {
        Action::FirstPreferences => "first preferences".to_owned(),
        Action::Surplus { candidate } => format!("surplus of {}", name(result, *candidate)),
        Action::Exclusion { candidates } => format!("exclusion of {}", names(result, candidates).join(", ")),
        Action::ElectRemaining => "remaining candidates elected".to_owned(),
        Action::Tally => {
            if result.stages.len() > 1 {
                "recount".to_owned()
            } else {
                "tally".to_owned()
            }
        }
    };
    if !stage.elected.is_empty() {
        let _ = write!(text, "; elected: {}", names(result, &stage.elected).join(", "));
    }
    text
}

fn number(votes: Votes) -> Value {
    serde_json::Number::from_f64(votes.to_f64_lossy()).map(Value::Number).unwrap_or(Value::Null)
}

/// JSON: `elected` (names, in order of election) at the top level, and `stages` with every candidate's total
/// (as a number, and exactly as a decimal string in `totals_exact`).
pub fn to_json(result: &CountResult) -> Value {
    let stages: Vec<Value> = result
        .stages
        .iter()
        .map(|stage| {
            let mut totals = Map::new();
            let mut exact = Map::new();
            for (c, votes) in stage.totals.iter().enumerate() {
                totals.insert(name(result, c), number(*votes));
                exact.insert(name(result, c), Value::String(votes.display(result.decimals)));
            }
            json!({
                "number": stage.number,
                "action": stage.action,
                "description": describe(result, stage),
                "totals": totals,
                "totals_exact": exact,
                "exhausted": number(stage.exhausted),
                "loss": number(stage.loss),
                "elected": names(result, &stage.elected),
                "excluded": names(result, &stage.excluded),
            })
        })
        .collect();
    let ties: Vec<Value> = result
        .ties
        .iter()
        .map(|t| {
            json!({
                "stage": t.stage,
                "purpose": t.purpose,
                "candidates": names(result, &t.candidates),
                "how": t.how,
                "chosen": name(result, t.chosen),
            })
        })
        .collect();
    json!({
        "method": result.method,
        "candidates": result.candidates,
        "seats": result.seats,
        "ballots": result.ballots,
        "valid": number(result.valid),
        "invalid": result.invalid,
        "quota": result.quota.map(number),
        "seed": result.seed,
        "elected": names(result, &result.elected),
        "ranking": result.ranking.iter().map(|tier| names(result, tier)).collect::<Vec<_>>(),
        "stages": stages,
        "ties": ties,
        "detail": result.detail,
        "notes": result.notes,
    })
}

/// CSV: one row per candidate, one column per stage, then rows for exhausted and loss.
pub fn to_csv(result: &CountResult) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["candidate".to_owned()];
    header.extend(result.stages.iter().map(|s| format!("stage {}: {}", s.number, describe(result, s))));
    let _ = writer.write_record(&header);
    for c in 0..result.candidates.len() {
        let mut row = vec![name(result, c)];
        row.extend(
            result.stages.iter().map(|s| s.totals.get(c).map(|v| v.display(result.decimals)).unwrap_or_default()),
        );
        let _ = writer.write_record(&row);
    }
    let mut exhausted = vec!["exhausted".to_owned()];
    exhausted.extend(result.stages.iter().map(|s| s.exhausted.display(result.decimals)));
    let _ = writer.write_record(&exhausted);
    let mut loss = vec!["loss".to_owned()];
    loss.extend(result.stages.iter().map(|s| s.loss.display(result.decimals)));
    let _ = writer.write_record(&loss);
    let mut elected = vec!["elected".to_owned()];
    elected.push(names(result, &result.elected).join("; "));
    let _ = writer.write_record(&elected);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A human-readable report: summary, stage table, ties.
pub fn to_text(result: &CountResult) -> String {
    let d = result.decimals;
    let mut out = String::new();
    let _ = writeln!(out, "Method: {}", result.method);
    let _ = writeln!(
        out,
        "Seats: {}   Ballots: {}   Valid: {}   Invalid: {}",
        result.seats,
        result.ballots,
        result.valid.display(d),
        result.invalid
    );
    if let Some(quota) = result.quota {
        let _ = writeln!(out, "Quota: {}", quota.display(d));
    }
    let _ = writeln!(out, "Elected: {}", names(result, &result.elected).join(", "));
    if !result.ranking.is_empty() {
        let tiers: Vec<String> = result.ranking.iter().map(|t| names(result, t).join(" = ")).collect();
        let _ = writeln!(out, "Order: {}", tiers.join(" > "));
    }
    let _ = writeln!(out);
    for stage in &result.stages {
        let _ = writeln!(out, "Stage {}: {}", stage.number, describe(result, stage));
    }
    let _ = writeln!(out);
    let width = result.candidates.iter().map(|c| c.chars().count() + 2).max().unwrap_or(9).clamp(9, 42);
    let _ = write!(out, "{:width$}", "Candidate");
    for stage in &result.stages {
        let _ = write!(out, " {:>12}", format!("Stage {}", stage.number));
    }
    let _ = writeln!(out);
    let row = |out: &mut String, label: &str, values: Vec<Votes>| {
        let label: String = label.chars().take(width).collect();
        let _ = write!(out, "{label:width$}");
        for v in values {
            let _ = write!(out, " {:>12}", v.display(d));
        }
        let _ = writeln!(out);
    };
    for c in 0..result.candidates.len() {
        let mark = if result.elected.contains(&c) { "* " } else { "  " };
        row(
            &mut out,
            &format!("{mark}{}", name(result, c)),
            result.stages.iter().map(|s| s.totals.get(c).copied().unwrap_or_default()).collect(),
        );
    }
    if result.stages.iter().any(|s| s.exhausted != Votes::ZERO || s.loss != Votes::ZERO) {
        row(&mut out, "  Exhausted", result.stages.iter().map(|s| s.exhausted).collect());
        row(&mut out, "  Loss", result.stages.iter().map(|s| s.loss).collect());
    }
    if !result.ties.is_empty() {
        let _ = writeln!(out, "\nTies:");
        for tie in &result.ties {
            let _ = writeln!(
                out,
                "  stage {} ({}): {} tied; {}: {}",
                tie.stage,
                tie.purpose,
                names(result, &tie.candidates).join(", "),
                tie.how,
                name(result, tie.chosen)
            );
        }
        let _ = writeln!(out, "  seed: {}", result.seed);
    }
    for note in &result.notes {
        let _ = writeln!(out, "Note: {note}");
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const COLOURS: &[&str] =
    &["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/// A self-contained HTML page: summary, stage table, and an SVG chart of totals across stages.
pub fn to_html(result: &CountResult, title: &str) -> String {
    let d = result.decimals;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
body{{font-family:system-ui,sans-serif;margin:2rem;color:#222}}table{{border-collapse:collapse;font-variant-numeric:tabular-nums}}\
td,th{{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}}td:first-child,th:first-child{{text-align:left}}\
tr.elected td:first-child{{font-weight:bold}}.elected-cell{{background:#e6f4ea}}.excluded-cell{{color:#999}}</style></head><body>\n",
        escape(title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let _ = writeln!(
        out,
        "<p>Method: {}. Seats: {}. Valid votes: {}.{}</p>",
        escape(&result.method),
        result.seats,
        result.valid.display(d),
        result.quota.map(|q| format!(" Quota: {}.", q.display(d))).unwrap_or_default()
    );
    let _ = writeln!(out, "<p><strong>Elected:</strong> {}</p>", escape(&names(result, &result.elected).join(", ")));
    out.push_str(&chart(result));
    out.push_str("<h2>Stages</h2>\n<table><thead><tr><th>Candidate</th>");
    for stage in &result.stages {
        let _ = write!(out, "<th title=\"{}\">{}</th>", escape(&describe(result, stage)), stage.number);
    }
    out.push_str("</tr></thead><tbody>\n");
    for c in 0..result.candidates.len() {
        let class = if result.elected.contains(&c) { " class=\"elected\"" } else { "" };
        let _ = write!(out, "<tr{class}><td>{}</td>", escape(&name(result, c)));
        let mut elected_at = None;
        let mut excluded_at = None;
        for stage in &result.stages {
            if stage.elected.contains(&c) {
                elected_at = Some(stage.number);
            }
            if stage.excluded.contains(&c) {
                excluded_at = Some(stage.number);
            }
            let cell = if elected_at.is_some() {
                " class=\"elected-cell\""
            } else if excluded_at.is_some() {
                " class=\"excluded-cell\""
            } else {
                ""
            };
            let _ = write!(out, "<td{cell}>{}</td>", stage.totals.get(c).map(|v| v.display(d)).unwrap_or_default());
        }
        out.push_str("</tr>\n");
    }
    let _ = write!(out, "<tr><td>Exhausted</td>");
    for stage in &result.stages {
        let _ = write!(out, "<td>{}</td>", stage.exhausted.display(d));
    }
    out.push_str("</tr>\n</tbody></table>\n<h2>What each stage did</h2>\n<ol>\n");
    for stage in &result.stages {
        let _ = writeln!(out, "<li>{}</li>", escape(&describe(result, stage)));
    }
    out.push_str("</ol>\n");
    if !result.ties.is_empty() {
        out.push_str("<h2>Ties</h2>\n<ul>\n");
        for tie in &result.ties {
            let _ = writeln!(
                out,
                "<li>Stage {} ({}): {} tied; {}: {}</li>",
                tie.stage,
                escape(&tie.purpose),
                escape(&names(result, &tie.candidates).join(", ")),
                escape(&tie.how),
                escape(&name(result, tie.chosen))
            );
        }
        let _ = writeln!(out, "</ul><p>Seed: {}</p>", result.seed);
    }
    out.push_str("</body></html>\n");
    out
}

/// SVG line chart: one line per candidate across stages, the quota as a dashed line.
fn chart(result: &CountResult) -> String {
    let stages = result.stages.len().max(1);
    let (width, height, left, bottom, top, right) = (900.0f64, 420.0f64, 60.0, 40.0, 20.0, 220.0);
    let max = result
        .stages
        .iter()
        .flat_map(|s| s.totals.iter())
        .copied()
        .chain(result.quota)
        .max()
        .unwrap_or(Votes::ONE)
        .to_f64_lossy()
        .max(1.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let x = |i: usize| left + if stages > 1 { plot_w * i as f64 / (stages - 1) as f64 } else { plot_w / 2.0 };
    let y = |v: f64| top + plot_h - plot_h * v / max;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<h2>Totals by stage</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Totals by stage\">\n"
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#444\"/>",
        top + plot_h,
        left + plot_w,
        top + plot_h
    );
    let _ = writeln!(svg, "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{}\" stroke=\"#444\"/>", top + plot_h);
    for i in 0..stages {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x(i),
            height - 20.0,
            i + 1
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{left}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{:.0} </text>",
        y(max) + 4.0,
        max
    );
    let _ =
        writeln!(svg, "<text x=\"{left}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">0 </text>", y(0.0) + 4.0);
    if let Some(quota) = result.quota {
        let q = y(quota.to_f64_lossy());
        let _ = writeln!(
            svg,
            "<line x1=\"{left}\" y1=\"{q:.1}\" x2=\"{:.1}\" y2=\"{q:.1}\" stroke=\"#000\" stroke-dasharray=\"6 4\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">quota</text>",
            left + plot_w,
            left + plot_w + 4.0,
            q + 4.0
        );
    }
    for c in 0..result.candidates.len() {
        let colour = COLOURS[c % COLOURS.len()];
        let points: Vec<String> = result
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{:.1},{:.1}", x(i), y(s.totals.get(c).copied().unwrap_or_default().to_f64_lossy())))
            .collect();
        let _ = writeln!(
            svg,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"><title>{}</title></polyline>",
            points.join(" "),
            escape(&name(result, c))
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>",
            width - right + 20.0,
            top + 14.0 * c as f64,
            width - right + 34.0,
            top + 14.0 * c as f64 + 9.0,
            escape(&name(result, c).chars().take(28).collect::<String>())
        );
    }
    svg.push_str("</svg>\n");
    svg
}
