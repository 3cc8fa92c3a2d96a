//! The event store: coded articles kept in one SQLite file, the same event reported
//! by many articles merged into one row, and the queries the commands and exports run.
//!
//! Why SQLite: one file a researcher can copy, compiled into the binary (nothing to
//! install), transactions that make an interrupted ingest harmless, and FTS5 for
//! searching the evidence. The layout is documented in `docs/store.md`.
//!
//! - `schema`: the tables, and opening a file safely (never creating over, deleting or
//!   "repairing" a file that is not ours).
//! - `ingest`: `dragoman ingest`, coding documents and writing each one, with its
//!   events and mentions, inside a batch transaction.
//! - `delete`: `dragoman delete`, and replacing a document ingested again with a new
//!   date or text: a document leaves with its evidence, and its events are recounted.
//! - `query`: `dragoman events`, the filters shared with the exports, `open_events`
//!   and the one-a-day rule; `names` reads names in the filters ("Russia",
//!   "Kiev") through the built-in dictionaries and gazetteer.
//! - `timeline`: `dragoman timeline`, counts and Goldstein sums per period, drawn in
//!   the terminal; `chart` lays the chart out and writes it as SVG or PNG.

pub mod chart;
pub mod delete;
mod hash;
pub mod ingest;
pub mod names;
pub mod query;
pub mod schema;
pub mod timeline;

use std::fmt;
use std::path::{Path, PathBuf};

pub use delete::{run_delete, DeleteArgs};
pub use hash::content_hash;
pub use ingest::{run_ingest, IngestArgs};
pub use query::{run_events, EventFilter, EventsArgs};
pub use timeline::{run_timeline, TimelineArgs};

/// Why the store could not do what was asked. Every message names the file and
/// says what to do; none of these leaves the file changed.
#[derive(Debug)]
pub enum StoreError {
    /// No file at the path (for commands that only read).
    Missing(PathBuf),
    /// The file is not an SQLite database, or its header is damaged.
    NotADatabase(PathBuf),
    /// An SQLite database, but not one Dragoman made.
    Foreign(PathBuf),
    /// Made by a newer Dragoman.
    NewerSchema { path: PathBuf, version: i64 },
    /// Pages of the database are damaged.
    Corrupt(PathBuf),
    /// Another process holds the write lock and did not let go in time.
    Locked { path: PathBuf, waited_ms: u64 },
    /// The file or its directory cannot be written (`detail` says which and what to do).
    ReadOnly { path: PathBuf, detail: String },
    /// The disk is full.
    Full(PathBuf),
    /// A full-text query SQLite cannot read.
    BadSearch { query: String, detail: String },
    /// Anything else SQLite reported, with what we were doing.
    Sqlite { path: PathBuf, doing: String, detail: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Missing(p) => write!(f, "{}: no such database (create one with `dragoman ingest ARTICLES --db {}`)", p.display(), p.display()),
            StoreError::NotADatabase(p) => write!(f, "{}: not a database (or its header is damaged); the file was left as it is. Give another file with --db", p.display()),
            StoreError::Foreign(p) => write!(f, "{}: an SQLite database, but not a Dragoman one; the file was left as it is. Give another file with --db", p.display()),
            StoreError::NewerSchema { path, version } => write!(f, "{}: made by a newer Dragoman (store version {version}, this one reads up to {}); upgrade dragoman", path.display(), schema::SCHEMA_VERSION),
            StoreError::Corrupt(p) => write!(f, "{}: the database is damaged (malformed pages); nothing was changed. `sqlite3 {} .recover` may save its contents", p.display(), p.display()),
            StoreError::Locked { path, waited_ms } => write!(f, "{}: locked by another process writing to it (another `dragoman ingest`?); waited {:.1} s. Try again when it has finished, or raise --busy-timeout", path.display(), *waited_ms as f64 / 1000.0),
            StoreError::ReadOnly { path, detail } => write!(f, "{}: {detail}; nothing was changed", path.display()),
            StoreError::Full(p) => write!(f, "{}: the disk is full; the documents of the last unfinished batch were not stored, everything before them was", p.display()),
            StoreError::BadSearch { query, detail } => write!(f, "--search `{query}`: not a full-text query SQLite can read ({detail}); put words with punctuation in double quotes"),
            StoreError::Sqlite { path, doing, detail } => write!(f, "{}: {doing}: {detail}", path.display()),
        }
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// Sorts an SQLite error into the cases a user can act on.
    pub(crate) fn from_sqlite(path: &Path, doing: &str, e: rusqlite::Error, busy_ms: u64) -> StoreError {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(C::NotADatabase) => StoreError::NotADatabase(path),
            Some(C::DatabaseCorrupt) => StoreError::Corrupt(path),
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path, waited_ms: busy_ms },
            Some(C::ReadOnly) => StoreError::ReadOnly { path, detail: "cannot write: the file or its directory is read-only (the write-ahead log is kept beside the file)".into() },
            Some(C::CannotOpen) => StoreError::ReadOnly { path, detail: format!("cannot open it, or its write-ahead log beside it ({e}); check the permissions of the file and its directory") },
            Some(C::PermissionDenied) => StoreError::ReadOnly { path, detail: format!("cannot write: permission denied ({e})") },
            Some(C::DiskFull) => StoreError::Full(path),
            _ => StoreError::Sqlite { path, doing: doing.to_string(), detail: e.to_string() },
        }
    }
}
