//! The event coder: a document and the dictionaries in, events with their evidence
//! out. A pure function; nothing here reads files or keeps state between documents.
//!
//! For each sentence: find time expressions, analyse the words (`analysis`), then
//! for every event trigger find its clause roles and the pattern that fits
//! (`roles`), resolve pronouns and bare roles from the story so far, and date the
//! event from its clause, its sentence or the publication date.

pub mod analysis;
pub mod locate;
pub mod roles;
pub mod tree;
pub mod words;

use crate::knowledge::Knowledge;
use crate::model::{ActorRef, Document, Event, Evidence, Location, Plover, Span};
use crate::ontology::CameoTable;
use crate::syntax::clauses::Via;
use crate::text::{find_dateline_after_title, split_sentences, tokenize};
use crate::time::{find_time_expressions, DateRange, Direction, Precision, TimeMention};
use analysis::{analyse, compose_code, Analysis, Resolved};
use roles::{by_agent, clause_end, first_actor_right, match_pattern, reported_subject, subject, verb_group, NpGroup};
use words::{pronoun_kind, PronounKind};

/// Choices a user makes about what counts as an event.
#[derive(Debug, Clone, Default)]
pub struct CodeOptions {
    /// Drop events with no target (PETRARCH's `require_dyad`). `None`: on when
    /// community verb dictionaries are loaded, off for the built-ins.
    pub require_dyad: Option<bool>,
    /// Keep events under negation ("did not attack"), flagged `negated`.
    pub keep_negated: bool,
    /// Keep events under "may", "could", "would", flagged `hypothetical`.
    pub keep_hypothetical: bool,
    /// Record the reasoning for `--explain`.
    pub explain: bool,
    /// Skip geolocation (events get no `location`).
    pub no_places: bool,
    /// Keep every sentence's tree in `CodedDocument::trees`.
    pub syntax: bool,
    /// Code without the dependency parser, from word order alone (faster, less
    /// accurate: the pre-parser coder).
    pub shallow: bool,
}

/// The coder's output for one document.
#[derive(Debug, Clone, Default)]
pub struct CodedDocument {
    pub doc_id: String,
    pub dateline: Option<String>,
    pub sentences: usize,
    pub events: Vec<Event>,
    /// Present when `explain` was asked for.
    pub trace: Vec<SentenceTrace>,
    /// The story matched a story-level discard phrase.
    pub discarded: Option<String>,
    /// One dependency tree per sentence, in order, when `syntax` was asked for (none
    /// when the whole story was discarded).
    pub trees: Vec<crate::syntax::Tree>,
}

/// Why each sentence was coded as it was.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SentenceTrace {
    pub index: usize,
    pub text: String,
    pub tokens: Vec<String>,
    pub times: Vec<String>,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    pub triggers: Vec<String>,
    /// The sentence's tree, compactly: `word/UPOS/head/relation` per word.
    pub tree: String,
}

/// What the story has said so far: who the last subjects were, for "it", "he",
/// "the ministry", and the date of the last dated statement.
#[derive(Debug, Default)]
struct Discourse {
    last_thing: Vec<Resolved>,
    last_person: Vec<Resolved>,
    last_plural: Vec<Resolved>,
    /// Countries named as actors, most recent first, each once (for "the two leaders").
    recent_countries: Vec<String>,
    /// The same before the current sentence.
    countries_before: Vec<String>,
    /// The codes of phrases with a role, by head word ("ministry" → RUSGOV), most
    /// recent last and each once, for a later bare "the ministry".
    roles: crate::fxhash::FxHashMap<String, Vec<String>>,
    /// The international body named last, for a later "the bloc" or "the alliance".
    last_bloc: Option<Resolved>,
    last_date: Option<(DateRange, String)>,
    /// People the dictionaries lack, introduced with a title earlier in the story.
    names: analysis::LearnedNames,
}

pub fn code_document(doc: &Document, k: &Knowledge, opts: &CodeOptions) -> CodedDocument {
    let text = doc.text.as_str();
    let mut out = CodedDocument { doc_id: doc.id.clone(), ..CodedDocument::default() };
    // A headline may come first ("Chile accuses Bolivia\n\nLIMA, Peru (AP) — …"):
    // it is coded, the dateline between it and the body is not.
    let dateline = find_dateline_after_title(text);
    let spans = match &dateline {
        Some(d) if !text[..d.place_span.0].trim().is_empty() => {
            let mut spans = split_sentences(text, 0, d.place_span.0);
            spans.extend(split_sentences(text, d.body_start, text.len()));
            spans
        }
        Some(d) => split_sentences(text, d.body_start, text.len()),
        None => split_sentences(text, 0, text.len()),
    };
    out.dateline = dateline.map(|d| d.place);
    out.sentences = spans.len();
    let require_dyad = opts.require_dyad.unwrap_or(k.community_verbs);
    let mut disc = Discourse::default();
    let table = CameoTable::builtin();
    let places_g = crate::places::Gazetteer::builtin();
    let gazetteer = (!opts.no_places).then_some(places_g);
    // The country the story is about: its dateline's, else (sentence by sentence)
    // the one its actors have named most so far.
    let dateline_country = out
        .dateline
        .as_deref()
        .and_then(|d| locate::resolve_dateline(places_g, d, &[]))
        .map(|id| places_g.get(id).country.clone());
    let mut sentence_places: Vec<Vec<locate::PlaceMention>> = Vec::with_capacity(spans.len());
    let mut country_counts: Vec<(String, usize)> = Vec::new();
    // (sentence, clause token range) of each event, for its location.
    let mut event_clauses: Vec<(usize, usize, usize)> = Vec::new();
    let mut analyses = Vec::with_capacity(spans.len());
    for &(s, e) in &spans {
        let tokens = tokenize(text, s, e);
        if let Some(d) = discard_hit(k, &tokens, true) {
            out.discarded = Some(d);
            out.events.clear();
            return out;
        }
        analyses.push(tokens);
    }
    let syntax =
        if opts.syntax || opts.explain || !opts.shallow { crate::syntax::SyntaxModel::shared().ok() } else { None };
    for (si, (&(s, e), tokens)) in spans.iter().zip(analyses).enumerate() {
        let sentence_text = &text[s..e];
        let mut trace = SentenceTrace { index: si, ..SentenceTrace::default() };
        if opts.explain {
            trace.text = sentence_text.to_string();
        }
        let mut sentence_tree = None;
        // Coding needs the tree only where a trigger stands; it is parsed below, after
        // the words are analysed. Explaining and keeping trees parse every sentence.
        let words = syntax.map(|_| crate::syntax::words_from_tokens(text, &tokens));
        if let (Some(model), true) = (syntax, opts.syntax || opts.explain) {
            let tree = model.parse_spans(words.as_deref().unwrap_or_default());
            if opts.explain {
                trace.tree = tree.compact();
                if tree.chunked {
                    trace
                        .tree
                        .push_str(&format!("  (more than {} words: parsed in chunks)", crate::syntax::MAX_PARSE_WORDS));
                }
            }
            if opts.syntax {
                out.trees.push(tree.clone());
            }
            if !opts.shallow {
                sentence_tree = Some(tree);
            }
        }
        if let Some(d) = discard_hit(k, &tokens, false) {
            trace.triggers.push(format!("sentence discarded: matched `{d}`"));
            if opts.explain {
                out.trace.push(trace);
            }
            sentence_places.push(Vec::new());
            continue;
        }
        let times: Vec<TimeMention> = find_time_expressions(sentence_text, doc.published, Direction::Past)
            .into_iter()
            .map(|m| TimeMention { start: m.start + s, end: m.end + s, range: m.range })
            .collect();
        let spans_t: Vec<(usize, usize)> = times.iter().map(|m| (m.start, m.end)).collect();
        let a = analyse(tokens, &spans_t, k, doc.published, &disc.names);
        if let (Some(model), None, false) = (syntax, &sentence_tree, opts.shallow) {
            if !a.triggers.is_empty() {
                sentence_tree = Some(model.parse_spans(words.as_deref().unwrap_or_default()));
            }
        }
        let tree = sentence_tree.map(|t| tree::TreeView::new(t, &a));
        if opts.explain {
            trace.tokens = a.toks.iter().map(|t| format!("{}/{:?}", t.token.lower, t.class)).collect();
            trace.times = times
                .iter()
                .map(|m| {
                    format!("`{}` → {}..{} ({:?})", &text[m.start..m.end], m.range.from, m.range.to, m.range.precision)
                })
                .collect();
            for np in &a.nps {
                if !np.actors.is_empty() || np.bare_agent.is_some() || np.pronoun.is_some() {
                    let words = phrase_text(text, &a, np.start, np.end);
                    let codes: Vec<String> = np.actors.iter().map(|r| format!("{} ({})", r.code, r.rule)).collect();
                    let note = if np.pronoun.is_some() {
                        "pronoun".to_string()
                    } else if np.bare_agent.is_some() {
                        "role without a country".to_string()
                    } else {
                        codes.join(", ")
                    };
                    trace.actors.push(format!("`{words}` → {note}"));
                }
            }
        }
        // The places this sentence names, and the country of the first place where
        // something happens ("in Nairobi"), for roles named without a country.
        let places = locate::find_in_sentence(places_g, &a);
        // The one country all of a place's candidates lie in, if they agree.
        let unambiguous = |m: &locate::PlaceMention| {
            let first = places_g.get(*m.candidates.first()?).country.as_str();
            m.candidates.iter().all(|&id| places_g.get(id).country == first).then(|| first.to_string())
        };
        let story = story_country(dateline_country.as_deref(), &country_counts);
        let place_country = places.iter().filter(|m| m.locative).find_map(|m| {
            let in_story = story.as_ref().filter(|c| m.candidates.iter().any(|&id| places_g.get(id).country == **c));
            in_story.cloned().or_else(|| unambiguous(m))
        });
        let place_countries: Vec<String> = places.iter().filter_map(unambiguous).collect();
        let places_at: Vec<(usize, String)> =
            places.iter().filter_map(|m| unambiguous(m).map(|c| (m.start, c))).collect();
        if gazetteer.is_some() {
            sentence_places.push(places);
        }
        // Countries named as actors, not as places ("into the Sea of Japan").
        let acting = (0..a.nps.len()).filter(|&n| {
            !roles::names_a_place(&a, n) && !tree.as_ref().is_some_and(|tv| tv.in_place_phrase(a.nps[n].start))
        });
        disc.countries_before.clone_from(&disc.recent_countries);
        for r in acting.flat_map(|n| a.nps[n].actors.iter()) {
            if let Some(c) = country_of(&r.code) {
                disc.recent_countries.retain(|x| *x != c);
                disc.recent_countries.insert(0, c.clone());
                match country_counts.iter_mut().find(|(x, _)| *x == c) {
                    Some((_, n)) => *n += 1,
                    None => country_counts.push((c, 1)),
                }
            }
        }
        let mut ctx = SentenceCtx {
            doc,
            text,
            k,
            opts,
            a: &a,
            times: &times,
            si,
            s,
            e,
            require_dyad,
            table,
            main_subject: None,
            tree: tree.as_ref(),
            place_countries,
            places_at,
            prior: &out.events,
            story_country: place_country
                .map(|c| (c, "the place named in the sentence"))
                .or_else(|| dateline_country.clone().map(|c| (c, "the dateline's country")))
                .or_else(|| story_country(None, &country_counts).map(|c| (c, "the country the story names most"))),
            clause: Default::default(),
            clauses: Default::default(),
            named_countries: Default::default(),
        };
        let events = ctx.code_sentence(&mut disc, &mut trace);
        event_clauses.extend(ctx.clauses.take().into_iter().map(|(lo, hi)| (si, lo, hi)));
        let subject_date = ctx.sentence_date(&disc);
        // Remember who the sentence was about, for pronouns in the next one.
        if let Some(g) = ctx.main_subject.take() {
            let resolved = ctx.resolve_group(&g, &disc);
            if !resolved.is_empty() {
                let persons: Vec<Resolved> = resolved.iter().filter(|r| r.person).cloned().collect();
                let things: Vec<Resolved> = resolved.iter().filter(|r| !r.person).cloned().collect();
                if !persons.is_empty() {
                    disc.last_person = persons;
                }
                if !things.is_empty() {
                    disc.last_thing = things;
                }
                if resolved.len() > 1 {
                    disc.last_plural = resolved;
                }
            }
        }
        ctx.learn_names(&mut disc);
        out.events.extend(events);
        if let Some(r) = a.nps.iter().flat_map(|np| np.actors.iter()).rfind(|r| r.code.starts_with("IGO")) {
            disc.last_bloc = Some(r.clone());
        }
        // Country-and-role codes seen (RUSGOV), for a later bare "the ministry".
        for np in &a.nps {
            let head = a.lower(np.end.saturating_sub(1)).to_string();
            for r in np.actors.iter().filter(|r| !r.person && r.code.len() > 3 && r.code.is_char_boundary(3)) {
                let codes = disc.roles.entry(head.clone()).or_default();
                codes.retain(|c| *c != r.code);
                codes.push(r.code.clone());
            }
        }
        if let Some(d) = subject_date {
            disc.last_date = Some(d);
        }
        if opts.explain {
            out.trace.push(trace);
        }
    }
    if let Some(g) = gazetteer {
        country_counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let countries: Vec<String> = country_counts.into_iter().map(|(c, _)| c).collect();
        let dateline = out.dateline.as_deref().and_then(|d| locate::resolve_dateline(g, d, &countries));
        locate::resolve_story(g, &mut sentence_places, &countries, dateline);
        for (ev, &(si, lo, hi)) in out.events.iter_mut().zip(&event_clauses) {
            ev.location = locate::locate(g, sentence_places.get(si).map_or(&[], Vec::as_slice), lo, hi, dateline);
        }
        if opts.explain {
            for t in &mut out.trace {
                for m in sentence_places.get(t.index).map_or(&[][..], Vec::as_slice) {
                    let what = m.resolved.map(|id| {
                        let p = g.get(id);
                        format!(
                            "{}, {} ({}{})",
                            p.name,
                            p.country,
                            p.kind.as_str(),
                            if m.locative { ", where" } else { "" }
                        )
                    });
                    t.places.push(format!(
                        "`{}` → {}",
                        t.tokens[m.start..m.end]
                            .iter()
                            .map(|w| w.split('/').next().unwrap_or(""))
                            .collect::<Vec<_>>()
                            .join(" "),
                        what.unwrap_or_else(|| "unresolved".into())
                    ));
                }
            }
        }
    }
    dedup(&mut out.events);
    out
}

/// Remembers a learned name (lowercased) as `actor` for the rest of the story; a
/// hyphenated name by its last part too ("al-Serraj" is later "Serraj").
fn remember_name(disc: &mut Discourse, lower: String, actor: Resolved) {
    if let Some((_, tail)) = lower.rsplit_once('-').filter(|(_, t)| t.len() > 2) {
        disc.names.insert(tail.to_string(), actor.clone());
    }
    disc.names.insert(lower, actor);
}

/// The kinds of act a threat or warning with no one named answers ("Moscow would
/// respond"): coercion, expulsions, force, accusations and rejections.
const ACTS_AGAINST: &[&str] = &["16", "17", "18", "19", "11", "12"];

/// Prepositions whose object may be the target of the verb they hang from
/// ("fired at protesters", "sanctions on Russia", "talks with Kyiv").
const TARGET_CASES: &[&str] = &["against", "on", "at", "with", "to", "into", "toward", "towards", "upon", "from"];

fn discard_hit(k: &Knowledge, tokens: &[crate::text::Token], story: bool) -> Option<String> {
    for i in 0..tokens.len() {
        let mut hit = None;
        k.discard_index.candidates(&tokens[i].lower, |d, _| {
            let entry = &k.discards[d];
            if entry.story == story
                && entry.phrase.len() <= tokens.len() - i
                && entry.phrase.iter().enumerate().all(|(j, w)| crate::knowledge::word_matches(w, &tokens[i + j].lower))
            {
                hit = Some(entry.phrase.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
            }
        });
        if hit.is_some() {
            return hit;
        }
    }
    None
}

fn phrase_text<'t>(text: &'t str, a: &Analysis, start: usize, end: usize) -> &'t str {
    if start >= end || end > a.toks.len() {
        return "";
    }
    &text[a.toks[start].token.start..a.toks[end - 1].token.end]
}

/// A role given its country: "the ministry" of RUS is RUSGOV.
fn role_of(country: &str, ag: &crate::lexicon::AgentEntry, start: usize, end: usize) -> Resolved {
    Resolved {
        code: compose_code(country, &ag.code, ag.placement),
        name: country.to_string(),
        start,
        end,
        rule: ag.rule.clone(),
        person: false,
        place: false,
    }
}

/// The refusal (12x) that a denied act of cooperation amounts to: not meeting is
/// 125, not recognising 120, not yielding 124 with its subcodes; `None` for acts whose
/// denial is no event (a strike not carried out).
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let c3 = code.get(..3).unwrap_or(code);
    Some(match c3 {
        "036" | "040" | "041" | "042" | "043" | "044" | "046" => "125",
        "039" | "045" | "038" => "126",
        "037" | "057" => "127",
        "030" | "032" | "050" | "051" | "052" | "053" | "054" | "055" | "056" => "120",
        "031" | "060" | "063" | "064" => "121",
        "061" => "1211",
        "062" => "1212",
        "033" | "070" | "071" | "072" | "073" | "074" | "075" => "122",
        "034" | "035" | "080" | "082" | "083" => "124",
        "081" => "1241",
        "084" => "1243",
        "085" => "1244",
        "086" => "1245",
        "087" => "1246",
        _ => return None,
    })
}

/// How many tokens before and after a trigger its patterns may reach.
const PATTERN_REACH: usize = 80;

/// Sentences longer than this (in bytes) keep only the part around each event as its
/// evidence; see `SentenceCtx::evidence_text`.
pub const MAX_EVIDENCE: usize = 1000;
/// How much of a long sentence is kept on either side of an event's words.
pub const EVIDENCE_MARGIN: usize = 300;

/// Nouns that refer back to an act the story told ("condemned the decision"), with
/// the CAMEO roots of the acts each names ("the accusations": an accusation, 11);
/// empty for any act.
const BACK_REFERENCES: &[(&str, &[&str])] = &[
    ("criticism", &["11"]),
    ("condemnation", &["11"]),
    ("accusation", &["11"]),
    ("allegation", &["11"]),
    ("claim", &["11", "01"]),
    ("remark", &["01", "11", "13"]),
    ("comment", &["01", "11", "13"]),
    ("statement", &["01", "11", "13"]),
    ("threat", &["13"]),
    ("warning", &["13"]),
    ("demand", &["10"]),
    ("ultimatum", &["13", "10"]),
    ("measure", &["16", "17"]),
    ("sanction", &["16"]),
    ("ban", &["16", "17"]),
    ("restriction", &["16", "17"]),
    ("arrest", &["17"]),
    ("detention", &["17"]),
    ("expulsion", &["16", "17", "20"]),
    ("crackdown", &["17"]),
    ("seizure", &["17"]),
    ("strike", &["19", "18"]),
    ("airstrike", &["19", "18"]),
    ("attack", &["19", "18"]),
    ("raid", &["19", "18", "17"]),
    ("bombing", &["18", "19"]),
    ("shooting", &["18", "19"]),
    ("killing", &["18", "19", "20"]),
    ("incursion", &["19"]),
    ("violence", &["18", "19", "14"]),
    ("interference", &[]),
    ("recognition", &["05", "03"]),
    ("pretext", &[]),
    ("outcome", &[]),
    ("decision", &[]),
    ("move", &[]),
    ("step", &[]),
    ("law", &[]),
    ("bill", &[]),
    ("deal", &[]),
    ("agreement", &[]),
    ("deployment", &[]),
    ("launch", &[]),
    ("test", &[]),
    ("action", &[]),
    ("incident", &[]),
    ("plan", &[]),
    ("proposal", &[]),
    ("vote", &[]),
    ("ruling", &[]),
    ("verdict", &[]),
    ("sentence", &[]),
    ("suspension", &[]),
    ("operation", &[]),
];

/// The CAMEO roots of the acts a back-referring noun names (its lemma), if it is one.
fn back_reference_roots(lemma: &str) -> Option<&'static [&'static str]> {
    let lemma = lemma.to_lowercase();
    BACK_REFERENCES.iter().find(|(w, _)| *w == lemma).map(|(_, roots)| *roots)
}

/// Verbs whose infinitive is an act promised or planned ("agreed to", "vowed to").
const PROMISES: &[&str] = &[
    "agree",
    "pledge",
    "promise",
    "vow",
    "plan",
    "intend",
    "decide",
    "offer",
    "prepare",
    "commit",
    "undertake",
    "resolve",
    "seek",
    "aim",
    "hope",
    "want",
];

/// Adjectives of willingness that make their infinitive an intent ("ready to talk").
const WILLING: &[&str] = &["ready", "willing", "prepared", "keen", "determined", "committed", "eager"];

/// Assault, fighting, seizing or occupying: what a crowd does in a violent protest.
fn violent(code: &str) -> bool {
    code.starts_with("18") || code.starts_with("19") || code.starts_with("171") || code == "192"
}

/// A word naming protesters or a crowd ("protesters", "a violent mob", "supporters of
/// the former president"), lower case.
fn is_crowd(word: &str) -> bool {
    matches!(
        word,
        "protesters"
            | "protester"
            | "protestors"
            | "demonstrators"
            | "rioters"
            | "marchers"
            | "mob"
            | "mobs"
            | "crowd"
            | "crowds"
            | "supporters"
    )
}

/// The intent code of an act announced rather than done ("will deliver air defence
/// systems": 072 → 0332; "would respond with force": 19x → 138), following the
/// CAMEO codebook's 03x and 13x families; `None` when the code stays as it is
/// (statements, appeals, demands, threats, refusals, force posture).
pub fn intent_code(code: &str) -> Option<&'static str> {
    let c3 = code.get(..3).unwrap_or(code);
    Some(match c3 {
        "040" | "041" | "042" | "043" | "044" | "046" => "036",
        "045" => "039",
        "050" | "051" | "052" | "053" | "054" | "055" | "056" | "057" => "032",
        "060" => "031",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "070" => "033",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "075" => "033",
        "080" | "082" | "083" => "035",
        "081" => "0351",
        "084" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" => "0356",
        "140" | "141" | "142" | "143" | "144" | "145" => "133",
        "161" => "1313",
        "162" => "1311",
        "163" => "1312",
        "160" | "164" | "165" | "166" => "131",
        "172" => "132",
        "171" | "173" | "174" | "175" | "170" => "137",
        "180" | "181" | "182" | "183" | "184" | "185" | "186" => "1383",
        "190" | "191" | "192" | "193" | "194" | "195" | "196" => "138",
        "200" | "201" | "202" | "203" | "204" => "1385",
        _ => return None,
    })
}

/// Whether the words just before a time open a span up to now: "since" among the
/// last six words, with no comma after it ("since the start of the invasion in
/// February 2022").
fn since(before: &str) -> bool {
    let mut cut = before.len().saturating_sub(80);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let words: Vec<&str> = before[cut..].split_whitespace().collect();
    let recent = &words[words.len().saturating_sub(6)..];
    recent
        .iter()
        .rposition(|w| w.eq_ignore_ascii_case("since"))
        .is_some_and(|i| !recent[i..].iter().any(|w| w.ends_with(',') || w.ends_with(';')))
}

/// The dateline's country, else the country named most often so far.
fn story_country(dateline: Option<&str>, counts: &[(String, usize)]) -> Option<String> {
    if let Some(c) = dateline {
        return Some(c.to_string());
    }
    // The first of the most-named countries: the story's opening subject wins a tie.
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.0.clone())
}

/// The country part of an actor code (RUSGOV → RUS); none for organisations.
fn country_of(code: &str) -> Option<String> {
    let c = code.get(..3)?;
    (c.chars().all(|ch| ch.is_ascii_uppercase()) && !matches!(c, "IGO" | "NGO" | "MNC" | "UAF")).then(|| c.to_string())
}

/// The end of the sentence (or of the part before a semicolon) after `from`.
/// Where the sentence ends after `from`, looking at most `reach` tokens ahead.
fn sentence_end(a: &Analysis, from: usize, reach: usize) -> usize {
    let limit = a.toks.len().min(from + reach);
    (from..limit).find(|&j| a.class(j) == words::Class::Stop).unwrap_or(limit)
}

fn dedup(events: &mut Vec<Event>) {
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        seen.insert((
            e.sentence,
            e.source.code.clone(),
            e.target.as_ref().map(|t| t.code.clone()),
            e.code.clone(),
            e.evidence.trigger.start,
        ))
    });
}

struct SentenceCtx<'a> {
    doc: &'a Document,
    text: &'a str,
    k: &'a Knowledge,
    opts: &'a CodeOptions,
    a: &'a Analysis,
    times: &'a [TimeMention],
    si: usize,
    s: usize,
    e: usize,
    require_dyad: bool,
    table: &'static CameoTable,
    main_subject: Option<NpGroup>,
    /// The events coded so far in the story, in order.
    prior: &'a [Event],
    /// The countries of the places the sentence names unambiguously, in order.
    place_countries: Vec<String>,
    /// The same by the token each place starts at.
    places_at: Vec<(usize, String)>,
    /// The country a role named without one belongs to, and why.
    story_country: Option<(String, &'static str)>,
    /// The sentence's dependency tree, unless coding shallow.
    tree: Option<&'a tree::TreeView>,
    /// The clause (token range) of the event being built, and of each event built.
    clause: std::cell::Cell<(usize, usize)>,
    clauses: std::cell::RefCell<Vec<(usize, usize)>>,
    /// The countries of the sentence's actors, by the end of the phrase that names
    /// them, in order; computed once (see `sentence_country`).
    named_countries: std::cell::OnceCell<Vec<(usize, String)>>,
}

/// A side the text does not name: `code` (a country, also its name) at the words
/// `at`, with the reason in its rule ("inferred: …").
fn inferred_side(code: &str, at: (usize, usize), rule: String) -> Side {
    let actor = Resolved {
        code: code.to_string(),
        name: code.to_string(),
        start: at.0,
        end: at.1,
        rule,
        person: false,
        place: false,
    };
    Side { text_span: at, actor }
}

/// One side of a coded event, before it becomes an `ActorRef`.
#[derive(Clone)]
struct Side {
    actor: Resolved,
    text_span: (usize, usize),
}

impl<'a> SentenceCtx<'a> {
    fn code_sentence(&mut self, disc: &mut Discourse, trace: &mut SentenceTrace) -> Vec<Event> {
        let a = self.a;
        let k = self.k;
        let mut events = Vec::new();
        // Indexes of the events that are plain statements (010) of a verb of saying.
        let mut statements: Vec<usize> = Vec::new();
        // Intents coded from a promised act: where the promising verb stands, and the
        // events coded.
        let mut promised: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        // Only worth building for verbs with many patterns (community dictionaries).
        let many_patterns = a.triggers.iter().any(|t| k.verbs.verbs[t.verb].patterns.len() > 16);
        let words: crate::fxhash::FxHashSet<&str> = if many_patterns {
            a.toks.iter().flat_map(|t| [t.token.lower.as_str(), crate::inflect::singular(&t.token.lower)]).collect()
        } else {
            crate::fxhash::FxHashSet::default()
        };
        for t in &a.triggers {
            let verb = &k.verbs.verbs[t.verb];
            let trig_text = phrase_text(self.text, a, t.start, t.end).to_string();
            let mut note = |msg: String| {
                if self.opts.explain {
                    trace.triggers.push(format!("`{trig_text}` ({}, {}): {msg}", verb.lemma, verb.rule));
                }
            };
            if verb.noun {
                match self.nominal(t.start, t.end, t.verb, disc) {
                    Ok(evs) => {
                        note(format!("coded {} event(s) as a nominal event", evs.len()));
                        events.extend(evs);
                    }
                    Err(why) => note(why),
                }
                continue;
            }
            let base = verb.lemma.split(' ').next().unwrap_or("");
            let mut g = verb_group(a, t.start, base);
            // The tree's clause for this verb, when the parser ran and tagged it a verb.
            let tc = self.tree.and_then(|tv| tv.clause_at(t.start).map(|c| (tv, c)));
            // Community (PETRARCH) patterns were written for positional matching
            // over PETRARCH's own parses; they keep the word-order roles.
            let tc = if k.community_verbs { None } else { tc };
            let trailing_participle = tc.is_some_and(|(_, c)| matches!(c.subject, Some((_, Via::Adjunct))));
            if g.gerund && !trailing_participle {
                note("not coded: a gerund (\"for ignoring\"), not a clause of its own".into());
                continue;
            }
            // "agreed to exchange prisoners", "pledged to send troops": the act is
            // promised, and coded as an intent in the promising verb's stead.
            let promised_by = tc.filter(|_| g.infinitive).and_then(|(tv, c)| {
                let w = &tv.tree.words[c.predicate];
                let h = tv.tree.head(c.predicate).filter(|_| w.deprel == "xcomp")?;
                let head = &tv.tree.words[h];
                let lemma = head.lemma.to_lowercase();
                // "is ready to work with Riyadh": an adjective of willingness promises too.
                let willing = WILLING.contains(&lemma.as_str());
                let refuses = matches!(lemma.as_str(), "refuse" | "decline");
                let promises = PROMISES.contains(&lemma.as_str()) || willing;
                let governs = head.upos == "VERB" || head.upos == "ADJ" && willing;
                // "urged Armenia to agree to resume talks": a promise that is itself
                // only wanted promises nothing.
                let wanted = tv.marked_by(h, &["mark"], &["to"]);
                ((promises || refuses) && governs && !wanted).then(|| (tv.tok_of(h), refuses))
            });
            // "refused to release the prisoners": the act refused (1243).
            let refused = promised_by.is_some_and(|(_, r)| r);
            let promised_by = promised_by.map(|(t, _)| t);
            // "used drones to strike four air bases", "became the first country to
            // recognise the Taliban": the infinitive tells what was done.
            // "voted to reject his decree", "moved to replace the governor", "went
            // on to win": the vote or the move is the act itself.
            let done = tc.filter(|_| g.infinitive).is_some_and(|(tv, c)| {
                let p = c.predicate;
                let by_vote = tv.tree.head(p).is_some_and(|h| {
                    matches!(tv.tree.words[h].lemma.to_lowercase().as_str(), "vote" | "move" | "proceed" | "manage")
                        && matches!(tv.tree.words[p].deprel, "xcomp" | "advcl")
                });
                let first_to = (p.saturating_sub(5)..p).any(|n| {
                    matches!(tv.tree.words[n].lemma.to_lowercase().as_str(), "first" | "last" | "latest")
                        && tv.tree.words[n].upos == "ADJ"
                        && tv.tree.words.get(n.saturating_sub(1)).is_some_and(|w| w.lemma.eq_ignore_ascii_case("the"))
                }) && tv.tree.head(p).is_some_and(|h| {
                    tv.tree.words[h].lemma.eq_ignore_ascii_case("become")
                        || tv.tree.words[tv.tree.head(h).unwrap_or(h)].lemma.eq_ignore_ascii_case("become")
                });
                by_vote || first_to
            });
            if g.infinitive && promised_by.is_none() && !done {
                note("not coded on its own: an infinitive (wanted, offered or urged, not done); the governing verb's patterns cover it".into());
                continue;
            }
            if promised_by.is_some() {
                g.intent = !refused;
                g.negated |= refused;
            }
            if let Some((tv, c)) = tc {
                // The tree knows the voice, and whether a participle modifies a noun.
                let w = &tv.tree.words[c.predicate];
                // A participle modifies the noun right before it ("a ceasefire
                // brokered by Qatar"); after a comma it is more likely a finite verb
                // the parser hung from a noun ("Saudi Arabia, which …, called for").
                // The tagger may read a sentence's past tense as a participle ("The
                // United Nations called for a truce"): word order must agree, or an
                // agent must follow.
                // "in a swap brokered by the UAE" stays a participle on its noun
                // however the parser hung it, when "by" follows at once.
                let by_after_noun = g.reduced_relative && w.xpos == "VBN" && a.lower(t.end) == "by";
                g.reduced_relative = w.deprel == "acl"
                    && w.xpos == "VBN"
                    && c.subject.is_some_and(|(_, v)| v == Via::Antecedent)
                    && (g.reduced_relative || c.agent.is_some())
                    || by_after_noun;
                g.passive = c.passive && (g.reduced_relative || w.deprel != "acl");
            }
            let tree_subj = tc.and_then(|(tv, c)| c.subject.and_then(|(w, _)| tv.group(a, w)));
            let shallow_subj = || {
                let s = if g.reduced_relative { None } else { subject(a, g.start) };
                s.or_else(|| if g.reduced_relative { None } else { self.shared_subject(g.start) })
            };
            let subj = match tc {
                Some(_) if g.reduced_relative => None,
                _ => tree_subj.clone().or_else(shallow_subj),
            };
            if self.main_subject.is_none() {
                if let Some(sg) = &subj {
                    self.main_subject = Some(sg.clone());
                }
            }
            let end = clause_end(a, t.end);
            let clause_start = subj.as_ref().map_or(g.start, |sg| sg.start);
            // The best pattern: most words matched, then the first listed.
            let mut best: Option<roles::PatternMatch> = None;
            // Pattern words may stand anywhere in the verb's phrase, including a
            // clause it governs ("allowed that Mordor isn't a pleasant place"), and
            // before it as far as the sentence start ("indicated it would act").
            // Within a reach of the trigger, so that a run-on "sentence" of thousands of
            // clauses costs time in proportion to its length, not its square.
            let pattern_end = sentence_end(a, t.end, PATTERN_REACH);
            let pattern_end = self
                .tree
                .and_then(|tv| tv.next_own_clause(t.start))
                .filter(|&c| c > t.end)
                .map_or(pattern_end, |c| c.min(pattern_end));
            let pattern_begin = t.start.saturating_sub(PATTERN_REACH);
            for (pi, p) in verb.patterns.iter().enumerate() {
                if many_patterns && !roles::pattern_possible(p, &words) {
                    continue;
                }
                let plurals = !k.community.get(t.verb).copied().unwrap_or(false);
                if let Some(mut m) =
                    match_pattern(a, k, p, plurals, pattern_begin, t.start, t.end, pattern_end, subj.as_ref())
                {
                    m.pattern = pi;
                    if p.code.code.is_some() && best.as_ref().is_none_or(|b| m.score > b.score) {
                        best = Some(m);
                    }
                }
            }
            let (code, paired, rule, pm) = match &best {
                Some(m) => {
                    let p = &verb.patterns[m.pattern];
                    (p.code.code.clone(), p.code.paired.clone(), p.rule.clone(), Some(m.clone()))
                }
                None => (verb.code.code.clone(), verb.code.paired.clone(), verb.rule.clone(), None),
            };
            // "called the violence \"shocking and unacceptable\"": a verdict on a thing
            // no pattern names is criticism.
            // (Not praise: "called the package \"one of the strongest\"", "a first step".)
            let praise = || {
                (t.end..(t.end + 10).min(a.toks.len())).any(|j| {
                    matches!(
                        a.lower(j),
                        "strongest"
                            | "step"
                            | "historic"
                            | "success"
                            | "good"
                            | "great"
                            | "positive"
                            | "heartfelt"
                            | "important"
                            | "breakthrough"
                            | "constructive"
                            | "welcome"
                            | "victory"
                            | "gesture"
                            | "win"
                    )
                })
            };
            let code = code.or_else(|| {
                (base == "call" && !k.community_verbs && !praise() && self.calls_it_something(t, tc))
                    .then(|| "111".to_string())
            });
            let Some(mut code) = code else {
                note("not coded: no pattern matched and the verb has no code of its own".into());
                continue;
            };
            // The sense of "call", from what follows it.
            if base == "call" && !k.community_verbs && !code.starts_with("111") {
                // "condemned what he called an attempt", "the so-called shadow fleet":
                // naming inside another act, no event.
                let named_by_what = (t.start.saturating_sub(4)..t.start).any(|j| a.lower(j) == "what")
                    || (t.start > 0 && a.lower(t.start - 1).starts_with("so-"));
                if named_by_what {
                    note("not coded: 'what X called' names a thing inside another act".into());
                    continue;
                }
                if a.toks.get(t.end).is_some_and(|t| matches!(t.token.lower.as_str(), "for" | "on" | "upon")) {
                    // "called for the EU to act", "called for an investigation": an
                    // appeal, unless a pattern said which.
                    if code.starts_with("041") {
                        code = "020".to_string();
                    }
                } else if self.calls_it_something(t, tc) {
                    // "called the disqualification an attack on democracy", "called the
                    // launches irrational", "called the protesters \"thugs\"": naming,
                    // no phone call or appeal; a verdict the lexicon does not list is
                    // criticism.
                    code = "111".to_string();
                }
            }
            let negation_in_pattern = pm.as_ref().is_some_and(|m| m.mentions_negation);
            let mut negated = g.negated && !negation_in_pattern;
            // "does not recognise the junta", "will not pay the fine": a cooperation
            // denied is a refusal, an event of its own (12x, coding guide).
            let code = match refusal_code(&code) {
                Some(c) if negated && !k.community_verbs => {
                    negated = false;
                    c.to_string()
                }
                _ => code,
            };
            // "accused the government of sponsoring gangs who attacked protesters",
            // "denied that its troops had opened fire": an act inside an accusation
            // or a denial is not an event (coding guide); the accusation is.
            if !code.starts_with("11") && tc.is_some_and(|(tv, _)| tv.inside_claim(t.start)) {
                note(format!("not coded: inside an accusation or denial (would have been {code})"));
                continue;
            }
            if negated && !self.opts.keep_negated {
                note(format!("not coded: negated (would have been {code})"));
                continue;
            }
            // "will deliver", "would respond": the report is of an intent (coding guide).
            let code = match intent_code(&code) {
                Some(c) if g.intent && !k.community_verbs && !pm.as_ref().is_some_and(|m| m.mentions_modal) => {
                    c.to_string()
                }
                _ => code,
            };
            let hypothetical = g.hypothetical && !pm.as_ref().is_some_and(|m| m.mentions_modal);
            if hypothetical && !self.opts.keep_hypothetical {
                note(format!("not coded: hypothetical, under a modal (would have been {code})"));
                continue;
            }
            // Sources and targets.
            let mut source_g = pm.as_ref().and_then(|m| m.source.clone()).or_else(|| subj.clone());
            let mut target_g = pm.as_ref().and_then(|m| m.target.clone());
            let compound = pm.as_ref().is_some_and(|m| m.compound);
            let say = k.say.get(t.verb).copied().unwrap_or(false);
            if target_g.is_none() && !compound {
                // A verb of saying with a direct object ("warned the United States
                // against ...") targets the object; otherwise whom the report is about.
                let tree_object = tc.filter(|_| !say).and_then(|(tv, c)| {
                    c.object
                        .into_iter()
                        .chain(c.indirect_object)
                        .chain(c.obliques.iter().filter(|(case, _)| TARGET_CASES.contains(&case.as_str())).map(|o| o.1))
                        .find_map(|w| tv.group(a, w).filter(|g| !g.nps.iter().all(|&n| roles::names_a_place(a, n))))
                });
                // By word order, with a tree only an actor of the trigger's own clause or
                // its complements, not of a side clause ("fired a missile on Wednesday,
                // days after Pyongyang accused …").
                let own_clause = |g: &NpGroup| {
                    tc.is_none_or(|(tv, _)| {
                        let (Some(p), Some(w)) = (tv.anchor(t.start), tv.word_at(g.start)) else { return true };
                        tv.within_clause(w, p)
                    })
                };
                let object = || {
                    first_actor_right(a, t.end, end)
                        .filter(|g| !say || self.directly_after(t.end, g.start))
                        .filter(|g| own_clause(g))
                };
                target_g =
                    if say { object().or_else(|| reported_subject(a, t.end)) } else { tree_object.or_else(object) };
            }
            // "38 people were killed in Israeli strikes": an event noun owned by an
            // actor, after "in" or "during", is the doer of a passive with no "by".
            let nominal_agent = |tv: &tree::TreeView, c: &crate::syntax::clauses::Clause| {
                c.obliques
                    .iter()
                    .filter(|(case, _)| matches!(case.as_str(), "in" | "during" | "amid"))
                    .find(|(_, w)| {
                        let tok = tv.tok_of(*w);
                        a.trigger_at[tok].is_some_and(|ti| k.verbs.verbs[a.triggers[ti].verb].noun)
                    })
                    .and_then(|(_, w)| tv.group(a, *w))
            };
            let tree_agent =
                tc.and_then(|(tv, c)| c.agent.and_then(|w| tv.group(a, w)).or_else(|| nominal_agent(tv, c)));
            let agent = (g.passive || g.reduced_relative)
                .then(|| tree_agent.or_else(|| by_agent(a, t.end, end.max(t.end + 1).min(a.toks.len()))))
                .flatten();
            // PETRARCH reads a passive without "by" as if active ("The Philippines
            // was criticized over ..."); Dragoman's own lexicon needs the agent.
            let petrarch_passive = g.passive && agent.is_none() && k.community.get(t.verb).copied().unwrap_or(false);
            if (g.passive || g.reduced_relative) && !petrarch_passive {
                target_g = if g.reduced_relative { tc.and(tree_subj.clone()) } else { source_g.take() };
                source_g = agent;
                // "a ceasefire brokered by Qatar", "talks hosted by Fidan": with its
                // agent, the participle is an event of its own; the parties come from
                // the sentence. Without an agent it is only a description.
                if g.reduced_relative && target_g.is_none() && (source_g.is_none() || k.community_verbs) {
                    note("not coded: a participle modifying a noun, with no target".into());
                    continue;
                }
                // "Russia and Ukraine exchanged prisoners in a swap brokered by the
                // UAE": the parties to what was brokered, mediated or hosted are the
                // subject of the clause its noun belongs to.
                let names_no_one = target_g.as_ref().is_none_or(|tg| self.sides(tg, disc).is_empty());
                if g.reduced_relative && source_g.is_some() && names_no_one && !k.community_verbs {
                    if let Some(parties) = self.tree.and_then(|tv| tv.parties_of_participle(a, t.start)) {
                        target_g = Some(parties);
                    }
                }
            }
            let mut sources = source_g.as_ref().map(|sg| self.sides(sg, disc)).unwrap_or_default();
            let mut targets = target_g.as_ref().map(|tg| self.sides(tg, disc)).unwrap_or_default();
            // "30 people were detained", "80 were arrested": with no agent named, an
            // arrest at home is the police's (of the place's or the story's country).
            if sources.is_empty()
                && g.passive
                && (code.starts_with("173") || code.starts_with("175"))
                && !k.community_verbs
            {
                if let Some((c, why)) = &self.story_country {
                    let mut police = inferred_side(c, (t.start, t.end), format!("inferred: the police of {why}"));
                    police.actor.code.push_str("COP");
                    sources.push(police);
                }
            }
            // A default target that names no one new ("a massive drone" resolving to
            // the attacker itself) gives way to the next actor in the clause.
            let mut next_from = target_g.as_ref().map(|g| g.end);
            let pattern_target = pm.as_ref().is_some_and(|m| m.target.is_some());
            // "France withdrew its last troops from Niger": the subject's own people,
            // named through "its", are not the target either.
            let own = |ts: &[Side], g: Option<&NpGroup>| {
                let possessive =
                    g.is_some_and(|g| g.nps.iter().all(|&n| a.class(a.nps[n].start) == words::Class::PossPron));
                ts.iter().all(|t| {
                    // "Germany sent air defence systems": a military role with no country
                    // of its own that took a state's country is that state's own unit.
                    let bare =
                        a.np_at.get(t.text_span.0).copied().flatten().is_some_and(|n| a.nps[n].bare_agent.is_some())
                            && t.actor.code.ends_with("MIL")
                            && !k.community_verbs;
                    sources.iter().any(|s| {
                        let state = matches!(s.actor.code.get(3..), Some("" | "GOV" | "MIL" | "GOVMIL"));
                        s.actor.code == t.actor.code
                            || (possessive || bare && state) && country_of(&s.actor.code) == country_of(&t.actor.code)
                    })
                })
            };
            let mut current = target_g.clone();
            while !say && !compound && !pattern_target && own(&targets, current.as_ref()) {
                let Some(from) = next_from else { break };
                let Some(g) = first_actor_right(a, from, end) else {
                    if current.is_some() && own(&targets, current.as_ref()) && !targets.is_empty() {
                        targets.clear();
                    }
                    break;
                };
                next_from = Some(g.end);
                targets = self.sides(&g, disc);
                current = Some(g);
            }
            if !compound && !targets.is_empty() && own(&targets, current.as_ref()) {
                targets.clear();
            }
            if sources.is_empty() {
                note(format!("not coded: no source actor found (code {code})"));
                continue;
            }
            // Protesters, a crowd or a mob storming, attacking or seizing: a violent
            // protest (CAMEO 145), not an armed attack.
            let crowd = |s: &Side| {
                let (from, to) = s.text_span;
                (from..to).any(|j| is_crowd(a.lower(j)))
                    || (from.saturating_sub(6)..from).any(|j| is_crowd(a.lower(j)) && a.lower(j + 1) == "of")
            };
            let code = if !k.community_verbs && violent(&code) && sources.iter().all(crowd) {
                "145".to_string()
            } else if !k.community_verbs
                && code == "190"
                && matches!(a.lower(t.start), "raid" | "raids" | "raided" | "raiding")
                && sources.iter().all(|s| s.actor.code.ends_with("COP") || s.actor.code.ends_with("JUD"))
            {
                // "Police raided the offices": a search and seizure by the state's
                // coercive arm (17), not an armed attack.
                "170".to_string()
            } else if !k.community_verbs
                && code.starts_with("19")
                && base != "clash"
                && sources.iter().all(|s| s.actor.code.ends_with("COP"))
                && targets.iter().all(|t| {
                    let own = sources.iter().any(|s| country_of(&s.actor.code) == country_of(&t.actor.code));
                    let armed = ["CRM", "UAF", "REB", "MIL"].iter().any(|r| t.actor.code.ends_with(r));
                    own && !armed
                })
            {
                // "Police opened fire on the crowd", "police killed 19 people": force
                // against the state's own people is repression (175), not war.
                "175".to_string()
            } else {
                code
            };
            // "The two leaders agreed to resume talks": each with the other.
            let pair = sources.len() == 2 && sources.iter().all(|s| s.actor.rule.starts_with("inferred: the two"));
            // "Lee and Ishiba agreed to deepen cooperation": states acting together
            // in a cooperative act with no one else named act towards each other.
            let together = !k.community_verbs
                && sources.len() == 2
                && (matches!(code.get(..2), Some("03" | "04" | "05" | "06")) || code.starts_with("087"))
                && !matches!(code.get(..3), Some("033" | "039" | "042" | "043" | "045"))
                && sources.iter().enumerate().all(|(i, s)| {
                    let c = country_of(&s.actor.code);
                    c.is_some() && sources[..i].iter().all(|o| country_of(&o.actor.code) != c)
                });
            // "the two sides struck each other's air bases"; a pair named again as
            // its own target ("Iran and the United States … the two sides").
            let reciprocal = sources.len() == 2
                && !k.community_verbs
                && ((t.end..(t.end + 3).min(a.toks.len())).any(|j| {
                    matches!(
                        (a.lower(j), a.toks.get(j + 1).map(|x| x.token.lower.as_str())),
                        ("each", Some("other" | "other's")) | ("one", Some("another" | "another's"))
                    )
                }) || targets.len() == 2
                    && sources[0].actor.code != sources[1].actor.code
                    && targets
                        .iter()
                        .all(|t| sources.iter().any(|s| country_of(&s.actor.code) == country_of(&t.actor.code)))
                    && sources
                        .iter()
                        .all(|s| targets.iter().any(|t| country_of(&s.actor.code) == country_of(&t.actor.code))));
            let each_other = (compound || pair || together) && targets.is_empty() || reciprocal;
            if each_other {
                targets = sources.clone();
            }
            // "condemned the strikes", "rejected the accusations": the act referred
            // back to names the target, whoever the story said did it.
            // "expressed concern over the arrests", "protested against the decision":
            // the noun may also stand in an oblique.
            let referring = tc
                .map(|(_, c)| {
                    c.object.into_iter().chain(
                        c.obliques
                            .iter()
                            .filter(|(case, _)| matches!(case.as_str(), "over" | "about" | "against" | "at" | "to"))
                            .map(|(_, w)| *w),
                    )
                })
                .into_iter()
                .flatten()
                .find(|&o| {
                    let Some(tv) = self.tree else { return false };
                    let w = &tv.tree.words[o];
                    let tok = tv.tok_of(o);
                    let definite = tv.children(o).iter().any(|&d| {
                        matches!(tv.tree.words[d].deprel, "det" | "nmod:poss")
                            && matches!(
                                tv.tree.words[d].lemma.to_lowercase().as_str(),
                                "the" | "this" | "that" | "these" | "those" | "such"
                            )
                    });
                    let event_noun = a.trigger_at[tok].is_some_and(|ti| k.verbs.verbs[a.triggers[ti].verb].noun)
                        || back_reference_roots(&w.lemma).is_some();
                    w.upos == "NOUN"
                        && definite
                        && event_noun
                        && a.np_at[tok].is_none_or(|n| a.nps[n].actors.is_empty())
                });
            // When the tree's object is itself the referring noun ("Merz called the
            // strike a war crime, while Trump …"), an actor found by word order
            // further on is not the target either.
            // Only for a reaction to it (a verdict, a rejection, praise): "signed the
            // agreement" keeps its parties.
            let reacts =
                matches!(code.get(..2), Some("01" | "11" | "12")) || matches!(code.get(..3), Some("050" | "051"));
            let object_refers = reacts && referring.is_some() && tc.and_then(|(_, c)| c.object) == referring;
            if (targets.is_empty() || object_refers) && !say && !k.community_verbs {
                if let Some(o) = referring {
                    let roots = self.tree.and_then(|tv| back_reference_roots(&tv.tree.words[o].lemma)).unwrap_or(&[]);
                    if let Some(t) = self.referred_actor(&sources, &events, t.start, roots) {
                        targets = vec![t];
                    }
                }
            }
            // "a charge Islamabad denied", "has denied the charges": a denial answers
            // whoever accused the one denying.
            if targets.is_empty() && code.starts_with("016") && !k.community_verbs {
                if let Some(t) = self.accuser_of(&sources, &events, t.start) {
                    targets.push(t);
                }
            }
            // "Moscow would respond", "will take measures": a threat with no one
            // named answers whoever the story last told acting against it.
            if targets.is_empty() && !say && code.starts_with("13") && !k.community_verbs {
                if let Some(t) = self.answered_actor(&sources, &events, t.start) {
                    targets.push(t);
                } else if let Some(t) = self.referred_actor(&sources, &events, t.start, ACTS_AGAINST) {
                    targets.push(t);
                }
            }
            // PETRARCH's conventions leave such events without a target.
            if targets.is_empty() && !say && !code.starts_with("01") && !k.community_verbs {
                if let Some(t) = self.implied_target(&sources, source_g.as_ref(), t.start, &code) {
                    targets.push(t);
                }
            }
            // "Gantz said Israel would exact a price": a speaker's own country as a
            // whole is no one the statement is about.
            // "told reporters", "told state television": an outlet or an audience is
            // never the one a statement is about (coding guide).
            // "told parliament", "told lawmakers": an audience too.
            let told = matches!(a.lower(t.start), "told" | "tells" | "tell" | "telling");
            let about_no_one = |t: &Side| {
                (!k.community_verbs && (t.actor.code.ends_with("MED") || told && t.actor.code.ends_with("LEG")))
                    || sources.iter().any(|s| {
                        s.actor.code == t.actor.code
                            || !k.community_verbs
                                && t.actor.code.len() == 3
                                && country_of(&s.actor.code).as_deref() == Some(t.actor.code.as_str())
                    })
            };
            // "said it was concerned about the curtailment of freedoms in Bangladesh",
            // "deeply concerned by the violence": a worry is about an actor or place
            // after the word of worry, else about whoever did what it refers to.
            if say
                && (code.starts_with("012") || code.starts_with("111"))
                && targets.iter().all(about_no_one)
                && !k.community_verbs
            {
                targets = self.worried_about(&sources, &events, t.end, disc).into_iter().collect();
            }
            // "warned that Iran's response would be severe if Israel made another
            // mistake": a warning is aimed at whoever the condition names, else at
            // whoever the story last told acting against the one warning.
            if say && code.starts_with("13") && targets.iter().all(about_no_one) && !k.community_verbs {
                let stop = sentence_end(a, t.end, a.toks.len());
                let condition = (t.end..stop).find(|&j| matches!(a.lower(j), "if" | "unless"));
                let named = condition
                    .and_then(|j| first_actor_right(a, j + 1, stop))
                    .map(|g| self.sides(&g, disc))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|t| !about_no_one(t))
                    .collect::<Vec<_>>();
                targets = if named.is_empty() {
                    self.referred_actor(&sources, &events, t.start, ACTS_AGAINST).into_iter().collect()
                } else {
                    named
                };
            }
            if say && targets.iter().all(about_no_one) {
                note("not coded: a statement with no one it is about".into());
                continue;
            }
            // "Defence Minister Richard Marles said the Australian navy was shadowing the
            // Chinese vessels": a plain statement about the speaker's own state's
            // forces or offices tells what they do, not an act towards them.
            let own_state = |t: &Side| {
                matches!(t.actor.code.get(3..6), Some("GOV" | "MIL" | "COP" | "SPY"))
                    && sources.iter().all(|s| country_of(&s.actor.code) == country_of(&t.actor.code))
            };
            if say && code == "010" && !k.community_verbs && !targets.is_empty() && targets.iter().all(own_state) {
                note("not coded: a statement about the speaker's own state".into());
                continue;
            }
            // Diplomacy and material help (04, 06, 07) are between states: a state's
            // own units, ministries or people are no partner ("the military was
            // sharing information", "India flew in a field hospital"). Talks with
            // rebels or the opposition are the exception.
            let insurgent = |c: &str| ["REB", "OPP", "INS"].iter().any(|s| c.get(3..).is_some_and(|x| x.contains(s)));
            let between_states = matches!(code.get(..2), Some("04" | "06" | "07"))
                && !sources.iter().chain(&targets).any(|s| insurgent(&s.actor.code));
            if between_states && !k.community_verbs && !targets.is_empty() {
                let own = |t: &Side| sources.iter().all(|s| country_of(&s.actor.code) == country_of(&t.actor.code));
                if targets.iter().all(own) {
                    note(format!("not coded: {code} aimed at the source's own country"));
                    continue;
                }
            }
            let date =
                self.event_date(t.start, clause_start, end, sources.iter().any(|s| s.actor.rule == "pronoun"), disc);
            self.clause.set((clause_start.min(g.start), end));
            let before = events.len();
            for src in &sources {
                if targets.is_empty() {
                    if !self.require_dyad {
                        events.push(self.event(src, None, &code, &rule, t.start, t.end, negated, hypothetical, &date));
                    }
                    continue;
                }
                for tgt in &targets {
                    if tgt.actor.code == src.actor.code {
                        continue;
                    }
                    // "Pakistan's Asif and his Afghan counterpart, Mullah Yaqoob,
                    // signed": each with the other, not one member with itself named
                    // twice ("Afghan" and Yaqoob). An army and rebels of one country
                    // stay two sides.
                    let (a_code, b_code) = (src.actor.code.as_str(), tgt.actor.code.as_str());
                    if each_other && (a_code.starts_with(b_code) || b_code.starts_with(a_code)) {
                        continue;
                    }
                    events.push(self.event(src, Some(tgt), &code, &rule, t.start, t.end, negated, hypothetical, &date));
                    if let Some(pc) = &paired {
                        events.push(self.event(
                            tgt,
                            Some(src),
                            pc,
                            &rule,
                            t.start,
                            t.end,
                            negated,
                            hypothetical,
                            &date,
                        ));
                    }
                }
            }
            let n = events.len() - before;
            if let Some(gov) = promised_by.filter(|_| n > 0) {
                promised.push((a.toks[gov].token.start, before..events.len()));
            }
            if say && code == "010" {
                statements.extend(before..events.len());
            }
            if n == 0 {
                note(format!("not coded: no target, and events need one here (code {code})"));
            } else {
                let how = match (tc.is_some(), tree_subj.is_some()) {
                    (true, true) => "subject from the tree",
                    (true, false) => "subject by word order (the tree gave none)",
                    (false, _) => "roles by word order",
                };
                let inferred: Vec<String> = sources
                    .iter()
                    .chain(&targets)
                    .filter(|s| s.actor.rule.starts_with("inferred"))
                    .map(|s| format!("{} {}", s.actor.code, s.actor.rule))
                    .collect();
                let inferred = if inferred.is_empty() { String::new() } else { format!("; {}", inferred.join("; ")) };
                note(format!("coded {n} event(s) with {code} by {rule} ({how}){inferred}"));
            }
        }
        // The promising verb's own patterns ("pledged to send troops") win; the
        // promised act is coded only when they coded nothing.
        let mut drop = vec![false; events.len()];
        for (gov, range) in &promised {
            if events.iter().any(|e| e.evidence.trigger.start == *gov) {
                range.clone().for_each(|i| drop[i] = true);
            }
        }
        // A plain statement (010) is the event only when the sentence reports nothing
        // else: "X said Y attacked Z" is Y's attack, told by X.
        // Except a complaint: "Pashinyan said Baku scrapped the truce" reports words
        // against the speaker, and the saying is the speaker's act too.
        // ("Congress called the disqualification an attack and said …" is the
        // speaker's own act, no complaint.)
        let speakers: Vec<Option<String>> = statements.iter().map(|&i| country_of(&events[i].source.code)).collect();
        let speaker_codes: Vec<&str> = statements.iter().map(|&i| events[i].source.code.as_str()).collect();
        let complaint = |e: &Event| {
            matches!(e.quad_class, Some(3))
                && !speaker_codes.contains(&e.source.code.as_str())
                && e.target.as_ref().is_some_and(|t| speakers.contains(&country_of(&t.code)))
        };
        let coded_other = events.iter().enumerate().any(|(i, e)| !statements.contains(&i) && !drop[i] && !complaint(e));
        // A verb or event noun of the lexicon that is not one of saying, after the
        // statement's verb, reports something even when it could not be coded
        // ("said the pupils had been freed without any ransom"): the sentence's event
        // is that, and a plain statement would stand in for it wrongly.
        let first_statement = statements.iter().map(|&i| events[i].evidence.trigger.start).min();
        let uncoded_other = first_statement.is_some_and(|at| {
            a.triggers.iter().any(|t| {
                a.toks[t.start].token.start > at
                    && !k.say.get(t.verb).copied().unwrap_or(false)
                    && k.verbs.verbs[t.verb].code.code.as_deref().is_some_and(|c| !c.starts_with("01"))
            })
        });
        let reported = coded_other || uncoded_other;
        if !statements.is_empty() && reported {
            statements.iter().for_each(|&i| drop[i] = true);
            if self.opts.explain {
                trace.triggers.push("statements (010) dropped: the sentence reports another event".into());
            }
        }
        if drop.contains(&true) {
            let mut clauses = self.clauses.borrow_mut();
            let first = clauses.len() - events.len();
            let mut i = 0;
            events.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
            let mut i = 0;
            clauses.retain(|_| {
                i += 1;
                i - 1 < first || !drop[i - 1 - first]
            });
        }
        events
    }

    /// Whether a phrase starting at `start` follows the verb ending at `end` with only
    /// adverbs or time words between.
    fn directly_after(&self, end: usize, start: usize) -> bool {
        (end..start).all(|j| self.a.toks[j].time || matches!(self.a.class(j), words::Class::Adv | words::Class::Det))
    }

    /// A verb that shares its subject with an earlier verb ("X urged A and warned B").
    fn shared_subject(&self, start: usize) -> Option<NpGroup> {
        let a = self.a;
        let prev_verb = (0..start).rev().find(|&j| a.verb_at[j])?;
        if !(prev_verb..start).any(|j| a.class(j) == words::Class::Conj) {
            return None;
        }
        let g = verb_group(a, prev_verb, a.lower(prev_verb));
        subject(a, g.start)
    }

    /// The target of an event whose clause names none: for a domestic act (protests,
    /// arrests, a country's police or courts) the source's own country; else another
    /// country's actor named elsewhere in the sentence, else the country of a place the
    /// sentence names, else (for a part of a state) its own country. Flagged as
    /// inferred. (The story's most-named other country was tried too and judged
    /// worse on the dev half: 33% of those targets were right.)
    fn implied_target(&self, sources: &[Side], source_g: Option<&NpGroup>, trigger: usize, code: &str) -> Option<Side> {
        let a = self.a;
        let own: Vec<Option<String>> = sources.iter().map(|s| country_of(&s.actor.code)).collect();
        let side = |c: &str, why: &str| inferred_side(c, (trigger, trigger + 1), format!("inferred: {why}"));
        // Protests, arrests and curfews, and whatever a country's police, courts,
        // parties, unions or citizens do, happen at home unless the sentence says
        // otherwise.
        let src = &sources.first()?.actor.code;
        let domestic_sector = src.get(3..6).is_some_and(|s| {
            matches!(
                s,
                "OPP"
                    | "COP"
                    | "JUD"
                    | "LEG"
                    | "LAB"
                    | "CVL"
                    | "EDU"
                    | "MED"
                    | "BUS"
                    | "AGR"
                    | "REL"
                    | "HLH"
                    | "CRM"
                    | "ELI"
                    | "HRI"
                    | "RAD"
                    | "MOD"
            )
        });
        let domestic_code =
            matches!(code.get(..2), Some("14" | "17")) || code.starts_with("0241") || code.starts_with("1041");
        if (domestic_sector || domestic_code) && src.len() > 3 {
            return own.first().cloned().flatten().map(|c| side(&c, "the source's own country (a domestic act)"));
        }
        let foreign = |c: &Option<String>| c.is_some() && !own.contains(c);
        // "Iraq and Algeria dispatched rescue teams" in a story of Syria's
        // earthquake: aid goes where the disaster is, not to the donors named beside.
        if code.starts_with("07") {
            if let Some(c) = self.place_countries.iter().find(|c| foreign(&Some(c.to_string()))) {
                return Some(side(c, "where it happened"));
            }
            if let Some((c, why)) = self.story_country.as_ref().filter(|(c, _)| foreign(&Some(c.clone()))) {
                return Some(side(c, why));
            }
        }
        let in_source = |n: usize| source_g.is_some_and(|g| g.nps.contains(&n));
        let order = (0..a.nps.len())
            .filter(|&n| a.nps[n].start >= trigger)
            .chain((0..a.nps.len()).filter(|&n| a.nps[n].start < trigger));
        for n in order {
            let np = &a.nps[n];
            if in_source(n) || np.actors.is_empty() {
                continue;
            }
            if roles::names_a_place(a, n) || self.tree.is_some_and(|tv| tv.in_place_phrase(np.start)) {
                continue;
            }
            if let Some(r) = np.actors.iter().find(|r| foreign(&country_of(&r.code))) {
                let mut r = r.clone();
                r.rule = format!("inferred: another country named in the sentence ({})", r.rule);
                return Some(Side { text_span: (r.start, r.end), actor: r });
            }
        }
        if let Some(c) = self.place_countries.iter().find(|c| foreign(&Some(c.to_string()))) {
            return Some(side(c, "where it happened"));
        }
        // Only a part of a country (its government, police, rebels) acts on its own
        // country; a country itself does not target itself. An appeal for aid is
        // made to the world, not at home.
        // "Bangladesh imposed a nationwide curfew": a state's coercion at home, with no
        // one else named, falls on its people.
        if code.starts_with("17") && src.len() == 3 {
            return own
                .first()
                .cloned()
                .flatten()
                .map(|c| side(&format!("{c}CVL"), "the source's own people (a domestic act)"));
        }
        if src.len() <= 3 || code.starts_with("023") {
            return None;
        }
        own.first().cloned().flatten().map(|c| side(&c, "the source's own country (a domestic story)"))
    }

    /// The doer of the latest act the story reported, of another country than the
    /// sources: what "the strikes" or "the accusations" refer back to. The latest
    /// act of the kind the noun names (`roots`: "the sanctions" a 16, "the strikes" a
    /// 19 or 18) if the story told one, else the latest act of any kind.
    fn referred_actor(
        &self,
        sources: &[Side],
        this_sentence: &[Event],
        trigger: usize,
        roots: &[&str],
    ) -> Option<Side> {
        // A country, or an international body by its own code ("IGOEUR").
        let key = |c: &str| country_of(c).or_else(|| c.starts_with("IGO").then(|| c.chars().take(6).collect()));
        let own: Vec<Option<String>> = sources.iter().map(|s| key(&s.actor.code)).collect();
        let recent = || self.recent_events(this_sentence);
        let other = |c: &str| key(c).is_some() && !own.contains(&key(c));
        let of_kind = recent()
            .filter(|e| roots.iter().any(|r| e.code.starts_with(r)))
            .map(|e| e.source.code.as_str())
            .find(|c| other(c));
        let code = of_kind.or_else(|| recent().map(|e| e.source.code.as_str()).find(|c| other(c)))?;
        Some(inferred_side(code, (trigger, trigger + 1), "inferred: whoever did what it refers back to".into()))
    }

    /// Whom a threat with no one named answers: whoever the same speaker condemned
    /// or acted against earlier in the sentence ("denounced the measures and said
    /// Moscow would respond"), else whoever the story last told acting against the
    /// speaker's country.
    fn answered_actor(&self, sources: &[Side], this_sentence: &[Event], trigger: usize) -> Option<Side> {
        let own: Vec<String> = sources.iter().filter_map(|s| country_of(&s.actor.code)).collect();
        if own.is_empty() {
            return None;
        }
        let ours = |c: &str| country_of(c).is_some_and(|c| own.contains(&c));
        let hostile = |e: &&Event| ACTS_AGAINST.iter().any(|r| e.code.starts_with(r));
        let same_speaker = this_sentence
            .iter()
            .rev()
            .filter(hostile)
            .filter(|e| ours(&e.source.code))
            .filter_map(|e| e.target.as_ref())
            .map(|t| t.code.clone())
            .find(|c| !ours(c));
        let against_us = || {
            self.recent_events(this_sentence)
                .filter(hostile)
                .filter(|e| !ours(&e.source.code) && e.target.as_ref().is_some_and(|t| ours(&t.code)))
                .map(|e| e.source.code.clone())
                .next()
        };
        let code = same_speaker.or_else(against_us)?;
        Some(inferred_side(&code, (trigger, trigger + 1), "inferred: whom the threat answers".into()))
    }

    /// The story's last dozen events, newest first: this sentence's so far, then
    /// the earlier sentences'.
    fn recent_events<'e>(&'e self, this_sentence: &'e [Event]) -> impl Iterator<Item = &'e Event> + 'e {
        this_sentence.iter().rev().chain(self.prior.iter().rev()).take(12)
    }

    /// What a worry voiced after token `from` is about: the first actor
    /// after "about/over/by/at" following a word of worry, else the country of a
    /// place there, else the doer of a recent act of force or protest.
    fn worried_about(&self, sources: &[Side], this_sentence: &[Event], from: usize, disc: &Discourse) -> Option<Side> {
        let a = self.a;
        // The reported clause runs past the verb's own phrase: to the sentence's end.
        let to = sentence_end(a, from, a.toks.len());
        let worry = (from..to).find(|&j| {
            matches!(
                a.lower(j),
                "concerned"
                    | "worried"
                    | "alarmed"
                    | "troubled"
                    | "dismayed"
                    | "concern"
                    | "alarm"
                    | "disappointed"
                    | "outraged"
                    | "appalled"
                    | "angered"
                    | "shocked"
            )
        })?;
        let prep = (worry + 1..to.min(worry + 3)).find(|&j| matches!(a.lower(j), "about" | "over" | "by" | "at"))?;
        let own = |code: &str| sources.iter().any(|s| country_of(&s.actor.code) == country_of(code));
        if let Some(g) = first_actor_right(a, prep + 1, to) {
            if let Some(side) = self.sides(&g, disc).into_iter().find(|s| !own(&s.actor.code)) {
                return Some(side);
            }
        }
        let at = (prep, prep + 1);
        if let Some((_, c)) = self.places_at.iter().find(|(start, c)| *start > prep && *start < to && !own(c)) {
            return Some(inferred_side(c, at, "inferred: the place the worry is about".into()));
        }
        self.referred_actor(sources, this_sentence, prep, &["14", "17", "18", "19", "20"])
    }

    /// The actor that most recently accused or charged one of `sources` (an event
    /// of 11x or 17x aimed at the same actor, else at its country), this sentence
    /// first, then the story.
    fn accuser_of(&self, sources: &[Side], this_sentence: &[Event], trigger: usize) -> Option<Side> {
        let recent = || {
            self.recent_events(this_sentence)
                .filter(|e| e.code.starts_with("11") || e.code.starts_with("17"))
                .filter(|e| !sources.iter().any(|s| s.actor.code == e.source.code))
        };
        let aimed = |e: &&Event, same: &dyn Fn(&str, &str) -> bool| {
            e.target.as_ref().is_some_and(|t| sources.iter().any(|s| same(&s.actor.code, &t.code)))
        };
        let exact = |a: &str, b: &str| a == b;
        let country = |a: &str, b: &str| country_of(a).is_some() && country_of(a) == country_of(b);
        let e = recent().find(|e| aimed(e, &exact)).or_else(|| recent().find(|e| aimed(e, &country)))?;
        Some(inferred_side(&e.source.code, (trigger, trigger + 1), "inferred: whoever made the accusation".into()))
    }

    /// "Prime Minister Fayez al-Serraj" with a name the dictionaries lack: remember
    /// "Serraj" as that actor for the rest of the story.
    fn learn_names(&self, disc: &mut Discourse) {
        let a = self.a;
        // The phrase's last word, and in "Prime Minister Sitiveni Rabuka's government"
        // the name before the "'s".
        let candidates = a.nps.iter().enumerate().flat_map(|(n, np)| {
            let before_poss = (np.start + 2..np.end).find(|&j| a.class(j) == words::Class::Poss).map(|p| p - 1);
            before_poss.into_iter().chain([np.end - 1]).map(move |last| (n, np, last))
        });
        for (n, np, last) in candidates {
            let raw = &self.text[a.toks[last].token.start..a.toks[last].token.end];
            let unknown_name = a.mention_of[last].is_none()
                && a.class(last) == words::Class::Word
                && raw.chars().any(char::is_uppercase)
                && last > np.start
                && a.mention_of[last - 1].is_none_or(|m| matches!(a.mentions[m].kind, analysis::MentionKind::Agent(_)));
            let titled = (np.start..np.end).any(|j| {
                a.mention_of[j].is_some_and(|m| matches!(a.mentions[m].kind, analysis::MentionKind::Agent(_)))
            });
            if !unknown_name || !titled {
                continue;
            }
            // "…US troops …, spokesman Colonel Major Amadou Abdramane said": a bare
            // title in a sentence naming several countries is nobody's for sure.
            if np.actors.is_empty() && self.several_countries_named() {
                continue;
            }
            let g = NpGroup { nps: vec![n], start: np.start, end: np.end };
            let resolved = self.resolve_group(&g, disc);
            let [r] = resolved.as_slice() else { continue };
            let lower = a.lower(last).to_string();
            let actor =
                Resolved { person: true, name: phrase_text(self.text, a, np.start, np.end).to_string(), ..r.clone() };
            remember_name(disc, lower, actor);
        }
        self.learn_apposed_names(disc);
        self.learn_surnames(disc);
    }

    /// Whether the sentence's actors belong to more than one country.
    fn several_countries_named(&self) -> bool {
        let all = self.named_countries();
        all.iter().any(|(_, c)| *c != all[0].1)
    }

    /// A person the dictionaries know by full name ("Prime Minister Imran Khan") is
    /// later called by surname alone ("Khan said"), which the dictionaries do not list
    /// where it is shared: within the story it means that person. In Chinese and
    /// Korean names the surname comes first ("Lee Jae-myung", then "Lee").
    fn learn_surnames(&self, disc: &mut Discourse) {
        let a = self.a;
        for r in a.nps.iter().flat_map(|np| np.actors.iter()) {
            if !r.person || r.end < r.start + 2 || r.rule.contains("named") {
                continue;
            }
            let family_first = matches!(country_of(&r.code).as_deref(), Some("CHN" | "TWN" | "KOR" | "PRK" | "HKG"));
            let at = if family_first { r.start } else { r.end - 1 };
            let word = a.lower(at);
            if word.chars().count() < 3 || !a.toks[at].token.capitalized || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            disc.names
                .entry(word.to_string())
                .or_insert_with(|| Resolved { rule: format!("{} (named earlier)", r.rule), ..r.clone() });
        }
    }

    /// A name the dictionaries lack, set beside its role by commas: "Osama Hamad, the
    /// prime minister of the east-based government, …" or "the bank's governor, Sadiq
    /// al-Kabir": remember "Hamad" and "Kabir" as the role's actor for the rest of the
    /// story.
    fn learn_apposed_names(&self, disc: &mut Discourse) {
        let a = self.a;
        // A run of capitalised words that names no one the dictionaries know.
        let unknown_name = |n: usize| {
            let np = &a.nps[n];
            !roles::np_has_content(a, n)
                && np.end > np.start
                && (np.start..np.end).all(|j| {
                    a.mention_of[j].is_none()
                        && a.class(j) == words::Class::Word
                        && self.text[a.toks[j].token.start..a.toks[j].token.end].chars().any(char::is_uppercase)
                        && !a.toks[j].time
                })
        };
        let role = |n: usize| {
            let np = &a.nps[n];
            np.pronoun.is_none() && (np.bare_agent.is_some() || np.actors.iter().any(|r| !r.place))
        };
        let comma = |j: usize| a.class(j) == words::Class::Comma;
        for n in 0..a.nps.len().saturating_sub(1) {
            let (first, second) = (&a.nps[n], &a.nps[n + 1]);
            if second.start != first.end + 1 || !comma(first.end) {
                continue;
            }
            let (name, role_np) = if unknown_name(n) && role(n + 1) {
                (n, n + 1)
            } else if role(n) && unknown_name(n + 1) && second.end - second.start >= 2 {
                // The name closes the apposition: a comma, the sentence's end or a
                // verb after it, not a list ("the army, Hezbollah and …").
                if second.end < a.toks.len() && !comma(second.end) && a.class(second.end) != words::Class::Stop {
                    continue;
                }
                (n + 1, n)
            } else {
                continue;
            };
            let g = NpGroup { nps: vec![role_np], start: a.nps[role_np].start, end: a.nps[role_np].end };
            let resolved = self.resolve_group(&g, disc);
            let [r] = resolved.as_slice() else { continue };
            let np = &a.nps[name];
            let last = np.end - 1;
            let lower = a.lower(last).to_string();
            let actor = Resolved {
                person: true,
                name: phrase_text(self.text, a, np.start, np.end).to_string(),
                rule: format!("{} (named beside it)", r.rule),
                ..r.clone()
            };
            remember_name(disc, lower, actor);
        }
    }

    /// Resolves a group's phrases to actors, following pronouns and bare roles.
    fn resolve_group(&self, g: &NpGroup, disc: &Discourse) -> Vec<Resolved> {
        let mut out: Vec<Resolved> = Vec::new();
        // "Armenia's Foreign Ministry and embassy": a role after a named conjunct
        // shares its country.
        let mut group_country: Option<String> = None;
        for &n in &g.nps {
            let np = &self.a.nps[n];
            if let Some(r) = np.actors.first() {
                group_country = country_of(&r.code);
            }
            if !np.actors.is_empty() {
                out.extend(np.actors.iter().cloned());
            } else if np.pronoun == Some(PronounKind::Speaker) {
                // "“We call on the Dominican authorities …,” Prime Minister Garry
                // Conille said": the one the sentence says is speaking, or no one.
                out.extend(self.speaker().into_iter().map(|r| Resolved {
                    start: np.start,
                    end: np.end,
                    rule: "pronoun, the speaker of the quote".into(),
                    ..r
                }));
            } else if let Some(kind) = np.pronoun {
                let here = self.antecedent_in_sentence(np.start, kind);
                let here =
                    if here.is_empty() { self.first_actor_before(np.start, kind).into_iter().collect() } else { here };
                if !here.is_empty() {
                    out.extend(here.into_iter().map(|r| Resolved {
                        start: np.start,
                        end: np.end,
                        rule: "pronoun, its antecedent in the sentence".into(),
                        ..r
                    }));
                    continue;
                }
                let from = match kind {
                    PronounKind::Thing | PronounKind::Speaker => &disc.last_thing,
                    PronounKind::Person if disc.last_person.is_empty() => &disc.last_thing,
                    PronounKind::Person => &disc.last_person,
                    PronounKind::Plural => {
                        if disc.last_plural.is_empty() {
                            &disc.last_thing
                        } else {
                            &disc.last_plural
                        }
                    }
                };
                out.extend(from.iter().map(|r| Resolved {
                    start: np.start,
                    end: np.end,
                    rule: "pronoun".into(),
                    ..r.clone()
                }));
            } else if let Some(c) = self.possessor_country(np, disc) {
                // "his country would not recognise …", "its nation": the owner's country.
                out.push(Resolved {
                    name: c.clone(),
                    code: c,
                    start: np.start,
                    end: np.end,
                    rule: "the country of the possessive's owner".into(),
                    person: false,
                    place: false,
                });
            } else if let Some(gi) = np.bare_agent {
                let ag = &self.k.agents[gi];
                // "the bloc", "the alliance": the international body named last, in
                // this sentence or before.
                if analysis::is_referring_bloc(self.k, gi) {
                    let here = self.a.nps[..n]
                        .iter()
                        .rev()
                        .flat_map(|p| p.actors.iter())
                        .find(|r| r.code.starts_with("IGO"))
                        .cloned();
                    if let Some(r) = here.or_else(|| disc.last_bloc.clone()) {
                        out.push(Resolved {
                            start: np.start,
                            end: np.end,
                            rule: "the international body named last".into(),
                            person: false,
                            ..r
                        });
                    }
                    continue;
                }
                // "the two leaders", "both sides": the last two countries the story
                // named as actors, each with the role.
                // ("two protesters" is a count, not a pair.)
                let pair = (np.start..np.end).any(|j| {
                    self.a.lower(j) == "both" || self.a.lower(j) == "two" && j > 0 && self.a.lower(j - 1) == "the"
                });
                // Named before the phrase: "… and the two leaders agreed to deepen
                // cooperation on North Korea" is not North Korea.
                let mut named: Vec<String> = Vec::new();
                // Not a place: "in the Chinese city of Kunming".
                let acting = |m: &usize| {
                    !roles::names_a_place(self.a, *m)
                        && !self.tree.is_some_and(|tv| tv.in_place_phrase(self.a.nps[*m].start))
                };
                let here = (0..n)
                    .rev()
                    .filter(acting)
                    .flat_map(|m| self.a.nps[m].actors.iter())
                    .filter_map(|r| country_of(&r.code));
                for c in here.chain(disc.countries_before.iter().cloned()) {
                    if !named.contains(&c) {
                        named.push(c);
                    }
                }
                if pair && !self.k.community_verbs && named.len() >= 2 {
                    for c in &named[..2] {
                        let mut r = role_of(c, ag, np.start, np.end);
                        r.rule = format!("inferred: the two countries the story named last ({})", ag.rule);
                        out.push(r);
                    }
                    continue;
                }
                // "its troops": the owner of the possessive pronoun.
                if let Some(c) = self.owner_of_possessive(np.start, disc).and_then(|r| country_of(&r.code)) {
                    out.push(role_of(&c, ag, np.start, np.end));
                    continue;
                }
                // "embassy" beside "Armenia's Foreign Ministry" takes Armenia; a lone
                // "the ministry" takes the country last seen with that role.
                // PETRARCH's convention: a role with no country is "---GOV".
                let unknown = self.k.community_verbs.then(|| "---".to_string());
                let head = self.a.lower(np.end.saturating_sub(1));
                // A plural role ("both governments", "officials") names no one in
                // particular: only a list or a community convention gives it a country.
                let plural = head.ends_with('s') && !head.ends_with("ss");
                // "Police in Karachi", "protesters in Nairobi": the place says whose.
                let placed = (self.a.lower(np.end) == "in")
                    .then(|| self.places_at.iter().find(|(start, _)| *start == np.end + 1).map(|(_, c)| c.clone()))
                    .flatten();
                let country = group_country.clone().or(unknown).or(placed).or_else(|| {
                    if plural {
                        return None;
                    }
                    disc.roles
                        .get(head)
                        .and_then(|codes| codes.iter().rev().find(|code| code.ends_with(&ag.code)))
                        .and_then(|full| country_of(full))
                        .or_else(|| self.sentence_country(np.start))
                });
                // "Rights groups criticised the deal": unnamed rights groups are
                // non-governmental, of no country (coding guide's gold: NGO).
                let rights_group = ag.code == "HRI" && plural && !self.k.community_verbs;
                if let Some(c) = country.filter(|_| !rights_group) {
                    out.push(role_of(&c, ag, np.start, np.end));
                } else if rights_group {
                    let mut r = role_of("NGO", ag, np.start, np.end);
                    r.rule = format!("unnamed rights groups are non-governmental ({})", ag.rule);
                    out.push(r);
                } else if let Some((c, why)) = self.story_country.as_ref().filter(|_| !ag.weapon) {
                    // "Police fired tear gas" in a Yerevan story: Armenian police,
                    // inferred and flagged so.
                    let mut r = role_of(c, ag, np.start, np.end);
                    r.rule = format!("inferred from {why} ({})", ag.rule);
                    out.push(r);
                }
            }
        }
        out
    }

    /// Whether "call" at trigger `t` names its object something: a word in quotes
    /// soon after it, a predicative complement or glued apposition in the tree, or an
    /// adjective or "a/an" right after the object ("called it a blow", "called the
    /// launches irrational").
    fn calls_it_something(
        &self,
        t: &analysis::Trigger,
        tc: Option<(&tree::TreeView, &crate::syntax::clauses::Clause)>,
    ) -> bool {
        let a = self.a;
        if (t.end..(t.end + 6).min(a.toks.len())).any(|j| a.lower(j) == "\"") {
            return true;
        }
        if let Some(n) = a.np_at.get(t.end).copied().flatten().filter(|&n| a.nps[n].start == t.end) {
            let after = a.nps[n].end;
            let adjective =
                |j: usize| self.tree.is_some_and(|tv| tv.word_at(j).is_some_and(|w| tv.tree.words[w].upos == "ADJ"));
            // (A phrase never ends in an adjective: one there was glued on by the
            // chunker, "the launches irrational".)
            if matches!(a.lower(after), "a" | "an") || adjective(after) || adjective(after - 1) {
                return true;
            }
        }
        tc.is_some_and(|(tv, c)| {
            // The name is the verb's predicative complement, or (as the parser often
            // has it) an apposition glued to the object.
            let named = |w: usize| matches!(tv.tree.words[w].upos, "NOUN" | "ADJ");
            let glued = |w: usize| {
                let first = tv.children(w).iter().copied().chain([w]).min().unwrap_or(w);
                first > 0 && tv.tree.words[first - 1].upos != "PUNCT"
            };
            tv.word_at(t.start)
                .is_some_and(|w| tv.children(w).iter().any(|&d| tv.tree.words[d].deprel == "xcomp" && named(d)))
                || c.object.is_some_and(|o| {
                    tv.children(o).iter().any(|&d| tv.tree.words[d].deprel == "appos" && named(d) && glued(d))
                })
        })
    }

    /// The actor a possessive pronoun at token `at` stands for ("its troops"): an
    /// antecedent in the sentence, else the last actor of its kind in the story.
    fn owner_of_possessive(&self, at: usize, disc: &Discourse) -> Option<Resolved> {
        let kind = pronoun_kind(self.a.lower(at)).filter(|_| self.a.class(at) == words::Class::PossPron)?;
        self.antecedent_in_sentence(at, kind).into_iter().next().or_else(|| self.first_actor_before(at, kind)).or_else(
            || match kind {
                PronounKind::Person => disc.last_person.first().cloned(),
                _ => disc.last_thing.first().cloned(),
            },
        )
    }

    /// "his country", "its nation": the country of the possessive's owner.
    fn possessor_country(&self, np: &analysis::Np, disc: &Discourse) -> Option<String> {
        let a = self.a;
        if np.end != np.start + 2 || !matches!(a.lower(np.start + 1), "country" | "nation" | "homeland") {
            return None;
        }
        self.owner_of_possessive(np.start, disc).and_then(|r| country_of(&r.code))
    }

    /// Whoever the sentence says is speaking: the subject of its verb of saying
    /// ("…,” Prime Minister Garry Conille said"), resolved from the tree.
    fn speaker(&self) -> Option<Resolved> {
        let tv = self.tree?;
        let a = self.a;
        let w = (0..tv.tree.words.len()).find(|&w| {
            tv.tree.words[w].upos == "VERB"
                && matches!(
                    tv.tree.words[w].lemma.to_lowercase().as_str(),
                    "say" | "tell" | "write" | "add" | "declare" | "state" | "insist"
                )
        })?;
        let subject = tv.children(w).iter().copied().find(|&c| tv.tree.words[c].deprel.starts_with("nsubj"))?;
        let g = tv.group(a, subject)?;
        let np = &a.nps[*g.nps.first()?];
        if np.pronoun.is_some() {
            return None;
        }
        np.actors.first().cloned()
    }

    /// "Moscow offered to host talks as it sought ...": a pronoun whose antecedent
    /// stands earlier in the same sentence, as the subject of an earlier clause. "They"
    /// after "Mali, Niger and Burkina Faso said" is all three.
    fn antecedent_in_sentence(&self, before: usize, kind: PronounKind) -> Vec<Resolved> {
        let a = self.a;
        let wanted_person = kind == PronounKind::Person;
        let Some(verb) = (0..before).find(|&j| a.verb_at[j]) else { return Vec::new() };
        let Some(g) = subject(a, verb_group(a, verb, a.lower(verb)).start) else { return Vec::new() };
        let mut actors = g.nps.iter().flat_map(|&n| a.nps[n].actors.iter());
        match kind {
            PronounKind::Plural => actors.cloned().collect(),
            _ if g.nps.len() > 1 => Vec::new(),
            _ => actors.find(|r| r.person == wanted_person).cloned().into_iter().collect(),
        }
    }

    /// Without a known verb before it, a pronoun refers to the sentence's first actor.
    fn first_actor_before(&self, before: usize, kind: PronounKind) -> Option<Resolved> {
        let a = self.a;
        let np = a.nps.iter().find(|np| np.end <= before && !np.actors.is_empty())?;
        if np.start > 0 && matches!(a.class(np.start - 1), words::Class::Prep | words::Class::To) {
            return None;
        }
        np.actors.iter().find(|r| r.person == (kind == PronounKind::Person) || kind == PronounKind::Plural).cloned()
    }

    /// The country of an actor named earlier in the same sentence, for a role
    /// mentioned with a name the dictionaries do not know ("Deputy Foreign
    /// Minister Mikhail Galuzin" after "The Russian Foreign Ministry said").
    fn sentence_country(&self, before: usize) -> Option<String> {
        let all = self.named_countries();
        // Phrases are in order, so their ends are too.
        let earlier = all.partition_point(|(end, _)| *end <= before);
        if earlier > 0 {
            return Some(all[earlier - 1].1.clone());
        }
        // "Police fired tear gas at protesters in Nairobi": the one country the
        // sentence names, wherever it stands.
        let (_, first) = all.first()?;
        all.iter().all(|(_, c)| c == first).then(|| first.clone())
    }

    /// The country of each actor the sentence names, with the end of its phrase, in
    /// order (built once a sentence).
    fn named_countries(&self) -> &[(usize, String)] {
        self.named_countries.get_or_init(|| {
            self.a
                .nps
                .iter()
                .flat_map(|np| np.actors.iter().map(move |r| (np.end, r)))
                .filter_map(|(end, r)| country_of(&r.code).map(|c| (end, c)))
                .collect()
        })
    }

    fn sides(&self, g: &NpGroup, disc: &Discourse) -> Vec<Side> {
        let mut out: Vec<Side> = Vec::new();
        for r in self.resolve_group(g, disc) {
            if !out.iter().any(|s| s.actor.code == r.code) {
                out.push(Side { text_span: (r.start, r.end), actor: r });
            }
        }
        out
    }

    /// The time expression of the clause, else of the sentence, else (for a
    /// sentence that continues the last one through a pronoun) the last date,
    /// else the publication date.
    fn event_date(
        &self,
        trigger: usize,
        from: usize,
        to: usize,
        pronoun_subject: bool,
        disc: &Discourse,
    ) -> (DateRange, Option<String>) {
        let a = self.a;
        // "resigned on Tuesday, a day after a group of men beat a student": the
        // clause's act is dated from the main clause's day.
        // "two days after police stormed the bar association and arrested a lawyer":
        // a coordinated verb shares its first verb's shift.
        let conj_head = self.tree.and_then(|tv| {
            let w = tv.word_at(trigger)?;
            let h = tv.tree.head(w).filter(|_| tv.tree.words[w].deprel == "conj")?;
            (tv.tree.words[h].upos == "VERB").then(|| tv.tok_of(h))
        });
        if let Some((base, (near, far), words)) =
            self.relative_day(trigger).or_else(|| conj_head.and_then(|h| self.relative_day(h)))
        {
            let shift = |d: chrono::NaiveDate, n: i64| d.checked_add_signed(chrono::Duration::days(n)).unwrap_or(d);
            let (lo, hi) = if near <= far { (near, far) } else { (far, near) };
            let (from, to) = (shift(base.from, lo), shift(base.to, hi));
            let precision = if from == to {
                Precision::Day
            } else if lo == hi {
                base.precision
            } else {
                Precision::Range
            };
            return (DateRange { from, to, precision }, Some(words));
        }
        // With a tree: the time that modifies the trigger's own clause or a clause
        // above it ("said on Wednesday that he would not back down"), never one in a
        // side clause ("Zourabichvili, who vetoed the bill this month, urged …").
        // A report tells what happened by its publication: a time after it is the
        // date of what was promised or called for ("will deliver … next month"), and
        // one after "by" or "until" a deadline; neither dates the event itself.
        let published = self.doc.published;
        let deadline = |m: &TimeMention| {
            let before = self.text[..m.start].trim_end();
            let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            matches!(last.as_str(), "by" | "until" | "till" | "before")
        };
        let times: Vec<TimeMention> = self
            .times
            .iter()
            .filter(|m| m.range.from <= published && !deadline(m))
            .map(|m| {
                let mut m = m.clone();
                // "have arrested 1,000 people since early September": from then until
                // the report.
                if since(&self.text[..m.start]) && m.range.to < published {
                    m.range.to = published;
                    m.range.precision = Precision::Range;
                }
                if m.range.to > published {
                    m.range.to = published;
                    m.range.precision = if m.range.from == m.range.to { Precision::Day } else { Precision::Range };
                }
                m
            })
            .collect();
        if let Some(tv) = self.tree {
            let chain = tv.clause_chain(trigger);
            if !chain.is_empty() {
                // "Pakistan will release the pilot on Friday, Khan told parliament on
                // Thursday": a day in a clause about the future is next Friday, not
                // the last one; the report's day dates the promise.
                let future = tv.marked_by(chain[0], &["aux"], &["will", "would", "shall", "'ll"]);
                let best = times
                    .iter()
                    .filter_map(|m| {
                        let tok = a.toks.iter().position(|t| t.token.start >= m.start && t.token.end <= m.end)?;
                        let anchor = tv.anchor(tok)?;
                        // "have detained 400 people since the party suspended talks in
                        // late November": from then until the report.
                        let since = tv.under_since(tok, anchor, anchor == chain[0]) && m.range.to < published;
                        // Own clause first, then the clauses above, then a clause
                        // about its object ("cut ties on Tuesday, accusing it of
                        // backing a group blamed for fires this month": Tuesday).
                        let rank = match chain.iter().position(|&w| w == anchor) {
                            Some(0) if future => None,
                            Some(0) => Some(0),
                            Some(rank) => Some(rank + 1),
                            // "shot dead a man and detained another on Monday".
                            None if tv.tree.words[anchor].deprel == "conj"
                                && tv.tree.head(anchor) == Some(chain[0]) =>
                            {
                                Some(1)
                            }
                            // "since the party suspended talks in late November".
                            None if since && tv.tree.head(anchor) == Some(chain[0]) => Some(1),
                            // "opened fire on an airliner as it approached the
                            // airport on Monday": a clause of the same moment.
                            None if tv.tree.words[anchor].deprel.starts_with("advcl")
                                && tv.tree.head(anchor) == Some(chain[0])
                                && tv.marked_by(anchor, &["mark"], &["as", "when", "while"]) =>
                            {
                                Some(2)
                            }
                            // "France will withdraw …, Macron said on Sunday": the
                            // report's day dates what it reports.
                            None if tv.reports_on(anchor, &chain) => Some(1),
                            // "Arab leaders meeting in Cairo on Tuesday endorsed …":
                            // a participle on the subject tells the occasion.
                            None if tv.participle_on_subject(anchor, chain[0]) => Some(1),
                            None => tv.below_object(anchor, chain[0]).then_some(chain.len() + 1),
                        }?;
                        let mut m = m.clone();
                        if since {
                            m.range.to = published;
                            m.range.precision = Precision::Range;
                        }
                        Some((rank, m))
                    })
                    .min_by_key(|(rank, _)| *rank);
                if let Some((_, m)) = best {
                    return (m.range, Some(self.text[m.start..m.end].to_string()));
                }
                // "declared a state of emergency and a nighttime curfew on Sunday after
                // armed gangs stormed …", with "Sunday" hung inside the object: a time
                // right after the trigger, before any other verb, is its own.
                let next_verb = (trigger + 1..a.toks.len()).find(|&j| a.verb_at[j]).unwrap_or(a.toks.len());
                let limit = a.toks.get(next_verb).map_or(self.e, |t| t.token.start);
                let after = a.toks.get(trigger).map_or(self.e, |t| t.token.end);
                // Not "since taking office in June", nor a year that qualifies a noun
                // ("under the 2015 nuclear deal").
                let own_time = |m: &&TimeMention| {
                    let attributive = self.text[m.start..m.end].chars().all(|c| c.is_ascii_digit())
                        && self.text[m.end..].chars().nth(1).is_some_and(char::is_lowercase);
                    m.start >= after && m.end <= limit && !since(&self.text[..m.start]) && !attributive
                };
                if !future {
                    if let Some(m) = times.iter().find(own_time) {
                        return (m.range, Some(self.text[m.start..m.end].to_string()));
                    }
                }
                if pronoun_subject {
                    if let Some((r, t)) = &disc.last_date {
                        return (*r, Some(t.clone()));
                    }
                }
                return (DateRange::day(self.doc.published), None);
            }
        }
        let lo = a.toks.get(from).map_or(self.s, |t| t.token.start);
        let hi = a.toks.get(to.min(a.toks.len()).saturating_sub(1)).map_or(self.e, |t| t.token.end);
        if let Some(m) = times.iter().find(|m| m.start >= lo && m.end <= hi) {
            return (m.range, Some(self.text[m.start..m.end].to_string()));
        }
        if let Some(m) = times.first() {
            return (m.range, Some(self.text[m.start..m.end].to_string()));
        }
        if pronoun_subject {
            if let Some((r, t)) = &disc.last_date {
                return (*r, Some(t.clone()));
            }
        }
        (DateRange::day(self.doc.published), None)
    }

    /// "a day after", "two days before", "hours after", "days after" right before the
    /// trigger's clause: the main clause's date (its time expression, else the
    /// publication date), the shift in days (nearest and farthest: "days" is two to four,
    /// "hours" the same day or the one before), and the words that gave it.
    fn relative_day(&self, trigger: usize) -> Option<(DateRange, (i64, i64), String)> {
        let a = self.a;
        let lo = trigger.saturating_sub(12);
        let boundary = |r: std::ops::Range<usize>| {
            r.into_iter().any(|j| matches!(a.class(j), words::Class::Stop | words::Class::Sub))
        };
        let before_trigger = (lo..trigger)
            .rev()
            .find(|&j| matches!(a.lower(j), "after" | "before"))
            .filter(|&k| !boundary(k + 1..trigger))
            .filter(|&k| self.attached_to(k, trigger));
        // "had charged him in absentia a day earlier": after the trigger, in its clause.
        let hi = (trigger + 12).min(a.toks.len());
        let k = match before_trigger {
            Some(k) => k,
            None => (trigger + 1..hi).find(|&j| a.lower(j) == "earlier").filter(|&k| !boundary(trigger + 1..k))?,
        };
        let unit = a.lower(k.checked_sub(1)?);
        let count = k.checked_sub(2).map(|j| a.lower(j));
        let number = |w: Option<&str>| -> Option<i64> {
            Some(match w? {
                "a" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                "ten" => 10,
                w => w.parse().ok().filter(|n| (1..=31).contains(n))?,
            })
        };
        let (near, far): (i64, i64) = match (number(count), unit) {
            (Some(n), "day" | "days") => (n, n),
            (Some(n), "week" | "weeks") => (7 * n, 7 * n),
            (None, "days") => (2, 4),
            (None, "weeks") => (7, 28),
            (_, "hours" | "minutes" | "moments") => (0, 1),
            _ => return None,
        };
        let (near, far) = if matches!(a.lower(k), "after" | "earlier") { (-near, -far) } else { (near, far) };
        let first_word = if number(count).is_some() || matches!(count, Some("several" | "few")) { 2 } else { 1 };
        let start = k.saturating_sub(first_word);
        let cut = a.toks[start].token.start;
        let base =
            self.times.iter().rev().find(|m| m.end <= cut).map_or(DateRange::day(self.doc.published), |m| m.range);
        let words = self.text[a.toks[start].token.start..a.toks[k].token.end].to_string();
        Some((base, (near, far), words))
    }

    /// Whether the word at token `k` ("after", "before", "earlier") belongs to the
    /// trigger's clause in the tree: it hangs from the trigger, or from a phrase that
    /// does ("a day before the vote, … detained"), or no other verb stands between
    /// them. Not "Putin, who recognised the
    /// regions days before ordering troops in, … praised". True without a tree.
    fn attached_to(&self, k: usize, trigger: usize) -> bool {
        let Some(tv) = self.tree else { return true };
        let (Some(w), Some(t)) = (tv.word_at(k), tv.word_at(trigger)) else { return true };
        let h = tv.tree.head(w);
        // Or nothing but the trigger's own subject stands between ("a day after a
        // court convicted him", however the parser hung "after").
        let between = (w.min(t) + 1..w.max(t)).any(|j| tv.tree.words[j].upos == "VERB");
        h == Some(t) || h.and_then(|h| tv.tree.head(h)) == Some(t) || !between
    }

    fn sentence_date(&self, disc: &Discourse) -> Option<(DateRange, String)> {
        match self.times.first() {
            Some(m) => Some((m.range, self.text[m.start..m.end].to_string())),
            None => {
                let pronoun =
                    self.main_subject.as_ref().is_some_and(|g| g.nps.iter().any(|&n| self.a.nps[n].pronoun.is_some()));
                if pronoun {
                    disc.last_date.clone()
                } else {
                    Some((DateRange::day(self.doc.published), "publication date".into()))
                }
            }
        }
    }

    /// "Azerbaijan's September 19-20 military offensive in Nagorno-Karabakh": an
    /// event named by a noun. Coded only when the phrase dates or places it;
    /// otherwise it usually refers back to an event already reported.
    fn nominal(&self, start: usize, end: usize, verb: usize, disc: &Discourse) -> Result<Vec<Event>, String> {
        let a = self.a;
        let v = &self.k.verbs.verbs[verb];
        let Some(code) = v.code.code.clone() else { return Err("not coded: the noun has no code".into()) };
        let np = a.np_at[start].map(|n| &a.nps[n]);
        let np_range = np.map_or((start, end), |n| (n.start, n.end));
        // "…, drawing condemnation from rights groups and the European Union", "after
        // sharp criticism from the EU": criticism from someone named is theirs,
        // aimed at whom the sentence is about.
        if code.starts_with("11") && a.lower(np_range.1) == "from" {
            let critics = first_actor_right(a, np_range.1 + 1, (np_range.1 + 8).min(a.toks.len()))
                .filter(|g| g.start == np_range.1 + 1)
                .map(|g| self.sides(&g, disc))
                .unwrap_or_default();
            let criticised = self.main_subject.as_ref().map(|g| self.sides(g, disc)).unwrap_or_default();
            if !critics.is_empty() && !criticised.is_empty() {
                let date = self.event_date(start, np_range.0, np_range.1, false, disc);
                self.clause.set((np_range.0, (np_range.1 + 3).min(a.toks.len())));
                let mut out = Vec::new();
                for s in &critics {
                    for t in criticised.iter().filter(|t| country_of(&t.actor.code) != country_of(&s.actor.code)) {
                        out.push(self.event(s, Some(t), &code, &v.rule, start, end, false, false, &date));
                    }
                }
                return Ok(out);
            }
        }
        let dated = (np_range.0..np_range.1).any(|j| a.toks[j].time);
        let placed = a.lower(np_range.1) == "in" && a.toks.get(np_range.1 + 1).is_some_and(|t| t.token.capitalized);
        if !dated && !placed {
            return Err("not coded: a nominal event with no date or place of its own (likely a reference back)".into());
        }
        // "an offensive in Rafah would have dire consequences": hypothetical.
        let next_verb = (np_range.1..a.toks.len()).find(|&j| a.verb_at[j]);
        if next_verb.is_some_and(|j| a.class(j) == words::Class::Modal && words::is_hypothetical_modal(a.lower(j)))
            && !self.opts.keep_hypothetical
        {
            return Err("not coded: hypothetical, the clause it heads is under a modal".into());
        }
        let mut sources: Vec<Side> = np
            .map(|n| n.actors.iter().map(|r| Side { actor: r.clone(), text_span: (r.start, r.end) }).collect())
            .unwrap_or_default();
        if sources.is_empty() {
            if let Some(g) = by_agent(a, np_range.1, (np_range.1 + 2).min(a.toks.len())) {
                sources = self.sides(&g, disc);
            }
        }
        if sources.is_empty() {
            return Err("not coded: no actor owns the nominal event".into());
        }
        let target = (np_range.1..(np_range.1 + 2).min(a.toks.len()))
            .find(|&j| matches!(a.lower(j), "against" | "on"))
            .and_then(|j| first_actor_right(a, j + 1, (j + 6).min(a.toks.len())))
            .map(|g| self.sides(&g, disc))
            .unwrap_or_default();
        if target.is_empty() && self.require_dyad {
            return Err("not coded: no target, and events need one here".into());
        }
        let lo = a.toks[np_range.0].token.start;
        let hi = a.toks[np_range.1 - 1].token.end;
        let date = match self.times.iter().find(|m| m.start >= lo && m.end <= hi) {
            Some(m) => (m.range, Some(self.text[m.start..m.end].to_string())),
            None => self.event_date(start, np_range.0, np_range.1, false, disc),
        };
        self.clause.set((np_range.0, (np_range.1 + 3).min(a.toks.len())));
        let mut out = Vec::new();
        for s in &sources {
            if target.is_empty() {
                out.push(self.event(s, None, &code, &v.rule, start, end, false, false, &date));
            }
            for t in &target {
                if t.actor.code != s.actor.code {
                    out.push(self.event(s, Some(t), &code, &v.rule, start, end, false, false, &date));
                }
            }
        }
        Ok(out)
    }

    fn actor_ref(&self, side: &Side) -> ActorRef {
        let a = self.a;
        let (s, e) = side.text_span;
        let start = a.toks[s].token.start;
        let end = a.toks[e.max(s + 1) - 1].token.end;
        let label = crate::labels::Labeller::builtin().label(&side.actor.code, &side.actor.name, side.actor.person);
        ActorRef {
            code: side.actor.code.clone(),
            name: label.name,
            country: label.country,
            sector: label.sector,
            text: self.text[start..end].to_string(),
            span: Span { start, end },
            inferred: side.actor.rule.starts_with("inferred"),
        }
    }

    /// The words kept with an event as its evidence: its sentence, or for a sentence of
    /// more than [`MAX_EVIDENCE`] bytes the part of it around the event's words (up to
    /// [`EVIDENCE_MARGIN`] bytes either side, cut at spaces), still a piece of the
    /// document as written. A run-on "sentence" of thousands of clauses must not be
    /// copied into each of its thousands of events.
    fn evidence_text(&self, trigger: Span, lo: usize, hi: usize) -> String {
        let (s, e) = (self.s, self.e);
        if e - s <= MAX_EVIDENCE {
            return self.text[s..e].to_string();
        }
        let (lo, hi) = if hi - lo <= MAX_EVIDENCE { (lo, hi) } else { (trigger.start, trigger.end) };
        let mut from = lo.saturating_sub(EVIDENCE_MARGIN).max(s);
        let mut to = (hi + EVIDENCE_MARGIN).min(e);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        while !self.text.is_char_boundary(to) {
            to += 1;
        }
        if from > s {
            if let Some(i) = self.text[from..lo.max(from)].find(' ') {
                from += i + 1;
            }
        }
        if to < e {
            if let Some(i) = self.text[hi.min(to)..to].rfind(' ') {
                to = hi.min(to) + i;
            }
        }
        self.text[from..to].to_string()
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        src: &Side,
        tgt: Option<&Side>,
        code: &str,
        rule: &str,
        ts: usize,
        te: usize,
        negated: bool,
        hypothetical: bool,
        date: &(DateRange, Option<String>),
    ) -> Event {
        let a = self.a;
        let trigger = Span { start: a.toks[ts].token.start, end: a.toks[te - 1].token.end };
        let source = self.actor_ref(src);
        let target = tgt.map(|t| self.actor_ref(t));
        let lo = [trigger.start, source.span.start]
            .into_iter()
            .chain(target.as_ref().map(|t| t.span.start))
            .min()
            .unwrap_or(trigger.start);
        let hi = [trigger.end, source.span.end]
            .into_iter()
            .chain(target.as_ref().map(|t| t.span.end))
            .max()
            .unwrap_or(trigger.end);
        let info = self.table.lookup(code);
        let (range, date_text) = date;
        self.clauses.borrow_mut().push(self.clause.get());
        let description =
            crate::labels::Labeller::builtin().describe(&source.name, target.as_ref().map(|t| t.name.as_str()), code);
        Event {
            doc_id: self.doc.id.clone(),
            sentence: self.si,
            sentence_text: self.evidence_text(trigger, lo, hi),
            span: Span { start: lo, end: hi },
            date: range.from.to_string(),
            date_end: range.to.to_string(),
            date_precision: range.precision,
            date_text: date_text.clone(),
            source,
            target,
            description,
            code: code.to_string(),
            code_name: info.map(|i| i.name.clone()),
            root: CameoTable::root(code).to_string(),
            quad_class: info.map(|i| i.quad_class),
            goldstein: info.map(|i| i.goldstein),
            plover: Plover {
                kind: info.and_then(|i| i.plover_type.clone()),
                mode: info.and_then(|i| i.plover_mode.clone()),
            },
            evidence: Evidence { trigger, trigger_text: self.text[trigger.start..trigger.end].to_string() },
            negated,
            hypothetical,
            rule: rule.to_string(),
            location: None::<Location>,
        }
    }
}
