//! Where the study library comes from: the packs built into the binary (the default, so that a
//! bare binary or a container runs from any folder) or a data folder named by `--data` or the
//! `data_dir` setting. Problems in either name file, line, column and item id alike.

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::{PackDir, file_problem, load_from};
use super::{Library, Report};

mod built {
    include!(concat!(env!("OUT_DIR"), "/embedded_packs.rs"));
}

/// The packs to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Packs {
    /// The copy of `data/` taken when Aura was built.
    Embedded,
    /// A data folder holding one folder per pack.
    Folder(PathBuf),
}

impl Packs {
    /// A folder when one is given, else the packs built in.
    pub fn from_option(folder: Option<PathBuf>) -> Packs {
        folder.map_or(Packs::Embedded, Packs::Folder)
    }

    /// Loads and validates every pack of this source.
    pub fn load(&self) -> Result<Library, Report> {
        match self {
            Packs::Folder(dir) => super::load(dir),
            Packs::Embedded => load_embedded(built::PACKS),
        }
    }
}

impl fmt::Display for Packs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Packs::Embedded => f.write_str("the study pack built into aura"),
            Packs::Folder(dir) => write!(f, "the data folder {}", dir.display()),
        }
    }
}

type Files = &'static [(&'static str, &'static str)];

fn load_embedded(packs: &[(&str, Files)]) -> Result<Library, Report> {
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    for (id, files) in packs {
        let path = Path::new("data").join(id);
        match load_from(PackDir::Embedded { path: &path, files }) {
            Ok(pack) => loaded.push(pack),
            Err(report) => problems.extend(report.problems),
        }
    }
    if loaded.is_empty() && problems.is_empty() {
        problems.push(file_problem(
            Path::new("data"),
            "no pack was built into aura: build it with data/<pack>/work.toml present, or \
             name a data folder with --data"
                .into(),
        ));
    }
    if problems.is_empty() {
        Ok(Library { packs: loaded })
    } else {
        Err(Report { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::ProblemKind;

    #[test]
    fn the_built_in_packs_are_the_data_folder() {
        let built = Packs::Embedded.load().unwrap_or_else(|r| panic!("{r}"));
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let folder = Packs::Folder(dir).load().unwrap_or_else(|r| panic!("{r}"));
        let ids = |l: &Library| l.packs.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&built), ids(&folder));
        assert!(!built.packs.is_empty());
        for (b, f) in built.packs.iter().zip(&folder.packs) {
            assert_eq!(b.questions.len(), f.questions.len());
            assert_eq!(b.quotes.len(), f.quotes.len());
        }
    }

    #[test]
    fn a_built_in_problem_names_file_line_and_item() {
        static BROKEN: Files = &[
            ("work.toml", "[work]\nid = \"w\"\n"),
            ("quiz.toml", "[[question]]\nid = \"q1\"\nprompt = 3\n"),
        ];
        let report = load_embedded(&[("broken", BROKEN)]).expect_err("broken");
        let shown = report.to_string();
        assert!(shown.contains("data/broken/work.toml"), "{shown}");
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::Schema && p.line > 0),
            "{shown}"
        );
    }

    #[test]
    fn nothing_built_in_is_a_clear_problem() {
        let report = load_embedded(&[]).expect_err("empty");
        assert!(report.to_string().contains("--data"), "{report}");
    }
}
