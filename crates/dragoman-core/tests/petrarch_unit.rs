//! PETRARCH's unit-test records, coded with their own dictionaries: the share of
//! records whose events are exactly the expected (source, target, code) triples.
//! Ignored, with the reason, when `../shared` is not beside the checkout.

use std::collections::BTreeSet;
use std::path::PathBuf;

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::KnowledgeBuilder;
use dragoman_core::model::Document;
use dragoman_core::validation::read_validation;

fn unit_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch-unit")
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
fn petrarch_unit_records() {
    let dir = unit_dir();
    let xml = std::fs::read_to_string(dir.join("PETR.UnitTest.records.xml")).expect("the unit records");
    let (env, records) = read_validation(&xml);
    let read = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let mut b = KnowledgeBuilder::new();
    b.petrarch_verbs("verbs", &read(env.verbs.as_deref().unwrap()));
    for a in &env.actors {
        b.petrarch_actors(a, &read(a));
    }
    b.petrarch_agents("agents", &read(env.agents.as_deref().unwrap()));
    b.petrarch_discards("discards", &read(env.discards.as_deref().unwrap()));
    let k = b.build();
    let mut pass = 0;
    let verbose = std::env::var("DRAGOMAN_VERBOSE").is_ok();
    for r in &records {
        let date = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d").unwrap_or_default();
        let doc =
            Document { id: r.id.clone(), text: r.text.clone(), published: date, source: None, url: None, title: None };
        let opts = CodeOptions { require_dyad: Some(r.require_dyad), ..CodeOptions::default() };
        let coded = code_document(&doc, &k, &opts);
        let got: BTreeSet<(String, String, String)> = coded
            .events
            .iter()
            .map(|e| {
                (e.source.code.clone(), e.target.as_ref().map_or("---".to_string(), |t| t.code.clone()), e.code.clone())
            })
            .collect();
        let want: BTreeSet<(String, String, String)> = r.expected.iter().cloned().collect();
        let ok = if r.expects_error.is_some() { got.is_empty() } else { got == want };
        if ok {
            pass += 1;
        } else if verbose {
            println!("FAIL {} [{}] {}\n  want {:?}\n  got  {:?}", r.id, r.category, r.text, want, got);
        }
    }
    let share = pass as f64 / records.len() as f64;
    println!("PETRARCH unit records coded exactly: {pass} of {} ({:.1}%)", records.len(), share * 100.0);
    assert!(share >= 0.85, "only {:.1}% of the PETRARCH unit records coded exactly", share * 100.0);
}
