//! What a class debate leaves behind: the result line (both votes, the shift and the winner by
//! the Intelligence Squared rule), the summary posted in the thread, the argument tree, the
//! Markdown export, the channel's history, and a sample debate for `aura preview` and the
//! snapshots.

use super::class::{clock_text, motion_title, part_name};
use super::result::{points, side_name, tally_line, verdict_text, winner_text};
use super::{cite, evidence};
use std::collections::HashMap;

use crate::cards::whole_lines;
use crate::core::Core;
use crate::debate::Side;
use crate::debate::class::{
    Argument, Class, Phase, Poi, PoiState, Speech, Verdict, result::shift, verdict,
};
use crate::debate::model::{Came, Entry};
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::Lang;
use crate::reply::{Accent, Reply};
use crate::text::escape_markdown;

/// The argument tree as lines: each side's claims, with replies indented under what they
/// answer ("+" supports, "−" objects); a reply whose argument was removed stands at the top,
/// marked so. `mention`: members as mentions (Discord) or names. Drawn depth first with a
/// stack of its own, in time linear in the arguments, however deep a chain of replies goes.
fn tree_lines(
    pack: Option<&crate::pack::Pack>,
    c: &Class,
    lang: Lang,
    mention: bool,
) -> Vec<String> {
    let by_number: HashMap<u32, &Argument> = c.arguments.iter().map(|a| (a.number, a)).collect();
    let mut replies: HashMap<u32, Vec<&Argument>> = HashMap::new();
    for a in &c.arguments {
        if let Some(parent) = a.parent.filter(|p| by_number.contains_key(p)) {
            replies.entry(parent).or_default().push(a);
        }
    }
    let mut lines = Vec::new();
    for side in [Side::Benjamin, Side::Adorno] {
        let roots: Vec<&Argument> = c
            .arguments
            .iter()
            .filter(|a| a.side == side && a.parent.is_none_or(|p| !by_number.contains_key(&p)))
            .collect();
        if roots.is_empty() {
            continue;
        }
        lines.push(format!("**{}**", side_name(lang, side)));
        let mut stack: Vec<(&Argument, usize)> = roots.iter().rev().map(|a| (*a, 0)).collect();
        while let Some((a, depth)) = stack.pop() {
            let parent = a.parent.map(|p| by_number.get(&p).copied());
            lines.push(line(pack, a, parent, depth, lang, mention));
            if let Some(children) = replies.get(&a.number) {
                stack.extend(children.iter().rev().map(|r| (*r, depth + 1)));
            }
        }
    }
    lines
}

/// One argument's line. `parent`: `None` for a claim, `Some(None)` for a reply to an argument
/// that was removed.
fn line(
    pack: Option<&crate::pack::Pack>,
    a: &Argument,
    parent: Option<Option<&Argument>>,
    depth: usize,
    lang: Lang,
    mention: bool,
) -> String {
    let who = if mention {
        format!("<@{}>", a.user)
    } else {
        escape_markdown(&a.name)
    };
    let mark = match parent {
        Some(Some(parent)) if parent.side == a.side => "+ ".to_string(),
        Some(Some(_)) => "− ".to_string(),
        Some(None) => format!("{} ", t(lang, "class-argument-parent-removed")),
        None => String::new(),
    };
    let indent = "\u{2003}".repeat(depth.min(4));
    let arrow = if depth > 0 || matches!(parent, Some(None)) {
        "↳ "
    } else {
        ""
    };
    let mut line = format!(
        "{indent}{arrow}{mark}#{} {} — {who}",
        a.number,
        escape_markdown(&a.claim)
    );
    if let (Some(pack), Some(source)) = (pack, &a.source) {
        let cited = cite(pack, source, lang);
        if !cited.is_empty() {
            line.push_str(&format!(" · {cited}"));
        }
    }
    line
}

/// `/debate arguments`: the tree so far.
pub fn arguments(core: &Core, c: &Class, lang: Lang) -> Reply {
    let pack = core.library.pack(&c.debate.pack);
    let lines = tree_lines(pack, c, lang, true);
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "class-arguments-title",
            &[("motion", &motion_title(core, c, lang))],
        )),
        text: if lines.is_empty() {
            t(lang, "class-arguments-none")
        } else {
            t(lang, "class-arguments-legend")
        },
        accent: Accent::Debate,
        ..Reply::default()
    };
    for (name, value) in whole_lines(&t(lang, "class-arguments-heading"), &lines, 5) {
        reply = reply.field(name, value);
    }
    reply
}

fn pois_of(c: &Class, sp: &Speech) -> (usize, usize) {
    let pois: Vec<&Poi> = c.pois_in(sp.number).collect();
    (
        pois.iter()
            .filter(|p| p.state == PoiState::Accepted)
            .count(),
        pois.iter()
            .filter(|p| p.state == PoiState::Declined)
            .count(),
    )
}

fn speech_line(c: &Class, sp: &Speech, lang: Lang, mention: bool) -> String {
    let who = match &sp.speaker {
        Some((id, name)) if mention => format!("<@{id}>"),
        Some((_, name)) => escape_markdown(name),
        None => tr(lang, "class-team", &[("side", &side_name(lang, sp.side))]),
    };
    let used = match sp.used {
        Some(used) if sp.started_at.is_some() => tr(
            lang,
            "class-used",
            &[
                ("used", &clock_text(used)),
                ("allowed", &clock_text(sp.allowed)),
            ],
        ),
        _ => t(lang, "class-not-held"),
    };
    let (yes, no) = pois_of(c, sp);
    let mut line = format!(
        "{}. {} · {} — {who} · {used}",
        sp.number,
        part_name(lang, sp.part),
        side_name(lang, sp.side)
    );
    if yes + no > 0 {
        line.push_str(&format!(
            " · {}",
            tr(
                lang,
                "class-poi-count",
                &[("accepted", &yes), ("declined", &no)]
            )
        ));
    }
    line
}

/// The summary posted in the thread when the debate ends (and by `/debate summary`).
pub fn summary(core: &Core, c: &Class, lang: Lang) -> Reply {
    let pack = core.library.pack(&c.debate.pack);
    let v = verdict(c.opening, c.closing);
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "class-summary-title",
            &[("motion", &motion_title(core, c, lang))],
        )),
        text: tr(
            lang,
            "class-summary-intro",
            &[
                ("date", &format!("<t:{}:D>", c.debate.opened_at)),
                ("members", &c.members.len()),
                ("length", &clock_text(c.speech_secs)),
            ],
        ),
        accent: Accent::Debate,
        ..Reply::default()
    };
    reply = reply.field(t(lang, "heading-result"), result_text(c, &v, lang));
    let sides = [Side::Benjamin, Side::Adorno]
        .iter()
        .map(|&side| {
            let list: Vec<String> = c.on(side).map(|m| format!("<@{}>", m.id)).collect();
            side_line(lang, side, &list)
        })
        .collect::<Vec<_>>();
    reply = fields(reply, &t(lang, "class-sides-heading"), &sides, 1);
    let speeches: Vec<String> = c
        .speeches
        .iter()
        .map(|sp| speech_line(c, sp, lang, true))
        .collect();
    reply = reply.field(t(lang, "class-speeches-heading"), speeches.join("\n"));
    reply = reply.field(t(lang, "class-poi-heading"), poi_total(c, lang));
    for (heading, ev) in side_quotes(pack, c, lang) {
        let lines: Vec<String> = ev.lines().map(str::to_string).collect();
        reply = fields(reply, &heading, &lines, 1);
    }
    let tree = tree_lines(pack, c, lang, true);
    reply = if tree.is_empty() {
        reply.field(
            t(lang, "class-arguments-heading"),
            t(lang, "class-arguments-none"),
        )
    } else {
        fields(reply, &t(lang, "class-arguments-heading"), &tree, 3)
    };
    reply.footer = Some(t(lang, "class-summary-footer"));
    if !voting(c) && v.opening.total() + v.closing.total() > 0 {
        reply.charts.push(super::chart::shift_chart(&v, lang));
    }
    reply
}

/// Whether a vote is open: its ballots are secret until it closes, in every summary.
fn voting(c: &Class) -> bool {
    matches!(c.phase, Phase::Opening | Phase::Closing)
}

/// Both votes, the shift and the winner; while a vote is open, only that its count is hidden.
fn result_text(c: &Class, v: &Verdict, lang: Lang) -> String {
    if voting(c) {
        t(lang, "class-result-sealed")
    } else {
        verdict_text(v, lang)
    }
}

/// `reply` with `lines` under `heading`, whole, in as many fields as they need (`max`).
fn fields(mut reply: Reply, heading: &str, lines: &[String], max: usize) -> Reply {
    for (name, value) in whole_lines(heading, lines, max) {
        reply = reply.field(name, value);
    }
    reply
}

/// "**Benjamin** (3): a, b, c" ("—" for nobody).
fn side_line(lang: Lang, side: Side, names: &[String]) -> String {
    format!(
        "**{}** ({}): {}",
        side_name(lang, side),
        names.len(),
        if names.is_empty() {
            "—".into()
        } else {
            names.join(", ")
        }
    )
}

/// How many points of information were raised, accepted and declined.
fn poi_total(c: &Class, lang: Lang) -> String {
    let count = |state| c.pois.iter().filter(|p| p.state == state).count();
    tr(
        lang,
        "class-poi-total",
        &[
            ("total", &c.pois.len()),
            ("accepted", &count(PoiState::Accepted)),
            ("declined", &count(PoiState::Declined)),
        ],
    )
}

/// Each side's evidence on the motion under its heading ("Benjamin's quotes"), for the sides
/// that have some.
fn side_quotes(pack: Option<&crate::pack::Pack>, c: &Class, lang: Lang) -> Vec<(String, String)> {
    let own = c.debate.own_motion.as_ref();
    let Some((pack, m)) = pack.and_then(|p| own.or(p.motion(&c.debate.motion)).map(|m| (p, m)))
    else {
        return Vec::new();
    };
    [
        (Side::Benjamin, &m.benjamin_quotes),
        (Side::Adorno, &m.adorno_quotes),
    ]
    .into_iter()
    .filter_map(|(side, ids)| {
        let ev = evidence(pack, ids, lang);
        let heading = tr(
            lang,
            "class-quotes-heading",
            &[("side", &side_name(lang, side))],
        );
        (!ev.is_empty()).then_some((heading, ev))
    })
    .collect()
}

/// `/debate export`: the whole debate as Markdown (names as Discord showed them).
pub fn export(core: &Core, c: &Class, lang: Lang) -> String {
    let pack = core.library.pack(&c.debate.pack);
    let v = verdict(c.opening, c.closing);
    let mut md = format!(
        "# {}\n\n",
        tr(
            lang,
            "class-summary-title",
            &[("motion", &motion_title(core, c, lang))]
        )
    );
    let date = jiff::Timestamp::from_second(c.debate.opened_at)
        .map(|ts| ts.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    md.push_str(&format!(
        "{date} · {}\n\n",
        tr(
            lang,
            "class-export-meta",
            &[
                ("members", &c.members.len()),
                ("length", &clock_text(c.speech_secs))
            ]
        )
    ));
    md.push_str(&format!(
        "## {}\n\n{}\n\n",
        t(lang, "heading-result"),
        result_text(c, &v, lang).replace('\n', "  \n")
    ));
    md.push_str(&format!("## {}\n\n", t(lang, "class-sides-heading")));
    for side in [Side::Benjamin, Side::Adorno] {
        let names: Vec<String> = c.on(side).map(|m| escape_markdown(&m.name)).collect();
        md.push_str(&format!("- {}\n", side_line(lang, side, &names)));
    }
    md.push_str(&format!("\n## {}\n\n", t(lang, "class-speeches-heading")));
    for sp in &c.speeches {
        md.push_str(&format!("- {}\n", speech_line(c, sp, lang, false)));
        for p in c.pois_in(sp.number) {
            let state = t(lang, &format!("class-poi-state-{}", p.state.code()));
            md.push_str(&format!("  - ✋ {} — {state}\n", escape_markdown(&p.name)));
        }
    }
    md.push_str(&format!("\n## {}\n\n", t(lang, "class-arguments-heading")));
    let tree = tree_lines(pack, c, lang, false);
    if tree.is_empty() {
        md.push_str(&format!("{}\n", t(lang, "class-arguments-none")));
    }
    for line in tree {
        let depth = line.chars().take_while(|ch| *ch == '\u{2003}').count();
        // A member's claim typed over several lines stays one line of the list: a line of its
        // own could read as a heading's underline (`===`) or start a block of its own.
        let text = line
            .trim_start_matches('\u{2003}')
            .replace(['\r', '\n'], " ");
        let text = text.as_str();
        if text.starts_with("**") {
            md.push_str(&format!("\n### {}\n\n", text.trim_matches('*')));
        } else {
            md.push_str(&format!("{}- {}\n", "  ".repeat(depth), text));
        }
    }
    for (heading, ev) in side_quotes(pack, c, lang) {
        md.push_str(&format!("\n## {heading}\n\n{ev}\n"));
    }
    md
}

/// `/debate history`: the channel's debates, newest first.
/// The history's page line ("Page 2 of 5 · 43 debates") and its buttons to the newer and
/// older pages (only where there is one).
pub fn history_pages(mut reply: Reply, (page, pages): (u32, u32), total: u64, lang: Lang) -> Reply {
    reply.footer = Some(tr(
        lang,
        "class-history-page",
        &[
            ("page", &(page as usize + 1)),
            ("pages", &(pages as usize)),
            ("total", &(total as usize)),
        ],
    ));
    let labels = ("class-history-newer", "class-history-older");
    crate::cards::page_buttons(&mut reply, (page, pages), labels, lang, |page| {
        Some(CustomId::DebateHistory { page })
    });
    reply
}

pub fn history(core: &Core, entries: &[Entry], lang: Lang) -> Reply {
    let lines: Vec<String> = entries
        .iter()
        .map(|e| {
            let d = &e.debate;
            let motion = motion_of(core, d, lang);
            let format = t(lang, &format!("class-format-{}", d.format.code()));
            let came = match &e.came {
                Came::Open => t(lang, "class-history-open"),
                Came::Tally(tally) => tally_line(tally, lang),
                Came::Verdict(v) => {
                    let who = winner_text(v, lang);
                    format!(
                        "{who} ({} {}, {} {})",
                        side_name(lang, Side::Benjamin),
                        points(shift(v, Side::Benjamin)),
                        side_name(lang, Side::Adorno),
                        points(shift(v, Side::Adorno))
                    )
                }
            };
            format!("<t:{}:d> · **{motion}** · {format} — {came}", d.opened_at)
        })
        .collect();
    let mut reply = Reply {
        title: Some(t(lang, "class-history-title")),
        text: if lines.is_empty() {
            t(lang, "class-history-none")
        } else {
            String::new()
        },
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    for (name, value) in whole_lines(&t(lang, "class-history-heading"), &lines, 3) {
        reply = reply.field(name, value);
    }
    reply
}

/// A debate's motion in `lang` (its id when the pack no longer has it).
fn motion_of(core: &Core, d: &crate::debate::Debate, lang: Lang) -> String {
    d.motion_in(&core.library)
        .map(|(_, m)| m.motion.get(lang).to_string())
        .unwrap_or_else(|| d.motion.clone())
}

/// For a moderator: every debate open in the server, where it runs, who opened it and when it
/// closes, with how to end one.
pub fn open_in_server(
    core: &Core,
    reply: Reply,
    open: &[crate::debate::Debate],
    lang: Lang,
) -> Reply {
    if open.is_empty() {
        return reply;
    }
    let lines: Vec<String> = open
        .iter()
        .map(|d| {
            let format = t(lang, &format!("class-format-{}", d.format.code()));
            format!(
                "<#{}> · **{}** · {format} · <@{}> · <t:{}:R>",
                d.room(),
                escape_markdown(&motion_of(core, d, lang)),
                d.starter,
                d.closes_at
            )
        })
        .collect();
    let mut reply = reply;
    let heading = tr(lang, "class-open-in-server", &[("count", &open.len())]);
    for (name, value) in whole_lines(&heading, &lines, 2) {
        reply = reply.field(name, value);
    }
    reply.field(t(lang, "class-open-end-heading"), t(lang, "class-open-end"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debate::class::Phase;

    /// A chain of replies far deeper than any stack frame budget is drawn, in order, without
    /// recursion (a flooded debate from before the bounds).
    #[test]
    fn a_chain_of_a_hundred_thousand_replies_is_drawn_without_recursion() {
        let core = Core::for_tests();
        let mut c =
            crate::preview::sample_debate(&core, Lang::En, Phase::Speech, None).expect("sample");
        let first = c.arguments[0].clone();
        c.arguments = (1..=100_000u32)
            .map(|n| Argument {
                number: n,
                parent: (n > 1).then(|| n - 1),
                claim: format!("claim {n}"),
                ..first.clone()
            })
            .collect();
        let lines = tree_lines(None, &c, Lang::En, false);
        assert_eq!(lines.len(), 100_001, "a heading and every argument");
        assert!(lines[1].contains("#1 claim 1"), "{}", lines[1]);
        assert!(lines[100_000].contains("#100000 claim 100000"));
        // Indentation stops at four levels.
        assert!(lines[100_000].starts_with(&"\u{2003}".repeat(4)));
        assert!(!lines[100_000].starts_with(&"\u{2003}".repeat(5)));
    }

    /// A reply whose argument was removed (its author erased their data) stays, marked.
    #[test]
    fn a_reply_to_a_removed_argument_stays_and_says_so() {
        let core = Core::for_tests();
        let mut c =
            crate::preview::sample_debate(&core, Lang::En, Phase::Speech, None).expect("sample");
        let removed = c
            .arguments
            .iter()
            .find(|a| c.arguments.iter().any(|r| r.parent == Some(a.number)))
            .map(|a| a.number)
            .expect("an argument with a reply");
        let replies: Vec<u32> = c
            .arguments
            .iter()
            .filter(|r| r.parent == Some(removed))
            .map(|r| r.number)
            .collect();
        c.arguments.retain(|a| a.number != removed);
        let lines = tree_lines(None, &c, Lang::En, false);
        for reply in replies {
            let line = lines
                .iter()
                .find(|l| l.contains(&format!("#{reply} ")))
                .unwrap_or_else(|| panic!("reply #{reply} is gone: {lines:?}"));
            assert!(line.contains("replying to a removed argument"), "{line}");
        }
        assert_eq!(c.depth_of(c.arguments[0].number), 1);
    }
}
