//! `kenes demo` (a council at work, in one command) and `kenes minutes` (a meeting's minutes from a bundle).

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use rand::RngCore;

use kenes_council::fold_verified;
use kenes_record::bundle;
use kenes_web::{AppState, Config, I18n};

use crate::record::{Decryption, read_bundle};
use crate::serve::{ServeArgs, open_node};

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    serve: ServeArgs,
    /// Fill the data directory and stop, without serving.
    #[arg(long)]
    no_serve: bool,
    /// Only the neighbourhood council, without the district federation and its four other member councils.
    #[arg(long)]
    single: bool,
}

/// Fills a fresh data directory with a neighbourhood council, a finished meeting and one in session, and (unless
/// `--single`) a district federation around it; prints how to sign in, then serves.
pub fn demo(args: DemoArgs) -> Result<()> {
    let data = args.serve.data.clone();
    {
        let node = open_node(&data)?;
        if !node.council_ids().is_empty() {
            bail!("{} already holds a council: the demo fills only a fresh data directory", data.display());
        }
        let state = AppState::new(node, Config::default()).map_err(|e| anyhow!("loading translations: {e}"))?;
        let mut secret = [0u8; 9];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let password = format!("demo-{}", hex_lower(&secret));
        let mut demo = kenes_web::demo::populate(&state, &password)
            .map_err(|e| anyhow!("filling the demo council: {}", e.message().0))?;
        let federation = if args.single {
            None
        } else {
            Some(
                kenes_web::demo::federation(&state, &mut demo, &password)
                    .map_err(|e| anyhow!("building the demo federation: {}", e.message().0))?,
            )
        };
        println!("The demo council is ready in {}.", data.display());
        println!("Sign in with any of these usernames and the password {password}");
        for (username, name, role) in &demo.accounts {
            println!("  {username:<10} {name} ({role})");
        }
        println!("aigerim is the secretary and administrator, bolat chairs the meeting in session:");
        println!("  /c/{}/a/{}", demo.council.to_hex(), demo.assembly);
        if let Some(federation) = federation {
            println!("The district federation (zarina is its secretary; arman's council petitions to recall him):");
            println!("  /c/{}/federation", federation.to_hex());
        }
    }
    if args.no_serve {
        return Ok(());
    }
    crate::serve::run(args.serve)
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, clap::Args)]
pub struct MinutesArgs {
    /// A council bundle (plain or age-encrypted).
    file: PathBuf,
    /// The meeting's number in its council (1 for the first meeting convened).
    #[arg(long)]
    assembly: u32,
    /// The language of the minutes (en, ru, kk, es, pt, ko, nb); the council's first language by default.
    #[arg(long)]
    lang: Option<String>,
    /// Where to write the minutes; standard output by default. A name ending in `.pdf` writes PDF.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Write PDF (A4) instead of HTML.
    #[arg(long)]
    pdf: bool,
    #[command(flatten)]
    decryption: Decryption,
}

/// Verifies the bundle completely, then writes the meeting's minutes, byte for byte what the server shows.
pub fn minutes(args: MinutesArgs) -> Result<()> {
    let bytes = read_bundle(&args.file, &args.decryption)?;
    let (decoded, _) =
        bundle::verify_bundle(&bytes).with_context(|| format!("{} does not verify", args.file.display()))?;
    let council = fold_verified(&decoded.events).with_context(|| format!("{} does not verify", args.file.display()))?;
    let assembly = council.assembly(args.assembly).ok_or_else(|| {
        anyhow!(
            "the council {} has {} meetings; there is no meeting {}",
            council.name.as_str(),
            council.assemblies().len(),
            args.assembly
        )
    })?;
    let wanted = args.lang.clone().unwrap_or_else(|| council.languages.as_slice()[0].clone());
    let lang = kenes_web::i18n::supported(&wanted)
        .ok_or_else(|| anyhow!("unsupported language {wanted:?}: expected one of en, ru, kk, es, pt, ko, nb"))?;
    let i18n = I18n::load().map_err(|e| anyhow!("loading translations: {e}"))?;
    let pdf = args.pdf || args.output.as_ref().is_some_and(|p| p.extension().is_some_and(|e| e == "pdf"));
    let bytes = if pdf {
        kenes_web::minutes::minutes_pdf(&i18n, lang, &council, assembly)?
    } else {
        kenes_web::minutes::minutes_html(&i18n, lang, &council, assembly).into_bytes()
    };
    match &args.output {
        Some(path) => std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes).context("writing the minutes")?,
    }
    Ok(())
}
