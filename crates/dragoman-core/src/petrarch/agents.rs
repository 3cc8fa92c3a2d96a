//! Agent dictionaries: role nouns that compose with an actor code.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN     a substitution set
//! AMBASSADOR [~GOV]                     RUS + GOV → RUSGOV; plural generated
//! POLICE {} [~COP]                      {} : no plural
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   an irregular plural
//! HUMAN_RIGHTS_BODY [NGO~]              NGO + RUS → NGORUS
//! CONGRESS!PERSON! [~LEG]               congressman, congressmen, ...
//! ```

use super::{content_lines, phrase_plural, phrase_words, Loaded, PhraseUse, ReadOptions, Report};
use crate::lexicon::{AgentEntry, AgentPlacement};
use std::collections::HashMap;

/// Reads a PETRARCH agent dictionary with the default options.
pub fn read_agents(file: &str, text: &str) -> Loaded<Vec<AgentEntry>> {
    read_agents_with(file, text, ReadOptions::default())
}

/// Reads a PETRARCH agent dictionary.
pub fn read_agents_with(file: &str, text: &str, options: ReadOptions) -> Loaded<Vec<AgentEntry>> {
    read(file, text, options).0
}

pub(crate) fn read(file: &str, text: &str, options: ReadOptions) -> (Loaded<Vec<AgentEntry>>, Vec<usize>) {
    let mut report = Report::new(file);
    let lines = content_lines(text, &mut report);
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();

    for line in &lines {
        let t: &str = &line.text;
        let n = line.number;
        if t.starts_with('!') && t.contains('=') {
            match parse_marker(t) {
                Ok((name, items)) => {
                    if markers.insert(name.clone(), items).is_some() {
                        report.warn(
                            n,
                            format!("substitution set !{name}! is defined again; this definition replaces it"),
                        );
                    }
                    report.use_line(n);
                }
                Err(e) => report.error(n, format!("{e}; line skipped")),
            }
            continue;
        }
        let Some(open) = t.find('[') else {
            report.error(n, "no code: an agent needs [~CODE] or [CODE~]; line skipped");
            continue;
        };
        let region = &t[open + 1..];
        let code_raw = match region.find(']') {
            Some(close) => {
                let rest = region[close + 1..].trim();
                if !rest.is_empty() {
                    report.warn(n, format!("text '{rest}' after the code is ignored"));
                }
                &region[..close]
            }
            None => {
                report.warn(n, "code has no closing ']'");
                region.trim_end().trim_end_matches('}')
            }
        };
        let (code, placement) = match parse_agent_code(code_raw) {
            Ok((code, placement, warning)) => {
                if let Some(w) = warning {
                    report.warn(n, w);
                }
                (code, placement)
            }
            Err(e) => {
                report.error(n, format!("{e}; line skipped"));
                continue;
            }
        };

        let phrase_part = &t[..open];
        let (base, plural) = match phrase_part.find('{') {
            Some(b) => match phrase_part[b..].find('}') {
                Some(e) => {
                    let after = phrase_part[b + e + 1..].trim();
                    if !after.is_empty() {
                        report.warn(n, format!("text '{after}' after the plural is ignored"));
                    }
                    (phrase_part[..b].trim(), Some(phrase_part[b + 1..b + e].trim()))
                }
                None => {
                    report.error(n, "'{' of the plural is not closed; line skipped");
                    continue;
                }
            },
            None => (phrase_part.trim(), None),
        };
        if base.is_empty() || base.contains('}') {
            report.error(
                n,
                if base.is_empty() {
                    "no phrase before the code; line skipped"
                } else {
                    "'}' without '{'; line skipped"
                },
            );
            continue;
        }

        let mut phrases: Vec<String> = Vec::new();
        let substituted = base.contains('!');
        match expand(base, &markers, 0) {
            Ok(list) => phrases.extend(list),
            Err(e) => {
                report.error(n, format!("{e}; line skipped"));
                continue;
            }
        }
        if let Some(p) = plural.filter(|p| !p.is_empty()) {
            match expand(p, &markers, 0) {
                Ok(list) => phrases.extend(list),
                Err(e) => report.error(n, format!("{e}; plural skipped")),
            }
        }
        let generate = plural.is_none() && !substituted;
        let rule = report.rule(n);
        let before = out.len();
        for raw in &phrases {
            let phrase = phrase_words(raw, options.stems, PhraseUse::Name);
            if phrase.is_empty() {
                continue;
            }
            if generate {
                if let Some(p) = phrase_plural(&phrase) {
                    out.push(AgentEntry {
                        phrase: p,
                        code: code.clone(),
                        placement,
                        rule: rule.clone(),
                        weapon: false,
                    });
                }
            }
            out.push(AgentEntry { phrase, code: code.clone(), placement, rule: rule.clone(), weapon: false });
        }
        if out.len() == before {
            report.error(n, "no words in the phrase; line skipped");
            continue;
        }
        report.use_line(n);
    }
    report.finish(out)
}

/// `!NAME! = A, B, C`
fn parse_marker(t: &str) -> Result<(String, Vec<String>), String> {
    let rest = &t[1..];
    let end = rest.find('!').ok_or("substitution set name is not closed with '!'")?;
    let name = rest[..end].trim().to_uppercase();
    if name.is_empty() {
        return Err("substitution set without a name".into());
    }
    let list = rest[end + 1..].trim_start().strip_prefix('=').ok_or("'=' must follow '!NAME!'")?;
    let items: Vec<String> = list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return Err(format!("substitution set !{name}! is empty"));
    }
    Ok((name, items))
}

/// A bound on what one line may expand to, against runaway input.
const MAX_EXPANSIONS: usize = 10_000;

/// Every phrase `raw` stands for once its `!NAME!` markers are replaced.
fn expand(raw: &str, markers: &HashMap<String, Vec<String>>, depth: usize) -> Result<Vec<String>, String> {
    let Some(a) = raw.find('!') else {
        return Ok(vec![raw.to_string()]);
    };
    if depth > 8 {
        return Err("substitution markers nest too deeply".into());
    }
    let b = raw[a + 1..].find('!').map(|k| a + 1 + k).ok_or("substitution marker is not closed with '!'")?;
    let name = raw[a + 1..b].to_uppercase();
    let items = markers.get(&name).ok_or_else(|| format!("substitution set !{name}! is not defined"))?;
    let mut out = Vec::new();
    for item in items {
        out.extend(expand(&format!("{}{}{}", &raw[..a], item, &raw[b + 1..]), markers, depth + 1)?);
        if out.len() > MAX_EXPANSIONS {
            return Err(format!("substitution markers give more than {MAX_EXPANSIONS} phrases"));
        }
    }
    Ok(out)
}

/// `~GOV` (suffix), `NGO~` (prefix), with any spaces inside the brackets.
fn parse_agent_code(raw: &str) -> Result<(String, AgentPlacement, Option<String>), String> {
    let c: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let (code, placement, warning) = match (c.strip_prefix('~'), c.strip_suffix('~')) {
        (Some(_), Some(_)) => return Err(format!("code '[{raw}]' has '~' on both sides")),
        (Some(rest), None) => (rest, AgentPlacement::Suffix, None),
        (None, Some(rest)) => (rest, AgentPlacement::Prefix, None),
        (None, None) => {
            (c.as_str(), AgentPlacement::Suffix, Some(format!("code '[{raw}]' has no '~'; read as a suffix")))
        }
    };
    if code.is_empty() || code.contains('~') {
        return Err(format!("'[{raw}]' is not an agent code"));
    }
    Ok((code.to_uppercase(), placement, warning))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Severity;
    use std::collections::HashSet;

    fn texts(entries: &[AgentEntry]) -> Vec<String> {
        entries.iter().map(|e| e.phrase.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect()
    }

    const SNIPPET: &str = "\
!HAND! = SMITH, SMITHS
ENVOY [~GOV]
TOWN_CRIER {} [ ~MED]
MOUSE {MICE} [~ANI]
GOLD!HAND! [~BUS]
RELIEF_BODY [  NGO~]
FERRY [~BUS] # comment
NOTHING
LOST!NOPE! [~X]
BARE [ZZZ]
BOTH [~X~]
!BROKEN = A
";

    #[test]
    fn snippet_reads_every_construct() {
        let (loaded, used) = read("g.txt", SNIPPET, ReadOptions::default());
        let all = &loaded.value;
        let t = texts(all);
        for p in [
            "envoy",
            "envoys",
            "town crier",
            "mouse",
            "mice",
            "goldsmith",
            "goldsmiths",
            "relief body",
            "relief bodies",
            "ferry",
            "ferries",
            "bare",
            "bares",
        ] {
            assert!(t.contains(&p.to_string()), "{p}: {t:?}");
        }
        assert!(!t.contains(&"town criers".to_string()));
        assert!(!t.contains(&"goldsmithses".to_string()));
        let relief = all.iter().find(|e| e.phrase[0].text == "relief").unwrap();
        assert_eq!((relief.code.as_str(), relief.placement), ("NGO", AgentPlacement::Prefix));
        let crier = all.iter().find(|e| e.phrase[0].text == "town").unwrap();
        assert_eq!((crier.code.as_str(), crier.placement), ("MED", AgentPlacement::Suffix));
        assert_eq!(crier.rule, "g.txt:3");

        let issues: Vec<(usize, Severity)> = loaded.issues.iter().map(|i| (i.line, i.severity)).collect();
        assert_eq!(
            issues,
            vec![
                (8, Severity::Error),
                (9, Severity::Error),
                (10, Severity::Warning),
                (11, Severity::Error),
                (12, Severity::Error)
            ]
        );
        let mut accounted: HashSet<usize> = used.into_iter().collect();
        accounted.extend(loaded.issues.iter().map(|i| i.line));
        for l in 1..=12 {
            assert!(accounted.contains(&l), "line {l}");
        }
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn unit_test_dictionary() {
        let text = super::super::tests::shared("eval/petrarch-unit/PETR.Validate.agents.txt");
        let loaded = read_agents("PETR.Validate.agents.txt", &text);
        let t = texts(&loaded.value);
        for p in [
            "minister of silly walks",
            "ministers of silly walks",
            "ministry of silly walks",
            "ministries of silly walks",
            "congressman",
            "congresswomen",
            "congressperson",
            "congress",
            "congresses",
            "attorney general",
            "attorneys general",
            "golden geese",
            "authorities",
        ] {
            assert!(t.contains(&p.to_string()), "{p}");
        }
        assert!(!t.contains(&"polices".to_string()));
        assert!(!t.contains(&"ministers of silly walkses".to_string()));
        let police = loaded.value.iter().find(|e| texts(std::slice::from_ref(e))[0] == "police").unwrap();
        assert_eq!((police.code.as_str(), police.placement), ("COP", AgentPlacement::Suffix));
        let hro = loaded.value.iter().find(|e| e.phrase.len() == 3 && e.phrase[2].text == "organization").unwrap();
        assert_eq!((hro.code.as_str(), hro.placement), ("NGO", AgentPlacement::Prefix));
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn phoenix_agents() {
        let text = super::super::tests::shared("dictionaries/phoenix/Phoenix.agents.txt");
        let loaded = read_agents("Phoenix.agents.txt", &text);
        let t = texts(&loaded.value);
        assert!(loaded.value.len() > 3000, "{}", loaded.value.len());
        assert!(t.contains(&"foreign minister".to_string()));
        assert!(t.contains(&"foreign ministries".to_string()));
        assert!(t.contains(&"cattleman".to_string()));
        let env = loaded.value.iter().find(|e| e.phrase.first().is_some_and(|w| w.text == "deparment")).unwrap();
        assert_eq!(env.code, "ENV", "'[~ENV}}' is read with a warning");
        assert!(loaded.issues.iter().any(|i| i.severity == Severity::Error && i.message.contains("no code")));
    }
}
