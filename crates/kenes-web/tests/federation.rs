//! Federations through the JSON API: a council joins a federation and mandates a delegate on a vote it took; the
//! federation seats them citing that mandate, and this node, holding both records, refuses a citation that does not
//! hold and shows the one that does as checked.

use serde_json::{Value, json};

use kenes_testkit::web::{DEMO_PASSWORD, Server, api_session, demo};

struct Api {
    server: Server,
    token: String,
    client: reqwest::Client,
}

impl Api {
    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let response =
            self.client.post(self.server.url(path)).bearer_auth(&self.token).json(&body).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn get(&self, path: &str) -> Value {
        self.client.get(self.server.url(path)).bearer_auth(&self.token).send().await.unwrap().json().await.unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_federation_seats_a_delegate_on_a_mandate_it_can_check() {
    let server = Server::start().await;
    let depot = demo(&server).await.council;
    let session = api_session(&server, "aigerim", DEMO_PASSWORD).await;
    let api = Api { token: session.token, client: session.client, server };
    let (status, created) = api
        .post(
            "/api/councils",
            json!({ "name": "Almaly District", "kind": "federation", "languages": ["en"], "founder_name": "Aigerim" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let district = created["id"].as_str().unwrap().to_owned();
    let depot_hex = depot.to_hex();
    let on_depot = |kind: &str| format!("/api/councils/{depot_hex}/federation/{kind}");
    let on_district = |kind: &str| format!("/api/councils/{district}/federation/{kind}");

    // The depot joins and mandates Dana on a vote its meeting passed (from the demo's record).
    let (status, body) =
        api.post(&on_depot("federation.joined"), json!({ "federation": district, "name": "Almaly District" })).await;
    assert_eq!(status, 200, "{body}");
    let (vote, dana) = api
        .server
        .state
        .node()
        .read(depot, |c| {
            let vote = c
                .assemblies()
                .iter()
                .flat_map(|a| a.votes.iter().map(move |v| (a.id, v)))
                .find(|(_, v)| v.choices.is_none() && v.result.as_ref().is_some_and(|r| r.outcome.passed))
                .map(|(a, v)| (a, v.id))
                .unwrap();
            (vote, c.member_named(&kenes_council::DisplayName::parse("Dana").unwrap()).unwrap())
        })
        .unwrap();
    let mandate = json!({
        "federation": district, "seat": 1, "delegate": dana.0,
        "decision": { "vote": { "assembly": vote.0, "vote": vote.1 } },
    });
    let (status, body) = api.post(&on_depot("mandate.given"), mandate.clone()).await;
    assert_eq!(status, 200, "{body}");
    let height = body["height"].as_u64().unwrap();
    // The same decision carries out one step only; an unknown kind and a payload of the wrong shape are refused.
    let (status, body) = api.post(&on_depot("mandate.given"), mandate).await;
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("fr-seat-taken")), "{body}");
    assert_eq!(api.post(&on_depot("member.added"), json!({})).await.0, 404);
    let (_, body) = api.post(&on_depot("federation.joined"), json!({ "federation": 7 })).await;
    assert_eq!(body["error"]["code"], "error-json", "{body}");

    // The district lists the depot and seats Dana, citing the mandate event.
    let (status, body) = api
        .post(
            &on_district("federation.seats_set"),
            json!({ "council": depot_hex, "name": "Tulpar Street", "seats": 1, "weight": 2 }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let event = api.server.state.node().store().load_event_range(depot, height, height + 1).unwrap().remove(0);
    let citation =
        json!({ "council": depot_hex, "height": height, "hash": event.hash().to_hex(), "at_ms": event.timestamp_ms });
    let seat = |citation: &Value, name: &str| json!({ "seat": 1, "mandate": 1, "citation": citation, "name": name });
    let before = api.server.state.node().read(api_id(&district), |c| c.height()).unwrap();
    // A forged hash, and a name the mandate does not give, are refused here, where the depot's record is held.
    let mut forged = citation.clone();
    forged["hash"] = json!("e".repeat(64));
    let (status, body) = api.post(&on_district("delegate.seated"), seat(&forged, "Dana")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("another hash"), "{body}");
    let (status, body) = api.post(&on_district("delegate.seated"), seat(&citation, "Bolat")).await;
    assert!(status == 422 && body.to_string().contains("not Bolat"), "{body}");
    assert_eq!(api.server.state.node().read(api_id(&district), |c| c.height()).unwrap(), before, "nothing written");
    let (status, body) = api.post(&on_district("delegate.seated"), seat(&citation, "Dana")).await;
    assert_eq!(status, 200, "{body}");

    let summary = api.get(&format!("/api/councils/{district}/federation")).await;
    assert_eq!(summary["seats"][0]["citation_check"]["status"], "checked", "{summary}");
    assert_eq!(summary["seats"][0]["weight"], 2, "{summary}");
    // Dana signs in to the district with her own account: seating linked it to her seat there.
    let dana_session = api_session(&api.server, "dana", DEMO_PASSWORD).await;
    let listed: Value = dana_session
        .client
        .get(api.server.url("/api/councils"))
        .bearer_auth(&dana_session.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(listed.to_string().contains(&district), "Dana's councils include the district: {listed}");
    let depot_side = api.get(&format!("/api/councils/{depot_hex}/federation")).await;
    assert_eq!(depot_side["mandates"][0]["delegate_name"], "Dana", "{depot_side}");
    assert_eq!(depot_side["mandates"][0]["active"], true);

    // A member who does not preside may not take the district's steps.
    let response = dana_session
        .client
        .post(api.server.url(&on_depot("recall.rule_set")))
        .bearer_auth(&dana_session.token)
        .json(&json!({ "percent": 10 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422, "only who presides sets the recall rule");
    // She may sign a petition to recall her own mandate, as any member may.
    let response = dana_session
        .client
        .post(api.server.url(&on_depot("recall.signed")))
        .bearer_auth(&dana_session.token)
        .json(&json!({ "mandate": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

fn api_id(hex: &str) -> kenes_record::EventHash {
    kenes_record::EventHash::from_hex(hex).unwrap()
}

/// The value of the first option of the select with this id.
fn first_option(body: &str, select: &str) -> String {
    let at = body.find(&format!("id=\"{select}\"")).unwrap_or_else(|| panic!("no select {select}"));
    let start = body[at..].find("<option value=\"").unwrap() + at + 15;
    body[start..start + body[start..].find('"').unwrap()].to_owned()
}

/// The same flow from the pages: the depot joins and mandates Dana on a vote it took; the district lists the depot,
/// finds the mandate waiting for a seat (made from the depot's record held here) and seats her with one button; a
/// member signs the petition to recall her.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_the_pages_a_mandate_waits_for_its_seat_and_a_member_signs_a_petition() {
    use kenes_testkit::web::sign_in;
    let server = Server::start().await;
    let depot = demo(&server).await.council.to_hex();
    let session = api_session(&server, "aigerim", DEMO_PASSWORD).await;
    let created: Value = session
        .client
        .post(server.url("/api/councils"))
        .bearer_auth(&session.token)
        .json(
            &json!({ "name": "Almaly District", "kind": "federation", "languages": ["en"], "founder_name": "Aigerim" }),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let district = created["id"].as_str().unwrap().to_owned();
    let aigerim = sign_in(&server, "aigerim").await;

    // Linked from the council's page; nothing joined yet.
    assert!(aigerim.get(&format!("/c/{depot}")).await.body.contains(&format!("/c/{depot}/federation")));
    let page = aigerim.get(&format!("/c/{depot}/federation")).await;
    assert!(page.body.contains("This council has not joined a federation."), "{}", page.body);
    let csrf = page.csrf();
    let joined = aigerim
        .post(
            &format!("/c/{depot}/federation/federation.joined"),
            &[("csrf", &csrf), ("federation", &district), ("name", "Almaly District")],
        )
        .await;
    assert_eq!(joined.status, 303, "{}", joined.body);

    // Giving a mandate without a decision says what is missing and writes nothing.
    let page = aigerim.get(&format!("/c/{depot}/federation")).await;
    // Dana: Aigerim founded the district too, so she is a member there already and could not take a seat by name.
    let dana = {
        let end = page.body.find("\">Dana</option>").unwrap();
        let start = page.body[..end].rfind('"').unwrap() + 1;
        page.body[start..end].to_owned()
    };
    let missing = aigerim
        .post(
            &format!("/c/{depot}/federation/mandate.given"),
            &[("csrf", &csrf), ("federation", &district), ("seat", "1"), ("delegate", &dana), ("decision", "")],
        )
        .await;
    assert!(missing.body.contains("No decision to carry out yet"), "{}", missing.body);
    let decision = first_option(&page.body, "give-decision");
    let given = aigerim
        .post(
            &format!("/c/{depot}/federation/mandate.given"),
            &[
                ("csrf", &csrf),
                ("federation", &district),
                ("seat", "1"),
                ("delegate", &dana),
                ("decision", &decision),
                ("until", "2031-01-31"),
            ],
        )
        .await;
    assert_eq!(given.status, 303, "{}", given.body);
    let page = aigerim.get(&format!("/c/{depot}/federation")).await.body;
    assert!(page.contains("Until 2031-01-31."), "the mandate's term: {page}");
    let delegate = server.state.node().read(api_id(&depot), |c| c.mandate(1).map(|m| m.delegate)).unwrap().unwrap();
    let delegate_name =
        server.state.node().read(api_id(&depot), |c| c.member(delegate).unwrap().name.to_string()).unwrap();

    // The district lists the depot; the mandate waits for its seat, and one button seats the delegate.
    let listed = aigerim
        .post(
            &format!("/c/{district}/federation/federation.seats_set"),
            &[("csrf", &csrf), ("council", &depot), ("name", "Tulpar Street"), ("seats", "1"), ("weight", "2")],
        )
        .await;
    assert_eq!(listed.status, 303, "{}", listed.body);
    let page = aigerim.get(&format!("/c/{district}/federation")).await;
    assert!(page.body.contains("Mandates waiting for a seat"), "{}", page.body);
    assert!(page.body.contains(&format!("Seat {delegate_name}")), "{}", page.body);
    let seated = aigerim
        .post(
            &format!("/c/{district}/federation/delegate.seated"),
            &[("csrf", &csrf), ("council", &depot), ("mandate", "1")],
        )
        .await;
    assert_eq!(seated.status, 303, "{}", seated.body);
    let page = aigerim.get(&format!("/c/{district}/federation")).await;
    assert!(page.body.contains("Checked against the record of Tulpar Street."), "{}", page.body);
    assert!(!page.body.contains("Mandates waiting for a seat"), "{}", page.body);

    // A member of the depot sees the mandate and signs the petition to recall it; signing twice is not offered.
    let member = sign_in(&server, "dana").await;
    let page = member.get(&format!("/c/{depot}/federation")).await;
    assert!(page.body.contains("Petition to recall: 0 of"), "{}", page.body);
    let signed =
        member.post(&format!("/c/{depot}/federation/recall.signed"), &[("csrf", &page.csrf()), ("mandate", "1")]).await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let page = member.get(&format!("/c/{depot}/federation")).await;
    assert!(
        page.body.contains("Petition to recall: 1 of") && page.body.contains("Withdraw my signature"),
        "{}",
        page.body
    );
    // The district votes on a motion; the depot had instructed its delegate to vote against it, and she voted for.
    // The depot's page reports it, as a vote against the instruction.
    {
        use kenes_council::assembly::events::*;
        use kenes_council::assembly::model::{Title, VoteChoice, VoteMode, VoteSubject};
        use kenes_council::{CouncilEvent, MemberId};
        let id = api_id(&district);
        let seat = server.state.node().read(id, |c| *c.seats().keys().next().unwrap()).unwrap();
        let by = MemberId(1);
        let t = |text: &str| Title::parse(text).unwrap();
        district_meeting(&server, id, seat);
        let instruct_page = aigerim.get(&format!("/c/{depot}/federation")).await;
        let decision = first_option(&instruct_page.body, "instruct-decision");
        let instructed = aigerim
            .post(
                &format!("/c/{depot}/federation/mandate.instructed"),
                &[
                    ("csrf", &csrf),
                    ("mandate", "1"),
                    ("assembly", "1"),
                    ("motion", "1"),
                    ("instruction", "against"),
                    ("decision", &decision),
                ],
            )
            .await;
        assert_eq!(instructed.status, 303, "{}", instructed.body);
        let opened = VoteOpened {
            by,
            assembly: 1,
            subject: VoteSubject::Motion(1),
            question: t("Close the depot on Sundays?"),
            mode: VoteMode::RollCall,
            majority: kenes_count::simple::Majority::simple(kenes_count::simple::Basis::YesNo),
            choices: None,
        };
        for step in [
            AssemblyEvent::VoteOpened(opened),
            AssemblyEvent::VoteCast(VoteCast { by: seat, assembly: 1, vote: 1, choice: VoteChoice::Yes }),
            AssemblyEvent::VoteClosed(VoteClosed { by, assembly: 1, vote: 1 }),
        ] {
            server.state.execute(id, &CouncilEvent::Assembly(step)).unwrap();
        }
        let page = member.get(&format!("/c/{depot}/federation")).await;
        assert!(page.body.contains("vote against"), "the instruction is shown: {}", page.body);
        assert!(page.body.contains(&format!("{delegate_name} voted for, against the council")), "{}", page.body);
    }

    // Motions travel. Up: Dana, seated in the district and signed in with her own account, brings a motion the depot
    // adopted; it arrives under the item in session, with its origin, and the citation checks against the depot.
    let page = member.get(&format!("/c/{district}/federation")).await;
    assert!(page.body.contains("Bring a motion your council adopted"), "{}", page.body);
    let start = page.body.find("/federation/motion.forwarded").unwrap();
    let form = kenes_testkit::web::Page { status: 200, location: None, body: page.body[start..].to_owned() };
    let (assembly, motion) = (form.hidden("assembly"), form.hidden("motion"));
    let brought = member
        .post(
            &format!("/c/{district}/federation/motion.forwarded"),
            &[("csrf", &page.csrf()), ("assembly", &assembly), ("motion", &motion)],
        )
        .await;
    assert_eq!(brought.status, 303, "{}", brought.body);
    let origin = server
        .state
        .node()
        .read(api_id(&district), |c| c.assembly(1).unwrap().motions.last().unwrap().origin.clone())
        .unwrap();
    assert_eq!(origin.as_ref().map(|o| o.council.as_str()), Some(depot.as_str()));
    let checked = server.state.node().citations(api_id(&district)).unwrap();
    let lineage = checked
        .iter()
        .find(|(c, _)| matches!(c.expect, kenes_council::federation::citations::Expect::Adopted { .. }))
        .unwrap();
    assert_eq!(lineage.1, kenes_council::federation::citations::Status::Checked);
    let meeting = member.get(&format!("/c/{district}/a/1")).await;
    assert!(meeting.body.contains("adopted first by Tulpar Street"), "the motion shows its lineage");
    // Down: the district adopted motion 1; the depot's secretary records that decision in the depot's record.
    let page = aigerim.get(&format!("/c/{depot}/federation")).await;
    assert!(page.body.contains("Record “Close the depot on Sundays” here"), "{}", page.body);
    let received = aigerim
        .post(
            &format!("/c/{depot}/federation/motion.received"),
            &[("csrf", &csrf), ("federation", &district), ("assembly", "1"), ("motion", "1")],
        )
        .await;
    assert_eq!(received.status, 303, "{}", received.body);
    let page = aigerim.get(&format!("/c/{depot}/federation")).await;
    assert!(page.body.contains("Decisions of the federation recorded here"), "{}", page.body);
    assert!(!page.body.contains("Record “Close the depot on Sundays” here"), "recorded once");

    // A member who does not preside sees no form to give mandates, and a forged token changes nothing.
    let page = member.get(&format!("/c/{depot}/federation")).await;
    assert!(!page.body.contains("Record the mandate"));
    let forged =
        member.post(&format!("/c/{depot}/federation/recall.withdrawn"), &[("csrf", "forged"), ("mandate", "1")]).await;
    assert_ne!(forged.status, 303);
}

/// A depot (the demo council) whose delegate Dana sits in the Almaly District federation (seat weight 2), set up
/// through the JSON API as the pages would; and the district's meeting 1 open with motion 1 admitted.
pub(crate) struct Federated {
    pub depot: kenes_record::EventHash,
    pub district: kenes_record::EventHash,
}

/// Runs steps in a council's record in the secretary's (member 1's) name and checks each was allowed.
pub(crate) fn run(
    server: &Server,
    council: kenes_record::EventHash,
    steps: Vec<kenes_council::assembly::events::AssemblyEvent>,
) {
    for step in steps {
        server.state.execute(council, &kenes_council::CouncilEvent::Assembly(step)).unwrap();
    }
}

/// A yes-or-no question in an open meeting of the council, the members given checked in first; its value as the
/// federations page's decision selects give it (`vote-<meeting>-<vote>`).
pub(crate) fn yes_no(
    server: &Server,
    council: kenes_record::EventHash,
    assembly: u32,
    ballots: &[(kenes_council::MemberId, kenes_council::assembly::model::VoteChoice)],
) -> String {
    use kenes_council::assembly::events::*;
    use kenes_council::assembly::model::{Title, VoteMode, VoteSubject};
    let by = kenes_council::MemberId(1);
    for (member, _) in ballots {
        let _ = server.state.execute(
            council,
            &kenes_council::CouncilEvent::Assembly(AssemblyEvent::CheckedIn(Attendance {
                by,
                assembly,
                member: *member,
            })),
        );
    }
    let opened = VoteOpened {
        by,
        assembly,
        subject: VoteSubject::Question,
        question: Title::parse("Shall it be so?").unwrap(),
        mode: VoteMode::RollCall,
        majority: kenes_count::simple::Majority::simple(kenes_count::simple::Basis::YesNo),
        choices: None,
    };
    run(server, council, vec![AssemblyEvent::VoteOpened(opened)]);
    let vote = server.state.node().read(council, |c| c.assembly(assembly).unwrap().votes.len() as u32).unwrap();
    let mut steps: Vec<AssemblyEvent> = ballots
        .iter()
        .map(|(member, choice)| AssemblyEvent::VoteCast(VoteCast { by: *member, assembly, vote, choice: *choice }))
        .collect();
    steps.push(AssemblyEvent::VoteClosed(VoteClosed { by, assembly, vote }));
    run(server, council, steps);
    format!("vote-{assembly}-{vote}")
}

/// The demo member of that name.
pub(crate) fn member(server: &Server, council: kenes_record::EventHash, name: &str) -> kenes_council::MemberId {
    server
        .state
        .node()
        .read(council, |c| c.member_named(&kenes_council::DisplayName::parse(name).unwrap()).unwrap())
        .unwrap()
}

pub(crate) async fn federated(server: &Server) -> Federated {
    use kenes_council::assembly::model::VoteChoice::Yes;
    let depot = demo(server).await.council;
    let session = api_session(server, "aigerim", DEMO_PASSWORD).await;
    let post = |path: String, body: Value| {
        let request = session.client.post(server.url(&path)).bearer_auth(&session.token).json(&body);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            assert!(status < 300, "{path}: {body}");
            body
        }
    };
    let created = post(
        "/api/councils".to_owned(),
        json!({ "name": "Almaly District", "kind": "federation", "languages": ["en"], "founder_name": "Zarina" }),
    )
    .await;
    let district = api_id(created["id"].as_str().unwrap());
    let (d, f) = (depot.to_hex(), district.to_hex());
    post(
        format!("/api/councils/{d}/federation/federation.joined"),
        json!({ "federation": f, "name": "Almaly District" }),
    )
    .await;
    let present: Vec<_> =
        ["Aigerim", "Bolat", "Dana", "Erlan", "Farida"].iter().map(|n| (member(server, depot, n), Yes)).collect();
    let decision = yes_no(server, depot, 2, &present);
    let (assembly, vote) = {
        let parts: Vec<u32> = decision.trim_start_matches("vote-").split('-').map(|n| n.parse().unwrap()).collect();
        (parts[0], parts[1])
    };
    let given = post(
        format!("/api/councils/{d}/federation/mandate.given"),
        json!({ "federation": f, "seat": 1, "delegate": member(server, depot, "Dana").0,
                "decision": { "vote": { "assembly": assembly, "vote": vote } } }),
    )
    .await;
    let height = given["height"].as_u64().unwrap();
    post(
        format!("/api/councils/{f}/federation/federation.seats_set"),
        json!({ "council": d, "name": "Tulpar Street", "seats": 1, "weight": 2 }),
    )
    .await;
    let event = server.state.node().store().load_event_range(depot, height, height + 1).unwrap().remove(0);
    let citation =
        json!({ "council": d, "height": height, "hash": event.hash().to_hex(), "at_ms": event.timestamp_ms });
    post(
        format!("/api/councils/{f}/federation/delegate.seated"),
        json!({ "seat": 1, "mandate": 1, "citation": citation, "name": "Dana" }),
    )
    .await;
    district_meeting(server, district, member(server, district, "Dana"));
    Federated { depot, district }
}

/// The district's meeting 1, open, with the delegate present and their motion 1 ("Close the depot on Sundays")
/// admitted under item 1, taken up.
pub(crate) fn district_meeting(server: &Server, district: kenes_record::EventHash, delegate: kenes_council::MemberId) {
    use kenes_council::assembly::events::*;
    use kenes_council::assembly::model::{LongText, Rules, Title};
    let by = kenes_council::MemberId(1);
    let t = |text: &str| Title::parse(text).unwrap();
    let rules = Rules { quorum_percent: 0, seconders: 0, alternate: false, speaking_seconds: 0 };
    run(
        server,
        district,
        vec![
            AssemblyEvent::Convened(Convened {
                by,
                title: t("District council"),
                place: t("Hall"),
                starts: t("2026-12-05"),
                rules,
            }),
            AssemblyEvent::Opened(AssemblyAct { by, assembly: 1 }),
            AssemblyEvent::CheckedIn(Attendance { by, assembly: 1, member: delegate }),
            AssemblyEvent::ItemAdded(ItemAdded { by, assembly: 1, parent: None, title: t("Budget"), minutes: 0 }),
            AssemblyEvent::ItemTaken(ItemTaken { by, assembly: 1, item: 1 }),
            AssemblyEvent::MotionSubmitted(MotionSubmitted {
                by: delegate,
                assembly: 1,
                item: 1,
                title: t("Close the depot on Sundays"),
                text: LongText::parse("Close it.").unwrap(),
                alternative_to: None,
                origin: None,
            }),
            AssemblyEvent::MotionAdmitted(MotionStep { by, assembly: 1, motion: 1 }),
        ],
    );
}

/// A federation's secret election weighs each delegate by their seat: the district's roll holds only seated
/// delegates (its founder, unseated, is on no roll), Dana's credential carries her seat's weight of 2 in the archive's
/// public credentials, and her one ballot counts twice in the result.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_federations_secret_election_weighs_each_delegate_by_their_seat() {
    use crate::elections::{cast, close_and_decrypt, collect_credential, get_json};
    use kenes_crypto::ballot::BallotContext;
    use kenes_crypto::election::Election;
    use kenes_testkit::web::sign_in;
    use rand::rngs::OsRng;
    let server = Server::start().await;
    let Federated { district, .. } = federated(&server).await;
    let council = format!("/c/{}", district.to_hex());
    let secretary = sign_in(&server, "aigerim").await;
    let fields = [("title", "District spokesperson"), ("q1", "Close the depot on Sundays?"), ("q1_answers", "Yes\nNo")];
    let (election, key) = crate::elections::one_trustee_election(&server, &secretary, &council, &fields).await;
    let csrf = secretary.get(&format!("{election}/trustee")).await.body;
    let csrf = csrf.split("name=\"kenes-csrf\" content=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let form_csrf = secretary.get(&election).await.csrf();
    assert_eq!(secretary.post(&format!("{election}/open"), &[("csrf", &form_csrf)]).await.status, 303);

    // The roll: Dana alone, with weight 2, written as Belenios writes a weight.
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["voters"], 1, "only the seated delegate: {board}");
    let page = secretary.get(&election).await.body;
    assert!(page.contains("Voters' weights: 1 of weight 2"), "the election's page says the roll has weights: {page}");
    let founder = secretary.get(&format!("{election}/credential")).await;
    assert_ne!(founder.status, 200, "the founder, unseated, has no credential: {}", founder.body);

    let dana = sign_in(&server, "dana").await;
    let (credential, dana_csrf) = collect_credential(&dana, &election).await;
    let election_text = dana.get(&format!("{election}/election.json")).await.body;
    let parsed = Election::parse(&election_text).unwrap();
    let (ballot, _) = BallotContext::new(&parsed).create(&credential, &[vec![1, 0]], &mut OsRng).unwrap();
    let (status, body) = cast(&server, &dana, &dana_csrf, &election, ballot).await;
    assert_eq!(status, 201, "{body}");

    close_and_decrypt(&server, &secretary, &csrf, &election, &parsed, &key).await;
    let board = get_json(&server, &secretary, &format!("{election}/board.json")).await;
    assert_eq!(board["result"], json!([[2, 0]]), "one ballot of weight 2: {board}");
    let verified = secretary.get(&format!("{election}/verify")).await.body;
    assert!(verified.contains("Every proof in the archive checks out"), "{verified}");
}

/// Seats weighed by member councils' sizes: who presides the district weighs them from the depot's record held here
/// (its voting members, the head of its record cited and checked); when the depot grows and they weigh again, the
/// weight follows, and the delegate's vote weighs that much. A delegate who does not preside cannot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seats_are_weighed_by_the_member_councils_size_from_its_record() {
    use kenes_testkit::web::sign_in;
    let server = Server::start().await;
    let Federated { depot, district } = federated(&server).await;
    let size = || server.state.node().read(depot, |c| c.represented()).unwrap();
    let before = size();
    assert!(before > 2, "the demo council has more voters than the fixed weight");
    let secretary = sign_in(&server, "aigerim").await;
    let path = format!("/c/{}/federation", district.to_hex());
    let page = secretary.get(&path).await;
    assert!(page.body.contains("Weigh the seats by size now"), "{}", page.body);
    let weighed = secretary.post(&format!("{path}/weights.by_size"), &[("csrf", &page.csrf())]).await;
    assert_eq!(weighed.status, 303, "{}", weighed.body);
    let dana = member(&server, district, "Dana");
    let weight = || server.state.node().read(district, |c| c.vote_weight(dana)).unwrap();
    assert_eq!(weight(), before, "one seat weighs what the depot represents");
    let page = secretary.get(&path).await.body;
    assert!(page.contains(&format!("Weighed by size: {before} represented")), "{page}");
    assert!(page.contains("Checked against the record of Tulpar Street"), "{page}");

    // The depot grows by one; weighing again follows it, and the size is checked again.
    let csrf = secretary.get(&format!("/c/{}", depot.to_hex())).await.csrf();
    let added = secretary
        .post(&format!("/c/{}/members", depot.to_hex()), &[("csrf", &csrf), ("name", "Kairat"), ("role", "member")])
        .await;
    assert!(added.status < 400, "{}", added.body);
    assert_eq!(size(), before + 1);
    let session = api_session(&server, "aigerim", DEMO_PASSWORD).await;
    let (api, by_size) =
        (&session, server.url(&format!("/api/councils/{}/federation/weights.by_size", district.to_hex())));
    let weigh = || {
        let request = api.client.post(by_size.clone()).bearer_auth(&api.token).json(&json!({}));
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let answer = weigh().await;
    assert_eq!(answer["weighed"], json!(["Tulpar Street"]), "{answer}");
    assert_eq!(weight(), before + 1);
    let summary: Value = session
        .client
        .get(server.url(&format!("/api/councils/{}/federation", district.to_hex())))
        .bearer_auth(&session.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed = &summary["member_councils"][0];
    assert_eq!(listed["size"]["members"], json!(before + 1), "{summary}");
    assert_eq!(listed["size"]["citation_check"]["status"], "checked", "{summary}");
    // Nothing changed since: weighing again records nothing.
    let height = server.state.node().read(district, |c| c.height()).unwrap();
    let answer = weigh().await;
    assert_eq!(answer["weighed"], json!([]), "{answer}");
    assert_eq!(server.state.node().read(district, |c| c.height()).unwrap(), height);

    // Dana is a delegate there, not its chair or secretary: refused, nothing written.
    let delegate = sign_in(&server, "dana").await;
    let page = delegate.get(&path).await;
    assert!(!page.body.contains("Weigh the seats by size now"));
    let refused = delegate.post(&format!("{path}/weights.by_size"), &[("csrf", &page.csrf())]).await;
    assert_ne!(refused.status, 303, "{}", refused.body);
    assert_eq!(server.state.node().read(district, |c| c.height()).unwrap(), height);
}

/// `kenes demo`'s federation, as its people see it: Samal-2's secretary sees that Arman voted against the council's
/// instruction and the petition to recall him has its signatures (so the recall is offered); the district's
/// secretary sees five seats weighed by size, each citation checked; the tram depot's motion carries its lineage
/// and passed with the seats' weights; Tulpar Street has the decision recorded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_federation_shows_report_back_a_petition_and_the_decision_coming_down() {
    use kenes_testkit::web::sign_in;
    let server = Server::start().await;
    let mut made = demo(&server).await;
    let state = server.state.clone();
    let (district, made) = tokio::task::spawn_blocking(move || {
        let district = kenes_web::demo::federation(&state, &mut made, DEMO_PASSWORD).unwrap();
        (district, made)
    })
    .await
    .unwrap();
    assert!(made.accounts.iter().any(|(username, _, _)| username == "zarina"));
    let named = |name: &str| {
        server
            .state
            .node()
            .council_ids()
            .into_iter()
            .find(|id| server.state.node().read(*id, |c| c.name.as_str() == name).unwrap())
            .unwrap()
    };
    let samal = named("Samal-2 Residents' Council");

    // The tram depot's shop stewards, elected by a secret ranked ballot shuffled by its two trustees.
    let depot = named("Tram Depot No. 2 Workers' Council");
    let svetlana = sign_in(&server, "svetlana").await;
    let page = svetlana.get(&format!("/c/{}/e/1", depot.to_hex())).await.body;
    assert!(page.contains("Elected: ") && page.contains("shuffled by trustees Ruslan, Svetlana"), "{page}");
    assert!(page.contains("Single transferable vote (ranked), 2 seats"), "{page}");

    let madina = sign_in(&server, "madina").await;
    let page = madina.get(&format!("/c/{}/federation", samal.to_hex())).await.body;
    assert!(page.contains("Arman voted for, against the council's instruction"), "{page}");
    assert!(page.contains("Petition to recall: 2 of 2 signatures needed"), "{page}");
    assert!(page.contains("Recall Arman"), "the recall is offered to who presides: {page}");

    let zarina = sign_in(&server, "zarina").await;
    let page = zarina.get(&format!("/c/{}/federation", district.to_hex())).await.body;
    assert_eq!(page.matches("Weighed by size:").count(), 5, "{page}");
    assert_eq!(page.matches("Checked against the record of").count(), 10, "five mandates and five sizes: {page}");
    let result = server
        .state
        .node()
        .read(district, |c| c.assembly(1).unwrap().vote(1).unwrap().result.clone().unwrap())
        .unwrap();
    assert_eq!((result.yes, result.no, result.abstain), (7 + 6 + 9 + 5, 0, 11), "weighed by the councils' sizes");
    let meeting = zarina.get(&format!("/c/{}/a/1", district.to_hex())).await.body;
    assert!(meeting.contains("adopted first by Tram Depot No. 2"), "{meeting}");

    let aigerim = sign_in(&server, "aigerim").await;
    let page = aigerim.get(&format!("/c/{}/federation", made.council.to_hex())).await.body;
    assert!(page.contains("Decisions of the federation recorded here") && page.contains("Night trams on route 4"));
}
