//! Reading articles: plain text files, JSON Lines records, directories and stdin.
//!
//! Input streams: JSON Lines are read one line at a time with a size cap, so memory
//! stays flat whatever the corpus size, and a single absurd line is skipped without
//! ever being held in memory. Every problem is reported with its file and line and
//! the rest of the input is still read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dragoman_core::model::{parse_date, Document};

use crate::readers::dates::dateline_date;

/// A problem with one piece of input: where, and what.
#[derive(Debug, Clone)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Set by `--quiet`: no warnings from the readers.
pub static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub struct ReadConfig {
    /// Publication date for plain text and for records without one.
    pub published: Option<NaiveDate>,
    /// Documents (or JSON lines) larger than this are skipped with an error.
    pub max_bytes: usize,
    /// A document with no date from any source is skipped with an error (`ingest`,
    /// where a wrong date would be stored for good) rather than dated today with a
    /// warning (`code`). See [`date_or_refuse`].
    pub refuse_undated: bool,
    /// Code the title too (`--code-titles`): see `title_first`.
    pub code_titles: bool,
}

impl ReadConfig {
    /// The configuration the shared reading flags describe.
    pub fn new(published: Option<NaiveDate>, flags: &ReadFlags) -> Self {
        ReadConfig {
            published,
            max_bytes: max_bytes(flags.max_doc_mb),
            refuse_undated: false,
            code_titles: flags.code_titles,
        }
    }
}

/// A document as the coder sees it with `--code-titles`: its title as a paragraph
/// of its own before the text (so it is one sentence, never run into the lede),
/// unless the text already opens with it. Without a title, the document as it is.
///
/// Titles are kept apart by default: headlines are written in their own clipped
/// grammar ("Baku, Yerevan trade fire"), usually restate the lede, and would count
/// the story's main event twice. (Feed items are the exception: the feed reader
/// puts the title in the text, as an item is often a headline and a teaser.)
pub fn title_first(mut doc: Document) -> Document {
    let Some(title) = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) else { return doc };
    if !doc.text.trim_start().starts_with(title) {
        doc.text = format!("{title}\n\n{}", doc.text);
    }
    doc
}

/// Expands paths into the files to read: directories recursively, in name order.
///
/// Symbolic links are followed, but a folder already read (a link back to a parent,
/// two links to each other) is not read again: each folder is read once, by its
/// canonical path, as `find -L` does. Files in `skip` (the database an ingest is
/// writing, with its journal files) are left out of folders, and refused when
/// named.
pub fn expand_paths(paths: &[PathBuf], skip: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut walk = Walk { out: Vec::new(), seen: std::collections::HashSet::new(), skip };
    for p in paths {
        if p.as_os_str() == "-" {
            walk.out.push(Ok(p.clone()));
        } else if p.is_dir() {
            walk.dir(p);
        } else if walk.skipped(p) {
            walk.out.push(Err(InputError {
                file: p.display().to_string(),
                line: None,
                message: "the database being written (--db); skipped".into(),
            }));
        } else if p.exists() {
            walk.out.push(Ok(p.clone()));
        } else {
            walk.out.push(Err(InputError {
                file: p.display().to_string(),
                line: None,
                message: "no such file or directory".into(),
            }));
        }
    }
    walk.out
}

/// The files of a store's database: the file and the journals SQLite keeps beside
/// it, by canonical path, for [`expand_paths`] to leave alone.
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    let Ok(db) = db.canonicalize() else { return Vec::new() };
    let mut files = vec![db.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

struct Walk<'a> {
    out: Vec<Result<PathBuf, InputError>>,
    /// The canonical paths of the folders read so far.
    seen: std::collections::HashSet<PathBuf>,
    skip: &'a [PathBuf],
}

impl Walk<'_> {
    fn skipped(&self, file: &Path) -> bool {
        // Names first: canonicalizing every file of a large corpus costs a syscall each.
        let named = |s: &PathBuf| s.file_name() == file.file_name();
        self.skip.iter().any(named) && file.canonicalize().is_ok_and(|c| self.skip.contains(&c))
    }

    fn unreadable(&mut self, dir: &Path, e: std::io::Error) {
        let message = format!("cannot read directory: {e}");
        self.out.push(Err(InputError { file: dir.display().to_string(), line: None, message }));
    }

    fn dir(&mut self, dir: &Path) {
        match dir.canonicalize() {
            Ok(real) => {
                if !self.seen.insert(real) {
                    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
                        eprintln!("warning: {}: a link to a folder already read; not read again", dir.display());
                    }
                    return;
                }
            }
            Err(e) => {
                self.unreadable(dir, e);
                return;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.unreadable(dir, e);
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if hidden || self.skipped(&p) {
                continue;
            }
            if p.is_dir() {
                self.dir(&p);
            } else {
                self.out.push(Ok(p));
            }
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson" | "json"))
}

/// What a document's id says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    /// The input named the document: a record's "id", a page's or item's address,
    /// a file's name. A later version under the same id (and outlet) is the same
    /// document, corrected or updated, and replaces it in a store.
    Named,
    /// Made up from where the document sat in its input, because the input gave
    /// none: `line-N` for a JSON Lines record without "id", `stdin` for plain text
    /// on standard input. Two documents with such an id are unrelated.
    Positional,
}

/// Bytes read from input files so far in this run (compressed bytes for `.gz`), for
/// progress bars that know the inputs' total size.
pub static BYTES_READ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A file whose reads are added to [`BYTES_READ`].
struct Counted(File);

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        BYTES_READ.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// The total size of the input files, when every input is a file (not stdin).
pub fn total_size(paths: &[Result<PathBuf, InputError>]) -> Option<u64> {
    let mut total = 0u64;
    for p in paths.iter().flatten() {
        if p.as_os_str() == "-" {
            return None;
        }
        total += std::fs::metadata(p).ok()?.len();
    }
    Some(total)
}

/// Reads every document in `path` (or stdin for `-`), calling `on_doc` for each
/// (with what its id says) and `on_error` for each problem.
/// Both callbacks return whether to keep reading (`--strict` stops at once).
pub fn read_path(
    path: &Path,
    cfg: &ReadConfig,
    on_doc: &mut dyn FnMut(Document, Id) -> bool,
    on_error: &mut dyn FnMut(InputError) -> bool,
) {
    let mut titled = |doc: Document, id: Id| on_doc(if cfg.code_titles { title_first(doc) } else { doc }, id);
    let on_doc: &mut dyn FnMut(Document, Id) -> bool = &mut titled;
    let name = if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() };
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(Counted(f)),
            Err(e) => {
                on_error(InputError { file: name, line: None, message: format!("cannot open: {e}") });
                return;
            }
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    // HTML pages, RSS/Atom/JSON feeds and WARC archives: by file name, or on stdin by
    // their first bytes.
    let kind = if path.as_os_str() == "-" {
        reader.fill_buf().ok().and_then(crate::readers::sniff)
    } else {
        crate::readers::reader_for(path)
    };
    if let Some(kind) = kind {
        crate::readers::read_any(kind, &name, &mut reader, cfg.max_bytes, cfg.published, &mut |result| match result {
            Ok(doc) => on_doc(doc, Id::Named),
            Err(message) => on_error(InputError { file: name.clone(), line: None, message }),
        });
        return;
    }
    let jsonl = if path.as_os_str() == "-" {
        // Sniff: JSON Lines start with `{`.
        match reader.fill_buf() {
            Ok(buf) => strip_bom(buf).iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
            Err(_) => false,
        }
    } else {
        is_jsonl(path)
    };
    if jsonl {
        read_jsonl(&name, &mut reader, cfg, on_doc, on_error);
    } else {
        read_text(&name, path, &mut reader, cfg, on_doc, on_error);
    }
}

/// Why bytes are not text, with the line of the first bad byte. A NUL byte
/// anywhere makes them binary, not only in the first kilobytes: text never holds
/// one, and stored it would cut the article short for every C reader of the
/// database or the exports.
fn text_problem(bytes: &[u8]) -> Option<(usize, String)> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        return Some((line, "looks like a binary file (NUL byte); skipped".into()));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        return Some((line, format!("invalid UTF-8 at byte {at}; skipped (convert the file to UTF-8)")));
    }
    None
}

fn read_text(
    name: &str,
    path: &Path,
    reader: &mut dyn BufRead,
    cfg: &ReadConfig,
    on_doc: &mut dyn FnMut(Document, Id) -> bool,
    on_error: &mut dyn FnMut(InputError) -> bool,
) {
    let mut bytes = Vec::new();
    let limit = cfg.max_bytes as u64 + 1;
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        on_error(InputError { file: name.into(), line: None, message: format!("cannot read: {e}") });
        return;
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    if bytes.len() > cfg.max_bytes {
        on_error(InputError {
            file: name.into(),
            line: None,
            message: format!(
                "larger than the {} MB document limit; skipped (raise it with --max-doc-mb)",
                cfg.max_bytes >> 20
            ),
        });
        return;
    }
    if let Some((line, message)) = text_problem(&bytes) {
        on_error(InputError { file: name.into(), line: Some(line), message });
        return;
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    if text.trim().is_empty() {
        on_error(InputError { file: name.into(), line: None, message: "empty document; skipped".into() });
        return;
    }
    let (id, kind) = if path.as_os_str() == "-" {
        ("stdin".to_string(), Id::Positional)
    } else {
        (path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string(), Id::Named)
    };
    let Some(published) = date_of_undated(&text, cfg) else {
        let message =
            "no publication date; not stored (give --published YYYY-MM-DD, or a dateline with a date, to date such documents)"
                .into();
        on_error(InputError { file: name.into(), line: None, message });
        return;
    };
    on_doc(Document { id, text, published, source: None, url: None, title: None }, kind);
}

/// The date of a document that carries none of its own (plain text, a record
/// without "published"): its dateline's ("KYIV, April 15, 2024 —"), else
/// `--published`. With neither, `ingest` refuses the document (None: the caller says
/// why, with where), since a store would keep a made-up date for good and resolve
/// every "on Monday" against it, while `code` and `read` warn once and use today. A
/// dateline without a year ("MOSCOW, Jan 9 (Interfax) -") takes the year that puts
/// it latest before `--published`, else before today.
fn date_of_undated(text: &str, cfg: &ReadConfig) -> Option<NaiveDate> {
    if let Some(day) = dateline_date(text, cfg.published) {
        return Some(day);
    }
    if let Some(day) = cfg.published {
        return Some(day);
    }
    if cfg.refuse_undated {
        return None;
    }
    warn_once_undated();
    Some(dateline_date(text, Some(today())).unwrap_or_else(today))
}

/// Said once a run, the first time a document with no date of its own is dated
/// today for want of --published.
fn warn_once_undated() {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) && !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        eprintln!(
            "warning: no --published date; plain text and records without \"published\" are dated by their dateline, else today ({}), and relative dates resolve against it",
            today()
        );
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Reads one line into `buf`, keeping at most `max` bytes; returns the line's full
/// length (0 at end of input). Longer lines are consumed but not kept.
fn read_capped_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<usize> {
    buf.clear();
    let mut total = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..=i], true),
            None => (chunk, false),
        };
        let n = part.len();
        if total + n <= max + 1 {
            buf.extend_from_slice(part);
        } else {
            // Too long to keep: stop holding any of it.
            buf.clear();
        }
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

fn read_jsonl(
    name: &str,
    reader: &mut dyn BufRead,
    cfg: &ReadConfig,
    on_doc: &mut dyn FnMut(Document, Id) -> bool,
    on_error: &mut dyn FnMut(InputError) -> bool,
) {
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut records = 0;
    loop {
        let len = match read_capped_line(reader, &mut buf, cfg.max_bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                on_error(InputError {
                    file: name.into(),
                    line: Some(line_no + 1),
                    message: format!("cannot read: {e}"),
                });
                return;
            }
        };
        line_no += 1;
        if line_no == 1 && buf.starts_with(BOM) {
            buf.drain(..BOM.len());
        }
        let err = |message: String| InputError { file: name.into(), line: Some(line_no), message };
        let keep_going = if len > cfg.max_bytes + 1 {
            on_error(err(format!(
                "record of {} MB exceeds the {} MB document limit; skipped (raise it with --max-doc-mb)",
                len >> 20,
                cfg.max_bytes >> 20
            )))
        } else if buf.iter().all(|b| b.is_ascii_whitespace()) {
            true
        } else if line_no == 1 && buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
            on_error(err("a JSON array, not JSON Lines (one object per line); file skipped".into()));
            return;
        } else if let Some((_, message)) = text_problem(&buf) {
            on_error(err(message
                .replace("; skipped (convert the file to UTF-8)", "; record skipped")
                .replace("file", "record")))
        } else {
            records += 1;
            match parse_record(&buf, cfg, name, line_no) {
                Ok((doc, id)) => on_doc(doc, id),
                Err(message) => on_error(err(message)),
            }
        };
        if !keep_going {
            return;
        }
    }
    if records == 0 {
        on_error(InputError { file: name.into(), line: None, message: "no records; nothing to code".into() });
    }
}

fn parse_record(bytes: &[u8], cfg: &ReadConfig, name: &str, line: usize) -> Result<(Document, Id), String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("malformed JSON ({e}); record skipped"))?;
    let obj = value.as_object().ok_or("expected a JSON object with \"text\"; record skipped")?;
    let field = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let text = field("text").ok_or("record has no \"text\" string; skipped")?;
    if text.trim().is_empty() {
        return Err("record has an empty \"text\"; skipped".into());
    }
    // Written as `\u0000` it is valid JSON, but no more text than a raw NUL byte.
    if let Some(key) =
        ["text", "title", "id", "source", "url"].into_iter().find(|k| field(k).is_some_and(|v| v.contains('\0')))
    {
        return Err(format!("\"{key}\" holds a NUL character (\\u0000): binary data, not text; record skipped"));
    }
    let (id, kind) = match obj.get("id") {
        Some(serde_json::Value::String(s)) => (s.clone(), Id::Named),
        Some(serde_json::Value::Number(n)) => (number_as_written(bytes).unwrap_or_else(|| n.to_string()), Id::Named),
        _ => (format!("line-{line}"), Id::Positional),
    };
    let published = match obj.get("published") {
        Some(serde_json::Value::String(p)) => parse_published(p).ok_or_else(|| {
            format!("\"published\" is not a date (YYYY-MM-DD, years 1800 to 2200): `{p}`; record skipped")
        })?,
        None => date_of_undated(&text, cfg).ok_or_else(|| {
            let which = if kind == Id::Named { format!("record `{id}`") } else { "record".into() };
            format!("{which} has no \"published\" date; not stored (add one, or give --published YYYY-MM-DD to date such records)")
        })?,
        // null, a number, an object: a date was meant and lost. Never quietly today.
        Some(other) => {
            let what = match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "true or false",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "an array",
                _ => "an object",
            };
            // The dateline's date, else --published, else today.
            let (day, from) = match (dateline_date(&text, cfg.published), cfg.published) {
                (Some(day), _) => (day, "its dateline"),
                (None, None) if cfg.refuse_undated => {
                    return Err(format!(
                        "\"published\" is {what}, not a date string; record skipped (give --published to date such records)"
                    ))
                }
                (None, Some(day)) => (day, "--published"),
                (None, None) => match dateline_date(&text, Some(today())) {
                    Some(day) => (day, "its dateline, the year from today"),
                    None => (today(), "today"),
                },
            };
            if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
                eprintln!("warning: {name}:{line}: \"published\" is {what}, not a date string; dated {day} ({from})");
            }
            day
        }
    };
    let doc = Document { id, text, published, source: field("source"), url: field("url"), title: field("title") };
    Ok((doc, kind))
}

/// A numeric "id" exactly as the record writes it. Read as a number it would pass
/// through a float beyond 2^64 and lose digits (12345678901234567890123 becoming
/// 1.2345678901234568e22), and two records would share an id.
fn number_as_written(record: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id<'a> {
        #[serde(borrow)]
        id: &'a serde_json::value::RawValue,
    }
    let id: Id = serde_json::from_slice(record).ok()?;
    Some(id.id.get().to_string())
}

/// The day of a record's "published": `YYYY-MM-DD`, alone or followed by a time
/// ("2024-01-18T10:30:00Z", "2024-01-18 10:30"), spaces around allowed.
fn parse_published(p: &str) -> Option<NaiveDate> {
    let p = p.trim();
    let (day, time) = (p.get(..10)?, &p[10..]);
    if !(time.is_empty() || time.starts_with(['T', 't', ' '])) {
        return None;
    }
    parse_date(day)
}

/// `--max-doc-mb`: 1 MB to 1 TB. A document is held in memory whole, so a larger
/// limit means nothing, and bytes beyond it no longer fit the counters.
pub fn max_doc_mb() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(1..=1 << 20)
}

/// The `--max-doc-mb` limit in bytes.
pub fn max_bytes(mb: u64) -> usize {
    usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX / 2)
}

/// The inputs of `code`, `parse`, `read` and `ingest`, checked before any work is
/// done: the paths given, or standard input ("-") when none is.
///
/// With no path and a terminal for standard input, the user has not piped anything
/// in and would wait on a silent prompt: the command's usage is printed instead
/// (exit status 2, a bad command line). A path that does not exist is a typo, not
/// bad input to skip: every such path is named and the command stops (status 1)
/// before loading anything or creating its output file.
pub fn input_paths<A: clap::Args>(command: &str, paths: &[PathBuf]) -> Result<Vec<PathBuf>, std::process::ExitCode> {
    use std::io::IsTerminal;
    use std::process::ExitCode;
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            let usage =
                A::augment_args(clap::Command::new("dragoman").bin_name(format!("dragoman {command}"))).render_usage();
            eprintln!(
                "error: nothing to read: name files or folders, or pipe articles in (`cat articles.jsonl | dragoman {command}`)\n\n{usage}\n\nFor more information, try 'dragoman {command} --help'."
            );
            return Err(ExitCode::from(2));
        }
        return Ok(vec![PathBuf::from("-")]);
    }
    // `exists` follows links: a dangling link is missing too.
    let missing: Vec<String> =
        paths.iter().filter(|p| p.as_os_str() != "-" && !p.exists()).map(|p| p.display().to_string()).collect();
    match missing.as_slice() {
        [] => Ok(paths.to_vec()),
        [one] => {
            eprintln!("error: {one}: no such file or directory; nothing was {}", past_tense(command));
            Err(ExitCode::from(1))
        }
        many => {
            eprintln!("error: no such files or directories: {}; nothing was {}", many.join(", "), past_tense(command));
            Err(ExitCode::from(1))
        }
    }
}

fn past_tense(command: &str) -> &'static str {
    match command {
        "code" => "coded",
        "parse" => "parsed",
        "ingest" => "stored",
        _ => "read",
    }
}

/// How `code`, `parse` and `read` treat their input: the flags they share.
#[derive(clap::Args, Debug, Clone)]
pub struct ReadFlags {
    /// Stop at the first bad input instead of skipping it.
    #[arg(long)]
    pub strict: bool,

    /// Skip documents larger than this many megabytes (1 to 1048576).
    #[arg(long, value_name = "MB", default_value_t = 10, value_parser = max_doc_mb())]
    pub max_doc_mb: u64,

    /// Print nothing on stderr but errors (no summary line).
    #[arg(long, short)]
    pub quiet: bool,

    /// Code each document's title (an HTML page's headline, a JSON record's
    /// "title") as a paragraph before its text. Off by default: the title is kept
    /// apart. Feed items always open with their title (an item is often only a
    /// headline and a teaser).
    #[arg(long)]
    pub code_titles: bool,
}

/// Feeds every document of `paths` to `on_doc`, the way `code` and `parse` read their
/// input: each bad input is reported on stderr and skipped (or, with `strict`, stops
/// the run). `on_doc` returns an error to stop on a failed write. Returns how many
/// inputs were skipped and the write error, if any.
pub fn each_document(
    paths: &[PathBuf],
    cfg: &ReadConfig,
    strict: bool,
    on_doc: &mut dyn FnMut(Document) -> std::io::Result<()>,
) -> (usize, Option<std::io::Error>) {
    let mut skipped = 0usize;
    let mut failed: Option<std::io::Error> = None;
    let stop = std::cell::Cell::new(false);
    for item in expand_paths(paths, &[]) {
        if stop.get() || failed.is_some() {
            break;
        }
        let path = match item {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: {e}");
                skipped += 1;
                stop.set(strict);
                continue;
            }
        };
        read_path(
            &path,
            cfg,
            &mut |doc, _| {
                if stop.get() || failed.is_some() {
                    return false;
                }
                if let Err(e) = on_doc(doc) {
                    failed = Some(e);
                    return false;
                }
                true
            },
            &mut |e| {
                eprintln!("error: {e}");
                skipped += 1;
                stop.set(strict);
                !strict
            },
        );
    }
    (skipped, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(name: &str, bytes: &[u8]) -> (Vec<Document>, Vec<InputError>) {
        let cfg = ReadConfig {
            published: parse_date("2024-01-18"),
            max_bytes: 100_000,
            refuse_undated: false,
            code_titles: false,
        };
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        let mut r = BufReader::new(bytes);
        if name.ends_with(".jsonl") {
            read_jsonl(
                name,
                &mut r,
                &cfg,
                &mut |d, _| {
                    docs.push(d);
                    true
                },
                &mut |e| {
                    errs.push(e);
                    true
                },
            );
        } else {
            read_text(
                name,
                Path::new(name),
                &mut r,
                &cfg,
                &mut |d, _| {
                    docs.push(d);
                    true
                },
                &mut |e| {
                    errs.push(e);
                    true
                },
            );
        }
        (docs, errs)
    }

    #[test]
    fn jsonl_records_and_their_errors() {
        let input = format!(
            "{}\n{}\n\n{}\n{}\n{}\n",
            r#"{"id": "a", "text": "Russia urged Armenia.", "published": "2024-01-18"}"#,
            r#"{"id": "b", "text": "#,
            r#"{"id": 7, "text": "Baku accused the West.", "source": "x"}"#,
            r#"{"id": "c", "published": "2024-01-18"}"#,
            "x".repeat(200_000)
        );
        let (docs, errs) = read_all("in.jsonl", input.as_bytes());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].id, "7");
        assert_eq!(docs[1].source.as_deref(), Some("x"));
        let lines: Vec<Option<usize>> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![Some(2), Some(5), Some(6)]);
        assert!(errs[0].message.contains("malformed JSON"));
        assert!(errs[2].message.contains("limit"));
    }

    #[test]
    fn invalid_utf8_binary_and_empty_text() {
        let (docs, errs) = read_all("a.txt", b"line one\nline \xff two");
        assert!(docs.is_empty());
        assert_eq!(errs[0].line, Some(2));
        assert!(errs[0].message.contains("UTF-8"));
        let (_, errs) = read_all("b.txt", b"\x00\x01\x02");
        assert!(errs[0].message.contains("binary"));
        // A NUL past the first 8 KB is found too, on its line.
        let late = format!("{}\nand then\0binary", "Russia accused Armenia. ".repeat(1000));
        let (docs, errs) = read_all("late.txt", late.as_bytes());
        assert!(docs.is_empty());
        assert_eq!(errs[0].line, Some(2));
        assert!(errs[0].message.contains("binary"));
        let (docs, errs) =
            read_all("esc.jsonl", b"{\"text\": \"Russia accused\\u0000 Armenia.\"}\n{\"text\": \"ok\"}\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(errs[0].line, Some(1));
        assert!(errs[0].message.contains("NUL"), "{}", errs[0].message);
        let (_, errs) = read_all("c.txt", b"  \n ");
        assert!(errs[0].message.contains("empty"));
        let (docs, errs) = read_all("d.jsonl", b"{\"text\": \"ok\"}\n\xff\xfe\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(errs[0].line, Some(2));
        let (docs, errs) = read_all("bom.jsonl", b"\xEF\xBB\xBF{\"text\": \"ok\"}\n");
        assert_eq!((docs.len(), errs.len()), (1, 0));
        let (docs, errs) = read_all("arr.jsonl", b"[{\"text\": \"ok\"},\n{\"text\": \"ok\"}]\n");
        assert_eq!((docs.len(), errs.len()), (0, 1));
        assert!(errs[0].message.contains("JSON array"));
        let (_, errs) = read_all("empty.jsonl", b"\n\n");
        assert!(errs[0].message.contains("no records"));
    }

    #[test]
    fn code_titles_puts_the_title_first_once() {
        let doc = |title: Option<&str>, text: &str| Document {
            id: "a".into(),
            text: text.into(),
            published: parse_date("2024-01-18").unwrap(),
            source: None,
            url: None,
            title: title.map(str::to_string),
        };
        let titled = title_first(doc(Some(" Baku and Yerevan resume talks "), "The envoys met."));
        assert_eq!(titled.text, "Baku and Yerevan resume talks\n\nThe envoys met.");
        let already = title_first(doc(Some("Talks resume"), "Talks resume\n\nThe envoys met."));
        assert_eq!(already.text, "Talks resume\n\nThe envoys met.");
        assert_eq!(title_first(doc(None, "The envoys met.")).text, "The envoys met.");
        assert_eq!(title_first(doc(Some("  "), "The envoys met.")).text, "The envoys met.");
    }

    #[test]
    fn capped_lines_do_not_keep_giant_lines() {
        let input = format!("{}\nshort\n", "y".repeat(100_000));
        let mut r = BufReader::with_capacity(64, input.as_bytes());
        let mut buf = Vec::new();
        let n = read_capped_line(&mut r, &mut buf, 100).unwrap();
        assert_eq!(n, 100_001);
        assert!(buf.is_empty());
        let n = read_capped_line(&mut r, &mut buf, 100).unwrap();
        assert_eq!(n, 6);
        assert_eq!(buf, b"short\n");
    }
}
