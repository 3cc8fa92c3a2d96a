//! The CAMEO code table: what each event code means and how it scores.
//!
//! Every coded event carries its CAMEO code as a string ("026", "1121"); everything
//! else in the event record (readable name, Goldstein value, quad class, PLOVER type
//! and mode) is looked up here. The table ships inside the binary as
//! `dictionaries/cameo.tsv`, generated from the shared fact sheet by
//! `scripts/gen-cameo-table.py`, and is parsed once on first use.
//!
//! Codes come from many places, community dictionaries included, so lookups accept
//! any string: an unknown code falls back to its longest known prefix ("0234X" is read
//! as "0234"), and strings with no known prefix ("+++", "def") simply find nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{DictIssue, Severity};

/// Everything the table knows about one CAMEO code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    pub name: String,
    /// Goldstein conflict–cooperation value, −10 to +10.
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
}

/// CAMEO codes by code string.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: HashMap<String, CodeInfo>,
}

const BUILTIN_TSV: &str = include_str!("../../../dictionaries/cameo.tsv");

/// The quad class the GDELT convention gives a root ("01".."20"), if it is one.
fn quad_for_root(root: &str) -> Option<u8> {
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

impl CameoTable {
    /// The table shipped with Dragoman, parsed on first use.
    pub fn builtin() -> &'static CameoTable {
        static TABLE: OnceLock<CameoTable> = OnceLock::new();
        TABLE.get_or_init(|| CameoTable::parse("cameo.tsv", BUILTIN_TSV).0)
    }

    /// Reads a table in the `cameo.tsv` format. Bad lines are reported and skipped.
    pub fn parse(file: &str, text: &str) -> (CameoTable, Vec<DictIssue>) {
        let mut table = CameoTable::default();
        let mut issues = Vec::new();
        let mut issue = |line: usize, severity: Severity, message: String| {
            issues.push(DictIssue { file: file.to_string(), line, message, severity });
        };
        for (idx, raw) in text.lines().enumerate() {
            let line_no = idx + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("code\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 4 {
                issue(
                    line_no,
                    Severity::Error,
                    format!(
                        "expected at least 4 tab-separated columns (code, name, goldstein, quad_class), found {}",
                        cols.len()
                    ),
                );
                continue;
            }
            let code = cols[0];
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                issue(line_no, Severity::Error, format!("code {code:?} is not a string of digits"));
                continue;
            }
            let goldstein = match cols[2].parse::<f32>() {
                Ok(g) if (-10.0..=10.0).contains(&g) => g,
                _ => {
                    issue(
                        line_no,
                        Severity::Error,
                        format!("goldstein {:?} is not a number between -10 and 10", cols[2]),
                    );
                    continue;
                }
            };
            let quad_class = match cols[3].parse::<u8>() {
                Ok(q) if (1..=4).contains(&q) => q,
                _ => {
                    issue(line_no, Severity::Error, format!("quad_class {:?} is not 1, 2, 3 or 4", cols[3]));
                    continue;
                }
            };
            match quad_for_root(Self::root(code)) {
                Some(expected) if expected != quad_class => issue(
                    line_no,
                    Severity::Warning,
                    format!("code {code} has quad class {quad_class} but its root suggests {expected}"),
                ),
                None => issue(line_no, Severity::Warning, format!("code {code} has no CAMEO root between 01 and 20")),
                _ => {}
            }
            let optional = |i: usize| cols.get(i).filter(|s| !s.is_empty()).map(|s| s.to_string());
            let info = CodeInfo {
                code: code.to_string(),
                name: cols[1].to_string(),
                goldstein,
                quad_class,
                plover_type: optional(4),
                plover_mode: optional(5),
            };
            if table.codes.insert(code.to_string(), info).is_some() {
                issue(line_no, Severity::Warning, format!("code {code} listed twice; the later line wins"));
            }
        }
        (table, issues)
    }

    /// The entry for exactly this code.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.codes.get(code)
    }

    /// The entry for this code, or else for its longest known prefix.
    pub fn lookup(&self, code: &str) -> Option<&CodeInfo> {
        let code = code.trim();
        let mut ends: Vec<usize> = code.char_indices().map(|(i, _)| i).skip(1).collect();
        ends.push(code.len());
        ends.into_iter().rev().find_map(|end| self.codes.get(&code[..end]))
    }

    /// The two-character root of a code ("026" → "02"); shorter codes come back whole.
    pub fn root(code: &str) -> &str {
        match code.char_indices().nth(2) {
            Some((i, _)) => &code[..i],
            None => code,
        }
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// All entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.codes.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_cleanly() {
        let (table, issues) = CameoTable::parse("cameo.tsv", BUILTIN_TSV);
        assert!(issues.is_empty(), "{issues:?}");
        assert!(table.len() > 300, "only {} codes", table.len());
        assert_eq!(CameoTable::builtin().len(), table.len());
    }

    #[test]
    fn known_codes() {
        let t = CameoTable::builtin();
        let c = t.get("111").unwrap();
        assert_eq!(c.name, "Criticize or denounce");
        assert_eq!(c.goldstein, -2.0);
        assert_eq!(c.quad_class, 3);
        assert_eq!(c.plover_type.as_deref(), Some("ACCUSE"));
        assert_eq!(c.plover_mode.as_deref(), Some("disapprove"));
        let c = t.get("026").unwrap();
        assert_eq!(c.plover_type.as_deref(), Some("REQUEST"));
        assert_eq!(t.get("010").unwrap().plover_type, None);
        assert_eq!(t.get("190").unwrap().goldstein, -10.0);
        // Nameless rows borrow their parent's name.
        assert_eq!(t.get("0110").unwrap().name, t.get("011").unwrap().name);
        assert!(t.iter().all(|c| !c.name.is_empty()));
    }

    #[test]
    fn quad_classes_follow_roots() {
        let t = CameoTable::builtin();
        for c in t.iter() {
            let root: u8 = CameoTable::root(&c.code).parse().unwrap();
            let expected = match root {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(c.quad_class, expected, "{}", c.code);
        }
        assert_eq!(t.get("042").unwrap().quad_class, 1);
        assert_eq!(t.get("073").unwrap().quad_class, 2);
        assert_eq!(t.get("112").unwrap().quad_class, 3);
        assert_eq!(t.get("193").unwrap().quad_class, 4);
    }

    #[test]
    fn lookup_falls_back_to_prefix() {
        let t = CameoTable::builtin();
        assert_eq!(t.lookup("0234X").unwrap().code, "0234");
        assert_eq!(t.lookup("1121").unwrap().code, "1121");
        assert_eq!(t.lookup("1129").unwrap().code, "112");
        assert_eq!(t.lookup("174K").unwrap().code, "174");
        assert_eq!(t.lookup(" 042 ").unwrap().code, "042");
        assert!(t.lookup("+++").is_none());
        assert!(t.lookup("def").is_none());
        assert!(t.lookup("").is_none());
        assert!(t.lookup("ü").is_none());
        assert!(t.lookup("0ü").is_none());
        assert!(t.get("0234X").is_none());
    }

    #[test]
    fn roots() {
        assert_eq!(CameoTable::root("1121"), "11");
        assert_eq!(CameoTable::root("026"), "02");
        assert_eq!(CameoTable::root("02"), "02");
        assert_eq!(CameoTable::root("7"), "7");
        assert_eq!(CameoTable::root(""), "");
        assert_eq!(CameoTable::root("ééé"), "éé");
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let text = "# comment\ncode\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n\
                    042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n\
                    043\tHost\tlots\t1\t\t\n\
                    044\tshort\n\
                    19\tFIGHT\t-10.0\t1\t\t\n\
                    abc\tx\t0\t1\n";
        let (t, issues) = CameoTable::parse("t.tsv", text);
        assert_eq!(t.len(), 2);
        assert_eq!(issues.iter().filter(|i| i.severity == Severity::Error).count(), 3);
        assert_eq!(issues.iter().filter(|i| i.severity == Severity::Warning).count(), 1);
        assert_eq!(issues[0].line, 4);
        assert_eq!(t.get("042").unwrap().plover_mode.as_deref(), Some("visit"));
    }
}
