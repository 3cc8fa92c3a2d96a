//! The syntax model: tagger, lemmatizer, parser and labeler in one blob, and the
//! function that runs them over a sentence.
//!
//! The shipped model (`models/syntax.bin`, built by `dragoman-train` from the UD
//! treebanks) is compiled into the binary; [`SyntaxModel::builtin`] reads it.

use std::fmt;
use std::sync::{Mutex, OnceLock};

use super::labeler::Labeler;
use super::lemma::{Lemmatizer, SuffixEdit};
use super::parser::Parser;
use super::tagger::Tagger;
use super::weights::{put_str, take, take_str, take_u32, FormatError, HashedWeights, Weights};
use super::words::{ud_words, WordSpan};
use super::{Tree, Word, MAX_PARSE_WORDS};
use crate::fxhash::FxHashMap;

const MAGIC: &[u8; 8] = b"DRGSYN2\n";

static BUILTIN_BYTES: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/syntax.bin"));

/// A model that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxModelError(pub String);

impl fmt::Display for SyntaxModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the syntax model cannot be read: {}", self.0)
    }
}

impl std::error::Error for SyntaxModelError {}

impl From<FormatError> for SyntaxModelError {
    fn from(e: FormatError) -> Self {
        SyntaxModelError(e.0)
    }
}

/// Tagger, lemmatizer, parser and labeler.
#[derive(Debug, Clone)]
pub struct SyntaxModel {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    pub labeler: Labeler,
    /// Where the model came from: data, licences, scores at training time.
    pub about: String,
}

/// Interns a tag or label name so that words can carry `&'static str`s: each distinct
/// name is allocated once per process however often a model is loaded.
pub fn intern(s: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut names = NAMES.get_or_init(|| Mutex::new(Vec::new())).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().find(|n| **n == s) {
        return n;
    }
    let n: &'static str = Box::leak(s.to_string().into_boxed_str());
    names.push(n);
    n
}

impl SyntaxModel {
    /// The model compiled into the binary.
    pub fn builtin() -> Result<SyntaxModel, SyntaxModelError> {
        SyntaxModel::from_bytes(BUILTIN_BYTES)
    }

    /// The built-in model, read once per process and shared by every caller.
    pub fn shared() -> Result<&'static SyntaxModel, &'static SyntaxModelError> {
        static MODEL: OnceLock<Result<SyntaxModel, SyntaxModelError>> = OnceLock::new();
        MODEL.get_or_init(SyntaxModel::builtin).as_ref()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_str(&mut out, &self.about);
        out.extend_from_slice(&(self.tagger.tags.len() as u32).to_le_bytes());
        for (u, x) in &self.tagger.tags {
            put_str(&mut out, u);
            put_str(&mut out, x);
        }
        let mut amb: Vec<_> = self.tagger.ambiguity.iter().collect();
        amb.sort();
        out.extend_from_slice(&(amb.len() as u32).to_le_bytes());
        for (w, a) in amb {
            put_str(&mut out, w);
            out.extend_from_slice(&a.to_le_bytes());
        }
        let mut sure: Vec<_> = self.tagger.sure.iter().collect();
        sure.sort();
        out.extend_from_slice(&(sure.len() as u32).to_le_bytes());
        for (w, t) in sure {
            put_str(&mut out, w);
            out.extend_from_slice(&u32::from(*t).to_le_bytes());
        }
        self.tagger.weights.write(&mut out);
        for map in [&self.lemmatizer.exceptions] {
            let mut v: Vec<_> = map.iter().collect();
            v.sort();
            out.extend_from_slice(&(v.len() as u32).to_le_bytes());
            for (k, l) in v {
                put_str(&mut out, k);
                put_str(&mut out, l);
            }
        }
        let mut rules: Vec<_> = self.lemmatizer.rules.iter().collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        out.extend_from_slice(&(rules.len() as u32).to_le_bytes());
        for (k, e) in rules {
            put_str(&mut out, k);
            out.push(e.cut);
            put_str(&mut out, &e.append);
        }
        self.parser.weights.write(&mut out);
        out.extend_from_slice(&(self.labeler.labels.len() as u32).to_le_bytes());
        for l in &self.labeler.labels {
            put_str(&mut out, l);
        }
        out.extend_from_slice(&u32::from(self.labeler.root).to_le_bytes());
        self.labeler.weights.write(&mut out);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxModelError> {
        let mut input = bytes;
        if take(&mut input, MAGIC.len())? != MAGIC {
            return Err(SyntaxModelError("not a Dragoman syntax model (bad magic bytes)".into()));
        }
        let about = take_str(&mut input)?;
        let n = take_u32(&mut input)? as usize;
        let mut tags = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let u = intern(&take_str(&mut input)?);
            let x = intern(&take_str(&mut input)?);
            tags.push((u, x));
        }
        let n = take_u32(&mut input)? as usize;
        let mut ambiguity = FxHashMap::default();
        ambiguity.reserve(n.min(1 << 20));
        for _ in 0..n {
            let w = take_str(&mut input)?;
            let a = u64::from_le_bytes(take(&mut input, 8)?.try_into().unwrap_or_default());
            ambiguity.insert(w, a);
        }
        let n = take_u32(&mut input)? as usize;
        let mut sure = FxHashMap::default();
        for _ in 0..n {
            let w = take_str(&mut input)?;
            let t = take_u32(&mut input)?;
            if t as usize >= tags.len() {
                return Err(SyntaxModelError(format!("the sure tag of '{w}' is out of range")));
            }
            sure.insert(w, t as u16);
        }
        let tag_weights = Weights::read(&mut input)?;
        let n = take_u32(&mut input)? as usize;
        let mut exceptions = FxHashMap::default();
        for _ in 0..n {
            let k = take_str(&mut input)?;
            exceptions.insert(k, take_str(&mut input)?);
        }
        let n = take_u32(&mut input)? as usize;
        let mut rules = FxHashMap::default();
        for _ in 0..n {
            let k = take_str(&mut input)?;
            let cut = take(&mut input, 1)?[0];
            rules.insert(k, SuffixEdit { cut, append: take_str(&mut input)? });
        }
        let parse_weights = HashedWeights::read(&mut input)?;
        let n = take_u32(&mut input)? as usize;
        let mut labels = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            labels.push(intern(&take_str(&mut input)?));
        }
        let root = take_u32(&mut input)? as u16;
        let label_weights = Weights::read(&mut input)?;
        if !input.is_empty() {
            return Err(SyntaxModelError(format!("{} unexpected bytes after the model", input.len())));
        }
        if tags.len() != tag_weights.n_classes()
            || labels.len() != label_weights.n_classes()
            || root as usize >= labels.len()
        {
            return Err(SyntaxModelError("class counts do not agree".into()));
        }
        let labeler = Labeler::new(labels, label_weights, root, &tags);
        Ok(SyntaxModel {
            tagger: Tagger { tags, weights: tag_weights, ambiguity, sure },
            lemmatizer: Lemmatizer { exceptions, rules },
            parser: Parser { weights: parse_weights },
            labeler,
            about,
        })
    }

    /// Tags, lemmatizes and parses the sentence `text[start..end]`.
    pub fn parse_sentence(&self, text: &str, start: usize, end: usize) -> Tree {
        let spans = ud_words(text, start, end);
        self.parse_spans(&spans)
    }

    /// Tags, lemmatizes and parses given words (gold tokenization).
    pub fn parse_spans(&self, spans: &[WordSpan]) -> Tree {
        let forms: Vec<&str> = spans.iter().map(|w| w.form.as_str()).collect();
        let analysis = self.analyze(&forms);
        let words = spans
            .iter()
            .zip(analysis)
            .map(|(s, a)| Word {
                start: s.start,
                end: s.end,
                form: s.form.clone(),
                lemma: a.lemma,
                upos: a.upos,
                xpos: a.xpos,
                head: a.head,
                deprel: a.deprel,
            })
            .collect();
        Tree { words, chunked: forms.len() > MAX_PARSE_WORDS }
    }

    /// The analysis of a sequence of words: tags, lemma, head and relation for each.
    /// Sequences longer than [`MAX_PARSE_WORDS`] are parsed in chunks, each chunk's
    /// root attached to the first chunk's root as `parataxis`.
    pub fn analyze(&self, forms: &[&str]) -> Vec<Analysis> {
        let mut out = Vec::with_capacity(forms.len());
        let mut first_root = 0;
        for (c, chunk) in forms.chunks(MAX_PARSE_WORDS).enumerate() {
            let base = c * MAX_PARSE_WORDS;
            let lowers: Vec<String> = chunk.iter().map(|f| f.to_lowercase()).collect();
            let atoms = super::tagger::word_atoms_lower(chunk, &lowers, &self.tagger.ambiguity);
            let mut tags = self.tagger.tag_atoms(chunk, &atoms);
            self.tagger.repair_finite_verb(&lowers, &mut tags);
            let hashes: Vec<u64> = atoms.iter().map(|a| a.lower).collect();
            let toks = super::parser::tokens_hashed(chunk, &hashes, &tags);
            let mut heads = self.parser.parse(&toks);
            let labels = self.labeler.label(&toks, &heads);
            let mut deprels: Vec<&'static str> = labels.iter().map(|&l| self.labeler.labels[l as usize]).collect();
            let upos: Vec<&str> = tags.iter().map(|&t| self.tagger.tags[t as usize].0).collect();
            let xpos: Vec<&str> = tags.iter().map(|&t| self.tagger.tags[t as usize].1).collect();
            super::repair::repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
            for (i, f) in chunk.iter().enumerate() {
                let (upos, xpos) = self.tagger.tags[tags[i] as usize];
                let (mut head, mut deprel) = (heads[i], deprels[i]);
                if head == 0 {
                    if c == 0 {
                        first_root = base + i + 1;
                    } else {
                        head = first_root;
                        deprel = "parataxis";
                    }
                } else {
                    head += base;
                }
                let lemma = self.lemmatizer.lemma_lower(f, &lowers[i], upos, xpos);
                out.push(Analysis { lemma, upos, xpos, head, deprel });
            }
        }
        out
    }
}

/// What the model says of one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub lemma: String,
    pub upos: &'static str,
    pub xpos: &'static str,
    /// 1-based head; 0 for the root.
    pub head: usize,
    pub deprel: &'static str,
}

impl SyntaxModel {
    /// Re-tags and re-parses the words of a CoNLL-U sentence, keeping its words,
    /// comments, multiword-token and empty-node lines, and its FEATS, DEPS and MISC
    /// columns; LEMMA, UPOS, XPOS, HEAD and DEPREL are the model's.
    pub fn reparse(&self, sentence: &super::conllu::ConlluSentence) -> super::conllu::ConlluSentence {
        let forms: Vec<&str> = sentence.words().map(|w| w.form.as_str()).collect();
        let analysis = self.analyze(&forms);
        let mut out = sentence.clone();
        for (w, a) in out.words_mut().zip(analysis) {
            w.lemma = a.lemma;
            w.upos = a.upos.to_string();
            w.xpos = a.xpos.to_string();
            w.head = Some(a.head);
            w.deprel = a.deprel.to_string();
        }
        out
    }
}
