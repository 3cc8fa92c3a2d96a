//! The export itself: a format's writer over an iterator of events, to a file, a
//! stream or month partitions.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::columns::{self, Preset};
use super::{delimited, jsonl, parquet, plover};
use crate::event_row::EventRow;

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// Tab-separated values with a header row; tabs, newlines and backslashes in
    /// values escaped as \t, \n, \\.
    Tsv,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet with typed columns (zstd).
    Parquet,
    /// PLOVER JSON records, one per line.
    Plover,
}

impl Format {
    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
            Format::Plover => "plover",
        }
    }

    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
            Format::Plover => "plover.jsonl",
        }
    }
}

/// Where an export goes.
pub enum Output<'a> {
    /// A file; with partitioning, a directory (created; it must be new or empty).
    Path(&'a Path),
    /// An open stream such as standard output (not with partitioning).
    Writer(Box<dyn Write + Send + 'a>),
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSummary {
    /// Events written.
    pub rows: u64,
    /// Events left out because the format has no place for them (PLOVER JSON:
    /// events without a PLOVER type).
    pub skipped: u64,
    /// Files written, in partition order (empty for a stream).
    pub files: Vec<PathBuf>,
}

/// An open output stream.
pub(crate) type Out<'a> = Box<dyn Write + Send + 'a>;

/// A format's writer.
pub(crate) trait RowSink {
    /// Writes one event; false when the format has no place for it.
    fn write(&mut self, row: &EventRow) -> Result<bool, String>;
    /// Completes the output (a Parquet footer, say) and flushes it.
    fn finish(self: Box<Self>) -> Result<(), String>;
}

fn sink<'a>(format: Format, preset: Preset, out: Out<'a>) -> Result<Box<dyn RowSink + 'a>, String> {
    Ok(match format {
        Format::Csv => Box::new(delimited::CsvSink::new(out, preset)?),
        Format::Tsv => Box::new(delimited::TsvSink::new(out, preset)?),
        Format::Jsonl => Box::new(jsonl::JsonlSink::new(out, preset)),
        Format::Parquet => Box::new(parquet::ParquetSink::new(out, preset)?),
        Format::Plover => Box::new(plover::PloverSink::new(out)),
    })
}

/// The Hive-style partition directory of an event: `year_month=2024-01`, or Hive's
/// name for a null partition when the event has no valid date.
pub fn partition_of(row: &EventRow) -> String {
    match columns::parse_day(&row.date) {
        Some(d) => format!("year_month={}", d.format("%Y-%m")),
        None => "year_month=__HIVE_DEFAULT_PARTITION__".to_string(),
    }
}

/// A file being written under a temporary name beside its final one.
struct PendingFile {
    tmp: PathBuf,
    path: PathBuf,
}

impl PendingFile {
    fn create(path: &Path) -> Result<(Self, Out<'static>), String> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("export");
        let tmp = path.with_file_name(format!(".{name}.partial"));
        let file = File::create(&tmp).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        Ok((PendingFile { tmp, path: path.to_path_buf() }, Box::new(BufWriter::with_capacity(1 << 16, file))))
    }

    fn commit(&self) -> Result<(), String> {
        fs::rename(&self.tmp, &self.path)
            .map_err(|e| format!("cannot move {} to {}: {e}", self.tmp.display(), self.path.display()))
    }

    fn discard(&self) {
        let _ = fs::remove_file(&self.tmp);
    }
}

/// Writes `rows` in `format` with the `preset`'s columns to `out`. With
/// `partition_by_month`, `out` must be a directory path: each month's events go to
/// `year_month=YYYY-MM/part-0.<ext>` under it (Hive-style, as Spark, DuckDB, Trino
/// and BigQuery read partitioned data sets).
pub fn export(
    rows: impl Iterator<Item = EventRow>,
    format: Format,
    preset: Preset,
    out: Output<'_>,
    partition_by_month: bool,
) -> Result<ExportSummary, String> {
    if format == Format::Plover && preset != Preset::Full {
        return Err("PLOVER JSON has its own fields; --preset applies to csv, tsv, jsonl and parquet".into());
    }
    match (out, partition_by_month) {
        (Output::Writer(w), false) => {
            let mut summary = ExportSummary::default();
            let mut s = sink(format, preset, w)?;
            for row in rows {
                count(&mut summary, s.write(&row)?);
            }
            s.finish()?;
            Ok(summary)
        }
        (Output::Writer(_), true) => Err("a partitioned export needs an output directory (--output DIR)".into()),
        (Output::Path(path), false) => {
            let (pending, w) = PendingFile::create(path)?;
            let result = write_all(rows, format, preset, w);
            match result.and_then(|s| pending.commit().map(|_| s)) {
                Ok(mut summary) => {
                    summary.files.push(path.to_path_buf());
                    Ok(summary)
                }
                Err(e) => {
                    pending.discard();
                    Err(e)
                }
            }
        }
        (Output::Path(dir), true) => export_partitioned(rows, format, preset, dir),
    }
}

fn count(summary: &mut ExportSummary, written: bool) {
    if written {
        summary.rows += 1;
    } else {
        summary.skipped += 1;
    }
}

fn write_all(
    rows: impl Iterator<Item = EventRow>,
    format: Format,
    preset: Preset,
    w: Out<'_>,
) -> Result<ExportSummary, String> {
    let mut summary = ExportSummary::default();
    let mut s = sink(format, preset, w)?;
    for row in rows {
        count(&mut summary, s.write(&row)?);
    }
    s.finish()?;
    Ok(summary)
}

/// Writes one file per month. The rows are ordered by month first (stably, so the
/// order within a month is kept): rows from the store are in memory already, and a
/// single open writer then produces exactly one `part-0` file per partition
/// whatever order the rows came in.
fn export_partitioned(
    rows: impl Iterator<Item = EventRow>,
    format: Format,
    preset: Preset,
    dir: &Path,
) -> Result<ExportSummary, String> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!("{} is not empty; a partitioned export needs a new or empty directory", dir.display()));
        }
    } else {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut rows: Vec<(String, EventRow)> = rows.map(|r| (partition_of(&r), r)).collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let file_name = format!("part-0.{}", format.extension());
    let mut summary = ExportSummary::default();
    let mut written: Vec<PendingFile> = Vec::new();
    let mut current: Option<(String, Box<dyn RowSink>)> = None;
    let result = (|| {
        for (part, row) in &rows {
            if current.as_ref().is_none_or(|(p, _)| p != part) {
                if let Some((_, s)) = current.take() {
                    s.finish()?;
                }
                let sub = dir.join(part);
                fs::create_dir_all(&sub).map_err(|e| format!("cannot create {}: {e}", sub.display()))?;
                let (pending, w) = PendingFile::create(&sub.join(&file_name))?;
                written.push(pending);
                current = Some((part.clone(), sink(format, preset, w)?));
            }
            let (_, s) = current.as_mut().expect("opened above");
            count(&mut summary, s.write(row)?);
        }
        if let Some((_, s)) = current.take() {
            s.finish()?;
        }
        Ok::<(), String>(())
    })();
    if let Err(e) = result {
        for p in &written {
            p.discard();
            if let Some(sub) = p.path.parent() {
                let _ = fs::remove_dir(sub);
            }
        }
        return Err(e);
    }
    for p in &written {
        p.commit()?;
        summary.files.push(p.path.clone());
    }
    Ok(summary)
}
