//! Reader for Dragoman's own event lexicon (`dictionaries/verbs.txt`).
//!
//! The format is described at the top of that file: `CODE [say|noun] PATTERN`, the
//! trigger in capitals, literal words in lower case, `+ $ % ^` slots. It compiles to
//! the same `VerbLexicon` the PETRARCH reader produces, so one matcher serves both.

use std::collections::HashMap;

use crate::inflect::{phrase_forms, plural};
use crate::lexicon::{DictIssue, PatternCode, PatternElem, PhraseWord, Severity, VerbEntry, VerbLexicon, VerbPattern};

/// The built-in lexicon file, compiled into the binary.
pub const BUILTIN_VERBS: (&str, &str) = ("verbs.txt", include_str!("../../../dictionaries/verbs.txt"));

/// A verb lexicon plus which verbs report speech (their target may be the subject
/// of the clause they report).
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    pub verbs: VerbLexicon,
    /// Indices into `verbs.verbs` of verbs of saying.
    pub say: Vec<usize>,
}

/// Reads an event lexicon in Dragoman's format.
pub fn read_event_lexicon(file: &str, text: &str) -> (EventLexicon, Vec<DictIssue>) {
    let mut lex = EventLexicon::default();
    let mut issues = Vec::new();
    let mut by_lemma: HashMap<(String, bool), usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut issue = |message: String, severity| {
            issues.push(DictIssue { file: file.to_string(), line: line_no, message, severity })
        };
        let mut parts = line.split_whitespace();
        let code = parts.next().unwrap_or("");
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) || code.len() < 2 || code.len() > 4 {
            issue(
                format!("expected a CAMEO code (2 to 4 digits) at the start of the line, found `{code}`"),
                Severity::Error,
            );
            continue;
        }
        let mut words: Vec<&str> = parts.collect();
        let (mut say, mut noun) = (false, false);
        while let Some(&flag) = words.first() {
            match flag {
                "say" if words.len() > 1 => say = true,
                "noun" if words.len() > 1 => noun = true,
                _ => break,
            }
            words.remove(0);
        }
        let is_trigger = |w: &str| w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase());
        let triggers: Vec<usize> = (0..words.len()).filter(|&k| is_trigger(words[k])).collect();
        if triggers.len() != 1 {
            issue(
                format!("a pattern needs exactly one trigger in CAPITALS, found {}", triggers.len()),
                Severity::Error,
            );
            continue;
        }
        let t = triggers[0];
        let before = words[..t].iter().map(|w| element(w)).collect::<Option<Vec<_>>>();
        let after = words[t + 1..].iter().map(|w| element(w)).collect::<Option<Vec<_>>>();
        let (Some(before), Some(after)) = (before, after) else {
            issue("a pattern word is empty or malformed (check `|` and `_`)".to_string(), Severity::Error);
            continue;
        };
        let rule = format!("{file}:{line_no}");
        for alt in words[t].split('|').filter(|a| !a.is_empty()) {
            let parts: Vec<String> = alt.split('_').filter(|p| !p.is_empty()).map(str::to_lowercase).collect();
            let lemma = parts.join(" ");
            let idx = *by_lemma.entry((lemma.clone(), noun)).or_insert_with(|| {
                let forms = if noun {
                    let mut pl = parts.clone();
                    if let Some(last) = pl.last_mut() {
                        *last = plural(last);
                    }
                    vec![parts.clone(), pl]
                } else {
                    phrase_forms(&parts.iter().map(String::as_str).collect::<Vec<_>>())
                };
                lex.verbs.verbs.push(VerbEntry {
                    lemma: lemma.clone(),
                    forms,
                    code: PatternCode { code: None, paired: None },
                    patterns: Vec::new(),
                    noun,
                    rule: rule.clone(),
                });
                lex.verbs.verbs.len() - 1
            });
            if say && !lex.say.contains(&idx) {
                lex.say.push(idx);
            }
            let entry = &mut lex.verbs.verbs[idx];
            if before.is_empty() && after.is_empty() {
                if let Some(old) = &entry.code.code {
                    if old != code {
                        issue(
                            format!(
                                "`{lemma}` already has the default code {old} (from {}); {code} here wins",
                                entry.rule
                            ),
                            Severity::Warning,
                        );
                    }
                }
                entry.code = PatternCode { code: Some(code.to_string()), paired: None };
                entry.rule = rule.clone();
            } else {
                entry.patterns.push(VerbPattern {
                    before: before.clone(),
                    after: after.clone(),
                    code: PatternCode { code: Some(code.to_string()), paired: None },
                    verb_joined_right: false,
                    rule: rule.clone(),
                });
            }
        }
    }
    (lex, issues)
}

fn element(w: &str) -> Option<PatternElem> {
    match w {
        "+" => return Some(PatternElem::Target),
        "$" => return Some(PatternElem::Source),
        "%" => return Some(PatternElem::Compound),
        "^" => return Some(PatternElem::SkipPhrase),
        _ => {}
    }
    let options: Vec<Vec<PhraseWord>> =
        w.split('|').map(|o| o.split('_').map(PhraseWord::exact).collect::<Vec<_>>()).collect();
    if options.iter().any(|o| o.iter().any(|p| p.text.is_empty())) {
        return None;
    }
    if options.len() == 1 && options[0].len() == 1 {
        return Some(PatternElem::Word { word: options[0][0].clone(), joined: false });
    }
    Some(PatternElem::Any { options, joined: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_reads_without_errors() {
        let (lex, issues) = read_event_lexicon(BUILTIN_VERBS.0, BUILTIN_VERBS.1);
        let errors: Vec<_> = issues.iter().filter(|i| i.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(lex.verbs.verbs.len() > 300);
        let accuse = lex.verbs.verbs.iter().find(|v| v.lemma == "accuse").unwrap();
        assert_eq!(accuse.code.code.as_deref(), Some("112"));
        assert!(accuse.forms.contains(&vec!["accused".to_string()]));
        assert!(accuse.patterns.iter().any(|p| p.code.code.as_deref() == Some("1123")));
        let call_on = lex.verbs.verbs.iter().find(|v| v.lemma == "call on").unwrap();
        assert!(call_on.forms.contains(&vec!["called".to_string(), "on".to_string()]));
        let offensive = lex.verbs.verbs.iter().find(|v| v.lemma == "offensive").unwrap();
        assert!(offensive.noun);
        let say = lex.verbs.verbs.iter().position(|v| v.lemma == "say").unwrap();
        assert!(lex.say.contains(&say));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line() {
        let (lex, issues) = read_event_lexicon("t.txt", "111 CRITICIZE\nabc DENY\n112 accuse\n112 ACCUSE + of||x\n");
        assert_eq!(lex.verbs.verbs.len(), 1);
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
    }

    #[test]
    fn patterns_split_around_the_trigger() {
        let (lex, _) = read_event_lexicon("t.txt", "125 CANCEL|CALL_OFF meeting|talks with +\n040 % DISCUSS\n");
        let cancel = &lex.verbs.verbs[0];
        assert_eq!(cancel.lemma, "cancel");
        assert_eq!(cancel.patterns[0].after.len(), 3);
        assert_eq!(cancel.patterns[0].after[2], PatternElem::Target);
        assert_eq!(lex.verbs.verbs[1].lemma, "call off");
        assert_eq!(lex.verbs.verbs[2].patterns[0].before, vec![PatternElem::Compound]);
    }
}
