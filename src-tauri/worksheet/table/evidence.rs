//! What the incidents and drills tables share: each row names its provider, and rows are grouped
//! by provider in the providers table's order, newest first within each, so an export reads
//! like the register and an import followed by an export writes the same bytes.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::domain::ids::ProviderId;
use crate::domain::provider::Provider;

/// A row's provider: its name, and its place in the providers table.
#[derive(Debug, Clone, Copy)]
pub(super) struct Owner<'a> {
    pub name: &'a str,
    rank: usize,
}

/// Every provider's `Owner`, by id.
pub(super) fn owners(providers: &[Provider]) -> HashMap<ProviderId, Owner<'_>> {
    providers.iter().enumerate().map(|(rank, p)| (p.id, Owner { name: p.profile.name.as_str(), rank })).collect()
}

/// Sorts `lines` by provider, then newest first by `newest`, whose later parts break ties so the
/// order never depends on the order rows were stored in.
pub(super) fn sort_newest_first<L, K: Ord>(lines: &mut [L], owner: impl Fn(&L) -> Owner<'_>, newest: impl Fn(&L) -> K) {
    lines.sort_by_cached_key(|l| (owner(l).rank, Reverse(newest(l))));
}
