//! Reading one CSV file defensively: size cap, byte-order mark, UTF-8, ragged rows and
//! unterminated quotes all become located problems instead of surprises.

use std::path::Path;

use super::table::{Problems, Table, TableRow};
use crate::worksheet::csv::unprotect;
use crate::worksheet::{Cell, ImportProblem};

/// A hand-kept register is a few hundred rows; Lifeboat's own providers.csv for 5,000
/// providers is about 3 MB.
pub const MAX_TABLE_BYTES: u64 = 32 * 1024 * 1024;
/// history.csv has a row per snapshot × failure mode, so it is allowed to be larger.
pub const MAX_HISTORY_BYTES: u64 = 512 * 1024 * 1024;

/// Reads `path` as a table named `name`, or files the problems that stop it being read. An
/// unterminated quote swallows the rest of the file, so rows from there on are dropped rather
/// than reported as consequences of it.
pub fn read(path: &Path, name: &str, max: u64, problems: &mut Problems) -> std::io::Result<Option<Table>> {
    let Some(bytes) = super::source::load(path, name, max, problems)? else { return Ok(None) };
    let content = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(content);
    let mut record = csv::StringRecord::new();
    let mut table: Option<Table> = None;
    let mut found = Problems::default();
    let mut last_start = 0u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let pos = record.position().cloned().unwrap_or_else(csv::Position::new);
                last_start = pos.byte();
                let number = pos.record() + 1;
                match &mut table {
                    None => {
                        let header = record.iter().map(|s| unprotect(s.trim()).to_string()).collect();
                        table = Some(Table { file: name.to_string(), header_row: number, header, rows: Vec::new() });
                    }
                    Some(t) => {
                        if record.iter().all(|c| c.trim().is_empty()) {
                            continue;
                        }
                        let cells = record.iter().map(|c| Cell::text(unprotect(c).to_owned())).collect();
                        t.rows.push(TableRow { number, cells });
                    }
                }
            }
            Err(e) => {
                let pos = e.position().cloned();
                if let Some(p) = &pos {
                    last_start = p.byte();
                }
                let row = pos.as_ref().map(|p| p.record() + 1).unwrap_or(0);
                match e.kind() {
                    csv::ErrorKind::Utf8 { err, .. } => {
                        let column_name = table.as_ref().map(|t| t.header_name(err.field()).to_string()).unwrap_or_default();
                        found.push(ImportProblem::cell(
                            name,
                            row,
                            err.field() as u32 + 1,
                            &column_name,
                            "The cell is not valid UTF-8 text; save the file as CSV UTF-8.",
                        ));
                    }
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        found.push(ImportProblem::row(name, row, format!("The row has {len} cells but the header has {expected_len}.")));
                    }
                    _ => {
                        found.push(ImportProblem::row(name, row, format!("The row cannot be read: {e}")));
                        break;
                    }
                }
            }
        }
    }
    if let Some((_, column)) = unterminated_quote(&content[last_start as usize..]) {
        let row = count_records_before(content, last_start) + 1;
        found.list.retain(|p| p.row.is_none_or(|r| r < row));
        if let Some(t) = &mut table {
            t.rows.retain(|r| r.number < row);
        }
        let column_name = table.as_ref().map(|t| t.header_name(column as usize - 1).to_string()).unwrap_or_default();
        found.push(ImportProblem::cell(
            name,
            row,
            column,
            &column_name,
            "A quoted cell is never closed: a \" is missing, so the rest of the file would be read as this one cell.",
        ));
    }
    if table.is_none() {
        found.push(ImportProblem::file(name, "The file is empty; a header row is expected on row 1."));
    }
    // A file with format problems is still returned, so its other rows are checked too.
    for p in found.list {
        problems.push(p);
    }
    Ok(table)
}

/// If `tail` (one record onwards) ends inside a quoted cell: (byte offset of the opening quote,
/// 1-based column).
fn unterminated_quote(tail: &[u8]) -> Option<(usize, u32)> {
    let (mut in_quotes, mut at_field_start, mut column, mut opened) = (false, true, 1u32, (0usize, 1u32));
    let mut i = 0;
    while i < tail.len() {
        let b = tail[i];
        if in_quotes {
            if b == b'"' {
                if tail.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else {
            match b {
                b'"' if at_field_start => {
                    in_quotes = true;
                    opened = (i, column);
                }
                b',' => {
                    column += 1;
                    at_field_start = true;
                    i += 1;
                    continue;
                }
                b'\n' => {
                    column = 1;
                    at_field_start = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        at_field_start = false;
        i += 1;
    }
    in_quotes.then_some(opened)
}

/// Records (rows) that start before `offset`: the row number of the record starting there.
fn count_records_before(content: &[u8], offset: u64) -> u64 {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&content[..offset as usize]);
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        n += 1;
    }
    n
}
