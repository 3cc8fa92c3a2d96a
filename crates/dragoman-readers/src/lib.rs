//! Article formats beyond plain text and JSON Lines: HTML pages, RSS, Atom and JSON
//! feeds, and WARC archives (Common Crawl News).
//!
//! Each reader is a pure function over bytes (WARC over a stream, record by record)
//! that yields `Document`s or a reason per item; none touches the network, and none
//! panics on damaged input. `reader_for` picks a reader from a file name, `sniff`
//! from the first bytes of a stream, and `read_any` runs it with the same size
//! limit and fallback date as the other inputs.

mod article_text;
mod charset;
pub mod dates;
pub mod feed;
pub mod html;
pub mod json_feed;
mod markup;
pub mod warc;

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::NaiveDate;
use dragoman_core::model::Document;

use feed::read_feed_dated;
use html::read_html;
use warc::read_warc_with;

/// The kinds of input these readers handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Feed,
    Warc,
    /// A gzip-compressed WARC (`.warc.gz`, one gzip member per record).
    WarcGz,
}

/// The reader for a file, by its name: `.html`, `.htm`, `.xhtml`, `.shtml` → HTML;
/// `.rss`, `.atom` → feed; `.xml`, `.rdf` → feed when the file's first element is
/// `<rss>`, `<feed>` or `<rdf:RDF>`, and `.json` when it is a JSON Feed (the file
/// is opened to look), else None; `.warc`, `.warc.gz`. Anything else is None
/// (plain text or JSON Lines).
pub fn reader_for(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let ext = name.rsplit('.').next().unwrap_or("");
    if name.ends_with(".warc.gz") {
        return Some(Kind::WarcGz);
    }
    match ext {
        "warc" => Some(Kind::Warc),
        "html" | "htm" | "xhtml" | "shtml" => Some(Kind::Html),
        "rss" | "atom" => Some(Kind::Feed),
        "xml" | "rdf" | "json" => {
            let mut prefix = Vec::with_capacity(4096);
            std::fs::File::open(path).ok()?.take(4096).read_to_end(&mut prefix).ok()?;
            (sniff(&prefix) == Some(Kind::Feed)).then_some(Kind::Feed)
        }
        _ => None,
    }
}

/// The reader for a stream, by its first bytes (4 KB is plenty): a WARC header, a
/// feed's root element or a JSON Feed's version, or an HTML document. None for
/// anything else.
pub fn sniff(prefix: &[u8]) -> Option<Kind> {
    let prefix = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    if prefix.starts_with(b"WARC/") {
        return Some(Kind::Warc);
    }
    if json_feed::is_json_feed(prefix) {
        return Some(Kind::Feed);
    }
    let text = String::from_utf8_lossy(prefix);
    for token in markup::Scanner::new(&text, false) {
        match token {
            markup::Token::Start { name, .. } => {
                return match name.as_str() {
                    "rss" | "feed" | "rdf:rdf" => Some(Kind::Feed),
                    "html" | "head" | "body" => Some(Kind::Html),
                    _ => None,
                };
            }
            markup::Token::Text(t) if !t.trim().is_empty() => return None,
            markup::Token::Cdata(_) | markup::Token::Raw(_) | markup::Token::End { .. } => return None,
            _ => {}
        }
    }
    // `<!DOCTYPE html>` alone in the prefix still says HTML.
    text.trim_start().get(..14).is_some_and(|s| s.eq_ignore_ascii_case("<!doctype html")).then_some(Kind::Html)
}

/// Reads a stream of the given kind, calling `on_doc` for each document or problem
/// (it returns whether to keep reading). Pages and feeds over `max_bytes`, and WARC
/// records over it, are skipped with a message; `fallback_published` dates pages
/// and items that carry no date.
pub fn read_any(
    kind: Kind,
    name: &str,
    reader: &mut dyn BufRead,
    max_bytes: usize,
    fallback_published: Option<NaiveDate>,
    on_doc: &mut dyn FnMut(Result<Document, String>) -> bool,
) {
    match kind {
        Kind::Warc => read_warc_with(name, reader, max_bytes, fallback_published, on_doc),
        Kind::WarcGz => read_warc_with(
            name,
            std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(reader)),
            max_bytes,
            fallback_published,
            on_doc,
        ),
        Kind::Html | Kind::Feed => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes) {
                on_doc(Err(format!("cannot read: {e}")));
                return;
            }
            if bytes.len() > max_bytes {
                on_doc(Err(format!(
                    "larger than the {} MB document limit; skipped (raise it with --max-doc-mb)",
                    max_bytes >> 20
                )));
                return;
            }
            if kind == Kind::Html {
                on_doc(read_html(name, &bytes, fallback_published));
                return;
            }
            match read_feed_dated(name, &bytes, fallback_published) {
                Ok(items) => {
                    for item in items {
                        if !on_doc(item) {
                            return;
                        }
                    }
                }
                Err(e) => {
                    on_doc(Err(e));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_by_content() {
        assert_eq!(reader_for(Path::new("a/b.HTML")), Some(Kind::Html));
        assert_eq!(reader_for(Path::new("cc.warc.gz")), Some(Kind::WarcGz));
        assert_eq!(reader_for(Path::new("cc.warc")), Some(Kind::Warc));
        assert_eq!(reader_for(Path::new("news.rss")), Some(Kind::Feed));
        assert_eq!(reader_for(Path::new("story.txt")), None);
        assert_eq!(reader_for(Path::new("missing.xml")), None);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"), Some(Kind::Feed));
        assert_eq!(sniff(b"\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Some(Kind::Feed));
        assert_eq!(sniff(b"<!DOCTYPE html>\n<html lang=en>"), Some(Kind::Html));
        assert_eq!(sniff(b"WARC/1.0\r\n"), Some(Kind::Warc));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><Sentences>"), None);
        // A feed that declares its entities in a DTD of its own.
        let dtd = b"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY nbsp \"&#160;\">\n<!ENTITY mdash \"&#8212;\">\n]>\n<rss version=\"2.0\">";
        assert_eq!(sniff(dtd), Some(Kind::Feed));
        assert_eq!(
            sniff(b"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\"><rss>"),
            Some(Kind::Feed)
        );
        assert_eq!(sniff(b"{\"text\": \"<rss\"}"), None);
    }
}
