//! The crate's shape, checked from its source: imports between the files of `src/` run one way
//! (no cycle, `super::` and a parent's use of its children included), as ARCHITECTURE.md draws
//! them. Code only: comments, doc links, string literals and `#[cfg(test)]` modules are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One file of `src/` as a module path (`devices::scare`; `src/devices/mod.rs` is `devices`,
/// `src/lib.rs` is the empty path) and its code.
struct SourceFile {
    module: String,
    code: String,
}

fn source_files() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).unwrap().with_extension("");
                let mut parts: Vec<String> =
                    rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
                    parts.pop();
                }
                let code = without_tests(&strip_comments_and_literals(
                    &std::fs::read_to_string(&path).unwrap(),
                ));
                out.push(SourceFile { module: parts.join("::"), code });
            }
        }
    }
    out
}

/// The code with comments replaced by spaces and string and character literals emptied.
fn strip_comments_and_literals(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            b'r' if raw_string_hashes(&b[i..]).is_some() => {
                let hashes = raw_string_hashes(&b[i..]).unwrap();
                let close: Vec<u8> =
                    std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                i += 2 + hashes;
                while i < b.len() && !b[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' => i = skip_char_literal(b, i, &mut out),
            c => {
                let len = utf8_len(c);
                out.push_str(&src[i..i + len]);
                i += len;
            }
        }
    }
    out
}

/// With `r` at the start of `b`: the number of `#` of a raw string literal starting there.
fn raw_string_hashes(b: &[u8]) -> Option<usize> {
    let hashes = b[1..].iter().take_while(|&&c| c == b'#').count();
    (b.get(1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// At a `'`: skips a character literal (`'x'`, `'\n'`, `'\u{2019}'`); a lifetime is kept.
fn skip_char_literal(b: &[u8], i: usize, out: &mut String) -> usize {
    if b.get(i + 1) == Some(&b'\\') {
        let mut j = i + 2;
        while j < b.len() && b[j] != b'\'' {
            j += 1;
        }
        return j + 1;
    }
    let len = b.get(i + 1).map_or(1, |&c| utf8_len(c));
    if b.get(i + 1 + len) == Some(&b'\'') {
        return i + 2 + len;
    }
    out.push('\'');
    i + 1
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The code without items compiled only for tests (`#[cfg(test)]`, `#[cfg(all(test, …))]`):
/// test modules may use anything.
fn without_tests(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(") {
        let attr_end = rest[at..].find(']').map_or(rest.len(), |e| at + e + 1);
        let attr = &rest[at..attr_end];
        if find_keyword(attr, "test").is_none() || attr.contains("not(test") {
            out.push_str(&rest[..attr_end]);
            rest = &rest[attr_end..];
            continue;
        }
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = match (after.find('{'), after.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => matching_brace(after, open),
            (_, Some(semi)) => semi + 1,
            _ => after.len(),
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn matching_brace(s: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// Every path the code names: the paths of `use` trees, expanded, and the paths written in
/// expressions and types (`crate::a::b`, `super::x`, `child::y`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_keyword(rest, "use") {
        let stmt_end = rest[at..].find(';').map_or(rest.len(), |e| at + e);
        expand_use_tree(rest[at + 3..stmt_end].trim(), &mut Vec::new(), &mut out);
        rest = &rest[stmt_end..];
    }
    let words: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < words.len() {
        let boundary =
            i == 0 || !(words[i - 1].is_alphanumeric() || matches!(words[i - 1], '_' | ':'));
        if boundary && (words[i].is_alphabetic() || words[i] == '_') {
            let (path, end) = read_path(&words, i);
            if path.len() > 1 {
                out.push(path);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The next `keyword` standing alone as a word.
fn find_keyword(s: &str, keyword: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = s[from..].find(keyword) {
        let at = from + at;
        let before = s[..at].chars().next_back();
        let after = s[at + keyword.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !word(before) && !word(after) {
            return Some(at);
        }
        from = at + keyword.len();
    }
    None
}

fn read_path(w: &[char], mut i: usize) -> (Vec<String>, usize) {
    let mut path = Vec::new();
    loop {
        let start = i;
        while i < w.len() && (w[i].is_alphanumeric() || w[i] == '_') {
            i += 1;
        }
        path.push(w[start..i].iter().collect());
        let more = i + 2 < w.len() && w[i] == ':' && w[i + 1] == ':';
        if more && (w[i + 2].is_alphabetic() || w[i + 2] == '_') {
            i += 2;
        } else {
            return (path, i);
        }
    }
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand_use_tree(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let close = matching_brace(tree, open) - 1;
        let n = prefix.len();
        prefix.extend(head);
        for part in split_top_level(&tree[open + 1..close]) {
            expand_use_tree(part, prefix, out);
        }
        prefix.truncate(n);
    } else if !tree.is_empty() {
        let name = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.clone();
        path.extend(name.split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
        out.push(path);
    }
}

fn split_top_level(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// The module a path names from inside `module` (the longest prefix that is a file), if it is
/// one of this crate's files.
fn resolve(module: &str, path: &[String], files: &BTreeSet<String>) -> Option<String> {
    let mut base: Vec<&str> =
        if module.is_empty() { Vec::new() } else { module.split("::").collect() };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    let full: Vec<String> =
        base.iter().map(|s| s.to_string()).chain(rest.iter().cloned()).collect();
    (base.len() + 1..=full.len())
        .rev()
        .map(|k| full[..k].join("::"))
        .chain(std::iter::once(base.join("::")))
        .find(|m| files.contains(m))
        .filter(|m| m != module)
}

/// File → files it imports.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = source_files();
    let names: BTreeSet<String> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let edges: BTreeSet<String> = paths(&f.code)
            .iter()
            .filter_map(|p| resolve(&f.module, p, &names))
            .filter(|target| !target.is_empty())
            .collect();
        graph.insert(f.module.clone(), edges);
    }
    graph
}

/// The strongly connected components with more than one file (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    self.low.insert(v, self.low[v].min(self.low[w]));
                } else if self.on_stack.contains(w) {
                    self.low.insert(v, self.low[v].min(self.index[w]));
                }
            }
            if self.low[v] == self.index[v] {
                let mut scc = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    scc.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if scc.len() > 1 {
                    scc.sort();
                    self.out.push(scc);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.out.sort();
    walk.out
}

#[test]
fn imports_between_files_run_one_way() {
    let graph = import_graph();
    let found = cycles(&graph);
    let report: Vec<String> = found
        .iter()
        .map(|scc| {
            let edges: Vec<String> = scc
                .iter()
                .flat_map(|a| {
                    graph[a].iter().filter(|b| scc.contains(b)).map(move |b| format!("{a} -> {b}"))
                })
                .collect();
            format!("{{{}}}: {}", scc.join(", "), edges.join("; "))
        })
        .collect();
    assert!(found.is_empty(), "import cycles between files of src/:\n{}", report.join("\n"));
}

#[test]
fn the_parser_sees_uses_paths_and_parents() {
    let files: BTreeSet<String> =
        ["a", "a::b", "a::c", "d"].iter().map(|s| s.to_string()).collect();
    let code = strip_comments_and_literals(
        "use super::{b::X, c}; // crate::d::Y\nfn f() { let s = \"crate::d\"; crate::d::g(); }",
    );
    let found: BTreeSet<_> =
        paths(&code).iter().filter_map(|p| resolve("a::b", p, &files)).collect();
    let want: BTreeSet<String> = ["a::c", "d"].iter().map(|s| s.to_string()).collect();
    assert_eq!(found, want);
    let parent = without_tests(
        "pub use b::X;\n#[cfg(test)]\nmod tests { use crate::d::Z; }\n\
         #[cfg(all(test, unix))]\nmod more { use crate::d::Z; }\n#[cfg(feature = \"x\")]\nuse c::Y;",
    );
    let found: BTreeSet<_> =
        paths(&parent).iter().filter_map(|p| resolve("a", p, &files)).collect();
    assert_eq!(found, BTreeSet::from(["a::b".to_string(), "a::c".to_string()]));
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("x".to_string(), BTreeSet::from(["y".to_string()])),
        ("y".to_string(), BTreeSet::from(["x".to_string()])),
        ("z".to_string(), BTreeSet::from(["x".to_string()])),
    ]
    .into_iter()
    .collect();
    assert_eq!(cycles(&g), vec![vec!["x".to_string(), "y".to_string()]]);
}
