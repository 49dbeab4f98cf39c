//! Benchmarks of the core: loading and validating the whole pack, and the searches that
//! autocomplete runs on every keystroke.
//!
//! Run: `cargo bench --bench core`

use std::path::PathBuf;

use aura::core::Core;
use aura::pack::{self, Lang};
use aura::search::Kind;

fn main() {
    divan::main();
}

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[divan::bench]
fn load_and_validate_pack() -> usize {
    match pack::load(&data()) {
        Ok(library) => library.packs.len(),
        Err(report) => panic!("{report}"),
    }
}

#[divan::bench]
fn load_pack_and_build_index() -> usize {
    match Core::load(&data(), Lang::En) {
        Ok(core) => core.library.packs.len(),
        Err(report) => panic!("{report}"),
    }
}

/// A 100-character query: a member pasting a sentence into autocomplete.
const LONG: &str = "the aura of the work of art withers in the age of mechanical reproduction, says benjamin, quite so!!";

#[divan::bench(args = ["", "a", "kult", "nilai kultus", "Ästhetisierung", "exibition valeu", LONG])]
fn autocomplete_concept(bencher: divan::Bencher<'_, '_>, query: &str) {
    let core = Core::load(&data(), Lang::En).unwrap_or_else(|r| panic!("{r}"));
    bencher.bench_local(|| {
        core.index
            .autocomplete(Kind::Concept, divan::black_box(query), Lang::Id)
    });
}

#[divan::bench]
fn build_index(bencher: divan::Bencher<'_, '_>) {
    let library = pack::load(&data()).unwrap_or_else(|r| panic!("{r}"));
    bencher.bench_local(|| aura::search::Index::build(divan::black_box(&library)));
}

#[divan::bench]
fn full_text_search(bencher: divan::Bencher<'_, '_>) {
    let core = Core::load(&data(), Lang::En).unwrap_or_else(|r| panic!("{r}"));
    bencher.bench_local(|| {
        core.index
            .search(divan::black_box("distraction"), &Kind::ALL, 10)
    });
}

/// 1,000 members answering one question through the round engine.
#[divan::bench]
fn quiz_thousand_answers(bencher: divan::Bencher<'_, '_>) {
    let core = Core::load(&data(), Lang::En).unwrap_or_else(|r| panic!("{r}"));
    let pool = &core.library.packs[0].questions;
    bencher
        .counter(divan::counter::ItemsCount::new(1000usize))
        .with_inputs(|| {
            let mut round = aura::quiz::Round::new(pool, aura::quiz::Settings::default(), 1)
                .unwrap_or_else(|e| panic!("{e}"));
            let start = std::time::Instant::now();
            round.open_next(start);
            (round, start)
        })
        .bench_local_values(|(mut round, start)| {
            for member in 0..1000u64 {
                round.answer(member, (member % 4) as usize % 2, start);
            }
            round.reveal()
        });
}

/// One chart drawn as PNG: a reveal's answer split of four choices (800×272 px), the most
/// common picture Aura sends. The size of its PNG is printed once (`cargo bench --bench core
/// chart`).
#[divan::bench]
fn chart_png(bencher: divan::Bencher<'_, '_>) {
    use aura::reply::{Bar, Chart, ChartKind};
    let bar = |label: &str, value: u64, marked: bool| Bar {
        label: label.into(),
        value,
        caption: format!("{value} · {}%", value * 100 / 30),
        marked,
    };
    let chart = Chart {
        name: "question-3.png".into(),
        alt: "Answers to question 3, 30 in all: A 12 (40%), B 3 (10%), C 0 (0%), D 15 (50%); correct: A.".into(),
        title: "Question 3: 30 answers".into(),
        kind: ChartKind::Bars(vec![
            bar("A · Technological reproduction", 12, true),
            bar("B · Mechanical reproduction", 3, false),
            bar("C · Digital copying", 0, false),
            bar("D · Mass production", 15, false),
        ]),
    };
    static SHOWN: std::sync::Once = std::sync::Once::new();
    SHOWN.call_once(|| {
        let bytes = aura::render::chart::png(&chart).expect("png");
        eprintln!("chart_png: {} bytes", bytes.len());
    });
    bencher.bench(|| aura::render::chart::png(divan::black_box(&chart)).map(|b| b.len()));
}
