//! The shipped tagger and parser on news sentences written for this test: the
//! constructions the coder needs read off the tree (passive agents, relative clauses,
//! verbs sharing a subject, "after" clauses, participle modifiers, reported speech),
//! a small hand-annotated gold file through the scorer, and input that must stay
//! linear and never panic.

use dragoman_core::syntax::conllu::read_conllu;
use dragoman_core::syntax::score::score_gold_words;
use dragoman_core::syntax::{SyntaxModel, Tree, MAX_PARSE_WORDS};

fn model() -> &'static SyntaxModel {
    SyntaxModel::shared().expect("the built-in syntax model loads")
}

fn parse(text: &str) -> Tree {
    model().parse_sentence(text, 0, text.len())
}

/// The 0-based index of the first word spelt `form`.
fn at(t: &Tree, form: &str) -> usize {
    t.words.iter().position(|w| w.form == form).unwrap_or_else(|| panic!("no word '{form}' in {}", t.compact()))
}

/// The form of word `i`'s head ("ROOT" for the root).
fn head_of<'a>(t: &'a Tree, form: &str) -> &'a str {
    match t.head(at(t, form)) {
        Some(h) => &t.words[h].form,
        None => "ROOT",
    }
}

fn rel<'a>(t: &'a Tree, form: &str) -> &'a str {
    t.words[at(t, form)].deprel
}

#[test]
fn passive_with_agent() {
    let t = parse("The convoy was attacked by jihadist fighters near the border.");
    assert_eq!(head_of(&t, "convoy"), "attacked", "{}", t.compact());
    assert_eq!(rel(&t, "convoy"), "nsubj:pass", "{}", t.compact());
    assert_eq!(head_of(&t, "fighters"), "attacked", "{}", t.compact());
    assert_eq!(rel(&t, "fighters"), "obl:agent", "{}", t.compact());
    assert_eq!(rel(&t, "was"), "aux:pass", "{}", t.compact());
}

#[test]
fn relative_clause() {
    let t = parse("The committee, which investigates major crimes, accused the governor of fraud.");
    assert_eq!(head_of(&t, "committee"), "accused", "{}", t.compact());
    assert_eq!(rel(&t, "committee"), "nsubj", "{}", t.compact());
    assert_eq!(head_of(&t, "investigates"), "committee", "{}", t.compact());
    assert_eq!(rel(&t, "investigates"), "acl:relcl", "{}", t.compact());
    assert_eq!(rel(&t, "governor"), "obj", "{}", t.compact());
}

#[test]
#[ignore = "the greedy parser (PUD UAS 82) still gets this construction wrong; an issue 8 acceptance case"]
fn coordinated_verbs_share_their_subject() {
    let t = parse("The minister urged the rebels to lay down their arms and threatened new sanctions.");
    assert_eq!(head_of(&t, "minister"), "urged", "{}", t.compact());
    assert_eq!(head_of(&t, "threatened"), "urged", "{}", t.compact());
    assert_eq!(rel(&t, "threatened"), "conj", "{}", t.compact());
    assert_eq!(rel(&t, "lay"), "xcomp", "{}", t.compact());
    assert_eq!(head_of(&t, "sanctions"), "threatened", "{}", t.compact());
}

#[test]
fn after_clause() {
    let t = parse("Police arrested two men after protesters set fire to the consulate.");
    assert_eq!(rel(&t, "Police"), "nsubj", "{}", t.compact());
    assert_eq!(head_of(&t, "set"), "arrested", "{}", t.compact());
    assert_eq!(rel(&t, "set"), "advcl", "{}", t.compact());
    assert_eq!(head_of(&t, "after"), "set", "{}", t.compact());
    assert_eq!(rel(&t, "after"), "mark", "{}", t.compact());
    assert_eq!(head_of(&t, "protesters"), "set", "{}", t.compact());
    // With a time noun before "after" the parser reads "after Orban" as an oblique;
    // the repair makes Orban the subject again.
    let t = parse("Sweden protested on Friday, two days after Orban visited Moscow.");
    assert_eq!(head_of(&t, "Orban"), "visited", "{}", t.compact());
    assert_eq!(rel(&t, "Orban"), "nsubj", "{}", t.compact());
    assert_eq!(rel(&t, "after"), "mark", "{}", t.compact());
}

#[test]
fn speakers_act_and_listed_subject_after_after() {
    // A speaker's own act beside what they report is coordinated with the saying.
    let t = parse("The president said Kosovo had closed two crossings and called for talks.");
    assert_eq!(head_of(&t, "called"), "said", "{}", t.compact());
    // A list after "after" is the subject of the verb that follows it.
    let t = parse("Serbia closed the border on Monday, a day after Kosovo and North Macedonia recalled their envoys.");
    assert_eq!(head_of(&t, "Kosovo"), "recalled", "{}", t.compact());
    assert_eq!(rel(&t, "after"), "mark", "{}", t.compact());
    // A list closed by a comma, and the verb after it read as past tense.
    let t = parse("Several governments, including Denmark, Austria and Portugal, summoned Iranian ambassadors.");
    assert_eq!(head_of(&t, "summoned"), "ROOT", "{}", t.compact());
    // A past tense read as an adjective before its object, with the report's verb
    // later in the sentence.
    let t = parse("Russia and Ukraine each freed 115 prisoners of war on Saturday in an exchange mediated by the United Arab Emirates, the Gulf state's foreign ministry said.");
    assert_eq!(head_of(&t, "prisoners"), "freed", "{}", t.compact());
    assert_eq!(head_of(&t, "Russia"), "freed", "{}", t.compact());
    // A participle before a time, when the later finite verb has a clause of its own.
    let t = parse("Leaders of Russia, Turkey, France and other powers with interests in Libya's civil war agreed on Sunday to respect a U.N. arms embargo, but the two rival Libyan leaders refused to meet each other.");
    assert_eq!(head_of(&t, "agreed"), "ROOT", "{}", t.compact());
    assert_eq!(head_of(&t, "refused"), "agreed", "{}", t.compact());
    // After a phrase set off by commas behind the subject, when the only later
    // verb is the report's.
    let t =
        parse("The regional police force, known as the Mossos, detained two of its own officers, a spokesman said.");
    assert_eq!(t.words[at(&t, "detained")].xpos, "VBD", "{}", t.compact());
    // Not when that verb is the participle's own sentence's verb.
    let t = parse("Two journalists detained on Monday were freed on bail.");
    assert_eq!(t.words[at(&t, "detained")].xpos, "VBN", "{}", t.compact());
}

#[test]
fn participle_modifier() {
    let t = parse("A ceasefire brokered by Qatar took effect on Sunday.");
    assert_eq!(head_of(&t, "brokered"), "ceasefire", "{}", t.compact());
    assert_eq!(rel(&t, "brokered"), "acl", "{}", t.compact());
    assert_eq!(head_of(&t, "Qatar"), "brokered", "{}", t.compact());
    assert_eq!(head_of(&t, "ceasefire"), "took", "{}", t.compact());
}

#[test]
fn reported_speech() {
    let t = parse("The ministry said that Armenian troops had shelled the village.");
    assert_eq!(head_of(&t, "said"), "ROOT", "{}", t.compact());
    assert_eq!(head_of(&t, "shelled"), "said", "{}", t.compact());
    assert_eq!(rel(&t, "shelled"), "ccomp", "{}", t.compact());
    assert_eq!(head_of(&t, "troops"), "shelled", "{}", t.compact());
    assert_eq!(rel(&t, "troops"), "nsubj", "{}", t.compact());
}

#[test]
fn tags_and_lemmas() {
    let t = parse("Russia's envoys didn't attend the talks.");
    let forms: Vec<&str> = t.words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["Russia", "'s", "envoys", "did", "n't", "attend", "the", "talks", "."]);
    assert_eq!(t.words[0].upos, "PROPN");
    assert_eq!(t.words[2].lemma, "envoy");
    assert_eq!(t.words[3].lemma, "do");
    assert_eq!(t.words[4].lemma, "not");
    assert_eq!(t.words[5].upos, "VERB");
    assert_eq!(t.words[7].xpos, "NNS");
}

/// Every tree is a tree: one root, heads in range, no cycles.
fn assert_well_formed(t: &Tree) {
    let n = t.words.len();
    assert_eq!(t.words.iter().filter(|w| w.head == 0).count(), usize::from(n > 0), "one root");
    for (i, w) in t.words.iter().enumerate() {
        assert!(w.head <= n, "head in range");
        let mut k = i;
        for _ in 0..=n {
            match t.head(k) {
                Some(h) => k = h,
                None => break,
            }
        }
        assert!(t.head(k).is_none(), "no cycle through word {i}");
        assert_eq!(w.deprel == "root", w.head == 0, "only the root is 'root'");
    }
}

#[test]
fn odd_input_is_parsed_into_trees() {
    for text in [
        "",
        ".",
        "!!! ??? ... ---",
        "1 2 3 4 5 6 7 8 9 10",
        "Москва и Ереван 北京 مرحبا Baku",
        "\u{1F600}\u{1F600} \u{200B}",
        "(((((",
        "a",
    ] {
        let t = parse(text);
        assert_well_formed(&t);
        for w in &t.words {
            assert!(w.start < w.end && w.end <= text.len());
        }
    }
}

#[test]
fn very_long_sentences_are_parsed_in_chunks() {
    let text = "Russia accused Armenia , ".repeat(1500);
    let t = parse(&text);
    assert_eq!(t.words.len(), 6000);
    assert!(t.chunked);
    assert_well_formed(&t);
    let roots = t.words.iter().filter(|w| w.deprel == "parataxis" && t.words[w.head - 1].head == 0).count();
    assert!(roots >= 6000 / MAX_PARSE_WORDS - 1, "each chunk hangs from the first chunk's root");
}

/// Three news sentences annotated by hand for Dragoman (UD English conventions).
const GOLD: &str = include_str!("fixtures/news-gold.conllu");

#[test]
fn scorer_on_a_small_gold_file() {
    let (gold, errors) = read_conllu(GOLD);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(gold.len(), 3);
    let system: Vec<_> = gold.iter().map(|s| model().reparse(s)).collect();
    // The words, comments and MISC column survive re-parsing.
    assert_eq!(system[0].comment("text"), gold[0].comment("text"));
    assert_eq!(system[1].words().nth(7).map(|w| w.misc.as_str()), Some("SpaceAfter=No"));
    let s = score_gold_words(&gold, &system).expect("same words");
    assert_eq!(s.words, 28);
    assert!(s.las <= s.uas && s.las_full <= s.las);
    // Plain news sentences: the shipped model gets nearly all of these right.
    assert!(s.upos_pct() >= 90.0, "UPOS {:.1}", s.upos_pct());
    assert!(s.uas_pct() >= 85.0, "UAS {:.1}", s.uas_pct());
    assert!(s.las_pct() >= 80.0, "LAS {:.1}", s.las_pct());
    // Scoring gold against itself is perfect.
    let own = score_gold_words(&gold, &gold).unwrap();
    assert_eq!((own.upos, own.uas, own.las, own.las_full), (28, 28, 28, 28));
}

/// With ../shared beside the checkout: the shipped model's figures on PUD (a test set
/// never trained or tuned on) with gold words stay at what the README reports.
#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
fn pud_scores_hold() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud-english-pud/en_pud-ud-test.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (gold, errors) = read_conllu(&text);
    assert!(errors.is_empty());
    let system: Vec<_> = gold.iter().map(|s| model().reparse(s)).collect();
    let s = score_gold_words(&gold, &system).unwrap();
    println!("PUD: UPOS {:.2} UAS {:.2} LAS {:.2}", s.upos_pct(), s.uas_pct(), s.las_pct());
    assert!(s.upos_pct() >= 95.0, "UPOS {:.2}", s.upos_pct());
    assert!(s.uas_pct() >= 81.5, "UAS {:.2}", s.uas_pct());
    assert!(s.las_pct() >= 78.0, "LAS {:.2}", s.las_pct());
}
