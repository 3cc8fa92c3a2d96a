//! Choosing among places of the same name, from what the story says.

use super::{Gazetteer, Place, PlaceId, PlaceKind};

/// What a story says that helps pick among places of the same name.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlaceContext<'a> {
    /// Country codes of the story's actors, most salient first.
    pub countries: &'a [String],
    /// The country of the dateline's place, when the story has one.
    pub dateline_country: Option<&'a str>,
    /// Places already resolved in the story (other mentions, the dateline).
    pub other_places: &'a [PlaceId],
}

/// The weights [`resolve`] adds up. Scores are in units of "one order of magnitude
/// of population" (see `POPULATION`).
pub mod weights {
    /// Per power of ten of population.
    pub const POPULATION: f64 = 0.8;
    /// A country named by its name: news means the country.
    pub const COUNTRY: f64 = 3.5;
    /// A hand-written news region ("Gaza" is the Strip, "Karabakh" Nagorno-Karabakh).
    pub const REGION: f64 = 2.0;
    /// A national capital, plus `CAPITAL_PER_DECADE` per power of ten of the
    /// country's population in millions: Washington and Paris outrank their
    /// namesakes even in stories about the namesake's country.
    pub const CAPITAL: f64 = 3.0;
    pub const CAPITAL_PER_DECADE: f64 = 0.5;
    /// The place is in the story's most salient actor country / in another actor
    /// country.
    pub const FIRST_ACTOR_COUNTRY: f64 = 4.5;
    pub const ACTOR_COUNTRY: f64 = 4.0;
    /// The place is in the dateline's country (when no actor is from there).
    pub const DATELINE_COUNTRY: f64 = 4.5;
    /// Per power of ten of the number of names GeoNames knows a city by.
    pub const NAMES: f64 = 1.0;
    /// The place's country borders an actor or dateline country (and is none).
    pub const NEIGHBOUR: f64 = 2.0;
    /// Another place in the story is the region this place lies in ("Paris, Texas").
    pub const IN_NAMED_REGION: f64 = 8.0;
    /// Another place in the story is in the same country / within `NEAR_KM`.
    pub const SAME_COUNTRY_AS_OTHER: f64 = 1.5;
    pub const NEAR_OTHER: f64 = 1.5;
    pub const NEAR_KM: f64 = 150.0;
}

/// Picks the place a name most likely means in this story. Rules, as weights (see
/// [`weights`]) over every candidate:
///
/// 1. context first: a place in an actor country (the most salient more), else in
///    the dateline country, else next door to one; a place inside a region the story
///    also names, or near or in the same country as its other places;
/// 2. then kind: a country's own name means the country; a hand-written news region
///    beats a town of the same name; a national capital is a strong prior, stronger
///    the bigger its country;
/// 3. then size and fame: population, and for cities how many names GeoNames knows
///    them by. Context from countries counts less for small towns (see `damping`),
///    so "Paris" or "Geneva" in a story about Americans is still the French capital
///    or the Swiss city, but "Tripoli" in a Lebanese story is Lebanon's. Evidence
///    that the story names the town's own region ("Paris, Texas") is not damped.
///
/// A first-level region that shares its name with a city inside it ("Donetsk") gives
/// way to the city: news says "Donetsk region" for the region. "Washington" is the US
/// capital (capital prior) unless "state" follows, which the name index reads as the
/// state. "Georgia" is the country (country prior) unless an actor is American and
/// none is from Georgia or a neighbour (Armenia, Azerbaijan, Russia, Turkey).
///
/// Returns None only when there are no candidates.
pub fn resolve(g: &Gazetteer, candidates: &[PlaceId], ctx: &PlaceContext) -> Option<PlaceId> {
    let mut best: Option<(f64, PlaceId)> = None;
    for &id in candidates {
        if shadowed_by_city(g, id, candidates) {
            continue;
        }
        let s = score(g, id, ctx);
        if !matches!(best, Some((b, bid)) if s < b || (s == b && id > bid)) {
            best = Some((s, id));
        }
    }
    best.map(|(_, id)| id).or_else(|| candidates.first().copied())
}

/// Every candidate with its score, best first: for `--explain` and for tuning.
pub fn rank(g: &Gazetteer, candidates: &[PlaceId], ctx: &PlaceContext) -> Vec<(PlaceId, f64)> {
    let mut v: Vec<(PlaceId, f64)> = candidates
        .iter()
        .map(|&id| (id, if shadowed_by_city(g, id, candidates) { f64::NEG_INFINITY } else { score(g, id, ctx) }))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// An admin1 region whose name is shared by a candidate city lying inside it.
fn shadowed_by_city(g: &Gazetteer, id: PlaceId, candidates: &[PlaceId]) -> bool {
    let p = g.get(id);
    p.kind == PlaceKind::Admin1
        && candidates.iter().any(|&c| {
            let q = g.get(c);
            q.kind == PlaceKind::City && q.country == p.country && q.admin1 == p.admin1
        })
}

fn score(g: &Gazetteer, id: PlaceId, ctx: &PlaceContext) -> f64 {
    use weights::*;
    let p = g.get(id);
    let mut s = POPULATION * (p.population.max(1000) as f64).log10() + NAMES * (1.0 + p.names as f64).log10();
    match p.kind {
        PlaceKind::Country => s += COUNTRY,
        PlaceKind::Region => s += REGION,
        _ => {}
    }
    if p.capital {
        let country_pop = g.country(&p.country).map_or(1_000_000, |c| g.get(c).population.max(1));
        s += CAPITAL + CAPITAL_PER_DECADE * (country_pop as f64 / 1e6).log10().max(0.0);
    }

    // Context from the story's countries, damped for small towns.
    let actor = ctx.countries.iter().position(|c| *c == p.country);
    let mut context = match actor {
        Some(0) => FIRST_ACTOR_COUNTRY,
        Some(_) => ACTOR_COUNTRY,
        None if ctx.dateline_country == Some(p.country.as_str()) => DATELINE_COUNTRY,
        None => {
            let near = g.neighbours(&p.country);
            let next_door = ctx
                .countries
                .iter()
                .map(String::as_str)
                .chain(ctx.dateline_country)
                .any(|c| near.iter().any(|n| n == c));
            if next_door {
                NEIGHBOUR
            } else {
                0.0
            }
        }
    };
    // Evidence from the other places in the story.
    let mut in_region = false;
    let mut same_country = false;
    let mut near = false;
    for &o in ctx.other_places {
        if o == id {
            continue;
        }
        let q = g.get(o);
        if q.country != p.country {
            if q.kind != PlaceKind::Country && km(p, q) < NEAR_KM {
                near = true;
            }
            continue;
        }
        same_country = true;
        if matches!(q.kind, PlaceKind::Admin1 | PlaceKind::Region)
            && p.kind != q.kind
            && p.admin1.is_some()
            && p.admin1 == q.admin1
        {
            in_region = true;
        }
        if q.kind != PlaceKind::Country && p.kind != PlaceKind::Country && km(p, q) < NEAR_KM {
            near = true;
        }
    }
    if same_country {
        context += SAME_COUNTRY_AS_OTHER;
    }
    if near {
        context += NEAR_OTHER;
    }
    if p.kind == PlaceKind::City {
        context *= damping(p.population);
    }
    if in_region {
        context += IN_NAMED_REGION;
    }
    s + context
}

/// How much country context counts for a town of this size: fully from about
/// 160,000 people, 0.5 at 50,000, 0.2 at 25,000, at least 0.15.
fn damping(population: u64) -> f64 {
    let l = (population.max(1) as f64).log10();
    (l - 4.2).clamp(0.15, 1.0)
}

/// Great-circle distance in kilometres.
pub fn km(a: &Place, b: &Place) -> f64 {
    let (la1, lo1, la2, lo2) = (a.lat.to_radians(), a.lon.to_radians(), b.lat.to_radians(), b.lon.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}
