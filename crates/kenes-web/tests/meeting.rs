//! Meetings over HTTP: the demo council's meeting in session, followed live over server-sent events, with refusals
//! that say what is wrong and change nothing, the minutes, and every meeting page in every language.

use std::time::Duration;

use kenes_web::i18n::CATALOGS;

use kenes_testkit::web::{Browser, DEMO_PASSWORD, Server, api_session, demo, sign_in};

struct Meeting {
    server: Server,
    council: String,
    url: String,
}

async fn demo_meeting() -> Meeting {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let url = format!("{council}/a/{}", demo.assembly);
    Meeting { server, council, url }
}

impl Meeting {
    fn height(&self) -> u64 {
        let id = kenes_record::EventHash::from_hex(self.council.trim_start_matches("/c/")).unwrap();
        self.server.state.node().read(id, |c| c.height()).unwrap()
    }

    /// An action as live.js sends it: status and the message shown.
    async fn act(&self, who: &Browser, fields: &[(&str, &str)]) -> (u16, String) {
        who.act(&self.url, fields).await
    }

    async fn ok(&self, who: &Browser, fields: &[(&str, &str)]) {
        let (status, body) = self.act(who, fields).await;
        assert_eq!(status, 204, "{fields:?}: {body}");
    }

    /// Refused with this message, and the record did not move.
    async fn refused(&self, who: &Browser, fields: &[(&str, &str)], message: &str) {
        let before = self.height();
        let (status, body) = self.act(who, fields).await;
        assert_eq!((status, body.as_str()), (422, message), "{fields:?}");
        assert_eq!(self.height(), before, "a refused action leaves the record unchanged");
    }
}

/// Reads server-sent events until one carries `wanted` in its data; returns that event's data.
async fn next_event_with(stream: &mut reqwest::Response, buffer: &mut String, wanted: &str) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            let data: Vec<&str> = event.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
            let data = data.join("\n");
            if data.contains(wanted) {
                return data;
            }
        }
        let chunk = tokio::time::timeout_at(deadline, stream.chunk()).await.expect("an event within 5 s").unwrap();
        buffer.push_str(&String::from_utf8_lossy(&chunk.expect("the stream stays open")));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_runs_live_and_refuses_what_its_rules_forbid() {
    let meeting = demo_meeting().await;
    let chair = sign_in(&meeting.server, "bolat").await;
    let dana = sign_in(&meeting.server, "dana").await;
    let timur = sign_in(&meeting.server, "timur").await;
    let olga = sign_in(&meeting.server, "olga").await;

    // The page, for a member and for the chair.
    let page = dana.get(&meeting.url).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Repair the street lights") && page.body.contains("Saule"), "{}", page.body);
    assert!(page.body.contains("You are checked in."));
    assert!(!page.body.contains("Chair&#39;s controls") && !page.body.contains("Chair's controls"));
    assert!(chair.get(&meeting.url).await.body.contains("Chair's controls"));

    // Dana follows the meeting over server-sent events; the chair gives the floor; her stream brings the change.
    let mut stream =
        dana.client.get(meeting.server.url(&format!("{}/stream?view=member", meeting.url))).send().await.unwrap();
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut buffer = String::new();
    let first = next_event_with(&mut stream, &mut buffer, "data-height").await;
    assert!(first.contains("Saule"));
    meeting.ok(&chair, &[("do", "give_floor")]).await;
    let height = meeting.height();
    // Speakers alternate: Saule spoke for, so Erlan (against) is next, before Dana who asked to speak earlier.
    let update = next_event_with(&mut stream, &mut buffer, &format!("data-height=\"{}\"", height - 1)).await;
    assert!(update.contains("<strong>Erlan</strong>"), "{update}");

    // Unauthorised and out-of-order actions, each refused with a message that says why.
    meeting
        .refused(&dana, &[("do", "close_vote"), ("vote", "1")], "Only the chair or the secretary may do this.")
        .await;
    meeting.refused(&chair, &[("do", "vote_amendment"), ("amendment", "2")], "It needs 1 seconder and has 0.").await;
    meeting
        .refused(
            &chair,
            &[("do", "vote_motion"), ("motion", "1")],
            "Amendment 2 is still undecided: put it to the vote or have it withdrawn before the motion is put.",
        )
        .await;
    meeting.ok(&dana, &[("do", "second_amendment"), ("amendment", "2")]).await;
    meeting.refused(&dana, &[("do", "second_amendment"), ("amendment", "2")], "You have already seconded it.").await;
    meeting.ok(&chair, &[("do", "vote_amendment"), ("amendment", "2"), ("mode", "roll_call")]).await;
    meeting
        .refused(
            &timur,
            &[("do", "cast"), ("vote", "3"), ("choice", "yes")],
            "Check in first: only members present may do this.",
        )
        .await;
    meeting
        .refused(
            &olga,
            &[("do", "cast"), ("vote", "3"), ("choice", "yes")],
            "Observers may not move, second, speak or vote.",
        )
        .await;
    meeting.ok(&dana, &[("do", "cast"), ("vote", "3"), ("choice", "yes")]).await;
    meeting.refused(&dana, &[("do", "cast"), ("vote", "3"), ("choice", "no")], "You have already voted.").await;
    meeting.refused(&chair, &[("do", "take_item"), ("item", "4")], "A vote is open: close it first.").await;
    meeting
        .refused(
            &dana,
            &[("do", "cast"), ("vote", "3"), ("choice", "maybe")],
            "The field choice is missing or not one of the choices.",
        )
        .await;
    meeting.ok(&chair, &[("do", "cast"), ("vote", "3"), ("choice", "yes")]).await;
    meeting.ok(&chair, &[("do", "close_vote"), ("vote", "3")]).await;
    let result = next_event_with(&mut stream, &mut buffer, "Votes by name").await;
    assert!(result.contains("Carried"), "{result}");
    // The motion, as amended twice, is put and adopted; amending it afterwards is refused.
    meeting
        .ok(&chair, &[("do", "vote_motion"), ("motion", "1"), ("mode", "tellers"), ("majority", "two_thirds")])
        .await;
    meeting
        .refused(
            &chair,
            &[("do", "count"), ("vote", "4"), ("yes", "9"), ("no", "1"), ("abstain", "1")],
            "The counts add up to 11, more than the 9 members present.",
        )
        .await;
    meeting.ok(&chair, &[("do", "count"), ("vote", "4"), ("yes", "7"), ("no", "1"), ("abstain", "1")]).await;
    meeting.ok(&chair, &[("do", "close_vote"), ("vote", "4")]).await;
    meeting
        .refused(
            &dana,
            &[("do", "amend"), ("motion", "1"), ("from_line", "1"), ("to_line", "1"), ("version", "2"), ("text", "x")],
            "The motion is adopted: this cannot be done now.",
        )
        .await;
    // Without JavaScript: an ordinary form post answers with a redirect back to the meeting.
    let csrf = timur.get(&meeting.url).await.csrf();
    let plain = timur.post(&format!("{}/act", meeting.url), &[("csrf", &csrf), ("do", "check_in")]).await;
    assert_eq!((plain.status, plain.location.as_deref()), (303, Some(meeting.url.as_str())));
    // A forged request without the CSRF token changes nothing.
    let before = meeting.height();
    let forged = timur.post(&format!("{}/act", meeting.url), &[("do", "check_out")]).await;
    assert_eq!(forged.status, 403);
    assert_eq!(meeting.height(), before);

    // The minutes carry the adopted text and the roll call by name.
    let minutes = dana.get(&format!("{}/minutes?lang=en", meeting.url)).await;
    assert_eq!(minutes.status, 200);
    for expected in ["As adopted", "by the first of December,", "and by the bus stop.", "Dana", "Carried"] {
        assert!(minutes.body.contains(expected), "minutes lack {expected:?}");
    }
}

/// A vote among options by name: the chair puts it, members rank with repeated form fields as the page's lists send
/// them, bad ballots are refused, and the count by instant-runoff appears with its stages and each member's ranking.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ranked_vote_is_taken_by_name_and_counted_at_close() {
    let meeting = demo_meeting().await;
    let chair = sign_in(&meeting.server, "bolat").await;
    let dana = sign_in(&meeting.server, "dana").await;
    let erlan = sign_in(&meeting.server, "erlan").await;
    let options = "Aigerim\nSaule\nMarat\n";
    let put = |method: &'static str, seats: &'static str| {
        vec![
            ("do", "vote_choices"),
            ("question", "Who goes to the city hearing?"),
            ("options", options),
            ("method", method),
            ("seats", seats),
        ]
    };
    meeting.refused(&chair, &put("schulze", "2"), "The seats must be between 1 and 1 (not 2).").await;
    meeting
        .refused(
            &chair,
            &[("do", "vote_choices"), ("question", "Q"), ("options", "One"), ("method", "irv")],
            "Give between 2 and 30 options (there is 1).",
        )
        .await;
    meeting.ok(&chair, &put("irv", "1")).await;
    let page = dana.get(&meeting.url).await.body;
    assert!(page.contains("Instant-runoff (ranked)") && page.contains("Choice 3"), "{page}");
    meeting
        .refused(
            &dana,
            &[("do", "cast"), ("vote", "3"), ("choice", "yes")],
            "This vote chooses among options: rank them instead of answering yes or no.",
        )
        .await;
    meeting
        .refused(&dana, &[("do", "rank"), ("vote", "3"), ("ranking", "1"), ("ranking", "1")], "“Saule” appears twice.")
        .await;
    meeting
        .refused(
            &dana,
            &[("do", "rank"), ("vote", "3"), ("ranking", "7")],
            "There is no option number 8; the options are numbered 1 to 3.",
        )
        .await;
    // Aigerim 2 first preferences, Saule 2, Marat 1 with Saule next: Marat is excluded and Saule wins 3–2.
    meeting.ok(&dana, &[("do", "rank"), ("vote", "3"), ("ranking", "1"), ("ranking", ""), ("ranking", "0")]).await;
    meeting.ok(&erlan, &[("do", "rank"), ("vote", "3"), ("ranking", "2"), ("ranking", "1")]).await;
    meeting.ok(&chair, &[("do", "rank"), ("vote", "3"), ("ranking", "0")]).await;
    for member in ["aigerim", "saule"] {
        let browser = sign_in(&meeting.server, member).await;
        let first = if member == "aigerim" { "0" } else { "1" };
        meeting.ok(&browser, &[("do", "rank"), ("vote", "3"), ("ranking", first)]).await;
    }
    meeting.refused(&dana, &[("do", "rank"), ("vote", "3"), ("ranking", "0")], "You have already voted.").await;
    meeting.ok(&chair, &[("do", "close_vote"), ("vote", "3")]).await;
    let page = dana.get(&meeting.url).await.body;
    assert!(page.contains("Elected: Saule"), "{page}");
    assert!(page.contains("Stage 2") && page.contains("Erlan: Marat &gt; Saule"), "{page}");
    let minutes = dana.get(&format!("{}/minutes?lang=ru", meeting.url)).await.body;
    assert!(minutes.contains("Избраны: Saule") && minutes.contains("Marat &gt; Saule"), "{minutes}");
    let pdf = dana.get(&format!("{}/minutes?lang=ko&format=pdf", meeting.url)).await;
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with("%PDF-"), "the minutes as PDF");
}

/// The JSON API drives the same meeting: its state as JSON, actions by bearer token, refusals as JSON errors that
/// change nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_json_api_reads_and_drives_a_meeting() {
    let meeting = demo_meeting().await;
    let client = reqwest::Client::new();
    let token = async |username: &str| api_session(&meeting.server, username, DEMO_PASSWORD).await.token;
    let (dana, chair) = (token("dana").await, token("bolat").await);
    let api = meeting.server.url(&format!("/api/councils/{}/assemblies", meeting.council.trim_start_matches("/c/")));
    let list: serde_json::Value = client.get(&api).bearer_auth(&dana).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["assemblies"].as_array().unwrap().len(), 2, "{list}");
    let state: serde_json::Value =
        client.get(format!("{api}/2")).bearer_auth(&dana).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["status"], "open");
    assert_eq!(state["quorum"]["met"], true, "{state}");
    assert_eq!(state["motions"][0]["title"], "Repair the street lights");
    assert_eq!(state["speakers"]["current"]["member"]["name"], "Saule", "{state}");
    let october: serde_json::Value =
        client.get(format!("{api}/1")).bearer_auth(&dana).send().await.unwrap().json().await.unwrap();
    assert_eq!(october["votes"][1]["result"]["count"]["elected"][0], "Farida", "{october}");

    let act = |token: String, body: serde_json::Value| {
        let client = client.clone();
        let url = format!("{api}/2/act");
        async move {
            let response = client.post(url).bearer_auth(token).json(&body).send().await.unwrap();
            let status = response.status().as_u16();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    let before = meeting.height();
    let (status, body) = act(dana.clone(), serde_json::json!({ "do": "close_vote", "vote": 1 })).await;
    assert_eq!(
        (status, body["error"]["message"].as_str()),
        (422, Some("Only the chair or the secretary may do this."))
    );
    let (status, _) = act(dana.clone(), serde_json::json!({ "do": 7 })).await;
    assert_eq!(status, 422);
    assert_eq!(meeting.height(), before, "refused actions change nothing");
    let (status, body) = act(
        chair.clone(),
        serde_json::json!({ "do": "vote_choices", "question": "Who speaks for us?",
        "options": "Dana\nErlan", "method": "plurality", "seats": 1 }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = act(dana.clone(), serde_json::json!({ "do": "rank", "vote": 3, "ranking": [0] })).await;
    assert_eq!((status, body["height"].as_u64()), (201, Some(before + 2)), "{body}");
    let state: serde_json::Value =
        client.get(format!("{api}/2")).bearer_auth(&dana).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["votes"][2]["so_far"]["yes"], 1, "{state}");
    assert_eq!(state["votes"][2]["choices"]["method"], "plurality");
    let openapi: serde_json::Value =
        client.get(meeting.server.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(openapi["paths"]["/api/councils/{id}/assemblies/{number}/act"]["post"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_meeting_page_renders_in_every_language() {
    let meeting = demo_meeting().await;
    let chair = sign_in(&meeting.server, "bolat").await;
    let pages = [
        format!("{}/assemblies", meeting.council),
        meeting.url.clone(),
        format!("{}/projector", meeting.url),
        format!("{}/live?view=presiding", meeting.url),
        format!("{}/minutes", meeting.url),
        format!("{}/a/1", meeting.council),
        format!("{}/a/1/minutes", meeting.council),
    ];
    for (code, _, _) in CATALOGS {
        for path in &pages {
            let response =
                chair.client.get(meeting.server.url(path)).header("accept-language", *code).send().await.unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path}");
            let body = response.text().await.unwrap();
            if !path.contains("/live") {
                assert!(body.contains(&format!("<html lang=\"{code}\"")), "{path} not rendered in {code}");
            }
        }
        // A refusal, in that language.
        let csrf = chair.get(&meeting.url).await.csrf();
        let response = chair
            .client
            .post(meeting.server.url(&format!("{}/act", meeting.url)))
            .header("accept-language", *code)
            .header("x-kenes-fetch", "1")
            .form(&[("csrf", csrf.as_str()), ("do", "end_speech"), ("item", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 422);
    }
    let missing = meeting.server.state.i18n().missing();
    assert!(missing.is_empty(), "messages missing while rendering: {missing:?}");
}

/// A council's group committer has a bounded queue: while the council is held (the committer waits for it),
/// commands beyond the queue are answered "busy" at once and change nothing; the queued ones are all written, in one
/// piece each, once the council is free.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_councils_commit_queue_is_bounded_and_busy_answers_change_nothing() {
    use kenes_council::assembly::events::{AssemblyEvent, Convened, ItemAdded};
    use kenes_council::assembly::model::{Rules, Title};
    use kenes_council::{CouncilEvent, CouncilKind, MemberId};
    use kenes_web::error::WebError;

    let dir = tempfile::tempdir().unwrap();
    let state =
        kenes_web::AppState::new(kenes_testkit::store::open_node(dir.path(), 7), kenes_web::Config::default()).unwrap();
    let created = kenes_testkit::council::created("Works council", CouncilKind::Workplace, "Chair", &["en"]);
    let council = state.node().create_council(created, kenes_web::auth::now_ms()).unwrap();
    let title = |t: &str| Title::parse(t).unwrap();
    let convened = Convened {
        by: MemberId(1),
        title: title("Assembly"),
        place: title("Hall"),
        starts: title("today"),
        rules: Rules { quorum_percent: 50, seconders: 1, alternate: false, speaking_seconds: 120 },
    };
    // Five assemblies, so that the commands stay within each agenda's limit of items.
    const ASSEMBLIES: u32 = 5;
    for _ in 0..ASSEMBLIES {
        state.execute(council, &CouncilEvent::Assembly(AssemblyEvent::Convened(convened.clone()))).unwrap();
    }
    let before = state.node().read(council, |c| c.height()).unwrap();

    // Another thread holds the council until told to let go.
    let (held, is_held) = std::sync::mpsc::channel();
    let (release, released) = std::sync::mpsc::channel::<()>();
    let holder = {
        let state = state.clone();
        std::thread::spawn(move || {
            state
                .node()
                .read(council, |_| {
                    held.send(()).unwrap();
                    released.recv().unwrap();
                })
                .unwrap()
        })
    };
    is_held.recv().unwrap();
    let total = kenes_web::COMMIT_QUEUE + 300;
    let tasks: Vec<_> = (0..total)
        .map(|n| {
            let state = state.clone();
            let item = ItemAdded {
                by: MemberId(1),
                assembly: n as u32 % ASSEMBLIES + 1,
                parent: None,
                title: title(&format!("Item {n}")),
                minutes: 5,
            };
            tokio::spawn(async move {
                state.execute_blocking(council, CouncilEvent::Assembly(AssemblyEvent::ItemAdded(item))).await
            })
        })
        .collect();
    // The refused ones end at once; wait until no more do (the rest wait for the council).
    let mut finished = 0;
    loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = tasks.iter().filter(|task| task.is_finished()).count();
        if now == finished && now > 0 {
            break;
        }
        finished = now;
    }
    assert!(finished >= 300 - 256, "only {finished} of {total} answered while the council was held");
    release.send(()).unwrap();
    holder.join().unwrap();

    let (mut written, mut busy) = (0u64, 0usize);
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => written += 1,
            Err(WebError::Busy) => busy += 1,
            Err(other) => panic!("neither written nor busy: {other:?}"),
        }
    }
    assert_eq!(busy, finished, "every early answer was busy, and only those");
    assert_eq!(written as usize + busy, total);
    let after = state
        .node()
        .read(council, |c| {
            (c.height(), (1..=ASSEMBLIES).filter_map(|a| c.assembly(a)).map(|a| a.agenda.len()).sum::<usize>())
        })
        .unwrap();
    assert_eq!(after, (before + written, written as usize), "each written item once, no busy one");
}
