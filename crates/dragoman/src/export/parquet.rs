//! Parquet through arrow-rs: the preset's columns with their Arrow types, row groups
//! of 65,536 events, zstd compression, and the preset's name in the file's
//! key-value metadata (`dragoman.preset`).

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Float32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::columns::{Column, ColumnType, Preset, Value};
use super::write::{Out, RowSink};
use crate::event_row::EventRow;

/// Events per row group (and per Arrow batch).
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The Arrow schema of a preset.
pub fn schema(preset: Preset) -> SchemaRef {
    let fields: Vec<Field> =
        preset.columns().iter().map(|c| Field::new(c.name, arrow_type(c.kind), c.nullable)).collect();
    Arc::new(Schema::new(fields))
}

pub fn arrow_type(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Int64 => DataType::Int64,
        ColumnType::Int32 => DataType::Int32,
        ColumnType::Float32 => DataType::Float32,
        ColumnType::Float64 => DataType::Float64,
        ColumnType::Utf8 => DataType::Utf8,
        ColumnType::Date => DataType::Date32,
    }
}

enum Builder {
    I64(Int64Builder),
    I32(Int32Builder),
    F32(Float32Builder),
    F64(Float64Builder),
    Str(StringBuilder),
    Date(Date32Builder),
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

impl Builder {
    fn new(kind: ColumnType) -> Self {
        let n = ROW_GROUP_ROWS;
        match kind {
            ColumnType::Int64 => Builder::I64(Int64Builder::with_capacity(n)),
            ColumnType::Int32 => Builder::I32(Int32Builder::with_capacity(n)),
            ColumnType::Float32 => Builder::F32(Float32Builder::with_capacity(n)),
            ColumnType::Float64 => Builder::F64(Float64Builder::with_capacity(n)),
            ColumnType::Utf8 => Builder::Str(StringBuilder::with_capacity(n, n * 16)),
            ColumnType::Date => Builder::Date(Date32Builder::with_capacity(n)),
        }
    }

    /// Appends a cell; a value of the wrong kind (a bug) is written as null.
    fn append(&mut self, col: &Column, v: &Value<'_>) -> Result<(), String> {
        if matches!(v, Value::Null) && !col.nullable {
            return Err(format!("column {} has no value, and it cannot be null", col.name));
        }
        match (self, v) {
            (Builder::I64(b), Value::Int(i)) => b.append_value(*i),
            (Builder::I32(b), Value::Int(i)) => b.append_option(i32::try_from(*i).ok()),
            (Builder::F32(b), Value::F32(f)) => b.append_value(*f),
            (Builder::F64(b), Value::F64(f)) => b.append_value(*f),
            (Builder::Str(b), Value::Str(s)) => b.append_value(s),
            (Builder::Date(b), Value::Date(d)) => {
                b.append_value(i32::try_from((*d - EPOCH).num_days()).unwrap_or(i32::MAX))
            }
            (Builder::I64(b), _) => b.append_null(),
            (Builder::I32(b), _) => b.append_null(),
            (Builder::F32(b), _) => b.append_null(),
            (Builder::F64(b), _) => b.append_null(),
            (Builder::Str(b), _) => b.append_null(),
            (Builder::Date(b), _) => b.append_null(),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::I64(b) => Arc::new(b.finish()),
            Builder::I32(b) => Arc::new(b.finish()),
            Builder::F32(b) => Arc::new(b.finish()),
            Builder::F64(b) => Arc::new(b.finish()),
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
        }
    }
}

pub struct ParquetSink<'a> {
    writer: ArrowWriter<Out<'a>>,
    schema: SchemaRef,
    preset: Preset,
    builders: Vec<Builder>,
    pending: usize,
}

impl<'a> ParquetSink<'a> {
    pub fn new(out: Out<'a>, preset: Preset) -> Result<Self, String> {
        let schema = schema(preset);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(|e| e.to_string())?))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(concat!("dragoman ", env!("CARGO_PKG_VERSION")).to_string())
            .set_key_value_metadata(Some(vec![KeyValue::new("dragoman.preset".to_string(), preset.name().to_string())]))
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(|e| e.to_string())?;
        let builders = preset.columns().iter().map(|c| Builder::new(c.kind)).collect();
        Ok(ParquetSink { writer, schema, preset, builders, pending: 0 })
    }

    fn flush_batch(&mut self) -> Result<(), String> {
        if self.pending == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| e.to_string())?;
        self.writer.write(&batch).map_err(|e| e.to_string())?;
        self.pending = 0;
        Ok(())
    }
}

impl RowSink for ParquetSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        let columns = self.preset.columns();
        let values = self.preset.values(row);
        for ((b, col), v) in self.builders.iter_mut().zip(columns).zip(&values) {
            b.append(col, v).map_err(|e| format!("event {}: {e}", row.event_id))?;
        }
        self.pending += 1;
        if self.pending >= ROW_GROUP_ROWS {
            self.flush_batch()?;
        }
        Ok(true)
    }

    fn finish(mut self: Box<Self>) -> Result<(), String> {
        self.flush_batch()?;
        let mut out = self.writer.into_inner().map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())
    }
}
