//! The record ids as SQLite integers.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId, ReviewId, ServiceId, SnapshotId};

macro_rules! sql_id {
    ($($id:ident),+) => {$(
        impl ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $id {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($id)
            }
        }
    )+};
}

sql_id!(ProviderId, ReviewId, FailureModeId, SnapshotId, IncidentId, DrillId, ServiceId);
