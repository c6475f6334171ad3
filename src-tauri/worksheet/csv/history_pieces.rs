//! The history, most of a CSV export, written by two threads at once. It is cut into pieces of a
//! hundred providers. The history's own thread, on a second connection, writes pieces from the
//! front straight to the file; the thread that writes the other tables takes pieces from the
//! back once those are written, into memory, and they are appended in order when both are done.
//! So neither thread idles while the other still has history to write, whatever the register's
//! shape (a long history, or many providers with money figures to read).

use std::collections::HashMap;
use std::io::Write;
use std::ops::{Range, RangeInclusive};
use std::sync::{Mutex, MutexGuard};

use super::export::{finish, start, write_rows, writer, CsvOptions};
use crate::domain::ids::ProviderId;
use crate::storage::Register;
use crate::worksheet::table::history;
use crate::worksheet::Result;

/// Providers a piece: small enough that the two threads end close together, large enough that
/// a piece's query and table cost nothing beside its rows.
const PROVIDERS_A_PIECE: usize = 100;

pub(super) struct Pieces<'n> {
    names: &'n HashMap<ProviderId, String>,
    /// Each piece's providers, in file order.
    providers: Vec<RangeInclusive<ProviderId>>,
    /// The pieces no thread has taken yet.
    left: Mutex<Range<usize>>,
}

impl<'n> Pieces<'n> {
    pub(super) fn new(names: &'n HashMap<ProviderId, String>) -> Pieces<'n> {
        let mut ids: Vec<ProviderId> = names.keys().copied().collect();
        ids.sort_unstable();
        let providers: Vec<_> = ids.chunks(PROVIDERS_A_PIECE).map(|piece| piece[0]..=piece[piece.len() - 1]).collect();
        let left = Mutex::new(0..providers.len());
        Pieces { names, providers, left }
    }

    fn left(&self) -> MutexGuard<'_, Range<usize>> {
        // Taking a piece cannot panic halfway; a poisoned lock still holds a whole range.
        self.left.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    // Each returns with the lock released: the other thread takes its pieces meanwhile.
    fn take_front(&self) -> Option<usize> {
        self.left().next()
    }

    fn take_back(&self) -> Option<usize> {
        self.left().next_back()
    }

    /// Leaves nothing more to take: the export has failed, and the other thread need not go on.
    pub(super) fn stop(&self) {
        *self.left() = 0..0;
    }

    /// Writes the header and then pieces from the front, read from `from`, until none is left.
    pub(super) fn write_front<W: Write>(&self, from: &Register, out: W, options: CsvOptions) -> Result<W> {
        let mut w = start(out, &history(self.names, std::iter::empty()).columns, options)?;
        while let Some(piece) = self.take_front() {
            write_rows(&mut w, history(self.names, from.snapshot_profiles_of(self.providers[piece].clone())))?;
        }
        finish(w)
    }

    /// Takes pieces from the back, read from `from`, until none is left: their rows, in file order.
    pub(super) fn write_back(&self, from: &Register) -> Result<Vec<Vec<u8>>> {
        let mut taken = Vec::new();
        while let Some(piece) = self.take_back() {
            taken.push(self.rows_of(piece, from)?);
        }
        taken.reverse();
        Ok(taken)
    }

    /// One piece's rows, without a header.
    fn rows_of(&self, piece: usize, from: &Register) -> Result<Vec<u8>> {
        let mut w = writer(Vec::new());
        write_rows(&mut w, history(self.names, from.snapshot_profiles_of(self.providers[piece].clone())))?;
        finish(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worksheet::csv::export::write;

    #[test]
    fn pieces_taken_from_either_end_make_the_history_in_order() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let mut register = Register::open_in_memory().unwrap();
        crate::demo::synthetic(&mut register, PROVIDERS_A_PIECE * 3 + 7, 3, today).unwrap();
        let names = register.provider_names().unwrap();
        let whole = write(history(&names, register.snapshot_profiles()), CsvOptions::default()).unwrap();

        let pieces = Pieces::new(&names);
        assert_eq!(pieces.providers.len(), 4);
        let last = pieces.take_back().unwrap();
        let last = pieces.rows_of(last, &register).unwrap();
        let mut file = pieces.write_front(&register, Vec::new(), CsvOptions::default()).unwrap();
        assert_eq!(pieces.take_back(), None, "the front took the rest");
        file.extend(last);
        assert_eq!(String::from_utf8(file).unwrap(), String::from_utf8(whole.clone()).unwrap());

        let pieces = Pieces::new(&names);
        let header = start(Vec::new(), &history(&names, std::iter::empty()).columns, CsvOptions::default()).unwrap();
        let mut file = finish(header).unwrap();
        file.extend(pieces.write_back(&register).unwrap().concat());
        assert_eq!(file, whole, "the back alone, in file order");
    }

    #[test]
    fn a_stopped_export_leaves_no_piece_to_take() {
        let names = (1..=250).map(|id| (ProviderId(id), format!("Provider {id}"))).collect();
        let pieces = Pieces::new(&names);
        assert_eq!(pieces.take_front(), Some(0));
        pieces.stop();
        assert_eq!((pieces.take_front(), pieces.take_back()), (None, None));
    }
}
