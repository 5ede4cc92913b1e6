//! What a cheap phone on a slow network gets: each main page's weight on the wire (the document and everything it
//! loads, as Chromium's resource timing reports it) and its first contentful paint, in Debian's headless Chromium
//! with DevTools' "Slow 4G" network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed four
//! times. `cargo xtask bench pages`; results in `KENES_BENCH_OUT/pages.csv` and `pages.json`.
//!
//! Budget (issue 13): the meeting page under 60 KB on the wire, first contentful paint under 1 s. Each page is
//! loaded `RUNS` times with a cold cache; the median is reported.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use serde_json::json;

use kenes_testkit::chromium::Chromium;
use kenes_testkit::web::{DEMO_PASSWORD, Server, demo};

const RUNS: usize = 5;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let chromium = Chromium::start().await;
    let driver = chromium.session(360, 800).await;
    let server = Server::start().await;
    let made = demo(&server).await;
    let council = format!("/c/{}", made.council.to_hex());
    // Signed in as a member, in this browser, through the sign-in form.
    driver.go(&server.url("/signin")).await;
    driver.type_into("#username", "dana").await;
    driver.type_into("#password", DEMO_PASSWORD).await;
    driver.script("document.querySelector('main form').submit(); return true;", json!([])).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    driver.devtools("Network.enable", json!({})).await;
    let slow_4g = json!({ "offline": false, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8 });
    driver.devtools("Network.emulateNetworkConditions", slow_4g).await;
    driver.devtools("Emulation.setCPUThrottlingRate", json!({ "rate": 4 })).await;
    let pages = [
        ("home", "/".to_owned()),
        ("council", council.clone()),
        ("meeting", format!("{council}/a/{}", made.assembly)),
        ("projector", format!("{council}/a/{}/projector", made.assembly)),
        ("minutes", format!("{council}/a/1/minutes")),
        ("record", format!("{council}/record")),
    ];
    let measure = "const nav = performance.getEntriesByType('navigation')[0]; \
        const resources = performance.getEntriesByType('resource'); \
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]; \
        return { bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0), \
                 html: nav.transferSize, resources: resources.length, fcp: fcp ? fcp.startTime : null };";
    let mut rows = Vec::new();
    println!("{:<10} {:>10} {:>10} {:>6} {:>9}", "page", "KB wire", "KB html", "files", "FCP ms");
    for (name, path) in &pages {
        let mut bytes = Vec::new();
        let mut html = Vec::new();
        let mut fcps = Vec::new();
        let mut files = 0.0;
        for _ in 0..RUNS {
            driver.devtools("Network.clearBrowserCache", json!({})).await;
            driver.go(&server.url(path)).await;
            // The paint entry is written just after load; give it a moment.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let found = driver.script(measure, json!([])).await;
            bytes.push(found["bytes"].as_f64().unwrap_or(f64::NAN) / 1024.0);
            html.push(found["html"].as_f64().unwrap_or(f64::NAN) / 1024.0);
            fcps.push(found["fcp"].as_f64().unwrap_or(f64::NAN));
            files = found["resources"].as_f64().unwrap_or(0.0);
        }
        let (bytes, html, fcp) = (median(bytes), median(html), median(fcps));
        println!("{name:<10} {bytes:>10.1} {html:>10.1} {files:>6} {fcp:>9.0}");
        rows.push(json!({ "page": name, "kb_on_wire": bytes, "kb_html": html, "files": files, "fcp_ms": fcp }));
    }
    let out = std::path::PathBuf::from(std::env::var("KENES_BENCH_OUT").unwrap_or_else(|_| "bench-results".to_owned()));
    std::fs::create_dir_all(&out).unwrap();
    let mut csv = String::from("page,kb_on_wire,kb_html,files,fcp_ms\n");
    for row in &rows {
        csv.push_str(&format!(
            "{},{:.1},{:.1},{},{:.0}\n",
            row["page"].as_str().unwrap_or_default(),
            row["kb_on_wire"].as_f64().unwrap_or(f64::NAN),
            row["kb_html"].as_f64().unwrap_or(f64::NAN),
            row["files"],
            row["fcp_ms"].as_f64().unwrap_or(f64::NAN)
        ));
    }
    std::fs::write(out.join("pages.csv"), csv).unwrap();
    std::fs::write(
        out.join("pages.json"),
        serde_json::to_string_pretty(&json!({ "runs": RUNS, "pages": rows })).unwrap(),
    )
    .unwrap();
    println!("pages: wrote {} and {}", out.join("pages.csv").display(), out.join("pages.json").display());
}
