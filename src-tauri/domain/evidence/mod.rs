//! The evidence the scores answer to: incidents that really happened and exit drills that were
//! really run (PRODUCT.md, "Evidence: incidents and exit drills"). The rules here turn them into
//! what the screens and the worksheet show beside the user's own scores: an observed rate and
//! the likelihood it suggests, recovery times and their trend, and the exit's readiness.

pub mod drill;
pub mod frequency;
pub mod incident;
pub mod readiness;
pub mod recovery;
pub mod summary;
