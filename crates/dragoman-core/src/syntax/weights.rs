//! The weights of one averaged-perceptron model, as inference reads them: a hash table
//! from feature to the few classes that feature has a weight for.
//!
//! Only non-zero weights are kept (most features speak for one to three classes), as
//! 16-bit integers with one scale per model, summed as integers. A feature's slot holds
//! up to three of its weights itself, so that most lookups touch one cache line; longer
//! rows live in a side array. The table is open-addressed with linear probing at a load
//! of at most one half.

use std::fmt;

/// A feature's slot, 16 bytes (four to a cache line): its fingerprint and kind, then
/// either up to three inline entries or where its entries are in the side array.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    /// The key's fingerprint (high 30 bits; never 0) and the kind (low 2 bits): 1 to 3
    /// inline entries, or 0 for a row stored in the side array. 0 marks an empty slot.
    tag: u32,
    /// Inline: entries. Side array: start, count, and where the row's dense copy
    /// starts + 1 (0: none).
    data: [u32; 3],
}

const KIND: u32 = 3;

impl Slot {
    #[inline]
    fn fingerprint(self) -> u32 {
        self.tag & !KIND
    }

    /// The row's entries, wherever they are.
    #[inline]
    fn entries<'a>(&'a self, side: &'a [u32]) -> &'a [u32] {
        match self.tag & KIND {
            0 => side.get(self.data[0] as usize..(self.data[0] + self.data[1]) as usize).unwrap_or(&[]),
            k => &self.data[..k as usize],
        }
    }
}

/// The fingerprint of a key: never 0, with the kind bits clear.
#[inline]
fn fingerprint(key: u64) -> u32 {
    let f = (key >> 32) as u32 & !KIND;
    if f == 0 {
        KIND + 1
    } else {
        f
    }
}

/// An entry: class in the high half, weight in the low half.
#[inline]
fn entry(class: u16, weight: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight as u16)
}

#[inline]
fn unpack(e: u32) -> (u16, i16) {
    ((e >> 16) as u16, e as u16 as i16)
}

/// The most classes a model may have (scores are summed in a fixed array).
pub const MAX_CLASSES: usize = 256;

/// Sparse class weights per feature.
#[derive(Clone)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    /// What one unit of a stored weight is worth.
    scale: f32,
    slots: Vec<Slot>,
    /// The full keys, kept only for writing the model back out.
    keys: Vec<u64>,
    /// Rows longer than a slot holds, a feature's together.
    side: Vec<u32>,
    /// Dense copies (a weight for every class, `n_classes` apart) of the rows long
    /// enough that adding all classes is cheaper than scattering their entries.
    dense: Vec<i16>,
    features: usize,
    weights: usize,
}

impl fmt::Debug for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Weights({} classes, {} features, {} weights)", self.n_classes, self.features, self.weights)
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
    /// Builds the table from `(feature, [(class, weight)])` rows, quantizing the weights
    /// to 16 bits (so a model scores the same before it is written and after it is read).
    pub fn from_rows(n_classes: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let max = rows.iter().flat_map(|(_, r)| r).fold(0f32, |m, (_, v)| m.max(v.abs())).max(1e-9);
        let scale = max / 32767.0;
        let rows: Vec<(u64, Vec<(u16, i16)>)> = rows
            .iter()
            .map(|(k, r)| {
                (*k, r.iter().map(|&(c, v)| (c, (v / scale).round().clamp(-32767.0, 32767.0) as i16)).collect())
            })
            .collect();
        Weights::from_quantized(n_classes, scale, &rows)
    }

    /// Builds the table from rows of already quantized weights.
    fn from_quantized(n_classes: usize, scale: f32, rows: &[(u64, Vec<(u16, i16)>)]) -> Weights {
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            n_classes,
            mask: size - 1,
            scale,
            slots: vec![Slot::default(); size],
            keys: vec![0; size],
            side: Vec::new(),
            dense: Vec::new(),
            features: rows.len(),
            weights: 0,
        };
        for (key, row) in rows {
            let row: Vec<u32> = row.iter().filter(|(_, v)| *v != 0).map(|&(c, v)| entry(c, v)).collect();
            let mut slot = Slot { tag: fingerprint(*key), data: [0; 3] };
            if (1..=3).contains(&row.len()) {
                slot.tag |= row.len() as u32;
                slot.data[..row.len()].copy_from_slice(&row);
            } else {
                slot.data = [w.side.len() as u32, row.len() as u32, 0];
                w.side.extend_from_slice(&row);
                if row.len() * DENSE_RATIO >= n_classes {
                    slot.data[2] = w.dense.len() as u32 + 1;
                    let start = w.dense.len();
                    w.dense.resize(start + n_classes, 0);
                    for &e in &row {
                        let (c, v) = unpack(e);
                        if let Some(d) = w.dense.get_mut(start + c as usize) {
                            *d = v;
                        }
                    }
                }
            }
            w.weights += row.len();
            let mut i = home(*key) & w.mask;
            while w.slots[i].tag != 0 {
                i = (i + 1) & w.mask;
            }
            w.slots[i] = slot;
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
        self.weights
    }

    /// Scores for all classes from a list of features.
    ///
    /// The table is larger than the CPU's caches, so the home slots of all the
    /// features are prefetched first: their cache misses then overlap instead of
    /// being paid one after another. Most rows are in their slot; the few long ones
    /// are added after their entries have been asked for too.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        for &f in features {
            self.prefetch(f);
        }
        let mut acc = [0i32; MAX_CLASSES];
        let mut long = [Slot::default(); 32];
        let mut n_long = 0;
        for &f in features {
            let Some(s) = self.find(f) else { continue };
            if s.tag & KIND == 0 && n_long < long.len() {
                match s.data[2] {
                    0 => prefetch(self.side.as_ptr().wrapping_add(s.data[0] as usize)),
                    d => prefetch(self.dense.as_ptr().wrapping_add(d as usize - 1)),
                }
                long[n_long] = s;
                n_long += 1;
            } else {
                self.add_row(&mut acc, s);
            }
        }
        for &s in &long[..n_long] {
            self.add_row(&mut acc, s);
        }
        scores.clear();
        scores.extend(acc[..self.n_classes.min(MAX_CLASSES)].iter().map(|&a| a as f32 * self.scale));
    }

    /// Adds a row's weights to the class sums: its dense copy where it has one (the
    /// same sums, in a few vector instructions instead of one scattered add per entry).
    #[inline]
    fn add_row(&self, acc: &mut [i32; MAX_CLASSES], s: Slot) {
        if s.tag & KIND == 0 && s.data[2] != 0 {
            let start = s.data[2] as usize - 1;
            if let Some(row) = self.dense.get(start..start + self.n_classes) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
                return;
            }
        }
        add(acc, s.entries(&self.side));
    }

    #[inline]
    fn find(&self, feature: u64) -> Option<Slot> {
        let mut i = home(feature) & self.mask;
        let fp = fingerprint(feature);
        loop {
            let s = self.slots[i];
            if s.fingerprint() == fp {
                return Some(s);
            }
            if s.tag == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn prefetch(&self, feature: u64) {
        prefetch(self.slots.as_ptr().wrapping_add(home(feature) & self.mask));
    }

    /// Every stored row, dequantized: `(key, [(class, weight)])`.
    fn rows(&self) -> impl Iterator<Item = (u64, Vec<(u16, i16)>)> + '_ {
        self.slots
            .iter()
            .zip(&self.keys)
            .filter(|(s, _)| s.tag != 0)
            .map(|(s, key)| (*key, s.entries(&self.side).iter().map(|&e| unpack(e)).collect()))
    }

    /// A copy without the weights smaller than `min_abs` in magnitude (and without the
    /// features left with none): most features of a perceptron were seen a few times
    /// and carry almost nothing.
    pub fn pruned(&self, min_abs: f32) -> Weights {
        let rows: Vec<(u64, Vec<(u16, i16)>)> = self
            .rows()
            .map(|(k, r)| {
                (k, r.into_iter().filter(|&(_, v)| f32::from(v).abs() * self.scale >= min_abs).collect::<Vec<_>>())
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::from_quantized(self.n_classes, self.scale, &rows)
    }

    /// The mean magnitude of the weights.
    pub fn mean_abs(&self) -> f32 {
        let sum: f64 = self.rows().flat_map(|(_, r)| r).map(|(_, v)| f64::from(v).abs()).sum();
        (sum / self.weights.max(1) as f64) as f32 * self.scale
    }

    /// Serializes: class count, feature count, scale, then per feature its key, weight
    /// count and `(class, quantized weight)` pairs, all little-endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&(self.features as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for (key, row) in self.rows() {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for (c, v) in row {
                out.extend_from_slice(&c.to_le_bytes());
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    /// Reads what [`Weights::write`] wrote, advancing `input`.
    pub fn read(input: &mut &[u8]) -> Result<Weights, FormatError> {
        let n_classes = take_u32(input)? as usize;
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return Err(FormatError(format!("{n_classes} classes (at most {MAX_CLASSES})")));
        }
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
                row.push((c, i16::from_le_bytes([b[2], b[3]])));
            }
            if key == 0 {
                return Err(FormatError("a feature key of 0".into()));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_quantized(n_classes, scale, &rows))
    }
}

/// A row with at least `n_classes / DENSE_RATIO` entries also gets a dense copy.
const DENSE_RATIO: usize = 2;

/// Adds a row's entries to the class sums.
#[inline]
fn add(acc: &mut [i32; MAX_CLASSES], row: &[u32]) {
    // Two entries a step: half the loop overhead for the long rows.
    let mut pairs = row.chunks_exact(2);
    for p in &mut pairs {
        let ((c0, v0), (c1, v1)) = (unpack(p[0]), unpack(p[1]));
        acc[c0 as usize & (MAX_CLASSES - 1)] += i32::from(v0);
        acc[c1 as usize & (MAX_CLASSES - 1)] += i32::from(v1);
    }
    for &e in pairs.remainder() {
        let (c, v) = unpack(e);
        acc[c as usize & (MAX_CLASSES - 1)] += i32::from(v);
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
            if s.tag != 0 {
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
        if n == 3 {
            // The parser's three moves: three running sums in registers (the general
            // loop below keeps its sums in a vector and shuffles them for every row).
            let (mut a0, mut a1, mut a2) = (0i32, 0i32, 0i32);
            for &f in features {
                let r = hashed_row(f, self.bits) * 3;
                if let Some(&[w0, w1, w2]) = self.w.get(r..r + 3) {
                    a0 += i32::from(w0);
                    a1 += i32::from(w1);
                    a2 += i32::from(w2);
                }
            }
            for (s, a) in scores.iter_mut().zip([a0, a1, a2]) {
                *s = a as f32 * self.scale;
            }
        } else if n <= acc.len() {
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
