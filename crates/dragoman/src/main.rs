//! The `dragoman` command: code news articles into political event data.

mod dict;
mod dictionaries;
mod event_row;
mod explain;
mod export;
mod input;
mod interrupt;
mod memory;
mod parse;
mod printable;
mod read;
use dragoman_readers as readers;
mod store;
mod validate;

/// Counts allocations only while `dragoman dict stats` measures a load; see `memory`.
#[global_allocator]
static ALLOCATOR: memory::CountingAlloc = memory::CountingAlloc;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use dragoman_core::coder::{code_document, CodeOptions};

/// Turn news articles into political event data: who did what to whom, when.
///
/// Dragoman reads English news — plain text, JSON Lines records, HTML article
/// pages, RSS and Atom feeds, and WARC archives (Common Crawl News), from files,
/// folders or standard input — finds the actors (countries, governments,
/// organisations, people in their roles), the events between them (coded in
/// CAMEO, with PLOVER type, quad class and Goldstein value) and when and where they
/// happened, and writes one JSON object per event, or keeps them in an SQLite
/// database to query, chart and export.
///
/// `dragoman COMMAND --help` describes each command, its options and its exit
/// status.
#[derive(Parser)]
#[command(
    name = "dragoman",
    version,
    max_term_width = 100,
    after_help = "Examples (on the files in the repository's examples/ folder):\n  dragoman code examples/caucasus-talks.txt --published 2024-03-12\n  dragoman code examples/ --published 2024-03-12 -o events.jsonl\n  dragoman read examples/sevan-fishing-dispute.html\n  dragoman ingest examples/ --db caucasus.db --published 2024-03-12\n  dragoman events --db caucasus.db --dyad AZE,ARM\n  dragoman export --db caucasus.db --format csv -o events.csv\n  dragoman parse examples/caucasus-talks.txt > talks.conllu\n  dragoman dict check"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events, written as JSON Lines.
    ///
    /// Input: plain text files (one article each), JSON Lines files (.jsonl,
    /// .ndjson, .json) of records {"id", "text", "published", "source"?, "url"?,
    /// "title"?}, HTML article pages (.html, .htm), RSS, Atom and JSON feeds (.rss,
    /// .atom, .xml, .json), WARC archives (.warc, .warc.gz), directories (read
    /// recursively) and standard input ("-" or no path; the kind is recognised by
    /// its first bytes). A page's headline is kept apart and not coded unless
    /// --code-titles is given; `dragoman read` shows the text that is coded.
    ///
    /// With no path and nothing piped in, prints its usage instead of waiting on
    /// the terminal.
    ///
    /// Exit status: 0 when everything was coded, 3 when some input was skipped
    /// (each problem is reported on stderr with its file and line), 1 when
    /// nothing could be done (an input path does not exist, a dictionary could not
    /// be read), 2 for a bad command line (or no input at a terminal).
    #[command(
        after_help = "Examples:\n  dragoman code examples/caucasus-talks.txt --published 2024-03-12\n  dragoman code examples/sahel-and-gulf.jsonl --output events.jsonl\n  cat examples/sahel-and-gulf.jsonl | dragoman code > events.jsonl\n  dragoman code examples/caucasus-talks.txt --published 2024-03-12 --explain -o events.jsonl"
    )]
    Code(CodeArgs),

    /// Run a PETRARCH validation file and report how many records code as expected.
    ///
    /// Loads only the dictionaries the file's <Environment> names (relative to the
    /// file's folder, or to --dict-dir), codes each <Sentence> record's text with
    /// the record's date as publication date, honouring the <Config> require_dyad
    /// switches where they stand, and compares the (source, target, code) triples
    /// with those expected. A record that expects an error or a discard passes when
    /// nothing is coded. Prints passes per category and in total.
    ///
    /// Exit status: 0 when the run completed (whatever the figures), 1 when the file
    /// or a dictionary it names cannot be read, 2 for a bad command line.
    #[command(after_help = "Example:\n  dragoman validate docs/petrarch-example/records.xml --verbose")]
    Validate(validate::ValidateArgs),

    // The stored-event commands carry their help on their argument structs.
    Ingest(store::IngestArgs),
    Events(store::EventsArgs),
    Timeline(store::TimelineArgs),
    Export(export::ExportArgs),
    Delete(store::DeleteArgs),

    /// Check dictionaries for problems, or count and time them (check, stats).
    ///
    /// Both read what `dragoman code` would: the built-in dictionaries (unless
    /// --no-builtin) and PETRARCH/TABARI files given with --verbs, --actors,
    /// --agents, --discards or without a flag (the kind is then guessed).
    /// `dict check` prints every problem as `file:line: error|warning: message`
    /// and exits 1 on errors; `dict stats` counts entries, times the load and
    /// measures its memory.
    #[command(
        after_help = "Examples:\n  dragoman dict check\n  dragoman dict check --no-builtin --verbs docs/petrarch-example/verbs.txt --actors docs/petrarch-example/actors.txt\n  dragoman dict stats"
    )]
    Dict(dict::DictArgs),

    Parse(parse::ParseArgs),

    Read(read::ReadArgs),
}

#[derive(Args)]
struct CodeArgs {
    /// Files or directories to code; "-" or nothing reads standard input.
    paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for plain text and for records without one,
    /// unless a dateline dates them ("KYIV, April 15, 2024 —"). Relative dates
    /// ("on Wednesday", "last year") are resolved against it.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,

    /// Write events here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Explain, for each sentence, the tokens, tree, actors, time expressions and
    /// triggers considered, and why each event was or was not coded. The
    /// explanation goes to stderr; the events still go to stdout (or --output).
    #[arg(long)]
    explain: bool,

    /// Write the explanation (see --explain) to this file instead of stderr.
    #[arg(long, value_name = "FILE")]
    explain_file: Option<PathBuf>,

    #[command(flatten)]
    dicts: crate::dictionaries::DictFlags,

    /// Drop events without a target. Default: on when --verbs is given (PETRARCH's
    /// convention), off with the built-in lexicon.
    #[arg(long, value_name = "BOOL")]
    require_dyad: Option<bool>,

    /// Keep events under negation ("did not attack"), marked "negated": true.
    #[arg(long)]
    keep_negated: bool,

    /// Keep events under "may", "could", "would", marked "hypothetical": true.
    #[arg(long)]
    keep_hypothetical: bool,

    /// Skip geolocation: events get no "location" (coding is a little faster).
    #[arg(long)]
    no_places: bool,

    /// Code without the dependency parser: clause roles from word order alone, as
    /// before Dragoman had a parser. About five times faster, and less accurate on
    /// relative clauses, passives, participles and coordinated verbs.
    #[arg(long)]
    shallow: bool,

    #[command(flatten)]
    read: crate::input::ReadFlags,
}

fn main() -> ExitCode {
    quiet_on_closed_stdout();
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => run_code(args),
        Command::Validate(args) => validate::run(args),
        Command::Ingest(args) => store::run_ingest(args),
        Command::Events(args) => store::run_events(args),
        Command::Timeline(args) => store::run_timeline(args),
        Command::Export(args) => export::run_export(args),
        Command::Delete(args) => store::run_delete(args),
        Command::Dict(args) => dict::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Read(args) => read::run(args),
    }
}

fn run_code(args: CodeArgs) -> ExitCode {
    let published = match crate::dictionaries::parse_published(args.published.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let paths = match input::input_paths::<CodeArgs>("code", &args.paths) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let started = Instant::now();
    let knowledge = match crate::dictionaries::prepare(&args.dicts, !args.no_places, args.read.quiet) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let load_time = started.elapsed();
    let Some(mut out) = crate::output(args.output.as_deref()) else {
        return ExitCode::from(1);
    };
    // The explanation never takes the events' place: they are data, it is for people.
    // On stderr it is unbuffered, so it stays in order with the warnings.
    let mut explanation: Option<Box<dyn Write>> = match &args.explain_file {
        Some(path) => match File::create(path) {
            Ok(f) => Some(Box::new(BufWriter::new(f))),
            Err(e) => {
                eprintln!("error: cannot write the explanation to {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        None if args.explain => Some(Box::new(io::stderr())),
        None => None,
    };
    let opts = CodeOptions {
        require_dyad: args.require_dyad,
        keep_negated: args.keep_negated,
        keep_hypothetical: args.keep_hypothetical,
        explain: explanation.is_some(),
        no_places: args.no_places,
        syntax: false,
        shallow: args.shallow,
    };
    input::QUIET.store(args.read.quiet, std::sync::atomic::Ordering::Relaxed);
    let cfg = input::ReadConfig::new(published, &args.read);
    let (mut docs, mut sentences, mut events) = (0usize, 0usize, 0usize);
    let coding_started = Instant::now();
    let mut explain_failed: Option<io::Error> = None;
    let (skipped, mut write_failed) = input::each_document(&paths, &cfg, args.read.strict, &mut |doc| {
        let coded = code_document(&doc, &knowledge, &opts);
        docs += 1;
        sentences += coded.sentences;
        events += coded.events.len();
        write_events(&mut out, &coded.events)?;
        if let Some(x) = explanation.as_mut() {
            if let Err(e) = explain::write(x, &doc, &coded) {
                explain_failed = Some(e);
                return Err(io::Error::other("the explanation could not be written"));
            }
        }
        Ok(())
    });
    if let Err(e) = out.flush() {
        write_failed.get_or_insert(e);
    }
    if let Some(e) = explanation.as_mut().and_then(|x| x.flush().err()) {
        explain_failed.get_or_insert(e);
    }
    if let Some(e) = explain_failed {
        let to = args.explain_file.as_ref().map_or("stderr".to_string(), |p| p.display().to_string());
        eprintln!("error: cannot write the explanation to {to}: {e}");
        return ExitCode::from(1);
    }
    if let Some(e) = write_failed {
        if e.kind() == io::ErrorKind::BrokenPipe {
            // `dragoman code | head`: the reader has all it wanted.
            return ExitCode::SUCCESS;
        }
        eprintln!("error: cannot write events: {e}");
        return ExitCode::from(1);
    }
    let secs = coding_started.elapsed().as_secs_f64();
    if !args.read.quiet {
        eprintln!(
            "coded {docs} document(s), {sentences} sentence(s), {events} event(s) in {secs:.2} s ({:.0} sentences/s; dictionaries loaded in {} ms){}",
            sentences as f64 / secs.max(1e-9),
            load_time.as_millis(),
            if skipped > 0 { format!("; {skipped} input(s) skipped") } else { String::new() }
        );
    }
    if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

/// `dragoman … | head` closes standard output early. The commands that stream
/// check their writes and stop quietly; this covers the rest, whose `println!`
/// would otherwise panic on the closed pipe: such a panic ends the process quietly
/// with status 0, as `cat` or `grep` end under `head`. Any other panic is reported
/// as usual.
fn quiet_on_closed_stdout() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload.downcast_ref::<String>().map(String::as_str).or(payload.downcast_ref::<&str>().copied());
        if message.is_some_and(|m| m.starts_with("failed printing to stdout") && m.contains("Broken pipe")) {
            std::process::exit(0);
        }
        report(info)
    }));
}

/// The buffered output of `code` and `parse`: the `-o` file, or standard output.
/// Says why on stderr when the file cannot be created.
fn output(path: Option<&std::path::Path>) -> Option<BufWriter<Box<dyn Write>>> {
    let out: Box<dyn Write> = match path {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", p.display());
                return None;
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    Some(BufWriter::with_capacity(1 << 16, out))
}

fn write_events(out: &mut impl Write, events: &[dragoman_core::model::Event]) -> io::Result<()> {
    for e in events {
        serde_json::to_writer(&mut *out, e).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
