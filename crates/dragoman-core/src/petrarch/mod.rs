//! Readers for the community's PETRARCH/TABARI dictionary files.
//!
//! Researchers arrive with dictionaries they trust: the Phoenix verb patterns, actor
//! lists with dated roles, agent nouns and discard phrases. These readers take those
//! files as they are and produce the shared types in [`crate::lexicon`], so the actor
//! matcher and the event coder never know where an entry came from.
//!
//! The formats grew over thirty years (KEDS, TABARI, PETRARCH 1 and 2) and the files
//! carry the marks of every era, so the readers are forgiving: a line they cannot use
//! is reported as a [`DictIssue`] with its file, line and reason, and reading goes on.
//! No input makes them panic. Every line that is not blank and not a comment is
//! either used or reported; `docs/petrarch-format.md` describes each format as read
//! here.
//!
//! Stemming: TABARI read a word written without a trailing underscore as a stem
//! (`ARGENTIN` matching "Argentina"); PETRARCH dropped stemming and matches whole
//! words, and the Phoenix files were maintained under PETRARCH. The default,
//! [`StemRule::Petrarch`], therefore sets `PhraseWord::stem = false` everywhere except
//! the last word of a discard phrase (PETRARCH's discard check is a prefix match).
//! [`StemRule::Tabari`] restores TABARI's reading for old dictionaries.

use crate::lexicon::{DictIssue, PatternCode, PhraseWord, Severity};
use std::borrow::Cow;

mod actors;
mod agents;
mod discards;
mod verbs;

pub use actors::{read_actors, read_actors_with};
pub use agents::{read_agents, read_agents_with};
pub use discards::{read_discards, read_discards_with};
pub use verbs::{read_verbs, read_verbs_with};

/// What a reader produced, with the problems it found on the way.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub issues: Vec<DictIssue>,
}

/// How a word written without a trailing underscore is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StemRule {
    /// PETRARCH: whole words only, except the last word of a discard phrase, which
    /// is a stem unless it ends with `_`.
    #[default]
    Petrarch,
    /// TABARI: every word not followed by `_` is a stem.
    Tabari,
}

/// Reading options; the four `read_*` functions use the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    pub stems: StemRule,
}

// ---------------------------------------------------------------------------------
// Lines and comments

/// One line that survived comment removal: trimmed, never empty.
pub(crate) struct Line<'a> {
    pub number: usize,
    pub text: Cow<'a, str>,
}

/// Collects issues for one file, and the lines a reader consumed (for the
/// "every line used or reported" check in tests).
pub(crate) struct Report<'f> {
    file: &'f str,
    issues: Vec<DictIssue>,
    pub used: Vec<usize>,
}

impl<'f> Report<'f> {
    pub fn new(file: &'f str) -> Self {
        Report { file, issues: Vec::new(), used: Vec::new() }
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, message.into(), Severity::Error);
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, message.into(), Severity::Warning);
    }

    fn push(&mut self, line: usize, message: String, severity: Severity) {
        self.issues.push(DictIssue { file: self.file.to_string(), line, message, severity });
    }

    pub fn use_line(&mut self, line: usize) {
        self.used.push(line);
    }

    pub fn rule(&self, line: usize) -> String {
        format!("{}:{}", self.file, line)
    }

    pub fn finish<T>(self, value: T) -> (Loaded<T>, Vec<usize>) {
        (Loaded { value, issues: self.issues }, self.used)
    }
}

/// Splits a dictionary text into content lines: `#` and `;` comments (outside
/// `[...]`, so a `[###]` code survives), `<!-- ... -->` comments that may span lines,
/// lines starting with `<!`, and blank lines are removed.
pub(crate) fn content_lines<'a>(text: &'a str, report: &mut Report) -> Vec<Line<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut open_comment: Option<usize> = None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let mut rest: Cow<'a, str> = Cow::Borrowed(raw);
        if open_comment.is_some() {
            match raw.find("-->") {
                Some(p) => {
                    open_comment = None;
                    rest = Cow::Borrowed(&raw[p + 3..]);
                }
                None => continue,
            }
        }
        let start = rest.trim_start();
        if start.starts_with('#') || (start.starts_with("<!") && !start.starts_with("<!--")) {
            continue;
        }
        if rest.contains("<!--") {
            let mut kept = String::with_capacity(rest.len());
            let mut s: &str = &rest;
            loop {
                match s.find("<!--") {
                    None => {
                        kept.push_str(s);
                        break;
                    }
                    Some(p) => {
                        kept.push_str(&s[..p]);
                        let after = &s[p + 4..];
                        match after.find("-->") {
                            Some(q) => s = &after[q + 3..],
                            None => {
                                open_comment = Some(number);
                                break;
                            }
                        }
                    }
                }
            }
            rest = Cow::Owned(kept);
        }
        let text = match rest {
            Cow::Borrowed(s) => Cow::Borrowed(strip_line_comment(s)),
            Cow::Owned(s) => Cow::Owned(strip_line_comment(&s).to_string()),
        };
        if !text.is_empty() {
            out.push(Line { number, text });
        }
    }
    if let Some(line) = open_comment {
        report.warn(line, "comment opened with '<!--' is never closed; the rest of the file is comment");
    }
    out
}

/// Cuts a line at the first `#` or `;` outside square brackets, and trims it.
fn strip_line_comment(s: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' | ';' if depth == 0 => return s[..i].trim(),
            _ => {}
        }
    }
    s.trim()
}

/// The `[...]` groups at the start of `s` (which begins at the first `[`): their
/// contents, any unclosed group, and whatever text follows them.
pub(crate) struct Brackets<'a> {
    pub groups: Vec<&'a str>,
    pub unclosed: Option<&'a str>,
    pub trailing: &'a str,
}

pub(crate) fn brackets(s: &str) -> Brackets<'_> {
    let mut groups = Vec::new();
    let mut rest = s.trim_start();
    while let Some(inner) = rest.strip_prefix('[') {
        match inner.find(']') {
            Some(end) => {
                groups.push(&inner[..end]);
                rest = inner[end + 1..].trim_start();
            }
            None => return Brackets { groups, unclosed: Some(inner), trailing: "" },
        }
    }
    Brackets { groups, unclosed: None, trailing: rest.trim() }
}

// ---------------------------------------------------------------------------------
// Phrases

/// Splits a phrase on underscores and white space; each piece says whether an
/// underscore came right after it.
pub(crate) fn split_phrase(raw: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in raw.char_indices() {
        if c == '_' || c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((&raw[s..i], c == '_'));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((&raw[s..], false));
    }
    out
}

/// Which words of a phrase may be stems under [`StemRule::Petrarch`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseUse {
    /// Actors, agents, synset members, pattern words: whole words.
    Name,
    /// Discards: the last word is a stem unless written with a trailing `_`.
    Discard,
}

pub(crate) fn phrase_words(raw: &str, stems: StemRule, usage: PhraseUse) -> Vec<PhraseWord> {
    let pieces = split_phrase(raw);
    let last = pieces.len().saturating_sub(1);
    pieces
        .iter()
        .enumerate()
        .map(|(k, &(w, underscore))| PhraseWord {
            text: w.to_lowercase(),
            stem: match stems {
                StemRule::Tabari => !underscore,
                StemRule::Petrarch => usage == PhraseUse::Discard && k == last && !underscore,
            },
        })
        .collect()
}

/// A readable name for an actor phrase: `ARMENIA_` → "Armenia",
/// `SECRETARY-GENERAL_BAN_KI-MOON` → "Secretary-General Ban Ki-Moon". Words with a
/// dot keep their capitals ("U.N."); short particles are lowercased inside a name.
pub(crate) fn display_name(raw: &str) -> String {
    const PARTICLES: &[&str] =
        &["of", "the", "and", "for", "in", "on", "de", "del", "du", "da", "la", "le", "van", "von", "to", "at", "by"];
    let mut out = String::new();
    for (k, (word, _)) in split_phrase(raw).into_iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if word.contains('.') {
            out.push_str(&word.to_uppercase());
        } else if k > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut capital = true;
            for c in lower.chars() {
                if capital {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                capital = matches!(c, '-' | '/' | '(');
            }
        }
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular plural of a lowercase noun, PETRARCH's rule with its English slips
/// mended: consonant + y → -ies; s, x, z, ch, sh, us → -es; -is → -es; a word
/// already ending in a single -s gets none; otherwise -s.
pub(crate) fn noun_plural(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let n = b.len();
    if n == 0 {
        return None;
    }
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    let ends = |s: &str| word.ends_with(s);
    if ends("ss") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("us") {
        Some(format!("{word}es"))
    } else if ends("is") && n > 2 {
        Some(format!("{}es", &word[..n - 2]))
    } else if ends("s") {
        None
    } else if b[n - 1] == b'y' && n >= 2 && !is_vowel(prev) {
        Some(format!("{}ies", &word[..n - 1]))
    } else {
        Some(format!("{word}s"))
    }
}

/// A phrase with its last word made plural, if it has a regular plural.
pub(crate) fn phrase_plural(phrase: &[PhraseWord]) -> Option<Vec<PhraseWord>> {
    let (last, head) = phrase.split_last()?;
    let plural = noun_plural(&last.text)?;
    let mut out = head.to_vec();
    out.push(PhraseWord { text: plural, stem: last.stem });
    Some(out)
}

/// The regular inflected forms of a lowercase verb (not the verb itself).
///
/// PETRARCH 2 adds -s/-es/-ies, -d/-ed and -ing with e-dropping. This keeps that and
/// mends what it gets wrong: consonant + y → -ied, -ch/-sh/-o → -es, -ie → -ying,
/// and consonant doubling: a one-syllable verb ending consonant-vowel-consonant
/// doubles ("ban" → "banned"); a longer one gets both spellings, since doubling
/// there depends on stress we cannot see ("admitted", "visited").
pub(crate) fn verb_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    if !verb.is_ascii() {
        return vec![format!("{verb}s"), format!("{verb}ed"), format!("{verb}ing")];
    }
    let last = b[n - 1];
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    let stem = &verb[..n - 1];
    let mut out = Vec::with_capacity(5);
    let ends = |s: &str| verb.ends_with(s);
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || (ends("o") && n > 1 && !is_vowel(prev)) {
        out.push(format!("{verb}es"));
    } else if last == b'y' && n >= 2 && !is_vowel(prev) {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{verb}s"));
    }
    if last == b'e' {
        out.push(format!("{verb}d"));
        if ends("ie") {
            out.push(format!("{}ying", &verb[..n - 2]));
        } else if matches!(prev, b'e' | b'o' | b'y') {
            out.push(format!("{verb}ing"));
        } else {
            out.push(format!("{stem}ing"));
        }
    } else if last == b'y' && n >= 2 && !is_vowel(prev) {
        out.push(format!("{stem}ied"));
        out.push(format!("{verb}ing"));
    } else if ends_cvc(b) {
        let doubled = format!("{verb}{}", last as char);
        if last == b'n' && syllables(b) > 1 {
            // "abandon", "threaten", "happen": an unstressed -n never doubles.
            out.push(format!("{verb}ed"));
            out.push(format!("{verb}ing"));
        } else if syllables(b) <= 1 {
            out.push(format!("{doubled}ed"));
            out.push(format!("{doubled}ing"));
        } else {
            out.push(format!("{verb}ed"));
            out.push(format!("{doubled}ed"));
            out.push(format!("{verb}ing"));
            out.push(format!("{doubled}ing"));
        }
    } else {
        out.push(format!("{verb}ed"));
        out.push(format!("{verb}ing"));
    }
    out
}

/// Ends consonant-vowel-consonant, the last not w, x or y ("stop", "admit", "quit").
fn ends_cvc(b: &[u8]) -> bool {
    let n = b.len();
    if n < 2 {
        return false;
    }
    let (c2, v, c1) = (b[n - 1], b[n - 2], if n >= 3 { b[n - 3] } else { 0 });
    let consonant = |x: u8| x.is_ascii_alphabetic() && !is_vowel(x);
    let before_vowel_is_consonant = n == 2 || consonant(c1) || (c1 == b'u' && n >= 4 && b[n - 4] == b'q');
    consonant(c2) && !matches!(c2, b'w' | b'x' | b'y') && is_vowel(v) && before_vowel_is_consonant
}

fn syllables(b: &[u8]) -> usize {
    let mut count = 0;
    let mut in_vowel = false;
    for &x in b {
        let v = is_vowel(x);
        if v && !in_vowel {
            count += 1;
        }
        in_vowel = v;
    }
    count
}

// ---------------------------------------------------------------------------------
// Event codes

/// Reads an event code: `111`, `032:033` (paired), `---` (none). Odd codes such as
/// `174K` or `+++` are kept as written, uppercased.
pub(crate) fn parse_event_code(raw: &str) -> Result<PatternCode, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("empty code '[]'".into());
    }
    let mut parts = raw.split(':');
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    if parts.next().is_some() {
        return Err(format!("code '[{raw}]' has more than one ':'"));
    }
    let one = |s: &str| -> Result<Option<String>, String> {
        let s = s.trim();
        if s.is_empty() || s == "---" {
            Ok(None)
        } else if s.chars().any(char::is_whitespace) {
            Err(format!("code '[{raw}]' contains a space"))
        } else {
            Ok(Some(s.to_uppercase()))
        }
    };
    Ok(PatternCode {
        code: one(first)?,
        paired: match second {
            Some(s) => one(s)?,
            None => None,
        },
    })
}

// ---------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<(usize, String)> {
        let mut report = Report::new("t");
        content_lines(text, &mut report).into_iter().map(|l| (l.number, l.text.into_owned())).collect()
    }

    #[test]
    fn comments_of_every_kind_are_removed() {
        let text = "# whole line\nA [X] # tail\n<!-- one -->\n<!-- two\nstill\nend --> B\n\
                    <! -- odd one -->\nC <!-- mid --> D\n  \nE [###] # x\nF ;tabari\n";
        assert_eq!(
            lines_of(text),
            vec![
                (2, "A [X]".to_string()),
                (6, "B".to_string()),
                (8, "C  D".to_string()),
                (10, "E [###]".to_string()),
                (11, "F".to_string()),
            ]
        );
    }

    #[test]
    fn unclosed_comment_is_reported() {
        let mut report = Report::new("t");
        let lines = content_lines("A\n<!-- never\nB\n", &mut report);
        assert_eq!(lines.len(), 1);
        let (loaded, _) = report.finish(());
        assert_eq!(loaded.issues.len(), 1);
        assert_eq!(loaded.issues[0].line, 2);
    }

    #[test]
    fn phrases_split_on_underscores_and_spaces() {
        assert_eq!(
            split_phrase("UNITED_STATES_ OF  X"),
            vec![("UNITED", true), ("STATES", true), ("OF", false), ("X", false)]
        );
        let words = phrase_words("ARGENTIN", StemRule::Tabari, PhraseUse::Name);
        assert!(words[0].stem);
        let words = phrase_words("ARGENTIN", StemRule::Petrarch, PhraseUse::Name);
        assert!(!words[0].stem);
        let words = phrase_words("MONTHS LATER", StemRule::Petrarch, PhraseUse::Discard);
        assert_eq!((words[0].stem, words[1].stem), (false, true));
        let words = phrase_words("MONTHS LATER_", StemRule::Petrarch, PhraseUse::Discard);
        assert!(!words[1].stem);
    }

    #[test]
    fn readable_names() {
        assert_eq!(display_name("ARMENIA_"), "Armenia");
        assert_eq!(display_name("SECRETARY-GENERAL_BAN_KI-MOON"), "Secretary-General Ban Ki-Moon");
        assert_eq!(display_name("U.N._SECURITY_COUNCIL"), "U.N. Security Council");
        assert_eq!(display_name("PRINCE OF DOL AMROTH"), "Prince of Dol Amroth");
    }

    #[test]
    fn plurals() {
        assert_eq!(noun_plural("congress").as_deref(), Some("congresses"));
        assert_eq!(noun_plural("authority").as_deref(), Some("authorities"));
        assert_eq!(noun_plural("attorney").as_deref(), Some("attorneys"));
        assert_eq!(noun_plural("church").as_deref(), Some("churches"));
        assert_eq!(noun_plural("crisis").as_deref(), Some("crises"));
        assert_eq!(noun_plural("troops"), None);
        assert_eq!(noun_plural("minister").as_deref(), Some("ministers"));
    }

    #[test]
    fn regular_verb_forms() {
        assert_eq!(verb_forms("abandon"), vec!["abandons", "abandoned", "abandoning"]);
        assert_eq!(verb_forms("stop"), vec!["stops", "stopped", "stopping"]);
        assert_eq!(verb_forms("accuse"), vec!["accuses", "accused", "accusing"]);
        assert_eq!(verb_forms("deny"), vec!["denies", "denied", "denying"]);
        assert_eq!(verb_forms("obey"), vec!["obeys", "obeyed", "obeying"]);
        assert_eq!(verb_forms("ban"), vec!["bans", "banned", "banning"]);
        assert_eq!(verb_forms("admit"), vec!["admits", "admited", "admitted", "admiting", "admitting"]);
        assert_eq!(verb_forms("agree"), vec!["agrees", "agreed", "agreeing"]);
        assert_eq!(verb_forms("tie"), vec!["ties", "tied", "tying"]);
        assert_eq!(verb_forms("watch"), vec!["watches", "watched", "watching"]);
        assert_eq!(verb_forms("veto"), vec!["vetoes", "vetoed", "vetoing"]);
        assert_eq!(verb_forms("meet"), vec!["meets", "meeted", "meeting"]);
        assert!(verb_forms("").is_empty());
        assert_eq!(verb_forms("é").len(), 3);
    }

    #[test]
    fn event_codes() {
        let c = parse_event_code("032:033").unwrap();
        assert_eq!((c.code.as_deref(), c.paired.as_deref()), (Some("032"), Some("033")));
        let c = parse_event_code("---").unwrap();
        assert_eq!((c.code, c.paired), (None, None));
        let c = parse_event_code(":110").unwrap();
        assert_eq!((c.code, c.paired.as_deref()), (None, Some("110")));
        assert_eq!(parse_event_code("def").unwrap().code.as_deref(), Some("DEF"));
        assert!(parse_event_code("").is_err());
        assert!(parse_event_code("1:2:3").is_err());
    }

    #[test]
    fn brackets_are_split() {
        let b = brackets("[A 900101-910101] [B]  # x");
        assert_eq!(b.groups, vec!["A 900101-910101", "B"]);
        assert_eq!(b.trailing, "# x");
        let b = brackets("[A");
        assert_eq!(b.unclosed, Some("A"));
    }

    // ---- the real files -------------------------------------------------------------

    const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/");

    /// A file of `../shared`, for the tests marked to be ignored without it.
    pub(crate) fn shared(path: &str) -> String {
        let full = format!("{SHARED}{path}");
        let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Every content line must be used or reported.
    pub(crate) fn assert_accounted(file: &str, text: &str, used: &[usize], issues: &[DictIssue]) {
        let mut report = Report::new(file);
        let lines = content_lines(text, &mut report);
        let mut seen = vec![false; text.lines().count() + 2];
        for &l in used {
            if l < seen.len() {
                seen[l] = true;
            }
        }
        for i in issues {
            if i.line < seen.len() {
                seen[i.line] = true;
            }
        }
        let missing: Vec<_> =
            lines.iter().filter(|l| !seen[l.number]).map(|l| (l.number, l.text.to_string())).take(10).collect();
        assert!(missing.is_empty(), "{file}: lines neither used nor reported: {missing:?}");
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            "\u{0}\u{1}[[[]]]{{{}}}}}\n---\n- * [\n&\n+\n!\n!X! =\n[<>-]\n\t[ABC 99999999-1]\n",
            "--- [\n- * $_+_%_^ [1:2:3]\n- ( { * } ) [1]\nX {\n+A_+B_+C {+\n~ a b\n",
            "é_ü [ÄÖ <9912ab]\n+\n\t[X 0]\n[Y >20200230]\nZ [~]\n!A! = \nB!A! [~X]\n{} [~Y]\n",
            "-\n--\n---\n*\n_\n__\n_*_\n- *_\n- _*\n- **\n- * (\n- * )\n- {a|} * [1]\n",
            "\u{feff}ABC\r\nDEF [X]\r\n\t[Y 010101-000101]\r\n",
        ];
        for s in samples {
            for cut in 0..=s.len() {
                if !s.is_char_boundary(cut) {
                    continue;
                }
                let t = &s[..cut];
                let _ = read_verbs("g", t);
                let _ = read_actors("g", t);
                let _ = read_agents("g", t);
                let _ = read_discards("g", t);
            }
        }
    }

    #[test]
    fn runaway_input_stays_bounded() {
        // a long chain of synsets, each naming the next
        let mut chain = String::new();
        for k in 0..2000 {
            chain.push_str(&format!("&S{k}\n+&S{}\n+W{k}\n", k + 1));
        }
        chain.push_str("--- V [1] ---\nV\n- * &S0 [2]\n");
        let loaded = read_verbs("c", &chain);
        assert!(loaded.issues.iter().any(|i| i.message.contains("nest")));
        // markers multiplying past any sensible size
        let mut agents = String::from("!A! = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\n");
        agents.push_str("!A!!A!!A!!A!!A! [~X]\n");
        let loaded = read_agents("a", &agents);
        assert!(loaded.value.is_empty() && loaded.issues.len() == 1);
        let loaded = read_agents("a", "_ [~X]\n");
        assert!(loaded.value.is_empty() && loaded.issues.len() == 1);
        // a line of braces is read in linear time
        let braces = format!("--- V [1] ---\nV\n- * {} [2]\n", "{".repeat(200_000));
        let loaded = read_verbs("b", &braces);
        assert_eq!(loaded.issues.len(), 1);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn phoenix_files_load_fully() {
        let files = [
            "dictionaries/phoenix/CAMEO.verbpatterns.150430.txt",
            "dictionaries/phoenix/CAMEO.2.0.txt",
            "dictionaries/phoenix/Phoenix.Countries.actors.txt",
            "dictionaries/phoenix/Phoenix.International.actors.txt",
            "dictionaries/phoenix/Phoenix.MilNonState.actors.txt",
            "dictionaries/phoenix/Phoenix.agents.txt",
            "dictionaries/phoenix/Phoenix.discards.txt",
            "eval/petrarch-unit/PETR.Validate.verbs.txt",
            "eval/petrarch-unit/PETR.Validate.actors.txt",
            "eval/petrarch-unit/PETR.Validate.agents.txt",
            "eval/petrarch-unit/PETR.Validate.discards.txt",
        ];
        for path in files {
            let text = shared(path);
            let name = path.rsplit('/').next().unwrap_or(path);
            let opts = ReadOptions::default();
            let (count, issues, used) = if name.contains("verb") || name.starts_with("CAMEO") {
                let (l, used) = verbs::read(name, &text, opts);
                (l.value.verbs.len(), l.issues, used)
            } else if name.contains("actors") {
                let (l, used) = actors::read(name, &text, opts);
                (l.value.len(), l.issues, used)
            } else if name.contains("agents") {
                let (l, used) = agents::read(name, &text, opts);
                (l.value.len(), l.issues, used)
            } else {
                let (l, used) = discards::read(name, &text, opts);
                (l.value.len(), l.issues, used)
            };
            let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
            eprintln!("{name}: {count} entries, {} issues ({errors} errors)", issues.len());
            for i in issues.iter().take(400) {
                eprintln!("  {i}");
            }
            assert!(count > 0, "{name}: nothing read");
            for i in &issues {
                assert_eq!(i.file, name);
                assert!(i.line >= 1 && !i.message.is_empty());
            }
            assert_accounted(name, &text, &used, &issues);
        }
    }
}
