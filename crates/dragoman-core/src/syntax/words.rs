//! Words the way Universal Dependencies English counts them.
//!
//! The coder's tokens keep hyphenated words whole ("Russian-brokered"), which is what
//! dictionary matching wants. The treebanks split them ("Russian", "-", "brokered")
//! except after a handful of prefixes ("co-founded", "non-state", "e-mail"), and split
//! "cannot" and "gonna" as well as the clitics the tokens already split ("n't", "'s").
//! These words are the tokens refined by those rules; their byte offsets still point
//! into the original text.

use crate::text::normalize::fold_char;
use crate::text::{tokenize, Token};

/// One word and where it is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    /// The word as written, typographic quotes and dashes folded, case kept.
    pub form: String,
}

/// Prefixes the treebanks keep attached by their hyphen.
const PREFIXES: &[&str] = &[
    "non", "e", "re", "mid", "anti", "co", "pro", "pre", "post", "over", "pan", "multi", "ex", "cross", "counter",
    "sub", "semi", "mini", "inter", "un", "intra", "neo", "bi", "tri", "ultra", "x",
];

/// Splits `text[start..end]` into UD words.
pub fn ud_words(text: &str, start: usize, end: usize) -> Vec<WordSpan> {
    words_from_tokens(text, &tokenize(text, start, end))
}

/// The UD words of tokens the caller already has (the coder tokenizes every sentence
/// anyway).
pub fn words_from_tokens(text: &str, tokens: &[Token]) -> Vec<WordSpan> {
    let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 8);
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        // "Oct. 7", "Gen. Haftar": the abbreviation keeps its full stop, as the
        // treebanks write it (a lone "." reads as the end of the sentence).
        if let Some(stop) = tokens.get(i + 1).filter(|t| {
            i + 2 < tokens.len()
                && t.start == tok.end
                && &text[t.start..t.end] == "."
                && crate::text::sentences::is_title_abbreviation(&text[tok.start..tok.end])
        }) {
            push(&mut out, &text[tok.start..stop.end], 0, stop.end - tok.start, tok.start);
            i += 2;
            continue;
        }
        split_token(&text[tok.start..tok.end], tok.start, &mut out);
        i += 1;
    }
    out
}

fn form(raw: &str) -> String {
    raw.chars().map(fold_char).filter(|c| !crate::text::normalize::is_ignorable(*c)).collect()
}

fn push(out: &mut Vec<WordSpan>, raw: &str, a: usize, b: usize, base: usize) {
    if a < b {
        let f = form(&raw[a..b]);
        if !f.is_empty() {
            out.push(WordSpan { start: base + a, end: base + b, form: f });
        }
    }
}

fn split_token(raw: &str, base: usize, out: &mut Vec<WordSpan>) {
    let lower = raw.to_lowercase();
    // cannot → can not; gonna → gon na; wanna → wan na; gotta → got ta.
    for (whole, cut) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
        if lower == whole {
            push(out, raw, 0, cut, base);
            push(out, raw, cut, raw.len(), base);
            return;
        }
    }
    let hyphens: Vec<usize> = raw.char_indices().filter(|(_, c)| fold_char(*c) == '-').map(|(i, _)| i).collect();
    if hyphens.is_empty() || hyphens.len() == raw.chars().count() {
        push(out, raw, 0, raw.len(), base);
        return;
    }
    let first = &lower[..hyphens[0]];
    let phone =
        raw.chars().all(|c| c.is_ascii_digit() || fold_char(c) == '-') && hyphens.len() == 1 && first.len() == 3;
    if PREFIXES.contains(&first) || phone {
        push(out, raw, 0, raw.len(), base);
        return;
    }
    let mut a = 0;
    for &h in &hyphens {
        push(out, raw, a, h, base);
        let hl = raw[h..].chars().next().map_or(1, char::len_utf8);
        push(out, raw, h, h + hl, base);
        a = h + hl;
    }
    push(out, raw, a, raw.len(), base);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(t: &str) -> Vec<String> {
        ud_words(t, 0, t.len()).into_iter().map(|w| w.form).collect()
    }

    #[test]
    fn splits_the_ud_way() {
        assert_eq!(forms("Russian-brokered talks"), ["Russian", "-", "brokered", "talks"]);
        assert_eq!(forms("a co-founded, non-state group"), ["a", "co-founded", ",", "non-state", "group"]);
        assert_eq!(forms("Armenia\u{2019}s army didn't"), ["Armenia", "'s", "army", "did", "n't"]);
        assert_eq!(forms("We cannot go"), ["We", "can", "not", "go"]);
        assert_eq!(forms("in 1969\u{2013}1970"), ["in", "1969", "-", "1970"]);
        // Abbreviations keep their full stop, except at the very end.
        assert_eq!(forms("on Oct. 7, Gen. Haftar said"), ["on", "Oct.", "7", ",", "Gen.", "Haftar", "said"]);
        assert_eq!(forms("it ended in Oct."), ["it", "ended", "in", "Oct", "."]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let t = "Baku\u{2019}s Russian\u{2013}brokered truce cannot hold.";
        for w in ud_words(t, 0, t.len()) {
            assert_eq!(form(&t[w.start..w.end]), w.form);
        }
    }
}
