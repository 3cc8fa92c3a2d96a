//! The part-of-speech tagger: greedy, left to right, an averaged perceptron choosing one
//! joint UPOS+XPOS tag per word.
//!
//! Besides the word, its affixes, its shape and its neighbours, each word carries its
//! *ambiguity class* from the training data (the set of tags the word was seen with),
//! which tells the tagger about the words to its right before it has tagged them.

use super::features::{feat, prefix, shape_hash, str_hash, suffix};
use super::weights::Weights;
use crate::fxhash::FxHashMap;

/// The per-word atoms the tagger's features are made of, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordAtoms {
    pub lower: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre2: u64,
    pub shape: u64,
    pub ambiguity: u64,
    pub capital: bool,
}

/// The atoms of every word of a sentence, given the tagger's ambiguity classes.
pub fn word_atoms(forms: &[&str], ambiguity: &FxHashMap<String, u64>) -> Vec<WordAtoms> {
    let lowers: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
    word_atoms_lower(forms, &lowers, ambiguity)
}

/// [`word_atoms`] with the lowercased words already at hand.
pub fn word_atoms_lower(forms: &[&str], lowers: &[String], ambiguity: &FxHashMap<String, u64>) -> Vec<WordAtoms> {
    forms
        .iter()
        .zip(lowers)
        .map(|(f, lower)| {
            let lower = lower.as_str();
            WordAtoms {
                lower: str_hash(lower),
                suf2: str_hash(suffix(lower, 2)),
                suf3: str_hash(suffix(lower, 3)),
                suf4: str_hash(suffix(lower, 4)),
                pre2: str_hash(prefix(f, 2)),
                shape: shape_hash(f),
                ambiguity: ambiguity.get(lower).copied().unwrap_or(1),
                capital: f.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .collect()
}

const NONE: u64 = 0x5eed;

/// The features of word `i` given the tags already chosen for the two words before it
/// (`prev1`, `prev2`; class index + 1, 0 at the sentence start).
pub fn tagger_features(atoms: &[WordAtoms], i: usize, prev1: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> WordAtoms {
        if k < 0 || k as usize >= atoms.len() {
            WordAtoms {
                lower: NONE,
                suf2: NONE,
                suf3: NONE,
                suf4: NONE,
                pre2: NONE,
                shape: NONE,
                ambiguity: NONE,
                capital: false,
            }
        } else {
            atoms[k as usize]
        }
    };
    let i = i as isize;
    let (w, l1, l2, r1, r2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat(0, &[]),
        feat(1, &[w.lower]),
        feat(2, &[w.suf3]),
        feat(3, &[w.suf2]),
        feat(4, &[w.pre2]),
        feat(5, &[w.shape]),
        feat(6, &[l1.lower]),
        feat(7, &[r1.lower]),
        feat(8, &[l2.lower]),
        feat(9, &[r2.lower]),
        feat(10, &[prev1]),
        feat(11, &[prev2, prev1]),
        feat(12, &[prev1, w.lower]),
        feat(13, &[l1.suf3]),
        feat(14, &[r1.suf3]),
        feat(15, &[w.ambiguity]),
        feat(16, &[r1.ambiguity]),
        feat(17, &[r2.ambiguity]),
        feat(18, &[w.lower, r1.lower]),
        feat(19, &[l1.lower, w.lower]),
        feat(20, &[w.shape, first]),
        feat(21, &[w.suf4]),
        feat(22, &[prev1, r1.ambiguity]),
        feat(23, &[w.ambiguity, r1.ambiguity]),
        feat(24, &[prev1, w.ambiguity]),
        feat(25, &[w.suf3, prev1]),
        feat(26, &[u64::from(w.capital), first, w.ambiguity]),
    ]);
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The joint tags, by class index: (UPOS, XPOS).
    pub tags: Vec<(&'static str, &'static str)>,
    pub weights: Weights,
    /// Lowercased word → ambiguity class (1: unknown word).
    pub ambiguity: FxHashMap<String, u64>,
    /// Frequent words that in training took one tag (nearly) always ("the", ",", "of"):
    /// they get it without scoring, which saves about half of the tagger's work.
    pub sure: FxHashMap<String, u16>,
}

impl Tagger {
    /// The class index of the best tag for every word.
    pub fn tag(&self, forms: &[&str]) -> Vec<u16> {
        self.tag_atoms(forms, &word_atoms(forms, &self.ambiguity))
    }

    /// [`Tagger::tag`] with the words' atoms already computed.
    pub fn tag_atoms(&self, forms: &[&str], atoms: &[WordAtoms]) -> Vec<u16> {
        let mut out = Vec::with_capacity(forms.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = Vec::with_capacity(self.tags.len());
        let (mut p1, mut p2) = (0u64, 0u64);
        for (i, form) in forms.iter().enumerate() {
            let best = match self.sure.get(*form) {
                Some(&t) => t as usize,
                None => {
                    tagger_features(atoms, i, p1, p2, &mut feats);
                    self.weights.scores(&feats, &mut scores);
                    argmax(&scores)
                }
            };
            out.push(best as u16);
            p2 = p1;
            p1 = best as u64 + 1;
        }
        out
    }
}

impl Tagger {
    /// A sentence needs a finite verb. When the tagger found none but read a past
    /// participle right after a noun with no auxiliary before it ("Hundreds of
    /// supporters gathered outside", "Mali's junta dissolved all parties"), that
    /// participle is the sentence's past-tense verb: news headlines and leads are full
    /// of them, and a participle there makes the parser hang the verb from the noun.
    /// When the only finite verbs come later ("Russia and Ukraine each freed 115
    /// prisoners …, the ministry said"), a participle between its subject and a
    /// determiner or number that starts its object is read so too.
    pub fn repair_finite_verb(&self, lowers: &[String], tags: &mut [u16]) {
        let xpos = |t: u16| self.tags[t as usize].1;
        let Some(past) = self.tags.iter().position(|&(u, x)| u == "VERB" && x == "VBD") else { return };
        let auxiliary = |w: &str| {
            matches!(
                w,
                "be" | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "being"
                    | "has"
                    | "have"
                    | "had"
                    | "having"
                    | "get"
                    | "got"
            )
        };
        let noun = |i: usize| matches!(xpos(tags[i]), "NN" | "NNS" | "NNP" | "NNPS");
        let finite = |t: u16| matches!(xpos(t), "VBD" | "VBZ" | "VBP" | "MD");
        // A participle (or an -ed word read as an adjective) with no auxiliary in
        // the four words before it.
        let bare_participle = |i: usize| {
            (xpos(tags[i]) == "VBN" || (xpos(tags[i]) == "JJ" && lowers[i].ends_with("ed")))
                && !lowers[i.saturating_sub(4)..i].iter().any(|w| auxiliary(w))
        };
        // Whether the first finite verb after word `i` opens a clause of its own: a
        // comma and a conjunction stand between ("…, but the two leaders refused").
        let next_clause_only = |i: usize| {
            let Some(j) = (i + 1..tags.len()).find(|&j| finite(tags[j])) else { return true };
            (i + 1..j).any(|k| {
                lowers[k] == ","
                    && lowers
                        .get(k + 1)
                        .is_some_and(|w| matches!(w.as_str(), "but" | "and" | "while" | "as" | "although"))
            })
        };
        // Whether every finite verb after word `i` is a report's, after a comma
        // ("…, a spokesman said").
        let reported_only = |i: usize| {
            (i + 1..tags.len()).filter(|&j| finite(tags[j])).all(|j| {
                matches!(lowers[j].as_str(), "said" | "says" | "told" | "added") && (i + 1..j).any(|k| lowers[k] == ",")
            })
        };
        let found = if tags.iter().any(|&t| finite(t)) {
            // Only before the first finite verb, between a subject and an object; or
            // before a time or purpose when every later finite verb has a clause of
            // its own ("Leaders of Russia, Turkey and France agreed on Sunday to
            // respect …, but the two rival leaders refused …").
            (1..tags.len().saturating_sub(1)).take_while(|&i| !finite(tags[i])).find(|&i| {
                let subject = noun(i - 1) || matches!(lowers[i - 1].as_str(), "each" | "both" | "all");
                // "The regional police force, known as the Mossos, detained two …, a
                // spokesman said": after a phrase set off by commas behind the subject,
                // when the only later verbs are the report's.
                let set_off = lowers[i - 1] == ","
                    && (i.saturating_sub(9)..i.saturating_sub(2)).any(|k| k >= 1 && lowers[k] == "," && noun(k - 1))
                    && reported_only(i);
                let subject = subject || set_off;
                let object = matches!(xpos(tags[i + 1]), "DT" | "CD" | "PRP$");
                let adjunct =
                    matches!(lowers[i + 1].as_str(), "on" | "late" | "early" | "last" | "overnight" | "yesterday")
                        && next_clause_only(i);
                subject && (object || adjunct) && bare_participle(i)
            })
        } else {
            // "…, including Germany, France and Sweden, summoned Russian ambassadors":
            // after a list closed by a comma too.
            (1..tags.len()).find(|&i| {
                let after_noun = noun(i - 1) || (i >= 2 && lowers[i - 1] == "," && noun(i - 2));
                after_noun && bare_participle(i)
            })
        };
        if let Some(i) = found {
            tags[i] = past as u16;
        }
    }
}

/// The index of the largest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let Some(&first) = scores.first() else { return 0 };
    let (mut best, mut top) = (0, first);
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > top {
            best = i;
            top = s;
        }
    }
    best
}
