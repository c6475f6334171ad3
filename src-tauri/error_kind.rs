//! What kind of failure an error is, as the UI and the command line see it: one closed list for
//! every layer, so the UI can match on it and the compiler knows every case.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    /// The input was refused; `fields` names each problem.
    Validation,
    /// A provider, review or failure mode that is not (or no longer) in the register.
    NotFound,
    NotARegister,
    Damaged,
    TooNew,
    Io,
    /// SQLite failed, or stored data could not be read back.
    Storage,
    /// An action the register cannot take as asked; the message says why.
    Refused,
    /// No register is open (it could not be opened; the message says why).
    NoRegister,
    ImportRejected,
    /// An export or import target that cannot be used.
    BadTarget,
    Pdf,
    /// Anything else, such as a failure outside Lifeboat's own code.
    Unexpected,
}
