//! Every catalog has every key, and every page renders in every language without a missing message.

use std::collections::BTreeSet;

use kenes_web::i18n::CATALOGS;

use kenes_testkit::web::{Server, admin_with_council};

fn keys(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_owned()))
        .collect()
}

#[test]
fn every_catalog_has_exactly_the_english_keys() {
    let english = keys(CATALOGS[0].2);
    assert!(english.len() > 100, "the English catalog has {} keys", english.len());
    for (code, _, source) in &CATALOGS[1..] {
        let theirs = keys(source);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{code}.ftl: missing {missing:?}, extra {extra:?}");
    }
    kenes_web::I18n::load().expect("every catalog parses");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_renders_in_every_language_without_missing_messages() {
    let server = Server::start().await;
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    let invitation =
        admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "member")]).await.shown_link();
    let pages = [
        "/".to_owned(),
        "/councils/new".to_owned(),
        "/account".to_owned(),
        council.clone(),
        format!("{council}/record"),
        format!("{council}/members/1"),
        invitation,
        "/no/such/page".to_owned(),
    ];
    for (code, _, _) in CATALOGS {
        let anonymous = server.browser(code);
        let signin = anonymous.get("/signin").await;
        assert!(signin.body.contains(&format!("lang=\"{code}\"")), "sign-in page not in {code}");
        let browser = admin.client.clone();
        for path in &pages {
            let response = browser.get(server.url(path)).header("accept-language", *code).send().await.unwrap();
            let body = response.text().await.unwrap();
            assert!(body.contains(&format!("<html lang=\"{code}\"")), "{path} not rendered in {code}");
        }
    }
    // The language switcher's choice beats Accept-Language.
    let chooser = server.browser("en");
    let response = chooser.post("/lang", &[("lang", "ko")]).await;
    assert_eq!(response.status, 303);
    assert!(chooser.get("/signin").await.body.contains("<html lang=\"ko\""));
    let missing = server.state.i18n().missing();
    assert!(missing.is_empty(), "messages missing while rendering: {missing:?}");
}

/// A message with a count: the key, the variable holding the count, the other arguments, and how English (`one`,
/// `other`) and Russian (`one`, `few`, `many`) must read around the count, `#` standing for the number. Russian text
/// that says the count after a label ("членов: #") reads the same for every form.
type Counted =
    (&'static str, &'static str, &'static [(&'static str, &'static str)], [&'static str; 2], [&'static str; 3]);

const COUNTED: &[Counted] = &[
    ("signin-throttled", "minutes", &[], ["# minute.", "# minutes."], ["# мин."; 3]),
    ("council-member-total", "count", &[], ["# member", "# members"], ["# член", "# члена", "# членов"]),
    ("import-done", "count", &[], ["# member imported", "# members imported"], ["# член.", "# члена.", "# членов."]),
    ("import-refused", "count", &[], ["# row was", "# rows were"], ["# строка ", "# строки ", "# строк "]),
    (
        "error-too-long",
        "max",
        &[("what", "display-name")],
        ["# character.", "# characters."],
        ["# символа", "# символов", "# символов"],
    ),
    (
        "error-too-long",
        "max",
        &[("what", "text")],
        ["# character.", "# characters."],
        ["# символа", "# символов", "# символов"],
    ),
    (
        "error-out-of-range",
        "max",
        &[("what", "seconders")],
        ["# seconder may", "# seconders may"],
        ["# поддержавшего", "# поддержавших", "# поддержавших"],
    ),
    ("error-out-of-range", "max", &[("what", "speaking-time")], ["# second.", "# seconds."], ["# с."; 3]),
    ("roll-field-count", "found", &[("expected", "3")], ["has # field ", "has # fields "], ["полей: #"; 3]),
    ("mn-present-count", "count", &[], ["# member checked", "# members checked"], ["членов: #"; 3]),
    ("mt-needed", "needed", &[("basis", "30")], ["# yes vote was", "# yes votes were"], ["«за»: #"; 3]),
    ("refused-too-deep", "depth", &[], ["# level deep", "# levels deep"], ["# уровня", "# уровней", "# уровней"]),
    ("refused-not-seconded", "needed", &[("have", "0")], ["# seconder and", "# seconders and"], ["поддержавших: #"; 3]),
    ("refused-line-range", "lines", &[], ["# line.", "# lines."], ["строк: #"; 3]),
    (
        "refused-too-many-counted",
        "present",
        &[("counted", "30")],
        ["# member present", "# members present"],
        ["(#)"; 3],
    ),
    ("mt-method-seats", "seats", &[("method", "STV")], ["# seat", "# seats"], ["мест: #"; 3]),
    ("mt-ballots-counted", "marked", &[("empty", "0")], ["# marked"; 2], ["заполненных #"; 3]),
    ("mt-ballots-counted", "empty", &[("marked", "3")], ["# empty"; 2], ["пустых #"; 3]),
    (
        "error-count",
        "max",
        &[("what", "marks"), ("min", "0"), ("got", "3")],
        ["most # option ", "most # options "],
        ["# варианта", "# вариантов", "# вариантов"],
    ),
    (
        "error-count",
        "got",
        &[("what", "options"), ("min", "0"), ("max", "30")],
        ["there is #", "there are #"],
        ["сейчас #"; 3],
    ),
    (
        "el-threshold-of",
        "n",
        &[("k", "0")],
        ["# trustee is", "# trustees are"],
        ["# хранителя", "# хранителей", "# хранителей"],
    ),
    (
        "el-threshold-of",
        "k",
        &[("n", "30")],
        ["# of the 30 trustees is", "# of the 30 trustees are"],
        ["нужен #", "нужны #", "нужны #"],
    ),
    (
        "el-ballots-counted",
        "counted",
        &[("cast", "30"), ("voters", "40")],
        ["# ballot counts", "# ballots count"],
        ["бюллетеней: #"; 3],
    ),
    ("el-ballots-counted", "cast", &[("counted", "0"), ("voters", "40")], ["(# cast,"; 2], ["подано #"; 3]),
    (
        "el-ballots-counted",
        "voters",
        &[("counted", "0"), ("cast", "0")],
        ["# voter.", "# voters."],
        ["# избирателя", "# избирателей", "# избирателей"],
    ),
    (
        "el-error-credential-count",
        "count",
        &[("voters", "40")],
        ["# public credential was", "# public credentials were"],
        ["кодов: #"; 3],
    ),
    ("el-error-credential-count", "voters", &[("count", "0")], ["# voter.", "# voters."], ["избирателей: #"; 3]),
];

/// The counts rendered, and the plural form each takes in English and in Russian (CLDR: 21 is `one` in Russian).
const COUNTS: [(i64, usize, usize); 4] = [(1, 0, 0), (2, 1, 1), (5, 1, 2), (21, 1, 0)];

/// `text` with `number` replaced by `with` where it stands alone (not inside a longer number such as 30).
fn blank(text: &str, number: &str, with: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(number) {
        let before = rest[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit());
        let after = rest[at + number.len()..].chars().next().is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        out.push_str(if before || after { number } else { with });
        rest = &rest[at + number.len()..];
    }
    out.push_str(rest);
    out
}

/// Renders `row` in `lang` with every count and returns what is wrong with it.
fn check(i18n: &kenes_web::I18n, lang: &'static str, row: &Counted) -> Vec<String> {
    let (key, variable, others, english, russian) = row;
    let mut wrong = Vec::new();
    let mut shapes = Vec::new();
    for (count, english_form, russian_form) in COUNTS {
        let mut args: Vec<(&str, String)> = others.iter().map(|(name, value)| (*name, (*value).to_owned())).collect();
        args.push((variable, count.to_string()));
        let text = i18n.tr_args(lang, key, &args);
        let number = count.to_string();
        if !text.contains(&number) {
            wrong.push(format!("{lang} {key} with {variable} = {count} does not show the count: {text:?}"));
        }
        // The text with the count blanked out: counts of the same plural form must read alike.
        shapes.push(text.replace(&number, "#"));
        let forms: &[&str] = match lang {
            "en" => &english[..],
            "ru" => &russian[..],
            _ => continue,
        };
        let expected = forms[if lang == "en" { english_form } else { russian_form }].replace('#', &number);
        if !text.contains(&expected) {
            wrong.push(format!("{lang} {key} with {variable} = {count}: expected {expected:?} in {text:?}"));
        }
        for form in forms.iter().map(|form| form.replace('#', &number)) {
            if form != expected && !expected.contains(&form) && text.contains(&form) {
                wrong.push(format!("{lang} {key} with {variable} = {count}: the wrong form {form:?} in {text:?}"));
            }
        }
    }
    // Same plural form, same words: 2, 5 and 21 are all `other` except in Russian (and Korean has only `other`).
    let alike: &[&[usize]] = match lang {
        "ru" => &[&[0, 3]],
        "ko" => &[&[0, 1, 2, 3]],
        _ => &[&[1, 2, 3]],
    };
    for group in alike {
        if group.iter().any(|&i| shapes[i] != shapes[group[0]]) {
            let texts: Vec<_> = group.iter().map(|&i| &shapes[i]).collect();
            wrong.push(format!("{lang} {key} by {variable}: the same plural form reads differently: {texts:?}"));
        }
    }
    wrong
}

/// Zero takes the plural: "0 members", "0 membros" (European Portuguese, whose catalog says so with `[0]` variants,
/// since Fluent's "pt" rules are Brazil's, where 0 is `one`), "0 членов" (like 5 in Russian).
#[test]
fn zero_reads_as_a_plural_in_every_language() {
    let i18n = kenes_web::I18n::load().expect("every catalog parses");
    let mut wrong = Vec::new();
    for (lang, _, _) in CATALOGS {
        let like = if *lang == "ru" { "5" } else { "2" };
        for (key, variable, others, _, _) in COUNTED {
            let render = |count: &str| {
                let mut args: Vec<(&str, String)> = others.iter().map(|(n, v)| (*n, (*v).to_owned())).collect();
                args.push((variable, count.to_owned()));
                i18n.tr_args(lang, key, &args)
            };
            let expected = blank(&render(like), like, "0");
            let zero = render("0");
            if zero != expected {
                wrong.push(format!("{lang} {key} with {variable} = 0: {zero:?}, expected {expected:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{} problems:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn counts_agree_with_their_nouns_in_every_language() {
    let i18n = kenes_web::I18n::load().expect("every catalog parses");
    let wrong: Vec<String> =
        CATALOGS.iter().flat_map(|(lang, _, _)| COUNTED.iter().flat_map(|row| check(&i18n, lang, row))).collect();
    assert!(wrong.is_empty(), "{} problems:\n{}", wrong.len(), wrong.join("\n"));
    let errors = i18n.missing();
    assert!(errors.is_empty(), "Fluent errors or missing messages: {errors:?}");
}
