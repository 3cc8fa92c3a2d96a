//! A one-pass scanner that cuts a sentence into words, numbers and punctuation,
//! and tags the few hundred words the resolver cares about.
//!
//! Whitespace is dropped but remembered (`gap`), because "mid-December", "Jan." and
//! "19–20" are told apart from looser text by adjacency. Words are classified once,
//! without allocating: a word longer than any keyword, or with non-ASCII letters, is
//! just `Kw::None`.

use super::calendar::Season;
use chrono::Weekday;

/// What the resolver knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kw {
    None,
    Weekday(Weekday),
    /// `abbr`: "Jan", "Sept"… which only count before a number.
    Month {
        month: u32,
        abbr: bool,
    },
    Season(Season),
    /// "fall" is also a verb and a noun ("the fall of Kabul"), so it gets stricter rules.
    Fall,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    This,
    Last,
    Next,
    Past,
    Coming,
    Recent,
    Early,
    Earlier,
    Mid,
    Middle,
    Late,
    Later,
    End,
    Beginning,
    The,
    Of,
    Ago,
    Before,
    After,
    /// morning, afternoon, evening
    TimeOfDay,
    Night,
    Weekend,
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// one … twelve
    Number(u32),
    /// a, an
    Article,
    /// few, several
    Few,
    /// Prepositions that safely introduce a year or a month: in, since, until, by…
    Prep,
    /// "for": licenses a year ("the budget for 2024") but not "May" ("voted for May").
    For,
    /// Prepositions that introduce a season but are too loose before a bare number:
    /// on, at, over, within, around.
    SoftPrep,
    /// "on": introduces a season, and joins "late on" to a day.
    On,
    /// to, and, or: join a second year or month to a first.
    Link,
    /// Nouns a year often modifies: war, election, summit…
    EventNoun,
    /// Nouns that make a preceding number a quantity: people, troops, km…
    UnitNoun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A run of ASCII digits with nothing glued to it but an ordinal suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    /// Saturates at `u32::MAX`: huge numbers are never dates anyway.
    pub val: u32,
    /// Number of digits, saturating at 255.
    pub digits: u8,
    /// "13th", "1st".
    pub ordinal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word {
        kw: Kw,
        cap: bool,
    },
    Num(Num),
    Punct(char),
    /// Numbers that can be neither a day nor a year: "2,000", "2.5", "10km",
    /// "1990s", "A320".
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Whitespace (or the start of the text) precedes this token.
    pub gap: bool,
    pub kind: Kind,
}

/// Appends the tokens of `text` to `out`.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut gap = true;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let kind = if c.is_ascii_digit() {
            let glued_to_word = !gap && matches!(out.last(), Some(t) if matches!(t.kind, Kind::Word { .. }));
            let (kind, end) = number(text, i);
            i = end;
            if glued_to_word {
                Kind::Other
            } else {
                kind
            }
        } else if c.is_ascii_alphabetic() {
            let (end, ascii) = word_end(text, i);
            i = end;
            word(&text[start..end], ascii)
        } else if c < 0x80 {
            i += 1;
            if c.is_ascii_whitespace() {
                gap = true;
                continue;
            }
            Kind::Punct(c as char)
        } else {
            // `i` only ever advances by whole characters, so it is a char boundary.
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            if ch.is_whitespace() {
                i += ch.len_utf8();
                gap = true;
                continue;
            }
            if ch.is_alphabetic() {
                let (end, ascii) = word_end(text, i);
                i = end;
                word(&text[start..end], ascii)
            } else {
                i += ch.len_utf8();
                Kind::Punct(ch)
            }
        };
        out.push(Tok { start, end: i, gap, kind });
        gap = false;
    }
}

/// The end of the run of letters starting at `i`, and whether it is all ASCII.
fn word_end(text: &str, mut i: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut ascii = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c >= 0x80 {
            match text[i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => {
                    ascii = false;
                    i += ch.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    (i, ascii)
}

fn number(text: &str, mut i: usize) -> (Kind, usize) {
    let b = text.as_bytes();
    let mut val: u32 = 0;
    let mut digits: u32 = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        val = val.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
        digits += 1;
        i += 1;
    }
    let mut plain = true;
    // Thousands groups ("2,000") and decimals ("2.5") make a quantity.
    loop {
        if i + 1 < b.len() && b[i] == b',' && three_digits(b, i + 1) {
            plain = false;
            i += 4;
        } else if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            plain = false;
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            break;
        }
    }
    let mut ordinal = false;
    let suffix_start = i;
    let (end, _) = word_end(text, i);
    i = end;
    if i > suffix_start {
        let s = &b[suffix_start..i];
        let is_ordinal = [b"st", b"nd", b"rd", b"th"].iter().any(|o| s.eq_ignore_ascii_case(*o));
        if plain && is_ordinal {
            ordinal = true;
        } else {
            plain = false;
        }
    }
    if !plain {
        return (Kind::Other, i);
    }
    let digits = u8::try_from(digits).unwrap_or(u8::MAX);
    (Kind::Num(Num { val, digits, ordinal }), i)
}

/// Exactly three digits at `k`, not followed by a fourth.
fn three_digits(b: &[u8], k: usize) -> bool {
    k + 3 <= b.len() && b[k..k + 3].iter().all(u8::is_ascii_digit) && !b.get(k + 3).is_some_and(u8::is_ascii_digit)
}

const LONGEST_KEYWORD: usize = 14;

fn word(w: &str, ascii: bool) -> Kind {
    let bytes = w.as_bytes();
    let cap = bytes[0].is_ascii_uppercase();
    if !ascii || bytes.len() > LONGEST_KEYWORD {
        return Kind::Word { kw: Kw::None, cap };
    }
    let mut buf = [0u8; LONGEST_KEYWORD];
    for (slot, c) in buf.iter_mut().zip(bytes) {
        *slot = c.to_ascii_lowercase();
    }
    Kind::Word { kw: classify(&buf[..bytes.len()]), cap }
}

fn classify(w: &[u8]) -> Kw {
    use Kw::*;
    let month = |month, abbr| Month { month, abbr };
    let unit = |unit, plural| Unit { unit, plural };
    match w {
        b"monday" => Weekday(chrono::Weekday::Mon),
        b"tuesday" => Weekday(chrono::Weekday::Tue),
        b"wednesday" => Weekday(chrono::Weekday::Wed),
        b"thursday" => Weekday(chrono::Weekday::Thu),
        b"friday" => Weekday(chrono::Weekday::Fri),
        b"saturday" => Weekday(chrono::Weekday::Sat),
        b"sunday" => Weekday(chrono::Weekday::Sun),
        b"january" => month(1, false),
        b"february" => month(2, false),
        b"march" => month(3, false),
        b"april" => month(4, false),
        b"may" => month(5, false),
        b"june" => month(6, false),
        b"july" => month(7, false),
        b"august" => month(8, false),
        b"september" => month(9, false),
        b"october" => month(10, false),
        b"november" => month(11, false),
        b"december" => month(12, false),
        b"jan" => month(1, true),
        b"feb" => month(2, true),
        b"mar" => month(3, true),
        b"apr" => month(4, true),
        b"jun" => month(6, true),
        b"jul" => month(7, true),
        b"aug" => month(8, true),
        b"sep" | b"sept" => month(9, true),
        b"oct" => month(10, true),
        b"nov" => month(11, true),
        b"dec" => month(12, true),
        b"spring" => Season(super::calendar::Season::Spring),
        b"summer" => Season(super::calendar::Season::Summer),
        b"autumn" => Season(super::calendar::Season::Autumn),
        b"winter" => Season(super::calendar::Season::Winter),
        b"fall" => Fall,
        b"today" => Today,
        b"yesterday" => Yesterday,
        b"tomorrow" => Tomorrow,
        b"tonight" => Tonight,
        b"this" => This,
        b"last" => Last,
        b"next" => Next,
        b"past" => Past,
        b"coming" | b"upcoming" => Coming,
        b"recent" => Recent,
        b"early" => Early,
        b"earlier" => Earlier,
        b"mid" => Mid,
        b"middle" => Middle,
        b"late" => Late,
        b"later" => Later,
        b"end" => End,
        b"beginning" | b"start" => Beginning,
        b"the" => The,
        b"of" => Of,
        b"ago" => Ago,
        b"before" => Before,
        b"after" => After,
        b"morning" | b"afternoon" | b"evening" => TimeOfDay,
        b"night" => Night,
        b"weekend" => Weekend,
        b"minute" => unit(self::Unit::Minute, false),
        b"minutes" => unit(self::Unit::Minute, true),
        b"hour" => unit(self::Unit::Hour, false),
        b"hours" => unit(self::Unit::Hour, true),
        b"day" => unit(self::Unit::Day, false),
        b"days" => unit(self::Unit::Day, true),
        b"week" => unit(self::Unit::Week, false),
        b"weeks" => unit(self::Unit::Week, true),
        b"month" => unit(self::Unit::Month, false),
        b"months" => unit(self::Unit::Month, true),
        b"year" => unit(self::Unit::Year, false),
        b"years" => unit(self::Unit::Year, true),
        b"one" => Number(1),
        b"two" => Number(2),
        b"three" => Number(3),
        b"four" => Number(4),
        b"five" => Number(5),
        b"six" => Number(6),
        b"seven" => Number(7),
        b"eight" => Number(8),
        b"nine" => Number(9),
        b"ten" => Number(10),
        b"eleven" => Number(11),
        b"twelve" => Number(12),
        b"a" | b"an" => Article,
        b"few" | b"several" => Few,
        b"in" | b"since" | b"until" | b"till" | b"by" | b"during" | b"from" | b"through" | b"throughout"
        | b"between" | b"circa" => Prep,
        b"for" => For,
        b"on" => On,
        b"at" | b"over" | b"within" | b"around" => SoftPrep,
        b"to" | b"and" | b"or" => Link,
        b"war" | b"wars" | b"election" | b"elections" | b"vote" | b"referendum" | b"census" | b"olympics"
        | b"games" | b"summit" | b"ceasefire" | b"truce" | b"agreement" | b"accord" | b"accords" | b"deal"
        | b"protest" | b"protests" | b"revolution" | b"uprising" | b"offensive" | b"conflict" | b"crisis"
        | b"budget" | b"campaign" | b"earthquake" | b"invasion" | b"coup" | b"constitution" | b"treaty" | b"season"
        | b"cup" | b"report" | b"clashes" | b"fighting" | b"hostilities" | b"escalation" | b"attack" | b"attacks"
        | b"talks" | b"polls" | b"declaration" | b"bombing" | b"bombings" | b"massacre" | b"genocide" | b"blockade"
        | b"operation" | b"pandemic" | b"floods" | b"independence" => EventNoun,
        b"people" | b"persons" | b"troops" | b"soldiers" | b"servicemen" | b"peacekeepers" | b"police"
        | b"policemen" | b"officers" | b"fighters" | b"militants" | b"rebels" | b"km" | b"kilometres"
        | b"kilometers" | b"miles" | b"metres" | b"meters" | b"m" | b"feet" | b"hectares" | b"acres" | b"kg"
        | b"tonnes" | b"tons" | b"barrels" | b"dollars" | b"euros" | b"rubles" | b"roubles" | b"drams" | b"manats"
        | b"lari" | b"pounds" | b"usd" | b"eur" | b"percent" | b"per" | b"residents" | b"refugees" | b"civilians"
        | b"men" | b"women" | b"children" | b"families" | b"households" | b"homes" | b"houses" | b"buildings"
        | b"vehicles" | b"tanks" | b"units" | b"cases" | b"deaths" | b"dead" | b"victims" | b"casualties"
        | b"votes" | b"voters" | b"members" | b"times" | b"seconds" | b"prisoners" | b"detainees" | b"protesters"
        | b"demonstrators" | b"participants" | b"delegates" | b"employees" | b"workers" | b"jobs" | b"cars"
        | b"trucks" | b"rockets" | b"missiles" | b"shells" | b"drones" | b"flights" | b"students" | b"villages"
        | b"square" | b"cubic" | b"mw" | b"sq" => UnitNoun,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn grouped_decimal_and_suffixed_numbers_are_not_numbers() {
        assert_eq!(kinds("2,000"), vec![Kind::Other]);
        assert_eq!(kinds("2.5"), vec![Kind::Other]);
        assert_eq!(kinds("10km"), vec![Kind::Other]);
        assert_eq!(kinds("1990s"), vec![Kind::Other]);
        assert_eq!(kinds("A320")[1], Kind::Other);
        assert_eq!(kinds("13th"), vec![Kind::Num(Num { val: 13, digits: 2, ordinal: true })]);
        // A comma followed by a four-digit year is a separator, not a thousands group.
        assert_eq!(kinds("13,2023").len(), 3);
    }

    #[test]
    fn gaps_and_unicode_whitespace() {
        let mut out = Vec::new();
        tokenize("mid-December\u{a0}19–20", &mut out);
        let gaps: Vec<bool> = out.iter().map(|t| t.gap).collect();
        assert_eq!(gaps, vec![true, false, false, true, false, false]);
        assert_eq!(out[4].kind, Kind::Punct('–'));
    }

    #[test]
    fn classification_is_case_insensitive_and_remembers_capitals() {
        assert_eq!(kinds("MAY"), vec![Kind::Word { kw: Kw::Month { month: 5, abbr: false }, cap: true }]);
        assert_eq!(kinds("may"), vec![Kind::Word { kw: Kw::Month { month: 5, abbr: false }, cap: false }]);
        assert_eq!(kinds("Ärger"), vec![Kind::Word { kw: Kw::None, cap: false }]);
    }
}
