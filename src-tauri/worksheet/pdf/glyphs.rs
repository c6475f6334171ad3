//! How drawn text becomes glyph codes. The fonts are subset once, to the characters the worksheet
//! draws, which are known only once it is laid out; so it is laid out twice: the first pass
//! counts the characters (`Census`), the second writes each as its code in the subset (`Codes`).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use super::fonts::Weight;

/// What a page does with the text drawn on it.
pub trait Glyphs {
    /// Writes the codes of `text`, set in `weight`, as hexadecimal digits.
    fn encode(&self, weight: Weight, text: &str, out: &mut Vec<u8>);
}

/// Every character each face draws; writes no codes.
#[derive(Default)]
pub struct Census {
    regular: RefCell<BTreeSet<char>>,
    bold: RefCell<BTreeSet<char>>,
}

impl Census {
    fn of(&self, weight: Weight) -> &RefCell<BTreeSet<char>> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Adds the characters `other` counted.
    pub fn absorb(&self, other: Census) {
        self.regular.borrow_mut().extend(other.regular.into_inner());
        self.bold.borrow_mut().extend(other.bold.into_inner());
    }

    /// The characters `weight` draws, in order.
    pub fn chars(&self, weight: Weight) -> String {
        self.of(weight).borrow().iter().collect()
    }
}

impl Glyphs for Census {
    fn encode(&self, weight: Weight, text: &str, _out: &mut Vec<u8>) {
        self.of(weight).borrow_mut().extend(text.chars());
    }
}

/// The two-byte code of each counted character in each face's subset.
pub struct Codes {
    regular: HashMap<char, [u8; 2]>,
    bold: HashMap<char, [u8; 2]>,
}

impl Codes {
    /// Pairs each face's characters with their codes, as the font subsetting wrote them for
    /// exactly that text; `None` when they do not pair up.
    pub fn pair(regular: (&str, &[u8]), bold: (&str, &[u8])) -> Option<Codes> {
        let pair = |(chars, codes): (&str, &[u8])| -> Option<HashMap<char, [u8; 2]>> {
            (chars.chars().count() * 2 == codes.len()).then(|| chars.chars().zip(codes.chunks_exact(2).map(|c| [c[0], c[1]])).collect())
        };
        Some(Codes { regular: pair(regular)?, bold: pair(bold)? })
    }
}

impl Glyphs for Codes {
    fn encode(&self, weight: Weight, text: &str, out: &mut Vec<u8>) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let codes = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        for c in text.chars() {
            // Every drawn character was counted; .notdef (0) is what a font shows for one it lacks.
            for byte in codes.get(&c).copied().unwrap_or([0, 0]) {
                out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_pass_writes_the_codes_the_first_pass_counted() {
        let census = Census::default();
        census.encode(Weight::Regular, "abba", &mut Vec::new());
        census.encode(Weight::Bold, "€", &mut Vec::new());
        assert_eq!((census.chars(Weight::Regular).as_str(), census.chars(Weight::Bold).as_str()), ("ab", "€"));
        let codes = Codes::pair(("ab", &[0, 1, 0, 0x2a]), ("€", &[1, 0xff])).unwrap();
        let mut out = Vec::new();
        codes.encode(Weight::Regular, "bab", &mut out);
        codes.encode(Weight::Bold, "€", &mut out);
        assert_eq!(out, b"002A0001002A01FF");
        assert!(Codes::pair(("ab", &[0, 1]), ("", &[])).is_none(), "one code short");
    }
}
