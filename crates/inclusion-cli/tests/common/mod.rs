//! Running the built `inclusion` binary in a scratch folder, with a fixed environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The binary, in `dir`, with French messages (no `LANG`), no colour and a 100-column help.
pub fn inclusion(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_inclusion"));
    cmd.current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1");
    cmd
}

/// A fresh scratch folder for one test (unique even when called again by tests running at
/// the same time).
pub fn scratch(test: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("inclusion-cli-{}-{n}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes `content` to `dir/name`; returns the path.
pub fn file(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a test file");
    path
}

/// The repository's root (for `examples/` and `schemas/`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";
pub const GOOD_ROW: &str = "p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02";
pub const BAD_ROW: &str = "p2,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02";

/// Runs `args` in `dir` and checks that the command fails with status 2 and a message on the
/// standard error that contains `needle`.
pub fn fails(dir: &Path, args: &[&str], needle: &str) {
    inclusion(dir)
        .args(args)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(needle));
}

/// Runs `args` in `dir`, checks that the command succeeds, and gives its standard output.
pub fn succeeds(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = inclusion(dir).args(args).assert().success();
    out.get_output().stdout.clone()
}
