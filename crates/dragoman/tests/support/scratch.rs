//! A scratch directory for tests that write files (included with `#[path]` by the
//! test files that need it).

// Each test crate includes this file and uses only some of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// An empty directory of its own under the system's temporary folder, removed with
/// everything in it when dropped (read-only files and folders too).
pub struct Scratch(PathBuf);

impl Scratch {
    /// A new directory `dragoman-{prefix}-{pid}-{n}`, unique to this process and call.
    pub fn new(prefix: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dragoman-{prefix}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        remove(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// The directory itself.
    pub fn dir(&self) -> &Path {
        &self.0
    }

    /// The path of `name` in the directory (which need not exist).
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// The path of `name` as a string, for a command line.
    pub fn arg(&self, name: &str) -> String {
        self.path(name).to_str().expect("a UTF-8 temporary path").to_string()
    }

    /// Writes `bytes` to `name` (making its folders) and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        remove(&self.0);
    }
}

/// Removes `dir` and everything in it, first giving back the owner's permissions
/// that tests took away.
fn remove(dir: &Path) {
    make_writable(dir);
    let _ = fs::remove_dir_all(dir);
}

/// Makes `path`, and everything under it if it is a folder, writable by its owner
/// (folders also listable); symbolic links are left alone and never followed.
#[cfg(unix)]
fn make_writable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = fs::symlink_metadata(path) else { return };
    let mode = meta.permissions().mode();
    if meta.is_dir() {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode | 0o700));
        for entry in fs::read_dir(path).into_iter().flatten().flatten() {
            make_writable(&entry.path());
        }
    } else if meta.is_file() {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode | 0o200));
    }
}

#[cfg(not(unix))]
fn make_writable(_: &Path) {}
