//! Tokens with byte offsets into the original document.
//!
//! Hyphenated words stay whole ("Nagorno-Karabakh", "Russian-brokered", "19-20"),
//! dotted acronyms keep their dots ("U.S."), numbers keep their separators ("2,000"),
//! and English clitics split off the way the Penn Treebank splits them: "Armenia's"
//! → "Armenia" + "'s", "didn't" → "did" + "n't". Each token carries its folded,
//! lowercased form, which is what the dictionaries are matched against.

use super::normalize::{fold_char, fold_lower, is_ignorable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Folded, lowercased text ("armenia", "'s", "u.s.", "-").
    pub lower: String,
    pub kind: TokenKind,
    /// The first character is a capital letter.
    pub capitalized: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Splits `text[start..end]` into tokens.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().map(|(i, c)| (i, fold_char(c))).collect();
    let n = chars.len();
    let pos = |k: usize| if k < n { chars[k].0 } else { s.len() };
    let ch = |k: usize| if k < n { chars[k].1 } else { ' ' };
    let mut k = 0;
    while k < n {
        let c = ch(k);
        // An underscore joins words in dictionary notation ("Dol_Amroth"); in text
        // it separates them like a space.
        if c.is_whitespace() || c == '_' || is_ignorable(s[pos(k)..].chars().next().unwrap_or(' ')) {
            k += 1;
            continue;
        }
        if (c == 'n' || c == 'N') && ch(k + 1) == '\'' && matches!(ch(k + 2), 't' | 'T') && !ch(k + 3).is_alphabetic() {
            let begin = k;
            k += 3;
            push(&mut out, s, start, pos(begin), pos(k.min(n)), TokenKind::Word);
            continue;
        }
        if c.is_alphanumeric() {
            let begin = k;
            let mut digits_only = true;
            while k < n {
                let c = ch(k);
                if c.is_alphanumeric() || is_ignorable(s[pos(k)..].chars().next().unwrap_or(' ')) {
                    digits_only &= c.is_ascii_digit() || !c.is_alphanumeric();
                    k += 1;
                } else if k > begin
                    && ((c == '-' || c == '/') && ch(k + 1).is_alphanumeric()
                        || (c == ',' || c == '.') && digits_only && ch(k + 1).is_ascii_digit())
                {
                    // "Nagorno-Karabakh", "and/or"; "2,000", "3.5".
                    k += 1;
                } else if c == '\'' && ch(k + 1).is_alphabetic() {
                    // d'Ivoire stays whole; 's 're 'll 've 'm 'd and n't split off.
                    let rest: String = (k + 1..(k + 4).min(n)).map(ch).collect::<String>().to_lowercase();
                    let clitic = ["s", "re", "ll", "ve", "m", "d"]
                        .iter()
                        .any(|cl| rest.starts_with(cl) && !ch(k + 1 + cl.len()).is_alphabetic());
                    let negation =
                        matches!(ch(k - 1), 'n' | 'N') && matches!(ch(k + 1), 't' | 'T') && !ch(k + 2).is_alphabetic();
                    if clitic || negation {
                        break;
                    }
                    k += 1;
                } else {
                    break;
                }
            }
            // "didn't": hand "n" to the clitic.
            if ch(k) == '\''
                && k >= begin + 2
                && matches!(ch(k - 1), 'n' | 'N')
                && matches!(ch(k + 1), 't' | 'T')
                && !ch(k + 2).is_alphabetic()
            {
                k -= 1;
            }
            // Dotted acronyms: U.S., U.N., E.U.
            if ch(k) == '.' && k == begin + 1 && ch(k + 1).is_alphabetic() && ch(k + 2) == '.' {
                while ch(k) == '.' && ch(k + 1).is_alphabetic() && ch(k + 2) == '.' {
                    k += 2;
                }
                k += 1;
            }
            push(&mut out, s, start, pos(begin), pos(k), if digits_only { TokenKind::Number } else { TokenKind::Word });
            continue;
        }
        if c == '\'' {
            // Clitics: 's, 're, n't (the n was left for us above), or a bare possessive '.
            let begin = k;
            if matches!(ch(k + 1), 's' | 'S' | 'm' | 'M' | 'd' | 'D') && !ch(k + 2).is_alphanumeric() {
                k += 2;
            } else if ["re", "ll", "ve"].iter().any(|cl| {
                let w: String = (k + 1..(k + 3).min(n)).map(ch).collect::<String>().to_lowercase();
                w == *cl && !ch(k + 3).is_alphanumeric()
            }) {
                k += 3;
            } else {
                k += 1;
            }
            push(&mut out, s, start, pos(begin), pos(k), TokenKind::Punct);
            continue;
        }
        // Runs of the same dash ("--") are one token; every other symbol stands alone.
        let begin = k;
        k += 1;
        if c == '-' {
            while ch(k) == '-' {
                k += 1;
            }
        }
        push(&mut out, s, start, pos(begin), pos(k), TokenKind::Punct);
    }
    out
}

fn push(out: &mut Vec<Token>, s: &str, base: usize, a: usize, b: usize, kind: TokenKind) {
    let raw = &s[a..b];
    let lower = fold_lower(raw);
    if lower.is_empty() {
        return;
    }
    let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
    out.push(Token { start: base + a, end: base + b, lower, kind, capitalized });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        tokenize(t, 0, t.len()).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn clitics_and_possessives() {
        assert_eq!(
            words("Armenia\u{2019}s Foreign Ministry didn't comment."),
            ["armenia", "'s", "foreign", "ministry", "did", "n't", "comment", "."]
        );
        assert_eq!(words("peacekeepers\u{2019} failure"), ["peacekeepers", "'", "failure"]);
        assert_eq!(words("C\u{00F4}te d'Ivoire"), ["c\u{00F4}te", "d'ivoire"]);
        assert_eq!(words("they're here"), ["they", "'re", "here"]);
    }

    #[test]
    fn hyphens_acronyms_and_numbers() {
        assert_eq!(
            words("The U.S. and Russian-brokered Nagorno-Karabakh"),
            ["the", "u.s.", "and", "russian-brokered", "nagorno-karabakh"]
        );
        assert_eq!(
            words("September 19\u{2013}20, 2,000 troops, 3.5%"),
            ["september", "19-20", ",", "2,000", "troops", ",", "3.5", "%"]
        );
        assert_eq!(
            words("YEREVAN (Azatutyun.am)\u{2014}Russia"),
            ["yerevan", "(", "azatutyun", ".", "am", ")", "-", "russia"]
        );
    }

    #[test]
    fn offsets_point_into_the_original() {
        let t = "\u{201C}Moscow\u{201D} and Baku\u{2019}s";
        for tok in tokenize(t, 0, t.len()) {
            assert_eq!(fold_lower(&t[tok.start..tok.end]), tok.lower);
        }
        let toks = tokenize(t, 0, t.len());
        assert_eq!(&t[toks[1].start..toks[1].end], "Moscow");
        assert!(toks[1].capitalized);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in ["", "'", "n'", "n't", "''s", "a-", "-a", "1,", "U.", "U.S", "\u{00AD}", "x\u{200B}y", "\u{1F600}"] {
            let _ = tokenize(t, 0, t.len());
        }
    }
}
