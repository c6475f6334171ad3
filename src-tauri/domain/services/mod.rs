//! Our services and what depends on what (PRODUCT.md, "Our services and what depends on what"):
//! the services customers and staff use, which providers each one needs, which providers run on
//! which (fourth parties), and the rules that turn those links into a provider's blast radius,
//! the register's concentrations and a what-if graph.

pub mod concentration;
pub mod dependency;
pub mod graph;
pub mod reach;
pub mod service;

#[cfg(test)]
mod tests;
