//! Property tests: conservation, anonymity, neutrality, monotonicity where the method has it, and agreement
//! between methods where theory demands it.

use kenes_count::ballot::{Ballot, Ballots, Candidate, Election};
use kenes_count::condorcet::{self, CondorcetOptions, Strength};
use kenes_count::irv::{IrvOptions, count_irv};
use kenes_count::{StvOptions, StvRules, count_stv};
use proptest::prelude::*;

use crate::common::assert_conserved;

/// A counting method with the Condorcet options.
type Method = fn(&Election, &CondorcetOptions) -> Result<kenes_count::CountResult, kenes_count::CountError>;

/// Random elections: 3–6 candidates, up to 25 distinct partial rankings with counts 1–6.
pub fn elections() -> impl Strategy<Value = Election> {
    (3usize..=6).prop_flat_map(|n| {
        let ballot = (Just((0..n as u16).collect::<Vec<u16>>()).prop_shuffle(), 1..=n, 1u64..=6)
            .prop_map(|(order, length, count)| Ballot { prefs: order[..length].into(), count });
        (Just(n), 1usize..=3, proptest::collection::vec(ballot, 1..25)).prop_map(|(n, seats, ballots)| {
            let mut e =
                Election::new((0..n).map(|i| Candidate::new(format!("C{i}"))).collect(), seats.min(n - 1).max(1));
            e.ballots = Ballots::from_owned(ballots);
            e.aggregate();
            e
        })
    })
}

fn permuted(e: &Election, permutation: &[usize]) -> Election {
    let mut out = e.clone();
    for (old, &new) in permutation.iter().enumerate() {
        out.candidates[new] = e.candidates[old].clone();
    }
    let mut ballots = e.ballots.to_owned_vec();
    for ballot in &mut ballots {
        ballot.prefs = ballot.prefs.iter().map(|&c| permutation[usize::from(c)] as u16).collect();
    }
    out.ballots = Ballots::from_owned(ballots);
    out
}

const RULES: [StvRules; 4] = [StvRules::Scottish, StvRules::Ers97, StvRules::Wigm { decimals: 2 }, StvRules::Meek];

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn votes_are_conserved_at_every_stage(e in elections()) {
        for rules in RULES {
            let result = count_stv(&e, &StvOptions { rules, ..StvOptions::default() }).unwrap();
            assert_conserved(&result);
            prop_assert_eq!(result.elected.len(), e.seats);
        }
        assert_conserved(&count_irv(&e, &IrvOptions::default()).unwrap());
    }

    #[test]
    fn ballot_order_never_changes_a_result(e in elections(), seed in any::<u64>()) {
        // Split every aggregated ballot into single ballots, reverse them, and count again: identical accounts,
        // lots included (draws depend on the seed and the ties, never on ballot order).
        let mut shuffled = e.clone();
        shuffled.ballots = Ballots::new();
        for b in e.ballots.iter().rev() {
            for _ in 0..b.count {
                shuffled.ballots.push(b.prefs, 1);
            }
        }
        for rules in RULES {
            let options = StvOptions { rules, seed, ..StvOptions::default() };
            prop_assert_eq!(count_stv(&e, &options).unwrap(), count_stv(&shuffled, &options).unwrap());
        }
        let irv = IrvOptions { seed, ..IrvOptions::default() };
        prop_assert_eq!(count_irv(&e, &irv).unwrap(), count_irv(&shuffled, &irv).unwrap());
        let schulze = CondorcetOptions { seed, ..CondorcetOptions::default() };
        prop_assert_eq!(condorcet::schulze(&e, &schulze).unwrap(), condorcet::schulze(&shuffled, &schulze).unwrap());
    }

    #[test]
    fn stv_counts_the_same_whether_papers_carry_their_ballot_or_point_to_it(e in elections(), seed in any::<u64>()) {
        // Papers of short ballots in small elections carry their preferences; others point into the ballots.
        // Moving the candidates behind 40 withdrawn ones makes every paper of the second kind.
        const SHIFT: usize = 40;
        let mut shifted = e.clone();
        shifted.candidates = (0..SHIFT)
            .map(|i| Candidate { withdrawn: true, ..Candidate::new(format!("W{i}")) })
            .chain(e.candidates.iter().cloned())
            .collect();
        let mut ballots = e.ballots.to_owned_vec();
        for ballot in &mut ballots {
            ballot.prefs = ballot.prefs.iter().map(|&c| c + SHIFT as u16).collect();
        }
        shifted.ballots = Ballots::from_owned(ballots);
        for rules in [StvRules::Scottish, StvRules::Ers97, StvRules::Wigm { decimals: 2 }] {
            let options = StvOptions { rules, seed, ..StvOptions::default() };
            let (a, b) = (count_stv(&e, &options).unwrap(), count_stv(&shifted, &options).unwrap());
            let mapped: Vec<usize> = a.elected.iter().map(|&c| c + SHIFT).collect();
            prop_assert_eq!(mapped, b.elected.clone());
            prop_assert_eq!(a.stages.len(), b.stages.len());
            for (x, y) in a.stages.iter().zip(&b.stages) {
                prop_assert_eq!(&x.totals[..], &y.totals[SHIFT..]);
                prop_assert_eq!((x.exhausted, x.loss), (y.exhausted, y.loss));
            }
        }
    }

    #[test]
    fn renaming_candidates_renames_the_winners(e in elections(), rotate in 1usize..6) {
        let n = e.candidates.len();
        let permutation: Vec<usize> = (0..n).map(|i| (i + rotate) % n).collect();
        let p = permuted(&e, &permutation);
        for rules in RULES {
            let options = StvOptions { rules, ..StvOptions::default() };
            let (a, b) = (count_stv(&e, &options).unwrap(), count_stv(&p, &options).unwrap());
            // Only lot can tell candidates apart by their index; without a tie the result must carry over.
            if a.ties.is_empty() && b.ties.is_empty() {
                let mapped: Vec<usize> = a.elected.iter().map(|&c| permutation[c]).collect();
                prop_assert_eq!(mapped, b.elected);
            }
        }
        let (a, b) = (condorcet::schulze(&e, &Default::default()).unwrap(), condorcet::schulze(&p, &Default::default()).unwrap());
        let mapped: Vec<Vec<usize>> = a.ranking.iter().map(|tier| { let mut t: Vec<usize> = tier.iter().map(|&c| permutation[c]).collect(); t.sort(); t }).collect();
        let sorted: Vec<Vec<usize>> = b.ranking.iter().map(|tier| { let mut t = tier.clone(); t.sort(); t }).collect();
        prop_assert_eq!(mapped, sorted);
    }

    #[test]
    fn raising_the_winner_keeps_them_winning(e in elections(), which in any::<prop::sample::Index>()) {
        // Monotonic methods only: plurality, Borda, Copeland, Schulze. (IRV and STV are not monotonic.)
        let options = CondorcetOptions::default();
        let methods: [Method; 4] =
            [kenes_count::simple::plurality, condorcet::borda, condorcet::copeland, condorcet::schulze];
        for method in methods {
            let before = method(&e, &options).unwrap();
            if before.ranking.first().map(Vec::len) != Some(1) {
                continue;
            }
            let winner = before.elected[0] as u16;
            let mut raised = e.clone();
            let mut ballots = raised.ballots.to_owned_vec();
            let index = which.index(ballots.len());
            let ballot = &mut ballots[index];
            let mut prefs: Vec<u16> = ballot.prefs.iter().copied().filter(|&c| c != winner).collect();
            prefs.insert(0, winner);
            ballot.prefs = prefs.into();
            raised.ballots = Ballots::from_owned(ballots);
            let after = method(&raised, &options).unwrap();
            prop_assert_eq!(after.ranking.first(), Some(&vec![winner as usize]), "{}", before.method);
        }
    }

    #[test]
    fn irv_equals_single_seat_stv(e in elections()) {
        let irv = count_irv(&e, &IrvOptions::default()).unwrap();
        let stv = count_stv(&e, &StvOptions { seats: Some(1), ..StvOptions::default() }).unwrap();
        let lots = |r: &kenes_count::CountResult| r.ties.iter().any(|t| t.how.contains("lot"));
        if !lots(&irv) && !lots(&stv) {
            prop_assert_eq!(irv.elected, stv.elected);
        }
    }

    #[test]
    fn condorcet_methods_elect_the_condorcet_winner(e in elections()) {
        if let Some(winner) = condorcet::condorcet_winner(&e) {
            for strength in [Strength::WinningVotes, Strength::Margins, Strength::Ratio] {
                let options = CondorcetOptions { strength, ..CondorcetOptions::default() };
                prop_assert_eq!(&condorcet::schulze(&e, &options).unwrap().elected, &vec![winner]);
            }
            prop_assert_eq!(&condorcet::ranked_pairs(&e, &Default::default()).unwrap().elected, &vec![winner]);
            prop_assert_eq!(&condorcet::copeland(&e, &Default::default()).unwrap().elected, &vec![winner]);
        }
    }
}
