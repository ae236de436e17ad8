//! The layout ARCHITECTURE.md describes is the layout of the code: the crate dependency
//! diagram matches the manifests, and no module of any crate imports a module that imports it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `inclusion-*` crates a manifest's `[dependencies]` names (not dev-dependencies).
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
        if in_deps && line.starts_with("inclusion-") {
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

/// The code of a file before its `#[cfg(test)]` module (tests may use anything), without
/// comment lines (a doc link to a module is not an import).
fn code_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named by `crate::name` paths and `use crate::{a, b::c}` groups.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let preceded_by_dollar = rest[..i].ends_with('$');
        if after.starts_with('{') {
            let end = after.find('}').unwrap_or(after.len());
            for item in after[1..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else if !preceded_by_dollar {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
        rest = after;
    }
    out
}

/// For one crate's `src`: each top-level module and the top-level modules it refers to.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| top_module(src, f))
        .filter(|m| m != "lib")
        .collect();
    for file in &files {
        let module = top_module(src, file);
        if module == "lib" {
            continue;
        }
        let refs: Vec<String> = crate_paths(&code_of(file))
            .into_iter()
            .filter(|r| modules.contains(r) && *r != module)
            .collect();
        graph.entry(module).or_default().extend(refs);
    }
    graph
}

fn top_module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_str()
        .unwrap();
    first.trim_end_matches(".rs").to_owned()
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
    let paths = crate_paths("use crate::{a, b::C};\nuse crate::c::d;\n$crate::e::f");
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        ["a", "b", "c"].map(String::from)
    );
}
