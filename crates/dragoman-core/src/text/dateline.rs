//! Datelines: "YEREVAN (Azatutyun.am)—", "MOSCOW, Jan 9 (Interfax) -", "LONDON —".
//!
//! A dateline names where the story was filed and often who filed it. It is not part
//! of the first sentence's grammar ("YEREVAN" is not a subject), so the body starts
//! after it; the place is kept as the story's default location.

use super::normalize::fold_char;

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
            let place_char = matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}');
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
    Some(Dateline { place: place.to_string(), place_span: (lead, lead + place_end), outlet, body_start: lead + body })
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
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(find_dateline("US troops left Syria on Monday."), None);
        assert_eq!(find_dateline("Russia urged Armenia."), None);
        assert_eq!(find_dateline(""), None);
        assert_eq!(find_dateline("NATO"), None);
        assert_eq!(find_dateline("A (b) c"), None);
    }
}
