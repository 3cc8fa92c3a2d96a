//! The averaged perceptron, as training needs it: dense rows of class weights per
//! feature, with lazy averaging (each weight remembers when it last changed).

use dragoman_core::fxhash::FxHashMap;
use dragoman_core::syntax::weights::{hashed_row, HashedWeights, Weights};

pub struct Perceptron {
    pub n: usize,
    index: FxHashMap<u64, u32>,
    keys: Vec<u64>,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    pub t: u32,
}

impl Perceptron {
    pub fn new(n: usize) -> Perceptron {
        Perceptron {
            n,
            index: FxHashMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            t: 0,
        }
    }

    pub fn scores(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.n, 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.n..(r as usize + 1) * self.n];
                for (o, v) in out.iter_mut().zip(row) {
                    *o += v;
                }
            }
        }
    }

    /// Counts one training instance (the clock for averaging).
    pub fn tick(&mut self) {
        self.t += 1;
    }

    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            let n = self.n;
            let r = *self.index.entry(f).or_insert_with(|| {
                self.keys.push(f);
                self.w.extend(std::iter::repeat_n(0.0, n));
                self.totals.extend(std::iter::repeat_n(0.0, n));
                self.stamps.extend(std::iter::repeat_n(0, n));
                (self.keys.len() - 1) as u32
            }) as usize;
            let k = r * n + class;
            self.totals[k] += f64::from(self.t - self.stamps[k]) * f64::from(self.w[k]);
            self.stamps[k] = self.t;
            self.w[k] += delta;
        }
    }

    /// The averaged weights, dropping those smaller than `prune` in absolute value.
    pub fn averaged(&self, prune: f32) -> Weights {
        let t = f64::from(self.t.max(1));
        let mut rows = Vec::with_capacity(self.keys.len());
        for (r, &key) in self.keys.iter().enumerate() {
            let mut row = Vec::new();
            for c in 0..self.n {
                let k = r * self.n + c;
                let total = self.totals[k] + f64::from(self.t - self.stamps[k]) * f64::from(self.w[k]);
                let avg = (total / t) as f32;
                if avg.abs() > prune {
                    row.push((c as u16, avg));
                }
            }
            if !row.is_empty() {
                rows.push((key, row));
            }
        }
        Weights::from_rows(self.n, &rows)
    }
}

/// A small deterministic random number generator (xorshift64*), so that training runs
/// are reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The averaged perceptron over a hashed dense table (see `HashedWeights`).
pub struct HashedPerceptron {
    pub n: usize,
    pub bits: u32,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    pub t: u32,
}

impl HashedPerceptron {
    pub fn new(n: usize, bits: u32) -> HashedPerceptron {
        let len = (1usize << bits) * n;
        HashedPerceptron { n, bits, w: vec![0.0; len], totals: vec![0.0; len], stamps: vec![0; len], t: 0 }
    }

    pub fn scores(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.n, 0.0);
        for &f in feats {
            let r = hashed_row(f, self.bits) * self.n;
            for (o, v) in out.iter_mut().zip(&self.w[r..r + self.n]) {
                *o += v;
            }
        }
    }

    pub fn tick(&mut self) {
        self.t += 1;
    }

    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            let k = hashed_row(f, self.bits) * self.n + class;
            self.totals[k] += f64::from(self.t - self.stamps[k]) * f64::from(self.w[k]);
            self.stamps[k] = self.t;
            self.w[k] += delta;
        }
    }

    pub fn averaged(&self) -> HashedWeights {
        let t = f64::from(self.t.max(1));
        let dense: Vec<f32> = (0..self.w.len())
            .map(|k| ((self.totals[k] + f64::from(self.t - self.stamps[k]) * f64::from(self.w[k])) / t) as f32)
            .collect();
        HashedWeights::from_dense(self.n, self.bits, &dense)
    }
}
