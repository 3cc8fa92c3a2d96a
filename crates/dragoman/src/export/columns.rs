//! The column layouts (presets) and the typed values of an event in each.
//!
//! Every tabular format (CSV, TSV, JSON Lines, Parquet) writes the same columns
//! with the same types, so a file's schema does not depend on its format. The
//! layouts and their sources are documented in `docs/export.md`; keep the two in
//! step.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::event_row::EventRow;

/// A column's type: Arrow's in Parquet, JSON's in JSON Lines, text in CSV/TSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int64,
    Int32,
    Float32,
    Float64,
    Utf8,
    /// A calendar day (Arrow Date32; `YYYY-MM-DD` in text and JSON).
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnType,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: ColumnType, nullable: bool) -> Column {
    Column { name, kind, nullable }
}

use ColumnType::{Date, Float32, Float64, Int32, Int64, Utf8};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    F32(f32),
    F64(f64),
    Str(Cow<'a, str>),
    Date(NaiveDate),
}

/// Which columns to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Preset {
    /// Every field of the stored event, under its own name.
    #[default]
    Full,
    /// The Phoenix data set's 26 columns, in its order.
    Phoenix,
    /// A subset of GDELT 2.0's event table columns, in GDELT's order.
    Gdelt,
}

impl Preset {
    pub fn name(self) -> &'static str {
        match self {
            Preset::Full => "full",
            Preset::Phoenix => "phoenix",
            Preset::Gdelt => "gdelt",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Preset::Full => FULL,
            Preset::Phoenix => PHOENIX,
            Preset::Gdelt => GDELT,
        }
    }

    /// The row's cells, one per column of `columns()`.
    pub fn values(self, row: &EventRow) -> Vec<Value<'_>> {
        match self {
            Preset::Full => full_values(row),
            Preset::Phoenix => phoenix_values(row),
            Preset::Gdelt => gdelt_values(row),
        }
    }
}

pub const FULL: &[Column] = &[
    col("event_id", Int64, false),
    col("date", Date, true),
    col("date_end", Date, true),
    col("date_precision", Utf8, false),
    col("source_code", Utf8, false),
    col("source_name", Utf8, false),
    col("source_country", Utf8, true),
    col("source_sector", Utf8, true),
    col("target_code", Utf8, true),
    col("target_name", Utf8, true),
    col("target_country", Utf8, true),
    col("target_sector", Utf8, true),
    col("code", Utf8, false),
    col("root", Utf8, false),
    col("code_name", Utf8, true),
    col("description", Utf8, false),
    col("quad_class", Int32, true),
    col("goldstein", Float32, true),
    col("plover_type", Utf8, true),
    col("plover_mode", Utf8, true),
    col("location_name", Utf8, true),
    col("location_country", Utf8, true),
    col("lat", Float64, true),
    col("lon", Float64, true),
    col("num_mentions", Int32, false),
    col("num_sources", Int32, false),
    col("num_articles", Int32, false),
    col("doc_id", Utf8, false),
    col("url", Utf8, true),
    col("outlet", Utf8, true),
    col("sentence_text", Utf8, false),
    col("rule", Utf8, false),
];

/// The Phoenix data set's layout (Open Event Data Alliance, 2014–): the fields its
/// pipeline writes, in order, under the names of its published header.
pub const PHOENIX: &[Column] = &[
    col("EventID", Int64, false),
    col("Date", Int32, true),
    col("Year", Int32, true),
    col("Month", Int32, true),
    col("Day", Int32, true),
    col("SourceActorFull", Utf8, false),
    col("SourceActorEntity", Utf8, true),
    col("SourceActorRole", Utf8, true),
    col("SourceActorAttribute", Utf8, true),
    col("TargetActorFull", Utf8, true),
    col("TargetActorEntity", Utf8, true),
    col("TargetActorRole", Utf8, true),
    col("TargetActorAttribute", Utf8, true),
    col("EventCode", Utf8, false),
    col("EventRootCode", Utf8, false),
    col("PentaClass", Int32, true),
    col("GoldsteinScore", Float32, true),
    col("Issues", Utf8, true),
    col("Lat", Float64, true),
    col("Lon", Float64, true),
    col("LocationName", Utf8, true),
    col("StateName", Utf8, true),
    col("CountryCode", Utf8, true),
    col("SentenceID", Utf8, false),
    col("URLs", Utf8, true),
    col("NewsSources", Utf8, true),
    // Not Phoenix's: Dragoman's labels, after its columns so their positions hold.
    col("SourceActorName", Utf8, false),
    col("TargetActorName", Utf8, true),
    col("Description", Utf8, false),
];

/// GDELT 2.0 event table columns we can fill, in GDELT's order and spelling.
pub const GDELT: &[Column] = &[
    col("GlobalEventID", Int64, false),
    col("Day", Int32, true),
    col("MonthYear", Int32, true),
    col("Year", Int32, true),
    col("FractionDate", Float64, true),
    col("Actor1Code", Utf8, false),
    col("Actor1Name", Utf8, false),
    col("Actor1CountryCode", Utf8, true),
    col("Actor1Type1Code", Utf8, true),
    col("Actor2Code", Utf8, true),
    col("Actor2Name", Utf8, true),
    col("Actor2CountryCode", Utf8, true),
    col("Actor2Type1Code", Utf8, true),
    col("IsRootEvent", Int32, true),
    col("EventCode", Utf8, false),
    col("EventBaseCode", Utf8, false),
    col("EventRootCode", Utf8, false),
    col("QuadClass", Int32, true),
    col("GoldsteinScale", Float32, true),
    col("NumMentions", Int32, false),
    col("NumSources", Int32, false),
    col("NumArticles", Int32, false),
    col("AvgTone", Float64, true),
    col("ActionGeo_FullName", Utf8, true),
    col("ActionGeo_CountryCode", Utf8, true),
    col("ActionGeo_Lat", Float64, true),
    col("ActionGeo_Long", Float64, true),
    col("DATEADDED", Int64, true),
    col("SOURCEURL", Utf8, true),
    // Not GDELT's: Dragoman's one-line description, after GDELT's columns.
    col("Description", Utf8, false),
];

fn s(v: &str) -> Value<'_> {
    Value::Str(Cow::Borrowed(v))
}

fn opt(v: &Option<String>) -> Value<'_> {
    v.as_deref().filter(|s| !s.is_empty()).map_or(Value::Null, s)
}

fn owned(v: Option<String>) -> Value<'static> {
    v.filter(|s| !s.is_empty()).map_or(Value::Null, |s| Value::Str(Cow::Owned(s)))
}

fn count(n: u32) -> Value<'static> {
    Value::Int(i64::from(n))
}

/// A stored date (`YYYY-MM-DD`); anything else is null.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

fn date_or_null(s: &str) -> Value<'static> {
    parse_day(s).map_or(Value::Null, Value::Date)
}

fn full_values(r: &EventRow) -> Vec<Value<'_>> {
    vec![
        Value::Int(r.event_id),
        date_or_null(&r.date),
        date_or_null(&r.date_end),
        s(&r.date_precision),
        s(&r.source_code),
        s(&r.source_name),
        opt(&r.source_country),
        opt(&r.source_sector),
        opt(&r.target_code),
        opt(&r.target_name),
        opt(&r.target_country),
        opt(&r.target_sector),
        s(&r.code),
        s(&r.root),
        opt(&r.code_name),
        s(&r.description),
        r.quad_class.map_or(Value::Null, |q| Value::Int(q.into())),
        r.goldstein.map_or(Value::Null, Value::F32),
        opt(&r.plover_type),
        opt(&r.plover_mode),
        opt(&r.location_name),
        opt(&r.location_country),
        r.lat.map_or(Value::Null, Value::F64),
        r.lon.map_or(Value::Null, Value::F64),
        count(r.num_mentions),
        count(r.num_sources),
        count(r.num_articles),
        s(&r.doc_id),
        opt(&r.url),
        opt(&r.outlet),
        s(&r.sentence_text),
        s(&r.rule),
    ]
}

/// CAMEO primary agents: the second part of a composed actor code (RUS·GOV).
const AGENTS: &[&str] = &["GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL"];

/// Top-level codes that are organisations, not countries.
const NON_STATE_ROOTS: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// An actor code split as Phoenix splits it: the root (a country or IGO/NGO/IMG/MNC
/// code, the first three letters), the primary agent (GOV, MIL …, the next three)
/// and the other three-letter parts joined by `;`. "RUSGOVMOD" → (RUS, GOV, MOD).
pub fn split_actor(code: &str) -> (Option<&str>, Option<&str>, Option<String>) {
    let chunks: Vec<&str> = (0..code.len()).step_by(3).filter_map(|i| code.get(i..(i + 3).min(code.len()))).collect();
    let mut rest = &chunks[..];
    let root = match rest.first() {
        Some(c) if c.len() == 3 && !AGENTS.contains(c) => {
            rest = &rest[1..];
            Some(*c)
        }
        _ => None,
    };
    let agent = match rest.first() {
        Some(c) if AGENTS.contains(c) => {
            rest = &rest[1..];
            Some(*c)
        }
        _ => None,
    };
    let others = (!rest.is_empty()).then(|| rest.join(";"));
    (root, agent, others)
}

/// Phoenix's own five-way class of a CAMEO root: 0 neutral (01–02), 1 verbal
/// cooperation (03–05), 2 material cooperation (06–08), 3 verbal conflict (09–13,
/// 16), 4 material conflict (14–15, 17–20).
pub fn penta_class(root: &str) -> Option<i64> {
    let r: u32 = root.get(..2)?.parse().ok()?;
    Some(match r {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => return None,
    })
}

fn ymd(d: Option<NaiveDate>) -> Value<'static> {
    d.map_or(Value::Null, |d| Value::Int(i64::from(d.year()) * 10000 + i64::from(d.month()) * 100 + i64::from(d.day())))
}

fn phoenix_values(r: &EventRow) -> Vec<Value<'_>> {
    let day = parse_day(&r.date);
    let (s_root, s_agent, s_other) = split_actor(&r.source_code);
    let (t_root, t_agent, t_other) = r.target_code.as_deref().map(split_actor).unwrap_or((None, None, None));
    let o = |v: Option<&str>| v.map_or(Value::Null, |x| Value::Str(Cow::Owned(x.to_string())));
    vec![
        Value::Int(r.event_id),
        ymd(day),
        day.map_or(Value::Null, |d| Value::Int(d.year().into())),
        day.map_or(Value::Null, |d| Value::Int(d.month().into())),
        day.map_or(Value::Null, |d| Value::Int(d.day().into())),
        s(&r.source_code),
        o(s_root),
        o(s_agent),
        owned(s_other),
        opt(&r.target_code),
        o(t_root),
        o(t_agent),
        owned(t_other),
        s(&r.code),
        s(&r.root),
        penta_class(&r.root).map_or(Value::Null, Value::Int),
        r.goldstein.map_or(Value::Null, Value::F32),
        Value::Null,
        r.lat.map_or(Value::Null, Value::F64),
        r.lon.map_or(Value::Null, Value::F64),
        opt(&r.location_name),
        Value::Null,
        opt(&r.location_country),
        s(&r.doc_id),
        opt(&r.url),
        opt(&r.outlet),
        s(&r.source_name),
        opt(&r.target_name),
        s(&r.description),
    ]
}

/// GDELT's FractionDate: the year plus the share of it gone by at the start of the
/// day, to four places (2024-07-01 → 2024.4973).
pub fn fraction_date(d: NaiveDate) -> f64 {
    let days = if NaiveDate::from_ymd_opt(d.year(), 2, 29).is_some() { 366.0 } else { 365.0 };
    let f = f64::from(d.year()) + f64::from(d.ordinal0()) / days;
    (f * 10000.0).round() / 10000.0
}

/// GDELT's Actor1CountryCode: the code's first three letters when they name a
/// country or region (GDELT's convention, which keeps regions such as WST and AFR;
/// the `full` layout's `source_country` is a country only).
fn country_of(code: &str) -> Option<&str> {
    split_actor(code).0.filter(|r| !NON_STATE_ROOTS.contains(r))
}

fn gdelt_values(r: &EventRow) -> Vec<Value<'_>> {
    let day = parse_day(&r.date);
    let target = r.target_code.as_deref().filter(|t| !t.is_empty());
    let o = |v: Option<&str>| v.map_or(Value::Null, |x| Value::Str(Cow::Owned(x.to_string())));
    let base = r.code.get(..3).unwrap_or(&r.code);
    vec![
        Value::Int(r.event_id),
        ymd(day),
        day.map_or(Value::Null, |d| Value::Int(i64::from(d.year()) * 100 + i64::from(d.month()))),
        day.map_or(Value::Null, |d| Value::Int(d.year().into())),
        day.map_or(Value::Null, |d| Value::F64(fraction_date(d))),
        s(&r.source_code),
        s(&r.source_name),
        o(country_of(&r.source_code)),
        o(split_actor(&r.source_code).1),
        opt(&r.target_code),
        opt(&r.target_name),
        o(target.and_then(country_of)),
        o(target.and_then(|t| split_actor(t).1)),
        Value::Null,
        s(&r.code),
        s(base),
        s(&r.root),
        r.quad_class.map_or(Value::Null, |q| Value::Int(q.into())),
        r.goldstein.map_or(Value::Null, Value::F32),
        count(r.num_mentions),
        count(r.num_sources),
        count(r.num_articles),
        Value::Null,
        opt(&r.location_name),
        opt(&r.location_country),
        r.lat.map_or(Value::Null, Value::F64),
        r.lon.map_or(Value::Null, Value::F64),
        Value::Null,
        opt(&r.url),
        s(&r.description),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_as_phoenix_splits_them() {
        assert_eq!(split_actor("RUSGOV"), (Some("RUS"), Some("GOV"), None));
        assert_eq!(split_actor("RUSGOVMODELI"), (Some("RUS"), Some("GOV"), Some("MOD;ELI".into())));
        assert_eq!(split_actor("IGOEUREEC"), (Some("IGO"), None, Some("EUR;EEC".into())));
        assert_eq!(split_actor("REB"), (None, Some("REB"), None));
        assert_eq!(split_actor("ARM"), (Some("ARM"), None, None));
        assert_eq!(split_actor(""), (None, None, None));
        assert_eq!(country_of("IGOUNO"), None);
    }

    #[test]
    fn penta_and_fraction() {
        assert_eq!(
            ["01", "02", "04", "07", "09", "16", "14", "20", "99"].map(penta_class),
            [Some(0), Some(0), Some(1), Some(2), Some(3), Some(3), Some(4), Some(4), None]
        );
        assert_eq!(fraction_date(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()), 2024.0);
        assert_eq!(fraction_date(NaiveDate::from_ymd_opt(2023, 7, 2).unwrap()), 2023.4986);
    }
}
