//! Every event kind reads as a sentence in every language: each catalog has its `ev-…` message, each message formats
//! without an error with the arguments its payload gives, and the demo council's record page shows no raw kind.

use std::collections::BTreeSet;

use kenes_testkit::web::{Server, demo, sign_in};
use kenes_web::i18n::{CATALOGS, I18n};

/// Every kind a council's record may hold.
fn kinds() -> Vec<&'static str> {
    [
        kenes_council::events::KINDS,
        kenes_council::assembly::events::KINDS,
        kenes_council::election::KINDS,
        kenes_council::federation::events::KINDS,
        kenes_council::offices::KINDS,
    ]
    .concat()
}

/// The message that says an event of `kind`, as the record page names it.
fn key(kind: &str) -> String {
    format!("ev-{}", kind.replace(['.', '_'], "-"))
}

/// A sentence that is only a kind (`word.word`): the page found no message for it.
fn is_raw_kind(text: &str) -> bool {
    let text = text.trim();
    text.contains('.')
        && !text.ends_with('.')
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Payloads of every kind, with each code a select words (roles, vias, speech kinds, modes, choices) and numbers in
/// each plural category; members are given as names, as the record page gives them.
const PAYLOADS: &[(&str, &str)] = &[
    (
        "council.created",
        r#"{"name":"Tulpar Street","kind":"neighbourhood","description":"","languages":["en"],"founder":"Aigerim","nonce":"ab"}"#,
    ),
    ("council.created", r#"{"name":"Print shop","kind":"workplace","founder":"Aigerim","nonce":"ab"}"#),
    ("council.created", r#"{"name":"Print shop","kind":"union","founder":"Aigerim","nonce":"ab"}"#),
    ("council.created", r#"{"name":"Print shop","kind":"cooperative","founder":"Aigerim","nonce":"ab"}"#),
    ("council.created", r#"{"name":"Print shop","kind":"federation","founder":"Aigerim","nonce":"ab"}"#),
    ("council.created", r#"{"name":"Print shop","kind":"assembly","founder":"Aigerim","nonce":"ab"}"#),
    ("member.added", r#"{"by":"Aigerim","name":"Bruno","role":"observer","via":"secretary"}"#),
    ("member.added", r#"{"by":"Aigerim","name":"Bruno","role":"member","via":"secretary"}"#),
    ("member.added", r#"{"by":"Aigerim","name":"Bruno","role":"chair","via":"invitation"}"#),
    ("member.added", r#"{"by":"Aigerim","name":"Bruno","role":"secretary","via":"invitation"}"#),
    ("members.imported", r#"{"by":"Aigerim","members":[{"name":"Dana","role":"member"}]}"#),
    ("member.role_changed", r#"{"by":"Aigerim","member":"Dana","role":"chair"}"#),
    ("member.role_changed", r#"{"by":"Aigerim","member":"Dana","role":"member"}"#),
    ("member.role_changed", r#"{"by":"Aigerim","member":"Dana","role":"secretary"}"#),
    ("member.role_changed", r#"{"by":"Aigerim","member":"Dana","role":"observer"}"#),
    ("member.removed", r#"{"by":"Aigerim","member":"Dana"}"#),
    ("member.renamed", r#"{"by":"Dana","member":"Dana K.","name":"Dana K."}"#),
    (
        "council.updated",
        r#"{"by":"Aigerim","name":"Tulpar Street","description":"","languages":["en"],"private":true}"#,
    ),
    (
        "council.copies",
        r#"{"by":"Aigerim","nodes":[{"node":"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c","age":"age1ghf0nqfz6c4g9tp3gpyw6xs46kehz8yr9pw8utc5sfgvae6xn38ss4hjsx"}]}"#,
    ),
    (
        "assembly.convened",
        r#"{"by":"Aigerim","title":"November general meeting","place":"School No. 12","starts":"2026-11-22 18:00","rules":{}}"#,
    ),
    ("assembly.opened", r#"{"by":"Bolat","assembly":2}"#),
    ("assembly.closed", r#"{"by":"Bolat","assembly":2}"#),
    ("attendance.checked_in", r#"{"by":"Dana","assembly":2,"member":"Dana"}"#),
    ("attendance.checked_out", r#"{"by":"Aigerim","assembly":2,"member":"Dana"}"#),
    ("agenda.item_added", r#"{"by":"Aigerim","assembly":2,"parent":null,"title":"The playground","minutes":0}"#),
    ("agenda.item_added", r#"{"by":"Aigerim","assembly":2,"parent":2,"title":"The playground","minutes":1}"#),
    ("agenda.item_added", r#"{"by":"Aigerim","assembly":2,"parent":null,"title":"The playground","minutes":3}"#),
    ("agenda.item_added", r#"{"by":"Aigerim","assembly":2,"parent":null,"title":"The playground","minutes":25}"#),
    ("agenda.item_taken", r#"{"by":"Bolat","assembly":2,"item":4}"#),
    (
        "motion.submitted",
        r#"{"by":"Farida","assembly":1,"item":1,"title":"Fence the playground","text":"A fence.","alternative_to":null}"#,
    ),
    ("motion.seconded", r#"{"by":"Gulnara","assembly":1,"motion":1}"#),
    ("motion.admitted", r#"{"by":"Bolat","assembly":1,"motion":1}"#),
    ("motion.debated", r#"{"by":"Bolat","assembly":1,"motion":1}"#),
    ("motion.withdrawn", r#"{"by":"Farida","assembly":1,"motion":1}"#),
    ("motion.referred", r#"{"by":"Bolat","assembly":1,"motion":1}"#),
    (
        "amendment.submitted",
        r#"{"by":"Farida","assembly":2,"motion":1,"from_line":3,"to_line":3,"version":0,"text":"by December,"}"#,
    ),
    ("amendment.seconded", r#"{"by":"Dana","assembly":2,"amendment":1}"#),
    ("amendment.withdrawn", r#"{"by":"Farida","assembly":2,"amendment":1}"#),
    ("speaker.requested", r#"{"by":"Ilyas","assembly":2,"item":2,"member":"Ilyas","kind":"for"}"#),
    ("speaker.requested", r#"{"by":"Ilyas","assembly":2,"item":2,"member":"Ilyas","kind":"against"}"#),
    ("speaker.requested", r#"{"by":"Bolat","assembly":2,"item":2,"member":"Ilyas","kind":"point_of_order"}"#),
    ("speaker.requested", r#"{"by":"Ilyas","assembly":2,"item":2,"member":"Ilyas","kind":"speech"}"#),
    ("speaker.withdrawn", r#"{"by":"Ilyas","assembly":2,"item":2,"member":"Ilyas"}"#),
    ("speaker.moved", r#"{"by":"Bolat","assembly":2,"item":2,"member":"Ilyas","position":0}"#),
    ("speaker.moved", r#"{"by":"Bolat","assembly":2,"item":2,"member":"Ilyas","position":1}"#),
    ("speaker.moved", r#"{"by":"Bolat","assembly":2,"item":2,"member":"Ilyas","position":3}"#),
    ("speaker.moved", r#"{"by":"Bolat","assembly":2,"item":2,"member":"Ilyas","position":5}"#),
    ("speaker.floor_given", r#"{"by":"Bolat","assembly":2,"item":2}"#),
    ("speaker.speech_ended", r#"{"by":"Bolat","assembly":2,"item":2}"#),
    (
        "vote.opened",
        r#"{"by":"Bolat","assembly":1,"subject":{"motion":1},"question":"Fence the playground","mode":"roll_call","majority":{}}"#,
    ),
    (
        "vote.opened",
        r#"{"by":"Bolat","assembly":1,"subject":"question","question":"Who represents us?","mode":"tellers","majority":{}}"#,
    ),
    ("vote.cast", r#"{"by":"Dana","assembly":1,"vote":1,"choice":"yes"}"#),
    ("vote.cast", r#"{"by":"Dana","assembly":1,"vote":1,"choice":"no"}"#),
    ("vote.cast", r#"{"by":"Dana","assembly":1,"vote":1,"choice":"abstain"}"#),
    ("vote.ranked", r#"{"by":"Dana","assembly":1,"vote":2,"ranking":[2,0,1]}"#),
    ("vote.counted", r#"{"by":"Aigerim","assembly":2,"vote":1,"yes":8,"no":0,"abstain":1}"#),
    ("vote.closed", r#"{"by":"Bolat","assembly":2,"vote":1}"#),
    ("minutes.annotated", r#"{"by":"Aigerim","assembly":1,"text":"Minutes taken by Aigerim."}"#),
    ("election.announced", r#"{"by":"Aigerim","uuid":"4kKnQnTvBLd3Jc","title":"This year's courtyard budget"}"#),
    ("election.announced", r#"{"by":"Aigerim","uuid":"4kKnQnTvBLd3Jc","title":"Budget","assembly":2,"item":3}"#),
    ("election.opened", r#"{"by":"Aigerim","election":1,"election_hash":"cc","voters":1,"trustees":1,"threshold":0}"#),
    ("election.opened", r#"{"by":"Aigerim","election":1,"election_hash":"cc","voters":3,"trustees":3,"threshold":2}"#),
    ("election.opened", r#"{"by":"Aigerim","election":1,"election_hash":"cc","voters":12,"trustees":3,"threshold":2}"#),
    ("election.closed", r#"{"by":"Aigerim","election":1,"ballots":1,"archive_hash":"cc"}"#),
    ("election.closed", r#"{"by":"Aigerim","election":1,"ballots":4,"archive_hash":"cc"}"#),
    ("election.closed", r#"{"by":"Aigerim","election":1,"ballots":11,"archive_hash":"cc"}"#),
    ("election.closed", r#"{"by":"Aigerim","election":1,"ballots":21,"archive_hash":"cc"}"#),
    ("election.tallied", r#"{"by":"Bolat","election":1,"archive_hash":"cc","result":[[1,4,3,1]]}"#),
    ("election.published", r#"{"by":"Aigerim","election":1}"#),
    ("federation.joined", r#"{"by":"Aigerim","federation":"ab","name":"Almaly District"}"#),
    ("recall.rule_set", r#"{"by":"Aigerim","percent":20}"#),
    (
        "mandate.given",
        r#"{"by":"Aigerim","federation":"ab","seat":1,"delegate":"Bolat","decision":{"vote":{"assembly":1,"vote":2}}}"#,
    ),
    ("recall.signed", r#"{"by":"Dana","mandate":1}"#),
    ("recall.withdrawn", r#"{"by":"Dana","mandate":1}"#),
    ("mandate.recalled", r#"{"by":"Aigerim","mandate":1,"decision":{"vote":{"assembly":1,"vote":3}}}"#),
    ("mandate.ended", r#"{"by":"Bolat","mandate":1}"#),
    (
        "mandate.instructed",
        r#"{"by":"Aigerim","mandate":1,"assembly":1,"motion":2,"instruction":"for","decision":{"election":{"election":1}}}"#,
    ),
    (
        "mandate.instructed",
        r#"{"by":"Aigerim","mandate":1,"assembly":1,"motion":2,"instruction":"against","decision":{"election":{"election":1}}}"#,
    ),
    (
        "mandate.instructed",
        r#"{"by":"Aigerim","mandate":1,"assembly":1,"motion":2,"instruction":"abstain","decision":{"election":{"election":1}}}"#,
    ),
    (
        "mandate.instructed",
        r#"{"by":"Aigerim","mandate":1,"assembly":1,"motion":2,"instruction":"free","decision":{"election":{"election":1}}}"#,
    ),
    ("federation.seats_set", r#"{"by":"Zarina","council":"ab","name":"Depot 4","seats":0,"weight":3}"#),
    ("federation.seats_set", r#"{"by":"Zarina","council":"ab","name":"Depot 4","seats":1,"weight":3}"#),
    ("federation.seats_set", r#"{"by":"Zarina","council":"ab","name":"Depot 4","seats":2,"weight":3}"#),
    ("federation.seats_set", r#"{"by":"Zarina","council":"ab","name":"Depot 4","seats":5,"weight":3}"#),
    ("delegate.seated", r#"{"by":"Zarina","seat":1,"mandate":1,"citation":{},"name":"Bolat"}"#),
    ("delegate.unseated", r#"{"by":"Zarina","member":"Bolat","reason":"recalled","citation":{}}"#),
    ("delegate.unseated", r#"{"by":"Zarina","member":"Bolat","reason":"ended","citation":{}}"#),
    ("office.term_given", r#"{"by":"Aigerim","member":"Bolat","office":"Treasurer","until_ms":1800000000000}"#),
    ("office.term_ended", r#"{"by":"Bolat","term":1}"#),
    ("motion.received", r#"{"by":"Aigerim","federation":"ab","citation":{},"title":"Night buses","text":"Run them."}"#),
];

#[test]
fn every_kind_has_a_sentence_in_every_language() {
    let i18n = I18n::load().expect("every catalog parses");
    let mut missing = Vec::new();
    for kind in kinds() {
        for (lang, _, _) in CATALOGS {
            if !i18n.has(lang, &key(kind)) {
                missing.push(format!("{lang}: {}", key(kind)));
            }
        }
    }
    assert!(missing.is_empty(), "sentences missing: {missing:?}");
}

#[test]
fn every_sentence_formats_with_the_arguments_of_its_payload() {
    let i18n = I18n::load().unwrap();
    let sampled: BTreeSet<&str> = PAYLOADS.iter().map(|(kind, _)| *kind).collect();
    let all: BTreeSet<&str> = kinds().into_iter().collect();
    assert_eq!(sampled, all, "every kind has a sample payload, and only kinds do");
    for (kind, payload) in PAYLOADS {
        let fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(payload).unwrap();
        // The arguments the record page gives: plain values by their field's name, nested values left out.
        let args: Vec<(&str, String)> = fields
            .iter()
            .filter_map(|(name, value)| match value {
                serde_json::Value::String(text) => Some((name.as_str(), text.clone())),
                serde_json::Value::Number(number) => Some((name.as_str(), number.to_string())),
                serde_json::Value::Bool(flag) => Some((name.as_str(), flag.to_string())),
                _ => None,
            })
            .collect();
        for (lang, _, _) in CATALOGS {
            let text = i18n.tr_args(lang, &key(kind), &args);
            assert!(!text.contains('{') && !text.contains('}') && !text.contains("ev-"), "{lang} {kind}: {text}");
            assert!(text.chars().any(char::is_whitespace), "{lang} {kind}: {text}");
            // Codes a select words, never shown as they are.
            for code in ["roll_call", "point_of_order"] {
                assert!(!text.contains(code), "{lang} {kind} shows the code {code}: {text}");
            }
        }
    }
    let errors = i18n.missing();
    assert!(errors.is_empty(), "sentences that did not format: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_record_reads_as_sentences_in_every_language() {
    let server = Server::start().await;
    let demo = demo(&server).await;
    let aigerim = sign_in(&server, "aigerim").await;
    let record = format!("/c/{}/record", demo.council.to_hex());
    let mut shown_kinds = BTreeSet::new();
    for (lang, _, _) in CATALOGS {
        let switched = aigerim.post("/lang", &[("lang", lang), ("back", "/")]).await;
        assert_eq!(switched.status, 303, "switching to {lang}");
        // Every page of the record, newest first.
        let mut next = Some(record.clone());
        let mut sentences = 0;
        while let Some(path) = next.take() {
            let page = aigerim.get(&path).await;
            assert_eq!(page.status, 200, "{path} in {lang}");
            assert!(page.body.contains(&format!("<html lang=\"{lang}\"")), "{path} not in {lang}");
            for chunk in page.body.split("<p class=\"sentence\">").skip(1) {
                let sentence = &chunk[..chunk.find("</p>").expect("the sentence ends")];
                assert!(!sentence.trim().is_empty(), "an empty sentence in {lang}");
                assert!(!is_raw_kind(sentence), "{lang}: a raw kind on the record page: {sentence}");
                assert!(!sentence.contains('{') && !sentence.contains("ev-"), "{lang}: {sentence}");
                sentences += 1;
            }
            for chunk in page.body.split("<summary>").skip(1) {
                if let Some(code) = chunk.split("<code>").nth(1).and_then(|c| c.split("</code>").next()) {
                    shown_kinds.insert(code.to_owned());
                }
            }
            let older = format!("{record}?before=");
            next = page
                .body
                .match_indices(&older)
                .map(|(at, _)| &page.body[at..])
                .filter_map(|rest| rest.split('"').next())
                .map(|href| href.replace("&amp;", "&"))
                .find(|href| {
                    let before: u64 = href.rsplit('=').next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
                    let current: u64 = path.rsplit('=').next().and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
                    before < current
                });
        }
        assert!(sentences > 20, "only {sentences} sentences in {lang}");
    }
    let all: BTreeSet<String> = kinds().iter().map(|k| (*k).to_owned()).collect();
    assert!(shown_kinds.is_subset(&all), "unknown kinds shown: {:?}", shown_kinds.difference(&all));
    assert!(shown_kinds.len() >= 20, "the demo shows only {} kinds: {shown_kinds:?}", shown_kinds.len());
    let missing = server.state.i18n().missing();
    assert!(missing.is_empty(), "messages missing or failing while rendering the record: {missing:?}");
}
