//! Places: the built-in gazetteer, toponym lookup and disambiguation.
//!
//! The gazetteer is `dictionaries/gazetteer.tsv`, generated from GeoNames (CC BY 4.0)
//! by `scripts/gen-gazetteer.py` and compiled into the binary. It holds every country,
//! the first-level regions GeoNames names, every city of 15,000 people or more (with
//! its common Latin-script alternate names) and hand-written disputed and conflict
//! regions ("Nagorno-Karabakh", "Donbas", "Gaza Strip"). See `docs/places.md`.
//!
//! Names are matched the way the actor dictionaries are: as sequences of the coder's
//! lowercased tokens, so "Nagorno-Karabakh" is one token, "U.S." is one token and
//! "Côte d'Ivoire" is "côte" + "d'ivoire". Unlike the actor dictionaries, accents are
//! folded on both sides ("Córdoba" = "Cordoba"), because news spells place names both
//! ways and the gazetteer cannot list every variant.
//!
//! Three steps, each usable alone:
//! 1. [`Gazetteer::longest_match`] / [`find_places`]: which token runs name places,
//!    and which places each could be;
//! 2. [`resolve`]: which of those places the story means, from its context (the
//!    actors' countries, the dateline, the other places it names);
//! 3. the caller (the coder) decides which resolved place is an event's location.
//!
//! Why scores and not a rule list: the cues pull in different directions ("Paris" in
//! a story whose actors are American is still France's capital; "Tripoli" in a
//! Lebanese story is Lebanon's), and a weighted sum with a few named weights is easier
//! to tune against the test set (`tests/toponyms.rs`) than nested special cases.

mod find;
mod keys;
mod resolve;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use find::{find_places, STOP_WORDS};
pub use keys::fold_accents;
pub use resolve::{km, rank, resolve, weights, PlaceContext};

use keys::{feed, feed_word, finish, name_states, word_hash, START};

/// The gazetteer shipped with Dragoman.
pub static BUILTIN_GAZETTEER: &str = include_str!("../../../../dictionaries/gazetteer.tsv");

/// Index of a place in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// What kind of place a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    /// A first-level administrative region (state, province, oblast, governorate).
    Admin1,
    /// A populated place; [`Place::capital`] says whether it is a national capital.
    City,
    /// A region news names that is not an administrative unit, or a disputed one
    /// ("Nagorno-Karabakh", "Donbas", "Gaza Strip"), written by hand.
    Region,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    /// Dragoman's country code (ISO alpha-3 as CAMEO uses it: KSV, TMP, ROU).
    pub country: String,
    /// The first-level region the place lies in (a region's own name for kind
    /// Admin1), when known.
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<u64>,
    pub population: u64,
    /// Cities: how many names GeoNames knows the place by, in all languages. A
    /// measure of how widely known it is (Geneva has 61, Geneva, Illinois 12).
    pub names: u32,
    pub kind: PlaceKind,
    /// A national capital.
    pub capital: bool,
}

/// The places and the name index over them.
///
/// The index is two sorted arrays rather than a map of strings: a 64-bit hash of
/// each folded name (with the places it names), and a hash of each name's first
/// word (with the most words a name starting with it has). Building them allocates
/// nothing per name, which is what keeps start-up in milliseconds; a false match
/// needs two different names with the same 64-bit hash among ~200,000 names
/// (odds about one in ten billion).
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Hashes of folded names, sorted, and beside each the place it names.
    key_hashes: Vec<u64>,
    key_places: Vec<PlaceId>,
    /// `key_dir[b]..key_dir[b + 1]` is where the hashes whose top `DIR_BITS` bits
    /// are `b` lie in `key_hashes`: a lookup is one jump and a short scan, not a
    /// binary search through 1.6 MB.
    key_dir: Vec<u32>,
    /// Hash of the first word of a name of two or more words -> the most words such
    /// a name has. A word not here starts no name longer than itself.
    firsts: Vec<(u64, u8)>,
    /// Country code -> the country's own row.
    countries: HashMap<String, PlaceId>,
    /// Country code -> its land neighbours.
    neighbours: HashMap<String, Vec<String>>,
    /// Lines that could not be read.
    skipped: usize,
}

/// Bits of a name hash that pick its bucket in the index directory (65,536
/// buckets, about three names each).
const DIR_BITS: u32 = 16;

/// Words that follow a region's name in news ("Donetsk region", "Washington state"):
/// every first-level and hand-written region is also indexed under its names with
/// each of these after them (in place of the one its name ends with, if any).
const REGION_WORDS: &[&str] = &["region", "province", "state", "oblast", "governorate", "district", "rayon", "krai"];

impl Gazetteer {
    /// The built-in gazetteer, read once on first use.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(BUILTIN_GAZETTEER))
    }

    /// Reads a gazetteer in the format of `dictionaries/gazetteer.tsv`. Lines it
    /// cannot read are skipped and counted ([`Gazetteer::skipped`]).
    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        let lines = text.as_bytes().iter().filter(|&&b| b == b'\n').count() + 1;
        g.places.reserve(lines);
        // (country, admin1 code) -> region name, and the places waiting for it.
        let mut admin1_names: HashMap<(&str, &str), &str> = HashMap::new();
        let mut pending: Vec<(u32, &str)> = Vec::new();
        let mut keys: Vec<(u64, PlaceId)> = Vec::with_capacity(lines * 6);
        let mut firsts: Vec<(u64, u8)> = Vec::with_capacity(lines * 2);
        let region_suffixes: Vec<u64> = REGION_WORDS.iter().map(|w| word_hash(w)).collect();
        let mut states: Vec<u64> = Vec::with_capacity(16);
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = [""; 11];
            if split_fields(line, b'\t', &mut f) < 9 {
                g.skipped += 1;
                continue;
            }
            let (kind, capital) = match f[0] {
                "C" => (PlaceKind::Country, false),
                "A" => (PlaceKind::Admin1, false),
                "P" => (PlaceKind::City, false),
                "K" => (PlaceKind::City, true),
                "R" => (PlaceKind::Region, false),
                _ => {
                    g.skipped += 1;
                    continue;
                }
            };
            let (Ok(lat), Ok(lon), Ok(population)) = (f[4].parse::<f64>(), f[5].parse::<f64>(), f[6].parse::<u64>())
            else {
                g.skipped += 1;
                continue;
            };
            let id = PlaceId(g.places.len() as u32);
            let (country, code, name) = (f[2], f[3], f[8]);
            let region = matches!(kind, PlaceKind::Admin1 | PlaceKind::Region);
            if region && !code.is_empty() {
                admin1_names.insert((country, code), name);
            }
            if !region && !code.is_empty() {
                pending.push((id.0, code));
            }
            if kind == PlaceKind::Country {
                g.countries.insert(country.to_string(), id);
                if !f[10].is_empty() {
                    g.neighbours.insert(country.to_string(), f[10].split(',').map(str::to_string).collect());
                }
            }
            let mut alts = [""; 64];
            let n = split_fields(f[9], b';', &mut alts);
            for &alias in std::iter::once(&name).chain(&alts[..n]) {
                if alias.is_empty() {
                    continue;
                }
                let Some(last) = name_states(alias, &mut states, region) else {
                    continue;
                };
                let words = states.len();
                keys.push((finish(states[words - 1]), id));
                if words > 1 {
                    firsts.push((finish(states[0]), words.min(u8::MAX as usize) as u8));
                }
                if region {
                    // "Kursk Oblast" is also "Kursk region"; "Texas" also "Texas state".
                    let (base, base_words) = if words > 1 && region_suffixes.contains(&last) {
                        (states[words - 2], words - 1)
                    } else {
                        (states[words - 1], words)
                    };
                    for w in REGION_WORDS {
                        keys.push((finish(feed_word(feed(base, b' '), w)), id));
                    }
                    firsts.push((finish(states[0]), (base_words + 1).min(u8::MAX as usize) as u8));
                }
            }
            g.places.push(Place {
                name: name.to_string(),
                country: country.to_string(),
                admin1: region.then(|| name.to_string()),
                lat,
                lon,
                geonames_id: f[1].parse().ok(),
                population,
                names: f[7].parse().unwrap_or(0),
                kind,
                capital,
            });
        }
        for (id, code) in pending {
            let p = &mut g.places[id as usize];
            p.admin1 = admin1_names.get(&(p.country.as_str(), code)).map(|s| s.to_string());
        }
        keys.sort_unstable();
        keys.dedup();
        g.key_hashes = keys.iter().map(|k| k.0).collect();
        g.key_places = keys.iter().map(|k| k.1).collect();
        g.key_dir = vec![0; (1 << DIR_BITS) + 1];
        for &h in &g.key_hashes {
            g.key_dir[(h >> (64 - DIR_BITS)) as usize + 1] += 1;
        }
        for b in 1..g.key_dir.len() {
            g.key_dir[b] += g.key_dir[b - 1];
        }
        firsts.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        firsts.dedup_by_key(|f| f.0);
        firsts.shrink_to_fit();
        g.firsts = firsts;
        g
    }

    /// The place with this id. Panics on an id from another gazetteer.
    pub fn get(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Lines [`Gazetteer::parse`] could not read.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// Every place, in file order, with its id.
    pub fn iter(&self) -> impl Iterator<Item = (PlaceId, &Place)> {
        self.places.iter().enumerate().map(|(i, p)| (PlaceId(i as u32), p))
    }

    /// The row of a country by its code ("ARM").
    pub fn country(&self, code: &str) -> Option<PlaceId> {
        self.countries.get(code).copied()
    }

    /// The land neighbours of a country.
    pub fn neighbours(&self, code: &str) -> &[String] {
        self.neighbours.get(code).map_or(&[], Vec::as_slice)
    }

    fn places_with(&self, hash: u64) -> &[PlaceId] {
        let b = (hash >> (64 - DIR_BITS)) as usize;
        let (start, end) = match (self.key_dir.get(b), self.key_dir.get(b + 1)) {
            (Some(&s), Some(&e)) => (s as usize, e as usize),
            _ => return &[],
        };
        let bucket = &self.key_hashes[start..end];
        let lo = bucket.partition_point(|&h| h < hash);
        let hi = lo + bucket[lo..].partition_point(|&h| h == hash);
        &self.key_places[start + lo..start + hi]
    }

    /// The places whose name or alternate name is exactly this token sequence
    /// (lowercased coder tokens).
    pub fn candidates(&self, words: &[&str]) -> &[PlaceId] {
        let mut h = START;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                h = feed(h, b' ');
            }
            h = feed_word(h, w);
        }
        if words.is_empty() {
            return &[];
        }
        self.places_with(finish(h))
    }

    /// The places named by a piece of text ("Nagorno-Karabakh", "TRIPOLI"), cut into
    /// tokens the way the coder cuts news.
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        let mut states = Vec::new();
        if name_states(name, &mut states, false).is_none() {
            return &[];
        }
        self.places_with(finish(states[states.len() - 1]))
    }

    /// The longest place name starting at token `at`: its length in tokens and the
    /// places it may name.
    pub fn longest_match(&self, tokens: &[&str], at: usize) -> Option<(usize, Vec<PlaceId>)> {
        let first = feed_word(START, tokens.get(at)?);
        let f = finish(first);
        let i = self.firsts.partition_point(|e| e.0 < f);
        let max = match self.firsts.get(i) {
            Some(&(h, m)) if h == f => (m as usize).min(tokens.len() - at),
            _ => 1,
        };
        let mut prefix = [0u64; 16];
        let max = max.min(prefix.len());
        prefix[0] = first;
        for k in 1..max {
            prefix[k] = feed_word(feed(prefix[k - 1], b' '), tokens[at + k]);
        }
        (1..=max).rev().find_map(|len| {
            let ids = self.places_with(finish(prefix[len - 1]));
            (!ids.is_empty()).then(|| (len, ids.to_vec()))
        })
    }
}

/// Splits `s` at `sep` into `out` (the last field keeps the rest of the line when
/// there are more fields than room); returns how many fields there are. One pass
/// over the bytes: faster than `str::split` on 38,000 short lines.
fn split_fields<'a>(s: &'a str, sep: u8, out: &mut [&'a str]) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == sep && n + 1 < out.len() {
            out[n] = &s[start..i];
            n += 1;
            start = i + 1;
        }
    }
    if !s.is_empty() || n > 0 {
        out[n] = &s[start..];
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::keys::{token_states, ACCENTS};
    use super::*;
    use crate::text::tokenize;

    const SAMPLE: &str = "# a comment\n\
C\t174982\tARM\t\t40.2166\t45.0003\t3090500\t\tArmenia\tRepublic of Armenia\tGEO,AZE\n\
C\t614540\tGEO\t\t42.162\t43.4815\t3704500\t\tGeorgia\tSakartvelo\tARM,AZE,TUR,RUS\n\
C\t6252001\tUSA\t\t39.76\t-98.5\t327167434\t\tUnited States\tU.S.;US;America\tCAN,MEX\n\
A\t4197000\tUSA\tGA\t32.75\t-83.5\t9000000\t\tGeorgia\n\
A\t5815135\tUSA\tWA\t47.5\t-120.5\t6000000\t\tWashington\n\
A\t-\tUSA\tTX\t31.0\t-99.0\t25000000\t\tTexas\n\
R\t-\tAZE\t\t39.82\t46.75\t120000\t\tNagorno-Karabakh\tKarabakh;Nagorno Karabakh\n\
K\t616052\tARM\t11\t40.1811\t44.5136\t1093485\t30\tYerevan\tErevan\n\
K\t4140963\tUSA\tDC\t38.8951\t-77.0364\t689545\t30\tWashington\tWashington D.C.;Washington DC\n\
P\t4717560\tUSA\tTX\t33.6609\t-95.5555\t24782\t30\tParis\n\
P\t3860259\tARG\t05\t-31.4065\t-64.1885\t2106734\t30\tCórdoba\tCordova\n\
P\t1\tCIV\t\t5.3\t-4.0\t100000\t30\tCôte d'Ivoire Town\n\
this line is broken\n";

    fn toks(s: &str) -> Vec<String> {
        tokenize(s, 0, s.len()).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn parses_rows_and_admin1() {
        let g = Gazetteer::parse(SAMPLE);
        assert_eq!(g.len(), 12);
        assert_eq!(g.skipped(), 1);
        let paris = g.get(g.lookup("Paris")[0]);
        assert_eq!((paris.country.as_str(), paris.admin1.as_deref()), ("USA", Some("Texas")));
        assert_eq!(paris.kind, PlaceKind::City);
        let yerevan = g.get(g.lookup("Yerevan")[0]);
        assert!(yerevan.capital);
        assert_eq!(yerevan.geonames_id, Some(616052));
        assert_eq!(yerevan.admin1, None, "no admin1 row for code 11");
        assert_eq!(g.neighbours("GEO").len(), 4);
        assert_eq!(g.get(g.country("ARM").unwrap()).name, "Armenia");
    }

    #[test]
    fn keys_follow_the_coder_tokens() {
        let g = Gazetteer::parse(SAMPLE);
        assert_eq!(g.lookup("Washington D.C.").len(), 1);
        let t = toks("talks in Washington D.C. on Monday");
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        assert_eq!(g.longest_match(&t, 2).map(|(n, _)| n), Some(2));
        let t = toks("the U.S. said");
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        assert_eq!(g.longest_match(&t, 1).map(|(n, _)| n), Some(1));
        assert_eq!(g.candidates(&["côte", "d'ivoire", "town"]).len(), 1);
        assert_eq!(g.candidates(&["cote", "d'ivoire", "town"]).len(), 1, "accents fold");
        assert_eq!(g.candidates(&["cordoba"]), g.candidates(&["córdoba"]));
        assert_eq!(g.lookup("CÓRDOBA").len(), 1);
    }

    #[test]
    fn longest_match_prefers_longer_names() {
        let g = Gazetteer::parse(SAMPLE);
        let t = ["nagorno", "karabakh", "offensive"];
        let (n, ids) = g.longest_match(&t, 0).unwrap();
        assert_eq!(n, 2);
        assert_eq!(g.get(ids[0]).name, "Nagorno-Karabakh");
        let t = ["washington", "state", "officials"];
        let (n, ids) = g.longest_match(&t, 0).unwrap();
        assert_eq!((n, g.get(ids[0]).kind), (2, PlaceKind::Admin1));
        let (n, ids) = g.longest_match(&["washington", "said"], 0).unwrap();
        assert_eq!((n, ids.len()), (1, 2));
        assert!(g.longest_match(&["armenian", "troops"], 0).is_none());
        assert!(g.longest_match(&["texas"], 1).is_none());
        assert_eq!(g.candidates(&["texas", "region"]).len(), 1, "region words are generated");
    }

    #[test]
    fn find_places_needs_capitals_and_skips_stop_words() {
        let g = Gazetteer::parse(SAMPLE);
        let s = "Officials in Yerevan and Washington said paris was nice";
        let tk = tokenize(s, 0, s.len());
        let words: Vec<&str> = tk.iter().map(|t| t.lower.as_str()).collect();
        let caps: Vec<bool> = tk.iter().map(|t| t.capitalized).collect();
        let found = find_places(&g, &words, &caps);
        let names: Vec<&str> = found
            .iter()
            .map(|(i, n, _)| words[*i..*i + *n].join(" "))
            .map(|s| if s == "yerevan" { "yerevan" } else { "washington" })
            .collect();
        assert_eq!(found.len(), 2, "{names:?}");
    }

    #[test]
    fn resolves_with_context() {
        let g = Gazetteer::parse(SAMPLE);
        let none = PlaceContext::default();
        let geo = g.lookup("Georgia");
        assert_eq!(g.get(resolve(&g, geo, &none).unwrap()).kind, PlaceKind::Country);
        let us = ["USA".to_string()];
        let ctx = PlaceContext { countries: &us, ..Default::default() };
        assert_eq!(g.get(resolve(&g, geo, &ctx).unwrap()).country, "USA");
        let both = ["USA".to_string(), "RUS".to_string()];
        let ctx = PlaceContext { countries: &both, ..Default::default() };
        assert_eq!(g.get(resolve(&g, geo, &ctx).unwrap()).country, "GEO");
        let w = g.lookup("Washington");
        assert!(g.get(resolve(&g, w, &none).unwrap()).capital);
        assert_eq!(resolve(&g, &[], &none), None);
    }

    #[test]
    fn fold_accents_folds_latin_letters() {
        assert_eq!(fold_accents("xankəndi"), "xankendi");
        assert_eq!(fold_accents("łódź"), "lodz");
        assert_eq!(fold_accents("ḩalab"), "halab");
        assert_eq!(fold_accents("straße"), "strasse");
        assert_eq!(fold_accents("kyiv"), "kyiv");
        assert!(ACCENTS.windows(2).all(|w| w[0].0 < w[1].0), "sorted for binary search");
    }

    #[test]
    fn fast_name_keys_equal_tokenizer_keys() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let mut checked = 0;
        for line in BUILTIN_GAZETTEER.lines().filter(|l| !l.starts_with('#')).step_by(5) {
            let f: Vec<&str> = line.split('\t').collect();
            for name in std::iter::once(f[8]).chain(f.get(9).map_or("", |a| *a).split(';')) {
                if name.is_empty() {
                    continue;
                }
                let fast = name_states(name, &mut a, true);
                let slow = token_states(name, &mut b, true);
                assert_eq!((fast, &a), (slow, &b), "{name:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn stop_words_are_sorted_and_are_place_names() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted for binary search");
        let g = Gazetteer::builtin();
        for w in STOP_WORDS {
            assert!(!g.candidates(&[w]).is_empty(), "{w} names no place: drop it");
        }
    }

    #[test]
    fn distances() {
        let g = Gazetteer::parse(SAMPLE);
        let a = g.get(g.lookup("Yerevan")[0]);
        let b = g.get(g.lookup("Karabakh")[0]);
        let d = km(a, b);
        assert!((150.0..300.0).contains(&d), "{d}");
    }
}
