//! A pseudo-terminal for tests that run `dragoman` as a user at a terminal would
//! (included with `#[path]` by the test files that need it).

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::fs::OpenOptionsExt;

/// A pseudo-terminal: its master side, and its other side to hand a child; `cols`
/// sets its width.
pub fn pty(cols: Option<u16>) -> (File, File) {
    // SAFETY: plain libc calls on a descriptor this function owns; the name buffer
    // is large enough and NUL-terminated by ptsname_r; the winsize outlives the call.
    unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(fd >= 0, "no pseudo-terminal: {}", std::io::Error::last_os_error());
        let master = File::from_raw_fd(fd);
        assert_eq!(libc::grantpt(fd), 0);
        assert_eq!(libc::unlockpt(fd), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
        let name = std::ffi::CStr::from_ptr(name.as_ptr()).to_str().unwrap().to_string();
        let slave = OpenOptions::new().read(true).write(true).custom_flags(libc::O_NOCTTY).open(name).unwrap();
        if let Some(cols) = cols {
            let size = libc::winsize { ws_row: 40, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
            assert_eq!(libc::ioctl(slave.as_raw_fd(), libc::TIOCSWINSZ, &size), 0);
        }
        (master, slave)
    }
}

/// Reads everything the child writes to the terminal, on a thread (a terminal's
/// buffer is small); the read ends with an error (EIO) once the child has exited
/// and closed its side.
pub fn drain(mut master: File) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    })
}
