//! Coding throughput on a synthetic corpus, in sentences per second.
//!
//! ```text
//! cargo bench -p dragoman-core --bench coding
//! ```
//!
//! The corpus comes from `dragoman_core::synth` (2,000 articles, fixed seed), so the
//! figures compare across commits. The goal is at least 20,000 sentences a second on
//! one core with the built-in dictionaries.

use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::model::{parse_date, Document};
use dragoman_core::synth;
use dragoman_core::text::{split_sentences, tokenize};

const ARTICLES: usize = 2_000;
const SEED: u64 = 1;

static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| KnowledgeBuilder::new().builtin().build());

/// The articles, and how many sentences the coder sees in them.
static CORPUS: LazyLock<(Vec<Document>, usize, usize)> = LazyLock::new(|| {
    let docs: Vec<Document> = (0..ARTICLES)
        .map(|i| {
            let (id, text, published) = synth::article(SEED, i);
            Document {
                id,
                text,
                published: parse_date(&published).expect("synth dates are valid"),
                source: None,
                url: None,
                title: None,
            }
        })
        .collect();
    let sentences = docs.iter().map(|d| code_document(d, &KNOWLEDGE, &CodeOptions::default()).sentences).sum();
    let bytes = docs.iter().map(|d| d.text.len()).sum();
    (docs, sentences, bytes)
});

fn main() {
    let (docs, sentences, bytes) = &*CORPUS;
    let events: usize = docs.iter().map(|d| code_document(d, &KNOWLEDGE, &CodeOptions::default()).events.len()).sum();
    eprintln!(
        "corpus: {} articles, {sentences} sentences, {bytes} bytes, {events} events with the built-in dictionaries",
        docs.len()
    );
    divan::main();
}

/// The whole corpus through `code_document`: the figure to watch.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn code_corpus(bencher: Bencher) {
    let (docs, sentences, _) = &*CORPUS;
    let k = &*KNOWLEDGE;
    let opts = CodeOptions::default();
    bencher.counter(ItemsCount::new(*sentences)).bench(|| {
        let mut events = 0;
        for d in docs {
            events += code_document(black_box(d), k, &opts).events.len();
        }
        black_box(events)
    });
}

/// The text stages alone (sentences and tokens), to tell them from the coder proper.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn split_and_tokenize(bencher: Bencher) {
    let (docs, sentences, bytes) = &*CORPUS;
    bencher.counter(ItemsCount::new(*sentences)).counter(BytesCount::new(*bytes)).bench(|| {
        let mut tokens = 0;
        for d in docs {
            for (s, e) in split_sentences(&d.text, 0, d.text.len()) {
                tokens += tokenize(&d.text, s, e).len();
            }
        }
        black_box(tokens)
    });
}

/// Loading and compiling the built-in dictionaries (must take milliseconds).
#[divan::bench(sample_count = 20)]
fn knowledge_builtin() -> Knowledge {
    KnowledgeBuilder::new().builtin().build()
}
