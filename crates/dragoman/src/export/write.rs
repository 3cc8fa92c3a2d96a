//! The export itself: a format's writer over an iterator of events, to a file, a
//! stream or month partitions.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::columns::{self, Preset};
use super::{delimited, geojson, jsonl, parquet, plover};
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
    /// A GeoJSON FeatureCollection of the located events (Points at [lon, lat],
    /// the columns as properties), for QGIS and web maps.
    Geojson,
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
            Format::Geojson => "geojson",
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
            Format::Geojson => "geojson",
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
    /// events without a PLOVER type; GeoJSON: events without a location).
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
        Format::Geojson => Box::new(geojson::GeoJsonSink::new(out, preset)?),
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

/// A file being written under a temporary name beside its final one, renamed over
/// it when complete. The temporary name is unique to the process and the call, so
/// two exports to the same file never write into each other's; it is removed when
/// the file is dropped without being committed (an error, a panic), and on Ctrl-C,
/// SIGTERM or SIGHUP by [`crate::interrupt`], where it is registered while it exists.
struct PendingFile {
    tmp: PathBuf,
    path: PathBuf,
    committed: bool,
}

impl PendingFile {
    /// `own_folder`: `path`'s folder is made for this file (a month of a partitioned
    /// export), together with it, so that an interrupt never finds the folder
    /// without the file; it is removed with the file when left empty.
    fn create(path: &Path, own_folder: bool) -> Result<(Self, Out<'static>), String> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("export");
        // A replaced file keeps its permissions.
        let permissions = fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
        loop {
            let n = N.fetch_add(1, Ordering::Relaxed);
            let tmp = path.with_file_name(format!(".{name}.{}-{n}.partial", std::process::id()));
            let folder_failed = std::cell::Cell::new(false);
            let open = || {
                if let Some(dir) = path.parent().filter(|_| own_folder) {
                    fs::create_dir_all(dir).inspect_err(|_| folder_failed.set(true))?;
                }
                fs::OpenOptions::new().write(true).create_new(true).open(&tmp)
            };
            match crate::interrupt::create(&tmp, path, own_folder, open) {
                Ok(file) => {
                    let pending = PendingFile { tmp, path: path.to_path_buf(), committed: false };
                    if let Some(p) = permissions {
                        let _ = file.set_permissions(p);
                    }
                    return Ok((pending, Box::new(BufWriter::with_capacity(1 << 16, file))));
                }
                Err(e) if folder_failed.get() => {
                    let dir = path.parent().unwrap_or(path);
                    return Err(format!("cannot create {}: {e}", dir.display()));
                }
                // Left by a process with our id long gone: take the next name.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => continue,
                Err(e) => return Err(format!("cannot write {}: {e}", tmp.display())),
            }
        }
    }

    fn commit(&mut self) -> Result<(), String> {
        crate::interrupt::commit(&self.tmp, &self.path)
            .map_err(|e| format!("cannot move {} to {}: {e}", self.tmp.display(), self.path.display()))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.committed {
            crate::interrupt::discard(&self.tmp);
        }
    }
}

/// The file a path names once its symbolic links are followed (the link itself is
/// kept, and what it points to is written), even when that file does not exist yet.
fn follow_links(path: &Path) -> Result<PathBuf, String> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p).map_err(|e| format!("cannot read the link {}: {e}", p.display()))?;
                // A relative link is relative to the link's folder; an absolute one replaces it.
                p = p.parent().map_or_else(|| to.clone(), |dir| dir.join(&to));
            }
            _ => return Ok(p),
        }
    }
    Err(format!("{}: too many levels of symbolic links", path.display()))
}

/// How a single-file export reaches its path.
enum Target {
    /// A regular file, new or replaced whole when the export is complete.
    Replace(PendingFile),
    /// Something that is not a regular file (a device such as /dev/null, a FIFO, a
    /// terminal), written in place: renaming over it would put a regular file where
    /// it stood.
    InPlace,
}

fn open_target(path: &Path) -> Result<(Target, Out<'static>), String> {
    let real = follow_links(path)?;
    match fs::metadata(&real) {
        Ok(m) if m.is_dir() => Err(format!(
            "{} is a directory; give a file name, or --partition to write month files under it",
            path.display()
        )),
        Ok(m) if !m.is_file() => {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(&real)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok((Target::InPlace, Box::new(BufWriter::with_capacity(1 << 16, file))))
        }
        _ => {
            let (pending, w) = PendingFile::create(&real, false)?;
            Ok((Target::Replace(pending), w))
        }
    }
}

/// Writes `rows` in `format` with the `preset`'s columns to `out`. With
/// `partition_by_month`, `out` must be a directory path: each month's events go to
/// `year_month=YYYY-MM/part-0.<ext>` under it (Hive-style, as Spark, DuckDB, Trino
/// and BigQuery read partitioned data sets).
#[allow(dead_code)] // the command reads fallibly; tests/export.rs writes made-up rows
pub fn export(
    rows: impl Iterator<Item = EventRow>,
    format: Format,
    preset: Preset,
    out: Output<'_>,
    partition_by_month: bool,
) -> Result<ExportSummary, String> {
    export_fallible(rows.map(Ok), format, preset, out, partition_by_month)
}

/// [`export`] over rows whose reading may fail (from the database, say): the first
/// error stops the export and is returned, and no file is put in place, so a failed
/// read never leaves a truncated export where a complete one is expected.
pub fn export_fallible(
    rows: impl Iterator<Item = Result<EventRow, String>>,
    format: Format,
    preset: Preset,
    out: Output<'_>,
    partition_by_month: bool,
) -> Result<ExportSummary, String> {
    if format == Format::Plover && preset != Preset::Full {
        return Err("PLOVER JSON has its own fields; --preset applies to csv, tsv, jsonl and parquet".into());
    }
    match (out, partition_by_month) {
        (Output::Writer(w), false) => write_all(rows, format, preset, w),
        (Output::Writer(_), true) => Err("a partitioned export needs an output directory (--output DIR)".into()),
        (Output::Path(path), false) => {
            let (target, w) = open_target(path)?;
            let mut summary = write_all(rows, format, preset, w)?;
            // Dropped on error above: the temporary file goes with it.
            if let Target::Replace(mut pending) = target {
                pending.commit()?;
            }
            summary.files.push(path.to_path_buf());
            Ok(summary)
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
    rows: impl Iterator<Item = Result<EventRow, String>>,
    format: Format,
    preset: Preset,
    w: Out<'_>,
) -> Result<ExportSummary, String> {
    let mut summary = ExportSummary::default();
    let mut s = sink(format, preset, w)?;
    for row in rows {
        count(&mut summary, s.write(&row?)?);
    }
    s.finish()?;
    Ok(summary)
}

/// Writes one file per month, streaming: rows go to the open file of their month,
/// and a new month closes it, so memory stays that of one writer however many rows
/// there are. The store hands rows over oldest first, so each month is one
/// `part-0` file; rows that come back to a month already closed (a caller's own
/// order) go to its next file, `part-1`, which Hive readers take as the same
/// partition. Within a file the rows keep their order.
fn export_partitioned(
    rows: impl Iterator<Item = Result<EventRow, String>>,
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
    let mut summary = ExportSummary::default();
    let mut written: Vec<PendingFile> = Vec::new();
    let mut current: Option<(String, Box<dyn RowSink>)> = None;
    // Files opened so far per partition, for the next one's number.
    let mut parts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let result = (|| {
        for row in rows {
            let row = row?;
            let part = partition_of(&row);
            if current.as_ref().is_none_or(|(p, _)| *p != part) {
                if let Some((_, s)) = current.take() {
                    s.finish()?;
                }
                let n = parts.entry(part.clone()).or_insert(0);
                let file = dir.join(&part).join(format!("part-{n}.{}", format.extension()));
                let (pending, w) = PendingFile::create(&file, true)?;
                *n += 1;
                written.push(pending);
                current = Some((part, sink(format, preset, w)?));
            }
            let (_, s) = current.as_mut().expect("opened above");
            count(&mut summary, s.write(&row)?);
        }
        if let Some((_, s)) = current.take() {
            s.finish()?;
        }
        Ok::<(), String>(())
    })();
    if let Err(e) = result {
        let subs: Vec<PathBuf> = written.iter().filter_map(|p| p.path.parent().map(Path::to_path_buf)).collect();
        drop(written);
        for sub in subs {
            let _ = fs::remove_dir(sub);
        }
        return Err(e);
    }
    for p in &mut written {
        p.commit()?;
        summary.files.push(p.path.clone());
    }
    Ok(summary)
}
