//! `dragoman timeline`: how much cooperation and conflict passed between two actors
//! (or involved one) per day, week or month, and the Goldstein sum of it.
//!
//! One query over the dyad index gathers the events' dates, quad classes and
//! Goldstein values; the bucketing happens here, so weeks (ISO, from Monday) cost no
//! more than months. Periods without events are kept, as zeros: a timeline with gaps
//! removed would lie about tempo.
//!
//! The chart is drawn in the terminal with block characters here, and laid out
//! once as shapes for the SVG and PNG files in `chart`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};
use clap::{ArgGroup, Args, ValueEnum};

use super::names::{resolve_actor, resolve_dyad};
use super::query::Where;
use super::schema::{open_read, Store};
use super::{EventFilter, StoreError};

/// The length of a timeline's periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Period {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
}

impl Period {
    /// The first day of the period holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            Period::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => {
                let (y, m) =
                    if start.month() == 12 { (start.year() + 1, 1) } else { (start.year(), start.month() + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(start)
            }
        }
    }

    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.format("%Y-%m-%d").to_string(),
            Period::Week => start.format("%G-W%V").to_string(),
            Period::Month => start.format("%Y-%m").to_string(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bucket {
    /// First day of the period (YYYY-MM-DD) and its label ("2024-01", "2024-W03").
    #[serde(serialize_with = "day")]
    pub start: NaiveDate,
    pub label: String,
    /// Distinct events (after deduplication).
    pub events: u64,
    /// Events of quad classes 1–2 and 3–4.
    pub cooperation: u64,
    pub conflict: u64,
    /// Sum of the events' Goldstein values.
    pub goldstein: f64,
}

fn day<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

impl Bucket {
    fn empty(period: Period, start: NaiveDate) -> Bucket {
        Bucket { start, label: period.label(start), events: 0, cooperation: 0, conflict: 0, goldstein: 0.0 }
    }
}

/// The timeline of the events passing `filter` (its search and limit are ignored),
/// by period, from the first period with an event (or `filter.from`) to the last
/// (or `filter.to`). Events are counted on their first day.
pub fn timeline(store: &Store, filter: &EventFilter, by: Period) -> Result<Vec<Bucket>, StoreError> {
    let f = EventFilter { search: None, limit: None, ..filter.clone() };
    let w = Where::of(&f, None);
    // Only columns of events_dyad / events_target: the indexes answer alone.
    let sql = format!("SELECT e.date, e.quad_class, e.goldstein FROM events e WHERE {}", w.sql());
    let mut stmt = store.conn.prepare(&sql).map_err(|e| store.err("reading the timeline", e))?;
    let mut rows =
        stmt.query(rusqlite::params_from_iter(w.params.iter())).map_err(|e| store.err("reading the timeline", e))?;
    let mut buckets: BTreeMap<NaiveDate, Bucket> = BTreeMap::new();
    // Dates repeat heavily; parse each distinct one once.
    let mut last: Option<(String, NaiveDate)> = None;
    while let Some(r) = rows.next().map_err(|e| store.err("reading the timeline", e))? {
        let date = r.get_ref(0).ok().and_then(|v| v.as_str().ok()).unwrap_or("");
        let start = match &last {
            Some((s, d)) if s == date => *d,
            _ => {
                let Ok(d) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else { continue };
                let d = by.start(d);
                last = Some((date.to_string(), d));
                d
            }
        };
        let quad: Option<i64> = r.get(1).unwrap_or(None);
        let goldstein: Option<f64> = r.get(2).unwrap_or(None);
        let b = buckets.entry(start).or_insert_with(|| Bucket::empty(by, start));
        b.events += 1;
        match quad {
            Some(1 | 2) => b.cooperation += 1,
            Some(3 | 4) => b.conflict += 1,
            _ => {}
        }
        b.goldstein += goldstein.unwrap_or(0.0);
    }
    let first = filter.from.map(|d| by.start(d)).or_else(|| buckets.keys().next().copied());
    let last = filter.to.map(|d| by.start(d)).or_else(|| buckets.keys().next_back().copied());
    let (Some(first), Some(last)) = (first, last) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        out.push(buckets.remove(&d).unwrap_or_else(|| Bucket::empty(by, d)));
        d = by.next(d);
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// A table with a bar chart, for the terminal.
    Table,
    /// Comma-separated values with a header.
    Csv,
    /// A JSON array of periods.
    Json,
}

/// Cooperation and conflict per day, week or month for a dyad or an actor.
///
/// Counts the stored events between two actors (--dyad) or with one actor on
/// either side (--actor) per period, splits them into cooperation (quad classes
/// 1-2) and conflict (3-4), sums their Goldstein values, and draws conflict against
/// cooperation as bars in the terminal. --svg and --png also write the chart as
/// an SVG or PNG file.
///
/// Exit status: 0 (also when no event matched), 1 when the database cannot be read
/// or the chart not written, 2 for a bad command line.
#[derive(Args, Debug, Clone)]
#[command(group(ArgGroup::new("who").required(true).args(["dyad", "actor"])))]
#[command(after_help = "Each period shows the events (distinct, after deduplication), those of quad classes 1-2 \
(cooperation) and 3-4 (conflict), and the sum of their Goldstein values. Events count on their first day; \
weeks are ISO weeks, from Monday.\n\nExamples:\n  dragoman timeline --dyad RUS,ARM --by month\n  dragoman timeline --actor AZE --by week --from 2024-01-01 --svg aze.svg\n  dragoman timeline --dyad ARM,AZE --directed --format csv > arm-aze.csv\n  dragoman timeline --dyad RUS,UKR --by week --png rus-ukr.png")]
pub struct TimelineArgs {
    /// The event database (made by `dragoman ingest`).
    #[arg(long, value_name = "FILE", default_value = "dragoman.db")]
    pub db: PathBuf,

    /// Events between two actors, "RUS,ARM" or "Russia,Armenia" (codes, their
    /// starts, or names); either way round unless --directed.
    #[arg(long, value_name = "A,B", value_parser = resolve_dyad)]
    pub dyad: Option<(String, String)>,

    /// With --dyad: only events from the first actor to the second.
    #[arg(long, requires = "dyad")]
    pub directed: bool,

    /// Events with this actor on either side: a code or its start ("RUS"), or a
    /// name ("Russia").
    #[arg(long, value_name = "CODE|NAME", value_parser = resolve_actor)]
    pub actor: Option<String>,

    /// Length of the periods.
    #[arg(long, value_enum, default_value_t = Period::Month)]
    pub by: Period,

    /// First day to show (YYYY-MM-DD); default: the first event's.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<NaiveDate>,

    /// Last day to show (YYYY-MM-DD); default: the last event's.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<NaiveDate>,

    /// Also write the chart as an SVG file (cooperation up, conflict down, the
    /// Goldstein sum as a line, a tooltip per period).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,

    /// Also write the chart as a PNG image (1920×880 pixels).
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,

    /// Output on stdout: a table with bars, CSV, or JSON.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Table)]
    pub format: TimelineFormat,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date like 2024-01-18"))
}

/// Runs `dragoman timeline`. Exit status: 0 (also when no event matched), 1 the
/// database could not be read or the chart not written, 2 a bad command line.
pub fn run_timeline(args: TimelineArgs) -> ExitCode {
    if let (Some(f), Some(t)) = (args.from, args.to) {
        if f > t {
            eprintln!("error: --from {f} is after --to {t}");
            return ExitCode::from(2);
        }
    }
    let filter = EventFilter {
        actor: args.actor.as_ref().map(|a| a.trim().to_ascii_uppercase()),
        dyad: args.dyad.clone(),
        directed: args.directed,
        from: args.from,
        to: args.to,
        ..EventFilter::default()
    };
    let buckets = match open_read(&args.db).and_then(|store| timeline(&store, &filter, args.by)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let title = title(&filter, args.by);
    if args.svg.is_some() || args.png.is_some() {
        let chart = super::chart::layout(&title, &buckets);
        let files = [(&args.svg, chart_svg as fn(&super::chart::Chart) -> Vec<u8>), (&args.png, chart_png)];
        for (path, render) in files {
            let Some(path) = path else { continue };
            if let Err(e) = std::fs::write(path, render(&chart)) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    let mut out = io::stdout().lock();
    let res = match args.format {
        TimelineFormat::Table => {
            let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            out.write_all(terminal_chart(&title, &buckets, super::query::terminal_width(), color).as_bytes())
        }
        TimelineFormat::Csv => out.write_all(csv(&buckets).as_bytes()),
        TimelineFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &buckets).map_err(io::Error::from).and_then(|_| writeln!(out))
        }
    };
    match res.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the timeline: {e}");
            ExitCode::from(1)
        }
        _ => {
            for path in [&args.svg, &args.png].into_iter().flatten() {
                eprintln!("chart written to {}", path.display());
            }
            ExitCode::SUCCESS
        }
    }
}

fn chart_svg(c: &super::chart::Chart) -> Vec<u8> {
    c.svg().into_bytes()
}

fn chart_png(c: &super::chart::Chart) -> Vec<u8> {
    c.png()
}

fn title(f: &EventFilter, by: Period) -> String {
    let who = match (&f.dyad, &f.actor) {
        (Some((a, b)), _) if f.directed => format!("{a} \u{2192} {b}"),
        (Some((a, b)), _) => format!("{a} \u{2194} {b}"),
        (None, Some(a)) => a.clone(),
        (None, None) => "all events".into(),
    };
    format!("{who}, by {}", by.name())
}

fn csv(buckets: &[Bucket]) -> String {
    let mut s = String::from("period,start,events,cooperation,conflict,goldstein\n");
    for b in buckets {
        let _ = writeln!(s, "{},{},{},{},{},{:.1}", b.label, b.start, b.events, b.cooperation, b.conflict, b.goldstein);
    }
    s
}

/// A bar of `value / max` of `cells` characters, growing right, in eighths.
fn bar_right(value: u64, max: u64, cells: usize) -> String {
    if max == 0 || value == 0 {
        return String::new();
    }
    let eighths = ((value as f64 / max as f64) * (cells * 8) as f64).round().max(1.0) as usize;
    let mut s = "\u{2588}".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "\u{258F}", "\u{258E}", "\u{258D}", "\u{258C}", "\u{258B}", "\u{258A}", "\u{2589}"];
    s.push_str(PART[eighths % 8]);
    s
}

/// A bar growing left, right-aligned in `cells`, in halves (no left-growing
/// eighth blocks exist).
fn bar_left(value: u64, max: u64, cells: usize) -> String {
    if max == 0 || value == 0 {
        return " ".repeat(cells);
    }
    let halves = ((value as f64 / max as f64) * (cells * 2) as f64).round().max(1.0) as usize;
    let mut s = String::new();
    if halves % 2 == 1 {
        s.push('\u{2590}');
    }
    s.push_str(&"\u{2588}".repeat(halves / 2));
    format!("{}{s}", " ".repeat(cells.saturating_sub(halves.div_ceil(2))))
}

/// The timeline as text: a header line, then per period the figures and a bar of
/// conflict (left) against cooperation (right).
pub fn terminal_chart(title: &str, buckets: &[Bucket], width: usize, color: bool) -> String {
    let mut s = String::new();
    if buckets.is_empty() {
        let _ = writeln!(s, "{title}: no events");
        return s;
    }
    let events: u64 = buckets.iter().map(|b| b.events).sum();
    let coop: u64 = buckets.iter().map(|b| b.cooperation).sum();
    let conflict: u64 = buckets.iter().map(|b| b.conflict).sum();
    let gold: f64 = buckets.iter().map(|b| b.goldstein).sum();
    let _ = writeln!(
        s,
        "{title}, {} \u{2026} {}: {events} events ({coop} cooperation, {conflict} conflict), Goldstein sum {gold:+.1}",
        buckets[0].label,
        buckets[buckets.len() - 1].label
    );
    let label_w = buckets.iter().map(|b| b.label.len()).max().unwrap_or(7).max(6);
    let fixed = label_w + 2 + 7 + 6 + 9 + 11 + 3;
    let half = (width.saturating_sub(fixed) / 2).clamp(4, 40);
    let max = buckets.iter().map(|b| b.cooperation.max(b.conflict)).max().unwrap_or(0);
    let (red, green, reset) = if color { ("\x1b[31m", "\x1b[32m", "\x1b[0m") } else { ("", "", "") };
    let head_bars = format!("{:>half$} \u{2502} {}", "conflict \u{25C0}", "\u{25B6} cooperation");
    let _ = writeln!(
        s,
        "{:<label_w$}  {:>6} {:>5} {:>8} {:>10}  {head_bars}",
        "period", "events", "coop", "conflict", "goldstein"
    );
    for b in buckets {
        let _ = writeln!(
            s,
            "{:<label_w$}  {:>6} {:>5} {:>8} {:>10.1}  {red}{}{reset}\u{2502}{green}{}{reset}",
            b.label,
            b.events,
            b.cooperation,
            b.conflict,
            b.goldstein,
            bar_left(b.conflict, max, half),
            bar_right(b.cooperation, max, half)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ingest::tests::{doc, ingest, temp_db};
    use crate::store::schema::open_write;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_start_and_follow_each_other() {
        assert_eq!(Period::Week.start(d("2024-01-18")), d("2024-01-15"));
        assert_eq!(Period::Week.start(d("2024-01-15")), d("2024-01-15"));
        assert_eq!(Period::Week.label(d("2024-12-30")), "2025-W01");
        assert_eq!(Period::Month.start(d("2024-02-29")), d("2024-02-01"));
        assert_eq!(Period::Month.next(d("2024-12-01")), d("2025-01-01"));
        assert_eq!(Period::Day.next(d("2024-02-28")), d("2024-02-29"));
    }

    #[test]
    fn buckets_count_fill_gaps_and_respect_bounds() {
        let path = temp_db("timeline");
        let store = open_write(&path, 1000).unwrap();
        let docs = vec![
            doc(
                "a",
                "2024-01-18",
                Some("Wire"),
                "Russia accused Armenia on Monday of shelling its positions near the border.",
            ),
            doc(
                "b",
                "2024-01-18",
                Some("Post"),
                "Russia accused Armenia on Monday of shelling its positions, officials said.",
            ),
            doc("c", "2024-03-10", Some("Post"), "Armenia praised Russia on Thursday for its help."),
            doc("e", "2024-03-10", Some("Post"), "Azerbaijan praised Armenia on Thursday for its help."),
        ];
        ingest(&store, &docs, 10);
        let dyad = EventFilter { dyad: Some(("RUS".into(), "ARM".into())), ..EventFilter::default() };
        let months = timeline(&store, &dyad, Period::Month).unwrap();
        let labels: Vec<&str> = months.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, vec!["2024-01", "2024-02", "2024-03"], "the empty February is kept");
        assert_eq!((months[0].events, months[0].conflict, months[0].cooperation), (1, 1, 0));
        assert!(months[0].goldstein < 0.0);
        assert_eq!((months[1].events, months[1].goldstein), (0, 0.0));
        assert_eq!((months[2].events, months[2].cooperation), (1, 1), "the other direction counts too");
        assert!(months[2].goldstein > 0.0);
        let directed = timeline(&store, &EventFilter { directed: true, ..dyad.clone() }, Period::Month).unwrap();
        assert_eq!(directed.len(), 1);
        let weeks = timeline(
            &store,
            &EventFilter { from: Some(d("2024-01-01")), to: Some(d("2024-01-31")), ..dyad.clone() },
            Period::Week,
        )
        .unwrap();
        assert_eq!(weeks.first().map(|b| b.label.as_str()), Some("2024-W01"));
        assert_eq!(weeks.last().map(|b| b.label.as_str()), Some("2024-W05"));
        assert_eq!(weeks.iter().map(|b| b.events).sum::<u64>(), 1);
        let arm = timeline(&store, &EventFilter { actor: Some("ARM".into()), ..EventFilter::default() }, Period::Month)
            .unwrap();
        assert_eq!(arm.iter().map(|b| b.events).sum::<u64>(), 3);
        let none = timeline(&store, &EventFilter { actor: Some("CHN".into()), ..EventFilter::default() }, Period::Day)
            .unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn charts_draw_both_series() {
        let b = |label: &str, coop: u64, conflict: u64, g: f64| Bucket {
            start: d("2024-01-01"),
            label: label.into(),
            events: coop + conflict,
            cooperation: coop,
            conflict,
            goldstein: g,
        };
        let buckets = vec![b("2024-01", 4, 0, 12.0), b("2024-02", 0, 0, 0.0), b("2024-03", 1, 8, -30.5)];
        let text = terminal_chart("RUS \u{2194} ARM, by month", &buckets, 100, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].contains("13 events (5 cooperation, 8 conflict), Goldstein sum -18.5"), "{}", lines[0]);
        assert!(
            lines[2].ends_with(&format!("{}\u{258C}", "\u{2588}".repeat(half_of(100) / 2))),
            "half of the widest bar: {text}"
        );
        assert!(lines[4].contains("\u{2588}\u{2502}"), "conflict grows left to the axis: {text}");
        assert_eq!(bar_right(1, 2, 4), "\u{2588}\u{2588}");
        assert_eq!(bar_left(1, 4, 4), "   \u{2588}");
        assert_eq!(csv(&buckets).lines().nth(3), Some("2024-03,2024-01-01,9,1,8,-30.5"));
    }

    fn half_of(width: usize) -> usize {
        let fixed = 7 + 2 + 7 + 6 + 9 + 11 + 3;
        (width - fixed) / 2
    }
}
