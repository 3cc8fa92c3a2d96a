//! Training the tagger, parser and labeler, choosing epochs on dev, and scoring.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use dragoman_core::fxhash::FxHashMap;
use dragoman_core::syntax::conllu::ConlluSentence;
use dragoman_core::syntax::features::suffix;
use dragoman_core::syntax::labeler::{LabelContext, Labeler};
use dragoman_core::syntax::lemma::{Lemmatizer, SuffixEdit, MAX_SUFFIX};
use dragoman_core::syntax::model::intern;
use dragoman_core::syntax::parser::{self, Parser, State, MOVES};
use dragoman_core::syntax::score::{align_gold, score_gold_words, score_raw, AlignedWord, Scores};
use dragoman_core::syntax::tagger::{argmax, tagger_features, word_atoms, Tagger};
use dragoman_core::syntax::weights::{HashedWeights, Weights};
use dragoman_core::syntax::SyntaxModel;

use crate::data::{self, Gold};
use crate::perceptron::{HashedPerceptron, Perceptron, Rng};

/// The parser's table: 2^20 rows of 3 moves, 6 MB.
const PARSER_BITS: u32 = 20;

const LICENCES: &str = "Trained on UD English EWT (CC BY-SA 4.0, Universal Dependencies) and the CC BY genres of \
UD English GUM (CC BY 4.0, Zeldes 2017); the model is derived from their annotations.";

fn log(t0: Instant, msg: &str) {
    eprintln!("[{:>6.1}s] {msg}", t0.elapsed().as_secs_f64());
}

pub fn train(shared: &Path, out: &Path, seed: u64, quick: bool, prune_fraction: f32) -> Result<(), String> {
    let t0 = Instant::now();
    let sets = data::load(shared, true)?;
    let train = data::gold(&sets.train);
    let dev: Vec<Gold> = sets.dev.iter().flat_map(|(_, s)| data::gold(s)).collect();
    log(t0, &format!("{} training sentences, {} dev sentences", train.len(), dev.len()));
    let mut rng = Rng::new(seed);

    // Tags and ambiguity classes.
    let tagset: Vec<String> = train
        .iter()
        .flat_map(|g| g.tags.iter().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let tag_index: HashMap<&str, u16> = tagset.iter().enumerate().map(|(i, t)| (t.as_str(), i as u16)).collect();
    let ambiguity = ambiguity_classes(&train, &tag_index);
    let tags: Vec<(&'static str, &'static str)> = tagset
        .iter()
        .map(|t| {
            let (u, x) = t.split_once('\t').unwrap_or((t, "_"));
            (intern(u), intern(x))
        })
        .collect();

    let (tag_epochs, parse_epochs, label_epochs) = if quick { (3, 3, 3) } else { (10, 15, 10) };
    let all: Vec<&Gold> = train.iter().collect();
    let sure = sure_tags(&train, &tag_index);
    log(t0, &format!("{} words with a sure tag", sure.len()));
    let mut tagger = train_tagger(&all, &tags, &tag_index, &ambiguity, Some(&dev), tag_epochs, &mut rng, t0);
    tagger.sure = sure;
    log(t0, &format!("tagger: {} features, {} weights", tagger.weights.n_features(), tagger.weights.n_weights()));

    // Jackknifed tags: the parser and labeler learn from tags as good as run time's.
    let folds = 4;
    let mut jk: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    for k in 0..folds {
        let part: Vec<&Gold> = train.iter().enumerate().filter(|(i, _)| i % folds != k).map(|(_, g)| g).collect();
        let t = train_tagger(&part, &tags, &tag_index, &ambiguity, None, tag_epochs.min(6), &mut rng, t0);
        for (i, g) in train.iter().enumerate().filter(|(i, _)| i % folds == k) {
            let forms: Vec<&str> = g.forms.iter().map(String::as_str).collect();
            jk[i] = t.tag(&forms);
        }
        log(t0, &format!("jackknife fold {} of {folds}", k + 1));
    }
    let right: usize = train
        .iter()
        .zip(&jk)
        .map(|(g, p)| g.tags.iter().zip(p).filter(|(t, p)| tag_index[t.as_str()] == **p).count())
        .sum();
    let total: usize = train.iter().map(|g| g.forms.len()).sum();
    log(t0, &format!("jackknifed training tags: {:.2}% right", 100.0 * right as f64 / total as f64));

    let lemmatizer = train_lemmatizer(&train);
    log(t0, &format!("lemmas: {} rules, {} exceptions", lemmatizer.rules.len(), lemmatizer.exceptions.len()));

    let dev_tags: Vec<Vec<u16>> = dev
        .iter()
        .map(|g| {
            let forms: Vec<&str> = g.forms.iter().map(String::as_str).collect();
            tagger.tag(&forms)
        })
        .collect();
    let parser = train_parser(&train, &jk, &dev, &dev_tags, parse_epochs, &mut rng, t0);
    log(t0, &format!("parser: {:?}", parser.weights));
    let labeler = train_labeler(&train, &jk, &dev, &dev_tags, &tagger.tags, label_epochs, &mut rng, t0);
    log(t0, &format!("labeler: {} labels, {} features", labeler.labels.len(), labeler.weights.n_features()));

    let mut model = SyntaxModel { tagger, lemmatizer, parser, labeler, about: String::new() };
    prune_model(&mut model, prune_fraction);
    let table =
        score_sets(&model, &sets.dev.iter().chain(&sets.test).map(|(n, s)| (*n, s)).collect::<Vec<_>>(), shared);
    model.about = format!(
        "Dragoman syntax model (dragoman-train, seed {seed}, prune {prune_fraction}{}).\n{LICENCES}\nScores at training time (gold tokenization):\n{table}",
        if quick { ", quick" } else { "" }
    );
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{table}");
    log(t0, &format!("wrote {} ({:.1} MB)", out.display(), bytes.len() as f64 / 1e6));
    Ok(())
}

pub fn eval(shared: &Path, model: Option<&Path>, prune: Option<f32>, out: Option<&Path>) -> Result<(), String> {
    let t0 = Instant::now();
    let model = match model {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            SyntaxModel::from_bytes(&bytes).map_err(|e| e.to_string())?
        }
        None => SyntaxModel::builtin().map_err(|e| e.to_string())?,
    };
    let mut model = model;
    if let Some(f) = prune {
        prune_model(&mut model, f);
        log(t0, &format!("pruned: {:.1} MB", model.to_bytes().len() as f64 / 1e6));
    }
    if let Some(out) = out {
        std::fs::write(out, model.to_bytes()).map_err(|e| format!("{}: {e}", out.display()))?;
        log(t0, &format!("wrote {}", out.display()));
    }
    log(
        t0,
        &format!(
            "features: tagger {:?}, parser {:?}, labeler {:?}",
            model.tagger.weights, model.parser.weights, model.labeler.weights
        ),
    );
    log(
        t0,
        &format!(
            "model loaded; probes: tagger {:.2}, labeler {:.2}",
            model.tagger.weights.mean_probe(),
            model.labeler.weights.mean_probe()
        ),
    );
    let sets = data::load(shared, false)?;
    let named: Vec<(&str, &Vec<ConlluSentence>)> = sets.dev.iter().chain(&sets.test).map(|(n, s)| (*n, s)).collect();
    println!("{}", score_sets(&model, &named, shared));
    Ok(())
}

/// The score table: gold tokenization for every set, then PUD from raw text.
fn score_sets(model: &SyntaxModel, sets: &[(&str, &Vec<ConlluSentence>)], _shared: &Path) -> String {
    let mut out = String::from(
        "| set | words | UPOS | XPOS | lemma | UAS | LAS | LAS (full labels) |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (name, gold) in sets {
        let system: Vec<ConlluSentence> = gold.iter().map(|s| model.reparse(s)).collect();
        if let Ok(s) = score_gold_words(gold, &system) {
            out.push_str(&row(name, &s));
        }
    }
    if let Some((_, pud)) = sets.iter().find(|(n, _)| *n == "PUD") {
        let r = raw_text_scores(model, pud);
        out.push_str(&format!(
            "\nPUD from raw text (CoNLL 2018 style F1): sentences {:.2}, words {:.2}, UPOS {:.2}, UAS {:.2}, LAS {:.2}\n",
            r.sentence_f1(),
            r.word_f1(),
            r.upos_f1(),
            r.uas_f1(),
            r.las_f1()
        ));
    }
    out
}

fn row(name: &str, s: &Scores) -> String {
    format!(
        "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |\n",
        s.words,
        s.upos_pct(),
        s.xpos_pct(),
        s.lemma_pct(),
        s.uas_pct(),
        s.las_pct(),
        s.las_full_pct()
    )
}

/// Parses PUD's text as Dragoman would (its sentence splitter and words) and aligns it
/// with the gold words.
pub fn raw_text_scores(model: &SyntaxModel, gold: &[ConlluSentence]) -> dragoman_core::syntax::score::RawScores {
    // Documents: sentences joined by a space; a new document starts a new paragraph.
    let mut text = String::new();
    for s in gold {
        if s.comment("newdoc id").is_some() && !text.is_empty() {
            text.push_str("\n\n");
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(s.comment("text").unwrap_or(""));
    }
    // Character index (whitespace removed) of every byte offset.
    let mut nonspace = vec![0usize; text.len() + 1];
    let mut k = 0;
    for (i, c) in text.char_indices() {
        for b in 0..c.len_utf8() {
            nonspace[i + b] = k;
        }
        if !c.is_whitespace() {
            k += 1;
        }
    }
    nonspace[text.len()] = k;
    let mut system = Vec::new();
    for (a, b) in dragoman_core::text::split_sentences(&text, 0, text.len()) {
        let tree = model.parse_sentence(&text, a, b);
        system.push(
            tree.words
                .iter()
                .map(|w| AlignedWord {
                    start: nonspace[w.start],
                    end: nonspace[w.start] + text[w.start..w.end].chars().filter(|c| !c.is_whitespace()).count(),
                    head: w.head,
                    deprel: w.deprel.to_string(),
                    upos: w.upos.to_string(),
                })
                .collect(),
        );
    }
    score_raw(&align_gold(gold), &system)
}

/// Words (as written) seen at least 20 times with one tag at least 99.5% of the time.
fn sure_tags(train: &[Gold], tag_index: &HashMap<&str, u16>) -> FxHashMap<String, u16> {
    let mut counts: HashMap<&str, HashMap<u16, usize>> = HashMap::new();
    for g in train {
        for (f, t) in g.forms.iter().zip(&g.tags) {
            *counts.entry(f.as_str()).or_default().entry(tag_index[t.as_str()]).or_default() += 1;
        }
    }
    let mut out = FxHashMap::default();
    for (w, tags) in counts {
        let n: usize = tags.values().sum();
        if let Some((&t, &c)) = tags.iter().max_by_key(|(_, c)| **c) {
            if n >= 20 && c * 1000 >= n * 995 {
                out.insert(w.to_string(), t);
            }
        }
    }
    out
}

/// The set of tags each known word takes (tags of at least 5% of its occurrences), as a
/// hash. Words seen once are left out, so the tagger also learns to do without.
fn ambiguity_classes(train: &[Gold], tag_index: &HashMap<&str, u16>) -> FxHashMap<String, u64> {
    let mut counts: HashMap<String, BTreeMap<u16, usize>> = HashMap::new();
    for g in train {
        for (f, t) in g.forms.iter().zip(&g.tags) {
            *counts.entry(f.to_lowercase()).or_default().entry(tag_index[t.as_str()]).or_default() += 1;
        }
    }
    let mut out = FxHashMap::default();
    for (w, tags) in counts {
        let n: usize = tags.values().sum();
        if n < 2 {
            continue;
        }
        let mut h = 0x1234_5678u64;
        for (t, c) in tags {
            if c * 20 >= n {
                h = dragoman_core::syntax::features::mix(h, u64::from(t) + 1);
            }
        }
        out.insert(w, h | 2);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn train_tagger(
    sents: &[&Gold],
    tags: &[(&'static str, &'static str)],
    tag_index: &HashMap<&str, u16>,
    ambiguity: &FxHashMap<String, u64>,
    dev: Option<&[Gold]>,
    epochs: usize,
    rng: &mut Rng,
    t0: Instant,
) -> Tagger {
    let mut p = Perceptron::new(tags.len());
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    for e in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let g = sents[si];
            let forms: Vec<&str> = g.forms.iter().map(String::as_str).collect();
            let atoms = word_atoms(&forms, ambiguity);
            let (mut p1, mut p2) = (0u64, 0u64);
            for i in 0..forms.len() {
                tagger_features(&atoms, i, p1, p2, &mut feats);
                p.scores(&feats, &mut scores);
                let pred = argmax(&scores);
                let gold = tag_index[g.tags[i].as_str()] as usize;
                p.tick();
                if pred != gold {
                    p.update(&feats, gold, 1.0);
                    p.update(&feats, pred, -1.0);
                } else {
                    right += 1;
                }
                total += 1;
                p2 = p1;
                p1 = pred as u64 + 1;
            }
        }
        let Some(dev) = dev else { continue };
        let tagger = Tagger {
            tags: tags.to_vec(),
            weights: p.averaged(0.0),
            ambiguity: ambiguity.clone(),
            sure: FxHashMap::default(),
        };
        let (mut r, mut n) = (0, 0);
        for g in dev {
            let forms: Vec<&str> = g.forms.iter().map(String::as_str).collect();
            for (t, pred) in g.tags.iter().zip(tagger.tag(&forms)) {
                n += 1;
                r += usize::from(tag_index.get(t.as_str()) == Some(&pred));
            }
        }
        let acc = 100.0 * r as f64 / n as f64;
        log(
            t0,
            &format!(
                "tagger epoch {}: train {:.2}%, dev joint tag {acc:.2}%",
                e + 1,
                100.0 * right as f64 / total as f64
            ),
        );
        if best.as_ref().is_none_or(|(b, _)| acc > *b) {
            best = Some((acc, tagger.weights));
        }
    }
    let weights = match best {
        Some((_, w)) => w,
        None => p.averaged(0.0),
    };
    Tagger { tags: tags.to_vec(), weights, ambiguity: ambiguity.clone(), sure: FxHashMap::default() }
}

/// Drops weights whose magnitude is below `fraction` of the model's mean magnitude.
fn prune(w: Weights, fraction: f32) -> Weights {
    let min = w.mean_abs() * fraction;
    w.pruned(min)
}

/// Prunes all three models by the same fraction of their mean weight.
pub fn prune_model(m: &mut SyntaxModel, fraction: f32) {
    m.tagger.weights = prune(m.tagger.weights.clone(), fraction);
    m.labeler.weights = prune(m.labeler.weights.clone(), fraction);
}

fn train_lemmatizer(train: &[Gold]) -> Lemmatizer {
    // (form, xpos) → lemma counts.
    let mut types: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for g in train {
        for ((f, l), t) in g.forms.iter().zip(&g.lemmas).zip(&g.tags) {
            let (upos, xpos) = t.split_once('\t').unwrap_or(("", ""));
            if upos == "PROPN" || l == "_" {
                continue;
            }
            *types.entry((f.to_lowercase(), xpos.to_string())).or_default().entry(l.to_lowercase()).or_default() += 1;
        }
    }
    let best: Vec<((String, String), String, usize)> = types
        .into_iter()
        .map(|(k, ls)| {
            let n = ls.values().sum();
            let l = ls.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|x| x.0).unwrap_or_default();
            (k, l, n)
        })
        .collect();
    // Rules: the commonest edit for each (xpos, suffix), counted over word types.
    let mut edits: HashMap<String, HashMap<SuffixEdit, usize>> = HashMap::new();
    for ((f, x), l, _) in &best {
        let e = SuffixEdit::between(f, l);
        if e.apply(f).as_deref() != Some(l.as_str()) {
            continue;
        }
        for n in 0..=MAX_SUFFIX.min(f.chars().count().saturating_sub(1)) {
            *edits.entry(format!("{x}\t{}", suffix(f, n))).or_default().entry(e.clone()).or_default() += 1;
        }
    }
    let mut rules = FxHashMap::default();
    for (k, es) in edits {
        let total: usize = es.values().sum();
        // Ties go to the smaller edit, so that runs do not depend on hash order.
        if let Some((e, c)) =
            es.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cut.cmp(&a.0.cut)).then(b.0.append.cmp(&a.0.append)))
        {
            if c >= 2 && c * 2 > total || k.ends_with('\t') {
                rules.insert(k, e);
            }
        }
    }
    let mut lem = Lemmatizer { exceptions: FxHashMap::default(), rules };
    let mut exceptions = FxHashMap::default();
    for ((f, x), l, _) in best {
        if lem.by_rule(&f, &x) != l {
            exceptions.insert(format!("{f}\t{x}"), l);
        }
    }
    lem.exceptions = exceptions;
    lem
}

/// The parser's and labeler's view of tagged sentences.
fn parser_tokens(sents: &[Gold], tags: &[Vec<u16>]) -> Vec<Vec<parser::Token>> {
    sents
        .iter()
        .zip(tags)
        .map(|(g, t)| parser::tokens(&g.forms.iter().map(String::as_str).collect::<Vec<_>>(), t))
        .collect()
}

fn train_parser(
    train: &[Gold],
    tags: &[Vec<u16>],
    dev: &[Gold],
    dev_tags: &[Vec<u16>],
    epochs: usize,
    rng: &mut Rng,
    t0: Instant,
) -> Parser {
    let mut p = HashedPerceptron::new(MOVES, PARSER_BITS);
    let (toks, dev_toks) = (parser_tokens(train, tags), parser_tokens(dev, dev_tags));
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    let mut best: Option<(f64, HashedWeights)> = None;
    for e in 0..epochs {
        rng.shuffle(&mut order);
        let explore = e > 0;
        for &si in &order {
            let gold = &train[si].heads;
            let mut st = State::new(toks[si].len());
            while !st.done() {
                st.features(&toks[si], &mut feats);
                p.scores(&feats, &mut scores);
                let legal: Vec<usize> = (0..MOVES).filter(|&m| st.legal(m)).collect();
                let costs: Vec<usize> =
                    (0..MOVES).map(|m| if st.legal(m) { st.cost(m, gold) } else { usize::MAX }).collect();
                let pred =
                    *legal.iter().max_by(|&&a, &&b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(&0);
                let min = legal.iter().map(|&m| costs[m]).min().unwrap_or(0);
                let best_gold = *legal
                    .iter()
                    .filter(|&&m| costs[m] == min)
                    .max_by(|&&a, &&b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .unwrap_or(&pred);
                p.tick();
                if costs[pred] > min {
                    p.update(&feats, best_gold, 1.0);
                    p.update(&feats, pred, -1.0);
                }
                let next = if explore && rng.unit() < 0.9 { pred } else { best_gold };
                st.apply(next);
            }
        }
        let parser = Parser { weights: p.averaged() };
        let (mut right, mut n) = (0usize, 0usize);
        for (g, t) in dev.iter().zip(&dev_toks) {
            let heads = parser.parse(t);
            n += heads.len();
            right += heads.iter().zip(&g.heads[1..]).filter(|(a, b)| a == b).count();
        }
        let uas = 100.0 * right as f64 / n as f64;
        log(t0, &format!("parser epoch {}: dev UAS {uas:.2}", e + 1));
        if best.as_ref().is_none_or(|(b, _)| uas > *b) {
            best = Some((uas, parser.weights));
        }
    }
    Parser { weights: best.map(|b| b.1).unwrap_or_else(|| p.averaged()) }
}

#[allow(clippy::too_many_arguments)]
fn train_labeler(
    train: &[Gold],
    tags: &[Vec<u16>],
    dev: &[Gold],
    dev_tags: &[Vec<u16>],
    tagset: &[(&'static str, &'static str)],
    epochs: usize,
    rng: &mut Rng,
    t0: Instant,
) -> Labeler {
    let labelset: Vec<String> = train
        .iter()
        .flat_map(|g| g.deprels.iter().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let index: HashMap<&str, usize> = labelset.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
    let root = index.get("root").copied().unwrap_or(0);
    let labels: Vec<&'static str> = labelset.iter().map(|l| intern(l)).collect();
    let mut p = Perceptron::new(labelset.len());
    let (toks, dev_toks) = (parser_tokens(train, tags), parser_tokens(dev, dev_tags));
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    for e in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let g = &train[si];
            let ctx = LabelContext::new(&toks[si], &g.heads[1..]);
            let mut assigned = vec![0u64; g.forms.len() + 1];
            for d in ctx.top_down() {
                let gold = index.get(g.deprels[d - 1].as_str()).copied().unwrap_or(root);
                if g.heads[d] == 0 {
                    assigned[d] = root as u64 + 1;
                    continue;
                }
                ctx.features(d, &assigned, &mut feats);
                p.scores(&feats, &mut scores);
                scores[root] = f32::NEG_INFINITY;
                let pred = argmax(&scores);
                p.tick();
                if pred != gold {
                    p.update(&feats, gold, 1.0);
                    p.update(&feats, pred, -1.0);
                }
                assigned[d] = pred as u64 + 1;
            }
        }
        let labeler = Labeler::new(labels.clone(), p.averaged(0.0), root as u16, tagset);
        let (mut right, mut n) = (0usize, 0usize);
        for (g, t) in dev.iter().zip(&dev_toks) {
            let out = labeler.label(t, &g.heads[1..]);
            for (l, gl) in out.iter().zip(&g.deprels) {
                n += 1;
                right += usize::from(labels[*l as usize] == gl);
            }
        }
        let acc = 100.0 * right as f64 / n as f64;
        log(t0, &format!("labeler epoch {}: dev label accuracy on gold arcs {acc:.2}", e + 1));
        if best.as_ref().is_none_or(|(b, _)| acc > *b) {
            best = Some((acc, labeler.weights));
        }
    }
    Labeler::new(labels, best.map(|b| b.1).unwrap_or_else(|| p.averaged(0.0)), root as u16, tagset)
}

/// Times each stage alone over the PUD and EWT test words (gold tokenization).
pub fn speed(shared: &Path, model: Option<&Path>) -> Result<(), String> {
    let model = match model {
        Some(p) => SyntaxModel::from_bytes(&std::fs::read(p).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?,
        None => SyntaxModel::builtin().map_err(|e| e.to_string())?,
    };
    let sets = data::load(shared, false)?;
    let gold: Vec<Gold> = sets.test.iter().flat_map(|(_, s)| data::gold(s)).collect();
    let forms: Vec<Vec<&str>> = gold.iter().map(|g| g.forms.iter().map(String::as_str).collect()).collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let t = Instant::now();
    let tags: Vec<Vec<u16>> = forms.iter().map(|f| model.tagger.tag(f)).collect();
    let tag_s = t.elapsed().as_secs_f64();
    let toks: Vec<Vec<parser::Token>> = forms.iter().zip(&tags).map(|(f, t)| parser::tokens(f, t)).collect();
    let t = Instant::now();
    let heads: Vec<Vec<usize>> = toks.iter().map(|t| model.parser.parse(t)).collect();
    let parse_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n: usize = toks.iter().zip(&heads).map(|(t, h)| model.labeler.label(t, h).len()).sum();
    let label_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let m: usize = forms.iter().map(|f| model.analyze(f).len()).sum();
    let all_s = t.elapsed().as_secs_f64();
    let per = |s: f64| 1e6 * s / forms.len() as f64;
    println!(
        "{} sentences, {words} words ({n}, {m}): tagger {:.1} us/sentence, parser {:.1}, labeler {:.1}, all with lemmas {:.1} ({:.0} sentences/s)",
        forms.len(), per(tag_s), per(parse_s), per(label_s), per(all_s), forms.len() as f64 / all_s
    );
    Ok(())
}
