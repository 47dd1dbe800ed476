//! The output-folder contract shared by the subcommands that write tables: refuse an existing
//! folder without `--force`, write into a hidden `.OUTDIR.partial-PID` folder beside it, and
//! rename that into place only when everything is complete.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Fails when `out` exists and `force` is off.
pub fn check_absent(out: &Path, force: bool) -> anyhow::Result<()> {
    if out.exists() && !force {
        bail!("{}: output folder exists (use --force to replace it)", out.display());
    }
    Ok(())
}

/// A fresh folder beside `out` that does not look like a finished result.
pub fn partial_dir(out: &Path) -> anyhow::Result<PathBuf> {
    let name = out.file_name().map_or("framelens-out".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = parent.join(format!(".{name}.partial-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).with_context(|| format!("removing {}", tmp.display()))?;
    }
    std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    Ok(tmp)
}

/// Runs `write` on a partial folder for `out` and moves the result into place; on failure the
/// partial folder is removed and `out` is left as it was.
pub fn write_atomically<T>(
    out: &Path,
    write: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let tmp = partial_dir(out)?;
    let value = match write(&tmp) {
        Ok(v) => v,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("removing old {}", out.display()))?;
    }
    std::fs::rename(&tmp, out).with_context(|| format!("moving results into {}", out.display()))?;
    Ok(value)
}
