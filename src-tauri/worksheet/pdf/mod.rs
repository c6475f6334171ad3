//! The PDF worksheet: summary, money at risk, our services and what they need, register table, then one
//! risk-profile page per provider.
//!
//! Everything is drawn with printpdf's low-level operations (its HTML mode is not compiled in),
//! so text from the register is only ever shown, never interpreted.

mod chart;
mod evidence;
mod file;
mod fonts;
mod glyphs;
mod layout;
mod money;
mod pages;
mod provider_page;
mod readiness;
mod register_table;
mod services;
mod style;
mod summary;
mod table;
mod words;

use std::io::Write;
use std::path::Path;
use std::sync::mpsc;

use chrono::NaiveDate;
use lopdf::{Dictionary, Object};

use fonts::Fonts;
use glyphs::Census;
pub use layout::Paper;
use layout::{Align, Canvas, Ctx, Doc, TextStyle};
use pages::{PageWriter, SubsetFonts};
pub(crate) use words::amount;

use super::input::WorksheetInput;
use super::{Result, WorksheetError};
use crate::domain::register::riskier_first;
use crate::storage::Register;

/// Pages laid out before they are handed on to be written, and so about the most held at once
/// (three times this, with the run being written and the one waiting).
const RUN: usize = 64;

/// Renders the worksheet to PDF bytes.
pub fn render(input: &WorksheetInput, paper: Paper) -> Result<Vec<u8>> {
    write(input, paper, Vec::new(), Path::new("the PDF"))
}

/// Writes the worksheet of `input` to `path`, atomically, page by page as it is laid out: the
/// memory it takes beside `input` does not grow with the page count.
pub fn save(input: &WorksheetInput, paper: Paper, path: &Path) -> Result<()> {
    super::produce_atomically(path, |partial| {
        let file = std::fs::File::create(partial).map_err(|e| WorksheetError::io(path, e))?;
        let mut out = write(input, paper, std::io::BufWriter::new(file), path)?;
        out.flush().map_err(|e| WorksheetError::io(path, e))
    })
}

/// Lays the worksheet out twice: first to count its pages (for "Page N of M") and the characters
/// each face draws (to subset the fonts), then to write it, a run of pages at a time on a second
/// thread while the next run is laid out. `target` names `out` in messages.
fn write<W: Write + Send>(input: &WorksheetInput, paper: Paper, out: W, target: &Path) -> Result<W> {
    let fonts = fonts::fonts().ok_or_else(|| WorksheetError::Pdf("the embedded font could not be read".into()))?;
    let order = riskiest_first(input);
    let providers = ProviderIndex::of(input);

    let (total, census) = count(input, paper, fonts, &order, &providers);
    let subset = SubsetFonts::new(fonts, &census)?;

    let mut writer = PageWriter::new(out, target, &subset)?;
    let ctx = Ctx { fonts, glyphs: &subset.codes };
    let footer = Footer::new(input, total);
    let (runs, received) = mpsc::sync_channel::<Vec<Canvas>>(1);
    std::thread::scope(|scope| {
        let written = scope.spawn(move || -> Result<PageWriter<W>> {
            for run in received {
                writer.write(run)?;
            }
            Ok(writer)
        });
        // A send fails only once the writer has stopped on an error, which its join returns.
        let laid_out = lay_out(input, paper, ctx, &order, &providers, &footer, &mut |pages| {
            runs.send(pages).map_err(|_| WorksheetError::Pdf("the PDF writer stopped".into()))
        });
        drop(runs);
        let writer = written.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        writer.finish(&laid_out?, info(input))
    })
}

/// Lays out every page in order, handing them to `sink` in runs of about `RUN`, footers drawn,
/// as soon as nothing draws on them again. Returns the bookmarks (title, 1-based page).
fn lay_out(
    input: &WorksheetInput,
    paper: Paper,
    ctx: Ctx,
    order: &[usize],
    providers: &ProviderIndex,
    footer: &Footer,
    sink: &mut dyn FnMut(Vec<Canvas>) -> Result<()>,
) -> Result<Vec<(String, usize)>> {
    let mut doc = Doc::new(ctx, paper);
    let mut numbered = 0;
    let mut hand_on = |mut pages: Vec<Canvas>| {
        for page in &mut pages {
            numbered += 1;
            footer.draw(&ctx, page, numbered);
            page.finish();
        }
        sink(pages)
    };
    front_matter(&mut doc, input, order);
    for &i in order {
        providers.draw(&mut doc, input, i);
        if doc.finished() >= RUN {
            hand_on(doc.take_finished())?;
        }
    }
    let (last, bookmarks) = doc.finish();
    hand_on(last)?;
    Ok(bookmarks)
}

/// The first pass: how many pages the worksheet has, and every character each face draws on them,
/// footers included. The provider pages, most of the worksheet, each start a page of their own, so
/// they are counted on every core.
fn count(input: &WorksheetInput, paper: Paper, fonts: &Fonts, order: &[usize], providers: &ProviderIndex) -> (usize, Census) {
    let census = Census::default();
    let ctx = Ctx { fonts, glyphs: &census };
    let mut doc = Doc::new(ctx, paper);
    front_matter(&mut doc, input, order);
    let mut total = doc.page_number();
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let parts: Vec<(usize, Census)> = std::thread::scope(|scope| {
        let workers: Vec<_> = order
            .chunks(order.len().div_ceil(threads).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    let part = Census::default();
                    let mut doc = Doc::new(Ctx { fonts, glyphs: &part }, paper);
                    for &i in chunk {
                        providers.draw(&mut doc, input, i);
                        drop(doc.take_finished());
                    }
                    let pages = doc.page_number();
                    drop(doc);
                    (pages, part)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    for (pages, part) in parts {
        total += pages;
        census.absorb(part);
    }
    // Every footer's characters: its words, and the digits of the page numbers up to ten and of
    // the last (all the digits any page number has).
    let footer = Footer::new(input, total);
    // Its size only moves the line breaks.
    let mut scratch = Canvas::new(1000.0, 1000.0);
    for number in (1..=total.min(10)).chain([total]) {
        footer.draw(&ctx, &mut scratch, number);
    }
    (total, census)
}

/// The summary, money, services and register table pages, before the provider pages.
fn front_matter(doc: &mut Doc, input: &WorksheetInput, order: &[usize]) {
    summary::draw(doc, input, order);
    money::page(doc, input);
    services::services_page(doc, input);
    register_table::draw(doc, input, order);
}

/// Where each register row's provider is in the input.
struct ProviderIndex(std::collections::HashMap<crate::domain::ids::ProviderId, usize>);

impl ProviderIndex {
    fn of(input: &WorksheetInput) -> ProviderIndex {
        ProviderIndex(input.providers.iter().enumerate().map(|(i, p)| (p.id, i)).collect())
    }

    /// The pages of the provider of register row `row`.
    fn draw(&self, doc: &mut Doc, input: &WorksheetInput, row: usize) {
        let row = &input.rows[row];
        if let Some(&p) = self.0.get(&row.id) {
            provider_page::draw(doc, input, row, p);
        }
    }
}

/// Writes the worksheet of `register` to `path`, atomically: a failed export leaves no partial file.
pub fn export(register: &Register, path: &Path, paper: Paper, today: NaiveDate) -> Result<()> {
    if path.is_dir() {
        return Err(WorksheetError::Target(format!("{} is a folder; give a file name for the PDF.", path.display())));
    }
    let input = WorksheetInput::from_register(register, today)?;
    save(&input, paper, path)
}

/// The document information a PDF reader shows, dated now (the pages say which day the register
/// is shown as of).
fn info(input: &WorksheetInput) -> Dictionary {
    let now = Object::string_literal(chrono::Utc::now().format("D:%Y%m%d%H%M%SZ").to_string());
    let mut info = Dictionary::from_iter(vec![
        ("Title", lopdf::text_string(&document_title(input))),
        ("Subject", lopdf::text_string("Service-provider risk worksheet")),
        ("Creator", lopdf::text_string("Lifeboat")),
        ("Producer", lopdf::text_string("Lifeboat")),
        ("CreationDate", now.clone()),
        ("ModDate", now),
    ]);
    if !input.organisation.trim().is_empty() {
        info.set("Author", lopdf::text_string(input.organisation.trim()));
    }
    info
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

/// "Page N of M" and the generation date at the foot of every page.
struct Footer {
    left: String,
    total: usize,
}

impl Footer {
    fn new(input: &WorksheetInput, total: usize) -> Footer {
        let org = input.organisation.trim();
        let left = format!(
            "{}Service-provider risk worksheet · generated {}",
            if org.is_empty() { String::new() } else { format!("{} · ", layout::clean(org).replace('\n', " ")) },
            words::date(input.generated_on)
        );
        Footer { left, total }
    }

    fn draw(&self, ctx: &Ctx, page: &mut Canvas, number: usize) {
        let style = TextStyle::new(style::TINY, fonts::Weight::Regular, style::MUTED);
        let y = page.height - layout::MARGIN + 4.0;
        let x = layout::MARGIN;
        let w = page.width - 2.0 * layout::MARGIN;
        page.line(x, y - 10.0, x + w, y - 10.0, style::RULE, 0.5);
        let page_text = format!("Page {number} of {}", self.total);
        let room = w - ctx.width(&page_text, &style) - 12.0;
        let left_lines = layout::wrap(ctx, &self.left, &style, room);
        page.text(ctx, x, y, left_lines.first().map(String::as_str).unwrap_or(""), &style);
        if left_lines.len() > 1 {
            page.text(ctx, x, y + style.leading(), &left_lines[1..].join(" "), &style);
        }
        page.text_in(ctx, x, w, y, &page_text, &style, Align::Right);
    }
}
