//! Tables that wrap their cells and continue across pages with the header repeated.

use super::fonts::Weight;
use super::layout::{wrap, Align, Doc, TextStyle};
use super::style;
use crate::domain::scoring::Level;

pub struct Column {
    pub title: &'static str,
    /// Share of the table's width; columns are scaled to fill it.
    pub weight: f32,
    pub align: Align,
}

pub const fn col(title: &'static str, weight: f32) -> Column {
    Column { title, weight, align: Align::Left }
}

pub const fn col_right(title: &'static str, weight: f32) -> Column {
    Column { title, weight, align: Align::Right }
}

#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Strong(String),
    Muted(String),
    /// A level shown as a tinted label, with optional text before it (a score); no level is
    /// "Not assessed" in grey.
    Level(Option<String>, Option<Level>),
    /// Text in a level's colour (e.g. "3 overdue").
    Tinted(String, Level),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

pub struct Table<'c> {
    columns: &'c [Column],
    widths: Vec<f32>,
    x: f32,
    size: f32,
    pad: f32,
}

impl<'c> Table<'c> {
    pub fn new(doc: &Doc, columns: &'c [Column], size: f32) -> Table<'c> {
        Table::at(columns, size, doc.left(), doc.width())
    }

    /// A table in a column of the page, from `x`, `width` wide.
    pub fn at(columns: &'c [Column], size: f32, x: f32, width: f32) -> Table<'c> {
        let total: f32 = columns.iter().map(|c| c.weight).sum();
        let widths = columns.iter().map(|c| c.weight / total * width).collect();
        Table { columns, widths, x, size, pad: 3.4 }
    }

    fn style(&self) -> TextStyle {
        TextStyle::new(self.size, Weight::Regular, style::INK)
    }

    fn header_style(&self) -> TextStyle {
        TextStyle::new(self.size - 0.5, Weight::Bold, style::NAVY)
    }

    fn header_lines(&self, doc: &Doc) -> Vec<Vec<String>> {
        let st = self.header_style();
        self.columns.iter().zip(&self.widths).map(|(c, w)| wrap(&doc.ctx, c.title, &st, w - 2.0 * self.pad)).collect()
    }

    fn header_height(&self, doc: &Doc) -> f32 {
        let lines = self.header_lines(doc).iter().map(Vec::len).max().unwrap_or(1);
        lines as f32 * self.header_style().leading() + 2.0 * self.pad
    }

    /// Draws the header row; call it once, rows redraw it after each page break.
    pub fn header(&self, doc: &mut Doc) {
        let height = self.header_height(doc);
        doc.ensure(height + self.style().leading() + 2.0 * self.pad);
        let lines = self.header_lines(doc);
        let st = self.header_style();
        let (x0, y) = (self.x, doc.y);
        let total: f32 = self.widths.iter().sum();
        let (ctx, page) = doc.parts();
        page.fill_rect(x0, y, total, height, style::HEADER_FILL);
        let mut x = x0;
        for ((column, w), lines) in self.columns.iter().zip(&self.widths).zip(&lines) {
            for (i, line) in lines.iter().enumerate() {
                let baseline = y + self.pad + st.ascent() + i as f32 * st.leading();
                page.text_in(ctx, x + self.pad, w - 2.0 * self.pad, baseline, line, &st, column.align);
            }
            x += w;
        }
        page.line(x0, y + height, x0 + total, y + height, style::NAVY, 0.8);
        doc.y += height;
    }

    fn cell_style(&self, cell: &Cell) -> TextStyle {
        let base = self.style();
        match cell {
            Cell::Text(_) => base,
            Cell::Strong(_) => base.bold(),
            Cell::Muted(_) => base.colored(style::MUTED),
            Cell::Level(_, level) => base.with_size(self.size - 0.5).bold().colored(style::level_text_or_grey(*level)),
            Cell::Tinted(_, level) => base.bold().colored(style::level_text(*level)),
        }
    }

    fn cell_text(cell: &Cell) -> String {
        match cell {
            Cell::Text(s) | Cell::Strong(s) | Cell::Muted(s) | Cell::Tinted(s, _) => s.clone(),
            Cell::Level(figure, level) => super::words::figure_and_level(figure.clone(), *level),
        }
    }

    /// Draws one row, wrapping each cell; a row too tall for the room left moves to the next
    /// page, and a row taller than a whole page is split line by line.
    pub fn row(&self, doc: &mut Doc, cells: &[Cell], zebra: bool) {
        let st = self.style();
        let lead = st.leading();
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&self.widths)
            .map(|(cell, w)| wrap(&doc.ctx, &Self::cell_text(cell), &self.cell_style(cell), w - 2.0 * self.pad))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let full = lines as f32 * lead + 2.0 * self.pad;
        let fresh_page_room = doc.bottom() - super::layout::MARGIN - 40.0 - self.header_height(doc);
        if doc.room() < full && full <= fresh_page_room {
            doc.ensure(f32::MAX);
            self.header(doc);
        }
        let mut start = 0;
        while start < lines {
            let fit = (((doc.room() - 2.0 * self.pad) / lead).floor().max(0.0) as usize).min(lines - start);
            if fit == 0 {
                doc.ensure(f32::MAX);
                self.header(doc);
                continue;
            }
            self.draw_slice(doc, cells, &wrapped, start, fit, zebra);
            start += fit;
            if start < lines {
                doc.ensure(f32::MAX);
                self.header(doc);
            }
        }
    }

    fn draw_slice(&self, doc: &mut Doc, cells: &[Cell], wrapped: &[Vec<String>], start: usize, count: usize, zebra: bool) {
        let lead = self.style().leading();
        let height = count as f32 * lead + 2.0 * self.pad;
        let (x0, y) = (self.x, doc.y);
        let total: f32 = self.widths.iter().sum();
        let (ctx, page) = doc.parts();
        if zebra {
            page.fill_rect(x0, y, total, height, style::ZEBRA);
        }
        let mut x = x0;
        for (((cell, w), lines), column) in cells.iter().zip(&self.widths).zip(wrapped).zip(self.columns) {
            let st = self.cell_style(cell);
            if let (Cell::Level(_, level), 0) = (cell, start) {
                let text = Self::cell_text(cell);
                if lines.len() == 1 {
                    page.pill(ctx, x + self.pad - 2.0, y + self.pad - 1.5, &text, &st, style::level_tint_or_grey(*level));
                    x += w;
                    continue;
                }
            }
            for (i, line) in lines.iter().skip(start).take(count).enumerate() {
                let baseline = y + self.pad + st.ascent() + i as f32 * lead;
                page.text_in(ctx, x + self.pad, w - 2.0 * self.pad, baseline, line, &st, column.align);
            }
            x += w;
        }
        page.line(x0, y + height, x0 + total, y + height, style::RULE, 0.5);
        doc.y += height;
    }
}

/// A short muted line under a table, e.g. "and 12 more — see the register table".
pub fn note(doc: &mut Doc, text: &str) {
    let st = TextStyle::new(style::SMALL, Weight::Regular, style::MUTED);
    doc.y += 3.0;
    let (x, w) = (doc.left(), doc.width());
    doc.paragraph(text, &st, x, w);
}
