//! Actor labels and event descriptions in `dragoman code` output, on the articles the
//! repository ships, with the built-in dictionaries.

use std::process::Command;

fn code(args: &[&str]) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman")).arg("code").args(args).output().expect("dragoman runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn examples(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The built-in capitals and the cities of the regions, which must never be a label.
fn capitals() -> Vec<String> {
    let text =
        std::fs::read_to_string(format!("{}/../../dictionaries/countries.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('|').nth(3))
        .flat_map(|f| f.split(';').map(|c| c.trim().to_string()))
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn every_event_side_has_a_label_a_country_and_a_sector_and_every_event_a_description() {
    let mut events = code(&[&examples("caucasus-talks.txt"), "--published", "2024-03-12", "--quiet"]);
    events.extend(code(&[&examples("sahel-and-gulf.jsonl"), "--quiet"]));
    assert!(events.len() >= 10, "{} events", events.len());
    let capitals = capitals();
    let mut seen_person = false;
    for e in &events {
        let source = &e["source"];
        let target = &e["target"];
        for side in [source, target].into_iter().filter(|s| !s.is_null()) {
            let (code, name) = (side["code"].as_str().unwrap(), side["name"].as_str().unwrap());
            assert!(side.get("country").is_some() && side.get("sector").is_some(), "{side}");
            assert_ne!(name, code, "a bare code: {side}");
            assert!(!capitals.iter().any(|c| c == name), "a capital as a name: {side}");
            // The country is the code's own, or none (organisations, regions).
            if let Some(country) = side["country"].as_str() {
                assert!(country.len() == 3 && code.contains(country), "{side}");
                assert!(name.contains(':') || !name.contains('('), "{side}");
            }
            // The sector is one of the code's three-letter parts, named in the label.
            if let Some(sector) = side["sector"].as_str() {
                assert!(code.contains(sector) && sector.len() == 3, "{side}");
                let country_part = side["country"].is_string();
                assert!(!country_part || name.contains(": "), "{side}");
            }
            seen_person |= name.ends_with(')') && name.contains(" (");
        }
        let description = e["description"].as_str().unwrap();
        let source_name = source["name"].as_str().unwrap();
        let opening = description.get(..source_name.len()).unwrap_or_default();
        assert!(
            opening.eq_ignore_ascii_case(source_name) && description[source_name.len()..].starts_with(' '),
            "{description}"
        );
        if let Some(t) = target["name"].as_str() {
            assert!(description.contains(t), "the target is named: {description}");
        }
        assert!(!description.contains(['[', ']', '{', '}', '|']), "{description}");
    }
    assert!(seen_person, "the stories name people: they keep their names, with their role");
    // Governments acting through a capital or a ministry read as the government.
    assert!(
        events
            .iter()
            .any(|e| e["source"]["name"] == "Russia: government" || e["target"]["name"] == "Russia: government"),
        "no Russia: government"
    );
}
