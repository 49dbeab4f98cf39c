//! What an operator meets outside Discord: the binary run from a folder without `data/` (the
//! study pack built in), and the HTTP listener's `/healthz` and `/metrics`.

use std::path::PathBuf;
use std::process::Command;

/// An empty folder of its own: no `data/`, no `config/`.
fn empty_folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aura-anywhere-{}-{}",
        std::process::id(),
        crate::app::next()
    ));
    std::fs::create_dir_all(&dir).expect("create a folder");
    dir
}

fn aura_in(dir: &PathBuf) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aura"));
    cmd.current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .env_remove("AURA_DATA_DIR")
        .env("RUST_LOG", "warn");
    cmd
}

#[test]
fn aura_checks_and_answers_from_a_folder_without_data() {
    let dir = empty_folder();
    let out = aura_in(&dir).arg("check").output().expect("run aura");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("built into aura"), "{stdout}");
    assert!(stdout.contains("benjamin: ok"), "{stdout}");

    let out = aura_in(&dir)
        .args(["preview", "/concept name:aura"])
        .output()
        .expect("run aura");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.to_lowercase().contains("aura"), "{stdout}");

    // A folder named by `--data` (or `data_dir`) is checked instead, and said to be.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/several");
    let out = aura_in(&dir)
        .args(["check", "--data"])
        .arg(&fixtures)
        .output()
        .expect("run aura");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the data folder"), "{stderr}");
    assert!(stderr.contains("concepts.toml:"), "{stderr}");
    let out = aura_in(&dir)
        .arg("check")
        .env("AURA_DATA_DIR", &fixtures)
        .output()
        .expect("run aura");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
