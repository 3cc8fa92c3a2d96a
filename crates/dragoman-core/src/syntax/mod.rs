//! Syntax: UD words, a part-of-speech tagger with lemmas, and a labelled dependency
//! parser, all trained on Universal Dependencies treebanks and compiled into the binary.
//!
//! The stage sits between tokens and the coder. It is built from three small, greedy
//! models that each do one thing, because that is what keeps it linear and fast enough
//! to run on every sentence of a firehose:
//!
//! - [`tagger`]: an averaged perceptron over word, affix, shape and context features that
//!   gives each word a UPOS and a Penn XPOS tag (one joint decision), then [`lemma`]
//!   gives its lemma from a table learned from the treebanks plus suffix rules;
//! - [`parser`]: an arc-hybrid transition parser (about 2n decisions for n words) whose
//!   moves are chosen by an averaged perceptron trained with a dynamic oracle;
//! - [`labeler`]: once the tree is built, each arc gets its UD relation (with subtypes:
//!   `nsubj:pass`, `obl:agent`, `acl:relcl`…) from features of the whole tree around it,
//!   top-down, so a dependent sees its head's relation and its own case marker.
//!
//! Training lives in the separate `dragoman-train` crate; this module only holds what
//! inference needs, plus the feature extraction both sides share so that they cannot
//! drift apart. The model format is in [`model`]; CoNLL-U reading and writing in
//! [`conllu`]; the CoNLL 2018-style scorer in [`score`].

pub mod clauses;
pub mod conllu;
pub mod features;
pub mod labeler;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod repair;
pub mod score;
pub mod tagger;
pub mod weights;
pub mod words;

pub use model::{SyntaxModel, SyntaxModelError};
pub use words::{ud_words, words_from_tokens, WordSpan};

/// Sentences longer than this many words are parsed in consecutive chunks of this size,
/// each chunk a tree of its own whose root is attached to the previous chunk's root
/// (`parataxis`). Real sentences are far shorter (the longest in the training treebanks
/// has 159 words); the limit keeps list-like or broken input linear and bounded.
pub const MAX_PARSE_WORDS: usize = 250;

/// One analysed word of a sentence, UD style.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// The word as written (typographic quotes and dashes folded).
    pub form: String,
    pub lemma: String,
    pub upos: &'static str,
    pub xpos: &'static str,
    /// 1-based index of the head word in the sentence; 0 for the root.
    pub head: usize,
    /// UD relation with its subtype ("nsubj:pass").
    pub deprel: &'static str,
}

/// A parsed sentence: its words in order. Word `i` (0-based) is word `i + 1` in CoNLL-U.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    pub words: Vec<Word>,
    /// The sentence was longer than [`MAX_PARSE_WORDS`] and was parsed in chunks.
    pub chunked: bool,
}

impl Tree {
    /// The 0-based index of word `i`'s head, or `None` for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.words[i].head.checked_sub(1)
    }

    /// A tree from a CoNLL-U sentence's words (offsets 0: there is no document).
    pub fn from_conllu(s: &conllu::ConlluSentence) -> Tree {
        let words = s
            .words()
            .map(|w| Word {
                start: 0,
                end: 0,
                form: w.form.clone(),
                lemma: w.lemma.clone(),
                upos: model::intern(&w.upos),
                xpos: model::intern(&w.xpos),
                head: w.head.unwrap_or(0),
                deprel: model::intern(&w.deprel),
            })
            .collect();
        Tree { words, chunked: false }
    }

    /// A compact one-line picture of the tree: `word/UPOS/head/relation` for every word.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&format!("{}/{}/{}/{}", w.form, w.upos, w.head, w.deprel));
        }
        out
    }
}
