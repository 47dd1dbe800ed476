//! The output-folder contract shared by the subcommands that write tables: refuse an existing
//! folder without `--force` (and, even with it, anything that is not a folder or that holds an
//! input or the current folder); write into a hidden `.OUTDIR.partial-PID` folder beside it,
//! which an error or an interrupt removes; rename it into place only when complete, moving old
//! results aside first and deleting them last.

use super::interrupt::{self, Partial};
use super::message;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Fails when `out` exists and `force` is off. With `force`, fails when `out` is not a folder,
/// or when replacing it would delete one of `keep` (inputs, lexicons) or the current folder.
pub fn check_absent(out: &Path, force: bool, keep: &[&Path]) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(out) else { return Ok(()) };
    if !force {
        bail!("{}: output folder exists (use --force to replace it)", out.display());
    }
    if !meta.is_dir() && !meta.file_type().is_symlink() {
        bail!(
            "{}: exists and is not a folder; --force only replaces an output folder",
            out.display()
        );
    }
    let Ok(out_c) = std::fs::canonicalize(out) else { return Ok(()) };
    let cwd = std::env::current_dir().ok();
    let precious = keep.iter().copied().filter(|p| p.as_os_str() != "-").chain(cwd.as_deref());
    for p in precious {
        if std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&out_c)) {
            bail!(
                "{}: not replacing it with --force: it holds {}, which would be deleted",
                out.display(),
                p.display()
            );
        }
    }
    Ok(())
}

/// Runs `write` on a partial folder for `out` and moves the result into place. On an error or
/// an interrupt the partial folder is removed and `out` is left as it was. An `out` that
/// appeared meanwhile is replaced only with `force`; otherwise the finished results are kept
/// in the partial folder and the error names it.
pub fn write_atomically<T>(
    out: &Path,
    force: bool,
    write: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    interrupt::install();
    let partial = Partial::new(partial_dir(out)?);
    // On an error `partial` is dropped, which removes the folder.
    let value = write(partial.path())
        .with_context(|| format!("no results written ({} was left as it was)", out.display()))?;
    if !force && std::fs::symlink_metadata(out).is_ok() {
        let kept = partial.keep();
        bail!(
            "{}: appeared during the run and was not replaced (no --force); the complete results are in {}",
            out.display(),
            kept.display()
        );
    }
    partial.commit(|tmp| move_into_place(tmp, out))?;
    Ok(value)
}

/// Moves the finished `tmp` folder to `out`. An old `out` is first renamed aside and deleted
/// only once the new results are in place, so a failure leaves the old results.
fn move_into_place(tmp: &Path, out: &Path) -> anyhow::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        return std::fs::rename(tmp, out)
            .with_context(|| format!("moving results into {}", out.display()));
    }
    let old = sibling(out, "old")?;
    std::fs::rename(out, &old).with_context(|| format!("moving old {} aside", out.display()))?;
    if let Err(e) = std::fs::rename(tmp, out) {
        let _ = std::fs::rename(&old, out);
        return Err(e).with_context(|| format!("moving results into {}", out.display()));
    }
    if let Err(e) = std::fs::remove_dir_all(&old).or_else(|_| std::fs::remove_file(&old)) {
        message(format_args!(
            "framelens: warning: could not delete the old results in {}: {e}",
            old.display()
        ));
    }
    Ok(())
}

/// `.NAME.<what>-PID` beside `out`: hidden, so it never looks like finished results.
fn sibling(out: &Path, what: &str) -> anyhow::Result<PathBuf> {
    let name = out.file_name().map_or("framelens-out".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let path = parent.join(format!(".{name}.{what}-{}", std::process::id()));
    if std::fs::symlink_metadata(&path).is_ok() {
        std::fs::remove_dir_all(&path)
            .or_else(|_| std::fs::remove_file(&path))
            .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(path)
}

/// A fresh folder beside `out` that does not look like a finished result.
fn partial_dir(out: &Path) -> anyhow::Result<PathBuf> {
    let tmp = sibling(out, "partial")?;
    std::fs::create_dir_all(&tmp)
        .with_context(|| format!("cannot create the output folder {}", tmp.display()))?;
    Ok(tmp)
}
