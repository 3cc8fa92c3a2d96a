//! GeoJSON (RFC 7946): one FeatureCollection of the located events, each a Point
//! at `[lon, lat]` with the preset's columns as its properties, for QGIS, Leaflet,
//! Mapbox, kepler.gl and geopandas.
//!
//! Events without coordinates have no place on a map: they are left out and
//! counted (the summary's `skipped`), as PLOVER JSON leaves out events without a
//! PLOVER type. A Feature a line keeps the file readable and `grep`-able while the
//! whole stays one JSON document.

use std::io::{BufWriter, Write};

use super::columns::Preset;
use super::jsonl::{push_json_str, push_value};
use super::write::{Out, RowSink};
use crate::event_row::EventRow;

pub struct GeoJsonSink<'a> {
    w: BufWriter<Out<'a>>,
    preset: Preset,
    features: u64,
    line: String,
}

impl<'a> GeoJsonSink<'a> {
    pub fn new(out: Out<'a>, preset: Preset) -> Result<Self, String> {
        let mut w = BufWriter::with_capacity(1 << 16, out);
        w.write_all(br#"{"type":"FeatureCollection","features":["#).map_err(|e| e.to_string())?;
        Ok(GeoJsonSink { w, preset, features: 0, line: String::new() })
    }
}

/// The event's position as GeoJSON writes it, `[lon, lat]`, when it has one that
/// is on the globe.
pub fn position(row: &EventRow) -> Option<(f64, f64)> {
    let (lat, lon) = (row.lat?, row.lon?);
    let on_globe =
        lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    on_globe.then_some((lon, lat))
}

impl RowSink for GeoJsonSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        let Some((lon, lat)) = position(row) else { return Ok(false) };
        let l = &mut self.line;
        l.clear();
        l.push_str(if self.features == 0 { "\n" } else { ",\n" });
        l.push_str(r#"{"type":"Feature","id":"#);
        l.push_str(&row.event_id.to_string());
        l.push_str(r#","geometry":{"type":"Point","coordinates":["#);
        push_value(l, &super::columns::Value::F64(lon));
        l.push(',');
        push_value(l, &super::columns::Value::F64(lat));
        l.push_str(r#"]},"properties":{"#);
        for (i, (col, v)) in self.preset.columns().iter().zip(self.preset.values(row)).enumerate() {
            if i > 0 {
                l.push(',');
            }
            push_json_str(l, col.name);
            l.push(':');
            push_value(l, &v);
        }
        l.push_str("}}");
        self.w.write_all(self.line.as_bytes()).map_err(|e| e.to_string())?;
        self.features += 1;
        Ok(true)
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let mut w = self.w;
        w.write_all(b"\n]}\n").and_then(|_| w.flush()).map_err(|e| e.to_string())
    }
}
