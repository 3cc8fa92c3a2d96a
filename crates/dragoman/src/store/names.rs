//! Names in filters: `--actor Russia`, `--country "South Korea"`, `--place Kiev`.
//!
//! A user thinks in names, the store keeps codes and the gazetteer's spelling of a
//! place. Actor and country names are looked up in the built-in dictionaries (the
//! same files the coder reads), so a filter and the coder agree on what "Russia"
//! is; a name they do not know is refused with the nearest names they do know,
//! rather than silently becoming a code that matches nothing. Place names are
//! looked up in the built-in gazetteer with its alternate names, so "Kiev" finds
//! the events the store keeps at "Kyiv".
//!
//! People are left out on purpose: their codes are their offices ("Putin" is
//! RUSGOV only while in office), so a person's name would quietly stand for a
//! whole government.

use std::collections::HashMap;
use std::sync::OnceLock;

use dragoman_core::builtin::load_builtin;
use dragoman_core::lexicon::{ActorEntry, ActorKind};
use dragoman_core::places::{fold_accents, Gazetteer, PlaceKind};

/// One name the filters understand.
struct Named {
    /// The entry's readable name ("South Korea"), for suggestions.
    name: String,
    code: String,
    /// A country (or its adjective), as opposed to an organisation or group.
    country: bool,
}

struct NameIndex {
    /// Folded name -> index into `names`; the first entry listed wins.
    by_key: HashMap<String, usize>,
    names: Vec<Named>,
    /// Every folded name with its entry, for suggestions.
    keys: Vec<(String, usize)>,
    /// Three-letter pieces of the built-in codes (RUS, GOV, IGO…): a code written
    /// in small letters is taken as a code only when it is made of these.
    pieces: std::collections::HashSet<String>,
}

/// A name as the index compares it: lowercased, accents folded, only letters and
/// digits ("U.S." and "US" agree, "Côte d'Ivoire" and "cote divoire" agree).
fn fold(s: &str) -> String {
    let lower = s.to_lowercase();
    fold_accents(&lower).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The code an entry stands for: its undated code, else the latest one listed
/// (a group that became a government is filtered by what it is now).
fn entry_code(e: &ActorEntry) -> Option<String> {
    e.codes.iter().find(|c| c.from.is_none() && c.to.is_none()).or(e.codes.last()).map(|c| c.code.clone())
}

impl NameIndex {
    /// The entry a name stands for, with or without a leading "the".
    fn find(&self, name: &str) -> Option<&Named> {
        let name = name.trim();
        let bare = name.get(..4).filter(|t| t.eq_ignore_ascii_case("the ")).map(|_| &name[4..]);
        [Some(name), bare].into_iter().flatten().find_map(|n| self.by_key.get(&fold(n))).map(|&i| &self.names[i])
    }
}

fn index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let (knowledge, _) = load_builtin();
        let mut idx =
            NameIndex { by_key: HashMap::new(), names: Vec::new(), keys: Vec::new(), pieces: Default::default() };
        for e in &knowledge.actors {
            let from_countries = e.rule.starts_with("countries.txt");
            let wanted = match e.kind {
                ActorKind::Country | ActorKind::Adjective => true,
                ActorKind::Organization | ActorKind::Group => true,
                // Blocs and movements from organizations.txt have codes of their own;
                // regions in countries.txt carry their state's code ("Chechnya" is RUS).
                ActorKind::Region => !from_countries,
                _ => false,
            };
            let Some(code) = entry_code(e) else { continue };
            for c in &e.codes {
                let mut rest = c.code.as_str();
                while rest.len() >= 3 && rest.is_char_boundary(3) {
                    idx.pieces.insert(rest[..3].to_string());
                    rest = &rest[3..];
                }
            }
            if !wanted {
                continue;
            }
            let phrase: Vec<&str> = e.phrase.iter().map(|w| w.text.as_str()).collect();
            let key = fold(&phrase.join(" "));
            if key.is_empty() || idx.by_key.contains_key(&key) {
                continue;
            }
            let country = from_countries && code.len() == 3;
            let n = idx.names.len();
            idx.names.push(Named { name: e.name.clone(), code, country });
            idx.by_key.insert(key.clone(), n);
            idx.keys.push((key, n));
        }
        for a in &knowledge.agents {
            idx.pieces.insert(a.code.clone());
        }
        idx
    })
}

/// Optimal string alignment distance: edits, with a swap of two neighbours as one.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev2 = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to three known names near `input` ("Russia (RUS)"), nearest first.
fn suggestions(input: &str, countries_only: bool) -> Vec<String> {
    let idx = index();
    let key: Vec<char> = fold(input).chars().collect();
    if key.is_empty() {
        return Vec::new();
    }
    let most = (key.len() / 3).max(1);
    // (distance, not a country, entry): the nearest first, countries before the rest.
    let mut near: Vec<(usize, bool, usize)> = idx
        .keys
        .iter()
        .filter(|(_, n)| !countries_only || idx.names[*n].country)
        .filter(|(k, _)| k.len().abs_diff(key.len()) <= most)
        .map(|(k, n)| (distance(&key, &k.chars().collect::<Vec<_>>()), !idx.names[*n].country, *n))
        .filter(|&(d, _, _)| d <= most)
        .collect();
    near.sort();
    // Only the nearest; and when a country is among them, only countries (an
    // abbreviation one letter off a country's name is rarely what was meant).
    if let Some(&(best, not_country, _)) = near.first() {
        near.retain(|&(d, nc, _)| d == best && nc == not_country);
    }
    let mut out: Vec<String> = Vec::new();
    for (_, _, n) in near {
        let s = format!("{} ({})", idx.names[n].name, idx.names[n].code);
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

fn did_you_mean(input: &str, countries_only: bool) -> String {
    match suggestions(input, countries_only).as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        many => format!("; did you mean {}?", many.join(", or ")),
    }
}

/// An actor filter: a name the built-in dictionaries know (a country, its
/// adjective, an organisation, a group: "Russia", "Armenian", "NATO") becomes its
/// code; a code, or the start of one, is kept as it is ("RUS", "RUSGOV", "IGO").
/// A code is anything written in capitals, or in small letters when it is made of
/// known three-letter pieces of code ("rus", "rusgov"; not "rusia", a misspelt name). Anything else is refused, with
/// the nearest known names.
pub fn resolve_actor(input: &str) -> Result<String, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("give an actor code (RUS, RUSGOV) or a name (Russia)".into());
    }
    let idx = index();
    if let Some(n) = idx.find(s) {
        return Ok(n.code.clone());
    }
    let code_like = s.chars().all(|c| c.is_ascii_alphanumeric());
    let upper = s.to_ascii_uppercase();
    let known_pieces = code_like
        && upper.len().is_multiple_of(3)
        && upper.as_bytes().chunks(3).all(|p| std::str::from_utf8(p).is_ok_and(|p| idx.pieces.contains(p)));
    if code_like && (s == upper || known_pieces) {
        return Ok(upper);
    }
    Err(format!(
        "`{s}` is neither an actor code nor a country, organisation or group the built-in dictionaries know{}",
        did_you_mean(s, false)
    ))
}

/// A country filter: a country's name or adjective ("South Korea", "Armenian") or
/// its three-letter code in any case ("ARM", "arm").
pub fn resolve_country(input: &str) -> Result<String, String> {
    let s = input.trim();
    let idx = index();
    if let Some(n) = idx.find(s).filter(|n| n.country) {
        return Ok(n.code.clone());
    }
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(s.to_ascii_uppercase());
    }
    Err(format!("`{s}` is neither a three-letter country code like ARM nor a country name{}", did_you_mean(s, true)))
}

/// A dyad, "A,B" (or "A:B"), each side an actor as [`resolve_actor`] reads it.
pub fn resolve_dyad(input: &str) -> Result<(String, String), String> {
    let (a, b) = input
        .split_once([',', ':'])
        .ok_or_else(|| format!("`{input}` is not a dyad like RUS,ARM or Russia,Armenia"))?;
    if a.trim().is_empty() || b.trim().is_empty() {
        return Err(format!("`{input}` is not a dyad like RUS,ARM or Russia,Armenia"));
    }
    Ok((resolve_actor(a)?, resolve_actor(b)?))
}

/// The stored places a `--place` text names through the gazetteer, by their
/// stored name and country ("Kiev" -> ("Kyiv", "UKR")), and the countries it names
/// ("Armenia" -> "ARM": every place in the country).
#[derive(Debug, Default, PartialEq)]
pub struct PlaceMatch {
    pub places: Vec<(String, String)>,
    pub countries: Vec<String>,
}

/// At most this many places per `--place` (a common town name has hundreds).
const MOST_PLACES: usize = 200;

pub fn resolve_place(input: &str) -> PlaceMatch {
    let g = Gazetteer::builtin();
    let mut m = PlaceMatch::default();
    for &id in g.lookup(input.trim()).iter().take(MOST_PLACES) {
        let p = g.get(id);
        if p.kind == PlaceKind::Country {
            if !m.countries.contains(&p.country) {
                m.countries.push(p.country.clone());
            }
        } else {
            let key = (p.name.clone(), p.country.clone());
            if !m.places.contains(&key) {
                m.places.push(key);
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_codes_and_codes_stay_codes() {
        assert_eq!(resolve_actor("Russia").unwrap(), "RUS");
        assert_eq!(resolve_actor("russia").unwrap(), "RUS");
        assert_eq!(resolve_actor("Armenian").unwrap(), "ARM");
        assert_eq!(resolve_actor("South Korea").unwrap(), "KOR");
        assert_eq!(resolve_actor("RUS").unwrap(), "RUS");
        assert_eq!(resolve_actor("RUSGOV").unwrap(), "RUSGOV");
        assert_eq!(resolve_actor("rusgov").unwrap(), "RUSGOV");
        assert_eq!(resolve_actor("RU").unwrap(), "RU", "a start of a code in capitals");
        assert!(resolve_actor("NATO").unwrap().starts_with("IGO"));
        assert_eq!(resolve_actor("the Taliban").unwrap(), resolve_actor("Taliban").unwrap());
        assert_eq!(resolve_country("the Netherlands").unwrap(), "NLD");
        assert_eq!(resolve_country("South Korea").unwrap(), "KOR");
        assert_eq!(resolve_country("aze").unwrap(), "AZE");
        assert_eq!(resolve_dyad("Russia, Armenia").unwrap(), ("RUS".into(), "ARM".into()));
        assert_eq!(resolve_dyad("RUSGOV:ARM").unwrap(), ("RUSGOV".into(), "ARM".into()));
        assert!(resolve_dyad("Russia").is_err());
    }

    #[test]
    fn unknown_names_get_the_nearest_known_ones() {
        let e = resolve_actor("Rusia").unwrap_err();
        assert!(e.contains("did you mean Russia (RUS)"), "{e}");
        let e = resolve_country("Armenai").unwrap_err();
        assert!(e.contains("Armenia (ARM)"), "{e}");
        let e = resolve_country("NATO").unwrap_err();
        assert!(!e.contains("IGO"), "only countries for --country: {e}");
        let e = resolve_actor("Qwxzvbnm").unwrap_err();
        assert!(!e.contains("did you mean"), "{e}");
        assert_eq!(distance(&['a', 'b'], &['b', 'a']), 1);
        assert_eq!(distance(&['a', 'b', 'c'], &[]), 3);
    }

    #[test]
    fn places_are_found_by_their_other_names() {
        assert!(resolve_place("Kiev").places.contains(&("Kyiv".into(), "UKR".into())));
        assert!(resolve_place("Rafah").places.iter().any(|(n, _)| fold(n) == "rafah"));
        assert!(resolve_place("St. Vincent").countries.contains(&"VCT".to_string()));
        assert!(resolve_place("Armenia").countries.contains(&"ARM".to_string()));
        assert_eq!(resolve_place("Nowhereville Xq"), PlaceMatch::default());
    }
}
