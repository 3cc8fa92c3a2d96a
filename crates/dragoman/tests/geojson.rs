//! `dragoman export --format geojson` end to end: a map layer of the stored events
//! that have a location, in the shape RFC 7946 gives (what QGIS, Leaflet and
//! geopandas read), with the events left out counted.

#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::process::Command;

use scratch::Scratch;

fn dragoman(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman")).args(args).output().expect("run dragoman");
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn record(id: &str, published: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": published, "source": "Wire", "text": text}).to_string() + "\n"
}

#[test]
fn a_feature_collection_of_the_located_events() {
    let dir = Scratch::new("geojson");
    let p = |name: &str| dir.arg(name);
    fs::write(p("tiny.actors"), "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\nTURKEY_ [TUR]\n").unwrap();
    let mut corpus = String::new();
    corpus += &record(
        "a",
        "2024-01-18",
        "YEREVAN (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions.",
    );
    corpus += &record("b", "2024-02-10", "Azerbaijan urged Armenia on Thursday to return to the peace talks.");
    corpus += &record("c", "2024-03-20", "KIEV \u{2014} Turkey praised Azerbaijan on Monday in Kiev for the exchange.");
    fs::write(p("corpus.jsonl"), corpus).unwrap();
    let (code, _, err) =
        dragoman(&["ingest", &p("corpus.jsonl"), "--db", &p("e.db"), "--actors", &p("tiny.actors"), "--quiet"]);
    assert_eq!(code, 0, "{err}");
    let (_, all, _) = dragoman(&["events", "--db", &p("e.db"), "--format", "jsonl"]);
    let all: Vec<serde_json::Value> = all.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let located: Vec<&serde_json::Value> = all.iter().filter(|e| e["lat"].is_number()).collect();
    assert!(located.len() >= 2 && located.len() < all.len(), "some located, some not: {all:?}");

    // The format from the extension.
    let (code, _, err) = dragoman(&["export", "--db", &p("e.db"), "-o", &p("events.geojson")]);
    assert_eq!(code, 0, "{err}");
    let left_out = all.len() - located.len();
    assert!(
        err.contains(&format!("exported {} event(s) as geojson", located.len()))
            && err.contains(&format!("; {left_out} without a location left out")),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_str(&fs::read_to_string(p("events.geojson")).unwrap()).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), located.len());
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        // [lon, lat], the event's own fields beside it.
        let props = &f["properties"];
        assert_eq!((lon, lat), (props["lon"].as_f64().unwrap(), props["lat"].as_f64().unwrap()));
        let stored = located.iter().find(|e| e["event_id"] == props["event_id"]).expect("a located event");
        assert_eq!(props["code"], stored["code"]);
        assert_eq!(props["source_code"], stored["source_code"]);
    }
    let kyiv = features.iter().find(|f| f["properties"]["location_name"] == "Kyiv").expect("the Kiev event");
    let c = &kyiv["geometry"]["coordinates"];
    assert!((c[0].as_f64().unwrap() - 30.5).abs() < 0.5 && (c[1].as_f64().unwrap() - 50.45).abs() < 0.5, "{c}");

    // Filters apply, and standard output works.
    let (code, out, _) = dragoman(&["export", "--db", &p("e.db"), "--format", "geojson", "--place", "Kiev", "-q"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["features"].as_array().unwrap().len(), 1);
}
