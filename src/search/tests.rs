//! Tests of the search index: the index agrees with scanning every name, and the ranking rules.

use super::*;

fn index() -> Index {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    match crate::pack::load(&dir) {
        Ok(library) => Index::build(&library),
        Err(report) => panic!("{report}"),
    }
}

/// Queries of every kind: every name, its halves, typos of it, body words, nonsense.
fn queries(index: &Index) -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "a",
        "ab",
        "kult",
        "nilai kultus",
        "exibition valeu",
        "distraction",
        "zzzz",
        "aura",
        "arua",
        "kultwret",
        "Ästhetisierung",
        "value",
        "cult value",
        "xv",
        "ben",
        "nachwort",
        "the work of art in the age of its technological reproducibility and the aura of the cult",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (i, name) in index.keys_names().enumerate() {
        let chars: Vec<char> = name.chars().collect();
        out.push(name.to_string());
        out.push(chars[..chars.len() / 2].iter().collect());
        if chars.len() > 2 {
            let k = i % (chars.len() - 1);
            let mut swapped = chars.clone();
            swapped.swap(k, k + 1);
            out.push(swapped.iter().collect());
            let mut dropped = chars.clone();
            dropped.remove(k);
            out.push(dropped.iter().collect());
            let mut typo = chars.clone();
            typo[(k + 1) % chars.len()] = 'x';
            typo.insert(k / 2, 'q');
            out.push(typo.iter().collect());
        }
        if let Some(w) = name.split(' ').nth(1) {
            out.push(format!("{w} {}", name.chars().take(3).collect::<String>()));
        }
    }
    for e in index.entries.iter().step_by(3) {
        let words: Vec<&str> = e.body.split_whitespace().collect();
        if words.len() > 6 {
            out.push(words[2..5].join(" "));
            out.push(format!("{} {}", words[6], words[1]));
        }
    }
    out
}

impl Index {
    fn keys_names(&self) -> impl Iterator<Item = &str> {
        (0..self.owners.len() as u32).map(|n| self.keys.name(n))
    }
}

#[test]
fn the_index_finds_what_scanning_every_name_finds() {
    let index = index();
    let qs = queries(&index);
    assert!(qs.len() > 500, "{}", qs.len());
    let mut seen = std::collections::HashSet::new();
    for q in qs.iter().filter(|q| seen.insert(q.as_str())) {
        // Scanning is slow: once per query, over every kind; a kind's list is a filter of it.
        let all = index.search_by_scanning(q, &Kind::ALL, usize::MAX);
        for kinds in [
            &Kind::ALL[..],
            &[Kind::Concept],
            &[Kind::Section],
            &[Kind::Motion],
        ] {
            let expected: Vec<Hit> = all
                .iter()
                .filter(|h| kinds.contains(&h.kind))
                .cloned()
                .collect();
            assert_eq!(
                index.search_folded(&normalize(q), kinds, usize::MAX, false),
                expected,
                "{q:?} {kinds:?}"
            );
        }
    }
}

#[test]
fn documents_of_a_new_kind_are_just_more_entries() {
    let index = Index::from_documents(vec![Document {
        kind: Kind::Thinker,
        pack: "p".into(),
        id: "kracauer".into(),
        names: vec!["Siegfried Kracauer".into(), "Kracauer".into()],
        text: "Film theory, the mass ornament".into(),
        label: Text {
            en: Some("Siegfried Kracauer".into()),
            id: None,
        },
    }]);
    assert_eq!(
        index.resolve(Kind::Thinker, "krakauer").map(|h| h.id),
        Ok("kracauer".into())
    );
    assert_eq!(index.search("ornament", &Kind::ALL, 5).len(), 1);
}

#[test]
fn resolving_without_partial_matches_decides_as_the_full_search() {
    let index = index();
    let qs = queries(&index);
    let mut seen = std::collections::HashSet::new();
    for q in qs.iter().filter(|q| seen.insert(q.as_str())) {
        for kind in [Kind::Concept, Kind::Thinker, Kind::Section, Kind::Quote] {
            let full = decide(index.search(q, &[kind], 5));
            let input = q.trim();
            // Ids and `pack:id` values are answered before any search.
            if index.find(kind, None, input).is_some() || input.contains(':') {
                continue;
            }
            assert_eq!(index.resolve(kind, q), full, "{q:?} {kind:?}");
        }
    }
}
