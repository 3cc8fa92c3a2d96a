//! The weights of one averaged-perceptron model, as inference reads them: a hash table
//! from feature to the few classes that feature has a weight for.
//!
//! Only non-zero weights are kept (most features speak for a handful of classes), and
//! they are stored as 16-bit integers with one scale per model, which keeps the model
//! small in the binary without a measurable loss. The table is open-addressed with
//! linear probing at a load of at most one half, so a lookup is usually one cache line.

use std::fmt;

/// A feature's slot: the high half of its key (its fingerprint; the low half chose
/// the home slot) and where its weights are, 8 bytes in all so that the table stays
/// small enough for the CPU's caches.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    fingerprint: u32,
    /// Start of the feature's entries (low 24 bits) and their count (high 8 bits).
    packed: u32,
}

impl Slot {
    fn range(self) -> std::ops::Range<usize> {
        let start = (self.packed & 0x00FF_FFFF) as usize;
        start..start + (self.packed >> 24) as usize
    }
}

/// The fingerprint of a key: never 0, which marks an empty slot.
#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

/// The most entries a feature may have, and in all (the packed slot's limits).
const MAX_ROW: usize = 255;
const MAX_ENTRIES: usize = 1 << 24;

/// Sparse class weights per feature.
#[derive(Clone)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    /// The full keys, kept only for writing the model back out.
    keys: Vec<u64>,
    /// (class, weight) pairs, a feature's together, so that one cache line holds them.
    entries: Vec<(u32, f32)>,
    features: usize,
}

impl fmt::Debug for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Weights({} classes, {} features, {} weights)", self.n_classes, self.features, self.entries.len())
    }
}

/// A problem with serialized weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Weights {
    /// Builds the table from `(feature, [(class, weight)])` rows.
    pub fn from_rows(n_classes: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let size = (rows.len() * 3 / 2).next_power_of_two().max(16);
        let mut w = Weights {
            n_classes,
            mask: size - 1,
            slots: vec![Slot::default(); size],
            keys: vec![0; size],
            entries: Vec::new(),
            features: rows.len(),
        };
        for (key, row) in rows {
            let start = w.entries.len() as u32;
            let row = &row[..row.len().min(MAX_ROW)];
            if w.entries.len() + row.len() > MAX_ENTRIES {
                break;
            }
            w.entries.extend(row.iter().map(|&(c, v)| (u32::from(c), v)));
            let mut i = home(*key) & w.mask;
            while w.slots[i].fingerprint != 0 {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = Slot { fingerprint: fingerprint(*key), packed: start | ((row.len() as u32) << 24) };
            w.keys[i] = *key;
        }
        w
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn n_features(&self) -> usize {
        self.features
    }

    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Scores for all classes from a list of features.
    ///
    /// The table is larger than the CPU's caches, so the home slots of all the
    /// features are prefetched first: their cache misses then overlap instead of
    /// being paid one after another.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        for &f in features {
            self.prefetch(f);
        }
        // Find the slots and start loading their entries, then add them up: two
        // rounds of overlapping misses instead of one miss after another.
        let mut found = [Slot::default(); 96];
        let mut n = 0;
        for &f in features {
            if let Some(s) = self.find(f) {
                prefetch(self.entries.as_ptr().wrapping_add(s.range().start));
                if n < found.len() {
                    found[n] = s;
                    n += 1;
                } else {
                    self.add_slot(s, scores);
                }
            }
        }
        for s in &found[..n] {
            self.add_slot(*s, scores);
        }
    }

    #[inline]
    fn find(&self, feature: u64) -> Option<Slot> {
        let mut i = home(feature) & self.mask;
        let fp = fingerprint(feature);
        loop {
            let s = self.slots[i];
            if s.fingerprint == fp {
                return Some(s);
            }
            if s.fingerprint == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn add_slot(&self, s: Slot, scores: &mut [f32]) {
        for &(c, v) in &self.entries[s.range()] {
            if let Some(x) = scores.get_mut(c as usize) {
                *x += v;
            }
        }
    }

    #[inline]
    fn prefetch(&self, feature: u64) {
        prefetch(self.slots.as_ptr().wrapping_add(home(feature) & self.mask));
    }

    /// A copy without the weights smaller than `min_abs` in magnitude (and without the
    /// features left with none): most features of a perceptron were seen a few times
    /// and carry almost nothing.
    pub fn pruned(&self, min_abs: f32) -> Weights {
        let mut rows = Vec::with_capacity(self.features);
        for (s, key) in self.slots.iter().zip(&self.keys).filter(|(s, _)| s.fingerprint != 0) {
            let row: Vec<(u16, f32)> = s
                .range()
                .map(|k| self.entries[k])
                .filter(|&(_, v)| v.abs() >= min_abs)
                .map(|(c, v)| (c as u16, v))
                .collect();
            if !row.is_empty() {
                rows.push((*key, row));
            }
        }
        Weights::from_rows(self.n_classes, &rows)
    }

    /// The mean magnitude of the weights.
    pub fn mean_abs(&self) -> f32 {
        self.entries.iter().map(|(_, v)| v.abs()).sum::<f32>() / self.entries.len().max(1) as f32
    }

    /// Serializes: class count, feature count, scale, then per feature its key, weight
    /// count and `(class, quantized weight)` pairs, all little-endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        let max = self.entries.iter().fold(0f32, |m, (_, v)| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.features as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (s, key) in self.slots.iter().zip(&self.keys).filter(|(s, _)| s.fingerprint != 0) {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(s.range().len() as u16).to_le_bytes());
            for k in s.range() {
                let (c, v) = self.entries[k];
                out.extend_from_slice(&(c as u16).to_le_bytes());
                let q = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    /// Reads what [`Weights::write`] wrote, advancing `input`.
    pub fn read(input: &mut &[u8]) -> Result<Weights, FormatError> {
        let n_classes = take_u32(input)? as usize;
        let n = take_u32(input)? as usize;
        let scale = f32::from_bits(take_u32(input)?);
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            let key = u64::from_le_bytes(take(input, 8)?.try_into().unwrap_or_default());
            let len = u16::from_le_bytes(take(input, 2)?.try_into().unwrap_or_default()) as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let b = take(input, 4)?;
                let c = u16::from_le_bytes([b[0], b[1]]);
                if c as usize >= n_classes {
                    return Err(FormatError(format!("class {c} out of range ({n_classes} classes)")));
                }
                row.push((c, f32::from(i16::from_le_bytes([b[2], b[3]])) * scale));
            }
            if key == 0 {
                return Err(FormatError("a feature key of 0".into()));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(n_classes, &rows))
    }
}

pub(crate) fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], FormatError> {
    if input.len() < n {
        return Err(FormatError("the model data ends early".into()));
    }
    let (a, b) = input.split_at(n);
    *input = b;
    Ok(a)
}

pub(crate) fn take_u32(input: &mut &[u8]) -> Result<u32, FormatError> {
    Ok(u32::from_le_bytes(take(input, 4)?.try_into().unwrap_or_default()))
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

pub(crate) fn take_str(input: &mut &[u8]) -> Result<String, FormatError> {
    let n = take_u32(input)? as usize;
    let b = take(input, n)?;
    String::from_utf8(b.to_vec()).map_err(|_| FormatError("a string in the model is not UTF-8".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_scores() {
        use super::super::features::feat;
        let (a, b, c) = (feat(1, &[7]), feat(1, &[9]), feat(1, &[11]));
        let rows = vec![(a, vec![(0u16, 1.5f32), (2, -0.5)]), (b, vec![(1u16, 2.0f32)])];
        let w = Weights::from_rows(3, &rows);
        let mut buf = Vec::new();
        w.write(&mut buf);
        let r = Weights::read(&mut &buf[..]).unwrap();
        let mut s = Vec::new();
        r.scores(&[a, b, c], &mut s);
        assert!((s[0] - 1.5).abs() < 1e-3 && (s[1] - 2.0).abs() < 1e-3 && (s[2] + 0.5).abs() < 1e-3);
        assert!(Weights::read(&mut &buf[..buf.len() - 1]).is_err());
        assert!((r.pruned(1.0).n_weights(), r.pruned(1.0).n_features()) == (2, 2));
    }

    #[test]
    fn hashed_tables_round_trip() {
        use super::super::features::feat;
        let bits = 6;
        let mut dense = vec![0f32; (1 << bits) * 3];
        let f = feat(3, &[42]);
        dense[hashed_row(f, bits) * 3 + 1] = 2.5;
        let w = HashedWeights::from_dense(3, bits, &dense);
        let mut buf = Vec::new();
        w.write(&mut buf);
        let r = HashedWeights::read(&mut &buf[..]).unwrap();
        let mut s = [0f32; 3];
        r.scores(&[f, f], &mut s);
        assert!((s[1] - 5.0).abs() < 1e-3 && s[0] == 0.0);
        assert!(HashedWeights::read(&mut &buf[..10]).is_err());
    }
}

/// A feature's home slot: its high bits (its lowest bit is always set, see
/// [`super::features::feat`]).
#[inline]
fn home(key: u64) -> usize {
    (key >> 24) as usize
}

impl Weights {
    /// Mean number of slots probed to find a stored feature (1.0 is ideal).
    pub fn mean_probe(&self) -> f64 {
        let mut total = 0usize;
        let mut n = 0usize;
        for (i, (s, key)) in self.slots.iter().zip(&self.keys).enumerate() {
            if s.fingerprint != 0 {
                let h = home(*key) & self.mask;
                total += (i.wrapping_sub(h) & self.mask) + 1;
                n += 1;
            }
        }
        total as f64 / n.max(1) as f64
    }
}

/// Weights without keys: every feature hashes to one of `2^bits` rows of `n` classes,
/// and features that share a row share its weights (the "hashing trick"; training uses
/// the same rows, so it learns around the collisions). One small dense table with no
/// probing is what makes the parser's many lookups per move cheap: each is a single
/// memory access, independent of the others, into a table that stays in cache.
#[derive(Clone)]
pub struct HashedWeights {
    n_classes: usize,
    bits: u32,
    scale: f32,
    w: Vec<i16>,
}

impl fmt::Debug for HashedWeights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HashedWeights({} classes, 2^{} rows)", self.n_classes, self.bits)
    }
}

/// The row of a feature in a table of `2^bits` rows.
#[inline]
pub fn hashed_row(feature: u64, bits: u32) -> usize {
    (feature >> (64 - bits)) as usize
}

impl HashedWeights {
    /// From dense float weights (`rows × n_classes`), quantized to 16 bits.
    pub fn from_dense(n_classes: usize, bits: u32, dense: &[f32]) -> HashedWeights {
        let max = dense.iter().fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        let w = dense.iter().map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16).collect();
        HashedWeights { n_classes, bits, scale, w }
    }

    /// Scores for all classes from a list of features.
    #[inline]
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        let mut acc = [0i32; 8];
        for &f in features {
            let r = hashed_row(f, self.bits) * n;
            prefetch(self.w.as_ptr().wrapping_add(r));
        }
        if n <= acc.len() {
            for &f in features {
                let r = hashed_row(f, self.bits) * n;
                for (a, w) in acc.iter_mut().zip(&self.w[r..r + n]) {
                    *a += i32::from(*w);
                }
            }
            for (s, a) in scores.iter_mut().zip(acc) {
                *s = a as f32 * self.scale;
            }
        } else {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &f in features {
                let r = hashed_row(f, self.bits) * n;
                for (s, w) in scores.iter_mut().zip(&self.w[r..r + n]) {
                    *s += f32::from(*w) * self.scale;
                }
            }
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for v in &self.w {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    pub fn read(input: &mut &[u8]) -> Result<HashedWeights, FormatError> {
        let n_classes = take_u32(input)? as usize;
        let bits = take_u32(input)?;
        let scale = f32::from_bits(take_u32(input)?);
        if !(4..=26).contains(&bits) || n_classes == 0 || n_classes > 64 {
            return Err(FormatError(format!("a hashed table of 2^{bits} rows of {n_classes} classes")));
        }
        let len = (1usize << bits) * n_classes;
        let bytes = take(input, len * 2)?;
        let w = bytes.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
        Ok(HashedWeights { n_classes, bits, scale, w })
    }
}

/// Asks the CPU to start loading the cache line at `p`. A hint with no other effect,
/// so any address is safe to pass; callers pass addresses inside their tables.
#[inline]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and has no effect beyond the cache.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch(p.cast::<i8>(), _MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
