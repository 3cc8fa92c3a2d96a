//! Bytes of a page or feed to text, in the encoding the bytes are really in.
//!
//! Most news pages are UTF-8, but archives (WARC, old feeds) still hold
//! Windows-1252, ISO-8859-x, KOI8-R, Shift_JIS pages and a few UTF-16 ones. The
//! order, most trusted first:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. bytes that are valid UTF-8: UTF-8, whatever the page declares (pages
//!    mislabelled `iso-8859-1` while serving UTF-8 are common, legacy text with
//!    accents is almost never valid UTF-8 by accident, and ASCII reads the same in
//!    every ASCII-compatible encoding);
//! 3. the charset the document declares near its start (`<meta charset>`,
//!    `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML
//!    declaration's `encoding`), as the WHATWG Encoding Standard names labels
//!    (so `iso-8859-1` and `latin1` read as Windows-1252, as browsers do);
//! 4. UTF-8 when valid, else Windows-1252, the usual legacy encoding of English news.
//!
//! The rs-trafilatura crate reads a declared charset too, but defaults to UTF-8
//! with replacement characters when there is none; undeclared legacy pages keep
//! their accents here.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the document a charset declaration is looked for. The HTML
/// standard's prescan stops at 1024 bytes; pages with long heads put it later.
const DECLARATION_WINDOW: usize = 4096;

/// Text from the bytes of a markup document (see the module documentation). Fails
/// only for binary data.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let text = decode(bytes)?;
    // A NUL anywhere (not only near the start, where binary files show it) is not
    // text: no page or feed holds one, and stored it would cut C strings short.
    if let Some(at) = text.find('\0') {
        let line = 1 + text[..at].matches('\n').count();
        return Err(format!("looks like a binary file (NUL byte on line {line}), not markup"));
    }
    Ok(text)
}

fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text);
    }
    let probe = &bytes[..bytes.len().min(8192)];
    let controls = probe.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c')).count();
    if controls * 20 > probe.len().max(1) {
        return Err("looks like a binary file (control bytes), not markup".into());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let encoding = declared_encoding(&bytes[..bytes.len().min(DECLARATION_WINDOW)])
        .filter(|e| *e != UTF_8 && !e.name().starts_with("UTF-16"))
        .unwrap_or(WINDOWS_1252);
    let (text, _, _) = encoding.decode(bytes);
    Ok(text)
}

/// The encoding a document's start declares, if any it names is known.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = lower.iter().position(|&b| b == b'>').unwrap_or(lower.len());
        if let Some(label) = value_after(&lower[..end], b"encoding") {
            return Encoding::for_label(label);
        }
    }
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset").map(|i| i + from) {
        from = at + 7;
        // Only inside a <meta> tag: not in a script or the page's text.
        let tag_start = lower[..at].iter().rposition(|&b| b == b'<');
        let tag_closed = tag_start.is_some_and(|s| lower[s..at].contains(&b'>'));
        if tag_closed || !tag_start.is_some_and(|s| lower[s..].starts_with(b"<meta")) {
            continue;
        }
        if let Some(encoding) = value_after(&lower[at..], b"charset").and_then(Encoding::for_label) {
            return Some(encoding);
        }
    }
    None
}

/// The value of `name = "value"` (quotes optional) at the first `name` in `s`.
fn value_after<'a>(s: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = find(s, name)? + name.len();
    let rest = trim_start(&s[at..]).strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace());
    let label = &rest[..end.unwrap_or(rest.len())];
    (!label.is_empty()).then_some(label)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let skip = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_declared_legacy_and_undeclared_legacy() {
        assert_eq!(decode_text("<p>Yerevan – Baku</p>".as_bytes()).unwrap(), "<p>Yerevan – Baku</p>");
        // Declared KOI8-R: "мир" is 0xCD 0xC9 0xD2.
        let koi8 = b"<html><head><meta charset=\"koi8-r\"></head><p>\xcd\xc9\xd2</p>";
        assert!(decode_text(koi8).unwrap().contains("<p>мир</p>"));
        let http_equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>caf\xe9 \x93quoted\x94</p>";
        assert!(decode_text(http_equiv).unwrap().contains("café “quoted”"));
        // Nothing declared and not UTF-8: Windows-1252.
        assert!(decode_text(b"<p>Pashinyan\x92s caf\xe9</p>").unwrap().contains("Pashinyan’s café"));
        // Declared Latin-1 but really UTF-8: UTF-8 wins.
        let mislabelled = "<meta charset=iso-8859-1><p>café</p>".as_bytes();
        assert!(decode_text(mislabelled).unwrap().contains("café"));
        // An XML declaration names the encoding of a feed.
        let feed = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>\xcc\xe8\xf0</title></rss>";
        assert!(decode_text(feed).unwrap().contains("Мир"));
        // A "charset" in the text is no declaration.
        assert!(decode_text(b"<p>charset=koi8-r \xe9</p>").unwrap().contains("é"));
    }

    #[test]
    fn byte_order_marks_and_binary() {
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<p>Hi</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(&utf16).unwrap(), "<p>Hi</p>");
        assert_eq!(decode_text(b"\xEF\xBB\xBF<p>x</p>").unwrap(), "<p>x</p>");
        assert!(decode_text(b"\x00\x01\x02abc").unwrap_err().contains("binary"));
        assert!(decode_text(b"\x01\x02\x03\x04\x05").is_err());
        // Far past the first 8 KB, and in UTF-16, a NUL is still binary.
        let late = format!("<p>{}</p>\n<p>a\0b</p>", "Russia accused Armenia. ".repeat(1000));
        let err = decode_text(late.as_bytes()).unwrap_err();
        assert!(err.contains("binary") && err.contains("line 2"), "{err}");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<p>a\0b</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(decode_text(&utf16).unwrap_err().contains("NUL"));
    }
}
