//! The fonts and the pages, written as they come. printpdf subsets the fonts once, to the
//! characters the first pass counted, and says which code each character has in the subset;
//! then each run of pages' content streams is compressed on every core and written.

use std::io::Write;
use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Object, ObjectId};
use printpdf::{Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use super::file::{self, Id, PdfFile};
use super::fonts::{Fonts, Weight};
use super::glyphs::{Census, Codes};
use super::layout::Canvas;
use crate::worksheet::{Result, WorksheetError};

/// Both faces subset to the counted characters, as printpdf made them: the font objects, and
/// each character's code.
pub struct SubsetFonts {
    made: lopdf::Document,
    /// The font dictionary of each weight that draws anything.
    fonts: Vec<(Weight, ObjectId)>,
    pub codes: Codes,
}

impl SubsetFonts {
    /// Has printpdf draw every counted character of each face on one page, and reads the codes
    /// it wrote there, in the characters' order.
    pub fn new(fonts: &Fonts, census: &Census) -> Result<SubsetFonts> {
        let mut pdf = PdfDocument::new("");
        let ids = Weight::ALL.map(|weight| (weight, pdf.add_font(&fonts.face(weight).font)));
        let chars = Weight::ALL.map(|weight| census.chars(weight));
        let mut ops = vec![Op::StartTextSection];
        for ((_, id), text) in ids.iter().zip(&chars) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(1.0) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
        }
        ops.push(Op::EndTextSection);
        pdf.pages = vec![PdfPage::new(printpdf::Mm(10.0), printpdf::Mm(10.0), ops)];
        let options = PdfSaveOptions { subset_fonts: true, optimize: false, ..Default::default() };
        let made = printpdf::to_lopdf_doc(&pdf, &options, &mut Vec::new());

        let page = made.get_pages().into_values().next().ok_or_else(|| made_wrong("it has no page"))?;
        let dict = made.get_dictionary(page).map_err(pdf_error)?;
        let content = dict.get(b"Contents").and_then(Object::as_reference).and_then(|id| made.get_object(id)).and_then(Object::as_stream);
        let operations = lopdf::content::Content::decode(&content.map_err(pdf_error)?.content).map_err(pdf_error)?.operations;
        let shown: Vec<&[u8]> =
            operations.iter().filter(|op| op.operator == "Tj").filter_map(|op| op.operands.first()?.as_str().ok()).collect();
        let [regular, bold] = shown[..] else { return Err(made_wrong("it does not show the two faces' text")) };
        let codes = Codes::pair((&chars[0], regular), (&chars[1], bold)).ok_or_else(|| made_wrong("a character has no code"))?;

        // The faces that draw nothing are left out of the fonts printpdf writes.
        let resources = dict.get(b"Resources").and_then(|r| made.dereference(r)).and_then(|(_, r)| r.as_dict()).map_err(pdf_error)?;
        let by_name = resources.get(b"Font").and_then(|f| made.dereference(f)).and_then(|(_, f)| f.as_dict()).map_err(pdf_error)?;
        let fonts =
            ids.iter().filter_map(|(weight, id)| Some((*weight, by_name.get(id.0.as_bytes()).ok()?.as_reference().ok()?))).collect();
        Ok(SubsetFonts { made, fonts, codes })
    }
}

pub struct PageWriter<W: Write> {
    file: PdfFile<W>,
    pages_root: Id,
    resources: Id,
    page_ids: Vec<Id>,
    /// Named in write errors.
    target: PathBuf,
}

impl<W: Write> PageWriter<W> {
    /// Starts the file with the fonts; `target` is where `out` writes, for messages.
    pub fn new(out: W, target: &Path, subset: &SubsetFonts) -> Result<PageWriter<W>> {
        let io = |e| WorksheetError::io(target, e);
        let mut file = PdfFile::new(out).map_err(io)?;
        let pages_root = file.reserve();
        let mut objects = std::collections::BTreeMap::new();
        for &(_, font) in &subset.fonts {
            reachable(&subset.made, font, &mut objects)?;
        }
        let ids: std::collections::BTreeMap<ObjectId, Id> = objects.keys().map(|&id| (id, file.reserve())).collect();
        let renumber = |id: ObjectId| ids.get(&id).copied().unwrap_or(0);
        for (id, object) in &objects {
            let smaller = match object {
                Object::Stream(stream) if stream.allows_compression && stream.dict.get(b"Filter").is_err() => compress(&stream.content),
                _ => None,
            };
            match (object, smaller) {
                (Object::Stream(stream), Some(smaller)) => file.stream(ids[id], &with_flate(&stream.dict), &smaller, &renumber),
                _ => file.object(ids[id], object, &renumber),
            }
            .map_err(io)?;
        }
        let names = subset.fonts.iter().map(|&(weight, font)| (weight.resource(), Object::Reference((ids[&font], 0))));
        let resources = file.reserve();
        let dict = Dictionary::from_iter(vec![("Font", Object::Dictionary(Dictionary::from_iter(names)))]);
        file.object(resources, &Object::Dictionary(dict), &file::same).map_err(io)?;
        Ok(PageWriter { file, pages_root, resources, page_ids: Vec::new(), target: target.to_path_buf() })
    }

    fn write_error(&self, e: std::io::Error) -> WorksheetError {
        WorksheetError::io(&self.target, e)
    }

    /// Writes the next pages of the document, footers drawn and finished.
    pub fn write(&mut self, run: Vec<Canvas>) -> Result<()> {
        let compressed = compress_all(&run);
        for (page, compressed) in run.iter().zip(compressed) {
            let (content_id, page_id) = (self.file.reserve(), self.file.reserve());
            let (dict, content) = match &compressed {
                Some(smaller) => (with_flate(&Dictionary::new()), &smaller[..]),
                None => (Dictionary::new(), &page.content[..]),
            };
            self.file.stream(content_id, &dict, content, &file::same).map_err(|e| self.write_error(e))?;
            let page = Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Page".to_vec())),
                ("Parent", Object::Reference((self.pages_root, 0))),
                (
                    "MediaBox",
                    Object::Array(vec![Object::Integer(0), Object::Integer(0), Object::Real(page.width), Object::Real(page.height)]),
                ),
                ("Resources", Object::Reference((self.resources, 0))),
                ("Contents", Object::Reference((content_id, 0))),
            ]);
            self.file.object(page_id, &Object::Dictionary(page), &file::same).map_err(|e| self.write_error(e))?;
            self.page_ids.push(page_id);
        }
        Ok(())
    }

    /// Writes the page tree, the bookmarks (title, 1-based page), the catalogue and `info`, and
    /// closes the file.
    pub fn finish(mut self, bookmarks: &[(String, usize)], info: Dictionary) -> Result<W> {
        let page_ref = |page: usize| Object::Reference((self.page_ids[page.clamp(1, self.page_ids.len()) - 1], 0));
        let pages = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Count", Object::Integer(self.page_ids.len() as i64)),
            ("Kids", Object::Array((1..=self.page_ids.len()).map(page_ref).collect())),
        ]);
        let mut catalog = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference((self.pages_root, 0))),
            ("PageLayout", Object::Name(b"OneColumn".to_vec())),
        ]);
        let mut objects = vec![(self.pages_root, Object::Dictionary(pages))];
        if !bookmarks.is_empty() {
            let outlines = self.file.reserve();
            let items: Vec<Id> = bookmarks.iter().map(|_| self.file.reserve()).collect();
            for (i, (title, page)) in bookmarks.iter().enumerate() {
                let mut item = Dictionary::from_iter(vec![
                    ("Title", lopdf::text_string(title)),
                    ("Parent", Object::Reference((outlines, 0))),
                    ("Dest", Object::Array(vec![page_ref(*page), Object::Name(b"XYZ".to_vec()), Object::Null, Object::Null, Object::Null])),
                ]);
                if i > 0 {
                    item.set("Prev", Object::Reference((items[i - 1], 0)));
                }
                if let Some(&next) = items.get(i + 1) {
                    item.set("Next", Object::Reference((next, 0)));
                }
                objects.push((items[i], Object::Dictionary(item)));
            }
            let root = Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Outlines".to_vec())),
                ("Count", Object::Integer(items.len() as i64)),
                ("First", Object::Reference((items[0], 0))),
                ("Last", Object::Reference((items[items.len() - 1], 0))),
            ]);
            objects.push((outlines, Object::Dictionary(root)));
            catalog.set("Outlines", Object::Reference((outlines, 0)));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        let (catalog_id, info_id) = (self.file.reserve(), self.file.reserve());
        objects.extend([(catalog_id, Object::Dictionary(catalog)), (info_id, Object::Dictionary(info))]);
        for (id, object) in &objects {
            self.file.object(*id, object, &file::same).map_err(|e| self.write_error(e))?;
        }
        let target = self.target;
        self.file.finish(catalog_id, info_id).map_err(|e| WorksheetError::io(&target, e))
    }
}

/// `id` and every object it refers to, directly or not.
fn reachable(made: &lopdf::Document, id: ObjectId, into: &mut std::collections::BTreeMap<ObjectId, Object>) -> Result<()> {
    if into.contains_key(&id) {
        return Ok(());
    }
    let object = made.get_object(id).map_err(pdf_error)?.clone();
    let mut refs = Vec::new();
    references(&object, &mut refs);
    into.insert(id, object);
    refs.into_iter().try_for_each(|r| reachable(made, r, into))
}

fn references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|item| references(item, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, value)| references(value, out)),
        Object::Stream(stream) => stream.dict.iter().for_each(|(_, value)| references(value, out)),
        _ => {}
    }
}

/// Each page's content compressed, or `None` where that would not make it smaller (it is then
/// written as it is), on every core: each page is its own.
fn compress_all(pages: &[Canvas]) -> Vec<Option<Vec<u8>>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let per_thread = pages.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = pages
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || chunk.iter().map(|page| compress(&page.content)).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Fast zlib: printpdf's own `optimize` compresses at level 9, which took a third of the time of
/// a long worksheet for a few percent of size.
fn compress(content: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(content.len() / 4), flate2::Compression::fast());
    encoder.write_all(content).ok()?;
    encoder.finish().ok().filter(|compressed| compressed.len() < content.len())
}

fn with_flate(dict: &Dictionary) -> Dictionary {
    let mut dict = dict.clone();
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    dict
}

fn made_wrong(what: &str) -> WorksheetError {
    WorksheetError::Pdf(format!("the fonts could not be subset: {what}"))
}

fn pdf_error(e: lopdf::Error) -> WorksheetError {
    WorksheetError::Pdf(format!("the fonts could not be subset: {e}"))
}
