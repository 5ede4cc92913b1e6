//! A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server binaries, `initdb` in a fresh
//! temporary directory, run as an unprivileged user (PostgreSQL refuses to run as root), listening on a free
//! port of 127.0.0.1 only, stopped and deleted when dropped.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// A running cluster. Every database in it belongs to the role `kenes`, which needs no password from 127.0.0.1.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    user: Option<String>,
    pub port: u16,
}

impl Cluster {
    /// Starts a cluster. `durable`: keep PostgreSQL's fsync (benchmarks of durable commits); the tests turn it off,
    /// which loses nothing when a kenes process is killed (only when the machine itself stops).
    pub fn start(durable: bool) -> Result<Cluster> {
        let bin = server_bin()?;
        // In the system's temporary directory, which the unprivileged user can reach (a clone's `target/` may sit
        // under a directory only root can enter).
        let dir = std::env::temp_dir().join(format!("kenes-pg-cluster-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        // As root, the cluster runs as the `postgres` user Debian's package made (or `nobody`), who must own it.
        let user = if is_root() { Some(unprivileged_user()) } else { None };
        if let Some(user) = &user {
            run(Command::new("chown").args([&format!("{user}:"), &dir.display().to_string()]))?;
        }
        let port = free_port()?;
        let mut cluster = Cluster { dir, bin, user, port };
        let data = cluster.dir.join("data");
        cluster.as_owner(
            "initdb",
            &["-D", &data.display().to_string(), "-U", "kenes", "--auth=trust", "-E", "UTF8", "--no-instructions"],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync={} \
             -c synchronous_commit=on",
            cluster.dir.display(),
            if durable { "on" } else { "off" },
        );
        let log = cluster.dir.join("log");
        cluster.as_owner(
            "pg_ctl",
            &["-D", &data.display().to_string(), "-o", &options, "-l", &log.display().to_string(), "-w", "start"],
        )?;
        cluster.port = port;
        Ok(cluster)
    }

    /// The URL of the cluster's `postgres` database, from which tests create their own.
    pub fn url(&self) -> String {
        format!("postgres://kenes@127.0.0.1:{}/postgres", self.port)
    }

    fn as_owner(&self, program: &str, args: &[&str]) -> Result<()> {
        let program = self.bin.join(program);
        let mut command = match &self.user {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(&program);
                command
            }
            None => Command::new(&program),
        };
        command.args(args);
        run(&mut command)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data").display().to_string();
        let _ = self.as_owner("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command) -> Result<()> {
    let output = command.output().with_context(|| format!("starting {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// Debian's `/usr/lib/postgresql/<version>/bin`, the newest installed.
fn server_bin() -> Result<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .context("PostgreSQL's server is not installed (/usr/lib/postgresql)")?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).context("no initdb under /usr/lib/postgresql/*/bin")
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

fn unprivileged_user() -> String {
    let exists = |name: &str| Command::new("id").arg(name).output().map(|o| o.status.success()).unwrap_or(false);
    if exists("postgres") { "postgres".into() } else { "nobody".into() }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}
