//! The browser's election cryptography (`crates/kenes-web/src/election/*.js`) against the real verifiers: the Node
//! tests in `crates/kenes-web/tests/js/` make ballots, trustee keys and partial decryptions in JavaScript and check
//! them with this `kenes` binary and belenios-tool. They fail here when any of them fails.

use std::path::Path;
use std::process::Command;

#[test]
fn the_browser_cryptography_interoperates_with_kenes_and_belenios_tool() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new("node")
        .args(["--test", "--test-reporter=tap", "crates/kenes-web/tests/js/"])
        .current_dir(&root)
        .env("KENES_BIN", env!("CARGO_BIN_EXE_kenes"))
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => panic!("running node (Debian package nodejs; `cargo xtask test` installs it): {error}"),
    };
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the JavaScript tests failed:\n{report}");
    // A run that skipped everything (no binary, no belenios-tool) must not pass for a real one.
    assert!(!report.contains("# skipped") || report.contains("# skipped 0"), "tests were skipped:\n{report}");
    assert!(report.contains("# pass") && !report.contains("# pass 0"), "{report}");
}
