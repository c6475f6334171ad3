//! The register's dependencies as the reach rules read them: every provider (with its live
//! alternative and its measured or estimated switch time), service and link, read once.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{dependencies, drills, runs_on, services, Register, Result};
use crate::domain::evidence::drill::Drill;
use crate::domain::ids::ProviderId;
use crate::domain::provider::Provider;
use crate::domain::services::concentration::{concentration, Concentration};
use crate::domain::services::dependency::Failure;
use crate::domain::services::graph::{DependencyGraph, Node};
use crate::domain::services::reach::{BlastRadius, Walker};
use crate::storage::{Missing, StoreError};

/// The graph of `providers` and their `drills` (the register's, already read by the caller) and
/// every service and link.
pub(super) fn graph_of(conn: &Connection, providers: &[Provider], drills: &HashMap<ProviderId, Vec<Drill>>) -> Result<DependencyGraph> {
    let nodes = providers.iter().map(|p| Node::of(p, drills.get(&p.id).map(Vec::as_slice).unwrap_or_default())).collect();
    Ok(DependencyGraph::new(nodes, services::all(conn)?, &dependencies::all(conn)?, &runs_on::all(conn)?))
}

impl Register {
    pub(super) fn graph_of(&self, providers: &[Provider], drills: &HashMap<ProviderId, Vec<Drill>>) -> Result<DependencyGraph> {
        graph_of(&self.conn, providers, drills)
    }

    pub fn dependency_graph(&self) -> Result<DependencyGraph> {
        self.graph_of(&self.providers()?, &drills::by_provider(&self.conn)?)
    }

    /// What `id`'s outage or degradation reaches, with the path for each.
    pub fn blast_radius(&self, id: ProviderId, failure: Failure) -> Result<BlastRadius> {
        let graph = self.dependency_graph()?;
        Walker::default().blast_radius(&graph, id, failure).ok_or(StoreError::NotFound(Missing::Provider(id)))
    }

    /// The register's concentrations, in its currency.
    pub fn concentration(&self) -> Result<Concentration> {
        Ok(concentration(&self.dependency_graph()?, &self.settings()?.currency))
    }
}
