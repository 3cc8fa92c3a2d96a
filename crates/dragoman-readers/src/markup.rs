//! A forgiving tag scanner for HTML and XML, and character-reference decoding.
//!
//! News pages and feeds are full of unclosed tags, stray `<`, unterminated quotes and
//! comments, so this scanner never fails: anything it cannot read as markup is text,
//! and the end of the input ends whatever was open. It yields tokens with byte
//! offsets so that a caller can slice the raw source (a feed's inline XHTML, say).
//! An HTML5 tree builder would be more exact; reading articles needs only tags,
//! attributes and text, and this keeps the build small.

use std::borrow::Cow;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// Character data as written (references not yet decoded).
    Text(&'a str),
    /// The contents of `<![CDATA[ … ]]>`, literal.
    Cdata(&'a str),
    /// A start tag: lower-cased name, the raw attribute source, and `/>`.
    Start { name: String, attrs: &'a str, self_closing: bool },
    /// An end tag, lower-cased name.
    End { name: String },
    /// The raw contents of a raw-text element (`<script>`, `<style>`, `<title>` …),
    /// emitted right after its start tag; the end tag follows as `End`.
    Raw(&'a str),
    /// Comments, doctypes, processing instructions.
    Other,
}

/// HTML elements whose contents are not markup.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"];

pub struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    /// HTML rules (raw-text elements) or XML rules.
    html: bool,
    /// The raw-text element just opened, whose contents come next.
    raw_pending: Option<String>,
    /// Byte offset where the last token started.
    pub token_start: usize,
    /// From here to the end there is no `]>` closing a doctype's internal subset
    /// (learnt once, so that thousands of unclosed `<!DOCTYPE [` do not each
    /// search the rest of the input).
    no_subset_end_from: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str, html: bool) -> Self {
        Scanner { src, pos: 0, html, raw_pending: None, token_start: 0, no_subset_end_from: usize::MAX }
    }

    /// Byte offset just past the last token.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Moves `pos` forward by `n` bytes, never into the middle of a character.
    fn advance(&mut self, n: usize) {
        let mut p = (self.pos + n).min(self.src.len());
        while !self.src.is_char_boundary(p) {
            p += 1;
        }
        self.pos = p;
    }

    fn raw_text(&mut self, name: &str) -> Token<'a> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let closing = format!("</{name}");
        let mut at = None;
        let mut i = 0;
        while let Some(off) = memchr_lt(&bytes[i..]) {
            let j = i + off;
            if bytes.len() >= j + closing.len() && bytes[j..j + closing.len()].eq_ignore_ascii_case(closing.as_bytes())
            {
                let after = bytes.get(j + closing.len()).copied();
                if matches!(after, None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                    at = Some(j);
                    break;
                }
            }
            i = j + 1;
        }
        let end = at.unwrap_or(rest.len());
        let text = &rest[..end];
        self.pos += end;
        Token::Raw(text)
    }
}

impl Scanner<'_> {
    /// Where a doctype with an internal subset ends, counted from `pos`:
    /// `<!DOCTYPE rss [ <!ENTITY …> ]>` holds `>`s of its own, and only `]>`
    /// closes it. None for anything else, or for a subset that never closes (which
    /// then ends at its first `>`, as other declarations do).
    fn doctype_subset_end(&mut self) -> Option<usize> {
        let rest = &self.src[self.pos..];
        if !rest.get(..9)?.eq_ignore_ascii_case("<!doctype") {
            return None;
        }
        let open = rest.find(['[', '>'])?;
        if rest.as_bytes()[open] != b'[' || self.pos + open >= self.no_subset_end_from {
            return None;
        }
        let mut from = open + 1;
        while let Some(i) = rest[from..].find(']').map(|i| from + i) {
            let after = rest[i + 1..].trim_start();
            if after.starts_with('>') {
                return Some(rest.len() - after.len() + 1);
            }
            from = i + 1;
        }
        self.no_subset_end_from = self.pos + open;
        None
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn is_name_byte(b: u8) -> bool {
    !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        self.token_start = self.pos;
        if let Some(name) = self.raw_pending.take() {
            return Some(self.raw_text(&name));
        }
        let rest = self.rest();
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        if bytes[0] != b'<' {
            let end = memchr_lt(bytes).unwrap_or(bytes.len());
            self.pos += end;
            return Some(Token::Text(&rest[..end]));
        }
        // Comments, CDATA, doctypes, processing instructions.
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").map(|i| i + 4 + 3).unwrap_or(rest.len());
            self.pos += end;
            return Some(Token::Other);
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let (inner, end) = match body.find("]]>") {
                Some(i) => (&body[..i], 9 + i + 3),
                None => (body, rest.len()),
            };
            self.pos += end;
            return Some(Token::Cdata(inner));
        }
        if bytes.len() > 1 && (bytes[1] == b'!' || bytes[1] == b'?') {
            let end = self.doctype_subset_end().or_else(|| rest.find('>').map(|i| i + 1)).unwrap_or(rest.len());
            self.pos += end;
            return Some(Token::Other);
        }
        let (is_end, name_from) = if bytes.len() > 1 && bytes[1] == b'/' { (true, 2) } else { (false, 1) };
        if bytes.len() <= name_from || !bytes[name_from].is_ascii_alphabetic() {
            // A literal `<` ("a < b", "</ >"): text.
            let end = 1 + memchr_lt(&bytes[1..]).unwrap_or(bytes.len() - 1);
            self.advance(end);
            return Some(Token::Text(&rest[..self.pos - self.token_start]));
        }
        let name_len = bytes[name_from..].iter().position(|&b| !is_name_byte(b)).unwrap_or(bytes.len() - name_from);
        let name = rest[name_from..name_from + name_len].to_ascii_lowercase();
        let after_name = name_from + name_len;
        let Some(close) = find_tag_end(&bytes[after_name..]).map(|i| after_name + i) else {
            // The input ends inside a tag: drop it.
            self.pos = self.src.len();
            return None;
        };
        self.advance(close + 1);
        if is_end {
            return Some(Token::End { name });
        }
        let inner = &rest[after_name..close];
        let self_closing = inner.trim_end().ends_with('/');
        let attrs = inner.strip_suffix('/').unwrap_or(inner);
        if self.html && !self_closing && RAW_TEXT.contains(&name.as_str()) {
            self.raw_pending = Some(name.clone());
        }
        Some(Token::Start { name, attrs, self_closing })
    }
}

/// The `>` that closes a tag, skipping quoted attribute values. An unterminated
/// quote falls back to the first `>` after it, as browsers recover.
fn find_tag_end(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut quote: Option<(u8, usize)> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some((q, _)) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // Only a quote that starts a value (after `=`) opens a quoted run.
                let prev = b[..i].iter().rev().find(|x| !x.is_ascii_whitespace());
                if prev == Some(&b'=') {
                    quote = Some((c, i));
                }
            }
            None if c == b'>' => return Some(i),
            None => {}
        }
        i += 1;
    }
    let (_, from) = quote?;
    b[from..].iter().position(|&c| c == b'>').map(|j| from + j)
}

/// The attributes of a tag, names lower-cased, values decoded.
pub fn attributes(src: &str) -> Vec<(String, String)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = src[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..].iter().position(|&c| c == q).map(|p| vs + p).unwrap_or(b.len());
                value = decode_entities(&src[vs..ve]).into_owned();
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&src[vs..i]).into_owned();
            }
        }
        out.push((name, value));
    }
    out
}

/// The value of one attribute.
pub fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
}

/// Decodes character references: named (`&amp;`, `&eacute;`), decimal and hex.
/// Unknown references are left as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `s` (which begins with `&`): the text and
/// how many bytes it used.
fn decode_one(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, digits_from) = if matches!(b.get(2), Some(b'x' | b'X')) { (true, 3) } else { (false, 2) };
        let len = b[digits_from..]
            .iter()
            .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
            .count();
        if len == 0 {
            return None;
        }
        let digits = &s[digits_from..digits_from + len];
        let n = u32::from_str_radix(&digits[..digits.len().min(8)], if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let used = digits_from + len + usize::from(b.get(digits_from + len) == Some(&b';'));
        return Some((numeric_char(n).to_string(), used));
    }
    let len = b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 {
        return None;
    }
    let name = &s[1..1 + len];
    let has_semi = b.get(1 + len) == Some(&b';');
    let value = named_entity(name)?;
    if has_semi {
        return Some((value.to_string(), len + 2));
    }
    // Without `;` only the oldest references count (as browsers read "&amp" and "AT&T").
    if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" | "AMP" | "LT" | "GT" | "QUOT") {
        return Some((value.to_string(), len + 1));
    }
    None
}

/// A numeric reference as browsers read it: C1 controls are Windows-1252, invalid
/// code points are U+FFFD.
fn numeric_char(n: u32) -> char {
    if (0x80..=0x9f).contains(&n) {
        return WINDOWS_1252_C1[(n - 0x80) as usize];
    }
    match n {
        0 => '\u{fffd}',
        _ => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// Windows-1252 characters for bytes 0x80–0x9F (undefined ones are U+FFFD).
pub const WINDOWS_1252_C1: [char; 32] = [
    '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž', '\u{fffd}', '\u{fffd}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}', 'ž', 'Ÿ',
];

/// Names of the Latin-1 characters U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

fn named_entity(name: &str) -> Option<&'static str> {
    let v = match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Yuml" => "Ÿ",
        "Zcaron" => "Ž",
        "zcaron" => "ž",
        "fnof" => "ƒ",
        "circ" => "ˆ",
        "tilde" => "˜",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "lrm" => "\u{200e}",
        "rlm" => "\u{200f}",
        "ndash" => "–",
        "mdash" => "—",
        "horbar" => "―",
        "lsquo" => "‘",
        "rsquo" | "rsquor" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" | "rdquor" => "”",
        "bdquo" => "„",
        "dagger" => "†",
        "Dagger" => "‡",
        "bull" => "•",
        "hellip" | "mldr" => "…",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "oline" => "‾",
        "euro" => "€",
        "trade" | "TRADE" => "™",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "minus" => "−",
        "hyphen" | "dash" => "‐",
        "numero" => "№",
        "Alpha" => "Α",
        "alpha" => "α",
        "Beta" => "Β",
        "beta" => "β",
        "Gamma" => "Γ",
        "gamma" => "γ",
        "Delta" => "Δ",
        "delta" => "δ",
        "mu" => "μ",
        "pi" => "π",
        "Omega" => "Ω",
        "omega" => "ω",
        "COPY" => "©",
        "REG" => "®",
        _ => {
            let i = LATIN1.iter().position(|n| *n == name)?;
            return Some(LATIN1_CHARS[i]);
        }
    };
    Some(v)
}

/// The characters U+00A0 to U+00FF as strings, for `LATIN1`.
const LATIN1_CHARS: [&str; 96] = [
    "\u{a0}", "¡", "¢", "£", "¤", "¥", "¦", "§", "¨", "©", "ª", "«", "¬", "\u{ad}", "®", "¯", "°", "±", "²", "³", "´",
    "µ", "¶", "·", "¸", "¹", "º", "»", "¼", "½", "¾", "¿", "À", "Á", "Â", "Ã", "Ä", "Å", "Æ", "Ç", "È", "É", "Ê", "Ë",
    "Ì", "Í", "Î", "Ï", "Ð", "Ñ", "Ò", "Ó", "Ô", "Õ", "Ö", "×", "Ø", "Ù", "Ú", "Û", "Ü", "Ý", "Þ", "ß", "à", "á", "â",
    "ã", "ä", "å", "æ", "ç", "è", "é", "ê", "ë", "ì", "í", "î", "ï", "ð", "ñ", "ò", "ó", "ô", "õ", "ö", "÷", "ø", "ù",
    "ú", "û", "ü", "ý", "þ", "ÿ",
];

/// Collapses runs of whitespace (including no-break spaces and soft hyphens' absence)
/// into single spaces and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
            space = true;
        } else if c == '\u{ad}' {
            // Soft hyphen: invisible.
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Scanner::new(s, true).collect()
    }

    #[test]
    fn scans_tags_text_and_raw_text() {
        let t = tokens("<p class=\"a>b\">Hi &amp; <b>bye</b></p><script>if (a<b) {}</script>x");
        assert!(matches!(&t[0], Token::Start { name, attrs, .. } if name == "p" && attrs.contains("a>b")));
        assert_eq!(t[1], Token::Text("Hi &amp; "));
        assert_eq!(t.iter().filter(|t| matches!(t, Token::Raw("if (a<b) {}"))).count(), 1);
        assert_eq!(t.last(), Some(&Token::Text("x")));
    }

    #[test]
    fn a_doctype_with_an_internal_subset_is_one_token() {
        let t = tokens("<!DOCTYPE rss [ <!ENTITY mdash \"&#8212;\"> ]>\n<rss>");
        assert_eq!(
            t,
            vec![Token::Other, Token::Text("\n"), Token::Start { name: "rss".into(), attrs: "", self_closing: false }]
        );
        for s in ["<!DOCTYPE rss [ <!ENTITY x \"y\">", "<!doctype [", "<!DOCTYPE", "<!DOCTYPE rss [ ] ] >"] {
            let _ = tokens(s).len();
        }
        // Unclosed subsets end at their first `>`, each on its own: 100,000 of them
        // are read in one pass (each searching the rest for `]>` took seconds).
        let many = format!("{}<p>", "<!DOCTYPE [>".repeat(100_000));
        let t = tokens(&many);
        assert_eq!(t.len(), 100_001);
        assert!(matches!(t.last(), Some(Token::Start { name, .. }) if name == "p"));
    }

    #[test]
    fn malformed_markup_never_panics() {
        for s in [
            "<",
            "<p",
            "<p class='x",
            "<!--",
            "<![CDATA[",
            "</",
            "< p>",
            "a<b",
            "<a href=\"x>y",
            "<é>",
            "<p é=1>",
            "&#",
            "&#x;",
            "&#99999999999;",
            "<scRipt>never closed",
            "<p\u{0}>",
        ] {
            let _ = tokens(s).len();
            let _ = decode_entities(s);
            let _ = attributes(s);
        }
    }

    #[test]
    fn decodes_references() {
        assert_eq!(
            decode_entities("AT&T &amp; &lt;b&gt; &eacute;t&eacute; &#8217; &#x2014; &#146; &nbsp;&bogus; &amp"),
            "AT&T & <b> été ’ — ’ \u{a0}&bogus; &"
        );
        assert_eq!(
            attributes(r#"content="Tom &amp; Jerry" data-x=1 checked"#),
            vec![
                ("content".into(), "Tom & Jerry".into()),
                ("data-x".into(), "1".into()),
                ("checked".into(), String::new())
            ]
        );
    }
}
