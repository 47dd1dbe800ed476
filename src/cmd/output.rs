//! The output-folder contract shared by the subcommands that write tables: refuse an existing
//! OUTDIR without `--force` (and, with it, one that holds an input), write into a hidden
//! `.OUTDIR.partial-PID` folder beside it that an error or an interrupt removes, and move it
//! into place only when everything is complete, deleting old results only after that.

use super::common::message;
use super::interrupt::{self, Partial};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Refuses an OUTDIR that exists (unless `force`), and with `force` one that is not a folder
/// or that holds one of `precious` (inputs, lexicons) or the current folder, which replacing
/// it would delete.
pub fn check_output(out: &Path, force: bool, precious: &[&Path]) -> anyhow::Result<()> {
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
    let all = precious.iter().copied().filter(|p| p.as_os_str() != "-").chain(cwd.as_deref());
    for p in all {
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

/// Runs `write` on a guarded partial folder for `out` and moves the result into place. On an
/// error or an interrupt the partial folder is removed and `out` is left as it was.
pub fn write_atomically<T>(
    out: &Path,
    force: bool,
    write: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    interrupt::install();
    let partial = Partial::new(partial_dir(out)?);
    // On an error `partial` is dropped, which removes the temporary folder.
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
pub fn move_into_place(tmp: &Path, out: &Path) -> anyhow::Result<()> {
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
pub fn partial_dir(out: &Path) -> anyhow::Result<PathBuf> {
    let tmp = sibling(out, "partial")?;
    std::fs::create_dir_all(&tmp)
        .with_context(|| format!("cannot create the output folder {}", tmp.display()))?;
    Ok(tmp)
}
