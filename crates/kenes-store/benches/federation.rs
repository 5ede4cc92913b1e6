//! `cargo xtask bench federation`: a national federation of member councils on three levels (councils → districts of
//! 100 → one national federation), each delegate mandated on a vote and seated citing the mandate; then a recall
//! that propagates to the top (the council recalls its delegate, the district unseats them and ends their national
//! mandate, the national federation unseats them). Measured for 1,000, 3,000 and 10,000 councils: replaying every
//! record (chains, signatures, every event's rule) against the floor of verifying the same chains alone
//! (`kenes_record::verify_chain`: hashes and Ed25519 signatures) in the same run, and checking every citation of the
//! districts and the national federation against the records; and the process's peak resident memory.
//!
//! Results go to stdout and to `$KENES_BENCH_OUT/federation.json` and `federation.csv`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use kenes_council::assembly::events::*;
use kenes_council::assembly::model::{Rules, Title, VoteChoice, VoteMode, VoteSubject};
use kenes_council::federation::citations::{self, Status};
use kenes_council::federation::events::*;
use kenes_council::federation::{Citation, Decision, Unseat};
use kenes_council::{Council, CouncilEvent, CouncilKind, CouncilName, DisplayName, MemberId, Role};
use kenes_count::simple::{Basis, Majority};
use kenes_record::{Event, NodeKey};
use kenes_testkit::council::{FOUNDED_MS, created, member_added};

const SIZES: &[usize] = &[1_000, 3_000, 10_000];
const PER_DISTRICT: usize = 100;

/// One council's record being written: its state, its events, its key and clock.
struct Chain {
    council: Council,
    events: Vec<Event>,
    at: i64,
    voting: u32,
}

impl Chain {
    fn new(key: &NodeKey, name: &str, kind: CouncilKind) -> Chain {
        let genesis =
            kenes_council::create_event(created(name, kind, "Founder", &["en"]), FOUNDED_MS).sign(key).unwrap();
        let council = kenes_council::from_genesis(&genesis).unwrap();
        Chain { council, events: vec![genesis], at: FOUNDED_MS, voting: 0 }
    }

    fn push(&mut self, key: &NodeKey, command: CouncilEvent) -> &Event {
        self.at += 1;
        let event = self.council.prepare(&command, self.at).unwrap().sign(key).unwrap();
        self.council.apply_own(&event).unwrap();
        self.events.push(event);
        self.events.last().unwrap()
    }

    fn id(&self) -> String {
        self.council.id().to_hex()
    }

    fn cite_last(&self) -> Citation {
        let event = self.events.last().unwrap();
        Citation { council: self.id(), height: event.height, hash: event.hash().to_hex(), at_ms: event.timestamp_ms }
    }

    /// A yes-or-no vote in the council's meeting 1 (convened and opened on first use), the voters checked in and
    /// voting yes: the decision.
    fn decide(&mut self, key: &NodeKey, voters: &[MemberId]) -> Decision {
        let by = MemberId(1);
        let meet = |event: AssemblyEvent| CouncilEvent::Assembly(event);
        if self.council.assemblies().is_empty() {
            let rules = Rules { quorum_percent: 0, seconders: 0, alternate: false, speaking_seconds: 0 };
            let t = Title::parse("Meeting").unwrap();
            self.push(
                key,
                meet(AssemblyEvent::Convened(Convened { by, title: t.clone(), place: t.clone(), starts: t, rules })),
            );
            self.push(key, meet(AssemblyEvent::Opened(AssemblyAct { by, assembly: 1 })));
        }
        for voter in voters {
            if !self.council.assembly(1).unwrap().present.contains(voter) {
                self.push(key, meet(AssemblyEvent::CheckedIn(Attendance { by, assembly: 1, member: *voter })));
            }
        }
        let opened = VoteOpened {
            by,
            assembly: 1,
            subject: VoteSubject::Question,
            question: Title::parse("Shall it be so?").unwrap(),
            mode: VoteMode::RollCall,
            majority: Majority::simple(Basis::YesNo),
            choices: None,
        };
        self.push(key, meet(AssemblyEvent::VoteOpened(opened)));
        self.voting += 1;
        let vote = self.voting;
        for voter in voters {
            self.push(
                key,
                meet(AssemblyEvent::VoteCast(VoteCast { by: *voter, assembly: 1, vote, choice: VoteChoice::Yes })),
            );
        }
        self.push(key, meet(AssemblyEvent::VoteClosed(VoteClosed { by, assembly: 1, vote })));
        Decision::Vote { assembly: 1, vote }
    }
}

fn fed(event: FederationEvent) -> CouncilEvent {
    CouncilEvent::Federation(event)
}

fn name(text: &str) -> CouncilName {
    CouncilName::parse(text).unwrap()
}

/// The three levels, built and checked as a node would write them; the recall propagated to the top.
fn build(key: &NodeKey, councils: usize) -> (Vec<Chain>, Vec<Chain>, Chain) {
    let by = MemberId(1);
    let districts = councils.div_ceil(PER_DISTRICT);
    let mut national = Chain::new(key, "National Federation", CouncilKind::Federation);
    let mut upper: Vec<Chain> =
        (0..districts).map(|d| Chain::new(key, &format!("District {d}"), CouncilKind::Federation)).collect();
    let bar = ProgressBar::new(councils as u64)
        .with_style(ProgressStyle::with_template("  {pos}/{len} councils {bar:30} {eta}").unwrap());
    let mut lower = Vec::with_capacity(councils);
    for i in 0..councils {
        let district = &mut upper[i / PER_DISTRICT];
        let mut chain = Chain::new(key, &format!("Council {i}"), CouncilKind::Workplace);
        chain.push(key, member_added(1, &format!("Delegate {i}"), Role::Member));
        chain.push(key, fed(FederationEvent::Joined(Joined { by, federation: district.id(), name: name("District") })));
        let decision = chain.decide(key, &[MemberId(1), MemberId(2)]);
        let mandate = MandateGiven {
            by,
            federation: district.id(),
            seat: 1,
            delegate: MemberId(2),
            decision,
            until_ms: None,
            instructions: None,
        };
        chain.push(key, fed(FederationEvent::MandateGiven(mandate)));
        let citation = chain.cite_last();
        district.push(
            key,
            fed(FederationEvent::SeatsSet(SeatsSet {
                by,
                council: chain.id(),
                name: name(&format!("Council {i}")),
                seats: 1,
                weight: 1,
                size: None,
            })),
        );
        let seated =
            Seated { by, seat: 1, mandate: 1, citation, name: DisplayName::parse(&format!("Delegate {i}")).unwrap() };
        district.push(key, fed(FederationEvent::Seated(seated)));
        lower.push(chain);
        bar.inc(1);
    }
    bar.finish_and_clear();
    // Each district mandates its first delegate (member 2) to the national federation, which seats them.
    for (d, district) in upper.iter_mut().enumerate() {
        district
            .push(key, fed(FederationEvent::Joined(Joined { by, federation: national.id(), name: name("National") })));
        let decision = district.decide(key, &[MemberId(2)]);
        let mandate = MandateGiven {
            by,
            federation: national.id(),
            seat: 1,
            delegate: MemberId(2),
            decision,
            until_ms: None,
            instructions: None,
        };
        district.push(key, fed(FederationEvent::MandateGiven(mandate)));
        let citation = district.cite_last();
        national.push(
            key,
            fed(FederationEvent::SeatsSet(SeatsSet {
                by,
                council: district.id(),
                name: name(&format!("District {d}")),
                seats: 1,
                weight: 100,
                size: None,
            })),
        );
        let seated = Seated {
            by,
            seat: 1,
            mandate: 1,
            citation,
            name: DisplayName::parse(&format!("Delegate {}", d * PER_DISTRICT)).unwrap(),
        };
        national.push(key, fed(FederationEvent::Seated(seated)));
    }
    // The recall, up the levels: council 0 recalls Delegate 0; district 0 unseats them and ends their national
    // mandate; the national federation unseats them.
    let council = &mut lower[0];
    council.push(key, fed(FederationEvent::PetitionSigned(Petition { by, mandate: 1 })));
    let decision = council.decide(key, &[MemberId(1)]);
    council.push(key, fed(FederationEvent::Recalled(Recalled { by, mandate: 1, decision })));
    let recall = council.cite_last();
    let district = &mut upper[0];
    district.push(
        key,
        fed(FederationEvent::Unseated(Unseated {
            by,
            member: MemberId(2),
            reason: Unseat::Recalled,
            citation: recall,
        })),
    );
    district.push(key, fed(FederationEvent::Ended(Ended { by, mandate: 1 })));
    let ended = district.cite_last();
    national.push(
        key,
        fed(FederationEvent::Unseated(Unseated { by, member: MemberId(2), reason: Unseat::Ended, citation: ended })),
    );
    (lower, upper, national)
}

fn main() {
    let out_dir = std::env::var("KENES_BENCH_OUT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench-results").to_owned());
    std::fs::create_dir_all(&out_dir).unwrap();
    let key = NodeKey::from_secret_bytes(&[78; 32]);
    let mut rows = Vec::new();
    println!(
        "{:>8} {:>9} {:>9} {:>11} {:>11} {:>9} {:>10} {:>12} {:>10}",
        "councils", "records", "events", "replay s", "floor s", "vs floor", "citations", "check s", "peak MB"
    );
    for &councils in SIZES {
        let (lower, upper, national) = build(&key, councils);
        let all: Vec<&Chain> = lower.iter().chain(upper.iter()).chain(std::iter::once(&national)).collect();
        let events: usize = all.iter().map(|c| c.events.len()).sum();

        // The floor: every chain's hashes and signatures, nothing else.
        let start = Instant::now();
        for chain in &all {
            kenes_record::verify_chain(&chain.events).unwrap();
        }
        let floor = start.elapsed().as_secs_f64();

        // Replay: chains, signatures and every event's rule, into each council's state.
        let start = Instant::now();
        let replayed: Vec<Council> = all.iter().map(|c| kenes_council::replay(&c.events).unwrap()).collect();
        let replay = start.elapsed().as_secs_f64();

        // Every citation of the districts and the national federation, against the records.
        let by_id: HashMap<String, (&Council, &Vec<Event>)> = replayed
            .iter()
            .zip(&all)
            .map(|(council, chain)| (council.id().to_hex(), (council, &chain.events)))
            .collect();
        let start = Instant::now();
        let mut checked = 0;
        for federation in replayed.iter().filter(|c| c.kind == CouncilKind::Federation) {
            let fed_id = federation.id().to_hex();
            for cited in citations::cited(federation) {
                let lower = by_id
                    .get(&cited.citation.council)
                    .map(|(council, events)| (*council, events.get(cited.citation.height as usize)));
                let status = citations::check(&fed_id, &cited, lower);
                assert_eq!(status, Status::Checked, "{cited:?}");
                checked += 1;
            }
        }
        let check = start.elapsed().as_secs_f64();
        // The recall reached the top.
        let top = replayed.last().unwrap();
        assert_eq!(top.past_seats().len(), 1);
        let peak = kenes_testkit::peak_resident_mb();
        println!(
            "{councils:>8} {:>9} {events:>9} {replay:>11.2} {floor:>11.2} {:>8.2}× {checked:>10} {check:>12.3} {peak:>10.0}",
            all.len(),
            replay / floor
        );
        rows.push(serde_json::json!({
            "councils": councils, "records": all.len(), "events": events,
            "replay_seconds": replay, "verify_floor_seconds": floor, "ratio_to_verify_floor": replay / floor,
            "replay_us_per_event": replay / events as f64 * 1e6,
            "citations": checked, "citation_check_seconds": check, "citation_check_us_each": check / checked as f64 * 1e6,
            "peak_resident_mb": peak,
        }));
    }
    let json = serde_json::to_string_pretty(&rows).unwrap();
    std::fs::write(format!("{out_dir}/federation.json"), json).unwrap();
    let mut csv = String::from(
        "councils,records,events,replay_seconds,verify_floor_seconds,ratio_to_verify_floor,replay_us_per_event,citations,citation_check_seconds,citation_check_us_each,peak_resident_mb\n",
    );
    for r in &rows {
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            r["councils"],
            r["records"],
            r["events"],
            r["replay_seconds"],
            r["verify_floor_seconds"],
            r["ratio_to_verify_floor"],
            r["replay_us_per_event"],
            r["citations"],
            r["citation_check_seconds"],
            r["citation_check_us_each"],
            r["peak_resident_mb"]
        ));
    }
    std::fs::write(format!("{out_dir}/federation.csv"), csv).unwrap();
    println!("written {out_dir}/federation.json and federation.csv");
}
