//! Clause roles: the verb group around a trigger, its subject, its object, and the
//! dictionary pattern that fits the words around it.

use super::analysis::Analysis;
use super::words::{is_be, is_hypothetical_modal, is_perfect, is_relative, Class};
use crate::knowledge::{word_matches, Knowledge};
use crate::lexicon::{PatternElem, PhraseWord, VerbPattern};

/// What the words around a verb say about it.
#[derive(Debug, Clone, Default)]
pub struct VerbGroup {
    /// First token of the group (auxiliaries, negation, adverbs, "to").
    pub start: usize,
    pub negated: bool,
    pub hypothetical: bool,
    pub passive: bool,
    /// "to negotiate": the event is wanted, offered or urged, not done.
    pub infinitive: bool,
    /// "for ignoring", "Citing ...": not a clause of its own.
    pub gerund: bool,
    /// "a meeting requested by Harutiunyan".
    pub reduced_relative: bool,
    /// "will deliver", "would respond": a commitment, coded as an intent (03x, 13x).
    pub intent: bool,
}

fn is_participle(word: &str, base: &str) -> bool {
    let third_person = word.ends_with('s') && !word.ends_with("ss");
    word != base && !word.ends_with("ing") && !third_person
}

pub fn verb_group(a: &Analysis, start: usize, base: &str) -> VerbGroup {
    let mut g = VerbGroup { start, ..VerbGroup::default() };
    let word = a.lower(start).to_string();
    let mut j = start;
    let mut saw_be = false;
    let mut saw_aux = false;
    while j > 0 {
        let p = j - 1;
        match a.class(p) {
            Class::Adv => {}
            Class::Neg => g.negated = true,
            Class::Modal => {
                saw_aux = true;
                if matches!(a.lower(p), "will" | "would" | "shall" | "'ll") {
                    g.intent = true;
                } else if is_hypothetical_modal(a.lower(p)) {
                    g.hypothetical = true;
                }
            }
            Class::Aux => {
                saw_aux = true;
                if is_be(a.lower(p)) {
                    saw_be = true;
                }
                if is_perfect(a.lower(p)) && !saw_be {
                    // "has been attacked" is still passive; "has attacked" is not.
                }
            }
            Class::To => {
                // "is about to restore", "is going to meet": a plan of the subject's
                // own, coded as the event; any other "to" marks an infinitive.
                let q = p.checked_sub(1);
                if q.is_some_and(|q| {
                    matches!(
                        a.lower(q),
                        "about"
                            | "going"
                            | "try"
                            | "tries"
                            | "tried"
                            | "trying"
                            | "attempt"
                            | "attempts"
                            | "attempted"
                            | "attempting"
                    )
                }) {
                    g.start = q.unwrap_or(p);
                    j = g.start;
                    continue;
                }
                // "was due to free 90 prisoners", "is set to sign", "forces are to
                // pull back": a scheduled act, coded as an intent.
                if let Some(q) = q.filter(|&q| {
                    is_be(a.lower(q))
                        || q > 0
                            && is_be(a.lower(q - 1))
                            && matches!(a.lower(q), "due" | "set" | "scheduled" | "poised")
                }) {
                    g.intent = true;
                    saw_aux = true;
                    g.start = if is_be(a.lower(q)) { q } else { q - 1 };
                    j = g.start;
                    continue;
                }
                // "was seen to break", "is said to be": the subject of the passive
                // report is the subject of the event.
                if let Some(q) = q.filter(|&q| {
                    q > 0
                        && is_be(a.lower(q - 1))
                        && matches!(
                            a.lower(q),
                            "seen" | "known" | "said" | "reported" | "believed" | "thought" | "understood" | "alleged"
                        )
                }) {
                    g.start = q - 1;
                    j = g.start;
                    saw_aux = true;
                    continue;
                }
                if !saw_aux {
                    g.infinitive = true;
                }
                g.start = p;
                break;
            }
            _ => break,
        }
        g.start = p;
        j = p;
    }
    let participle = is_participle(&word, base);
    g.passive = saw_be && participle;
    if word.ends_with("ing") && !saw_aux && !g.infinitive {
        let prev = g.start.checked_sub(1);
        g.gerund = prev.is_none_or(|p| {
            matches!(
                a.class(p),
                Class::Prep | Class::Comma | Class::Poss | Class::Det | Class::PossPron | Class::Stop | Class::Punct
            )
        });
    }
    if participle && !saw_aux && !g.infinitive && g.start > 0 {
        let p = g.start - 1;
        let after_noun = a.np_at[p].is_some_and(|n| a.nps[n].pronoun.is_none() && a.nps[n].bare_agent.is_none())
            && a.class(p) == Class::Word;
        let by_follows = a.lower(start + 1) == "by";
        let earlier_verb = (0..p).any(|i| a.verb_at[i]);
        g.reduced_relative = after_noun
            && (by_follows && earlier_verb
                || a.class(p) == Class::Word
                    && earlier_verb
                    && !a.toks[p].token.capitalized
                    && a.nps[a.np_at[p].unwrap_or(0)].actors.is_empty());
    }
    g
}

/// A coordinated group of noun phrases ("Galuzin and the Armenian ambassador").
#[derive(Debug, Clone, Default)]
pub struct NpGroup {
    pub nps: Vec<usize>,
    pub start: usize,
    pub end: usize,
}

pub fn np_has_content(a: &Analysis, n: usize) -> bool {
    let np = &a.nps[n];
    !np.actors.is_empty() || np.pronoun.is_some() || np.bare_agent.is_some()
}

/// The coordinated group that ends with phrase `n`, walking left.
pub fn group_left(a: &Analysis, n: usize) -> NpGroup {
    let mut g = NpGroup { nps: vec![n], start: a.nps[n].start, end: a.nps[n].end };
    // Commas link phrases only inside a list closed by "and"/"or" ("A, B and C");
    // "Citing the offensive, Pashinyan said" is no list.
    let mut seen_conj = false;
    loop {
        let s = g.start;
        if s < 2 {
            break;
        }
        let sep = s - 1;
        let (link, before) = match a.class(sep) {
            Class::Conj if matches!(a.lower(sep), "and" | "or" | "nor") => {
                // ", and" is a list too.
                let b = if a.class(sep - 1) == Class::Comma && sep >= 2 { sep - 2 } else { sep - 1 };
                seen_conj = true;
                (true, b)
            }
            Class::Comma if seen_conj => (false, sep - 1),
            _ => break,
        };
        let Some(m) = a.np_at[before] else { break };
        if !(link || np_has_content(a, m) && np_has_content(a, g.nps[0])) {
            break;
        }
        // A coordinated phrase inside a prepositional phrase belongs to it.
        g.nps.insert(0, m);
        g.start = a.nps[m].start;
    }
    g
}

/// The coordinated group that starts with phrase `n`, walking right.
pub fn group_right(a: &Analysis, n: usize) -> NpGroup {
    let mut g = NpGroup { nps: vec![n], start: a.nps[n].start, end: a.nps[n].end };
    loop {
        let e = g.end;
        let (link, next) = match a.class(e) {
            Class::Conj if matches!(a.lower(e), "and" | "or" | "nor") => (true, e + 1),
            Class::Comma if a.class(e + 1) == Class::Conj && matches!(a.lower(e + 1), "and" | "or" | "nor") => {
                (true, e + 2)
            }
            Class::Comma => (false, e + 1),
            _ => break,
        };
        let Some(m) = a.np_at.get(next).copied().flatten() else { break };
        if !(link || np_has_content(a, m) && np_has_content(a, n)) {
            break;
        }
        // A list ends with "and X": a comma-only run is an apposition, not a list.
        if !link && !(a.nps[m].end..a.toks.len()).take(1).any(|j| matches!(a.class(j), Class::Comma | Class::Conj)) {
            break;
        }
        g.nps.push(m);
        g.end = a.nps[m].end;
    }
    g
}

/// Skips a parenthetical or an apposition that ends with the comma at `comma`
/// (", Vagharshak Harutiunyan,", ", at least until now,"); returns the index just
/// before its opening comma.
fn skip_parenthetical(a: &Analysis, comma: usize) -> Option<usize> {
    // ", who met U.S. envoy Amos Hochstein in Beirut last month,": a relative clause
    // between subject and verb, however long and whatever verbs it holds.
    let lo = comma.saturating_sub(30);
    if let Some(open) = (lo..comma).rev().find(|&j| a.class(j) == Class::Comma) {
        if open > 0 && matches!(a.lower(open + 1), "who" | "which" | "whose") && a.np_at[open - 1].is_some() {
            return Some(open - 1);
        }
    }
    let lo = comma.saturating_sub(10);
    let open = (lo..comma).rev().find(|&j| a.class(j) == Class::Comma)?;
    // Participles may stand in an aside ("in remarks published on Monday"); a
    // clause of its own (auxiliary, subordinator, event verb) may not.
    if (open + 1..comma).any(|j| {
        a.trigger_at[j].is_some() && a.verb_at[j]
            || matches!(a.class(j), Class::Sub | Class::Stop | Class::Aux | Class::Modal)
    }) || open == 0
    {
        return None;
    }
    Some(open - 1)
}

/// The subject of the clause whose verb group starts at `pos`.
pub fn subject(a: &Analysis, pos: usize) -> Option<NpGroup> {
    let mut j = pos;
    while j > 0 {
        let p = j - 1;
        match a.class(p) {
            Class::Adv | Class::Neg => j = p,
            // "protesters in Nairobi who were demanding": the relative pronoun's
            // antecedent is the subject.
            Class::Sub if j == pos && matches!(a.lower(p), "who" | "which" | "that") => return antecedent(a, p),
            _ if a.toks[p].time && a.np_at[p].is_none_or(|n| a.nps[n].time_only) => {
                j = a.np_at[p].map_or(p, |n| a.nps[n].start);
                if j > 0 && matches!(a.class(j - 1), Class::Prep) {
                    j -= 1;
                }
            }
            Class::Comma => match skip_parenthetical(a, p) {
                Some(k) => j = k + 1,
                None => return None,
            },
            // "the European Union (EU) agree": skip a bracketed aside.
            Class::Punct if a.lower(p) == ")" => match (p.saturating_sub(8)..p).rev().find(|&k| a.lower(k) == "(") {
                Some(open) => {
                    let inner = a.np_at[open + 1..p].iter().flatten().next().copied();
                    match (open.checked_sub(1).and_then(|q| a.np_at[q]), inner) {
                        (Some(_), _) => j = open,
                        (None, Some(n)) => return Some(group_left(a, n)),
                        _ => return None,
                    }
                }
                None => return None,
            },
            _ => {
                let n = a.np_at[p]?;
                let g = group_left(a, n);
                // "Thousands of opposition supporters marched": after a quantity, the
                // phrase of "of" is the subject.
                if g.start >= 2
                    && a.lower(g.start - 1) == "of"
                    && np_has_content(a, n)
                    && is_quantity(a.lower(g.start - 2))
                {
                    return Some(g);
                }
                if g.start > 0 && matches!(a.class(g.start - 1), Class::Prep | Class::To) {
                    // A prepositional phrase ("embassy in Russia"): look further left.
                    j = g.start - 1;
                    continue;
                }
                if a.nps[n].time_only {
                    j = g.start;
                    continue;
                }
                return Some(g);
            }
        }
    }
    None
}

/// The noun phrase a relative pronoun at `rel` refers to: the phrase right before
/// it, or the head that phrase's prepositional phrase modifies ("protesters in
/// Nairobi who ..."), even inside a prepositional phrase of its own.
fn antecedent(a: &Analysis, rel: usize) -> Option<NpGroup> {
    let n = a.np_at[rel.checked_sub(1)?]?;
    let g = group_left(a, n);
    if g.start >= 2 && a.class(g.start - 1) == Class::Prep {
        if let Some(m) = a.np_at[g.start - 2] {
            if np_has_content(a, m) && !np_has_content(a, n)
                || !a.nps[m].actors.is_empty() && a.nps[n].actors.iter().all(|r| r.place)
            {
                return Some(group_left(a, m));
            }
        }
    }
    Some(g)
}

fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "hundreds"
            | "dozens"
            | "millions"
            | "scores"
            | "tens"
            | "some"
            | "many"
            | "most"
            | "all"
            | "several"
            | "members"
            | "groups"
            | "crowds"
            | "hundred"
            | "thousand"
            | "dozen"
            | "number"
            | "majority"
            | "rest"
    )
}

/// ", the health ministry said" or ", according to officials" ends the clause
/// before it: the attribution is not the verb's object.
fn attribution_follows(a: &Analysis, comma: usize) -> bool {
    if a.lower(comma + 1) == "according" {
        return true;
    }
    let Some(v) = (comma + 1..(comma + 8).min(a.toks.len())).find(|&j| a.verb_at[j]) else { return false };
    matches!(a.lower(v), "said" | "says" | "told" | "reported" | "added" | "stated" | "announced" | "claimed")
        && (comma + 1..v).all(|j| a.np_at[j].is_some() || matches!(a.class(j), Class::Adv))
}

/// Where the clause that starts at `from` ends: a stop, a subordinator, or a
/// finite verb; infinitives ("to resume") stay in the clause.
pub fn clause_end(a: &Analysis, from: usize) -> usize {
    let n = a.toks.len();
    let mut j = from;
    while j < n {
        match a.class(j) {
            Class::Stop => return j,
            Class::Comma if attribution_follows(a, j) => return j,
            // "allowed that Mordor ...": a complement right after the verb belongs
            // to its phrase.
            Class::Sub
                if a.lower(j) == "that"
                    && (from..j).all(|i| a.toks[i].time || matches!(a.class(i), Class::Adv | Class::Prep)) => {}
            Class::Sub => return j,
            // "memos sent by Bree": a participle after a noun, with its agent, stays
            // inside the noun phrase.
            _ if a.verb_at[j] && j > from && participle_in_noun_phrase(a, j) => {}
            _ if a.verb_at[j] => {
                let mut p = j;
                while p > from && matches!(a.class(p - 1), Class::Adv | Class::Neg) {
                    p -= 1;
                }
                let infinitive = p > 0 && a.class(p - 1) == Class::To;
                let coordinated = p > 0 && a.class(p - 1) == Class::Conj && j > from;
                if !infinitive && !coordinated {
                    return j;
                }
                if coordinated && !infinitive {
                    return p - 1;
                }
            }
            _ => {}
        }
        j += 1;
    }
    n
}

/// "memos sent by Bree", "assurances sent from Bree": a participle right after a
/// noun, followed by its agent or origin, modifies the noun.
fn participle_in_noun_phrase(a: &Analysis, j: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "sent", "made", "given", "held", "brought", "taken", "written", "shown", "built", "led", "won", "known", "seen",
    ];
    let w = a.lower(j);
    j > 0
        && a.class(j - 1) == Class::Word
        && a.class(j) == Class::Word
        && matches!(a.lower(j + 1), "by" | "from")
        && (w.ends_with("ed") || IRREGULAR.contains(&w))
}

/// Whether phrase `n` names where something happens rather than who: a place after
/// "in", "at" or "near" ("talks in Moscow"), or a name inside a place's name ("into
/// the Sea of Japan", "in the Gulf of Mexico").
pub fn names_a_place(a: &Analysis, n: usize) -> bool {
    let np = &a.nps[n];
    let locative = np.start > 0
        && matches!(a.lower(np.start - 1), "in" | "at" | "near")
        && !np.actors.is_empty()
        && np.actors.iter().all(|r| r.place);
    // "marched through Brussels": whatever the name, a place.
    let locative = locative || np.start > 0 && matches!(a.lower(np.start - 1), "through" | "throughout");
    let in_place_name = np.start >= 2
        && a.lower(np.start - 1) == "of"
        && a.np_at[np.start - 2].is_some_and(|m| {
            let head = &a.nps[m];
            a.toks[np.start - 2].token.capitalized
                && head.actors.is_empty()
                && head.start > 0
                && matches!(a.lower(head.start - 1), "in" | "into" | "at" | "near" | "across" | "off")
        });
    locative || in_place_name
}

/// The first phrase group naming an actor in `[from, to)`.
pub fn first_actor_right(a: &Analysis, from: usize, to: usize) -> Option<NpGroup> {
    let mut j = from;
    while j < to {
        if let Some(n) = a.np_at[j] {
            let np = &a.nps[n];
            if np_has_content(a, n) && !np.time_only && !names_a_place(a, n) {
                return Some(group_right(a, n));
            }
            j = a.nps[n].end;
        } else {
            j += 1;
        }
    }
    None
}

/// The phrase after "by" following a passive verb.
pub fn by_agent(a: &Analysis, from: usize, to: usize) -> Option<NpGroup> {
    (from..to).find(|&j| a.lower(j) == "by").and_then(|j| first_actor_right(a, j + 1, (j + 6).min(to)))
}

/// The subject of the clause a verb of saying reports ("said that Baku and Moscow
/// scrapped ...", "warned that Yerevan's preference may ...").
pub fn reported_subject(a: &Analysis, after: usize) -> Option<NpGroup> {
    let n = a.toks.len();
    let mut j = after;
    // The reported clause's own verb: the next finite verb.
    while j < n && !matches!(a.class(j), Class::Stop) {
        if a.verb_at[j] && !(j > 0 && a.class(j - 1) == Class::To) {
            let mut p = j;
            while p > after && matches!(a.class(p - 1), Class::Adv | Class::Neg | Class::Aux | Class::Modal) {
                p -= 1;
            }
            return subject(a, p).filter(|g| g.start >= after);
        }
        j += 1;
    }
    None
}

/// A verb pattern that matched, with the slots it filled.
#[derive(Debug, Clone, Default)]
pub struct PatternMatch {
    pub pattern: usize,
    pub score: usize,
    pub source: Option<NpGroup>,
    pub target: Option<NpGroup>,
    pub compound: bool,
    pub mentions_negation: bool,
    /// The pattern itself names a modal ("INDICATED WOULD *"), so the modal does
    /// not make the event hypothetical.
    pub mentions_modal: bool,
}

/// Whether `phrase` stands at `at`. With `plurals`, a plural in the text matches a
/// singular in the pattern (Dragoman's own lexicon); PETRARCH patterns match as written.
fn phrase_at(a: &Analysis, at: usize, phrase: &[PhraseWord], plurals: bool) -> bool {
    at + phrase.len() <= a.toks.len()
        && phrase.iter().enumerate().all(|(j, w)| {
            let t = a.lower(at + j);
            word_matches(w, t) || (plurals && !w.stem && crate::inflect::singular(t) == w.text)
        })
}

fn options<'k>(elem: &'k PatternElem, k: &'k Knowledge) -> Option<(Vec<&'k [PhraseWord]>, bool)> {
    match elem {
        PatternElem::Word { word, joined } => Some((vec![std::slice::from_ref(word)], *joined)),
        PatternElem::Any { options, joined } => Some((options.iter().map(Vec::as_slice).collect(), *joined)),
        PatternElem::Synset { name, joined } => {
            let mut out = Vec::new();
            collect_synset(k, name, &mut out, 0);
            Some((out, *joined))
        }
        _ => None,
    }
}

fn collect_synset<'k>(k: &'k Knowledge, name: &str, out: &mut Vec<&'k [PhraseWord]>, depth: usize) {
    let Some(members) = k.verbs.synsets.get(&name.to_uppercase()) else { return };
    for m in members {
        if depth < 4 && m.len() == 1 && m[0].text.starts_with('&') {
            collect_synset(k, &m[0].text[1..], out, depth + 1);
        } else {
            out.push(m.as_slice());
        }
    }
}

/// A quick test before `match_pattern`: every literal word the pattern needs occurs
/// somewhere in the sentence (`words` holds the sentence's words and, for Dragoman's
/// own lexicon, their singulars). Community verbs carry hundreds of patterns each.
pub fn pattern_possible(p: &VerbPattern, words: &crate::fxhash::FxHashSet<&str>) -> bool {
    let present = |w: &PhraseWord| w.stem || words.contains(w.text.as_str());
    p.before.iter().chain(p.after.iter()).all(|e| match e {
        PatternElem::Word { word, .. } => present(word),
        PatternElem::Any { options, .. } => options.iter().any(|o| o.first().is_none_or(present)),
        _ => true,
    })
}

/// Tries one pattern against the words after the trigger (`[after, end)`) and
/// before it (`[begin, before)`).
#[allow(clippy::too_many_arguments)]
pub fn match_pattern(
    a: &Analysis,
    k: &Knowledge,
    p: &VerbPattern,
    plurals: bool,
    begin: usize,
    before: usize,
    after: usize,
    end: usize,
    subject: Option<&NpGroup>,
) -> Option<PatternMatch> {
    let mut m = PatternMatch::default();
    // After the trigger, left to right.
    let mut pos = after;
    let mut must_be_next = p.verb_joined_right;
    // A role right after a preposition of the pattern ("fire missiles at +") is that
    // preposition's object, not an actor further on ("fired a missile on Wednesday,
    // days after Pyongyang …"). Community dictionaries search on, as PETRARCH does.
    let mut after_preposition = false;
    for elem in &p.after {
        match elem {
            PatternElem::Target | PatternElem::Source | PatternElem::Compound => {
                let g = first_actor_right(a, pos, end)?;
                if must_be_next && g.start != pos {
                    return None;
                }
                if after_preposition && !k.community_verbs && (pos..g.start).any(|j| a.np_at[j].is_some()) {
                    return None;
                }
                pos = g.end;
                match elem {
                    PatternElem::Target => m.target = Some(g),
                    PatternElem::Source => m.source = Some(g),
                    _ => {
                        m.compound = true;
                        m.target = Some(g);
                    }
                }
                m.score += 1;
                must_be_next = false;
                after_preposition = false;
            }
            PatternElem::SkipPhrase => {
                let n = (pos..end).find_map(|j| a.np_at[j])?;
                pos = a.nps[n].end;
                must_be_next = false;
                after_preposition = false;
            }
            _ => {
                let (opts, joined) = options(elem, k)?;
                let limit = if must_be_next { pos + 1 } else { end };
                let (at, len) = (pos..limit.min(end))
                    .find_map(|j| opts.iter().find(|o| phrase_at(a, j, o, plurals)).map(|o| (j, o.len())))?;
                note_words(&mut m, &opts);
                after_preposition = len == 1 && a.class(at) == Class::Prep;
                pos = at + len;
                m.score += 2;
                must_be_next = joined;
            }
        }
    }
    // Before the trigger, right to left.
    let mut pos = before;
    for elem in p.before.iter().rev() {
        let joined_to_next = match elem {
            PatternElem::Word { joined, .. } | PatternElem::Any { joined, .. } | PatternElem::Synset { joined, .. } => {
                *joined
            }
            _ => false,
        };
        match elem {
            PatternElem::Source | PatternElem::Target | PatternElem::Compound => {
                let g = subject.cloned().filter(|g| g.start >= begin)?;
                match elem {
                    PatternElem::Compound => {
                        let count: usize = g.nps.iter().map(|&n| a.nps[n].actors.len().max(1)).sum();
                        if count < 2 {
                            return None;
                        }
                        m.compound = true;
                        m.source = Some(g.clone());
                    }
                    PatternElem::Target => m.target = Some(g.clone()),
                    _ => m.source = Some(g.clone()),
                }
                pos = g.start;
                m.score += 1;
            }
            PatternElem::SkipPhrase => {
                let n = (begin..pos).rev().find_map(|j| a.np_at[j])?;
                pos = a.nps[n].start;
            }
            _ => {
                let (opts, _) = options(elem, k)?;
                // Joined words (TABARI's underscore) stand right next to each other.
                let hit = if joined_to_next {
                    opts.iter()
                        .find(|o| o.len() <= pos && pos - o.len() >= begin && phrase_at(a, pos - o.len(), o, plurals))
                        .map(|o| (pos - o.len(), o.len()))?
                } else {
                    (begin..pos).rev().find_map(|j| {
                        opts.iter().find(|o| j + o.len() <= pos && phrase_at(a, j, o, plurals)).map(|o| (j, o.len()))
                    })?
                };
                note_words(&mut m, &opts);
                pos = hit.0;
                m.score += 2;
            }
        }
    }
    Some(m)
}

fn note_words(m: &mut PatternMatch, opts: &[&[PhraseWord]]) {
    let any = |f: &dyn Fn(&str) -> bool| opts.iter().any(|o| o.iter().any(|w| f(&w.text)));
    if any(&|w| matches!(w, "not" | "n't" | "never" | "neither" | "nor")) {
        m.mentions_negation = true;
    }
    if any(&|w| is_hypothetical_modal(w)) {
        m.mentions_modal = true;
    }
}

/// Whether the token at `i` opens a relative clause.
pub fn opens_relative(a: &Analysis, i: usize) -> bool {
    a.class(i) == Class::Sub && is_relative(a.lower(i))
}
