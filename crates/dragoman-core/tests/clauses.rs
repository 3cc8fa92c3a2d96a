//! Clause roles read from trees annotated by hand (UD English conventions), so that
//! what is tested is the reading of the tree, not the parser.

use dragoman_core::syntax::clauses::{clauses, Clause, Via};
use dragoman_core::syntax::conllu::read_conllu;
use dragoman_core::syntax::Tree;

/// A tree from lines of `form lemma UPOS XPOS head relation`.
fn tree(rows: &str) -> Tree {
    let mut text = String::new();
    for (i, row) in rows.trim().lines().enumerate() {
        let c: Vec<&str> = row.split_whitespace().collect();
        text.push_str(&format!("{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n", i + 1, c[0], c[1], c[2], c[3], c[4], c[5]));
    }
    text.push('\n');
    let (s, e) = read_conllu(&text);
    assert!(e.is_empty(), "{e:?}");
    Tree::from_conllu(&s[0])
}

fn clause<'a>(t: &Tree, cs: &'a [Clause], verb: &str) -> &'a Clause {
    cs.iter().find(|c| t.words[c.predicate].form == verb).unwrap_or_else(|| panic!("no clause for {verb}"))
}

fn form(t: &Tree, i: Option<usize>) -> Option<&str> {
    i.map(|i| t.words[i].form.as_str())
}

fn subject(t: &Tree, c: &Clause) -> Option<(String, Via)> {
    c.subject.map(|(s, v)| (t.words[s].form.clone(), v))
}

#[test]
fn a_second_verb_shares_the_subject() {
    let t = tree(
        "Pakistan Pakistan PROPN NNP 2 nsubj
         summoned summon VERB VBD 0 root
         the the DET DT 4 det
         envoy envoy NOUN NN 2 obj
         and and CCONJ CC 6 cc
         threatened threaten VERB VBD 2 conj
         sanctions sanction NOUN NNS 6 obj
         . . PUNCT . 2 punct",
    );
    let cs = clauses(&t);
    let c = clause(&t, &cs, "threatened");
    assert_eq!(subject(&t, c), Some(("Pakistan".into(), Via::Conjunct)));
    assert_eq!(form(&t, c.object), Some("sanctions"));
    assert_eq!(subject(&t, clause(&t, &cs, "summoned")), Some(("Pakistan".into(), Via::Direct)));
}

#[test]
fn the_object_controls_an_infinitive() {
    let t = tree(
        "The the DET DT 2 det
         minister minister NOUN NN 3 nsubj
         urged urge VERB VBD 0 root
         Mali Mali PROPN NNP 3 obj
         to to PART TO 6 mark
         hold hold VERB VB 3 xcomp
         elections election NOUN NNS 6 obj
         . . PUNCT . 3 punct",
    );
    let cs = clauses(&t);
    assert_eq!(subject(&t, clause(&t, &cs, "hold")), Some(("Mali".into(), Via::Control)));
}

#[test]
fn relative_clauses_take_their_noun() {
    let t = tree(
        "The the DET DT 2 det
         committee committee NOUN NN 8 nsubj
         , , PUNCT , 5 punct
         which which PRON WDT 5 nsubj
         probes probe VERB VBZ 2 acl:relcl
         crimes crime NOUN NNS 5 obj
         , , PUNCT , 5 punct
         accused accuse VERB VBD 0 root
         Kyiv Kyiv PROPN NNP 8 obj
         . . PUNCT . 8 punct",
    );
    let cs = clauses(&t);
    assert_eq!(subject(&t, clause(&t, &cs, "probes")), Some(("committee".into(), Via::Antecedent)));
    let accused = clause(&t, &cs, "accused");
    assert_eq!(subject(&t, accused), Some(("committee".into(), Via::Direct)));
    assert_eq!(form(&t, accused.object), Some("Kyiv"));

    let t = tree(
        "The the DET DT 2 det
         envoy envoy NOUN NN 6 nsubj
         that that PRON WDT 5 obj
         Pakistan Pakistan PROPN NNP 5 nsubj
         summoned summon VERB VBD 2 acl:relcl
         left leave VERB VBD 0 root
         . . PUNCT . 6 punct",
    );
    let cs = clauses(&t);
    let c = clause(&t, &cs, "summoned");
    assert_eq!(subject(&t, c), Some(("Pakistan".into(), Via::Direct)));
    assert_eq!(form(&t, c.object), Some("envoy"), "the noun is what the relative clause acts on");
}

#[test]
fn participles_and_passive_agents() {
    let t = tree(
        "A a DET DT 2 det
         ceasefire ceasefire NOUN NN 6 nsubj
         brokered broker VERB VBN 2 acl
         by by ADP IN 5 case
         Qatar Qatar PROPN NNP 3 obl:agent
         took take VERB VBD 0 root
         effect effect NOUN NN 6 obj
         . . PUNCT . 6 punct",
    );
    let cs = clauses(&t);
    let c = clause(&t, &cs, "brokered");
    assert!(c.passive);
    assert_eq!(subject(&t, c), Some(("ceasefire".into(), Via::Antecedent)));
    assert_eq!(form(&t, c.agent), Some("Qatar"));

    let t = tree(
        "Rwanda Rwanda PROPN NNP 3 nsubj:pass
         was be AUX VBD 3 aux:pass
         accused accuse VERB VBN 0 root
         by by ADP IN 5 case
         Kinshasa Kinshasa PROPN NNP 3 obl:agent
         of of SCONJ IN 7 mark
         backing back VERB VBG 3 advcl
         the the DET DT 9 det
         rebels rebel NOUN NNS 7 obj
         . . PUNCT . 3 punct",
    );
    let cs = clauses(&t);
    let c = clause(&t, &cs, "accused");
    assert!(c.passive);
    assert_eq!(form(&t, c.agent), Some("Kinshasa"));
    assert_eq!(subject(&t, clause(&t, &cs, "backing")), Some(("Rwanda".into(), Via::Adjunct)));
}

#[test]
fn trailing_participles_and_their_of_clauses() {
    let t = tree(
        "Kinshasa Kinshasa PROPN NNP 2 nsubj
         condemned condemn VERB VBD 0 root
         the the DET DT 4 det
         attack attack NOUN NN 2 obj
         , , PUNCT , 6 punct
         accusing accuse VERB VBG 2 advcl
         Rwanda Rwanda PROPN NNP 6 obj
         of of SCONJ IN 9 mark
         arming arm VERB VBG 6 advcl
         rebels rebel NOUN NNS 9 obj
         . . PUNCT . 2 punct",
    );
    let cs = clauses(&t);
    assert_eq!(subject(&t, clause(&t, &cs, "accusing")), Some(("Kinshasa".into(), Via::Adjunct)));
    assert_eq!(subject(&t, clause(&t, &cs, "arming")), Some(("Rwanda".into(), Via::Control)));
}

#[test]
fn negation_modals_obliques_and_reported_speech() {
    let t = tree(
        "Azerbaijan Azerbaijan PROPN NNP 2 nsubj
         said say VERB VBD 0 root
         Armenia Armenia PROPN NNP 5 nsubj
         would would AUX MD 5 aux
         suspend suspend VERB VB 2 ccomp
         talks talk NOUN NNS 5 obj
         with with ADP IN 8 case
         Baku Baku PROPN NNP 5 obl
         . . PUNCT . 2 punct",
    );
    let cs = clauses(&t);
    let c = clause(&t, &cs, "suspend");
    assert_eq!(c.modal.as_deref(), Some("would"));
    assert_eq!(form(&t, c.complement_of), Some("said"));
    assert_eq!(
        c.obliques.iter().map(|(p, i)| (p.as_str(), t.words[*i].form.as_str())).collect::<Vec<_>>(),
        [("with", "Baku")]
    );

    let t = tree(
        "Police police NOUN NNS 4 nsubj
         did do AUX VBD 4 aux
         not not PART RB 4 advmod
         arrest arrest VERB VB 0 root
         the the DET DT 6 det
         protesters protester NOUN NNS 4 obj
         who who PRON WP 8 nsubj
         blocked block VERB VBD 6 acl:relcl
         roads road NOUN NNS 8 obj
         . . PUNCT . 4 punct",
    );
    let cs = clauses(&t);
    assert!(clause(&t, &cs, "arrest").negated);
    assert!(!clause(&t, &cs, "blocked").negated);
    assert_eq!(subject(&t, clause(&t, &cs, "blocked")), Some(("protesters".into(), Via::Antecedent)));
}

#[test]
fn roles_from_the_shipped_parser() {
    // End to end on a sentence the parser gets right (see tests/syntax.rs): the passive
    // agent and the theme come out of a real parse.
    let model = dragoman_core::syntax::SyntaxModel::shared().expect("model");
    let text = "The convoy was attacked by jihadist fighters near the border.";
    let t = model.parse_sentence(text, 0, text.len());
    let cs = clauses(&t);
    let c = clause(&t, &cs, "attacked");
    assert!(c.passive);
    assert_eq!(form(&t, c.agent), Some("fighters"));
    assert_eq!(subject(&t, c).map(|s| s.0), Some("convoy".into()));
}
