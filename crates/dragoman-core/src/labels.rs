//! Readable labels for actors and events, as ICEWS and GDELT give them.
//!
//! A coded actor is a CAMEO code ("RUSGOV", "IGOWSTNAT", "ARMGOVMIL") plus the
//! dictionary entry that matched. The entry's name is whatever the text happened to
//! say ("Moscow", "the Kremlin", "Zhongnanhai"), which is evidence, not a label. The
//! label is read from the code instead, in three parts:
//!
//! - `country`: the ISO 3166 alpha-3 code the actor belongs to, or none for
//!   international and non-governmental organisations and regions ("the West");
//! - `sector`: the first role after the country or organisation (GOV, MIL, COP …);
//! - `name`: the country's primary name from `countries.txt`, or an organisation's or
//!   region's from `organizations.txt`, then the sector's name after a colon and any
//!   further roles in parentheses: "Russia: government", "Armenia: government
//!   (military)", "NATO", "Russia: NGO". A person (or a named armed group, party or
//!   movement) keeps their own name with the label in parentheses: "Nikol Pashinyan
//!   (Armenia: government)", "Hamas (Palestine: rebels)".
//!
//! An event's `description` puts the two names around an English past-tense phrase for
//! its CAMEO code, from `cameo-phrases.tsv`: "Russia: government criticized or denounced
//! Armenia: government".
//!
//! Everything here is a pure function of the code, the matched name and the built-in
//! files, so it can run at the end of coding without touching the coder's logic.

use std::sync::OnceLock;

use crate::builtin::{lines, section_name, BUILTIN_FILES};
use crate::fxhash::FxHashMap;

type FxHashSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<crate::fxhash::FxHasher>>;

/// The three readable parts of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorLabel {
    pub name: String,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// Names of the three-letter roles (sectors) of CAMEO actor codes.
pub const SECTORS: &[(&str, &str)] = &[
    ("GOV", "government"),
    ("MIL", "military"),
    ("COP", "police"),
    ("JUD", "judiciary"),
    ("LEG", "legislature"),
    ("OPP", "opposition"),
    ("PTY", "political party"),
    ("REB", "rebels"),
    ("INS", "insurgents"),
    ("SEP", "separatists"),
    ("UAF", "armed group"),
    ("SPY", "intelligence"),
    ("CVL", "civilians"),
    ("MED", "media"),
    ("BUS", "business"),
    ("LAB", "labour"),
    ("EDU", "education"),
    ("REF", "refugees"),
    ("HLH", "health"),
    ("REL", "religion"),
    ("HRI", "human rights"),
    ("ENV", "environment"),
    ("AGR", "agriculture"),
    ("DEV", "development"),
    ("CRM", "criminals"),
    ("ELI", "elites"),
    ("RAD", "radicals"),
    ("MOD", "moderates"),
    ("SET", "settlers"),
    ("IGO", "intergovernmental organization"),
    ("NGO", "NGO"),
    ("NGM", "non-governmental movement"),
    ("MNC", "multinational corporation"),
    ("IMG", "international militarized group"),
    ("UIS", "unidentified state actor"),
];

/// The name of a sector code ("COP" → "police").
pub fn sector_name(code: &str) -> Option<&'static str> {
    SECTORS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Prefixes that make an organisation of what follows ("NGO" + "RUS" → NGORUS).
const ORG_PREFIXES: &[&str] = &["IGO", "NGO", "MNC", "IMG", "NGM"];

const PHRASES_TSV: &str = include_str!("../../../dictionaries/cameo-phrases.tsv");

/// A code read into the parts its label is made of.
struct CodeParts<'c> {
    base: Option<&'c str>,
    country: Option<&'c str>,
    /// The known sectors after the base, named in the label.
    sectors: Vec<&'c str>,
    sector: Option<&'c str>,
    /// The code opens with IGO, NGO, MNC …
    organization: bool,
}

/// The tables the labels are read from, built once from the built-in files.
#[derive(Debug, Default)]
pub struct Labeller {
    /// Country code → its primary name.
    countries: FxHashMap<String, String>,
    /// Organisation or region code → the primary name of its first entry.
    organizations: FxHashMap<String, String>,
    /// Primary names of named groups (parties, armed groups, movements).
    groups: FxHashSet<String>,
    /// Primary names of the people in `people.txt`.
    people: FxHashSet<String>,
    /// CAMEO code → past-tense phrase template.
    phrases: FxHashMap<String, String>,
}

impl Labeller {
    /// The labeller over the built-in dictionaries.
    pub fn builtin() -> &'static Labeller {
        static L: OnceLock<Labeller> = OnceLock::new();
        L.get_or_init(|| {
            let file = |name: &str| BUILTIN_FILES.iter().find(|(f, _)| *f == name).map_or("", |(_, t)| *t);
            let mut l = Labeller::new(file("countries.txt"), file("organizations.txt"), PHRASES_TSV);
            for (_, line) in lines(file("people.txt")) {
                if let Some(name) = first_name(line.split('|').next()) {
                    l.people.insert(name.to_string());
                }
            }
            l
        })
    }

    /// Builds the tables from the text of `countries.txt`, `organizations.txt` and
    /// `cameo-phrases.tsv`.
    pub fn new(countries: &str, organizations: &str, phrases: &str) -> Labeller {
        let mut l = Labeller::default();
        let mut section = String::new();
        for (_, line) in lines(countries) {
            if let Some(s) = section_name(line) {
                section = s;
                continue;
            }
            let mut fields = line.split('|').map(str::trim);
            let code = fields.next().unwrap_or_default();
            if let (false, Some(name)) = (section == "regions", first_name(fields.next())) {
                l.countries.entry(code.to_string()).or_insert_with(|| name.to_string());
            }
        }
        section.clear();
        for (_, line) in lines(organizations) {
            if let Some(s) = section_name(line) {
                section = s;
                continue;
            }
            let mut fields = line.split('|').map(str::trim);
            let codes = fields.next().unwrap_or_default();
            let Some(name) = first_name(fields.next()) else { continue };
            if section == "groups" {
                l.groups.insert(name.to_string());
                continue;
            }
            if section == "institutions" {
                continue;
            }
            let name = short_name(fields_names(line)).unwrap_or(name);
            // "IGOX ..2020-01-01; IGOY 2020-01-02..": each dated code names the entry.
            for code in codes.split(';').filter_map(|c| c.split_whitespace().next()) {
                l.organizations.entry(code.to_string()).or_insert_with(|| name.to_string());
            }
        }
        for (_, line) in lines(phrases) {
            if let Some((code, phrase)) = line.split_once('\t') {
                l.phrases.insert(code.trim().to_string(), phrase.trim().to_string());
            }
        }
        l
    }

    /// The label of an actor coded `code`, matched by the entry named `name`; `person`
    /// when the entry is a person.
    pub fn label(&self, code: &str, name: &str, person: bool) -> ActorLabel {
        let parts = self.parse_code(code);
        let mut label = String::new();
        if let Some(b) = parts.base {
            label.push_str(b);
        }
        if let Some((first, rest)) = parts.sectors.split_first() {
            let first = sector_name(first).unwrap_or(first);
            if !label.is_empty() {
                label.push_str(": ");
            }
            label.push_str(first);
            if !rest.is_empty() {
                let rest: Vec<&str> = rest.iter().map(|s| sector_name(s).unwrap_or(s)).collect();
                label.push_str(&format!(" ({})", rest.join(", ")));
            }
        }
        let own_name = !name.is_empty() && name != code;
        let name = if (person || self.groups.contains(name)) && own_name {
            if label.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({label})")
            }
        } else if (parts.base.is_none() && parts.organization) || label.is_empty() {
            // A code the built-in tables do not know (a community dictionary's
            // organisation, say): the dictionary's own name, else what the code says.
            if own_name {
                name.to_string()
            } else if label.is_empty() {
                code.to_string()
            } else {
                label
            }
        } else {
            label
        };
        ActorLabel { name, country: parts.country.map(str::to_string), sector: parts.sector.map(str::to_string) }
    }

    /// The label of an actor stored before labels were (a database written by an older
    /// Dragoman keeps the dictionary name): a person is known by that name being a
    /// person's in `people.txt`.
    pub fn relabel(&self, code: &str, stored_name: &str) -> ActorLabel {
        self.label(code, stored_name, self.people.contains(stored_name))
    }

    /// Reads a code as its base (country, organisation or region), its country, the
    /// sectors its name adds after the base, and its sector.
    fn parse_code<'c>(&'c self, code: &'c str) -> CodeParts<'c> {
        let chunks: Vec<&str> =
            (0..code.len()).step_by(3).filter_map(|i| code.get(i..(i + 3).min(code.len()))).collect();
        let sectors = |rest: &[&'c str]| rest.iter().copied().filter(|c| sector_name(c).is_some()).collect::<Vec<_>>();
        let organization = chunks.first().is_some_and(|c| ORG_PREFIXES.contains(c));
        // An organisation's sector is its field ("NGOHRIAMN": human rights), read past
        // the prefix that makes it one.
        let org_sector = || sectors(chunks.get(1..).unwrap_or_default()).first().copied();
        // The longest run of leading chunks that names an organisation or region.
        for n in (1..=chunks.len()).rev() {
            let prefix = &code[..chunks[..n].iter().map(|c| c.len()).sum::<usize>()];
            if let Some(org) = self.organizations.get(prefix) {
                let after = sectors(&chunks[n..]);
                let sector = if organization { org_sector() } else { after.first().copied() };
                return CodeParts { base: Some(org.as_str()), country: None, sectors: after, sector, organization };
            }
        }
        match chunks.as_slice() {
            [first, rest @ ..] if self.countries.contains_key(*first) => {
                let s = sectors(rest);
                CodeParts {
                    base: self.countries.get(*first).map(String::as_str),
                    country: Some(first),
                    sector: s.first().copied(),
                    sectors: s,
                    organization: false,
                }
            }
            // "NGORUS": an NGO of Russia.
            [prefix, second, rest @ ..] if organization && self.countries.contains_key(*second) => {
                let mut s = vec![*prefix];
                s.extend(sectors(rest));
                CodeParts {
                    base: self.countries.get(*second).map(String::as_str),
                    country: Some(second),
                    sector: Some(prefix),
                    sectors: s,
                    organization: false,
                }
            }
            _ if organization => {
                CodeParts { base: None, country: None, sectors: sectors(&chunks), sector: org_sector(), organization }
            }
            _ => {
                let s = sectors(&chunks);
                CodeParts { base: None, country: None, sector: s.first().copied(), sectors: s, organization }
            }
        }
    }

    /// A one-line English description of an event: the source's name, the past-tense
    /// phrase of the CAMEO code, and the target's name where the phrase puts it.
    pub fn describe(&self, source: &str, target: Option<&str>, code: &str) -> String {
        // A code missing from the table reads as its root's phrase, else as a statement.
        let phrase = self
            .phrases
            .get(code)
            .or_else(|| code.get(..3).and_then(|c| self.phrases.get(c)))
            .or_else(|| code.get(..2).and_then(|c| self.phrases.get(c)))
            .map_or("made a statement[ about {t}]", String::as_str);
        // A line of its own opens with a capital: "The West praised …".
        let mut first = source.chars();
        let source: String = first.next().map(|c| c.to_uppercase().chain(first).collect()).unwrap_or_default();
        format!("{source} {}", fill(phrase, target))
    }
}

fn first_name(field: Option<&str>) -> Option<&str> {
    field.and_then(|f| f.split(';').map(str::trim).find(|s| !s.is_empty()))
}

/// The names field of an `organizations.txt` line.
fn fields_names(line: &str) -> &str {
    line.split('|').nth(1).unwrap_or_default()
}

/// Organisations known by an acronym go by it when their full name is long: "North
/// Atlantic Treaty Organization" is "NATO", "European Union" stays.
fn short_name(names: &str) -> Option<&str> {
    let mut names = names.split(';').map(str::trim).filter(|s| !s.is_empty());
    let first = names.next()?;
    if first.chars().count() <= 24 {
        return None;
    }
    names.find(|n| (2..=7).contains(&n.len()) && n.chars().all(|c| c.is_ascii_uppercase()))
}

/// Fills a phrase template: `{t}` is the target, `[A|B]` is A with a target and B
/// without one.
pub fn fill(template: &str, target: Option<&str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(']').unwrap_or(after.len());
        let inner = &after[..close];
        let (with, without) = inner.split_once('|').unwrap_or((inner, ""));
        out.push_str(if target.is_some() { with } else { without });
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    match target {
        Some(t) => out.replace("{t}", t),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(code: &str, name: &str, person: bool) -> (String, Option<String>, Option<String>) {
        let l = Labeller::builtin().label(code, name, person);
        (l.name, l.country, l.sector)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn countries_and_sectors() {
        assert_eq!(label("CHNGOV", "Zhongnanhai", false), ("China: government".into(), some("CHN"), some("GOV")));
        assert_eq!(label("RUSGOV", "Moscow", false), ("Russia: government".into(), some("RUS"), some("GOV")));
        assert_eq!(label("RUSCOP", "Russia", false), ("Russia: police".into(), some("RUS"), some("COP")));
        assert_eq!(label("MLI", "MLI", false), ("Mali".into(), some("MLI"), None));
        assert_eq!(label("ARM", "Armenian", false), ("Armenia".into(), some("ARM"), None));
        assert_eq!(
            label("ARMGOVMIL", "Armenia", false),
            ("Armenia: government (military)".into(), some("ARM"), some("GOV"))
        );
        assert_eq!(
            label("USAGOVMODELI", "Washington", false),
            ("United States: government (moderates, elites)".into(), some("USA"), some("GOV"))
        );
        for (code, sector) in [
            ("JUD", "judiciary"),
            ("LEG", "legislature"),
            ("OPP", "opposition"),
            ("REB", "rebels"),
            ("UAF", "armed group"),
            ("SPY", "intelligence"),
            ("CVL", "civilians"),
            ("MED", "media"),
            ("BUS", "business"),
            ("LAB", "labour"),
            ("EDU", "education"),
            ("REF", "refugees"),
            ("HLH", "health"),
            ("REL", "religion"),
            ("HRI", "human rights"),
            ("ENV", "environment"),
            ("AGR", "agriculture"),
            ("CRM", "criminals"),
            ("RAD", "radicals"),
        ] {
            let l = label(&format!("UKR{code}"), "Ukraine", false);
            assert_eq!(l, (format!("Ukraine: {sector}"), some("UKR"), some(code)), "{code}");
        }
    }

    #[test]
    fn sectors_without_a_country() {
        assert_eq!(label("REB", "REB", false), ("rebels".into(), None, some("REB")));
        assert_eq!(label("CVLREF", "CVLREF", false), ("civilians (refugees)".into(), None, some("CVL")));
    }

    #[test]
    fn organisations_and_regions_have_no_country() {
        assert_eq!(label("IGOWSTNAT", "North Atlantic Treaty Organization", false), ("NATO".into(), None, None));
        assert_eq!(label("IGOEUREEC", "Brussels", false), ("European Union".into(), None, None));
        assert_eq!(label("IGOUNO", "UN Security Council", false), ("United Nations".into(), None, None));
        assert_eq!(label("WST", "Western powers", false), ("the West".into(), None, None));
        assert_eq!(label("IGOUNOMIL", "UN", false), ("United Nations: military".into(), None, some("MIL")));
        assert_eq!(label("NGOHRIAMN", "Amnesty", false), ("Amnesty International".into(), None, some("HRI")));
        assert_eq!(label("IGOUNOHLH", "WHO", false).2, some("HLH"));
        assert_eq!(label("NGOMEDCPJ", "Committee to Protect Journalists", false), ("CPJ".into(), None, some("MED")));
        // An organisation the built-in files lack keeps its dictionary's name.
        assert_eq!(label("NGOMEDQQQ", "Reporters Club", false), ("Reporters Club".into(), None, some("MED")));
        assert_eq!(label("NGOMEDQQQ", "NGOMEDQQQ", false), ("NGO (media)".into(), None, some("MED")));
        // An NGO of a country is that country's, in the NGO sector.
        assert_eq!(label("NGORUS", "Russia", false), ("Russia: NGO".into(), some("RUS"), some("NGO")));
        assert_eq!(label("NGORUSGOV", "Russia", false), ("Russia: NGO (government)".into(), some("RUS"), some("NGO")));
    }

    #[test]
    fn people_and_groups_keep_their_names() {
        assert_eq!(
            label("ARMGOV", "Nikol Pashinyan", true),
            ("Nikol Pashinyan (Armenia: government)".into(), some("ARM"), some("GOV"))
        );
        assert_eq!(label("USAELI", "Barack Obama", true).0, "Barack Obama (United States: elites)");
        assert_eq!(label("PSEREB", "Hamas", false), ("Hamas (Palestine: rebels)".into(), some("PSE"), some("REB")));
        let l = Labeller::builtin();
        assert_eq!(l.relabel("ARMGOV", "Nikol Pashinyan").name, "Nikol Pashinyan (Armenia: government)");
        assert_eq!(l.relabel("RUSGOV", "Moscow").name, "Russia: government");
        // An institution is its country's sector, not its own name.
        assert_eq!(label("RUSGOV", "Kremlin", false).0, "Russia: government");
    }

    #[test]
    fn unknown_codes_fall_back_to_the_dictionary_name() {
        assert_eq!(label("XYZ", "Some Actor", false), ("Some Actor".into(), None, None));
        assert_eq!(label("XYZ", "XYZ", false), ("XYZ".into(), None, None));
        assert_eq!(label("", "", false), ("".into(), None, None));
    }

    #[test]
    fn every_cameo_code_has_a_phrase_that_reads_both_ways() {
        let l = Labeller::builtin();
        for info in crate::ontology::CameoTable::builtin().iter() {
            let phrase = l.phrases.get(&info.code).unwrap_or_else(|| panic!("no phrase for {}", info.code));
            let with = fill(phrase, Some("T"));
            let without = fill(phrase, None);
            for s in [&with, &without] {
                assert!(!s.contains(['[', ']', '|', '{', '}']), "{}: {s}", info.code);
                assert!(!s.contains("  ") && !s.starts_with(' ') && !s.ends_with(' '), "{}: {s:?}", info.code);
                assert!(s.chars().next().is_some_and(|c| c.is_ascii_lowercase()), "{}: {s}", info.code);
            }
            assert!(with.contains('T'), "{}: the target is not named in {with:?}", info.code);
            assert!(!without.contains("{t}"), "{}", info.code);
        }
    }

    #[test]
    fn descriptions() {
        let l = Labeller::builtin();
        let (rus, arm) = ("Russia: government", "Armenia: government");
        assert_eq!(l.describe(rus, Some(arm), "111"), "Russia: government criticized or denounced Armenia: government");
        assert_eq!(l.describe(rus, None, "010"), "Russia: government made a statement");
        assert_eq!(l.describe(rus, Some(arm), "010"), "Russia: government made a statement about Armenia: government");
        assert_eq!(
            l.describe(rus, Some(arm), "0231"),
            "Russia: government appealed to Armenia: government for economic aid"
        );
        assert_eq!(l.describe(rus, None, "0231"), "Russia: government appealed for economic aid");
        assert_eq!(l.describe("Mali: police", None, "173"), "Mali: police arrested, detained or charged people");
        assert_eq!(
            l.describe("Mali: police", Some("Mali: opposition"), "173"),
            "Mali: police arrested, detained or charged Mali: opposition"
        );
        assert_eq!(
            l.describe("NATO", Some(rus), "1231"),
            "NATO rejected Russia: government's demands for a change in leadership"
        );
        assert_eq!(l.describe("NATO", None, "1231"), "NATO rejected demands for a change in leadership");
        assert_eq!(l.describe("A", Some("B"), "036"), "A expressed an intent to meet or negotiate with B");
        assert_eq!(l.describe("A", Some("B"), "190"), "A used conventional military force against B");
        // A code the table lacks reads as its parent's phrase.
        assert_eq!(l.describe("A", Some("B"), "1119"), "A criticized or denounced B");
        assert_eq!(l.describe("A", None, "999"), "A made a statement");
        assert_eq!(l.describe("the West", Some("rebels"), "112"), "The West accused rebels");
    }

    #[test]
    fn templates() {
        assert_eq!(fill("met[ {t}] at a third location", Some("X")), "met X at a third location");
        assert_eq!(fill("met[ {t}] at a third location", None), "met at a third location");
        assert_eq!(fill("released[ {t}| persons]", None), "released persons");
        assert_eq!(fill("plain", Some("X")), "plain");
    }
}
