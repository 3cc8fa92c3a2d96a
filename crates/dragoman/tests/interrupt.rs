//! Ctrl-C (SIGINT), SIGTERM and SIGHUP in the middle of a command, through the
//! binary, with real signals.
//!
//! An export writes `.NAME.<pid>-<n>.partial` beside its file and renames it when
//! complete; a signal must remove that file, leave the file it was to replace as it
//! was, say so on stderr, and end the process by the signal (a shell reports 130
//! for SIGINT). An ingest interrupted the same way keeps every committed document
//! whole, and a re-run stores the rest.
//!
//! An export of a few thousand events takes a fraction of a second, so when the
//! signal is sent is a race: each probe polls until the temporary file exists, then
//! signals at once, and accepts either outcome (the file removed and the old one
//! kept, or, when the export finished first, the complete file), trying again
//! until the interrupted outcome has been seen.
#![cfg(unix)]

#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::io::Write;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use scratch::Scratch;

const ACTORS: &str = "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n";

/// Attempts at catching a command in the middle before a probe gives up.
const ATTEMPTS: usize = 30;

/// How long to wait for a temporary file or a stored batch to appear.
const PATIENCE: Duration = Duration::from_secs(120);

/// A scratch directory holding the tiny actor dictionary, `tiny.actors`.
fn scratch(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.write("tiny.actors", ACTORS);
    s
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A command whose SIGINT, SIGTERM and SIGHUP take their default actions, whatever
/// the test runner was started with (a background job in a script ignores SIGINT,
/// and a program keeps ignored signals ignored).
fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    // SAFETY: `signal` is async-signal-safe, as code between fork and exec must be.
    unsafe {
        cmd.pre_exec(|| {
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(sig, libc::SIG_DFL);
            }
            Ok(())
        });
    }
    cmd
}

fn dragoman() -> Command {
    command(env!("CARGO_BIN_EXE_dragoman"))
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

fn ingest_args<'a>(scratch: &'a Scratch, input: &'a Path, db: &'a Path) -> Vec<String> {
    ["ingest", s(input), "--db", s(db), "--actors", s(&scratch.path("tiny.actors")), "--batch", "20"]
        .map(String::from)
        .to_vec()
}

/// The `.partial` files in `dir` and the folders under it.
fn partials(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(p);
            } else if p.to_string_lossy().ends_with(".partial") {
                found.push(p);
            }
        }
    }
    found
}

/// Polls, quickly, until `ready` says yes or `child` ends (false) or patience runs out.
fn wait_for(child: &mut Child, mut ready: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < PATIENCE {
        if ready() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    panic!("nothing happened in {PATIENCE:?}");
}

fn kill(pid: u32, sig: libc::c_int) {
    // SAFETY: a plain system call; the pid is our child's, not yet reaped.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, sig) }, 0, "kill {pid}");
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What became of a command that was signalled.
enum Outcome {
    /// Caught in the middle.
    Interrupted(Output),
    /// It had finished (or got past the point of no return) first.
    Finished,
}

/// A store of a few thousand events, and the complete JSON Lines export of it.
struct Store {
    scratch: Scratch,
    db: PathBuf,
    complete: Vec<u8>,
}

/// The store the export probes share, made once (an ingest takes seconds) and
/// removed when the test process exits.
fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    extern "C" fn remove() {
        if let Some(store) = STORE.get() {
            let _ = fs::remove_dir_all(store.scratch.dir());
        }
    }
    STORE.get_or_init(|| {
        let scratch = scratch("export");
        // SAFETY: registers a plain function to run at exit.
        unsafe { libc::atexit(remove) };
        let input = synthetic(&scratch, 1500);
        let db = scratch.path("events.db");
        let out = dragoman().args(ingest_args(&scratch, &input, &db)).arg("--quiet").output().unwrap();
        assert!(out.status.success(), "ingest: {}", stderr(&out));
        let reference = scratch.path("reference.jsonl");
        let out = dragoman().args(["export", "--db", s(&db), "-o", s(&reference), "--quiet"]).output().unwrap();
        assert!(out.status.success(), "export: {}", stderr(&out));
        let complete = fs::read(&reference).unwrap();
        assert!(complete.len() > 1 << 20, "a large export ({} bytes)", complete.len());
        Store { scratch, db, complete }
    })
}

/// Exports the store over an existing `events.jsonl` through `sh -c`, and sends
/// `dragoman` SIGINT as soon as its temporary file is there (its name carries the
/// pid). The shell prints the status it saw.
fn ctrl_c_export_through_a_shell(store: &Store, target: &Path) -> Outcome {
    const OLD: &[u8] = b"the export of last week\n";
    fs::write(target, OLD).unwrap();
    let script = r#""$0" export --db "$1" -o "$2" --quiet; echo "status $?""#;
    let mut sh = command("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_dragoman"), s(&store.db), s(target)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let dir = target.parent().unwrap();
    let mut pid = None;
    let seen = wait_for(&mut sh, || {
        pid = partials(dir).iter().find_map(|p| {
            let name = p.file_name()?.to_str()?;
            name.strip_prefix(".events.jsonl.")?.split('-').next()?.parse::<u32>().ok()
        });
        pid.is_some()
    });
    if let (true, Some(pid)) = (seen, pid) {
        kill(pid, libc::SIGINT);
    }
    let out = sh.wait_with_output().unwrap();
    assert!(out.status.success(), "the shell itself ends normally: {}", stderr(&out));
    assert!(partials(dir).is_empty(), "no temporary file is left: {:?}", partials(dir));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let now = fs::read(target).unwrap();
    if now == OLD {
        assert_eq!(said.trim(), "status 130", "a shell reports death by SIGINT as 130; stderr: {}", stderr(&out));
        Outcome::Interrupted(out)
    } else {
        assert!(now == store.complete, "the file is either the old one or the whole export");
        // Finished, or signalled after the rename (nothing left to remove).
        assert!(["status 0", "status 130"].contains(&said.trim()), "{said}");
        Outcome::Finished
    }
}

#[test]
fn an_interrupted_export_removes_its_temporary_file_and_keeps_the_old_one() {
    let store = store();

    // Ctrl-C, with the status a shell sees.
    let target = store.scratch.path("out/events.jsonl");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    let out = (0..ATTEMPTS)
        .find_map(|_| match ctrl_c_export_through_a_shell(store, &target) {
            Outcome::Interrupted(out) => Some(out),
            Outcome::Finished => None,
        })
        .expect("an export was never caught with its temporary file");
    let err = stderr(&out);
    let line = err.lines().find(|l| l.starts_with("dragoman: interrupted")).unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains("removed the unfinished ") && line.contains(".events.jsonl.") && line.contains(".partial"),
        "{line}"
    );
    assert!(line.ends_with(&format!("{} is unchanged", target.display())), "{line}");

    // SIGTERM and SIGHUP, straight to the process: it ends by the signal.
    for (sig, word) in [(libc::SIGTERM, "terminated"), (libc::SIGHUP, "hung up")] {
        let target = store.scratch.path(&format!("signal-{sig}/new.jsonl"));
        let dir = target.parent().unwrap();
        fs::create_dir_all(dir).unwrap();
        let caught = (0..ATTEMPTS).find_map(|_| {
            let _ = fs::remove_file(&target);
            let mut child = dragoman()
                .args(["export", "--db", s(&store.db), "-o", s(&target), "--quiet"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            if wait_for(&mut child, || !partials(dir).is_empty()) {
                kill(child.id(), sig);
            }
            let out = child.wait_with_output().unwrap();
            assert!(partials(dir).is_empty(), "no temporary file is left: {:?}", partials(dir));
            if target.exists() {
                assert!(fs::read(&target).unwrap() == store.complete, "a file put in place is whole");
                return None;
            }
            assert_eq!(out.status.signal(), Some(sig), "ended by the signal: {}", stderr(&out));
            Some(stderr(&out))
        });
        let err = caught.expect("an export was never caught with its temporary file");
        assert!(err.contains(&format!("dragoman: {word}; removed the unfinished ")), "{err}");
        assert!(err.trim_end().ends_with(&format!("{} was not written", target.display())), "{err}");
    }
}

#[test]
fn an_interrupted_partitioned_export_leaves_no_month_folder() {
    let store = store();
    let dir = store.scratch.path("partitioned/months");
    fs::create_dir_all(dir.parent().unwrap()).unwrap();
    let caught = (0..ATTEMPTS).find_map(|_| {
        let _ = fs::remove_dir_all(&dir);
        let mut child = dragoman()
            .args(["export", "--db", s(&store.db), "--format", "csv", "--partition", "-o", s(&dir), "--quiet"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A few months in, so that several temporary files are open.
        if wait_for(&mut child, || partials(&dir).len() >= 3) {
            kill(child.id(), libc::SIGINT);
        }
        let out = child.wait_with_output().unwrap();
        assert!(partials(&dir).is_empty(), "no temporary file is left: {:?}", partials(&dir));
        if out.status.success() || fs::read_dir(&dir).unwrap().next().is_some() {
            // Finished first: every month folder has its file.
            for month in fs::read_dir(&dir).unwrap() {
                let files: Vec<_> = fs::read_dir(month.unwrap().path()).unwrap().collect();
                assert_eq!(files.len(), 1);
            }
            return None;
        }
        assert_eq!(out.status.signal(), Some(libc::SIGINT), "ended by SIGINT: {}", stderr(&out));
        Some(stderr(&out))
    });
    let err = caught.expect("a partitioned export was never caught in the middle");
    assert!(err.contains("dragoman: interrupted; removed "), "{err}");
    assert!(err.contains(" unfinished files (") && err.contains("none of their files was written"), "{err}");
}

#[test]
fn an_ignored_sigint_stays_ignored() {
    // `nohup` and a background job in a script start programs with signals
    // ignored; an export must not take them back and die.
    let store = store();
    let target = store.scratch.path("ignored/nohup.jsonl");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    let signalled = (0..ATTEMPTS).any(|_| {
        let _ = fs::remove_file(&target);
        let mut cmd = dragoman();
        // SAFETY: as in `command`.
        unsafe {
            cmd.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_IGN);
                libc::signal(libc::SIGHUP, libc::SIG_IGN);
                Ok(())
            });
        }
        let mut child = cmd
            .args(["export", "--db", s(&store.db), "-o", s(&target), "--quiet"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let dir = target.parent().unwrap();
        let seen = wait_for(&mut child, || partials(dir).iter().any(|p| p.to_string_lossy().contains(".nohup.")));
        if seen {
            kill(child.id(), libc::SIGINT);
            kill(child.id(), libc::SIGHUP);
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{:?}: {}", out.status, stderr(&out));
        assert!(fs::read(&target).unwrap() == store.complete, "the export is whole");
        seen
    });
    assert!(signalled, "an export was never caught with its temporary file");
}

fn documents_in(db: &Path) -> i64 {
    // Read-only and tolerant: the file may not have its tables yet.
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
        .unwrap_or(0)
}

#[test]
fn ctrl_c_in_the_middle_of_an_ingest_keeps_every_stored_document_whole() {
    const N: usize = 600;
    let scratch = scratch("ingest");
    let input = synthetic(&scratch, N);
    let db = scratch.path("events.db");
    let stored = (0..ATTEMPTS / 6).find_map(|_| {
        for ext in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{ext}", db.display()));
        }
        let mut child =
            dragoman().args(ingest_args(&scratch, &input, &db)).arg("--quiet").stderr(Stdio::null()).spawn().unwrap();
        if wait_for(&mut child, || documents_in(&db) >= 100) {
            kill(child.id(), libc::SIGINT);
        }
        let status = child.wait().unwrap();
        let n = documents_in(&db);
        if status.success() || n == N as i64 {
            return None;
        }
        assert_eq!(status.signal(), Some(libc::SIGINT));
        Some(n)
    });
    let at = stored.expect("the ingest was never caught in the middle");
    assert!(at >= 100 && at < N as i64, "interrupted with {at} of {N} documents stored");
    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let short: i64 = c
        .query_row(
            "SELECT count(*) FROM documents d WHERE d.mentions != (SELECT count(*) FROM mentions m WHERE m.document = d.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(short, 0, "a document is either fully in or not");
    drop(c);
    let out = dragoman().args(ingest_args(&scratch, &input, &db)).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("({at} already stored)")),
        "the re-run skips what was stored: {}",
        stderr(&out)
    );
    assert_eq!(documents_in(&db), N as i64);
}
