//! Ctrl-C, SIGTERM and SIGHUP during `analyze`: the partial results folder is removed and the
//! process exits with [`EXIT_INTERRUPTED`](super::common::EXIT_INTERRUPTED), so an interrupted run
//! leaves nothing that looks like results. Moving finished results into place is guarded, so
//! an interrupt cannot cut it in half.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The partial folder to remove on an interrupt, if any.
static PARTIAL: Mutex<Option<PathBuf>> = Mutex::new(None);

fn lock() -> MutexGuard<'static, Option<PathBuf>> {
    PARTIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs the handler (once per process; a second call changes nothing).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let mut partial = lock();
        if let Some(p) = partial.take() {
            let _ = std::fs::remove_dir_all(p);
        }
        super::common::message(format_args!("framelens: interrupted; no results were written"));
        std::process::exit(i32::from(super::common::EXIT_INTERRUPTED));
    });
}

/// A partial results folder: removed on an interrupt, on an error and when dropped, unless
/// [`commit`](Partial::commit) moved it into place.
pub struct Partial {
    path: PathBuf,
}

impl Partial {
    /// Guards `path` (an existing folder).
    pub fn new(path: PathBuf) -> Partial {
        *lock() = Some(path.clone());
        Partial { path }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stops guarding the folder and leaves it where it is.
    pub fn keep(self) -> PathBuf {
        let mut guarded = lock();
        if guarded.as_deref() == Some(self.path.as_path()) {
            *guarded = None;
        }
        drop(guarded);
        self.path.clone()
    }

    /// Runs `finish` (which moves the folder into place) with interrupts held off; on success
    /// the folder is no longer removed.
    pub fn commit(self, finish: impl FnOnce(&Path) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let mut guarded = lock();
        let result = finish(&self.path);
        if result.is_ok() {
            *guarded = None;
        }
        result
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        let mut guarded = lock();
        if guarded.as_deref() == Some(self.path.as_path()) {
            let _ = std::fs::remove_dir_all(&self.path);
            *guarded = None;
        }
    }
}
