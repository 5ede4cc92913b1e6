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
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("fed-refused")), "{body}");
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
    let depot_side = api.get(&format!("/api/councils/{depot_hex}/federation")).await;
    assert_eq!(depot_side["mandates"][0]["delegate_name"], "Dana", "{depot_side}");
    assert_eq!(depot_side["mandates"][0]["active"], true);

    // A member who does not preside may not take the district's steps.
    let dana_session = api_session(&api.server, "dana", DEMO_PASSWORD).await;
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
