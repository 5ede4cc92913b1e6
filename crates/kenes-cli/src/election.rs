//! `kenes election …`: the Belenios 2.0 roles on the command line, and verification of election archives.
//!
//! The roles mirror belenios-tool: the credential authority (`setup generate-credentials`), trustees
//! (`setup generate-trustee-key`, `decrypt`), the administrator (`setup make-election`, `tally`, `result`),
//! voters (`vote`) and auditors (`verify`, `verify-diff`). Files have belenios-tool's formats, so each role can be
//! played by either program. Randomness comes from the operating system.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use kenes_count::method::{Method, seed_from_hex};
use kenes_count::report;
use kenes_crypto::Refusal;
use kenes_crypto::archive::Archive;
use kenes_crypto::ballot_box::{BallotBox, CheckedBallot};
use kenes_crypto::credential::{SecretCredential, generate_token};
use kenes_crypto::ed25519::Ed25519Group;
use kenes_crypto::election::{ElectionGroup, sha256_hex};
use kenes_crypto::group::FfGroup;
use kenes_crypto::pedersen::{
    Form, PolynomialJson, TrusteeSeed, VinputJson, VoutputJson, check_certificates, threshold_key,
    threshold_parameters, vinputs,
};
use kenes_crypto::setup::{Voter, generate_credentials, make_election, parse_template, single_trustees_json};
use kenes_crypto::tally::{OwnedJson, partial_decrypt, partial_decryption_to_json, result_to_json_in};
use kenes_crypto::trustees::{CertContextJson, SignedMessageJson};
use kenes_crypto::trustees::{TrusteePublicKeyJson, TrusteeSecretKey};
use kenes_crypto::verify::{Progress, Summary, verify_archive_full, verify_archive_in};
use rand_core::OsRng;

#[derive(Debug, clap::Subcommand)]
pub enum ElectionCommand {
    /// Setup commands: tokens, credentials, trustee keys, the election and its archive.
    #[command(subcommand)]
    Setup(SetupCommand),
    /// Create a ballot from a secret credential and a choice, and (with --archive) cast it.
    Vote {
        /// The election archive (.bel); the ballot is verified and appended to it.
        #[arg(long)]
        archive: PathBuf,
        /// A file holding the secret credential (the last word of its first line is used).
        #[arg(long)]
        privcred: PathBuf,
        /// The choices as JSON, one array of 0/1 per question (blank indicator first when allowed),
        /// e.g. `[[1,0,1,0,0],[0,1,0]]`.
        #[arg(long)]
        ballot: String,
        /// Only print the ballot, do not append it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Create and cast many ballots at once (simulations, benchmarks): each line of --votes is
    /// `CREDENTIAL CHOICES_JSON`; ballots are made in parallel and appended in the file's order.
    VoteMany {
        #[arg(long)]
        archive: PathBuf,
        #[arg(long)]
        votes: PathBuf,
    },
    /// Verify a ballot made elsewhere (e.g. by belenios-tool) and append it to the archive.
    Cast {
        #[arg(long)]
        archive: PathBuf,
        /// The ballot JSON file.
        #[arg(long)]
        ballot_file: PathBuf,
    },
    /// Close the ballot box and append the encrypted tally (EndBallots, EncryptedTally).
    Tally {
        #[arg(long)]
        archive: PathBuf,
    },
    /// Append a trustee's partial decryption of the encrypted tally: made here from the trustee's key, or made
    /// elsewhere (belenios-tool `election decrypt`, the browser) and given with --partial; verified either way.
    Decrypt {
        #[arg(long)]
        archive: PathBuf,
        /// The trustee's private key file (belenios-tool's .privkey format), for a "Single" trustee.
        #[arg(long, required_unless_present_any = ["key", "partial"])]
        privkey: Option<PathBuf>,
        /// A threshold trustee's seed file (.key), with --dkey.
        #[arg(long, requires = "dkey", conflicts_with = "privkey")]
        key: Option<PathBuf>,
        /// A threshold trustee's encrypted decryption key (.dkey: the private_key of its voutput).
        #[arg(long)]
        dkey: Option<PathBuf>,
        /// A partial decryption made elsewhere: its `partial_decryption` JSON (trustee.js), or belenios-tool's
        /// `decrypt` output (that JSON and its owner line). Checked against the trustee's key before it is appended.
        #[arg(long, conflicts_with_all = ["privkey", "key", "dkey"])]
        partial: Option<PathBuf>,
        /// The trustee's number (1-based, in the order of the trustees structure).
        #[arg(long)]
        trustee_id: usize,
    },
    /// Shuffle the ranked (non-homomorphic) ballots as trustee N, with the proof that the shuffle hides who cast
    /// which ballot and changes none, and append it; or check and append a shuffle made elsewhere (--shuffle:
    /// belenios-tool `election shuffle`'s output, or a file from --output on another computer).
    Shuffle {
        #[arg(long)]
        archive: PathBuf,
        /// The trustee's number (1-based, in the order of the trustees structure).
        #[arg(long)]
        trustee_id: usize,
        /// A shuffle made elsewhere: its JSON, optionally followed by its owner line, as belenios-tool prints it.
        #[arg(long, conflicts_with = "output")]
        shuffle: Option<PathBuf>,
        /// Write the shuffle (and its owner line) to this file instead of appending it: for a trustee who shuffles
        /// on their own computer from a copy of the archive.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// End the shuffles (at least one is needed): trustees who have not shuffled are skipped, and the trustees
    /// decrypt the shuffled ballots next.
    EndShuffles {
        #[arg(long)]
        archive: PathBuf,
    },
    /// Combine the partial decryptions and append the result.
    Result {
        #[arg(long)]
        archive: PathBuf,
    },
    /// Verify an election archive (during voting or after the tally) and print a summary.
    Verify {
        /// The archive (.bel).
        archive: PathBuf,
        /// Also write each ranked question's count (JSON, CSV, HTML) in this directory.
        #[arg(long, value_name = "DIR")]
        report: Option<PathBuf>,
    },
    /// Check that NEW extends OLD (nothing removed), then verify NEW.
    VerifyDiff { old: PathBuf, new: PathBuf },
    /// List the elections a node's councils hold (uuid, council/number, status, ballots, title).
    List {
        /// The node's data directory.
        #[arg(long)]
        data: PathBuf,
    },
    /// Write an election's Belenios archive from a node's data directory, checked against the council's record.
    Export {
        /// The node's data directory.
        #[arg(long)]
        data: PathBuf,
        /// The election's uuid (see `kenes election list`).
        election: String,
        /// The file to write (UUID.bel is what belenios-tool expects).
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum SetupCommand {
    /// Print a fresh election identifier (14 Base58 characters).
    GenerateToken,
    /// Generate secret and public credentials (credential authority).
    GenerateCredentials {
        #[arg(long)]
        uuid: String,
        #[arg(long, default_value = "BELENIOS-2048")]
        group: String,
        /// Voters, one per line: `identity[,weight]` (belenios-tool also accepts `address,login,weight`).
        #[arg(long, conflicts_with = "count")]
        file: Option<PathBuf>,
        /// Anonymous voters instead of a file.
        #[arg(long)]
        count: Option<usize>,
        /// Output directory: writes private_creds.txt and public_creds.json.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// Generate a "Single" trustee key: writes ID.privkey and ID.pubkey in belenios-tool's formats.
    GenerateTrusteeKey {
        #[arg(long, default_value = "BELENIOS-2048")]
        group: String,
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// The threshold ("Pedersen") key ceremony, step by step as belenios-tool's generate-trustee-key-threshold:
    /// 1 (trustee) writes ID.key and ID.cert; 2 checks the certificates; 3 (trustee) prints its polynomial;
    /// 4 (administrator) writes ID.vinput; 5 (trustee) prints its voutput; 6 (administrator) prints the
    /// threshold parameters and writes ID.dkey. File names are belenios-tool's (ID = SHA-256 of the certificate's
    /// message), so trustees may use either program. With --threshold-context at step 1 the ceremony is Belenios
    /// 3's (belenios-tool 3.0's, and the only one on Ed25519); without it, Belenios 2.0's.
    Threshold {
        #[arg(long)]
        step: u8,
        #[arg(long, default_value = "BELENIOS-2048")]
        group: String,
        /// This trustee's place, the threshold and the number of trustees, `INDEX/THRESHOLD/SIZE` (step 1; Belenios
        /// 3's certificate context, as belenios-tool 3.0's option of the same name).
        #[arg(long)]
        threshold_context: Option<String>,
        /// All trustees' certificates, one JSON per line (steps 2–6).
        #[arg(long)]
        certs: Option<PathBuf>,
        /// This trustee's seed file (steps 3 and 5).
        #[arg(long)]
        key: Option<PathBuf>,
        /// How many trustees are needed to decrypt (step 3 of a Belenios 2.0 ceremony; in Belenios 3's, the
        /// certificates' contexts say it).
        #[arg(long)]
        threshold: Option<usize>,
        /// All polynomials, one JSON per line (steps 4 and 6).
        #[arg(long)]
        polynomials: Option<PathBuf>,
        /// This trustee's vinput (step 5).
        #[arg(long)]
        vinput: Option<PathBuf>,
        /// All voutputs, one JSON per line (step 6).
        #[arg(long)]
        voutputs: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// Write election.json and start the archive UUID.bel with the Setup event.
    MakeElection {
        #[arg(long)]
        uuid: String,
        #[arg(long, default_value = "BELENIOS-2048")]
        group: String,
        /// The election template (name, description, questions).
        #[arg(long)]
        template: PathBuf,
        /// Trustee public keys (.pubkey files), or a trustees.json with --trustees.
        #[arg(long = "pubkey")]
        pubkeys: Vec<PathBuf>,
        /// Threshold parameters (step 6 of the ceremony); the "Pedersen" item follows the --pubkey items.
        #[arg(long = "threshold")]
        threshold: Option<PathBuf>,
        /// A complete trustees structure (e.g. made by belenios-tool make-trustees).
        #[arg(long, conflicts_with_all = ["pubkeys", "threshold"])]
        trustees: Option<PathBuf>,
        /// The public credentials (public_creds.json).
        #[arg(long)]
        credentials: PathBuf,
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
}

/// Calls `f::<G>(args)` with `G` the group of the archive at `path`: Ed25519 (Belenios 3) or a finite field (2.0).
/// The archive is read once and handed to `f` (its first argument).
macro_rules! by_group {
    ($path:expr, $f:ident($($arg:expr),*)) => {{
        let loaded = load($path)?;
        if is_ed25519(&loaded)? {
            $f::<Ed25519Group>(loaded, $($arg),*)
        } else {
            $f::<FfGroup>(loaded, $($arg),*)
        }
    }};
}

/// Calls `$body` with `$group` bound to the group named `$name`: `Ed25519`, or a finite-field group.
macro_rules! with_group {
    ($name:expr, |$group:ident| $body:expr) => {
        if $name == kenes_crypto::ed25519::NAME {
            let $group = Ed25519Group::new();
            $body
        } else {
            let $group = FfGroup::named(&$name)?;
            $body
        }
    };
}

/// Whether the archive is of an Ed25519 election.
fn is_ed25519(archive: &Archive) -> Result<bool> {
    Ok(kenes_crypto::verify::archive_group(archive)? == kenes_crypto::ed25519::NAME)
}

pub fn run(command: ElectionCommand) -> Result<()> {
    match command {
        ElectionCommand::Setup(setup) => run_setup(setup),
        ElectionCommand::Vote { archive, privcred, ballot, dry_run } => {
            by_group!(&archive, vote(&archive, &privcred, &ballot, dry_run))
        }
        ElectionCommand::Cast { archive, ballot_file } => by_group!(&archive, cast(&archive, &ballot_file)),
        ElectionCommand::VoteMany { archive, votes } => by_group!(&archive, vote_many(&archive, &votes)),
        ElectionCommand::Tally { archive } => by_group!(&archive, tally(&archive)),
        ElectionCommand::Decrypt { archive, privkey, key, dkey, partial, trustee_id } => {
            let decryption = match (&privkey, &key, &dkey, &partial) {
                (Some(privkey), _, _, _) => Decryption::Single(privkey),
                (None, Some(seed), Some(dkey), _) => Decryption::Threshold { seed, dkey },
                (None, None, None, Some(partial)) => Decryption::Made(partial),
                _ => bail!("give --privkey, --key with --dkey, or --partial"),
            };
            by_group!(&archive, decrypt(&archive, decryption, trustee_id))
        }
        ElectionCommand::Shuffle { archive, trustee_id, shuffle, output } => {
            by_group!(&archive, shuffle_ballots(&archive, trustee_id, shuffle.as_deref(), output.as_deref()))
        }
        ElectionCommand::EndShuffles { archive } => by_group!(&archive, end_shuffles(&archive)),
        ElectionCommand::Result { archive } => by_group!(&archive, result(&archive)),
        ElectionCommand::Verify { archive, report } => verify_archive(&archive, report.as_deref()),
        ElectionCommand::VerifyDiff { old, new } => verify_diff(&old, &new),
        ElectionCommand::List { data } => list(&data),
        ElectionCommand::Export { data, election, output } => export(&data, &election, &output),
    }
}

/// Every election of every council on the node: `(council, election)` as the record tells it.
fn node_elections(
    node: &kenes_store::Node,
) -> Result<Vec<(kenes_record::EventHash, kenes_council::election::Election)>> {
    let mut all = Vec::new();
    for id in node.council_ids() {
        let elections = node.read(id, |c| c.elections().to_vec())?;
        all.extend(elections.into_iter().map(|e| (id, e)));
    }
    Ok(all)
}

fn list(data: &Path) -> Result<()> {
    let node = crate::serve::open_node(data)?;
    for (council, election) in node_elections(&node)? {
        println!(
            "{}  {}/{}  {}  {} ballots  {}",
            election.uuid,
            council,
            election.id,
            election.status.as_str(),
            election.ballots,
            election.title.as_str()
        );
    }
    Ok(())
}

/// Writes the archive as the node holds it, after checking that it verifies and, once the election is tallied, that
/// it is the one whose hash the council's record carries.
fn export(data: &Path, uuid: &str, output: &Path) -> Result<()> {
    let node = crate::serve::open_node(data)?;
    let (council, election) = node_elections(&node)?
        .into_iter()
        .find(|(_, e)| e.uuid == uuid)
        .ok_or_else(|| anyhow::anyhow!("no election {uuid} on this node (see `kenes election list --data DIR`)"))?;
    let bytes = node.store().backend().election_archive(council, election.id)?;
    if bytes.is_empty() {
        bail!("election {uuid} has no archive yet: it opens once its trustees have made their keys");
    }
    let hash = kenes_crypto::election::sha256_hex(&bytes);
    if let Some(recorded) = &election.final_archive_hash {
        if *recorded != hash {
            bail!("the archive of election {uuid} is not the one the council's record names ({hash} ≠ {recorded})");
        }
    }
    let archive = Archive::parse(&bytes)?;
    kenes_crypto::verify::verify_archive(&archive, &kenes_crypto::verify::Quiet)
        .with_context(|| format!("the archive of election {uuid} does not verify"))?;
    crate::record::write_durably(output, &bytes)?;
    eprintln!("kenes: wrote {} ({} bytes, SHA-256 {hash})", output.display(), bytes.len());
    Ok(())
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Writes a secret (a private key, credentials) readable by its owner alone: the file is created with mode 0600,
/// and an existing one is made 0600 before it is written, so the secret is never readable by others, even briefly.
fn write_secret(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        if path.exists() {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))
                .with_context(|| format!("making {} private", path.display()))?;
        }
    }
    let mut file = options.open(path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes()).with_context(|| format!("writing {}", path.display()))?;
    file.sync_all().with_context(|| format!("writing {}", path.display()))
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

fn run_setup(command: SetupCommand) -> Result<()> {
    match command {
        SetupCommand::GenerateToken => {
            println!("{}", generate_token(14, &mut OsRng));
            Ok(())
        }
        SetupCommand::GenerateCredentials { uuid, group, file, count, dir } => {
            with_group!(group, |group| generate(&group, &uuid, file, count, &dir))
        }
        SetupCommand::GenerateTrusteeKey { group, dir } => with_group!(group, |group| trustee_key(&group, &dir)),
        SetupCommand::Threshold {
            step,
            group,
            threshold_context,
            certs,
            key,
            threshold,
            polynomials,
            vinput,
            voutputs,
            dir,
        } => {
            let files = ThresholdFiles { certs, key, polynomials, vinput, voutputs };
            with_group!(group, |group| threshold_step(&group, step, threshold_context, threshold, files, &dir))
        }
        SetupCommand::MakeElection { uuid, group, template, pubkeys, threshold, trustees, credentials, dir } => {
            with_group!(group, |group| make(
                &group,
                &uuid,
                &template,
                &pubkeys,
                threshold,
                trustees,
                &credentials,
                &dir
            ))
        }
    }
}

/// `setup generate-credentials`.
fn generate<G: ElectionGroup>(
    group: &G,
    uuid: &str,
    file: Option<PathBuf>,
    count: Option<usize>,
    dir: &Path,
) -> Result<()> {
    {
        {
            let voters: Vec<Voter> = match (file, count) {
                (Some(file), _) => read_text(&file)?
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(parse_voter)
                    .collect::<Result<_>>()?,
                (None, Some(n)) => (1..=n).map(|i| Voter { identity: format!("voter{i}"), weight: 1 }).collect(),
                (None, None) => bail!("give --file VOTERS or --count N"),
            };
            let bar = spinner(&format!("deriving {} credentials", voters.len()));
            let credentials = generate_credentials(group, uuid, &voters, &mut OsRng);
            bar.finish_and_clear();
            let mut private = String::new();
            for (voter, credential) in &credentials.private {
                private.push_str(&format!("{} {}\n", voter.identity, credential.expose()));
            }
            write_secret(&dir.join("private_creds.txt"), &private)?;
            write_text(&dir.join("public_creds.json"), &credentials.public_json)?;
            eprintln!(
                "kenes: {} credentials: secret ones in {} (give each voter theirs, then keep or destroy the file), public ones in {}",
                voters.len(),
                dir.join("private_creds.txt").display(),
                dir.join("public_creds.json").display()
            );
            Ok(())
        }
    }
}

/// `setup generate-trustee-key`.
fn trustee_key<G: ElectionGroup>(group: &G, dir: &Path) -> Result<()> {
    {
        {
            let (secret, public) = TrusteeSecretKey::generate(group, &mut OsRng);
            let public_json = serde_json::to_string(&public)?;
            let id = &sha256_hex(public.public_key.as_bytes())[..8].to_uppercase();
            write_secret(&dir.join(format!("{id}.privkey")), &secret.to_json())?;
            write_text(&dir.join(format!("{id}.pubkey")), &public_json)?;
            eprintln!("kenes: trustee key {id}: keep {id}.privkey secret, publish {id}.pubkey");
            Ok(())
        }
    }
}

/// `setup make-election`.
#[allow(clippy::too_many_arguments)]
fn make<G: ElectionGroup>(
    group: &G,
    uuid: &str,
    template: &Path,
    pubkeys: &[PathBuf],
    threshold: Option<PathBuf>,
    trustees: Option<PathBuf>,
    credentials: &Path,
    dir: &Path,
) -> Result<()> {
    {
        {
            let template = parse_template(&read_text(template)?)?;
            let trustees_json = match trustees {
                Some(path) => read_text(&path)?.trim().to_owned(),
                None => {
                    if pubkeys.is_empty() && threshold.is_none() {
                        bail!("give at least one --pubkey or --threshold (or --trustees)");
                    }
                    let keys: Vec<TrusteePublicKeyJson> = pubkeys
                        .iter()
                        .map(|p| {
                            let text = read_text(p)?;
                            serde_json::from_str(text.trim()).with_context(|| format!("reading key {}", p.display()))
                        })
                        .collect::<Result<_>>()?;
                    let mut items: Vec<serde_json::Value> = Vec::new();
                    let singles: Vec<serde_json::Value> = serde_json::from_str(&single_trustees_json(&keys))?;
                    items.extend(singles);
                    if let Some(path) = &threshold {
                        let parameters: serde_json::Value = serde_json::from_str(read_text(path)?.trim())
                            .with_context(|| format!("reading {}", path.display()))?;
                        items.push(serde_json::json!(["Pedersen", parameters]));
                    }
                    // Written with kenes' field order: each item is re-serialized from its typed form.
                    typed_trustees_json(&items)?
                }
            };
            let credentials_json = read_text(credentials)?.trim().to_owned();
            let election = make_election(&template, uuid, group, &trustees_json)?;
            for (index, question) in G::parse_election(&election)?.questions.iter().enumerate() {
                if question.non_homomorphic {
                    Method::from_extra(question.extra.as_ref())
                        .map_err(|e| anyhow::anyhow!("template question {}: {e}", index + 1))?;
                }
            }
            // The ballot box checks the setup as a whole (trustees' proofs, key, public credentials) and starts it.
            let ballot_box = BallotBox::<G>::create_in(now(), &election, &trustees_json, &credentials_json)?;
            write_text(&dir.join("election.json"), &election)?;
            let path = dir.join(format!("{uuid}.bel"));
            fs::write(&path, ballot_box.to_bytes()).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("kenes: election {uuid} is open; its archive is {}", path.display());
            Ok(())
        }
    }
}

fn typed_trustees_json(items: &[serde_json::Value]) -> Result<String> {
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        let kind = item.get(0).and_then(|k| k.as_str()).unwrap_or("");
        let value = item.get(1).cloned().unwrap_or_default();
        let text = match kind {
            "Single" => {
                let key: TrusteePublicKeyJson = serde_json::from_value(value)?;
                serde_json::to_string(&("Single", key))?
            }
            "Pedersen" => {
                let parameters: kenes_crypto::trustees::ThresholdParametersJson = serde_json::from_value(value)?;
                serde_json::to_string(&("Pedersen", parameters))?
            }
            other => bail!("unknown trustee kind {other:?}"),
        };
        parts.push(text);
    }
    Ok(format!("[{}]", parts.join(",")))
}

fn json_lines<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    read_text(path)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("{} line {}", path.display(), i + 1)))
        .collect()
}

/// The files a step of the threshold ceremony reads (each step needs some of them).
struct ThresholdFiles {
    certs: Option<PathBuf>,
    key: Option<PathBuf>,
    polynomials: Option<PathBuf>,
    vinput: Option<PathBuf>,
    voutputs: Option<PathBuf>,
}

/// belenios-tool 3.0's `--threshold-context INDEX/THRESHOLD/SIZE` as a certificate context in `group`.
fn parse_threshold_context<G: ElectionGroup>(group: &G, text: &str) -> Result<CertContextJson> {
    let numbers: Vec<usize> = text
        .split('/')
        .map(|part| part.trim().parse::<usize>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--threshold-context {text:?}: expected INDEX/THRESHOLD/SIZE, e.g. 1/2/3"))?;
    let [index, threshold, size] = numbers[..] else {
        bail!("--threshold-context {text:?}: expected INDEX/THRESHOLD/SIZE, e.g. 1/2/3");
    };
    Ok(CertContextJson { group: group.name().to_owned(), size, threshold, index })
}

fn threshold_step<G: ElectionGroup>(
    group: &G,
    step: u8,
    threshold_context: Option<String>,
    threshold: Option<usize>,
    files: ThresholdFiles,
    dir: &Path,
) -> Result<()> {
    let ThresholdFiles { certs, key, polynomials, vinput, voutputs } = files;
    let need = |p: &Option<PathBuf>, name: &str| p.clone().with_context(|| format!("step {step} needs --{name}"));
    if threshold_context.is_some() && step != 1 {
        bail!("--threshold-context is for step 1; later steps read it from the certificates");
    }
    match step {
        1 => {
            let (seed, cert) = match &threshold_context {
                Some(text) => {
                    TrusteeSeed::generate_in_context(group, parse_threshold_context(group, text)?, &mut OsRng)?
                }
                // belenios-tool 3.0 refuses threshold parameters without contexts, and only Belenios 3 has Ed25519.
                None if group.name() == kenes_crypto::ed25519::NAME => {
                    bail!(
                        "a threshold ceremony on Ed25519 is Belenios 3's: give --threshold-context INDEX/THRESHOLD/SIZE"
                    )
                }
                None => TrusteeSeed::generate(group, &mut OsRng),
            };
            // Files are named like belenios-tool names them: SHA-256 of the certificate's message.
            let id = sha256_hex(cert.message.as_bytes());
            let cert = serde_json::to_string(&cert)?;
            write_secret(&dir.join(format!("{id}.key")), seed.expose())?;
            write_text(&dir.join(format!("{id}.cert")), &format!("{cert}\n"))?;
            eprintln!("kenes: keep {id}.key secret; send {id}.cert to the administrator");
        }
        2 => {
            let certs: Vec<SignedMessageJson> = json_lines(&need(&certs, "certs")?)?;
            match check_certificates(group, &certs)? {
                Form::Belenios2 => eprintln!("kenes: {} certificates are valid (Belenios 2.0)", certs.len()),
                Form::Belenios3 { threshold } => {
                    eprintln!("kenes: {} certificates are valid (Belenios 3, threshold {threshold})", certs.len())
                }
            }
        }
        3 => {
            let certs: Vec<SignedMessageJson> = json_lines(&need(&certs, "certs")?)?;
            let seed = TrusteeSeed::parse(&read_text(&need(&key, "key")?)?)?;
            let threshold = match (check_certificates(group, &certs)?, threshold) {
                (Form::Belenios3 { threshold }, None) => threshold,
                (_, Some(threshold)) => threshold,
                (Form::Belenios2, None) => bail!("step 3 needs --threshold (the certificates have no contexts)"),
            };
            let (_, polynomial) = seed.polynomial(group, &certs, threshold, &mut OsRng)?;
            println!("{}", serde_json::to_string(&polynomial)?);
        }
        4 => {
            let certs: Vec<SignedMessageJson> = json_lines(&need(&certs, "certs")?)?;
            let polynomials: Vec<PolynomialJson> = json_lines(&need(&polynomials, "polynomials")?)?;
            for (cert, vinput) in certs.iter().zip(vinputs(group, &certs, &polynomials)?) {
                let id = sha256_hex(cert.message.as_bytes());
                write_text(&dir.join(format!("{id}.vinput")), &serde_json::to_string(&vinput)?)?;
            }
            eprintln!("kenes: send ID.vinput to the trustee whose certificate is ID.cert");
        }
        5 => {
            let certs: Vec<SignedMessageJson> = json_lines(&need(&certs, "certs")?)?;
            let seed = TrusteeSeed::parse(&read_text(&need(&key, "key")?)?)?;
            let vinput: VinputJson = serde_json::from_str(read_text(&need(&vinput, "vinput")?)?.trim())?;
            // Step 5 continues the trustee's own step 3: its seed is all it kept.
            let (_, voutput) = seed.after_polynomial().voutput(group, &certs, &vinput, &mut OsRng)?;
            println!("{}", serde_json::to_string(&voutput)?);
        }
        6 => {
            let certs: Vec<SignedMessageJson> = json_lines(&need(&certs, "certs")?)?;
            let polynomials: Vec<PolynomialJson> = json_lines(&need(&polynomials, "polynomials")?)?;
            let voutputs: Vec<VoutputJson> = json_lines(&need(&voutputs, "voutputs")?)?;
            let parameters = threshold_parameters(group, &certs, &polynomials, &voutputs)?;
            // Each trustee's encrypted decryption key, named like its seed file (ID.dkey next to ID.key).
            for (cert, voutput) in certs.iter().zip(&voutputs) {
                let id = sha256_hex(cert.message.as_bytes());
                write_secret(&dir.join(format!("{id}.dkey")), &voutput.private_key)?;
            }
            println!("{}", serde_json::to_string(&parameters)?);
        }
        other => bail!("there is no step {other} (steps are 1 to 6)"),
    }
    Ok(())
}

fn parse_voter(line: &str) -> Result<Voter> {
    let parts: Vec<&str> = line.trim().split(',').collect();
    let (identity, weight) = match parts.as_slice() {
        [id] => (id.to_string(), 1),
        [id, w] if w.parse::<u64>().is_ok() => (id.to_string(), w.parse()?),
        [id, login] => (format!("{id},{login}"), 1),
        [id, login, w] => (format!("{id},{login},{w}"), w.parse().with_context(|| format!("bad weight in {line:?}"))?),
        _ => bail!("bad voter line {line:?}"),
    };
    if weight == 0 {
        bail!("voter {identity:?} has weight 0");
    }
    Ok(Voter { identity, weight })
}

/// A spinner on stderr with a message and the time so far (hidden when stderr is not a terminal).
pub(crate) fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_message(message.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn ballots_start(&self, total: usize) {
        self.0.set_length(total as u64);
        self.0.set_message("verifying ballots");
    }
    fn ballot_done(&self) {
        self.0.inc(1);
    }
}

fn load(path: &Path) -> Result<Archive> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Archive::parse(&bytes).with_context(|| format!("reading archive {}", path.display()))
}

/// Writes the whole archive beside the old one, then replaces it: a crash leaves one or the other, never half.
fn save<G: ElectionGroup>(path: &Path, ballot_box: &BallotBox<G>) -> Result<()> {
    let temporary = path.with_extension("bel.tmp");
    fs::write(&temporary, ballot_box.to_bytes()).with_context(|| format!("writing {}", temporary.display()))?;
    fs::rename(&temporary, path).with_context(|| format!("replacing {}", path.display()))
}

fn progress_bar() -> Bar {
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({per_sec}, {eta})") {
        bar.set_style(style);
    }
    Bar(bar)
}

/// Verifies an archive in whichever group its election names (Belenios 2.0's finite fields, or Ed25519).
pub(crate) fn verify_full(path: &Path, archive: &Archive) -> Result<Summary> {
    let progress = progress_bar();
    let ed25519 = kenes_crypto::verify::archive_group(archive).is_ok_and(|g| g == kenes_crypto::ed25519::NAME);
    let verified = if ed25519 {
        verify_archive_in::<Ed25519Group>(archive, &progress).map(|v| v.summary)
    } else {
        verify_archive_full(archive, &progress).map(|v| v.summary)
    };
    progress.0.finish_and_clear();
    verified.with_context(|| format!("verifying archive {}", path.display()))
}

/// Reads and fully verifies an archive into the ballot box every step below goes through.
fn open_ballot_box<G: ElectionGroup>(path: &Path, archive: Archive) -> Result<BallotBox<G>> {
    let progress = progress_bar();
    let ballot_box =
        BallotBox::from_archive_in(archive, &progress).with_context(|| format!("verifying archive {}", path.display()));
    progress.0.finish_and_clear();
    ballot_box
}

fn read_privcred(path: &Path) -> Result<SecretCredential> {
    let text = read_text(path)?;
    let word = text.lines().next().and_then(|l| l.split_whitespace().last()).unwrap_or("");
    Ok(SecretCredential::parse(word)?)
}

fn vote<G: ElectionGroup>(loaded: Archive, path: &Path, privcred: &Path, choices: &str, dry_run: bool) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let credential = read_privcred(privcred)?;
    let plaintext: Vec<Vec<u32>> = serde_json::from_str(choices).context("reading --ballot")?;
    let ballot = ballot_box.create_ballot(&credential, &plaintext, &mut OsRng)?;
    let tracker = ballot.tracker().to_owned();
    if dry_run {
        println!("{}", ballot.json());
    } else {
        let pending = ballot_box.prepare_cast(ballot).context("the ballot is rejected")?;
        ballot_box.commit(pending)?;
        save(path, &ballot_box)?;
    }
    eprintln!("kenes: ballot tracking number {tracker}");
    Ok(())
}

fn vote_many<G: ElectionGroup>(loaded: Archive, path: &Path, votes: &Path) -> Result<()> {
    use rayon::prelude::*;
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let text = read_text(votes)?;
    let lines: Vec<(usize, &str, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let (credential, choices) = l.trim().split_once(char::is_whitespace).unwrap_or((l, ""));
            (i + 1, credential, choices.trim())
        })
        .collect();
    let bar = ProgressBar::new(lines.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("creating ballots {bar:40} {pos}/{len} ({per_sec}, {eta})") {
        bar.set_style(style);
    }
    // Ballots are made in parallel by the ballot box (which need not verify its own ballots), then cast in order.
    let shared = &ballot_box;
    let ballots: Vec<Result<(usize, CheckedBallot<G::Element>)>> = lines
        .par_iter()
        .map(|(number, credential, choices)| {
            let credential = SecretCredential::parse(credential).with_context(|| format!("line {number}"))?;
            let plaintext: Vec<Vec<u32>> =
                serde_json::from_str(choices).with_context(|| format!("line {number}: reading the choices"))?;
            let ballot =
                shared.create_ballot(&credential, &plaintext, &mut OsRng).with_context(|| format!("line {number}"))?;
            bar.inc(1);
            Ok((*number, ballot))
        })
        .collect();
    bar.finish_and_clear();
    let count = ballots.len();
    for ballot in ballots {
        let (number, ballot) = ballot?;
        let pending =
            ballot_box.prepare_cast(ballot).with_context(|| format!("line {number}: the ballot is rejected"))?;
        ballot_box.commit(pending)?;
    }
    save(path, &ballot_box)?;
    eprintln!("kenes: {count} ballots cast");
    Ok(())
}

fn cast<G: ElectionGroup>(loaded: Archive, path: &Path, ballot_file: &Path) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let ballot = read_text(ballot_file)?;
    let cast = ballot_box.cast(ballot.trim_end_matches('\n')).context("the ballot is rejected")?;
    save(path, &ballot_box)?;
    match &cast.replaced {
        Some(earlier) => eprintln!(
            "kenes: ballot accepted, tracking number {} (it replaces the same credential's ballot {earlier})",
            cast.tracker
        ),
        None => eprintln!("kenes: ballot accepted, tracking number {}", cast.tracker),
    }
    Ok(())
}

fn tally<G: ElectionGroup>(loaded: Archive, path: &Path) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    ballot_box.close().with_context(|| format!("closing {}", path.display()))?;
    save(path, &ballot_box)?;
    let counts = ballot_box.counts();
    eprintln!("kenes: {} ballots tallied (total weight {})", counts.counted, counts.counted_weight);
    Ok(())
}

fn shuffle_ballots<G: ElectionGroup>(
    loaded: Archive,
    path: &Path,
    trustee_id: usize,
    made: Option<&Path>,
    output: Option<&Path>,
) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let shuffle = match made {
        Some(file) => owned_payload_from_file(&read_text(file)?, trustee_id, "shuffle")
            .with_context(|| format!("reading {}", file.display()))?,
        None => {
            let columns = ballot_box.columns_to_shuffle().ok_or(kenes_crypto::Error::Refused(Refusal::NoShuffle))?;
            let count: usize = columns.iter().map(Vec::len).sum();
            eprintln!("kenes: shuffling {count} ranked ballot ciphertexts and proving it…");
            ballot_box.make_shuffle(&mut OsRng)?
        }
    };
    if let Some(output) = output {
        let owned = serde_json::to_string(&OwnedJson { owner: trustee_id, payload: sha256_hex(shuffle.as_bytes()) })?;
        fs::write(output, format!("{shuffle}\n{owned}\n")).with_context(|| format!("writing {}", output.display()))?;
        eprintln!("kenes: shuffle of trustee {trustee_id} written to {}", output.display());
        return Ok(());
    }
    ballot_box
        .add_shuffle(trustee_id, &shuffle)
        .with_context(|| format!("the shuffle of trustee {trustee_id} is rejected"))?;
    save(path, &ballot_box)?;
    eprintln!(
        "kenes: shuffle of trustee {trustee_id} checked and appended (shuffled so far by trustees {:?})",
        ballot_box.shufflers()
    );
    Ok(())
}

fn end_shuffles<G: ElectionGroup>(loaded: Archive, path: &Path) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    ballot_box.end_shuffles().with_context(|| format!("ending the shuffles of {}", path.display()))?;
    save(path, &ballot_box)?;
    let skipped: Vec<usize> =
        (1..=ballot_box.trustee_count()).filter(|t| !ballot_box.shufflers().contains(t)).collect();
    eprintln!(
        "kenes: shuffles ended; shuffled by trustees {:?}, skipped {:?}; the trustees decrypt next",
        ballot_box.shufflers(),
        skipped
    );
    Ok(())
}

/// How a trustee's partial decryption reaches `kenes election decrypt`.
enum Decryption<'a> {
    /// Made here with a "Single" trustee's private key.
    Single(&'a Path),
    /// Made here with a threshold trustee's seed and encrypted decryption key.
    Threshold { seed: &'a Path, dkey: &'a Path },
    /// Made elsewhere (belenios-tool `decrypt`, trustee.js): a `partial_decryption` JSON file, verified here.
    Made(&'a Path),
}

fn decrypt<G: ElectionGroup>(
    loaded: Archive,
    path: &Path,
    decryption: Decryption<'_>,
    trustee_id: usize,
) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let group = ballot_box.election().group.clone();
    let partial = match decryption {
        Decryption::Made(file) => {
            partial_from_file(&read_text(file)?, trustee_id).with_context(|| format!("reading {}", file.display()))?
        }
        Decryption::Single(privkey) => {
            let key = TrusteeSecretKey::parse(&group, &read_text(privkey)?)?;
            decrypt_here(&ballot_box, &key, trustee_id)?
        }
        Decryption::Threshold { seed, dkey } => {
            let key = threshold_key(&group, &TrusteeSeed::parse(&read_text(seed)?)?, &read_text(dkey)?)?;
            decrypt_here(&ballot_box, &key, trustee_id)?
        }
    };
    ballot_box
        .add_partial_decryption(trustee_id, &partial)
        .with_context(|| format!("the partial decryption of trustee {trustee_id} is rejected"))?;
    save(path, &ballot_box)?;
    eprintln!("kenes: partial decryption of trustee {trustee_id} appended");
    if let Some(missing) = ballot_box.missing_decryptions() {
        eprintln!("kenes: still needed for the result: {missing}");
    }
    Ok(())
}

/// The `partial_decryption` JSON of a file made elsewhere: trustee.js's text, or belenios-tool's `decrypt` output,
/// which adds a second line `{"owner":N,"payload":H}`; that line must name this trustee and this partial decryption.
fn partial_from_file(text: &str, trustee_id: usize) -> Result<String> {
    owned_payload_from_file(text, trustee_id, "partial decryption")
}

/// The JSON of a file made elsewhere (a partial decryption, a shuffle): its first line, and when belenios-tool
/// added a second line `{"owner":N,"payload":H}`, that line must name this trustee and the first line's hash.
fn owned_payload_from_file(text: &str, trustee_id: usize, what: &str) -> Result<String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let payload = lines.next().context("the file is empty")?;
    if let Some(owned) = lines.next() {
        let owned: OwnedJson = serde_json::from_str(owned).context("reading the second line (owner and payload)")?;
        if owned.owner != trustee_id {
            bail!("this {what} is trustee {}'s, not trustee {trustee_id}'s", owned.owner);
        }
        if owned.payload != sha256_hex(payload.as_bytes()) {
            bail!("the second line does not refer to the {what} of the first");
        }
    }
    if lines.next().is_some() {
        bail!("expected a {what}, optionally followed by its owner line, and nothing more");
    }
    Ok(payload.to_owned())
}

/// A partial decryption of the encrypted tally with a trustee's key, once the key is known to be that trustee's.
fn decrypt_here<G: ElectionGroup>(
    ballot_box: &BallotBox<G>,
    key: &TrusteeSecretKey,
    trustee_id: usize,
) -> Result<String> {
    let election = ballot_box.election();
    let group = &election.group;
    let expected = ballot_box.trustee_key(trustee_id).with_context(|| format!("there is no trustee {trustee_id}"))?;
    if &group.secret_pow(group.generator(), &key.0) != expected {
        bail!("this private key is not the key of trustee {trustee_id}");
    }
    let tally = ballot_box.encrypted_tally().ok_or(kenes_crypto::Error::Refused(Refusal::NoTally))?;
    Ok(partial_decryption_to_json(election, &partial_decrypt(election, tally, key, &mut OsRng)))
}

fn result<G: ElectionGroup>(loaded: Archive, path: &Path) -> Result<()> {
    let mut ballot_box = open_ballot_box::<G>(path, loaded)?;
    let result = ballot_box.compute_result().with_context(|| format!("computing the result of {}", path.display()))?;
    save(path, &ballot_box)?;
    println!("{}", result_to_json_in(ballot_box.election(), &result));
    Ok(())
}

fn print_summary(path: &Path, summary: &Summary) {
    println!("Belenios archive {}: all checks passed", path.display());
    println!("  election {} ({}), group {}", summary.uuid, summary.name, summary.group);
    println!("  {} questions, {} public credentials", summary.questions, summary.credentials);
    println!("  {} ballots cast, {} counted (last ballot per credential)", summary.ballots, summary.trackers.len());
    match (summary.tallied, summary.total_weight) {
        (Some(n), Some(w)) => println!("  encrypted tally of {n} ballots, total weight {w}"),
        _ => println!("  voting is open (no encrypted tally yet)"),
    }
    if !summary.shuffles.is_empty() {
        println!("  ranked ballots shuffled by trustees {:?}, each shuffle's proof checked", summary.shuffles);
    }
    if summary.partial_decryptions > 0 {
        println!("  {} partial decryptions", summary.partial_decryptions);
    }
    if let Some((json, _)) = &summary.result_json {
        println!("  result {json}");
    }
    if let Some(last) = &summary.last_event {
        println!("  last event {last} (record it to check later that nothing was removed)");
    }
}

/// Verifies a Belenios election archive (2.0, or 3's Ed25519); `kenes verify` calls this for files that are not
/// council bundles.
pub fn verify_archive(path: &Path, report_dir: Option<&Path>) -> Result<()> {
    let archive = load(path)?;
    let summary = verify_full(path, &archive)?;
    print_summary(path, &summary);
    recount(&summary, report_dir)
}

/// Counts each decrypted ranked question with the method its set-up names (lots seeded by the result's hash, so
/// every recount draws the same), prints the count stage by stage, and with `report_dir` writes it there as JSON,
/// CSV and HTML (`question-N.json`, …).
fn recount(summary: &Summary, report_dir: Option<&Path>) -> Result<()> {
    let seed = summary.result_json.as_ref().map_or(0, |(_, hash)| seed_from_hex(hash));
    for ranked in &summary.ranked {
        let number = ranked.index + 1;
        let Some(ballots) = &ranked.ballots else { continue };
        let method =
            Method::from_extra(ranked.extra.as_ref()).map_err(|e| anyhow::anyhow!("question {number}: {e}"))?;
        let Some(method) = method else {
            println!(
                "  question {number} ({:?}): {} ranked ballots; its set-up names no counting method",
                ranked.question,
                ballots.len()
            );
            continue;
        };
        let result =
            method.count(&ranked.answers, ballots, seed).with_context(|| format!("counting question {number}"))?;
        println!("\nQuestion {number}: {}", ranked.question);
        print!("{}", report::to_text(&result));
        if let Some(dir) = report_dir {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let write = |name: String, text: String| {
                let file = dir.join(name);
                fs::write(&file, text).with_context(|| format!("writing {}", file.display()))
            };
            write(format!("question-{number}.json"), serde_json::to_string_pretty(&report::to_json(&result))?)?;
            write(format!("question-{number}.csv"), report::to_csv(&result))?;
            write(format!("question-{number}.html"), report::to_html(&result, &ranked.question))?;
            println!("  (written to {}/question-{number}.json, .csv and .html)", dir.display());
        }
    }
    Ok(())
}

/// Verifies archive bytes already read (and decrypted), naming them by the file they came from.
pub fn verify_archive_bytes(path: &Path, bytes: &[u8], print: bool) -> Result<()> {
    let archive = Archive::parse(bytes).with_context(|| format!("reading archive {}", path.display()))?;
    let summary = verify_full(path, &archive)?;
    if print {
        print_summary(path, &summary);
    }
    Ok(())
}

fn verify_diff(old: &Path, new: &Path) -> Result<()> {
    let older = load(old)?;
    let newer = load(new)?;
    newer.check_extends(&older).with_context(|| format!("{} does not extend {}", new.display(), old.display()))?;
    let summary = verify_full(new, &newer)?;
    println!("{} extends {}: nothing was removed", new.display(), old.display());
    print_summary(new, &summary);
    Ok(())
}
