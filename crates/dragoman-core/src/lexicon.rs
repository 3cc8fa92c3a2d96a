//! The knowledge the coder works from, in one shape whatever file it came from.
//!
//! Dragoman reads two families of dictionary files: its own built-in text files
//! (`dictionaries/*.txt`, see `builtin`) and the community's PETRARCH/TABARI files
//! (see `petrarch`). Both readers produce the types in this module, so the actor
//! matcher and the event coder never care where an entry came from. Every entry
//! keeps a `rule` string (`file:line`) so an event can say which line fired.
//!
//! Words are stored lowercased. A `PhraseWord` with `stem = true` matches any token
//! that starts with it (TABARI's convention for entries written without a trailing
//! underscore, e.g. `ARGENTIN` matching "Argentina" and "Argentine").

use chrono::NaiveDate;

/// One word of a dictionary phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhraseWord {
    /// Lowercased text, with the TABARI underscore markers removed.
    pub text: String,
    /// When true the word also matches longer tokens that start with `text`.
    pub stem: bool,
}

impl PhraseWord {
    pub fn exact(text: &str) -> Self {
        PhraseWord { text: text.to_lowercase(), stem: false }
    }
}

/// An actor code valid over an optional date interval (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    pub fn always(code: &str) -> Self {
        DatedCode { code: code.to_string(), from: None, to: None }
    }

    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// What kind of thing an actor phrase names. It decides how the phrase composes
/// with role nouns and whether a place name may stand for its government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or territory by name ("Armenia").
    Country,
    /// A country adjective or demonym ("Armenian", "Azerbaijanis").
    Adjective,
    /// A capital city, which acting as a subject stands for the government ("Moscow").
    Capital,
    /// An international organisation ("the European Union").
    Organization,
    /// A named person with dated roles ("Nikol Pashinyan").
    Person,
    /// An armed group, party or movement.
    Group,
    /// A region or bloc ("the West").
    Region,
    /// Anything read from a community dictionary without a finer kind.
    Other,
}

/// One phrase that names an actor.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub phrase: Vec<PhraseWord>,
    /// Codes, possibly date-restricted; the first valid one on the event date wins,
    /// and an entry whose codes are all date-restricted and none valid is not used.
    pub codes: Vec<DatedCode>,
    /// A readable name for output ("Armenia", "Nikol Pashinyan").
    pub name: String,
    pub kind: ActorKind,
    /// `file:line` of the entry.
    pub rule: String,
}

/// Where an agent's code goes when it composes with an actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `~GOV`: appended to the actor code (RUS + GOV → RUSGOV).
    Suffix,
    /// `NGO~`: put in front of the actor code (NGO + RUS → NGORUS).
    Prefix,
}

/// A role noun or phrase ("ambassador", "peacekeepers") that composes with a country.
#[derive(Debug, Clone)]
pub struct AgentEntry {
    pub phrase: Vec<PhraseWord>,
    pub code: String,
    pub placement: AgentPlacement,
    pub rule: String,
    /// A weapon standing for its force ("drones", "missiles"): it takes a country
    /// only from the words beside it, never from the story.
    pub weapon: bool,
}

/// A phrase whose presence removes a sentence, or with `story = true` the whole story,
/// from coding (sports results, weather and the like).
#[derive(Debug, Clone)]
pub struct DiscardEntry {
    pub phrase: Vec<PhraseWord>,
    pub story: bool,
    pub rule: String,
}

/// One element of a verb pattern, in sentence order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElem {
    /// A literal word. `joined` means the next element must follow immediately
    /// (TABARI's underscore); otherwise other words may come between.
    Word { word: PhraseWord, joined: bool },
    /// Any member of the named synset (`&CURRENCY`), each member itself a phrase.
    Synset { name: String, joined: bool },
    /// Alternatives, any one of which matches (PETRARCH-2 `{A B}` groups are
    /// sequences; this is a list of phrases).
    Any { options: Vec<Vec<PhraseWord>>, joined: bool },
    /// `$`: the source actor is found here.
    Source,
    /// `+`: the target actor is found here.
    Target,
    /// `%`: a compound actor that is both source and target.
    Compound,
    /// `^`: skip one noun phrase.
    SkipPhrase,
}

/// A code written in a pattern: `[111]`, `[032:033]` (a paired event, the second
/// with source and target swapped), or nothing at all (`[---]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternCode {
    pub code: Option<String>,
    pub paired: Option<String>,
}

/// A verb (or noun, when `noun` is set) pattern: words around the trigger.
#[derive(Debug, Clone)]
pub struct VerbPattern {
    pub before: Vec<PatternElem>,
    pub after: Vec<PatternElem>,
    /// The first `after` element must follow the verb immediately (`*_OUT`). Left
    /// adjacency (`IN_*`) is the `joined` flag of the last `before` element.
    pub verb_joined_right: bool,
    pub code: PatternCode,
    pub rule: String,
}

/// A verb with its surface forms and patterns.
#[derive(Debug, Clone)]
pub struct VerbEntry {
    /// The headword, lowercased ("accuse", "break down").
    pub lemma: String,
    /// Every surface form that triggers this entry, each a word sequence
    /// (irregular forms from braces, generated regular forms, multi-word verbs).
    pub forms: Vec<Vec<String>>,
    /// The code of the bare verb when no pattern matches.
    pub code: PatternCode,
    pub patterns: Vec<VerbPattern>,
    /// Nominal triggers ("offensive", "talks") are nouns, not verbs.
    pub noun: bool,
    pub rule: String,
}

/// A verb dictionary: entries plus the synsets their patterns refer to.
#[derive(Debug, Clone, Default)]
pub struct VerbLexicon {
    pub verbs: Vec<VerbEntry>,
    /// Synset name (without `&`, uppercase) → member phrases.
    pub synsets: std::collections::HashMap<String, Vec<Vec<PhraseWord>>>,
}

/// A problem found while reading a dictionary file: reported with file and line,
/// the rest of the file still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictIssue {
    pub file: String,
    pub line: usize,
    pub message: String,
    /// Errors stop `dict check`; warnings are lines that were understood but odd.
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

impl std::fmt::Display for DictIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {}: {}", self.file, self.line, level, self.message)
    }
}
