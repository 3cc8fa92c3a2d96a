//! Exports of stored events: CSV, TSV, JSON Lines, Parquet, PLOVER JSON and GeoJSON, in the
//! full layout or the Phoenix and GDELT-like presets, to one file, a stream, or a
//! directory partitioned by month.
//!
//! `export` takes any iterator of `EventRow`s, so it knows nothing of the database:
//! the command (`cli`) reads and filters the rows and hands them over. Files are
//! written under a temporary name and renamed when complete, so an interrupted or
//! failed export never leaves a truncated file where a good one is expected.
//! Layouts, types and conventions are documented in `docs/export.md`.

mod cli;
mod columns;
mod delimited;
mod geojson;
mod jsonl;
mod parquet;
mod plover;
mod write;

pub use cli::{run_export, ExportArgs};
