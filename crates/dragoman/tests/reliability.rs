//! The reliability audit's probes (issue 10), each run through the `dragoman`
//! binary the way a user would meet it: a closed pipe, hostile text, odd JSON
//! values, cyclic folders, a read-only medium.

#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::process::{Command, Output, Stdio};

use scratch::Scratch;

/// A tiny actor dictionary, so the articles code whatever the built-in lists hold.
const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\n";

const GOOD: &str =
    "MOSCOW (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border. \
Armenia urged Russia to return to the negotiating table.";

/// A scratch directory holding the tiny actor dictionary, `tiny.actors`.
fn scratch(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.write("tiny.actors", ACTORS);
    s
}

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dragoman"));
    // Tables wide enough to show whole sentences.
    cmd.env("COLUMNS", "400");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn of(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or_else(|| panic!("killed by a signal: {:?}", out.status)),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn assert_exit(&self, code: i32) -> &Self {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert_eq!(self.code, code, "exit status\nstderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        self
    }
}

fn dragoman(args: &[&str]) -> Run {
    Run::of(bin().args(args).output().expect("dragoman runs"))
}

/// A JSON Lines record dated 2024-01-18.
fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": "2024-01-18", "text": text}).to_string()
}

/// `dragoman ingest` of `input` into `db` with the tiny actors.
fn ingest(s: &Scratch, input: &str, db: &str, extra: &[&str]) -> Run {
    let actors = s.arg("tiny.actors");
    let mut args = vec!["ingest", input, "--db", db, "--actors", &actors, "--quiet"];
    args.extend_from_slice(extra);
    dragoman(&args)
}

/// A database of `n` articles, each with events.
fn database(s: &Scratch, n: usize) -> String {
    let lines: Vec<String> = (0..n).map(|i| record(&format!("d{i}"), &format!("{GOOD} Item {i}."))).collect();
    s.write("corpus.jsonl", lines.join("\n") + "\n");
    let db = s.arg("events.db");
    ingest(s, &s.arg("corpus.jsonl"), &db, &[]).assert_exit(0);
    db
}

/// Runs dragoman with its standard output already closed by the reader, as under
/// `| head` once head has its lines.
fn with_closed_stdout(args: &[&str]) -> Run {
    let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    Run::of(child.wait_with_output().unwrap())
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let s = scratch("pipe");
    let db = database(&s, 150);
    let actors = s.arg("tiny.actors");
    let corpus = s.arg("corpus.jsonl");
    let runs: Vec<Vec<&str>> = vec![
        vec!["code", "--actors", &actors, &corpus],
        vec!["code", "--actors", &actors, "--explain", &corpus],
        vec!["parse", &corpus],
        vec!["events", "--db", &db],
        vec!["events", "--db", &db, "--format", "jsonl"],
        vec!["events", "--db", &db, "--format", "json"],
        vec!["export", "--db", &db],
        vec!["timeline", "--db", &db, "--actor", "RUS"],
        vec!["dict", "stats"],
        vec!["dict", "check"],
    ];
    for args in runs {
        let r = with_closed_stdout(&args);
        assert_eq!(r.code, 0, "`dragoman {}` under a closed pipe: status {}\n{}", args.join(" "), r.code, r.stderr);
        assert!(
            !r.stderr.contains("error") && !r.stderr.contains("panicked"),
            "`dragoman {}` complains about the closed pipe:\n{}",
            args.join(" "),
            r.stderr
        );
    }
}

/// An article whose text carries terminal escapes: ESC sequences, a bell, the
/// 8-bit CSI, a carriage return.
const HOSTILE: &str = "Russia accused Armenia on Monday of shelling \u{1b}[2J\u{1b}]0;owned\u{7}its positions \u{9b}31m near the border.\rArmenia urged Russia to return to the negotiating table.";

fn assert_no_controls(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what} prints control characters {bad:?}:\n{text}");
}

#[test]
fn human_readable_output_escapes_control_characters() {
    let s = scratch("controls");
    s.write("hostile.jsonl", record("h1", HOSTILE) + "\n");
    let db = s.arg("events.db");
    ingest(&s, &s.arg("hostile.jsonl"), &db, &[]).assert_exit(0);
    let table = dragoman(&["events", "--db", &db]);
    table.assert_exit(0);
    assert!(table.stdout.contains("\\u{1b}"), "the escape is shown:\n{}", table.stdout);
    assert_no_controls("events", &table.stdout);
    let actors = s.arg("tiny.actors");
    let explain = dragoman(&["code", "--actors", &actors, "--explain", &s.arg("hostile.jsonl")]);
    explain.assert_exit(0);
    assert!(explain.stderr.contains("EVENT:"), "{}", explain.stderr);
    assert_no_controls("code --explain", &explain.stderr);
    // The machine formats keep the text exactly, escaped by JSON's rules.
    let jsonl = dragoman(&["events", "--db", &db, "--format", "jsonl"]);
    let texts: Vec<String> = jsonl
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["sentence_text"].as_str().unwrap().to_string())
        .collect();
    assert!(texts.iter().any(|t| t.contains('\u{1b}')), "{texts:?}");
}

#[test]
fn a_search_fts5_cannot_read_is_retried_and_says_so() {
    let s = scratch("fts");
    let db = database(&s, 2);
    let r = dragoman(&["events", "--db", &db, "--search", "Russia ("]);
    r.assert_exit(0);
    assert!(r.stdout.contains("Russia accused"), "the words are still searched:\n{}", r.stdout);
    let notes: Vec<&str> = r.stderr.lines().filter(|l| l.contains("not a full-text query")).collect();
    assert_eq!(notes.len(), 1, "said once:\n{}", r.stderr);
    assert!(notes[0].contains("`Russia (`") && notes[0].contains("\"Russia\" \"(\""), "{}", notes[0]);
    // A query that parses is run as given, without a word.
    let r = dragoman(&["events", "--db", &db, "--search", "Russia OR nothing"]);
    r.assert_exit(0);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

/// The events `dragoman code` prints, as JSON.
fn events_of(r: &Run) -> Vec<serde_json::Value> {
    r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn publication_dates_are_read_whole_and_kept_on_the_calendar() {
    let s = scratch("dates");
    let actors = s.arg("tiny.actors");
    let text = "Russia accused Armenia of shelling its positions near the border.";
    let lines = [
        serde_json::json!({"id": "spaced", "published": " 2024-01-18", "text": text}),
        serde_json::json!({"id": "timed", "published": "2024-01-18T23:10:00+04:00", "text": text}),
        serde_json::json!({"id": "far", "published": "9999-12-31", "text": "Russia will attack Armenia next week."}),
        serde_json::json!({"id": "short", "published": "2024-1-8", "text": text}),
    ];
    let input = s.write("dates.jsonl", lines.map(|l| l.to_string()).join("\n") + "\n");
    let r = dragoman(&["code", "--actors", &actors, &input.display().to_string()]);
    r.assert_exit(3);
    let dates: Vec<(String, String)> = events_of(&r)
        .iter()
        .map(|e| (e["doc_id"].as_str().unwrap().to_string(), e["date"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(dates, [("spaced".to_string(), "2024-01-18".to_string()), ("timed".into(), "2024-01-18".into())]);
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(errors[0].contains("dates.jsonl:3:") && errors[0].contains("9999-12-31"), "{}", errors[0]);
    assert!(errors[1].contains("dates.jsonl:4:") && errors[1].contains("2024-1-8"), "{}", errors[1]);
    // The flag is held to the same calendar.
    let r = dragoman(&["code", "--actors", &actors, "--published", "9999-12-31", &input.display().to_string()]);
    r.assert_exit(2);
    assert!(r.stderr.contains("--published") && r.stderr.contains("9999-12-31"), "{}", r.stderr);
}

#[test]
fn a_published_that_is_null_or_not_a_string_is_never_quietly_today() {
    let s = scratch("null-dates");
    let actors = s.arg("tiny.actors");
    let text = "Russia accused Armenia of shelling its positions near the border.";
    let lines = [
        serde_json::json!({"id": "dated", "published": "2024-01-18", "text": text}),
        serde_json::json!({"id": "null", "published": null, "text": text}),
        serde_json::json!({"id": "number", "published": 20240118, "text": text}),
    ];
    let input = s.write("mixed.jsonl", lines.map(|l| l.to_string()).join("\n") + "\n");
    let input = input.display().to_string();
    // code: coded, with a warning naming the file and line.
    let r = dragoman(&["code", "--actors", &actors, &input]);
    r.assert_exit(0);
    let warnings: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 2, "{}", r.stderr);
    assert!(warnings[0].contains("mixed.jsonl:2:") && warnings[0].contains("null"), "{}", warnings[0]);
    assert!(warnings[1].contains("mixed.jsonl:3:") && warnings[1].contains("a number"), "{}", warnings[1]);
    // ingest: refused, since a wrong date would be stored for good...
    let db = s.arg("events.db");
    let r = ingest(&s, &input, &db, &[]);
    r.assert_exit(3);
    let errors: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(errors[0].contains("mixed.jsonl:2:") && errors[0].contains("--published"), "{}", errors[0]);
    let stored = dragoman(&["events", "--db", &db, "--format", "jsonl"]);
    let docs: std::collections::BTreeSet<String> =
        events_of(&stored).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["dated"]);
    // ...unless --published says what date to give them.
    let db2 = s.arg("dated.db");
    let r = ingest(&s, &input, &db2, &["--published", "2024-02-01"]);
    r.assert_exit(0);
    let stored = dragoman(&["events", "--db", &db2, "--format", "jsonl"]);
    let dated: Vec<String> = events_of(&stored)
        .iter()
        .filter(|e| e["doc_id"] != "dated")
        .map(|e| e["date"].as_str().unwrap().to_string())
        .collect();
    assert!(!dated.is_empty() && dated.iter().all(|d| d == "2024-02-01"), "{dated:?}");
}

#[test]
fn numeric_ids_are_kept_exactly_as_written() {
    let s = scratch("ids");
    let actors = s.arg("tiny.actors");
    let text = "Russia accused Armenia of shelling its positions near the border.";
    let input = format!(
        "{{\"id\": 123456789012345678901234567890, \"published\": \"2024-01-18\", \"text\": \"{text}\"}}\n\
         {{\"id\": 123456789012345678901234567891, \"published\": \"2024-01-18\", \"text\": \"{text}\"}}\n\
         {{\"id\": 42, \"published\": \"2024-01-18\", \"text\": \"{text}\"}}\n"
    );
    let input = s.write("ids.jsonl", input).display().to_string();
    let r = dragoman(&["code", "--actors", &actors, &input]);
    r.assert_exit(0);
    let ids: Vec<String> = events_of(&r).iter().map(|e| e["doc_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["123456789012345678901234567890", "123456789012345678901234567891", "42"]);
}

#[test]
fn a_huge_document_limit_is_refused_with_a_clear_message() {
    let s = scratch("max-doc");
    let input = s.write("story.txt", GOOD).display().to_string();
    let actors = s.arg("tiny.actors");
    for cmd in ["code", "parse"] {
        let mut args = vec![cmd, "--max-doc-mb", "18446744073709551615", &input];
        if cmd == "code" {
            args.extend(["--actors", &actors, "--published", "2024-01-18"]);
        }
        let r = dragoman(&args);
        r.assert_exit(2);
        assert!(r.stderr.contains("--max-doc-mb") && r.stderr.contains("1..=1048576"), "{}", r.stderr);
    }
    let db = s.arg("events.db");
    ingest(&s, &input, &db, &["--published", "2024-01-18", "--max-doc-mb", "99999999999"]).assert_exit(2);
    // The largest accepted limit works.
    let r = dragoman(&["code", "--actors", &actors, "--published", "2024-01-18", "--max-doc-mb", "1048576", &input]);
    r.assert_exit(0);
    assert!(!events_of(&r).is_empty());
}

#[cfg(unix)]
#[test]
fn folders_linked_in_a_cycle_are_read_once() {
    use std::os::unix::fs::symlink;
    let s = scratch("cycles");
    s.write("corpus/sub/a.txt", GOOD);
    fs::create_dir_all(s.path("corpus/other")).unwrap();
    // A link to itself, and two folders linking to each other.
    symlink(".", s.path("corpus/sub/self")).unwrap();
    symlink("../other", s.path("corpus/sub/to-other")).unwrap();
    symlink("../sub", s.path("corpus/other/to-sub")).unwrap();
    let actors = s.arg("tiny.actors");
    let mut child = bin()
        .args(["code", "--actors", &actors, "--published", "2024-01-18", &s.arg("corpus")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Without the guard the walk never ends: give it a deadline.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the walk did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let r = Run::of(child.wait_with_output().unwrap());
    r.assert_exit(0);
    assert!(r.stderr.contains("coded 1 document(s)"), "one article, read once:\n{}", r.stderr);
}

#[test]
fn the_database_beside_the_articles_is_not_read_as_one() {
    let s = scratch("db-inside");
    s.write("corpus/a.jsonl", record("a", GOOD) + "\n");
    let db = s.arg("corpus/events.db");
    for _ in 0..2 {
        let r = ingest(&s, &s.arg("corpus"), &db, &[]);
        r.assert_exit(0);
        assert!(r.stderr.is_empty(), "{}", r.stderr);
    }
    // Named outright, it is refused by name.
    let r = ingest(&s, &db, &db, &[]);
    r.assert_exit(3);
    assert!(r.stderr.contains("events.db") && r.stderr.contains("database being written"), "{}", r.stderr);
}

#[test]
fn validate_reports_reading_the_file_apart_from_loading_dictionaries() {
    let s = scratch("validate");
    let xml = "<Validation><Environment></Environment>\n<Sentence date=\"20240118\" id=\"A-1\" category=\"A\">\
<EventCoding sourcecode=\"RUS\" targetcode=\"ARM\" eventcode=\"112\"/><Text>Russia accused Armenia.</Text></Sentence>\n</Validation>\n";
    let file = s.write("records.xml", xml).display().to_string();
    let r = dragoman(&["validate", &file]);
    r.assert_exit(0);
    assert!(r.stderr.contains("file read in") && r.stderr.contains("dictionaries loaded in"), "{}", r.stderr);
}

/// Runs dragoman as an unprivileged user when the tests run as root (who may write
/// anything), so that file permissions apply. `None` when that is not possible.
fn unprivileged(args: &[&str]) -> Option<Run> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    let out = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_dragoman"))
            .args(args)
            .output()
            .ok()?
    } else {
        bin().args(args).output().ok()?
    };
    let run = Run::of(out);
    (!run.stderr.contains("setpriv:")).then_some(run)
}

#[cfg(unix)]
#[test]
fn a_database_on_a_read_only_medium_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let s = scratch("read-only-medium");
    let db = database(&s, 3);
    // Copied alone (no -wal or -shm beside it) into a folder nobody may write.
    let medium = s.path("medium");
    fs::create_dir_all(&medium).unwrap();
    fs::copy(&db, medium.join("events.db")).unwrap();
    fs::set_permissions(medium.join("events.db"), fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(s.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&medium, fs::Permissions::from_mode(0o555)).unwrap();
    let copy = medium.join("events.db").display().to_string();
    for args in [
        vec!["events", "--db", &copy, "--format", "jsonl"],
        vec!["events", "--db", &copy],
        vec!["timeline", "--db", &copy, "--actor", "RUS"],
        vec!["export", "--db", &copy, "--format", "jsonl"],
    ] {
        let Some(r) = unprivileged(&args) else {
            eprintln!("SKIPPED: cannot run as an unprivileged user (setpriv)");
            return;
        };
        r.assert_exit(0);
        assert!(!r.stderr.contains("error"), "{}", r.stderr);
        if args.last() == Some(&"jsonl") {
            assert_eq!(r.stdout.lines().count(), 2, "`{}`: {}", args.join(" "), r.stdout);
        }
    }
    let names: Vec<_> = fs::read_dir(&medium).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["events.db"], "nothing written beside it");
}

#[test]
fn a_nul_byte_past_the_first_8_kb_is_binary_in_every_format() {
    let s = scratch("late-nul");
    let long = "Russia accused Armenia of shelling its positions near the border. ".repeat(200);
    let text = format!("{long}\nArmenia denied it.\0 Russia\n");
    let html = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2024-01-18\"></head><body>\n<p>{long}</p>\n<p>Armenia denied it.\0</p></body></html>"
    );
    let escaped = record("escaped", &format!("{long} Armenia denied it.\u{0}"));
    let inputs = [
        (s.write("late.txt", &text), "late.txt:2:"),
        (s.write("late.jsonl", format!("{}\n{escaped}\n", record("clean", GOOD))), "late.jsonl:2:"),
        (s.write("late.html", &html), "late.html:"),
    ];
    for (path, place) in inputs {
        let path = path.display().to_string();
        let r = dragoman(&["read", &path, "--published", "2024-01-18"]);
        r.assert_exit(3);
        assert!(!r.stdout.contains("\\u0000") && !r.stdout.contains('\0'), "stored raw: {}", r.stdout);
        let error = r.stderr.lines().find(|l| l.starts_with("error:")).unwrap_or_default();
        assert!(error.contains(place) && error.contains("NUL"), "{path}: {}", r.stderr);
    }
}
