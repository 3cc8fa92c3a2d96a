//! Actor dictionaries: phrases naming an actor, with codes that may hold only
//! between dates.
//!
//! ```text
//! ARMENIA_                  a primary phrase (its codes may follow on later lines)
//! +HAYASTAN_                a synonym of the entry above
//!     [USRARM <900823]      a code valid up to a date
//!     [ARM >911221]         ... from a date
//! KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]   codes on the phrase's own line
//! ```

use super::{brackets, content_lines, display_name, phrase_words, Loaded, PhraseUse, ReadOptions, Report, StemRule};
use crate::lexicon::{ActorEntry, ActorKind, DatedCode, PhraseWord};
use chrono::NaiveDate;

/// Reads a PETRARCH/TABARI actor dictionary with the default options.
pub fn read_actors(file: &str, text: &str) -> Loaded<Vec<ActorEntry>> {
    read_actors_with(file, text, ReadOptions::default())
}

/// Reads a PETRARCH/TABARI actor dictionary.
pub fn read_actors_with(file: &str, text: &str, options: ReadOptions) -> Loaded<Vec<ActorEntry>> {
    read(file, text, options).0
}

/// A primary phrase, its synonyms, and the codes they share.
struct Group {
    line: usize,
    name: String,
    phrases: Vec<(Vec<PhraseWord>, usize)>,
    dated: Vec<DatedCode>,
    undated: Vec<DatedCode>,
    coded: bool,
}

impl Group {
    fn new(line: usize, raw: &str) -> Self {
        Group {
            line,
            name: display_name(raw),
            phrases: Vec::new(),
            dated: Vec::new(),
            undated: Vec::new(),
            coded: false,
        }
    }

    fn add_codes(&mut self, groups: &[&str], line: usize, report: &mut Report) {
        for g in groups {
            match parse_actor_code(g) {
                Ok(code) => {
                    self.coded = true;
                    if code.from.is_none() && code.to.is_none() {
                        // `[---]` with no dates is the null code: no code at all.
                        if code.code != "---" {
                            self.undated.push(code);
                        }
                    } else {
                        self.dated.push(code);
                    }
                }
                Err(e) => {
                    // Written but unreadable still counts as coded, so the next
                    // phrase does not inherit this entry's codes.
                    self.coded = true;
                    report.error(line, format!("{e}; code '[{g}]' skipped"));
                }
            }
        }
    }

    fn finish(self, report: &mut Report, out: &mut Vec<ActorEntry>) {
        if !self.coded {
            report.warn(self.line, "no code for this entry; its phrases are kept with no code");
        }
        // Dated codes first: an undated code is the fallback when no date fits.
        let mut codes = self.dated;
        codes.extend(self.undated);
        for (phrase, line) in self.phrases {
            out.push(ActorEntry {
                phrase,
                codes: codes.clone(),
                name: self.name.clone(),
                kind: ActorKind::Other,
                rule: report.rule(line),
            });
        }
    }
}

pub(crate) fn read(file: &str, text: &str, options: ReadOptions) -> (Loaded<Vec<ActorEntry>>, Vec<usize>) {
    let mut report = Report::new(file);
    let lines = content_lines(text, &mut report);
    let stems = options.stems;
    let mut out = Vec::new();
    let mut group: Option<Group> = None;

    for (index, line) in lines.iter().enumerate() {
        let t: &str = &line.text;
        let n = line.number;
        if t.contains("---STOP---") {
            report.use_line(n);
            for later in &lines[index + 1..] {
                report.warn(later.number, "after ---STOP---: not read");
            }
            break;
        }
        if t.starts_with('[') {
            let b = brackets(t);
            match group.as_mut() {
                Some(g) => {
                    g.add_codes(&b.groups, n, &mut report);
                    report.use_line(n);
                }
                None => report.error(n, "code line with no actor phrase before it; skipped"),
            }
            if let Some(bad) = b.unclosed {
                report.error(n, format!("unclosed code '[{bad}'; skipped"));
            }
            if !b.trailing.is_empty() {
                report.warn(n, format!("text '{}' after the codes is ignored", b.trailing));
            }
            continue;
        }

        let (synonym, body) = match t.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (phrase_raw, codes) = match body.find('[') {
            Some(open) => (body[..open].trim(), Some(brackets(&body[open..]))),
            None => (body.trim(), None),
        };
        let phrase = actor_phrase(phrase_raw, stems);
        if phrase.is_empty() {
            report
                .error(n, if synonym { "'+' without a phrase; skipped" } else { "no phrase before the code; skipped" });
            continue;
        }
        if synonym {
            let Some(g) = group.as_mut() else {
                report.error(n, "synonym '+...' with no primary phrase before it; skipped");
                continue;
            };
            g.phrases.push((phrase, n));
            if let Some(b) = &codes {
                if !b.groups.is_empty() {
                    report.warn(n, "code on a synonym line applies to the whole entry");
                }
                g.add_codes(&b.groups, n, &mut report);
            }
        } else {
            let has_codes = codes.as_ref().is_some_and(|b| !b.groups.is_empty());
            match group.take() {
                // PETRARCH lets a phrase with no code share the codes of what follows,
                // which is how lists such as LEONID_BREZHNEV_ / SECRETARY_BREZHNEV
                // under one set of dated codes are written.
                Some(mut g) if !g.coded => {
                    if has_codes {
                        report.warn(
                            n,
                            format!(
                                "the entry at line {} has no code of its own; it shares the codes on this line",
                                g.line
                            ),
                        );
                    }
                    g.phrases.push((phrase, n));
                    group = Some(g);
                }
                previous => {
                    if let Some(g) = previous {
                        g.finish(&mut report, &mut out);
                    }
                    let mut g = Group::new(n, phrase_raw);
                    g.phrases.push((phrase, n));
                    group = Some(g);
                }
            }
            if let (Some(g), Some(b)) = (group.as_mut(), &codes) {
                g.add_codes(&b.groups, n, &mut report);
            }
        }
        if let Some(b) = &codes {
            if let Some(bad) = b.unclosed {
                report.error(n, format!("unclosed code '[{bad}'; skipped"));
            }
            if !b.trailing.is_empty() {
                report.warn(n, format!("text '{}' after the codes is ignored", b.trailing));
            }
        }
        report.use_line(n);
    }
    if let Some(g) = group {
        g.finish(&mut report, &mut out);
    }
    report.finish(out)
}

fn actor_phrase(raw: &str, stems: StemRule) -> Vec<PhraseWord> {
    phrase_words(raw, stems, PhraseUse::Name)
}

/// `CODE`, `CODE <YYMMDD`, `CODE >YYYYMMDD`, `CODE date-date` (all ends inclusive).
pub(crate) fn parse_actor_code(raw: &str) -> Result<DatedCode, String> {
    let raw = raw.trim();
    let end = raw.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(raw.len());
    let code = &raw[..end];
    let restriction: String = raw[end..].chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        return Err("date restriction without a code".into());
    }
    if code != "---" && code.contains('-') {
        return Err(format!("code '{code}' contains '-' (a date needs a space before it)"));
    }
    if code.len() >= 6 && code.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("'{code}' looks like a date without a code"));
    }
    let code = code.to_uppercase();
    let (from, to) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, Some(parse_date(d)?))
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(parse_date(d)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        let (from, to) = (parse_date(a)?, parse_date(b)?);
        if to < from {
            return Err(format!("interval '{restriction}' ends before it begins"));
        }
        (Some(from), Some(to))
    } else {
        return Err(format!("unrecognised date restriction '{restriction}'"));
    };
    Ok(DatedCode { code, from, to })
}

/// `YYMMDD` (years 00–30 are 20YY, 31–99 are 19YY, as in KEDS, TABARI and
/// PETRARCH) or `YYYYMMDD`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}' is not a date (YYMMDD or YYYYMMDD)"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = match s.len() {
        6 => {
            let yy = num(0..2) as i32;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, num(2..4), num(4..6))
        }
        8 => (num(0..4) as i32, num(4..6), num(6..8)),
        k => return Err(format!("date '{s}' has {k} digits, not 6 (YYMMDD) or 8 (YYYYMMDD)")),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("'{s}' is not a calendar date"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Severity;
    use std::collections::HashSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text_of(e: &ActorEntry) -> String {
        e.phrase.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn dates_and_restrictions() {
        assert_eq!(parse_date("080508").unwrap(), d(2008, 5, 8));
        assert_eq!(parse_date("300101").unwrap(), d(2030, 1, 1));
        assert_eq!(parse_date("310101").unwrap(), d(1931, 1, 1));
        assert_eq!(parse_date("20010120").unwrap(), d(2001, 1, 20));
        assert!(parse_date("2004017").is_err());
        assert!(parse_date("20100931").is_err());
        assert!(parse_date("12ab56").is_err());
        let c = parse_actor_code("RUSGOV >080508").unwrap();
        assert_eq!((c.code.as_str(), c.from, c.to), ("RUSGOV", Some(d(2008, 5, 8)), None));
        let c = parse_actor_code("X <980101").unwrap();
        assert_eq!((c.from, c.to), (None, Some(d(1998, 1, 1))));
        let c = parse_actor_code("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!((c.from, c.to), (Some(d(1995, 6, 1)), Some(d(1999, 8, 15))));
        let c = parse_actor_code("HOB < 950601").unwrap();
        assert_eq!(c.to, Some(d(1995, 6, 1)));
        let c = parse_actor_code("pse").unwrap();
        assert_eq!(c.code, "PSE");
        assert!(parse_actor_code("950601-990815").is_err());
        assert!(parse_actor_code("AAA950601-990815").is_err());
        assert!(parse_actor_code("X 990101-980101").is_err());
        assert!(parse_actor_code("X =990101").is_err());
        assert!(parse_actor_code("").is_err());
    }

    const SNIPPET: &str = "\
# our own small actor list
[LOOSE]
FREEDONIA_ [FRD]
+FREEDONIAN
SYLVANIA
+SYLVANIAN_
\t[SYLREB <750101]
\t[SYLGOV 750101-19991231] # dated
\t[SYL]
RUFUS_T._FIREFLY
+FIREFLY
\t[FRDGOV >330101]
NOBODY [---]
CHICOLINI_ [FRDREB 930101-930229]
+
TRENTINO  [SYLGOV 330101-391231] [SYLELI]
AMBASSADOR TRENTINO
LOW_LINE [FRD 2004017-20061201] [FRD]
";

    #[test]
    fn snippet_reads_every_construct() {
        let (loaded, used) = read("a.txt", SNIPPET, ReadOptions::default());
        let find = |p: &str| loaded.value.iter().find(|e| text_of(e) == p).unwrap_or_else(|| panic!("{p}"));
        let f = find("freedonia");
        assert_eq!(f.codes, vec![DatedCode::always("FRD")]);
        assert_eq!(f.name, "Freedonia");
        assert_eq!(f.kind, ActorKind::Other);
        assert_eq!(find("freedonian").rule, "a.txt:4");
        let s = find("sylvanian");
        assert_eq!(s.name, "Sylvania");
        assert_eq!(s.codes.len(), 3);
        assert_eq!(s.codes[0].to, Some(d(1975, 1, 1)));
        assert_eq!(s.codes[1].to, Some(d(1999, 12, 31)));
        assert_eq!(s.codes[2], DatedCode::always("SYL"));
        let r = find("rufus t. firefly");
        assert_eq!(r.codes[0].from, Some(d(1933, 1, 1)));
        assert_eq!(r.name, "Rufus T. Firefly");
        assert!(find("nobody").codes.is_empty());
        // 1993 is not a leap year: the code is reported and the entry kept without it
        assert!(find("chicolini").codes.is_empty());
        let t = find("trentino");
        assert_eq!(t.codes.len(), 2);
        assert_eq!(t.codes[1], DatedCode::always("SYLELI"));
        // a phrase without a code shares the codes that follow (PETRARCH's reading)
        assert_eq!(find("ambassador trentino").codes.len(), 1);
        assert_eq!(find("low line").codes, vec![DatedCode::always("FRD")]);

        let issues: Vec<(usize, Severity)> = loaded.issues.iter().map(|i| (i.line, i.severity)).collect();
        for line in [2, 14, 15, 18] {
            assert!(issues.contains(&(line, Severity::Error)), "line {line}: {issues:?}");
        }
        assert!(issues.contains(&(18, Severity::Warning)), "code-less entry shares these codes");
        let mut accounted: HashSet<usize> = used.into_iter().collect();
        accounted.extend(loaded.issues.iter().map(|i| i.line));
        for l in 2..=18 {
            assert!(accounted.contains(&l), "line {l} neither used nor reported");
        }
    }

    #[test]
    fn stems_follow_the_chosen_rule() {
        let text = "ARGENTIN  [ARG]\nARNOR_  [ARN]\n";
        let petrarch = read_actors("a", text).value;
        assert!(!petrarch[0].phrase[0].stem && !petrarch[1].phrase[0].stem);
        let tabari = read_actors_with("a", text, ReadOptions { stems: StemRule::Tabari }).value;
        assert!(tabari[0].phrase[0].stem, "ARGENTIN is a stem under TABARI");
        assert!(!tabari[1].phrase[0].stem, "ARNOR_ is exact");
    }

    #[test]
    fn stop_marker_ends_reading() {
        let loaded = read_actors("a", "A [X]\n---STOP---\nB [Y]\n");
        assert_eq!(loaded.value.len(), 1);
        assert_eq!(loaded.issues.len(), 1);
        assert_eq!(loaded.issues[0].line, 3);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn unit_test_dictionary() {
        let text = super::super::tests::shared("eval/petrarch-unit/PETR.Validate.actors.txt");
        let loaded = read_actors("PETR.Validate.actors.txt", &text);
        let find = |p: &str| loaded.value.iter().find(|e| text_of(e) == p).unwrap_or_else(|| panic!("{p}"));
        assert_eq!(find("argentin").codes, vec![DatedCode::always("ARG")]);
        let smeagol = find("smeagol");
        assert_eq!(smeagol.name, "Gollum");
        assert_eq!(smeagol.codes.len(), 3);
        assert_eq!(smeagol.codes[0].to, Some(d(1995, 6, 1)));
        assert_eq!(smeagol.codes[2].from, Some(d(1999, 8, 16)));
        let sam = find("sam gamgee");
        assert_eq!(sam.codes.len(), 6);
        assert_eq!(sam.codes[5], DatedCode::always("HOB"), "the undated default comes last");
        assert!(find("boromir").codes.is_empty());
        let prince = find("prince of dol amroth");
        assert_eq!(prince.codes[0].code, "---");
        assert_eq!(prince.codes[1], DatedCode::always("DOL"));
        assert_eq!(find("ent").codes, vec![DatedCode::always("ENT")]);
        assert_eq!(find("interpol").codes, vec![DatedCode::always("IGOCOPITP")]);
        assert_eq!(find("palestinian").codes.len(), 1);
        assert!(loaded.value.len() > 150);
    }

    #[test]
    #[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
    fn phoenix_actor_files() {
        let text = super::super::tests::shared("dictionaries/phoenix/Phoenix.Countries.actors.txt");
        let loaded = read_actors("Phoenix.Countries.actors.txt", &text);
        let actors = &loaded.value;
        assert!(actors.len() > 20000, "{}", actors.len());
        let find = |p: &str| actors.iter().find(|e| text_of(e) == p).unwrap_or_else(|| panic!("{p}"));
        let hay = find("hayastan");
        assert_eq!(hay.name, "Armenia");
        assert_eq!(hay.codes[0].code, "USRARM");
        assert_eq!(hay.codes[0].to, Some(d(1990, 8, 23)));
        assert!(hay.codes.iter().any(|c| c.code == "ARM" && c.from == Some(d(1991, 12, 21))));
        // `[ARMUNR 9008223-911221]` has a 7-digit date: reported, not guessed
        assert!(loaded.issues.iter().any(|i| i.message.contains("9008223")));
        assert_eq!(find("kremlin").codes, vec![DatedCode::always("RUSGOV")]);
        let brezhnev = find("secretary brezhnev");
        assert_eq!(brezhnev.name, "Leonid Brezhnev");
        assert!(brezhnev.codes.iter().any(|c| c.code == "RUSGOV" && c.from == Some(d(1964, 10, 14))));

        let text = super::super::tests::shared("dictionaries/phoenix/Phoenix.International.actors.txt");
        let actors = read_actors("Phoenix.International.actors.txt", &text).value;
        let ban = actors.iter().find(|e| text_of(e) == "ban ki-moon").unwrap();
        assert!(ban.codes.iter().any(|c| c.code == "IGOUNO" && c.from == Some(d(2007, 1, 1))));
        let venem = actors.iter().find(|e| text_of(e) == "ann veneman").unwrap();
        assert_eq!(venem.codes.len(), 2);
        assert_eq!(venem.codes[1].from, Some(d(2005, 5, 1)));
    }
}
