//! The tables, and opening a database file without ever harming one.
//!
//! A file is only given our tables when it is new or empty. Anything else must
//! already carry our `application_id`: a text file, a damaged file or somebody
//! else's SQLite database is reported and left exactly as it was. Nothing here
//! deletes, truncates or re-creates a file.
//!
//! The database runs in WAL mode with `synchronous = NORMAL`: a killed process never
//! loses a committed transaction, and readers (`events`, `timeline`, `export`) never
//! block the writer nor are blocked by it. A power cut may lose the last commits but
//! never corrupts the file; re-running the ingest stores them again.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// `PRAGMA application_id`: "DRGM".
pub const APPLICATION_ID: i64 = 0x4452_474D;
/// `PRAGMA user_version`: bumped when the tables change. Version 2 added the actor
/// labels and the description to `events` ([`LABEL_COLUMNS`]); a version 1 file gets
/// them when next opened for writing, and is read as it is.
pub const SCHEMA_VERSION: i64 = 2;

/// The columns version 2 added to `events`, with their types.
pub const LABEL_COLUMNS: &[(&str, &str)] = &[
    ("source_country", "TEXT"),
    ("source_sector", "TEXT"),
    ("target_country", "TEXT"),
    ("target_sector", "TEXT"),
    ("description", "TEXT"),
];

/// The tables and indexes (see `docs/store.md`).
pub const SCHEMA: &str = r#"
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  INTEGER NOT NULL UNIQUE,  -- FNV-1a 64 of id, published, text
    doc_id        TEXT NOT NULL,            -- the input's own id
    outlet        TEXT,                     -- the input's "source" field
    url           TEXT,
    title         TEXT,
    published     TEXT NOT NULL,            -- YYYY-MM-DD
    ingested_at   TEXT NOT NULL,            -- UTC, RFC 3339
    sentences     INTEGER NOT NULL,         -- sentences in the document
    mentions      INTEGER NOT NULL,         -- event mentions coded in it
    discarded     TEXT                      -- the discard phrase, if the story was discarded
);
CREATE INDEX documents_doc_id ON documents(doc_id, outlet);

-- Only sentences that carry a mention are kept: they are the evidence.
CREATE TABLE sentences (
    id        INTEGER PRIMARY KEY,
    document  INTEGER NOT NULL REFERENCES documents(id),
    idx       INTEGER NOT NULL,             -- 0-based sentence index in the document
    start     INTEGER,                      -- byte offset of the sentence in the document
    text      TEXT NOT NULL,
    UNIQUE (document, idx)
);

CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- One row per distinct (date, date_end, source, target, code): the deduplicated event.
-- The writer keeps the key unique (it looks the key up through events_dyad before
-- inserting, inside its write transaction); a UNIQUE index would cost a fourth
-- random-order index insert per new event and buy nothing.
CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    date              TEXT NOT NULL,        -- first day, YYYY-MM-DD
    date_end          TEXT NOT NULL,        -- last day
    date_precision    TEXT NOT NULL,        -- day, range, week, month, season, year
    source_code       TEXT NOT NULL,
    target_code       TEXT NOT NULL,        -- '' when the event has no target
    code              TEXT NOT NULL,        -- CAMEO code
    source_name       TEXT NOT NULL,
    target_name       TEXT,
    root              TEXT NOT NULL,
    code_name         TEXT,
    quad_class        INTEGER,
    goldstein         REAL,
    plover_type       TEXT,
    plover_mode       TEXT,
    location_name     TEXT,                 -- the first place a mention gave
    location_country  TEXT,
    lat               REAL,
    lon               REAL,
    num_mentions      INTEGER NOT NULL,     -- GDELT NumMentions: mentions (sentences)
    num_sources       INTEGER NOT NULL,     -- GDELT NumSources: distinct outlets
    num_articles      INTEGER NOT NULL,     -- GDELT NumArticles: distinct documents
    -- Version 2: labels read from the codes (source_name/target_name hold the
    -- readable label, "Russia: government"), NULL in rows of version 1 until relabelled.
    source_country    TEXT,                 -- ISO3; NULL for organisations, regions
    source_sector     TEXT,                 -- GOV, MIL, COP …
    target_country    TEXT,
    target_sector     TEXT,
    description       TEXT                  -- "Russia: government criticized or denounced …"
);
-- Quad class and Goldstein value never change once stored: carrying them makes these
-- indexes cover a timeline, which then never reads the table.
CREATE INDEX events_dyad ON events(source_code, target_code, date, quad_class, goldstein);
CREATE INDEX events_target ON events(target_code, source_code, date, quad_class, goldstein);
CREATE INDEX events_date ON events(date);

-- The outlets that reported each event, so NumSources counts each outlet once.
CREATE TABLE event_outlets (
    event_id  INTEGER NOT NULL,
    outlet    TEXT NOT NULL,                -- "source" field, else URL host, else "doc:" + id
    PRIMARY KEY (event_id, outlet)
) WITHOUT ROWID;

-- Every sentence that reported an event, with its evidence. An event's first
-- mention (the evidence it shows) is its mention with the smallest id.
CREATE TABLE mentions (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events(id),
    document        INTEGER NOT NULL REFERENCES documents(id),
    sentence        INTEGER NOT NULL REFERENCES sentences(id),
    span_start      INTEGER NOT NULL,       -- byte offsets in the document, end exclusive
    span_end        INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    source_text     TEXT NOT NULL,
    source_start    INTEGER NOT NULL,
    source_end      INTEGER NOT NULL,
    target_text     TEXT,
    target_start    INTEGER,
    target_end      INTEGER,
    date_text       TEXT,                   -- the words that gave the date (NULL: publication date)
    rule            TEXT NOT NULL,          -- the dictionary line that fired
    negated         INTEGER NOT NULL,
    hypothetical    INTEGER NOT NULL,
    location_name   TEXT,                   -- where it happened, when the text says
    location_country TEXT,
    location_admin1 TEXT,
    lat             REAL,
    lon             REAL,
    geonames_id     INTEGER,
    location_precision TEXT,                -- city, admin1, country or region
    location_found  TEXT                    -- clause, sentence or dateline
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_sentence ON mentions(sentence);
"#;

/// An open database and the path it came from (for messages).
pub struct Store {
    pub conn: Connection,
    pub path: PathBuf,
    /// How long a write waits for another writer, in milliseconds.
    pub busy_ms: u64,
}

impl Store {
    pub(crate) fn err(&self, doing: &str, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, doing, e, self.busy_ms)
    }
}

/// Opens `path` for writing, creating the file and the tables when it does not
/// exist (or is empty). Refuses, without touching it, a file that is not a
/// Dragoman database, a read-only file or directory, and a newer store version.
pub fn open_write(path: &Path, busy_ms: u64) -> Result<Store, StoreError> {
    if path.is_dir() {
        return Err(StoreError::ReadOnly {
            path: path.into(),
            detail: "a directory, not a database file; give a file with --db".into(),
        });
    }
    let existed = path.exists();
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| {
        if existed {
            StoreError::from_sqlite(path, "opening", e, busy_ms)
        } else {
            StoreError::ReadOnly {
                path: path.into(),
                detail: format!("cannot create the database ({e}); is the directory writable?"),
            }
        }
    })?;
    let store = Store { conn, path: path.into(), busy_ms };
    store.conn.busy_timeout(Duration::from_millis(busy_ms)).map_err(|e| store.err("opening", e))?;
    // SQLite opens a file it may not write read-only without a word; say so now,
    // not at the first commit.
    if store.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(StoreError::ReadOnly {
            path: path.into(),
            detail: "cannot write: the file is read-only (ingest needs write access)".into(),
        });
    }
    let (app, version, tables) = identify(&store)?;
    if tables == 0 && app == 0 {
        create(&store)?;
    } else {
        check_ours(&store, app, version)?;
        set_wal(&store)?;
        // Take the write lock once now, so that a read-only directory or another
        // writer is reported before any work is done, not at the first commit.
        store.conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").map_err(|e| {
            let _ = store.conn.execute_batch("ROLLBACK");
            store.err("taking the write lock", e)
        })?;
        add_indexes(&store)?;
        if version < SCHEMA_VERSION {
            upgrade(&store)?;
        }
    }
    tune(&store, 256)?;
    Ok(store)
}

/// Opens an existing database for reading. Never creates a file.
pub fn open_read(path: &Path) -> Result<Store, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing(path.into()));
    }
    if path.is_dir() {
        return Err(StoreError::NotADatabase(path.into()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_sqlite(path, "opening", e, 0))?;
    let mut store = Store { conn, path: path.into(), busy_ms: 5000 };
    store.conn.busy_timeout(Duration::from_millis(store.busy_ms)).map_err(|e| store.err("opening", e))?;
    let (app, version, tables) = match identify(&store) {
        Ok(found) => found,
        Err(StoreError::ReadOnly { .. }) if !has_log(path) => {
            // A WAL database copied to a read-only medium (a DVD, a read-only
            // mount or folder): SQLite cannot create the shared-memory file it
            // reads WAL files with. With no log to merge, the file alone is the
            // whole database, and nobody can change it there: read it as such.
            store.conn = Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|e| StoreError::from_sqlite(path, "opening", e, 0))?;
            identify(&store)?
        }
        Err(StoreError::ReadOnly { path, .. }) => {
            return Err(StoreError::ReadOnly {
                path,
                detail: "cannot read: its write-ahead log beside it holds changes, and the folder is read-only; copy the database with its -wal file somewhere writable".into(),
            })
        }
        Err(e) => return Err(e),
    };
    if tables == 0 && app == 0 {
        // An empty file: nothing was ever ingested into it.
        return Err(StoreError::Missing(path.into()));
    }
    check_ours(&store, app, version)?;
    tune(&store, 32)?;
    // After `tune`: setting temp_store drops every temporary object.
    if version < 2 {
        show_labels(&store)?;
    }
    Ok(store)
}

/// Whether a write-ahead log with content lies beside the database.
fn has_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// `file:PATH?immutable=1`, the path percent-encoded as SQLite's URIs want.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// (application_id, user_version, number of schema objects). The first read of the
/// file: a file that is not a database fails here.
fn identify(store: &Store) -> Result<(i64, i64, i64), StoreError> {
    let doing = "reading the database header";
    let app: i64 = store.conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| store.err(doing, e))?;
    let version: i64 =
        store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| store.err(doing, e))?;
    let tables: i64 = store
        .conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| store.err(doing, e))?;
    Ok((app, version, tables))
}

fn check_ours(store: &Store, app: i64, version: i64) -> Result<(), StoreError> {
    if app != APPLICATION_ID {
        return Err(StoreError::Foreign(store.path.clone()));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: store.path.clone(), version });
    }
    Ok(())
}

fn set_wal(store: &Store) -> Result<(), StoreError> {
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| store.err("switching to WAL mode", e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::ReadOnly { path: store.path.clone(), detail: format!("cannot write: no write-ahead log can be kept beside it (journal mode stays `{mode}`); is the directory writable?") });
    }
    Ok(())
}

fn create(store: &Store) -> Result<(), StoreError> {
    set_wal(store)?;
    let sql = format!("BEGIN IMMEDIATE;\n{SCHEMA}\nPRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;");
    store.conn.execute_batch(&sql).map_err(|e| {
        let _ = store.conn.execute_batch("ROLLBACK");
        store.err("creating the tables", e)
    })
}

/// Indexes added to store version 1 since it was first released; a database made
/// before gets them when next opened for writing. (Only indexes: an older Dragoman
/// still reads and writes such a file.)
fn add_indexes(store: &Store) -> Result<(), StoreError> {
    store
        .conn
        .execute_batch("CREATE INDEX IF NOT EXISTS documents_doc_id ON documents(doc_id, outlet);")
        .map_err(|e| store.err("adding an index", e))
}

/// Version 1 → 2, in one transaction: the label columns are added, and every stored
/// event is relabelled from its codes (its stored names were the dictionary's, such as
/// "Moscow" or a bare "MLI"). An interrupted upgrade leaves version 1 as it was.
fn upgrade(store: &Store) -> Result<(), StoreError> {
    let doing = "upgrading the database to store version 2 (actor labels)";
    let run = || -> rusqlite::Result<()> {
        let c = &store.conn;
        c.execute_batch("BEGIN IMMEDIATE")?;
        let have: Vec<String> = c
            .prepare("SELECT name FROM pragma_table_info('events')")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for (name, kind) in LABEL_COLUMNS {
            if !have.iter().any(|h| h == name) {
                c.execute_batch(&format!("ALTER TABLE events ADD COLUMN {name} {kind}"))?;
            }
        }
        relabel_events(c)?;
        c.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"))
    };
    run().map_err(|e| {
        let _ = store.conn.execute_batch("ROLLBACK");
        store.err(doing, e)
    })
}

/// Fills the labels of the events that have none.
fn relabel_events(c: &Connection) -> rusqlite::Result<()> {
    let l = dragoman_core::labels::Labeller::builtin();
    let mut read = c.prepare(
        "SELECT id, source_code, source_name, target_code, target_name, code FROM events WHERE description IS NULL",
    )?;
    let mut write = c.prepare(
        "UPDATE events SET source_name = ?2, source_country = ?3, source_sector = ?4, target_name = ?5, \
         target_country = ?6, target_sector = ?7, description = ?8 WHERE id = ?1",
    )?;
    let rows = read.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    for row in rows {
        let (id, source_code, source_name, target_code, target_name, code) = row?;
        let s = l.relabel(&source_code, &source_name);
        let t = (!target_code.is_empty()).then(|| l.relabel(&target_code, target_name.as_deref().unwrap_or_default()));
        let description = l.describe(&s.name, t.as_ref().map(|t| t.name.as_str()), &code);
        let t_name = t.as_ref().map(|t| t.name.clone()).or(target_name);
        let (t_country, t_sector) = t.map_or((None, None), |t| (t.country, t.sector));
        write.execute(rusqlite::params![id, s.name, s.country, s.sector, t_name, t_country, t_sector, description])?;
    }
    Ok(())
}

/// A version 1 database opened read-only cannot be upgraded: a temporary view with
/// its name, which SQLite finds before the table, shows the label columns as NULL, and
/// the rows are relabelled as they are read.
fn show_labels(store: &Store) -> Result<(), StoreError> {
    let have: Vec<String> = store
        .conn
        .prepare("SELECT name FROM pragma_table_info('events')")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| store.err("reading the tables", e))?;
    let missing: Vec<String> = LABEL_COLUMNS
        .iter()
        .filter(|(n, _)| !have.iter().any(|h| h == n))
        .map(|(n, _)| format!("NULL AS {n}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    store
        .conn
        .execute_batch(&format!("CREATE TEMP VIEW events AS SELECT *, {} FROM main.events", missing.join(", ")))
        .map_err(|e| store.err("reading a store of version 1", e))
}

/// Connection settings. A writer gets up to 256 MB of page cache: an ingest's
/// random-order index inserts (dyads, dates) dirty pages all over the indexes, and a
/// batch must keep them in memory to write each once per commit. Readers scan, and
/// get 32 MB. NORMAL is durable against a killed process in WAL mode. The log is cut
/// back to 64 MB after each checkpoint.
fn tune(store: &Store, cache_mb: i64) -> Result<(), StoreError> {
    store
        .conn
        .execute_batch(&format!("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{}; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 67108864;", cache_mb * 1024))
        .map_err(|e| store.err("setting up the connection", e))
}

/// Counts of the main tables, for summaries and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub documents: i64,
    pub sentences: i64,
    pub events: i64,
    pub mentions: i64,
}

pub fn counts(store: &Store) -> Result<Counts, StoreError> {
    let c = |table: &str| -> Result<i64, StoreError> {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|e| store.err("counting", e))
    };
    Ok(Counts {
        documents: c("documents")?,
        sentences: c("sentences")?,
        events: c("events")?,
        mentions: c("mentions")?,
    })
}
