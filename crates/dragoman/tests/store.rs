//! `dragoman ingest`, `events` and `timeline` end to end, through the binary.
//!
//! What a user relies on: ingesting twice adds nothing; the same event from two
//! outlets is one event with its counts; a `kill -9` in the middle of an ingest,
//! then a re-run, leaves exactly the database an uninterrupted run leaves; a
//! corrupt, locked or read-only database is refused with a message naming it, and
//! nothing stored is lost; the filters and the timeline answer what they say.
//!
//! The articles are coded with a tiny PETRARCH actor dictionary on top of the
//! built-ins, so they produce the same events whatever the state of the built-in
//! lists; the big corpus comes from `dragoman_core::synth`.

#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use scratch::Scratch;

const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_dragoman")
}

/// A scratch directory holding the tiny actor dictionary, `tiny.actors`.
fn scratch(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.write("tiny.actors", ACTORS);
    s
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn of(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn assert_exit(&self, code: i32) -> &Self {
        assert!(!self.stderr.contains("panicked"), "dragoman panicked:\n{}", self.stderr);
        assert_eq!(self.code, code, "exit status\nstderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        self
    }

    /// Exactly one error line, containing every one of `needles`.
    fn assert_error(&self, needles: &[&str]) -> &Self {
        let errors: Vec<&str> = self.stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "expected one error, stderr:\n{}", self.stderr);
        for n in needles {
            assert!(errors[0].contains(n), "`{n}` not in `{}`", errors[0]);
        }
        self
    }
}

fn dragoman(args: &[&str]) -> Run {
    Run::of(Command::new(bin()).args(args).output().expect("run dragoman"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `dragoman ingest INPUT --db DB` with the tiny actor dictionary.
fn ingest(scratch: &Scratch, input: &Path, db: &Path, extra: &[&str]) -> Run {
    let actors = scratch.path("tiny.actors");
    let mut args = vec!["ingest", s(input), "--db", s(db), "--actors", s(&actors)];
    args.extend_from_slice(extra);
    dragoman(&args)
}

fn record(id: &str, published: &str, source: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": published, "source": source, "text": text}).to_string() + "\n"
}

const RUS_ARM: &str =
    "YEREVAN (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border.";
const RUS_ARM_2: &str = "MOSCOW \u{2014} Russia accused Armenia on Monday of shelling its positions, officials said.";

fn small_corpus(scratch: &Scratch) -> PathBuf {
    scratch.write("small.jsonl", small_corpus_text())
}

fn small_corpus_text() -> String {
    let mut text = String::new();
    text += &record("a", "2024-01-18", "Wire", RUS_ARM);
    text += &record("b", "2024-01-18", "Post", RUS_ARM_2);
    text += &record("c", "2024-02-10", "Post", "Azerbaijan urged Armenia on Thursday to return to the peace talks.");
    text += &record("d", "2024-03-05", "Wire", "Armenia praised Azerbaijan on Monday for the ceasefire.");
    text
}

/// Row counts of the main tables, read without the binary.
fn counts(db: &Path) -> [i64; 4] {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    ["documents", "sentences", "events", "mentions"]
        .map(|t| c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap())
}

/// Everything the database says, without ids or ingest times: what two
/// databases must share to be the same.
fn contents(db: &Path) -> Vec<String> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = Vec::new();
    let mut dump = |sql: &str| {
        let mut stmt = c.prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.push(format!("{sql}: {} rows", rows.len()));
        out.extend(rows);
    };
    dump("SELECT content_hash, doc_id, outlet, url, title, published, sentences, mentions, discarded FROM documents");
    dump("SELECT d.doc_id, s.idx, s.start, s.text FROM sentences s JOIN documents d ON d.id = s.document");
    dump("SELECT date, date_end, date_precision, source_code, target_code, code, source_name, target_name, root, code_name, quad_class, goldstein, plover_type, plover_mode, location_name, num_mentions, num_sources, num_articles FROM events");
    dump(
        "SELECT e.date, e.date_end, e.source_code, e.target_code, e.code, d.doc_id, s.idx, m.span_start, m.span_end, m.trigger_text, m.source_text, m.target_text, m.date_text, m.rule \
         FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.document JOIN sentences s ON s.id = m.sentence",
    );
    dump("SELECT e.date, e.source_code, e.target_code, e.code, o.outlet FROM event_outlets o JOIN events e ON e.id = o.event_id");
    // The evidence each event shows: its first mention.
    dump("SELECT e.date, e.source_code, e.target_code, e.code, (SELECT d.doc_id FROM mentions m JOIN documents d ON d.id = m.document WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) FROM events e");
    out
}

fn integrity(db: &Path) -> String {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn ingesting_twice_adds_nothing() {
    let scratch = scratch("twice");
    let input = small_corpus(&scratch);
    let db = scratch.path("events.db");
    let first = ingest(&scratch, &input, &db, &[]);
    first.assert_exit(0);
    assert!(first.stderr.contains("stored 4 new document(s) (0 already stored)"), "{}", first.stderr);
    let before = counts(&db);
    let before_contents = contents(&db);
    assert_eq!(before[0], 4);
    assert!(before[3] >= 4, "mentions: {before:?}");
    let second = ingest(&scratch, &input, &db, &["--batch", "1"]);
    second.assert_exit(0);
    assert!(second.stderr.contains("stored 0 new document(s) (4 already stored)"), "{}", second.stderr);
    assert_eq!(counts(&db), before);
    assert_eq!(contents(&db), before_contents);
    // The same input twice in one run: stored once.
    let db2 = scratch.path("twice-in-one-run.db");
    let actors = scratch.path("tiny.actors");
    dragoman(&["ingest", s(&input), s(&input), "--db", s(&db2), "--actors", s(&actors), "--quiet"]).assert_exit(0);
    assert_eq!(counts(&db2), before);
}

#[test]
fn the_same_event_from_two_outlets_is_one_event_with_counts() {
    let scratch = scratch("dedup");
    let mut text = String::new();
    text += &record("a", "2024-01-18", "Wire", RUS_ARM);
    text += &record("b", "2024-01-18", "Post", RUS_ARM_2);
    text += &record("c", "2024-01-18", "Post", &format!("{RUS_ARM_2} More to follow."));
    let input = scratch.write("dedup.jsonl", text);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let run = dragoman(&["events", "--db", s(&db), "--dyad", "RUS,ARM", "--directed", "--format", "json"]);
    run.assert_exit(0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    let e = &rows[0];
    assert_eq!(
        (e["num_mentions"].as_u64(), e["num_sources"].as_u64(), e["num_articles"].as_u64()),
        (Some(3), Some(2), Some(3)),
        "{e}"
    );
    assert_eq!(e["date"], "2024-01-15");
    assert_eq!(e["doc_id"], "a", "the evidence shown is the first mention's");
    assert_eq!(e["outlet"], "Wire");
    // Every mention's evidence is kept.
    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM mentions WHERE event_id = ?1", [e["event_id"].as_i64().unwrap()], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
}

/// Writes `n` synthetic articles as JSON Lines.
fn synthetic(scratch: &Scratch, n: usize) -> PathBuf {
    let path = scratch.path("synthetic.jsonl");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    for i in 0..n {
        writeln!(f, "{}", dragoman_core::synth::record(7, i)).unwrap();
    }
    f.flush().unwrap();
    path
}

fn documents_in(db: &Path) -> i64 {
    // Read-only and tolerant: the file may not have its tables yet.
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
        .unwrap_or(0)
}

#[test]
fn kill_9_in_the_middle_then_rerun_equals_an_uninterrupted_run() {
    const N: usize = 3000;
    let scratch = scratch("kill9");
    let input = synthetic(&scratch, N);
    let whole = scratch.path("whole.db");
    ingest(&scratch, &input, &whole, &["--quiet", "--batch", "50"]).assert_exit(0);
    let expected = contents(&whole);
    assert_eq!(counts(&whole)[0], N as i64);

    let killed = scratch.path("killed.db");
    let actors = scratch.path("tiny.actors");
    let mut interrupted_at = None;
    // Kill at a third of the way; if the machine is so fast that the run ends
    // before we look, try again on a fresh file a few times.
    for _attempt in 0..5 {
        for ext in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{ext}", killed.display()));
        }
        let mut child = Command::new(bin())
            .args(["ingest", s(&input), "--db", s(&killed), "--actors", s(&actors), "--quiet", "--batch", "50"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let stored = loop {
            let n = documents_in(&killed);
            if n >= (N / 3) as i64 || started.elapsed() > Duration::from_secs(300) {
                break n;
            }
            if let Ok(Some(_)) = child.try_wait() {
                break -1;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let status = Command::new("kill").args(["-9", &child.id().to_string()]).status();
        if !status.is_ok_and(|s| s.success()) {
            let _ = child.kill(); // SIGKILL as well
        }
        let exit = child.wait().unwrap();
        let after = documents_in(&killed);
        if stored >= 0 && after < N as i64 {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(exit.signal(), Some(9), "killed by SIGKILL");
            interrupted_at = Some(after);
            break;
        }
    }
    let at = interrupted_at.expect("the ingest was never caught in the middle");
    assert!(at > 0 && at < N as i64, "interrupted with {at} of {N} documents stored");
    assert_eq!(integrity(&killed), "ok");
    // What was committed is whole: every stored document has its mentions.
    let c = Connection::open_with_flags(&killed, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let short: i64 = c.query_row("SELECT count(*) FROM documents d WHERE d.mentions != (SELECT count(*) FROM mentions m WHERE m.document = d.id)", [], |r| r.get(0)).unwrap();
    assert_eq!(short, 0, "a document is either fully in or not");
    drop(c);

    let rerun = ingest(&scratch, &input, &killed, &["--batch", "50"]);
    rerun.assert_exit(0);
    assert!(
        rerun.stderr.contains(&format!("({at} already stored)")),
        "the re-run skips what was stored: {}",
        rerun.stderr
    );
    assert_eq!(counts(&killed), counts(&whole));
    let got = contents(&killed);
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(g, e);
    }
    assert_eq!(integrity(&killed), "ok");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let scratch = scratch("corrupt");
    let input = small_corpus(&scratch);
    let junk: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let db = scratch.write("junk.db", &junk);
    let run = ingest(&scratch, &input, &db, &[]);
    run.assert_exit(1).assert_error(&["junk.db", "not a database", "left as it is"]);
    assert_eq!(fs::read(&db).unwrap(), junk, "the file is untouched");
    assert!(!scratch.path("junk.db-wal").exists());
    dragoman(&["events", "--db", s(&db)]).assert_exit(1).assert_error(&["junk.db", "not a database"]);
    dragoman(&["timeline", "--db", s(&db), "--actor", "RUS"])
        .assert_exit(1)
        .assert_error(&["junk.db", "not a database"]);

    // A text file.
    let notes = scratch.write("notes.txt", "my notes, not a database\n".repeat(100));
    ingest(&scratch, &input, &notes, &[]).assert_exit(1).assert_error(&["notes.txt", "not a database"]);
    assert_eq!(fs::read_to_string(&notes).unwrap(), "my notes, not a database\n".repeat(100));

    // Somebody else's SQLite database.
    let other = scratch.path("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('wren');")
        .unwrap();
    ingest(&scratch, &input, &other, &[]).assert_exit(1).assert_error(&["other.db", "not a Dragoman one"]);
    let wren: String = Connection::open(&other).unwrap().query_row("SELECT name FROM birds", [], |r| r.get(0)).unwrap();
    assert_eq!(wren, "wren");

    // A Dragoman database with damaged pages: reported, not a panic.
    let good = scratch.path("good.db");
    ingest(&scratch, &input, &good, &["--quiet"]).assert_exit(0);
    let mut bytes = fs::read(&good).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    for b in &mut bytes[page..] {
        *b = 0x5A;
    }
    fs::write(&good, &bytes).unwrap();
    let run = dragoman(&["events", "--db", s(&good)]);
    run.assert_exit(1).assert_error(&["good.db"]);
    assert!(run.stderr.contains("damaged") || run.stderr.contains("not a database"), "{}", run.stderr);
    ingest(&scratch, &input, &good, &[]).assert_exit(1).assert_error(&["good.db"]);

    // Missing databases are not created by readers.
    let missing = scratch.path("missing.db");
    dragoman(&["events", "--db", s(&missing)]).assert_exit(1).assert_error(&["missing.db", "no such database"]);
    assert!(!missing.exists());
}

#[test]
fn a_locked_database_waits_then_says_so_and_keeps_its_contents() {
    let scratch = scratch("locked");
    let input = small_corpus(&scratch);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let before = contents(&db);
    let more = scratch.write(
        "more.jsonl",
        record("e", "2024-04-01", "Wire", "Russia urged Azerbaijan on Monday to sign the treaty."),
    );
    // Another writer holds the lock.
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; INSERT INTO documents (content_hash, doc_id, published, ingested_at, sentences, mentions) VALUES (1, 'x', '2024-01-01', 'now', 0, 0);").unwrap();
    let started = Instant::now();
    let run = ingest(&scratch, &more, &db, &["--busy-timeout", "300"]);
    run.assert_exit(1).assert_error(&["events.db", "locked by another process"]);
    assert!(started.elapsed() >= Duration::from_millis(300), "it waited first");
    // Readers are not blocked by the writer.
    dragoman(&["events", "--db", s(&db), "--actor", "RUS"]).assert_exit(0);
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(contents(&db), before, "nothing stored was lost");
    ingest(&scratch, &more, &db, &["--quiet"]).assert_exit(0);
    assert_eq!(counts(&db)[0], 5);
}

/// Runs dragoman as an unprivileged user when the tests run as root (who may write
/// anything), so that file permissions apply. `None` when that is not possible.
fn unprivileged(args: &[&str]) -> Option<Run> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    let root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let out = if root {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(bin())
            .args(args)
            .output()
            .ok()?
    } else {
        Command::new(bin()).args(args).output().ok()?
    };
    let run = Run::of(out);
    (!run.stderr.contains("setpriv:")).then_some(run)
}

#[test]
fn a_read_only_database_or_directory_is_refused_and_nothing_is_lost() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = scratch("readonly");
    let input = small_corpus(&scratch);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let before = contents(&db);
    let more = scratch.write(
        "more.jsonl",
        record("e", "2024-04-01", "Wire", "Russia urged Azerbaijan on Monday to sign the treaty."),
    );
    let actors = scratch.path("tiny.actors");
    for p in [&input, &more, &actors] {
        fs::set_permissions(p, fs::Permissions::from_mode(0o644)).unwrap();
    }
    fs::set_permissions(scratch.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&db, fs::Permissions::from_mode(0o444)).unwrap();
    let Some(run) = unprivileged(&["ingest", s(&more), "--db", s(&db), "--actors", s(&actors)]) else {
        eprintln!("SKIPPED: cannot run as an unprivileged user (setpriv)");
        return;
    };
    run.assert_exit(1).assert_error(&["events.db", "cannot write", "read-only"]);
    assert_eq!(contents(&db), before);
    // Reading a read-only database works.
    unprivileged(&["events", "--db", s(&db), "--actor", "RUS"]).unwrap().assert_exit(0);

    // A read-only directory: no new database, and an existing one stays readable.
    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(scratch.dir(), fs::Permissions::from_mode(0o555)).unwrap();
    let fresh = scratch.path("fresh.db");
    let run = unprivileged(&["ingest", s(&more), "--db", s(&fresh), "--actors", s(&actors)]).unwrap();
    run.assert_exit(1).assert_error(&["fresh.db", "cannot"]);
    assert!(!fresh.exists());
    let run = unprivileged(&["ingest", s(&more), "--db", s(&db), "--actors", s(&actors)]).unwrap();
    run.assert_exit(1).assert_error(&["events.db", "cannot"]);
    let run = unprivileged(&["events", "--db", s(&db), "--actor", "RUS", "--format", "jsonl"]).unwrap();
    run.assert_exit(0);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stderr);
    fs::set_permissions(scratch.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(contents(&db), before);
}

#[test]
fn events_filters_and_formats() {
    let scratch = scratch("events");
    let input = small_corpus(&scratch);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["events", "--db", s(&db), "--format", "json"];
        all.extend_from_slice(args);
        let run = dragoman(&all);
        run.assert_exit(0);
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
    };
    let all = json(&[]);
    assert!(all.len() >= 3);
    assert_eq!(json(&["--actor", "RUS"]).len(), 1);
    assert_eq!(json(&["--country", "aze"]).len(), 2, "either side, any case");
    assert_eq!(json(&["--dyad", "ARM,AZE"]).len(), 2);
    assert_eq!(json(&["--dyad", "ARM,AZE", "--directed"]).len(), 1);
    assert_eq!(json(&["--source", "AZE", "--target", "ARM"]).len(), 1);
    assert_eq!(json(&["--from", "2024-02-01", "--to", "2024-02-29"]).len(), 1);
    assert_eq!(json(&["--search", "ceasefire"]).len(), 1);
    assert_eq!(json(&["--search", "\"peace talks\""]).len(), 1);
    assert_eq!(json(&["--limit", "2"]).len(), 2);
    let accuse = &json(&["--actor", "RUS"])[0];
    let code = accuse["code"].as_str().unwrap();
    assert!(json(&["--code", &code[..2]]).iter().any(|e| e["code"] == code));
    assert!(json(&["--root", &code[..2]]).iter().all(|e| e["root"] == code[..2]));
    let quad = accuse["quad_class"].as_u64().unwrap().to_string();
    assert!(json(&["--quad", &quad]).iter().all(|e| e["quad_class"].as_u64().unwrap().to_string() == quad));
    if let Some(t) = accuse["plover_type"].as_str() {
        assert!(json(&["--plover", &t.to_lowercase()]).iter().any(|e| e["event_id"] == accuse["event_id"]));
    }
    // JSON Lines and the table.
    let run = dragoman(&["events", "--db", s(&db), "--format", "jsonl"]);
    run.assert_exit(0);
    assert_eq!(run.stdout.lines().count(), all.len());
    let run = dragoman(&["events", "--db", s(&db), "--limit", "1"]);
    run.assert_exit(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("date") && lines[0].contains("m/s/a"), "{}", run.stdout);
    assert!(lines.last().unwrap().contains(&format!("1 of {} events shown", all.len())), "{}", run.stdout);
    // Bad filters are the command line's fault.
    dragoman(&["events", "--db", s(&db), "--quad", "5"]).assert_exit(2);
    dragoman(&["events", "--db", s(&db), "--from", "yesterday"]).assert_exit(2);
    dragoman(&["events", "--db", s(&db), "--country", "RUSSLAND"]).assert_exit(2);
    dragoman(&["events", "--db", s(&db), "--dyad", "RUS"]).assert_exit(2);
}

#[test]
fn filters_take_names_and_other_spellings() {
    let scratch = scratch("names");
    let mut text = small_corpus_text();
    text += &record(
        "k",
        "2024-03-20",
        "Post",
        "KIEV \u{2014} Armenia praised Azerbaijan on Monday in Kiev for the exchange.",
    );
    let input = scratch.write("names.jsonl", text);
    let db = scratch.path("names.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let ids = |args: &[&str]| -> Vec<u64> {
        let mut all = vec!["events", "--db", s(&db), "--format", "jsonl"];
        all.extend_from_slice(args);
        let run = dragoman(&all);
        run.assert_exit(0);
        let mut ids: Vec<u64> = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["event_id"].as_u64().unwrap())
            .collect();
        ids.sort();
        ids
    };
    // A name finds what its code finds, and codes keep their prefix meaning.
    assert_eq!(ids(&["--actor", "Russia"]), ids(&["--actor", "RUS"]));
    assert_eq!(ids(&["--actor", "Russia"]).len(), 1);
    assert_eq!(ids(&["--country", "Azerbaijan"]), ids(&["--country", "AZE"]));
    assert_eq!(ids(&["--dyad", "Armenia,Azerbaijan"]), ids(&["--dyad", "ARM,AZE"]));
    assert_eq!(ids(&["--dyad", "Armenia,Azerbaijan"]).len(), 3);
    assert_eq!(ids(&["--source", "Azerbaijan", "--target", "armenia"]).len(), 1);
    // A place by another spelling than the stored one, and a country by its name.
    let kyiv = ids(&["--place", "Kiev"]);
    assert_eq!(kyiv.len(), 1, "stored as Kyiv, found as Kiev");
    assert_eq!(ids(&["--place", "Kyiv"]), kyiv);
    assert_eq!(ids(&["--place", "Erevan"]), ids(&["--place", "Yerevan"]));
    assert_eq!(ids(&["--place", "Erevan"]).len(), 1);
    assert_eq!(ids(&["--place", "Ukraine"]), kyiv, "a country's name: every place in it");
    // An unknown name is refused with the nearest known ones.
    let run = dragoman(&["events", "--db", s(&db), "--actor", "Rusia"]);
    run.assert_exit(2);
    assert!(run.stderr.contains("did you mean Russia (RUS)?"), "{}", run.stderr);
    let run = dragoman(&["events", "--db", s(&db), "--country", "Armenai"]);
    run.assert_exit(2);
    assert!(run.stderr.contains("did you mean Armenia (ARM)?"), "{}", run.stderr);
    let run = dragoman(&["timeline", "--db", s(&db), "--dyad", "Russia,Armenai"]);
    run.assert_exit(2);
    assert!(run.stderr.contains("Armenia (ARM)"), "{}", run.stderr);
    let run = dragoman(&["timeline", "--db", s(&db), "--actor", "Russia", "--format", "csv"]);
    run.assert_exit(0);
    assert_eq!(run.stdout.lines().count(), 2, "a header and January: {}", run.stdout);
}

#[test]
fn timeline_buckets_and_charts() {
    let scratch = scratch("timeline");
    let mut text = String::new();
    text += &record("a", "2024-01-18", "Wire", RUS_ARM);
    text += &record("b", "2024-01-18", "Post", RUS_ARM_2);
    text += &record("c", "2024-03-10", "Post", "Armenia praised Russia on Thursday for its help.");
    let input = scratch.write("t.jsonl", text);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let run = dragoman(&["timeline", "--db", s(&db), "--dyad", "RUS,ARM", "--format", "csv"]);
    run.assert_exit(0);
    let rows: Vec<Vec<&str>> = run.stdout.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.iter().map(|r| r[0]).collect::<Vec<_>>(), vec!["2024-01", "2024-02", "2024-03"]);
    assert_eq!(&rows[0][2..5], &["1", "0", "1"], "one event (two mentions), conflict");
    assert!(rows[0][5].starts_with('-'), "negative Goldstein sum: {:?}", rows[0]);
    assert_eq!(&rows[1][2..6], &["0", "0", "0", "0.0"]);
    assert_eq!(&rows[2][2..5], &["1", "1", "0"], "cooperation, the other way round");
    let svg = scratch.path("chart.svg");
    let run = dragoman(&["timeline", "--db", s(&db), "--actor", "ARM", "--by", "week", "--svg", s(&svg)]);
    run.assert_exit(0);
    assert!(run.stdout.lines().next().unwrap().starts_with("ARM, by week"), "{}", run.stdout);
    assert!(run.stdout.contains('\u{2588}'), "bars: {}", run.stdout);
    let chart = fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<svg") && chart.contains("<polyline") && chart.trim_end().ends_with("</svg>"));
    let run = dragoman(&[
        "timeline",
        "--db",
        s(&db),
        "--dyad",
        "RUS,ARM",
        "--by",
        "day",
        "--from",
        "2024-01-14",
        "--to",
        "2024-01-16",
        "--format",
        "json",
    ]);
    run.assert_exit(0);
    let days: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        days.iter().map(|d| d["label"].as_str().unwrap()).collect::<Vec<_>>(),
        vec!["2024-01-14", "2024-01-15", "2024-01-16"]
    );
    assert_eq!(days[1]["events"], 1);
    // PNG as well.
    let png = scratch.path("chart.png");
    dragoman(&["timeline", "--db", s(&db), "--actor", "RUS", "--png", s(&png), "--format", "csv"]).assert_exit(0);
    let bytes = fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.ends_with(b"IEND\xaeB`\x82"), "a PNG file");
    // One of --dyad or --actor is required; a chart that cannot be written is an error.
    dragoman(&["timeline", "--db", s(&db)]).assert_exit(2);
    let nowhere = scratch.path("no/such/dir/c.svg");
    dragoman(&["timeline", "--db", s(&db), "--actor", "RUS", "--svg", s(&nowhere)])
        .assert_exit(1)
        .assert_error(&["cannot write", "c.svg"]);
}

/// Every column of the `events` rows of `db`, by name, for the row of `source` → `target`.
fn stored_event(db: &Path, source: &str, target: &str) -> serde_json::Map<String, serde_json::Value> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = c.prepare("SELECT * FROM events WHERE source_code = ?1 AND target_code = ?2").unwrap();
    let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
    stmt.query_row([source, target], |r| {
        Ok(names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let v = match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Text(t) => {
                        serde_json::Value::from(String::from_utf8_lossy(t).to_string())
                    }
                    rusqlite::types::ValueRef::Integer(n) => n.into(),
                    _ => serde_json::Value::Null,
                };
                (n.clone(), v)
            })
            .collect())
    })
    .unwrap()
}

#[test]
fn labels_are_stored_shown_exported_and_older_stores_gain_them() {
    let scratch = scratch("labels");
    let input = small_corpus(&scratch);
    let db = scratch.path("events.db");
    ingest(&scratch, &input, &db, &["--quiet"]).assert_exit(0);
    let e = stored_event(&db, "RUS", "ARM");
    assert_eq!(
        (&e["source_name"], &e["source_country"], &e["source_sector"]),
        (&"Russia".into(), &"RUS".into(), &serde_json::Value::Null)
    );
    assert_eq!((&e["target_name"], &e["target_country"]), (&"Armenia".into(), &"ARM".into()));
    let description = e["description"].as_str().unwrap().to_string();
    assert!(description.starts_with("Russia accused Armenia"), "{description}");

    // `events` shows them, and every export format writes them.
    let run = dragoman(&["events", "--db", s(&db), "--dyad", "RUS,ARM", "--directed", "--format", "json"]);
    run.assert_exit(0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows[0]["description"], description.as_str());
    assert_eq!(rows[0]["target_country"], "ARM");
    for format in ["csv", "tsv", "jsonl"] {
        let out = scratch.path(&format!("events.{format}"));
        dragoman(&["export", "--db", s(&db), "--format", format, "-o", s(&out)]).assert_exit(0);
        let text = std::fs::read_to_string(&out).unwrap();
        for column in ["source_country", "source_sector", "target_country", "target_sector", "description"] {
            assert!(text.contains(column), "{format}: no {column}");
        }
        assert!(text.contains(&description), "{format}: {text}");
    }
    let parquet = scratch.path("events.parquet");
    dragoman(&["export", "--db", s(&db), "--format", "parquet", "-o", s(&parquet)]).assert_exit(0);
    let bytes = std::fs::read(&parquet).unwrap();
    assert!(bytes.windows(11).any(|w| w == b"description"), "the Parquet schema names the column");

    // A store written before the labels (version 1): no label columns, the names the
    // dictionaries gave.
    let old = scratch.path("old.db");
    std::fs::copy(&db, &old).unwrap();
    {
        let c = Connection::open(&old).unwrap();
        let labels = ["source_country", "source_sector", "target_country", "target_sector", "description"];
        let v1: Vec<String> = c
            .prepare("SELECT name FROM pragma_table_info('events')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|n: &String| !labels.contains(&n.as_str()))
            .collect();
        // The table as version 1 made it: the same columns but the labels.
        let others = v1.iter().filter(|n| *n != "id").cloned().collect::<Vec<_>>().join(", ");
        c.execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             BEGIN;
             CREATE TABLE v1 (id INTEGER PRIMARY KEY, {others});
             INSERT INTO v1 SELECT {all} FROM events;
             DROP TABLE events;
             ALTER TABLE v1 RENAME TO events;
             CREATE INDEX events_dyad ON events(source_code, target_code, date, quad_class, goldstein);
             CREATE INDEX events_target ON events(target_code, source_code, date, quad_class, goldstein);
             CREATE INDEX events_date ON events(date);
             UPDATE events SET source_name = 'RUSSIA' WHERE source_code = 'RUS';
             COMMIT;
             PRAGMA user_version = 1;",
            all = v1.join(", ")
        ))
        .unwrap();
    }
    let version = |db: &Path| -> i64 {
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    // Read as it is: labelled as it is read, and left unchanged.
    let run = dragoman(&["events", "--db", s(&old), "--dyad", "RUS,ARM", "--directed", "--format", "json"]);
    run.assert_exit(0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!((&rows[0]["source_name"], &rows[0]["source_country"]), (&"Russia".into(), &"RUS".into()));
    assert_eq!(rows[0]["description"], description.as_str());
    assert_eq!(version(&old), 1);
    // Opened for writing, it is upgraded and its events relabelled.
    ingest(&scratch, &input, &old, &["--quiet"]).assert_exit(0);
    assert_eq!(version(&old), 2);
    let e = stored_event(&old, "RUS", "ARM");
    assert_eq!((&e["source_name"], &e["source_country"]), (&"Russia".into(), &"RUS".into()));
    assert_eq!(e["description"], description.as_str());
    assert_eq!(integrity(&old), "ok");
}
