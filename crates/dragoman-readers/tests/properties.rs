//! The fuzz targets of `fuzz/` (issue 10, item 6) as short property runs inside
//! `cargo test`: arbitrary bytes, and markup-like byte soup, through every reader,
//! never a panic; plus every input the fuzzer ever found a fault with, kept under
//! `fuzz/regressions/<target>/`.

use std::io::BufReader;
use std::path::Path;

use chrono::NaiveDate;
use dragoman_readers::{feed, html, read_any, sniff, Kind};
use proptest::prelude::*;

fn day() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 1, 18)
}

fn html_target(bytes: &[u8]) {
    if let Ok(doc) = html::read_html("page.html", bytes, day()) {
        assert!(!doc.text.contains('\0'));
    }
    let _ = html::html_to_text(&String::from_utf8_lossy(bytes));
}

fn feed_target(bytes: &[u8]) {
    let _ = feed::read_feed_dated("feed.xml", bytes, day());
    let _ = sniff(&bytes[..bytes.len().min(4096)]);
}

fn warc_target(bytes: &[u8]) {
    for kind in [Kind::Warc, Kind::WarcGz] {
        let mut reader = BufReader::new(bytes);
        let mut n = 0usize;
        read_any(kind, "crawl.warc", &mut reader, 1 << 20, day(), &mut |_| {
            n += 1;
            n < 10_000
        });
    }
}

/// Bytes that look like markup: tags, entities, CDATA, WARC headers and text.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<html>".to_vec()),
        Just(b"<body><article><p>".to_vec()),
        Just(b"</p></article>".to_vec()),
        Just(b"<rss><channel><item><title>".to_vec()),
        Just(b"</title><description>".to_vec()),
        Just(b"<pubDate>Tue, 16 Jan 2024 10:00:00 GMT</pubDate>".to_vec()),
        Just(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        Just(b"]]>".to_vec()),
        Just(b"&amp;&#x41;&bogus;&".to_vec()),
        Just(b"<!DOCTYPE rss [<!ENTITY a \"b\">]>".to_vec()),
        Just(b"<meta charset=\"windows-1251\">".to_vec()),
        Just(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\n".to_vec()),
        Just(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec()),
        Just(b"Russia accused Armenia on Monday. ".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..16),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![soup(), proptest::collection::vec(any::<u8>(), 0..2048)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn html_never_panics(b in bytes()) {
        html_target(&b);
    }

    #[test]
    fn feeds_never_panic(b in bytes()) {
        feed_target(&b);
    }

    #[test]
    fn warc_never_panics(b in bytes()) {
        warc_target(&b);
    }
}

/// A fuzz target: bytes in, a panic on a fault.
type Target = fn(&[u8]);

/// Every input under `fuzz/regressions/<target>/` through its target.
#[test]
fn fuzz_regressions_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let targets: [(&str, Target); 3] = [("html", html_target), ("feed", feed_target), ("warc", warc_target)];
    for (name, target) in targets {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else { continue };
        for entry in dir.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            target(&bytes);
        }
    }
}
