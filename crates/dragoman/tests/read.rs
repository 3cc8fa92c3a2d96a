//! `dragoman read`: the documents as `code` sees them. An article page written for
//! these tests (fixtures/harbour-dispute.html: cookie banner, navigation, ads,
//! share bar, related stories, newsletter box and footer around a four-paragraph
//! story) keeps its story and loses the rest; its headline goes to "title" only;
//! every record has the documented fields; broken pages never crash the reader.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn dragoman(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dragoman"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<serde_json::Map<String, serde_json::Value>> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            serde_json::Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

fn text(r: &serde_json::Map<String, serde_json::Value>) -> &str {
    r["text"].as_str().unwrap()
}

const HEADLINE: &str = "Ministers trade accusations over the Lake Sevan fishing dispute";

#[test]
fn the_story_is_kept_and_the_page_around_it_dropped() {
    let page = fixture("harbour-dispute.html");
    let out = dragoman(&["read", page.to_str().unwrap(), "--quiet"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let paragraphs: Vec<&str> = text(&recs[0]).split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("The fisheries ministers of two neighbouring districts accused each other"));
    assert!(paragraphs[1].contains("casting nets inside the protected spawning zone"));
    assert!(paragraphs[2].contains("demanded that an independent inspector be sent"));
    assert!(paragraphs[3].starts_with("Both ministers said they were still willing"));
    for junk in [
        "cookies",
        "Region",
        "Weather",
        "ADVERTISEMENT",
        "Advertisement",
        "Cheap flights",
        "sponsored",
        "Share on social media",
        "Email this story",
        "More from the region",
        "Apricot harvest",
        "newsletter",
        "All rights reserved",
        "By our regional correspondent",
    ] {
        assert!(!text(&recs[0]).contains(junk), "{junk:?} leaked into the text");
    }
}

#[test]
fn the_headline_is_a_field_and_coded_only_when_asked() {
    let page = fixture("harbour-dispute.html");
    let recs = records(&dragoman(&["read", page.to_str().unwrap(), "-q"], None));
    assert_eq!(recs[0]["title"], HEADLINE);
    assert!(!text(&recs[0]).contains(HEADLINE), "the headline is not part of the text");

    let titled = records(&dragoman(&["read", page.to_str().unwrap(), "-q", "--code-titles"], None));
    let expected = format!("{HEADLINE}\n\n{}", text(&recs[0]));
    assert_eq!(text(&titled[0]), expected);
    assert_eq!(titled[0]["title"], HEADLINE);
}

#[test]
fn records_have_the_documented_fields() {
    let page = fixture("harbour-dispute.html");
    let recs = records(&dragoman(&["read", page.to_str().unwrap(), "-q"], None));
    let keys: Vec<&str> = recs[0].keys().map(String::as_str).collect();
    let mut expected = vec!["id", "url", "title", "published", "text", "source"];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    let url = "https://courier.example/region/2024/05/sevan-fishing-dispute";
    assert_eq!(recs[0]["id"], url, "a page's address is its id");
    assert_eq!(recs[0]["url"], url);
    // The publisher's own date (18:45 at UTC+4), not the UTC one.
    assert_eq!(recs[0]["published"], "2024-05-07");
    assert_eq!(recs[0]["source"], "Highland Courier");

    // Plain text on stdin: dated by --published, no address, title or outlet.
    let out = dragoman(&["read", "--published", "2024-03-12", "-q"], Some(b"Russia urged Armenia to talk.\n"));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["published"], "2024-03-12");
    assert_eq!(text(&recs[0]), "Russia urged Armenia to talk.\n");
    for absent in ["url", "title", "source"] {
        assert!(recs[0][absent].is_null(), "{absent} should be null");
    }

    // The output reads back as input, unchanged.
    let again = records(&dragoman(&["read", "-q"], Some(&out.stdout)));
    assert_eq!(again, recs);
}

#[test]
fn reading_errors_name_the_file_and_set_the_exit_status() {
    let out = dragoman(&["read", "no/such/page.html"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/page.html"));
    let out = dragoman(&["read", "--published", "yesterday", "x.txt"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn broken_pages_never_crash_the_reader() {
    let dir = std::env::temp_dir().join(format!("dragoman-read-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pages: Vec<(&str, Vec<u8>)> = vec![
        ("empty.html", b"".to_vec()),
        ("lt.html", b"<".to_vec()),
        ("unclosed.html", b"<html><body><article><p>Baku accused Yerevan<div><p>of shelling".to_vec()),
        ("attr.html", b"<html><body><p class='x>Armenia and Russia signed a deal.".to_vec()),
        ("comment.html", b"<html><!-- never closed <body><p>Talks resumed in Geneva today.</p>".to_vec()),
        ("script.html", b"<html><body><script>var a = '<p>'; while (a < b) {".to_vec()),
        ("stray.html", b"</p></div></body><p>Moscow praised the truce.</p></html></html>".to_vec()),
        ("entities.html", b"<p>&#0; &#x110000; &#99999999999; &bogus; &amp</p>".to_vec()),
        (
            "latin1.html",
            b"<html><body><p>Caf\xe9 talks in Yerevan \x93ended\x94 with a deal.</p></body></html>".to_vec(),
        ),
        ("nul.html", b"<html>\x00\x00\x00\x01\x02\x03<p>binary</p>".to_vec()),
        ("table.html", b"<table><tr><td><table><tr><td><p>Nested tables of the ministry.</td></table>".to_vec()),
        ("deep.html", format!("<body>{}<p>Georgia hosted the envoys.</p>", "<span><div>".repeat(3000)).into_bytes()),
        ("svg.html", b"<html><body><svg><p>Not HTML</p><foreignObject><p>Inside SVG.</p></svg>".to_vec()),
        ("feedish.html", b"<?xml version=\"1.0\"?><rss><channel><item><title>X</title>".to_vec()),
    ];
    for (name, bytes) in &pages {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = dragoman(&["read", dir.to_str().unwrap(), "--published", "2024-01-01"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(out.status.code(), Some(0 | 3)), "{stderr}");
    let recs = records(&out);
    assert!(!recs.is_empty());
    // Every page is either read or reported by name.
    for (name, _) in &pages {
        let stem = name.trim_end_matches(".html");
        let read = recs.iter().any(|r| r["id"] == stem);
        assert!(read || stderr.contains(name), "{name}: neither read nor reported\n{stderr}");
    }
    let latin1 = recs.iter().find(|r| r["id"] == "latin1").expect("the Windows-1252 page is read");
    assert_eq!(text(latin1), "Café talks in Yerevan “ended” with a deal.");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_feed_with_a_dtd_of_its_own_is_recognised_on_stdin() {
    let feed = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE rss [\n  <!ENTITY nbsp \"&#160;\">\n  <!ENTITY mdash \"&#8212;\">\n]>\n<rss version=\"2.0\"><channel><title>Wire</title>\n<item><title>Russia accuses Armenia</title><pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate>\n<description>Russia accused Armenia of shelling its positions.</description></item>\n</channel></rss>\n";
    let out = dragoman(&["read", "-", "--quiet"], Some(feed));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "one feed item, not the feed as plain text");
    assert_eq!(recs[0]["published"], "2024-03-12");
    assert_eq!(recs[0]["source"], "Wire");
    assert!(!text(&recs[0]).contains('<'));
}

/// The one date `read` gives a document: its own (a record's "published", the
/// page's or item's metadata), else its dateline's, else --published, else today.
#[test]
fn a_dated_dateline_dates_a_document_without_a_date_of_its_own() {
    let published = |args: &[&str], input: &[u8]| -> (String, String) {
        let out = dragoman(args, Some(input));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let recs = records(&out);
        assert_eq!(recs.len(), 1);
        (recs[0]["published"].as_str().unwrap().to_string(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let kyiv = "KYIV, April 15, 2024 \u{2014} Russian drones struck the city overnight, officials said.\n";
    let moscow = "MOSCOW, Jan 9 (Interfax) - Russia accused Armenia of shelling its positions.\n";

    // Plain text: the dateline's full date, and no warning about dating it today.
    let (day, stderr) = published(&["read", "-"], kyiv.as_bytes());
    assert_eq!(day, "2024-04-15");
    assert!(!stderr.contains("no --published"), "{stderr}");
    // A dateline wins over --published, which dates what has no date at all; a
    // dateline without a year takes it from --published.
    assert_eq!(published(&["read", "-", "--published", "2024-05-01", "-q"], kyiv.as_bytes()).0, "2024-04-15");
    assert_eq!(published(&["read", "-", "--published", "2024-03-12", "-q"], moscow.as_bytes()).0, "2024-01-09");
    assert_eq!(published(&["read", "-", "--published", "2024-01-08", "-q"], moscow.as_bytes()).0, "2024-01-09");
    // A headline line above the dateline does not hide it.
    let titled = format!("Drones strike Kyiv\n\n{kyiv}");
    assert_eq!(published(&["read", "-", "--published", "2024-05-01", "-q"], titled.as_bytes()).0, "2024-04-15");

    // JSON Lines: the record's own date first; without one, the dateline's.
    let rec = |published: Option<&str>| {
        let mut r = serde_json::json!({"id": "a", "text": kyiv});
        if let Some(p) = published {
            r["published"] = p.into();
        }
        format!("{r}\n")
    };
    assert_eq!(published(&["read", "-", "-q"], rec(Some("2024-04-16")).as_bytes()).0, "2024-04-16");
    assert_eq!(published(&["read", "-", "--published", "2024-05-01", "-q"], rec(None).as_bytes()).0, "2024-04-15");

    // An HTML page: its metadata first; without metadata, the dateline (it was
    // skipped as undated without --published).
    let page = |meta: &str| {
        format!("<html><head>{meta}</head><body><article><p>{kyiv}</p><p>The mayor said three people were hurt.</p></article></body></html>")
    };
    let meta = "<meta property=\"article:published_time\" content=\"2024-04-16T08:00:00+03:00\">";
    assert_eq!(published(&["read", "-", "-q"], page(meta).as_bytes()).0, "2024-04-16");
    assert_eq!(published(&["read", "-", "-q"], page("").as_bytes()).0, "2024-04-15");

    // A feed item without a date of its own: its dateline, before the feed's.
    let feed = format!(
        "<rss><channel><title>Wire</title><lastBuildDate>Wed, 01 May 2024 10:00:00 GMT</lastBuildDate><item><title>Drones strike Kyiv</title><description>{kyiv}</description></item></channel></rss>"
    );
    assert_eq!(published(&["read", "-", "-q"], feed.as_bytes()).0, "2024-04-15");
}

/// "LIMA, Peru (AP) —": neither the place nor the country after it is an actor.
#[test]
fn a_datelines_place_is_never_an_actor() {
    let story = "LIMA, Peru (AP) \u{2014} Chile accused Bolivia on Monday of violating the border agreement.\n";
    let out = dragoman(&["code", "-", "--published", "2024-03-12", "-q"], Some(story.as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events = records(&out);
    assert!(!events.is_empty());
    for e in &events {
        for side in ["source", "target"] {
            let said = e[side]["text"].as_str().unwrap_or_default();
            assert!(!said.contains("LIMA") && !said.contains("Peru"), "{side} from the dateline: {e:?}");
        }
    }
}

#[test]
fn json_feeds_are_read_by_content_on_stdin_and_as_json_files() {
    let feed = br#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Wire",
  "items": [
    {"id": "https://x.test/1", "url": "https://x.test/1", "title": "Talks resume",
     "content_html": "<p>Russia urged Armenia to return to the talks.</p>",
     "date_published": "2024-03-12T08:30:00Z"}
  ]
}
"#;
    let dir = std::env::temp_dir().join(format!("dragoman-json-feed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("feed.json");
    std::fs::write(&file, feed).unwrap();
    let jsonl = dir.join("records.json");
    std::fs::write(&jsonl, "{\"id\": \"r\", \"text\": \"Baku agreed.\", \"published\": \"2024-03-13\"}\n").unwrap();
    for out in [
        dragoman(&["read", "-", "-q"], Some(feed)),
        dragoman(&["read", file.to_str().unwrap(), jsonl.to_str().unwrap(), "-q"], None),
    ] {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let recs = records(&out);
        assert_eq!(recs[0]["id"], "https://x.test/1");
        assert_eq!(recs[0]["published"], "2024-03-12");
        assert_eq!(recs[0]["source"], "Wire");
        assert_eq!(text(&recs[0]), "Talks resume\n\nRussia urged Armenia to return to the talks.");
        if recs.len() == 2 {
            assert_eq!(recs[1]["id"], "r", "a .json file of records is still JSON Lines");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_cut_off_json_feed_is_reported_with_its_file_and_place() {
    let dir = std::env::temp_dir().join(format!("dragoman-json-feed-cut-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cut.json");
    std::fs::write(&file, r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","#).unwrap();
    let out = dragoman(&["read", file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("cut.json: not a JSON Feed: malformed JSON") && err.contains("line 1 column"), "{err}");
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
