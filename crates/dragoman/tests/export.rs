//! Exports of hand-made events in every format and preset.

#[allow(dead_code)]
#[path = "../src/event_row.rs"]
mod event_row;

/// Registers the exports' temporary files, which a Ctrl-C removes.
#[allow(dead_code)]
#[path = "../src/interrupt.rs"]
mod interrupt;

#[path = "support/scratch.rs"]
mod scratch;

/// The export module without its database glue (`cli.rs`, which needs the store).
#[allow(dead_code, unused_imports)]
#[path = "../src/export"]
mod export {
    mod columns;
    mod delimited;
    mod geojson;
    mod jsonl;
    mod parquet;
    mod plover;
    mod write;

    pub use columns::{fraction_date, penta_class, split_actor, Column, ColumnType, Preset, Value};
    pub use delimited::{cell_text, tsv_escape};
    pub use parquet::{schema as parquet_schema, ROW_GROUP_ROWS};
    pub use plover::plover_json;
    pub use write::{export, export_fallible, partition_of, ExportSummary, Format, Output};
}

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, Date32Array, Float32Array, Int32Array, Int64Array, StringArray};
use arrow_schema::DataType;
use event_row::EventRow;
use export::{export, export_fallible, ExportSummary, Format, Output, Preset};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use scratch::Scratch;

fn row(event_id: i64, date: &str, source: &str, target: Option<&str>, code: &str) -> EventRow {
    EventRow {
        event_id,
        date: date.into(),
        date_end: date.into(),
        date_precision: "day".into(),
        source_code: source.into(),
        source_name: format!("{source} name"),
        source_country: source.get(..3).map(str::to_string),
        source_sector: source.get(3..6).map(str::to_string),
        target_code: target.map(str::to_string),
        target_name: target.map(|t| format!("{t} name")),
        target_country: target.and_then(|t| t.get(..3)).map(str::to_string),
        target_sector: target.and_then(|t| t.get(3..6)).map(str::to_string),
        description: format!("{source} name did {code}"),
        code: code.into(),
        root: code[..2].into(),
        code_name: Some("Criticize or denounce".into()),
        quad_class: Some(3),
        goldstein: Some(-2.0),
        plover_type: Some("ACCUSE".into()),
        plover_mode: Some("disapprove".into()),
        location_name: None,
        location_country: None,
        lat: None,
        lon: None,
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
        doc_id: format!("doc-{event_id}"),
        url: None,
        outlet: None,
        sentence_text: "Russia criticised Armenia.".into(),
        rule: "verbs.txt:220".into(),
    }
}

/// A handful of events that exercise nulls, escaping and every preset's rules.
fn rows() -> Vec<EventRow> {
    let mut a = row(1, "2024-01-17", "RUSGOV", Some("ARMGOV"), "111");
    a.date_end = "2024-01-18".into();
    a.date_precision = "range".into();
    a.location_name = Some("Yerevan".into());
    a.location_country = Some("ARM".into());
    a.lat = Some(40.1811);
    a.lon = Some(44.5136);
    a.num_mentions = 3;
    a.num_sources = 2;
    a.num_articles = 2;
    a.url = Some("https://news.example/a?x=1,2".into());
    a.outlet = Some("News, Example".into());
    a.sentence_text = "Moscow said:\t\"Yerevan erred\",\nand left.".into();
    let mut b = row(2, "2024-02-03", "ARMGOV", None, "010");
    b.code_name = Some("Make statement, not specified below".into());
    b.quad_class = Some(1);
    b.goldstein = Some(0.0);
    b.plover_type = None;
    b.plover_mode = None;
    b.sentence_text = "Yerevan made a statement.".into();
    let mut c = row(3, "2023-12-31", "IGOEUREEC", Some("AZE"), "1121");
    c.goldstein = Some(-2.1);
    c.source_country = None;
    c.source_sector = None;
    c.target_sector = None;
    c.plover_mode = Some("allege".into());
    c.sentence_text = r"The EU accused Baku of C:\path\ crimes.".into();
    vec![a, b, c]
}

fn run(format: Format, preset: Preset, path: &Path) -> ExportSummary {
    export(rows().into_iter(), format, preset, Output::Path(path), false).unwrap()
}

const PHOENIX_HEADER: [&str; 29] = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
    "SourceActorName",
    "TargetActorName",
    "Description",
];

const GDELT_HEADER: [&str; 30] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
    "Description",
];

const FULL_HEADER: [&str; 32] = [
    "event_id",
    "date",
    "date_end",
    "date_precision",
    "source_code",
    "source_name",
    "source_country",
    "source_sector",
    "target_code",
    "target_name",
    "target_country",
    "target_sector",
    "code",
    "root",
    "code_name",
    "description",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "doc_id",
    "url",
    "outlet",
    "sentence_text",
    "rule",
];

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let records = r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect();
    (header, records)
}

fn cell<'a>(header: &[String], record: &'a [String], name: &str) -> &'a str {
    &record[header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))]
}

#[test]
fn csv_full_layout() {
    let dir = Scratch::new("csv-full");
    let path = dir.path("events.csv");
    let summary = run(Format::Csv, Preset::Full, &path);
    assert_eq!((summary.rows, summary.skipped), (3, 0));
    assert_eq!(summary.files, vec![path.clone()]);
    let (header, recs) = read_csv(&path);
    assert_eq!(header, FULL_HEADER);
    assert_eq!(recs.len(), 3);
    let a = &recs[0];
    assert_eq!(
        cell(&header, a, "sentence_text"),
        "Moscow said:\t\"Yerevan erred\",\nand left.",
        "CSV quoting round-trips"
    );
    assert_eq!(cell(&header, a, "outlet"), "News, Example");
    assert_eq!(cell(&header, a, "date_end"), "2024-01-18");
    assert_eq!(cell(&header, a, "lat"), "40.1811");
    assert_eq!(cell(&header, &recs[1], "target_code"), "");
    assert_eq!(cell(&header, &recs[2], "goldstein"), "-2.1", "f32 values are written as they were stored");
    // The labels of each side and the description, empty where null.
    assert_eq!(
        ["source_country", "source_sector", "target_country", "target_sector", "description"]
            .map(|c| cell(&header, a, c)),
        ["RUS", "GOV", "ARM", "GOV", "RUSGOV name did 111"]
    );
    assert_eq!(
        ["source_country", "source_sector", "target_country", "target_sector"].map(|c| cell(&header, &recs[2], c)),
        ["", "", "AZE", ""]
    );
    assert_eq!(cell(&header, &recs[1], "target_country"), "");
    // Codes are text: their leading zeros are written, and the docs tell readers
    // to keep them (pandas `dtype=str`), since "010" read as a number is 10.
    assert_eq!((cell(&header, &recs[1], "code"), cell(&header, &recs[1], "root")), ("010", "01"));
    // Nothing left behind but the file itself.
    assert_eq!(std::fs::read_dir(dir.dir()).unwrap().count(), 1);
}

#[test]
fn csv_phoenix_layout() {
    let dir = Scratch::new("csv-phoenix");
    let path = dir.path("phoenix.csv");
    run(Format::Csv, Preset::Phoenix, &path);
    let (header, recs) = read_csv(&path);
    assert_eq!(header, PHOENIX_HEADER);
    let a = &recs[0];
    let got: Vec<&str> = [
        "EventID",
        "Date",
        "Year",
        "Month",
        "Day",
        "SourceActorFull",
        "SourceActorEntity",
        "SourceActorRole",
        "SourceActorAttribute",
        "TargetActorEntity",
        "EventCode",
        "EventRootCode",
        "PentaClass",
        "GoldsteinScore",
        "Issues",
        "Lat",
        "LocationName",
        "CountryCode",
        "SentenceID",
        "URLs",
        "NewsSources",
    ]
    .iter()
    .map(|c| cell(&header, a, c))
    .collect();
    assert_eq!(
        got,
        [
            "1",
            "20240117",
            "2024",
            "1",
            "17",
            "RUSGOV",
            "RUS",
            "GOV",
            "",
            "ARM",
            "111",
            "11",
            "3",
            "-2",
            "",
            "40.1811",
            "Yerevan",
            "ARM",
            "doc-1",
            "https://news.example/a?x=1,2",
            "News, Example"
        ]
    );
    let c = &recs[2];
    assert_eq!(
        [
            cell(&header, c, "SourceActorEntity"),
            cell(&header, c, "SourceActorRole"),
            cell(&header, c, "SourceActorAttribute")
        ],
        ["IGO", "", "EUR;EEC"]
    );
    assert_eq!(cell(&header, &recs[1], "PentaClass"), "0", "Phoenix's neutral class for root 01");
}

#[test]
fn csv_gdelt_layout() {
    let dir = Scratch::new("csv-gdelt");
    let path = dir.path("gdelt.csv");
    run(Format::Csv, Preset::Gdelt, &path);
    let (header, recs) = read_csv(&path);
    assert_eq!(header, GDELT_HEADER);
    let a = &recs[0];
    let got: Vec<&str> = [
        "GlobalEventID",
        "Day",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
        "Actor1CountryCode",
        "Actor1Type1Code",
        "Actor2CountryCode",
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
        "ActionGeo_FullName",
        "DATEADDED",
        "SOURCEURL",
    ]
    .iter()
    .map(|c| cell(&header, a, c))
    .collect();
    assert_eq!(
        got,
        [
            "1",
            "20240117",
            "202401",
            "2024",
            "2024.0437",
            "RUSGOV",
            "RUS",
            "GOV",
            "ARM",
            "",
            "111",
            "111",
            "11",
            "3",
            "3",
            "2",
            "2",
            "",
            "Yerevan",
            "",
            "https://news.example/a?x=1,2"
        ]
    );
    let c = &recs[2];
    assert_eq!(
        [cell(&header, c, "Actor1CountryCode"), cell(&header, c, "EventBaseCode"), cell(&header, c, "FractionDate")],
        ["", "112", "2023.9973"]
    );
}

#[test]
fn tsv_escapes_instead_of_quoting() {
    let dir = Scratch::new("tsv");
    let path = dir.path("events.tsv");
    run(Format::Tsv, Preset::Full, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "one header and three rows, no embedded newlines");
    assert_eq!(lines[0].split('\t').collect::<Vec<_>>(), FULL_HEADER);
    for l in &lines {
        assert_eq!(l.split('\t').count(), FULL_HEADER.len());
    }
    let at = |name: &str| FULL_HEADER.iter().position(|h| *h == name).unwrap();
    let sentence = lines[1].split('\t').nth(at("sentence_text")).unwrap();
    assert_eq!(sentence, r#"Moscow said:\t"Yerevan erred",\nand left."#);
    let sentence = lines[3].split('\t').nth(at("sentence_text")).unwrap();
    assert_eq!(sentence, r"The EU accused Baku of C:\\path\\ crimes.");
    assert_eq!(lines[2].split('\t').nth(at("target_code")).unwrap(), "", "null target");
    assert_eq!(lines[2].split('\t').nth(at("description")).unwrap(), "ARMGOV name did 010");
}

#[test]
fn jsonl_objects_in_column_order_with_types() {
    for preset in [Preset::Full, Preset::Phoenix, Preset::Gdelt] {
        let dir = Scratch::new(&format!("jsonl-{preset:?}"));
        let path = dir.path("events.jsonl");
        run(Format::Jsonl, preset, &path);
        let text = std::fs::read_to_string(&path).unwrap();
        let names: Vec<&str> = preset.columns().iter().map(|c| c.name).collect();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v.as_object().unwrap().len(), names.len());
            // Keys appear in column order in the text.
            let mut at = 0;
            for n in &names {
                let found =
                    line[at..].find(&format!("\"{n}\":")).unwrap_or_else(|| panic!("{n} out of order in {line}"));
                at += found;
            }
        }
        assert_eq!(text.lines().count(), 3);
    }
    let dir = Scratch::new("jsonl-full-values");
    let path = dir.path("e.jsonl");
    run(Format::Jsonl, Preset::Full, &path);
    let first: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&path).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["event_id"], 1);
    assert_eq!(first["date"], "2024-01-17");
    assert_eq!(first["goldstein"], -2.0);
    assert_eq!(first["quad_class"], 3);
    assert_eq!(first["sentence_text"], "Moscow said:\t\"Yerevan erred\",\nand left.");
    let second: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&path).unwrap().lines().nth(1).unwrap()).unwrap();
    assert!(second["target_code"].is_null());
    assert!(second["target_country"].is_null() && second["target_sector"].is_null());
    assert_eq!((&second["source_country"], &second["source_sector"]), (&"ARM".into(), &"GOV".into()));
    assert_eq!(second["description"], "ARMGOV name did 010");
    // The presets carry the names and the description after their own columns.
    let dir = Scratch::new("jsonl-presets-labels");
    for (preset, keys) in [
        (Preset::Phoenix, &["SourceActorName", "TargetActorName", "Description"][..]),
        (Preset::Gdelt, &["Actor1Name", "Actor2Name", "Description"][..]),
    ] {
        let path = dir.path(&format!("{preset:?}.jsonl"));
        run(Format::Jsonl, preset, &path);
        let first: serde_json::Value =
            serde_json::from_str(std::fs::read_to_string(&path).unwrap().lines().next().unwrap()).unwrap();
        let got: Vec<&str> = keys.iter().map(|k| first[*k].as_str().unwrap_or_default()).collect();
        assert_eq!(got, ["RUSGOV name", "ARMGOV name", "RUSGOV name did 111"], "{preset:?}");
    }
}

#[test]
fn plover_records() {
    let dir = Scratch::new("plover");
    let path = dir.path("events.plover.jsonl");
    let summary = run(Format::Plover, Preset::Full, &path);
    assert_eq!((summary.rows, summary.skipped), (2, 1), "the 010 statement has no PLOVER type");
    let text = std::fs::read_to_string(&path).unwrap();
    let recs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let a = &recs[0];
    assert_eq!(a["id"], "dragoman-1");
    assert_eq!(a["date"], "2024-01-17");
    assert_eq!(a["enddate"], "2024-01-18");
    assert_eq!(a["event"], serde_json::json!(["ACCUSE"]));
    assert_eq!(a["mode"], "disapprove");
    assert_eq!(a["source"][0]["code"], "RUS");
    assert_eq!(a["source"][0]["sector"], "GOV");
    assert_eq!(a["source"][0]["actor_code"], "RUSGOV");
    assert_eq!(a["source"][0]["identifier_text"], "RUSGOV name");
    assert_eq!(a["source"][0]["country"], "RUS");
    assert_eq!(a["description"], "RUSGOV name did 111");
    assert!(recs[1]["source"][0].get("country").is_none(), "an organisation has no country");
    assert_eq!(a["recipient"][0]["code"], "ARM");
    assert_eq!(a["quad_code"], 3);
    assert_eq!(a["event_scale"], -2.0);
    assert_eq!(a["event_loc"]["name"], "Yerevan");
    assert_eq!(a["event_loc"]["cc3"], "ARM");
    assert_eq!(a["event_text"][0], "Moscow said:\t\"Yerevan erred\",\nand left.");
    assert_eq!(a["cite_info"]["url"], "https://news.example/a?x=1,2");
    assert_eq!(a["cameo"]["code"], "111");
    assert!(recs[1].get("enddate").is_none(), "single-day events have no enddate");
    assert_eq!(recs[1]["recipient"][0]["code"], "AZE");
    assert!(recs[1]["recipient"][0].get("sector").is_none());
    let err =
        export(rows().into_iter(), Format::Plover, Preset::Gdelt, Output::Path(&dir.path("x")), false).unwrap_err();
    assert!(err.contains("PLOVER"));
}

fn parquet_read(path: &Path) -> (arrow_schema::SchemaRef, Vec<arrow_array::RecordBatch>, usize) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let groups = builder.metadata().num_row_groups();
    let schema = builder.schema().clone();
    let batches = builder.build().unwrap().map(|b| b.unwrap()).collect();
    (schema, batches, groups)
}

#[test]
fn parquet_reads_back_with_the_documented_types() {
    for preset in [Preset::Full, Preset::Phoenix, Preset::Gdelt] {
        let dir = Scratch::new(&format!("parquet-{preset:?}"));
        let path = dir.path("events.parquet");
        run(Format::Parquet, preset, &path);
        let (schema, batches, _) = parquet_read(&path);
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let expected: Vec<&str> = preset.columns().iter().map(|c| c.name).collect();
        assert_eq!(names, expected);
        assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 3);
        for (f, c) in schema.fields().iter().zip(preset.columns()) {
            assert_eq!(
                f.data_type(),
                &export::parquet_schema(preset).field_with_name(c.name).unwrap().data_type().clone()
            );
            assert_eq!(f.is_nullable(), c.nullable, "{}", c.name);
        }
    }
    // The full layout, value by value.
    let dir = Scratch::new("parquet-values");
    let path = dir.path("events.parquet");
    run(Format::Parquet, Preset::Full, &path);
    let (schema, batches, _) = parquet_read(&path);
    let types: Vec<(&str, DataType)> =
        schema.fields().iter().map(|f| (f.name().as_str(), f.data_type().clone())).collect();
    assert_eq!(types[0], ("event_id", DataType::Int64));
    assert_eq!(types[1], ("date", DataType::Date32));
    let typed = |name: &str| types.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    assert_eq!(typed("quad_class"), DataType::Int32);
    assert_eq!(typed("goldstein"), DataType::Float32);
    assert_eq!(typed("lat"), DataType::Float64);
    assert_eq!(typed("num_mentions"), DataType::Int32);
    for name in ["source_country", "source_sector", "target_country", "target_sector", "description"] {
        assert_eq!(typed(name), DataType::Utf8, "{name}");
    }
    let b = &batches[0];
    let col = |name: &str| b.column(schema.index_of(name).unwrap()).clone();
    let ids = col("event_id");
    assert_eq!(ids.as_any().downcast_ref::<Int64Array>().unwrap().values(), &[1, 2, 3]);
    let dates = col("date");
    let dates = dates.as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(dates.value_as_date(0).unwrap().to_string(), "2024-01-17");
    let d = col("description");
    assert_eq!(d.as_any().downcast_ref::<StringArray>().unwrap().value(2), "IGOEUREEC name did 1121");
    let sc = col("source_country");
    assert!(sc.is_null(2), "an organisation has no country");
    let g = col("goldstein");
    assert_eq!(g.as_any().downcast_ref::<Float32Array>().unwrap().value(2), -2.1f32);
    let targets = col("target_code");
    let targets = targets.as_any().downcast_ref::<StringArray>().unwrap();
    assert!(targets.is_null(1));
    assert_eq!(targets.value(0), "ARMGOV");
    let mentions = col("num_mentions");
    assert_eq!(mentions.as_any().downcast_ref::<Int32Array>().unwrap().value(0), 3);
}

#[test]
fn parquet_row_groups_of_65536() {
    let dir = Scratch::new("parquet-groups");
    let path = dir.path("many.parquet");
    let n = 70_000;
    let many = (0..n).map(|i| row(i, "2024-01-17", "RUSGOV", Some("ARMGOV"), "111"));
    let summary = export(many, Format::Parquet, Preset::Phoenix, Output::Path(&path), false).unwrap();
    assert_eq!(summary.rows, n as u64);
    let (_, batches, groups) = parquet_read(&path);
    assert_eq!(groups, 2);
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), n as usize);
}

#[test]
fn partitions_by_month() {
    let dir = Scratch::new("partitioned");
    let out = dir.path("events");
    let mut all = rows();
    let mut undated = row(4, "", "RUSGOV", None, "111");
    undated.date_end = String::new();
    all.push(undated);
    all.push(row(5, "2024-01-02", "AZEGOV", Some("ARMGOV"), "111"));
    // In the store's order: by date, undated first.
    all.sort_by(|a, b| a.date.cmp(&b.date));
    let summary = export(all.into_iter(), Format::Parquet, Preset::Full, Output::Path(&out), true).unwrap();
    assert_eq!(summary.rows, 5);
    let mut rel: Vec<String> =
        summary.files.iter().map(|f| f.strip_prefix(&out).unwrap().display().to_string()).collect();
    rel.sort();
    assert_eq!(
        rel,
        [
            "year_month=2023-12/part-0.parquet",
            "year_month=2024-01/part-0.parquet",
            "year_month=2024-02/part-0.parquet",
            "year_month=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
        ]
    );
    let (_, batches, _) = parquet_read(&out.join("year_month=2024-01/part-0.parquet"));
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 2);
    let mut dirs: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    dirs.sort();
    assert_eq!(dirs.len(), 4);
    // The directory must be new or empty; a stream cannot be partitioned.
    assert!(export(rows().into_iter(), Format::Parquet, Preset::Full, Output::Path(&out), true)
        .unwrap_err()
        .contains("not empty"));
    let mut sink = Vec::new();
    assert!(export(rows().into_iter(), Format::Csv, Preset::Full, Output::Writer(Box::new(&mut sink)), true).is_err());
}

#[test]
fn partitions_stream_in_month_order() {
    // Rows in month order, as the store gives them: one file per month, rows in order,
    // each file finished before the next month starts.
    let dir = Scratch::new("partitioned-ordered");
    let out = dir.path("events");
    let ordered: Vec<EventRow> =
        (0..48).map(|i| row(i, &format!("2024-{:02}-01", i / 4 + 1), "RUSGOV", None, "111")).collect();
    let summary = export(ordered.into_iter(), Format::Csv, Preset::Full, Output::Path(&out), true).unwrap();
    assert_eq!((summary.rows, summary.files.len()), (48, 12));
    let (_, january) = read_csv(&out.join("year_month=2024-01/part-0.csv"));
    let ids: Vec<&str> = january.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["0", "1", "2", "3"]);
    // Rows that come back to a month already written go to its next file: nothing is
    // held back in memory, and Hive readers take part-1 as the same partition.
    let dir = Scratch::new("partitioned-interleaved");
    let out = dir.path("events");
    let interleaved: Vec<EventRow> =
        (0..24).map(|i| row(i, &format!("2024-{:02}-01", i % 12 + 1), "RUSGOV", None, "111")).collect();
    let summary = export(interleaved.into_iter(), Format::Csv, Preset::Full, Output::Path(&out), true).unwrap();
    assert_eq!((summary.rows, summary.files.len()), (24, 24));
    let (_, first) = read_csv(&out.join("year_month=2024-01/part-0.csv"));
    let (_, again) = read_csv(&out.join("year_month=2024-01/part-1.csv"));
    assert_eq!((first[0][0].as_str(), again[0][0].as_str()), ("0", "12"));
}

#[test]
fn streams_and_failures() {
    let mut buf = Vec::new();
    let summary =
        export(rows().into_iter(), Format::Csv, Preset::Gdelt, Output::Writer(Box::new(&mut buf)), false).unwrap();
    assert_eq!(summary.rows, 3);
    assert!(summary.files.is_empty());
    assert!(String::from_utf8(buf).unwrap().starts_with("GlobalEventID,Day,"));
    let mut buf = Vec::new();
    export(rows().into_iter(), Format::Parquet, Preset::Full, Output::Writer(Box::new(&mut buf)), false).unwrap();
    assert_eq!(&buf[..4], b"PAR1");
    let err = export(
        rows().into_iter(),
        Format::Csv,
        Preset::Full,
        Output::Path(Path::new("/nonexistent-dir/x/events.csv")),
        false,
    )
    .unwrap_err();
    assert!(err.contains("cannot write"), "{err}");
    // An empty export still writes a header (CSV) or a valid empty file (Parquet).
    let dir = Scratch::new("empty");
    let summary =
        export(std::iter::empty(), Format::Parquet, Preset::Full, Output::Path(&dir.path("none.parquet")), false)
            .unwrap();
    assert_eq!(summary.rows, 0);
    let (schema, batches, _) = parquet_read(&dir.path("none.parquet"));
    assert_eq!(schema.fields().len(), FULL_HEADER.len());
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 0);
}

/// The names in a directory, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn special_files_and_links_are_written_through_not_replaced() {
    use std::os::unix::fs::{symlink, FileTypeExt};
    let dir = Scratch::new("special");
    // A link to /dev/null: the export goes to the device, and the link stays a link.
    let null = dir.path("null.csv");
    symlink("/dev/null", &null).unwrap();
    run(Format::Csv, Preset::Full, &null);
    assert!(std::fs::symlink_metadata(&null).unwrap().file_type().is_symlink(), "the link was replaced");
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A FIFO: written into (a reader gets the rows), still a FIFO afterwards.
    let fifo = dir.path("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    run(Format::Csv, Preset::Full, &fifo);
    let got = reader.join().unwrap();
    assert_eq!(got.lines().count(), 1 + 4, "header and three rows, one of them two lines: {got}");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
    // A link to a regular file (existing or not yet): the file it names is written.
    std::fs::write(dir.path("real.csv"), "old").unwrap();
    symlink("real.csv", dir.path("link.csv")).unwrap();
    run(Format::Csv, Preset::Full, &dir.path("link.csv"));
    assert!(std::fs::symlink_metadata(dir.path("link.csv")).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.path("real.csv")).unwrap().starts_with("event_id,"));
    symlink("later.csv", dir.path("dangling.csv")).unwrap();
    run(Format::Csv, Preset::Full, &dir.path("dangling.csv"));
    assert!(std::fs::read_to_string(dir.path("later.csv")).unwrap().starts_with("event_id,"));
    // A directory is refused with a clear message.
    let err = export(rows().into_iter(), Format::Csv, Preset::Full, Output::Path(dir.dir()), false).unwrap_err();
    assert!(err.contains("is a directory"), "{err}");
    assert_eq!(names_in(dir.dir()), ["dangling.csv", "later.csv", "link.csv", "null.csv", "pipe.csv", "real.csv"]);
}

#[test]
fn a_failed_export_leaves_no_file_and_no_temporary_file() {
    let dir = Scratch::new("failed-read");
    std::fs::write(dir.path("events.csv"), "the previous export\n").unwrap();
    let failing = rows().into_iter().map(Ok).chain([Err("the database went away".to_string())]);
    let err =
        export_fallible(failing, Format::Csv, Preset::Full, Output::Path(&dir.path("events.csv")), false).unwrap_err();
    assert!(err.contains("went away"), "{err}");
    // The previous file is kept whole, and nothing else is left behind.
    assert_eq!(std::fs::read_to_string(dir.path("events.csv")).unwrap(), "the previous export\n");
    assert_eq!(names_in(dir.dir()), ["events.csv"]);
    let failing = rows().into_iter().map(Ok).chain([Err("the database went away".to_string())]);
    let out = dir.path("parts");
    assert!(export_fallible(failing, Format::Csv, Preset::Full, Output::Path(&out), true).is_err());
    assert!(!out.exists() || names_in(&out).is_empty());
}

#[test]
fn two_exports_to_the_same_file_do_not_mix() {
    let dir = Scratch::new("concurrent");
    let path = dir.path("events.jsonl");
    let many = |tag: &str| -> Vec<EventRow> {
        (0..20_000)
            .map(|i| {
                let mut r = row(i, "2024-01-02", "RUSGOV", Some("ARMGOV"), "111");
                r.sentence_text = format!("{tag} {i}");
                r
            })
            .collect()
    };
    let (a, b) = (many("first"), many("second"));
    let results: Vec<Result<ExportSummary, String>> = std::thread::scope(|s| {
        let runs: Vec<_> = [a, b]
            .into_iter()
            .map(|rows| s.spawn(|| export(rows.into_iter(), Format::Jsonl, Preset::Full, Output::Path(&path), false)))
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    for r in &results {
        assert_eq!(r.as_ref().map(|s| s.rows), Ok(20_000), "{r:?}");
    }
    // The file is one export whole, not a mixture.
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 20_000);
    let tag = if lines[0].contains("\"first ") { "\"first " } else { "\"second " };
    assert!(lines.iter().all(|l| l.contains(tag)), "rows of both exports in one file");
    assert_eq!(names_in(dir.dir()), ["events.jsonl"]);
}

/// Checks the RFC 7946 shape of a GeoJSON export and returns its features.
fn geojson_features(text: &str) -> Vec<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().expect("features is an array").clone();
    for f in &features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2, "[lon, lat]");
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat), "{c:?}");
        assert!(f["properties"].is_object());
    }
    features
}

#[test]
fn geojson_points_of_the_located_events() {
    let dir = Scratch::new("geojson");
    let path = dir.path("events.geojson");
    let mut rows = rows();
    // A location off the globe (swapped or damaged) is no location.
    rows[2].lat = Some(144.5);
    rows[2].lon = Some(40.2);
    let summary = export(rows.clone().into_iter(), Format::Geojson, Preset::Full, Output::Path(&path), false).unwrap();
    assert_eq!((summary.rows, summary.skipped), (1, 2), "only the Yerevan event has a place on the map");
    let features = geojson_features(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(features.len(), 1);
    let f = &features[0];
    assert_eq!(f["geometry"]["coordinates"], serde_json::json!([44.5136, 40.1811]), "longitude first");
    assert_eq!(f["id"], 1);
    // The properties are the preset's columns, as JSON Lines writes them.
    let jsonl = dir.path("events.jsonl");
    export(rows.into_iter().take(1), Format::Jsonl, Preset::Full, Output::Path(&jsonl), false).unwrap();
    let line: serde_json::Value = serde_json::from_str(std::fs::read_to_string(&jsonl).unwrap().trim()).unwrap();
    assert_eq!(f["properties"], line);
    assert_eq!(f["properties"]["location_name"], "Yerevan");
    // No located event: still a valid, empty collection.
    let empty = dir.path("empty.geojson");
    let s = export(std::iter::empty(), Format::Geojson, Preset::Phoenix, Output::Path(&empty), false).unwrap();
    assert_eq!((s.rows, s.skipped), (0, 0));
    assert!(geojson_features(&std::fs::read_to_string(&empty).unwrap()).is_empty());
}
