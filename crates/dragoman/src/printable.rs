//! Article text on a terminal: control characters shown, never obeyed.
//!
//! Articles come from anywhere, and an ESC or CSI byte in one would move the
//! cursor, recolour or retitle the reader's terminal (or hide lines from it) when a
//! human-readable view prints it. Those views pass such text through here; the
//! machine formats (JSON, CSV, CoNLL-U) keep it as it is, escaped by their own rules.

use std::borrow::Cow;

/// `s` with every control character (C0, DEL and C1, which includes the 8-bit CSI)
/// but the newline written as a Rust-style escape (`\u{1b}`); tabs become spaces.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(printable("plain text, é \u{2014} ok\nnext"), "plain text, é \u{2014} ok\nnext");
        assert_eq!(printable("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(printable("csi\u{9b}2J del\u{7f} cr\r tab\t."), "csi\\u{9b}2J del\\u{7f} cr\\u{d} tab .");
    }
}
