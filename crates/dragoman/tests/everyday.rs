//! What a researcher meets in the first hour (issue 11), through the `dragoman`
//! binary: `--explain` beside the events rather than instead of them, a command run
//! with nothing piped in, a mistyped path, undated documents refused by `ingest`, a
//! corrected article replacing its old version, and `dragoman delete`.

#[cfg(target_os = "linux")]
#[path = "support/pty.rs"]
mod pty;
#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::{Connection, OpenFlags};
use scratch::Scratch;

/// A tiny actor dictionary, so the articles code whatever the built-in lists hold.
const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n";

const RUS_ARM: &str =
    "MOSCOW (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border.";
const AZE_ARM: &str = "Azerbaijan urged Armenia on Thursday to return to the peace talks.";

/// A scratch directory holding the tiny actor dictionary, `tiny.actors`.
fn scratch(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.write("tiny.actors", ACTORS);
    s
}

/// Writes `bytes` to `name` in the scratch directory; its path as an argument.
fn write(s: &Scratch, name: &str, bytes: impl AsRef<[u8]>) -> String {
    s.write(name, bytes);
    s.arg(name)
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dragoman"))
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

    /// The JSON objects on standard output, one a line.
    fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
    }
}

/// Runs dragoman with standard input closed (nothing piped in, not a terminal).
fn dragoman(args: &[&str]) -> Run {
    Run::of(bin().args(args).stdin(Stdio::null()).output().expect("dragoman runs"))
}

// ---- --explain ------------------------------------------------------------------

#[test]
fn explain_goes_beside_the_events_never_in_their_place() {
    let s = scratch("explain");
    let story = write(&s, "story.txt", RUS_ARM);
    let actors = s.arg("tiny.actors");
    let plain = dragoman(&["code", &story, "--published", "2024-01-18", "--actors", &actors, "--quiet"]);
    plain.assert_exit(0);
    assert!(!plain.json_lines().is_empty(), "the story has events");

    // --explain: the same events on stdout, the explanation on stderr.
    let explained =
        dragoman(&["code", &story, "--published", "2024-01-18", "--actors", &actors, "--quiet", "--explain"]);
    explained.assert_exit(0);
    assert_eq!(explained.stdout, plain.stdout, "--explain leaves the events as they are");
    assert!(explained.stderr.contains("== document story"), "{}", explained.stderr);
    assert!(explained.stderr.contains("EVENT:  RUS -> ARM 11"), "{}", explained.stderr);

    // --explain-file: the explanation in its file, the events in -o.
    let (events, why) = (s.arg("events.jsonl"), s.arg("why.txt"));
    let to_files = dragoman(&[
        "code",
        &story,
        "--published",
        "2024-01-18",
        "--actors",
        &actors,
        "--quiet",
        "-o",
        &events,
        "--explain-file",
        &why,
    ]);
    to_files.assert_exit(0);
    assert_eq!(to_files.stdout, "");
    assert_eq!(to_files.stderr, "");
    assert_eq!(fs::read_to_string(&events).unwrap(), plain.stdout);
    let why = fs::read_to_string(&why).unwrap();
    assert!(why.contains("tree:") && why.contains("EVENT:"), "{why}");

    // An explanation file that cannot be written stops the run before any coding.
    let bad = dragoman(&["code", &story, "--published", "2024-01-18", "--explain-file", &s.arg("no/such/dir/why.txt")]);
    bad.assert_exit(1);
    assert!(bad.stderr.contains("cannot write the explanation to"), "{}", bad.stderr);
    assert_eq!(bad.stdout, "");
}

// ---- no input, a missing input ---------------------------------------------------

/// Runs dragoman with a pseudo-terminal as standard input, as when a user types
/// `dragoman code` and nothing is piped in. If the command waits on the terminal
/// anyway, the end-of-file typed right after (Ctrl-D, a few times: a terminal's
/// end-of-file ends one read, and a reader may read again) ends the wait: the test
/// then fails on what was printed instead of hanging.
#[cfg(target_os = "linux")]
fn at_a_terminal(args: &[&str]) -> Run {
    use std::io::Write;

    let (mut master, slave) = pty::pty(None);
    let child = bin().args(args).stdin(slave).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    master.write_all(&[0x04; 8]).unwrap();
    let out = child.wait_with_output().unwrap();
    drop(master);
    Run::of(out)
}

/// Runs dragoman with its standard error on a pseudo-terminal, as a user watching a
/// long ingest sees it; returns the exit status and everything drawn there.
#[cfg(target_os = "linux")]
fn watched(args: &[&str]) -> (std::process::ExitStatus, String) {
    let (master, slave) = pty::pty(None);
    let mut child = bin().args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(slave).spawn().unwrap();
    let reader = pty::drain(master);
    let status = child.wait().unwrap();
    (status, String::from_utf8_lossy(&reader.join().unwrap()).into_owned())
}

#[cfg(target_os = "linux")]
#[test]
fn nothing_piped_in_at_a_terminal_prints_the_usage() {
    for command in ["code", "ingest", "parse", "read"] {
        let r = at_a_terminal(&[command]);
        r.assert_exit(2);
        assert!(r.stderr.contains("error: nothing to read"), "{command}: {}", r.stderr);
        assert!(r.stderr.contains(&format!("Usage: dragoman {command} [OPTIONS] [PATHS]...")), "{}", r.stderr);
        assert!(!r.stderr.contains("empty document"), "{command} read the terminal: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

/// A progress bar of bytes with the share done and the time left, when the input's
/// size is known; its document count agrees with the summary.
#[cfg(target_os = "linux")]
#[test]
fn ingest_at_a_terminal_shows_how_far_it_is() {
    let s = scratch("progress");
    let db = s.arg("events.db");
    let lines: String =
        (0..400).map(|i| record(&format!("d{i}"), "2024-01-18", "Wire", &format!("{RUS_ARM} ({i})")) + "\n").collect();
    let input = write(&s, "many.jsonl", lines);
    let (status, drawn) = watched(&["ingest", &input, "--db", &db]);
    assert!(status.success(), "{drawn}");
    let drawn = drawn.replace('\r', "\n");
    assert!(drawn.contains("% of "), "no share done: {drawn}");
    assert!(drawn.contains(" left"), "no time left: {drawn}");
    assert!(drawn.contains("documents"), "{drawn}");
    // The summary counts what the bar counted.
    assert!(drawn.contains("400 document"), "{drawn}");
}

#[test]
fn standard_input_that_is_not_a_terminal_is_still_read() {
    let r = Run::of({
        let mut child = bin()
            .args(["code", "--published", "2024-01-18", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), RUS_ARM.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    });
    r.assert_exit(0);
    assert!(!r.json_lines().is_empty(), "the piped story is coded");
}

#[test]
fn a_missing_input_path_stops_the_command_with_status_1() {
    let s = scratch("missing");
    let story = write(&s, "story.txt", RUS_ARM);
    let out = s.arg("events.jsonl");
    fs::write(&out, "kept\n").unwrap();
    let r = dragoman(&["code", &story, &s.arg("stroy.txt"), "--published", "2024-01-18", "-o", &out]);
    r.assert_exit(1);
    assert!(r.stderr.contains("stroy.txt: no such file or directory; nothing was coded"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept\n", "the output file is not touched");

    let db = s.arg("events.db");
    let r = dragoman(&["ingest", &s.arg("a.txt"), &s.arg("b.txt"), "--db", &db, "--published", "2024-01-18"]);
    r.assert_exit(1);
    assert!(r.stderr.contains("no such files or directories:") && r.stderr.contains("b.txt"), "{}", r.stderr);
    assert!(!Path::new(&db).exists(), "no database is created for nothing");

    for command in ["parse", "read"] {
        let r = dragoman(&[command, &s.arg("nope.html")]);
        r.assert_exit(1);
        assert!(r.stderr.contains("nope.html: no such file or directory"), "{}", r.stderr);
    }
}

// ---- dates, new versions, delete --------------------------------------------------

/// A JSON Lines record.
fn record(id: &str, published: &str, source: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": published, "source": source, "text": text}).to_string() + "\n"
}

/// `dragoman ingest` with the tiny actors, quietly.
fn ingest(s: &Scratch, input: &str, db: &str, extra: &[&str]) -> Run {
    let actors = s.arg("tiny.actors");
    let mut args = vec!["ingest", input, "--db", db, "--actors", &actors, "--quiet"];
    args.extend_from_slice(extra);
    dragoman(&args)
}

fn open(db: &str) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// What a database says, without its row ids (which depend on the order things
/// were stored in): the documents, every event with its counts, place and
/// outlets, every mention with its evidence, the full-text index's answer for
/// each word of the evidence, and whether that index is whole.
fn contents(db: &str) -> Vec<String> {
    let c = open(db);
    let rows = |sql: &str| -> Vec<String> {
        let mut s = c.prepare(sql).unwrap();
        let n = s.column_count();
        let mut out: Vec<String> = s
            .query_map([], |r| Ok((0..n).map(|i| show(r.get_ref(i).unwrap())).collect::<Vec<_>>().join(" | ")))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.sort();
        out
    };
    let mut all = vec!["-- documents".to_string()];
    all.extend(rows("SELECT doc_id, outlet, published, sentences, mentions FROM documents"));
    all.push("-- events".into());
    all.extend(rows(
        "SELECT date, date_end, source_code, target_code, code, num_mentions, num_sources, num_articles, location_name, lat, \
         (SELECT group_concat(outlet, ',') FROM (SELECT outlet FROM event_outlets o WHERE o.event_id = e.id ORDER BY outlet)) FROM events e",
    ));
    all.push("-- mentions".into());
    all.extend(rows(
        "SELECT d.doc_id, s.idx, s.text, m.trigger_text, e.date, e.code FROM mentions m \
         JOIN documents d ON d.id = m.document JOIN sentences s ON s.id = m.sentence JOIN events e ON e.id = m.event_id",
    ));
    all.push("-- search".into());
    for word in ["accused", "urged", "shelling", "border", "officials"] {
        let n: i64 =
            c.query_row("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?1", [word], |r| r.get(0)).unwrap();
        all.push(format!("{word}: {n}"));
    }
    let rw = Connection::open(db).unwrap();
    rw.execute_batch("INSERT INTO sentence_fts (sentence_fts) VALUES ('integrity-check')")
        .unwrap_or_else(|e| panic!("the full-text index is damaged: {e}"));
    all
}

fn show(v: rusqlite::types::ValueRef) -> String {
    use rusqlite::types::ValueRef::*;
    match v {
        Null => "null".into(),
        Integer(i) => i.to_string(),
        Real(f) => f.to_string(),
        Text(t) | Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

const RUS_ARM_POST: &str = "Russia accused Armenia on Monday of shelling its positions, officials said.";

#[test]
fn ingest_refuses_a_document_with_no_date_from_any_source() {
    let s = scratch("undated");
    let db = s.arg("events.db");
    let story = write(&s, "story.txt", RUS_ARM);
    let r = ingest(&s, &story, &db, &[]);
    r.assert_exit(3);
    assert!(r.stderr.contains("story.txt: no publication date; not stored (give --published"), "{}", r.stderr);
    assert_eq!(contents(&db)[1], "-- events", "nothing stored");

    let records = write(
        &s,
        "records.jsonl",
        record("dated", "2024-01-18", "Wire", AZE_ARM)
            + &serde_json::json!({"id": "undated", "text": RUS_ARM}).to_string()
            + "\n"
            + &serde_json::json!({"text": RUS_ARM_POST}).to_string()
            + "\n",
    );
    let r = ingest(&s, &records, &db, &[]);
    r.assert_exit(3);
    assert!(
        r.stderr.contains("records.jsonl:2: record `undated` has no \"published\" date; not stored"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("records.jsonl:3: record has no \"published\" date; not stored"), "{}", r.stderr);
    let stored: Vec<String> = contents(&db).into_iter().take_while(|l| l != "-- events").skip(1).collect();
    assert_eq!(stored.len(), 1, "only the dated record: {stored:?}");
    assert!(stored[0].starts_with("dated | Wire | 2024-01-18"), "{stored:?}");

    // --published is a source of dates: with it, both are stored on that day.
    let r = ingest(&s, &story, &db, &["--published", "2024-02-01"]);
    r.assert_exit(0);
    assert!(contents(&db).iter().any(|l| l.starts_with("story | null | 2024-02-01")));

    // `code` still codes undated text, dated today with a warning.
    let r = dragoman(&["code", &story, "--actors", &s.arg("tiny.actors")]);
    r.assert_exit(0);
    assert!(r.stderr.contains("warning: no --published date"), "{}", r.stderr);
    assert!(!r.json_lines().is_empty());
}

#[test]
fn a_new_version_of_a_document_replaces_the_old_one_and_its_events() {
    let s = scratch("versions");
    let first = write(
        &s,
        "first.jsonl",
        record("a", "2024-01-18", "Wire", RUS_ARM)
            + &record("b", "2024-01-18", "Post", RUS_ARM_POST)
            + &record("c", "2024-01-18", "Wire", AZE_ARM),
    );
    // The corrected "a": a week later, and the border gone from its text; "c"
    // from another outlet (on another day) is another document, not a version.
    let fixed = RUS_ARM.replace(" near the border", "");
    let second = write(
        &s,
        "second.jsonl",
        record("a", "2024-01-25", "Wire", &fixed) + &record("c", "2024-01-19", "Post", AZE_ARM),
    );
    let db = s.arg("events.db");
    ingest(&s, &first, &db, &[]).assert_exit(0);
    let before = contents(&db);
    assert!(before.contains(&"border: 1".to_string()), "{before:#?}");
    let r = dragoman(&["ingest", &second, "--db", &db, "--actors", &s.arg("tiny.actors")]);
    r.assert_exit(0);
    assert!(r.stderr.contains("stored 2 new document(s) (1 replacing an earlier version"), "{}", r.stderr);

    // The database is the one an ingest of only the current versions makes.
    let fresh = s.arg("fresh.db");
    let current = write(
        &s,
        "current.jsonl",
        record("b", "2024-01-18", "Post", RUS_ARM_POST)
            + &record("c", "2024-01-18", "Wire", AZE_ARM)
            + &record("a", "2024-01-25", "Wire", &fixed)
            + &record("c", "2024-01-19", "Post", AZE_ARM),
    );
    ingest(&s, &current, &fresh, &[]).assert_exit(0);
    let after = contents(&db);
    assert_eq!(after, contents(&fresh));
    assert!(after.contains(&"border: 0".to_string()), "the old text is out of the index: {after:#?}");
    // The event "a" shared with "b" lost a mention, an article and an outlet.
    assert!(
        after.iter().any(|l| l.starts_with("2024-01-15 | 2024-01-15 | RUS | ARM") && l.contains(" | 1 | 1 | 1 | ")),
        "{after:#?}"
    );

    // Ingesting an identical copy again changes nothing.
    ingest(&s, &second, &db, &[]).assert_exit(0);
    assert_eq!(contents(&db), after);
}

#[test]
fn documents_without_an_id_of_their_own_are_never_taken_for_versions() {
    let s = scratch("positional");
    let db = s.arg("events.db");
    let actors = s.arg("tiny.actors");
    for text in [RUS_ARM, AZE_ARM] {
        let mut child = bin()
            .args(["ingest", "-", "--db", &db, "--actors", &actors, "--published", "2024-01-18", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
        Run::of(child.wait_with_output().unwrap()).assert_exit(0);
    }
    // Two records without "id" on the same line of two files.
    let one = write(&s, "one.jsonl", serde_json::json!({"published": "2024-01-18", "text": RUS_ARM_POST}).to_string());
    let two = write(&s, "two.jsonl", serde_json::json!({"published": "2024-01-19", "text": RUS_ARM_POST}).to_string());
    ingest(&s, &one, &db, &[]).assert_exit(0);
    ingest(&s, &two, &db, &[]).assert_exit(0);
    let docs: Vec<String> = contents(&db).into_iter().take_while(|l| l != "-- events").skip(1).collect();
    assert_eq!(docs.len(), 4, "all four kept: {docs:#?}");
}

#[test]
fn delete_removes_documents_with_their_events_and_reports_what_it_did() {
    let s = scratch("delete");
    let corpus = write(
        &s,
        "corpus.jsonl",
        record("a", "2024-01-18", "Wire", RUS_ARM)
            + &record("b", "2024-01-18", "Post", RUS_ARM_POST)
            + &record("c", "2024-01-18", "Wire", AZE_ARM)
            + &record("d", "2024-01-18", "Post", AZE_ARM),
    );
    let db = s.arg("events.db");
    ingest(&s, &corpus, &db, &[]).assert_exit(0);

    // By id and outlet: "c" from Post matches nothing, "d" from Post does.
    let r = dragoman(&["delete", "--db", &db, "--doc", "c", "d", "--source", "Post"]);
    r.assert_exit(3);
    assert!(r.stderr.contains("no document `c` from `Post`"), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "deleted 1 document(s) with 1 mention(s): 0 event(s) reported by no other document deleted, 1 recounted"
        ),
        "{}",
        r.stderr
    );

    // By id: "a" leaves; the event it shared with "b" stays, recounted.
    let r = dragoman(&["delete", "--db", &db, "--doc", "a"]);
    r.assert_exit(0);
    let fresh = s.arg("fresh.db");
    let rest = write(
        &s,
        "rest.jsonl",
        record("b", "2024-01-18", "Post", RUS_ARM_POST) + &record("c", "2024-01-18", "Wire", AZE_ARM),
    );
    ingest(&s, &rest, &fresh, &[]).assert_exit(0);
    assert_eq!(contents(&db), contents(&fresh), "as if \"a\" and \"d\" had never been ingested");

    // By outlet: every Wire document goes, and the events only they reported.
    let r = dragoman(&["delete", "--db", &db, "--source", "Wire"]);
    r.assert_exit(0);
    assert!(
        r.stderr.contains("deleted 1 document(s) with 1 mention(s): 1 event(s) reported by no other document deleted"),
        "{}",
        r.stderr
    );
    let left = contents(&db);
    assert!(left.contains(&"urged: 0".to_string()) && left.contains(&"accused: 1".to_string()), "{left:#?}");

    // Nothing matched: status 1, nothing changed.
    let r = dragoman(&["delete", "--db", &db, "--doc", "zzz"]);
    r.assert_exit(1);
    assert!(r.stderr.contains("no document `zzz`") && r.stderr.contains("nothing was deleted"), "{}", r.stderr);
    assert_eq!(contents(&db), left);

    // No database: said, and none is created.
    let r = dragoman(&["delete", "--db", &s.arg("nope.db"), "--doc", "a"]);
    r.assert_exit(1);
    assert!(r.stderr.contains("no such database"), "{}", r.stderr);
    assert!(!s.path("nope.db").exists());

    // Neither --doc nor --source: a bad command line.
    dragoman(&["delete", "--db", &db]).assert_exit(2);
}

// ---- README and help ------------------------------------------------------------

/// The top of the checkout.
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn readme() -> String {
    fs::read_to_string(repository().join("README.md")).unwrap()
}

#[test]
fn the_help_names_every_input_format_and_every_command_its_exit_status() {
    let top = dragoman(&["--help"]);
    top.assert_exit(0);
    for format in ["plain text", "JSON Lines", "HTML", "RSS and Atom", "WARC"] {
        assert!(top.stdout.contains(format), "`dragoman --help` does not name {format}:\n{}", top.stdout);
    }
    for command in ["code", "validate", "ingest", "events", "timeline", "export", "delete", "parse", "read"] {
        let help = dragoman(&[command, "--help"]);
        help.assert_exit(0);
        let (about, rest) = help.stdout.split_once("\n\n").unwrap();
        assert!(!about.trim().is_empty() && !rest.starts_with("Usage:"), "`{command} --help` has no description");
        assert!(help.stdout.contains("Exit status: 0"), "`{command} --help` gives no exit status:\n{}", help.stdout);
    }
}

/// The event the README opens with is what `code` prints for its sentence today:
/// every field the README shows has the value it shows.
#[test]
fn the_readme_sample_event_is_what_code_prints() {
    let readme = readme();
    let sample = readme.split("```json\n").nth(1).and_then(|b| b.split("```").next()).unwrap();
    let sample: serde_json::Value = serde_json::from_str(sample).unwrap();
    let sentence = "In early December, the Russian Foreign Ministry rebuked the Armenian leadership.";
    assert!(readme.contains("The sentence \"In early December, the Russian Foreign Ministry rebuked\nthe Armenian leadership\", published on 2024-01-18"));
    let r = Run::of({
        let mut child = bin()
            .args(["code", "--published", "2024-01-18", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), sentence.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    });
    r.assert_exit(0);
    let events = r.json_lines();
    assert_eq!(events.len(), 1, "{}", r.stdout);
    fn shown_as_printed(shown: &serde_json::Value, printed: &serde_json::Value, at: &str) {
        match shown {
            serde_json::Value::Object(fields) => {
                for (k, v) in fields {
                    shown_as_printed(v, &printed[k], &format!("{at}.{k}"));
                }
            }
            _ => assert_eq!(shown, printed, "the README shows {at} = {shown}, `code` prints {printed}"),
        }
    }
    shown_as_printed(&sample, &events[0], "event");
}

/// Every `dragoman` command in the README's shell examples runs, as written, on the
/// files the repository ships, and ends with status 0. They run in order in a
/// scratch folder that sees the repository's `examples/` and `docs/` (the ingest
/// before the queries of its database). The commands that build with cargo or need
/// `../shared` are not `dragoman` commands and are left out. Where `jq` is not
/// installed, `cat` stands in for it.
#[test]
fn every_readme_example_runs_on_the_shipped_files() {
    let s = scratch("readme");
    let repo = repository();
    for dir in ["examples", "docs"] {
        std::os::unix::fs::symlink(repo.join(dir), s.path(dir)).unwrap();
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_dragoman")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let has_jq = Command::new("jq").arg("--version").output().is_ok();
    let readme = readme();
    let mut commands = Vec::new();
    for block in readme.split("```sh\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let mut command = String::new();
        for line in block.lines() {
            match line.strip_suffix('\\') {
                Some(part) => command.push_str(part),
                None => {
                    command.push_str(line);
                    commands.push(std::mem::take(&mut command));
                }
            }
        }
    }
    let commands: Vec<String> =
        commands.into_iter().filter(|c| c.starts_with("dragoman ") || c.starts_with("cat examples/")).collect();
    assert!(commands.len() >= 25, "the README's examples were not found: {commands:#?}");
    for command in commands {
        let run = if has_jq { command.clone() } else { command.replace("jq -r .text", "cat") };
        let r = Run::of(
            Command::new("sh")
                .args(["-c", &format!("set -e; {run}")])
                .current_dir(s.dir())
                .env("PATH", &path)
                .stdin(Stdio::null())
                .output()
                .unwrap(),
        );
        assert_eq!(r.code, 0, "README example `{command}` failed:\n{}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "`{command}`:\n{}", r.stderr);
    }
}
