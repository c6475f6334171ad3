//! One table as one worksheet, written row by row in order (the workbook keeps only the current
//! row in memory): a bold, frozen header row with filters, typed cells, widths from the content.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::style::Styles;
use crate::worksheet::table::{Format, Table};
use crate::worksheet::{Cell, Result, WorksheetError};

/// The most rows a spreadsheet holds (Excel's limit, which LibreOffice shares).
const MAX_ROWS: usize = 1_048_576;
/// Widths in characters: narrow columns still show their filter button, wide text wraps.
const MIN_WIDTH: usize = 10;
const MAX_WIDTH: usize = 60;
/// Room beside a header for its filter button, in characters.
const FILTER_BUTTON: usize = 3;
/// Characters a wrapped line holds in a column of `MAX_WIDTH`: fewer than the width, because
/// lines break between words.
const WRAPPED_LINE: usize = MAX_WIDTH - 6;
/// The height of one line of text, in points, and the most a spreadsheet row may be.
const LINE_HEIGHT: f64 = 15.0;
const MAX_ROW_HEIGHT: f64 = 409.0;

pub(super) fn write(sheet: &mut Worksheet, table: Table, styles: &Styles) -> Result<()> {
    let name = table.name.sheet();
    let at = |row: usize, col: usize| move |e: XlsxError| cell_error(name, row, col, e);
    sheet.set_name(name).map_err(at(0, 0))?;
    let columns = table.columns.clone();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.header.chars().count() + FILTER_BUTTON).collect();
    for (col, column) in columns.iter().enumerate() {
        sheet.set_column_format(col as ColNum, styles.column(column.format)).map_err(at(0, col))?;
        sheet.write_string_with_format(0, col as ColNum, column.header, &styles.header).map_err(at(0, col))?;
    }
    let mut last_row = 0;
    table.each_row(|cells| {
        let row = last_row + 1;
        if row >= MAX_ROWS {
            return Err(WorksheetError::Workbook(format!(
                "the {name} sheet would have more than {MAX_ROWS} rows, the most a spreadsheet holds."
            )));
        }
        let mut lines = 1;
        for (col, (cell, column)) in cells.iter().zip(&columns).enumerate() {
            let (r, c) = (row as RowNum, col as ColNum);
            let extent = Extent::of(cell, column.format);
            widths[col] = widths[col].max(extent.width);
            lines = lines.max(extent.lines);
            // Cells take their column's format unless they need their own (see `Styles::column`).
            let written = match cell {
                Cell::Empty => continue,
                Cell::Text(t) => match styles.text(column.format, t, extent.lines > 1) {
                    Some(own) => sheet.write_string_with_format(r, c, t.as_ref(), own),
                    None => sheet.write_string(r, c, t.as_ref()),
                },
                Cell::Number(n) => sheet.write_number(r, c, *n),
                Cell::Date(d) => sheet.write_datetime(r, c, d),
                Cell::Bool(b) => sheet.write_boolean(r, c, *b),
            };
            written.map_err(at(row, col))?;
        }
        // Spreadsheets keep a row one line high unless told otherwise, which hides wrapped text.
        if lines > 1 {
            let height = (lines as f64 * LINE_HEIGHT).min(MAX_ROW_HEIGHT);
            sheet.set_row_height(row as RowNum, height).map_err(at(row, 0))?;
        }
        last_row = row;
        Ok(())
    })?;
    let last_col = columns.len().saturating_sub(1) as ColNum;
    for (col, width) in widths.into_iter().enumerate() {
        sheet.set_column_width(col as ColNum, width.clamp(MIN_WIDTH, MAX_WIDTH) as f64 + 1.0).map_err(at(0, col))?;
    }
    sheet.set_freeze_panes(1, 0).map_err(at(0, 0))?;
    // Printed, a wide table reads best across the page, with its headers on every page.
    sheet.set_landscape();
    sheet.set_repeat_rows(0, 0).map_err(at(0, 0))?;
    sheet.autofilter(0, 0, last_row as RowNum, last_col).map_err(at(0, 0))?;
    Ok(())
}

/// About how much room a cell takes: characters across (its longest line, before wrapping) and
/// lines down once text wider than a column may be is wrapped.
struct Extent {
    width: usize,
    lines: usize,
}

impl Extent {
    fn of(cell: &Cell<'_>, format: Format) -> Extent {
        let across = |width| Extent { width, lines: 1 };
        match cell {
            Cell::Empty => across(0),
            Cell::Text(t) => t.split('\n').map(|line| line.chars().count()).fold(Extent { width: 0, lines: 0 }, |e, chars| Extent {
                width: e.width.max(chars),
                lines: e.lines + if chars <= MAX_WIDTH { 1 } else { chars.div_ceil(WRAPPED_LINE) },
            }),
            Cell::Number(n) => across(number_width(*n, format).unwrap_or_else(|| format.text(cell).len())),
            Cell::Bool(_) => across(format.text(cell).len()),
            Cell::Date(_) => across("yyyy-mm-dd".len()),
        }
    }
}

/// The characters of a whole or one-decimal number as shown, counted without formatting it: the
/// History sheet has millions of them. `None` for other numbers.
fn number_width(n: f64, format: Format) -> Option<usize> {
    let whole = n.abs().trunc();
    if whole >= 1e15 {
        return None;
    }
    let mut digits = 1;
    let mut rest = whole;
    while rest >= 10.0 {
        rest /= 10.0;
        digits += 1;
    }
    let sign = usize::from(n < 0.0);
    match format {
        Format::OneDecimal => Some(sign + digits + ".0".len()),
        _ if n.fract() == 0.0 => Some(sign + digits),
        _ => None,
    }
}

fn cell_error(sheet: &str, row: usize, col: usize, e: XlsxError) -> WorksheetError {
    let place = format!("the {sheet} sheet, row {}, column {}", row + 1, crate::worksheet::error::column_letters(col as u32 + 1));
    match e {
        XlsxError::MaxStringLengthExceeded => {
            WorksheetError::Workbook(format!("a cell in {place} holds more text than the 32,767 characters a spreadsheet cell can."))
        }
        other => WorksheetError::Workbook(format!("{place}: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_what_the_cell_shows() {
        for (n, format) in [
            (0.0, Format::Number),
            (7.0, Format::Number),
            (312000.0, Format::Number),
            (-42.0, Format::Number),
            (4.0, Format::OneDecimal),
            (12.4, Format::OneDecimal),
            (0.5, Format::Number),
        ] {
            let shown = format.text(&Cell::Number(n)).len();
            assert_eq!(Extent::of(&Cell::Number(n), format).width, shown, "{n}");
        }
        let long = Extent::of(&Cell::text(format!("{}\nshort", "x".repeat(120))), Format::Text);
        assert_eq!((long.width, long.lines), (120, 3 + 1));
    }
}
