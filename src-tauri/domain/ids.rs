//! The ids of the register's records: one type each, so that a review's id can never be passed
//! where a provider's is expected. They cross the IPC boundary and the CSV as plain numbers.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub struct $name(#[ts(type = "number")] pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(
    /// A provider of the register (a fourth party too, once there are fourth parties).
    ProviderId
);
id!(
    /// A review meeting.
    ReviewId
);
id!(
    /// An entry of the failure-mode catalogue.
    FailureModeId
);
id!(
    /// One dated assessment of one provider.
    SnapshotId
);
id!(
    /// One incident at one provider.
    IncidentId
);
id!(
    /// One exit drill of one provider.
    DrillId
);
id!(
    /// One of our services (checkout, login, …).
    ServiceId
);
