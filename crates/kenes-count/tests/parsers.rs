//! The ballot file readers: every feature, errors that name file, line and expectation, and fuzz-style
//! properties (arbitrary and mutated input never panics and allocates only in proportion to the input).

use kenes_count::ballot::{OVERVOTE, SKIP, TIED, ranks};
use kenes_count::formats::{self, BltReader, Format, ReadOptions, belenios, cvr, parse_blt, preflib, write_blt};
use kenes_count::{StvOptions, count_stv};
use proptest::prelude::*;

const BLT: &str = r#"4 2
-4
[nick al bo cy di]
(b1) 2 1 2=3 - 4 0
(b2) 1 bo al 0
3 3 0
0 # end of ballots
"Alice ""Al"" Smith"
"Bob"  "Cy"
"Di"
Unquoted   title
[tie cy al bo di]
"#;

#[test]
fn blt_features() {
    let e = parse_blt("t.blt", BLT).unwrap();
    assert_eq!(e.seats, 2);
    assert_eq!(e.title, "Unquoted title");
    assert_eq!(e.candidates[0].name, "Alice \"Al\" Smith");
    assert_eq!(e.candidates[2].name, "Cy");
    assert_eq!(e.candidates[1].nick.as_deref(), Some("bo"));
    assert!(e.candidates[3].withdrawn);
    assert_eq!(e.tie_order, Some(vec![2, 0, 1, 3]));
    assert_eq!(e.ballot_count(), 6);
    assert_eq!(e.ballots.prefs(0), &[0, 1 | TIED, 2, SKIP, 3]);
    assert_eq!(e.ballots.prefs(1), &[1, 0]);
    // Round trip through the writer (nicks and ids are not written; the ballots are).
    let again = parse_blt("again.blt", &write_blt(&e)).unwrap();
    assert_eq!(again.ballots, e.ballots);
    assert_eq!(again.candidates.iter().map(|c| c.withdrawn).collect::<Vec<_>>(), [false, false, false, true]);
}

#[test]
fn blt_withdrawn_extension_and_counting() {
    let text = "3 1\n[nick a b c]\n[withdrawn a]\n4 1 2 0\n3 2 0\n2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
    let e = parse_blt("w.blt", text).unwrap();
    assert!(e.candidates[0].withdrawn);
    let result = count_stv(&e, &StvOptions::default()).unwrap();
    assert_eq!(result.elected_names(), ["B"]);
}

fn blt_error(text: &str) -> String {
    parse_blt("bad.blt", text).unwrap_err().to_string()
}

#[test]
fn blt_errors_name_file_line_and_expectation() {
    assert_eq!(blt_error(""), "bad.blt:0: expected a header line \"CANDIDATES SEATS\", found \"end of file\"");
    assert_eq!(blt_error("x 1\n"), "bad.blt:1: expected the number of candidates (at most 16384), found \"x 1\"");
    assert_eq!(
        blt_error("2 1\n1 1 3 0\n"),
        "bad.blt:2: expected a candidate number from 1 to 2 (or a nick), found \"3\""
    );
    assert_eq!(blt_error("2 1\n1 1 2\n0\n"), "bad.blt:2: expected a ballot ending with 0, found \"1 1 2\"");
    assert_eq!(blt_error("2 1\n1.5 1 0\n"), "bad.blt:2: expected a whole-number ballot weight, found \"1.5\"");
    assert!(blt_error("2 1\n1 1 0\n").contains("expected the line \"0\" that ends the ballots"));
    assert!(blt_error("2 1\n1 1 0\n0\n\"A\"\n").contains("expected 2 candidate names"));
    assert!(blt_error("2 1\n1 1 0\n0\n\"A\n").contains("expected a closing quote"));
    assert!(blt_error("3 4\n").contains("no more seats than candidates"));
    assert!(blt_error("99999 1\n").contains("at most 16384"));
}

#[test]
fn preflib_all_four_kinds_and_old_format() {
    let soc = "# FILE NAME: x.soc\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n5: 1,2,3\n2: 3,2,1\n";
    let e = preflib::parse_preflib("x.soc", soc).unwrap();
    assert_eq!(e.names(), ["A", "B", "C"]);
    assert_eq!(e.ballot_count(), 7);
    let toi = "# NUMBER ALTERNATIVES: 3\n4: 1,{2,3}\n1: {1,3}\n2: 2\n";
    let e = preflib::parse_preflib("x.toi", toi).unwrap();
    assert_eq!(e.ballots.prefs(0), &[0, 1 | TIED, 2]);
    assert_eq!(e.ballots.prefs(1), &[TIED, 2]);
    let old = "3\n1,A\n2,B\n3,C\n7,7,2\n4,1,2,3\n3,2,{1,3}\n";
    let e = preflib::parse_preflib("old.toc", old).unwrap();
    assert_eq!(e.names(), ["A", "B", "C"]);
    assert_eq!(e.ballots.prefs(1), &[1, TIED, 2]);
    let error = preflib::parse_preflib("bad.soi", "# NUMBER ALTERNATIVES: 2\n1: 1,5\n").unwrap_err();
    assert_eq!(error.to_string(), "bad.soi:2: expected an alternative number from 1 to 2, found \"5\"");
    assert!(
        preflib::parse_preflib("b.toc", "# NUMBER ALTERNATIVES: 2\n1: {1,2\n")
            .unwrap_err()
            .to_string()
            .contains("closing '}'")
    );
}

#[test]
fn cvr_csv_labels_and_counts() {
    let text = "id,Rank 1,Rank 2,Rank 3,count\n1,Ann,undervote,Bea,2\n2,overvote,Ann,,1\n3,UWI,Bea,Ann,1\n4,,,,3\n";
    let e = cvr::parse_cvr_csv("c.csv", text, &cvr::CvrOptions::default()).unwrap();
    assert_eq!(e.names(), ["Ann", "Bea", cvr::WRITE_INS]);
    assert!(e.candidates[2].write_in);
    assert_eq!(e.ballot_count(), 7, "a row with no rankings is an undervoted ballot");
    assert!(e.ballots.iter().any(|b| b.prefs.is_empty() && b.count == 3));
    assert_eq!(e.ballots.prefs(0), &[0, SKIP, 1]);
    assert_eq!(e.ballots.prefs(1), &[OVERVOTE, 0]);
    let error = cvr::parse_cvr_csv("c.csv", "a,b\n1,2\n", &cvr::CvrOptions::default()).unwrap_err();
    assert!(error.to_string().starts_with("c.csv:1: expected a header with rank columns"));
    let error = cvr::parse_cvr_csv("c.csv", "rank1,count\nA,x\n", &cvr::CvrOptions::default()).unwrap_err();
    assert_eq!(error.to_string(), "c.csv:2: expected a whole-number ballot count, found \"x\"");
}

#[test]
fn belenios_rankings_and_grades() {
    let e = belenios::parse_belenios("b.json", "[[1,2,3],[2,1,0],[1,1,2]]").unwrap();
    assert_eq!(e.ballots.prefs(0), &[0, 1, 2]);
    assert_eq!(e.ballots.prefs(1), &[1, 0]);
    assert_eq!(e.ballots.prefs(2), &[TIED, 1, 2]);
    let named = belenios::parse_belenios("b.json", r#"{"choices":["X","Y"],"ballots":[[2,1]]}"#).unwrap();
    assert_eq!(named.names(), ["X", "Y"]);
    let graded = belenios::parse_belenios_grades("g.json", "[[1,3],[2,0]]", Some(4)).unwrap();
    assert_eq!(graded.grades, 4);
    assert_eq!(graded.ballots[0].0, [Some(0), Some(2)]);
    assert_eq!(graded.ballots[1].0, [Some(1), None]);
    assert!(belenios::parse_belenios("b.json", "[[1,-2]]").unwrap_err().to_string().contains("ballot 1"));
    assert!(belenios::parse_belenios("b.json", "{").unwrap_err().to_string().starts_with("b.json:1: expected JSON"));
}

#[test]
fn format_detection() {
    assert_eq!(Format::detect("a.BLT", b""), Format::Blt);
    assert_eq!(Format::detect("a.toi", b""), Format::Preflib);
    assert_eq!(Format::detect("a", b"PK\x03\x04"), Format::Xlsx);
    assert_eq!(Format::detect("a", b"[[1,2]]"), Format::Belenios);
    assert_eq!(Format::detect("a", b"# FILE NAME: x"), Format::Preflib);
    assert_eq!(Format::detect("a", b"rank1,rank2\n"), Format::Cvr);
    assert_eq!(Format::detect("a", b"3 1\n"), Format::Blt);
    let error = formats::read("x.blt", b"\xff\xfe", Format::Blt, &ReadOptions::default()).unwrap_err();
    assert_eq!(error.to_string(), "x.blt:1: expected UTF-8 text, found \"invalid bytes\"");
    let error = formats::read("x.xlsx", b"PK not a zip", Format::Xlsx, &ReadOptions::default()).unwrap_err();
    assert!(error.to_string().starts_with("x.xlsx:0: expected an .xlsx workbook"));
}

#[test]
fn huge_declared_sizes_do_not_allocate() {
    // Declared counts are never trusted for allocation: a header claiming the maximum candidates with one
    // ballot of an enormous weight is read in constant memory and counted without overflow.
    let text = "16384 1\n1 1 0\n0\n";
    assert!(parse_blt("h.blt", text).unwrap_err().to_string().contains("16384 candidate names"));
    let text = "2 1\n18446744073709551615 1 0\n18446744073709551615 2 0\n0\n\"A\"\n\"B\"\n";
    assert_eq!(
        parse_blt("h.blt", text).unwrap_err().to_string(),
        "h.blt:2: expected at most 10^15 ballots in all, found \"more\""
    );
    let text = "2 1\n1000000000000000 1 0\n0\n\"A\"\n\"B\"\n";
    let e = parse_blt("h.blt", text).unwrap();
    assert_eq!(count_stv(&e, &StvOptions::default()).unwrap().elected_names(), ["A"]);
    let mut e = e.clone();
    e.ballots.set_count(0, u64::MAX);
    assert!(count_stv(&e, &StvOptions::default()).is_err());
    let long = format!("2 1\n1 {} 0\n0\n\"A\"\n\"B\"\n", "1 ".repeat(70_000));
    assert!(parse_blt("l.blt", &long).unwrap_err().to_string().contains("reasonable length"));
}

fn every_reader(bytes: &[u8]) {
    for format in [Format::Blt, Format::Preflib, Format::Cvr, Format::Xlsx, Format::Belenios] {
        if let Ok(election) = formats::read("fuzz", bytes, format, &ReadOptions::default()) {
            // Whatever parses must count without panicking.
            for c in election.ballots.iter().flat_map(|b| ranks(b.prefs)) {
                let _ = c;
            }
            let _ = count_stv(&election, &StvOptions::default());
            let _ = kenes_count::condorcet::schulze(&election, &Default::default());
            let _ = kenes_count::irv::count_irv(&election, &Default::default());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        every_reader(&bytes);
    }

    #[test]
    fn mutated_blt_never_panics(position in 0usize..BLT.len(), byte in any::<u8>(), cut in 0usize..BLT.len()) {
        let mut bytes = BLT.as_bytes().to_vec();
        bytes[position] = byte;
        every_reader(&bytes);
        every_reader(&BLT.as_bytes()[..cut]);
    }

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(
        prop::sample::select(vec!["0", "1", "2", "3", "-1", "=", "-", "\n", " ", "\"", "[nick a b]", "[tie", "(x)", "{", "}", ",", ":", "# ", "99999999999999999999", "[", "]"]),
        0..60,
    )) {
        let text: String = tokens.concat();
        every_reader(format!("3 2\n{text}").as_bytes());
        every_reader(format!("# NUMBER ALTERNATIVES: 3\n{text}").as_bytes());
        every_reader(format!("rank1,rank2\n{text}").as_bytes());
    }
}

/// How one BLT ballot line is written: the readers have a fast path for single spaces and short ballots, and
/// every other spelling must read the same.
#[derive(Clone, Copy, Debug)]
enum Spelling {
    SingleSpaces,
    ExtraSpaces,
    Tabs,
    CarriageReturn,
    LeadingZeros,
}

fn write_line(weight: u64, ranks: &[u16], spelling: Spelling) -> String {
    let separator = match spelling {
        Spelling::ExtraSpaces => "  ",
        Spelling::Tabs => "\t",
        _ => " ",
    };
    let mut fields = vec![weight.to_string()];
    for &rank in ranks {
        let number = u32::from(rank) + 1;
        fields.push(match spelling {
            Spelling::LeadingZeros => format!("0{number}"),
            _ => number.to_string(),
        });
    }
    fields.push("0".to_owned());
    let end = match spelling {
        Spelling::CarriageReturn => "\r\n",
        _ => "\n",
    };
    let lead = match spelling {
        Spelling::ExtraSpaces => " ",
        _ => "",
    };
    format!("{lead}{}{end}", fields.join(separator))
}

fn spelling() -> impl Strategy<Value = Spelling> {
    prop::sample::select(vec![
        Spelling::SingleSpaces,
        Spelling::SingleSpaces,
        Spelling::SingleSpaces,
        Spelling::ExtraSpaces,
        Spelling::Tabs,
        Spelling::CarriageReturn,
        Spelling::LeadingZeros,
    ])
}

#[test]
fn blt_candidates_out_of_range_are_errors_however_written() {
    let spellings = [
        Spelling::SingleSpaces,
        Spelling::ExtraSpaces,
        Spelling::Tabs,
        Spelling::CarriageReturn,
        Spelling::LeadingZeros,
    ];
    for candidates in [3u16, 9, 10, 30, 31, 32] {
        for spelling in spellings {
            for bad in [candidates, 99] {
                // Two ballot lines, so that the first is read far enough from the end for the fast path.
                let line = write_line(1, &[0, bad], spelling);
                let text = format!("{candidates} 1\n{line}{line}0\n");
                let message = parse_blt("range.blt", &text).unwrap_err().to_string();
                assert!(message.starts_with("range.blt:2: expected a candidate number from 1 to"), "{message}");
            }
            let line = write_line(1, &[0], spelling).replace(" 0", " 0 1");
            let text = format!("{candidates} 1\n{line}{line}");
            assert!(parse_blt("range.blt", &text).is_err(), "{text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn blt_ballots_read_the_same_however_written(
        candidates in prop::sample::select(vec![3usize, 10, 31, 40]),
        lines in proptest::collection::vec(
            (
                prop::sample::select(vec![0u64, 1, 1, 1, 2, 7, 12_345_678, 1_000_000_000]),
                proptest::collection::vec(0u16..40, 0..16),
                spelling(),
            ),
            0..40,
        ),
        last_without_newline in any::<bool>(),
    ) {
        let mut text = format!("{candidates} 1\n");
        let mut expected: Vec<(Vec<u16>, u64)> = Vec::new();
        for (weight, ranks, spelling) in &lines {
            let ranks: Vec<u16> = ranks.iter().map(|&r| r % candidates as u16).collect();
            text.push_str(&write_line(*weight, &ranks, *spelling));
            if *weight == 0 {
                continue;
            }
            match expected.iter_mut().find(|(prefs, _)| *prefs == ranks) {
                Some((_, count)) => *count += weight,
                None => expected.push((ranks, *weight)),
            }
        }
        text.push_str("0\n");
        for c in 1..=candidates {
            text.push_str(&format!("\"C{c}\"\n"));
        }
        text.push_str("\"Title\"");
        if !last_without_newline {
            text.push('\n');
        }
        let e = parse_blt("same.blt", &text).unwrap();
        let read: Vec<(Vec<u16>, u64)> = e.ballots.iter().map(|b| (b.prefs.to_vec(), b.count)).collect();
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn blt_read_in_pieces_reads_the_same(
        lines in proptest::collection::vec((1u64..4, proptest::collection::vec(0u16..4, 0..6), spelling()), 0..30),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        flip in any::<Option<(prop::sample::Index, u8)>>(),
    ) {
        // The feature file and a file of plain ballots, possibly with one byte changed (so errors compare too),
        // cut into pieces at random places: the same election or the same error as reading them whole.
        let mut plain = String::from("4 2\n");
        for (weight, ranks, spelling) in &lines {
            plain.push_str(&write_line(*weight, ranks, *spelling));
        }
        plain.push_str("0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"Title\"\n");
        for text in [BLT.to_owned(), plain] {
            let mut bytes = text.into_bytes();
            if let Some((at, byte)) = flip {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let whole = formats::read("p.blt", &bytes, Format::Blt, &ReadOptions::default()).map(|mut e| {
                e.seats = e.seats.max(1);
                e
            });
            let mut points: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
            points.sort_unstable();
            let mut reader = BltReader::new("p.blt", 0);
            let mut from = 0;
            let mut fed = Ok(());
            for &to in points.iter().chain([&bytes.len()]) {
                fed = fed.and_then(|()| reader.feed(&bytes[from..to]));
                from = to;
            }
            let pieces = fed.and_then(|()| reader.finish()).map(|mut e| {
                e.seats = e.seats.max(1);
                e
            });
            prop_assert_eq!(pieces.map_err(|e| e.to_string()), whole.map_err(|e| e.to_string()));
        }
    }

    #[test]
    fn blt_ballots_near_the_end_of_the_file(ranks in proptest::collection::vec(0u16..3, 0..4), newline in any::<bool>()) {
        // Short names and no title put the last ballots within eight bytes of the end, where the fast path
        // cannot read a whole word ahead.
        let line = write_line(1, &ranks, Spelling::SingleSpaces);
        let text = format!("3 1\n{line}{line}0\nA\nB\nC{}", if newline { "\n" } else { "" });
        let e = parse_blt("end.blt", &text).unwrap();
        prop_assert_eq!(e.ballots.len(), 1);
        prop_assert_eq!(e.ballots.prefs(0), &ranks[..]);
        prop_assert_eq!(e.ballots.count(0), 2);
        prop_assert_eq!(&e.candidates[2].name, "C");
    }
}
