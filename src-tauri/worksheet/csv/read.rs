//! Reading one CSV file defensively: size cap, byte-order mark, UTF-8, ragged rows and
//! unterminated quotes all become located problems instead of surprises.

use std::path::Path;

use super::headers::{Field, Header};
use super::inert::unprotect;
use crate::worksheet::ImportProblem;

/// Files this large are refused unread. A hand-kept register is a few hundred rows; Lifeboat's
/// own providers.csv for 5,000 providers is about 3 MB.
pub const MAX_TABLE_BYTES: u64 = 32 * 1024 * 1024;
/// history.csv has a row per snapshot × failure mode, so it is allowed to be larger.
pub const MAX_HISTORY_BYTES: u64 = 512 * 1024 * 1024;

/// Collects problems, up to a limit so a hopeless file cannot exhaust memory.
#[derive(Default)]
pub struct Problems {
    pub list: Vec<ImportProblem>,
    pub dropped: usize,
}

const MAX_PROBLEMS: usize = 500;

impl Problems {
    pub fn push(&mut self, p: ImportProblem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.dropped += 1;
        }
    }
}

/// The bytes of a file, or a problem saying why they cannot be used.
pub fn load(path: &Path, name: &str, max: u64, problems: &mut Problems) -> Result<Option<Vec<u8>>, std::io::Error> {
    let meta = std::fs::metadata(path)?;
    if meta.len() > max {
        problems.push(ImportProblem::file(
            name,
            format!(
                "The file is {:.1} MB; files over {} MB are refused. Split it, or import Lifeboat's own export folder.",
                meta.len() as f64 / 1_048_576.0,
                max / 1_048_576
            ),
        ));
        return Ok(None);
    }
    let bytes = std::fs::read(path)?;
    let content = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        problems.push(ImportProblem::file(name, "The file is empty; a header row is expected on row 1."));
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// A row being read: its spreadsheet row number and cells, with the header to find fields by.
pub struct Row<'a> {
    pub file: &'a str,
    pub number: u64,
    pub header: &'a Header,
    pub record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    /// The cell of `field` with any formula protection undone, or None when the file has no such
    /// column.
    pub fn get(&self, field: Field) -> Option<&'a str> {
        let column = self.header.column(field)?;
        Some(unprotect(self.record.get(column).unwrap_or("")))
    }

    pub fn problem(&self, field: Field, message: impl Into<String>) -> ImportProblem {
        match self.header.column(field) {
            Some(c) => ImportProblem::cell(self.file, self.number, c as u32 + 1, self.header.name(c), message),
            None => ImportProblem::row(self.file, self.number, message),
        }
    }
}

/// What reading a file found besides its rows.
pub struct ReadOutcome {
    pub header: Option<Header>,
    pub problems: Vec<ImportProblem>,
    /// An unterminated quote swallowed the file from this row on: anything else said about those
    /// rows is a consequence of it.
    pub swallowed_from: Option<u64>,
}

/// Reads `bytes` as CSV, calling `each` for every non-blank data row; format problems (ragged
/// rows, invalid UTF-8, an unterminated quote, no header) are returned located.
pub fn each_row(bytes: &[u8], name: &str, mut each: impl FnMut(&Row)) -> ReadOutcome {
    let content = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(content);
    let mut record = csv::StringRecord::new();
    let mut out = ReadOutcome { header: None, problems: Vec::new(), swallowed_from: None };
    let mut last_start = 0u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let pos = record.position().cloned().unwrap_or_else(csv::Position::new);
                last_start = pos.byte();
                let number = pos.record() + 1;
                match &out.header {
                    None => out.header = Some(Header::read(record.iter().map(|s| s.trim().to_string()).collect())),
                    Some(h) => {
                        if record.iter().all(|c| c.trim().is_empty()) {
                            continue;
                        }
                        each(&Row { file: name, number, header: h, record: &record });
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
                        let column_name = out.header.as_ref().map(|h| h.name(err.field()).to_string()).unwrap_or_default();
                        out.problems.push(ImportProblem::cell(
                            name,
                            row,
                            err.field() as u32 + 1,
                            &column_name,
                            "The cell is not valid UTF-8 text; save the file as CSV UTF-8.",
                        ));
                    }
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        out.problems.push(ImportProblem::row(
                            name,
                            row,
                            format!("The row has {len} cells but the header has {expected_len}."),
                        ));
                    }
                    _ => {
                        out.problems.push(ImportProblem::row(name, row, format!("The row cannot be read: {e}")));
                        return out;
                    }
                }
            }
        }
    }
    if let Some((_, column)) = unterminated_quote(&content[last_start as usize..]) {
        let row = count_records_before(content, last_start) + 1;
        out.problems.retain(|p| p.row.is_none_or(|r| r < row));
        let column_name = out.header.as_ref().map(|h| h.name(column as usize - 1).to_string()).unwrap_or_default();
        out.problems.push(ImportProblem::cell(
            name,
            row,
            column,
            &column_name,
            "A quoted cell is never closed: a \" is missing, so the rest of the file would be read as this one cell.",
        ));
        out.swallowed_from = Some(row);
    }
    if out.header.is_none() {
        out.problems.push(ImportProblem::file(name, "The file is empty; a header row is expected on row 1."));
    }
    out
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
