//! What a researcher meets in the first hour (issue 11), through the `dragoman`
//! binary: `--explain` beside the events rather than instead of them.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A tiny actor dictionary, so the articles code whatever the built-in lists hold.
const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n";

const RUS_ARM: &str =
    "MOSCOW (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border.";

/// A scratch directory, removed with its contents when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dragoman-everyday-{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("tiny.actors"), ACTORS).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let p = self.path(name);
        fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }

    fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
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
    let s = Scratch::new("explain");
    let story = s.write("story.txt", RUS_ARM);
    let actors = s.s("tiny.actors");
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
    let (events, why) = (s.s("events.jsonl"), s.s("why.txt"));
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
    let bad = dragoman(&["code", &story, "--published", "2024-01-18", "--explain-file", &s.s("no/such/dir/why.txt")]);
    bad.assert_exit(1);
    assert!(bad.stderr.contains("cannot write the explanation to"), "{}", bad.stderr);
    assert_eq!(bad.stdout, "");
}
