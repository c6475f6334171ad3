//! Writes the typed TypeScript client of the declared commands and events
//! (`ui/src/lib/bindings/ipc.ts`), with ts-rs naming every type exactly as its own bindings do.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::PathBuf;

use ts_rs::{Config, Dependency, TypeVisitor, TS};

/// How one Rust type reads in TypeScript, and the binding files it needs imported.
pub struct TsType {
    pub name: String,
    pub imports: BTreeSet<(String, PathBuf)>,
}

impl TsType {
    pub fn of<T: TS + 'static>() -> TsType {
        struct Imports<'a>(&'a Config, &'a mut BTreeSet<(String, PathBuf)>);
        impl TypeVisitor for Imports<'_> {
            fn visit<U: TS + 'static + ?Sized>(&mut self) {
                if let Some(dep) = Dependency::from_ty::<U>(self.0) {
                    self.1.insert((dep.ts_name, dep.output_path));
                }
                // `Vec<T>` and `Option<T>` name their element as a generic parameter.
                U::visit_generics(self);
            }
        }
        let cfg = Config::from_env();
        let mut imports = BTreeSet::new();
        Imports(&cfg, &mut imports).visit::<T>();
        TsType { name: T::name(&cfg), imports }
    }
}

/// Tauri hands a command its arguments by their camelCase names.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

pub fn client(commands: &[super::declare::CommandSignature], events: &[super::declare::EventSignature]) -> String {
    let imports: BTreeSet<_> = commands
        .iter()
        .flat_map(|c| c.args.iter().map(|(_, t)| t).chain([&c.result]))
        .chain(events.iter().map(|e| &e.payload))
        .flat_map(|t| t.imports.iter().cloned())
        .collect();
    let mut ts = String::from("// Generated from src-tauri/app/ipc/mod.rs by `cargo test`; do not edit.\n");
    for (name, path) in &imports {
        let module = path.with_extension("");
        let _ = writeln!(ts, "import type {{ {name} }} from \"./{}\";", module.display());
    }
    ts.push_str(
        "\n/** Every command the app answers: the arguments the UI passes and what it resolves to. */\nexport interface Commands {\n",
    );
    for c in commands {
        let args: Vec<String> = c.args.iter().map(|(n, t)| format!("{}: {}", camel_case(n), t.name)).collect();
        let args = if args.is_empty() { "{}".to_string() } else { format!("{{ {} }}", args.join(", ")) };
        let _ = writeln!(ts, "  \"{}\": {{ args: {args}, result: {} }},", c.name, c.result.name);
    }
    ts.push_str("}\n\n/** Every event the app emits, and its payload. */\nexport interface Events {\n");
    for e in events {
        let _ = writeln!(ts, "  \"{}\": {},", e.name, e.payload.name);
    }
    ts.push_str("}\n\nexport type CommandName = keyof Commands;\nexport type EventName = keyof Events;\n\n/** The command names, for mocks and tests. */\nexport const COMMAND_NAMES: CommandName[] = [\n");
    for c in commands {
        let _ = writeln!(ts, "  \"{}\",", c.name);
    }
    ts.push_str("];\n");
    ts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_names_reach_the_client_as_tauri_expects_them() {
        assert_eq!(camel_case("review_id"), "reviewId");
        assert_eq!(camel_case("id"), "id");
    }

    #[test]
    fn containers_import_what_they_hold() {
        let t = TsType::of::<Option<Vec<lifeboat::domain::review::Review>>>();
        assert_eq!(t.name, "Array<Review> | null");
        assert!(t.imports.iter().any(|(n, _)| n == "Review"));
        assert_eq!(TsType::of::<()>().name, "null");
    }
}
