//! The layout ARCHITECTURE.md describes is the layout of the code: the crate dependency
//! diagram matches the manifests, no module of any crate imports a module that imports it, and
//! no two public types of the libraries share a name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `inclusion-*` crates (and the facade `inclusion`) a manifest's `[dependencies]` names
/// (not dev-dependencies).
fn manifest_dependencies(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let mut deps = BTreeSet::new();
    let mut in_deps = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        let facade = ["inclusion ", "inclusion=", "inclusion."]
            .iter()
            .any(|p| line.starts_with(p));
        if in_deps && (line.starts_with("inclusion-") || facade) {
            let name = line.split(['=', '.', ' ']).next().unwrap();
            deps.insert(name.to_owned());
        }
    }
    deps
}

/// The diagram of ARCHITECTURE.md: the lines `crate <- dep, dep` of the block that follows the
/// line `<!-- dependency diagram -->`.
fn documented_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text
        .find("<!-- dependency diagram -->")
        .expect("ARCHITECTURE.md has a dependency diagram");
    let block = text[start..]
        .split("```")
        .nth(1)
        .expect("the diagram is a fenced block");
    let mut out = BTreeMap::new();
    for line in block.lines().filter(|l| l.contains("<-")) {
        let (name, deps) = line.split_once("<-").unwrap();
        let deps = deps
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty() && *d != "(none)")
            .map(str::to_owned)
            .collect();
        out.insert(name.trim().to_owned(), deps);
    }
    out
}

#[test]
fn the_dependency_diagram_matches_the_manifests() {
    let documented = documented_dependencies();
    let mut actual = BTreeMap::new();
    actual.insert(
        "inclusion".to_owned(),
        manifest_dependencies(&root().join("Cargo.toml")),
    );
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
        if name == "inclusion-anchors" {
            continue; // test support, not published
        }
        actual.insert(name, manifest_dependencies(&dir.join("Cargo.toml")));
    }
    assert_eq!(
        documented, actual,
        "ARCHITECTURE.md's diagram against the manifests"
    );
}

/// The text of a file without its comments (`//` lines and doc comments, `/* */` blocks),
/// strings kept: a doc link to a module is not an import.
fn strip_comments(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out.push_str(&text[start..i]);
        } else if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(b.len(), |n| i + n);
        } else if text[i..].starts_with("/*") {
            i = text[i..].find("*/").map_or(b.len(), |n| i + n + 2);
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The module path of a file of `src` (`read/csv.rs` and `read/csv/mod.rs` are `read::csv`);
/// empty for the crate root.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_str().unwrap().to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        parts.clear();
    }
    parts
}

/// The names the crate root re-exports (`pub use foo::{Bar, baz}`), and their top-level module.
fn reexports(root_code: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let mut rest = root_code;
    while let Some(i) = rest.find("pub use ") {
        rest = &rest[i + "pub use ".len()..];
        let module = ident(rest);
        let after = &rest[module.len()..];
        let Some(after) = after.strip_prefix("::") else {
            continue;
        };
        let items = if let Some(group) = after.strip_prefix('{') {
            &group[..group.find('}').unwrap_or(group.len())]
        } else {
            &after[..after.find(';').unwrap_or(after.len())]
        };
        for item in items.split(',') {
            let name = ident(item.trim());
            if !name.is_empty() {
                names.insert(name, module.clone());
            }
        }
    }
    names
}

/// The module paths a file refers to: `crate::a::b`, `super::x`, `self::x`, groups
/// (`use crate::{a, b::c}`), and `x::` after `mod x;`, each resolved to the longest module
/// prefix that is a file of the crate; `crate::Name` re-exported by the root resolves to its
/// module. In the test module at the end of a file, `super` is the file's own module.
fn references(
    code: &str,
    here: &[String],
    modules: &BTreeSet<Vec<String>>,
    names: &BTreeMap<String, String>,
) -> BTreeSet<Vec<String>> {
    let code = match code.find("mod tests") {
        Some(at) => format!(
            "{}{}",
            &code[..at],
            code[at..]
                .replace("super::super::", "SUPER::")
                .replace("super::", "self::")
                .replace("SUPER::", "super::")
        ),
        None => code.to_owned(),
    };
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for base in ["crate", "super", "self"] {
        let pat = format!("{base}::");
        let mut from = 0;
        while let Some(i) = code[from..].find(&pat) {
            let at = from + i;
            from = at + pat.len();
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let mut path = Vec::new();
            let mut rest = &code[from..];
            loop {
                if let Some(group) = rest.strip_prefix('{') {
                    let end = group.find('}').unwrap_or(group.len());
                    for item in group[..end].split(',') {
                        let mut p = path.clone();
                        p.extend(item.trim().split("::").map(ident).filter(|s| !s.is_empty()));
                        found.push((base.to_owned(), p));
                    }
                    break;
                }
                let name = ident(rest);
                if name.is_empty() {
                    found.push((base.to_owned(), path));
                    break;
                }
                rest = &rest[name.len()..];
                path.push(name);
                match rest.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => {
                        found.push((base.to_owned(), path));
                        break;
                    }
                }
            }
        }
    }
    // `x::f` after `mod x;`.
    for line in code.lines() {
        let l = line.trim_start();
        let l = l
            .strip_prefix("pub ")
            .or_else(|| l.strip_prefix("pub(crate) "))
            .unwrap_or(l);
        if let Some(rest) = l.strip_prefix("mod ") {
            let child = ident(rest);
            if rest[child.len()..].trim_start().starts_with(';')
                && code.contains(&format!("{child}::"))
            {
                found.push(("self".to_owned(), vec![child]));
            }
        }
    }
    let mut out = BTreeSet::new();
    for (base, mut rest) in found {
        let mut start: Vec<String> = match base.as_str() {
            "crate" => {
                if rest.len() == 1
                    && let Some(m) = names.get(&rest[0])
                {
                    rest = vec![m.clone()];
                }
                Vec::new()
            }
            "super" => here[..here.len().saturating_sub(1)].to_vec(),
            _ => here.to_vec(),
        };
        while rest.first().is_some_and(|r| r == "super") {
            start.pop();
            rest.remove(0);
        }
        let mut best = modules.contains(&start).then(|| start.clone());
        for i in 1..=rest.len() {
            let mut candidate = start.clone();
            candidate.extend(rest[..i].iter().cloned());
            if modules.contains(&candidate) {
                best = Some(candidate);
            }
        }
        if let Some(target) = best
            && target != here
            && !target.is_empty()
        {
            out.insert(target);
        }
    }
    out
}

/// For one crate's `src`: each module (every file is one) and the modules it refers to.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(src);
    let modules: BTreeSet<Vec<String>> = files
        .iter()
        .map(|f| module_path(src, f))
        .filter(|m| !m.is_empty())
        .collect();
    let root = ["lib.rs", "main.rs"]
        .iter()
        .map(|f| src.join(f))
        .find(|p| p.is_file())
        .map(|p| strip_comments(&std::fs::read_to_string(p).unwrap()))
        .unwrap_or_default();
    let names = reexports(&root);
    let mut graph = BTreeMap::new();
    for file in &files {
        let here = module_path(src, file);
        if here.is_empty() {
            continue;
        }
        let code = strip_comments(&std::fs::read_to_string(file).unwrap());
        let refs = references(&code, &here, &modules, &names)
            .into_iter()
            .map(|m| m.join("::"))
            .collect();
        graph.insert(here.join("::"), refs);
    }
    graph
}

/// A cycle of the graph, if any, as the list of its modules.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_imports_a_module_that_imports_it() {
    let mut srcs = vec![root().join("src")];
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        srcs.push(entry.unwrap().path().join("src"));
    }
    let mut cycles = Vec::new();
    for src in srcs {
        if let Some(cycle) = find_cycle(&module_graph(&src)) {
            cycles.push(format!("{}: {}", src.display(), cycle.join(" -> ")));
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_cycle_finder_finds_cycles_and_only_cycles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).to_owned())
                .or_default()
                .insert((*b).to_owned());
            g.entry((*b).to_owned()).or_default();
        }
        g
    };
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
    let cycle = find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])).unwrap();
    assert_eq!(cycle.len(), 4);
    assert_eq!(cycle.first(), cycle.last());
    let modules: BTreeSet<Vec<String>> =
        [vec!["a"], vec!["b"], vec!["c"], vec!["c", "d"], vec!["e"]]
            .into_iter()
            .map(|m| m.into_iter().map(String::from).collect())
            .collect();
    let names = reexports("pub use e::{Thing, other};");
    let code = strip_comments(
        "use crate::{a, b::C};\nuse crate::c::d::f;\n$crate::x::y\n// crate::b\nuse crate::Thing;",
    );
    let refs: Vec<String> = references(&code, &["z".to_owned()], &modules, &names)
        .into_iter()
        .map(|m| m.join("::"))
        .collect();
    assert_eq!(refs, ["a", "b", "c::d", "e"]);
}

/// The public types (`pub struct`, `enum`, `trait`, `type`) each source file of a library
/// declares, by name, leaving out those compiled only for doc tests or tests.
fn public_types(file: &Path) -> Vec<String> {
    let text = strip_comments(&std::fs::read_to_string(file).unwrap());
    let lines: Vec<&str> = text.lines().collect();
    let mut names = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = ["pub struct ", "pub enum ", "pub trait ", "pub type "]
            .iter()
            .find_map(|p| line.trim_start().strip_prefix(p))
        else {
            continue;
        };
        // (A macro's template, `pub enum $name`, declares no name here.)
        let name = ident(rest);
        let attributes = lines[i.saturating_sub(3)..i].join(" ");
        if !name.is_empty()
            && !attributes.contains("cfg(doctest)")
            && !attributes.contains("cfg(test)")
        {
            names.push(name);
        }
    }
    names
}

#[test]
fn no_two_public_types_share_a_name() {
    // Library crates only: the command line's types are not public API.
    let mut srcs = vec![root().join("src")];
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let src = entry.unwrap().path().join("src");
        if src.join("lib.rs").exists() {
            srcs.push(src);
        }
    }
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for src in &srcs {
        for file in rust_files(src) {
            for name in public_types(&file) {
                let place = file.strip_prefix(root()).unwrap().display().to_string();
                seen.entry(name).or_default().push(place);
            }
        }
    }
    assert!(seen.len() > 100, "{} public types found", seen.len());
    let twice: Vec<String> = seen
        .iter()
        .filter(|(_, places)| places.len() > 1)
        .map(|(name, places)| format!("{name}: {}", places.join(", ")))
        .collect();
    assert!(
        twice.is_empty(),
        "one public name per concept:\n{}",
        twice.join("\n")
    );
}
