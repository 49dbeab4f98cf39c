//! Property tests: whatever text a reply holds, its rendered body stays within Discord's limits,
//! and cutting text never splits a character.

use aura::interaction::CustomId;
use aura::render::{self, limits};
use aura::reply::{
    Accent, Bar, Button, ButtonStyle, Chart, ChartKind, Field, Pair, Reply, Select, SelectOption,
};
use aura::text::{chars, truncate};
use proptest::prelude::*;

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[a-zA-Z éßÄ漢字🙂\n@]{{0,{max}}}"))
            .expect("regex"),
        (0..max).prop_map(|n| "word ".repeat(n / 5)),
        Just(String::new()),
        Just("   ".to_string()),
    ]
}

fn chart() -> impl Strategy<Value = Chart> {
    (
        text(80),
        text(2000),
        text(200),
        proptest::collection::vec((text(120), any::<u32>(), text(60), any::<bool>()), 0..14),
        any::<bool>(),
    )
        .prop_map(|(name, alt, title, rows, pairs)| Chart {
            name,
            alt,
            title,
            kind: if pairs {
                ChartKind::Pairs {
                    legend: ["before".into(), "after".into()],
                    rows: rows
                        .into_iter()
                        .map(|(label, v, caption, _)| Pair {
                            label,
                            before: u64::from(v),
                            after: u64::from(v / 3),
                            caption,
                        })
                        .collect(),
                }
            } else {
                ChartKind::Bars(
                    rows.into_iter()
                        .map(|(label, v, caption, marked)| Bar {
                            label,
                            value: u64::from(v),
                            caption,
                            marked,
                        })
                        .collect(),
                )
            },
        })
}

fn reply() -> impl Strategy<Value = Reply> {
    (
        proptest::option::of(text(400)),
        text(7000),
        proptest::collection::vec((text(300), text(1500), any::<bool>()), 0..30),
        proptest::option::of(text(2500)),
        proptest::collection::vec((text(120), text(90)), 0..30),
        proptest::option::of(proptest::collection::vec(
            (text(120), text(120), text(120)),
            0..30,
        )),
        any::<bool>(),
        proptest::collection::vec(chart(), 0..13),
    )
        .prop_map(
            |(title, body, fields, footer, buttons, select, ephemeral, charts)| Reply {
                title,
                text: body,
                fields: fields
                    .into_iter()
                    .map(|(name, value, inline)| Field {
                        name,
                        value,
                        inline,
                    })
                    .collect(),
                footer,
                buttons: buttons
                    .into_iter()
                    .map(|(id, label)| Button {
                        id: CustomId::Open { scope: id },
                        label,
                        style: ButtonStyle::Primary,
                    })
                    .collect(),
                select: select.map(|options| Select {
                    id: CustomId::Open { scope: "x".into() },
                    placeholder: "p".repeat(200),
                    options: options
                        .into_iter()
                        .map(|(label, value, d)| SelectOption {
                            label,
                            value,
                            description: Some(d),
                        })
                        .collect(),
                }),
                ephemeral,
                about: None,
                accent: Accent::Neutral,
                charts,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_reply_renders_within_limits(reply in reply()) {
        for kind in [render::CHANNEL_MESSAGE, render::UPDATE_MESSAGE] {
            let body = render::interaction_response(&reply, kind);
            let errs = limits::check_callback(&body);
            prop_assert!(errs.is_empty(), "{:?}", errs);
            prop_assert_eq!(&body["data"]["allowed_mentions"]["parse"], &serde_json::json!([]));
        }
    }

    #[test]
    fn any_replys_pictures_are_listed_and_drawn_alike(reply in reply()) {
        // Drawn for a few cases only: the listing is what the limits check above covers.
        let body = render::message(&reply, render::Mentions::default());
        let listed = body["attachments"].as_array().cloned().unwrap_or_default();
        prop_assert!(listed.len() < limits::ATTACHMENTS);
        prop_assert_eq!(listed.len(), reply.charts.len().min(limits::ATTACHMENTS - 1));
        if reply.charts.len() <= 2 {
            let files = render::files(&reply);
            prop_assert_eq!(files.len(), listed.len());
            for (file, entry) in files.iter().zip(&listed) {
                prop_assert_eq!(&serde_json::json!(file.name), &entry["filename"]);
                prop_assert!(file.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
                prop_assert!(file.bytes.len() < 1024 * 1024);
            }
        }
    }

    #[test]
    fn any_autocomplete_renders_within_limits(
        choices in proptest::collection::vec((text(200), text(150)), 0..60)
    ) {
        let body = render::autocomplete_response(&choices);
        prop_assert!(limits::check_callback(&body).is_empty());
    }

    #[test]
    fn truncate_fits_and_keeps_a_prefix(s in text(3000), max in 0usize..2100) {
        let t = truncate(&s, max);
        prop_assert!(chars(&t) <= max);
        let kept = t.strip_suffix('…').unwrap_or(&t);
        prop_assert!(s.starts_with(kept));
        if chars(&s) <= max {
            prop_assert_eq!(t, s);
        }
    }
}
