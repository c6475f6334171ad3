//! What each declared command does, grouped by the screen that calls it. Each handler is a thin
//! call into lifeboat-core; `ipc` declares their names and signatures.

pub mod evidence;
pub mod files;
pub mod money;
pub mod providers;
pub mod reviews;
pub mod services;
pub mod settings;
pub mod worksheet;
