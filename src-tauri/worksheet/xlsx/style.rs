//! How the workbook's cells look: the header row, dates, one-decimal figures, wrapped text and
//! level colours.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use crate::domain::scoring::Level;
use crate::worksheet::table;

/// What a level label is coloured with: a soft fill with strong text on top.
struct LevelColours {
    fill: u32,
    ink: u32,
}

/// The PDF's level colours (`level_tint` behind `level_text` in worksheet/pdf/style.rs), so a
/// level reads the same on paper and in the workbook.
fn level_colours(level: Level) -> LevelColours {
    match level {
        Level::Low => LevelColours { fill: 0xe3f3e7, ink: 0x1f6b36 },
        Level::Medium => LevelColours { fill: 0xfdf1cf, ink: 0x7a5600 },
        Level::High => LevelColours { fill: 0xfde3d2, ink: 0x9a420c },
        Level::Critical => LevelColours { fill: 0xf9dbdb, ink: 0x9b1c1c },
    }
}

/// A provider nobody has scored yet: grey, the PDF's header fill and muted text.
const NOT_ASSESSED: &str = "Not assessed";
const NOT_ASSESSED_COLOURS: LevelColours = LevelColours { fill: 0xe9edf3, ink: 0x5b6473 };
const HEADER_FILL: u32 = 0xe9edf3;
const RULE: u32 = 0xd3d8e0;

pub(super) struct Styles {
    pub header: Format,
    text: Format,
    wrapped: Format,
    number: Format,
    one_decimal: Format,
    date: Format,
    /// Label, then the format of a cell that holds it.
    levels: Vec<(&'static str, Format)>,
}

impl Styles {
    pub fn new() -> Styles {
        // Top-aligned, so that a row made tall by wrapped text still reads from its first line.
        let cell = Format::new().set_align(FormatAlign::Top);
        let level = |label: &'static str, c: LevelColours| {
            (label, cell.clone().set_background_color(Color::RGB(c.fill)).set_font_color(Color::RGB(c.ink)))
        };
        let mut levels: Vec<(&'static str, Format)> = Level::ALL.iter().map(|l| level(l.label(), level_colours(*l))).collect();
        levels.push(level(NOT_ASSESSED, NOT_ASSESSED_COLOURS));
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color(Color::RGB(RULE)),
            wrapped: cell.clone().set_text_wrap(),
            number: cell.clone(),
            one_decimal: cell.clone().set_num_format("0.0"),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            text: cell,
            levels,
        }
    }

    /// The format of every cell of a column, set on the column once: a cell written without a
    /// format of its own takes it. Looking a format up costs a hash of the whole format, which
    /// once per cell was a large part of writing the History sheet's millions of cells.
    pub fn column(&self, format: table::Format) -> &Format {
        match format {
            table::Format::Text | table::Format::Level => &self.text,
            table::Format::Number => &self.number,
            table::Format::OneDecimal => &self.one_decimal,
            table::Format::Date => &self.date,
        }
    }

    /// The format a text cell needs instead of its column's, if any: the colour of a level, or
    /// wrapping for text that needs more than a line.
    pub fn text(&self, format: table::Format, text: &str, wraps: bool) -> Option<&Format> {
        if format == table::Format::Level {
            if let Some((_, f)) = self.levels.iter().find(|(label, _)| *label == text) {
                return Some(f);
            }
        }
        wraps.then_some(&self.wrapped)
    }
}
