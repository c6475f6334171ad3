//! The words for each point of the register's scales, shared by the screen, the PDF and the CSV.
//! Index 0 is point 1.

pub const TIERS: [&str; 4] = ["Business stops", "Major disruption", "Minor disruption", "Nice to have"];
pub const LIKELIHOOD: [&str; 5] = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
pub const IMPACT: [&str; 5] = ["Negligible", "Minor", "Moderate", "Major", "Severe"];
pub const LOCK_IN: [&str; 5] = ["Minimal", "Low", "Moderate", "High", "Total"];
pub const EFFORT: [&str; 5] = ["Trivial", "Small", "Moderate", "Large", "Massive"];
