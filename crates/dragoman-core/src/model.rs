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
    /// A readable label read from the code, never the words of the text: "Russia:
    /// government", "Nikol Pashinyan (Armenia: government)", "NATO" (see `labels`).
    pub name: String,
    /// ISO 3166 alpha-3 code of the actor's country; null for organisations and
    /// regions without one.
    pub country: Option<String>,
    /// The actor's sector (GOV, MIL, COP …), the first after the country; null for none.
    pub sector: Option<String>,
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
    /// One line of English: "Russia: government criticized or denounced Armenia:
    /// government".
    pub description: String,
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

/// The years a publication date may fall in. News older or newer than this is a
/// mistake in the input (a placeholder such as 9999-12-31, a lost century), and
/// relative dates resolved against it would run off the calendar ("next week" from
/// 9999-12-31 is in the year 10000).
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Parse a `YYYY-MM-DD` date (four-digit year, two-digit month and day, spaces
/// around allowed) in [`DATE_YEARS`].
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let s = s.trim();
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().filter(|d| DATE_YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_are_whole_and_plausible() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2024-01-18"), d(2024, 1, 18));
        assert_eq!(parse_date(" 2024-01-18\n"), d(2024, 1, 18));
        assert_eq!(parse_date("1800-01-01"), d(1800, 1, 1));
        assert_eq!(parse_date("2200-12-31"), d(2200, 12, 31));
        for bad in ["2024-1-18", "2024-01-1", " 2024-01-1", "9999-12-31", "1799-12-31", "+2024-01-18", "2024-02-30", ""]
        {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }
}
