//! One sentence, analysed: word classes, actor and role mentions, event triggers and
//! noun phrases with the actors they name.
//!
//! The analysis is shallow on purpose. Clause roles are found from the positions of
//! noun phrases, prepositions and verbs (see `roles`), which is what TABARI did
//! successfully for decades, while dictionary knowledge (which words are verbs of
//! interest, which are actors) settles most of the ambiguities a tagger would.

use chrono::NaiveDate;

use super::words::{classify, pronoun_kind, Class, PronounKind};
use crate::knowledge::{word_matches, Knowledge};
use crate::lexicon::{ActorKind, AgentPlacement, PhraseWord};
use crate::text::tokens::{Token, TokenKind};

/// A token with its word class.
#[derive(Debug, Clone)]
pub struct Tok {
    pub token: Token,
    pub class: Class,
    /// Inside a time expression.
    pub time: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    Actor(usize),
    Agent(usize),
    /// A hyphenated run of countries ("Armenian-Azerbaijani").
    Several(Vec<usize>),
    /// A person the story introduced earlier with a title ("Prime Minister Fayez
    /// al-Serraj", then "Serraj"), as the story resolved them.
    Learned(Box<Resolved>),
}

/// People's names the dictionaries lack, learned from the phrases that introduced
/// them: the surname (lowercased and folded as tokens are) → the actor, the latest
/// introduction winning.
pub type LearnedNames = crate::fxhash::FxHashMap<String, Resolved>;

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// Matched by a close spelling, not exactly.
    pub fuzzy: bool,
}

/// An actor resolved to a code for this sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub code: String,
    pub name: String,
    /// Token range of the words that named it.
    pub start: usize,
    pub end: usize,
    pub rule: String,
    pub person: bool,
    /// A capital or region: in "talks in Moscow" it is where, not who.
    pub place: bool,
}

/// An event trigger found in the sentence.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub start: usize,
    pub end: usize,
    pub verb: usize,
}

/// A noun phrase.
#[derive(Debug, Clone, Default)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub actors: Vec<Resolved>,
    /// A personal pronoun, to be resolved from the discourse.
    pub pronoun: Option<PronounKind>,
    /// Role nouns with no country in the phrase ("the ministry"): agent index.
    pub bare_agent: Option<usize>,
    /// Only time words ("Wednesday", "January 13").
    pub time_only: bool,
    /// The actors are possessors of another head ("Yerevan's preference").
    pub possessive: bool,
}

/// Word-level facts about a sentence.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub toks: Vec<Tok>,
    pub mentions: Vec<Mention>,
    pub triggers: Vec<Trigger>,
    /// Token index → the trigger covering it.
    pub trigger_at: Vec<Option<usize>>,
    /// Token index → a clause verb (event verb or common verb) starts here.
    pub verb_at: Vec<bool>,
    pub nps: Vec<Np>,
    pub np_at: Vec<Option<usize>>,
    /// Token index → the mention covering it.
    pub mention_of: Vec<Option<usize>>,
}

impl Analysis {
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.token.lower.as_str()).unwrap_or("")
    }

    pub fn class(&self, i: usize) -> Class {
        self.toks.get(i).map(|t| t.class).unwrap_or(Class::Stop)
    }
}

pub fn analyse(
    tokens: Vec<Token>,
    time_spans: &[(usize, usize)],
    k: &Knowledge,
    date: NaiveDate,
    learned: &LearnedNames,
) -> Analysis {
    let toks: Vec<Tok> = tokens
        .into_iter()
        .map(|t| {
            let mut class = classify(&t.lower, t.kind == TokenKind::Number, t.kind == TokenKind::Punct);
            // "US" in capitals is the country, not the pronoun.
            if class == Class::Pron && t.lower == "us" && t.capitalized {
                class = Class::Word;
            }
            let time = time_spans.iter().any(|&(s, e)| t.start >= s && t.end <= e);
            Tok { token: t, class, time }
        })
        .collect();
    let n = toks.len();
    let mentions = find_mentions(&toks, k, learned);
    let mut mention_of = vec![None; n];
    for (mi, m) in mentions.iter().enumerate() {
        mention_of[m.start..m.end].iter_mut().for_each(|x| *x = Some(mi));
    }
    let mut a = Analysis {
        mention_of,
        toks,
        mentions,
        triggers: Vec::new(),
        trigger_at: vec![None; n],
        verb_at: vec![false; n],
        nps: Vec::new(),
        np_at: vec![None; n],
    };
    find_triggers(&mut a, k);
    chunk_noun_phrases(&mut a, k, date);
    a
}

fn phrase_matches(toks: &[Tok], at: usize, phrase: &[PhraseWord]) -> bool {
    phrase.len() <= toks.len() - at
        && phrase.iter().enumerate().all(|(j, w)| word_matches(w, &toks[at + j].token.lower))
}

fn proper_kind(kind: ActorKind) -> bool {
    !matches!(kind, ActorKind::Other | ActorKind::Adjective)
}

fn find_mentions(toks: &[Tok], k: &Knowledge, learned: &LearnedNames) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].class == Class::Punct || toks[i].class == Class::Comma || toks[i].class == Class::Stop {
            i += 1;
            continue;
        }
        let lower = toks[i].token.lower.as_str();
        let mut best: Option<(usize, MentionKind)> = None;
        k.actor_index.candidates(lower, |e, _| {
            let entry = &k.actors[e];
            let len = entry.phrase.len();
            // Built-in proper names must be capitalised in the text ("china" the
            // porcelain is not China); community dictionaries are matched as TABARI did.
            if proper_kind(entry.kind) && !toks[i].token.capitalized {
                return;
            }
            if phrase_matches(toks, i, &entry.phrase) && best.as_ref().is_none_or(|(l, _)| len > *l) {
                best = Some((len, MentionKind::Actor(e)));
            }
        });
        k.agent_index.candidates(lower, |e, _| {
            let len = k.agents[e].phrase.len();
            if phrase_matches(toks, i, &k.agents[e].phrase) && best.as_ref().is_none_or(|(l, _)| len > *l) {
                best = Some((len, MentionKind::Agent(e)));
            }
        });
        // "Hassan Sheikh thanked …" is not Tirana Hassan: a person's one-word name
        // followed by more of a name is somebody else's first or middle name.
        let continues_name = |j: usize| {
            toks.get(j).is_some_and(|t| {
                t.class == Class::Word
                    && (t.token.capitalized
                        || ["al-", "el-", "bin", "ibn", "bint"].iter().any(|p| t.token.lower.starts_with(p)))
            })
        };
        if let Some((1, MentionKind::Actor(e))) = &best {
            if k.actors[*e].kind == ActorKind::Person && continues_name(i + 1) && !k.community_verbs {
                i += 1;
                while continues_name(i) {
                    i += 1;
                }
                continue;
            }
        }
        // "Defence Minister Aden Duale": a place's one-word name right after a title
        // and before more of a name is somebody's first name.
        if let Some((1, MentionKind::Actor(e))) = &best {
            let after_title =
                out.last().is_some_and(|m: &Mention| m.end == i && matches!(m.kind, MentionKind::Agent(_)));
            if matches!(k.actors[*e].kind, ActorKind::Capital | ActorKind::Country)
                && after_title
                && continues_name(i + 1)
                && !k.community_verbs
            {
                best = None;
            }
        }
        if best.is_none() && toks[i].token.capitalized {
            if let Some(actor) = learned.get(lower) {
                best = Some((1, MentionKind::Learned(Box::new(actor.clone()))));
            }
        }
        if let Some((len, kind)) = best {
            out.push(Mention { start: i, end: i + len, kind, fuzzy: false });
            i += len;
            continue;
        }
        if lower.contains('-') {
            if let Some(m) = hyphenated(toks, i, k) {
                out.push(m);
            }
        } else if toks[i].token.capitalized && lower.chars().count() >= 6 && !continues_name(i + 1) {
            if let Some(e) = fuzzy_person(lower, k) {
                out.push(Mention { start: i, end: i + 1, kind: MentionKind::Actor(e), fuzzy: true });
            }
        }
        i += 1;
    }
    out
}

/// "Armenian-Azerbaijani" names two countries; "Russian-brokered" and
/// "pro-Armenian" name none that act in the phrase.
fn hyphenated(toks: &[Tok], i: usize, k: &Knowledge) -> Option<Mention> {
    let lower = toks[i].token.lower.as_str();
    let parts: Vec<&str> = lower.split('-').collect();
    if matches!(parts[0], "pro" | "anti" | "non" | "ex" | "post" | "pre" | "neo") {
        return None;
    }
    // "Hamas-led gunmen", "Houthi-run ministry", "Taliban-claimed attack": the actor
    // that leads, runs or claims is the phrase's actor ("Russian-backed" is not:
    // the backer is someone else).
    if parts.len() == 2 && matches!(parts[1], "led" | "run" | "controlled" | "claimed" | "commanded" | "ruled") {
        let mut hit = None;
        k.actor_index.candidates(parts[0], |e, _| {
            let entry = &k.actors[e];
            if entry.phrase.len() == 1 && word_matches(&entry.phrase[0], parts[0]) && entry.kind != ActorKind::Person {
                hit = Some(e);
            }
        });
        return hit.map(|e| Mention { start: i, end: i + 1, kind: MentionKind::Actor(e), fuzzy: false });
    }
    let mut found = Vec::new();
    for p in &parts {
        let mut hit = None;
        k.actor_index.candidates(p, |e, _| {
            let entry = &k.actors[e];
            if entry.phrase.len() == 1 && word_matches(&entry.phrase[0], p) && entry.kind != ActorKind::Person {
                hit = Some(e);
            }
        });
        match hit {
            Some(e) => found.push(e),
            None => return None,
        }
    }
    (found.len() >= 2).then(|| Mention { start: i, end: i + 1, kind: MentionKind::Several(found), fuzzy: false })
}

/// A person's last name spelt one letter off ("Pashiniyan" for "Pashinyan").
fn fuzzy_person(lower: &str, k: &Knowledge) -> Option<usize> {
    if k.surnames.is_empty() {
        return None;
    }
    let limit = if lower.chars().count() >= 9 { 2 } else { 1 };
    let mut hit: Option<usize> = None;
    let b = lower.as_bytes();
    let names = (lower.len().saturating_sub(limit)..=lower.len() + limit)
        .filter_map(|len| k.surnames.get(&(b[0], b[1], len)))
        .flatten();
    for (name, entries) in names {
        if edit_distance_within(name, lower, limit) <= limit {
            if hit.is_some_and(|h| k.actors[h].codes != k.actors[entries[0]].codes) {
                return None;
            }
            hit = Some(entries[0]);
        }
    }
    hit
}

/// Levenshtein distance with adjacent transpositions, on characters, giving up
/// (returning `limit + 1`) as soon as the distance must exceed `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> usize {
    const MAX: usize = 48;
    let mut ab = ['\0'; MAX];
    let mut bb = ['\0'; MAX];
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == MAX {
            return limit + 1;
        }
        ab[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == MAX {
            return limit + 1;
        }
        bb[lb] = c;
        lb += 1;
    }
    if la.abs_diff(lb) > limit {
        return limit + 1;
    }
    let mut prev2 = [0usize; MAX + 1];
    let mut prev = [0usize; MAX + 1];
    let mut cur = [0usize; MAX + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for i in 1..=la {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=lb {
            let cost = usize::from(ab[i - 1] != bb[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && ab[i - 1] == bb[j - 2] && ab[i - 2] == bb[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[lb].min(limit + 1)
}

fn mention_at(a: &Analysis, i: usize) -> Option<&Mention> {
    a.mention_of.get(i).copied().flatten().map(|m| &a.mentions[m])
}

/// Is the word at `i`, a form of an event verb, used as a noun here?
/// `base`: the word is a verb's base form ("strike", not "struck").
fn noun_context(a: &Analysis, i: usize, k: &Knowledge, base: bool) -> bool {
    let lower = a.lower(i);
    // "the government says": verbs whose -s form is never a plural noun.
    let never_noun = matches!(
        lower,
        "says"
            | "tells"
            | "adds"
            | "warns"
            | "urges"
            | "accuses"
            | "vows"
            | "threatens"
            | "condemns"
            | "insists"
            | "denies"
    );
    let plural_like = lower.ends_with('s') && !lower.ends_with("ss") && !never_noun;
    let ing = lower.ends_with("ing");
    if i == 0 {
        return plural_like;
    }
    let prev = i - 1;
    match a.class(prev) {
        Class::Det | Class::PossPron | Class::Poss | Class::Num => !ing || a.class(prev) != Class::Poss,
        // "responded by recalling its ambassadors": a gerund of manner is a verb.
        Class::Prep => !(ing && a.lower(prev) == "by"),
        Class::To => plural_like,
        Class::Aux | Class::Modal | Class::Neg | Class::Adv | Class::Pron | Class::Sub | Class::Conj => false,
        Class::Word => {
            if let Some(m) = mention_at(a, prev) {
                // "a package of European Union sanctions": a name that itself follows a
                // preposition or determiner modifies the word after it, a noun.
                let name_in_phrase = m.start > 0
                    && matches!(
                        a.class(m.start - 1),
                        Class::Prep | Class::Det | Class::PossPron | Class::Poss | Class::Num
                    );
                return match &m.kind {
                    MentionKind::Actor(e) => {
                        (matches!(k.actors[*e].kind, ActorKind::Adjective) || name_in_phrase && plural_like)
                            && !a.toks[i].token.capitalized
                    }
                    MentionKind::Several(_) => true,
                    MentionKind::Learned(_) => false,
                    // "a military strike", "the opposition march": a role word that
                    // itself follows a determiner modifies the noun after it.
                    MentionKind::Agent(_) => plural_like || name_in_phrase && base,
                };
            }
            // "the militia vowed": a past form after a noun is its verb.
            if a.toks[prev].token.capitalized || lower.ends_with("ed") {
                return false;
            }
            // "a brief private visit": adjectives back to a determiner.
            let mut q = prev;
            while q > 0
                && a.class(q) == Class::Word
                && !a.toks[q].token.capitalized
                && mention_at(a, q).is_none()
                && prev - q < 3
            {
                q -= 1;
            }
            if matches!(a.class(q), Class::Det | Class::PossPron | Class::Poss | Class::Num) && q != prev {
                return true;
            }
            // "abandon new economic trade relations": modifiers right after a verb
            // open its object, so the word is a noun.
            if q != prev && (a.verb_at[q] || a.trigger_at[q].is_some()) {
                return true;
            }
            plural_like
        }
        _ => false,
    }
}

fn find_triggers(a: &mut Analysis, k: &Knowledge) {
    let n = a.toks.len();
    let mut in_actor_name = vec![false; n];
    for m in a.mentions.iter() {
        // Nor the words of a role before its last ("riot police"); a role's last
        // word is left to the trigger rules, as before.
        let end = if matches!(m.kind, MentionKind::Agent(_)) { m.end - 1 } else { m.end };
        in_actor_name[m.start..end.max(m.start)].iter_mut().for_each(|f| *f = true);
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // Names are not verbs: "the United States", a capitalised word mid-sentence,
        // or any word inside an actor's name.
        let in_actor = in_actor_name[i];
        if (a.toks[i].class != Class::Word && a.toks[i].class != Class::Prep)
            || in_actor
            || (i > 0 && a.toks[i].token.capitalized && !k.community_verbs)
        {
            i += 1;
            continue;
        }
        // Longest form starting here; noun and verb readings both considered.
        cands.clear();
        k.verb_index.candidates(&a.toks[i].token.lower, |v, f| {
            let form = &k.verbs.verbs[v].forms[f];
            if form.len() <= n - i && form.iter().enumerate().all(|(j, w)| a.toks[i + j].token.lower == *w) {
                cands.push((v, form.len()));
            }
        });
        if a.toks[i].class == Class::Prep {
            cands.retain(|&(_, len)| len > 1);
        }
        // "very close", "more open": a degree adverb makes the word an adjective.
        if i > 0
            && matches!(a.lower(i - 1), "very" | "too" | "so" | "more" | "most" | "less" | "least" | "quite" | "rather")
        {
            i += 1;
            continue;
        }
        let base = cands.iter().any(|&(v, _)| k.verbs.verbs[v].lemma.split(' ').next() == Some(a.lower(i)));
        let mut as_noun = noun_context(a, i, k, base);
        let best_of = |noun: bool| {
            cands.iter().filter(|&&(v, _)| k.verbs.verbs[v].noun == noun).max_by_key(|&&(_, len)| len).copied()
        };
        let mut pick = best_of(as_noun);
        // "military offensive": a word that is only a noun trigger, after a
        // modifier, is read as the noun even where a verb could stand.
        if pick.is_none() && !as_noun && i > 0 && a.class(i - 1) == Class::Word && !a.toks[i].token.capitalized {
            let prev_is_name = mention_at(a, i - 1)
                .is_some_and(|m| matches!(m.kind, MentionKind::Actor(e) if proper_kind(k.actors[e].kind)));
            if !prev_is_name {
                pick = best_of(true);
                as_noun = pick.is_some();
            }
        }
        if let Some((v, len)) = pick {
            let t = a.triggers.len();
            a.triggers.push(Trigger { start: i, end: i + len, verb: v });
            for j in i..i + len {
                a.trigger_at[j] = Some(t);
            }
            if !as_noun {
                a.verb_at[i] = true;
            }
            i += len;
            continue;
        }
        // A past tense the dictionaries do not know still heads a clause
        // ("Ethiopia indicated it ...").
        let unknown_past = a.lower(i).len() > 4
            && a.lower(i).ends_with("ed")
            && !a.toks[i].token.capitalized
            && i > 0
            && !matches!(
                a.class(i - 1),
                Class::Det | Class::PossPron | Class::Poss | Class::Prep | Class::Num | Class::To
            )
            && !a.verb_at[i - 1]
            && a.trigger_at[i - 1].is_none();
        if !as_noun
            && (k.clause_verbs.contains_key(a.lower(i)) || !cands.is_empty() || unknown_past)
            && a.class(i) == Class::Word
            && mention_at(a, i).is_none()
        {
            a.verb_at[i] = true;
        }
        i += 1;
    }
    for i in 0..n {
        if a.class(i) == Class::Aux || a.class(i) == Class::Modal {
            a.verb_at[i] = true;
        }
    }
}

fn is_np_word(a: &Analysis, i: usize) -> bool {
    match a.class(i) {
        Class::Det | Class::PossPron | Class::Word | Class::Num | Class::Poss => {
            !a.verb_at[i] && a.trigger_at[i].is_none_or(|t| !a.verb_at[a.triggers[t].start])
        }
        _ => false,
    }
}

fn chunk_noun_phrases(a: &mut Analysis, k: &Knowledge, date: NaiveDate) {
    let n = a.toks.len();
    let mut i = 0;
    while i < n {
        if a.class(i) == Class::Pron {
            let np = Np { start: i, end: i + 1, pronoun: pronoun_kind(a.lower(i)), ..Np::default() };
            a.np_at[i] = Some(a.nps.len());
            a.nps.push(np);
            i += 1;
            continue;
        }
        // A mention always belongs to a phrase, even when its words are ambiguous.
        let in_mention = |a: &Analysis, j: usize| mention_at(a, j).is_some() && a.trigger_at[j].is_none();
        if !(is_np_word(a, i) || in_mention(a, i)) || a.class(i) == Class::Poss {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && (is_np_word(a, i) || in_mention(a, i)) {
            // "called Zelenskiy an illegitimate leader", "gave Armenia a loan": an
            // article after a noun opens a phrase of its own.
            if i > start
                && matches!(a.lower(i), "a" | "an" | "the")
                && a.class(i - 1) == Class::Word
                && !in_mention(a, i)
            {
                break;
            }
            // "Russia urged": a proper-noun actor followed by a capitalised name is
            // one phrase, but a phrase never runs on past a verb.
            i += 1;
        }
        let np = compose(a, k, start, i, date);
        for j in start..i {
            a.np_at[j] = Some(a.nps.len());
        }
        a.nps.push(np);
    }
    attach_of_phrases(a, k, date);
}

/// Resolves the actors a phrase names: a person's own code, or a country composed
/// with a role ("the Armenian ambassador" → ARMGOV), or the names themselves.
fn compose(a: &Analysis, k: &Knowledge, start: usize, end: usize, date: NaiveDate) -> Np {
    let mut np = Np { start, end, ..Np::default() };
    np.time_only = (start..end).all(|j| a.toks[j].time || matches!(a.class(j), Class::Det | Class::Poss));
    // Mentions are found left to right and do not overlap: those inside the phrase
    // are a run of them.
    let first = a.mentions.partition_point(|m| m.start < start);
    let ms: Vec<&Mention> = a.mentions[first..].iter().take_while(|m| m.start < end).filter(|m| m.end <= end).collect();
    let possessive_at = (start..end).rev().find(|&j| a.class(j) == Class::Poss);
    let mut countries: Vec<Resolved> = Vec::new();
    let mut people: Vec<Resolved> = Vec::new();
    let mut agent: Option<(usize, usize)> = None;
    let mut all_agents: Vec<usize> = Vec::new();
    let agent_in_phrase = ms.iter().find(|m| matches!(m.kind, MentionKind::Agent(_)));
    for m in &ms {
        match &m.kind {
            MentionKind::Actor(e) => {
                let entry = &k.actors[*e];
                let Some(code) = code_on(&entry.codes, date) else { continue };
                // "FRO/BIL/SAM": one phrase naming several actors.
                if code.contains('/') {
                    for part in code.split('/').filter(|p| !p.is_empty()) {
                        countries.push(Resolved {
                            code: part.to_string(),
                            name: entry.name.clone(),
                            start: m.start,
                            end: m.end,
                            rule: entry.rule.clone(),
                            person: false,
                            place: false,
                        });
                    }
                    continue;
                }
                let mut code = code;
                // A capital that acts stands for its government ("Moscow offered").
                if entry.kind == ActorKind::Capital && agent_in_phrase.is_none() && code.len() == 3 {
                    code.push_str("GOV");
                }
                let r = Resolved {
                    code,
                    name: entry.name.clone(),
                    start: m.start,
                    end: m.end,
                    rule: entry.rule.clone(),
                    person: entry.kind == ActorKind::Person,
                    place: matches!(entry.kind, ActorKind::Capital | ActorKind::Region),
                };
                if r.person {
                    people.push(r);
                } else {
                    countries.push(r);
                }
            }
            MentionKind::Several(es) => {
                for e in es {
                    let entry = &k.actors[*e];
                    if let Some(code) = code_on(&entry.codes, date) {
                        countries.push(Resolved {
                            code,
                            name: entry.name.clone(),
                            start: m.start,
                            end: m.end,
                            rule: entry.rule.clone(),
                            person: false,
                            place: false,
                        });
                    }
                }
            }
            MentionKind::Learned(r) => {
                people.push(Resolved {
                    start: m.start,
                    end: m.end,
                    rule: "named earlier in the story".into(),
                    ..(**r).clone()
                });
            }
            // "the bloc's dominant power", "Timor-Leste's bid to join the bloc": a
            // referring "bloc" or "alliance" is resolved as a whole later, never
            // composed with a country beside it.
            MentionKind::Agent(g) if is_referring_bloc(k, *g) && ms.len() > 1 => {}
            MentionKind::Agent(g) => {
                all_agents.push(*g);
                if agent.is_none() {
                    agent = Some((*g, m.start));
                }
            }
        }
    }
    // The head of "Yerevan's current preference" is not an actor: the possessor is
    // what the phrase contributes.
    if let Some(p) = possessive_at {
        let head_is_actor = ms.iter().any(|m| m.start > p);
        np.possessive = !head_is_actor;
        // "Taiwan's most important backer", "Russia's allies": a relation to the
        // possessor, which is someone else.
        if !head_is_actor && RELATIONAL.contains(&a.lower(end - 1)) {
            return np;
        }
    }
    if !people.is_empty() {
        np.actors = people;
        return np;
    }
    // "Seoul's Joint Chiefs of Staff", "Pakistan's Inter-Services Intelligence": a
    // country's possessive before an institution the dictionaries file under
    // another country says whose it is; the institution keeps its sector.
    if let Some(p) = possessive_at {
        let owner: Vec<String> =
            countries.iter().filter(|c| c.start < p).filter_map(|c| super::country_of(&c.code)).collect();
        let heads = countries.iter().filter(|c| c.start > p && c.code.len() > 3);
        if let [owner] = owner.as_slice() {
            // ("Algeria's High Security Council" is no UN body: a state's own
            // council, its government.)
            let moved: Vec<Resolved> = heads
                .filter(|c| match super::country_of(&c.code) {
                    Some(hc) => hc != *owner,
                    None => c.code.starts_with("IGO"),
                })
                .map(|c| {
                    let sector = if c.code.starts_with("IGO") { "GOV" } else { &c.code[3..] };
                    Resolved { code: format!("{owner}{sector}"), ..c.clone() }
                })
                .collect();
            if !moved.is_empty() {
                np.actors = moved;
                return np;
            }
        }
    }
    if let Some((g, at)) = agent {
        let owners: Vec<&Resolved> = countries.iter().filter(|c| c.start < at || possessive_at.is_none()).collect();
        if owners.is_empty() {
            np.bare_agent = Some(g);
            return np;
        }
        for c in owners {
            // "An MSF Arnor diplomat": every role in the phrase composes (NGOARNGOV).
            let code = all_agents
                .iter()
                .fold(c.code.clone(), |code, &g| compose_code(&code, &k.agents[g].code, k.agents[g].placement));
            np.actors.push(Resolved {
                code,
                name: c.name.clone(),
                start: c.start.min(at),
                end,
                rule: c.rule.clone(),
                person: false,
                place: false,
            });
        }
        return np;
    }
    np.actors = countries;
    np
}

/// Heads that name someone by their relation to the possessor ("Taiwan's backer").
/// Not "critics" or "opponents": "Pashinyan's opponents" are Armenians.
const RELATIONAL: &[&str] = &[
    "backer",
    "backers",
    "ally",
    "allies",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "partner",
    "partners",
    "rival",
    "rivals",
    "enemy",
    "enemies",
    "foe",
    "foes",
    "adversary",
    "adversaries",
    "patron",
    "patrons",
    "sponsor",
    "sponsors",
    "friend",
    "friends",
    "creditor",
    "creditors",
];

/// Joins an actor code and a role code the way CAMEO does.
/// Whether agent `g` is "bloc" or "alliance" alone: the international body the story
/// named last (the coder resolves it).
pub fn is_referring_bloc(k: &Knowledge, g: usize) -> bool {
    let ag = &k.agents[g];
    ag.code == "IGO" && ag.phrase.len() == 1 && matches!(ag.phrase[0].text.as_str(), "bloc" | "alliance")
}

pub fn compose_code(actor: &str, role: &str, placement: AgentPlacement) -> String {
    if actor.ends_with(role) {
        return actor.to_string();
    }
    match placement {
        AgentPlacement::Suffix => format!("{actor}{role}"),
        AgentPlacement::Prefix => format!("{role}{actor}"),
    }
}

/// The first code valid on `date`; an entry with no codes names no actor.
pub fn code_on(codes: &[crate::lexicon::DatedCode], date: NaiveDate) -> Option<String> {
    codes.iter().find(|c| c.valid_on(date)).filter(|c| c.code != "---").map(|c| c.code.clone())
}

/// "the ambassadors of Arnor, Osgiliath and Gondor", "the leaders of Russia and
/// Armenia": a bare role followed by "of" and countries composes with each.
fn attach_of_phrases(a: &mut Analysis, k: &Knowledge, _date: NaiveDate) {
    for idx in 0..a.nps.len() {
        if a.nps[idx].bare_agent.is_none() {
            continue;
        }
        // "its citizens from Sudan": the possessive names the owner, not the place.
        if a.class(a.nps[idx].start) == Class::PossPron {
            continue;
        }
        let of = a.nps[idx].end;
        // "of" always; "from" and "in" only for the first phrase of a list
        // ("soldiers from Gondor", but not "the ministry and embassy in Russia").
        // Roles listed together share the place: "lawmakers and officials in Fornost".
        let mut list = vec![idx];
        while let Some(&first) = list.first() {
            let s0 = a.nps[first].start;
            if s0 < 2 || !matches!(a.class(s0 - 1), Class::Conj | Class::Comma) {
                break;
            }
            match a.np_at[s0 - 2] {
                Some(p) if a.nps[p].bare_agent.is_some() && a.nps[p].actors.is_empty() => list.insert(0, p),
                _ => break,
            }
        }
        let first_start = a.nps[list[0]].start;
        let first_in_list = first_start == 0 || !matches!(a.class(first_start - 1), Class::Conj | Class::Comma);
        if !(a.lower(of) == "of" || matches!(a.lower(of), "from" | "in") && first_in_list) {
            continue;
        }
        let mut owners = Vec::new();
        let mut j = of + 1;
        while let Some(o) = a.np_at.get(j).copied().flatten() {
            // "protesters in Tbilisi": the capital gives its country, not its government.
            owners.extend(a.nps[o].actors.iter().filter(|r| !r.person).map(|r| {
                let mut r = r.clone();
                if r.place && r.code.len() > 3 && r.code.is_char_boundary(3) {
                    r.code.truncate(3);
                }
                r
            }));
            j = a.nps[o].end;
            if matches!(a.class(j), Class::Comma | Class::Conj) && a.np_at.get(j + 1).copied().flatten().is_some() {
                j += 1;
            } else if a.class(j) == Class::Comma && a.class(j + 1) == Class::Conj {
                j += 2;
            } else {
                break;
            }
        }
        if owners.is_empty() {
            continue;
        }
        for n in list {
            let Some(gi) = a.nps[n].bare_agent else { continue };
            let ag = &k.agents[gi];
            let np = &mut a.nps[n];
            np.bare_agent = None;
            np.actors = owners
                .iter()
                .cloned()
                .map(|c| Resolved {
                    code: compose_code(&c.code, &ag.code, ag.placement),
                    start: np.start,
                    end: c.end,
                    place: false,
                    ..c
                })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::edit_distance_within as d;

    #[test]
    fn edit_distance_counts_edits_and_gives_up_early() {
        assert_eq!(d("pashinyan", "pashiniyan", 2), 1);
        assert_eq!(d("aliyev", "aliev", 2), 1);
        assert_eq!(d("ab", "ba", 2), 1);
        assert_eq!(d("putin", "putin", 1), 0);
        assert_eq!(d("macron", "merkel", 1), 2);
        assert_eq!(d("", "abc", 5), 3);
    }
}
