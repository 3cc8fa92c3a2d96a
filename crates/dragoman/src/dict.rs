//! `dragoman dict check` and `dragoman dict stats`: the dictionary maintainer's tools.
//!
//! `check` reads the built-in dictionaries and any community (PETRARCH/TABARI) files
//! and prints every problem as `file:line: error|warning: message`, the form editors
//! and CI logs turn into links. Besides what the readers report, it looks at the raw
//! bytes (binary files, NUL bytes, control characters, invalid UTF-8, none of which
//! the readers can see after lossy decoding) and at the event codes the verb
//! dictionaries use, which must be in the CAMEO table for an event to get its name,
//! quad class, Goldstein value and PLOVER type.
//!
//! `stats` counts what a load yields, times the load and measures its memory (see
//! [`crate::memory`]).
//!
//! Positional files are community dictionaries whose kind is guessed: from the file
//! name first (`verb`, `actor`, `agent`, `discard` in it), else from the content
//! (`--- NAME [CODE] ---` blocks or `- ... * ... [CODE]` patterns: verbs; `[~CODE]`,
//! `[CODE~]` or `!SET! =` lines: agents; any other `[CODE]`: actors; phrases with no
//! codes at all: discards). The flags name the kind outright.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use dragoman_core::builtin::{load_builtin, BUILTIN_FILES};
use dragoman_core::builtin_verbs::{read_event_lexicon, BUILTIN_VERBS};
use dragoman_core::knowledge::{Knowledge, KnowledgeBuilder};
use dragoman_core::lexicon::{ActorEntry, ActorKind, DictIssue, PatternCode, Severity, VerbLexicon};
use dragoman_core::ontology::CameoTable;
use dragoman_core::petrarch;

use crate::memory;

/// The CAMEO table as shipped (`ontology` parses the same text for the coder).
const CAMEO_TSV: (&str, &str) = ("cameo.tsv", include_str!("../../../dictionaries/cameo.tsv"));

/// Where the built-in files live in the repository; issues name them by this path.
const BUILTIN_DIR: &str = "dictionaries/";

#[derive(Args)]
pub struct DictArgs {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(Subcommand)]
enum DictCommand {
    /// Report every problem in the dictionaries as `file:line: error|warning: message`.
    ///
    /// Reads the built-in dictionaries (unless --no-builtin) and the files given,
    /// prints each problem the readers find, plus binary data, invalid UTF-8 and
    /// event codes missing from the CAMEO table, then a summary per file.
    ///
    /// An error is a line (or part of one) that could not be used; a warning is a
    /// line that was used but looks wrong. Exit status: 1 if there are errors (or
    /// a file cannot be read), 0 otherwise.
    #[command(after_help = KIND_HELP)]
    Check(DictFiles),

    /// Count the entries, time the load and measure its memory.
    ///
    /// Counts actors by kind, agents, discards, verbs, verb forms, patterns,
    /// synsets, people with dated roles and CAMEO codes; builds the dictionaries
    /// --runs times and reports the median load time (reading, parsing and
    /// indexing); and reports the heap the loaded dictionaries hold, counted by the
    /// binary's allocator, with the growth of the resident set beside it.
    #[command(after_help = KIND_HELP)]
    Stats(StatsArgs),
}

const KIND_HELP: &str = "Files given without a flag are PETRARCH/TABARI dictionaries whose kind is guessed: \
from the file name (containing \"verb\", \"actor\", \"agent\" or \"discard\"), else from the content \
(\"--- NAME [CODE] ---\" blocks or \"- ... * ... [CODE]\" patterns: verbs; \"[~CODE]\", \"[CODE~]\" or \
\"!SET! = ...\": agents; other \"[CODE]\"s: actors; no codes at all: discards). Use the flags when the guess \
is wrong.\n\nExamples:\n  dragoman dict check\n  dragoman dict check --no-builtin --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt\n  dragoman dict check my.actors.txt my.verbs.txt\n  dragoman dict stats --no-builtin --verbs CAMEO.2.0.txt --agents Phoenix.agents.txt";

/// The dictionaries to read, as for `dragoman code`.
#[derive(Args, Clone)]
pub struct DictFiles {
    /// Community (PETRARCH/TABARI) dictionary files of a kind to be guessed (see below).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// PETRARCH/TABARI verb-pattern dictionary (repeatable).
    #[arg(long, value_name = "FILE")]
    verbs: Vec<PathBuf>,

    /// PETRARCH/TABARI actor dictionary (repeatable).
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,

    /// PETRARCH/TABARI agent (role) dictionary (repeatable).
    #[arg(long, value_name = "FILE")]
    agents: Vec<PathBuf>,

    /// PETRARCH/TABARI discard dictionary (repeatable).
    #[arg(long, value_name = "FILE")]
    discards: Vec<PathBuf>,

    /// Leave out the built-in dictionaries: only the files given are read.
    #[arg(long)]
    no_builtin: bool,
}

#[derive(Args)]
struct StatsArgs {
    #[command(flatten)]
    files: DictFiles,

    /// Build the dictionaries this many times; the median load time is reported.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    runs: u32,
}

pub fn run(args: DictArgs) -> ExitCode {
    match args.command {
        DictCommand::Check(files) => check(&files),
        DictCommand::Stats(stats_args) => stats(&stats_args),
    }
}

// ---------------------------------------------------------------------------------
// Community files: reading, guessing the kind, looking at the raw bytes

/// The four kinds of PETRARCH/TABARI dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Verbs,
    Actors,
    Agents,
    Discards,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Verbs => "PETRARCH verbs",
            Kind::Actors => "PETRARCH actors",
            Kind::Agents => "PETRARCH agents",
            Kind::Discards => "PETRARCH discards",
        }
    }
}

/// A community file, read and looked at.
struct CommunityFile {
    path: PathBuf,
    /// The path as the user wrote it: the `file` of every issue.
    display: String,
    kind: Kind,
    /// How the kind was known: "flag", "name" or "content".
    how: &'static str,
    text: String,
    /// Problems seen in the raw bytes.
    raw_issues: Vec<DictIssue>,
    /// The file is binary and was not read.
    binary: bool,
}

/// The files given on the command line with their kinds, read. An unreadable file
/// is returned as an error message naming it.
fn read_community(args: &DictFiles) -> Vec<Result<CommunityFile, String>> {
    let flagged = [
        (Kind::Verbs, &args.verbs),
        (Kind::Actors, &args.actors),
        (Kind::Agents, &args.agents),
        (Kind::Discards, &args.discards),
    ];
    let mut out = Vec::new();
    for path in &args.files {
        out.push(read_one(path, None));
    }
    for (kind, paths) in flagged {
        for path in paths {
            out.push(read_one(path, Some(kind)));
        }
    }
    out
}

fn read_one(path: &Path, kind: Option<Kind>) -> Result<CommunityFile, String> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{display}: cannot read dictionary: {e}"))?;
    let (raw_issues, binary) = look_at_bytes(&display, &bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (kind, how) = match kind {
        Some(k) => (k, "flag"),
        None => guess_kind(path, &text),
    };
    Ok(CommunityFile { path: path.to_path_buf(), display, kind, how, text, raw_issues, binary })
}

/// The kind of a community dictionary, from its file name or else its content.
pub fn guess_kind(path: &Path, text: &str) -> (Kind, &'static str) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    for (needle, kind) in
        [("verb", Kind::Verbs), ("agent", Kind::Agents), ("discard", Kind::Discards), ("actor", Kind::Actors)]
    {
        if name.contains(needle) {
            return (kind, "name");
        }
    }
    let lines = || {
        text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty() && !l.starts_with("<!"))
    };
    let verb_block = |l: &str| l.starts_with("---") && l.len() > 6 && l.ends_with("---");
    let pattern = |l: &str| l.starts_with('-') && l.contains('*') && l.contains('[');
    if lines().any(|l| verb_block(l) || pattern(l)) {
        return (Kind::Verbs, "content");
    }
    let agent = |l: &str| l.contains("[~") || l.contains("~]") || (l.starts_with('!') && l.contains("! ="));
    if lines().any(|l| agent(l) || l.replace(' ', "").contains("[~")) {
        return (Kind::Agents, "content");
    }
    if lines().any(|l| l.contains('[')) {
        return (Kind::Actors, "content");
    }
    (Kind::Discards, "content")
}

/// Problems the readers cannot see once the text is decoded: a binary file (one
/// error, and the file is not read), NUL bytes (errors), other control characters
/// and invalid UTF-8 (warnings: the line is read, with U+FFFD for the bad bytes).
fn look_at_bytes(file: &str, bytes: &[u8]) -> (Vec<DictIssue>, bool) {
    let issue = |line: usize, severity, message: String| DictIssue { file: file.to_string(), line, message, severity };
    // Binary: a NUL byte near the start, and a quarter of the characters there
    // control characters or bytes that are not UTF-8. A text file with one line
    // of garbage is not binary; its bad lines are reported one by one below.
    let head = &bytes[..bytes.len().min(8192)];
    let decoded = String::from_utf8_lossy(head);
    let chars = decoded.chars().count();
    let odd =
        decoded.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER || (c.is_control() && !c.is_whitespace())).count();
    if head.contains(&0) && odd * 4 > chars {
        let line = 1 + bytes[..bytes.iter().position(|&b| b == 0).unwrap_or(0)].iter().filter(|&&b| b == b'\n').count();
        let msg = "binary data (NUL bytes, control characters, bytes that are not UTF-8), not a dictionary; the file was not read".to_string();
        return (vec![issue(line, Severity::Error, msg)], true);
    }
    let mut issues = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = String::from_utf8_lossy(raw);
        if let Some(col) = text.chars().position(|c| c == '\0') {
            issues.push(issue(
                line,
                Severity::Error,
                format!("binary data (a NUL byte at column {}); this line is not a dictionary entry", col + 1),
            ));
        } else if let Some((col, c)) = text.chars().enumerate().find(|&(_, c)| c.is_control() && c != '\t') {
            issues.push(issue(
                line,
                Severity::Warning,
                format!(
                    "control character U+{:04X} at column {}; a phrase containing it never matches news text",
                    c as u32,
                    col + 1
                ),
            ));
        }
        if let Err(e) = std::str::from_utf8(raw) {
            let at = e.valid_up_to();
            let col = String::from_utf8_lossy(&raw[..at]).chars().count() + 1;
            issues.push(issue(
                line,
                Severity::Warning,
                format!(
                    "not valid UTF-8 (byte 0x{:02X} at column {col}); read with U+FFFD in its place, so the word will not match; save the file as UTF-8",
                    raw[at]
                ),
            ));
        }
    }
    (issues, false)
}

/// What a reader made of one community file.
struct ReadResult {
    entries: String,
    issues: Vec<DictIssue>,
    verbs: Option<VerbLexicon>,
    count: usize,
}

fn read_community_file(f: &CommunityFile) -> ReadResult {
    let name = f.display.as_str();
    let text = if f.binary { "" } else { f.text.as_str() };
    match f.kind {
        Kind::Verbs => {
            let l = petrarch::read_verbs(name, text);
            let entries = format!(
                "{} verbs, {} patterns, {} synsets",
                thousands(l.value.verbs.len()),
                thousands(pattern_count(&l.value)),
                thousands(l.value.synsets.len())
            );
            ReadResult { entries, count: l.value.verbs.len(), issues: l.issues, verbs: Some(l.value) }
        }
        Kind::Actors => {
            let l = petrarch::read_actors(name, text);
            ReadResult {
                entries: format!("{} phrases", thousands(l.value.len())),
                count: l.value.len(),
                issues: l.issues,
                verbs: None,
            }
        }
        Kind::Agents => {
            let l = petrarch::read_agents(name, text);
            ReadResult {
                entries: format!("{} phrases", thousands(l.value.len())),
                count: l.value.len(),
                issues: l.issues,
                verbs: None,
            }
        }
        Kind::Discards => {
            let l = petrarch::read_discards(name, text);
            ReadResult {
                entries: format!("{} phrases", thousands(l.value.len())),
                count: l.value.len(),
                issues: l.issues,
                verbs: None,
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// check

/// One line of the summary table.
struct FileRow {
    file: String,
    kind: String,
    entries: String,
    errors: usize,
    warnings: usize,
}

fn check(args: &DictFiles) -> ExitCode {
    if args.no_builtin
        && args.files.is_empty()
        && args.verbs.is_empty()
        && args.actors.is_empty()
        && args.agents.is_empty()
        && args.discards.is_empty()
    {
        eprintln!("error: nothing to check: give dictionary files, or drop --no-builtin to check the built-ins");
        return ExitCode::from(2);
    }
    let (table, table_issues) = CameoTable::parse(CAMEO_TSV.0, CAMEO_TSV.1);
    let mut rows: Vec<FileRow> = Vec::new();
    let mut all: Vec<DictIssue> = Vec::new();
    let mut unreadable = 0usize;
    let mut entries_total = 0usize;

    if !args.no_builtin {
        let (knowledge, mut issues) = load_builtin();
        for i in &mut issues {
            i.file = format!("{BUILTIN_DIR}{}", i.file);
        }
        let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
        for rule in knowledge.actors.iter().map(|a| &a.rule).chain(knowledge.agents.iter().map(|a| &a.rule)) {
            *per_file.entry(rule_file(rule)).or_default() += 1;
        }
        for &(file, _) in BUILTIN_FILES {
            let shown = format!("{BUILTIN_DIR}{file}");
            let n = per_file.get(file).copied().unwrap_or(0);
            entries_total += n;
            let kind = if file == "roles.txt" { "built-in roles" } else { "built-in actors" };
            rows.push(row(&shown, kind, format!("{} phrases", thousands(n)), &issues));
        }
        all.extend(sorted(issues));

        let (lex, mut issues) = read_event_lexicon(BUILTIN_VERBS.0, BUILTIN_VERBS.1);
        issues.extend(unknown_codes(&lex.verbs, &table));
        for i in &mut issues {
            i.file = format!("{BUILTIN_DIR}{}", i.file);
        }
        let shown = format!("{BUILTIN_DIR}{}", BUILTIN_VERBS.0);
        entries_total += lex.verbs.verbs.len();
        let entries = format!(
            "{} verbs and nouns, {} patterns",
            thousands(lex.verbs.verbs.len()),
            thousands(pattern_count(&lex.verbs))
        );
        rows.push(row(&shown, "built-in event lexicon", entries, &issues));
        all.extend(sorted(issues));

        let mut issues = table_issues;
        for i in &mut issues {
            i.file = format!("{BUILTIN_DIR}{}", i.file);
        }
        entries_total += table.len();
        rows.push(row(
            &format!("{BUILTIN_DIR}{}", CAMEO_TSV.0),
            "CAMEO table",
            format!("{} codes", thousands(table.len())),
            &issues,
        ));
        all.extend(sorted(issues));
    }

    // The user's files, read again into one knowledge base with the built-ins to
    // find the built-in entries they replace.
    let mut shadowing = (!args.no_builtin).then(|| KnowledgeBuilder::new().builtin());
    for f in read_community(args) {
        let f = match f {
            Ok(f) => f,
            Err(e) => {
                println!("{}", e.replacen(": cannot read", ": error: cannot read", 1));
                unreadable += 1;
                continue;
            }
        };
        if let Some(b) = shadowing.as_mut().filter(|_| !f.binary) {
            match f.kind {
                Kind::Verbs => b.petrarch_verbs(&f.display, &f.text),
                Kind::Actors => b.petrarch_actors(&f.display, &f.text),
                Kind::Agents => b.petrarch_agents(&f.display, &f.text),
                Kind::Discards => {}
            }
        }
        let r = read_community_file(&f);
        let mut issues = f.raw_issues.clone();
        issues.extend(r.issues);
        if let Some(v) = &r.verbs {
            issues.extend(unknown_codes(v, &table));
        }
        if r.count == 0 && !f.binary && issues.is_empty() {
            let message = "no entries: the file is empty or holds only comments".to_string();
            issues.push(DictIssue { file: f.display.clone(), line: 1, message, severity: Severity::Warning });
        }
        entries_total += r.count;
        let kind = if f.binary { "binary".to_string() } else { format!("{} (by {})", f.kind.label(), f.how) };
        let entries = if f.binary { "not read".to_string() } else { r.entries };
        rows.push(row(&f.display, &kind, entries, &issues));
        all.extend(sorted(issues));
    }

    for i in &all {
        println!("{i}");
    }
    // User entries win over built-in ones for the same phrase or verb: list them.
    let shadowed = shadowing.map(|b| b.build().shadowed).unwrap_or_default();
    if !shadowed.is_empty() {
        if !all.is_empty() {
            println!();
        }
        for s in &shadowed {
            println!("{BUILTIN_DIR}{}: built-in {} `{}` is replaced by {}", s.builtin, s.kind, s.phrase, s.user);
        }
    }
    let errors = all.iter().filter(|i| i.severity == Severity::Error).count() + unreadable;
    let warnings = all.iter().filter(|i| i.severity == Severity::Warning).count();
    if !all.is_empty() || unreadable > 0 {
        println!();
    }
    print_rows(&rows);
    if !shadowed.is_empty() {
        println!(
            "{} built-in entr{} replaced by your files",
            thousands(shadowed.len()),
            if shadowed.len() == 1 { "y" } else { "ies" }
        );
    }
    println!(
        "checked {} file(s){}: {} entries, {} error(s), {} warning(s)",
        rows.len(),
        if unreadable > 0 { format!(" ({unreadable} could not be read)") } else { String::new() },
        thousands(entries_total),
        thousands(errors),
        thousands(warnings)
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn row(file: &str, kind: &str, entries: String, issues: &[DictIssue]) -> FileRow {
    let mine = issues.iter().filter(|i| i.file == file);
    let (mut errors, mut warnings) = (0, 0);
    for i in mine {
        match i.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    FileRow { file: file.to_string(), kind: kind.to_string(), entries, errors, warnings }
}

fn print_rows(rows: &[FileRow]) {
    let wf = rows.iter().map(|r| r.file.chars().count()).chain([4]).max().unwrap_or(4);
    let wk = rows.iter().map(|r| r.kind.chars().count()).chain([4]).max().unwrap_or(4);
    let we = rows.iter().map(|r| r.entries.chars().count()).chain([7]).max().unwrap_or(7);
    println!("{:<wf$}  {:<wk$}  {:<we$}  {:>6}  {:>8}", "file", "read as", "entries", "errors", "warnings");
    for r in rows {
        println!("{:<wf$}  {:<wk$}  {:<we$}  {:>6}  {:>8}", r.file, r.kind, r.entries, r.errors, r.warnings);
    }
}

fn sorted(mut issues: Vec<DictIssue>) -> Vec<DictIssue> {
    issues.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    issues
}

/// The file part of a `file:line` rule.
fn rule_file(rule: &str) -> &str {
    rule.rsplit_once(':').map_or(rule, |(f, _)| f)
}

/// Warnings for event codes a verb lexicon uses that the CAMEO table lacks, once
/// per dictionary line.
fn unknown_codes(lex: &VerbLexicon, table: &CameoTable) -> Vec<DictIssue> {
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut add = |code: &PatternCode, rule: &str| {
        for c in [&code.code, &code.paired].into_iter().flatten() {
            if table.get(c).is_none() {
                seen.insert((rule.to_string(), c.clone()));
            }
        }
    };
    for v in &lex.verbs {
        add(&v.code, &v.rule);
        for p in &v.patterns {
            add(&p.code, &p.rule);
        }
    }
    seen.into_iter()
        .map(|(rule, code)| {
            let (file, line) = rule.rsplit_once(':').map_or((rule.as_str(), 0), |(f, l)| (f, l.parse().unwrap_or(0)));
            let message = match table.lookup(&code) {
                Some(info) => format!("event code {code} is not in the CAMEO table; its events take the name and scores of {} ({})", info.code, info.name),
                None => format!("event code {code} is not in the CAMEO table; its events get no name, quad class, Goldstein value or PLOVER type"),
            };
            DictIssue { file: file.to_string(), line, message, severity: Severity::Warning }
        })
        .collect()
}

/// Pattern lines in a lexicon: patterns shared by every verb of a block, or by the
/// alternatives of one line, count once.
fn pattern_count(lex: &VerbLexicon) -> usize {
    lex.verbs.iter().flat_map(|v| v.patterns.iter().map(|p| p.rule.as_str())).collect::<BTreeSet<_>>().len()
}

// ---------------------------------------------------------------------------------
// stats

/// Reads the dictionaries and builds the `Knowledge`, as `dragoman code` does.
fn load(files: &[CommunityFile], builtin: bool) -> Result<Knowledge, String> {
    let mut b = if builtin { KnowledgeBuilder::new().builtin() } else { KnowledgeBuilder::new() };
    for f in files {
        let bytes = std::fs::read(&f.path).map_err(|e| format!("{}: cannot read dictionary: {e}", f.display))?;
        let text = String::from_utf8_lossy(&bytes);
        let name = f.path.file_name().and_then(|n| n.to_str()).unwrap_or("dictionary");
        match f.kind {
            Kind::Verbs => b.petrarch_verbs(name, &text),
            Kind::Actors => b.petrarch_actors(name, &text),
            Kind::Agents => b.petrarch_agents(name, &text),
            Kind::Discards => b.petrarch_discards(name, &text),
        }
    }
    Ok(b.build())
}

fn stats(args: &StatsArgs) -> ExitCode {
    let mut files = Vec::new();
    for f in read_community(&args.files) {
        match f {
            Ok(f) if f.binary => {
                eprintln!("error: {}: binary data, not a dictionary", f.display);
                return ExitCode::from(1);
            }
            Ok(f) => files.push(f),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let builtin = !args.files.no_builtin;
    if !builtin && files.is_empty() {
        eprintln!("error: no dictionaries: give dictionary files, or drop --no-builtin");
        return ExitCode::from(2);
    }
    // The measured load comes first (it also warms the page cache); the timed runs
    // follow with the counters off.
    let (knowledge, usage) = memory::measure(|| load(&files, builtin));
    let knowledge = match knowledge {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..args.runs {
        let started = Instant::now();
        let k = load(&files, builtin);
        times.push(started.elapsed());
        drop(k);
    }
    times.sort();

    let mut sources: Vec<String> = Vec::new();
    if builtin {
        let mut names: Vec<&str> = BUILTIN_FILES.iter().map(|f| f.0).collect();
        names.extend([BUILTIN_VERBS.0, CAMEO_TSV.0]);
        sources.push(format!("built-in ({})", names.join(", ")));
    }
    sources.extend(files.iter().map(|f| format!("{} ({})", f.display, f.kind.label())));
    println!("Dictionaries");
    for s in &sources {
        println!("  {s}");
    }
    println!();
    print_counts(&knowledge);
    println!();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("Load time (read, parse and index; {} run(s))", args.runs);
    stat_line(
        "median",
        format!("{:.1} ms", ms(times[times.len() / 2])),
        format!("min {:.1}, max {:.1}", ms(times[0]), ms(times[times.len() - 1])),
    );
    println!();
    println!("Memory (heap counted by the allocator during one load; MB = 10^6 bytes)");
    stat_line("held by the dictionaries", mb(usage.held), String::new());
    stat_line("peak while loading", mb(usage.peak), String::new());
    stat_line("allocated in all", mb(usage.allocated), format!("{} allocations", thousands(usage.allocations)));
    let rss = usage.rss_growth.map_or_else(|| "n/a".to_string(), mb);
    stat_line(
        "resident set growth",
        rss,
        if usage.rss_growth.is_some() {
            "VmRSS, /proc/self/status".to_string()
        } else {
            "no /proc on this platform".to_string()
        },
    );
    let errors = knowledge.issues.iter().filter(|i| i.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!("note: {errors} dictionary line(s) could not be read; `dragoman dict check` lists them");
    }
    ExitCode::SUCCESS
}

fn print_counts(k: &Knowledge) {
    let kinds: [(ActorKind, &str); 8] = [
        (ActorKind::Country, "countries"),
        (ActorKind::Adjective, "adjectives and demonyms"),
        (ActorKind::Capital, "capitals"),
        (ActorKind::Organization, "organisations"),
        (ActorKind::Person, "people"),
        (ActorKind::Group, "groups"),
        (ActorKind::Region, "regions"),
        (ActorKind::Other, "other (community files)"),
    ];
    let dated = |a: &ActorEntry| a.codes.iter().any(|c| c.from.is_some() || c.to.is_some());
    let people: BTreeSet<&str> =
        k.actors.iter().filter(|a| a.kind == ActorKind::Person && dated(a)).map(|a| a.name.as_str()).collect();
    let forms: usize = k.verbs.verbs.iter().map(|v| v.forms.len()).sum();
    let nouns = k.verbs.verbs.iter().filter(|v| v.noun).count();
    let say = k.say.iter().filter(|&&s| s).count();
    let members: usize = k.verbs.synsets.values().map(Vec::len).sum();
    println!("Entries");
    stat_line("actor phrases", thousands(k.actors.len()), String::new());
    for (kind, label) in kinds {
        let n = k.actors.iter().filter(|a| a.kind == kind).count();
        stat_line(&format!("  {label}"), thousands(n), String::new());
    }
    stat_line("people with dated roles", thousands(people.len()), String::new());
    stat_line("phrases with dated codes", thousands(k.actors.iter().filter(|a| dated(a)).count()), String::new());
    stat_line("agent (role) phrases", thousands(k.agents.len()), String::new());
    stat_line("discard phrases", thousands(k.discards.len()), String::new());
    stat_line(
        "verbs and nouns",
        thousands(k.verbs.verbs.len()),
        format!("{} nouns, {} verbs of saying", thousands(nouns), thousands(say)),
    );
    stat_line("verb forms", thousands(forms), String::new());
    stat_line("patterns", thousands(pattern_count(&k.verbs)), "distinct dictionary lines".to_string());
    stat_line("synsets", thousands(k.verbs.synsets.len()), format!("{} members", thousands(members)));
    stat_line("CAMEO codes", thousands(CameoTable::builtin().len()), "built-in table".to_string());
}

fn stat_line(label: &str, value: String, note: String) {
    if note.is_empty() {
        println!("  {label:<28} {value:>10}");
    } else {
        println!("  {label:<28} {value:>10}   ({note})");
    }
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let first = match digits.len() % 3 {
        0 => 3,
        r => r,
    };
    let mut out = digits[..first].to_string();
    for group in digits.as_bytes()[first..].chunks(3) {
        out.push(',');
        out.push_str(std::str::from_utf8(group).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_guessed_from_name_then_content() {
        let g = |name: &str, text: &str| guess_kind(Path::new(name), text).0;
        assert_eq!(g("Phoenix.agents.txt", ""), Kind::Agents);
        assert_eq!(g("x/CAMEO.2.0.txt", "&SYN\n+A\n--- GRANT [070] ---\nGIVE\n- * + [071]\n"), Kind::Verbs);
        assert_eq!(g("mine.txt", "AMBASSADOR [~GOV]\n"), Kind::Agents);
        assert_eq!(g("mine.txt", "!P! = MAN, MEN\nCONGRESS!P! [ ~LEG]\n"), Kind::Agents);
        assert_eq!(g("mine.txt", "ARNOR_ [ARN]\n+ARNORIAN\n"), Kind::Actors);
        assert_eq!(g("mine.txt", "# [comment]\nWORLD CUP\n+GOLF\n"), Kind::Discards);
    }

    #[test]
    fn raw_bytes_are_looked_at() {
        let (issues, binary) = look_at_bytes("f", b"GOOD [X]\nBAD\xe9 [Y]\nNUL\0HERE\nCTRL\x1aZ [Z]\n");
        assert!(!binary);
        let lines: Vec<(usize, Severity)> = issues.iter().map(|i| (i.line, i.severity)).collect();
        assert_eq!(lines, vec![(2, Severity::Warning), (3, Severity::Error), (4, Severity::Warning)]);
        let (issues, binary) = look_at_bytes("f", &[0u8, 1, 2, 3, 4, 5, 6, 7, 8, b'\n', 0, 0]);
        assert!(binary && issues.len() == 1 && issues[0].line == 1);
    }

    #[test]
    fn numbers_get_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
