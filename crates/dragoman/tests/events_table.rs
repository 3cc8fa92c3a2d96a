//! `dragoman events` for reading in a terminal: where each event happened, the
//! newest first (or another `--sort`), sentences cut to the terminal's width with
//! an ellipsis, whole with `--wide` and whole when piped.

#[cfg(target_os = "linux")]
#[path = "support/pty.rs"]
mod pty;
#[path = "support/scratch.rs"]
mod scratch;

use std::process::{Command, Stdio};

use scratch::Scratch;

const LONG: &str = "Russia accused Armenia on Monday of shelling its positions near the border village of \
Tegh for the third time this month, a charge the Armenian defence ministry denied in a statement.";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dragoman"));
    c.env_remove("COLUMNS");
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("run dragoman");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

fn record(id: &str, published: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": published, "source": "Wire", "text": text}).to_string() + "\n"
}

/// A database of four events: the long sentence datelined in Yerevan, a day
/// that two outlets reported, cooperation and conflict.
fn database() -> Scratch {
    let s = Scratch::new("events-table");
    s.write("tiny.actors", "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n");
    let mut corpus = String::new();
    corpus += &record("a", "2024-01-18", &format!("YEREVAN (Wire) \u{2014} {LONG}"));
    corpus += &record("b", "2024-02-10", "Azerbaijan urged Armenia on Thursday to return to the peace talks.");
    corpus += &record("c", "2024-03-05", "Armenia praised Azerbaijan on Monday for the ceasefire.");
    corpus += &record("d", "2024-03-06", "Armenia praised Azerbaijan on Monday for the ceasefire, officials said.");
    s.write("corpus.jsonl", corpus);
    let (code, _, err) =
        run(&["ingest", &s.arg("corpus.jsonl"), "--db", &s.arg("e.db"), "--actors", &s.arg("tiny.actors"), "--quiet"]);
    assert_eq!(code, 0, "{err}");
    s
}

fn jsonl(s: &Scratch, extra: &[&str]) -> Vec<serde_json::Value> {
    let db = s.arg("e.db");
    let mut args = vec!["events", "--db", &db, "--format", "jsonl"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn newest_first_unless_sorted_otherwise() {
    let s = database();
    let dates = |rows: &[serde_json::Value]| -> Vec<String> {
        rows.iter().map(|r| r["date"].as_str().unwrap().to_string()).collect()
    };
    let newest = dates(&jsonl(&s, &[]));
    assert!(newest.len() >= 3);
    let mut descending = newest.clone();
    descending.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest, descending, "newest first by default");
    assert_ne!(newest.first(), newest.last());
    let mut oldest = newest.clone();
    oldest.reverse();
    assert_eq!(dates(&jsonl(&s, &["--sort", "date"])), oldest);
    assert_eq!(dates(&jsonl(&s, &["--sort", "-date"])), newest);
    assert_eq!(dates(&jsonl(&s, &["--sort=-date"])), newest);
    let gold =
        |rows: Vec<serde_json::Value>| -> Vec<f64> { rows.iter().map(|r| r["goldstein"].as_f64().unwrap()).collect() };
    let up = gold(jsonl(&s, &["--sort", "goldstein"]));
    assert!(up.windows(2).all(|w| w[0] <= w[1]) && up[0] < 0.0, "most conflictual first: {up:?}");
    let down = gold(jsonl(&s, &["--sort", "-goldstein"]));
    assert!(down.windows(2).all(|w| w[0] >= w[1]) && down[0] > 0.0, "most cooperative first: {down:?}");
    let most = jsonl(&s, &["--sort", "-mentions"]);
    assert_eq!(most[0]["num_mentions"], 2, "the event two outlets reported first");
    // The table follows the same order, and a --limit keeps the first rows of it.
    let db = s.arg("e.db");
    let (_, table, _) = run(&["events", "--db", &db, "--limit", "1"]);
    assert!(table.lines().nth(1).unwrap().starts_with(&newest[0]), "{table}");
    let (code, _, err) = run(&["events", "--db", &db, "--sort", "size"]);
    assert_eq!(code, 2);
    assert!(err.contains("date, goldstein or mentions"), "{err}");
}

#[test]
fn piped_the_table_shows_places_and_whole_sentences() {
    let s = database();
    let (code, out, err) = run(&["events", "--db", &s.arg("e.db")]);
    assert_eq!(code, 0, "{err}");
    let head = out.lines().next().unwrap();
    assert!(head.contains(" place ") && head.contains("sentence"), "{out}");
    let row = out.lines().find(|l| l.contains(" RUS ")).unwrap();
    assert!(row.contains("Yerevan"), "where it happened: {row}");
    assert!(row.ends_with(LONG), "whole when piped: {row}");
    let rows = out.lines().skip(1).filter(|l| !l.starts_with('('));
    assert!(rows.clone().count() >= 4 && rows.into_iter().all(|l| l.ends_with('.')), "no sentence cut: {out}");
}

/// Runs `dragoman ARGS` with standard output on a pseudo-terminal `cols` wide and
/// returns what it printed, lines without their carriage returns.
#[cfg(target_os = "linux")]
fn at_a_terminal(args: &[&str], cols: u16) -> String {
    let (master, slave) = pty::pty(Some(cols));
    let mut child = bin().args(args).stdin(Stdio::null()).stdout(slave).stderr(Stdio::piped()).spawn().unwrap();
    let reader = pty::drain(master);
    let status = child.wait().unwrap();
    assert!(status.success());
    String::from_utf8(reader.join().unwrap()).unwrap().replace('\r', "")
}

#[cfg(target_os = "linux")]
#[test]
fn at_a_terminal_sentences_fit_its_width_unless_wide() {
    let s = database();
    let db = s.arg("e.db");
    for cols in [80u16, 100, 160] {
        let out = at_a_terminal(&["events", "--db", &db], cols);
        assert!(out.lines().count() >= 4, "{out}");
        for line in out.lines() {
            assert!(line.chars().count() <= cols as usize, "{cols} columns, {} in: {line}", line.chars().count());
        }
        let row = out.lines().find(|l| l.contains(" RUS ")).unwrap();
        assert!(row.ends_with('…') && row.contains("Russia acc"), "{row}");
        assert!(row.contains("Yerevan"), "{row}");
    }
    let wide = at_a_terminal(&["events", "--db", &db, "--wide"], 80);
    let row = wide.lines().find(|l| l.contains(" RUS ")).unwrap();
    assert!(row.ends_with(LONG), "--wide shows it all: {row}");
}
