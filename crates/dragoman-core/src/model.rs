//! The documents Dragoman reads and the event records it writes.
//!
//! `Event` is the contract everything downstream reads (JSON Lines, the store, the
//! exports): keep its field names stable.

use chrono::NaiveDate;
use serde::Serialize;

/// One article to code.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub published: NaiveDate,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// Byte offsets into the document text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    /// CAMEO actor code ("RUSGOV", "IGOEUREEC").
    pub code: String,
    /// A readable name ("Russia", "Nikol Pashinyan").
    pub name: String,
    /// The words in the text that named it ("the Russian Foreign Ministry", "It").
    pub text: String,
    pub span: Span,
    /// The text named a role without a country ("police", "protesters") and the
    /// country was inferred from the sentence's place, the dateline or the story.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub mode: Option<String>,
}

/// Where the event's evidence lies: the trigger word(s) and each actor's words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub trigger: Span,
    pub trigger_text: String,
}

/// A coded event, with the evidence that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub doc_id: String,
    /// 0-based sentence index within the document.
    pub sentence: usize,
    pub sentence_text: String,
    /// From the first to the last byte of the trigger and actors.
    pub span: Span,
    /// First day of the event's date (YYYY-MM-DD).
    pub date: String,
    /// Last day, equal to `date` for a single day.
    pub date_end: String,
    pub date_precision: crate::time::Precision,
    /// The words that gave the date, or null when the publication date was used.
    pub date_text: Option<String>,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    /// CAMEO event code as a string ("026", "1121").
    pub code: String,
    pub code_name: Option<String>,
    pub root: String,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f32>,
    pub plover: Plover,
    pub evidence: Evidence,
    pub negated: bool,
    pub hypothetical: bool,
    /// Which dictionary line fired (`file:line`).
    pub rule: String,
    /// Where it happened, when the text says so.
    pub location: Option<Location>,
}

/// A place resolved for an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub name: String,
    /// Country code of the place, when known.
    pub country: Option<String>,
    /// The first-level region (state, province, oblast) it lies in.
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    /// What the place is: "city", "admin1", "country" or "region".
    pub precision: &'static str,
    /// Where the text gave it: the event's "clause", its "sentence", or the "dateline".
    pub found: &'static str,
}

/// Parse a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
