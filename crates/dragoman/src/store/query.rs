//! Reading events back: the filters of `dragoman events` (shared with the exports
//! and the timeline), the rows the exports write, and Phoenix's one-a-day rule.
//!
//! Actor filters match a code or its start ("RUS" matches RUS, RUSGOV, RUSMIL), as
//! an index range rather than `LIKE`, so they stay fast on millions of events.

use std::collections::HashMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rusqlite::types::Value;
use rusqlite::OptionalExtension;

use super::names::{resolve_actor, resolve_country, resolve_dyad, resolve_place};
use super::schema::{open_read, Store};
use super::StoreError;
use crate::event_row::EventRow;

/// Which events to read. Every filter given must hold; codes are upper case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// An actor code or its start, on either side.
    pub actor: Option<String>,
    /// A country code (CAMEO/ISO alpha-3), the start of an actor code on either side.
    pub country: Option<String>,
    /// The source actor, a code or its start.
    pub source: Option<String>,
    /// The target actor, a code or its start.
    pub target: Option<String>,
    /// Two actors (codes or their starts), either way round unless `directed`.
    pub dyad: Option<(String, String)>,
    pub directed: bool,
    /// A CAMEO code or its start ("11" is root 11, "112" covers 1121…1125).
    pub code: Option<String>,
    /// A CAMEO root, "2" or "02".
    pub root: Option<String>,
    /// Quad class 1–4.
    pub quad: Option<u8>,
    /// A PLOVER event type ("ACCUSE"), any case.
    pub plover: Option<String>,
    /// The event's first day is on or after `from` and on or before `to`.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Part of the place name, or the place's country code.
    pub place: Option<String>,
    /// An FTS5 query over the sentences of the event's mentions (words are ANDed;
    /// "a phrase", OR, NOT and prefix* work).
    pub search: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
}

/// The filters as command-line options (`dragoman events`, `timeline` and `export`
/// flatten these).
#[derive(Args, Debug, Default, Clone)]
pub struct FilterArgs {
    /// An actor on either side: a code or its start ("RUS" matches RUSGOV and
    /// RUSMIL), or a name the built-in dictionaries know ("Russia", "NATO").
    #[arg(long, value_name = "CODE|NAME", value_parser = resolve_actor)]
    pub actor: Option<String>,
    /// A country on either side: its three-letter code ("ARM") or its name
    /// ("South Korea").
    #[arg(long, value_name = "ISO3|NAME", value_parser = resolve_country)]
    pub country: Option<String>,
    /// The source actor (a code, its start, or a name).
    #[arg(long, value_name = "CODE|NAME", value_parser = resolve_actor)]
    pub source: Option<String>,
    /// The target actor (a code, its start, or a name).
    #[arg(long, value_name = "CODE|NAME", value_parser = resolve_actor)]
    pub target: Option<String>,
    /// Events between two actors, "RUS,ARM" or "Russia,Armenia" (codes, their
    /// starts, or names); either way round unless --directed.
    #[arg(long, value_name = "A,B", value_parser = resolve_dyad)]
    pub dyad: Option<(String, String)>,
    /// With --dyad: only events from the first actor to the second.
    #[arg(long)]
    pub directed: bool,
    /// A CAMEO event code or its start ("111", "0233", "11").
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// A CAMEO root ("11" or "2").
    #[arg(long, value_name = "NN")]
    pub root: Option<String>,
    /// A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// A PLOVER event type ("ACCUSE", "ASSAULT").
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// Events whose first day is on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<NaiveDate>,
    /// Events whose first day is on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<NaiveDate>,
    /// A place: part of its stored name, a name or other spelling the gazetteer
    /// knows ("Kiev" finds Kyiv; a country's name finds every place in it), or a
    /// country code.
    #[arg(long, value_name = "TEXT")]
    pub place: Option<String>,
    /// Full-text search in the events' sentences: words (all must occur),
    /// "a phrase", OR, NOT, prefix*.
    #[arg(long, value_name = "WORDS")]
    pub search: Option<String>,
    /// At most this many events.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date like 2024-01-18"))
}

impl FilterArgs {
    pub fn to_filter(&self) -> EventFilter {
        let upper = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_ascii_uppercase()).filter(|s| !s.is_empty());
        EventFilter {
            actor: upper(&self.actor),
            country: upper(&self.country),
            source: upper(&self.source),
            target: upper(&self.target),
            dyad: self.dyad.clone(),
            directed: self.directed,
            code: self.code.as_ref().map(|c| c.trim().to_string()),
            root: self.root.as_ref().map(|r| r.trim().to_string()),
            quad: self.quad,
            plover: upper(&self.plover),
            from: self.from,
            to: self.to,
            place: self.place.clone(),
            search: self.search.clone(),
            limit: self.limit,
        }
    }
}

/// What `dragoman events` sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The event's first day.
    Date,
    /// The Goldstein value (events without one come last either way).
    Goldstein,
    /// How many sentences reported the event.
    Mentions,
}

/// An order of events: a key, its direction, and the event id (in the same
/// direction) between events with equal keys, so every order is total and a
/// stream can resume after its last row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventOrder {
    pub key: SortKey,
    pub descending: bool,
}

impl EventOrder {
    /// Oldest first: what the exports and the timeline read.
    pub const OLDEST_FIRST: EventOrder = EventOrder { key: SortKey::Date, descending: false };

    /// The key as SQL over `events e`. Goldstein values are compared to one decimal
    /// (the scale's precision; rows carry them as f32), and a missing one sorts last.
    fn expr(self) -> &'static str {
        match (self.key, self.descending) {
            (SortKey::Date, _) => "e.date",
            (SortKey::Goldstein, false) => "ifnull(round(e.goldstein, 1), 100.0)",
            (SortKey::Goldstein, true) => "ifnull(round(e.goldstein, 1), -100.0)",
            (SortKey::Mentions, _) => "e.num_mentions",
        }
    }

    fn order_by(self) -> String {
        let dir = if self.descending { "DESC" } else { "ASC" };
        format!("{} {dir}, e.id {dir}", self.expr())
    }

    /// Rows after (`key`, `id`) in this order, with three parameters: key, key, id.
    fn after(self) -> String {
        let (k, cmp) = (self.expr(), if self.descending { "<" } else { ">" });
        format!("({k} {cmp} ? OR ({k} = ? AND e.id {cmp} ?))")
    }

    /// A row's key, as [`EventOrder::expr`] computes it.
    fn key_of(self, r: &EventRow) -> Value {
        match self.key {
            SortKey::Date => Value::Text(r.date.clone()),
            SortKey::Goldstein => Value::Real(match r.goldstein {
                Some(g) => (g as f64 * 10.0).round() / 10.0,
                None if self.descending => -100.0,
                None => 100.0,
            }),
            SortKey::Mentions => Value::Integer(r.num_mentions as i64),
        }
    }
}

/// `--sort`: a key, with "-" in front for the reverse order.
pub(crate) fn parse_sort(s: &str) -> Result<EventOrder, String> {
    let s = s.trim();
    let (descending, name) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let key = match name.to_ascii_lowercase().as_str() {
        "date" => SortKey::Date,
        "goldstein" => SortKey::Goldstein,
        "mentions" => SortKey::Mentions,
        _ => {
            return Err(format!(
                "`{s}` is not a sort order: give date, goldstein or mentions, with a leading - for the reverse (-date: newest first)"
            ))
        }
    };
    Ok(EventOrder { key, descending })
}

/// A WHERE clause and its parameters, built in step.
#[derive(Default)]
pub(crate) struct Where {
    clauses: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Where {
    fn param(&mut self, v: impl Into<Value>) -> &'static str {
        self.params.push(v.into());
        "?"
    }

    /// `col` is `code` or starts with it, as a range the indexes can use.
    fn prefix(&mut self, col: &str, code: &str) -> String {
        let lo = self.param(code.to_string());
        // U+10FFFF sorts after every character an actor code holds.
        let hi = self.param(format!("{code}\u{10FFFF}"));
        format!("({col} >= {lo} AND {col} < {hi})")
    }

    fn push(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }

    /// The clauses for `f` over `events e`; `search` must already be a query FTS5 reads.
    pub(crate) fn of(f: &EventFilter, search: Option<&str>) -> Where {
        let mut w = Where::default();
        for side in [&f.actor, &f.country].into_iter().flatten() {
            let (s, t) = (w.prefix("e.source_code", side), w.prefix("e.target_code", side));
            w.push(format!("({s} OR {t})"));
        }
        if let Some(s) = &f.source {
            let c = w.prefix("e.source_code", s);
            w.push(c);
        }
        if let Some(t) = &f.target {
            let c = w.prefix("e.target_code", t);
            w.push(c);
        }
        if let Some((a, b)) = &f.dyad {
            let (s, t) = (w.prefix("e.source_code", a), w.prefix("e.target_code", b));
            if f.directed {
                w.push(format!("({s} AND {t})"));
            } else {
                let (s2, t2) = (w.prefix("e.source_code", b), w.prefix("e.target_code", a));
                w.push(format!("(({s} AND {t}) OR ({s2} AND {t2}))"));
            }
        }
        if let Some(c) = &f.code {
            let c = w.prefix("e.code", c);
            w.push(c);
        }
        if let Some(r) = &f.root {
            let r = if r.len() == 1 { format!("0{r}") } else { r.clone() };
            let p = w.param(r);
            w.push(format!("e.root = {p}"));
        }
        if let Some(q) = f.quad {
            let p = w.param(q as i64);
            w.push(format!("e.quad_class = {p}"));
        }
        if let Some(t) = &f.plover {
            let p = w.param(t.to_ascii_uppercase());
            w.push(format!("upper(e.plover_type) = {p}"));
        }
        if let Some(d) = f.from {
            let p = w.param(d.format("%Y-%m-%d").to_string());
            w.push(format!("e.date >= {p}"));
        }
        if let Some(d) = f.to {
            let p = w.param(d.format("%Y-%m-%d").to_string());
            w.push(format!("e.date <= {p}"));
        }
        if let Some(place) = &f.place {
            let escaped = place.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            let like = w.param(format!("%{escaped}%"));
            let country = w.param(place.trim().to_ascii_uppercase());
            let mut any =
                vec![format!("e.location_name LIKE {like} ESCAPE '\\'"), format!("e.location_country = {country}")];
            // The gazetteer's other names for it: the store keeps one spelling.
            let named = resolve_place(place);
            for (name, country) in named.places {
                let (n, c) = (w.param(name), w.param(country));
                any.push(format!("(e.location_name = {n} AND e.location_country = {c})"));
            }
            for country in named.countries {
                let c = w.param(country);
                any.push(format!("e.location_country = {c}"));
            }
            w.push(format!("({})", any.join(" OR ")));
        }
        if let Some(q) = search {
            let p = w.param(q.to_string());
            w.push(format!("e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH {p}))"));
        }
        w
    }
}

/// The user's search as a query FTS5 reads: as given when it parses, else each word
/// quoted (so "U.S." or "co-operation" just work), saying so once on stderr: a
/// query meant as syntax (an unbalanced parenthesis, a stray OR) must not quietly
/// become a search for other words.
pub(crate) fn fts_query(store: &Store, search: &str) -> Result<String, StoreError> {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SAID: AtomicBool = AtomicBool::new(false);
    let parses = |q: &str| {
        store
            .conn
            .query_row("SELECT 1 FROM sentence_fts WHERE sentence_fts MATCH ?1 LIMIT 1", [q], |_| Ok(()))
            .optional()
    };
    let first = match parses(search) {
        Ok(_) => return Ok(search.to_string()),
        Err(e) => e,
    };
    let quoted: Vec<String> = search.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
    let quoted = quoted.join(" ");
    if quoted.is_empty() {
        return Err(StoreError::BadSearch { query: search.into(), detail: "no words".into() });
    }
    match parses(&quoted) {
        Ok(_) => {
            if !SAID.swap(true, Ordering::Relaxed) {
                eprintln!(
                    "note: --search `{search}` is not a full-text query ({first}); searching for the words as written instead: {quoted}"
                );
            }
            Ok(quoted)
        }
        Err(_) => Err(StoreError::BadSearch { query: search.into(), detail: first.to_string() }),
    }
}

const ROW_SELECT: &str = "SELECT e.id, e.date, e.date_end, e.date_precision, e.source_code, e.source_name, e.target_code, e.target_name, \
     e.code, e.root, e.code_name, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.location_name, e.location_country, e.lat, e.lon, \
     e.num_mentions, e.num_sources, e.num_articles, d.doc_id, d.url, d.outlet, s.text, m.rule, \
     e.source_country, e.source_sector, e.target_country, e.target_sector, e.description \
     FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event_id = e.id) JOIN documents d ON d.id = m.document JOIN sentences s ON s.id = m.sentence";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let target: String = r.get(6)?;
    let description: Option<String> = r.get(31)?;
    let mut row = EventRow {
        event_id: r.get(0)?,
        date: r.get(1)?,
        date_end: r.get(2)?,
        date_precision: r.get(3)?,
        source_code: r.get(4)?,
        source_name: r.get(5)?,
        target_code: (!target.is_empty()).then_some(target),
        target_name: r.get(7)?,
        code: r.get(8)?,
        root: r.get(9)?,
        code_name: r.get(10)?,
        quad_class: r.get(11)?,
        goldstein: r.get::<_, Option<f64>>(12)?.map(|g| g as f32),
        plover_type: r.get(13)?,
        plover_mode: r.get(14)?,
        location_name: r.get(15)?,
        location_country: r.get(16)?,
        lat: r.get(17)?,
        lon: r.get(18)?,
        num_mentions: r.get(19)?,
        num_sources: r.get(20)?,
        num_articles: r.get(21)?,
        doc_id: r.get(22)?,
        url: r.get(23)?,
        outlet: r.get(24)?,
        sentence_text: r.get(25)?,
        rule: r.get(26)?,
        source_country: r.get(27)?,
        source_sector: r.get(28)?,
        target_country: r.get(29)?,
        target_sector: r.get(30)?,
        description: description.clone().unwrap_or_default(),
    };
    // Stored by a Dragoman without labels (store version 1, read-only here).
    if description.is_none() {
        row.relabel();
    }
    Ok(row)
}

/// The events in `db` that pass `filter`, by date (then id), with the evidence of
/// each one's first mention. Reads the whole result into memory; for millions of
/// events use [`events_iter`] (which the commands do); kept for the tests.
#[cfg(test)]
pub fn open_events(db: &Path, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
    let store = open_read(db)?;
    select(&store, filter)
}

#[cfg(test)]
pub(crate) fn select(store: &Store, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
    select_ordered(store, filter, EventOrder::OLDEST_FIRST)
}

/// [`select`] in another order.
pub(crate) fn select_ordered(
    store: &Store,
    filter: &EventFilter,
    order: EventOrder,
) -> Result<Vec<EventRow>, StoreError> {
    let search = filter.search.as_deref().map(|s| fts_query(store, s)).transpose()?;
    let mut w = Where::of(filter, search.as_deref());
    let limit = match filter.limit {
        Some(n) => w.param(n as i64).to_string(),
        None => "-1".into(),
    };
    // Choose the events first, over the events table alone, then fetch the evidence
    // of those only: a LIMIT then never pays for the joins of the rows it drops.
    let sql = format!(
        "{ROW_SELECT} JOIN (SELECT e.id AS pick FROM events e WHERE {} ORDER BY {order_by} LIMIT {limit}) ON e.id = pick ORDER BY {order_by}",
        w.sql(),
        order_by = order.order_by()
    );
    let mut stmt = store.conn.prepare(&sql).map_err(|e| store.err("reading events", e))?;
    let rows =
        stmt.query_map(rusqlite::params_from_iter(w.params.iter()), row).map_err(|e| store.err("reading events", e))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|e| store.err("reading events", e))
}

/// How many events pass `filter` (ignoring its limit).
pub(crate) fn count(store: &Store, filter: &EventFilter) -> Result<u64, StoreError> {
    let search = filter.search.as_deref().map(|s| fts_query(store, s)).transpose()?;
    let w = Where::of(filter, search.as_deref());
    let sql = format!("SELECT count(*) FROM events e WHERE {}", w.sql());
    store
        .conn
        .query_row(&sql, rusqlite::params_from_iter(w.params.iter()), |r| r.get::<_, i64>(0))
        .map(|n| n as u64)
        .map_err(|e| store.err("counting events", e))
}

/// Streams the events that pass a filter, in the order of [`open_events`], a page
/// at a time, so memory stays flat however many there are.
pub struct EventIter {
    store: Store,
    /// The first page's query, and the query of the pages after a row.
    first: String,
    next: String,
    params: Vec<Value>,
    order: EventOrder,
    page: std::vec::IntoIter<EventRow>,
    after: Option<(Value, i64)>,
    left: usize,
    done: bool,
}

const PAGE: usize = 10_000;

/// Opens `db` and streams the events that pass `filter`, oldest first. All pages are
/// read in one transaction: an ingest committing meanwhile changes nothing the
/// stream returns, so an export is a snapshot of the store as it was at its first read.
pub fn events_iter(db: &Path, filter: &EventFilter) -> Result<EventIter, StoreError> {
    events_iter_ordered(db, filter, EventOrder::OLDEST_FIRST)
}

/// [`events_iter`] in another order.
pub fn events_iter_ordered(db: &Path, filter: &EventFilter, order: EventOrder) -> Result<EventIter, StoreError> {
    let store = open_read(db)?;
    store.conn.execute_batch("BEGIN").map_err(|e| store.err("starting a read", e))?;
    let search = filter.search.as_deref().map(|s| fts_query(&store, s)).transpose()?;
    let w = Where::of(filter, search.as_deref());
    let order_by = order.order_by();
    let first = format!("{ROW_SELECT} WHERE {} ORDER BY {order_by} LIMIT ?", w.sql());
    let next = format!("{ROW_SELECT} WHERE {} AND {} ORDER BY {order_by} LIMIT ?", w.sql(), order.after());
    Ok(EventIter {
        store,
        first,
        next,
        params: w.params,
        order,
        page: Vec::new().into_iter(),
        after: None,
        left: filter.limit.unwrap_or(usize::MAX),
        done: false,
    })
}

impl EventIter {
    fn next_page(&mut self) -> Result<(), StoreError> {
        let mut params = self.params.clone();
        let sql = match &self.after {
            None => &self.first,
            Some((key, id)) => {
                params.extend([key.clone(), key.clone(), Value::Integer(*id)]);
                &self.next
            }
        };
        params.push(Value::Integer(PAGE.min(self.left) as i64));
        let mut stmt = self.store.conn.prepare_cached(sql).map_err(|e| self.store.err("reading events", e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), row)
            .map_err(|e| self.store.err("reading events", e))?;
        let rows = rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.store.err("reading events", e))?;
        if rows.len() < PAGE.min(self.left) {
            self.done = true;
        }
        if let Some(last) = rows.last() {
            self.after = Some((self.order.key_of(last), last.event_id));
        }
        self.page = rows.into_iter();
        Ok(())
    }
}

impl Iterator for EventIter {
    type Item = Result<EventRow, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        if self.page.len() == 0 {
            if self.done {
                return None;
            }
            if let Err(e) = self.next_page() {
                self.done = true;
                self.left = 0;
                return Some(Err(e));
            }
        }
        let r = self.page.next()?;
        self.left -= 1;
        Some(Ok(r))
    }
}

/// Phoenix's one-a-day rule: at most one event per date, source, target and code.
///
/// The store already merges mentions with the same first and last day; this also
/// merges events that share their first day but not their last (a day and a range
/// starting that day), as the Phoenix data set does. The event kept is the most
/// reported (then the one with the narrowest dates, then the first stored), in the
/// place of the group's first row. Its `num_mentions` becomes the group's sum
/// (mentions belong to one event, so this is exact); `num_sources` and
/// `num_articles` become the group's largest (a lower bound: an article may report
/// two of the merged events). Rows may come in any order; for streams in date order
/// (as the store gives them) [`one_a_day_sorted`] holds only one day in memory.
pub fn one_a_day(rows: Vec<EventRow>) -> Vec<EventRow> {
    type Key = (String, String, Option<String>, String);
    let mut groups: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<EventRow> = Vec::with_capacity(rows.len());
    for r in rows {
        let key = (r.date.clone(), r.source_code.clone(), r.target_code.clone(), r.code.clone());
        match groups.get(&key) {
            None => {
                groups.insert(key, out.len());
                out.push(r);
            }
            Some(&i) => merge(&mut out[i], r),
        }
    }
    out
}

/// Merges `r` into the group whose row so far is `kept` (see [`one_a_day`]).
fn merge(kept: &mut EventRow, r: EventRow) {
    let (mentions, sources, articles) = (
        kept.num_mentions + r.num_mentions,
        kept.num_sources.max(r.num_sources),
        kept.num_articles.max(r.num_articles),
    );
    let rank = |e: &EventRow| (e.num_mentions, std::cmp::Reverse(e.date_end.clone()), std::cmp::Reverse(e.event_id));
    if rank(&r) > rank(kept) {
        *kept = r;
    }
    kept.num_mentions = mentions;
    kept.num_sources = sources;
    kept.num_articles = articles;
}

/// [`one_a_day`] over rows in date order (as [`open_events`] and [`events_iter`]
/// give them), a day at a time: the same rows, in the same order, in flat memory.
/// `dragoman export --one-a-day` streams through it.
pub fn one_a_day_sorted<I: Iterator<Item = EventRow>>(rows: I) -> OneADay<I> {
    OneADay { rows: rows.peekable(), ready: std::collections::VecDeque::new() }
}

/// The iterator of [`one_a_day_sorted`].
pub struct OneADay<I: Iterator<Item = EventRow>> {
    rows: std::iter::Peekable<I>,
    ready: std::collections::VecDeque<EventRow>,
}

impl<I: Iterator<Item = EventRow>> Iterator for OneADay<I> {
    type Item = EventRow;

    fn next(&mut self) -> Option<EventRow> {
        if self.ready.is_empty() {
            let first = self.rows.next()?;
            let mut day = vec![first];
            while let Some(r) = self.rows.next_if(|r| r.date == day[0].date) {
                day.push(r);
            }
            self.ready.extend(one_a_day(day));
        }
        self.ready.pop_front()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsFormat {
    /// An aligned table for reading.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// List stored events that pass the filters, as a table or JSON.
///
/// Each row is one deduplicated event: its first day, source and target actor
/// codes, CAMEO code and name, where it happened, the counts of its mentions,
/// outlets and articles (m/s/a), and the sentence of its first mention. Newest
/// first unless --sort says otherwise. Filters combine: every one given must hold.
/// Actor filters take a code or its start ("RUS" matches RUSGOV) or a name
/// ("Russia"); --place takes any spelling the gazetteer knows ("Kiev").
///
/// Exit status: 0 (also when nothing matched), 1 when the database cannot be read,
/// 2 for a bad command line.
#[derive(Args, Debug, Clone)]
#[command(after_help = "The table shows the first 100 events unless --limit is given; JSON shows all. At a terminal \
the sentences are cut to its width (…); piped or redirected, or with --wide, they are whole.\n\n\
Sort orders: date, goldstein (most conflictual first), mentions; a leading - reverses one: -date \
(newest first, the default), -goldstein (most cooperative first), -mentions (most reported first). \
Events with equal keys follow their ids, in the same direction.\n\nExamples:\n  dragoman events --dyad RUS,ARM --from 2024-01-01\n  dragoman events --dyad Russia,Armenia --place Kiev\n  dragoman events --actor AZE --quad 4 --sort goldstein --limit 20\n  dragoman events --search '\"peace talks\" OR ceasefire' --format jsonl\n  dragoman events --root 19 --country UKR --sort date --format json > fights.json")]
pub struct EventsArgs {
    /// The event database (made by `dragoman ingest`).
    #[arg(long, value_name = "FILE", default_value = "dragoman.db")]
    pub db: PathBuf,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Order: date, goldstein or mentions, with a leading - for the reverse
    /// (-date: newest first). Applies to every --format.
    #[arg(long, value_name = "KEY", default_value = "-date", allow_hyphen_values = true, value_parser = parse_sort)]
    pub sort: EventOrder,

    /// Show each sentence whole in the table, however wide the terminal.
    #[arg(long)]
    pub wide: bool,

    /// Output: an aligned table, a JSON array, or JSON Lines.
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    pub format: EventsFormat,
}

/// Runs `dragoman events`. Exit status: 0 (also when nothing matched), 1 the
/// database could not be read, 2 a bad command line.
pub fn run_events(args: EventsArgs) -> ExitCode {
    let mut filter = args.filter.to_filter();
    let mut out = BufWriter::new(io::stdout().lock());
    let res = if args.format == EventsFormat::Table {
        filter.limit = filter.limit.or(Some(100));
        let result = open_read(&args.db).and_then(|store| {
            // The rows and their total from the same state of the store.
            store.conn.execute_batch("BEGIN").map_err(|e| store.err("starting a read", e))?;
            let rows = select_ordered(&store, &filter, args.sort)?;
            let total = if filter.limit == Some(rows.len()) { count(&store, &filter)? } else { rows.len() as u64 };
            Ok((rows, total))
        });
        match result {
            Ok((rows, total)) => {
                // Cut to fit only what a person reads at a terminal; a pipe or a
                // file gets whole sentences (for grep, or `less -S`).
                let width = (!args.wide && io::stdout().is_terminal()).then(terminal_width);
                write_table(&mut out, &rows, total, width)
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        // JSON streams, a page of events at a time: memory stays flat however many.
        let rows = match events_iter_ordered(&args.db, &filter, args.sort) {
            Ok(rows) => rows,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        };
        let json = args.format == EventsFormat::Json;
        let mut res = if json { out.write_all(b"[") } else { Ok(()) };
        for (i, row) in rows.enumerate() {
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    let _ = out.flush();
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                }
            };
            res = res.and_then(|_| {
                if json {
                    out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                    serde_json::to_writer_pretty(&mut out, &row).map_err(io::Error::from)
                } else {
                    serde_json::to_writer(&mut out, &row).map_err(io::Error::from)?;
                    out.write_all(b"\n")
                }
            });
            if res.is_err() {
                break;
            }
        }
        if json {
            res = res.and_then(|_| out.write_all(b"\n]\n"));
        }
        res
    };
    match res.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write events: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// The width to fit output to: `COLUMNS` when set, else the terminal's (standard
/// output's, then standard error's), else 120.
pub(crate) fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let terminal = || {
        terminal_size::terminal_size_of(io::stdout())
            .or_else(|| terminal_size::terminal_size_of(io::stderr()))
            .map(|(w, _)| w.0 as usize)
    };
    columns.or_else(terminal).filter(|&w: &usize| w >= 40).unwrap_or(120)
}

/// `s` cut to `width` characters, with "…" when cut, on one line, its control
/// characters escaped (article text must not drive the terminal).
pub(crate) fn fit(s: &str, width: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = crate::printable::printable(&one_line).into_owned();
    if one_line.chars().count() <= width {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The events as an aligned table, each sentence cut to fit `width` characters
/// when given (whole otherwise), and a last line saying how many are shown.
pub(crate) fn write_table(out: &mut impl Write, rows: &[EventRow], total: u64, width: Option<usize>) -> io::Result<()> {
    if rows.is_empty() {
        writeln!(out, "no events match")?;
        return Ok(());
    }
    let place = |r: &EventRow| match (&r.location_name, &r.location_country) {
        (Some(name), _) => fit(name, 20),
        (None, Some(country)) => fit(country, 20),
        (None, None) => "-".into(),
    };
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            [
                r.date.clone(),
                r.source_code.clone(),
                r.target_code.clone().unwrap_or_else(|| "-".into()),
                r.code.clone(),
                fit(r.code_name.as_deref().unwrap_or(""), 28),
                place(r),
                format!("{}/{}/{}", r.num_mentions, r.num_sources, r.num_articles),
            ]
        })
        .collect();
    let head = ["date", "source", "target", "code", "event", "place", "m/s/a"];
    let mut w = head.map(|h| h.chars().count());
    for c in &cells {
        for (i, cell) in c.iter().enumerate() {
            w[i] = w[i].max(cell.chars().count());
        }
    }
    // On a narrow terminal the event's name gives up room (down to 12 characters)
    // until the sentence has 30; a sentence always keeps 10.
    if let Some(width) = width {
        let used: usize = w.iter().map(|x| x + 2).sum();
        let short = 30usize.saturating_sub(width.saturating_sub(used));
        w[4] -= short.min(w[4].saturating_sub(12));
    }
    let used: usize = w.iter().map(|x| x + 2).sum();
    let sentence_w = width.map_or(usize::MAX, |width| width.saturating_sub(used).max(10));
    let line = |out: &mut dyn Write, c: &[String; 7], s: &str| -> io::Result<()> {
        writeln!(
            out,
            "{:<w0$}  {:<w1$}  {:<w2$}  {:<w3$}  {:<w4$}  {:<w5$}  {:>w6$}  {sentence}",
            c[0],
            c[1],
            c[2],
            c[3],
            fit(&c[4], w[4]),
            c[5],
            c[6],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3],
            w4 = w[4],
            w5 = w[5],
            w6 = w[6],
            sentence = fit(s, sentence_w)
        )
    };
    line(out, &head.map(String::from), "sentence (first mention)")?;
    for (c, r) in cells.iter().zip(rows) {
        line(out, c, &r.sentence_text)?;
    }
    if total > rows.len() as u64 {
        writeln!(out, "({} of {total} events shown; --limit N for more, or --format jsonl for all)", rows.len())?;
    } else {
        writeln!(out, "({} event(s); m/s/a: mentions, sources (outlets), articles)", rows.len())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ingest::tests::{doc, ingest, temp_db, TempDb};
    use crate::store::schema::open_write;

    fn filter() -> EventFilter {
        EventFilter::default()
    }

    fn sample() -> TempDb {
        let path = temp_db("query");
        let store = open_write(&path, 1000).unwrap();
        let docs = vec![
            doc(
                "a",
                "2024-01-18",
                Some("Wire"),
                "YEREVAN (Wire) \u{2014} Russia accused Armenia on Monday of shelling its positions near the border.",
            ),
            doc(
                "b",
                "2024-01-18",
                Some("Post"),
                "Russia accused Armenia on Monday of shelling its positions, officials said.",
            ),
            doc("c", "2024-02-10", Some("Post"), "Azerbaijan urged Armenia on Thursday to return to the peace talks."),
            doc("d", "2024-03-05", Some("Wire"), "Armenia praised Azerbaijan on Monday for the ceasefire."),
            doc(
                "e",
                "2024-03-06",
                Some("Post"),
                "ANKARA \u{2014} Turkey praised Georgia on Monday in Ankara for the prisoner exchange.",
            ),
        ];
        ingest(&store, &docs, 2);
        path
    }

    fn codes(rows: &[EventRow]) -> Vec<String> {
        rows.iter()
            .map(|r| format!("{}>{} {}", r.source_code, r.target_code.as_deref().unwrap_or("-"), r.date))
            .collect()
    }

    #[test]
    fn filters_select_what_they_say() {
        let db = sample();
        let all = open_events(&db, &filter()).unwrap();
        assert!(all.len() >= 3, "{:?}", codes(&all));
        let dates: Vec<&str> = all.iter().map(|r| r.date.as_str()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "by date: {dates:?}");
        let rus = open_events(&db, &EventFilter { actor: Some("RUS".into()), ..filter() }).unwrap();
        assert_eq!(rus.len(), 1, "{:?}", codes(&rus));
        assert_eq!((rus[0].num_mentions, rus[0].num_sources, rus[0].num_articles), (2, 2, 2));
        assert_eq!(rus[0].outlet.as_deref(), Some("Wire"), "evidence of the first mention");
        assert!(rus[0].sentence_text.contains("accused Armenia"));
        // Either side.
        let arm = open_events(&db, &EventFilter { country: Some("ARM".into()), ..filter() }).unwrap();
        assert_eq!(
            arm.len(),
            all.iter()
                .filter(|r| r.source_code.starts_with("ARM")
                    || r.target_code.as_deref().is_some_and(|t| t.starts_with("ARM")))
                .count()
        );
        // Dyads: either direction, or directed.
        let dyad = EventFilter { dyad: Some(("ARM".into(), "AZE".into())), ..filter() };
        let both = open_events(&db, &dyad).unwrap();
        assert_eq!(both.len(), 2, "{:?}", codes(&both));
        let directed = open_events(&db, &EventFilter { directed: true, ..dyad.clone() }).unwrap();
        assert_eq!(codes(&directed), vec!["ARM>AZE 2024-03-04"]);
        assert_eq!(
            open_events(&db, &EventFilter { source: Some("AZE".into()), target: Some("ARM".into()), ..filter() })
                .unwrap()
                .len(),
            1
        );
        // Codes, roots, quad classes, PLOVER types.
        let accuse = &rus[0];
        assert_eq!(
            open_events(
                &db,
                &EventFilter { code: Some(accuse.code[..2].to_string()), actor: Some("RUS".into()), ..filter() }
            )
            .unwrap()
            .len(),
            1
        );
        assert_eq!(
            open_events(&db, &EventFilter { root: Some(accuse.root.clone()), ..filter() }).unwrap().len(),
            all.iter().filter(|r| r.root == accuse.root).count()
        );
        let q = accuse.quad_class.unwrap();
        assert!(open_events(&db, &EventFilter { quad: Some(q), ..filter() })
            .unwrap()
            .iter()
            .all(|r| r.quad_class == Some(q)));
        if let Some(t) = &accuse.plover_type {
            let lower = open_events(&db, &EventFilter { plover: Some(t.to_lowercase()), ..filter() }).unwrap();
            assert!(lower.iter().any(|r| r.event_id == accuse.event_id));
        }
        // Dates.
        let feb = open_events(
            &db,
            &EventFilter { from: parse_day("2024-02-01").ok(), to: parse_day("2024-02-29").ok(), ..filter() },
        )
        .unwrap();
        assert_eq!(codes(&feb), vec!["AZE>ARM 2024-02-08"]);
        // Full text: words, phrases, words with punctuation, and limits.
        assert_eq!(open_events(&db, &EventFilter { search: Some("ceasefire".into()), ..filter() }).unwrap().len(), 1);
        assert_eq!(
            open_events(&db, &EventFilter { search: Some("\"peace talks\"".into()), ..filter() }).unwrap().len(),
            1
        );
        assert_eq!(open_events(&db, &EventFilter { search: Some("shell*".into()), ..filter() }).unwrap().len(), 1);
        assert_eq!(
            open_events(&db, &EventFilter { search: Some("positions, (officials".into()), ..filter() }).unwrap().len(),
            1
        );
        assert_eq!(open_events(&db, &EventFilter { search: Some("nowhere".into()), ..filter() }).unwrap().len(), 0);
        assert_eq!(open_events(&db, &EventFilter { limit: Some(1), ..filter() }).unwrap().len(), 1);
        // Places: a part of the name, any case, or the country code.
        if let Some(r) = all.iter().find(|r| r.location_name.as_deref().is_some_and(|n| n.is_ascii() && n.len() >= 4)) {
            let name = r.location_name.clone().unwrap();
            let part = name[1..4].to_lowercase();
            assert!(open_events(&db, &EventFilter { place: Some(part), ..filter() })
                .unwrap()
                .iter()
                .any(|x| x.event_id == r.event_id));
            if let Some(c) = &r.location_country {
                assert!(open_events(&db, &EventFilter { place: Some(c.to_lowercase()), ..filter() })
                    .unwrap()
                    .iter()
                    .any(|x| x.event_id == r.event_id));
            }
            assert!(r.lat.is_some() == r.lon.is_some());
        }
        assert!(
            open_events(&db, &EventFilter { place: Some("100%_x".into()), ..filter() }).unwrap().is_empty(),
            "LIKE wildcards are escaped"
        );
        // Prefix ranges do not match other codes that merely sort nearby.
        assert!(open_events(&db, &EventFilter { actor: Some("RU".into()), ..filter() }).unwrap().len() == 1);
        assert!(open_events(&db, &EventFilter { actor: Some("RUT".into()), ..filter() }).unwrap().is_empty());
    }

    #[test]
    fn the_iterator_pages_through_everything_in_order() {
        let db = sample();
        let all = open_events(&db, &filter()).unwrap();
        let streamed: Vec<EventRow> = events_iter(&db, &filter()).unwrap().map(Result::unwrap).collect();
        assert_eq!(streamed, all);
        let two: Vec<EventRow> =
            events_iter(&db, &EventFilter { limit: Some(2), ..filter() }).unwrap().map(Result::unwrap).collect();
        assert_eq!(two, all[..2].to_vec());
    }

    #[test]
    fn a_stream_is_a_snapshot_while_an_ingest_commits() {
        let db = temp_db("snapshot");
        let writer = open_write(&db, 1000).unwrap();
        // More events than a page, so the stream reads the store more than once.
        let n = PAGE + 50;
        writer
            .conn
            .execute_batch(&format!(
                "BEGIN;
                 INSERT INTO documents (content_hash, doc_id, published, ingested_at, sentences, mentions) VALUES (1, 'd', '2024-01-01', 'now', 1, {n});
                 INSERT INTO sentences (document, idx, text) VALUES (1, 0, 'Russia accused Armenia.');
                 WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n})
                 INSERT INTO events (date, date_end, date_precision, source_code, target_code, code, source_name, root, num_mentions, num_sources, num_articles)
                 SELECT printf('2024-01-%02d', 1 + x % 28), printf('2024-01-%02d', 1 + x % 28), 'day', 'RUS', 'ARM', '112', 'Russia', '11', 1, 1, 1 FROM c;
                 INSERT INTO mentions (event_id, document, sentence, span_start, span_end, trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, rule, negated, hypothetical)
                 SELECT id, 1, 1, 0, 6, 7, 14, 'accused', 'Russia', 0, 6, 'r', 0, 0 FROM events;
                 COMMIT;"
            ))
            .unwrap();
        let mut rows = events_iter(&db, &filter()).unwrap();
        assert!(rows.next().is_some());
        // An ingest commits an event that sorts after the first page.
        writer
            .conn
            .execute_batch(
                "INSERT INTO events (date, date_end, date_precision, source_code, target_code, code, source_name, root, num_mentions, num_sources, num_articles) \
                 VALUES ('2024-12-31', '2024-12-31', 'day', 'AZE', 'ARM', '112', 'Azerbaijan', '11', 1, 1, 1);
                 INSERT INTO mentions (event_id, document, sentence, span_start, span_end, trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, rule, negated, hypothetical)
                 VALUES (last_insert_rowid(), 1, 1, 0, 6, 7, 14, 'accused', 'Azerbaijan', 0, 6, 'r', 0, 0);",
            )
            .unwrap();
        assert_eq!(1 + rows.map(Result::unwrap).count(), n, "the stream shows the store as it was");
        assert_eq!(events_iter(&db, &filter()).unwrap().count(), n + 1, "a new read sees the commit");
    }

    #[test]
    fn every_order_streams_whole_across_pages() {
        let db = temp_db("orders");
        let store = open_write(&db, 1000).unwrap();
        // More events than a page, with tied keys and missing Goldstein values, so a
        // stream resumes in the middle of a run of equal keys.
        let n = PAGE + 50;
        store
            .conn
            .execute_batch(&format!(
                "BEGIN;
                 INSERT INTO documents (content_hash, doc_id, published, ingested_at, sentences, mentions) VALUES (1, 'd', '2024-01-01', 'now', 1, {n});
                 INSERT INTO sentences (document, idx, text) VALUES (1, 0, 'Russia accused Armenia.');
                 WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n})
                 INSERT INTO events (date, date_end, date_precision, source_code, target_code, code, source_name, root, goldstein, num_mentions, num_sources, num_articles)
                 SELECT printf('2024-01-%02d', 1 + x % 28), printf('2024-01-%02d', 1 + x % 28), 'day', 'RUS', 'ARM', '112', 'Russia', '11',
                        CASE WHEN x % 7 = 0 THEN NULL ELSE (x % 23) / 10.0 - 1.1 END, 1 + x % 5, 1, 1 FROM c;
                 INSERT INTO mentions (event_id, document, sentence, span_start, span_end, trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, rule, negated, hypothetical)
                 SELECT id, 1, 1, 0, 6, 7, 14, 'accused', 'Russia', 0, 6, 'r', 0, 0 FROM events;
                 COMMIT;"
            ))
            .unwrap();
        for spec in ["date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"] {
            let order = parse_sort(spec).unwrap();
            let streamed: Vec<EventRow> =
                events_iter_ordered(&db, &filter(), order).unwrap().map(Result::unwrap).collect();
            assert_eq!(streamed.len(), n, "{spec}: every event once");
            let mut ids: Vec<i64> = streamed.iter().map(|r| r.event_id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{spec}: no event twice");
            let store = open_read(&db).unwrap();
            assert_eq!(streamed, select_ordered(&store, &filter(), order).unwrap(), "{spec}");
            let keys: Vec<(f64, i64)> = streamed
                .iter()
                .map(|r| {
                    let k = match order.key {
                        SortKey::Date => r.date[8..].parse::<f64>().unwrap(),
                        SortKey::Goldstein => {
                            r.goldstein.map_or(if order.descending { -100.0 } else { 100.0 }, f64::from)
                        }
                        SortKey::Mentions => r.num_mentions as f64,
                    };
                    (k, r.event_id)
                })
                .collect();
            let sorted = keys.windows(2).all(|w| if order.descending { w[0] > w[1] } else { w[0] < w[1] });
            assert!(sorted, "{spec}: in order");
        }
        let newest = parse_sort("-date").unwrap();
        assert!(newest.descending && newest.key == SortKey::Date);
        assert!(parse_sort("size").is_err());
        assert_eq!(parse_sort("Goldstein").unwrap().key, SortKey::Goldstein);
        assert!(streamed_missing_last(&db));
    }

    /// Events without a Goldstein value come last in both directions.
    fn streamed_missing_last(db: &Path) -> bool {
        ["goldstein", "-goldstein"].into_iter().all(|spec| {
            let rows: Vec<EventRow> =
                events_iter_ordered(db, &filter(), parse_sort(spec).unwrap()).unwrap().map(Result::unwrap).collect();
            let first_missing = rows.iter().position(|r| r.goldstein.is_none()).unwrap();
            rows[first_missing..].iter().all(|r| r.goldstein.is_none())
        })
    }

    #[test]
    fn the_table_fits_and_says_what_is_left_out() {
        let db = sample();
        let rows = open_events(&db, &filter()).unwrap();
        let mut out = Vec::new();
        write_table(&mut out, &rows[..1], 9, Some(80)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().next().unwrap().starts_with("date"));
        assert!(text.lines().next().unwrap().contains("  place  "), "{text}");
        assert!(text.contains("1 of 9 events shown"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        let mut whole = Vec::new();
        write_table(&mut whole, &rows, rows.len() as u64, None).unwrap();
        let whole = String::from_utf8(whole).unwrap();
        assert!(rows.iter().all(|r| whole.contains(&r.sentence_text)), "{whole}");
        assert!(fit("a  b\nc", 10) == "a b c" && fit("abcdefghijkl", 5) == "abcd…");
    }

    fn row(id: i64, date: &str, date_end: &str, mentions: u32, sources: u32) -> EventRow {
        EventRow {
            event_id: id,
            date: date.into(),
            date_end: date_end.into(),
            date_precision: if date == date_end { "day".into() } else { "range".into() },
            source_code: "RUS".into(),
            source_name: "Russia".into(),
            source_country: Some("RUS".into()),
            source_sector: None,
            target_code: Some("ARM".into()),
            target_name: Some("Armenia".into()),
            target_country: Some("ARM".into()),
            target_sector: None,
            description: "Russia criticized or denounced Armenia".into(),
            code: "111".into(),
            root: "11".into(),
            code_name: None,
            quad_class: Some(3),
            goldstein: Some(-2.0),
            plover_type: None,
            plover_mode: None,
            location_name: None,
            location_country: None,
            lat: None,
            lon: None,
            num_mentions: mentions,
            num_sources: sources,
            num_articles: sources,
            doc_id: format!("d{id}"),
            url: None,
            outlet: None,
            sentence_text: String::new(),
            rule: String::new(),
        }
    }

    #[test]
    fn one_a_day_keeps_one_event_per_day_dyad_and_code() {
        let rows = vec![
            row(1, "2024-01-01", "2024-01-31", 1, 1),
            row(2, "2024-01-01", "2024-01-01", 3, 2),
            row(3, "2024-01-02", "2024-01-02", 1, 1),
            row(4, "2024-01-01", "2024-01-03", 3, 1),
        ];
        let kept = one_a_day(rows);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].event_id, 2, "most mentions, then narrowest dates");
        assert_eq!((kept[0].num_mentions, kept[0].num_sources), (7, 2));
        assert_eq!(kept[1].event_id, 3);
        let sorted = vec![
            row(1, "2024-01-01", "2024-01-31", 1, 1),
            row(2, "2024-01-01", "2024-01-01", 3, 2),
            row(4, "2024-01-01", "2024-01-03", 3, 1),
            row(3, "2024-01-02", "2024-01-02", 1, 1),
        ];
        assert_eq!(one_a_day_sorted(sorted.clone().into_iter()).collect::<Vec<_>>(), one_a_day(sorted));
        assert_eq!(one_a_day_sorted(std::iter::empty()).count(), 0);
        let mut other = row(5, "2024-01-01", "2024-01-01", 1, 1);
        other.code = "112".into();
        assert_eq!(one_a_day(vec![row(1, "2024-01-01", "2024-01-01", 1, 1), other]).len(), 2);
    }
}
