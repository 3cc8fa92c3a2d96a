//! Scoring a parse against gold, the way the CoNLL 2018 shared task does: every word
//! counts (punctuation too), and LAS compares relations without their subtypes
//! (`nsubj:pass` = `nsubj`). Full-label LAS is reported beside it.
//!
//! [`score_gold_words`] compares sentences with the same words; [`score_raw`] aligns a
//! parse of raw text with gold by character offsets (whitespace ignored), giving
//! sentence and word F1 and LAS F1 end to end.

use super::conllu::ConlluSentence;

/// Counts behind the scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
    pub las_full: usize,
}

fn main_rel(r: &str) -> &str {
    r.split(':').next().unwrap_or(r)
}

impl Scores {
    pub fn pct(n: usize, d: usize) -> f64 {
        if d == 0 {
            0.0
        } else {
            100.0 * n as f64 / d as f64
        }
    }
    pub fn upos_pct(&self) -> f64 {
        Self::pct(self.upos, self.words)
    }
    pub fn xpos_pct(&self) -> f64 {
        Self::pct(self.xpos, self.words)
    }
    pub fn lemma_pct(&self) -> f64 {
        Self::pct(self.lemma, self.words)
    }
    pub fn uas_pct(&self) -> f64 {
        Self::pct(self.uas, self.words)
    }
    pub fn las_pct(&self) -> f64 {
        Self::pct(self.las, self.words)
    }
    pub fn las_full_pct(&self) -> f64 {
        Self::pct(self.las_full, self.words)
    }
}

/// A mismatch between the two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreError(pub String);

/// Scores system sentences against gold sentences with the same words.
pub fn score_gold_words(gold: &[ConlluSentence], system: &[ConlluSentence]) -> Result<Scores, ScoreError> {
    if gold.len() != system.len() {
        return Err(ScoreError(format!("gold has {} sentences, system {}", gold.len(), system.len())));
    }
    let mut s = Scores::default();
    for (k, (g, p)) in gold.iter().zip(system).enumerate() {
        let gw: Vec<_> = g.words().collect();
        let pw: Vec<_> = p.words().collect();
        if gw.len() != pw.len() {
            return Err(ScoreError(format!("sentence {}: gold has {} words, system {}", k + 1, gw.len(), pw.len())));
        }
        for (a, b) in gw.iter().zip(&pw) {
            if a.form != b.form {
                return Err(ScoreError(format!("sentence {}: word '{}' against '{}'", k + 1, a.form, b.form)));
            }
            s.words += 1;
            s.upos += usize::from(a.upos == b.upos);
            s.xpos += usize::from(a.xpos == b.xpos);
            s.lemma += usize::from(a.lemma == b.lemma);
            if a.head == b.head {
                s.uas += 1;
                s.las += usize::from(main_rel(&a.deprel) == main_rel(&b.deprel));
                s.las_full += usize::from(a.deprel == b.deprel);
            }
        }
    }
    Ok(s)
}

/// One word of a parse of raw text: where it is (in characters of the text with all
/// whitespace removed), its head (1-based within its sentence, 0 root) and relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedWord {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    pub deprel: String,
    pub upos: String,
}

/// A sentence of aligned words.
pub type AlignedSentence = Vec<AlignedWord>;

/// End-to-end scores: precision, recall and F1 of sentences, words, UPOS and LAS.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RawScores {
    pub gold_sentences: usize,
    pub system_sentences: usize,
    pub sentences_matched: usize,
    pub gold_words: usize,
    pub system_words: usize,
    pub words_matched: usize,
    pub upos_matched: usize,
    pub uas_matched: usize,
    pub las_matched: usize,
}

fn f1(m: usize, g: usize, s: usize) -> f64 {
    if g + s == 0 {
        0.0
    } else {
        200.0 * m as f64 / (g + s) as f64
    }
}

impl RawScores {
    pub fn sentence_f1(&self) -> f64 {
        f1(self.sentences_matched, self.gold_sentences, self.system_sentences)
    }
    pub fn word_f1(&self) -> f64 {
        f1(self.words_matched, self.gold_words, self.system_words)
    }
    pub fn upos_f1(&self) -> f64 {
        f1(self.upos_matched, self.gold_words, self.system_words)
    }
    pub fn uas_f1(&self) -> f64 {
        f1(self.uas_matched, self.gold_words, self.system_words)
    }
    pub fn las_f1(&self) -> f64 {
        f1(self.las_matched, self.gold_words, self.system_words)
    }
}

/// The gold sentences as aligned words over their `# text`, documents joined in order.
/// Words of a multiword token split its characters by their forms when the forms spell
/// the token, else all but the first are left unaligned (they can never match).
pub fn align_gold(gold: &[ConlluSentence]) -> Vec<AlignedSentence> {
    let mut pos = 0;
    let mut out = Vec::new();
    for s in gold {
        let mut words = Vec::new();
        let mut mwt: Option<(usize, usize, usize)> = None; // (last id, start, end of the token)
        for l in &s.lines {
            match l {
                super::conllu::ConlluLine::Multiword { last, form, .. } => {
                    let n = form.chars().filter(|c| !c.is_whitespace()).count();
                    mwt = Some((*last, pos, pos + n));
                    pos += n;
                }
                super::conllu::ConlluLine::Word(w) => {
                    let n = w.form.chars().filter(|c| !c.is_whitespace()).count();
                    let (start, end) = match mwt {
                        Some((last, a, b)) if w.id <= last => {
                            let s = (a + words_before_in(&s.lines, w.id)).min(b);
                            (s, (s + n).min(b))
                        }
                        _ => {
                            let a = pos;
                            pos += n;
                            (a, pos)
                        }
                    };
                    words.push(AlignedWord {
                        start,
                        end,
                        head: w.head.unwrap_or(0),
                        deprel: w.deprel.clone(),
                        upos: w.upos.clone(),
                    });
                }
                super::conllu::ConlluLine::Empty { .. } => {}
            }
        }
        out.push(words);
    }
    out
}

/// Characters of the words of a multiword token before word `id`.
fn words_before_in(lines: &[super::conllu::ConlluLine], id: usize) -> usize {
    let mut first = 0;
    for l in lines {
        if let super::conllu::ConlluLine::Multiword { first: f, last, .. } = l {
            if (*f..=*last).contains(&id) {
                first = *f;
            }
        }
    }
    lines
        .iter()
        .filter_map(|l| if let super::conllu::ConlluLine::Word(w) = l { Some(w) } else { None })
        .filter(|w| w.id >= first && w.id < id)
        .map(|w| w.form.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Scores a system parse of raw text against gold, both as aligned sentences.
pub fn score_raw(gold: &[AlignedSentence], system: &[AlignedSentence]) -> RawScores {
    use std::collections::HashMap;
    let span = |s: &AlignedSentence| (s.first().map_or(0, |w| w.start), s.last().map_or(0, |w| w.end));
    let gold_spans: std::collections::HashSet<_> = gold.iter().filter(|s| !s.is_empty()).map(span).collect();
    let mut r = RawScores {
        gold_sentences: gold_spans.len(),
        system_sentences: system.iter().filter(|s| !s.is_empty()).count(),
        ..RawScores::default()
    };
    r.sentences_matched = system.iter().filter(|s| !s.is_empty() && gold_spans.contains(&span(s))).count();
    // Gold words by their character span, with their head's span.
    let head_span = |s: &AlignedSentence, w: &AlignedWord| {
        if w.head == 0 {
            None
        } else {
            s.get(w.head - 1).map(|h| (h.start, h.end))
        }
    };
    // A gold word by its span: its head's span, relation and UPOS.
    type GoldWord<'a> = (Option<(usize, usize)>, &'a str, &'a str);
    let mut gold_words: HashMap<(usize, usize), GoldWord> = HashMap::new();
    for s in gold {
        for w in s {
            r.gold_words += 1;
            if w.end > w.start {
                gold_words.insert((w.start, w.end), (head_span(s, w), main_rel(&w.deprel), w.upos.as_str()));
            }
        }
    }
    for s in system {
        for w in s {
            r.system_words += 1;
            if let Some((gh, grel, gupos)) = gold_words.get(&(w.start, w.end)) {
                r.words_matched += 1;
                r.upos_matched += usize::from(*gupos == w.upos);
                if head_span(s, w) == *gh {
                    r.uas_matched += 1;
                    r.las_matched += usize::from(*grel == main_rel(&w.deprel));
                }
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::super::conllu::read_conllu;
    use super::*;

    const GOLD: &str = "# text = Russia accused Armenia.\n1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn scores_gold_words() {
        let (g, _) = read_conllu(GOLD);
        let sys_text = GOLD
            .replace("2\tobj", "4\tobj")
            .replace("2\tnsubj", "2\tnsubj:pass")
            .replace("PROPN\tNNP\t_\t4", "NOUN\tNN\t_\t4");
        let (p, _) = read_conllu(&sys_text);
        let s = score_gold_words(&g, &p).unwrap();
        assert_eq!(s.words, 4);
        assert_eq!(s.upos, 3);
        assert_eq!(s.uas, 3);
        assert_eq!(s.las, 3, "subtypes do not count against LAS");
        assert_eq!(s.las_full, 2);
        assert!(score_gold_words(&g, &[]).is_err());
    }

    #[test]
    fn raw_alignment_scores_tokenization() {
        let (g, _) = read_conllu(GOLD);
        let gold = align_gold(&g);
        assert_eq!((gold[0][2].start, gold[0][2].end), (13, 20), "offsets count characters without spaces");
        // A system that glued "Armenia." into one word.
        let mut sys = gold.clone();
        sys[0].truncate(2);
        sys[0].push(AlignedWord { start: 13, end: 21, head: 2, deprel: "obj".into(), upos: "PROPN".into() });
        let r = score_raw(&gold, &sys);
        assert_eq!((r.gold_words, r.system_words, r.words_matched), (4, 3, 2));
        assert_eq!(r.sentences_matched, 1, "the sentence still starts and ends where gold says");
        assert_eq!(r.las_matched, 2);
        assert!((r.word_f1() - 200.0 * 2.0 / 7.0).abs() < 1e-9);
    }
}
