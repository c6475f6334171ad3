//! One spreadsheet cell as a file holds it. CSV holds only text; a workbook keeps numbers as
//! numbers and dates as dates, and import and export both speak in these.

use std::borrow::Cow;

use chrono::NaiveDate;

/// An export's text cells borrow what the register read holds (millions of cells, most of them
/// names and labels the register already has); an import's own the text read from the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
}

impl<'a> Cell<'a> {
    pub fn text(value: impl Into<Cow<'a, str>>) -> Cell<'a> {
        let value = value.into();
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) | Cell::Bool(_) => false,
        }
    }

    /// The cell as a CSV would write it: numbers without a needless ".0", dates as ISO 8601.
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) => Cow::Borrowed(t.as_ref()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
            Cell::Number(_) | Cell::Date(_) => {
                let mut text = String::new();
                self.write_text(&mut text);
                Cow::Owned(text)
            }
        }
    }

    /// Appends [`Cell::to_text`] to `out`: an export writes millions of cells, and a buffer
    /// used again costs no allocation per number or date.
    pub fn write_text(&self, out: &mut String) {
        match self {
            Cell::Empty => {}
            Cell::Text(t) => out.push_str(t),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => out.push_str(itoa::Buffer::new().format(*n as i64)),
            Cell::Number(n) => {
                use std::fmt::Write;
                // Writing to a String cannot fail.
                let _ = write!(out, "{n}");
            }
            Cell::Date(d) => write_date(*d, out),
            Cell::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        }
    }
}

/// ISO 8601, as chrono's `Display` writes it, by hand for the four-digit years every date in a
/// register has: the history has a date on each of its hundreds of thousands of rows.
fn write_date(date: NaiveDate, out: &mut String) {
    use chrono::Datelike;
    let Ok(year @ 0..=9999) = u32::try_from(date.year()) else {
        use std::fmt::Write;
        let _ = write!(out, "{date}");
        return;
    };
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    out.extend([digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-']);
    out.extend([digit(date.month() / 10), digit(date.month()), '-', digit(date.day() / 10), digit(date.day())]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_a_csv_would_write_them() {
        assert_eq!(Cell::Number(12000.0).to_text(), "12000");
        assert_eq!(Cell::Number(2.5).to_text(), "2.5");
        assert_eq!(Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).to_text(), "2026-03-01");
        assert_eq!(Cell::Date(NaiveDate::from_ymd_opt(987, 12, 31).unwrap()).to_text(), "0987-12-31");
        for date in [(1, 1, 1), (2026, 1, 9), (9999, 12, 31), (10000, 1, 1), (-44, 3, 15)] {
            let date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
            assert_eq!(Cell::Date(date).to_text(), date.to_string());
        }
        assert_eq!(Cell::Number(-3.0).to_text(), "-3");
        assert_eq!(Cell::Number(1e16).to_text(), "10000000000000000");
        assert_eq!(Cell::text(""), Cell::Empty);
        assert!(Cell::Text("  ".into()).is_blank());
    }
}
