//! `dragoman validate`: per-category and total figures on a small validation file
//! written here (with tiny dictionaries of invented countries), `<Config>` switches,
//! `--dict-dir`, unreadable files, and the PETRARCH unit records in `../shared`,
//! whose total must be the figure `dragoman-core/tests/petrarch_unit.rs` computes.

#[path = "support/scratch.rs"]
mod scratch;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dragoman_core::coder::{code_document, CodeOptions};
use dragoman_core::knowledge::KnowledgeBuilder;
use dragoman_core::model::Document;
use dragoman_core::validation::read_validation;
use scratch::Scratch;

const VERBS: &str = "# Two verbs, written for Dragoman's tests.
--- CRITICIZE [111] ---
CRITICIZE
DENOUNCE
--- PRAISE [051] ---
PRAISE
- * + FOR_ HOSPITALITY [052]
";

const ACTORS: &str = "FREEDONIA_ [FRE]\n+FREEDONIAN_\nSYLVANIA_ [SYL]\n+SYLVANIAN_\n";
const AGENTS: &str = "MINISTER [~GOV]\n";
const DISCARDS: &str = "+CHESS TOURNAMENT\n";

/// Six records in three categories: ALPHA 2 of 2, BETA 1 of 2 (BETA-1 expects the
/// wrong code on purpose), GAMMA 2 of 2 (the same sentence, once with require_dyad
/// off and once back on). `comma_max` is set twice and must be listed once.
const XML: &str = r#"<Validation>
<Environment>
<Verbfile>tiny.verbs.txt</Verbfile>
<Actorfile>tiny.actors.txt</Actorfile>
<Agentfile>tiny.agents.txt</Agentfile>
<Discardfile>tiny.discards.txt</Discardfile>
<Include>ALPHA BETA</Include>
</Environment>
<Sentences>
<Sentence date="20240105" id="ALPHA-1" category="ALPHA">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="111"></EventCoding>
<Text>Freedonia criticized Sylvania on Friday.</Text>
</Sentence>
<Sentence date="20240106" id="ALPHA-2" category="ALPHA">
<EventCoding sourcecode="SYLGOV" targetcode="FRE" eventcode="052"></EventCoding>
<Text>The Sylvanian minister praised Freedonia for its hospitality.</Text>
</Sentence>
<Sentence date="20240107" id="BETA-1" category="BETA">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="051"></EventCoding>
<Text>Freedonia denounced Sylvania.</Text>
</Sentence>
<Sentence date="20240108" id="BETA-2" category="BETA">
<EventCoding error="storydiscard"></EventCoding>
<Text>Freedonia praised Sylvania after the chess tournament.</Text>
</Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Config option="comma_max" value="0"></Config>
<Sentence date="20240109" id="GAMMA-1" category="GAMMA">
<EventCoding sourcecode="FRE" targetcode="---" eventcode="111"></EventCoding>
<Text>Freedonia criticized the plan.</Text>
</Sentence>
<Config option="require_dyad" value="True"></Config>
<Config option="comma_max" value="8"></Config>
<Sentence date="20240110" id="GAMMA-2" category="GAMMA">
<EventCoding noevents="True"></EventCoding>
<Text>Freedonia criticized the plan.</Text>
</Sentence>
</Sentences>
</Validation>
"#;

/// Writes the validation file and its dictionaries, the dictionaries under `dicts`;
/// the validation file's path.
fn fixture(s: &Scratch, dicts: &str) -> PathBuf {
    s.write(&format!("{dicts}/tiny.verbs.txt"), VERBS);
    s.write(&format!("{dicts}/tiny.actors.txt"), ACTORS);
    s.write(&format!("{dicts}/tiny.agents.txt"), AGENTS);
    s.write(&format!("{dicts}/tiny.discards.txt"), DISCARDS);
    s.write("records/tiny.xml", XML)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn dragoman(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman")).args(args).output().expect("run dragoman");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "dragoman panicked:\n{}", run.stderr);
    run
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The table row for `name`: (passed, total, percent as printed).
fn row(stdout: &str, name: &str) -> (usize, usize, String) {
    let line = stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no row `{name}` in:\n{stdout}"));
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cols.len(), 4, "row `{line}`");
    (cols[1].parse().unwrap(), cols[2].parse().unwrap(), cols[3].to_string())
}

#[test]
fn figures_per_category_and_in_total() {
    let s = Scratch::new("figures");
    // Dictionaries beside the validation file, as <Environment> names them.
    let xml = fixture(&s, "records");
    let run = dragoman(&["validate", path_str(&xml)]);
    assert_eq!(run.code, 0, "stderr:\n{}\nstdout:\n{}", run.stderr, run.stdout);
    assert_eq!(row(&run.stdout, "ALPHA"), (2, 2, "100.0".to_string()), "{}", run.stdout);
    assert_eq!(row(&run.stdout, "BETA"), (1, 2, "50.0".to_string()), "{}", run.stdout);
    assert_eq!(row(&run.stdout, "GAMMA"), (2, 2, "100.0".to_string()), "{}", run.stdout);
    assert_eq!(row(&run.stdout, "total"), (5, 6, "83.3".to_string()), "{}", run.stdout);
    // Categories in the order they first appear, after the heading.
    let order: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("category"))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(order, vec!["category", "ALPHA", "BETA", "GAMMA", "total"]);
    assert_eq!(run.stdout.matches("ignored: option comma_max").count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("ignored: <Include>"), "{}", run.stdout);
    assert!(!run.stdout.contains("FAIL"), "failures are listed only with --verbose:\n{}", run.stdout);
}

#[test]
fn verbose_lists_each_failing_record() {
    let s = Scratch::new("verbose");
    let xml = fixture(&s, "records");
    let run = dragoman(&["validate", path_str(&xml), "--verbose"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fails: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert_eq!(fails.len(), 1, "{}", run.stdout);
    assert!(fails[0].contains("BETA-1") && fails[0].contains("line 18"), "{}", fails[0]);
    assert!(run.stdout.contains("Freedonia denounced Sylvania."), "{}", run.stdout);
    assert!(run.stdout.contains("expected  FRE SYL 051"), "{}", run.stdout);
    assert!(run.stdout.contains("coded     FRE SYL 111"), "{}", run.stdout);
    assert!(run.stdout.contains("tiny.verbs.txt:"), "coded events name the dictionary line:\n{}", run.stdout);
}

#[test]
fn dict_dir_overrides_the_files_folder() {
    let s = Scratch::new("dictdir");
    let xml = fixture(&s, "dicts");
    let dicts = s.path("dicts");
    // Without --dict-dir the dictionaries are looked for beside the XML: missing.
    let run = dragoman(&["validate", path_str(&xml)]);
    assert_eq!(run.code, 1, "stdout:\n{}", run.stdout);
    assert!(run.stderr.contains("tiny.verbs.txt") && run.stderr.contains("<Verbfile>"), "{}", run.stderr);
    let run = dragoman(&["validate", path_str(&xml), "--dict-dir", path_str(&dicts)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(row(&run.stdout, "total"), (5, 6, "83.3".to_string()), "{}", run.stdout);
}

#[test]
fn a_missing_dictionary_is_named() {
    let s = Scratch::new("missing");
    let xml = fixture(&s, "records");
    fs::remove_file(s.path("records/tiny.agents.txt")).unwrap();
    let run = dragoman(&["validate", path_str(&xml)]);
    assert_eq!(run.code, 1, "stdout:\n{}", run.stdout);
    let errors: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(errors[0].contains("tiny.agents.txt") && errors[0].contains("<Agentfile>"), "{}", errors[0]);
}

#[test]
fn unreadable_validation_files_and_bad_usage() {
    let s = Scratch::new("unreadable");
    let missing = s.path("nowhere.xml");
    let run = dragoman(&["validate", path_str(&missing)]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nowhere.xml"), "{}", run.stderr);
    let not_xml = s.write("notes.xml", "just some words\n");
    let run = dragoman(&["validate", path_str(&not_xml)]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("notes.xml") && run.stderr.contains("no <Sentence> records"), "{}", run.stderr);
    assert_eq!(dragoman(&["validate"]).code, 2);
    assert_eq!(dragoman(&["validate", "a.xml", "--no-such-flag"]).code, 2);
}

/// The figure `dragoman-core/tests/petrarch_unit.rs` computes, the same way.
fn library_figure(dir: &Path, xml: &str) -> (usize, usize) {
    let (env, records) = read_validation(xml);
    let read = |n: &str| fs::read_to_string(dir.join(n)).unwrap();
    let mut b = KnowledgeBuilder::new();
    b.petrarch_verbs("verbs", &read(env.verbs.as_deref().unwrap()));
    for a in &env.actors {
        b.petrarch_actors(a, &read(a));
    }
    b.petrarch_agents("agents", &read(env.agents.as_deref().unwrap()));
    b.petrarch_discards("discards", &read(env.discards.as_deref().unwrap()));
    let k = b.build();
    let mut pass = 0;
    for r in &records {
        let date = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d").unwrap_or_default();
        let doc =
            Document { id: r.id.clone(), text: r.text.clone(), published: date, source: None, url: None, title: None };
        let opts = CodeOptions { require_dyad: Some(r.require_dyad), ..CodeOptions::default() };
        let got: BTreeSet<(String, String, String)> = code_document(&doc, &k, &opts)
            .events
            .iter()
            .map(|e| {
                (e.source.code.clone(), e.target.as_ref().map_or("---".to_string(), |t| t.code.clone()), e.code.clone())
            })
            .collect();
        let want: BTreeSet<(String, String, String)> = r.expected.iter().cloned().collect();
        if if r.expects_error.is_some() { got.is_empty() } else { got == want } {
            pass += 1;
        }
    }
    (pass, records.len())
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the checkout")]
fn petrarch_unit_records() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch-unit");
    let file = dir.join("PETR.UnitTest.records.xml");
    let xml = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let run = dragoman(&["validate", path_str(&file)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (passed, total, percent) = row(&run.stdout, "total");
    println!("dragoman validate on the PETRARCH unit records: {passed} of {total} ({percent}%)");
    assert_eq!((passed, total), library_figure(&dir, &xml), "the CLI and the library disagree");
    assert!(passed as f64 >= 0.60 * total as f64, "only {percent}% of the PETRARCH unit records coded exactly");
    for option in ["stop_on_error", "new_actor_length", "comma_emax"] {
        assert_eq!(run.stdout.matches(&format!("ignored: option {option} ")).count(), 1, "{}", run.stdout);
    }
}
