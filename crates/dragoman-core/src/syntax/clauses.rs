//! Clause roles read from a dependency tree: for every verb, who did it, to whom, with
//! which prepositions, in which voice, negated or not, under which modal.
//!
//! This is what the coder needs from the parse (issue 9). The tree gives the direct
//! roles; the rest follow UD's conventions for the constructions news is full of:
//!
//! - control: "urged Mali to hold talks" — the infinitive's subject is the object of
//!   "urged" when there is one, else its subject ("vowed to respond");
//! - coordination: "urged … and threatened" — a conjunct verb without a subject of its
//!   own shares its first conjunct's;
//! - relative clauses: "the committee, which probes crimes, alleged" — a relative
//!   pronoun stands for the noun the clause modifies; "the envoy that Pakistan summoned"
//!   makes the noun the object;
//! - participles: "a ceasefire brokered by Qatar" (the noun is the theme, "by" the
//!   agent), "fighters attacking a convoy" (the noun is the subject), and trailing
//!   ", accusing Rwanda of …" (the subject of the verb it hangs from), whose own
//!   "of arming rebels" is done by that verb's object;
//! - passives: `nsubj:pass` is the theme and `obl:agent` ("by X") the doer.

use super::Tree;

/// Verbs whose object does what the infinitive after them says ("urged Armenia to
/// agree", "ordered troops to withdraw").
const OBJECT_CONTROL: &[&str] = &[
    "urge",
    "ask",
    "press",
    "invite",
    "encourage",
    "tell",
    "order",
    "allow",
    "force",
    "instruct",
    "persuade",
    "advise",
    "authorize",
    "authorise",
    "permit",
    "direct",
];

/// How a clause's subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The verb's own `nsubj`/`csubj`.
    Direct,
    /// The object (or subject) of the verb that controls this infinitive or participle.
    Control,
    /// The subject of the first verb of a coordination.
    Conjunct,
    /// The noun a relative clause or participle modifies.
    Antecedent,
    /// The subject of the clause a trailing participle ("…, accusing X") hangs from.
    Adjunct,
}

/// The roles of one predicate. Word indexes are 0-based positions in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub predicate: usize,
    /// The grammatical subject (for a passive, the one the act is done to).
    pub subject: Option<(usize, Via)>,
    pub object: Option<usize>,
    pub indirect_object: Option<usize>,
    /// The doer of a passive: the `obl:agent` ("by X").
    pub agent: Option<usize>,
    /// Obliques with their preposition's lemma ("against", "in", "" when none).
    pub obliques: Vec<(String, usize)>,
    pub passive: bool,
    pub negated: bool,
    /// The lemma of a modal auxiliary ("would", "may", "will").
    pub modal: Option<String>,
    /// The predicate this clause is the complement of ("said that …"), if any.
    pub complement_of: Option<usize>,
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn is_relative_pronoun(lemma: &str) -> bool {
    matches!(lemma, "which" | "who" | "whom" | "that" | "whose")
}

/// The clauses of every verb in the tree, in word order.
pub fn clauses(tree: &Tree) -> Vec<Clause> {
    clauses_with(tree, &children(tree))
}

/// Each word's dependents, in word order.
pub fn children(tree: &Tree) -> Vec<Vec<usize>> {
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); tree.words.len()];
    for i in 0..tree.words.len() {
        if let Some(h) = tree.head(i) {
            kids[h].push(i);
        }
    }
    kids
}

/// [`clauses`] with the words' dependents already listed ([`children`]).
pub fn clauses_with(tree: &Tree, kids: &[Vec<usize>]) -> Vec<Clause> {
    let n = tree.words.len();
    let mut out: Vec<Clause> =
        (0..n).filter(|&i| tree.words[i].upos == "VERB").map(|i| direct_roles(tree, kids, i)).collect();
    // Subjects that come from elsewhere, resolved in order from the root down so that
    // a chain ("urged X to try to hold") passes along.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| depth(tree, out[k].predicate));
    for k in order {
        if out[k].subject.is_some() {
            continue;
        }
        let p = out[k].predicate;
        let rel = tree.words[p].deprel;
        let head = tree.head(p);
        let clause_of = |h: usize, out: &[Clause]| out.iter().find(|c| c.predicate == h).cloned();
        let found = match (base(rel), head) {
            ("xcomp", Some(h)) => clause_of(h, &out)
                .and_then(|c| c.object.map(|o| (o, Via::Control)).or(c.subject.map(|(s, _)| (s, Via::Control)))),
            ("conj", Some(h)) => clause_of(h, &out).and_then(|c| c.subject.map(|(s, _)| (s, Via::Conjunct))),
            // "Mali's junta dissolved all parties" tagged as a participle and hung
            // from the noun, leaving a sentence with no verb at its root: the
            // participle is the sentence's finite verb, and the noun its subject.
            ("acl", Some(h)) if tree.head(h).is_none() && tree.words[h].upos != "VERB" && rel != "acl:relcl" => {
                Some((h, Via::Direct))
            }
            ("acl", Some(h)) => {
                if rel == "acl:relcl" {
                    None
                } else if tree.words[h.min(p)..h.max(p)].iter().any(|w| w.form == ",") {
                    // "Saudi Arabia, which has been trying …, called for restraint":
                    // a verb after a comma is no modifier of the noun before; the
                    // parser hung a finite verb there. Its subject is unknown here.
                    None
                } else if tree.words[p].xpos == "VBN" {
                    // "a ceasefire brokered by Qatar": the noun is what was done.
                    out[k].passive = true;
                    out[k].subject = Some((h, Via::Antecedent));
                    continue;
                } else {
                    Some((h, Via::Antecedent))
                }
            }
            // "voted to remove the president": an infinitive of purpose has the
            // subject of the verb it hangs from; after a verb of asking or making
            // ("urged Armenia to agree", as the parser may hang it) its object.
            ("advcl", Some(h))
                if tree.words[p].xpos == "VB"
                    && kids[p].iter().any(|&m| tree.words[m].deprel == "mark" && tree.words[m].lemma == "to") =>
            {
                let asks = OBJECT_CONTROL.contains(&tree.words[h].lemma.to_lowercase().as_str());
                clause_of(h, &out).and_then(|c| match (asks, c.object) {
                    (true, Some(o)) => Some((o, Via::Control)),
                    _ => c.subject.map(|(s, _)| (s, Via::Adjunct)),
                })
            }
            ("advcl", Some(h)) if matches!(tree.words[p].xpos, "VBG" | "VBN") => {
                // "accused Rwanda of arming rebels": after "of", the doer is the
                // object of the verb it hangs from; otherwise its subject.
                let of = kids[p].iter().any(|&m| tree.words[m].deprel == "mark" && tree.words[m].lemma == "of");
                clause_of(h, &out).and_then(|c| match (of, c.object) {
                    (true, Some(o)) => Some((o, Via::Control)),
                    _ => c.subject.map(|(s, _)| (s, Via::Adjunct)),
                })
            }
            _ => None,
        };
        out[k].subject = found;
    }
    // Relative clauses: the pronoun stands for the noun; with no pronoun subject the
    // noun is the object ("the envoy that Pakistan summoned").
    for c in &mut out {
        let p = c.predicate;
        if tree.words[p].deprel != "acl:relcl" {
            continue;
        }
        let Some(noun) = tree.head(p) else { continue };
        match c.subject {
            Some((s, _)) if is_relative_pronoun(&tree.words[s].lemma.to_lowercase()) => {
                c.subject = Some((noun, Via::Antecedent));
            }
            Some(_) if c.object.is_none_or(|o| is_relative_pronoun(&tree.words[o].lemma.to_lowercase())) => {
                c.object = Some(noun);
            }
            None => c.subject = Some((noun, Via::Antecedent)),
            _ => {}
        }
    }
    out
}

fn depth(tree: &Tree, mut i: usize) -> usize {
    let mut d = 0;
    while let Some(h) = tree.head(i) {
        i = h;
        d += 1;
        if d > tree.words.len() {
            break;
        }
    }
    d
}

fn direct_roles(tree: &Tree, kids: &[Vec<usize>], p: usize) -> Clause {
    let mut c = Clause {
        predicate: p,
        subject: None,
        object: None,
        indirect_object: None,
        agent: None,
        obliques: Vec::new(),
        passive: false,
        negated: false,
        modal: None,
        complement_of: None,
    };
    for &k in &kids[p] {
        let w = &tree.words[k];
        match w.deprel {
            "nsubj" | "csubj" | "nsubj:outer" => c.subject = c.subject.or(Some((k, Via::Direct))),
            "nsubj:pass" | "csubj:pass" => {
                c.subject = c.subject.or(Some((k, Via::Direct)));
                // The voice comes from the auxiliary ("was hosted"): an `nsubj:pass`
                // with none ("Egypt hosted …") is a labeling slip.
            }
            "aux:pass" => c.passive = true,
            "obj" => c.object = c.object.or(Some(k)),
            "iobj" => c.indirect_object = c.indirect_object.or(Some(k)),
            "obl:agent" => c.agent = Some(k),
            "advmod" if matches!(w.lemma.to_lowercase().as_str(), "not" | "never" | "n't") => c.negated = true,
            "aux" if w.xpos == "MD" => c.modal = Some(w.lemma.to_lowercase()),
            rel if base(rel) == "obl" => {
                let case = kids[k]
                    .iter()
                    .find(|&&m| tree.words[m].deprel == "case")
                    .map_or(String::new(), |&m| tree.words[m].lemma.to_lowercase());
                if case == "by" && c.passive {
                    c.agent = Some(k);
                } else {
                    c.obliques.push((case, k));
                }
            }
            _ => {}
        }
    }
    if matches!(tree.words[p].deprel, "ccomp") {
        c.complement_of = tree.head(p);
    }
    c
}
