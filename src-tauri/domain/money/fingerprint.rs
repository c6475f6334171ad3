//! A run's inputs and settings as one fingerprint. The run is seeded, so the same fingerprint
//! means the same figures: figures kept under it stay right until an input, a setting or the
//! simulation itself changes.

use sha2::{Digest, Sha256};

use super::inputs::{MoneySettings, ProviderInputs};

/// Bump with any change to `sampling`, `simulate` or `results` that can change the figures given
/// inputs make; a new release changes the fingerprint as well, so this only matters within one.
const SIMULATION_REVISION: u32 = 1;

/// SHA-256, in hex, of the simulation's revision, this release's version, the inputs and the
/// settings (as JSON, which names every field, so that no two different inputs write the same).
pub fn fingerprint(inputs: &[ProviderInputs], settings: &MoneySettings) -> String {
    let mut hasher = Sha256::new();
    hasher.update(SIMULATION_REVISION.to_le_bytes());
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    serde_json::to_writer(&mut hasher, &(inputs, settings)).expect("money inputs serialise as JSON");
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
