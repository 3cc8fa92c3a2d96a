//! Character folding: the typographic variants news text is full of, mapped to the
//! plain forms the dictionaries are written in.

/// The plain form of a character: curly quotes become straight ones, the many
/// dashes a hyphen, exotic spaces a space. Other characters are returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for characters that are invisible in print and carry no meaning for coding
/// (soft hyphens, zero-width spaces and joiners, byte-order marks).
pub fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The folded, lowercased form of a piece of text, with ignorable characters dropped.
pub fn fold_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_ignorable(c) {
            continue;
        }
        let c = fold_char(c);
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// True when the folded character is a dash of any kind.
pub fn is_dash(c: char) -> bool {
    fold_char(c) == '-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typographic_characters() {
        assert_eq!(fold_lower("Armenia\u{2019}s \u{201C}Detail\u{201D}"), "armenia's \"detail\"");
        assert_eq!(fold_lower("19\u{2013}20"), "19-20");
        assert_eq!(fold_lower("a\u{00A0}b\u{00AD}c"), "a bc");
        assert!(is_dash('\u{2014}'));
        assert!(!is_dash('a'));
    }
}
