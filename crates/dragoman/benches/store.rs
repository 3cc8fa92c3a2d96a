//! Store benchmarks:
//!
//! ```text
//! cargo bench -p dragoman --bench store
//! ```
//!
//! - `timeline_*` and `events_*`: queries over a database of one million events
//!   (with their mentions, sentences and documents), generated once by inserting
//!   synthetic rows directly and kept in Cargo's target tmp directory (its path is
//!   printed, to time `dragoman timeline --db PATH ...` against it too).
//! - `code_articles` / `store_articles`: coding 500 synthetic articles, and storing
//!   the same 500 already-coded articles in a fresh database, so the store's cost
//!   can be read against the coder's.
//!
//! The store module is compiled in from the binary's sources, as the binary is not a
//! library.

#[allow(dead_code, unused_imports)]
#[path = "../src/dictionaries.rs"]
mod dictionaries;
#[path = "../src/event_row.rs"]
mod event_row;
#[allow(dead_code, unused_imports)]
#[path = "../src/input.rs"]
mod input;
#[allow(dead_code, unused_imports)]
#[path = "../src/printable.rs"]
mod printable;
use dragoman_readers as readers;
#[allow(dead_code, unused_imports)]
#[path = "../src/store/mod.rs"]
mod store;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dragoman_core::coder::{code_document, CodeOptions, CodedDocument};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::model::{parse_date, Document};
use dragoman_core::ontology::CameoTable;
use rusqlite::params;
use store::timeline::{timeline, Period};
use store::EventFilter;

fn main() {
    divan::main();
}

/// Events in the generated database.
const EVENTS: usize = 1_000_000;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// An index in 0..n, lower ones far likelier (Zipf-like, exponent about 1).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

const COUNTRIES: &[&str] = &[
    "RUS", "UKR", "USA", "CHN", "ISR", "PSE", "IRN", "ARM", "AZE", "TUR", "SYR", "IRQ", "GBR", "FRA", "DEU", "IND",
    "PAK", "AFG", "PRK", "KOR", "JPN", "SAU", "YEM", "EGY", "LBY", "SDN", "ETH", "SOM", "NGA", "MLI", "VEN", "COL",
    "BRA", "MEX", "GEO", "BLR", "POL", "HUN", "SRB", "KOS", "LBN", "JOR", "QAT", "ARE", "OMN", "KAZ", "UZB", "MMR",
    "THA", "PHL", "IDN", "VNM", "TWN", "AUS", "CAN", "ZAF", "KEN", "COD", "CAF", "TCD",
];
const AGENTS: &[&str] = &["GOV", "", "MIL", "GOVMIL", "REB", "OPP", "BUS", "MED", "CVL", "JUD"];

/// The generated million-event database: built on first use, then reused.
fn million() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("store-bench");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("events-1m.db");
        let ready = store::schema::open_read(&path)
            .ok()
            .and_then(|s| s.conn.query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0)).ok())
            == Some(EVENTS as i64);
        if !ready {
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
            }
            let started = std::time::Instant::now();
            generate(&path, EVENTS);
            eprintln!("generated {EVENTS} events in {:.1} s", started.elapsed().as_secs_f64());
        }
        eprintln!("million-event database: {}", path.display());
        path
    })
}

/// Fills a new database with `n` distinct synthetic events over ten years, one
/// mention each, ten events to a document: actors and dyads skewed as news is
/// (a few countries in most stories), codes drawn from the CAMEO table.
pub fn generate(path: &Path, n: usize) {
    let store = store::schema::open_write(path, 5000).unwrap();
    let codes: Vec<_> = CameoTable::builtin().iter().filter(|c| c.code.len() >= 3).cloned().collect();
    let start = parse_date("2015-01-01").unwrap();
    let mut rng = Rng(42);
    let c = &store.conn;
    c.execute_batch("BEGIN").unwrap();
    {
        let mut doc = c.prepare("INSERT INTO documents (content_hash, doc_id, outlet, url, title, published, ingested_at, sentences, mentions) VALUES (?1, ?2, ?3, NULL, NULL, ?4, '2025-01-01T00:00:00Z', 10, 10)").unwrap();
        let mut sentence =
            c.prepare("INSERT INTO sentences (document, idx, start, text) VALUES (?1, ?2, 0, ?3)").unwrap();
        let mut fts = c.prepare("INSERT INTO sentence_fts (rowid, text) VALUES (?1, ?2)").unwrap();
        let mut event = c
            .prepare(
                "INSERT INTO events (date, date_end, date_precision, source_code, target_code, code, source_name, target_name, root, code_name, quad_class, goldstein, plover_type, plover_mode, num_mentions, num_sources, num_articles) \
                 VALUES (?1, ?1, 'day', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 1, 1)",
            )
            .unwrap();
        let mut mention = c
            .prepare(
                "INSERT INTO mentions (event_id, document, sentence, span_start, span_end, trigger_start, trigger_end, trigger_text, source_text, source_start, source_end, target_text, target_start, target_end, rule, negated, hypothetical) \
                 VALUES (?1, ?2, ?3, 0, 40, 10, 18, 'accused', ?4, 0, 9, ?5, 19, 30, 'verbs.txt:1', 0, 0)",
            )
            .unwrap();
        let mut outlet = c.prepare("INSERT INTO event_outlets (event_id, outlet) VALUES (?1, ?2)").unwrap();
        let mut seen = HashSet::with_capacity(n);
        let (mut doc_id, mut sentence_id) = (0i64, 0i64);
        let mut made = 0;
        while made < n {
            let actor = |rng: &mut Rng| {
                format!("{}{}", COUNTRIES[rng.skewed(COUNTRIES.len())], AGENTS[rng.skewed(AGENTS.len())])
            };
            let source = actor(&mut rng);
            let target = actor(&mut rng);
            if source[..3] == target[..3] {
                continue;
            }
            let date = (start + chrono::Duration::days(rng.below(3653) as i64)).format("%Y-%m-%d").to_string();
            let info = &codes[rng.below(codes.len())];
            if !seen.insert((date.clone(), source.clone(), target.clone(), info.code.clone())) {
                continue;
            }
            if made % 10 == 0 {
                doc_id = doc
                    .insert(params![made as i64, format!("gen-{made}"), format!("Outlet {}", rng.below(40)), date])
                    .unwrap();
                let text = format!(
                    "{source} {} {target} on {date}, officials said in a statement about the talks.",
                    info.name.to_lowercase()
                );
                sentence_id = sentence.insert(params![doc_id, 0, text]).unwrap();
                fts.execute(params![sentence_id, text]).unwrap();
            }
            let id = event
                .insert(params![
                    date,
                    source,
                    target,
                    info.code,
                    &source[..3],
                    &target[..3],
                    &info.code[..2],
                    info.name,
                    info.quad_class,
                    info.goldstein,
                    info.plover_type,
                    info.plover_mode
                ])
                .unwrap();
            mention.execute(params![id, doc_id, sentence_id, source, target]).unwrap();
            outlet.execute(params![id, "Outlet"]).unwrap();
            made += 1;
        }
    }
    c.execute_batch("COMMIT; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
}

fn dyad(a: &str, b: &str) -> EventFilter {
    EventFilter { dyad: Some((a.into(), b.into())), ..EventFilter::default() }
}

#[divan::bench(sample_count = 20)]
fn timeline_dyad_by_month(bencher: divan::Bencher) {
    let store = store::schema::open_read(million()).unwrap();
    bencher.bench_local(|| timeline(&store, &dyad("RUS", "UKR"), Period::Month).unwrap());
}

#[divan::bench(sample_count = 20)]
fn timeline_dyad_exact_codes_by_day(bencher: divan::Bencher) {
    let store = store::schema::open_read(million()).unwrap();
    bencher.bench_local(|| timeline(&store, &dyad("RUSGOV", "UKRGOV"), Period::Day).unwrap());
}

#[divan::bench(sample_count = 10)]
fn timeline_actor_by_week(bencher: divan::Bencher) {
    let store = store::schema::open_read(million()).unwrap();
    let f = EventFilter { actor: Some("ARM".into()), ..EventFilter::default() };
    bencher.bench_local(|| timeline(&store, &f, Period::Week).unwrap());
}

#[divan::bench(sample_count = 20)]
fn events_dyad_first_100(bencher: divan::Bencher) {
    let db = million();
    let f = EventFilter { limit: Some(100), ..dyad("ARM", "AZE") };
    bencher.bench_local(|| store::query::events_iter(db, &f).unwrap().map(Result::unwrap).collect::<Vec<_>>());
}

#[divan::bench(sample_count = 10)]
fn events_full_text_search(bencher: divan::Bencher) {
    let db = million();
    let f = EventFilter { search: Some("\"expel or deport\"".into()), limit: Some(100), ..EventFilter::default() };
    bencher.bench_local(|| store::query::events_iter(db, &f).unwrap().map(Result::unwrap).collect::<Vec<_>>());
}

/// Synthetic articles, their documents and their coding, made once.
fn articles() -> &'static (Vec<Document>, Vec<CodedDocument>, Knowledge) {
    static ARTICLES: OnceLock<(Vec<Document>, Vec<CodedDocument>, Knowledge)> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let k = KnowledgeBuilder::new().builtin().build();
        let docs: Vec<Document> = (0..500)
            .map(|i| {
                let (id, text, published) = dragoman_core::synth::article(3, i);
                Document {
                    id,
                    text,
                    published: parse_date(&published).unwrap(),
                    source: Some(format!("Outlet {}", i % 7)),
                    url: None,
                    title: None,
                }
            })
            .collect();
        let coded = docs.iter().map(|d| code_document(d, &k, &CodeOptions::default())).collect();
        (docs, coded, k)
    })
}

#[divan::bench(sample_count = 10)]
fn code_articles(bencher: divan::Bencher) {
    let (docs, _, k) = articles();
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .bench_local(|| docs.iter().map(|d| code_document(d, k, &CodeOptions::default()).events.len()).sum::<usize>());
}

#[divan::bench(sample_count = 10)]
fn store_articles(bencher: divan::Bencher) {
    let (docs, coded, _) = articles();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("store-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store-articles.db");
    bencher
        .counter(divan::counter::ItemsCount::new(docs.len()))
        .with_inputs(|| {
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
            }
            store::schema::open_write(&path, 5000).unwrap()
        })
        .bench_local_values(|s| {
            let mut w = store::ingest::Writer::new(&s, 1000).unwrap();
            for (d, c) in docs.iter().zip(coded) {
                w.add(d, store::content_hash(d), c, input::Id::Named).unwrap();
            }
            w.commit().unwrap();
            drop(w);
            s
        });
}
