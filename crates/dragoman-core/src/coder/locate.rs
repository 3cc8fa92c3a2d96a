//! Where events happened: place names in each sentence, resolved against the whole
//! story, then one place per event from its clause, its sentence or the dateline.
//!
//! A capital or country that acts ("Moscow offered", "Baku accused") is an actor,
//! not a place, so names inside actor mentions are masked unless a locative
//! preposition stands before them ("talks in Moscow", "offensive in
//! Nagorno-Karabakh").

use super::analysis::Analysis;
use crate::model::Location;
use crate::places::{find_places, resolve, Gazetteer, PlaceContext, PlaceId};

/// A place name found in a sentence.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<PlaceId>,
    /// After "in", "at", "near"...: the place where something happens.
    pub locative: bool,
    pub resolved: Option<PlaceId>,
}

fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "near"
            | "outside"
            | "inside"
            | "across"
            | "into"
            | "around"
            | "throughout"
            | "through"
            | "toward"
            | "towards"
            | "off"
            | "on"
    )
}

/// Place names in an analysed sentence.
pub fn find_in_sentence(g: &Gazetteer, a: &Analysis) -> Vec<PlaceMention> {
    let words: Vec<&str> = a.toks.iter().map(|t| t.token.lower.as_str()).collect();
    let caps: Vec<bool> = (0..a.toks.len())
        .map(|i| {
            let acting = a.mention_of[i].is_some_and(|m| {
                let start = a.mentions[m].start;
                !(start > 0 && is_locative(a.lower(start - 1))
                    || start > 1 && a.lower(start - 1) == "the" && is_locative(a.lower(start - 2)))
            });
            a.toks[i].token.capitalized && !acting
        })
        .collect();
    find_places(g, &words, &caps)
        .into_iter()
        // "the Gare du Midi", "Plaza de Mayo": a name that goes on with "du", "de" and
        // a capital is a longer name, not this place.
        .filter(|&(start, len, _)| {
            let end = start + len;
            !(matches!(a.lower(end), "du" | "de" | "des" | "del" | "della" | "di" | "do" | "da")
                && a.toks.get(end + 1).is_some_and(|t| t.token.capitalized))
        })
        .map(|(start, len, candidates)| {
            let before = |k: usize| start.checked_sub(k).map(|j| a.lower(j));
            // "in the southern city of Shiraz": the place a locative's noun names.
            let of_place = before(1) == Some("of")
                && matches!(
                    before(2),
                    Some("city" | "town" | "village" | "province" | "region" | "district" | "capital" | "port")
                )
                && (3..7).any(|k| before(k).is_some_and(is_locative));
            let locative = before(1).is_some_and(is_locative)
                || before(1) == Some("the") && before(2).is_some_and(is_locative)
                || of_place;
            PlaceMention { start, end: start + len, candidates, locative, resolved: None }
        })
        .collect()
}

/// Resolves every mention of the story with the story's context: its actor
/// countries (most frequent first), its dateline, and the other places named.
pub fn resolve_story(
    g: &Gazetteer,
    sentences: &mut [Vec<PlaceMention>],
    countries: &[String],
    dateline: Option<PlaceId>,
) {
    let dateline_country = dateline.map(|d| g.get(d).country.clone());
    let mut first_pass: Vec<PlaceId> = dateline.into_iter().collect();
    for m in sentences.iter_mut().flatten() {
        let ctx = PlaceContext { countries, dateline_country: dateline_country.as_deref(), other_places: &[] };
        m.resolved = resolve(g, &m.candidates, &ctx);
        first_pass.extend(m.resolved);
    }
    // The other places count as a set (each is evidence once, however often named):
    // a long story names the same few places again and again.
    first_pass.sort_unstable();
    first_pass.dedup();
    for m in sentences.iter_mut().flatten() {
        let ctx = PlaceContext { countries, dateline_country: dateline_country.as_deref(), other_places: &first_pass };
        m.resolved = resolve(g, &m.candidates, &ctx).or(m.resolved);
    }
}

/// The dateline's place, resolved with the story's actor countries.
pub fn resolve_dateline(g: &Gazetteer, place: &str, countries: &[String]) -> Option<PlaceId> {
    let ctx = PlaceContext { countries, dateline_country: None, other_places: &[] };
    resolve(g, g.lookup(place), &ctx)
}

/// An event's location: a locative place within its clause (tokens `[lo, hi)`), else
/// one in its sentence, else the dateline's.
pub fn locate(
    g: &Gazetteer,
    mentions: &[PlaceMention],
    lo: usize,
    hi: usize,
    dateline: Option<PlaceId>,
) -> Option<Location> {
    let in_clause = mentions.iter().find(|m| m.locative && m.start >= lo && m.end <= hi).and_then(|m| m.resolved);
    let (id, found) = match in_clause {
        Some(id) => (id, "clause"),
        None => match mentions.iter().find(|m| m.locative).and_then(|m| m.resolved) {
            Some(id) => (id, "sentence"),
            None => (dateline?, "dateline"),
        },
    };
    Some(location(g, id, found))
}

pub fn location(g: &Gazetteer, id: PlaceId, found: &'static str) -> Location {
    let p = g.get(id);
    Location {
        name: p.name.clone(),
        country: Some(p.country.clone()),
        admin1: p.admin1.clone(),
        lat: Some(p.lat),
        lon: Some(p.lon),
        geonames_id: p.geonames_id,
        precision: p.kind.as_str(),
        found,
    }
}
