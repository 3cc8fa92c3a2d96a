//! `dragoman parse`: articles to CoNLL-U with offsets that point into the text, gold
//! words re-parsed with their multiword tokens kept, and broken CoNLL-U reported by
//! line without stopping the rest.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn dragoman(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dragoman"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dragoman-parse-{}-{name}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    fs::write(&p, content).unwrap();
    p
}

const ARTICLE: &str = "YEREVAN \u{2014} Armenia\u{2019}s foreign minister met his Russian counterpart on Monday. \
The talks, which lasted three hours, ended without an agreement.\n";

#[test]
fn text_becomes_conllu_with_offsets() {
    let out = dragoman(&["parse", "-"], Some(ARTICLE));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conllu = String::from_utf8(out.stdout).unwrap();
    let (sentences, errors) = dragoman_core::syntax::conllu::read_conllu(&conllu);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sentences.len(), 2, "{conllu}");
    assert!(sentences[0].comment("newdoc id").is_some());
    assert_eq!(sentences[1].comment("sent_id").map(|s| s.ends_with("-2")), Some(true));
    assert!(sentences[0].comment("text").unwrap().starts_with("Armenia"), "the dateline is not a sentence");
    let chars: Vec<char> = ARTICLE.chars().collect();
    for s in &sentences {
        assert_eq!(s.words().filter(|w| w.head == Some(0)).count(), 1);
        for w in s.words() {
            let range = w.misc.split('|').find_map(|m| m.strip_prefix("TokenRange=")).expect("TokenRange in MISC");
            let (a, b) = range.split_once(':').unwrap();
            let original: String = chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()].iter().collect();
            let folded: String = original.chars().map(dragoman_core::text::normalize::fold_char).collect();
            assert_eq!(folded, w.form, "TokenRange of '{}'", w.form);
        }
    }
    let possessive = sentences[0].words().find(|w| w.form == "'s").unwrap();
    assert!(possessive.misc.contains("TokenRange"));
    let armenia = sentences[0].words().find(|w| w.form == "Armenia").unwrap();
    assert!(armenia.misc.contains("SpaceAfter=No"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("parsed 2 sentence(s)"), "{stderr}");
}

const GOLD: &str = "# sent_id = g1\n# text = They don't talk.\n1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\ttalk\ttalk\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

#[test]
fn conllu_words_are_reparsed_and_kept() {
    let p = scratch("gold.conllu", GOLD);
    let out = dragoman(&["parse", "--conllu", p.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# sent_id = g1\n"));
    assert!(text.contains("2-3\tdon't\t_"), "{text}");
    let (s, _) = dragoman_core::syntax::conllu::read_conllu(&text);
    let forms: Vec<&str> = s[0].words().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["They", "do", "n't", "talk", "."]);
    assert_eq!(s[0].words().filter(|w| w.head == Some(0)).count(), 1);
    assert_eq!(s[0].words().nth(3).unwrap().misc, "SpaceAfter=No");
}

#[test]
fn broken_conllu_lines_are_reported_and_the_rest_parsed() {
    let bad = format!("{GOLD}# text = broken\n1\tonly\tthree\n\n{}", GOLD.replace("g1", "g3"));
    let p = scratch("bad.conllu", &bad);
    let out = dragoman(&["parse", "--conllu", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.conllu:11:"), "{stderr}");
    assert!(stderr.contains("10 tab-separated columns"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("sent_id = g1") && text.contains("sent_id = g3"));
    let strict = dragoman(&["parse", "--strict", "--conllu", p.to_str().unwrap()], None);
    assert_eq!(strict.status.code(), Some(3));
    assert!(strict.stdout.is_empty());
}

#[test]
fn long_and_odd_sentences() {
    let long = "Russia accused Armenia and ".repeat(700) + "Azerbaijan.";
    let odd = "... !!! ??? 1 2 3 4 5 \u{1F600} \u{0645}\u{0631}\u{062D}\u{0628}\u{0627}";
    let out = dragoman(&["parse", "-"], Some(&format!("{long}\n\n{odd}\n")));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# chunked = yes"), "a 2,801-word sentence is said to be chunked");
    let (s, e) = dragoman_core::syntax::conllu::read_conllu(&text);
    assert!(e.is_empty());
    assert!(s.iter().all(|s| s.words().filter(|w| w.head == Some(0)).count() == 1));
}

#[test]
fn explain_shows_the_tree() {
    let out = dragoman(&["code", "-", "--published", "2024-03-12", "--explain", "--quiet"], Some(ARTICLE));
    assert!(out.status.success());
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("  tree:   Armenia/PROPN/"), "{text}");
}

#[test]
fn conllu_on_stdin_and_lines_that_are_not_utf8() {
    let out = dragoman(&["parse", "--conllu", "-"], Some(GOLD));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("# sent_id = g1"));

    let mut bytes = GOLD.replace("g1", "g2").into_bytes();
    let at = bytes.windows(4).position(|w| w == b"They").unwrap();
    bytes[at + 1] = 0xFF;
    let mut all = GOLD.as_bytes().to_vec();
    all.extend_from_slice(&bytes);
    let p = scratch("latin1.conllu", "");
    fs::write(&p, &all).unwrap();
    let out = dragoman(&["parse", "--conllu", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("latin1.conllu:11: not UTF-8"), "{stderr}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("sent_id = g1") && !text.contains("sent_id = g2"));
}
