//! Installs what the tests and benchmarks need when it is missing, from Debian's packages and PyPI.
//!
//! Every test that talks to a real peer finds it through the environment set here:
//! `KENES_BELENIOS_TOOL`, `KENES_CHROMIUM`, `KENES_CHROMEDRIVER`, `KENES_PYTHON`, `KENES_SHARED_DATA`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::run_command;

/// Debian packages the test suite uses: the Belenios peer, the browser and its driver, Node.js for the browser
/// cryptography's tests, PDF tools, the age tool (encrypted bundles' peer), PostgreSQL, and what building and serving
/// need.
const DEBIAN_PACKAGES: &[&str] = &[
    "belenios-tool",
    "chromium",
    "chromium-driver",
    "nodejs",
    "poppler-utils",
    "zbar-tools",
    "age",
    "postgresql",
    "m4",
    "fonts-dejavu-core",
    "fonts-nanum",
];

/// Debian packages that building and serving kenes need beyond Rust and a C compiler: m4 for GMP (through `rug`),
/// and the fonts of the PDF minutes (DejaVu for Latin and Cyrillic, Nanum for Hangul).
const BUILD_PACKAGES: &[&str] = &["m4", "fonts-dejavu-core", "fonts-nanum"];

/// Python counting libraries the counting cross-checks compare against.
const PYTHON_PACKAGES: &[&str] = &["pyrankvote==2.0.6", "pref_voting==1.18.2", "votelib==0.4.0"];

/// npm packages the browser tests use: axe-core, the accessibility rules engine the meeting test runs in Chromium.
const NODE_PACKAGES: &[&str] = &["axe-core@4.14.1"];

/// What the tests get to see, as environment variables.
pub struct TestEnv {
    vars: Vec<(String, String)>,
}

impl TestEnv {
    pub fn apply(&self, command: &mut Command) {
        for (key, value) in &self.vars {
            command.env(key, value);
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.vars.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

pub fn ensure_all(root: &Path) -> Result<TestEnv> {
    ensure_debian_packages()?;
    let python = ensure_python(root)?;
    let axe = ensure_node_packages(root)?;
    let shared = root.join("../shared/data");
    let mut vars = vec![
        ("KENES_BELENIOS_TOOL".to_owned(), "/usr/bin/belenios-tool".to_owned()),
        ("KENES_CHROMIUM".to_owned(), "/usr/bin/chromium".to_owned()),
        ("KENES_CHROMEDRIVER".to_owned(), "/usr/bin/chromedriver".to_owned()),
        ("KENES_PYTHON".to_owned(), python.display().to_string()),
        ("KENES_AXE".to_owned(), axe.display().to_string()),
    ];
    if shared.is_dir() {
        let shared = shared.canonicalize().context("resolving ../shared/data")?;
        vars.push(("KENES_SHARED_DATA".to_owned(), shared.display().to_string()));
    }
    Ok(TestEnv { vars })
}

fn package_installed(name: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", name])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

/// Installs what building kenes needs (for `cargo xtask serve` on a fresh machine).
pub fn ensure_build_prerequisites() -> Result<()> {
    install_missing(BUILD_PACKAGES)
}

fn ensure_debian_packages() -> Result<()> {
    install_missing(DEBIAN_PACKAGES)?;
    ensure_node()
}

/// Node.js and npm (the JavaScript tests and `cargo xtask lint-js`), each installed only if it does not run.
/// Debian packages npm apart from Node.js; a Node.js from elsewhere brings its own, which the package would clash with.
pub fn ensure_node() -> Result<()> {
    for (program, package) in [("node", "nodejs"), ("npm", "npm")] {
        if Command::new(program).arg("--version").output().is_err() {
            install_missing(&[package])?;
        }
    }
    Ok(())
}

fn install_missing(packages: &[&str]) -> Result<()> {
    if !Path::new("/usr/bin/dpkg-query").exists() {
        eprintln!("xtask: not a Debian system; make sure these are installed: {}", packages.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !package_installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages: {}", missing.join(" "));
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| -> Result<()> {
        let mut command = if is_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_command(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    apt(&install).context("installing Debian packages the tests need")?;
    Ok(())
}

/// The npm packages under `target/xtask-node` (fetched, never committed); returns axe-core's browser script.
fn ensure_node_packages(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/xtask-node");
    let axe = dir.join("node_modules/axe-core/axe.min.js");
    let stamp = dir.join("kenes-packages.txt");
    let wanted = NODE_PACKAGES.join("\n");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) && axe.exists() {
        return Ok(axe);
    }
    eprintln!("xtask: installing npm packages in {}", dir.display());
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut npm = Command::new("npm");
    npm.args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"]).arg(&dir).args(NODE_PACKAGES);
    run_command(&mut npm).context("installing npm packages (axe-core)")?;
    if !axe.exists() {
        bail!("{} does not exist after npm install", axe.display());
    }
    std::fs::write(&stamp, wanted).context("writing the npm packages stamp")?;
    Ok(axe)
}

/// A virtual environment under `target/xtask-python` with the Python counting libraries.
fn ensure_python(root: &Path) -> Result<PathBuf> {
    let venv = root.join("target/xtask-python");
    let python = venv.join("bin/python");
    let stamp = venv.join("kenes-packages.txt");
    let wanted = PYTHON_PACKAGES.join("\n");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) && python.exists() {
        return Ok(python);
    }
    eprintln!("xtask: preparing Python environment in {}", venv.display());
    run_command(Command::new("python3").args(["-m", "venv"]).arg(&venv))
        .context("creating the Python virtual environment")?;
    let mut pip = Command::new(&python);
    pip.args(["-m", "pip", "install", "-q", "--disable-pip-version-check"]).args(PYTHON_PACKAGES);
    run_command(&mut pip).context("installing the Python counting libraries")?;
    if !python.exists() {
        bail!("{} does not exist after creating the environment", python.display());
    }
    std::fs::write(&stamp, wanted).context("writing the Python environment stamp")?;
    Ok(python)
}
