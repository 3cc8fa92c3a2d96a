//! The verb dictionary: synsets, then blocks of synonymous verbs sharing patterns.
//!
//! ```text
//! &CURRENCY                 a synset: + lines are its members
//! +DOLLAR
//! --- GRANT [070] ---       a block header: the default code of the block's verbs
//! GIVE {GAVE GIVEN GIVING}  a verb; braces list all its forms
//! +BREAK_DOWN               a multi-word verb; '+' marks the verb word
//! - * &CURRENCY [071]       a pattern: '*' is where the verb stands
//! ```
//!
//! Both PETRARCH 1 (`CAMEO.verbpatterns.*`) and PETRARCH 2 (`CAMEO.2.0.txt`) files
//! read here; the PETRARCH 2 pattern groups `(PREP NOUN)` and `{MODIFIER NOUN}` are
//! flattened into word sequences (see `docs/petrarch-format.md`).

use super::{
    brackets, content_lines, parse_event_code, phrase_plural, phrase_words, verb_forms, Loaded, PhraseUse, ReadOptions,
    Report, StemRule,
};
use crate::lexicon::{PatternCode, PatternElem, PhraseWord, VerbEntry, VerbLexicon, VerbPattern};
use std::collections::{HashMap, HashSet};

/// Reads a PETRARCH verb dictionary with the default options.
pub fn read_verbs(file: &str, text: &str) -> Loaded<VerbLexicon> {
    read_verbs_with(file, text, ReadOptions::default())
}

/// Reads a PETRARCH verb dictionary.
pub fn read_verbs_with(file: &str, text: &str, options: ReadOptions) -> Loaded<VerbLexicon> {
    read(file, text, options).0
}

enum Member {
    Phrase(Vec<PhraseWord>),
    Synset { name: String, line: usize },
}

struct SynsetDef {
    line: usize,
    members: Vec<Member>,
}

struct PendingPattern {
    pattern: VerbPattern,
    line: usize,
    synsets: Vec<String>,
}

struct Block {
    line: usize,
    code: PatternCode,
    verbs: Vec<VerbEntry>,
    patterns: Vec<PendingPattern>,
}

pub(crate) fn read(file: &str, text: &str, options: ReadOptions) -> (Loaded<VerbLexicon>, Vec<usize>) {
    let mut report = Report::new(file);
    let lines = content_lines(text, &mut report);
    let stems = options.stems;
    let mut defs: HashMap<String, SynsetDef> = HashMap::new();
    let mut collecting: Option<(String, bool)> = None;
    let mut blocks: Vec<Block> = Vec::new();
    let mut lemmas: HashMap<String, usize> = HashMap::new();

    for line in &lines {
        let t: &str = &line.text;
        let n = line.number;
        if t.starts_with('+') {
            if let Some((name, no_plural)) = &collecting {
                match defs.get_mut(name) {
                    Some(def) => read_member(t, n, *no_plural, stems, def, &mut report),
                    None => report.error(n, "member of a synset without a name; skipped"),
                }
                continue;
            }
        } else {
            collecting = None;
        }

        if t.starts_with("---") {
            let code = read_header(t, n, &mut report);
            report.use_line(n);
            blocks.push(Block { line: n, code, verbs: Vec::new(), patterns: Vec::new() });
        } else if let Some(rest) = t.strip_prefix('&') {
            let mut words = rest.split_whitespace();
            let label = words.next().unwrap_or("");
            if words.next().is_some() {
                report.warn(n, "text after the synset name is ignored");
            }
            let name = label.trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                report.error(n, "'&' without a synset name; its members are skipped");
                collecting = Some((String::new(), false));
                continue;
            }
            if let Some(old) = defs.get(&name) {
                report.warn(
                    n,
                    format!(
                        "synset &{name} is defined again (first at line {}); this definition replaces it",
                        old.line
                    ),
                );
            }
            defs.insert(name.clone(), SynsetDef { line: n, members: Vec::new() });
            collecting = Some((name, label.ends_with('_')));
            report.use_line(n);
        } else if t.starts_with('~') {
            report.warn(n, "PETRARCH 2 verb transformations ('~ ...') are not supported; line skipped");
        } else if let Some(body) = t.strip_prefix('-') {
            let Some(block) = blocks.last_mut() else {
                report.error(n, "pattern before any '--- NAME [CODE] ---' block header; skipped");
                continue;
            };
            match parse_pattern(body, stems) {
                Ok(p) => {
                    for w in p.warnings {
                        report.warn(n, w);
                    }
                    let pattern = VerbPattern {
                        before: p.before,
                        after: p.after,
                        verb_joined_right: p.verb_joined_right,
                        code: p.code,
                        rule: report.rule(n),
                    };
                    block.patterns.push(PendingPattern { pattern, line: n, synsets: p.synsets });
                    report.use_line(n);
                }
                Err(e) => report.error(n, format!("{e}; pattern skipped")),
            }
        } else {
            let Some(block) = blocks.last_mut() else {
                report.error(n, "verb before any '--- NAME [CODE] ---' block header; skipped");
                continue;
            };
            match parse_verb_line(t, &block.code) {
                Ok(v) => {
                    for w in v.warnings {
                        report.warn(n, w);
                    }
                    if let Some(e) = v.code_error {
                        report.error(n, format!("{e}; the block code is used instead"));
                    }
                    if let Some(first) = lemmas.get(&v.lemma) {
                        report.warn(n, format!("verb '{}' is also listed at line {first}", v.lemma));
                    } else {
                        lemmas.insert(v.lemma.clone(), n);
                    }
                    block.verbs.push(VerbEntry {
                        lemma: v.lemma,
                        forms: v.forms,
                        code: v.code,
                        patterns: Vec::new(),
                        noun: false,
                        rule: report.rule(n),
                    });
                    report.use_line(n);
                }
                Err(e) => report.error(n, format!("{e}; verb skipped")),
            }
        }
    }

    let synsets = resolve_synsets(&defs, &mut report);
    let mut verbs = Vec::new();
    for block in blocks {
        let mut patterns = Vec::with_capacity(block.patterns.len());
        for p in block.patterns {
            match p.synsets.iter().find(|s| !synsets.contains_key(*s)) {
                Some(missing) => report.error(p.line, format!("synset &{missing} is not defined; pattern skipped")),
                None => patterns.push(p),
            }
        }
        if block.verbs.is_empty() {
            if patterns.is_empty() {
                report.warn(block.line, "block has no verbs");
            }
            for p in &patterns {
                report.error(p.line, "pattern in a block with no verbs; not used");
            }
            continue;
        }
        let mut patterns: Vec<VerbPattern> = patterns.into_iter().map(|p| p.pattern).collect();
        let count = block.verbs.len();
        for (k, mut verb) in block.verbs.into_iter().enumerate() {
            verb.patterns = if k + 1 == count { std::mem::take(&mut patterns) } else { patterns.clone() };
            verbs.push(verb);
        }
    }
    report.finish(VerbLexicon { verbs, synsets })
}

/// `--- NAME [CODE] ---`: the block's default code; none means the null code.
fn read_header(t: &str, n: usize, report: &mut Report) -> PatternCode {
    let inner = t.trim_start_matches('-').trim_end_matches(|c: char| c == '-' || c.is_whitespace()).trim();
    let none = PatternCode { code: None, paired: None };
    let Some(open) = inner.find('[') else {
        return none;
    };
    let b = brackets(&inner[open..]);
    if let Some(bad) = b.unclosed {
        report.error(n, format!("unclosed code '[{bad}' in the block header; the block has no code"));
        return none;
    }
    for extra in b.groups.iter().skip(1) {
        report.warn(n, format!("extra code '[{extra}]' in the block header is ignored"));
    }
    if !b.trailing.is_empty() {
        report.warn(n, format!("text '{}' after the header code is ignored", b.trailing));
    }
    match b.groups.first().map(|g| parse_event_code(g)) {
        Some(Ok(code)) => code,
        Some(Err(e)) => {
            report.error(n, format!("{e}; the block has no code"));
            none
        }
        None => none,
    }
}

fn read_member(t: &str, n: usize, no_plural: bool, stems: StemRule, def: &mut SynsetDef, report: &mut Report) {
    let body = t[1..].trim();
    if body.is_empty() {
        report.error(n, "empty synset member");
        return;
    }
    if let Some(name) = body.strip_prefix('&') {
        let name = name.trim().trim_end_matches('_').to_uppercase();
        if name.is_empty() || name.contains(char::is_whitespace) {
            report.error(n, format!("synset reference '{body}' is not a single name; skipped"));
            return;
        }
        def.members.push(Member::Synset { name, line: n });
        report.use_line(n);
        return;
    }
    if let Some(c) = body.chars().find(|c| "*$%^&[]{}()".contains(*c)) {
        report.error(n, format!("synset members are plain words, found '{c}'; skipped"));
        return;
    }
    let words = phrase_words(body, stems, PhraseUse::Name);
    if words.is_empty() {
        report.error(n, "empty synset member");
        return;
    }
    let plural = if no_plural || body.ends_with('_') { None } else { phrase_plural(&words) };
    def.members.push(Member::Phrase(words));
    if let Some(p) = plural {
        def.members.push(Member::Phrase(p));
    }
    report.use_line(n);
}

/// Deeper nesting than any real dictionary needs; keeps recursion bounded.
const MAX_NESTING: usize = 32;

/// Flattens synsets that name other synsets (`+&TIETYPES`), in any order of
/// definition; reports unknown names and cycles at the member's line.
fn resolve_synsets(defs: &HashMap<String, SynsetDef>, report: &mut Report) -> HashMap<String, Vec<Vec<PhraseWord>>> {
    fn resolve(
        name: &str,
        defs: &HashMap<String, SynsetDef>,
        done: &mut HashMap<String, Vec<Vec<PhraseWord>>>,
        visiting: &mut HashSet<String>,
        report: &mut Report,
    ) {
        if done.contains_key(name) || visiting.contains(name) || visiting.len() > MAX_NESTING {
            return;
        }
        let Some(def) = defs.get(name) else { return };
        visiting.insert(name.to_string());
        let mut out: Vec<Vec<PhraseWord>> = Vec::new();
        for m in &def.members {
            match m {
                Member::Phrase(p) => out.push(p.clone()),
                Member::Synset { name: inner, line } => {
                    if !defs.contains_key(inner) {
                        report.error(*line, format!("synset &{inner} is not defined; member skipped"));
                        continue;
                    }
                    resolve(inner, defs, done, visiting, report);
                    match done.get(inner) {
                        Some(members) => out.extend(members.iter().cloned()),
                        None if visiting.len() > MAX_NESTING => {
                            report.error(*line, format!("synsets nest more than {MAX_NESTING} deep; member skipped"))
                        }
                        None => report.error(*line, format!("synset &{inner} refers back to &{name}; member skipped")),
                    }
                }
            }
        }
        let mut seen = HashSet::new();
        out.retain(|p| seen.insert(p.clone()));
        visiting.remove(name);
        done.insert(name.to_string(), out);
    }
    let mut done = HashMap::with_capacity(defs.len());
    let mut names: Vec<&String> = defs.keys().collect();
    names.sort_by_key(|k| defs[*k].line);
    for name in names {
        resolve(name, defs, &mut done, &mut HashSet::new(), report);
    }
    done
}

// ---------------------------------------------------------------------------------
// Verb lines

struct VerbLine {
    lemma: String,
    forms: Vec<Vec<String>>,
    code: PatternCode,
    code_error: Option<String>,
    warnings: Vec<String>,
}

/// `BAN {BANS BANNED} [191]`, `+BREAK_DOWN {+BROKE_DOWN ...}`, `WIRE_+TAP`, `EXPRESS [0110]`.
fn parse_verb_line(t: &str, block_code: &PatternCode) -> Result<VerbLine, String> {
    let mut warnings = Vec::new();
    let (rest, braces) = match t.find('{') {
        Some(open) => match t[open..].find('}') {
            Some(close) => {
                let inner = &t[open + 1..open + close];
                (format!("{} {}", &t[..open], &t[open + close + 1..]), Some(inner.to_string()))
            }
            None => return Err("'{' of the verb forms is not closed".into()),
        },
        None => (t.to_string(), None),
    };
    if rest.contains('}') {
        return Err("'}' without '{'".into());
    }
    let (base, code_raw) = match rest.find('[') {
        Some(open) => {
            let b = brackets(&rest[open..]);
            if let Some(bad) = b.unclosed {
                return Err(format!("code '[{bad}' is not closed"));
            }
            for extra in b.groups.iter().skip(1) {
                warnings.push(format!("extra code '[{extra}]' is ignored"));
            }
            if !b.trailing.is_empty() {
                warnings.push(format!("text '{}' after the code is ignored", b.trailing));
            }
            (rest[..open].trim().to_string(), b.groups.first().map(|s| s.to_string()))
        }
        None => (rest.trim().to_string(), None),
    };
    if base.is_empty() {
        return Err("no verb before the code".into());
    }
    if let Some(c) = base.chars().find(|c| "*$%^&]".contains(*c)) {
        return Err(format!("unexpected '{c}' in a verb"));
    }
    let head = verb_phrase(&base);
    if head.words.is_empty() {
        return Err("no verb on the line".into());
    }
    if head.words.len() > 1 && head.marks == 0 {
        warnings.push("multi-word verb without '+': its first word is taken as the verb".into());
    }
    if head.marks > 1 {
        warnings.push("more than one '+' in a verb: the first marks the verb word".into());
    }
    let mut forms = vec![head.words.clone()];
    match braces {
        Some(inner) => {
            for item in inner.split_whitespace() {
                let f = verb_phrase(item);
                if !f.words.is_empty() {
                    forms.push(f.words);
                }
            }
        }
        None => {
            for form in verb_forms(&head.words[head.verb]) {
                let mut f = head.words.clone();
                f[head.verb] = form;
                forms.push(f);
            }
        }
    }
    let mut seen = HashSet::new();
    forms.retain(|f| seen.insert(f.clone()));
    let (code, code_error) = match code_raw {
        None => (block_code.clone(), None),
        Some(raw) => match parse_event_code(&raw) {
            Ok(c) => (c, None),
            Err(e) => (block_code.clone(), Some(e)),
        },
    };
    Ok(VerbLine { lemma: head.words.join(" "), forms, code, code_error, warnings })
}

struct VerbPhrase {
    words: Vec<String>,
    verb: usize,
    marks: usize,
}

fn verb_phrase(raw: &str) -> VerbPhrase {
    let mut words = Vec::new();
    let mut verb = None;
    let mut marks = 0;
    for (piece, _) in super::split_phrase(raw) {
        let bare = piece.trim_start_matches('+');
        if bare.len() != piece.len() {
            marks += 1;
            if verb.is_none() && !bare.is_empty() {
                verb = Some(words.len());
            }
        }
        if !bare.is_empty() {
            words.push(bare.to_lowercase());
        }
    }
    VerbPhrase { verb: verb.unwrap_or(0).min(words.len().saturating_sub(1)), words, marks }
}

// ---------------------------------------------------------------------------------
// Patterns

struct ParsedPattern {
    before: Vec<PatternElem>,
    after: Vec<PatternElem>,
    verb_joined_right: bool,
    code: PatternCode,
    synsets: Vec<String>,
    warnings: Vec<String>,
}

enum RawKind {
    Star,
    Token(String),
    Any(Vec<String>),
}

struct RawItem {
    kind: RawKind,
    /// The next item must follow immediately.
    joined: bool,
    /// Written with a trailing underscore (TABARI: not a stem).
    exact: bool,
}

/// Splits pattern text into items, turning underscores and `{...}` groups into
/// adjacency and dropping PETRARCH 2's `(...)` prepositional-phrase brackets.
struct Tokenizer {
    items: Vec<RawItem>,
    word: String,
    pending_join: bool,
    warnings: Vec<String>,
}

impl Tokenizer {
    fn push(&mut self, kind: RawKind) {
        if self.pending_join {
            if let Some(last) = self.items.last_mut() {
                last.joined = true;
            }
        }
        self.pending_join = false;
        self.items.push(RawItem { kind, joined: false, exact: false });
    }

    fn flush(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let w = std::mem::take(&mut self.word);
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        let rest = chars.as_str();
        if "$+%^".contains(first) && !rest.is_empty() && !rest.chars().all(|c| "$+%^".contains(c)) {
            self.warnings.push(format!("marker '{first}' written against '{rest}' is read as '{first}_{rest}'"));
            self.push(RawKind::Token(first.to_string()));
            self.pending_join = true;
            self.push(RawKind::Token(rest.to_string()));
        } else {
            self.push(RawKind::Token(w));
        }
    }
}

fn parse_pattern(body: &str, stems: StemRule) -> Result<ParsedPattern, String> {
    let body = body.trim();
    let open = body.rfind('[').ok_or("pattern has no code '[...]'")?;
    let code_part = &body[open + 1..];
    let close = code_part.find(']').ok_or("code '[' is not closed")?;
    let code_raw = &code_part[..close];
    let mut warnings = Vec::new();
    let trailing = code_part[close + 1..].trim();
    if !trailing.is_empty() {
        warnings.push(format!("text '{trailing}' after the code is ignored"));
    }
    let text = &body[..open];
    if text.contains('[') || text.contains(']') {
        return Err("more than one code in the pattern".into());
    }
    let code = parse_event_code(code_raw)?;

    let mut tk = Tokenizer { items: Vec::new(), word: String::new(), pending_join: false, warnings };
    let chars: Vec<char> = text.chars().collect();
    // Where the next '}' is, from each position: one pass, so a line full of '{'
    // stays linear.
    let mut next_close = vec![usize::MAX; chars.len() + 1];
    for k in (0..chars.len()).rev() {
        next_close[k] = if chars[k] == '}' { k } else { next_close[k + 1] };
    }
    let mut brace_depth = 0usize;
    let mut group_start = 0usize;
    let mut paren_depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '_' => {
                tk.flush();
                if let Some(last) = tk.items.last_mut() {
                    last.exact = true;
                }
                let next = chars.get(i + 1).copied();
                tk.pending_join =
                    !matches!(next, None | Some(')') | Some('}')) && !next.is_some_and(char::is_whitespace);
            }
            c if c.is_whitespace() => {
                tk.flush();
                tk.pending_join = brace_depth > 0 && tk.items.len() > group_start;
            }
            '(' => {
                tk.flush();
                paren_depth += 1;
                tk.pending_join = false;
            }
            ')' => {
                tk.flush();
                paren_depth = paren_depth.checked_sub(1).ok_or("')' without '('")?;
                tk.pending_join = false;
            }
            '{' => {
                tk.flush();
                let close = next_close[i + 1];
                if close == usize::MAX {
                    return Err("'{' is not closed".into());
                }
                let inner = &chars[i + 1..close];
                if inner.contains(&'|') && !inner.contains(&'{') {
                    let inner: String = inner.iter().collect();
                    let options = inner.split('|').map(|s| s.trim().to_string()).collect();
                    tk.push(RawKind::Any(options));
                    tk.pending_join = false;
                    i = close + 1;
                    continue;
                }
                brace_depth += 1;
                group_start = tk.items.len();
            }
            '}' => {
                tk.flush();
                brace_depth = brace_depth.checked_sub(1).ok_or("'}' without '{'")?;
                tk.pending_join = false;
            }
            '*' => {
                tk.flush();
                tk.push(RawKind::Star);
            }
            _ => tk.word.push(c),
        }
        i += 1;
    }
    tk.flush();
    if brace_depth > 0 {
        return Err("'{' is not closed".into());
    }
    if paren_depth > 0 {
        return Err("'(' is not closed".into());
    }

    let stars = tk.items.iter().filter(|it| matches!(it.kind, RawKind::Star)).count();
    if stars == 0 {
        return Err("no '*' marks the verb".into());
    }
    if stars > 1 {
        return Err("more than one '*'".into());
    }
    let tabari = stems == StemRule::Tabari;
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut verb_joined_right = false;
    let mut seen_star = false;
    let mut synsets = Vec::new();
    let mut warnings = tk.warnings;
    for item in tk.items {
        let joined = item.joined;
        let elem = match item.kind {
            RawKind::Star => {
                verb_joined_right = joined;
                seen_star = true;
                continue;
            }
            RawKind::Token(s) => match s.as_str() {
                "$" | "+" | "%" | "^" => {
                    if joined {
                        warnings.push(format!("an underscore after '{s}' cannot be kept; read as a space"));
                    }
                    match s.as_str() {
                        "$" => PatternElem::Source,
                        "+" => PatternElem::Target,
                        "%" => PatternElem::Compound,
                        _ => PatternElem::SkipPhrase,
                    }
                }
                _ => {
                    if let Some(name) = s.strip_prefix('&') {
                        let name = name.to_uppercase();
                        if name.is_empty() || name.contains('&') {
                            return Err(format!("'{s}' is not a synset name"));
                        }
                        synsets.push(name.clone());
                        PatternElem::Synset { name, joined }
                    } else {
                        PatternElem::Word {
                            word: PhraseWord { text: s.to_lowercase(), stem: tabari && !item.exact },
                            joined,
                        }
                    }
                }
            },
            RawKind::Any(options) => {
                let mut phrases = Vec::new();
                for o in options {
                    if o.is_empty() || o.chars().any(|c| "$+%^&*(){}".contains(c)) {
                        return Err(format!("alternative '{o}' in '{{..|..}}' must be plain words"));
                    }
                    phrases.push(phrase_words(&o, stems, PhraseUse::Name));
                }
                PatternElem::Any { options: phrases, joined }
            }
        };
        if seen_star {
            after.push(elem);
        } else {
            before.push(elem);
        }
    }
    Ok(ParsedPattern { before, after, verb_joined_right, code, synsets, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Severity;

    fn w(text: &str, joined: bool) -> PatternElem {
        PatternElem::Word { word: PhraseWord::exact(text), joined }
    }

    fn pat(text: &str) -> ParsedPattern {
        parse_pattern(text, StemRule::Petrarch).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn pattern_elements_and_adjacency() {
        let p = pat(" IN_*  [075]");
        assert_eq!(p.before, vec![w("in", true)]);
        assert!(p.after.is_empty() && !p.verb_joined_right);
        let p = pat(" IN_ *  [075A]");
        assert_eq!(p.before, vec![w("in", false)]);
        assert_eq!(p.code.code.as_deref(), Some("075A"));
        let p = pat(" *_OUT [074]");
        assert!(p.verb_joined_right);
        assert_eq!(p.after, vec![w("out", false)]);
        let p = pat(" SO IN_AND_*_OUT_AGAIN NOW [074]");
        assert_eq!(p.before, vec![w("so", false), w("in", true), w("and", true)]);
        assert!(p.verb_joined_right);
        assert_eq!(p.after, vec![w("out", true), w("again", false), w("now", false)]);
        let p = pat(" SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]");
        assert_eq!(p.before, vec![w("suggested", true), PatternElem::Target]);
        assert_eq!(
            p.after,
            vec![
                w("demand", true),
                PatternElem::Synset { name: "GENINT".into(), joined: true },
                w("conventions", false)
            ]
        );
        assert_eq!(p.synsets, vec!["GENINT"]);
        let p = pat(" + * IN $  [075]");
        assert_eq!(p.before, vec![PatternElem::Target]);
        assert_eq!(p.after, vec![w("in", false), PatternElem::Source]);
        let p = pat(" % * ^ [030:030]");
        assert_eq!(p.before, vec![PatternElem::Compound]);
        assert_eq!(p.after, vec![PatternElem::SkipPhrase]);
        assert_eq!((p.code.code.as_deref(), p.code.paired.as_deref()), (Some("030"), Some("030")));
        let p = pat(" * OFF_  [195]");
        assert_eq!(p.after, vec![w("off", false)]);
        let p = pat(" PEACE-KEEPING *  [---]");
        assert_eq!(p.code.code, None);
        let p = pat(" * DIPLXMATIC  [###]");
        assert_eq!(p.code.code.as_deref(), Some("###"));
    }

    #[test]
    fn petrarch2_groups_are_flattened() {
        let p = pat(" * POLICE (TO BORDER)   [153]");
        assert_eq!(p.after, vec![w("police", false), w("to", false), w("border", false)]);
        let p = pat(" * {ARMS SHIPMENT}  [072]");
        assert_eq!(p.after, vec![w("arms", true), w("shipment", false)]);
        let p = pat(" * (TO {BANNED PARTIES}) $  [1722]");
        assert_eq!(p.after, vec![w("to", false), w("banned", true), w("parties", false), PatternElem::Source]);
        let p = pat(" * (FOR {&MILITARY INCURSION})  [111]");
        assert_eq!(
            p.after,
            vec![w("for", false), PatternElem::Synset { name: "MILITARY".into(), joined: true }, w("incursion", false)]
        );
        let p = pat(" * ABDUCTION (OF ^) BY +  [111]");
        assert_eq!(
            p.after,
            vec![w("abduction", false), w("of", false), PatternElem::SkipPhrase, w("by", false), PatternElem::Target]
        );
        let p = pat(" * (TO)  [042:043]");
        assert_eq!(p.after, vec![w("to", false)]);
    }

    #[test]
    fn tabari_disjunction_becomes_any() {
        let p = pat(" * {TALKS | NEGOTIATIONS} [031]");
        assert_eq!(
            p.after,
            vec![PatternElem::Any {
                options: vec![vec![PhraseWord::exact("talks")], vec![PhraseWord::exact("negotiations")]],
                joined: false
            }]
        );
    }

    #[test]
    fn bad_patterns_are_errors() {
        for bad in [
            " * X",
            " X [1]",
            " * * [1]",
            " * (X [1]",
            " * X) [1]",
            " * {X [1]",
            " & * [1]",
            " * X [1] [2]",
            " * [1:2:3]",
        ] {
            assert!(parse_pattern(bad, StemRule::Petrarch).is_err(), "{bad}");
        }
    }

    const SNIPPET: &str = "\
<!-- a small verb file, our own words -->
&COLOURS
+RED
+DARK BLUE
+GREEN_

&TONES_
+LOUD
+&COLOURS

--- PAINT [051] ---
PAINT
COAT {COATS COATED} [052]
+TOUCH_UP
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- * &COLOURS [053]   # a pattern
- % * [053:054]
- * &NOPE [055]
~ a (b) SAY = a b 015
- broken pattern
STRAY {
--- CRY [---] ---
CRY
- IN_* [090]
";

    #[test]
    fn snippet_reads_every_construct() {
        let (loaded, used) = read("v.txt", SNIPPET, ReadOptions::default());
        let lex = &loaded.value;
        let colours = &lex.synsets["COLOURS"];
        let texts: Vec<String> =
            colours.iter().map(|p| p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(texts, vec!["red", "reds", "dark blue", "dark blues", "green"]);
        let tones = &lex.synsets["TONES"];
        assert_eq!(tones.len(), 1 + colours.len(), "no plurals in a '_' synset, nested members flattened");

        let paint = lex.verbs.iter().find(|v| v.lemma == "paint").unwrap();
        assert_eq!(paint.code.code.as_deref(), Some("051"));
        assert_eq!(paint.forms, vec![vec!["paint"], vec!["paints"], vec!["painted"], vec!["painting"]]);
        assert_eq!(paint.patterns.len(), 2, "the pattern with an undefined synset is dropped");
        assert_eq!(paint.rule, "v.txt:12");
        let coat = lex.verbs.iter().find(|v| v.lemma == "coat").unwrap();
        assert_eq!(coat.code.code.as_deref(), Some("052"));
        assert_eq!(coat.forms, vec![vec!["coat"], vec!["coats"], vec!["coated"]]);
        assert_eq!(coat.patterns.len(), 2);
        let touch = lex.verbs.iter().find(|v| v.lemma == "touch up").unwrap();
        assert!(touch.forms.contains(&vec!["touched".to_string(), "up".to_string()]));
        let tap = lex.verbs.iter().find(|v| v.lemma == "wire tap").unwrap();
        assert_eq!(tap.forms, vec![vec!["wire", "tap"], vec!["wire", "tapped"], vec!["wire", "tapping"]]);
        let cry = lex.verbs.iter().find(|v| v.lemma == "cry").unwrap();
        assert_eq!(cry.code.code, None);
        assert!(cry.forms.contains(&vec!["cries".to_string()]) && cry.forms.contains(&vec!["cried".to_string()]));
        assert_eq!(cry.patterns[0].before, vec![w("in", true)]);

        let issue_lines: Vec<(usize, Severity)> = loaded.issues.iter().map(|i| (i.line, i.severity)).collect();
        assert!(issue_lines.contains(&(18, Severity::Error)), "undefined synset: {issue_lines:?}");
        assert!(issue_lines.contains(&(19, Severity::Warning)), "transformation");
        assert!(issue_lines.contains(&(20, Severity::Error)), "no code");
        assert!(issue_lines.contains(&(21, Severity::Error)), "unclosed brace");

        // no line silently dropped: 21 content lines, each used or reported
        let mut accounted: HashSet<usize> = used.into_iter().collect();
        accounted.extend(loaded.issues.iter().map(|i| i.line));
        let content: Vec<usize> = (2..=24).filter(|l| ![6, 10].contains(l)).collect();
        for l in &content {
            assert!(accounted.contains(l), "line {l} neither used nor reported");
        }
        assert_eq!(content.len(), 21);
    }

    #[test]
    fn members_of_a_nameless_synset_are_reported() {
        let loaded = read_verbs("v", "--- A [1] ---\nA\n&\n+B\n+C\n");
        let lines: Vec<usize> = loaded.issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert_eq!(loaded.value.verbs.len(), 1);
    }

    #[test]
    fn patterns_outside_blocks_and_empty_blocks_are_reported() {
        let text = "- * X [1]\nVERB\n--- EMPTY [1] ---\n- * Y [2]\n";
        let loaded = read_verbs("v", text);
        let lines: Vec<usize> = loaded.issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![1, 2, 4]);
        assert!(loaded.value.verbs.is_empty());
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn unit_test_dictionary() {
        let text = super::super::tests::shared("eval/petrarch-unit/PETR.Validate.verbs.txt");
        let lex = read_verbs("PETR.Validate.verbs.txt", &text).value;
        let verb = |lemma: &str| lex.verbs.iter().find(|v| v.lemma == lemma).unwrap_or_else(|| panic!("{lemma}"));
        let tie: Vec<&str> = lex.synsets["TIETYPES"].iter().map(|p| p[0].text.as_str()).collect();
        for m in ["military", "economic", "cultural"] {
            assert!(tie.contains(&m));
        }
        let accord = &lex.synsets["ACCORDSYN"];
        assert!(accord.iter().any(|p| p[0].text == "military"), "nested &TIETYPES");
        assert!(accord.iter().any(|p| p.len() == 2 && p[0].text == "swiss"), "nested &CURRENCY");

        let brk = verb("break");
        assert_eq!(brk.code.code.as_deref(), Some("1717"));
        assert_eq!(brk.forms, vec![vec!["break"], vec!["broke"], vec!["broken"]]);
        assert_eq!(brk.patterns.len(), 6);
        let down = verb("break down");
        assert!(down.forms.contains(&vec!["broke".to_string(), "down".to_string()]));
        let arrive = verb("arrive");
        assert_eq!((arrive.code.code.as_deref(), arrive.code.paired.as_deref()), (Some("032"), Some("033")));
        let admit = verb("admit");
        assert_eq!((admit.code.code.as_deref(), admit.code.paired.as_deref()), (Some("013"), Some("012")));
        assert_eq!(verb("downplay").code.code.as_deref(), Some("014"));
        assert_eq!(verb("postpone").code.code.as_deref(), Some("120"));
        assert_eq!(verb("klm nop rst").code.code.as_deref(), Some("002"));
        assert_eq!(verb("klm nop rst").forms[1], vec!["klm", "nop", "rsts"]);
        let arm = verb("arm");
        assert!(arm.patterns.iter().any(|p| p.code.code.as_deref() == Some("DEF")));
        let ack = verb("acknowledge");
        assert!(ack.patterns.iter().any(|p| p.verb_joined_right));
        assert_eq!(verb("troubled").code.code, None);
        let accord_verb = verb("accord");
        let codes: Vec<_> = accord_verb.patterns.iter().map(|p| p.code.code.clone().unwrap_or_default()).collect();
        assert_eq!(codes, vec!["111", "083", "075", "075A", "072", "073"]);
        assert!(lex.verbs.len() > 200);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn phoenix_verb_files() {
        let text = super::super::tests::shared("dictionaries/phoenix/CAMEO.verbpatterns.150430.txt");
        let lex = read_verbs("CAMEO.verbpatterns.150430.txt", &text).value;
        assert!(lex.verbs.len() > 1500, "{}", lex.verbs.len());
        assert!(lex.synsets.len() > 30);
        let say = lex.verbs.iter().find(|v| v.lemma == "say").unwrap();
        assert!(say.forms.contains(&vec!["said".to_string()]));
        assert_eq!(say.code.code.as_deref(), Some("010"));
        let express = lex.verbs.iter().find(|v| v.lemma == "express").unwrap();
        assert_eq!(express.code.code.as_deref(), Some("0110"));
        assert!(express.patterns.len() > 100);

        let text = super::super::tests::shared("dictionaries/phoenix/CAMEO.2.0.txt");
        let loaded = read_verbs("CAMEO.2.0.txt", &text);
        let lex = loaded.value;
        assert!(lex.verbs.len() > 1500, "{}", lex.verbs.len());
        let accuse = lex.verbs.iter().find(|v| v.lemma == "accuse" && v.code.code.as_deref() == Some("112"));
        assert!(accuse.is_some());
        let rush = lex.verbs.iter().find(|v| v.lemma == "rush").unwrap();
        assert!(rush.patterns.iter().any(|p| p.after == vec![w("police", false), w("to", false), w("border", false)]
            && p.code.code.as_deref() == Some("153")));
        let transformations = loaded.issues.iter().filter(|i| i.message.contains("transformation")).count();
        assert!(transformations >= 5);
    }
}
