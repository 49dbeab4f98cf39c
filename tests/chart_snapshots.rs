//! Snapshots of every chart Aura draws, as PNG bytes committed under `tests/snapshots/charts/`,
//! in both languages: a reveal's answer split, the board's top ten and a debate's vote shift
//! (from the same sample classes `aura preview` shows), and the edge cases of a split (nobody
//! answered, one choice took everything, ten bars with long labels).
//!
//! The drawing is pure Rust with the fonts built in, so the bytes are the same on every
//! machine. After a deliberate change, look at the pictures and accept them with
//! `AURA_UPDATE_CHARTS=1 cargo test --test chart_snapshots`; a mismatch leaves the new picture
//! beside the old one as `<name>.new.png`.

use std::path::PathBuf;

use aura::core::Core;
use aura::debate::view::summary;
use aura::pack::Lang;
use aura::preview::sample_debate;
use aura::preview::sample_quiz as sample;
use aura::quiz::{Period, Sort};
use aura::reply::{Bar, Chart, ChartKind};

fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/charts")
}

/// Compares the chart's PNG with the committed one (or writes it, when asked to).
fn check(name: &str, chart: &Chart, failures: &mut Vec<String>) {
    let bytes = aura::render::chart::png(chart).expect("drawn");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let path = dir().join(format!("{name}.png"));
    if std::env::var_os("AURA_UPDATE_CHARTS").is_some() {
        std::fs::create_dir_all(dir()).expect("folder");
        std::fs::write(&path, &bytes).expect("write");
        return;
    }
    match std::fs::read(&path) {
        Ok(kept) if kept == bytes => {}
        Ok(_) | Err(_) => {
            let new = dir().join(format!("{name}.new.png"));
            let _ = std::fs::write(&new, &bytes);
            failures.push(format!(
                "{} differs (new picture: {})",
                path.display(),
                new.display()
            ));
        }
    }
}

fn split(title: &str, bars: &[(&str, u64, bool)]) -> Chart {
    let total: u64 = bars.iter().map(|b| b.1).sum();
    Chart {
        name: "split.png".into(),
        alt: "alt".into(),
        title: title.into(),
        kind: ChartKind::Bars(
            bars.iter()
                .map(|(label, value, marked)| Bar {
                    label: label.to_string(),
                    value: *value,
                    caption: format!(
                        "{value} · {}%",
                        (value * 100 + total / 2).checked_div(total).unwrap_or(0)
                    ),
                    marked: *marked,
                })
                .collect(),
        ),
    }
}

#[test]
fn every_chart_matches_its_committed_picture() {
    let core = core();
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        let reveal = sample::reveal(&core, lang, 1);
        let board = sample::leaderboard(lang, Period::All, Sort::Points);
        let class = sample_debate(&core, lang, aura::debate::class::Phase::Done, None)
            .expect("a sample debate");
        let debate = summary::summary(&core, &class, lang);
        for (name, reply) in [
            ("reveal", reveal),
            ("leaderboard", board),
            ("debate", debate),
        ] {
            assert_eq!(reply.charts.len(), 1, "{name} carries one chart");
            check(&format!("{name}_{code}"), &reply.charts[0], &mut failures);
        }
    }
    check(
        "split_nobody",
        &split(
            "Question 2: 0 answers",
            &[("A · Aura", 0, true), ("B · Kultwert", 0, false)],
        ),
        &mut failures,
    );
    check(
        "split_all_on_one",
        &split(
            "Question 4: 9 answers",
            &[("True", 9, true), ("False", 0, false)],
        ),
        &mut failures,
    );
    let long = "a label far too long for its column, about the exhibition value of film";
    let ten: Vec<(String, u64, bool)> = (0..10)
        .map(|i| (format!("{}. {long}", i + 1), 100 - i * 9, i == 3))
        .collect();
    let ten: Vec<(&str, u64, bool)> = ten.iter().map(|(l, v, m)| (l.as_str(), *v, *m)).collect();
    check("split_ten_long", &split(long, &ten), &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
