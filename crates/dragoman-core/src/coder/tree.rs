//! The sentence's dependency tree seen from the coder's tokens: which clause a
//! trigger heads, and which noun-phrase group a tree word stands for.
//!
//! The tree's words come from the coder's tokens (clitics split off), so every word
//! starts inside exactly one token; a token maps to the first word that starts at its
//! first byte.

use super::analysis::Analysis;
use super::roles::NpGroup;
use crate::syntax::clauses::{children, clauses_with, Clause};
use crate::syntax::Tree;

pub struct TreeView {
    pub tree: Tree,
    clauses: Vec<Clause>,
    /// The word that starts at each token, if any.
    tok_word: Vec<Option<usize>>,
    /// The token each word starts in.
    word_tok: Vec<usize>,
    kids: Vec<Vec<usize>>,
}

/// Relations through which a noun's phrase may hold the actor when the head's own
/// phrase names no one ("a group of men", "thousands of protesters").
const INNER: &[&str] = &["nmod", "appos", "compound", "flat", "amod"];

impl TreeView {
    pub fn new(tree: Tree, a: &Analysis) -> TreeView {
        let n = tree.words.len();
        let mut tok_word = vec![None; a.toks.len()];
        let mut word_tok = Vec::with_capacity(n);
        let mut t = 0;
        for (w, word) in tree.words.iter().enumerate() {
            while t + 1 < a.toks.len() && a.toks[t].token.end <= word.start {
                t += 1;
            }
            if t < a.toks.len() && a.toks[t].token.start == word.start && tok_word[t].is_none() {
                tok_word[t] = Some(w);
            }
            word_tok.push(t.min(a.toks.len().saturating_sub(1)));
        }
        let kids = children(&tree);
        TreeView { clauses: clauses_with(&tree, &kids), tree, tok_word, word_tok, kids }
    }

    pub fn word_at(&self, tok: usize) -> Option<usize> {
        self.tok_word.get(tok).copied().flatten()
    }

    pub fn tok_of(&self, w: usize) -> usize {
        self.word_tok[w]
    }

    /// The clause headed by the word at token `tok`.
    pub fn clause_at(&self, tok: usize) -> Option<&Clause> {
        let w = self.word_at(tok)?;
        self.clauses.iter().find(|c| c.predicate == w)
    }

    pub fn children(&self, w: usize) -> &[usize] {
        &self.kids[w]
    }

    /// The phrase group a tree word stands for, with its conjuncts ("Russia and
    /// Belarus"); `None` when no phrase there names an actor, a pronoun or a role.
    pub fn group(&self, a: &Analysis, w: usize) -> Option<NpGroup> {
        // "Several European governments, including Germany, France and Sweden": the
        // members named stand for the whole.
        let including = self.children(w).iter().copied().find(|&c| {
            self.tree.words[c].deprel.starts_with("nmod")
                && self.children(c).iter().any(|&d| self.tree.words[d].form.eq_ignore_ascii_case("including"))
        });
        if let Some(g) = including.and_then(|c| self.group(a, c)) {
            if g.nps.iter().any(|&n| !a.nps[n].actors.is_empty()) {
                return Some(g);
            }
        }
        let (first, w) = self.content_np(a, w, 0)?;
        let mut nps = vec![first];
        for &c in &self.kids[w] {
            if self.tree.words[c].deprel == "conj" {
                if let Some((n, _)) = self.content_np(a, c, 0) {
                    if !nps.contains(&n) {
                        nps.push(n);
                    }
                }
            }
        }
        // A list the parser split up ("Mordor, Rohan, Fornost and Bree" read as
        // appositions) still holds together by its commas and "and".
        let right = super::roles::group_right(a, first);
        let last = *right.nps.last().unwrap_or(&first);
        for g in [super::roles::group_left(a, first), super::roles::group_left(a, last), right] {
            for n in g.nps {
                if !nps.contains(&n) {
                    nps.push(n);
                }
            }
        }
        nps.sort_unstable();
        let start = nps.iter().map(|&n| a.nps[n].start).min()?;
        let end = nps.iter().map(|&n| a.nps[n].end).max()?;
        Some(NpGroup { nps, start, end })
    }

    /// For a participle on a noun ("a swap brokered by the UAE"), the subject of the
    /// nearest verb above that noun ("Russia and Ukraine exchanged prisoners in a
    /// swap …"), as a phrase group.
    pub fn parties_of_participle(&self, a: &Analysis, tok: usize) -> Option<NpGroup> {
        let w = self.word_at(tok)?;
        let mut cur = self.tree.head(w)?;
        for _ in 0..self.tree.words.len() {
            if self.tree.words[cur].upos == "VERB" {
                let subject =
                    self.children(cur).iter().copied().find(|&c| self.tree.words[c].deprel.starts_with("nsubj"))?;
                return self.group(a, subject);
            }
            cur = self.tree.head(cur)?;
        }
        None
    }

    /// Whether word `w` has a dependent of relation `rels` ("case", "mark") whose
    /// word (lowercased) is one of `words`: "in Poland", "since the war", "as it
    /// approached", "of seeking".
    pub fn marked_by(&self, w: usize, rels: &[&str], words: &[&str]) -> bool {
        self.kids[w].iter().any(|&c| {
            let word = &self.tree.words[c];
            rels.contains(&word.deprel) && words.contains(&word.form.to_lowercase().as_str())
        })
    }

    /// Whether the word at token `tok` stands inside a phrase of place ("in Poland",
    /// "into the Sea of Japan", "near the border with Russia"): some noun on its way
    /// up to the verb is marked by a preposition of place.
    pub fn in_place_phrase(&self, tok: usize) -> bool {
        let Some(mut w) = self.word_at(tok) else { return false };
        for _ in 0..8 {
            if self.tree.words[w].upos == "VERB" {
                return false;
            }
            if self.marked_by(
                w,
                &["case"],
                &["in", "at", "near", "into", "off", "across", "inside", "outside", "along", "through", "throughout"],
            ) {
                return true;
            }
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// The predicate a word belongs to: the nearest verb (or the root) at or above it.
    pub fn anchor(&self, tok: usize) -> Option<usize> {
        let mut w = self.word_at(tok)?;
        for _ in 0..self.tree.words.len() {
            if self.tree.words[w].upos == "VERB" {
                return Some(w);
            }
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return Some(w),
            }
        }
        None
    }

    /// Whether word `w` is part of predicate `p`'s clause or of a complement of it
    /// ("urged Georgians to vote …", "demanded that …"), and not of a side clause: an
    /// adverbial clause ("after Pyongyang accused …"), a relative clause, a coordinated
    /// or loosely attached verb.
    pub fn within_clause(&self, w: usize, p: usize) -> bool {
        let mut cur = w;
        for _ in 0..self.tree.words.len() {
            if cur == p {
                return true;
            }
            let word = &self.tree.words[cur];
            if word.upos == "VERB"
                && matches!(word.deprel.split(':').next(), Some("advcl" | "parataxis" | "conj" | "acl" | "csubj"))
            {
                return false;
            }
            match self.tree.head(cur) {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }

    /// The token where a clause coordinated with the trigger's, with a subject of
    /// its own, begins ("agreed on Sunday to respect the embargo, but the two rival
    /// leaders refused to meet at the summit"): what lies there is no part of the
    /// trigger's phrase.
    pub fn next_own_clause(&self, tok: usize) -> Option<usize> {
        let p = self.anchor(tok)?;
        let c = self.kids[p].iter().copied().find(|&c| {
            c > p
                && self.tree.words[c].deprel == "conj"
                && self.tree.words[c].upos == "VERB"
                && self.kids[c].iter().any(|&d| self.tree.words[d].deprel.starts_with("nsubj"))
        })?;
        // The clause begins with its first word after the trigger's: its "but", its
        // subject.
        let mut first = c;
        let mut stack = vec![c];
        while let Some(w) = stack.pop() {
            if w < first && w > p {
                first = w;
            }
            stack.extend(self.kids[w].iter().copied().filter(|&d| d > p));
        }
        Some(self.word_tok[first])
    }

    /// The predicates from the trigger at token `tok` up to the root: its own clause
    /// first, then each clause it is part of. Empty when the token starts no word.
    pub fn clause_chain(&self, tok: usize) -> Vec<usize> {
        let Some(start) = self.anchor(tok) else { return Vec::new() };
        let mut out = vec![start];
        let mut w = start;
        while let Some(h) = self.tree.head(w) {
            if out.len() > self.tree.words.len() {
                break;
            }
            w = h;
            if self.tree.words[w].upos == "VERB" || self.tree.head(w).is_none() {
                out.push(w);
            }
        }
        out
    }

    /// Whether the trigger at token `tok` stands inside what an accusing or denying
    /// verb or noun reports ("accused X of sponsoring gangs who attacked …", "denied
    /// that its troops had opened fire", "rejected criticism that he had dismantled
    /// …"): a clause opened by "that" or "of" below it, not a verb coordinated with
    /// it. An accusation inside a denial is itself an event, and is not asked about.
    pub fn inside_claim(&self, tok: usize) -> bool {
        let Some(trigger) = self.anchor(tok) else { return false };
        let mut w = trigger;
        for _ in 0..self.tree.words.len() {
            let Some(h) = self.tree.head(w) else { return false };
            let (rel, head) = (self.tree.words[w].deprel, &self.tree.words[h]);
            let lemma = head.lemma.to_lowercase();
            let claiming = match head.upos {
                "VERB" => matches!(
                    lemma.as_str(),
                    "accuse" | "blame" | "deny" | "allege" | "charge" | "convict" | "indict" | "suspect"
                ),
                "NOUN" => matches!(lemma.as_str(), "accusation" | "allegation" | "criticism" | "denial" | "charge"),
                _ => false,
            };
            if claiming {
                // "a charge the ministry denied": a relative clause on the claim is
                // about it, not in it.
                if head.upos == "NOUN" && rel == "acl:relcl" {
                    return false;
                }
                // What is claimed comes as "that …" or "of …-ing" (or a bare
                // complement clause); a verb the parser hung there otherwise is no
                // part of it.
                // ("charged a man with murdering a lawmaker": "with" too.)
                let marked = self.marked_by(w, &["mark", "case"], &["of", "that", "with"]);
                // "accused Sudan of arming rebels who attacked …", read with "rebels"
                // as the object: an "of" after the accusing verb, before the trigger
                // and in the same stretch of the sentence.
                let of_after_object = rel == "obj"
                    && matches!(lemma.as_str(), "accuse" | "blame")
                    && (h + 1..trigger).any(|j| {
                        self.tree.words[j].form.eq_ignore_ascii_case("of")
                            && self.tree.head(j).is_some_and(|x| x > h && x < trigger)
                            && !(j..trigger).any(|k| self.tree.words[k].form == ",")
                    });
                if rel == "ccomp" || marked || of_after_object {
                    return true;
                }
            }
            w = h;
        }
        false
    }

    /// Whether word `w` hangs below predicate `p` through its object or an oblique
    /// ("cancelled meetings which the EU planned to host in October"), not through
    /// its subject.
    /// A past-tense verb there ("sacked the government, which protesters blamed for
    /// a rise in prices that sparked the unrest on Sunday") tells of an earlier act of
    /// its own, not of this one's occasion.
    pub fn below_object(&self, w: usize, p: usize) -> bool {
        // ("ordered Kabila, who ruled Congo from 2001, to pay": a relative clause
        // in the past, however the tagger read its verb.)
        let word = &self.tree.words[w];
        if word.xpos == "VBD" || word.deprel == "acl:relcl" && word.xpos == "VBN" {
            return false;
        }
        let mut cur = w;
        for _ in 0..self.tree.words.len() {
            let Some(h) = self.tree.head(cur) else { return false };
            if h == p {
                let rel = self.tree.words[cur].deprel;
                return rel.starts_with("obj") || rel.starts_with("obl") || rel.starts_with("iobj");
            }
            cur = h;
        }
        false
    }

    /// Whether predicate `w` is a verb of saying set loosely beside one of the
    /// `chain`'s clauses ("France will withdraw …, Macron said on Sunday").
    pub fn reports_on(&self, w: usize, chain: &[usize]) -> bool {
        let word = &self.tree.words[w];
        word.deprel == "parataxis"
            && self.tree.head(w).is_some_and(|h| chain.contains(&h))
            && matches!(
                word.lemma.to_lowercase().as_str(),
                "say" | "tell" | "announce" | "add" | "report" | "state" | "confirm" | "write" | "declare"
            )
    }

    /// Whether predicate `w` is a participle on predicate `p`'s subject ("Arab
    /// leaders meeting in Cairo on Tuesday endorsed …"); a relative clause is not.
    /// A past participle ("The new parliament, elected in April, …") tells the
    /// subject's past, not the occasion: it is not one.
    pub fn participle_on_subject(&self, w: usize, p: usize) -> bool {
        let word = &self.tree.words[w];
        word.deprel == "acl"
            && word.xpos == "VBG"
            && self
                .tree
                .head(w)
                .is_some_and(|n| self.tree.words[n].deprel.starts_with("nsubj") && self.tree.head(n) == Some(p))
    }

    /// Whether the time word at token `tok` stands in a phrase or clause opened by
    /// "since" below predicate `anchor` ("since the start of its invasion in February
    /// 2022", "since the ruling party suspended talks in late November"): a time
    /// from which something has gone on until now. A "since" on the trigger's own
    /// clause (`own`) makes that clause the earlier act, which its time dates.
    pub fn under_since(&self, tok: usize, anchor: usize, own: bool) -> bool {
        let Some(mut w) = self.word_at(tok) else { return false };
        let since = |w: usize| self.marked_by(w, &["case", "mark"], &["since"]);
        for _ in 0..self.tree.words.len() {
            if w == anchor {
                return !own && since(w);
            }
            if since(w) {
                return true;
            }
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// The phrase with content at word `w` or below it, with the word it was found at.
    fn content_np(&self, a: &Analysis, w: usize, depth: usize) -> Option<(usize, usize)> {
        if let Some(n) = a.np_at[self.word_tok[w]].filter(|&n| super::roles::np_has_content(a, n)) {
            return Some((n, w));
        }
        if depth >= 2 {
            return None;
        }
        // "into the Sea of Japan": a name's "of" phrase is part of the name; but a
        // name the dictionaries lack may have its role beside it ("Osama Hamad, the
        // prime minister of the east-based government, accused …").
        if self.tree.words[w].upos == "PROPN" {
            return self.kids[w]
                .iter()
                .filter(|&&c| self.tree.words[c].deprel == "appos" && c > w)
                .find_map(|&c| self.content_np(a, c, depth + 1));
        }
        // Not a phrase of place: "an earthquake in eastern Afghanistan killed …" is
        // no act of Afghanistan's.
        self.kids[w]
            .iter()
            .filter(|&&c| INNER.contains(&self.tree.words[c].deprel) && !self.placed(c))
            .find_map(|&c| self.content_np(a, c, depth + 1))
    }

    /// Whether word `w` is introduced by a preposition of place ("in", "near", "at").
    fn placed(&self, w: usize) -> bool {
        self.marked_by(w, &["case"], &["in", "near", "at", "across", "outside", "inside"])
    }
}
