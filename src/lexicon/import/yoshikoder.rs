//! Yoshikoder `.ykd` and Lexicoder 2 `.lcd`: XML `<cnode name>` categories holding
//! `<pnode name>` patterns. A lone top-level cnode holding others is the dictionary's root,
//! not a category; a cnode that only holds one pattern spelling its own name (Yoshikoder
//! saves word lists so) is that pattern of its parent. Lexicoder 2 patterns are substrings
//! with spaces as word boundaries: a pattern without a trailing space becomes a prefix.

use super::model::{DictEntry, Format};
use super::xml::{Tag, tags};
use crate::error::{Error, Result};

/// A cnode while it is read.
struct Node {
    name: String,
    patterns: Vec<DictEntry>,
    children: usize,
}

/// The entries of a `.ykd` or `.lcd` text.
pub(crate) fn read(origin: &str, text: &str, format: Format) -> Result<Vec<DictEntry>> {
    let tags = tags(text).map_err(|(l, c, m)| Error::lexicon(origin, l, c, m))?;
    let name_of = |attrs: &[(String, String)], line, column| {
        attrs.iter().find(|(k, _)| k == "name").map(|(_, v)| v.clone()).ok_or_else(|| {
            Error::lexicon(origin, line, column, "a cnode or pnode without a name attribute")
        })
    };
    let mut stack: Vec<Node> = Vec::new();
    let mut tops: Vec<Node> = Vec::new();
    let mut loose = Vec::new();
    for t in tags {
        match t {
            Tag::Open { name, attrs, empty, line, column } if name == "cnode" => {
                let node = Node {
                    name: name_of(&attrs, line, column)?,
                    patterns: Vec::new(),
                    children: 0,
                };
                stack.push(node);
                if empty {
                    close(&mut stack, &mut tops);
                }
            }
            Tag::Open { name, attrs, line, column, .. } if name == "pnode" => {
                let p = name_of(&attrs, line, column)?;
                let term = if format == Format::Lexicoder2 { lexicoder_pattern(&p) } else { p };
                let e = DictEntry { term, category: Vec::new(), line, column };
                match stack.last_mut() {
                    Some(n) => n.patterns.push(e),
                    None => loose.push(e),
                }
            }
            Tag::Close { name, line, column } if name == "cnode" => {
                if stack.is_empty() {
                    return Err(Error::lexicon(origin, line, column, "</cnode> without <cnode>"));
                }
                close(&mut stack, &mut tops);
            }
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(Error::lexicon(
            origin,
            1,
            0,
            format!("<cnode name=\"{}\"> is never closed", open.name),
        ));
    }
    if let Some(e) = loose.first() {
        return Err(Error::lexicon(origin, e.line, e.column, "a pattern outside any category"));
    }
    let mut out: Vec<DictEntry> = tops.into_iter().flat_map(|n| n.patterns).collect();
    // A lone root holding every category is not a level of its own.
    let root = out.first().map(|e| e.category[0].clone());
    if out.iter().all(|e| e.category.len() > 1 && Some(&e.category[0]) == root.as_ref()) {
        out.iter_mut().for_each(|e| {
            e.category.remove(0);
        });
    }
    Ok(out)
}

/// Closes the innermost cnode: its patterns get its name as their top level and move to its
/// parent (or become a top-level node).
fn close(stack: &mut Vec<Node>, tops: &mut Vec<Node>) {
    let Some(mut node) = stack.pop() else { return };
    let word_node = node.children == 0
        && node.patterns.len() == 1
        && squash(&node.patterns[0].term) == squash(&node.name)
        && !stack.is_empty();
    if !word_node {
        for p in &mut node.patterns {
            p.category.insert(0, node.name.clone());
        }
    }
    match stack.last_mut() {
        Some(parent) => {
            parent.children += usize::from(!word_node);
            parent.patterns.append(&mut node.patterns);
        }
        None => tops.push(node),
    }
}

/// A name without spaces, lowercase, to compare a word node with its pattern.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// A Lexicoder 2 substring pattern in import syntax: spaces around it mark word boundaries,
/// so without a trailing space it matches any word starting so (a prefix); a missing leading
/// space (a match inside a word) cannot be expressed and is dropped.
fn lexicoder_pattern(p: &str) -> String {
    let t = p.trim();
    if p.ends_with(' ') || t.is_empty() || t.ends_with('*') {
        t.to_string()
    } else {
        format!("{t}*")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(t: &str, f: Format) -> Vec<(String, String)> {
        read("d.ykd", t, f).unwrap().into_iter().map(|e| (e.term, e.category.join("/"))).collect()
    }

    #[test]
    fn roots_and_word_nodes_roll_up() {
        let t = r#"<dictionary style="050805"><cnode name="Dictionary"><cnode name="pos">
<cnode name="gut"><pnode name="gut"/></cnode><cnode name="dieihren X"><pnode name="die ihren X"/></cnode>
<pnode name="toll"/></cnode><cnode name="neg"><cnode name="schlecht"><pnode name="schlecht"/></cnode></cnode></cnode></dictionary>"#;
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            cats(t, Format::Yoshikoder),
            vec![s("gut", "pos"), s("die ihren X", "pos"), s("toll", "pos"), s("schlecht", "neg")]
        );
        let lcd = r#"<dictionary name="x"><cnode name="t1"><pnode name=" NBB "></pnode><pnode name=" huwelijk"></pnode><pnode name="econom"/></cnode></dictionary>"#;
        assert_eq!(
            cats(lcd, Format::Lexicoder2),
            vec![s("NBB", "t1"), s("huwelijk*", "t1"), s("econom*", "t1")]
        );
        let err = read("d.ykd", "<cnode name='a'>\n<pnode/>", Format::Yoshikoder).unwrap_err();
        assert_eq!(err.to_string(), "d.ykd:2:1: a cnode or pnode without a name attribute");
    }
}
