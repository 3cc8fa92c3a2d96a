//! Repairs of parser mistakes that are frequent in news and certain from the tree's
//! shape, applied after parsing.
//!
//! **A clause after "after".** "Sweden's leader spoke two days *after* Orban visited
//! Moscow": the greedy parser, having seen "after" as a preposition many times, makes
//! "Orban" its object ("after Orban" as an oblique) and leaves "visited" without a
//! subject, often with "days" as its subject instead. When "after", "before", "since"
//! or "until" heads a noun phrase that is followed at once by a finite verb without a
//! subject of its own after the preposition, the noun phrase is that verb's subject,
//! the preposition its marker, and the verb an adverbial clause of the word the phrase
//! hung from (UD's analysis of "after he left"); a time noun the parser made the verb's
//! subject ("days") becomes its unmarked oblique.
//!
//! **A relative clause between subject and verb.** "Britain, which sanctioned him
//! in October, declined to comment": the parser often makes "sanctioned" the root,
//! "Britain" hangs from it, and "declined" becomes its conjunct. When "which" or
//! "who" right after a comma is the subject of the root, and the root has a finite
//! verb further on (after a comma) with no subject as its conjunct or parataxis, that
//! verb is the sentence's root, the noun before the comma its subject, and the first
//! verb a relative clause of the noun.
//!
//! **A relative clause read as a conjunct.** "ordered Kabila, who ruled Congo from
//! 2001, to pay …": when "who" or "which" right after a comma is the subject of a verb
//! the parser made a conjunct of the verb before, that verb is a relative clause of the
//! noun before the comma (its dates and acts are not the main clause's).
//!
//! **A second clause's subject read as an object's conjunct.** "The UAE has sent food,
//! and Iraq and Algeria have dispatched rescue teams": the parser makes "Iraq" a
//! conjunct of "sent" and leaves "dispatched" without a subject. A noun conjunct of a
//! verb, with its own "and", followed at once by a finite verb with no subject hanging
//! from the same verb, is that verb's subject, and the verb the first one's conjunct.
//!
//! **A speaker's act read as part of what they said.** "Zelenskiy said Russia had
//! launched 415 drones and called for a joint air defence": the parser coordinates
//! "called" with "launched", so Russia would be calling. A verb of a speaker's own act
//! (call for, urge, accuse, warn, rule out, demand, welcome, …) with no subject of its
//! own, coordinated with the complement of a verb of saying, is coordinated with the
//! saying instead.
//!
//! **A possessor read as a second subject.** "Algeria's Foreign Ministry said": when a
//! verb has two subjects and the first carries the possessive "'s", the first is the
//! possessor of the second.

/// Applies the repairs to one parsed sentence. `heads[i]` is word i+1's head (1-based,
/// 0 the root); all slices have one entry per word. The tree stays a tree: a repair
/// that would make a cycle is not made.
pub fn repair(lowers: &[String], upos: &[&str], xpos: &[&str], heads: &mut [usize], deprels: &mut [&'static str]) {
    subordinate_subjects(lowers, upos, xpos, heads, deprels);
    relative_clause_before_verb(lowers, upos, xpos, heads, deprels);
    relative_clause_as_conjunct(lowers, upos, heads, deprels);
    noun_conjunct_as_subject(upos, xpos, heads, deprels);
    possessor_subjects(lowers, heads, deprels);
    speaker_acts(lowers, upos, heads, deprels);
}

/// Verbs of saying whose complement the next repair looks into.
fn says(w: &str) -> bool {
    matches!(w, "said" | "says" | "say" | "told" | "tells" | "added" | "stated" | "announced" | "declared")
}

/// What a speaker does beside what they report ("called for", "urged", "ruled out").
fn speaker_act(w: &str) -> bool {
    // "called" → "call", "urges" → "urge", "urged" → "urg", "denies" → "denie".
    let stem = w.strip_suffix("ed").or_else(|| w.strip_suffix('s')).unwrap_or(w);
    matches!(
        stem,
        "call"
            | "urg"
            | "urge"
            | "accus"
            | "accuse"
            | "warn"
            | "rul"
            | "rule"
            | "reject"
            | "demand"
            | "vow"
            | "welcom"
            | "welcome"
            | "pledg"
            | "pledge"
            | "condemn"
            | "deni"
            | "denie"
            | "insist"
            | "promis"
            | "promise"
            | "appeal"
            | "ask"
            | "invit"
            | "invite"
            | "threaten"
            | "criticis"
            | "criticiz"
            | "criticise"
            | "criticize"
            | "prais"
            | "praise"
            | "thank"
            | "describ"
            | "describe"
            | "dismiss"
            | "dismisse"
            | "express"
            | "expresse"
            | "stress"
            | "stresse"
    )
}

/// "Zelenskiy said Russia had launched 415 drones and called for a joint air defence":
/// the parser coordinates the second verb with the reported one, so it takes the
/// reported subject ("Russia … called for"). A verb of a speaker's own act (calling
/// for, urging, accusing, ruling out) with no subject of its own, coordinated with the
/// complement of a verb of saying, is coordinated with the saying instead.
fn speaker_acts(lowers: &[String], upos: &[&str], heads: &mut [usize], deprels: &mut [&'static str]) {
    let n = heads.len();
    for v in 0..n {
        if deprels[v] != "conj" || upos[v] != "VERB" || !speaker_act(&lowers[v]) {
            continue;
        }
        let Some(c) = heads[v].checked_sub(1) else { continue };
        let Some(s) = heads[c].checked_sub(1) else { continue };
        if deprels[c] != "ccomp" || !says(&lowers[s]) || c < s {
            continue;
        }
        let has = |w: usize, rel: &str| (0..n).any(|j| heads[j] == w + 1 && deprels[j].starts_with(rel));
        // Its own subject ("and he accused …") or a verb of saying in between makes it
        // the complement's.
        if has(v, "nsubj") || !has(c, "nsubj") {
            continue;
        }
        let old = (heads.to_vec(), deprels.to_vec());
        heads[v] = s + 1;
        keep_if_tree(heads, deprels, old);
    }
}

/// "Algeria's Foreign Ministry said": see the module notes.
fn possessor_subjects(lowers: &[String], heads: &mut [usize], deprels: &mut [&'static str]) {
    let n = heads.len();
    for a in 0..n {
        if deprels[a] != "nsubj"
            || !(0..n).any(|j| heads[j] == a + 1 && matches!(lowers[j].as_str(), "'s" | "'" | "’s"))
        {
            continue;
        }
        let Some(b) = (a + 1..n).find(|&b| heads[b] == heads[a] && deprels[b].starts_with("nsubj")) else { continue };
        heads[a] = b + 1;
        deprels[a] = "nmod:poss";
        if !is_tree(heads) {
            heads[a] = heads[b];
            deprels[a] = "nsubj";
        }
    }
}

/// "days after Pyongyang accused": see the module notes.
fn subordinate_subjects(
    lowers: &[String],
    upos: &[&str],
    xpos: &[&str],
    heads: &mut [usize],
    deprels: &mut [&'static str],
) {
    let n = heads.len();
    for a in 0..n {
        if !matches!(lowers[a].as_str(), "after" | "before" | "since" | "until") || deprels[a] != "case" {
            continue;
        }
        let Some(noun) = heads[a].checked_sub(1).filter(|&h| h > a) else { continue };
        if !matches!(upos[noun], "NOUN" | "PROPN" | "PRON" | "NUM") {
            continue;
        }
        let (first, last) = span(heads, noun);
        let verb = last + 1;
        if first < a
            || verb >= n
            || upos[verb] != "VERB"
            || !matches!(xpos[verb], "VBD" | "VBZ" | "VBP")
            || dominates(heads, noun, verb)
            || (a + 1..verb).any(|j| heads[j] == verb + 1 && deprels[j].starts_with("nsubj"))
        {
            continue;
        }
        let old = (heads.to_vec(), deprels.to_vec());
        let noun_head = heads[noun];
        if noun_head != verb + 1 {
            if noun_head == 0 {
                continue;
            }
            // "closed its airspace, a day after Mali and its allies recalled …" read
            // with "day" under "recalled": "day" goes up to the verb's own head
            // first, then the verb hangs from it.
            if heads[noun_head - 1] == verb + 1 && heads[verb] != 0 {
                heads[noun_head - 1] = heads[verb];
                deprels[noun_head - 1] = "obl";
            }
            if dominates(heads, verb, noun_head - 1) {
                let (h, d) = old;
                heads.copy_from_slice(&h);
                deprels.copy_from_slice(&d);
                continue;
            }
            heads[verb] = noun_head;
        }
        heads[noun] = verb + 1;
        deprels[noun] = subject_relation(heads, deprels, verb);
        heads[a] = verb + 1;
        deprels[a] = "mark";
        if heads[verb] != 0 {
            deprels[verb] = "advcl";
        }
        for j in 0..a {
            if heads[j] == verb + 1 && deprels[j].starts_with("nsubj") {
                deprels[j] = "obl:unmarked";
            }
        }
        keep_if_tree(heads, deprels, old);
    }
}

/// "N, which R …, V …": see the module notes. The parser gets it wrong in two ways:
/// R as the root with N hanging from it, or N as the root with R its relative clause
/// and V hanging from R.
fn relative_clause_before_verb(
    lowers: &[String],
    upos: &[&str],
    xpos: &[&str],
    heads: &mut [usize],
    deprels: &mut [&'static str],
) {
    let n = heads.len();
    for w in 2..n {
        if !matches!(lowers[w].as_str(), "which" | "who") || lowers[w - 1] != "," || !deprels[w].starts_with("nsubj") {
            continue;
        }
        let Some(r) = heads[w].checked_sub(1) else { continue };
        let noun = top_noun_before(heads, upos, w - 1, 0);
        let root_verb = heads[r] == 0 && dominates(heads, r, noun);
        let root_noun = heads[noun] == 0 && heads[r] == noun + 1;
        if upos[r] != "VERB" || !matches!(upos[noun], "NOUN" | "PROPN") || !(root_verb || root_noun) {
            continue;
        }
        let finite = |v: usize| matches!(xpos[v], "VBD" | "VBZ" | "VBP" | "MD");
        let has = |v: usize, rel: &str| (0..n).any(|j| heads[j] == v + 1 && deprels[j].starts_with(rel));
        let Some(verb) = (r + 1..n).find(|&v| {
            heads[v] == r + 1
                && matches!(deprels[v], "conj" | "parataxis" | "advcl")
                && upos[v] == "VERB"
                && (finite(v) || has(v, "aux") || xpos[v] == "VBN")
                && !has(v, "nsubj")
                && !has(v, "mark")
                && (r + 1..v).any(|j| lowers[j] == ",")
                && !(r + 1..v).any(|j| lowers[j] == "and" && heads[j] == v + 1)
        }) else {
            continue;
        };
        let old = (heads.to_vec(), deprels.to_vec());
        for h in &mut heads[verb + 1..] {
            if *h == r + 1 || *h == noun + 1 {
                *h = verb + 1;
            }
        }
        heads[verb] = 0;
        deprels[verb] = "root";
        heads[noun] = verb + 1;
        deprels[noun] = subject_relation(heads, deprels, verb);
        heads[r] = noun + 1;
        deprels[r] = "acl:relcl";
        keep_if_tree(heads, deprels, old);
        return;
    }
}

/// "ordered Kabila, who ruled Congo from 2001, to pay …": a verb whose subject is
/// "who" or "which" right after a comma, read as a conjunct of the verb before, is a
/// relative clause of the noun before the comma.
fn relative_clause_as_conjunct(lowers: &[String], upos: &[&str], heads: &mut [usize], deprels: &mut [&'static str]) {
    let n = heads.len();
    for w in 2..n {
        if !matches!(lowers[w].as_str(), "which" | "who") || lowers[w - 1] != "," || !deprels[w].starts_with("nsubj") {
            continue;
        }
        let Some(v) = heads[w].checked_sub(1) else { continue };
        if upos[v] != "VERB" || !matches!(deprels[v], "conj" | "parataxis") {
            continue;
        }
        let Some(h) = heads[v].checked_sub(1) else { continue };
        let noun = w - 2;
        if h >= w || !matches!(upos[noun], "NOUN" | "PROPN") || !dominates(heads, h, noun) {
            continue;
        }
        let top = top_noun_before(heads, upos, w - 1, h + 1);
        let old = (heads.to_vec(), deprels.to_vec());
        heads[v] = top + 1;
        deprels[v] = "acl:relcl";
        keep_if_tree(heads, deprels, old);
    }
}

/// "The UAE has sent food, and Iraq and Algeria have dispatched rescue teams": the
/// parser makes "Iraq" a conjunct of "sent" and leaves "dispatched" without a subject.
/// A noun conjunct of a verb, with its own "and" before it, followed at once (past
/// its own conjuncts and the verb's auxiliaries) by a finite verb with no subject that
/// hangs from the same verb or from the noun, is that verb's subject, and the verb
/// the first one's conjunct.
fn noun_conjunct_as_subject(upos: &[&str], xpos: &[&str], heads: &mut [usize], deprels: &mut [&'static str]) {
    let n_words = heads.len();
    let has = |heads: &[usize], deprels: &[&'static str], v: usize, rel: &str| {
        (0..n_words).any(|j| heads[j] == v + 1 && deprels[j].starts_with(rel))
    };
    for n in 1..n_words {
        if deprels[n] != "conj" || !matches!(upos[n], "NOUN" | "PROPN") {
            continue;
        }
        let Some(h) = heads[n].checked_sub(1) else { continue };
        if h >= n || upos[h] != "VERB" {
            continue;
        }
        let Some(cc) = (0..n).rev().find(|&j| heads[j] == n + 1 && deprels[j] == "cc") else { continue };
        let (_, last) = span(heads, n);
        let Some(v) = (last + 1..n_words).find(|&j| !matches!(upos[j], "AUX" | "ADV" | "PART")) else { continue };
        if upos[v] != "VERB" || !(heads[v] == h + 1 || heads[v] == n + 1) || has(heads, deprels, v, "nsubj") {
            continue;
        }
        if !(last + 1..v).all(|j| heads[j] == v + 1) {
            continue;
        }
        let finite = matches!(xpos[v], "VBD" | "VBZ" | "VBP") || has(heads, deprels, v, "aux");
        if !finite {
            continue;
        }
        let old = (heads.to_vec(), deprels.to_vec());
        heads[v] = h + 1;
        deprels[v] = "conj";
        heads[n] = v + 1;
        deprels[n] = subject_relation(heads, deprels, v);
        heads[cc] = v + 1;
        keep_if_tree(heads, deprels, old);
    }
}

/// The top noun of the noun phrase ending right before the comma at word `comma`:
/// from the word before it, up through nouns and names that stand before the comma
/// and at or after word `floor`.
fn top_noun_before(heads: &[usize], upos: &[&str], comma: usize, floor: usize) -> usize {
    let mut noun = comma - 1;
    while let Some(h) = heads[noun].checked_sub(1) {
        if h < comma && h >= floor && matches!(upos[h], "NOUN" | "PROPN") {
            noun = h;
        } else {
            break;
        }
    }
    noun
}

/// A repair stands only if the words still form a tree; otherwise `old` comes back.
fn keep_if_tree(heads: &mut [usize], deprels: &mut [&'static str], old: (Vec<usize>, Vec<&'static str>)) {
    if !is_tree(heads) {
        heads.copy_from_slice(&old.0);
        deprels.copy_from_slice(&old.1);
    }
}

/// The relation of a subject of `verb`: passive when it has a passive auxiliary.
fn subject_relation(heads: &[usize], deprels: &[&'static str], verb: usize) -> &'static str {
    let passive = heads.iter().zip(deprels).any(|(&h, &d)| h == verb + 1 && d == "aux:pass");
    if passive {
        "nsubj:pass"
    } else {
        "nsubj"
    }
}

/// Whether word `top` is `w` or one of its ancestors (0-based words).
fn dominates(heads: &[usize], top: usize, w: usize) -> bool {
    let mut cur = w;
    for _ in 0..=heads.len() {
        if cur == top {
            return true;
        }
        match heads[cur] {
            0 => return false,
            h => cur = h - 1,
        }
    }
    false
}

/// The first and last word of `w`'s subtree.
fn span(heads: &[usize], w: usize) -> (usize, usize) {
    let inside: Vec<usize> = (0..heads.len()).filter(|&j| dominates(heads, w, j)).collect();
    (inside.first().copied().unwrap_or(w), inside.last().copied().unwrap_or(w))
}

/// Every word reaches the root, exactly one word is the root.
fn is_tree(heads: &[usize]) -> bool {
    heads.iter().filter(|&&h| h == 0).count() == 1
        && (0..heads.len()).all(|w| {
            let mut cur = w;
            for _ in 0..=heads.len() {
                match heads[cur] {
                    0 => return true,
                    h => cur = h - 1,
                }
            }
            false
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noun_after_after_becomes_the_subject_of_the_next_verb() {
        // "Sweden protested days after Orban visited Moscow ."
        let words = ["sweden", "protested", "days", "after", "orban", "visited", "moscow", "."];
        let upos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "VERB", "PROPN", "PUNCT"];
        let xpos = ["NNP", "VBD", "NNS", "IN", "NNP", "VBD", "NNP", "."];
        let lowers: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        // The parser's reading: "days" subject of "visited", "after Orban" an oblique.
        let mut heads = vec![2, 0, 6, 5, 6, 2, 6, 2];
        let mut deprels = vec!["nsubj", "root", "nsubj", "case", "obl", "parataxis", "obj", "punct"];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!(heads, vec![2, 0, 6, 6, 6, 2, 6, 2]);
        assert_eq!(deprels, vec!["nsubj", "root", "obl:unmarked", "mark", "nsubj", "advcl", "obj", "punct"]);
        // A preposition with its noun and no verb after it is left alone.
        let mut heads2 = vec![2, 0, 2, 5, 2, 2];
        let mut deprels2 = vec!["nsubj", "root", "obj", "case", "obl", "punct"];
        let l2: Vec<String> = ["russia", "said", "this", "after", "talks", "."].iter().map(|w| w.to_string()).collect();
        let before = (heads2.clone(), deprels2.clone());
        let u2 = ["PROPN", "VERB", "PRON", "ADP", "NOUN", "PUNCT"];
        repair(&l2, &u2, &["NNP", "VBD", "DT", "IN", "NNS", "."], &mut heads2, &mut deprels2);
        assert_eq!((heads2, deprels2), before);
    }

    #[test]
    fn a_noun_list_after_after_becomes_the_subject_even_when_the_verb_held_the_time_noun() {
        // "Algeria closed it , a day after Mali and Niger recalled envoys ."
        let words =
            ["algeria", "closed", "it", ",", "a", "day", "after", "mali", "and", "niger", "recalled", "envoys", "."];
        let upos = [
            "PROPN", "VERB", "PRON", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT",
        ];
        let xpos = ["NNP", "VBD", "PRP", ",", "DT", "NN", "IN", "NNP", "CC", "NNP", "VBD", "NNS", "."];
        let lowers: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        // The parser's reading: "day" an oblique of "recalled", "after Mali and Niger"
        // a modifier of "day", "recalled" loosely beside "closed".
        let mut heads = vec![2, 0, 2, 6, 6, 11, 8, 6, 10, 8, 2, 11, 2];
        let mut deprels = vec![
            "nsubj",
            "root",
            "obj",
            "punct",
            "det",
            "obl",
            "case",
            "nmod",
            "cc",
            "conj",
            "parataxis",
            "obj",
            "punct",
        ];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!((heads[7], deprels[7]), (11, "nsubj"), "Mali is the subject of recalled");
        assert_eq!((heads[6], deprels[6]), (11, "mark"));
        assert_eq!((heads[10], deprels[10]), (6, "advcl"), "recalled tells when the day was");
        assert_eq!((heads[5], deprels[5]), (2, "obl"), "the day is when Algeria closed it");
    }

    #[test]
    fn a_verb_with_who_as_subject_is_a_relative_clause_not_a_conjunct() {
        // "The court ordered Kabila , who ruled Congo , to pay ."
        let words = ["the", "court", "ordered", "kabila", ",", "who", "ruled", "congo", ",", "to", "pay", "."];
        let upos =
            ["DET", "PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "PART", "VERB", "PUNCT"];
        let xpos = ["DT", "NNP", "VBD", "NNP", ",", "WP", "VBD", "NNP", ",", "TO", "VB", "."];
        let lowers: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        // The parser's reading: "ruled" a second main verb beside "ordered".
        let mut heads = vec![2, 3, 0, 3, 7, 7, 3, 7, 11, 11, 3, 3];
        let mut deprels =
            vec!["det", "nsubj", "root", "obj", "punct", "nsubj", "conj", "obj", "punct", "mark", "xcomp", "punct"];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!((heads[6], deprels[6]), (4, "acl:relcl"), "ruled tells about Kabila");
        assert_eq!((heads[10], deprels[10]), (3, "xcomp"), "the rest of the tree stays");
        // A conjunct whose subject is no relative pronoun stays a conjunct.
        let mut heads2 = heads.clone();
        let mut deprels2 = deprels.clone();
        let mut l2 = lowers.clone();
        l2[5] = "he".into();
        (heads2[6], deprels2[6]) = (3, "conj");
        repair(&l2, &upos, &xpos, &mut heads2, &mut deprels2);
        assert_eq!((heads2[6], deprels2[6]), (3, "conj"));
    }

    #[test]
    fn a_noun_conjunct_before_a_subjectless_verb_is_its_subject() {
        // "The UAE sent food , and Iraq and Algeria have dispatched teams ."
        let words =
            ["the", "uae", "sent", "food", ",", "and", "iraq", "and", "algeria", "have", "dispatched", "teams", "."];
        let upos = [
            "DET", "PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "PROPN", "CCONJ", "PROPN", "AUX", "VERB", "NOUN", "PUNCT",
        ];
        let xpos = ["DT", "NNP", "VBD", "NN", ",", "CC", "NNP", "CC", "NNP", "VBP", "VBN", "NNS", "."];
        let lowers: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        // The parser's reading: "Iraq" a conjunct of "sent", "dispatched" an adverbial
        // clause with no subject.
        let mut heads = vec![2, 3, 0, 3, 7, 7, 3, 9, 7, 11, 3, 11, 3];
        let mut deprels =
            vec!["det", "nsubj", "root", "obj", "punct", "cc", "conj", "cc", "conj", "aux", "advcl", "obj", "punct"];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!((heads[6], deprels[6]), (11, "nsubj"), "Iraq dispatched");
        assert_eq!((heads[10], deprels[10]), (3, "conj"), "dispatched is the second clause");
        assert_eq!(heads[5], 11, "the clause's 'and'");
        assert_eq!((heads[8], deprels[8]), (7, "conj"), "Algeria stays Iraq's conjunct");
    }

    #[test]
    fn a_speakers_act_is_coordinated_with_the_saying() {
        // "Zelenskiy said Russia launched drones and called for talks ."
        let words = ["zelenskiy", "said", "russia", "launched", "drones", "and", "called", "for", "talks", "."];
        let upos = ["PROPN", "VERB", "PROPN", "VERB", "NOUN", "CCONJ", "VERB", "ADP", "NOUN", "PUNCT"];
        let xpos = ["NNP", "VBD", "NNP", "VBD", "NNS", "CC", "VBD", "IN", "NNS", "."];
        let lowers: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut heads = vec![2, 0, 4, 2, 4, 7, 4, 9, 7, 2];
        let mut deprels = vec!["nsubj", "root", "nsubj", "ccomp", "obj", "cc", "conj", "case", "obl", "punct"];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!((heads[6], deprels[6]), (2, "conj"), "called is coordinated with said");
        // A reported act that is no speaker's ("said Russia launched drones and
        // killed two") stays with the report.
        let mut heads2 = vec![2, 0, 4, 2, 4, 7, 4, 7, 2];
        let mut deprels2 = vec!["nsubj", "root", "nsubj", "ccomp", "obj", "cc", "conj", "obj", "punct"];
        let l2: Vec<String> = ["zelenskiy", "said", "russia", "launched", "drones", "and", "killed", "two", "."]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let u2 = ["PROPN", "VERB", "PROPN", "VERB", "NOUN", "CCONJ", "VERB", "NUM", "PUNCT"];
        repair(&l2, &u2, &["NNP", "VBD", "NNP", "VBD", "NNS", "CC", "VBD", "CD", "."], &mut heads2, &mut deprels2);
        assert_eq!(heads2[6], 4);
    }

    #[test]
    fn a_possessor_is_no_second_subject() {
        // "Algeria 's ministry said ."
        let lowers: Vec<String> = ["algeria", "'s", "ministry", "said", "."].iter().map(|w| w.to_string()).collect();
        let mut heads = vec![4, 1, 4, 0, 4];
        let mut deprels = vec!["nsubj", "case", "nsubj", "root", "punct"];
        let upos = ["PROPN", "PART", "PROPN", "VERB", "PUNCT"];
        let xpos = ["NNP", "POS", "NNP", "VBD", "."];
        repair(&lowers, &upos, &xpos, &mut heads, &mut deprels);
        assert_eq!((heads[0], deprels[0]), (3, "nmod:poss"));
        assert_eq!((heads[2], deprels[2]), (4, "nsubj"));
    }
}
