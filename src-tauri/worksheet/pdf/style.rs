//! The worksheet's visual vocabulary: colours, type sizes and level styling.

use crate::domain::scoring::Level;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    /// Red, green and blue from 0 to 1, as PDF takes them.
    pub fn components(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| f32::from(c) / 255.0)
    }
}

pub const INK: Rgb8 = Rgb8(0x1d, 0x23, 0x30);
pub const MUTED: Rgb8 = Rgb8(0x5b, 0x64, 0x73);
pub const FAINT: Rgb8 = Rgb8(0x8a, 0x93, 0xa1);
pub const NAVY: Rgb8 = Rgb8(0x1f, 0x2a, 0x44);
pub const RULE: Rgb8 = Rgb8(0xd3, 0xd8, 0xe0);
pub const ZEBRA: Rgb8 = Rgb8(0xf5, 0xf7, 0xfa);
pub const HEADER_FILL: Rgb8 = Rgb8(0xe9, 0xed, 0xf3);
pub const WHITE: Rgb8 = Rgb8(0xff, 0xff, 0xff);
pub const INHERENT_LINE: Rgb8 = Rgb8(0x1f, 0x2a, 0x44);
pub const EXPOSURE_LINE: Rgb8 = Rgb8(0x2f, 0x80, 0xc8);

/// Grey, for a Not assessed provider: it has no level, so it takes no level's colour.
pub const NOT_ASSESSED_STRONG: Rgb8 = Rgb8(0x8a, 0x93, 0xa1);
pub const NOT_ASSESSED_TINT: Rgb8 = Rgb8(0xec, 0xee, 0xf1);
pub const NOT_ASSESSED_TEXT: Rgb8 = Rgb8(0x4b, 0x52, 0x5e);

/// `level_text`, or grey text while Not assessed.
pub fn level_text_or_grey(level: Option<Level>) -> Rgb8 {
    level.map_or(NOT_ASSESSED_TEXT, level_text)
}

/// `level_tint`, or a grey tint while Not assessed.
pub fn level_tint_or_grey(level: Option<Level>) -> Rgb8 {
    level.map_or(NOT_ASSESSED_TINT, level_tint)
}

/// Strong colour of a level: heat-map cells, chart bands' edges, tile accents.
pub fn level_strong(level: Level) -> Rgb8 {
    match level {
        Level::Low => Rgb8(0x3e, 0x9b, 0x5a),
        Level::Medium => Rgb8(0xe0, 0xa8, 0x1c),
        Level::High => Rgb8(0xe8, 0x72, 0x2c),
        Level::Critical => Rgb8(0xc9, 0x34, 0x34),
    }
}

/// Soft tint behind a level label, with `level_text` on top.
pub fn level_tint(level: Level) -> Rgb8 {
    match level {
        Level::Low => Rgb8(0xe3, 0xf3, 0xe7),
        Level::Medium => Rgb8(0xfd, 0xf1, 0xcf),
        Level::High => Rgb8(0xfd, 0xe3, 0xd2),
        Level::Critical => Rgb8(0xf9, 0xdb, 0xdb),
    }
}

pub fn level_text(level: Level) -> Rgb8 {
    match level {
        Level::Low => Rgb8(0x1f, 0x6b, 0x36),
        Level::Medium => Rgb8(0x7a, 0x56, 0x00),
        Level::High => Rgb8(0x9a, 0x42, 0x0c),
        Level::Critical => Rgb8(0x9b, 0x1c, 0x1c),
    }
}

/// Lighter still: the background bands of the trend chart.
pub fn level_band(level: Level) -> Rgb8 {
    match level {
        Level::Low => Rgb8(0xf1, 0xf9, 0xf3),
        Level::Medium => Rgb8(0xfe, 0xf8, 0xe6),
        Level::High => Rgb8(0xfe, 0xf1, 0xe8),
        Level::Critical => Rgb8(0xfc, 0xed, 0xed),
    }
}

pub const TITLE: f32 = 20.0;
pub const HEADING: f32 = 12.5;
pub const BODY: f32 = 9.0;
pub const SMALL: f32 = 7.5;
pub const TINY: f32 = 6.5;
