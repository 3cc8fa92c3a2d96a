//! Feature hashing shared by training and inference.
//!
//! A feature is a template number mixed with one or more atoms (a word's hash, a tag
//! index, a distance bucket) into one `u64`. Both sides call the same functions, so a
//! feature seen in training is the same number at run time.

/// Mixes a value into a running feature hash (a 64-bit multiply-xorshift finaliser:
/// cheap, and good enough that distinct features practically never share a key).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    let mut x = (h ^ v.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_add(0x632B_E59B_D9B4_E019);
    x = (x ^ (x >> 31)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^ (x >> 29)
}

/// A feature from a template number and atoms.
///
/// One multiply per atom (the parser computes some 60 features per move, so this is
/// on the hot path), then one final mix; the weight tables index by the high bits,
/// which the multiplies mix best.
#[inline]
pub fn feat(template: u64, atoms: &[u64]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = template.wrapping_add(1).wrapping_mul(0xA076_1D64_78BD_642F);
    for &a in atoms {
        h = (h ^ a).wrapping_mul(K).rotate_left(23);
    }
    h = (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    // 0 marks an empty slot in the weight table.
    (h ^ (h >> 32)) | 1
}

/// The hash of a string (FNV-1a, then mixed).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    mix(h, s.len() as u64)
}

/// The shape of a word: capitals as `X`, lower case as `x`, digits as `d`, other
/// characters as themselves, runs longer than two collapsed ("Armenia" → "Xxx",
/// "2,000" → "d,dd", "U.S." → "X.X.").
pub fn shape(word: &str) -> String {
    let mut buf = [0u8; 16];
    let n = shape_into(word, &mut buf);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

/// `str_hash(&shape(word))`, without building the string (it is on the tagger's hot
/// path: every word of every parsed sentence).
pub fn shape_hash(word: &str) -> u64 {
    let mut buf = [0u8; 16];
    let n = shape_into(word, &mut buf);
    // The buffer holds whole characters, so it is valid UTF-8.
    str_hash(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// Writes a word's shape into `buf` (at most 12 bytes and one more character, so 16
/// bytes are enough) and returns its length.
fn shape_into(word: &str, buf: &mut [u8; 16]) -> usize {
    let mut len = 0;
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = s;
        }
        len += s.encode_utf8(&mut buf[len..]).len();
        if len > 12 {
            break;
        }
    }
    len
}

/// The last `n` characters of `s` (all of it when shorter).
pub fn suffix(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for (count, (i, _)) in s.char_indices().rev().enumerate() {
        if count == n {
            break;
        }
        idx = i;
    }
    &s[idx..]
}

/// The first `n` characters of `s`.
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Armenia"), "Xxx");
        assert_eq!(shape("2,000"), "d,dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("—→€€€€€"), "—→€€");
        assert_eq!(shape_hash("Armenia"), str_hash("Xxx"));
        assert_eq!(suffix("talks", 3), "lks");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("Über", 2), "Üb");
        assert_ne!(feat(1, &[2]), feat(2, &[1]));
        assert_ne!(feat(1, &[2, 3]), feat(1, &[3, 2]));
    }
}
