//! An election held by a server (spec §3.2–§3.4): the Belenios archive and the verified state needed to extend it,
//! every addition verified on receipt.
//!
//! A [`BallotBox`] is made from a fresh setup ([`BallotBox::create`]) or by verifying a whole archive
//! ([`BallotBox::load`]); after that, each call verifies only what it receives:
//! - [`BallotBox::cast`]: one ballot (proofs, signature, election, canonical form), its credential on the roll, not a
//!   replay, the box open; a revote by the same credential replaces the earlier ballot (last ballot counts, §4.15);
//! - [`BallotBox::close`]: `EndBallots` and the encrypted tally of the counted ballots;
//! - [`BallotBox::add_shuffle`], [`BallotBox::end_shuffles`]: for ranked (non-homomorphic) questions, each
//!   trustee's shuffle of the ballots' ciphertexts against its proof, then the end of the shuffles;
//! - [`BallotBox::add_partial_decryption`]: one trustee's decryption factors against that trustee's key;
//! - [`BallotBox::compute_result`]: the result, once enough trustees have decrypted.
//!
//! Each of them is a `prepare_*` (`&self`: verification and the new archive entries, nothing changed) followed by
//! [`BallotBox::commit`] (`&mut self`: cheap, refused with [`Refusal::Stale`] if the box changed in between).
//! A server stores [`Pending::entries`] durably before committing them, so what it answered is what it stored, and
//! a failed store leaves the box as it was. [`BallotBox::check_ballot`] is the expensive part of a cast and needs only
//! `&self`, so ballots can be verified side by side and committed one at a time.
//! Nothing grows with the number of ballots per call except [`BallotBox::close`], which multiplies the counted
//! ballots once; a refused call changes nothing.
//!
//! What the box does not know: voters. Belenios' server also checks that a voter who votes again uses the same
//! credential (spec §3.2 step 3c); that binding of logins to credentials is the server's, with [`Cast::credential`].

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use rand_core::CryptoRngCore;
use rug::Integer;

use crate::archive::{Appendix, Archive, Entry, EventType};
use crate::ballot::{BallotContext, BallotTables, Ciphertext, ParsedBallot, VerifiedBallot};
use crate::credential::SecretCredential;
use crate::election::{Election, ElectionGroup, public_credential_weights, sha256_b64};
use crate::error::{Error, Refusal};
use crate::group::FfGroup;
use crate::mixnet::{Shuffle, shuffle_all, verify_shuffle};
use crate::setup::init_archive;
use crate::tally::{
    CountTable, EncryptedTally, OwnedJson, PartialDecryptionJson, SizedTally, encrypted_tally, encrypted_tally_to_json,
    parse_partial_decryption, partial_decryption_to_json, result_to_json_in, verify_partial_decryption,
};
use crate::trustees::{Selection, Trustees};
use crate::verify::{Progress, Quiet, Verified, ranked_columns, ranked_questions, setup_data, verify_archive_in};

/// How many combinations of the partial decryptions in [`BallotBox::prepare_result`] tries when the first does not
/// decrypt the tally: every one for any council-sized group of trustees (C(9, 4) = 126), a bounded time otherwise.
const MAX_COMBINATIONS_TRIED: usize = 128;

/// An election held by a server: its archive and the verified state needed to accept more. See the module docs.
pub struct BallotBox<G: ElectionGroup = FfGroup> {
    archive: Archive,
    election: Election<G>,
    trustees: Trustees<G::Element>,
    /// What verifies ballots' proofs, shared with the checks under way ([`BallotBox::start_check`]).
    verifier: Arc<Verifier<G>>,
    /// The roll: public credential → weight.
    roll: HashMap<G::Key, u64>,
    trustees_hash: String,
    credentials_hash: String,
    /// The tracking numbers of every ballot cast, revotes included: a replay is refused.
    seen: HashSet<String>,
    /// The ballots in the order of `last(B)` (spec §4.15): each credential's last ballot, `None` once replaced.
    ballots: Vec<Option<Counted<G::Element>>>,
    /// Credential → index in `ballots` of its current ballot.
    current: HashMap<G::Key, usize>,
    cast_count: usize,
    /// Whether the `EndBallots` event is there.
    ended: bool,
    tally: Option<Tally<G::Element>>,
    /// Checked decryption factors per owner (index owner − 1).
    factors: Vec<Option<Vec<G::Element>>>,
    result: Option<Vec<Vec<u64>>>,
}

#[derive(Debug)]
struct Counted<E> {
    ballot: VerifiedBallot<E>,
    weight: u64,
}

#[derive(Debug)]
struct Tally<E> {
    /// What the trustees decrypt: the encrypted tally, its ranked questions' rows replaced by the last shuffle's.
    ciphertexts: EncryptedTally<E>,
    /// The hash of the encrypted tally's data entry.
    hash: String,
    total_weight: u64,
    /// The trustees (1-based) who shuffled, in order.
    shufflers: Vec<usize>,
    /// Whether `EndShuffles` is there.
    shuffles_ended: bool,
}

/// A ballot that passed every check of its own (proofs, signature, election, canonical form), not yet cast.
#[derive(Debug)]
pub struct CheckedBallot<E = Integer> {
    raw: String,
    ballot: VerifiedBallot<E>,
    /// The fingerprint of the election it was checked for.
    fingerprint: String,
}

impl<E> CheckedBallot<E> {
    /// The tracking number: `H_JSON` of the ballot's exact bytes.
    pub fn tracker(&self) -> &str {
        &self.ballot.tracker
    }

    /// The ballot's exact JSON.
    pub fn json(&self) -> &str {
        &self.raw
    }
}

/// What verifies one election's ballots: the election and its fixed-base tables (built on the first ballot), shared
/// by a box and the checks it started.
struct Verifier<G: ElectionGroup> {
    election: Election<G>,
    tables: OnceLock<BallotTables<G>>,
}

impl<G: ElectionGroup> Verifier<G> {
    fn context(&self) -> BallotContext<'_, G> {
        BallotContext::with_tables(&self.election, self.tables.get_or_init(|| BallotTables::new(&self.election)))
    }
}

/// A ballot that passed a box's cheap checks ([`BallotBox::start_check`]), its proofs not yet verified. Holds no
/// borrow of the box.
pub struct BallotCheck<G: ElectionGroup> {
    verifier: Arc<Verifier<G>>,
    raw: String,
    parsed: ParsedBallot<G::Element>,
}

impl<G: ElectionGroup> BallotCheck<G> {
    /// Verifies the signature and every proof: the ballot, ready for [`BallotBox::prepare_casts`] on the box that
    /// started the check (which checks again that it is not a replay by then).
    pub fn finish(self) -> Result<CheckedBallot<G::Element>, Error> {
        let BallotCheck { verifier, raw, parsed } = self;
        let ballot = verifier.context().verify_parsed(parsed)?;
        Ok(CheckedBallot { raw, ballot, fingerprint: verifier.election.fingerprint.clone() })
    }
}

/// A cast ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    /// Its tracking number, for the voter to find on the board.
    pub tracker: String,
    /// The tracking number of the same credential's earlier ballot, which no longer counts (a revote).
    pub replaced: Option<String>,
    /// The public credential, as written in the ballot.
    pub credential: String,
    /// The credential's weight.
    pub weight: u64,
}

/// A change verified and planned but not applied: the entries to store, then [`BallotBox::commit`].
#[derive(Debug)]
#[must_use = "a prepared change does nothing until it is committed"]
pub struct Pending<T, E = Integer> {
    appendix: Appendix,
    change: Change<E>,
    output: T,
}

impl<T, E> Pending<T, E> {
    /// The new archive entries, in order: what a server stores (one row each, or their bytes) before committing.
    pub fn entries(&self) -> &[Entry] {
        self.appendix.entries()
    }

    /// The new entries' bytes, to append to the archive file as it is now.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.appendix.to_bytes()
    }

    /// What the call will return once committed.
    pub fn output(&self) -> &T {
        &self.output
    }
}

#[derive(Debug)]
enum Change<E> {
    Cast { counted: Counted<E>, replaced: Option<usize> },
    Close { tally: Tally<E> },
    Decryption { trustee: usize, factors: Vec<E> },
    Result { result: Vec<Vec<u64>> },
    Shuffle { trustee: usize, columns: Vec<Vec<Ciphertext<E>>> },
    EndShuffles,
}

/// Where the election is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Ballots are accepted.
    Open,
    /// Closed; no trustee has decrypted yet (for ranked questions: the trustees shuffle first, see
    /// [`BallotBox::shuffles_pending`]).
    Closed,
    /// Closed; some trustees have decrypted, the result is not computed.
    Decrypting,
    /// The result is in the archive.
    Tallied,
}

/// How many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Public credentials on the roll.
    pub credentials: usize,
    /// Ballots cast, revotes included.
    pub cast: usize,
    /// Ballots that count: one per credential that voted.
    pub counted: usize,
    /// Their total weight.
    pub counted_weight: u64,
}

/// One line of the public ballot board: a counted ballot's tracking number and weight (spec §3.2 step 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardEntry<'a> {
    pub tracker: &'a str,
    pub weight: u64,
}

/// A finite-field election's ballot box (Belenios 2.0): the constructors below are [`BallotBox`]'s `…_in` ones with
/// the group fixed, so callers that hold 2.0 elections name no group.
impl BallotBox<FfGroup> {
    /// See [`BallotBox::create_in`].
    pub fn create(
        timestamp: u64,
        election_json: &str,
        trustees_json: &str,
        public_credentials_json: &str,
    ) -> Result<Self, Error> {
        Self::create_in(timestamp, election_json, trustees_json, public_credentials_json)
    }

    /// See [`BallotBox::load_in`].
    pub fn load(bytes: &[u8], progress: &dyn Progress) -> Result<Self, Error> {
        Self::load_in(bytes, progress)
    }

    /// See [`BallotBox::from_archive_in`].
    pub fn from_archive(archive: Archive, progress: &dyn Progress) -> Result<Self, Error> {
        Self::from_archive_in(archive, progress)
    }
}

impl<G: ElectionGroup> BallotBox<G> {
    /// Opens a ballot box on a fresh setup: checks the election, the trustees (proofs, election key = product of
    /// their keys) and the public credentials (their weights adding up to at most
    /// [`crate::election::MAX_TOTAL_WEIGHT`], checked first), then starts the archive with the Setup event (belenios-tool
    /// `archive init`). `timestamp` (seconds) goes into the archive header.
    pub fn create_in(
        timestamp: u64,
        election_json: &str,
        trustees_json: &str,
        public_credentials_json: &str,
    ) -> Result<Self, Error> {
        // The total weight first: nothing is built for public credentials whose result could not be counted.
        let weights = public_credential_weights(public_credentials_json)?;
        let archive = init_archive(timestamp, election_json, trustees_json, public_credentials_json);
        let ballot_box = Self::from_archive_in(archive, &Quiet)?;
        if let Some(index) = ballot_box.election.questions.iter().position(|q| q.non_homomorphic)
            && weights.iter().any(|&w| w != 1)
        {
            return Err(Error::Usage(format!(
                "question {} is ranked, where every ballot weighs 1 (each is decrypted on its own): the voters' \
                 weights must all be 1",
                index + 1
            )));
        }
        Ok(ballot_box)
    }

    /// Reads and fully verifies an archive (every ballot, the tally, the partial decryptions, the result).
    pub fn load_in(bytes: &[u8], progress: &dyn Progress) -> Result<Self, Error> {
        Self::from_archive_in(Archive::parse(bytes)?, progress)
    }

    /// Fully verifies a parsed archive and holds it.
    pub fn from_archive_in(archive: Archive, progress: &dyn Progress) -> Result<Self, Error> {
        let verified = verify_archive_in::<G>(&archive, progress)?;
        let setup = setup_data(&archive)?;
        let Verified {
            summary,
            setup: read,
            counted,
            cast_trackers,
            ballots_closed,
            shuffles_ended,
            tally,
            sized_tally,
            factors,
            ..
        } = verified;
        let group = &read.election.group;
        let roll: HashMap<G::Key, u64> = group
            .keys(&read.credentials.iter().map(|c| &c.credential).collect::<Vec<_>>())
            .into_iter()
            .zip(read.credentials.iter().map(|c| c.weight))
            .collect();
        let keys = group.keys(&counted.iter().map(|(ballot, _)| &ballot.credential).collect::<Vec<_>>());
        let mut current = HashMap::with_capacity(counted.len());
        let mut ballots = Vec::with_capacity(counted.len());
        for (index, ((ballot, weight), key)) in counted.into_iter().zip(keys).enumerate() {
            current.insert(key, index);
            ballots.push(Some(Counted { ballot, weight }));
        }
        let tally = match (tally, sized_tally) {
            (Some(ciphertexts), Some(sized)) => Some(Tally {
                ciphertexts,
                hash: sized.encrypted_tally,
                total_weight: sized.total_weight,
                shufflers: summary.shuffles.clone(),
                shuffles_ended,
            }),
            _ => None,
        };
        let verifier = Arc::new(Verifier { election: read.election.clone(), tables: OnceLock::new() });
        Ok(BallotBox {
            election: read.election,
            trustees: read.trustees,
            verifier,
            roll,
            trustees_hash: setup.trustees,
            credentials_hash: setup.credentials,
            cast_count: cast_trackers.len(),
            seen: cast_trackers.into_iter().collect(),
            ballots,
            current,
            ended: ballots_closed,
            tally,
            factors,
            result: summary.result,
            archive,
        })
    }

    fn context(&self) -> BallotContext<'_, G> {
        self.verifier.context()
    }

    fn refuse_if_closed(&self) -> Result<(), Error> {
        if self.ended { Err(Error::Refused(Refusal::Closed)) } else { Ok(()) }
    }

    /// The checks that come before any proof: the box is open, the ballot is not a replay (its tracking number
    /// not yet seen), it is this election's in canonical form ([`ParsedBallot::parse`]), its credential is on the roll.
    fn cheap_checks(&self, ballot_json: &str) -> Result<ParsedBallot<G::Element>, Error> {
        self.refuse_if_closed()?;
        let tracker = sha256_b64(ballot_json);
        if self.seen.contains(&tracker) {
            return Err(Error::Refused(Refusal::DuplicateBallot { tracker }));
        }
        let parsed = ParsedBallot::parse(&self.election, ballot_json)?;
        if !self.roll.contains_key(&self.election.group.key(parsed.credential())) {
            return Err(Error::Refused(Refusal::UnknownCredential));
        }
        Ok(parsed)
    }

    /// Verifies a ballot given as its exact JSON. The cheap refusals come first, before any proof is verified: a
    /// closed box, a replay (its tracking number already seen), a ballot that is not this election's in canonical
    /// form ([`ParsedBallot::parse`]), a credential that is not on the roll; only then the signature and every
    /// proof, the expensive part.
    pub fn check_ballot(&self, ballot_json: &str) -> Result<CheckedBallot<G::Element>, Error> {
        self.start_check(ballot_json)?.finish()
    }

    /// [`BallotBox::check_ballot`] in two steps: the cheap refusals now, the signature and the proofs (the
    /// expensive part) when [`BallotCheck::finish`] is called, which needs no access to the box. A server takes the
    /// box's lock for the first step only, so a change being stored never holds up the proofs' checks.
    pub fn start_check(&self, ballot_json: &str) -> Result<BallotCheck<G>, Error> {
        let parsed = self.cheap_checks(ballot_json)?;
        Ok(BallotCheck { verifier: self.verifier.clone(), raw: ballot_json.to_owned(), parsed })
    }

    /// Creates a ballot for `plaintext` (one 0/1 vector per question, blank indicator first when allowed) with a
    /// voter's secret credential: a ballot made here by kenes itself, so it is not verified again when cast.
    pub fn create_ballot(
        &self,
        credential: &SecretCredential,
        plaintext: &[Vec<u32>],
        rng: &mut dyn CryptoRngCore,
    ) -> Result<CheckedBallot<G::Element>, Error> {
        let (raw, ballot) = self.context().create_with_ciphertexts(credential, plaintext, rng)?;
        Ok(CheckedBallot { raw, ballot, fingerprint: self.election.fingerprint.clone() })
    }

    /// Plans the cast of a checked ballot: the box is open, the ballot is not a replay, its credential is on the roll;
    /// a revote replaces the credential's earlier ballot.
    pub fn prepare_cast(&self, ballot: CheckedBallot<G::Element>) -> Result<Pending<Cast, G::Element>, Error> {
        self.prepare_casts(vec![ballot]).pop().unwrap_or_else(|| Err(Error::invalid("no ballot was planned")))
    }

    /// Plans the casts of several checked ballots, one after the other, each as [`BallotBox::prepare_cast`] plans it
    /// on the box with the casts before it applied: a ballot is refused if one before it in the list has the same
    /// tracking number, and a credential's second ballot in the list replaces its first. The answer has one entry per
    /// ballot, in order; the planned casts are committed in that order (skipping the refused), so their archive
    /// entries, stored one piece per cast, can all be stored in one transaction first.
    pub fn prepare_casts(
        &self,
        ballots: Vec<CheckedBallot<G::Element>>,
    ) -> Vec<Result<Pending<Cast, G::Element>, Error>> {
        let mut extension = self.archive.extension();
        let mut seen_here: HashSet<String> = HashSet::new();
        // Credentials that cast earlier in the list: the index their ballot will have in `ballots`, its tracker.
        let mut current_here: HashMap<G::Key, (usize, String)> = HashMap::new();
        let mut next = self.ballots.len();
        let mut planned = Vec::with_capacity(ballots.len());
        for ballot in ballots {
            let plan = (|| {
                if ballot.fingerprint != self.election.fingerprint {
                    return Err(Error::invalid("the ballot was checked for another election"));
                }
                self.refuse_if_closed()?;
                let CheckedBallot { raw, ballot, .. } = ballot;
                if self.seen.contains(&ballot.tracker) || seen_here.contains(&ballot.tracker) {
                    return Err(Error::Refused(Refusal::DuplicateBallot { tracker: ballot.tracker }));
                }
                let key = self.election.group.key(&ballot.credential);
                let weight = *self.roll.get(&key).ok_or(Error::Refused(Refusal::UnknownCredential))?;
                let (replaced, replaced_tracker) = match current_here.get(&key) {
                    Some((index, tracker)) => (Some(*index), Some(tracker.clone())),
                    None => {
                        let replaced = self.current.get(&key).copied();
                        let tracker = replaced
                            .and_then(|i| self.ballots.get(i))
                            .and_then(Option::as_ref)
                            .map(|c| c.ballot.tracker.clone());
                        (replaced, tracker)
                    }
                };
                extension.add_data_event(EventType::Ballot, &raw);
                seen_here.insert(ballot.tracker.clone());
                current_here.insert(key, (next, ballot.tracker.clone()));
                next += 1;
                let output = Cast {
                    tracker: ballot.tracker.clone(),
                    replaced: replaced_tracker,
                    credential: self.election.group.encode(&ballot.credential),
                    weight,
                };
                Ok(Pending {
                    appendix: extension.cut(),
                    change: Change::Cast { counted: Counted { ballot, weight }, replaced },
                    output,
                })
            })();
            planned.push(plan);
        }
        planned
    }

    /// The checked ballot of a planned cast, to plan it again ([`BallotBox::prepare_casts`]) once the box changed
    /// (after [`BallotBox::follow`] brought in what another writer stored first) or the list of ballots stored with it
    /// did: the same ballot, not verified again, refused then as any cast is (a replay, a closed box).
    pub fn unplan(&self, pending: Pending<Cast, G::Element>) -> Result<CheckedBallot<G::Element>, Error> {
        let Pending { appendix, change, .. } = pending;
        let Change::Cast { counted, .. } = change else {
            return Err(Error::invalid("only a cast can be planned again"));
        };
        let raw = appendix
            .entries()
            .iter()
            .find_map(|entry| match entry {
                crate::archive::Entry::Data { body, .. } => Some(body.clone()),
                crate::archive::Entry::Event { .. } => None,
            })
            .ok_or_else(|| Error::invalid("the planned cast holds no ballot"))?;
        Ok(CheckedBallot { raw, ballot: counted.ballot, fingerprint: self.election.fingerprint.clone() })
    }

    /// Applies a piece of the archive that another server of this node stored (several servers on one database)
    /// after verifying its ballot in full: the ballot's form, election, credential on the roll and novelty are
    /// checked here, and the piece is accepted only when it is exactly the entries this box would write for it; its
    /// proofs and signature are not verified again (that would multiply the work by the number of servers; whoever
    /// can write the node's database is the node, and loading an archive verifies everything). Any other piece (a
    /// close, a decryption) is refused with nothing changed: the caller then loads the archive again.
    pub fn follow(&mut self, piece: &[u8]) -> Result<Cast, Error> {
        let raw = crate::archive::first_entry_body(piece)
            .ok_or_else(|| Error::Archive("the piece does not start with an archive entry".into()))?;
        let ballot = self.cheap_checks(raw)?.stored_as_verified();
        let checked = CheckedBallot { raw: raw.to_owned(), ballot, fingerprint: self.election.fingerprint.clone() };
        let pending = self.prepare_cast(checked)?;
        if pending.to_bytes() != piece {
            return Err(Error::Archive("the piece is not the cast of one ballot onto this archive".into()));
        }
        self.commit(pending)
    }

    /// Verifies and casts a ballot given as its exact JSON (see [`BallotBox::check_ballot`] and
    /// [`BallotBox::prepare_cast`]); on error nothing changes.
    pub fn cast(&mut self, ballot_json: &str) -> Result<Cast, Error> {
        let checked = self.check_ballot(ballot_json)?;
        let pending = self.prepare_cast(checked)?;
        self.commit(pending)
    }

    /// Plans closing the box: `EndBallots` (unless already there), the encrypted tally of the counted ballots, and
    /// the `EncryptedTally` event, as `belenios-tool election compute-encrypted-tally` and `archive add-event` do.
    /// The output is the encrypted tally's JSON.
    pub fn prepare_close(&self) -> Result<Pending<String, G::Element>, Error> {
        if self.tally.is_some() {
            return Err(Error::Refused(Refusal::Closed));
        }
        let counted: Vec<(&VerifiedBallot<G::Element>, u64)> =
            self.ballots.iter().flatten().map(|c| (&c.ballot, c.weight)).collect();
        let total_weight = counted
            .iter()
            .try_fold(0u64, |total, (_, w)| total.checked_add(*w))
            .ok_or_else(|| Error::invalid("the weights of the counted ballots add up to more than 2^64 − 1"))?;
        let ciphertexts = encrypted_tally(&self.election, &counted)?;
        let json = encrypted_tally_to_json(&self.election, &ciphertexts);
        let mut extension = self.archive.extension();
        if !self.ended {
            extension.add_event(EventType::EndBallots, None);
        }
        let hash = extension.add_data(&json);
        let sized = SizedTally { num_tallied: counted.len() as u64, total_weight, encrypted_tally: hash.clone() };
        extension.add_data_event(EventType::EncryptedTally, &sized.to_json());
        let tally = Tally { ciphertexts, hash, total_weight, shufflers: Vec::new(), shuffles_ended: false };
        Ok(Pending { appendix: extension.finish(), change: Change::Close { tally }, output: json })
    }

    /// Closes the box and appends the encrypted tally, returning its JSON.
    pub fn close(&mut self) -> Result<String, Error> {
        let pending = self.prepare_close()?;
        self.commit(pending)
    }

    /// Plans adding trustee `trustee`'s partial decryption (1-based, in the order of the trustees structure, the
    /// `owner` of spec §4.18): the tally is there and the result not yet, the trustee exists and has not decrypted,
    /// and every factor's proof holds for that trustee's key (its "Single" key, or its verification key in a
    /// "Pedersen" group). Appends the partial decryption and `{"owner":N,"payload":H}` with its event.
    ///
    /// A trustee may decrypt again only while the result is stuck with its decryption among those combined (see
    /// [`BallotBox::prepare_result`]); the later decryption then replaces the earlier, in kenes' verification as in
    /// belenios-tool's (which keeps the last partial decryption of each owner).
    pub fn prepare_partial_decryption(
        &self,
        trustee: usize,
        partial_decryption_json: &str,
    ) -> Result<Pending<(), G::Element>, Error> {
        let tally = self.tally_for_decryption()?;
        let trustees = self.trustees.owner_count();
        let key =
            self.trustees.owner_key(trustee).ok_or(Error::Refused(Refusal::UnknownTrustee { trustee, trustees }))?;
        if self.factors.get(trustee - 1).is_some_and(Option::is_some) && !self.may_decrypt_again(tally, trustee) {
            return Err(Error::Refused(Refusal::DuplicateDecryption { trustee }));
        }
        let context = format!("partial decryption of trustee {trustee}");
        let json: PartialDecryptionJson =
            parse_partial_decryption(&self.election, partial_decryption_json).map_err(|e| e.context(&context))?;
        let factors = verify_partial_decryption(&self.election, &tally.ciphertexts, key, &json)
            .map_err(|e| e.context(&context))?;
        let body = partial_decryption_to_json(&self.election, &json);
        let mut extension = self.archive.extension();
        let payload = extension.add_data(&body);
        let owned = serde_json::to_string(&OwnedJson { owner: trustee, payload })
            .map_err(|e| Error::Encoding(e.to_string()))?;
        extension.add_data_event(EventType::PartialDecryption, &owned);
        Ok(Pending { appendix: extension.finish(), change: Change::Decryption { trustee, factors }, output: () })
    }

    /// Verifies and adds a trustee's partial decryption (see [`BallotBox::prepare_partial_decryption`]).
    pub fn add_partial_decryption(&mut self, trustee: usize, partial_decryption_json: &str) -> Result<(), Error> {
        let pending = self.prepare_partial_decryption(trustee, partial_decryption_json)?;
        self.commit(pending)
    }

    fn tally_for_decryption(&self) -> Result<&Tally<G::Element>, Error> {
        if self.result.is_some() {
            return Err(Error::Refused(Refusal::Tallied));
        }
        let tally = self.tally.as_ref().ok_or(Error::Refused(Refusal::NoTally))?;
        if self.has_ranked() && !tally.shuffles_ended {
            return Err(Error::Refused(Refusal::ShufflesPending { shuffled: tally.shufflers.len() }));
        }
        Ok(tally)
    }

    fn has_ranked(&self) -> bool {
        self.election.questions.iter().any(|q| q.non_homomorphic)
    }

    /// The tally while the ranked ballots may still be shuffled: closed, a ranked question, no `EndShuffles`, no
    /// decryption, no result.
    fn tally_for_shuffle(&self) -> Result<&Tally<G::Element>, Error> {
        if self.result.is_some() {
            return Err(Error::Refused(Refusal::Tallied));
        }
        let tally = self.tally.as_ref().ok_or(Error::Refused(Refusal::NoTally))?;
        if !self.has_ranked() || tally.shuffles_ended || self.factors.iter().any(Option::is_some) {
            return Err(Error::Refused(Refusal::NoShuffle));
        }
        Ok(tally)
    }

    /// The ranked questions' ciphertexts as the next shuffle takes them (the last shuffle's output, or the
    /// tally's), one column per ranked question; `None` when nothing is to be shuffled now.
    pub fn columns_to_shuffle(&self) -> Option<Vec<Vec<Ciphertext<G::Element>>>> {
        let tally = self.tally_for_shuffle().ok()?;
        Some(ranked_columns(&ranked_questions(&self.election), &tally.ciphertexts))
    }

    /// Shuffles the ranked ballots as they stand and proves it (3.0 spec §4.19): what a trustee's computer does
    /// (`belenios-tool election shuffle`, `kenes election shuffle`). Returns the shuffle's JSON, to add with
    /// [`BallotBox::prepare_shuffle`]; nothing changes here.
    pub fn make_shuffle(&self, rng: &mut dyn CryptoRngCore) -> Result<String, Error> {
        let columns = self.columns_to_shuffle().ok_or(Error::Refused(Refusal::NoShuffle))?;
        let election = &self.election;
        let shuffle = shuffle_all(&election.group, &election.public_key, &election.fingerprint, &columns, rng)?;
        Ok(shuffle.to_json_string())
    }

    /// Plans adding trustee `trustee`'s shuffle (1-based, the `owner` of spec §4.19): the box is closed, the
    /// election has ranked questions, the shuffles have not ended, the trustee exists and has not shuffled, and
    /// the shuffle's proofs hold against the ciphertexts as they stand. Appends the shuffle and
    /// `{"owner":N,"payload":H}` with its `Shuffle` event.
    pub fn prepare_shuffle(&self, trustee: usize, shuffle_json: &str) -> Result<Pending<(), G::Element>, Error> {
        let tally = self.tally_for_shuffle()?;
        let trustees = self.trustees.owner_count();
        if self.trustees.owner_key(trustee).is_none() {
            return Err(Error::Refused(Refusal::UnknownTrustee { trustee, trustees }));
        }
        if tally.shufflers.contains(&trustee) {
            return Err(Error::Refused(Refusal::DuplicateShuffle { trustee }));
        }
        let election = &self.election;
        let context = format!("shuffle of trustee {trustee}");
        let shuffle = Shuffle::parse(&election.group, shuffle_json).map_err(|e| e.context(&context))?;
        let input = ranked_columns(&ranked_questions(election), &tally.ciphertexts);
        verify_shuffle(&election.group, &election.public_key, &election.fingerprint, &input, &shuffle)
            .map_err(|e| e.context(&context))?;
        let body = shuffle.to_json_string();
        let mut extension = self.archive.extension();
        let payload = extension.add_data(&body);
        let owned = serde_json::to_string(&OwnedJson { owner: trustee, payload })
            .map_err(|e| Error::Encoding(e.to_string()))?;
        extension.add_data_event(EventType::Shuffle, &owned);
        Ok(Pending {
            appendix: extension.finish(),
            change: Change::Shuffle { trustee, columns: shuffle.ciphertexts() },
            output: (),
        })
    }

    /// Verifies and adds a trustee's shuffle (see [`BallotBox::prepare_shuffle`]).
    pub fn add_shuffle(&mut self, trustee: usize, shuffle_json: &str) -> Result<(), Error> {
        let pending = self.prepare_shuffle(trustee, shuffle_json)?;
        self.commit(pending)
    }

    /// Plans `EndShuffles`: at least one trustee has shuffled; those who have not are skipped (the archive shows
    /// who shuffled). After it, the trustees decrypt the shuffled ballots.
    pub fn prepare_end_shuffles(&self) -> Result<Pending<(), G::Element>, Error> {
        let tally = self.tally_for_shuffle()?;
        if tally.shufflers.is_empty() {
            return Err(Error::Refused(Refusal::ShufflesPending { shuffled: 0 }));
        }
        let mut extension = self.archive.extension();
        extension.add_event(EventType::EndShuffles, None);
        Ok(Pending { appendix: extension.finish(), change: Change::EndShuffles, output: () })
    }

    /// Ends the shuffles (see [`BallotBox::prepare_end_shuffles`]).
    pub fn end_shuffles(&mut self) -> Result<(), Error> {
        let pending = self.prepare_end_shuffles()?;
        self.commit(pending)
    }

    /// Whether the ranked ballots still wait for shuffles before anyone may decrypt; and who has shuffled.
    pub fn shuffles_pending(&self) -> Option<&[usize]> {
        let tally = self.tally.as_ref()?;
        (self.has_ranked() && !tally.shuffles_ended && self.result.is_none()).then_some(tally.shufflers.as_slice())
    }

    /// The trustees (1-based) who shuffled, in order.
    pub fn shufflers(&self) -> &[usize] {
        self.tally.as_ref().map_or(&[], |t| t.shufflers.as_slice())
    }

    /// Plans the result (spec §4.19) from the partial decryptions: every "Single" trustee's and at least `threshold`
    /// of each "Pedersen" group's, combined as belenios-tool combines them (the first `threshold` of a group by
    /// number, [`Trustees::first_selection`]) so that belenios-tool verifies the archive.
    ///
    /// A dishonest trustee can send a wrong factor whose proof holds: the proof's hash (spec §4.18,
    /// `"decrypt|" φ "|" X "|" A "," B`) does not contain the factor, so a prover who knows its key picks the
    /// factor after the challenge. The tally then decrypts to no count within the total weight. When that happens
    /// the box tries the other combinations of the decryptions in: if one gives the result, the trustees whose
    /// factors disagree with it are named ([`Refusal::InconsistentDecryptions`]); if none does, the trustees
    /// combined are the suspects ([`Refusal::ResultNotFound`]). In both cases nothing is appended: belenios-tool
    /// would combine the wrong factor and refuse any result written, so the result waits for those trustees to
    /// decrypt again or for enough trustees numbered below them to decrypt.
    pub fn prepare_result(&self) -> Result<Pending<Vec<Vec<u64>>, G::Element>, Error> {
        let tally = self.tally_for_decryption()?;
        if let Some(missing) = self.missing_decryptions() {
            return Err(Error::Refused(Refusal::MissingDecryptions { missing }));
        }
        let table = CountTable::new(&self.election, &tally.ciphertexts, tally.total_weight);
        let selection = self.trustees.first_selection(&self.decrypted_flags())?;
        let Some(result) = self.counts_with(tally, &table, &selection)? else {
            return Err(Error::Refused(self.diagnose(tally, &table, &selection)?));
        };
        let mut extension = self.archive.extension();
        extension.add_data_event(EventType::Result, &result_to_json_in(&self.election, &result));
        Ok(Pending { appendix: extension.finish(), change: Change::Result { result: result.clone() }, output: result })
    }

    fn decrypted_flags(&self) -> Vec<bool> {
        self.factors.iter().map(Option::is_some).collect()
    }

    fn factor_views(&self) -> Vec<Option<&[G::Element]>> {
        self.factors.iter().map(|f| f.as_deref()).collect()
    }

    /// The counts with the factors of `selection`, or `None` when they do not decrypt the tally.
    fn counts_with(
        &self,
        tally: &Tally<G::Element>,
        table: &CountTable<G>,
        selection: &Selection,
    ) -> Result<Option<Vec<Vec<u64>>>, Error> {
        let length = tally.ciphertexts.iter().map(Vec::len).sum();
        let combined = self.trustees.combine_selected(&self.election.group, &self.factor_views(), length, selection)?;
        Ok(table.counts(&self.election, &tally.ciphertexts, &combined))
    }

    /// Why the decryptions of `first` (belenios-tool's combination) do not decrypt the tally: the trustees whose
    /// factors another combination shows wrong, or else the suspects of `first`.
    fn diagnose(&self, tally: &Tally<G::Element>, table: &CountTable<G>, first: &Selection) -> Result<Refusal, Error> {
        let decrypted = self.decrypted_flags();
        for selection in self.trustees.selections(&decrypted, MAX_COMBINATIONS_TRIED)?.iter().skip(1) {
            if self.counts_with(tally, table, selection)?.is_some() {
                let wrong = self.trustees.inconsistent_with(&self.election.group, &self.factor_views(), selection);
                if !wrong.is_empty() {
                    return Ok(Refusal::InconsistentDecryptions { trustees: wrong.iter().map(|o| o + 1).collect() });
                }
            }
        }
        let mut suspects: Vec<usize> = first.iter().flatten().map(|o| o + 1).collect();
        suspects.sort_unstable();
        Ok(Refusal::ResultNotFound { suspects })
    }

    /// Whether `trustee` (1-based) may replace its partial decryption: enough trustees have decrypted, the
    /// decryptions belenios-tool combines include its own, and they do not decrypt the tally.
    fn may_decrypt_again(&self, tally: &Tally<G::Element>, trustee: usize) -> bool {
        if self.missing_decryptions().is_some() {
            return false;
        }
        let Ok(selection) = self.trustees.first_selection(&self.decrypted_flags()) else { return false };
        if !selection.iter().flatten().any(|&owner| owner + 1 == trustee) {
            return false;
        }
        let table = CountTable::new(&self.election, &tally.ciphertexts, tally.total_weight);
        matches!(self.counts_with(tally, &table, &selection), Ok(None))
    }

    /// The trustees (1-based) who decrypted but whose factors disagree with those belenios-tool combines
    /// ([`Trustees::inconsistent_with`]): once the result is computed, the trustees it did without because their
    /// factors were wrong. Empty while fewer than `threshold` of a group have decrypted.
    pub fn inconsistent_decryptions(&self) -> Vec<usize> {
        let Ok(selection) = self.trustees.first_selection(&self.decrypted_flags()) else { return Vec::new() };
        let wrong = self.trustees.inconsistent_with(&self.election.group, &self.factor_views(), &selection);
        wrong.into_iter().map(|owner| owner + 1).collect()
    }

    /// Computes and appends the result: per question, the weighted count of each choice (blank first when allowed).
    pub fn compute_result(&mut self) -> Result<Vec<Vec<u64>>, Error> {
        let pending = self.prepare_result()?;
        self.commit(pending)
    }

    /// Applies a prepared change, if the box has not changed since it was prepared ([`Refusal::Stale`] otherwise,
    /// and nothing changes).
    pub fn commit<T>(&mut self, pending: Pending<T, G::Element>) -> Result<T, Error> {
        let Pending { appendix, change, output } = pending;
        self.archive.check_append(&appendix).map_err(|_| Error::Refused(Refusal::Stale))?;
        self.archive.append(appendix)?;
        match change {
            Change::Cast { counted, replaced } => {
                if let Some(slot) = replaced.and_then(|i| self.ballots.get_mut(i)) {
                    *slot = None;
                }
                self.seen.insert(counted.ballot.tracker.clone());
                self.current.insert(self.election.group.key(&counted.ballot.credential), self.ballots.len());
                self.ballots.push(Some(counted));
                self.cast_count += 1;
            }
            Change::Close { tally } => {
                self.ended = true;
                self.tally = Some(tally);
            }
            Change::Decryption { trustee, factors } => {
                if let Some(slot) = self.factors.get_mut(trustee - 1) {
                    *slot = Some(factors);
                }
            }
            Change::Result { result } => self.result = Some(result),
            Change::Shuffle { trustee, columns } => {
                if let Some(tally) = &mut self.tally {
                    for (i, column) in ranked_questions(&self.election).into_iter().zip(columns) {
                        tally.ciphertexts[i] = column;
                    }
                    tally.shufflers.push(trustee);
                }
            }
            Change::EndShuffles => {
                if let Some(tally) = &mut self.tally {
                    tally.shuffles_ended = true;
                }
            }
        }
        Ok(output)
    }

    /// The archive as it stands.
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// The archive's bytes (the whole file: for a download, not for storing each change).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.archive.to_bytes()
    }

    /// The parsed election.
    pub fn election(&self) -> &Election<G> {
        &self.election
    }

    /// `election.json`, its exact text.
    pub fn election_json(&self) -> &str {
        &self.election.raw
    }

    /// `trustees.json`, its exact text.
    pub fn trustees_json(&self) -> &str {
        self.archive.get(&self.trustees_hash).unwrap_or_default()
    }

    /// The public credentials' exact text.
    pub fn public_credentials_json(&self) -> &str {
        self.archive.get(&self.credentials_hash).unwrap_or_default()
    }

    /// The trustees, checked.
    pub fn trustees(&self) -> &Trustees<G::Element> {
        &self.trustees
    }

    /// The encrypted tally's JSON, once closed.
    pub fn encrypted_tally_json(&self) -> Option<&str> {
        self.tally.as_ref().and_then(|t| self.archive.get(&t.hash))
    }

    /// The encrypted tally, once closed, as the trustees decrypt it (ranked questions: the last shuffle's output).
    pub fn encrypted_tally(&self) -> Option<&EncryptedTally<G::Element>> {
        self.tally.as_ref().map(|t| &t.ciphertexts)
    }

    /// The public ballot board: the tracking numbers of the counted ballots (each credential's last) with their
    /// weights, in the order of `last(B)`; nothing that names a voter or a credential.
    pub fn board(&self) -> Vec<BoardEntry<'_>> {
        self.ballots.iter().flatten().map(|c| BoardEntry { tracker: &c.ballot.tracker, weight: c.weight }).collect()
    }

    /// Credentials, ballots cast and counted, counted weight.
    pub fn counts(&self) -> Counts {
        let (counted, counted_weight) =
            self.ballots.iter().flatten().fold((0, 0u64), |(n, w), c| (n + 1, w.saturating_add(c.weight)));
        Counts { credentials: self.roll.len(), cast: self.cast_count, counted, counted_weight }
    }

    /// Where the election is.
    pub fn status(&self) -> Status {
        if self.result.is_some() {
            Status::Tallied
        } else if self.factors.iter().any(Option::is_some) {
            Status::Decrypting
        } else if self.ended {
            Status::Closed
        } else {
            Status::Open
        }
    }

    /// The number of trustees who decrypt (partial decryption owners, numbered from 1).
    pub fn trustee_count(&self) -> usize {
        self.trustees.owner_count()
    }

    /// The trustees (1-based) whose partial decryption is in, in order.
    pub fn decrypted(&self) -> Vec<usize> {
        self.factors.iter().enumerate().filter(|(_, f)| f.is_some()).map(|(i, _)| i + 1).collect()
    }

    /// What is missing before the result can be computed, or `None` when enough trustees have decrypted.
    pub fn missing_decryptions(&self) -> Option<String> {
        let decrypted: Vec<bool> = self.factors.iter().map(Option::is_some).collect();
        self.trustees.missing_decryptions(&decrypted)
    }

    /// The public key trustee `trustee` (1-based) decrypts with, if there is such a trustee.
    pub fn trustee_key(&self, trustee: usize) -> Option<&G::Element> {
        self.trustees.owner_key(trustee)
    }

    /// The result, once computed.
    pub fn result(&self) -> Option<&[Vec<u64>]> {
        self.result.as_deref()
    }
}
