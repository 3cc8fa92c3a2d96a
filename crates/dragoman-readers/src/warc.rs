//! WARC files (ISO 28500; Common Crawl News is one): each `response` record holding
//! an HTML page is read as an article, with the record's `WARC-Target-URI` as the
//! address and `WARC-Date` (the crawl time) as the date when the page carries none.
//!
//! Records are read one at a time, so a multi-gigabyte file needs no more memory
//! than its largest record; records over the size limit are skipped unread.
//! Requests, metadata, `warcinfo`, redirects, error pages and non-HTML payloads are
//! passed over silently: they are not articles. A damaged record (one that does
//! not end where its Content-Length says) is reported with its number, offset and
//! address, and reading resumes at the next `WARC/1.` header.

use std::io::{self, BufRead, Read};

use chrono::NaiveDate;
use dragoman_core::model::Document;

use super::dates::parse_loose_date;
use super::html;

/// Records larger than this are skipped unless `read_warc_with` says otherwise.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 10 << 20;

/// Header lines longer than this mean the input is not WARC.
const MAX_HEADER_LINE: usize = 64 << 10;

/// Reads the articles in a WARC stream, calling `on_doc` for each article or
/// problem; it returns whether to keep reading.
#[allow(dead_code)] // The plain entry point; the command reads through `read_any`.
pub fn read_warc(name: &str, reader: impl BufRead, on_doc: &mut dyn FnMut(Result<Document, String>) -> bool) {
    read_warc_with(name, reader, DEFAULT_MAX_RECORD_BYTES, None, on_doc)
}

/// As `read_warc`, with a record size limit and a date for pages that have none
/// and records without `WARC-Date`.
///
/// A record's length is only a claim: its payload is read as it arrives (never
/// allocated from the header's figure), and a record is trusted only once the
/// next `WARC/1.` header (or the end of the file) stands where its length says
/// it ends. When something else is there, the length was wrong: the record is
/// reported and skipped, and reading resumes at the next `WARC/1.` line (which
/// may be a record hidden in the damaged one's payload, now read with a warning
/// before it).
pub fn read_warc_with(
    _name: &str,
    mut reader: impl BufRead,
    max_record_bytes: usize,
    fallback_published: Option<NaiveDate>,
    on_doc: &mut dyn FnMut(Result<Document, String>) -> bool,
) {
    let mut line = Vec::new();
    let mut offset: u64 = 0;
    let mut records = 0usize;
    let mut lost = false;
    // The record just read, held until its end is confirmed.
    let mut pending: Option<Pending> = None;
    loop {
        let start = offset;
        let n = match read_line(&mut reader, &mut line) {
            Ok(n) => n,
            Err(e) => {
                on_doc(Err(format!("byte {start}: cannot read: {e}")));
                return;
            }
        };
        if n == 0 {
            break;
        }
        offset += n as u64;
        let t = trim_eol(&line);
        if t.is_empty() {
            continue;
        }
        if !is_record_header(t) {
            if records == 0 && !lost {
                let why = if line.starts_with(&[0x1f, 0x8b]) {
                    "gzip-compressed (.warc.gz); decompress it first (gunzip -k)"
                } else {
                    "it does not start with a WARC/1.0 record"
                };
                on_doc(Err(format!("not a WARC file: {why}")));
                return;
            }
            if let Some(p) = pending.take() {
                lost = true;
                if !on_doc(Err(format!(
                    "{}: the record does not end where its Content-Length ({} bytes) says (byte {start} holds {:?}, not the next WARC/1. header): the length is wrong or the file damaged; skipped, reading resumes at the next WARC/1. header",
                    p.label,
                    p.len,
                    preview(t)
                ))) {
                    return;
                }
                continue;
            }
            if !lost {
                lost = true;
                if !on_doc(Err(format!(
                    "byte {start}: expected a WARC record header, found {:?}; skipping to the next record",
                    preview(t)
                ))) {
                    return;
                }
            }
            continue;
        }
        if let Some(done) = pending.take().and_then(|p| p.result) {
            if !on_doc(done) {
                return;
            }
        }
        lost = false;
        records += 1;
        let headers = match read_headers(&mut reader, &mut line, &mut offset) {
            Ok(h) => h,
            Err(e) => {
                on_doc(Err(format!("record {records} at byte {start}: {e}")));
                return;
            }
        };
        let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let Some(len) = get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            lost = true;
            if !on_doc(Err(format!(
                "record {records} at byte {start}: no valid Content-Length; skipping to the next record"
            ))) {
                return;
            }
            continue;
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let uri = get("warc-target-uri").unwrap_or("").trim_matches(['<', '>']).to_string();
        let http = get("content-type").is_none_or(|ct| ct.to_ascii_lowercase().contains("application/http"));
        let wanted = kind == "response" && http;
        let label = if uri.is_empty() {
            format!("record {records} at byte {start}")
        } else {
            format!("record {records} at byte {start} ({uri})")
        };
        if !wanted || len > max_record_bytes as u64 {
            match io::copy(&mut (&mut reader).take(len), &mut io::sink()) {
                Ok(got) if got == len => {}
                Ok(_) => {
                    on_doc(Err(format!("{label}: the file ends inside this record (cut short?)")));
                    return;
                }
                Err(e) => {
                    on_doc(Err(format!("{label}: cannot read: {e}")));
                    return;
                }
            }
            offset += len;
            let result = wanted.then(|| {
                Err(format!(
                    "{label}: record of {} MB exceeds the {} MB document limit; skipped",
                    len >> 20,
                    max_record_bytes >> 20
                ))
            });
            pending = Some(Pending { label, len, result });
            continue;
        }
        // The claimed length is not allocated up front: a header may claim 60 GB.
        let mut payload = Vec::with_capacity(len.min(PREALLOCATE_AT_MOST) as usize);
        match (&mut reader).take(len).read_to_end(&mut payload) {
            Ok(got) if got as u64 == len => {}
            Ok(_) => {
                on_doc(Err(format!("{label}: the file ends inside this record (cut short?); skipped")));
                return;
            }
            Err(e) => {
                on_doc(Err(format!("{label}: cannot read: {e}")));
                return;
            }
        }
        offset += len;
        let crawl_date = get("warc-date").and_then(parse_loose_date).or(fallback_published);
        let result = match http_body(&payload) {
            Ok(None) => None,
            Ok(Some(body)) => Some(
                html::extract_at(&body, (!uri.is_empty()).then_some(uri.as_str()))
                    .and_then(|page| page.into_document(&uri, (!uri.is_empty()).then_some(uri.as_str()), crawl_date)),
            ),
            Err(e) => Some(Err(e)),
        };
        let result = result.map(|r| r.map_err(|e| format!("{label}: {e}")));
        pending = Some(Pending { label, len, result });
    }
    if let Some(done) = pending.take().and_then(|p| p.result) {
        on_doc(done);
    }
    if records == 0 && !lost {
        on_doc(Err("no WARC records; nothing to read".into()));
    }
}

/// How much of a record's claimed length is reserved before reading it; the rest
/// grows as bytes arrive.
const PREALLOCATE_AT_MOST: u64 = 1 << 20;

/// A record read whole, waiting for the next header to confirm where it ended.
struct Pending {
    label: String,
    /// Its Content-Length.
    len: u64,
    /// Its article or problem; None for records that are not articles.
    result: Option<Result<Document, String>>,
}

/// A record's first line: `WARC/1.0` or `WARC/1.1`.
fn is_record_header(line: &[u8]) -> bool {
    line.starts_with(b"WARC/1.")
}

/// Reads one line (with its end) into `buf`, keeping at most `MAX_HEADER_LINE`
/// bytes; returns the bytes consumed, 0 at the end.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    buf.clear();
    let mut total = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..=i], true),
            None => (chunk, false),
        };
        let n = part.len();
        let room = MAX_HEADER_LINE.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..n.min(room)]);
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let mut t = line;
    while let [rest @ .., b'\n' | b'\r'] = t {
        t = rest;
    }
    t
}

fn preview(b: &[u8]) -> String {
    String::from_utf8_lossy(&b[..b.len().min(40)]).into_owned()
}

/// The named fields of a WARC header block, names lower-cased.
fn read_headers(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    offset: &mut u64,
) -> Result<Vec<(String, String)>, String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let n = read_line(reader, line).map_err(|e| format!("cannot read: {e}"))?;
        if n == 0 {
            return Err("the file ends inside the record's header (cut short?)".into());
        }
        *offset += n as u64;
        if n > MAX_HEADER_LINE || headers.len() > 1000 {
            return Err("header too long: not a WARC record".into());
        }
        let t = trim_eol(line);
        if t.is_empty() {
            return Ok(headers);
        }
        let text = String::from_utf8_lossy(t);
        if text.starts_with([' ', '\t']) {
            // A folded continuation line.
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
            continue;
        }
        if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
}

/// The HTML body of an HTTP response, None when the response is not an HTML page
/// worth reading (a redirect, an error, an image).
fn http_body(payload: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let (head_end, sep) = match find(payload, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => match find(payload, b"\n\n") {
            Some(i) => (i, 2),
            None => return Err("the HTTP response has no end of headers; skipped".into()),
        },
    };
    let head = String::from_utf8_lossy(&payload[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP response (starts with {:?}); skipped", preview(status_line.as_bytes())));
    }
    let status: u16 = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let (mut content_type, mut transfer, mut encoding) = (None, String::new(), String::new());
    for l in lines {
        let Some((k, v)) = l.split_once(':') else { continue };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v),
            "transfer-encoding" => transfer = v,
            "content-encoding" => encoding = v,
            _ => {}
        }
    }
    let body = &payload[head_end + sep..];
    let html = match &content_type {
        Some(ct) => ct.contains("html"),
        None => {
            let probe = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
            probe.contains("<html") || probe.contains("<!doctype html")
        }
    };
    if !html {
        return Ok(None);
    }
    if !encoding.is_empty() && encoding != "identity" {
        return Err(format!("the page is compressed (Content-Encoding: {encoding}); skipped"));
    }
    if transfer.contains("chunked") {
        return dechunk(body).map(Some);
    }
    Ok(Some(body.to_vec()))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Joins an HTTP/1.1 chunked body.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = find(body, b"\n") else { return Ok(out) };
        let size_line = String::from_utf8_lossy(&body[..eol]);
        let hex = size_line.trim().split(';').next().unwrap_or("").trim();
        let size =
            usize::from_str_radix(hex, 16).map_err(|_| "bad chunked encoding in the HTTP body; skipped".to_string())?;
        body = &body[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = &body[take..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &str) -> String {
        format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-12T10:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n", payload.len())
    }

    fn read(bytes: &[u8]) -> Vec<Result<Document, String>> {
        let mut out = Vec::new();
        read_warc("t.warc", bytes, &mut |r| {
            out.push(r);
            true
        });
        out
    }

    #[test]
    fn responses_become_documents() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Moscow rebuked Yerevan on Monday.</p></body></html>";
        let warc = record("request", "https://x.test/a", "GET /a HTTP/1.1\r\n\r\n")
            + &record("response", "https://x.test/a", page);
        let docs = read(warc.as_bytes());
        assert_eq!(docs.len(), 1);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(d.published.to_string(), "2024-03-12");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
    }

    #[test]
    fn damaged_input_is_reported() {
        let docs = read(b"\x1f\x8b\x08\x00garbage");
        assert!(docs[0].as_ref().unwrap_err().contains("gzip"));
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Moscow rebuked Yerevan on Monday.</p>";
        let full = record("response", "https://x.test/a", page);
        let cut = &full.as_bytes()[..full.len() - 30];
        let docs = read(cut);
        assert!(docs[0].as_ref().unwrap_err().contains("ends inside"));
    }
}
