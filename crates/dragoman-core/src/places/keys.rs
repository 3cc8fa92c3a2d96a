//! Name keys: a name's tokens, lowercased, accents folded, joined by single spaces,
//! hashed with FNV-1a as they are produced (so no key string is ever built) and
//! finished with a 64-bit mixer. The coder's tokens and the gazetteer's names go
//! through the same functions, which is what makes them meet.

use crate::text::tokenize;

pub(super) const START: u64 = 0xcbf2_9ce4_8422_2325;

pub(super) fn feed(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

pub(super) fn feed_char(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return feed(h, c.to_ascii_lowercase() as u8);
    }
    for l in c.to_lowercase() {
        match ACCENTS.binary_search_by(|(k, _)| k.cmp(&l)) {
            Ok(i) => {
                for b in ACCENTS[i].1.bytes() {
                    h = feed(h, b);
                }
            }
            Err(_) => {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = feed(h, b);
                }
            }
        }
    }
    h
}

pub(super) fn feed_word(h: u64, word: &str) -> u64 {
    word.chars().fold(h, feed_char)
}

pub(super) fn word_hash(word: &str) -> u64 {
    finish(feed_word(START, word))
}

pub(super) fn finish(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash state after each token of a name, as the coder's tokenizer would cut it,
/// and (if `want_last`, else 0) the hash of its last token alone. None when the name
/// has no tokens.
pub(super) fn name_states(name: &str, states: &mut Vec<u64>, want_last: bool) -> Option<u64> {
    states.clear();
    // Fast path for plain names ("New York", "Nagorno-Karabakh", "Xankəndi"): letters,
    // single spaces between words, hyphens between letters. The tokenizer cuts those
    // at the spaces only.
    let mut prev: Option<char> = None;
    let mut chars = name.chars().peekable();
    let mut plain = !name.is_empty();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let ok = (c.is_alphabetic() && crate::text::normalize::fold_char(c) == c)
            || (c == ' ' && prev.is_some_and(|p| p != ' ') && next.is_some_and(|n| n != ' '))
            || (c == '-' && prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic));
        if !ok || crate::text::normalize::is_ignorable(c) {
            plain = false;
            break;
        }
        prev = Some(c);
    }
    if plain {
        let mut h = START;
        for c in name.chars() {
            if c == ' ' {
                states.push(h);
                h = feed(h, b' ');
            } else {
                h = feed_char(h, c);
            }
        }
        states.push(h);
        if !want_last {
            return Some(0);
        }
        return Some(word_hash(name.rsplit(' ').next().unwrap_or(name)));
    }
    token_states(name, states, want_last)
}

/// `name_states` the slow way, through the coder's tokenizer.
pub(super) fn token_states(name: &str, states: &mut Vec<u64>, want_last: bool) -> Option<u64> {
    states.clear();
    let mut h = START;
    let mut last = None;
    for (i, t) in tokenize(name, 0, name.len()).iter().enumerate() {
        if i > 0 {
            h = feed(h, b' ');
        }
        h = feed_word(h, &t.lower);
        states.push(h);
        last = Some(if want_last { word_hash(&t.lower) } else { 0 });
    }
    last
}

/// A lowercased word with its Latin diacritics removed ("córdoba" -> "cordoba",
/// "xankəndi" -> "xankendi"), as the name index folds it. ASCII words are returned
/// as they are.
pub fn fold_accents(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match ACCENTS.binary_search_by(|(k, _)| k.cmp(&l)) {
                Ok(i) => out.push_str(ACCENTS[i].1),
                Err(_) => out.push(l),
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Lowercase Latin letters with diacritics and their plain forms (from Unicode
/// decompositions, plus the letters that have none: ø, ł, ə, ß...). Sorted.
#[rustfmt::skip]
pub(super) const ACCENTS: &[(char, &str)] = &[
    ('ß', "ss"), ('à', "a"), ('á', "a"), ('â', "a"), ('ã', "a"), ('ä', "a"), ('å', "a"), ('æ', "ae"),
    ('ç', "c"), ('è', "e"), ('é', "e"), ('ê', "e"), ('ë', "e"), ('ì', "i"), ('í', "i"), ('î', "i"),
    ('ï', "i"), ('ð', "d"), ('ñ', "n"), ('ò', "o"), ('ó', "o"), ('ô', "o"), ('õ', "o"), ('ö', "o"),
    ('ø', "o"), ('ù', "u"), ('ú', "u"), ('û', "u"), ('ü', "u"), ('ý', "y"), ('þ', "th"), ('ÿ', "y"),
    ('ā', "a"), ('ă', "a"), ('ą', "a"), ('ć', "c"), ('ĉ', "c"), ('ċ', "c"), ('č', "c"), ('ď', "d"),
    ('đ', "d"), ('ē', "e"), ('ĕ', "e"), ('ė', "e"), ('ę', "e"), ('ě', "e"), ('ĝ', "g"), ('ğ', "g"),
    ('ġ', "g"), ('ģ', "g"), ('ĥ', "h"), ('ħ', "h"), ('ĩ', "i"), ('ī', "i"), ('ĭ', "i"), ('į', "i"),
    ('ı', "i"), ('ĳ', "ij"), ('ĵ', "j"), ('ķ', "k"), ('ĸ', "k"), ('ĺ', "l"), ('ļ', "l"), ('ľ', "l"),
    ('ŀ', "l"), ('ł', "l"), ('ń', "n"), ('ņ', "n"), ('ň', "n"), ('ŋ', "n"), ('ō', "o"), ('ŏ', "o"),
    ('ő', "o"), ('œ', "oe"), ('ŕ', "r"), ('ŗ', "r"), ('ř', "r"), ('ś', "s"), ('ŝ', "s"), ('ş', "s"),
    ('š', "s"), ('ţ', "t"), ('ť', "t"), ('ŧ', "t"), ('ũ', "u"), ('ū', "u"), ('ŭ', "u"), ('ů', "u"),
    ('ű', "u"), ('ų', "u"), ('ŵ', "w"), ('ŷ', "y"), ('ź', "z"), ('ż', "z"), ('ž', "z"), ('ſ', "s"),
    ('ƒ', "f"), ('ơ', "o"), ('ư', "u"), ('ǆ', "dz"), ('ǉ', "lj"), ('ǌ', "nj"), ('ǎ', "a"), ('ǐ', "i"),
    ('ǒ', "o"), ('ǔ', "u"), ('ǖ', "u"), ('ǘ', "u"), ('ǚ', "u"), ('ǜ', "u"), ('ǝ', "e"), ('ǟ', "a"),
    ('ǡ', "a"), ('ǧ', "g"), ('ǩ', "k"), ('ǫ', "o"), ('ǭ', "o"), ('ǰ', "j"), ('ǳ', "dz"), ('ǵ', "g"),
    ('ǹ', "n"), ('ǻ', "a"), ('ȁ', "a"), ('ȃ', "a"), ('ȅ', "e"), ('ȇ', "e"), ('ȉ', "i"), ('ȋ', "i"),
    ('ȍ', "o"), ('ȏ', "o"), ('ȑ', "r"), ('ȓ', "r"), ('ȕ', "u"), ('ȗ', "u"), ('ș', "s"), ('ț', "t"),
    ('ȟ', "h"), ('ȧ', "a"), ('ȩ', "e"), ('ȫ', "o"), ('ȭ', "o"), ('ȯ', "o"), ('ȱ', "o"), ('ȳ', "y"),
    ('ə', "e"), ('ɨ', "i"), ('ʻ', ""), ('ʾ', ""), ('ʿ', ""), ('ḁ', "a"), ('ḃ', "b"), ('ḅ', "b"),
    ('ḇ', "b"), ('ḉ', "c"), ('ḋ', "d"), ('ḍ', "d"), ('ḏ', "d"), ('ḑ', "d"), ('ḓ', "d"), ('ḕ', "e"),
    ('ḗ', "e"), ('ḙ', "e"), ('ḛ', "e"), ('ḝ', "e"), ('ḟ', "f"), ('ḡ', "g"), ('ḣ', "h"), ('ḥ', "h"),
    ('ḧ', "h"), ('ḩ', "h"), ('ḫ', "h"), ('ḭ', "i"), ('ḯ', "i"), ('ḱ', "k"), ('ḳ', "k"), ('ḵ', "k"),
    ('ḷ', "l"), ('ḹ', "l"), ('ḻ', "l"), ('ḽ', "l"), ('ḿ', "m"), ('ṁ', "m"), ('ṃ', "m"), ('ṅ', "n"),
    ('ṇ', "n"), ('ṉ', "n"), ('ṋ', "n"), ('ṍ', "o"), ('ṏ', "o"), ('ṑ', "o"), ('ṓ', "o"), ('ṕ', "p"),
    ('ṗ', "p"), ('ṙ', "r"), ('ṛ', "r"), ('ṝ', "r"), ('ṟ', "r"), ('ṡ', "s"), ('ṣ', "s"), ('ṥ', "s"),
    ('ṧ', "s"), ('ṩ', "s"), ('ṫ', "t"), ('ṭ', "t"), ('ṯ', "t"), ('ṱ', "t"), ('ṳ', "u"), ('ṵ', "u"),
    ('ṷ', "u"), ('ṹ', "u"), ('ṻ', "u"), ('ṽ', "v"), ('ṿ', "v"), ('ẁ', "w"), ('ẃ', "w"), ('ẅ', "w"),
    ('ẇ', "w"), ('ẉ', "w"), ('ẋ', "x"), ('ẍ', "x"), ('ẏ', "y"), ('ẑ', "z"), ('ẓ', "z"), ('ẕ', "z"),
    ('ẖ', "h"), ('ẗ', "t"), ('ẘ', "w"), ('ẙ', "y"), ('ẛ', "s"), ('ạ', "a"), ('ả', "a"), ('ấ', "a"),
    ('ầ', "a"), ('ẩ', "a"), ('ẫ', "a"), ('ậ', "a"), ('ắ', "a"), ('ằ', "a"), ('ẳ', "a"), ('ẵ', "a"),
    ('ặ', "a"), ('ẹ', "e"), ('ẻ', "e"), ('ẽ', "e"), ('ế', "e"), ('ề', "e"), ('ể', "e"), ('ễ', "e"),
    ('ệ', "e"), ('ỉ', "i"), ('ị', "i"), ('ọ', "o"), ('ỏ', "o"), ('ố', "o"), ('ồ', "o"), ('ổ', "o"),
    ('ỗ', "o"), ('ộ', "o"), ('ớ', "o"), ('ờ', "o"), ('ở', "o"), ('ỡ', "o"), ('ợ', "o"), ('ụ', "u"),
    ('ủ', "u"), ('ứ', "u"), ('ừ', "u"), ('ử', "u"), ('ữ', "u"), ('ự', "u"), ('ỳ', "y"), ('ỵ', "y"),
    ('ỷ', "y"), ('ỹ', "y"),
];
