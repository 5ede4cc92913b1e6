//! `kenes demo` and `kenes minutes`: the demo's meeting travels as a bundle, verifies, and its minutes regenerated
//! from the bundle (as on another machine) are byte for byte the minutes the server shows.

use kenes_testkit::program::belenios_tool;
use kenes_testkit::store::open_node;

use crate::kenes;

#[test]
fn the_demo_meeting_travels_as_a_bundle_and_its_minutes_regenerate_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let data_s = data.display().to_string();
    let (ok, out, err) = kenes().run(&["demo", "--data", &data_s, "--no-serve"]);
    assert!(ok, "{err}");
    assert!(out.contains("bolat") && out.contains("/a/2"), "{out}");
    // A second demo into the same directory is refused and changes nothing.
    let (ok, _, err) = kenes().run(&["demo", "--data", &data_s, "--no-serve"]);
    assert!(!ok && err.contains("already holds a council"), "{err}");

    // The demo's secret election: listed, exported from the data directory, verified by kenes and belenios-tool.
    let (ok, elections, err) = kenes().run(&["election", "list", "--data", &data_s]);
    assert!(ok, "{err}");
    assert!(elections.contains("tallied") && elections.contains("9 ballots"), "{elections}");
    let uuid = elections.split_whitespace().next().unwrap().to_owned();
    let exported = dir.path().join("election");
    std::fs::create_dir(&exported).unwrap();
    let archive = exported.join(format!("{uuid}.bel")).display().to_string();
    let (ok, _, err) = kenes().run(&["election", "export", "--data", &data_s, &uuid, "-o", &archive]);
    assert!(ok, "{err}");
    let (ok, out, err) = kenes().run(&["verify", &archive]);
    assert!(ok, "kenes verify: {out}{err}");
    let (ok, _, err) = belenios_tool().in_dir(&exported).run(&["election", "verify"]);
    assert!(ok, "belenios-tool: {err}");
    let (ok, _, err) = kenes().run(&["election", "export", "--data", &data_s, "NoSuchElection", "-o", &archive]);
    assert!(!ok && err.contains("no election NoSuchElection"), "{err}");

    let (ok, list, err) = kenes().run(&["council", "list", "--data", &data_s]);
    assert!(ok, "{err}");
    let council = list.split_whitespace().next().unwrap().to_owned();
    let bundle = dir.path().join("tulpar.kbundle").display().to_string();
    let (ok, _, err) = kenes().run(&["bundle", "export", "--data", &data_s, &council, "-o", &bundle]);
    assert!(ok, "{err}");
    let (ok, verified, err) = kenes().run(&["verify", &bundle, "--json"]);
    assert!(ok, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&verified).unwrap();
    assert_eq!(summary["kinds"]["vote.cast"], 17, "{summary}");

    // What the node shows (the same function the minutes page calls) against what the bundle regenerates.
    let node = open_node(&data, 0);
    let id = kenes_record::EventHash::from_hex(&council).unwrap();
    let i18n = kenes_web::I18n::load().unwrap();
    for (assembly, lang) in [(1, "en"), (2, "kk"), (2, "ru")] {
        let served =
            node.read(id, |c| kenes_web::minutes::minutes_html(&i18n, lang, c, c.assembly(assembly).unwrap())).unwrap();
        let file = dir.path().join(format!("minutes-{assembly}-{lang}.html"));
        let file_s = file.display().to_string();
        let number = assembly.to_string();
        let (ok, _, err) = kenes().run(&["minutes", &bundle, "--assembly", &number, "--lang", lang, "-o", &file_s]);
        assert!(ok, "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), served, "minutes of meeting {assembly} in {lang}");
    }
    // The same minutes as PDF, in a Latin, a Cyrillic and a Hangul language: the text reads back with pdftotext.
    for (assembly, lang, expected) in [
        (1, "en", &["Minutes: October general meeting", "Elected: Farida", "Fence the playground"][..]),
        (2, "kk", &["Хаттама", "Repair the street lights", "by the first of December,"]),
        (1, "ko", &["회의록", "선출: Farida", "Aigerim"]),
    ] {
        let file = dir.path().join(format!("minutes-{assembly}-{lang}.pdf"));
        let file_s = file.display().to_string();
        let number = assembly.to_string();
        let (ok, _, err) = kenes().run(&["minutes", &bundle, "--assembly", &number, "--lang", lang, "-o", &file_s]);
        assert!(ok, "{err}");
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "minutes {assembly} {lang} are a PDF");
        let text = std::process::Command::new("pdftotext").args(["-layout", &file_s, "-"]).output().unwrap();
        assert!(text.status.success(), "pdftotext reads {file_s}");
        let text = String::from_utf8_lossy(&text.stdout);
        for wanted in expected {
            assert!(text.contains(wanted), "the PDF minutes {assembly} in {lang} lack {wanted:?}:\n{text}");
        }
    }
    let (ok, _, err) = kenes().run(&["minutes", &bundle, "--assembly", "9"]);
    assert!(!ok && err.contains("there is no meeting 9"), "{err}");
    // A tampered bundle gives no minutes.
    let mut bytes = std::fs::read(&bundle).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&bundle, bytes).unwrap();
    let (ok, _, err) = kenes().run(&["minutes", &bundle, "--assembly", "2"]);
    assert!(!ok && err.contains("does not verify"), "{err}");
}
