//! The binary against its environment: a closed pipe ends it quietly with success, a full disk
//! (`/dev/full`) gives a clear error and exit 2, and nothing panics (exit 101).

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{BAD_ROW, HEADER, file, scratch, text};

/// `big.csv`, whose validation report is far larger than a pipe's buffer, and `good.csv`,
/// 3,000 valid rows.
fn big_files(dir: &std::path::Path) {
    let mut bad = format!("{HEADER}\n");
    let mut good = format!("{HEADER}\n");
    for i in 0..3_000 {
        bad.push_str(BAD_ROW);
        bad.push('\n');
        good.push_str(&format!(
            "p{i},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"
        ));
    }
    file(dir, "big.csv", bad);
    file(dir, "good.csv", good);
}

fn binary(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_inclusion"));
    cmd.current_dir(dir).env_remove("LANG").env("NO_COLOR", "1");
    cmd
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let dir = scratch("io-pipe");
    big_files(&dir);
    for args in [
        &["validate", "big.csv"][..],
        &["convert", "good.csv", "--to", "json", "-q"][..],
        &["orient", "--questionnaire"][..],
        &["dedup", "good.csv", "--allow-internal"][..],
        &["completions", "bash"][..],
    ] {
        let mut child = binary(&dir)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Read one line, as `| head -1` does, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        let n = stdout.read(&mut first).unwrap();
        assert!(n > 0, "{args:?}");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("erreur"), "{args:?}: {stderr}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_clear_error_with_exit_2() {
    let dir = scratch("io-full");
    big_files(&dir);
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    // The standard output on a full device.
    let out = binary(&dir)
        .args(["validate", "big.csv"])
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(
            "erreur : impossible d'écrire dans la sortie standard : No space left on device"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("libérez de la place"), "{stderr}");
    // `-o` on a full device.
    let out = binary(&dir)
        .args([
            "--lang",
            "en",
            "convert",
            "good.csv",
            "--to",
            "csv",
            "-o",
            "/dev/full",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot write to /dev/full: No space left on device"));
    // Each file `dedup` writes, on a full device.
    for flag in ["-o", "--pairs", "--review", "--report"] {
        let out = binary(&dir)
            .args(["--lang", "en", "dedup", "good.csv", "-q", flag, "/dev/full"])
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag}: {stderr}");
        assert!(
            stderr.contains("cannot write to /dev/full: No space left on device"),
            "{flag}: {stderr}"
        );
    }
    // `-o /dev/null` is a success.
    let out = binary(&dir)
        .args([
            "convert",
            "good.csv",
            "--to",
            "csv",
            "-q",
            "-o",
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The standard error on a full device: the output is still written, and the status says
    // that messages were lost; no panic.
    let out = binary(&dir)
        .args(["convert", "good.csv", "--to", "json", "-o", "o.json"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("o.json")).unwrap()).unwrap();
    assert_eq!(written.as_array().unwrap().len(), 3_000);
}

#[test]
fn an_unreadable_file_is_exit_2_not_a_panic() {
    let dir = scratch("io-unreadable");
    let path = file(&dir, "secret.csv", "id\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        // root reads anything: only check the refusal when it happens.
        if std::fs::read(&path).is_err() {
            let out = binary(&dir)
                .args(["validate", "secret.csv"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2));
            assert!(text(&out.stderr).contains("lecture refusée"));
        }
    }
    let out = binary(&dir).args(["validate", "/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A named FIFO (what `<(zcat places.csv.gz)` or a pipeline's named pipe gives) is read from
/// the one handle opened: opened again, it would wait for a writer that is gone.
#[cfg(unix)]
#[test]
fn a_named_fifo_is_read_as_a_file() {
    let dir = scratch("io-fifo");
    big_files(&dir);
    let good = std::fs::read(dir.join("good.csv")).unwrap();
    for command in ["validate", "convert"] {
        let fifo = dir.join(format!("{command}.csv"));
        let made = Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let mut child = binary(&dir)
            .args([command, &format!("{command}.csv"), "-q", "--threads", "2"])
            .args(if command == "validate" {
                ["--format", "json"]
            } else {
                ["--to", "json"]
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Blocks until the binary opens the FIFO.
        std::fs::write(&fifo, &good).unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{command}: {out}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = match command {
            "validate" => json["rows"].as_u64(),
            _ => json.as_array().map(|places| places.len() as u64),
        };
        assert_eq!(rows, Some(3_000), "{command}");
    }
}
