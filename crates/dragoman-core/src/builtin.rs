//! Dragoman's own dictionaries: countries, organisations, people and roles.
//!
//! The knowledge lives in four readable text files under `dictionaries/` (their
//! formats are described at the top of each file and in `docs/dictionaries.md`) and
//! is compiled into the binary. This module reads them into the shared lexicon types,
//! so the actor matcher treats them exactly like entries from community files.
//!
//! Phrases are cut into words by the same tokenizer that cuts news text, so a
//! dictionary phrase and the text it should match always agree on where words end:
//! "U.S." is one word, "Nagorno-Karabakh" is one word, "People's" is "people" + "'s",
//! "Côte d'Ivoire" is "côte" + "d'ivoire".
//!
//! The readers never panic. A line they cannot understand becomes a `DictIssue`
//! (error) with its line number and the rest of the file is still read; a phrase
//! listed again with other codes becomes a warning.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::lexicon::{ActorEntry, ActorKind, AgentEntry, AgentPlacement, DatedCode, DictIssue, PhraseWord, Severity};
use crate::text::tokenize;

/// Everything the built-in files say about actors and roles.
#[derive(Debug, Clone, Default)]
pub struct BuiltinKnowledge {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
}

/// The built-in dictionary files as (file name, contents), for `dict check`.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("countries.txt", include_str!("../../../dictionaries/countries.txt")),
    ("organizations.txt", include_str!("../../../dictionaries/organizations.txt")),
    ("people.txt", include_str!("../../../dictionaries/people.txt")),
    ("roles.txt", include_str!("../../../dictionaries/roles.txt")),
];

/// Reads all four built-in files.
pub fn load_builtin() -> (BuiltinKnowledge, Vec<DictIssue>) {
    let mut knowledge = BuiltinKnowledge::default();
    let mut issues = Vec::new();
    for &(file, text) in BUILTIN_FILES {
        match file {
            "roles.txt" => {
                let (agents, found) = parse_roles(file, text);
                knowledge.agents.extend(agents);
                issues.extend(found);
            }
            _ => {
                let (actors, found) = match file {
                    "countries.txt" => parse_countries(file, text),
                    "organizations.txt" => parse_organizations(file, text),
                    _ => parse_people(file, text),
                };
                knowledge.actors.extend(actors);
                issues.extend(found);
            }
        }
    }
    issues.extend(cross_file_duplicates(&knowledge.actors));
    (knowledge, issues)
}

/// `countries.txt`: `CODE | names | adjectives | capitals`, in `[countries]` and
/// `[regions]` sections.
pub fn parse_countries(file: &str, text: &str) -> (Vec<ActorEntry>, Vec<DictIssue>) {
    let mut r = Reader::new(file);
    let mut section = "countries".to_string();
    for (line_no, line) in lines(text) {
        if let Some(name) = section_name(line) {
            if name != "countries" && name != "regions" {
                r.error(line_no, format!("unknown section [{name}]; expected [countries] or [regions]"));
            }
            section = name;
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        if fields.len() < 2 || fields.len() > 4 {
            r.error(
                line_no,
                format!(
                    "expected 'CODE | names | adjectives | capitals' (2 to 4 fields), found {} field(s)",
                    fields.len()
                ),
            );
            continue;
        }
        let code = fields[0];
        if let Err(why) = check_code(code) {
            r.error(line_no, why);
            continue;
        }
        let names = items(fields[1]);
        let Some(first) = names.first().cloned() else {
            r.error(line_no, "no names given".to_string());
            continue;
        };
        let region = section == "regions";
        let codes = vec![DatedCode::always(code)];
        let place_kind = if region { ActorKind::Region } else { ActorKind::Country };
        for name in &names {
            r.actor(line_no, name, &codes, &first, place_kind);
        }
        for adjective in fields.get(2).map(|f| items(f)).unwrap_or_default() {
            r.actor(line_no, &adjective, &codes, &first, ActorKind::Adjective);
        }
        let city_kind = if region { ActorKind::Region } else { ActorKind::Capital };
        for city in fields.get(3).map(|f| items(f)).unwrap_or_default() {
            r.actor(line_no, &city, &codes, &city, city_kind);
        }
    }
    r.finish_actors()
}

/// `organizations.txt`: `CODES | names | adjectives`, in `[organizations]`,
/// `[institutions]`, `[regions]` and `[groups]` sections.
pub fn parse_organizations(file: &str, text: &str) -> (Vec<ActorEntry>, Vec<DictIssue>) {
    let mut r = Reader::new(file);
    let mut kind = ActorKind::Organization;
    for (line_no, line) in lines(text) {
        if let Some(name) = section_name(line) {
            kind = match name.as_str() {
                "organizations" | "organisations" | "institutions" => ActorKind::Organization,
                "regions" => ActorKind::Region,
                "groups" => ActorKind::Group,
                _ => {
                    r.error(
                        line_no,
                        format!(
                            "unknown section [{name}]; expected [organizations], [institutions], [regions] or [groups]"
                        ),
                    );
                    kind
                }
            };
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        if fields.len() < 2 || fields.len() > 3 {
            r.error(
                line_no,
                format!("expected 'CODES | names | adjectives' (2 or 3 fields), found {} field(s)", fields.len()),
            );
            continue;
        }
        let codes = match parse_dated_codes(fields[0]) {
            Ok(codes) => codes,
            Err(why) => {
                r.error(line_no, why);
                continue;
            }
        };
        let names = items(fields[1]);
        let Some(first) = names.first().cloned() else {
            r.error(line_no, "no names given".to_string());
            continue;
        };
        for name in &names {
            r.actor(line_no, name, &codes, &first, kind);
        }
        for adjective in fields.get(2).map(|f| items(f)).unwrap_or_default() {
            r.actor(line_no, &adjective, &codes, &first, ActorKind::Adjective);
        }
    }
    r.finish_actors()
}

/// `people.txt`: `names | CODE FROM..TO (note); ...`.
pub fn parse_people(file: &str, text: &str) -> (Vec<ActorEntry>, Vec<DictIssue>) {
    let mut r = Reader::new(file);
    for (line_no, line) in lines(text) {
        let Some(fields) = r.two_fields(line_no, line, "names | CODE FROM..TO; ...") else { continue };
        let codes = match parse_dated_codes(fields[1]) {
            Ok(codes) if !codes.is_empty() => codes,
            Ok(_) => {
                r.error(line_no, "no codes given".to_string());
                continue;
            }
            Err(why) => {
                r.error(line_no, why);
                continue;
            }
        };
        let names = items(fields[0]);
        let Some(first) = names.first().cloned() else {
            r.error(line_no, "no names given".to_string());
            continue;
        };
        for name in &names {
            r.actor(line_no, name, &codes, &first, ActorKind::Person);
        }
    }
    r.finish_actors()
}

/// `roles.txt`: `CODE | phrases`, where `GOV` or `~GOV` is a suffix and `NGO~` a prefix;
/// `CODE (weapons) | phrases` marks weapons that stand for their force.
pub fn parse_roles(file: &str, text: &str) -> (Vec<AgentEntry>, Vec<DictIssue>) {
    let mut r = Reader::new(file);
    let mut agents = Vec::new();
    let mut seen: HashMap<Vec<String>, (String, usize)> = HashMap::new();
    for (line_no, line) in lines(text) {
        let Some(fields) = r.two_fields(line_no, line, "CODE | phrase; phrase; ...") else { continue };
        let (code_field, weapon) = match fields[0].strip_suffix("(weapons)") {
            Some(c) => (c.trim_end(), true),
            None => (fields[0], false),
        };
        let (code, placement) = match code_field {
            c if c.len() > 1 && c.ends_with('~') && !c.starts_with('~') => (&c[..c.len() - 1], AgentPlacement::Prefix),
            c if c.len() > 1 && c.starts_with('~') && !c.ends_with('~') => (&c[1..], AgentPlacement::Suffix),
            c => (c, AgentPlacement::Suffix),
        };
        if let Err(why) = check_code(code) {
            r.error(line_no, why);
            continue;
        }
        let phrases = items(fields[1]);
        if phrases.is_empty() {
            r.error(line_no, "no phrases given".to_string());
        }
        let marker = match placement {
            AgentPlacement::Prefix => format!("{code}~"),
            AgentPlacement::Suffix => format!("~{code}"),
        };
        for text in phrases {
            let Some(phrase) = phrase_words(&text) else {
                r.error(line_no, format!("phrase {text:?} has no words"));
                continue;
            };
            let key: Vec<String> = phrase.iter().map(|w| w.text.clone()).collect();
            match seen.get(&key) {
                Some((other, other_line)) if *other != marker => {
                    r.warning(line_no, format!("role {text:?} is also {other} on line {other_line}; both are kept"))
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (marker.clone(), line_no));
                }
            }
            agents.push(AgentEntry {
                phrase,
                code: code.to_string(),
                placement,
                rule: format!("{file}:{line_no}"),
                weapon,
            });
        }
    }
    (agents, r.issues)
}

/// The words of a phrase, cut as the tokenizer cuts text; `None` when it has none.
pub fn phrase_words(text: &str) -> Option<Vec<PhraseWord>> {
    let words: Vec<PhraseWord> =
        tokenize(text, 0, text.len()).into_iter().map(|t| PhraseWord { text: t.lower, stem: false }).collect();
    (!words.is_empty()).then_some(words)
}

/// Reads `CODE`, `CODE FROM..TO` or several such separated by `;`, each optionally
/// followed by a parenthesised note.
pub fn parse_dated_codes(field: &str) -> Result<Vec<DatedCode>, String> {
    let mut out = Vec::new();
    for spec in split_outside_parens(field) {
        let spec = match spec.find('(') {
            Some(i) => {
                if !spec[i..].trim_end().ends_with(')') {
                    return Err(format!("unclosed note in {:?}", spec.trim()));
                }
                &spec[..i]
            }
            None => spec,
        };
        let parts: Vec<&str> = spec.split_whitespace().collect();
        match parts.as_slice() {
            [] => continue,
            [code] => {
                check_code(code)?;
                out.push(DatedCode::always(code));
            }
            [code, range] => {
                check_code(code)?;
                let Some((from, to)) = range.split_once("..") else {
                    return Err(format!("date range {range:?} of {code} should be FROM..TO"));
                };
                let from = if from.is_empty() { None } else { Some(parse_date(from, false)?) };
                let to = if to.is_empty() { None } else { Some(parse_date(to, true)?) };
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        return Err(format!("date range {range:?} of {code} ends before it starts"));
                    }
                }
                out.push(DatedCode { code: code.to_string(), from, to });
            }
            _ => return Err(format!("cannot read {:?}: expected CODE or CODE FROM..TO", spec.trim())),
        }
    }
    Ok(out)
}

/// Splits at `;` that are not inside a parenthesised note.
fn split_outside_parens(field: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in field.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                parts.push(&field[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&field[start..]);
    parts
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date is the first day of its period,
/// or the last when `end` is set.
fn parse_date(s: &str, end: bool) -> Result<NaiveDate, String> {
    let bad = || format!("date {s:?} is not YYYY-MM-DD, YYYY-MM or YYYY");
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| -> Result<u32, String> {
        if p.len() == len && p.chars().all(|c| c.is_ascii_digit()) {
            p.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = number(parts[0], 4)? as i32;
    let month = match parts.get(1) {
        Some(m) => Some(number(m, 2)?),
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) => Some(number(d, 2)?),
        None => None,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    let date = match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
        (Some(m), None) if end => NaiveDate::from_ymd_opt(year, m, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1),
        (None, _) if end => NaiveDate::from_ymd_opt(year, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(year, 1, 1),
    };
    date.ok_or_else(|| format!("date {s:?} does not exist"))
}

/// An actor or sector code: capital letters only.
fn check_code(code: &str) -> Result<(), String> {
    if code.is_empty() {
        Err("missing code".to_string())
    } else if !code.chars().all(|c| c.is_ascii_uppercase()) {
        Err(format!("code {code:?} should be capital letters only (like ARM, IGOUNO, GOV)"))
    } else {
        Ok(())
    }
}

/// Non-empty `;`-separated items of a field.
fn items(field: &str) -> Vec<String> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Numbered lines with comments and blank lines removed.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = match raw.find('#') {
            Some(j) => &raw[..j],
            None => raw,
        }
        .trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

/// `[name]` → `name`, lowercased.
pub(crate) fn section_name(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?.strip_suffix(']')?;
    Some(inner.trim().to_lowercase())
}

/// Collects the entries and issues of one file and spots phrases listed twice.
struct Reader<'a> {
    file: &'a str,
    actors: Vec<ActorEntry>,
    issues: Vec<DictIssue>,
    /// Phrase words → (codes key, first line).
    seen: HashMap<Vec<String>, (String, usize)>,
}

impl<'a> Reader<'a> {
    fn new(file: &'a str) -> Self {
        Reader { file, actors: Vec::new(), issues: Vec::new(), seen: HashMap::new() }
    }

    fn error(&mut self, line: usize, message: String) {
        self.issues.push(DictIssue { file: self.file.to_string(), line, message, severity: Severity::Error });
    }

    /// The two `|`-separated fields of a line in a file without sections, or an
    /// error naming the expected `shape`.
    fn two_fields<'l>(&mut self, line_no: usize, line: &'l str, shape: &str) -> Option<[&'l str; 2]> {
        if let Some(name) = section_name(line) {
            self.error(line_no, format!("{} has no sections, found [{name}]", self.file));
            return None;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        match fields[..] {
            [a, b] => Some([a, b]),
            _ => {
                self.error(line_no, format!("expected '{shape}' (2 fields), found {} field(s)", fields.len()));
                None
            }
        }
    }

    fn warning(&mut self, line: usize, message: String) {
        self.issues.push(DictIssue { file: self.file.to_string(), line, message, severity: Severity::Warning });
    }

    fn actor(&mut self, line: usize, text: &str, codes: &[DatedCode], name: &str, kind: ActorKind) {
        let Some(phrase) = phrase_words(text) else {
            self.error(line, format!("phrase {text:?} has no words"));
            return;
        };
        let key: Vec<String> = phrase.iter().map(|w| w.text.clone()).collect();
        let codes_key = codes_key(codes);
        match self.seen.get(&key) {
            Some((other, other_line)) if *other != codes_key => {
                let other_line = *other_line;
                self.warning(
                    line,
                    format!("{text:?} is also listed on line {other_line} with other codes; both are kept"),
                );
            }
            Some(_) => {}
            None => {
                self.seen.insert(key, (codes_key, line));
            }
        }
        self.actors.push(ActorEntry {
            phrase,
            codes: codes.to_vec(),
            name: name.to_string(),
            kind,
            rule: format!("{}:{line}", self.file),
        });
    }

    fn finish_actors(self) -> (Vec<ActorEntry>, Vec<DictIssue>) {
        (self.actors, self.issues)
    }
}

/// The codes of an entry without their dates, for spotting conflicting duplicates.
fn codes_key(codes: &[DatedCode]) -> String {
    let mut v: Vec<&str> = codes.iter().map(|c| c.code.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    v.join(",")
}

/// Warnings for a phrase that two different files give different codes.
fn cross_file_duplicates(actors: &[ActorEntry]) -> Vec<DictIssue> {
    let mut first: HashMap<Vec<&str>, &ActorEntry> = HashMap::new();
    let mut issues = Vec::new();
    for a in actors {
        let key: Vec<&str> = a.phrase.iter().map(|w| w.text.as_str()).collect();
        match first.get(&key) {
            Some(b) if rule_file(&b.rule) != rule_file(&a.rule) && codes_key(&b.codes) != codes_key(&a.codes) => {
                let (file, line) = split_rule(&a.rule);
                issues.push(DictIssue {
                    file: file.to_string(),
                    line,
                    message: format!(
                        "{:?} is also {} at {}; both are kept",
                        key.join(" "),
                        codes_key(&b.codes),
                        b.rule
                    ),
                    severity: Severity::Warning,
                });
            }
            Some(_) => {}
            None => {
                first.insert(key, a);
            }
        }
    }
    issues
}

fn rule_file(rule: &str) -> &str {
    split_rule(rule).0
}

fn split_rule(rule: &str) -> (&str, usize) {
    match rule.rsplit_once(':') {
        Some((file, line)) => (file, line.parse().unwrap_or(0)),
        None => (rule, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn words(text: &str) -> Vec<String> {
        phrase_words(text).unwrap().into_iter().map(|w| w.text).collect()
    }

    fn find<'a>(actors: &'a [ActorEntry], text: &str) -> Vec<&'a ActorEntry> {
        let w = words(text);
        actors.iter().filter(|a| a.phrase.iter().map(|p| &p.text).eq(w.iter())).collect()
    }

    fn one<'a>(actors: &'a [ActorEntry], text: &str) -> &'a ActorEntry {
        let found = find(actors, text);
        assert!(!found.is_empty(), "{text:?} not found");
        found[0]
    }

    /// The code an entry gives on a date: the first valid one.
    fn code_on(entry: &ActorEntry, day: &str) -> Option<String> {
        entry.codes.iter().find(|c| c.valid_on(date(day))).map(|c| c.code.clone())
    }

    fn builtin() -> &'static (BuiltinKnowledge, Vec<DictIssue>) {
        static B: std::sync::OnceLock<(BuiltinKnowledge, Vec<DictIssue>)> = std::sync::OnceLock::new();
        B.get_or_init(load_builtin)
    }

    /// The 193 UN member states, as codes in CAMEO's convention.
    const UN_MEMBERS: &[&str] = &[
        "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR",
        "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN",
        "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI",
        "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
        "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ",
        "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR",
        "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA",
        "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "PRK", "MKD",
        "NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "ROU", "RUS", "RWA",
        "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
        "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "TZA", "THA", "TMP", "TGO", "TON", "TTO",
        "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
        "ZWE",
    ];

    #[test]
    fn builtin_files_parse_without_errors() {
        let (_, issues) = builtin();
        let errors: Vec<_> = issues.iter().filter(|i| i.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(BUILTIN_FILES.len(), 4);
    }

    #[test]
    fn countries_cover_the_un_and_observers() {
        let (k, _) = builtin();
        assert_eq!(UN_MEMBERS.len(), 193);
        let countries: std::collections::HashSet<&str> =
            k.actors.iter().filter(|a| a.kind == ActorKind::Country).map(|a| a.codes[0].code.as_str()).collect();
        for code in UN_MEMBERS {
            assert!(countries.contains(code), "UN member {code} missing");
        }
        assert!(countries.contains("PSE") && countries.contains("VAT"));
        assert!(countries.len() >= 195, "{} countries", countries.len());
        for code in ["KSV", "TWN", "ESH", "HKG", "MAC", "PRI", "GRL"] {
            assert!(countries.contains(code), "{code} missing");
        }
    }

    #[test]
    fn country_spot_checks() {
        let (k, _) = builtin();
        let a = &k.actors;
        let yerevan = one(a, "Yerevan");
        assert_eq!(
            (yerevan.kind, yerevan.codes[0].code.as_str(), yerevan.name.as_str()),
            (ActorKind::Capital, "ARM", "Yerevan")
        );
        let azerbaijani = one(a, "Azerbaijani");
        assert_eq!(
            (azerbaijani.kind, azerbaijani.codes[0].code.as_str(), azerbaijani.name.as_str()),
            (ActorKind::Adjective, "AZE", "Azerbaijan")
        );
        assert_eq!(one(a, "Azeri").codes[0].code, "AZE");
        let armenia = one(a, "Republic of Armenia");
        assert_eq!((armenia.kind, armenia.name.as_str()), (ActorKind::Country, "Armenia"));
        for (text, code) in [
            ("U.S.", "USA"),
            ("the US", "USA"),
            ("America", "USA"),
            ("Britain", "GBR"),
            ("Great Britain", "GBR"),
            ("Russian Federation", "RUS"),
            ("DPRK", "PRK"),
            ("Republic of Korea", "KOR"),
            ("Ivory Coast", "CIV"),
            ("Côte d'Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("DRC", "COD"),
            ("Congo-Kinshasa", "COD"),
            ("Burma", "MMR"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Kosovo", "KSV"),
            ("Romania", "ROU"),
            ("Emirati", "ARE"),
            ("Congolese", "COD"),
            ("Palestinians", "PSE"),
            ("Israeli", "ISR"),
            ("Jerusalem", "ISR"),
            ("Pretoria", "ZAF"),
            ("Sucre", "BOL"),
            ("The Hague", "NLD"),
            ("Kyiv", "UKR"),
            ("Kiev", "UKR"),
            ("People's Republic of China", "CHN"),
        ] {
            assert_eq!(one(a, text).codes[0].code, code, "{text}");
        }
        assert_eq!(words("Côte d'Ivoire"), ["côte", "d'ivoire"]);
        assert_eq!(words("U.S."), ["u.s."]);
        assert_eq!(words("People's Republic of China"), ["people", "'s", "republic", "of", "china"]);
        let karabakh = one(a, "Nagorno-Karabakh");
        assert_eq!(karabakh.phrase.len(), 1);
        assert_eq!((karabakh.kind, karabakh.codes[0].code.as_str()), (ActorKind::Region, "AZE"));
        assert_eq!(one(a, "Stepanakert").kind, ActorKind::Region);
        assert_eq!(one(a, "Crimea").codes[0].code, "UKR");
        assert_eq!(one(a, "Gaza").codes[0].code, "PSE");
        assert_eq!(one(a, "Abkhazia").codes[0].code, "GEO");
        assert!(find(a, "Brussels").iter().all(|e| e.codes[0].code == "IGOEUREEC"));
    }

    #[test]
    fn organisation_spot_checks() {
        let (k, _) = builtin();
        let a = &k.actors;
        let orgs: std::collections::HashSet<&str> = a
            .iter()
            .filter(|e| {
                e.kind == ActorKind::Organization
                    && (e.codes[0].code.starts_with("IGO") || e.codes[0].code.starts_with("NGO"))
            })
            .map(|e| e.rule.as_str())
            .collect();
        assert!(orgs.len() >= 150, "{} organisations", orgs.len());
        let west = one(a, "the West");
        assert_eq!((west.kind, west.codes[0].code.as_str()), (ActorKind::Region, "WST"));
        assert_eq!(one(a, "European Union").codes[0].code, "IGOEUREEC");
        assert_eq!(one(a, "European Commission").codes[0].code, "IGOEUREEC");
        assert_eq!(one(a, "United Nations").codes[0].code, "IGOUNO");
        assert_eq!(one(a, "NATO").codes[0].code, "IGOWSTNAT");
        assert_eq!(one(a, "Kremlin").codes[0].code, "RUSGOV");
        assert_eq!(one(a, "Middle East").codes[0].code, "MEA");
        assert_eq!(one(a, "South Caucasus").codes[0].code, "CAU");
        assert!(find(a, "WHO").is_empty() && find(a, "IS").is_empty(), "pronoun-like acronyms");
        let hamas = one(a, "Hamas");
        assert_eq!((hamas.kind, hamas.codes[0].code.as_str()), (ActorKind::Group, "PSEREB"));
        let taliban = one(a, "Taliban");
        assert_eq!(code_on(taliban, "2010-01-01").as_deref(), Some("AFGREB"));
        assert_eq!(code_on(taliban, "2022-01-01").as_deref(), Some("AFGGOV"));
        let hts = one(a, "HTS");
        assert_eq!(code_on(hts, "2024-12-01").as_deref(), Some("SYRREB"));
        assert_eq!(code_on(hts, "2025-02-01").as_deref(), Some("SYRGOV"));
    }

    #[test]
    fn people_spot_checks() {
        let (k, _) = builtin();
        let a = &k.actors;
        let pashinyan = one(a, "Pashinyan");
        assert_eq!((pashinyan.kind, pashinyan.name.as_str()), (ActorKind::Person, "Nikol Pashinyan"));
        assert_eq!(code_on(pashinyan, "2024-01-18").as_deref(), Some("ARMGOV"));
        assert_ne!(code_on(pashinyan, "2017-01-01").as_deref(), Some("ARMGOV"));
        assert_eq!(code_on(one(a, "Ilham Aliyev"), "2024-01-18").as_deref(), Some("AZEGOV"));
        assert_eq!(code_on(one(a, "Aliyev"), "2010-05-01").as_deref(), Some("AZEGOV"));
        let bayramov = one(a, "Bayramov");
        assert_eq!(code_on(bayramov, "2020-07-16").as_deref(), Some("AZEGOV"));
        assert!(bayramov.codes.iter().any(|c| c.from == Some(date("2020-07-16"))));
        assert_eq!(code_on(one(a, "Galuzin"), "2023-06-01").as_deref(), Some("RUSGOV"));
        let putin = one(a, "Putin");
        assert_eq!(code_on(putin, "2010-01-01").as_deref(), Some("RUSGOV"));
        assert_eq!(code_on(putin, "1995-01-01"), None);
        let trump = one(a, "Trump");
        assert_eq!(code_on(trump, "2018-01-01").as_deref(), Some("USAGOV"));
        assert_eq!(code_on(trump, "2023-01-01").as_deref(), Some("USAELI"));
        assert_eq!(code_on(trump, "2025-06-01").as_deref(), Some("USAGOV"));
        assert_eq!(code_on(one(a, "Lavrov"), "2024-01-01").as_deref(), Some("RUSGOV"));
        assert_eq!(code_on(one(a, "Ahmed al-Sharaa"), "2025-03-01").as_deref(), Some("SYRGOV"));
        assert_eq!(code_on(one(a, "Hemedti"), "2024-01-01").as_deref(), Some("SDNREB"));
        // Heads of state, government, foreign and defence ministers of many countries.
        let countries: std::collections::HashSet<&str> = a
            .iter()
            .filter(|e| e.kind == ActorKind::Person)
            .flat_map(|e| e.codes.iter())
            .filter(|c| !["IGO", "NGO", "IMG"].contains(&&c.code[..3]))
            .map(|c| &c.code[..3])
            .collect();
        assert!(countries.len() >= 60, "people for {} countries", countries.len());
    }

    #[test]
    fn role_spot_checks() {
        let (k, _) = builtin();
        assert!(k.agents.len() >= 300, "{} role phrases", k.agents.len());
        let role = |text: &str| {
            let w = words(text);
            k.agents
                .iter()
                .find(|g| g.phrase.iter().map(|p| &p.text).eq(w.iter()))
                .unwrap_or_else(|| panic!("role {text:?} missing"))
        };
        for (text, code) in [
            ("ambassador", "GOV"),
            ("ambassadors", "GOV"),
            ("foreign ministry", "GOV"),
            ("Ministry of Foreign Affairs", "GOV"),
            ("side", "GOV"),
            ("leadership", "GOV"),
            ("peacekeepers", "MIL"),
            ("troops", "MIL"),
            ("security forces", "MIL"),
            ("police", "COP"),
            ("rebels", "REB"),
            ("militants", "REB"),
            ("opposition", "OPP"),
            ("protesters", "OPP"),
            ("court", "JUD"),
            ("lawmakers", "LEG"),
            ("company", "BUS"),
            ("journalists", "MED"),
            ("refugees", "REF"),
            ("students", "EDU"),
            ("doctors", "HLH"),
            ("clerics", "REL"),
            ("defence minister", "GOVMIL"),
        ] {
            let g = role(text);
            assert_eq!((g.code.as_str(), g.placement), (code, AgentPlacement::Suffix), "{text}");
        }
        assert_eq!(role("NGO").placement, AgentPlacement::Prefix);
        assert_eq!(role("aid group").code, "NGO");
    }

    #[test]
    fn dated_codes() {
        let codes = parse_dated_codes(
            "RUSGOV 2000-05-07..2008-05-07 (president); RUSGOV 2008..2012-05 (PM); RUSGOV 2012-05-07..; RUSELI",
        )
        .unwrap();
        assert_eq!(codes.len(), 4);
        assert_eq!(codes[1].from, Some(date("2008-01-01")));
        assert_eq!(codes[1].to, Some(date("2012-05-31")));
        assert_eq!(codes[2].to, None);
        assert_eq!(codes[3], DatedCode::always("RUSELI"));
        assert_eq!(parse_dated_codes("X ..2001").unwrap()[0].to, Some(date("2001-12-31")));
        assert_eq!(parse_dated_codes("X 2024-02..2024-02").unwrap()[0].to, Some(date("2024-02-29")));
        assert!(parse_dated_codes("ARMGOV 2018-13-01..").is_err());
        assert!(parse_dated_codes("ARMGOV 2018-02-30..").is_err());
        assert!(parse_dated_codes("ARMGOV 2019..2018").is_err());
        assert!(parse_dated_codes("ARMGOV 2018").is_err());
        assert!(parse_dated_codes("armgov").is_err());
        assert!(parse_dated_codes("ARMGOV 2018.. extra").is_err());
        assert!(parse_dated_codes("ARMGOV 2018.. (note").is_err());
        let noted =
            parse_dated_codes("KORGOV 2022-05-10..2025-04-04 (president; suspended); KORELI 2025-04-05..").unwrap();
        assert_eq!(noted.len(), 2);
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let text = "# comment\n[countries]\nARM | Armenia | Armenian | Yerevan\nnot a line\nxyz | Foo\nAZE |  \n\
                    ARM | Armenia | a | b | c\n[moon]\nGEO | Georgia\nAZE | Armenia\n";
        let (actors, issues) = parse_countries("c.txt", text);
        assert_eq!(actors.len(), 4 + 1);
        let errors: Vec<usize> = issues.iter().filter(|i| i.severity == Severity::Error).map(|i| i.line).collect();
        assert_eq!(errors, [4, 5, 6, 7, 8]);
        let warnings: Vec<usize> = issues.iter().filter(|i| i.severity == Severity::Warning).map(|i| i.line).collect();
        assert_eq!(warnings, [10]);
        assert_eq!(actors[0].rule, "c.txt:3");

        let (people, issues) = parse_people("p.txt", "A B | ARMGOV 2018..\nC | \nD | XGOV 2018-99..\nE\n|ARMGOV\n");
        assert_eq!(people.len(), 1);
        assert_eq!(issues.len(), 4);
        let (orgs, issues) =
            parse_organizations("o.txt", "[groups]\nAFGREB ..2021-08-14; AFGGOV 2021-08-15.. | Taliban\n[x]\nIGO | \n");
        assert_eq!(orgs.len(), 1);
        assert_eq!(orgs[0].kind, ActorKind::Group);
        assert_eq!(issues.len(), 2);
        let (roles, issues) = parse_roles(
            "r.txt",
            "GOV | minister; ministers\nNGO~ | charity\n~MIL | troops\ngov | x\nREB\nCOP | troops\n",
        );
        assert_eq!(roles.len(), 5);
        assert_eq!(roles[2].placement, AgentPlacement::Prefix);
        assert_eq!(roles[3].code, "MIL");
        assert_eq!(issues.iter().filter(|i| i.severity == Severity::Error).count(), 2);
        assert_eq!(issues.iter().filter(|i| i.severity == Severity::Warning).count(), 1);
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            "",
            "|",
            "||||",
            "[",
            "]",
            "[]",
            "ü | ü | ü | ü",
            "ARM | ; ; ;",
            "A | B ..",
            "X | Y 2020-..-01",
            "X | Y ....",
            "X | Y 2020-01-01..2020-01-01..",
            "\u{0} | \u{FEFF}",
            "NGO~~ | x",
            "~ | x",
            "~~ | x",
            "X | Y (",
            "X | Y )(",
            "# only",
            "   \t  ",
        ];
        for s in samples {
            let _ = parse_countries("f", s);
            let _ = parse_organizations("f", s);
            let _ = parse_people("f", s);
            let _ = parse_roles("f", s);
            let _ = parse_dated_codes(s);
        }
    }
}
