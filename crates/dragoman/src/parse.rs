//! `dragoman parse`: the syntax stage on its own, as CoNLL-U.
//!
//! From articles (any input `code` reads) it writes every sentence of every document
//! with `# newdoc id`, `# sent_id` and `# text`, and each word's place in the document
//! as `TokenRange=start:end` in MISC (character offsets, end exclusive, as UDPipe
//! writes them). With `--conllu` it re-tags and re-parses the words of an existing
//! CoNLL-U file instead, keeping its tokenization, so the output can be scored with
//! the usual tools.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use dragoman_core::model::Document;
use dragoman_core::syntax::conllu::{read_conllu, write_sentence, ConlluLine, ConlluSentence, ConlluWord};
use dragoman_core::syntax::{SyntaxModel, Tree, MAX_PARSE_WORDS};
use dragoman_core::text::{find_dateline, split_sentences};

use crate::input;

/// Tag and parse sentences: Universal Dependencies trees as CoNLL-U.
///
/// Reads what `dragoman code` reads (plain text, JSON Lines, HTML, feeds, WARC,
/// directories, standard input), splits each document into sentences and words
/// the way the coder does, and writes one CoNLL-U sentence per sentence: UPOS and
/// Penn XPOS tags, lemmas, heads and UD relations, with `# newdoc id`, `# sent_id`,
/// `# text` and `TokenRange=start:end` (character offsets into the document) in
/// MISC. With --conllu, the words of an existing CoNLL-U file are re-tagged and
/// re-parsed (its tokenization, multiword tokens and comments kept), ready for a
/// CoNLL 2018 scorer.
///
/// Sentences of more than 250 words are parsed in chunks of 250, each chunk's root
/// attached to the first's as `parataxis` (said as `# chunked = yes`).
///
/// Exit status: 0 when everything was parsed, 3 when some input was skipped (each
/// problem on stderr with its file and line), 1 when nothing could be done (an
/// input path does not exist, say), 2 for a bad command line (or no input at a
/// terminal).
#[derive(Args)]
#[command(
    after_help = "Examples:\n  dragoman parse examples/caucasus-talks.txt\n  dragoman parse examples/sahel-and-gulf.jsonl -o trees.conllu\n  dragoman parse --conllu trees.conllu -o reparsed.conllu"
)]
pub struct ParseArgs {
    /// Files or directories to parse; "-" or nothing reads standard input.
    paths: Vec<PathBuf>,

    /// Re-tag and re-parse the words of this CoNLL-U file instead (gold words kept;
    /// "-" reads standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    conllu: Option<PathBuf>,

    /// Write CoNLL-U here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    read: crate::input::ReadFlags,
}

pub fn run(args: ParseArgs) -> ExitCode {
    let paths = match &args.conllu {
        Some(_) => Vec::new(),
        None => match input::input_paths::<ParseArgs>("parse", &args.paths) {
            Ok(p) => p,
            Err(code) => return code,
        },
    };
    let started = Instant::now();
    let model = match SyntaxModel::builtin() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let load_ms = started.elapsed().as_millis();
    let Some(mut out) = crate::output(args.output.as_deref()) else {
        return ExitCode::from(1);
    };
    let parsing = Instant::now();
    let result = match &args.conllu {
        Some(path) => reparse_file(&model, path, &args, &mut out),
        None => parse_documents(&model, &paths, &args, &mut out),
    };
    let (sentences, words, skipped) = match result {
        Ok(counts) => counts,
        Err(code) => return code,
    };
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    if !args.read.quiet {
        let secs = parsing.elapsed().as_secs_f64();
        eprintln!(
            "parsed {sentences} sentence(s), {words} word(s) in {secs:.2} s ({:.0} sentences/s; model loaded in {load_ms} ms){}",
            sentences as f64 / secs.max(1e-9),
            if skipped > 0 { format!("; {skipped} input(s) skipped") } else { String::new() }
        );
    }
    if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

type Counts = (usize, usize, usize);

fn reparse_file(
    model: &SyntaxModel,
    path: &PathBuf,
    args: &ParseArgs,
    out: &mut impl Write,
) -> Result<Counts, ExitCode> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut b).map(|_| b)
    } else {
        std::fs::read(path)
    }
    .map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(1)
    })?;
    // A sentence with bytes that are not UTF-8 is skipped like any broken one.
    let mut bad_utf8 = Vec::new();
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(_) => {
            for (k, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if std::str::from_utf8(line).is_err() {
                    bad_utf8.push(k + 1);
                }
            }
            String::from_utf8_lossy(&bytes)
        }
    };
    let (mut sentences, mut errors) = read_conllu(&text);
    if !bad_utf8.is_empty() {
        sentences.retain(|s| {
            let last = s.line + s.comments.len() + s.lines.len();
            let bad = bad_utf8.iter().find(|&&l| l >= s.line && l < last);
            if let Some(&l) = bad {
                errors.push(dragoman_core::syntax::conllu::ConlluError { line: l, message: "not UTF-8".into() });
            }
            bad.is_none()
        });
        errors.sort_by_key(|e| e.line);
    }
    for e in &errors {
        eprintln!("error: {}:{}: {} (sentence skipped)", path.display(), e.line, e.message);
    }
    if args.read.strict && !errors.is_empty() {
        return Err(ExitCode::from(3));
    }
    let (mut n, mut words) = (0, 0);
    let mut buf = String::new();
    for s in &sentences {
        let parsed = model.reparse(s);
        words += parsed.words().count();
        n += 1;
        buf.clear();
        write_sentence(&parsed, &mut buf);
        if let Err(e) = out.write_all(buf.as_bytes()) {
            return write_error(e, (n, words, errors.len()));
        }
    }
    Ok((n, words, errors.len()))
}

fn write_error(e: io::Error, counts: Counts) -> Result<Counts, ExitCode> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Ok(counts);
    }
    eprintln!("error: cannot write: {e}");
    Err(ExitCode::from(1))
}

fn parse_documents(
    model: &SyntaxModel,
    paths: &[PathBuf],
    args: &ParseArgs,
    out: &mut impl Write,
) -> Result<Counts, ExitCode> {
    input::QUIET.store(true, std::sync::atomic::Ordering::Relaxed);
    // Dates play no part in parsing: no warning about a missing --published.
    let cfg = input::ReadConfig::new(Some(input::today()), &args.read);
    let (mut sentences, mut words) = (0usize, 0usize);
    let (skipped, failed) = input::each_document(paths, &cfg, args.read.strict, &mut |doc| {
        write_document(model, &doc, &mut *out, &mut sentences, &mut words)
    });
    match failed {
        Some(e) => write_error(e, (sentences, words, skipped)),
        None => Ok((sentences, words, skipped)),
    }
}

/// Writes a document's sentences as CoNLL-U, one sentence at a time (memory stays
/// that of one sentence however long the document), counting sentences and words.
fn write_document(
    model: &SyntaxModel,
    doc: &Document,
    out: &mut dyn Write,
    n: &mut usize,
    words: &mut usize,
) -> io::Result<()> {
    let text = doc.text.as_str();
    let body = find_dateline(text).map_or(0, |d| d.body_start);
    let mut chars = CharCursor::new(text);
    let mut buf = String::new();
    for (k, (a, b)) in split_sentences(text, body, text.len()).into_iter().enumerate() {
        let tree = model.parse_sentence(text, a, b);
        if tree.words.is_empty() {
            continue;
        }
        let mut s = ConlluSentence::default();
        if k == 0 {
            s.comments.push(format!("newdoc id = {}", one_line(&doc.id)));
        }
        s.comments.push(format!("sent_id = {}-{}", one_line(&doc.id), k + 1));
        s.comments.push(format!("text = {}", one_line(&text[a..b])));
        if tree.chunked {
            s.comments.push(format!("chunked = yes (more than {MAX_PARSE_WORDS} words, parsed in chunks)"));
        }
        push_tree(&tree, &mut chars, &mut s);
        buf.clear();
        write_sentence(&s, &mut buf);
        out.write_all(buf.as_bytes())?;
        *n += 1;
        *words += tree.words.len();
    }
    Ok(())
}

fn push_tree(tree: &Tree, chars: &mut CharCursor, s: &mut ConlluSentence) {
    for (i, w) in tree.words.iter().enumerate() {
        let glued = tree.words.get(i + 1).is_some_and(|next| next.start == w.end);
        let mut misc = String::new();
        if glued {
            misc.push_str("SpaceAfter=No|");
        }
        misc.push_str(&format!("TokenRange={}:{}", chars.at(w.start), chars.at(w.end)));
        s.lines.push(ConlluLine::Word(ConlluWord {
            id: i + 1,
            form: w.form.clone(),
            lemma: w.lemma.clone(),
            upos: w.upos.to_string(),
            xpos: w.xpos.to_string(),
            feats: "_".into(),
            head: Some(w.head),
            deprel: w.deprel.to_string(),
            deps: "_".into(),
            misc,
        }));
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offsets → character offsets. Words come in document order, so a cursor that
/// only counts the characters since the last offset asked for does it in one pass,
/// without an index as large as the document.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor { text, byte: 0, chars: 0 }
    }

    /// The character offset of `byte`, a character boundary of the text.
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Never happens for words in order; start over rather than be wrong.
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }
}
