//! The embedded font (DejaVu Sans, shipped in assets/fonts with its licence) and text measuring.
//!
//! printpdf maps each char to a glyph through the font's cmap with no shaping, so the width of a
//! string is simply the sum of its glyphs' advances: measuring it here the same way keeps wrapping
//! exactly in step with what is drawn.

use std::sync::OnceLock;

use printpdf::ParsedFont;

const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub const ALL: [Weight; 2] = [Weight::Regular, Weight::Bold];

    /// The name the pages' resources give the font of this weight.
    pub fn resource(self) -> &'static str {
        match self {
            Weight::Regular => "F1",
            Weight::Bold => "F2",
        }
    }
}

pub struct Face {
    pub font: ParsedFont,
    units_per_em: f32,
    /// Advances of U+0000..U+0500 (Latin, Greek, Cyrillic), looked up once; the rest go through
    /// the cmap each time.
    common: Vec<u16>,
}

impl Face {
    fn load(bytes: &[u8]) -> Option<Face> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let units_per_em = font.pdf_font_metrics.units_per_em.max(1) as f32;
        let mut face = Face { font, units_per_em, common: Vec::new() };
        face.common = (0..0x500u32).map(|c| face.advance_uncached(c)).collect();
        Some(face)
    }

    fn advance_uncached(&self, codepoint: u32) -> u16 {
        let glyph = self.font.lookup_glyph_index(codepoint).unwrap_or(0);
        self.font.get_horizontal_advance(glyph)
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let cp = c as u32;
                self.common.get(cp as usize).copied().unwrap_or_else(|| self.advance_uncached(cp)) as u32
            })
            .sum();
        units as f32 * size / self.units_per_em
    }
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// Parsed once per process: parsing the two faces costs more than laying out a large register.
pub fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS.get_or_init(|| Some(Fonts { regular: Face::load(REGULAR_TTF)?, bold: Face::load(BOLD_TTF)? })).as_ref()
}
