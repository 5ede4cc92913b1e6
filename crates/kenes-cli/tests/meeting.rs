//! `kenes demo` and `kenes minutes`: the demo's meeting travels as a bundle, verifies, and its minutes regenerated
//! from the bundle (as on another machine) are byte for byte the minutes the server shows.

use kenes_testkit::program::belenios_tool3;
use kenes_testkit::store::open_node;

use crate::kenes;

/// The neighbourhood council's id in `kenes council list` (the list is in id order; the demo holds six councils).
fn tulpar(list: &str) -> String {
    list.lines().find(|line| line.contains("Tulpar Street")).unwrap().split_whitespace().next().unwrap().to_owned()
}

#[test]
fn the_demo_meeting_travels_as_a_bundle_and_its_minutes_regenerate_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let data_s = data.display().to_string();
    let (ok, demo_out, err) = kenes().run(&["demo", "--data", &data_s, "--no-serve"]);
    assert!(ok, "{err}");
    assert!(demo_out.contains("bolat") && demo_out.contains("/a/2"), "{demo_out}");
    // A second demo into the same directory is refused and changes nothing.
    let (ok, _, err) = kenes().run(&["demo", "--data", &data_s, "--no-serve"]);
    assert!(!ok && err.contains("already holds a council"), "{err}");

    // The demo's secret election (on Ed25519, as new elections are): listed, exported from the data directory,
    // verified by kenes and belenios-tool 3.0.
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
    let (ok, _, err) = belenios_tool3().in_dir(&exported).run(&["election", "verify"]);
    assert!(ok, "belenios-tool: {err}");
    let (ok, _, err) = kenes().run(&["election", "export", "--data", &data_s, "NoSuchElection", "-o", &archive]);
    assert!(!ok && err.contains("no election NoSuchElection"), "{err}");

    let (ok, list, err) = kenes().run(&["council", "list", "--data", &data_s]);
    assert!(ok, "{err}");
    let council = tulpar(&list);
    // The demo's district federation: five member councils, each citation checked against their records here.
    assert_eq!(list.lines().count(), 6, "{list}");
    let district = list.lines().find(|l| l.contains("(federation, 6 members")).expect(&list);
    let district = district.split_whitespace().next().unwrap();
    assert!(demo_out.contains(&format!("/c/{district}/federation")), "{demo_out}");
    let (ok, checked, err) = kenes().run(&["council", "citations", "--data", &data_s, district]);
    assert!(ok, "{err}");
    assert!(checked.ends_with("11 checked, 0 unchecked, 0 wrong\n"), "{checked}");
    assert!(checked.contains("adopted: Night trams on route 4, Tram Depot No. 2"), "{checked}");
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

#[test]
fn a_bundle_carries_its_tallied_elections_archives_checked_against_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node").display().to_string();
    let (ok, _, err) = kenes().run(&["demo", "--data", &data, "--no-serve"]);
    assert!(ok, "{err}");
    let (_, list, _) = kenes().run(&["council", "list", "--data", &data]);
    let council = tulpar(&list);
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "a long passphrase for the stick\n").unwrap();
    let pass = pass.display().to_string();
    let bundle = dir.path().join("tulpar.kbundle.age");
    let bundle_s = bundle.display().to_string();
    let (ok, out, err) = kenes().run(&[
        "bundle",
        "export",
        "--data",
        &data,
        &council,
        "-o",
        &bundle_s,
        "--passphrase-file",
        &pass,
        "--archives",
    ]);
    assert!(ok, "{err}");
    let archive = dir.path().join("tulpar.e1.bel.age");
    assert!(out.contains("tulpar.e1.bel.age") && archive.exists(), "{out}");
    assert!(!std::fs::read(&archive).unwrap().windows(4).any(|w| w == b"uuid"), "the archive beside is encrypted");

    // `kenes verify` finds the archive beside the bundle, checks it against the record's hash, and verifies it.
    let (ok, out, err) = kenes().run(&["verify", &bundle_s, "--passphrase-file", &pass, "--json"]);
    assert!(ok, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["archives"][0]["election"], 1, "{summary}");
    assert_eq!(summary["archives"][0]["valid"], true, "{summary}");

    // A fresh node imports the record and the archive with it: the election is there to export and verify.
    let other = dir.path().join("other").display().to_string();
    let (ok, out, err) = kenes().run(&["bundle", "import", "--data", &other, &bundle_s, "--passphrase-file", &pass]);
    assert!(ok, "{err}");
    assert!(out.contains("the archive of election 1"), "{out}");
    let (ok, elections, err) = kenes().run(&["election", "list", "--data", &other]);
    assert!(ok && elections.contains("tallied"), "{elections}{err}");
    let uuid = elections.split_whitespace().next().unwrap().to_owned();
    let exported = dir.path().join("exported.bel").display().to_string();
    assert!(kenes().run(&["election", "export", "--data", &other, &uuid, "-o", &exported]).0);
    let (ok, out, err) = kenes().run(&["verify", &exported]);
    assert!(ok, "{out}{err}");

    // Another archive put in its place (any other valid file) is named, refused by verify and by import, and a node
    // that imports the bundle keeps no archive.
    let plain = dir.path().join("plain.kbundle");
    let plain_s = plain.display().to_string();
    assert!(kenes().run(&["bundle", "export", "--data", &data, &council, "-o", &plain_s]).0);
    let wrong = dir.path().join("plain.e1.bel");
    let mut bytes = std::fs::read(&exported).unwrap();
    bytes.extend_from_slice(b"\n");
    std::fs::write(&wrong, &bytes).unwrap();
    let (ok, _, err) = kenes().run(&["verify", &plain_s]);
    assert!(!ok && err.contains("plain.e1.bel is not the archive of election 1 that the record names"), "{err}");
    let third = dir.path().join("third").display().to_string();
    let (ok, _, err) = kenes().run(&["bundle", "import", "--data", &third, &plain_s]);
    assert!(!ok && err.contains("is not the archive of election 1"), "{err}");
    let kept = dir.path().join("kept.bel").display().to_string();
    let (ok, _, err) = kenes().run(&["election", "export", "--data", &third, &uuid, "-o", &kept]);
    assert!(!ok, "no archive kept from a wrong file: {err}");
}
