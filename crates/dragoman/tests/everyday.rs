//! What a researcher meets in the first hour (issue 11), through the `dragoman`
//! binary: `--explain` beside the events rather than instead of them, a command run
//! with nothing piped in, a mistyped path, undated documents refused by `ingest`, a
//! corrected article replacing its old version, and `dragoman delete`.

use std::fs;
use std::path::{Path, PathBuf};
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

// ---- no input, a missing input ---------------------------------------------------

/// Runs dragoman with a pseudo-terminal as standard input, as when a user types
/// `dragoman code` and nothing is piped in. If the command waits on the terminal
/// anyway, the end-of-file typed right after (Ctrl-D, a few times: a terminal's
/// end-of-file ends one read, and a reader may read again) ends the wait: the test
/// then fails on what was printed instead of hanging.
#[cfg(target_os = "linux")]
fn at_a_terminal(args: &[&str]) -> Run {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    use std::os::unix::fs::OpenOptionsExt;

    // SAFETY: plain libc calls on a descriptor this function owns; the name buffer
    // is large enough and NUL-terminated by ptsname_r.
    let (mut master, slave) = unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(fd >= 0, "no pseudo-terminal: {}", std::io::Error::last_os_error());
        let master = fs::File::from_raw_fd(fd);
        assert_eq!(libc::grantpt(fd), 0);
        assert_eq!(libc::unlockpt(fd), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
        let name = std::ffi::CStr::from_ptr(name.as_ptr()).to_str().unwrap().to_string();
        let slave = fs::OpenOptions::new().read(true).write(true).custom_flags(libc::O_NOCTTY).open(name).unwrap();
        (master, slave)
    };
    let child = bin().args(args).stdin(slave).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    master.write_all(&[0x04; 8]).unwrap();
    let out = child.wait_with_output().unwrap();
    drop(master);
    Run::of(out)
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
    let s = Scratch::new("missing");
    let story = s.write("story.txt", RUS_ARM);
    let out = s.s("events.jsonl");
    fs::write(&out, "kept\n").unwrap();
    let r = dragoman(&["code", &story, &s.s("stroy.txt"), "--published", "2024-01-18", "-o", &out]);
    r.assert_exit(1);
    assert!(r.stderr.contains("stroy.txt: no such file or directory; nothing was coded"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept\n", "the output file is not touched");

    let db = s.s("events.db");
    let r = dragoman(&["ingest", &s.s("a.txt"), &s.s("b.txt"), "--db", &db, "--published", "2024-01-18"]);
    r.assert_exit(1);
    assert!(r.stderr.contains("no such files or directories:") && r.stderr.contains("b.txt"), "{}", r.stderr);
    assert!(!Path::new(&db).exists(), "no database is created for nothing");

    for command in ["parse", "read"] {
        let r = dragoman(&[command, &s.s("nope.html")]);
        r.assert_exit(1);
        assert!(r.stderr.contains("nope.html: no such file or directory"), "{}", r.stderr);
    }
}
