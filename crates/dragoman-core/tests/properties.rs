//! The fuzz targets of `fuzz/` (issue 10, item 6) as short property runs inside
//! `cargo test`: arbitrary text through every dictionary parser, the time parser
//! and the coder, never a panic and with offsets inside the text; plus every input
//! the fuzzer ever found a fault with, kept under `fuzz/regressions/<target>/`.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::model::Document;
use dragoman_core::time::{find_time_expressions, Direction};
use dragoman_core::{builtin, builtin_verbs, ontology, petrarch, places};
use proptest::prelude::*;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| KnowledgeBuilder::new().builtin().build())
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 18).unwrap()
}

fn dictionaries_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = petrarch::read_verbs("v.txt", &text);
    let _ = petrarch::read_actors("a.txt", &text);
    let _ = petrarch::read_agents("g.txt", &text);
    let _ = petrarch::read_discards("d.txt", &text);
    let _ = builtin::parse_countries("countries.txt", &text);
    let _ = builtin::parse_organizations("organizations.txt", &text);
    let _ = builtin::parse_people("people.txt", &text);
    let _ = builtin::parse_roles("roles.txt", &text);
    let _ = builtin_verbs::read_event_lexicon("verbs.txt", &text);
    let _ = ontology::CameoTable::parse("cameo.tsv", &text);
    let _ = places::Gazetteer::parse(&text);
}

fn time_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for direction in [Direction::Past, Direction::Future] {
        for m in find_time_expressions(&text, day(), direction) {
            assert!(m.start <= m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.range.from <= m.range.to);
        }
    }
}

fn code_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = Document { id: "p".into(), text, published: day(), source: None, url: None, title: None };
    for e in &code_document(&doc, knowledge(), &CodeOptions::default()).events {
        let (s, t) = (e.span.start, e.span.end);
        assert!(s <= t && t <= doc.text.len());
        assert!(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(t));
    }
}

/// Text made of dictionary syntax, dates and news words, with stray bytes between.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("--- ACCUSE [112] ---\nACCUSE {ACCUSED}\n- * + [112]\n".to_string()),
        Just("&SYNSET\n+WORD_\n".to_string()),
        Just("ARMENIA_ [ARM]\n+YEREVAN_\n\t[USRARM <900823]\n".to_string()),
        Just("GOV | minister; ministers\n".to_string()),
        Just("111 CRITICIZE|CONDEMN + as\n".to_string()),
        Just("RUS | Russia; Russian | Moscow\n".to_string()),
        Just("\t".to_string()),
        Just("on Tuesday, two days after ".to_string()),
        Just("since early September 2023 ".to_string()),
        Just("March 3-5, 1999, last week ".to_string()),
        Just("Russia accused Armenia of shelling its positions. ".to_string()),
        Just("Protesters clashed with police in Yerevan; ".to_string()),
        Just("“They”, said the ministry — ".to_string()),
        "[a-zA-Z0-9 .,;:'\"()\\[\\]{}<>|&$%^*+_#-]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat().into_bytes())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![soup(), proptest::collection::vec(any::<u8>(), 0..1024)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn dictionary_parsers_never_panic(b in bytes()) {
        dictionaries_target(&b);
    }

    #[test]
    fn time_mentions_stay_inside_the_text(b in bytes()) {
        time_target(&b);
    }

    #[test]
    fn coded_events_stay_inside_the_text(b in bytes()) {
        code_target(&b);
    }
}

/// A fuzz target: bytes in, a panic on a fault.
type Target = fn(&[u8]);

/// Every input under `fuzz/regressions/<target>/` through its target.
#[test]
fn fuzz_regressions_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let targets: [(&str, Target); 3] =
        [("dictionaries", dictionaries_target), ("time", time_target), ("code_document", code_target)];
    for (name, target) in targets {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else { continue };
        for entry in dir.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            target(&bytes);
        }
    }
}
