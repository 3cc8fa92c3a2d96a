//! Lemmas: a table of the treebank words whose lemma the rules would get wrong, and
//! suffix rules learned from the treebanks per XPOS tag ("VBD …ied" → cut 3, add "y").
//!
//! Proper nouns keep their form; every other lemma is lower case, as in UD English.

use super::features::suffix;
use crate::fxhash::FxHashMap;

/// How to turn a word into its lemma: cut `cut` characters from the end, then append.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SuffixEdit {
    pub cut: u8,
    pub append: String,
}

impl SuffixEdit {
    /// The edit that turns `form` into `lemma` (both lower case).
    pub fn between(form: &str, lemma: &str) -> SuffixEdit {
        let common = form.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let cut = form.chars().count() - common;
        SuffixEdit { cut: cut.min(255) as u8, append: lemma.chars().skip(common).collect() }
    }

    pub fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        if self.cut as usize >= n {
            return None;
        }
        let mut out: String = form.chars().take(n - self.cut as usize).collect();
        out.push_str(&self.append);
        Some(out)
    }
}

/// The longest suffix a rule may look at.
pub const MAX_SUFFIX: usize = 4;

#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// "form\txpos" → lemma, for words the rules get wrong.
    pub exceptions: FxHashMap<String, String>,
    /// "xpos\tsuffix" → edit.
    pub rules: FxHashMap<String, SuffixEdit>,
}

impl Lemmatizer {
    /// The lemma of a word with its tags.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        self.lemma_lower(form, &form.to_lowercase(), upos, xpos)
    }

    /// [`Lemmatizer::lemma`] with the lowercased word at hand.
    pub fn lemma_lower(&self, form: &str, lower: &str, upos: &str, xpos: &str) -> String {
        if upos == "PROPN" {
            return form.to_string();
        }
        let mut key = String::with_capacity(lower.len() + xpos.len() + 1);
        key.push_str(lower);
        key.push('\t');
        key.push_str(xpos);
        if let Some(l) = self.exceptions.get(&key) {
            return l.clone();
        }
        self.by_rule(lower, xpos)
    }

    /// The lemma the suffix rules give for a lower-case word.
    pub fn by_rule(&self, lower: &str, xpos: &str) -> String {
        let chars = lower.chars().count();
        let mut key = String::with_capacity(xpos.len() + 1 + 4 * MAX_SUFFIX);
        key.push_str(xpos);
        key.push('\t');
        let base = key.len();
        for n in (0..=MAX_SUFFIX).rev() {
            if chars <= n {
                continue;
            }
            key.truncate(base);
            key.push_str(suffix(lower, n));
            if let Some(edit) = self.rules.get(&key) {
                if let Some(l) = edit.apply(lower) {
                    return l;
                }
            }
        }
        lower.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_round_trip() {
        let e = SuffixEdit::between("studied", "study");
        assert_eq!(e, SuffixEdit { cut: 3, append: "y".into() });
        assert_eq!(e.apply("carried").as_deref(), Some("carry"));
        assert_eq!(SuffixEdit::between("was", "be").apply("was").as_deref(), None);
    }
}
