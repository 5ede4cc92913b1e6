//! The programs tests run as a person would: the `kenes` binary and the real peers, belenios-tool 2.0 and 3.0.
//!
//! A program that is missing fails the test with a message saying how to install it: interoperability is never
//! skipped. Only the `kenes` binary's tests know where cargo built it (`CARGO_BIN_EXE_kenes`), so they name its path.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A program to run, in a working directory of the caller's choosing.
#[derive(Clone, Debug)]
pub struct Program {
    path: PathBuf,
    directory: Option<PathBuf>,
    environment: Vec<(String, String)>,
    /// Whether `--data DIR` stands for DIR's PostgreSQL database when the tests run on PostgreSQL.
    on_database: bool,
}

/// belenios-tool: `KENES_BELENIOS_TOOL`, else Debian's `/usr/bin/belenios-tool`.
pub fn belenios_tool_path() -> PathBuf {
    let path =
        PathBuf::from(std::env::var("KENES_BELENIOS_TOOL").unwrap_or_else(|_| "/usr/bin/belenios-tool".to_owned()));
    assert!(
        path.exists(),
        "belenios-tool is needed for the interoperability tests: install Debian's belenios-tool \
         (cargo xtask test does) or set KENES_BELENIOS_TOOL (looked for {})",
        path.display()
    );
    path
}

/// belenios-tool, reading its randomness from /dev/urandom (its default blocks on a machine short of entropy).
pub fn belenios_tool() -> Program {
    Program::new(belenios_tool_path()).env("BELENIOS_USE_URANDOM", "1")
}

/// belenios-tool 3.0 (Ed25519, the mixnet): `KENES_BELENIOS_TOOL3`, which `cargo xtask test` sets to the wrapper it
/// unpacks from Debian trixie into `target/belenios3/`; else that wrapper's usual place.
pub fn belenios_tool3() -> Program {
    let path = std::env::var("KENES_BELENIOS_TOOL3")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/belenios3/belenios-tool"));
    assert!(
        path.exists(),
        "belenios-tool 3.0 is needed for the Belenios 3 interoperability tests: cargo xtask test fetches it from \
         Debian trixie into target/belenios3/, or set KENES_BELENIOS_TOOL3 (looked for {})",
        path.display()
    );
    Program::new(path).env("BELENIOS_USE_URANDOM", "1")
}

impl Program {
    pub fn new(path: impl Into<PathBuf>) -> Program {
        Program { path: path.into(), directory: None, environment: Vec::new(), on_database: true }
    }

    /// The same program, whose `--data DIR` is always DIR's SQLite file, also in the PostgreSQL pass (for tests of
    /// moving a node between the two).
    pub fn on_disk(self) -> Program {
        Program { on_database: false, ..self }
    }

    /// The same program, run in `directory`.
    pub fn in_dir(&self, directory: &Path) -> Program {
        Program { directory: Some(directory.to_owned()), ..self.clone() }
    }

    /// The same program with one more environment variable set.
    pub fn env(mut self, name: &str, value: &str) -> Program {
        self.environment.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs it to the end on `input`: whether it succeeded, its standard output, its standard error.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> (bool, String, String) {
        let mut command = Command::new(&self.path);
        command.args(args);
        // In the PostgreSQL pass, `--data DIR` stands for DIR's own database (made on first use, as the store's and
        // the web's tests do), given as `KENES_DATABASE`; an environment the test sets itself comes after and wins.
        #[cfg(feature = "store")]
        if self.on_database {
            let data = args.iter().position(|a| *a == "--data").and_then(|i| args.get(i + 1));
            if let Some(url) = data.and_then(|dir| crate::store::database_for(Path::new(dir))) {
                command.env("KENES_DATABASE", url);
            }
        }
        command.envs(self.environment.iter().map(|(name, value)| (name, value)));
        if let Some(directory) = &self.directory {
            command.current_dir(directory);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("starting {}: {error}", self.path.display()));
        // A program that exits without reading its input closes the pipe: what it did is judged by its exit status.
        let _ = child.stdin.take().expect("a piped stdin").write_all(input.as_bytes());
        let output =
            child.wait_with_output().unwrap_or_else(|error| panic!("running {}: {error}", self.path.display()));
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// Runs it to the end with empty input: whether it succeeded, its standard output, its standard error.
    pub fn run(&self, args: &[&str]) -> (bool, String, String) {
        self.run_with_input(args, "")
    }

    /// Its standard output; the test fails, with what it wrote, unless it succeeds.
    pub fn ok_with_input(&self, args: &[&str], input: &str) -> String {
        let (success, stdout, stderr) = self.run_with_input(args, input);
        assert!(success, "{} {args:?} failed:\nstdout: {stdout}\nstderr: {stderr}", self.path.display());
        stdout
    }

    /// Its standard output; the test fails, with what it wrote, unless it succeeds.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with_input(args, "")
    }

    /// Its standard error; the test fails unless it fails.
    pub fn fails(&self, args: &[&str]) -> String {
        let (success, stdout, stderr) = self.run(args);
        assert!(!success, "{} {args:?} should have failed:\nstdout: {stdout}", self.path.display());
        stderr
    }
}
