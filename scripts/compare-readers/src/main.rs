//! Dragoman's feed and WARC readers beside feed-rs 3 and warc 0.4: what each makes
//! of well-formed and of damaged input, and how fast each reads a large file.
//! The inputs are written here, so the run needs nothing beside the checkout.

use dragoman_readers as readers;

use std::io::BufReader;
use std::time::Instant;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../crates/dragoman/tests/fixtures/");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).expect("the test fixtures beside the checkout")
}

/// Ours: items read, items refused, and the first item's date and text.
fn feed_ours(b: &[u8]) -> String {
    match readers::feed::read_feed_dated("f", b, None) {
        Ok(items) => {
            let ok: Vec<_> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
            let first = ok.first().map(|d| format!("{} {:?}", d.published, clip(&d.text.replace("\n\n", " / ")))).unwrap_or_default();
            format!("{} read, {} refused; {first}", ok.len(), items.len() - ok.len())
        }
        Err(e) => format!("error: {}", clip(&e)),
    }
}

/// feed-rs, with our HTML-to-text on each body (what adopting it would give).
fn feed_theirs(b: &[u8]) -> String {
    match feed_rs::parser::parse(b) {
        Ok(f) => {
            let first = f
                .entries
                .first()
                .map(|e| {
                    let title = e.title.as_ref().map(|t| t.content.clone()).unwrap_or_default();
                    let date = e.published.or(e.updated).map(|d| d.date_naive().to_string()).unwrap_or("(no date)".into());
                    format!("{date} {:?}", clip(&format!("{title} / {}", readers::html::html_to_text(&body(e)))))
                })
                .unwrap_or_default();
            format!("{} read; {first}", f.entries.len())
        }
        Err(e) => format!("error: {}", clip(&e.to_string())),
    }
}

fn body(e: &feed_rs::model::Entry) -> String {
    e.content.as_ref().and_then(|c| c.body.clone()).or_else(|| e.summary.as_ref().map(|s| s.content.clone())).unwrap_or_default()
}

fn warc_ours(b: &[u8]) -> String {
    let (mut ok, mut errs) = (0, Vec::new());
    readers::warc::read_warc_with("w", BufReader::new(b), 100_000 << 20, None, &mut |r| {
        match r {
            Ok(_) => ok += 1,
            Err(e) => errs.push(clip(&e)),
        }
        true
    });
    format!("{ok} pages; errors: {errs:?}")
}

fn warc_theirs(b: &[u8]) -> String {
    let (mut responses, mut others, mut errs) = (0, 0, Vec::new());
    for (i, rec) in warc::WarcReader::new(BufReader::new(b)).iter_records().enumerate() {
        if i > 1000 {
            errs.push("(stopped after 1,000)".to_string());
            break;
        }
        match rec {
            Ok(r) if *r.warc_type() == warc::RecordType::Response => responses += 1,
            Ok(_) => others += 1,
            Err(e) => errs.push(clip(&e.to_string())),
        }
    }
    format!("{responses} responses, {others} other records; errors: {errs:?}")
}

fn clip(s: &str) -> String {
    let s: String = s.chars().take(70).collect();
    s
}

fn best_of(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn rss(items: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>").into_bytes()
}

fn item(title: &str, description: &str) -> String {
    format!("<item><title>{title}</title><pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate><description>{description}</description></item>")
}

fn record(uri: &str, payload: &[u8], claimed: usize) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x:{uri}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-12T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {claimed}\r\n\r\n").into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn page(text: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{text}</p></body></html>").into_bytes()
}

fn main() {
    println!("# Feeds\n");
    let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY mdash \"&#8212;\">\n]>\n<rss version=\"2.0\"><channel><title>Wire</title>";
    let feeds: Vec<(&str, Vec<u8>)> = vec![
        ("wire.rss (fixture)", fixture("wire.rss")),
        ("wire.atom (fixture)", fixture("wire.atom")),
        ("a DTD with an internal subset", format!("{dtd}{}</channel></rss>", item("Talks", "Russia urged talks.")).into_bytes()),
        ("80,000 stray tags in a description", rss(&item("Accusation", &format!("<p>Russia accused Armenia.{}{}", "<span>".repeat(80_000), "</q>".repeat(80_000))))),
        ("an unescaped & in a title", rss(&(item("AT&T fined", "Regulators fined the firm.") + &item("Second", "Baku agreed.")))),
        ("unescaped HTML in a description", rss(&item("Talks", "<p>Russia urged talks.<br></p>"))),
        ("a feed cut short in its second item", format!("<rss version=\"2.0\"><channel><title>Wire</title>{}<item><title>cut", item("One", "Russia urged talks.")).into_bytes()),
        ("declared windows-1251", b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>W</title><item><title>\xcc\xe8\xf0</title><pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate><description>\xcc\xe8\xf0</description></item></channel></rss>".to_vec()),
        ("23:30 at UTC-5 (the publisher's day: 12 March)", rss(&item("Late", "Late in New York.").replace("08:30:00 GMT", "23:30:00 -0500"))),
        ("a JSON Feed", br#"{"version":"https://jsonfeed.org/version/1.1","title":"Wire","items":[{"id":"1","title":"Talks","content_text":"Russia urged talks.","date_published":"2024-03-12T08:30:00Z"}]}"#.to_vec()),
    ];
    for (name, b) in &feeds {
        println!("- {name}\n  - ours:    {}\n  - feed-rs: {}", feed_ours(b), feed_theirs(b));
    }
    let mut items = String::new();
    for i in 0..10_000 {
        items.push_str(&format!("<item><title>Story {i}: Russia accuses Armenia</title><link>https://x.test/{i}</link><guid>g{i}</guid><pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate><description>&lt;p&gt;MOSCOW (Wire) &amp;mdash; Russia accused Armenia on Monday of shelling its positions near the border, the ministry said.&lt;/p&gt;&lt;p&gt;Armenia urged Russia to return to the table. &lt;a href=\"https://x.test/{i}\"&gt;Read more&lt;/a&gt;&lt;/p&gt;</description></item>\n"));
    }
    let big = rss(&items);
    let ours = best_of(5, || assert_eq!(readers::feed::read_feed_dated("f", &big, None).unwrap().len(), 10_000));
    let parse = best_of(5, || assert_eq!(feed_rs::parser::parse(&big[..]).unwrap().entries.len(), 10_000));
    let theirs = best_of(5, || {
        let f = feed_rs::parser::parse(&big[..]).unwrap();
        assert!(f.entries.iter().all(|e| !readers::html::html_to_text(&body(e)).is_empty()));
    });
    println!(
        "\nSpeed, {:.1} MB feed of 10,000 items (best of 5): ours {ours:.3} s to documents with text; feed-rs {parse:.3} s to parse, {theirs:.3} s with the text",
        big.len() as f64 / 1e6
    );

    println!("\n# WARC\n");
    let crawl = fixture("crawl.warc");
    let outer = page("Russia accused Armenia of shelling.");
    let mut embedded = outer.clone();
    embedded.extend_from_slice(b"\r\n\r\n");
    embedded.extend(record("https://forged.test/", &page("Armenia accused Russia."), page("Armenia accused Russia.").len()));
    let mut short = record("https://outer.test/", &embedded, outer.len() - 10);
    short.extend(record("https://next.test/", &page("Baku and Yerevan resumed talks."), page("Baku and Yerevan resumed talks.").len()));
    let mut junk = b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:x:r>\r\nContent-Length: 3\r\n\r\nabc\r\n\r\njunk between records\r\n".to_vec();
    junk.extend_from_slice(&crawl);
    // Header lines ended by LF alone (the standard says CRLF; some tools write LF).
    let lf = String::from_utf8(record("https://lf.test/", &page("Russia urged talks."), page("Russia urged talks.").len()))
        .unwrap()
        .replacen("\r\n\r\nHTTP", "\n\nHTTP", 1)
        .replace("Z\r\n", "Z\n")
        .replace(">\r\n", ">\n")
        .replace("response\r\n", "response\n")
        .replace("WARC/1.0\r\n", "WARC/1.0\n")
        .replace("/\r\n", "/\n");
    let warcs: Vec<(&str, Vec<u8>)> = vec![
        ("WARC headers with LF line ends", lf.into_bytes()),
        ("crawl.warc (fixture: warcinfo, request, 2 responses)", crawl.clone()),
        ("a record claiming 60 GB (file ends first)", record("https://huge.test/", &page("Russia accused Armenia."), 60 << 30)),
        ("a Content-Length 10 bytes short, a record inside the payload, a good record after", short),
        ("junk between records, then the fixture", junk),
    ];
    for (name, b) in &warcs {
        println!("- {name}\n  - ours: {}\n  - warc: {}", warc_ours(b), warc_theirs(b));
    }
    let mut w = Vec::new();
    let mut payload = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n".to_vec();
    payload.extend(std::iter::repeat_n(b'x', 50_000));
    for i in 0..2000 {
        w.extend(record(&format!("https://x.test/{i}"), &payload, payload.len()));
    }
    let ours = best_of(3, || {
        warc_ours(&w);
    });
    let theirs = best_of(3, || assert_eq!(warc::WarcReader::new(BufReader::new(&w[..])).iter_records().filter(|r| r.is_ok()).count(), 2000));
    println!(
        "\nSpeed, {:.0} MB of 2,000 responses of 50 KB (non-HTML: records read, no page extracted; best of 3): ours {ours:.3} s, warc {theirs:.3} s",
        w.len() as f64 / 1e6
    );
}
