//! Keeps the tables the preview read, so that applying what was previewed does not read the
//! file again.
//!
//! The app previews a file, perhaps again with other column readings, then applies it; each step
//! read the whole file, and reading is most of the time of a large workbook (calamine unzips and
//! parses every sheet). The tables are kept with the size and modification time of every file
//! they came from, and are read again when any of these changed, so what is applied is always
//! what the file holds. Column readings are not part of the key: they are applied to the tables
//! afterwards, at every preview.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::source::{self, Source};
use super::table::Problems;
use crate::worksheet::Result;

/// The last file or folder read, with what reading it found.
#[derive(Default)]
pub struct ReadCache {
    last: Option<Reading>,
}

struct Reading {
    key: ReadKey,
    source: Source,
    /// The problems found while reading, reported again with every plan made from it.
    problems: Problems,
}

/// What a reading depends on: the path, the sheet asked for, and the state of every file read.
#[derive(Debug, PartialEq)]
struct ReadKey {
    path: PathBuf,
    sheet: Option<String>,
    files: Vec<Option<FileStamp>>,
}

/// A file as it was when read; `None` in a key for a file that was not there.
#[derive(Debug, PartialEq)]
struct FileStamp {
    len: u64,
    modified: SystemTime,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp { len: meta.len(), modified: meta.modified().ok()? })
    }
}

impl ReadKey {
    fn of(path: &Path, sheet: Option<&str>) -> ReadKey {
        let files = source::files_read(path).iter().map(|f| FileStamp::of(f)).collect();
        ReadKey { path: path.to_path_buf(), sheet: sheet.map(str::to_string), files }
    }
}

impl ReadCache {
    /// The tables of `path` and the problems reading them found: the kept ones if nothing
    /// changed since they were read, else read now (and kept).
    pub(super) fn read(&mut self, path: &Path, sheet: Option<&str>) -> Result<(&Source, Problems)> {
        let key = ReadKey::of(path, sheet);
        if self.last.as_ref().is_some_and(|r| r.key != key) {
            // Free the old tables before reading new ones.
            self.last = None;
        }
        let reading = match self.last.take() {
            Some(kept) => kept,
            None => {
                let mut problems = Problems::default();
                let source = source::read(path, sheet, &mut problems)?;
                Reading { key, source, problems }
            }
        };
        let reading = self.last.insert(reading);
        Ok((&reading.source, reading.problems.clone()))
    }

    /// Drops the kept tables, once they are applied or belong to no preview any more.
    pub fn forget(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn providers_csv(dir: &Path, name: &str) {
        std::fs::write(dir.join("providers.csv"), format!("Provider,Category\r\n{name},Payments\r\n")).unwrap();
    }

    fn first_name(cache: &mut ReadCache, path: &Path) -> String {
        let (source, _) = cache.read(path, None).unwrap();
        source.providers.as_ref().unwrap().rows[0].cells[0].to_text().into_owned()
    }

    #[test]
    fn a_changed_file_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        providers_csv(dir.path(), "Stripe");
        let mut cache = ReadCache::default();
        assert_eq!(first_name(&mut cache, dir.path()), "Stripe");
        // A different length changes the stamp even where the clock is coarse.
        providers_csv(dir.path(), "Adyen Payments");
        assert_eq!(first_name(&mut cache, dir.path()), "Adyen Payments");
    }

    #[test]
    fn a_file_added_to_the_folder_is_read() {
        let dir = tempfile::tempdir().unwrap();
        providers_csv(dir.path(), "Stripe");
        let mut cache = ReadCache::default();
        assert!(cache.read(dir.path(), None).unwrap().0.reviews.is_none());
        std::fs::write(dir.path().join("reviews.csv"), "Date,Title\r\n2026-01-05,Q1 review\r\n").unwrap();
        assert!(cache.read(dir.path(), None).unwrap().0.reviews.is_some());
    }

    #[test]
    fn an_unchanged_file_is_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        providers_csv(dir.path(), "Stripe");
        let mut cache = ReadCache::default();
        cache.read(dir.path(), None).unwrap();
        // Changing what was kept shows whether the second read used it.
        cache.last.as_mut().unwrap().source.files.push("kept".into());
        assert!(cache.read(dir.path(), None).unwrap().0.files.contains(&"kept".to_string()));
        assert!(!cache.read(dir.path(), Some("Other")).unwrap().0.files.contains(&"kept".to_string()));
    }
}
