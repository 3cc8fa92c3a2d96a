//! Publication dates as pages, feeds and crawlers write them: ISO 8601 / RFC 3339
//! ("2024-03-12T08:30:00+04:00"), RFC 822 ("Tue, 12 Mar 2024 08:30:00 GMT"), and the
//! looser forms found in page metadata ("March 12, 2024", "12 Mar 2024", "20240312").
//!
//! The date kept is the one the publisher wrote, in the publisher's own time zone:
//! an article stamped 23:30 at UTC−5 appeared on that day for its readers.

use chrono::NaiveDate;
use dragoman_core::text::month_named;

/// The date a document's dateline gives, for a document that carries no date of
/// its own: "KYIV, April 15, 2024 —" as written; "MOSCOW, Jan 9 (Interfax) -" in
/// the year that puts it latest before `reference` (the date the document would
/// get otherwise), and nothing without one. None when the text does not open
/// with a dateline holding a date.
pub fn dateline_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    dragoman_core::text::find_dateline_after_title(text)?.date?.resolve(reference)
}

/// The calendar date in a timestamp, or None when there is none to be found.
pub fn parse_loose_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso_prefix(s).or_else(|| rfc822(s)).or_else(|| words(s)).filter(|d| plausible(*d))
}

/// A publication date in the years every input accepts (`DATE_YEARS`, 1800 to
/// 2200): a page's metadata is held to the same range as `--published` and JSON
/// Lines records.
fn plausible(d: NaiveDate) -> bool {
    use chrono::Datelike;
    dragoman_core::model::DATE_YEARS.contains(&d.year())
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start.
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |from: usize, len: usize| s.get(from..from + len)?.parse::<u32>().ok();
    if (0..4).all(digit)
        && matches!(b.get(4), Some(b'-' | b'/' | b'.'))
        && digit(5)
        && digit(6)
        && b.get(7) == b.get(4)
        && digit(8)
        && digit(9)
    {
        return NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?);
    }
    if (0..8).all(digit) && !digit(8) {
        return NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(4, 2)?, num(6, 2)?);
    }
    None
}

fn rfc822(s: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive())
}

/// "12 Mar 2024", "Mar 12, 2024", "Tuesday, March 12 2024 08:30": day, month name
/// and a four-digit year in either order.
fn words(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/').filter(|p| !p.is_empty()).collect();
    let (mut day, mut mon, mut year) = (None, None, None);
    for p in parts {
        let digits = p.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if mon.is_none() {
            if let Some(m) = month_named(p) {
                mon = Some(m);
                continue;
            }
        }
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.len() {
                1 | 2 if day.is_none() => day = digits.parse().ok(),
                4 if year.is_none() => year = digits.parse().ok(),
                _ => {}
            }
        }
        if day.is_some() && mon.is_some() && year.is_some() {
            break;
        }
    }
    NaiveDate::from_ymd_opt(year?, mon?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_loose_date(s).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_usual_forms() {
        assert_eq!(d("2024-03-12T23:30:00-05:00").as_deref(), Some("2024-03-12"));
        assert_eq!(d("2024/03/12").as_deref(), Some("2024-03-12"));
        assert_eq!(d("20240312").as_deref(), Some("2024-03-12"));
        assert_eq!(d("Tue, 12 Mar 2024 08:30:00 GMT").as_deref(), Some("2024-03-12"));
        assert_eq!(d("Tue, 12 Mar 2024 08:30:00 +0400").as_deref(), Some("2024-03-12"));
        assert_eq!(d("March 12, 2024").as_deref(), Some("2024-03-12"));
        assert_eq!(d("12 Sept. 2023").as_deref(), Some("2023-09-12"));
        assert_eq!(d("Sun, 3 Mar 2024 08:30:00 EST").as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn the_years_are_those_of_every_other_input() {
        assert_eq!(d("1865-04-15").as_deref(), Some("1865-04-15"));
        assert_eq!(d("Sat, 15 Apr 1865 07:22:00 GMT").as_deref(), Some("1865-04-15"));
        assert_eq!(d("1800-01-01").as_deref(), Some("1800-01-01"));
        assert_eq!(d("2200-12-31").as_deref(), Some("2200-12-31"));
        assert_eq!(d("1799-12-31"), None);
        assert_eq!(d("2201-01-01"), None);
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for s in ["", "yesterday", "2024-13-45", "Marching 12, 2024", "12345678901", "0001-01-01", "\u{0}\u{1}"] {
            assert_eq!(d(s), None, "{s:?}");
        }
    }
}
