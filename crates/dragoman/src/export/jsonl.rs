//! JSON Lines: one object per event, keys in the preset's column order, numbers as
//! numbers, dates as `"YYYY-MM-DD"`, null for what is unknown.

use std::io::{BufWriter, Write};

use super::columns::{Preset, Value};
use super::write::{Out, RowSink};
use crate::event_row::EventRow;

pub struct JsonlSink<'a> {
    w: BufWriter<Out<'a>>,
    preset: Preset,
    line: String,
}

impl<'a> JsonlSink<'a> {
    pub fn new(out: Out<'a>, preset: Preset) -> Self {
        JsonlSink { w: BufWriter::with_capacity(1 << 16, out), preset, line: String::new() }
    }
}

pub(crate) fn push_json_str(out: &mut String, s: &str) {
    // serde_json escapes exactly as JSON requires.
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "null".into()));
}

pub(crate) fn push_value(out: &mut String, v: &Value<'_>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::F32(f) => out.push_str(&serde_json::to_string(f).unwrap_or_else(|_| "null".into())),
        Value::F64(f) => out.push_str(&serde_json::to_string(f).unwrap_or_else(|_| "null".into())),
        Value::Str(s) => push_json_str(out, s),
        Value::Date(d) => {
            out.push('"');
            out.push_str(&d.format("%Y-%m-%d").to_string());
            out.push('"');
        }
    }
}

impl RowSink for JsonlSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        self.line.clear();
        self.line.push('{');
        for (i, (col, v)) in self.preset.columns().iter().zip(self.preset.values(row)).enumerate() {
            if i > 0 {
                self.line.push(',');
            }
            push_json_str(&mut self.line, col.name);
            self.line.push(':');
            push_value(&mut self.line, &v);
        }
        self.line.push_str("}\n");
        self.w.write_all(self.line.as_bytes()).map_err(|e| e.to_string())?;
        Ok(true)
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let mut w = self.w;
        w.flush().map_err(|e| e.to_string())
    }
}
