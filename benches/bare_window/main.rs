//! The anchor for Lifeboat's start-up (`benches/app_startup.rs`): a bare Tauri window whose page
//! calls one command as soon as it loads and shows the answer. Same Tauri, same build profile,
//! same window size and the same WebDriver launch as the app, and nothing else, so the difference
//! is what Lifeboat does before its register table is on screen.

// No console window behind it on Windows release builds, as for the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[tauri::command]
fn ping() -> &'static str {
    "pong"
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ping])
        .run(tauri::generate_context!("benches/bare_window/tauri.conf.json"))
        .expect("the bare window could not be started");
}
