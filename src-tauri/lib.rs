//! Lifeboat: a service-provider risk register.
//!
//! `domain`, `storage` and `worksheet` never touch Tauri; `app` is the thin layer of window,
//! menu and commands over them, and `cli` the headless front door to the same code.

pub mod app;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod paths;
pub mod storage;
pub mod worksheet;
