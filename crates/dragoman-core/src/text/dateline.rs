//! Datelines: "YEREVAN (Azatutyun.am)—", "MOSCOW, Jan 9 (Interfax) -", "LONDON —".
//!
//! A dateline names where the story was filed and often who filed it, and wire
//! copy often when ("KYIV, April 15, 2024 —", "MOSCOW, Jan 9 (Interfax) -"). It is
//! not part of the first sentence's grammar ("YEREVAN" is not a subject), so the
//! body starts after it, and nothing in it (the place, a country after it as in
//! "LIMA, Peru (AP) —") is coded as an actor; the place is kept as the story's
//! default location, and the date dates a document that carries no date of its own.

use chrono::{Datelike, NaiveDate};

use super::normalize::fold_char;
use crate::model::DATE_YEARS;

/// The dateline at the head of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written ("YEREVAN").
    pub place: String,
    /// Byte span of the place in the document.
    pub place_span: (usize, usize),
    /// The outlet in parentheses, when there is one ("Azatutyun.am").
    pub outlet: Option<String>,
    /// Where the story's body starts.
    pub body_start: usize,
    /// The date written between the place and the outlet or dash, when there is one.
    pub date: Option<DatelineDate>,
}

/// A dateline's date as written: a month and a day, and the year when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelineDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl DatelineDate {
    /// The calendar date. A year-less date ("Jan 9") is placed in the year that
    /// makes it the latest not more than two days after `reference` (the date the
    /// story is otherwise believed to be from), as datelines are written on the
    /// day the story is filed and may be a time zone ahead of it; without a
    /// reference it has no year, and no date. None too when the day does not
    /// exist, or the year is outside `DATE_YEARS`.
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Option<NaiveDate> {
        if let Some(year) = self.year {
            return NaiveDate::from_ymd_opt(year, self.month, self.day).filter(|d| DATE_YEARS.contains(&d.year()));
        }
        let latest = reference? + chrono::Days::new(2);
        // Eight years back reach the last 29 February.
        (0..=8)
            .filter_map(|back| NaiveDate::from_ymd_opt(latest.year() - back, self.month, self.day))
            .find(|d| *d <= latest)
            .filter(|d| DATE_YEARS.contains(&d.year()))
    }
}

/// Finds a dateline at the start of `text`. Only an all-capitals place followed by an
/// outlet in parentheses and/or a dash counts, so an ordinary first sentence
/// ("US troops left...") is never mistaken for one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    // The place: capitals, spaces, dots, hyphens and apostrophes; at least two letters.
    let mut place_end = 0;
    let mut letters = 0;
    for (i, c) in rest.char_indices() {
        if c.is_uppercase() {
            letters += 1;
        } else {
            // "MOSCOW/KABUL": a story filed from two places.
            let place_char = matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}' | '/');
            // A dash followed by a dash or a space ends the place: "NEW YORK -- ".
            let separator = c == '-' && rest[i + 1..].starts_with(['-', ' ']);
            if !place_char || separator {
                break;
            }
        }
        place_end = i + c.len_utf8();
        if i > 60 {
            return None;
        }
    }
    let place = rest[..place_end].trim_end_matches([' ', '-']);
    if letters < 2 || place.is_empty() {
        return None;
    }
    let place_end = place.len();
    let mut pos = place_end;
    let mut date = None;
    // Optional ", Ukraine" or ", Jan 9" before the outlet or dash.
    if rest[pos..].starts_with(',') {
        let tail = &rest[pos..];
        let stop = tail.find(['(', '\n']).unwrap_or(tail.len()).min(50);
        let dash = tail[..stop].char_indices().skip(1).find(|&(_, c)| is_separator(c));
        pos += match dash {
            Some((i, _)) => i,
            None if stop < tail.len() && tail.as_bytes()[stop] == b'(' => stop,
            None => return None,
        };
        date = date_in(&rest[place_end..pos]);
    }
    let after_space = skip_spaces(rest, pos);
    let mut outlet = None;
    pos = after_space;
    if rest[pos..].starts_with('(') {
        let close = rest[pos..].find(')')?;
        if close > 60 {
            return None;
        }
        outlet = Some(rest[pos + 1..pos + close].trim().to_string());
        pos = skip_spaces(rest, pos + close + 1);
    }
    let mut dashes = 0;
    while let Some(c) = rest[pos..].chars().next() {
        if is_separator(c) {
            dashes += 1;
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    if dashes == 0 && outlet.is_none() {
        return None;
    }
    if dashes == 0 && !rest[pos..].starts_with([' ', '\n', '\t']) {
        return None;
    }
    let body = skip_spaces(rest, pos);
    // Of two places ("BRUSSELS/TBILISI"), the first is where the story was filed.
    let first_place = place.split('/').next().unwrap_or(place).trim();
    if first_place.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    Some(Dateline {
        place: first_place.to_string(),
        place_span: (lead, lead + place_end),
        outlet,
        body_start: lead + body,
        date,
    })
}

/// The dateline of a story that may open with its headline: at the start of the
/// text, else at the start of the second paragraph when the first is one line
/// (the title feed items and `--code-titles` put first). The title, before
/// `place_span.0`, is then still the story's to code; the dateline is not.
pub fn find_dateline_after_title(text: &str) -> Option<Dateline> {
    if let Some(d) = find_dateline(text) {
        return Some(d);
    }
    let title_end = text.find("\n\n")?;
    let title = text[..title_end].trim();
    if title.is_empty() || title.contains('\n') {
        return None;
    }
    let mut d = find_dateline(&text[title_end..])?;
    d.place_span = (d.place_span.0 + title_end, d.place_span.1 + title_end);
    d.body_start += title_end;
    Some(d)
}

/// The date in what follows a dateline's place: ", April 15, 2024 ", ", Jan. 9 ",
/// ", Ukraine, 9 January ". A month name with a day of one or two digits beside
/// it, and a four-digit year after them when there is one.
fn date_in(segment: &str) -> Option<DatelineDate> {
    let words: Vec<&str> = segment.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let day_at = |i: usize| -> Option<u32> {
        let w = words.get(i)?.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (1..=2).contains(&w.len()).then(|| w.parse().ok()).flatten().filter(|d| (1..=31).contains(d))
    };
    let (at, month) = words.iter().enumerate().find_map(|(i, w)| month_named(w).map(|m| (i, m)))?;
    let (day, after) = match day_at(at + 1) {
        Some(d) => (d, at + 2),
        None => (at.checked_sub(1).and_then(day_at)?, at + 1),
    };
    let year = words.get(after).filter(|w| w.len() == 4).and_then(|w| w.parse().ok());
    Some(DatelineDate { year, month, day })
}

/// A month's number from its English name or abbreviation ("Jan", "Jan.", "Sept.",
/// "March"); "Marching" is none.
pub fn month_named(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))?;
    Some(i as u32 + 1)
}

fn is_separator(c: char) -> bool {
    fold_char(c) == '-' || c == ':'
}

fn skip_spaces(s: &str, mut pos: usize) -> usize {
    while let Some(c) = s[pos..].chars().next() {
        if fold_char(c) == ' ' || c == '\t' || c == '\n' || c == '\r' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_story_filed_from_two_places() {
        let t = "MOSCOW/KABUL, July 4 (Reuters) - Russia recognised the Taliban government.";
        let d = find_dateline(t).unwrap();
        assert_eq!(d.place, "MOSCOW");
        assert_eq!(&t[d.body_start..d.body_start + 6], "Russia");
        assert_eq!((d.date.unwrap().month, d.date.unwrap().day), (7, 4));
        let t = "NEW DELHI/ISLAMABAD, May 11 (Reuters) - India and Pakistan agreed to a ceasefire.";
        assert_eq!(find_dateline(t).unwrap().place, "NEW DELHI");
        // A slash in an ordinary first sentence is no dateline.
        assert!(find_dateline("AU/UN forces withdrew from the town on Monday.").is_none());
    }

    use super::*;

    #[test]
    fn outlet_and_em_dash() {
        let t = "YEREVAN (Azatutyun.am)\u{2014}Russia urged Armenia.";
        let d = find_dateline(t).unwrap();
        assert_eq!(d.place, "YEREVAN");
        assert_eq!(d.outlet.as_deref(), Some("Azatutyun.am"));
        assert_eq!(&t[d.body_start..], "Russia urged Armenia.");
    }

    #[test]
    fn place_with_date_and_outlet() {
        let t = "MOSCOW, Jan 9 (Interfax) - Russia said.";
        let d = find_dateline(t).unwrap();
        assert_eq!(d.place, "MOSCOW");
        assert_eq!(d.outlet.as_deref(), Some("Interfax"));
        assert_eq!(&t[d.body_start..], "Russia said.");
    }

    #[test]
    fn place_with_country_and_dash_only() {
        let t = "KYIV, Ukraine \u{2014} Drones struck the city.";
        let d = find_dateline(t).unwrap();
        assert_eq!(d.place, "KYIV");
        assert_eq!(d.outlet, None);
        assert_eq!(&t[d.body_start..], "Drones struck the city.");
        let t = "NEW YORK -- The council met.";
        assert_eq!(find_dateline(t).unwrap().place, "NEW YORK");
    }

    #[test]
    fn dates_in_datelines() {
        let date = |t: &str| find_dateline(t).and_then(|d| d.date);
        let full = |y, m, d| Some(DatelineDate { year: Some(y), month: m, day: d });
        let bare = |m, d| Some(DatelineDate { year: None, month: m, day: d });
        assert_eq!(date("KYIV, April 15, 2024 \u{2014} Drones struck."), full(2024, 4, 15));
        assert_eq!(date("MOSCOW, Jan 9 (Interfax) - Russia said."), bare(1, 9));
        assert_eq!(date("WASHINGTON, Sept. 3, 2023 (Reuters) - The council met."), full(2023, 9, 3));
        assert_eq!(date("GENEVA, 9 January 2024 (AFP) - Talks resumed."), full(2024, 1, 9));
        assert_eq!(date("KYIV, Ukraine, March 2 \u{2014} Drones struck."), bare(3, 2));
        assert_eq!(date("LIMA, Peru (AP) \u{2014} Protesters marched."), None);
        assert_eq!(date("YEREVAN (Azatutyun.am)\u{2014}Russia urged Armenia."), None);
        // The place and the body are as without a date.
        let d = find_dateline("KYIV, April 15, 2024 \u{2014} Drones struck.").unwrap();
        assert_eq!((d.place.as_str(), d.body_start), ("KYIV", "KYIV, April 15, 2024 \u{2014} ".len()));
    }

    #[test]
    fn a_date_without_a_year_is_the_latest_before_the_reference() {
        let day = |s: &str| Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let jan9 = DatelineDate { year: None, month: 1, day: 9 };
        assert_eq!(jan9.resolve(day("2024-01-10")), day("2024-01-09"));
        assert_eq!(jan9.resolve(day("2024-01-08")), day("2024-01-09"), "a time zone ahead");
        assert_eq!(jan9.resolve(day("2024-01-05")), day("2023-01-09"));
        assert_eq!(jan9.resolve(day("2024-06-30")), day("2024-01-09"));
        let leap = DatelineDate { year: None, month: 2, day: 29 };
        assert_eq!(leap.resolve(day("2026-03-01")), day("2024-02-29"));
        assert_eq!(DatelineDate { year: None, month: 2, day: 30 }.resolve(day("2024-03-01")), None);
        assert_eq!(DatelineDate { year: Some(1650), month: 1, day: 9 }.resolve(day("2024-03-01")), None);
        assert_eq!(DatelineDate { year: Some(2024), month: 1, day: 9 }.resolve(day("1990-03-01")), day("2024-01-09"));
    }

    #[test]
    fn a_dateline_after_a_title() {
        let t = "Chile accuses Bolivia\n\nLIMA, Peru (AP) \u{2014} Police arrested protesters.";
        assert_eq!(find_dateline(t), None);
        let d = find_dateline_after_title(t).unwrap();
        assert_eq!(&t[d.place_span.0..d.place_span.1], "LIMA");
        assert_eq!(&t[d.body_start..], "Police arrested protesters.");
        assert_eq!(find_dateline_after_title("One line\nand another\n\nLIMA (AP) \u{2014} x"), None);
        assert_eq!(find_dateline_after_title("Chile accuses Bolivia.\n\nPolice arrested protesters."), None);
        assert_eq!(find_dateline_after_title("MOSCOW (Wire) \u{2014} x").unwrap().place, "MOSCOW");
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(find_dateline("US troops left Syria on Monday."), None);
        assert_eq!(find_dateline("Russia urged Armenia."), None);
        assert_eq!(find_dateline(""), None);
        assert_eq!(find_dateline("NATO"), None);
        assert_eq!(find_dateline("A (b) c"), None);
    }
}
