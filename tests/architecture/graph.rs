//! The files of `src/` as a graph: file A → file B when A uses an item defined in B. Items are
//! followed through `pub use` re-exports (named or glob) to the file that defines them; code
//! under `#[cfg(test)]` and comments are left out. Read from the text, without compiling: a
//! reader of the code's `use` lines and `crate::…` paths, good enough for the crate's style.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A module path below `crate` (`["quiz", "model"]`); the crate root is empty.
type Module = Vec<String>;

pub struct Graph {
    /// Each file's module and its code without tests and comments.
    code: BTreeMap<Module, String>,
    /// Named re-exports: module → name → the path it re-exports.
    named: HashMap<Module, HashMap<String, Vec<String>>>,
    /// Glob re-exports: module → the modules whose items it re-exports.
    globs: HashMap<Module, Vec<Vec<String>>>,
    /// Every path a file names, made absolute.
    uses: HashMap<Module, Vec<Vec<String>>>,
}

impl Graph {
    pub fn read(src: &Path) -> Graph {
        let mut code = BTreeMap::new();
        read_dir(src, src, &mut code);
        let mut g = Graph {
            code,
            named: HashMap::new(),
            globs: HashMap::new(),
            uses: HashMap::new(),
        };
        let modules: Vec<Module> = g.code.keys().cloned().collect();
        for module in modules {
            g.read_uses(&module);
        }
        g
    }

    pub fn files(&self) -> usize {
        self.code.len()
    }

    /// Every `from → to` between two files, as paths below `src/` without `.rs` or `/mod.rs`.
    pub fn edges(&self) -> BTreeSet<(String, String)> {
        let mut edges = BTreeSet::new();
        for (module, paths) in &self.uses {
            for path in paths {
                if let Some(to) = self.resolve(path, 0, false)
                    && &to != module
                    && !to.is_empty()
                {
                    edges.insert((name(module), name(&to)));
                }
            }
        }
        edges
    }

    /// Groups of files that reach each other (strongly connected, more than one file).
    pub fn circles(&self) -> Vec<Vec<String>> {
        let edges = self.edges();
        let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (from, to) in &edges {
            next.entry(from.as_str()).or_default().push(to.as_str());
        }
        let nodes: BTreeSet<&str> = edges
            .iter()
            .flat_map(|(a, b)| [a.as_str(), b.as_str()])
            .collect();
        // Two files are in one circle when each reaches the other.
        let reach = |start: &str| {
            let mut seen = BTreeSet::new();
            let mut todo = vec![start];
            while let Some(n) = todo.pop() {
                for m in next.get(n).into_iter().flatten() {
                    if seen.insert(*m) {
                        todo.push(m);
                    }
                }
            }
            seen
        };
        let reached: BTreeMap<&str, BTreeSet<&str>> =
            nodes.iter().map(|n| (*n, reach(n))).collect();
        let mut circles: Vec<Vec<String>> = Vec::new();
        let mut placed = BTreeSet::new();
        for n in &nodes {
            if placed.contains(n) || !reached[n].contains(n) {
                continue;
            }
            let group: Vec<String> = nodes
                .iter()
                .filter(|m| reached[n].contains(*m) && reached[*m].contains(n))
                .map(|m| m.to_string())
                .collect();
            placed.extend(group.iter().filter_map(|g| nodes.get(g.as_str()).copied()));
            circles.push(group);
        }
        circles
    }

    fn read_uses(&mut self, module: &Module) {
        let code = self.code[module].clone();
        let mut uses = Vec::new();
        for (public, tree) in use_statements(&code) {
            for path in expand(&tree) {
                let Some(absolute) = self.absolute(module, &path.0) else {
                    continue;
                };
                if public {
                    if absolute.last().is_some_and(|s| s == "*") {
                        let mut glob = absolute.clone();
                        glob.pop();
                        self.globs.entry(module.clone()).or_default().push(glob);
                    } else if let Some(last) = absolute.last() {
                        let shown = path.1.clone().unwrap_or_else(|| last.clone());
                        self.named
                            .entry(module.clone())
                            .or_default()
                            .insert(shown, absolute.clone());
                    }
                }
                uses.push(absolute);
            }
        }
        uses.extend(crate_paths(&code));
        self.uses.insert(module.clone(), uses);
    }

    /// `path` as seen from `module`, below `crate`; `None` for another crate's path.
    fn absolute(&self, module: &Module, path: &[String]) -> Option<Vec<String>> {
        let first = path.first()?;
        match first.as_str() {
            "crate" => Some(path[1..].to_vec()),
            "super" | "self" => {
                let mut base = module.clone();
                let mut rest = path;
                while let Some(head) = rest.first().filter(|h| *h == "super" || *h == "self") {
                    if head == "super" {
                        base.pop();
                    }
                    rest = &rest[1..];
                }
                base.extend(rest.iter().cloned());
                Some(base)
            }
            _ => {
                let mut child = module.clone();
                child.push(first.clone());
                self.code.contains_key(&child).then(|| {
                    let mut full = module.clone();
                    full.extend(path.iter().cloned());
                    full
                })
            }
        }
    }

    /// The file that defines what `path` names; with `strict`, `None` unless the name is found.
    fn resolve(&self, path: &[String], depth: usize, strict: bool) -> Option<Module> {
        if depth > 20 {
            return None;
        }
        for split in (1..=path.len()).rev() {
            let module: Module = path[..split].to_vec();
            let Some(code) = self.code.get(&module) else {
                continue;
            };
            let rest = &path[split..];
            let Some(item) = rest.first().filter(|r| *r != "self" && *r != "*") else {
                return Some(module);
            };
            if let Some(target) = self.named.get(&module).and_then(|n| n.get(item)) {
                let mut next = target.clone();
                next.extend(rest[1..].iter().cloned());
                return match self.resolve(&next, depth + 1, false) {
                    Some(found) => Some(found),
                    None if strict => None,
                    None => Some(module),
                };
            }
            if defines(code, item) {
                return Some(module);
            }
            for glob in self.globs.get(&module).into_iter().flatten() {
                let mut next = glob.clone();
                next.extend(rest.iter().cloned());
                if let Some(found) = self.resolve(&next, depth + 1, true) {
                    return Some(found);
                }
            }
            return if strict { None } else { Some(module) };
        }
        None
    }
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("/")
    }
}

fn read_dir(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_dir(root, &path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(root).expect("below src");
        let mut module: Module = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|l| l == "mod") {
            module.pop();
        }
        if module == ["lib"] || module == ["main"] {
            module.clear();
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        out.insert(module, without_tests(&text));
    }
}

/// The code before its first `#[cfg(test)] mod … {`, with `#[cfg(test)] mod …;` lines and
/// comments left out.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]" {
            let next = lines.peek().map(|l| l.trim()).unwrap_or("");
            let declared = next
                .trim_start_matches("pub(super) ")
                .trim_start_matches("pub ");
            if declared.starts_with("mod ") {
                if declared.ends_with('{') {
                    break;
                }
                lines.next();
                continue;
            }
        }
        let code = line.split("//").next().unwrap_or("");
        out.push_str(code);
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `use` statement: whether it re-exports (`pub`, `pub(crate)`…) and its tree, with
/// white space removed (`a::{b,c as d}`), `as` kept as ` as `.
fn use_statements(code: &str) -> Vec<(bool, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("use ") {
        let start = from + at;
        from = start + 4;
        if code[..start].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let Some(end) = code[start..].find(';') else {
            break;
        };
        let before = code[..start].trim_end();
        let public = before.ends_with("pub")
            || (before.ends_with(')')
                && before
                    .rfind("pub(")
                    .is_some_and(|p| !before[p..].contains('\n')));
        let tree: String = code[start + 4..start + end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let tree = tree
            .replace(" as ", "\u{1}")
            .replace(' ', "")
            .replace('\u{1}', " as ");
        found.push((public, tree));
        from = start + end;
    }
    found
}

/// A use tree's paths, each with the name it is given (`as`), if any.
fn expand(tree: &str) -> Vec<(Vec<String>, Option<String>)> {
    let mut out = Vec::new();
    expand_into(&[], tree, &mut out);
    out
}

fn expand_into(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, Option<String>)>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut depth = 0;
        let mut item = String::new();
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if c == ',' && depth == 0 {
                expand_into(prefix, &std::mem::take(&mut item), out);
            } else {
                item.push(c);
            }
        }
        expand_into(prefix, &item, out);
        return;
    }
    if let Some(at) = tree.find("::{") {
        let mut next = prefix.to_vec();
        next.extend(tree[..at].split("::").map(String::from));
        expand_into(&next, &tree[at + 2..], out);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p, Some(a.trim().to_string())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    full.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
    out.push((full, alias));
}

/// Every `crate::a::b` path written in code (not in a `use`), below `crate`: the longest run of
/// names, unless a group or glob follows.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        from = start + "crate::".len();
        if code[..start].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let path: String = code[from..]
            .chars()
            .take_while(|c| is_ident(*c) || *c == ':')
            .collect();
        if path.ends_with(':') {
            continue;
        }
        found.push(path.split("::").map(String::from).collect());
    }
    found
}

/// Whether `code` defines `item` (a function, type, trait, constant, static or macro).
fn defines(code: &str, item: &str) -> bool {
    [
        "fn",
        "struct",
        "enum",
        "trait",
        "type",
        "const",
        "static",
        "macro_rules!",
    ]
    .iter()
    .any(|keyword| {
        let needle = format!("{keyword} {item}");
        code.match_indices(&needle).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            let after = code[at + needle.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
    })
}
