//! `dragoman validate`: run a PETRARCH validation file and report how many records
//! Dragoman codes exactly as their authors expect.
//!
//! A validation file (PETRARCH's `PETR.UnitTest.records.xml` is the reference one)
//! names its dictionaries in `<Environment>` and holds `<Sentence>` records, each
//! with a date, a category, its text and the events expected; `<Config>` switches
//! between records change settings from where they stand. The file is read by
//! `dragoman_core::validation`, shared with the test that tracks the same figure.
//!
//! A record passes when the set of (source, target or `---`, code) triples coded
//! from its text, dated by the record, equals the set expected; a record that
//! expects an error or a discard passes when nothing is coded. This is the
//! comparison `crates/dragoman-core/tests/petrarch_unit.rs` makes, so the two
//! figures agree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::KnowledgeBuilder;
use dragoman_core::lexicon::Severity;
use dragoman_core::model::Document;
use dragoman_core::validation::{read_validation, Record};

#[derive(Args)]
pub struct ValidateArgs {
    /// PETRARCH validation file: XML whose <Environment> names the dictionaries
    /// and whose <Sentence> records give a text, its date and the events expected.
    #[arg(value_name = "FILE.xml")]
    file: PathBuf,

    /// Look for the dictionaries named in <Environment> in this folder instead of
    /// the validation file's own folder.
    #[arg(long, value_name = "DIR")]
    dict_dir: Option<PathBuf>,

    /// List every failing record with its id, line, text, and the events expected
    /// and coded (each coded event with the dictionary line that fired); list the
    /// dictionary lines that could not be read.
    #[arg(long, short)]
    verbose: bool,
}

/// (source, target or "---", code)
type Triple = (String, String, String);

/// Pass and total counts for one category.
#[derive(Default)]
struct Tally {
    passed: usize,
    total: usize,
}

pub fn run(args: ValidateArgs) -> ExitCode {
    let started = Instant::now();
    let shown = args.file.display().to_string();
    let xml = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("error: cannot read validation file {shown}: {e}");
            return ExitCode::from(1);
        }
    };
    let (env, records) = read_validation(&xml);
    let read_ms = started.elapsed().as_millis();
    if records.is_empty() {
        eprintln!("error: {shown}: no <Sentence> records found; is this a PETRARCH validation file?");
        return ExitCode::from(1);
    }
    let base = match &args.dict_dir {
        Some(d) => d.clone(),
        None => args.file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf(),
    };

    // The dictionaries <Environment> names, and only those.
    let mut named: Vec<(&str, &str)> = Vec::new();
    named.extend(env.verbs.iter().map(|f| ("Verbfile", f.as_str())));
    named.extend(env.actors.iter().map(|f| ("Actorfile", f.as_str())));
    named.extend(env.agents.iter().map(|f| ("Agentfile", f.as_str())));
    named.extend(env.discards.iter().map(|f| ("Discardfile", f.as_str())));
    let loading = Instant::now();
    let mut builder = KnowledgeBuilder::new();
    if named.is_empty() {
        println!("note: {shown} names no dictionaries in <Environment>; using the built-ins");
        builder = builder.builtin();
    }
    for &(tag, file) in &named {
        let path = base.join(file);
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("error: cannot read dictionary {} (named in <{tag}> of {shown}): {e}", path.display());
                return ExitCode::from(1);
            }
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(file);
        match tag {
            "Verbfile" => builder.petrarch_verbs(name, &text),
            "Actorfile" => builder.petrarch_actors(name, &text),
            "Agentfile" => builder.petrarch_agents(name, &text),
            _ => builder.petrarch_discards(name, &text),
        }
    }
    let knowledge = builder.build();
    let load_ms = loading.elapsed().as_millis();

    println!("validation file  {shown} ({} records)", records.len());
    if !named.is_empty() {
        let names: Vec<&str> = named.iter().map(|n| n.1).collect();
        println!("dictionaries     {} (in {})", names.join(", "), base.display());
    }
    let dyad = env.options.iter().filter(|o| o.option == "require_dyad").count();
    if dyad > 0 {
        println!("honoured         require_dyad ({dyad} switch(es), applied from where each stands)");
    }
    let mut ignored = BTreeSet::new();
    for o in env.options.iter().filter(|o| o.option != "require_dyad") {
        if ignored.insert(o.option.as_str()) {
            println!("ignored: option {} (first at line {}; a PETRARCH parser setting)", o.option, o.line);
        }
    }
    for e in &env.other {
        println!("ignored: <{e}> in <Environment> (every record is run)");
    }
    let bad_lines: Vec<_> = knowledge.issues.iter().filter(|i| i.severity == Severity::Error).collect();
    if !bad_lines.is_empty() {
        println!(
            "note: {} dictionary line(s) could not be read{}",
            bad_lines.len(),
            if args.verbose { ":" } else { " (--verbose lists them)" }
        );
        if args.verbose {
            for i in &bad_lines {
                println!("  {i}");
            }
        }
    }
    println!();

    let coding_started = Instant::now();
    let mut tallies: Vec<(String, Tally)> = Vec::new();
    let mut failures = 0usize;
    for r in &records {
        let (got, rules) = code_record(r, &knowledge);
        let want: BTreeSet<Triple> = r.expected.iter().cloned().collect();
        let ok = if r.expects_error.is_some() { got.is_empty() } else { got == want };
        let at = match tallies.iter().position(|(c, _)| *c == r.category) {
            Some(at) => at,
            None => {
                tallies.push((r.category.clone(), Tally::default()));
                tallies.len() - 1
            }
        };
        tallies[at].1.total += 1;
        if ok {
            tallies[at].1.passed += 1;
        } else {
            failures += 1;
            if args.verbose {
                print_failure(r, &want, &got, &rules);
            }
        }
    }
    let coding_secs = coding_started.elapsed().as_secs_f64();
    if args.verbose && failures > 0 {
        println!();
    }

    let passed: usize = tallies.iter().map(|(_, t)| t.passed).sum();
    let w = tallies.iter().map(|(c, _)| c.chars().count()).chain([8]).max().unwrap_or(8);
    println!("{:<w$}  {:>6}  {:>5}  {:>6}", "category", "passed", "total", "%");
    for (category, t) in &tallies {
        let name = if category.is_empty() { "(none)" } else { category.as_str() };
        println!("{:<w$}  {:>6}  {:>5}  {:>6}", name, t.passed, t.total, percent(t.passed, t.total));
    }
    println!("{:<w$}  {:>6}  {:>5}  {:>6}", "total", passed, records.len(), percent(passed, records.len()));
    eprintln!(
        "coded {} record(s) in {:.2} s (file read in {read_ms} ms, dictionaries loaded in {load_ms} ms); {passed} passed, {failures} failed",
        records.len(),
        coding_secs
    );
    ExitCode::SUCCESS
}

/// Codes a record's text, dated by the record, under its `require_dyad`: the
/// triples, and the dictionary line behind each.
fn code_record(
    r: &Record,
    knowledge: &dragoman_core::knowledge::Knowledge,
) -> (BTreeSet<Triple>, BTreeMap<Triple, String>) {
    let date = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d").unwrap_or_default();
    let doc =
        Document { id: r.id.clone(), text: r.text.clone(), published: date, source: None, url: None, title: None };
    let opts = CodeOptions { require_dyad: Some(r.require_dyad), ..CodeOptions::default() };
    let coded = code_document(&doc, knowledge, &opts);
    let mut got = BTreeSet::new();
    let mut rules = BTreeMap::new();
    for e in &coded.events {
        let t =
            (e.source.code.clone(), e.target.as_ref().map_or("---".to_string(), |t| t.code.clone()), e.code.clone());
        rules.entry(t.clone()).or_insert_with(|| e.rule.clone());
        got.insert(t);
    }
    (got, rules)
}

fn print_failure(r: &Record, want: &BTreeSet<Triple>, got: &BTreeSet<Triple>, rules: &BTreeMap<Triple, String>) {
    let shown = |s: &str| crate::printable::printable(s).replace('\n', " ");
    println!("FAIL {}  line {}  [{}]", shown(&r.id), r.line, shown(&r.category));
    println!("  text      {}", shown(&r.text));
    match &r.expects_error {
        Some(err) => println!("  expected  no events (error: {err})"),
        None if want.is_empty() => println!("  expected  no events"),
        None => {
            for (k, t) in want.iter().enumerate() {
                println!("  {:<9} {} {} {}", if k == 0 { "expected" } else { "" }, t.0, t.1, t.2);
            }
        }
    }
    if got.is_empty() {
        println!("  coded     no events");
    }
    for (k, t) in got.iter().enumerate() {
        let rule = rules.get(t).map_or(String::new(), |r| format!("   ({r})"));
        println!("  {:<9} {} {} {}{rule}", if k == 0 { "coded" } else { "" }, t.0, t.1, t.2);
    }
}

fn percent(n: usize, of: usize) -> String {
    if of == 0 {
        "-".to_string()
    } else {
        format!("{:.1}", 100.0 * n as f64 / of as f64)
    }
}
