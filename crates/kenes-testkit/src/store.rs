//! A node over a data directory, as `kenes serve` opens one; or, when `KENES_TEST_POSTGRES` names a PostgreSQL
//! server (`cargo xtask test` starts one and runs the store's, the web's and the command line's tests again on it), over a fresh
//! database of that server, named in the directory so that a restart finds it again.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use kenes_store::{Location, Node, Store};

/// The environment variable naming the PostgreSQL server the tests run on (the URL of a database whose user may
/// create databases).
pub const POSTGRES_ENV: &str = "KENES_TEST_POSTGRES";

/// Where a test keeps the node of data directory `directory`: the directory itself, or its own PostgreSQL database
/// when [`POSTGRES_ENV`] is set.
pub fn location(directory: &Path) -> Location {
    let Some(server) = std::env::var(POSTGRES_ENV).ok().filter(|url| !url.is_empty()) else {
        return Location::data_dir(directory);
    };
    let named = directory.join("test-database-url");
    if let Ok(url) = std::fs::read_to_string(&named) {
        return Location::Postgres(url);
    }
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
    );
    // The blocking client runs its own runtime: on a thread of its own, so that async tests may call this.
    let statement = format!("CREATE DATABASE {name}");
    let server_url = server.clone();
    std::thread::spawn(move || {
        let mut client =
            postgres::Client::connect(&server_url, postgres::NoTls).expect("connecting to the test server");
        client.batch_execute(&statement).expect("creating a test database");
    })
    .join()
    .expect("creating a test database");
    let base = server.rsplit_once('/').map(|(base, _)| base).unwrap_or(&server);
    let url = format!("{base}/{name}");
    std::fs::create_dir_all(directory).expect("creating the test directory");
    std::fs::write(&named, &url).expect("writing the test database's name");
    Location::Postgres(url)
}

/// In the PostgreSQL pass, the database a data directory stands for (made on first use, see [`location`]): what a
/// test gives `kenes` as `KENES_DATABASE` beside `--data DIR`. `None` on SQLite.
pub fn database_for(directory: &Path) -> Option<String> {
    std::env::var(POSTGRES_ENV).ok().filter(|url| !url.is_empty())?;
    match location(directory) {
        Location::Postgres(url) => Some(url),
        Location::Sqlite(_) => None,
    }
}

/// The PostgreSQL database a test's directory stands for, if it stands for one.
pub fn database_url(directory: &Path) -> Option<String> {
    std::fs::read_to_string(directory.join("test-database-url")).ok()
}

/// Runs SQL on a test's PostgreSQL database (on a thread of its own, as [`location`] does).
pub fn postgres_execute(url: &str, statement: &str) {
    let (url, statement) = (url.to_owned(), statement.to_owned());
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connecting to the test database");
        client.batch_execute(&statement).expect("running SQL on the test database");
    })
    .join()
    .expect("running SQL on the test database");
}

/// Copies the node data of directory `from` to directory `to`: the SQLite files, or every table of its PostgreSQL
/// database into a new one (the source's node may be running).
pub fn copy_data(from: &Path, to: &Path) {
    let Some(url) = database_url(from) else {
        for file in ["kenes.sqlite3", "kenes.sqlite3-wal"] {
            if from.join(file).exists() {
                std::fs::copy(from.join(file), to.join(file)).unwrap();
            }
        }
        return;
    };
    let (base, name) = url.rsplit_once('/').expect("a database URL");
    let copy = format!("{name}_copy");
    let target = format!("{base}/{copy}");
    postgres_execute(&format!("{base}/postgres"), &format!("CREATE DATABASE {copy}"));
    // The schema, made as a node makes it; then every table's rows, read while the source's node may be running.
    drop(Store::open(&Location::Postgres(target.clone())).expect("migrating the copy"));
    let (source, destination) = (url.clone(), target.clone());
    std::thread::spawn(move || {
        let mut from = postgres::Client::connect(&source, postgres::NoTls).expect("connecting to the source");
        let mut to = postgres::Client::connect(&destination, postgres::NoTls).expect("connecting to the copy");
        for table in [
            "events",
            "settings",
            "accounts",
            "memberships",
            "sessions",
            "tokens",
            "contacts",
            "election_archive",
            "election_setup",
            "election_voters",
        ] {
            let mut rows = Vec::new();
            std::io::Read::read_to_end(
                &mut from.copy_out(&format!("COPY {table} TO STDOUT (FORMAT binary)")).expect("reading a table"),
                &mut rows,
            )
            .expect("reading a table");
            let mut writer = to.copy_in(&format!("COPY {table} FROM STDIN (FORMAT binary)")).expect("writing a table");
            std::io::Write::write_all(&mut writer, &rows).expect("writing a table");
            writer.finish().expect("writing a table");
        }
        to.batch_execute("SELECT setval('accounts_id_seq', COALESCE((SELECT MAX(id) FROM accounts), 1))")
            .expect("setting the accounts' sequence");
    })
    .join()
    .expect("copying the test database");
    std::fs::write(to.join("test-database-url"), target).unwrap();
}

/// The node of data directory `directory` (see [`location`]); a new node there gets the key made from `secret`.
pub fn open_node(directory: &Path, secret: u8) -> Node {
    Node::open(Store::open(&location(directory)).unwrap(), || [secret; 32]).unwrap()
}
