//! The dependency parser: arc-hybrid transitions chosen greedily by an averaged
//! perceptron.
//!
//! Words are numbered 1..=n and 0 is the root, which sits at the bottom of the stack.
//! Three moves: SHIFT pushes the next buffer word; LEFT makes the buffer front the head
//! of the stack top and pops it; RIGHT makes the word under the stack top its head and
//! pops it. A word can only be attached to the root once the buffer is empty, so every
//! tree has exactly one root. n words take exactly 2n moves: linear time, no search.
//!
//! The parser is unlabelled; [`super::labeler`] names the relations afterwards.

use super::features::feat;
use super::tagger::argmax;
use super::weights::HashedWeights;

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
pub const MOVES: usize = 3;

/// What the parser knows of a word: its lowercased form's hash and its tag (class + 1).
#[derive(Debug, Clone, Copy, Default)]
pub struct Token {
    pub word: u64,
    pub tag: u64,
    /// Commas and semicolons before this word in the sentence.
    pub commas: u64,
}

/// The parser's view of tagged words (`tags` are tagger classes).
pub fn tokens(forms: &[&str], tags: &[u16]) -> Vec<Token> {
    let words: Vec<u64> = forms.iter().map(|f| super::features::str_hash(&f.to_lowercase())).collect();
    tokens_hashed(forms, &words, tags)
}

/// [`tokens`] with the hashes of the lowercased words already at hand (the tagger's
/// `WordAtoms::lower`).
pub fn tokens_hashed(forms: &[&str], words: &[u64], tags: &[u16]) -> Vec<Token> {
    let mut commas = 0;
    forms
        .iter()
        .zip(words)
        .zip(tags)
        .map(|((f, &word), &t)| {
            let tok = Token { word, tag: u64::from(t) + 1, commas };
            commas += u64::from(matches!(*f, "," | ";" | ":" | "-" | "--"));
            tok
        })
        .collect()
}

/// The children of a word that the features look at, kept as arcs are made.
#[derive(Debug, Clone, Copy, Default)]
struct Kids {
    l1: usize,
    l2: usize,
    r1: usize,
    r2: usize,
    nl: u64,
    nr: u64,
}

/// A parser configuration.
#[derive(Debug, Clone)]
pub struct State {
    pub stack: Vec<usize>,
    /// The buffer front (words `b..=n` are in the buffer).
    pub b: usize,
    pub n: usize,
    /// Head of each word (index 0 unused); `usize::MAX` while unattached.
    pub heads: Vec<usize>,
    kids: Vec<Kids>,
}

pub const NO_HEAD: usize = usize::MAX;

impl State {
    pub fn new(n: usize) -> State {
        let mut stack = Vec::with_capacity(n + 1);
        stack.push(0);
        State { stack, b: 1, n, heads: vec![NO_HEAD; n + 1], kids: vec![Kids::default(); n + 1] }
    }

    pub fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    pub fn legal(&self, mv: usize) -> bool {
        let buffer = self.b <= self.n;
        match mv {
            SHIFT => buffer,
            LEFT => buffer && self.stack.len() > 1,
            _ => self.stack.len() > 2 || (self.stack.len() == 2 && !buffer),
        }
    }

    pub fn apply(&mut self, mv: usize) {
        match mv {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                let d = self.stack.pop().unwrap_or(0);
                self.attach(self.b, d);
            }
            _ => {
                let d = self.stack.pop().unwrap_or(0);
                let h = *self.stack.last().unwrap_or(&0);
                self.attach(h, d);
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize) {
        self.heads[d] = h;
        let k = &mut self.kids[h];
        if d < h {
            // Left children arrive nearest first.
            k.l2 = k.l1;
            k.l1 = d;
            k.nl += 1;
        } else {
            // Right children arrive left to right.
            k.r2 = k.r1;
            k.r1 = d;
            k.nr += 1;
        }
    }

    /// The cost of a move under the arc-hybrid dynamic oracle (Goldberg & Nivre 2013):
    /// how many gold arcs it makes unreachable.
    pub fn cost(&self, mv: usize, gold: &[usize]) -> usize {
        let in_buffer = |k: usize| k >= self.b && k <= self.n && k != 0;
        let s0 = self.s(0).unwrap_or(0);
        match mv {
            SHIFT => {
                let b0 = self.b;
                let mut c = 0;
                let top = self.stack.len() - 1;
                for (i, &k) in self.stack.iter().enumerate() {
                    if gold[k] == b0 && k != 0 {
                        c += 1;
                    }
                    if gold[b0] == k && i != top {
                        c += 1;
                    }
                }
                c
            }
            LEFT | RIGHT => {
                let head_ok = if mv == LEFT {
                    let s1 = self.s(1);
                    !(gold[s0] != self.b && (in_buffer(gold[s0]) || Some(gold[s0]) == s1))
                } else {
                    !in_buffer(gold[s0])
                };
                let deps = (self.b..=self.n).filter(|&k| gold[k] == s0).count();
                usize::from(!head_ok) + deps
            }
            _ => usize::MAX,
        }
    }

    /// The parser's features for this configuration.
    pub fn features(&self, toks: &[Token], out: &mut Vec<u64>) {
        out.clear();
        let none = Token { word: 0x0707, tag: 0, commas: 0 };
        let tok = |i: Option<usize>| -> Token {
            match i {
                Some(0) => Token { word: 0x5007, tag: 999, commas: 0 },
                Some(i) if i <= self.n => toks[i - 1],
                _ => none,
            }
        };
        let kid = |i: Option<usize>, f: fn(&Kids) -> usize| i.map(|i| f(&self.kids[i])).filter(|&k| k != 0);
        let (s0i, s1i, s2i) = (self.s(0), self.s(1), self.s(2));
        let b = |k: usize| if self.b + k <= self.n { Some(self.b + k) } else { None };
        let (s0, s1, s2) = (tok(s0i), tok(s1i), tok(s2i));
        let (b0, b1, b2) = (tok(b(0)), tok(b(1)), tok(b(2)));
        let s0l = tok(kid(s0i, |k| k.l1));
        let s0l2 = tok(kid(s0i, |k| k.l2));
        let s0r = tok(kid(s0i, |k| k.r1));
        let s0r2 = tok(kid(s0i, |k| k.r2));
        let s1l = tok(kid(s1i, |k| k.l1));
        let s1r = tok(kid(s1i, |k| k.r1));
        let b0l = tok(kid(b(0), |k| k.l1));
        let b0l2 = tok(kid(b(0), |k| k.l2));
        let dist = match (s0i, b(0)) {
            (Some(s), Some(b)) if s > 0 => bucket(b - s),
            _ => 0,
        };
        let dist01 = match (s1i, s0i) {
            (Some(a), Some(b)) if a > 0 => bucket(b - a),
            _ => 0,
        };
        // Linear neighbours, and punctuation between the two words being joined.
        let lin =
            |i: Option<usize>, d: isize| i.and_then(|i| i.checked_add_signed(d)).filter(|&i| i >= 1 && i <= self.n);
        let s0n = tok(lin(s0i.filter(|&i| i > 0), 1));
        let s0p = tok(lin(s0i.filter(|&i| i > 0), -1));
        let b0p = tok(lin(b(0), -1));
        let between = match (s0i, b(0)) {
            (Some(s), Some(b)) if s > 0 => toks[b - 1].commas.saturating_sub(toks[s - 1].commas).min(3),
            _ => 9,
        };
        let s0k = s0i.map(|i| self.kids[i]).unwrap_or_default();
        let b0k = b(0).map(|i| self.kids[i]).unwrap_or_default();
        out.extend_from_slice(&[
            feat(0, &[]),
            feat(1, &[s0.word]),
            feat(2, &[s0.tag]),
            feat(3, &[s0.word, s0.tag]),
            feat(4, &[b0.word]),
            feat(5, &[b0.tag]),
            feat(6, &[b0.word, b0.tag]),
            feat(7, &[b1.word]),
            feat(8, &[b1.tag]),
            feat(9, &[b1.word, b1.tag]),
            feat(10, &[b2.tag]),
            feat(11, &[s1.word]),
            feat(12, &[s1.tag]),
            feat(13, &[s1.word, s1.tag]),
            feat(14, &[s2.tag]),
            feat(15, &[s0.word, s0.tag, b0.word, b0.tag]),
            feat(16, &[s0.word, s0.tag, b0.word]),
            feat(17, &[s0.word, b0.word, b0.tag]),
            feat(18, &[s0.word, s0.tag, b0.tag]),
            feat(19, &[s0.tag, b0.word, b0.tag]),
            feat(20, &[s0.word, b0.word]),
            feat(21, &[s0.tag, b0.tag]),
            feat(22, &[b0.tag, b1.tag]),
            feat(23, &[b0.tag, b1.tag, b2.tag]),
            feat(24, &[s0.tag, b0.tag, b1.tag]),
            feat(25, &[s1.tag, s0.tag, b0.tag]),
            feat(26, &[s0.tag, s0l.tag, b0.tag]),
            feat(27, &[s0.tag, s0r.tag, b0.tag]),
            feat(28, &[s0.tag, b0.tag, b0l.tag]),
            feat(29, &[s1.tag, s0.tag, s0l.tag]),
            feat(30, &[s1.tag, s1r.tag, s0.tag]),
            feat(31, &[s0.tag, s0l.tag, s0l2.tag]),
            feat(32, &[s0.tag, s0r.tag, s0r2.tag]),
            feat(33, &[b0.tag, b0l.tag, b0l2.tag]),
            feat(34, &[s0.word, dist]),
            feat(35, &[s0.tag, dist]),
            feat(36, &[b0.word, dist]),
            feat(37, &[b0.tag, dist]),
            feat(38, &[s0.tag, b0.tag, dist]),
            feat(39, &[s0.word, s0k.nr]),
            feat(40, &[s0.tag, s0k.nr]),
            feat(41, &[s0.word, s0k.nl]),
            feat(42, &[s0.tag, s0k.nl]),
            feat(43, &[b0.word, b0k.nl]),
            feat(44, &[b0.tag, b0k.nl]),
            feat(45, &[s0l.word]),
            feat(46, &[s0r.word]),
            feat(47, &[b0l.word]),
            feat(48, &[s1l.tag, s1.tag, s0.tag]),
            feat(49, &[s1.tag, s0.tag, dist01]),
            feat(50, &[s1.word, s0.word]),
            feat(51, &[s1.tag, s0.tag, b0.tag, b1.tag]),
            feat(52, &[s0.tag, s0l.word, b0.tag]),
            feat(53, &[s1.word, s0.tag, b0.tag]),
            feat(54, &[s0.tag, b0.word, b1.tag]),
            feat(55, &[s0.tag, s0n.tag, b0.tag]),
            feat(56, &[s0.tag, b0p.tag, b0.tag]),
            feat(57, &[s0p.tag, s0.tag, b0.tag]),
            feat(58, &[s0.tag, b0.tag, between]),
            feat(59, &[s0.word, b0.tag, between]),
            feat(60, &[s1.tag, s0.tag, between]),
            feat(61, &[s1.tag, s2.tag, s0.tag]),
            feat(62, &[b0.word, b1.word]),
        ]);
    }
}

/// Distances in buckets: 1, 2, 3, 4, 5–6, 7–9, 10+.
fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    pub weights: HashedWeights,
}

impl Parser {
    /// The head of each word (`heads[i]` for word i+1; 0 is the root).
    pub fn parse(&self, toks: &[Token]) -> Vec<usize> {
        let n = toks.len();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(64);
        let mut scores = [0f32; MOVES];
        while !st.done() {
            // Where only one move is legal (the first shift, the last reductions) there
            // is nothing to score.
            let mut legal = (0..MOVES).filter(|&m| st.legal(m));
            if let (Some(only), None) = (legal.next(), legal.next()) {
                st.apply(only);
                continue;
            }
            st.features(toks, &mut feats);
            self.weights.scores(&feats, &mut scores);
            for (mv, s) in scores.iter_mut().enumerate() {
                if !st.legal(mv) {
                    *s = f32::NEG_INFINITY;
                }
            }
            st.apply(argmax(&scores));
        }
        st.heads[1..].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the cheapest move at every step rebuilds a projective gold tree.
    #[test]
    fn oracle_rebuilds_gold() {
        // "Russia accused Armenia of violating the deal ." heads (1-based, 0 root)
        let gold = [0usize, 2, 0, 2, 5, 2, 7, 5, 2];
        let n = gold.len() - 1;
        let mut st = State::new(n);
        while !st.done() {
            let mv = (0..MOVES).filter(|&m| st.legal(m)).min_by_key(|&m| st.cost(m, &gold)).unwrap();
            assert_eq!(st.cost(mv, &gold), 0);
            st.apply(mv);
        }
        assert_eq!(&st.heads[1..], &gold[1..]);
    }
}
