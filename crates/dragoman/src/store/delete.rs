//! Taking documents out of the store: `dragoman delete`, and the replacing of a
//! document that is ingested again with a new date or text.
//!
//! A document leaves with everything that is its own (its row, its evidence
//! sentences and their full-text entries, its mentions), and every event it
//! reported is brought back to what the remaining mentions say: the counts, the
//! outlets and the place are recomputed from them, so the store is the one an
//! ingest without that document would have made. An event nobody else reported
//! goes too.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use rusqlite::{params, OptionalExtension};

use super::ingest::outlet_key_of;
use super::schema::{self, Store};
use super::StoreError;

/// Delete documents from the database, with their events.
///
/// Removes the documents chosen by id (--doc) and by outlet (--source), with their
/// evidence sentences, their full-text index entries and their event mentions.
/// Every event they reported is recounted from the articles that remain (mentions,
/// outlets, articles, place), and an event no other article reported is deleted:
/// the database is left as if those documents had never been ingested. All of it
/// is one transaction: after an error or a kill nothing has changed.
///
/// --doc and --source together choose the documents with one of those ids from
/// that outlet. (To replace a document with a corrected version, ingest the new
/// version: a document ingested again under the same id and outlet replaces the
/// old one.)
///
/// Exit status: 0 when every --doc (or the --source) matched and was deleted, 3
/// when some --doc matched nothing (each is named on stderr; the rest were
/// deleted), 1 when nothing matched (the database is unchanged) or the database
/// could not be used, 2 for a bad command line.
#[derive(Args, Debug, Clone)]
#[command(
    group = clap::ArgGroup::new("which").required(true).multiple(true).args(["doc", "source"]),
    after_help = "Examples:\n  dragoman delete --db caucasus.db --doc caucasus-talks gulf-2024-03-12\n  dragoman delete --db caucasus.db --doc sahel-2024-02-03 --source \"Dragoman Wire\"\n  dragoman delete --db caucasus.db --source \"Caucasus Wire\"\n\nThe database layout: docs/store.md"
)]
pub struct DeleteArgs {
    /// The event database.
    #[arg(long, value_name = "FILE", default_value = "dragoman.db")]
    pub db: PathBuf,

    /// Ids of the documents to delete, as ingested (the record's "id", the page's
    /// address, the file's name without extension). Several may follow one --doc.
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub doc: Vec<String>,

    /// The outlet of the documents to delete, as stored (the input's "source",
    /// a page's site name, a feed's title). Alone: every document of the outlet.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// How long to wait for another process writing to the database before giving
    /// up, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 5000)]
    pub busy_timeout: u64,

    /// Print nothing on stderr but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What removing documents took with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub documents: u64,
    pub mentions: u64,
    /// Events no remaining document reports, deleted.
    pub events: u64,
    /// Events other documents still report, recounted.
    pub recounted: u64,
}

/// Removes the documents with these row ids, with their sentences, full-text
/// entries and mentions, and recounts (or removes) every event they reported.
/// Runs inside the caller's transaction, so it is all or nothing with the rest.
pub(crate) fn remove_documents(store: &Store, rows: &[i64]) -> Result<Removed, StoreError> {
    let c = &store.conn;
    let err = |doing: &'static str| move |e| store.err(doing, e);
    let prepare = |sql: &str| c.prepare_cached(sql).map_err(err("preparing to delete"));
    let mut events_of = prepare("SELECT DISTINCT event_id FROM mentions WHERE document = ?1")?;
    // External-content FTS5 forgets a row only when told its text.
    let mut unindex = prepare(
        "INSERT INTO sentence_fts (sentence_fts, rowid, text) SELECT 'delete', id, text FROM sentences WHERE document = ?1",
    )?;
    let mut mentions = prepare("DELETE FROM mentions WHERE document = ?1")?;
    let mut sentences = prepare("DELETE FROM sentences WHERE document = ?1")?;
    let mut document = prepare("DELETE FROM documents WHERE id = ?1")?;
    let mut touched = BTreeSet::new();
    let mut removed = Removed::default();
    for &row in rows {
        let events = events_of.query_map([row], |r| r.get::<_, i64>(0)).map_err(err("finding a document's events"))?;
        for event in events {
            touched.insert(event.map_err(err("finding a document's events"))?);
        }
        unindex.execute([row]).map_err(err("removing sentences from the full-text index"))?;
        removed.mentions += mentions.execute([row]).map_err(err("deleting mentions"))? as u64;
        sentences.execute([row]).map_err(err("deleting sentences"))?;
        removed.documents += document.execute([row]).map_err(err("deleting a document"))? as u64;
    }
    for event in touched {
        if recount(store, event)? {
            removed.recounted += 1;
        } else {
            removed.events += 1;
        }
    }
    Ok(removed)
}

/// Brings an event back to what its remaining mentions say, as an ingest of only
/// their documents would have stored it: mentions, distinct articles, distinct
/// outlets, and the place of its first mention that gave one. An event left
/// without mentions is deleted (false).
fn recount(store: &Store, event: i64) -> Result<bool, StoreError> {
    let c = &store.conn;
    let err = |doing: &'static str| move |e| store.err(doing, e);
    let (mentions, articles): (i64, i64) = c
        .prepare_cached("SELECT count(*), count(DISTINCT document) FROM mentions WHERE event_id = ?1")
        .and_then(|mut s| s.query_row([event], |r| Ok((r.get(0)?, r.get(1)?))))
        .map_err(err("counting an event's mentions"))?;
    c.prepare_cached("DELETE FROM event_outlets WHERE event_id = ?1")
        .and_then(|mut s| s.execute([event]))
        .map_err(err("recounting outlets"))?;
    if mentions == 0 {
        c.prepare_cached("DELETE FROM events WHERE id = ?1")
            .and_then(|mut s| s.execute([event]))
            .map_err(err("deleting an event"))?;
        return Ok(false);
    }
    let mut outlets = BTreeSet::new();
    {
        let mut s = c
            .prepare_cached("SELECT DISTINCT d.doc_id, d.outlet, d.url FROM mentions m JOIN documents d ON d.id = m.document WHERE m.event_id = ?1")
            .map_err(err("recounting outlets"))?;
        let rows = s
            .query_map([event], |r| {
                let (id, outlet, url): (String, Option<String>, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok(outlet_key_of(outlet.as_deref(), url.as_deref(), &id))
            })
            .map_err(err("recounting outlets"))?;
        for key in rows {
            outlets.insert(key.map_err(err("recounting outlets"))?);
        }
    }
    let mut insert = c
        .prepare_cached("INSERT INTO event_outlets (event_id, outlet) VALUES (?1, ?2)")
        .map_err(err("recounting outlets"))?;
    for outlet in &outlets {
        insert.execute(params![event, outlet]).map_err(err("recounting outlets"))?;
    }
    type Place = (Option<String>, Option<String>, Option<f64>, Option<f64>);
    let place: Place = c
        .prepare_cached("SELECT location_name, location_country, lat, lon FROM mentions WHERE event_id = ?1 AND location_name IS NOT NULL ORDER BY id LIMIT 1")
        .and_then(|mut s| s.query_row([event], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional())
        .map_err(err("finding an event's place"))?
        .unwrap_or_default();
    c.prepare_cached(
        "UPDATE events SET num_mentions = ?2, num_articles = ?3, num_sources = ?4, \
         location_name = ?5, location_country = ?6, lat = ?7, lon = ?8 WHERE id = ?1",
    )
    .and_then(|mut s| {
        s.execute(params![event, mentions, articles, outlets.len() as i64, place.0, place.1, place.2, place.3])
    })
    .map_err(err("recounting an event"))?;
    Ok(true)
}

/// The documents `args` choose, as (row id, doc id), and the --doc ids that
/// matched none.
fn chosen(store: &Store, args: &DeleteArgs) -> Result<(Vec<i64>, Vec<String>), StoreError> {
    let c = &store.conn;
    let err = |e| store.err("finding the documents", e);
    let mut rows = Vec::new();
    let mut unmatched = Vec::new();
    if args.doc.is_empty() {
        let mut s = c.prepare("SELECT id FROM documents WHERE outlet = ?1 ORDER BY id").map_err(err)?;
        for row in s.query_map([&args.source], |r| r.get(0)).map_err(err)? {
            rows.push(row.map_err(err)?);
        }
        return Ok((rows, unmatched));
    }
    let mut s = c
        .prepare("SELECT id FROM documents WHERE doc_id = ?1 AND (?2 IS NULL OR outlet = ?2) ORDER BY id")
        .map_err(err)?;
    for id in &args.doc {
        let before = rows.len();
        for row in s.query_map(params![id, args.source], |r| r.get(0)).map_err(err)? {
            rows.push(row.map_err(err)?);
        }
        if rows.len() == before {
            unmatched.push(id.clone());
        }
    }
    rows.sort_unstable();
    rows.dedup();
    Ok((rows, unmatched))
}

/// Runs `dragoman delete`; see [`DeleteArgs`] for the exit status.
pub fn run_delete(args: DeleteArgs) -> ExitCode {
    match delete(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn delete(args: &DeleteArgs) -> Result<ExitCode, StoreError> {
    // Deleting from a database that is not there is a mistake: never create one.
    if !args.db.exists() {
        return Err(StoreError::Missing(args.db.clone()));
    }
    let store = schema::open_write(&args.db, args.busy_timeout)?;
    store.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| store.err("starting a transaction", e))?;
    let outcome = chosen(&store, args).and_then(|(rows, unmatched)| Ok((remove_documents(&store, &rows)?, unmatched)));
    let (removed, unmatched) = match outcome {
        Ok(done) => done,
        Err(e) => {
            let _ = store.conn.execute_batch("ROLLBACK");
            return Err(e);
        }
    };
    store.conn.execute_batch("COMMIT").map_err(|e| {
        let _ = store.conn.execute_batch("ROLLBACK");
        store.err("committing the deletion", e)
    })?;
    let from = match &args.source {
        Some(s) => format!(" from `{s}`"),
        None => String::new(),
    };
    for id in &unmatched {
        eprintln!("error: {}: no document `{id}`{from}", args.db.display());
    }
    if removed.documents == 0 {
        if args.doc.is_empty() {
            eprintln!("error: {}: no document{from}", args.db.display());
        }
        eprintln!("nothing was deleted (ids and outlets are matched exactly, as they were ingested)");
        return Ok(ExitCode::from(1));
    }
    if !args.quiet {
        let totals = schema::counts(&store)
            .map(|c| format!("; {} now holds {} document(s), {} event(s)", args.db.display(), c.documents, c.events))
            .unwrap_or_default();
        eprintln!(
            "deleted {} document(s) with {} mention(s): {} event(s) reported by no other document deleted, {} recounted{totals}",
            removed.documents, removed.mentions, removed.events, removed.recounted
        );
    }
    Ok(if unmatched.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(3) })
}
