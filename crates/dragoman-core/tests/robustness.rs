//! Odd text never makes the pipeline panic, and every offset it reports lies on a
//! character boundary inside the document.

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::KnowledgeBuilder;
use dragoman_core::model::{parse_date, Document};

/// Pieces chosen to stress splitting and tokenising: multi-byte quotes and dashes,
/// abbreviations, clitics, digits, names and verbs the dictionaries know.
const PIECES: &[&str] = &[
    "\u{201C}",
    "\u{201D}",
    "\u{2019}",
    "\u{2014}",
    "\u{2013}",
    "\u{00A0}",
    "\u{00AD}",
    "\u{200B}",
    ". ",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "(",
    ")",
    "'s",
    "n't",
    "U.S.",
    "Gen.",
    "Jan. 13",
    "19-20",
    "2,000",
    "3.5",
    " ",
    "\n",
    "\n\n",
    "Russia",
    "Armenia",
    "urged",
    "accused",
    "the",
    "Foreign Ministry",
    "said that",
    "it",
    "He",
    "was attacked by",
    "not",
    "may",
    "É",
    "\u{1F600}",
    "Moscow",
    "on Wednesday",
    "late last year",
    "Pashiniyan",
    "_",
    "-",
    "--",
    "…",
    "who",
    "which",
    "and",
    "Nagorno-Karabakh",
];

#[test]
fn random_text_never_panics_and_offsets_stay_valid() {
    let k = KnowledgeBuilder::new().builtin().build();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let doc = Document {
            id: format!("r{round}"),
            text: text.clone(),
            published: parse_date("2024-01-18").unwrap(),
            source: None,
            url: None,
            title: None,
        };
        let coded = code_document(
            &doc,
            &k,
            &CodeOptions {
                explain: round % 2 == 0,
                keep_negated: true,
                keep_hypothetical: true,
                ..CodeOptions::default()
            },
        );
        for e in &coded.events {
            for span in [e.span, e.evidence.trigger, e.source.span] {
                assert!(span.start <= span.end && span.end <= text.len(), "{text:?}: {span:?}");
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{text:?}: {span:?}");
            }
        }
    }
}
