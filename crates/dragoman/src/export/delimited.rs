//! CSV (RFC 4180, with a header row) and TSV (a header row, no quoting: tabs,
//! newlines and backslashes inside values are written as `\t`, `\n`, `\r`, `\\`,
//! the convention of PostgreSQL's COPY and of "linear TSV").

use std::io::{BufWriter, Write};

use super::columns::{Preset, Value};
use super::write::{Out, RowSink};
use crate::event_row::EventRow;

/// A cell as text: empty for null, `YYYY-MM-DD` for dates, the shortest decimal
/// that reads back as the same number for floats.
pub fn cell_text(v: &Value<'_>) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::F32(f) if f.is_finite() => f.to_string(),
        Value::F64(f) if f.is_finite() => f.to_string(),
        Value::F32(_) | Value::F64(_) => String::new(),
        Value::Str(s) => s.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
    }
}

pub struct CsvSink<'a> {
    w: csv::Writer<Out<'a>>,
    preset: Preset,
}

impl<'a> CsvSink<'a> {
    pub fn new(out: Out<'a>, preset: Preset) -> Result<Self, String> {
        let mut w = csv::WriterBuilder::new().buffer_capacity(1 << 16).from_writer(out);
        w.write_record(preset.columns().iter().map(|c| c.name)).map_err(|e| e.to_string())?;
        Ok(CsvSink { w, preset })
    }
}

impl RowSink for CsvSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        let cells: Vec<String> = self.preset.values(row).iter().map(cell_text).collect();
        self.w.write_record(&cells).map_err(|e| e.to_string())?;
        Ok(true)
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let mut w = self.w;
        w.flush().map_err(|e| e.to_string())
    }
}

/// A value made safe for one TSV cell.
pub fn tsv_escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\t', '\n', '\r', '\\']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

pub struct TsvSink<'a> {
    w: BufWriter<Out<'a>>,
    preset: Preset,
    line: String,
}

impl<'a> TsvSink<'a> {
    pub fn new(out: Out<'a>, preset: Preset) -> Result<Self, String> {
        let mut w = BufWriter::with_capacity(1 << 16, out);
        let header: Vec<&str> = preset.columns().iter().map(|c| c.name).collect();
        writeln!(w, "{}", header.join("\t")).map_err(|e| e.to_string())?;
        Ok(TsvSink { w, preset, line: String::new() })
    }
}

impl RowSink for TsvSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        self.line.clear();
        for (i, v) in self.preset.values(row).iter().enumerate() {
            if i > 0 {
                self.line.push('\t');
            }
            self.line.push_str(&tsv_escape(&cell_text(v)));
        }
        self.line.push('\n');
        self.w.write_all(self.line.as_bytes()).map_err(|e| e.to_string())?;
        Ok(true)
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let mut w = self.w;
        w.flush().map_err(|e| e.to_string())
    }
}
