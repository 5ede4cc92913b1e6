//! `cargo xtask lint-js`: ESLint over the browser scripts (`crates/kenes-web/src`) and their Node tests
//! (`crates/kenes-web/tests/js`), with the rules of `xtask/js/eslint.config.js`.
//!
//! ESLint comes from `xtask/js/package-lock.json`, which pins every package with its integrity hash. `npm ci` installs
//! it into `xtask/js/node_modules` (ignored by git) when that folder is missing or the manifest or lockfile changed
//! since the last install; the folder sits beside the config because the config imports its packages from there.
//! ESLint is run from that folder, never fetched by `npx`, so a failed install cannot fall back to another version.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{run_command, setup};

/// The folders linted, relative to the project root: every `.js` and `.mjs` file under them.
const LINTED: &[&str] = &["crates/kenes-web/src", "crates/kenes-web/tests/js"];

/// The copy of `package.json` and `package-lock.json` that the last `npm ci` installed, inside `node_modules`.
const STAMP: &str = "node_modules/.kenes-installed-from";

pub fn run(root: &Path) -> Result<()> {
    let dir = root.join("xtask/js");
    setup::ensure_node()?;
    install(&dir)?;
    let eslint = dir.join("node_modules/.bin/eslint");
    let config = dir.join("eslint.config.js");
    eprintln!("xtask: linting the JavaScript in {}", LINTED.join(" and "));
    // From the root, so that the config's `files` patterns and the reported paths are relative to it.
    let status = Command::new(&eslint)
        .arg("--config")
        .arg(&config)
        .args(["--max-warnings", "0"])
        .args(LINTED)
        .current_dir(root)
        .status()
        .with_context(|| format!("starting {}", eslint.display()))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(1) => bail!(
            "the JavaScript lint failed: fix the problems ESLint lists above (the rules are in xtask/js/eslint.config.js), \
             then run `cargo xtask lint-js` again"
        ),
        _ => bail!("ESLint itself failed ({status}) before it could lint anything: see its message above"),
    }
}

/// Runs `npm ci` unless `node_modules` was installed from the current manifest and lockfile.
fn install(dir: &Path) -> Result<()> {
    let read = |name: &str| std::fs::read(dir.join(name)).with_context(|| format!("reading xtask/js/{name}"));
    let mut wanted = read("package.json")?;
    wanted.extend(read("package-lock.json")?);
    let stamp = dir.join(STAMP);
    let installed = std::fs::read(&stamp).ok();
    if installed.as_deref() == Some(wanted.as_slice()) && dir.join("node_modules/.bin/eslint").exists() {
        return Ok(());
    }
    eprintln!("xtask: installing ESLint in xtask/js/node_modules from package-lock.json (npm ci)");
    run_command(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir)).context(
        "installing ESLint with `npm ci` in xtask/js (it needs the npm registry, and package.json and \
         package-lock.json to agree: after changing package.json, run `npm install` there and commit the lockfile)",
    )?;
    std::fs::write(&stamp, wanted).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(())
}
