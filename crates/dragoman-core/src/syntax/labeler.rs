//! Relation labels for a finished tree.
//!
//! Labelling after parsing lets each decision see the whole tree around an arc: the
//! dependent's own case marker ("by" → `obl:agent`), its head's auxiliaries ("was" →
//! `nsubj:pass`), its head's relation (labels are chosen top-down) and the label of
//! the sibling labelled just before it. An averaged perceptron picks the relation.

use super::features::feat;
use super::parser::Token;
use super::tagger::argmax;
use super::weights::Weights;

/// The tree around the arcs, as the labeler's features read it.
pub struct LabelContext<'a> {
    pub toks: &'a [Token],
    /// `heads[i]` is the head of word i+1 (0: root).
    pub heads: &'a [usize],
    /// The children of every word (index 0: the root), in order, one after another:
    /// word `h`'s are `kids[starts[h]..starts[h + 1]]`.
    starts: Vec<usize>,
    kids: Vec<usize>,
}

impl<'a> LabelContext<'a> {
    pub fn new(toks: &'a [Token], heads: &'a [usize]) -> LabelContext<'a> {
        let n = toks.len();
        let mut starts = vec![0usize; n + 2];
        for &h in heads.iter().filter(|&&h| h <= n) {
            starts[h + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut kids = vec![0usize; starts[n + 1]];
        for (i, &h) in heads.iter().enumerate().filter(|(_, &h)| h <= n) {
            kids[fill[h]] = i + 1;
            fill[h] += 1;
        }
        LabelContext { toks, heads, starts, kids }
    }

    /// The children of word `h` (0: the root), in order.
    pub fn children(&self, h: usize) -> &[usize] {
        &self.kids[self.starts[h]..self.starts[h + 1]]
    }

    /// Words in top-down order (every head before its dependents).
    pub fn top_down(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.toks.len());
        // Breadth first: the order itself is the queue.
        order.extend_from_slice(self.children(0));
        let mut next = 0;
        while next < order.len() {
            let h = order[next];
            next += 1;
            order.extend_from_slice(self.children(h));
        }
        order
    }

    fn tok(&self, i: usize) -> Token {
        match i {
            0 => Token { word: 0x5007, tag: 999, commas: 0 },
            i if i <= self.toks.len() => self.toks[i - 1],
            _ => Token { word: 0x0707, tag: 0, commas: 0 },
        }
    }

    /// The features of the arc into word `d` (1-based), given the labels chosen so far
    /// (class + 1; 0 for not yet labelled, or the root).
    pub fn features(&self, d: usize, labels: &[u64], out: &mut Vec<u64>) {
        out.clear();
        let h = self.heads[d - 1];
        let (dt, ht) = (self.tok(d), self.tok(h));
        let dir = u64::from(d < h) + 2 * u64::from(h == 0);
        let dist = if h == 0 { 0 } else { bucket(d.abs_diff(h)) };
        let hl = if h == 0 { 0 } else { labels[h] };
        let g = if h == 0 { 0 } else { self.heads[h - 1] };
        let gt = self.tok(g);
        let kids = self.children(d);
        let first_kid = kids.first().map_or(Token { word: 1, tag: 1, commas: 0 }, |&k| self.tok(k));
        let last_kid = kids.last().map_or(Token { word: 1, tag: 1, commas: 0 }, |&k| self.tok(k));
        // The nearest sibling on the same side that is already labelled.
        let sib = self
            .children(h)
            .iter()
            .copied()
            .filter(|&s| s != d && (s < h) == (d < h) && labels[s] != 0)
            .min_by_key(|&s| s.abs_diff(d))
            .map_or(0, |s| labels[s]);
        let prev = self.tok(d - 1);
        let next = self.tok(d + 1);
        out.extend_from_slice(&[
            feat(0, &[dir]),
            feat(1, &[dt.word]),
            feat(2, &[dt.tag]),
            feat(3, &[ht.word]),
            feat(4, &[ht.tag]),
            feat(5, &[dt.tag, ht.tag]),
            feat(6, &[dt.tag, ht.tag, dir]),
            feat(7, &[dt.word, ht.tag, dir]),
            feat(8, &[dt.tag, ht.word, dir]),
            feat(9, &[dt.word, ht.word]),
            feat(10, &[dt.tag, ht.tag, dist, dir]),
            feat(11, &[hl]),
            feat(12, &[hl, dt.tag, dir]),
            feat(13, &[hl, dt.tag, ht.tag]),
            feat(14, &[dt.tag, first_kid.word]),
            feat(15, &[dt.tag, first_kid.tag]),
            feat(16, &[dt.tag, last_kid.tag]),
            feat(17, &[dt.tag, kids.len().min(4) as u64]),
            feat(18, &[sib, dt.tag, dir]),
            feat(19, &[gt.tag, ht.tag, dt.tag]),
            feat(20, &[dt.tag, prev.tag, next.tag]),
            feat(21, &[dt.word, dt.tag]),
            feat(22, &[ht.tag, dt.tag, first_kid.word, dir]),
            feat(23, &[dt.word, first_kid.word]),
            feat(24, &[u64::from(d == 1), dt.tag]),
        ]);
        // The head's other dependents: auxiliaries, copulas, markers and their side.
        for &s in self.children(h) {
            if s != d {
                let st = self.tok(s);
                out.push(feat(30, &[dt.tag, dir, st.word, u64::from(s < h)]));
                out.push(feat(31, &[dt.tag, dir, st.tag, u64::from(s < d)]));
            }
        }
        for &k in kids {
            let kt = self.tok(k);
            out.push(feat(32, &[dt.tag, kt.word, u64::from(k < d)]));
        }
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        _ => 5,
    }
}

/// A trained labeler.
#[derive(Debug, Clone)]
pub struct Labeler {
    pub labels: Vec<&'static str>,
    pub weights: Weights,
    /// The class of `root`, the only label an arc from the root may have.
    pub root: u16,
    /// By parser tag ([`Token::tag`]): the label a word with that tag always has when
    /// it is not the root. Punctuation is `punct` (all 34,084 times in training), so
    /// it is not scored.
    pub by_tag: Vec<Option<u16>>,
}

impl Labeler {
    /// A labeler for a tagger's joint `(UPOS, XPOS)` tags.
    pub fn new(labels: Vec<&'static str>, weights: Weights, root: u16, tags: &[(&str, &str)]) -> Labeler {
        let punct = labels.iter().position(|&l| l == "punct").map(|c| c as u16);
        let by_tag =
            std::iter::once(None).chain(tags.iter().map(|&(upos, _)| punct.filter(|_| upos == "PUNCT"))).collect();
        Labeler { labels, weights, root, by_tag }
    }

    /// The label class of every word (`out[i]` for word i+1).
    pub fn label(&self, toks: &[Token], heads: &[usize]) -> Vec<u16> {
        let ctx = LabelContext::new(toks, heads);
        let mut labels = vec![0u64; toks.len() + 1];
        let mut feats = Vec::with_capacity(48);
        let mut scores = Vec::with_capacity(self.labels.len());
        for d in ctx.top_down() {
            let best = if heads[d - 1] == 0 {
                self.root as usize
            } else if let Some(&Some(l)) = self.by_tag.get(toks[d - 1].tag as usize) {
                l as usize
            } else {
                ctx.features(d, &labels, &mut feats);
                self.weights.scores(&feats, &mut scores);
                scores[self.root as usize] = f32::NEG_INFINITY;
                argmax(&scores)
            };
            labels[d] = best as u64 + 1;
        }
        labels[1..].iter().map(|&l| l.saturating_sub(1) as u16).collect()
    }
}
