//! Dictionaries compiled for matching: the one value the coder reads.
//!
//! `KnowledgeBuilder` gathers entries from the built-in files and from community
//! (PETRARCH/TABARI) files, then `build` indexes every phrase by its first word so
//! that matching a sentence is a hash lookup per token. Building takes milliseconds
//! for the built-ins and stays well under a second for the full Phoenix set.

use crate::fxhash::FxHashMap;

use crate::builtin_verbs::{read_event_lexicon, EventLexicon, BUILTIN_VERBS};
use crate::inflect::verb_forms;
use crate::lexicon::{ActorEntry, ActorKind, AgentEntry, DictIssue, DiscardEntry, PhraseWord, VerbLexicon};

/// An index from a phrase's first word to the phrases that start with it.
#[derive(Debug, Default, Clone)]
pub struct PhraseIndex {
    exact: FxHashMap<String, Vec<(u32, u32)>>,
    stems: FxHashMap<String, Vec<(u32, u32)>>,
    stem_lengths: Vec<usize>,
}

impl PhraseIndex {
    fn insert(&mut self, first: &PhraseWord, entry: usize, variant: usize) {
        let key = (entry as u32, variant as u32);
        if first.stem {
            let len = first.text.len();
            if !self.stem_lengths.contains(&len) {
                self.stem_lengths.push(len);
            }
            self.stems.entry(first.text.clone()).or_default().push(key);
        } else {
            self.exact.entry(first.text.clone()).or_default().push(key);
        }
    }

    /// Calls `f` with every (entry, variant) whose first word matches `token`.
    pub fn candidates(&self, token: &str, mut f: impl FnMut(usize, usize)) {
        if let Some(v) = self.exact.get(token) {
            v.iter().for_each(|&(e, k)| f(e as usize, k as usize));
        }
        for &len in &self.stem_lengths {
            if len <= token.len() && token.is_char_boundary(len) {
                if let Some(v) = self.stems.get(&token[..len]) {
                    v.iter().for_each(|&(e, k)| f(e as usize, k as usize));
                }
            }
        }
    }
}

/// Whether a dictionary word matches a token (folded, lowercased).
pub fn word_matches(word: &PhraseWord, token: &str) -> bool {
    if word.stem {
        token.starts_with(word.text.as_str())
    } else {
        word.text == token
    }
}

/// A last name and the person entries that end with it.
pub type Surname = (String, Vec<usize>);

/// Everything the coder knows, indexed.
#[derive(Debug, Default)]
pub struct Knowledge {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub discards: Vec<DiscardEntry>,
    pub verbs: VerbLexicon,
    /// Per verb: is it a verb of saying?
    pub say: Vec<bool>,
    /// Per verb: read from a community (PETRARCH) file, matched with its conventions.
    pub community: Vec<bool>,
    /// Problems found while reading the dictionaries.
    pub issues: Vec<DictIssue>,
    /// Whether community (PETRARCH) verb patterns were loaded; they come with
    /// PETRARCH's conventions (events need a target).
    pub community_verbs: bool,
    pub actor_index: PhraseIndex,
    pub agent_index: PhraseIndex,
    pub discard_index: PhraseIndex,
    /// Verb forms: (verb, form) by first word.
    pub verb_index: PhraseIndex,
    /// Forms of common verbs that carry no event but mark a clause ("came", "is").
    pub clause_verbs: FxHashMap<String, ()>,
    /// Last names of people by (first two bytes, length), for names misspelt in the
    /// text; a slip in the first two letters is rare and checking it costly.
    pub surnames: FxHashMap<(u8, u8, usize), Vec<Surname>>,
    /// Built-in entries a user file replaces: the same actor or role phrase, or a
    /// verb with the same headword. They are not indexed, so the user's entry wins.
    pub shadowed: Vec<Shadowed>,
}

/// A built-in entry that a user dictionary entry replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowed {
    /// "actor", "role" or "verb".
    pub kind: &'static str,
    /// The phrase or headword, lowercased.
    pub phrase: String,
    /// `file:line` of the built-in entry and of the user's.
    pub builtin: String,
    pub user: String,
}

/// Collects dictionaries, then indexes them.
#[derive(Debug, Default)]
pub struct KnowledgeBuilder {
    actors: Vec<ActorEntry>,
    agents: Vec<AgentEntry>,
    discards: Vec<DiscardEntry>,
    verbs: VerbLexicon,
    say: Vec<usize>,
    community: Vec<usize>,
    issues: Vec<DictIssue>,
    community_verbs: bool,
    /// Which entries came from the built-ins: (actors, agents, verbs) index ranges.
    builtin: Option<(std::ops::Range<usize>, std::ops::Range<usize>, std::ops::Range<usize>)>,
}

/// A phrase as a lookup key: its words, lowercased, with a stem mark, without a
/// leading "the" (a user's KREMLIN replaces the built-in "the Kremlin" too).
fn phrase_key(p: &[PhraseWord]) -> String {
    let p = if p.len() > 1 && p[0].text == "the" { &p[1..] } else { p };
    let words: Vec<String> = p.iter().map(|w| if w.stem { format!("{}*", w.text) } else { w.text.clone() }).collect();
    words.join(" ")
}

/// Marks the entries in `builtin` whose key a later (user) entry repeats, and records
/// each pair; the last user entry for a key is named.
fn shadow<'e>(
    kind: &'static str,
    keys: impl ExactSizeIterator<Item = (String, &'e str)>,
    builtin: &std::ops::Range<usize>,
    out: &mut Vec<Shadowed>,
) -> Vec<bool> {
    // With no user entries (the usual run) no key is built at all.
    let total = keys.len();
    if builtin.start == 0 && builtin.end >= total {
        return vec![false; total];
    }
    let keys: Vec<(String, &str)> = keys.collect();
    let user: FxHashMap<&str, &str> =
        keys.iter().enumerate().filter(|(i, _)| !builtin.contains(i)).map(|(_, (k, r))| (k.as_str(), *r)).collect();
    let mut hidden = vec![false; keys.len()];
    if user.is_empty() {
        return hidden;
    }
    for i in builtin.clone() {
        if let Some(user_rule) = keys.get(i).and_then(|(k, _)| user.get(k.as_str())) {
            hidden[i] = true;
            out.push(Shadowed {
                kind,
                phrase: keys[i].0.clone(),
                builtin: keys[i].1.to_string(),
                user: user_rule.to_string(),
            });
        }
    }
    hidden
}

impl KnowledgeBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the built-in actors, roles and event lexicon.
    pub fn builtin(mut self) -> Self {
        let (k, issues) = crate::builtin::load_builtin();
        let (a0, g0, v0) = (self.actors.len(), self.agents.len(), self.verbs.verbs.len());
        self.actors.extend(k.actors);
        self.agents.extend(k.agents);
        self.issues.extend(issues);
        let (lex, issues) = read_event_lexicon(BUILTIN_VERBS.0, BUILTIN_VERBS.1);
        self.add_event_lexicon(lex);
        self.issues.extend(issues);
        self.builtin = Some((a0..self.actors.len(), g0..self.agents.len(), v0..self.verbs.verbs.len()));
        self
    }

    fn add_event_lexicon(&mut self, lex: EventLexicon) {
        let offset = self.verbs.verbs.len();
        self.say.extend(lex.say.iter().map(|i| i + offset));
        self.verbs.verbs.extend(lex.verbs.verbs);
        self.verbs.synsets.extend(lex.verbs.synsets);
    }

    pub fn petrarch_verbs(&mut self, file: &str, text: &str) {
        let loaded = crate::petrarch::read_verbs(file, text);
        let first = self.verbs.verbs.len();
        self.community.extend(first..first + loaded.value.verbs.len());
        self.add_event_lexicon(EventLexicon { verbs: loaded.value, say: Vec::new() });
        self.issues.extend(loaded.issues);
        self.community_verbs = true;
    }

    pub fn petrarch_actors(&mut self, file: &str, text: &str) {
        let loaded = crate::petrarch::read_actors(file, text);
        self.actors.extend(loaded.value);
        self.issues.extend(loaded.issues);
    }

    pub fn petrarch_agents(&mut self, file: &str, text: &str) {
        let loaded = crate::petrarch::read_agents(file, text);
        self.agents.extend(loaded.value);
        self.issues.extend(loaded.issues);
    }

    pub fn petrarch_discards(&mut self, file: &str, text: &str) {
        let loaded = crate::petrarch::read_discards(file, text);
        self.discards.extend(loaded.value);
        self.issues.extend(loaded.issues);
    }

    pub fn build(self) -> Knowledge {
        let mut say = vec![false; self.verbs.verbs.len()];
        for &i in &self.say {
            if let Some(s) = say.get_mut(i) {
                *s = true;
            }
        }
        let mut community = vec![false; self.verbs.verbs.len()];
        for &i in &self.community {
            if let Some(c) = community.get_mut(i) {
                *c = true;
            }
        }
        // A user's entry for a phrase or verb replaces the built-in one.
        let mut shadowed = Vec::new();
        let (hidden_actors, hidden_agents, hidden_verbs) = match &self.builtin {
            Some((ba, bg, bv)) => (
                shadow(
                    "actor",
                    self.actors.iter().map(|a| (phrase_key(&a.phrase), a.rule.as_str())),
                    ba,
                    &mut shadowed,
                ),
                shadow("role", self.agents.iter().map(|a| (phrase_key(&a.phrase), a.rule.as_str())), bg, &mut shadowed),
                shadow("verb", self.verbs.verbs.iter().map(|v| (v.lemma.clone(), v.rule.as_str())), bv, &mut shadowed),
            ),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        shadowed.dedup();
        let hidden = |h: &[bool], i: usize| h.get(i).copied().unwrap_or(false);
        let mut k = Knowledge {
            say,
            community,
            actors: self.actors,
            agents: self.agents,
            discards: self.discards,
            verbs: self.verbs,
            issues: self.issues,
            community_verbs: self.community_verbs,
            shadowed,
            ..Knowledge::default()
        };
        for (i, a) in k.actors.iter().enumerate() {
            if hidden(&hidden_actors, i) {
                continue;
            }
            if let Some(first) = a.phrase.first() {
                k.actor_index.insert(first, i, 0);
            }
            if a.kind == ActorKind::Person && a.phrase.len() >= 2 {
                if let Some(last) = a.phrase.last() {
                    if last.text.chars().count() >= 5 {
                        let b = last.text.as_bytes();
                        let bucket = k.surnames.entry((b[0], b[1], b.len())).or_default();
                        match bucket.iter_mut().find(|(n, _)| *n == last.text) {
                            Some((_, v)) => v.push(i),
                            None => bucket.push((last.text.clone(), vec![i])),
                        }
                    }
                }
            }
        }
        for (i, a) in k.agents.iter().enumerate() {
            if hidden(&hidden_agents, i) {
                continue;
            }
            if let Some(first) = a.phrase.first() {
                k.agent_index.insert(first, i, 0);
            }
        }
        for (i, d) in k.discards.iter().enumerate() {
            if let Some(first) = d.phrase.first() {
                k.discard_index.insert(first, i, 0);
            }
        }
        for (i, v) in k.verbs.verbs.iter().enumerate() {
            if hidden(&hidden_verbs, i) {
                continue;
            }
            for (j, form) in v.forms.iter().enumerate() {
                if let Some(first) = form.first() {
                    k.verb_index.insert(&PhraseWord::exact(first), i, j);
                }
            }
        }
        for lemma in CLAUSE_VERBS {
            for f in verb_forms(lemma) {
                k.clause_verbs.insert(f, ());
            }
        }
        k
    }
}

/// Common verbs that code no event but still head a clause. Knowing them keeps a
/// subject from being taken across a clause boundary ("The warning came amid
/// tensions ... which rose").
const CLAUSE_VERBS: &[&str] = &[
    "be",
    "have",
    "do",
    "come",
    "go",
    "remain",
    "rise",
    "fall",
    "become",
    "seem",
    "appear",
    "continue",
    "get",
    "make",
    "take",
    "give",
    "see",
    "know",
    "think",
    "want",
    "need",
    "find",
    "leave",
    "keep",
    "begin",
    "start",
    "stop",
    "end",
    "happen",
    "occur",
    "live",
    "die",
    "stay",
    "reach",
    "follow",
    "include",
    "involve",
    "lead",
    "bring",
    "show",
    "try",
    "use",
    "work",
    "run",
    "hold",
    "set",
    "put",
    "turn",
    "move",
    "grow",
    "lose",
    "win",
    "spend",
    "pay",
    "build",
    "believe",
    "expect",
    "consider",
    "face",
    "fear",
    "mean",
    "seek",
    "plan",
    "hope",
    "cite",
    "spell",
    "amount",
    "prevent",
    "host",
    "resume",
    "agree",
    "sideline",
    "regain",
    "schedule",
    "undermine",
    "ignore",
    "base",
    "request",
    "mediate",
    "broker",
    "deploy",
    "kill",
    "wound",
    "injure",
    "report",
    "increase",
    "decrease",
    "drop",
    "remain",
    "hear",
    "look",
    "feel",
    "allow",
    "let",
    "help",
    "tell",
    "ask",
    "call",
    "say",
    "write",
    "read",
    "open",
    "close",
    "change",
    "receive",
    "send",
    "sign",
    "pass",
    "vote",
    "elect",
    "return",
    "arrive",
    "leave",
    "decide",
    "fail",
    "manage",
    "refuse",
    "intend",
    "aim",
    "vow",
];
