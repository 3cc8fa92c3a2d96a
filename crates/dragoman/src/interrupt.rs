//! Temporary files that a Ctrl-C does not leave behind.
//!
//! A file written under a temporary name (an export's `.NAME.<pid>-<n>.partial`)
//! is registered here from the moment it exists until it is renamed into place or
//! removed. On SIGINT, SIGTERM or SIGHUP every file still registered is removed,
//! one line on stderr says what was removed and that the file it was to become is
//! unchanged, and the process then ends by the same signal.
//!
//! # Design
//!
//! Removing files and printing are not async-signal-safe (they allocate, lock and
//! format), so the signal handler does neither. The handler does two things, both
//! async-signal-safe: it puts every signal it handles back to its default action
//! (`sigaction`), so that a second Ctrl-C ends the process at once whatever the
//! cleanup is doing, and it writes the signal's number to a pipe (`write`), saving
//! and restoring `errno` around the two calls. A watcher thread blocked on the
//! other end of the pipe wakes up, takes the registry's lock, removes the files,
//! prints the line and, still holding the lock, re-raises the signal with its
//! default action (`raise`), which ends the whole process; should it ever return,
//! `exit(128 + signal)`.
//!
//! Creating a temporary file and registering it, and renaming or removing it and
//! unregistering it, each happen under the same lock, so the watcher never sees a
//! file that exists but is not registered, nor removes one that has already been
//! renamed over its target. Holding the lock until the process is gone keeps the
//! main thread from committing or creating anything after the cleanup.
//!
//! Ending by the signal rather than with `exit(130)` is what lets the caller know
//! the command was interrupted: shells report it as status 128 + the signal (130
//! for SIGINT, 143 for SIGTERM), and a shell loop or script running `dragoman
//! export` stops at Ctrl-C instead of going on to the next command (bash and
//! dash only do that when the child died of SIGINT; git and Python end the same
//! way after their own cleanup).
//!
//! The handlers are installed when the first file is registered, so a command
//! that writes no temporary file (`ingest`, `events`, an export to standard
//! output) keeps the default actions. A signal that was ignored when the process
//! started (`nohup` ignores SIGHUP; a background job in a script ignores SIGINT)
//! stays ignored, and a handler someone else installed is left alone.
//!
//! `kill -9` (SIGKILL) cannot be caught: its temporary files stay.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// A temporary file that is not in place yet.
#[derive(Debug)]
struct Pending {
    /// The temporary file.
    tmp: PathBuf,
    /// The file it becomes when complete.
    target: PathBuf,
    /// Whether `target` existed when the temporary file was made.
    target_existed: bool,
    /// The temporary file's folder was made with it (a month of a partitioned
    /// export), so it is removed too when left empty.
    own_folder: bool,
}

static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<Pending>> {
    // Nothing panics while holding the lock; should something, the list is still whole.
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Creates the temporary file `tmp` with `open` (which should use `create_new`)
/// and registers it, to become `target`. `own_folder`: `open` makes `tmp`'s folder
/// for it too, and an interrupt removes the folder with it when left empty.
pub fn create(
    tmp: &Path,
    target: &Path,
    own_folder: bool,
    open: impl FnOnce() -> io::Result<File>,
) -> io::Result<File> {
    install();
    let target_existed = fs::symlink_metadata(target).is_ok();
    let mut list = pending();
    let file = open()?;
    list.push(Pending { tmp: tmp.to_path_buf(), target: target.to_path_buf(), target_existed, own_folder });
    Ok(file)
}

/// Renames the registered `tmp` over `target` and unregisters it. On failure it
/// stays registered (and is still the caller's to [`discard`]).
pub fn commit(tmp: &Path, target: &Path) -> io::Result<()> {
    let mut list = pending();
    fs::rename(tmp, target)?;
    list.retain(|p| p.tmp != tmp);
    Ok(())
}

/// Removes the registered `tmp` (an export that failed) and unregisters it.
pub fn discard(tmp: &Path) {
    let mut list = pending();
    let _ = fs::remove_file(tmp);
    list.retain(|p| p.tmp != tmp);
}

/// Removes every registered file, and the folders made for them that are left
/// empty, returning the line to print on stderr (empty when nothing was there).
/// `what`: what happened to the process ("interrupted").
fn remove_all(list: &[Pending], what: &str) -> String {
    let mut removed: Vec<&Pending> = Vec::new();
    let mut failed = Vec::new();
    for p in list {
        match fs::remove_file(&p.tmp) {
            Ok(()) => removed.push(p),
            // Someone removed it already: nothing of ours is left.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => failed.push(format!("could not remove the unfinished {}: {e}", p.tmp.display())),
        }
    }
    for p in list.iter().filter(|p| p.own_folder) {
        if let Some(dir) = p.tmp.parent() {
            // Fails, as it should, when the folder holds anything else.
            let _ = fs::remove_dir(dir);
        }
    }
    let mut lines = Vec::new();
    if !removed.is_empty() {
        lines.push(format!("dragoman: {what}{}", summary(&removed)));
    }
    lines.extend(failed.into_iter().map(|f| format!("dragoman: {what}; {f}")));
    lines.join("\n")
}

/// What the removed files mean for their targets, after "interrupted".
fn summary(removed: &[&Pending]) -> String {
    match removed {
        [] => String::new(),
        [p] => format!(
            "; removed the unfinished {}, {} {}",
            p.tmp.display(),
            p.target.display(),
            if p.target_existed { "is unchanged" } else { "was not written" }
        ),
        [first, ..] => {
            let existed = removed.iter().filter(|p| p.target_existed).count();
            format!(
                "; removed {} unfinished files ({} and {} more), {}",
                removed.len(),
                first.tmp.display(),
                removed.len() - 1,
                match existed {
                    0 => "none of their files was written",
                    n if n == removed.len() => "the files they were to replace are unchanged",
                    _ => "none of their files was written or changed",
                }
            )
        }
    }
}

#[cfg(unix)]
use unix::install;

#[cfg(not(unix))]
fn install() {}

#[cfg(unix)]
mod unix {
    use std::io::{IsTerminal, Read, Write};
    use std::os::fd::FromRawFd;
    use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
    use std::sync::Once;

    use libc::c_int;

    /// The signals that remove the temporary files.
    const SIGNALS: [c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    /// Which of [`SIGNALS`] have our handler (the others were ignored or taken).
    static HANDLED: [AtomicBool; 3] = [AtomicBool::new(false), AtomicBool::new(false), AtomicBool::new(false)];

    /// The pipe's end the handler writes to; -1 until installed.
    static WAKE: AtomicI32 = AtomicI32::new(-1);

    /// Installs the handlers and starts the watcher, once. When the pipe or the
    /// thread cannot be made, nothing is installed and the signals keep their
    /// default actions (the temporary files are then left, as before).
    pub fn install() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            let mut fds = [-1 as c_int; 2];
            // SAFETY: `fds` has room for the two descriptors `pipe` writes.
            if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
                return;
            }
            // SAFETY: both descriptors were just opened by `pipe` and are ours.
            unsafe {
                libc::fcntl(fds[0], libc::F_SETFD, libc::FD_CLOEXEC);
                libc::fcntl(fds[1], libc::F_SETFD, libc::FD_CLOEXEC);
                // A handler must never block: a full pipe only drops a signal
                // that the watcher has already been woken for.
                libc::fcntl(fds[1], libc::F_SETFL, libc::O_NONBLOCK);
            }
            // SAFETY: the read end is ours alone from here on.
            let read_end = unsafe { std::fs::File::from_raw_fd(fds[0]) };
            if std::thread::Builder::new().name("signals".into()).spawn(move || watch(read_end)).is_err() {
                // SAFETY: the write end was never handed out.
                unsafe { libc::close(fds[1]) };
                return;
            }
            WAKE.store(fds[1], Ordering::SeqCst);
            for (sig, handled) in SIGNALS.iter().zip(&HANDLED) {
                // SAFETY: sigaction structs are plain data, zero is a valid value
                // (no flags, empty mask), and the handler is async-signal-safe.
                unsafe {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(*sig, std::ptr::null(), &mut old) != 0 || old.sa_sigaction != libc::SIG_DFL {
                        continue; // ignored (nohup, a background job) or someone else's
                    }
                    let mut new: libc::sigaction = std::mem::zeroed();
                    new.sa_sigaction = on_signal as extern "C" fn(c_int) as libc::sighandler_t;
                    new.sa_flags = libc::SA_RESTART;
                    libc::sigemptyset(&mut new.sa_mask);
                    // Marked first: the handler resets only what it finds marked.
                    handled.store(true, Ordering::SeqCst);
                    if libc::sigaction(*sig, &new, std::ptr::null_mut()) != 0 {
                        handled.store(false, Ordering::SeqCst);
                    }
                }
            }
        });
    }

    /// The signal handler. Only async-signal-safe calls: `sigaction`, `write`, and
    /// reads and writes of `errno` and of lock-free atomics.
    extern "C" fn on_signal(sig: c_int) {
        let saved = errno::get();
        // SAFETY: `sigaction` and `write` are async-signal-safe; the struct is plain
        // data, zero meaning SIG_DFL with no flags and an empty mask.
        unsafe {
            let default: libc::sigaction = std::mem::zeroed();
            for (s, handled) in SIGNALS.iter().zip(&HANDLED) {
                if handled.load(Ordering::Relaxed) {
                    libc::sigaction(*s, &default, std::ptr::null_mut());
                }
            }
            let fd = WAKE.load(Ordering::Relaxed);
            if fd >= 0 {
                let byte = sig as u8;
                libc::write(fd, (&byte as *const u8).cast(), 1);
            }
        }
        errno::set(saved);
    }

    /// The watcher thread: waits for a signal's number, removes the registered
    /// files and ends the process by that signal.
    fn watch(mut wake: std::fs::File) {
        let mut byte = [0u8; 1];
        // `read_exact` retries when interrupted; any other error means no signal
        // will ever come through, and the thread ends.
        if wake.read_exact(&mut byte).is_err() {
            return;
        }
        let sig = c_int::from(byte[0]);
        // Kept until the process ends: nothing is created or renamed after this.
        let list = super::pending();
        let what = match sig {
            libc::SIGINT => "interrupted",
            libc::SIGTERM => "terminated",
            _ => "hung up",
        };
        let message = super::remove_all(&list, what);
        if !message.is_empty() {
            // After the terminal's "^C", on a line of its own.
            let newline = if sig == libc::SIGINT && std::io::stderr().is_terminal() { "\n" } else { "" };
            // Not `eprintln!`, which panics when stderr is closed: the process must
            // still end by the signal.
            let _ = writeln!(std::io::stderr(), "{newline}{message}");
        }
        die(sig);
    }

    /// Ends the process by `sig` with its default action, as if it had never been
    /// caught; `exit(128 + sig)` should that return.
    fn die(sig: c_int) -> ! {
        // SAFETY: plain libc calls on this thread with valid arguments.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            // Delivered to this thread before `raise` returns; the default action of
            // SIGINT, SIGTERM and SIGHUP ends the whole process.
            libc::raise(sig);
        }
        std::process::exit(128 + sig)
    }

    /// `errno`, which a handler must leave as it found it: the interrupted code may
    /// be about to read it. Where libc's name for it is not known here, it is left
    /// as the handler's calls set it.
    mod errno {
        use libc::c_int;

        #[cfg(any(target_os = "linux", target_os = "hurd", target_os = "emscripten"))]
        use libc::__errno_location as location;

        #[cfg(any(target_os = "android", target_os = "netbsd", target_os = "openbsd"))]
        use libc::__errno as location;

        #[cfg(any(target_vendor = "apple", target_os = "freebsd"))]
        use libc::__error as location;

        #[cfg(any(
            target_os = "linux",
            target_os = "hurd",
            target_os = "emscripten",
            target_os = "android",
            target_os = "netbsd",
            target_os = "openbsd",
            target_vendor = "apple",
            target_os = "freebsd"
        ))]
        mod known {
            use super::{c_int, location};

            pub fn get() -> c_int {
                // SAFETY: the calling thread's errno, always a valid int.
                unsafe { *location() }
            }

            pub fn set(v: c_int) {
                // SAFETY: as above.
                unsafe { *location() = v }
            }
        }

        #[cfg(not(any(
            target_os = "linux",
            target_os = "hurd",
            target_os = "emscripten",
            target_os = "android",
            target_os = "netbsd",
            target_os = "openbsd",
            target_vendor = "apple",
            target_os = "freebsd"
        )))]
        mod known {
            use super::c_int;

            pub fn get() -> c_int {
                0
            }

            pub fn set(_: c_int) {}
        }

        pub use known::{get, set};
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(tmp: &str, target: &str, existed: bool) -> Pending {
        Pending { tmp: tmp.into(), target: target.into(), target_existed: existed, own_folder: false }
    }

    #[test]
    fn one_file_says_what_became_of_its_target() {
        assert_eq!(
            summary(&[&p(".events.csv.1234-0.partial", "events.csv", true)]),
            "; removed the unfinished .events.csv.1234-0.partial, events.csv is unchanged"
        );
        assert_eq!(
            summary(&[&p("out/.e.csv.1-0.partial", "out/e.csv", false)]),
            "; removed the unfinished out/.e.csv.1-0.partial, out/e.csv was not written"
        );
    }

    #[test]
    fn several_files_are_counted() {
        let a = p("m/year_month=2024-01/.part-0.csv.9-0.partial", "m/year_month=2024-01/part-0.csv", false);
        let b = p("m/year_month=2024-02/.part-0.csv.9-1.partial", "m/year_month=2024-02/part-0.csv", false);
        assert_eq!(
            summary(&[&a, &b]),
            "; removed 2 unfinished files (m/year_month=2024-01/.part-0.csv.9-0.partial and 1 more), none of their files was written"
        );
    }

    #[test]
    fn nothing_registered_says_nothing() {
        assert_eq!(remove_all(&[], "interrupted"), "");
    }
}
