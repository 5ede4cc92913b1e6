//! Hand-made cases, one per rule point where real counting software disagrees (shared/data/README.md, last list).

use kenes_count::ballot::{BallotRules, Irregular, OVERVOTE, SKIP, TIED};
use kenes_count::condorcet::{self, CondorcetOptions, Debian, Strength};
use kenes_count::irv::{IrvOptions, count_irv};
use kenes_count::{Action, StvOptions, StvRules, TieRule, Votes, count_stv};

use crate::common::{assert_conserved, elected, election, total, votes};

fn stv(rules: StvRules) -> StvOptions {
    StvOptions { rules, ..StvOptions::default() }
}

#[test]
fn quota_formula_and_blank_ballots() {
    // Blank ballots are not valid votes: quota = floor(9 / 3) + 1 = 4 from the nine valid ones.
    let e = election(&["A", "B", "C"], 2, &[(4, "A"), (3, "B"), (2, "C B"), (5, "")]);
    let scottish = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(scottish.valid, Votes::from_int(9));
    assert_eq!(scottish.invalid, 5);
    assert_eq!(scottish.quota, Some(Votes::from_int(4)));
    // ERS97: 9 / 3 to two places, plus 0.01.
    assert_eq!(count_stv(&e, &stv(StvRules::Ers97)).unwrap().quota, Some(votes("3.01")));
    // Meek: (valid − excess) / (seats + 1) to nine places, plus 10⁻⁹.
    assert_eq!(count_stv(&e, &stv(StvRules::Meek)).unwrap().stages[0].exhausted, Votes::ZERO);
}

#[test]
fn elected_on_reaching_the_quota_exactly() {
    // A has exactly the quota (4): elected at stage 1 with nothing to transfer.
    let e = election(&["A", "B", "C"], 2, &[(4, "A"), (3, "B"), (2, "C B")]);
    let result = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(result.stages[0].elected, vec![0]);
    assert_eq!(elected(&result), ["A", "B"]);
    assert_eq!(result.stages[1].action, Action::Exclusion { candidates: vec![2] });
    assert_conserved(&result);
}

#[test]
fn surplus_from_all_papers_or_from_the_last_parcel() {
    // A reaches the quota on E's transfer. Scottish rules transfer the surplus from all 16 of A's papers at
    // 2/16 = 0.125 (C gets 1.25, B 0.75); ERS97 only from the last parcel (E's six papers, all for B), at
    // 2.66 / 6 = 0.44333 → 0.44, so B gets 2.64.
    let e = election(&["A", "B", "C", "D", "E"], 2, &[(10, "A C"), (6, "E A B"), (9, "B"), (8, "C"), (7, "D")]);
    let scottish = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(scottish.stages[1].action, Action::Exclusion { candidates: vec![4] });
    assert_eq!(scottish.stages[2].action, Action::Surplus { candidate: 0 });
    assert_eq!(total(&scottish, 3, "B"), votes("9.75"));
    assert_eq!(total(&scottish, 3, "C"), votes("9.25"));
    let ers = count_stv(&e, &stv(StvRules::Ers97)).unwrap();
    assert_eq!(ers.quota, Some(votes("13.34")));
    assert_eq!(total(&ers, 3, "B"), votes("11.64"));
    assert_eq!(total(&ers, 3, "C"), votes("8"));
    assert_eq!(ers.stages[2].loss, votes("0.02"));
    assert_eq!(elected(&scottish), ["A", "B"]);
    assert_eq!(elected(&ers), ["A", "B"]);
    assert_conserved(&scottish);
    assert_conserved(&ers);
}

#[test]
fn decimal_truncation_of_transfer_values() {
    // Surplus 3 of 7 papers: 3/7 = 0.428571428…
    let e = election(&["A", "B", "C"], 2, &[(7, "A B"), (1, "B"), (3, "C")]);
    for (rules, b_total, loss) in [
        (StvRules::Scottish, "3.99999", "0.00001"),
        (StvRules::Wigm { decimals: 2 }, "3.94", "0.06"),
        (StvRules::Wigm { decimals: 9 }, "3.999999996", "0.000000004"),
    ] {
        let result = count_stv(&e, &stv(rules)).unwrap();
        assert_eq!(result.quota, Some(Votes::from_int(4)));
        assert_eq!(total(&result, 2, "B"), votes(b_total), "{rules:?}");
        assert_eq!(result.stages[1].loss, votes(loss), "{rules:?}");
        assert_conserved(&result);
    }
}

#[test]
fn largest_surplus_first_then_backward_tie_break() {
    let e = election(&["A", "B", "C", "D", "E"], 3, &[(12, "A C"), (8, "B D"), (1, "C"), (1, "D"), (2, "E")]);
    let result = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(result.quota, Some(Votes::from_int(7)));
    assert_eq!(result.stages[0].elected, vec![0, 1]);
    assert_eq!(result.stages[1].action, Action::Surplus { candidate: 0 });
    assert_eq!(result.stages[2].action, Action::Surplus { candidate: 1 });
    // D and E both have 2 at stage 3; at stage 2, D had 1 and E 2: D is excluded, and the tie is in the account.
    assert_eq!(total(&result, 3, "D"), Votes::from_int(2));
    assert_eq!(result.stages[3].action, Action::Exclusion { candidates: vec![3] });
    assert_eq!(result.ties.len(), 1);
    assert_eq!(result.ties[0].how, "backward to stage 2");
    assert_eq!(result.ties[0].candidates, vec![3, 4]);
}

#[test]
fn backward_forward_and_lot_tie_breaks_differ_and_are_logged() {
    // X < Y at stage 1, X > Y at stage 2, X = Y (lowest) at stage 3.
    let e = election(
        &["X", "Y", "P", "R", "Z", "W"],
        1,
        &[(5, "X Z"), (6, "Y W"), (2, "P X Z"), (1, "R Y W"), (2, "R Z"), (20, "Z"), (19, "W")],
    );
    let backward = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(backward.stages[3].action, Action::Exclusion { candidates: vec![1] });
    assert_eq!(backward.ties[0].how, "backward to stage 2");
    let forward = count_stv(&e, &StvOptions { tie_rule: TieRule::Forward, ..StvOptions::default() }).unwrap();
    assert_eq!(forward.stages[3].action, Action::Exclusion { candidates: vec![0] });
    assert_eq!(forward.ties[0].how, "forward to stage 1");
    // Lot: reproducible from the recorded seed, and both outcomes occur over seeds.
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..16 {
        let options = StvOptions { tie_rule: TieRule::Lot, seed, ..StvOptions::default() };
        let first = count_stv(&e, &options).unwrap();
        let again = count_stv(&e, &options).unwrap();
        assert_eq!(first, again);
        assert_eq!(first.ties[0].how, format!("lot (seed {seed})"));
        assert_eq!(first.seed, seed);
        seen.insert(first.ties[0].chosen);
    }
    assert_eq!(seen.len(), 2);
}

#[test]
fn zero_vote_candidates_are_excluded_one_at_a_time_by_lot() {
    let e = election(&["A", "B", "C", "Z1", "Z2"], 1, &[(4, "A"), (3, "B"), (2, "C")]);
    let result = count_stv(&e, &StvOptions { seed: 3, ..StvOptions::default() }).unwrap();
    // Z1 and Z2 tie at zero at every stage: lot decides which goes first, and it is logged.
    assert!(matches!(&result.stages[1].action, Action::Exclusion { candidates } if candidates.len() == 1));
    assert_eq!(result.ties[0].candidates, vec![3, 4]);
    assert!(result.ties[0].how.starts_with("lot"));
    assert!(matches!(&result.stages[2].action, Action::Exclusion { candidates } if candidates[0] >= 3));
    assert_eq!(elected(&result), ["A"]);
}

#[test]
fn batch_or_single_elimination() {
    let e = election(&["A", "B", "C", "D", "E"], 1, &[(10, "A"), (8, "B"), (2, "C B"), (1, "D B"), (1, "E B")]);
    let batch = count_irv(&e, &IrvOptions { batch_elimination: true, ..IrvOptions::default() }).unwrap();
    assert_eq!(batch.stages[1].action, Action::Exclusion { candidates: vec![3, 4, 2] });
    assert_eq!(batch.stages.len(), 2);
    assert_eq!(elected(&batch), ["B"]);
    let single = count_irv(&e, &IrvOptions::default()).unwrap();
    assert_eq!(single.stages.len(), 4);
    assert_eq!(elected(&single), ["B"]);
    assert!(single.ties.iter().any(|t| t.candidates == vec![3, 4]));
}

#[test]
fn undeclared_write_ins_first() {
    let mut e = election(&["A", "B", "UWI"], 1, &[(4, "A"), (3, "B"), (5, "UWI B")]);
    e.candidates[2].write_in = true;
    let result = count_irv(&e, &IrvOptions { write_ins_first: true, ..IrvOptions::default() }).unwrap();
    assert_eq!(result.stages[1].action, Action::Exclusion { candidates: vec![2] });
    assert_eq!(elected(&result), ["B"]);
    let plain = count_irv(&e, &IrvOptions::default()).unwrap();
    assert_eq!(elected(&plain), ["UWI"]);
}

fn normalized(rules: BallotRules, prefs: &[u16]) -> Vec<u16> {
    let mut out = Vec::new();
    rules.normalize(prefs, &[false; 4], &mut out);
    out
}

#[test]
fn overvotes_skipped_ranks_duplicates_and_equal_ranks() {
    let exhaust = BallotRules {
        overvote: Irregular::Exhaust,
        equal_ranks: Irregular::Exhaust,
        duplicates: Irregular::Exhaust,
        max_skipped: Some(1),
    };
    let skip = BallotRules {
        overvote: Irregular::Skip,
        equal_ranks: Irregular::Skip,
        duplicates: Irregular::Skip,
        max_skipped: None,
    };
    // Overvote.
    assert_eq!(normalized(exhaust, &[0, OVERVOTE, 2]), [0]);
    assert_eq!(normalized(skip, &[0, OVERVOTE, 2]), [0, 2]);
    // Skipped ranks: one is allowed, two exhaust under max_skipped = 1.
    assert_eq!(normalized(exhaust, &[SKIP, 1, 2]), [1, 2]);
    assert_eq!(normalized(exhaust, &[SKIP, SKIP, 2]), Vec::<u16>::new());
    assert_eq!(normalized(skip, &[SKIP, SKIP, 2]), [2]);
    // Duplicates.
    assert_eq!(normalized(exhaust, &[0, 0, 2]), [0]);
    assert_eq!(normalized(skip, &[0, 0, 2]), [0, 2]);
    // Equal ranks (BLT "1=2 3").
    assert_eq!(normalized(exhaust, &[TIED, 1, 2]), Vec::<u16>::new());
    assert_eq!(normalized(skip, &[TIED, 1, 2]), [2]);
    // RCTab: an overvote after an allowed skip still exhausts.
    assert_eq!(normalized(exhaust, &[SKIP, OVERVOTE, 2]), Vec::<u16>::new());
}

#[test]
fn overvote_rule_changes_an_irv_count() {
    let e = election(&["A", "B", "C"], 1, &[(4, "A"), (3, "B"), (3, "! C"), (2, "C")]);
    let exhaust = count_irv(&e, &IrvOptions::default()).unwrap();
    assert_eq!(total(&exhaust, 1, "C"), Votes::from_int(2));
    assert_eq!(exhaust.invalid, 3);
    let mut options = IrvOptions::default();
    options.ballot_rules.overvote = Irregular::Skip;
    let skip = count_irv(&e, &options).unwrap();
    assert_eq!(total(&skip, 1, "C"), Votes::from_int(5));
    assert_eq!(elected(&skip), ["C"]);
}

#[test]
fn equal_rankings_in_stv() {
    // A first-rank tie makes the paper void under Scottish practice; with equal ranks skipped it counts for C.
    let e = election(&["A", "B", "C"], 1, &[(3, "A=B C"), (2, "A"), (2, "B")]);
    let strict = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(strict.invalid, 3);
    let mut options = StvOptions::default();
    options.ballot_rules.equal_ranks = Irregular::Skip;
    let lenient = count_stv(&e, &options).unwrap();
    assert_eq!(total(&lenient, 1, "C"), Votes::from_int(3));
}

#[test]
fn schulze_winning_votes_margins_and_ratio_differ() {
    let e = election(
        &["A", "B", "C", "D"],
        1,
        &[(9, "D"), (7, "B A"), (8, "D C B A"), (6, "A B"), (7, "C B"), (3, "C B A")],
    );
    let winner = |strength| {
        let result = condorcet::schulze(&e, &CondorcetOptions { strength, ..CondorcetOptions::default() }).unwrap();
        elected(&result)
    };
    assert_eq!(winner(Strength::WinningVotes), ["C"]);
    assert_eq!(winner(Strength::Margins), ["B"]);
    assert_eq!(winner(Strength::Ratio), ["D"]);
}

#[test]
fn debian_quorum_and_supermajority() {
    let e = election(&["A", "B", "NOTA"], 1, &[(10, "A B NOTA"), (4, "NOTA A B")]);
    let options = |quorum, supermajority| CondorcetOptions {
        debian: Debian { default_option: Some(2), quorum, supermajority },
        ..CondorcetOptions::default()
    };
    assert_eq!(elected(&condorcet::schulze(&e, &options(None, None)).unwrap()), ["A"]);
    // A beats the default 10:4 = 2.5:1, short of 3:1.
    assert_eq!(elected(&condorcet::schulze(&e, &options(None, Some((3, 1)))).unwrap()), ["NOTA"]);
    assert_eq!(elected(&condorcet::schulze(&e, &options(None, Some((2, 1)))).unwrap()), ["A"]);
    // Quorum: 10 voters prefer A to the default; 11 are required.
    assert_eq!(elected(&condorcet::schulze(&e, &options(Some(11), None)).unwrap()), ["NOTA"]);
    assert_eq!(elected(&condorcet::schulze(&e, &options(Some(10), None)).unwrap()), ["A"]);
}

#[test]
fn meek_keeps_nine_digits_and_conserves() {
    let e = election(&["A", "B", "C", "D"], 2, &[(7, "A B"), (1, "B"), (3, "C"), (2, "D C")]);
    let result = count_stv(&e, &stv(StvRules::Meek)).unwrap();
    assert_eq!(result.decimals, 9);
    assert_conserved(&result);
    assert_eq!(elected(&result), ["A", "C"]);
    // After convergence A's surplus has gone to B at nine digits, leaving A within 0.00001 of the quota.
    let last = result.stages.last().unwrap();
    assert!((last.totals[0] - result.quota.unwrap()).raw().abs() < Votes::parse("0.00001").unwrap().raw());
}

#[test]
fn conservation_at_every_stage_of_every_real_count() {
    let dir = crate::common::shared_data().join("glasgow2007");
    for entry in std::fs::read_dir(dir).unwrap() {
        let e = crate::common::read_blt(&entry.unwrap().path());
        for rules in [StvRules::Scottish, StvRules::Ers97, StvRules::Wigm { decimals: 2 }] {
            assert_conserved(&count_stv(&e, &stv(rules)).unwrap());
        }
    }
}

/// The counting method of a secret ranked election, read from the question's `extra` as Belenios writes it, and
/// counted on decrypted rows of ranks.
#[test]
fn a_secret_elections_method_is_read_from_belenios_extra_and_counts_rows_of_ranks() {
    use kenes_count::method::{Method, MethodName};
    use serde_json::json;
    let stv = Method::from_extra(Some(&json!({"method":"STV","blank":false,"seats":2}))).unwrap().unwrap();
    assert_eq!((stv.method, stv.seats()), (MethodName::Stv, 2));
    assert_eq!(Method::from_extra(Some(&json!({"method":"Schulze","blank":true}))).unwrap().unwrap().seats(), 1);
    assert_eq!(Method::from_extra(None).unwrap(), None);
    assert_eq!(Method::from_extra(Some(&json!({"note":"no method"}))).unwrap(), None);
    for (bad, why) in [
        (json!({"method":"Plurality"}), "unknown variant"),
        (json!({"method":"Schulze","seats":2}), "only STV fills several seats"),
        (json!({"method":"STV","seats":0}), "at least one seat"),
        (json!({"method":"MajorityJudgment"}), "2 grades or more"),
        (json!({"method":"IRV","rules":"meek"}), "rules are for STV"),
    ] {
        let error = Method::from_extra(Some(&bad)).unwrap_err();
        assert!(error.contains(why), "{bad}: {error}");
    }
    // Round trip of kenes' own form.
    let meek = Method::from_extra(Some(&json!({"method":"STV","seats":2,"rules":"meek"}))).unwrap().unwrap();
    assert_eq!(Method::from_extra(Some(&meek.to_extra())).unwrap(), Some(meek));

    // Ten ballots for two seats among four: Ann has a surplus that goes to Ben.
    let names: Vec<String> = ["Ann", "Ben", "Cid", "Dan"].map(String::from).to_vec();
    let rows: Vec<Vec<u64>> = [
        [1, 2, 0, 0],
        [1, 2, 0, 0],
        [1, 2, 0, 0],
        [1, 2, 0, 0],
        [1, 0, 2, 0],
        [0, 0, 1, 2],
        [0, 0, 1, 2],
        [0, 0, 0, 1],
        [0, 0, 0, 1],
        [0, 0, 0, 0],
    ]
    .map(|r| r.to_vec())
    .to_vec();
    let result = stv.count(&names, &rows, 7).unwrap();
    let elected: Vec<&str> = result.elected.iter().map(|&c| names[c].as_str()).collect();
    assert_eq!(elected[0], "Ann");
    assert_eq!(elected.len(), 2);
    assert!(result.stages.len() >= 2, "the count is reported stage by stage");
    let irv = Method::from_extra(Some(&json!({"method":"IRV"}))).unwrap().unwrap();
    assert_eq!(irv.count(&names, &rows, 7).unwrap().elected, vec![0]);
}
