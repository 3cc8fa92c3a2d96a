//! The whole coder on arbitrary text with the built-in dictionaries: events whose
//! offsets lie inside the text, on char boundaries, never a panic.
#![no_main]
use std::sync::OnceLock;

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::model::Document;
use libfuzzer_sys::fuzz_target;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| KnowledgeBuilder::new().builtin().build())
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let doc = Document {
        id: "fuzz".into(),
        text,
        published: chrono::NaiveDate::from_ymd_opt(2024, 1, 18).unwrap(),
        source: None,
        url: None,
        title: None,
    };
    let coded = code_document(&doc, knowledge(), &CodeOptions::default());
    for e in &coded.events {
        let (s, t) = (e.span.start, e.span.end);
        assert!(s <= t && t <= doc.text.len());
        assert!(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(t));
    }
});
