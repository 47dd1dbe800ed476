//! Test harness: a temporary work folder, the real binary, and CSV parsing into rows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Path of a fixture under `tests/data`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

/// Path of a file in the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A temporary folder in which the binary runs.
pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir { dir: tempfile::tempdir().expect("tempdir") }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A `framelens` command with `args`, to run in this folder.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_framelens"));
        c.args(args).current_dir(self.dir.path());
        c
    }

    /// Runs `framelens` with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("running framelens")
    }

    /// Runs and asserts the exit code, returning stdout.
    pub fn run_ok(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "framelens {args:?}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `framelens analyze INPUT -o OUT -q FLAGS…` and asserts it exits 0.
    pub fn analyze_ok(&self, input: &str, out: &str, flags: &[&str]) {
        let mut args = vec!["analyze", input, "-o", out, "-q"];
        args.extend_from_slice(flags);
        self.run_ok(&args, 0);
    }

    /// Reads a CSV output into rows keyed by header name.
    pub fn csv(&self, rel: &str) -> Vec<HashMap<String, String>> {
        read_csv(&self.path(rel))
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }
}

pub fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}
