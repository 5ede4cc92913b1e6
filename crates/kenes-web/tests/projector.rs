//! The projector on two walls (1920×1080 and 1280×720) in Chromium, following the demo meeting as the chair and
//! the members act over HTTP: the item and the speaker with a running clock, the amendment shown in place, a vote's
//! "n of m voted" and never how anyone voted, then the result; each state without scrolling, without anything to
//! press, and without a WCAG A/AA violation in the light or the dark scheme. Screenshots of each state are kept in
//! `target/screenshots/projector-<state>-<width>px.png`.

use std::time::Duration;

use serde_json::{Value, json};

use kenes_testkit::chromium::{Chromium, Session, axe_script};
use kenes_testkit::web::{Browser, DEMO_PASSWORD, Server, demo, sign_in};

/// Only keeps a broken page from hanging the test; how fast a wall follows is measured by the benchmarks.
const HANG_GUARD: Duration = Duration::from_secs(10);

struct Meeting {
    server: Server,
    url: String,
}

impl Meeting {
    /// An action as `live.js` sends it; it must be accepted.
    async fn act(&self, who: &Browser, fields: &[(&str, &str)]) {
        let (status, body) = who.act(&self.url, fields).await;
        assert_eq!(status, 204, "{fields:?}: {body}");
    }
}

async fn wall<'a>(chromium: &'a Chromium, meeting: &Meeting, username: &str, size: (u32, u32)) -> Session<'a> {
    let session = chromium.session(size.0, size.1).await;
    session.go(&meeting.server.url("/signin")).await;
    session.type_into("#username", username).await;
    session.type_into("#password", &format!("{DEMO_PASSWORD}\u{E007}")).await;
    session.wait_until("signing in", "return !location.pathname.startsWith('/signin')", json!([]), HANG_GUARD).await;
    session.go(&meeting.server.url(&format!("{}/projector", meeting.url))).await;
    session
}

/// What holds on the wall in every state: nothing scrolls or is cut off, nothing can be pressed, and axe-core finds
/// no WCAG 2.2 A/AA violation in either scheme. Then a screenshot (and one in the dark scheme on the large wall).
async fn check(session: &Session<'_>, axe: &str, state: &str, width: u32) {
    let overflow = session
        .script(
            "const root = document.documentElement; \
             const out = []; \
             if (root.scrollWidth > innerWidth || root.scrollHeight > innerHeight) \
               out.push(`page ${root.scrollWidth}x${root.scrollHeight} in ${innerWidth}x${innerHeight}`); \
             document.querySelectorAll('.panel, .item, .bar, h1').forEach(e => { \
               if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) \
                 out.push(`${e.className || e.tagName} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`); }); \
             return out;",
            json!([]),
        )
        .await;
    assert_eq!(overflow, json!([]), "the {state} wall at {width}px overflows");
    let pressable = session
        .script(
            "return [...document.querySelectorAll('form, button, input, select, textarea, a[href], [tabindex], details')] \
               .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))",
            json!([]),
        )
        .await;
    assert_eq!(pressable, json!([]), "the {state} wall at {width}px has something to press");
    session.screenshot(&format!("projector-{state}-{width}px")).await;
    if width != 1920 {
        return;
    }
    for scheme in ["dark", "light"] {
        session.color_scheme(scheme).await;
        let background = session.script("return getComputedStyle(document.body).backgroundColor", json!([])).await;
        let expected = if scheme == "dark" { "rgb(12, 13, 15)" } else { "rgb(255, 255, 255)" };
        assert_eq!(background, expected, "the {scheme} scheme is applied");
        let violations = session.accessibility_violations(axe).await;
        assert!(violations.is_empty(), "the {state} wall breaks WCAG rules in the {scheme} scheme: {violations:#?}");
        if scheme == "dark" {
            session.screenshot(&format!("projector-{state}-dark-{width}px")).await;
        }
    }
}

async fn text_of(session: &Session<'_>, css: &str) -> String {
    let text = session.script("return document.querySelector(arguments[0])?.innerText ?? ''", json!([css])).await;
    text.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projector_follows_the_meeting_on_two_walls_in_chromium() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let url = format!("/c/{}/a/{}", demo.council.to_hex(), demo.assembly);
    let meeting = Meeting { server, url };
    let chair = sign_in(&meeting.server, "bolat").await;
    let axe = axe_script();

    // A scheme chosen by the address is on the page, for walls whose browser has no preference.
    let forced = chair.get(&format!("{}/projector?scheme=dark", meeting.url)).await;
    assert!(forced.body.contains("<html lang=\"en\" class=\"dark\">"), "{}", forced.body);

    let chromium = Chromium::start().await;
    // The secretary's laptop on the large wall; an observer's on the small one (observers may watch, not vote).
    let walls = [
        (wall(&chromium, &meeting, "aigerim", (1920, 1080)).await, 1920),
        (wall(&chromium, &meeting, "olga", (1280, 720)).await, 1280),
    ];

    // The demo meeting as it stands: item 2, Saule has the floor, motion 1 with amendment 2 shown in place.
    for (session, width) in &walls {
        session.wait_for_text("Now: 2 Street lights", HANG_GUARD).await;
        session.wait_for_text("Speaking: Saule", HANG_GUARD).await;
        // The clock runs by itself.
        let first = text_of(session, ".timer .clock").await;
        let script = "return document.querySelector('.timer .clock').innerText !== arguments[0]";
        session.wait_until("the clock to advance", script, json!([first]), HANG_GUARD).await;
        let deleted = text_of(session, ".line.del").await;
        let inserted = text_of(session, ".line.ins").await;
        assert!(deleted.contains("and to add two lights at the courtyard entrances."), "{deleted}");
        assert!(inserted.contains("and by the bus stop."), "{inserted}");
        assert!(text_of(session, ".queue").await.contains("Dana"), "the queue names who is next");
        check(session, &axe, "speaker", *width).await;
    }

    // Near the end of the speaking time the timer says so in words, and again once the time is up (the speech's
    // start is moved back on the page, in place of waiting three minutes).
    let (large, _) = &walls[0];
    for (back, sentence) in [(160, "Time is nearly up"), (200, "Time is up")] {
        large
            .script(
                "document.querySelectorAll('.timer, .timer .clock').forEach(e => \
                   e.setAttribute('data-since', Number(e.getAttribute('data-since')) - arguments[0] * 1000))",
                json!([back]),
            )
            .await;
        large
            .wait_until(
                sentence,
                "return [...document.querySelectorAll('.timer .note')].some(n => !n.hidden && n.innerText.includes(arguments[0]))",
                json!([sentence]),
                HANG_GUARD,
            )
            .await;
        if back == 160 {
            check(large, &axe, "speaker-time-nearly-up", 1920).await;
        }
    }

    // Dana seconds amendment 2; the chair gives the floor to the next speaker, then ends the speech.
    let dana = sign_in(&meeting.server, "dana").await;
    meeting.act(&dana, &[("do", "second_amendment"), ("amendment", "2")]).await;
    meeting.act(&chair, &[("do", "give_floor"), ("item", "2")]).await;
    for (session, _) in &walls {
        session.wait_for_text("Speaking: Erlan", HANG_GUARD).await;
    }
    meeting.act(&chair, &[("do", "end_speech"), ("item", "2")]).await;
    for (session, width) in &walls {
        session.wait_for_text("Nobody has the floor.", HANG_GUARD).await;
        session.wait_for_text("Amendment 2", HANG_GUARD).await;
        check(session, &axe, "amendment", *width).await;
    }

    // The chair puts the amendment to a roll call; nine present members may vote. Each wall counts who has voted,
    // and shows no count of yes or no until the vote closes.
    meeting.act(&chair, &[("do", "vote_amendment"), ("amendment", "2"), ("mode", "roll_call")]).await;
    for (session, _) in &walls {
        session.wait_for_text("0 of 9 voted", HANG_GUARD).await;
    }
    let voters = [
        ("aigerim", "yes"),
        ("dana", "no"),
        ("erlan", "yes"),
        ("farida", "yes"),
        ("gulnara", "abstain"),
        ("ilyas", "yes"),
        ("marat", "no"),
        ("saule", "yes"),
        ("bolat", "yes"),
    ];
    for (index, (username, choice)) in voters.iter().enumerate() {
        let member = sign_in(&meeting.server, username).await;
        meeting.act(&member, &[("do", "cast"), ("vote", "3"), ("choice", choice)]).await;
        if index == 4 {
            for (session, width) in &walls {
                session.wait_for_text("5 of 9 voted", HANG_GUARD).await;
                let counts = session.script("return document.querySelector('ul.counts') === null", json!([])).await;
                assert_eq!(counts, true, "no count of how members voted while the vote is open");
                check(session, &axe, "vote-open", *width).await;
            }
        }
    }
    for (session, _) in &walls {
        session.wait_for_text("9 of 9 voted", HANG_GUARD).await;
    }

    // The chair closes the vote: the result, large, on every wall.
    meeting.act(&chair, &[("do", "close_vote"), ("vote", "3")]).await;
    for (session, width) in &walls {
        session.wait_for_text("Carried", HANG_GUARD).await;
        let counts = text_of(session, "ul.counts").await;
        let numbers: Vec<&str> = counts.split_whitespace().filter(|w| w.parse::<u32>().is_ok()).collect();
        assert_eq!(numbers, ["6", "2", "1"], "{counts}");
        check(session, &axe, "result", *width).await;
    }

    for (session, _) in walls {
        session.close().await;
    }
    let missing: Value = json!(meeting.server.state.i18n().missing().into_iter().collect::<Vec<_>>());
    assert_eq!(missing, json!([]), "messages missing while rendering");
}
