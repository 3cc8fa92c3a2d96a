//! JSON Feed (versions 1 and 1.1): one document per item, read as RSS and Atom
//! items are (see `feed`): the title opens the text, the body is `content_html`
//! reduced to paragraphs, else `content_text`, else `summary`; the date is
//! `date_published`, else `date_modified`, else the body's dateline, else
//! `--published`; the outlet is the feed's title.
//!
//! A JSON Feed is one JSON object, usually over many lines, so it is told from
//! JSON Lines by its `"version"` naming jsonfeed.org near the start (inside a
//! JSON Lines record's text those quotes would be escaped).

use chrono::NaiveDate;
use dragoman_core::model::Document;
use serde_json::Value;

use super::dates::{dateline_date, parse_loose_date};
use super::html::html_to_text;
use super::markup::collapse_whitespace;

/// Whether the first bytes of a stream are a JSON Feed's.
pub fn is_json_feed(prefix: &[u8]) -> bool {
    let text = String::from_utf8_lossy(prefix);
    let Some(body) = text.trim_start_matches('\u{feff}').trim_start().strip_prefix('{') else { return false };
    let mut rest = body;
    while let Some(at) = rest.find("\"version\"") {
        rest = &rest[at + 9..];
        let value = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if value.is_some_and(|v| v.starts_with("\"https://jsonfeed.org/version/")) {
            return true;
        }
    }
    false
}

/// Reads a JSON Feed: one result per item, in order. Fails as a whole only when
/// the bytes are not one.
pub fn read_json_feed(
    name: &str,
    bytes: &[u8],
    fallback_published: Option<NaiveDate>,
) -> Result<Vec<Result<Document, String>>, String> {
    let feed: Value = serde_json::from_slice(bytes).map_err(|e| format!("not a JSON Feed: malformed JSON ({e})"))?;
    let version = feed.get("version").and_then(Value::as_str).unwrap_or_default();
    if !version.starts_with("https://jsonfeed.org/version/") {
        return Err("not a JSON Feed (no \"version\" naming jsonfeed.org)".into());
    }
    let outlet = string(&feed, "title");
    let items = feed.get("items").and_then(Value::as_array).ok_or("the JSON Feed has no \"items\" list")?;
    if items.is_empty() {
        return Err("the JSON Feed has no items; nothing to read".into());
    }
    Ok(items.iter().enumerate().map(|(i, item)| read_item(name, i + 1, item, &outlet, fallback_published)).collect())
}

/// A string field, whitespace collapsed; None when absent or blank.
fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(collapse_whitespace).filter(|s| !s.is_empty())
}

fn read_item(
    name: &str,
    n: usize,
    item: &Value,
    outlet: &Option<String>,
    fallback: Option<NaiveDate>,
) -> Result<Document, String> {
    if !item.is_object() {
        return Err(format!("item {n}: not a JSON object; skipped"));
    }
    let url = string(item, "url").or_else(|| string(item, "external_url"));
    let id = match item.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        // Version 1 allowed numbers.
        Some(Value::Number(n)) => n.to_string(),
        _ => url.clone().unwrap_or_else(|| format!("{name}#item-{n}")),
    };
    let title = string(item, "title");
    let body = item
        .get("content_html")
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|t| !t.trim().is_empty())
        .or_else(|| item.get("content_text").and_then(Value::as_str).map(str::trim).map(str::to_string))
        .or_else(|| string(item, "summary"))
        .filter(|t| !t.is_empty());
    let date =
        ["date_published", "date_modified"].iter().find_map(|k| string(item, k).and_then(|d| parse_loose_date(&d)));
    let published =
        date.or_else(|| body.as_deref().and_then(|b| dateline_date(b, fallback))).or(fallback).ok_or_else(|| {
            format!("item {n} ({id}): no date (date_published, date_modified, a dated dateline); skipped")
        })?;
    let text = match (&title, body) {
        (Some(t), Some(b)) if b.starts_with(t.as_str()) => b,
        (Some(t), Some(b)) => format!("{t}\n\n{b}"),
        (Some(t), None) => t.clone(),
        (None, Some(b)) => b,
        (None, None) => return Err(format!("item {n} ({id}): no title or text; skipped")),
    };
    if text.contains('\0') {
        return Err(format!(
            "item {n} ({id}): the text holds a NUL character (\\u0000): binary data, not text; skipped"
        ));
    }
    Ok(Document { id, text, published, source: outlet.clone(), url, title })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_become_documents() {
        let feed = br#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Wire",
  "items": [
    {"id": "1", "url": "https://x.test/1", "title": "Talks resume",
     "content_html": "<p>Russia urged Armenia to talk.</p><p>Baku agreed.</p>",
     "date_published": "2024-03-12T23:30:00-05:00"},
    {"id": 2, "content_text": "KYIV, April 15, 2024 \u2014 Drones struck the city."},
    {"id": "3", "title": "Undated"},
    "not an item"
  ]
}"#;
        assert!(is_json_feed(feed));
        let items = read_json_feed("f.json", feed, None).unwrap();
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.text, "Talks resume\n\nRussia urged Armenia to talk.\n\nBaku agreed.");
        assert_eq!(a.published.to_string(), "2024-03-12", "the publisher's day");
        assert_eq!((a.id.as_str(), a.source.as_deref()), ("1", Some("Wire")));
        let b = items[1].as_ref().unwrap();
        assert_eq!((b.id.as_str(), b.published.to_string().as_str()), ("2", "2024-04-15"));
        assert!(items[2].as_ref().unwrap_err().contains("no date"));
        assert!(items[3].as_ref().unwrap_err().contains("not a JSON object"));
    }

    #[test]
    fn json_lines_and_other_json_are_not_feeds() {
        assert!(!is_json_feed(br#"{"id": "a", "text": "the \"version\": \"https://jsonfeed.org/version/1\""}"#));
        assert!(!is_json_feed(br#"{"version": "1.0", "items": []}"#));
        assert!(!is_json_feed(b"[1, 2]"));
        assert!(read_json_feed("f.json", b"{\"version\": \"https://jsonfeed.org/version/1\"", None).is_err());
        assert!(read_json_feed("f.json", b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}", None)
            .is_err());
    }
}
