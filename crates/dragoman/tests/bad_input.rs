//! `dragoman code` on bad input: binary files, broken encodings, malformed and giant
//! JSON lines, empty documents, missing paths, unreadable dictionaries, bad flags.
//!
//! Each case checks what a user relies on: no panic, a message on stderr that names
//! the file (and the line), the good input beside the bad still coded, and the exit
//! status (3 when something was skipped, 0 when not, 1 or 2 for fatal problems).
//!
//! The good articles are coded with a tiny PETRARCH actor dictionary on top of the
//! built-ins, so they produce events whatever state the built-in actor lists are in;
//! the tests check which documents produced events, never which events.

#[path = "support/scratch.rs"]
mod scratch;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use scratch::Scratch;

/// An article every coder should find an event in (given `ACTORS`).
const GOOD: &str =
    "MOSCOW (Dragoman Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border. \
Armenia urged Russia to return to the negotiating table.\n";

const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\n";

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
    /// The process ended on its own, without a panic.
    fn assert_no_panic(&self) {
        assert_ne!(self.code, 101, "dragoman panicked:\n{}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "dragoman panicked:\n{}", self.stderr);
    }

    fn assert_exit(&self, code: i32) {
        self.assert_no_panic();
        assert_eq!(self.code, code, "exit status\nstderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
    }

    /// `N` in the summary line "coded N document(s), ...".
    fn documents_coded(&self) -> usize {
        let line = self
            .stderr
            .lines()
            .find(|l| l.starts_with("coded "))
            .unwrap_or_else(|| panic!("no summary line in stderr:\n{}", self.stderr));
        line["coded ".len()..]
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("cannot read the summary line `{line}`"))
    }

    /// The documents that produced events on stdout.
    fn event_docs(&self) -> BTreeSet<String> {
        self.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value =
                    serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l}"));
                v["doc_id"].as_str().unwrap_or_else(|| panic!("no doc_id in {l}")).to_string()
            })
            .collect()
    }

    /// The error lines on stderr.
    fn errors(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.starts_with("error:")).collect()
    }

    /// Exactly one error line, containing every one of `needles`.
    fn assert_one_error(&self, needles: &[&str]) {
        let errors = self.errors();
        assert_eq!(errors.len(), 1, "expected one error, stderr:\n{}", self.stderr);
        for n in needles {
            assert!(errors[0].to_lowercase().contains(&n.to_lowercase()), "error `{}` should mention `{n}`", errors[0]);
        }
    }

    /// The good documents, and only they, were coded and produced events.
    fn assert_coded(&self, ids: &[&str]) {
        assert_eq!(self.documents_coded(), ids.len(), "documents coded\nstderr:\n{}", self.stderr);
        let want: BTreeSet<String> = ids.iter().map(|s| s.to_string()).collect();
        assert_eq!(self.event_docs(), want, "documents with events\nstderr:\n{}", self.stderr);
    }
}

fn run(args: &[&OsStr], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dragoman"));
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().expect("dragoman runs");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        // A writer thread, so a full stdout pipe cannot deadlock us.
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let out = child.wait_with_output().expect("dragoman finishes");
    Run {
        code: out.status.code().unwrap_or_else(|| panic!("dragoman was killed by a signal: {:?}", out.status)),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `dragoman code --published 2024-03-12 --actors <tiny> <args...>`
fn code(s: &Scratch, args: &[&OsStr], stdin: Option<&[u8]>) -> Run {
    let actors = s.path("tiny.actors");
    let mut all: Vec<&OsStr> =
        vec!["code".as_ref(), "--published".as_ref(), "2024-03-12".as_ref(), "--actors".as_ref(), actors.as_os_str()];
    all.extend_from_slice(args);
    run(&all, stdin)
}

fn os(p: &Path) -> &OsStr {
    p.as_os_str()
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": "2024-03-12", "text": text}).to_string()
}

/// Bytes that look binary: pseudo-random, with NULs.
fn binary_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 97 == 5 {
                0
            } else {
                x as u8
            }
        })
        .collect()
}

#[test]
fn binary_file_beside_a_good_article() {
    let s = scratch("binary");
    let blob = s.write("articles/blob.bin", binary_bytes(4096));
    s.write("articles/good.txt", GOOD);
    let r = code(&s, &[os(&s.path("articles"))], None);
    r.assert_exit(3);
    r.assert_one_error(&[&shown(&blob), "binary"]);
    r.assert_coded(&["good"]);
}

#[test]
fn invalid_utf8_names_its_line() {
    let s = scratch("utf8");
    let bad =
        s.write("latin1.txt", b"Russia accused Armenia.\nArmenia urged Russia.\nThe caf\xe9 in Yerevan was shelled.\n");
    let good = s.write("good.txt", GOOD);
    let r = code(&s, &[os(&bad), os(&good)], None);
    r.assert_exit(3);
    r.assert_one_error(&[&format!("{}:3:", shown(&bad)), "UTF-8"]);
    r.assert_coded(&["good"]);
}

#[test]
fn malformed_json_line_is_skipped_and_named() {
    let s = scratch("json");
    let lines = [record("one", GOOD), r#"{"id": "two", "text": "Russia accused"#.to_string(), record("three", GOOD)];
    let f = s.write("articles.jsonl", lines.join("\n") + "\n");
    let r = code(&s, &[os(&f)], None);
    r.assert_exit(3);
    r.assert_one_error(&[&format!("{}:2:", shown(&f)), "malformed JSON"]);
    r.assert_coded(&["one", "three"]);
}

#[test]
fn empty_file_and_empty_record_text() {
    let s = scratch("empty");
    let empty = s.write("empty.txt", "");
    let blank = s.write("blank.txt", " \n\t\n");
    let good = s.write("good.txt", GOOD);
    let r = code(&s, &[os(&empty), os(&blank), os(&good)], None);
    r.assert_exit(3);
    let errors = r.errors();
    assert_eq!(errors.len(), 2, "stderr:\n{}", r.stderr);
    assert!(errors[0].contains(&shown(&empty)) && errors[0].contains("empty"), "{}", errors[0]);
    assert!(errors[1].contains(&shown(&blank)) && errors[1].contains("empty"), "{}", errors[1]);
    r.assert_coded(&["good"]);

    let lines = [record("one", GOOD), record("two", ""), record("three", "   \n "), record("four", GOOD)];
    let f = s.write("records.jsonl", lines.join("\n") + "\n");
    let r = code(&s, &[os(&f)], None);
    r.assert_exit(3);
    let errors = r.errors();
    assert_eq!(errors.len(), 2, "stderr:\n{}", r.stderr);
    assert!(errors[0].contains(&format!("{}:2:", shown(&f))) && errors[0].contains("empty"), "{}", errors[0]);
    assert!(errors[1].contains(&format!("{}:3:", shown(&f))) && errors[1].contains("empty"), "{}", errors[1]);
    r.assert_coded(&["one", "four"]);

    // A JSON Lines file with no records at all is not an error today.
    let nothing = s.write("nothing.jsonl", "");
    let r = code(&s, &[os(&nothing), os(&good)], None);
    r.assert_no_panic();
    r.assert_coded(&["good"]);
}

#[test]
fn giant_json_line_is_skipped_without_holding_it() {
    let s = scratch("giant");
    let path = s.path("giant.jsonl");
    {
        let mut w = BufWriter::with_capacity(1 << 20, fs::File::create(&path).unwrap());
        w.write_all(br#"{"id": "giant", "published": "2024-03-12", "text": ""#).unwrap();
        let chunk = "Russia accused Armenia of shelling its positions near the border. ".repeat(1000);
        let mut written = 0;
        while written < 100 << 20 {
            w.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        w.write_all(b"\"}\n").unwrap();
        w.write_all(record("after", GOOD).as_bytes()).unwrap();
        w.write_all(b"\n").unwrap();
        w.flush().unwrap();
    }
    assert!(fs::metadata(&path).unwrap().len() > 100 << 20);
    let r = code(&s, &[os(&path)], None);
    fs::remove_file(&path).unwrap();
    r.assert_exit(3);
    r.assert_one_error(&[&format!("{}:1:", shown(&path)), "limit", "10 MB", "--max-doc-mb"]);
    r.assert_coded(&["after"]);
}

#[test]
fn strict_stops_at_the_first_bad_input() {
    let s = scratch("strict");
    s.write("articles/a-blob.bin", binary_bytes(512));
    s.write("articles/b-good.txt", GOOD);
    let dir = s.path("articles");
    let r = code(&s, &[os(&dir)], None);
    r.assert_exit(3);
    r.assert_coded(&["b-good"]);
    let r = code(&s, &["--strict".as_ref(), os(&dir)], None);
    r.assert_exit(3);
    r.assert_one_error(&["a-blob.bin", "binary"]);
    r.assert_coded(&[]);

    let lines = [record("one", GOOD), "{not json".to_string(), record("three", GOOD)];
    let f = s.write("articles.jsonl", lines.join("\n") + "\n");
    let later = s.write("later.txt", GOOD);
    let r = code(&s, &["--strict".as_ref(), os(&f), os(&later)], None);
    r.assert_exit(3);
    r.assert_one_error(&[&format!("{}:2:", shown(&f))]);
    r.assert_coded(&["one"]);
}

/// A path that does not exist is a mistake on the command line, not bad input
/// met along the way: it stops the run before anything is coded (issue 11), so a
/// mistyped folder is never found out only from a summary at the end.
#[test]
fn missing_path_stops_the_run_before_anything_is_coded() {
    let s = scratch("missing");
    let missing = s.path("no-such-article.txt");
    let good = s.write("good.txt", GOOD);
    let r = code(&s, &[os(&missing), os(&good)], None);
    r.assert_exit(1);
    r.assert_one_error(&[&shown(&missing), "no such file or directory", "nothing was coded"]);
    assert!(r.stdout.is_empty(), "no events: {}", r.stdout);
}

#[test]
fn unreadable_dictionary_is_fatal() {
    let s = scratch("dict");
    let good = s.write("good.txt", GOOD);
    let missing = s.path("missing.verbs");
    let dir = s.path("a-directory.verbs");
    fs::create_dir_all(&dir).unwrap();
    for verbs in [&missing, &dir] {
        let r = code(&s, &["--verbs".as_ref(), os(verbs), os(&good)], None);
        r.assert_exit(1);
        r.assert_one_error(&[&shown(verbs), "dictionary"]);
        assert!(r.stdout.is_empty(), "nothing should be coded:\n{}", r.stdout);
    }
}

#[test]
fn bad_published_date_is_a_usage_error() {
    let s = scratch("date");
    let good = s.write("good.txt", GOOD);
    let r = run(&["code".as_ref(), "--published".as_ref(), "notadate".as_ref(), os(&good)], None);
    r.assert_exit(2);
    r.assert_one_error(&["--published", "notadate", "2024-01-18"]);
    assert!(r.stdout.is_empty());
}

#[test]
fn stdin_jsonl_and_plain_text() {
    let s = scratch("stdin");
    let jsonl = [record("one", GOOD), "".to_string(), record("two", GOOD)].join("\n") + "\n";
    let r = code(&s, &["-".as_ref()], Some(jsonl.as_bytes()));
    r.assert_exit(0);
    assert!(r.errors().is_empty(), "stderr:\n{}", r.stderr);
    r.assert_coded(&["one", "two"]);

    // No path at all reads standard input too; a bad record names <stdin> and its line.
    let jsonl = [record("one", GOOD), "{oops".to_string(), record("three", GOOD)].join("\n");
    let r = code(&s, &[], Some(jsonl.as_bytes()));
    r.assert_exit(3);
    r.assert_one_error(&["<stdin>:2:", "malformed JSON"]);
    r.assert_coded(&["one", "three"]);

    let r = code(&s, &["-".as_ref()], Some(GOOD.as_bytes()));
    r.assert_exit(0);
    assert!(r.errors().is_empty(), "stderr:\n{}", r.stderr);
    assert_eq!(r.documents_coded(), 1);
    let ids = r.event_docs();
    assert_eq!(ids.len(), 1, "one document's events, got {ids:?}");
    assert!(ids.iter().all(|id| !id.is_empty()));
}

/// The fields every event line carries (DESIGN.md, "Event record").
fn assert_event_record(line: &str) {
    let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    assert!(v.is_object(), "{line}");
    let has = |v: &serde_json::Value, k: &str| v.get(k).is_some_and(|x| !x.is_null());
    for k in ["doc_id", "sentence_text", "date", "date_precision", "code", "root", "rule"] {
        assert!(v[k].is_string(), "`{k}` should be a string in {line}");
    }
    assert!(v["sentence"].is_u64(), "{line}");
    assert!(v["span"]["start"].is_u64() && v["span"]["end"].is_u64(), "{line}");
    assert!(v["date"].as_str().unwrap().len() == 10, "{line}");
    for k in ["code", "name", "text"] {
        assert!(v["source"][k].is_string(), "source.{k} in {line}");
    }
    assert!(v.get("target").is_some(), "target (null or an actor) in {line}");
    if has(&v, "target") {
        for k in ["code", "name", "text"] {
            assert!(v["target"][k].is_string(), "target.{k} in {line}");
        }
    }
    assert!(
        v["code"].as_str().unwrap().starts_with(v["root"].as_str().unwrap()),
        "code starts with its root in {line}"
    );
    for k in ["quad_class", "goldstein"] {
        assert!(v.get(k).is_some(), "`{k}` in {line}");
    }
    if has(&v, "quad_class") {
        assert!((1..=4).contains(&v["quad_class"].as_u64().unwrap()), "{line}");
    }
    if has(&v, "goldstein") {
        assert!(v["goldstein"].as_f64().unwrap().abs() <= 10.0, "{line}");
    }
    assert!(
        v["plover"].is_object() && v["plover"].get("type").is_some() && v["plover"].get("mode").is_some(),
        "{line}"
    );
}

#[test]
fn happy_path_example_article() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/caucasus-talks.txt");
    let r = run(&["code".as_ref(), os(&example), "--published".as_ref(), "2024-03-12".as_ref()], None);
    r.assert_exit(0);
    assert!(r.errors().is_empty(), "stderr:\n{}", r.stderr);
    assert_eq!(r.documents_coded(), 1);
    r.stdout.lines().for_each(assert_event_record);

    // With a few actors on top, so the record check cannot pass vacuously.
    let s = scratch("happy");
    let r = code(&s, &[os(&example)], None);
    r.assert_exit(0);
    assert!(r.stdout.lines().count() > 0, "no events\nstderr:\n{}", r.stderr);
    r.stdout.lines().for_each(assert_event_record);
    assert_eq!(r.event_docs(), BTreeSet::from(["caucasus-talks".to_string()]));
}
