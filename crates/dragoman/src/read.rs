//! `dragoman read`: the documents exactly as `code` would see them, before any coding.
//!
//! It runs the same readers over the same inputs with the same options as `code`
//! (through `input::each_document`), so what it prints is what the coder gets: the
//! place to check what an HTML page, a feed or a WARC record was reduced to, and to
//! score that against an extraction benchmark (`scripts/eval-extraction.py`).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use dragoman_core::model::Document;
use serde::Serialize;

use crate::input;

/// Print documents as `code` would see them, as JSON Lines (no coding).
///
/// Reads the same inputs as `code`, with the same readers and options: plain text,
/// JSON Lines records, HTML pages (the article's text found by rs-trafilatura,
/// the page's headline apart in "title"), RSS and Atom feeds, WARC archives,
/// directories and standard input. Writes one object per document:
///
///   {"id", "url", "title", "published", "text", "source"}
///
/// where "text" is what the coder reads (with --code-titles, the title opens it as
/// a paragraph of its own), "published" the date relative times resolve against
/// (YYYY-MM-DD), and "url", "title" and "source" (the outlet) null when unknown.
/// The output is itself valid input for `code` and `ingest`.
///
/// Exit status: 0 when every input was read, 3 when some input was skipped (each
/// problem is reported on stderr with its file), 1 when an input path does not
/// exist or the output cannot be written, 2 for a bad command line (or no input
/// at a terminal).
#[derive(Args)]
#[command(
    after_help = "Examples:\n  dragoman read examples/sevan-fishing-dispute.html\n  dragoman read examples/crawl.warc > docs.jsonl\n  dragoman read examples/caucasus-wire.rss --code-titles | jq -r .text\n  dragoman read examples/crawl.warc | dragoman code"
)]
pub struct ReadArgs {
    /// Files or directories to read; "-" or nothing reads standard input.
    paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for plain text and for pages, items and
    /// records that carry none, unless a dateline dates them ("KYIV, April 15,
    /// 2024 —").
    #[arg(long, value_name = "DATE")]
    published: Option<String>,

    /// Write documents here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    read: input::ReadFlags,
}

/// One line of output: the document's fields in a fixed order.
#[derive(Serialize)]
struct ReadRecord<'a> {
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    published: String,
    text: &'a str,
    source: Option<&'a str>,
}

impl<'a> From<&'a Document> for ReadRecord<'a> {
    fn from(d: &'a Document) -> Self {
        ReadRecord {
            id: &d.id,
            url: d.url.as_deref(),
            title: d.title.as_deref(),
            published: d.published.format("%Y-%m-%d").to_string(),
            text: &d.text,
            source: d.source.as_deref(),
        }
    }
}

pub fn run(args: ReadArgs) -> ExitCode {
    let started = Instant::now();
    let published = match crate::dictionaries::parse_published(args.published.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let paths = match input::input_paths::<ReadArgs>("read", &args.paths) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(mut out) = crate::output(args.output.as_deref()) else {
        return ExitCode::from(1);
    };
    input::QUIET.store(args.read.quiet, std::sync::atomic::Ordering::Relaxed);
    let cfg = input::ReadConfig::new(published, &args.read);
    let mut docs = 0usize;
    let (skipped, mut write_failed) = input::each_document(&paths, &cfg, args.read.strict, &mut |doc| {
        docs += 1;
        serde_json::to_writer(&mut out, &ReadRecord::from(&doc)).map_err(io::Error::other)?;
        out.write_all(b"\n")
    });
    if let Err(e) = out.flush() {
        write_failed.get_or_insert(e);
    }
    if let Some(e) = write_failed {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write documents: {e}");
            return ExitCode::from(1);
        }
    }
    if !args.read.quiet {
        eprintln!(
            "read {docs} document(s) in {:.2} s{}",
            started.elapsed().as_secs_f64(),
            if skipped > 0 { format!("; {skipped} input(s) skipped") } else { String::new() }
        );
    }
    if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
