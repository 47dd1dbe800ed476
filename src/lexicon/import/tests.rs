//! Conversion to lexicon rows, every reader on arbitrary input (never a panic), and every
//! reader on the real dictionaries of `../shared/data/dictionaries` when that folder exists.

use super::*;
use crate::language::Language;

fn entry(term: &str, cat: &[&str], line: u64) -> DictEntry {
    DictEntry {
        term: term.into(),
        category: cat.iter().map(|c| c.to_string()).collect(),
        line,
        column: 1,
    }
}

#[test]
fn patterns_match_as_written() {
    let p = |t: &str| to_pattern(t).unwrap();
    assert_eq!(p("abandon*"), Some("abandon*".into()));
    assert_eq!(p("heckl**"), Some("heckl*".into()));
    assert_eq!(p("Beyond the pale"), Some("=Beyond =the =pale".into()));
    assert_eq!(p("fair-*"), Some("=fair".into()));
    assert_eq!(p("co-operative*"), Some("co-operative*".into()));
    assert_eq!(p("zuzugeben,"), Some("=zuzugeben,".into()));
    assert_eq!(p("( '}{' )"), None);
    assert!(to_pattern("ter*ror").unwrap_err().contains("may only end a word"));
    assert!(to_pattern("*").unwrap_err().contains("alone"));
}

#[test]
fn safe_levels() {
    assert_eq!(safe_level("+STATE+"), "plus_state_plus");
    assert_eq!(safe_level("=STATE="), "eq_state_eq");
    assert_eq!(safe_level("-STATE-"), "-state-");
    assert_eq!(safe_level("CON ENVIRONMENT"), "con_environment");
    assert_eq!(safe_level("HarmVirtue"), "harmvirtue");
    assert_eq!(safe_level("care.virtue"), "care.virtue");
    assert_eq!(safe_level("Côte d'Ivoire"), "côte_d_ivoire");
    assert_eq!(safe_level("!!"), "_");
}

#[test]
fn one_dimension_per_category_terms_merged() {
    let e = vec![
        entry("preserve", &["A"], 1),
        entry("preserve", &["B"], 1),
        entry("Preserve", &["A"], 2),
        entry("WAR IN IRAQ", &["C", "Sub"], 3),
    ];
    let dims = dimensions("d/x.dic", "x", &e).unwrap();
    let got: Vec<(&str, Vec<&str>)> =
        dims.iter().map(|(n, r)| (&**n, r.iter().map(|r| &*r.pattern).collect())).collect();
    assert_eq!(
        got,
        vec![
            ("x/a", vec!["=preserve"]),
            ("x/b", vec!["=preserve"]),
            ("x/c/sub", vec!["=WAR =IN =IRAQ"])
        ]
    );
    assert_eq!(dims[0].1[0].source, "x.dic:1");
    let clash = dimensions("x.dic", "x", &[entry("a", &["A B"], 1), entry("b", &["a_b"], 4)]);
    assert_eq!(
        clash.unwrap_err().to_string(),
        "x.dic:4:1: categories 'a b' and 'a_b' have the same name once made safe ('x/a_b')"
    );
    let bad = dimensions("x.dic", "x", &[entry("a", &["A"], 1), entry("b*c", &["A"], 7)]);
    assert_eq!(
        bad.unwrap_err().to_string(),
        "x.dic:7:1: 'b*c': a wildcard '*' may only end a word"
    );
}

#[test]
fn imported_entries_are_content_and_never_stemmed() {
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    b.add_bundled().unwrap();
    let dims = dimensions("h.dic", "hedge", &[entry("kill*", &["x"], 1)]).unwrap();
    // A dictionary named like a bundled category would merge into it.
    assert!(check_name(&b, "h.dic", "hedge").unwrap_err().to_string().contains("already loaded"));
    let dims2 =
        dimensions("m.dic", "mfd", &[entry("kills", &["harm"], 1), entry("kill*", &["harm"], 2)])
            .unwrap();
    for (name, rows) in dims2 {
        b.add_rows("m.dic", &name, String::new(), rows).unwrap();
    }
    drop(dims);
    let lex = b.build();
    let e = lex.entries().iter().position(|e| &*e.pattern == "=kills").unwrap();
    let id = crate::lexicon::EntryId(e as u32);
    assert_eq!(lex.roles().role(id), crate::lexicon::Role::Content);
    assert!(matches!(lex.entry(id).elems[0], crate::lexicon::Elem::Exact(_)));
    assert_eq!(&*lex.category(lex.entry(id).category).path, "mfd/harm");
}

/// Every reader on `bytes`: an error with a position or entries, never a panic.
fn read_all(bytes: &[u8]) {
    for &(name, format, _) in FORMATS {
        if format == Format::Csv {
            continue;
        }
        let origin = format!("f.{name}");
        match read(&origin, format, bytes) {
            Ok(entries) => {
                let _ = dimensions(&origin, "f", &entries);
            }
            Err(e) => assert!(e.to_string().starts_with(&origin), "{e}"),
        }
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = valence::rows("v.txt", "v", &text);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    #[test]
    fn readers_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
        read_all(&bytes);
    }

    #[test]
    fn readers_never_panic_on_format_like_text(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "%", "\n", "\r", "\r\n", "\t", " ", "01", "2", "x*", "*", "a b", "+neg#F", "<cnode name=\"c\">",
            "</cnode>", "<pnode name='p'/>", "<pnode", "'K':", " [a, b, ]", "- x", ":", "(1)", "é", "DicTerm,", ",X",
            "\"", "&amp;", "&#x;", "#", "---", "(02 1)3/4", "_",
        ]), 0..40)
    ) {
        read_all(parts.concat().as_bytes());
    }
}

/// The real dictionaries (see their README), read by path; `None` (with a message) when absent.
fn real(file: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/dictionaries")
        .join(file);
    if !p.exists() {
        eprintln!("skipped: {} not found", p.display());
        return None;
    }
    Some(p)
}

/// `(categories, entries before merging, distinct category paths with their entry counts)`.
fn load_real(file: &str) -> Option<(Vec<(String, usize)>, usize)> {
    let path = real(file)?;
    let spec = DictSpec::parse(&path.display().to_string());
    let bytes = std::fs::read(&path).unwrap();
    let origin = path.display().to_string();
    let entries = read(&origin, spec.resolve(&bytes).unwrap(), &bytes).unwrap();
    let dims = dimensions(&origin, &dictionary_name(&path), &entries).unwrap();
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    b.add_dictionary(&spec).unwrap();
    let lex = b.build();
    assert_eq!(lex.files().len(), dims.len());
    Some((dims.into_iter().map(|(n, r)| (n, r.len())).collect(), entries.len()))
}

fn count(dims: &[(String, usize)], name: &str) -> usize {
    dims.iter().find(|(n, _)| n == name).map_or(0, |d| d.1)
}

#[test]
fn real_liwc_dic() {
    let Some((dims, n)) = load_real("moral_foundations_dictionary.dic") else { return };
    assert_eq!(dims.len(), 11);
    assert!(dims.iter().all(|(d, _)| d.starts_with("moral_foundations_dictionary/")));
    // 324 entry lines, 32 of which name several categories.
    assert!(n > 324, "{n}");
    assert!(count(&dims, "moral_foundations_dictionary/harmvirtue") > 0);
}

#[test]
fn real_wordstat_cat() {
    let Some((dims, n)) = load_real("Laver_and_Garry_2000.cat") else { return };
    assert_eq!(n, 418);
    // 17 sub-categories and the 3 top-level categories with entries of their own.
    assert_eq!(dims.len(), 20, "{dims:?}");
    assert!(count(&dims, "laver_and_garry_2000/institutions/conservative") > 0);
    assert!(count(&dims, "laver_and_garry_2000/values/conservative") > 0);
    assert!(count(&dims, "laver_and_garry_2000/economy/plus_state_plus") > 0);
    assert!(count(&dims, "laver_and_garry_2000/economy/eq_state_eq") > 0);
    assert_eq!(count(&dims, "laver_and_garry_2000/culture"), 3);
}

#[test]
fn real_lexicoder_lc3() {
    let Some((dims, n)) = load_real("LSD2015.lc3") else { return };
    assert_eq!(n, 4567);
    assert_eq!(count(&dims, "lsd2015/negative"), 2858);
    assert_eq!(count(&dims, "lsd2015/positive"), 1709);
}

#[test]
fn real_lexicoder_lcd() {
    let Some((dims, n)) = load_real("dutch_dictionary.lcd") else { return };
    assert_eq!(n, 1862);
    assert_eq!(dims.len(), 23);
    assert!(dims.iter().all(|(d, _)| d.starts_with("dutch_dictionary/t")));
}

#[test]
fn real_yoshikoder_ykd() {
    let Some((dims, n)) = load_real("dict-de-from-ra.ykd") else { return };
    assert_eq!(n, 10344);
    let names: Vec<&str> = dims.iter().map(|d| &*d.0).collect();
    assert_eq!(names, ["dict-de-from-ra/pos", "dict-de-from-ra/neg"]);
}

#[test]
fn real_quanteda_yaml() {
    let Some((dims, n)) = load_real("english.yml") else { return };
    assert_eq!(n, 819);
    assert!(count(&dims, "english/africa/east/ke") == 3);
    let mq = dims.iter().find(|(d, _)| d.ends_with("/mq")).unwrap();
    assert_eq!(mq.1, 2, "the trailing comma adds no empty entry");
    assert!(dims.iter().any(|(d, _)| d.ends_with("/no")), "NO is Norway, a key");
    assert!(dims.iter().all(|(d, _)| d.split('/').count() == 4));
}

#[test]
fn real_vader_valence() {
    let Some(path) = real("vader_lexicon.txt") else { return };
    let text = std::fs::read_to_string(&path).unwrap();
    let rows = valence::rows("vader_lexicon.txt", "vader", &text).unwrap();
    assert!(rows.len() > 7000, "{}", rows.len());
    let lol = rows.iter().find(|r| r.pattern == "=lol").unwrap();
    assert_eq!(lol.valence, Some(18), "the later line wins");
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    b.add_bundled().unwrap();
    b.add_valence(&path).unwrap();
    let lex = b.build();
    let id = lex.entries().iter().position(|e| &*e.pattern == "=fed =up").unwrap();
    assert_eq!(lex.roles().valence(crate::lexicon::EntryId(id as u32)), -1.8);
}
