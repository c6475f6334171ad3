//! The register table: one row per provider, landscape, header repeated on every page.

use super::fonts::Weight;
use super::layout::{Align, Doc, Orientation, TextStyle};
use super::style;
use super::table::{col, col_right, Cell, Column, Table};
use super::words;
use crate::domain::cadence::DueState;
use crate::domain::provider::Status;
use crate::domain::scoring::Level;
use crate::worksheet::input::WorksheetInput;

const COLUMNS: [Column; 12] = [
    col("Provider", 2.1),
    col("Category", 1.0),
    col("Owner", 1.25),
    Column { title: "Tier", weight: 0.45, align: Align::Center },
    col("Inherent risk", 1.15),
    col("Exposure", 1.15),
    Column { title: "Lock-in", weight: 0.8, align: Align::Center },
    col("Best alternative", 1.25),
    Column { title: "Replacement effort", weight: 1.15, align: Align::Center },
    col("Exit strategy", 1.3),
    col("Trend", 0.85),
    col_right("Next review", 1.2),
];

pub fn draw(doc: &mut Doc, input: &WorksheetInput, order: &[usize]) {
    doc.running_title = None;
    doc.new_page(Orientation::Landscape);
    doc.bookmark("Register");
    doc.running_title = Some("Register (continued)".into());
    doc.heading("Register", 60.0);
    let (x, w) = (doc.left(), doc.width());
    doc.paragraph(
        &format!(
            "All {} providers, highest exposure first. Exposure = inherent risk × escape difficulty / 5; escape difficulty is the mean of lock-in and replacement effort, lowered by a contracted or live alternative. Scores 1–5 unless stated.",
            input.rows.len()
        ),
        &TextStyle::new(style::SMALL, Weight::Regular, style::MUTED),
        x,
        w,
    );
    doc.y += 6.0;
    let table = Table::new(doc, &COLUMNS, style::SMALL);
    table.header(doc);
    for (n, &i) in order.iter().enumerate() {
        let r = &input.rows[i];
        let name = if r.status == Status::Active { r.name.clone() } else { format!("{} ({})", r.name, r.status.label().to_lowercase()) };
        let next = match r.due {
            DueState::Overdue => Cell::Tinted(format!("{} overdue", words::date(r.next_review)), Level::Critical),
            DueState::Due => Cell::Tinted(format!("{} today", words::date(r.next_review)), Level::High),
            DueState::DueSoon => Cell::Tinted(format!("{} soon", words::date(r.next_review)), Level::Medium),
            DueState::Current => Cell::text(words::date(r.next_review)),
        };
        table.row(
            doc,
            &[
                Cell::Strong(name),
                Cell::text(r.category.label()),
                Cell::text(if r.owner.trim().is_empty() { "—".to_string() } else { r.owner.clone() }),
                Cell::text(r.tier.to_string()),
                Cell::Level(r.inherent.map(|i| i.to_string()), r.inherent_level),
                Cell::Level(r.exposure.map(words::exposure), r.exposure_level),
                Cell::text(r.lock_in.to_string()),
                Cell::text(r.best_readiness.map(crate::domain::provider::Readiness::label).unwrap_or("—")),
                Cell::text(r.replacement_effort.to_string()),
                Cell::text(r.exit_strategy.label()),
                Cell::Muted(words::direction(r.direction).to_string()),
                next,
            ],
            n % 2 == 1,
        );
    }
    doc.running_title = None;
}
