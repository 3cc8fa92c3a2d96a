//! English inflection: the surface forms of a verb, and the singular of a noun.
//!
//! Dictionaries are written in base forms ("accuse", "withdraw from"); text is not
//! ("accused", "withdrew from"). Rather than guess a lemma for every word of every
//! sentence, Dragoman generates every form of every dictionary verb once, at load
//! time, and looks tokens up directly. Unknown words then need no lemma at all.

/// Irregular verbs: base, past, past participle. Facts of English.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("burn", "burnt", "burnt"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fling", "flung", "flung"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("lean", "leant", "leant"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("offset", "offset", "offset"),
    ("outbid", "outbid", "outbid"),
    ("overcome", "overcame", "overcome"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("speed", "sped", "sped"),
    ("spend", "spent", "spent"),
    ("spill", "spilt", "spilt"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("thrust", "thrust", "thrust"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("undo", "undid", "undone"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("wind", "wound", "wound"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
    ("shrink", "shrank", "shrunk"),
    ("forsee", "forsaw", "forseen"),
];

/// Extra past forms that stand beside the listed ones.
const VARIANTS: &[(&str, &str)] = &[
    ("burn", "burned"),
    ("lean", "leaned"),
    ("spill", "spilled"),
    ("get", "got"),
    ("light", "lighted"),
    ("prove", "proven"),
    ("show", "shown"),
    ("speed", "speeded"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the final consonant doubles before -ed/-ing ("stop" → "stopped",
/// "ban" → "banned"). English doubles after a single stressed vowel; without stress
/// information we double for one-syllable words and a short list of common
/// final-stressed verbs.
fn doubles(base: &str) -> bool {
    const STRESSED_LAST: &[&str] = &[
        "admit", "commit", "compel", "control", "deter", "expel", "occur", "omit", "patrol", "permit", "prefer",
        "propel", "rebel", "recur", "refer", "regret", "repel", "submit", "transfer", "transmit", "equip", "acquit",
        "abet", "allot", "confer", "defer", "infer", "incur", "outbid", "overrun", "embed", "kidnap", "airdrop",
        "handicap", "outstrip", "worship", "unplug", "catnap", "backdrop",
    ];
    let b = base.as_bytes();
    if b.len() < 3 {
        return false;
    }
    let (last, mid, before) = (b[b.len() - 1], b[b.len() - 2], b[b.len() - 3]);
    if is_vowel(last) || matches!(last, b'w' | b'x' | b'y') || !is_vowel(mid) || is_vowel(before) {
        return false;
    }
    if STRESSED_LAST.contains(&base) {
        return true;
    }
    base.bytes().filter(|&c| is_vowel(c)).count() == 1
}

/// Every surface form of a one-word verb: base, -s, -ed (past and participle), -ing,
/// irregular forms included. Each form is listed once.
pub fn verb_forms(base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let mut out = vec![base.clone()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s)
        }
    };
    let b = base.as_bytes();
    let n = b.len();
    if n == 0 {
        return out;
    }
    // Third person singular.
    if base.ends_with("s")
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with('o')
    {
        add(format!("{base}es"));
    } else if n > 1 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        add(format!("{}ies", &base[..n - 1]));
    } else {
        add(format!("{base}s"));
    }
    if let Some((prefix, past, part)) = irregular(&base) {
        add(format!("{prefix}{past}"));
        add(format!("{prefix}{part}"));
        for &(v, extra) in VARIANTS {
            if v == base {
                add(extra.to_string());
            }
        }
        if base == "be" {
            for f in ["am", "is", "are", "were", "being"] {
                add(f.to_string());
            }
        }
        if base == "have" {
            add("has".to_string());
        }
    } else {
        add(past_regular(&base));
    }
    add(ing(&base));
    // British spelling doubles a final l after one vowel: cancelled, travelling.
    if n > 2 && b[n - 1] == b'l' && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]) && !doubles(&base) {
        add(format!("{base}led"));
        add(format!("{base}ling"));
    }
    out
}

/// The past and past participle of an irregular verb, also behind a prefix
/// ("override" → "overrode", "rebuild" → "rebuilt", "withhold" → "withheld"), with
/// the prefix apart: `("over", "rode", "ridden")`.
fn irregular(base: &str) -> Option<(&str, &'static str, &'static str)> {
    let find = |b: &str| IRREGULAR.iter().find(|(v, _, _)| *v == b).map(|&(_, past, part)| (past, part));
    if let Some((past, part)) = find(base) {
        return Some(("", past, part));
    }
    // "relay" is regular ("relayed").
    if base == "relay" {
        return None;
    }
    ["over", "under", "out", "with", "mis", "fore", "re", "up"].iter().find_map(|p| {
        let rest = base.strip_prefix(p).filter(|r| r.len() >= 3)?;
        find(rest).map(|(past, part)| (&base[..p.len()], past, part))
    })
}

fn past_regular(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if base.ends_with('e') {
        format!("{base}d")
    } else if n > 1 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &base[..n - 1])
    } else if doubles(base) {
        format!("{base}{}ed", b[n - 1] as char)
    } else {
        format!("{base}ed")
    }
}

fn ing(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if base.ends_with("ie") {
        format!("{}ying", &base[..n - 2])
    } else if base.ends_with('e') && !base.ends_with("ee") && !base.ends_with("ye") && !base.ends_with("oe") && n > 2 {
        format!("{}ing", &base[..n - 1])
    } else if doubles(base) {
        format!("{base}{}ing", b[n - 1] as char)
    } else {
        format!("{base}ing")
    }
}

/// The forms of a multi-word verb ("withdraw from"): the first word inflects
/// unless another word is marked as the verb with a leading `+` ("wire +tap").
pub fn phrase_forms(words: &[&str]) -> Vec<Vec<String>> {
    let head = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean: Vec<String> = words.iter().map(|w| w.trim_start_matches('+').to_lowercase()).collect();
    if clean.is_empty() || clean[head].is_empty() {
        return Vec::new();
    }
    verb_forms(&clean[head])
        .into_iter()
        .map(|f| {
            let mut v = clean.clone();
            v[head] = f;
            v
        })
        .collect()
}

/// The plural of a noun, for role nouns written in the singular.
pub fn plural(noun: &str) -> String {
    const IRREGULAR_NOUNS: &[(&str, &str)] = &[
        ("man", "men"),
        ("woman", "women"),
        ("child", "children"),
        ("person", "people"),
        ("chief", "chiefs"),
        ("staff", "staff"),
        ("police", "police"),
        ("personnel", "personnel"),
        ("militia", "militias"),
        ("series", "series"),
        ("crisis", "crises"),
        ("thief", "thieves"),
    ];
    let n = noun.to_lowercase();
    for &(s, p) in IRREGULAR_NOUNS {
        if n.ends_with(s) {
            return format!("{}{}", &n[..n.len() - s.len()], p);
        }
    }
    let b = n.as_bytes();
    let len = b.len();
    if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') || n.ends_with('z') {
        format!("{n}es")
    } else if len > 1 && b[len - 1] == b'y' && !is_vowel(b[len - 2]) {
        format!("{}ies", &n[..len - 1])
    } else {
        format!("{n}s")
    }
}

/// A cheap singular for matching nouns in patterns ("meetings" → "meeting",
/// "talks" stays a word of its own since patterns list it).
pub fn singular(noun: &str) -> &str {
    if noun.len() > 4 && noun.ends_with("ies") {
        // Callers that need "y" compare against the stem; "parties" → "parti".
        &noun[..noun.len() - 2]
    } else if noun.len() > 3
        && noun.ends_with('s')
        && !noun.ends_with("ss")
        && !noun.ends_with("us")
        && !noun.ends_with("is")
    {
        &noun[..noun.len() - 1]
    } else {
        noun
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        assert_eq!(verb_forms("accuse"), ["accuse", "accuses", "accused", "accusing"]);
        assert_eq!(verb_forms("urge"), ["urge", "urges", "urged", "urging"]);
        assert_eq!(verb_forms("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(verb_forms("discuss"), ["discuss", "discusses", "discussed", "discussing"]);
        assert_eq!(verb_forms("host"), ["host", "hosts", "hosted", "hosting"]);
        assert_eq!(verb_forms("visit"), ["visit", "visits", "visited", "visiting"]);
        assert_eq!(verb_forms("admit"), ["admit", "admits", "admitted", "admitting"]);
        assert_eq!(verb_forms("kidnap"), ["kidnap", "kidnaps", "kidnapped", "kidnapping"]);
        assert_eq!(verb_forms("agree"), ["agree", "agrees", "agreed", "agreeing"]);
    }

    #[test]
    fn irregular_verbs() {
        assert_eq!(verb_forms("withdraw"), ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"]);
        assert!(verb_forms("override").contains(&"overrode".to_string()));
        assert!(verb_forms("rebuild").contains(&"rebuilt".to_string()));
        assert!(verb_forms("relay").contains(&"relayed".to_string()));
        assert!(verb_forms("say").contains(&"said".to_string()));
        assert!(verb_forms("be").contains(&"were".to_string()));
        assert!(verb_forms("seek").contains(&"sought".to_string()));
        assert!(verb_forms("cancel").contains(&"cancelled".to_string()));
        assert!(verb_forms("cancel").contains(&"canceled".to_string()));
    }

    #[test]
    fn phrases_inflect_their_head() {
        let f = phrase_forms(&["withdraw", "from"]);
        assert!(f.contains(&vec!["withdrew".to_string(), "from".to_string()]));
        let f = phrase_forms(&["wire", "+tap"]);
        assert!(f.contains(&vec!["wire".to_string(), "tapped".to_string()]));
    }

    #[test]
    fn nouns() {
        assert_eq!(plural("ambassador"), "ambassadors");
        assert_eq!(plural("party"), "parties");
        assert_eq!(plural("congressman"), "congressmen");
        assert_eq!(singular("meetings"), "meeting");
        assert_eq!(singular("crisis"), "crisis");
    }
}
