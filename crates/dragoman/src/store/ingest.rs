//! `dragoman ingest`: code articles and store them, their evidence and their events.
//!
//! Interrupt safety comes from one rule: a document's row, its sentences, its
//! mentions and the count updates of its events are written in the same transaction
//! (a batch of `--batch` documents). A killed ingest loses at most the open batch,
//! as if those documents had never been read, and re-running it skips every stored
//! document by its content hash and stores the rest in the same order: the result
//! equals an uninterrupted run.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use dragoman_core::coder::{code_document, CodeOptions, CodedDocument};
use dragoman_core::knowledge::Knowledge;
use dragoman_core::model::{Document, Event};
use dragoman_core::time::Precision;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::{params, OptionalExtension, Statement};

use super::schema::{self, Store};
use super::{content_hash, StoreError};
use crate::input::{self, Id};

/// Code articles and store them, with their events, in an SQLite database.
///
/// Reads what `dragoman code` reads (text, JSON Lines, directories, stdin), codes
/// each article, and stores the article, the sentences that carry events, every
/// event mention with its evidence, and the deduplicated events: mentions with the
/// same dates, source, target and CAMEO code, from any number of articles, are one
/// event with counts of mentions, outlets and articles (GDELT's NumMentions,
/// NumSources, NumArticles).
///
/// Safe to repeat and to interrupt: an article already stored (same id, date and
/// text) is skipped without being coded again, and a killed run loses at most its
/// last unfinished batch, which the next run stores. An article stored before
/// under the same id and outlet but with another date or text is replaced, with
/// its events (`dragoman delete` removes articles outright).
///
/// Every article needs a publication date, to resolve "on Monday" and to date its
/// events: its own ("published", the page's metadata), else --published. One with
/// none is not stored (it would be dated today for good); the error names it.
///
/// Exit status: 0 when everything was stored, 3 when some input was skipped (each
/// problem is reported on stderr with its file and line), 1 when an input path
/// does not exist (nothing is stored) or the database or a dictionary could not be
/// used (what was stored before stays), 2 for a bad command line (or no input at a
/// terminal).
#[derive(Args, Debug, Clone)]
#[command(
    after_help = "Examples:\n  dragoman ingest examples/sahel-and-gulf.jsonl\n  dragoman ingest examples/ --db caucasus.db --published 2024-03-12\n  cat examples/sahel-and-gulf.jsonl | dragoman ingest --db caucasus.db --quiet\n\nThe database layout: docs/store.md"
)]
pub struct IngestArgs {
    /// Files or directories to code; "-" or nothing reads standard input.
    pub paths: Vec<PathBuf>,

    /// The database: created when it does not exist, added to when it does.
    #[arg(long, value_name = "FILE", default_value = "dragoman.db")]
    pub db: PathBuf,

    /// Publication date (YYYY-MM-DD) for plain text and for records without one,
    /// unless a dateline dates them ("KYIV, April 15, 2024 —"). Relative dates
    /// ("on Wednesday", "last year") are resolved against it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,

    #[command(flatten)]
    pub dicts: crate::dictionaries::DictFlags,

    /// Drop events without a target. Default: on when --verbs is given (PETRARCH's
    /// convention), off with the built-in lexicon.
    #[arg(long, value_name = "BOOL")]
    pub require_dyad: Option<bool>,

    /// Skip geolocation: events get no place (coding is a little faster).
    #[arg(long)]
    pub no_places: bool,

    /// Documents per transaction. A killed ingest loses at most the last
    /// unfinished batch, which the next run stores again. Bigger batches write
    /// faster (each commit rewrites the index pages it touched).
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,

    /// How long to wait for another process writing to the database before giving
    /// up, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 5000)]
    pub busy_timeout: u64,

    /// Skip documents larger than this many megabytes (1 to 1048576).
    #[arg(long, value_name = "MB", default_value_t = 10, value_parser = input::max_doc_mb())]
    pub max_doc_mb: u64,

    /// Stop at the first bad input instead of skipping it (what was stored stays).
    #[arg(long)]
    pub strict: bool,

    /// No progress bar and no summary; only errors on stderr.
    #[arg(long, short)]
    pub quiet: bool,

    /// Code each document's title (an HTML page's headline, a JSON record's
    /// "title") as a paragraph before its text. Off by default: the title is kept
    /// apart. Feed items always open with their title (an item is often only a
    /// headline and a teaser).
    #[arg(long)]
    pub code_titles: bool,
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// Documents stored by this run.
    pub documents: u64,
    /// Of those, documents that replaced an earlier version (same id and outlet).
    pub replaced: u64,
    /// Documents already in the database (same id, date and text), skipped.
    pub already_stored: u64,
    pub sentences: u64,
    /// Event mentions stored.
    pub mentions: u64,
    /// Events not in the database before.
    pub new_events: u64,
}

impl IngestStats {
    fn add(&mut self, o: IngestStats) {
        self.documents += o.documents;
        self.replaced += o.replaced;
        self.already_stored += o.already_stored;
        self.sentences += o.sentences;
        self.mentions += o.mentions;
        self.new_events += o.new_events;
    }
}

/// Writes coded documents into a store, a batch of documents per transaction.
pub struct Writer<'s> {
    store: &'s Store,
    st: Statements<'s>,
    batch: u64,
    in_batch: u64,
    ingested_at: String,
    /// What the committed batches stored: a batch counts once it is committed, so
    /// a summary after a failure never counts what was rolled back.
    pub stats: IngestStats,
    /// What the open batch holds so far.
    pending: IngestStats,
    /// Time spent writing (for the benchmark's store/coding split).
    pub busy: Duration,
}

struct Statements<'c> {
    insert_doc: Statement<'c>,
    find_versions: Statement<'c>,
    insert_sentence: Statement<'c>,
    insert_fts: Statement<'c>,
    find_event: Statement<'c>,
    insert_event: Statement<'c>,
    insert_mention: Statement<'c>,
    insert_outlet: Statement<'c>,
    update_event: Statement<'c>,
}

impl<'s> Writer<'s> {
    pub fn new(store: &'s Store, batch: u64) -> Result<Writer<'s>, StoreError> {
        let c = &store.conn;
        let p = |sql: &str| c.prepare(sql).map_err(|e| store.err("preparing the statements", e));
        let st = Statements {
            insert_doc: p("INSERT OR IGNORE INTO documents (content_hash, doc_id, outlet, url, title, published, ingested_at, sentences, mentions, discarded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?,
            // Served by documents_doc_id.
            find_versions: p("SELECT id FROM documents WHERE doc_id = ?1 AND outlet IS ?2 AND id <> ?3")?,
            insert_sentence: p("INSERT INTO sentences (document, idx, start, text) VALUES (?1, ?2, ?3, ?4)")?,
            insert_fts: p("INSERT INTO sentence_fts (rowid, text) VALUES (?1, ?2)")?,
            // Served by events_dyad: equal source, target and date leave a handful of rows.
            find_event: p("SELECT id FROM events WHERE source_code = ?1 AND target_code = ?2 AND date = ?3 AND date_end = ?4 AND code = ?5")?,
            insert_event: p(
                "INSERT INTO events (date, date_end, date_precision, source_code, target_code, code, source_name, target_name, root, code_name, quad_class, goldstein, plover_type, plover_mode, location_name, location_country, lat, lon, num_mentions, num_sources, num_articles, \
                 source_country, source_sector, target_country, target_sector, description) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 1, 1, ?20, ?21, ?22, ?23, ?24)",
            )?,
            insert_mention: p(
                "INSERT INTO mentions (event_id, document, sentence, span_start, span_end, trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, target_text, target_start, target_end, date_text, rule, negated, hypothetical, \
                 location_name, location_country, location_admin1, lat, lon, geonames_id, location_precision, location_found) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
            )?,
            insert_outlet: p("INSERT OR IGNORE INTO event_outlets (event_id, outlet) VALUES (?1, ?2)")?,
            update_event: p(
                "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + 1, num_sources = num_sources + ?3, \
                 location_country = CASE WHEN location_name IS NULL THEN ?5 ELSE location_country END, \
                 lat = CASE WHEN location_name IS NULL THEN ?6 ELSE lat END, lon = CASE WHEN location_name IS NULL THEN ?7 ELSE lon END, \
                 location_name = coalesce(location_name, ?4) WHERE id = ?1",
            )?,
        };
        Ok(Writer {
            store,
            st,
            batch: batch.max(1),
            in_batch: 0,
            ingested_at: now(),
            stats: IngestStats::default(),
            pending: IngestStats::default(),
            busy: Duration::ZERO,
        })
    }

    /// Stores a coded document; `false` when it was already stored. A document the
    /// input named (`Id::Named`) replaces the versions stored under the same id and
    /// outlet. Commits when the batch is full.
    pub fn add(&mut self, doc: &Document, hash: u64, coded: &CodedDocument, id: Id) -> Result<bool, StoreError> {
        let started = Instant::now();
        if self.in_batch == 0 {
            self.ingested_at = now();
            self.store
                .conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.store.err("starting a transaction", e))?;
        }
        // The batch counts from the first attempt, so a failure below rolls it back whole.
        self.in_batch += 1;
        let stored = match self.write(doc, hash, coded, id) {
            Ok(stored) => stored,
            Err(e) => {
                self.rollback();
                return Err(e);
            }
        };
        self.busy += started.elapsed();
        if self.in_batch >= self.batch {
            self.commit()?;
        }
        Ok(stored)
    }

    /// Commits the open batch, if any.
    pub fn commit(&mut self) -> Result<(), StoreError> {
        if self.in_batch == 0 {
            return Ok(());
        }
        let started = Instant::now();
        let res = self.store.conn.execute_batch("COMMIT").map_err(|e| self.store.err("committing a batch", e));
        if res.is_err() {
            self.rollback();
        } else {
            self.stats.add(std::mem::take(&mut self.pending));
        }
        self.in_batch = 0;
        self.busy += started.elapsed();
        res
    }

    fn rollback(&mut self) {
        if !self.store.conn.is_autocommit() {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
        self.in_batch = 0;
        self.pending = IngestStats::default();
    }

    /// The committed counts and the open batch's, for progress reports.
    pub fn seen(&self) -> IngestStats {
        let mut all = self.stats;
        all.add(self.pending);
        all
    }

    fn write(&mut self, doc: &Document, hash: u64, coded: &CodedDocument, id: Id) -> Result<bool, StoreError> {
        let store = self.store;
        let err = |doing: &'static str| move |e| store.err(doing, e);
        let st = &mut self.st;
        let published = doc.published.format("%Y-%m-%d").to_string();
        let inserted = st
            .insert_doc
            .execute(params![
                hash as i64,
                doc.id,
                doc.source,
                doc.url,
                doc.title,
                published,
                self.ingested_at,
                coded.sentences as i64,
                coded.events.len() as i64,
                coded.discarded
            ])
            .map_err(err("storing a document"))?;
        if inserted == 0 {
            self.pending.already_stored += 1;
            return Ok(false);
        }
        let doc_row = store.conn.last_insert_rowid();
        if id == Id::Named {
            // A new version of a stored document (a correction, a new date): the old
            // one goes first, with its events, as `dragoman delete` would take it.
            let old: Vec<i64> = st
                .find_versions
                .query_map(params![doc.id, doc.source, doc_row], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(err("looking up earlier versions"))?;
            if !old.is_empty() {
                super::delete::remove_documents(store, &old)?;
                self.pending.replaced += 1;
            }
        }
        let outlet = outlet_key(doc);
        // The evidence sentences, in document order; `sentence_of[i]` for event i.
        let mut stored: Vec<(usize, i64)> = Vec::new();
        let mut sentence_of = Vec::with_capacity(coded.events.len());
        for ev in &coded.events {
            let id = match stored.iter().find(|(i, _)| *i == ev.sentence) {
                Some(&(_, id)) => id,
                None => {
                    let start = sentence_start(&doc.text, ev).map(|s| s as i64);
                    let id = st
                        .insert_sentence
                        .insert(params![doc_row, ev.sentence as i64, start, ev.sentence_text])
                        .map_err(err("storing a sentence"))?;
                    st.insert_fts.execute(params![id, ev.sentence_text]).map_err(err("indexing a sentence"))?;
                    stored.push((ev.sentence, id));
                    self.pending.sentences += 1;
                    id
                }
            };
            sentence_of.push(id);
        }
        // Mentions of the same event in this document, in order of first appearance.
        let mut groups: Vec<(EventKey, Vec<usize>)> = Vec::new();
        for (i, ev) in coded.events.iter().enumerate() {
            let key = EventKey::of(ev);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        for (key, members) in &groups {
            let n = members.len() as i64;
            let first = &coded.events[members[0]];
            let loc = members.iter().find_map(|&i| coded.events[i].location.as_ref());
            let (loc_name, loc_country) = (loc.map(|l| &l.name), loc.and_then(|l| l.country.as_ref()));
            let (lat, lon) = (loc.and_then(|l| l.lat), loc.and_then(|l| l.lon));
            let found = st
                .find_event
                .query_row(params![key.source, key.target, key.date, key.date_end, key.code], |r| r.get::<_, i64>(0))
                .optional()
                .map_err(err("looking up an event"))?;
            let event_id = match found {
                Some(id) => {
                    let new_outlet =
                        st.insert_outlet.execute(params![id, outlet]).map_err(err("counting outlets"))? as i64;
                    st.update_event
                        .execute(params![id, n, new_outlet, loc_name, loc_country, lat, lon])
                        .map_err(err("counting mentions"))?;
                    id
                }
                None => {
                    self.pending.new_events += 1;
                    let id = st
                        .insert_event
                        .insert(params![
                            key.date,
                            key.date_end,
                            precision_name(first.date_precision),
                            key.source,
                            key.target,
                            key.code,
                            first.source.name,
                            first.target.as_ref().map(|t| &t.name),
                            first.root,
                            first.code_name,
                            first.quad_class,
                            first.goldstein,
                            first.plover.kind,
                            first.plover.mode,
                            loc_name,
                            loc_country,
                            lat,
                            lon,
                            n,
                            first.source.country,
                            first.source.sector,
                            first.target.as_ref().and_then(|t| t.country.as_ref()),
                            first.target.as_ref().and_then(|t| t.sector.as_ref()),
                            first.description,
                        ])
                        .map_err(err("storing an event"))?;
                    st.insert_outlet.execute(params![id, outlet]).map_err(err("counting outlets"))?;
                    id
                }
            };
            for &i in members {
                let ev = &coded.events[i];
                let t = ev.target.as_ref();
                let loc = ev.location.as_ref();
                st.insert_mention
                    .execute(params![
                        event_id,
                        doc_row,
                        sentence_of[i],
                        ev.span.start as i64,
                        ev.span.end as i64,
                        ev.evidence.trigger.start as i64,
                        ev.evidence.trigger.end as i64,
                        ev.evidence.trigger_text,
                        ev.source.text,
                        ev.source.span.start as i64,
                        ev.source.span.end as i64,
                        t.map(|t| &t.text),
                        t.map(|t| t.span.start as i64),
                        t.map(|t| t.span.end as i64),
                        ev.date_text,
                        ev.rule,
                        ev.negated,
                        ev.hypothetical,
                        loc.map(|l| &l.name),
                        loc.and_then(|l| l.country.as_ref()),
                        loc.and_then(|l| l.admin1.as_ref()),
                        loc.and_then(|l| l.lat),
                        loc.and_then(|l| l.lon),
                        loc.and_then(|l| l.geonames_id.map(|g| g as i64)),
                        loc.map(|l| l.precision),
                        loc.map(|l| l.found),
                    ])
                    .map_err(err("storing a mention"))?;
                self.pending.mentions += 1;
            }
        }
        self.pending.documents += 1;
        Ok(true)
    }
}

impl Drop for Writer<'_> {
    /// An unfinished batch is rolled back, never half-written.
    fn drop(&mut self) {
        self.rollback();
    }
}

/// What makes two mentions the same event: the same first and last day, source,
/// target and code. The last day is part of it so that "in January" (a month) and
/// "on January 1" (a day) stay two events.
#[derive(Debug, Clone, PartialEq, Eq)]
struct EventKey {
    date: String,
    date_end: String,
    source: String,
    target: String,
    code: String,
}

impl EventKey {
    fn of(ev: &Event) -> EventKey {
        EventKey {
            date: ev.date.clone(),
            date_end: ev.date_end.clone(),
            source: ev.source.code.clone(),
            target: ev.target.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
            code: ev.code.clone(),
        }
    }
}

/// The outlet a document counts for in NumSources: its "source" field, else the
/// host of its URL, else the document itself.
pub(crate) fn outlet_key(doc: &Document) -> String {
    outlet_key_of(doc.source.as_deref(), doc.url.as_deref(), &doc.id)
}

/// [`outlet_key`] from a document's stored fields.
pub(crate) fn outlet_key_of(source: Option<&str>, url: Option<&str>, id: &str) -> String {
    if let Some(s) = source.map(str::trim).filter(|s| !s.is_empty()) {
        return s.to_string();
    }
    if let Some(host) = url.and_then(url_host) {
        return host;
    }
    format!("doc:{id}")
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The byte offset of the event's sentence in the document: the occurrence of the
/// sentence text that holds the trigger.
fn sentence_start(text: &str, ev: &Event) -> Option<usize> {
    let s = ev.sentence_text.as_str();
    let trigger = ev.evidence.trigger.start;
    // Fast path: where the trigger's words sit in the sentence tells where the
    // sentence starts; check that guess before searching.
    let words = ev.evidence.trigger_text.as_str();
    if !words.is_empty() {
        for (i, _) in s.match_indices(words) {
            if let Some(start) = trigger.checked_sub(i) {
                if text.get(start..start + s.len()) == Some(s) {
                    return Some(start);
                }
            }
        }
    }
    let mut lo = trigger.saturating_sub(s.len());
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (trigger + s.len()).min(text.len());
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = text.get(lo..hi)?;
    window.match_indices(s).map(|(i, _)| lo + i).find(|&p| p <= trigger && trigger < p + s.len().max(1))
}

pub(crate) fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Range => "range",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Year => "year",
    }
}

/// 12345 → "12,345".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut at = match digits.len() % 3 {
        0 => 3.min(digits.len()),
        r => r,
    };
    let mut out = digits[..at].to_string();
    while at < digits.len() {
        out.push(',');
        out.push_str(&digits[at..at + 3]);
        at += 3;
    }
    out
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {elapsed:>4} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Once the inputs' total size is known: a bar of bytes read, with the share done
/// and the time left.
fn measure_progress(bar: &ProgressBar, total: u64) {
    let template = "{spinner} {elapsed:>4} [{bar:24}] {percent:>3}% of {total_bytes} · {eta} left · {msg}";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_length(total.max(1));
        bar.set_style(style.progress_chars("=> "));
    }
}

/// Runs `dragoman ingest`. Exit status: 0 everything stored, 3 some input skipped
/// (reported on stderr), 1 the database or a dictionary could not be used, 2 a bad
/// command line.
pub fn run_ingest(args: IngestArgs) -> ExitCode {
    let published = match crate::dictionaries::parse_published(args.published.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let paths = match input::input_paths::<IngestArgs>("ingest", &args.paths) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let started = Instant::now();
    let knowledge = match crate::dictionaries::prepare(&args.dicts, !args.no_places, args.quiet) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let load_time = started.elapsed();
    let store = match schema::open_write(&args.db, args.busy_timeout) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    // The reader warns (once) about undated plain text, unless quiet.
    input::QUIET.store(args.quiet, std::sync::atomic::Ordering::Relaxed);
    let opts = CodeOptions { require_dyad: args.require_dyad, no_places: args.no_places, ..CodeOptions::default() };
    let cfg = input::ReadConfig {
        published,
        max_bytes: input::max_bytes(args.max_doc_mb),
        refuse_undated: true,
        code_titles: args.code_titles,
    };
    let outcome = ingest_paths(&store, &paths, &cfg, &knowledge, &opts, &args);
    let (stats, skipped, coding, writing, failure) = match outcome {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(e) = &failure {
        eprintln!("error: {e}");
    }
    let secs = started.elapsed().as_secs_f64() - load_time.as_secs_f64();
    if !args.quiet {
        let totals = schema::counts(&store)
            .map(|c| {
                format!(
                    "; {} now holds {} document(s), {} event(s), {} mention(s)",
                    args.db.display(),
                    c.documents,
                    c.events,
                    c.mentions
                )
            })
            .unwrap_or_default();
        let replaced = match stats.replaced {
            0 => String::new(),
            n => format!("{n} replacing an earlier version, "),
        };
        eprintln!(
            "stored {} new document(s) ({replaced}{} already stored), {} mention(s) of {} new event(s) in {secs:.2} s ({:.0} documents/s; coding {:.2} s, store {:.2} s; dictionaries loaded in {} ms){}{totals}",
            stats.documents,
            stats.already_stored,
            stats.mentions,
            stats.new_events,
            (stats.documents + stats.already_stored) as f64 / secs.max(1e-9),
            coding.as_secs_f64(),
            writing.as_secs_f64(),
            load_time.as_millis(),
            if skipped > 0 { format!("; {skipped} input(s) skipped") } else { String::new() },
        );
    }
    if failure.is_some() {
        ExitCode::from(1)
    } else if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

type Outcome = (IngestStats, usize, Duration, Duration, Option<StoreError>);

/// What the reading thread hands the writer, in input order.
enum Item {
    /// A new document, what its id says, and what the coder found in it.
    Coded(Box<(Document, u64, CodedDocument, Id)>),
    /// A document found already stored, not coded again.
    Known,
}

/// Reads, codes and stores every document under `paths`. Reading and coding run on
/// one thread, writing on this one, so the store's work overlaps the coder's; one
/// coding thread keeps the input order, so a re-run stores exactly what an
/// uninterrupted run would. A store error stops the run (returned last, after what
/// was committed); input errors are counted.
fn ingest_paths(
    store: &Store,
    paths: &[PathBuf],
    cfg: &input::ReadConfig,
    k: &Knowledge,
    opts: &CodeOptions,
    args: &IngestArgs,
) -> Result<Outcome, StoreError> {
    let mut writer = Writer::new(store, args.batch)?;
    // The reader's own connection, to skip stored documents without coding them.
    let lookup = schema::open_read(&store.path)?;
    let bar = progress_bar(args.quiet);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Item>(256);
    // Stored documents go back to the reader to be freed where they were
    // allocated: freeing another thread's memory contends for the allocator's lock.
    let (back_tx, back_rx) = std::sync::mpsc::channel::<Item>();
    let mut failure: Option<StoreError> = None;
    let (skipped, coding, read_failure) = std::thread::scope(|scope| {
        let reader_bar = bar.clone();
        let reader = scope.spawn(move || read_and_code(paths, cfg, k, opts, args, lookup, (tx, back_rx), reader_bar));
        let started = Instant::now();
        let mut documents = 0u64;
        for item in rx.iter() {
            documents += 1;
            if bar.length().is_some() {
                bar.set_position(input::BYTES_READ.load(std::sync::atomic::Ordering::Relaxed));
            }
            match item {
                Item::Known => writer.stats.already_stored += 1,
                Item::Coded(b) => {
                    let (doc, hash, coded, id) = &*b;
                    if let Err(e) = writer.add(doc, *hash, coded, *id) {
                        failure = Some(e);
                        break;
                    }
                    let _ = back_tx.send(Item::Coded(b));
                }
            }
            if documents % 64 == 1 {
                let s = writer.seen();
                let per_sec = documents as f64 / started.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!(
                    "{} documents ({}/s) · {} events found ({} new) · {} already stored",
                    thousands(documents),
                    thousands(per_sec as u64),
                    thousands(s.mentions),
                    thousands(s.new_events),
                    thousands(s.already_stored)
                ));
            }
        }
        // Stops the reader at its next document if we stopped early.
        drop(rx);
        match reader.join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    if failure.is_none() {
        failure = read_failure;
    }
    // What was added before a failure is kept: commit it.
    if let Err(e) = writer.commit() {
        failure.get_or_insert(e);
    }
    bar.finish_and_clear();
    Ok((writer.stats, skipped, coding, writer.busy, failure))
}

/// The reading thread: documents in input order, coded unless already stored.
/// Returns the inputs skipped, the time spent coding, and a lookup failure.
#[allow(clippy::too_many_arguments)]
fn read_and_code(
    paths: &[PathBuf],
    cfg: &input::ReadConfig,
    k: &Knowledge,
    opts: &CodeOptions,
    args: &IngestArgs,
    lookup: Store,
    (tx, back): (std::sync::mpsc::SyncSender<Item>, std::sync::mpsc::Receiver<Item>),
    bar: ProgressBar,
) -> (usize, Duration, Option<StoreError>) {
    let mut find = match lookup.conn.prepare("SELECT 1 FROM documents WHERE content_hash = ?1") {
        Ok(s) => s,
        Err(e) => return (0, Duration::ZERO, Some(lookup.err("looking up documents", e))),
    };
    let mut skipped = 0usize;
    let mut coding = Duration::ZERO;
    let mut failure = None;
    // Set when --strict meets bad input, or when the writer has stopped.
    let stop = std::cell::Cell::new(false);
    // The database is often kept beside the articles: never read it as one.
    let items = input::expand_paths(paths, &input::database_files(&lookup.path));
    input::BYTES_READ.store(0, std::sync::atomic::Ordering::Relaxed);
    if let Some(total) = input::total_size(&items) {
        measure_progress(&bar, total);
    }
    for item in items {
        if stop.get() {
            break;
        }
        let path = match item {
            Ok(p) => p,
            Err(e) => {
                bar.suspend(|| eprintln!("error: {e}"));
                skipped += 1;
                stop.set(args.strict);
                continue;
            }
        };
        input::read_path(
            &path,
            cfg,
            &mut |doc, id| {
                if stop.get() {
                    return false;
                }
                let hash = content_hash(&doc);
                let item = match find.query_row([hash as i64], |_| Ok(())).optional() {
                    Ok(Some(())) => Item::Known,
                    Ok(None) => {
                        let t = Instant::now();
                        let coded = code_document(&doc, k, opts);
                        coding += t.elapsed();
                        Item::Coded(Box::new((doc, hash, coded, id)))
                    }
                    Err(e) => {
                        failure = Some(lookup.err("looking up a document", e));
                        stop.set(true);
                        return false;
                    }
                };
                while let Ok(stored) = back.try_recv() {
                    drop(stored);
                }
                if tx.send(item).is_err() {
                    stop.set(true);
                    return false;
                }
                true
            },
            &mut |e| {
                bar.suspend(|| eprintln!("error: {e}"));
                skipped += 1;
                if args.strict {
                    stop.set(true);
                }
                !args.strict
            },
        );
    }
    (skipped, coding, failure)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::store::schema::{counts, open_write};
    use dragoman_core::knowledge::KnowledgeBuilder;

    pub(crate) fn doc(id: &str, published: &str, source: Option<&str>, text: &str) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            published: dragoman_core::model::parse_date(published).unwrap(),
            source: source.map(Into::into),
            url: None,
            title: None,
        }
    }

    /// A database path in a fresh directory, removed with the directory when dropped.
    pub(crate) struct TempDb(PathBuf);

    impl std::ops::Deref for TempDb {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDb {
        fn drop(&mut self) {
            if let Some(dir) = self.0.parent() {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }

    pub(crate) fn temp_db(name: &str) -> TempDb {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dragoman-store-unit-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDb(dir.join("events.db"))
    }

    pub(crate) fn knowledge() -> Knowledge {
        let mut b = KnowledgeBuilder::new().builtin();
        b.petrarch_actors("tiny.actors", "RUSSIA_ [RUS]\nARMENIA_ [ARM]\nAZERBAIJAN_ [AZE]\n");
        b.build()
    }

    /// Codes and stores `docs`, one transaction per `batch` documents.
    pub(crate) fn ingest(store: &Store, docs: &[Document], batch: u64) -> IngestStats {
        let k = knowledge();
        let mut w = Writer::new(store, batch).unwrap();
        for d in docs {
            let coded = code_document(d, &k, &CodeOptions::default());
            w.add(d, content_hash(d), &coded, Id::Named).unwrap();
        }
        w.commit().unwrap();
        w.stats
    }

    const A: &str =
        "YEREVAN (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border.";

    #[test]
    fn ingesting_twice_adds_nothing() {
        let path = temp_db("twice");
        let store = open_write(&path, 1000).unwrap();
        let docs = vec![
            doc("a", "2024-01-18", Some("Wire"), A),
            doc("b", "2024-01-19", Some("Post"), "Azerbaijan urged Armenia to return to the talks."),
        ];
        let first = ingest(&store, &docs, 1);
        assert_eq!(first.documents, 2);
        assert!(first.mentions >= 2, "{first:?}");
        let before = counts(&store).unwrap();
        let second = ingest(&store, &docs, 1);
        assert_eq!((second.documents, second.already_stored, second.mentions), (0, 2, 0));
        assert_eq!(counts(&store).unwrap(), before);
        // Reopening finds the same tables and adds nothing either.
        drop(store);
        let store = open_write(&path, 1000).unwrap();
        ingest(&store, &docs, 7);
        assert_eq!(counts(&store).unwrap(), before);
    }

    #[test]
    fn the_same_event_in_two_articles_is_one_event_with_counts() {
        let path = temp_db("dedup");
        let store = open_write(&path, 1000).unwrap();
        let text2 = "MOSCOW \u{2014} Russia accused Armenia on Monday of shelling its positions near the border, officials said.";
        let docs = vec![
            doc("a", "2024-01-18", Some("Wire"), A),
            doc("b", "2024-01-18", Some("Post"), text2),
            // The same outlet again: a third article but not a third source.
            doc("c", "2024-01-18", Some("Post"), &format!("{text2} More later.")),
        ];
        let stats = ingest(&store, &docs, 2);
        assert_eq!(stats.documents, 3);
        let (n, mentions, sources, articles, date, code): (i64, i64, i64, i64, String, String) = store
            .conn
            .query_row("SELECT count(*), num_mentions, num_sources, num_articles, date, code FROM events WHERE source_code = 'RUS' AND target_code = 'ARM'", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .unwrap();
        assert_eq!(n, 1, "one event");
        assert_eq!((mentions, sources, articles), (3, 2, 3));
        assert_eq!(date, "2024-01-15", "Monday before the 18th");
        assert!(code.starts_with("11"), "accuse: {code}");
        let evidence: i64 = store.conn.query_row("SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence WHERE s.text LIKE '%accused Armenia%'", [], |r| r.get(0)).unwrap();
        assert_eq!(evidence, 3, "every mention keeps its evidence");
    }

    #[test]
    fn a_failed_batch_leaves_nothing_half_written() {
        let path = temp_db("rollback");
        let store = open_write(&path, 1000).unwrap();
        ingest(&store, &[doc("a", "2024-01-18", Some("Wire"), A)], 10);
        let before = counts(&store).unwrap();
        {
            let k = knowledge();
            let mut w = Writer::new(&store, 10).unwrap();
            let d = doc("b", "2024-01-19", Some("Post"), "Azerbaijan urged Armenia to return to the talks.");
            let coded = code_document(&d, &k, &CodeOptions::default());
            assert!(w.add(&d, content_hash(&d), &coded, Id::Named).unwrap());
            // Dropped without a commit, as when the process dies mid-batch.
        }
        assert_eq!(counts(&store).unwrap(), before);
    }

    #[test]
    fn a_failed_batch_is_not_counted_as_stored() {
        let path = temp_db("uncounted");
        let store = open_write(&path, 1000).unwrap();
        let k = knowledge();
        let mut w = Writer::new(&store, 2).unwrap();
        let texts = [
            A,
            "Azerbaijan urged Armenia to return to the talks.",
            "Russia praised Azerbaijan.",
            "Armenia thanked Russia.",
        ];
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| doc(&format!("d{i}"), "2024-01-18", Some("Wire"), t)).collect();
        let add = |w: &mut Writer, d: &Document| {
            w.add(d, content_hash(d), &code_document(d, &k, &CodeOptions::default()), Id::Named)
        };
        // A committed batch of two, then one document in the open batch...
        add(&mut w, &docs[0]).unwrap();
        add(&mut w, &docs[1]).unwrap();
        assert!(add(&mut w, &docs[2]).unwrap());
        assert_eq!(w.seen().documents, 3);
        // ...which fails on the next document (its table gone, inside the batch).
        store.conn.execute_batch("DROP TABLE event_outlets").unwrap();
        assert!(add(&mut w, &docs[3]).is_err());
        // The summary counts what the database holds, not the rolled-back batch.
        let held = counts(&store).unwrap();
        assert_eq!(held.documents, 2);
        assert_eq!((w.stats.documents, w.stats.mentions), (2, held.mentions as u64));
        assert_eq!(w.seen(), w.stats);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(
            (thousands(0), thousands(999), thousands(1000), thousands(1234567)),
            ("0".into(), "999".into(), "1,000".into(), "1,234,567".into())
        );
    }

    #[test]
    fn sentence_offsets_and_outlets() {
        let d = Document {
            url: Some("https://www.Example.com:443/news/1?x=2".into()),
            source: None,
            ..doc("z", "2024-01-18", None, "x")
        };
        assert_eq!(outlet_key(&d), "example.com");
        assert_eq!(outlet_key(&doc("z", "2024-01-18", None, "x")), "doc:z");
        assert_eq!(outlet_key(&doc("z", "2024-01-18", Some(" AP "), "x")), "AP");
        let k = knowledge();
        let text = "Intro sentence here. Russia accused Armenia on Monday of shelling. Russia accused Armenia on Monday of shelling.";
        let d = doc("s", "2024-01-18", None, text);
        let coded = code_document(&d, &k, &CodeOptions::default());
        assert!(coded.events.len() >= 2, "{:?}", coded.events);
        for ev in &coded.events {
            let start = sentence_start(text, ev).unwrap();
            assert_eq!(&text[start..start + ev.sentence_text.len()], ev.sentence_text);
            assert!(start <= ev.evidence.trigger.start && ev.evidence.trigger.end <= start + ev.sentence_text.len());
        }
        let starts: Vec<usize> = coded.events.iter().map(|e| sentence_start(text, e).unwrap()).collect();
        assert!(starts.windows(2).any(|w| w[0] != w[1]), "the repeated sentence is found at its own place: {starts:?}");
    }
}
