//! `dragoman export`: read events from the database with the same filters as
//! `dragoman events`, optionally thin them with Phoenix's one-a-day rule, and write
//! them in a format and layout.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::columns::Preset;
use super::write::{export_fallible, Format, Output};
use crate::store::{self, query::FilterArgs};

/// Write stored events as CSV, TSV, JSON Lines, Parquet, PLOVER JSON or GeoJSON.
///
/// Reads the events of the database that pass the filters (the same as `dragoman
/// events`: actors, dyad, codes, quad class, dates, place, full text) and writes
/// one row per deduplicated event, with its mention, outlet and article counts
/// and the evidence of its first mention, in the chosen format and column layout
/// (--preset full, phoenix or gdelt). --one-a-day keeps one event per day,
/// source, target and code, as the Phoenix data set does; --partition splits the
/// output by month into Hive-style folders for Spark, DuckDB or pyarrow.
/// GeoJSON writes the events that have a location as a map layer (a
/// FeatureCollection of Points, the columns as properties) and counts the rest.
///
/// A file is written under a temporary name and renamed when complete: a failed
/// or interrupted export leaves no truncated file and no changed one (Ctrl-C
/// removes the temporary file; `kill -9` cannot be caught and leaves
/// .NAME.<pid>-<n>.partial beside the file, to delete). CAMEO codes
/// are text ("010", "0332"): read CSV and TSV with their columns as strings
/// (pandas: `pd.read_csv(FILE, dtype=str)`).
///
/// Exit status: 0 when the export was written (also when no event matched), 1 when
/// the database cannot be read or the output not written, 2 for a bad command line;
/// Ctrl-C ends it by the signal (130 in a shell).
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  dragoman export --format csv --preset phoenix -o phoenix.csv\n  dragoman export --format parquet --partition -o events/ --from 2024-01-01\n  dragoman export --format plover --dyad RUS,ARM -o rus-arm.plover.jsonl\n  dragoman export --format tsv --preset gdelt --one-a-day > events.tsv\n  dragoman export --country UKR -o ukraine.geojson\n\nColumn layouts and types: docs/export.md"
)]
pub struct ExportArgs {
    /// The event database.
    #[arg(long, value_name = "FILE", default_value = "dragoman.db")]
    pub db: PathBuf,

    /// File format. Default: from the --output extension (.csv, .tsv, .jsonl,
    /// .parquet, .plover.jsonl, .geojson), else csv.
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,

    /// Column layout: every stored field, the Phoenix data set's columns, or
    /// GDELT 2.0's event columns. Not for --format plover.
    #[arg(long, value_enum, default_value_t = Preset::Full)]
    pub preset: Preset,

    /// Output file; with --partition, a new or empty directory. Default (or "-"):
    /// standard output.
    #[arg(long, short, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,

    /// Split the output by the event's month into Hive-style directories
    /// (DIR/year_month=2024-01/part-0.parquet), as Spark, DuckDB and BigQuery read.
    #[arg(long)]
    pub partition: bool,

    /// Phoenix's one-a-day rule: keep one event per date, source, target and code.
    #[arg(long)]
    pub one_a_day: bool,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Print nothing on stderr but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".plover.jsonl") || name.ends_with(".plover.json") {
        return Some(Format::Plover);
    }
    match name.rsplit('.').next()? {
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "parquet" | "pq" => Some(Format::Parquet),
        "geojson" => Some(Format::Geojson),
        _ => None,
    }
}

/// Runs `dragoman export`. Exit status: 0 written, 1 the database could not be read
/// or the output not written, 2 a bad command line.
pub fn run_export(args: ExportArgs) -> ExitCode {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let format = match (args.format, output.and_then(format_from_extension)) {
        (Some(f), _) => f,
        (None, Some(f)) => f,
        (None, None) if args.partition => {
            eprintln!("error: give --format for a partitioned export");
            return ExitCode::from(2);
        }
        (None, None) => Format::Csv,
    };
    if format == Format::Plover && args.preset != Preset::Full {
        eprintln!("error: PLOVER JSON has its own fields; --preset applies to csv, tsv, jsonl and parquet");
        return ExitCode::from(2);
    }
    if args.partition && output.is_none() {
        eprintln!("error: --partition needs --output DIR (a new or empty directory)");
        return ExitCode::from(2);
    }
    if output.is_none() && format == Format::Parquet && std::io::stdout().is_terminal() {
        eprintln!("error: Parquet is binary; give --output FILE or redirect standard output");
        return ExitCode::from(2);
    }
    // Rows stream from the database a page at a time, so memory stays flat however
    // many events are exported (a partitioned export still sorts by month).
    let pages = match store::query::events_iter(&args.db, &args.filter.to_filter()) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let failed = std::cell::RefCell::new(None);
    let rows = pages.map_while(|r| r.map_err(|e| *failed.borrow_mut() = Some(e)).ok());
    let rows: Box<dyn Iterator<Item = crate::event_row::EventRow> + '_> =
        if args.one_a_day { Box::new(store::query::one_a_day_sorted(rows)) } else { Box::new(rows) };
    // A read error ends the rows early; handing it on as the last item makes the
    // export fail instead of putting a truncated file in place.
    let rows = rows.map(Ok).chain(std::iter::from_fn(|| failed.borrow_mut().take().map(|e| Err(e.to_string()))));
    let out = match output {
        Some(p) => Output::Path(p),
        None => Output::Writer(Box::new(std::io::stdout())),
    };
    match export_fallible(rows, format, args.preset, out, args.partition) {
        Ok(summary) => {
            if !args.quiet {
                let to = match (output, summary.files.len()) {
                    (None, _) => "standard output".to_string(),
                    (Some(p), n) if args.partition => format!("{} ({n} file(s))", p.display()),
                    (Some(p), _) => p.display().to_string(),
                };
                let skipped = match (summary.skipped, format) {
                    (0, _) => String::new(),
                    (n, Format::Geojson) => format!("; {n} without a location left out"),
                    (n, _) => format!("; {n} without a PLOVER type left out"),
                };
                let what = if format == Format::Plover {
                    "PLOVER JSON".to_string()
                } else {
                    format!("{} ({} layout)", format.name(), args.preset.name())
                };
                eprintln!("exported {} event(s) as {what} to {to}{skipped}", summary.rows);
            }
            ExitCode::SUCCESS
        }
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
