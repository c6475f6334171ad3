//! The PDF file, written object by object as the pages are made, so that a worksheet of any
//! length is never held whole: only each object's offset is kept, for the cross-reference table.
//!
//! printpdf makes the objects (content streams, font programs) as lopdf objects; lopdf keeps its
//! object writer private, so the few forms the worksheet uses are written here.

use std::io::{self, Write};

use lopdf::{Dictionary, Object, ObjectId};

/// Object numbers of this file. lopdf's numbers belong to the document printpdf made for one run
/// of pages; `Renumber` turns them into these.
pub type Id = u32;

/// How references in a copied object are renumbered into this file.
pub type Renumber<'a> = &'a dyn Fn(ObjectId) -> Id;

/// References that are already this file's numbers.
pub fn same(id: ObjectId) -> Id {
    id.0
}

pub struct PdfFile<W: Write> {
    out: W,
    written: u64,
    /// Byte offset of each object, by number − 1; `None` until it is written.
    offsets: Vec<Option<u64>>,
}

impl<W: Write> PdfFile<W> {
    pub fn new(mut out: W) -> io::Result<PdfFile<W>> {
        // The second line's high bytes tell transfer tools the file is binary.
        let header = b"%PDF-1.3\n%\xE2\xE3\xCF\xD3\n";
        out.write_all(header)?;
        Ok(PdfFile { out, written: header.len() as u64, offsets: Vec::new() })
    }

    /// A number for an object written later, so that objects written before it can refer to it.
    pub fn reserve(&mut self) -> Id {
        self.offsets.push(None);
        self.offsets.len() as Id
    }

    /// Writes object `id` (from `reserve`), renumbering its references with `renumber`.
    pub fn object(&mut self, id: Id, object: &Object, renumber: Renumber) -> io::Result<()> {
        if let Object::Stream(stream) = object {
            return self.stream(id, &stream.dict, &stream.content, renumber);
        }
        let mut body = Vec::new();
        write_object(&mut body, object, renumber);
        self.raw(id, &body)
    }

    /// Writes a stream object of `content` with the entries of `dict` (its length set anew).
    pub fn stream(&mut self, id: Id, dict: &Dictionary, content: &[u8], renumber: Renumber) -> io::Result<()> {
        let mut body = Vec::with_capacity(content.len() + 64);
        write_dictionary(&mut body, dict.iter().filter(|(key, _)| key.as_slice() != b"Length"), renumber, Some(content));
        body.extend_from_slice(content);
        body.extend_from_slice(b"\nendstream");
        self.raw(id, &body)
    }

    fn raw(&mut self, id: Id, body: &[u8]) -> io::Result<()> {
        let slot = &mut self.offsets[id as usize - 1];
        debug_assert!(slot.is_none(), "object {id} written twice");
        *slot = Some(self.written);
        let head = format!("{id} 0 obj\n");
        for part in [head.as_bytes(), body, b"\nendobj\n"] {
            self.out.write_all(part)?;
            self.written += part.len() as u64;
        }
        Ok(())
    }

    /// Writes the cross-reference table and the trailer, and gives the writer back.
    pub fn finish(mut self, root: Id, info: Id) -> io::Result<W> {
        let start = self.written;
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", self.offsets.len() + 1);
        for (i, offset) in self.offsets.iter().enumerate() {
            let offset = offset.ok_or_else(|| io::Error::other(format!("PDF object {} was reserved but never written", i + 1)))?;
            table.push_str(&format!("{offset:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{start}\n%%EOF\n",
            self.offsets.len() + 1
        ));
        self.out.write_all(table.as_bytes())?;
        Ok(self.out)
    }
}

/// A dictionary; with `stream` set, the dictionary of that stream's content, its length included.
fn write_dictionary<'a>(
    out: &mut Vec<u8>,
    entries: impl Iterator<Item = (&'a Vec<u8>, &'a Object)>,
    renumber: Renumber,
    stream: Option<&[u8]>,
) {
    out.extend_from_slice(b"<<");
    for (key, value) in entries {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value, renumber);
    }
    match stream {
        Some(content) => out.extend_from_slice(format!("/Length {}>>\nstream\n", content.len()).as_bytes()),
        None => out.extend_from_slice(b">>"),
    }
}

fn write_object(out: &mut Vec<u8>, object: &Object, renumber: Renumber) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
        // Rust prints floats without an exponent, as PDF requires.
        Object::Real(x) => out.extend_from_slice(x.to_string().as_bytes()),
        Object::Name(name) => write_name(out, name),
        // Hexadecimal is safe for any bytes, UTF-16 included.
        Object::String(bytes, _) => {
            out.push(b'<');
            for b in bytes {
                out.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(out, item, renumber);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict.iter(), renumber, None),
        // A stream is always an indirect object of its own, written by `PdfFile::object`.
        Object::Stream(_) => out.extend_from_slice(b"null"),
        Object::Reference(id) => out.extend_from_slice(format!("{} 0 R", renumber(*id)).as_bytes()),
    }
}

/// A name, with the bytes a name cannot hold as they are written `#hh`.
fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if (b'!'..=b'~').contains(&b) && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        write_object(&mut out, object, &|id| id.0 + 100);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_as_pdf_reads_them() {
        let dict = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Odd name", Object::Name(b"A#(b)".to_vec())),
            ("W", Object::Array(vec![Object::Integer(3), Object::Real(0.25), Object::Null])),
            ("Title", Object::string_literal("é)")),
            ("Parent", Object::Reference((7, 0))),
        ]);
        assert_eq!(
            written(&Object::Dictionary(dict)),
            "<</Type /Font/Odd#20name /A#23#28b#29/W [3 0.25 null]/Title <C3A929>/Parent 107 0 R>>"
        );
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let mut file = PdfFile::new(Vec::new()).unwrap();
        let (a, b) = (file.reserve(), file.reserve());
        file.object(b, &Object::Integer(42), &same).unwrap();
        file.stream(a, &Dictionary::new(), b"BT ET", &same).unwrap();
        let bytes = file.finish(a, b).unwrap();
        let from = |at: usize| String::from_utf8_lossy(&bytes[at..]).into_owned();
        let xref = bytes.windows(5).position(|w| w == b"xref\n").unwrap();
        let offsets: Vec<usize> = from(xref).lines().skip(3).take(2).map(|l| l[..10].parse().unwrap()).collect();
        assert!(from(offsets[0]).starts_with("1 0 obj\n<</Length 5>>\nstream\nBT ET\nendstream"), "{}", from(0));
        assert!(from(offsets[1]).starts_with("2 0 obj\n42\nendobj"), "{}", from(0));
        assert!(from(xref).ends_with(&format!("startxref\n{xref}\n%%EOF\n")));
    }
}
