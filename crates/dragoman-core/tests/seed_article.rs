//! The seed article (`../shared/eval/seed-article.txt`, published 2024-01-18) scored
//! against its hand-coded events by the rules in the gold file's `about` field:
//! a predicted event matches a gold event when the sentence matches, its source and
//! target codes start with one of the listed codes (null: no target, or any), and
//! its CAMEO code starts with a listed prefix. Required events count toward recall,
//! optional ones are neither missed nor false positives, anything else is a false
//! positive; dates are checked for matched required events.
//! Ignored, with the reason, when `../shared` is not beside the checkout.

use std::path::PathBuf;

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::KnowledgeBuilder;
use dragoman_core::model::{parse_date, Document, Event};
use serde_json::Value;

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval")
}

fn code_matches(list: &Value, code: Option<&str>) -> bool {
    list.as_array().is_some_and(|l| {
        l.iter().any(|c| match (c.as_str(), code) {
            (None, _) => true,
            (Some(want), Some(got)) => got.starts_with(want),
            (Some(_), None) => false,
        })
    })
}

fn matches(gold: &Value, e: &Event) -> bool {
    gold["sentence"].as_u64() == Some(e.sentence as u64)
        && code_matches(&gold["source"], Some(&e.source.code))
        && code_matches(&gold["target"], e.target.as_ref().map(|t| t.code.as_str()))
        && gold["codes"].as_array().is_some_and(|l| l.iter().filter_map(Value::as_str).any(|c| e.code.starts_with(c)))
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
fn seed_article_scores() {
    let dir = eval_dir();
    let text = std::fs::read_to_string(dir.join("seed-article.txt")).expect("the seed article");
    let gold = std::fs::read_to_string(dir.join("seed-gold.json")).expect("its gold events");
    let gold: Value = serde_json::from_str(&gold).unwrap();
    let k = KnowledgeBuilder::new().builtin().build();
    let published = parse_date(gold["published"].as_str().unwrap()).unwrap();
    let doc =
        Document { id: gold["doc_id"].as_str().unwrap().into(), text, published, source: None, url: None, title: None };
    let coded = code_document(&doc, &k, &CodeOptions::default());
    let events = gold["events"].as_array().unwrap();
    let required: Vec<&Value> = events.iter().filter(|g| g["required"].as_bool() == Some(true)).collect();
    let mut found = 0;
    let mut dated = 0;
    let (mut places_right, mut places_wanted) = (0, 0);
    for g in &required {
        let hits: Vec<&Event> = coded.events.iter().filter(|e| matches(g, e)).collect();
        if hits.is_empty() {
            println!("MISSED {} (sentence {}): {}", g["id"], g["sentence"], g["note"]);
            continue;
        }
        found += 1;
        if let Some(place) = g["location"].as_str() {
            let placed =
                hits.iter().any(|e| e.location.as_ref().is_some_and(|l| l.name == place && l.found != "dateline"));
            println!(
                "LOCATION {}: want {place}, got {:?}",
                g["id"],
                hits.iter().map(|e| e.location.as_ref().map(|l| l.name.as_str())).collect::<Vec<_>>()
            );
            places_right += usize::from(placed);
            places_wanted += 1;
        }
        let (from, to) = (g["date_from"].as_str().and_then(parse_date), g["date_to"].as_str().and_then(parse_date));
        let in_range =
            |e: &&Event| parse_date(&e.date).is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t));
        if hits.iter().any(in_range) {
            dated += 1;
        } else {
            println!("WRONG DATE {}: got {} for [{:?}, {:?}]", g["id"], hits[0].date, from, to);
        }
    }
    let false_positives: Vec<&Event> = coded.events.iter().filter(|e| !events.iter().any(|g| matches(g, e))).collect();
    for e in &false_positives {
        println!(
            "FALSE POSITIVE sentence {}: {} -> {} {} ({})",
            e.sentence,
            e.source.code,
            e.target.as_ref().map_or("-", |t| &t.code),
            e.code,
            e.rule
        );
    }
    println!(
        "seed article: {found} of {} required events found, {} false positive(s), {dated} of {found} matched events dated right",
        required.len(),
        false_positives.len()
    );
    // A capital standing for its government ("Baku accused", "Moscow offered") is
    // never the place of the event it acts in.
    for e in &coded.events {
        if let Some(l) = e.location.as_ref().filter(|l| l.found != "dateline") {
            let acting = std::iter::once(&e.source).chain(e.target.as_ref()).any(|a| a.text == l.name);
            assert!(!acting, "sentence {}: {} is an actor, not the place", e.sentence, l.name);
        }
    }
    println!("seed article: {places_right} of {places_wanted} gold locations right");
    assert_eq!(places_right, places_wanted, "event locations");
    assert!(found >= 12, "found only {found} of {} required events", required.len());
    assert!(false_positives.len() <= 1, "{} false positives", false_positives.len());
    assert!(dated >= 8, "only {dated} matched events dated right");
}
