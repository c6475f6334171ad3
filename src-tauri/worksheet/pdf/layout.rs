//! Page geometry, drawing primitives and flowing text. Coordinates are points measured from the
//! top-left corner (as a reader sees the page); only `Canvas` turns them into PDF's bottom-up
//! space.

use super::fonts::{Fonts, Weight};
use super::glyphs::Glyphs;
use super::style::{self, Rgb8};

/// Paper sizes, in points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    pub fn parse(text: &str) -> Option<Paper> {
        match crate::domain::text::fold(text).as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "usletter" => Some(Paper::Letter),
            _ => None,
        }
    }

    fn portrait(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb8,
}

impl TextStyle {
    pub const fn new(size: f32, weight: Weight, color: Rgb8) -> TextStyle {
        TextStyle { size, weight, color }
    }

    pub fn body() -> TextStyle {
        TextStyle::new(style::BODY, Weight::Regular, style::INK)
    }

    pub fn with_size(self, size: f32) -> TextStyle {
        TextStyle { size, ..self }
    }

    pub fn bold(self) -> TextStyle {
        TextStyle { weight: Weight::Bold, ..self }
    }

    pub fn colored(self, color: Rgb8) -> TextStyle {
        TextStyle { color, ..self }
    }

    /// Baseline-to-baseline distance.
    pub fn leading(&self) -> f32 {
        self.size * 1.32
    }

    /// From the top of a line box to its baseline.
    pub fn ascent(&self) -> f32 {
        self.size * 0.93
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// The fonts, and what becomes of the text drawn with them (see `glyphs`).
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub fonts: &'a Fonts,
    pub glyphs: &'a dyn Glyphs,
}

impl Ctx<'_> {
    pub fn width(&self, text: &str, style: &TextStyle) -> f32 {
        self.fonts.face(style.weight).width(text, style.size)
    }
}

/// One page's content stream: PDF drawing operators, written as the page is drawn.
pub struct Canvas {
    pub width: f32,
    pub height: f32,
    pub content: Vec<u8>,
    /// Graphics state already set on this page, so repeated settings are not written again
    /// (a 500-provider worksheet is hundreds of thousands of operations).
    font: Option<(Weight, f32)>,
    fill: Option<Rgb8>,
    stroke: Option<(Rgb8, f32)>,
    /// Consecutive text shares one BT … ET, which halves the operations of a text-heavy page.
    in_text: bool,
}

impl Canvas {
    pub fn new(width: f32, height: f32) -> Canvas {
        Canvas { width, height, content: Vec::with_capacity(16 * 1024), font: None, fill: None, stroke: None, in_text: false }
    }

    /// Path painting is not allowed inside a text object: close it first.
    fn end_text(&mut self) {
        if self.in_text {
            self.content.extend_from_slice(b"ET\n");
            self.in_text = false;
        }
    }

    /// Closes what is open; call once the page is complete.
    pub fn finish(&mut self) {
        self.end_text();
    }

    /// Writes numbers separated by spaces, then the operator and a line break.
    fn op(&mut self, numbers: &[f32], operator: &str) {
        for &n in numbers {
            number(&mut self.content, n);
            self.content.push(b' ');
        }
        self.content.extend_from_slice(operator.as_bytes());
        self.content.push(b'\n');
    }

    fn set_fill(&mut self, color: Rgb8) {
        if self.fill != Some(color) {
            self.op(&color.components(), "rg");
            self.fill = Some(color);
        }
    }

    fn flip(&self, y: f32) -> f32 {
        self.height - y
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8) {
        self.end_text();
        self.set_fill(color);
        self.op(&[x, self.flip(y + h), w, h], "re f");
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8, thickness: f32) {
        self.end_text();
        self.stroke_style(color, thickness);
        self.op(&[x, self.flip(y + h), w, h], "re S");
    }

    fn stroke_style(&mut self, color: Rgb8, thickness: f32) {
        if self.stroke != Some((color, thickness)) {
            self.op(&color.components(), "RG");
            self.op(&[thickness], "w");
            self.stroke = Some((color, thickness));
        }
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb8, thickness: f32) {
        self.polyline(&[(x1, y1), (x2, y2)], color, thickness);
    }

    pub fn polyline(&mut self, points: &[(f32, f32)], color: Rgb8, thickness: f32) {
        if points.len() < 2 {
            return;
        }
        self.end_text();
        self.stroke_style(color, thickness);
        self.path(points);
        self.content.extend_from_slice(b"S\n");
    }

    pub fn polygon(&mut self, points: &[(f32, f32)], color: Rgb8) {
        if points.is_empty() {
            return;
        }
        self.end_text();
        self.set_fill(color);
        self.path(points);
        self.content.extend_from_slice(b"h f\n");
    }

    fn path(&mut self, points: &[(f32, f32)]) {
        for (i, &(x, y)) in points.iter().enumerate() {
            self.op(&[x, self.flip(y)], if i == 0 { "m" } else { "l" });
        }
    }

    /// A small filled diamond marking a data point.
    pub fn marker(&mut self, x: f32, y: f32, r: f32, color: Rgb8) {
        self.polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], color);
    }

    /// Draws one line of text with its baseline at `baseline`; never wraps.
    pub fn text(&mut self, ctx: &Ctx, x: f32, baseline: f32, text: &str, style: &TextStyle) {
        if text.is_empty() {
            return;
        }
        // Font and colour belong to the graphics state, which outlives BT … ET.
        if self.font != Some((style.weight, style.size)) {
            self.content.push(b'/');
            self.content.extend_from_slice(style.weight.resource().as_bytes());
            self.content.push(b' ');
            self.op(&[style.size], "Tf");
            self.font = Some((style.weight, style.size));
        }
        self.set_fill(style.color);
        if !self.in_text {
            self.content.extend_from_slice(b"BT\n");
            self.in_text = true;
        }
        self.op(&[1.0, 0.0, 0.0, 1.0, x, self.flip(baseline)], "Tm");
        self.content.push(b'<');
        ctx.glyphs.encode(style.weight, text, &mut self.content);
        self.content.extend_from_slice(b"> Tj\n");
    }

    /// One line of text aligned within `[x, x + width]`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(&mut self, ctx: &Ctx, x: f32, width: f32, baseline: f32, text: &str, style: &TextStyle, align: Align) {
        let w = ctx.width(text, style);
        let x = match align {
            Align::Left => x,
            Align::Right => x + width - w,
            Align::Center => x + (width - w) / 2.0,
        };
        self.text(ctx, x, baseline, text, style);
    }

    /// A level label on a soft tinted pill; returns the pill's width.
    pub fn pill(&mut self, ctx: &Ctx, x: f32, top: f32, text: &str, style: &TextStyle, fill: Rgb8) -> f32 {
        let pad = style.size * 0.45;
        let w = ctx.width(text, style) + 2.0 * pad;
        let h = style.size * 1.35;
        self.fill_rect(x, top, w, h, fill);
        self.text(ctx, x + pad, top + h / 2.0 + style.size * 0.35, text, style);
        w
    }
}

/// A number as PDF writes it: no exponent, and at most three decimals (a thousandth of a point
/// is far finer than any printer; colour components need the third). Written by hand: a page
/// has hundreds of numbers, and the formatter's float path was a fifth of the worksheet's time.
fn number(out: &mut Vec<u8>, n: f32) {
    let thousandths = (f64::from(n) * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push(b'-');
    }
    let abs = thousandths.unsigned_abs();
    digits(out, abs / 1000, 1);
    let mut fraction = abs % 1000;
    if fraction != 0 {
        let mut places = 3;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            places -= 1;
        }
        out.push(b'.');
        digits(out, fraction, places);
    }
}

/// The decimal digits of `n`, zero-padded to at least `width`.
fn digits(out: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut buffer = [b'0'; 20];
    let mut start = buffer.len();
    while n > 0 || buffer.len() - start < width {
        start -= 1;
        buffer[start] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&buffer[start..]);
}

/// Text as it may be drawn: control characters (tabs, carriage returns, escapes) become spaces;
/// line feeds stay as paragraph breaks. Nothing is interpreted.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| {
            if c == '\n' {
                c
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Greedy word wrap to `width`; words longer than a line are broken between characters, so no
/// text is ever lost off the edge.
pub fn wrap(ctx: &Ctx, text: &str, style: &TextStyle, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let face = ctx.fonts.face(style.weight);
    let space = face.width(" ", style.size);
    for paragraph in clean(text).split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_w = face.width(word, style.size);
            if !line.is_empty() && line_w + space + word_w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if word_w <= width {
                line.push_str(word);
                line_w = word_w;
            } else {
                for c in word.chars() {
                    let mut buf = [0u8; 4];
                    let cw = face.width(c.encode_utf8(&mut buf), style.size);
                    if !line.is_empty() && line_w + cw > width {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
        }
        lines.push(line);
    }
    // Keep inner blank lines (paragraph breaks) but not trailing ones.
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

pub const MARGIN: f32 = 42.0;
/// Room kept at the bottom of every page for the footer.
pub const FOOTER: f32 = 26.0;

/// The document being laid out: the pages not yet handed on, a cursor flowing down the current
/// page, and bookmarks.
pub struct Doc<'a> {
    pub ctx: Ctx<'a>,
    paper: Paper,
    orientation: Orientation,
    pages: Vec<Canvas>,
    /// Pages already handed on by `take_finished`; they keep their numbers.
    handed_on: usize,
    /// (title, 1-based page).
    pub bookmarks: Vec<(String, usize)>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Drawn at the top of every page a break starts, e.g. "Stripe (continued)".
    pub running_title: Option<String>,
}

impl<'a> Doc<'a> {
    pub fn new(ctx: Ctx<'a>, paper: Paper) -> Doc<'a> {
        Doc {
            ctx,
            paper,
            orientation: Orientation::Portrait,
            pages: Vec::new(),
            handed_on: 0,
            bookmarks: Vec::new(),
            y: MARGIN,
            running_title: None,
        }
    }

    /// The 1-based number of the page being drawn on (0 before the first).
    pub fn page_number(&self) -> usize {
        self.handed_on + self.pages.len()
    }

    /// How many pages `take_finished` would hand on.
    pub fn finished(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// The pages before the one being drawn on, which nothing draws on again: a long worksheet
    /// is written out as it is laid out instead of being held whole. Their numbers follow the
    /// pages taken before.
    pub fn take_finished(&mut self) -> Vec<Canvas> {
        let current = self.pages.pop();
        let finished = std::mem::replace(&mut self.pages, current.into_iter().collect());
        self.handed_on += finished.len();
        finished
    }

    pub fn new_page(&mut self, orientation: Orientation) {
        let (w, h) = self.paper.portrait();
        let (width, height) = match orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        };
        self.orientation = orientation;
        self.pages.push(Canvas::new(width, height));
        self.y = MARGIN;
        if let Some(title) = self.running_title.clone() {
            let style = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
            let (ctx, page) = (&self.ctx, self.pages.last_mut().expect("just pushed"));
            page.text(ctx, MARGIN, MARGIN + style.ascent(), &title, &style);
            let y = MARGIN + style.leading() + 2.0;
            page.line(MARGIN, y, page.width - MARGIN, y, style::RULE, 0.6);
            self.y = y + 10.0;
        }
    }

    pub fn bookmark(&mut self, title: &str) {
        self.bookmarks.push((clean(title).replace('\n', " "), self.page_number()));
    }

    /// Splits the borrow so callers can draw with the fonts at hand.
    pub fn parts(&mut self) -> (&Ctx<'a>, &mut Canvas) {
        (&self.ctx, self.pages.last_mut().expect("a page was started"))
    }

    pub fn left(&self) -> f32 {
        MARGIN
    }

    pub fn width(&self) -> f32 {
        self.pages.last().map(|p| p.width).unwrap_or(0.0) - 2.0 * MARGIN
    }

    pub fn bottom(&self) -> f32 {
        self.pages.last().map(|p| p.height).unwrap_or(0.0) - MARGIN - FOOTER
    }

    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Starts a new page (same orientation) unless `height` still fits; says whether it broke.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.room() >= height {
            return false;
        }
        self.new_page(self.orientation);
        true
    }

    /// A section heading with a rule under it, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        let style = TextStyle::new(style::HEADING, Weight::Bold, style::NAVY);
        self.ensure(style.leading() + 8.0 + keep);
        let (x, w, y) = (self.left(), self.width(), self.y);
        let (ctx, page) = self.parts();
        page.text(ctx, x, y + style.ascent(), text, &style);
        let rule = y + style.leading() + 1.0;
        page.line(x, rule, x + w, rule, style::RULE, 0.8);
        self.y = rule + 6.0;
    }

    /// Flowing text at `x` within `width`, continuing on the next page when it runs out of room.
    pub fn paragraph(&mut self, text: &str, style: &TextStyle, x: f32, width: f32) {
        for line in wrap(&self.ctx, text, style, width) {
            self.ensure(style.leading());
            let baseline = self.y + style.ascent();
            let (ctx, page) = self.parts();
            page.text(ctx, x, baseline, &line, style);
            self.y += style.leading();
        }
    }

    /// A label on the left and flowing text to its right, as on a paper form.
    pub fn field(&mut self, label: &str, value: &str, label_width: f32) {
        let label_style = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
        let value_style = TextStyle::body();
        self.ensure(value_style.leading());
        let (x, y, page_no) = (self.left(), self.y, self.page_number());
        let (ctx, page) = self.parts();
        let label_lines = wrap(ctx, label, &label_style, label_width - 6.0);
        for (i, line) in label_lines.iter().enumerate() {
            page.text(ctx, x, y + value_style.ascent() + i as f32 * label_style.leading(), line, &label_style);
        }
        let value = if value.trim().is_empty() { "—" } else { value };
        let width = self.width() - label_width;
        self.paragraph(value, &value_style, x + label_width, width);
        if self.page_number() == page_no {
            self.y = self.y.max(y + label_lines.len() as f32 * label_style.leading());
        }
        self.y += 1.5;
    }

    /// The pages not handed on yet, and every bookmark.
    pub fn finish(self) -> (Vec<Canvas>, Vec<(String, usize)>) {
        (self.pages, self.bookmarks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_pdf_reads_them() {
        let written: Vec<String> = [10.0, 595.28, 0.5, 1.0 / 3.0, -2.25, -0.0001, 0.0, 0.05, 1234567.0]
            .iter()
            .map(|&n| {
                let mut out = Vec::new();
                number(&mut out, n);
                String::from_utf8(out).unwrap()
            })
            .collect();
        assert_eq!(written, ["10", "595.28", "0.5", "0.333", "-2.25", "0", "0", "0.05", "1234567"]);
    }
}
