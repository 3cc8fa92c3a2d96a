//! PLOVER JSON: one event record per line with the field names of the PLOVER
//! specification's "JSON Data Fields" chapter (Open Event Data Alliance, CC BY-SA
//! 4.0), plus Dragoman's own fields where the specification has no name for what
//! we know (the CAMEO code, the mention counts, the dictionary rule).
//!
//! PLOVER has no category for CAMEO's root 01 (public statements): an event whose
//! code has no PLOVER type has no value for the required `event` field and is left
//! out of the file (counted as skipped in the export summary).

use std::io::{BufWriter, Write};

use serde::Serialize;

use super::write::{Out, RowSink};
use crate::event_row::EventRow;

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    enddate: Option<&'a str>,
    source: Vec<Actor<'a>>,
    recipient: Vec<Actor<'a>>,
    event: Vec<&'a str>,
    mode: Option<&'a str>,
    context: Vec<&'a str>,
    quad_code: Option<u8>,
    event_scale: Option<f32>,
    event_loc: Option<Location<'a>>,
    event_text: Vec<&'a str>,
    cite_info: Cite<'a>,
    coder: &'static str,
    // Dragoman's fields.
    date_precision: &'a str,
    cameo: Cameo<'a>,
    num_mentions: u32,
    num_sources: u32,
    num_articles: u32,
    doc_id: &'a str,
    rule: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct Actor<'a> {
    /// The top-level (three-letter) code: a country, IGO, NGO …
    code: &'a str,
    /// The rest of the CAMEO code (GOV, MIL, REBISL …), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'a str>,
    /// The whole CAMEO actor code.
    actor_code: &'a str,
    /// The actor's label ("Russia: government", "NATO").
    identifier_text: &'a str,
    /// Dragoman's: the actor's country (ISO3), absent for organisations and regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
}

#[derive(Serialize)]
struct Location<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cc3: Option<&'a str>,
}

#[derive(Serialize)]
struct Cite<'a> {
    url: Option<&'a str>,
    publication: Option<&'a str>,
    codebook: &'static str,
}

#[derive(Serialize)]
struct Cameo<'a> {
    code: &'a str,
    root: &'a str,
    name: Option<&'a str>,
}

const CODER: &str = concat!("dragoman ", env!("CARGO_PKG_VERSION"));

fn actor<'a>(code: &'a str, name: &'a str, country: Option<&'a str>) -> Actor<'a> {
    let (top, rest) = if code.len() > 3 && code.is_char_boundary(3) { code.split_at(3) } else { (code, "") };
    Actor { code: top, sector: (!rest.is_empty()).then_some(rest), actor_code: code, identifier_text: name, country }
}

/// The PLOVER record of a stored event, None when its code has no PLOVER type.
pub fn plover_json(r: &EventRow) -> Option<String> {
    let kind = r.plover_type.as_deref().filter(|t| !t.is_empty())?;
    let record = Record {
        id: format!("dragoman-{}", r.event_id),
        date: &r.date,
        enddate: (r.date_end != r.date && !r.date_end.is_empty()).then_some(r.date_end.as_str()),
        source: vec![actor(&r.source_code, &r.source_name, r.source_country.as_deref())],
        recipient: r
            .target_code
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(|t| actor(t, r.target_name.as_deref().unwrap_or(""), r.target_country.as_deref()))
            .into_iter()
            .collect(),
        event: vec![kind],
        mode: r.plover_mode.as_deref().filter(|m| !m.is_empty()),
        context: Vec::new(),
        quad_code: r.quad_class,
        event_scale: r.goldstein,
        event_loc: r.location_name.as_deref().map(|name| Location {
            name,
            latitude: r.lat,
            longitude: r.lon,
            cc3: r.location_country.as_deref().filter(|c| c.len() == 3),
        }),
        event_text: vec![&r.sentence_text],
        cite_info: Cite {
            url: r.url.as_deref(),
            publication: r.outlet.as_deref(),
            codebook: "CAMEO, PLOVER types by the CAMEO-to-PLOVER table",
        },
        coder: CODER,
        date_precision: &r.date_precision,
        cameo: Cameo { code: &r.code, root: &r.root, name: r.code_name.as_deref() },
        num_mentions: r.num_mentions,
        num_sources: r.num_sources,
        num_articles: r.num_articles,
        doc_id: &r.doc_id,
        rule: &r.rule,
        description: &r.description,
    };
    serde_json::to_string(&record).ok()
}

pub struct PloverSink<'a> {
    w: BufWriter<Out<'a>>,
}

impl<'a> PloverSink<'a> {
    pub fn new(out: Out<'a>) -> Self {
        PloverSink { w: BufWriter::with_capacity(1 << 16, out) }
    }
}

impl RowSink for PloverSink<'_> {
    fn write(&mut self, row: &EventRow) -> Result<bool, String> {
        let Some(json) = plover_json(row) else { return Ok(false) };
        self.w.write_all(json.as_bytes()).and_then(|_| self.w.write_all(b"\n")).map_err(|e| e.to_string())?;
        Ok(true)
    }

    fn finish(self: Box<Self>) -> Result<(), String> {
        let mut w = self.w;
        w.flush().map_err(|e| e.to_string())
    }
}
