//! The PDF worksheet: summary, money at risk, our services and what they need, register table, then one
//! risk-profile page per provider.
//!
//! Everything is drawn with printpdf's low-level operations (its HTML mode is not compiled in),
//! so text from the register is only ever shown, never interpreted.

mod chart;
mod evidence;
mod fonts;
mod layout;
mod money;
mod provider_page;
mod readiness;
mod register_table;
mod services;
mod style;
mod summary;
mod table;
mod words;

use std::path::Path;

use chrono::NaiveDate;
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt};

pub use layout::Paper;
use layout::{Align, Ctx, Doc, TextStyle};
pub(crate) use words::amount;

use super::input::WorksheetInput;
use super::{Result, WorksheetError};
use crate::domain::register::riskier_first;
use crate::storage::Register;

/// Renders the worksheet to PDF bytes.
pub fn render(input: &WorksheetInput, paper: Paper) -> Result<Vec<u8>> {
    let fonts = fonts::fonts().ok_or_else(|| WorksheetError::Pdf("the embedded font could not be read".into()))?;
    let mut pdf = PdfDocument::new(&document_title(input));
    pdf.metadata.info.creator = "Lifeboat".into();
    pdf.metadata.info.producer = "Lifeboat".into();
    pdf.metadata.info.author = input.organisation.clone();
    pdf.metadata.info.subject = "Service-provider risk worksheet".into();
    // printpdf dates a new document 1 January 1970; the file is made now (the pages say which
    // day the register is shown as of).
    let now = printpdf::OffsetDateTime::now();
    pdf.metadata.info.creation_date = now;
    pdf.metadata.info.modification_date = now;
    pdf.metadata.info.metadata_date = now;
    let ctx = Ctx { fonts, regular: pdf.add_font(&fonts.regular.font), bold: pdf.add_font(&fonts.bold.font) };
    let mut doc = Doc::new(ctx, paper);

    let order = riskiest_first(input);
    summary::draw(&mut doc, input, &order);
    money::page(&mut doc, input);
    services::services_page(&mut doc, input);
    register_table::draw(&mut doc, input, &order);
    let by_id: std::collections::HashMap<crate::domain::ids::ProviderId, usize> =
        input.providers.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for &i in &order {
        let row = &input.rows[i];
        if let Some(&p) = by_id.get(&row.id) {
            provider_page::draw(&mut doc, input, row, p);
        }
    }

    footers(&mut doc, input);
    let (canvases, bookmarks) = doc.finish_pages();
    let pages: Vec<PdfPage> = canvases
        .into_iter()
        .map(|c| {
            let mut page = PdfPage::new(printpdf::Mm(0.0), printpdf::Mm(0.0), c.ops);
            let rect = printpdf::Rect::from_wh(Pt(c.width), Pt(c.height));
            page.media_box = rect.clone();
            page.trim_box = rect.clone();
            page.crop_box = rect;
            page
        })
        .collect();
    for (title, page) in &bookmarks {
        pdf.add_bookmark(title, *page);
    }
    pdf.with_pages(pages);
    save(pdf)
}

/// Serialises with fast compression. printpdf's own `optimize` compresses every stream at zlib
/// level 9, which took a third of the time of a 500-provider worksheet for a few percent of size.
/// The streams are compressed on every core: each page's is its own.
fn save(pdf: PdfDocument) -> Result<Vec<u8>> {
    let options = PdfSaveOptions { subset_fonts: true, optimize: false, ..Default::default() };
    let mut doc = printpdf::to_lopdf_doc(&pdf, &options, &mut Vec::new());
    drop(pdf); // The page operations are in the lopdf document now.
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) if stream.allows_compression && stream.dict.get(b"Filter").is_err() => Some(stream),
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let per_thread = streams.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = streams
            .chunks_mut(per_thread)
            .map(|chunk| scope.spawn(move || chunk.iter_mut().try_for_each(|stream| compress(stream))))
            .collect();
        workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })?;
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| WorksheetError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// Compresses one stream with fast zlib, unless that would not make it smaller.
fn compress(stream: &mut lopdf::Stream) -> Result<()> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 4), flate2::Compression::fast());
    encoder.write_all(&stream.content).map_err(|e| WorksheetError::Pdf(e.to_string()))?;
    let compressed = encoder.finish().map_err(|e| WorksheetError::Pdf(e.to_string()))?;
    if compressed.len() < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
    Ok(())
}

/// Writes the worksheet of `register` to `path`, atomically: a failed export leaves no partial file.
pub fn export(register: &Register, path: &Path, paper: Paper, today: NaiveDate) -> Result<()> {
    if path.is_dir() {
        return Err(WorksheetError::Target(format!("{} is a folder; give a file name for the PDF.", path.display())));
    }
    let input = WorksheetInput::from_register(register, today)?;
    let bytes = render(&input, paper)?;
    super::write_atomically(path, &bytes)
}

fn document_title(input: &WorksheetInput) -> String {
    if input.organisation.trim().is_empty() {
        "Service-provider risk worksheet".into()
    } else {
        format!("{} — service-provider risk worksheet", input.organisation.trim())
    }
}

/// Register order for the table and the provider pages: highest exposure first, then inherent
/// risk, Not assessed providers after the scored ones, then name.
fn riskiest_first(input: &WorksheetInput) -> Vec<usize> {
    let mut order: Vec<usize> = (0..input.rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&input.rows[a], &input.rows[b]);
        riskier_first(ra, rb).then_with(|| ra.name.to_lowercase().cmp(&rb.name.to_lowercase()))
    });
    order
}

/// "Page N of M" and the generation date on every page, drawn once the page count is known.
fn footers(doc: &mut Doc, input: &WorksheetInput) {
    let total = doc.pages.len();
    let style = TextStyle::new(style::TINY, fonts::Weight::Regular, style::MUTED);
    let org = input.organisation.trim();
    let left_text = format!(
        "{}Service-provider risk worksheet · generated {}",
        if org.is_empty() { String::new() } else { format!("{} · ", layout::clean(org).replace('\n', " ")) },
        words::date(input.generated_on)
    );
    let ctx = &doc.ctx;
    for (i, page) in doc.pages.iter_mut().enumerate() {
        let y = page.height - layout::MARGIN + 4.0;
        let x = layout::MARGIN;
        let w = page.width - 2.0 * layout::MARGIN;
        page.line(x, y - 10.0, x + w, y - 10.0, style::RULE, 0.5);
        let page_text = format!("Page {} of {}", i + 1, total);
        let room = w - ctx.width(&page_text, &style) - 12.0;
        let left_lines = layout::wrap(ctx, &left_text, &style, room);
        page.text(ctx, x, y, left_lines.first().map(String::as_str).unwrap_or(""), &style);
        if left_lines.len() > 1 {
            page.text(ctx, x, y + style.leading(), &left_lines[1..].join(" "), &style);
        }
        page.text_in(ctx, x, w, y, &page_text, &style, Align::Right);
    }
}
