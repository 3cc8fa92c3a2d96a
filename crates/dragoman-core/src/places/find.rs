//! Finding toponyms in a run of tokens.

use super::{Gazetteer, PlaceId, PlaceKind};

/// Single words that name a place in the gazetteer (mostly through a GeoNames
/// alternate name) but are far more often ordinary English words, at the start of a
/// sentence or in a headline: the gazetteer's one-word names that the English Web
/// Treebank uses more often as common words than as proper nouns, plus months,
/// compass points and a few more by hand. A longer name that starts with one still
/// matches ("Mobile Bay", "West Bank"); a country or hand-written region never
/// stops. Sorted, for binary search.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "airport", "along", "alot", "alter", "angle", "annex", "ans", "area", "bar", "barn",
    "basic", "bath", "batman", "bear", "begun", "bella", "best", "born", "brack", "brick",
    "bury", "butterfly", "buy", "cage", "can", "care", "cars", "cat", "central", "centre",
    "chair", "chiro", "clay", "come", "concord", "date", "deal", "dig", "dire", "downtown",
    "drama", "drug", "dual", "eagle", "east", "eastern", "eden", "enterprise", "ever",
    "federal", "fountain", "from", "gay", "genes", "goes", "gold", "golden", "gras", "grass",
    "green", "grenade", "haha", "hall", "hang", "hire", "hit", "holiday", "hollywood", "hook",
    "hub", "human", "humble", "hyde", "imperial", "independence", "keen", "leigh", "lens",
    "liberal", "liberty", "lone", "luck", "man", "manage", "mani", "march", "maritime",
    "market", "marks", "mercedes", "mesa", "mile", "mine", "mission", "mobile", "more", "most",
    "much", "nails", "never", "nice", "noisy", "normal", "north", "northeast", "northern",
    "northwest", "of", "officer", "okay", "opportunity", "orange", "outer", "paradise",
    "parole", "pets", "plain", "plunge", "po", "poa", "police", "pool", "pop", "port", "rapid",
    "reading", "redwood", "republic", "rest", "retreat", "rich", "riding", "rise", "riverside",
    "roles", "sake", "sale", "salon", "salt", "same", "save", "say", "se", "seen", "shot",
    "shut", "side", "since", "sole", "sour", "south", "southern", "split", "spoken", "spray",
    "spring", "springs", "store", "summit", "superior", "surprise", "tall", "tame", "tank",
    "tape", "tell", "temple", "thai", "than", "time", "tire", "to", "tour", "tours", "trap",
    "tsunami", "turn", "union", "unity", "university", "uva", "veto", "wave", "wedding", "west",
    "western", "worms", "worth", "ye", "yoga", "young",
];

/// Place names in a token run: (first token, number of tokens, candidate places).
/// A name must start with a capitalised token (`capitalized[i]` from the coder's
/// tokens); single words in [`STOP_WORDS`] do not count on their own. Matches do
/// not overlap; the longest wins.
pub fn find_places(g: &Gazetteer, tokens: &[&str], capitalized: &[bool]) -> Vec<(usize, usize, Vec<PlaceId>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        match g.longest_match(tokens, i) {
            Some((len, ids)) if !(len == 1 && is_stop_word(g, tokens[i], &ids)) => {
                out.push((i, len, ids));
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_stop_word(g: &Gazetteer, word: &str, ids: &[PlaceId]) -> bool {
    // A stop word that is also a country or hand-written region name ("Mali",
    // "Gaza") is still a place.
    if ids.iter().any(|&id| matches!(g.get(id).kind, PlaceKind::Country | PlaceKind::Region)) {
        return false;
    }
    STOP_WORDS.binary_search(&word).is_ok()
}
