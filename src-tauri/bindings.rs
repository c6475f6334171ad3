//! `ui/src/lib/bindings/choices.ts`: every choice of the register with the words a person reads,
//! written from the Rust `label()`s and scales by `cargo test`, so the screen, the PDF and the
//! CSV cannot drift apart. (The types themselves are written by ts-rs.)

use std::fmt::Write;

use crate::domain::evidence::drill::{DrillKind, DrillResult, DrillScenario};
use crate::domain::provider::{Category, DataHeld, ExitStrategy, Readiness, Status};
use crate::domain::scales;
use crate::domain::services::dependency::{Effect, Failure};

/// A string as JavaScript reads it.
fn json(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn keyed<T: Copy>(ts: &mut String, name: &str, ty: &str, all: &[T], key: fn(T) -> &'static str, label: fn(T) -> &'static str) {
    let items: Vec<String> = all.iter().map(|&c| format!("{{ value: {}, label: {} }}", json(key(c)), json(label(c)))).collect();
    let _ = writeln!(ts, "export const {name}: Array<Choice<{ty}>> = [{}];", items.join(", "));
}

fn scale(ts: &mut String, name: &str, labels: &[&str]) {
    let items: Vec<String> = labels.iter().enumerate().map(|(i, l)| format!("{{ value: {}, label: {} }}", i + 1, json(l))).collect();
    let _ = writeln!(ts, "export const {name}: Array<Choice<number>> = [{}];", items.join(", "));
}

pub fn choices() -> String {
    let mut ts = String::from("// Generated from src-tauri/domain by `cargo test`; do not edit.\n");
    for ty in
        ["Category", "DataHeld", "DrillKind", "DrillResult", "DrillScenario", "Effect", "ExitStrategy", "Failure", "Readiness", "Status"]
    {
        let _ = writeln!(ts, "import type {{ {ty} }} from \"./{ty}\";");
    }
    ts.push_str("\nexport interface Choice<T> { value: T, label: string, }\n\n");
    keyed(&mut ts, "CATEGORIES", "Category", Category::ALL, Category::key, Category::label);
    keyed(&mut ts, "STATUSES", "Status", Status::ALL, Status::key, Status::label);
    keyed(&mut ts, "DATA_HELD", "DataHeld", DataHeld::ALL, DataHeld::key, DataHeld::label);
    ts.push_str("/** Least to most ready, so the index is the rank. */\n");
    keyed(&mut ts, "READINESS", "Readiness", Readiness::ALL, Readiness::key, Readiness::label);
    keyed(&mut ts, "EXIT_STRATEGIES", "ExitStrategy", ExitStrategy::ALL, ExitStrategy::key, ExitStrategy::label);
    keyed(&mut ts, "DRILL_KINDS", "DrillKind", DrillKind::ALL, DrillKind::key, DrillKind::label);
    keyed(&mut ts, "DRILL_SCENARIOS", "DrillScenario", DrillScenario::ALL, DrillScenario::key, DrillScenario::label);
    keyed(&mut ts, "DRILL_RESULTS", "DrillResult", DrillResult::ALL, DrillResult::key, DrillResult::label);
    ts.push_str("/** Least to most harm, so the index is the rank. */\n");
    keyed(&mut ts, "EFFECTS", "Effect", Effect::ALL, Effect::key, Effect::label);
    keyed(&mut ts, "FAILURES", "Failure", Failure::ALL, Failure::key, Failure::label);
    scale(&mut ts, "TIERS", &scales::TIERS);
    scale(&mut ts, "LIKELIHOODS", &scales::LIKELIHOOD);
    scale(&mut ts, "IMPACTS", &scales::IMPACT);
    scale(&mut ts, "LOCK_IN_LEVELS", &scales::LOCK_IN);
    scale(&mut ts, "EFFORT_LEVELS", &scales::EFFORT);
    ts
}

#[cfg(test)]
mod tests {
    #[test]
    fn export_bindings_choices() {
        let dir = std::path::PathBuf::from(std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("choices.ts"), super::choices()).unwrap();
    }
}
