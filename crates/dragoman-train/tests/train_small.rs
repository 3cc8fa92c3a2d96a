//! `dragoman-train` end to end on a tiny treebank made here: it trains, the model reads
//! back and parses its own training sentences well, and two runs write the same bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Three news sentences annotated by hand (UD English conventions), shared with the
/// core's syntax tests.
const SENTENCES: &str = include_str!("../../dragoman-core/tests/fixtures/news-gold.conllu");

fn tiny_shared(dir: &Path) {
    let train = SENTENCES.repeat(8);
    // The file names are the treebanks' own.
    for (folder, prefix) in [("ud-english-ewt", "en_ewt-ud"), ("ud-english-gum-cc-by", "en_gum-cc-by")] {
        fs::create_dir_all(dir.join(folder)).unwrap();
        for split in ["train", "dev", "test"] {
            let text = if split == "train" { train.as_str() } else { SENTENCES };
            fs::write(dir.join(folder).join(format!("{prefix}-{split}.conllu")), text).unwrap();
        }
    }
    fs::create_dir_all(dir.join("ud-english-pud")).unwrap();
    fs::write(dir.join("ud-english-pud/en_pud-ud-test.conllu"), SENTENCES).unwrap();
}

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman-train")).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn trains_a_model_that_reads_back_and_learns_its_data() {
    let dir: PathBuf = std::env::temp_dir().join(format!("dragoman-train-small-{}", std::process::id()));
    tiny_shared(&dir);
    let shared = dir.to_str().unwrap();
    let (a, b) = (dir.join("a.bin"), dir.join("b.bin"));
    run(&["train", "--quick", "--shared", shared, "--out", a.to_str().unwrap()]);
    run(&["train", "--quick", "--shared", shared, "--out", b.to_str().unwrap()]);
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap(), "two runs, the same model");

    let table = run(&["eval", "--shared", shared, "--model", a.to_str().unwrap()]);
    let pud = table.lines().find(|l| l.starts_with("| PUD |")).expect("a PUD row");
    let cols: Vec<f64> = pud.split('|').filter_map(|c| c.trim().parse().ok()).collect();
    // words, UPOS, XPOS, lemma, UAS, LAS, LAS (full labels)
    assert_eq!(cols[0], 28.0);
    assert!(cols[1] >= 95.0 && cols[4] >= 90.0 && cols[5] >= 85.0, "{pud}");
    assert!(table.contains("PUD from raw text"), "{table}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn bad_command_lines_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman-train")).args(["train", "--seed", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad seed"));
    let out = Command::new(env!("CARGO_BIN_EXE_dragoman-train")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
