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

/// Writes the worksheet of `input` to `path`, atomically, page by page as it is laid out: its
/// memory does not grow with the register.
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

    let census = Census::default();
    let mut total = 0;
    lay_out(input, paper, Ctx { fonts, glyphs: &census }, &order, &Footer::new(input, None), &mut |pages| {
        total += pages.len();
        Ok(())
    })?;
    let subset = SubsetFonts::new(fonts, &census)?;

    let mut writer = PageWriter::new(out, target, &subset)?;
    let ctx = Ctx { fonts, glyphs: &subset.codes };
    let (runs, received) = mpsc::sync_channel::<Vec<Canvas>>(1);
    std::thread::scope(|scope| {
        let written = scope.spawn(move || -> Result<PageWriter<W>> {
            for run in received {
                writer.write(run)?;
            }
            Ok(writer)
        });
        // A send fails only once the writer has stopped on an error, which its join returns.
        let laid_out = lay_out(input, paper, ctx, &order, &Footer::new(input, Some(total)), &mut |pages| {
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
    summary::draw(&mut doc, input, order);
    money::page(&mut doc, input);
    services::services_page(&mut doc, input);
    register_table::draw(&mut doc, input, order);
    let by_id: std::collections::HashMap<crate::domain::ids::ProviderId, usize> =
        input.providers.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for &i in order {
        let row = &input.rows[i];
        if let Some(&p) = by_id.get(&row.id) {
            provider_page::draw(&mut doc, input, row, p);
        }
        if doc.finished() >= RUN {
            hand_on(doc.take_finished())?;
        }
    }
    let (last, bookmarks) = doc.finish();
    hand_on(last)?;
    Ok(bookmarks)
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
    /// The page count; unknown while the first pass counts it.
    total: Option<usize>,
}

impl Footer {
    fn new(input: &WorksheetInput, total: Option<usize>) -> Footer {
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
        // The first pass draws its own number as the total: the same characters as the last
        // page's "Page M of M", so the census counts every glyph the second pass draws.
        let page_text = format!("Page {number} of {}", self.total.unwrap_or(number));
        let room = w - ctx.width(&page_text, &style) - 12.0;
        let left_lines = layout::wrap(ctx, &self.left, &style, room);
        page.text(ctx, x, y, left_lines.first().map(String::as_str).unwrap_or(""), &style);
        if left_lines.len() > 1 {
            page.text(ctx, x, y + style.leading(), &left_lines[1..].join(" "), &style);
        }
        page.text_in(ctx, x, w, y, &page_text, &style, Align::Right);
    }
}
