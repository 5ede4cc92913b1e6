//! `kenes count` end to end: real files, every output format, methods and options, and errors.

use std::path::PathBuf;

use crate::kenes;

fn shared_data() -> PathBuf {
    let dir = std::env::var("KENES_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")));
    assert!(dir.is_dir(), "shared data directory {} is missing: set KENES_SHARED_DATA", dir.display());
    dir
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&kenes().ok(args)).expect("JSON output")
}

#[test]
fn count_calton_under_scottish_rules() {
    let file = shared_data().join("glasgow2007/Calton-2007.blt");
    let text = kenes().ok(&["count", "--method", "stv", "--rules", "scottish", "--seats", "3", file.to_str().unwrap()]);
    assert!(text.contains("Elected: George Redmond, Alison E Thewliss, Ruth Simpson"), "{text}");
    assert!(text.contains("Quota: 1300.00000"), "{text}");
    assert!(text.contains("Stage 2: surplus of George Redmond"), "{text}");
}

#[test]
fn json_has_elected_in_order_and_every_total_at_every_stage() {
    let file = shared_data().join("glasgow_2022_ward13_garscadden.blt");
    let value = json(&["count", "--json", file.to_str().unwrap()]);
    let elected: Vec<String> = serde_json::from_value(value["elected"].clone()).unwrap();
    assert_eq!(elected.len(), 4);
    assert!(elected[0].starts_with("Bill BUTLER"));
    let stages = value["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 6);
    for stage in stages {
        assert_eq!(stage["totals"].as_object().unwrap().len(), 8);
    }
    assert_eq!(stages[0]["totals"]["Eva Clark MURRAY \"Glasgow Labour\""], 940.0);
    assert_eq!(stages[5]["totals_exact"]["Eva Clark MURRAY \"Glasgow Labour\""], "1794.91427");
}

#[test]
fn csv_and_html_outputs() {
    let file = shared_data().join("glasgow2007/Calton-2007.blt");
    let csv = kenes().ok(&["count", "--csv", file.to_str().unwrap()]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("candidate,stage 1: first preferences"));
    assert!(csv.contains("George Redmond,1982.00000,1300.00000"), "{csv}");
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("calton.html");
    kenes().ok(&["count", "--html", html.to_str().unwrap(), file.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg") && page.contains("<polyline") && page.contains("<table>"));
    assert!(page.contains("George Redmond"));
}

#[test]
fn irv_minneapolis_with_rctab_options() {
    let file = shared_data().join("minneapolis2013/2013_minneapolis_mayor_cvr.xlsx");
    let value = json(&["count", "--method", "irv", "--rctab", "--json", file.to_str().unwrap()]);
    assert_eq!(value["elected"], serde_json::json!(["BETSY HODGES"]));
    assert_eq!(value["stages"].as_array().unwrap().len(), 33);
    // The same options spelled out flag by flag.
    let value = json(&[
        "count",
        "--method",
        "irv",
        "--overvote",
        "exhaust",
        "--max-skipped",
        "1",
        "--duplicates",
        "skip",
        "--batch-elimination",
        "--write-ins-first",
        "--tie",
        "lot",
        "--json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(value["stages"][32]["totals"]["BETSY HODGES"], 38852.0);
}

#[test]
fn other_methods_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let soc = dir.path().join("e.soc");
    std::fs::write(
        &soc,
        "# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n4: 1,2,3\n3: 2,3,1\n2: 3,2,1\n",
    )
    .unwrap();
    let soc = soc.to_str().unwrap();
    for (method, winner) in [
        ("schulze", "Bob"),
        ("ranked-pairs", "Bob"),
        ("copeland", "Bob"),
        ("borda", "Bob"),
        ("plurality", "Ann"),
        ("irv", "Bob"),
        ("approval", "Bob"),
    ] {
        let value = json(&["count", "--method", method, "--json", soc]);
        assert_eq!(value["elected"][0], winner, "{method}");
    }
    let belenios = dir.path().join("grades.json");
    std::fs::write(&belenios, "[[1,2,3],[1,3,2],[2,1,3]]").unwrap();
    let value = json(&["count", "--method", "mj", "--grades", "3", "--json", belenios.to_str().unwrap()]);
    assert_eq!(value["elected"], serde_json::json!(["Choice 1"]));
    let csv = dir.path().join("cvr.csv");
    std::fs::write(&csv, "rank1,rank2\nAnn,Bob\novervote,Bob\nBob,\n").unwrap();
    let value = json(&["count", "--method", "irv", "--overvote", "skip", "--json", csv.to_str().unwrap()]);
    assert_eq!(value["elected"], serde_json::json!(["Bob"]));
    let value =
        json(&["count", "--method", "schulze", "--default-option", "Cy", "--supermajority", "4:1", "--json", soc]);
    assert_eq!(value["elected"], serde_json::json!(["Cy"]));
}

#[test]
fn parse_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.blt");
    std::fs::write(&bad, "3 1\n1 1 2 9 0\n0\n").unwrap();
    let stderr = kenes().fails(&["count", bad.to_str().unwrap()]);
    assert!(stderr.contains("bad.blt:2: expected a candidate number from 1 to 3"), "{stderr}");
    let stderr = kenes().fails(&["count", dir.path().join("missing.blt").to_str().unwrap()]);
    assert!(stderr.contains("opening"));
}
