//! The charts' unit tests: widths, the majority line, winners, stages and escaping.

#![allow(clippy::unwrap_used, clippy::panic)]

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
        weights: BTreeMap::new(),
        cast_ms: BTreeMap::new(),
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
        vec![(num_f(8.0 / 12.0 * WIDTH), true), (num_f(4.0 / 12.0 * WIDTH), false), (num_f(2.0 / 12.0 * WIDTH), false)]
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
    let svg = answers_chart(&i18n, "en", "q", "Chair?", &[("Ana", 3), ("Bo", 3), ("Chen", 1)], Some(2)).into_string();
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
