//! Installs what the tests and benchmarks need when it is missing, from Debian's packages and PyPI.
//!
//! Every test that talks to a real peer finds it through the environment set here:
//! `KENES_BELENIOS_TOOL`, `KENES_BELENIOS_TOOL3`, `KENES_CHROMIUM`, `KENES_CHROMEDRIVER`, `KENES_PYTHON`, `KENES_SHARED_DATA`.

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

/// belenios-tool 3.0 (Ed25519, the mixnet) from Debian trixie, with the libraries its binary needs from there.
const BELENIOS3_VERSION: &str = "3.0";
const BELENIOS3_PACKAGE: &str = "3.0+dfsg-2";
const BELENIOS3_LIBRARIES: &[&str] = &["libc6", "libgmp10", "libsodium23", "libssl3t64", "libev4t64", "zlib1g"];

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
    let belenios3 = ensure_belenios3(root)?;
    let shared = root.join("../shared/data");
    let mut vars = vec![
        ("KENES_BELENIOS_TOOL".to_owned(), "/usr/bin/belenios-tool".to_owned()),
        ("KENES_BELENIOS_TOOL3".to_owned(), belenios3.display().to_string()),
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

/// belenios-tool 3.0, the peer of Belenios 3 (Ed25519, the mixnet): Debian bookworm ships 2.0 only, so trixie's
/// packages are fetched with apt against a private sources list (apt checks them against Debian's signed Release
/// file, with the archive keyring the system already trusts), unpacked under `target/belenios3/` without touching the
/// system, and run through trixie's own dynamic loader. Returns the path of a wrapper script that does that.
pub fn ensure_belenios3(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/belenios3");
    let wrapper = dir.join("belenios-tool");
    let works = |path: &Path| {
        Command::new(path).arg("--version").output().is_ok_and(|out| {
            out.status.success() && String::from_utf8_lossy(&out.stdout).starts_with(BELENIOS3_VERSION)
        })
    };
    if works(&wrapper) {
        return Ok(wrapper);
    }
    if !Path::new("/usr/bin/apt-get").exists() {
        bail!("belenios-tool 3.0 is fetched with apt-get from Debian trixie; this system has no apt-get");
    }
    eprintln!(
        "xtask: fetching belenios-tool {BELENIOS3_VERSION} and its libraries from Debian trixie into {}",
        dir.display()
    );
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["lists/partial", "archives/partial", "debs", "root"] {
        std::fs::create_dir_all(dir.join(sub)).with_context(|| format!("creating {}", dir.join(sub).display()))?;
    }
    let sources = dir.join("sources.list");
    std::fs::write(
        &sources,
        "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n",
    )?;
    let options = [
        format!("-o=Dir::Etc::sourcelist={}", sources.display()),
        "-o=Dir::Etc::sourceparts=/nonexistent".to_owned(),
        format!("-o=Dir::State::Lists={}", dir.join("lists").display()),
        format!("-o=Dir::Cache::Archives={}", dir.join("archives").display()),
        "-o=Debug::NoLocking=1".to_owned(),
        "-o=APT::Sandbox::User=root".to_owned(),
        "-q".to_owned(),
    ];
    let apt = |args: &[&str], cwd: &Path| -> Result<()> {
        let mut command = Command::new("apt-get");
        command.args(&options).args(args).current_dir(cwd);
        run_command(&mut command).with_context(|| format!("apt-get {}", args.join(" ")))
    };
    apt(&["update"], &dir)?;
    let mut packages = vec![format!("belenios-tool={BELENIOS3_PACKAGE}")];
    packages.extend(BELENIOS3_LIBRARIES.iter().map(|p| (*p).to_owned()));
    let packages: Vec<&str> = packages.iter().map(String::as_str).collect();
    apt(&[&["download"][..], &packages].concat(), &dir.join("debs"))?;
    for entry in std::fs::read_dir(dir.join("debs"))? {
        let deb = entry?.path();
        let mut command = Command::new("dpkg-deb");
        command.arg("-x").arg(&deb).arg(dir.join("root"));
        run_command(&mut command).with_context(|| format!("unpacking {}", deb.display()))?;
    }
    let lib = dir.join("root/usr/lib/x86_64-linux-gnu");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\n# belenios-tool {BELENIOS3_VERSION} from Debian trixie, run with trixie's own loader and libraries.\nexec {lib}/ld-linux-x86-64.so.2 --library-path {lib} {bin} \"$@\"\n",
            lib = lib.display(),
            bin = dir.join("root/usr/bin/belenios-tool").display()
        ),
    )?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))?;
    if !works(&wrapper) {
        bail!("belenios-tool {BELENIOS3_VERSION} was unpacked in {} but does not run", dir.display());
    }
    Ok(wrapper)
}
