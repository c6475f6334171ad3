//! Lifeboat's core: a service-provider risk register without a window.
//!
//! `domain` holds the rules, `storage` the SQLite register, `worksheet` the PDF and CSV, and
//! `cli` the headless front door. This crate has no dependency on the desktop shell, so none of
//! it can reach for one; the shell (`src-tauri/app/`, in the root package) calls into it.

#[cfg(test)]
mod bindings;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod error_kind;
pub mod paths;
pub mod storage;
#[cfg(test)]
mod test_support;
pub mod worksheet;
