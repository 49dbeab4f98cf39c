//! Builds the study packs under `data/` into the binary: one `include_str!` per pack file, so
//! that Aura runs from any folder, and a changed or added file rebuilds the crate.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = Path::new(&manifest).join("data");
    let mut code = String::from(
        "/// The packs under `data/` when Aura was built: (pack id, [(file name, text)]).\n\
         pub static PACKS: &[(&str, &[(&str, &str)])] = &[\n",
    );
    for pack in sorted(&data, |p| p.is_dir()) {
        let Some(id) = pack.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let _ = writeln!(code, "    ({id:?}, &[");
        for file in sorted(&pack, |p| {
            p.is_file() && p.extension().is_some_and(|e| e == "toml")
        }) {
            let (Some(name), Some(path)) =
                (file.file_name().and_then(|n| n.to_str()), file.to_str())
            else {
                continue;
            };
            let _ = writeln!(code, "        ({name:?}, include_str!({path:?})),");
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("embedded_packs.rs"), code).expect("write the embedded packs");
}

/// The entries of `dir` that `keep` accepts, sorted; none when it cannot be read.
fn sorted(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| keep(p))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
