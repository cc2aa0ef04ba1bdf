//! The one place the crate asks the kernel to make files durable (`fsync`, `fdatasync`), so
//! that each call is counted per thread: a test can then prove that an append, a read or a
//! roll on its thread made none, and that the flusher made them instead.
//!
//! Nothing here decides when to sync; callers do. Writes nothing of its own.

use std::cell::Cell;
use std::fs::File;
use std::path::Path;

use crate::Result;
use crate::error::IoContext;

thread_local! {
    static FSYNCS: Cell<u64> = const { Cell::new(0) };
}

/// How many fsyncs (of files and directories) the calling thread has made through this
/// crate. For tests and diagnostics.
pub fn fsyncs_on_this_thread() -> u64 {
    FSYNCS.with(Cell::get)
}

fn count() {
    FSYNCS.with(|n| n.set(n.get() + 1));
}

/// `fdatasync`: the file's data and the metadata needed to read it back (its size).
pub(crate) fn sync_data(file: &File, path: &Path) -> Result<()> {
    count();
    file.sync_data().io("fsync", path)
}

/// `fsync`: the file's data and all its metadata.
pub(crate) fn sync_all(file: &File, path: &Path) -> Result<()> {
    count();
    file.sync_all().io("fsync", path)
}

/// Fsyncs a directory, making creations, renames and deletions inside it durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    count();
    File::open(dir)
        .and_then(|d| d.sync_all())
        .io("fsync directory", dir)
}
