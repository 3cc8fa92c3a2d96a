//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry (JSON
//! Feeds are handed to `json_feed`).
//!
//! A document's text is the item's title, a blank line, and its body: the first of
//! `content:encoded`, Atom `content`, `description`, Atom `summary`, with the HTML
//! such fields carry (escaped or in CDATA) reduced to paragraphs. Its date is the
//! item's `pubDate` (RFC 822), `dc:date`, `published` or `updated` (RFC 3339), else
//! the date in its body's dateline ("MOSCOW, Jan 9 (Interfax) -"), else the feed's
//! own date; its id is the `guid` or Atom `id`, else the link; its outlet
//! is the item's `<source>`, else the feed's title.
//!
//! Feeds in the wild are often not well-formed XML (unescaped `&`, stray HTML tags
//! in descriptions, a file cut short), so they are read with the same forgiving
//! scanner as pages: an item that is cut short is reported, the others are read.

use chrono::NaiveDate;
use dragoman_core::model::Document;

use super::charset::decode_text;
use super::dates::{dateline_date, parse_loose_date};
use super::html::html_to_text;
use super::markup::{attr, attributes, collapse_whitespace, decode_entities, Scanner, Token};

/// Reads a feed: one result per item, in order. Fails as a whole only when the
/// bytes are not a feed.
#[allow(dead_code)] // The plain entry point; the command reads through `read_any`.
pub fn read_feed(name: &str, bytes: &[u8]) -> Result<Vec<Result<Document, String>>, String> {
    read_feed_dated(name, bytes, None)
}

/// As `read_feed`, dating items that have no date (and whose feed has none) with
/// `fallback_published`.
pub fn read_feed_dated(
    name: &str,
    bytes: &[u8],
    fallback_published: Option<NaiveDate>,
) -> Result<Vec<Result<Document, String>>, String> {
    if super::json_feed::is_json_feed(&bytes[..bytes.len().min(4096)]) {
        return super::json_feed::read_json_feed(name, bytes, fallback_published);
    }
    let src = decode_text(bytes)?;
    let mut scanner = Scanner::new(&src, false);
    let mut root: Option<String> = None;
    let mut stack: Vec<String> = Vec::new();
    // How many elements of each name are open: an end tag whose element is not
    // open (HTML left unescaped in a description often has thousands) is passed
    // over without searching the stack, so reading stays linear.
    let mut open_by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut feed = FeedFacts::default();
    let mut items: Vec<Item> = Vec::new();
    let mut current: Option<Item> = None;
    // The direct child of an item being read: its name, attributes and where its
    // contents start in the source.
    let mut field: Option<(String, Attributes, usize)> = None;
    // A feed-level child (channel title, date): name and where its contents start.
    let mut feed_field: Option<(String, usize)> = None;
    let mut truncated = false;
    while let Some(token) = scanner.next() {
        match token {
            Token::Start { name, attrs, self_closing } => {
                if root.is_none() {
                    if !matches!(name.as_str(), "rss" | "feed" | "rdf:rdf") {
                        return Err(format!("not an RSS or Atom feed (the document starts with <{name}>)"));
                    }
                    root = Some(name.clone());
                }
                let depth = stack.len();
                if current.is_none() && (name == "item" || name == "entry") {
                    current = Some(Item { depth, fields: Vec::new() });
                } else if let Some(item) = current.as_mut() {
                    if depth == item.depth + 1 && field.is_none() {
                        let attrs = attributes(attrs);
                        if self_closing {
                            item.fields.push((name.clone(), attrs, String::new()));
                        } else {
                            field = Some((name.clone(), attrs, scanner.pos()));
                        }
                    }
                } else if feed_field.is_none() && is_feed_level(&stack) && !self_closing {
                    feed_field = Some((name.clone(), scanner.pos()));
                }
                if !self_closing {
                    *open_by_name.entry(name.clone()).or_default() += 1;
                    stack.push(name);
                }
            }
            Token::End { name } => {
                if open_by_name.get(&name).is_none_or(|&n| n == 0) {
                    continue;
                }
                let Some(at) = stack.iter().rposition(|n| *n == name) else { continue };
                for closed in stack.drain(at..) {
                    if let Some(n) = open_by_name.get_mut(&closed) {
                        *n -= 1;
                    }
                }
                let end = scanner.token_start;
                if let Some((fname, _, start)) = &field {
                    if current.as_ref().is_some_and(|i| stack.len() <= i.depth + 1) {
                        let raw = src.get(*start..end.max(*start)).unwrap_or("").to_string();
                        let fname = fname.clone();
                        let (_, attrs, _) = field.take().unwrap_or_default();
                        if let Some(item) = current.as_mut() {
                            item.fields.push((fname, attrs, raw));
                        }
                    }
                }
                if let Some((fname, start)) = &feed_field {
                    if stack.len() <= feed_level_depth(root.as_deref()) {
                        let raw = src.get(*start..end.max(*start)).unwrap_or("");
                        feed.note(fname, raw);
                        feed_field = None;
                    }
                }
                if current.as_ref().is_some_and(|i| stack.len() <= i.depth) {
                    items.extend(current.take());
                    field = None;
                }
            }
            _ => {}
        }
    }
    if root.is_none() {
        return Err("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)".into());
    }
    if let Some(item) = current.take() {
        truncated = true;
        items.push(item);
    }
    if items.is_empty() {
        return Err("the feed has no <item> or <entry>; nothing to read".into());
    }
    let last = items.len() - 1;
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            if truncated && i == last {
                return Err(format!("item {}: the feed ends inside it (file cut short?); skipped", i + 1));
            }
            item.into_document(name, i + 1, &feed, fallback_published)
        })
        .collect())
}

/// Depth of the feed's own children: `<rss><channel><title>` or `<feed><title>`.
fn feed_level_depth(root: Option<&str>) -> usize {
    if root == Some("feed") {
        1
    } else {
        2
    }
}

fn is_feed_level(stack: &[String]) -> bool {
    match stack {
        [r] => r == "feed",
        [r, c] => (r == "rss" || r == "rdf:rdf") && c == "channel",
        _ => false,
    }
}

#[derive(Default)]
struct FeedFacts {
    title: Option<String>,
    date: Option<NaiveDate>,
}

impl FeedFacts {
    fn note(&mut self, name: &str, raw: &str) {
        match name {
            "title" if self.title.is_none() => self.title = Some(plain(raw)).filter(|t| !t.is_empty()),
            "pubdate" | "lastbuilddate" | "dc:date" | "updated" | "published" if self.date.is_none() => {
                self.date = parse_loose_date(&plain(raw))
            }
            _ => {}
        }
    }
}

/// An element's attributes: (name, value) pairs.
type Attributes = Vec<(String, String)>;
/// A direct child of an item: lower-cased name, attributes, raw contents.
type Field = (String, Attributes, String);

struct Item {
    depth: usize,
    /// Direct children: lower-cased name, attributes, raw contents.
    fields: Vec<Field>,
}

impl Item {
    fn raw(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|(n, _, raw)| n == name && !raw.trim().is_empty())
    }

    fn plain(&self, name: &str) -> Option<String> {
        self.raw(name).map(|(_, _, raw)| plain(raw)).filter(|s| !s.is_empty())
    }

    /// The item's body as text: HTML-bearing fields reduced to paragraphs.
    fn body(&self) -> Option<String> {
        for name in ["content:encoded", "content", "description", "summary"] {
            let Some((_, attrs, raw)) = self.raw(name) else { continue };
            let kind = attr(attrs, "type").unwrap_or_default().to_ascii_lowercase();
            let text = if kind == "xhtml" || kind.contains("xhtml+xml") {
                html_to_text(raw)
            } else if kind == "text" || kind == "text/plain" {
                collapse_whitespace(&unwrap(raw))
            } else {
                html_to_text(&unwrap(raw))
            };
            if !text.trim().is_empty() {
                return Some(text);
            }
        }
        None
    }

    fn link(&self) -> Option<String> {
        // Atom: <link rel="alternate" href="…"/>, or a link without rel.
        let atom = self
            .fields
            .iter()
            .filter(|(n, attrs, _)| n == "link" && attr(attrs, "href").is_some())
            .min_by_key(|(_, attrs, _)| match attr(attrs, "rel").as_deref() {
                None | Some("alternate") => 0,
                _ => 1,
            })
            .and_then(|(_, attrs, _)| attr(attrs, "href"));
        atom.or_else(|| self.plain("link")).map(|l| l.trim().to_string()).filter(|l| !l.is_empty())
    }

    fn into_document(
        self,
        name: &str,
        n: usize,
        feed: &FeedFacts,
        fallback: Option<NaiveDate>,
    ) -> Result<Document, String> {
        let link = self.link();
        let id = self
            .plain("guid")
            .or_else(|| self.plain("id"))
            .or_else(|| link.clone())
            .unwrap_or_else(|| format!("{name}#item-{n}"));
        let title = self.plain("title");
        let body = self.body();
        let reference = feed.date.or(fallback);
        let dateline = body.as_deref().and_then(|b| dateline_date(b, reference));
        let text = match (&title, body) {
            (Some(t), Some(b)) if b.starts_with(t.as_str()) => b,
            (Some(t), Some(b)) => format!("{t}\n\n{b}"),
            (Some(t), None) => t.clone(),
            (None, Some(b)) => b,
            (None, None) => return Err(format!("item {n} ({id}): no title or text; skipped")),
        };
        let date = [
            "pubdate",
            "dc:date",
            "published",
            "updated",
            "dcterms:issued",
            "dcterms:created",
            "dcterms:modified",
            "dc:created",
            "issued",
        ]
        .iter()
        .find_map(|k| self.plain(k).and_then(|d| parse_loose_date(&d)));
        // The item's own date, its dateline's, the feed's (when it was built, not
        // when the item was written), then --published.
        let published = date.or(dateline).or(feed.date).or(fallback).ok_or_else(|| {
            format!("item {n} ({id}): no date (pubDate, dc:date, published, updated, a dated dateline) in the item or the feed; skipped")
        })?;
        let outlet = self.plain("source").or_else(|| feed.title.clone());
        Ok(Document { id, text, published, source: outlet, url: link, title })
    }
}

/// Contents of a field as written: CDATA kept literally, references decoded.
fn unwrap(raw: &str) -> String {
    let mut out = String::new();
    for token in Scanner::new(raw, false) {
        match token {
            Token::Text(t) => out.push_str(&decode_entities(t)),
            Token::Cdata(t) => out.push_str(t),
            // Markup inside a field that should have been escaped: keep it for the
            // HTML reader to drop.
            Token::Start { name, attrs, self_closing } => {
                out.push('<');
                out.push_str(&name);
                out.push_str(attrs);
                if self_closing {
                    out.push('/');
                }
                out.push('>');
            }
            Token::End { name } => {
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
            }
            _ => {}
        }
    }
    out
}

/// A field as one line of plain text.
fn plain(raw: &str) -> String {
    let s = unwrap(raw);
    if s.contains('<') {
        collapse_whitespace(&html_to_text(&s))
    } else {
        collapse_whitespace(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_html_descriptions() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks &amp; more</title><link>https://x.test/1</link><guid>g1</guid>
<pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate><description>&lt;p&gt;Russia urged talks.&lt;/p&gt;</description></item>
<item><title>Second</title><description><![CDATA[<p>Baku <b>agreed</b>.</p>]]></description></item>
</channel></rss>"#;
        let items = read_feed_dated("f.rss", rss.as_bytes(), None).unwrap();
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.text, "Talks & more\n\nRussia urged talks.");
        assert_eq!(a.id, "g1");
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.published.to_string(), "2024-03-12");
        assert!(items[1].as_ref().unwrap_err().contains("no date"));
    }

    #[test]
    fn not_a_feed() {
        assert!(read_feed("x.xml", b"<html><p>hi</p></html>").unwrap_err().contains("not an RSS"));
        assert!(read_feed("x.xml", b"").is_err());
    }
}
