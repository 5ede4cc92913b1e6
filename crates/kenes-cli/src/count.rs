//! `kenes count`: count a ballot file with a method from `kenes-count`, and print the result as a stage-by-stage
//! report, JSON or CSV (and optionally an HTML page).

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use kenes_count::ballot::{BallotRules, Irregular};
use kenes_count::condorcet::{self, CondorcetOptions, Debian, Strength};
use kenes_count::formats::{self, Format, ReadOptions, cvr::CvrOptions};
use kenes_count::irv::{IrvOptions, count_irv};
use kenes_count::simple::{self, Graded};
use kenes_count::{CountResult, Election, StvOptions, StvRules, TieRule, count_stv, report};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Method {
    Plurality,
    Block,
    Approval,
    Score,
    #[value(alias = "majority-judgment")]
    Mj,
    Irv,
    Stv,
    Schulze,
    RankedPairs,
    Copeland,
    Borda,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Rules {
    Scottish,
    Wigm,
    Ers97,
    Meek,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Blt,
    Preflib,
    Cvr,
    Xlsx,
    Belenios,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Mark {
    Skip,
    Exhaust,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Tie {
    Backward,
    Forward,
    Lot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StrengthArg {
    WinningVotes,
    Margins,
    Ratio,
}

#[derive(Debug, clap::Args)]
pub struct CountArgs {
    /// The ballot file (BLT, PrefLib .soc/.soi/.toc/.toi, CVR .csv or .xlsx, Belenios .json).
    file: PathBuf,
    /// Counting method.
    #[arg(long, value_enum, default_value = "stv")]
    method: Method,
    /// STV rules: Scottish (SSI 2007/42), weighted inclusive Gregory, ERS97, Meek (NZ).
    #[arg(long, value_enum, default_value = "scottish")]
    rules: Rules,
    /// Decimal places of transfer values for `--rules wigm`.
    #[arg(long, default_value_t = 5)]
    decimals: u32,
    /// Seats to fill (default: what the file says, else 1).
    #[arg(long)]
    seats: Option<usize>,
    /// Input format (default: by extension, then content).
    #[arg(long, value_enum)]
    format: Option<InputFormat>,
    /// A rank marked for several candidates: skip that rank or exhaust the ballot.
    #[arg(long, value_enum)]
    overvote: Option<Mark>,
    /// Candidates ranked equal: skip that rank or exhaust the ballot.
    #[arg(long, value_enum)]
    equal_ranks: Option<Mark>,
    /// A candidate ranked twice: skip the repeat or exhaust the ballot.
    #[arg(long, value_enum)]
    duplicates: Option<Mark>,
    /// Exhaust a ballot after more than N consecutive skipped ranks.
    #[arg(long, value_name = "N")]
    max_skipped: Option<usize>,
    /// IRV: eliminate all mathematically hopeless candidates at once.
    #[arg(long)]
    batch_elimination: bool,
    /// IRV: eliminate undeclared write-ins first.
    #[arg(long)]
    write_ins_first: bool,
    /// IRV: continue until two candidates remain.
    #[arg(long)]
    continue_until_two: bool,
    /// IRV with RCTab's Minneapolis options (overvote exhausts, one skipped rank, batch elimination, write-ins first).
    #[arg(long)]
    rctab: bool,
    /// Statutory tie rule tried before lot.
    #[arg(long, value_enum, default_value = "backward")]
    tie: Tie,
    /// Seed for lots (recorded in the result).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Schulze defeat strength.
    #[arg(long, value_enum, default_value = "winning-votes")]
    strength: StrengthArg,
    /// Debian: the default option ("None of the above"), by name.
    #[arg(long)]
    default_option: Option<String>,
    /// Debian: votes an option needs over the default option.
    #[arg(long)]
    quorum: Option<u64>,
    /// Debian: majority ratio an option needs over the default, e.g. 3:1.
    #[arg(long)]
    supermajority: Option<String>,
    /// Number of grades for score and majority judgment.
    #[arg(long)]
    grades: Option<u16>,
    /// CVR: the overvote label.
    #[arg(long, default_value = "overvote")]
    overvote_label: String,
    /// CVR: the undervote (skipped rank) label.
    #[arg(long, default_value = "undervote")]
    undervote_label: String,
    /// CVR: the undeclared write-in label.
    #[arg(long, default_value = "UWI")]
    write_in_label: String,
    /// CVR: 1-based column of the first rank (default: columns whose header says rank/choice/pref).
    #[arg(long)]
    first_rank_column: Option<usize>,
    /// Print the result as JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print the stage table as CSV.
    #[arg(long)]
    csv: bool,
    /// Also write a self-contained HTML page with the stage table and a chart.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
}

pub fn run(args: CountArgs) -> Result<()> {
    let mut input = Input::open(&args.file)?;
    let name = args.file.display().to_string();
    let format = match args.format {
        Some(InputFormat::Blt) => Format::Blt,
        Some(InputFormat::Preflib) => Format::Preflib,
        Some(InputFormat::Cvr) => Format::Cvr,
        Some(InputFormat::Xlsx) => Format::Xlsx,
        Some(InputFormat::Belenios) => Format::Belenios,
        None => Format::detect(&name, &input.head),
    };
    let read_options = ReadOptions {
        cvr: CvrOptions {
            overvote_label: args.overvote_label.clone(),
            undervote_label: args.undervote_label.clone(),
            write_in_label: args.write_in_label.clone(),
            first_rank_column: args.first_rank_column,
            candidates: Vec::new(),
        },
        seats: args.seats,
    };
    let graded_method = matches!(args.method, Method::Score | Method::Mj);
    let result = if format == Format::Blt {
        // BLT is read piece by piece as the file is read, so that a large file is never held whole.
        let mut reader = formats::BltReader::new(&name, input.size);
        input.each_piece(|piece| reader.feed(piece).map_err(anyhow::Error::from))?;
        let mut election = reader.finish()?;
        read_options.apply(&mut election);
        count(&args, &election)?
    } else if graded_method && format == Format::Belenios {
        let bytes = input.read_all()?;
        let text = std::str::from_utf8(&bytes).with_context(|| format!("{name} is not UTF-8"))?;
        let graded = formats::belenios::parse_belenios_grades(&name, text, args.grades)?;
        drop(bytes);
        count_graded(&args, &graded)?
    } else {
        let bytes = input.read_all()?;
        let election = formats::read(&name, &bytes, format, &read_options)?;
        // The raw file is no longer needed: free it before counting (peak memory on large files).
        drop(bytes);
        count(&args, &election)?
    };
    if let Some(path) = &args.html {
        let title = format!("Count of {}", args.file.file_name().map(|f| f.to_string_lossy()).unwrap_or_default());
        std::fs::write(path, report::to_html(&result, &title))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report::to_json(&result))?);
    } else if args.csv {
        print!("{}", report::to_csv(&result));
    } else {
        print!("{}", report::to_text(&result));
    }
    Ok(())
}

fn mark(mark: Option<Mark>, default: Irregular) -> Irregular {
    match mark {
        Some(Mark::Skip) => Irregular::Skip,
        Some(Mark::Exhaust) => Irregular::Exhaust,
        None => default,
    }
}

fn ballot_rules(args: &CountArgs, defaults: BallotRules) -> BallotRules {
    BallotRules {
        overvote: mark(args.overvote, defaults.overvote),
        equal_ranks: mark(args.equal_ranks, defaults.equal_ranks),
        duplicates: mark(args.duplicates, defaults.duplicates),
        max_skipped: args.max_skipped.or(defaults.max_skipped),
    }
}

fn tie_rule(args: &CountArgs) -> TieRule {
    match args.tie {
        Tie::Backward => TieRule::Backward,
        Tie::Forward => TieRule::Forward,
        Tie::Lot => TieRule::Lot,
    }
}

fn condorcet_options(args: &CountArgs, candidates: &[String], seats: usize) -> Result<CondorcetOptions> {
    let default_option = match &args.default_option {
        Some(name) => Some(
            candidates.iter().position(|c| c == name).with_context(|| format!("no candidate is called {name:?}"))?,
        ),
        None => None,
    };
    let supermajority = match &args.supermajority {
        Some(text) => {
            let (n, m) = text.split_once(':').with_context(|| format!("--supermajority {text:?}: expected N:M"))?;
            Some((n.trim().parse()?, m.trim().parse()?))
        }
        None => None,
    };
    if (args.quorum.is_some() || supermajority.is_some()) && default_option.is_none() {
        bail!("--quorum and --supermajority need --default-option");
    }
    Ok(CondorcetOptions {
        strength: match args.strength {
            StrengthArg::WinningVotes => Strength::WinningVotes,
            StrengthArg::Margins => Strength::Margins,
            StrengthArg::Ratio => Strength::Ratio,
        },
        debian: Debian { default_option, quorum: args.quorum, supermajority },
        seats,
        seed: args.seed,
    })
}

fn count(args: &CountArgs, election: &Election) -> Result<CountResult> {
    let seats = args.seats.unwrap_or(election.seats.max(1));
    let result = match args.method {
        Method::Stv => {
            let rules = match args.rules {
                Rules::Scottish => StvRules::Scottish,
                Rules::Wigm => StvRules::Wigm { decimals: args.decimals },
                Rules::Ers97 => StvRules::Ers97,
                Rules::Meek => StvRules::Meek,
            };
            let options = StvOptions {
                rules,
                seats: Some(seats),
                tie_rule: tie_rule(args),
                seed: args.seed,
                ballot_rules: ballot_rules(args, BallotRules::default()),
            };
            count_stv(election, &options)?
        }
        Method::Irv => {
            let base = if args.rctab { IrvOptions::rctab_minneapolis() } else { IrvOptions::default() };
            let options = IrvOptions {
                ballot_rules: ballot_rules(args, base.ballot_rules),
                batch_elimination: base.batch_elimination || args.batch_elimination,
                write_ins_first: base.write_ins_first || args.write_ins_first,
                continue_until_two: args.continue_until_two,
                tie_rule: if args.rctab && args.tie == Tie::Backward { TieRule::Lot } else { tie_rule(args) },
                seed: args.seed,
            };
            count_irv(election, &options)?
        }
        Method::Score | Method::Mj => {
            let graded =
                Graded::from_rankings(election, args.grades.unwrap_or(election.candidates.len().max(2) as u16));
            count_graded(args, &graded)?
        }
        method => {
            let options = condorcet_options(args, &election.names(), seats)?;
            match method {
                Method::Plurality => simple::plurality(election, &CondorcetOptions { seats: 1, ..options })?,
                Method::Block => simple::plurality(election, &options)?,
                Method::Approval => simple::approval(election, &options)?,
                Method::Schulze => condorcet::schulze(election, &options)?,
                Method::RankedPairs => condorcet::ranked_pairs(election, &options)?,
                Method::Copeland => condorcet::copeland(election, &options)?,
                _ => condorcet::borda(election, &options)?,
            }
        }
    };
    Ok(result)
}

fn count_graded(args: &CountArgs, graded: &Graded) -> Result<CountResult> {
    let options = condorcet_options(args, &graded.candidates, args.seats.unwrap_or(1))?;
    Ok(match args.method {
        Method::Score => simple::score(graded, &options)?,
        _ => simple::majority_judgment(graded, &options)?,
    })
}

/// The ballot file being read: its first bytes (to detect the format), then the rest in pieces or whole, with a
/// progress bar on large files when stderr is a terminal.
struct Input {
    path: PathBuf,
    file: std::fs::File,
    size: usize,
    head: Vec<u8>,
}

impl Input {
    /// Bytes read at a time.
    const PIECE: usize = 1 << 20;
    /// Files from this size on show a progress bar.
    const LARGE: usize = 8 << 20;

    fn open(path: &std::path::Path) -> Result<Input> {
        let mut file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0).try_into().unwrap_or(0);
        let mut head = Vec::with_capacity(Input::PIECE.min(size.max(4096)));
        (&mut file)
            .take(Input::PIECE as u64)
            .read_to_end(&mut head)
            .with_context(|| format!("reading {}", path.display()))?;
        Ok(Input { path: path.to_owned(), file, size, head })
    }

    fn progress(&self) -> Option<indicatif::ProgressBar> {
        use std::io::IsTerminal;
        if self.size < Input::LARGE || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::new(self.size as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("reading {bytes}/{total_bytes} [{bar:40}] {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    }

    /// Hands the file to `use_piece` piece by piece, the first bytes first, reusing one buffer.
    fn each_piece(&mut self, mut use_piece: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let bar = self.progress();
        let mut buffer = std::mem::take(&mut self.head);
        loop {
            if buffer.is_empty() {
                break;
            }
            use_piece(&buffer)?;
            if let Some(bar) = &bar {
                bar.inc(buffer.len() as u64);
            }
            buffer.clear();
            (&mut self.file)
                .take(Input::PIECE as u64)
                .read_to_end(&mut buffer)
                .with_context(|| format!("reading {}", self.path.display()))?;
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        Ok(())
    }

    /// The whole file in one buffer of its exact size.
    fn read_all(mut self) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(self.size.max(self.head.len()));
        self.each_piece(|piece| {
            bytes.extend_from_slice(piece);
            Ok(())
        })?;
        Ok(bytes)
    }
}
