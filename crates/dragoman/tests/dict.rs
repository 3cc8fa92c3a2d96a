//! `dragoman dict check` and `dragoman dict stats`: the built-ins pass; broken
//! dictionaries written here are reported at the right `file:line` with exit 1;
//! invalid UTF-8 and binary files are reported, never a crash; kinds of positional
//! files are guessed; stats prints its headings with non-zero counts.

#[path = "support/scratch.rs"]
mod scratch;

use std::path::Path;
use std::process::Command;

use scratch::Scratch;

/// Writes `bytes` to `name` in the scratch directory; its path as an argument.
fn write(s: &Scratch, name: &str, bytes: impl AsRef<[u8]>) -> String {
    s.write(name, bytes);
    s.arg(name)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The issue lines `file:line: error|warning: ...` for `file`, as (line, level, message).
    fn issues(&self, file: &str) -> Vec<(usize, String, String)> {
        let prefix = format!("{file}:");
        self.stdout
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .filter_map(|rest| {
                let (line, rest) = rest.split_once(": ")?;
                let (level, message) = rest.split_once(": ")?;
                Some((line.parse().ok()?, level.to_string(), message.to_string()))
            })
            .collect()
    }

    fn has(&self, file: &str, line: usize, level: &str, needle: &str) -> bool {
        self.issues(file).iter().any(|(l, lv, m)| *l == line && lv == level && m.contains(needle))
    }

    /// The summary's "N error(s), M warning(s)".
    fn totals(&self) -> (usize, usize) {
        let line = self
            .stdout
            .lines()
            .find(|l| l.starts_with("checked "))
            .unwrap_or_else(|| panic!("no summary:\n{}", self.stdout));
        let num = |word: &str| -> usize {
            let at = line.find(word).unwrap_or_else(|| panic!("no `{word}` in `{line}`"));
            line[..at].trim_end().rsplit(' ').next().unwrap().replace(',', "").parse().unwrap()
        };
        (num(" error(s)"), num(" warning(s)"))
    }
}

fn dragoman(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman")).args(args).output().expect("run dragoman");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_ne!(run.code, 101, "dragoman panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "dragoman panicked:\n{}", run.stderr);
    run
}

#[test]
fn the_builtins_pass() {
    let run = dragoman(&["dict", "check"]);
    assert_eq!(run.code, 0, "stdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    assert_eq!(run.totals().0, 0, "{}", run.stdout);
    for file in ["countries.txt", "organizations.txt", "people.txt", "roles.txt", "verbs.txt", "cameo.tsv"] {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&format!("dictionaries/{file} "))),
            "no row for {file}:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("checked 6 file(s)"), "{}", run.stdout);
}

const ACTORS: &[u8] = b"# Invented countries, with mistakes on purpose.\n\
FREEDONIA_ [FRE]\n\
SYLVANIA_ [SYL 2401011]\n\
MARSOVIA_ [MAR\n\
\x00\x01\x02garbage\xff\xfe\x03\n\
OSTERLICH_ [OST]\n";

const VERBS: &str = "--- CRITICIZE [111] ---\n\
CRITICIZE\n\
- * &NOSUCHSET [112]\n\
- * + ABOUT [999]\n\
- * + OVER [1\n";

#[test]
fn broken_dictionaries_are_reported_at_their_lines() {
    let s = Scratch::new("broken");
    let actors = write(&s, "broken.actors.txt", ACTORS);
    let verbs = write(&s, "broken.verbs.txt", VERBS);
    let run = dragoman(&["dict", "check", "--no-builtin", "--actors", &actors, "--verbs", &verbs]);
    assert_eq!(run.code, 1, "stdout:\n{}\nstderr:\n{}", run.stdout, run.stderr);
    // A bad code (a 7-digit date), a missing bracket, binary garbage.
    assert!(run.has(&actors, 3, "error", "2401011"), "{}", run.stdout);
    assert!(run.has(&actors, 4, "error", "[MAR"), "{}", run.stdout);
    assert!(run.has(&actors, 5, "error", "binary data"), "{}", run.stdout);
    assert!(run.has(&actors, 5, "warning", "UTF-8"), "{}", run.stdout);
    // An unknown synset, a code not in the CAMEO table, an unclosed code.
    assert!(run.has(&verbs, 3, "error", "NOSUCHSET"), "{}", run.stdout);
    assert!(run.has(&verbs, 4, "warning", "999"), "{}", run.stdout);
    assert!(run.has(&verbs, 5, "error", ""), "{}", run.stdout);
    // Nothing reported on the good lines.
    let lines: Vec<usize> = run.issues(&actors).iter().map(|i| i.0).collect();
    assert!(!lines.contains(&1) && !lines.contains(&2), "{}", run.stdout);
    let errors = run.issues(&actors).iter().chain(run.issues(&verbs).iter()).filter(|i| i.1 == "error").count();
    assert_eq!(run.totals().0, errors, "{}", run.stdout);
    assert!(errors >= 5, "{}", run.stdout);
}

#[test]
fn invalid_utf8_is_a_warning_not_a_crash() {
    let s = Scratch::new("latin1");
    let actors = write(&s, "latin1.actors.txt", b"FREEDONIA_ [FRE]\nCAF\xc9_DE_PARIS_ [FRA]\n+M\xdcNCHEN_\n");
    let run = dragoman(&["dict", "check", "--no-builtin", "--actors", &actors]);
    assert_eq!(run.code, 0, "warnings only:\n{}\n{}", run.stdout, run.stderr);
    assert!(run.has(&actors, 2, "warning", "not valid UTF-8 (byte 0xC9 at column 4)"), "{}", run.stdout);
    assert!(run.has(&actors, 3, "warning", "UTF-8"), "{}", run.stdout);
    assert_eq!(run.totals(), (0, 2), "{}", run.stdout);
    // `dict stats` and `code` read the same file without trouble.
    assert_eq!(dragoman(&["dict", "stats", "--no-builtin", "--runs", "1", "--actors", &actors]).code, 0);
}

#[test]
fn binary_files_and_missing_files() {
    let s = Scratch::new("binary");
    let mut bytes = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        bytes.push((x >> 16) as u8);
    }
    bytes[100] = 0;
    let bin = write(&s, "blob.bin", &bytes);
    let good = write(&s, "good.actors.txt", "FREEDONIA_ [FRE]\n");
    let missing = s.path("nowhere.txt");
    let missing = missing.to_str().unwrap();
    let run = dragoman(&["dict", "check", "--no-builtin", &bin, &good, "--agents", missing]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let bin_issues = run.issues(&bin);
    assert_eq!(bin_issues.len(), 1, "one error for a binary file:\n{}", run.stdout);
    assert!(bin_issues[0].1 == "error" && bin_issues[0].2.contains("binary"), "{}", run.stdout);
    assert!(run.stdout.lines().any(|l| l.starts_with(missing) && l.contains("error: cannot read")), "{}", run.stdout);
    assert!(run.issues(&good).is_empty(), "{}", run.stdout);
    let run = dragoman(&["dict", "stats", "--no-builtin", "--actors", missing]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nowhere.txt"), "{}", run.stderr);
}

#[test]
fn kinds_of_positional_files_are_guessed() {
    let s = Scratch::new("guess");
    let verbs = write(&s, "mine1.txt", "--- PRAISE [051] ---\nPRAISE\n- * + FOR_ HOSPITALITY [052]\n");
    let agents = write(&s, "mine2.txt", "MINISTER [~GOV]\n");
    let actors = write(&s, "mine3.txt", "FREEDONIA_ [FRE]\n+FREEDONIAN_\n");
    let discards = write(&s, "mine4.txt", "+CHESS TOURNAMENT\nMONTHS LATER\n");
    let named = write(&s, "x.agents.txt", "MINISTER [~GOV]\n");
    let run = dragoman(&["dict", "check", "--no-builtin", &verbs, &agents, &actors, &discards, &named]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let row = |file: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(file))
            .unwrap_or_else(|| panic!("no row for {file}:\n{}", run.stdout))
            .to_string()
    };
    assert!(row(&verbs).contains("PETRARCH verbs (by content)"), "{}", run.stdout);
    assert!(row(&agents).contains("PETRARCH agents (by content)"), "{}", run.stdout);
    assert!(row(&actors).contains("PETRARCH actors (by content)"), "{}", run.stdout);
    assert!(row(&discards).contains("PETRARCH discards (by content)"), "{}", run.stdout);
    assert!(row(&named).contains("PETRARCH agents (by name)"), "{}", run.stdout);
    // Flags win over guesses.
    let run = dragoman(&["dict", "check", "--no-builtin", "--discards", &actors]);
    assert!(
        run.stdout.lines().any(|l| l.starts_with(&actors) && l.contains("PETRARCH discards (by flag)")),
        "{}",
        run.stdout
    );
}

#[test]
fn bad_usage() {
    assert_eq!(dragoman(&["dict", "check", "--no-builtin"]).code, 2);
    assert_eq!(dragoman(&["dict", "stats", "--runs", "0"]).code, 2);
    assert_eq!(dragoman(&["dict"]).code, 2);
    assert_eq!(dragoman(&["dict", "check", "--bogus"]).code, 2);
}

/// The number on the stats line labelled `label`.
fn stat(stdout: &str, label: &str) -> f64 {
    let line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` line in:\n{stdout}"));
    let rest = line.trim_start()[label.len()..].trim_start();
    let num = rest.split_whitespace().next().unwrap().replace(',', "");
    num.parse().unwrap_or_else(|_| panic!("no number on `{line}`"))
}

#[test]
fn stats_on_the_builtins() {
    let run = dragoman(&["dict", "stats", "--runs", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    for heading in ["Dictionaries", "Entries", "Load time", "Memory"] {
        assert!(out.lines().any(|l| l.starts_with(heading)), "no heading {heading}:\n{out}");
    }
    for label in [
        "actor phrases",
        "countries",
        "adjectives and demonyms",
        "capitals",
        "organisations",
        "people ",
        "people with dated roles",
        "agent (role) phrases",
        "verbs and nouns",
        "verb forms",
        "patterns",
        "CAMEO codes",
        "median",
        "held by the dictionaries",
        "peak while loading",
        "allocated in all",
    ] {
        assert!(stat(out, label) > 0.0, "`{label}` is zero:\n{out}");
    }
    assert!(stat(out, "peak while loading") >= stat(out, "held by the dictionaries"), "{out}");
    assert!(out.contains("resident set growth"), "{out}");
}

#[test]
fn stats_on_community_files() {
    let s = Scratch::new("stats");
    let verbs = write(&s, "v.txt", "&SYNS\n+HOSPITALITY\n--- PRAISE [051] ---\nPRAISE\nLAUD\n- * + FOR_ &SYNS [052]\n");
    let actors = write(&s, "a.txt", "FREEDONIA_ [FRE]\n+FREEDONIAN_\nRUFUS_FIREFLY_ [FREGOV 19330101-19331231]\n");
    let run = dragoman(&["dict", "stats", "--no-builtin", "--runs", "1", "--verbs", &verbs, "--actors", &actors]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert_eq!(stat(out, "actor phrases"), 3.0, "{out}");
    assert_eq!(stat(out, "other (community files)"), 3.0, "{out}");
    assert_eq!(stat(out, "phrases with dated codes"), 1.0, "{out}");
    assert_eq!(stat(out, "verbs and nouns"), 2.0, "{out}");
    assert_eq!(stat(out, "patterns"), 1.0, "{out}");
    assert_eq!(stat(out, "synsets"), 1.0, "{out}");
    assert!(Path::new(&verbs).exists());
}

#[test]
fn user_entries_replace_builtin_ones_and_check_lists_them() {
    let s = Scratch::new("shadow");
    let actors = write(&s, "mine.actors.txt", "KREMLIN_ [RUSELI]\n");
    let verbs = write(&s, "mine.verbs.txt", "--- ACCUSE [111] ---\nACCUSE\n- * + [112]\n");
    let text = write(&s, "story.txt", "The Kremlin accused Ukraine of sabotage.\n");
    let code = |extra: &[&str]| {
        let mut args = vec!["code", text.as_str(), "--published", "2024-05-14", "--quiet"];
        args.extend_from_slice(extra);
        let run = dragoman(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    // Built-in: the Kremlin is the Russian government.
    assert!(code(&[]).contains(r#""source":{"code":"RUSGOV""#));
    // The user's entry for the same phrase wins, "the" or not.
    assert!(code(&["--actors", &actors]).contains(r#""source":{"code":"RUSELI""#));
    // The user's verb replaces the built-in one: its pattern's rule is named.
    assert!(code(&["--verbs", &verbs]).contains("mine.verbs.txt:3"));
    // `dict check` lists what was replaced, built-in file and line first.
    let run = dragoman(&["dict", "check", "--actors", &actors, "--verbs", &verbs]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.contains("is replaced by")).collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines.iter().any(|l| l.starts_with("dictionaries/organizations.txt:") && l.contains("`kremlin`")));
    assert!(lines.iter().any(|l| l.starts_with("dictionaries/verbs.txt:") && l.contains("`accuse`")));
    assert!(run.stdout.contains("2 built-in entries replaced by your files"));
    // Without user files nothing is replaced.
    assert!(!dragoman(&["dict", "check"]).stdout.contains("replaced"));
}
