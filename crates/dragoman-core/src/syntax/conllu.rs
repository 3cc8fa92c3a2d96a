//! CoNLL-U, the Universal Dependencies file format: reading (with every broken line
//! reported by number, never a panic) and writing.

use std::fmt::Write as _;

/// One word line (an integer ID).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root; `None` when the column is `_`.
    pub head: Option<usize>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A line of a sentence: a word, a multiword token ("3-4 don't") or an empty node ("5.1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConlluLine {
    Word(ConlluWord),
    /// The range and the raw line, written back unchanged.
    Multiword {
        first: usize,
        last: usize,
        form: String,
        raw: String,
    },
    Empty {
        raw: String,
    },
}

/// A sentence: its comment lines (without the "# ") and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    pub comments: Vec<String>,
    pub lines: Vec<ConlluLine>,
    /// The 1-based line number of the sentence's first line in its file.
    pub line: usize,
}

impl ConlluSentence {
    pub fn words(&self) -> impl Iterator<Item = &ConlluWord> {
        self.lines.iter().filter_map(|l| if let ConlluLine::Word(w) = l { Some(w) } else { None })
    }

    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut ConlluWord> {
        self.lines.iter_mut().filter_map(|l| if let ConlluLine::Word(w) = l { Some(w) } else { None })
    }

    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
}

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Reads CoNLL-U text. A sentence with a broken line is skipped as a whole and reported
/// with the line's number; the rest is still read.
pub fn read_conllu(text: &str) -> (Vec<ConlluSentence>, Vec<ConlluError>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut cur = ConlluSentence::default();
    let mut broken = false;
    let mut finish = |cur: &mut ConlluSentence, broken: &mut bool, errors: &mut Vec<ConlluError>| {
        let s = std::mem::take(cur);
        if !*broken && !s.lines.is_empty() {
            match check_sentence(&s) {
                Ok(()) => sentences.push(s),
                Err(e) => errors.push(e),
            }
        }
        *broken = false;
    };
    for (k, raw) in text.lines().enumerate() {
        let n = k + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut broken, &mut errors);
            continue;
        }
        if cur.lines.is_empty() && cur.comments.is_empty() {
            cur.line = n;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments.push(c.trim_start().to_string());
            continue;
        }
        if broken {
            continue;
        }
        match parse_line(line) {
            Ok(l) => cur.lines.push(l),
            Err(message) => {
                errors.push(ConlluError { line: n, message });
                broken = true;
            }
        }
    }
    finish(&mut cur, &mut broken, &mut errors);
    (sentences, errors)
}

fn parse_line(line: &str) -> Result<ConlluLine, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", cols.len()));
    }
    let id = cols[0];
    if let Some((a, b)) = id.split_once('-') {
        let (first, last) = (a.parse::<usize>(), b.parse::<usize>());
        return match (first, last) {
            (Ok(first), Ok(last)) if first >= 1 && last > first => {
                Ok(ConlluLine::Multiword { first, last, form: cols[1].to_string(), raw: line.to_string() })
            }
            _ => Err(format!("bad multiword token range '{id}'")),
        };
    }
    if id.contains('.') {
        return Ok(ConlluLine::Empty { raw: line.to_string() });
    }
    let id: usize = id.parse().map_err(|_| format!("the ID '{id}' is not a number"))?;
    if id == 0 {
        return Err("word IDs start at 1".into());
    }
    let head = match cols[6] {
        "_" => None,
        h => Some(h.parse::<usize>().map_err(|_| format!("the HEAD '{h}' is not a number"))?),
    };
    if cols[1].is_empty() {
        return Err("the FORM column is empty".into());
    }
    let s = |i: usize| cols[i].to_string();
    Ok(ConlluLine::Word(ConlluWord {
        id,
        form: s(1),
        lemma: s(2),
        upos: s(3),
        xpos: s(4),
        feats: s(5),
        head,
        deprel: s(7),
        deps: s(8),
        misc: s(9),
    }))
}

fn check_sentence(s: &ConlluSentence) -> Result<(), ConlluError> {
    let words: Vec<&ConlluWord> = s.words().collect();
    for (i, w) in words.iter().enumerate() {
        if w.id != i + 1 {
            return Err(ConlluError {
                line: s.line,
                message: format!("word IDs must run 1, 2, 3…; found {} where {} was expected", w.id, i + 1),
            });
        }
        if w.head.is_some_and(|h| h > words.len()) {
            return Err(ConlluError {
                line: s.line,
                message: format!(
                    "word {} has head {}, beyond the sentence's {} words",
                    w.id,
                    w.head.unwrap_or(0),
                    words.len()
                ),
            });
        }
    }
    Ok(())
}

/// Writes sentences as CoNLL-U.
pub fn write_conllu(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

/// Appends one sentence (and the blank line after it).
pub fn write_sentence(s: &ConlluSentence, out: &mut String) {
    for c in &s.comments {
        let _ = writeln!(out, "# {c}");
    }
    for l in &s.lines {
        match l {
            ConlluLine::Word(w) => {
                let head = w.head.map_or("_".to_string(), |h| h.to_string());
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    w.id,
                    clean(&w.form),
                    clean(&w.lemma),
                    clean(&w.upos),
                    clean(&w.xpos),
                    clean(&w.feats),
                    head,
                    clean(&w.deprel),
                    clean(&w.deps),
                    clean(&w.misc)
                );
            }
            ConlluLine::Multiword { raw, .. } | ConlluLine::Empty { raw } => {
                let _ = writeln!(out, "{raw}");
            }
        }
    }
    out.push('\n');
}

/// A column value that keeps the format intact: no tabs or newlines, never empty.
fn clean(s: &str) -> String {
    if s.is_empty() {
        return "_".into();
    }
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_writes_back_unchanged() {
        let (s, e) = read_conllu(SAMPLE);
        assert!(e.is_empty());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words().count(), 4);
        assert_eq!(s[0].comment("text"), Some("I don't."));
        assert_eq!(write_conllu(&s), SAMPLE);
    }

    #[test]
    fn broken_lines_are_reported_by_number() {
        let bad = format!("{SAMPLE}1\tonly\tthree\n\n{SAMPLE}x\ta\tb\tc\td\te\tf\tg\th\ti\n");
        let (s, e) = read_conllu(&bad);
        assert_eq!(s.len(), 2);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, 9);
        assert!(e[0].message.contains("10 tab-separated"));
        assert_eq!(e[1].line, 19);
        let (_, e) = read_conllu("1\ta\ta\tX\tX\t_\t9\tdep\t_\t_\n");
        assert!(e[0].message.contains("beyond"), "{e:?}");
    }
}
