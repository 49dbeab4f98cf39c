//! The loaded study library with its search index: what every front end (the terminal preview,
//! the Discord adapter) answers from.

use std::path::Path;

use crate::pack::{self, Lang, Library, Report};
use crate::search::Index;

/// The library and its index, built once at start-up and shared read-only.
#[derive(Debug)]
pub struct Core {
    pub library: Library,
    pub index: Index,
    /// The language for members whose Discord locale is neither Indonesian nor English.
    pub default_lang: Lang,
}

impl Core {
    /// Loads and validates every pack under `data_dir`.
    pub fn load(data_dir: &Path, default_lang: Lang) -> Result<Core, Report> {
        let library = pack::load(data_dir)?;
        Ok(Core::new(library, default_lang))
    }

    pub fn new(library: Library, default_lang: Lang) -> Core {
        let index = Index::build(&library);
        Core {
            library,
            index,
            default_lang,
        }
    }

    /// The language for a Discord locale code.
    pub fn lang_for(&self, locale: Option<&str>) -> Lang {
        Lang::from_locale(locale, self.default_lang)
    }
}
