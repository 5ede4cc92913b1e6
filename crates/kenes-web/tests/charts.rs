//! Results as charts over HTTP: a yes/no vote and an instant-runoff vote taken in the demo's meeting, then their
//! charts on the meeting page, in the minutes and in the minutes' PDF, and the demo election's chart with its winner.

use kenes_testkit::web::{Browser, Server, demo, sign_in};

/// An action as the meeting page's script sends it; it must be accepted.
async fn act(url: &str, who: &Browser, fields: &[(&str, &str)]) {
    let (status, body) = who.act(url, fields).await;
    assert_eq!(status, 204, "{fields:?}: {body}");
}

/// The `<svg>` element with this id in `page`.
fn svg<'a>(page: &'a str, id: &str) -> &'a str {
    let start =
        page.find(&format!("<svg class=\"chart\" id=\"{id}\"")).unwrap_or_else(|| panic!("no chart {id}: {page}"));
    let end = start + page[start..].find("</svg>").unwrap() + 6;
    &page[start..end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vote_results_are_charts_on_the_page_in_the_minutes_and_in_the_pdf() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let council = format!("/c/{}", demo.council.to_hex());
    let url = format!("{council}/a/{}", demo.assembly);
    let chair = sign_in(&server, "bolat").await;
    let dana = sign_in(&server, "dana").await;

    // Nine members are present; at least two thirds of them (6) must say yes, and 6 do.
    let question = "Buy a <kettle> & cups for the hall?";
    let put = [
        ("do", "vote_question"),
        ("question", question),
        ("mode", "tellers"),
        ("majority", "two_thirds"),
        ("basis", "present"),
    ];
    act(&url, &chair, &put).await;
    act(&url, &chair, &[("do", "count"), ("vote", "3"), ("yes", "6"), ("no", "2"), ("abstain", "1")]).await;
    act(&url, &chair, &[("do", "close_vote"), ("vote", "3")]).await;

    // Aigerim 2 first preferences, Saule 2, Marat 1 with Saule next: Marat is excluded and Saule wins 3–2.
    let options = "Aigerim\nSaule\nMarat";
    let put = [
        ("do", "vote_choices"),
        ("question", "Who goes to the city hearing?"),
        ("options", options),
        ("method", "irv"),
    ];
    act(&url, &chair, &put).await;
    act(&url, &dana, &[("do", "rank"), ("vote", "4"), ("ranking", "1")]).await;
    act(&url, &chair, &[("do", "rank"), ("vote", "4"), ("ranking", "0")]).await;
    for (member, ranking) in [("erlan", &["2", "1"][..]), ("aigerim", &["0"]), ("saule", &["1"])] {
        let browser = sign_in(&server, member).await;
        let mut fields = vec![("do", "rank"), ("vote", "4")];
        fields.extend(ranking.iter().map(|r| ("ranking", *r)));
        act(&url, &browser, &fields).await;
    }
    act(&url, &chair, &[("do", "close_vote"), ("vote", "4")]).await;

    let response = dana.client.get(server.url(&url)).send().await.unwrap();
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let page = response.text().await.unwrap();
    let yes_no = svg(&page, "chart-vote-3");
    assert!(yes_no.contains("role=\"img\" aria-labelledby=\"chart-vote-3-title\""), "{yes_no}");
    assert!(
        yes_no.contains(
            "<title id=\"chart-vote-3-title\">Carried. Yes 6, no 2, abstained 1; the dashed line marks the 6 yes votes \
             needed (majority: at least 2/3 of members present).</title>"
        ),
        "{yes_no}"
    );
    // The line at two thirds of the nine present, the yes bar six ninths long: the same point, as 6 of 9 is 2/3.
    assert!(yes_no.contains("x1=\"266.67\"") && yes_no.contains(">6 needed</text>"), "{yes_no}");
    assert!(yes_no.contains("class=\"bar win\" x=\"0\" y=\"40\" width=\"266.67\""), "{yes_no}");
    // The chart's one style rule is allowed by its hash, so a narrow screen shrinks it.
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(kenes_web::charts::STYLE));
    assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
    assert!(yes_no.contains(&format!("<style>{}</style>", kenes_web::charts::STYLE)));

    let irv = svg(&page, "chart-vote-4");
    assert!(irv.contains(">Elected: Saule. Counted in 2 stages"), "{irv}");
    for text in [
        ">Stage 1: first preferences</text>",
        ">Stage 2: Marat excluded, their votes</text>",
        ">transferred</text>",
        ">0 · ✗ excluded</text>",
        ">3 · ✓ elected</text>",
    ] {
        assert!(irv.contains(text), "the IRV chart lacks {text:?}: {irv}");
    }
    // The numbers are in a table beside the chart too.
    assert!(page.contains("Stage 2</th>"), "{page}");

    let minutes = dana.get(&format!("{url}/minutes?lang=en")).await.body;
    assert_eq!(svg(&minutes, "chart-vote-3"), yes_no, "the minutes show the page's chart");
    assert_eq!(svg(&minutes, "chart-vote-4"), irv);
    let russian = dana.get(&format!("{url}/minutes?lang=ru")).await.body;
    let russian = svg(&russian, "chart-vote-4");
    assert!(
        russian.contains(">Этап 2: исключены Marat, их голоса</text>") && russian.contains(">переданы</text>"),
        "{russian}"
    );

    // The PDF draws the same chart: its labels are text in it, the bars filled paths.
    let pdf = dana.client.get(server.url(&format!("{url}/minutes?lang=en&format=pdf"))).send().await.unwrap();
    let bytes = pdf.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("minutes.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let output = std::process::Command::new("pdftotext").arg("-layout").arg(&file).arg("-").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for label in ["6 needed", "Stage 2: Marat excluded, their votes", "3 · ✓ elected", "0 · ✗ excluded", "Abstained"]
    {
        assert!(text.contains(label), "the PDF lacks {label:?}:\n{text}");
    }

    // The demo's tallied election: "Benches by the playground" had the most votes, marked in the table and the chart.
    let election = dana.get(&format!("{council}/e/1")).await.body;
    let chart = svg(&election, "chart-question-1");
    assert!(
        chart.contains(
            ">Which project gets this year&#39;s budget?: Benches by the playground 4, Lights in the courtyards 3, \
             Bicycle racks 1. Most votes: Benches by the playground.</title>"
        ),
        "{chart}"
    );
    assert!(chart.contains(">4 · ✓ most votes</text>") && chart.contains(">Blank vote</text>"), "{chart}");
    assert!(election.contains("Benches by the playground ✓ <strong>most votes</strong>"), "{election}");
}
