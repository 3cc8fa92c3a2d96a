//! The timeline chart, laid out once as shapes and written as SVG or PNG.
//!
//! Both writers are here, by hand: the chart is rectangles, lines and short
//! labels, which need no drawing crate. SVG is text. PNG is a plain raster drawn at
//! twice the SVG's size (so it stays sharp on high-density screens), with labels in
//! a small built-in bitmap font, compressed with the `flate2` the WARC reader already
//! brings.

use std::fmt::Write as _;
use std::io::Write as _;

use super::timeline::Bucket;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

const GREEN: Rgb = Rgb(0x2f, 0x9e, 0x44);
const RED: Rgb = Rgb(0xe0, 0x31, 0x31);
const BLUE: Rgb = Rgb(0x19, 0x71, 0xc2);
const INK: Rgb = Rgb(0x22, 0x22, 0x22);
const GREY: Rgb = Rgb(0x55, 0x55, 0x55);
const AXIS: Rgb = Rgb(0x88, 0x88, 0x88);
const GRID: Rgb = Rgb(0xe5, 0xe5, 0xe5);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One thing drawn. Coordinates are SVG user units, y down; text `y` is the baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// `fill: None` is an invisible area that only carries a tooltip (SVG).
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Option<Rgb>,
        tip: Option<String>,
    },
    Line {
        points: Vec<(f64, f64)>,
        stroke: Rgb,
        width: f64,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        fill: Rgb,
        size: f64,
        bold: bool,
        vertical: bool,
    },
}

pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub title: String,
    pub shapes: Vec<Shape>,
}

/// A round number at or above `x` for an axis end: 1, 2 or 5 times a power of ten.
pub(crate) fn nice(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * p).find(|&v| v >= x).unwrap_or(10.0 * p)
}

/// The count between grid lines for counts up to `max` on two lines each side of
/// zero: a whole number (events come whole), 1, 2, 3, 4, 5, 6 or 8 times a power of
/// ten, so the axis reads 0, 3, 6 rather than 0, 2.5, 5.
pub(crate) fn count_step(max: u64) -> u64 {
    let half = max.div_ceil(2).max(1);
    let mut p = 1u64;
    loop {
        if let Some(m) = [1, 2, 3, 4, 5, 6, 8].into_iter().map(|m| m * p).find(|&v| v >= half) {
            return m;
        }
        p *= 10;
    }
}

fn signed(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else {
        format!("{v:+}")
    }
}

/// Cooperation bars up and conflict bars down from a zero line (counts, left axis),
/// the Goldstein sum as a line (right axis, the same zero).
pub fn layout(title: &str, buckets: &[Bucket]) -> Chart {
    let (w, h) = (960.0f64, 440.0f64);
    let (left, right, top, bottom) = (64.0, 72.0, 56.0, 64.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let zero = top + ph / 2.0;
    let step = count_step(buckets.iter().map(|b| b.cooperation.max(b.conflict)).max().unwrap_or(0));
    let max_count = (2 * step) as f64;
    let max_gold = nice(buckets.iter().map(|b| b.goldstein.abs()).fold(0.0, f64::max));
    let slot = pw / buckets.len().max(1) as f64;
    let bw = (slot * 0.8).max(1.0);
    let mut s: Vec<Shape> = Vec::new();
    let text = |x: f64, y: f64, t: &str, anchor: Anchor, fill: Rgb| Shape::Text {
        x,
        y,
        text: t.to_string(),
        anchor,
        fill,
        size: 12.0,
        bold: false,
        vertical: false,
    };
    s.push(Shape::Rect { x: 0.0, y: 0.0, w, h, fill: Some(WHITE), tip: None });
    s.push(Shape::Text {
        x: left,
        y: 24.0,
        text: title.to_string(),
        anchor: Anchor::Start,
        fill: INK,
        size: 16.0,
        bold: true,
        vertical: false,
    });
    // Legend.
    s.push(Shape::Rect { x: left, y: 34.0, w: 12.0, h: 12.0, fill: Some(GREEN), tip: None });
    s.push(text(left + 16.0, 44.0, "cooperation (events, quad 1-2)", Anchor::Start, GREY));
    s.push(Shape::Rect { x: left + 230.0, y: 34.0, w: 12.0, h: 12.0, fill: Some(RED), tip: None });
    s.push(text(left + 246.0, 44.0, "conflict (events, quad 3-4)", Anchor::Start, GREY));
    s.push(Shape::Line { points: vec![(left + 450.0, 40.0), (left + 474.0, 40.0)], stroke: BLUE, width: 2.0 });
    s.push(text(left + 480.0, 44.0, "Goldstein sum (right axis)", Anchor::Start, GREY));
    // Grid and axes.
    for i in -2..=2i32 {
        let y = zero - (i as f64) * ph / 4.0;
        let count = (step * i.unsigned_abs() as u64).to_string();
        let gold = max_gold * i as f64 / 2.0;
        s.push(Shape::Line {
            points: vec![(left, y), (left + pw, y)],
            stroke: if i == 0 { AXIS } else { GRID },
            width: 1.0,
        });
        s.push(text(left - 6.0, y + 4.0, &count, Anchor::End, GREY));
        s.push(text(left + pw + 6.0, y + 4.0, &signed(gold), Anchor::Start, BLUE));
    }
    s.push(Shape::Text {
        x: 18.0,
        y: zero,
        text: "events".into(),
        anchor: Anchor::Middle,
        fill: GREY,
        size: 12.0,
        bold: false,
        vertical: true,
    });
    // Bars, and a tooltip over each period's whole height.
    for (i, b) in buckets.iter().enumerate() {
        let x = left + i as f64 * slot + (slot - bw) / 2.0;
        if b.cooperation > 0 {
            let hgt = b.cooperation as f64 / max_count * (ph / 2.0);
            s.push(Shape::Rect { x, y: zero - hgt, w: bw, h: hgt, fill: Some(GREEN), tip: None });
        }
        if b.conflict > 0 {
            let hgt = b.conflict as f64 / max_count * (ph / 2.0);
            s.push(Shape::Rect { x, y: zero, w: bw, h: hgt, fill: Some(RED), tip: None });
        }
        let tip = format!(
            "{}: {} events, {} cooperation, {} conflict, Goldstein {:+.1}",
            b.label, b.events, b.cooperation, b.conflict, b.goldstein
        );
        s.push(Shape::Rect { x: left + i as f64 * slot, y: top, w: slot, h: ph, fill: None, tip: Some(tip) });
    }
    if !buckets.is_empty() {
        let points = buckets
            .iter()
            .enumerate()
            .map(|(i, b)| (left + (i as f64 + 0.5) * slot, zero - b.goldstein / max_gold * (ph / 2.0)))
            .collect::<Vec<_>>();
        // A marker on each point where periods are wide enough to tell them apart;
        // a single period has no line to draw, only its point.
        if slot >= 8.0 {
            for &(x, y) in &points {
                s.push(Shape::Rect { x: x - 3.0, y: y - 3.0, w: 6.0, h: 6.0, fill: Some(BLUE), tip: None });
            }
        }
        s.push(Shape::Line { points, stroke: BLUE, width: 2.0 });
    } else {
        s.push(text(left + pw / 2.0, zero - 8.0, "no events", Anchor::Middle, GREY));
    }
    // Period labels, thinned to about a dozen.
    let every = buckets.len().div_ceil(12).max(1);
    for (i, b) in buckets.iter().enumerate().filter(|(i, _)| i % every == 0) {
        s.push(text(left + (i as f64 + 0.5) * slot, top + ph + 18.0, &b.label, Anchor::Middle, GREY));
    }
    Chart { width: w, height: h, title: title.to_string(), shapes: s }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

impl Chart {
    /// A standalone SVG document.
    pub fn svg(&self) -> String {
        let (w, h) = (self.width, self.height);
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
        );
        let _ = writeln!(s, "<title>{}</title>", xml_escape(&self.title));
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill, tip } => {
                    let fill = fill.map_or("transparent".to_string(), hex);
                    match tip {
                        Some(t) => {
                            let _ = writeln!(
                                s,
                                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"><title>{}</title></rect>"#,
                                xml_escape(t)
                            );
                        }
                        None => {
                            let _ = writeln!(
                                s,
                                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"/>"#
                            );
                        }
                    }
                }
                Shape::Line { points, stroke, width } => {
                    let pts: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                    let _ = writeln!(
                        s,
                        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linejoin="round"/>"#,
                        pts.join(" "),
                        hex(*stroke)
                    );
                }
                Shape::Text { x, y, text, anchor, fill, size, bold, vertical } => {
                    let anchor = match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "middle",
                        Anchor::End => "end",
                    };
                    let weight = if *bold { r#" font-weight="bold""# } else { "" };
                    let place = if *vertical {
                        format!(r#"transform="translate({x:.1} {y:.1}) rotate(-90)""#)
                    } else {
                        format!(r#"x="{x:.1}" y="{y:.1}""#)
                    };
                    let _ = writeln!(
                        s,
                        r#"<text {place} text-anchor="{anchor}" font-size="{size}"{weight} fill="{}">{}</text>"#,
                        hex(*fill),
                        xml_escape(text)
                    );
                }
            }
        }
        s.push_str("</svg>\n");
        s
    }

    /// A PNG image, twice the SVG's size.
    pub fn png(&self) -> Vec<u8> {
        const SCALE: f64 = 2.0;
        let mut r = Raster::new((self.width * SCALE) as usize, (self.height * SCALE) as usize);
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill: Some(c), .. } => r.rect(x * SCALE, y * SCALE, w * SCALE, h * SCALE, *c),
                Shape::Rect { .. } => {}
                Shape::Line { points, stroke, width } => {
                    for pair in points.windows(2) {
                        r.line(
                            pair[0].0 * SCALE,
                            pair[0].1 * SCALE,
                            pair[1].0 * SCALE,
                            pair[1].1 * SCALE,
                            width * SCALE,
                            *stroke,
                        );
                    }
                }
                Shape::Text { x, y, text, anchor, fill, size, bold, vertical } => {
                    // 12-unit text: 5×7 glyphs, a dot per 6 units of size (2 px at this
                    // scale), 6 dots a letter: about the width of 12-unit Helvetica.
                    let dot = (size * SCALE / 12.0).round().max(1.0) as usize;
                    r.text(x * SCALE, y * SCALE, &ascii(text), *anchor, dot, *fill, *bold, *vertical);
                }
            }
        }
        r.encode()
    }
}

/// The label in the characters the bitmap font has.
fn ascii(s: &str) -> String {
    s.replace('\u{2194}', "<->")
        .replace('\u{2192}', "->")
        .replace('\u{2026}', "...")
        .replace(['\u{2013}', '\u{2014}', '\u{2212}'], "-")
}

struct Raster {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Raster {
    fn new(w: usize, h: usize) -> Raster {
        Raster { w, h, px: vec![0xff; w * h * 3] }
    }

    fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if x < 0 || y < 0 || x as usize >= self.w || y as usize >= self.h {
            return;
        }
        let i = (y as usize * self.w + x as usize) * 3;
        self.px[i..i + 3].copy_from_slice(&[c.0, c.1, c.2]);
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, c: Rgb) {
        let (x0, y0) = (x.round() as i64, y.round() as i64);
        let (x1, y1) = ((x + w).round().max(x0 as f64 + 1.0) as i64, (y + h).round().max(y0 as f64 + 1.0) as i64);
        for yy in y0.max(0)..y1.min(self.h as i64) {
            for xx in x0.max(0)..x1.min(self.w as i64) {
                self.set(xx, yy, c);
            }
        }
    }

    /// A line `width` thick, drawn as squares stepped along it.
    fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, width: f64, c: Rgb) {
        let steps = ((x1 - x0).abs().max((y1 - y0).abs()) * 2.0).ceil().max(1.0) as usize;
        let half = width / 2.0;
        for i in 0..=steps {
            let t = i as f64 / steps as f64;
            let (x, y) = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            self.rect(x - half, y - half, width, width, c);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: f64, y: f64, s: &str, anchor: Anchor, dot: usize, c: Rgb, bold: bool, vertical: bool) {
        let advance = 6 * dot;
        let len = (s.chars().count() * advance) as f64;
        let start = match anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -len / 2.0,
            Anchor::End => -len,
        };
        for (i, ch) in s.chars().enumerate() {
            let rows = glyph(ch);
            for (gy, row) in rows.iter().enumerate() {
                for (gx, b) in row.bytes().enumerate() {
                    if b != b'#' {
                        continue;
                    }
                    // Along the text and across it, from the baseline (row 6 sits on it).
                    let along = start + (i * advance + gx * dot) as f64;
                    let across = (gy as f64 - 7.0) * dot as f64;
                    for extra in 0..if bold { 2 } else { 1 } {
                        let (px, py) = if vertical {
                            (x + across, y - along - extra as f64)
                        } else {
                            (x + along + extra as f64, y + across)
                        };
                        self.rect(px, py, dot as f64, dot as f64, c);
                    }
                }
            }
        }
    }

    fn encode(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity((self.w * 3 + 1) * self.h);
        for row in self.px.chunks(self.w * 3) {
            raw.push(0); // filter: none
            raw.extend_from_slice(row);
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = z.write_all(&raw);
        let idat = z.finish().unwrap_or_default();
        let mut ihdr = Vec::with_capacity(13);
        ihdr.extend_from_slice(&(self.w as u32).to_be_bytes());
        ihdr.extend_from_slice(&(self.h as u32).to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter set, no interlace
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, data) in [(b"IHDR", &ihdr[..]), (b"IDAT", &idat[..]), (b"IEND", &[][..])] {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            out.extend_from_slice(&crc.sum().to_be_bytes());
        }
        out
    }
}

/// A 5×7 glyph (with an eighth row for descenders), `#` for ink.
fn glyph(c: char) -> [&'static str; 8] {
    const B: &str = "     ";
    match c {
        ' ' => [B; 8],
        '0' => [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### ", B],
        '1' => ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### ", B],
        '2' => [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####", B],
        '3' => ["#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### ", B],
        '4' => ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # ", B],
        '5' => ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### ", B],
        '6' => ["  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### ", B],
        '7' => ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   ", B],
        '8' => [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### ", B],
        '9' => [" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  ", B],
        'A' => [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #", B],
        'B' => ["#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### ", B],
        'C' => [" ### ", "#   #", "#    ", "#    ", "#    ", "#   #", " ### ", B],
        'D' => ["###  ", "#  # ", "#   #", "#   #", "#   #", "#  # ", "###  ", B],
        'E' => ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####", B],
        'F' => ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    ", B],
        'G' => [" ### ", "#   #", "#    ", "# ###", "#   #", "#   #", " ####", B],
        'H' => ["#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #", B],
        'I' => [" ### ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### ", B],
        'J' => ["  ###", "   # ", "   # ", "   # ", "   # ", "#  # ", " ##  ", B],
        'K' => ["#   #", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", "#   #", B],
        'L' => ["#    ", "#    ", "#    ", "#    ", "#    ", "#    ", "#####", B],
        'M' => ["#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #", B],
        'N' => ["#   #", "#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", B],
        'O' => [" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### ", B],
        'P' => ["#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    ", B],
        'Q' => [" ### ", "#   #", "#   #", "#   #", "# # #", "#  # ", " ## #", B],
        'R' => ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #", B],
        'S' => [" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### ", B],
        'T' => ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", B],
        'U' => ["#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### ", B],
        'V' => ["#   #", "#   #", "#   #", "#   #", "#   #", " # # ", "  #  ", B],
        'W' => ["#   #", "#   #", "#   #", "# # #", "# # #", "# # #", " # # ", B],
        'X' => ["#   #", "#   #", " # # ", "  #  ", " # # ", "#   #", "#   #", B],
        'Y' => ["#   #", "#   #", " # # ", "  #  ", "  #  ", "  #  ", "  #  ", B],
        'Z' => ["#####", "    #", "   # ", "  #  ", " #   ", "#    ", "#####", B],
        'a' => [B, B, " ### ", "    #", " ####", "#   #", " ####", B],
        'b' => ["#    ", "#    ", "# ## ", "##  #", "#   #", "#   #", "#### ", B],
        'c' => [B, B, " ### ", "#    ", "#    ", "#   #", " ### ", B],
        'd' => ["    #", "    #", " ## #", "#  ##", "#   #", "#   #", " ####", B],
        'e' => [B, B, " ### ", "#   #", "#####", "#    ", " ### ", B],
        'f' => ["  ## ", " #  #", " #   ", "###  ", " #   ", " #   ", " #   ", B],
        'g' => [B, B, " ####", "#   #", "#   #", " ####", "    #", " ### "],
        'h' => ["#    ", "#    ", "# ## ", "##  #", "#   #", "#   #", "#   #", B],
        'i' => ["  #  ", B, " ##  ", "  #  ", "  #  ", "  #  ", " ### ", B],
        'j' => ["   # ", B, "  ## ", "   # ", "   # ", "   # ", "#  # ", " ##  "],
        'k' => ["#    ", "#    ", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", B],
        'l' => [" ##  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### ", B],
        'm' => [B, B, "## # ", "# # #", "# # #", "#   #", "#   #", B],
        'n' => [B, B, "# ## ", "##  #", "#   #", "#   #", "#   #", B],
        'o' => [B, B, " ### ", "#   #", "#   #", "#   #", " ### ", B],
        'p' => [B, B, "#### ", "#   #", "#   #", "#### ", "#    ", "#    "],
        'q' => [B, B, " ####", "#   #", "#   #", " ####", "    #", "    #"],
        'r' => [B, B, "# ## ", "##  #", "#    ", "#    ", "#    ", B],
        's' => [B, B, " ####", "#    ", " ### ", "    #", "#### ", B],
        't' => [" #   ", " #   ", "###  ", " #   ", " #   ", " #  #", "  ## ", B],
        'u' => [B, B, "#   #", "#   #", "#   #", "#  ##", " ## #", B],
        'v' => [B, B, "#   #", "#   #", "#   #", " # # ", "  #  ", B],
        'w' => [B, B, "#   #", "#   #", "# # #", "# # #", " # # ", B],
        'x' => [B, B, "#   #", " # # ", "  #  ", " # # ", "#   #", B],
        'y' => [B, B, "#   #", "#   #", "#   #", " ####", "    #", " ### "],
        'z' => [B, B, "#####", "   # ", "  #  ", " #   ", "#####", B],
        '.' => [B, B, B, B, B, " ##  ", " ##  ", B],
        ',' => [B, B, B, B, B, " ##  ", "  #  ", " #   "],
        ':' => [B, " ##  ", " ##  ", B, " ##  ", " ##  ", B, B],
        ';' => [B, " ##  ", " ##  ", B, " ##  ", "  #  ", " #   ", B],
        '-' => [B, B, B, " ### ", B, B, B, B],
        '+' => [B, "  #  ", "  #  ", "#####", "  #  ", "  #  ", B, B],
        '=' => [B, B, "#####", B, "#####", B, B, B],
        '(' => ["   # ", "  #  ", " #   ", " #   ", " #   ", "  #  ", "   # ", B],
        ')' => [" #   ", "  #  ", "   # ", "   # ", "   # ", "  #  ", " #   ", B],
        '/' => ["    #", "    #", "   # ", "  #  ", " #   ", "#    ", "#    ", B],
        '<' => ["   # ", "  #  ", " #   ", "#    ", " #   ", "  #  ", "   # ", B],
        '>' => [" #   ", "  #  ", "   # ", "    #", "   # ", "  #  ", " #   ", B],
        '%' => ["##   ", "##  #", "   # ", "  #  ", " #   ", "#  ##", "   ##", B],
        '\'' => ["  #  ", "  #  ", B, B, B, B, B, B],
        '"' => [" # # ", " # # ", B, B, B, B, B, B],
        '_' => [B, B, B, B, B, B, "#####", B],
        '!' => ["  #  ", "  #  ", "  #  ", "  #  ", "  #  ", B, "  #  ", B],
        '&' => [" ##  ", "#  # ", "# #  ", " #   ", "# # #", "#  # ", " ## #", B],
        '*' => [B, "  #  ", "# # #", " ### ", "# # #", "  #  ", B, B],
        '#' => [" # # ", " # # ", "#####", " # # ", "#####", " # # ", " # # ", B],
        _ => [" ### ", "#   #", "    #", "   # ", "  #  ", B, "  #  ", B],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn buckets() -> Vec<Bucket> {
        let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let b = |label: &str, coop: u64, conflict: u64, g: f64| Bucket {
            start: d,
            label: label.into(),
            events: coop + conflict,
            cooperation: coop,
            conflict,
            goldstein: g,
        };
        vec![b("2024-01", 4, 0, 12.0), b("2024-02", 0, 0, 0.0), b("2024-03", 1, 8, -30.5)]
    }

    #[test]
    fn svg_has_bars_line_tooltips_and_escapes() {
        let svg = layout("RUS \u{2194} ARM <by month>", &buckets()).svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("&lt;by month&gt;"));
        assert_eq!(svg.matches(r##"fill="#2f9e44"/>"##).count(), 1 + 2, "legend + two cooperation bars");
        assert_eq!(svg.matches("<title>2024-").count(), 3, "a tooltip per period");
        assert!(svg.contains("<polyline"));
        assert_eq!(nice(7.0), 10.0);
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(nice(120.0), 200.0);
        assert!(layout("x", &[]).svg().contains("no events"));
    }

    #[test]
    fn one_period_still_shows_its_goldstein_point() {
        let one = &buckets()[2..];
        let chart = layout("one month", one);
        let marker = chart.shapes.iter().find_map(|s| match s {
            Shape::Rect { x, y, w, fill: Some(BLUE), .. } => Some((x + w / 2.0, *y)),
            _ => None,
        });
        let (x, y) = marker.expect("a Goldstein marker");
        assert!((x - (64.0 + (960.0 - 64.0 - 72.0) / 2.0)).abs() < 0.01, "in the middle of the one period: {x}");
        assert!(y > 56.0 + (440.0 - 56.0 - 64.0) / 2.0, "below zero for a negative sum: {y}");
        assert!(chart.svg().contains(r##"fill="#1971c2"/>"##));
        // And in the PNG.
        let png = chart.png();
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        let mut raw = Vec::new();
        use std::io::Read;
        flate2::read::ZlibDecoder::new(&png[41..41 + idat_len]).read_to_end(&mut raw).unwrap();
        // The pixel at the point itself (twice the SVG's size; a filter byte a row).
        let (px, py) = ((x * 2.0) as usize, ((y + 3.0) * 2.0) as usize);
        let at = py * (1920 * 3 + 1) + 1 + px * 3;
        assert_eq!(raw[at..at + 3], [BLUE.0, BLUE.1, BLUE.2]);
    }

    #[test]
    fn count_axes_have_whole_number_ticks() {
        for max in 0..=2000u64 {
            let step = count_step(max);
            assert!(2 * step >= max && step >= 1, "{max}: {step}");
            assert!(step <= max.div_ceil(2).max(1) * 2, "not needlessly tall: {max}: {step}");
        }
        assert_eq!([1, 2, 5, 7, 9, 11, 100].map(count_step), [1, 1, 3, 4, 5, 6, 50]);
        // The count axis's labels (the right-aligned texts).
        let axis_labels = |bs: &[Bucket]| -> Vec<String> {
            layout("x", bs)
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text { anchor: Anchor::End, text, .. } => Some(text.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(axis_labels(&buckets()), ["8", "4", "0", "4", "8"], "largest count 8");
        assert_eq!(axis_labels(&buckets()[..1]), ["4", "2", "0", "2", "4"], "largest count 4, not 0, 2.5, 5");
    }

    #[test]
    fn png_is_a_valid_image_with_the_bars_in_it() {
        let chart = layout("RUS \u{2194} ARM, by month", &buckets());
        let png = chart.png();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1920);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 880);
        assert!(
            png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]),
            "IEND with its fixed CRC"
        );
        // Decode the pixels back and find both bar colours.
        let idat_len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let mut raw = Vec::new();
        use std::io::Read;
        flate2::read::ZlibDecoder::new(&png[41..41 + idat_len]).read_to_end(&mut raw).unwrap();
        assert_eq!(raw.len(), (1920 * 3 + 1) * 880);
        let has = |c: Rgb| raw.chunks(1920 * 3 + 1).any(|row| row[1..].chunks(3).any(|p| p == [c.0, c.1, c.2]));
        assert!(has(GREEN) && has(RED) && has(BLUE) && has(INK));
        assert_eq!(ascii("A \u{2194} B\u{2026}"), "A <-> B...");
        assert_eq!(glyph('\u{263A}'), glyph('?'));
    }
}
