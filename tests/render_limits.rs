//! Property tests: whatever text a reply holds, its rendered body stays within Discord's limits,
//! and cutting text never splits a character.

use aura::interaction::CustomId;
use aura::render::{self, limits};
use aura::reply::{Accent, Button, ButtonStyle, Field, Reply, Select, SelectOption};
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
    )
        .prop_map(
            |(title, body, fields, footer, buttons, select, ephemeral)| Reply {
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
                accent: Accent::Neutral,
                charts: Vec::new(),
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
