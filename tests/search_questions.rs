//! `/search` answers the questions students actually type, in English and Indonesian: whole
//! questions, passages quoted from memory in the standard English wording, the work's titles,
//! versions and history, thinkers, motions, the letter, and near-miss concept names.

use std::path::PathBuf;

use aura::core::Core;
use aura::pack::Lang;
use aura::search::Kind;

fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
}

/// The first result for `query`, as `kind:id`.
fn first(core: &Core, query: &str) -> String {
    core.index
        .search(query, &Kind::ALL, 10)
        .first()
        .map(|h| format!("{:?}:{}", h.kind, h.id))
        .unwrap_or_default()
}

/// The first `n` results for `query`, as `kind:id` with their scores.
fn top(core: &Core, query: &str, n: usize) -> String {
    let hits = core.index.search(query, &Kind::ALL, n);
    let shown: Vec<String> = hits
        .iter()
        .map(|h| format!("{:?}:{} {:.2}", h.kind, h.id, h.score))
        .collect();
    shown.join(", ")
}

/// Whether `kind:id` is among the first `n` results.
fn among(core: &Core, query: &str, want: &str, n: usize) -> bool {
    core.index
        .search(query, &Kind::ALL, n)
        .iter()
        .any(|h| format!("{:?}:{}", h.kind, h.id) == want)
}

#[test]
fn whole_questions_find_their_topic() {
    let core = core();
    for (query, want) in [
        ("what does benjamin mean by aura?", "Concept:aura"),
        ("apa yang dimaksud Benjamin dengan aura?", "Concept:aura"),
        ("what is cult value", "Concept:cult-value"),
        ("apa itu nilai pameran", "Concept:exhibition-value"),
        (
            "what is the optical unconscious?",
            "Concept:optical-unconscious",
        ),
        (
            "apa arti estetisasi politik",
            "Concept:aestheticization-of-politics",
        ),
        ("who is Pirandello", "Thinker:pirandello"),
        ("siapa Miriam Hansen?", "Thinker:hansen"),
    ] {
        assert_eq!(first(&core, query), want, "{query}");
    }
}

#[test]
fn passages_quoted_from_memory_find_the_quote() {
    let core = core();
    for (query, want) in [
        // Zohn's wording, from memory, where the pack quotes another translation.
        (
            "the public is an examiner, but an absent-minded one",
            "Quote:distracted-examiner",
        ),
        (
            "the unique phenomenon of a distance however close it may be",
            "Quote:aura-definition",
        ),
        (
            "that which withers in the age of mechanical reproduction is the aura",
            "Quote:aura-withers",
        ),
        (
            "mechanical reproduction emancipates the work of art from its dependence on ritual",
            "Quote:emancipates-from-ritual",
        ),
        (
            "the cult of the movie star preserves the phony spell of a commodity",
            "Quote:phony-spell",
        ),
        (
            "publik adalah penguji tetapi yang terdistraksi",
            "Quote:distracted-examiner",
        ),
        (
            "culture today infects everything with sameness",
            "Quote:infecting-with-sameness",
        ),
    ] {
        assert!(
            among(&core, query, want, 3),
            "{query}: {:?}",
            core.index.search(query, &Kind::ALL, 5)
        );
    }
}

#[test]
fn the_works_titles_versions_and_history_are_found() {
    let core = core();
    for (query, want) in [
        ("when was the essay first published?", "Page:history"),
        ("kapan esai ini pertama kali terbit?", "Page:history"),
        (
            "Das Kunstwerk im Zeitalter seiner technischen Reproduzierbarkeit",
            "Page:title",
        ),
        ("which version did Adorno read", "Page:version-v2"),
        ("siapa yang menerjemahkan versi Prancis", "Page:version-fr"),
        ("Adorno's letter to Benjamin", "Page:letter"),
        ("surat Adorno 1936", "Page:letter"),
        (
            "is laughter at the movies revolutionary",
            "Motion:laughter-is-revolutionary",
        ),
        (
            "Benjamin ragu-ragu antara komunisme dan fasisme?",
            "Concept:politicization-of-art",
        ),
        ("de-estetisisasi", "Myth:seed-de-aestheticization"),
    ] {
        assert!(
            among(&core, query, want, 3),
            "{query}: {:?}",
            core.index.search(query, &Kind::ALL, 5)
        );
    }
}

#[test]
fn near_miss_concept_names_get_a_did_you_mean() {
    let core = core();
    for (lang, asks) in [(Lang::En, "Did you mean"), (Lang::Id, "Maksud Anda")] {
        for (query, en, id) in [
            ("kultwret", "Cult value", "Nilai kultus"),
            (
                "estetisasi politk",
                "Aestheticization of politics",
                "Estetisasi politik",
            ),
        ] {
            let name = if lang == Lang::En { en } else { id };
            let out =
                aura::preview::preview(&core, lang, &format!("/search query:{query}"), 1, false)
                    .expect("preview");
            assert!(
                out.contains(&format!("{asks} **{name}**")),
                "{query}: {out}"
            );
        }
        // A name spelt right, or a word of it, is not a near miss.
        let out =
            aura::preview::preview(&core, lang, "/search query:value", 1, false).expect("preview");
        assert!(!out.contains(asks), "{out}");
    }
}

/// A student's whole question, longer than a name or a topic may be (up to 300 characters in
/// `/search`), still finds its topic.
#[test]
fn a_question_of_two_sentences_finds_its_topic() {
    let core = core();
    let question = "We read the essay in class today and I still do not get it. What does \
                    Benjamin mean when he says that the aura of a work of art withers in the \
                    age of mechanical reproduction?";
    assert!(question.chars().count() > 100 && question.chars().count() <= 300);
    assert!(among(&core, question, "Concept:aura", 3), "{question}");
    assert_eq!(aura::catalog::request::max_for("search", "query"), 300);
    assert_eq!(aura::catalog::request::max_for("concept", "name"), 100);
}

/// Benjamin's comparison of the crisis of the democracies with the crisis of the theatre (the
/// footnote on the politician to section X) is in the pack and is found.
#[test]
fn the_crisis_of_democracy_and_the_theatre_is_found() {
    let core = core();
    for query in [
        "crisis of democracy and the theatre",
        "krisis demokrasi dan teater",
    ] {
        let hits = core.index.search(query, &Kind::ALL, 3);
        assert!(
            hits.iter().any(|h| h.kind == Kind::Section && h.id == "x"),
            "{query}: {:?}",
            hits.iter().map(|h| &h.id).collect::<Vec<_>>()
        );
    }
}

/// How `/concept` (or `/konsep`) finds `name`: the card it opens, or the first three search
/// results it answers with when no concept is called that.
fn concept_finds(core: &Core, name: &str, want: &[&str]) -> bool {
    match core.index.resolve(Kind::Concept, name) {
        Ok(hit) => want.contains(&format!("Concept:{}", hit.id).as_str()),
        Err(_) => want.iter().any(|w| among(core, name, w, 3)),
    }
}

/// The quote `/quote topic:…` shows, over many draws: every one of them.
fn quotes_on(core: &Core, topic: &str) -> std::collections::BTreeSet<String> {
    use rand::SeedableRng;
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    (0..40)
        .map(|_| {
            let reply = aura::lookup::quote::answer(core, Lang::En, Some(topic), None, &mut rng);
            reply.text.lines().next().unwrap_or_default().to_string()
        })
        .collect()
}

/// The queries an examiner typed that found nothing useful, each with its answer.
#[test]
fn the_examiners_queries_find_their_answers() {
    let core = core();
    for (name, want) in [
        ("loss of aura", &["Concept:aura"][..]),
        ("hilangnya aura", &["Concept:aura"]),
        ("nilai ritual", &["Concept:cult-value"]),
        ("keunikan", &["Concept:here-and-now", "Concept:aura"]),
        ("originality", &["Concept:authenticity"]),
        (
            "politik sebagai tontonan",
            &["Concept:aestheticization-of-politics"],
        ),
        (
            "seni massa",
            &["Concept:collective-reception", "Concept:culture-industry"],
        ),
    ] {
        assert!(
            concept_finds(&core, name, want),
            "/concept {name}: {:?} / {}",
            core.index.resolve(Kind::Concept, name).map(|h| h.id),
            top(&core, name, 3)
        );
    }
    for (query, want) in [
        ("Mengapa aura memudar?", "Section:iii"),
        (
            "What did Adorno think about Chaplin?",
            "Quote:chaplin-romanticization",
        ),
        ("What does Benjamin say about architecture?", "Section:xv"),
        ("Benjamin dan Marxisme", "Section:preface"),
    ] {
        assert!(
            among(&core, query, want, 3),
            "/search {query}: {}",
            top(&core, query, 5)
        );
    }
    // `/quote topic:` shows only quotes that match the topic.
    for (topic, words) in [("Chaplin", "Chaplin"), ("withers", "withers")] {
        let shown = quotes_on(&core, topic);
        assert!(
            !shown.is_empty() && shown.iter().all(|q| q.contains(words)),
            "/quote topic:{topic}: {shown:?}"
        );
    }
}

/// Thirty questions as students ask them, fifteen in each language, each with the results
/// that answer it. The share answered in the first three results is reported per language
/// (README → Search) and must stay at or above the figure there.
#[test]
fn students_questions_are_answered_in_the_first_three_results() {
    let core = core();
    let english: [(&str, &[&str]); 15] = [
        (
            "why does the aura wither?",
            &["Section:iii", "Concept:aura", "Quote:aura-withers"],
        ),
        ("what is exhibition value?", &["Concept:exhibition-value"]),
        (
            "what does Benjamin say about film actors?",
            &["Concept:apparatus-and-test", "Section:viii", "Section:ix"],
        ),
        (
            "cult value versus exhibition value",
            &[
                "Concept:cult-value",
                "Concept:exhibition-value",
                "Quote:two-poles",
                "Section:v",
            ],
        ),
        ("what did Adorno criticise in the essay?", &["Page:letter"]),
        ("who translated the essay into English?", &["Thinker:zohn"]),
        (
            "what is the culture industry?",
            &["Concept:culture-industry"],
        ),
        (
            "why is fascism an aestheticization of politics?",
            &[
                "Concept:aestheticization-of-politics",
                "Quote:aesthetics-into-political-life",
            ],
        ),
        (
            "how does communism respond to fascism?",
            &["Concept:politicization-of-art", "Quote:politicizing-art"],
        ),
        (
            "what did Benjamin think of the Dadaists?",
            &["Concept:dada", "Section:xiv"],
        ),
        (
            "what does the close-up show us?",
            &["Concept:optical-unconscious", "Section:xiii"],
        ),
        (
            "what does art for art's sake mean?",
            &["Concept:lart-pour-lart"],
        ),
        (
            "is a photograph still authentic?",
            &["Concept:authenticity", "Concept:photography"],
        ),
        (
            "why are movie stars worshipped?",
            &["Concept:star-cult", "Quote:phony-spell"],
        ),
        (
            "how do we look at buildings?",
            &["Section:xv", "Concept:distraction"],
        ),
    ];
    let indonesian: [(&str, &[&str]); 15] = [
        ("apa itu nilai kultus?", &["Concept:cult-value"]),
        (
            "apa kritik Adorno terhadap Benjamin?",
            &["Page:letter", "Thinker:adorno"],
        ),
        ("apa itu industri budaya?", &["Concept:culture-industry"]),
        (
            "apa hubungan fasisme dengan estetika?",
            &["Concept:aestheticization-of-politics"],
        ),
        ("apa itu keaslian karya seni?", &["Concept:authenticity"]),
        (
            "apa yang dimaksud dengan politisasi seni?",
            &["Concept:politicization-of-art"],
        ),
        ("siapa Adorno?", &["Thinker:adorno"]),
        (
            "apa itu ketaksadaran optis?",
            &["Concept:optical-unconscious"],
        ),
        (
            "bagaimana penonton menjadi penguji?",
            &["Concept:audience-as-examiner", "Quote:distracted-examiner"],
        ),
        ("apa itu efek kejut dalam film?", &["Concept:shock"]),
        ("apa arti seni untuk seni?", &["Concept:lart-pour-lart"]),
        (
            "mengapa reproduksi teknis mengubah seni?",
            &["Concept:technical-reproducibility", "Section:i"],
        ),
        ("kenapa bintang film dipuja?", &["Concept:star-cult"]),
        ("apa itu teknologi kedua?", &["Concept:second-technology"]),
        (
            "siapa yang menerjemahkan esai ini ke bahasa Inggris?",
            &["Thinker:zohn"],
        ),
    ];
    for (lang, set) in [("en", &english), ("id", &indonesian)] {
        let missed: Vec<_> = set
            .iter()
            .filter(|(q, want)| !want.iter().any(|w| among(&core, q, w, 3)))
            .map(|(q, _)| format!("{q} → {}", top(&core, q, 3)))
            .collect();
        let share = (set.len() - missed.len()) as f64 / set.len() as f64;
        eprintln!(
            "{lang}: {:.0}% answered in the first three results",
            share * 100.0
        );
        assert!(missed.is_empty(), "{lang}:\n{}", missed.join("\n"));
    }
}
