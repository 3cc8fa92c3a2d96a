//! The treebanks, read into what training needs.

use std::path::Path;

use dragoman_core::syntax::conllu::{read_conllu, ConlluSentence};

/// A training sentence: words with gold tags, lemmas, heads and relations.
#[derive(Debug, Clone)]
pub struct Gold {
    pub forms: Vec<String>,
    pub lemmas: Vec<String>,
    pub tags: Vec<String>,
    /// 1-based heads, 0 for the root; index 0 of `heads` is unused (0).
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
}

pub fn read_file(path: &Path) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (sentences, errors) = read_conllu(&text);
    if let Some(e) = errors.first() {
        return Err(format!("{}:{}: {}", path.display(), e.line, e.message));
    }
    Ok(sentences)
}

pub fn gold(sentences: &[ConlluSentence]) -> Vec<Gold> {
    sentences
        .iter()
        .map(|s| {
            let mut g = Gold { forms: vec![], lemmas: vec![], tags: vec![], heads: vec![0], deprels: vec![] };
            for w in s.words() {
                g.forms.push(w.form.clone());
                g.lemmas.push(w.lemma.clone());
                g.tags.push(format!("{}\t{}", w.upos, w.xpos));
                g.heads.push(w.head.unwrap_or(0));
                g.deprels.push(w.deprel.clone());
            }
            g
        })
        .collect()
}

/// The named data sets under `shared`.
pub struct Sets {
    pub train: Vec<ConlluSentence>,
    pub dev: Vec<(&'static str, Vec<ConlluSentence>)>,
    pub test: Vec<(&'static str, Vec<ConlluSentence>)>,
}

pub fn load(shared: &Path, with_train: bool) -> Result<Sets, String> {
    let f = |p: &str| read_file(&shared.join(p));
    let mut train = Vec::new();
    if with_train {
        train.extend(f("ud-english-ewt/en_ewt-ud-train.conllu")?);
        train.extend(f("ud-english-gum-cc-by/en_gum-cc-by-train.conllu")?);
    }
    Ok(Sets {
        train,
        dev: vec![
            ("EWT dev", f("ud-english-ewt/en_ewt-ud-dev.conllu")?),
            ("GUM-cc-by dev", f("ud-english-gum-cc-by/en_gum-cc-by-dev.conllu")?),
        ],
        test: vec![
            ("EWT test", f("ud-english-ewt/en_ewt-ud-test.conllu")?),
            ("GUM-cc-by test", f("ud-english-gum-cc-by/en_gum-cc-by-test.conllu")?),
            ("PUD", f("ud-english-pud/en_pud-ud-test.conllu")?),
        ],
    })
}
