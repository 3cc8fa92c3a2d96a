//! `dragoman-train` end to end on a tiny treebank made here: it trains, the model reads
//! back and parses its own training sentences well, and two runs write the same bytes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Three sentences annotated by hand (UD English conventions).
const SENTENCES: &str = "\
# text = Azerbaijan accused Armenia of shelling its positions.
1\tAzerbaijan\tAzerbaijan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_
3\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tof\tof\tSCONJ\tIN\t_\t5\tmark\t_\t_
5\tshelling\tshell\tVERB\tVBG\t_\t2\tadvcl\t_\t_
6\tits\tits\tPRON\tPRP$\t_\t7\tnmod:poss\t_\t_
7\tpositions\tposition\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The talks were held in Washington.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\theld\thold\tVERB\tVBN\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tWashington\tWashington\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = The minister met the envoy and promised aid.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tenvoy\tenvoy\tNOUN\tNN\t_\t3\tobj\t_\t_
6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_
7\tpromised\tpromise\tVERB\tVBD\t_\t3\tconj\t_\t_
8\taid\taid\tNOUN\tNN\t_\t7\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

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
    assert_eq!(cols[0], 24.0);
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
