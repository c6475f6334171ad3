//! Page geometry, drawing primitives and flowing text. Coordinates are points measured from the
//! top-left corner (as a reader sees the page); only `Canvas` turns them into PDF's bottom-up
//! space.

use printpdf::{
    FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use super::fonts::{Fonts, Weight};
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

/// The fonts and their ids in the document being built.
pub struct Ctx<'a> {
    pub fonts: &'a Fonts,
    pub regular: FontId,
    pub bold: FontId,
}

impl Ctx<'_> {
    pub fn width(&self, text: &str, style: &TextStyle) -> f32 {
        self.fonts.face(style.weight).width(text, style.size)
    }

    fn id(&self, weight: Weight) -> &FontId {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

fn pt(x: f32, y: f32) -> LinePoint {
    LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false }
}

/// One page's drawing operations.
pub struct Canvas {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
    /// Graphics state already set on this page, so repeated settings are not emitted again
    /// (a 500-provider worksheet is hundreds of thousands of operations).
    font: Option<(Weight, f32)>,
    fill: Option<Rgb8>,
    stroke: Option<(Rgb8, f32)>,
    /// Consecutive text shares one BT … ET, which halves the operations of a text-heavy page.
    in_text: bool,
}

impl Canvas {
    pub fn new(width: f32, height: f32) -> Canvas {
        Canvas { width, height, ops: Vec::with_capacity(512), font: None, fill: None, stroke: None, in_text: false }
    }

    /// Path painting is not allowed inside a text object: close it first.
    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// Closes what is open; call once the page is complete.
    pub fn finish(&mut self) {
        self.end_text();
    }

    fn set_fill(&mut self, color: Rgb8) {
        if self.fill != Some(color) {
            self.ops.push(Op::SetFillColor { col: color.color() });
            self.fill = Some(color);
        }
    }

    fn flip(&self, y: f32) -> f32 {
        self.height - y
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8) {
        self.end_text();
        self.set_fill(color);
        let mut rect = Rect::from_xywh(Pt(x), Pt(self.flip(y + h)), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Fill);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8, thickness: f32) {
        self.end_text();
        self.stroke_style(color, thickness);
        let mut rect = Rect::from_xywh(Pt(x), Pt(self.flip(y + h)), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Stroke);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }

    fn stroke_style(&mut self, color: Rgb8, thickness: f32) {
        if self.stroke != Some((color, thickness)) {
            self.ops.push(Op::SetOutlineColor { col: color.color() });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
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
        let points = points.iter().map(|&(x, y)| pt(x, self.flip(y))).collect();
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
    }

    pub fn polygon(&mut self, points: &[(f32, f32)], color: Rgb8) {
        self.end_text();
        self.set_fill(color);
        let points = points.iter().map(|&(x, y)| pt(x, self.flip(y))).collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon { rings: vec![PolygonRing { points }], mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
        });
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
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(ctx.id(style.weight).clone()), size: Pt(style.size) });
            self.font = Some((style.weight, style.size));
        }
        self.set_fill(style.color);
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(self.flip(baseline))) });
        self.ops.push(Op::ShowText { items: vec![TextItem::Text(text.to_string())] });
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

/// The document being laid out: pages, a cursor flowing down the current page, and bookmarks.
pub struct Doc<'a> {
    pub ctx: Ctx<'a>,
    paper: Paper,
    orientation: Orientation,
    pub pages: Vec<Canvas>,
    /// (title, 1-based page).
    pub bookmarks: Vec<(String, usize)>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Drawn at the top of every page a break starts, e.g. "Stripe (continued)".
    pub running_title: Option<String>,
}

impl<'a> Doc<'a> {
    pub fn new(ctx: Ctx<'a>, paper: Paper) -> Doc<'a> {
        Doc { ctx, paper, orientation: Orientation::Portrait, pages: Vec::new(), bookmarks: Vec::new(), y: MARGIN, running_title: None }
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
        self.bookmarks.push((clean(title).replace('\n', " "), self.pages.len()));
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
        let (x, y, page_no) = (self.left(), self.y, self.pages.len());
        let (ctx, page) = self.parts();
        let label_lines = wrap(ctx, label, &label_style, label_width - 6.0);
        for (i, line) in label_lines.iter().enumerate() {
            page.text(ctx, x, y + value_style.ascent() + i as f32 * label_style.leading(), line, &label_style);
        }
        let value = if value.trim().is_empty() { "—" } else { value };
        let width = self.width() - label_width;
        self.paragraph(value, &value_style, x + label_width, width);
        if self.pages.len() == page_no {
            self.y = self.y.max(y + label_lines.len() as f32 * label_style.leading());
        }
        self.y += 1.5;
    }

    pub fn finish_pages(mut self) -> (Vec<Canvas>, Vec<(String, usize)>) {
        for page in &mut self.pages {
            page.finish();
        }
        (self.pages, self.bookmarks)
    }
}
