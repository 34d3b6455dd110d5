//! A PDF's text layer: lopdf parses the file (cross-reference repair,
//! decryption with the empty user password, bounded decompression); this
//! module runs each page's content stream to place every glyph on the
//! page, and `layout` groups the glyphs into lines and cells.

mod cmap;
mod font;

use crate::layout::{self, Glyph, Rule};
use crate::{Error, Extracted};
use font::{number, Font};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Most bytes one stream may decompress to: a page's content, a font's map.
pub const MAX_STREAM: usize = 32 << 20;
/// Most pages read.
const MAX_PAGES: usize = 5000;
/// Most glyphs read from the whole document, and from one page.
const MAX_GLYPHS: usize = 4_000_000;
const MAX_PAGE_GLYPHS: usize = 200_000;
/// Most ruling lines kept from one page, and path points from one path.
const MAX_RULES: usize = 100_000;
const MAX_PATH: usize = 100_000;
/// Deepest nesting of `q` and of form XObjects followed.
const MAX_SAVES: usize = 64;
const MAX_FORMS: usize = 8;

/// Reads the text of a PDF.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword => Error::Password,
        e => Error::Corrupt(format!("PDF: {e}")),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::Password);
    }
    let pages: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if pages.is_empty() {
        return Err(Error::Corrupt("PDF: 没有页面".into()));
    }
    if pages.len() > MAX_PAGES {
        return Err(Error::Corrupt(format!("PDF: 超过 {MAX_PAGES} 页")));
    }
    let mut out = Extracted::default();
    let mut glyphs = Vec::new();
    let (mut total, mut unmapped) = (0usize, 0usize);
    let mut pages_read = Vec::with_capacity(pages.len());
    let mut fonts = HashMap::new();
    let mut rules = Vec::new();
    for &page in &pages {
        glyphs.clear();
        rules.clear();
        let mut reader = PageReader {
            doc: &doc,
            glyphs: &mut glyphs,
            rules: &mut rules,
            path: Vec::new(),
            scratch: Vec::new(),
            fonts: &mut fonts,
        };
        reader.page(page)?;
        total += glyphs.len();
        if total > MAX_GLYPHS {
            return Err(Error::Corrupt(format!("PDF: 文字超过 {MAX_GLYPHS} 个字符")));
        }
        unmapped += glyphs.iter().filter(|g| g.text == "\u{FFFD}").count();
        let (bottom, top) = page_box(&doc, page);
        pages_read.push(layout::lines(&mut glyphs, &mut rules, bottom, top));
    }
    let visible = total - unmapped;
    if total == 0 {
        return Err(Error::Scanned);
    }
    if visible * 2 < total {
        return Err(Error::NoUnicode);
    }
    layout::drop_running_lines(&mut pages_read);
    for (p, lines) in pages_read.iter().enumerate() {
        for (l, line) in lines.iter().enumerate() {
            out.push_line(
                &line.text,
                crate::Place::Pdf {
                    page: p as u32 + 1,
                    line: l as u32 + 1,
                },
            );
        }
    }
    out.units = pages.len() as u32;
    Ok(out)
}

/// The bottom and top of a page's media box.
fn page_box(doc: &Document, page: ObjectId) -> (f32, f32) {
    let mut node = doc.get_dictionary(page).ok();
    // MediaBox is inheritable: look up the tree a few levels.
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Some(b) = font::array(doc, dict.get(b"MediaBox").ok()) {
            let n: Vec<f32> = b.iter().filter_map(|o| number(doc, Some(o))).collect();
            if let [_, y0, _, y1] = n[..] {
                return (y0.min(y1), y0.max(y1));
            }
        }
        node = dict
            .get(b"Parent")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    (0.0, 842.0)
}

/// A 2-D affine matrix `[a b c d e f]`, points as row vectors.
#[derive(Clone, Copy, Debug)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: first `self`, then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let n: Vec<f32> = ops.iter().filter_map(|o| o.as_float().ok()).collect();
        match n[..] {
            [a, b, c, d, e, f] if n.iter().all(|v| v.is_finite()) => {
                Some(Matrix([a, b, c, d, e, f]))
            }
            _ => None,
        }
    }
}

/// The graphics and text state the text reader follows.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// Fonts read so far, by the address of their dictionary in the document:
/// pages share fonts, and a font's maps are parsed once.
type Fonts<'a> = HashMap<usize, Rc<Font<'a>>>;

struct PageReader<'a, 'g> {
    doc: &'a Document,
    glyphs: &'g mut Vec<Glyph>,
    rules: &'g mut Vec<Rule>,
    /// The path being built, as segments on the page (a point starting a
    /// subpath is a segment from itself to itself).
    path: Vec<[(f32, f32); 2]>,
    scratch: Vec<font::Glyph>,
    fonts: &'g mut Fonts<'a>,
}

impl<'a> PageReader<'a, '_> {
    /// The font of `dict`, read once for the whole document.
    fn font(&mut self, dict: &'a Dictionary) -> Rc<Font<'a>> {
        let doc = self.doc;
        let key = std::ptr::from_ref(dict) as usize;
        Rc::clone(
            self.fonts
                .entry(key)
                .or_insert_with(|| Rc::new(Font::new(doc, dict))),
        )
    }

    fn page(&mut self, page: ObjectId) -> Result<(), Error> {
        let content = self
            .doc
            .get_page_content_with_limit(page, MAX_STREAM)
            .map_err(|e| Error::Corrupt(format!("PDF: 页面内容: {e}")))?;
        let fonts = self.doc.get_page_fonts(page).unwrap_or_default();
        let resources = self.doc.get_page_resources(page).ok();
        let mut xobjects: Vec<&Dictionary> = Vec::new();
        if let Some((direct, ids)) = resources {
            let all = direct.into_iter().chain(
                ids.iter()
                    .filter_map(|id| self.doc.get_dictionary(*id).ok()),
            );
            for res in all {
                if let Some(x) = self.dict(res.get(b"XObject").ok()) {
                    xobjects.push(x);
                }
            }
        }
        let state = State {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let fonts = fonts.into_iter().map(|(k, d)| (k, self.font(d))).collect();
        self.run(&content, &fonts, &xobjects, state, 0);
        Ok(())
    }

    fn dict(&self, o: Option<&'a Object>) -> Option<&'a Dictionary> {
        self.doc.dereference(o?).ok()?.1.as_dict().ok()
    }

    /// Runs one content stream; `depth` counts the form XObjects it is in.
    fn run(
        &mut self,
        content: &[u8],
        fonts: &BTreeMap<Vec<u8>, Rc<Font<'a>>>,
        xobjects: &[&'a Dictionary],
        mut gs: State,
        depth: usize,
    ) {
        let mut saved: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in Content::decode_iter(content) {
            // A broken operation ends the stream: what was read stays.
            let Ok(op) = op else { break };
            if self.glyphs.len() > MAX_PAGE_GLYPHS {
                return;
            }
            let ops = &op.operands;
            let f = |i: usize| {
                ops.get(i)
                    .and_then(|o| o.as_float().ok())
                    .filter(|v| v.is_finite())
            };
            match op.operator.as_str() {
                "q" if saved.len() < MAX_SAVES => saved.push(gs.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        gs.ctm = m.then(gs.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    gs.font = ops
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    gs.size = f(1).unwrap_or(0.0);
                }
                "Tc" => gs.char_spacing = f(0).unwrap_or(0.0),
                "Tw" => gs.word_spacing = f(0).unwrap_or(0.0),
                "Tz" => gs.scale = f(0).unwrap_or(100.0) / 100.0,
                "TL" => gs.leading = f(0).unwrap_or(0.0),
                "Ts" => gs.rise = f(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (f(0).unwrap_or(0.0), f(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        gs.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "\"" {
                        gs.word_spacing = f(0).unwrap_or(gs.word_spacing);
                        gs.char_spacing = f(1).unwrap_or(gs.char_spacing);
                    }
                    if op.operator == "'" || op.operator == "\"" {
                        tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                        tm = tlm;
                    }
                    let Some(font) = gs.font.as_ref().and_then(|n| fonts.get(n)) else {
                        continue;
                    };
                    for operand in ops {
                        match operand {
                            Object::String(bytes, _) => self.show(bytes, font, &gs, &mut tm),
                            Object::Array(items) => {
                                for item in items {
                                    if let Object::String(bytes, _) = item {
                                        self.show(bytes, font, &gs, &mut tm);
                                    } else if let Ok(n) = item.as_float() {
                                        let d = -n / 1000.0 * gs.size;
                                        if !d.is_finite() {
                                            continue;
                                        }
                                        tm = if font.vertical {
                                            Matrix::translate(0.0, d).then(tm)
                                        } else {
                                            Matrix::translate(d * gs.scale, 0.0).then(tm)
                                        };
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "m" | "l" | "re" | "h" => self.build_path(&op.operator, ops, gs.ctm),
                "S" | "s" | "B" | "B*" | "b" | "b*" => self.paint_path(true),
                "f" | "F" | "f*" => self.paint_path(false),
                "n" => self.path.clear(),
                "Do" if depth < MAX_FORMS => {
                    let Some(name) = ops.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let form = xobjects
                        .iter()
                        .find_map(|x| x.get(name).ok())
                        .and_then(|o| self.doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())
                        .filter(|s| {
                            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
                        });
                    let Some(form) = form else { continue };
                    let Ok(inner) = form.decompressed_content_with_limit(MAX_STREAM) else {
                        continue;
                    };
                    let res = self.dict(form.dict.get(b"Resources").ok());
                    let mut inner_fonts = BTreeMap::new();
                    let mut inner_x = Vec::new();
                    if let Some(res) = res {
                        if let Some(fd) = self.dict(res.get(b"Font").ok()) {
                            for (k, v) in fd.iter() {
                                if let Some(d) = self.dict(Some(v)) {
                                    let font = self.font(d);
                                    inner_fonts.insert(k.clone(), font);
                                }
                            }
                        }
                        if let Some(x) = self.dict(res.get(b"XObject").ok()) {
                            inner_x.push(x);
                        }
                    }
                    let mut inner_gs = gs.clone();
                    if let Some(m) = form
                        .dict
                        .get(b"Matrix")
                        .ok()
                        .and_then(|o| o.as_array().ok())
                        .and_then(|a| Matrix::from_operands(a))
                    {
                        inner_gs.ctm = m.then(gs.ctm);
                    }
                    // A form without its own resources uses the page's.
                    if res.is_none() {
                        self.run(&inner, fonts, xobjects, inner_gs, depth + 1);
                    } else {
                        self.run(&inner, &inner_fonts, &inner_x, inner_gs, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Adds to the path: `m` starts a subpath, `l` draws to a point, `re`
    /// adds a rectangle's four sides, `h` closes the subpath.
    fn build_path(&mut self, operator: &str, ops: &[Object], ctm: Matrix) {
        if self.path.len() >= MAX_PATH {
            return;
        }
        let n: Vec<f32> = ops
            .iter()
            .filter_map(|o| o.as_float().ok())
            .filter(|v| v.is_finite())
            .collect();
        let at = |x: f32, y: f32| {
            let m = Matrix::translate(x, y).then(ctm);
            (m.0[4], m.0[5])
        };
        let start = self.path.iter().rev().find(|s| s[0] == s[1]).map(|s| s[0]);
        match (operator, n.as_slice()) {
            ("m", &[x, y]) => {
                let p = at(x, y);
                self.path.push([p, p]);
            }
            ("l", &[x, y]) => {
                if let Some(&[_, from]) = self.path.last() {
                    self.path.push([from, at(x, y)]);
                }
            }
            ("re", &[x, y, w, h]) => {
                let corners = [at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h)];
                for i in 0..4 {
                    self.path.push([corners[i], corners[(i + 1) % 4]]);
                }
            }
            ("h", _) => {
                if let (Some(&[_, from]), Some(start)) = (self.path.last(), start) {
                    self.path.push([from, start]);
                }
            }
            _ => {}
        }
    }

    /// Paints the path. A stroked path's vertical segments are ruling
    /// lines; a filled one is a ruling line only when it is a thin upright
    /// bar (a shaded cell or a highlight behind text is not).
    fn paint_path(&mut self, stroked: bool) {
        let path = std::mem::take(&mut self.path);
        if stroked {
            for &[(x0, y0), (x1, y1)] in &path {
                if (x0 - x1).abs() < 1.0 && (y0 - y1).abs() > 4.0 {
                    self.rule(x0.midpoint(x1), y0.min(y1), y0.max(y1));
                }
            }
        } else if let Some(&[(x, y), _]) = path.first() {
            let (mut x0, mut x1, mut y0, mut y1) = (x, x, y, y);
            for &[(a, b), (c, d)] in &path {
                (x0, x1) = (x0.min(a).min(c), x1.max(a).max(c));
                (y0, y1) = (y0.min(b).min(d), y1.max(b).max(d));
            }
            if x1 - x0 < 2.5 && y1 - y0 > 4.0 {
                self.rule(x0.midpoint(x1), y0, y1);
            }
        }
        self.path = path;
        self.path.clear();
    }

    fn rule(&mut self, x: f32, y0: f32, y1: f32) {
        if self.rules.len() < MAX_RULES {
            self.rules.push(Rule { x, y0, y1 });
        }
    }

    /// Places the glyphs of one shown string and advances the text matrix.
    fn show(&mut self, bytes: &[u8], font: &Font, gs: &State, tm: &mut Matrix) {
        let mut scratch = std::mem::take(&mut self.scratch);
        font.glyphs(bytes, &mut scratch);
        for g in &scratch {
            let trm = Matrix([gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise])
                .then(*tm)
                .then(gs.ctm);
            let m = tm.then(gs.ctm);
            let size = (m.0[2] * m.0[2] + m.0[3] * m.0[3]).sqrt() * gs.size;
            let xscale = (m.0[0] * m.0[0] + m.0[1] * m.0[1]).sqrt();
            let spacing = gs.char_spacing + if g.space { gs.word_spacing } else { 0.0 };
            let (mut x, mut y) = (trm.0[4], trm.0[5]);
            let width;
            if font.vertical {
                // The origin of a vertical glyph is its top centre: place it
                // as a horizontal glyph of the same box would be.
                width = size;
                x -= size / 2.0;
                y -= size * 0.88;
                let d = -(gs.size) + spacing;
                *tm = Matrix::translate(0.0, d).then(*tm);
            } else {
                width = g.width / 1000.0 * size * gs.scale;
                let d = (g.width / 1000.0 * gs.size + spacing) * gs.scale;
                *tm = Matrix::translate(d, 0.0).then(*tm);
            }
            if x.is_finite() && y.is_finite() && size.is_finite() && xscale.is_finite() {
                self.glyphs.push(Glyph {
                    text: g.text.clone(),
                    x,
                    y,
                    width: width.abs(),
                    size: size.abs(),
                });
            }
        }
        self.scratch = scratch;
    }
}
