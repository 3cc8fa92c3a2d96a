//! The content hash that makes ingest idempotent.
//!
//! FNV-1a, 64 bits, written here rather than taken from a crate so that the value
//! can never change under us with a dependency update: the hashes are stored, and a
//! different function would make every document look new. FNV-1a is not
//! cryptographic; it needs only to tell documents apart (the chance of two of a
//! billion documents colliding is about 3 in 100).

use dragoman_core::model::Document;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// The identity of a document: its id, publication date and text. Two records with
/// the same three are the same document, whatever file they came from; the same
/// text under another id or date is another document.
pub fn content_hash(doc: &Document) -> u64 {
    // 0xFF never occurs in UTF-8, so the fields cannot run into each other.
    let mut h = fnv1a(OFFSET, doc.id.as_bytes());
    h = fnv1a(h, &[0xFF]);
    h = fnv1a(h, doc.published.format("%Y-%m-%d").to_string().as_bytes());
    h = fnv1a(h, &[0xFF]);
    fnv1a(h, doc.text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, published: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            published: dragoman_core::model::parse_date(published).unwrap(),
            source: None,
            url: None,
            title: None,
        }
    }

    #[test]
    fn fnv1a_matches_the_published_vectors() {
        assert_eq!(fnv1a(OFFSET, b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(OFFSET, b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a(OFFSET, b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn hash_depends_on_id_date_and_text_only() {
        let a = doc("a", "2024-01-18", "Russia urged Armenia.");
        let mut with_outlet = a.clone();
        with_outlet.source = Some("Wire".into());
        assert_eq!(content_hash(&a), content_hash(&with_outlet));
        assert_ne!(content_hash(&a), content_hash(&doc("b", "2024-01-18", "Russia urged Armenia.")));
        assert_ne!(content_hash(&a), content_hash(&doc("a", "2024-01-19", "Russia urged Armenia.")));
        assert_ne!(content_hash(&a), content_hash(&doc("a", "2024-01-18", "Russia urged Armenia!")));
        // Field boundaries matter: ("ab", "c") is not ("a", "bc").
        assert_ne!(
            content_hash(&doc("a2024-01-18", "2024-01-18", "x")),
            content_hash(&doc("a", "2024-01-18", "2024-01-18x"))
        );
    }
}
